//! `divmod(a, b)` on instances of Python classes: `__divmod__` and
//! `__rdivmod__` with the operator rules of `BINARY_OP` (a proper subclass's
//! reflected method first, `NotImplemented` passes on). `Decimal`,
//! `Fraction` and `timedelta` rely on it.

use std::rc::Rc;

use crate::class::special;
use crate::exc::PyResult;
use crate::names::D;
use crate::types::type_of;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// The result of `a.__divmod__(b)` or `b.__rdivmod__(a)`, or `None` when
    /// neither class defines one that accepts the operands.
    pub(crate) fn divmod_special(&mut self, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let (ta, tb) = (type_of(a), type_of(b));
        let fa = special(&ta, D::Divmod).filter(|f| !matches!(f, Value::None));
        let fb = if Rc::ptr_eq(&ta, &tb) {
            None
        } else {
            special(&tb, D::RDivmod).filter(|f| !matches!(f, Value::None))
        };
        // A subclass's reflected method wins over its base's forward one.
        let b_first = fb.is_some() && tb.is_subtype(&ta);
        let mut order: Vec<(Value, &Value, &Value)> = Vec::with_capacity(2);
        if b_first {
            if let Some(f) = &fb {
                order.push((f.clone(), b, a));
            }
        }
        if let Some(f) = fa {
            order.push((f, a, b));
        }
        if !b_first {
            if let Some(f) = fb {
                order.push((f, b, a));
            }
        }
        for (f, this, other) in order {
            let r = self.call_special(&f, this, std::slice::from_ref(other))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
        Ok(None)
    }
}
