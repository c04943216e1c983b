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
//! pure-Python submodules (`importlib.util`, ...) are still found; once
//! `_bootstrap` and `_bootstrap_external` are imported they are installed
//! (`setup_bootstrap`) as CPython's `importlib/__init__.py` would.

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
    // `importlib.__import__` is `_bootstrap.__import__`: the import statement's
    // function, which here is the builtin's.
    "__import__" => crate::import::b_import,
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

/// After `importlib._bootstrap` or `importlib._bootstrap_external` (the
/// standard library's Python files) ran: wires them up as CPython's
/// `importlib/__init__.py` and `_install_external_importers` do, so that
/// `importlib.util`, `pkgutil`, `runpy` and `zipimport` find a configured
/// import system (`sys.meta_path` and `sys.path_hooks` filled; Pith's own
/// importer does not consult them).
pub(crate) fn setup_bootstrap(vm: &mut Vm, name: &str, module: &Value) -> PyResult<()> {
    match name {
        "importlib._bootstrap" => {
            let sys = vm.import_module("sys")?;
            let imp = vm.import_module("_imp")?;
            vm.call_method(module, "_install", &[sys, imp])?;
        }
        "importlib._bootstrap_external" => {
            let bootstrap = vm.import_dotted("importlib._bootstrap")?;
            vm.call_method(module, "_install", std::slice::from_ref(&bootstrap))?;
            let key = vm.intern("_bootstrap_external");
            vm.set_attr(&bootstrap, &key, module.clone())?;
        }
        _ => {}
    }
    Ok(())
}

/// `_frozen_importlib.__getattr__`: names the native module lacks come
/// from `importlib._bootstrap`, of which CPython's `_frozen_importlib` is
/// the frozen copy (`zipimport` uses `_verbose_message`, `spec_from_loader`).
pub(crate) fn bootstrap_getattr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    forward(vm, a, "_frozen_importlib", "importlib._bootstrap")
}

/// `_frozen_importlib_external.__getattr__`, from
/// `importlib._bootstrap_external` (`_unpack_uint16`, `_LoaderBasics`, ...).
pub(crate) fn external_getattr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    forward(
        vm,
        a,
        "_frozen_importlib_external",
        "importlib._bootstrap_external",
    )
}

fn forward(vm: &mut Vm, a: Args<'_>, native: &str, python: &str) -> PyResult<Value> {
    let name = match a.pos.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    };
    let missing = || {
        PyErr::new(
            ExcKind::AttributeError,
            format!("module '{native}' has no attribute '{name}'"),
        )
    };
    // Dunder probes (`__path__`, `__file__`) must not import anything.
    if name.starts_with("__") {
        return Err(missing());
    }
    let module = vm.import_dotted(python)?;
    let found = match &module {
        Value::Module(m) => crate::import::dict_get(&m.dict.borrow(), &name),
        _ => None,
    };
    found.ok_or_else(missing)
}
