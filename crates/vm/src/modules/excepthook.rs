//! `sys.excepthook` and `sys.__excepthook__` (`sys_excepthook_impl`): print
//! an exception and its traceback to `sys.stderr`, as an uncaught one is.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

/// `sys.excepthook(exctype, value, traceback)`.
pub(crate) fn excepthook(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("excepthook")?;
    if a.pos.len() != 3 {
        return Err(PyErr::type_error(format!(
            "excepthook expected 3 arguments, got {}",
            a.pos.len()
        )));
    }
    match &a.pos[1] {
        Value::Exception(e) => vm.print_exception(&PyErr(e.clone())),
        // As `PyErr_Display` given a non-exception: a TypeError about it.
        other => {
            let text = format!(
                "TypeError: print_exception(): Exception expected for value, {} found\n",
                type_name(other)
            );
            vm.write_sys_stderr(&text);
        }
    }
    Ok(Value::None)
}

impl Vm {
    /// Reports an exception that reached the top level, as `PyErr_PrintEx`:
    /// `sys.last_type`/`last_value`/`last_traceback` are set, then
    /// `sys.excepthook` is called. When the hook is the builtin one (or `sys`
    /// has none), the traceback is printed directly; when the hook itself
    /// fails, both exceptions are printed as CPython prints them.
    pub(crate) fn display_uncaught(&mut self, e: &PyErr) {
        let Some(Value::Module(sys)) = self.sys_module("sys") else {
            self.print_exception(e);
            return;
        };
        let exc = Value::Exception(e.0.clone());
        let typ = Value::Type(e.0.typ.clone());
        let name = self.intern("__traceback__");
        let tb = self.get_attr(&exc, &name).unwrap_or(Value::None);
        let (hook, builtin) = {
            let mut d = sys.dict.borrow_mut();
            let _ = d.insert(Value::str("last_type"), typ.clone());
            let _ = d.insert(Value::str("last_value"), exc.clone());
            let _ = d.insert(Value::str("last_traceback"), tb.clone());
            (
                crate::import::dict_get(&d, "excepthook"),
                crate::import::dict_get(&d, "__excepthook__"),
            )
        };
        let hook = match hook {
            Some(Value::None) | None => {
                self.write_sys_stderr("sys.excepthook is missing\n");
                self.print_exception(e);
                return;
            }
            Some(hook) => hook,
        };
        if builtin.is_some_and(|b| b.is(&hook)) {
            self.print_exception(e);
            return;
        }
        if let Err(hook_error) = self.call(&hook, &[typ, exc, tb]) {
            if hook_error.is(ExcKind::SystemExit) {
                crate::builtins::print_system_exit(self, &hook_error);
                return;
            }
            self.write_sys_stderr("Error in sys.excepthook:\n");
            self.print_exception(&hook_error);
            self.write_sys_stderr("\nOriginal exception was:\n");
            self.print_exception(e);
        }
    }
}
