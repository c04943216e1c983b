//! `|`, `&`, `-` and `^` of dict keys and items views whose elements hash
//! or compare in Python: CPython's `dictviews_or`, `_PyDictView_Intersect`,
//! `dictviews_sub`, `dictviews_xor` and `dictitems_xor`, step by step, so
//! that `__eq__` is honoured and `__hash__` and `__eq__` run as often as
//! there (the table-level algorithms of `ops.rs` compare builtin values
//! only).

use crate::dict::Dict;
use crate::exc::PyResult;
use crate::iter::DictPart;
use crate::ops::nb;
use crate::value::Value;
use crate::vm::Vm;

/// Whether `v` is a keys or items view (a values view is no set).
fn set_view(v: &Value) -> bool {
    matches!(v, Value::DictView(d) if d.1 != DictPart::Values)
}

/// Whether hashing or comparing an element of `v` may run Python code.
fn holds_objects(v: &Value) -> bool {
    let python = |x: &Value| crate::attr::is_heap_object(x) || crate::dict::tuple_with_objects(x);
    match v {
        Value::DictView(d) => d.0.try_borrow().map_or(true, |t| {
            t.has_object_keys()
                || t.keys().any(python)
                || (d.1 == DictPart::Items && t.iter().any(|(_, x)| python(x)))
        }),
        Value::Dict(d) => d
            .try_borrow()
            .map_or(true, |t| t.has_object_keys() || t.keys().any(python)),
        Value::Set(d) => d
            .try_borrow()
            .map_or(true, |t| t.has_object_keys() || t.keys().any(python)),
        Value::FrozenSet(t) => t.has_object_keys() || t.keys().any(python),
        Value::List(l) => l.try_borrow().map_or(true, |l| l.iter().any(python)),
        Value::Tuple(t) => t.iter().any(python),
        _ => false,
    }
}

impl Vm {
    /// `a op b` when an operand is a keys or items view and elements may
    /// hash or compare in Python; `None` leaves the operation to the
    /// table-level algorithms.
    pub(crate) fn view_setop(&mut self, op: u32, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let base = op % nb::INPLACE;
        if !matches!(base, nb::OR | nb::AND | nb::XOR | nb::SUBTRACT)
            || !(set_view(a) || set_view(b))
            || !(holds_objects(a) || holds_objects(b))
        {
            return Ok(None);
        }
        let r = match base {
            nb::OR => {
                let r = self.view_to_set(a)?;
                self.call_method(&r, "update", std::slice::from_ref(b))?;
                r
            }
            nb::SUBTRACT => {
                let r = self.view_to_set(a)?;
                self.call_method(&r, "difference_update", std::slice::from_ref(b))?;
                r
            }
            nb::AND => self.view_intersect(a, b)?,
            _ => match (a, b) {
                (Value::DictView(x), Value::DictView(y))
                    if x.1 == DictPart::Items && y.1 == DictPart::Items =>
                {
                    self.items_xor(&x.0, &y.0)?
                }
                _ => {
                    let r = self.view_to_set(a)?;
                    self.call_method(&r, "symmetric_difference_update", std::slice::from_ref(b))?;
                    r
                }
            },
        };
        Ok(Some(r))
    }

    /// `dictviews_to_set`: a keys view's dict gives its stored hashes; any
    /// other operand is iterated (an items view's pairs are hashed).
    fn view_to_set(&mut self, v: &Value) -> PyResult<Value> {
        let src = match v {
            Value::DictView(d) if d.1 == DictPart::Keys => Value::Dict(d.0.clone()),
            other => other.clone(),
        };
        let mut t = Dict::new_set();
        crate::methods::fill_new_set(self, &mut t, &src)?;
        Ok(Value::set(t))
    }

    /// `_PyDictView_Intersect`: the smaller operand is iterated and each of
    /// its elements looked up in the view (a set operand that is at least
    /// as large runs `set.intersection` instead).
    fn view_intersect(&mut self, a: &Value, b: &Value) -> PyResult<Value> {
        let (mut view, mut other) = if set_view(a) { (a, b) } else { (b, a) };
        let len_view = self.len_of(view)?;
        if let Value::Set(_) = other {
            if len_view <= self.len_of(other)? {
                return self.call_method(other, "intersection", std::slice::from_ref(view));
            }
        }
        if set_view(other) && self.len_of(other)? > len_view {
            std::mem::swap(&mut view, &mut other);
        }
        let out = Value::set(Dict::new_set());
        let Value::Set(table) = &out else {
            return Ok(out);
        };
        let iter = self.get_iter(other)?;
        while let Some(item) = self.iter_next(&iter)? {
            if self.contains(view, &item)? {
                self.map_insert(table, item, Value::None)?;
            }
        }
        Ok(out)
    }

    /// `dictitems_xor`: the pairs of either dict that the other lacks or
    /// holds with an unequal value; `b`'s keys are looked up in a copy of
    /// `a` with their stored hashes.
    fn items_xor(
        &mut self,
        a: &std::rc::Rc<std::cell::RefCell<Dict>>,
        b: &std::rc::Rc<std::cell::RefCell<Dict>>,
    ) -> PyResult<Value> {
        let temp = std::rc::Rc::new(std::cell::RefCell::new(a.borrow().clone()));
        let out = Value::set(Dict::new_set());
        let Value::Set(table) = &out else {
            return Ok(out);
        };
        let entries: Vec<(i64, Value, Value)> = b
            .borrow()
            .iter_entries()
            .map(|(h, k, v)| (h, k.clone(), v.clone()))
            .collect();
        for (h, k, v2) in entries {
            let delete = match self.map_get_known_hash(&temp, &k, h)? {
                Some(v1) => self.eq_values(&v1, &v2)?,
                None => false,
            };
            if delete {
                self.map_remove_known_hash(&temp, &k, h)?;
            } else {
                self.map_insert(table, Value::tuple(vec![k, v2]), Value::None)?;
            }
        }
        let rest = Value::DictView(std::rc::Rc::new((temp, DictPart::Items)));
        self.call_method(&out, "update", &[rest])?;
        Ok(out)
    }
}
