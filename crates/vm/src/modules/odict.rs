//! `collections.OrderedDict`, CPython's `Objects/odictobject.c` (3.11).
//!
//! An instance is a dict subclass instance: the payload is the dict, whose
//! entry order is the OrderedDict's order (`dict/ordered.rs` moves entries
//! for `move_to_end`), and the native state is CPython's `od_state`, the
//! counter of order changes that its iterators check. What CPython does
//! through Python-level calls for a subclass (`copy`, `repr`, `setdefault`,
//! `update`) goes through the VM's item protocol here too, so overridden
//! `__getitem__`/`__setitem__` are seen exactly where CPython sees them.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::instance::Instance;
use crate::native::{
    bind_args, borrow, class_of, cls_arg, native_methods, receiver, repr_guard, rest, short_name,
    state_of, ClassSpec, SpecFlags,
};
use crate::types::{type_of, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::odict_iter::{new_iter, new_view, Kind};

const OWNER: &str = "collections.OrderedDict";

native_methods!(ODICT_M, "collections.OrderedDict", [
    "__new__" => od_new, "__init__" => od_init, "__setitem__" => od_setitem,
    "__delitem__" => od_delitem, "__iter__" => od_iter, "__reversed__" => od_reversed,
    "__repr__" => od_repr, "__eq__" => od_eq, "__ne__" => od_ne,
    "__or__" => od_or, "__ror__" => od_ror, "__ior__" => od_ior,
    "__sizeof__" => od_sizeof, "__reduce__" => od_reduce,
    "keys" => od_keys, "values" => od_values, "items" => od_items,
    "update" => od_update, "clear" => od_clear, "copy" => od_copy,
    "setdefault" => od_setdefault, "pop" => od_pop, "popitem" => od_popitem,
    "move_to_end" => od_move_to_end,
]);

/// `OrderedDict.fromkeys` and `OrderedDict[...]`.
static ODICT_CLASSMETHODS: &[BuiltinDef] = &[
    BuiltinDef {
        name: "fromkeys",
        func: od_fromkeys,
        owner: "collections.OrderedDict",
        is_method: false,
    },
    BuiltinDef {
        name: "__class_getitem__",
        func: crate::generic_alias::class_getitem,
        owner: "",
        is_method: false,
    },
];

static ODICT: ClassSpec = ClassSpec {
    name: "OrderedDict",
    module: "collections",
    base: TypeKind::Dict,
    methods: ODICT_M,
    classmethods: ODICT_CLASSMETHODS,
    props: &[],
    unhashable: true,
    flags: SpecFlags::BASETYPE
        .with(SpecFlags::DICT)
        .with(SpecFlags::WEAKREFS),
};

/// The `OrderedDict` class.
pub fn class(vm: &mut Vm) -> Value {
    Value::Type(class_of(vm, &ODICT))
}

/// CPython's `od_state`: bumped whenever a key is added, removed or moved,
/// so an iterator can tell that the order it walks has changed.
pub(crate) struct OdState {
    pub(crate) state: u64,
}

/// The dict of an OrderedDict (or any dict-like value).
pub(crate) fn dict_of(v: &Value) -> Option<Rc<RefCell<Dict>>> {
    match crate::instance::payload_of(v).unwrap_or(v) {
        Value::Dict(d) => Some(d.clone()),
        _ => None,
    }
}

/// An OrderedDict's order counter and its dict.
type Parts = (Rc<RefCell<OdState>>, Rc<RefCell<Dict>>);

/// The receiver's state and dict, with CPython's descriptor errors.
fn parts(a: &Args<'_>, name: &str) -> PyResult<Parts> {
    if a.pos.is_empty() {
        return Err(PyErr::type_error(format!(
            "descriptor '{name}' of '{OWNER}' object needs an argument"
        )));
    }
    let st = receiver::<OdState>(a, OWNER, name)?;
    let d = dict_of(&a.pos[0]).ok_or_else(|| PyErr::type_error("OrderedDict without a dict"))?;
    Ok((st, d))
}

fn bump(st: &RefCell<OdState>) -> PyResult<()> {
    let mut s = borrow(st)?;
    s.state = s.state.wrapping_add(1);
    Ok(())
}

/// Whether `v`'s class is `OrderedDict` itself (`PyODict_CheckExact`).
fn is_exact(vm: &mut Vm, v: &Value) -> bool {
    Rc::ptr_eq(&type_of(v), &class_of(vm, &ODICT))
}

/// `PyDict_Check`.
fn is_dict_like(v: &Value) -> bool {
    dict_of(v).is_some()
}

/// The key `d` stores equal to `key`, with its hash (`None`: absent).
fn stored_key(vm: &mut Vm, d: &Rc<RefCell<Dict>>, key: &Value) -> PyResult<Option<(Value, i64)>> {
    let h = vm.hash_of(key)?;
    let k = if d.borrow().has_object_keys() || crate::dict::compares_in_python(key) {
        let cands = d.borrow().keys_with_hash(h);
        let mut found = None;
        for c in cands {
            if vm.eq_values(&c, key)? {
                found = Some(c);
                break;
            }
        }
        match found {
            Some(c) => c,
            None => return Ok(None),
        }
    } else {
        key.clone()
    };
    let present = d.borrow().position_of(&k, h).is_some();
    Ok(present.then_some((k, h)))
}

fn od_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let payload = Value::Dict(Rc::new(RefCell::new(Dict::new())));
    let mut inst = Instance::new(cls, payload);
    inst.native = Some(Rc::new(RefCell::new(OdState { state: 0 })));
    Ok(Value::Instance(Rc::new(inst)))
}

fn od_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    parts(&a, "__init__")?;
    let args = rest(&a);
    if args.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "expected at most 1 arguments, got {}",
            args.pos.len()
        )));
    }
    // `odict_init` calls its own update, not an overriding `update`.
    update_impl(vm, &a.pos[0], args)?;
    Ok(Value::None)
}

/// `MutableMapping.update` as `odictobject.c`'s `mutablemapping_update`.
fn update_impl(vm: &mut Vm, obj: &Value, args: Args<'_>) -> PyResult<()> {
    if args.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "update() takes at most 1 positional argument ({} given)",
            args.pos.len()
        )));
    }
    if let Some(other) = args.pos.first() {
        update_arg(vm, obj, other)?;
    }
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        vm.setitem(obj, k.clone(), v.clone())?;
    }
    Ok(())
}

/// An attribute, or `None` when it is missing (`_PyObject_LookupAttr`).
fn lookup_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let name = vm.intern(name);
    match vm.get_attr(obj, &name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `mutablemapping_update_arg`: an exact dict's items, else `keys()` and
/// `arg[key]`, else `items()`, else an iterable of pairs.
fn update_arg(vm: &mut Vm, obj: &Value, arg: &Value) -> PyResult<()> {
    if let Value::Dict(d) = arg {
        let items: Vec<Value> = d
            .borrow()
            .iter()
            .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
            .collect();
        return add_pairs(vm, obj, &Value::list(items));
    }
    if let Some(keys) = lookup_attr(vm, arg, "keys")? {
        let keys = vm.call(&keys, &[])?;
        let it = vm.get_iter(&keys)?;
        while let Some(k) = vm.iter_next(&it)? {
            let v = vm.getitem(arg, &k)?;
            vm.setitem(obj, k, v)?;
        }
        return Ok(());
    }
    if let Some(items) = lookup_attr(vm, arg, "items")? {
        let items = vm.call(&items, &[])?;
        return add_pairs(vm, obj, &items);
    }
    add_pairs(vm, obj, arg)
}

/// `mutablemapping_add_pairs`, with its unpacking messages.
fn add_pairs(vm: &mut Vm, obj: &Value, pairs: &Value) -> PyResult<()> {
    let it = vm.get_iter(pairs)?;
    while let Some(pair) = vm.iter_next(&it)? {
        let pit = vm.get_iter(&pair)?;
        let Some(key) = vm.iter_next(&pit)? else {
            return Err(PyErr::value_error("need more than 0 values to unpack"));
        };
        let Some(value) = vm.iter_next(&pit)? else {
            return Err(PyErr::value_error("need more than 1 value to unpack"));
        };
        if vm.iter_next(&pit)?.is_some() {
            return Err(PyErr::value_error("too many values to unpack (expected 2)"));
        }
        vm.setitem(obj, key, value)?;
    }
    Ok(())
}

fn od_update(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    parts(&a, "update")?;
    update_impl(vm, &a.pos[0], rest(&a))?;
    Ok(Value::None)
}

fn one_arg<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    a.no_kw(name)?;
    match a.pos {
        [_, v] => Ok(v),
        _ => Err(PyErr::type_error(format!(
            "expected 1 argument, got {}",
            a.pos.len().saturating_sub(1)
        ))),
    }
}

/// Stores `key` in the dict, a new key going to the end of the order.
fn set_item(
    vm: &mut Vm,
    st: &RefCell<OdState>,
    d: &Rc<RefCell<Dict>>,
    key: Value,
    value: Value,
) -> PyResult<()> {
    let before = d.borrow().len();
    vm.map_insert(d, key, value)?;
    if d.borrow().len() != before {
        bump(st)?;
    }
    Ok(())
}

fn od_setitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (st, d) = parts(&a, "__setitem__")?;
    a.no_kw("__setitem__")?;
    let [_, k, v] = a.pos else {
        return Err(PyErr::type_error(format!(
            "expected 2 arguments, got {}",
            a.pos.len().saturating_sub(1)
        )));
    };
    set_item(vm, &st, &d, k.clone(), v.clone())?;
    Ok(Value::None)
}

fn od_delitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (st, d) = parts(&a, "__delitem__")?;
    let key = one_arg(&a, "__delitem__")?;
    match vm.map_remove(&d, key)? {
        Some(_) => bump(&st).map(|_| Value::None),
        None => Err(PyErr::key_error(key.clone())),
    }
}

fn od_iter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    parts(&a, "__iter__")?;
    new_iter(vm, &a.pos[0], Kind::Keys, false)
}

fn od_reversed(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    parts(&a, "__reversed__")?;
    rest(&a).no_args("__reversed__")?;
    new_iter(vm, &a.pos[0], Kind::Keys, true)
}

fn od_keys(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    parts(&a, "keys")?;
    rest(&a).no_args("keys")?;
    new_view(vm, &a.pos[0], Kind::Keys)
}

fn od_values(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    parts(&a, "values")?;
    rest(&a).no_args("values")?;
    new_view(vm, &a.pos[0], Kind::Values)
}

fn od_items(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    parts(&a, "items")?;
    rest(&a).no_args("items")?;
    new_view(vm, &a.pos[0], Kind::Items)
}

/// `OrderedDict([(k, v), ...])` as 3.11 prints it; a subclass's pairs come
/// from its `items()`.
fn od_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, d) = parts(&a, "__repr__")?;
    let obj = a.pos[0].clone();
    let name = short_name(&type_of(&obj)).to_string();
    if d.borrow().is_empty() {
        return Ok(Value::string(format!("{name}()")));
    }
    let exact = is_exact(vm, &obj);
    let body = repr_guard(&obj, || {
        let pieces = if exact {
            let pairs: Vec<Value> = d
                .borrow()
                .iter()
                .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                .collect();
            Value::list(pairs)
        } else {
            let items = vm.call_method(&obj, "items", &[])?;
            Value::list(vm.collect(&items)?)
        };
        Ok(format!("{name}({})", vm.repr_of(&pieces)?))
    })?;
    Ok(Value::string(body.unwrap_or_else(|| "...".to_string())))
}

/// `odict_richcompare`: dict equality, and against another OrderedDict
/// the same key order too.
fn compare(vm: &mut Vm, a: Args<'_>, name: &str, want_eq: bool) -> PyResult<Value> {
    let (_, d) = parts(&a, name)?;
    let other = one_arg(&a, name)?;
    let Some(od2) = dict_of(other) else {
        return Ok(Value::NotImplemented);
    };
    let mut eq = vm.dict_eq(&d, &od2)?;
    if eq && state_of::<OdState>(other).is_some() {
        let ka: Vec<Value> = d.borrow().keys().cloned().collect();
        let kb: Vec<Value> = od2.borrow().keys().cloned().collect();
        eq = ka.len() == kb.len();
        for (x, y) in ka.iter().zip(&kb) {
            if !eq {
                break;
            }
            eq = vm.eq_values(x, y)?;
        }
    }
    Ok(Value::Bool(eq == want_eq))
}

fn od_eq(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    compare(vm, a, "__eq__", true)
}

fn od_ne(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    compare(vm, a, "__ne__", false)
}

/// `odict_or`: `type(od)(left)` updated from `right`.
fn or_impl(vm: &mut Vm, od: &Value, left: &Value, right: &Value) -> PyResult<Value> {
    let new = vm.call(&Value::Type(type_of(od)), std::slice::from_ref(left))?;
    update_arg(vm, &new, right)?;
    Ok(new)
}

fn od_or(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    parts(&a, "__or__")?;
    let other = one_arg(&a, "__or__")?;
    if !is_dict_like(other) {
        return Ok(Value::NotImplemented);
    }
    or_impl(vm, &a.pos[0], &a.pos[0], other)
}

fn od_ror(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    parts(&a, "__ror__")?;
    let other = one_arg(&a, "__ror__")?;
    if !is_dict_like(other) {
        return Ok(Value::NotImplemented);
    }
    or_impl(vm, &a.pos[0], other, &a.pos[0])
}

fn od_ior(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    parts(&a, "__ior__")?;
    let other = one_arg(&a, "__ior__")?;
    update_arg(vm, &a.pos[0], other)?;
    Ok(a.pos[0].clone())
}

/// The size of a table holding `len` entries, as the dict's own
/// `__sizeof__` counts it (CPython's `dk_size`, the length of the node
/// array an OrderedDict keeps beside it).
fn table_slots(len: usize) -> usize {
    let mut slots = 8usize;
    while slots * 2 / 3 < len {
        slots *= 2;
    }
    slots
}

/// `odict_sizeof`: the dict's size, the eight words an OrderedDict adds,
/// and per entry a node pointer slot and a node of four words.
fn od_sizeof(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, d) = parts(&a, "__sizeof__")?;
    rest(&a).no_args("__sizeof__")?;
    let base = crate::modules::sys::object_sizeof(vm, Args::positional(&[Value::Dict(d.clone())]))?;
    let Value::Int(base) = base else {
        return Ok(base);
    };
    let len = d.borrow().len();
    let nodes = if len == 0 {
        0
    } else {
        8 * table_slots(len) + 32 * len
    };
    Ok(Value::Int(base + 64 + nodes as i64))
}

/// `(type(od), (), state, None, iter(od.items()))`, the state being what
/// `__getstate__` gives (3.11's `_PyObject_GetState`: `None` for an empty
/// `__dict__`, a `(dict, slots)` pair when there are slots).
fn od_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    parts(&a, "__reduce__")?;
    rest(&a).no_args("__reduce__")?;
    let obj = a.pos[0].clone();
    let state = vm.call_method(&obj, "__getstate__", &[])?;
    let items = vm.call_method(&obj, "items", &[])?;
    let it = vm.get_iter(&items)?;
    Ok(Value::tuple(vec![
        Value::Type(type_of(&obj)),
        Value::tuple(Vec::new()),
        state,
        Value::None,
        it,
    ]))
}

fn od_clear(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (st, d) = parts(&a, "clear")?;
    rest(&a).no_args("clear")?;
    d.borrow_mut().clear();
    bump(&st)?;
    Ok(Value::None)
}

/// `od.copy()`: an exact OrderedDict copies its table; a subclass is
/// rebuilt with `type(od)()` and item access, as `odict_copy` does.
fn od_copy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, d) = parts(&a, "copy")?;
    rest(&a).no_args("copy")?;
    let obj = a.pos[0].clone();
    if is_exact(vm, &obj) {
        let table = d.borrow().clone();
        let cls = class(vm);
        let copy = od_new(vm, Args::positional(&[cls]))?;
        if let Some(nd) = dict_of(&copy) {
            *nd.borrow_mut() = table;
        }
        return Ok(copy);
    }
    let copy = vm.call(&Value::Type(type_of(&obj)), &[])?;
    let keys: Vec<Value> = d.borrow().keys().cloned().collect();
    for k in keys {
        let v = vm.getitem(&obj, &k)?;
        vm.setitem(&copy, k, v)?;
    }
    Ok(copy)
}

/// `OrderedDict.fromkeys(iterable, value=None)`: `cls()` filled through
/// its `__setitem__` (`_PyDict_FromKeys` on a type that is not `dict`).
fn od_fromkeys(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = rest(&a);
    let bound = bind_args(&args, "fromkeys", &["iterable", "value"], 1)?;
    let seq = bound[0].cloned().unwrap_or(Value::None);
    let value = bound[1].cloned().unwrap_or(Value::None);
    let d = vm.call(&Value::Type(cls), &[])?;
    let it = vm.get_iter(&seq)?;
    while let Some(k) = vm.iter_next(&it)? {
        vm.setitem(&d, k, value.clone())?;
    }
    Ok(d)
}

fn od_setdefault(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (st, d) = parts(&a, "setdefault")?;
    let args = rest(&a);
    let bound = bind_args(&args, "setdefault", &["key", "default"], 1)?;
    let key = bound[0].cloned().unwrap_or(Value::None);
    let dflt = bound[1].cloned().unwrap_or(Value::None);
    let obj = a.pos[0].clone();
    if is_exact(vm, &obj) {
        if let Some(v) = vm.map_get(&d, &key)? {
            return Ok(v);
        }
        set_item(vm, &st, &d, key, dflt.clone())?;
        return Ok(dflt);
    }
    if vm.contains(&obj, &key)? {
        return vm.getitem(&obj, &key);
    }
    vm.setitem(&obj, key, dflt.clone())?;
    Ok(dflt)
}

/// `od.pop(key[, default])`: 3.11 removes the entry directly, without a
/// subclass's `__getitem__` or `__delitem__`.
fn od_pop(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (st, d) = parts(&a, "pop")?;
    let args = rest(&a);
    let bound = bind_args(&args, "pop", &["key", "default"], 1)?;
    let key = bound[0].cloned().unwrap_or(Value::None);
    vm.hash_of(&key)?;
    match vm.map_remove(&d, &key)? {
        Some(v) => {
            bump(&st)?;
            Ok(v)
        }
        None => match bound[1] {
            Some(dflt) => Ok(dflt.clone()),
            None => Err(PyErr::key_error(key)),
        },
    }
}

/// A `last: bool = True` argument (`PyObject_IsTrue`).
fn last_flag(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    match v {
        Some(v) => vm.truthy(v),
        None => Ok(true),
    }
}

fn od_popitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (st, d) = parts(&a, "popitem")?;
    let args = rest(&a);
    let bound = bind_args(&args, "popitem", &["last"], 0)?;
    let last = last_flag(vm, bound[0])?;
    let end = if last {
        d.borrow().last_entry()
    } else {
        d.borrow_mut().first_entry()
    };
    let Some((hash, key)) = end else {
        return Err(PyErr::new(ExcKind::KeyError, "dictionary is empty"));
    };
    let value = d.borrow_mut().remove_hashed(&key, hash);
    bump(&st)?;
    match value {
        Some(v) => Ok(Value::tuple(vec![key, v])),
        None => Err(PyErr::key_error(key)),
    }
}

/// `od.move_to_end(key, last=True)`: nothing moves (and iterators go on)
/// when the key is already at that end.
fn od_move_to_end(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (st, d) = parts(&a, "move_to_end")?;
    let args = rest(&a);
    let bound = bind_args(&args, "move_to_end", &["key", "last"], 1)?;
    let key = bound[0].cloned().unwrap_or(Value::None);
    let last = last_flag(vm, bound[1])?;
    let end = if last {
        d.borrow().last_entry()
    } else {
        d.borrow_mut().first_entry()
    };
    let Some((_, end_key)) = end else {
        return Err(PyErr::key_error(key));
    };
    if end_key.is(&key) {
        return Ok(Value::None);
    }
    let Some((stored, hash)) = stored_key(vm, &d, &key)? else {
        return Err(PyErr::key_error(key));
    };
    let at_end = {
        let table = d.borrow();
        let pos = table.position_of(&stored, hash);
        let end_pos = if last {
            table.last_position()
        } else {
            table.live_from(0)
        };
        pos == end_pos
    };
    if !at_end {
        d.borrow_mut().move_entry(&stored, hash, last);
        bump(&st)?;
    }
    Ok(Value::None)
}
