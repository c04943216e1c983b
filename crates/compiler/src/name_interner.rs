//! One shared string per distinct name of a module.
//!
//! CPython interns every identifier, so all the code objects of a module
//! share their name strings. Here the symbol table and the code generator
//! hold each name as one reference-counted string for the whole module: a
//! name entering a scope's symbols, a code unit's `co_names` or its locals
//! costs a reference count rather than an allocation and a copy, and the
//! code objects take those same strings over.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use hashbrown::HashTable;
use pith_bytecode::PyStr;

use crate::name_index::hash_name;

/// An interned name (always valid UTF-8: names come from source text),
/// compared, ordered and hashed by its text.
#[derive(Clone)]
pub(crate) struct Name(Arc<PyStr>);

impl Name {
    /// The string object a code object holds.
    pub fn into_shared(self) -> Arc<PyStr> {
        self.0
    }
}

impl PartialEq for Name {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || **self == **other
    }
}

impl Eq for Name {}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (**self).cmp(&**other)
    }
}

impl Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        // Built from `&str` only (see `NameInterner::intern`).
        self.0.as_str().unwrap_or_default()
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        &**self == other
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

/// The names of one module compile, each made once.
#[derive(Default)]
pub(crate) struct NameInterner {
    table: HashTable<Name>,
}

impl NameInterner {
    /// The module's string for `text`, made on first use.
    pub fn intern(&mut self, text: &str) -> Name {
        let hash = hash_name(text);
        if let Some(name) = self.table.find(hash, |n| **n == *text) {
            return name.clone();
        }
        let name = Name(Arc::new(PyStr::new(text, true)));
        self.table
            .insert_unique(hash, name.clone(), |n| hash_name(n));
        name
    }
}

impl fmt::Debug for NameInterner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NameInterner({} names)", self.table.len())
    }
}

#[cfg(test)]
mod tests {
    use super::NameInterner;
    use std::sync::Arc;

    #[test]
    fn equal_text_gives_the_same_string() {
        let mut names = NameInterner::default();
        let a = names.intern("spam");
        let b = names.intern(&String::from("spam"));
        let c = names.intern("eggs");
        assert!(Arc::ptr_eq(&a.clone().into_shared(), &b.into_shared()));
        assert_eq!(&*a, "spam");
        assert_ne!(a, c);
        assert!(a.into_shared().is_interned());
    }
}
