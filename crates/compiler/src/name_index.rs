//! Position lookup for the compiler's insertion-ordered name lists (a code
//! unit's `co_names`/`co_varnames`/cells/frees, a scope's symbols).
//!
//! Most lists are short (a function's locals, the globals it reads): scanning
//! a dozen names is cheaper than hashing the looked-up name. So a list is
//! scanned while it is short, and indexed by a hash table once it grows past
//! [`LINEAR_MAX`] names. The table holds positions in the list, hashed by the
//! names they point at, so indexing a name copies nothing.

use std::hash::Hasher;

use hashbrown::HashTable;

use crate::fxhash::FxHasher;

/// Longest list searched by scanning.
const LINEAR_MAX: usize = 12;

/// The index of one list of distinct names; the list itself is the caller's.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameIndex {
    /// Positions in the list, kept only once it is longer than [`LINEAR_MAX`].
    table: HashTable<u32>,
}

/// The hash of a name in every index (and in the module's name interner).
#[inline]
pub(crate) fn hash_name(name: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(name.as_bytes());
    h.finish()
}

impl NameIndex {
    /// Position of `name` in `list`, whose names `key` reads.
    #[inline]
    pub fn get<T>(&self, list: &[T], key: impl Fn(&T) -> &str, name: &str) -> Option<usize> {
        if list.len() <= LINEAR_MAX {
            // Length and first byte first: most names of a list differ
            // there, and the comparison of the rest is a `memcmp` call.
            let wanted = name.as_bytes();
            list.iter().position(|n| {
                let k = key(n).as_bytes();
                k.len() == wanted.len() && k.first() == wanted.first() && k == wanted
            })
        } else {
            self.table
                .find(hash_name(name), |&i| key(&list[i as usize]) == name)
                .map(|&i| i as usize)
        }
    }

    /// Records the name just appended to `list` (names are never removed).
    #[inline]
    pub fn pushed<T>(&mut self, list: &[T], key: impl Fn(&T) -> &str) {
        let len = list.len();
        if len <= LINEAR_MAX {
            return;
        }
        if len == LINEAR_MAX + 1 {
            // The list outgrew scanning: index everything so far.
            self.table
                .reserve(2 * len, |&i| hash_name(key(&list[i as usize])));
            for i in 0..len {
                self.insert(list, &key, i);
            }
        } else {
            self.insert(list, &key, len - 1);
        }
    }

    fn insert<T>(&mut self, list: &[T], key: &impl Fn(&T) -> &str, i: usize) {
        self.table
            .insert_unique(hash_name(key(&list[i])), i as u32, |&j| {
                hash_name(key(&list[j as usize]))
            });
    }

    /// An index of all of `list`.
    pub fn of<T>(list: &[T], key: impl Fn(&T) -> &str) -> Self {
        let mut index = NameIndex::default();
        if list.len() > LINEAR_MAX {
            index
                .table
                .reserve(list.len(), |&i| hash_name(key(&list[i as usize])));
            for i in 0..list.len() {
                index.insert(list, &key, i);
            }
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
}
