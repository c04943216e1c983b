//! `sys.breakpointhook` (`sys_breakpointhook` in `Python/sysmodule.c`) and
//! the `breakpoint()` builtin that calls it (PEP 553).

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// `sys.breakpointhook(*args, **kws)`: imports the callable that
/// `$PYTHONBREAKPOINT` names (`pdb.set_trace` when unset or empty, nothing
/// when `0`) and calls it with the arguments; a name that cannot be imported
/// is a `RuntimeWarning`, not an error.
pub(crate) fn breakpointhook(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let ignore_env = vm.cmdline.ignore_environment || vm.cmdline.isolated;
    let env = if ignore_env {
        None
    } else {
        std::env::var("PYTHONBREAKPOINT").ok()
    };
    let envar = match env.as_deref() {
        None | Some("") => "pdb.set_trace".to_string(),
        Some("0") => return Ok(Value::None),
        Some(s) => s.to_string(),
    };
    // A leading dot (`.foo`) names no module: the warning, as CPython.
    let (module, attr) = match envar.rfind('.') {
        None => ("builtins", envar.as_str()),
        Some(0) => return warn_unimportable(vm, &envar),
        Some(i) => (&envar[..i], &envar[i + 1..]),
    };
    let m = match import(vm, module) {
        Ok(m) => m,
        Err(e) if e.is(ExcKind::ImportError) => return warn_unimportable(vm, &envar),
        Err(e) => return Err(e),
    };
    let key = vm.intern(attr);
    let hook = match vm.get_attr(&m, &key) {
        Ok(h) => h,
        Err(e) if e.is(ExcKind::AttributeError) => return warn_unimportable(vm, &envar),
        Err(e) => return Err(e),
    };
    vm.call_with_kw(&hook, a.pos, a.kwnames, a.kwvals)
}

/// `PyImport_Import(name)`: the module itself, not its top-level package.
fn import(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if name.split('.').any(str::is_empty) {
        return Err(PyErr::new(
            ExcKind::ModuleNotFoundError,
            format!("No module named '{name}'"),
        ));
    }
    vm.import_dotted(name)
}

fn warn_unimportable(vm: &mut Vm, envar: &str) -> PyResult<Value> {
    let warnings = vm.import_dotted("warnings")?;
    let key = vm.intern("warn");
    let warn = vm.get_attr(&warnings, &key)?;
    let msg = Value::string(format!(
        "Ignoring unimportable $PYTHONBREAKPOINT: \"{envar}\""
    ));
    let category = Value::Type(crate::types::exc_type(ExcKind::RuntimeWarning));
    vm.call(&warn, &[msg, category])?;
    Ok(Value::None)
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook` with the arguments.
pub(crate) fn b_breakpoint(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let hook = match vm.sys_module("sys") {
        Some(Value::Module(sys)) => crate::import::dict_get(&sys.dict.borrow(), "breakpointhook"),
        _ => None,
    };
    let Some(hook) = hook else {
        return Err(PyErr::new(ExcKind::RuntimeError, "lost sys.breakpointhook"));
    };
    vm.call_with_kw(&hook, a.pos, a.kwnames, a.kwvals)
}
