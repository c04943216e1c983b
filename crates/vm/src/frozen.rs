//! The standard-library modules CPython 3.11 freezes into its executable
//! (`Python/frozen.c`'s stdlib list, as `_imp._frozen_module_names()` gives
//! it). CPython finds them before `sys.path` (`FrozenImporter` precedes
//! `PathFinder` in `sys.meta_path`), so a program's own `os.py` does not
//! shadow them; their spec's origin is `'frozen'` with `FrozenImporter` as
//! loader, they have `__file__` but no `__cached__`, and their code names
//! its file `<frozen NAME>` (so tracebacks show no source line). Pith
//! compiles the same modules from the standard library's sources and
//! presents them the same way.

use std::path::PathBuf;

use crate::vm::Vm;

/// The frozen modules that are plain (non-package) stdlib sources.
const FROZEN_STDLIB: &[&str] = &[
    "zipimport",
    "abc",
    "codecs",
    "io",
    "_collections_abc",
    "_sitebuiltins",
    "genericpath",
    "ntpath",
    "posixpath",
    "os",
    "site",
    "stat",
    "importlib.util",
    "importlib.machinery",
    "runpy",
    "__hello__",
];

/// Whether CPython imports module `name` frozen (`_imp.is_frozen`).
pub(crate) fn is_frozen(name: &str) -> bool {
    FROZEN_STDLIB.contains(&name)
}

impl Vm {
    /// Where the binary finds the standard library: `PREFIX/lib/python3.11`
    /// (`sys._stdlib_dir`), `None` without a prefix.
    pub(crate) fn stdlib_dir(&self) -> Option<String> {
        (!self.prefix.is_empty()).then(|| format!("{}/lib/python3.11", self.prefix))
    }
}

/// The standard-library source of frozen module `name`, if it is one and
/// the standard library is there.
pub(crate) fn frozen_source(vm: &Vm, name: &str) -> Option<PathBuf> {
    if !is_frozen(name) {
        return None;
    }
    let stdlib = vm.stdlib_dir()?;
    // `-X frozen_modules=off` imports them from `sys.path` like any other.
    let off = vm
        .cmdline
        .xoptions
        .iter()
        .any(|(n, v)| n == "frozen_modules" && v.as_deref() == Some("off"));
    if off {
        return None;
    }
    let file = PathBuf::from(format!("{stdlib}/{}.py", name.replace('.', "/")));
    file.is_file().then_some(file)
}
