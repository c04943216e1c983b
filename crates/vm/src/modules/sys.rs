//! `sys`: CPython's `Python/sysmodule.c`, the parts common programs use.
//!
//! `sys.stdout`, `sys.stderr` and `sys.stdin` are small namespace objects whose
//! `write`/`flush`/`readline` go to the VM's own streams; `print` recognizes
//! them (see [`std_stream`]) and writes directly.

use std::io::BufRead;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::sys_trace::HookKind;
use crate::types::{type_name, ExcKind};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

use super::structseq::{self, StructSeqType};
use super::{module_functions, new_module};

module_functions!(SYS_FUNCTIONS, "sys", [
    "exc_info" => s_exc_info, "exception" => s_exception, "exit" => s_exit,
    "getdefaultencoding" => s_getdefaultencoding,
    "getfilesystemencoding" => s_getfilesystemencoding,
    "getfilesystemencodeerrors" => super::posix::sys_getfilesystemencodeerrors,
    "audit" => super::posix::sys_audit,
    "getrecursionlimit" => s_getrecursionlimit, "getsizeof" => s_getsizeof,
    "intern" => s_intern, "setrecursionlimit" => s_setrecursionlimit,
    "call_tracing" => super::sys_info::call_tracing,
    "_getframe" => crate::frame_obj::getframe,
    "_current_frames" => super::sys_threads::current_frames,
    "_current_exceptions" => super::sys_threads::current_exceptions,
    "get_int_max_str_digits" => s_get_int_max_str_digits,
    "set_int_max_str_digits" => s_set_int_max_str_digits, "getrefcount" => s_getrefcount,
    "excepthook" => super::excepthook::excepthook,
    "unraisablehook" => crate::unraisable::unraisablehook,
    "displayhook" => super::displayhook::displayhook,
    "breakpointhook" => super::breakpoint::breakpointhook,
    "get_asyncgen_hooks" => super::sys_asyncgen::get_asyncgen_hooks,
    "set_asyncgen_hooks" => super::sys_asyncgen::set_asyncgen_hooks,
    "is_finalizing" => super::sys_asyncgen::is_finalizing,
    "get_coroutine_origin_tracking_depth" => super::sys_asyncgen::get_origin_depth,
    "set_coroutine_origin_tracking_depth" => super::sys_asyncgen::set_origin_depth,
    "getswitchinterval" => s_getswitchinterval, "setswitchinterval" => s_setswitchinterval,
    "settrace" => s_settrace, "gettrace" => s_gettrace,
    "setprofile" => s_setprofile, "getprofile" => s_getprofile,
]);

/// `sys.settrace(function)` and `sys.setprofile(function)`.
fn set_hook(vm: &mut Vm, a: &Args<'_>, name: &str, kind: HookKind) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    crate::native::positional(a, name, 1, 1)?;
    let f = match &a.pos[0] {
        Value::None => None,
        f => Some(f.clone()),
    };
    vm.set_hook(kind, f);
    Ok(Value::None)
}

fn s_settrace(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    set_hook(vm, &a, "settrace", HookKind::Trace)
}

fn s_setprofile(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    set_hook(vm, &a, "setprofile", HookKind::Profile)
}

fn s_gettrace(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "sys.gettrace")?;
    Ok(vm.hook(HookKind::Trace))
}

fn s_getprofile(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "sys.getprofile")?;
    Ok(vm.hook(HookKind::Profile))
}

/// `sys.getswitchinterval()`.
fn s_getswitchinterval(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    crate::native::positional(&a, "getswitchinterval", 0, 0)?;
    Ok(Value::Float(vm.sched.switch_interval))
}

/// `sys.setswitchinterval(interval)`: how long a green thread runs before
/// another may (converted to a number of steps).
fn s_setswitchinterval(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    crate::native::positional(&a, "setswitchinterval", 1, 1)?;
    let Some(x) = crate::ops::to_f64(&a.pos[0])? else {
        return Err(PyErr::type_error(format!(
            "must be real number, not {}",
            type_name(&a.pos[0])
        )));
    };
    if x <= 0.0 {
        return Err(PyErr::value_error(
            "switch interval must be strictly positive",
        ));
    }
    vm.set_switch_interval(x);
    Ok(Value::None)
}

// What the standard streams' `_io` objects call for their reads and writes
// (see `io::stdio`): the VM's own buffered streams.
module_functions!(STDOUT_FUNCTIONS, "stdout", [
    "write" => out_write, "writelines" => out_writelines, "flush" => out_flush,
]);

module_functions!(STDERR_FUNCTIONS, "stderr", [
    "write" => err_write, "writelines" => err_writelines, "flush" => out_flush,
]);

module_functions!(STDOUT_BUFFER_FUNCTIONS, "stdout.buffer", [
    "write" => outb_write, "flush" => out_flush,
]);

module_functions!(STDERR_BUFFER_FUNCTIONS, "stderr.buffer", [
    "write" => errb_write, "flush" => out_flush,
]);

module_functions!(STDIN_BUFFER_FUNCTIONS, "stdin.buffer", [
    "read" => inb_read, "readline" => inb_readline,
]);

module_functions!(STDIN_FUNCTIONS, "stdin", [
    "readline" => in_readline, "read" => in_read, "readlines" => in_readlines,
    "__next__" => in_next,
]);

/// The functions doing the I/O of standard stream `which` (of its binary
/// `buffer` if `binary`).
pub fn std_functions(which: StdStream, binary: bool) -> &'static [BuiltinDef] {
    match (which, binary) {
        (StdStream::Stdout, false) => STDOUT_FUNCTIONS,
        (StdStream::Stderr, false) => STDERR_FUNCTIONS,
        (StdStream::Stdin, false) => STDIN_FUNCTIONS,
        (StdStream::Stdout, true) => STDOUT_BUFFER_FUNCTIONS,
        (StdStream::Stderr, true) => STDERR_BUFFER_FUNCTIONS,
        (StdStream::Stdin, true) => STDIN_BUFFER_FUNCTIONS,
    }
}

/// Which of the standard streams a `sys.stdout`-like object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StdStream {
    /// `sys.stdout`.
    Stdout,
    /// `sys.stderr`.
    Stderr,
    /// `sys.stdin`.
    Stdin,
}

/// If `v` is one of the VM's standard stream objects (the text stream, not
/// its buffer, and not closed), which one.
pub fn std_stream(v: &Value) -> Option<StdStream> {
    match super::io::stdio::std_of(v) {
        // A `write` set on the stream object itself is what `print` and
        // tracebacks call (`PyFile_WriteObject` looks the method up).
        Some((_, false)) if own_write(v) => None,
        Some((s, false)) => Some(s),
        _ => None,
    }
}

/// Whether the object's own `__dict__` has a `write`.
fn own_write(v: &Value) -> bool {
    thread_local! {
        static WRITE: Rc<StrObj> = Rc::new(StrObj::new("write"));
    }
    match v {
        Value::Instance(i) => !i.dict.is_empty() && WRITE.with(|w| i.dict.contains(w)),
        _ => false,
    }
}

/// The current `sys.stdout` if `sys` has been imported (a program may have
/// replaced it), else `None`: print then writes to the VM's stdout.
pub fn current_stdout(vm: &mut Vm) -> Option<Value> {
    // `print` is hot: the two keys are made once per thread, their hashes cached.
    thread_local! {
        static KEYS: (Rc<StrObj>, Rc<StrObj>) =
            (Rc::new(StrObj::new("sys")), Rc::new(StrObj::new("stdout")));
    }
    let sys = KEYS.with(|k| vm.modules.borrow().get_str(&k.0).cloned())?;
    let Value::Module(m) = sys else { return None };
    let out = KEYS.with(|k| m.dict.borrow().get_str(&k.1).cloned());
    out
}

/// The current `sys.stdin` if `sys` has been imported and a program replaced
/// it (an `io.StringIO`, say): `input()` then reads from it.
pub fn replaced_stdin(vm: &mut Vm) -> Option<Value> {
    let (sys_key, stdin_key) = (vm.intern("sys"), vm.intern("stdin"));
    let sys = vm.modules.borrow().get_str(&sys_key).cloned()?;
    let Value::Module(m) = sys else { return None };
    let stdin = m.dict.borrow().get_str(&stdin_key).cloned()?;
    (std_stream(&stdin) != Some(StdStream::Stdin)).then_some(stdin)
}

/// The file `print` writes to when it is an object of the program's (not a
/// standard stream, not `None`): `file`, or a replaced `sys.stdout`.
pub fn custom_print_target(vm: &mut Vm, file: Option<&Value>) -> Option<Value> {
    let file = match file {
        None | Some(Value::None) => current_stdout(vm)?,
        Some(f) => f.clone(),
    };
    match file {
        Value::None => None,
        f if std_stream(&f).is_some() => None,
        f => Some(f),
    }
}

/// Writes `print`'s text to `file` (`None`: the current `sys.stdout`).
pub fn print_to(vm: &mut Vm, file: Option<&Value>, text: String, flush: bool) -> PyResult<()> {
    let file = match file {
        None | Some(Value::None) => current_stdout(vm),
        Some(f) => Some(f.clone()),
    };
    match &file {
        // A program that set `sys.stdout = None` prints nothing.
        Some(Value::None) => return Ok(()),
        None => vm.write_out(&text)?,
        Some(f) => match std_stream(f) {
            Some(StdStream::Stderr) => vm.write_err(&text),
            Some(_) => vm.write_out(&text)?,
            None => {
                let name = vm.intern("write");
                let write = vm.get_attr(f, &name)?;
                vm.call(&write, &[Value::string(text)])?;
                if flush {
                    let name = vm.intern("flush");
                    let fl = vm.get_attr(f, &name)?;
                    vm.call(&fl, &[])?;
                }
                return Ok(());
            }
        },
    }
    if flush {
        vm.flush();
    }
    Ok(())
}

/// The bytes of a `buffer.write(b)` argument.
fn bytes_arg(a: &Args<'_>) -> PyResult<Vec<u8>> {
    match a.pos {
        [v] => crate::buffer::bytes_like(v),
        _ => Err(PyErr::type_error(format!(
            "write() takes exactly one argument ({} given)",
            a.pos.len()
        ))),
    }
}

fn outb_write(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bytes_arg(&a)?;
    use std::io::Write;
    vm.stdout
        .write_all(&b)
        .map_err(|e| crate::oserror::from_io(&e, None))?;
    Ok(Value::Int(b.len() as i64))
}

fn errb_write(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bytes_arg(&a)?;
    use std::io::Write;
    let _ = vm.stderr.write_all(&b);
    Ok(Value::Int(b.len() as i64))
}

fn inb_read(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("read")?;
    vm.flush();
    let mut all = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut all)
        .map_err(|e| crate::oserror::from_io(&e, None))?;
    Ok(Value::Bytes(Rc::new(all)))
}

fn inb_readline(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("readline")?;
    vm.flush();
    let mut line = Vec::new();
    std::io::stdin()
        .lock()
        .read_until(b'\n', &mut line)
        .map_err(|e| crate::oserror::from_io(&e, None))?;
    Ok(Value::Bytes(Rc::new(line)))
}

static VERSION_INFO: StructSeqType = StructSeqType {
    name: "sys.version_info",
    fields: &["major", "minor", "micro", "releaselevel", "serial"],
    n_in_sequence: 5,
    constructible: false,
    fill: None,
};

static FLOAT_INFO: StructSeqType = StructSeqType {
    name: "sys.float_info",
    fields: &[
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ],
    n_in_sequence: 11,
    constructible: true,
    fill: None,
};

static INT_INFO: StructSeqType = StructSeqType {
    name: "sys.int_info",
    fields: &[
        "bits_per_digit",
        "sizeof_digit",
        "default_max_str_digits",
        "str_digits_check_threshold",
    ],
    n_in_sequence: 4,
    constructible: true,
    fill: None,
};

static HASH_INFO: StructSeqType = StructSeqType {
    name: "sys.hash_info",
    fields: &[
        "width",
        "modulus",
        "inf",
        "nan",
        "imag",
        "algorithm",
        "hash_bits",
        "seed_bits",
        "cutoff",
    ],
    n_in_sequence: 9,
    constructible: true,
    fill: None,
};

static FLAGS: StructSeqType = StructSeqType {
    name: "sys.flags",
    fields: &[
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ],
    n_in_sequence: 18,
    constructible: false,
    fill: None,
};

/// `types.SimpleNamespace`-like: shown as `namespace(...)`.
const HEXVERSION: i64 = 0x030B_07F0;

fn ints(v: &[i64]) -> Vec<Value> {
    v.iter().map(|&i| Value::Int(i)).collect()
}

fn version_info(vm: &mut Vm) -> Value {
    structseq::new(
        vm,
        &VERSION_INFO,
        vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(7),
            Value::str("final"),
            Value::Int(0),
        ],
    )
}

/// Builds the `sys` module.
pub fn init(vm: &mut Vm) -> Value {
    let float_info = structseq::new(
        vm,
        &FLOAT_INFO,
        vec![
            Value::Float(f64::MAX),
            Value::Int(1024),
            Value::Int(308),
            Value::Float(f64::MIN_POSITIVE),
            Value::Int(-1021),
            Value::Int(-307),
            Value::Int(15),
            Value::Int(53),
            Value::Float(f64::EPSILON),
            Value::Int(2),
            Value::Int(1),
        ],
    );
    let int_info = structseq::new(vm, &INT_INFO, ints(&[30, 4, 4300, 640]));
    let hash_info = structseq::new(
        vm,
        &HASH_INFO,
        vec![
            Value::Int(64),
            Value::Int((1 << 61) - 1),
            Value::Int(314_159),
            Value::Int(0),
            Value::Int(1_000_003),
            Value::str("siphash13"),
            Value::Int(64),
            Value::Int(128),
            Value::Int(0),
        ],
    );
    // `dont_write_bytecode` stays 1 as it always was here: imports write
    // Pith's own cache, never CPython's.
    let flags = vm.cmdline.flags(1);
    let flags = structseq::new(vm, &FLAGS, flags);
    let impl_version = version_info(vm);
    let implementation = crate::simple_namespace::new_namespace(
        vm,
        vec![
            ("name", Value::str("pith")),
            ("cache_tag", Value::str("pith-311")),
            ("version", impl_version),
            ("hexversion", Value::Int(HEXVERSION)),
            ("_multiarch", Value::str("x86_64-linux-gnu")),
        ],
    );
    let argv: Vec<Value> = vm.argv.iter().map(|a| Value::str(a)).collect();
    let executable = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let mut std_stream = |which| super::io::stdio::make(vm, which).unwrap_or(Value::None);
    let stdout = std_stream(StdStream::Stdout);
    let stderr = std_stream(StdStream::Stderr);
    let stdin = std_stream(StdStream::Stdin);
    let byteorder = if cfg!(target_endian = "little") {
        "little"
    } else {
        "big"
    };
    let executable = Value::string(executable);
    let import_attrs = super::sys_import::attrs(&executable);
    let info_attrs = super::sys_info::attrs(vm);
    let m = new_module(
        "sys",
        SYS_FUNCTIONS,
        vec![
            ("argv", Value::list(argv)),
            ("path", vm.sys_path.clone()),
            ("modules", Value::Dict(vm.modules.clone())),
            ("stdout", stdout.clone()),
            ("stderr", stderr.clone()),
            ("stdin", stdin.clone()),
            ("__stdout__", stdout),
            ("__stderr__", stderr),
            ("__stdin__", stdin),
            ("__excepthook__", sys_function("excepthook")),
            ("__unraisablehook__", sys_function("unraisablehook")),
            ("__displayhook__", sys_function("displayhook")),
            ("__breakpointhook__", sys_function("breakpointhook")),
            ("float_repr_style", Value::str("short")),
            ("abiflags", Value::str("")),
            // `(implementation, branch, revision)`, which `platform` reads:
            // a release build, as CPython's from a tarball.
            (
                "_git",
                Value::tuple(vec![Value::str("Pith"), Value::str(""), Value::str("")]),
            ),
            ("warnoptions", vm.cmdline.warnoptions_list()),
            ("_xoptions", vm.cmdline.xoptions_dict()),
            ("platlibdir", Value::str("lib")),
            ("maxsize", Value::Int(i64::MAX)),
            ("maxunicode", Value::Int(0x10_FFFF)),
            ("byteorder", Value::str(byteorder)),
            ("platform", Value::str(std::env::consts::OS)),
            (
                "version",
                // CPython's shape, `VERSION (BUILD) [COMPILER]`, which
                // `platform._sys_version` parses.
                Value::str(concat!(
                    "3.11.7 (pith ",
                    env!("CARGO_PKG_VERSION"),
                    ") [rustc]"
                )),
            ),
            ("version_info", version_info(vm)),
            ("hexversion", Value::Int(HEXVERSION)),
            ("api_version", Value::Int(1013)),
            ("implementation", implementation),
            ("float_info", float_info),
            ("int_info", int_info),
            ("hash_info", hash_info),
            ("flags", flags),
            ("executable", executable),
            ("prefix", Value::str(&vm.prefix)),
            ("base_prefix", Value::str(&vm.prefix)),
            ("exec_prefix", Value::str(&vm.prefix)),
            ("base_exec_prefix", Value::str(&vm.prefix)),
            ("dont_write_bytecode", Value::Bool(!vm.write_bytecode)),
            ("builtin_module_names", builtin_module_names()),
        ],
    );
    if let Value::Module(md) = &m {
        let mut d = md.dict.borrow_mut();
        for (k, v) in import_attrs.into_iter().chain(info_attrs) {
            let _ = d.insert(Value::str(k), v);
        }
    }
    m
}

fn builtin_module_names() -> Value {
    let mut names: Vec<Value> = super::MODULES.iter().map(|(n, _)| Value::str(n)).collect();
    names.sort_by(|a, b| match (a, b) {
        (Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
        _ => std::cmp::Ordering::Equal,
    });
    Value::tuple(names)
}

fn no_args(a: &Args<'_>, name: &str) -> PyResult<()> {
    a.no_args(name)
}

fn one<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    a.no_kw(name)?;
    match a.pos {
        [x] => Ok(x),
        _ => Err(PyErr::type_error(format!(
            "{}() takes exactly one argument ({} given)",
            name,
            a.pos.len()
        ))),
    }
}

fn s_getrecursionlimit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "sys.getrecursionlimit")?;
    Ok(Value::Int(vm.recursion_limit() as i64))
}

fn s_setrecursionlimit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let n = match one(&a, "sys.setrecursionlimit")? {
        Value::Int(n) => *n,
        Value::Bool(b) => i64::from(*b),
        Value::BigInt(_) => {
            return Err(PyErr::overflow("Python int too large to convert to C int"))
        }
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )))
        }
    };
    if n < 1 {
        return Err(PyErr::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    if n > i64::from(i32::MAX) {
        return Err(PyErr::overflow("Python int too large to convert to C int"));
    }
    vm.set_recursion_limit(usize::try_from(n).unwrap_or(usize::MAX));
    Ok(Value::None)
}

fn s_exit(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("exit")?;
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "exit expected at most 1 argument, got {}",
            a.pos.len()
        )));
    }
    // As `PyErr_SetObject`: a tuple status is the exception's arguments, so
    // `exit((42,))` exits with 42, and None gives no arguments.
    let args = match a.pos {
        [Value::Tuple(items)] => items.to_vec(),
        [Value::None] => Vec::new(),
        _ => a.pos.to_vec(),
    };
    Err(PyErr::with_args(ExcKind::SystemExit, args))
}

fn s_exc_info(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "sys.exc_info")?;
    Ok(crate::frame_obj::exc_info(vm))
}

fn s_exception(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "sys.exception")?;
    Ok(match &vm.exc_info {
        e @ Value::Exception(_) => e.clone(),
        _ => Value::None,
    })
}

fn s_getdefaultencoding(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "sys.getdefaultencoding")?;
    Ok(Value::str("utf-8"))
}

fn s_getfilesystemencoding(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "sys.getfilesystemencoding")?;
    Ok(Value::str("utf-8"))
}

fn s_intern(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    match one(&a, "sys.intern")? {
        Value::Str(s) => Ok(Value::Str(crate::code::intern_existing(s))),
        other => Err(PyErr::type_error(format!(
            "intern() argument must be str, not {}",
            type_name(other)
        ))),
    }
}

/// `sys.getsizeof`: CPython 3.11's sizes on a 64-bit build for the common
/// types (objects here are laid out differently, but programs compare these).
/// `sys.getsizeof` of an instance of the Python class `t`: 56 bytes with a
/// `__dict__` (and a `__weakref__`), 32 without either, plus 8 a slot member.
fn instance_size(t: &std::rc::Rc<crate::types::TypeObj>) -> i64 {
    let members = crate::modules::builtins::slot_count(t) as i64;
    match t.heap.as_ref().and_then(|h| h.slots.as_ref()) {
        Some(names) => {
            let weakref = names.iter().any(|n| n.as_str() == "__weakref__");
            32 + 8 * (members + i64::from(weakref))
        }
        None => 56 + 8 * members,
    }
}

/// `sys.getsizeof` of a set or frozenset whose table has `slots` slots.
fn set_size(slots: usize) -> i64 {
    if slots > 8 {
        216 + 16 * slots as i64
    } else {
        216
    }
}

/// `sys.getsizeof` of an instance whose class defines `__sizeof__` in
/// Python: its answer plus what 3.11 keeps in front of the object (the
/// collector's header, and the managed dict's pointers when instances
/// have a `__dict__` and a fixed-size base). `None`: no such method.
fn python_sizeof(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    let Value::Instance(i) = v else {
        return Ok(None);
    };
    let t = i.class();
    let name = vm.intern("__sizeof__");
    // Looked up on the class only (`_PyObject_LookupSpecial`): the
    // instance's `__getattribute__` is not asked. OrderedDict's native
    // `__sizeof__` counts its nodes beside the dict (`odict_sizeof`); the
    // object's size is that plus the collector's header.
    let (f, odict) = match crate::class::lookup(&t, &name) {
        Some(f) if !matches!(f, Value::Builtin(_)) => (f, false),
        Some(f @ Value::Builtin(b)) if b.owner == "collections.OrderedDict" => (f, true),
        _ => return Ok(None),
    };
    let r = vm.call_special(&f, v, &[])?;
    let size = match crate::instance::payload_of(&r).unwrap_or(&r) {
        Value::Int(n) => *n,
        Value::Bool(b) => i64::from(*b),
        Value::BigInt(_) => {
            return Err(PyErr::overflow(
                "Python int too large to convert to C ssize_t",
            ))
        }
        _ => return Err(PyErr::type_error("an integer is required")),
    };
    if size < 0 {
        return Err(PyErr::value_error("__sizeof__() should return >= 0"));
    }
    let var_sized = matches!(
        i.payload(),
        Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Bytes(_) | Value::Tuple(_))
    );
    let has_dict = !odict && t.heap.as_ref().is_some_and(|h| h.slots.is_none());
    Ok(Some(size + if has_dict && !var_sized { 32 } else { 16 }))
}

fn s_getsizeof(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.check_kw("getsizeof", &["default"])?;
    let Some(v) = a.pos.first() else {
        return Err(PyErr::type_error(
            "getsizeof() missing required argument 'object' (pos 1)",
        ));
    };
    match python_sizeof(vm, v) {
        Ok(Some(size)) => return Ok(Value::Int(size)),
        Ok(None) => {}
        // `default` stands in for a size that could not be found.
        Err(e) if e.is(ExcKind::TypeError) => match a.pos.get(1).or_else(|| a.kw("default")) {
            Some(d) => return Ok(d.clone()),
            None => return Err(e),
        },
        Err(e) => return Err(e),
    }
    plain_getsizeof(vm, a)
}

/// `sys.getsizeof` from the object's layout alone (what `object.__sizeof__`
/// also reports, so a Python `__sizeof__` calling it does not recurse).
fn plain_getsizeof(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(v) = a.pos.first() else {
        return Err(PyErr::type_error(
            "getsizeof() missing required argument 'object' (pos 1)",
        ));
    };
    let n = |len: usize| len as i64;
    let size = match v {
        Value::None | Value::NotImplemented | Value::Ellipsis | Value::Null => 16,
        Value::Bool(_) => 28,
        Value::Int(i) => {
            // 3.11 gives 0 one (zero) digit too.
            24 + 4 * n((64 - i.unsigned_abs().leading_zeros() as usize)
                .div_ceil(30)
                .max(1))
        }
        Value::BigInt(b) => 24 + 4 * n((b.bits() as usize).div_ceil(30)),
        Value::Float(_) => 24,
        Value::Str(s) => {
            let max = s.as_str().chars().map(u32::from).max().unwrap_or(0);
            let len = n(s.char_len());
            match max {
                0..=0x7f => 49 + len,
                0x80..=0xff => 73 + len,
                0x100..=0xffff => 74 + 2 * len,
                _ => 76 + 4 * len,
            }
        }
        Value::Bytes(b) => 33 + n(b.len()),
        Value::Complex(_) => 32,
        Value::ByteArray(b) => 57 + n(b.borrow().len()),
        Value::MemoryView(_) => 184,
        Value::Instance(i) if i.payload().is_none() => instance_size(&i.class()),
        Value::Instance(_) => 48,
        Value::Descr(_) => 40,
        Value::Traceback(_) => 64,
        Value::Frame(_) => 112,
        Value::Tuple(t) => 40 + 8 * n(t.len()),
        // A list display allocates its length rounded up to 4 slots.
        Value::List(l) => 56 + 8 * n(l.borrow().len().next_multiple_of(4)),
        Value::Dict(d) => {
            let d = d.borrow();
            if d.is_empty() {
                64
            } else {
                // GC header + dict object + keys object: the smallest power-of-two
                // table whose usable two thirds hold the items; str-keyed entries
                // are 16 bytes, others 24.
                let mut slots = 8usize;
                while slots * 2 / 3 < d.len() {
                    slots *= 2;
                }
                let entry = if d.keys().all(|k| matches!(k, Value::Str(_))) {
                    16
                } else {
                    24
                };
                let index_bytes = if slots <= 128 {
                    1
                } else if slots <= 1 << 15 {
                    2
                } else {
                    4
                };
                96 + n(slots * index_bytes) + entry * n(slots * 2 / 3)
            }
        }
        // A set object is 216 bytes with its 8-slot small table; a larger
        // table is a separate block of 16-byte entries.
        Value::Set(d) => set_size(d.borrow().set_slots()),
        Value::FrozenSet(d) => set_size(d.set_slots()),
        Value::Range(_) => 48,
        Value::Slice(_) => 56,
        Value::Function(_) => 152,
        Value::Builtin(_) | Value::BoundBuiltin(_) => 72,
        Value::Method(_) => 48,
        // A class whose instances have a `__dict__` also counts its cached
        // shared-keys block; builtin types are static `PyTypeObject`s.
        Value::Type(t) => match &t.heap {
            Some(h) if h.slots.is_some() => 920,
            Some(_) => 1688,
            None => 424,
        },
        Value::Exception(_) => 72,
        Value::Iter(_) => 48,
        Value::Cell(_) => 40,
        Value::Code(_) => 176,
        Value::Generator(_) => 208,
        Value::Async(_) => 208,
        Value::Module(_) => 72,
        Value::DictView(_) => 40,
    };
    Ok(Value::Int(size))
}

/// `object.__sizeof__`: `sys.getsizeof` without what CPython keeps in front
/// of the object (the collector's header, and the dict pointer of a Python
/// class's instance).
pub(crate) fn object_sizeof(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [v] = a.pos else {
        return Err(PyErr::type_error(format!(
            "__sizeof__() takes no arguments ({} given)",
            a.pos.len().saturating_sub(1)
        )));
    };
    let Value::Int(size) = plain_getsizeof(vm, Args::positional(std::slice::from_ref(v)))? else {
        return Ok(Value::Int(0));
    };
    let gc_header = match v {
        Value::None
        | Value::NotImplemented
        | Value::Ellipsis
        | Value::Null
        | Value::Bool(_)
        | Value::Int(_)
        | Value::BigInt(_)
        | Value::Float(_)
        | Value::Complex(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::ByteArray(_)
        | Value::Range(_)
        | Value::Code(_) => 0,
        Value::Instance(i) if crate::inst_dict::has_dict_slot(&i.class()) => 32,
        _ => 16,
    };
    Ok(Value::Int(size - gc_header))
}

fn write_arg<'a>(a: &Args<'a>) -> PyResult<&'a Rc<StrObj>> {
    a.no_kw("write")?;
    match a.pos {
        [Value::Str(s)] => Ok(s),
        [other] => Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            crate::types::arg_type_name(other)
        ))),
        _ => Err(PyErr::type_error(format!(
            "TextIOWrapper.write() takes exactly one argument ({} given)",
            a.pos.len()
        ))),
    }
}

fn out_write(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = write_arg(&a)?;
    crate::str_codecs::write_stdout(vm, s)?;
    Ok(Value::Int(s.char_len() as i64))
}

fn err_write(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = write_arg(&a)?;
    vm.write_err(&crate::str_codecs::backslash_text(s));
    Ok(Value::Int(s.char_len() as i64))
}

/// `writelines(lines)`: writes each str of an iterable.
fn writelines(vm: &mut Vm, a: &Args<'_>, to_err: bool) -> PyResult<Value> {
    a.no_kw("writelines")?;
    let [lines] = a.pos else {
        return Err(PyErr::type_error(format!(
            "TextIOWrapper.writelines() takes exactly one argument ({} given)",
            a.pos.len()
        )));
    };
    for line in vm.collect(lines)? {
        let Value::Str(s) = &line else {
            return Err(PyErr::type_error(format!(
                "write() argument must be str, not {}",
                type_name(&line)
            )));
        };
        if to_err {
            vm.write_err(s.as_str());
        } else {
            vm.write_out(s.as_str())?;
        }
    }
    Ok(Value::None)
}

fn out_writelines(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    writelines(vm, &a, false)
}

fn err_writelines(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    writelines(vm, &a, true)
}

fn out_flush(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "TextIOWrapper.flush")?;
    vm.flush();
    Ok(Value::None)
}

fn read_line(vm: &mut Vm) -> PyResult<String> {
    if crate::modules::io::stdio_codec::decodes_input(vm) {
        return read_line_decoded(vm);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| crate::oserror::from_io(&e, None))?;
    // CPython's stdin on POSIX translates no newlines (`newline="\n"`).
    Ok(line)
}

/// The next line of stdin through `PYTHONIOENCODING`'s registry codec:
/// the bytes at hand are decoded until a line end is among the characters
/// (an encoding's line end need not be the byte `\n`, as in UTF-16); the
/// characters after it wait in [`PENDING`].
fn read_line_decoded(vm: &mut Vm) -> PyResult<String> {
    let mut text = String::new();
    loop {
        if let Some(nl) = text.find('\n') {
            PENDING.with(|p| p.borrow_mut().insert_str(0, &text[nl + 1..]));
            text.truncate(nl + 1);
            return Ok(text);
        }
        let chunk = read_chunk()?;
        let last = chunk.is_empty();
        text.push_str(&crate::modules::io::stdio_codec::decode(vm, &chunk, last)?);
        if last {
            return Ok(text);
        }
    }
}

/// The bytes stdin has at hand (one read when none are buffered); empty at
/// the end of input.
fn read_chunk() -> PyResult<Vec<u8>> {
    let mut lock = std::io::stdin().lock();
    let chunk = std::io::BufRead::fill_buf(&mut lock)
        .map_err(|e| crate::oserror::from_io(&e, None))?
        .to_vec();
    std::io::BufRead::consume(&mut lock, chunk.len());
    Ok(chunk)
}

/// The optional `size` argument of `read`/`readline`: `None` (or a negative
/// size) reads without limit.
fn size_arg(a: &Args<'_>, name: &str) -> PyResult<Option<usize>> {
    crate::native::positional(a, name, 0, 1)?;
    match a.pos.first() {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(n)) => Ok(usize::try_from(*n).ok()),
        Some(other) => Err(PyErr::type_error(format!(
            "argument should be integer or None, not '{}'",
            type_name(other)
        ))),
    }
}

/// Splits `text` after its first `limit` characters; the rest is put back
/// in front of what stdin reads next.
fn keep_chars(text: String, limit: Option<usize>) -> String {
    let Some(limit) = limit else { return text };
    match text.char_indices().nth(limit) {
        Some((at, _)) => {
            PENDING.with(|p| p.borrow_mut().insert_str(0, &text[at..]));
            text[..at].to_string()
        }
        None => text,
    }
}

thread_local! {
    /// Characters read from stdin but not yet delivered (after a `size` limit).
    static PENDING: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The next line of `sys.stdin` ("" at end of input), starting with any
/// characters a sized read left over.
pub(crate) fn next_line(vm: &mut Vm) -> PyResult<String> {
    let pending = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    if let Some(nl) = pending.find('\n') {
        PENDING.with(|p| p.borrow_mut().push_str(&pending[nl + 1..]));
        return Ok(pending[..=nl].to_string());
    }
    let line = read_line(vm)?;
    Ok(pending + &line)
}

fn in_readline(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("readline")?;
    let limit = size_arg(&a, "readline")?;
    vm.flush();
    Ok(Value::string(keep_chars(next_line(vm)?, limit)))
}

fn in_read(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("read")?;
    let limit = size_arg(&a, "read")?;
    vm.flush();
    let mut all = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    match limit {
        None if crate::modules::io::stdio_codec::decodes_input(vm) => loop {
            let chunk = read_chunk()?;
            let last = chunk.is_empty();
            all.push_str(&crate::modules::io::stdio_codec::decode(vm, &chunk, last)?);
            if last {
                break;
            }
        },
        None => {
            let mut rest = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut rest)
                .map_err(|e| crate::oserror::from_io(&e, None))?;
            all.push_str(&rest);
        }
        Some(n) => {
            while all.chars().count() < n {
                let line = read_line(vm)?;
                if line.is_empty() {
                    break;
                }
                all.push_str(&line);
            }
        }
    }
    Ok(Value::string(keep_chars(all, limit)))
}

/// `next(sys.stdin)` and `for line in sys.stdin`: the next line, `None` at
/// the end of input.
pub fn stdin_next(vm: &mut Vm) -> PyResult<Option<Value>> {
    vm.flush();
    let line = next_line(vm)?;
    Ok((!line.is_empty()).then(|| Value::string(line)))
}

fn in_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    crate::native::positional(&a, "__next__", 0, 0)?;
    stdin_next(vm)?.ok_or_else(|| PyErr::with_args(ExcKind::StopIteration, Vec::new()))
}

fn in_readlines(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("readlines")?;
    vm.flush();
    let mut lines = Vec::new();
    loop {
        let line = next_line(vm)?;
        if line.is_empty() {
            break;
        }
        lines.push(Value::string(line));
    }
    Ok(Value::list(lines))
}

fn s_get_int_max_str_digits(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "sys.get_int_max_str_digits")?;
    Ok(Value::Int(crate::format::int_max_str_digits() as i64))
}

fn s_set_int_max_str_digits(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.check_kw("set_int_max_str_digits", &["maxdigits"])?;
    let v = match (a.pos, a.kw("maxdigits")) {
        ([v], None) | ([], Some(v)) => v,
        _ => {
            return Err(PyErr::type_error(format!(
                "set_int_max_str_digits() takes exactly one argument ({} given)",
                a.pos.len() + a.kwnames.len()
            )))
        }
    };
    let n = crate::ops::index_of(v).ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))
    })?;
    if n != 0 && n < 640 {
        return Err(PyErr::value_error("maxdigits must be 0 or larger than 640"));
    }
    crate::format::set_int_max_str_digits(usize::try_from(n).unwrap_or(usize::MAX));
    Ok(Value::None)
}

/// `sys.getrefcount(x)`: the strong references to `x`, the argument's included.
fn s_getrefcount(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let v = one(&a, "sys.getrefcount")?;
    let n = match v {
        Value::List(r) => std::rc::Rc::strong_count(r),
        Value::Tuple(r) => std::rc::Rc::strong_count(r),
        Value::Dict(r) | Value::Set(r) => std::rc::Rc::strong_count(r),
        Value::Str(r) => std::rc::Rc::strong_count(r),
        Value::Instance(r) => std::rc::Rc::strong_count(r),
        Value::Function(r) => std::rc::Rc::strong_count(r),
        Value::Type(r) => std::rc::Rc::strong_count(r),
        // Shared, never-freed values: CPython reports large counts for these.
        _ => 1000,
    };
    Ok(Value::Int(n as i64))
}

/// The builtin `sys.NAME` itself, for its `sys.__NAME__` twin.
fn sys_function(name: &str) -> Value {
    SYS_FUNCTIONS
        .iter()
        .find(|f| f.name == name)
        .map_or(Value::None, Value::Builtin)
}
