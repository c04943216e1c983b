//! `_lzma.LZMADecompressor`.

use std::rc::Rc;

use liblzma::stream::{
    Action, Error as StreamError, Status, Stream, TELL_ANY_CHECK, TELL_NO_CHECK,
};

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    bind_args, borrow, cls_arg, native_fn, native_methods, new_object, receiver, rest, ClassSpec,
    PropSpec, SpecFlags,
};
use crate::types::{ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::super::bz2::input::DecompInput;
use super::super::bz2::{refuse_pickle, CHUNK};
use super::filters::{build_chain, parse_chain};
use super::{c_int, raise, to_u64, LzmaErr};

native_methods!(METHODS, "LZMADecompressor", [
    "__new__" => dec_new, "decompress" => dec_decompress, "__reduce__" => refuse_pickle,
]);

native_fn!(CHECK, "check", "LZMADecompressor", dec_check);
native_fn!(EOF, "eof", "LZMADecompressor", dec_eof);
native_fn!(NEEDS, "needs_input", "LZMADecompressor", dec_needs_input);
native_fn!(UNUSED, "unused_data", "LZMADecompressor", dec_unused_data);

static PROPS: &[PropSpec] = &[
    PropSpec {
        name: "check",
        get: &CHECK,
        set: None,
    },
    PropSpec {
        name: "eof",
        get: &EOF,
        set: None,
    },
    PropSpec {
        name: "needs_input",
        get: &NEEDS,
        set: None,
    },
    PropSpec {
        name: "unused_data",
        get: &UNUSED,
        set: None,
    },
];

/// `_lzma.LZMADecompressor`.
pub(super) static LZMA_DECOMPRESSOR: ClassSpec = ClassSpec {
    name: "LZMADecompressor",
    module: "_lzma",
    base: TypeKind::Object,
    methods: METHODS,
    classmethods: &[],
    props: PROPS,
    unhashable: false,
    flags: SpecFlags::NONE,
};

/// `CHECK_UNKNOWN`: the check is not known until the stream header is read.
const CHECK_UNKNOWN: i64 = 16;

/// A decoder and what CPython exposes of it.
struct DecompState {
    stream: Stream,
    check: i64,
    input: DecompInput,
    /// The first bytes of the stream: an .xz header names its check in its
    /// eighth byte, which liblzma announces (`LZMA_GET_CHECK`) once read.
    head: Vec<u8>,
}

/// `LZMADecompressor(format=FORMAT_AUTO, memlimit=None, filters=None)`.
fn dec_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let names = ["format", "memlimit", "filters"];
    let args = bind_args(&rest(&a), "LZMADecompressor", &names, 0)?;
    let format = match args[0] {
        Some(v) => c_int(vm, v)?,
        None => 0,
    };
    let memlimit = args[1].filter(|v| !matches!(v, Value::None));
    let specs = args[2].filter(|v| !matches!(v, Value::None));
    let mut limit = u64::MAX;
    if let Some(m) = memlimit {
        if format == 3 {
            return Err(PyErr::value_error(
                "Cannot specify memory limit with FORMAT_RAW",
            ));
        }
        limit = to_u64(m)?;
    }
    if format == 3 && specs.is_none() {
        return Err(PyErr::value_error("Must specify filters for FORMAT_RAW"));
    }
    if format != 3 && specs.is_some() {
        return Err(PyErr::value_error(
            "Cannot specify filters except with FORMAT_RAW",
        ));
    }
    let flags = TELL_ANY_CHECK | TELL_NO_CHECK;
    let (stream, check) = match format {
        0 => (
            Stream::new_auto_decoder(limit, flags).map_err(LzmaErr::from),
            CHECK_UNKNOWN,
        ),
        1 => (
            Stream::new_stream_decoder(limit, flags).map_err(LzmaErr::from),
            CHECK_UNKNOWN,
        ),
        2 => (Stream::new_lzma_decoder(limit).map_err(LzmaErr::from), 0),
        3 => {
            let chain = match specs {
                Some(s) => parse_chain(vm, s)?,
                None => Vec::new(),
            };
            let r = build_chain(&chain).and_then(|f| {
                if chain.is_empty() {
                    // liblzma refuses an empty chain as a misuse.
                    return Err(LzmaErr::Program);
                }
                Stream::new_raw_decoder(&f).map_err(LzmaErr::from)
            });
            (r, 0)
        }
        _ => {
            return Err(PyErr::value_error(format!(
                "Invalid container format: {format}"
            )))
        }
    };
    let stream = stream.map_err(|e| raise(vm, e))?;
    Ok(new_object(
        &cls,
        DecompState {
            stream,
            check,
            input: DecompInput::new(),
            head: Vec::new(),
        },
    ))
}

/// What one `decompress` call did.
struct Step {
    /// Input bytes consumed.
    used: usize,
    /// Whether the end of the stream was reached.
    end: bool,
    /// Whether the last call filled its output (more may be pending).
    full: bool,
}

/// Decodes from `input` into `out` until the stream ends, the input is used
/// up with room left in the output, or `out` holds `max` bytes (`None`: no
/// limit), in the order of CPython's `decompress_buf`.
fn run(
    st: &mut DecompState,
    input: &[u8],
    out: &mut Vec<u8>,
    max: Option<usize>,
) -> Result<Step, LzmaErr> {
    let mut buf = vec![0u8; CHUNK];
    let mut pos = 0usize;
    loop {
        let room = match max {
            Some(m) => m.saturating_sub(out.len()).min(CHUNK),
            None => CHUNK,
        };
        let before_in = st.stream.total_in();
        let before_out = st.stream.total_out();
        let r = st
            .stream
            .process(&input[pos..], &mut buf[..room], Action::Run);
        let start = pos;
        pos += (st.stream.total_in() - before_in) as usize;
        if st.head.len() < 8 {
            let take = (8 - st.head.len()).min(pos - start);
            st.head.extend_from_slice(&input[start..start + take]);
        }
        let made = (st.stream.total_out() - before_out) as usize;
        out.extend_from_slice(&buf[..made]);
        let full = made == room;
        let status = match r {
            Ok(Status::MemNeeded) if pos >= input.len() && !full => Status::Ok,
            Ok(Status::MemNeeded) => return Err(LzmaErr::Buf),
            Ok(Status::GetCheck) => {
                st.check = st
                    .head
                    .get(7)
                    .map_or(CHECK_UNKNOWN, |b| i64::from(b & 0x0f));
                Status::GetCheck
            }
            Ok(s) => s,
            Err(StreamError::NoCheck) => {
                st.check = 0;
                Status::Ok
            }
            Err(e) => return Err(e.into()),
        };
        if matches!(status, Status::StreamEnd) {
            return Ok(Step {
                used: pos,
                end: true,
                full,
            });
        }
        if full {
            if max.is_some_and(|m| out.len() >= m) {
                return Ok(Step {
                    used: pos,
                    end: false,
                    full,
                });
            }
        } else if pos >= input.len() {
            return Ok(Step {
                used: pos,
                end: false,
                full,
            });
        }
    }
}

/// `decompress(data, max_length=-1)`.
fn dec_decompress(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DecompState>(&a, "_lzma.LZMADecompressor", "decompress")?;
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
    let st = &mut *borrow(&st)?;
    if st.input.eof {
        return Err(PyErr::new(ExcKind::EOFError, "Already at end of stream"));
    }
    let (input, start) = st.input.take(data);
    let mut out = Vec::new();
    let step = run(st, &input[start..], &mut out, max).map_err(|e| raise(vm, e))?;
    // A full output may have more behind it: no input is asked for then.
    st.input
        .settle(input, start + step.used, step.end, step.full);
    Ok(Value::Bytes(Rc::new(out)))
}

fn dec_check(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DecompState>(&a, "_lzma.LZMADecompressor", "check")?;
    let v = borrow(&st)?.check;
    Ok(Value::Int(v))
}

fn dec_eof(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DecompState>(&a, "_lzma.LZMADecompressor", "eof")?;
    let v = borrow(&st)?.input.eof;
    Ok(Value::Bool(v))
}

fn dec_needs_input(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DecompState>(&a, "_lzma.LZMADecompressor", "needs_input")?;
    let v = borrow(&st)?.input.needs_input;
    Ok(Value::Bool(v))
}

fn dec_unused_data(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DecompState>(&a, "_lzma.LZMADecompressor", "unused_data")?;
    let v = borrow(&st)?.input.unused_data.clone();
    Ok(Value::Bytes(Rc::new(v)))
}
