//! `_collections`: CPython's `Modules/_collectionsmodule.c` (`deque`,
//! `defaultdict`, `_count_elements`; `OrderedDict` is `odict.rs`).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::instance::Instance;
use crate::native::{
    bind_args, borrow, class_of, cls_arg, iter_self, native_fn, native_methods, new_object,
    positional, receiver, repr_guard, rest, short_name, state_of, stop, ClassSpec, PropSpec,
    SpecFlags,
};
use crate::ops::CmpOp;
use crate::types::{type_name, type_of, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

native_methods!(DEQUE_M, "collections.deque", [
    "__new__" => deque_new, "__init__" => deque_init,
    "append" => append, "appendleft" => appendleft, "pop" => pop, "popleft" => popleft,
    "extend" => extend, "extendleft" => extendleft, "clear" => clear, "copy" => copy,
    "__copy__" => copy, "count" => count, "index" => index, "insert" => insert,
    "remove" => remove, "reverse" => reverse, "rotate" => rotate,
    "__len__" => len, "__getitem__" => getitem, "__setitem__" => setitem,
    "__delitem__" => delitem, "__contains__" => contains, "__iter__" => iter,
    "__reversed__" => reversed, "__repr__" => repr, "__add__" => add, "__iadd__" => iadd,
    "__mul__" => mul, "__rmul__" => mul, "__imul__" => imul,
    "__eq__" => eq, "__ne__" => ne, "__lt__" => lt, "__le__" => le, "__gt__" => gt,
    "__ge__" => ge, "__bool__" => bool_, "__reduce__" => reduce,
]);
native_fn!(MAXLEN, "maxlen", "collections.deque", maxlen);
static DEQUE: ClassSpec = ClassSpec {
    name: "deque",
    module: "collections",
    base: TypeKind::Object,
    methods: DEQUE_M,
    classmethods: crate::native::GENERIC,
    props: &[PropSpec {
        name: "maxlen",
        get: &MAXLEN,
        set: None,
    }],
    unhashable: true,
    flags: SpecFlags::BASETYPE.with(SpecFlags::WEAKREFS),
};

native_methods!(DEQUE_ITER_M, "_collections._deque_iterator", [
    "__new__" => iter_new, "__iter__" => iter_self, "__next__" => iter_next,
    "__length_hint__" => iter_len_hint, "__reduce__" => iter_reduce,
]);
static DEQUE_ITER: ClassSpec = ClassSpec {
    name: "_deque_iterator",
    module: "_collections",
    base: TypeKind::Object,
    methods: DEQUE_ITER_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

native_methods!(DEQUE_REV_M, "_collections._deque_reverse_iterator", [
    "__new__" => iter_new, "__iter__" => iter_self, "__next__" => iter_next,
    "__length_hint__" => iter_len_hint, "__reduce__" => iter_reduce,
]);
static DEQUE_REV: ClassSpec = ClassSpec {
    name: "_deque_reverse_iterator",
    module: "_collections",
    base: TypeKind::Object,
    methods: DEQUE_REV_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

native_methods!(DEFAULTDICT_M, "collections.defaultdict", [
    "__new__" => dd_new, "__init__" => dd_init, "__missing__" => dd_missing,
    "__repr__" => dd_repr, "copy" => dd_copy, "__copy__" => dd_copy,
    "__or__" => dd_or, "__ror__" => dd_ror, "__reduce__" => dd_reduce,
]);
native_fn!(
    DD_FACTORY_GET,
    "default_factory",
    "collections.defaultdict",
    dd_factory
);
native_fn!(
    DD_FACTORY_SET,
    "default_factory",
    "collections.defaultdict",
    dd_set_factory
);
static DEFAULTDICT: ClassSpec = ClassSpec {
    name: "defaultdict",
    module: "collections",
    base: TypeKind::Dict,
    methods: DEFAULTDICT_M,
    classmethods: crate::native::GENERIC,
    props: &[PropSpec {
        name: "default_factory",
        get: &DD_FACTORY_GET,
        set: Some(&DD_FACTORY_SET),
    }],
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

super::module_functions!(COLLECTIONS_FUNCTIONS, "_collections", [
    "_count_elements" => count_elements,
]);

/// Builds the `_collections` module.
pub fn init(vm: &mut Vm) -> Value {
    let mut extra = Vec::new();
    for spec in [&DEQUE, &DEFAULTDICT, &DEQUE_ITER, &DEQUE_REV] {
        extra.push((spec.name, Value::Type(class_of(vm, spec))));
    }
    extra.push(("OrderedDict", super::odict::class(vm)));
    extra.push(("_tuplegetter", super::tuplegetter::class(vm)));
    new_module("_collections", COLLECTIONS_FUNCTIONS, extra)
}

// ---- deque ----

struct Deque {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    /// Bumped by every mutation, so iterators notice one.
    state: u64,
}

impl Deque {
    fn push_back(&mut self, v: Value) {
        if self.maxlen == Some(0) {
            return;
        }
        if self.maxlen.is_some_and(|m| self.items.len() >= m) {
            self.items.pop_front();
        }
        self.items.push_back(v);
        self.state += 1;
    }

    fn push_front(&mut self, v: Value) {
        if self.maxlen == Some(0) {
            return;
        }
        if self.maxlen.is_some_and(|m| self.items.len() >= m) {
            self.items.pop_back();
        }
        self.items.push_front(v);
        self.state += 1;
    }
}

type St = Rc<RefCell<Deque>>;

/// The items a deque holds (`deque_traverse`).
impl crate::gc::Traverse for Deque {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.extend(self.items.iter().cloned());
    }
}

/// A deque iterator's state shares the deque's; it holds the deque object.
impl crate::gc::Traverse for DequeIter {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.push(self.owner.clone());
    }
}

impl crate::gc::Traverse for DefaultDict {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.push(self.factory.clone());
    }
}

/// [`crate::gc::Traverse`] for this module's native objects.
pub(crate) fn gc_traverse(state: &dyn std::any::Any, out: &mut Vec<Value>) -> bool {
    use crate::gc::traverse_as;
    traverse_as::<Deque>(state, out)
        || traverse_as::<DequeIter>(state, out)
        || traverse_as::<DefaultDict>(state, out)
}

/// For the cycle collector, on a deque found to be garbage: it lets its
/// items go (`deque_clear`).
pub(crate) fn deque_gc_clear(state: &dyn std::any::Any, dropped: &mut Vec<Value>) {
    if let Some(Ok(mut d)) = state
        .downcast_ref::<RefCell<Deque>>()
        .map(RefCell::try_borrow_mut)
    {
        dropped.extend(d.items.drain(..));
        d.state += 1;
    }
}

fn me(a: &Args<'_>, name: &str) -> PyResult<St> {
    receiver::<Deque>(a, "collections.deque", name)
}

fn one<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match a.pos {
        [_, x] if a.kwnames.is_empty() => Ok(x),
        _ if !a.kwnames.is_empty() => Err(PyErr::type_error(format!(
            "deque.{name}() takes no keyword arguments"
        ))),
        _ => Err(PyErr::type_error(format!(
            "deque.{}() takes exactly one argument ({} given)",
            name,
            a.pos.len().saturating_sub(1)
        ))),
    }
}

fn deque_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    Ok(new_deque(&cls, VecDeque::new(), None))
}

/// A deque object of class `cls`, registered with the cycle collector (a
/// deque can hold itself, as CPython's GC-tracked deques can).
fn new_deque(
    cls: &Rc<crate::types::TypeObj>,
    items: VecDeque<Value>,
    maxlen: Option<usize>,
) -> Value {
    let v = new_object(
        cls,
        Deque {
            items,
            maxlen,
            state: 0,
        },
    );
    crate::gc::track(&v);
    v
}

fn deque_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__init__")?;
    let args = bind_args(&rest(&a), "deque", &["iterable", "maxlen"], 0)?;
    let maxlen = match args[1] {
        None | Some(Value::None) => None,
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
            let n = match vm.index_value(v) {
                Ok(n) => n,
                Err(e) if e.is(ExcKind::OverflowError) => {
                    return Err(PyErr::overflow(
                        "Python int too large to convert to C ssize_t",
                    ))
                }
                Err(e) => return Err(e),
            };
            if n < 0 {
                return Err(PyErr::value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
        Some(_) => return Err(PyErr::type_error("an integer is required")),
    };
    {
        let mut d = borrow(&st)?;
        d.maxlen = maxlen;
        if !d.items.is_empty() {
            d.items.clear();
            d.state += 1;
        }
    }
    if let Some(it) = args[0] {
        extend_with(vm, &st, it, false)?;
    }
    Ok(Value::None)
}

fn extend_with(vm: &mut Vm, st: &St, src: &Value, left: bool) -> PyResult<()> {
    // Extending a deque with itself iterates over a snapshot.
    if let Some(other) = state_of::<Deque>(src) {
        if Rc::ptr_eq(&other, st) {
            let items: Vec<Value> = borrow(st)?.items.iter().cloned().collect();
            let mut d = borrow(st)?;
            for v in items {
                if left {
                    d.push_front(v);
                } else {
                    d.push_back(v);
                }
            }
            return Ok(());
        }
    }
    let it = vm.get_iter(src)?;
    while let Some(v) = vm.iter_next(&it)? {
        let mut d = borrow(st)?;
        if left {
            d.push_front(v);
        } else {
            d.push_back(v);
        }
    }
    Ok(())
}

fn append(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "append")?;
    let v = one(&a, "append")?.clone();
    borrow(&st)?.push_back(v);
    Ok(Value::None)
}

fn appendleft(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "appendleft")?;
    let v = one(&a, "appendleft")?.clone();
    borrow(&st)?.push_front(v);
    Ok(Value::None)
}

fn no_args(a: &Args<'_>, name: &str) -> PyResult<()> {
    rest(a).no_args(&format!("deque.{name}"))
}

fn pop(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "pop")?;
    no_args(&a, "pop")?;
    let mut d = borrow(&st)?;
    let v = d
        .items
        .pop_back()
        .ok_or_else(|| PyErr::index_error("pop from an empty deque"))?;
    d.state += 1;
    Ok(v)
}

fn popleft(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "popleft")?;
    no_args(&a, "popleft")?;
    let mut d = borrow(&st)?;
    let v = d
        .items
        .pop_front()
        .ok_or_else(|| PyErr::index_error("pop from an empty deque"))?;
    d.state += 1;
    Ok(v)
}

fn extend(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "extend")?;
    let src = one(&a, "extend")?;
    extend_with(vm, &st, src, false)?;
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "extendleft")?;
    let src = one(&a, "extendleft")?;
    extend_with(vm, &st, src, true)?;
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "clear")?;
    no_args(&a, "clear")?;
    let old = {
        let mut d = borrow(&st)?;
        d.state += 1;
        std::mem::take(&mut d.items)
    };
    // Items are dropped after the borrow ends: their `__del__` may use the deque.
    drop(old);
    Ok(Value::None)
}

fn new_like(
    vm: &mut Vm,
    obj: &Value,
    items: VecDeque<Value>,
    maxlen: Option<usize>,
) -> PyResult<Value> {
    let t = type_of(obj);
    let cls = class_of(vm, &DEQUE);
    if Rc::ptr_eq(&t, &cls) {
        return Ok(new_deque(&cls, items, maxlen));
    }
    let list = Value::list(items.into_iter().collect());
    let ml = maxlen.map_or(Value::None, |m| Value::Int(m as i64));
    vm.call(&Value::Type(t), &[list, ml])
}

fn copy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "copy")?;
    no_args(&a, "copy")?;
    let (items, maxlen) = {
        let d = borrow(&st)?;
        (d.items.clone(), d.maxlen)
    };
    new_like(vm, &a.pos[0], items, maxlen)
}

/// Runs `f` over the items in `start..stop_at` with a mutation check after
/// each (an `==` may change the deque), which raises `mutation`.
fn scan(
    vm: &mut Vm,
    st: &St,
    (start, stop_at): (usize, usize),
    mutation: ExcKind,
    mut f: impl FnMut(&mut Vm, usize, &Value) -> PyResult<bool>,
) -> PyResult<Option<usize>> {
    let state = borrow(st)?.state;
    let mut i = start;
    while i < stop_at {
        let item = {
            let d = borrow(st)?;
            if d.state != state {
                return Err(mutated(mutation));
            }
            match d.items.get(i) {
                Some(v) => v.clone(),
                None => break,
            }
        };
        if f(vm, i, &item)? {
            if borrow(st)?.state != state {
                return Err(mutated(mutation));
            }
            return Ok(Some(i));
        }
        if borrow(st)?.state != state {
            return Err(mutated(mutation));
        }
        i += 1;
    }
    Ok(None)
}

fn mutated(kind: ExcKind) -> PyErr {
    PyErr::new(kind, "deque mutated during iteration")
}

fn count(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "count")?;
    let x = one(&a, "count")?.clone();
    let len = borrow(&st)?.items.len();
    let mut n = 0i64;
    scan(vm, &st, (0, len), ExcKind::RuntimeError, |vm, _, v| {
        if v.is(&x) || vm.eq_values(v, &x)? {
            n += 1;
        }
        Ok(false)
    })?;
    Ok(Value::Int(n))
}

fn slice_index(vm: &mut Vm, v: &Value, len: usize) -> PyResult<usize> {
    let n = crate::protocol::slice_index(vm, v)?;
    let len = len as i64;
    let n = if n < 0 { (n + len).max(0) } else { n.min(len) };
    Ok(n as usize)
}

fn index(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "index")?;
    let args = positional(&rest(&a), "index", 1, 3)?;
    let x = args[0].clone();
    let len = borrow(&st)?.items.len();
    let start = match args.get(1) {
        Some(v) => slice_index(vm, v, len)?,
        None => 0,
    };
    let stop_at = match args.get(2) {
        Some(v) => slice_index(vm, v, len)?,
        None => len,
    };
    let found = scan(
        vm,
        &st,
        (start, stop_at),
        ExcKind::RuntimeError,
        |vm, _, v| Ok(v.is(&x) || vm.eq_values(v, &x)?),
    )?;
    match found {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr_of(&x)?;
            Err(PyErr::value_error(format!("{r} is not in deque")))
        }
    }
}

fn insert(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "insert")?;
    let args = positional(&rest(&a), "insert", 2, 2)?;
    let i = vm.index_value(&args[0])?;
    let mut d = borrow(&st)?;
    if d.maxlen.is_some_and(|m| d.items.len() >= m) {
        return Err(PyErr::index_error("deque already at its maximum size"));
    }
    let len = d.items.len() as i64;
    let pos = if i < 0 { (i + len).max(0) } else { i.min(len) };
    d.items.insert(pos as usize, args[1].clone());
    d.state += 1;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "remove")?;
    let x = one(&a, "remove")?.clone();
    let len = borrow(&st)?.items.len();
    // CPython's `deque_remove` reports a mutation as an IndexError.
    let found = scan(vm, &st, (0, len), ExcKind::IndexError, |vm, _, v| {
        Ok(v.is(&x) || vm.eq_values(v, &x)?)
    })?;
    match found {
        Some(i) => {
            let old = {
                let mut d = borrow(&st)?;
                d.state += 1;
                d.items.remove(i)
            };
            drop(old);
            Ok(Value::None)
        }
        None => {
            let r = vm.repr_of(&x)?;
            Err(PyErr::value_error(format!("{r} is not in deque")))
        }
    }
}

fn reverse(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "reverse")?;
    no_args(&a, "reverse")?;
    let mut d = borrow(&st)?;
    d.items.make_contiguous().reverse();
    d.state += 1;
    Ok(Value::None)
}

fn rotate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "rotate")?;
    let args = positional(&rest(&a), "rotate", 0, 1)?;
    let n = match args.first() {
        Some(v) => vm.index_value(v)?,
        None => 1,
    };
    let mut d = borrow(&st)?;
    let len = d.items.len();
    if len > 1 {
        let k = n.rem_euclid(len as i64) as usize;
        d.items.rotate_right(k);
        d.state += 1;
    }
    Ok(Value::None)
}

fn len(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__len__")?;
    let n = borrow(&st)?.items.len();
    Ok(Value::Int(n as i64))
}

fn bool_(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__bool__")?;
    let empty = borrow(&st)?.items.is_empty();
    Ok(Value::Bool(!empty))
}

fn position(vm: &mut Vm, st: &St, key: &Value) -> PyResult<usize> {
    let i = match key {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_) => {
            match vm.index_value(key) {
                Ok(i) => i,
                Err(e) if e.is(ExcKind::OverflowError) => i64::MAX,
                Err(e) => return Err(e),
            }
        }
        other => {
            return Err(PyErr::type_error(format!(
                "sequence index must be integer, not '{}'",
                type_name(other)
            )))
        }
    };
    let len = borrow(st)?.items.len() as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(PyErr::index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn getitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__getitem__")?;
    let args = positional(&rest(&a), "__getitem__", 1, 1)?;
    let i = position(vm, &st, &args[0])?;
    let v = borrow(&st)?.items.get(i).cloned();
    v.ok_or_else(|| PyErr::index_error("deque index out of range"))
}

fn setitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__setitem__")?;
    let args = positional(&rest(&a), "__setitem__", 2, 2)?;
    let i = position(vm, &st, &args[0])?;
    let old = {
        let mut d = borrow(&st)?;
        match d.items.get_mut(i) {
            Some(slot) => std::mem::replace(slot, args[1].clone()),
            None => return Err(PyErr::index_error("deque index out of range")),
        }
    };
    drop(old);
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__delitem__")?;
    let args = positional(&rest(&a), "__delitem__", 1, 1)?;
    let i = position(vm, &st, &args[0])?;
    let old = {
        let mut d = borrow(&st)?;
        d.state += 1;
        d.items.remove(i)
    };
    drop(old);
    Ok(Value::None)
}

fn contains(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__contains__")?;
    let args = positional(&rest(&a), "__contains__", 1, 1)?;
    let x = args[0].clone();
    let len = borrow(&st)?.items.len();
    let found = scan(vm, &st, (0, len), ExcKind::RuntimeError, |vm, _, v| {
        Ok(v.is(&x) || vm.eq_values(v, &x)?)
    })?;
    Ok(Value::Bool(found.is_some()))
}

struct DequeIter {
    deque: St,
    /// The deque object itself, for `__reduce__`.
    owner: Value,
    /// Index of the next item from the start (or from the end when reversed).
    index: usize,
    /// Items still to give, as CPython's `counter`: the deque's length when
    /// the walk began less what was given; zero once a mutation was seen. It
    /// is what `__length_hint__` answers, whatever the deque did since.
    counter: usize,
    state: u64,
    reversed: bool,
}

fn make_iter(vm: &mut Vm, a: &Args<'_>, reversed: bool) -> PyResult<Value> {
    let st = me(a, "__iter__")?;
    let (state, counter) = {
        let d = borrow(&st)?;
        (d.state, d.items.len())
    };
    let spec = if reversed { &DEQUE_REV } else { &DEQUE_ITER };
    let cls = class_of(vm, spec);
    Ok(new_object(
        &cls,
        DequeIter {
            deque: st,
            owner: a.pos[0].clone(),
            index: 0,
            counter,
            state,
            reversed,
        },
    ))
}

fn iter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    make_iter(vm, &a, false)
}

fn reversed(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    make_iter(vm, &a, true)
}

fn iter_next(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DequeIter>(&a, "_collections._deque_iterator", "__next__")?;
    let mut it = borrow(&st)?;
    // `dequereviter_next` looks at the count before the deque, so a spent
    // reverse iterator never reports a later mutation; `dequeiter_next`
    // looks at the deque first.
    if it.reversed && it.counter == 0 {
        return Err(stop());
    }
    let d = borrow(&it.deque)?;
    if d.state != it.state {
        drop(d);
        it.index = usize::MAX;
        it.counter = 0;
        return Err(mutated(ExcKind::RuntimeError));
    }
    let len = d.items.len();
    if it.counter == 0 || it.index >= len {
        return Err(stop());
    }
    let pos = if it.reversed {
        len - 1 - it.index
    } else {
        it.index
    };
    let v = d.items.get(pos).cloned();
    drop(d);
    it.index += 1;
    it.counter -= 1;
    v.ok_or_else(stop)
}

/// `_deque_iterator(deque, index=0)`: an iterator that has already given
/// `index` items, as `__reduce__` describes it.
fn iter_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    // CPython's `dequeiter_new` parses only the positional tuple and never
    // looks at keywords, so `index=` and any other keyword are ignored.
    let args = rest(&a);
    let (deque, index) = match args.pos {
        [d] => (d, None),
        [d, i] => (d, Some(i)),
        [] => {
            return Err(PyErr::type_error(
                "function takes at least 1 argument (0 given)",
            ))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "function takes at most 2 arguments ({} given)",
                args.pos.len()
            )))
        }
    };
    let st = state_of::<Deque>(deque).ok_or_else(|| {
        PyErr::type_error(format!(
            "argument 1 must be collections.deque, not {}",
            type_name(deque)
        ))
    })?;
    let skip = match index {
        Some(i) => vm.index_value(i)?,
        None => 0,
    };
    let d = borrow(&st)?;
    let reversed = cls.is_subtype(&class_of(vm, &DEQUE_REV));
    let index = usize::try_from(skip).unwrap_or(0).min(d.items.len());
    let it = DequeIter {
        index,
        counter: d.items.len() - index,
        state: d.state,
        deque: st.clone(),
        owner: deque.clone(),
        reversed,
    };
    drop(d);
    Ok(new_object(&cls, it))
}

/// `(type(it), (deque, given))`: the deque and how many items the iterator
/// has given.
fn iter_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DequeIter>(&a, "_collections._deque_iterator", "__reduce__")?;
    let it = borrow(&st)?;
    let len = borrow(&it.deque)?.items.len();
    Ok(Value::tuple(vec![
        Value::Type(type_of(&a.pos[0])),
        Value::tuple(vec![it.owner.clone(), Value::Int(it.index.min(len) as i64)]),
    ]))
}

fn iter_len_hint(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<DequeIter>(&a, "_collections._deque_iterator", "__length_hint__")?;
    let it = borrow(&st)?;
    Ok(Value::Int(it.counter as i64))
}

fn repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__repr__")?;
    let obj = a.pos[0].clone();
    let name = short_name(&type_of(&obj)).to_string();
    let (items, maxlen) = {
        let d = borrow(&st)?;
        (d.items.iter().cloned().collect::<Vec<_>>(), d.maxlen)
    };
    let out = repr_guard(&obj, || {
        let list = vm.repr_of(&Value::list(items))?;
        Ok(match maxlen {
            Some(m) => format!("{name}({list}, maxlen={m})"),
            None => format!("{name}({list})"),
        })
    })?;
    Ok(Value::string(out.unwrap_or_else(|| "[...]".to_string())))
}

fn add(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__add__")?;
    let args = positional(&rest(&a), "__add__", 1, 1)?;
    let Some(other) = state_of::<Deque>(&args[0]) else {
        return Err(PyErr::type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            type_name(&args[0])
        )));
    };
    let (items, maxlen) = {
        let d = borrow(&st)?;
        (d.items.clone(), d.maxlen)
    };
    let new = new_like(vm, &a.pos[0], items, maxlen)?;
    let more: Vec<Value> = borrow(&other)?.items.iter().cloned().collect();
    if let Some(ns) = state_of::<Deque>(&new) {
        let mut d = borrow(&ns)?;
        for v in more {
            d.push_back(v);
        }
    }
    Ok(new)
}

fn iadd(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__iadd__")?;
    let args = positional(&rest(&a), "__iadd__", 1, 1)?;
    extend_with(vm, &st, &args[0], false)?;
    Ok(a.pos[0].clone())
}

fn times(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_) => {
            match vm.index_value(v) {
                Ok(n) => Ok(Some(n)),
                Err(e) if e.is(ExcKind::TypeError) && matches!(v, Value::Instance(_)) => Ok(None),
                Err(e) => Err(e),
            }
        }
        other => Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(other)
        ))),
    }
}

fn repeated(d: &Deque, n: i64) -> PyResult<VecDeque<Value>> {
    if n <= 0 || d.items.is_empty() {
        return Ok(VecDeque::new());
    }
    let total = (d.items.len() as u128) * (n as u128);
    let cap = d.maxlen.map_or(total, |m| total.min(m as u128));
    if cap > (isize::MAX as u128) / 16 {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    // With a maxlen only the last `cap` items of the repetition survive.
    let skip = total - cap;
    let len = d.items.len() as u128;
    let mut out = VecDeque::with_capacity(cap as usize);
    let mut k = skip;
    while k < total {
        if let Some(v) = d.items.get((k % len) as usize) {
            out.push_back(v.clone());
        }
        k += 1;
    }
    Ok(out)
}

fn mul(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__mul__")?;
    let args = positional(&rest(&a), "__mul__", 1, 1)?;
    let Some(n) = times(vm, &args[0])? else {
        return Ok(Value::NotImplemented);
    };
    let (items, maxlen) = {
        let d = borrow(&st)?;
        (repeated(&d, n)?, d.maxlen)
    };
    new_like(vm, &a.pos[0], items, maxlen)
}

fn imul(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__imul__")?;
    let args = positional(&rest(&a), "__imul__", 1, 1)?;
    let Some(n) = times(vm, &args[0])? else {
        return Ok(Value::NotImplemented);
    };
    let old = {
        let mut d = borrow(&st)?;
        let items = repeated(&d, n)?;
        d.state += 1;
        std::mem::replace(&mut d.items, items)
    };
    drop(old);
    Ok(a.pos[0].clone())
}

fn compare(vm: &mut Vm, a: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let st = me(&a, "__eq__")?;
    let Some(other) = a.pos.get(1).and_then(state_of::<Deque>) else {
        return Ok(Value::NotImplemented);
    };
    let xs: Vec<Value> = borrow(&st)?.items.iter().cloned().collect();
    let ys: Vec<Value> = borrow(&other)?.items.iter().cloned().collect();
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && xs.len() != ys.len() {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    for (x, y) in xs.iter().zip(&ys) {
        if !(x.is(y) || vm.eq_values(x, y)?) {
            return match op {
                CmpOp::Eq => Ok(Value::Bool(false)),
                CmpOp::Ne => Ok(Value::Bool(true)),
                _ => vm.rich_compare(op, x, y),
            };
        }
    }
    let (l, r) = (xs.len(), ys.len());
    Ok(Value::Bool(match op {
        CmpOp::Lt => l < r,
        CmpOp::Le => l <= r,
        CmpOp::Eq => l == r,
        CmpOp::Ne => l != r,
        CmpOp::Gt => l > r,
        CmpOp::Ge => l >= r,
    }))
}

fn eq(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    compare(vm, a, CmpOp::Eq)
}

fn ne(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    compare(vm, a, CmpOp::Ne)
}

fn lt(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    compare(vm, a, CmpOp::Lt)
}

fn le(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    compare(vm, a, CmpOp::Le)
}

fn gt(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    compare(vm, a, CmpOp::Gt)
}

fn ge(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    compare(vm, a, CmpOp::Ge)
}

/// `(type(d), ((), maxlen), None, iter(d))`: what `copy` and `pickle` rebuild from.
fn reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__reduce__")?;
    let m = borrow(&st)?.maxlen;
    let obj = a.pos[0].clone();
    let args = match m {
        Some(m) => Value::tuple(vec![Value::tuple(Vec::new()), Value::Int(m as i64)]),
        None => Value::tuple(Vec::new()),
    };
    let state = crate::reduce::object_state(vm, &obj)?;
    // Through `__iter__`, which a subclass may override.
    let it = vm.get_iter(&obj)?;
    Ok(Value::tuple(vec![
        Value::Type(type_of(&obj)),
        args,
        state,
        it,
    ]))
}

fn maxlen(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "maxlen")?;
    let m = borrow(&st)?.maxlen;
    Ok(m.map_or(Value::None, |m| Value::Int(m as i64)))
}

// ---- defaultdict ----

struct DefaultDict {
    factory: Value,
}

fn dd(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<DefaultDict>>> {
    receiver::<DefaultDict>(a, "collections.defaultdict", name)
}

fn dd_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let payload = Value::Dict(Rc::new(RefCell::new(Dict::new())));
    let mut inst = Instance::new(cls, payload);
    inst.native = Some(Rc::new(RefCell::new(DefaultDict {
        factory: Value::None,
    })));
    Ok(Value::Instance(Rc::new(inst)))
}

fn dd_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = dd(&a, "__init__")?;
    let factory = a.pos.get(1).cloned().unwrap_or(Value::None);
    if !matches!(factory, Value::None) && !crate::native::is_callable(&factory) {
        return Err(PyErr::type_error("first argument must be callable or None"));
    }
    borrow(&st)?.factory = factory;
    let mut all = vec![a.pos[0].clone()];
    all.extend(a.pos.iter().skip(2).cloned());
    crate::base_methods::container_init(
        vm,
        Args {
            pos: &all,
            kwnames: a.kwnames,
            kwvals: a.kwvals,
        },
    )?;
    Ok(Value::None)
}

fn dd_missing(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = dd(&a, "__missing__")?;
    let args = positional(&rest(&a), "__missing__", 1, 1)?;
    let key = args[0].clone();
    let factory = borrow(&st)?.factory.clone();
    if matches!(factory, Value::None) {
        return Err(PyErr::key_error(key));
    }
    let v = vm.call(&factory, &[])?;
    vm.setitem(&a.pos[0], key, v.clone())?;
    Ok(v)
}

fn dd_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = dd(&a, "__repr__")?;
    let obj = a.pos[0].clone();
    let name = short_name(&type_of(&obj)).to_string();
    let factory = borrow(&st)?.factory.clone();
    let payload = crate::instance::payload_of(&obj)
        .cloned()
        .unwrap_or(Value::None);
    // Guarded on the object itself, as CPython's dict repr is on the dict.
    let body = repr_guard(&obj, || vm.repr_of(&payload))?.unwrap_or_else(|| "{...}".to_string());
    let f = if matches!(factory, Value::None) {
        "None".to_string()
    } else {
        repr_guard(&factory, || vm.repr_of(&factory))?.unwrap_or_else(|| "...".to_string())
    };
    Ok(Value::string(format!("{name}({f}, {body})")))
}

fn dd_copy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = dd(&a, "copy")?;
    let factory = borrow(&st)?.factory.clone();
    let obj = a.pos[0].clone();
    vm.call(&Value::Type(type_of(&obj)), &[factory, obj])
}

/// `(type(d), (factory,), None, None, iter(d.items()))`.
fn dd_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = dd(&a, "__reduce__")?;
    let factory = borrow(&st)?.factory.clone();
    let obj = a.pos[0].clone();
    let args = if matches!(factory, Value::None) {
        Value::tuple(Vec::new())
    } else {
        Value::tuple(vec![factory])
    };
    let items_name = vm.intern("items");
    let items = vm.get_attr(&obj, &items_name)?;
    let items = vm.call(&items, &[])?;
    let it = vm.get_iter(&items)?;
    Ok(Value::tuple(vec![
        Value::Type(type_of(&obj)),
        args,
        Value::None,
        Value::None,
        it,
    ]))
}

fn is_dict_like(v: &Value) -> bool {
    matches!(v, Value::Dict(_)) || matches!(crate::instance::payload_of(v), Some(Value::Dict(_)))
}

fn dd_or(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = dd(&a, "__or__")?;
    let args = positional(&rest(&a), "__or__", 1, 1)?;
    if !is_dict_like(&args[0]) {
        return Ok(Value::NotImplemented);
    }
    let factory = borrow(&st)?.factory.clone();
    let obj = a.pos[0].clone();
    let new = vm.call(&Value::Type(type_of(&obj)), &[factory, obj])?;
    let update = vm.intern("update");
    let f = vm.get_attr(&new, &update)?;
    vm.call(&f, &[args[0].clone()])?;
    Ok(new)
}

fn dd_ror(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = dd(&a, "__ror__")?;
    let args = positional(&rest(&a), "__ror__", 1, 1)?;
    if !is_dict_like(&args[0]) {
        return Ok(Value::NotImplemented);
    }
    let factory = borrow(&st)?.factory.clone();
    let obj = a.pos[0].clone();
    let new = vm.call(&Value::Type(type_of(&obj)), &[factory, args[0].clone()])?;
    let update = vm.intern("update");
    let f = vm.get_attr(&new, &update)?;
    vm.call(&f, &[obj])?;
    Ok(new)
}

fn dd_factory(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = dd(&a, "default_factory")?;
    let f = borrow(&st)?.factory.clone();
    Ok(f)
}

fn dd_set_factory(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = dd(&a, "default_factory")?;
    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
    let old = std::mem::replace(&mut borrow(&st)?.factory, v);
    drop(old);
    Ok(Value::None)
}

// ---- _count_elements ----

fn count_elements(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "_count_elements", 2, 2)?;
    let mapping = &args[0];
    let it = vm.get_iter(&args[1])?;
    let get = vm.intern("get");
    let getf = vm.get_attr(mapping, &get)?;
    while let Some(elem) = vm.iter_next(&it)? {
        let old = vm.call(&getf, &[elem.clone(), Value::Int(0)])?;
        let new = vm.binary_op(crate::ops::nb::ADD, &old, &Value::Int(1))?;
        vm.setitem(mapping, elem, new)?;
    }
    Ok(Value::None)
}
