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
