//! Warnings raised by native code (`PyErr_WarnEx`), through `_warnings`
//! (`modules/warnings.rs`): its filters decide without importing `warnings`,
//! so that a warning nobody will see costs no import.

use crate::exc::PyResult;
use crate::types::{exc_type, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// What a conversion method (`__int__`, `__float__`, `__complex__`)
    /// returned when it is not exactly a `kind`: the value of a strict
    /// subclass instance (`payload`) is taken with CPython's
    /// DeprecationWarning (bpo-29894); anything else is the TypeError
    /// `"{returned} (type T)"`, where `returned` reads like
    /// `"__int__ returned non-int"`.
    pub(crate) fn subclass_result(
        &mut self,
        returned: &str,
        kind: &str,
        r: &crate::value::Value,
        payload: Option<crate::value::Value>,
    ) -> PyResult<crate::value::Value> {
        let bad = format!("{returned} (type {})", crate::types::type_name(r));
        let Some(value) = payload else {
            return Err(crate::exc::PyErr::type_error(bad));
        };
        self.warn(
            ExcKind::DeprecationWarning,
            &format!(
                "{bad}.  The ability to return an instance of a strict subclass of {kind} is \
                 deprecated, and may be removed in a future version of Python."
            ),
        )?;
        Ok(value)
    }

    /// `PyErr_WarnEx(category, message, 1)`: a warning attributed to the
    /// Python code that called the native function issuing it, filtered by
    /// `_warnings` (`modules/warnings.rs`).
    ///
    /// # Errors
    /// The warning itself when a filter turns it into an error, or what the
    /// `warnings` machinery raised.
    pub(crate) fn warn(&mut self, category: ExcKind, message: &str) -> PyResult<()> {
        // `-W` options become filters when `warnings` is imported, which
        // CPython does at start-up when there are any.
        self.warnings_module(false)?;
        self.do_warn(
            Value::str(message),
            Value::Type(exc_type(category)),
            1,
            None,
        )
    }

    /// The `warnings` module when a warning must go through it: when it is
    /// loaded (a program may have changed its filters or hooks), when `-W` or
    /// `PYTHONWARNINGS` gave options, or when `needed` (the default filters
    /// would show the warning). `None`: the default filters would drop it.
    pub(crate) fn warnings_module(&mut self, needed: bool) -> PyResult<Option<Value>> {
        let key = self.intern("warnings");
        let loaded = self.modules.borrow().get_str(&key).cloned();
        match loaded {
            Some(m) => Ok(Some(m)),
            None if needed || self.cmdline.has_warnoptions() => {
                self.import_dotted("warnings").map(Some)
            }
            None => Ok(None),
        }
    }
}
