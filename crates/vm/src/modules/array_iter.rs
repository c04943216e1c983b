//! `array.arrayiterator` (`Modules/arraymodule.c`'s `arrayiterobject`): a live
//! iterator that reads the array as it is at each step, holds the array
//! object while it runs, and lets it go once exhausted.

use std::cell::RefCell;
use std::rc::Rc;

use super::array::Array;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    borrow, class_of, iter_self, native_methods, new_object, positional, receiver, rest, stop,
    ClassSpec, SpecFlags,
};
use crate::types::TypeKind;
use crate::value::Value;
use crate::vm::Vm;

/// The iterator's state.
pub(super) struct ArrayIter {
    /// The array's items and the array object, until exhaustion drops both.
    array: Option<(Rc<RefCell<Array>>, Value)>,
    /// Index of the next item.
    index: usize,
}

native_methods!(ARRAY_ITER_M, "array.arrayiterator", [
    "__iter__" => iter_self, "__next__" => next, "__reduce__" => reduce,
    "__setstate__" => setstate,
]);
static ARRAY_ITER: ClassSpec = ClassSpec {
    name: "arrayiterator",
    module: "array",
    base: TypeKind::Object,
    methods: ARRAY_ITER_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

/// `iter(array)`: an iterator over `items`, the state of the array object `owner`.
pub(super) fn new_iter(vm: &mut Vm, items: Rc<RefCell<Array>>, owner: Value) -> Value {
    let cls = class_of(vm, &ARRAY_ITER);
    new_object(
        &cls,
        ArrayIter {
            array: Some((items, owner)),
            index: 0,
        },
    )
}

fn me(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<ArrayIter>>> {
    receiver::<ArrayIter>(a, "array.arrayiterator", name)
}

fn next(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__next__")?;
    let mut it = borrow(&st)?;
    let Some((items, _)) = &it.array else {
        return Err(stop());
    };
    let item = {
        let arr = borrow(items)?;
        (it.index < arr.len()).then(|| arr.get(it.index))
    };
    match item {
        Some(v) => {
            it.index += 1;
            Ok(v)
        }
        None => {
            // Exhausted: the array goes, after the borrow ends (its
            // `__del__` may call this iterator).
            let gone = it.array.take();
            drop(it);
            drop(gone);
            Err(stop())
        }
    }
}

/// `(iter, (array,), index)`, or `(iter, ((),))` once exhausted.
fn reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__reduce__")?;
    positional(&rest(&a), "__reduce__", 0, 0)?;
    let iter_f = crate::import::builtin_looked_up(vm, "iter")?;
    let it = borrow(&st)?;
    Ok(match &it.array {
        Some((_, owner)) => Value::tuple(vec![
            iter_f,
            Value::tuple(vec![owner.clone()]),
            Value::Int(it.index as i64),
        ]),
        None => Value::tuple(vec![iter_f, Value::tuple(vec![Value::tuple(Vec::new())])]),
    })
}

/// `__setstate__(index)`, clamped to the array's items. An exhausted
/// iterator stays exhausted (CPython 3.11 crashes there instead).
fn setstate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__setstate__")?;
    let [state] = positional(&rest(&a), "__setstate__", 1, 1)? else {
        return Err(PyErr::type_error("__setstate__ expected 1 argument"));
    };
    let index = usize::try_from(vm.index_value(state)?.max(0)).unwrap_or(0);
    let mut it = borrow(&st)?;
    let len = match &it.array {
        Some((items, _)) => borrow(items)?.len(),
        None => return Ok(Value::None),
    };
    it.index = index.min(len);
    Ok(Value::None)
}
