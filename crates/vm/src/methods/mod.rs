//! Methods of the builtin types (`str.join`, `list.append`, `dict.get`, ...): one
//! module per type, each declaring its method table once.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::ops;
use crate::types::{type_name, TypeObj};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

macro_rules! method_table {
    ($vis:vis $table:ident, $owner:literal, [ $( $name:literal => $f:path ),* $(,)? ]) => {
        $vis static $table: &[BuiltinDef] = &[
            $( BuiltinDef { name: $name, func: $f, owner: $owner, is_method: !$crate::methods::is_static($name) }, )*
        ];
    };
}

/// Static and class methods of the builtin types: not bound to an instance.
pub(crate) const fn is_static(name: &str) -> bool {
    matches!(
        name.as_bytes(),
        b"maketrans" | b"fromkeys" | b"fromhex" | b"from_bytes" | b"__getformat__"
    )
}

/// Whether a builtin type's method `name` is a class method: bound to the
/// class it is looked up on (`D.fromkeys` gets `D`), through a class or an
/// instance.
pub(crate) fn is_classmethod(def: &BuiltinDef) -> bool {
    !def.is_method
        && (matches!(
            def.name,
            "fromkeys" | "fromhex" | "from_bytes" | "__getformat__"
        ) && matches!(def.owner, "dict" | "bytes" | "bytearray" | "float" | "int")
            || (def.name == "__prepare__" && def.owner == "type")
            || (matches!(def.name, "__init_subclass__" | "__subclasshook__")
                && def.owner == "object"))
}

/// The class a builtin class method was called on, and the other arguments
/// (no class when the method is called unbound, through `__dict__`).
pub(crate) fn split_class<'a>(a: &Args<'a>) -> (Option<&'a Rc<TypeObj>>, Args<'a>) {
    match a.pos.split_first() {
        Some((Value::Type(cls), rest)) => (
            Some(cls),
            Args {
                pos: rest,
                kwnames: a.kwnames,
                kwvals: a.kwvals,
            },
        ),
        _ => (None, *a),
    }
}

/// A builtin class method's result as the class asked for it: a subclass
/// gets `cls(result)`, as CPython's `int.from_bytes`, `float.fromhex` and
/// `bytes.fromhex` do.
pub(crate) fn for_class(vm: &mut Vm, cls: Option<&Rc<TypeObj>>, result: Value) -> PyResult<Value> {
    match cls {
        Some(cls) if cls.heap.is_some() => vm.call(&Value::Type(cls.clone()), &[result]),
        _ => Ok(result),
    }
}

pub mod bytearray;
mod bytes;
pub mod chars;
mod complex;
mod dict;
mod float;
mod int;
mod list;
pub mod memoryview;
mod plain_order;
mod range;
mod set;
// `str` would shadow the primitive type inside this module.
#[path = "str.rs"]
mod str_methods;
pub(crate) use str_methods::is_line_break;

use bytearray::BYTEARRAY_METHODS;
use bytes::BYTES_METHODS;
use complex::COMPLEX_METHODS;
pub use dict::dict_merge_from;
use dict::DICT_METHODS;
use float::FLOAT_METHODS;
use int::INT_METHODS;
pub use list::{reverse_flag, sort_values};
use list::{LIST_METHODS, TUPLE_METHODS};
use memoryview::MEMORYVIEW_METHODS;
pub(crate) use range::range_contains;
pub use range::range_slice;
use range::{RANGE_METHODS, SLICE_METHODS};
pub use set::{
    fill_new_set, merge_source, retry_as_frozen, set_binop, set_compare, set_entries, set_eq,
    set_inplace, set_order, update_from, update_internal as set_update_internal, view_binop,
    MergeSource,
};
use set::{FROZENSET_METHODS, SET_METHODS};
use str_methods::STR_METHODS;
mod unicode_tables;

const TABLES: [&[BuiltinDef]; 14] = [
    STR_METHODS,
    LIST_METHODS,
    TUPLE_METHODS,
    DICT_METHODS,
    SET_METHODS,
    INT_METHODS,
    FLOAT_METHODS,
    BYTES_METHODS,
    RANGE_METHODS,
    SLICE_METHODS,
    COMPLEX_METHODS,
    BYTEARRAY_METHODS,
    FROZENSET_METHODS,
    MEMORYVIEW_METHODS,
];

/// Which method table serves an instance (not a type object), for caches.
#[inline]
pub fn table_id(obj: &Value) -> Option<u8> {
    Some(match obj {
        Value::Str(_) => 0,
        Value::List(_) => 1,
        Value::Tuple(_) => 2,
        Value::Dict(_) => 3,
        Value::Set(_) => 4,
        Value::FrozenSet(_) => 12,
        Value::MemoryView(_) => 13,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => 5,
        Value::Float(_) => 6,
        Value::Bytes(_) => 7,
        Value::Range(_) => 8,
        Value::Slice(_) => 9,
        Value::Complex(_) => 10,
        Value::ByteArray(_) => 11,
        _ => return None,
    })
}

/// Names of the methods in table `id` (for "Did you mean" hints).
pub fn method_names(id: u8) -> impl Iterator<Item = &'static str> {
    TABLES
        .get(id as usize)
        .copied()
        .unwrap_or(&[])
        .iter()
        .map(|d| d.name)
}

/// Finds a method in the table `id` (from [`table_id`]).
/// Static methods are not returned: they take no receiver, so the caller's
/// method-call fast path does not apply to them.
pub fn lookup_in(id: u8, name: &str) -> Option<&'static BuiltinDef> {
    TABLES
        .get(id as usize)?
        .iter()
        .find(|d| d.name == name)
        .filter(|d| d.is_method)
}

/// Finds a method of a builtin value's type (or, for a type object, of that type).
pub fn lookup(obj: &Value, name: &str) -> Option<&'static BuiltinDef> {
    table_for(obj)?.iter().find(|d| d.name == name)
}

/// The method table of a builtin value's type (or, for a type object, of that type).
pub fn table_for(obj: &Value) -> Option<&'static [BuiltinDef]> {
    Some(match obj {
        Value::Str(_) => STR_METHODS,
        Value::List(_) => LIST_METHODS,
        Value::Tuple(_) => TUPLE_METHODS,
        Value::Dict(_) => DICT_METHODS,
        Value::Set(_) => SET_METHODS,
        Value::FrozenSet(_) => FROZENSET_METHODS,
        Value::MemoryView(_) => MEMORYVIEW_METHODS,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => INT_METHODS,
        Value::Float(_) => FLOAT_METHODS,
        Value::Bytes(_) => BYTES_METHODS,
        Value::Range(_) => RANGE_METHODS,
        Value::Slice(_) => SLICE_METHODS,
        Value::Complex(_) => COMPLEX_METHODS,
        Value::ByteArray(_) => BYTEARRAY_METHODS,
        Value::Generator(_) => crate::gen::GEN_METHODS,
        Value::DictView(v) if v.1 != crate::iter::DictPart::Values => dict::DICT_VIEW_METHODS,
        Value::Async(a) => a.methods(),
        Value::Iter(_) => return crate::iter_reduce::table_for(obj),
        Value::Type(t) => match t.kind {
            crate::types::TypeKind::Str => STR_METHODS,
            crate::types::TypeKind::List => LIST_METHODS,
            crate::types::TypeKind::Tuple => TUPLE_METHODS,
            crate::types::TypeKind::Dict => DICT_METHODS,
            crate::types::TypeKind::Set => SET_METHODS,
            crate::types::TypeKind::FrozenSet => FROZENSET_METHODS,
            crate::types::TypeKind::MemoryView => MEMORYVIEW_METHODS,
            crate::types::TypeKind::Int | crate::types::TypeKind::Bool => INT_METHODS,
            crate::types::TypeKind::Float => FLOAT_METHODS,
            crate::types::TypeKind::Bytes => BYTES_METHODS,
            crate::types::TypeKind::Range => RANGE_METHODS,
            crate::types::TypeKind::Slice => SLICE_METHODS,
            crate::types::TypeKind::Complex => COMPLEX_METHODS,
            crate::types::TypeKind::ByteArray => BYTEARRAY_METHODS,
            crate::types::TypeKind::Generator => crate::gen::GEN_METHODS,
            crate::types::TypeKind::DictKeys | crate::types::TypeKind::DictItems => {
                dict::DICT_VIEW_METHODS
            }
            _ => return crate::iter_reduce::table_for(obj),
        },
        _ => return None,
    })
}

// ---- argument helpers ----

pub(super) fn nargs(a: &Args<'_>, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = a.pos.len().saturating_sub(1);
    if !a.kwnames.is_empty() && name != "sort" {
        // `_PyObject_FunctionStr` names the method with its class.
        let owner = a.pos.first().map(|r| {
            let r = crate::instance::payload_of(r).unwrap_or(r);
            crate::types::type_name(r).into_owned()
        });
        let qual = match owner {
            Some(o) => format!("{o}.{name}"),
            None => name.to_string(),
        };
        return Err(PyErr::type_error(format!(
            "{qual}() takes no keyword arguments"
        )));
    }
    if n < min || n > max {
        let msg = if min == max {
            // CPython's METH_NOARGS and METH_O messages name the type too.
            let owner = a.pos.first().map(|r| {
                let r = crate::instance::payload_of(r).unwrap_or(r);
                crate::types::type_name(r).into_owned()
            });
            let qual = match owner {
                Some(o) if name != "sort" => format!("{o}.{name}"),
                _ => name.to_string(),
            };
            if min == 0 {
                format!("{qual}() takes no arguments ({n} given)")
            } else if min == 1 {
                format!("{qual}() takes exactly one argument ({n} given)")
            } else {
                format!("{name} expected {min} arguments, got {n}")
            }
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(PyErr::type_error(msg));
    }
    Ok(())
}

pub(super) fn recv_str<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Rc<StrObj>> {
    match a.pos.first() {
        Some(Value::Str(s)) => Ok(s),
        other => Err(descriptor_error(name, "str", other)),
    }
}

pub(super) fn descriptor_error(name: &str, owner: &str, got: Option<&Value>) -> PyErr {
    match got {
        Some(v) => PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            name,
            owner,
            type_name(v)
        )),
        None => PyErr::type_error(format!("unbound method {owner}.{name}() needs an argument")),
    }
}

pub(super) fn recv_list<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Rc<RefCell<Vec<Value>>>> {
    match a.pos.first() {
        Some(Value::List(l)) => Ok(l),
        other => Err(descriptor_error(name, "list", other)),
    }
}

pub(super) fn recv_dict<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Rc<RefCell<Dict>>> {
    match a.pos.first() {
        Some(Value::Dict(d)) => Ok(d),
        other => Err(descriptor_error(name, "dict", other)),
    }
}

/// `owner.name()` that takes no arguments (METH_NOARGS).
pub(super) fn noargs(a: &Args<'_>, owner: &str, name: &str) -> PyResult<()> {
    let n = a.pos.len().saturating_sub(1) + a.kwnames.len();
    if !a.kwnames.is_empty() && a.pos.len() == 1 {
        return Err(PyErr::type_error(format!(
            "{owner}.{name}() takes no keyword arguments"
        )));
    }
    if n != 0 {
        return Err(PyErr::type_error(format!(
            "{owner}.{name}() takes no arguments ({n} given)"
        )));
    }
    Ok(())
}

/// `__round__(ndigits, /)` of `int` and `float`, the receiver checked.
pub(super) fn round_method(a: &Args<'_>, owner: &str) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "{owner}.__round__() takes no keyword arguments"
        )));
    }
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "__round__ expected at most 1 argument, got {}",
            a.pos.len() - 1
        )));
    }
    crate::builtins::round_number(&a.pos[0], a.pos.get(1))
}

/// `owner.name(x)` with exactly one positional argument (METH_O).
pub(super) fn onearg<'a>(a: &Args<'a>, owner: &str, name: &str) -> PyResult<&'a Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "{owner}.{name}() takes no keyword arguments"
        )));
    }
    match a.pos {
        [_, x] => Ok(x),
        _ => Err(PyErr::type_error(format!(
            "{owner}.{name}() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        ))),
    }
}

/// Positional arguments counted the old way (`find() takes at least 1 argument (0 given)`).
pub(super) fn takes(a: &Args<'_>, owner: &str, name: &str, min: usize, max: usize) -> PyResult<()> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "{owner}.{name}() takes no keyword arguments"
        )));
    }
    let n = a.pos.len().saturating_sub(1);
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(PyErr::type_error(format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            plural(min)
        )));
    }
    if n > max {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            plural(max)
        )));
    }
    Ok(())
}

/// Binds positional-or-keyword arguments (after the receiver) to `names`, with
/// Argument Clinic's messages.
pub(super) fn bind<'a, const N: usize>(
    a: &Args<'a>,
    name: &str,
    names: [&str; N],
    min: usize,
) -> PyResult<[Option<&'a Value>; N]> {
    let mut out: [Option<&'a Value>; N] = [None; N];
    let pos = a.pos.get(1..).unwrap_or(&[]);
    if pos.len() + a.kwnames.len() > N {
        let plural = if N == 1 { "" } else { "s" };
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {N} argument{plural} ({} given)",
            pos.len() + a.kwnames.len()
        )));
    }
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        let key = match k {
            Value::Str(s) => s.as_str(),
            _ => "",
        };
        match names.iter().position(|n| *n == key) {
            Some(i) if out[i].is_none() => out[i] = Some(v),
            Some(i) => {
                return Err(PyErr::type_error(format!(
                    "argument for {name}() given by name ('{key}') and position ({})",
                    i + 1
                )))
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "'{key}' is an invalid keyword argument for {name}()"
                )))
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(min) {
        if slot.is_none() {
            return Err(PyErr::type_error(format!(
                "{name}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// An int argument (`__index__`), with CPython's message for other types:
/// an object whose `__index__` gives an int is accepted, as clinic's
/// `Py_ssize_t` converter does.
pub(super) fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Value::BigInt(_) = v {
        return Err(PyErr::overflow(
            "Python int too large to convert to C ssize_t",
        ));
    }
    if let Some(i) = ops::index_of(v) {
        return Ok(i);
    }
    vm.index_value(v)
}

/// `splitlines`' `keepends`: absent is false, else an int-like value
/// (`__index__` included) read as a C int.
pub(super) fn keepends_arg(vm: &mut Vm, keep: Option<&Value>) -> PyResult<bool> {
    let c_int_overflow = || PyErr::overflow("Python int too large to convert to C int");
    match keep {
        None => Ok(false),
        Some(Value::BigInt(_)) => Err(c_int_overflow()),
        Some(v) => {
            let i = int_arg(vm, v)?;
            if i32::try_from(i).is_err() {
                return Err(c_int_overflow());
            }
            Ok(i != 0)
        }
    }
}

/// A `start`/`end` argument of `find`, `count`, ... (None means absent):
/// CPython's `_PyEval_SliceIndex`, which clamps ints past `Py_ssize_t`.
pub(super) fn slice_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => slice_index(
            vm,
            v,
            "slice indices must be integers or None or have an __index__ method",
        )
        .map(Some),
    }
}

/// A `start`/`stop` argument of `list.index` and `tuple.index`: like
/// [`slice_arg`] but CPython parses these with `_PyEval_SliceIndexNotNone`, so
/// `None` is refused and the message does not offer it.
pub(super) fn slice_arg_not_none(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) => slice_index(
            vm,
            v,
            "slice indices must be integers or have an __index__ method",
        )
        .map(Some),
    }
}

/// An int or an object with `__index__` as a clamped index; `msg` for others.
fn slice_index(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<i64> {
    if let Some(i) = ops::index_of(v) {
        return Ok(i);
    }
    if crate::protocol::has_index(v) {
        // `index_value` clamps an `__index__` result past `Py_ssize_t`, as
        // `PyNumber_AsSsize_t(v, NULL)` does.
        return vm.index_value(v);
    }
    Err(PyErr::type_error(msg.to_string()))
}

/// CPython's `ADJUST_INDICES`: negative indices count from the end, `end` is
/// clamped to `len`; `start` may stay beyond the end.
pub(super) fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let fix = |i: i64| if i < 0 { (i + len).max(0) } else { i };
    let start = start.map_or(0, fix);
    let end = end.map_or(len, |e| fix(e).min(len));
    (start, end)
}
