//! `_pickle.Pickler`: the class, its `__init__` settings and attributes.
//! The walk itself is `save.rs`; while `dump` runs, the state is moved out
//! of the object, so hooks that call back into the pickler see a fresh one
//! rather than a borrowed cell.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    bind_args, cls_arg, is_callable, native_fn, native_methods, new_object, receiver, rest,
    ClassSpec, PropSpec, SpecFlags,
};
use crate::types::{type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::opcodes::{DEFAULT_PROTOCOL, HIGHEST_PROTOCOL};
use super::save::{PicklerState, Saver};
use super::{attr_opt, pickling_error, tables};

native_methods!(PICKLER_M, "Pickler", [
    "__new__" => pickler_new,
    "__init__" => pickler_init,
    "dump" => pickler_dump,
    "clear_memo" => pickler_clear_memo,
    "__sizeof__" => pickler_sizeof,
]);

macro_rules! prop {
    ($g:ident, $s:ident, $name:literal, $get:path, $set:path) => {{
        native_fn!($g, $name, "_pickle.Pickler", $get);
        native_fn!($s, $name, "_pickle.Pickler", $set);
        PropSpec {
            name: $name,
            get: &$g,
            set: Some(&$s),
        }
    }};
}

static PICKLER_P: &[PropSpec] = &[
    prop!(G_MEMO, S_MEMO, "memo", get_memo, set_memo),
    prop!(G_PERS, S_PERS, "persistent_id", get_persid, set_persid),
    prop!(G_DT, S_DT, "dispatch_table", get_dispatch, set_dispatch),
    prop!(G_BIN, S_BIN, "bin", get_bin, set_bin),
    prop!(G_FAST, S_FAST, "fast", get_fast, set_fast),
];

/// `_pickle.Pickler`.
pub(super) static PICKLER: ClassSpec = ClassSpec {
    name: "Pickler",
    module: "_pickle",
    base: TypeKind::Object,
    methods: PICKLER_M,
    classmethods: &[],
    props: PICKLER_P,
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

type State = std::rc::Rc<std::cell::RefCell<PicklerState>>;

fn me(a: &Args<'_>, name: &str) -> PyResult<State> {
    receiver::<PicklerState>(a, "_pickle.Pickler", name)
}

fn pickler_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    Ok(new_object(&cls, PicklerState::default()))
}

/// `_Pickler_SetProtocol`: `None` is the default, a negative number the
/// highest.
pub(super) fn protocol_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<u8> {
    let p = match v {
        None | Some(Value::None) => DEFAULT_PROTOCOL,
        Some(v) => {
            if matches!(v, Value::Float(_)) {
                return Err(PyErr::type_error(
                    "'float' object cannot be interpreted as an integer",
                ));
            }
            vm.index_value(v)?
        }
    };
    if p < 0 {
        return Ok(HIGHEST_PROTOCOL as u8);
    }
    if p > HIGHEST_PROTOCOL {
        return Err(PyErr::value_error(format!(
            "pickle protocol must be <= {HIGHEST_PROTOCOL}"
        )));
    }
    Ok(p as u8)
}

/// The settings every pickler takes: protocol, `fix_imports`, `buffer_callback`.
pub(super) fn configure(
    vm: &mut Vm,
    st: &mut PicklerState,
    protocol: Option<&Value>,
    fix_imports: Option<&Value>,
    buffer_callback: Option<&Value>,
) -> PyResult<()> {
    let proto = protocol_arg(vm, protocol)?;
    let fix = match fix_imports {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    st.proto = proto;
    st.bin = proto > 0;
    st.fix_imports = fix && proto < 3;
    st.buffer_callback = match buffer_callback {
        None | Some(Value::None) => None,
        Some(cb) => {
            if proto < 5 {
                return Err(PyErr::value_error("buffer_callback needs protocol >= 5"));
            }
            Some(cb.clone())
        }
    };
    Ok(())
}

/// `init_method_ref`: a hook found on the object, kept unbound when it is
/// a method of that object (no reference cycle through the bound method).
pub(super) fn method_ref(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<(Value, bool)>> {
    Ok(match attr_opt(vm, obj, name)? {
        None => None,
        Some(Value::Method(m)) if m.0.is(obj) => Some((m.1.clone(), true)),
        Some(f) => Some((f, false)),
    })
}

fn pickler_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__init__")?;
    let obj = a.pos.first().cloned().unwrap_or(Value::None);
    let r = rest(&a);
    let args = bind_args(
        &r,
        "Pickler",
        &["file", "protocol", "fix_imports", "buffer_callback"],
        1,
    )?;
    let mut fresh = PicklerState::default();
    configure(vm, &mut fresh, args[1], args[2], args[3])?;
    let file = args[0].cloned().unwrap_or(Value::None);
    let Some(write) = attr_opt(vm, &file, "write")? else {
        return Err(PyErr::type_error("file must have a 'write' attribute"));
    };
    fresh.write = Some(write);
    fresh.ready = true;
    *st.borrow_mut() = fresh;
    let pers = method_ref(vm, &obj, "persistent_id")?;
    let dt = attr_opt(vm, &obj, "dispatch_table")?;
    let mut s = st.borrow_mut();
    s.pers_func = pers;
    s.dispatch_table = dt;
    Ok(Value::None)
}

/// Runs a `dump` of `obj` on the pickler `me` with state `st`.
pub(super) fn run_dump(vm: &mut Vm, me: &Value, st: &State, obj: &Value) -> PyResult<()> {
    let ro = attr_opt(vm, me, "reducer_override")?;
    let mut work = std::mem::take(&mut *st.borrow_mut());
    work.reducer_override = ro;
    let t = tables(vm)?;
    let r = {
        let mut saver = Saver::new(&mut work, me.clone(), &t);
        saver.dump(vm, obj)
    };
    work.reducer_override = None;
    let r = r.and_then(|()| flush(vm, &mut work));
    // Hooks may have replaced settings meanwhile; the walk's state wins.
    *st.borrow_mut() = work;
    r
}

fn flush(vm: &mut Vm, st: &mut PicklerState) -> PyResult<()> {
    if let Some(w) = st.write.clone() {
        let data = std::mem::take(&mut st.out.buf);
        st.out.clear();
        vm.call(&w, &[Value::Bytes(std::rc::Rc::new(data))])?;
    }
    Ok(())
}

fn pickler_dump(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "dump")?;
    let this = a.pos.first().cloned().unwrap_or(Value::None);
    let r = rest(&a);
    if !r.kwnames.is_empty() {
        return Err(PyErr::type_error(
            "Pickler.dump() takes no keyword arguments",
        ));
    }
    let [obj] = r.pos else {
        return Err(PyErr::type_error(format!(
            "Pickler.dump() takes exactly one argument ({} given)",
            r.pos.len()
        )));
    };
    if !st.borrow().ready {
        let n = crate::types::type_of(&this).name.clone();
        return Err(pickling_error(
            vm,
            format!("Pickler.__init__() was not called by {n}.__init__()"),
        ));
    }
    st.borrow_mut().out.clear();
    run_dump(vm, &this, &st, obj)?;
    Ok(Value::None)
}

fn pickler_clear_memo(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "clear_memo")?;
    st.borrow_mut().memo.clear();
    Ok(Value::None)
}

fn pickler_sizeof(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__sizeof__")?;
    let s = st.borrow();
    let n = 96 + s.out.buf.capacity() + 24 * s.memo.entries().len();
    Ok(Value::Int(n as i64))
}

fn value_arg(a: &Args<'_>) -> Option<Value> {
    match a.pos.get(1) {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.clone()),
    }
}

fn no_delete() -> PyErr {
    PyErr::type_error("attribute deletion is not supported")
}

fn get_memo(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    me(&a, "memo")?;
    let this = a.pos.first().cloned().unwrap_or(Value::None);
    Ok(super::memo::pickler_proxy(vm, this))
}

fn set_memo(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "memo")?;
    let Some(v) = value_arg(&a) else {
        return Err(no_delete());
    };
    let entries = if let Some(other) = super::memo::pickler_of_proxy(&v) {
        match super::native_state::<PicklerState>(&other) {
            Some(o) => o.borrow().memo.entries(),
            None => Vec::new(),
        }
    } else if let Value::Dict(d) = crate::instance::payload_of(&v).unwrap_or(&v) {
        let items: Vec<Value> = d.borrow().iter().map(|(_, v)| v.clone()).collect();
        let mut out = Vec::new();
        for item in items {
            match &item {
                Value::Tuple(t) if t.len() == 2 => {
                    let idx = vm.index_value(&t[0])?;
                    out.push((idx.max(0) as usize, t[1].clone()));
                }
                _ => return Err(PyErr::type_error("'memo' values must be 2-item tuples")),
            }
        }
        out
    } else {
        return Err(PyErr::type_error(format!(
            "'memo' attribute must be a PicklerMemoProxy object or dict, not {}",
            type_name(&v)
        )));
    };
    st.borrow_mut().memo.set_entries(entries);
    Ok(Value::None)
}

fn get_persid(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "persistent_id")?;
    let this = a.pos.first().cloned().unwrap_or(Value::None);
    let s = st.borrow();
    match &s.pers_func {
        Some((f, true)) => Ok(Value::Method(std::rc::Rc::new((this, f.clone())))),
        Some((f, false)) => Ok(f.clone()),
        None => Err(PyErr::new(ExcKind::AttributeError, "persistent_id")),
    }
}

fn set_persid(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "persistent_id")?;
    let Some(v) = value_arg(&a) else {
        return Err(no_delete());
    };
    if !is_callable(&v) {
        return Err(PyErr::type_error(
            "persistent_id must be a callable taking one argument",
        ));
    }
    st.borrow_mut().pers_func = Some((v, false));
    Ok(Value::None)
}

fn get_dispatch(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "dispatch_table")?;
    let s = st.borrow();
    s.dispatch_table
        .clone()
        .ok_or_else(|| PyErr::new(ExcKind::AttributeError, "dispatch_table"))
}

fn set_dispatch(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "dispatch_table")?;
    st.borrow_mut().dispatch_table = value_arg(&a);
    Ok(Value::None)
}

fn get_bin(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "bin")?;
    let b = st.borrow().bin;
    Ok(Value::Int(i64::from(b)))
}

fn set_bin(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "bin")?;
    let Some(v) = value_arg(&a) else {
        return Err(PyErr::type_error("can't delete numeric/char attribute"));
    };
    let i = vm.index_value(&v)?;
    st.borrow_mut().bin = i != 0;
    Ok(Value::None)
}

fn get_fast(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "fast")?;
    let b = st.borrow().fast;
    Ok(Value::Int(i64::from(b)))
}

fn set_fast(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "fast")?;
    let Some(v) = value_arg(&a) else {
        return Err(PyErr::type_error("can't delete numeric/char attribute"));
    };
    let i = vm.index_value(&v)?;
    st.borrow_mut().fast = i != 0;
    Ok(Value::None)
}
