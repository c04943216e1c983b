//! `_functools`: CPython's `Modules/_functoolsmodule.c` (`reduce`, `partial`,
//! `cmp_to_key`); `functools.py` imports them over its pure-Python versions.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    bind_args, borrow, class_of, cls_arg, native_fn, native_methods, new_object, positional,
    receiver, repr_guard, rest, state_of, ClassSpec, PropSpec, SpecFlags,
};
use crate::ops::CmpOp;
use crate::types::{type_of, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

super::module_functions!(FUNCTOOLS_FUNCTIONS, "_functools", [
    "reduce" => reduce, "cmp_to_key" => cmp_to_key,
]);

native_methods!(PARTIAL_M, "partial", [
    "__new__" => partial_new, "__call__" => partial_call, "__repr__" => partial_repr,
    "__reduce__" => partial_reduce, "__setstate__" => partial_setstate,
]);
native_fn!(P_FUNC, "func", "partial", partial_func);
native_fn!(P_ARGS, "args", "partial", partial_args);
native_fn!(P_KEYWORDS, "keywords", "partial", partial_keywords);
static PARTIAL: ClassSpec = ClassSpec {
    name: "partial",
    module: "functools",
    base: TypeKind::Object,
    methods: PARTIAL_M,
    classmethods: crate::native::GENERIC,
    props: &[
        PropSpec {
            name: "func",
            get: &P_FUNC,
            set: None,
        },
        PropSpec {
            name: "args",
            get: &P_ARGS,
            set: None,
        },
        PropSpec {
            name: "keywords",
            get: &P_KEYWORDS,
            set: None,
        },
    ],
    unhashable: false,
    flags: SpecFlags::BASETYPE
        .with(SpecFlags::DICT)
        .with(SpecFlags::WEAKREFS),
};

native_methods!(KEY_M, "KeyWrapper", [
    "__new__" => key_new, "__call__" => key_call,
    "__lt__" => key_lt, "__le__" => key_le, "__eq__" => key_eq,
    "__ne__" => key_ne, "__gt__" => key_gt, "__ge__" => key_ge,
]);
native_fn!(K_OBJ, "obj", "KeyWrapper", key_obj);
static KEY_WRAPPER: ClassSpec = ClassSpec {
    name: "KeyWrapper",
    module: "functools",
    base: TypeKind::Object,
    methods: KEY_M,
    classmethods: &[],
    props: &[PropSpec {
        name: "obj",
        get: &K_OBJ,
        set: None,
    }],
    unhashable: true,
    flags: SpecFlags::NONE,
};

/// Builds the `_functools` module.
pub fn init(vm: &mut Vm) -> Value {
    let partial = class_of(vm, &PARTIAL);
    let key = class_of(vm, &KEY_WRAPPER);
    let lru = class_of(vm, &super::lru_cache::LRU_CACHE_WRAPPER);
    new_module(
        "_functools",
        FUNCTOOLS_FUNCTIONS,
        vec![
            ("partial", Value::Type(partial)),
            ("KeyWrapper", Value::Type(key)),
            ("_lru_cache_wrapper", Value::Type(lru)),
        ],
    )
}

fn reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "reduce", 2, 3)?;
    let func = &args[0];
    let it = match vm.get_iter(&args[1]) {
        Ok(it) => it,
        Err(e) if e.is(ExcKind::TypeError) => {
            return Err(PyErr::type_error("reduce() arg 2 must support iteration"))
        }
        Err(e) => return Err(e),
    };
    let mut acc = args.get(2).cloned();
    while let Some(v) = vm.iter_next(&it)? {
        acc = Some(match acc {
            None => v,
            Some(x) => vm.call(func, &[x, v])?,
        });
    }
    acc.ok_or_else(|| PyErr::type_error("reduce() of empty iterable with no initial value"))
}

// ---- partial ----

struct Partial {
    func: Value,
    args: Rc<Vec<Value>>,
    /// A dict value (`partial.keywords`).
    keywords: Value,
}

impl crate::gc::Traverse for Partial {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.push(self.func.clone());
        // The argument vector may be shared with another partial.
        if Rc::strong_count(&self.args) == 1 {
            out.extend(self.args.iter().cloned());
        }
        out.push(self.keywords.clone());
    }
}

fn partial_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let a = rest(&a);
    let Some(func) = a.pos.first() else {
        return Err(PyErr::type_error(
            "type 'partial' takes at least one argument",
        ));
    };
    if !crate::native::is_callable(func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let mut func = func.clone();
    let mut args: Vec<Value> = Vec::new();
    let mut kw = Dict::new();
    // A partial of a plain partial (no instance attributes) is flattened.
    if let Some(inner) = state_of::<Partial>(&func) {
        let plain = match &func {
            Value::Instance(i) => i.dict.is_empty(),
            _ => false,
        };
        if plain {
            let p = borrow(&inner)?;
            args.extend(p.args.iter().cloned());
            if let Value::Dict(d) = &p.keywords {
                kw = d.borrow().clone();
            }
            let f = p.func.clone();
            drop(p);
            func = f;
        }
    }
    args.extend(a.pos[1..].iter().cloned());
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        kw.insert(k.clone(), v.clone())?;
    }
    Ok(new_object(
        &cls,
        Partial {
            func,
            args: Rc::new(args),
            keywords: Value::dict(kw),
        },
    ))
}

fn partial_state(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<Partial>>> {
    receiver::<Partial>(a, "functools.partial", name)
}

fn partial_call(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = partial_state(&a, "__call__")?;
    let (func, pargs, kw) = {
        let p = borrow(&st)?;
        (p.func.clone(), p.args.clone(), p.keywords.clone())
    };
    let mut all: Vec<Value> = pargs.iter().cloned().collect();
    all.extend(a.pos[1..].iter().cloned());
    let mut names = Vec::new();
    let mut vals = Vec::new();
    if let Value::Dict(d) = &kw {
        for (k, v) in d.borrow().iter() {
            names.push(k.clone());
            vals.push(v.clone());
        }
    }
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match names.iter().position(|n| crate::dict::key_eq(n, k)) {
            Some(i) => vals[i] = v.clone(),
            None => {
                names.push(k.clone());
                vals.push(v.clone());
            }
        }
    }
    vm.call_with_kw(&func, &all, &names, &vals)
}

fn partial_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = partial_state(&a, "__repr__")?;
    let me = a.pos[0].clone();
    let t = type_of(&me);
    let name = if Rc::ptr_eq(&t, &class_of(vm, &PARTIAL)) {
        "functools.partial".to_string()
    } else {
        t.name.clone()
    };
    let (func, pargs, kw) = {
        let p = borrow(&st)?;
        (p.func.clone(), p.args.clone(), p.keywords.clone())
    };
    let out = repr_guard(&me, || {
        let mut parts = vec![vm.repr_of(&func)?];
        for v in pargs.iter() {
            parts.push(vm.repr_of(v)?);
        }
        if let Value::Dict(d) = &kw {
            let items: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (k, v) in items {
                let k = vm.str_of(&k)?;
                parts.push(format!("{}={}", k, vm.repr_of(&v)?));
            }
        }
        Ok(format!("{}({})", name, parts.join(", ")))
    })?;
    Ok(Value::string(out.unwrap_or_else(|| "...".to_string())))
}

/// `(type(p), (func,), (func, args, keywords, __dict__ or None))`.
fn partial_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = partial_state(&a, "__reduce__")?;
    let (func, pargs, kw) = {
        let p = borrow(&st)?;
        (p.func.clone(), p.args.clone(), p.keywords.clone())
    };
    let me = a.pos[0].clone();
    let dict = match &me {
        Value::Instance(i) if !i.dict.is_empty() => Value::Dict(i.dict.clone()),
        _ => Value::None,
    };
    Ok(Value::tuple(vec![
        Value::Type(type_of(&me)),
        Value::tuple(vec![func.clone()]),
        Value::tuple(vec![func, Value::Tuple(pargs), kw, dict]),
    ]))
}

/// `partial_setstate`: a 4-tuple `(func, args, keywords, dict)`; a tuple or
/// dict subclass is converted, an exact dict is kept as it is, and the
/// instance dict is replaced (`None` empties it).
fn partial_setstate(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = partial_state(&a, "__setstate__")?;
    let invalid = || PyErr::type_error("invalid partial state");
    let Some(Value::Tuple(state)) = a.pos.get(1) else {
        return Err(invalid());
    };
    let [func, fargs, kw, dict] = state.as_slice() else {
        return Err(invalid());
    };
    if !crate::native::is_callable(func) {
        return Err(invalid());
    }
    let args = match fargs {
        Value::Tuple(t) => t.clone(),
        other => match crate::instance::payload_of(other) {
            Some(Value::Tuple(t)) => Rc::new(t.to_vec()),
            _ => return Err(invalid()),
        },
    };
    let keywords = match kw {
        Value::None => Value::dict(Dict::new()),
        Value::Dict(_) => kw.clone(),
        other => match crate::instance::payload_of(other) {
            Some(Value::Dict(d)) => Value::dict(d.borrow().clone()),
            _ => return Err(invalid()),
        },
    };
    {
        let mut p = borrow(&st)?;
        p.func = func.clone();
        p.args = args;
        p.keywords = keywords;
    }
    if let Value::Instance(i) = &a.pos[0] {
        let new = match dict {
            Value::None => Rc::new(RefCell::new(Dict::new())),
            Value::Dict(d) => d.clone(),
            other => match crate::instance::payload_of(other) {
                Some(Value::Dict(d)) => d.clone(),
                _ => Rc::new(RefCell::new(Dict::new())),
            },
        };
        drop(i.dict.replace(new));
    }
    Ok(Value::None)
}

fn partial_func(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = partial_state(&a, "func")?;
    let f = borrow(&st)?.func.clone();
    Ok(f)
}

fn partial_args(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = partial_state(&a, "args")?;
    let t = borrow(&st)?.args.clone();
    Ok(Value::Tuple(t))
}

fn partial_keywords(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = partial_state(&a, "keywords")?;
    let k = borrow(&st)?.keywords.clone();
    Ok(k)
}

// ---- cmp_to_key ----

struct KeyWrapper {
    cmp: Value,
    obj: Option<Value>,
}

impl crate::gc::Traverse for KeyWrapper {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.push(self.cmp.clone());
        out.extend(self.obj.iter().cloned());
    }
}

/// [`crate::gc::Traverse`] for this module's native objects.
pub(crate) fn gc_traverse(state: &dyn std::any::Any, out: &mut Vec<Value>) -> bool {
    use crate::gc::traverse_as;
    traverse_as::<Partial>(state, out) || traverse_as::<KeyWrapper>(state, out)
}

fn cmp_to_key(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "cmp_to_key", &["mycmp"], 1)?;
    let cmp = args[0].cloned().unwrap_or(Value::None);
    let cls = class_of(vm, &KEY_WRAPPER);
    Ok(new_object(&cls, KeyWrapper { cmp, obj: None }))
}

fn key_new(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::type_error(
        "cannot create 'functools.KeyWrapper' instances",
    ))
}

fn key_call(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<KeyWrapper>(&a, "functools.KeyWrapper", "__call__")?;
    let args = bind_args(&rest(&a), "K", &["obj"], 1)?;
    let cmp = borrow(&st)?.cmp.clone();
    let obj = args[0].cloned();
    let cls = class_of(vm, &KEY_WRAPPER);
    Ok(new_object(&cls, KeyWrapper { cmp, obj }))
}

fn key_obj(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<KeyWrapper>(&a, "functools.KeyWrapper", "obj")?;
    let obj = borrow(&st)?.obj.clone();
    obj.ok_or_else(|| PyErr::new(ExcKind::AttributeError, "obj"))
}

fn key_compare(vm: &mut Vm, a: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let st = receiver::<KeyWrapper>(&a, "functools.KeyWrapper", "__lt__")?;
    let other = a.pos.get(1).cloned().unwrap_or(Value::None);
    let Some(ost) = state_of::<KeyWrapper>(&other) else {
        return Err(PyErr::type_error("other argument must be K instance"));
    };
    let (cmp, x) = {
        let s = borrow(&st)?;
        (s.cmp.clone(), s.obj.clone())
    };
    let y = borrow(&ost)?.obj.clone();
    let (Some(x), Some(y)) = (x, y) else {
        return Err(PyErr::new(ExcKind::AttributeError, "object"));
    };
    let r = vm.call(&cmp, &[x, y])?;
    vm.rich_compare(op, &r, &Value::Int(0))
}

fn key_lt(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    key_compare(vm, a, CmpOp::Lt)
}

fn key_le(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    key_compare(vm, a, CmpOp::Le)
}

fn key_eq(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    key_compare(vm, a, CmpOp::Eq)
}

fn key_ne(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    key_compare(vm, a, CmpOp::Ne)
}

fn key_gt(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    key_compare(vm, a, CmpOp::Gt)
}

fn key_ge(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    key_compare(vm, a, CmpOp::Ge)
}
