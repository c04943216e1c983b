//! Membership in lists and tuples as CPython computes it: identity first, then
//! `==`, which runs a user class's `__eq__` (on either side).

use std::cell::RefCell;
use std::rc::Rc;

use crate::attr::is_heap_object;
use crate::dict::Dict;
use crate::exc::PyResult;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `a == b` for dicts: same keys (found by hash and `==`), equal values.
    pub(crate) fn dict_eq(
        &mut self,
        a: &Rc<RefCell<Dict>>,
        b: &Rc<RefCell<Dict>>,
    ) -> PyResult<bool> {
        if Rc::ptr_eq(a, b) {
            return Ok(true);
        }
        if a.borrow().len() != b.borrow().len() {
            return Ok(false);
        }
        let entries: Vec<(Value, Value)> = a
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in entries {
            match self.map_get(b, &k)? {
                Some(w) if self.eq_values(&v, &w)? => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    }

    /// `item in seq` for a list or tuple `seq`.
    pub(crate) fn seq_contains(&mut self, seq: &Value, item: &Value) -> PyResult<bool> {
        let item_heap = needs_vm(item);
        let mut i = 0;
        loop {
            // Scan builtin values without running any Python code; stop at the
            // first item whose comparison may call `__eq__`.
            let next = {
                let guard;
                let items: &[Value] = match seq {
                    Value::List(l) => {
                        guard = l.borrow();
                        &guard
                    }
                    Value::Tuple(t) => t,
                    _ => return Ok(false),
                };
                let mut found = None;
                while let Some(x) = items.get(i) {
                    if x.is(item) {
                        return Ok(true);
                    }
                    if item_heap || needs_vm(x) {
                        found = Some(x.clone());
                        break;
                    }
                    if crate::ops::eq(x, item) {
                        return Ok(true);
                    }
                    i += 1;
                }
                found
            };
            let Some(x) = next else {
                return Ok(false);
            };
            if self.eq_values(&x, item)? {
                return Ok(true);
            }
            i += 1;
        }
    }
}

/// Whether comparing with `v` may run Python code (an instance, or a container
/// that may hold one).
fn needs_vm(v: &Value) -> bool {
    is_heap_object(v) || matches!(v, Value::List(_) | Value::Tuple(_))
}
