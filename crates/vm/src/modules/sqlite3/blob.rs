//! `sqlite3.Blob` (CPython's `blob.c`): incremental I/O on one BLOB
//! value, as a file-like object (`read`, `write`, `seek`, `tell`) and by
//! index and slice.

use std::cell::RefCell;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{native_methods, positional, rest, ClassSpec, SpecFlags};
use crate::types::{type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::connection::{check, ConnState};
use super::errors::{from_db, raise};
use super::{raw, state};

native_methods!(METHODS, "Blob", [
    "__new__" => blob_new, "close" => blob_close, "read" => blob_read,
    "write" => blob_write, "seek" => blob_seek, "tell" => blob_tell,
    "__enter__" => blob_enter, "__exit__" => blob_exit, "__len__" => blob_len,
    "__getitem__" => blob_getitem, "__setitem__" => blob_setitem,
    "__delitem__" => blob_delitem,
]);

/// `sqlite3.Blob`.
pub(super) static BLOB: ClassSpec = ClassSpec {
    name: "Blob",
    module: "sqlite3",
    base: TypeKind::Object,
    methods: METHODS,
    classmethods: &[],
    props: &[],
    unhashable: true,
    flags: SpecFlags::WEAKREFS,
};

/// An open (or closed) blob and its position.
#[derive(Debug)]
pub(super) struct BlobState {
    conn: Rc<RefCell<ConnState>>,
    blob: Option<raw::Blob>,
    offset: i32,
}

/// A new `Blob` object over an open handle.
pub(super) fn new_blob(vm: &mut Vm, conn: Rc<RefCell<ConnState>>, blob: raw::Blob) -> Value {
    crate::native::new_native(
        vm,
        &BLOB,
        BlobState {
            conn,
            blob: Some(blob),
            offset: 0,
        },
    )
}

fn blob_new(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'sqlite3.Blob' instances"))
}

type B = Rc<RefCell<BlobState>>;

fn recv(a: &Args<'_>, name: &str) -> PyResult<B> {
    crate::native::receiver::<BlobState>(a, "sqlite3.Blob", name)
}

/// CPython's `check_blob`: the connection is usable and the blob open;
/// the connection's database for error reports.
fn check_blob(vm: &mut Vm, b: &B) -> PyResult<Rc<raw::Db>> {
    let conn = crate::native::borrow(b)?.conn.clone();
    let db = check(vm, &conn)?;
    if crate::native::borrow(b)?.blob.is_none() {
        return Err(raise(
            &state(vm).errors.programming,
            "Cannot operate on a closed blob.",
        ));
    }
    Ok(db)
}

/// Runs `f` on the open handle (checked by `check_blob` before).
fn with_blob<R>(b: &B, f: impl FnOnce(&raw::Blob, &mut i32) -> R) -> PyResult<R> {
    let mut s = crate::native::borrow(b)?;
    let s = &mut *s;
    match &s.blob {
        Some(h) => Ok(f(h, &mut s.offset)),
        None => Err(PyErr::value_error("closed blob")),
    }
}

fn read_at(vm: &mut Vm, b: &B, db: &raw::Db, len: i32, offset: i32) -> PyResult<Vec<u8>> {
    let mut buf = vec![0u8; len.max(0) as usize];
    let rc = with_blob(b, |h, _| h.read(&mut buf, offset))?;
    if rc != raw::SQLITE_OK {
        return Err(from_db(&state(vm).errors, db));
    }
    Ok(buf)
}

fn write_at(vm: &mut Vm, b: &B, db: &raw::Db, data: &[u8], offset: i32) -> PyResult<()> {
    let blob_len = with_blob(b, |h, _| h.bytes())?;
    if data.len() as i64 > i64::from(blob_len) - i64::from(offset) {
        return Err(PyErr::value_error("data longer than blob length"));
    }
    let rc = with_blob(b, |h, _| h.write(data, offset))?;
    if rc != raw::SQLITE_OK {
        return Err(from_db(&state(vm).errors, db));
    }
    Ok(())
}

fn blob_close(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "close")?;
    positional(&rest(&a), "close", 0, 0)?;
    let conn = crate::native::borrow(&b)?.conn.clone();
    check(vm, &conn)?;
    let h = crate::native::borrow(&b)?.blob.take();
    drop(h);
    Ok(Value::None)
}

fn blob_read(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "read")?;
    let args = positional(&rest(&a), "read", 0, 1)?;
    let mut length = match args.first() {
        Some(v) => int_of(vm, v)?,
        None => -1,
    };
    let db = check_blob(vm, &b)?;
    let (blob_len, offset) = with_blob(&b, |h, off| (h.bytes(), *off))?;
    let max = blob_len - offset;
    if length < 0 || length > max {
        length = max;
    }
    if length <= 0 {
        return Ok(Value::Bytes(Rc::new(Vec::new())));
    }
    let data = read_at(vm, &b, &db, length, offset)?;
    with_blob(&b, |_, off| *off += length)?;
    Ok(Value::Bytes(Rc::new(data)))
}

fn blob_write(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "write")?;
    let args = positional(&rest(&a), "write", 1, 1)?;
    let data = super::adapters::simple_buffer(&args[0])?;
    let db = check_blob(vm, &b)?;
    let offset = with_blob(&b, |_, off| *off)?;
    write_at(vm, &b, &db, &data, offset)?;
    with_blob(&b, |_, off| *off += data.len() as i32)?;
    Ok(Value::None)
}

fn int_of(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = vm.index_value(v)?;
    i32::try_from(n).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))
}

fn blob_seek(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "seek")?;
    let args = positional(&rest(&a), "seek", 1, 2)?;
    let offset = int_of(vm, &args[0])?;
    let origin = match args.get(1) {
        Some(v) => int_of(vm, v)?,
        None => 0,
    };
    check_blob(vm, &b)?;
    let (blob_len, cur) = with_blob(&b, |h, off| (h.bytes(), *off))?;
    let overflow = || PyErr::overflow("seek offset results in overflow");
    let target = match origin {
        0 => offset,
        1 => offset.checked_add(cur).ok_or_else(overflow)?,
        2 => offset.checked_add(blob_len).ok_or_else(overflow)?,
        _ => {
            return Err(PyErr::value_error(
                "'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END",
            ))
        }
    };
    if target < 0 || target > blob_len {
        return Err(PyErr::value_error("offset out of blob range"));
    }
    with_blob(&b, |_, off| *off = target)?;
    Ok(Value::None)
}

fn blob_tell(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "tell")?;
    positional(&rest(&a), "tell", 0, 0)?;
    check_blob(vm, &b)?;
    Ok(Value::Int(i64::from(with_blob(&b, |_, off| *off)?)))
}

fn blob_enter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "__enter__")?;
    check_blob(vm, &b)?;
    Ok(a.pos.first().cloned().unwrap_or(Value::None))
}

fn blob_exit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "__exit__")?;
    positional(&rest(&a), "__exit__", 3, 3)?;
    check_blob(vm, &b)?;
    let h = crate::native::borrow(&b)?.blob.take();
    drop(h);
    Ok(Value::Bool(false))
}

fn blob_len(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "__len__")?;
    check_blob(vm, &b)?;
    Ok(Value::Int(i64::from(with_blob(&b, |h, _| h.bytes())?)))
}

/// An index key (anything with `__index__`), or `None` for other keys.
fn index_key(vm: &mut Vm, key: &Value) -> PyResult<Option<i64>> {
    match key {
        Value::Int(n) => Ok(Some(*n)),
        Value::Bool(b) => Ok(Some(i64::from(*b))),
        Value::BigInt(_) => Err(PyErr::new(
            ExcKind::IndexError,
            format!(
                "cannot fit '{}' into an index-sized integer",
                type_name(key)
            ),
        )),
        Value::Slice(_) | Value::Float(_) | Value::Str(_) => Ok(None),
        _ => {
            let name = vm.intern("__index__");
            if crate::class::lookup(&crate::types::type_of(key), &name).is_some() {
                vm.index_value(key).map(Some)
            } else {
                Ok(None)
            }
        }
    }
}

fn position(i: i64, len: i32) -> PyResult<i32> {
    let i = if i < 0 { i + i64::from(len) } else { i };
    if i < 0 || i >= i64::from(len) {
        return Err(PyErr::new(ExcKind::IndexError, "Blob index out of range"));
    }
    Ok(i as i32)
}

fn not_index() -> PyErr {
    PyErr::type_error("Blob indices must be integers")
}

/// `(start, stop, step, length)` of a slice over the blob.
fn slice_of(key: &Value, len: i32) -> PyResult<Option<(i64, i64, i64, usize)>> {
    let Value::Slice(sl) = key else {
        return Ok(None);
    };
    let (start, stop, step) = crate::protocol::slice_indices(sl, len.max(0) as usize)?;
    let count = if step > 0 && stop > start {
        ((stop - start - 1) / step + 1) as usize
    } else if step < 0 && stop < start {
        ((start - stop - 1) / -step + 1) as usize
    } else {
        0
    };
    Ok(Some((start, stop, step, count)))
}

fn blob_getitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "__getitem__")?;
    let key = positional(&rest(&a), "__getitem__", 1, 1)?[0].clone();
    let db = check_blob(vm, &b)?;
    let len = with_blob(&b, |h, _| h.bytes())?;
    if let Some(i) = index_key(vm, &key)? {
        let at = position(i, len)?;
        let byte = read_at(vm, &b, &db, 1, at)?;
        return Ok(Value::Int(i64::from(byte.first().copied().unwrap_or(0))));
    }
    let Some((start, stop, step, count)) = slice_of(&key, len)? else {
        return Err(not_index());
    };
    if count == 0 {
        return Ok(Value::Bytes(Rc::new(Vec::new())));
    }
    if step == 1 {
        let data = read_at(vm, &b, &db, count as i32, start as i32)?;
        return Ok(Value::Bytes(Rc::new(data)));
    }
    let (lo, hi) = if step > 0 {
        (start, stop)
    } else {
        (stop + 1, start + 1)
    };
    let whole = read_at(vm, &b, &db, (hi - lo) as i32, lo as i32)?;
    let picked = (0..count)
        .filter_map(|k| whole.get((start + k as i64 * step - lo) as usize).copied())
        .collect();
    Ok(Value::Bytes(Rc::new(picked)))
}

fn blob_setitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "__setitem__")?;
    let args = positional(&rest(&a), "__setitem__", 2, 2)?;
    let (key, value) = (args[0].clone(), args[1].clone());
    let db = check_blob(vm, &b)?;
    let len = with_blob(&b, |h, _| h.bytes())?;
    if let Some(i) = index_key(vm, &key)? {
        let n = match value {
            Value::Int(n) => n,
            Value::Bool(x) => i64::from(x),
            Value::BigInt(_) => -1,
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(&value)
                )))
            }
        };
        let at = position(i, len)?;
        if !(0..=255).contains(&n) {
            return Err(PyErr::value_error("byte must be in range(0, 256)"));
        }
        write_at(vm, &b, &db, &[n as u8], at)?;
        return Ok(Value::None);
    }
    let Some((start, stop, step, count)) = slice_of(&key, len)? else {
        return Err(not_index());
    };
    let data = super::adapters::simple_buffer(&value)?;
    if data.len() != count {
        return Err(PyErr::new(
            ExcKind::IndexError,
            "Blob slice assignment is wrong size",
        ));
    }
    if count == 0 {
        return Ok(Value::None);
    }
    if step == 1 {
        write_at(vm, &b, &db, &data, start as i32)?;
        return Ok(Value::None);
    }
    let (lo, hi) = if step > 0 {
        (start, stop)
    } else {
        (stop + 1, start + 1)
    };
    let mut whole = read_at(vm, &b, &db, (hi - lo) as i32, lo as i32)?;
    for (k, byte) in data.iter().enumerate() {
        if let Some(slot) = whole.get_mut((start + k as i64 * step - lo) as usize) {
            *slot = *byte;
        }
    }
    write_at(vm, &b, &db, &whole, lo as i32)?;
    Ok(Value::None)
}

fn blob_delitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = recv(&a, "__delitem__")?;
    let key = positional(&rest(&a), "__delitem__", 1, 1)?[0].clone();
    check_blob(vm, &b)?;
    if index_key(vm, &key)?.is_some() {
        return Err(PyErr::type_error("Blob doesn't support item deletion"));
    }
    if matches!(key, Value::Slice(_)) {
        return Err(PyErr::type_error("Blob doesn't support slice deletion"));
    }
    Err(not_index())
}
