//! CPython 3.11's set table (`Objects/setobject.c`) inside a [`Dict`].
//!
//! A set or frozenset keeps its elements in a `Dict` switched to set mode:
//! `entries` is then the open-addressed slot array itself (no index table),
//! with CPython's probe sequence ([`pith_bytecode::set_probe`], shared with
//! the order `dis` gives frozenset constants), dummy slots left by removals, `fill` (live plus dummy
//! slots, kept in `appended`) and `used` counts and the same resize rules.
//! Iterating the live slots in order therefore yields exactly CPython's
//! iteration order, whatever sequence of additions, removals, `pop`s and
//! bulk operations produced the set.
//!
//! Slot states: empty is a null key with hash 0, a dummy is a null key with
//! hash -1 (no Python hash is ever -1), anything else is live.

use pith_bytecode::set_probe as probe;

use super::{key_eq, Dict, Entry};
use crate::value::Value;

/// The smallest table (CPython's `PySet_MINSIZE`).
const MINSIZE: usize = 8;
/// The hash marking a dummy (deleted) slot.
const DUMMY_HASH: i64 = -1;

fn empty_slot() -> Entry {
    Entry {
        hash: 0,
        key: Value::Null,
        value: Value::Null,
    }
}

fn empty_slots(n: usize) -> Vec<Entry> {
    (0..n).map(|_| empty_slot()).collect()
}

fn is_dummy(e: &Entry) -> bool {
    e.key.is_null() && e.hash == DUMMY_HASH
}

/// Puts an entry known to be absent into a table without dummies
/// (`set_insert_clean`).
fn insert_clean(table: &mut [Entry], e: Entry) {
    let mask = table.len() - 1;
    let slot = probe(mask, e.hash, |j| table[j].key.is_null().then_some(j));
    table[slot] = e;
}

/// The size of table `set_table_resize(minused)` allocates.
fn size_for(minused: usize) -> usize {
    let mut size = MINSIZE;
    while size <= minused {
        size <<= 1;
    }
    size
}

impl Dict {
    /// An empty set table (8 slots, as a new CPython set).
    pub fn new_set() -> Dict {
        Dict {
            entries: empty_slots(MINSIZE),
            set_mode: true,
            ..Dict::default()
        }
    }

    /// Whether this table has CPython's set layout.
    pub fn is_set_table(&self) -> bool {
        self.set_mode
    }

    /// This table in set layout: a dict-layout table is rebuilt by adding
    /// its keys in insertion order, as CPython's `set.add` one by one would.
    pub fn into_set_table(self) -> Dict {
        if self.set_mode {
            return self;
        }
        let mut s = Dict::new_set();
        for e in self.entries {
            if !e.key.is_null() {
                s.set_insert(e.key, e.hash, e.value);
            }
        }
        s
    }

    /// Number of slots (CPython's `mask + 1`).
    pub fn set_slots(&self) -> usize {
        self.entries.len()
    }

    /// Live plus dummy slots (CPython's `fill`).
    fn fill(&self) -> usize {
        self.appended
    }

    /// `Ok(slot holding key)`, or `Err(slot an insertion takes)`: the last
    /// dummy passed (CPython 3.11 overwrites its `freeslot` at each dummy),
    /// else the empty slot that ended the probe.
    pub(super) fn set_find(&self, key: &Value, hash: i64) -> Result<usize, usize> {
        if self.entries.is_empty() {
            return Err(usize::MAX);
        }
        let mut free = None;
        probe(self.entries.len() - 1, hash, |j| {
            let e = &self.entries[j];
            if e.key.is_null() {
                if e.hash == DUMMY_HASH {
                    free = Some(j);
                    return None;
                }
                return Some(Err(free.unwrap_or(j)));
            }
            (e.hash == hash && key_eq(&e.key, key)).then_some(Ok(j))
        })
    }

    /// The live keys of hash `hash` on its probe sequence
    /// ([`Dict::keys_with_hash`]).
    pub(super) fn set_keys_with_hash(&self, hash: i64, out: &mut Vec<Value>) {
        if self.entries.is_empty() {
            return;
        }
        probe(self.entries.len() - 1, hash, |j| {
            let e = &self.entries[j];
            if e.key.is_null() {
                return (e.hash != DUMMY_HASH).then_some(());
            }
            if e.hash == hash {
                out.push(e.key.clone());
            }
            None
        });
    }

    /// `set_add_entry`: adds or replaces, returning the old value if the key
    /// was present; resizes when an empty slot was consumed and the table is
    /// 60% full.
    pub(super) fn set_insert(&mut self, key: Value, hash: i64, value: Value) -> Option<Value> {
        self.bump();
        if self.entries.is_empty() {
            self.entries = empty_slots(MINSIZE);
        }
        match self.set_find(&key, hash) {
            Ok(slot) => Some(std::mem::replace(&mut self.entries[slot].value, value)),
            Err(slot) => {
                let reused = is_dummy(&self.entries[slot]);
                self.note_key(&key);
                self.entries[slot] = Entry { hash, key, value };
                self.used += 1;
                if !reused {
                    self.appended += 1;
                    let mask = self.entries.len() - 1;
                    if self.fill() * 5 >= mask * 3 {
                        self.set_resize(self.growth_target());
                    }
                }
                None
            }
        }
    }

    /// The `minused` CPython passes when a set grows or sheds dummies.
    fn growth_target(&self) -> usize {
        if self.used > 50000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    /// `set_discard_entry`: the slot becomes a dummy (the table never
    /// shrinks here).
    pub(super) fn set_remove(&mut self, key: &Value, hash: i64) -> Option<Value> {
        self.bump();
        let slot = self.set_find(key, hash).ok()?;
        let old = std::mem::replace(
            &mut self.entries[slot],
            Entry {
                hash: DUMMY_HASH,
                key: Value::Null,
                value: Value::Null,
            },
        );
        self.used -= 1;
        Some(old.value)
    }

    /// `set_clear_internal`: back to an empty 8-slot table (the `pop`
    /// finger stays where it was, as in CPython).
    pub(super) fn set_clear(&mut self) {
        self.bump();
        self.entries = empty_slots(MINSIZE);
        self.used = 0;
        self.appended = 0;
    }

    /// `set_table_resize`: a table of the smallest power of two above
    /// `minused`, live entries reinserted in slot order, dummies dropped.
    pub fn set_resize(&mut self, minused: usize) {
        let size = size_for(minused);
        if size == MINSIZE && self.entries.len() == MINSIZE && self.fill() == self.used {
            // CPython keeps a small table without dummies as it is.
            return;
        }
        let old = std::mem::replace(&mut self.entries, empty_slots(size));
        for e in old {
            if !e.key.is_null() {
                insert_clean(&mut self.entries, e);
            }
        }
        self.appended = self.used;
    }

    /// `set.pop()`: the first live slot at or after the finger (wrapping),
    /// which then moves past it.
    pub fn set_pop(&mut self) -> Option<Value> {
        if self.used == 0 || self.entries.is_empty() {
            return None;
        }
        self.bump();
        let mask = self.entries.len() - 1;
        let mut i = self.finger as usize & mask;
        while self.entries[i].key.is_null() {
            i = if i == mask { 0 } else { i + 1 };
        }
        let old = std::mem::replace(
            &mut self.entries[i],
            Entry {
                hash: DUMMY_HASH,
                key: Value::Null,
                value: Value::Null,
            },
        );
        self.used -= 1;
        self.finger = (i + 1) as u32;
        Some(old.key)
    }

    /// The one resize CPython makes before adding `n` keys in bulk (a set
    /// or dict source of `set_update_internal`).
    pub fn set_presize(&mut self, n: usize) {
        if let Some(minused) = self.presize_minused(n) {
            self.set_resize(minused);
        }
    }

    /// The `minused` that [`Dict::set_presize`] resizes to before adding
    /// `n` elements, or `None` if the table has room for them.
    fn presize_minused(&self, n: usize) -> Option<usize> {
        let mask = self.entries.len().saturating_sub(1);
        ((self.fill() + n) * 5 >= mask * 3).then_some((self.used + n) * 2)
    }

    /// `set_merge`: adds every element of the set table `other` (which must
    /// not be `self`; `a.update(a)` changes nothing and is the caller's).
    pub fn set_merge(&mut self, other: &Dict) {
        if !other.set_mode {
            let other = other.clone().into_set_table();
            return self.set_merge(&other);
        }
        if other.used == 0 {
            return;
        }
        self.bump();
        self.object_keys |= other.object_keys;
        self.heap_keys |= other.heap_keys;
        // The size `set_presize` would give the table, known before it is
        // made: when the slots are then copied whole, allocating it is wasted.
        let presized = self
            .presize_minused(other.used)
            .map_or(self.entries.len(), size_for);
        if self.fill() == 0 && presized == other.entries.len() && other.fill() == other.used {
            // Same size, no dummies: CPython copies the slots as they are.
            self.entries = other.entries.clone();
            self.used = other.used;
            self.appended = other.appended;
            return;
        }
        self.set_presize(other.used);
        if self.fill() == 0 {
            for e in other.entries.iter().filter(|e| !e.key.is_null()) {
                insert_clean(&mut self.entries, e.clone());
            }
            self.used = other.used;
            self.appended = other.used;
            return;
        }
        for e in other.entries.iter().filter(|e| !e.key.is_null()) {
            self.set_insert(e.key.clone(), e.hash, e.value.clone());
        }
    }

    /// After removing elements in bulk (`difference_update`): a resize when
    /// more than a quarter of the slots are dummies.
    pub fn set_shed_dummies(&mut self) {
        let mask = self.entries.len().saturating_sub(1);
        if self.fill() - self.used > mask / 4 {
            self.set_resize(self.growth_target());
        }
    }

    /// `set_difference_update_internal` with a set table `other` (not
    /// `self`): its elements removed, dummies shed if many.
    pub fn set_difference_update(&mut self, other: &Dict) {
        let narrowed;
        let other = if (other.len() >> 3) > self.len() {
            // CPython first narrows a much larger `other` to the intersection.
            narrowed = set_intersection(self, other);
            &narrowed
        } else {
            other
        };
        for (h, k, _) in other.iter_entries() {
            self.remove_hashed(k, h);
        }
        self.set_shed_dummies();
    }

    /// `set_symmetric_difference_update` with a set table `other` (not
    /// `self`): each element in `other`'s slot order toggled.
    pub fn set_symmetric_update(&mut self, other: &Dict) {
        for (h, k, _) in other.iter_entries() {
            if self.remove_hashed(k, h).is_none() {
                self.set_insert(k.clone(), h, Value::None);
            }
        }
    }

    /// Takes `other`'s table as CPython's `set_swap_bodies` does: the `pop`
    /// finger stays this set's.
    pub fn set_take_table(&mut self, other: Dict) {
        let finger = self.finger;
        *self = other.into_set_table();
        self.finger = finger;
        self.bump();
    }

    /// A copy as `set.copy()` makes it: merged into a new empty set.
    pub fn set_copy(&self) -> Dict {
        let mut out = Dict::new_set();
        out.set_merge(self);
        out
    }
}

/// `set_intersection` of two set tables: the smaller (ties: `b`) is walked
/// in slot order and its elements found in the other are added to a new set.
pub fn set_intersection(a: &Dict, b: &Dict) -> Dict {
    let (walk, probe_in) = if b.len() > a.len() { (a, b) } else { (b, a) };
    let mut out = Dict::new_set();
    for (h, k, _) in walk.iter_entries() {
        if probe_in.contains_hashed(k, h) {
            out.set_insert(k.clone(), h, Value::None);
        }
    }
    out
}

/// `set_difference` of two set tables `a - b` (new set).
pub fn set_difference(a: &Dict, b: &Dict) -> Dict {
    if (a.len() >> 2) > b.len() {
        let mut out = a.set_copy();
        out.set_difference_update(b);
        return out;
    }
    let mut out = Dict::new_set();
    for (h, k, _) in a.iter_entries() {
        if !b.contains_hashed(k, h) {
            out.set_insert(k.clone(), h, Value::None);
        }
    }
    out
}

/// `a ^ b` of two set tables: a copy of `b` with `a`'s elements toggled.
pub fn set_symmetric_difference(a: &Dict, b: &Dict) -> Dict {
    let mut out = b.set_copy();
    out.set_symmetric_update(a);
    out
}

/// `a | b` of two set tables: a copy of `a` with `b` merged in.
pub fn set_union(a: &Dict, b: &Dict) -> Dict {
    let mut out = a.set_copy();
    out.set_merge(b);
    out
}
