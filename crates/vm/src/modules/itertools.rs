//! `itertools`: CPython's `Modules/itertoolsmodule.c`. Every iterator is lazy
//! and advances its sources one step per `__next__`; the combinatoric ones
//! keep index vectors as CPython does, never Rust recursion.

use std::cell::RefCell;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::native::{
    bind_args, borrow, class_of, cls_arg, iter_self, native_methods, new_object, positional,
    receiver, rest, state_of, stop, ClassSpec, SpecFlags,
};
use crate::ops::nb;
use crate::types::{ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

#[path = "itertools_pickle.rs"]
mod pickle;
use pickle as pk;

/// The public iterators may be subclassed; `groupby`'s `_grouper` and the
/// `_tee` objects are final (and only `_tee`s take weak references).
const fn iter_class_flags(name: &str) -> SpecFlags {
    match name.as_bytes() {
        b"_grouper" => SpecFlags::NONE,
        b"_tee" => SpecFlags::WEAKREFS,
        _ => SpecFlags::BASETYPE,
    }
}

/// Declares a native iterator class: its `ClassSpec`, with `__new__`,
/// `__iter__`, `__next__` and extra methods.
macro_rules! iter_class {
    ($spec:ident, $methods:ident, $name:literal, $new:path, $next:path $(, $mname:literal => $mf:path)* ) => {
        native_methods!($methods, $name, [
            "__new__" => $new, "__iter__" => iter_self, "__next__" => $next,
            $( $mname => $mf, )*
        ]);
        static $spec: ClassSpec = ClassSpec {
            name: $name,
            module: "itertools",
            base: TypeKind::Object,
            methods: $methods,
            classmethods: &[],
            props: &[],
            unhashable: false,
            flags: iter_class_flags($name),
        };
    };
}

iter_class!(COUNT, COUNT_M, "count", count_new, count_next, "__repr__" => count_repr,
    "__reduce__" => pk::count_reduce);
iter_class!(CYCLE, CYCLE_M, "cycle", cycle_new, cycle_next,
    "__reduce__" => pk::cycle_reduce, "__setstate__" => pk::cycle_setstate);
iter_class!(REPEAT, REPEAT_M, "repeat", repeat_new, repeat_next,
    "__repr__" => repeat_repr, "__length_hint__" => repeat_len_hint,
    "__reduce__" => pk::repeat_reduce);
iter_class!(
    ACCUMULATE,
    ACCUMULATE_M,
    "accumulate",
    accumulate_new,
    accumulate_next, "__reduce__" => pk::accumulate_reduce, "__setstate__" => pk::accumulate_setstate);
iter_class!(
    COMPRESS,
    COMPRESS_M,
    "compress",
    compress_new,
    compress_next, "__reduce__" => pk::compress_reduce);
iter_class!(
    DROPWHILE,
    DROPWHILE_M,
    "dropwhile",
    dropwhile_new,
    dropwhile_next, "__reduce__" => pk::dropwhile_reduce, "__setstate__" => pk::dropwhile_setstate);
iter_class!(
    TAKEWHILE,
    TAKEWHILE_M,
    "takewhile",
    takewhile_new,
    takewhile_next, "__reduce__" => pk::takewhile_reduce, "__setstate__" => pk::takewhile_setstate);
iter_class!(
    FILTERFALSE,
    FILTERFALSE_M,
    "filterfalse",
    filterfalse_new,
    filterfalse_next, "__reduce__" => pk::filterfalse_reduce);
iter_class!(STARMAP, STARMAP_M, "starmap", starmap_new, starmap_next, "__reduce__" => pk::starmap_reduce);
iter_class!(GROUPBY, GROUPBY_M, "groupby", groupby_new, groupby_next, "__reduce__" => pk::groupby_reduce, "__setstate__" => pk::groupby_setstate);
iter_class!(GROUPER, GROUPER_M, "_grouper", pk::grouper_new, grouper_next, "__reduce__" => pk::grouper_reduce);
iter_class!(ISLICE, ISLICE_M, "islice", islice_new, islice_next, "__reduce__" => pk::islice_reduce, "__setstate__" => pk::islice_setstate);
iter_class!(
    PAIRWISE,
    PAIRWISE_M,
    "pairwise",
    pairwise_new,
    pairwise_next
);
iter_class!(TEE, TEE_M, "_tee", tee_new, tee_next, "__copy__" => tee_copy);
iter_class!(
    ZIP_LONGEST,
    ZIP_LONGEST_M,
    "zip_longest",
    zip_longest_new,
    zip_longest_next, "__reduce__" => pk::zip_longest_reduce, "__setstate__" => pk::zip_longest_setstate);
iter_class!(PRODUCT, PRODUCT_M, "product", product_new, product_next, "__reduce__" => pk::product_reduce, "__setstate__" => pk::product_setstate);
iter_class!(
    PERMUTATIONS,
    PERMUTATIONS_M,
    "permutations",
    permutations_new,
    permutations_next, "__reduce__" => pk::permutations_reduce, "__setstate__" => pk::permutations_setstate);
iter_class!(
    COMBINATIONS,
    COMBINATIONS_M,
    "combinations",
    combinations_new,
    combinations_next, "__reduce__" => pk::combinations_reduce, "__setstate__" => pk::combinations_setstate);
iter_class!(
    CWR,
    CWR_M,
    "combinations_with_replacement",
    cwr_new,
    cwr_next, "__reduce__" => pk::cwr_reduce, "__setstate__" => pk::cwr_setstate);

native_methods!(CHAIN_M, "chain", [
    "__new__" => chain_new, "__iter__" => iter_self, "__next__" => chain_next,
    "__reduce__" => pk::chain_reduce, "__setstate__" => pk::chain_setstate,
]);
/// `chain.from_iterable`, and `chain[int]` as for CPython's generic classes.
static CHAIN_CLASSMETHODS: &[BuiltinDef] = &[
    BuiltinDef {
        name: "from_iterable",
        func: chain_from_iterable,
        owner: "chain",
        is_method: false,
    },
    BuiltinDef {
        name: "__class_getitem__",
        func: crate::generic_alias::class_getitem,
        owner: "",
        is_method: false,
    },
];
static CHAIN: ClassSpec = ClassSpec {
    name: "chain",
    module: "itertools",
    base: TypeKind::Object,
    methods: CHAIN_M,
    classmethods: CHAIN_CLASSMETHODS,
    props: &[],
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

static CLASSES: &[&ClassSpec] = &[
    &ACCUMULATE,
    &CHAIN,
    &COMBINATIONS,
    &CWR,
    &COMPRESS,
    &COUNT,
    &CYCLE,
    &DROPWHILE,
    &FILTERFALSE,
    &GROUPBY,
    &ISLICE,
    &PAIRWISE,
    &PERMUTATIONS,
    &PRODUCT,
    &REPEAT,
    &STARMAP,
    &TAKEWHILE,
    &ZIP_LONGEST,
    &GROUPER,
    &TEE,
];

super::module_functions!(ITERTOOLS_FUNCTIONS, "itertools", ["tee" => tee_fn]);

/// Builds the `itertools` module.
pub fn init(vm: &mut Vm) -> Value {
    let extra = CLASSES
        .iter()
        .map(|spec| (spec.name, Value::Type(class_of(vm, spec))))
        .collect();
    new_module("itertools", ITERTOOLS_FUNCTIONS, extra)
}

/// The arguments after the class, for a `__new__` that refuses keywords:
/// as CPython's, it lets them through to a subclass's own `__init__`.
fn new_args<'a>(cls: &Rc<crate::types::TypeObj>, a: &Args<'a>) -> Args<'a> {
    let a = rest(a);
    if crate::class::special(cls, crate::names::D::Init).is_some() {
        Args::positional(a.pos)
    } else {
        a
    }
}

fn me(a: &Args<'_>) -> Value {
    a.pos.first().cloned().unwrap_or(Value::None)
}

/// The next item of `it`; once exhausted, its StopIteration as CPython's
/// direct `tp_iternext` call leaves it (a generator's return value).
fn next_of(vm: &mut Vm, it: &Value) -> PyResult<Value> {
    match crate::native::next_nested(vm, it)? {
        Some(v) => Ok(v),
        None => Err(vm.inner_stop(it)),
    }
}

/// The next item of `it`, ending with a bare StopIteration (`PyIter_Next`
/// clears the inner one).
fn next_bare(vm: &mut Vm, it: &Value) -> PyResult<Value> {
    crate::native::next_nested(vm, it)?.ok_or_else(stop)
}

// ---- count ----

struct Count {
    cnt: Value,
    step: Value,
}

impl crate::gc::Traverse for Count {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.extend([&self.cnt, &self.step].into_iter().cloned());
    }
}

fn is_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Bool(_)
            | Value::Complex(_)
            | Value::Instance(_)
    )
}

fn count_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let a = rest(&a);
    if a.kwnames.len() > 2 {
        return Err(PyErr::type_error(format!(
            "count() takes at most 2 keyword arguments ({} given)",
            a.kwnames.len()
        )));
    }
    let args = bind_args(&a, "count", &["start", "step"], 0)?;
    let cnt = args[0].cloned().unwrap_or(Value::Int(0));
    let step = args[1].cloned().unwrap_or(Value::Int(1));
    if !is_number(&cnt) || !is_number(&step) {
        return Err(PyErr::type_error("a number is required"));
    }
    Ok(new_object(&cls, Count { cnt, step }))
}

fn count_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Count>(&a, "itertools.count", "__next__")?;
    let (cnt, step) = {
        let s = borrow(&st)?;
        (s.cnt.clone(), s.step.clone())
    };
    let next = match (&cnt, &step) {
        (Value::Int(x), Value::Int(y)) => match x.checked_add(*y) {
            Some(n) => Value::Int(n),
            None => vm.binary_op(nb::ADD, &cnt, &step)?,
        },
        _ => vm.binary_op(nb::ADD, &cnt, &step)?,
    };
    borrow(&st)?.cnt = next;
    Ok(cnt)
}

fn count_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Count>(&a, "itertools.count", "__repr__")?;
    let (cnt, step) = {
        let s = borrow(&st)?;
        (s.cnt.clone(), s.step.clone())
    };
    let t = crate::types::type_of(&me(&a));
    let name = crate::native::short_name(&t).to_string();
    let c = vm.repr_of(&cnt)?;
    if matches!(step, Value::Int(1)) {
        return Ok(Value::string(format!("{name}({c})")));
    }
    let s = vm.repr_of(&step)?;
    Ok(Value::string(format!("{name}({c}, {s})")))
}

// ---- cycle ----

struct Cycle {
    it: Option<Value>,
    saved: Vec<Value>,
    index: usize,
    /// Set by `__setstate__`: the source's items are already saved.
    firstpass: bool,
}

impl crate::gc::Traverse for Cycle {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.extend(self.it.iter().chain(&self.saved).cloned());
    }
}

fn cycle_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = positional(&new_args(&cls, &a), "cycle", 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    Ok(new_object(
        &cls,
        Cycle {
            it: Some(it),
            saved: Vec::new(),
            index: 0,
            firstpass: false,
        },
    ))
}

fn cycle_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Cycle>(&a, "itertools.cycle", "__next__")?;
    let it = borrow(&st)?.it.clone();
    if let Some(it) = it {
        if let Some(v) = crate::native::next_nested(vm, &it)? {
            let mut s = borrow(&st)?;
            if !s.firstpass {
                s.saved.push(v.clone());
            }
            return Ok(v);
        }
        borrow(&st)?.it = None;
    }
    let mut s = borrow(&st)?;
    if s.saved.is_empty() {
        return Err(stop());
    }
    let i = s.index % s.saved.len();
    let v = s.saved[i].clone();
    s.index = (i + 1) % s.saved.len();
    Ok(v)
}

// ---- repeat ----

struct Repeat {
    obj: Value,
    cnt: Option<i64>,
}

impl crate::gc::Traverse for Repeat {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.push(self.obj.clone());
    }
}

fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    // `index_value` clamps ints beyond 64 bits; `Py_ssize_t` refuses them.
    let big = |v: &Value| matches!(v, Value::BigInt(_));
    if big(v) || crate::instance::payload_of(v).is_some_and(big) {
        return Err(PyErr::overflow(
            "Python int too large to convert to C ssize_t",
        ));
    }
    match vm.index_value(v) {
        Err(e) if e.is(ExcKind::OverflowError) => Err(PyErr::overflow(
            "Python int too large to convert to C ssize_t",
        )),
        other => other,
    }
}

fn repeat_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = bind_args(&rest(&a), "repeat", &["object", "times"], 1)?;
    let obj = args[0].cloned().unwrap_or(Value::None);
    let cnt = match args[1] {
        Some(t) => Some(ssize(vm, t)?.max(0)),
        None => None,
    };
    Ok(new_object(&cls, Repeat { obj, cnt }))
}

fn repeat_next(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Repeat>(&a, "itertools.repeat", "__next__")?;
    let mut s = borrow(&st)?;
    match s.cnt {
        Some(0) => Err(stop()),
        Some(n) => {
            s.cnt = Some(n - 1);
            Ok(s.obj.clone())
        }
        None => Ok(s.obj.clone()),
    }
}

fn repeat_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Repeat>(&a, "itertools.repeat", "__repr__")?;
    let (obj, cnt) = {
        let s = borrow(&st)?;
        (s.obj.clone(), s.cnt)
    };
    let t = crate::types::type_of(&me(&a));
    let name = crate::native::short_name(&t).to_string();
    let r = vm.repr_of(&obj)?;
    Ok(Value::string(match cnt {
        Some(n) => format!("{name}({r}, {n})"),
        None => format!("{name}({r})"),
    }))
}

fn repeat_len_hint(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Repeat>(&a, "itertools.repeat", "__length_hint__")?;
    let cnt = borrow(&st)?.cnt;
    match cnt {
        Some(n) => Ok(Value::Int(n)),
        None => Err(PyErr::type_error("len() of unsized object")),
    }
}

// ---- accumulate ----

struct Accumulate {
    it: Value,
    func: Value,
    total: Option<Value>,
    initial: Option<Value>,
}

impl crate::gc::Traverse for Accumulate {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.extend([&self.it, &self.func].into_iter().cloned());
        out.extend(self.total.iter().chain(&self.initial).cloned());
    }
}

fn accumulate_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let a = rest(&a);
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "accumulate() takes at most 2 positional arguments ({} given)",
            a.pos.len()
        )));
    }
    let args = bind_args(&a, "accumulate", &["iterable", "func", "initial"], 1)?;
    let it = vm.get_iter(args[0].unwrap_or(&Value::None))?;
    let func = args[1].cloned().unwrap_or(Value::None);
    let initial = args[2].filter(|v| !matches!(v, Value::None)).cloned();
    Ok(new_object(
        &cls,
        Accumulate {
            it,
            func,
            total: None,
            initial,
        },
    ))
}

fn accumulate_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Accumulate>(&a, "itertools.accumulate", "__next__")?;
    let (it, func, total) = {
        let mut s = borrow(&st)?;
        if let Some(init) = s.initial.take() {
            s.total = Some(init.clone());
            return Ok(init);
        }
        (s.it.clone(), s.func.clone(), s.total.clone())
    };
    let val = next_of(vm, &it)?;
    let new = match total {
        None => val,
        Some(t) if matches!(func, Value::None) => vm.binary_op(nb::ADD, &t, &val)?,
        Some(t) => vm.call(&func, &[t, val])?,
    };
    borrow(&st)?.total = Some(new.clone());
    Ok(new)
}

// ---- chain ----

struct Chain {
    source: Option<Value>,
    active: Option<Value>,
}

impl crate::gc::Traverse for Chain {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.extend(self.source.iter().chain(&self.active).cloned());
    }
}

fn chain_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let a = new_args(&cls, &a);
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error("chain() takes no keyword arguments"));
    }
    let source = vm.get_iter(&Value::tuple(a.pos.to_vec()))?;
    Ok(new_object(
        &cls,
        Chain {
            source: Some(source),
            active: None,
        },
    ))
}

fn chain_from_iterable(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let a = rest(&a);
    if a.pos.len() != 1 || !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "chain.from_iterable() takes exactly one argument ({} given)",
            a.pos.len() + a.kwnames.len()
        )));
    }
    let source = vm.get_iter(&a.pos[0])?;
    Ok(new_object(
        &cls,
        Chain {
            source: Some(source),
            active: None,
        },
    ))
}

fn chain_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Chain>(&a, "itertools.chain", "__next__")?;
    loop {
        let (source, active) = {
            let s = borrow(&st)?;
            (s.source.clone(), s.active.clone())
        };
        if let Some(act) = active {
            if let Some(v) = crate::native::next_nested(vm, &act)? {
                return Ok(v);
            }
            borrow(&st)?.active = None;
        }
        let Some(src) = source else {
            return Err(stop());
        };
        match crate::native::next_nested(vm, &src)? {
            Some(iterable) => {
                // An item that is not iterable ends the chain after its error.
                let it = vm.get_iter(&iterable).inspect_err(|_| {
                    if let Ok(mut s) = borrow(&st) {
                        s.source = None;
                    }
                })?;
                borrow(&st)?.active = Some(it);
            }
            None => {
                borrow(&st)?.source = None;
                return Err(stop());
            }
        }
    }
}

// ---- compress, dropwhile, takewhile, filterfalse, starmap ----

struct Compress {
    data: Value,
    selectors: Value,
}

impl crate::gc::Traverse for Compress {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.extend([&self.data, &self.selectors].into_iter().cloned());
    }
}

fn compress_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = bind_args(&rest(&a), "compress", &["data", "selectors"], 2)?;
    let data = vm.get_iter(args[0].unwrap_or(&Value::None))?;
    let selectors = vm.get_iter(args[1].unwrap_or(&Value::None))?;
    Ok(new_object(&cls, Compress { data, selectors }))
}

fn compress_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Compress>(&a, "itertools.compress", "__next__")?;
    let (data, sel) = {
        let s = borrow(&st)?;
        (s.data.clone(), s.selectors.clone())
    };
    loop {
        let d = next_of(vm, &data)?;
        let s = next_of(vm, &sel)?;
        if vm.truthy(&s)? {
            return Ok(d);
        }
    }
}

struct PredIter {
    func: Value,
    it: Value,
    done: bool,
}

impl crate::gc::Traverse for PredIter {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.extend([&self.func, &self.it].into_iter().cloned());
    }
}

fn pred_new(vm: &mut Vm, a: Args<'_>, name: &str) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = positional(&new_args(&cls, &a), name, 2, 2)?;
    let it = vm.get_iter(&args[1])?;
    Ok(new_object(
        &cls,
        PredIter {
            func: args[0].clone(),
            it,
            done: false,
        },
    ))
}

fn pred_parts(a: &Args<'_>, owner: &str) -> PyResult<(Rc<RefCell<PredIter>>, Value, Value, bool)> {
    let st = receiver::<PredIter>(a, owner, "__next__")?;
    let (f, it, done) = {
        let s = borrow(&st)?;
        (s.func.clone(), s.it.clone(), s.done)
    };
    Ok((st, f, it, done))
}

fn dropwhile_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    pred_new(vm, a, "dropwhile")
}

fn dropwhile_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (st, f, it, started) = pred_parts(&a, "itertools.dropwhile")?;
    loop {
        let v = next_of(vm, &it)?;
        if started {
            return Ok(v);
        }
        let r = vm.call(&f, std::slice::from_ref(&v))?;
        if !vm.truthy(&r)? {
            borrow(&st)?.done = true;
            return Ok(v);
        }
    }
}

fn takewhile_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    pred_new(vm, a, "takewhile")
}

fn takewhile_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (st, f, it, stopped) = pred_parts(&a, "itertools.takewhile")?;
    if stopped {
        return Err(stop());
    }
    let v = next_of(vm, &it)?;
    let r = vm.call(&f, std::slice::from_ref(&v))?;
    if vm.truthy(&r)? {
        return Ok(v);
    }
    borrow(&st)?.done = true;
    Err(stop())
}

fn filterfalse_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    pred_new(vm, a, "filterfalse")
}

fn filterfalse_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_st, f, it, _) = pred_parts(&a, "itertools.filterfalse")?;
    loop {
        let v = next_of(vm, &it)?;
        let ok = if matches!(f, Value::None | Value::Type(_))
            && (matches!(f, Value::None)
                || matches!(&f, Value::Type(t) if t.kind == TypeKind::Bool && t.heap.is_none()))
        {
            vm.truthy(&v)?
        } else {
            let r = vm.call(&f, std::slice::from_ref(&v))?;
            vm.truthy(&r)?
        };
        if !ok {
            return Ok(v);
        }
    }
}

fn starmap_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    pred_new(vm, a, "starmap")
}

fn starmap_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_st, f, it, _) = pred_parts(&a, "itertools.starmap")?;
    let v = next_of(vm, &it)?;
    let args = match v {
        Value::Tuple(t) => t.to_vec(),
        other => vm.collect(&other)?,
    };
    vm.call(&f, &args)
}

// ---- groupby ----

struct GroupBy {
    it: Value,
    keyfunc: Value,
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    /// Which `_grouper` is current: older ones yield nothing more.
    generation: u64,
}

impl crate::gc::Traverse for GroupBy {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.extend([&self.it, &self.keyfunc].into_iter().cloned());
        out.extend(
            [&self.tgtkey, &self.currkey, &self.currvalue]
                .into_iter()
                .flatten()
                .cloned(),
        );
    }
}

struct Grouper {
    parent: Rc<RefCell<GroupBy>>,
    /// The `groupby` object itself, for `__reduce__`.
    parent_obj: Value,
    tgtkey: Value,
    generation: u64,
}

impl crate::gc::Traverse for Grouper {
    fn traverse(&self, out: &mut Vec<Value>) {
        // `parent` is the groupby object's own state, shared: the object is listed.
        out.extend([&self.parent_obj, &self.tgtkey].into_iter().cloned());
    }
}

fn groupby_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = bind_args(&rest(&a), "groupby", &["iterable", "key"], 1)?;
    let it = vm.get_iter(args[0].unwrap_or(&Value::None))?;
    Ok(new_object(
        &cls,
        GroupBy {
            it,
            keyfunc: args[1].cloned().unwrap_or(Value::None),
            tgtkey: None,
            currkey: None,
            currvalue: None,
            generation: 0,
        },
    ))
}

fn groupby_step(vm: &mut Vm, st: &Rc<RefCell<GroupBy>>) -> PyResult<()> {
    let (it, kf) = {
        let s = borrow(st)?;
        (s.it.clone(), s.keyfunc.clone())
    };
    let v = next_bare(vm, &it)?;
    let k = if matches!(kf, Value::None) {
        v.clone()
    } else {
        vm.call(&kf, std::slice::from_ref(&v))?
    };
    let mut s = borrow(st)?;
    s.currvalue = Some(v);
    s.currkey = Some(k);
    Ok(())
}

fn groupby_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<GroupBy>(&a, "itertools.groupby", "__next__")?;
    borrow(&st)?.generation += 1;
    loop {
        let (curr, tgt) = {
            let s = borrow(&st)?;
            (s.currkey.clone(), s.tgtkey.clone())
        };
        match (curr, tgt) {
            (None, _) => {}
            (Some(_), None) => break,
            (Some(c), Some(t)) => {
                if !vm.eq_values(&t, &c)? {
                    break;
                }
            }
        }
        groupby_step(vm, &st)?;
    }
    let (key, generation) = {
        let mut s = borrow(&st)?;
        s.tgtkey = s.currkey.clone();
        (s.currkey.clone().unwrap_or(Value::None), s.generation)
    };
    let gcls = class_of(vm, &GROUPER);
    let grouper = new_object(
        &gcls,
        Grouper {
            parent: st,
            parent_obj: me(&a),
            tgtkey: key.clone(),
            generation,
        },
    );
    Ok(Value::tuple(vec![key, grouper]))
}

fn grouper_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Grouper>(&a, "itertools._grouper", "__next__")?;
    let (parent, tgt, generation) = {
        let s = borrow(&st)?;
        (s.parent.clone(), s.tgtkey.clone(), s.generation)
    };
    if borrow(&parent)?.generation != generation {
        return Err(stop());
    }
    if borrow(&parent)?.currvalue.is_none() {
        groupby_step(vm, &parent)?;
    }
    let curr = borrow(&parent)?.currkey.clone().unwrap_or(Value::None);
    if !vm.eq_values(&tgt, &curr)? {
        return Err(stop());
    }
    let mut p = borrow(&parent)?;
    p.currkey = None;
    p.currvalue.take().ok_or_else(stop)
}

// ---- islice ----

struct ISlice {
    it: Option<Value>,
    next: i64,
    stop: Option<i64>,
    step: i64,
    cnt: i64,
}

impl crate::gc::Traverse for ISlice {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.extend(self.it.iter().cloned());
    }
}

fn islice_arg(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Option<i64>> {
    if matches!(v, Value::None) {
        return Ok(None);
    }
    let bad = || PyErr::value_error(msg.to_string());
    let is_int = matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
        || matches!(v, Value::Instance(_));
    if !is_int {
        return Err(bad());
    }
    match vm.index_value(v) {
        Ok(n) if n >= 0 => Ok(Some(n)),
        Ok(_) => Err(bad()),
        Err(e) if e.is(ExcKind::OverflowError) => Err(bad()),
        Err(e) if e.is(ExcKind::TypeError) => Err(bad()),
        Err(e) => Err(e),
    }
}

const STOP_MSG: &str =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const INDEX_MSG: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

fn islice_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = positional(&new_args(&cls, &a), "islice", 2, 4)?;
    let (start, stop_at, step) = if args.len() == 2 {
        (0, islice_arg(vm, &args[1], STOP_MSG)?, 1)
    } else {
        let start = islice_arg(vm, &args[1], INDEX_MSG)?.unwrap_or(0);
        let stop_at = islice_arg(vm, &args[2], STOP_MSG)?;
        let step = match args.get(3) {
            Some(s) if !matches!(s, Value::None) => match vm.index_value(s) {
                Ok(n) if n >= 1 => n,
                Ok(_) => {
                    return Err(PyErr::value_error(
                        "Step for islice() must be a positive integer or None.",
                    ))
                }
                Err(_) => {
                    return Err(PyErr::value_error(
                        "Step for islice() must be a positive integer or None.",
                    ))
                }
            },
            _ => 1,
        };
        (start, stop_at, step)
    };
    let it = vm.get_iter(&args[0])?;
    Ok(new_object(
        &cls,
        ISlice {
            it: Some(it),
            next: start,
            stop: stop_at,
            step,
            cnt: 0,
        },
    ))
}

fn islice_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<ISlice>(&a, "itertools.islice", "__next__")?;
    let Some(it) = borrow(&st)?.it.clone() else {
        return Err(stop());
    };
    let r = islice_step(vm, &st, &it);
    if !matches!(r, Ok(Some(_))) {
        borrow(&st)?.it = None;
    }
    r?.ok_or_else(stop)
}

fn islice_step(vm: &mut Vm, st: &Rc<RefCell<ISlice>>, it: &Value) -> PyResult<Option<Value>> {
    loop {
        let (cnt, next) = {
            let s = borrow(st)?;
            (s.cnt, s.next)
        };
        if cnt >= next {
            break;
        }
        next_of(vm, it)?;
        borrow(st)?.cnt += 1;
    }
    {
        let s = borrow(st)?;
        if s.stop.is_some_and(|stop_at| s.cnt >= stop_at) {
            return Ok(None);
        }
    }
    let v = next_of(vm, it)?;
    let mut s = borrow(st)?;
    s.cnt += 1;
    let old = s.next;
    s.next = s.next.saturating_add(s.step);
    if let Some(stop_at) = s.stop {
        if s.next < old || s.next > stop_at {
            s.next = stop_at;
        }
    }
    Ok(Some(v))
}

// ---- pairwise ----

struct Pairwise {
    it: Option<Value>,
    old: Option<Value>,
}

impl crate::gc::Traverse for Pairwise {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.extend(self.it.iter().chain(&self.old).cloned());
    }
}

fn pairwise_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = positional(&rest(&a), "pairwise", 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    Ok(new_object(
        &cls,
        Pairwise {
            it: Some(it),
            old: None,
        },
    ))
}

fn pairwise_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Pairwise>(&a, "itertools.pairwise", "__next__")?;
    let (it, old) = {
        let s = borrow(&st)?;
        (s.it.clone(), s.old.clone())
    };
    let Some(it) = it else {
        return Err(stop());
    };
    let old = match old {
        Some(o) => o,
        None => match crate::native::next_nested(vm, &it)? {
            Some(o) => {
                borrow(&st)?.old = Some(o.clone());
                o
            }
            None => {
                borrow(&st)?.it = None;
                return Err(vm.inner_stop(&it));
            }
        },
    };
    match crate::native::next_nested(vm, &it)? {
        Some(new) => {
            borrow(&st)?.old = Some(new.clone());
            Ok(Value::tuple(vec![old, new]))
        }
        None => {
            let mut s = borrow(&st)?;
            s.it = None;
            s.old = None;
            drop(s);
            Err(vm.inner_stop(&it))
        }
    }
}

// ---- tee ----

const LINK_CELLS: usize = 57;

/// A block of values read from the shared source; every `_tee` walks the
/// chain of blocks, which are freed once the slowest one has passed them.
struct TeeLink {
    values: Vec<Value>,
    next: Option<Rc<RefCell<TeeLink>>>,
}

impl Drop for TeeLink {
    // Unlinks iteratively: a long chain must not recurse in Rust.
    fn drop(&mut self) {
        let mut next = self.next.take();
        while let Some(link) = next {
            next = match Rc::try_unwrap(link) {
                Ok(cell) => cell.into_inner().next.take(),
                Err(_) => None,
            };
        }
    }
}

struct TeeSource {
    it: Value,
    running: bool,
}

struct Tee {
    src: Rc<RefCell<TeeSource>>,
    link: Rc<RefCell<TeeLink>>,
    idx: usize,
}

impl crate::gc::Traverse for Tee {
    fn traverse(&self, out: &mut Vec<Value>) {
        // The source and the buffer are shared by the tees of one `tee()` call:
        // listed only while this tee is their sole holder.
        if Rc::strong_count(&self.src) == 1 {
            if let Ok(src) = self.src.try_borrow() {
                out.push(src.it.clone());
            }
        }
        if Rc::strong_count(&self.link) == 1 {
            if let Ok(link) = self.link.try_borrow() {
                out.extend(link.values.iter().cloned());
            }
        }
    }
}

fn new_link() -> Rc<RefCell<TeeLink>> {
    Rc::new(RefCell::new(TeeLink {
        values: Vec::new(),
        next: None,
    }))
}

fn tee_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = positional(&rest(&a), "_tee", 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    // `_tee(t)` of a tee is a copy of it, sharing its buffer (`tee_fromiterable`).
    if let Some(other) = state_of::<Tee>(&it) {
        let (src, link, idx) = {
            let s = borrow(&other)?;
            (s.src.clone(), s.link.clone(), s.idx)
        };
        return Ok(new_object(&cls, Tee { src, link, idx }));
    }
    Ok(new_object(
        &cls,
        Tee {
            src: Rc::new(RefCell::new(TeeSource { it, running: false })),
            link: new_link(),
            idx: 0,
        },
    ))
}

fn tee_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Tee>(&a, "itertools._tee", "__next__")?;
    let mut s = borrow(&st)?;
    if s.idx >= LINK_CELLS {
        let next = {
            let mut l = borrow(&s.link)?;
            l.next.get_or_insert_with(new_link).clone()
        };
        s.link = next;
        s.idx = 0;
    }
    let have = borrow(&s.link)?.values.get(s.idx).cloned();
    if let Some(v) = have {
        s.idx += 1;
        return Ok(v);
    }
    let src = s.src.clone();
    let link = s.link.clone();
    drop(s);
    let it = {
        let mut src = borrow(&src)?;
        if src.running {
            return Err(PyErr::new(
                ExcKind::RuntimeError,
                "cannot re-enter the tee iterator",
            ));
        }
        src.running = true;
        src.it.clone()
    };
    let r = crate::native::next_nested(vm, &it);
    borrow(&src)?.running = false;
    let v = r?.ok_or_else(stop)?;
    borrow(&link)?.values.push(v.clone());
    borrow(&st)?.idx += 1;
    Ok(v)
}

fn tee_copy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Tee>(&a, "itertools._tee", "__copy__")?;
    let (src, link, idx) = {
        let s = borrow(&st)?;
        (s.src.clone(), s.link.clone(), s.idx)
    };
    let cls = class_of(vm, &TEE);
    Ok(new_object(&cls, Tee { src, link, idx }))
}

fn tee_fn(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    // A positional-only module function: its name is qualified here.
    a.no_kw("itertools.tee")?;
    let args = positional(&a, "tee", 1, 2)?;
    let n = match args.get(1) {
        Some(v) => ssize(vm, v)?,
        None => 2,
    };
    if n < 0 {
        return Err(PyErr::value_error("n must be >= 0"));
    }
    let it = vm.get_iter(&args[0])?;
    if n == 0 {
        return Ok(Value::tuple(Vec::new()));
    }
    let first = if state_of::<Tee>(&it).is_some() {
        it
    } else {
        let copy = crate::class::lookup(&crate::types::type_of(&it), &vm.intern("__copy__"));
        match copy {
            Some(_) => it,
            None => {
                let cls = class_of(vm, &TEE);
                new_object(
                    &cls,
                    Tee {
                        src: Rc::new(RefCell::new(TeeSource { it, running: false })),
                        link: new_link(),
                        idx: 0,
                    },
                )
            }
        }
    };
    let mut out = vec![first.clone()];
    let copy_name = vm.intern("__copy__");
    for _ in 1..n {
        let (f, obj) = vm.load_method(first.clone(), &copy_name)?;
        let c = if f.is_null() {
            vm.call(&obj, &[])?
        } else {
            vm.call(&f, &[obj])?
        };
        out.push(c);
    }
    Ok(Value::tuple(out))
}

// ---- zip_longest ----

struct ZipLongest {
    its: Vec<Option<Value>>,
    active: usize,
    fill: Value,
}

impl crate::gc::Traverse for ZipLongest {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.extend(self.its.iter().flatten().chain([&self.fill]).cloned());
    }
}

fn zip_longest_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let a = rest(&a);
    let mut fill = Value::None;
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match k {
            Value::Str(s) if s.as_str() == "fillvalue" => fill = v.clone(),
            _ => {
                return Err(PyErr::type_error(
                    "zip_longest() got an unexpected keyword argument",
                ))
            }
        }
    }
    let mut its = Vec::with_capacity(a.pos.len());
    for v in a.pos {
        its.push(Some(vm.get_iter(v)?));
    }
    let active = its.len();
    Ok(new_object(&cls, ZipLongest { its, active, fill }))
}

fn zip_longest_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<ZipLongest>(&a, "itertools.zip_longest", "__next__")?;
    let (its, fill) = {
        let s = borrow(&st)?;
        if s.its.is_empty() || s.active == 0 {
            return Err(stop());
        }
        (s.its.clone(), s.fill.clone())
    };
    let mut out = Vec::with_capacity(its.len());
    for (i, it) in its.iter().enumerate() {
        let Some(it) = it else {
            out.push(fill.clone());
            continue;
        };
        match crate::native::next_nested(vm, it)? {
            Some(v) => out.push(v),
            None => {
                let mut s = borrow(&st)?;
                s.active = s.active.saturating_sub(1);
                if s.active == 0 {
                    return Err(stop());
                }
                if let Some(slot) = s.its.get_mut(i) {
                    *slot = None;
                }
                out.push(fill.clone());
            }
        }
    }
    Ok(Value::tuple(out))
}

// ---- product, permutations, combinations ----

/// The shared state of the combinatoric iterators: the pool(s), the indices
/// and the last result.
struct Combo {
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    r: usize,
    first: bool,
    stopped: bool,
    /// Whether a result was given (CPython's `result` is set).
    produced: bool,
}

impl crate::gc::Traverse for Combo {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.extend(self.pools.iter().flatten().cloned());
    }
}

impl Combo {
    fn new(pools: Vec<Vec<Value>>, r: usize) -> Combo {
        Combo {
            pools,
            indices: Vec::new(),
            cycles: Vec::new(),
            r,
            first: true,
            stopped: false,
            produced: false,
        }
    }

    fn pool(&self) -> &[Value] {
        self.pools.first().map_or(&[], |p| p.as_slice())
    }

    fn take(&self) -> Value {
        let pool = self.pool();
        Value::tuple(
            self.indices[..self.r]
                .iter()
                .filter_map(|&i| pool.get(i).cloned())
                .collect(),
        )
    }
}

/// One `__next__` of a combinatoric iterator: `first` sets up the first
/// result and says whether there is one, `advance` moves the indices to the
/// next result or says there is none; once exhausted it stays exhausted.
fn combo_step(
    a: &Args<'_>,
    owner: &str,
    first: impl FnOnce(&mut Combo) -> bool,
    advance: impl FnOnce(&mut Combo) -> bool,
    result: fn(&Combo) -> Value,
) -> PyResult<Value> {
    let st = receiver::<Combo>(a, owner, "__next__")?;
    let mut s = borrow(&st)?;
    if s.stopped {
        return Err(stop());
    }
    let more = if s.first {
        s.first = false;
        first(&mut s)
    } else {
        advance(&mut s)
    };
    if !more {
        s.stopped = true;
        return Err(stop());
    }
    s.produced = true;
    Ok(result(&s))
}

fn product_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let a = rest(&a);
    let mut repeat = 1i64;
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match k {
            Value::Str(s) if s.as_str() == "repeat" => repeat = ssize(vm, v)?,
            Value::Str(s) => {
                return Err(PyErr::type_error(format!(
                    "'{}' is an invalid keyword argument for product()",
                    s.as_str()
                )))
            }
            _ => return Err(PyErr::type_error("keywords must be strings")),
        }
    }
    if repeat < 0 {
        return Err(PyErr::value_error("repeat argument cannot be negative"));
    }
    // As `product_new`: the size is checked before any argument is read, and
    // with no repeats the arguments are not read at all.
    let repeat = repeat as usize;
    let nargs = if repeat == 0 { 0 } else { a.pos.len() };
    if repeat > 0 && nargs > (isize::MAX as usize / std::mem::size_of::<isize>()) / repeat {
        return Err(PyErr::overflow("repeat argument too large"));
    }
    let total = nargs * repeat;
    let mut all = Vec::new();
    all.try_reserve_exact(total)
        .map_err(|_| PyErr::new(ExcKind::MemoryError, ""))?;
    let mut pools = Vec::with_capacity(nargs);
    for v in &a.pos[..nargs] {
        pools.push(vm.collect(v)?);
    }
    if nargs > 0 {
        for _ in 0..repeat {
            all.extend(pools.iter().cloned());
        }
    }
    Ok(new_object(&cls, Combo::new(all, 0)))
}

fn product_next(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    combo_step(
        &a,
        "itertools.product",
        |s| {
            s.indices = vec![0; s.pools.len()];
            !s.pools.iter().any(Vec::is_empty)
        },
        |s| {
            // An odometer over the pools, rightmost fastest.
            for i in (0..s.pools.len()).rev() {
                s.indices[i] += 1;
                if s.indices[i] < s.pools[i].len() {
                    return true;
                }
                s.indices[i] = 0;
            }
            false
        },
        |s| {
            let out = s
                .indices
                .iter()
                .zip(&s.pools)
                .filter_map(|(&i, p)| p.get(i).cloned())
                .collect();
            Value::tuple(out)
        },
    )
}

fn permutations_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = bind_args(&rest(&a), "permutations", &["iterable", "r"], 1)?;
    let pool = vm.collect(args[0].unwrap_or(&Value::None))?;
    let n = pool.len();
    let r = match args[1] {
        None | Some(Value::None) => n,
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
            let r = ssize(vm, v)?;
            if r < 0 {
                return Err(PyErr::value_error("r must be non-negative"));
            }
            r as usize
        }
        Some(_) => return Err(PyErr::type_error("Expected int as r")),
    };
    let mut c = Combo::new(vec![pool], r);
    c.indices = (0..n).collect();
    c.cycles = (0..r.min(n)).map(|i| n - i).collect();
    Ok(new_object(&cls, c))
}

fn permutations_next(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    combo_step(
        &a,
        "itertools.permutations",
        |s| s.r <= s.pool().len(),
        |s| {
            let (n, r) = (s.pool().len(), s.r);
            for i in (0..r.min(n)).rev() {
                s.cycles[i] -= 1;
                if s.cycles[i] == 0 {
                    let idx = s.indices.remove(i);
                    s.indices.push(idx);
                    s.cycles[i] = n - i;
                } else {
                    let j = s.cycles[i];
                    s.indices.swap(i, n - j);
                    return true;
                }
            }
            false
        },
        Combo::take,
    )
}

fn combinations_args(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<(Vec<Value>, usize)> {
    let args = bind_args(a, name, &["iterable", "r"], 2)?;
    let pool = vm.collect(args[0].unwrap_or(&Value::None))?;
    let r = ssize(vm, args[1].unwrap_or(&Value::None))?;
    if r < 0 {
        return Err(PyErr::value_error("r must be non-negative"));
    }
    Ok((pool, r as usize))
}

/// Room for `r` indices, or `MemoryError` (CPython's `PyMem_New`) when
/// `r` is beyond what can be allocated.
fn index_room(r: usize) -> PyResult<Vec<usize>> {
    let mut v = Vec::new();
    v.try_reserve_exact(r)
        .map_err(|_| PyErr::with_args(ExcKind::MemoryError, vec![]))?;
    Ok(v)
}

fn combinations_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let (pool, r) = combinations_args(vm, &rest(&a), "combinations")?;
    let mut indices = index_room(r)?;
    indices.extend(0..r);
    let mut c = Combo::new(vec![pool], r);
    c.indices = indices;
    Ok(new_object(&cls, c))
}

fn combinations_next(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    combo_step(
        &a,
        "itertools.combinations",
        |s| s.r <= s.pool().len(),
        |s| {
            let (n, r) = (s.pool().len(), s.r);
            let Some(i) = (0..r).rev().find(|&i| s.indices[i] != i + n - r) else {
                return false;
            };
            s.indices[i] += 1;
            for j in i + 1..r {
                s.indices[j] = s.indices[j - 1] + 1;
            }
            true
        },
        Combo::take,
    )
}

fn cwr_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let (pool, r) = combinations_args(vm, &rest(&a), "combinations_with_replacement")?;
    let mut indices = index_room(r)?;
    indices.resize(r, 0);
    let mut c = Combo::new(vec![pool], r);
    c.indices = indices;
    Ok(new_object(&cls, c))
}

fn cwr_next(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    combo_step(
        &a,
        "itertools.combinations_with_replacement",
        |s| !s.pool().is_empty() || s.r == 0,
        |s| {
            let (n, r) = (s.pool().len(), s.r);
            let Some(i) = (0..r).rev().find(|&i| s.indices[i] != n - 1) else {
                return false;
            };
            let index = s.indices[i] + 1;
            s.indices[i..r].fill(index);
            true
        },
        Combo::take,
    )
}

/// [`crate::gc::Traverse`] for this module's native objects
/// (`*_traverse` of `Modules/itertoolsmodule.c`).
pub(crate) fn gc_traverse(state: &dyn std::any::Any, out: &mut Vec<Value>) -> bool {
    use crate::gc::traverse_as;
    traverse_as::<Count>(state, out)
        || traverse_as::<Cycle>(state, out)
        || traverse_as::<Repeat>(state, out)
        || traverse_as::<Accumulate>(state, out)
        || traverse_as::<Chain>(state, out)
        || traverse_as::<Compress>(state, out)
        || traverse_as::<PredIter>(state, out)
        || traverse_as::<GroupBy>(state, out)
        || traverse_as::<Grouper>(state, out)
        || traverse_as::<ISlice>(state, out)
        || traverse_as::<Pairwise>(state, out)
        || traverse_as::<Tee>(state, out)
        || traverse_as::<ZipLongest>(state, out)
        || traverse_as::<Combo>(state, out)
}
