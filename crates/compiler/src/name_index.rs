//! Position lookup for the compiler's insertion-ordered name lists (a code
//! unit's `co_names`/`co_varnames`/cells/frees, a scope's symbols).
//!
//! Most lists are short (a function's locals, the globals it reads): scanning
//! a dozen names is cheaper than hashing the looked-up name. So a list is
//! scanned while it is short, and indexed by a hash table once it grows past
//! [`LINEAR_MAX`] names. The table holds positions in the list (with each
//! name's hash), not copies of the names: the list is their one home.
//!
//! The scan reads a [`tag`] per name, kept inline in the index, instead of
//! the names: each name is a separate heap string, and reading their first
//! bytes was a cache miss per name scanned. Names of up to seven bytes are
//! told apart by their tags alone.

use smallvec::SmallVec;

use crate::fxhash::{self, tail_word};

/// Longest list searched by scanning.
const LINEAR_MAX: usize = 12;

/// The index of one list of distinct names; the list itself is the caller's.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameIndex {
    /// The tag of each name while the list is short enough to scan.
    tags: SmallVec<[u64; LINEAR_MAX]>,
    /// Once the list is longer than [`LINEAR_MAX`]: an open-addressing hash
    /// table (linear probing, at most half full, a power of two long) of
    /// the list's positions.
    slots: Vec<Slot>,
}

/// One entry of [`NameIndex::slots`].
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// The name's [`hash`].
    hash: u32,
    /// The name's position in the list plus one; 0 marks an empty slot.
    position: u32,
}

/// The hash of a name for [`NameIndex::slots`]: the high half of its
/// `FxHasher` hash, where the multiplications leave the best-mixed bits.
#[inline]
fn hash(name: &str) -> u32 {
    (fxhash::hash_bytes(name.as_bytes()) >> 32) as u32
}

/// A name's length (in the low byte) and its first seven bytes: equal tags
/// mean equal names when the names are at most seven bytes long.
#[inline]
fn tag(name: &str) -> u64 {
    let bytes = name.as_bytes();
    let len = bytes.len().min(0xff) as u64;
    // The first eight bytes as one little-endian word, shifted up a byte to
    // make room for the length (the eighth byte falls off the top).
    let head = match bytes.first_chunk::<8>() {
        Some(first) => u64::from_le_bytes(*first),
        None => tail_word(bytes),
    };
    head << 8 | len
}

impl NameIndex {
    /// Position of `name` in `list`, whose names `key` reads.
    #[inline]
    pub fn get<T>(&self, list: &[T], key: impl Fn(&T) -> &str, name: &str) -> Option<usize> {
        if list.len() <= LINEAR_MAX {
            let wanted = tag(name);
            let short = name.len() <= 7;
            self.tags
                .iter()
                .zip(list)
                .position(|(&t, n)| t == wanted && (short || key(n) == name))
        } else {
            let wanted = hash(name);
            let mask = self.slots.len().wrapping_sub(1);
            let mut i = wanted as usize & mask;
            loop {
                let slot = *self.slots.get(i)?;
                let position = slot.position.checked_sub(1)? as usize;
                if slot.hash == wanted && list.get(position).is_some_and(|n| key(n) == name) {
                    return Some(position);
                }
                i = (i + 1) & mask;
            }
        }
    }

    /// Records `position`, whose name hashes to `hash`, in [`Self::slots`],
    /// which has an empty slot.
    fn insert(&mut self, hash: u32, position: usize) {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        while self.slots[i].position != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = Slot {
            hash,
            position: position as u32 + 1,
        };
    }

    /// Rebuilds [`Self::slots`] with room for `len` names at most half
    /// full, from the hashes kept in the slots or, at the switch from
    /// scanning, from the names themselves.
    fn rehash<T>(&mut self, list: &[T], key: impl Fn(&T) -> &str, len: usize) {
        let old = std::mem::replace(
            &mut self.slots,
            vec![Slot::default(); (2 * len).next_power_of_two()],
        );
        if old.is_empty() {
            for (i, n) in list.iter().enumerate() {
                self.insert(hash(key(n)), i);
            }
        } else {
            for slot in old.into_iter().filter(|s| s.position != 0) {
                self.insert(slot.hash, slot.position as usize - 1);
            }
        }
    }

    /// Records the name just appended to `list` (names are never removed).
    #[inline]
    pub fn pushed<T>(&mut self, list: &[T], key: impl Fn(&T) -> &str) {
        let len = list.len();
        let Some(n) = list.last() else { return };
        if len <= LINEAR_MAX {
            self.tags.push(tag(key(n)));
            return;
        }
        if 2 * len > self.slots.len() {
            // The list outgrew scanning, or the table its room: (re)index
            // everything before the new name.
            self.rehash(&list[..len - 1], &key, 2 * len);
        }
        self.insert(hash(key(n)), len - 1);
    }

    /// An index of all of `list`.
    pub fn of<T>(list: &[T], key: impl Fn(&T) -> &str) -> Self {
        let mut index = NameIndex::default();
        if list.len() <= LINEAR_MAX {
            index.tags = list.iter().map(|n| tag(key(n))).collect();
        } else {
            index.rehash(list, key, list.len());
        }
        index
    }
}

#[cfg(test)]
mod tests {
    use super::NameIndex;

    #[allow(clippy::borrowed_box)]
    fn key(n: &Box<str>) -> &str {
        n
    }

    #[test]
    fn finds_names_before_and_after_the_switch_to_hashing() {
        let mut list: Vec<Box<str>> = Vec::new();
        let mut index = NameIndex::default();
        for i in 0..40 {
            let name = format!("n{i}");
            assert_eq!(index.get(&list, key, &name), None);
            list.push(name.into());
            index.pushed(&list, key);
            for j in 0..=i {
                assert_eq!(index.get(&list, key, &format!("n{j}")), Some(j));
            }
        }
        let rebuilt = NameIndex::of(&list, key);
        assert_eq!(rebuilt.get(&list, key, "n39"), Some(39));
        assert_eq!(rebuilt.get(&list, key, "x"), None);
    }

    #[test]
    fn tags_hold_the_length_and_the_first_seven_bytes() {
        let name = "abcdefghij";
        for len in 0..=name.len() {
            let mut want = len as u64;
            for (i, b) in name.bytes().take(len.min(7)).enumerate() {
                want |= u64::from(b) << (8 * (i + 1));
            }
            assert_eq!(super::tag(&name[..len]), want, "{len}");
        }
    }

    #[test]
    fn long_names_with_equal_tags_are_told_apart() {
        let list: Vec<Box<str>> = vec!["attribute_a".into(), "attribute_b".into(), "attr".into()];
        let index = NameIndex::of(&list, key);
        assert_eq!(index.get(&list, key, "attribute_b"), Some(1));
        assert_eq!(index.get(&list, key, "attribute_c"), None);
        assert_eq!(index.get(&list, key, "attr"), Some(2));
        assert_eq!(index.get(&list, key, "att"), None);
    }
}
