//! `_multibytecodec` (CPython's `Modules/cjkcodecs/multibytecodec.c`): the
//! `MultibyteCodec` objects `getcodec` returns, and the base classes the
//! `encodings` modules of the CJK codecs derive from, which find their codec
//! in the class attribute `codec`: `MultibyteIncrementalEncoder`,
//! `MultibyteIncrementalDecoder`, `MultibyteStreamReader` and
//! `MultibyteStreamWriter`. The codecs here keep no state between calls
//! but the bytes of an incomplete sequence.

use std::cell::RefCell;
use std::rc::Rc;

use super::Table;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    bind_args, borrow, class_of, cls_arg, native_fn, native_methods, new_native, new_object,
    receiver, rest, state_of, ClassSpec, PropSpec, SpecFlags,
};
use crate::types::{type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use crate::modules::codecs::bytes_arg;

/// A `MultibyteCodec`: one table.
struct Codec {
    table: &'static Table,
}

/// The state of the incremental and stream classes.
struct Coder {
    table: &'static Table,
    errors: String,
    /// The bytes of a sequence still incomplete (decoders and readers).
    pending: Vec<u8>,
    /// The stream of a reader or writer (`None` otherwise).
    stream: Value,
    /// The state flags a decoder was given by `setstate` (kept, unused).
    flags: Value,
    /// Characters an encoder was given back by `setstate`, encoded first.
    pending_text: Vec<u32>,
}

impl Coder {
    fn new(table: &'static Table, errors: String, stream: Value) -> Coder {
        Coder {
            table,
            errors,
            pending: Vec::new(),
            stream,
            flags: Value::Int(0),
            pending_text: Vec::new(),
        }
    }
}

native_methods!(CODEC_M, "MultibyteCodec", [
    "encode" => codec_encode, "decode" => codec_decode,
]);
static CODEC: ClassSpec = ClassSpec {
    name: "MultibyteCodec",
    module: "_multibytecodec",
    base: TypeKind::Object,
    methods: CODEC_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

native_fn!(ERRORS_GET, "errors", "", errors_get);
native_fn!(ERRORS_SET, "errors", "", errors_set);
native_fn!(STREAM_GET, "stream", "", stream_get);
static ERRORS_P: &[PropSpec] = &[PropSpec {
    name: "errors",
    get: &ERRORS_GET,
    set: Some(&ERRORS_SET),
}];
static STREAM_P: &[PropSpec] = &[
    PropSpec {
        name: "errors",
        get: &ERRORS_GET,
        set: Some(&ERRORS_SET),
    },
    PropSpec {
        name: "stream",
        get: &STREAM_GET,
        set: None,
    },
];

native_methods!(ENC_M, "MultibyteIncrementalEncoder", [
    "__new__" => inc_new, "__init__" => no_init, "encode" => enc_encode,
    "reset" => enc_reset, "getstate" => enc_getstate, "setstate" => enc_setstate,
]);
static INC_ENCODER: ClassSpec = ClassSpec {
    name: "MultibyteIncrementalEncoder",
    module: "_multibytecodec",
    base: TypeKind::Object,
    methods: ENC_M,
    classmethods: &[],
    props: ERRORS_P,
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

native_methods!(DEC_M, "MultibyteIncrementalDecoder", [
    "__new__" => inc_new, "__init__" => no_init, "decode" => dec_decode,
    "reset" => dec_reset, "getstate" => dec_getstate, "setstate" => dec_setstate,
]);
static INC_DECODER: ClassSpec = ClassSpec {
    name: "MultibyteIncrementalDecoder",
    module: "_multibytecodec",
    base: TypeKind::Object,
    methods: DEC_M,
    classmethods: &[],
    props: ERRORS_P,
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

native_methods!(READER_M, "MultibyteStreamReader", [
    "__new__" => stream_new, "__init__" => no_init, "read" => r_read,
    "readline" => r_readline, "readlines" => r_readlines, "reset" => dec_reset,
]);
static READER: ClassSpec = ClassSpec {
    name: "MultibyteStreamReader",
    module: "_multibytecodec",
    base: TypeKind::Object,
    methods: READER_M,
    classmethods: &[],
    props: STREAM_P,
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

native_methods!(WRITER_M, "MultibyteStreamWriter", [
    "__new__" => stream_new, "__init__" => no_init, "write" => w_write,
    "writelines" => w_writelines, "reset" => w_reset,
]);
static WRITER: ClassSpec = ClassSpec {
    name: "MultibyteStreamWriter",
    module: "_multibytecodec",
    base: TypeKind::Object,
    methods: WRITER_M,
    classmethods: &[],
    props: STREAM_P,
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

/// A `MultibyteCodec` of `table`.
pub(crate) fn new_codec(vm: &mut Vm, table: &'static Table) -> Value {
    new_native(vm, &CODEC, Codec { table })
}

/// `_multibytecodec`.
pub fn init(vm: &mut Vm) -> Value {
    let mut extra = Vec::new();
    for spec in [&INC_ENCODER, &INC_DECODER, &READER, &WRITER] {
        extra.push((spec.name, Value::Type(class_of(vm, spec))));
    }
    // Made here so `type(getcodec(...))` is the same class every time.
    let _ = class_of(vm, &CODEC);
    crate::modules::new_module("_multibytecodec", &[], extra)
}

/// The `errors` argument: `None` (or absent) is strict.
fn errors_opt(v: Option<&Value>, fname: &str) -> PyResult<String> {
    match v {
        None | Some(Value::None) => Ok("strict".to_string()),
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(other) => Err(PyErr::type_error(format!(
            "{fname}() argument 'errors' must be str or None, not {}",
            type_name(other)
        ))),
    }
}

/// The text to encode: a str, else its `str()` (as CPython does).
fn text_arg(vm: &mut Vm, v: &Value) -> PyResult<(Value, Vec<u32>)> {
    let v = match v {
        Value::Str(_) => v.clone(),
        other => Value::string(vm.str_of(other)?),
    };
    let cps = match &v {
        Value::Str(s) => s.code_points().collect(),
        _ => Vec::new(),
    };
    Ok((v, cps))
}

/// A `bool(accept={int})` argument.
fn flag_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(Value::BigInt(_)) => Ok(true),
        Some(v) => Ok(vm.index_value(v)? != 0),
    }
}

fn codec_encode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Codec>(&a, "_multibytecodec.MultibyteCodec", "encode")?;
    let table = borrow(&st)?.table;
    let args = bind_args(&rest(&a), "encode", &["input", "errors"], 1)?;
    let input = args[0].cloned().unwrap_or(Value::None);
    let errors = errors_opt(args[1], "encode")?;
    let (obj, cps) = text_arg(vm, &input)?;
    let out = super::encode(vm, table, &obj, &cps, &errors)?;
    Ok(Value::tuple(vec![
        Value::Bytes(Rc::new(out)),
        Value::Int(cps.len() as i64),
    ]))
}

fn codec_decode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Codec>(&a, "_multibytecodec.MultibyteCodec", "decode")?;
    let table = borrow(&st)?.table;
    let args = bind_args(&rest(&a), "decode", &["input", "errors"], 1)?;
    let data = bytes_arg(args[0], "decode")?;
    let errors = errors_opt(args[1], "decode")?;
    let (cps, _) = super::decode(vm, table, &data, &errors, true)?;
    Ok(Value::tuple(vec![
        Value::from_code_points(cps),
        Value::Int(data.len() as i64),
    ]))
}

/// The table of the class attribute `codec` of `cls`.
fn class_codec(vm: &mut Vm, cls: &Value) -> PyResult<&'static Table> {
    let key = vm.intern("codec");
    let codec = vm.get_attr(cls, &key)?;
    match state_of::<Codec>(&codec) {
        Some(c) => Ok(borrow(&c)?.table),
        None => Err(PyErr::type_error("codec is unexpected type")),
    }
}

fn no_init(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn inc_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let name = crate::native::short_name(&cls).to_string();
    let args = bind_args(&rest(&a), &name, &["errors"], 0)?;
    let errors = errors_opt(args[0], &name)?;
    let table = class_codec(vm, &Value::Type(cls.clone()))?;
    Ok(new_object(&cls, Coder::new(table, errors, Value::None)))
}

fn stream_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let name = crate::native::short_name(&cls).to_string();
    let args = bind_args(&rest(&a), &name, &["stream", "errors"], 1)?;
    let Some(stream) = args[0].cloned() else {
        return Err(PyErr::type_error(format!(
            "{name}() missing required argument 'stream' (pos 1)"
        )));
    };
    let errors = errors_opt(args[1], &name)?;
    let table = class_codec(vm, &Value::Type(cls.clone()))?;
    Ok(new_object(&cls, Coder::new(table, errors, stream)))
}

fn me(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<Coder>>> {
    receiver::<Coder>(a, "_multibytecodec.MultibyteCodec", name)
}

fn errors_get(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "errors")?;
    let e = borrow(&st)?.errors.clone();
    Ok(Value::string(e))
}

fn errors_set(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "errors")?;
    match a.pos.get(1) {
        Some(Value::Str(s)) => {
            borrow(&st)?.errors = s.as_str().to_string();
            Ok(Value::None)
        }
        None => Err(PyErr::new(
            ExcKind::AttributeError,
            "cannot delete attribute",
        )),
        Some(_) => Err(PyErr::type_error("errors must be a string")),
    }
}

fn stream_get(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "stream")?;
    let s = borrow(&st)?.stream.clone();
    Ok(s)
}

/// `(table, errors)` of a coder, copied so no borrow is held while encoding
/// or decoding (error handlers are Python).
fn settings(st: &Rc<RefCell<Coder>>) -> PyResult<(&'static Table, String)> {
    let s = borrow(st)?;
    Ok((s.table, s.errors.clone()))
}

fn enc_encode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "encode")?;
    let args = bind_args(&rest(&a), "encode", &["input", "final"], 1)?;
    let input = args[0].cloned().unwrap_or(Value::None);
    flag_arg(vm, args[1])?;
    let (table, errors) = settings(&st)?;
    let (mut obj, mut cps) = text_arg(vm, &input)?;
    let held = std::mem::take(&mut borrow(&st)?.pending_text);
    if !held.is_empty() {
        cps.splice(0..0, held);
        obj = Value::from_code_points(cps.clone());
    }
    let out = super::encode(vm, table, &obj, &cps, &errors)?;
    Ok(Value::Bytes(Rc::new(out)))
}

fn enc_reset(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "reset")?;
    borrow(&st)?.pending_text.clear();
    Ok(Value::None)
}

/// The most UTF-8 bytes of held characters an encoder's state packs
/// (CPython's `MAXENCPENDING` characters of 4 bytes).
const MAX_ENC_PENDING: usize = 8;
/// The packed state: a length byte, the held characters in UTF-8, and the
/// codec's 8 state bytes (always zero here).
const ENC_STATE_LEN: usize = 1 + MAX_ENC_PENDING + 8;

fn enc_getstate(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "getstate")?;
    let held = borrow(&st)?.pending_text.clone();
    let mut utf8 = Vec::new();
    for c in held {
        crate::str_surrogates::push_utf8(&mut utf8, c);
    }
    let mut packed = vec![utf8.len() as u8];
    packed.extend(utf8);
    // CPython's state is the little-endian number of these bytes.
    Ok(Value::from_bigint(num_bigint::BigInt::from_bytes_le(
        num_bigint::Sign::Plus,
        &packed,
    )))
}

fn enc_setstate(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "setstate")?;
    let n = match a.pos.get(1) {
        Some(Value::Int(n)) => num_bigint::BigInt::from(*n),
        Some(Value::Bool(b)) => num_bigint::BigInt::from(u8::from(*b)),
        Some(Value::BigInt(b)) => (**b).clone(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "setstate() argument must be int, not {}",
                type_name(other)
            )))
        }
        None => {
            return Err(PyErr::type_error(
                "setstate() takes exactly one argument (0 given)",
            ))
        }
    };
    let (sign, bytes) = n.to_bytes_le();
    if sign == num_bigint::Sign::Minus {
        return Err(PyErr::overflow("can't convert negative int to unsigned"));
    }
    if bytes.len() > ENC_STATE_LEN {
        return Err(PyErr::overflow("int too big to convert"));
    }
    let size = usize::from(bytes.first().copied().unwrap_or(0));
    if size > MAX_ENC_PENDING {
        return Err(PyErr::new(
            ExcKind::UnicodeError,
            "pending buffer too large",
        ));
    }
    let mut body = bytes.get(1..).unwrap_or(&[]).to_vec();
    body.resize(ENC_STATE_LEN - 1, 0);
    let utf8 = &body[..size];
    let text = match std::str::from_utf8(utf8) {
        Ok(t) => t.chars().map(u32::from).collect(),
        Err(e) => {
            let start = e.valid_up_to();
            let end = start + e.error_len().unwrap_or(size - start);
            let reason = if e.error_len().is_none() {
                "unexpected end of data"
            } else {
                "invalid start byte"
            };
            return Err(crate::unicode_error::decode_error(
                "utf-8", utf8, start, end, reason,
            ));
        }
    };
    borrow(&st)?.pending_text = text;
    Ok(Value::None)
}

/// Decodes `data` after the coder's pending bytes, keeping a new
/// incomplete tail unless `last`.
fn feed(vm: &mut Vm, st: &Rc<RefCell<Coder>>, data: &[u8], last: bool) -> PyResult<Vec<u32>> {
    let (table, errors) = settings(st)?;
    // On an error the held bytes stay as they were, as CPython keeps them.
    let mut all = borrow(st)?.pending.clone();
    all.extend_from_slice(data);
    let (cps, used) = super::decode(vm, table, &all, &errors, last)?;
    borrow(st)?.pending = all.get(used..).unwrap_or(&[]).to_vec();
    Ok(cps)
}

fn dec_decode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "decode")?;
    let args = bind_args(&rest(&a), "decode", &["input", "final"], 1)?;
    let data = bytes_arg(args[0], "decode")?;
    let last = flag_arg(vm, args[1])?;
    let cps = feed(vm, &st, &data, last)?;
    Ok(Value::from_code_points(cps))
}

fn dec_reset(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "reset")?;
    let mut s = borrow(&st)?;
    s.pending.clear();
    s.flags = Value::Int(0);
    Ok(Value::None)
}

fn dec_getstate(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "getstate")?;
    let s = borrow(&st)?;
    Ok(Value::tuple(vec![
        Value::Bytes(Rc::new(s.pending.clone())),
        s.flags.clone(),
    ]))
}

/// The most bytes a decoder may hold back (CPython's `MAXDECPENDING`).
const MAX_PENDING: usize = 8;

fn dec_setstate(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "setstate")?;
    let state = a.pos.get(1).cloned().unwrap_or(Value::None);
    let Value::Tuple(t) = &state else {
        return Err(PyErr::type_error(format!(
            "setstate() argument must be tuple, not {}",
            type_name(&state)
        )));
    };
    let (Some(Value::Bytes(buf)), Some(flags), 2) = (t.first(), t.get(1), t.len()) else {
        return Err(PyErr::type_error("setstate(): illegal state argument"));
    };
    let flags = match flags {
        Value::Bool(b) => Value::Int(i64::from(*b)),
        Value::Int(_) | Value::BigInt(_) => flags.clone(),
        _ => return Err(PyErr::type_error("setstate(): illegal state argument")),
    };
    if buf.len() > MAX_PENDING {
        return Err(PyErr::new(
            ExcKind::UnicodeError,
            "pending buffer too large",
        ));
    }
    let mut s = borrow(&st)?;
    s.pending = buf.to_vec();
    s.flags = flags;
    Ok(Value::None)
}

/// A `sizehint` argument: `None` (or absent) is -1.
fn sizehint_arg(v: Option<&Value>) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(-1),
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(i64::from(*b)),
        Some(_) => Err(PyErr::type_error("arg 1 must be an integer")),
    }
}

/// `mbstreamreader_iread`: reads with the stream's `method` and decodes,
/// reading one more byte at a time while a partial sequence gave nothing.
fn iread(vm: &mut Vm, st: &Rc<RefCell<Coder>>, method: &str, mut size: i64) -> PyResult<Value> {
    if size == 0 {
        return Ok(Value::str(""));
    }
    let stream = borrow(st)?.stream.clone();
    let mut out = Vec::new();
    loop {
        let got = if size < 0 {
            vm.call_method(&stream, method, &[])?
        } else {
            vm.call_method(&stream, method, &[Value::Int(size)])?
        };
        let Value::Bytes(data) = &got else {
            return Err(PyErr::type_error(format!(
                "stream function returned a non-bytes object ({})",
                type_name(&got)
            )));
        };
        let eof = data.is_empty();
        let rsize = data.len() + borrow(st)?.pending.len();
        out.extend(feed(vm, st, data, eof || size < 0)?);
        if size < 0 || !out.is_empty() || rsize == 0 {
            break;
        }
        size = 1;
    }
    Ok(Value::from_code_points(out))
}

fn r_read(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "read")?;
    let args = bind_args(&rest(&a), "read", &["sizeobj"], 0)?;
    let size = sizehint_arg(args[0])?;
    iread(vm, &st, "read", size)
}

fn r_readline(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "readline")?;
    let args = bind_args(&rest(&a), "readline", &["sizeobj"], 0)?;
    let size = sizehint_arg(args[0])?;
    iread(vm, &st, "readline", size)
}

fn r_readlines(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "readlines")?;
    let args = bind_args(&rest(&a), "readlines", &["sizehintobj"], 0)?;
    let size = sizehint_arg(args[0])?;
    let text = iread(vm, &st, "read", size)?;
    vm.call_method(&text, "splitlines", &[Value::Bool(true)])
}

/// Encodes `v` and writes the bytes to the writer's stream.
fn write_one(vm: &mut Vm, st: &Rc<RefCell<Coder>>, v: &Value) -> PyResult<()> {
    let (table, errors) = settings(st)?;
    let (obj, cps) = text_arg(vm, v)?;
    let out = super::encode(vm, table, &obj, &cps, &errors)?;
    let stream = borrow(st)?.stream.clone();
    vm.call_method(&stream, "write", &[Value::Bytes(Rc::new(out))])?;
    Ok(())
}

fn w_write(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "write")?;
    let v = crate::native::exactly_positional(&rest(&a), "write", 1)?
        .first()
        .cloned()
        .unwrap_or(Value::None);
    write_one(vm, &st, &v)?;
    Ok(Value::None)
}

fn w_writelines(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "writelines")?;
    let lines = crate::native::exactly_positional(&rest(&a), "writelines", 1)?
        .first()
        .cloned()
        .unwrap_or(Value::None);
    for line in vm.collect(&lines)? {
        write_one(vm, &st, &line)?;
    }
    Ok(Value::None)
}

fn w_reset(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    // Nothing is ever buffered: there is nothing to flush.
    me(&a, "reset")?;
    Ok(Value::None)
}
