//! Dict and set keys whose class defines `__hash__` or `__eq__` in Python.
//!
//! The hash table itself compares keys without the VM (builtin equality, else
//! identity). For such keys the VM computes the Python hash, compares the stored
//! keys with that hash through `__eq__` (with no borrow of the table held, so
//! `__eq__` may touch it), and then operates on the table with the equal stored
//! key, which the table finds by identity.

use std::cell::RefCell;
use std::rc::Rc;

use crate::class::special;
use crate::dict::Dict;
use crate::exc::PyResult;
use crate::names::D;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// The Python hash of `key` when finding it takes Python-level
    /// equality: its class defines `__hash__` or `__eq__` or subclasses a
    /// builtin, or the table holds such a key (`object_keys`), which a
    /// plain key may equal.
    fn user_hash(&mut self, key: &Value, object_keys: bool) -> PyResult<Option<i64>> {
        if object_keys || crate::dict::tuple_with_objects(key) {
            return self.hash_of(key).map(Some);
        }
        let Value::Instance(i) = key else {
            return Ok(None);
        };
        let t = i.class();
        if i.payload().is_none() && special(&t, D::Hash).is_none() && special(&t, D::Eq).is_none() {
            return Ok(None);
        }
        self.hash_of(key).map(Some)
    }

    /// The stored key equal to `key` among `cands`, else `key` itself.
    fn match_key(&mut self, cands: Vec<Value>, key: &Value) -> PyResult<Value> {
        for c in cands {
            if self.eq_values(&c, key)? {
                return Ok(c);
            }
        }
        Ok(key.clone())
    }

    /// `d[key]` with Python-level hashing; `Ok(None)` if absent.
    pub fn map_get(&mut self, d: &Rc<RefCell<Dict>>, key: &Value) -> PyResult<Option<Value>> {
        let object_keys = d.borrow().has_object_keys();
        match self.user_hash(key, object_keys)? {
            None => Ok(d.borrow().get(key)?.cloned()),
            Some(h) => {
                let cands = d.borrow().keys_with_hash(h);
                let k = self.match_key(cands, key)?;
                Ok(d.borrow().get_hashed(&k, h).cloned())
            }
        }
    }

    /// `d[key] = value` with Python-level hashing.
    pub fn map_insert(&mut self, d: &Rc<RefCell<Dict>>, key: Value, value: Value) -> PyResult<()> {
        let object_keys = d.borrow().has_object_keys();
        match self.user_hash(&key, object_keys)? {
            None => d.borrow_mut().insert(key, value),
            Some(h) => {
                let cands = d.borrow().keys_with_hash(h);
                let k = self.match_key(cands, &key)?;
                d.borrow_mut().insert_hashed(k, h, value);
                Ok(())
            }
        }
    }

    /// Inserts into a table not yet shared (`BUILD_SET`, `BUILD_MAP`).
    pub fn local_insert(&mut self, d: &mut Dict, key: Value, value: Value) -> PyResult<()> {
        match self.user_hash(&key, d.has_object_keys())? {
            None => d.insert(key, value),
            Some(h) => {
                let cands = d.keys_with_hash(h);
                let k = self.match_key(cands, &key)?;
                d.insert_hashed(k, h, value);
                Ok(())
            }
        }
    }

    /// `d[key] = value` for a key whose hash is already known (an entry of
    /// another dict): `__hash__` is not called again, as `insertdict` with
    /// the stored hash in CPython's `dict_merge`.
    pub fn map_insert_known_hash(
        &mut self,
        d: &Rc<RefCell<Dict>>,
        key: Value,
        hash: i64,
        value: Value,
    ) -> PyResult<()> {
        let k = self.key_with_hash(d, key, hash)?;
        d.borrow_mut().insert_hashed(k, hash, value);
        Ok(())
    }

    /// [`Vm::map_insert_known_hash`] into a table not yet shared.
    pub fn local_insert_known_hash(
        &mut self,
        d: &mut Dict,
        key: Value,
        hash: i64,
        value: Value,
    ) -> PyResult<()> {
        let k = if d.has_object_keys() || crate::dict::compares_in_python(&key) {
            let cands = d.keys_with_hash(hash);
            self.match_key(cands, &key)?
        } else {
            key
        };
        d.insert_hashed(k, hash, value);
        Ok(())
    }

    /// The key `d` files `key` under, its hash being known: an equal key of
    /// `d` when equality may run Python code (found with no borrow held),
    /// else `key` itself.
    fn key_with_hash(&mut self, d: &Rc<RefCell<Dict>>, key: Value, hash: i64) -> PyResult<Value> {
        if d.borrow().has_object_keys() || crate::dict::compares_in_python(&key) {
            let cands = d.borrow().keys_with_hash(hash);
            self.match_key(cands, &key)
        } else {
            Ok(key)
        }
    }

    /// `d[key]` for a key whose hash is already known (an entry of another
    /// table), as `_PyDict_Contains_KnownHash` and `set_contains_entry`.
    pub fn map_get_known_hash(
        &mut self,
        d: &Rc<RefCell<Dict>>,
        key: &Value,
        hash: i64,
    ) -> PyResult<Option<Value>> {
        let k = self.key_with_hash(d, key.clone(), hash)?;
        Ok(d.borrow().get_hashed(&k, hash).cloned())
    }

    /// `del d[key]` for a key whose hash is already known: the removed
    /// value, if present (`set_discard_entry`).
    pub fn map_remove_known_hash(
        &mut self,
        d: &Rc<RefCell<Dict>>,
        key: &Value,
        hash: i64,
    ) -> PyResult<Option<Value>> {
        let k = self.key_with_hash(d, key.clone(), hash)?;
        Ok(d.borrow_mut().remove_hashed(&k, hash))
    }

    /// `d.setdefault(key, dflt)`: the key is hashed, and compared with each
    /// stored key of that hash, once (bpo-13521).
    pub fn map_setdefault(
        &mut self,
        d: &Rc<RefCell<Dict>>,
        key: &Value,
        dflt: Value,
    ) -> PyResult<Value> {
        let object_keys = d.borrow().has_object_keys();
        let (k, h) = match self.user_hash(key, object_keys)? {
            None => (key.clone(), crate::dict::hash_value(key)?),
            Some(h) => {
                let cands = d.borrow().keys_with_hash(h);
                (self.match_key(cands, key)?, h)
            }
        };
        if let Some(v) = d.borrow().get_hashed(&k, h) {
            return Ok(v.clone());
        }
        d.borrow_mut().insert_hashed(k, h, dflt.clone());
        Ok(dflt)
    }

    /// CPython's `dict_merge` of a dict's entries into `target`: stored
    /// hashes are reused, and a source that changes size while a key's
    /// `__eq__` runs is an error rather than a stale copy.
    pub fn dict_merge_entries(
        &mut self,
        target: &Rc<RefCell<Dict>>,
        src: &Rc<RefCell<Dict>>,
    ) -> PyResult<()> {
        let (items, n): (Vec<(i64, Value, Value)>, usize) = {
            let s = src.borrow();
            (
                s.iter_entries()
                    .map(|(h, k, v)| (h, k.clone(), v.clone()))
                    .collect(),
                s.len(),
            )
        };
        for (h, k, v) in items {
            self.map_insert_known_hash(target, k, h, v)?;
            if src.borrow().len() != n {
                return Err(crate::exc::PyErr::new(
                    crate::types::ExcKind::RuntimeError,
                    "dict mutated during update",
                ));
            }
        }
        Ok(())
    }

    /// `del d[key]` with Python-level hashing: the removed value, if present.
    pub fn map_remove(&mut self, d: &Rc<RefCell<Dict>>, key: &Value) -> PyResult<Option<Value>> {
        let object_keys = d.borrow().has_object_keys();
        match self.user_hash(key, object_keys)? {
            None => d.borrow_mut().remove(key),
            Some(h) => {
                let cands = d.borrow().keys_with_hash(h);
                let k = self.match_key(cands, key)?;
                Ok(d.borrow_mut().remove_hashed(&k, h))
            }
        }
    }
}
