//! The builtins that run code at run time: `exec`, `eval` and `compile`.
//! Source text goes through the embedder's compiler ([`crate::compile_hook`]).

use std::cell::RefCell;
use std::rc::Rc;

use crate::class_ns;
use crate::code::Code;
use crate::compile_hook::{CompileMode, SourceText};
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::instance::payload_of;
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

/// The builtins defined here (merged into `builtins` by `make_builtins`).
pub(crate) static EXEC_BUILTINS: &[BuiltinDef] = &[
    BuiltinDef {
        name: "exec",
        func: b_exec,
        owner: "",
        is_method: false,
    },
    BuiltinDef {
        name: "eval",
        func: b_eval,
        owner: "",
        is_method: false,
    },
    BuiltinDef {
        name: "compile",
        func: b_compile,
        owner: "",
        is_method: false,
    },
];

/// The globals of the running Python frame.
fn current_globals(vm: &Vm) -> PyResult<Rc<RefCell<Dict>>> {
    vm.frames
        .last()
        .map(|f| f.globals.clone())
        .ok_or_else(|| PyErr::system_error("no current frame"))
}

/// Checks a positional-only argument count as CPython's argument clinic does.
fn arity(a: &Args<'_>, name: &str, min: usize, max: usize) -> PyResult<()> {
    a.no_kw(name)?;
    let n = a.pos.len();
    if n < min {
        return Err(PyErr::type_error(format!(
            "{name} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )));
    }
    if n > max {
        return Err(PyErr::type_error(if max == 0 {
            format!("{name}() takes no arguments ({n} given)")
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        }));
    }
    Ok(())
}

/// `compile()`'s mask of the `CO_FUTURE_*` flags.
const FUTURE_MASK: u32 = 0x1fe_0000;

/// The `__future__` features of the running Python code, which source it
/// compiles at run time inherits (CPython's `PyEval_MergeCompilerFlags`).
fn inherited_future_flags(vm: &Vm) -> u32 {
    vm.frames
        .last()
        .map_or(0, |f| f.code.raw.flags.0 & FUTURE_MASK)
}

/// A code object from `exec`/`eval`'s first argument: a code object, or
/// source as `str`, `bytes` or another bytes-like object.
fn code_arg(vm: &mut Vm, source: &Value, func: &str, mode: CompileMode) -> PyResult<Rc<Code>> {
    if let Value::Code(code) = source {
        return Ok(code.clone());
    }
    let not_source = || {
        PyErr::type_error(format!(
            "{func}() arg 1 must be a string, bytes or code object"
        ))
    };
    let mut options = vm.default_compile_options();
    options.future_flags = inherited_future_flags(vm);
    let compiled = with_source_text(source, not_source, |text| {
        let text = if mode == CompileMode::Eval {
            text.trim_leading_blanks()
        } else {
            text
        };
        vm.compile_source_with(text, "<string>", mode, options)
    })?;
    vm.load_code(compiled)
}

/// A namespace dict shared with running code.
type Namespace = Rc<RefCell<Dict>>;

/// The `(globals, locals)` namespaces `exec`/`eval` run in, and the mapping
/// standing behind `locals` when it is not a dict (any object whose class
/// has `__getitem__`, as `PyMapping_Check`), which the code reaches through
/// a `class_ns` registration.
fn namespaces(
    vm: &mut Vm,
    func: &str,
    globals: Option<&Value>,
    locals: Option<&Value>,
) -> PyResult<(Namespace, Namespace, Option<class_ns::Registration>)> {
    let globals_arg = globals;
    let globals = match globals {
        None | Some(Value::None) => None,
        Some(Value::Dict(d)) => Some(d.clone()),
        // A dict subclass is used as its dict (CPython's `PyDict_*` calls).
        Some(other) => match payload_of(other) {
            Some(Value::Dict(d)) => Some(d.clone()),
            _ => {
                return Err(PyErr::type_error(if func == "exec" {
                    format!("exec() globals must be a dict, not {}", type_name(other))
                } else if is_mapping(vm, other) {
                    "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
                } else {
                    "globals must be a dict".to_string()
                }))
            }
        },
    };
    let mut registration = None;
    // Without locals, a dict subclass given as globals is the locals too,
    // reached through its own methods as any non-dict mapping.
    let locals = match (locals, globals_arg) {
        (None | Some(Value::None), Some(g @ Value::Instance(_))) => Some(g),
        (l, _) => l,
    };
    let locals = match locals {
        None | Some(Value::None) => None,
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(other) if is_mapping(vm, other) => {
            let r = class_ns::Registration::new(other.clone());
            let ns = r.namespace();
            registration = Some(r);
            Some(ns)
        }
        Some(other) => {
            return Err(PyErr::type_error(if func == "exec" {
                format!("locals must be a mapping or None, not {}", type_name(other))
            } else {
                "locals must be a mapping".to_string()
            }))
        }
    };
    let (globals, locals) = match (globals, locals) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g.clone(), g),
        (None, l) => {
            let g = current_globals(vm)?;
            let l = match l {
                Some(l) => l,
                None => crate::namespace::locals_dict(vm)?,
            };
            (g, l)
        }
    };
    let key = Value::str("__builtins__");
    if globals.borrow().get(&key)?.is_none() {
        // CPython inserts the builtins dict itself (`PyEval_GetBuiltins()`).
        globals
            .borrow_mut()
            .insert(key, Value::Dict(vm.builtins.clone()))?;
    }
    Ok((globals, locals, registration))
}

/// `PyMapping_Check`: the object's class has `__getitem__`.
pub(crate) fn is_mapping(vm: &mut Vm, v: &Value) -> bool {
    let t = crate::types::type_of(v);
    let getitem = crate::names::D::GetItem.name();
    vm.get_attr(&Value::Type(t), &getitem).is_ok()
}

fn b_exec(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    // Argument Clinic's checks for `source, globals, locals, /, *, closure`:
    // the count of all arguments, then of the positional ones, then names.
    let (n, total) = (a.pos.len(), a.pos.len() + a.kwnames.len());
    if total > 4 {
        return Err(PyErr::type_error(format!(
            "exec() takes at most 4 arguments ({total} given)"
        )));
    }
    if n > 3 {
        return Err(PyErr::type_error(format!(
            "exec() takes at most 3 positional arguments ({n} given)"
        )));
    }
    if n == 0 {
        return Err(PyErr::type_error(
            "exec() takes at least 1 positional argument (0 given)",
        ));
    }
    a.check_clinic_kw("exec", &["closure"])?;
    let (globals, locals, _mapping) = namespaces(vm, "exec", a.pos.get(1), a.pos.get(2))?;
    let closure = a.kw("closure").filter(|c| !matches!(c, Value::None));
    if let Value::Code(code) = &a.pos[0] {
        // `builtin_exec_impl`: a code object with free variables needs
        // exactly as many cells, one without takes none.
        let free = code.raw.freevars().len();
        if free == 0 {
            if closure.is_some() {
                return Err(PyErr::type_error(
                    "cannot use a closure with this code object",
                ));
            }
        } else {
            let ok = match closure {
                Some(Value::Tuple(t)) => {
                    t.len() == free && t.iter().all(|c| matches!(c, Value::Cell(_)))
                }
                _ => false,
            };
            if !ok {
                return Err(PyErr::type_error(format!(
                    "code object requires a closure of exactly length {free}"
                )));
            }
        }
        if let Some(closure) = closure {
            // Run as a function made of the code and the cells: a code
            // object with free variables is a function's body.
            let f = crate::func::construct_function(Args::positional(&[
                a.pos[0].clone(),
                Value::Dict(globals),
                Value::None,
                Value::None,
                closure.clone(),
            ]))?;
            vm.call(&f, &[])?;
            return Ok(Value::None);
        }
    } else if closure.is_some() {
        return Err(PyErr::type_error(
            "closure can only be used when source is a code object",
        ));
    }
    let code = code_arg(vm, &a.pos[0], "exec", CompileMode::Exec)?;
    vm.run_code_in(code, globals, locals)?;
    Ok(Value::None)
}

fn b_eval(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    arity(&a, "eval", 1, 3)?;
    let (globals, locals, _mapping) = namespaces(vm, "eval", a.pos.get(1), a.pos.get(2))?;
    // `eval` takes no closure: a function body's code cannot run there.
    if let Value::Code(code) = &a.pos[0] {
        if !code.raw.freevars().is_empty() {
            return Err(PyErr::type_error(
                "code object passed to eval() may not contain free variables",
            ));
        }
    }
    let code = code_arg(vm, &a.pos[0], "eval", CompileMode::Eval)?;
    vm.run_code_in(code, globals, locals)
}

pub(crate) fn b_compile(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    const PARAMS: [&str; 6] = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
    ];
    a.check_kw("compile", &[&PARAMS[..], &["_feature_version"]].concat())?;
    let mut args: [Option<&Value>; 6] = [None; 6];
    for (slot, v) in args.iter_mut().zip(a.pos) {
        *slot = Some(v);
    }
    for (i, name) in PARAMS.iter().enumerate() {
        if let Some(v) = a.kw(name) {
            if args[i].is_some() {
                return Err(PyErr::type_error(format!(
                    "argument for compile() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
            args[i] = Some(v);
        }
    }
    if a.pos.len() > 6 {
        return Err(PyErr::type_error(format!(
            "compile() takes at most 6 arguments ({} given)",
            a.pos.len()
        )));
    }
    let (Some(source), Some(filename), Some(mode)) = (args[0], args[1], args[2]) else {
        let i = args.iter().position(Option::is_none).unwrap_or(0);
        return Err(PyErr::type_error(format!(
            "compile() missing required argument '{}' (pos {})",
            PARAMS[i],
            i + 1
        )));
    };
    let filename = filename_arg(vm, filename)?;
    // The argument clinic converts `flags` and `optimize` to C ints before
    // anything looks at them, so a non-int or an oversized int fails here.
    let flags = args[3]
        .map(|v| crate::modules::cint::as_c_int(vm, v))
        .transpose()?
        .map(i64::from);
    let optimize = args[5]
        .map(|v| crate::modules::cint::as_c_int(vm, v))
        .transpose()?
        .map(i64::from);
    // `builtin_compile_impl`'s checks of the flags and the optimize level.
    const CO_NESTED: i64 = 0x10;
    const COMPILE_MASK: i64 = 0x400 | 0x2000 | 0x1000 | 0x200 | 0x4000;
    if let Some(f) = flags {
        if f & !(i64::from(FUTURE_MASK) | CO_NESTED | COMPILE_MASK) != 0 {
            return Err(PyErr::value_error("compile(): unrecognised flags"));
        }
    }
    let mut options = vm.default_compile_options();
    if let Some(o) = optimize {
        if !(-1..=2).contains(&o) {
            return Err(PyErr::value_error("compile(): invalid optimize value"));
        }
        // -1 is the interpreter's level, which the default already holds.
        if let Ok(level) = u8::try_from(o) {
            options.optimize = level;
        }
    }
    if let Some(f) = flags {
        options.allow_top_level_await = f & crate::modules::ast::PY_CF_ALLOW_TOP_LEVEL_AWAIT != 0;
        options.future_flags = (f & i64::from(FUTURE_MASK)) as u32;
    }
    let dont_inherit = match args[4] {
        Some(v) => crate::modules::cint::as_c_int(vm, v)? != 0,
        None => false,
    };
    if !dont_inherit {
        options.future_flags |= inherited_future_flags(vm);
    }
    if let Some(v) = crate::modules::ast::compile_arg(
        vm,
        source,
        &filename,
        mode,
        args[3],
        a.kw("_feature_version"),
        options,
    )? {
        return Ok(v);
    }
    let mode = mode_arg(
        mode,
        "compile() argument 'mode'",
        "compile() mode must be 'exec', 'eval' or 'single'",
    )?;
    if let Value::Code(c) = source {
        return Ok(Value::Code(c.clone()));
    }
    let not_source = || PyErr::type_error("compile() arg 1 must be a string, bytes or AST object");
    let code = with_source_text(source, not_source, |text| {
        vm.compile_source_with(text, &filename, mode, options)
    })?;
    Ok(Value::Code(vm.load_code(code)?))
}

/// A compile mode argument (`exec`, `eval` or `single`); `arg` names it in
/// the TypeError for a non-str, `bad_value` is the ValueError for another str.
pub(crate) fn mode_arg(v: &Value, arg: &str, bad_value: &str) -> PyResult<CompileMode> {
    match v {
        Value::Str(s) => match s.as_str() {
            "exec" => Ok(CompileMode::Exec),
            "eval" => Ok(CompileMode::Eval),
            "single" => Ok(CompileMode::Single),
            _ => Err(PyErr::value_error(bad_value)),
        },
        other => Err(PyErr::type_error(format!(
            "{arg} must be str, not {}",
            type_name(other)
        ))),
    }
}

/// A file name argument as `PyUnicode_FSDecoder` takes it: str, bytes (decoded
/// with `surrogateescape`) or an `os.PathLike`.
pub(crate) fn filename_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let lossy = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    match payload_of(v).unwrap_or(v) {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Bytes(b) => Ok(lossy(b)),
        _ => match crate::buffer::exported_bytes(v) {
            // Other bytes-like objects are still taken, with a warning.
            Some(bytes) => {
                let bytes = bytes?;
                let msg = format!(
                    "path should be string, bytes, or os.PathLike, not {}",
                    type_name(v)
                );
                vm.warn(ExcKind::DeprecationWarning, &msg)?;
                Ok(lossy(&bytes))
            }
            None => match crate::modules::posix::path::fspath(vm, v)? {
                Value::Bytes(b) => Ok(lossy(&b)),
                other => Ok(crate::repr::to_str(&other)),
            },
        },
    }
}

/// Calls `f` with source text as `_Py_SourceAsString` takes it: a str, or the
/// bytes of any bytes-like object; `not_source` is the error for anything else.
pub(crate) fn with_source_text<T>(
    v: &Value,
    not_source: impl FnOnce() -> PyErr,
    f: impl FnOnce(SourceText<'_>) -> PyResult<T>,
) -> PyResult<T> {
    match payload_of(v).unwrap_or(v) {
        // The source is encoded to UTF-8 before parsing, so a lone surrogate
        // is CPython's UnicodeEncodeError rather than a syntax error.
        Value::Str(s) => f(SourceText::Str(crate::str_surrogates::as_utf8(s)?)),
        Value::Bytes(b) => f(SourceText::Bytes(b)),
        _ => match crate::buffer::exported_bytes(v) {
            Some(bytes) => f(SourceText::Bytes(&bytes?)),
            None => Err(not_source()),
        },
    }
}

impl Vm {
    /// The `builtins` module object.
    pub(crate) fn builtins_module(&self) -> Value {
        Value::Module(self.builtins_mod.clone())
    }
}
