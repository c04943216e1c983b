//! `pith-vm`: a stack-based virtual machine that runs CPython 3.11 code objects.
//!
//! Code objects (from `pith-bytecode`, e.g. read from a `.pyc` written by CPython)
//! are decoded once into a compact internal form ([`code::Code`]); the eval loop
//! then runs them over a single value stack shared by all frames.
//!
//! Invariants:
//! - The VM never recurses in Rust per Python call: Python-to-Python calls push a
//!   frame on an explicit frame stack. Only builtins that call back into Python
//!   (`sorted(key=...)`, `map`, `__getattr__`, `__eq__`) re-enter the loop, and
//!   that depth is bounded: 3000 levels, about 5 KiB of Rust stack each, so
//!   that the recursion limit, as in CPython, is what a program runs into.
//!   Run the VM on a thread with at least 32 MiB of stack (`pith` uses 256).
//! - Nothing a program or a `.pyc` does panics the VM: malformed bytecode is a
//!   load error or a `SystemError`, deep recursion a `RecursionError`.
//! - [`Value`] is 16 bytes; None, bools, small ints and floats are not allocated.
//!
//! ```no_run
//! let mut vm = pith_vm::Vm::new();
//! let status = match vm.run_pyc_file(std::path::Path::new("prog.pyc")) {
//!     Ok(()) => 0,
//!     Err(e) => e.exit_status(),
//! };
//! # let _ = status;
//! ```

mod abc_match;
mod anchors;
mod attr;
mod attr_cache;
mod base_methods;
pub mod buffer;
pub mod builtins;
pub mod bytearray_obj;
pub(crate) mod bytes_new;
mod c_accelerated;
mod call_fast;
mod call_iter;
pub mod class;
mod class_assign;
mod class_mro;
mod class_ns;
mod cmdline;
pub mod code;
mod code_methods;
pub mod compile_hook;
pub mod complex;
pub mod coro;
pub mod descr;
mod descr_protocol;
pub mod dict;
mod dir_names;
mod divmod_special;
mod doc_table;
mod enumerate;
mod eval;
pub mod exc;
pub mod exc_group;
mod exc_print;
mod exc_reduce;
mod exec;
mod exit_order;
mod fast_ops;
mod finalize;
pub mod format;
mod frame_builtins;
pub mod frame_obj;
mod freed;
mod frozen;
pub mod func;
mod func_attrs;
pub mod gc;
pub mod gen;
mod gen_frame;
mod generic_alias;
pub mod hash;
pub mod import;
mod import_error;
mod import_star;
pub mod inst_dict;
pub mod instance;
mod instance_check;
mod int_div;
mod int_new;
pub mod iter;
mod iter_reduce;
mod keys;
mod kwargs_merge;
pub mod mappingproxy;
pub mod methods;
mod module_repr;
pub mod modules;
mod mro_entries;
mod name_error;
pub mod names;
mod namespace;
pub mod native;
mod new_wrapper;
pub mod ops;
pub mod oserror;
pub mod pattern;
mod protocol;
pub mod range;
mod reduce;
pub mod repr;
pub mod run_module;
mod seq_eq;
pub mod simple_namespace;
mod site_builtins;
mod slot_binops;
mod slots;
pub mod spec;
mod spec_methods;
mod special;
mod stack_move;
mod stack_words;
mod star_args;
mod store_attr;
pub mod str_codecs;
pub mod str_surrogates;
mod subclasses;
mod subscr_fast;
mod sys_trace;
pub mod trace;
mod traceback;
pub mod type_layout;
pub mod types;
pub mod unicode_error;
mod union;
mod unraisable;
pub mod value;
mod view_setops;
mod vm;
mod warn;

pub use cmdline::CommandLine;
pub use code::{Code, LoadError};
pub use compile_hook::{
    CompileFailure, CompileMode, CompileOptions, CompileWarning, CompiledSource, ParsedTree,
    SourceCompiler, SourceText, SymbolScope, TokenRow, TreeMode,
};
pub use exc::{PyErr, PyResult};
pub use value::Value;
pub use vm::{Vm, VmError, DEFAULT_RECURSION_LIMIT};
