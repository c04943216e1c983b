//! `array`: CPython's `Modules/arraymodule.c`, typed arrays of numbers and
//! characters. Items are kept as Python values already converted (and range
//! checked, with CPython's messages) for the typecode; `tobytes` and
//! `frombytes` go through the machine layout (little-endian, native sizes).

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    borrow, class_of, cls_arg, native_fn, native_methods, new_object, positional, receiver,
    state_of, ClassSpec, PropSpec,
};
use crate::ops::CmpOp;
use crate::types::{type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

const TYPECODES: &str = "bBuhHiIlLqQfd";

/// An array: its typecode and items.
pub struct Array {
    code: u8,
    items: Vec<Value>,
}

native_methods!(ARRAY_M, "array", [
    "__new__" => array_new, "__len__" => a_len, "__getitem__" => a_getitem,
    "__setitem__" => a_setitem, "__delitem__" => a_delitem, "__iter__" => a_iter,
    "__repr__" => a_repr, "__eq__" => a_eq, "__ne__" => a_ne, "__contains__" => a_contains,
    "__add__" => a_add, "__mul__" => a_mul, "__rmul__" => a_mul, "__iadd__" => a_iadd,
    "append" => a_append, "extend" => a_extend, "tobytes" => a_tobytes,
    "frombytes" => a_frombytes, "tolist" => a_tolist, "fromlist" => a_fromlist,
    "pop" => a_pop, "insert" => a_insert, "index" => a_index, "count" => a_count,
    "remove" => a_remove, "reverse" => a_reverse, "byteswap" => a_byteswap,
    "buffer_info" => a_buffer_info, "tounicode" => a_tounicode,
    "fromunicode" => a_fromunicode, "__copy__" => a_copy,
]);
native_fn!(TYPECODE_GET, "typecode", "array", a_typecode);
native_fn!(ITEMSIZE_GET, "itemsize", "array", a_itemsize);
static ARRAY_P: &[PropSpec] = &[
    PropSpec {
        name: "typecode",
        get: &TYPECODE_GET,
        set: None,
    },
    PropSpec {
        name: "itemsize",
        get: &ITEMSIZE_GET,
        set: None,
    },
];
static ARRAY: ClassSpec = ClassSpec {
    name: "array",
    module: "array",
    base: TypeKind::Object,
    methods: ARRAY_M,
    classmethods: &[],
    props: ARRAY_P,
    unhashable: true,
};

/// Builds the `array` module.
pub fn init(vm: &mut Vm) -> Value {
    let cls = Value::Type(class_of(vm, &ARRAY));
    new_module(
        "array",
        &[],
        vec![
            ("array", cls.clone()),
            ("ArrayType", cls),
            ("typecodes", Value::str(TYPECODES)),
        ],
    )
}

fn itemsize(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' | b'u' => 4,
        _ => 8,
    }
}

fn overflow(msg: &str) -> PyErr {
    PyErr::new(ExcKind::OverflowError, msg)
}

fn int_of(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = crate::ops::to_bigint(v) {
        return Ok(b);
    }
    if let Value::Instance(_) = v {
        if let Some(b) = crate::instance::payload_of(v).and_then(crate::ops::to_bigint) {
            return Ok(b);
        }
        let name = vm.intern("__index__");
        if let Ok(f) = vm.get_attr(v, &name) {
            let r = vm.call(&f, &[])?;
            if let Some(b) = crate::ops::to_bigint(&r) {
                return Ok(b);
            }
        }
    }
    Err(PyErr::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(v)
    )))
}

/// Checks a value against a signed range with PyArg's wording.
fn bounded(x: i64, lo: i64, hi: i64, what: &str) -> PyResult<()> {
    if x < lo {
        return Err(overflow(&format!("{what} is less than minimum")));
    }
    if x > hi {
        return Err(overflow(&format!("{what} is greater than maximum")));
    }
    Ok(())
}

/// Converts `v` to an item of `code` (CPython's `*_setitem` conversions).
fn convert(vm: &mut Vm, code: u8, v: &Value) -> PyResult<Value> {
    match code {
        b'u' => match v {
            Value::Str(s) if s.char_len() == 1 => Ok(v.clone()),
            _ => Err(PyErr::type_error("array item must be unicode character")),
        },
        b'f' | b'd' => {
            let x = match v {
                Value::Float(f) => *f,
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                    crate::ops::to_f64(v)?.unwrap_or(0.0)
                }
                _ => match crate::instance::payload_of(v).map(crate::ops::to_f64) {
                    Some(Ok(Some(f))) => f,
                    _ => {
                        return Err(PyErr::type_error(format!(
                            "must be real number, not {}",
                            type_name(v)
                        )))
                    }
                },
            };
            Ok(Value::Float(if code == b'f' {
                f64::from(x as f32)
            } else {
                x
            }))
        }
        _ => {
            let n = int_of(vm, v)?;
            let long = || overflow("Python int too large to convert to C long");
            match code {
                b'b' | b'B' | b'h' | b'H' | b'i' | b'l' => {
                    let x = n.to_i64().ok_or_else(long)?;
                    match code {
                        b'b' => {
                            bounded(x, -32768, 32767, "signed short integer")?;
                            bounded(x, -128, 127, "signed char")?;
                        }
                        b'B' => bounded(x, 0, 255, "unsigned byte integer")?,
                        b'h' => bounded(x, -32768, 32767, "signed short integer")?,
                        b'H' => {
                            bounded(
                                x,
                                i64::from(i32::MIN),
                                i64::from(i32::MAX),
                                "signed integer",
                            )?;
                            bounded(x, 0, 65535, "unsigned short")?;
                        }
                        b'i' => bounded(
                            x,
                            i64::from(i32::MIN),
                            i64::from(i32::MAX),
                            "signed integer",
                        )?,
                        _ => {}
                    }
                    Ok(Value::Int(x))
                }
                b'I' | b'L' => {
                    if n.sign() == num_bigint::Sign::Minus {
                        return Err(overflow("can't convert negative value to unsigned int"));
                    }
                    let x = n.to_u64().ok_or_else(|| {
                        overflow("Python int too large to convert to C unsigned long")
                    })?;
                    if code == b'I' && x > u64::from(u32::MAX) {
                        return Err(overflow("unsigned int is greater than maximum"));
                    }
                    Ok(Value::from_bigint(BigInt::from(x)))
                }
                b'q' => Ok(Value::Int(
                    n.to_i64()
                        .ok_or_else(|| overflow("int too big to convert"))?,
                )),
                _ => {
                    if n.sign() == num_bigint::Sign::Minus {
                        return Err(overflow("can't convert negative int to unsigned"));
                    }
                    let x = n
                        .to_u64()
                        .ok_or_else(|| overflow("int too big to convert"))?;
                    Ok(Value::from_bigint(BigInt::from(x)))
                }
            }
        }
    }
}

fn item_bytes(code: u8, v: &Value, out: &mut Vec<u8>) {
    match (code, v) {
        (b'f', Value::Float(f)) => out.extend_from_slice(&(*f as f32).to_le_bytes()),
        (b'd', Value::Float(f)) => out.extend_from_slice(&f.to_le_bytes()),
        (b'u', Value::Str(s)) => {
            let c = s.as_str().chars().next().map_or(0, u32::from);
            out.extend_from_slice(&c.to_le_bytes());
        }
        _ => {
            let n = crate::ops::to_bigint(v).unwrap_or_default();
            let x = n
                .to_i64()
                .map_or_else(|| n.to_u64().unwrap_or(0), |i| i as u64);
            out.extend_from_slice(&x.to_le_bytes()[..itemsize(code)]);
        }
    }
}

fn item_from_bytes(code: u8, b: &[u8]) -> Value {
    let mut w = [0u8; 8];
    w[..b.len()].copy_from_slice(b);
    let u = u64::from_le_bytes(w);
    let bits = (b.len() * 8) as u32;
    let sext = |u: u64| {
        let s = 64 - bits;
        ((u << s) as i64) >> s
    };
    match code {
        b'f' => Value::Float(f64::from(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))),
        b'd' => Value::Float(f64::from_le_bytes(w)),
        b'u' => {
            let c = char::from_u32(u as u32).unwrap_or('\u{fffd}');
            Value::string(c.to_string())
        }
        b'b' | b'h' | b'i' | b'l' | b'q' => Value::Int(sext(u)),
        _ => Value::from_bigint(BigInt::from(u)),
    }
}

fn me(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<Array>>> {
    receiver::<Array>(a, "array.array", name)
}

fn arg1<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    let args = positional(&crate::native::rest(a), name, 1, 1)?;
    Ok(&args[0])
}

fn new_array(vm: &mut Vm, code: u8, items: Vec<Value>) -> Value {
    let cls = class_of(vm, &ARRAY);
    new_object(&cls, Array { code, items })
}

fn array_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = &a.pos[1..];
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(
            "array.array() takes no keyword arguments",
        ));
    }
    let Some(tc) = args.first() else {
        return Err(PyErr::type_error(
            "array() takes at least 1 argument (0 given)",
        ));
    };
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "array() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let code = match tc {
        Value::Str(s) if s.char_len() == 1 => s.as_str().as_bytes()[0],
        other => {
            return Err(PyErr::type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                type_name(other)
            )))
        }
    };
    if !TYPECODES.as_bytes().contains(&code) {
        return Err(PyErr::value_error(
            "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)",
        ));
    }
    let mut arr = Array {
        code,
        items: Vec::new(),
    };
    match args.get(1) {
        None => {}
        Some(Value::Str(s)) => {
            if code != b'u' {
                return Err(PyErr::type_error(format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    char::from(code)
                )));
            }
            arr.items = s
                .as_str()
                .chars()
                .map(|c| Value::string(c.to_string()))
                .collect();
        }
        Some(Value::Bytes(_) | Value::ByteArray(_)) => {
            let data = crate::buffer::bytes_like(&args[1])?;
            frombytes(&mut arr, &data)?;
        }
        Some(init) => {
            if let Some(other) = state_of::<Array>(init) {
                let o = borrow(&other)?;
                if o.code == b'u' && code != b'u' {
                    return Err(PyErr::type_error(format!(
                        "cannot use a unicode array to initialize an array with typecode '{}'",
                        char::from(code)
                    )));
                }
                let items = o.items.clone();
                drop(o);
                for v in items {
                    let x = convert(vm, code, &v)?;
                    arr.items.push(x);
                }
            } else {
                for v in vm.collect(init)? {
                    let x = convert(vm, code, &v)?;
                    arr.items.push(x);
                }
            }
        }
    }
    Ok(new_object(&cls, arr))
}

fn frombytes(arr: &mut Array, data: &[u8]) -> PyResult<()> {
    let size = itemsize(arr.code);
    if data.len() % size != 0 {
        return Err(PyErr::value_error(
            "bytes length not a multiple of item size",
        ));
    }
    arr.items.extend(
        data.chunks_exact(size)
            .map(|c| item_from_bytes(arr.code, c)),
    );
    Ok(())
}

fn a_len(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__len__")?;
    let n = borrow(&st)?.items.len();
    Ok(Value::Int(n as i64))
}

fn index_in(vm: &mut Vm, key: &Value, len: usize, msg: &str) -> PyResult<usize> {
    let i = vm.index_value(key)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(PyErr::index_error(msg));
    }
    Ok(j as usize)
}

fn a_getitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__getitem__")?;
    let key = arg1(&a, "__getitem__")?;
    let (code, items) = {
        let s = borrow(&st)?;
        (s.code, s.items.clone())
    };
    if let Value::Slice(sl) = key {
        let picked = crate::protocol::slice_positions(sl, items.len())?
            .into_iter()
            .map(|i| items[i].clone())
            .collect();
        return Ok(new_array(vm, code, picked));
    }
    let i = index_in(vm, key, items.len(), "array index out of range")?;
    Ok(items[i].clone())
}

fn a_setitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__setitem__")?;
    let [_, key, value] = a.pos else {
        return Err(PyErr::type_error("__setitem__ expected 2 arguments"));
    };
    let (code, len) = {
        let s = borrow(&st)?;
        (s.code, s.items.len())
    };
    if let Value::Slice(sl) = key {
        let Some(other) = state_of::<Array>(value) else {
            return Err(PyErr::type_error(format!(
                "can only assign array (not \"{}\") to array slice",
                type_name(value)
            )));
        };
        let new_items = {
            let o = borrow(&other)?;
            if o.code != code {
                return Err(PyErr::type_error(
                    "bad argument type for built-in operation",
                ));
            }
            o.items.clone()
        };
        let (start, stop, step) = crate::protocol::slice_indices(sl, len)?;
        let mut s = borrow(&st)?;
        if step == 1 {
            let lo = start.clamp(0, len as i64) as usize;
            let hi = (stop.max(start)).clamp(0, len as i64) as usize;
            s.items.splice(lo..hi, new_items);
            return Ok(Value::None);
        }
        let pos = crate::protocol::slice_positions(sl, len)?;
        if pos.len() != new_items.len() {
            return Err(PyErr::value_error(format!(
                "attempt to assign array of size {} to extended slice of size {}",
                new_items.len(),
                pos.len()
            )));
        }
        for (p, v) in pos.into_iter().zip(new_items) {
            s.items[p] = v;
        }
        return Ok(Value::None);
    }
    let i = index_in(vm, key, len, "array assignment index out of range")?;
    let x = convert(vm, code, value)?;
    let mut s = borrow(&st)?;
    if let Some(slot) = s.items.get_mut(i) {
        *slot = x;
    }
    Ok(Value::None)
}

fn a_delitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__delitem__")?;
    let key = arg1(&a, "__delitem__")?;
    let len = borrow(&st)?.items.len();
    if let Value::Slice(sl) = key {
        let pos = crate::protocol::slice_positions(sl, len)?;
        let mut s = borrow(&st)?;
        let mut keep = vec![true; len];
        for p in pos {
            keep[p] = false;
        }
        let mut k = keep.into_iter();
        s.items.retain(|_| k.next().unwrap_or(true));
        return Ok(Value::None);
    }
    let i = index_in(vm, key, len, "array assignment index out of range")?;
    borrow(&st)?.items.remove(i);
    Ok(Value::None)
}

fn a_iter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__iter__")?;
    let items = borrow(&st)?.items.clone();
    vm.get_iter(&Value::list(items))
}

fn a_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__repr__")?;
    let (code, items) = {
        let s = borrow(&st)?;
        (s.code, s.items.clone())
    };
    let name = match a.pos.first() {
        Some(Value::Instance(i)) => crate::native::short_name(&i.class()).to_string(),
        _ => "array".to_string(),
    };
    let c = char::from(code);
    if items.is_empty() {
        return Ok(Value::string(format!("{name}('{c}')")));
    }
    if code == b'u' {
        let text: String = items
            .iter()
            .filter_map(|v| match v {
                Value::Str(s) => Some(s.as_str().to_string()),
                _ => None,
            })
            .collect();
        return Ok(Value::string(format!(
            "{}('{}', {})",
            name,
            c,
            pith_repr::str_repr(&text)
        )));
    }
    let list = vm.repr_of(&Value::list(items))?;
    Ok(Value::string(format!("{name}('{c}', {list})")))
}

fn items_of(v: &Value) -> PyResult<Option<(u8, Vec<Value>)>> {
    match state_of::<Array>(v) {
        Some(o) => {
            let o = borrow(&o)?;
            Ok(Some((o.code, o.items.clone())))
        }
        None => Ok(None),
    }
}

fn a_eq(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__eq__")?;
    let other = arg1(&a, "__eq__")?;
    let mine = borrow(&st)?.items.clone();
    let Some((_, theirs)) = items_of(other)? else {
        return Ok(Value::NotImplemented);
    };
    if mine.len() != theirs.len() {
        return Ok(Value::Bool(false));
    }
    for (x, y) in mine.iter().zip(&theirs) {
        if !vm.compare_bool(CmpOp::Eq, x, y)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn a_ne(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    match a_eq(vm, a)? {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        other => Ok(other),
    }
}

fn a_contains(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__contains__")?;
    let x = arg1(&a, "__contains__")?;
    let items = borrow(&st)?.items.clone();
    for v in &items {
        if vm.compare_bool(CmpOp::Eq, v, x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn joined(a: &Args<'_>, name: &str) -> PyResult<(u8, Vec<Value>, Vec<Value>)> {
    let st = me(a, name)?;
    let other = arg1(a, name)?;
    let (code, mine) = {
        let s = borrow(&st)?;
        (s.code, s.items.clone())
    };
    let Some((oc, theirs)) = items_of(other)? else {
        return Err(PyErr::type_error(format!(
            "can only append array (not \"{}\") to array",
            type_name(other)
        )));
    };
    if oc != code {
        return Err(PyErr::type_error(
            "bad argument type for built-in operation",
        ));
    }
    Ok((code, mine, theirs))
}

fn a_add(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (code, mut mine, theirs) = joined(&a, "__add__")?;
    mine.extend(theirs);
    Ok(new_array(vm, code, mine))
}

fn a_iadd(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__iadd__")?;
    let other = arg1(&a, "__iadd__")?;
    let code = borrow(&st)?.code;
    let Some((oc, theirs)) = items_of(other)? else {
        return Err(PyErr::type_error(format!(
            "can only extend array with array (not \"{}\")",
            type_name(other)
        )));
    };
    if oc != code {
        return Err(PyErr::type_error("can only extend with array of same kind"));
    }
    borrow(&st)?.items.extend(theirs);
    Ok(a.pos[0].clone())
}

fn a_mul(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__mul__")?;
    let n = arg1(&a, "__mul__")?;
    if !matches!(n, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
        return Ok(Value::NotImplemented);
    }
    let n = vm.index_value(n)?.max(0) as usize;
    let (code, items) = {
        let s = borrow(&st)?;
        (s.code, s.items.clone())
    };
    let total = items.len().saturating_mul(n);
    super::charge(vm, total as u64 / 16)?;
    if total > (1 << 32) {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    let mut out = Vec::with_capacity(total);
    for _ in 0..n {
        out.extend(items.iter().cloned());
    }
    Ok(new_array(vm, code, out))
}

fn a_append(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "append")?;
    let v = arg1(&a, "append")?;
    let code = borrow(&st)?.code;
    let x = convert(vm, code, v)?;
    borrow(&st)?.items.push(x);
    Ok(Value::None)
}

fn a_extend(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "extend")?;
    let v = arg1(&a, "extend")?;
    let code = borrow(&st)?.code;
    if let Some((oc, theirs)) = items_of(v)? {
        if oc != code {
            return Err(PyErr::type_error("can only extend with array of same kind"));
        }
        borrow(&st)?.items.extend(theirs);
        return Ok(Value::None);
    }
    for item in vm.collect(v)? {
        let x = convert(vm, code, &item)?;
        borrow(&st)?.items.push(x);
    }
    Ok(Value::None)
}

fn a_tobytes(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "tobytes")?;
    let s = borrow(&st)?;
    Ok(Value::Bytes(Rc::new(machine_bytes(&s))))
}

fn machine_bytes(s: &Array) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.items.len() * itemsize(s.code));
    for v in &s.items {
        item_bytes(s.code, v, &mut out);
    }
    out
}

/// The bytes an array exports through the buffer protocol (its machine
/// layout, as `tobytes` gives), if `v` is an array.
pub(crate) fn exported_bytes(v: &Value) -> Option<PyResult<Vec<u8>>> {
    let st = state_of::<Array>(v)?;
    let s = borrow(&st);
    Some(s.map(|s| machine_bytes(&s)))
}

fn a_frombytes(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "frombytes")?;
    let data = crate::buffer::bytes_like(arg1(&a, "frombytes")?)?;
    let mut s = borrow(&st)?;
    frombytes(&mut s, &data)?;
    Ok(Value::None)
}

fn a_tolist(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "tolist")?;
    let items = borrow(&st)?.items.clone();
    Ok(Value::list(items))
}

fn a_fromlist(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "fromlist")?;
    let v = arg1(&a, "fromlist")?;
    let Value::List(l) = v else {
        return Err(PyErr::type_error("arg must be list"));
    };
    let code = borrow(&st)?.code;
    let src = l.borrow().clone();
    let mut conv = Vec::with_capacity(src.len());
    for item in &src {
        conv.push(convert(vm, code, item)?);
    }
    borrow(&st)?.items.extend(conv);
    Ok(Value::None)
}

fn a_pop(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "pop")?;
    let args = positional(&crate::native::rest(&a), "pop", 0, 1)?;
    let len = borrow(&st)?.items.len();
    if len == 0 {
        return Err(PyErr::index_error("pop from empty array"));
    }
    let i = match args.first() {
        None => len - 1,
        Some(k) => index_in(vm, k, len, "pop index out of range")?,
    };
    let v = borrow(&st)?.items.remove(i);
    Ok(v)
}

fn a_insert(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "insert")?;
    let [i, v] = positional(&crate::native::rest(&a), "insert", 2, 2)? else {
        return Err(PyErr::type_error("insert expected 2 arguments"));
    };
    let (code, len) = {
        let s = borrow(&st)?;
        (s.code, s.items.len() as i64)
    };
    let mut i = vm.index_value(i)?;
    if i < 0 {
        i = (i + len).max(0);
    }
    let x = convert(vm, code, v)?;
    borrow(&st)?.items.insert(i.min(len) as usize, x);
    Ok(Value::None)
}

fn position(vm: &mut Vm, st: &RefCell<Array>, x: &Value) -> PyResult<Option<usize>> {
    let items = borrow(st)?.items.clone();
    for (i, v) in items.iter().enumerate() {
        if vm.compare_bool(CmpOp::Eq, v, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn a_index(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "index")?;
    let x = arg1(&a, "index")?;
    match position(vm, &st, x)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(PyErr::value_error("array.index(x): x not in array")),
    }
}

fn a_count(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "count")?;
    let x = arg1(&a, "count")?;
    let items = borrow(&st)?.items.clone();
    let mut n = 0;
    for v in &items {
        if vm.compare_bool(CmpOp::Eq, v, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn a_remove(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "remove")?;
    let x = arg1(&a, "remove")?;
    match position(vm, &st, x)? {
        Some(i) => {
            borrow(&st)?.items.remove(i);
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("array.remove(x): x not in array")),
    }
}

fn a_reverse(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "reverse")?;
    borrow(&st)?.items.reverse();
    Ok(Value::None)
}

fn a_byteswap(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "byteswap")?;
    let mut s = borrow(&st)?;
    let code = s.code;
    let size = itemsize(code);
    let mut buf = Vec::with_capacity(size);
    for v in s.items.iter_mut() {
        buf.clear();
        item_bytes(code, v, &mut buf);
        buf.reverse();
        *v = item_from_bytes(code, &buf);
    }
    Ok(Value::None)
}

fn a_buffer_info(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "buffer_info")?;
    let n = borrow(&st)?.items.len();
    // No stable address exists for the items; the identity stands in for it.
    let addr = a.pos.first().map_or(0, Value::identity) as i64;
    Ok(Value::tuple(vec![Value::Int(addr), Value::Int(n as i64)]))
}

fn a_tounicode(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "tounicode")?;
    let s = borrow(&st)?;
    if s.code != b'u' {
        return Err(PyErr::value_error(
            "tounicode() may only be called on unicode type arrays",
        ));
    }
    let text: String = s
        .items
        .iter()
        .filter_map(|v| match v {
            Value::Str(c) => Some(c.as_str().to_string()),
            _ => None,
        })
        .collect();
    Ok(Value::string(text))
}

fn a_fromunicode(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "fromunicode")?;
    let v = arg1(&a, "fromunicode")?;
    let Value::Str(text) = v else {
        return Err(PyErr::type_error(format!(
            "fromunicode() argument must be str, not {}",
            type_name(v)
        )));
    };
    let mut s = borrow(&st)?;
    if s.code != b'u' {
        return Err(PyErr::value_error(
            "fromunicode() may only be called on unicode type arrays",
        ));
    }
    s.items
        .extend(text.as_str().chars().map(|c| Value::string(c.to_string())));
    Ok(Value::None)
}

fn a_copy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__copy__")?;
    let (code, items) = {
        let s = borrow(&st)?;
        (s.code, s.items.clone())
    };
    Ok(new_array(vm, code, items))
}

fn a_typecode(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "typecode")?;
    let c = borrow(&st)?.code;
    Ok(Value::string(char::from(c).to_string()))
}

fn a_itemsize(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "itemsize")?;
    let c = borrow(&st)?.code;
    Ok(Value::Int(itemsize(c) as i64))
}
