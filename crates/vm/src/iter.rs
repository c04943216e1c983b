//! Iterator objects of the builtin types.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::types::TypeKind;
use crate::value::{StrObj, Value};

/// Which part of a dict entry an iterator yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictPart {
    /// Keys.
    Keys,
    /// Values.
    Values,
    /// `(key, value)` tuples.
    Items,
}

impl DictPart {
    /// What this part yields for the entry `key: value`.
    #[inline]
    pub fn element(self, key: &Value, value: &Value) -> Value {
        match self {
            DictPart::Keys => key.clone(),
            DictPart::Values => value.clone(),
            DictPart::Items => Value::tuple(vec![key.clone(), value.clone()]),
        }
    }
}

/// The state of an iterator.
#[derive(Debug)]
pub enum IterObj {
    /// `range_iterator`.
    Range {
        /// Next value.
        cur: i64,
        /// Values left.
        left: i64,
        /// Step.
        step: i64,
        /// Values in all (what `__reduce__` rebuilds the range from).
        len: i64,
    },
    /// `longrange_iterator`: a range beyond machine ints.
    LongRange(Box<crate::range::LongRangeIter>),
    /// `list_iterator`.
    List {
        /// The list.
        list: Rc<RefCell<Vec<Value>>>,
        /// Next index.
        idx: usize,
    },
    /// `tuple_iterator`.
    Tuple {
        /// The tuple.
        items: Rc<Vec<Value>>,
        /// Next index.
        idx: usize,
    },
    /// `str_ascii_iterator` / `str_iterator`.
    Str {
        /// The string.
        s: Rc<StrObj>,
        /// Byte position (code point index for a str with surrogates);
        /// `usize::MAX` once exhausted.
        pos: usize,
    },
    /// `dict_keyiterator` and friends.
    Dict {
        /// The dict.
        dict: Rc<RefCell<Dict>>,
        /// Raw entry position.
        pos: usize,
        /// Size when iteration started (`usize::MAX` once a size change
        /// was reported, so the error repeats as CPython's `di_used = -1`).
        len: usize,
        /// Entries left to yield (`di->len`): an entry found when none is
        /// left means keys were deleted and re-added at the same size.
        left: usize,
        /// What is yielded.
        part: DictPart,
    },
    /// An iterator over a snapshot of the items: `set_iterator`, a
    /// memoryview's, a dict's reverse iterators.
    Snapshot {
        /// Items.
        items: Vec<Value>,
        /// Next index.
        idx: usize,
        /// The set or dict, to detect size changes.
        set: Option<Rc<RefCell<Dict>>>,
        /// The iterator's type name.
        name: &'static str,
    },
    /// `bytes_iterator` and `bytearray_iterator`: live, so a bytearray
    /// changed while it is iterated is read as it is now.
    Bytes {
        /// The bytes or bytearray.
        seq: Value,
        /// Next index.
        idx: usize,
    },
    /// `list_reverseiterator`.
    Reversed {
        /// The sequence (a list, tuple, str, bytes or bytearray).
        seq: Value,
        /// Items left; `usize::MAX` once a `__next__` found none (CPython
        /// drops the sequence then, which `__reduce__` shows).
        left: usize,
    },
    /// `enumerate`.
    Enumerate {
        /// Underlying iterator.
        it: Value,
        /// Next count (an int, big past `i64::MAX`).
        count: Value,
    },
    /// `zip`.
    Zip {
        /// Underlying iterators.
        its: Rc<Vec<Value>>,
        /// `strict=True`: unequal lengths raise `ValueError`.
        strict: bool,
    },
    /// `map`.
    Map {
        /// The function.
        func: Value,
        /// Underlying iterators.
        its: Rc<Vec<Value>>,
    },
    /// `filter`.
    Filter {
        /// The predicate (or None).
        func: Value,
        /// Underlying iterator.
        it: Value,
    },
    /// `iter(callable, sentinel)`; `func` becomes `Null` once the sentinel was seen.
    Callable {
        /// The callable.
        func: Value,
        /// The value that ends the iteration.
        sentinel: Value,
    },
    /// `iterator`: the `__getitem__` protocol of an object without `__iter__`.
    SeqIndex {
        /// The object indexed.
        obj: Value,
        /// Next index.
        idx: i64,
    },
    /// The iterator of an instance of a builtin container's subclass
    /// (`iter(MyList())`): `inner` walks the container's storage and `owner`
    /// is the instance, kept alive as CPython's iterators keep the object
    /// they iterate. Exhaustion unwraps it, freeing the owner then.
    Owned {
        /// The instance iterated.
        owner: Value,
        /// The iterator over its builtin storage.
        inner: Box<IterObj>,
    },
    /// `reversed` over a Python class's `__len__` and `__getitem__`: lazy,
    /// indexing from `len - 1` down as each item is asked for.
    SeqReversed {
        /// The object indexed.
        obj: Value,
        /// Next index; below 0 once exhausted.
        idx: i64,
    },
}

impl IterObj {
    /// An exhausted iterator, as a placeholder.
    pub fn empty() -> IterObj {
        IterObj::Tuple {
            items: Rc::new(Vec::new()),
            idx: 0,
        }
    }

    /// The iterator proper: the inner iterator of an [`IterObj::Owned`].
    pub fn core(&self) -> &IterObj {
        match self {
            IterObj::Owned { inner, .. } => inner,
            other => other,
        }
    }

    /// [`IterObj::core`], mutably.
    pub fn core_mut(&mut self) -> &mut IterObj {
        match self {
            IterObj::Owned { inner, .. } => inner,
            other => other,
        }
    }

    /// The builtin type kind of the iterator.
    pub fn type_kind(&self) -> TypeKind {
        match self {
            IterObj::Owned { inner, .. } => inner.type_kind(),
            IterObj::Enumerate { .. } => TypeKind::Enumerate,
            IterObj::Zip { .. } => TypeKind::Zip,
            IterObj::Map { .. } => TypeKind::Map,
            IterObj::Filter { .. } => TypeKind::Filter,
            IterObj::SeqReversed { .. } => TypeKind::Reversed,
            IterObj::Reversed { seq, .. } if !matches!(seq, Value::List(_)) => TypeKind::Reversed,
            _ => TypeKind::Iterator,
        }
    }

    /// The iterator's type name.
    pub fn type_name(&self) -> &'static str {
        match self {
            // A str subclass's items are never the compact ASCII kind.
            IterObj::Owned { inner, .. } => match **inner {
                IterObj::Str { .. } => "str_iterator",
                ref other => other.type_name(),
            },
            IterObj::Range { .. } => "range_iterator",
            IterObj::LongRange(_) => "longrange_iterator",
            IterObj::List { .. } => "list_iterator",
            IterObj::Tuple { .. } => "tuple_iterator",
            IterObj::Str { s, .. } => {
                if s.is_ascii() {
                    "str_ascii_iterator"
                } else {
                    "str_iterator"
                }
            }
            IterObj::Dict { part, .. } => match part {
                DictPart::Keys => "dict_keyiterator",
                DictPart::Values => "dict_valueiterator",
                DictPart::Items => "dict_itemiterator",
            },
            IterObj::Snapshot { name, .. } => name,
            IterObj::Bytes {
                seq: Value::ByteArray(_),
                ..
            } => "bytearray_iterator",
            IterObj::Bytes { .. } => "bytes_iterator",
            IterObj::Reversed {
                seq: Value::List(_),
                ..
            } => "list_reverseiterator",
            // CPython's `reversed` object, over a sequence's `__getitem__`.
            IterObj::Reversed { .. } => "reversed",
            IterObj::Enumerate { .. } => "enumerate",
            IterObj::Zip { .. } => "zip",
            IterObj::Map { .. } => "map",
            IterObj::Filter { .. } => "filter",
            IterObj::Callable { .. } => "callable_iterator",
            IterObj::SeqIndex { .. } => "iterator",
            IterObj::SeqReversed { .. } => "reversed",
        }
    }

    /// Advances iterators that never call back into Python. `Err(())`-like
    /// `None` from the outer option means the iterator needs the VM.
    pub fn next_simple(&mut self) -> Option<PyResult<Option<Value>>> {
        Some(Ok(match self {
            IterObj::Range {
                cur, left, step, ..
            } => {
                if *left <= 0 {
                    None
                } else {
                    let v = *cur;
                    *left -= 1;
                    *cur = cur.wrapping_add(*step);
                    Some(Value::Int(v))
                }
            }
            IterObj::LongRange(it) => it.next_value(),
            IterObj::List { list, idx } => {
                let v = list.borrow().get(*idx).cloned();
                if v.is_some() {
                    *idx += 1;
                } else {
                    *idx = usize::MAX;
                }
                v
            }
            IterObj::Tuple { items, idx } => {
                let v = items.get(*idx).cloned();
                *idx += 1;
                v
            }
            IterObj::Str { s, pos } => {
                if let Some(cps) = s.surrogates() {
                    // `pos` counts code points here.
                    let v = crate::str_surrogates::item(cps, *pos);
                    *pos = if v.is_some() { *pos + 1 } else { usize::MAX };
                    return Some(Ok(v));
                }
                let text = s.as_str();
                match text.get(*pos..).and_then(|t| t.chars().next()) {
                    Some(c) => {
                        *pos += c.len_utf8();
                        Some(Value::char(c))
                    }
                    None => {
                        *pos = usize::MAX;
                        None
                    }
                }
            }
            IterObj::Dict {
                dict,
                pos,
                len,
                left,
                part,
            } => {
                let d = dict.borrow();
                if d.len() != *len {
                    *len = usize::MAX;
                    return Some(Err(PyErr::new(
                        crate::types::ExcKind::RuntimeError,
                        "dictionary changed size during iteration",
                    )));
                }
                match d.entry_at(*pos) {
                    Some(_) if *left == 0 => {
                        // CPython drops its dict here: later calls stop.
                        *pos = usize::MAX;
                        return Some(Err(PyErr::new(
                            crate::types::ExcKind::RuntimeError,
                            "dictionary keys changed during iteration",
                        )));
                    }
                    Some((next, k, v)) => {
                        *pos = next;
                        *left -= 1;
                        Some(part.element(k, v))
                    }
                    None => None,
                }
            }
            IterObj::Snapshot {
                items,
                idx,
                set,
                name,
            } => {
                if let Some(s) = set {
                    // As `setiter_iternext`, the error is sticky: a set
                    // restored to its old size does not resume the walk.
                    if *idx == usize::MAX || s.borrow().len() != items.len() {
                        *idx = usize::MAX;
                        let what = if name.starts_with("dict") {
                            "dictionary"
                        } else {
                            "Set"
                        };
                        return Some(Err(PyErr::new(
                            crate::types::ExcKind::RuntimeError,
                            format!("{what} changed size during iteration"),
                        )));
                    }
                }
                let v = items.get(*idx).cloned();
                *idx += 1;
                v
            }
            IterObj::Bytes { seq, idx } => {
                let v = seq_item(seq, *idx);
                *idx = if v.is_some() { *idx + 1 } else { usize::MAX };
                v
            }
            IterObj::Reversed { seq, left } => {
                if *left == 0 || *left == usize::MAX {
                    *left = usize::MAX;
                    None
                } else {
                    *left -= 1;
                    let v = seq_item(seq, *left);
                    if v.is_none() {
                        // The sequence shrank below the position: CPython stops.
                        *left = usize::MAX;
                    }
                    v
                }
            }
            _ => return None,
        }))
    }
}

/// What `__length_hint__` of a builtin iterator reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LengthHint {
    /// A `longrange_iterator`: what is left may not fit machine ints, so
    /// the caller reads it from the iterator.
    LongRange,
    /// The iterator's type has no `__length_hint__` (`map`, `zip`, ...).
    NoMethod,
    /// Items left, as CPython's method for the type computes it.
    Items(usize),
    /// The `__getitem__` iterator: `len(obj) - index`, which needs the VM.
    FromLen {
        /// Items already taken.
        index: i64,
    },
    /// `reversed` over `__len__` and `__getitem__` (`reversed_len`): the
    /// position left, 0 when `len(obj)` has dropped below it; the length
    /// is asked (and may raise) each time.
    ReversedFromLen {
        /// Next index plus one.
        position: i64,
    },
}

impl IterObj {
    /// The iterator's length hint, as the `__length_hint__` of its CPython
    /// type answers: what is left; 0 once exhausted or when the container
    /// changed size under it.
    pub fn length_hint(&self) -> LengthHint {
        LengthHint::Items(match self {
            IterObj::Owned { inner, .. } => return inner.length_hint(),
            IterObj::Range { left, .. } => (*left).max(0) as usize,
            IterObj::LongRange(_) => return LengthHint::LongRange,
            IterObj::List { list, idx } => list.borrow().len().saturating_sub(*idx),
            IterObj::Tuple { items, idx } => items.len().saturating_sub(*idx),
            IterObj::Str { s, pos } => match s.surrogates() {
                Some(cps) => cps.len().saturating_sub(*pos),
                None => s.as_str().get(*pos..).map_or(0, |t| t.chars().count()),
            },
            IterObj::Dict {
                dict,
                pos,
                len,
                left,
                ..
            } => {
                if dict.borrow().len() != *len || *pos == usize::MAX {
                    0
                } else {
                    *left
                }
            }
            IterObj::Snapshot { name, .. } if *name == "memory_iterator" => {
                return LengthHint::NoMethod
            }
            IterObj::Snapshot {
                items, idx, set, ..
            } => match set {
                Some(s) if s.borrow().len() != items.len() => 0,
                _ => items.len().saturating_sub(*idx),
            },
            IterObj::Bytes { seq, idx } => seq_len(seq).saturating_sub(*idx),
            IterObj::Reversed { seq, left } => {
                if *left <= seq_len(seq) {
                    *left
                } else {
                    0
                }
            }
            IterObj::SeqIndex { idx, .. } => return LengthHint::FromLen { index: *idx },
            // CPython drops the sequence once exhausted: no length asked then.
            IterObj::SeqReversed {
                obj: Value::None, ..
            } => 0,
            IterObj::SeqReversed { idx, .. } => {
                return LengthHint::ReversedFromLen { position: *idx + 1 }
            }
            IterObj::Enumerate { .. }
            | IterObj::Zip { .. }
            | IterObj::Map { .. }
            | IterObj::Filter { .. }
            | IterObj::Callable { .. } => return LengthHint::NoMethod,
        })
    }
}

/// The length of a builtin sequence that iterators index live.
fn seq_len(seq: &Value) -> usize {
    match seq {
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Bytes(b) => b.len(),
        Value::ByteArray(b) => b.borrow().len(),
        Value::Str(s) => match s.surrogates() {
            Some(cps) => cps.len(),
            None => s.char_len(),
        },
        _ => 0,
    }
}

/// Item `i` of a builtin sequence that iterators index live (`None` past the end).
fn seq_item(seq: &Value, i: usize) -> Option<Value> {
    match seq {
        Value::List(l) => l.borrow().get(i).cloned(),
        Value::Tuple(t) => t.get(i).cloned(),
        Value::Bytes(b) => b.get(i).map(|&x| Value::Int(i64::from(x))),
        Value::ByteArray(b) => b.borrow().get(i).map(|&x| Value::Int(i64::from(x))),
        Value::Str(s) => match s.surrogates() {
            Some(cps) => crate::str_surrogates::item(cps, i),
            None => (i < s.char_len())
                .then(|| s.char_at(i))
                .flatten()
                .map(Value::char),
        },
        _ => None,
    }
}
