//! Classes: `__build_class__`, `type(name, bases, ns)`, the C3 method resolution
//! order, lookups along the MRO, and calling a class (`__new__` then `__init__`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::descr::Descr;
use crate::dict::Dict;
use crate::exc::{ExcObj, PyErr, PyResult};
use crate::func::Args;
use crate::instance::Instance;
use crate::names::D;
use crate::native::SpecFlags;
use crate::types::{builtin_type, type_name, ExcKind, TypeKind, TypeObj};
use crate::value::{StrObj, Value};
use crate::vm::{Frame, Vm, MAX_NATIVE_DEPTH};

/// What a class statement adds to a type object.
#[derive(Debug)]
pub struct HeapType {
    /// `__qualname__`.
    pub qualname: RefCell<Rc<StrObj>>,
    /// An assigned `__name__` (else the name it was made with).
    pub assigned_name: RefCell<Option<Rc<StrObj>>>,
    /// `__bases__` (assignable: `type_set_bases`).
    pub bases: RefCell<Rc<[Rc<TypeObj>]>>,
    /// `__mro__` without the class itself (that would be a reference cycle);
    /// replaced whole when `__bases__` is assigned, so a reader holds its
    /// own reference while it walks.
    pub mro: RefCell<Rc<[Rc<TypeObj>]>>,
    /// Where the class itself stands in its `__mro__`: 0, unless a
    /// metaclass's `mro()` put it elsewhere (`usize::MAX`: not at all).
    pub self_pos: Cell<usize>,
    /// False while the metaclass's `mro()` runs for the new class, when
    /// CPython's `__mro__` is still `None`.
    pub mro_ready: Cell<bool>,
    /// The class namespace, `__dict__`.
    pub dict: Rc<RefCell<Dict>>,
    /// The metaclass when it is not `type`.
    pub meta: Option<Rc<TypeObj>>,
    /// The nearest builtin class in the MRO other than `object` (or `object`):
    /// it decides how instances are laid out.
    pub solid: Rc<TypeObj>,
    /// Names allowed on instances when every class defines `__slots__`
    /// (or is a native class whose instances have no `__dict__`).
    pub slots: Option<Vec<Rc<StrObj>>>,
    /// A native class's flags; `None` for a Python class.
    pub native: Option<SpecFlags>,
    /// Set by assigning a non-empty `__abstractmethods__` (`abc.ABCMeta`
    /// does): `object.__new__` then refuses the class.
    pub is_abstract: Cell<bool>,
    /// `Py_TPFLAGS_SEQUENCE` or `Py_TPFLAGS_MAPPING` given by `abc`'s
    /// `__abc_tpflags__` (`collections.abc.Sequence` and `Mapping`); shown
    /// in `__flags__`, and so inherited by subclasses.
    pub collection_flags: Cell<i64>,
    /// Which special methods Python code defines along the MRO, valid while
    /// `.0` equals the global class epoch.
    flags: Cell<(u64, u128)>,
    /// Recent MRO lookups by name object, valid while their epoch is current.
    cache: RefCell<Vec<CacheEntry>>,
    /// Recent answers of [`special`] for methods that `flags` says Python
    /// code defines, by `D` (direct-mapped), valid while their epoch is
    /// current: a class's `__init__`, `__eq__` or `__next__` is then found
    /// without walking the MRO on each call.
    specials: RefCell<[SpecialEntry; SPECIAL_WAYS]>,
    /// The attribute names its instances share (`inst_dict.rs`).
    pub keys: Rc<crate::inst_dict::SharedKeys>,
}

type CacheEntry = Option<(Rc<StrObj>, u64, Option<Value>)>;

/// A cached [`special`] answer: the method, its epoch, and what was found
/// (`None`: a builtin class earlier on the MRO defines it).
type SpecialEntry = Option<(D, u64, Option<Value>)>;

const SPECIAL_WAYS: usize = 8;

impl HeapType {
    /// `__bases__`.
    pub fn bases(&self) -> Rc<[Rc<TypeObj>]> {
        self.bases.borrow().clone()
    }

    /// The MRO without the class itself.
    pub fn mro(&self) -> Rc<[Rc<TypeObj>]> {
        self.mro.borrow().clone()
    }

    /// The values the lookup cache holds (strong references, which the
    /// cycle collector must see); none while the cache is borrowed.
    pub(crate) fn cached_values(&self, out: &mut Vec<Value>) {
        if let Ok(cache) = self.cache.try_borrow() {
            out.extend(cache.iter().flatten().filter_map(|(_, _, v)| v.clone()));
        }
        if let Ok(specials) = self.specials.try_borrow() {
            out.extend(specials.iter().flatten().filter_map(|(_, _, v)| v.clone()));
        }
    }

    /// Empties the lookup caches, moving their values into `dropped`: the
    /// cycle collector breaks a garbage class's cycles here too, since a
    /// cache can hold an instance of the class (a singleton's class attribute).
    pub(crate) fn clear_cached(&self, dropped: &mut Vec<Value>) {
        if let Ok(mut cache) = self.cache.try_borrow_mut() {
            take_cached(&mut cache[..], dropped);
        }
        if let Ok(mut specials) = self.specials.try_borrow_mut() {
            take_cached(&mut specials[..], dropped);
        }
    }
}

/// Empties cache entries (of either cache), moving their values into `dropped`.
fn take_cached<K>(entries: &mut [Option<(K, u64, Option<Value>)>], dropped: &mut Vec<Value>) {
    dropped.extend(
        entries
            .iter_mut()
            .filter_map(Option::take)
            .filter_map(|e| e.2),
    );
}

const CACHE_SIZE: usize = 64;

thread_local! {
    /// Bumped on every write to a class namespace; invalidates special-method caches.
    static EPOCH: Cell<u64> = const { Cell::new(1) };
}

/// Invalidates every class's special-method cache (after a class dict write).
pub fn bump_epoch() {
    EPOCH.with(|e| e.set(e.get().wrapping_add(1)));
}

/// The current class-namespace epoch: a cache made at this epoch holds while
/// no class dict has been written since (CPython's type version tags, global).
#[inline]
pub fn epoch() -> u64 {
    EPOCH.with(Cell::get)
}

/// The metaclass of a class.
pub fn metatype(t: &Rc<TypeObj>) -> Rc<TypeObj> {
    match t.heap.as_ref().and_then(|h| h.meta.clone()) {
        Some(m) => m,
        None => builtin_type(TypeKind::Type),
    }
}

/// The type's own namespace lookup (no MRO walk).
pub(crate) fn lookup_own(t: &Rc<TypeObj>, name: &Rc<StrObj>) -> Option<Value> {
    match &t.heap {
        Some(h) => h.dict.borrow().get_str(name).cloned(),
        None => crate::base_methods::builtin_attr(t, name.as_str()),
    }
}

/// Calls `f` on each class of `t`'s MRO, in order, until it returns `Some`.
pub fn mro_find<R>(t: &Rc<TypeObj>, mut f: impl FnMut(&Rc<TypeObj>) -> Option<R>) -> Option<R> {
    match &t.heap {
        Some(h) => {
            let mro = h.mro();
            let at = h.self_pos.get();
            for (i, c) in mro.iter().enumerate() {
                if i == at {
                    if let Some(r) = f(t) {
                        return Some(r);
                    }
                }
                if let Some(r) = f(c) {
                    return Some(r);
                }
            }
            if at == mro.len() {
                return f(t);
            }
            None
        }
        None => {
            if let Some(r) = f(t) {
                return Some(r);
            }
            let mut cur = t.base.as_ref();
            while let Some(b) = cur {
                if let Some(r) = f(b) {
                    return Some(r);
                }
                cur = b.base.as_ref();
            }
            None
        }
    }
}

/// The full MRO of `t`, itself first.
pub fn mro_of(t: &Rc<TypeObj>) -> Vec<Rc<TypeObj>> {
    let mut out = vec![t.clone()];
    match &t.heap {
        Some(h) => {
            out.extend(h.mro().iter().cloned());
            // A metaclass's `mro()` may have put the class elsewhere.
            let at = h.self_pos.get();
            if at != 0 {
                out.remove(0);
                if at <= out.len() {
                    out.insert(at, t.clone());
                }
            }
        }
        None => {
            let mut cur = t.base.clone();
            while let Some(b) = cur {
                cur = b.base.clone();
                out.push(b);
            }
            crate::exc_group::fix_builtin_mro(t, &mut out);
        }
    }
    out
}

/// `_PyType_Lookup`: the attribute `name` along the MRO of `t`.
// The cache hit is inlined into callers; misses and builtin types go out of line.
#[inline]
pub fn lookup(t: &Rc<TypeObj>, name: &Rc<StrObj>) -> Option<Value> {
    if let Some(h) = &t.heap {
        let epoch = EPOCH.with(Cell::get);
        let idx = (Rc::as_ptr(name) as usize >> 4) % CACHE_SIZE;
        if let Ok(c) = h.cache.try_borrow() {
            if let Some(Some((n, e, v))) = c.get(idx) {
                if *e == epoch && Rc::ptr_eq(n, name) {
                    return v.clone();
                }
            }
        }
    }
    lookup_slow(t, name)
}

/// Drops `t`'s own cached lookup of `name` (its namespace entry is being
/// replaced or deleted): a stale entry would keep the old value alive,
/// where CPython's type cache holds borrowed references only.
pub(crate) fn forget_cached(t: &TypeObj, name: &Rc<StrObj>) {
    let Some(h) = &t.heap else {
        return;
    };
    let idx = (Rc::as_ptr(name) as usize >> 4) % CACHE_SIZE;
    let old = match h.cache.try_borrow_mut() {
        Ok(mut c) => c.get_mut(idx).and_then(Option::take),
        Err(_) => None,
    };
    // Dropped after the cache's borrow ends.
    drop(old);
    if D::from_name(name.as_str()).is_some() {
        let old = h
            .specials
            .try_borrow_mut()
            .map(|mut c| std::mem::take(&mut *c));
        drop(old);
    }
}

#[inline(never)]
fn lookup_slow(t: &Rc<TypeObj>, name: &Rc<StrObj>) -> Option<Value> {
    let Some(h) = &t.heap else {
        return lookup_builtin(t, name);
    };
    let epoch = EPOCH.with(Cell::get);
    let idx = (Rc::as_ptr(name) as usize >> 4) % CACHE_SIZE;
    let v = mro_find(t, |c| lookup_own(c, name));
    if let Ok(mut c) = h.cache.try_borrow_mut() {
        if let Some(slot) = c.get_mut(idx) {
            *slot = Some((name.clone(), epoch, v.clone()));
        }
    }
    v
}

/// Slots in the lookup cache of builtin classes.
const BUILTIN_CACHE_SIZE: usize = 256;

/// A cached builtin-class lookup: the class and name it answers for (held, so
/// neither address can be reused while the entry exists) and the answer.
type BuiltinEntry = Option<(Rc<TypeObj>, Rc<StrObj>, Option<Value>)>;

thread_local! {
    /// Lookups on builtin classes, direct-mapped by class and name address.
    /// A builtin class's attributes never change (it has no namespace to
    /// write), so entries need no epoch; this spares the method-table scans
    /// that every `C.attr` on a Python class does for its metaclass `type`.
    static BUILTIN_CACHE: RefCell<Vec<BuiltinEntry>> =
        RefCell::new(vec![None; BUILTIN_CACHE_SIZE]);
}

/// [`lookup`] on a builtin class (one without a Python namespace).
fn lookup_builtin(t: &Rc<TypeObj>, name: &Rc<StrObj>) -> Option<Value> {
    let key = (Rc::as_ptr(t) as usize >> 4) ^ (Rc::as_ptr(name) as usize >> 4).wrapping_mul(31);
    let idx = key % BUILTIN_CACHE_SIZE;
    let hit = BUILTIN_CACHE.with(|c| {
        let c = c.try_borrow().ok()?;
        match c.get(idx) {
            Some(Some((ct, cn, v))) if Rc::ptr_eq(ct, t) && Rc::ptr_eq(cn, name) => Some(v.clone()),
            _ => None,
        }
    });
    if let Some(v) = hit {
        return v;
    }
    let v = mro_find(t, |c| lookup_own(c, name));
    let old = BUILTIN_CACHE.with(|c| {
        let mut c = c.try_borrow_mut().ok()?;
        let slot = c.get_mut(idx)?;
        slot.replace((t.clone(), name.clone(), v.clone()))
    });
    // Dropped after the cache's borrow ends.
    drop(old);
    v
}

/// A special method defined by Python code somewhere on the MRO of `t`
/// (builtin behaviour is not returned: callers fall back to it themselves).
// The common answer, "not defined" with up-to-date flags, is inlined into callers.
#[inline]
pub fn special(t: &Rc<TypeObj>, d: D) -> Option<Value> {
    let h = t.heap.as_ref()?;
    let (e, bits) = h.flags.get();
    if bits & d.bit() == 0 && e == EPOCH.with(Cell::get) {
        return None;
    }
    special_slow(t, d)
}

#[inline(never)]
fn special_slow(t: &Rc<TypeObj>, d: D) -> Option<Value> {
    let h = t.heap.as_ref()?;
    let epoch = EPOCH.with(Cell::get);
    let (e, bits) = h.flags.get();
    let bits = if e == epoch {
        bits
    } else {
        let bits = compute_flags(t);
        h.flags.set((epoch, bits));
        bits
    };
    if bits & d.bit() == 0 {
        return None;
    }
    let way = d as usize % SPECIAL_WAYS;
    if let Ok(c) = h.specials.try_borrow() {
        if let Some((cd, e, v)) = &c[way] {
            if *cd == d && *e == epoch {
                return v.clone();
            }
        }
    }
    let name = d.name();
    // A builtin data type earlier on the MRO than the Python class defining
    // `d` wins, as its own dict entry does in CPython: `IntEnum` members hash
    // and compare as `int`, not as `Enum`. `Null` marks that stop.
    let found = mro_find(t, |c| match &c.heap {
        Some(h) => h.dict.borrow().get_str(&name).cloned(),
        None if builtin_defines(c, d) => Some(Value::Null),
        None => None,
    })
    .filter(|v| !v.is_null());
    // A lookup that ran code (none does today) would have moved the epoch.
    if EPOCH.with(Cell::get) == epoch {
        let old = match h.specials.try_borrow_mut() {
            Ok(mut c) => c[way].replace((d, epoch, found.clone())),
            Err(_) => None,
        };
        drop(old);
    }
    found
}

/// Whether the builtin data type `c` has special method `d` in its own
/// dict (checked against CPython 3.11's `int.__dict__` and the others),
/// for the methods where a mixin after it on an MRO matters.
fn builtin_defines(c: &TypeObj, d: D) -> bool {
    use crate::types::TypeKind as K;
    let data = matches!(
        c.kind,
        K::Int
            | K::Bool
            | K::Float
            | K::Complex
            | K::Str
            | K::Bytes
            | K::ByteArray
            | K::Tuple
            | K::List
            | K::Dict
            | K::Set
            | K::FrozenSet
    );
    match d {
        D::Hash | D::Eq | D::Ne | D::Lt | D::Le | D::Gt | D::Ge | D::Repr => data,
        D::Format => matches!(c.kind, K::Int | K::Bool | K::Float | K::Complex | K::Str),
        D::Str => matches!(c.kind, K::Str | K::Bytes | K::ByteArray),
        _ => false,
    }
}

/// Whether Python code on the MRO of `t` defines special method `d`. Safe to
/// call from `Drop` (a class dict being written is skipped, not borrowed).
pub fn defines(t: &Rc<TypeObj>, d: D) -> bool {
    let Some(h) = t.heap.as_ref() else {
        return false;
    };
    let epoch = EPOCH.with(Cell::get);
    let (e, bits) = h.flags.get();
    if e == epoch {
        return bits & d.bit() != 0;
    }
    let mut bits = 0u128;
    let mut busy = false;
    let _ = mro_find(t, |c| -> Option<()> {
        let h = c.heap.as_ref()?;
        let Ok(dict) = h.dict.try_borrow() else {
            busy = true;
            return None;
        };
        for k in dict.keys() {
            if let Value::Str(s) = k {
                if let Some(d) = D::from_name(s.as_str()) {
                    bits |= d.bit();
                }
            }
        }
        None
    });
    if !busy {
        h.flags.set((epoch, bits));
    }
    bits & d.bit() != 0
}

fn compute_flags(t: &Rc<TypeObj>) -> u128 {
    let mut bits = 0u128;
    let mut scan = |c: &Rc<TypeObj>| -> Option<()> {
        let h = c.heap.as_ref()?;
        for k in h.dict.borrow().keys() {
            if let Value::Str(s) = k {
                if let Some(d) = D::from_name(s.as_str()) {
                    bits |= d.bit();
                }
            }
        }
        None
    };
    let _ = mro_find(t, &mut scan);
    bits
}

/// Whether `v` is a data descriptor that takes precedence over an instance's
/// dict when read (`__get__` and `__set__` or `__delete__`).
pub fn is_data_descriptor(v: &Value) -> bool {
    match v {
        Value::Descr(d) => matches!(**d, Descr::Property { .. }),
        // `PyDescr_IsData` with a `__get__`, as the lookups ask it: a class
        // attribute with `__set__` but no `__get__` yields to the instance dict.
        Value::Instance(i) => {
            let t = i.class();
            // A `property` subclass inherits `__get__`, `__set__` and `__delete__`.
            matches!(i.payload(), Some(Value::Descr(d)) if matches!(**d, Descr::Property { .. }))
                || (special(&t, D::Get).is_some()
                    && (special(&t, D::Set).is_some() || special(&t, D::Delete).is_some()))
        }
        _ => false,
    }
}

/// `<__main__.C object at 0x...>`.
pub fn default_repr(obj: &Value) -> String {
    let t = crate::types::type_of(obj);
    format!("<{} object at {:#x}>", qualified_name(&t), obj.identity())
}

/// `module.qualname` of a class, without the module for builtins.
pub fn qualified_name(t: &Rc<TypeObj>) -> String {
    match &t.heap {
        Some(h) => {
            let module = match h.dict.borrow().get_str(&D::Module.name()) {
                Some(Value::Str(s)) => Some(s.as_str().to_string()),
                _ => None,
            };
            let q = h.qualname.borrow().as_str().to_string();
            match module {
                Some(m) if m != "builtins" => format!("{m}.{q}"),
                _ => q,
            }
        }
        None => t.name.clone(),
    }
}

// ---- class creation ----

fn full_mro_list(t: &Rc<TypeObj>) -> Vec<Rc<TypeObj>> {
    mro_of(t)
}

/// C3 linearization of `bases` (the class itself excluded).
pub(crate) fn c3(bases: &[Rc<TypeObj>]) -> PyResult<Vec<Rc<TypeObj>>> {
    let mut seqs: Vec<Vec<Rc<TypeObj>>> = bases.iter().map(full_mro_list).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<TypeObj>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let cand = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| Rc::ptr_eq(x, c))));
        let Some(c) = cand else {
            // CPython lists the classes that still head a sequence.
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                if !names.contains(&s[0].name) {
                    names.push(s[0].name.clone());
                }
            }
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

pub(crate) fn solid_base(t: &Rc<TypeObj>) -> Rc<TypeObj> {
    match &t.heap {
        Some(h) => h.solid.clone(),
        None => t.clone(),
    }
}

/// CPython's `best_base`: the base whose layout the new class extends (a
/// class with `__slots__` members extends its solid base's layout).
pub(crate) fn best_base<'a>(bases: &'a [Rc<TypeObj>], solid: &Rc<TypeObj>) -> &'a Rc<TypeObj> {
    let extends = |b: &&Rc<TypeObj>| {
        let s = solid_base(b);
        Rc::ptr_eq(&s, solid) || s.is_subtype(solid)
    };
    let slotted = |b: &&Rc<TypeObj>| b.heap.as_ref().is_some_and(|h| h.slots.is_some());
    bases
        .iter()
        .filter(extends)
        .find(slotted)
        .or_else(|| bases.iter().find(extends))
        .unwrap_or(&bases[0])
}

/// Whether instances of `t` have a `__dict__` (a nonzero `tp_dictoffset`).
pub(crate) fn provides_dict(t: &Rc<TypeObj>) -> bool {
    match &t.heap {
        Some(h) => h.slots.is_none(),
        None => matches!(
            t.kind,
            TypeKind::Exception(_) | TypeKind::Type | TypeKind::Function | TypeKind::Module
        ),
    }
}

/// Whether instances of `t` take weak references (a nonzero
/// `tp_weaklistoffset`): a builtin that does, or a `__weakref__` attribute
/// a Python class in the MRO added.
pub(crate) fn provides_weakref(t: &Rc<TypeObj>) -> bool {
    let name = D::Weakref.name();
    mro_of(t).iter().any(|c| match &c.heap {
        Some(h) => {
            h.dict.borrow().get_str(&name).is_some()
                || h.native.is_some_and(|f| f.has(SpecFlags::WEAKREFS))
        }
        None => matches!(
            c.kind,
            TypeKind::Type | TypeKind::Set | TypeKind::FrozenSet | TypeKind::Function
        ),
    })
}

fn acceptable_base(t: &TypeObj) -> bool {
    if crate::modules::structseq::is_structseq_class(t) {
        return false;
    }
    if let Some(h) = &t.heap {
        return h.native.map_or(true, |f| f.has(SpecFlags::BASETYPE));
    }
    matches!(
        t.kind,
        TypeKind::Object
            | TypeKind::Type
            | TypeKind::Int
            | TypeKind::Float
            | TypeKind::Str
            | TypeKind::Bytes
            | TypeKind::ByteArray
            | TypeKind::Complex
            | TypeKind::Tuple
            | TypeKind::List
            | TypeKind::Dict
            | TypeKind::Set
            | TypeKind::FrozenSet
            | TypeKind::Exception(_)
            | TypeKind::Enumerate
            | TypeKind::Zip
            | TypeKind::Map
            | TypeKind::Filter
            | TypeKind::Reversed
            | TypeKind::Property
            | TypeKind::ClassMethod
            | TypeKind::StaticMethod
            | TypeKind::Super
            // `importlib.util._LazyModule`: instances are plain
            // objects with a `__dict__`.
            | TypeKind::Module
    )
}

/// `str.isidentifier()` (a str with a lone surrogate has U+FFFD in its
/// text, which is not an identifier character either).
fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    it.next()
        .is_some_and(pith_repr::unicode::is_identifier_start)
        && it.all(pith_repr::unicode::is_identifier_continue)
}

/// A private `__slots__` name as the class body's code spells it
/// (`__x` in class `A` is `_A__x`).
fn mangle_slot(class: &str, slot: Rc<StrObj>) -> Rc<StrObj> {
    match pith_bytecode::mangle(Some(class), slot.as_str()) {
        std::borrow::Cow::Borrowed(_) => slot,
        std::borrow::Cow::Owned(m) => Rc::new(StrObj::from_string(m)),
    }
}

/// `type(name, bases, ns)` and the end of a `class` statement: makes the class,
/// then runs `__set_name__` and the parent's `__init_subclass__`.
pub fn new_type(
    vm: &mut Vm,
    meta: Option<Rc<TypeObj>>,
    name: &str,
    bases: Vec<Rc<TypeObj>>,
    ns: &Dict,
    kw: (&[Value], &[Value]),
) -> PyResult<Rc<TypeObj>> {
    make_type(vm, meta, name, bases, ns, kw, Layout::Python)
}

/// Whose class `make_type` builds.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Layout {
    /// A `class` statement's or `type()`'s: CPython's `type_new` adds the
    /// `__dict__` and `__weakref__` attributes its bases lack.
    Python,
    /// A class written in Rust (`native::ClassSpec`), which, like CPython's
    /// static types, has only the attributes its table lists, and instances
    /// with the extras its flags give.
    Native(SpecFlags),
}

/// [`new_type`], for a class of the given layout.
pub(crate) fn make_type(
    vm: &mut Vm,
    meta: Option<Rc<TypeObj>>,
    name: &str,
    bases: Vec<Rc<TypeObj>>,
    ns: &Dict,
    kw: (&[Value], &[Value]),
    layout: Layout,
) -> PyResult<Rc<TypeObj>> {
    let bases = if bases.is_empty() {
        vec![builtin_type(TypeKind::Object)]
    } else {
        bases
    };
    for (i, b) in bases.iter().enumerate() {
        // A Rust class may derive from any builtin, as a C type may
        // (`odict_keys` from `dict_keys`); Python classes only from those
        // CPython allows.
        if layout == Layout::Python && !acceptable_base(b) {
            return Err(PyErr::type_error(format!(
                "type '{}' is not an acceptable base type",
                b.name
            )));
        }
        // A class whose metaclass's `mro()` is still running for it.
        if b.heap.as_ref().is_some_and(|h| !h.mro_ready.get()) {
            return Err(PyErr::type_error(format!(
                "Cannot extend an incomplete type '{}'",
                b.name
            )));
        }
        if bases[..i].iter().any(|x| Rc::ptr_eq(x, b)) {
            return Err(PyErr::type_error(format!(
                "duplicate base class {}",
                b.name
            )));
        }
    }
    // The layout comes from the most derived builtin base; two unrelated ones conflict.
    let mut solid = builtin_type(TypeKind::Object);
    for b in &bases {
        let s = solid_base(b);
        // Every builtin exception has the same layout, so
        // `class E(OSError, ValueError)` is allowed, as in CPython.
        let both_exceptions = matches!(
            (solid.kind, s.kind),
            (TypeKind::Exception(_), TypeKind::Exception(_))
        );
        if s.is_subtype(&solid) {
            solid = s;
        } else if !solid.is_subtype(&s) && !both_exceptions {
            return Err(PyErr::type_error(
                "multiple bases have instance lay-out conflict",
            ));
        }
    }
    let mro = c3(&bases)?;
    let mut dict = ns.clone();
    let qualname = match dict.remove(&Value::Str(D::Qualname.name()))? {
        Some(Value::Str(s)) => s,
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "type __qualname__ must be a str, not {}",
                type_name(&other)
            )))
        }
        None => Rc::new(StrObj::new(name)),
    };
    // A native class names its module itself; one without is in `builtins`.
    if dict.get_str(&D::Module.name()).is_none() && !matches!(layout, Layout::Native(_)) {
        let module = vm
            .frames
            .last()
            .and_then(|f| f.globals.borrow().get_str(&D::Name.name()).cloned())
            .unwrap_or_else(|| Value::str("builtins"));
        dict.insert_hashed(
            Value::Str(D::Module.name()),
            D::Module.name().hash(),
            module,
        );
    }
    // Added once the class exists, after its members and attribute
    // descriptors, in CPython's order.
    let add_doc = dict.get_str(&D::Doc.name()).is_none();
    // A class that defines `__eq__` but not `__hash__` is unhashable.
    let add_hash = dict.get_str(&D::Eq.name()).is_some() && dict.get_str(&D::Hash.name()).is_none();
    // `__new__` is a static method, `__init_subclass__` and `__class_getitem__` class methods.
    for (d, wrap) in [
        (D::New, 0u8),
        (D::InitSubclass, 1u8),
        (D::ClassGetItem, 1u8),
    ] {
        let key = d.name();
        if let Some(f @ Value::Function(_)) = dict.get_str(&key).cloned() {
            let w = if wrap == 0 {
                Descr::static_method(f)
            } else {
                Descr::class_method(f)
            };
            dict.insert_hashed(
                Value::Str(key.clone()),
                key.hash(),
                Value::Descr(Rc::new(w)),
            );
        }
    }
    // The class's own `__slots__` members (not `__dict__`/`__weakref__`).
    let mut own_slots: Vec<Rc<StrObj>> = Vec::new();
    let best = best_base(&bases, &solid).clone();
    let may_add_dict = !provides_dict(&best);
    let may_add_weak = !provides_weakref(&best)
        && !matches!(
            solid.kind,
            TypeKind::Int | TypeKind::Bytes | TypeKind::Tuple
        );
    let python = layout == Layout::Python;
    let (mut add_dict, mut add_weak) = (may_add_dict && python, may_add_weak && python);
    let slots = match dict.get_str(&D::Slots.name()).cloned() {
        Some(v) => {
            let items = match &v {
                Value::Str(_) => vec![v.clone()],
                other => vm.collect(other)?,
            };
            let mut names = Vec::new();
            let (mut n_dict, mut n_weak) = (0, 0);
            for it in items {
                // A str subclass names its slot by its text.
                let it = match crate::instance::payload_of(&it) {
                    Some(p @ Value::Str(_)) => p.clone(),
                    _ => it,
                };
                match it {
                    Value::Str(s) => {
                        if !is_identifier(s.as_str()) {
                            return Err(PyErr::type_error("__slots__ must be identifiers"));
                        }
                        n_dict += usize::from(s.as_str() == "__dict__");
                        n_weak += usize::from(s.as_str() == "__weakref__");
                        names.push(mangle_slot(name, s))
                    }
                    other => {
                        return Err(PyErr::type_error(format!(
                            "__slots__ items must be strings, not '{}'",
                            type_name(&other)
                        )))
                    }
                }
            }
            for n in &names {
                // Against the namespace as the body left it (not the
                // `__doc__`/`__hash__` entries added above).
                // `__qualname__` and `__classcell__` leave the namespace.
                let transient = matches!(
                    n.as_str(),
                    "__dict__" | "__weakref__" | "__qualname__" | "__classcell__"
                );
                if !transient && ns.get_str(n).is_some() {
                    return Err(PyErr::value_error(format!(
                        "'{}' in __slots__ conflicts with class variable",
                        n.as_str()
                    )));
                }
            }
            add_dict = names.iter().any(|s| s.as_str() == "__dict__");
            add_weak = names.iter().any(|s| s.as_str() == "__weakref__");
            // Variable-size instances have no room for members.
            if !names.is_empty()
                && matches!(
                    solid.kind,
                    TypeKind::Int | TypeKind::Bytes | TypeKind::Tuple
                )
            {
                return Err(PyErr::type_error(format!(
                    "nonempty __slots__ not supported for subtype of '{}'",
                    solid.name
                )));
            }
            if add_dict && (!may_add_dict || n_dict > 1) {
                return Err(PyErr::type_error(
                    "__dict__ slot disallowed: we already got one",
                ));
            }
            if add_weak && (!may_add_weak || n_weak > 1) {
                return Err(PyErr::type_error(
                    "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
                ));
            }
            own_slots = names
                .iter()
                .filter(|n| !matches!(n.as_str(), "__dict__" | "__weakref__"))
                .cloned()
                .collect();
            // Members are laid out (and listed in the namespace) by name.
            own_slots.sort_by(|a, b| a.as_str().cmp(b.as_str()));
            let has_dict = names.iter().any(|s| s.as_str() == "__dict__");
            // Slots restrict instances only if no base gives them a `__dict__`.
            let bases_restricted = bases.iter().all(|b| match &b.heap {
                Some(h) => h.slots.is_some(),
                None => true,
            });
            if has_dict || !bases_restricted {
                None
            } else {
                for b in &mro {
                    if let Some(bs) = b.heap.as_ref().and_then(|h| h.slots.as_ref()) {
                        names.extend(bs.iter().cloned());
                    }
                }
                Some(names)
            }
        }
        None => match layout {
            // Native instances keep their state outside any dict; the
            // `__weakref__` entry only says they take weak references.
            Layout::Native(flags) if !flags.has(SpecFlags::DICT) => {
                Some(if flags.has(SpecFlags::WEAKREFS) {
                    vec![D::Weakref.name()]
                } else {
                    Vec::new()
                })
            }
            _ => None,
        },
    };
    let native = match layout {
        Layout::Native(flags) => Some(flags),
        Layout::Python => None,
    };
    let meta = meta.filter(|m| m.heap.is_some());
    let kind = solid.kind;
    let t = Rc::new(TypeObj {
        name: name.to_string(),
        kind,
        // `__base__` (CPython's `tp_base`): the base whose layout it extends.
        base: Some(best),
        heap: Some(Box::new(HeapType {
            qualname: RefCell::new(qualname),
            assigned_name: RefCell::new(None),
            bases: RefCell::new(bases.into()),
            mro: RefCell::new(mro.into()),
            self_pos: Cell::new(0),
            mro_ready: Cell::new(true),
            dict: Rc::new(RefCell::new(dict)),
            meta,
            solid,
            slots,
            native,
            is_abstract: Cell::new(false),
            collection_flags: Cell::new(0),
            flags: Cell::new((0, 0)),
            cache: RefCell::new(vec![None; CACHE_SIZE]),
            specials: RefCell::new(Default::default()),
            keys: crate::inst_dict::SharedKeys::new(),
        })),
    });
    // CPython's `type_new_set_classcell`: the class body's `__class__` cell
    // is filled now, before a metaclass's `mro()` runs, so `super()` works in `__set_name__` and
    // `__init_subclass__`; the name leaves the namespace.
    if let Some(h) = &t.heap {
        let cell = h
            .dict
            .borrow_mut()
            .remove(&Value::Str(D::ClassCell.name()))?;
        match cell {
            None => {}
            Some(Value::Cell(c)) => *c.borrow_mut() = Value::Type(t.clone()),
            Some(other) => {
                return Err(PyErr::type_error(format!(
                    "__classcell__ must be a nonlocal cell, not {}",
                    crate::repr::repr(&Value::Type(crate::types::type_of(&other)))
                )))
            }
        }
    }
    // A metaclass's own `mro()` orders the class (CPython's `type_ready`
    // calls it before `__set_name__`).
    crate::class_mro::custom_mro(vm, &t)?;
    crate::subclasses::register(&t);
    if let Some(h) = &t.heap {
        // The namespace is where a class's cycles pass (`A.x = A`, methods'
        // globals): registered, the collector finds the class through it.
        crate::gc::track(&Value::Dict(h.dict.clone()));
    }
    if let Some(h) = &t.heap {
        // Members after those of the bases: an instance keeps one list of
        // slot values for its whole MRO.
        let first = crate::modules::builtins::slot_count(&t);
        for (i, n) in own_slots.into_iter().enumerate() {
            let m = crate::modules::builtins::slot_member(vm, &t, n.clone(), first + i);
            h.dict
                .borrow_mut()
                .insert_hashed(Value::Str(n.clone()), n.hash(), m);
        }
        for (add, name) in [(add_dict, "__dict__"), (add_weak, "__weakref__")] {
            // `PyDict_SetDefault`: the class body's own `__dict__` (a
            // property) stays.
            let present = h
                .dict
                .borrow()
                .get_str(&Rc::new(StrObj::new(name)))
                .is_some();
            if add && !present {
                let d = crate::modules::builtins::instance_attr(vm, &t, name);
                let _ = h.dict.borrow_mut().insert(Value::str(name), d);
            }
        }
        let mut dict = h.dict.borrow_mut();
        for (add, d) in [(add_doc, D::Doc), (add_hash, D::Hash)] {
            if add {
                dict.insert_hashed(Value::Str(d.name()), d.name().hash(), Value::None);
            }
        }
    }
    let cls = Value::Type(t.clone());
    // `__set_name__` on every attribute that defines it.
    let attrs: Vec<(Value, Value)> = t
        .heap
        .as_ref()
        .map(|h| {
            h.dict
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    for (k, v) in attrs {
        match &v {
            Value::Instance(i) => {
                if let Some(f) = special(&i.class(), D::SetName) {
                    // `type_new_set_names`: the error comes wrapped.
                    if let Err(e) = vm.call(&f, &[v.clone(), cls.clone(), k.clone()]) {
                        let msg = format!(
                            "Error calling __set_name__ on '{}' instance {} in '{}'",
                            i.class().name,
                            crate::repr::repr(&k),
                            t.name
                        );
                        return Err(crate::coro::from_cause(ExcKind::RuntimeError, &msg, &e));
                    }
                } else if let Some(Value::Descr(d)) = i.payload() {
                    // A `property` subclass inherits `property.__set_name__`.
                    if let Descr::Property { name, .. } = &**d {
                        *name.borrow_mut() = k.clone();
                    }
                }
            }
            Value::Descr(d) => {
                if let Descr::Property { name, .. } = &**d {
                    *name.borrow_mut() = k.clone();
                }
            }
            _ => {}
        }
    }
    // The parent's `__init_subclass__(**kw)`.
    let sup = Value::Descr(Rc::new(Descr::Super {
        typ: t.clone(),
        obj: cls.clone(),
        obj_type: Some(t.clone()),
    }));
    let init_sub = vm.get_attr(&sup, &D::InitSubclass.name())?;
    vm.call_with_kw(&init_sub, &[], kw.0, kw.1)?;
    Ok(t)
}

impl Vm {
    /// Runs a class body with `ns` as its namespace; returns what it returns
    /// (the `__class__` cell, or `None`).
    fn run_class_body(
        &mut self,
        f: &Rc<crate::func::Function>,
        ns: Rc<RefCell<Dict>>,
    ) -> PyResult<Value> {
        if self.native_depth >= MAX_NATIVE_DEPTH || self.frames.len() >= self.recursion_limit {
            return Err(PyErr::new(
                crate::types::ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let locals = f.bind(&[], &[], &[])?;
        let base = self.stack.len();
        self.stack.extend(locals);
        crate::stack_words::push_with(&mut self.frames, || Frame {
            code: f.code.borrow().clone(),
            globals: f.globals.clone(),
            names: Some(ns),
            base,
            ret_to: base,
            ip: 0,
            entry: true,
            generator: None,
        });
        self.native_depth += 1;
        let r = self.run_frames();
        self.native_depth -= 1;
        r
    }
}

pub(crate) const METACLASS_CONFLICT: &str = "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases";

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (Some(Value::Function(body)), Some(Value::Str(name))) = (a.pos.first(), a.pos.get(1))
    else {
        return Err(PyErr::type_error(
            "__build_class__: func must be a function",
        ));
    };
    let orig_bases = &a.pos[2..];
    let resolved = crate::mro_entries::update_bases(vm, orig_bases)?;
    let base_vals: &[Value] = resolved.as_deref().unwrap_or(orig_bases);
    let mut meta: Option<Value> = None;
    let mut kwnames = Vec::new();
    let mut kwvals = Vec::new();
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        if matches!(k, Value::Str(s) if s.as_str() == "metaclass") {
            meta = Some(v.clone());
        } else {
            kwnames.push(k.clone());
            kwvals.push(v.clone());
        }
    }
    // The most derived metaclass among the explicit one and the bases'.
    let mut winner: Option<Rc<TypeObj>> = match &meta {
        Some(Value::Type(m)) => Some(m.clone()),
        _ => None,
    };
    if meta.is_none() || winner.is_some() {
        for b in base_vals {
            let bm = crate::types::type_of(b);
            match &winner {
                None => winner = Some(bm),
                Some(w) => {
                    if bm.is_subtype(w) {
                        winner = Some(bm);
                    } else if !w.is_subtype(&bm) {
                        return Err(PyErr::type_error(METACLASS_CONFLICT));
                    }
                }
            }
        }
    }
    let meta_v = match (&meta, &winner) {
        (Some(m), None) => m.clone(),
        (_, Some(w)) => Value::Type(w.clone()),
        (None, None) => Value::Type(builtin_type(TypeKind::Type)),
    };
    let bases_v = Value::tuple(base_vals.to_vec());
    // `type.__prepare__` makes an empty dict: `type` itself needs no call.
    let prep = match &meta_v {
        Value::Type(m) if m.heap.is_none() => None,
        Value::Type(m) => match lookup(m, &D::Prepare.name()) {
            Some(_) => Some(vm.get_attr(&meta_v, &D::Prepare.name())?),
            None => None,
        },
        // A metaclass that is not a class: its `__prepare__` if it has one.
        other => match vm.get_attr(other, &D::Prepare.name()) {
            Ok(p) => Some(p),
            Err(e) if e.is(ExcKind::AttributeError) => None,
            Err(e) => return Err(e),
        },
    };
    let prepared = match prep {
        Some(prep) => vm.call_with_kw(
            &prep,
            &[Value::Str(name.clone()), bases_v.clone()],
            &kwnames,
            &kwvals,
        )?,
        None => Value::Dict(Rc::new(RefCell::new(Dict::new()))),
    };
    // A mapping other than a plain dict stands behind a placeholder namespace.
    let (ns, custom) = match prepared {
        Value::Dict(d) => (d, None),
        other => {
            crate::class_ns::check_mapping(vm, &meta_v, &other)?;
            let reg = crate::class_ns::Registration::new(other.clone());
            (reg.namespace(), Some((reg, other)))
        }
    };
    let cell = vm.run_class_body(body, ns.clone())?;
    if resolved.is_some() {
        let key = Value::Str(vm.intern("__orig_bases__"));
        let orig = Value::tuple(orig_bases.to_vec());
        match &custom {
            Some((_, m)) => vm.setitem(m, key, orig)?,
            None => vm.map_insert(&ns, key, orig)?,
        }
    }
    let ns_v = match custom {
        Some((reg, m)) => {
            drop(reg);
            m
        }
        None => Value::Dict(ns.clone()),
    };
    let cls = match &meta_v {
        Value::Type(m) if m.heap.is_none() && m.kind == TypeKind::Type => {
            let mut bases = Vec::with_capacity(base_vals.len());
            for b in base_vals {
                match b {
                    Value::Type(t) => bases.push(t.clone()),
                    other => {
                        return Err(PyErr::type_error(format!(
                            "bases must be types, not {}",
                            type_name(other)
                        )))
                    }
                }
            }
            let ns = ns.borrow().clone();
            Value::Type(new_type(
                vm,
                None,
                name.as_str(),
                bases,
                &ns,
                (&kwnames, &kwvals),
            )?)
        }
        other => vm.call_with_kw(
            other,
            &[Value::Str(name.clone()), bases_v, ns_v],
            &kwnames,
            &kwvals,
        )?,
    };
    // `type.__new__` filled the `__class__` cell; a metaclass that dropped
    // `__classcell__` or made another class with it is an error, as in
    // CPython's `__build_class__`.
    if let (Value::Cell(c), Value::Type(t)) = (&cell, &cls) {
        let in_cell = c.borrow().clone();
        let same = matches!(&in_cell, Value::Type(x) if Rc::ptr_eq(x, t));
        if !same {
            let name_r = crate::repr::repr(&Value::Str(name.clone()));
            let cls_r = vm.repr_of(&cls)?;
            if in_cell.is_null() {
                return Err(PyErr::new(
                    ExcKind::RuntimeError,
                    format!(
                        "__class__ not set defining {name_r} as {cls_r}. Was __classcell__ propagated to type.__new__?"
                    ),
                ));
            }
            let cell_r = vm.repr_of(&in_cell)?;
            return Err(PyErr::type_error(format!(
                "__class__ set to {cell_r} defining {name_r} as {cls_r}"
            )));
        }
    }
    Ok(cls)
}

/// `type(x)` and `type(name, bases, ns)` (also for metaclasses deriving from `type`).
pub fn type_call(vm: &mut Vm, meta: &Rc<TypeObj>, a: Args<'_>) -> PyResult<Value> {
    if a.pos.len() == 1 && a.kwnames.is_empty() && meta.heap.is_none() {
        return Ok(Value::Type(crate::types::type_of(&a.pos[0])));
    }
    if let [_, b, _] = a.pos {
        if !matches!(b, Value::Tuple(_)) {
            return Err(PyErr::type_error(format!(
                "type.__new__() argument 2 must be tuple, not {}",
                type_name(b)
            )));
        }
    }
    // A dict subclass (`enum`'s `_EnumDict`) is copied through its dict;
    // one that overrides `__iter__` (`OrderedDict`) in its own order, as
    // `PyDict_Copy` goes through `keys()` then.
    let sub_ns = match a.pos.get(2) {
        Some(v @ Value::Instance(i)) => match &i.payload {
            Value::Dict(_) if special(&i.class(), D::Iter).is_some() => {
                let copy = Rc::new(RefCell::new(Dict::new()));
                let keys_name = vm.intern("keys");
                let keys = vm.get_attr(v, &keys_name)?;
                let keys = vm.call(&keys, &[])?;
                for k in vm.collect(&keys)? {
                    let item = vm.getitem(v, &k)?;
                    vm.map_insert(&copy, k, item)?;
                }
                Some(Value::Dict(copy))
            }
            Value::Dict(d) => Some(Value::Dict(d.clone())),
            _ => None,
        },
        _ => None,
    };
    let third = sub_ns.as_ref().or(a.pos.get(2));
    let ([Value::Str(name), bases, _], Some(Value::Dict(ns))) = (a.pos, third) else {
        if let [Value::Str(_), _, ns] = a.pos {
            return Err(PyErr::type_error(format!(
                "type.__new__() argument 3 must be dict, not {}",
                type_name(ns)
            )));
        }
        if a.pos.len() == 3 {
            return Err(PyErr::type_error(
                "type.__new__() argument 1 must be str, not ".to_string() + &type_name(&a.pos[0]),
            ));
        }
        // Only `type` itself has the one-argument form (`type_call`); a
        // metaclass reaches `type.__new__`'s argument parsing.
        if meta.heap.is_none() || a.pos.len() == 3 {
            return Err(PyErr::type_error("type() takes 1 or 3 arguments"));
        }
        return Err(PyErr::type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            a.pos.len()
        )));
    };
    // `type_new_set_name`: the name as UTF-8, without NULs.
    if crate::str_surrogates::as_utf8(name)?.contains('\0') {
        return Err(PyErr::value_error(
            "type name must not contain null characters",
        ));
    }
    // `type_new_set_doc`: a str docstring must encode to UTF-8.
    if let Some(Value::Str(doc)) = ns.borrow().get_str(&D::Doc.name()) {
        crate::str_surrogates::as_utf8(doc)?;
    }
    let mut bs = Vec::new();
    let base_items = vm.collect(bases)?;
    crate::mro_entries::check_type_bases(vm, &base_items)?;
    for b in base_items {
        match b {
            Value::Type(t) => bs.push(t),
            other if !crate::types::type_of(&other).is_subtype(meta) => {
                return Err(PyErr::type_error(METACLASS_CONFLICT))
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "bases must be types, not {}",
                    type_name(&other)
                )))
            }
        }
    }
    // `type(name, bases, ns)` with a more derived metaclass among the bases
    // hands over to that metaclass's `__new__`, as `type_new` does; one
    // without a `__new__` of its own is the new class's metaclass.
    let winner = crate::class_ns::winner_meta(meta, &bs)?;
    if let Some(w) = crate::class_ns::derived_meta_new(meta, &bs) {
        let new_name = vm.intern("__new__");
        let f = vm.get_attr(&Value::Type(w.clone()), &new_name)?;
        let mut args = vec![Value::Type(w)];
        args.extend_from_slice(a.pos);
        return vm.call_with_kw(&f, &args, a.kwnames, a.kwvals);
    }
    let ns = ns.borrow().clone();
    let t = new_type(
        vm,
        Some(winner),
        name.as_str(),
        bs,
        &ns,
        (a.kwnames, a.kwvals),
    )?;
    Ok(Value::Type(t))
}

/// `object.__new__` refuses a class marked abstract, naming the methods of
/// its `__abstractmethods__` in sorted order.
fn refuse_abstract(vm: &mut Vm, t: &Rc<TypeObj>, h: &HeapType) -> PyResult<()> {
    if !h.is_abstract.get() {
        return Ok(());
    }
    let Some(methods) = h
        .dict
        .borrow()
        .get_str(&vm.intern("__abstractmethods__"))
        .cloned()
    else {
        return Ok(());
    };
    if !vm.truthy(&methods)? {
        return Ok(());
    }
    let mut names = Vec::new();
    for m in vm.collect(&methods)? {
        names.push(vm.str_of(&m)?);
    }
    names.sort();
    Err(PyErr::type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        t.name,
        if names.len() > 1 { "s" } else { "" },
        names.join(", ")
    )))
}

/// Creates an instance of the heap class `t` laid out as its builtin base needs
/// (`object.__new__` and the builtin `__new__`s in one).
pub fn new_instance(vm: &mut Vm, t: &Rc<TypeObj>, a: Args<'_>) -> PyResult<Value> {
    let Some(h) = &t.heap else {
        return crate::builtins::construct(vm, t, a);
    };
    let solid = h.solid.clone();
    let payload = match solid.kind {
        TypeKind::Object => {
            refuse_abstract(vm, t, h)?;
            Value::Null
        }
        TypeKind::Type => return type_call(vm, t, a),
        TypeKind::Exception(
            crate::types::ExcKind::BaseExceptionGroup | crate::types::ExcKind::ExceptionGroup,
        ) => return crate::exc_group::new(vm, t, a),
        TypeKind::Exception(_) => {
            // `BaseException.__new__` ignores keywords; its `__init__` refuses
            // them, so they are an error only when no Python `__init__` (as
            // `CalledProcessError(..., output=...)`'s) takes them instead.
            if !a.kwnames.is_empty()
                && !crate::name_error::exception_takes_keywords(t)
                && special(t, D::Init).is_none()
            {
                return Err(PyErr::type_error(format!(
                    "{}() takes no keyword arguments",
                    t.name
                )));
            }
            let e = ExcObj::new(t.clone(), a.pos.to_vec());
            crate::oserror::init(&e);
            crate::unicode_error::init(&e);
            crate::import_error::init(&e, a.kwnames, a.kwvals)?;
            crate::name_error::init(&e, a.kwnames, a.kwvals)?;
            return Ok(Value::Exception(Rc::new(e)));
        }
        TypeKind::Enumerate => crate::enumerate::new(vm, a, false)?,
        // `str(x)` may give an instance of a str subclass (what `__str__`
        // returned); a subclass instance holds its exact text.
        TypeKind::Str => match crate::builtins::construct(vm, &solid, a)? {
            Value::Instance(i) => match i.payload() {
                Some(Value::Str(s)) => crate::str_surrogates::copy_str(s),
                _ => Value::Instance(i),
            },
            v => v,
        },
        // What `__bytes__` returned may be a bytes subclass's instance:
        // the new instance holds its bytes.
        TypeKind::Bytes => match crate::builtins::construct(vm, &solid, a)? {
            Value::Instance(i) => match i.payload() {
                Some(b @ Value::Bytes(_)) => b.clone(),
                _ => Value::Instance(i),
            },
            v => v,
        },
        TypeKind::List => Value::list(Vec::new()),
        // `bytearray.__new__` ignores its arguments: `__init__` fills.
        TypeKind::ByteArray => crate::methods::bytearray::new_bytearray(Vec::new()),
        TypeKind::Dict => Value::Dict(Rc::new(RefCell::new(Dict::new()))),
        TypeKind::Set => Value::Set(Rc::new(RefCell::new(Dict::new_set()))),
        TypeKind::Map | TypeKind::Filter | TypeKind::Reversed => {
            // As `map_new`: keywords are refused only when `__init__` is
            // `object`'s, which would refuse them too.
            let a = if special(t, D::Init).is_some() {
                Args::positional(a.pos)
            } else {
                a
            };
            let v = crate::builtins::construct(vm, &solid, a)?;
            // `reversed(seq)` returns what `seq.__reversed__()` does (a
            // `list_reverseiterator`), not an instance of the subclass.
            let own = match &v {
                Value::Iter(it) => it.try_borrow().is_ok_and(|i| i.type_kind() == solid.kind),
                _ => false,
            };
            if !own {
                return Ok(v);
            }
            v
        }
        // `float_new`, `tuple_new`, `frozenset_new`: keywords are refused
        // only when `__init__` is the builtin one; a Python `__init__`
        // takes them instead.
        TypeKind::Float | TypeKind::Tuple | TypeKind::FrozenSet
            if special(t, D::Init).is_some() =>
        {
            crate::builtins::construct(vm, &solid, Args::positional(a.pos))?
        }
        _ => crate::builtins::construct(vm, &solid, a)?,
    };
    let v = Instance::new_value(t.clone(), payload);
    // A `classmethod` subclass's instance has one `__dict__`: the
    // wrapper's, which holds what `__init__` copied from the callable.
    if let Value::Instance(i) = &v {
        if let Value::Descr(d) = &i.payload {
            if let Some(dict) = d.wrapper_dict() {
                drop(i.dict.replace(dict));
            }
            if let crate::descr::Descr::Property { fget, doc, .. } = &**d {
                let (fget, doc) = (fget.clone(), doc.borrow().clone());
                property_subclass_doc(vm, &v, &fget, &doc)?;
            }
        }
    }
    Ok(v)
}

/// `property_init` of a property subclass's instance: with no `doc`, the
/// getter's `__doc__` goes into the instance (where the class's own
/// docstring does not shadow it), which fails for a class whose
/// `__slots__` leave no `__dict__`.
fn property_subclass_doc(vm: &mut Vm, obj: &Value, fget: &Value, doc: &Value) -> PyResult<()> {
    if !matches!(doc, Value::None) || matches!(fget, Value::None) {
        return Ok(());
    }
    let name = vm.intern("__doc__");
    let get_doc = match vm.get_attr(fget, &name) {
        Ok(v) => v,
        Err(e) if e.is(crate::types::ExcKind::AttributeError) => return Ok(()),
        Err(e) => return Err(e),
    };
    vm.set_attr(obj, &name, get_doc)
}

/// Calls a class defined in Python: `__new__`, then `__init__` if the result
/// is an instance of it.
pub fn call_heap_type(vm: &mut Vm, t: &Rc<TypeObj>, a: Args<'_>) -> PyResult<Value> {
    if let Some(meta) = t.heap.as_ref().and_then(|h| h.meta.clone()) {
        if let Some(call) = special(&meta, D::Call) {
            if !matches!(call, Value::Function(_)) {
                // `__call__ = dict` (typing's `_TypedDictMeta`) is no descriptor.
                let bound = vm.bind_attr(call, &Value::Type(t.clone()), &meta)?;
                return vm.call_with_kw(&bound, a.pos, a.kwnames, a.kwvals);
            }
            let mut all = Vec::with_capacity(a.pos.len() + 1);
            all.push(Value::Type(t.clone()));
            all.extend_from_slice(a.pos);
            return vm.call_with_kw(&call, &all, a.kwnames, a.kwvals);
        }
    }
    create_and_init(vm, t, a)
}

pub(crate) fn create_and_init(vm: &mut Vm, t: &Rc<TypeObj>, a: Args<'_>) -> PyResult<Value> {
    let cls = Value::Type(t.clone());
    let obj = match special(t, D::New) {
        Some(new) => {
            // `slot_tp_new` reads `cls.__new__`: a class method binds to
            // the class, as any other descriptor there.
            let f = match new {
                Value::Descr(d) => match &*d {
                    Descr::StaticMethod(f, _) => f.clone(),
                    _ => vm.bind_attr(Value::Descr(d.clone()), &Value::None, t)?,
                },
                other @ Value::Instance(_) => vm.bind_attr(other, &Value::None, t)?,
                other => other,
            };
            let mut all = Vec::with_capacity(a.pos.len() + 1);
            all.push(cls);
            all.extend_from_slice(a.pos);
            vm.call_with_kw(&f, &all, a.kwnames, a.kwvals)?
        }
        None => {
            let init = special(t, D::Init);
            let solid_obj = t.heap.as_ref().map(|h| h.solid.kind) == Some(TypeKind::Object);
            if init.is_none() && solid_obj && (!a.pos.is_empty() || !a.kwnames.is_empty()) {
                return Err(PyErr::type_error(format!(
                    "{}() takes no arguments",
                    t.name
                )));
            }
            new_instance(vm, t, a)?
        }
    };
    let ot = crate::types::type_of(&obj);
    if !ot.is_subtype(t) {
        return Ok(obj);
    }
    match special(&ot, D::Init) {
        Some(init) => call_init(vm, init, &obj, &ot, a)?,
        None => {
            // Builtin containers fill themselves in `__init__`.
            if let Some(p) = crate::instance::payload_of(&obj) {
                if matches!(
                    p,
                    Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::ByteArray(_)
                ) {
                    let mut all = Vec::with_capacity(a.pos.len() + 1);
                    all.push(obj.clone());
                    all.extend_from_slice(a.pos);
                    // `list___init__` refuses keywords only when `__new__`
                    // is list's own; a Python `__new__` took them.
                    let python_new = matches!(p, Value::List(_)) && special(&ot, D::New).is_some();
                    let (kwnames, kwvals) = if python_new {
                        (&[][..], &[][..])
                    } else {
                        (a.kwnames, a.kwvals)
                    };
                    crate::base_methods::container_init(
                        vm,
                        Args {
                            pos: &all,
                            kwnames,
                            kwvals,
                        },
                    )?;
                }
            }
        }
    }
    Ok(obj)
}

/// Runs the `__init__` found on `ot` (the class of the new `obj`), which
/// must return None.
fn call_init(vm: &mut Vm, init: Value, obj: &Value, ot: &Rc<TypeObj>, a: Args<'_>) -> PyResult<()> {
    let r = match init {
        // A descriptor (a property, an instance with `__get__`) is bound first.
        init @ (Value::Descr(_) | Value::Instance(_)) => {
            let bound = vm.bind_attr(init, obj, ot)?;
            vm.call_with_kw(&bound, a.pos, a.kwnames, a.kwvals)?
        }
        init => {
            let mut all = Vec::with_capacity(a.pos.len() + 1);
            all.push(obj.clone());
            all.extend_from_slice(a.pos);
            vm.call_with_kw(&init, &all, a.kwnames, a.kwvals)?
        }
    };
    if !matches!(r, Value::None) {
        return Err(init_returned(&r));
    }
    Ok(())
}

/// Calls the builtin class `t` (not a subclass of it written in Python).
/// For `type(name, bases, ns)` this is `type_call`: the class made may
/// have a more derived metaclass of the bases, whose Python `__init__`
/// then runs on it as for any instance `type.__call__` makes.
pub fn call_builtin_class(vm: &mut Vm, t: &Rc<TypeObj>, a: Args<'_>) -> PyResult<Value> {
    let made = crate::builtins::construct(vm, t, a)?;
    if t.kind == TypeKind::Type && t.heap.is_none() && a.pos.len() == 3 {
        if let Value::Type(c) = &made {
            if let Some(init) = crate::class_ns::meta_hook(c, D::Init) {
                let meta = crate::types::type_of(&made);
                call_init(vm, init, &made, &meta, a)?;
            }
        }
    }
    Ok(made)
}

/// The class name a traceback prints: `module.qualname`, without the module
/// for `builtins` and `__main__`.
pub fn exc_display_name(t: &Rc<TypeObj>) -> String {
    match &t.heap {
        Some(h) => {
            let q = h.qualname.borrow().as_str().to_string();
            match h.dict.borrow().get_str(&D::Module.name()) {
                Some(Value::Str(m)) if !matches!(m.as_str(), "builtins" | "__main__") => {
                    format!("{}.{}", m.as_str(), q)
                }
                _ => q,
            }
        }
        None => t.name.clone(),
    }
}

/// `TypeError: __init__() should return None, not 'int'`.
pub fn init_returned(v: &Value) -> PyErr {
    PyErr::type_error(format!(
        "__init__() should return None, not '{}'",
        type_name(v)
    ))
}

/// For a call of class `t` that is only "make a plain instance, run its Python
/// `__init__`": the `__init__` function and the fresh instance.
pub fn fast_init(t: &Rc<TypeObj>) -> Option<(Rc<crate::func::Function>, Value)> {
    let h = t.heap.as_ref()?;
    if h.solid.kind != TypeKind::Object || special(t, D::New).is_some() {
        return None;
    }
    if h.is_abstract.get() {
        return None;
    }
    if let Some(meta) = &h.meta {
        if special(meta, D::Call).is_some() {
            return None;
        }
    }
    let Some(Value::Function(init)) = special(t, D::Init) else {
        return None;
    };
    let flags = init.code.borrow().flags;
    if flags.contains(pith_bytecode::CodeFlags::GENERATOR)
        || flags.contains(pith_bytecode::CodeFlags::COROUTINE)
        || flags.contains(pith_bytecode::CodeFlags::ASYNC_GENERATOR)
    {
        return None;
    }
    let obj = Instance::new_value(t.clone(), Value::Null);
    Some((init, obj))
}
