//! `_stat`: CPython's `Modules/_stat.c`, the file-mode constants of Linux,
//! the `S_IS*` predicates, `S_IMODE`, `S_IFMT` and `filemode`. `stat.py`
//! star-imports it over its own pure-Python definitions.

use num_traits::{Signed, ToPrimitive};

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::value::Value;
use crate::vm::Vm;

use super::{module_functions, new_module};

module_functions!(STAT_FUNCTIONS, "_stat", [
    "S_ISDIR" => s_isdir, "S_ISCHR" => s_ischr, "S_ISBLK" => s_isblk,
    "S_ISREG" => s_isreg, "S_ISFIFO" => s_isfifo, "S_ISLNK" => s_islnk,
    "S_ISSOCK" => s_issock, "S_ISDOOR" => s_isdoor, "S_ISPORT" => s_isport,
    "S_ISWHT" => s_iswht, "S_IMODE" => s_imode, "S_IFMT" => s_ifmt,
    "filemode" => filemode,
]);

const S_IFMT: u32 = 0o170000;
const S_IFSOCK: u32 = 0o140000;
const S_IFLNK: u32 = 0o120000;
const S_IFREG: u32 = 0o100000;
const S_IFBLK: u32 = 0o060000;
const S_IFDIR: u32 = 0o040000;
const S_IFCHR: u32 = 0o020000;
const S_IFIFO: u32 = 0o010000;

/// Every integer constant, with the value CPython reports on Linux (the
/// door, port and whiteout types do not exist there and are 0).
const CONSTANTS: &[(&str, i64)] = &[
    ("S_IFSOCK", S_IFSOCK as i64),
    ("S_IFLNK", S_IFLNK as i64),
    ("S_IFREG", S_IFREG as i64),
    ("S_IFBLK", S_IFBLK as i64),
    ("S_IFDIR", S_IFDIR as i64),
    ("S_IFCHR", S_IFCHR as i64),
    ("S_IFIFO", S_IFIFO as i64),
    ("S_IFDOOR", 0),
    ("S_IFPORT", 0),
    ("S_IFWHT", 0),
    ("S_ISUID", 0o4000),
    ("S_ISGID", 0o2000),
    ("S_ISVTX", 0o1000),
    ("S_ENFMT", 0o2000),
    ("S_IREAD", 0o400),
    ("S_IWRITE", 0o200),
    ("S_IEXEC", 0o100),
    ("S_IRWXU", 0o700),
    ("S_IRUSR", 0o400),
    ("S_IWUSR", 0o200),
    ("S_IXUSR", 0o100),
    ("S_IRWXG", 0o70),
    ("S_IRGRP", 0o40),
    ("S_IWGRP", 0o20),
    ("S_IXGRP", 0o10),
    ("S_IRWXO", 0o7),
    ("S_IROTH", 0o4),
    ("S_IWOTH", 0o2),
    ("S_IXOTH", 0o1),
    ("UF_NODUMP", 0x1),
    ("UF_IMMUTABLE", 0x2),
    ("UF_APPEND", 0x4),
    ("UF_OPAQUE", 0x8),
    ("UF_NOUNLINK", 0x10),
    ("UF_COMPRESSED", 0x20),
    ("UF_HIDDEN", 0x8000),
    ("SF_ARCHIVED", 0x10000),
    ("SF_IMMUTABLE", 0x20000),
    ("SF_APPEND", 0x40000),
    ("SF_NOUNLINK", 0x100000),
    ("SF_SNAPSHOT", 0x200000),
    ("ST_MODE", 0),
    ("ST_INO", 1),
    ("ST_DEV", 2),
    ("ST_NLINK", 3),
    ("ST_UID", 4),
    ("ST_GID", 5),
    ("ST_SIZE", 6),
    ("ST_ATIME", 7),
    ("ST_MTIME", 8),
    ("ST_CTIME", 9),
];

/// Builds the `_stat` module.
pub fn init(_vm: &mut Vm) -> Value {
    let extra = CONSTANTS.iter().map(|&(n, v)| (n, Value::Int(v))).collect();
    new_module("_stat", STAT_FUNCTIONS, extra)
}

/// The one argument of a `METH_O` function, with CPython's messages.
fn one_arg<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "_stat.{name}() takes no keyword arguments"
        )));
    }
    match a.pos {
        [v] => Ok(v),
        _ => Err(PyErr::type_error(format!(
            "_stat.{name}() takes exactly one argument ({} given)",
            a.pos.len()
        ))),
    }
}

/// A `mode_t` as `_PyLong_AsMode_t` converts it: an exact int (no
/// `__index__`), not negative, within 32 bits.
fn mode_of(v: &Value) -> PyResult<u32> {
    const NEG: &str = "can't convert negative value to unsigned int";
    const RANGE: &str = "mode out of range";
    match v {
        Value::Bool(b) => Ok(u32::from(*b)),
        Value::Int(n) if *n < 0 => Err(PyErr::overflow(NEG)),
        Value::Int(n) => u32::try_from(*n).map_err(|_| PyErr::overflow(RANGE)),
        Value::BigInt(n) if n.is_negative() => Err(PyErr::overflow(NEG)),
        Value::BigInt(n) => match n.to_u64() {
            Some(m) => u32::try_from(m).map_err(|_| PyErr::overflow(RANGE)),
            None => Err(PyErr::overflow(
                "Python int too large to convert to C unsigned long",
            )),
        },
        _ => Err(PyErr::type_error("an integer is required")),
    }
}

fn mode_arg(a: &Args<'_>, name: &str) -> PyResult<u32> {
    mode_of(one_arg(a, name)?)
}

fn is_type(a: &Args<'_>, name: &str, kind: u32) -> PyResult<Value> {
    let m = mode_arg(a, name)?;
    // The door, port and whiteout kinds are 0 on Linux: no mode is of them.
    Ok(Value::Bool(kind != 0 && m & S_IFMT == kind))
}

fn s_isdir(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    is_type(&a, "S_ISDIR", S_IFDIR)
}

fn s_ischr(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    is_type(&a, "S_ISCHR", S_IFCHR)
}

fn s_isblk(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    is_type(&a, "S_ISBLK", S_IFBLK)
}

fn s_isreg(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    is_type(&a, "S_ISREG", S_IFREG)
}

fn s_isfifo(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    is_type(&a, "S_ISFIFO", S_IFIFO)
}

fn s_islnk(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    is_type(&a, "S_ISLNK", S_IFLNK)
}

fn s_issock(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    is_type(&a, "S_ISSOCK", S_IFSOCK)
}

fn s_isdoor(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    is_type(&a, "S_ISDOOR", 0)
}

fn s_isport(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    is_type(&a, "S_ISPORT", 0)
}

fn s_iswht(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    is_type(&a, "S_ISWHT", 0)
}

fn s_imode(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let m = mode_arg(&a, "S_IMODE")?;
    Ok(Value::Int(i64::from(m & 0o7777)))
}

fn s_ifmt(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let m = mode_arg(&a, "S_IFMT")?;
    Ok(Value::Int(i64::from(m & S_IFMT)))
}

/// The `ls -l` letter of a file type.
fn type_char(mode: u32) -> char {
    match mode & S_IFMT {
        S_IFREG => '-',
        S_IFDIR => 'd',
        S_IFLNK => 'l',
        S_IFBLK => 'b',
        S_IFCHR => 'c',
        S_IFIFO => 'p',
        S_IFSOCK => 's',
        _ => '?',
    }
}

/// `filemode(mode)`: `'-rwxr-xr-x'` and friends, set-id and sticky bits
/// shown as `s`/`S` and `t`/`T` over the execute letters.
fn filemode(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let m = mode_arg(&a, "filemode")?;
    let mut s = String::with_capacity(10);
    s.push(type_char(m));
    // (read, write, execute, special bit, letter when executable too)
    let triads = [
        (0o400, 0o200, 0o100, 0o4000, 's'),
        (0o040, 0o020, 0o010, 0o2000, 's'),
        (0o004, 0o002, 0o001, 0o1000, 't'),
    ];
    for (r, w, x, special, letter) in triads {
        s.push(if m & r != 0 { 'r' } else { '-' });
        s.push(if m & w != 0 { 'w' } else { '-' });
        s.push(match (m & x != 0, m & special != 0) {
            (true, true) => letter,
            (false, true) => letter.to_ascii_uppercase(),
            (true, false) => 'x',
            (false, false) => '-',
        });
    }
    Ok(Value::string(s))
}
