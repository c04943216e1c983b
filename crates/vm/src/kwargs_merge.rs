//! `DICT_MERGE` with a mapping that is not a dict (`f(**mapping)`): its
//! `keys()` then `mapping[key]`, as `_PyDict_MergeEx(..., 2)`, with the
//! errors `format_kwargs_error` in ceval.c makes of what goes wrong.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::PyResult;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// Merges `m` into the keyword dict `target` of a call to `func`.
pub fn merge(vm: &mut Vm, target: &Rc<RefCell<Dict>>, m: &Value, func: &Value) -> PyResult<()> {
    match merge_items(vm, target, m) {
        Ok(None) => Ok(()),
        // Only the merge's own duplicate-key error is reworded: a `KeyError`
        // raised by the mapping's code goes through as it is.
        Ok(Some(key)) => Err(vm.repeated_keyword_error(func, &key)),
        Err(e) if e.is(ExcKind::AttributeError) => Err(vm.star_star_args_error(func, m)),
        Err(e) => Err(e),
    }
}

/// The merge; `Some(key)` when `key` is already in `target`.
fn merge_items(vm: &mut Vm, target: &Rc<RefCell<Dict>>, m: &Value) -> PyResult<Option<Value>> {
    let keys_name = vm.intern("keys");
    let keys_fn = vm.get_attr(m, &keys_name)?;
    let keys = vm.call(&keys_fn, &[])?;
    for k in vm.collect(&keys)? {
        if target.borrow().get(&k)?.is_some() {
            return Ok(Some(k));
        }
        let v = vm.getitem(m, &k)?;
        target.borrow_mut().insert(k, v)?;
    }
    Ok(None)
}
