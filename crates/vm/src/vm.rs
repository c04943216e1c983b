//! The virtual machine: the value stack shared by all frames, the frame stack,
//! and the public entry points. The eval loop itself is in `eval.rs`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

use crate::code::Code;
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, Function};
use crate::types::ExcKind;
use crate::value::{StrObj, Value};

/// Default `sys.getrecursionlimit()`.
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

/// How deeply builtins may re-enter the eval loop. Each level uses Rust
/// stack (about 5 KiB: `__getattr__`, `sorted(key=...)`, `list.__eq__`
/// measured); high enough that recursion through builtins stops at the
/// recursion limit, as in CPython, rather than at this cap.
pub(crate) const MAX_NATIVE_DEPTH: usize = 3000;

/// `CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR`: code whose frame
/// makes a generator first thing.
pub(crate) const GENERATOR_FLAGS: u32 = pith_bytecode::CodeFlags::GENERATOR.0
    | pith_bytecode::CodeFlags::COROUTINE.0
    | pith_bytecode::CodeFlags::ASYNC_GENERATOR.0;

/// One activation record. Its fast locals live in `Vm::stack[base..base + nlocalsplus]`,
/// its evaluation stack right above them (for a frame below the running one,
/// in the stack [`Vm::frame_values`] finds).
#[derive(Debug)]
pub(crate) struct Frame {
    pub(crate) code: Rc<Code>,
    pub(crate) globals: Rc<RefCell<Dict>>,
    /// The `locals()` mapping of module and class bodies (`LOAD_NAME`/`STORE_NAME`).
    pub(crate) names: Option<Rc<RefCell<Dict>>>,
    pub(crate) base: usize,
    /// Stack height to restore when the frame returns (drops the callable too).
    pub(crate) ret_to: usize,
    /// Next instruction to run.
    pub(crate) ip: usize,
    /// Whether returning from this frame returns from `Vm::run_frames`.
    pub(crate) entry: bool,
    /// The generator this frame runs, if any.
    pub(crate) generator: Option<Rc<crate::gen::GenObj>>,
}

impl Frame {
    /// The instruction the frame last ran: the call, `FOR_ITER` or `SEND`
    /// that a frame above it (a callee, a resumed generator) returns to.
    pub(crate) fn last_instruction(&self) -> Option<crate::code::Ins> {
        let at = self.ip.checked_sub(1)?;
        self.code.decoded_or_empty().instrs.get(at).copied()
    }

    /// The line of the instruction the frame is running (or waits in), as
    /// `PyFrame_GetLineNumber` reports it; `None` where the code has none.
    pub(crate) fn line(&self) -> Option<i32> {
        self.code.positions(self.ip.saturating_sub(1) as u32).0
    }
}

/// What returning from a frame of [`Vm::return_hooks`] does besides
/// returning.
pub(crate) enum ReturnHook {
    /// An `__init__` run by calling its class: the call gives the new
    /// instance instead of `None` (and `__init__` must return `None`).
    Init(Value),
    /// A function called through an `lru_cache` wrapper that missed: the
    /// result is filed in the cache.
    CacheStore(crate::modules::lru_cache::PendingStore),
    /// The callable of `iter(callable, sentinel)` run as a frame by the
    /// `FOR_ITER` below it (`gen.rs`, `for_iter_call`): a result equal to
    /// the sentinel, or a `StopIteration`, ends that loop.
    Sentinel {
        /// The `callable_iterator`, emptied once the loop ends.
        iter: Rc<RefCell<crate::iter::IterObj>>,
        /// The value that ends the iteration.
        sentinel: Value,
    },
    /// The `__next__` of a `FOR_ITER`'s iterator run as a frame of the loop
    /// (`call_iter.rs`, `for_iter_call`): its result is the loop's next
    /// value, and a `StopIteration` leaving it ends the loop.
    ForIterNext,
    /// The `__len__` of a `len(obj)` call run as a frame of the loop
    /// (`special::inline_len_method`): its result becomes the length, or
    /// `slot_sq_length`'s error raised at the call.
    Len,
    /// The left operand's method of a `BINARY_OP` or `COMPARE_OP` run as a
    /// frame of the loop (`special::inline_binary_method`,
    /// `special::inline_compare_method`): a `NotImplemented` result goes on
    /// through the rest of the operator's protocol with the operands.
    Operator {
        /// Which operator.
        op: InlineOperator,
        /// The left operand.
        a: Value,
        /// The right operand.
        b: Value,
    },
}

/// The operator of a [`ReturnHook::Operator`].
pub(crate) enum InlineOperator {
    /// A binary operator (`ops::nb`).
    Binary(u32),
    /// A rich comparison.
    Compare(crate::ops::CmpOp),
}

impl Vm {
    /// Runs the special method `f` as a frame of the running loop, with the
    /// arguments at `stack[args_start..]`; its result lands at `ret_to`, the
    /// caller resumes at `resume_ip`, and `hook` (if any) sees the frame
    /// leave.
    #[inline(always)]
    pub(crate) fn push_special_frame(
        &mut self,
        f: &Rc<Function>,
        args_start: usize,
        ret_to: usize,
        resume_ip: usize,
        hook: Option<ReturnHook>,
    ) -> PyResult<()> {
        if let Some(fr) = self.frames.last_mut() {
            fr.ip = resume_ip;
        }
        self.push_call_frame(f, args_start, ret_to, None)?;
        if let Some(hook) = hook {
            self.return_hooks.push((self.frames.len() - 1, hook));
        }
        Ok(())
    }

    /// Runs `f(a, b)`, the left operand's method of an operator
    /// instruction, as a frame of the loop: `a` and `b` are the two values
    /// on top of the stack, and the result takes their place. The caller
    /// resumes at `resume_ip`.
    pub(crate) fn push_operator_frame(
        &mut self,
        f: &Rc<Function>,
        resume_ip: usize,
        op: InlineOperator,
    ) -> PyResult<()> {
        let at = self.stack.len() - 2;
        let (a, b) = (self.stack[at].clone(), self.stack[at + 1].clone());
        let hook = ReturnHook::Operator { op, a, b };
        self.push_special_frame(f, at, at, resume_ip, Some(hook))
    }

    /// What a special method's frame with `hook` leaves to do once it has
    /// returned `result`: the answer that replaces it (the protocol after a
    /// `NotImplemented`, a length checked as `slot_sq_length` does), or
    /// `None` when the result stands.
    pub(crate) fn finish_special(
        &mut self,
        hook: ReturnHook,
        result: &Value,
    ) -> PyResult<Option<Value>> {
        match hook {
            ReturnHook::Len => {
                let n = self.len_result(result)?;
                Ok(Some(Value::Int(n as i64)))
            }
            ReturnHook::Operator { op, a, b } if matches!(result, Value::NotImplemented) => {
                match op {
                    InlineOperator::Binary(op) => self.binary_op_after_forward(op, &a, &b, None),
                    InlineOperator::Compare(op) => {
                        self.rich_compare_after_forward(op, &a, &b, false)
                    }
                }
                .map(Some)
            }
            _ => Ok(None),
        }
    }
}

/// Errors from the VM's public API.
#[derive(Debug, thiserror::Error)]
pub enum VmError {
    /// The `.pyc` file could not be read.
    #[error("can't open file '{path}': {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The `.pyc` file is malformed.
    #[error("bad .pyc file: {0}")]
    Pyc(#[from] pith_bytecode::pyc::PycError),
    /// The code object cannot be loaded.
    #[error("bad code object: {0}")]
    Load(#[from] crate::code::LoadError),
    /// The program raised an exception that nothing caught (the traceback has
    /// been printed to the VM's stderr).
    #[error("uncaught exception")]
    Uncaught(PyErr),
    /// The tracer stopped the program ([`crate::trace::TraceFlow::Stop`]).
    #[error("stopped by the tracer")]
    TraceStopped,
    /// Tracing was asked for but this build has no traced eval loop (the
    /// `trace` feature is off).
    #[error("this build of Pith has no tracing (built without the `trace` feature)")]
    TracingNotBuilt,
}

impl VmError {
    /// The exit status `python3` would end with for this error.
    pub fn exit_status(&self) -> i32 {
        match self {
            VmError::Uncaught(e) if e.is(ExcKind::SystemExit) => {
                crate::builtins::system_exit_status(e)
            }
            VmError::Io { .. } => 2,
            // CPython ends by SIGINT, which a shell reports as 128 + 2
            // (`modules::signal::exit_if_interrupted` does that).
            VmError::Uncaught(e) if e.is(ExcKind::KeyboardInterrupt) => {
                crate::modules::signal::note_unhandled_interrupt();
                130
            }
            _ => 1,
        }
    }
}

/// A Python virtual machine.
pub struct Vm {
    /// The values of the frames from the innermost generator frame up (all
    /// frames when none runs): a running generator's frame swaps its own
    /// vector in (`gen_frame.rs`).
    pub(crate) stack: Vec<Value>,
    pub(crate) frames: Vec<Frame>,
    pub(crate) builtins: Rc<RefCell<Dict>>,
    /// The `builtins` module around `builtins`: one object, so that
    /// `__builtins__ is builtins` holds in `__main__`.
    pub(crate) builtins_mod: Rc<crate::modules::ModuleObj>,
    /// The exception being handled (`sys.exc_info()`), or `None`.
    pub(crate) exc_info: Value,
    /// The limit on Python frames: `sys.getrecursionlimit()` less the
    /// levels of `repr`/`str` now running (`c_depth`).
    pub(crate) recursion_limit: usize,
    /// C-level recursion CPython counts with the frames (see
    /// `Vm::counted_c_call`).
    pub(crate) c_depth: usize,
    pub(crate) native_depth: usize,
    /// The `StopIteration` that ended the last iterator a step found
    /// exhausted (a Python `__next__`'s, or a generator's return value):
    /// `next()` and `yield from` pass it on where CPython's `tp_iternext`
    /// would have left it set (`Vm::passes_stop`).
    pub(crate) last_stop: Option<PyErr>,
    pub(crate) kwnames: Option<Rc<Vec<Value>>>,
    /// The `lasti` a `RERAISE` restored, for the next handler that pushes it.
    pub(crate) reraise_lasti: Option<u32>,
    /// Backward jumps and calls left before `SystemError: step limit exceeded`.
    pub(crate) steps_left: u64,
    /// Set by `YIELD_VALUE` when it leaves `run_frames`.
    pub(crate) yielded: bool,
    pub(crate) arg_bufs: Vec<Vec<Value>>,
    /// The containers whose `repr` is running, kept across a user `__repr__`
    /// that reprs its container again (CPython's `Py_ReprEnter` list), so
    /// that `[...]` ends the cycle instead of a `RecursionError`.
    pub(crate) repr_active: Vec<usize>,
    pub(crate) stdout: Box<dyn Write>,
    pub(crate) stderr: Box<dyn Write>,
    pub(crate) sources: HashMap<String, Option<Rc<Vec<String>>>>,
    /// `sys.modules`: module name -> module object.
    pub(crate) modules: Rc<RefCell<Dict>>,
    pub(crate) argv: Vec<String>,
    /// The interpreter's command-line options (`sys.flags`, `_xoptions`).
    pub(crate) cmdline: crate::cmdline::CommandLine,
    /// `sys.prefix` and its kin: the installation whose standard library runs.
    pub(crate) prefix: String,
    /// The compiler behind `exec`, `eval`, `compile` and imports, if installed.
    pub(crate) compiler: Option<Rc<dyn crate::compile_hook::SourceCompiler>>,
    /// `__main__.__file__`.
    pub(crate) main_file: Option<String>,
    /// `sys.path`, a list Python code may change.
    pub(crate) sys_path: Value,
    /// Whether imports write `__pycache__` files.
    pub(crate) write_bytecode: bool,
    /// The names of a renamed generator function whose frame was just
    /// pushed, for the generator its `RETURN_GENERATOR` makes.
    pub(crate) pending_gen_names: Option<crate::gen::PendingGenNames>,
    /// The installed tracer (`trace.rs`); `None` runs the untraced loop.
    pub(crate) trace: Option<Box<crate::trace::TraceState>>,
    /// `sys.settrace`/`sys.setprofile` hooks (`sys_trace.rs`); they run on
    /// the traced loop too.
    pub(crate) hooks: Option<Box<crate::sys_trace::Hooks>>,
    /// Set by a loop that returns to go on in the other instantiation.
    pub(crate) switch_loop: bool,
    /// Frames whose return does more than hand back the value: (frame
    /// index, what to do), innermost last. An exception leaving the frame
    /// drops its entry.
    pub(crate) return_hooks: Vec<(usize, ReturnHook)>,
    /// The green threads of `_thread` (`modules/thread/`): the others' saved
    /// states and the running one's identity.
    pub(crate) sched: crate::modules::thread::sched::Sched,
    /// How far interpreter teardown has gone (`sys.is_finalizing()`).
    pub(crate) finalizing: Finalizing,
    /// The standard streams' encoding when `PYTHONIOENCODING` names one
    /// other than UTF-8, with stdout's error handler (`None`: UTF-8, the
    /// text written as it is).
    pub(crate) stdio_codec: Option<(
        crate::modules::io::stream::Codec,
        crate::modules::io::stream::Errors,
    )>,
    /// The standard streams' codec when `PYTHONIOENCODING` names one the
    /// native streams do not speak (`modules/io/stdio_codec.rs`).
    pub(crate) stdio_registry: Option<Box<crate::modules::io::stdio_codec::RegistryStdio>>,
    /// The `__dict__` of each builtin class asked for so far, by class
    /// (held, so the address stays its own): made once, as CPython's type
    /// dicts are, so `int.__dict__['real']` is the same object each time.
    pub(crate) builtin_dicts: pith_bytecode::fxhash::FxHashMap<
        usize,
        (Rc<crate::types::TypeObj>, Rc<RefCell<crate::dict::Dict>>),
    >,
}

/// The stages of interpreter teardown that Python code can observe, in the
/// order `Py_FinalizeEx` reaches them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) enum Finalizing {
    /// The program (or its `atexit` handlers) runs.
    #[default]
    No,
    /// After `atexit`: `sys.is_finalizing()` is true; the last collection
    /// with the modules in place runs.
    Started,
    /// The modules are being cleared: imports no longer work, so tracebacks
    /// printed from here on (a `__del__` of a module global) have no source
    /// lines, since CPython's printer imports `io` to read them.
    Modules,
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

impl std::fmt::Debug for Vm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vm")
            .field("frames", &self.frames.len())
            .field("stack", &self.stack.len())
            .finish()
    }
}

impl Vm {
    /// A VM writing to the process's stdout (buffered) and stderr.
    pub fn new() -> Vm {
        Vm::with_output(
            Box::new(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            )),
            Box::new(std::io::stderr()),
        )
    }

    /// A VM writing program output and tracebacks to the given sinks.
    pub fn with_output(stdout: Box<dyn Write>, stderr: Box<dyn Write>) -> Vm {
        // Per-thread interpreter settings start afresh with each VM.
        crate::format::set_int_max_str_digits(crate::format::INT_MAX_STR_DIGITS);
        let builtins = Rc::new(RefCell::new(crate::builtins::make_builtins()));
        let builtins_mod = Rc::new(crate::modules::ModuleObj {
            name: "builtins".to_string(),
            dict: builtins.clone(),
        });
        Vm {
            stack: Vec::with_capacity(1024),
            frames: Vec::with_capacity(64),
            builtins,
            builtins_mod,
            exc_info: Value::None,
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            c_depth: 0,
            native_depth: 0,
            last_stop: None,
            kwnames: None,
            reraise_lasti: None,
            yielded: false,
            steps_left: u64::MAX,
            arg_bufs: Vec::new(),
            repr_active: Vec::new(),
            stdout,
            stderr,
            sources: HashMap::new(),
            modules: Rc::new(RefCell::new(Dict::new())),
            argv: vec![String::new()],
            cmdline: crate::cmdline::CommandLine::default(),
            prefix: String::new(),
            compiler: None,
            main_file: None,
            sys_path: Value::list(Vec::new()),
            write_bytecode: true,
            pending_gen_names: None,
            trace: None,
            hooks: None,
            switch_loop: false,
            return_hooks: Vec::new(),
            sched: Default::default(),
            finalizing: Finalizing::No,
            stdio_codec: crate::modules::io::stdio::env_codec(),
            stdio_registry: crate::modules::io::stdio_codec::RegistryStdio::from_env(),
            builtin_dicts: Default::default(),
        }
    }

    /// `sys.getrecursionlimit()`.
    pub fn recursion_limit(&self) -> usize {
        self.recursion_limit + self.c_depth
    }

    /// `sys.setrecursionlimit(n)`.
    pub fn set_recursion_limit(&mut self, n: usize) {
        // The running `repr`/`str` levels hold `c_depth` of the limit.
        self.recursion_limit = n.max(1).saturating_sub(self.c_depth).max(1);
    }

    /// Limits how many backward jumps and Python calls may still run (for fuzzing
    /// and sandboxes); past it every loop iteration raises
    /// `SystemError: step limit exceeded`. `None` removes the limit.
    pub fn set_step_limit(&mut self, steps: Option<u64>) {
        self.steps_left = steps.unwrap_or(u64::MAX);
        self.sched.reserve = 0;
        self.arm_preemption();
    }

    /// Sets `sys.argv` (before `sys` is first imported).
    pub fn set_argv(&mut self, argv: Vec<String>) {
        self.argv = argv;
    }

    /// Sets the interpreter options of the command line (before `sys` is
    /// first imported).
    pub fn set_command_line(&mut self, cmdline: crate::cmdline::CommandLine) {
        let debug = Value::Bool(cmdline.optimize == 0);
        let _ = self
            .builtins
            .borrow_mut()
            .insert(Value::str("__debug__"), debug);
        self.cmdline = cmdline;
    }

    /// Sets `sys.prefix`, `sys.base_prefix`, `sys.exec_prefix` and
    /// `sys.base_exec_prefix` (before `sys` is first imported): the CPython
    /// installation whose standard library Pith runs.
    pub fn set_prefix(&mut self, prefix: String) {
        self.prefix = prefix;
    }

    /// Flushes the program's output.
    pub fn flush(&mut self) {
        let _ = self.stdout.flush();
        let _ = self.stderr.flush();
    }

    /// Sets the `__file__` of `__main__` (the script's path as CPython names
    /// it); `None` (the default) for `-c` code.
    pub fn set_main_file(&mut self, path: Option<String>) {
        self.main_file = path;
    }

    /// A fresh module namespace named `__main__`, with the entries CPython's
    /// `__main__` has.
    pub fn new_main_globals(&mut self) -> Rc<RefCell<Dict>> {
        let loader = crate::spec::main_loader(self);
        let mut g = Dict::new();
        let mut put = |name: &str, value: Value| {
            g.insert_hashed(Value::str(name), StrObj::new(name).hash(), value);
        };
        put("__name__", Value::str("__main__"));
        put("__doc__", Value::None);
        put("__package__", Value::None);
        put("__loader__", loader);
        put("__spec__", Value::None);
        put(
            "__annotations__",
            Value::Dict(Rc::new(RefCell::new(Dict::new()))),
        );
        put("__builtins__", self.builtins_module());
        if let Some(file) = &self.main_file {
            put("__file__", Value::str(file));
            put("__cached__", Value::None);
        }
        Rc::new(RefCell::new(g))
    }

    /// Runs a module code object in `globals`. An uncaught exception is returned
    /// (nothing is printed).
    pub fn exec_module(&mut self, code: Rc<Code>, globals: Rc<RefCell<Dict>>) -> PyResult<Value> {
        self.run_code_in(code, globals.clone(), globals)
    }

    /// Runs a module-level code object (`exec`, `eval`, an imported module)
    /// with `globals` and the `locals()` namespace `names`; returns what the
    /// code returns (the value of an `eval` expression).
    pub(crate) fn run_code_in(
        &mut self,
        code: Rc<Code>,
        globals: Rc<RefCell<Dict>>,
        names: Rc<RefCell<Dict>>,
    ) -> PyResult<Value> {
        if self.native_depth >= MAX_NATIVE_DEPTH || self.frames.len() >= self.recursion_limit {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let base = self.stack.len();
        let n = code.nlocalsplus();
        self.stack.resize(base + n, Value::Null);
        crate::stack_words::push_with(&mut self.frames, || Frame {
            code,
            globals,
            names: Some(names),
            base,
            ret_to: base,
            ip: 0,
            entry: true,
            generator: None,
        });
        self.run_called_frames()
    }

    /// Loads and runs a module code object as `__main__`. An uncaught exception's
    /// traceback is printed to the VM's stderr and returned as [`VmError::Uncaught`].
    pub fn run_code(
        &mut self,
        code: std::sync::Arc<pith_bytecode::CodeObject>,
    ) -> Result<(), VmError> {
        let code = Rc::new(Code::load(code)?);
        let globals = self.new_main_globals();
        crate::coro::finalize::forget_pending();
        self.register_main(&globals);
        self.install_site_builtins(&globals);
        self.sched.cur_level = self.native_depth + 1;
        let result = self.exec_module(code, globals.clone());
        if let Err(e) = &result {
            let _ = self.stdout.flush();
            if !e.is(ExcKind::SystemExit) {
                self.display_uncaught(e);
            } else {
                crate::builtins::print_system_exit(self, e);
            }
        }
        if self.main_file.is_some() {
            // CPython's `_PyRun_SimpleFileObject` takes back the names it set
            // once the program is over: finalizers no longer see them.
            for name in ["__file__", "__cached__"] {
                let removed = globals
                    .try_borrow_mut()
                    .ok()
                    .and_then(|mut g| g.remove_hashed(&Value::str(name), StrObj::new(name).hash()));
                drop(removed);
            }
        }
        self.shutdown_threads();
        crate::modules::atexit::run_exitfuncs(self);
        self.finalizing = Finalizing::Started;
        self.warn_unawaited_at_exit(&globals);
        if let Err(e) = &result {
            self.release_uncaught(e);
        }
        self.finalize_main(&globals);
        self.flush();
        result.map(|_| ()).map_err(VmError::Uncaught)
    }

    /// Reads a `.pyc` file and runs it like `python3 FILE.pyc`.
    pub fn run_pyc_file(&mut self, path: &std::path::Path) -> Result<(), VmError> {
        let bytes = std::fs::read(path).map_err(|source| VmError::Io {
            path: path.display().to_string(),
            source,
        })?;
        let pyc = pith_bytecode::read_pyc(&bytes)?;
        self.run_code(pyc.code)
    }

    /// Calls a callable from native code (builtins that call back into Python).
    pub fn call(&mut self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_with_kw(callable, args, &[], &[])
    }

    /// Calls a callable with keyword arguments from native code.
    pub fn call_with_kw(
        &mut self,
        callable: &Value,
        args: &[Value],
        kwnames: &[Value],
        kwvals: &[Value],
    ) -> PyResult<Value> {
        // A blocking native called from here cannot switch threads.
        self.sched.direct = false;
        match callable {
            Value::Function(f) => self.call_function(f, None, args, kwnames, kwvals),
            Value::Builtin(def) => crate::native::call_builtin(
                self,
                def,
                Args {
                    pos: args,
                    kwnames,
                    kwvals,
                },
            ),
            Value::BoundBuiltin(bb) => {
                if !kwnames.is_empty() {
                    crate::slots::refuse_keywords(bb.1, Some(&bb.0))?;
                }
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(bb.0.clone());
                all.extend_from_slice(args);
                (bb.1.func)(
                    self,
                    Args {
                        pos: &all,
                        kwnames,
                        kwvals,
                    },
                )
            }
            Value::Method(m) => match &m.1 {
                Value::Function(f) => self.call_function(f, Some(&m.0), args, kwnames, kwvals),
                func => {
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(m.0.clone());
                    all.extend_from_slice(args);
                    let func = func.clone();
                    self.call_with_kw(&func, &all, kwnames, kwvals)
                }
            },
            Value::Type(t) => crate::class::call_builtin_class(
                self,
                t,
                Args {
                    pos: args,
                    kwnames,
                    kwvals,
                },
            ),
            other => self.call_other(other, args, kwnames, kwvals),
        }
    }

    /// Calls the Python function `f` with `receiver` (a method's `self`)
    /// before `args`. A call whose arguments fill the parameters exactly is
    /// bound in place on the value stack, so it allocates nothing.
    pub(crate) fn call_function(
        &mut self,
        f: &Rc<Function>,
        receiver: Option<&Value>,
        args: &[Value],
        kwnames: &[Value],
        kwvals: &[Value],
    ) -> PyResult<Value> {
        self.sched.direct = false;
        if self.steps_left == 0 && !self.refill_steps() {
            return Err(PyErr::system_error("step limit exceeded"));
        }
        self.steps_left -= 1;
        let given = args.len() + usize::from(receiver.is_some());
        let in_place = {
            let code = f.code.borrow();
            (kwnames.is_empty() && code.simple_args && given == code.argcount)
                .then(|| code.nlocalsplus())
        };
        let base = self.stack.len();
        if let Some(nlocals) = in_place {
            if let Some(r) = receiver {
                self.stack.push(r.fast_clone());
            }
            self.stack.extend(args.iter().map(Value::fast_clone));
            self.complete_locals(f, base, given, nlocals);
            return self.run_function(f, base);
        }
        let locals = match receiver {
            Some(r) => {
                let mut all = Vec::with_capacity(given);
                all.push(r.clone());
                all.extend_from_slice(args);
                f.bind(&all, kwnames, kwvals)?
            }
            None => f.bind(args, kwnames, kwvals)?,
        };
        self.stack.extend(locals);
        self.run_function(f, base)
    }

    /// Runs `f` whose fast locals are already at `stack[base..]`.
    fn run_function(&mut self, f: &Rc<Function>, base: usize) -> PyResult<Value> {
        if self.native_depth >= MAX_NATIVE_DEPTH || self.frames.len() >= self.recursion_limit {
            self.stack.truncate(base);
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let code = f.code.borrow().clone();
        if code.flags.0 & GENERATOR_FLAGS != 0 {
            self.note_gen_names(f, &code);
        }
        crate::stack_words::push_with(&mut self.frames, || Frame {
            code,
            globals: f.globals.clone(),
            names: None,
            base,
            ret_to: base,
            ip: 0,
            entry: true,
            generator: None,
        });
        self.native_depth += 1;
        let r = self.run_frames();
        self.native_depth -= 1;
        r
    }

    /// Interns a name (attribute and global names are compared by pointer first).
    pub fn intern(&mut self, s: &str) -> Rc<StrObj> {
        crate::code::intern_text(s)
    }

    /// Writes program output (stdout).
    pub(crate) fn write_out(&mut self, s: &str) -> PyResult<()> {
        if crate::modules::io::stdio_codec::encodes_output(self) {
            return self.write_out_encoded(Value::str(s));
        }
        if let Some((codec, errors)) = self.stdio_codec {
            if !s.is_ascii() {
                let bytes = codec
                    .encode_with(s, errors)
                    .map_err(|m| PyErr::new(ExcKind::UnicodeEncodeError, m))?;
                return self
                    .stdout
                    .write_all(&bytes)
                    .map_err(|e| crate::oserror::from_io(&e, None));
            }
        }
        self.stdout
            .write_all(s.as_bytes())
            .map_err(|e| crate::oserror::from_io(&e, None))
    }

    /// Writes the str `s` to stdout through the registry codec of
    /// `PYTHONIOENCODING`.
    pub(crate) fn write_out_encoded(&mut self, s: Value) -> PyResult<()> {
        use crate::modules::io::stdio_codec::{encode, Out};
        let bytes = encode(self, Out::Stdout, s)?;
        self.stdout
            .write_all(&bytes)
            .map_err(|e| crate::oserror::from_io(&e, None))
    }

    /// Writes to stderr.
    pub(crate) fn write_err(&mut self, s: &str) {
        if crate::modules::io::stdio_codec::encodes_output(self) {
            use crate::modules::io::stdio_codec::{encode, Out};
            // stderr escapes what its encoding cannot write; an encoder
            // that fails anyway leaves the text unwritten, as nothing can
            // report it.
            if let Ok(bytes) = encode(self, Out::Stderr, Value::str(s)) {
                let _ = self.stderr.write_all(&bytes);
            }
            return;
        }
        if let Some((codec, _)) = self.stdio_codec {
            if !s.is_ascii() {
                // stderr always escapes what its encoding cannot write.
                let errors = crate::modules::io::stream::Errors::BackslashReplace;
                if let Ok(bytes) = codec.encode_with(s, errors) {
                    let _ = self.stderr.write_all(&bytes);
                }
                return;
            }
        }
        let _ = self.stderr.write_all(s.as_bytes());
    }
}
