//! `memoryview`: CPython's `Objects/memoryobject.c` over the VM's buffer
//! exporters (`bytes`, `bytearray`, `array.array` and their subclasses).
//!
//! A view is the exporter's layout (`format`, `itemsize`, `shape`,
//! `strides`, the byte offset of the first item) and a [`Source`], the handle
//! on the exported bytes that all views derived from one `memoryview(obj)`
//! share, as CPython's views share one managed buffer: an array counts as
//! exporting until the last of them is released or dropped. Items are read
//! and written through the native `struct` formats of CPython's fast paths.

mod format;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::bytearray_obj::ByteArrayExport;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::modules::array::ArrayExport;
use crate::modules::io::export::BytesIoExport;
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

use super::*;

pub use format::native_char;
use format::{item_size, pack, unpack};

/// The exported bytes a view reads.
#[derive(Debug, Clone)]
pub enum Source {
    /// Immutable bytes.
    Bytes(Rc<Vec<u8>>),
    /// A bytearray's storage; the handle counts as one export of it.
    ByteArray(Rc<ByteArrayExport>),
    /// An array's items; the handle counts as one export of the array.
    Array(Rc<ArrayExport>),
    /// A `BytesIO`'s memory; the handle counts as one export of it.
    BytesIo(Rc<BytesIoExport>),
}

impl Source {
    /// Runs `f` over the exported bytes.
    pub fn with<R>(&self, f: impl FnOnce(&[u8]) -> R) -> PyResult<R> {
        match self {
            Source::Bytes(b) => Ok(f(b)),
            Source::ByteArray(b) => Ok(f(&b
                .obj()
                .try_borrow()
                .map_err(|_| PyErr::new(ExcKind::BufferError, "buffer is in use"))?)),
            Source::Array(a) => a.with(f),
            Source::BytesIo(b) => b.with(f),
        }
    }

    /// Runs `f` over the exported bytes, writably (`bytes` are never written:
    /// views of them are read-only).
    fn with_mut<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> PyResult<R> {
        match self {
            Source::Bytes(_) => Err(PyErr::type_error("cannot modify read-only memory")),
            Source::ByteArray(b) => Ok(f(&mut b
                .obj()
                .try_write()
                .map_err(|_| PyErr::new(ExcKind::BufferError, "buffer is in use"))?)),
            Source::Array(a) => a.with_mut(f),
            Source::BytesIo(b) => b.with_mut(f),
        }
    }
}

/// What a live view holds: the exporting object and its bytes.
#[derive(Debug, Clone)]
struct Base {
    obj: Value,
    src: Source,
}

/// A view: the layout of items over a [`Source`]; `release()` drops the base.
#[derive(Debug)]
pub struct MemView {
    base: RefCell<Option<Base>>,
    /// Byte offset of the first item in the source.
    offset: i64,
    shape: Vec<i64>,
    strides: Vec<i64>,
    format: String,
    itemsize: i64,
    readonly: bool,
    hash: Cell<Option<i64>>,
}

fn released_error() -> PyErr {
    PyErr::value_error("operation forbidden on released memoryview object")
}

impl MemView {
    /// The buffer `v` exports (`PyObject_GetBuffer`), or `None` if it exports
    /// none. A released view is an error.
    pub fn of(v: &Value) -> Option<PyResult<MemView>> {
        let whole = |src: Source, len: usize, format: &str, itemsize: i64| MemView {
            base: RefCell::new(Some(Base {
                obj: v.clone(),
                src,
            })),
            offset: 0,
            shape: vec![len as i64 / itemsize],
            strides: vec![itemsize],
            format: format.to_string(),
            itemsize,
            readonly: false,
            hash: Cell::new(None),
        };
        let bytes = |b: &Rc<Vec<u8>>| {
            let mut m = whole(Source::Bytes(b.clone()), b.len(), "B", 1);
            m.readonly = true;
            m
        };
        Some(Ok(match v {
            Value::Bytes(b) => bytes(b),
            Value::ByteArray(b) => {
                let n = b.borrow().len();
                whole(Source::ByteArray(Rc::new(b.export())), n, "B", 1)
            }
            Value::MemoryView(m) => match m.derive() {
                Ok(m) => m,
                Err(e) => return Some(Err(e)),
            },
            Value::Instance(_) => match crate::instance::payload_of(v) {
                Some(Value::Bytes(b)) => bytes(b),
                Some(Value::ByteArray(b)) => {
                    let n = b.borrow().len();
                    whole(Source::ByteArray(Rc::new(b.export())), n, "B", 1)
                }
                _ if crate::modules::pickle::is_picklebuffer(v) => {
                    return crate::modules::pickle::export_picklebuffer(v);
                }
                _ => {
                    let (code, export) = match crate::modules::array::export(v)? {
                        Ok(e) => e,
                        Err(e) => return Some(Err(e)),
                    };
                    // `'u'` items are wchar_t, which CPython 3.11 exports as `'w'`.
                    let code = if code == b'u' { b'w' } else { code };
                    let size = item_size(code).unwrap_or(4) as i64;
                    let len = match export.with(<[u8]>::len) {
                        Ok(n) => n,
                        Err(e) => return Some(Err(e)),
                    };
                    let fmt = char::from(code).to_string();
                    whole(Source::Array(Rc::new(export)), len, &fmt, size)
                }
            },
            _ => return None,
        }))
    }

    /// A writable byte view of a `BytesIO`'s memory (`getbuffer()`), whose
    /// `obj` is the stream.
    fn of_bytesio(obj: &Value, export: BytesIoExport) -> PyResult<MemView> {
        let len = export.with(<[u8]>::len)? as i64;
        Ok(MemView {
            base: RefCell::new(Some(Base {
                obj: obj.clone(),
                src: Source::BytesIo(Rc::new(export)),
            })),
            offset: 0,
            shape: vec![len],
            strides: vec![1],
            format: "B".to_string(),
            itemsize: 1,
            readonly: false,
            hash: Cell::new(None),
        })
    }

    /// A new view with this one's layout and base (`mbuf_add_view`).
    pub(crate) fn derive(&self) -> PyResult<MemView> {
        let base = self.base()?;
        Ok(MemView {
            base: RefCell::new(Some(base)),
            offset: self.offset,
            shape: self.shape.clone(),
            strides: self.strides.clone(),
            format: self.format.clone(),
            itemsize: self.itemsize,
            readonly: self.readonly,
            hash: Cell::new(None),
        })
    }

    /// A read-only view with this one's layout and base.
    pub(crate) fn derive_readonly(&self) -> PyResult<MemView> {
        let mut v = self.derive()?;
        v.readonly = true;
        Ok(v)
    }

    fn base(&self) -> PyResult<Base> {
        self.base.borrow().clone().ok_or_else(released_error)
    }

    fn src(&self) -> PyResult<Source> {
        Ok(self.base()?.src)
    }

    /// Whether `release()` was called.
    pub fn released(&self) -> bool {
        self.base.borrow().is_none()
    }

    fn check(&self) -> PyResult<()> {
        if self.released() {
            return Err(released_error());
        }
        Ok(())
    }

    /// Bytes per item.
    pub fn itemsize(&self) -> i64 {
        self.itemsize
    }

    /// Number of bytes the view covers.
    pub fn nbytes(&self) -> i64 {
        self.shape.iter().product::<i64>() * self.itemsize
    }

    /// Whether writes are refused.
    pub fn readonly(&self) -> bool {
        self.readonly
    }

    /// `len(view)`.
    pub fn length(&self) -> PyResult<usize> {
        self.check()?;
        // A 0-dim view has length 1 (`memory_length`).
        Ok(self.shape.first().map_or(1, |n| *n as usize))
    }

    /// Whether the items are laid out in C order without gaps.
    pub fn c_contiguous(&self) -> bool {
        match self.shape.len() {
            0 => true,
            1 => self.shape[0] == 1 || self.strides[0] == self.itemsize,
            _ => self.contiguous_in(self.shape.len() - 1, |k| k.checked_sub(1)),
        }
    }

    /// Whether the items are laid out in Fortran order without gaps.
    pub fn f_contiguous(&self) -> bool {
        match self.shape.len() {
            0 => true,
            1 => self.c_contiguous(),
            n => self.contiguous_in(0, |k| (k + 1 < n).then_some(k + 1)),
        }
    }

    /// `PyBuffer_IsContiguous` walking the dimensions from `first` by `next`.
    fn contiguous_in(&self, first: usize, next: impl Fn(usize) -> Option<usize>) -> bool {
        if self.nbytes() == 0 {
            return true;
        }
        let mut expected = self.itemsize;
        let mut k = Some(first);
        while let Some(i) = k {
            if self.shape[i] > 1 && self.strides[i] != expected {
                return false;
            }
            expected *= self.shape[i];
            k = next(i);
        }
        true
    }

    /// Byte offsets of the items, in C order.
    fn item_offsets(&self) -> Vec<i64> {
        let mut out = vec![self.offset];
        for (n, s) in self.shape.iter().zip(&self.strides) {
            let mut next = Vec::with_capacity(out.len() * (*n).max(0) as usize);
            for base in &out {
                next.extend((0..*n).map(|i| base + i * s));
            }
            out = next;
        }
        out
    }

    /// The viewed bytes, in C order (`tobytes()`).
    pub fn to_vec(&self) -> PyResult<Vec<u8>> {
        let src = self.src()?;
        let size = self.itemsize as usize;
        if self.c_contiguous() {
            let start = self.offset.max(0) as usize;
            let n = self.nbytes() as usize;
            return src.with(|data| {
                data.get(start..start + n)
                    .map_or_else(|| vec![0; n], <[u8]>::to_vec)
            });
        }
        let offsets = self.item_offsets();
        src.with(|data| {
            let mut out = Vec::with_capacity(offsets.len() * size);
            for at in offsets {
                match data.get(at as usize..at as usize + size) {
                    Some(item) => out.extend_from_slice(item),
                    None => out.resize(out.len() + size, 0),
                }
            }
            out
        })
    }

    /// The bytes in Fortran order (`tobytes('F')`).
    fn to_vec_fortran(&self) -> PyResult<Vec<u8>> {
        if self.shape.len() < 2 {
            return self.to_vec();
        }
        let mut t = self.derive()?;
        t.shape.reverse();
        t.strides.reverse();
        t.to_vec()
    }

    /// The single-character item format (`adjust_fmt`).
    fn item_format(&self) -> PyResult<u8> {
        let f = self.format.strip_prefix('@').unwrap_or(&self.format);
        match f.as_bytes() {
            [c] => Ok(*c),
            _ => Err(PyErr::new(
                ExcKind::NotImplementedError,
                format!("memoryview: unsupported format {}", self.format),
            )),
        }
    }

    /// The item at byte offset `at`.
    fn read_item(&self, fmt: u8, at: i64) -> PyResult<Value> {
        let size = self.itemsize as usize;
        let bytes = self.src()?.with(|data| {
            data.get(at as usize..at as usize + size)
                .map_or_else(|| vec![0; size], <[u8]>::to_vec)
        })?;
        unpack(fmt, &bytes)
    }

    /// The items as Python values, for iteration: one-dimensional views only.
    pub fn items(&self) -> PyResult<Vec<Value>> {
        self.check()?;
        if self.shape.is_empty() {
            return Err(PyErr::type_error("invalid indexing of 0-dim memory"));
        }
        if self.shape.len() > 1 {
            return Err(PyErr::new(
                ExcKind::NotImplementedError,
                "multi-dimensional sub-views are not implemented",
            ));
        }
        let fmt = self.item_format()?;
        let bytes = self.to_vec()?;
        bytes
            .chunks_exact(self.itemsize as usize)
            .map(|c| unpack(fmt, c))
            .collect()
    }

    /// `tolist()`: nested lists for more than one dimension.
    fn tolist(&self) -> PyResult<Value> {
        self.check()?;
        let fmt = self.item_format()?;
        let bytes = self.to_vec()?;
        let mut items = bytes
            .chunks_exact(self.itemsize.max(1) as usize)
            .map(|c| unpack(fmt, c))
            .collect::<PyResult<Vec<Value>>>()?;
        if self.shape.is_empty() {
            return Ok(items.pop().unwrap_or(Value::None));
        }
        for n in self.shape[1..].iter().rev() {
            let n = (*n).max(1) as usize;
            items = items.chunks(n).map(|c| Value::list(c.to_vec())).collect();
        }
        Ok(Value::list(items))
    }

    /// Writes `data` at the start of the view, byte for byte (a receiving
    /// call such as `recv_into` or `readinto` filling a writable buffer).
    pub fn write_bytes(&self, data: &[u8]) -> PyResult<()> {
        if self.readonly {
            return Err(PyErr::type_error("cannot modify read-only memory"));
        }
        let size = self.itemsize as usize;
        let offsets = self.item_offsets();
        self.src()?.with_mut(|buf| {
            for (chunk, at) in data.chunks(size).zip(offsets) {
                if let Some(slot) = buf.get_mut(at as usize..at as usize + chunk.len()) {
                    slot.copy_from_slice(chunk);
                }
            }
        })
    }

    /// Writes `data` at byte `start` of a C-contiguous view (`pack_into`).
    pub fn write_at(&self, start: usize, data: &[u8]) -> PyResult<()> {
        if self.readonly {
            return Err(PyErr::type_error("cannot modify read-only memory"));
        }
        let at = self.offset as usize + start;
        self.src()?.with_mut(|buf| {
            if let Some(slot) = buf.get_mut(at..at + data.len()) {
                slot.copy_from_slice(data);
            }
        })
    }

    /// The byte offset of item `index` along dimension `dim`
    /// (`lookup_dimension`).
    fn lookup(&self, at: i64, dim: usize, index: i64) -> PyResult<i64> {
        let n = self.shape[dim];
        let i = if index < 0 { index + n } else { index };
        if !(0..n).contains(&i) {
            return Err(PyErr::index_error(format!(
                "index out of bounds on dimension {}",
                dim + 1
            )));
        }
        Ok(at + i * self.strides[dim])
    }

    /// The byte offset an index tuple names (`ptr_from_tuple`).
    fn offset_of_tuple(&self, vm: &mut Vm, key: &[Value]) -> PyResult<i64> {
        if key.len() > self.shape.len() {
            return Err(PyErr::type_error(format!(
                "cannot index {}-dimension view with {}-element tuple",
                self.shape.len(),
                key.len()
            )));
        }
        let mut at = self.offset;
        for (dim, k) in key.iter().enumerate() {
            let i = ssize_index(vm, k)?;
            at = self.lookup(at, dim, i)?;
        }
        Ok(at)
    }

    /// This view with dimension 0 sliced (`init_slice`).
    fn sliced(&self, sl: &[Value; 3]) -> PyResult<MemView> {
        // Derived first, as `mbuf_add_view` comes before `init_slice`: an
        // `__index__` of the slice that releases this view leaves the new
        // one valid.
        let mut m = self.derive()?;
        let (start, stop, step) = crate::protocol::slice_indices(sl, self.shape[0] as usize)?;
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
        m.offset += start * self.strides[0];
        m.shape[0] = n;
        m.strides[0] *= step;
        Ok(m)
    }
}

/// `memoryview(obj)`.
pub fn new_memoryview(obj: &Value) -> PyResult<Value> {
    match MemView::of(obj) {
        Some(m) => Ok(Value::MemoryView(Rc::new(m?))),
        None => Err(PyErr::type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            type_name(obj)
        ))),
    }
}

/// The view `BytesIO.getbuffer()` returns over the stream `obj`.
pub fn bytesio_view(obj: &Value, export: BytesIoExport) -> PyResult<Value> {
    Ok(Value::MemoryView(Rc::new(MemView::of_bytesio(
        obj, export,
    )?)))
}

use crate::protocol::has_index as is_index;

/// `PyNumber_AsSsize_t(key, PyExc_IndexError)`.
fn ssize_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    vm.index_value(v).map_err(|e| {
        if e.is(ExcKind::OverflowError) {
            PyErr::index_error(format!(
                "cannot fit '{}' into an index-sized integer",
                type_name(v)
            ))
        } else {
            e
        }
    })
}

fn invalid_key() -> PyErr {
    PyErr::type_error("memoryview: invalid slice key")
}

fn not_implemented(msg: &str) -> PyErr {
    PyErr::new(ExcKind::NotImplementedError, msg)
}

fn is_multislice(key: &Value) -> bool {
    matches!(key, Value::Tuple(t) if !t.is_empty() && t.iter().all(|k| matches!(k, Value::Slice(_))))
}

/// `view[key]`.
pub fn getitem(vm: &mut Vm, m: &Rc<MemView>, key: &Value) -> PyResult<Value> {
    m.check()?;
    if m.shape.is_empty() {
        return match key {
            Value::Tuple(t) if t.is_empty() => {
                let fmt = m.item_format()?;
                m.read_item(fmt, m.offset)
            }
            Value::Ellipsis => Ok(Value::MemoryView(m.clone())),
            _ => Err(PyErr::type_error("invalid indexing of 0-dim memory")),
        };
    }
    if is_index(key) {
        let i = ssize_index(vm, key)?;
        let fmt = m.item_format()?;
        if m.shape.len() > 1 {
            return Err(not_implemented(
                "multi-dimensional sub-views are not implemented",
            ));
        }
        let at = m.lookup(m.offset, 0, i)?;
        return m.read_item(fmt, at);
    }
    match key {
        Value::Slice(sl) => Ok(Value::MemoryView(Rc::new(m.sliced(sl)?))),
        Value::Tuple(t) if t.iter().all(is_index) => {
            let fmt = m.item_format()?;
            if t.len() < m.shape.len() {
                return Err(not_implemented("sub-views are not implemented"));
            }
            let at = m.offset_of_tuple(vm, t)?;
            m.read_item(fmt, at)
        }
        k if is_multislice(k) => Err(not_implemented(
            "multi-dimensional slicing is not implemented",
        )),
        _ => Err(invalid_key()),
    }
}

/// `view[key] = value`.
pub fn setitem(vm: &mut Vm, m: &MemView, key: &Value, value: &Value) -> PyResult<()> {
    m.check()?;
    if m.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    let store = |vm: &mut Vm, at: i64| -> PyResult<()> {
        let fmt = m.item_format()?;
        let mut item = vec![0u8; m.itemsize as usize];
        pack(vm, fmt, value, &mut item)?;
        m.src()?.with_mut(|buf| {
            if let Some(slot) = buf.get_mut(at as usize..at as usize + item.len()) {
                slot.copy_from_slice(&item);
            }
        })
    };
    if m.shape.is_empty() {
        return match key {
            Value::Ellipsis => store(vm, m.offset),
            Value::Tuple(t) if t.is_empty() => store(vm, m.offset),
            _ => Err(PyErr::type_error("invalid indexing of 0-dim memory")),
        };
    }
    if is_index(key) {
        if m.shape.len() > 1 {
            return Err(not_implemented("sub-views are not implemented"));
        }
        let i = ssize_index(vm, key)?;
        let at = m.lookup(m.offset, 0, i)?;
        return store(vm, at);
    }
    match key {
        Value::Slice(sl) if m.shape.len() == 1 => {
            let src = match MemView::of(value) {
                Some(v) => v?,
                None => return Err(crate::buffer::not_bytes_like(value)),
            };
            let mut parts = [Value::None, Value::None, Value::None];
            for (p, v) in parts.iter_mut().zip(sl.iter()) {
                *p = match v {
                    Value::Instance(_) => Value::Int(vm.index_value(v)?),
                    other => other.clone(),
                };
            }
            // An `__index__` may have released the view.
            m.check()?;
            let dest = m.sliced(&parts)?;
            let strip = |f: &str| f.strip_prefix('@').unwrap_or(f).to_string();
            if strip(&dest.format) != strip(&src.format)
                || dest.itemsize != src.itemsize
                || dest.shape != src.shape
            {
                return Err(PyErr::value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            // The source is read whole first: the two may overlap.
            let data = src.to_vec()?;
            dest.write_bytes(&data)
        }
        Value::Tuple(t) if t.iter().all(is_index) => {
            if t.len() < m.shape.len() {
                return Err(not_implemented("sub-views are not implemented"));
            }
            let at = m.offset_of_tuple(vm, t)?;
            store(vm, at)
        }
        k if matches!(k, Value::Slice(_)) || is_multislice(k) => Err(not_implemented(
            "memoryview slice assignments are currently restricted to ndim = 1",
        )),
        _ => Err(invalid_key()),
    }
}

/// `del view[key]`.
pub fn delitem(m: &MemView) -> PyResult<()> {
    m.check()?;
    if m.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    Err(PyErr::type_error("cannot delete memory"))
}

fn ints(v: &[i64]) -> Value {
    Value::tuple(v.iter().map(|n| Value::Int(*n)).collect())
}

/// Attributes of a view.
pub fn attr(m: &MemView, name: &str) -> PyResult<Option<Value>> {
    let known = matches!(
        name,
        "obj"
            | "readonly"
            | "itemsize"
            | "format"
            | "ndim"
            | "nbytes"
            | "shape"
            | "strides"
            | "suboffsets"
            | "c_contiguous"
            | "f_contiguous"
            | "contiguous"
    );
    if !known {
        return Ok(None);
    }
    let Some(base) = m.base.borrow().clone() else {
        return Err(released_error());
    };
    Ok(Some(match name {
        "obj" => base.obj,
        "readonly" => Value::Bool(m.readonly),
        "itemsize" => Value::Int(m.itemsize),
        "format" => Value::string(m.format.clone()),
        "ndim" => Value::Int(m.shape.len() as i64),
        "nbytes" => Value::Int(m.nbytes()),
        "shape" => ints(&m.shape),
        "strides" => ints(&m.strides),
        "suboffsets" => Value::tuple(Vec::new()),
        "c_contiguous" => Value::Bool(m.c_contiguous()),
        "f_contiguous" => Value::Bool(m.f_contiguous()),
        _ => Value::Bool(m.c_contiguous() || m.f_contiguous()),
    }))
}

/// `hash(view)`: read-only views of byte formats hash as their bytes.
pub fn hash(m: &MemView) -> PyResult<i64> {
    if let Some(h) = m.hash.get() {
        return Ok(h);
    }
    let base = m.base()?;
    if !m.readonly {
        return Err(PyErr::value_error("cannot hash writable memoryview object"));
    }
    let f = m.format.strip_prefix('@').unwrap_or(&m.format);
    if !matches!(f, "B" | "b" | "c") {
        return Err(PyErr::value_error(
            "memoryview: hashing is restricted to formats 'B', 'b' or 'c'",
        ));
    }
    // The exporter must be hashable itself, with its own message.
    if !matches!(base.src, Source::Bytes(_)) {
        return Err(PyErr::type_error(format!(
            "unhashable type: '{}'",
            type_name(&base.obj)
        )));
    }
    let h = crate::hash::bytes_hash(&m.to_vec()?);
    m.hash.set(Some(h));
    Ok(h)
}

/// `view == other` (`memory_richcompare`): `None` when `other` exports no
/// buffer. Items compare as the values their formats unpack to.
pub fn equal(m: &MemView, other: &Value) -> Option<bool> {
    if let Value::MemoryView(o) = other {
        if m.released() || o.released() {
            return Some(std::ptr::eq(m, Rc::as_ptr(o)));
        }
    }
    if m.released() {
        return Some(false);
    }
    let o = MemView::of(other)?.ok()?;
    if m.shape != o.shape {
        return Some(false);
    }
    let (Some(f), Some(g)) = (native_char(&m.format), native_char(&o.format)) else {
        // The struct module knows no such format: not equal.
        return Some(false);
    };
    let (Ok(x), Ok(y)) = (m.to_vec(), o.to_vec()) else {
        return Some(false);
    };
    let xs = x.chunks_exact(m.itemsize.max(1) as usize);
    let ys = y.chunks_exact(o.itemsize.max(1) as usize);
    for (a, b) in xs.zip(ys) {
        match (unpack(f, a), unpack(g, b)) {
            (Ok(a), Ok(b)) if crate::ops::eq(&a, &b) => {}
            _ => return Some(false),
        }
    }
    Some(true)
}

method_table!(pub(super) MEMORYVIEW_METHODS, "memoryview", [
    "hex" => mv_hex, "release" => mv_release, "tobytes" => mv_tobytes, "tolist" => mv_tolist,
    "toreadonly" => mv_toreadonly, "cast" => mv_cast, "__enter__" => mv_enter,
    "__exit__" => mv_exit,
]);

fn recv<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Rc<MemView>> {
    match a.pos.first() {
        Some(Value::MemoryView(m)) => Ok(m),
        other => Err(descriptor_error(name, "memoryview", other)),
    }
}

fn mv_tobytes(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let m = recv(&a, "tobytes")?;
    a.check_kw("tobytes", &["order"])?;
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "tobytes() takes at most 1 argument ({} given)",
            a.pos.len() - 1
        )));
    }
    m.check()?;
    let order = a.pos.get(1).or_else(|| a.kw("order"));
    let fortran = match order {
        None | Some(Value::None) => false,
        Some(Value::Str(s)) => match s.as_str() {
            "C" | "A" => false,
            "F" => true,
            _ => return Err(PyErr::value_error("order must be 'C', 'F' or 'A'")),
        },
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "tobytes() argument 'order' must be str or None, not {}",
                type_name(other)
            )))
        }
    };
    let data = if fortran {
        m.to_vec_fortran()?
    } else {
        m.to_vec()?
    };
    Ok(Value::Bytes(Rc::new(data)))
}

fn mv_tolist(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let m = recv(&a, "tolist")?;
    noargs(&a, "memoryview", "tolist")?;
    m.tolist()
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
    // Dropped outside the borrow: an array's export count falls with it.
    let base = m.base.borrow_mut().take();
    drop(base);
    Ok(Value::None)
}

fn mv_enter(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let m = recv(&a, "__enter__")?;
    noargs(&a, "memoryview", "__enter__")?;
    m.check()?;
    Ok(a.pos[0].clone())
}

fn mv_exit(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let m = recv(&a, "__exit__")?;
    let base = m.base.borrow_mut().take();
    drop(base);
    Ok(Value::None)
}

fn mv_toreadonly(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let m = recv(&a, "toreadonly")?;
    noargs(&a, "memoryview", "toreadonly")?;
    let mut v = m.derive()?;
    v.readonly = true;
    Ok(Value::MemoryView(Rc::new(v)))
}

/// `view.cast(format[, shape])` (`memory_cast`, `cast_to_1D`, `cast_to_ND`).
fn mv_cast(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let m = recv(&a, "cast")?;
    a.check_kw("cast", &["format", "shape"])?;
    if a.pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "cast() takes at most 2 arguments ({} given)",
            a.pos.len() - 1
        )));
    }
    let fmt = match a.pos.get(1).or_else(|| a.kw("format")) {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "cast() argument 'format' must be str, not {}",
                type_name(other)
            )))
        }
        None => {
            return Err(PyErr::type_error(
                "cast() missing required argument 'format' (pos 1)",
            ))
        }
    };
    let shape = a.pos.get(2).or_else(|| a.kw("shape"));
    m.check()?;
    if !m.c_contiguous() {
        return Err(PyErr::type_error(
            "memoryview: casts are restricted to C-contiguous views",
        ));
    }
    let zeros = m.shape.contains(&0) || m.strides.contains(&0);
    if (shape.is_some() || m.shape.len() != 1) && zeros {
        return Err(PyErr::type_error(
            "memoryview: cannot cast view with zeros in shape or strides",
        ));
    }
    let dims = match shape {
        None => None,
        Some(Value::List(l)) => Some(l.borrow().clone()),
        Some(Value::Tuple(t)) => Some(t.to_vec()),
        Some(_) => return Err(PyErr::type_error("shape must be a list or a tuple")),
    };
    if let Some(d) = &dims {
        if d.len() > 64 {
            return Err(PyErr::value_error(
                "memoryview: number of dimensions must not exceed 64",
            ));
        }
        if m.shape.len() != 1 && d.len() != 1 {
            return Err(PyErr::type_error(
                "memoryview: cast must be 1D -> ND or ND -> 1D",
            ));
        }
    }
    if !fmt.is_ascii() {
        // `PyUnicode_AsASCIIString` of the format.
        let text = fmt.as_str();
        let pos = text.chars().take_while(char::is_ascii).count();
        return Err(crate::unicode_error::encode_error(
            "ascii",
            Value::Str(fmt.clone()),
            pos,
            pos + 1,
            "ordinal not in range(128)",
        ));
    }
    let new = fmt.as_str();
    let Some(code) = native_char(new) else {
        return Err(PyErr::value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let byte_format = |f: u8| matches!(f, b'B' | b'b' | b'c');
    let src_byte = native_char(&m.format).is_some_and(byte_format);
    if !src_byte && !byte_format(code) {
        return Err(PyErr::type_error(
            "memoryview: cannot cast between two non-byte formats",
        ));
    }
    let size = item_size(code).unwrap_or(1) as i64;
    let nbytes = m.nbytes();
    if nbytes % size != 0 {
        return Err(PyErr::type_error(
            "memoryview: length is not a multiple of itemsize",
        ));
    }
    let mut v = m.derive()?;
    v.format = new.to_string();
    v.itemsize = size;
    v.shape = vec![nbytes / size];
    v.strides = vec![size];
    if let Some(d) = dims {
        let mut len = size;
        let mut shape = Vec::with_capacity(d.len());
        for x in &d {
            if !matches!(x, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
                return Err(PyErr::type_error(
                    "memoryview.cast(): elements of shape must be integers",
                ));
            }
            let n = crate::ops::index_of(x)
                .ok_or_else(|| PyErr::overflow("Python int too large to convert to C ssize_t"))?;
            if n <= 0 {
                return Err(PyErr::value_error(
                    "memoryview.cast(): elements of shape must be integers > 0",
                ));
            }
            len = len.checked_mul(n).ok_or_else(|| {
                PyErr::value_error("memoryview.cast(): product(shape) > SSIZE_MAX")
            })?;
            shape.push(n);
        }
        let mut strides = vec![0; shape.len()];
        let mut stride = size;
        for k in (0..shape.len()).rev() {
            strides[k] = stride;
            stride *= shape[k];
        }
        if shape.is_empty() {
            len = size;
        }
        if len != nbytes {
            return Err(PyErr::type_error(
                "memoryview: product(shape) * itemsize != buffer size",
            ));
        }
        v.shape = shape;
        v.strides = strides;
    }
    Ok(Value::MemoryView(Rc::new(v)))
}
