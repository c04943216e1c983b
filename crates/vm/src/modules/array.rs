//! `array`: CPython's `Modules/arraymodule.c`, typed arrays of numbers and
//! characters. Items are kept in the machine layout (native sizes and byte
//! order), converted and range checked with CPython's messages on the way in,
//! so the array exports them through the buffer protocol as they are.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    borrow, class_of, cls_arg, native_fn, native_methods, new_object, positional, receiver, rest,
    state_of, ClassSpec, PropSpec, SpecFlags,
};
use crate::ops::CmpOp;
use crate::types::{type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

pub(super) const TYPECODES: &str = "bBuhHiIlLqQfd";

/// An array: its typecode and items.
pub struct Array {
    code: u8,
    /// The items in the machine layout, as CPython keeps them.
    data: Vec<u8>,
    /// Live memoryviews' managed buffers over the items.
    exports: Rc<Cell<usize>>,
}

native_methods!(ARRAY_M, "array", [
    "__new__" => array_new, "__len__" => a_len, "__getitem__" => a_getitem,
    "__setitem__" => a_setitem, "__delitem__" => a_delitem, "__iter__" => a_iter,
    "__repr__" => a_repr, "__eq__" => a_eq, "__ne__" => a_ne, "__lt__" => a_lt, "__le__" => a_le,
    "__gt__" => a_gt, "__ge__" => a_ge, "__contains__" => a_contains,
    "__add__" => a_add, "__mul__" => a_mul, "__rmul__" => a_rmul, "__iadd__" => a_iadd, "__imul__" => a_imul,
    "fromfile" => super::array_file::a_fromfile, "tofile" => super::array_file::a_tofile,
    "append" => a_append, "extend" => a_extend, "tobytes" => a_tobytes,
    "frombytes" => a_frombytes, "tolist" => a_tolist, "fromlist" => a_fromlist,
    "pop" => a_pop, "insert" => a_insert, "index" => a_index, "count" => a_count,
    "remove" => a_remove, "reverse" => a_reverse, "byteswap" => a_byteswap,
    "buffer_info" => a_buffer_info, "tounicode" => a_tounicode,
    "fromunicode" => a_fromunicode, "__copy__" => a_copy, "__reduce_ex__" => a_reduce_ex,
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
    flags: SpecFlags::BASETYPE.with(SpecFlags::WEAKREFS),
};

/// Builds the `array` module.
pub fn init(vm: &mut Vm) -> Value {
    let cls = Value::Type(class_of(vm, &ARRAY));
    register_sequence(vm, &cls);
    new_module(
        "array",
        super::array_pickle::FUNCTIONS,
        vec![
            ("array", cls.clone()),
            ("ArrayType", cls),
            ("typecodes", Value::str(TYPECODES)),
        ],
    )
}

/// `collections.abc.MutableSequence.register(array)`, as the module's
/// initialisation does in CPython. Without the standard library (the VM
/// run on its own) there is nothing to register with, and arrays work
/// the same apart from `isinstance` against the ABCs.
fn register_sequence(vm: &mut Vm, cls: &Value) {
    let Ok(abc) = vm.import_dotted("collections.abc") else {
        return;
    };
    let name = vm.intern("MutableSequence");
    if let Ok(seq) = vm.get_attr(&abc, &name) {
        // An error here is the ABC machinery's own; CPython would fail the
        // import with it, which would hide `array` for an `isinstance` detail.
        let _ = vm.call_method(&seq, "register", std::slice::from_ref(cls));
    }
}

pub(super) fn itemsize(code: u8) -> usize {
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
        (b'f', Value::Float(f)) => out.extend_from_slice(&(*f as f32).to_ne_bytes()),
        (b'd', Value::Float(f)) => out.extend_from_slice(&f.to_ne_bytes()),
        (b'u', Value::Str(s)) => {
            let c = s.code_points().next().unwrap_or(0);
            out.extend_from_slice(&c.to_ne_bytes());
        }
        _ => {
            let n = crate::ops::to_bigint(v).unwrap_or_default();
            let x = n
                .to_i64()
                .map_or_else(|| n.to_u64().unwrap_or(0), |i| i as u64);
            let size = itemsize(code);
            if cfg!(target_endian = "little") {
                out.extend_from_slice(&x.to_le_bytes()[..size]);
            } else {
                out.extend_from_slice(&x.to_be_bytes()[8 - size..]);
            }
        }
    }
}

pub(super) fn item_from_bytes(code: u8, b: &[u8]) -> Value {
    let mut w = [0u8; 8];
    let n = b.len().min(8);
    let u = if cfg!(target_endian = "little") {
        w[..n].copy_from_slice(&b[..n]);
        u64::from_le_bytes(w)
    } else {
        w[8 - n..].copy_from_slice(&b[..n]);
        u64::from_be_bytes(w)
    };
    let bits = (n * 8) as u32;
    let sext = |u: u64| {
        let s = 64 - bits;
        ((u << s) as i64) >> s
    };
    match code {
        b'f' => Value::Float(f64::from(f32::from_bits(u as u32))),
        b'd' => Value::Float(f64::from_bits(u)),
        // Lone surrogates are kept; a code past U+10FFFF cannot be a str
        // (`tounicode` refuses it).
        b'u' if u <= 0x10FFFF => crate::str_surrogates::one_char(u as u32),
        b'u' => Value::char('\u{fffd}'),
        b'b' | b'h' | b'i' | b'l' | b'q' => Value::Int(sext(u)),
        _ => match i64::try_from(u) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::from_bigint(BigInt::from(u)),
        },
    }
}

impl Array {
    fn size(&self) -> usize {
        itemsize(self.code)
    }

    /// The typecode.
    pub(super) fn code(&self) -> u8 {
        self.code
    }

    /// The items in the machine layout.
    pub(super) fn bytes(&self) -> &[u8] {
        &self.data
    }

    /// The number of items.
    pub(super) fn len(&self) -> usize {
        self.data.len() / self.size()
    }

    /// Item `i`, which must be below [`Array::len`].
    pub(super) fn get(&self, i: usize) -> Value {
        let size = self.size();
        item_from_bytes(self.code, &self.data[i * size..(i + 1) * size])
    }

    fn items(&self) -> Vec<Value> {
        self.data
            .chunks_exact(self.size())
            .map(|c| item_from_bytes(self.code, c))
            .collect()
    }

    /// The str of a `'u'` array's code points (`tounicode`).
    fn text(&self) -> PyResult<Value> {
        let mut cps = Vec::with_capacity(self.len());
        for c in self.data.chunks_exact(4) {
            let cp = u32::from_ne_bytes([c[0], c[1], c[2], c[3]]);
            if cp > 0x10FFFF {
                return Err(PyErr::value_error(format!(
                    "character U+{cp:x} is not in range [U+0000; U+10ffff]"
                )));
            }
            cps.push(cp);
        }
        Ok(
            match cps
                .iter()
                .map(|&c| char::from_u32(c))
                .collect::<Option<String>>()
            {
                Some(s) => Value::string(s),
                None => Value::from_code_points(cps),
            },
        )
    }

    /// Refuses a change of length while a memoryview exports the items
    /// (`array_resize`'s check: an unchanged length is allowed).
    fn resize_to(&self, items: usize) -> PyResult<()> {
        if self.exports.get() > 0 && items != self.len() {
            return Err(PyErr::new(
                ExcKind::BufferError,
                "cannot resize an array that is exporting buffers",
            ));
        }
        Ok(())
    }

    /// Appends already-converted items.
    fn push_all(&mut self, items: &[Value]) -> PyResult<()> {
        self.resize_to(self.len() + items.len())?;
        let code = self.code;
        for v in items {
            item_bytes(code, v, &mut self.data);
        }
        Ok(())
    }
}

/// What a memoryview holds of an array while it exports its items: the
/// array's state, and one count in its exports until the view's managed
/// buffer goes away (released or dropped), as `array_buffer_getbuf` and
/// `array_buffer_relbuf` count `ob_exports`.
pub struct ArrayExport {
    state: Rc<RefCell<Array>>,
    exports: Rc<Cell<usize>>,
}

impl ArrayExport {
    /// The typecode, which is the exported `struct` format.
    pub fn typecode(&self) -> PyResult<u8> {
        Ok(borrow(&self.state)?.code)
    }

    /// Runs `f` over the array's machine bytes.
    pub fn with<R>(&self, f: impl FnOnce(&[u8]) -> R) -> PyResult<R> {
        Ok(f(&borrow(&self.state)?.data))
    }

    /// Runs `f` over the array's machine bytes, writably.
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> PyResult<R> {
        Ok(f(&mut borrow(&self.state)?.data))
    }
}

impl Drop for ArrayExport {
    fn drop(&mut self) {
        self.exports.set(self.exports.get().saturating_sub(1));
    }
}

impl std::fmt::Debug for ArrayExport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ArrayExport")
    }
}

/// Exports the items of `v` if it is an array (`array_buffer_getbuf`).
pub(crate) fn export(v: &Value) -> Option<PyResult<(u8, ArrayExport)>> {
    let state = state_of::<Array>(v)?;
    let (code, exports) = match borrow(&state) {
        Ok(s) => (s.code, s.exports.clone()),
        Err(e) => return Some(Err(e)),
    };
    exports.set(exports.get() + 1);
    Some(Ok((code, ArrayExport { state, exports })))
}

pub(super) fn me(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<Array>>> {
    receiver::<Array>(a, "array.array", name)
}

fn arg1<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    let args = positional(&crate::native::rest(a), name, 1, 1)?;
    Ok(&args[0])
}

fn empty(code: u8) -> Array {
    Array {
        code,
        data: Vec::new(),
        exports: Rc::new(Cell::new(0)),
    }
}

pub(super) fn new_array(vm: &mut Vm, code: u8, data: Vec<u8>) -> Value {
    let cls = class_of(vm, &ARRAY);
    let mut arr = empty(code);
    arr.data = data;
    new_object(&cls, arr)
}

pub(super) fn array_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = &a.pos[1..];
    // Subclasses may take keywords (for their own `__init__`).
    if !a.kwnames.is_empty() && Rc::ptr_eq(&cls, &class_of(vm, &ARRAY)) {
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
    let mut arr = empty(code);
    match args.get(1) {
        None => {}
        Some(Value::Str(s)) => {
            if code != b'u' {
                return Err(PyErr::type_error(format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    char::from(code)
                )));
            }
            for cp in s.code_points() {
                arr.data.extend_from_slice(&cp.to_ne_bytes());
            }
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
                if o.code == code {
                    arr.data = o.data.clone();
                } else {
                    let items = o.items();
                    drop(o);
                    for v in items {
                        let x = convert(vm, code, &v)?;
                        item_bytes(code, &x, &mut arr.data);
                    }
                }
            } else {
                for v in vm.collect(init)? {
                    let x = convert(vm, code, &v)?;
                    item_bytes(code, &x, &mut arr.data);
                }
            }
        }
    }
    Ok(new_object(&cls, arr))
}

pub(super) fn frombytes(arr: &mut Array, data: &[u8]) -> PyResult<()> {
    let size = arr.size();
    if data.len() % size != 0 {
        return Err(PyErr::value_error(
            "bytes length not a multiple of item size",
        ));
    }
    arr.resize_to(arr.len() + data.len() / size)?;
    arr.data.extend_from_slice(data);
    Ok(())
}

fn a_len(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__len__")?;
    let n = borrow(&st)?.len();
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

/// The subscript `key` with a slice's `__index__` objects made ints, before
/// the array's length is read (`PySlice_Unpack` runs first in CPython, and an
/// `__index__` may resize the array or raise).
fn int_key(vm: &mut Vm, key: &Value) -> PyResult<Value> {
    match key {
        Value::Slice(sl) => {
            let key = vm.slice_with_ints(sl)?;
            // `PySlice_Unpack`'s type and zero-step errors come before any
            // check of the value assigned.
            if let Value::Slice(parts) = &key {
                crate::protocol::slice_indices(parts, 0)?;
            }
            Ok(key)
        }
        other => Ok(other.clone()),
    }
}

fn a_getitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__getitem__")?;
    let key = &int_key(vm, arg1(&a, "__getitem__")?)?;
    if let Value::Slice(sl) = key {
        let (code, picked) = {
            let s = borrow(&st)?;
            let size = s.size();
            let mut picked = Vec::new();
            for i in crate::protocol::slice_positions(sl, s.len())? {
                picked.extend_from_slice(&s.data[i * size..(i + 1) * size]);
            }
            (s.code, picked)
        };
        return Ok(new_array(vm, code, picked));
    }
    let len = borrow(&st)?.len();
    let i = index_in(vm, key, len, "array index out of range")?;
    let s = borrow(&st)?;
    if i >= s.len() {
        return Err(PyErr::index_error("array index out of range"));
    }
    Ok(s.get(i))
}

fn a_setitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__setitem__")?;
    let [_, key, value] = a.pos else {
        return Err(PyErr::type_error("__setitem__ expected 2 arguments"));
    };
    let key = &int_key(vm, key)?;
    let (code, len) = {
        let s = borrow(&st)?;
        (s.code, s.len())
    };
    if let Value::Slice(sl) = key {
        let Some(other) = state_of::<Array>(value) else {
            return Err(PyErr::type_error(format!(
                "can only assign array (not \"{}\") to array slice",
                type_name(value)
            )));
        };
        let new_data = {
            let o = borrow(&other)?;
            if o.code != code {
                return Err(PyErr::type_error(
                    "bad argument type for built-in operation",
                ));
            }
            o.data.clone()
        };
        let size = itemsize(code);
        let n = new_data.len() / size;
        let (start, stop, step) = crate::protocol::slice_indices(sl, len)?;
        let mut s = borrow(&st)?;
        if step == 1 {
            let lo = start.clamp(0, len as i64) as usize;
            let hi = (stop.max(start)).clamp(0, len as i64) as usize;
            s.resize_to(len - (hi - lo) + n)?;
            s.data.splice(lo * size..hi * size, new_data);
            return Ok(Value::None);
        }
        let pos = crate::protocol::slice_positions(sl, len)?;
        if pos.len() != n {
            return Err(PyErr::value_error(format!(
                "attempt to assign array of size {} to extended slice of size {}",
                n,
                pos.len()
            )));
        }
        for (k, p) in pos.into_iter().enumerate() {
            s.data[p * size..(p + 1) * size].copy_from_slice(&new_data[k * size..(k + 1) * size]);
        }
        return Ok(Value::None);
    }
    let i = index_in(vm, key, len, "array assignment index out of range")?;
    let x = convert(vm, code, value)?;
    let mut buf = Vec::with_capacity(8);
    item_bytes(code, &x, &mut buf);
    let mut s = borrow(&st)?;
    let size = buf.len();
    if let Some(slot) = s.data.get_mut(i * size..(i + 1) * size) {
        slot.copy_from_slice(&buf);
    }
    Ok(Value::None)
}

fn a_delitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__delitem__")?;
    let key = &int_key(vm, arg1(&a, "__delitem__")?)?;
    let len = borrow(&st)?.len();
    if let Value::Slice(sl) = key {
        let pos = crate::protocol::slice_positions(sl, len)?;
        let mut s = borrow(&st)?;
        s.resize_to(len - pos.len())?;
        let mut keep = vec![true; len];
        for p in pos {
            keep[p] = false;
        }
        let size = s.size();
        let mut k = keep
            .into_iter()
            .flat_map(|b| std::iter::repeat(b).take(size));
        s.data.retain(|_| k.next().unwrap_or(true));
        return Ok(Value::None);
    }
    let i = index_in(vm, key, len, "array assignment index out of range")?;
    let mut s = borrow(&st)?;
    s.resize_to(len - 1)?;
    let size = s.size();
    s.data.drain(i * size..(i + 1) * size);
    Ok(Value::None)
}

fn a_iter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__iter__")?;
    rest(&a).no_args("array.__iter__")?;
    Ok(super::array_iter::new_iter(vm, st, a.pos[0].clone()))
}

fn a_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__repr__")?;
    let (code, items) = {
        let s = borrow(&st)?;
        (s.code, s.items())
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
        let text = borrow(&st)?.text()?;
        let text = vm.repr_of(&text)?;
        return Ok(Value::string(format!("{name}('{c}', {text})")));
    }
    let list = vm.repr_of(&Value::list(items))?;
    Ok(Value::string(format!("{name}('{c}', {list})")))
}

fn items_of(v: &Value) -> PyResult<Option<(u8, Vec<Value>)>> {
    match state_of::<Array>(v) {
        Some(o) => {
            let o = borrow(&o)?;
            Ok(Some((o.code, o.items())))
        }
        None => Ok(None),
    }
}

fn data_of(v: &Value) -> PyResult<Option<(u8, Vec<u8>)>> {
    match state_of::<Array>(v) {
        Some(o) => {
            let o = borrow(&o)?;
            Ok(Some((o.code, o.data.clone())))
        }
        None => Ok(None),
    }
}

fn a_eq(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__eq__")?;
    let other = arg1(&a, "__eq__")?;
    let mine = borrow(&st)?.items();
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

/// `<`, `<=`, `>`, `>=` as `array_richcompare`: the first pair of items
/// that differ decides, else the lengths.
fn ordered(vm: &mut Vm, a: &Args<'_>, op: CmpOp, name: &str) -> PyResult<Value> {
    let st = me(a, name)?;
    let other = arg1(a, name)?;
    let mine = borrow(&st)?.items();
    let Some((_, theirs)) = items_of(other)? else {
        return Ok(Value::NotImplemented);
    };
    for (x, y) in mine.iter().zip(&theirs) {
        if !vm.compare_bool(CmpOp::Eq, x, y)? {
            return vm.rich_compare(op, x, y);
        }
    }
    let (m, t) = (mine.len(), theirs.len());
    Ok(Value::Bool(match op {
        CmpOp::Lt => m < t,
        CmpOp::Le => m <= t,
        CmpOp::Gt => m > t,
        _ => m >= t,
    }))
}

fn a_lt(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    ordered(vm, &a, CmpOp::Lt, "__lt__")
}

fn a_le(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    ordered(vm, &a, CmpOp::Le, "__le__")
}

fn a_gt(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    ordered(vm, &a, CmpOp::Gt, "__gt__")
}

fn a_ge(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    ordered(vm, &a, CmpOp::Ge, "__ge__")
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
    let items = borrow(&st)?.items();
    for v in &items {
        if vm.compare_bool(CmpOp::Eq, v, x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn joined(a: &Args<'_>, name: &str) -> PyResult<(u8, Vec<u8>, Vec<u8>)> {
    let st = me(a, name)?;
    let other = arg1(a, name)?;
    let (code, mine) = {
        let s = borrow(&st)?;
        (s.code, s.data.clone())
    };
    let Some((oc, theirs)) = data_of(other)? else {
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

/// Appends the bytes of an array of the same typecode.
fn extend_same(st: &RefCell<Array>, theirs: &[u8]) -> PyResult<()> {
    let mut s = borrow(st)?;
    let n = theirs.len() / s.size();
    s.resize_to(s.len() + n)?;
    s.data.extend_from_slice(theirs);
    Ok(())
}

fn a_iadd(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__iadd__")?;
    let other = arg1(&a, "__iadd__")?;
    let code = borrow(&st)?.code;
    let Some((oc, theirs)) = data_of(other)? else {
        return Err(PyErr::type_error(format!(
            "can only extend array with array (not \"{}\")",
            type_name(other)
        )));
    };
    if oc != code {
        return Err(PyErr::type_error("can only extend with array of same kind"));
    }
    extend_same(&st, &theirs)?;
    Ok(a.pos[0].clone())
}

/// Refuses a repeat count without `__index__` with the message of
/// CPython's sequence repetition (`array * 2.0`).
fn repeat_count(n: &Value) -> PyResult<()> {
    if crate::protocol::has_index(n) {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(n)
        )))
    }
}

/// The bytes of `data` repeated `n` times, within the VM's memory budget.
fn repeated(vm: &mut Vm, data: &[u8], n: &Value) -> PyResult<Vec<u8>> {
    let n = vm.index_value(n)?.max(0) as usize;
    let total = data.len().saturating_mul(n);
    super::charge(vm, total as u64 / 128)?;
    if total > (1 << 34) {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    Ok(data.repeat(n))
}

fn a_mul(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__mul__")?;
    let n = arg1(&a, "__mul__")?;
    repeat_count(n)?;
    let (code, data) = {
        let s = borrow(&st)?;
        (s.code, s.data.clone())
    };
    let out = repeated(vm, &data, n)?;
    Ok(new_array(vm, code, out))
}

/// `n * array`: a count without `__index__` leaves the error to the left
/// operand's repetition (`'x' * array` names the array's type).
fn a_rmul(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let n = arg1(&a, "__rmul__")?;
    if !crate::protocol::has_index(n) {
        return Ok(Value::NotImplemented);
    }
    a_mul(vm, a)
}

fn a_imul(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__imul__")?;
    let n = arg1(&a, "__imul__")?;
    repeat_count(n)?;
    let data = borrow(&st)?.data.clone();
    let out = repeated(vm, &data, n)?;
    let mut s = borrow(&st)?;
    s.resize_to(out.len() / s.size())?;
    s.data = out;
    Ok(a.pos[0].clone())
}

fn a_append(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "append")?;
    let v = arg1(&a, "append")?;
    let code = borrow(&st)?.code;
    let x = convert(vm, code, v)?;
    borrow(&st)?.push_all(&[x])?;
    Ok(Value::None)
}

fn a_extend(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "extend")?;
    let v = arg1(&a, "extend")?;
    let code = borrow(&st)?.code;
    if let Some((oc, theirs)) = data_of(v)? {
        if oc != code {
            return Err(PyErr::type_error("can only extend with array of same kind"));
        }
        return extend_same(&st, &theirs).map(|()| Value::None);
    }
    for item in vm.collect(v)? {
        let x = convert(vm, code, &item)?;
        borrow(&st)?.push_all(&[x])?;
    }
    Ok(Value::None)
}

fn a_tobytes(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "tobytes")?;
    rest(&a).no_args("array.tobytes")?;
    let s = borrow(&st)?;
    Ok(Value::Bytes(Rc::new(s.data.clone())))
}

/// The bytes an array exports through the buffer protocol (its machine
/// layout, as `tobytes` gives), if `v` is an array.
pub(crate) fn exported_bytes(v: &Value) -> Option<PyResult<Vec<u8>>> {
    let st = state_of::<Array>(v)?;
    let s = borrow(&st);
    Some(s.map(|s| s.data.clone()))
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
    rest(&a).no_args("array.tolist")?;
    let items = borrow(&st)?.items();
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
    borrow(&st)?.push_all(&conv)?;
    Ok(Value::None)
}

fn a_pop(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "pop")?;
    let args = positional(&crate::native::rest(&a), "pop", 0, 1)?;
    let len = borrow(&st)?.len();
    if len == 0 {
        return Err(PyErr::index_error("pop from empty array"));
    }
    let i = match args.first() {
        None => len - 1,
        Some(k) => index_in(vm, k, len, "pop index out of range")?,
    };
    let mut s = borrow(&st)?;
    let v = s.get(i);
    s.resize_to(len - 1)?;
    let size = s.size();
    s.data.drain(i * size..(i + 1) * size);
    Ok(v)
}

fn a_insert(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "insert")?;
    let [i, v] = positional(&crate::native::rest(&a), "insert", 2, 2)? else {
        return Err(PyErr::type_error("insert expected 2 arguments"));
    };
    let (code, len) = {
        let s = borrow(&st)?;
        (s.code, s.len() as i64)
    };
    let mut i = vm.index_value(i)?;
    if i < 0 {
        i = (i + len).max(0);
    }
    let x = convert(vm, code, v)?;
    let mut buf = Vec::with_capacity(8);
    item_bytes(code, &x, &mut buf);
    let mut s = borrow(&st)?;
    s.resize_to(len as usize + 1)?;
    let at = i.min(len) as usize * buf.len();
    s.data.splice(at..at, buf);
    Ok(Value::None)
}

fn position(vm: &mut Vm, st: &RefCell<Array>, x: &Value) -> PyResult<Option<usize>> {
    let items = borrow(st)?.items();
    for (i, v) in items.iter().enumerate() {
        if vm.compare_bool(CmpOp::Eq, v, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// `index(v, start=0, stop=sys.maxsize, /)`.
fn a_index(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "index")?;
    let args = positional(&rest(&a), "index", 1, 3)?;
    let len = borrow(&st)?.len() as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        let i = match v {
            Some(v) => crate::protocol::slice_index(vm, v)?,
            None => default,
        };
        Ok(if i < 0 { (i + len).max(0) } else { i })
    };
    let start = bound(vm, args.get(1), 0)?;
    let stop = bound(vm, args.get(2), i64::MAX)?;
    let mut i = start;
    while i < stop {
        // The array may shrink under `__eq__`: stop at its current end.
        let item = {
            let s = borrow(&st)?;
            if i as usize >= s.len() {
                break;
            }
            s.get(i as usize)
        };
        if vm.compare_bool(CmpOp::Eq, &item, &args[0])? {
            return Ok(Value::Int(i));
        }
        i += 1;
    }
    Err(PyErr::value_error("array.index(x): x not in array"))
}

fn a_count(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "count")?;
    let x = arg1(&a, "count")?;
    let items = borrow(&st)?.items();
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
            let mut s = borrow(&st)?;
            let len = s.len();
            s.resize_to(len - 1)?;
            let size = s.size();
            s.data.drain(i * size..(i + 1) * size);
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("array.remove(x): x not in array")),
    }
}

fn a_reverse(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "reverse")?;
    rest(&a).no_args("array.reverse")?;
    let mut s = borrow(&st)?;
    let size = s.size();
    let data = std::mem::take(&mut s.data);
    s.data = data.chunks_exact(size).rev().flatten().copied().collect();
    Ok(Value::None)
}

fn a_byteswap(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "byteswap")?;
    rest(&a).no_args("array.byteswap")?;
    let mut s = borrow(&st)?;
    let size = s.size();
    for c in s.data.chunks_exact_mut(size) {
        c.reverse();
    }
    Ok(Value::None)
}

fn a_buffer_info(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "buffer_info")?;
    rest(&a).no_args("array.buffer_info")?;
    let n = borrow(&st)?.len();
    // No stable address exists for the items; the identity stands in for it.
    let addr = a.pos.first().map_or(0, Value::identity) as i64;
    Ok(Value::tuple(vec![Value::Int(addr), Value::Int(n as i64)]))
}

fn a_tounicode(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "tounicode")?;
    rest(&a).no_args("array.tounicode")?;
    let s = borrow(&st)?;
    if s.code != b'u' {
        return Err(PyErr::value_error(
            "tounicode() may only be called on unicode type arrays",
        ));
    }
    s.text()
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
    let added = text.code_points().count();
    s.resize_to(s.len() + added)?;
    for cp in text.code_points() {
        s.data.extend_from_slice(&cp.to_ne_bytes());
    }
    Ok(Value::None)
}

fn a_copy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__copy__")?;
    let (code, data) = {
        let s = borrow(&st)?;
        (s.code, s.data.clone())
    };
    Ok(new_array(vm, code, data))
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

/// The array class, for `_array_reconstructor`'s subtype check.
pub(super) fn array_class(vm: &mut Vm) -> Rc<crate::types::TypeObj> {
    class_of(vm, &ARRAY)
}

/// A new array of class `cls` over machine bytes already in its layout.
pub(super) fn new_of_class(cls: &Rc<crate::types::TypeObj>, code: u8, data: Vec<u8>) -> Value {
    let mut arr = empty(code);
    arr.data = data;
    new_object(cls, arr)
}

fn a_reduce_ex(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__reduce_ex__")?;
    let proto = arg1(&a, "__reduce_ex__")?;
    let proto = vm.index_value(proto)?;
    let (code, data, items) = {
        let s = borrow(&st)?;
        (s.code, s.data.clone(), s.items())
    };
    super::array_pickle::reduce(vm, &a.pos[0], proto, code, data, items)
}
