//! `sys.excepthook` and `sys.__excepthook__` (`sys_excepthook_impl`): print
//! an exception and its traceback to `sys.stderr`, as an uncaught one is.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::type_name;
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
            vm.write_err(&text);
        }
    }
    Ok(Value::None)
}
