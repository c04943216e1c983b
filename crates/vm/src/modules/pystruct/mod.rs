//! `_struct`: CPython's `Modules/_struct.c`, conversion between Python values
//! and C structs packed in bytes (`struct.pack`, `unpack`, `Struct`, ...).
//! `format.rs` parses a format once into runs of fields; `codec.rs` converts
//! one item with CPython's messages.

mod codec;
mod format;

use std::cell::RefCell;
use std::rc::Rc;

use crate::buffer::bytes_like;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    bind_args, borrow, class_of, cls_arg, iter_self, native_fn, native_methods, new_native,
    new_object, positional, receiver, stop, ClassSpec, PropSpec, SpecFlags,
};
use crate::types::{type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;
use format::Layout;

/// `struct.error`.
pub(crate) fn error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    let t = super::native_exc::class(vm, "struct.error", "struct", "error", ExcKind::Exception);
    super::native_exc::raise(&t, msg)
}

/// The state of a `Struct`: its format text and parsed layout.
pub struct StructState {
    format: String,
    layout: Rc<Layout>,
}

native_methods!(STRUCT_M, "Struct", [
    "__new__" => struct_new, "__init__" => struct_init, "pack" => s_pack,
    "pack_into" => s_pack_into, "unpack" => s_unpack, "unpack_from" => s_unpack_from,
    "iter_unpack" => s_iter_unpack, "__sizeof__" => s_sizeof,
]);
native_fn!(FORMAT_GET, "format", "Struct", s_format);
native_fn!(SIZE_GET, "size", "Struct", s_size);
static STRUCT_P: &[PropSpec] = &[
    PropSpec {
        name: "format",
        get: &FORMAT_GET,
        set: None,
    },
    PropSpec {
        name: "size",
        get: &SIZE_GET,
        set: None,
    },
];
static STRUCT: ClassSpec = ClassSpec {
    name: "Struct",
    module: "_struct",
    base: TypeKind::Object,
    methods: STRUCT_M,
    classmethods: &[],
    props: STRUCT_P,
    unhashable: false,
    flags: SpecFlags::BASETYPE.with(SpecFlags::WEAKREFS),
};

native_methods!(ITER_M, "unpack_iterator", [
    "__new__" => it_new, "__iter__" => iter_self, "__next__" => it_next, "__length_hint__" => it_len,
]);
/// Only `iter_unpack` makes them (the message is CPython's, typo included).
fn it_new(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::type_error("Cannot create 'unpack_iterator objects"))
}

static UNPACK_ITER: ClassSpec = ClassSpec {
    name: "unpack_iterator",
    module: "_struct",
    base: TypeKind::Object,
    methods: ITER_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

struct UnpackIter {
    layout: Rc<Layout>,
    data: Vec<u8>,
    pos: usize,
}

super::module_functions!(STRUCT_FUNCTIONS, "_struct", [
    "pack" => m_pack, "pack_into" => m_pack_into, "unpack" => m_unpack,
    "unpack_from" => m_unpack_from, "iter_unpack" => m_iter_unpack, "calcsize" => m_calcsize,
    "_clearcache" => m_clearcache,
]);

const DOC: &str = "Functions to convert between Python values and C structs.
Python bytes objects are used to hold the data representing the C struct
and also as format strings (explained below) to describe the layout of data
in the C struct.

The optional first format char indicates byte order, size and alignment:
  @: native order, size & alignment (default)
  =: native order, std. size & alignment
  <: little-endian, std. size & alignment
  >: big-endian, std. size & alignment
  !: same as >

The remaining chars indicate types of args and must match exactly;
these can be preceded by a decimal repeat count:
  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;
  ?: _Bool (requires C99; if not available, char is used instead)
  h:short; H:unsigned short; i:int; I:unsigned int;
  l:long; L:unsigned long; f:float; d:double; e:half-float.
Special cases (preceding decimal count indicates length):
  s:string (array of char); p: pascal string (with count byte).
Special cases (only available in native format):
  n:ssize_t; N:size_t;
  P:an integer type that is wide enough to hold a pointer.
Special case (not in native mode unless 'long long' in platform C):
  q:long long; Q:unsigned long long
Whitespace between formats is ignored.

The variable struct.error is an exception raised on errors.
";

/// Builds the `_struct` module.
pub fn init(vm: &mut Vm) -> Value {
    let err = super::native_exc::class(vm, "struct.error", "struct", "error", ExcKind::Exception);
    let cls = class_of(vm, &STRUCT);
    let _ = class_of(vm, &UNPACK_ITER);
    new_module(
        "_struct",
        STRUCT_FUNCTIONS,
        vec![
            ("Struct", Value::Type(cls)),
            ("error", Value::Type(err)),
            ("__doc__", Value::str(DOC)),
        ],
    )
}

/// Parses a format argument (str or bytes).
fn compile(vm: &mut Vm, fmt: &Value) -> PyResult<StructState> {
    let (text, bytes): (String, Vec<u8>) = match fmt {
        Value::Str(s) => {
            if !s.is_ascii() {
                // The strict ASCII encoder's error: the first run of
                // characters it cannot encode.
                let cps: Vec<u32> = s.code_points().collect();
                let start = cps.iter().position(|&c| c >= 128).unwrap_or(0);
                let run = cps[start..].iter().take_while(|&&c| c >= 128).count();
                return Err(crate::unicode_error::encode_error(
                    "ascii",
                    fmt.clone(),
                    start,
                    start + run.max(1),
                    "ordinal not in range(128)",
                ));
            }
            (s.as_str().to_string(), s.as_str().as_bytes().to_vec())
        }
        Value::Bytes(b) => (String::from_utf8_lossy(b).into_owned(), b.to_vec()),
        other => {
            return Err(PyErr::type_error(format!(
                "Struct() argument 1 must be a str or bytes object, not {}",
                type_name(other)
            )))
        }
    };
    match format::parse(&bytes) {
        Ok(layout) => Ok(StructState {
            format: text,
            layout: Rc::new(layout),
        }),
        Err(e) => Err(error(vm, e.message())),
    }
}

fn struct_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    Ok(new_object(
        &cls,
        StructState {
            format: String::new(),
            layout: Rc::new(Layout {
                fields: Vec::new(),
                len: 0,
                size: 0,
                mode: format::Mode::Native,
            }),
        },
    ))
}

fn struct_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__init__")?;
    let args = bind_args(&crate::native::rest(&a), "Struct", &["format"], 1)?;
    let fmt = args[0].cloned().unwrap_or(Value::None);
    let new = compile(vm, &fmt)?;
    *borrow(&st)? = new;
    Ok(Value::None)
}

fn me(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<StructState>>> {
    receiver::<StructState>(a, "_struct.Struct", name)
}

fn layout_of(a: &Args<'_>, name: &str) -> PyResult<Rc<Layout>> {
    let st = me(a, name)?;
    let l = borrow(&st)?.layout.clone();
    Ok(l)
}

/// The layout for a module-level call's format argument.
fn layout_arg(vm: &mut Vm, fmt: &Value) -> PyResult<Rc<Layout>> {
    if let Some(st) = crate::native::state_of::<StructState>(fmt) {
        return Ok(borrow(&st)?.layout.clone());
    }
    Ok(compile(vm, fmt)?.layout)
}

fn pack_values(
    vm: &mut Vm,
    l: &Layout,
    vals: &[Value],
    out: &mut [u8],
    what: &str,
) -> PyResult<()> {
    if vals.len() != l.len {
        return Err(error(
            vm,
            format!(
                "{} expected {} items for packing (got {})",
                what,
                l.len,
                vals.len()
            ),
        ));
    }
    let mut it = vals.iter();
    for f in &l.fields {
        for k in 0..f.count {
            let v = it.next().unwrap_or(&Value::None);
            let at = f.offset + k * f.size;
            let slot = &mut out[at..at + f.size];
            let r = codec::pack_item(vm, f.code, l.mode, v, slot);
            codec::check(vm, r)?;
        }
    }
    Ok(())
}

fn unpack_values(l: &Layout, data: &[u8]) -> Value {
    let mut out = Vec::with_capacity(l.len);
    for f in &l.fields {
        for k in 0..f.count {
            let at = f.offset + k * f.size;
            out.push(codec::unpack_item(f.code, l.mode, &data[at..at + f.size]));
        }
    }
    Value::tuple(out)
}

fn pack(vm: &mut Vm, l: &Layout, vals: &[Value]) -> PyResult<Value> {
    super::charge(vm, l.size as u64 / 64)?;
    if vals.len() != l.len {
        return Err(error(
            vm,
            format!(
                "pack expected {} items for packing (got {})",
                l.len,
                vals.len()
            ),
        ));
    }
    // A format may describe more bytes than can be allocated ('9999999999999x').
    let mut out = Vec::new();
    if out.try_reserve_exact(l.size).is_err() {
        return Err(PyErr::with_args(ExcKind::MemoryError, Vec::new()));
    }
    out.resize(l.size, 0);
    pack_values(vm, l, vals, &mut out, "pack")?;
    Ok(Value::Bytes(Rc::new(out)))
}

fn unpack(vm: &mut Vm, l: &Layout, buf: &Value) -> PyResult<Value> {
    let data = bytes_like(buf)?;
    if data.len() != l.size {
        return Err(error(
            vm,
            format!("unpack requires a buffer of {} bytes", l.size),
        ));
    }
    Ok(unpack_values(l, &data))
}

fn offset_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None => Ok(0),
        Some(v) => vm.index_value(v),
    }
}

fn unpack_from(vm: &mut Vm, l: &Layout, buf: &Value, offset: i64) -> PyResult<Value> {
    let data = bytes_like(buf)?;
    let len = data.len() as i64;
    let size = l.size as i64;
    let mut off = offset;
    if off < 0 {
        if off + len < 0 {
            return Err(error(
                vm,
                format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        if off + size > 0 {
            return Err(error(
                vm,
                format!("not enough data to unpack {size} bytes at offset {off}"),
            ));
        }
        off += len;
    }
    if len - off < size {
        return Err(error(
            vm,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
                // CPython adds them as `size_t`.
                (size as u64).wrapping_add(off as u64), size, off, len
            ),
        ));
    }
    let start = off as usize;
    Ok(unpack_values(l, &data[start..start + l.size]))
}

fn pack_into(vm: &mut Vm, l: &Layout, args: &[Value]) -> PyResult<Value> {
    let Some(buf) = args.first() else {
        return Err(PyErr::type_error("pack_into expected buffer argument"));
    };
    let Some(off) = args.get(1) else {
        return Err(PyErr::type_error("pack_into expected offset argument"));
    };
    let vals = &args[2..];
    if vals.len() != l.len {
        return Err(error(
            vm,
            format!(
                "pack_into expected {} items for packing (got {})",
                l.len,
                vals.len()
            ),
        ));
    }
    let target = match crate::buffer::writable(buf) {
        Some(view) => view?,
        None => {
            return Err(PyErr::type_error(format!(
                "argument must be read-write bytes-like object, not {}",
                type_name(buf)
            )))
        }
    };
    let mut off = vm.index_value(off)?;
    let len = target.nbytes();
    let size = l.size as i64;
    if off < 0 {
        if off + size > 0 {
            return Err(error(
                vm,
                format!("no space to pack {size} bytes at offset {off}"),
            ));
        }
        if off + len < 0 {
            return Err(error(
                vm,
                format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        off += len;
    }
    if len - off < size {
        return Err(error(
            vm,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} (actual buffer size is {})",
                // CPython adds them as `size_t`.
                (size as u64).wrapping_add(off as u64), size, off, len
            ),
        ));
    }
    let mut out = vec![0u8; l.size];
    pack_values(vm, l, vals, &mut out, "pack_into")?;
    target.write_at(off as usize, &out)?;
    Ok(Value::None)
}

fn iter_unpack(vm: &mut Vm, l: Rc<Layout>, buf: &Value) -> PyResult<Value> {
    let data = bytes_like(buf)?;
    if l.size == 0 {
        return Err(error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if data.len() % l.size != 0 {
        return Err(error(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                l.size
            ),
        ));
    }
    Ok(new_native(
        vm,
        &UNPACK_ITER,
        UnpackIter {
            layout: l,
            data,
            pos: 0,
        },
    ))
}

// ---- module functions ----

fn format_first<'a>(a: &Args<'a>) -> PyResult<(&'a Value, &'a [Value])> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error("pack() takes no keyword arguments"));
    }
    match a.pos.split_first() {
        Some((f, rest)) => Ok((f, rest)),
        None => Err(PyErr::type_error("missing format argument")),
    }
}

fn m_pack(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (fmt, vals) = format_first(&a)?;
    let l = layout_arg(vm, fmt)?;
    pack(vm, &l, vals)
}

fn m_pack_into(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (fmt, rest) = format_first(&a)?;
    let l = layout_arg(vm, fmt)?;
    pack_into(vm, &l, rest)
}

fn m_unpack(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [fmt, buf] = positional(&a, "unpack", 2, 2)? else {
        return Err(PyErr::type_error("unpack expected 2 arguments"));
    };
    let l = layout_arg(vm, fmt)?;
    unpack(vm, &l, buf)
}

fn m_unpack_from(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some((fmt, rest)) = a.pos.split_first() else {
        return Err(PyErr::type_error(
            "unpack_from() missing required argument 'format' (pos 1)",
        ));
    };
    let r = Args {
        pos: rest,
        kwnames: a.kwnames,
        kwvals: a.kwvals,
    };
    let args = bind_args(&r, "unpack_from", &["buffer", "offset"], 1)?;
    let l = layout_arg(vm, fmt)?;
    let off = offset_arg(vm, args[1])?;
    unpack_from(vm, &l, args[0].unwrap_or(&Value::None), off)
}

fn m_iter_unpack(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [fmt, buf] = positional(&a, "iter_unpack", 2, 2)? else {
        return Err(PyErr::type_error("iter_unpack expected 2 arguments"));
    };
    let l = layout_arg(vm, fmt)?;
    iter_unpack(vm, l, buf)
}

fn m_calcsize(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(
            "_struct.calcsize() takes no keyword arguments",
        ));
    }
    let [fmt] = a.pos else {
        return Err(PyErr::type_error(format!(
            "_struct.calcsize() takes exactly one argument ({} given)",
            a.pos.len()
        )));
    };
    let l = layout_arg(vm, fmt)?;
    Ok(Value::Int(l.size as i64))
}

fn m_clearcache(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

// ---- Struct methods ----

fn s_pack(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = layout_of(&a, "pack")?;
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error("pack() takes no keyword arguments"));
    }
    pack(vm, &l, &a.pos[1..])
}

fn s_pack_into(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = layout_of(&a, "pack_into")?;
    pack_into(vm, &l, &a.pos[1..])
}

fn s_unpack(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = layout_of(&a, "unpack")?;
    let r = crate::native::rest(&a);
    let [buf] = positional(&r, "unpack", 1, 1)? else {
        return Err(PyErr::type_error("unpack expected 1 argument"));
    };
    unpack(vm, &l, buf)
}

fn s_unpack_from(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = layout_of(&a, "unpack_from")?;
    let r = crate::native::rest(&a);
    let args = bind_args(&r, "unpack_from", &["buffer", "offset"], 1)?;
    let off = offset_arg(vm, args[1])?;
    unpack_from(vm, &l, args[0].unwrap_or(&Value::None), off)
}

fn s_iter_unpack(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = layout_of(&a, "iter_unpack")?;
    let r = crate::native::rest(&a);
    let [buf] = positional(&r, "iter_unpack", 1, 1)? else {
        return Err(PyErr::type_error("iter_unpack expected 1 argument"));
    };
    iter_unpack(vm, l, buf)
}

fn s_sizeof(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = layout_of(&a, "__sizeof__")?;
    Ok(Value::Int(72 + 24 * (l.fields.len() as i64 + 1)))
}

fn s_format(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "format")?;
    let f = borrow(&st)?.format.clone();
    Ok(Value::string(f))
}

fn s_size(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = layout_of(&a, "size")?;
    Ok(Value::Int(l.size as i64))
}

// ---- unpack_iterator ----

fn it_next(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<UnpackIter>(&a, "_struct.unpack_iterator", "__next__")?;
    let mut s = borrow(&st)?;
    let size = s.layout.size;
    if s.pos + size > s.data.len() {
        return Err(stop());
    }
    let v = unpack_values(&s.layout, &s.data[s.pos..s.pos + size]);
    s.pos += size;
    Ok(v)
}

fn it_len(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<UnpackIter>(&a, "_struct.unpack_iterator", "__length_hint__")?;
    let s = borrow(&st)?;
    let left = s.data.len().saturating_sub(s.pos) / s.layout.size.max(1);
    Ok(Value::Int(left as i64))
}
