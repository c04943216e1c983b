//! Methods of code objects: `co_lines()` and `co_positions()` (what `dis`
//! reads to map instructions to source), decoded from `co_linetable` by
//! `pith-bytecode`.

use std::rc::Rc;

use crate::code::Code;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::value::Value;
use crate::vm::Vm;

static CO_LINES: BuiltinDef = BuiltinDef {
    name: "co_lines",
    func: co_lines,
    owner: "code",
    is_method: true,
};
static VARNAME_FROM_OPARG: BuiltinDef = BuiltinDef {
    name: "_varname_from_oparg",
    func: varname_from_oparg,
    owner: "code",
    is_method: true,
};
static CO_POSITIONS: BuiltinDef = BuiltinDef {
    name: "co_positions",
    func: co_positions,
    owner: "code",
    is_method: true,
};

/// The bound method `name` of the code object `c`, if code objects have it.
pub(crate) fn method(c: &Rc<Code>, name: &str) -> Option<Value> {
    let def = match name {
        "co_lines" => &CO_LINES,
        "co_positions" => &CO_POSITIONS,
        "_varname_from_oparg" => &VARNAME_FROM_OPARG,
        _ => return None,
    };
    Some(Value::BoundBuiltin(Rc::new((Value::Code(c.clone()), def))))
}

fn receiver<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Rc<Code>> {
    a.no_kw(name)?;
    match a.pos {
        [Value::Code(c)] => Ok(c),
        [_] => Err(PyErr::type_error(format!(
            "descriptor '{name}' requires a 'code' object"
        ))),
        _ => Err(PyErr::type_error(format!(
            "code.{name}() takes no arguments ({} given)",
            a.pos.len().saturating_sub(1)
        ))),
    }
}

fn opt(v: Option<i32>) -> Value {
    v.map_or(Value::None, |n| Value::Int(i64::from(n)))
}

fn co_lines(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = receiver(&a, "co_lines")?;
    let items = c
        .raw
        .lines()
        .into_iter()
        .map(|r| {
            Value::tuple(vec![
                Value::Int(i64::from(r.start)),
                Value::Int(i64::from(r.end)),
                opt(r.line),
            ])
        })
        .collect();
    vm.get_iter(&Value::list(items))
}

fn co_positions(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = receiver(&a, "co_positions")?;
    let items = c
        .raw
        .positions()
        .into_iter()
        .map(|(l, el, col, ecol)| Value::tuple(vec![opt(l), opt(el), opt(col), opt(ecol)]))
        .collect();
    vm.get_iter(&Value::list(items))
}

/// `code._varname_from_oparg(i)`: the name of local-plus slot `i` (`dis`).
fn varname_from_oparg(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("_varname_from_oparg")?;
    let (Some(Value::Code(c)), Some(Value::Int(i))) = (a.pos.first(), a.pos.get(1)) else {
        return Err(PyErr::type_error(
            "_varname_from_oparg() expects a code object and an int",
        ));
    };
    usize::try_from(*i)
        .ok()
        .and_then(|i| c.localsplus.get(i))
        .map(|n| Value::Str(n.clone()))
        .ok_or_else(|| PyErr::index_error("tuple index out of range"))
}
