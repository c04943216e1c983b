//! PEP 560: bases of a `class` statement that are not classes
//! (`class C(Generic[T])`) stand for what their `__mro_entries__(bases)`
//! returns (CPython's `update_bases` in `Python/bltinmodule.c`).

use crate::exc::{PyErr, PyResult};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// The bases `orig` resolved through `__mro_entries__`, or `None` when no base
/// has one (the class keeps its bases and gets no `__orig_bases__`).
pub fn update_bases(vm: &mut Vm, orig: &[Value]) -> PyResult<Option<Vec<Value>>> {
    let mut out: Option<Vec<Value>> = None;
    let name = vm.intern("__mro_entries__");
    for (i, base) in orig.iter().enumerate() {
        let meth = if matches!(base, Value::Type(_)) {
            None
        } else {
            match vm.get_attr(base, &name) {
                Ok(m) => Some(m),
                Err(e) if e.is(ExcKind::AttributeError) => None,
                Err(e) => return Err(e),
            }
        };
        let Some(meth) = meth else {
            if let Some(v) = &mut out {
                v.push(base.clone());
            }
            continue;
        };
        let entries = vm.call(&meth, &[Value::tuple(orig.to_vec())])?;
        let Value::Tuple(items) = entries else {
            return Err(PyErr::type_error("__mro_entries__ must return a tuple"));
        };
        let v = out.get_or_insert_with(|| orig[..i].to_vec());
        v.extend(items.iter().cloned());
    }
    Ok(out)
}

/// Whether some base of `type(name, bases, ns)` has `__mro_entries__`, which
/// `type.__new__` refuses.
pub fn check_type_bases(vm: &mut Vm, bases: &[Value]) -> PyResult<()> {
    let name = vm.intern("__mro_entries__");
    for b in bases {
        if matches!(b, Value::Type(_)) {
            continue;
        }
        match vm.get_attr(b, &name) {
            Ok(_) => {
                return Err(PyErr::type_error(
                    "type() doesn't support MRO entry resolution; use types.new_class()",
                ))
            }
            Err(e) if e.is(ExcKind::AttributeError) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
