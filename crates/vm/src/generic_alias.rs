//! `types.GenericAlias`: `list[int]`, `dict[str, T]` (PEP 585; CPython's
//! `Objects/genericaliasobject.c`). Subscripting a generic builtin class makes
//! one; it prints as `list[int]`, forwards attribute reads to its origin,
//! substitutes type variables (`dict[str, T][int]`), calls its origin, joins
//! `X | Y` unions, and refuses `isinstance`.

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::names::D;
use crate::native::{
    borrow, class_of, cls_arg, native_fn, native_methods, new_object, positional, receiver,
    state_of, ClassSpec, PropSpec, SpecFlags,
};
use crate::types::{type_of, ExcKind, TypeKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

/// The state of a `GenericAlias` object.
struct Alias {
    origin: Value,
    /// Always a tuple.
    args: Value,
    /// `__parameters__`, computed on first use.
    params: Option<Value>,
    /// `*tuple[int]`.
    starred: bool,
}

native_methods!(GA_M, "types.GenericAlias", [
    "__new__" => ga_new, "__repr__" => ga_repr, "__getattribute__" => ga_getattribute,
    "__call__" => ga_call, "__getitem__" => ga_getitem, "__eq__" => ga_eq, "__ne__" => ga_ne,
    "__hash__" => ga_hash, "__or__" => ga_or, "__ror__" => ga_ror,
    "__mro_entries__" => ga_mro_entries, "__instancecheck__" => ga_instancecheck,
    "__subclasscheck__" => ga_subclasscheck, "__reduce__" => ga_reduce, "__dir__" => ga_dir,
    "__iter__" => ga_iter,
]);
native_fn!(ORIGIN, "__origin__", "types.GenericAlias", ga_origin);
native_fn!(ARGS, "__args__", "types.GenericAlias", ga_args);
native_fn!(PARAMS, "__parameters__", "types.GenericAlias", ga_params);
native_fn!(UNPACKED, "__unpacked__", "types.GenericAlias", ga_unpacked);
native_fn!(
    TUPLE_ARGS,
    "__typing_unpacked_tuple_args__",
    "types.GenericAlias",
    ga_unpacked_tuple_args
);

static GENERIC_ALIAS: ClassSpec = ClassSpec {
    name: "GenericAlias",
    module: "types",
    base: TypeKind::Object,
    methods: GA_M,
    classmethods: &[],
    props: &[
        PropSpec {
            name: "__origin__",
            get: &ORIGIN,
            set: None,
        },
        PropSpec {
            name: "__args__",
            get: &ARGS,
            set: None,
        },
        PropSpec {
            name: "__parameters__",
            get: &PARAMS,
            set: None,
        },
        PropSpec {
            name: "__unpacked__",
            get: &UNPACKED,
            set: None,
        },
        PropSpec {
            name: "__typing_unpacked_tuple_args__",
            get: &TUPLE_ARGS,
            set: None,
        },
    ],
    unhashable: false,
    flags: SpecFlags::BASETYPE.with(SpecFlags::WEAKREFS),
};

/// Attribute names a generic alias answers itself; every other read goes to
/// its origin (`list[int].append` is `list.append`).
const OWN_ATTRS: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

/// Builtin classes whose `cls[...]` is a generic alias (the rest are not
/// subscriptable).
/// Whether builtin class `t` has a `__class_getitem__` (CPython's generic
/// builtins; `async_generator` is one of the iterator types).
fn generic_builtin(t: &TypeObj) -> bool {
    t.heap.is_none()
        && (generic_kind(t.kind) || (t.kind == TypeKind::Iterator && t.name == "async_generator"))
}

fn generic_kind(k: TypeKind) -> bool {
    matches!(
        k,
        TypeKind::List
            | TypeKind::Enumerate
            | TypeKind::MappingProxy
            | TypeKind::Dict
            | TypeKind::Tuple
            | TypeKind::Set
            | TypeKind::FrozenSet
            | TypeKind::Type
            | TypeKind::Exception(ExcKind::BaseExceptionGroup | ExcKind::ExceptionGroup)
    )
}

fn as_tuple(args: &Value) -> Value {
    match args {
        Value::Tuple(_) => args.clone(),
        other => Value::tuple(vec![other.clone()]),
    }
}

/// `GenericAlias(origin, args)`: `args` is wrapped in a tuple unless it is one.
pub fn new_alias(vm: &mut Vm, origin: Value, args: &Value) -> Value {
    let cls = class_of(vm, &GENERIC_ALIAS);
    new_object(
        &cls,
        Alias {
            origin,
            args: as_tuple(args),
            params: None,
            starred: false,
        },
    )
}

/// Whether `v` is a generic alias (or an instance of a subclass).
pub fn is_alias(v: &Value) -> bool {
    state_of::<Alias>(v).is_some()
}

/// `C[key]` for a builtin class `t`: an alias for the generic ones, CPython's
/// error for the others.
pub fn builtin_class_getitem(vm: &mut Vm, t: &Rc<TypeObj>, key: &Value) -> PyResult<Value> {
    if generic_builtin(t) {
        return Ok(new_alias(vm, Value::Type(t.clone()), key));
    }
    Err(PyErr::type_error(format!(
        "type '{}' is not subscriptable",
        t.name
    )))
}

/// `C[key]` for a Python class without `__class_getitem__` of its own: the
/// one it inherits from a generic builtin base (`class Counter(dict)`).
pub fn inherited_class_getitem(vm: &mut Vm, t: &Rc<TypeObj>, key: &Value) -> PyResult<Value> {
    // Only `type` itself is generic, not its subclasses (`PyObject_GetItem`).
    let generic = crate::class::mro_of(t)
        .iter()
        .any(|b| generic_builtin(b) && b.kind != TypeKind::Type);
    if generic {
        return Ok(new_alias(vm, Value::Type(t.clone()), key));
    }
    Err(PyErr::type_error(format!(
        "type '{}' is not subscriptable",
        t.name
    )))
}

/// `list.__class_getitem__` (and that of classes deriving from a generic
/// builtin): the class method, bound to the class.
pub fn class_getitem_attr(t: &Rc<TypeObj>) -> Option<Value> {
    let generic = crate::class::mro_of(t)
        .iter()
        .chain(std::iter::once(t))
        .any(|b| generic_builtin(b) && b.kind != TypeKind::Type);
    generic.then(|| {
        Value::BoundBuiltin(Rc::new((
            Value::Type(t.clone()),
            &crate::native::GENERIC[0],
        )))
    })
}

/// `__class_getitem__` of native generic classes (`deque[int]`).
pub fn class_getitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [cls, key] = a.pos else {
        return Err(PyErr::type_error(format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        )));
    };
    Ok(new_alias(vm, cls.clone(), key))
}

/// `getattr(v, name)`, or `None` when it raises `AttributeError`.
pub fn attr_opt(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let name = vm.intern(name);
    match vm.get_attr(v, &name) {
        Ok(x) => Ok(Some(x)),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// How an argument of an alias or union prints: classes by qualified name
/// (no `builtins.`), `...`, other aliases and objects by `repr`.
pub fn repr_item(vm: &mut Vm, p: &Value) -> PyResult<String> {
    if matches!(p, Value::Ellipsis) {
        return Ok("...".to_string());
    }
    if let Value::Type(t) = p {
        if t.heap.as_ref().map_or(true, |h| h.meta.is_none()) {
            return Ok(crate::class::qualified_name(t));
        }
    }
    if attr_opt(vm, p, "__origin__")?.is_some() && attr_opt(vm, p, "__args__")?.is_some() {
        return vm.repr_of(p);
    }
    let Some(qualname) = attr_opt(vm, p, "__qualname__")? else {
        return vm.repr_of(p);
    };
    let module = match attr_opt(vm, p, "__module__")? {
        None | Some(Value::None) => return vm.repr_of(p),
        Some(m) => m,
    };
    if matches!(&module, Value::Str(s) if s.as_str() == "builtins") {
        return vm.str_of(&qualname);
    }
    let m = vm.str_of(&module)?;
    let q = vm.str_of(&qualname)?;
    Ok(format!("{m}.{q}"))
}

fn contains_ident(list: &[Value], v: &Value) -> bool {
    list.iter().any(|x| x.identity() == v.identity())
}

/// The type variables among `args` (and among their own `__parameters__`), in
/// order of first appearance.
pub fn make_parameters(vm: &mut Vm, args: &[Value]) -> PyResult<Vec<Value>> {
    let mut out: Vec<Value> = Vec::new();
    for t in args {
        if matches!(t, Value::Type(_)) {
            continue;
        }
        if attr_opt(vm, t, "__typing_subst__")?.is_some() {
            if !contains_ident(&out, t) {
                out.push(t.clone());
            }
            continue;
        }
        if let Some(Value::Tuple(sub)) = attr_opt(vm, t, "__parameters__")? {
            for t2 in sub.iter() {
                if !contains_ident(&out, t2) {
                    out.push(t2.clone());
                }
            }
        }
    }
    Ok(out)
}

/// Whether `param` is a `TypeVarTuple` (its class is iterable, as CPython tests).
fn is_var_tuple(param: &Value) -> bool {
    !matches!(param, Value::Type(_)) && crate::class::special(&type_of(param), D::Iter).is_some()
}

fn index_of(list: &[Value], v: &Value) -> Option<usize> {
    list.iter().position(|x| x.identity() == v.identity())
}

/// `obj` with the type variables `params` replaced by `items` when `obj` has
/// parameters of its own (`list[T]` inside `dict[str, list[T]]`). A
/// `TypeVarTuple`'s item is a tuple, spread in place.
fn subs_tvars(vm: &mut Vm, obj: &Value, params: &[Value], items: &[Value]) -> PyResult<Value> {
    let sub = match attr_opt(vm, obj, "__parameters__")? {
        Some(Value::Tuple(t)) if !t.is_empty() => t,
        _ => return Ok(obj.clone()),
    };
    let mut subargs = Vec::with_capacity(sub.len());
    for arg in sub.iter() {
        let Some(i) = index_of(params, arg) else {
            subargs.push(arg.clone());
            continue;
        };
        let item = items.get(i).cloned().unwrap_or(Value::None);
        match &item {
            Value::Tuple(t) if is_var_tuple(&params[i]) => subargs.extend(t.iter().cloned()),
            _ => subargs.push(item),
        }
    }
    vm.getitem(obj, &Value::tuple(subargs))
}

/// The arguments of `*tuple[int, str]` (`(int, str)`), or `None` when `arg`
/// is not an unpacked tuple.
fn unpacked_tuple_args(vm: &mut Vm, arg: &Value) -> PyResult<Option<Value>> {
    if let Some(st) = state_of::<Alias>(arg) {
        let s = borrow(&st)?;
        if s.starred
            && matches!(&s.origin, Value::Type(t) if t.kind == TypeKind::Tuple && t.heap.is_none())
        {
            return Ok(Some(s.args.clone()));
        }
    }
    Ok(attr_opt(vm, arg, "__typing_unpacked_tuple_args__")?.filter(|v| !matches!(v, Value::None)))
}

/// The substitution items of `item`, with unpacked fixed-length tuples
/// spread in place: `C[*tuple[int, str]]` substitutes `int, str`, while
/// `*tuple[int, ...]` stays one item.
fn unpack_args(vm: &mut Vm, item: &Value) -> PyResult<Vec<Value>> {
    let given: &[Value] = match item {
        Value::Tuple(t) => t,
        other => std::slice::from_ref(other),
    };
    let mut out = Vec::with_capacity(given.len());
    for arg in given {
        if !matches!(arg, Value::Type(_)) {
            if let Some(Value::Tuple(sub)) = unpacked_tuple_args(vm, arg)? {
                if !matches!(sub.last(), Some(Value::Ellipsis)) {
                    out.extend(sub.iter().cloned());
                    continue;
                }
            }
        }
        out.push(arg.clone());
    }
    Ok(out)
}

/// The arguments of `self_v` (an alias or union with `args` and `params`)
/// after substituting `item` for its type variables. Each parameter with a
/// `__typing_prepare_subst__` (a `TypeVarTuple` packs its share of the items
/// into one tuple, a `ParamSpec` wraps a list) first reshapes the items.
pub fn subs_parameters(
    vm: &mut Vm,
    self_v: &Value,
    args: &[Value],
    params: &[Value],
    item: &Value,
) -> PyResult<Vec<Value>> {
    let nparams = params.len();
    if nparams == 0 {
        let r = vm.repr_of(self_v)?;
        return Err(PyErr::type_error(format!("{r} is not a generic class")));
    }
    let mut items = unpack_args(vm, item)?;
    for param in params {
        let Some(prepare) = attr_opt(vm, param, "__typing_prepare_subst__")? else {
            continue;
        };
        if matches!(prepare, Value::None) {
            continue;
        }
        let packed = vm.call(&prepare, &[self_v.clone(), Value::tuple(items)])?;
        items = match packed {
            Value::Tuple(t) => t.to_vec(),
            other => vec![other],
        };
    }
    let nitems = items.len();
    if nitems != nparams {
        let r = vm.repr_of(self_v)?;
        return Err(PyErr::type_error(format!(
            "Too {} arguments for {}; actual {}, expected {}",
            if nitems > nparams { "many" } else { "few" },
            r,
            nitems,
            nparams
        )));
    }
    let mut out = Vec::with_capacity(args.len());
    for arg in args {
        if matches!(arg, Value::Type(_)) {
            out.push(arg.clone());
            continue;
        }
        let unpack = match attr_opt(vm, arg, "__typing_is_unpacked_typevartuple__")? {
            Some(v) => vm.truthy(&v)?,
            None => false,
        };
        let new = match attr_opt(vm, arg, "__typing_subst__")? {
            Some(f) => {
                let Some(i) = index_of(params, arg) else {
                    return Err(PyErr::new(
                        ExcKind::SystemError,
                        "type variable missing from __parameters__",
                    ));
                };
                vm.call(&f, &[items[i].clone()])?
            }
            None => subs_tvars(vm, arg, params, &items)?,
        };
        if unpack {
            out.extend(vm.collect(&new)?);
        } else {
            out.push(new);
        }
    }
    Ok(out)
}

fn me(a: &Args<'_>, name: &str) -> PyResult<Rc<std::cell::RefCell<Alias>>> {
    receiver::<Alias>(a, "types.GenericAlias", name)
}

/// `(origin, args, starred)` of the receiver.
fn parts(a: &Args<'_>, name: &str) -> PyResult<(Value, Value, bool)> {
    let st = me(a, name)?;
    let s = borrow(&st)?;
    Ok((s.origin.clone(), s.args.clone(), s.starred))
}

fn tuple_items(v: &Value) -> &[Value] {
    match v {
        Value::Tuple(t) => t,
        _ => &[],
    }
}

fn ga_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let rest = crate::native::rest(&a);
    let [origin, args] = positional(&rest, "GenericAlias", 2, 2)? else {
        return Err(PyErr::type_error("GenericAlias expected 2 arguments"));
    };
    let _ = vm;
    Ok(new_object(
        &cls,
        Alias {
            origin: origin.clone(),
            args: as_tuple(args),
            params: None,
            starred: false,
        },
    ))
}

fn ga_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (origin, args, starred) = parts(&a, "__repr__")?;
    let mut out = String::new();
    if starred {
        out.push('*');
    }
    out.push_str(&repr_item(vm, &origin)?);
    out.push('[');
    let items = tuple_items(&args);
    for (i, p) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_item(vm, p)?);
    }
    if items.is_empty() {
        out.push_str("()");
    }
    out.push(']');
    Ok(Value::string(out))
}

fn ga_getattribute(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [obj, Value::Str(name)] = a.pos else {
        let got = a.pos.get(1).map(crate::types::type_name);
        return Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            got.unwrap_or_default()
        )));
    };
    if OWN_ATTRS.contains(&name.as_str()) {
        return vm.generic_getattr(obj, name);
    }
    let (origin, _, _) = parts(&a, "__getattribute__")?;
    vm.get_attr(&origin, name)
}

fn ga_call(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (origin, _, _) = parts(&a, "__call__")?;
    let obj = vm.call_with_kw(&origin, &a.pos[1..], a.kwnames, a.kwvals)?;
    let name = vm.intern("__orig_class__");
    match vm.set_attr(&obj, &name, a.pos[0].clone()) {
        Err(e) if !e.is(ExcKind::AttributeError) && !e.is(ExcKind::TypeError) => Err(e),
        _ => Ok(obj),
    }
}

/// `__parameters__` of the receiver, computed once.
fn params_of(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let st = me(a, "__parameters__")?;
    let (cached, args) = {
        let s = borrow(&st)?;
        (s.params.clone(), s.args.clone())
    };
    if let Some(p) = cached {
        return Ok(p);
    }
    let p = Value::tuple(make_parameters(vm, tuple_items(&args))?);
    borrow(&st)?.params = Some(p.clone());
    Ok(p)
}

fn ga_getitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(item) = a.pos.get(1) else {
        return Err(PyErr::type_error("expected 1 argument, got 0"));
    };
    let params = params_of(vm, &a)?;
    let (origin, args, starred) = parts(&a, "__getitem__")?;
    let new = subs_parameters(
        vm,
        &a.pos[0],
        tuple_items(&args),
        tuple_items(&params),
        item,
    )?;
    let cls = class_of(vm, &GENERIC_ALIAS);
    Ok(new_object(
        &cls,
        Alias {
            origin,
            args: Value::tuple(new),
            params: None,
            starred,
        },
    ))
}

fn ga_eq_impl(vm: &mut Vm, a: &Args<'_>) -> PyResult<Option<bool>> {
    let (o1, a1, s1) = parts(a, "__eq__")?;
    let Some(other) = a.pos.get(1).and_then(state_of::<Alias>) else {
        return Ok(None);
    };
    let (o2, a2, s2) = {
        let s = borrow(&other)?;
        (s.origin.clone(), s.args.clone(), s.starred)
    };
    if s1 != s2 {
        return Ok(Some(false));
    }
    if !vm.eq_values(&o1, &o2)? {
        return Ok(Some(false));
    }
    vm.eq_values(&a1, &a2).map(Some)
}

fn ga_eq(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(match ga_eq_impl(vm, &a)? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}

fn ga_ne(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(match ga_eq_impl(vm, &a)? {
        Some(b) => Value::Bool(!b),
        None => Value::NotImplemented,
    })
}

fn ga_hash(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (origin, args, _) = parts(&a, "__hash__")?;
    let h = vm.hash_of(&origin)? ^ vm.hash_of(&args)?;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn ga_or(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let other = a.pos.get(1).cloned().unwrap_or(Value::NotImplemented);
    crate::union::union_or(vm, &a.pos[0], &other).unwrap_or(Ok(Value::NotImplemented))
}

fn ga_ror(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let other = a.pos.get(1).cloned().unwrap_or(Value::NotImplemented);
    crate::union::union_or(vm, &other, &a.pos[0]).unwrap_or(Ok(Value::NotImplemented))
}

fn ga_mro_entries(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (origin, _, _) = parts(&a, "__mro_entries__")?;
    Ok(Value::tuple(vec![origin]))
}

fn ga_instancecheck(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::type_error(
        "isinstance() argument 2 cannot be a parameterized generic",
    ))
}

fn ga_subclasscheck(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::type_error(
        "issubclass() argument 2 cannot be a parameterized generic",
    ))
}

/// The state of a `generic_alias_iterator`: the alias whose starred copy
/// is still to come.
struct AliasIter {
    alias: Option<Value>,
}

native_methods!(GA_ITER_M, "generic_alias_iterator", [
    "__iter__" => crate::native::iter_self, "__next__" => ga_iter_next,
    "__reduce__" => ga_iter_reduce,
]);

static GA_ITER: ClassSpec = ClassSpec {
    name: "generic_alias_iterator",
    module: "builtins",
    base: TypeKind::Object,
    methods: GA_ITER_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

/// `iter(tuple[int])`, which yields `*tuple[int]` (the alias starred) once:
/// what `[*tuple[int]]` and `Generic[*tuple[int]]` unpack.
fn ga_iter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    parts(&a, "__iter__")?;
    Ok(alias_iter(vm, Some(a.pos[0].clone())))
}

fn alias_iter(vm: &mut Vm, alias: Option<Value>) -> Value {
    let cls = class_of(vm, &GA_ITER);
    new_object(&cls, AliasIter { alias })
}

fn ga_iter_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<AliasIter>(&a, "generic_alias_iterator", "__next__")?;
    let Some(alias) = borrow(&st)?.alias.take() else {
        return Err(crate::native::stop());
    };
    let (origin, args, _) = match state_of::<Alias>(&alias) {
        Some(s) => {
            let s = borrow(&s)?;
            (s.origin.clone(), s.args.clone(), s.starred)
        }
        None => return Err(crate::native::stop()),
    };
    let cls = class_of(vm, &GENERIC_ALIAS);
    Ok(new_object(
        &cls,
        Alias {
            origin,
            args,
            params: None,
            starred: true,
        },
    ))
}

/// `(iter, (alias,))`, or `(iter, ((),))` once exhausted.
fn ga_iter_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<AliasIter>(&a, "generic_alias_iterator", "__reduce__")?;
    // The lookup may run code that exhausts this iterator: it comes first.
    let iter = crate::import::builtin_looked_up(vm, "iter")?;
    let alias = borrow(&st)?.alias.clone();
    let arg = alias.unwrap_or_else(|| Value::tuple(Vec::new()));
    Ok(Value::tuple(vec![iter, Value::tuple(vec![arg])]))
}

fn ga_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (origin, args, starred) = parts(&a, "__reduce__")?;
    if starred {
        let plain = new_alias(vm, origin, &args);
        let it = alias_iter(vm, Some(plain));
        let next = crate::import::builtin(vm, "next")?;
        return Ok(Value::tuple(vec![next, Value::tuple(vec![it])]));
    }
    let cls = type_of(&a.pos[0]);
    Ok(Value::tuple(vec![
        Value::Type(cls),
        Value::tuple(vec![origin, args]),
    ]))
}

fn ga_dir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (origin, _, _) = parts(&a, "__dir__")?;
    let listed = crate::namespace::b_dir(vm, Args::positional(std::slice::from_ref(&origin)))?;
    let mut items = vm.collect(&listed)?;
    for n in OWN_ATTRS.iter().filter(|n| **n != "__class__") {
        if !items
            .iter()
            .any(|x| matches!(x, Value::Str(s) if s.as_str() == *n))
        {
            items.push(Value::str(n));
        }
    }
    Ok(Value::List(Rc::new(std::cell::RefCell::new(items))))
}

fn ga_origin(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(parts(&a, "__origin__")?.0)
}

fn ga_args(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(parts(&a, "__args__")?.1)
}

fn ga_params(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    params_of(vm, &a)
}

fn ga_unpacked(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(parts(&a, "__unpacked__")?.2))
}

fn ga_unpacked_tuple_args(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (origin, args, starred) = parts(&a, "__typing_unpacked_tuple_args__")?;
    let is_tuple =
        matches!(&origin, Value::Type(t) if t.kind == TypeKind::Tuple && t.heap.is_none());
    Ok(if starred && is_tuple {
        args
    } else {
        Value::None
    })
}
