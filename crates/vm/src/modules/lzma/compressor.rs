//! `_lzma.LZMACompressor`.

use std::rc::Rc;

use liblzma::stream::{Action, Check, Status, Stream};

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{bind_args, borrow, cls_arg, native_methods, new_object, receiver, rest};
use crate::native::{ClassSpec, SpecFlags};
use crate::types::TypeKind;
use crate::value::Value;
use crate::vm::Vm;

use super::super::bz2::{no_args, one_data, refuse_pickle, CHUNK};
use super::filters::{build_chain, lzma_options, parse_chain, preset_valid, FilterSpec};
use super::{c_int, lzma_error, raise, to_u32, LzmaErr};

native_methods!(METHODS, "LZMACompressor", [
    "__new__" => comp_new, "compress" => comp_compress, "flush" => comp_flush,
    "__reduce__" => refuse_pickle,
]);

/// `_lzma.LZMACompressor`.
pub(super) static LZMA_COMPRESSOR: ClassSpec = ClassSpec {
    name: "LZMACompressor",
    module: "_lzma",
    base: TypeKind::Object,
    methods: METHODS,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

/// An encoder; `flushed` once `flush()` finished it.
struct CompState {
    stream: Stream,
    flushed: bool,
}

/// A `CHECK_*` id as liblzma takes it: ids it does not implement are
/// `LZMA_UNSUPPORTED_CHECK`, ids past `CHECK_ID_MAX` a misuse.
fn check_of(id: i32) -> Result<Check, LzmaErr> {
    match id {
        0 => Ok(Check::None),
        1 => Ok(Check::Crc32),
        4 => Ok(Check::Crc64),
        10 => Ok(Check::Sha256),
        2..=15 => Err(LzmaErr::UnsupportedCheck),
        _ => Err(LzmaErr::Program),
    }
}

/// `LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)`.
fn comp_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let names = ["format", "check", "preset", "filters"];
    let args = bind_args(&rest(&a), "LZMACompressor", &names, 0)?;
    let format = match args[0] {
        Some(v) => c_int(vm, v)?,
        None => 1,
    };
    let check = match args[1] {
        Some(v) => c_int(vm, v)?,
        None => -1,
    };
    let preset_obj = args[2].filter(|v| !matches!(v, Value::None));
    let specs = args[3].filter(|v| !matches!(v, Value::None));
    if format != 1 && check != -1 && check != 0 {
        return Err(PyErr::value_error(
            "Integrity checks are only supported by FORMAT_XZ",
        ));
    }
    if preset_obj.is_some() && specs.is_some() {
        return Err(PyErr::value_error(
            "Cannot specify both preset and filter chain",
        ));
    }
    let preset = match preset_obj {
        Some(v) => to_u32(v)?,
        None => 6,
    };
    let chain = match specs {
        Some(s) if (1..=3).contains(&format) => Some(parse_chain(vm, s)?),
        _ => None,
    };
    let stream = match format {
        1 => {
            let check = if check == -1 { 4 } else { check };
            let r = check_of(check).and_then(|c| match &chain {
                None => Stream::new_easy_encoder(preset, c).map_err(LzmaErr::from),
                Some(ch) => {
                    let f = build_chain(ch)?;
                    Stream::new_stream_encoder(&f, c).map_err(LzmaErr::from)
                }
            });
            r.map_err(|e| raise(vm, e))?
        }
        2 => match &chain {
            None => {
                if !preset_valid(preset) {
                    return Err(lzma_error(
                        vm,
                        format!("Invalid compression preset: {preset}"),
                    ));
                }
                let r = super::filters::lzma_options(&super::filters::LzmaSpec {
                    preset,
                    ..Default::default()
                })
                .and_then(|o| Stream::new_lzma_encoder(&o).map_err(LzmaErr::from));
                r.map_err(|e| raise(vm, e))?
            }
            Some(ch) => match ch.as_slice() {
                [FilterSpec::Lzma { lzma1: true, opts }] => {
                    let r = lzma_options(opts)
                        .and_then(|o| Stream::new_lzma_encoder(&o).map_err(LzmaErr::from));
                    r.map_err(|e| raise(vm, e))?
                }
                _ => {
                    return Err(PyErr::value_error(
                        "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter",
                    ))
                }
            },
        },
        3 => {
            let Some(ch) = &chain else {
                return Err(PyErr::value_error("Must specify filters for FORMAT_RAW"));
            };
            let r = build_chain(ch).and_then(|f| {
                if ch.is_empty() {
                    // liblzma refuses an empty chain as a misuse.
                    return Err(LzmaErr::Program);
                }
                Stream::new_raw_encoder(&f).map_err(LzmaErr::from)
            });
            r.map_err(|e| raise(vm, e))?
        }
        _ => {
            return Err(PyErr::value_error(format!(
                "Invalid container format: {format}"
            )))
        }
    };
    Ok(new_object(
        &cls,
        CompState {
            stream,
            flushed: false,
        },
    ))
}

/// Encodes `data` with `action` through one fixed buffer: all the input for
/// `Run`, to the end of the stream for `Finish`.
fn run(stream: &mut Stream, data: &[u8], action: Action) -> Result<Vec<u8>, LzmaErr> {
    let mut out = Vec::new();
    let mut buf = vec![0u8; CHUNK];
    let mut pos = 0usize;
    loop {
        let before_in = stream.total_in();
        let before_out = stream.total_out();
        let r = stream.process(&data[pos..], &mut buf, action);
        pos += (stream.total_in() - before_in) as usize;
        let made = (stream.total_out() - before_out) as usize;
        out.extend_from_slice(&buf[..made]);
        let st = match r {
            // No progress with nothing to read and room to write is not
            // an error (CPython checks the same).
            Ok(Status::MemNeeded) if data.is_empty() && made < buf.len() => Status::Ok,
            Ok(Status::MemNeeded) => return Err(LzmaErr::Buf),
            Ok(s) => s,
            Err(e) => return Err(e.into()),
        };
        match action {
            Action::Run if pos >= data.len() => break,
            Action::Finish if matches!(st, Status::StreamEnd) => break,
            _ => {}
        }
    }
    Ok(out)
}

fn comp_compress(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<CompState>(&a, "_lzma.LZMACompressor", "compress")?;
    let data = one_data(&a, "LZMACompressor", "compress")?;
    let mut st = borrow(&st)?;
    if st.flushed {
        return Err(PyErr::value_error("Compressor has been flushed"));
    }
    let out = run(&mut st.stream, &data, Action::Run).map_err(|e| raise(vm, e))?;
    Ok(Value::Bytes(Rc::new(out)))
}

fn comp_flush(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<CompState>(&a, "_lzma.LZMACompressor", "flush")?;
    no_args(&a, "LZMACompressor", "flush")?;
    let mut st = borrow(&st)?;
    if st.flushed {
        return Err(PyErr::value_error("Repeated call to flush()"));
    }
    st.flushed = true;
    let out = run(&mut st.stream, &[], Action::Finish).map_err(|e| raise(vm, e))?;
    Ok(Value::Bytes(Rc::new(out)))
}
