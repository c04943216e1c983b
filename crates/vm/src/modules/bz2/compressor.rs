//! `_bz2.BZ2Compressor`.

use std::rc::Rc;

use bzip2::{Action, Compress, Compression, Status};

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{borrow, cls_arg, native_methods, new_object, positional, receiver, rest};
use crate::native::{ClassSpec, SpecFlags};
use crate::types::TypeKind;
use crate::value::Value;
use crate::vm::Vm;

use super::{bz2_error, no_args, one_data, refuse_pickle, CHUNK};

native_methods!(METHODS, "BZ2Compressor", [
    "__new__" => comp_new, "compress" => comp_compress, "flush" => comp_flush,
    "__reduce__" => refuse_pickle,
]);

/// `_bz2.BZ2Compressor`.
pub(super) static BZ2_COMPRESSOR: ClassSpec = ClassSpec {
    name: "BZ2Compressor",
    module: "_bz2",
    base: TypeKind::Object,
    methods: METHODS,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

/// A compression stream; `flushed` once `flush()` ended it.
struct CompState {
    stream: Compress,
    flushed: bool,
}

/// `BZ2Compressor(compresslevel=9, /)`.
fn comp_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = positional(&rest(&a), "BZ2Compressor", 0, 1)?;
    let level = match args.first() {
        Some(v) => vm.index_value(v)?,
        None => 9,
    };
    if !(1..=9).contains(&level) {
        return Err(PyErr::value_error("compresslevel must be between 1 and 9"));
    }
    // Work factor 0 is libbzip2's default (30), as CPython passes.
    let stream = Compress::new(Compression::new(level as u32), 0);
    Ok(new_object(
        &cls,
        CompState {
            stream,
            flushed: false,
        },
    ))
}

/// Runs `data` through the stream with `action`: all of it for `Run`, to
/// the end of the stream for `Finish`. Output goes through one fixed buffer.
fn run(stream: &mut Compress, data: &[u8], action: Action) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    let mut buf = vec![0u8; CHUNK];
    let mut pos = 0usize;
    loop {
        if matches!(action, Action::Run) && pos >= data.len() {
            break;
        }
        let before_in = stream.total_in();
        let before_out = stream.total_out();
        let st = stream
            .compress(&data[pos..], &mut buf, action)
            .map_err(bz2_error)?;
        pos += (stream.total_in() - before_in) as usize;
        let made = (stream.total_out() - before_out) as usize;
        out.extend_from_slice(&buf[..made]);
        if matches!(action, Action::Finish) && matches!(st, Status::StreamEnd) {
            break;
        }
    }
    Ok(out)
}

fn comp_compress(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<CompState>(&a, "_bz2.BZ2Compressor", "compress")?;
    let data = one_data(&a, "BZ2Compressor", "compress")?;
    let mut st = borrow(&st)?;
    if st.flushed {
        return Err(PyErr::value_error("Compressor has been flushed"));
    }
    let out = run(&mut st.stream, &data, Action::Run)?;
    Ok(Value::Bytes(Rc::new(out)))
}

fn comp_flush(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<CompState>(&a, "_bz2.BZ2Compressor", "flush")?;
    no_args(&a, "BZ2Compressor", "flush")?;
    let mut st = borrow(&st)?;
    if st.flushed {
        return Err(PyErr::value_error("Repeated call to flush()"));
    }
    st.flushed = true;
    let out = run(&mut st.stream, &[], Action::Finish)?;
    Ok(Value::Bytes(Rc::new(out)))
}
