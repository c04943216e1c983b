//! `listdir`, `scandir` and `os.DirEntry`.

use std::path::PathBuf;

use crate::exc::PyResult;
use crate::func::Args;
use crate::native::{self, bind_args, native_fn, native_methods, ClassSpec, PropSpec, SpecFlags};
use crate::ops::truthy;
use crate::types::TypeKind;
use crate::value::Value;
use crate::vm::Vm;

use super::fs::FdOrPath;
use super::path::{os_value, path_arg, PathArg};
use super::raw_at;
use super::stat::stat_result_c;
use std::os::unix::ffi::OsStrExt;

/// The entries of a directory, `.` and `..` left out (as `readdir` gives
/// them, unsorted).
fn read_dir(p: &PathArg) -> PyResult<Vec<std::fs::DirEntry>> {
    let rd = std::fs::read_dir(&p.path).map_err(|e| p.error(&e))?;
    rd.map(|e| e.map_err(|e| p.error(&e))).collect()
}

/// The directory argument of `listdir` and `scandir`: an open directory's
/// descriptor, or a path (`.` when left out or `None`).
fn dir_arg(vm: &mut Vm, a: &Args<'_>, func: &str) -> PyResult<FdOrPath> {
    let b = bind_args(a, func, &["path"], 0)?;
    match b[0] {
        None | Some(Value::None) => {
            path_arg(vm, func, "path", &Value::str(".")).map(FdOrPath::Path)
        }
        Some(v) => super::fs::fd_or_path(vm, func, v),
    }
}

/// The entries of the directory open as `fd`; errors name no file.
fn read_dir_fd(fd: i32) -> PyResult<Vec<raw_at::RawEntry>> {
    raw_at::read_dir_fd(fd).map_err(super::fd::errno_err)
}

pub(super) fn p_listdir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let p = match dir_arg(vm, &a, "listdir")? {
        // Names read through a descriptor are str.
        FdOrPath::Fd(fd) => {
            let names = read_dir_fd(fd)?
                .iter()
                .map(|e| os_value(std::ffi::OsStr::from_bytes(&e.name), false))
                .collect();
            return Ok(Value::list(names));
        }
        FdOrPath::Path(p) => p,
    };
    let names = read_dir(&p)?
        .iter()
        .map(|e| os_value(&e.file_name(), p.bytes))
        .collect();
    Ok(Value::list(names))
}

/// What `readdir` said an entry is (`d_type`); `Unknown` when it could not
/// tell, so the entry is `stat`ed when asked.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Dir,
    File,
    Link,
    Other,
    Unknown,
}

impl Kind {
    fn of_file_type(t: Option<std::fs::FileType>) -> Kind {
        match t {
            None => Kind::Unknown,
            Some(t) if t.is_dir() => Kind::Dir,
            Some(t) if t.is_file() => Kind::File,
            Some(t) if t.is_symlink() => Kind::Link,
            Some(_) => Kind::Other,
        }
    }

    fn of_d_type(d: u8) -> Kind {
        match d {
            libc::DT_DIR => Kind::Dir,
            libc::DT_REG => Kind::File,
            libc::DT_LNK => Kind::Link,
            libc::DT_UNKNOWN => Kind::Unknown,
            _ => Kind::Other,
        }
    }
}

/// The state of a `DirEntry`.
struct Entry {
    name: Value,
    path: Value,
    /// The path `stat` is given: relative to `dir_fd` when there is one.
    full: PathBuf,
    /// The directory descriptor `scandir(fd)` read the entry through.
    dir_fd: Option<i32>,
    kind: Kind,
    ino: u64,
    /// The `stat_result`s (and their `st_mode`) once fetched, through a
    /// symlink and of the entry itself: CPython's `DirEntry` caches both.
    stat: Option<(Value, u32)>,
    lstat: Option<(Value, u32)>,
}

native_methods!(DIR_ENTRY_M, "DirEntry", [
    "is_dir" => de_is_dir, "is_file" => de_is_file, "is_symlink" => de_is_symlink,
    "stat" => de_stat, "inode" => de_inode, "__fspath__" => de_fspath,
    "__repr__" => de_repr,
]);
native_fn!(DE_NAME, "name", "DirEntry", de_name);
native_fn!(DE_PATH, "path", "DirEntry", de_path);

static DIR_ENTRY: ClassSpec = ClassSpec {
    name: "DirEntry",
    module: "posix",
    base: TypeKind::Object,
    methods: DIR_ENTRY_M,
    classmethods: native::GENERIC,
    props: &[
        PropSpec {
            name: "name",
            get: &DE_NAME,
            set: None,
        },
        PropSpec {
            name: "path",
            get: &DE_PATH,
            set: None,
        },
    ],
    unhashable: false,
    flags: SpecFlags::MUTABLE,
};

/// `posix.DirEntry`.
pub(super) fn dir_entry_type(vm: &mut Vm) -> Value {
    Value::Type(native::class_of(vm, &DIR_ENTRY))
}

fn entry(a: &Args<'_>, name: &str) -> PyResult<std::rc::Rc<std::cell::RefCell<Entry>>> {
    native::receiver::<Entry>(a, "DirEntry", name)
}

fn de_name(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(entry(&a, "name")?.borrow().name.clone())
}

fn de_path(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(entry(&a, "path")?.borrow().path.clone())
}

fn de_fspath(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(entry(&a, "__fspath__")?.borrow().path.clone())
}

fn de_repr(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let e = entry(&a, "__repr__")?;
    let name = crate::repr::repr(&e.borrow().name);
    Ok(Value::string(format!("<DirEntry {name}>")))
}

fn de_inode(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let ino = entry(&a, "inode")?.borrow().ino;
    Ok(i64::try_from(ino).map_or_else(
        |_| Value::from_bigint(num_bigint::BigInt::from(ino)),
        Value::Int,
    ))
}

/// The keyword-only `follow_symlinks` argument of a `DirEntry` method.
fn follow(a: &Args<'_>, func: &str) -> PyResult<bool> {
    if a.pos.len() > 1 {
        return Err(crate::exc::PyErr::type_error(format!(
            "{func}() takes no positional arguments"
        )));
    }
    let b = bind_args(&native::rest(a), func, &["follow_symlinks"], 0)?;
    Ok(b[0].map_or(true, truthy))
}

type EntryRef = std::rc::Rc<std::cell::RefCell<Entry>>;

/// `stat`s the entry now (`DirEntry_fetch_stat`): relative to its
/// directory's descriptor when it has one; errors name its path.
fn fetch_stat(vm: &mut Vm, e: &EntryRef, follow: bool) -> PyResult<(Value, u32)> {
    let (full, dir_fd, path) = {
        let e = e.borrow();
        (e.full.clone(), e.dir_fd, e.path.clone())
    };
    let c = raw_at::c_path(&full)
        .ok_or_else(|| crate::exc::PyErr::value_error("embedded null byte"))?;
    let st =
        raw_at::fstatat(dir_fd, &c, follow).map_err(|err| super::fs::errno_named(err, &path))?;
    Ok((stat_result_c(vm, &st), st.st_mode))
}

/// The entry's own `stat_result`, fetched once.
fn get_lstat(vm: &mut Vm, e: &EntryRef) -> PyResult<(Value, u32)> {
    if let Some(s) = &e.borrow().lstat {
        return Ok(s.clone());
    }
    let s = fetch_stat(vm, e, false)?;
    e.borrow_mut().lstat = Some(s.clone());
    Ok(s)
}

/// The `stat_result` through a symlink when `follow` (`DirEntry_get_stat`):
/// a non-link's is its own, so one call serves both.
fn get_stat(vm: &mut Vm, e: &EntryRef, follow: bool) -> PyResult<(Value, u32)> {
    if !follow {
        return get_lstat(vm, e);
    }
    if let Some(s) = &e.borrow().stat {
        return Ok(s.clone());
    }
    let s = if is_symlink(vm, e)? {
        fetch_stat(vm, e, true)?
    } else {
        get_lstat(vm, e)?
    };
    e.borrow_mut().stat = Some(s.clone());
    Ok(s)
}

/// Whether the entry (followed through a symlink when asked) is of the
/// file type `bits` (`DirEntry_test_mode`): `readdir`'s word when it has
/// one, else a `stat`, a missing file being of no type.
fn test_mode(vm: &mut Vm, e: &EntryRef, follow: bool, bits: u32) -> PyResult<bool> {
    let kind = e.borrow().kind;
    if kind == Kind::Unknown || (follow && kind == Kind::Link) {
        return match get_stat(vm, e, follow) {
            Ok((_, mode)) => Ok(mode & libc::S_IFMT == bits),
            Err(err) if err.is(crate::types::ExcKind::FileNotFoundError) => Ok(false),
            Err(err) => Err(err),
        };
    }
    Ok(match bits {
        libc::S_IFDIR => kind == Kind::Dir,
        libc::S_IFREG => kind == Kind::File,
        _ => kind == Kind::Link,
    })
}

fn is_symlink(vm: &mut Vm, e: &EntryRef) -> PyResult<bool> {
    match e.borrow().kind {
        Kind::Unknown => {}
        k => return Ok(k == Kind::Link),
    }
    test_mode(vm, e, false, libc::S_IFLNK)
}

fn de_is_dir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let fol = follow(&a, "is_dir")?;
    let e = entry(&a, "is_dir")?;
    test_mode(vm, &e, fol, libc::S_IFDIR).map(Value::Bool)
}

fn de_is_file(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let fol = follow(&a, "is_file")?;
    let e = entry(&a, "is_file")?;
    test_mode(vm, &e, fol, libc::S_IFREG).map(Value::Bool)
}

fn de_is_symlink(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let e = entry(&a, "is_symlink")?;
    is_symlink(vm, &e).map(Value::Bool)
}

fn de_stat(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let fol = follow(&a, "stat")?;
    let e = entry(&a, "stat")?;
    get_stat(vm, &e, fol).map(|(v, _)| v)
}

/// The state of a `ScandirIterator`: the entries not yet returned.
struct Scandir {
    entries: std::vec::IntoIter<Value>,
    /// Whether `close()` ran or iteration ended (CPython closes the
    /// directory when `readdir` finds no more entries).
    closed: bool,
}

native_methods!(SCANDIR_M, "ScandirIterator", [
    "__iter__" => native::iter_self, "__next__" => sd_next, "__enter__" => native::iter_self,
    "__exit__" => sd_close, "close" => sd_close, "__del__" => sd_del,
]);

static SCANDIR: ClassSpec = ClassSpec {
    name: "ScandirIterator",
    module: "posix",
    base: TypeKind::Object,
    methods: SCANDIR_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::MUTABLE,
};

fn sd_next(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = native::receiver::<Scandir>(&a, "ScandirIterator", "__next__")?;
    let mut s = native::borrow(&s)?;
    let next = s.entries.next();
    if next.is_none() {
        s.closed = true;
    }
    next.ok_or_else(native::stop)
}

fn sd_close(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = native::receiver::<Scandir>(&a, "ScandirIterator", "close")?;
    let mut s = native::borrow(&s)?;
    s.entries = Vec::new().into_iter();
    s.closed = true;
    Ok(Value::None)
}

/// The finalizer (CPython's `tp_finalize`): an iterator dropped before its
/// end or `close()` warns, as an unclosed file does.
fn sd_del(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = native::receiver::<Scandir>(&a, "ScandirIterator", "__del__")?;
    let was_closed = std::mem::replace(&mut native::borrow(&s)?.closed, true);
    if was_closed {
        return Ok(Value::None);
    }
    native::borrow(&s)?.entries = Vec::new().into_iter();
    let me = a.pos.first().cloned().unwrap_or(Value::None);
    let message = format!("unclosed scandir iterator {}", vm.repr_of(&me)?);
    let category = Value::Type(crate::types::exc_type(
        crate::types::ExcKind::ResourceWarning,
    ));
    vm.do_warn(Value::string(message), category, 1, Some(me))?;
    Ok(Value::None)
}

/// `scandir(path='.')`: the directory (or the one open as a descriptor)
/// is read at once; the iterator hands out its `DirEntry`s.
pub(super) fn p_scandir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    use std::os::unix::fs::DirEntryExt;
    let mut out = Vec::new();
    match dir_arg(vm, &a, "scandir")? {
        // Through a descriptor, an entry's path is its name.
        FdOrPath::Fd(fd) => {
            for e in read_dir_fd(fd)? {
                let name = os_value(std::ffi::OsStr::from_bytes(&e.name), false);
                let state = Entry {
                    name: name.clone(),
                    path: name,
                    full: PathBuf::from(std::ffi::OsStr::from_bytes(&e.name)),
                    dir_fd: Some(fd),
                    kind: Kind::of_d_type(e.d_type),
                    ino: e.ino,
                    stat: None,
                    lstat: None,
                };
                out.push(native::new_native(vm, &DIR_ENTRY, state));
            }
        }
        FdOrPath::Path(p) => {
            for e in read_dir(&p)? {
                let fname = e.file_name();
                // CPython joins the argument as given, so `scandir()` gives './x'.
                let full = p.path.join(&fname);
                let state = Entry {
                    name: os_value(&fname, p.bytes),
                    path: os_value(full.as_os_str(), p.bytes),
                    full: e.path(),
                    dir_fd: None,
                    kind: Kind::of_file_type(e.file_type().ok()),
                    ino: e.ino(),
                    stat: None,
                    lstat: None,
                };
                out.push(native::new_native(vm, &DIR_ENTRY, state));
            }
        }
    }
    Ok(native::new_native(
        vm,
        &SCANDIR,
        Scandir {
            entries: out.into_iter(),
            closed: false,
        },
    ))
}
