//! `enumerate` (`Objects/enumobject.c`): its constructor's two argument
//! parsers and its count, which goes on past `sys.maxsize` as a big int.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::iter::IterObj;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

/// `enumerate(iterable, start=0)`. `exact` is a call of `enumerate` itself,
/// whose arguments CPython parses by hand (`enum_vectorcall`); a subclass is
/// made through `enum_new`'s Argument Clinic parser, whose messages differ.
pub(crate) fn new(vm: &mut Vm, a: Args<'_>, exact: bool) -> PyResult<Value> {
    let (iterable, start) = if exact {
        vectorcall_args(&a)?
    } else {
        clinic_args(&a)?
    };
    // `enum_new_impl` converts `start` before it asks for the iterator.
    let count = match start {
        Some(v) => index_int(vm, v)?,
        None => Value::Int(0),
    };
    let it = vm.get_iter(iterable)?;
    Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Enumerate {
        it,
        count,
    }))))
}

/// The count after `count`: an int one larger, big past `i64::MAX`.
pub(crate) fn next_count(count: &Value) -> Value {
    match count {
        Value::Int(i) => match i.checked_add(1) {
            Some(n) => Value::Int(n),
            None => Value::from_bigint(BigInt::from(*i) + 1),
        },
        Value::BigInt(b) => Value::from_bigint(&**b + 1),
        other => other.clone(),
    }
}

fn kw_name<'a>(a: &Args<'a>, i: usize) -> &'a str {
    match a.kwnames.get(i) {
        Some(Value::Str(s)) => s.as_str(),
        _ => "",
    }
}

/// `enum_vectorcall`'s `check_keyword`.
fn check_keyword(a: &Args<'_>, i: usize, name: &str) -> PyResult<()> {
    let kw = kw_name(a, i);
    if kw == name {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "'{kw}' is an invalid keyword argument for enumerate()"
        )))
    }
}

/// `enum_vectorcall`: `(iterable, start)` from the positional arguments
/// followed by the keyword values, the keywords checked by position.
fn vectorcall_args<'a>(a: &Args<'a>) -> PyResult<(&'a Value, Option<&'a Value>)> {
    let args: Vec<&'a Value> = a.pos.iter().chain(a.kwvals.iter()).collect();
    let (nargs, nkw) = (a.pos.len(), a.kwnames.len());
    match (args.as_slice(), nkw) {
        ([iterable, start], _) => {
            if nkw == 1 {
                check_keyword(a, 0, "start")?;
            } else if nkw == 2 {
                if kw_name(a, 0) == "start" {
                    check_keyword(a, 1, "iterable")?;
                    return Ok((start, Some(iterable)));
                }
                check_keyword(a, 0, "iterable")?;
                check_keyword(a, 1, "start")?;
            }
            Ok((iterable, Some(start)))
        }
        ([iterable], _) => {
            if nkw == 1 {
                check_keyword(a, 0, "iterable")?;
            }
            Ok((iterable, None))
        }
        _ if nargs == 0 => Err(PyErr::type_error(
            "enumerate() missing required argument 'iterable'",
        )),
        _ => Err(PyErr::type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            nargs + nkw
        ))),
    }
}

/// `enum_new`'s clinic parser (`_PyArg_UnpackKeywords` with
/// `iterable, start=0`).
fn clinic_args<'a>(a: &Args<'a>) -> PyResult<(&'a Value, Option<&'a Value>)> {
    const PARAMS: [&str; 2] = ["iterable", "start"];
    let (nargs, nkw) = (a.pos.len(), a.kwnames.len());
    if nargs + nkw > 2 {
        return Err(PyErr::type_error(format!(
            "enumerate() takes at most 2 {}arguments ({} given)",
            if nargs == 0 { "keyword " } else { "" },
            nargs + nkw
        )));
    }
    let param = |i: usize| a.pos.get(i).or_else(|| a.kw(PARAMS[i]));
    let iterable = param(0).ok_or_else(|| {
        PyErr::type_error("enumerate() missing required argument 'iterable' (pos 1)")
    })?;
    let start = param(1);
    // Keywords not consumed: a parameter already given by position, or a
    // name that is no parameter.
    for i in 0..nkw {
        let kw = kw_name(a, i);
        match PARAMS.iter().position(|p| *p == kw) {
            Some(p) if p < nargs => {
                return Err(PyErr::type_error(format!(
                    "argument for enumerate() given by name ('{kw}') and position ({})",
                    p + 1
                )))
            }
            Some(_) => {}
            None => {
                return Err(PyErr::type_error(format!(
                    "'{kw}' is an invalid keyword argument for enumerate()"
                )))
            }
        }
    }
    Ok((iterable, start))
}

/// `PyNumber_Index` as an int value (big ints kept whole): an int (or an
/// int subclass's number) as it is, else what `__index__` returns.
pub(crate) fn index_int(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let as_int = |v: &Value| match crate::instance::payload_of(v).unwrap_or(v) {
        x @ (Value::Int(_) | Value::BigInt(_)) => Some(x.clone()),
        Value::Bool(b) => Some(Value::Int(i64::from(*b))),
        _ => None,
    };
    if let Some(n) = as_int(v) {
        return Ok(n);
    }
    if crate::attr::is_heap_object(v) {
        if let Some(r) = vm.try_special(v, crate::names::D::Index, &[])? {
            vm.warn_index_subclass(&r)?;
            return as_int(&r).ok_or_else(|| {
                PyErr::type_error(format!(
                    "__index__ returned non-int (type {})",
                    type_name(&r)
                ))
            });
        }
    }
    Err(PyErr::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(v)
    )))
}
