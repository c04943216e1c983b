//! Special methods of builtin classes as Python code reaches them through the
//! MRO of a subclass (`super().__getitem__(k)` in a `dict` subclass): wrappers
//! that run the builtin operation on the instance's builtin payload.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::instance::payload_of;
use crate::names::D;
use crate::ops::{self, CmpOp};
use crate::slot_binops as b;
use crate::types::{ExcKind, TypeKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

/// The value builtin operations see: the payload of a builtin-subclass instance.
fn unwrap(v: &Value) -> &Value {
    payload_of(v).unwrap_or(v)
}

macro_rules! slot_wrappers {
    ($( $name:literal => $f:path ),* $(,)?) => {
        static SLOT_WRAPPERS: &[BuiltinDef] = &[
            $( BuiltinDef { name: $name, func: $f, owner: "builtin", is_method: true }, )*
        ];
    };
}

slot_wrappers! {
    "__getitem__" => w_getitem, "__setitem__" => w_setitem, "__delitem__" => w_delitem,
    "__len__" => w_len, "__contains__" => w_contains, "__iter__" => w_iter,
    "__repr__" => w_repr, "__str__" => w_str, "__hash__" => w_hash, "__eq__" => w_eq,
    "__ne__" => w_ne, "__lt__" => w_lt, "__le__" => w_le, "__gt__" => w_gt, "__ge__" => w_ge,
    "__add__" => b::w_add, "__sub__" => b::w_sub, "__mul__" => b::w_mul,
    "__truediv__" => b::w_truediv, "__floordiv__" => b::w_floordiv, "__mod__" => b::w_mod,
    "__pow__" => b::w_pow, "__neg__" => w_neg, "__format__" => w_format, "__init__" => w_init,
    "__new__" => w_new, "__radd__" => b::w_radd, "__rsub__" => b::w_rsub,
    "__rmul__" => b::w_rmul, "__rtruediv__" => b::w_rtruediv,
    "__rfloordiv__" => b::w_rfloordiv, "__rmod__" => b::w_rmod, "__rpow__" => b::w_rpow,
    "__and__" => b::w_and, "__or__" => b::w_or, "__xor__" => b::w_xor,
    "__lshift__" => b::w_lshift, "__rshift__" => b::w_rshift, "__rand__" => b::w_rand,
    "__ror__" => b::w_ror, "__rxor__" => b::w_rxor, "__rlshift__" => b::w_rlshift,
    "__rrshift__" => b::w_rrshift, "__pos__" => w_pos, "__invert__" => w_invert,
    "__abs__" => w_abs, "__iadd__" => b::w_iadd, "__imul__" => b::w_imul,
    "__isub__" => b::w_isub, "__iand__" => b::w_iand, "__ior__" => b::w_ior,
    "__ixor__" => b::w_ixor, "__divmod__" => b::w_divmod, "__rdivmod__" => b::w_rdivmod,
    "__reversed__" => b::w_reversed, "__bool__" => w_bool, "__int__" => w_int,
    "__float__" => w_float, "__index__" => w_index,
    "__get__" => crate::descr_protocol::descr_get, "__set__" => crate::descr_protocol::descr_set,
    "__delete__" => crate::descr_protocol::descr_delete,
    "__call__" => crate::descr_protocol::descr_call,
}

/// The wrapper of special method `d` for the builtin class `t`, if `t` has it.
pub fn slot_wrapper(t: &Rc<TypeObj>, d: D) -> Option<&'static BuiltinDef> {
    use TypeKind as K;
    if matches!(t.kind, K::Exception(_) | K::Object | K::Type) {
        // These classes have their own method tables (`class.rs`).
        return None;
    }
    if t.kind == K::Iterator && crate::coro::table_named(&t.name).is_some() {
        // Coroutines and their awaitables: their method tables say it all.
        return None;
    }
    if matches!(
        t.kind,
        K::Iterator | K::Enumerate | K::Zip | K::Map | K::Filter | K::Reversed | K::Generator
    ) {
        // The iterator types: `map.__next__`, `super().__next__()` in a subclass.
        match d {
            D::Next => return Some(&ITER_WRAPPERS[0]),
            D::Iter => return Some(&ITER_WRAPPERS[1]),
            _ => {}
        }
    }
    let container = matches!(
        t.kind,
        K::Str
            | K::Bytes
            | K::ByteArray
            | K::Tuple
            | K::List
            | K::Dict
            | K::Set
            | K::FrozenSet
            | K::Range
    );
    let number = matches!(t.kind, K::Int | K::Float | K::Bool);
    // The dict views: `Reversible` and `Set` look for these in their dicts.
    let views = matches!(t.kind, K::DictKeys | K::DictValues | K::DictItems);
    let set_views = matches!(t.kind, K::DictKeys | K::DictItems);
    let ok = match d {
        D::Len | D::Iter | D::Reversed if views => true,
        D::Contains | D::Sub | D::RSub | D::And | D::RAnd | D::Or | D::ROr | D::Xor | D::RXor
            if set_views =>
        {
            true
        }
        D::GetItem | D::SetItem | D::DelItem | D::Len | D::Iter if t.kind == K::MemoryView => true,
        D::GetItem => container && !matches!(t.kind, K::Set | K::FrozenSet),
        D::SetItem | D::DelItem => matches!(t.kind, K::List | K::Dict | K::ByteArray),
        D::Len | D::Contains | D::Iter => container,
        D::Hash => !unhashable(t),
        // `tp_str` is filled only by str, bytes and bytearray (and the
        // exceptions, with their own tables): `int.__str__ is object.__str__`,
        // so a number subclass's `__repr__` also gives its `str()`.
        D::Str => matches!(t.kind, K::Str | K::Bytes | K::ByteArray),
        D::Repr | D::Eq | D::Ne | D::Lt | D::Le | D::Gt | D::Ge | D::Format | D::Init | D::New => {
            !matches!(t.kind, K::Object)
        }
        D::Add | D::Mul | D::RMul => {
            number
                || matches!(
                    t.kind,
                    K::Complex | K::Str | K::List | K::Tuple | K::Bytes | K::ByteArray
                )
        }
        D::Mod | D::RMod => number || matches!(t.kind, K::Str | K::Bytes | K::ByteArray),
        D::Sub | D::RSub => number || matches!(t.kind, K::Complex | K::Set | K::FrozenSet),
        D::TrueDiv | D::RTrueDiv | D::Pow | D::RPow | D::Neg | D::Pos | D::Abs | D::RAdd => {
            number || t.kind == K::Complex
        }
        D::FloorDiv | D::RFloorDiv | D::Divmod | D::RDivmod => number,
        D::And | D::Xor | D::RAnd | D::RXor => {
            matches!(t.kind, K::Int | K::Bool | K::Set | K::FrozenSet)
        }
        D::Or | D::ROr => matches!(t.kind, K::Int | K::Bool | K::Set | K::FrozenSet | K::Dict),
        D::LShift | D::RShift | D::RLShift | D::RRShift | D::Invert => {
            matches!(t.kind, K::Int | K::Bool)
        }
        D::IAdd | D::IMul => matches!(t.kind, K::List | K::ByteArray),
        D::ISub | D::IAnd | D::IXor => t.kind == K::Set,
        D::IOr => matches!(t.kind, K::Set | K::Dict),
        D::Reversed => matches!(t.kind, K::List | K::Dict),
        // `nb_bool`, `nb_int`, `nb_float` and `nb_index` of the numbers.
        D::Bool => number || matches!(t.kind, K::Complex | K::NoneType),
        D::Int | D::Float => number,
        D::Index => matches!(t.kind, K::Int | K::Bool),
        // `tp_descr_get`/`tp_descr_set` of the builtin descriptors
        // (`inspect.isdatadescriptor` asks their classes).
        D::Get => matches!(
            t.kind,
            K::Property
                | K::ClassMethod
                | K::StaticMethod
                | K::Function
                | K::MethodDescriptor
                | K::ClassMethodDescriptor
                | K::WrapperDescriptor
        ),
        D::Set | D::Delete => t.kind == K::Property,
        D::Call => t.kind == K::StaticMethod,
        _ => false,
    };
    if !ok {
        return None;
    }
    let shared = SLOT_WRAPPERS.iter().find(|w| w.name == d.as_str())?;
    Some(per_class(&t.name, shared))
}

/// Whether instances of the builtin class `t` are unhashable: its
/// `__hash__` is `None` (`list.__hash__ is None`).
pub fn unhashable(t: &TypeObj) -> bool {
    matches!(
        t.kind,
        TypeKind::List | TypeKind::Dict | TypeKind::Set | TypeKind::ByteArray
    )
}

/// Per slot name, the copy of its wrapper for each class name.
type PerClass = HashMap<&'static str, HashMap<String, &'static BuiltinDef>>;

thread_local! {
    /// One copy of each wrapper per class name, made on first use.
    static PER_CLASS: RefCell<PerClass> = RefCell::new(HashMap::new());
}

/// The wrapper as an object of its own for each class: in CPython
/// `dict.__repr__ is list.__repr__` is false, and code keys tables by these
/// objects (`pprint` dispatches on `type(obj).__repr__`). The copies are
/// leaked on purpose: there is at most one per builtin class and slot. A
/// lookup that finds its copy allocates nothing.
fn per_class(class: &str, shared: &'static BuiltinDef) -> &'static BuiltinDef {
    PER_CLASS.with(|m| {
        let mut m = m.borrow_mut();
        let copies = m.entry(shared.name).or_default();
        if let Some(&def) = copies.get(class) {
            return def;
        }
        // `builtin:int`: still a shared slot wrapper to the callers that
        // test the owner, but named after its class in reprs.
        let owner: &'static str = Box::leak(format!("builtin:{class}").into_boxed_str());
        let def: &'static BuiltinDef = Box::leak(Box::new(BuiltinDef {
            name: shared.name,
            func: shared.func,
            owner,
            is_method: shared.is_method,
        }));
        copies.insert(class.to_string(), def);
        def
    })
}

/// Whether `def` is one of the shared slot wrappers above, which take a
/// builtin-subclass instance and operate on its payload.
pub fn unwraps_payload(def: &BuiltinDef) -> bool {
    (def.owner == "builtin" || def.owner.starts_with("builtin:"))
        && SLOT_WRAPPERS.iter().any(|w| w.name == def.name)
}

/// `[1].__len__` and the like: a builtin value's special method, bound.
pub fn bound_slot_wrapper(obj: &Value, name: &str) -> Option<Value> {
    if !name.starts_with("__") || matches!(obj, Value::Type(_) | Value::Module(_)) {
        return None;
    }
    let def = match (obj, name) {
        (Value::Iter(_) | Value::Generator(_), "__next__") => &ITER_WRAPPERS[0],
        (Value::Iter(_) | Value::Generator(_), "__iter__") => &ITER_WRAPPERS[1],
        (Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::ByteArray(_), "__init__") => {
            crate::base_methods::container_init_def()
        }
        (Value::Iter(_), "__length_hint__")
            if crate::modules::length_hint::has_hint_method(obj) =>
        {
            &crate::modules::length_hint::ITER_LENGTH_HINT
        }
        _ => {
            let t = crate::types::type_of(obj);
            if name == "__hash__" && unhashable(&t) {
                return Some(Value::None);
            }
            let d = D::from_name(name)?;
            let def = slot_wrapper(&t, d)?;
            if d == D::New {
                return Some(crate::new_wrapper::bound_new(&t, def));
            }
            def
        }
    };
    Some(Value::BoundBuiltin(Rc::new((obj.clone(), def))))
}

/// `__next__` and `__iter__` of builtin iterators.
static ITER_WRAPPERS: [BuiltinDef; 2] = [
    BuiltinDef {
        name: "__next__",
        func: w_next,
        owner: "iterator",
        is_method: true,
    },
    BuiltinDef {
        name: "__iter__",
        func: w_iter_self,
        owner: "iterator",
        is_method: true,
    },
];

fn w_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if let Value::Generator(g) = unary(&a)? {
        return match vm.resume(g, Value::None)? {
            crate::gen::GenResult::Yielded(v) => Ok(v),
            crate::gen::GenResult::Returned(v) => Err(crate::gen::stop_iteration(v)),
        };
    }
    match vm.iter_next(unary(&a)?)? {
        Some(v) => Ok(v),
        None => Err(PyErr::with_args(ExcKind::StopIteration, Vec::new())),
    }
}

fn w_iter_self(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    unary(&a).cloned()
}

fn recv<'a>(a: &Args<'a>) -> PyResult<&'a Value> {
    a.pos
        .first()
        .map(unwrap)
        .ok_or_else(|| PyErr::type_error("slot wrapper needs an argument"))
}

/// The receiver of a wrapper that takes no arguments besides it
/// (`wrap_unaryfunc`, `wrap_lenfunc`...), with `check_num_args`' message.
fn unary<'a>(a: &Args<'a>) -> PyResult<&'a Value> {
    let extra = a.pos.len().saturating_sub(1);
    if extra > 0 {
        return Err(PyErr::type_error(format!(
            "expected 0 arguments, got {extra}"
        )));
    }
    recv(a)
}

/// The argument of a wrapper that takes exactly one besides the receiver,
/// counted as `check_num_args` does. The classes that define the method
/// explicitly (`METH_O | METH_COEXIST`: `dict.__contains__`, ...) word it as
/// a method.
fn arg1<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match a.pos {
        [_, y] => Ok(y),
        _ => {
            let got = a.pos.len().saturating_sub(1);
            let class = explicit_method_class(a.pos.first(), name);
            Err(PyErr::type_error(match class {
                Some(c) => format!("{c}.{name}() takes exactly one argument ({got} given)"),
                None => format!("expected 1 argument, got {got}"),
            }))
        }
    }
}

/// `PyArg_UnpackTuple(args, "", n, n, ...)`'s complaint (empty function
/// name, hence the leading space), as `wrap_objobjargproc` raises it.
fn unpack_count(want: usize, got: usize) -> PyErr {
    PyErr::type_error(format!(
        " expected {want} argument{}, got {got}",
        if want == 1 { "" } else { "s" }
    ))
}

/// A slot wrapper called with keyword arguments: `wrapper_call` refuses
/// them, and the explicit methods (`METH_O`) name their class. Callers test
/// for keywords first, so calls without them pay nothing.
pub(crate) fn refuse_keywords(def: &BuiltinDef, recv: Option<&Value>) -> PyResult<()> {
    if !unwraps_payload(def) || matches!(def.name, "__init__" | "__new__" | "__call__") {
        return Ok(());
    }
    match explicit_method_class(recv, def.name) {
        Some(class) => Err(PyErr::type_error(format!(
            "{class}.{}() takes no keyword arguments",
            def.name
        ))),
        None => Err(PyErr::type_error(format!(
            "wrapper {}() takes no keyword arguments",
            def.name
        ))),
    }
}

/// The class that defines special method `name` of `recv` as a plain method
/// rather than a slot wrapper, in CPython: the `METH_COEXIST` methods
/// (`dict.__contains__`, `list.__getitem__`, ...) and the methods that are no
/// slot (`int.__format__`, `list.__reversed__`). Their argument errors name it.
pub(crate) fn explicit_method_class(recv: Option<&Value>, name: &str) -> Option<&'static str> {
    let v = recv.map(unwrap)?;
    Some(match (name, v) {
        ("__contains__", Value::Dict(_)) | ("__getitem__", Value::Dict(_)) => "dict",
        ("__contains__", Value::Set(_)) => "set",
        ("__contains__", Value::FrozenSet(_)) => "frozenset",
        ("__getitem__", Value::List(_)) => "list",
        ("__format__", Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => "int",
        ("__format__", Value::Float(_)) => "float",
        ("__format__", Value::Complex(_)) => "complex",
        ("__format__", Value::Str(_)) => "str",
        ("__format__", _) => "object",
        ("__reversed__", Value::List(_)) => "list",
        ("__reversed__", Value::Dict(_)) => "dict",
        _ => return None,
    })
}

/// `dict.__getitem__(self, key)` called directly (as `urllib.parse`'s
/// quoter does with a bound `__getitem__`) still falls back to a dict
/// subclass's `__missing__`, as CPython's `dict_subscript` does.
fn w_getitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let key = arg1(&a, "__getitem__")?;
    let r = vm.getitem(recv(&a)?, key);
    match (r, a.pos.first()) {
        (Err(e), Some(inst @ Value::Instance(_)))
            if e.is(ExcKind::KeyError) && matches!(payload_of(inst), Some(Value::Dict(_))) =>
        {
            match vm.try_special(inst, D::Missing, std::slice::from_ref(key))? {
                Some(v) => Ok(v),
                None => Err(e),
            }
        }
        (r, _) => r,
    }
}
fn w_setitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [_, k, v] = a.pos else {
        return Err(unpack_count(2, a.pos.len().saturating_sub(1)));
    };
    vm.setitem(recv(&a)?, k.clone(), v.clone())?;
    Ok(Value::None)
}
fn w_delitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    vm.delitem(recv(&a)?, arg1(&a, "__delitem__")?)?;
    Ok(Value::None)
}
fn w_len(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(vm.len_of(unary(&a)?)? as i64))
}
fn w_contains(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(
        vm.contains(recv(&a)?, arg1(&a, "__contains__")?)?,
    ))
}
fn w_iter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    vm.get_iter(unary(&a)?)
}
fn w_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let payload = unary(&a)?;
    if let (Some(this), Value::Set(_) | Value::FrozenSet(_) | Value::ByteArray(_)) =
        (a.pos.first(), payload)
    {
        // These reprs name the subclass (`set.__repr__(S())` is `S()`).
        return Ok(Value::string(vm.repr_fallback(this)?));
    }
    Ok(Value::string(vm.repr_of(payload)?))
}
fn w_str(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::string(vm.str_of(unary(&a)?)?))
}
fn w_hash(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let v = unary(&a)?;
    // `float_hash` hashes a NaN by the identity of the object itself
    // (`_Py_HashPointer(self)`), which for a subclass is the instance.
    if let (Value::Float(f), Some(this)) = (v, a.pos.first()) {
        if f.is_nan() {
            return Ok(Value::Int((this.identity() >> 4) as i64));
        }
    }
    Ok(Value::Int(vm.hash_of(v)?))
}
fn w_format(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let spec = match arg1(&a, "__format__")? {
        Value::Str(s) => s.as_str().to_string(),
        other => {
            return Err(PyErr::type_error(format!(
                "__format__() argument must be str, not {}",
                crate::types::type_name(other)
            )))
        }
    };
    let this = a
        .pos
        .first()
        .ok_or_else(|| PyErr::type_error("slot wrapper needs an argument"))?;
    if spec.is_empty() && payload_of(this).is_some() {
        // As CPython's formatters: an empty spec on a subclass instance is
        // `str(x)`, so a subclass's own `__str__` shows (`IntEnum` members).
        return Ok(Value::string(vm.str_of(this)?));
    }
    Ok(Value::string(vm.format_of(recv(&a)?, &spec)?))
}
fn w_init(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}
fn w_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    match a.pos.first() {
        Some(Value::Type(t)) => {
            let t = t.clone();
            crate::class::new_instance(
                vm,
                &t,
                Args {
                    pos: &a.pos[1..],
                    kwnames: a.kwnames,
                    kwvals: a.kwvals,
                },
            )
        }
        _ => Err(PyErr::type_error("__new__(X): X is not a type object")),
    }
}

/// The kinds of builtin values whose rich comparisons accept only certain
/// other kinds (CPython's `tp_richcompare` of each type).
#[derive(Clone, Copy, PartialEq)]
enum CmpKind {
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    /// `bytearray` and `memoryview`: any buffer compares.
    Buffer,
    List,
    Tuple,
    Dict,
    Set,
    Range,
}

fn cmp_kind(v: &Value) -> Option<CmpKind> {
    Some(match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => CmpKind::Int,
        Value::Float(_) => CmpKind::Float,
        Value::Complex(_) => CmpKind::Complex,
        Value::Str(_) => CmpKind::Str,
        Value::Bytes(_) => CmpKind::Bytes,
        Value::ByteArray(_) | Value::MemoryView(_) => CmpKind::Buffer,
        Value::List(_) => CmpKind::List,
        Value::Tuple(_) => CmpKind::Tuple,
        Value::Dict(_) => CmpKind::Dict,
        Value::Set(_) | Value::FrozenSet(_) => CmpKind::Set,
        Value::Range(_) => CmpKind::Range,
        _ => return None,
    })
}

/// Whether `x`'s own comparison methods handle `y`: `int.__eq__(1.0)` is
/// `NotImplemented` (float's reflected method answers), `float.__eq__(1)`
/// is not.
fn compares_with(x: &Value, y: &Value) -> bool {
    use CmpKind::*;
    let (Some(kx), Some(ky)) = (cmp_kind(x), cmp_kind(y)) else {
        // Other builtins (`slice`, `None`) compare only with their own
        // type: `slice(0).__eq__(0)` is `NotImplemented`.
        return cmp_kind(x).is_none()
            && Rc::ptr_eq(&crate::types::type_of(x), &crate::types::type_of(y));
    };
    match kx {
        Float => matches!(ky, Int | Float),
        Complex => matches!(ky, Int | Float | Complex),
        Buffer => matches!(ky, Bytes | Buffer),
        _ => kx == ky,
    }
}

/// Whether comparing `x` by `op` compares items, which may run Python
/// code: sequences, and dicts by equality (they have no ordering).
fn elementwise(x: &Value, op: CmpOp) -> bool {
    match x {
        Value::List(_) | Value::Tuple(_) => true,
        Value::Dict(_) => matches!(op, CmpOp::Eq | CmpOp::Ne),
        _ => false,
    }
}

macro_rules! cmp_wrapper {
    ($f:ident, $op:expr) => {
        fn $f(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
            let (x, y) = (recv(&a)?, arg1(&a, "")?);
            let y = unwrap(y);
            if !compares_with(x, y) {
                return Ok(Value::NotImplemented);
            }
            // Containers compare their items as `==`/`<` do, through their
            // own `__eq__` (`dict.__eq__` of two `OrderedDict`s).
            if elementwise(x, $op) {
                return vm.compare_bool($op, x, y).map(Value::Bool);
            }
            match ops::compare($op, x, y) {
                Ok(b) => Ok(Value::Bool(b)),
                Err(_) => Ok(Value::NotImplemented),
            }
        }
    };
}
cmp_wrapper!(w_eq, CmpOp::Eq);
cmp_wrapper!(w_ne, CmpOp::Ne);
cmp_wrapper!(w_lt, CmpOp::Lt);
cmp_wrapper!(w_le, CmpOp::Le);
cmp_wrapper!(w_gt, CmpOp::Gt);
cmp_wrapper!(w_ge, CmpOp::Ge);

fn w_pos(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    ops::unary('+', unary(&a)?)
}

fn w_invert(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    ops::unary('~', unary(&a)?)
}

fn w_abs(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = unary(&a)?.clone();
    crate::builtins::abs_of(vm, &x)
}

fn w_bool(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = unary(&a)?.clone();
    Ok(Value::Bool(vm.truthy(&x)?))
}

/// `int.__int__`, `float.__int__`: the value as an exact int.
fn w_int(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = unary(&a)?.clone();
    let int = crate::types::builtin_type(TypeKind::Int);
    crate::builtins::construct(vm, &int, Args::positional(std::slice::from_ref(&x)))
}

fn w_float(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = unary(&a)?.clone();
    let float = crate::types::builtin_type(TypeKind::Float);
    crate::builtins::construct(vm, &float, Args::positional(std::slice::from_ref(&x)))
}

fn w_index(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(match unary(&a)? {
        Value::Bool(b) => Value::Int(i64::from(*b)),
        other => other.clone(),
    })
}

fn w_neg(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    ops::unary('-', unary(&a)?)
}

/// The special-method names CPython implements as type slots (`slotdefs` in
/// `Objects/typeobject.c`): a builtin class's method of one of these names is
/// a `wrapper_descriptor` (`<slot wrapper '__add__' of 'int' objects>`).
const SLOT_NAMES: &[&str] = &[
    "__getattribute__",
    "__getattr__",
    "__setattr__",
    "__delattr__",
    "__repr__",
    "__hash__",
    "__call__",
    "__str__",
    "__lt__",
    "__le__",
    "__eq__",
    "__ne__",
    "__gt__",
    "__ge__",
    "__iter__",
    "__next__",
    "__get__",
    "__set__",
    "__delete__",
    "__init__",
    "__del__",
    "__await__",
    "__aiter__",
    "__anext__",
    "__add__",
    "__radd__",
    "__sub__",
    "__rsub__",
    "__mul__",
    "__rmul__",
    "__mod__",
    "__rmod__",
    "__divmod__",
    "__rdivmod__",
    "__pow__",
    "__rpow__",
    "__neg__",
    "__pos__",
    "__abs__",
    "__bool__",
    "__invert__",
    "__lshift__",
    "__rlshift__",
    "__rshift__",
    "__rrshift__",
    "__and__",
    "__rand__",
    "__xor__",
    "__rxor__",
    "__or__",
    "__ror__",
    "__int__",
    "__float__",
    "__iadd__",
    "__isub__",
    "__imul__",
    "__imod__",
    "__ipow__",
    "__ilshift__",
    "__irshift__",
    "__iand__",
    "__ixor__",
    "__ior__",
    "__floordiv__",
    "__rfloordiv__",
    "__truediv__",
    "__rtruediv__",
    "__ifloordiv__",
    "__itruediv__",
    "__index__",
    "__matmul__",
    "__rmatmul__",
    "__imatmul__",
    "__len__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__contains__",
];

/// Whether the builtin method `b` is a slot wrapper in CPython rather than a
/// method descriptor. A few classes define a slot's method explicitly as well
/// (`METH_COEXIST`: `dict.__getitem__`, `list.__getitem__`, `set.__contains__`,
/// ...), which then shows as a method.
pub fn is_slot_wrapper(b: &BuiltinDef) -> bool {
    b.is_method
        && SLOT_NAMES.contains(&b.name)
        && !matches!(
            (owner_name(b), b.name),
            ("dict", "__getitem__" | "__contains__")
                | ("list", "__getitem__")
                | ("set" | "frozenset", "__contains__")
        )
}

/// The class name a builtin method belongs to: its owner, with the
/// `builtin:` mark of a per-class slot wrapper removed.
pub fn owner_name(b: &BuiltinDef) -> &'static str {
    // `builtins.` marks a Rust class of the builtins module (`odict_keys`)
    // as one whose methods take the instance (`attr::takes_instance`).
    b.owner
        .strip_prefix("builtin:")
        .or_else(|| b.owner.strip_prefix("builtins."))
        .unwrap_or(b.owner)
}
