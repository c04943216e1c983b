//! `_bz2.BZ2Decompressor`.

use std::rc::Rc;

use bzip2::{Decompress, Status};

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    bind_args, borrow, cls_arg, native_fn, native_methods, new_object, receiver, rest, ClassSpec,
    PropSpec, SpecFlags,
};
use crate::types::{ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::input::DecompInput;
use super::{bz2_error, refuse_pickle, CHUNK};

native_methods!(METHODS, "BZ2Decompressor", [
    "__new__" => dec_new, "decompress" => dec_decompress, "__reduce__" => refuse_pickle,
]);

native_fn!(EOF, "eof", "BZ2Decompressor", dec_eof);
native_fn!(UNUSED, "unused_data", "BZ2Decompressor", dec_unused_data);
native_fn!(NEEDS, "needs_input", "BZ2Decompressor", dec_needs_input);

static PROPS: &[PropSpec] = &[
    PropSpec {
        name: "eof",
        get: &EOF,
        set: None,
    },
    PropSpec {
        name: "unused_data",
        get: &UNUSED,
        set: None,
    },
    PropSpec {
        name: "needs_input",
        get: &NEEDS,
        set: None,
    },
];

/// `_bz2.BZ2Decompressor`.
pub(super) static BZ2_DECOMPRESSOR: ClassSpec = ClassSpec {
    name: "BZ2Decompressor",
    module: "_bz2",
    base: TypeKind::Object,
    methods: METHODS,
    classmethods: &[],
    props: PROPS,
    unhashable: false,
    flags: SpecFlags::NONE,
};

/// A decompression stream and what CPython exposes of it.
struct DecompState {
    stream: Decompress,
    input: DecompInput,
}

/// `BZ2Decompressor()`.
fn dec_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let r = rest(&a);
    if !r.pos.is_empty() {
        return Err(PyErr::type_error(
            "BZ2Decompressor() takes no positional arguments",
        ));
    }
    if !r.kwnames.is_empty() {
        return Err(PyErr::type_error(
            "BZ2Decompressor() takes no keyword arguments",
        ));
    }
    Ok(new_object(
        &cls,
        DecompState {
            stream: Decompress::new(false),
            input: DecompInput::new(),
        },
    ))
}

/// What one `decompress` call left behind.
struct Step {
    /// Input bytes consumed.
    used: usize,
    /// Whether the end of the stream was reached.
    end: bool,
}

/// Decompresses from `input` into `out` until the stream ends, the input is
/// used up, or `out` holds `max` bytes (`None`: no limit), in the order of
/// CPython's `decompress_buf`.
fn run(
    stream: &mut Decompress,
    input: &[u8],
    out: &mut Vec<u8>,
    max: Option<usize>,
) -> PyResult<Step> {
    let mut buf = vec![0u8; CHUNK];
    let mut pos = 0usize;
    loop {
        let room = match max {
            Some(m) => m.saturating_sub(out.len()).min(CHUNK),
            None => CHUNK,
        };
        let before_in = stream.total_in();
        let before_out = stream.total_out();
        let st = stream
            .decompress(&input[pos..], &mut buf[..room])
            .map_err(bz2_error)?;
        pos += (stream.total_in() - before_in) as usize;
        let made = (stream.total_out() - before_out) as usize;
        out.extend_from_slice(&buf[..made]);
        match st {
            Status::StreamEnd => {
                return Ok(Step {
                    used: pos,
                    end: true,
                })
            }
            Status::MemNeeded => return Err(PyErr::new(ExcKind::MemoryError, "")),
            _ => {}
        }
        if pos >= input.len() || max.is_some_and(|m| out.len() >= m) {
            return Ok(Step {
                used: pos,
                end: false,
            });
        }
    }
}

/// `decompress(data, max_length=-1)`.
fn dec_decompress(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DecompState>(&a, "_bz2.BZ2Decompressor", "decompress")?;
    let args = bind_args(&rest(&a), "decompress", &["data", "max_length"], 1)?;
    let data = match args[0] {
        Some(v) => crate::buffer::bytes_like(v)?,
        None => Vec::new(),
    };
    let max_length = match args[1] {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let max = usize::try_from(max_length).ok();
    let mut st = borrow(&st)?;
    if st.input.eof {
        return Err(PyErr::new(
            ExcKind::EOFError,
            "End of stream already reached",
        ));
    }
    let (input, start) = st.input.take(data);
    let mut out = Vec::new();
    let step = run(&mut st.stream, &input[start..], &mut out, max)?;
    st.input.settle(input, start + step.used, step.end, false);
    Ok(Value::Bytes(Rc::new(out)))
}

fn dec_eof(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DecompState>(&a, "_bz2.BZ2Decompressor", "eof")?;
    let v = borrow(&st)?.input.eof;
    Ok(Value::Bool(v))
}

fn dec_needs_input(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DecompState>(&a, "_bz2.BZ2Decompressor", "needs_input")?;
    let v = borrow(&st)?.input.needs_input;
    Ok(Value::Bool(v))
}

fn dec_unused_data(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DecompState>(&a, "_bz2.BZ2Decompressor", "unused_data")?;
    let v = borrow(&st)?.input.unused_data.clone();
    Ok(Value::Bytes(Rc::new(v)))
}
