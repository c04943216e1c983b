//! `_heapq`: CPython's `Modules/_heapqmodule.c`, the heap algorithms on a
//! list. Items are compared with `<`, which may run Python code: the list is
//! never borrowed across a comparison, and a size change during one is
//! CPython's `RuntimeError`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::positional;
use crate::ops::CmpOp;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

super::module_functions!(HEAPQ_FUNCTIONS, "_heapq", [
    "heappush" => heappush, "heappop" => heappop, "heapify" => heapify,
    "heapreplace" => heapreplace, "heappushpop" => heappushpop,
    "_heappop_max" => heappop_max, "_heapify_max" => heapify_max,
    "_heapreplace_max" => heapreplace_max,
]);

/// Builds the `_heapq` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module(
        "_heapq",
        HEAPQ_FUNCTIONS,
        vec![("__about__", Value::str("Heap queues"))],
    )
}

type List = Rc<RefCell<Vec<Value>>>;

fn heap_arg(v: &Value, fname: &str) -> PyResult<List> {
    match v {
        Value::List(l) => Ok(l.clone()),
        other => match crate::instance::payload_of(other) {
            Some(Value::List(l)) => Ok(l.clone()),
            _ => Err(PyErr::type_error(format!(
                "{}() argument 1 must be list, not {}",
                fname,
                crate::types::type_name(other)
            ))),
        },
    }
}

fn changed() -> PyErr {
    PyErr::new(ExcKind::RuntimeError, "list changed size during iteration")
}

fn item(l: &List, i: usize) -> PyResult<Value> {
    l.borrow().get(i).cloned().ok_or_else(changed)
}

/// `a < b` (or `b < a` for the max-heap variants), checking that the heap
/// kept its size.
fn less(vm: &mut Vm, l: &List, size: usize, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    let r = if max {
        vm.compare_bool(CmpOp::Lt, b, a)?
    } else {
        vm.compare_bool(CmpOp::Lt, a, b)?
    };
    if l.borrow().len() != size {
        return Err(changed());
    }
    Ok(r)
}

fn swap(l: &List, i: usize, j: usize) -> PyResult<()> {
    let mut v = l.borrow_mut();
    if i >= v.len() || j >= v.len() {
        return Err(changed());
    }
    v.swap(i, j);
    Ok(())
}

fn sift_down(vm: &mut Vm, l: &List, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = l.borrow().len();
    if pos >= size {
        return Err(PyErr::index_error("index out of range"));
    }
    while pos > start {
        let parent = (pos - 1) >> 1;
        let new = item(l, pos)?;
        let par = item(l, parent)?;
        if !less(vm, l, size, &new, &par, max)? {
            break;
        }
        swap(l, parent, pos)?;
        pos = parent;
    }
    Ok(())
}

fn sift_up(vm: &mut Vm, l: &List, mut pos: usize, max: bool) -> PyResult<()> {
    let end = l.borrow().len();
    let start = pos;
    if pos >= end {
        return Err(PyErr::index_error("index out of range"));
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let a = item(l, child)?;
            let b = item(l, child + 1)?;
            if !less(vm, l, end, &a, &b, max)? {
                child += 1;
            }
        }
        swap(l, child, pos)?;
        pos = child;
    }
    sift_down(vm, l, start, pos, max)
}

fn heappush(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "heappush", 2, 2)?;
    let l = heap_arg(&args[0], "heappush")?;
    let pos = {
        let mut v = l.borrow_mut();
        v.push(args[1].clone());
        v.len() - 1
    };
    sift_down(vm, &l, 0, pos, false)?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, a: &Args<'_>, name: &str, max: bool) -> PyResult<Value> {
    let args = positional(a, name, 1, 1)?;
    let l = heap_arg(&args[0], name)?;
    let (last, empty) = {
        let mut v = l.borrow_mut();
        let last = v
            .pop()
            .ok_or_else(|| PyErr::index_error("index out of range"))?;
        (last, v.is_empty())
    };
    if empty {
        return Ok(last);
    }
    let top = std::mem::replace(&mut l.borrow_mut()[0], last);
    sift_up(vm, &l, 0, max)?;
    Ok(top)
}

fn heappop(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    pop(vm, &a, "heappop", false)
}

fn heappop_max(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    pop(vm, &a, "_heappop_max", true)
}

fn replace(vm: &mut Vm, a: &Args<'_>, name: &str, max: bool) -> PyResult<Value> {
    let args = positional(a, name, 2, 2)?;
    let l = heap_arg(&args[0], name)?;
    let top = {
        let mut v = l.borrow_mut();
        match v.first_mut() {
            Some(slot) => std::mem::replace(slot, args[1].clone()),
            None => return Err(PyErr::index_error("index out of range")),
        }
    };
    sift_up(vm, &l, 0, max)?;
    Ok(top)
}

fn heapreplace(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    replace(vm, &a, "heapreplace", false)
}

fn heapreplace_max(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    replace(vm, &a, "_heapreplace_max", true)
}

fn heappushpop(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "heappushpop", 2, 2)?;
    let l = heap_arg(&args[0], "heappushpop")?;
    let Some(top) = l.borrow().first().cloned() else {
        return Ok(args[1].clone());
    };
    // Unlike the sifts, this comparison does not check the heap's size: a
    // heap the comparison emptied is an `IndexError` below, as in CPython.
    if !vm.compare_bool(CmpOp::Lt, &top, &args[1])? {
        return Ok(args[1].clone());
    }
    let old = {
        let mut v = l.borrow_mut();
        match v.first_mut() {
            Some(slot) => std::mem::replace(slot, args[1].clone()),
            None => return Err(PyErr::index_error("index out of range")),
        }
    };
    sift_up(vm, &l, 0, false)?;
    Ok(old)
}

fn heapify_impl(vm: &mut Vm, a: &Args<'_>, name: &str, max: bool) -> PyResult<Value> {
    let args = positional(a, name, 1, 1)?;
    let l = heap_arg(&args[0], name)?;
    let n = l.borrow().len();
    let mut i = n / 2;
    while i > 0 {
        i -= 1;
        sift_up(vm, &l, i, max)?;
    }
    Ok(Value::None)
}

fn heapify(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    heapify_impl(vm, &a, "heapify", false)
}

fn heapify_max(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    heapify_impl(vm, &a, "_heapify_max", true)
}
