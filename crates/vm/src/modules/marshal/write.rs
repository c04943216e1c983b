//! `marshal.dumps`: CPython's `w_object` over VM values.
//!
//! Code objects are written by pith-bytecode's marshaller (the one `.pyc`
//! files use), numbering its references on from this stream's.
//!
//! Sharing: CPython flags an object with `FLAG_REF` when its reference count
//! is above one, and writes later occurrences of that object as `TYPE_REF`.
//! Here numbers (CPython's are mostly shared constants or cached small ints)
//! and heap objects whose `Rc` is shared are flagged: a literal is flagged
//! and a freshly computed string inside a list is not, as in CPython. The
//! writer therefore never clones a value it is about to write.

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::{BigInt, Sign};

use crate::exc::{PyErr, PyResult};
use crate::types::ExcKind;
use crate::value::Value;

const FLAG_REF: u8 = 0x80;
/// CPython's `MAX_MARSHAL_STACK_DEPTH`.
const MAX_DEPTH: usize = 2000;

/// Identity of a flagged object: a heap address, or the value of an unboxed
/// number (CPython's equal small ints and merged constants are one object).
#[derive(Hash, PartialEq, Eq)]
enum Key {
    Ptr(usize),
    Int(i64),
    Float(u64),
}

/// Writes `v` as marshal data of format `version`.
pub fn dumps(v: &Value, version: i64) -> PyResult<Vec<u8>> {
    let mut w = Writer {
        out: Vec::new(),
        version,
        refs: HashMap::new(),
        nrefs: 0,
        depth: 0,
    };
    w.object(v)?;
    Ok(w.out)
}

struct Writer {
    out: Vec<u8>,
    version: i64,
    refs: HashMap<Key, u32>,
    nrefs: u32,
    depth: usize,
}

fn unmarshallable() -> PyErr {
    PyErr::value_error("unmarshallable object")
}

/// Whether CPython would have interned this string: Pith keeps no flag, so a
/// shared string of identifier characters (a constant, a name) counts.
fn looks_interned(s: &Rc<crate::value::StrObj>) -> bool {
    let t = s.as_str();
    s.surrogates().is_none()
        && Rc::strong_count(s) > 1
        && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

impl Writer {
    fn long(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn size(&mut self, n: usize) -> PyResult<()> {
        let n = i32::try_from(n).map_err(|_| unmarshallable())?;
        self.long(n);
        Ok(())
    }

    fn pstring(&mut self, bytes: &[u8]) -> PyResult<()> {
        self.size(bytes.len())?;
        self.out.extend_from_slice(bytes);
        Ok(())
    }

    /// `w_ref`: `None` when `v` was written as a reference, else the flag bit.
    fn reference(&mut self, v: &Value) -> Option<u8> {
        if self.version < 3 {
            return Some(0);
        }
        let (key, shared) = match v {
            Value::Int(i) => (Key::Int(*i), true),
            Value::Float(f) => (Key::Float(f.to_bits()), true),
            Value::Str(s) => (Key::Ptr(v.identity()), Rc::strong_count(s) > 1),
            Value::BigInt(r) => (Key::Ptr(v.identity()), Rc::strong_count(r) > 1),
            Value::Bytes(r) => (Key::Ptr(v.identity()), Rc::strong_count(r) > 1),
            Value::Tuple(r) => (Key::Ptr(v.identity()), Rc::strong_count(r) > 1),
            Value::List(r) => (Key::Ptr(v.identity()), Rc::strong_count(r) > 1),
            Value::Dict(r) | Value::Set(r) => (Key::Ptr(v.identity()), Rc::strong_count(r) > 1),
            Value::FrozenSet(r) => (Key::Ptr(v.identity()), Rc::strong_count(r) > 1),
            Value::Complex(r) => (Key::Ptr(v.identity()), Rc::strong_count(r) > 1),
            Value::ByteArray(r) => (Key::Ptr(v.identity()), Rc::strong_count(r) > 1),
            Value::MemoryView(r) => (Key::Ptr(v.identity()), Rc::strong_count(r) > 1),
            _ => (Key::Ptr(v.identity()), true),
        };
        if !shared {
            return Some(0);
        }
        if let Some(&idx) = self.refs.get(&key) {
            self.out.push(b'r');
            self.out.extend_from_slice(&idx.to_le_bytes());
            return None;
        }
        self.refs.insert(key, self.nrefs);
        self.nrefs += 1;
        Some(FLAG_REF)
    }

    fn object(&mut self, v: &Value) -> PyResult<()> {
        self.depth += 1;
        let r = if self.depth > MAX_DEPTH {
            Err(PyErr::value_error("object too deeply nested to marshal"))
        } else {
            self.object_inner(v)
        };
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, v: &Value) -> PyResult<()> {
        match v {
            Value::None => self.out.push(b'N'),
            Value::Bool(true) => self.out.push(b'T'),
            Value::Bool(false) => self.out.push(b'F'),
            Value::Ellipsis => self.out.push(b'.'),
            Value::Type(t) if Rc::ptr_eq(t, &crate::types::exc_type(ExcKind::StopIteration)) => {
                self.out.push(b'S')
            }
            Value::Code(c) if c.opaque_consts => return Err(unmarshallable()),
            Value::Code(c) => {
                // The bytecode crate flags and numbers the code object itself.
                let constant = pith_bytecode::Constant::Code(c.raw.clone());
                let (bytes, n) = pith_bytecode::marshal::dumps_from(&constant, self.nrefs)
                    .map_err(|_| unmarshallable())?;
                self.out.extend_from_slice(&bytes);
                self.nrefs = n;
            }
            _ => {
                if !is_marshallable(v) {
                    return Err(unmarshallable());
                }
                if let Some(flag) = self.reference(v) {
                    self.complex(v, flag)?;
                }
            }
        }
        Ok(())
    }

    fn complex(&mut self, v: &Value, flag: u8) -> PyResult<()> {
        match v {
            Value::Int(i) => match i32::try_from(*i) {
                Ok(small) => {
                    self.out.push(b'i' | flag);
                    self.long(small);
                }
                Err(_) => self.big(&BigInt::from(*i), flag)?,
            },
            Value::BigInt(b) => self.big(b, flag)?,
            Value::Float(f) => {
                if self.version > 1 {
                    self.out.push(b'g' | flag);
                    self.out.extend_from_slice(&f.to_le_bytes());
                } else {
                    self.out.push(b'f' | flag);
                    self.float_text(*f);
                }
            }
            Value::Complex(c) => {
                if self.version > 1 {
                    self.out.push(b'y' | flag);
                    self.out.extend_from_slice(&c.re.to_le_bytes());
                    self.out.extend_from_slice(&c.im.to_le_bytes());
                } else {
                    self.out.push(b'x' | flag);
                    self.float_text(c.re);
                    self.float_text(c.im);
                }
            }
            Value::Str(s) => {
                let interned = self.version >= 3 && looks_interned(s);
                if self.version >= 4 && s.is_ascii() && s.surrogates().is_none() {
                    let text = s.as_str().as_bytes();
                    if text.len() < 256 {
                        self.out.push(if interned { b'Z' } else { b'z' } | flag);
                        self.out.push(text.len() as u8);
                        self.out.extend_from_slice(text);
                    } else {
                        self.out.push(if interned { b'A' } else { b'a' } | flag);
                        self.pstring(text)?;
                    }
                } else {
                    self.out.push(if interned { b't' } else { b'u' } | flag);
                    self.pstring(&s.to_surrogatepass())?;
                }
            }
            Value::Bytes(b) => {
                self.out.push(b's' | flag);
                self.pstring(b)?;
            }
            Value::ByteArray(b) => {
                self.out.push(b's' | flag);
                let data = b.borrow().clone();
                self.pstring(&data)?;
            }
            Value::MemoryView(m) => {
                self.out.push(b's' | flag);
                self.pstring(&m.to_vec()?)?;
            }
            Value::Tuple(items) => {
                if self.version >= 4 && items.len() < 256 {
                    self.out.push(b')' | flag);
                    self.out.push(items.len() as u8);
                } else {
                    self.out.push(b'(' | flag);
                    self.size(items.len())?;
                }
                for item in items.iter() {
                    self.object(item)?;
                }
            }
            // Writing runs no Python code, so the borrows cannot conflict.
            Value::List(items) => {
                self.out.push(b'[' | flag);
                let items = items.borrow();
                self.size(items.len())?;
                for item in items.iter() {
                    self.object(item)?;
                }
            }
            Value::Dict(d) => {
                self.out.push(b'{' | flag);
                for (k, v) in d.borrow().iter() {
                    self.object(k)?;
                    self.object(v)?;
                }
                self.out.push(b'0');
            }
            Value::Set(d) => {
                let d = d.borrow();
                self.set(b'<' | flag, d.keys().collect())?;
            }
            Value::FrozenSet(d) => {
                self.set(b'>' | flag, d.keys().collect())?;
            }
            _ => return Err(unmarshallable()),
        }
        Ok(())
    }

    /// Sets: since 3.11 (format 3 and up) elements are written in the order
    /// of their own marshal bytes, so equal sets give equal data.
    fn set(&mut self, code: u8, mut items: Vec<&Value>) -> PyResult<()> {
        self.out.push(code);
        self.size(items.len())?;
        if self.version >= 3 {
            let mut keyed = Vec::with_capacity(items.len());
            for item in items {
                keyed.push((dumps(item, self.version)?, item));
            }
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            items = keyed.into_iter().map(|(_, v)| v).collect();
        }
        for item in items {
            self.object(item)?;
        }
        Ok(())
    }

    /// `TYPE_LONG`: sign and count of 15-bit digits, then the digits.
    fn big(&mut self, n: &BigInt, flag: u8) -> PyResult<()> {
        self.out.push(b'l' | flag);
        let (sign, digits) = pith_bytecode::marshal::long_digits(n);
        let count = i32::try_from(digits.len()).map_err(|_| unmarshallable())?;
        self.long(if sign == Sign::Minus { -count } else { count });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
        Ok(())
    }

    /// Format 0 and 1 floats: `%.17g` text with a one-byte length.
    fn float_text(&mut self, f: f64) {
        let text = format_g17(f);
        self.out.push(text.len() as u8);
        self.out.extend_from_slice(text.as_bytes());
    }
}

fn is_marshallable(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Complex(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::ByteArray(_)
            | Value::MemoryView(_)
            | Value::Tuple(_)
            | Value::List(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
    )
}

/// C's `%.17g` (what `PyOS_double_to_string(v, 'g', 17, 0)` gives).
fn format_g17(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf" } else { "inf" }.into();
    }
    let sci = format!("{f:.16e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let strip = |t: &str| -> String {
        if t.contains('.') {
            t.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            t.to_string()
        }
    };
    if !(-4..17).contains(&exp) {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{}e{sign}{:02}", strip(mantissa), exp.abs())
    } else {
        let decimals = usize::try_from(16 - exp).unwrap_or(0);
        strip(&format!("{f:.decimals$}"))
    }
}
