//! Native modules: the modules CPython writes in C (`math`, `sys`, `gc`, `time`,
//! `itertools`, `_bisect`, `_collections`, `_functools`, `_heapq`, `_operator`, `_thread`,
//! `_weakref`, `_string`, `errno`, `_json`, `builtins`), written here in Rust, one file
//! per module. Modules that CPython writes in Python are not copied here; they
//! are imported from their `.py` source. Classes of these modules (`deque`,
//! `count`, `partial`, ...) are built with `crate::native`.
//!
//! [`MODULES`] is the one registry: a module name and the function that builds the
//! module object on its first import.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::BuiltinDef;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

pub mod abc;
pub mod array;
mod array_file;
mod array_iter;
mod array_pickle;
pub mod ast;
mod ast_docs;
pub mod atexit;
pub mod binascii;
mod binascii_qp;
pub mod bisect;
pub(crate) mod breakpoint;
pub mod builtins;
pub mod bz2;
pub(crate) mod cint;
pub mod cjk;
pub mod cmath;
mod codec_errors;
mod codec_handlers;
mod codec_wrap;
pub mod codecs;
mod codecs_charmap;
mod codecs_escape;
mod codecs_utf16;
mod codecs_utf7;
pub mod collections;
mod compare_digest;
pub mod contextvars;
pub mod csv;
mod displayhook;
pub mod errno;
mod errno_table;
mod excepthook;
pub mod faulthandler;
pub mod fcntl;
pub mod functools;
pub mod gc;
pub mod grp;
pub mod hashes;
pub mod heapq;
pub mod imp;
pub mod importlib;
pub mod importlib_machinery;
pub mod io;
pub mod itertools;
pub mod json;
pub(crate) mod length_hint;
mod libm_raw;
pub mod locale;
mod locale_raw;
pub(crate) mod lru_cache;
pub mod lsprof;
pub mod lzma;
pub mod marshal;
pub mod math;
pub mod mmap;
mod mmap_raw;
pub mod multiprocessing;
mod native_exc;
pub mod odict;
mod odict_iter;
pub mod opcode;
pub mod operator;
mod operator_funcs;
pub mod pickle;
pub mod posix;
pub mod posixsubprocess;
pub mod pwd;
pub mod pyexpat;
pub mod pystruct;
pub mod random;
pub mod resource;
mod resource_raw;
pub mod select;
pub mod signal;
pub(crate) mod signal_raw;
pub mod socket;
pub mod sqlite3;
pub mod sre;
pub mod stat;
pub mod string;
pub mod structseq;
pub mod symtable;
pub mod sys;
pub(crate) mod sys_asyncgen;
mod sys_import;
mod sys_info;
mod sys_stdlib_names;
mod sys_threads;
mod sysdb;
pub mod syslog;
mod syslog_raw;
pub mod termios;
mod termios_raw;
mod testinternalcapi;
pub mod thread;
pub mod time;
mod time_format;
mod time_raw;
mod tokenize;
pub mod tracemalloc;
mod tuplegetter;
mod typing;
pub mod unicodedata;
pub mod warnings;
pub mod weakref;
mod weakref_proxy;
pub mod zlib;

/// A module object.
#[derive(Debug)]
pub struct ModuleObj {
    /// `__name__`.
    pub name: String,
    /// The module namespace.
    pub dict: Rc<RefCell<Dict>>,
}

/// Builds a native module's object (its functions and constants) for a VM.
pub type ModuleInit = fn(&mut Vm) -> Value;

/// Every native module: `(name, constructor)`.
pub const MODULES: &[(&str, ModuleInit)] = &[
    ("_abc", abc::init),
    ("_ast", ast::init),
    ("_bisect", bisect::init),
    ("_bz2", bz2::init),
    ("_blake2", hashes::init_blake2),
    ("_codecs", codecs::init),
    ("_collections", collections::init),
    ("_contextvars", contextvars::init),
    ("_csv", csv::init),
    ("_codecs_cn", cjk::init_cn),
    ("_codecs_jp", cjk::init_jp),
    ("_codecs_kr", cjk::init_kr),
    ("_codecs_tw", cjk::init_tw),
    ("_multibytecodec", cjk::multibyte::init),
    ("array", array::init),
    ("atexit", atexit::init),
    ("binascii", binascii::init),
    ("builtins", builtins::init),
    ("cmath", cmath::init),
    ("errno", errno::init),
    ("faulthandler", faulthandler::init),
    ("fcntl", fcntl::init),
    ("_frozen_importlib", crate::spec::init_bootstrap),
    ("_frozen_importlib_external", crate::spec::init_external),
    ("_functools", functools::init),
    ("_heapq", heapq::init),
    // Import machinery: `_imp`, `marshal`, `_warnings` (imp helper's rows).
    ("_imp", imp::init),
    ("marshal", marshal::init),
    ("_warnings", warnings::init),
    ("_io", io::init),
    ("_json", json::init),
    ("_locale", locale::init),
    ("_md5", hashes::init_md5),
    ("_multiprocessing", multiprocessing::init),
    ("_posixshmem", multiprocessing::shmem::init),
    ("_opcode", opcode::init),
    ("_pickle", pickle::init),
    ("_operator", operator::init),
    ("_posixsubprocess", posixsubprocess::init),
    ("_random", random::init),
    ("_sha1", hashes::init_sha1),
    ("_sha256", hashes::init_sha256),
    ("_sha3", hashes::init_sha3),
    ("_sha512", hashes::init_sha512),
    ("_signal", signal::init),
    ("_socket", socket::init),
    ("_sqlite3", sqlite3::init),
    ("_sre", sre::init),
    ("_stat", stat::init),
    ("_string", string::init),
    ("_struct", pystruct::init),
    ("_symtable", symtable::init),
    ("_testinternalcapi", testinternalcapi::init),
    ("_thread", thread::init),
    ("_tokenize", tokenize::init),
    ("_tracemalloc", tracemalloc::init),
    ("_typing", typing::init),
    ("_lsprof", lsprof::init),
    ("_lzma", lzma::init),
    ("_weakref", weakref::init),
    ("gc", gc::init),
    ("grp", grp::init),
    ("importlib", importlib::init),
    ("importlib.machinery", importlib_machinery::init),
    ("itertools", itertools::init),
    ("math", math::init),
    ("mmap", mmap::init),
    ("posix", posix::init),
    ("pwd", pwd::init),
    ("pyexpat", pyexpat::init),
    ("resource", resource::init),
    ("select", select::init),
    ("sys", sys::init),
    ("syslog", syslog::init),
    ("termios", termios::init),
    ("time", time::init),
    ("unicodedata", unicodedata::init),
    ("zlib", zlib::init),
];

pub(crate) use sys_info::traceback_limit as sys_traceback_limit;

/// Whether `name` is a module built into the VM.
pub(crate) fn is_native(name: &str) -> bool {
    MODULES.iter().any(|(n, _)| *n == name)
}

/// Declares a module's function table: `name => implementation` pairs.
macro_rules! module_functions {
    ($table:ident, $owner:literal, [ $( $name:literal => $f:path ),* $(,)? ]) => {
        static $table: &[$crate::func::BuiltinDef] = &[
            $( $crate::func::BuiltinDef { name: $name, func: $f, owner: $owner, is_method: false }, )*
        ];
    };
}
pub(crate) use module_functions;

/// A module object named `name` holding `funcs` and the `extra` attributes.
/// Like a module CPython builds from a `PyModuleDef`, it starts with
/// `__name__`, `__doc__` (CPython's docstring of the module, or None) and
/// `__package__` (the parent package's name).
pub fn new_module(name: &str, funcs: &'static [BuiltinDef], extra: Vec<(&str, Value)>) -> Value {
    let mut d = Dict::new();
    let _ = d.insert(Value::str("__name__"), Value::str(name));
    let doc = crate::doc_table::doc(&format!("{name}.__doc__"));
    let _ = d.insert(Value::str("__doc__"), doc.map_or(Value::None, Value::str));
    let parent = name.rsplit_once('.').map_or("", |(parent, _)| parent);
    let _ = d.insert(Value::str("__package__"), Value::str(parent));
    for f in funcs {
        let _ = d.insert(Value::str(f.name), Value::Builtin(f));
    }
    for (k, v) in extra {
        let _ = d.insert(Value::str(k), v);
    }
    Value::Module(Rc::new(ModuleObj {
        name: name.to_string(),
        dict: Rc::new(RefCell::new(d)),
    }))
}

/// Charges `units` of native work (big-int products, sleeping) to the VM's step
/// limit when one is set (`Vm::set_step_limit`), so a sandboxed or fuzzed program
/// cannot hide unbounded work in one call; without a limit this does nothing.
pub(crate) fn charge(vm: &mut Vm, units: u64) -> PyResult<()> {
    if vm.steps_left == u64::MAX {
        return Ok(());
    }
    // While threads switch, most of the budget waits in the scheduler.
    let total = vm.steps_left.saturating_add(vm.sched.reserve);
    if total == u64::MAX {
        return Ok(());
    }
    if units > total {
        vm.steps_left = 0;
        vm.sched.reserve = 0;
        return Err(PyErr::system_error("step limit exceeded"));
    }
    let from_reserve = units.saturating_sub(vm.steps_left);
    vm.steps_left -= units - from_reserve;
    vm.sched.reserve -= from_reserve;
    Ok(())
}

impl Vm {
    /// `import name`: the module object, built on first import.
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        let key = self.intern(name);
        if let Some(m) = self.modules.borrow().get_str(&key) {
            return Ok(m.clone());
        }
        let Some(&(_, init)) = MODULES.iter().find(|(n, _)| *n == name) else {
            return Err(PyErr::new(
                ExcKind::ModuleNotFoundError,
                format!("No module named '{name}'"),
            ));
        };
        let m = init(self);
        crate::spec::set_builtin_spec(self, name, &m);
        self.modules
            .borrow_mut()
            .insert_hashed(Value::Str(key.clone()), key.hash(), m.clone());
        Ok(m)
    }
}
