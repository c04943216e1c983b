//! The abstract object protocols (iteration, subscripts, attributes, length,
//! containment, str/repr) over the builtin types. They are `Vm` methods because
//! user-defined types will dispatch through Python code here.

use std::cell::RefCell;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::iter::{DictPart, IterObj};
use crate::ops::index_of;
use crate::types::{type_name, ExcKind};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

fn iter_value(it: IterObj) -> Value {
    Value::Iter(Rc::new(RefCell::new(it)))
}

/// A `start` or `stop` argument that must not be None, as CPython's
/// `_PyEval_SliceIndexNotNone` reads it: an integer or an object with
/// `__index__`, clamped to the i64 range.
pub(crate) fn slice_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let err = || PyErr::type_error("slice indices must be integers or have an __index__ method");
    if !has_index(v) {
        return Err(err());
    }
    match vm.index_value(v) {
        Ok(n) => Ok(n),
        Err(e) if e.is(ExcKind::OverflowError) => {
            let negative = matches!(v, Value::BigInt(b) if b.sign() == num_bigint::Sign::Minus);
            Ok(if negative { i64::MIN } else { i64::MAX })
        }
        Err(e) => Err(e),
    }
}

/// Whether `v` is an integer or has `__index__` (`_PyIndex_Check`).
pub(crate) fn has_index(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => true,
        Value::Exception(e) if e.typ.heap.is_some() => {
            crate::class::special(&e.typ, crate::names::D::Index).is_some()
        }
        Value::Instance(i) => {
            crate::class::special(&i.class(), crate::names::D::Index).is_some()
                || matches!(
                    crate::instance::payload_of(v),
                    Some(Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
                )
        }
        _ => false,
    }
}

/// Resolves `slice(start, stop, step)` against a length (`PySlice_AdjustIndices`).
/// Whether slice `sl` of the str, tuple or bytes `seq` takes all of it, in order.
fn selects_all(sl: &[Value; 3], seq: &Value) -> PyResult<bool> {
    let len = match seq {
        Value::Str(s) => s.char_len(),
        Value::Tuple(t) => t.len(),
        Value::Bytes(b) => b.len(),
        _ => return Ok(false),
    };
    Ok(slice_indices(sl, len)? == (0, len as i64, 1))
}

pub fn slice_indices(s: &[Value; 3], len: usize) -> PyResult<(i64, i64, i64)> {
    let get = |v: &Value| -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            other => index_of(other).map(Some).ok_or_else(|| {
                PyErr::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )
            }),
        }
    };
    let len = len as i64;
    let step = get(&s[2])?.unwrap_or(1);
    if step == 0 {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let adjust = |v: Option<i64>, dflt: i64, lo: i64, hi: i64| -> i64 {
        match v {
            None => dflt,
            Some(mut i) => {
                if i < 0 {
                    i += len;
                    if i < 0 {
                        i = lo;
                    }
                } else if i >= len {
                    i = hi;
                }
                i
            }
        }
    };
    let (start, stop) = if step > 0 {
        (
            adjust(get(&s[0])?, 0, 0, len),
            adjust(get(&s[1])?, len, 0, len),
        )
    } else {
        (
            adjust(get(&s[0])?, len - 1, -1, len - 1),
            adjust(get(&s[1])?, -1, -1, len - 1),
        )
    };
    Ok((start, stop, step))
}

pub(crate) fn slice_positions(s: &[Value; 3], len: usize) -> PyResult<Vec<usize>> {
    let (start, stop, step) = slice_indices(s, len)?;
    let mut out = Vec::new();
    let mut i = start;
    // A step near `sys.maxsize` would overflow past the end: stop there.
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        match i.checked_add(step) {
            Some(next) => i = next,
            None => break,
        }
    }
    Ok(out)
}

fn norm_index(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

/// An int index past `Py_ssize_t` (`PyNumber_AsSsize_t` with IndexError).
fn index_overflow() -> PyErr {
    PyErr::index_error("cannot fit 'int' into an index-sized integer")
}

fn index_type_error(what: &str, key: &Value) -> PyErr {
    if what == "string" {
        return PyErr::type_error(format!(
            "string indices must be integers, not '{}'",
            type_name(key)
        ));
    }
    PyErr::type_error(format!(
        "{} indices must be integers or slices, not {}",
        what,
        type_name(key)
    ))
}

impl Vm {
    /// Whether `get_iter` iterates `v` by its builtin type alone (no
    /// special methods): the payload kinds an instance may delegate to.
    pub(crate) fn builtin_iterable(v: &Value) -> bool {
        match v {
            Value::Iter(_)
            | Value::Generator(_)
            | Value::DictView(_)
            | Value::Range(_)
            | Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::MemoryView(_)
            | Value::Bytes(_)
            | Value::ByteArray(_) => true,
            Value::Async(a) => a.is_iterator(),
            _ => crate::mappingproxy::target(v).is_some(),
        }
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(m) = crate::mappingproxy::target(v) {
            return self.get_iter(&m);
        }
        Ok(match v {
            // An exception of a Python class may define `__iter__` or
            // `__getitem__` (a class deriving from a sequence-like class
            // and `ValueError`).
            _ if crate::attr::is_heap_object(v) => return self.iter_special(v),
            Value::Type(t) if crate::class_ns::meta_has_iter(t) => return self.iter_special(v),
            Value::Iter(_) | Value::Generator(_) => v.clone(),
            Value::Async(a) if a.is_iterator() => v.clone(),
            Value::DictView(view) => Vm::dict_iter(&view.0, view.1),
            Value::Range(r) => iter_value(crate::range::forward_iter(r)),
            Value::List(l) => iter_value(IterObj::List {
                list: l.clone(),
                idx: 0,
            }),
            Value::Tuple(t) => iter_value(IterObj::Tuple {
                items: t.clone(),
                idx: 0,
            }),
            Value::Str(s) => iter_value(IterObj::Str {
                s: s.clone(),
                pos: 0,
            }),
            Value::Dict(d) => iter_value(IterObj::Dict {
                len: d.borrow().len(),
                left: d.borrow().len(),
                dict: d.clone(),
                pos: 0,
                part: DictPart::Keys,
            }),
            Value::Set(d) => iter_value(IterObj::Snapshot {
                items: crate::methods::set_order(&d.borrow()),
                idx: 0,
                set: Some(d.clone()),
                name: "set_iterator",
            }),
            Value::FrozenSet(d) => iter_value(IterObj::Snapshot {
                items: crate::methods::set_order(d),
                idx: 0,
                set: None,
                name: "set_iterator",
            }),
            Value::MemoryView(m) => iter_value(IterObj::Snapshot {
                items: m.items()?,
                idx: 0,
                set: None,
                name: "memory_iterator",
            }),
            v @ (Value::Bytes(_) | Value::ByteArray(_)) => iter_value(IterObj::Bytes {
                seq: v.clone(),
                idx: 0,
            }),
            other => {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not iterable",
                    type_name(other)
                )))
            }
        })
    }

    /// A dict iterator over one part of the entries.
    pub fn dict_iter(d: &Rc<RefCell<crate::dict::Dict>>, part: DictPart) -> Value {
        iter_value(IterObj::Dict {
            len: d.borrow().len(),
            left: d.borrow().len(),
            dict: d.clone(),
            pos: 0,
            part,
        })
    }

    /// Whether an exhausted `it` leaves the StopIteration of the iterator
    /// it wraps for its caller to see, as CPython's `tp_iternext` of a
    /// Python class, of `map`, `zip`, `enumerate` and `filter` do (those
    /// that end through `PyIter_Next`, like `chain`, clear it).
    pub(crate) fn passes_stop(it: &Value) -> bool {
        match it {
            Value::Instance(_) => true,
            Value::Iter(cell) => cell.try_borrow().is_ok_and(|i| {
                matches!(
                    &*i,
                    IterObj::Map { .. }
                        | IterObj::Zip { .. }
                        | IterObj::Enumerate { .. }
                        | IterObj::Filter { .. }
                )
            }),
            _ => false,
        }
    }

    /// The result of a function a native iterator's `__next__` called: a
    /// StopIteration it raised ends the iteration (CPython's `tp_iternext`
    /// returns NULL with it set), its value kept for `take_stop`.
    fn stop_ends_iteration(&mut self, r: PyResult<Value>) -> PyResult<Option<Value>> {
        match r {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is(ExcKind::StopIteration) => {
                self.keep_stop(e);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Keeps the `StopIteration` that ended an iterator in `last_stop`. Where
    /// CPython's caller swallows it at once (`FOR_ITER`, `list()`), the
    /// locals of the `__next__` frames it left are freed then; here it waits
    /// for the next iterator, so it lets go of them now.
    pub(crate) fn keep_stop(&mut self, e: PyErr) {
        let locals = e.0.take_frame_locals();
        self.last_stop = Some(e);
        drop(locals);
    }

    /// The StopIteration ending `it`, which [`Vm::iter_next`] just found
    /// exhausted: the wrapped iterator's when `it` passes it on.
    pub(crate) fn take_stop(&mut self, it: &Value) -> PyErr {
        match self.last_stop.take() {
            Some(e) if Vm::passes_stop(it) => e,
            _ => PyErr::with_args(ExcKind::StopIteration, Vec::new()),
        }
    }

    /// The StopIteration that ended `inner`, which [`Vm::iter_next`] just
    /// found exhausted, for a wrapper whose CPython `tp_iternext` calls the
    /// inner one directly and so leaves its exception set (`islice`,
    /// `takewhile`, ...): a generator's return value, a Python `__next__`'s
    /// arguments, or what a passing wrapper left; else a bare one.
    pub(crate) fn inner_stop(&mut self, inner: &Value) -> PyErr {
        match self.last_stop.take() {
            Some(e) if matches!(inner, Value::Generator(_)) || Vm::passes_stop(inner) => e,
            _ => PyErr::with_args(ExcKind::StopIteration, Vec::new()),
        }
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    pub fn iter_next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Value::Generator(g) = it {
            return Ok(match self.resume(g, Value::None)? {
                crate::gen::GenResult::Yielded(v) => Some(v),
                crate::gen::GenResult::Returned(Value::None) => None,
                crate::gen::GenResult::Returned(v) => {
                    self.last_stop = Some(crate::gen::stop_iteration(v));
                    None
                }
            });
        }
        if let Value::Instance(_) = it {
            return self.next_special(it);
        }
        if let Value::Async(a) = it {
            return self.async_next(a);
        }
        let Value::Iter(cell) = it else {
            return Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                type_name(it)
            )));
        };
        {
            let mut b = cell
                .try_borrow_mut()
                .map_err(|_| PyErr::value_error("iterator already executing"))?;
            if let IterObj::Owned { inner, .. } = &mut *b {
                let r = inner.next_simple();
                if matches!(r, Some(Ok(None))) {
                    // Exhausted: keep the bare iterator and free the owner
                    // after the borrow ends, since its `__del__` may call
                    // this iterator again.
                    let bare = std::mem::replace(&mut **inner, IterObj::empty());
                    let owned = std::mem::replace(&mut *b, bare);
                    drop(b);
                    drop(owned);
                    return Ok(None);
                }
                if let Some(r) = r {
                    return r;
                }
            } else if let Some(r) = b.next_simple() {
                return r;
            }
        }
        // Iterators that call back into Python: take what is needed without holding the borrow.
        enum Step {
            Enumerate(Value, Value),
            Zip(Rc<Vec<Value>>, bool),
            Map(Value, Rc<Vec<Value>>),
            Filter(Value, Value),
            Callable(Value, Value),
            SeqIndex(Value, i64),
            SeqReversed(Value, i64),
        }
        let step = match &mut *cell
            .try_borrow_mut()
            .map_err(|_| PyErr::value_error("iterator already executing"))?
        {
            IterObj::Enumerate { it, count } => Step::Enumerate(it.clone(), count.clone()),
            IterObj::Zip { its, strict } => Step::Zip(its.clone(), *strict),
            IterObj::Map { func, its } => Step::Map(func.clone(), its.clone()),
            IterObj::Filter { func, it } => Step::Filter(func.clone(), it.clone()),
            IterObj::Callable { func, .. } if func.is_null() => return Ok(None),
            IterObj::Callable { func, sentinel } => Step::Callable(func.clone(), sentinel.clone()),
            IterObj::SeqIndex { obj, idx } => {
                let i = *idx;
                *idx += 1;
                Step::SeqIndex(obj.clone(), i)
            }
            IterObj::SeqReversed { obj, idx } if *idx < 0 => {
                // CPython's `reversed_next` drops the sequence at the end.
                *obj = Value::None;
                return Ok(None);
            }
            IterObj::SeqReversed { obj, idx } => {
                let i = *idx;
                *idx -= 1;
                Step::SeqReversed(obj.clone(), i)
            }
            _ => return Ok(None),
        };
        match step {
            Step::Enumerate(inner, c) => {
                let Some(v) = self.iter_next(&inner)? else {
                    // As `enum_next`, the count moves only when an item comes.
                    return Ok(None);
                };
                if let Ok(mut b) = cell.try_borrow_mut() {
                    if let IterObj::Enumerate { count, .. } = &mut *b {
                        *count = crate::enumerate::next_count(&c);
                    }
                }
                Ok(Some(Value::tuple(vec![c, v])))
            }
            Step::Zip(its, strict) => {
                if its.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(its.len());
                for (k, i) in its.iter().enumerate() {
                    match self.iter_next(i)? {
                        Some(v) => out.push(v),
                        None if strict => return self.zip_mismatch(&its, k).map_or(Ok(None), Err),
                        None => return Ok(None),
                    }
                }
                Ok(Some(Value::tuple(out)))
            }
            Step::Map(func, its) => {
                if its.len() == 1 {
                    return match self.iter_next(&its[0])? {
                        Some(v) => {
                            let r = self.call(&func, std::slice::from_ref(&v));
                            self.stop_ends_iteration(r)
                        }
                        None => Ok(None),
                    };
                }
                let mut args = Vec::with_capacity(its.len());
                for i in its.iter() {
                    match self.iter_next(i)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                let r = self.call(&func, &args);
                self.stop_ends_iteration(r)
            }
            Step::Callable(func, sentinel) => {
                // `calliter_iternext`: a StopIteration from the callable
                // ends the iteration (its arguments dropped).
                let r = match self.call(&func, &[]) {
                    Err(e) if e.is(ExcKind::StopIteration) => None,
                    r => Some(r?),
                };
                // The callable may have emptied this very iterator
                // (gh-101892): its result is then dropped.
                if crate::call_iter::is_exhausted(cell) {
                    return Ok(None);
                }
                let exhausted = match &r {
                    Some(v) => {
                        v.is(&sentinel) || self.compare_bool(crate::ops::CmpOp::Eq, &sentinel, v)?
                    }
                    None => true,
                };
                let v = r.unwrap_or(Value::None);
                if exhausted {
                    crate::call_iter::exhaust(cell);
                    return Ok(None);
                }
                Ok(Some(v))
            }
            Step::SeqIndex(obj, i) => {
                let r = self.seq_index_next(&obj, i);
                // As `iter_iternext`, the index moves only when an item
                // comes: after an element's error the next call asks for
                // the same element again.
                let r = r.inspect_err(|_| Self::rewind_seq_iter(cell, i))?;
                if r.is_none() {
                    // Exhausted: drop the object so later calls stop at once.
                    if let Ok(mut b) = cell.try_borrow_mut() {
                        *b = IterObj::Snapshot {
                            items: Vec::new(),
                            idx: 0,
                            set: None,
                            name: "iterator",
                        };
                    }
                }
                Ok(r)
            }
            Step::SeqReversed(obj, i) => {
                // `reversed_next` ends on any error, the sequence dropped.
                let r = self.seq_index_next(&obj, i);
                if !matches!(r, Ok(Some(_))) {
                    // CPython's `reversed_next` drops the sequence at the end.
                    if let Ok(mut b) = cell.try_borrow_mut() {
                        *b = IterObj::SeqReversed {
                            obj: Value::None,
                            idx: -1,
                        };
                    }
                }
                r
            }
            Step::Filter(func, inner) => loop {
                let Some(v) = self.iter_next(&inner)? else {
                    return Ok(None);
                };
                let keep = if matches!(func, Value::None) {
                    self.truthy(&v)?
                } else {
                    let r = self.call(&func, std::slice::from_ref(&v));
                    match self.stop_ends_iteration(r)? {
                        Some(r) => self.truthy(&r)?,
                        None => return Ok(None),
                    }
                };
                if keep {
                    return Ok(Some(v));
                }
            },
        }
    }

    /// Truth value (user types will call `__bool__`/`__len__` here).
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        if crate::attr::is_heap_object(v) {
            return self.truthy_special(v);
        }
        if let Value::MemoryView(m) = v {
            // `memory_length`: a released view raises.
            return Ok(m.length()? != 0);
        }
        if let Value::NotImplemented = v {
            // bpo-35712: still true, but deprecated.
            self.warn(
                ExcKind::DeprecationWarning,
                "NotImplemented should not be used in a boolean context",
            )?;
            return Ok(true);
        }
        // `mappingproxy` has only `mp_length`: its truth is its mapping's length.
        if let Some(m) = crate::mappingproxy::target(v) {
            return Ok(self.len_of(&m)? != 0);
        }
        Ok(crate::ops::truthy(v))
    }

    /// Collects any iterable into a vector.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            Value::Range(r) if r.len_checked()? > (1 << 28) => {
                return Err(PyErr::new(ExcKind::MemoryError, ""));
            }
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.iter_next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// Collects an iterable as `list(v)` and `tuple(v)` do: an instance of a
    /// Python class is asked for its length hint after its iterator was made
    /// (CPython's `list_extend` presizes the list; the `__len__` call is
    /// observable, and its errors other than `TypeError` propagate).
    pub fn collect_sized(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if !matches!(v, Value::Instance(_)) {
            return self.collect(v);
        }
        let it = self.get_iter(v)?;
        crate::modules::length_hint::object_length_hint(self, v, Value::Int(0))?;
        let mut out = Vec::new();
        while let Some(x) = self.iter_next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// CPython's `PySequence_Fast(v, msg)`, as `str.join` and `bytes.join`
    /// reach their items: a list or tuple as it is, anything else through a
    /// list filled from its iterator, which asks that iterator (not `v`) for
    /// its length hint first, so the hint's errors propagate. A `TypeError`
    /// from making the iterator becomes `TypeError(msg)`.
    pub fn sequence_fast(&mut self, v: &Value, msg: &str) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
        let it = self.get_iter(v).map_err(|e| {
            if e.is(ExcKind::TypeError) {
                PyErr::type_error(msg)
            } else {
                e
            }
        })?;
        if matches!(it, Value::Instance(_)) {
            crate::modules::length_hint::object_length_hint(self, &it, Value::Int(0))?;
        }
        let mut out = Vec::new();
        while let Some(x) = self.iter_next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// Puts a sequence iterator that moved past `from` for an element that
    /// raised back to `from`, unless a reentrant call moved it further
    /// meanwhile.
    fn rewind_seq_iter(cell: &RefCell<IterObj>, from: i64) {
        if let Ok(mut b) = cell.try_borrow_mut() {
            if let IterObj::SeqIndex { idx, .. } = &mut *b {
                if *idx == from + 1 {
                    *idx = from;
                }
            }
        }
    }

    /// `len(v)`.
    pub fn len_of(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(m) = crate::mappingproxy::target(v) {
            return self.len_of(&m);
        }
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) | Value::Set(d) => d.borrow().len(),
            Value::DictView(v) => v.0.borrow().len(),
            Value::FrozenSet(d) => d.len(),
            Value::Bytes(b) => b.len(),
            Value::ByteArray(b) => b.borrow().len(),
            Value::MemoryView(m) => m.length()?,
            Value::Range(r) => r.len_checked()?.max(0) as usize,
            _ if crate::attr::is_heap_object(v) => return self.len_special(v),
            Value::Type(t) if crate::class_ns::has_heap_meta(t) => return self.len_special(v),
            other => {
                return Err(PyErr::type_error(format!(
                    "object of type '{}' has no len()",
                    type_name(other)
                )))
            }
        })
    }

    /// `container[key]`.
    pub fn getitem(&mut self, c: &Value, key: &Value) -> PyResult<Value> {
        if let Some(m) = crate::mappingproxy::target(c) {
            return self.getitem(&m, key);
        }
        if let (Value::Slice(sl), false) = (key, crate::attr::is_heap_object(c)) {
            if sl.iter().any(crate::attr::is_heap_object) {
                // A view is taken before the indices convert (`memory_subscript`
                // adds the sliced view first): releasing the original in an
                // `__index__` leaves the slice valid.
                let c = &match c {
                    Value::MemoryView(m) => Value::MemoryView(Rc::new(m.derive()?)),
                    other => other.clone(),
                };
                let parts = self.slice_with_ints(sl)?;
                return self.getitem(c, &parts);
            }
        }
        match (c, key) {
            (Value::List(l), Value::Int(i)) => {
                let l = l.borrow();
                norm_index(*i, l.len())
                    .map(|i| l[i].clone())
                    .ok_or_else(|| PyErr::index_error("list index out of range"))
            }
            (Value::Tuple(t), Value::Int(i)) => norm_index(*i, t.len())
                .map(|i| t[i].clone())
                .ok_or_else(|| PyErr::index_error("tuple index out of range")),
            (Value::Dict(d), _) => {
                let r = self.map_get(d, key)?;
                r.ok_or_else(|| PyErr::key_error(key.clone()))
            }
            (Value::Str(s), Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
                let Some(i) = crate::ops::exact_index(key) else {
                    return Err(index_overflow());
                };
                if let Some(cps) = s.surrogates() {
                    return norm_index(i, cps.len())
                        .and_then(|i| crate::str_surrogates::item(cps, i))
                        .ok_or_else(|| PyErr::index_error("string index out of range"));
                }
                norm_index(i, s.char_len())
                    .and_then(|i| s.char_at(i))
                    .map(Value::char)
                    .ok_or_else(|| PyErr::index_error("string index out of range"))
            }
            // A slice of all of an immutable sequence is the object itself
            // (`unicode_subscript`, `tuplesubscript`, `bytes_subscript`).
            (Value::Str(_), Value::Slice(sl)) if selects_all(sl, c)? => Ok(c.clone()),
            (Value::Tuple(_) | Value::Bytes(_), Value::Slice(sl)) if selects_all(sl, c)? => {
                Ok(c.clone())
            }
            (Value::Str(s), Value::Slice(sl)) => {
                let (start, stop, step) = slice_indices(sl, s.char_len())?;
                if let Some(cps) = s.surrogates() {
                    let positions = slice_positions(sl, cps.len())?;
                    return Ok(crate::str_surrogates::pick(cps, positions.into_iter()));
                }
                if step == 1 {
                    let (a, b) = (start.max(0) as usize, stop.max(start).max(0) as usize);
                    // Byte offsets: O(1) for ASCII, from the offset index otherwise.
                    let (a, b) = (s.byte_offset(a), s.byte_offset(b));
                    let text = s.as_str().get(a..b).unwrap_or("");
                    let mut chars = text.chars();
                    return Ok(match (chars.next(), chars.next()) {
                        (Some(c), None) => Value::char(c),
                        _ => Value::str(text),
                    });
                }
                let chars: Vec<char> = s.as_str().chars().collect();
                let out: String = slice_positions(sl, chars.len())?
                    .into_iter()
                    .map(|i| chars[i])
                    .collect();
                Ok(Value::string(out))
            }
            (Value::List(l), Value::Slice(sl)) => {
                let l = l.borrow();
                let (start, stop, step) = slice_indices(sl, l.len())?;
                if step == 1 {
                    let (a, b) = (start.max(0) as usize, stop.max(start).max(0) as usize);
                    return Ok(Value::list(
                        l.get(a..b).map_or_else(Vec::new, <[Value]>::to_vec),
                    ));
                }
                Ok(Value::list(
                    slice_positions(sl, l.len())?
                        .into_iter()
                        .map(|i| l[i].clone())
                        .collect(),
                ))
            }
            (Value::Tuple(t), Value::Slice(sl)) => Ok(Value::tuple(
                slice_positions(sl, t.len())?
                    .into_iter()
                    .map(|i| t[i].clone())
                    .collect(),
            )),
            (
                Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
                Value::Bool(_) | Value::BigInt(_),
            ) => match crate::ops::exact_index(key) {
                Some(i) => self.getitem(c, &Value::Int(i)),
                None => Err(index_overflow()),
            },
            (Value::Range(r), Value::Slice(sl)) => crate::methods::range_slice(r, sl),
            (Value::Range(r), Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
                let found = match key {
                    Value::BigInt(i) => r.get_big(i),
                    _ => r.get(index_of(key).unwrap_or(0)),
                };
                found.ok_or_else(|| PyErr::index_error("range object index out of range"))
            }
            (Value::MemoryView(m), _) => crate::methods::memoryview::getitem(self, m, key),
            (Value::ByteArray(_), Value::BigInt(_)) if crate::ops::exact_index(key).is_none() => {
                Err(index_overflow())
            }
            // Read in place: a snapshot of the whole bytearray per subscript
            // would make `ba[i]` in a loop quadratic.
            (Value::ByteArray(b), Value::Int(i)) => {
                let b = b.borrow();
                norm_index(*i, b.len())
                    .map(|i| Value::Int(i64::from(b[i])))
                    .ok_or_else(|| PyErr::index_error("bytearray index out of range"))
            }
            (Value::ByteArray(b), Value::Slice(sl)) => {
                let b = b.borrow();
                let out = slice_positions(sl, b.len())?
                    .into_iter()
                    .map(|i| b[i])
                    .collect();
                Ok(crate::methods::bytearray::new_bytearray(out))
            }
            (Value::ByteArray(_), Value::Bool(_) | Value::BigInt(_)) => {
                match crate::ops::exact_index(key) {
                    Some(i) => self.getitem(c, &Value::Int(i)),
                    None => Err(index_overflow()),
                }
            }
            (Value::ByteArray(_), Value::Instance(_) | Value::Exception(_)) if has_index(key) => {
                let i = self.index_value(key)?;
                self.getitem(c, &Value::Int(i))
            }
            (Value::ByteArray(_), _) => Err(index_type_error("bytearray", key)),
            (Value::Bytes(b), Value::Int(i)) => norm_index(*i, b.len())
                .map(|i| Value::Int(i64::from(b[i])))
                .ok_or_else(|| PyErr::index_error("index out of range")),
            (Value::Bytes(b), Value::Slice(sl)) => Ok(Value::Bytes(Rc::new(
                slice_positions(sl, b.len())?
                    .into_iter()
                    .map(|i| b[i])
                    .collect(),
            ))),
            // `range` indexes with the exact int (`compute_range_item`).
            (Value::Range(_), Value::Instance(_)) => {
                let i = crate::enumerate::index_int(self, key)?;
                self.getitem(c, &i)
            }
            (
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_),
                Value::Instance(_) | Value::Exception(_),
            ) if has_index(key) => {
                let i = self.index_value(key)?;
                self.getitem(c, &Value::Int(i))
            }
            (Value::List(_), _) => Err(index_type_error("list", key)),
            (Value::Tuple(_), _) => Err(index_type_error("tuple", key)),
            (Value::Str(_), _) => Err(index_type_error("string", key)),
            (Value::Range(_), _) => Err(index_type_error("range", key)),
            (Value::Bytes(_), _) => Err(index_type_error("byte", key)),
            _ if crate::attr::is_heap_object(c) => self.getitem_special(c, key),
            (Value::Type(t), _) if t.heap.is_some() => self.class_getitem(t, key),
            (Value::Type(t), _) => crate::generic_alias::builtin_class_getitem(self, t, key),
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not subscriptable",
                type_name(c)
            ))),
        }
    }

    /// Slice `sl` with its `__index__` objects converted to ints (as
    /// `PySlice_Unpack` does before a builtin sequence uses the slice).
    pub(crate) fn slice_with_ints(&mut self, sl: &[Value; 3]) -> PyResult<Value> {
        let mut parts = [Value::None, Value::None, Value::None];
        for (p, v) in parts.iter_mut().zip(sl.iter()) {
            *p = if crate::attr::is_heap_object(v) {
                Value::Int(self.index_value(v)?)
            } else {
                v.clone()
            };
        }
        Ok(Value::Slice(Rc::new(parts)))
    }

    /// `container[key] = value`.
    pub fn setitem(&mut self, c: &Value, key: Value, value: Value) -> PyResult<()> {
        if let (Value::Slice(sl), false) = (&key, crate::attr::is_heap_object(c)) {
            if sl.iter().any(crate::attr::is_heap_object) {
                let key = self.slice_with_ints(sl)?;
                return self.setitem(c, key, value);
            }
        }
        match (c, &key) {
            (Value::List(l), Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
                let i = index_of(&key).unwrap_or(0);
                let mut l = l.borrow_mut();
                let len = l.len();
                match norm_index(i, len) {
                    Some(i) => {
                        l[i] = value;
                        Ok(())
                    }
                    None => Err(PyErr::index_error("list assignment index out of range")),
                }
            }
            (Value::Dict(d), _) => self.map_insert(d, key, value),
            (Value::List(l), Value::Slice(sl)) => {
                if matches!(
                    value,
                    Value::Int(_)
                        | Value::BigInt(_)
                        | Value::Float(_)
                        | Value::Bool(_)
                        | Value::None
                ) {
                    return Err(PyErr::type_error("can only assign an iterable"));
                }
                let items = self.collect(&value)?;
                let mut l = l.borrow_mut();
                let (start, stop, step) = slice_indices(sl, l.len())?;
                if step == 1 {
                    let a = start.max(0) as usize;
                    let b = (stop.max(start).max(0) as usize).min(l.len());
                    l.splice(a..b, items);
                    return Ok(());
                }
                let pos = slice_positions(sl, l.len())?;
                if pos.len() != items.len() {
                    return Err(PyErr::value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        items.len(),
                        pos.len()
                    )));
                }
                for (p, v) in pos.into_iter().zip(items) {
                    l[p] = v;
                }
                Ok(())
            }
            _ if crate::attr::is_heap_object(c) => self.setitem_special(c, key, Some(value)),
            (Value::List(_), Value::Instance(_)) => {
                let i = self.index_value(&key)?;
                self.setitem(c, Value::Int(i), value)
            }
            (Value::List(_), _) => Err(index_type_error("list", &key)),
            (Value::ByteArray(b), Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
                let i = index_of(&key).unwrap_or(i64::MAX);
                let x = crate::methods::bytearray::byte_of(self, &value)?;
                let mut b = b.write();
                let len = b.len();
                match norm_index(i, len) {
                    Some(i) => {
                        b[i] = x;
                        Ok(())
                    }
                    None => Err(PyErr::index_error("bytearray index out of range")),
                }
            }
            (Value::ByteArray(_), Value::Instance(_)) => {
                let i = self.index_value(&key)?;
                self.setitem(c, Value::Int(i), value)
            }
            (Value::ByteArray(b), Value::Slice(sl)) => {
                // The slice's errors come before the value's conversion; the
                // indices are taken after it, which may resize the array (as
                // `bytearray_ass_subscript` recurses with the converted value).
                slice_indices(sl, 0)?;
                let items = crate::bytes_new::bytearray_slice_source(self, &value)?;
                let len = b.borrow().len();
                let (start, stop, step) = slice_indices(sl, len)?;
                if step == 1 {
                    let lo = start.max(0) as usize;
                    let hi = (stop.max(start).max(0) as usize).min(len);
                    b.resize(len - (hi - lo) + items.len())?
                        .splice(lo..hi, items);
                    return Ok(());
                }
                if items.is_empty() {
                    // An empty value deletes an extended slice (as
                    // `bytearray_ass_subscript` does, unlike a list's).
                    let mut pos = slice_positions(sl, len)?;
                    pos.sort_unstable();
                    remove_sorted(&mut *b.resize(len - pos.len())?, &pos);
                    return Ok(());
                }
                let mut b = b.write();
                let pos = slice_positions(sl, b.len())?;
                if pos.len() != items.len() {
                    return Err(PyErr::value_error(format!(
                        "attempt to assign bytes of size {} to extended slice of size {}",
                        items.len(),
                        pos.len()
                    )));
                }
                for (p, v) in pos.into_iter().zip(items) {
                    b[p] = v;
                }
                Ok(())
            }
            (Value::ByteArray(_), _) => Err(index_type_error("bytearray", &key)),
            (Value::MemoryView(m), _) => crate::methods::memoryview::setitem(self, m, &key, &value),
            _ => Err(PyErr::type_error(format!(
                "'{}' object does not support item assignment",
                type_name(c)
            ))),
        }
    }

    /// `del container[key]`.
    pub fn delitem(&mut self, c: &Value, key: &Value) -> PyResult<()> {
        if crate::mappingproxy::target(c).is_some() {
            return Err(PyErr::type_error(
                "'mappingproxy' object does not support item deletion",
            ));
        }
        if let (Value::Slice(sl), false) = (key, crate::attr::is_heap_object(c)) {
            if sl.iter().any(crate::attr::is_heap_object) {
                let key = self.slice_with_ints(sl)?;
                return self.delitem(c, &key);
            }
        }
        match (c, key) {
            (Value::List(l), Value::Int(i)) => {
                let mut l = l.borrow_mut();
                let len = l.len();
                match norm_index(*i, len) {
                    Some(i) => {
                        l.remove(i);
                        Ok(())
                    }
                    None => Err(PyErr::index_error("list assignment index out of range")),
                }
            }
            (Value::List(l), Value::Slice(sl)) => {
                let removed = {
                    let mut l = l.borrow_mut();
                    let mut pos = slice_positions(sl, l.len())?;
                    pos.sort_unstable();
                    remove_sorted(&mut l, &pos)
                };
                // The items go after the borrow: a `__del__` may use the list.
                drop(removed);
                Ok(())
            }
            (Value::Dict(d), _) => match self.map_remove(d, key)? {
                Some(_) => Ok(()),
                None => Err(PyErr::key_error(key.clone())),
            },
            (Value::ByteArray(b), Value::Int(i)) => {
                let len = b.borrow().len();
                match norm_index(*i, len) {
                    Some(i) => {
                        b.resize(len - 1)?.remove(i);
                        Ok(())
                    }
                    None => Err(PyErr::index_error("bytearray index out of range")),
                }
            }
            (Value::MemoryView(m), _) => crate::methods::memoryview::delitem(m),
            (Value::ByteArray(b), Value::Slice(sl)) => {
                let len = b.borrow().len();
                let mut pos = slice_positions(sl, len)?;
                pos.sort_unstable();
                remove_sorted(&mut *b.resize(len - pos.len())?, &pos);
                Ok(())
            }
            _ if crate::attr::is_heap_object(c) => self.setitem_special(c, key.clone(), None),
            (Value::List(_), Value::Bool(_) | Value::Instance(_)) => {
                let i = self.index_value(key)?;
                self.delitem(c, &Value::Int(i))
            }
            (Value::List(_), _) => Err(index_type_error("list", key)),
            _ => Err(PyErr::type_error(format!(
                "'{}' object doesn't support item deletion",
                type_name(c)
            ))),
        }
    }

    /// `PySequence_Check`: whether `v` supports item access by index (its
    /// class has `__getitem__`) and is not a dict.
    pub fn sequence_check(&mut self, v: &Value) -> bool {
        match v {
            Value::Tuple(_)
            | Value::List(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::ByteArray(_)
            | Value::Range(_)
            | Value::MemoryView(_) => true,
            Value::Instance(i) => {
                if matches!(i.payload(), Some(Value::Dict(_))) {
                    return false;
                }
                let name = self.intern("__getitem__");
                crate::class::lookup(&i.class(), &name).is_some()
            }
            _ => false,
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, c: &Value, item: &Value) -> PyResult<bool> {
        if let Some(m) = crate::mappingproxy::target(c) {
            return self.contains(&m, item);
        }
        if let Value::List(_) | Value::Tuple(_) = c {
            return self.seq_contains(c, item);
        }
        Ok(match c {
            _ if crate::attr::is_heap_object(c) => return self.contains_special(c, item),
            Value::Type(t) if crate::class_ns::has_heap_meta(t) => {
                return self.contains_special(c, item)
            }
            Value::List(l) => l
                .borrow()
                .iter()
                .any(|x| x.is(item) || crate::ops::eq(x, item)),
            Value::Tuple(t) => t.iter().any(|x| x.is(item) || crate::ops::eq(x, item)),
            Value::Dict(d) => self.map_get(d, item)?.is_some(),
            Value::Set(d) => {
                crate::methods::retry_as_frozen(self, item, |vm, k| vm.map_get(d, k))?.is_some()
            }
            Value::FrozenSet(d) => crate::methods::retry_as_frozen(self, item, |vm, k| {
                if crate::attr::is_heap_object(k) {
                    Ok(vm.find_equal_key(d, k)?.is_some())
                } else {
                    Ok(d.get(k)?.is_some())
                }
            })?,
            Value::DictView(v) if v.1 == DictPart::Keys => self.map_get(&v.0, item)?.is_some(),
            // `dictitems_contains`: the key is looked up, then the value compared.
            Value::DictView(v) if v.1 == DictPart::Items => {
                let Value::Tuple(pair) = item else {
                    return Ok(false);
                };
                let [k, x] = &pair[..] else {
                    return Ok(false);
                };
                match self.map_get(&v.0, k)? {
                    Some(found) => self.eq_values(&found, x)?,
                    None => false,
                }
            }
            Value::DictView(_) => {
                for x in self.collect(c)? {
                    if self.eq_values(&x, item)? {
                        return Ok(true);
                    }
                }
                false
            }
            Value::Str(s) => match item {
                Value::Str(sub) if s.surrogates().is_some() || sub.surrogates().is_some() => {
                    crate::str_surrogates::contains(s, sub)
                }
                Value::Str(sub) => s.as_str().contains(sub.as_str()),
                other => {
                    // An instance of a str subclass is searched for by its text.
                    if let Some(sub @ Value::Str(_)) = crate::instance::payload_of(other) {
                        let sub = sub.clone();
                        return self.contains(c, &sub);
                    }
                    return Err(PyErr::type_error(format!(
                        "'in <string>' requires string as left operand, not {}",
                        type_name(other)
                    )));
                }
            },
            Value::Range(r) => crate::methods::range_contains(self, r, item)?,
            Value::ByteArray(_) => {
                let frozen = crate::methods::bytearray::freeze(c);
                let item = crate::methods::bytearray::freeze(item);
                return self.contains(&frozen, &item);
            }
            Value::Bytes(b) => match item {
                // `_Py_bytes_contains`: an integer (or `__index__`) is a
                // byte value, checked to be one.
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                    b.contains(&crate::methods::bytearray::byte_of(self, item)?)
                }
                Value::Instance(i)
                    if crate::class::special(&i.class(), crate::names::D::Index).is_some() =>
                {
                    b.contains(&crate::methods::bytearray::byte_of(self, item)?)
                }
                Value::Bytes(sub) => {
                    sub.is_empty() || b.windows(sub.len()).any(|w| w == sub.as_slice())
                }
                other => match crate::buffer::exported_bytes(other) {
                    Some(sub) => {
                        let sub = sub?;
                        sub.is_empty() || b.windows(sub.len()).any(|w| w == sub.as_slice())
                    }
                    None => {
                        return Err(PyErr::type_error(format!(
                            "a bytes-like object is required, not '{}'",
                            type_name(item)
                        )))
                    }
                },
            },
            Value::Iter(_) | Value::Generator(_) => {
                while let Some(x) = self.iter_next(c)? {
                    if self.eq_values(&x, item)? {
                        return Ok(true);
                    }
                }
                false
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "argument of type '{}' is not iterable",
                    type_name(other)
                )))
            }
        })
    }

    /// The `ValueError` of `zip(strict=True)` when iterator `k` ran out first
    /// (or, for `k == 0`, the error for the first longer one; none if all ended).
    fn zip_mismatch(&mut self, its: &[Value], k: usize) -> Option<PyErr> {
        let plural = |n: usize| {
            if n == 1 {
                "argument 1".to_string()
            } else {
                format!("arguments 1-{n}")
            }
        };
        if k > 0 {
            return Some(PyErr::value_error(format!(
                "zip() argument {} is shorter than {}",
                k + 1,
                plural(k)
            )));
        }
        for (j, it) in its.iter().enumerate().skip(1) {
            match self.iter_next(it) {
                Ok(Some(_)) => {
                    return Some(PyErr::value_error(format!(
                        "zip() argument {} is longer than {}",
                        j + 1,
                        plural(j)
                    )))
                }
                Ok(None) => {}
                Err(e) => return Some(e),
            }
        }
        None
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(_) => self.str_special(v),
            Value::Exception(_) => self.str_special(v),
            // A metaclass's `__str__` gives `str()` of its classes.
            Value::Type(t) if crate::class_ns::meta_hook(t, crate::names::D::Str).is_some() => {
                self.str_special(v)
            }
            // `str()` of a mappingproxy is `str()` of its mapping.
            Value::Descr(_) => match crate::mappingproxy::target(v) {
                Some(d) => self.repr_of(&d),
                None => self.repr_of(v),
            },
            _ => self.repr_of(v),
        }
    }

    /// `repr(v)`.
    pub fn repr_of(&mut self, v: &Value) -> PyResult<String> {
        crate::format::check_int_str(v)?;
        let mut out = String::new();
        let mut seen = std::mem::take(&mut self.repr_active);
        let depth = seen.len();
        let r = self.write_repr(&mut out, v, &mut seen);
        // An error leaves the containers it unwound through on the list.
        seen.truncate(depth);
        self.repr_active = seen;
        r.map(|()| out)
    }

    /// The name `method_repr` shows: the function's `__qualname__`, else
    /// its `__name__`, and `?` when that is missing or not a str.
    fn method_func_name(&mut self, func: &Value) -> PyResult<String> {
        if let Value::Function(f) = func {
            return Ok(f.qualname.borrow().as_str().to_string());
        }
        for attr in ["__qualname__", "__name__"] {
            let name = self.intern(attr);
            match self.get_attr(func, &name) {
                Ok(Value::Str(s)) => return Ok(s.as_str().to_string()),
                Ok(_) => return Ok("?".to_string()),
                Err(e) if e.is(ExcKind::AttributeError) => {}
                Err(e) => return Err(e),
            }
        }
        Ok("?".to_string())
    }

    /// A `__repr__` that may run Python code, with the containers being
    /// printed visible to any `repr` that code starts.
    fn repr_special_seen(&mut self, v: &Value, seen: &mut Vec<usize>) -> PyResult<String> {
        self.repr_active = std::mem::take(seen);
        let r = self.repr_special(v);
        *seen = std::mem::take(&mut self.repr_active);
        r
    }

    /// `repr()` of containers whose items may be instances of Python classes;
    /// everything else is formatted by [`crate::repr`].
    fn write_repr(&mut self, out: &mut String, v: &Value, seen: &mut Vec<usize>) -> PyResult<()> {
        let items: Vec<Value>;
        let (open, close) = match v {
            Value::Instance(_) => {
                out.push_str(&self.repr_special_seen(v, seen)?);
                return Ok(());
            }
            Value::Module(m) => {
                out.push_str(&self.module_repr(m)?);
                return Ok(());
            }
            // A running frame shows the line it is at now.
            Value::Frame(f) => {
                self.refresh_frame_position(f);
                out.push_str(&crate::frame_obj::repr(v));
                return Ok(());
            }
            Value::Method(m) => {
                let (obj, func) = (m.0.clone(), m.1.clone());
                let name = self.method_func_name(&func)?;
                out.push_str("<bound method ");
                out.push_str(&name);
                out.push_str(" of ");
                self.write_repr(out, &obj, seen)?;
                out.push('>');
                return Ok(());
            }
            Value::Type(t) if crate::class_ns::meta_hook(t, crate::names::D::Repr).is_some() => {
                out.push_str(&self.repr_special_seen(v, seen)?);
                return Ok(());
            }
            Value::Exception(e) if e.typ.heap.is_some() => {
                out.push_str(&self.repr_special_seen(v, seen)?);
                return Ok(());
            }
            Value::Exception(e) => {
                let args = e.args.borrow().clone();
                out.push_str(&e.typ.name);
                out.push('(');
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write_repr(out, a, seen)?;
                }
                out.push(')');
                return Ok(());
            }
            Value::Descr(_) if crate::mappingproxy::target(v).is_some() => {
                // The namespace's values may be instances with their own `__repr__`.
                let d = crate::mappingproxy::target(v).unwrap_or(Value::None);
                out.push_str("mappingproxy(");
                self.write_repr(out, &d, seen)?;
                out.push(')');
                return Ok(());
            }
            // `dictview_repr`: the type's name around the repr of a list of
            // the elements, each level counted as CPython's recursion is.
            Value::DictView(view) if !seen.contains(&v.identity()) => {
                let (d, part) = &**view;
                let elements: Vec<Value> =
                    d.borrow().iter().map(|(k, x)| part.element(k, x)).collect();
                seen.push(v.identity());
                out.push_str(&type_name(v));
                out.push('(');
                let list = Value::list(elements);
                let r = self.counted_c_call(" while getting the repr of an object", |vm| {
                    vm.write_repr(out, &list, seen)
                });
                seen.pop();
                r?;
                out.push(')');
                return Ok(());
            }
            Value::List(l) if !seen.contains(&v.identity()) => {
                items = l.borrow().clone();
                ("[", "]")
            }
            Value::Tuple(t) if !seen.contains(&v.identity()) => {
                items = t.to_vec();
                ("(", if t.len() == 1 { ",)" } else { ")" })
            }
            Value::Dict(d) if !seen.contains(&v.identity()) => {
                let pairs: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, x)| (k.clone(), x.clone()))
                    .collect();
                seen.push(v.identity());
                out.push('{');
                self.counted_c_call(" while getting the repr of an object", |vm| {
                    for (i, (k, x)) in pairs.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        vm.write_repr(out, k, seen)?;
                        out.push_str(": ");
                        vm.write_repr(out, x, seen)?;
                    }
                    Ok(())
                })?;
                out.push('}');
                seen.pop();
                return Ok(());
            }
            // `slice_repr`: its bounds may be instances with a `__repr__`.
            Value::Slice(s) => {
                items = s.iter().cloned().collect();
                ("slice(", ")")
            }
            Value::Set(d) if !d.borrow().is_empty() && !seen.contains(&v.identity()) => {
                items = crate::methods::set_order(&d.borrow());
                ("{", "}")
            }
            // `set_repr`'s `Py_ReprEnter`: a frozenset met again inside itself.
            Value::FrozenSet(_) if seen.contains(&v.identity()) => {
                out.push_str("frozenset(...)");
                return Ok(());
            }
            Value::FrozenSet(d) if !d.is_empty() && d.keys().any(crate::attr::is_heap_object) => {
                items = crate::methods::set_order(d);
                ("frozenset({", "})")
            }
            _ => {
                crate::repr::write_repr(out, v, seen);
                return Ok(());
            }
        };
        seen.push(v.identity());
        out.push_str(open);
        // The container's repr is a C level of CPython's recursion count.
        self.counted_c_call(" while getting the repr of an object", |vm| {
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                vm.write_repr(out, x, seen)?;
            }
            Ok(())
        })?;
        out.push_str(close);
        seen.pop();
        Ok(())
    }

    /// `LOAD_METHOD`: `(method, self)` for a method found on the type, else `(NULL, attr)`.
    pub fn load_method(&mut self, obj: Value, name: &Rc<StrObj>) -> PyResult<(Value, Value)> {
        match &obj {
            Value::Instance(_) => return self.instance_load_method(obj, name),
            Value::Descr(d) if matches!(**d, crate::descr::Descr::Super { .. }) => {
                return self.super_load_method(d, name);
            }
            _ => {}
        }
        let found = crate::methods::lookup(&obj, name.as_str())
            .filter(|def| !crate::methods::is_classmethod(def));
        if let Some(def) = found {
            // On a type object (`str.upper`) or for a static method there is no
            // receiver to pass.
            if def.is_method && !matches!(obj, Value::Type(_)) {
                return Ok((Value::Builtin(def), obj));
            }
            return Ok((Value::Null, Value::Builtin(def)));
        }
        let v = self.get_attr(&obj, name)?;
        Ok((Value::Null, v))
    }

    /// `obj.name(*args)`, as CPython's `PyObject_CallMethod`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let key = self.intern(name);
        let f = self.get_attr(obj, &key)?;
        self.call(&f, args)
    }

    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: &Value, name: &Rc<StrObj>) -> PyResult<Value> {
        match obj {
            Value::Instance(_) => return self.instance_getattr(obj, name),
            Value::Type(t) => return self.type_getattr(t, name),
            Value::Descr(d) => return crate::descr::getattr(self, obj, d, name),
            Value::Traceback(_) | Value::Frame(_) => {
                return crate::frame_obj::getattr(self, obj, name)
            }
            Value::Async(a) => return self.async_getattr(obj, a, name),
            Value::Generator(g) => return self.generator_getattr(obj, g, name),
            Value::Exception(e) => {
                if let Some(v) = crate::exc_group::group_attr(e, name.as_str()) {
                    return Ok(v);
                }
                let builtin = match name.as_str() {
                    "args"
                    | "__cause__"
                    | "__context__"
                    | "__suppress_context__"
                    | "__traceback__" => true,
                    "value" => e.is_instance(ExcKind::StopIteration),
                    "code" => e.is_instance(ExcKind::SystemExit),
                    "name" | "obj" => crate::name_error::has_member(e, name.as_str()),
                    _ => false,
                };
                if !builtin {
                    return self.instance_getattr(obj, name);
                }
            }
            _ => {}
        }
        self.builtin_getattr(obj, name)
    }

    /// Attributes of builtin values.
    pub(crate) fn builtin_getattr(&mut self, obj: &Value, name: &Rc<StrObj>) -> PyResult<Value> {
        let n = name.as_str();
        if let Some(def) = crate::methods::lookup(obj, n) {
            if crate::native::is_new(def.name) {
                let t = match obj {
                    Value::Type(t) => t.clone(),
                    other => crate::types::type_of(other),
                };
                return Ok(crate::new_wrapper::bound_new(&t, def));
            }
            if matches!(obj, Value::Type(_)) || !def.is_method {
                return Ok(Value::Builtin(def));
            }
            return Ok(Value::BoundBuiltin(Rc::new((obj.clone(), def))));
        }
        if let Value::Module(m) = obj {
            let v = m.dict.borrow().get_str(name).cloned();
            if v.is_none() {
                // `module` inherits `object.__reduce_ex__` (which refuses it).
                if matches!(n, "__reduce__" | "__reduce_ex__" | "__getstate__") {
                    if let Some(found) = crate::base_methods::object_method(obj, n) {
                        return Ok(found);
                    }
                }
                if let Some(found) = crate::import::module_special_attr(self, m, n)? {
                    return Ok(found);
                }
            }
            let name_key = self.intern("__name__");
            return v.ok_or_else(|| {
                let prefix = if crate::import::is_initializing(m) {
                    "partially initialized "
                } else {
                    ""
                };
                let suffix = if prefix.is_empty() {
                    ""
                } else {
                    " (most likely due to a circular import)"
                };
                // The name is the module's `__name__` now (CPython reads the
                // dict): none, or not a str, leaves it out.
                let msg = match m.dict.borrow().get_str(&name_key) {
                    Some(Value::Str(mn)) => format!(
                        "{prefix}module '{}' has no attribute '{}'{suffix}",
                        mn.as_str(),
                        n
                    ),
                    _ => format!("module has no attribute '{n}'"),
                };
                let err = PyErr::new(ExcKind::AttributeError, msg);
                let names: Vec<Rc<str>> = m
                    .dict
                    .borrow()
                    .keys()
                    .filter_map(|k| match k {
                        Value::Str(s) => Some(Rc::from(s.as_str())),
                        _ => None,
                    })
                    .collect();
                *err.0.name_hint.borrow_mut() = Some(crate::exc::NameHint {
                    name: n.into(),
                    candidates: vec![names],
                    is_attribute: true,
                });
                err.with_name_obj(Value::Str(name.clone()), obj.clone())
            });
        }
        if let Value::Function(f) = obj {
            if let Some(v) = crate::func_attrs::get(f, name) {
                return Ok(v);
            }
        }
        let syntax_attr = match obj {
            Value::Exception(e) => crate::compile_hook::syntax_error_attr(e, n),
            _ => None,
        };
        let found = match (obj, n) {
            (_, "__class__") => Some(Value::Type(crate::types::type_of(obj))),
            (Value::Exception(e), "args") => Some(Value::Tuple(e.args.borrow().clone())),
            (Value::Exception(_), _) if syntax_attr.is_some() => syntax_attr,
            (Value::Exception(e), "__cause__") => Some(
                e.cause
                    .borrow()
                    .clone()
                    .map_or(Value::None, Value::Exception),
            ),
            (Value::Exception(e), "__context__") => Some(
                e.context
                    .borrow()
                    .clone()
                    .map_or(Value::None, Value::Exception),
            ),
            (Value::Exception(e), "__suppress_context__") => {
                Some(Value::Bool(e.suppress_context.get()))
            }
            (Value::Exception(e), "__traceback__") => Some(crate::frame_obj::traceback_of(e)),
            (Value::Exception(e), "value") if e.is_instance(ExcKind::StopIteration) => Some(
                e.stored_member("value")
                    .unwrap_or_else(|| e.args.borrow().first().cloned().unwrap_or(Value::None)),
            ),
            (Value::Exception(e), "name" | "obj") if crate::name_error::has_member(e, n) => {
                Some(crate::name_error::get(e, n))
            }
            (Value::Exception(e), "code") if e.is_instance(ExcKind::SystemExit) => {
                Some(crate::builtins::system_exit_code(e))
            }
            // `NoneType` has no docstring (`property()`'s default `fget.__doc__`).
            (Value::None, "__doc__") => Some(Value::None),
            (Value::Method(m), "__self__") => Some(m.0.clone()),
            (Value::Method(m), "__func__") => Some(m.1.clone()),
            (Value::Method(m), "__name__" | "__qualname__" | "__doc__" | "__module__") => {
                let f = m.1.clone();
                return self.get_attr(&f, name);
            }
            (Value::BoundBuiltin(b), "__self__") => Some(b.0.clone()),
            (Value::BoundBuiltin(b), "__name__") => Some(Value::str(b.1.name)),
            (Value::BoundBuiltin(b), "__qualname__") => {
                let owner = match (&b.0, b.1.owner.rsplit('.').next()) {
                    // Slot wrappers (`owner` "builtin") serve every type: name the receiver's.
                    (_, Some(owner))
                        if b.1.is_method && !owner.is_empty() && !owner.starts_with("builtin") =>
                    {
                        owner.to_string()
                    }
                    (Value::Type(t), _) => crate::native::short_name(t).to_string(),
                    (recv, _) => crate::types::type_of(recv).name.clone(),
                };
                Some(Value::string(format!("{owner}.{}", b.1.name)))
            }
            (Value::BoundBuiltin(_), "__module__") => Some(Value::None),
            (Value::Function(f), "__name__") => Some(Value::Str(f.name.borrow().clone())),
            (Value::Function(f), "__qualname__") => Some(Value::Str(f.qualname.borrow().clone())),
            (Value::Function(f), "__code__") => Some(Value::Code(f.code.borrow().clone())),
            (Value::Function(f), "__defaults__") => Some(
                f.defaults
                    .borrow()
                    .clone()
                    .map_or(Value::None, Value::Tuple),
            ),
            (Value::Function(f), "__kwdefaults__") => Some(
                f.kwdefaults
                    .borrow()
                    .clone()
                    .map_or(Value::None, Value::Dict),
            ),
            (Value::Function(f), "__closure__") => {
                Some(f.closure.clone().map_or(Value::None, Value::Tuple))
            }
            (Value::Function(f), "__globals__") => Some(Value::Dict(f.globals.clone())),
            (Value::Function(f), "__builtins__") => Some(self.builtins_value(&f.globals)),
            (Value::Function(f), "__doc__") => Some(match f.code.borrow().consts.first() {
                Some(v @ Value::Str(_)) => v.clone(),
                _ => Value::None,
            }),
            (Value::Function(f), "__module__") => Some(
                f.globals
                    .borrow()
                    .get_str(&crate::names::D::Name.name())
                    .cloned()
                    .unwrap_or(Value::None),
            ),
            (Value::Builtin(b), "__name__") => Some(Value::str(b.name)),
            (Value::Builtin(b), "__doc__") => Some(builtin_doc(b)),
            (Value::BoundBuiltin(b), "__doc__") => Some(builtin_doc(b.1)),
            (Value::Builtin(b), "__text_signature__") => Some(builtin_text_signature(b)),
            (Value::BoundBuiltin(b), "__text_signature__") => Some(builtin_text_signature(b.1)),
            (Value::Builtin(b), "__objclass__")
                if b.is_method || crate::methods::is_classmethod(b) =>
            {
                crate::types::builtin_type_named(crate::slots::owner_name(b)).map(Value::Type)
            }
            // A method-wrapper (`[].__add__`) names the class of its slot wrapper.
            (Value::BoundBuiltin(b), "__objclass__") if crate::slots::is_slot_wrapper(b.1) => {
                crate::types::builtin_type_named(crate::slots::owner_name(b.1)).map(Value::Type)
            }
            // `bytearray.maketrans.__self__`: a static method hides its class.
            (Value::Builtin(b), "__self__") if crate::reduce::static_owner(b).is_some() => {
                Some(Value::None)
            }
            // A module's function is bound to its module (`len.__self__` is
            // `builtins`), which `inspect` reads to drop the `$module`
            // parameter of its text signature.
            (Value::Builtin(b), "__self__") if !b.is_method => Some(self.module_of_function(b)),
            // Static methods of builtin classes have no module (`m_module` NULL).
            (Value::Builtin(b), "__module__") if crate::reduce::static_owner(b).is_some() => {
                Some(Value::None)
            }
            // Module functions name their module as their owner; builtins none.
            (Value::Builtin(b), "__module__") if !b.is_method => {
                Some(Value::str(if b.owner.is_empty() {
                    "builtins"
                } else {
                    b.owner
                }))
            }
            (Value::Builtin(b), "__qualname__") => Some(Value::string(
                if b.is_method || crate::reduce::static_owner(b).is_some() {
                    format!("{}.{}", crate::slots::owner_name(b), b.name)
                } else {
                    b.name.to_string()
                },
            )),
            (Value::Type(t), "__name__" | "__qualname__") => Some(Value::str(&t.name)),
            (Value::Type(t), "__base__") => Some(t.base.clone().map_or(Value::None, Value::Type)),
            (Value::Type(_), "__module__") => Some(Value::str("builtins")),
            (Value::Cell(c), "cell_contents") => {
                let v = c.borrow().clone();
                if v.is_null() {
                    return Err(PyErr::value_error("Cell is empty"));
                }
                Some(v)
            }
            (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "real" | "numerator") => {
                Some(crate::ops::unary('+', obj)?)
            }
            (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "imag") => Some(Value::Int(0)),
            (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "denominator") => {
                Some(Value::Int(1))
            }
            (Value::Float(_), "real") => Some(obj.clone()),
            (Value::Complex(c), "real") => Some(Value::Float(c.re)),
            (Value::MemoryView(m), _) => crate::methods::memoryview::attr(m, n)?,
            (Value::Complex(c), "imag") => Some(Value::Float(c.im)),
            (Value::Float(_), "imag") => Some(Value::Float(0.0)),
            (Value::Range(r), "start") => Some(r.start()),
            (Value::Range(r), "stop") => Some(r.stop()),
            (Value::Range(r), "step") => Some(r.step()),
            (Value::Slice(s), "start") => Some(s[0].clone()),
            (Value::Slice(s), "stop") => Some(s[1].clone()),
            (Value::Slice(s), "step") => Some(s[2].clone()),
            (Value::DictView(v), "mapping") => Some(crate::mappingproxy::new(v.0.clone())),
            (Value::Code(c), _) => crate::builtins::code_attr(c, n),
            (_, "__hash__") if crate::slots::unhashable(&crate::types::type_of(obj)) => {
                Some(Value::None)
            }
            _ => None,
        };
        let found = found
            .or_else(|| crate::slots::bound_slot_wrapper(obj, n))
            .or_else(|| crate::descr_protocol::method(obj, n))
            .or_else(|| crate::base_methods::object_method(obj, n));
        if let Some(v) = found {
            return Ok(v);
        }
        // A bound method reads the other attributes of its function
        // (`method_getattro`), as `unittest` does for `__unittest_skip__`.
        if let Value::Method(m) = obj {
            let f = m.1.clone();
            return self.get_attr(&f, name);
        }
        // A builtin object's docstring is its class's (`tp_doc`).
        if n == "__doc__" {
            let t = crate::types::type_of(obj);
            return Ok(crate::doc_table::doc(&t.name).map_or(Value::None, Value::str));
        }
        Err(attribute_error(obj, n))
    }

    /// `obj.name = value`.
    pub fn set_attr(&mut self, obj: &Value, name: &Rc<StrObj>, value: Value) -> PyResult<()> {
        if name.as_str() == "__class__" && !matches!(obj, Value::Instance(_)) {
            return crate::class_assign::set_class(obj, Some(value));
        }
        if let Some(e) = crate::attr::read_only_builtin_attr(obj, name) {
            return Err(e);
        }
        match obj {
            Value::Instance(_) | Value::Exception(_) => {
                self.instance_setattr(obj, name, Some(value))
            }
            Value::Type(t) if t.heap.is_some() => {
                match crate::class_ns::meta_hook(t, crate::names::D::SetAttr) {
                    Some(f) => self
                        .call(&f, &[obj.clone(), Value::Str(name.clone()), value])
                        .map(drop),
                    None => self.type_setattr(t, name, Some(value)),
                }
            }
            Value::Descr(d) if d.is_method_wrapper() => {
                crate::descr::wrapper_setattr(obj, d, name, Some(value))
                    .unwrap_or_else(|| Err(attribute_error(obj, name.as_str())))
            }
            _ => self.builtin_setattr(obj, name, value),
        }
    }

    /// `obj.name = value` on builtin values.
    pub(crate) fn builtin_setattr(
        &mut self,
        obj: &Value,
        name: &Rc<StrObj>,
        value: Value,
    ) -> PyResult<()> {
        if let Value::Traceback(_) | Value::Frame(_) = obj {
            return crate::frame_obj::setattr(obj, name.as_str(), &value);
        }
        if let Value::Module(m) = obj {
            if name.as_str() == "__dict__" {
                // `module.__dict__` is a read-only member (`T_OBJECT`, `READONLY`).
                return Err(PyErr::new(ExcKind::AttributeError, "readonly attribute"));
            }
            let h = name.hash();
            m.dict
                .borrow_mut()
                .insert_hashed(Value::Str(name.clone()), h, value);
            return Ok(());
        }
        if let Some(g) = crate::gen::frame_owner(obj) {
            if let n @ ("__name__" | "__qualname__") = name.as_str() {
                return g.set_name(n == "__qualname__", Some(&value));
            }
            if let Some(e) = crate::coro::readonly_attr_error(obj, name.as_str()) {
                return Err(e);
            }
        }
        match (obj, name.as_str()) {
            (Value::Function(f), "__name__") => {
                if let Value::Str(s) = value {
                    *f.name.borrow_mut() = s;
                    return Ok(());
                }
                Err(PyErr::type_error("__name__ must be set to a string object"))
            }
            (Value::Function(f), "__qualname__") => {
                if let Value::Str(s) = value {
                    *f.qualname.borrow_mut() = s;
                    return Ok(());
                }
                Err(PyErr::type_error(
                    "__qualname__ must be set to a string object",
                ))
            }
            (Value::Exception(e), "__cause__") => {
                *e.cause.borrow_mut() = match value {
                    Value::Exception(c) => Some(c),
                    Value::None => None,
                    _ => {
                        return Err(PyErr::type_error(
                            "exception cause must be None or derive from BaseException",
                        ))
                    }
                };
                e.suppress_context.set(true);
                Ok(())
            }
            (Value::Exception(e), "__context__") => {
                *e.context.borrow_mut() = match value {
                    Value::Exception(c) => Some(c),
                    Value::None => None,
                    _ => {
                        return Err(PyErr::type_error(
                            "exception context must be None or derive from BaseException",
                        ))
                    }
                };
                Ok(())
            }
            (Value::Exception(e), "__suppress_context__") => {
                e.suppress_context.set(crate::ops::truthy(&value));
                Ok(())
            }
            (Value::Exception(e), "__traceback__") => crate::frame_obj::set_traceback(e, &value),
            (Value::Exception(e), "args") => {
                let items = self.collect(&value)?;
                *e.args.borrow_mut() = Rc::new(items);
                Ok(())
            }
            (Value::Function(f), _) => crate::func_attrs::set(f, name, value),
            (Value::Cell(c), "cell_contents") => {
                *c.borrow_mut() = value;
                Ok(())
            }
            (Value::Descr(d), "__doc__") if matches!(**d, crate::descr::Descr::Property { .. }) => {
                crate::descr::set_doc(d, value)
            }
            (Value::Type(t), n) => Err(PyErr::type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                n, t.name
            ))),
            (_, n) => {
                if crate::methods::lookup(obj, n).is_some() {
                    return Err(PyErr::new(
                        ExcKind::AttributeError,
                        format!("'{}' object attribute '{}' is read-only", type_name(obj), n),
                    ));
                }
                Err(attribute_error(obj, n))
            }
        }
    }

    /// `del obj.name`.
    pub fn del_attr(&mut self, obj: &Value, name: &Rc<StrObj>) -> PyResult<()> {
        if name.as_str() == "__class__" {
            return crate::class_assign::set_class(obj, None);
        }
        if let Some(e) = crate::attr::read_only_builtin_attr(obj, name) {
            return Err(e);
        }
        match obj {
            // `BaseException`'s getset descriptors refuse deletion.
            Value::Exception(_)
                if matches!(
                    name.as_str(),
                    "__cause__" | "__context__" | "__traceback__" | "args"
                ) =>
            {
                Err(PyErr::type_error(format!(
                    "{} may not be deleted",
                    name.as_str()
                )))
            }
            // A deleted member slot of `SyntaxError` reads as None afterwards.
            Value::Exception(e) if crate::compile_hook::is_syntax_member(e, name.as_str()) => {
                self.instance_setattr(obj, name, Some(Value::None))
            }
            Value::Instance(_) | Value::Exception(_) => self.instance_setattr(obj, name, None),
            Value::Traceback(_) if name.as_str() == "tb_next" => {
                Err(PyErr::type_error("can't delete tb_next attribute"))
            }
            // The other members refuse as a store does.
            Value::Traceback(_) => crate::frame_obj::setattr(obj, name.as_str(), &Value::None),
            Value::Frame(_) => crate::frame_obj::delattr(obj, name.as_str()),
            Value::Type(t) if t.heap.is_some() => {
                match crate::class_ns::meta_hook(t, crate::names::D::DelAttr) {
                    Some(f) => self
                        .call(&f, &[obj.clone(), Value::Str(name.clone())])
                        .map(drop),
                    None => self.type_setattr(t, name, None),
                }
            }
            // A builtin type refuses deletion as it refuses stores
            // (`type_setattro`'s immutable-type check comes first).
            Value::Type(t) => self.type_setattr(t, name, None),
            Value::Function(f) if crate::func_attrs::delete(f, name)? => Ok(()),
            Value::Descr(d) => crate::descr::wrapper_setattr(obj, d, name, None)
                .unwrap_or_else(|| Err(attribute_error(obj, name.as_str()))),
            // Deleting a cell's contents empties it.
            Value::Cell(c) if name.as_str() == "cell_contents" => {
                let old = std::mem::replace(&mut *c.borrow_mut(), Value::Null);
                drop(old);
                Ok(())
            }
            Value::Generator(_) | Value::Async(_)
                if matches!(name.as_str(), "__name__" | "__qualname__") =>
            {
                match crate::gen::frame_owner(obj) {
                    Some(g) => g.set_name(name.as_str() == "__qualname__", None),
                    None => Err(attribute_error(obj, name.as_str())),
                }
            }
            Value::Generator(_) | Value::Async(_) => {
                Err(crate::coro::readonly_attr_error(obj, name.as_str())
                    .unwrap_or_else(|| attribute_error(obj, name.as_str())))
            }
            Value::Module(_) if name.as_str() == "__dict__" => {
                Err(PyErr::new(ExcKind::AttributeError, "readonly attribute"))
            }
            Value::Module(m) => {
                let removed = m.dict.borrow_mut().remove(&Value::Str(name.clone()))?;
                // Freed after the namespace's borrow ends: a `__del__` may use it.
                match removed {
                    Some(v) => {
                        drop(v);
                        Ok(())
                    }
                    None => Err(attribute_error(obj, name.as_str())),
                }
            }
            _ => Err(attribute_error(obj, name.as_str())),
        }
    }
}

/// `AttributeError` with CPython's wording.
pub fn attribute_error(obj: &Value, name: &str) -> PyErr {
    let err = match obj {
        Value::Type(t) => PyErr::new(
            ExcKind::AttributeError,
            format!("type object '{}' has no attribute '{}'", t.name, name),
        ),
        _ => PyErr::new(
            ExcKind::AttributeError,
            format!("'{}' object has no attribute '{}'", type_name(obj), name),
        ),
    };
    // "Did you mean" candidates: the names `dir()` would list that we know of.
    let candidates: Vec<Rc<str>> = crate::methods::table_id(obj)
        .map(|id| crate::methods::method_names(id).map(Rc::from).collect())
        .unwrap_or_default();
    if !candidates.is_empty() {
        *err.0.name_hint.borrow_mut() = Some(crate::exc::NameHint {
            name: name.into(),
            candidates: vec![candidates],
            is_attribute: true,
        });
    }
    err.with_name_obj(Value::str(name), obj.clone())
}

impl Vm {
    /// The module a builtin function belongs to (`builtins` for an empty
    /// owner, else the loaded module of that name), or `None`.
    fn module_of_function(&self, b: &crate::func::BuiltinDef) -> Value {
        if b.owner.is_empty() {
            return self.builtins_module();
        }
        let found = self
            .modules
            .borrow()
            .get_str(&Rc::new(StrObj::new(b.owner)))
            .cloned();
        match found {
            Some(m @ Value::Module(_)) => m,
            _ => Value::None,
        }
    }
}

/// The generated tables' key of a builtin function or method: `len`,
/// `str.join`, `math.sqrt`.
fn builtin_key(b: &crate::func::BuiltinDef) -> String {
    if b.owner.is_empty() {
        b.name.to_string()
    } else {
        format!("{}.{}", crate::slots::owner_name(b), b.name)
    }
}

/// CPython's docstring of a builtin function or method (`None` if it has none
/// in the generated table).
fn builtin_doc(b: &crate::func::BuiltinDef) -> Value {
    crate::doc_table::doc(&builtin_key(b)).map_or(Value::None, Value::str)
}

/// CPython's `__text_signature__` of a builtin function or method, what
/// `inspect.signature` parses (`None` where the generated table has none).
fn builtin_text_signature(b: &crate::func::BuiltinDef) -> Value {
    crate::doc_table::text_signature(&builtin_key(b)).map_or(Value::None, Value::str)
}

/// Removes the items at `pos` (ascending, distinct) from `v` in one pass
/// (a range in one move), returning them: `del x[a:b:c]` stays linear
/// where removing one item at a time moved the tail once per item.
fn remove_sorted<T>(v: &mut Vec<T>, pos: &[usize]) -> Vec<T> {
    let (Some(&first), Some(&last)) = (pos.first(), pos.last()) else {
        return Vec::new();
    };
    if last - first + 1 == pos.len() {
        return v.drain(first..=last).collect();
    }
    let mut removed = Vec::with_capacity(pos.len());
    let mut kept = Vec::with_capacity(v.len().saturating_sub(pos.len()));
    let mut next = pos.iter().copied().peekable();
    for (i, x) in v.drain(..).enumerate() {
        if next.peek() == Some(&i) {
            next.next();
            removed.push(x);
        } else {
            kept.push(x);
        }
    }
    *v = kept;
    removed
}
