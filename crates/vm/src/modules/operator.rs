//! `_operator`: the callable classes of CPython's `Modules/_operator.c`
//! (`itemgetter`, `attrgetter`, `methodcaller`); its plain functions are in
//! `operator_funcs`. `operator.py` does `from _operator import *`, so these
//! replace its Python definitions, as in CPython.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    borrow, cls_arg, native_methods, new_object, positional, receiver, rest, ClassSpec, SpecFlags,
};
use crate::types::TypeKind;
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

native_methods!(ITEMGETTER_M, "operator.itemgetter", [
    "__new__" => itemgetter_new, "__call__" => itemgetter_call, "__repr__" => itemgetter_repr,
    "__reduce__" => itemgetter_reduce,
]);
static ITEMGETTER: ClassSpec = ClassSpec {
    name: "itemgetter",
    module: "operator",
    base: TypeKind::Object,
    methods: ITEMGETTER_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

native_methods!(ATTRGETTER_M, "operator.attrgetter", [
    "__new__" => attrgetter_new, "__call__" => attrgetter_call, "__repr__" => attrgetter_repr,
    "__reduce__" => attrgetter_reduce,
]);
static ATTRGETTER: ClassSpec = ClassSpec {
    name: "attrgetter",
    module: "operator",
    base: TypeKind::Object,
    methods: ATTRGETTER_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

native_methods!(METHODCALLER_M, "operator.methodcaller", [
    "__new__" => methodcaller_new, "__call__" => methodcaller_call,
    "__repr__" => methodcaller_repr, "__reduce__" => methodcaller_reduce,
]);
static METHODCALLER: ClassSpec = ClassSpec {
    name: "methodcaller",
    module: "operator",
    base: TypeKind::Object,
    methods: METHODCALLER_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

/// Builds the `_operator` module.
pub fn init(vm: &mut Vm) -> Value {
    let mut extra = Vec::new();
    for spec in [&ITEMGETTER, &ATTRGETTER, &METHODCALLER] {
        extra.push((spec.name, Value::Type(crate::native::class_of(vm, spec))));
    }
    extra.push((
        "length_hint",
        Value::Builtin(&super::length_hint::LENGTH_HINT),
    ));
    extra.push((
        "_compare_digest",
        Value::Builtin(&super::compare_digest::COMPARE_DIGEST),
    ));
    new_module("_operator", super::operator_funcs::functions(), extra)
}

fn one_arg<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    let args = positional(&rest(a), name, 1, 1)?;
    Ok(&args[0])
}

/// The arguments after the class; CPython's message when there are none.
fn at_least_one<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a [Value]> {
    let r = rest(a);
    if !r.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    if r.pos.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name} expected 1 argument, got 0"
        )));
    }
    Ok(r.pos)
}

fn repr_list(vm: &mut Vm, name: &str, items: &[Value]) -> PyResult<Value> {
    let mut parts = Vec::with_capacity(items.len());
    for v in items {
        parts.push(vm.repr_of(v)?);
    }
    Ok(Value::string(format!(
        "operator.{}({})",
        name,
        parts.join(", ")
    )))
}

// ---- itemgetter ----

struct ItemGetter {
    items: Vec<Value>,
}

impl crate::gc::Traverse for ItemGetter {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.extend(self.items.iter().cloned());
    }
}

fn itemgetter_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = at_least_one(&a, "itemgetter")?;
    Ok(new_object(
        &cls,
        ItemGetter {
            items: args.to_vec(),
        },
    ))
}

fn itemgetter_call(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<ItemGetter>(&a, "operator.itemgetter", "__call__")?;
    let obj = one_arg(&a, "itemgetter")?;
    let items = borrow(&st)?.items.clone();
    if let [key] = items.as_slice() {
        return vm.getitem(obj, key);
    }
    let mut out = Vec::with_capacity(items.len());
    for k in &items {
        out.push(vm.getitem(obj, k)?);
    }
    Ok(Value::tuple(out))
}

fn itemgetter_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<ItemGetter>(&a, "operator.itemgetter", "__repr__")?;
    let items = borrow(&st)?.items.clone();
    repr_list(vm, "itemgetter", &items)
}

/// The class of the receiver, for the `__reduce__` methods (a subclass
/// instance is rebuilt as its own class).
fn receiver_class(a: &Args<'_>) -> Value {
    a.pos
        .first()
        .map_or(Value::None, |v| Value::Type(crate::types::type_of(v)))
}

/// `itemgetter_reduce`: `(cls, items)`.
fn itemgetter_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<ItemGetter>(&a, "operator.itemgetter", "__reduce__")?;
    let items = borrow(&st)?.items.clone();
    Ok(Value::tuple(vec![receiver_class(&a), Value::tuple(items)]))
}

// ---- attrgetter ----

struct AttrGetter {
    /// The names as given (for the repr).
    names: Vec<Value>,
}

fn attrgetter_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = at_least_one(&a, "attrgetter")?;
    if args.iter().any(|v| !matches!(v, Value::Str(_))) {
        return Err(PyErr::type_error("attribute name must be a string"));
    }
    Ok(new_object(
        &cls,
        AttrGetter {
            names: args.to_vec(),
        },
    ))
}

fn dotted(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    let Value::Str(s) = name else {
        return Err(PyErr::type_error("attribute name must be a string"));
    };
    let mut cur = obj.clone();
    for part in s.as_str().split('.') {
        let n = vm.intern(part);
        cur = vm.get_attr(&cur, &n)?;
    }
    Ok(cur)
}

fn attrgetter_call(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<AttrGetter>(&a, "operator.attrgetter", "__call__")?;
    let obj = one_arg(&a, "attrgetter")?;
    let names = borrow(&st)?.names.clone();
    if let [name] = names.as_slice() {
        return dotted(vm, obj, name);
    }
    let mut out = Vec::with_capacity(names.len());
    for n in &names {
        out.push(dotted(vm, obj, n)?);
    }
    Ok(Value::tuple(out))
}

fn attrgetter_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<AttrGetter>(&a, "operator.attrgetter", "__repr__")?;
    let names = borrow(&st)?.names.clone();
    repr_list(vm, "attrgetter", &names)
}

/// `attrgetter_reduce`: `(cls, names)`, the dotted names as given.
fn attrgetter_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<AttrGetter>(&a, "operator.attrgetter", "__reduce__")?;
    let names = borrow(&st)?.names.clone();
    Ok(Value::tuple(vec![receiver_class(&a), Value::tuple(names)]))
}

// ---- methodcaller ----

#[derive(Clone)]
struct MethodCaller {
    name: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
    kwvals: Vec<Value>,
}

impl crate::gc::Traverse for MethodCaller {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.extend(self.args.iter().chain(&self.kwvals).cloned());
    }
}

/// [`crate::gc::Traverse`] for this module's native objects (an
/// `attrgetter` holds only strings).
pub(crate) fn gc_traverse(state: &dyn std::any::Any, out: &mut Vec<Value>) -> bool {
    use crate::gc::traverse_as;
    traverse_as::<ItemGetter>(state, out) || traverse_as::<MethodCaller>(state, out)
}

fn methodcaller_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let a = rest(&a);
    let Some(name) = a.pos.first() else {
        return Err(PyErr::type_error(
            "methodcaller needs at least one argument, the method name",
        ));
    };
    if !matches!(name, Value::Str(_)) {
        return Err(PyErr::type_error("method name must be a string"));
    }
    Ok(new_object(
        &cls,
        MethodCaller {
            name: name.clone(),
            args: a.pos[1..].to_vec(),
            kwnames: a.kwnames.to_vec(),
            kwvals: a.kwvals.to_vec(),
        },
    ))
}

/// A copy of the receiver's state (its `__call__` may reenter it).
fn caller(a: &Args<'_>, method: &str) -> PyResult<MethodCaller> {
    let st = receiver::<MethodCaller>(a, "operator.methodcaller", method)?;
    let m = borrow(&st)?.clone();
    Ok(m)
}

fn methodcaller_call(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let MethodCaller {
        name,
        args,
        kwnames,
        kwvals,
    } = caller(&a, "__call__")?;
    let obj = one_arg(&a, "methodcaller")?;
    let Value::Str(n) = &name else {
        return Err(PyErr::type_error("method name must be a string"));
    };
    let n = vm.intern(n.as_str());
    let f = vm.get_attr(obj, &n)?;
    vm.call_with_kw(&f, &args, &kwnames, &kwvals)
}

fn methodcaller_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let MethodCaller {
        name,
        args,
        kwnames,
        kwvals,
    } = caller(&a, "__repr__")?;
    let mut parts = vec![vm.repr_of(&name)?];
    for v in &args {
        parts.push(vm.repr_of(v)?);
    }
    for (k, v) in kwnames.iter().zip(&kwvals) {
        let k = vm.str_of(k)?;
        parts.push(format!("{}={}", k, vm.repr_of(v)?));
    }
    Ok(Value::string(format!(
        "operator.methodcaller({})",
        parts.join(", ")
    )))
}

/// `methodcaller_reduce`: `(cls, (name, *args))`; with keywords, which a
/// class call in a pickle cannot pass, `(partial(cls, name, **kwargs), args)`.
fn methodcaller_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let MethodCaller {
        name,
        args,
        kwnames,
        kwvals,
    } = caller(&a, "__reduce__")?;
    let cls = receiver_class(&a);
    if kwnames.is_empty() {
        let mut newargs = Vec::with_capacity(args.len() + 1);
        newargs.push(name);
        newargs.extend(args);
        return Ok(Value::tuple(vec![cls, Value::tuple(newargs)]));
    }
    let globals = std::rc::Rc::new(std::cell::RefCell::new(crate::dict::Dict::new()));
    let functools = vm.import_name("_functools", &Value::None, 0, &globals)?;
    let partial_name = vm.intern("partial");
    let partial = vm.get_attr(&functools, &partial_name)?;
    let constructor = vm.call_with_kw(&partial, &[cls, name], &kwnames, &kwvals)?;
    Ok(Value::tuple(vec![constructor, Value::tuple(args)]))
}
