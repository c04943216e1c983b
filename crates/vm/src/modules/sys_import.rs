//! `sys` attributes the import system and `site` read: the finder lists
//! (`meta_path`, `path_hooks`, `path_importer_cache`, which Pith's own
//! importer does not consult but `importlib._bootstrap`, `pkgutil` and
//! `runpy` fill and search), `pycache_prefix`, `copyright`, and `addaudithook`.

use crate::dict::Dict;
use crate::exc::PyResult;
use crate::func::Args;
use crate::value::Value;
use crate::vm::Vm;

super::module_functions!(FUNCTIONS, "sys", [
    "addaudithook" => addaudithook,
]);

/// CPython 3.11's `sys.copyright`.
const COPYRIGHT: &str = "Copyright (c) 2001-2023 Python Software Foundation.
All Rights Reserved.

Copyright (c) 2000 BeOpen.com.
All Rights Reserved.

Copyright (c) 1995-2001 Corporation for National Research Initiatives.
All Rights Reserved.

Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.
All Rights Reserved.";

/// The attributes and functions to add to `sys`.
pub(super) fn attrs(executable: &Value) -> Vec<(&'static str, Value)> {
    let mut out = vec![
        ("meta_path", Value::list(Vec::new())),
        ("path_hooks", Value::list(Vec::new())),
        ("path_importer_cache", Value::dict(Dict::new())),
        ("pycache_prefix", Value::None),
        ("copyright", Value::str(COPYRIGHT)),
        ("_base_executable", executable.clone()),
    ];
    for f in FUNCTIONS {
        out.push((f.name, Value::Builtin(f)));
    }
    out
}

/// `sys.addaudithook(hook)`: Pith raises no audit events, so hooks are
/// accepted and never called.
fn addaudithook(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}
