//! The charmap codec of `_codecs` (CPython's `PyUnicode_DecodeCharmap`,
//! `PyUnicode_EncodeCharmap` and `PyUnicode_BuildEncodingMap`), which the
//! single-byte codecs of `encodings` (cp1252, iso8859_15, ...) wrap. A
//! decoding table is a str indexed by byte or any mapping from byte to
//! code point, str or None; an encoding table is a mapping from code point
//! to byte, bytes or None. Unmapped input goes through the error handler.

use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::bind_args;
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

use super::codec_errors::ENCODE_RESULT;
use super::codecs::{bytes_arg, errors_arg, str_arg};
use super::codecs_utf16::{call_handler, handler_position, recover_decode};

const UNDEFINED: &str = "character maps to <undefined>";

/// `charmap_build(decoding_table)`: the reverse map, character to byte.
pub(super) fn charmap_build(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "charmap_build", &["map"], 1)?;
    let Some(Value::Str(table)) = args[0] else {
        str_arg(args[0], "charmap_build", 1)?;
        return Err(PyErr::type_error("charmap_build() argument must be str"));
    };
    let mut d = Dict::new();
    for (i, c) in table.code_points().enumerate() {
        d.insert(Value::Int(i64::from(c)), Value::Int(i as i64))?;
    }
    Ok(Value::dict(d))
}

/// What one byte decodes to under a mapping: code points, or `None` when
/// it is undefined.
fn decode_byte(vm: &mut Vm, mapping: &Value, b: u8) -> PyResult<Option<Vec<u32>>> {
    if let Value::Str(table) = mapping {
        return Ok(table
            .code_point_at(usize::from(b))
            .filter(|&c| c != 0xFFFE)
            .map(|c| vec![c]));
    }
    let v = match vm.getitem(mapping, &Value::Int(i64::from(b))) {
        Ok(v) => v,
        Err(e) if e.is(ExcKind::LookupError) => return Ok(None),
        Err(e) => return Err(e),
    };
    match v {
        Value::None => Ok(None),
        Value::Int(n) => {
            if !(0..0x110000).contains(&n) {
                return Err(PyErr::type_error(
                    "character mapping must be in range(0x110000)",
                ));
            }
            Ok((n != 0xFFFE).then(|| vec![n as u32]))
        }
        Value::Str(s) => {
            let cps: Vec<u32> = s.code_points().collect();
            if cps == [0xFFFE] {
                return Ok(None);
            }
            Ok(Some(cps))
        }
        _ => Err(PyErr::type_error(
            "character mapping must return integer, None or str",
        )),
    }
}

/// `charmap_decode(data, errors=None, mapping=None)`; no mapping is Latin-1.
pub(super) fn charmap_decode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "charmap_decode", &["data", "errors", "mapping"], 1)?;
    let data = bytes_arg(args[0], "charmap_decode")?;
    let errors = errors_arg(args[1], "charmap_decode", 2)?;
    let mapping = args[2].cloned().unwrap_or(Value::None);
    if matches!(mapping, Value::None) {
        let (cps, _) = super::codec_errors::decode(
            vm,
            &data,
            crate::format::codecs::Codec::Latin1,
            &errors,
            true,
        )?;
        return Ok(Value::tuple(vec![
            Value::from_code_points(cps),
            Value::Int(data.len() as i64),
        ]));
    }
    let mut out = Vec::with_capacity(data.len());
    let mut replaced: Option<Vec<u8>> = None;
    let mut i = 0;
    loop {
        let input = replaced.as_deref().unwrap_or(&data);
        let Some(&b) = input.get(i) else {
            break;
        };
        if let Some(cps) = decode_byte(vm, &mapping, b)? {
            out.extend(cps);
            i += 1;
            continue;
        }
        let error = || crate::unicode_error::decode_error("charmap", input, i, i + 1, UNDEFINED);
        let resume = recover_decode(vm, input, (i, i + 1), &errors, error, &mut out)?;
        i = resume.at;
        if resume.input.is_some() {
            replaced = resume.input;
        }
    }
    Ok(Value::tuple(vec![
        Value::from_code_points(out),
        Value::Int(data.len() as i64),
    ]))
}

/// What one code point encodes to under a mapping, `None` when undefined.
fn encode_char(vm: &mut Vm, mapping: &Value, c: u32) -> PyResult<Option<Vec<u8>>> {
    let v = match vm.getitem(mapping, &Value::Int(i64::from(c))) {
        Ok(v) => v,
        Err(e) if e.is(ExcKind::LookupError) => return Ok(None),
        Err(e) => return Err(e),
    };
    match v {
        Value::None => Ok(None),
        Value::Int(n) => match u8::try_from(n) {
            Ok(b) => Ok(Some(vec![b])),
            Err(_) => Err(PyErr::type_error("character mapping must be in range(256)")),
        },
        Value::Bytes(b) => Ok(Some(b.to_vec())),
        other => Err(PyErr::type_error(format!(
            "character mapping must return integer, bytes or None, not {}",
            type_name(&other)
        ))),
    }
}

/// `charmap_encode(str, errors=None, mapping=None)`; no mapping is Latin-1.
pub(super) fn charmap_encode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "charmap_encode", &["str", "errors", "mapping"], 1)?;
    str_arg(args[0], "charmap_encode", 1)?;
    let obj = args[0].cloned().unwrap_or(Value::None);
    let Value::Str(s) = &obj else {
        return Err(PyErr::type_error("charmap_encode() argument 1 must be str"));
    };
    let errors = errors_arg(args[1], "charmap_encode", 2)?;
    let mapping = args[2].cloned().unwrap_or(Value::None);
    let count = s.char_len();
    if matches!(mapping, Value::None) {
        let out =
            super::codecs::encode_native(vm, &obj, crate::format::codecs::Codec::Latin1, &errors)?;
        return Ok(Value::tuple(vec![
            Value::Bytes(Rc::new(out)),
            Value::Int(count as i64),
        ]));
    }
    let cps: Vec<u32> = s.code_points().collect();
    let mut out = Vec::with_capacity(cps.len());
    let mut i = 0;
    while i < cps.len() {
        if let Some(b) = encode_char(vm, &mapping, cps[i])? {
            out.extend(b);
            i += 1;
            continue;
        }
        // The run of characters the mapping has no byte for.
        let mut end = i + 1;
        while end < cps.len() && encode_char(vm, &mapping, cps[end])?.is_none() {
            end += 1;
        }
        let error =
            || crate::unicode_error::encode_error("charmap", obj.clone(), i, end, UNDEFINED);
        if errors == "strict" {
            return Err(error());
        }
        let (rep, pos) = call_handler(vm, &errors, error(), "encoding")?;
        match &rep {
            Value::Bytes(b) => out.extend_from_slice(b),
            Value::Str(r) => {
                for c in r.code_points() {
                    match encode_char(vm, &mapping, c)? {
                        Some(b) => out.extend(b),
                        None => return Err(error()),
                    }
                }
            }
            _ => return Err(PyErr::type_error(ENCODE_RESULT)),
        }
        i = handler_position(&pos, cps.len())?;
    }
    Ok(Value::tuple(vec![
        Value::Bytes(Rc::new(out)),
        Value::Int(count as i64),
    ]))
}
