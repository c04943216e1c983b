//! Position lookup for the compiler's insertion-ordered name lists (a code
//! unit's `co_names`/`co_varnames`/cells/frees, a scope's symbols).
//!
//! Most lists are short (a function's locals, the globals it reads): scanning
//! a dozen names is cheaper than hashing the looked-up name, and building a
//! hash map for every list costs an allocation and a copy of each name. So a
//! list is scanned while it is short, and indexed by a hash map once it grows
//! past [`LINEAR_MAX`] names.

use crate::fxhash::FxHashMap;

/// Longest list searched by scanning.
const LINEAR_MAX: usize = 12;

/// The index of one list of distinct names; the list itself is the caller's.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameIndex {
    /// Name to position, kept only once the list is longer than [`LINEAR_MAX`].
    map: FxHashMap<Box<str>, u32>,
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
            self.map.get(name).map(|&i| i as usize)
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
            self.map.reserve(2 * len);
            for (i, n) in list.iter().enumerate() {
                self.map.insert(key(n).into(), i as u32);
            }
        } else if let Some(n) = list.last() {
            self.map.insert(key(n).into(), (len - 1) as u32);
        }
    }

    /// An index of all of `list`.
    pub fn of<T>(list: &[T], key: impl Fn(&T) -> &str) -> Self {
        let mut index = NameIndex::default();
        if list.len() > LINEAR_MAX {
            index.map.reserve(list.len());
            for (i, n) in list.iter().enumerate() {
                index.map.insert(key(n).into(), i as u32);
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
