//! `_pickle.Unpickler`: the class, its `__init__` settings, `find_class`
//! and attributes. The opcode loop is `load.rs`.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    cls_arg, is_callable, native_fn, native_methods, new_object, receiver, rest, ClassSpec,
    PropSpec, SpecFlags,
};
use crate::types::{type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::input::Input;
use super::load::{Loader, UnpicklerState};
use super::save_global::{deep_attribute, dotted_path_on};
use super::{attr_opt, dict_lookup, tables, unpickling_error, Tables};

native_methods!(UNPICKLER_M, "Unpickler", [
    "__new__" => unpickler_new,
    "__init__" => unpickler_init,
    "load" => unpickler_load,
    "find_class" => unpickler_find_class,
    "__sizeof__" => unpickler_sizeof,
]);

macro_rules! prop {
    ($g:ident, $s:ident, $name:literal, $get:path, $set:path) => {{
        native_fn!($g, $name, "_pickle.Unpickler", $get);
        native_fn!($s, $name, "_pickle.Unpickler", $set);
        PropSpec {
            name: $name,
            get: &$g,
            set: Some(&$s),
        }
    }};
}

static UNPICKLER_P: &[PropSpec] = &[
    prop!(G_MEMO, S_MEMO, "memo", get_memo, set_memo),
    prop!(
        G_PERS,
        S_PERS,
        "persistent_load",
        get_persload,
        set_persload
    ),
];

/// `_pickle.Unpickler`.
pub(super) static UNPICKLER: ClassSpec = ClassSpec {
    name: "Unpickler",
    module: "_pickle",
    base: TypeKind::Object,
    methods: UNPICKLER_M,
    classmethods: &[],
    props: UNPICKLER_P,
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

type State = std::rc::Rc<std::cell::RefCell<UnpicklerState>>;

fn me(a: &Args<'_>, name: &str) -> PyResult<State> {
    receiver::<UnpicklerState>(a, "_pickle.Unpickler", name)
}

fn unpickler_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    Ok(new_object(&cls, UnpicklerState::default()))
}

fn str_param(
    vm: &mut Vm,
    v: Option<&Value>,
    default: &str,
    fname: &str,
    what: &str,
) -> PyResult<String> {
    match v {
        None => Ok(default.to_string()),
        Some(v) => match crate::instance::payload_of(v).unwrap_or(v) {
            Value::Str(s) => Ok(s.as_str().to_string()),
            _ => {
                let _ = vm;
                Err(PyErr::type_error(format!(
                    "{fname}() argument '{what}' must be str, not {}",
                    type_name(v)
                )))
            }
        },
    }
}

/// The settings every unpickler takes (`fix_imports`, `encoding`,
/// `errors`, `buffers`).
pub(super) fn configure(
    vm: &mut Vm,
    st: &mut UnpicklerState,
    fname: &str,
    args: &[Option<&Value>],
) -> PyResult<()> {
    st.fix_imports = match args[0] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    st.encoding = str_param(vm, args[1], "ASCII", fname, "encoding")?;
    st.errors = str_param(vm, args[2], "strict", fname, "errors")?;
    st.buffers = match args[3] {
        None | Some(Value::None) => None,
        Some(b) => Some(vm.get_iter(b)?),
    };
    Ok(())
}

/// Keyword-only arguments after the leading positional ones.
pub(super) fn split_kwonly<'a>(
    a: &Args<'a>,
    fname: &str,
    npos: usize,
    kw: &[&str],
) -> PyResult<(Vec<&'a Value>, Vec<Option<&'a Value>>)> {
    if a.pos.len() > npos {
        return Err(PyErr::type_error(format!(
            "{fname}() takes exactly {npos} positional argument{} ({} given)",
            if npos == 1 { "" } else { "s" },
            a.pos.len()
        )));
    }
    let mut pos: Vec<&Value> = a.pos.iter().collect();
    let mut out = vec![None; kw.len()];
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        let key = match k {
            Value::Str(s) => s.as_str(),
            _ => "",
        };
        match kw.iter().position(|n| *n == key) {
            Some(i) => out[i] = Some(v),
            None if key == "file" && npos == 1 && pos.is_empty() => pos.push(v),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{key}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    if pos.len() < npos {
        return Err(PyErr::type_error(format!(
            "{fname}() missing required argument 'file' (pos 1)"
        )));
    }
    Ok((pos, out))
}

/// `_Unpickler_SetInputStream`: the file's `read` and `readline`.
pub(super) fn file_input(vm: &mut Vm, file: &Value) -> PyResult<Input> {
    let read = attr_opt(vm, file, "read")?;
    let readline = attr_opt(vm, file, "readline")?;
    if read.is_none() || readline.is_none() {
        return Err(PyErr::type_error(
            "file must have 'read' and 'readline' attributes",
        ));
    }
    Ok(Input::from_file(read, readline))
}

const KW: [&str; 4] = ["fix_imports", "encoding", "errors", "buffers"];

fn unpickler_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__init__")?;
    let obj = a.pos.first().cloned().unwrap_or(Value::None);
    let r = rest(&a);
    let (pos, kw) = split_kwonly(&r, "Unpickler", 1, &KW)?;
    let mut fresh = UnpicklerState {
        input: file_input(vm, pos[0])?,
        ..UnpicklerState::default()
    };
    configure(vm, &mut fresh, "Unpickler", &kw)?;
    fresh.ready = true;
    *st.borrow_mut() = fresh;
    let pers = super::pickler::method_ref(vm, &obj, "persistent_load")?;
    st.borrow_mut().pers_func = pers;
    Ok(Value::None)
}

/// Runs a `load` on the unpickler `me` with state `st`.
pub(super) fn run_load(vm: &mut Vm, me: &Value, st: &State) -> PyResult<Value> {
    let mut work = std::mem::take(&mut *st.borrow_mut());
    {
        let mut sh = st.borrow_mut();
        sh.fix_imports = work.fix_imports;
        sh.ready = true;
    }
    let t = tables(vm)?;
    let r = {
        let mut loader = Loader {
            st: &mut work,
            me: me.clone(),
            tables: &t,
            shadow: Some(st.clone()),
        };
        loader.load(vm)
    };
    work.stack.clear();
    work.marks.clear();
    *st.borrow_mut() = work;
    r
}

fn unpickler_load(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "load")?;
    let this = a.pos.first().cloned().unwrap_or(Value::None);
    if a.pos.len() > 1 || !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "Unpickler.load() takes no arguments ({} given)",
            a.pos.len() - 1 + a.kwnames.len()
        )));
    }
    if !st.borrow().ready {
        let n = crate::types::type_of(&this).name.clone();
        return Err(unpickling_error(
            vm,
            format!("Unpickler.__init__() was not called by {n}.__init__()"),
        ));
    }
    run_load(vm, &this, &st)
}

/// `Unpickler.find_class(module_name, global_name)`: the 2.x name mapping
/// for old protocols, the import, then the (dotted, from protocol 4) name.
pub(super) fn find_class_impl(
    vm: &mut Vm,
    proto: u8,
    fix_imports: bool,
    t: &Tables,
    mut module: Value,
    mut name: Value,
) -> PyResult<Value> {
    if proto < 3 && fix_imports {
        let key = Value::tuple(vec![module.clone(), name.clone()]);
        if let Some(item) = dict_lookup(vm, &t.name_2to3, &key)? {
            match &item {
                Value::Tuple(p) if p.len() == 2 => {
                    if !matches!(p[0], Value::Str(_)) || !matches!(p[1], Value::Str(_)) {
                        return Err(PyErr::new(
                            ExcKind::RuntimeError,
                            format!(
                                "_compat_pickle.NAME_MAPPING values should be pairs of str, not ({}, {})",
                                type_name(&p[0]),
                                type_name(&p[1])
                            ),
                        ));
                    }
                    module = p[0].clone();
                    name = p[1].clone();
                }
                _ => {
                    return Err(PyErr::new(
                        ExcKind::RuntimeError,
                        format!(
                            "_compat_pickle.NAME_MAPPING values should be 2-tuples, not {}",
                            type_name(&item)
                        ),
                    ))
                }
            }
        } else if let Some(item) = dict_lookup(vm, &t.import_2to3, &module)? {
            if !matches!(item, Value::Str(_)) {
                return Err(PyErr::new(
                    ExcKind::RuntimeError,
                    format!(
                        "_compat_pickle.IMPORT_MAPPING values should be strings, not {}",
                        type_name(&item)
                    ),
                ));
            }
            module = item;
        }
    }
    let mname = match crate::instance::payload_of(&module).unwrap_or(&module) {
        Value::Str(s) => s.as_str().to_string(),
        _ => {
            return Err(PyErr::type_error(format!(
                "module name must be str, not {}",
                type_name(&module)
            )))
        }
    };
    let m = vm.import_dotted(&mname)?;
    let gname = match crate::instance::payload_of(&name).unwrap_or(&name) {
        Value::Str(s) => s.as_str().to_string(),
        _ => {
            return Err(PyErr::type_error(format!(
                "attribute name must be string, not '{}'",
                type_name(&name)
            )))
        }
    };
    let found = if proto >= 4 {
        let path = dotted_path_on(vm, &gname, &m)?;
        deep_attribute(vm, &m, &path)?.map(|(v, _)| v)
    } else {
        attr_opt(vm, &m, &gname)?
    };
    match found {
        Some(v) => Ok(v),
        None => {
            let (nr, mr) = (vm.repr_of(&name)?, vm.repr_of(&m)?);
            Err(PyErr::new(
                ExcKind::AttributeError,
                format!("Can't get attribute {nr} on {mr}"),
            ))
        }
    }
}

fn unpickler_find_class(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "find_class")?;
    let r = rest(&a);
    if !r.kwnames.is_empty() {
        return Err(PyErr::type_error("find_class() takes no keyword arguments"));
    }
    let [module, name] = r.pos else {
        return Err(PyErr::type_error(format!(
            "find_class expected 2 arguments, got {}",
            r.pos.len()
        )));
    };
    let (proto, fix) = {
        let s = st.borrow();
        (s.proto, s.fix_imports)
    };
    let t = tables(vm)?;
    find_class_impl(vm, proto, fix, &t, module.clone(), name.clone())
}

fn unpickler_sizeof(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__sizeof__")?;
    let s = st.borrow();
    Ok(Value::Int(
        (128 + 8 * s.memo.len() + 8 * s.stack.len()) as i64,
    ))
}

fn value_arg(a: &Args<'_>) -> Option<Value> {
    match a.pos.get(1) {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.clone()),
    }
}

fn get_memo(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    me(&a, "memo")?;
    let this = a.pos.first().cloned().unwrap_or(Value::None);
    Ok(super::memo::unpickler_proxy(vm, this))
}

fn set_memo(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "memo")?;
    let Some(v) = value_arg(&a) else {
        return Err(PyErr::type_error("attribute deletion is not supported"));
    };
    let memo = if let Some(other) = super::memo::unpickler_of_proxy(&v) {
        match super::native_state::<UnpicklerState>(&other) {
            Some(o) => o.borrow().memo.clone(),
            None => Default::default(),
        }
    } else if let Value::Dict(d) = crate::instance::payload_of(&v).unwrap_or(&v) {
        let items: Vec<(Value, Value)> = d
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let mut out = std::collections::HashMap::new();
        for (k, v) in items {
            let Value::Int(i) = k else {
                return Err(PyErr::type_error("memo key must be integers"));
            };
            if i < 0 {
                return Err(PyErr::value_error("memo key must be positive integers."));
            }
            out.insert(i as usize, v);
        }
        let _ = vm;
        out
    } else {
        return Err(PyErr::type_error(format!(
            "'memo' attribute must be an UnpicklerMemoProxy object or dict, not {}",
            type_name(&v)
        )));
    };
    st.borrow_mut().memo = memo;
    Ok(Value::None)
}

fn get_persload(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "persistent_load")?;
    let this = a.pos.first().cloned().unwrap_or(Value::None);
    let s = st.borrow();
    match &s.pers_func {
        Some((f, true)) => Ok(Value::Method(std::rc::Rc::new((this, f.clone())))),
        Some((f, false)) => Ok(f.clone()),
        None => Err(PyErr::new(ExcKind::AttributeError, "persistent_load")),
    }
}

fn set_persload(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "persistent_load")?;
    let Some(v) = value_arg(&a) else {
        return Err(PyErr::type_error("attribute deletion is not supported"));
    };
    if !is_callable(&v) {
        return Err(PyErr::type_error(
            "persistent_load must be a callable taking one argument",
        ));
    }
    st.borrow_mut().pers_func = Some((v, false));
    Ok(Value::None)
}
