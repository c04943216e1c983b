//! `mmap`: CPython 3.11's `Modules/mmapmodule.c` on Linux. An `mmap.mmap`
//! maps a file descriptor (a private duplicate of it) or anonymous memory
//! through `mmap_raw.rs`; it reads and writes like a file (`read`, `write`,
//! `seek`, `readline`, ...), indexes like a bytearray (ints for items,
//! bytes for slices), and iterates as one-byte bytes objects. Other native
//! functions read it as a bytes-like object (`buffer.rs`), by copy; a
//! `memoryview` of it is not supported.

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    bind_args, class_of, cls_arg, native_fn, native_methods, new_object, positional, receiver,
    rest, state_of, ClassSpec, PropSpec, SpecFlags,
};
use crate::types::{exc_type, type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::cint::{as_c_int, as_c_long};
use super::mmap_raw::{self as raw, Mapping};
use super::new_module;
use super::posix::fd::errno_err;

const ACCESS_DEFAULT: i32 = 0;
const ACCESS_READ: i32 = 1;
const ACCESS_WRITE: i32 = 2;
const ACCESS_COPY: i32 = 3;

/// `(name, libc::name)` pairs.
macro_rules! libc_constants {
    ($($name:ident),* $(,)?) => {
        const LIBC_CONSTANTS: &[(&str, i64)] = &[$((stringify!($name), libc::$name as i64)),*];
    };
}

libc_constants!(
    MADV_DODUMP,
    MADV_DOFORK,
    MADV_DONTDUMP,
    MADV_DONTFORK,
    MADV_DONTNEED,
    MADV_FREE,
    MADV_HUGEPAGE,
    MADV_HWPOISON,
    MADV_MERGEABLE,
    MADV_NOHUGEPAGE,
    MADV_NORMAL,
    MADV_RANDOM,
    MADV_REMOVE,
    MADV_SEQUENTIAL,
    MADV_UNMERGEABLE,
    MADV_WILLNEED,
    MAP_ANON,
    MAP_ANONYMOUS,
    MAP_DENYWRITE,
    MAP_EXECUTABLE,
    MAP_POPULATE,
    MAP_PRIVATE,
    MAP_SHARED,
    MAP_STACK,
    PROT_EXEC,
    PROT_READ,
    PROT_WRITE,
);

native_methods!(MMAP_M, "mmap.mmap", [
    "__new__" => mmap_new, "close" => close, "find" => find, "rfind" => rfind,
    "flush" => flush, "madvise" => madvise, "move" => move_, "read" => read,
    "read_byte" => read_byte, "readline" => readline, "resize" => resize, "seek" => seek,
    "size" => size, "tell" => tell, "write" => write, "write_byte" => write_byte,
    "__enter__" => enter, "__exit__" => exit, "__len__" => len, "__getitem__" => getitem,
    "__setitem__" => setitem, "__delitem__" => delitem, "__iter__" => iter,
    "__repr__" => repr,
]);

native_fn!(CLOSED, "closed", "mmap.mmap", closed);

static MMAP: ClassSpec = ClassSpec {
    name: "mmap",
    module: "mmap",
    base: TypeKind::Object,
    methods: MMAP_M,
    classmethods: &[],
    props: &[PropSpec {
        name: "closed",
        get: &CLOSED,
        set: None,
    }],
    unhashable: false,
    flags: SpecFlags::BASETYPE.with(SpecFlags::WEAKREFS),
};

/// One `mmap.mmap`'s state.
#[derive(Debug)]
pub(crate) struct Mmap {
    /// `None` once closed.
    map: Option<Mapping>,
    /// The duplicated descriptor, or -1 (anonymous or closed).
    fd: i32,
    pos: usize,
    offset: i64,
    access: i32,
}

impl Drop for Mmap {
    fn drop(&mut self) {
        if self.fd >= 0 {
            raw::close(self.fd);
        }
    }
}

/// Builds the `mmap` module.
pub fn init(vm: &mut Vm) -> Value {
    let page = super::resource_raw::pagesize();
    let mut extra: Vec<(&str, Value)> = LIBC_CONSTANTS
        .iter()
        .map(|&(n, v)| (n, Value::Int(v)))
        .collect();
    extra.extend([
        ("ACCESS_DEFAULT", Value::Int(ACCESS_DEFAULT.into())),
        ("ACCESS_READ", Value::Int(ACCESS_READ.into())),
        ("ACCESS_WRITE", Value::Int(ACCESS_WRITE.into())),
        ("ACCESS_COPY", Value::Int(ACCESS_COPY.into())),
        ("PAGESIZE", Value::Int(page)),
        ("ALLOCATIONGRANULARITY", Value::Int(page)),
        ("error", Value::Type(exc_type(ExcKind::OSError))),
        ("mmap", Value::Type(class_of(vm, &MMAP))),
    ]);
    new_module("mmap", &[], extra)
}

/// The bytes a mapped object holds, for `buffer.rs` (`bytes(m)`,
/// `f.write(m)`, ...); a closed map is an error.
pub(crate) fn exported_bytes(v: &Value) -> Option<PyResult<Vec<u8>>> {
    let st = state_of::<Mmap>(v)?;
    let st = st.borrow();
    Some(data(&st).map(<[u8]>::to_vec))
}

fn closed_error() -> PyErr {
    PyErr::value_error("mmap closed or invalid")
}

/// `CHECK_VALID`: the mapping, unless closed.
fn valid(st: &Mmap) -> PyResult<&Mapping> {
    st.map.as_ref().ok_or_else(closed_error)
}

/// The mapping's bytes; pages mapped without access (`PROT_NONE`) are an
/// `OSError` rather than a fault.
fn data(st: &Mmap) -> PyResult<&[u8]> {
    valid(st)?.bytes().ok_or_else(|| errno_err(libc::EACCES))
}

/// The bytes to change: a closed map, a read-only one (`is_writable`),
/// or pages mapped without write access are errors.
fn data_mut(st: &mut Mmap) -> PyResult<&mut [u8]> {
    let access = st.access;
    let map = st.map.as_mut().ok_or_else(closed_error)?;
    if access == ACCESS_READ {
        return Err(PyErr::type_error(
            "mmap can't modify a readonly memory map.",
        ));
    }
    map.bytes_mut().ok_or_else(|| errno_err(libc::EACCES))
}

fn me(a: &Args<'_>, name: &str) -> PyResult<Rc<std::cell::RefCell<Mmap>>> {
    receiver::<Mmap>(a, "mmap.mmap", name)
}

/// An `n` (`Py_ssize_t`) argument.
fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    as_c_long(vm, v).map_err(|e| {
        if e.is(ExcKind::OverflowError) {
            PyErr::overflow("Python int too large to convert to C ssize_t")
        } else {
            e
        }
    })
}

/// `mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ,
/// access=ACCESS_DEFAULT, offset=0)`.
fn mmap_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = bind_args(
        &rest(&a),
        "mmap",
        &["fileno", "length", "flags", "prot", "access", "offset"],
        0,
    )?;
    let required = |i: usize, name: &str| {
        args[i].ok_or_else(|| {
            PyErr::type_error(format!(
                "function missing required argument '{name}' (pos {})",
                i + 1
            ))
        })
    };
    let fd = as_c_int(vm, required(0, "fileno")?)?;
    let length = ssize(vm, required(1, "length")?)?;
    let mut opt_int = |i: usize, default: i32| -> PyResult<i32> {
        match args[i] {
            Some(v) => as_c_int(vm, v),
            None => Ok(default),
        }
    };
    let mut flags = opt_int(2, libc::MAP_SHARED)?;
    let mut prot = opt_int(3, libc::PROT_WRITE | libc::PROT_READ)?;
    let mut access = opt_int(4, ACCESS_DEFAULT)?;
    let offset = match args[5] {
        Some(v) => as_c_long(vm, v)?,
        None => 0,
    };
    if length < 0 {
        return Err(PyErr::overflow("memory mapped length must be positive"));
    }
    if offset < 0 {
        return Err(PyErr::overflow("memory mapped offset must be positive"));
    }
    if access != ACCESS_DEFAULT
        && (flags != libc::MAP_SHARED || prot != libc::PROT_WRITE | libc::PROT_READ)
    {
        return Err(PyErr::value_error(
            "mmap can't specify both access and flags, prot.",
        ));
    }
    match access {
        ACCESS_READ => (flags, prot) = (libc::MAP_SHARED, libc::PROT_READ),
        ACCESS_WRITE => (flags, prot) = (libc::MAP_SHARED, libc::PROT_READ | libc::PROT_WRITE),
        ACCESS_COPY => (flags, prot) = (libc::MAP_PRIVATE, libc::PROT_READ | libc::PROT_WRITE),
        ACCESS_DEFAULT => {
            // The access the protection amounts to.
            let (r, w) = (prot & libc::PROT_READ != 0, prot & libc::PROT_WRITE != 0);
            if !(r && w) {
                access = if w { ACCESS_WRITE } else { ACCESS_READ };
            }
        }
        _ => return Err(PyErr::value_error("mmap invalid access parameter.")),
    }
    let mut length = length;
    if fd != -1 {
        if let Ok((true, file_size)) = raw::file_size(fd) {
            if length == 0 {
                if file_size == 0 {
                    return Err(PyErr::value_error("cannot mmap an empty file"));
                }
                if offset >= file_size {
                    return Err(PyErr::value_error("mmap offset is greater than file size"));
                }
                length = file_size - offset;
            } else if offset > file_size || file_size - offset < length {
                return Err(PyErr::value_error("mmap length is greater than file size"));
            }
        }
    }
    let own_fd = if fd == -1 {
        flags |= libc::MAP_ANONYMOUS;
        -1
    } else {
        raw::dup(fd).map_err(errno_err)?
    };
    let len = usize::try_from(length).unwrap_or(usize::MAX);
    let map = match Mapping::new(len, prot, flags, fd, offset) {
        Ok(m) => m,
        Err(e) => {
            if own_fd >= 0 {
                raw::close(own_fd);
            }
            return Err(errno_err(e));
        }
    };
    Ok(new_object(
        &cls,
        Mmap {
            map: Some(map),
            fd: own_fd,
            pos: 0,
            offset,
            access,
        },
    ))
}

/// `closed`.
fn closed(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "closed")?;
    let closed = st.borrow().map.is_none();
    Ok(Value::Bool(closed))
}

/// `close()`: unmaps and closes the descriptor; closing twice is allowed.
fn close(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "close")?;
    rest(&a).no_args("close")?;
    let mut st = st.borrow_mut();
    if st.fd >= 0 {
        raw::close(st.fd);
        st.fd = -1;
    }
    st.map = None;
    Ok(Value::None)
}

fn enter(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__enter__")?;
    valid(&st.borrow())?;
    Ok(a.pos[0].clone())
}

fn exit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    me(&a, "__exit__")?;
    let recv = [a.pos[0].clone()];
    close(
        vm,
        Args {
            pos: &recv,
            kwnames: &[],
            kwvals: &[],
        },
    )
}

fn len(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__len__")?;
    let st = st.borrow();
    Ok(Value::Int(valid(&st)?.len() as i64))
}

/// `<mmap.mmap closed=False, access=..., length=..., pos=..., offset=...>`.
fn repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__repr__")?;
    let recv = &a.pos[0];
    let cls = class_of(vm, &MMAP);
    let name = match recv {
        Value::Instance(i) if !Rc::ptr_eq(&i.class(), &cls) => type_name(recv).to_string(),
        _ => "mmap.mmap".to_string(),
    };
    let st = st.borrow();
    let Some(map) = &st.map else {
        return Ok(Value::string(format!("<{name} closed=True>")));
    };
    let access = match st.access {
        ACCESS_READ => "ACCESS_READ",
        ACCESS_WRITE => "ACCESS_WRITE",
        ACCESS_COPY => "ACCESS_COPY",
        _ => "ACCESS_DEFAULT",
    };
    Ok(Value::string(format!(
        "<{name} closed=False, access={access}, length={}, pos={}, offset={}>",
        map.len(),
        st.pos,
        st.offset
    )))
}

/// `read([n])`: up to `n` bytes from the position (all to the end when
/// `n` is None or negative).
fn read(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "read")?;
    let args = positional(&rest(&a), "read", 0, 1)?;
    let n = match args.first() {
        None | Some(Value::None) => -1,
        Some(v) => ssize(vm, v)?,
    };
    let mut st = st.borrow_mut();
    // A shrinking `resize` may leave the position past the end.
    let pos = st.pos.min(data(&st)?.len());
    let buf = data(&st)?;
    let left = buf.len() - pos;
    let n = usize::try_from(n).map_or(left, |n| n.min(left));
    let out = buf[pos..pos + n].to_vec();
    st.pos += n;
    Ok(Value::Bytes(Rc::new(out)))
}

/// `read_byte()`: the byte at the position, as an int.
fn read_byte(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "read_byte")?;
    rest(&a).no_args("read_byte")?;
    let mut st = st.borrow_mut();
    let pos = st.pos;
    let b = *data(&st)?
        .get(pos)
        .ok_or_else(|| PyErr::value_error("read byte out of range"))?;
    st.pos += 1;
    Ok(Value::Int(i64::from(b)))
}

/// `readline()`: up to and including the next `\n`, or to the end.
fn readline(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "readline")?;
    rest(&a).no_args("readline")?;
    let mut st = st.borrow_mut();
    let pos = st.pos;
    let buf = data(&st)?;
    let tail = buf.get(pos..).unwrap_or(&[]);
    let n = tail
        .iter()
        .position(|&c| c == b'\n')
        .map_or(tail.len(), |i| i + 1);
    let out = tail[..n].to_vec();
    st.pos += n;
    Ok(Value::Bytes(Rc::new(out)))
}

/// `find`/`rfind(sub[, start[, end]])`: the index of `sub` in
/// `[start, end)` (start from the position by default), or -1.
fn search(vm: &mut Vm, a: &Args<'_>, name: &str, reverse: bool) -> PyResult<Value> {
    let st = me(a, name)?;
    let args = positional(&rest(a), name, 1, 3)?;
    let needle = crate::buffer::bytes_like(&args[0])?;
    let start = match args.get(1) {
        Some(v) => Some(ssize(vm, v)?),
        None => None,
    };
    let end = match args.get(2) {
        Some(v) => Some(ssize(vm, v)?),
        None => None,
    };
    let st = st.borrow();
    let buf = data(&st)?;
    let size = buf.len() as i64;
    let clamp = |v: i64| -> usize {
        let v = if v < 0 { v + size } else { v };
        v.clamp(0, size) as usize
    };
    let start = clamp(start.unwrap_or(st.pos as i64));
    let end = clamp(end.unwrap_or(size));
    if end < start || end - start < needle.len() {
        return Ok(Value::Int(-1));
    }
    let hay = &buf[start..end];
    let found = if needle.is_empty() {
        Some(if reverse { hay.len() } else { 0 })
    } else if reverse {
        hay.windows(needle.len())
            .rposition(|w| w == needle.as_slice())
    } else {
        hay.windows(needle.len())
            .position(|w| w == needle.as_slice())
    };
    Ok(Value::Int(found.map_or(-1, |i| (start + i) as i64)))
}

fn find(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    search(vm, &a, "find", false)
}

fn rfind(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    search(vm, &a, "rfind", true)
}

/// `write(bytes)`: at the position, which moves past it; the count written.
fn write(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "write")?;
    let args = positional(&rest(&a), "write", 1, 1)?;
    let bytes = crate::buffer::bytes_like(&args[0])?;
    let mut st = st.borrow_mut();
    let pos = st.pos;
    let buf = data_mut(&mut st)?;
    if pos > buf.len() || buf.len() - pos < bytes.len() {
        return Err(PyErr::value_error("data out of range"));
    }
    buf[pos..pos + bytes.len()].copy_from_slice(&bytes);
    st.pos += bytes.len();
    Ok(Value::Int(bytes.len() as i64))
}

/// `write_byte(int)`.
fn write_byte(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "write_byte")?;
    let args = positional(&rest(&a), "write_byte", 1, 1)?;
    let v = vm.index_value(&args[0])?;
    // The `b` format: an unsigned byte.
    let b = u8::try_from(v).map_err(|_| {
        PyErr::overflow(if v < 0 {
            "unsigned byte integer is less than minimum"
        } else {
            "unsigned byte integer is greater than maximum"
        })
    })?;
    let mut st = st.borrow_mut();
    let pos = st.pos;
    let buf = data_mut(&mut st)?;
    let slot = buf
        .get_mut(pos)
        .ok_or_else(|| PyErr::value_error("write byte out of range"))?;
    *slot = b;
    st.pos += 1;
    Ok(Value::None)
}

/// `seek(pos, whence=0)`.
fn seek(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "seek")?;
    let args = positional(&rest(&a), "seek", 1, 2)?;
    let dist = ssize(vm, &args[0])?;
    let how = match args.get(1) {
        Some(v) => as_c_int(vm, v)?,
        None => 0,
    };
    let mut st = st.borrow_mut();
    let size = valid(&st)?.len() as i64;
    let base = match how {
        0 => 0,
        1 => st.pos as i64,
        2 => size,
        _ => return Err(PyErr::value_error("unknown seek type")),
    };
    let out_of_range = || PyErr::value_error("seek out of range");
    let to = base.checked_add(dist).ok_or_else(out_of_range)?;
    if !(0..=size).contains(&to) {
        return Err(out_of_range());
    }
    st.pos = to as usize;
    Ok(Value::None)
}

fn tell(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "tell")?;
    rest(&a).no_args("tell")?;
    let st = st.borrow();
    valid(&st)?;
    Ok(Value::Int(st.pos as i64))
}

/// `size()`: the size of the mapped file (`fstat`), an error when anonymous.
fn size(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "size")?;
    rest(&a).no_args("size")?;
    let st = st.borrow();
    valid(&st)?;
    let (_, n) = raw::file_size(st.fd).map_err(errno_err)?;
    Ok(Value::Int(n))
}

/// `flush([offset[, size]])`: `msync` for shared writable maps.
fn flush(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "flush")?;
    let args = positional(&rest(&a), "flush", 0, 2)?;
    let offset = match args.first() {
        Some(v) => ssize(vm, v)?,
        None => 0,
    };
    let st = st.borrow();
    let total = valid(&st)?.len() as i64;
    let size = match args.get(1) {
        Some(v) => ssize(vm, v)?,
        None => total,
    };
    if size < 0 || offset < 0 || total - offset < size {
        return Err(PyErr::value_error("flush values out of range"));
    }
    if st.access == ACCESS_READ || st.access == ACCESS_COPY {
        return Ok(Value::None);
    }
    if let Some(map) = &st.map {
        map.sync(offset as usize, size as usize)
            .map_err(errno_err)?;
    }
    Ok(Value::None)
}

/// `madvise(option[, start[, length]])`.
fn madvise(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "madvise")?;
    let args = positional(&rest(&a), "madvise", 1, 3)?;
    let option = as_c_int(vm, &args[0])?;
    let start = match args.get(1) {
        Some(v) => ssize(vm, v)?,
        None => 0,
    };
    let st = st.borrow();
    let size = valid(&st)?.len() as i64;
    let length = match args.get(2) {
        Some(v) => ssize(vm, v)?,
        None => size - start,
    };
    if start < 0 || start >= size {
        return Err(PyErr::value_error("madvise start out of bounds"));
    }
    if length < 0 {
        return Err(PyErr::value_error("madvise length invalid"));
    }
    if i64::MAX - start < length {
        return Err(PyErr::overflow("madvise length too large"));
    }
    let length = length.min(size - start);
    if let Some(map) = &st.map {
        map.advise(start as usize, length as usize, option)
            .map_err(errno_err)?;
    }
    Ok(Value::None)
}

/// `move(dest, src, count)`: `memmove` inside the map.
fn move_(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "move")?;
    let args = positional(&rest(&a), "move", 3, 3)?;
    let dest = ssize(vm, &args[0])?;
    let src = ssize(vm, &args[1])?;
    let cnt = ssize(vm, &args[2])?;
    let mut st = st.borrow_mut();
    let buf = data_mut(&mut st)?;
    let size = buf.len() as i64;
    if dest < 0 || src < 0 || cnt < 0 || size - dest < cnt || size - src < cnt {
        return Err(PyErr::value_error(
            "source, destination, or count out of range",
        ));
    }
    let (dest, src, cnt) = (dest as usize, src as usize, cnt as usize);
    buf.copy_within(src..src + cnt, dest);
    Ok(Value::None)
}

/// `resize(newsize)`: the file grows or shrinks with the map.
fn resize(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "resize")?;
    let args = positional(&rest(&a), "resize", 1, 1)?;
    let new_size = ssize(vm, &args[0])?;
    let mut st = st.borrow_mut();
    valid(&st)?;
    if st.access != ACCESS_WRITE && st.access != ACCESS_DEFAULT {
        return Err(PyErr::type_error(
            "mmap can't resize a readonly or copy-on-write memory map.",
        ));
    }
    if new_size < 0 || i64::MAX - new_size < st.offset {
        return Err(PyErr::value_error("new size out of range"));
    }
    if st.fd != -1 {
        raw::truncate(st.fd, st.offset + new_size).map_err(errno_err)?;
    }
    if let Some(map) = st.map.as_mut() {
        map.resize(new_size as usize).map_err(errno_err)?;
    }
    Ok(Value::None)
}

/// `PyNumber_AsSsize_t(item, IndexError)`.
fn item_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if matches!(v, Value::BigInt(_)) {
        return Err(PyErr::new(
            ExcKind::IndexError,
            format!("cannot fit '{}' into an index-sized integer", type_name(v)),
        ));
    }
    vm.index_value(v).map_err(|e| {
        if e.is(ExcKind::OverflowError) {
            PyErr::new(
                ExcKind::IndexError,
                format!("cannot fit '{}' into an index-sized integer", type_name(v)),
            )
        } else {
            e
        }
    })
}

/// An index resolved against the size, or `IndexError`.
fn position(i: i64, size: usize) -> PyResult<usize> {
    let i = if i < 0 { i + size as i64 } else { i };
    usize::try_from(i)
        .ok()
        .filter(|&i| i < size)
        .ok_or_else(|| PyErr::new(ExcKind::IndexError, "mmap index out of range"))
}

/// The positions a slice selects, its bounds read through `__index__`
/// (which may run any code, even close the map: callers check again).
fn slice_positions(vm: &mut Vm, s: &[Value; 3], size: usize) -> PyResult<Vec<usize>> {
    let mut ints = [Value::None, Value::None, Value::None];
    for (out, v) in ints.iter_mut().zip(s.iter()) {
        if !matches!(v, Value::None) {
            *out = Value::Int(crate::protocol::slice_index(vm, v)?);
        }
    }
    crate::protocol::slice_positions(&ints, size)
}

/// `m[i]` (an int) or `m[slice]` (bytes).
fn getitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__getitem__")?;
    let args = positional(&rest(&a), "__getitem__", 1, 1)?;
    let key = &args[0];
    data(&st.borrow())?;
    if let Value::Slice(s) = key {
        let size = valid(&st.borrow())?.len();
        let positions = slice_positions(vm, s, size)?;
        let st = st.borrow();
        let buf = data(&st)?;
        let out: Vec<u8> = positions
            .iter()
            .filter_map(|&i| buf.get(i).copied())
            .collect();
        return Ok(Value::Bytes(Rc::new(out)));
    }
    if !crate::protocol::has_index(key) {
        return Err(PyErr::type_error("mmap indices must be integers"));
    }
    let i = item_index(vm, key)?;
    let st = st.borrow();
    let buf = data(&st)?;
    let i = position(i, buf.len())?;
    Ok(Value::Int(i64::from(buf[i])))
}

/// `m[i] = int` or `m[slice] = bytes` of the slice's length.
fn setitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__setitem__")?;
    let args = positional(&rest(&a), "__setitem__", 2, 2)?;
    let (key, value) = (&args[0], &args[1]);
    data_mut(&mut st.borrow_mut())?;
    if let Value::Slice(s) = key {
        let size = valid(&st.borrow())?.len();
        let positions = slice_positions(vm, s, size)?;
        let bytes = crate::buffer::bytes_like(value)?;
        if bytes.len() != positions.len() {
            return Err(PyErr::new(
                ExcKind::IndexError,
                "mmap slice assignment is wrong size",
            ));
        }
        let mut st = st.borrow_mut();
        let buf = data_mut(&mut st)?;
        for (&i, &b) in positions.iter().zip(bytes.iter()) {
            if let Some(slot) = buf.get_mut(i) {
                *slot = b;
            }
        }
        return Ok(Value::None);
    }
    if !crate::protocol::has_index(key) {
        return Err(PyErr::type_error("mmap indices must be integer"));
    }
    let i = item_index(vm, key)?;
    let size = data(&st.borrow())?.len();
    let i = position(i, size)?;
    if !crate::protocol::has_index(value) {
        return Err(PyErr::type_error("mmap item value must be an int"));
    }
    let v = vm.index_value(value)?;
    let b = u8::try_from(v)
        .map_err(|_| PyErr::value_error("mmap item value must be in range(0, 256)"))?;
    let mut st = st.borrow_mut();
    let buf = data_mut(&mut st)?;
    if let Some(slot) = buf.get_mut(i) {
        *slot = b;
    }
    Ok(Value::None)
}

/// `del m[...]`: never supported.
fn delitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__delitem__")?;
    let args = positional(&rest(&a), "__delitem__", 1, 1)?;
    data_mut(&mut st.borrow_mut())?;
    if let Value::Slice(_) = &args[0] {
        return Err(PyErr::type_error(
            "mmap object doesn't support slice deletion",
        ));
    }
    if !crate::protocol::has_index(&args[0]) {
        return Err(PyErr::type_error("mmap indices must be integer"));
    }
    let i = item_index(vm, &args[0])?;
    position(i, data(&st.borrow())?.len())?;
    Err(PyErr::type_error("mmap doesn't support item deletion"))
}

/// `iter(m)`: the bytes as one-byte bytes objects (the sequence protocol's
/// items), as they are when iteration starts.
fn iter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__iter__")?;
    let items: Vec<Value> = data(&st.borrow())?
        .iter()
        .map(|&b| Value::Bytes(Rc::new(vec![b])))
        .collect();
    let list = Value::list(items);
    vm.get_iter(&list)
}
