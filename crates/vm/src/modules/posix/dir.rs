//! `listdir`, `scandir` and `os.DirEntry`.

use std::path::PathBuf;

use crate::exc::PyResult;
use crate::func::Args;
use crate::native::{self, bind_args, native_fn, native_methods, ClassSpec, PropSpec, SpecFlags};
use crate::ops::truthy;
use crate::types::TypeKind;
use crate::value::Value;
use crate::vm::Vm;

use super::path::{os_value, path_arg, PathArg};
use super::stat::stat_result;

/// The entries of a directory, `.` and `..` left out (as `readdir` gives
/// them, unsorted).
fn read_dir(p: &PathArg) -> PyResult<Vec<std::fs::DirEntry>> {
    let rd = std::fs::read_dir(&p.path).map_err(|e| p.error(&e))?;
    rd.map(|e| e.map_err(|e| p.error(&e))).collect()
}

fn dir_arg(vm: &mut Vm, a: &Args<'_>, func: &str) -> PyResult<PathArg> {
    let b = bind_args(a, func, &["path"], 0)?;
    match b[0] {
        None | Some(Value::None) => path_arg(vm, func, "path", &Value::str(".")),
        Some(v) => path_arg(vm, func, "path", v),
    }
}

pub(super) fn p_listdir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let p = dir_arg(vm, &a, "listdir")?;
    let names = read_dir(&p)?
        .iter()
        .map(|e| os_value(&e.file_name(), p.bytes))
        .collect();
    Ok(Value::list(names))
}

/// The state of a `DirEntry`.
struct Entry {
    name: Value,
    path: Value,
    full: PathBuf,
    kind: Option<std::fs::FileType>,
    ino: u64,
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

fn follow(a: &Args<'_>, func: &str) -> PyResult<bool> {
    let b = bind_args(&native::rest(a), func, &["follow_symlinks"], 0)?;
    Ok(b[0].map_or(true, truthy))
}

/// Whether the entry (followed through a symlink when asked) passes `test`.
fn test_kind(a: &Args<'_>, func: &str, test: fn(&std::fs::FileType) -> bool) -> PyResult<Value> {
    let fol = follow(a, func)?;
    let e = entry(a, func)?;
    let e = e.borrow();
    let kind = match e.kind {
        Some(k) if !(fol && k.is_symlink()) => Some(k),
        _ => {
            let m = if fol {
                std::fs::metadata(&e.full)
            } else {
                std::fs::symlink_metadata(&e.full)
            };
            m.ok().map(|m| m.file_type())
        }
    };
    Ok(Value::Bool(kind.as_ref().is_some_and(test)))
}

fn de_is_dir(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    test_kind(&a, "is_dir", std::fs::FileType::is_dir)
}

fn de_is_file(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    test_kind(&a, "is_file", std::fs::FileType::is_file)
}

fn de_is_symlink(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let e = entry(&a, "is_symlink")?;
    let e = e.borrow();
    let link = match e.kind {
        Some(k) => k.is_symlink(),
        None => std::fs::symlink_metadata(&e.full).is_ok_and(|m| m.file_type().is_symlink()),
    };
    Ok(Value::Bool(link))
}

fn de_stat(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let fol = follow(&a, "stat")?;
    let e = entry(&a, "stat")?;
    let e = e.borrow();
    let m = if fol {
        std::fs::metadata(&e.full)
    } else {
        std::fs::symlink_metadata(&e.full)
    };
    m.map(|m| stat_result(vm, &m))
        .map_err(|err| crate::oserror::from_io(&err, Some(e.path.clone())))
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

/// `scandir(path='.')`: the directory is read at once; the iterator hands
/// out its `DirEntry`s.
pub(super) fn p_scandir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    use std::os::unix::fs::DirEntryExt;
    let p = dir_arg(vm, &a, "scandir")?;
    let mut out = Vec::new();
    for e in read_dir(&p)? {
        let fname = e.file_name();
        // CPython joins the argument as given, so `scandir()` gives './x'.
        let full = p.path.join(&fname);
        let state = Entry {
            name: os_value(&fname, p.bytes),
            path: os_value(full.as_os_str(), p.bytes),
            full: e.path(),
            kind: e.file_type().ok(),
            ino: e.ino(),
        };
        out.push(native::new_native(vm, &DIR_ENTRY, state));
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
