//! The operations `OrderedDict` needs from the table (`modules/odict.rs`).
//!
//! CPython keeps an `OrderedDict`'s order in a linked list beside the dict;
//! here the entry vector *is* the order (it is insertion-ordered already),
//! and `move_to_end` moves the entry itself. Moving to the back appends the
//! entry and leaves a hole, as a deletion does; moving to the front rebuilds
//! the table (O(n), where CPython's list is O(1)), which is the rare
//! direction.

use super::{Dict, Entry};
use crate::value::Value;

impl Dict {
    /// The entry position of `key` (found by builtin equality or identity,
    /// as an equal stored key is), if present.
    pub fn position_of(&self, key: &Value, hash: i64) -> Option<usize> {
        if self.set_mode {
            return None;
        }
        let slot = self.find(key, hash).ok()?;
        Some(self.indices[slot] as usize)
    }

    /// The position of the first live entry at or after `pos`.
    pub fn live_from(&self, pos: usize) -> Option<usize> {
        let start = pos.max(self.head);
        self.entries
            .get(start..)?
            .iter()
            .position(|e| !e.key.is_null())
            .map(|i| start + i)
    }

    /// The position of the last live entry before `pos`.
    pub fn live_before(&self, pos: usize) -> Option<usize> {
        let end = pos.min(self.entries.len());
        self.entries[..end].iter().rposition(|e| !e.key.is_null())
    }

    /// The entry at position `pos` as `(hash, key, value)`, if live.
    pub fn entry_parts(&self, pos: usize) -> Option<(i64, &Value, &Value)> {
        self.entries
            .get(pos)
            .filter(|e| !e.key.is_null())
            .map(|e| (e.hash, &e.key, &e.value))
    }

    /// The first live entry as `(hash, key)`, remembering where it is so
    /// that the holes before it are not walked again.
    pub fn first_entry(&mut self) -> Option<(i64, Value)> {
        let pos = self.live_from(self.head)?;
        self.head = pos;
        let e = &self.entries[pos];
        Some((e.hash, e.key.clone()))
    }

    /// The last live entry as `(hash, key)`.
    pub fn last_entry(&self) -> Option<(i64, Value)> {
        let pos = self.live_before(self.entries.len())?;
        let e = &self.entries[pos];
        Some((e.hash, e.key.clone()))
    }

    /// The position of the last live entry (`None` when empty).
    pub fn last_position(&self) -> Option<usize> {
        self.live_before(self.entries.len())
    }

    /// Slots of the index table (CPython's `dk_size`, the length of an
    /// `OrderedDict`'s node array).
    pub fn index_slots(&self) -> usize {
        self.indices.len()
    }

    /// Moves the entry of `key` (found as [`Dict::position_of`] finds it)
    /// to the back, or the front when `last` is false. `false` if absent.
    pub fn move_entry(&mut self, key: &Value, hash: i64, last: bool) -> bool {
        if self.set_mode {
            return false;
        }
        let Ok(slot) = self.find(key, hash) else {
            return false;
        };
        let ix = self.indices[slot] as usize;
        self.bump();
        let moved = Entry {
            hash,
            key: std::mem::take(&mut self.entries[ix].key),
            value: std::mem::take(&mut self.entries[ix].value),
        };
        if last {
            // The index slot stays the key's: no slot is used up, so the
            // probe invariant (`appended`) is unchanged.
            self.indices[slot] = self.entries.len() as u32;
            self.entries.push(moved);
            if self.entries.len() > 2 * self.used + 8 {
                // Holes left by repeated moves are dropped, as a resize would.
                self.grow();
            }
        } else {
            self.entries.insert(0, moved);
            self.grow();
        }
        true
    }
}
