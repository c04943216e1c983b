//! `UnicodeDecodeError`, `UnicodeEncodeError` and `UnicodeTranslateError`:
//! their `encoding`, `object`, `start`, `end` and `reason` attributes and the
//! `str()` CPython builds from them (`Objects/exceptions.c`). The codecs
//! raise them with all five arguments, as CPython's do, so a handler can
//! read `e.start` or `e.object`.

use crate::exc::{ExcObj, PyErr};
use crate::types::{exc_type, ExcKind};
use crate::value::Value;

/// The attribute names, in argument order (a translate error has no encoding).
const CODEC_FIELDS: [&str; 5] = ["encoding", "object", "start", "end", "reason"];
const TRANSLATE_FIELDS: [&str; 4] = ["object", "start", "end", "reason"];

fn fields(e: &ExcObj) -> Option<&'static [&'static str]> {
    if e.is_instance(ExcKind::UnicodeDecodeError) || e.is_instance(ExcKind::UnicodeEncodeError) {
        Some(&CODEC_FIELDS)
    } else if e.is_instance(ExcKind::UnicodeTranslateError) {
        Some(&TRANSLATE_FIELDS)
    } else {
        None
    }
}

/// Sets the attributes of a new Unicode error from its arguments; other
/// exceptions, and argument lists of another length, are left alone.
pub(crate) fn init(e: &ExcObj) {
    let Some(names) = fields(e) else {
        return;
    };
    let args = e.args.borrow().clone();
    if args.len() != names.len() {
        return;
    }
    let d = e.dict();
    let mut d = d.borrow_mut();
    for (name, v) in names.iter().zip(args.iter()) {
        // Bytes-like objects are stored as `bytes`, as CPython does.
        let v = match v {
            Value::ByteArray(b) => Value::Bytes(std::rc::Rc::new(b.borrow().clone())),
            Value::MemoryView(m) => match m.to_vec() {
                Ok(b) => Value::Bytes(std::rc::Rc::new(b)),
                Err(_) => v.clone(),
            },
            other => other.clone(),
        };
        let _ = d.insert(Value::str(name), v);
    }
}

/// CPython's argument check of `UnicodeEncodeError.__init__` (and the
/// decode and translate errors'): the count, then each argument's type.
pub(crate) fn check_args(e: &ExcObj) -> Result<(), PyErr> {
    let Some(names) = fields(e) else {
        return Ok(());
    };
    let args = e.args.borrow().clone();
    if args.len() != names.len() {
        return Err(PyErr::type_error(format!(
            "function takes exactly {} arguments ({} given)",
            names.len(),
            args.len()
        )));
    }
    let decode = e.is_instance(ExcKind::UnicodeDecodeError);
    for ((i, name), v) in names.iter().enumerate().zip(args.iter()) {
        let ok = match *name {
            "start" | "end" => {
                if matches!(v, Value::Int(_) | Value::Bool(_)) {
                    continue;
                }
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    crate::types::type_name(v)
                )));
            }
            "object" if decode => {
                if matches!(
                    v,
                    Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_)
                ) {
                    continue;
                }
                return Err(PyErr::type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    crate::types::type_name(v)
                )));
            }
            _ => matches!(v, Value::Str(_)),
        };
        if !ok {
            return Err(PyErr::type_error(format!(
                "argument {} must be str, not {}",
                i + 1,
                crate::types::type_name(v)
            )));
        }
    }
    Ok(())
}

/// `str()` of a Unicode error that has its attributes, as CPython words it.
pub(crate) fn unicode_error_str(e: &ExcObj) -> Option<String> {
    fields(e)?;
    let d = e.dict.borrow().clone()?;
    let d = d.borrow();
    let get = |k: &str| crate::import::dict_get(&d, k);
    let (object, reason) = (get("object")?, get("reason")?);
    let (Value::Int(start), Value::Int(end)) = (get("start")?, get("end")?) else {
        return None;
    };
    let reason = crate::repr::to_str(&reason);
    let encoding = get("encoding").map(|v| crate::repr::to_str(&v));
    let single = end == start + 1;
    let (start, end) = (start.max(0) as usize, end.max(0) as usize);
    if e.is_instance(ExcKind::UnicodeDecodeError) {
        let enc = encoding.unwrap_or_default();
        let byte = match &object {
            Value::Bytes(b) => b.get(start).copied(),
            _ => None,
        };
        return Some(match (single, byte) {
            (true, Some(b)) => {
                format!("'{enc}' codec can't decode byte 0x{b:02x} in position {start}: {reason}")
            }
            _ => format!(
                "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
                end.saturating_sub(1)
            ),
        });
    }
    let ch = match &object {
        Value::Str(s) if single => s.code_point_at(start),
        _ => None,
    };
    let what = match encoding {
        Some(enc) => format!("'{enc}' codec can't encode"),
        None => "can't translate".to_string(),
    };
    Some(match ch {
        Some(cp) => {
            let shown = if cp <= 0xff {
                format!("\\x{cp:02x}")
            } else if cp <= 0xffff {
                format!("\\u{cp:04x}")
            } else {
                format!("\\U{cp:08x}")
            };
            format!("{what} character '{shown}' in position {start}: {reason}")
        }
        None => format!(
            "{what} characters in position {start}-{}: {reason}",
            end.saturating_sub(1)
        ),
    })
}

fn new_error(kind: ExcKind, args: Vec<Value>) -> PyErr {
    let e = ExcObj::new(exc_type(kind), args);
    init(&e);
    PyErr(std::rc::Rc::new(e))
}

/// A `UnicodeDecodeError` for `bytes[start..end]`.
pub fn decode_error(encoding: &str, bytes: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    new_error(
        ExcKind::UnicodeDecodeError,
        vec![
            Value::str(encoding),
            Value::Bytes(std::rc::Rc::new(bytes.to_vec())),
            Value::Int(start as i64),
            Value::Int(end as i64),
            Value::str(reason),
        ],
    )
}

/// A `UnicodeEncodeError` for the characters `start..end` of `object` (a str).
pub fn encode_error(
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    new_error(
        ExcKind::UnicodeEncodeError,
        vec![
            Value::str(encoding),
            object,
            Value::Int(start as i64),
            Value::Int(end as i64),
            Value::str(reason),
        ],
    )
}
