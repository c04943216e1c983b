//! Struct sequences (`os.stat_result`, `time.struct_time`, `sys.version_info`,
//! ...): tuple subclasses whose items also have names, as CPython's
//! `Objects/structseq.c`.
//!
//! One [`StructSeqType`] declares a type; its class is built on first use as
//! an ordinary heap class deriving from `tuple` (so indexing, unpacking,
//! comparison and hashing are the tuple's), with a read-only property per
//! named field, `n_sequence_fields`/`n_fields`/`n_unnamed_fields`,
//! `__match_args__`, `__new__` (construction from a sequence, with
//! CPython's errors), `__repr__` and `__reduce__`. An instance's payload is
//! the tuple of its sequence fields; the attribute-only fields (`st_atime`
//! as a float, `tm_zone`, ...) are its Rust state.

use std::cell::RefCell;
use std::rc::Rc;

use crate::descr::Descr;
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::instance::Instance;
use crate::native::{native_fn, native_methods, ClassSpec, PropSpec, SpecFlags};
use crate::types::{builtin_type, type_name, TypeKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

/// A struct sequence type, declared once; everything else derives from it.
#[derive(Debug)]
pub struct StructSeqType {
    /// The type's full name, module first (`os.stat_result`): `repr` and
    /// error messages show it; `__module__` and `__name__` are its parts.
    pub name: &'static str,
    /// Every field in storage order; `""` marks an unnamed field (one that
    /// is a tuple item but no attribute, as `stat_result`'s integer times).
    pub fields: &'static [&'static str],
    /// How many fields are tuple items (the rest are attributes only).
    pub n_in_sequence: usize,
    /// Whether Python code may make instances (`sys.version_info` refuses).
    pub constructible: bool,
    /// Fills attribute-only fields a constructor left `None` (stat_result's
    /// float times from the integer ones), as the type's own `__new__`.
    pub fill: Option<fn(&mut [Value])>,
}

impl StructSeqType {
    fn named(&self) -> impl Iterator<Item = (usize, &'static str)> + '_ {
        self.fields
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.is_empty())
            .map(|(i, f)| (i, *f))
    }

    fn n_unnamed(&self) -> usize {
        self.fields.iter().filter(|f| f.is_empty()).count()
    }

    fn split_name(&self) -> (&'static str, &'static str) {
        self.name
            .rsplit_once('.')
            .unwrap_or(("builtins", self.name))
    }
}

/// The Rust state of an instance.
struct Fields {
    typ: &'static StructSeqType,
    /// The attribute-only fields, after the sequence part.
    extra: Vec<Value>,
}

thread_local! {
    static CLASSES: RefCell<Vec<(&'static StructSeqType, Rc<TypeObj>)>> =
        const { RefCell::new(Vec::new()) };
}

/// The class of `typ`, built on first use.
pub fn class_of(vm: &mut Vm, typ: &'static StructSeqType) -> Rc<TypeObj> {
    if let Some(t) = CLASSES.with(|c| {
        c.borrow()
            .iter()
            .find(|(k, _)| std::ptr::eq(*k, typ))
            .map(|(_, t)| t.clone())
    }) {
        return t;
    }
    let t = build_class(vm, typ);
    CLASSES.with(|c| c.borrow_mut().push((typ, t.clone())));
    t
}

/// The class of `typ` as a value, for a module's namespace.
pub fn class_value(vm: &mut Vm, typ: &'static StructSeqType) -> Value {
    Value::Type(class_of(vm, typ))
}

/// Whether `t` is a struct sequence class (which, as CPython's, cannot be
/// subclassed).
pub fn is_structseq_class(t: &TypeObj) -> bool {
    CLASSES.with(|c| {
        c.borrow()
            .iter()
            .any(|(_, k)| std::ptr::eq(Rc::as_ptr(k), t))
    })
}

fn spec_of_class(cls: &Rc<TypeObj>) -> Option<&'static StructSeqType> {
    CLASSES.with(|c| {
        c.borrow()
            .iter()
            .find(|(_, t)| Rc::ptr_eq(t, cls))
            .map(|(k, _)| *k)
    })
}

/// A field's getter: a callable holding the field's storage index, used as
/// the `fget` of the field's property.
struct FieldGetter(usize);

fn field_call(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let idx = crate::native::receiver::<FieldGetter>(&a, "structseq_field", "__call__")?
        .borrow()
        .0;
    let obj = a.pos.get(1).unwrap_or(&Value::None);
    Ok(field(obj, idx).unwrap_or(Value::None))
}

native_methods!(FIELD_METHODS, "builtins.structseq_field", [
    "__call__" => field_call,
]);

static FIELD_SPEC: ClassSpec = ClassSpec {
    name: "structseq_field",
    module: "builtins",
    base: TypeKind::Object,
    methods: FIELD_METHODS,
    classmethods: &[],
    props: &[] as &[PropSpec],
    unhashable: false,
    flags: SpecFlags::NONE,
};

/// Field `idx` (storage order) of a struct sequence.
fn field(obj: &Value, idx: usize) -> Option<Value> {
    let Value::Instance(i) = obj else {
        return None;
    };
    let st = crate::native::state_of::<Fields>(obj)?;
    let st = st.borrow();
    if idx < st.typ.n_in_sequence {
        match &i.payload {
            Value::Tuple(t) => t.get(idx).cloned(),
            _ => None,
        }
    } else {
        st.extra.get(idx - st.typ.n_in_sequence).cloned()
    }
}

fn build_class(vm: &mut Vm, typ: &'static StructSeqType) -> Rc<TypeObj> {
    let (module, short) = typ.split_name();
    let mut ns = Dict::new();
    let mut put = |k: &str, v: Value| {
        let _ = ns.insert(Value::str(k), v);
    };
    put("__module__", Value::str(module));
    put("__qualname__", Value::str(short));
    put("__slots__", Value::tuple(Vec::new()));
    for m in STRUCTSEQ_METHODS {
        put(m.name, Value::Builtin(m));
    }
    put("n_sequence_fields", Value::Int(typ.n_in_sequence as i64));
    put("n_fields", Value::Int(typ.fields.len() as i64));
    put("n_unnamed_fields", Value::Int(typ.n_unnamed() as i64));
    let n_match = typ.n_in_sequence.saturating_sub(typ.n_unnamed());
    put(
        "__match_args__",
        Value::tuple(
            typ.named()
                .take(n_match)
                .map(|(_, f)| Value::str(f))
                .collect(),
        ),
    );
    let getters: Vec<(usize, &str)> = typ.named().collect();
    for (idx, name) in getters {
        let fget = crate::native::new_native(vm, &FIELD_SPEC, FieldGetter(idx));
        put(
            name,
            Value::Descr(Rc::new(Descr::Property {
                fget,
                fset: Value::Builtin(&READONLY),
                fdel: Value::None,
                doc: RefCell::new(Value::None),
                name: RefCell::new(Value::str(name)),
            })),
        );
    }
    let base = builtin_type(TypeKind::Tuple);
    match crate::class::new_type(vm, None, typ.name, vec![base.clone()], &ns, (&[], &[])) {
        Ok(t) => {
            // `__slots__` kept instances dict-less; CPython's struct
            // sequences have no such attribute (`pickle`'s tests read it).
            if let Some(h) = &t.heap {
                let _ = h.dict.borrow_mut().remove(&Value::str("__slots__"));
            }
            t
        }
        // Building from a fixed table cannot fail; a plain tuple keeps the VM going.
        Err(_) => base,
    }
}

fn readonly(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::new(
        crate::types::ExcKind::AttributeError,
        "readonly attribute",
    ))
}

native_fn!(READONLY, "__set__", "", readonly);

/// A new struct sequence of type `typ` with all its field values (sequence
/// fields first, then attribute-only ones; missing ones are `None`).
pub fn new(vm: &mut Vm, typ: &'static StructSeqType, values: Vec<Value>) -> Value {
    let cls = class_of(vm, typ);
    make(&cls, typ, values)
}

fn make(cls: &Rc<TypeObj>, typ: &'static StructSeqType, mut values: Vec<Value>) -> Value {
    values.resize(typ.fields.len(), Value::None);
    let extra = values.split_off(typ.n_in_sequence.min(values.len()));
    let mut inst = Instance::new(cls.clone(), Value::Tuple(Rc::new(values)));
    inst.native = Some(Rc::new(RefCell::new(Fields { typ, extra })));
    Value::Instance(Rc::new(inst))
}

fn ss_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = match a.pos.first() {
        Some(Value::Type(t)) => t.clone(),
        _ => {
            return Err(PyErr::type_error(
                "structseq.__new__(X): X is not a type object",
            ))
        }
    };
    let Some(typ) = spec_of_class(&cls) else {
        return Err(PyErr::type_error(format!(
            "cannot create '{}' instances",
            cls.name
        )));
    };
    if !typ.constructible {
        return Err(PyErr::type_error(format!(
            "cannot create '{}' instances",
            typ.name
        )));
    }
    let rest = Args {
        pos: &a.pos[1..],
        kwnames: a.kwnames,
        kwvals: a.kwvals,
    };
    let bound = crate::native::bind_args(&rest, "structseq", &["sequence", "dict"], 1)?;
    let seq = bound[0].cloned().unwrap_or(Value::None);
    let items = match vm.collect(&seq) {
        Ok(v) => v,
        Err(e) if e.0.kind() == crate::types::ExcKind::TypeError => {
            return Err(PyErr::type_error("constructor requires a sequence"))
        }
        Err(e) => return Err(e),
    };
    let (min, max) = (typ.n_in_sequence, typ.fields.len());
    let len = items.len();
    if len < min || len > max {
        let how = match (min == max, len < min) {
            (true, _) => "a",
            (false, true) => "an at least",
            (false, false) => "an at most",
        };
        let want = if len < min { min } else { max };
        return Err(PyErr::type_error(format!(
            "{}() takes {how} {want}-sequence ({len}-sequence given)",
            typ.name
        )));
    }
    let dict = match bound[1] {
        None | Some(Value::None) => None,
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(_) => {
            return Err(PyErr::type_error(format!(
                "{}() takes a dict as second arg, if any",
                typ.name
            )))
        }
    };
    let mut values = items;
    for name in &typ.fields[len..max] {
        let v = match &dict {
            Some(d) if !name.is_empty() => d.borrow().get(&Value::str(name))?.cloned(),
            _ => None,
        };
        values.push(v.unwrap_or(Value::None));
    }
    if let Some(fill) = typ.fill {
        fill(&mut values);
    }
    Ok(make(&cls, typ, values))
}

fn receiver(a: &Args<'_>, name: &str) -> PyResult<(Value, Rc<RefCell<Fields>>)> {
    let recv = a.pos.first().cloned().unwrap_or(Value::None);
    let st = crate::native::state_of::<Fields>(&recv).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{name}' for 'structseq' objects doesn't apply to a '{}' object",
            type_name(&recv)
        ))
    })?;
    Ok((recv, st))
}

fn seq_items(v: &Value) -> Vec<Value> {
    match v {
        Value::Instance(i) => match &i.payload {
            Value::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn ss_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (recv, st) = receiver(&a, "__repr__")?;
    let typ = st.borrow().typ;
    let items = seq_items(&recv);
    let mut out = String::from(typ.name);
    out.push('(');
    // As CPython 3.11, the names shown are the named fields in order, paired
    // with the sequence items (so unnamed items borrow later names).
    for (i, ((_, name), v)) in typ.named().zip(&items).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(name);
        out.push('=');
        out.push_str(&vm.repr_of(v)?);
    }
    out.push(')');
    Ok(Value::str(&out))
}

fn ss_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (recv, st) = receiver(&a, "__reduce__")?;
    let st = st.borrow();
    let mut d = Dict::new();
    for (name, v) in st.typ.fields[st.typ.n_in_sequence..].iter().zip(&st.extra) {
        d.insert(Value::str(name), v.clone())?;
    }
    let cls = match &recv {
        Value::Instance(i) => Value::Type(i.class()),
        _ => Value::None,
    };
    Ok(Value::tuple(vec![
        cls,
        Value::tuple(vec![Value::tuple(seq_items(&recv)), Value::dict(d)]),
    ]))
}

native_methods!(STRUCTSEQ_METHODS, "builtins.structseq", [
    "__new__" => ss_new,
    "__repr__" => ss_repr,
    "__reduce__" => ss_reduce,
]);
