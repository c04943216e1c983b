//! `sqlite3.Row` (CPython's `row.c`): a row's values with its cursor's
//! description, indexed by position or by column name (ASCII
//! case-insensitively).

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    cls_arg, native_methods, new_object, positional, rest, state_of, ClassSpec, SpecFlags,
};
use crate::types::{type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

native_methods!(METHODS, "Row", [
    "__new__" => row_new, "keys" => row_keys, "__len__" => row_len,
    "__getitem__" => row_getitem, "__iter__" => row_iter, "__hash__" => row_hash,
    "__eq__" => row_eq, "__ne__" => row_ne, "__lt__" => row_unordered,
    "__le__" => row_unordered, "__gt__" => row_unordered, "__ge__" => row_unordered,
]);

/// `sqlite3.Row`.
pub(super) static ROW: ClassSpec = ClassSpec {
    name: "Row",
    module: "sqlite3",
    base: TypeKind::Object,
    methods: METHODS,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

/// A row: its values (a tuple) and the cursor's `description`.
#[derive(Debug)]
struct RowState {
    data: Value,
    description: Value,
}

fn parts(v: &Value) -> Option<(Value, Value)> {
    let s = state_of::<RowState>(v)?;
    let s = s.try_borrow().ok()?;
    Some((s.data.clone(), s.description.clone()))
}

fn recv(a: &Args<'_>, name: &str) -> PyResult<(Value, Value)> {
    let recv = a.pos.first().unwrap_or(&Value::None);
    parts(recv).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{name}' for 'sqlite3.Row' objects doesn't apply to a '{}' object",
            type_name(recv)
        ))
    })
}

/// `Row(cursor, data, /)`.
fn row_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = positional(&rest(&a), "Row", 2, 2)?;
    let cursor_t = crate::native::class_of(vm, &super::cursor::CURSOR);
    if !crate::types::type_of(&args[0]).is_subtype(&cursor_t) {
        return Err(PyErr::type_error(format!(
            "Row() argument 1 must be sqlite3.Cursor, not {}",
            type_name(&args[0])
        )));
    }
    if !matches!(args[1], Value::Tuple(_)) {
        return Err(PyErr::type_error(format!(
            "Row() argument 2 must be tuple, not {}",
            type_name(&args[1])
        )));
    }
    let name = vm.intern("description");
    let description = vm.get_attr(&args[0], &name)?;
    Ok(new_object(
        &cls,
        RowState {
            data: args[1].clone(),
            description,
        },
    ))
}

/// The column names of a description.
fn names(description: &Value) -> Vec<String> {
    let Value::Tuple(cols) = description else {
        return Vec::new();
    };
    cols.iter()
        .map(|c| match c {
            Value::Tuple(t) => match t.first() {
                Some(Value::Str(s)) => s.as_str().to_string(),
                _ => String::new(),
            },
            _ => String::new(),
        })
        .collect()
}

fn row_keys(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, d) = recv(&a, "keys")?;
    positional(&rest(&a), "keys", 0, 0)?;
    Ok(Value::list(
        names(&d).into_iter().map(Value::string).collect(),
    ))
}

fn row_len(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (data, _) = recv(&a, "__len__")?;
    Ok(Value::Int(match &data {
        Value::Tuple(t) => t.len() as i64,
        _ => 0,
    }))
}

fn row_getitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (data, d) = recv(&a, "__getitem__")?;
    let key = positional(&rest(&a), "__getitem__", 1, 1)?[0].clone();
    match &key {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Slice(_) => {
            vm.getitem(&data, &key)
        }
        Value::Str(s) => {
            let want = s.as_str();
            match names(&d).iter().position(|n| n.eq_ignore_ascii_case(want)) {
                Some(i) => vm.getitem(&data, &Value::Int(i as i64)),
                None => Err(PyErr::new(ExcKind::IndexError, "No item with that key")),
            }
        }
        _ => {
            let name = vm.intern("__index__");
            if crate::class::lookup(&crate::types::type_of(&key), &name).is_some() {
                let i = vm.index_value(&key)?;
                return vm.getitem(&data, &Value::Int(i));
            }
            Err(PyErr::new(
                ExcKind::IndexError,
                "Index must be int or string",
            ))
        }
    }
}

fn row_iter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (data, _) = recv(&a, "__iter__")?;
    vm.get_iter(&data)
}

fn row_hash(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (data, d) = recv(&a, "__hash__")?;
    let h = vm.hash_of(&d)? ^ vm.hash_of(&data)?;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn same(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<Option<bool>> {
    let (data, d) = recv(a, name)?;
    let other = positional(&rest(a), name, 1, 1)?[0].clone();
    let Some((odata, od)) = parts(&other) else {
        return Ok(None);
    };
    Ok(Some(vm.eq_values(&d, &od)? && vm.eq_values(&data, &odata)?))
}

fn row_eq(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(match same(vm, &a, "__eq__")? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}

fn row_ne(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(match same(vm, &a, "__ne__")? {
        Some(b) => Value::Bool(!b),
        None => Value::NotImplemented,
    })
}

fn row_unordered(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(Value::NotImplemented)
}
