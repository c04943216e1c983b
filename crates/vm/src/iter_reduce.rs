//! `__reduce__` and `__setstate__` of the builtin iterators, which `copy`
//! and `pickle` use: each gives CPython 3.11's tuple (`listiter_reduce`,
//! `rangeiter_reduce`, `dictiter_reduce`, `zip_reduce`, ...), so a partly
//! consumed iterator is rebuilt from its container and an index, and an
//! exhausted one from an empty container (`iter(())`-like forms).

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::import::{builtin, builtin_looked_up};
use crate::iter::IterObj;
use crate::types::{type_of, ExcKind, TypeKind};
use crate::value::{RangeObj, Value};
use crate::vm::Vm;

macro_rules! iter_methods {
    ($table:ident, [ $( $name:literal => $f:path ),* $(,)? ]) => {
        static $table: &[BuiltinDef] = &[
            $( BuiltinDef { name: $name, func: $f, owner: "iterator", is_method: true }, )*
        ];
    };
}

iter_methods!(WITH_STATE, ["__reduce__" => iter_reduce, "__setstate__" => iter_setstate]);
iter_methods!(REDUCE_ONLY, ["__reduce__" => iter_reduce]);
// The same with `__length_hint__`, which the pure-Python `operator.length_hint`
// reads from the type (`type(it).__length_hint__`).
iter_methods!(WITH_STATE_HINT, [
    "__reduce__" => iter_reduce, "__setstate__" => iter_setstate,
    "__length_hint__" => crate::modules::length_hint::iter_length_hint,
]);
iter_methods!(REDUCE_HINT, [
    "__reduce__" => iter_reduce,
    "__length_hint__" => crate::modules::length_hint::iter_length_hint,
]);

/// Iterator types without `__length_hint__` (CPython's `zip`, `enumerate`,
/// `map`, `filter`, `callable_iterator`, `memory_iterator`).
const NO_HINT: &[&str] = &[
    "zip",
    "enumerate",
    "map",
    "filter",
    "callable_iterator",
    "memory_iterator",
];

/// Iterator types whose state is an index or flag (`__setstate__`).
const STATEFUL: &[&str] = &[
    "list_iterator",
    "tuple_iterator",
    "range_iterator",
    "longrange_iterator",
    "str_iterator",
    "str_ascii_iterator",
    "bytes_iterator",
    "bytearray_iterator",
    "list_reverseiterator",
    "reversed",
    "iterator",
    "zip",
];

/// Iterator types that reduce to a list of what is left (no state).
const LISTED: &[&str] = &[
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
    "set_iterator",
    "enumerate",
    "map",
    "filter",
    "callable_iterator",
    // Refused, as `object.__reduce__` refuses it in CPython.
    "memory_iterator",
];

/// The method table of the builtin iterator type named `name`, if it has
/// `__reduce__`.
fn table_named(name: &str) -> Option<&'static [BuiltinDef]> {
    let hint = !NO_HINT.contains(&name);
    if STATEFUL.contains(&name) {
        Some(if hint { WITH_STATE_HINT } else { WITH_STATE })
    } else if LISTED.contains(&name) {
        Some(if hint { REDUCE_HINT } else { REDUCE_ONLY })
    } else {
        None
    }
}

/// The methods of a builtin iterator or of its type (`methods::table_for`).
pub(crate) fn table_for(obj: &Value) -> Option<&'static [BuiltinDef]> {
    match obj {
        Value::Iter(it) => table_named(it.try_borrow().ok()?.type_name()),
        Value::Type(t) if t.heap.is_none() => match t.kind {
            TypeKind::Iterator
            | TypeKind::Enumerate
            | TypeKind::Zip
            | TypeKind::Map
            | TypeKind::Filter
            | TypeKind::Reversed => {
                table_named(&t.name).or_else(|| crate::coro::table_named(&t.name))
            }
            _ => None,
        },
        _ => None,
    }
}

/// The receiver and the builtin iterator it is (a subclass instance's payload).
fn receiver<'a>(a: &Args<'a>, name: &str) -> PyResult<(&'a Value, &'a Value)> {
    let obj = a
        .pos
        .first()
        .ok_or_else(|| PyErr::type_error(format!("descriptor '{name}' needs an argument")))?;
    let it = crate::instance::payload_of(obj).unwrap_or(obj);
    if !matches!(it, Value::Iter(_)) {
        return Err(PyErr::type_error(format!(
            "descriptor '{name}' requires an iterator, not '{}'",
            crate::types::type_name(obj)
        )));
    }
    Ok((obj, it))
}

/// `(f, (arg,), index)`.
fn with_index(f: Value, arg: Value, index: i64) -> Value {
    Value::tuple(vec![f, Value::tuple(vec![arg]), Value::Int(index)])
}

/// A subclass instance's iterator reduces to its own object, where the
/// iterator of the builtin storage names that storage: `(f, (owner,), index)`.
fn with_owner(reduced: Value, owner: Value) -> Value {
    match &reduced {
        Value::Tuple(t) if t.len() == 3 => {
            Value::tuple(vec![t[0].clone(), Value::tuple(vec![owner]), t[2].clone()])
        }
        _ => reduced,
    }
}

/// `(f, (arg,))`.
fn plain(f: Value, arg: Value) -> Value {
    Value::tuple(vec![f, Value::tuple(vec![arg])])
}

fn empty_tuple() -> Value {
    Value::tuple(Vec::new())
}

/// What `__reduce__` needs, taken out of the iterator's borrow.
enum Plan {
    Done(Value),
    /// `(iter, (remaining items as a list,))`, checking the container's size.
    Remaining {
        items: Vec<Value>,
        changed: Option<&'static str>,
    },
    /// Cannot be pickled.
    Refuse(&'static str),
}

fn iter_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (obj, it) = receiver(&a, "__reduce__")?;
    crate::native::positional(&crate::native::rest(&a), "__reduce__", 0, 0)?;
    let Value::Iter(cell) = it else {
        return Err(PyErr::type_error("not an iterator"));
    };
    // A reversed list iterator names `reversed`, looked up (maybe running
    // a key's `__eq__`) before its state is read, as gh-101765 fixed.
    let reversed_list = cell.try_borrow().is_ok_and(|b| {
        matches!(
            b.core(),
            IterObj::Reversed {
                seq: Value::List(_),
                ..
            }
        )
    });
    let reversed_f = if reversed_list {
        Some(builtin_looked_up(vm, "reversed")?)
    } else {
        None
    };
    let iter_f = builtin_looked_up(vm, "iter")?;
    let own_type = || Value::Type(type_of(obj));
    let (plan, owner) = {
        let b = cell
            .try_borrow()
            .map_err(|_| PyErr::value_error("iterator already executing"))?;
        let owner = match &*b {
            IterObj::Owned { owner, .. } => Some(owner.clone()),
            _ => None,
        };
        let plan = match b.core() {
            // `core` unwraps the one level of wrapping there is.
            IterObj::Owned { .. } => Plan::Refuse("iterator"),
            IterObj::List { list, idx } => Plan::Done(if *idx == usize::MAX {
                plain(iter_f, Value::list(Vec::new()))
            } else {
                with_index(iter_f, Value::List(list.clone()), *idx as i64)
            }),
            IterObj::Tuple { items, idx } => Plan::Done(if *idx > items.len() {
                plain(iter_f, empty_tuple())
            } else {
                with_index(iter_f, Value::Tuple(items.clone()), *idx as i64)
            }),
            IterObj::Range {
                cur,
                left,
                step,
                len,
            } => {
                let index = len - left;
                let start = cur.wrapping_sub(index.wrapping_mul(*step));
                let stop = i128::from(start) + i128::from(*len) * i128::from(*step);
                let range = RangeObj::new(start.into(), stop.into(), (*step).into());
                Plan::Done(with_index(iter_f, Value::Range(Rc::new(range)), index))
            }
            IterObj::LongRange(it) => Plan::Done(Value::tuple(vec![
                iter_f,
                Value::tuple(vec![Value::Range(Rc::new(it.range()))]),
                Value::from_bigint(it.index.clone()),
            ])),
            IterObj::Str { s, pos } => Plan::Done(if *pos == usize::MAX {
                plain(iter_f, Value::str(""))
            } else {
                let index = match s.surrogates() {
                    Some(_) => *pos,
                    None => s.as_str().get(..*pos).map_or(0, |t| t.chars().count()),
                };
                with_index(iter_f, Value::Str(s.clone()), index as i64)
            }),
            IterObj::Bytes { seq, idx } => Plan::Done(if *idx == usize::MAX {
                plain(iter_f, empty_tuple())
            } else {
                with_index(iter_f, seq.clone(), *idx as i64)
            }),
            IterObj::Reversed { seq, left } => {
                let list = matches!(seq, Value::List(_));
                Plan::Done(if *left == usize::MAX {
                    if list {
                        plain(iter_f, Value::list(Vec::new()))
                    } else {
                        plain(own_type(), empty_tuple())
                    }
                } else {
                    let f = if let Some(f) = &reversed_f {
                        f.clone()
                    } else if list {
                        builtin(vm, "reversed")?
                    } else {
                        own_type()
                    };
                    with_index(f, seq.clone(), *left as i64 - 1)
                })
            }
            IterObj::SeqReversed { obj: seq, idx } => Plan::Done(if matches!(seq, Value::None) {
                plain(own_type(), empty_tuple())
            } else {
                with_index(own_type(), seq.clone(), *idx)
            }),
            IterObj::SeqIndex { obj: seq, idx } => {
                Plan::Done(with_index(iter_f, seq.clone(), *idx))
            }
            IterObj::Callable { func, sentinel } => Plan::Done(if func.is_null() {
                plain(iter_f, empty_tuple())
            } else {
                Value::tuple(vec![
                    iter_f,
                    Value::tuple(vec![func.clone(), sentinel.clone()]),
                ])
            }),
            IterObj::Enumerate { it, count } => Plan::Done(Value::tuple(vec![
                own_type(),
                Value::tuple(vec![it.clone(), count.clone()]),
            ])),
            IterObj::Zip { its, strict } => {
                let mut out = vec![own_type(), Value::tuple(its.to_vec())];
                if *strict {
                    out.push(Value::Bool(true));
                }
                Plan::Done(Value::tuple(out))
            }
            IterObj::Map { func, its } => {
                let mut args = vec![func.clone()];
                args.extend(its.iter().cloned());
                Plan::Done(Value::tuple(vec![own_type(), Value::tuple(args)]))
            }
            IterObj::Filter { func, it } => Plan::Done(Value::tuple(vec![
                own_type(),
                Value::tuple(vec![func.clone(), it.clone()]),
            ])),
            IterObj::Dict {
                dict,
                pos,
                len,
                part,
                ..
            } => {
                let d = dict.borrow();
                if d.len() != *len {
                    Plan::Remaining {
                        items: Vec::new(),
                        changed: Some("dictionary"),
                    }
                } else {
                    let mut items = Vec::new();
                    let mut p = *pos;
                    while let Some((next, k, v)) = d.entry_at(p) {
                        items.push(part.element(k, v));
                        p = next;
                    }
                    Plan::Remaining {
                        items,
                        changed: None,
                    }
                }
            }
            // The `__getitem__` iterator once exhausted.
            IterObj::Snapshot { name, .. } if *name == "iterator" => {
                Plan::Done(plain(iter_f, empty_tuple()))
            }
            IterObj::Snapshot {
                items,
                idx,
                set,
                name,
            } => {
                if !(name.starts_with("dict") || *name == "set_iterator") {
                    Plan::Refuse(name)
                } else {
                    let what = if name.starts_with("dict") {
                        "dictionary"
                    } else {
                        "Set"
                    };
                    let changed = set
                        .as_ref()
                        .is_some_and(|s| *idx == usize::MAX || s.borrow().len() != items.len());
                    Plan::Remaining {
                        items: items.get(*idx..).map_or_else(Vec::new, <[Value]>::to_vec),
                        changed: changed.then_some(what),
                    }
                }
            }
        };
        (plan, owner)
    };
    match plan {
        Plan::Done(v) => Ok(match owner {
            Some(owner) => with_owner(v, owner),
            None => v,
        }),
        Plan::Remaining {
            changed: Some(what),
            ..
        } => Err(PyErr::new(
            ExcKind::RuntimeError,
            format!("{what} changed size during iteration"),
        )),
        Plan::Remaining { items, .. } => {
            Ok(plain(builtin_looked_up(vm, "iter")?, Value::list(items)))
        }
        Plan::Refuse(name) => Err(PyErr::type_error(format!("cannot pickle '{name}' object"))),
    }
}

/// `PyLong_AsSsize_t`: an int (no `__index__`), as the index setters read it.
fn ssize_state(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::BigInt(_) => Err(PyErr::overflow(
            "Python int too large to convert to C ssize_t",
        )),
        Value::Instance(_)
            if matches!(
                crate::instance::payload_of(v),
                Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
            ) =>
        {
            ssize_state(crate::instance::payload_of(v).unwrap_or(&Value::None))
        }
        _ => Err(PyErr::type_error("an integer is required")),
    }
}

/// Clamps `index` into `lo..=hi`.
fn clamp(index: i64, lo: i64, hi: i64) -> i64 {
    index.max(lo).min(hi.max(lo))
}

fn iter_setstate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, it) = receiver(&a, "__setstate__")?;
    let args = crate::native::positional(&crate::native::rest(&a), "__setstate__", 1, 1)?;
    let state = &args[0];
    let Value::Iter(cell) = it else {
        return Err(PyErr::type_error("not an iterator"));
    };
    // Reading the state may run Python code (`__index__`, `__bool__`,
    // `len()`), so it is done before the iterator is borrowed.
    enum Need {
        Index,
        LongIndex,
        BigIndex,
        Truth,
        Len(Value),
        Nothing,
    }
    let need = match cell
        .try_borrow()
        .map_err(|_| PyErr::value_error("iterator already executing"))?
        .core()
    {
        IterObj::Range { .. } => Need::LongIndex,
        IterObj::LongRange(_) => Need::BigIndex,
        IterObj::Zip { .. } => Need::Truth,
        IterObj::SeqReversed { obj, .. } if !matches!(obj, Value::None) => Need::Len(obj.clone()),
        IterObj::SeqReversed { .. } => Need::Nothing,
        _ => Need::Index,
    };
    let mut big_index = None;
    let (index, truth, len) = match need {
        Need::BigIndex => {
            let i = crate::enumerate::index_int(vm, state)?;
            big_index = crate::ops::to_bigint(&i);
            (0, false, 0)
        }
        Need::Index => (ssize_state(state)?, false, 0),
        Need::LongIndex => (vm.index_value(state)?, false, 0),
        Need::Truth => (0, vm.truthy(state)?, 0),
        Need::Len(obj) => (ssize_state(state)?, false, vm.len_of(&obj)? as i64),
        Need::Nothing => (ssize_state(state)?, false, 0),
    };
    let mut b = cell
        .try_borrow_mut()
        .map_err(|_| PyErr::value_error("iterator already executing"))?;
    // An exhausted iterator (its container dropped, in CPython) keeps
    // its state.
    match b.core_mut() {
        IterObj::List { list, idx } if *idx != usize::MAX => {
            let n = list.borrow().len() as i64;
            *idx = clamp(index, 0, n) as usize;
        }
        IterObj::Tuple { items, idx } if *idx <= items.len() => {
            *idx = clamp(index, 0, items.len() as i64) as usize;
        }
        IterObj::Range {
            cur,
            left,
            step,
            len,
        } => {
            let old = *len - *left;
            let start = cur.wrapping_sub(old.wrapping_mul(*step));
            let index = clamp(index, 0, *len);
            *cur = start.wrapping_add(index.wrapping_mul(*step));
            *left = *len - index;
        }
        IterObj::LongRange(it) => {
            if let Some(i) = big_index {
                it.set_index(i);
            }
        }
        IterObj::Str { s, pos } if *pos != usize::MAX => {
            *pos = match s.surrogates() {
                Some(cps) => clamp(index, 0, cps.len() as i64) as usize,
                None => {
                    let text = s.as_str();
                    let n = clamp(index, 0, text.chars().count() as i64) as usize;
                    text.char_indices().nth(n).map_or(text.len(), |(p, _)| p)
                }
            };
        }
        IterObj::Bytes { seq, idx } if *idx != usize::MAX => {
            let n = match seq {
                Value::Bytes(b) => b.len(),
                Value::ByteArray(b) => b.borrow().len(),
                _ => 0,
            };
            *idx = clamp(index, 0, n as i64) as usize;
        }
        IterObj::Reversed { seq, left } if *left != usize::MAX => {
            let n = match seq {
                Value::List(l) => l.borrow().len(),
                Value::Tuple(t) => t.len(),
                Value::Bytes(b) => b.len(),
                Value::ByteArray(b) => b.borrow().len(),
                Value::Str(s) => s.surrogates().map_or(s.char_len(), <[u32]>::len),
                _ => 0,
            } as i64;
            *left = (clamp(index, -1, n - 1) + 1) as usize;
        }
        IterObj::SeqReversed { obj, idx } if !matches!(obj, Value::None) => {
            *idx = clamp(index, -1, len - 1);
        }
        IterObj::SeqIndex { idx, .. } => *idx = index.max(0),
        IterObj::Zip { strict, .. } => *strict = truth,
        _ => {}
    }
    Ok(Value::None)
}
