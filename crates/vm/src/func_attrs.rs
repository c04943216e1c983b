//! Attributes set on Python functions (`f.calls = 0`, `f.cache = {}`): a
//! `__dict__` made on first use.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::PyResult;
use crate::func::Function;
use crate::value::{StrObj, Value};

/// `f.__dict__`, created if needed.
pub fn dict_of(f: &Function) -> Rc<RefCell<Dict>> {
    f.dict
        .borrow_mut()
        .get_or_insert_with(|| Rc::new(RefCell::new(Dict::new())))
        .clone()
}

/// `f.name` from the function's `__dict__`.
pub fn get(f: &Function, name: &Rc<StrObj>) -> Option<Value> {
    if name.as_str() == "__dict__" {
        return Some(Value::Dict(dict_of(f)));
    }
    let d = f.dict.borrow().clone()?;
    let v = d.borrow().get_str(name).cloned();
    v
}

/// `f.name = value`.
pub fn set(f: &Function, name: &Rc<StrObj>, value: Value) -> PyResult<()> {
    let d = dict_of(f);
    let h = name.hash();
    d.borrow_mut()
        .insert_hashed(Value::Str(name.clone()), h, value);
    Ok(())
}

/// `del f.name`: whether it was there.
pub fn delete(f: &Function, name: &Rc<StrObj>) -> PyResult<bool> {
    let Some(d) = f.dict.borrow().clone() else {
        return Ok(false);
    };
    let removed = d.borrow_mut().remove(&Value::Str(name.clone()))?;
    Ok(removed.is_some())
}
