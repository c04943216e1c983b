//! Methods of `bytearray`: the read-only ones are those of `bytes`, run on a
//! snapshot with `bytes` results turned back into bytearrays; the mutators
//! work in place.

use crate::bytearray_obj::ByteArrayObj;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef, BuiltinFn};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::bytes as b;
use super::*;

/// A bytearray value.
pub fn new_bytearray(v: Vec<u8>) -> Value {
    Value::ByteArray(Rc::new(ByteArrayObj::new(v)))
}

/// A bytearray as an immutable bytes snapshot (other values unchanged).
pub fn freeze(v: &Value) -> Value {
    match v {
        Value::ByteArray(b) => Value::Bytes(Rc::new(b.borrow().clone())),
        other => other.clone(),
    }
}

/// Turns `bytes` results (also inside a tuple or list) into bytearrays.
fn thaw(v: Value) -> Value {
    match v {
        Value::Bytes(b) => new_bytearray(b.to_vec()),
        Value::Tuple(t) => Value::tuple(t.iter().cloned().map(thaw).collect()),
        Value::List(l) => {
            let items: Vec<Value> = l.borrow().iter().cloned().map(thaw).collect();
            Value::list(items)
        }
        other => other,
    }
}

fn via_bytes(vm: &mut Vm, a: Args<'_>, f: BuiltinFn) -> PyResult<Value> {
    let pos: Vec<Value> = a.pos.iter().map(freeze).collect();
    let r = f(
        vm,
        Args {
            pos: &pos,
            kwnames: a.kwnames,
            kwvals: a.kwvals,
        },
    )?;
    Ok(thaw(r))
}

macro_rules! via {
    ($( $name:ident => $f:path ),* $(,)?) => {
        $( fn $name(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> { via_bytes(vm, a, $f) } )*
    };
}

via!(
    ba_capitalize => b::bytes_capitalize, ba_count => b::bytes_count,
    ba_decode => b::bytes_decode, ba_endswith => b::bytes_endswith, ba_find => b::bytes_find,
    ba_fromhex => b::bytes_fromhex, ba_hex => b::bytes_hex, ba_index => b::bytes_index,
    ba_isalnum => b::bytes_isalnum, ba_isalpha => b::bytes_isalpha,
    ba_isascii => b::bytes_isascii, ba_isdigit => b::bytes_isdigit,
    ba_islower => b::bytes_islower, ba_isspace => b::bytes_isspace,
    ba_isupper => b::bytes_isupper, ba_lower => b::bytes_lower,
    ba_lstrip => b::bytes_lstrip, ba_partition => b::bytes_partition,
    ba_removeprefix => b::bytes_removeprefix, ba_removesuffix => b::bytes_removesuffix,
    ba_replace => b::bytes_replace, ba_rfind => b::bytes_rfind, ba_rindex => b::bytes_rindex,
    ba_rstrip => b::bytes_rstrip, ba_split => b::bytes_split,
    ba_startswith => b::bytes_startswith, ba_strip => b::bytes_strip,
    ba_swapcase => b::bytes_swapcase, ba_title => b::bytes_title, ba_upper => b::bytes_upper,
    ba_center => b::bytes_center, ba_ljust => b::bytes_ljust, ba_rjust => b::bytes_rjust,
    ba_zfill => b::bytes_zfill, ba_expandtabs => b::bytes_expandtabs,
    ba_splitlines => b::bytes_splitlines, ba_rsplit => b::bytes_rsplit,
    ba_rpartition => b::bytes_rpartition, ba_istitle => b::bytes_istitle,
    ba_translate => b::bytes_translate, ba_maketrans => b::bytes_maketrans,
);

/// `bytearray.join(iterable)`: the separator counts as exported while the
/// iterable is read, so an iterator cannot resize it meanwhile (as
/// `bytearray_join` raises `ob_exports` around `stringlib_bytes_join`).
fn ba_join(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let _export = match a.pos.first() {
        Some(Value::ByteArray(b)) => Some(b.export()),
        _ => None,
    };
    via_bytes(vm, a, b::bytes_join)
}

method_table!(pub(super) BYTEARRAY_METHODS, "bytearray", [
    "append" => ba_append, "capitalize" => ba_capitalize, "clear" => ba_clear,
    "copy" => ba_copy, "count" => ba_count, "decode" => ba_decode, "endswith" => ba_endswith,
    "extend" => ba_extend, "find" => ba_find, "fromhex" => ba_fromhex, "hex" => ba_hex,
    "index" => ba_index, "insert" => ba_insert, "isalnum" => ba_isalnum,
    "isalpha" => ba_isalpha, "isascii" => ba_isascii, "isdigit" => ba_isdigit,
    "islower" => ba_islower, "isspace" => ba_isspace, "isupper" => ba_isupper,
    "join" => ba_join, "lower" => ba_lower, "lstrip" => ba_lstrip,
    "partition" => ba_partition, "pop" => ba_pop, "remove" => ba_remove,
    "removeprefix" => ba_removeprefix, "removesuffix" => ba_removesuffix,
    "replace" => ba_replace, "reverse" => ba_reverse, "rfind" => ba_rfind,
    "rindex" => ba_rindex, "rstrip" => ba_rstrip, "split" => ba_split,
    "startswith" => ba_startswith, "strip" => ba_strip, "swapcase" => ba_swapcase,
    "title" => ba_title, "upper" => ba_upper, "center" => ba_center, "ljust" => ba_ljust,
    "rjust" => ba_rjust, "zfill" => ba_zfill, "expandtabs" => ba_expandtabs,
    "splitlines" => ba_splitlines, "rsplit" => ba_rsplit, "rpartition" => ba_rpartition,
    "istitle" => ba_istitle, "translate" => ba_translate, "maketrans" => ba_maketrans,
    "__reduce__" => crate::reduce::builtin_reduce,
    "__reduce_ex__" => crate::reduce::bytearray_reduce_ex, "__alloc__" => ba_alloc,
]);

/// `bytearray.__alloc__()`: the bytes allocated, counting the trailing NUL
/// CPython keeps after the items (0 for a never-filled bytearray).
fn ba_alloc(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "__alloc__")?.borrow();
    if b.capacity() == 0 {
        return Ok(Value::Int(0));
    }
    Ok(Value::Int(b.capacity().max(b.len()) as i64 + 1))
}

fn recv<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Rc<ByteArrayObj>> {
    match a.pos.first() {
        Some(Value::ByteArray(b)) => Ok(b),
        other => Err(descriptor_error(name, "bytearray", other)),
    }
}

/// An int argument (or an object with `__index__`) that must be a byte.
pub fn byte_of(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => ops_index(v),
        Value::Instance(_) => vm.index_value(v)?,
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )))
        }
    };
    u8::try_from(i).map_err(|_| PyErr::value_error("byte must be in range(0, 256)"))
}

fn ops_index(v: &Value) -> i64 {
    crate::ops::index_of(v).unwrap_or(i64::MAX)
}

/// The bytes of a bytes-like value or of an iterable of ints.
pub fn bytes_from(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::ByteArray(b) => Ok(b.borrow().clone()),
        Value::Str(s) if s.as_str().is_empty() => Ok(Vec::new()),
        Value::Str(_) => Err(PyErr::type_error(
            "'str' object cannot be interpreted as an integer",
        )),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_) | Value::None => Err(
            PyErr::type_error(format!("can't extend bytearray with {}", type_name(v))),
        ),
        other => {
            let items = vm.collect(other)?;
            items.iter().map(|v| byte_of(vm, v)).collect()
        }
    }
}

fn ba_append(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "append")?;
    let x = byte_of(vm, onearg(&a, "bytearray", "append")?)?;
    let n = b.borrow().len();
    b.resize(n + 1)?.push(x);
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "extend")?;
    let x = onearg(&a, "bytearray", "extend")?;
    // Anything with a buffer extends by its bytes (an `array('i')` by four
    // per item), as CPython's `bytearray_extend` does; other iterables by
    // their integers.
    let more = match crate::buffer::exported_bytes(x) {
        Some(bytes) => bytes?,
        // An instance is asked for its length hint once its iterator is
        // made, and the hint's errors propagate (`PyObject_LengthHint`).
        None if matches!(x, Value::Instance(i)
            if crate::class::special(&i.class(), crate::names::D::Iter).is_some()) =>
        {
            let it = vm.get_iter(x)?;
            crate::modules::length_hint::object_length_hint(vm, x, Value::Int(0))?;
            bytes_from(vm, &it)?
        }
        None => bytes_from(vm, x)?,
    };
    let n = b.borrow().len();
    b.resize(n + more.len())?.extend_from_slice(&more);
    Ok(Value::None)
}

fn ba_insert(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "insert")?;
    nargs(&a, "insert", 2, 2)?;
    let i = int_arg(vm, &a.pos[1])?;
    let x = byte_of(vm, &a.pos[2])?;
    let n = b.borrow().len();
    let mut v = b.resize(n + 1)?;
    let len = v.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    v.insert(at as usize, x);
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "pop")?;
    nargs(&a, "pop", 0, 1)?;
    let n = b.borrow().len();
    if n == 0 {
        return Err(PyErr::index_error("pop from empty bytearray"));
    }
    let len = n as i64;
    let i = match a.pos.get(1) {
        Some(x) => int_arg(vm, x)?,
        None => -1,
    };
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        return Err(PyErr::index_error("pop index out of range"));
    }
    Ok(Value::Int(i64::from(b.resize(n - 1)?.remove(i as usize))))
}

fn ba_remove(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "remove")?;
    let x = byte_of(vm, onearg(&a, "bytearray", "remove")?)?;
    let (found, n) = {
        let v = b.borrow();
        (v.iter().position(|&c| c == x), v.len())
    };
    match found {
        Some(i) => {
            b.resize(n - 1)?.remove(i);
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("value not found in bytearray")),
    }
}

fn ba_clear(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "clear")?;
    noargs(&a, "bytearray", "clear")?;
    b.resize(0)?.clear();
    Ok(Value::None)
}

fn ba_copy(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "copy")?;
    noargs(&a, "bytearray", "copy")?;
    let v = b.borrow().clone();
    Ok(new_bytearray(v))
}

fn ba_reverse(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "reverse")?;
    noargs(&a, "bytearray", "reverse")?;
    b.write().reverse();
    Ok(Value::None)
}
