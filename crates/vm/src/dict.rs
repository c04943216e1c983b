//! Insertion-ordered hash table used for dict, set and namespaces, with Python's
//! hash semantics (equal numbers hash equal across int, float and bool).

use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};

use crate::exc::PyErr;
use crate::value::{StrObj, Value};

mod ordered;
mod set_table;
pub use set_table::{set_difference, set_intersection, set_symmetric_difference, set_union};

const MODULUS: u64 = (1 << 61) - 1;
const BITS: u32 = 61;

/// Python's `hash()` of a machine int.
pub fn hash_i64(n: i64) -> i64 {
    let m = (n.unsigned_abs() % MODULUS) as i64;
    let h = if n < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Python's `hash()` of a big int.
pub fn hash_bigint(n: &BigInt) -> i64 {
    let m = (n.magnitude() % MODULUS).to_i64().unwrap_or(0);
    let h = if n.sign() == Sign::Minus { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Python's `hash()` of a float (`_Py_HashDouble`; NaN hashes to 0 here).
pub fn hash_f64(v: f64) -> i64 {
    if v.is_infinite() {
        return if v > 0.0 { 314_159 } else { -314_159 };
    }
    if v.is_nan() {
        return 0;
    }
    if v.fract() == 0.0 && v.abs() < 9.2e18 {
        return hash_i64(v as i64);
    }
    let (mut m, mut e) = frexp(v);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS as i32
    } else {
        BITS as i32 - 1 - ((-1 - e) % BITS as i32)
    } as u32;
    x = ((x << e) & MODULUS) | (x >> (BITS - e));
    let h = x as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}

/// Python's `hash()` for the builtin hashable types; `TypeError` for others.
pub fn hash_value(v: &Value) -> Result<i64, PyErr> {
    Ok(match v {
        Value::Int(i) => hash_i64(*i),
        Value::Bool(b) => i64::from(*b),
        Value::Str(s) => s.hash(),
        // Since 3.10 a NaN hashes by identity, as `object.__hash__` does.
        Value::Float(f) if f.is_nan() => (v.identity() >> 4) as i64,
        Value::Float(f) => hash_f64(*f),
        Value::Complex(c) => crate::complex::hash(c),
        Value::BigInt(b) => hash_bigint(b),
        Value::None => 0x7f00_0000_2000 >> 4,
        Value::Tuple(items) => {
            let mut h = TupleHasher::new();
            for x in items.iter() {
                h.push(hash_value(x)?);
            }
            h.finish()
        }
        Value::FrozenSet(d) => {
            // CPython's `frozenset_hash`: order-independent xor of shuffled
            // element hashes, the size factored in, then dispersed.
            let mut acc: u64 = 0;
            for (h, _, _) in d.iter_entries() {
                let h = h as u64;
                acc ^= ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167);
            }
            acc ^= (d.len() as u64 + 1).wrapping_mul(1_927_868_237);
            acc ^= (acc >> 11) ^ (acc >> 25);
            acc = acc.wrapping_mul(69_069).wrapping_add(907_133_923);
            if acc == u64::MAX {
                acc = 590_923_713;
            }
            acc as i64
        }
        Value::Bytes(b) => crate::hash::bytes_hash(b),
        // `range_hash`: the hash of `(len, start, step)`, with `None` for
        // what equality ignores (both when empty, the step when of length 1).
        Value::Range(r) => {
            let none = hash_value(&Value::None)?;
            let (start, step) = if r.is_empty() {
                (none, none)
            } else if r.len() == Some(1) {
                (hash_value(&r.start())?, none)
            } else {
                (hash_value(&r.start())?, hash_value(&r.step())?)
            };
            tuple_hash(&[hash_value(&r.len_value())?, start, step])
        }
        Value::MemoryView(m) => crate::methods::memoryview::hash(m)?,
        Value::Code(c) => c.structural_hash(),
        Value::Instance(i) if crate::special::unhashable_type(&i.class()) => {
            return Err(crate::special::unhashable(v))
        }
        Value::Instance(i) if i.payload().is_some() => {
            if matches!(
                i.payload,
                Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::ByteArray(_)
            ) {
                // The message names the subclass, not its payload's type.
                return Err(crate::special::unhashable(v));
            }
            return hash_value(&i.payload);
        }
        // Keys and items views are set-like, and so unhashable; values
        // views hash by identity (below).
        Value::DictView(view) if !matches!(view.1, crate::iter::DictPart::Values) => {
            return Err(crate::special::unhashable(v))
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) | Value::ByteArray(_) => {
            return Err(PyErr::type_error(format!(
                "unhashable type: '{}'",
                crate::types::type_name(v)
            )))
        }
        // Bound methods hash as CPython's `meth_hash`/`method_hash`: the
        // receiver by identity, mixed with the function.
        Value::BoundBuiltin(b) => {
            let func = b.1 as *const crate::func::BuiltinDef as usize;
            identity_hash(b.0.identity() ^ (func >> 4))
        }
        Value::Method(m) => {
            let h = identity_hash(m.0.identity()) ^ hash_value(&m.1)?;
            if h == -1 {
                -2
            } else {
                h
            }
        }
        other => identity_hash(other.identity()),
    })
}

/// CPython's `_Py_HashPointer`: an address with its always-zero low bits
/// rotated away.
fn identity_hash(addr: usize) -> i64 {
    let h = (addr >> 4) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's tuple hash (xxHash-based) from the items' hashes.
pub fn tuple_hash(lanes: &[i64]) -> i64 {
    let mut h = TupleHasher::new();
    for &lane in lanes {
        h.push(lane);
    }
    h.finish()
}

/// CPython's tuple hash fed one item hash at a time, so hashing a tuple
/// needs no buffer of its items' hashes.
#[derive(Debug, Clone, Copy)]
pub struct TupleHasher {
    acc: u64,
    len: u64,
}

impl TupleHasher {
    const P1: u64 = 11_400_714_785_074_694_791;
    const P2: u64 = 14_029_467_366_897_019_727;
    const P5: u64 = 2_870_177_450_012_600_261;

    /// The state before any item.
    pub fn new() -> Self {
        TupleHasher {
            acc: Self::P5,
            len: 0,
        }
    }

    /// Mixes in the next item's hash.
    #[inline]
    pub fn push(&mut self, lane: i64) {
        let acc = self.acc.wrapping_add((lane as u64).wrapping_mul(Self::P2));
        self.acc = acc.rotate_left(31).wrapping_mul(Self::P1);
        self.len += 1;
    }

    /// The tuple's hash.
    pub fn finish(self) -> i64 {
        let acc = self.acc.wrapping_add(self.len ^ (Self::P5 ^ 3_527_539));
        if acc as i64 == -1 {
            1_546_275_796
        } else {
            acc as i64
        }
    }
}

impl Default for TupleHasher {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether `v` is a tuple holding (at any depth) an instance of a Python
/// class, whose hash and equality only the VM can compute.
pub fn tuple_with_objects(v: &Value) -> bool {
    match v {
        Value::Tuple(items) => items
            .iter()
            .any(|x| crate::attr::is_heap_object(x) || tuple_with_objects(x)),
        _ => false,
    }
}

/// Equality used for dict keys: structural for the builtin value types, identity otherwise.
///
/// The same `str` object (names in namespaces, interned attribute keys) and
/// machine ints are settled here, inline in the probe loop; the rest is
/// [`key_eq_structural`].
#[inline]
pub fn key_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) if std::rc::Rc::ptr_eq(x, y) => true,
        (Value::Int(x), Value::Int(y)) => x == y,
        _ => key_eq_structural(a, b),
    }
}

/// [`key_eq`] past its inline cases.
fn key_eq_structural(a: &Value, b: &Value) -> bool {
    use Value as V;
    match (a, b) {
        (V::Str(x), V::Str(y)) => std::rc::Rc::ptr_eq(x, y) || **x == **y,
        (V::Int(x), V::Int(y)) => x == y,
        (V::Int(x), V::Float(y)) | (V::Float(y), V::Int(x)) => float_int_eq(*y, *x),
        (V::Float(x), V::Float(y)) => x == y || x.to_bits() == y.to_bits(),
        (V::Bool(x), V::Bool(y)) => x == y,
        (V::Bool(x), V::Int(y)) | (V::Int(y), V::Bool(x)) => i64::from(*x) == *y,
        (V::Bool(x), V::Float(y)) | (V::Float(y), V::Bool(x)) => f64::from(u8::from(*x)) == *y,
        (V::BigInt(x), V::BigInt(y)) => x == y,
        (V::BigInt(x), V::Float(y)) | (V::Float(y), V::BigInt(x)) => {
            y.fract() == 0.0
                && num_bigint::BigInt::from_f64_exact(*y).is_some_and(|v| &v == x.as_ref())
        }
        (V::Tuple(x), V::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| key_eq(p, q))
        }
        (V::Bytes(x), V::Bytes(y)) => x == y,
        (V::Range(_), V::Range(_)) => crate::ops::eq(a, b),
        (V::Complex(_), _) | (_, V::Complex(_)) => crate::ops::eq(a, b),
        (V::FrozenSet(x), V::FrozenSet(y)) => {
            x.len() == y.len()
                && x.keys()
                    .all(|k| y.contains_hashed(k, hash_value(k).unwrap_or(0)))
        }
        // Bound methods are equal when bound to the same object
        // (`meth_richcompare`/`method_richcompare`).
        (V::BoundBuiltin(x), V::BoundBuiltin(y)) => x.0.is(&y.0) && std::ptr::eq(x.1, y.1),
        (V::Method(x), V::Method(y)) => x.0.is(&y.0) && key_eq(&x.1, &y.1),
        (V::Code(x), V::Code(y)) => x.same_as(y),
        _ => a.is(b),
    }
}

fn float_int_eq(f: f64, i: i64) -> bool {
    // Exact comparison: f is integral; check it lies in i64 range and converts back.
    f.fract() == 0.0
        && (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f)
        && f as i64 == i
}

trait FromF64Exact: Sized {
    fn from_f64_exact(f: f64) -> Option<Self>;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> Option<BigInt> {
        use num_traits::FromPrimitive;
        if f.fract() != 0.0 {
            return None;
        }
        BigInt::from_f64(f)
    }
}

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

#[derive(Clone, Debug)]
struct Entry {
    hash: i64,
    key: Value,
    value: Value,
}

/// The probe sequence of one hash over a dict's index table ([`Dict::probe`]).
struct Probe<'a> {
    indices: &'a [u32],
    mask: usize,
    perturb: u64,
    i: usize,
    done: bool,
}

impl Iterator for Probe<'_> {
    /// `(slot, index entry)`.
    type Item = (usize, u32);

    #[inline]
    fn next(&mut self) -> Option<(usize, u32)> {
        if self.done {
            return None;
        }
        let slot = self.i;
        let ix = self.indices[slot];
        self.done = ix == EMPTY;
        self.perturb >>= 5;
        self.i = (slot
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(self.perturb as usize))
            & self.mask;
        Some((slot, ix))
    }
}

/// An insertion-ordered hash table from Python values to values.
#[derive(Clone, Debug, Default)]
pub struct Dict {
    indices: Vec<u32>,
    entries: Vec<Entry>,
    used: usize,
    /// Entries appended since the table was last rebuilt, popped ones
    /// included: `pop_last` leaves a dummy index slot behind, so this (not
    /// `entries.len()`) bounds the used slots and must trigger the rebuild
    /// that keeps an empty slot for every probe to stop at (CPython's
    /// `dk_usable`, which `popitem` does not give back either).
    appended: usize,
    version: u64,
    /// Set layout ([`set_table`]): `entries` is CPython's set slot array
    /// and `appended` its `fill`.
    set_mode: bool,
    /// Where `set.pop()` resumes its scan (CPython's `finger`).
    finger: u32,
    /// A position no live entry precedes (`ordered.rs`): entries are only
    /// ever emptied in place or appended, so the holes an `OrderedDict`'s
    /// `popitem(last=False)` leaves at the front are skipped once, not per
    /// call. Reset wherever the entries are rebuilt.
    head: usize,
    /// Whether some key ever stored compares through Python code (see
    /// [`compares_in_python`]): then every lookup must go through the VM
    /// (`keys.rs`), since a plain `str` may equal such a key.
    object_keys: bool,
    /// Whether some key ever stored is an instance of a Python class (see
    /// [`crate::attr::is_heap_object`]), whose `__eq__` a class may gain
    /// later: the set algorithms then compare through the VM. Kept here so
    /// that asking costs nothing, where scanning the keys cost a pass over
    /// the whole set per operation.
    heap_keys: bool,
}

/// Whether `==` on `key` may run Python code or builtin-subclass
/// equality, which the table's own comparison ([`key_eq`]) cannot do: an
/// instance of a class defining `__eq__`, of a builtin's subclass, or a
/// tuple holding one.
pub fn compares_in_python(key: &Value) -> bool {
    match key {
        Value::Instance(i) => {
            i.payload().is_some()
                || crate::class::special(&i.class(), crate::names::D::Eq).is_some()
        }
        Value::Tuple(items) => items.iter().any(compares_in_python),
        _ => false,
    }
}

impl Dict {
    /// An empty table.
    pub fn new() -> Dict {
        Dict::default()
    }

    /// Whether some key stored in the table compares through Python code.
    pub fn has_object_keys(&self) -> bool {
        self.object_keys
    }

    /// Whether some key ever stored is an instance of a Python class.
    pub fn has_heap_keys(&self) -> bool {
        self.heap_keys
    }

    /// Records what a newly stored key implies for later lookups.
    fn note_key(&mut self, key: &Value) {
        self.object_keys |= compares_in_python(key);
        self.heap_keys |= crate::attr::is_heap_object(key);
    }

    /// Number of live entries.
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// A counter that changes on every mutation (for lookup caches).
    pub fn version(&self) -> u64 {
        self.version
    }

    fn bump(&mut self) {
        self.version = self.version.wrapping_add(1);
    }

    /// Removes every entry (and bumps the version).
    pub fn clear(&mut self) {
        if self.set_mode {
            return self.set_clear();
        }
        self.bump();
        self.head = 0;
        self.indices.clear();
        self.entries.clear();
        self.used = 0;
        self.appended = 0;
    }

    fn find(&self, key: &Value, hash: i64) -> Result<usize, usize> {
        // Ok(slot with the key) or Err(first free slot to insert into).
        if self.indices.is_empty() {
            return Err(usize::MAX);
        }
        let mut free = None;
        for (i, ix) in self.probe(hash) {
            if ix == EMPTY {
                return Err(free.unwrap_or(i));
            }
            if ix == DUMMY {
                free.get_or_insert(i);
            } else {
                let e = &self.entries[ix as usize];
                if e.hash == hash && key_eq(&e.key, key) {
                    return Ok(i);
                }
            }
        }
        unreachable!("a probe sequence ends at an empty slot")
    }

    /// The slots of `hash`'s probe sequence (CPython's `lookdict` order) with
    /// their index entries, through the first empty one; the table is never
    /// full, so the sequence ends. The table must have slots.
    #[inline]
    fn probe(&self, hash: i64) -> Probe<'_> {
        let mask = self.indices.len() - 1;
        Probe {
            indices: &self.indices,
            mask,
            perturb: hash as u64,
            i: (hash as u64 as usize) & mask,
            done: false,
        }
    }

    /// [`Dict::find`] for a store: the table is rebuilt (its holes
    /// dropped) only when a new key needs room, as CPython's `insertdict`
    /// resizes only then. Replacing a value keeps every entry where it is,
    /// so an iterator over the dict goes on from where it was.
    fn find_for_insert(&mut self, key: &Value, hash: i64) -> Result<usize, usize> {
        let found = self.find(key, hash);
        if found.is_err() && (self.appended + 1) * 3 >= self.indices.len() * 2 {
            self.grow();
            return self.find(key, hash);
        }
        found
    }

    fn grow(&mut self) {
        let live: Vec<Entry> = std::mem::take(&mut self.entries)
            .into_iter()
            .filter(|e| !e.key.is_null())
            .collect();
        let mut size = 8;
        while size * 2 <= live.len() * 3 + 2 {
            size *= 2;
        }
        self.indices = vec![EMPTY; size];
        self.entries = Vec::with_capacity(size * 2 / 3);
        self.head = 0;
        for e in live {
            if let Err(slot) = self.find(&e.key, e.hash) {
                self.indices[slot] = self.entries.len() as u32;
                self.entries.push(e);
            }
        }
        self.appended = self.entries.len();
    }

    /// Looks up a key whose hash is known.
    pub fn get_hashed(&self, key: &Value, hash: i64) -> Option<&Value> {
        if self.set_mode {
            return self
                .set_find(key, hash)
                .ok()
                .map(|s| &self.entries[s].value);
        }
        match self.find(key, hash) {
            Ok(slot) => Some(&self.entries[self.indices[slot] as usize].value),
            Err(_) => None,
        }
    }

    /// Whether a key whose hash is known is present.
    pub fn contains_hashed(&self, key: &Value, hash: i64) -> bool {
        if self.set_mode {
            return self.set_find(key, hash).is_ok();
        }
        self.find(key, hash).is_ok()
    }

    /// Looks up a key; `TypeError` if it is unhashable.
    pub fn get(&self, key: &Value) -> Result<Option<&Value>, PyErr> {
        let h = hash_value(key)?;
        Ok(self.get_hashed(key, h))
    }

    /// Looks up a str key.
    pub fn get_str(&self, key: &std::rc::Rc<StrObj>) -> Option<&Value> {
        let ix = self.str_entry(key)?;
        Some(&self.entries[ix].value)
    }

    /// The value of a str key, to replace in place (bumps the version).
    pub(crate) fn get_str_mut(&mut self, key: &std::rc::Rc<StrObj>) -> Option<&mut Value> {
        let ix = self.str_entry(key)?;
        self.bump();
        Some(&mut self.entries[ix].value)
    }

    /// The entry index of a str key.
    #[inline]
    fn str_entry(&self, key: &std::rc::Rc<StrObj>) -> Option<usize> {
        if self.set_mode {
            return self.set_find(&Value::Str(key.clone()), key.hash()).ok();
        }
        if self.indices.is_empty() {
            return None;
        }
        let hash = key.hash();
        self.probe(hash)
            .take_while(|&(_, ix)| ix != EMPTY)
            .filter(|&(_, ix)| ix != DUMMY)
            .map(|(_, ix)| ix as usize)
            .find(|&ix| {
                let e = &self.entries[ix];
                e.hash == hash
                    && matches!(&e.key, Value::Str(s) if std::rc::Rc::ptr_eq(s, key) || **s == **key)
            })
    }

    /// Inserts or replaces a key whose hash is known.
    pub fn insert_hashed(&mut self, key: Value, hash: i64, value: Value) {
        if self.set_mode {
            self.set_insert(key, hash, value);
            return;
        }
        self.bump();
        match self.find_for_insert(&key, hash) {
            Ok(slot) => self.entries[self.indices[slot] as usize].value = value,
            Err(slot) => {
                self.indices[slot] = self.entries.len() as u32;
                self.note_key(&key);
                self.entries.push(Entry { hash, key, value });
                self.used += 1;
                self.appended += 1;
            }
        }
    }

    /// Inserts or replaces a key whose hash is known, returning the old value.
    pub fn replace_hashed(&mut self, key: Value, hash: i64, value: Value) -> Option<Value> {
        if self.set_mode {
            return self.set_insert(key, hash, value);
        }
        self.bump();
        match self.find_for_insert(&key, hash) {
            Ok(slot) => Some(std::mem::replace(
                &mut self.entries[self.indices[slot] as usize].value,
                value,
            )),
            Err(slot) => {
                self.indices[slot] = self.entries.len() as u32;
                self.note_key(&key);
                self.entries.push(Entry { hash, key, value });
                self.used += 1;
                self.appended += 1;
                None
            }
        }
    }

    /// Inserts or replaces; `TypeError` if the key is unhashable.
    pub fn insert(&mut self, key: Value, value: Value) -> Result<(), PyErr> {
        let h = hash_value(&key)?;
        self.insert_hashed(key, h, value);
        Ok(())
    }

    /// Removes a key, returning its value.
    pub fn remove(&mut self, key: &Value) -> Result<Option<Value>, PyErr> {
        let h = hash_value(key)?;
        if self.set_mode {
            return Ok(self.set_remove(key, h));
        }
        self.bump();
        Ok(match self.find(key, h) {
            Ok(slot) => {
                let ix = self.indices[slot] as usize;
                self.indices[slot] = DUMMY;
                self.used -= 1;
                let e = &mut self.entries[ix];
                e.key = Value::Null;
                Some(std::mem::take(&mut e.value))
            }
            Err(_) => None,
        })
    }

    /// The keys stored with hash `hash` (candidates for a Python-level
    /// `__eq__`), in probe order: only the probe sequence of `hash` is
    /// walked, so finding a key stays O(1) however large the table.
    pub fn keys_with_hash(&self, hash: i64) -> Vec<Value> {
        let mut out = Vec::new();
        if self.set_mode {
            self.set_keys_with_hash(hash, &mut out);
            return out;
        }
        if self.indices.is_empty() {
            return out;
        }
        for (_, ix) in self.probe(hash).take_while(|&(_, ix)| ix != EMPTY) {
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.hash == hash {
                    out.push(e.key.clone());
                }
            }
        }
        out
    }

    /// Removes the entry whose key is `key` (by identity or builtin equality) and hash `hash`.
    pub fn remove_hashed(&mut self, key: &Value, hash: i64) -> Option<Value> {
        if self.set_mode {
            return self.set_remove(key, hash);
        }
        self.bump();
        match self.find(key, hash) {
            Ok(slot) => {
                let ix = self.indices[slot] as usize;
                self.indices[slot] = DUMMY;
                self.used -= 1;
                let e = &mut self.entries[ix];
                e.key = Value::Null;
                Some(std::mem::take(&mut e.value))
            }
            Err(_) => None,
        }
    }

    /// Removes and returns the last entry.
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        if self.set_mode {
            return self.set_pop().map(|k| (k, Value::None));
        }
        self.bump();
        while let Some(e) = self.entries.last() {
            if e.key.is_null() {
                self.entries.pop();
                continue;
            }
            // Find the slot while the entry is still in place: probing reads entries.
            let slot = self.find(&e.key, e.hash).ok();
            if let Some(slot) = slot {
                self.indices[slot] = DUMMY;
            }
            self.used -= 1;
            let last = self.entries.pop();
            // What comes next is appended where this was: keep `head` at or below it.
            self.head = self.head.min(self.entries.len());
            return last.map(|e| (e.key, e.value));
        }
        None
    }

    /// Live entries as `(hash, key, value)`, in insertion order.
    pub fn iter_entries(&self) -> impl Iterator<Item = (i64, &Value, &Value)> {
        self.entries
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| (e.hash, &e.key, &e.value))
    }

    /// Keys in insertion order.
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.iter_entries().map(|(_, k, _)| k)
    }

    /// `(key, value)` pairs in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.iter_entries().map(|(_, k, v)| (k, v))
    }

    /// The entry at raw position `pos` (used by iterators), skipping deleted ones:
    /// returns the entry and the next raw position.
    pub fn entry_at(&self, mut pos: usize) -> Option<(usize, &Value, &Value)> {
        while let Some(e) = self.entries.get(pos) {
            pos += 1;
            if !e.key.is_null() {
                return Some((pos, &e.key, &e.value));
            }
        }
        None
    }
}

/// Whether an int is zero (helper for big ints).
pub fn bigint_is_zero(b: &BigInt) -> bool {
    b.is_zero()
}
