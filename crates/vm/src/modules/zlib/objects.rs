//! `zlib.Compress` and `zlib.Decompress`, the objects of `compressobj()` and
//! `decompressobj()`.

use std::rc::Rc;

use flate2::FlushCompress;

use crate::buffer::bytes_like;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    bind_args, borrow, class_of, native_fn, native_methods, new_native, receiver, rest, ClassSpec,
    PropSpec, SpecFlags,
};
use crate::types::TypeKind;
use crate::value::Value;
use crate::vm::Vm;

use super::stream::{deflate_wbits, inflate_wbits, Deflater, Inflater};
use super::{error, int_arg, level_arg, stream_error, DEF_BUF_SIZE};

native_methods!(COMPRESS_METHODS, "Compress", [
    "compress" => comp_compress, "flush" => comp_flush, "copy" => comp_copy,
    "__copy__" => comp_copy, "__deepcopy__" => comp_deepcopy,
]);

static COMPRESS: ClassSpec = ClassSpec {
    name: "Compress",
    module: "zlib",
    base: TypeKind::Object,
    methods: COMPRESS_METHODS,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::MUTABLE,
};

native_methods!(DECOMPRESS_METHODS, "Decompress", [
    "decompress" => dec_decompress, "flush" => dec_flush, "copy" => dec_copy,
    "__copy__" => dec_copy, "__deepcopy__" => dec_deepcopy,
]);

native_fn!(UNUSED_DATA, "unused_data", "Decompress", dec_unused_data);
native_fn!(
    UNCONSUMED_TAIL,
    "unconsumed_tail",
    "Decompress",
    dec_unconsumed_tail
);
native_fn!(EOF, "eof", "Decompress", dec_eof);

static DECOMPRESS_PROPS: &[PropSpec] = &[
    PropSpec {
        name: "unused_data",
        get: &UNUSED_DATA,
        set: None,
    },
    PropSpec {
        name: "unconsumed_tail",
        get: &UNCONSUMED_TAIL,
        set: None,
    },
    PropSpec {
        name: "eof",
        get: &EOF,
        set: None,
    },
];

static DECOMPRESS: ClassSpec = ClassSpec {
    name: "Decompress",
    module: "zlib",
    base: TypeKind::Object,
    methods: DECOMPRESS_METHODS,
    classmethods: &[],
    props: DECOMPRESS_PROPS,
    unhashable: false,
    flags: SpecFlags::MUTABLE,
};

/// Makes both classes, so that they exist before the first object.
pub(super) fn classes(vm: &mut Vm) -> [Rc<crate::types::TypeObj>; 2] {
    [class_of(vm, &COMPRESS), class_of(vm, &DECOMPRESS)]
}

/// A compression object; `None` once `flush(Z_FINISH)` ended the stream.
struct CompState {
    stream: Option<Deflater>,
}

/// A decompression object and the leftovers CPython exposes.
struct DecompState {
    stream: Inflater,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
    eof: bool,
    /// `flush()` saw the end of the stream and released it, as CPython's
    /// `inflateEnd` there does: a copy is then refused.
    released: bool,
}

fn bytes(v: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(v))
}

/// `compressobj(level=-1, method=DEFLATED, wbits=15, memLevel=8, strategy=0, zdict=None)`.
///
/// `flate2` always deflates with memLevel 8 and the default strategy; other
/// valid values are accepted, and then the output can differ from CPython's.
pub(super) fn compressobj(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let names = ["level", "method", "wbits", "memLevel", "strategy", "zdict"];
    let args = bind_args(&a, "compressobj", &names, 0)?;
    let level = int_arg(vm, args[0], -1)?;
    let method = int_arg(vm, args[1], 8)?;
    let wbits = int_arg(vm, args[2], 15)?;
    let mem_level = int_arg(vm, args[3], 8)?;
    let strategy = int_arg(vm, args[4], 0)?;
    let zdict = match args[5] {
        Some(v) => Some(bytes_like(v)?),
        None => None,
    };
    let (Some(level), Some((format, bits))) = (level_arg(level), deflate_wbits(wbits)) else {
        return Err(PyErr::value_error("Invalid initialization option"));
    };
    if method != 8 || !(1..=9).contains(&mem_level) || !(0..=4).contains(&strategy) {
        return Err(PyErr::value_error("Invalid initialization option"));
    }
    let stream = Deflater::new(level, format, bits, zdict)
        .map_err(|e| stream_error(vm, "creating compression object", e))?;
    Ok(new_native(
        vm,
        &COMPRESS,
        CompState {
            stream: Some(stream),
        },
    ))
}

/// `decompressobj(wbits=15, zdict=b'')`.
pub(super) fn decompressobj(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "decompressobj", &["wbits", "zdict"], 0)?;
    let wbits = int_arg(vm, args[0], 15)?;
    let zdict =
        match args[1] {
            Some(v) => Some(bytes_like(v).map_err(|_| {
                PyErr::type_error("zdict argument must support the buffer protocol")
            })?),
            None => None,
        };
    let Some(format) = inflate_wbits(wbits) else {
        return Err(PyErr::value_error("Invalid initialization option"));
    };
    let stream = Inflater::new(format, zdict)
        .map(|s| s.with_window(wbits))
        .map_err(|e| stream_error(vm, "creating decompression object", e))?;
    let st = DecompState {
        stream,
        unused_data: Vec::new(),
        unconsumed_tail: Vec::new(),
        eof: false,
        released: false,
    };
    Ok(new_native(vm, &DECOMPRESS, st))
}

/// The arguments after the receiver, at most `max` of them (Argument
/// Clinic's "NAME() takes at most N argument(s) (M given)").
fn at_most<'a>(a: &Args<'a>, name: &str, max: usize) -> PyResult<Args<'a>> {
    let r = rest(a);
    let n = r.pos.len() + r.kwnames.len();
    if n > max {
        return Err(PyErr::type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            name,
            max,
            if max == 1 { "" } else { "s" },
            n
        )));
    }
    Ok(r)
}

/// The single positional data argument of `NAME(data, /)`.
fn one_data(a: &Args<'_>, name: &str) -> PyResult<Vec<u8>> {
    let r = at_most(a, name, 1)?;
    let Some(data) = r.pos.first() else {
        return Err(PyErr::type_error(format!(
            "{name}() takes exactly 1 positional argument (0 given)"
        )));
    };
    bytes_like(data)
}

fn comp_compress(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<CompState>(&a, "Compress", "compress")?;
    let data = one_data(&a, "compress")?;
    let mut st = borrow(&st)?;
    let Some(stream) = st.stream.as_mut() else {
        return Err(error(
            vm,
            "Error -2 while compressing data: inconsistent stream state",
        ));
    };
    let out = stream
        .run(&data, FlushCompress::None)
        .map_err(|e| stream_error(vm, "compressing data", e))?;
    Ok(bytes(out))
}

fn comp_flush(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<CompState>(&a, "Compress", "flush")?;
    let args = at_most(&a, "flush", 1)?;
    let mode = int_arg(vm, args.pos.first(), 4)?;
    if mode == 0 {
        // Z_NO_FLUSH: nothing to do, as in CPython.
        return Ok(bytes(Vec::new()));
    }
    let flush = match mode {
        1 | 5 => FlushCompress::Partial,
        2 => FlushCompress::Sync,
        3 => FlushCompress::Full,
        4 => FlushCompress::Finish,
        _ => {
            return Err(error(
                vm,
                "Error -2 while flushing: inconsistent stream state",
            ));
        }
    };
    let mut st = borrow(&st)?;
    let Some(stream) = st.stream.as_mut() else {
        return Err(error(
            vm,
            "Error -2 while flushing: inconsistent stream state",
        ));
    };
    let out = stream
        .run(&[], flush)
        .map_err(|e| stream_error(vm, "flushing", e))?;
    if mode == 4 {
        st.stream = None;
    }
    Ok(bytes(out))
}

fn comp_copy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<CompState>(&a, "Compress", "copy")?;
    let st = borrow(&st)?;
    let Some(stream) = st.stream.as_ref() else {
        return Err(PyErr::value_error("Inconsistent stream state"));
    };
    let copy = stream
        .duplicate()
        .map_err(|e| stream_error(vm, "copying compression object", e))?;
    drop(st);
    Ok(new_native(vm, &COMPRESS, CompState { stream: Some(copy) }))
}

fn comp_deepcopy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let recv = Args::positional(a.pos.get(..1).unwrap_or(&[]));
    comp_copy(vm, recv)
}

fn dec_decompress(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DecompState>(&a, "Decompress", "decompress")?;
    let r = at_most(&a, "decompress", 2)?;
    let Some(data) = r.pos.first() else {
        return Err(PyErr::type_error(
            "decompress() takes at least 1 positional argument (0 given)",
        ));
    };
    let data = bytes_like(data)?;
    let args = bind_args(&rest(&r), "decompress", &["max_length"], 0)?;
    let max_length = int_arg(vm, args[0], 0)?;
    if max_length < 0 {
        return Err(PyErr::value_error("max_length must be non-negative"));
    }
    let mut st = borrow(&st)?;
    let mut out = Vec::new();
    let res = st
        .stream
        .run(&data, &mut out, max_length as usize, false)
        .map_err(|e| stream_error(vm, "decompressing data", e))?;
    let left = data.get(res.consumed..).unwrap_or(&[]).to_vec();
    if res.end {
        st.eof = true;
        st.unused_data.extend_from_slice(&left);
        st.unconsumed_tail.clear();
    } else {
        st.unconsumed_tail = left;
    }
    Ok(bytes(out))
}

fn dec_flush(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DecompState>(&a, "Decompress", "flush")?;
    let args = at_most(&a, "flush", 1)?;
    let length = int_arg(vm, args.pos.first(), DEF_BUF_SIZE)?;
    if length <= 0 {
        return Err(PyErr::value_error("length must be greater than zero"));
    }
    let mut st = borrow(&st)?;
    let tail = std::mem::take(&mut st.unconsumed_tail);
    let mut out = Vec::new();
    let res = st
        .stream
        .run(&tail, &mut out, 0, true)
        .map_err(|e| stream_error(vm, "flushing", e))?;
    let left = tail.get(res.consumed..).unwrap_or(&[]).to_vec();
    if res.end || st.eof {
        st.released = true;
    }
    if res.end {
        st.eof = true;
        st.unused_data.extend_from_slice(&left);
    } else {
        st.unconsumed_tail = left;
    }
    Ok(bytes(out))
}

fn dec_copy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DecompState>(&a, "Decompress", "copy")?;
    let st = borrow(&st)?;
    if st.released {
        return Err(PyErr::value_error("Inconsistent stream state"));
    }
    let stream = st
        .stream
        .duplicate()
        .map_err(|e| stream_error(vm, "copying decompression object", e))?;
    let copy = DecompState {
        stream,
        unused_data: st.unused_data.clone(),
        unconsumed_tail: st.unconsumed_tail.clone(),
        eof: st.eof,
        released: false,
    };
    drop(st);
    Ok(new_native(vm, &DECOMPRESS, copy))
}

fn dec_deepcopy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let recv = Args::positional(a.pos.get(..1).unwrap_or(&[]));
    dec_copy(vm, recv)
}

fn dec_unused_data(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DecompState>(&a, "Decompress", "unused_data")?;
    let v = borrow(&st)?.unused_data.clone();
    Ok(bytes(v))
}

fn dec_unconsumed_tail(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DecompState>(&a, "Decompress", "unconsumed_tail")?;
    let v = borrow(&st)?.unconsumed_tail.clone();
    Ok(bytes(v))
}

fn dec_eof(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DecompState>(&a, "Decompress", "eof")?;
    let v = borrow(&st)?.eof;
    Ok(Value::Bool(v))
}
