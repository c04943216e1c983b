//! Membership in lists and tuples as CPython computes it: identity first, then
//! `==`, which runs a user class's `__eq__` (on either side).

use std::cell::RefCell;
use std::rc::Rc;

use crate::attr::is_heap_object;
use crate::dict::Dict;
use crate::exc::PyResult;
use crate::iter::DictPart;
use crate::ops::CmpOp;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `dictview_richcompare`: sizes first, then each element of one
    /// operand looked up in the other through `in` (so a value's `__eq__`,
    /// and its errors, are seen).
    pub(crate) fn view_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
        let (la, lb) = (self.len_of(a)?, self.len_of(b)?);
        let (smaller, larger) = match op {
            CmpOp::Lt if la < lb => (a, b),
            CmpOp::Le if la <= lb => (a, b),
            CmpOp::Gt if la > lb => (b, a),
            CmpOp::Ge if la >= lb => (b, a),
            CmpOp::Eq | CmpOp::Ne if la == lb => (a, b),
            CmpOp::Ne => return Ok(true),
            _ => return Ok(false),
        };
        let mut all = true;
        for item in self.collect(smaller)? {
            if !self.contains(larger, &item)? {
                all = false;
                break;
            }
        }
        Ok(all != matches!(op, CmpOp::Ne))
    }

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
        // Each key is looked up with the hash `a` stored for it, so no
        // `__hash__` runs (CPython's `dict_equal`).
        let entries: Vec<(i64, Value, Value)> = a
            .borrow()
            .iter_entries()
            .map(|(h, k, v)| (h, k.clone(), v.clone()))
            .collect();
        for (h, k, v) in entries {
            match self.map_get_known_hash(b, &k, h)? {
                Some(w) if self.eq_values(&v, &w)? => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    }

    /// The key of `d` equal to `key` (by hash, then identity or `__eq__`).
    pub(crate) fn find_equal_key(&mut self, d: &Dict, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash_of(key)?;
        self.equal_key_hashed(d, key, h)
    }

    /// The key of `d` equal to `key`, whose hash `h` is known.
    fn equal_key_hashed(&mut self, d: &Dict, key: &Value, h: i64) -> PyResult<Option<Value>> {
        for c in d.keys_with_hash(h) {
            if self.eq_values(&c, key)? {
                return Ok(Some(c));
            }
        }
        Ok(None)
    }

    /// `other` with each element that equals one of `base`'s replaced by
    /// `base`'s object, so the identity-based set algorithms see `__eq__`.
    pub(crate) fn canonical_set(&mut self, base: &Dict, other: &Dict) -> PyResult<Option<Dict>> {
        // A plain element may equal one of `base`'s objects too.
        let all = base.has_object_keys();
        if !all && !other.has_heap_keys() {
            return Ok(None);
        }
        // Elements keep the hashes their table stored: set algorithms
        // never call `__hash__` again (CPython's `set_contains_entry`).
        let mut out = Dict::new_set();
        let entries: Vec<(i64, Value)> = other
            .iter_entries()
            .map(|(h, k, _)| (h, k.clone()))
            .collect();
        for (h, k) in entries {
            let k = if all || is_heap_object(&k) {
                self.equal_key_hashed(base, &k, h)?.unwrap_or(k)
            } else {
                k
            };
            self.local_insert_known_hash(&mut out, k, h, Value::None)?;
        }
        Ok(Some(out))
    }

    /// `a op b` for two sets whose elements may define `__eq__`: `b` is
    /// first made to share `a`'s objects for equal elements.
    pub(crate) fn set_binop_eq(&mut self, op: u32, a: &Value, b: &Value) -> PyResult<Value> {
        use crate::ops::nb;
        let inplace = op >= nb::INPLACE;
        match op % nb::INPLACE {
            nb::XOR => return self.set_xor_objects(inplace, a, b),
            nb::AND => return self.set_and_objects(inplace, a, b),
            nb::SUBTRACT => return self.set_sub_objects(inplace, a, b),
            _ => {}
        }
        let Some(b) = self.canonical_like(a, b)? else {
            return crate::ops::binary_op(op, a, b);
        };
        crate::ops::binary_op(op, a, &b)
    }

    /// `a ^ b` and `a ^= b` for such sets as CPython computes them: each
    /// element of one operand, with its stored hash, is discarded from (or
    /// else added to) a copy of the other (`a ^ b`) or `a` itself
    /// (`a ^= b`), so each lookup compares the stored elements with it.
    fn set_xor_objects(&mut self, inplace: bool, a: &Value, b: &Value) -> PyResult<Value> {
        let table = |v: &Value| match v {
            Value::Set(d) => d.borrow().clone(),
            Value::FrozenSet(d) => (**d).clone(),
            _ => Dict::new_set(),
        };
        let (target, out, source) = match a {
            Value::Set(t) if inplace => {
                if a.is(b) {
                    t.borrow_mut().clear();
                    return Ok(a.clone());
                }
                (t.clone(), a.clone(), table(b))
            }
            _ => {
                let copy = Rc::new(RefCell::new(table(b).into_set_table()));
                let out = match a {
                    Value::FrozenSet(_) => Value::FrozenSet(Rc::new(Dict::new_set())),
                    _ => Value::Set(copy.clone()),
                };
                (copy, out, table(a))
            }
        };
        for (h, k) in crate::methods::set_entries(&source) {
            if self.map_remove_known_hash(&target, &k, h)?.is_none() {
                self.map_insert_known_hash(&target, k, h, Value::None)?;
            }
        }
        Ok(match out {
            Value::FrozenSet(_) => Value::frozenset(target.borrow().clone()),
            out => out,
        })
    }

    /// `a & b` and `a &= b` for such sets (`set_intersection`): the
    /// elements of the smaller operand (`b` on a tie) found in the larger,
    /// so the result holds the smaller operand's objects.
    fn set_and_objects(&mut self, inplace: bool, a: &Value, b: &Value) -> PyResult<Value> {
        let (x, y) = (set_table_of(a), set_table_of(b));
        let result = if a.is(b) {
            x
        } else {
            let (so, other) = if y.len() > x.len() { (y, x) } else { (x, y) };
            self.set_filter(&other, so, true)?
        };
        Ok(set_result(inplace, a, result))
    }

    /// `a - b` and `a -= b` for such sets (`set_difference`,
    /// `set_difference_update_internal`): `b`'s elements are discarded from
    /// `a` (or a copy, when `a` is more than four times larger), else `a`'s
    /// elements not found in `b` are collected.
    fn set_sub_objects(&mut self, inplace: bool, a: &Value, b: &Value) -> PyResult<Value> {
        let (x, y) = (set_table_of(a), set_table_of(b));
        let result = if a.is(b) {
            Dict::new_set()
        } else if inplace || (x.len() >> 2) > y.len() {
            let target = Rc::new(RefCell::new(x));
            for (h, k) in crate::methods::set_entries(&y) {
                self.map_remove_known_hash(&target, &k, h)?;
            }
            target.borrow_mut().set_shed_dummies();
            let out = target.borrow().clone();
            out
        } else {
            self.set_filter(&x, y, false)?
        };
        Ok(set_result(inplace, a, result))
    }

    /// The elements of `src` that are (`found`) or are not in `probe`,
    /// each looked up through its stored hash and `__eq__`, in `src`'s
    /// order.
    fn set_filter(&mut self, src: &Dict, probe: Dict, found: bool) -> PyResult<Dict> {
        let probe = Rc::new(RefCell::new(probe));
        let out = Rc::new(RefCell::new(Dict::new_set()));
        for (h, k) in crate::methods::set_entries(src) {
            if self.map_get_known_hash(&probe, &k, h)?.is_some() == found {
                self.map_insert_known_hash(&out, k, h, Value::None)?;
            }
        }
        let out = out.borrow().clone();
        Ok(out)
    }

    /// A comparison of two such sets.
    pub(crate) fn set_compare_eq(
        &mut self,
        op: crate::ops::CmpOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<bool> {
        let Some(b) = self.canonical_like(a, b)? else {
            return crate::ops::compare(op, a, b);
        };
        crate::ops::compare(op, a, &b)
    }

    fn canonical_like(&mut self, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let base = match a {
            Value::Set(d) => d.borrow().clone(),
            Value::FrozenSet(d) => (**d).clone(),
            _ => return Ok(None),
        };
        let other = match b {
            Value::Set(d) => d.borrow().clone(),
            Value::FrozenSet(d) => (**d).clone(),
            _ => return Ok(None),
        };
        Ok(self.canonical_set(&base, &other)?.map(|d| match b {
            Value::FrozenSet(_) => Value::frozenset(d),
            _ => Value::set(d),
        }))
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

/// The table of a set or frozenset, in set layout.
fn set_table_of(v: &Value) -> Dict {
    match v {
        Value::Set(d) => d.borrow().clone(),
        Value::FrozenSet(d) => (**d).clone(),
        _ => Dict::new_set(),
    }
}

/// The result of a set operation on `a`: `a` itself holding `table` when
/// in place, else a new set or frozenset (as `a`).
fn set_result(inplace: bool, a: &Value, table: Dict) -> Value {
    match a {
        Value::Set(t) if inplace => {
            t.borrow_mut().set_take_table(table);
            a.clone()
        }
        Value::FrozenSet(_) => Value::frozenset(table),
        _ => Value::set(table),
    }
}

/// Whether comparing with `v` may run Python code (an instance, or a container
/// that may hold one).
fn needs_vm(v: &Value) -> bool {
    is_heap_object(v) || matches!(v, Value::List(_) | Value::Tuple(_))
}

/// Whether `a` and `b` are a keys or items view and a set-like operand,
/// which `dictview_richcompare` compares element by element.
pub(crate) fn is_view_comparison(a: &Value, b: &Value) -> bool {
    let view = |v: &Value| matches!(v, Value::DictView(w) if w.1 != DictPart::Values);
    let set_like = |v: &Value| view(v) || matches!(v, Value::Set(_) | Value::FrozenSet(_));
    (view(a) && set_like(b)) || (view(b) && set_like(a))
}

/// Whether `a` and `b` are both sets and one holds an instance of a Python
/// class (whose `__eq__` the set algorithms must honour).
pub(crate) fn sets_with_objects(a: &Value, b: &Value) -> bool {
    let holds = |v: &Value| match v {
        Value::Set(d) => d
            .try_borrow()
            .map_or(true, |d| d.has_object_keys() || d.has_heap_keys()),
        Value::FrozenSet(d) => d.has_object_keys() || d.has_heap_keys(),
        _ => false,
    };
    matches!(a, Value::Set(_) | Value::FrozenSet(_))
        && matches!(b, Value::Set(_) | Value::FrozenSet(_))
        && (holds(a) || holds(b))
}
