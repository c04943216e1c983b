//! `_bisect`: CPython's `Modules/_bisectmodule.c`, binary search and
//! insertion in a sorted sequence (with `key=`), comparing with `<`.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::bind_args;
use crate::ops::CmpOp;
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

super::module_functions!(BISECT_FUNCTIONS, "_bisect", [
    "bisect_right" => bisect_right, "bisect_left" => bisect_left,
    "insort_right" => insort_right, "insort_left" => insort_left,
]);

/// Builds the `_bisect` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module("_bisect", BISECT_FUNCTIONS, Vec::new())
}

const PARAMS: &[&str] = &["a", "x", "lo", "hi", "key"];

struct Search {
    seq: Value,
    x: Value,
    lo: i64,
    hi: Option<i64>,
    key: Value,
}

fn parse(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<Search> {
    if a.pos.len() > 4 {
        return Err(PyErr::type_error(format!(
            "{}() takes at most 4 positional arguments ({} given)",
            name,
            a.pos.len()
        )));
    }
    let args = bind_args(a, name, PARAMS, 2)?;
    let lo = match args[2] {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    if lo < 0 {
        return Err(PyErr::value_error("lo must be non-negative"));
    }
    let hi = match args[3] {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.index_value(v)?),
    };
    Ok(Search {
        seq: args[0].cloned().unwrap_or(Value::None),
        x: args[1].cloned().unwrap_or(Value::None),
        lo,
        hi,
        key: args[4].cloned().unwrap_or(Value::None),
    })
}

/// The insertion point of `x` (already passed through `key` by the caller).
fn search(vm: &mut Vm, s: &Search, x: &Value, right: bool) -> PyResult<i64> {
    let mut lo = s.lo;
    let mut hi = match s.hi {
        Some(h) if h != -1 => h,
        _ => vm.len_of(&s.seq)? as i64,
    };
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut item = vm.getitem(&s.seq, &Value::Int(mid))?;
        if !matches!(s.key, Value::None) {
            item = vm.call(&s.key, &[item])?;
        }
        let go_left = if right {
            vm.compare_bool(CmpOp::Lt, x, &item)?
        } else {
            !vm.compare_bool(CmpOp::Lt, &item, x)?
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect_right(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = parse(vm, &a, "bisect_right")?;
    let x = s.x.clone();
    Ok(Value::Int(search(vm, &s, &x, true)?))
}

fn bisect_left(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = parse(vm, &a, "bisect_left")?;
    let x = s.x.clone();
    Ok(Value::Int(search(vm, &s, &x, false)?))
}

fn insort(vm: &mut Vm, a: &Args<'_>, name: &str, right: bool) -> PyResult<Value> {
    let s = parse(vm, a, name)?;
    let k = if matches!(s.key, Value::None) {
        s.x.clone()
    } else {
        vm.call(&s.key, std::slice::from_ref(&s.x))?
    };
    let i = search(vm, &s, &k, right)?;
    if let Value::List(l) = &s.seq {
        let mut l = l.borrow_mut();
        let at = usize::try_from(i).unwrap_or(0).min(l.len());
        l.insert(at, s.x.clone());
        return Ok(Value::None);
    }
    let insert = vm.intern("insert");
    let f = vm.get_attr(&s.seq, &insert)?;
    vm.call(&f, &[Value::Int(i), s.x.clone()])?;
    Ok(Value::None)
}

fn insort_right(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    insort(vm, &a, "insort_right", true)
}

fn insort_left(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    insort(vm, &a, "insort_left", false)
}
