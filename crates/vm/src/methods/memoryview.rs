//! `memoryview` basics: one-dimensional views of bytes and bytearrays
//! (indexing, slicing with steps, writes through to a bytearray, `tobytes`,
//! `tolist`, `hex`, `release`), and `cast` to CPython's native single-item
//! formats (`re` casts its charset bitmaps to `'I'`).

use std::cell::Cell;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::*;

/// A view of `len` bytes of `obj`, starting at `start`, `step` apart.
#[derive(Debug)]
pub struct MemView {
    /// The exporting object (bytes or bytearray).
    pub obj: Value,
    /// First index into the object.
    pub start: i64,
    /// Number of items.
    pub len: i64,
    /// Distance between items, in bytes.
    pub step: i64,
    /// The `struct` format character of the items (`b'B'` unless cast).
    pub format: u8,
    /// Set by `release()`.
    pub released: Cell<bool>,
}

impl MemView {
    fn check(&self) -> PyResult<()> {
        if self.released.get() {
            return Err(PyErr::value_error(
                "operation forbidden on released memoryview object",
            ));
        }
        Ok(())
    }

    /// Bytes per item.
    pub fn itemsize(&self) -> i64 {
        format_size(self.format).unwrap_or(1) as i64
    }

    /// The viewed bytes.
    pub fn to_vec(&self) -> PyResult<Vec<u8>> {
        self.check()?;
        let size = self.itemsize();
        let read = |data: &[u8]| -> Vec<u8> {
            (0..self.len)
                .flat_map(|i| {
                    let at = self.start + i * self.step;
                    (at..at + size).filter_map(|k| data.get(k as usize).copied())
                })
                .collect()
        };
        Ok(match &self.obj {
            Value::Bytes(b) => read(b),
            Value::ByteArray(b) => read(&b.borrow()),
            _ => Vec::new(),
        })
    }

    /// The items as Python values (`tolist()`, iteration).
    pub fn items(&self) -> PyResult<Vec<Value>> {
        let bytes = self.to_vec()?;
        let size = self.itemsize() as usize;
        Ok(bytes
            .chunks(size)
            .map(|c| decode_item(self.format, c))
            .collect())
    }

    /// `len(view)`.
    pub fn length(&self) -> PyResult<usize> {
        self.check()?;
        Ok(self.len as usize)
    }

    /// Whether writes are refused.
    pub fn readonly(&self) -> bool {
        !matches!(self.obj, Value::ByteArray(_))
    }
}

/// `memoryview(obj)`.
pub fn new_memoryview(obj: &Value) -> PyResult<Value> {
    let (obj, start, len, step, format) = match obj {
        Value::Bytes(b) => (obj.clone(), 0, b.len() as i64, 1, b'B'),
        Value::ByteArray(b) => (obj.clone(), 0, b.borrow().len() as i64, 1, b'B'),
        Value::MemoryView(m) => {
            m.check()?;
            (m.obj.clone(), m.start, m.len, m.step, m.format)
        }
        other => {
            return Err(PyErr::type_error(format!(
                "memoryview: a bytes-like object is required, not '{}'",
                type_name(other)
            )))
        }
    };
    Ok(Value::MemoryView(Rc::new(MemView {
        obj,
        start,
        len,
        step,
        format,
        released: Cell::new(false),
    })))
}

/// `view[key]`.
pub fn getitem(m: &MemView, key: &Value) -> PyResult<Value> {
    m.check()?;
    match key {
        Value::Slice(sl) => {
            let (start, stop, step) = crate::protocol::slice_indices(sl, m.len as usize)?;
            let n = if step > 0 {
                if stop > start {
                    (stop - start - 1) / step + 1
                } else {
                    0
                }
            } else if start > stop {
                (start - stop - 1) / (-step) + 1
            } else {
                0
            };
            Ok(Value::MemoryView(Rc::new(MemView {
                obj: m.obj.clone(),
                start: m.start + start * m.step,
                len: n,
                step: m.step * step,
                format: m.format,
                released: Cell::new(false),
            })))
        }
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let i = item_index(m, key)?;
            let items = m.items()?;
            Ok(items[i].clone())
        }
        other => Err(PyErr::type_error(format!(
            "memoryview: invalid slice key {}",
            crate::repr::repr(other)
        ))),
    }
}

fn item_index(m: &MemView, key: &Value) -> PyResult<usize> {
    let i = crate::ops::index_of(key).unwrap_or(i64::MAX);
    let i = if i < 0 { i + m.len } else { i };
    if !(0..m.len).contains(&i) {
        return Err(PyErr::index_error("index out of bounds on dimension 1"));
    }
    Ok(i as usize)
}

/// `view[key] = value`.
pub fn setitem(m: &MemView, key: &Value, value: &Value) -> PyResult<()> {
    m.check()?;
    let Value::ByteArray(target) = &m.obj else {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    };
    if m.format != b'B' {
        return Err(PyErr::new(
            crate::types::ExcKind::NotImplementedError,
            format!(
                "memoryview: assignment to a view of format '{}'",
                m.format as char
            ),
        ));
    }
    match key {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let i = item_index(m, key)?;
            let b = match value {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                    u8::try_from(crate::ops::index_of(value).unwrap_or(-1)).map_err(|_| {
                        PyErr::value_error("memoryview: invalid value for format 'B'")
                    })?
                }
                _ => return Err(PyErr::type_error("memoryview: invalid type for format 'B'")),
            };
            let pos = (m.start + i as i64 * m.step) as usize;
            if let Some(slot) = target.borrow_mut().get_mut(pos) {
                *slot = b;
            }
            Ok(())
        }
        Value::Slice(_) => {
            let Value::MemoryView(view) = getitem(m, key)? else {
                return Ok(());
            };
            let src = match value {
                Value::Bytes(b) => b.to_vec(),
                Value::ByteArray(b) => b.borrow().clone(),
                Value::MemoryView(v) => v.to_vec()?,
                other => {
                    return Err(PyErr::type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        type_name(other)
                    )))
                }
            };
            if src.len() as i64 != view.len {
                return Err(PyErr::value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            let mut t = target.borrow_mut();
            for (k, b) in src.into_iter().enumerate() {
                let pos = (view.start + k as i64 * view.step) as usize;
                if let Some(slot) = t.get_mut(pos) {
                    *slot = b;
                }
            }
            Ok(())
        }
        other => Err(PyErr::type_error(format!(
            "memoryview: invalid slice key {}",
            crate::repr::repr(other)
        ))),
    }
}

/// Attributes of a view.
pub fn attr(m: &MemView, name: &str) -> PyResult<Option<Value>> {
    let simple = match name {
        "obj" => Some(m.obj.clone()),
        "readonly" => Some(Value::Bool(m.readonly())),
        "itemsize" => Some(Value::Int(m.itemsize())),
        "format" => Some(Value::string((m.format as char).to_string())),
        "ndim" => Some(Value::Int(1)),
        "nbytes" => Some(Value::Int(m.len * m.itemsize())),
        "shape" => Some(Value::tuple(vec![Value::Int(m.len)])),
        "strides" => Some(Value::tuple(vec![Value::Int(m.step)])),
        "c_contiguous" | "contiguous" | "f_contiguous" => Some(Value::Bool(m.step == m.itemsize())),
        _ => None,
    };
    if simple.is_some() && name != "readonly" {
        m.check()?;
    }
    Ok(simple)
}

method_table!(pub(super) MEMORYVIEW_METHODS, "memoryview", [
    "hex" => mv_hex, "release" => mv_release, "tobytes" => mv_tobytes, "tolist" => mv_tolist,
    "toreadonly" => mv_toreadonly, "cast" => mv_cast,
]);

fn recv<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Rc<MemView>> {
    match a.pos.first() {
        Some(Value::MemoryView(m)) => Ok(m),
        other => Err(descriptor_error(name, "memoryview", other)),
    }
}

fn mv_tobytes(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let m = recv(&a, "tobytes")?;
    Ok(Value::Bytes(Rc::new(m.to_vec()?)))
}

fn mv_tolist(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let m = recv(&a, "tolist")?;
    noargs(&a, "memoryview", "tolist")?;
    Ok(Value::list(m.items()?))
}

fn mv_hex(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let m = recv(&a, "hex")?;
    let mut pos = vec![Value::Bytes(Rc::new(m.to_vec()?))];
    pos.extend(a.pos[1..].iter().cloned());
    super::bytes::bytes_hex(
        vm,
        Args {
            pos: &pos,
            kwnames: a.kwnames,
            kwvals: a.kwvals,
        },
    )
}

fn mv_release(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let m = recv(&a, "release")?;
    noargs(&a, "memoryview", "release")?;
    m.released.set(true);
    Ok(Value::None)
}

fn mv_toreadonly(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let m = recv(&a, "toreadonly")?;
    noargs(&a, "memoryview", "toreadonly")?;
    m.check()?;
    Ok(Value::MemoryView(Rc::new(MemView {
        obj: Value::Bytes(Rc::new(m.to_vec()?)),
        start: 0,
        len: m.len,
        step: m.itemsize(),
        format: m.format,
        released: Cell::new(false),
    })))
}

/// Bytes per item of a native single-character `struct` format.
fn format_size(f: u8) -> Option<usize> {
    Some(match f {
        b'B' | b'b' | b'c' | b'?' => 1,
        b'H' | b'h' => 2,
        b'I' | b'i' | b'f' => 4,
        b'L' | b'l' | b'Q' | b'q' | b'N' | b'n' | b'P' | b'd' => 8,
        _ => return None,
    })
}

/// One item of format `f` from its native-endian bytes.
fn decode_item(f: u8, c: &[u8]) -> Value {
    let mut raw = [0u8; 8];
    raw[..c.len().min(8)].copy_from_slice(&c[..c.len().min(8)]);
    let unsigned = u64::from_ne_bytes(raw);
    let signed = |bits: u32| -> i64 {
        let shift = 64 - bits;
        ((unsigned << shift) as i64) >> shift
    };
    match f {
        b'c' => Value::Bytes(Rc::new(vec![c.first().copied().unwrap_or(0)])),
        b'?' => Value::Bool(unsigned != 0),
        b'b' => Value::Int(signed(8)),
        b'h' => Value::Int(signed(16)),
        b'i' => Value::Int(signed(32)),
        b'l' | b'q' | b'n' => Value::Int(signed(64)),
        b'f' => Value::Float(f64::from(f32::from_ne_bytes([
            raw[0], raw[1], raw[2], raw[3],
        ]))),
        b'd' => Value::Float(f64::from_ne_bytes(raw)),
        _ => match i64::try_from(unsigned) {
            Ok(v) => Value::Int(v),
            Err(_) => Value::from_bigint(num_bigint::BigInt::from(unsigned)),
        },
    }
}

/// `view.cast(format)`: the same bytes as items of another native format.
fn mv_cast(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let m = recv(&a, "cast")?;
    m.check()?;
    let fmt = match (a.pos.get(1), a.kwnames.len()) {
        (Some(Value::Str(s)), 0) if a.pos.len() == 2 => s.as_str().to_string(),
        (Some(Value::Str(_)), _) | (None, _) => {
            return Err(PyErr::new(
                crate::types::ExcKind::NotImplementedError,
                "memoryview.cast: the shape argument",
            ))
        }
        (Some(other), _) => {
            return Err(PyErr::type_error(format!(
                "cast() argument 'format' must be str, not {}",
                type_name(other)
            )))
        }
    };
    let code = fmt.strip_prefix('@').unwrap_or(&fmt);
    let new = match code.as_bytes() {
        [c] if format_size(*c).is_some() => *c,
        _ => {
            return Err(PyErr::value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ))
        }
    };
    if m.step != m.itemsize() {
        return Err(PyErr::type_error(
            "memoryview: casts are restricted to C-contiguous views",
        ));
    }
    let byte_format = |f: u8| matches!(f, b'B' | b'b' | b'c');
    if !byte_format(m.format) && !byte_format(new) {
        return Err(PyErr::type_error(
            "memoryview: cannot cast between two non-byte formats",
        ));
    }
    let nbytes = m.len * m.itemsize();
    let size = format_size(new).unwrap_or(1) as i64;
    if nbytes % size != 0 {
        return Err(PyErr::type_error(
            "memoryview: length is not a multiple of itemsize",
        ));
    }
    Ok(Value::MemoryView(Rc::new(MemView {
        obj: m.obj.clone(),
        start: m.start,
        len: nbytes / size,
        step: size,
        format: new,
        released: Cell::new(false),
    })))
}
