//! `_testinternalcapi`, the part CPython's test suite consults about the
//! interpreter: `get_config()`, the `PyConfig` of the running interpreter
//! as a dict, and `EncodeLocaleEx`/`DecodeLocaleEx`, the locale codec of
//! file names and arguments (`_Py_EncodeLocaleEx`), which test_codecs
//! checks against `str.encode`. `test.support.has_no_debug_ranges()`
//! reads `code_debug_ranges` from it while test modules are being defined
//! (`test_compile`, `test_dis`, `test_traceback`), so without it those
//! modules cannot even be loaded. `get_recursion_depth()` counts the
//! running Python frames for `test.support.get_recursion_depth`.
//!
//! Every value describes Pith itself: what its command line and `sys`
//! say, and, for settings Pith has no switch for, what it always does
//! (code objects always carry positions); the hash seed is the one
//! `crate::hash` was given.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::str_surrogates::{is_surrogate, push_utf8};
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

use super::{module_functions, new_module};

module_functions!(FUNCTIONS, "_testinternalcapi", [
    "get_config" => get_config, "EncodeLocaleEx" => encode_locale, "DecodeLocaleEx" => decode_locale,
    "get_recursion_depth" => get_recursion_depth,
]);

/// Builds the `_testinternalcapi` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module("_testinternalcapi", FUNCTIONS, Vec::new())
}

/// `get_recursion_depth()`: how many levels of the recursion limit the
/// calling thread uses: its Python frames, its caller's included, and the
/// native calls counted against the limit (`c_depth`: `repr`, comparisons,
/// calls of instances), as CPython counts both. `test.support` sets limits
/// relative to this depth, so leaving out the native levels would leave
/// fewer frames available than the tests expect.
fn get_recursion_depth(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_args("_testinternalcapi.get_recursion_depth")?;
    let depth = vm.frames.iter().filter(|f| !f.code.hidden).count() + vm.c_depth;
    Ok(Value::Int(i64::try_from(depth).unwrap_or(i64::MAX)))
}

/// `get_config()`: the configuration, keyed as CPython 3.11's `PyConfig`.
fn get_config(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_args("_testinternalcapi.get_config")?;
    vm.import_dotted("sys")?;
    let mut sys = |name: &str| vm.sys_attr(name).unwrap_or(Value::None);
    let (argv, orig_argv, path) = (sys("argv"), sys("orig_argv"), sys("path"));
    let (executable, prefix) = (sys("executable"), sys("prefix"));
    let (warnoptions, xoptions) = (sys("warnoptions"), sys("_xoptions"));
    let cl = &vm.cmdline;
    let flag = |b: bool| Value::Int(i64::from(b));
    let count = |n: u8| Value::Int(i64::from(n));
    let xoption_names = match &xoptions {
        Value::Dict(d) => d
            .borrow()
            .iter()
            .map(|(k, v)| match (k, v) {
                (Value::Str(k), Value::Str(v)) => {
                    Value::string(format!("{}={}", k.as_str(), v.as_str()))
                }
                _ => k.clone(),
            })
            .collect(),
        _ => Vec::new(),
    };
    let stdlib = vm.stdlib_dir().map_or(Value::None, Value::string);
    let buffered = !super::io::stdio::unbuffered();
    let isolated = cl.isolated;
    // `sys.path[0]`, the script's directory, is added after the search
    // paths are configured (not under `-I`).
    let search_paths = match &path {
        Value::List(l) if !isolated => Value::list(l.borrow().iter().skip(1).cloned().collect()),
        other => other.clone(),
    };
    // What runs: a script's path (`-c` and `-m` leave `argv[0]` as
    // "-c" or the module's path, which this does not tell apart).
    let run_filename = match &argv {
        Value::List(l) => match l.borrow().first() {
            Some(Value::Str(s)) if !s.as_str().is_empty() && s.as_str() != "-c" => {
                match std::path::absolute(s.as_str()) {
                    Ok(p) => Value::string(p.display().to_string()),
                    Err(_) => Value::Str(s.clone()),
                }
            }
            _ => Value::None,
        },
        _ => Value::None,
    };
    let entries: Vec<(&str, Value)> = vec![
        ("_config_init", Value::Int(2)),
        ("isolated", flag(isolated)),
        (
            "use_environment",
            flag(!(cl.ignore_environment || isolated)),
        ),
        ("dev_mode", flag(cl.has_xoption("dev"))),
        ("install_signal_handlers", Value::Int(1)),
        (
            "use_hash_seed",
            flag(crate::hash::hash_seed() != crate::hash::HashSeed::Random),
        ),
        (
            "hash_seed",
            Value::Int(match crate::hash::hash_seed() {
                crate::hash::HashSeed::Fixed(n) => i64::from(n),
                crate::hash::HashSeed::Random => 0,
            }),
        ),
        ("faulthandler", flag(super::faulthandler::requested(vm))),
        ("tracemalloc", Value::Int(0)),
        ("import_time", Value::Int(0)),
        ("code_debug_ranges", Value::Int(1)),
        ("show_ref_count", Value::Int(0)),
        ("dump_refs", Value::Int(0)),
        ("malloc_stats", Value::Int(0)),
        ("filesystem_encoding", Value::str("utf-8")),
        ("filesystem_errors", Value::str("surrogateescape")),
        ("pycache_prefix", Value::None),
        ("program_name", executable.clone()),
        ("parse_argv", Value::Int(2)),
        ("argv", argv),
        ("xoptions", Value::list(xoption_names)),
        ("warnoptions", warnoptions),
        ("pythonpath_env", Value::None),
        ("home", Value::None),
        ("module_search_paths_set", Value::Int(1)),
        ("module_search_paths", search_paths),
        ("stdlib_dir", stdlib),
        ("executable", executable.clone()),
        ("base_executable", executable),
        ("prefix", prefix.clone()),
        ("base_prefix", prefix.clone()),
        ("exec_prefix", prefix.clone()),
        ("base_exec_prefix", prefix),
        ("platlibdir", Value::str("lib")),
        ("site_import", flag(!cl.no_site)),
        ("bytes_warning", count(cl.bytes_warning)),
        (
            "warn_default_encoding",
            flag(cl.has_xoption("warn_default_encoding")),
        ),
        ("inspect", Value::Int(0)),
        ("interactive", Value::Int(0)),
        ("optimization_level", count(cl.optimize)),
        ("parser_debug", count(cl.debug)),
        ("write_bytecode", flag(vm.write_bytecode)),
        ("verbose", count(cl.verbose)),
        ("quiet", flag(cl.quiet)),
        ("user_site_directory", flag(!(cl.no_user_site || isolated))),
        ("configure_c_stdio", Value::Int(1)),
        ("buffered_stdio", flag(buffered)),
        ("stdio_encoding", Value::str("utf-8")),
        ("stdio_errors", Value::str("strict")),
        ("skip_source_first_line", Value::Int(0)),
        ("run_command", Value::None),
        ("run_module", Value::None),
        ("run_filename", run_filename),
        ("_install_importlib", Value::Int(1)),
        ("check_hash_pycs_mode", Value::str("default")),
        ("pathconfig_warnings", Value::Int(1)),
        ("_init_main", Value::Int(1)),
        ("_isolated_interpreter", Value::Int(0)),
        ("orig_argv", orig_argv),
        ("use_frozen_modules", Value::Int(0)),
        ("safe_path", Value::Int(0)),
        ("_is_python_build", Value::Int(0)),
    ];
    let mut d = crate::dict::Dict::new();
    for (k, v) in entries {
        d.insert(Value::str(k), v)?;
    }
    Ok(Value::Dict(std::rc::Rc::new(std::cell::RefCell::new(d))))
}

/// The arguments `(text, current_locale, errors=None)`, with the errors
/// the locale codec supports: `strict` and `surrogateescape` (`true`).
fn locale_args<'a>(a: &Args<'a>, fname: &str) -> PyResult<(&'a Value, bool)> {
    let args = crate::native::positional(a, fname, 2, 3)?;
    let escape = match args.get(2) {
        None | Some(Value::None) => false,
        Some(Value::Str(e)) if e.as_str() == "strict" => false,
        Some(Value::Str(e)) if e.as_str() == "surrogateescape" => true,
        Some(Value::Str(_)) => return Err(PyErr::value_error("unsupported error handler")),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "{fname}() argument 3 must be str or None, not {}",
                type_name(other)
            )))
        }
    };
    Ok((&args[0], escape))
}

/// `EncodeLocaleEx(text, current_locale, errors=None)`: UTF-8, with
/// `surrogateescape` turning U+DC80..U+DCFF back into bytes.
fn encode_locale(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (text, escape) = locale_args(&a, "EncodeLocaleEx")?;
    let Value::Str(s) = text else {
        return Err(PyErr::type_error(format!(
            "EncodeLocaleEx() argument 1 must be str, not {}",
            type_name(text)
        )));
    };
    let mut out = Vec::with_capacity(s.as_str().len());
    for (pos, c) in s.code_points().enumerate() {
        if !is_surrogate(c) {
            push_utf8(&mut out, c);
        } else if escape && (0xDC80..=0xDCFF).contains(&c) {
            out.push((c - 0xDC00) as u8);
        } else {
            return Err(PyErr::new(
                ExcKind::RuntimeError,
                format!("encode error: pos={pos}, reason=encoding error"),
            ));
        }
    }
    Ok(Value::Bytes(std::rc::Rc::new(out)))
}

/// `DecodeLocaleEx(data, current_locale, errors=None)`: UTF-8, with
/// `surrogateescape` turning each undecodable byte into U+DC80..U+DCFF.
fn decode_locale(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (data, escape) = locale_args(&a, "DecodeLocaleEx")?;
    let Value::Bytes(data) = data else {
        return Err(PyErr::type_error(format!(
            "DecodeLocaleEx() argument 1 must be bytes, not {}",
            type_name(data)
        )));
    };
    let mut cps: Vec<u32> = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        match std::str::from_utf8(&data[i..]) {
            Ok(rest) => {
                cps.extend(rest.chars().map(u32::from));
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                let text = std::str::from_utf8(&data[i..i + good]).unwrap_or_default();
                cps.extend(text.chars().map(u32::from));
                i += good;
                if !escape {
                    return Err(PyErr::new(
                        ExcKind::RuntimeError,
                        format!("decode error: pos={i}, reason=decoding error"),
                    ));
                }
                let bad = e.error_len().unwrap_or(data.len() - i);
                cps.extend(data[i..i + bad].iter().map(|&b| 0xDC00 + u32::from(b)));
                i += bad;
            }
        }
    }
    Ok(Value::from_code_points(cps))
}
