//! The `builtins` namespace: builtin functions and calls of builtin types.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::code::Code;
use crate::dict::Dict;
use crate::exc::{ExcObj, PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::iter::IterObj;
use crate::ops::{self, CmpOp};
use crate::types::{builtin_type, exc_type, type_name, type_of, ExcKind, TypeKind, TypeObj};
use crate::value::{RangeObj, Value};
use crate::vm::Vm;

macro_rules! builtin_table {
    ($( $name:literal => $f:path ),* $(,)?) => {
        static BUILTIN_FUNCTIONS: &[BuiltinDef] = &[
            $( BuiltinDef { name: $name, func: $f, owner: "", is_method: false }, )*
        ];
    };
}

builtin_table! {
    "print" => b_print, "len" => b_len, "repr" => b_repr, "abs" => b_abs, "min" => b_min,
    "max" => b_max, "sum" => b_sum, "isinstance" => b_isinstance, "issubclass" => b_issubclass,
    "iter" => b_iter, "next" => b_next, "sorted" => b_sorted, "any" => b_any, "all" => b_all,
    "divmod" => b_divmod, "pow" => b_pow, "round" => b_round, "chr" => b_chr, "ord" => b_ord,
    "hex" => b_hex, "oct" => b_oct, "bin" => b_bin, "id" => b_id, "hash" => b_hash,
    "callable" => b_callable, "getattr" => b_getattr, "setattr" => b_setattr,
    "hasattr" => b_hasattr, "format" => b_format, "ascii" => b_ascii,
    "globals" => crate::namespace::b_globals, "locals" => crate::namespace::b_locals,
    "vars" => b_vars, "dir" => crate::namespace::b_dir,
    "delattr" => b_delattr, "input" => crate::namespace::b_input,
    "exit" => crate::namespace::b_exit, "quit" => crate::namespace::b_exit,
    "__build_class__" => crate::class::build_class,
    "aiter" => crate::coro::b_aiter, "anext" => crate::coro::b_anext,
    "breakpoint" => crate::modules::breakpoint::b_breakpoint,
}

const TYPE_NAMES: &[TypeKind] = &[
    TypeKind::Int,
    TypeKind::Float,
    TypeKind::Str,
    TypeKind::Bool,
    TypeKind::List,
    TypeKind::Tuple,
    TypeKind::Dict,
    TypeKind::Set,
    TypeKind::FrozenSet,
    TypeKind::Range,
    TypeKind::Type,
    TypeKind::Object,
    TypeKind::Enumerate,
    TypeKind::Zip,
    TypeKind::Map,
    TypeKind::Filter,
    TypeKind::Reversed,
    TypeKind::Slice,
    TypeKind::Bytes,
    TypeKind::Complex,
    TypeKind::ByteArray,
    TypeKind::MemoryView,
    TypeKind::Property,
    TypeKind::ClassMethod,
    TypeKind::StaticMethod,
    TypeKind::Super,
];

/// Builds the `builtins` namespace.
pub fn make_builtins() -> Dict {
    let mut d = Dict::new();
    let mut put = |name: &str, v: Value| {
        let _ = d.insert(Value::str(name), v);
    };
    for def in BUILTIN_FUNCTIONS
        .iter()
        .chain(crate::exec::EXEC_BUILTINS)
        .chain(crate::import::IMPORT_BUILTINS)
        .chain(crate::modules::io::IO_BUILTINS)
    {
        put(def.name, Value::Builtin(def));
    }
    for &k in TYPE_NAMES {
        let t = builtin_type(k);
        put(&t.name.clone(), Value::Type(t));
    }
    for &k in ExcKind::ALL {
        put(k.name(), Value::Type(exc_type(k)));
    }
    // Old names kept as aliases of `OSError`.
    for alias in ["EnvironmentError", "IOError"] {
        put(alias, Value::Type(exc_type(ExcKind::OSError)));
    }
    put("None", Value::None);
    put("Ellipsis", Value::Ellipsis);
    put("NotImplemented", Value::NotImplemented);
    put("True", Value::Bool(true));
    put("False", Value::Bool(false));
    put("__name__", Value::str("builtins"));
    if let Some(doc) = crate::doc_table::doc("builtins") {
        put("__doc__", Value::str(doc));
    }
    put("__package__", Value::str(""));
    // `-O` makes it False (`Vm::set_command_line`).
    put("__debug__", Value::Bool(true));
    // Filled in when `builtins` gets its spec; present from the start, as
    // `PyModule_Create` makes them.
    put("__loader__", Value::None);
    put("__spec__", Value::None);
    in_cpython_order(&d)
}

/// The names of the builtins namespace in the order CPython 3.11 inserts
/// them (module attributes, `bltinmodule.c`'s functions and objects, the
/// exceptions, `io.open`, then `site`'s `quit` and `exit`), so that
/// `vars(builtins)` lists them alike. Names not listed keep their order at
/// the end.
const CPYTHON_ORDER: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__build_class__",
    "__import__",
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "breakpoint",
    "callable",
    "chr",
    "compile",
    "delattr",
    "dir",
    "divmod",
    "eval",
    "exec",
    "format",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "isinstance",
    "issubclass",
    "iter",
    "aiter",
    "len",
    "locals",
    "max",
    "min",
    "next",
    "anext",
    "oct",
    "ord",
    "pow",
    "print",
    "repr",
    "round",
    "setattr",
    "sorted",
    "sum",
    "vars",
    "None",
    "Ellipsis",
    "NotImplemented",
    "False",
    "True",
    "bool",
    "memoryview",
    "bytearray",
    "bytes",
    "classmethod",
    "complex",
    "dict",
    "enumerate",
    "filter",
    "float",
    "frozenset",
    "property",
    "int",
    "list",
    "map",
    "object",
    "range",
    "reversed",
    "set",
    "slice",
    "staticmethod",
    "str",
    "super",
    "tuple",
    "type",
    "zip",
    "__debug__",
    "BaseException",
    "BaseExceptionGroup",
    "Exception",
    "GeneratorExit",
    "KeyboardInterrupt",
    "SystemExit",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BufferError",
    "EOFError",
    "ImportError",
    "LookupError",
    "MemoryError",
    "NameError",
    "OSError",
    "ReferenceError",
    "RuntimeError",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SystemError",
    "TypeError",
    "ValueError",
    "Warning",
    "FloatingPointError",
    "OverflowError",
    "ZeroDivisionError",
    "BytesWarning",
    "DeprecationWarning",
    "EncodingWarning",
    "FutureWarning",
    "ImportWarning",
    "PendingDeprecationWarning",
    "ResourceWarning",
    "RuntimeWarning",
    "SyntaxWarning",
    "UnicodeWarning",
    "UserWarning",
    "BlockingIOError",
    "ChildProcessError",
    "ConnectionError",
    "FileExistsError",
    "FileNotFoundError",
    "InterruptedError",
    "IsADirectoryError",
    "NotADirectoryError",
    "PermissionError",
    "ProcessLookupError",
    "TimeoutError",
    "IndentationError",
    "IndexError",
    "KeyError",
    "ModuleNotFoundError",
    "NotImplementedError",
    "RecursionError",
    "UnboundLocalError",
    "UnicodeError",
    "BrokenPipeError",
    "ConnectionAbortedError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "TabError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
    "ExceptionGroup",
    "EnvironmentError",
    "IOError",
    "open",
    "quit",
    "exit",
];

/// `d` rebuilt with its keys in `CPYTHON_ORDER` (a stable sort, done once
/// at start-up).
fn in_cpython_order(d: &Dict) -> Dict {
    let rank = |k: &Value| match k {
        Value::Str(s) => CPYTHON_ORDER
            .iter()
            .position(|n| *n == s.as_str())
            .unwrap_or(usize::MAX),
        _ => usize::MAX,
    };
    let mut items: Vec<(&Value, &Value)> = d.iter().collect();
    items.sort_by_cached_key(|(k, _)| rank(k));
    let mut out = Dict::new();
    for (k, v) in items {
        let _ = out.insert(k.clone(), v.clone());
    }
    out
}

fn int_arg(v: &Value, _fname: &str) -> PyResult<i64> {
    ops::index_of(v).ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))
    })
}

fn exact_args(a: &Args<'_>, fname: &str, n: usize) -> PyResult<()> {
    a.no_kw(fname)?;
    if a.pos.len() != n {
        let msg = if n == 1 {
            format!(
                "{}() takes exactly one argument ({} given)",
                fname,
                a.pos.len()
            )
        } else {
            format!("{} expected {} arguments, got {}", fname, n, a.pos.len())
        };
        return Err(PyErr::type_error(msg));
    }
    Ok(())
}

fn b_print(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    vm.counted_c_call(CALLING, |vm| print_body(vm, &a))
}

/// `print(*objects, sep, end, file, flush)`, inside its call level.
fn print_body(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    a.check_kw("print", &["sep", "end", "file", "flush"])?;
    let sep = match a.kw("sep") {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => Some(s.clone()),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "sep must be None or a string, not {}",
                type_name(other)
            )))
        }
    };
    let end = match a.kw("end") {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => Some(s.clone()),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "end must be None or a string, not {}",
                type_name(other)
            )))
        }
    };
    let flush = a.kw("flush").is_some_and(ops::truthy);
    if let Some(file) = crate::modules::sys::custom_print_target(vm, a.kw("file")) {
        return print_pieces(vm, &file, a, flush);
    }
    let mut out = String::new();
    for (i, v) in a.pos.iter().enumerate() {
        crate::format::check_int_str(v)?;
        if i > 0 {
            out.push_str(sep.as_ref().map_or(" ", |s| s.as_str()));
        }
        match v {
            Value::Str(s) if s.surrogates().is_some() => {
                if crate::str_codecs::print_surrogates(vm, a.kw("file"), &mut out, s)?.is_none() {
                    out.push_str(s.as_str());
                }
            }
            Value::Str(s) => out.push_str(s.as_str()),
            Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None => {
                crate::repr::write_str(&mut out, v)
            }
            other => {
                // A `__str__` may print: what came before it goes out first.
                if !out.is_empty() {
                    crate::modules::sys::print_to(
                        vm,
                        a.kw("file"),
                        std::mem::take(&mut out),
                        false,
                    )?;
                }
                out.push_str(&vm.str_of(other)?)
            }
        }
    }
    out.push_str(end.as_ref().map_or("\n", |s| s.as_str()));
    crate::modules::sys::print_to(vm, a.kw("file"), out, flush)?;
    Ok(Value::None)
}

/// `print` to a file object of the program's: as CPython's `builtin_print`,
/// one `file.write` call per piece (each argument's `str`, each separator,
/// the end), so a `write` that records its calls sees what CPython's does.
fn print_pieces(vm: &mut Vm, file: &Value, a: &Args<'_>, flush: bool) -> PyResult<Value> {
    let write_name = vm.intern("write");
    let write = |vm: &mut Vm, piece: Value| -> PyResult<()> {
        let w = vm.get_attr(file, &write_name)?;
        vm.call(&w, &[piece])?;
        Ok(())
    };
    let sep = match a.kw("sep") {
        Some(v @ Value::Str(_)) => v.clone(),
        _ => Value::str(" "),
    };
    for (i, v) in a.pos.iter().enumerate() {
        if i > 0 {
            write(vm, sep.clone())?;
        }
        let text = match v {
            Value::Str(_) => v.clone(),
            other => {
                crate::format::check_int_str(other)?;
                Value::string(vm.str_of(other)?)
            }
        };
        write(vm, text)?;
    }
    let end = match a.kw("end") {
        Some(v @ Value::Str(_)) => v.clone(),
        _ => Value::str("\n"),
    };
    write(vm, end)?;
    if flush {
        let name = vm.intern("flush");
        let f = vm.get_attr(file, &name)?;
        vm.call(&f, &[])?;
    }
    Ok(Value::None)
}

fn b_len(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "len", 1)?;
    Ok(Value::Int(vm.len_of(&a.pos[0])? as i64))
}

/// The level a call of a builtin function that may run Python code holds
/// in CPython (`cfunction_vectorcall_*`), counted against the recursion limit.
const CALLING: &str = " while calling a Python object";

fn b_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "repr", 1)?;
    if let v @ Value::Instance(_) = &a.pos[0] {
        // The object `__repr__` returned, a str subclass's instance included.
        return vm.counted_c_call(CALLING, |vm| vm.repr_special_obj(v));
    }
    let s = vm.counted_c_call(CALLING, |vm| vm.repr_of(&a.pos[0]))?;
    Ok(Value::string(s))
}

/// `ascii()` of a repr: escapes non-ASCII characters.
pub fn ascii_of(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

fn b_ascii(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "ascii", 1)?;
    if let v @ Value::Instance(_) = &a.pos[0] {
        // An all-ASCII repr is returned as the object `__repr__` gave.
        let r = vm.counted_c_call(CALLING, |vm| vm.repr_special_obj(v))?;
        let text = crate::special::str_result_text(&r);
        return Ok(if text.is_ascii() {
            r
        } else {
            Value::string(ascii_of(&text))
        });
    }
    let s = vm.counted_c_call(CALLING, |vm| vm.repr_of(&a.pos[0]))?;
    Ok(Value::string(ascii_of(&s)))
}

/// `abs(v)`.
pub(crate) fn abs_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    b_abs(vm, Args::positional(std::slice::from_ref(v)))
}

fn b_abs(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "abs", 1)?;
    match vm.abs_special(&a.pos[0])? {
        Some(crate::special::AbsOf::Result(r)) => return Ok(r),
        Some(crate::special::AbsOf::Payload(p)) => {
            return b_abs(vm, Args::positional(std::slice::from_ref(&p)))
        }
        None => {}
    }
    Ok(match &a.pos[0] {
        Value::Int(i) => i
            .checked_abs()
            .map_or_else(|| Value::from_bigint(BigInt::from(*i).abs()), Value::Int),
        Value::Bool(b) => Value::Int(i64::from(*b)),
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        Value::Complex(c) => {
            let r = c.re.hypot(c.im);
            if r.is_infinite() && c.re.is_finite() && c.im.is_finite() {
                return Err(PyErr::overflow("absolute value too large"));
            }
            Value::Float(r)
        }
        other => {
            return Err(PyErr::type_error(format!(
                "bad operand type for abs(): '{}'",
                type_name(other)
            )))
        }
    })
}

fn min_max(vm: &mut Vm, a: Args<'_>, name: &str, op: CmpOp) -> PyResult<Value> {
    a.check_clinic_kw(name, &["key", "default"])?;
    let key = a.kw("key").filter(|k| !matches!(k, Value::None)).cloned();
    match a.pos.len() {
        0 => {
            return Err(PyErr::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )))
        }
        1 => {}
        _ if a.kw("default").is_some() => {
            return Err(PyErr::type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        _ => {}
    }
    // Items are taken one at a time, each key computed as its item comes
    // (`min_max` of `bltinmodule.c`), with no list of them all.
    let mut best: Option<(Value, Value)> = None;
    let mut consider = |vm: &mut Vm, item: Value| -> PyResult<()> {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => match (&k, bk) {
                (Value::Int(x), Value::Int(y)) => op.test(x.cmp(y)),
                _ => vm.compare_bool(op, &k, bk)?,
            },
        };
        if better {
            best = Some((k, item));
        }
        Ok(())
    };
    if let [iterable] = a.pos {
        let it = vm.get_iter(iterable)?;
        while let Some(item) = vm.iter_next(&it)? {
            consider(vm, item)?;
        }
    } else {
        for item in a.pos {
            consider(vm, item.clone())?;
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match a.kw("default") {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::value_error(format!(
                "{name}() arg is an empty sequence"
            ))),
        },
    }
}

fn b_min(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    min_max(vm, a, "min", CmpOp::Lt)
}

fn b_max(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    min_max(vm, a, "max", CmpOp::Gt)
}

fn b_sum(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.check_kw("sum", &["start"])?;
    // Argument Clinic's order: too many in all first, then a missing
    // positional iterable.
    let given = a.pos.len() + usize::from(a.kw("start").is_some());
    if given > 2 {
        return Err(PyErr::type_error(format!(
            "sum() takes at most 2 arguments ({given} given)"
        )));
    }
    if a.pos.is_empty() {
        return Err(PyErr::type_error(
            "sum() takes at least 1 positional argument (0 given)",
        ));
    }
    let mut acc = a
        .pos
        .get(1)
        .or_else(|| a.kw("start"))
        .cloned()
        .unwrap_or(Value::Int(0));
    match &acc {
        Value::Str(_) => {
            return Err(PyErr::type_error(
                "sum() can't sum strings [use ''.join(seq) instead]",
            ))
        }
        Value::Bytes(_) => {
            return Err(PyErr::type_error(
                "sum() can't sum bytes [use b''.join(seq) instead]",
            ))
        }
        Value::ByteArray(_) => {
            return Err(PyErr::type_error(
                "sum() can't sum bytearray [use b''.join(seq) instead]",
            ))
        }
        _ => {}
    }
    let it = vm.get_iter(&a.pos[0])?;
    while let Some(v) = vm.iter_next(&it)? {
        acc = match (&acc, &v) {
            (Value::Int(x), Value::Int(y)) => match x.checked_add(*y) {
                Some(s) => Value::Int(s),
                None => ops::binary_op(ops::nb::ADD, &acc, &v)?,
            },
            _ => vm.binary_op(ops::nb::ADD, &acc, &v)?,
        };
    }
    Ok(acc)
}

fn b_isinstance(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "isinstance", 2)?;
    crate::instance_check::isinstance(vm, &a.pos[0], &a.pos[1]).map(Value::Bool)
}

fn b_issubclass(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "issubclass", 2)?;
    crate::instance_check::issubclass(vm, &a.pos[0], &a.pos[1]).map(Value::Bool)
}

/// `CHECK_EXC_MATCH`: whether exception `exc` matches the class (or tuple) `typ`.
/// As `check_except_type_valid`, a tuple (or a tuple subclass) holds
/// exception classes alone: no nested tuple, no union.
pub fn exception_matches(exc: &Value, typ: &Value) -> PyResult<bool> {
    let t = type_of(exc);
    let matches = |c: &Value| match c {
        Value::Type(c) if matches!(c.kind, TypeKind::Exception(_)) => Ok(t.is_subtype(c)),
        _ => Err(PyErr::type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        )),
    };
    let items = match typ {
        Value::Tuple(items) => items,
        other => match crate::instance::payload_of(other) {
            Some(Value::Tuple(items)) => items,
            _ => return matches(typ),
        },
    };
    let mut found = false;
    for c in items.iter() {
        // Every item is checked, even past a match.
        found |= matches(c)?;
    }
    Ok(found)
}

/// `callable(v)`: whether `v` can be called (`PyCallable_Check`), an
/// instance of a class with `__call__` included.
fn callable(v: &Value) -> bool {
    match v {
        Value::Function(_)
        | Value::Builtin(_)
        | Value::BoundBuiltin(_)
        | Value::Method(_)
        | Value::Type(_) => true,
        Value::Instance(i) => crate::class::special(&i.class(), crate::names::D::Call).is_some(),
        Value::Descr(d) => matches!(**d, crate::descr::Descr::StaticMethod(..)),
        _ => false,
    }
}

fn b_iter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("iter")?;
    match a.pos.len() {
        1 => vm.get_iter(&a.pos[0]),
        2 => {
            if !callable(&a.pos[0]) {
                return Err(PyErr::type_error("iter(v, w): v must be callable"));
            }
            Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Callable {
                func: a.pos[0].clone(),
                sentinel: a.pos[1].clone(),
            }))))
        }
        n => Err(PyErr::type_error(format!(
            "iter expected at most 2 arguments, got {n}"
        ))),
    }
}

fn b_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("next")?;
    if a.pos.is_empty() || a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "next expected at least 1 argument, got {}",
            a.pos.len()
        )));
    }
    if let (Value::Generator(g), None) = (&a.pos[0], a.pos.get(1)) {
        // The generator's return value travels in the StopIteration.
        return match vm.resume(g, Value::None)? {
            crate::gen::GenResult::Yielded(v) => Ok(v),
            crate::gen::GenResult::Returned(v) => Err(crate::gen::stop_iteration(v)),
        };
    }
    vm.last_stop = None;
    match vm.iter_next(&a.pos[0])? {
        Some(v) => Ok(v),
        None => match a.pos.get(1) {
            Some(d) => {
                vm.last_stop = None;
                Ok(d.clone())
            }
            // A Python `__next__`'s StopIteration (its arguments too).
            None => Err(vm.take_stop(&a.pos[0])),
        },
    }
}

fn b_sorted(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if let Some(k) = a
        .kwnames
        .iter()
        .find(|k| !matches!(k, Value::Str(s) if s.as_str() == "key" || s.as_str() == "reverse"))
    {
        // `sorted` passes its keywords on to `list.sort`, which rejects them.
        return Err(PyErr::type_error(format!(
            "'{}' is an invalid keyword argument for sort()",
            crate::repr::to_str(k)
        )));
    }
    if a.pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "sorted expected 1 argument, got {}",
            a.pos.len()
        )));
    }
    let mut items = vm.collect_sized(&a.pos[0])?;
    let reverse = crate::methods::reverse_flag(a.kw("reverse"))?;
    crate::methods::sort_values(vm, &mut items, a.kw("key"), reverse)?;
    Ok(Value::list(items))
}

fn b_any(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "any", 1)?;
    let it = vm.get_iter(&a.pos[0])?;
    while let Some(v) = vm.iter_next(&it)? {
        if vm.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn b_all(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "all", 1)?;
    let it = vm.get_iter(&a.pos[0])?;
    while let Some(v) = vm.iter_next(&it)? {
        if !vm.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

pub(crate) fn b_divmod(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "divmod", 2)?;
    let (x, y) = (&a.pos[0], &a.pos[1]);
    if crate::attr::is_heap_object(x) || crate::attr::is_heap_object(y) {
        if let Some(r) = vm.divmod_special(x, y)? {
            return Ok(r);
        }
    }
    // An `int` or `float` subclass without `__divmod__` divides its value.
    let (ox, oy) = (x, y);
    let (x, y) = (
        crate::instance::payload_of(x).unwrap_or(x),
        crate::instance::payload_of(y).unwrap_or(y),
    );
    if let (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), Value::Int(0) | Value::Bool(false)) =
        (x, y)
    {
        return Err(PyErr::zero_division("integer division or modulo by zero"));
    }
    if (matches!(x, Value::Float(_)) || matches!(y, Value::Float(_)))
        && ops::to_f64(y).ok().flatten() == Some(0.0)
        && ops::to_f64(x).ok().flatten().is_some()
    {
        return Err(PyErr::zero_division("float divmod()"));
    }
    let q = ops::binary_op(ops::nb::FLOOR_DIVIDE, x, y).map_err(|e| {
        if e.is(ExcKind::TypeError) {
            PyErr::type_error(format!(
                "unsupported operand type(s) for divmod(): '{}' and '{}'",
                type_name(ox),
                type_name(oy)
            ))
        } else {
            e
        }
    })?;
    let r = ops::binary_op(ops::nb::REMAINDER, x, y)?;
    Ok(Value::tuple(vec![q, r]))
}

pub(crate) fn b_pow(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.check_clinic_kw("pow", &["base", "exp", "mod"])?;
    let given = a.pos.len() + a.kwnames.len();
    if given > 3 {
        return Err(PyErr::type_error(format!(
            "pow() takes at most 3 arguments ({given} given)"
        )));
    }
    let arg = |i: usize, name: &str| a.pos.get(i).or_else(|| a.kw(name));
    let missing = |name: &str, pos: usize| {
        PyErr::type_error(format!(
            "pow() missing required argument '{name}' (pos {pos})"
        ))
    };
    let base = arg(0, "base").ok_or_else(|| missing("base", 1))?;
    let exp = arg(1, "exp").ok_or_else(|| missing("exp", 2))?;
    match arg(2, "mod") {
        None | Some(Value::None) => vm.binary_op(ops::nb::POWER, base, exp),
        Some(m) => {
            if let Some(r) = vm.ternary_pow(base, exp, m)? {
                return Ok(r);
            }
            int_pow_mod(&[base.clone(), exp.clone(), m.clone()])
        }
    }
}

/// `pow(b, e, m)` of builtin numbers: integers only, as `long_pow`.
fn int_pow_mod(pos: &[Value]) -> PyResult<Value> {
    let a = Args::positional(pos);
    match a.pos.len() {
        3 => {
            // float's slot refuses a modulus outright; complex's reports it.
            if !matches!(a.pos[0], Value::Float(_))
                && a.pos.iter().any(|v| matches!(v, Value::Complex(_)))
            {
                return Err(PyErr::value_error("complex modulo"));
            }
            let (Some(b), Some(e), Some(m)) = (
                ops::to_bigint(&a.pos[0]),
                ops::to_bigint(&a.pos[1]),
                ops::to_bigint(&a.pos[2]),
            ) else {
                return Err(PyErr::type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            if m.is_zero() {
                return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
            }
            let (b, e) = if e.is_negative() {
                let inv = mod_inverse(&b, &m).ok_or_else(|| {
                    PyErr::value_error("base is not invertible for the given modulus")
                })?;
                (inv, -e)
            } else {
                (b, e)
            };
            let r = b.modpow(&e, &m);
            // Python's result takes the sign of the modulus
            let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) {
                r + &m
            } else {
                r
            };
            Ok(Value::from_bigint(r))
        }
        n => Err(PyErr::type_error(format!(
            "pow expected at least 2 arguments, got {n}"
        ))),
    }
}

/// The inverse of `b` modulo `m`, if `b` and `m` are coprime.
fn mod_inverse(b: &BigInt, m: &BigInt) -> Option<BigInt> {
    use num_integer::Integer;
    let m_abs = m.abs();
    let e = b.mod_floor(&m_abs).extended_gcd(&m_abs);
    if e.gcd != BigInt::from(1) {
        return None;
    }
    Some(e.x.mod_floor(&m_abs))
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

fn b_round(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.check_kw("round", &["number", "ndigits"])?;
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "round() takes at most 2 arguments ({} given)",
            a.pos.len() + a.kwnames.len()
        )));
    }
    if !a.pos.is_empty() && a.kw("number").is_some() {
        return Err(PyErr::type_error(
            "argument for round() given by name ('number') and position (1)",
        ));
    }
    let x =
        a.pos.first().or_else(|| a.kw("number")).ok_or_else(|| {
            PyErr::type_error("round() missing required argument 'number' (pos 1)")
        })?;
    let nd = a
        .pos
        .get(1)
        .or_else(|| a.kw("ndigits"))
        .filter(|v| !matches!(v, Value::None));
    if let Some(r) = vm.round_special(x, nd)? {
        return Ok(r);
    }
    round_number(crate::instance::payload_of(x).unwrap_or(x), nd)
}

/// `round(x, nd)` of a builtin number (`int.__round__`, `float.__round__`):
/// half to even; `nd` of `None` means no digits, and an int result.
pub(crate) fn round_number(x: &Value, nd: Option<&Value>) -> PyResult<Value> {
    let nd = nd.filter(|v| !matches!(v, Value::None));
    match (x, nd) {
        (Value::Float(f), None) => {
            if !f.is_finite() {
                return Err(if f.is_nan() {
                    PyErr::value_error("cannot convert float NaN to integer")
                } else {
                    PyErr::overflow("cannot convert float infinity to integer")
                });
            }
            let r = round_half_even(*f);
            Ok(<BigInt as num_traits::FromPrimitive>::from_f64(r)
                .map_or(Value::Int(0), Value::from_bigint))
        }
        (Value::Float(f), Some(n)) => {
            let n = int_arg(n, "round")?;
            let r = round_float(*f, n);
            if r.is_infinite() && f.is_finite() {
                return Err(PyErr::overflow("rounded value too large to represent"));
            }
            Ok(Value::Float(r))
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), None) => ops::unary('+', x),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), Some(n)) => {
            let n = int_arg(n, "round")?;
            if n >= 0 {
                return ops::unary('+', x);
            }
            let v = ops::to_bigint(x).unwrap_or_default();
            let p = num_traits::pow(BigInt::from(10), (-n).min(400) as usize);
            let (q, r) = num_integer::Integer::div_mod_floor(&v, &p);
            let twice = &r * 2;
            let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) {
                q + 1
            } else {
                q
            };
            Ok(Value::from_bigint(q * p))
        }
        _ => Err(PyErr::type_error(format!(
            "type {} doesn't define __round__ method",
            type_name(x)
        ))),
    }
}

fn b_chr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "chr", 1)?;
    // The argument clinic's `i` converter: `__index__` and int subclasses
    // count, and a number past a C `int` is an OverflowError, not a range error.
    let i = crate::modules::cint::as_c_int(vm, &a.pos[0])?;
    match u32::try_from(i).ok().filter(|&c| c < 0x110000) {
        Some(c) => Ok(crate::str_surrogates::one_char(c)),
        None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
    }
}

fn b_ord(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "ord", 1)?;
    let wrong_length = |n: usize| {
        PyErr::type_error(format!(
            "ord() expected a character, but string of length {n} found"
        ))
    };
    // Subclasses of str, bytes and bytearray count as their value.
    let v = crate::instance::payload_of(&a.pos[0]).unwrap_or(&a.pos[0]);
    match v {
        Value::Str(s) => {
            if s.char_len() != 1 {
                return Err(wrong_length(s.char_len()));
            }
            Ok(Value::Int(s.code_point_at(0).map_or(0, i64::from)))
        }
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(i64::from(b[0]))),
        Value::Bytes(b) => Err(wrong_length(b.len())),
        Value::ByteArray(b) => match b.borrow().as_slice() {
            [c] => Ok(Value::Int(i64::from(*c))),
            other => Err(wrong_length(other.len())),
        },
        other => Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            type_name(other)
        ))),
    }
}

fn radix(vm: &mut Vm, a: &Args<'_>, name: &str, spec: &str) -> PyResult<Value> {
    exact_args(a, name, 1)?;
    if let Value::Int(i) = a.pos[0] {
        let (r, prefix) = match spec {
            "#b" => (2, "0b"),
            "#o" => (8, "0o"),
            _ => (16, "0x"),
        };
        let mut buf = [0u8; 64];
        let digits = crate::format::number::small_digits(i.unsigned_abs(), r, false, &mut buf);
        let mut s = String::with_capacity(digits.len() + 3);
        if i < 0 {
            s.push('-');
        }
        s.push_str(prefix);
        s.push_str(digits);
        return Ok(Value::string(s));
    }
    if ops::index_of(&a.pos[0]).is_none() {
        if crate::attr::is_heap_object(&a.pos[0]) {
            // `__index__` of a user class, a big int kept whole.
            let n = crate::enumerate::index_int(vm, &a.pos[0])?;
            return Ok(Value::string(crate::format::format_value(&n, spec)?));
        }
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(&a.pos[0])
        )));
    }
    Ok(Value::string(crate::format::format_value(&a.pos[0], spec)?))
}

fn b_hex(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    radix(vm, &a, "hex", "#x")
}
fn b_oct(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    radix(vm, &a, "oct", "#o")
}
fn b_bin(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    radix(vm, &a, "bin", "#b")
}

fn b_id(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "id", 1)?;
    Ok(Value::Int(a.pos[0].identity() as i64))
}

fn b_hash(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "hash", 1)?;
    Ok(Value::Int(vm.hash_of(&a.pos[0])?))
}

fn b_callable(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "callable", 1)?;
    Ok(Value::Bool(callable(&a.pos[0])))
}

fn b_delattr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "delattr", 2)?;
    let name = attr_name(&a.pos[1], "delattr")?;
    vm.del_attr(&a.pos[0], name)?;
    Ok(Value::None)
}

fn b_vars(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if a.pos.is_empty() {
        return crate::namespace::b_locals(vm, a);
    }
    exact_args(&a, "vars", 1)?;
    match &a.pos[0] {
        Value::Exception(e) => Ok(Value::Dict(e.dict())),
        Value::Type(t) => Ok(match &t.heap {
            Some(h) => crate::mappingproxy::new(h.dict.clone()),
            None => crate::mappingproxy::new(crate::native::shared_builtin_type_dict(vm, t)),
        }),
        Value::Module(m) => Ok(Value::Dict(m.dict.clone())),
        // Otherwise `vars()` reads `obj.__dict__` (a property may supply it).
        other => {
            let name = crate::names::D::Dict.name();
            match vm.get_attr(other, &name) {
                Ok(d) => Ok(d),
                Err(e) if e.is(crate::types::ExcKind::AttributeError) => Err(PyErr::type_error(
                    "vars() argument must have __dict__ attribute",
                )),
                Err(e) => Err(e),
            }
        }
    }
}

fn attr_name<'a>(v: &'a Value, _fname: &str) -> PyResult<&'a Rc<crate::value::StrObj>> {
    // A str subclass names the attribute by its text.
    match crate::instance::payload_of(v).unwrap_or(v) {
        Value::Str(s) => Ok(s),
        // CPython 3.11 names no function here.
        _ => Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(v)
        ))),
    }
}

fn b_getattr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("getattr")?;
    if a.pos.len() < 2 || a.pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "getattr expected at least 2 arguments, got {}",
            a.pos.len()
        )));
    }
    let name = attr_name(&a.pos[1], "getattr")?;
    match vm.get_attr(&a.pos[0], name) {
        Ok(v) => Ok(v),
        Err(e) if e.is(ExcKind::AttributeError) && a.pos.len() == 3 => Ok(a.pos[2].clone()),
        Err(e) => Err(e),
    }
}

fn b_setattr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "setattr", 3)?;
    let name = attr_name(&a.pos[1], "setattr")?;
    vm.set_attr(&a.pos[0], name, a.pos[2].clone())?;
    Ok(Value::None)
}

fn b_hasattr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_args(&a, "hasattr", 2)?;
    let name = attr_name(&a.pos[1], "hasattr")?;
    match vm.get_attr(&a.pos[0], name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn b_format(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("format")?;
    // A str subclass is a format spec too (`PyUnicode_Check`).
    let spec_arg = a.pos.get(1).map(|v| match crate::instance::payload_of(v) {
        Some(p @ Value::Str(_)) => p,
        _ => v,
    });
    let spec = match spec_arg {
        Some(Value::Str(s)) => s.as_str().to_string(),
        None => String::new(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "format() argument 2 must be str, not {}",
                type_name(other)
            )))
        }
    };
    let v = a
        .pos
        .first()
        .ok_or_else(|| PyErr::type_error("format expected at least 1 argument, got 0"))?;
    if let Value::Str(s) = v {
        if s.surrogates().is_some() {
            return crate::str_surrogates::format_exact(s, &spec);
        }
    }
    Ok(Value::string(vm.format_of(v, &spec)?))
}

/// Parses `int(text, base)` as CPython does (underscores, whitespace, prefixes).
pub fn parse_int(text: &str, base: u32) -> Option<BigInt> {
    // Non-ASCII decimal digits and spaces count as their ASCII forms.
    let mapped: String;
    let text = if text.is_ascii() {
        text
    } else {
        mapped = text
            .chars()
            .map(|c| {
                if let Some(d) = crate::methods::chars::decimal_value(c) {
                    char::from_digit(d, 10).unwrap_or(c)
                } else if crate::methods::chars::is_space(c) {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        &mapped
    };
    let t = text.trim_matches(|c: char| c.is_ascii_whitespace() || ('\x1c'..='\x1f').contains(&c));
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let (base, digits) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (16, &body[2..]),
        (0 | 8, Some("0o")) => (8, &body[2..]),
        (0 | 2, Some("0b")) => (2, &body[2..]),
        (0, _) => {
            if body.len() > 1 && body.starts_with('0') && body.chars().any(|c| c != '0' && c != '_')
            {
                return None;
            }
            (10, body)
        }
        (b, _) => (b, body),
    };
    // One underscore may follow a base prefix; elsewhere digits come first.
    let had_prefix = digits.len() < body.len();
    let digits = if had_prefix {
        digits.strip_prefix('_').unwrap_or(digits)
    } else {
        digits
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(if neg { -v } else { v })
}

fn parse_float(text: &str) -> Option<f64> {
    let mapped: String;
    let text = if text.is_ascii() {
        text
    } else {
        mapped = text
            .chars()
            .map(|c| {
                if let Some(d) = crate::methods::chars::decimal_value(c) {
                    char::from_digit(d, 10).unwrap_or(c)
                } else if crate::methods::chars::is_space(c) {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        &mapped
    };
    let t = text.trim_matches(|c: char| c.is_ascii_whitespace() || ('\x1c'..='\x1f').contains(&c));
    let lower = t.to_ascii_lowercase();
    let (sign, body) = match lower.as_bytes().first() {
        Some(b'-') => (-1.0, &lower[1..]),
        Some(b'+') => (1.0, &lower[1..]),
        _ => (1.0, lower.as_str()),
    };
    match body {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN.copysign(sign)),
        _ => {}
    }
    let b = body.as_bytes();
    // Underscores only between digits; no second sign before the digits.
    let underscores_ok = b.iter().enumerate().all(|(i, &c)| {
        c != b'_'
            || (i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit))
    });
    if body.is_empty()
        || !underscores_ok
        || matches!(b[0], b'+' | b'-')
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || "._e+-".contains(c))
    {
        return None;
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().ok().map(|v| sign * v)
}

fn no_kw_type(a: &Args<'_>, name: &str) -> PyResult<()> {
    if a.kwnames.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )))
    }
}

fn at_most(a: &Args<'_>, name: &str, n: usize) -> PyResult<()> {
    if a.pos.len() > n && name == "int" {
        // `int` parses its arguments with the argument clinic's wording.
        return Err(PyErr::type_error(format!(
            "int() takes at most {n} arguments ({} given)",
            a.pos.len()
        )));
    }
    if a.pos.len() > n {
        return Err(PyErr::type_error(format!(
            "{} expected at most {} argument{}, got {}",
            name,
            n,
            if n == 1 { "" } else { "s" },
            a.pos.len()
        )));
    }
    Ok(())
}

/// Calls a type object: `int(x)`, `list(it)`, `ValueError("msg")`, ...
pub fn construct(vm: &mut Vm, t: &Rc<TypeObj>, a: Args<'_>) -> PyResult<Value> {
    if t.heap.is_some() {
        return crate::class::call_heap_type(vm, t, a);
    }
    if let (TypeKind::Reversed, [obj]) = (t.kind, a.pos) {
        // An instance, or a class whose metaclass may define `__reversed__`.
        let has_heap_meta = crate::class_ns::has_heap_meta;
        if crate::attr::is_heap_object(obj) || matches!(obj, Value::Type(c) if has_heap_meta(c)) {
            return vm.reversed_special(obj);
        }
    }
    // `int()` converts its argument itself (`int_new::number_long`).
    if let Some(first) = a.pos.first().filter(|_| t.kind != TypeKind::Int) {
        if let Some(v) = vm.convert_arg(t.kind, first)? {
            let mut pos = a.pos.to_vec();
            pos[0] = v;
            return construct(
                vm,
                t,
                Args {
                    pos: &pos,
                    kwnames: a.kwnames,
                    kwvals: a.kwvals,
                },
            );
        }
    }
    match t.kind {
        TypeKind::Method => crate::native::new_method(a),
        TypeKind::MappingProxy => crate::mappingproxy::construct(a),
        TypeKind::Property | TypeKind::ClassMethod | TypeKind::StaticMethod | TypeKind::Super => {
            crate::descr::construct(vm, t.kind, a)
        }
        TypeKind::Exception(ExcKind::BaseExceptionGroup | ExcKind::ExceptionGroup) => {
            crate::exc_group::new(vm, t, a)
        }
        TypeKind::Exception(_) => {
            if !a.kwnames.is_empty() && !crate::name_error::exception_takes_keywords(t) {
                return Err(PyErr::type_error(format!(
                    "{}() takes no keyword arguments",
                    t.name
                )));
            }
            let e = ExcObj::new(crate::oserror::constructed_type(t, a.pos), a.pos.to_vec());
            crate::compile_hook::check_syntax_error_args(vm, &e)?;
            crate::oserror::init(&e);
            crate::unicode_error::check_args(&e)?;
            crate::unicode_error::init(&e);
            crate::import_error::init(&e, a.kwnames, a.kwvals)?;
            crate::name_error::init(&e, a.kwnames, a.kwvals)?;
            Ok(Value::Exception(Rc::new(e)))
        }
        TypeKind::Int => crate::int_new::construct(vm, a),
        TypeKind::Complex => construct_complex(vm, a),
        TypeKind::MemoryView => {
            a.check_kw("memoryview", &["object"])?;
            match a.pos.first().or_else(|| a.kw("object")) {
                Some(obj) if a.pos.len() <= 1 => crate::methods::memoryview::new_memoryview(obj),
                _ => Err(PyErr::type_error(format!(
                    "memoryview() takes exactly one argument ({} given)",
                    a.pos.len()
                ))),
            }
        }
        TypeKind::ByteArray => {
            if let Some(Value::Bytes(b)) = a.pos.first() {
                if a.pos.len() == 1 && a.kwnames.is_empty() {
                    return Ok(crate::methods::bytearray::new_bytearray(b.to_vec()));
                }
            }
            match crate::bytes_new::construct_bytes(vm, a, "bytearray")? {
                Value::Bytes(b) => Ok(crate::methods::bytearray::new_bytearray(b.to_vec())),
                other => Ok(other),
            }
        }
        TypeKind::Float => {
            no_kw_type(&a, "float")?;
            at_most(&a, "float", 1)?;
            let Some(x) = a.pos.first() else {
                return Ok(Value::Float(0.0));
            };
            if let Some(text) = bytes_text(x) {
                return parse_float(&text).map(Value::Float).ok_or_else(|| {
                    PyErr::value_error(format!(
                        "could not convert string to float: {}",
                        crate::repr::repr(&crate::methods::bytearray::freeze(x))
                    ))
                });
            }
            match x {
                Value::Float(_) => Ok(x.clone()),
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                    Ok(Value::Float(ops::to_f64(x)?.unwrap_or(0.0)))
                }
                Value::Str(s) => parse_float(s.as_str()).map(Value::Float).ok_or_else(|| {
                    PyErr::value_error(format!(
                        "could not convert string to float: {}",
                        crate::repr::repr(x)
                    ))
                }),
                other => Err(PyErr::type_error(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    type_name(other)
                ))),
            }
        }
        TypeKind::Str => {
            let given = a.pos.len() + a.kwnames.len();
            if given > 3 {
                return Err(PyErr::type_error(format!(
                    "str() takes at most 3 arguments ({given} given)"
                )));
            }
            a.check_clinic_kw("str", &["object", "encoding", "errors"])?;
            match a.pos.first().or_else(|| a.kw("object")) {
                None => Ok(Value::str("")),
                Some(v)
                    if a.pos.len() > 1
                        || a.kw("encoding").is_some()
                        || a.kw("errors").is_some() =>
                {
                    // As CPython's argument clinic: both arguments are checked before the object.
                    let text_arg =
                        |v: Option<&Value>, arg: &str, d: &'static str| -> PyResult<String> {
                            match v {
                                None => Ok(d.to_string()),
                                Some(Value::Str(s)) => Ok(s.as_str().to_string()),
                                Some(other) => Err(PyErr::type_error(format!(
                                    "str() argument '{arg}' must be str, not {}",
                                    type_name(other)
                                ))),
                            }
                        };
                    let enc_arg = a.pos.get(1).or_else(|| a.kw("encoding"));
                    let err_arg = a.pos.get(2).or_else(|| a.kw("errors"));
                    let enc = text_arg(enc_arg, "encoding", "utf-8")?;
                    let err = text_arg(err_arg, "errors", "strict")?;
                    let data = match v {
                        Value::Bytes(b) => b.clone(),
                        Value::Str(_) => {
                            return Err(PyErr::type_error("decoding str is not supported"))
                        }
                        other => match crate::buffer::exported_bytes(other) {
                            Some(b) => Rc::new(b?),
                            None => {
                                return Err(PyErr::type_error(format!(
                                    "decoding to str: need a bytes-like object, {} found",
                                    type_name(other)
                                )))
                            }
                        },
                    };
                    crate::modules::codecs::check_encoding_errors(
                        vm,
                        enc_arg.map(|_| enc.as_str()),
                        err_arg.map(|_| err.as_str()),
                    )?;
                    crate::modules::codecs::decode_bytes(vm, &Value::Bytes(data), &enc, &err)
                }
                Some(v @ Value::Str(_)) => Ok(v.clone()),
                // The object `__str__` returned, a str subclass's instance included.
                Some(v @ (Value::Instance(_) | Value::Exception(_))) => vm.str_special_obj(v),
                Some(v) => Ok(Value::string(vm.str_of(v)?)),
            }
        }
        TypeKind::Bool => {
            no_kw_type(&a, "bool")?;
            at_most(&a, "bool", 1)?;
            match a.pos.first() {
                None => Ok(Value::Bool(false)),
                Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
            }
        }
        TypeKind::List => {
            no_kw_type(&a, "list")?;
            at_most(&a, "list", 1)?;
            match a.pos.first() {
                None => Ok(Value::list(Vec::new())),
                Some(v) => Ok(Value::list(vm.collect_sized(v)?)),
            }
        }
        TypeKind::Tuple => {
            no_kw_type(&a, "tuple")?;
            at_most(&a, "tuple", 1)?;
            match a.pos.first() {
                None => Ok(Value::tuple(Vec::new())),
                Some(v @ Value::Tuple(_)) => Ok(v.clone()),
                Some(v) => Ok(Value::tuple(vm.collect_sized(v)?)),
            }
        }
        TypeKind::Dict => {
            at_most(&a, "dict", 1)?;
            let d = Rc::new(RefCell::new(Dict::new()));
            if let Some(src) = a.pos.first() {
                crate::methods::dict_merge_from(vm, &d, src)?;
            }
            for (k, v) in a.kwnames.iter().zip(a.kwvals) {
                d.borrow_mut().insert(k.clone(), v.clone())?;
            }
            let d = Value::Dict(d);
            crate::gc::track(&d);
            Ok(d)
        }
        TypeKind::Set | TypeKind::FrozenSet => {
            let name = if t.kind == TypeKind::Set {
                "set"
            } else {
                "frozenset"
            };
            no_kw_type(&a, name)?;
            at_most(&a, name, 1)?;
            if let (TypeKind::FrozenSet, Some(v @ Value::FrozenSet(_))) = (t.kind, a.pos.first()) {
                // An exact frozenset is returned as is.
                return Ok(v.clone());
            }
            let mut d = Dict::new_set();
            if let Some(src) = a.pos.first() {
                crate::methods::fill_new_set(vm, &mut d, src)?;
            }
            Ok(if t.kind == TypeKind::Set {
                Value::set(d)
            } else {
                Value::frozenset(d)
            })
        }
        TypeKind::Range => {
            no_kw_type(&a, "range")?;
            let ints: Vec<Value> = a
                .pos
                .iter()
                .map(|v| {
                    if crate::attr::is_heap_object(v) {
                        crate::enumerate::index_int(vm, v)
                    } else {
                        int_arg(v, "range")?;
                        Ok(v.clone())
                    }
                })
                .collect::<PyResult<_>>()?;
            let big = |v: &Value| ops::to_bigint(v).unwrap_or_default();
            let (start, stop, step) = match ints.as_slice() {
                [stop] => (0.into(), big(stop), 1.into()),
                [start, stop] => (big(start), big(stop), 1.into()),
                [start, stop, step] => (big(start), big(stop), big(step)),
                [] => {
                    return Err(PyErr::type_error(
                        "range expected at least 1 argument, got 0",
                    ))
                }
                _ => {
                    return Err(PyErr::type_error(format!(
                        "range expected at most 3 arguments, got {}",
                        ints.len()
                    )))
                }
            };
            if num_traits::Zero::is_zero(&step) {
                return Err(PyErr::value_error("range() arg 3 must not be zero"));
            }
            Ok(Value::Range(Rc::new(RangeObj::new(start, stop, step))))
        }
        TypeKind::Type => crate::class::type_call(vm, t, a),
        TypeKind::Object => {
            if !a.pos.is_empty() || !a.kwnames.is_empty() {
                return Err(PyErr::type_error("object() takes no arguments"));
            }
            Ok(crate::instance::Instance::new_value(t.clone(), Value::Null))
        }
        TypeKind::Enumerate => crate::enumerate::new(vm, a, true),
        TypeKind::Zip => {
            a.check_clinic_kw("zip", &["strict"])?;
            let its = a
                .pos
                .iter()
                .map(|v| vm.get_iter(v))
                .collect::<PyResult<Vec<_>>>()?;
            let strict = a.kw("strict").is_some_and(ops::truthy);
            Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Zip {
                its: Rc::new(its),
                strict,
            }))))
        }
        TypeKind::Map => {
            no_kw_type(&a, "map")?;
            if a.pos.len() < 2 {
                return Err(PyErr::type_error("map() must have at least two arguments."));
            }
            let its = a.pos[1..]
                .iter()
                .map(|v| vm.get_iter(v))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Map {
                func: a.pos[0].clone(),
                its: Rc::new(its),
            }))))
        }
        TypeKind::Filter => {
            no_kw_type(&a, "filter")?;
            if a.pos.len() != 2 {
                return Err(PyErr::type_error(format!(
                    "filter expected 2 arguments, got {}",
                    a.pos.len()
                )));
            }
            let it = vm.get_iter(&a.pos[1])?;
            Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Filter {
                func: a.pos[0].clone(),
                it,
            }))))
        }
        TypeKind::Reversed => {
            no_kw_type(&a, "reversed")?;
            if a.pos.len() != 1 {
                return Err(PyErr::type_error(format!(
                    "reversed expected 1 argument, got {}",
                    a.pos.len()
                )));
            }
            let reversed = |seq: &Value, left: usize| {
                Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Reversed {
                    seq: seq.clone(),
                    left,
                }))))
            };
            let snapshot = |mut items: Vec<Value>, set, name| {
                items.reverse();
                Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Snapshot {
                    items,
                    idx: 0,
                    set,
                    name,
                }))))
            };
            match &a.pos[0] {
                v @ Value::List(l) => reversed(v, l.borrow().len()),
                v @ Value::Tuple(t) => reversed(v, t.len()),
                v @ Value::Str(s) => reversed(v, s.surrogates().map_or(s.char_len(), <[u32]>::len)),
                v @ Value::Bytes(b) => reversed(v, b.len()),
                v @ Value::ByteArray(b) => reversed(v, b.borrow().len()),
                Value::Range(r) => Ok(Value::Iter(Rc::new(RefCell::new(
                    crate::range::reverse_iter(r),
                )))),
                v @ Value::Dict(d) => {
                    snapshot(vm.collect(v)?, Some(d.clone()), "dict_reversekeyiterator")
                }
                v @ Value::DictView(view) => {
                    let name = match view.1 {
                        crate::iter::DictPart::Keys => "dict_reversekeyiterator",
                        crate::iter::DictPart::Values => "dict_reversevalueiterator",
                        crate::iter::DictPart::Items => "dict_reverseitemiterator",
                    };
                    snapshot(vm.collect(v)?, Some(view.0.clone()), name)
                }
                v @ Value::MemoryView(_) => snapshot(vm.collect(v)?, None, "reversed"),
                v @ Value::Descr(_) if crate::mappingproxy::target(v).is_some() => {
                    let m = crate::mappingproxy::target(v).unwrap_or(Value::None);
                    crate::mappingproxy::reversed(vm, &m)
                }
                other => Err(PyErr::type_error(format!(
                    "'{}' object is not reversible",
                    type_name(other)
                ))),
            }
        }
        TypeKind::Slice => {
            let mut v = a.pos.to_vec();
            match v.len() {
                1 => Ok(Value::Slice(Rc::new([
                    Value::None,
                    v.remove(0),
                    Value::None,
                ]))),
                2 => Ok(Value::Slice(Rc::new([
                    v[0].clone(),
                    v[1].clone(),
                    Value::None,
                ]))),
                3 => Ok(Value::Slice(Rc::new([
                    v[0].clone(),
                    v[1].clone(),
                    v[2].clone(),
                ]))),
                n => Err(PyErr::type_error(format!(
                    "slice expected at least 1 argument, got {n}"
                ))),
            }
        }
        TypeKind::Bytes => crate::bytes_new::construct_bytes(vm, a, "bytes"),
        TypeKind::Module => crate::import::construct_module(a),
        TypeKind::Function => crate::func::construct_function(a),
        TypeKind::Cell => crate::func::construct_cell(a),
        TypeKind::Traceback => crate::frame_obj::construct_traceback(vm, a),
        // The singletons' types return the singleton.
        TypeKind::NoneType | TypeKind::NotImplementedType | TypeKind::Ellipsis => {
            if !a.pos.is_empty() || !a.kwnames.is_empty() {
                return Err(PyErr::type_error(format!("{} takes no arguments", t.name)));
            }
            Ok(match t.kind {
                TypeKind::NoneType => Value::None,
                TypeKind::NotImplementedType => Value::NotImplemented,
                _ => Value::Ellipsis,
            })
        }
        _ => Err(PyErr::type_error(format!(
            "cannot create '{}' instances",
            t.name
        ))),
    }
}

/// `SystemExit.code` as `SystemExit_init` sets it: None without
/// arguments, the one argument, or the arguments' tuple.
pub(crate) fn system_exit_code(e: &crate::exc::ExcObj) -> Value {
    if let Some(v) = e.stored_member("code") {
        return v;
    }
    let args = e.args.borrow();
    match args.as_slice() {
        [] => Value::None,
        [one] => one.clone(),
        many => Value::tuple(many.to_vec()),
    }
}

/// The exit status for an uncaught `SystemExit`.
pub fn system_exit_status(e: &PyErr) -> i32 {
    match system_exit_code(&e.0) {
        Value::None => 0,
        Value::Int(i) => i as i32,
        Value::Bool(b) => i32::from(b),
        _ => 1,
    }
}

/// Prints the message of an uncaught `SystemExit` whose code is not an int.
pub fn print_system_exit(vm: &mut Vm, e: &PyErr) {
    let code = system_exit_code(&e.0);
    if matches!(code, Value::None | Value::Int(_) | Value::Bool(_)) {
        return;
    }
    // Written with `backslashreplace`, as to `sys.stderr`.
    let text = match &code {
        Value::Str(s) => crate::str_codecs::backslash_text(s).into_owned(),
        v => crate::repr::to_str(v),
    };
    vm.write_err(&format!("{text}\n"));
}

/// `co_*` attributes of a code object.
pub fn code_attr(c: &Rc<Code>, name: &str) -> Option<Value> {
    let raw = &c.raw;
    let strs = |v: Vec<&std::sync::Arc<pith_bytecode::PyStr>>| {
        Value::tuple(
            v.into_iter()
                .map(|s| Value::string(s.to_string_lossy().into_owned()))
                .collect(),
        )
    };
    Some(match name {
        "co_name" => Value::Str(c.name.clone()),
        "co_qualname" => Value::Str(c.qualname.clone()),
        "co_filename" => Value::string(raw.filename.to_string_lossy().into_owned()),
        "co_firstlineno" => Value::Int(i64::from(raw.firstlineno)),
        "co_argcount" => Value::Int(i64::from(raw.argcount)),
        "co_posonlyargcount" => Value::Int(i64::from(raw.posonlyargcount)),
        "co_kwonlyargcount" => Value::Int(i64::from(raw.kwonlyargcount)),
        "co_stacksize" => Value::Int(i64::from(raw.stacksize)),
        "co_flags" => Value::Int(i64::from(raw.flags.0)),
        "co_nlocals" => Value::Int(raw.nlocals() as i64),
        "co_code" => Value::Bytes(Rc::new(raw.code.clone())),
        "co_linetable" => Value::Bytes(Rc::new(raw.linetable.clone())),
        "co_lnotab" => Value::Bytes(Rc::new(pith_bytecode::location::co_lnotab(
            &raw.linetable,
            raw.firstlineno,
        ))),
        "co_exceptiontable" => Value::Bytes(Rc::new(raw.exceptiontable.clone())),
        "co_consts" => Value::tuple(c.consts.clone()),
        "co_names" => Value::tuple(c.names.iter().map(|n| Value::Str(n.clone())).collect()),
        "co_varnames" => strs(raw.varnames()),
        "co_cellvars" => strs(raw.cellvars()),
        "co_freevars" => strs(raw.freevars()),
        _ => return crate::code_methods::method(c, name),
    })
}

/// Whether a big int is zero (shared helper).
pub fn is_zero_int(v: &Value) -> bool {
    match v {
        Value::Int(i) => *i == 0,
        Value::BigInt(b) => b.is_zero(),
        Value::Bool(b) => !b,
        _ => false,
    }
}

/// Converts a value to `i64` if it is an int that fits.
pub fn small_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::BigInt(b) => b.to_i64(),
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

/// `parse_float` for other modules (complex parsing).
pub fn parse_float_text(text: &str) -> Option<f64> {
    parse_float(text)
}

fn construct_complex(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    use crate::complex::{as_complex, Complex};
    a.check_kw("complex", &["real", "imag"])?;
    let real = a.pos.first().or_else(|| a.kw("real"));
    let imag = a.pos.get(1).or_else(|| a.kw("imag"));
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            a.pos.len()
        )));
    }
    let mut real_is_complex = matches!(real, Some(Value::Complex(_)));
    let re = match real {
        None => Complex::new(0.0, 0.0),
        Some(Value::Str(s)) => {
            if imag.is_some() {
                return Err(PyErr::type_error(
                    "complex() can't take second arg if first is a string",
                ));
            }
            return crate::complex::parse(s.as_str()).map(Complex::value);
        }
        Some(v @ Value::Instance(_)) => {
            let (c, from_complex) = complex_operand(_vm, v, true)?.ok_or_else(|| {
                PyErr::type_error(format!(
                    "complex() first argument must be a string or a number, not '{}'",
                    type_name(v)
                ))
            })?;
            real_is_complex = from_complex;
            c
        }
        Some(v) => as_complex(v)?.ok_or_else(|| {
            PyErr::type_error(format!(
                "complex() first argument must be a string or a number, not '{}'",
                type_name(v)
            ))
        })?,
    };
    let im = match imag {
        None => Complex::new(0.0, 0.0),
        Some(Value::Str(_)) => {
            return Err(PyErr::type_error("complex() second arg can't be a string"))
        }
        Some(v @ Value::Instance(_)) => {
            complex_operand(_vm, v, false)?
                .ok_or_else(|| {
                    PyErr::type_error(format!(
                        "complex() second argument must be a number, not '{}'",
                        type_name(v)
                    ))
                })?
                .0
        }
        Some(v) => as_complex(v)?.ok_or_else(|| {
            PyErr::type_error(format!(
                "complex() second argument must be a number, not '{}'",
                type_name(v)
            ))
        })?,
    };
    if imag.is_none() {
        if let Some(v @ Value::Complex(_)) = real {
            return Ok(v.clone());
        }
    }
    // Only complex arguments contribute their imaginary parts (so -0.0 survives).
    let mut out_re = re.re;
    let mut out_im = im.re;
    if matches!(imag, Some(Value::Complex(_))) {
        out_re -= im.im;
    }
    // `complex_new`: with no second argument the imaginary part is the
    // first's exactly (`0.0 + -0.0` would lose the sign of a zero).
    if real_is_complex {
        out_im = if imag.is_none() {
            re.im
        } else {
            out_im + re.im
        };
    }
    Ok(Complex::new(out_re, out_im).value())
}

/// An instance given to `complex()`: its `__complex__` (first argument
/// only), else `__float__`, else `__index__`, as CPython's `try_complex_special_method`
/// and `PyFloat_AsDouble`, with whether `__complex__` gave it (only a complex
/// contributes an imaginary part). `None`: it defines none of them.
fn complex_operand(
    vm: &mut Vm,
    v: &Value,
    first: bool,
) -> PyResult<Option<(crate::complex::Complex, bool)>> {
    use crate::complex::{as_complex, Complex};
    if first {
        if let Some(r) = vm.call_named_special(v, "__complex__")? {
            let c = match &r {
                Value::Complex(c) => **c,
                _ => {
                    let payload = crate::instance::payload_of(&r)
                        .filter(|p| matches!(p, Value::Complex(_)))
                        .cloned();
                    match vm.subclass_result(
                        "__complex__ returned non-complex",
                        "complex",
                        &r,
                        payload,
                    )? {
                        Value::Complex(c) => *c,
                        _ => return Err(PyErr::system_error("complex payload expected")),
                    }
                }
            };
            return Ok(Some((c, true)));
        }
    }
    match vm.convert_arg(TypeKind::Float, v)? {
        Some(f @ (Value::Float(_) | Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => {
            Ok(as_complex(&f)?.map(|c| (Complex::new(c.re, 0.0), false)))
        }
        Some(other) if !matches!(other, Value::Instance(_)) => Err(PyErr::type_error(format!(
            "{}.__float__ returned non-float (type {})",
            type_name(v),
            type_name(&other)
        ))),
        _ => Ok(None),
    }
}

/// `round(x, n)` for a float: the exact binary value rounded half-even to `n`
/// decimal places, then read back (CPython's dtoa-based `double_round`).
fn round_float(x: f64, n: i64) -> f64 {
    // Beyond these, the result is x itself or a signed zero.
    if n > 323 || !x.is_finite() || x == 0.0 {
        return x;
    }
    if n < -308 {
        return 0.0 * x;
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, x);
        return s.parse().unwrap_or(x);
    }
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = (bits & ((1 << 52) - 1)) as i64;
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    let p = num_traits::pow(BigInt::from(10), (-n) as usize);
    let (num, den) = if e >= 0 {
        (BigInt::from(m) << e as usize, p.clone())
    } else {
        (BigInt::from(m), (BigInt::from(1) << (-e) as usize) * &p)
    };
    let (q, r) = num_integer::Integer::div_rem(&num, &den);
    let twice: BigInt = r * 2;
    let q = if twice > den || (twice == den && num_integer::Integer::is_odd(&q)) {
        q + 1
    } else {
        q
    };
    let v: f64 = (q * p).to_string().parse().unwrap_or(f64::INFINITY);
    if x < 0.0 {
        -v
    } else {
        v
    }
}

/// The text of a bytes-like argument of `float()` (Latin-1, so any
/// non-ASCII byte makes the literal invalid as in CPython).
fn bytes_text(v: &Value) -> Option<String> {
    match v {
        Value::Bytes(b) => Some(ascii_text(b)),
        Value::ByteArray(b) => Some(ascii_text(&b.borrow())),
        _ => match crate::buffer::exported_bytes(v) {
            Some(Ok(b)) => Some(ascii_text(&b)),
            _ => None,
        },
    }
}

/// Bytes read as number text: a non-ASCII byte can be neither a digit nor
/// the whitespace around one (CPython strips only ASCII space from bytes).
pub(crate) fn ascii_text(b: &[u8]) -> String {
    b.iter()
        .map(|&c| if c.is_ascii() { c as char } else { '\u{FFFD}' })
        .collect()
}
