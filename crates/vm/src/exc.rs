//! Exception instances and the error type every fallible operation returns.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::code::Code;
use crate::types::{exc_type, ExcKind, TypeKind, TypeObj};
use crate::value::Value;

/// One traceback entry: a frame's code and the instruction that was running.
#[derive(Clone, Debug)]
pub struct TbEntry {
    /// The frame's code.
    pub code: Rc<Code>,
    /// Index of the instruction in the decoded code.
    pub ip: u32,
    /// Index of the frame's last instruction when it left the stack (the
    /// `RERAISE` of a handler that did not match, ...): what `f_lineno` of
    /// the finished frame reads, where `tb_lineno` reads `ip`.
    pub frame_ip: u32,
    /// The frame's index in the call stack (0: outermost), to find it while it runs.
    pub depth: u32,
    /// The frame's globals (for `tb_frame.f_globals`).
    pub globals: Rc<RefCell<crate::dict::Dict>>,
    /// `tb_lasti` and `tb_lineno` as `types.TracebackType(...)` was given
    /// them: they stand for `ip`, which then only names the frame's place.
    pub given: Option<GivenPos>,
    /// The frame's fast locals (arguments, locals, cells and free variables
    /// by `co_localsplusnames`, `Null` where unbound) when this exception
    /// carried it off the stack: a tuple, or a list (which the cycle
    /// collector tracks) when a local may hold the exception. CPython's traceback keeps the
    /// frame object, which owns the locals from then on (`take_ownership`):
    /// they live, and `tb_frame.f_locals` reads them, while the traceback does.
    pub locals: Option<Value>,
}

/// The position a traceback object made by Python code names.
#[derive(Clone, Copy, Debug)]
pub struct GivenPos {
    /// `tb_lasti`: a byte offset in `co_code` (any C int).
    pub lasti: i32,
    /// `tb_lineno` (any C int).
    pub lineno: i32,
}

impl TbEntry {
    /// The line `tb_lineno` reads and a traceback prints (-1 for none).
    pub fn lineno(&self) -> i32 {
        match self.given {
            Some(g) => g.lineno,
            None => self.code.positions(self.ip).0.unwrap_or(-1),
        }
    }

    /// The source span of the entry's instruction, for the caret line
    /// (`PyCode_Addr2Location` at `tb_lasti`).
    pub fn positions(&self) -> pith_bytecode::location::Positions {
        let Some(g) = self.given else {
            return self.code.positions(self.ip);
        };
        let Ok(offset) = usize::try_from(g.lasti) else {
            return (None, None, None, None);
        };
        pith_bytecode::location::co_positions(&self.code.raw.linetable, self.code.raw.firstlineno)
            .get(offset / 2)
            .copied()
            .unwrap_or((None, None, None, None))
    }
}

/// An exception instance.
#[derive(Debug)]
pub struct ExcObj {
    /// Its class.
    pub typ: Rc<TypeObj>,
    /// `args`.
    pub args: RefCell<Rc<Vec<Value>>>,
    /// `__context__`.
    pub context: RefCell<Option<Rc<ExcObj>>>,
    /// `__cause__`.
    pub cause: RefCell<Option<Rc<ExcObj>>>,
    /// `__suppress_context__`.
    pub suppress_context: Cell<bool>,
    /// `__traceback__`, innermost entry last.
    pub traceback: RefCell<Vec<TbEntry>>,
    /// For `NameError`: names visible where it was raised, for "Did you mean" hints.
    pub name_hint: RefCell<Option<NameHint>>,
    /// `name` and `obj` of a `NameError` or `AttributeError` (CPython's
    /// member slots; `obj` is unused by `NameError`). `None` until set.
    pub name_obj: RefCell<Option<Box<(Value, Value)>>>,
    /// `__dict__`, made on the first attribute write.
    pub dict: RefCell<Option<Rc<RefCell<crate::dict::Dict>>>>,
    /// The message and sub-exceptions of a `BaseExceptionGroup`.
    pub group: Option<Rc<crate::exc_group::Group>>,
    /// The `__traceback__` object last handed out, with the entry count it covers.
    pub tb_obj: RefCell<Option<(usize, Value)>>,
    /// Set when the next frame to unwind with this exception must not chain
    /// its `__context__`: it is propagating out of a nested run of the eval
    /// loop (a Python frame called from Rust), raised already, or it is thrown
    /// into a generator, which chained it itself. CPython sets the context
    /// only where an exception is raised.
    pub escaped: Cell<bool>,
}

/// What a `NameError` needs to suggest a similar name when it is printed.
#[derive(Clone, Debug)]
pub struct NameHint {
    /// The missing name.
    pub name: Rc<str>,
    /// Candidate names in lookup order: locals, globals, builtins.
    pub candidates: Vec<Vec<Rc<str>>>,
    /// Whether to check the local-variable rule of `self.name` (unused for now).
    pub is_attribute: bool,
}

impl ExcObj {
    /// Takes the frame locals its traceback entries keep
    /// ([`TbEntry::locals`]), for the caller to drop when it may run
    /// finalizers.
    pub(crate) fn take_frame_locals(&self) -> Vec<Value> {
        match self.traceback.try_borrow_mut() {
            Ok(mut entries) => entries.iter_mut().filter_map(|x| x.locals.take()).collect(),
            Err(_) => Vec::new(),
        }
    }

    /// A member such as `StopIteration.value` or `SystemExit.code` after a
    /// store to it (kept in `__dict__`); until then it is read from `args`.
    pub fn stored_member(&self, name: &str) -> Option<Value> {
        let d = self.dict.borrow().clone()?;
        let v = d.borrow().get(&Value::str(name)).ok().flatten().cloned();
        v
    }

    /// A new instance of `typ` with `args`.
    pub fn new(typ: Rc<TypeObj>, args: Vec<Value>) -> ExcObj {
        ExcObj {
            typ,
            args: RefCell::new(Rc::new(args)),
            context: RefCell::new(None),
            cause: RefCell::new(None),
            suppress_context: Cell::new(false),
            traceback: RefCell::new(Vec::new()),
            name_hint: RefCell::new(None),
            name_obj: RefCell::new(None),
            dict: RefCell::new(None),
            group: None,
            tb_obj: RefCell::new(None),
            escaped: Cell::new(false),
        }
    }

    /// `__dict__` (created on first use).
    pub fn dict(&self) -> Rc<RefCell<crate::dict::Dict>> {
        self.dict
            .borrow_mut()
            .get_or_insert_with(|| Rc::new(RefCell::new(crate::dict::Dict::new())))
            .clone()
    }

    /// The builtin kind of its nearest builtin class.
    pub fn kind(&self) -> ExcKind {
        let mut t = Some(&self.typ);
        while let Some(cur) = t {
            if let TypeKind::Exception(k) = cur.kind {
                return k;
            }
            t = cur.base.as_ref();
        }
        ExcKind::BaseException
    }

    /// Whether it is an instance of the builtin class `kind` (or a subclass).
    pub fn is_instance(&self, kind: ExcKind) -> bool {
        self.typ.is_subtype(&exc_type(kind))
    }
}

impl Drop for ExcObj {
    fn drop(&mut self) {
        // A loop of handlers links exceptions into a `__context__` chain as long
        // as the loop; unlink it iteratively instead of by recursive drops.
        let mut pending: Vec<Rc<ExcObj>> = Vec::new();
        pending.extend(self.context.get_mut().take());
        pending.extend(self.cause.get_mut().take());
        crate::exc_group::take_members(self.group.take(), self.args.get_mut(), &mut pending);
        while let Some(e) = pending.pop() {
            if let Ok(mut inner) = Rc::try_unwrap(e) {
                pending.extend(inner.context.get_mut().take());
                pending.extend(inner.cause.get_mut().take());
                crate::exc_group::take_members(
                    inner.group.take(),
                    inner.args.get_mut(),
                    &mut pending,
                );
            }
        }
    }
}

/// A raised Python exception.
#[derive(Clone, Debug)]
pub struct PyErr(pub Rc<ExcObj>);

impl PyErr {
    /// Sets `name` (and, for `AttributeError`, `obj`) as CPython does on the
    /// errors of a failed name or attribute lookup.
    pub fn with_name_obj(self, name: Value, obj: Value) -> PyErr {
        *self.0.name_obj.borrow_mut() = Some(Box::new((name, obj)));
        self
    }
}

/// The result of an operation that may raise.
pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    /// A new exception of a builtin class with one message argument.
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> PyErr {
        PyErr::with_args(kind, vec![Value::string(msg.into())])
    }

    /// A new exception of a builtin class with arbitrary arguments.
    pub fn with_args(kind: ExcKind, args: Vec<Value>) -> PyErr {
        PyErr(Rc::new(ExcObj::new(exc_type(kind), args)))
    }

    /// `TypeError(msg)`.
    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::TypeError, msg)
    }

    /// `ValueError(msg)`.
    pub fn value_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ValueError, msg)
    }

    /// `IndexError(msg)`.
    pub fn index_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::IndexError, msg)
    }

    /// `ZeroDivisionError(msg)`.
    pub fn zero_division(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ZeroDivisionError, msg)
    }

    /// `OverflowError(msg)`.
    pub fn overflow(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::OverflowError, msg)
    }

    /// `KeyError(key)`.
    pub fn key_error(key: Value) -> PyErr {
        PyErr::with_args(ExcKind::KeyError, vec![key])
    }

    /// `SystemError(msg)`, for malformed bytecode.
    pub fn system_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::SystemError, msg)
    }

    /// The exception as a value.
    pub fn value(&self) -> Value {
        Value::Exception(self.0.clone())
    }

    /// Whether it is an instance of the builtin class `kind`.
    pub fn is(&self, kind: ExcKind) -> bool {
        self.0.is_instance(kind)
    }
}
