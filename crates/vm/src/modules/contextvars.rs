//! `_contextvars`: CPython's `Python/context.c` for one thread. A `Context`
//! maps `ContextVar`s to values; a stack of entered contexts (the base one
//! made on first use) decides what `ContextVar.get` sees; `set` returns a
//! `Token` that `reset` uses to restore the previous value. `decimal` keeps
//! its current context here.

use std::cell::RefCell;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    bind_args, borrow, class_of, cls_arg, native_fn, native_methods, new_object, positional,
    receiver, rest, state_of, ClassSpec, PropSpec, SpecFlags,
};
use crate::types::{ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

/// A context: its variables and values in insertion order.
struct Ctx {
    vars: Vec<(Value, Value)>,
    entered: bool,
}

impl Ctx {
    fn get(&self, var: &Value) -> Option<Value> {
        let id = var.identity();
        self.vars
            .iter()
            .find(|(k, _)| k.identity() == id)
            .map(|(_, v)| v.clone())
    }

    fn set(&mut self, var: &Value, val: Value) {
        let id = var.identity();
        match self.vars.iter_mut().find(|(k, _)| k.identity() == id) {
            Some(slot) => slot.1 = val,
            None => self.vars.push((var.clone(), val)),
        }
    }

    fn remove(&mut self, var: &Value) {
        let id = var.identity();
        self.vars.retain(|(k, _)| k.identity() != id);
    }
}

struct Var {
    name: Value,
    default: Option<Value>,
}

struct Token {
    ctx: Value,
    var: Value,
    old: Option<Value>,
    used: bool,
}

/// `Token.MISSING`.
struct Missing;

thread_local! {
    /// Entered contexts, innermost last; the first is the thread's base context.
    static STACK: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

native_methods!(CONTEXT_M, "_contextvars.Context", [
    "__new__" => ctx_new, "run" => ctx_run, "copy" => ctx_copy, "get" => ctx_get,
    "__getitem__" => ctx_getitem, "__contains__" => ctx_contains, "__len__" => ctx_len,
    "__iter__" => ctx_iter, "keys" => ctx_keys, "values" => ctx_values, "items" => ctx_items,
]);
static CONTEXT: ClassSpec = ClassSpec {
    name: "Context",
    module: "_contextvars",
    base: TypeKind::Object,
    methods: CONTEXT_M,
    classmethods: &[],
    props: &[],
    unhashable: true,
    flags: SpecFlags::WEAKREFS,
};

native_methods!(VAR_M, "_contextvars.ContextVar", [
    "__new__" => var_new, "get" => var_get, "set" => var_set, "reset" => var_reset,
    "__repr__" => var_repr,
]);
native_fn!(VAR_NAME, "name", "_contextvars.ContextVar", var_name);
static CONTEXT_VAR: ClassSpec = ClassSpec {
    name: "ContextVar",
    module: "_contextvars",
    base: TypeKind::Object,
    methods: VAR_M,
    classmethods: crate::native::GENERIC,
    props: &[PropSpec {
        name: "name",
        get: &VAR_NAME,
        set: None,
    }],
    unhashable: false,
    flags: SpecFlags::NONE,
};

native_methods!(TOKEN_M, "_contextvars.Token", [
    "__new__" => token_new, "__repr__" => token_repr,
]);
native_fn!(TOKEN_VAR, "var", "_contextvars.Token", token_var);
native_fn!(TOKEN_OLD, "old_value", "_contextvars.Token", token_old);
static TOKEN: ClassSpec = ClassSpec {
    name: "Token",
    module: "_contextvars",
    base: TypeKind::Object,
    methods: TOKEN_M,
    classmethods: crate::native::GENERIC,
    props: &[
        PropSpec {
            name: "var",
            get: &TOKEN_VAR,
            set: None,
        },
        PropSpec {
            name: "old_value",
            get: &TOKEN_OLD,
            set: None,
        },
    ],
    unhashable: false,
    flags: SpecFlags::NONE,
};

native_methods!(MISSING_M, "_contextvars.Token.MISSING", [
    "__new__" => missing_new, "__repr__" => missing_repr,
]);
static MISSING: ClassSpec = ClassSpec {
    name: "Token.MISSING",
    module: "_contextvars",
    base: TypeKind::Object,
    methods: MISSING_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

super::module_functions!(CONTEXTVARS_FUNCTIONS, "_contextvars", [
    "copy_context" => copy_context,
]);

thread_local! {
    static MISSING_OBJ: RefCell<Option<Value>> = const { RefCell::new(None) };
}

fn missing(vm: &mut Vm) -> Value {
    if let Some(m) = MISSING_OBJ.with(|m| m.borrow().clone()) {
        return m;
    }
    let m = crate::native::new_native(vm, &MISSING, Missing);
    MISSING_OBJ.with(|c| *c.borrow_mut() = Some(m.clone()));
    m
}

/// Builds the `_contextvars` module.
pub fn init(vm: &mut Vm) -> Value {
    let token = class_of(vm, &TOKEN);
    let m = missing(vm);
    if let Some(h) = &token.heap {
        let _ = h.dict.borrow_mut().insert(Value::str("MISSING"), m);
    }
    let extra = vec![
        ("Context", Value::Type(class_of(vm, &CONTEXT))),
        ("ContextVar", Value::Type(class_of(vm, &CONTEXT_VAR))),
        ("Token", Value::Type(token)),
    ];
    new_module("_contextvars", CONTEXTVARS_FUNCTIONS, extra)
}

fn new_context(vm: &mut Vm, vars: Vec<(Value, Value)>) -> Value {
    crate::native::new_native(
        vm,
        &CONTEXT,
        Ctx {
            vars,
            entered: false,
        },
    )
}

/// The innermost entered context, the base context made on first use.
fn current(vm: &mut Vm) -> Value {
    if let Some(c) = STACK.with(|s| s.borrow().last().cloned()) {
        return c;
    }
    let base = new_context(vm, Vec::new());
    if let Some(st) = state_of::<Ctx>(&base) {
        if let Ok(mut s) = st.try_borrow_mut() {
            s.entered = true;
        }
    }
    STACK.with(|s| s.borrow_mut().push(base.clone()));
    base
}

fn ctx_state(v: &Value) -> PyResult<Rc<RefCell<Ctx>>> {
    state_of::<Ctx>(v).ok_or_else(|| PyErr::new(ExcKind::SystemError, "bad context"))
}

fn copy_context(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "copy_context", 0, 0)?;
    let cur = current(vm);
    let st = ctx_state(&cur)?;
    let vars = borrow(&st)?.vars.clone();
    Ok(new_context(vm, vars))
}

// ---- Context ----

fn ctx_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let r = rest(&a);
    if !r.pos.is_empty() || !r.kwnames.is_empty() {
        return Err(PyErr::type_error("Context() does not accept any arguments"));
    }
    let _ = vm;
    Ok(new_object(
        &cls,
        Ctx {
            vars: Vec::new(),
            entered: false,
        },
    ))
}

fn ctx_me(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<Ctx>>> {
    receiver::<Ctx>(a, "_contextvars.Context", name)
}

fn ctx_run(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = ctx_me(&a, "run")?;
    let Some(f) = a.pos.get(1) else {
        return Err(PyErr::type_error(
            "run() missing 1 required positional argument",
        ));
    };
    // The base context exists before any other is entered.
    current(vm);
    {
        let mut s = borrow(&st)?;
        if s.entered {
            drop(s);
            let r = vm.repr_of(&a.pos[0])?;
            return Err(PyErr::new(
                ExcKind::RuntimeError,
                format!("cannot enter context: {r} is already entered"),
            ));
        }
        s.entered = true;
    }
    STACK.with(|s| s.borrow_mut().push(a.pos[0].clone()));
    let r = vm.call_with_kw(f, &a.pos[2..], a.kwnames, a.kwvals);
    STACK.with(|s| s.borrow_mut().pop());
    borrow(&st)?.entered = false;
    r
}

fn ctx_copy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = ctx_me(&a, "copy")?;
    let vars = borrow(&st)?.vars.clone();
    Ok(new_context(vm, vars))
}

fn var_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Value> {
    let v = v.cloned().unwrap_or(Value::None);
    if !crate::native::is_instance_of(vm, &v, &CONTEXT_VAR) {
        return Err(PyErr::type_error(format!(
            "a ContextVar key was expected, got {}",
            vm.repr_of(&v)?
        )));
    }
    Ok(v)
}

fn ctx_get(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = ctx_me(&a, "get")?;
    let args = positional(&rest(&a), "get", 1, 2)?;
    let var = var_arg(vm, args.first())?;
    let found = borrow(&st)?.get(&var);
    Ok(found.unwrap_or_else(|| args.get(1).cloned().unwrap_or(Value::None)))
}

fn ctx_getitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = ctx_me(&a, "__getitem__")?;
    let var = var_arg(vm, a.pos.get(1))?;
    let found = borrow(&st)?.get(&var);
    found.ok_or_else(|| PyErr::with_args(ExcKind::KeyError, vec![var]))
}

fn ctx_contains(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = ctx_me(&a, "__contains__")?;
    let var = var_arg(vm, a.pos.get(1))?;
    let found = borrow(&st)?.get(&var).is_some();
    Ok(Value::Bool(found))
}

fn ctx_len(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = ctx_me(&a, "__len__")?;
    let n = borrow(&st)?.vars.len();
    Ok(Value::Int(n as i64))
}

fn ctx_list(a: &Args<'_>, name: &str, f: impl Fn(&(Value, Value)) -> Value) -> PyResult<Value> {
    let st = ctx_me(a, name)?;
    let items: Vec<Value> = borrow(&st)?.vars.iter().map(f).collect();
    Ok(Value::list(items))
}

fn ctx_iter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let keys = ctx_list(&a, "__iter__", |(k, _)| k.clone())?;
    vm.get_iter(&keys)
}

fn ctx_keys(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    ctx_list(&a, "keys", |(k, _)| k.clone())
}

fn ctx_values(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    ctx_list(&a, "values", |(_, v)| v.clone())
}

fn ctx_items(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    ctx_list(&a, "items", |(k, v)| {
        Value::tuple(vec![k.clone(), v.clone()])
    })
}

// ---- ContextVar ----

fn var_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let r = rest(&a);
    if r.pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "ContextVar() takes {} 1 positional argument ({} given)",
            if r.pos.is_empty() {
                "exactly"
            } else {
                "at most"
            },
            r.pos.len()
        )));
    }
    let args = bind_args(&r, "ContextVar", &["name", "default"], 1)?;
    let name = args[0].cloned().unwrap_or(Value::None);
    if !matches!(name, Value::Str(_)) {
        return Err(PyErr::type_error("context variable name must be a str"));
    }
    Ok(new_object(
        &cls,
        Var {
            name,
            default: args[1].cloned(),
        },
    ))
}

fn var_me(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<Var>>> {
    receiver::<Var>(a, "_contextvars.ContextVar", name)
}

fn var_get(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = var_me(&a, "get")?;
    let args = positional(&rest(&a), "get", 0, 1)?;
    let cur = current(vm);
    let cs = ctx_state(&cur)?;
    let found = borrow(&cs)?.get(&a.pos[0]);
    if let Some(v) = found {
        return Ok(v);
    }
    if let Some(d) = args.first() {
        return Ok(d.clone());
    }
    if let Some(d) = borrow(&st)?.default.clone() {
        return Ok(d);
    }
    Err(PyErr::with_args(
        ExcKind::LookupError,
        vec![a.pos[0].clone()],
    ))
}

fn var_set(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    var_me(&a, "set")?;
    let r = rest(&a);
    if !r.kwnames.is_empty() {
        return Err(PyErr::type_error(
            "ContextVar.set() takes no keyword arguments",
        ));
    }
    let [value] = r.pos else {
        return Err(PyErr::type_error(format!(
            "ContextVar.set() takes exactly one argument ({} given)",
            r.pos.len()
        )));
    };
    let cur = current(vm);
    let st = ctx_state(&cur)?;
    let old = borrow(&st)?.get(&a.pos[0]);
    borrow(&st)?.set(&a.pos[0], value.clone());
    Ok(crate::native::new_native(
        vm,
        &TOKEN,
        Token {
            ctx: cur,
            var: a.pos[0].clone(),
            old,
            used: false,
        },
    ))
}

fn var_reset(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    var_me(&a, "reset")?;
    let [tok] = positional(&rest(&a), "reset", 1, 1)? else {
        return Err(PyErr::type_error("reset expected 1 argument"));
    };
    let Some(ts) = state_of::<Token>(tok) else {
        return Err(PyErr::type_error(format!(
            "expected an instance of Token, got {}",
            vm.repr_of(tok)?
        )));
    };
    let (ctx, var, old, used) = {
        let t = borrow(&ts)?;
        (t.ctx.clone(), t.var.clone(), t.old.clone(), t.used)
    };
    if used {
        let r = vm.repr_of(tok)?;
        return Err(PyErr::new(
            ExcKind::RuntimeError,
            format!("{r} has already been used once"),
        ));
    }
    if var.identity() != a.pos[0].identity() {
        let r = vm.repr_of(tok)?;
        return Err(PyErr::new(
            ExcKind::ValueError,
            format!("{r} was created by a different ContextVar"),
        ));
    }
    let cur = current(vm);
    if cur.identity() != ctx.identity() {
        let r = vm.repr_of(tok)?;
        return Err(PyErr::new(
            ExcKind::ValueError,
            format!("{r} was created in a different Context"),
        ));
    }
    borrow(&ts)?.used = true;
    let st = ctx_state(&cur)?;
    match old {
        Some(v) => borrow(&st)?.set(&var, v),
        None => borrow(&st)?.remove(&var),
    }
    Ok(Value::None)
}

fn var_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = var_me(&a, "__repr__")?;
    let (name, default) = {
        let s = borrow(&st)?;
        (s.name.clone(), s.default.clone())
    };
    let mut out = format!("<ContextVar name={}", vm.repr_of(&name)?);
    if let Some(d) = default {
        out.push_str(&format!(" default={}", vm.repr_of(&d)?));
    }
    out.push_str(&format!(" at {:#x}>", a.pos[0].identity()));
    Ok(Value::string(out))
}

fn var_name(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = var_me(&a, "name")?;
    let name = borrow(&st)?.name.clone();
    Ok(name)
}

// ---- Token ----

fn token_new(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::new(
        ExcKind::RuntimeError,
        "Tokens can only be created by ContextVars",
    ))
}

fn token_me(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<Token>>> {
    receiver::<Token>(a, "_contextvars.Token", name)
}

fn token_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = token_me(&a, "__repr__")?;
    let (var, used) = {
        let t = borrow(&st)?;
        (t.var.clone(), t.used)
    };
    let v = vm.repr_of(&var)?;
    Ok(Value::string(format!(
        "<Token{} var={} at {:#x}>",
        if used { " used" } else { "" },
        v,
        a.pos[0].identity()
    )))
}

fn token_var(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = token_me(&a, "var")?;
    let var = borrow(&st)?.var.clone();
    Ok(var)
}

fn token_old(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = token_me(&a, "old_value")?;
    let old = borrow(&st)?.old.clone();
    Ok(old.unwrap_or_else(|| missing(vm)))
}

fn missing_new(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'Token.MISSING' instances"))
}

fn missing_repr(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(Value::str("<Token.MISSING>"))
}
