//! Warnings raised by native code (`PyErr_WarnEx`): handed to the
//! `warnings` module, which applies the filters and prints or raises.
//!
//! Without `warnings` loaded and without `-W`/`PYTHONWARNINGS` options, the
//! default filters decide here, so that a warning nobody will see costs no
//! import: `DeprecationWarning` outside `__main__`, and
//! `PendingDeprecationWarning`, `ImportWarning` and `ResourceWarning`, are
//! ignored, as CPython's `_warnings` defaults say.

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
    /// Python code that called the native function issuing it.
    ///
    /// # Errors
    /// The warning itself when a filter turns it into an error, or what the
    /// `warnings` machinery raised.
    pub(crate) fn warn(&mut self, category: ExcKind, message: &str) -> PyResult<()> {
        let key = self.intern("warnings");
        let loaded = self.modules.borrow().get_str(&key).cloned();
        let module = match loaded {
            Some(m) => m,
            None if self.cmdline.has_warnoptions() || self.shown_by_default(category) => {
                self.import_dotted("warnings")?
            }
            None => return Ok(()),
        };
        let warn_key = self.intern("warn");
        let warn = self.get_attr(&module, &warn_key)?;
        self.call(
            &warn,
            &[
                Value::str(message),
                Value::Type(exc_type(category)),
                Value::Int(1),
            ],
        )?;
        Ok(())
    }

    /// Whether CPython's default filters show a `category` warning raised
    /// from the current frame.
    fn shown_by_default(&self, category: ExcKind) -> bool {
        match category {
            ExcKind::PendingDeprecationWarning
            | ExcKind::ImportWarning
            | ExcKind::ResourceWarning => false,
            ExcKind::DeprecationWarning => self.frames.last().is_some_and(|f| {
                let name = f
                    .globals
                    .borrow()
                    .get_str(&crate::names::D::Name.name())
                    .cloned();
                matches!(name, Some(Value::Str(s)) if s.as_str() == "__main__")
            }),
            _ => true,
        }
    }
}
