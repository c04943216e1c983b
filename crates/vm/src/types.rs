//! Builtin type objects, including the exception hierarchy.
//!
//! Builtin types are immutable, so one set per thread is shared by every `Vm` on it;
//! this lets any code create an exception without a handle on the VM.

use std::rc::Rc;

use crate::value::Value;

/// What a type object is, for dispatch on builtin behaviour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeKind {
    /// `object`.
    Object,
    /// `type`.
    Type,
    /// `NoneType`.
    NoneType,
    /// `NotImplementedType`.
    NotImplementedType,
    /// `ellipsis`.
    Ellipsis,
    /// `bool`.
    Bool,
    /// `int`.
    Int,
    /// `float`.
    Float,
    /// `str`.
    Str,
    /// `bytes`.
    Bytes,
    /// `tuple`.
    Tuple,
    /// `list`.
    List,
    /// `dict`.
    Dict,
    /// `set`.
    Set,
    /// `frozenset`.
    FrozenSet,
    /// `range`.
    Range,
    /// `slice`.
    Slice,
    /// `function`.
    Function,
    /// `builtin_function_or_method`.
    BuiltinFunction,
    /// `method_descriptor`.
    MethodDescriptor,
    /// `classmethod_descriptor`: a builtin class method in its class's dict
    /// (`dict.__dict__['fromkeys']`).
    ClassMethodDescriptor,
    /// `wrapper_descriptor`: a builtin class's special method (`int.__add__`).
    WrapperDescriptor,
    /// `method-wrapper`: a slot wrapper bound to an object (`(1).__add__`).
    MethodWrapper,
    /// `method`.
    Method,
    /// `cell`.
    Cell,
    /// `code`.
    Code,
    /// `generator`.
    Generator,
    /// `module`.
    Module,
    /// `dict_keys`.
    DictKeys,
    /// `dict_values`.
    DictValues,
    /// `dict_items`.
    DictItems,
    /// Iterator types (named individually).
    Iterator,
    /// `enumerate`.
    Enumerate,
    /// `zip`.
    Zip,
    /// `map`.
    Map,
    /// `filter`.
    Filter,
    /// `reversed`.
    Reversed,
    /// An exception class.
    Exception(ExcKind),
    /// `complex`.
    Complex,
    /// `bytearray`.
    ByteArray,
    /// `memoryview`.
    MemoryView,
    /// `property`.
    Property,
    /// `classmethod`.
    ClassMethod,
    /// `staticmethod`.
    StaticMethod,
    /// `super`.
    Super,
    /// `traceback`.
    Traceback,
    /// `frame`.
    Frame,
    /// `mappingproxy`.
    MappingProxy,
}

/// A type object.
#[derive(Debug)]
pub struct TypeObj {
    /// `__name__`.
    pub name: String,
    /// Builtin behaviour.
    pub kind: TypeKind,
    /// `__base__` (`None` only for `object`).
    pub base: Option<Rc<TypeObj>>,
    /// What a class statement adds: dict, bases, MRO (`None` for builtin types).
    pub heap: Option<Box<crate::class::HeapType>>,
}

impl TypeObj {
    /// Whether `self` is `other` or a subclass of it.
    pub fn is_subtype(self: &Rc<TypeObj>, other: &Rc<TypeObj>) -> bool {
        if let Some(h) = &self.heap {
            return Rc::ptr_eq(self, other) || h.mro.borrow().iter().any(|t| Rc::ptr_eq(t, other));
        }
        let mut t = Some(self);
        while let Some(cur) = t {
            if Rc::ptr_eq(cur, other) {
                return true;
            }
            t = cur.base.as_ref();
        }
        // `ExceptionGroup` is the one builtin class with two bases.
        crate::exc_group::is_extra_base(self, other)
    }
}

macro_rules! exceptions {
    ($( $name:ident : $base:ident ),* $(,)?) => {
        /// The builtin exception classes.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum ExcKind {
            /// `BaseException`.
            BaseException,
            $(
                #[doc = concat!("`", stringify!($name), "`")]
                $name,
            )*
        }

        impl ExcKind {
            /// Every kind, parents before children.
            pub const ALL: &'static [ExcKind] = &[ExcKind::BaseException, $( ExcKind::$name ),*];

            /// The class name.
            pub fn name(self) -> &'static str {
                match self {
                    ExcKind::BaseException => "BaseException",
                    $( ExcKind::$name => stringify!($name), )*
                }
            }

            /// The parent class.
            pub fn base(self) -> Option<ExcKind> {
                match self {
                    ExcKind::BaseException => None,
                    $( ExcKind::$name => Some(ExcKind::$base), )*
                }
            }
        }
    };
}

exceptions! {
    BaseExceptionGroup: BaseException,
    GeneratorExit: BaseException,
    KeyboardInterrupt: BaseException,
    SystemExit: BaseException,
    Exception: BaseException,
    ExceptionGroup: BaseExceptionGroup,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    FileNotFoundError: OSError,
    FileExistsError: OSError,
    PermissionError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    BlockingIOError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    StopAsyncIteration: Exception,
    StopIteration: Exception,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    Warning: Exception,
    DeprecationWarning: Warning,
    RuntimeWarning: Warning,
    UserWarning: Warning,
    ChildProcessError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    InterruptedError: OSError,
    ProcessLookupError: OSError,
    TimeoutError: OSError,
    UnicodeTranslateError: UnicodeError,
    SyntaxWarning: Warning,
    FutureWarning: Warning,
    PendingDeprecationWarning: Warning,
    ImportWarning: Warning,
    UnicodeWarning: Warning,
    BytesWarning: Warning,
    ResourceWarning: Warning,
    EncodingWarning: Warning,
}

/// Plain builtin types, in registry order.
const PLAIN: &[(TypeKind, &str)] = &[
    (TypeKind::Object, "object"),
    (TypeKind::Type, "type"),
    (TypeKind::NoneType, "NoneType"),
    (TypeKind::NotImplementedType, "NotImplementedType"),
    (TypeKind::Ellipsis, "ellipsis"),
    (TypeKind::Int, "int"),
    (TypeKind::Bool, "bool"),
    (TypeKind::Float, "float"),
    (TypeKind::Str, "str"),
    (TypeKind::Bytes, "bytes"),
    (TypeKind::Tuple, "tuple"),
    (TypeKind::List, "list"),
    (TypeKind::Dict, "dict"),
    (TypeKind::Set, "set"),
    (TypeKind::FrozenSet, "frozenset"),
    (TypeKind::Range, "range"),
    (TypeKind::Slice, "slice"),
    (TypeKind::Function, "function"),
    (TypeKind::BuiltinFunction, "builtin_function_or_method"),
    (TypeKind::MethodDescriptor, "method_descriptor"),
    (TypeKind::ClassMethodDescriptor, "classmethod_descriptor"),
    (TypeKind::WrapperDescriptor, "wrapper_descriptor"),
    (TypeKind::MethodWrapper, "method-wrapper"),
    (TypeKind::Method, "method"),
    (TypeKind::Cell, "cell"),
    (TypeKind::Code, "code"),
    (TypeKind::Generator, "generator"),
    (TypeKind::Module, "module"),
    (TypeKind::DictKeys, "dict_keys"),
    (TypeKind::DictValues, "dict_values"),
    (TypeKind::DictItems, "dict_items"),
    (TypeKind::Enumerate, "enumerate"),
    (TypeKind::Zip, "zip"),
    (TypeKind::Map, "map"),
    (TypeKind::Filter, "filter"),
    (TypeKind::Reversed, "reversed"),
    (TypeKind::Complex, "complex"),
    (TypeKind::ByteArray, "bytearray"),
    (TypeKind::MemoryView, "memoryview"),
    (TypeKind::Property, "property"),
    (TypeKind::ClassMethod, "classmethod"),
    (TypeKind::StaticMethod, "staticmethod"),
    (TypeKind::Super, "super"),
    (TypeKind::Traceback, "traceback"),
    (TypeKind::Frame, "frame"),
    (TypeKind::MappingProxy, "mappingproxy"),
];

struct Registry {
    plain: Vec<Rc<TypeObj>>,
    exc: Vec<Rc<TypeObj>>,
    iter: std::cell::RefCell<Vec<Rc<TypeObj>>>,
}

impl Registry {
    fn new() -> Registry {
        let mut plain: Vec<Rc<TypeObj>> = Vec::with_capacity(PLAIN.len());
        for &(kind, name) in PLAIN {
            let base = match kind {
                TypeKind::Object => None,
                TypeKind::Bool => plain.get(5).cloned(),
                _ => plain.first().cloned(),
            };
            plain.push(Rc::new(TypeObj {
                name: name.to_string(),
                kind,
                base,
                heap: None,
            }));
        }
        let mut exc: Vec<Rc<TypeObj>> = Vec::with_capacity(ExcKind::ALL.len());
        for &k in ExcKind::ALL {
            let base = match k.base() {
                Some(b) => exc.get(b as usize).cloned(),
                None => plain.first().cloned(),
            };
            exc.push(Rc::new(TypeObj {
                name: k.name().to_string(),
                kind: TypeKind::Exception(k),
                base,
                heap: None,
            }));
        }
        Registry {
            plain,
            exc,
            iter: std::cell::RefCell::new(Vec::new()),
        }
    }
}

thread_local! {
    static REGISTRY: Registry = Registry::new();
}

/// The builtin type object for `kind`.
pub fn builtin_type(kind: TypeKind) -> Rc<TypeObj> {
    if let TypeKind::Exception(k) = kind {
        return exc_type(k);
    }
    REGISTRY.with(|r| {
        let pos = PLAIN.iter().position(|&(k, _)| k == kind).unwrap_or(0);
        r.plain[pos].clone()
    })
}

/// The builtin classes other than the exceptions, in their table's order.
pub(crate) fn plain_types() -> Vec<Rc<TypeObj>> {
    REGISTRY.with(|r| r.plain.clone())
}

/// The builtin class named `name` (`int`, `dict`, `ValueError`, ...), if any.
pub fn builtin_type_named(name: &str) -> Option<Rc<TypeObj>> {
    if let Some(&(kind, _)) = PLAIN.iter().find(|&&(_, n)| n == name) {
        return Some(builtin_type(kind));
    }
    ExcKind::ALL
        .iter()
        .find(|k| k.name() == name)
        .map(|&k| exc_type(k))
}

/// The class of a builtin exception.
pub fn exc_type(kind: ExcKind) -> Rc<TypeObj> {
    REGISTRY.with(|r| r.exc[kind as usize].clone())
}

/// An iterator type by name (`list_iterator`, `range_iterator`, ...).
pub fn iter_type(name: &'static str) -> Rc<TypeObj> {
    REGISTRY.with(|r| {
        let mut v = r.iter.borrow_mut();
        if let Some(t) = v.iter().find(|t| t.name == name) {
            return t.clone();
        }
        let t = Rc::new(TypeObj {
            name: name.to_string(),
            kind: TypeKind::Iterator,
            base: r.plain.first().cloned(),
            heap: None,
        });
        v.push(t.clone());
        t
    })
}

/// The type of a value.
pub fn type_of(v: &Value) -> Rc<TypeObj> {
    match v {
        Value::Exception(e) => e.typ.clone(),
        Value::Instance(i) => i.class(),
        Value::Type(t) => crate::class::metatype(t),
        Value::Iter(it) => match it.try_borrow() {
            Ok(it) => match it.type_kind() {
                TypeKind::Iterator => iter_type(it.type_name()),
                k => builtin_type(k),
            },
            Err(_) => iter_type("iterator"),
        },
        Value::Async(a) => iter_type(a.type_name()),
        _ => builtin_type(plain_kind(v)),
    }
}

fn plain_kind(v: &Value) -> TypeKind {
    match v {
        Value::Null | Value::None => TypeKind::NoneType,
        Value::NotImplemented => TypeKind::NotImplementedType,
        Value::Ellipsis => TypeKind::Ellipsis,
        Value::Bool(_) => TypeKind::Bool,
        Value::Int(_) | Value::BigInt(_) => TypeKind::Int,
        Value::Float(_) => TypeKind::Float,
        Value::Str(_) => TypeKind::Str,
        Value::Bytes(_) => TypeKind::Bytes,
        Value::Tuple(_) => TypeKind::Tuple,
        Value::List(_) => TypeKind::List,
        Value::Dict(_) => TypeKind::Dict,
        Value::Set(_) => TypeKind::Set,
        Value::FrozenSet(_) => TypeKind::FrozenSet,
        Value::Range(_) => TypeKind::Range,
        Value::Slice(_) => TypeKind::Slice,
        Value::Function(_) => TypeKind::Function,
        Value::Builtin(b) if crate::slots::is_slot_wrapper(b) => TypeKind::WrapperDescriptor,
        Value::Builtin(b) if b.is_method => TypeKind::MethodDescriptor,
        Value::Builtin(b) if crate::methods::is_classmethod(b) => TypeKind::ClassMethodDescriptor,
        Value::BoundBuiltin(b) if crate::slots::is_slot_wrapper(b.1) => TypeKind::MethodWrapper,
        Value::Builtin(_) | Value::BoundBuiltin(_) => TypeKind::BuiltinFunction,
        Value::Method(_) => TypeKind::Method,
        Value::Type(_) => TypeKind::Type,
        Value::Cell(_) => TypeKind::Cell,
        Value::Code(_) => TypeKind::Code,
        Value::Generator(_) => TypeKind::Generator,
        Value::Module(_) => TypeKind::Module,
        Value::DictView(v) => match v.1 {
            crate::iter::DictPart::Keys => TypeKind::DictKeys,
            crate::iter::DictPart::Values => TypeKind::DictValues,
            crate::iter::DictPart::Items => TypeKind::DictItems,
        },
        Value::Complex(_) => TypeKind::Complex,
        Value::ByteArray(_) => TypeKind::ByteArray,
        Value::MemoryView(_) => TypeKind::MemoryView,
        Value::Descr(d) => d.kind(),
        Value::Traceback(_) => TypeKind::Traceback,
        Value::Frame(_) => TypeKind::Frame,
        Value::Exception(_) | Value::Iter(_) | Value::Instance(_) | Value::Async(_) => {
            TypeKind::Object
        }
    }
}

/// The type named in Argument Clinic's "must be X, not Y" errors
/// (`_PyArg_BadArgument`): `None` for `None`, else the type's name.
pub fn arg_type_name(v: &Value) -> std::borrow::Cow<'_, str> {
    match v {
        Value::None => "None".into(),
        _ => type_name(v),
    }
}

/// The type name of a value, for error messages.
pub fn type_name(v: &Value) -> std::borrow::Cow<'_, str> {
    match v {
        Value::Exception(e) => e.typ.name.as_str().into(),
        Value::Instance(i) => i.class().name.clone().into(),
        Value::Iter(_) | Value::Async(_) => type_of(v).name.clone().into(),
        Value::Type(t) if t.heap.as_ref().is_some_and(|h| h.meta.is_some()) => {
            type_of(v).name.clone().into()
        }
        _ => PLAIN
            .iter()
            .find(|&&(k, _)| k == plain_kind(v))
            .map_or("object", |&(_, n)| n)
            .into(),
    }
}
