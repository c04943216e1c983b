//! `_functools._lru_cache_wrapper`, the cache behind `functools.lru_cache`
//! and `functools.cache` (CPython's `lru_cache_*` in
//! `Modules/_functoolsmodule.c`): a callable that files each call's result
//! under a key made of its arguments. Three behaviours by `maxsize`: `None`
//! caches without bound, `0` only counts misses, and a positive size keeps
//! the most recently used results, evicting the oldest.
//!
//! `functools.py` imports it over its pure-Python wrapper; the hit path is
//! one hash and one table probe, with no Python frame.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, Function};
use crate::instance::Instance;
use crate::native::{
    bind_args, borrow, cls_arg, native_methods, new_object, receiver, rest, state_of, ClassSpec,
    SpecFlags,
};
use crate::types::{builtin_type, type_of, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

native_methods!(LRU_M, "functools._lru_cache_wrapper", [
    "__new__" => lru_new, "__call__" => lru_call, "__get__" => lru_get,
    "cache_info" => cache_info, "cache_clear" => cache_clear,
    "__reduce__" => lru_reduce, "__copy__" => lru_copy, "__deepcopy__" => lru_deepcopy,
]);
/// The class `functools._lru_cache_wrapper`.
pub(crate) static LRU_CACHE_WRAPPER: ClassSpec = ClassSpec {
    name: "_lru_cache_wrapper",
    module: "functools",
    base: TypeKind::Object,
    methods: LRU_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::BASETYPE
        .with(SpecFlags::DICT)
        .with(SpecFlags::WEAKREFS),
};

/// Index of the list's sentinel in [`Recency::links`].
const ROOT: usize = 0;

/// One cached result of a bounded cache, linked in recency order.
struct Link {
    key: Value,
    hash: i64,
    result: Value,
    prev: usize,
    next: usize,
}

/// A bounded cache's results from least to most recently used: a circular
/// doubly linked list through `links[ROOT]`, whose entries the table maps
/// keys to (as `Value::Int` indices). A full cache reuses its oldest link.
struct Recency {
    links: Vec<Link>,
}

impl Recency {
    fn new() -> Self {
        Recency {
            links: vec![Link {
                key: Value::None,
                hash: 0,
                result: Value::None,
                prev: ROOT,
                next: ROOT,
            }],
        }
    }

    fn unlink(&mut self, i: usize) {
        let (prev, next) = (self.links[i].prev, self.links[i].next);
        self.links[prev].next = next;
        self.links[next].prev = prev;
    }

    /// Links `i` as the most recently used.
    fn push_newest(&mut self, i: usize) {
        let last = self.links[ROOT].prev;
        self.links[i].prev = last;
        self.links[i].next = ROOT;
        self.links[last].next = i;
        self.links[ROOT].prev = i;
    }

    fn oldest(&self) -> Option<usize> {
        let first = self.links[ROOT].next;
        (first != ROOT).then_some(first)
    }
}

/// How results are kept.
enum Policy {
    /// `maxsize=None`: every result, the table mapping keys to results.
    Unbounded,
    /// `maxsize=0`: nothing.
    Uncached,
    /// A positive `maxsize`: the table maps keys to links of `recency`.
    Bounded { maxsize: usize, recency: Recency },
}

struct LruCache {
    func: Value,
    typed: bool,
    cache_info_type: Value,
    /// `maxsize` as given to `cache_info()` (`None` or the int).
    maxsize_shown: Value,
    policy: Policy,
    table: Rc<RefCell<Dict>>,
    /// Separates positional from keyword arguments in a key (`kwd_mark`).
    kwd_mark: Value,
    hits: i64,
    misses: i64,
}

impl crate::gc::Traverse for LruCache {
    fn traverse(&self, out: &mut Vec<Value>) {
        let Self {
            func,
            cache_info_type,
            maxsize_shown,
            table,
            kwd_mark,
            ..
        } = self;
        out.extend(
            [func, cache_info_type, maxsize_shown, kwd_mark]
                .into_iter()
                .cloned(),
        );
        out.push(Value::Dict(table.clone()));
        if let Policy::Bounded { recency, .. } = &self.policy {
            for link in &recency.links {
                out.extend([&link.key, &link.result].into_iter().cloned());
            }
        }
    }
}

/// [`crate::gc::Traverse`] for this module's native objects.
pub(crate) fn gc_traverse(state: &dyn std::any::Any, out: &mut Vec<Value>) -> bool {
    crate::gc::traverse_as::<LruCache>(state, out)
}

fn lru_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let a = rest(&a);
    let bound = bind_args(
        &a,
        "lru_cache",
        &["user_function", "maxsize", "typed", "cache_info_type"],
        4,
    )?;
    let [Some(func), Some(maxsize), Some(typed), Some(info)] = bound[..] else {
        return Err(PyErr::type_error("lru_cache() missing required argument"));
    };
    if !crate::native::is_callable(func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let (policy, maxsize_shown) = match maxsize {
        Value::None => (Policy::Unbounded, Value::None),
        m if crate::ops::index_of(m).is_some() || crate::attr::is_heap_object(m) => {
            // `PyNumber_AsSsize_t(maxsize, OverflowError)` (either sign:
            // `functools.lru_cache` has already made a negative size 0),
            // then a negative size is 0.
            let n = match crate::enumerate::index_int(vm, m) {
                Ok(Value::Int(n)) => usize::try_from(n).unwrap_or(0),
                Ok(_) => {
                    return Err(PyErr::overflow(
                        "cannot fit 'int' into an index-sized integer",
                    ))
                }
                Err(e) if e.is(crate::types::ExcKind::TypeError) => {
                    return Err(PyErr::type_error("maxsize should be integer or None"))
                }
                Err(e) => return Err(e),
            };
            let policy = if n == 0 {
                Policy::Uncached
            } else {
                Policy::Bounded {
                    maxsize: n,
                    recency: Recency::new(),
                }
            };
            (policy, Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
        }
        _ => return Err(PyErr::type_error("maxsize should be integer or None")),
    };
    let typed = vm.truthy(typed)?;
    let kwd_mark = Value::Instance(Rc::new(Instance::new(
        builtin_type(TypeKind::Object),
        Value::Null,
    )));
    Ok(new_object(
        &cls,
        LruCache {
            func: func.clone(),
            typed,
            cache_info_type: info.clone(),
            maxsize_shown,
            policy,
            table: Rc::new(RefCell::new(Dict::new())),
            kwd_mark,
            hits: 0,
            misses: 0,
        },
    ))
}

fn state(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<LruCache>>> {
    receiver::<LruCache>(a, "functools._lru_cache_wrapper", name)
}

/// `lru_cache_make_key`: a lone int or str argument is its own key; other
/// calls key on a tuple of the arguments, then the keyword mark and the
/// keyword pairs, then (`typed`) the arguments' classes.
fn make_key(a: &Args<'_>, typed: bool, kwd_mark: &Value) -> Value {
    let args = a.pos;
    if !typed && a.kwnames.is_empty() {
        if let [one @ (Value::Int(_) | Value::BigInt(_) | Value::Str(_))] = args {
            return one.clone();
        }
        return Value::tuple(args.to_vec());
    }
    let mut key = Vec::with_capacity(args.len() * 2 + a.kwnames.len() * 3 + 1);
    key.extend(args.iter().cloned());
    if !a.kwnames.is_empty() {
        key.push(kwd_mark.clone());
        for (k, v) in a.kwnames.iter().zip(a.kwvals) {
            key.push(k.clone());
            key.push(v.clone());
        }
    }
    if typed {
        key.extend(args.iter().map(|v| Value::Type(type_of(v))));
        key.extend(a.kwvals.iter().map(|v| Value::Type(type_of(v))));
    }
    Value::tuple(key)
}

/// The key of a call with `args`; `None` for a cache that keeps nothing
/// (the miss is counted).
fn key_for(st: &Rc<RefCell<LruCache>>, args: &Args<'_>) -> PyResult<Option<Value>> {
    let mut s = borrow(st)?;
    if matches!(s.policy, Policy::Uncached) {
        s.misses += 1;
        return Ok(None);
    }
    Ok(Some(make_key(args, s.typed, &s.kwd_mark)))
}

/// The result filed under `key`, made the most recently used; `Err(hash)`
/// on a miss. Counts the hit or miss.
fn lookup(vm: &mut Vm, st: &Rc<RefCell<LruCache>>, key: &Value) -> PyResult<Result<Value, i64>> {
    // Hashing and comparing keys may run Python code: no borrow is held.
    let hash = vm.hash_of(key)?;
    let table = borrow(st)?.table.clone();
    let found = vm.map_get_known_hash(&table, key, hash)?;
    let mut s = borrow(st)?;
    let Some(found) = found else {
        s.misses += 1;
        return Ok(Err(hash));
    };
    s.hits += 1;
    Ok(Ok(match (&mut s.policy, found) {
        (Policy::Bounded { recency, .. }, Value::Int(i)) => {
            let i = i as usize;
            recency.unlink(i);
            recency.push_newest(i);
            recency.links[i].result.clone()
        }
        (_, found) => found,
    }))
}

/// Files a missed call's `result` under `key`. In a bounded cache: not when
/// the call filed the key itself (recursion), and a full cache reuses its
/// oldest link for it.
fn store(
    vm: &mut Vm,
    st: &Rc<RefCell<LruCache>>,
    key: Value,
    hash: i64,
    result: &Value,
) -> PyResult<()> {
    let table = borrow(st)?.table.clone();
    if matches!(borrow(st)?.policy, Policy::Unbounded) {
        return vm.map_insert_known_hash(&table, key, hash, result.clone());
    }
    if vm.map_get_known_hash(&table, &key, hash)?.is_some() {
        return Ok(());
    }
    let oldest = {
        let s = borrow(st)?;
        let Policy::Bounded { maxsize, recency } = &s.policy else {
            return Ok(());
        };
        if table.borrow().len() < *maxsize {
            None
        } else {
            recency.oldest()
        }
    };
    let Some(old) = oldest else {
        let index = {
            let mut s = borrow(st)?;
            let Policy::Bounded { recency, .. } = &mut s.policy else {
                return Ok(());
            };
            recency.links.push(Link {
                key: key.clone(),
                hash,
                result: result.clone(),
                prev: ROOT,
                next: ROOT,
            });
            let i = recency.links.len() - 1;
            recency.push_newest(i);
            i
        };
        return vm.map_insert_known_hash(&table, key, hash, Value::Int(index as i64));
    };
    let (old_key, old_hash) = {
        let mut s = borrow(st)?;
        let Policy::Bounded { recency, .. } = &mut s.policy else {
            return Ok(());
        };
        recency.unlink(old);
        let link = &recency.links[old];
        (link.key.clone(), link.hash)
    };
    if vm
        .map_remove_known_hash(&table, &old_key, old_hash)?
        .is_none()
    {
        // The key left the table meanwhile; the orphaned link stays out.
        return Ok(());
    }
    {
        let mut s = borrow(st)?;
        let Policy::Bounded { recency, .. } = &mut s.policy else {
            return Ok(());
        };
        let link = &mut recency.links[old];
        link.key = key.clone();
        link.hash = hash;
        link.result = result.clone();
        recency.push_newest(old);
    }
    vm.map_insert_known_hash(&table, key, hash, Value::Int(old as i64))
}

/// A missed call's result to file when its frame returns
/// ([`crate::vm::ReturnHook::CacheStore`]).
pub(crate) struct PendingStore {
    cache: Rc<RefCell<LruCache>>,
    key: Value,
    hash: i64,
}

/// Files the result of a frame that [`call_in_loop`] started.
pub(crate) fn finish(vm: &mut Vm, p: PendingStore, result: &Value) -> PyResult<()> {
    store(vm, &p.cache, p.key, p.hash, result)
}

/// How the eval loop goes on with a call of a wrapper.
pub(crate) enum LoopCall {
    /// The call's result (a hit).
    Done(Value),
    /// Run the wrapped Python function as a frame on the call's arguments,
    /// then file its result.
    Frame(Rc<Function>, Option<PendingStore>),
}

/// A call of `callable` from the eval loop, its arguments at
/// `vm.stack[args_start..]` (the last `kwnames.len()` by keyword): `None`
/// when it is not a wrapper or wraps something other than a plain Python
/// function (the ordinary call path then calls it). Running the function
/// as an ordinary frame keeps the Rust stack flat through cached recursion
/// and lets other threads run while it blocks.
pub(crate) fn call_in_loop(
    vm: &mut Vm,
    callable: &Value,
    args_start: usize,
    kwnames: &[Value],
) -> PyResult<Option<LoopCall>> {
    let Some(st) = state_of::<LruCache>(callable) else {
        return Ok(None);
    };
    let func = match &borrow(&st)?.func {
        Value::Function(f) if f.is_plain() => f.clone(),
        _ => return Ok(None),
    };
    let args = vm.stack.get(args_start..).unwrap_or(&[]);
    let split = args.len() - kwnames.len().min(args.len());
    let (pos, kwvals) = args.split_at(split);
    let key = key_for(
        &st,
        &Args {
            pos,
            kwnames,
            kwvals,
        },
    )?;
    let Some(key) = key else {
        return Ok(Some(LoopCall::Frame(func, None)));
    };
    Ok(Some(match lookup(vm, &st, &key)? {
        Ok(result) => LoopCall::Done(result),
        Err(hash) => LoopCall::Frame(
            func,
            Some(PendingStore {
                cache: st,
                key,
                hash,
            }),
        ),
    }))
}

fn lru_call(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = state(&a, "__call__")?;
    let args = Args {
        pos: &a.pos[1..],
        kwnames: a.kwnames,
        kwvals: a.kwvals,
    };
    let func = borrow(&st)?.func.clone();
    let Some(key) = key_for(&st, &args)? else {
        return vm.call_with_kw(&func, args.pos, args.kwnames, args.kwvals);
    };
    let hash = match lookup(vm, &st, &key)? {
        Ok(result) => return Ok(result),
        Err(hash) => hash,
    };
    let result = vm.call_with_kw(&func, args.pos, args.kwnames, args.kwvals)?;
    store(vm, &st, key, hash, &result)?;
    Ok(result)
}

fn lru_get(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    state(&a, "__get__")?;
    match a.pos.get(1) {
        None | Some(Value::None) => Ok(a.pos[0].clone()),
        Some(obj) => Ok(Value::Method(Rc::new((obj.clone(), a.pos[0].clone())))),
    }
}

fn cache_info(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = state(&a, "cache_info")?;
    let (info, row) = {
        let s = borrow(&st)?;
        let size = i64::try_from(s.table.borrow().len()).unwrap_or(i64::MAX);
        (
            s.cache_info_type.clone(),
            [
                Value::Int(s.hits),
                Value::Int(s.misses),
                s.maxsize_shown.clone(),
                Value::Int(size),
            ],
        )
    };
    vm.call(&info, &row)
}

fn cache_clear(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = state(&a, "cache_clear")?;
    // The old entries are dropped after the borrow ends: dropping a result
    // may run a finalizer that calls the wrapper.
    let (old_table, old_links) = {
        let mut s = borrow(&st)?;
        s.hits = 0;
        s.misses = 0;
        let links = match &mut s.policy {
            Policy::Bounded { recency, .. } => std::mem::replace(recency, Recency::new()),
            _ => Recency::new(),
        };
        let table = std::mem::take(&mut *s.table.borrow_mut());
        (table, links)
    };
    drop(old_table);
    drop(old_links);
    Ok(Value::None)
}

fn lru_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    state(&a, "__reduce__")?;
    let name = vm.intern("__qualname__");
    vm.get_attr(&a.pos[0], &name)
}

fn lru_copy(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    state(&a, "__copy__")?;
    Ok(a.pos[0].clone())
}

fn lru_deepcopy(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    state(&a, "__deepcopy__")?;
    Ok(a.pos[0].clone())
}
