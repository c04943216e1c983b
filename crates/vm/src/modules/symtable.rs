//! `_symtable`: the compiler's symbol tables, as CPython's
//! `Modules/symtablemodule.c` gives them to the pure-Python `symtable`
//! module. `symtable(source, filename, mode)` asks the installed compiler
//! for the scopes of `source` and returns the module's `symtable entry`,
//! whose `children` are the nested scopes' entries.

use std::rc::Rc;

use crate::compile_hook::{failure_to_err, SymbolScope};
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{borrow, class_of, native_fn, new_object, receiver, ClassSpec, PropSpec};
use crate::native::{native_methods, SpecFlags};
use crate::types::TypeKind;
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

super::module_functions!(SYMTABLE_FUNCTIONS, "_symtable", ["symtable" => symtable]);

/// The `DEF_*` flags, the scope numbers and `TYPE_*` block kinds of
/// CPython 3.11's `symtable.h`.
const CONSTANTS: &[(&str, i64)] = &[
    ("USE", 16),
    ("DEF_GLOBAL", 1),
    ("DEF_LOCAL", 2),
    ("DEF_PARAM", 4),
    ("DEF_NONLOCAL", 8),
    ("DEF_FREE", 32),
    ("DEF_FREE_CLASS", 64),
    ("DEF_IMPORT", 128),
    ("DEF_ANNOT", 256),
    ("DEF_BOUND", 2 | 4 | 128),
    ("TYPE_FUNCTION", 0),
    ("TYPE_CLASS", 1),
    ("TYPE_MODULE", 2),
    ("LOCAL", 1),
    ("GLOBAL_EXPLICIT", 2),
    ("GLOBAL_IMPLICIT", 3),
    ("FREE", 4),
    ("CELL", 5),
    ("SCOPE_OFF", 11),
    ("SCOPE_MASK", 15),
];

/// Builds `_symtable`.
pub fn init(_vm: &mut Vm) -> Value {
    let consts = CONSTANTS
        .iter()
        .map(|&(name, v)| (name, Value::Int(v)))
        .collect();
    new_module("_symtable", SYMTABLE_FUNCTIONS, consts)
}

/// One scope's entry: what its attributes give, made once so that every
/// read returns the same objects (as `ste_symbols`, `ste_children`).
struct Entry {
    id: Value,
    name: Value,
    symbols: Value,
    varnames: Value,
    children: Value,
    block_type: u8,
    lineno: u32,
    nested: bool,
}

native_methods!(ENTRY_M, "symtable entry", ["__repr__" => entry_repr]);
native_fn!(ID_GET, "id", "symtable entry", entry_id);
native_fn!(NAME_GET, "name", "symtable entry", entry_name);
native_fn!(SYMBOLS_GET, "symbols", "symtable entry", entry_symbols);
native_fn!(VARNAMES_GET, "varnames", "symtable entry", entry_varnames);
native_fn!(CHILDREN_GET, "children", "symtable entry", entry_children);
native_fn!(TYPE_GET, "type", "symtable entry", entry_type);
native_fn!(LINENO_GET, "lineno", "symtable entry", entry_lineno);
native_fn!(NESTED_GET, "nested", "symtable entry", entry_nested);

/// Read-only members, as `PySTEntryObject`'s.
macro_rules! members {
    ($( $name:literal => $get:ident ),* $(,)?) => {
        &[ $( PropSpec { name: $name, get: &$get, set: None }, )* ]
    };
}
static ENTRY_P: &[PropSpec] = members![
    "id" => ID_GET, "name" => NAME_GET, "symbols" => SYMBOLS_GET,
    "varnames" => VARNAMES_GET, "children" => CHILDREN_GET, "type" => TYPE_GET,
    "lineno" => LINENO_GET, "nested" => NESTED_GET,
];

static ENTRY: ClassSpec = ClassSpec {
    name: "symtable entry",
    module: "builtins",
    base: TypeKind::Object,
    methods: ENTRY_M,
    classmethods: &[],
    props: ENTRY_P,
    unhashable: false,
    flags: SpecFlags::NONE,
};

/// `symtable(source, filename, startstr, /)`.
fn symtable(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(
            "_symtable.symtable() takes no keyword arguments",
        ));
    }
    let [source, filename, mode] = a.pos else {
        return Err(PyErr::type_error(format!(
            "symtable expected 3 arguments, got {}",
            a.pos.len()
        )));
    };
    let filename = crate::exec::filename_arg(vm, filename)?;
    let mode = crate::exec::mode_arg(
        mode,
        "symtable() argument 3",
        "symtable() arg 3 must be 'exec' or 'eval' or 'single'",
    )?;
    let compiler = vm.installed_compiler()?;
    let not_source = || PyErr::type_error("symtable() arg 1 must be a string or bytes object");
    let scopes = crate::exec::with_source_text(source, not_source, |text| {
        compiler
            .symbol_table(text, &filename, mode)
            .map_err(|f| failure_to_err(f, &filename))
    })?;
    entries(vm, scopes)
}

/// The entries of `scopes`, the module's (the first) returned. A child's
/// index is above its parent's, so building from the last up finds every
/// child already made.
fn entries(vm: &mut Vm, scopes: Vec<SymbolScope>) -> PyResult<Value> {
    let cls = class_of(vm, &ENTRY);
    let mut made: Vec<Option<Value>> = vec![None; scopes.len()];
    for (i, scope) in scopes.into_iter().enumerate().rev() {
        let children = scope
            .children
            .iter()
            .map(|&c| made.get_mut(c).and_then(Option::take))
            .collect::<Option<Vec<Value>>>()
            .ok_or_else(|| PyErr::system_error("symbol table scopes out of order"))?;
        let mut symbols = Dict::new();
        for (name, flags) in scope.symbols {
            symbols.insert(Value::str(&name), Value::Int(i64::from(flags)))?;
        }
        let entry = Entry {
            id: Value::Int(scope.id as i64),
            name: Value::str(&scope.name),
            symbols: Value::Dict(Rc::new(std::cell::RefCell::new(symbols))),
            varnames: Value::list(scope.varnames.iter().map(|n| Value::str(n)).collect()),
            children: Value::list(children),
            block_type: scope.block_type,
            lineno: scope.lineno,
            nested: scope.nested,
        };
        made[i] = Some(new_object(&cls, entry));
    }
    made.into_iter()
        .next()
        .flatten()
        .ok_or_else(|| PyErr::system_error("empty symbol table"))
}

/// Reads one field of the receiving entry.
fn field(a: &Args<'_>, name: &str, f: impl FnOnce(&Entry) -> Value) -> PyResult<Value> {
    let st = receiver::<Entry>(a, "symtable entry", name)?;
    let entry = borrow(&st)?;
    Ok(f(&entry))
}

fn entry_id(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    field(&a, "id", |e| e.id.clone())
}

fn entry_name(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    field(&a, "name", |e| e.name.clone())
}

fn entry_symbols(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    field(&a, "symbols", |e| e.symbols.clone())
}

fn entry_varnames(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    field(&a, "varnames", |e| e.varnames.clone())
}

fn entry_children(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    field(&a, "children", |e| e.children.clone())
}

fn entry_type(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    field(&a, "type", |e| Value::Int(i64::from(e.block_type)))
}

fn entry_lineno(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    field(&a, "lineno", |e| Value::Int(i64::from(e.lineno)))
}

fn entry_nested(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    field(&a, "nested", |e| Value::Int(i64::from(e.nested)))
}

/// `<symtable entry NAME(ID), line N>`.
fn entry_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (name, id, lineno) = {
        let st = receiver::<Entry>(&a, "symtable entry", "__repr__")?;
        let e = borrow(&st)?;
        (e.name.clone(), e.id.clone(), e.lineno)
    };
    let name = crate::repr::to_str(&name);
    let id = vm.repr_of(&id)?;
    Ok(Value::string(format!(
        "<symtable entry {name}({id}), line {lineno}>"
    )))
}
