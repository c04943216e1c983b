//! `importlib`: `import_module`, `reload` and `invalidate_caches`, native.
//!
//! Why native rather than the standard library's `importlib` package: its
//! `__init__` installs `importlib._bootstrap` as a second import system
//! written in Python (`_bootstrap._setup(sys, _imp)`), which needs the
//! native `_imp`, `_warnings`, `marshal` and `_frozen_importlib` internals
//! and would run every import through Python code. Here `import_module`
//! goes through the same machinery as the `import` statement (`import.rs`),
//! with the checks and messages of `importlib.import_module` and
//! `_bootstrap._gcd_import`. The module's `__path__` is the standard
//! library's `importlib` directory when one is on `sys.path`, so its
//! pure-Python submodules (`importlib.util`, ...) are still found; they
//! import when the natives they need exist, else fail with ImportError.

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

super::module_functions!(FUNCTIONS, "importlib", [
    "import_module" => import_module,
    "reload" => reload,
    "invalidate_caches" => invalidate_caches,
]);

/// Builds `importlib`.
pub fn init(vm: &mut Vm) -> Value {
    let mut extra = vec![("__package__", Value::str("importlib"))];
    let dir = match &vm.sys_path {
        Value::List(l) => l.borrow().iter().find_map(|p| match p {
            Value::Str(s) if !s.as_str().is_empty() => {
                let d = std::path::Path::new(s.as_str()).join("importlib");
                d.join("__init__.py")
                    .is_file()
                    .then(|| d.display().to_string())
            }
            _ => None,
        }),
        _ => None,
    };
    if let Some(dir) = dir {
        extra.push(("__path__", Value::list(vec![Value::string(dir)])));
    }
    super::new_module("importlib", FUNCTIONS, extra)
}

/// `import_module(name, package=None)`.
fn import_module(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.check_kw("import_module", &["name", "package"])?;
    let name = match a.pos.first().or_else(|| a.kw("name")) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(PyErr::new(
                ExcKind::AttributeError,
                format!(
                    "'{}' object has no attribute 'startswith'",
                    crate::types::type_name(other)
                ),
            ))
        }
        None => {
            return Err(PyErr::type_error(
                "import_module() missing 1 required positional argument: 'name'",
            ))
        }
    };
    let package = a.pos.get(1).or_else(|| a.kw("package")).cloned();
    let level = name.chars().take_while(|c| *c == '.').count();
    let rest = &name[level..];
    let absname = if level > 0 {
        let package = match &package {
            Some(Value::Str(p)) if !p.as_str().is_empty() => p.as_str().to_string(),
            Some(Value::Str(_)) | None | Some(Value::None) => {
                return Err(PyErr::type_error(format!(
                    "the 'package' argument is required to perform a relative import for {}",
                    pith_repr::str_repr(&name)
                )))
            }
            Some(_) => return Err(PyErr::type_error("__package__ not set to a string")),
        };
        let bits: Vec<&str> = package.rsplitn(level, '.').collect();
        if bits.len() < level {
            return Err(PyErr::new(
                ExcKind::ImportError,
                "attempted relative import beyond top-level package",
            ));
        }
        let base = bits.last().copied().unwrap_or("");
        if rest.is_empty() {
            base.to_string()
        } else {
            format!("{base}.{rest}")
        }
    } else {
        if name.is_empty() {
            return Err(PyErr::value_error("Empty module name"));
        }
        name.clone()
    };
    vm.import_dotted(&absname)
}

/// `reload(module)`: runs the module's source again in its namespace.
fn reload(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(module) = a.pos.first() else {
        return Err(PyErr::type_error(
            "reload() missing 1 required positional argument: 'module'",
        ));
    };
    let Value::Module(m) = module else {
        return Err(PyErr::type_error("reload() argument must be a module"));
    };
    let in_sys = vm.sys_module(&m.name);
    if !in_sys.is_some_and(|v| matches!(&v, Value::Module(x) if Rc::ptr_eq(x, m))) {
        return Err(PyErr::new(
            ExcKind::ImportError,
            format!("module {} not in sys.modules", m.name),
        ));
    }
    let file = crate::import::dict_get(&m.dict.borrow(), "__file__");
    let Some(Value::Str(file)) = file else {
        // Native modules are not re-created.
        return Ok(module.clone());
    };
    let code = vm.load_source_module(std::path::Path::new(file.as_str()))?;
    vm.exec_module(code, m.dict.clone())?;
    Ok(vm.sys_module(&m.name).unwrap_or_else(|| module.clone()))
}

/// `invalidate_caches()`: Pith's finders keep no caches.
fn invalidate_caches(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}
