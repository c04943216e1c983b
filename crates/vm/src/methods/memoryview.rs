//! `memoryview` basics: one-dimensional views of bytes and bytearrays with
//! format `'B'` (indexing, slicing with steps, writes through to a
//! bytearray, `tobytes`, `tolist`, `hex`, `release`).

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
    /// Distance between items.
    pub step: i64,
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

    /// The viewed bytes.
    pub fn to_vec(&self) -> PyResult<Vec<u8>> {
        self.check()?;
        let read = |data: &[u8]| -> Vec<u8> {
            (0..self.len)
                .filter_map(|i| data.get((self.start + i * self.step) as usize).copied())
                .collect()
        };
        Ok(match &self.obj {
            Value::Bytes(b) => read(b),
            Value::ByteArray(b) => read(&b.borrow()),
            _ => Vec::new(),
        })
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
    let (obj, start, len, step) = match obj {
        Value::Bytes(b) => (obj.clone(), 0, b.len() as i64, 1),
        Value::ByteArray(b) => (obj.clone(), 0, b.borrow().len() as i64, 1),
        Value::MemoryView(m) => {
            m.check()?;
            (m.obj.clone(), m.start, m.len, m.step)
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
                released: Cell::new(false),
            })))
        }
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let i = item_index(m, key)?;
            let data = m.to_vec()?;
            Ok(Value::Int(i64::from(data[i])))
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
        "itemsize" => Some(Value::Int(1)),
        "format" => Some(Value::str("B")),
        "ndim" => Some(Value::Int(1)),
        "nbytes" => Some(Value::Int(m.len)),
        "shape" => Some(Value::tuple(vec![Value::Int(m.len)])),
        "strides" => Some(Value::tuple(vec![Value::Int(m.step)])),
        "c_contiguous" | "contiguous" | "f_contiguous" => Some(Value::Bool(m.step == 1)),
        _ => None,
    };
    if simple.is_some() && name != "readonly" {
        m.check()?;
    }
    Ok(simple)
}

method_table!(pub(super) MEMORYVIEW_METHODS, "memoryview", [
    "hex" => mv_hex, "release" => mv_release, "tobytes" => mv_tobytes, "tolist" => mv_tolist,
    "toreadonly" => mv_toreadonly,
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
    Ok(Value::list(
        m.to_vec()?
            .into_iter()
            .map(|b| Value::Int(i64::from(b)))
            .collect(),
    ))
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
        step: 1,
        released: Cell::new(false),
    })))
}
