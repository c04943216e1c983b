//! `sys.displayhook` and `sys.__displayhook__` (`sys_displayhook` in
//! CPython's Python/sysmodule.c), and the `PRINT_EXPR` instruction that calls
//! the hook for each expression statement of code compiled in `'single'`
//! mode.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// `sys.displayhook(value)`: shows `repr(value)` on `sys.stdout` and keeps
/// the value in `builtins._`; `None` shows nothing.
pub(crate) fn displayhook(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("displayhook")?;
    let [o] = a.pos else {
        return Err(PyErr::type_error(format!(
            "sys.displayhook() takes exactly one argument ({} given)",
            a.pos.len()
        )));
    };
    if matches!(o, Value::None) {
        return Ok(Value::None);
    }
    set_underscore(vm, Value::None);
    // The previous `_` may have held the last reference to an object; its
    // `__del__` runs now, before the new value is shown, as CPython's decref.
    if crate::finalize::due() {
        vm.run_finalizers();
    }
    let out = match super::sys::current_stdout(vm) {
        None | Some(Value::None) => {
            return Err(PyErr::new(ExcKind::RuntimeError, "lost sys.stdout"))
        }
        Some(f) => f,
    };
    // Two writes, as `PyFile_WriteObject` and `PyFile_WriteString` make them.
    let text = vm.repr_of(o)?;
    super::sys::print_to(vm, Some(&out), text, false)?;
    super::sys::print_to(vm, Some(&out), "\n".to_string(), false)?;
    set_underscore(vm, o.clone());
    Ok(Value::None)
}

fn set_underscore(vm: &mut Vm, v: Value) {
    let _ = vm.builtins.borrow_mut().insert(Value::str("_"), v);
}

impl Vm {
    /// `PRINT_EXPR`: hands an expression statement's value to `sys.displayhook`.
    pub(crate) fn print_expr(&mut self, v: Value) -> PyResult<()> {
        // `sys` exists from startup in CPython; here it is made on first use.
        let hook = match self.import_module("sys")? {
            Value::Module(m) => crate::import::dict_get(&m.dict.borrow(), "displayhook"),
            _ => None,
        };
        let Some(hook) = hook else {
            return Err(PyErr::new(ExcKind::RuntimeError, "lost sys.displayhook"));
        };
        self.call(&hook, &[v])?;
        Ok(())
    }
}
