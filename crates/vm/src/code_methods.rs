//! Methods of code objects: `co_lines()` and `co_positions()` (what `dis`
//! reads to map instructions to source), decoded from `co_linetable` by
//! `pith-bytecode`.

use std::rc::Rc;

use crate::code::Code;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::types::ExcKind;
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
static REPLACE: BuiltinDef = BuiltinDef {
    name: "replace",
    func: replace,
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
        "replace" => &REPLACE,
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

/// `code.replace(**changes)`: a copy with the given `co_*` fields replaced
/// (`types.coroutine` sets `co_flags`). The new code is checked as a loaded
/// `.pyc` is, so an instruction that indexes outside a replaced table is a
/// `ValueError`, never a crash.
fn replace(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = match a.pos {
        [Value::Code(c)] => c,
        [_] => {
            return Err(PyErr::type_error(
                "descriptor 'replace' requires a 'code' object",
            ))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "replace() takes exactly 0 positional arguments ({} given)",
                a.pos.len().saturating_sub(1)
            )))
        }
    };
    let mut raw = (*c.raw).clone();
    let mut consts: Option<Vec<Value>> = None;
    let mut nlocals: Option<i64> = None;
    let mut varnames: Option<Vec<PyName>> = None;
    let mut cellvars: Option<Vec<PyName>> = None;
    let mut freevars: Option<Vec<PyName>> = None;
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        let key = match k {
            Value::Str(s) => s.as_str().to_string(),
            _ => String::new(),
        };
        let int = |vm: &mut Vm| -> PyResult<i64> {
            match v {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => vm.index_value(v),
                other => Err(PyErr::type_error(format!(
                    "replace() argument '{key}' must be int, not {}",
                    crate::types::type_name(other)
                ))),
            }
        };
        let u32_of = |n: i64| {
            u32::try_from(n).map_err(|_| PyErr::value_error("code: argcount must not be negative"))
        };
        let text = || -> PyResult<std::sync::Arc<pith_bytecode::PyStr>> {
            match v {
                Value::Str(s) => Ok(std::sync::Arc::new(pith_bytecode::PyStr::new(
                    s.as_str(),
                    false,
                ))),
                other => Err(PyErr::type_error(format!(
                    "replace() argument '{key}' must be str, not {}",
                    crate::types::type_name(other)
                ))),
            }
        };
        let bytes = || -> PyResult<Vec<u8>> {
            match v {
                Value::Bytes(b) => Ok(b.to_vec()),
                other => Err(PyErr::type_error(format!(
                    "replace() argument '{key}' must be bytes, not {}",
                    crate::types::type_name(other)
                ))),
            }
        };
        match key.as_str() {
            "co_argcount" => raw.argcount = u32_of(int(vm)?)?,
            "co_posonlyargcount" => raw.posonlyargcount = u32_of(int(vm)?)?,
            "co_kwonlyargcount" => raw.kwonlyargcount = u32_of(int(vm)?)?,
            "co_stacksize" => raw.stacksize = u32_of(int(vm)?)?,
            "co_flags" => {
                raw.flags = pith_bytecode::CodeFlags(
                    u32::try_from(int(vm)?)
                        .map_err(|_| PyErr::value_error("code: flags must not be negative"))?,
                )
            }
            "co_firstlineno" => {
                raw.firstlineno = i32::try_from(int(vm)?)
                    .map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?
            }
            "co_name" => raw.name = text()?,
            "co_qualname" => raw.qualname = text()?,
            "co_filename" => raw.filename = text()?,
            "co_code" => raw.code = bytes()?,
            "co_linetable" => raw.linetable = bytes()?,
            "co_exceptiontable" => raw.exceptiontable = bytes()?,
            "co_consts" => consts = Some(tuple_arg(v, &key)?.to_vec()),
            "co_names" => raw.names = name_tuple(v, &key)?,
            "co_varnames" => varnames = Some(name_tuple(v, &key)?),
            "co_cellvars" => cellvars = Some(name_tuple(v, &key)?),
            "co_freevars" => freevars = Some(name_tuple(v, &key)?),
            "co_nlocals" => nlocals = Some(int(vm)?),
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{key}' is an invalid keyword argument for replace()"
                )))
            }
        }
    }
    if varnames.is_some() || cellvars.is_some() || freevars.is_some() {
        let names = |old: Vec<&PyName>, new: Option<Vec<PyName>>| {
            new.unwrap_or_else(|| old.into_iter().cloned().collect())
        };
        let varnames = names(raw.varnames(), varnames);
        let cellvars = names(raw.cellvars(), cellvars);
        let freevars = names(raw.freevars(), freevars);
        (raw.localsplusnames, raw.localspluskinds) = localsplus(varnames, cellvars, freevars);
    }
    // `_PyCode_Validate`'s checks, in its order.
    let params = raw.argcount as usize
        + raw.kwonlyargcount as usize
        + usize::from(raw.flags.contains(pith_bytecode::CodeFlags::VARARGS))
        + usize::from(raw.flags.contains(pith_bytecode::CodeFlags::VARKEYWORDS));
    if raw.nlocals() < params {
        return Err(PyErr::value_error("code: co_varnames is too small"));
    }
    let nlocals = nlocals.unwrap_or(c.raw.nlocals() as i64);
    if usize::try_from(nlocals).ok() != Some(raw.nlocals()) {
        return Err(PyErr::value_error("code: co_nlocals != len(co_varnames)"));
    }
    // Constants a `.pyc` cannot hold stand as `None` in the raw table; the
    // code keeps the objects themselves.
    let mut opaque = false;
    if let Some(values) = &consts {
        raw.consts = values
            .iter()
            .map(|v| {
                crate::code::value_to_constant(v).unwrap_or_else(|| {
                    opaque = true;
                    pith_bytecode::Constant::None
                })
            })
            .collect();
    }
    let mut code = crate::code::Code::load(std::sync::Arc::new(raw))
        .map_err(|e| PyErr::value_error(e.to_string()))?;
    if let (Some(values), true) = (consts, opaque) {
        code.consts = values;
        code.opaque_consts = true;
    }
    Ok(Value::Code(Rc::new(code)))
}

type PyName = std::sync::Arc<pith_bytecode::PyStr>;

/// A `tuple` argument of `replace()`.
fn tuple_arg<'v>(v: &'v Value, key: &str) -> PyResult<&'v [Value]> {
    match v {
        Value::Tuple(items) => Ok(items),
        other => Err(PyErr::type_error(format!(
            "replace() argument '{key}' must be tuple, not {}",
            crate::types::type_name(other)
        ))),
    }
}

/// A tuple of names (`co_names`, `co_varnames`, ...).
fn name_tuple(v: &Value, key: &str) -> PyResult<Vec<PyName>> {
    let not_str = || PyErr::new(ExcKind::SystemError, "non-string found in code slot");
    tuple_arg(v, key)?
        .iter()
        .map(|item| match item {
            Value::Str(s) => pith_bytecode::PyStr::from_surrogatepass(&s.to_surrogatepass(), true)
                .map(std::sync::Arc::new)
                .ok_or_else(not_str),
            _ => Err(not_str()),
        })
        .collect()
}

/// `co_localsplusnames` and kinds from the three name tuples, as CPython's
/// code constructor lays them out: the locals, then the cells that are not
/// also locals (an argument's cell is its local's slot), then the free
/// variables.
fn localsplus(
    varnames: Vec<PyName>,
    cellvars: Vec<PyName>,
    freevars: Vec<PyName>,
) -> (Vec<PyName>, Vec<u8>) {
    use pith_bytecode::code::local_kind::{CELL, FREE, LOCAL};
    let mut kinds = vec![LOCAL; varnames.len()];
    let mut names = varnames;
    for cell in cellvars {
        match names.iter().position(|n| n.as_bytes() == cell.as_bytes()) {
            Some(i) => kinds[i] |= CELL,
            None => {
                names.push(cell);
                kinds.push(CELL);
            }
        }
    }
    kinds.extend(std::iter::repeat(FREE).take(freevars.len()));
    names.extend(freevars);
    (names, kinds)
}
