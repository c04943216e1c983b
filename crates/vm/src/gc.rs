//! The cycle collector. Values are reference counted (`Rc`), which frees
//! everything except reference cycles; this module finds and breaks those, as
//! CPython's `Modules/gcmodule.c` does.
//!
//! - **Tracking.** Mutable containers (lists, dicts, sets, cells) register a
//!   `Weak` pointer here when they are created ([`track`]); that is the only
//!   cost while no collection runs. Dead entries are pruned in bulk.
//! - **Trial deletion.** A collection takes every live tracked container plus
//!   everything reachable from them through [`referents`], computes for each
//!   object its strong count minus the references held by other objects of the
//!   set, and treats objects with references left over as reachable from
//!   outside (the stack, globals, Rust locals). Whatever those cannot reach is
//!   garbage: only cycles keep it alive. Its mutable containers are cleared,
//!   which drops the cycle's references and lets reference counting free it.
//! - **Young collections.** Like CPython's generation 0, the containers
//!   registered since the last collection are collected on their own once
//!   `threshold0` of them are alive: the graph is those containers and the
//!   untracked objects (tuples, functions, ...) they reach, and a reference
//!   to anything older counts as one from outside (older objects are not
//!   traversed). That finds the cycles made and dropped since, at a cost
//!   proportional to the young objects, not to the heap.
//! - **Older generations.** Every `threshold1` young collections, the
//!   containers registered since the last collection of generation 1 are
//!   collected the same way; every `threshold2` of those, if what joined
//!   generation 2 since the last full collection is a quarter of what that
//!   left alive, everything is collected (`gcmodule.c`'s rules; 0 for
//!   `threshold0` turns automatic runs off). When the registry has grown by
//!   a quarter since it was last pruned (and holds 700 entries or more), its
//!   dead entries are dropped. The cost stays proportional to allocation.
//!
//! Soundness rests on [`referents`] never listing a reference an object does
//! not hold; listing fewer is safe (the object looks externally referenced).
//! Containers that are borrowed while a collection runs are treated as
//! reachable. To make a new kind of object collectable, add a [`Tracked`] case
//! (if it is mutable and can be cleared) and a case in [`referents`]; a
//! native object's Rust state implements [`Traverse`], and its module is
//! listed in [`NATIVE_TRAVERSERS`].

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::dict::Dict;
use crate::value::Value;

/// A weak reference to a tracked container.
#[derive(Debug)]
enum Tracked {
    List(Weak<RefCell<Vec<Value>>>),
    Dict(Weak<RefCell<Dict>>),
    Set(Weak<RefCell<Dict>>),
    Cell(Weak<RefCell<Value>>),
    Instance(Weak<crate::instance::Instance>),
}

impl Tracked {
    fn alive(&self) -> bool {
        match self {
            Tracked::List(w) => w.strong_count() > 0,
            Tracked::Dict(w) | Tracked::Set(w) => w.strong_count() > 0,
            Tracked::Cell(w) => w.strong_count() > 0,
            Tracked::Instance(w) => w.strong_count() > 0,
        }
    }

    fn upgrade(&self) -> Option<Value> {
        match self {
            Tracked::List(w) => w.upgrade().map(Value::List),
            Tracked::Dict(w) => w.upgrade().map(Value::Dict),
            Tracked::Set(w) => w.upgrade().map(Value::Set),
            Tracked::Cell(w) => w.upgrade().map(Value::Cell),
            Tracked::Instance(w) => w.upgrade().map(Value::Instance),
        }
    }
}

/// Registry length below which dead entries are not pruned yet.
const MIN_PRUNE: usize = 700;

/// CPython's default thresholds.
const DEFAULT_THRESHOLD: (i64, i64, i64) = (700, 10, 10);

#[derive(Debug)]
struct Heap {
    tracked: Vec<Tracked>,
    /// Where generations 0 and 1 start in `tracked` (entries are in
    /// registration order, oldest first; generation 2 starts at 0).
    gen_start: [usize; 2],
    /// Collections of generation 0 since the last one of generation 1, and of
    /// generation 1 since the last full one (`gc.get_count()[1:]`).
    younger_runs: [usize; 2],
    /// Containers that joined generation 2 since the last full collection
    /// (CPython's `long_lived_pending`).
    pending: usize,
    /// Containers created since the last collection (`gc.get_count()[0]`).
    allocated: usize,
    /// Registry length at which the next prune happens.
    prune_at: usize,
    /// Live tracked containers after the last collection.
    live_after_collect: usize,
    enabled: bool,
    collecting: bool,
    threshold: (i64, i64, i64),
    /// Per generation: collections run and objects they collected
    /// (`gc.get_stats()`).
    runs: [(u64, u64); 3],
    /// `gc.set_debug()` flags.
    debug: u32,
    /// With `DEBUG_SAVEALL`, the unreachable objects of the last collection,
    /// kept alive until `Vm::collect_garbage` appends them to `gc.garbage`.
    saved: Vec<Value>,
}

/// `gc.DEBUG_STATS`: each collection reports on `sys.stderr`.
pub const DEBUG_STATS: u32 = 1;
/// `gc.DEBUG_SAVEALL`: unreachable objects go to `gc.garbage`, not freed.
pub const DEBUG_SAVEALL: u32 = 32;

thread_local! {
    static HEAP: RefCell<Heap> = const {
        RefCell::new(Heap {
            tracked: Vec::new(),
            gen_start: [0, 0],
            younger_runs: [0, 0],
            pending: 0,
            allocated: 0,
            prune_at: 0,
            live_after_collect: 0,
            enabled: true,
            collecting: false,
            threshold: DEFAULT_THRESHOLD,
            runs: [(0, 0); 3],
            debug: 0,
            saved: Vec::new(),
        })
    };
}

/// Registers a new container with the collector (called by the constructors
/// `Value::list`, `Value::dict`, `Value::set`, `Value::cell`); may run a
/// collection. Kept out of line so callers in the eval loop stay small.
#[inline(never)]
pub fn track(v: &Value) {
    let entry = match v {
        Value::List(l) => Tracked::List(Rc::downgrade(l)),
        Value::Dict(d) => Tracked::Dict(Rc::downgrade(d)),
        Value::Set(d) => Tracked::Set(Rc::downgrade(d)),
        Value::Cell(c) => Tracked::Cell(Rc::downgrade(c)),
        Value::Instance(i) => Tracked::Instance(Rc::downgrade(i)),
        _ => return,
    };
    let run = HEAP.with(|h| {
        let Ok(mut h) = h.try_borrow_mut() else {
            return None;
        };
        h.tracked.push(entry);
        h.allocated += 1;
        if h.collecting {
            return None;
        }
        h.due()
    });
    match run {
        Some(Generation::Full) => {
            collect();
        }
        Some(g) => collect_younger(g),
        None => {}
    }
}

/// A generation to collect (with all younger ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Generation {
    /// What was registered since the last collection.
    Young,
    /// What was registered since the last collection of generation 1 or 2.
    Middle,
    /// Everything.
    Full,
}

impl Generation {
    /// Its index among CPython's generations.
    fn index(self) -> usize {
        match self {
            Generation::Young => 0,
            Generation::Middle => 1,
            Generation::Full => 2,
        }
    }
}

impl Heap {
    /// `threshold0` as a count; 0 turns automatic collections off.
    fn threshold0(&self) -> usize {
        if self.enabled {
            usize::try_from(self.threshold.0).unwrap_or(0)
        } else {
            0
        }
    }

    /// Says which collection is due, if any, pruning dead entries as it
    /// looks (CPython's `gc_collect_generations`: the oldest generation
    /// whose count passed its threshold; the full one only once what joined
    /// generation 2 since the last is a quarter of what that one left).
    fn due(&mut self) -> Option<Generation> {
        let threshold0 = self.threshold0();
        if self.tracked.len() >= self.prune_at.max(MIN_PRUNE) {
            // Keeps the registry proportional to the live containers.
            self.prune(0);
            self.prune_at = grown(self.tracked.len());
        }
        if threshold0 == 0 || self.allocated < threshold0 {
            return None;
        }
        // Like CPython's count of generation 0 (allocations minus
        // deallocations): only the young containers still alive count.
        self.prune(self.gen_start[0]);
        let young = self.tracked.len() - self.gen_start[0];
        if young < threshold0 {
            // The next look comes after at least a quarter of `threshold0`
            // more: with nearly that many alive, looking at every few
            // allocations would scan the young generation each time.
            self.allocated = young.min(threshold0 - threshold0 / 4);
            return None;
        }
        let passed = |runs: usize, t: i64| runs >= usize::try_from(t).unwrap_or(0).max(1);
        if passed(self.younger_runs[1], self.threshold.2)
            && self.pending >= self.live_after_collect / 4
        {
            return Some(Generation::Full);
        }
        if passed(self.younger_runs[0], self.threshold.1) {
            return Some(Generation::Middle);
        }
        Some(Generation::Young)
    }

    /// Drops the dead entries registered at `from` and after, keeping the
    /// order and the generations' bounds.
    fn prune(&mut self, from: usize) {
        let len = self.tracked.len();
        let bounds = [self.gen_start[1].min(len), self.gen_start[0].min(len), len];
        let mut keep = from.min(len);
        let mut i = keep;
        for (b, &end) in bounds.iter().enumerate() {
            if end < i {
                continue;
            }
            while i < end {
                if self.tracked[i].alive() {
                    self.tracked.swap(keep, i);
                    keep += 1;
                }
                i += 1;
            }
            // Where segment `b` ends now is where the next one starts.
            match b {
                0 => self.gen_start[1] = keep,
                1 => self.gen_start[0] = keep,
                _ => {}
            }
        }
        self.tracked.truncate(keep);
    }
}

/// A quarter more than `n`: the growth that triggers the next prune or collection.
fn grown(n: usize) -> usize {
    n + n / 4
}

/// Whether the collector is enabled (`gc.isenabled()`).
pub fn is_enabled() -> bool {
    HEAP.with(|h| h.borrow().enabled)
}

/// `gc.enable()` / `gc.disable()`.
pub fn set_enabled(on: bool) {
    HEAP.with(|h| h.borrow_mut().enabled = on);
}

/// `gc.get_debug()`.
pub fn debug_flags() -> u32 {
    HEAP.with(|h| h.borrow().debug)
}

/// `gc.set_debug()`.
pub fn set_debug_flags(flags: u32) {
    HEAP.with(|h| h.borrow_mut().debug = flags);
}

/// What the last collections kept for `gc.garbage` (`DEBUG_SAVEALL`).
pub fn take_saved() -> Vec<Value> {
    HEAP.with(|h| {
        h.try_borrow_mut()
            .map(|mut h| std::mem::take(&mut h.saved))
            .unwrap_or_default()
    })
}

/// `gc.get_threshold()`.
pub fn threshold() -> (i64, i64, i64) {
    HEAP.with(|h| h.borrow().threshold)
}

/// `gc.set_threshold()`.
pub fn set_threshold(t: (i64, i64, i64)) {
    HEAP.with(|h| h.borrow_mut().threshold = t);
}

/// Containers created since the last collection.
pub fn count() -> usize {
    HEAP.with(|h| h.borrow().allocated)
}

/// Containers the collector tracks (alive at the last prune or collection,
/// and created since).
pub fn tracked_count() -> usize {
    HEAP.with(|h| h.try_borrow().map_or(0, |h| h.tracked.len()))
}

/// `(collections, collected)` so far, per generation.
pub fn stats() -> [(u64, u64); 3] {
    HEAP.with(|h| h.borrow().runs)
}

/// Every live tracked container (`gc.get_objects()`).
pub fn objects() -> Vec<Value> {
    HEAP.with(|h| {
        h.borrow()
            .tracked
            .iter()
            .filter_map(Tracked::upgrade)
            .collect()
    })
}

/// Whether an object of this kind can be part of the collector's graph.
pub(crate) fn is_node(v: &Value) -> bool {
    matches!(
        v,
        Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Cell(_)
            | Value::Function(_)
            | Value::Method(_)
            | Value::BoundBuiltin(_)
            | Value::Module(_)
            | Value::DictView(_)
            | Value::Exception(_)
            | Value::Generator(_)
            | Value::Traceback(_)
            | Value::Frame(_)
            | Value::Instance(_)
            | Value::Iter(_)
            | Value::Slice(_)
            | Value::Descr(_)
    ) || matches!(v, Value::Type(t) if t.heap.is_some())
}

/// `gc.is_tracked(v)`, with CPython's answers: atomic values and containers
/// holding only atomic values are not tracked.
pub fn is_tracked(v: &Value) -> bool {
    match v {
        Value::List(_) | Value::Set(_) | Value::Cell(_) | Value::Function(_) | Value::Method(_) => {
            true
        }
        Value::Dict(d) => d
            .try_borrow()
            .map_or(true, |d| d.iter().any(|(k, x)| is_node(k) || is_node(x))),
        Value::Tuple(t) => t.iter().any(is_node),
        Value::Module(_)
        | Value::Exception(_)
        | Value::Generator(_)
        | Value::Iter(_)
        | Value::Instance(_)
        | Value::Slice(_)
        | Value::Descr(_) => true,
        _ => false,
    }
}

/// Appends every value `v` holds a strong reference to (and that may lead to
/// a cycle). Must never list a reference `v` does not hold; see the module doc.
pub fn referents(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::List(l) => {
            if let Ok(l) = l.try_borrow() {
                out.extend(l.iter().filter(|x| is_node(x)).cloned());
            }
        }
        Value::Tuple(t) => out.extend(t.iter().filter(|x| is_node(x)).cloned()),
        Value::Slice(s) => out.extend(s.iter().filter(|x| is_node(x)).cloned()),
        Value::Dict(d) | Value::Set(d) => {
            if let Ok(d) = d.try_borrow() {
                for (k, x) in d.iter() {
                    if is_node(k) {
                        out.push(k.clone());
                    }
                    if is_node(x) {
                        out.push(x.clone());
                    }
                }
            }
        }
        Value::FrozenSet(d) => out.extend(d.keys().filter(|x| is_node(x)).cloned()),
        Value::Cell(c) => {
            if let Ok(c) = c.try_borrow() {
                if is_node(&c) {
                    out.push(c.clone());
                }
            }
        }
        Value::Function(f) => {
            out.push(Value::Dict(f.globals.clone()));
            if let Some(d) = &*f.defaults.borrow() {
                out.push(Value::Tuple(d.clone()));
            }
            if let Some(d) = &*f.kwdefaults.borrow() {
                out.push(Value::Dict(d.clone()));
            }
            if let Some(c) = &f.closure {
                out.push(Value::Tuple(c.clone()));
            }
            if let Ok(Some(a)) = f.annotations.try_borrow().as_deref() {
                if is_node(a) {
                    out.push(a.clone());
                }
            }
            if let Ok(Some(d)) = f.dict.try_borrow().as_deref() {
                out.push(Value::Dict(d.clone()));
            }
            if let Ok(Some(m)) = f.members.try_borrow().as_deref() {
                for v in [&m.doc, &m.module].into_iter().flatten() {
                    if is_node(v) {
                        out.push(v.clone());
                    }
                }
            }
        }
        Value::Method(m) => {
            for x in [&m.0, &m.1] {
                if is_node(x) {
                    out.push(x.clone());
                }
            }
        }
        Value::BoundBuiltin(b) if is_node(&b.0) => out.push(b.0.clone()),
        Value::Module(m) => out.push(Value::Dict(m.dict.clone())),
        Value::DictView(dv) => out.push(Value::Dict(dv.0.clone())),
        Value::Generator(g) => {
            out.push(Value::Dict(g.globals.clone()));
            // A running frame's field holds its resumer's stack instead.
            if let Some(st) = g.state.try_borrow().ok().filter(|st| !st.running) {
                out.extend(st.values.iter().filter(|x| is_node(x)).cloned());
            }
        }
        Value::Instance(i) => {
            // An instance holds its class (`Py_VISIT(Py_TYPE(self))`).
            let class = Value::Type(i.class());
            if is_node(&class) {
                out.push(class);
            }
            i.dict.referents(is_node, out);
            if is_node(&i.payload) {
                out.push(i.payload.clone());
            }
            if let Ok(slots) = i.slot_values.try_borrow() {
                out.extend(slots.iter().filter(|x| is_node(x)).cloned());
            }
            if let Some(state) = &i.native {
                let mut held = Vec::new();
                native_referents(&**state, &mut held);
                out.extend(held.into_iter().filter(is_node));
            }
        }
        Value::Descr(d) => descr_referents(d, out),
        Value::Exception(e) => {
            if let Ok(a) = e.args.try_borrow() {
                out.push(Value::Tuple(a.clone()));
            }
            for link in [&e.context, &e.cause] {
                if let Ok(Some(x)) = link.try_borrow().as_deref() {
                    out.push(Value::Exception(x.clone()));
                }
            }
            if let Ok(Some((_, tb))) = e.tb_obj.try_borrow().as_deref() {
                out.push(tb.clone());
            }
            if let Ok(entries) = e.traceback.try_borrow() {
                out.extend(entries.iter().filter_map(|x| x.locals.clone()));
            }
        }
        Value::Traceback(_) | Value::Frame(_) => crate::frame_obj::referents(v, out),
        Value::Iter(it) => {
            if let Ok(it) = it.try_borrow() {
                iter_referents(&it, out);
            }
        }
        Value::Type(t) => {
            if let Some(h) = &t.heap {
                out.push(Value::Dict(h.dict.clone()));
                let (bases, mro) = (h.bases(), h.mro());
                let classes = bases.iter().chain(mro.iter()).chain(&h.meta).chain(&t.base);
                out.extend(classes.map(|c| Value::Type(c.clone())).filter(is_node));
                if is_node(&Value::Type(h.solid.clone())) {
                    out.push(Value::Type(h.solid.clone()));
                }
                let mut cached = Vec::new();
                h.cached_values(&mut cached);
                out.extend(cached.into_iter().filter(is_node));
            }
        }
        _ => {}
    }
}

/// What the Rust state of a native object holds, for the collector: each
/// state type that keeps Python values implements it, listing every value it
/// holds a strong reference to (`tp_traverse`). A value reached only through
/// an `Rc` that other objects share must not be listed, since the collector
/// would subtract that one reference once per sharer.
pub(crate) trait Traverse {
    /// Pushes the values `self` holds onto `out`.
    fn traverse(&self, out: &mut Vec<Value>);
}

/// [`Traverse::traverse`] of `state` if it is the state of a `T` object
/// (`false`: it is of another type). A state borrowed at the moment lists
/// nothing, which is safe: its referents then look held from outside.
pub(crate) fn traverse_as<T: Traverse + 'static>(
    state: &dyn std::any::Any,
    out: &mut Vec<Value>,
) -> bool {
    let Some(cell) = state.downcast_ref::<RefCell<T>>() else {
        return false;
    };
    if let Ok(s) = cell.try_borrow() {
        s.traverse(out);
    }
    true
}

/// A module's answer for the state types of its native objects: lists what
/// `state` holds if it is one of them (`false`: it is not).
pub(crate) type NativeTraverse = fn(state: &dyn std::any::Any, out: &mut Vec<Value>) -> bool;

/// The modules whose native objects hold Python values, each answering for
/// its own state types (`Modules/*.c`'s `tp_traverse` slots).
const NATIVE_TRAVERSERS: &[NativeTraverse] = &[
    crate::modules::weakref::gc_traverse,
    crate::modules::collections::gc_traverse,
    crate::modules::itertools::gc_traverse,
    crate::modules::functools::gc_traverse,
    crate::modules::lru_cache::gc_traverse,
    crate::modules::operator::gc_traverse,
];

fn native_referents(state: &dyn std::any::Any, out: &mut Vec<Value>) {
    for traverse in NATIVE_TRAVERSERS {
        if traverse(state, out) {
            return;
        }
    }
}

/// What a `property`, `classmethod`, `staticmethod`, `super` or mapping
/// proxy holds (`property_traverse`, `cm_traverse`, `super_traverse`,
/// `mappingproxy_traverse`).
fn descr_referents(d: &crate::descr::Descr, out: &mut Vec<Value>) {
    use crate::descr::Descr as D;
    let mut push = |v: &Value| {
        if is_node(v) {
            out.push(v.clone());
        }
    };
    match d {
        D::Property {
            fget,
            fset,
            fdel,
            doc,
            name,
        } => {
            [fget, fset, fdel].into_iter().for_each(&mut push);
            for cell in [doc, name] {
                if let Ok(v) = cell.try_borrow() {
                    push(&v);
                }
            }
        }
        D::ClassMethod(f, dict) | D::StaticMethod(f, dict) => {
            push(f);
            if let Some(d) = dict.existing() {
                push(&Value::Dict(d));
            }
        }
        D::Super { typ, obj, obj_type } => {
            push(&Value::Type(typ.clone()));
            push(obj);
            if let Some(t) = obj_type {
                push(&Value::Type(t.clone()));
            }
        }
        D::MappingProxy(m) => push(m),
    }
}

/// What a builtin iterator holds: the container it walks (a set iterator
/// also its snapshot of the items) and the iterators and callables it
/// combines, as each iterator type's `tp_traverse` visits them.
fn iter_referents(it: &crate::iter::IterObj, out: &mut Vec<Value>) {
    use crate::iter::IterObj as I;
    let mut push = |v: &Value| {
        if is_node(v) {
            out.push(v.clone());
        }
    };
    match it {
        I::Range { .. } | I::LongRange(_) | I::Str { .. } => {}
        I::List { list, .. } => push(&Value::List(list.clone())),
        I::Tuple { items, .. } => push(&Value::Tuple(items.clone())),
        I::Dict { dict, .. } => push(&Value::Dict(dict.clone())),
        I::Snapshot { items, set, .. } => {
            items.iter().for_each(&mut push);
            if let Some(d) = set {
                push(&Value::Dict(d.clone()));
            }
        }
        I::Bytes { seq, .. } | I::Reversed { seq, .. } => push(seq),
        I::Enumerate { it, count } => {
            push(it);
            push(count);
        }
        I::Zip { its, .. } => its.iter().for_each(&mut push),
        I::Map { func, its } => {
            push(func);
            its.iter().for_each(&mut push);
        }
        I::Filter { func, it } => {
            push(func);
            push(it);
        }
        I::Callable { func, sentinel } => {
            push(func);
            push(sentinel);
        }
        I::SeqIndex { obj, .. } | I::SeqReversed { obj, .. } => push(obj),
        I::Owned { owner, inner } => {
            push(owner);
            iter_referents(inner, out);
        }
    }
}

fn strong_count(v: &Value) -> usize {
    match v {
        Value::List(r) => Rc::strong_count(r),
        Value::Tuple(r) => Rc::strong_count(r),
        Value::Slice(r) => Rc::strong_count(r),
        Value::Dict(r) | Value::Set(r) => Rc::strong_count(r),
        Value::FrozenSet(r) => Rc::strong_count(r),
        Value::Cell(r) => Rc::strong_count(r),
        Value::Function(r) => Rc::strong_count(r),
        Value::Method(r) => Rc::strong_count(r),
        Value::BoundBuiltin(r) => Rc::strong_count(r),
        Value::Module(r) => Rc::strong_count(r),
        Value::DictView(r) => Rc::strong_count(r),
        Value::Exception(r) => Rc::strong_count(r),
        Value::Generator(r) => Rc::strong_count(r),
        Value::Traceback(r) => Rc::strong_count(r),
        Value::Frame(r) => Rc::strong_count(r),
        Value::Instance(r) => Rc::strong_count(r),
        Value::Iter(r) => Rc::strong_count(r),
        Value::Descr(r) => Rc::strong_count(r),
        Value::Type(r) if r.heap.is_some() => Rc::strong_count(r),
        // Not a graph node: treat as referenced from outside.
        _ => usize::MAX,
    }
}

/// Empties a garbage container, moving what it held into `dropped` (freed after
/// the collector's bookkeeping is done).
fn clear(v: &Value, dropped: &mut Vec<Value>) {
    match v {
        Value::List(l) => {
            if let Ok(mut l) = l.try_borrow_mut() {
                dropped.append(&mut l);
            }
        }
        Value::Dict(d) | Value::Set(d) => {
            if let Ok(mut d) = d.try_borrow_mut() {
                let old = std::mem::take(&mut *d);
                // Held in an untracked dict until the collector is done.
                dropped.push(Value::Dict(Rc::new(RefCell::new(old))));
            }
        }
        Value::Cell(c) => {
            if let Ok(mut c) = c.try_borrow_mut() {
                dropped.push(std::mem::take(&mut *c));
            }
        }
        Value::Type(t) => {
            if let Some(h) = &t.heap {
                h.clear_cached(dropped);
            }
        }
        Value::Instance(i) => {
            i.dict.clear_split(dropped);
            if let Ok(mut slots) = i.slot_values.try_borrow_mut() {
                dropped.append(&mut slots);
            }
            if let Some(state) = &i.native {
                crate::modules::weakref::gc_clear(&**state, dropped);
                crate::modules::collections::deque_gc_clear(&**state, dropped);
            }
        }
        Value::Exception(e) => {
            if let Ok(mut c) = e.context.try_borrow_mut() {
                if let Some(x) = c.take() {
                    dropped.push(Value::Exception(x));
                }
            }
            if let Ok(mut c) = e.cause.try_borrow_mut() {
                if let Some(x) = c.take() {
                    dropped.push(Value::Exception(x));
                }
            }
            dropped.append(&mut e.take_frame_locals());
        }
        _ => {}
    }
}

/// Runs a full collection; returns how many unreachable objects it found
/// (`gc.collect()`).
pub fn collect() -> usize {
    collect_generation(Generation::Full)
}

/// Collects generation 0 or 1 (automatically, when due).
fn collect_younger(generation: Generation) {
    collect_generation(generation);
}

/// Collects `generation` and the younger ones; their survivors join the
/// next older generation. Returns how many unreachable objects it found.
fn collect_generation(generation: Generation) -> usize {
    let Some((found, dropped)) = run_collection(generation) else {
        return 0;
    };
    // Free the garbage with no bookkeeping borrowed: dropping may be long.
    drop(dropped);
    HEAP.with(|h| {
        if let Ok(mut h) = h.try_borrow_mut() {
            h.collecting = false;
            let g = generation.index();
            let from = match generation {
                Generation::Young => h.gen_start[0],
                Generation::Middle => h.gen_start[1],
                Generation::Full => 0,
            };
            h.prune(from);
            let len = h.tracked.len();
            if g == 1 {
                h.pending += len - h.gen_start[1].min(len);
            }
            h.gen_start[0] = len;
            if g >= 1 {
                h.gen_start[1] = len;
                h.younger_runs[0] = 0;
            }
            if g < 2 {
                h.younger_runs[g] += 1;
            } else {
                h.younger_runs[1] = 0;
                h.pending = 0;
                h.live_after_collect = len;
                h.prune_at = grown(len);
            }
            h.allocated = 0;
            h.runs[g].0 += 1;
            h.runs[g].1 += found as u64;
        }
    });
    found
}

/// Marks a collection of `generation` as running and finds its garbage;
/// `None` if one is running already. The caller frees what is returned and
/// clears the `collecting` mark.
fn run_collection(generation: Generation) -> Option<(usize, Vec<Value>)> {
    let (roots, save_all) = HEAP.with(|h| {
        let mut h = h.try_borrow_mut().ok()?;
        if h.collecting {
            return None;
        }
        h.collecting = true;
        let from = match generation {
            Generation::Full => {
                h.prune(0);
                0
            }
            Generation::Middle => h.gen_start[1],
            Generation::Young => h.gen_start[0],
        };
        let from = from.min(h.tracked.len());
        let roots: Vec<Value> = h.tracked[from..]
            .iter()
            .filter_map(Tracked::upgrade)
            .collect();
        Some((roots, h.debug & DEBUG_SAVEALL != 0))
    })?;
    Some(find_and_clear(
        roots,
        save_all,
        generation != Generation::Full,
    ))
}

/// Whether a collection of the younger generations leaves `v` out of its graph when no young
/// container holds it: the tracked kinds (older ones, or never registered)
/// and classes and modules, which are long-lived and reach much.
fn old_in_young_collection(v: &Value) -> bool {
    matches!(
        v,
        Value::List(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Cell(_)
            | Value::Instance(_)
            | Value::Type(_)
            | Value::Module(_)
    )
}

/// Hashes object addresses (already unique, 8-aligned): one multiply.
#[derive(Default)]
struct AddrHasher(u64);

impl std::hash::Hasher for AddrHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

type AddrMap = HashMap<usize, u32, std::hash::BuildHasherDefault<AddrHasher>>;

/// Finds the garbage among `roots` and what they reach, and clears it. With
/// `young` (a collection of the younger generations), what is not in `roots` joins the graph only if it is not
/// [`old_in_young_collection`]; a reference to what is left out is simply
/// not counted, so its target looks referenced from outside (safe).
fn find_and_clear(roots: Vec<Value>, save_all: bool, young: bool) -> (usize, Vec<Value>) {
    // The graph: every tracked container and what it reaches, with each node's
    // edges (indices of the nodes it references) recorded once.
    let mut nodes: Vec<Value> = Vec::with_capacity(roots.len() + roots.len() / 4);
    let mut index = AddrMap::default();
    index.reserve(roots.len());
    for r in roots {
        if let std::collections::hash_map::Entry::Vacant(e) = index.entry(r.identity()) {
            e.insert(nodes.len() as u32);
            nodes.push(r);
        }
    }
    let mut edges: Vec<u32> = Vec::with_capacity(nodes.len() * 2);
    let mut edge_start: Vec<usize> = Vec::with_capacity(nodes.len() + 1);
    let mut buf = Vec::new();
    let mut i = 0;
    while i < nodes.len() && nodes.len() < u32::MAX as usize {
        edge_start.push(edges.len());
        referents(&nodes[i], &mut buf);
        for r in buf.drain(..) {
            let j = match index.entry(r.identity()) {
                std::collections::hash_map::Entry::Occupied(e) => *e.get(),
                std::collections::hash_map::Entry::Vacant(_)
                    if young && old_in_young_collection(&r) =>
                {
                    continue;
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    let j = nodes.len() as u32;
                    e.insert(j);
                    nodes.push(r);
                    j
                }
            };
            edges.push(j);
        }
        i += 1;
    }
    // A graph too large to index: give up (everything counts as reachable).
    if i < nodes.len() {
        return (0, nodes);
    }
    edge_start.push(edges.len());
    // References from outside the graph: strong count minus our own handle
    // minus the references other nodes hold.
    let mut outside: Vec<usize> = nodes.iter().map(|v| strong_count(v) - 1).collect();
    for &j in &edges {
        let o = &mut outside[j as usize];
        *o = o.saturating_sub(1);
    }
    // Everything reachable from an externally referenced node survives.
    let mut reachable: Vec<bool> = outside.iter().map(|&o| o > 0).collect();
    let mut work: Vec<usize> = (0..nodes.len()).filter(|&j| reachable[j]).collect();
    while let Some(j) = work.pop() {
        for &k in &edges[edge_start[j]..edge_start[j + 1]] {
            let k = k as usize;
            if !reachable[k] {
                reachable[k] = true;
                work.push(k);
            }
        }
    }
    // PEP 442: finalizers run on intact objects, before anything is cleared;
    // the objects are freed by a later collection unless `__del__` saved them.
    let mut deferred = false;
    for (v, &live) in nodes.iter().zip(&reachable) {
        match (live, v) {
            (false, Value::Instance(inst))
                if !inst.finalized.get() && crate::finalize::has_finalizer(&inst.class()) =>
            {
                inst.finalized.set(true);
                crate::finalize::defer(v.clone());
                deferred = true;
            }
            (false, Value::Generator(g)) => {
                deferred |= crate::coro::finalize::finalize_unreachable(g);
            }
            _ => {}
        }
    }
    let mut found = 0;
    for (v, &live) in nodes.iter().zip(&reachable) {
        if live {
            continue;
        }
        found += 1;
        // CPython keeps an instance's attributes inline: its dict is no
        // object of its own, so it is not counted.
        if let Value::Instance(inst) = v {
            let d = inst
                .dict
                .materialized()
                .map_or(0, |d| Rc::as_ptr(&d) as *const u8 as usize);
            if index.get(&d).is_some_and(|&j| !reachable[j as usize]) {
                found -= 1;
            }
        }
    }
    if deferred {
        return (found, nodes);
    }
    if save_all {
        // `DEBUG_SAVEALL`: the garbage is kept, whole, for `gc.garbage`
        // (an instance's own dict is part of the instance, as in CPython).
        let dicts: std::collections::HashSet<usize> = nodes
            .iter()
            .filter_map(|v| match v {
                Value::Instance(inst) => inst
                    .dict
                    .materialized()
                    .map(|d| Rc::as_ptr(&d) as *const u8 as usize),
                _ => None,
            })
            .collect();
        let saved: Vec<Value> = nodes
            .iter()
            .zip(&reachable)
            .filter(|(v, &live)| !live && !dicts.contains(&v.identity()))
            .map(|(v, _)| v.clone())
            .collect();
        HEAP.with(|h| {
            if let Ok(mut h) = h.try_borrow_mut() {
                h.saved.extend(saved);
            }
        });
        return (found, nodes);
    }
    let mut dropped = Vec::new();
    for (v, &live) in nodes.iter().zip(&reachable) {
        if !live {
            clear(v, &mut dropped);
        }
    }
    dropped.extend(nodes);
    (found, dropped)
}
