//! `marshal`: CPython's `Python/marshal.c` for VM values (`dumps`, `loads`,
//! `dump`, `load`, `version`). Scalars and containers are written here;
//! code objects go through pith-bytecode's marshaller, the one `.pyc` files
//! use, so `marshal.dumps(code)` is the body of a `.pyc`.

mod read;
mod write;

use crate::buffer::bytes_like;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

/// The format `dumps` writes by default.
const VERSION: i64 = 4;

super::module_functions!(FUNCTIONS, "marshal", [
    "dumps" => m_dumps,
    "loads" => m_loads,
    "dump" => m_dump,
    "load" => m_load,
]);

/// Builds the `marshal` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module("marshal", FUNCTIONS, vec![("version", Value::Int(VERSION))])
}

/// Positional-only arguments, of which the first `required` must be given.
fn positional<'a>(a: &Args<'a>, fname: &str, required: usize, max: usize) -> PyResult<&'a [Value]> {
    a.no_kw(fname)?;
    let n = a.pos.len();
    if n < required || n > max {
        if max == 1 {
            return Err(PyErr::type_error(format!(
                "marshal.{fname}() takes exactly one argument ({n} given)"
            )));
        }
        let expect = if n < required {
            format!(
                "at least {required} argument{}",
                if required == 1 { "" } else { "s" }
            )
        } else {
            format!("at most {max} arguments")
        };
        return Err(PyErr::type_error(format!(
            "{fname} expected {expect}, got {n}"
        )));
    }
    Ok(a.pos)
}

fn version_arg(v: Option<&Value>) -> PyResult<i64> {
    match v {
        None => Ok(VERSION),
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(i64::from(*b)),
        Some(other) => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(other)
        ))),
    }
}

/// `dumps(value, version=version, /)`.
fn m_dumps(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "dumps", 1, 2)?;
    let version = version_arg(args.get(1))?;
    let out = write::dumps(&args[0], version)?;
    Ok(Value::Bytes(std::rc::Rc::new(out)))
}

/// `loads(bytes, /)`: bytes after the object are ignored.
fn m_loads(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "loads", 1, 1)?;
    let data = bytes_like(&args[0])?;
    read::loads(&data).map(|(v, _)| v)
}

fn method(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    let key = vm.intern(name);
    vm.get_attr(obj, &key)
}

/// `dump(value, file, version=version, /)`: `file.write(dumps(value))`.
fn m_dump(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "dump", 2, 3)?;
    let version = version_arg(args.get(2))?;
    let out = write::dumps(&args[0], version)?;
    let write = method(vm, &args[1], "write")?;
    vm.call(&write, &[Value::Bytes(std::rc::Rc::new(out))])?;
    Ok(Value::None)
}

/// `load(file, /)`: reads the rest of the file and, as CPython reads only
/// what the object needs, seeks back to just after it when it can.
fn m_load(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "load", 1, 1)?;
    let file = &args[0];
    let start = match method(vm, file, "tell") {
        Ok(tell) => vm.call(&tell, &[]).ok(),
        Err(_) => None,
    };
    let read = method(vm, file, "read")?;
    let data = vm.call(&read, &[])?;
    let data = match &data {
        Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_) => bytes_like(&data)?,
        other => {
            return Err(PyErr::type_error(format!(
                "file.read() returned not bytes but {}",
                type_name(other)
            )))
        }
    };
    let (value, used) = read::loads(&data)?;
    if let (Some(Value::Int(start)), true) = (start, used < data.len()) {
        if let Ok(seek) = method(vm, file, "seek") {
            vm.call(&seek, &[Value::Int(start + used as i64)])?;
        }
    }
    Ok(value)
}
