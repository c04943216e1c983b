//! `_pickle`: CPython's `Modules/_pickle.c`, the accelerator `pickle`
//! imports when it can: `Pickler`, `Unpickler`, `dump(s)`, `load(s)`, the
//! exception classes and `PickleBuffer`.
//!
//! It is native because `pickle.py` switches wholesale to it once it can be
//! imported, and CPython's tests (`test.test_pickle`'s C classes,
//! `test.test_inspect`) import `_pickle` directly. The opcodes are declared
//! once (`opcodes.rs`); the pickler is `pickler.rs` (class) over `save.rs`
//! and `save_global.rs` (the walk) and `output.rs` (framing); the unpickler
//! is `unpickler.rs` (class) over `load.rs` (the loop) and `input.rs`.

mod input;
mod load;
mod memo;
mod opcodes;
mod output;
mod picklebuffer;
mod pickler;
mod save;
mod save_global;
mod text;
mod unpickler;

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{ExcObj, PyErr, PyResult};
use crate::func::Args;
use crate::native::{bind_args, class_of, new_native};
use crate::types::{exc_type, ExcKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

super::module_functions!(PICKLE_FUNCTIONS, "_pickle", [
    "dump" => py_dump,
    "dumps" => py_dumps,
    "load" => py_load,
    "loads" => py_loads,
]);

/// The module's exception classes.
struct Errors {
    pickle: Rc<TypeObj>,
    pickling: Rc<TypeObj>,
    unpickling: Rc<TypeObj>,
}

thread_local! {
    static ERRORS: RefCell<Option<Rc<Errors>>> = const { RefCell::new(None) };
    static TABLES: RefCell<Option<Rc<Tables>>> = const { RefCell::new(None) };
}

fn new_exc_class(vm: &mut Vm, name: &str, base: Rc<TypeObj>) -> Rc<TypeObj> {
    let mut ns = Dict::new();
    let _ = ns.insert(Value::str("__module__"), Value::str("_pickle"));
    let _ = ns.insert(Value::str("__qualname__"), Value::str(name));
    crate::class::new_type(vm, None, name, vec![base.clone()], &ns, (&[], &[])).unwrap_or(base)
}

fn errors(vm: &mut Vm) -> Rc<Errors> {
    if let Some(e) = ERRORS.with(|e| e.borrow().clone()) {
        return e;
    }
    let pickle = new_exc_class(vm, "PickleError", exc_type(ExcKind::Exception));
    let pickling = new_exc_class(vm, "PicklingError", pickle.clone());
    let unpickling = new_exc_class(vm, "UnpicklingError", pickle.clone());
    let e = Rc::new(Errors {
        pickle,
        pickling,
        unpickling,
    });
    ERRORS.with(|c| *c.borrow_mut() = Some(e.clone()));
    e
}

fn raise(t: &Rc<TypeObj>, msg: String) -> PyErr {
    PyErr(Rc::new(ExcObj::new(t.clone(), vec![Value::string(msg)])))
}

/// `_pickle.PicklingError(msg)`.
pub(crate) fn pickling_error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    raise(&errors(vm).pickling, msg.into())
}

/// `_pickle.UnpicklingError(msg)`.
pub(crate) fn unpickling_error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    raise(&errors(vm).unpickling, msg.into())
}

/// The tables `_pickle.c` reads from `copyreg`, `_compat_pickle`,
/// `codecs` and `functools` when it is imported.
pub(crate) struct Tables {
    dispatch_table: Value,
    extension_registry: Value,
    inverted_registry: Value,
    extension_cache: Value,
    name_2to3: Value,
    import_2to3: Value,
    name_3to2: Value,
    import_3to2: Value,
    codecs_encode: Value,
    partial: Value,
}

fn module_attr(vm: &mut Vm, module: &Value, name: &str, what: &str, dict: bool) -> PyResult<Value> {
    let n = vm.intern(name);
    let v = vm.get_attr(module, &n)?;
    if dict && !matches!(v, Value::Dict(_)) {
        return Err(PyErr::new(
            ExcKind::RuntimeError,
            format!(
                "{what}.{name} should be a dict, not {}",
                crate::types::type_name(&v)
            ),
        ));
    }
    Ok(v)
}

fn tables(vm: &mut Vm) -> PyResult<Rc<Tables>> {
    if let Some(t) = TABLES.with(|t| t.borrow().clone()) {
        return Ok(t);
    }
    let copyreg = vm.import_dotted("copyreg")?;
    let compat = vm.import_dotted("_compat_pickle")?;
    let codecs = vm.import_dotted("codecs")?;
    let functools = vm.import_dotted("functools")?;
    let t = Rc::new(Tables {
        dispatch_table: module_attr(vm, &copyreg, "dispatch_table", "copyreg", true)?,
        extension_registry: module_attr(vm, &copyreg, "_extension_registry", "copyreg", true)?,
        inverted_registry: module_attr(vm, &copyreg, "_inverted_registry", "copyreg", true)?,
        extension_cache: module_attr(vm, &copyreg, "_extension_cache", "copyreg", true)?,
        name_2to3: module_attr(vm, &compat, "NAME_MAPPING", "_compat_pickle", true)?,
        import_2to3: module_attr(vm, &compat, "IMPORT_MAPPING", "_compat_pickle", true)?,
        name_3to2: module_attr(vm, &compat, "REVERSE_NAME_MAPPING", "_compat_pickle", true)?,
        import_3to2: module_attr(
            vm,
            &compat,
            "REVERSE_IMPORT_MAPPING",
            "_compat_pickle",
            true,
        )?,
        codecs_encode: module_attr(vm, &codecs, "encode", "codecs", false)?,
        partial: module_attr(vm, &functools, "partial", "functools", false)?,
    });
    TABLES.with(|c| *c.borrow_mut() = Some(t.clone()));
    Ok(t)
}

/// `getattr(v, name)`, or `None` on `AttributeError`.
fn attr_opt(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    crate::generic_alias::attr_opt(vm, v, name)
}

/// `d.get(key)` for a dict of the module's tables.
fn dict_lookup(vm: &mut Vm, d: &Value, key: &Value) -> PyResult<Option<Value>> {
    match vm.getitem(d, key) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is(ExcKind::KeyError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The Rust state of a native object, whatever its class.
fn native_state<T: 'static>(v: &Value) -> Option<Rc<RefCell<T>>> {
    crate::native::state_of::<T>(v)
}

/// Whether `v` is a `PickleBuffer` (the buffer protocol reaches it).
pub(crate) fn is_picklebuffer(v: &Value) -> bool {
    picklebuffer::state(v).is_some()
}

/// The buffer a `PickleBuffer` exports.
pub(crate) fn export_picklebuffer(
    v: &Value,
) -> Option<PyResult<crate::methods::memoryview::MemView>> {
    picklebuffer::export(v)
}

/// Builds the `_pickle` module.
pub fn init(vm: &mut Vm) -> Value {
    let e = errors(vm);
    let pickler = Value::Type(class_of(vm, &pickler::PICKLER));
    let unpickler = Value::Type(class_of(vm, &unpickler::UNPICKLER));
    let pb = Value::Type(class_of(vm, &picklebuffer::PICKLE_BUFFER));
    new_module(
        "_pickle",
        PICKLE_FUNCTIONS,
        vec![
            (
                "__doc__",
                Value::str("Optimized C implementation for the Python pickle module."),
            ),
            ("PickleError", Value::Type(e.pickle.clone())),
            ("PicklingError", Value::Type(e.pickling.clone())),
            ("UnpicklingError", Value::Type(e.unpickling.clone())),
            ("Pickler", pickler),
            ("Unpickler", unpickler),
            ("PickleBuffer", pb),
        ],
    )
}

/// A fresh pickler object for the module functions.
fn module_pickler(
    vm: &mut Vm,
    args: &[Option<&Value>],
    file: Option<&Value>,
) -> PyResult<(Value, Rc<RefCell<save::PicklerState>>)> {
    let mut st = save::PicklerState::default();
    pickler::configure(vm, &mut st, args[0], args[1], args[2])?;
    if let Some(f) = file {
        let Some(write) = attr_opt(vm, f, "write")? else {
            return Err(PyErr::type_error("file must have a 'write' attribute"));
        };
        st.write = Some(write);
    }
    st.ready = true;
    let obj = new_native(vm, &pickler::PICKLER, st);
    let state = native_state::<save::PicklerState>(&obj)
        .ok_or_else(|| PyErr::system_error("_pickle: pickler without state"))?;
    Ok((obj, state))
}

/// `dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None)`.
fn py_dump(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(
        &a,
        "dump",
        &["obj", "file", "protocol", "fix_imports", "buffer_callback"],
        2,
    )?;
    let (Some(obj), Some(file)) = (args[0], args[1]) else {
        return Err(PyErr::type_error("dump() missing required argument"));
    };
    let (me, st) = module_pickler(vm, &args[2..], Some(file))?;
    pickler::run_dump(vm, &me, &st, obj)?;
    Ok(Value::None)
}

/// `dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None)`.
fn py_dumps(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(
        &a,
        "dumps",
        &["obj", "protocol", "fix_imports", "buffer_callback"],
        1,
    )?;
    let Some(obj) = args[0] else {
        return Err(PyErr::type_error("dumps() missing required argument"));
    };
    let (me, st) = module_pickler(vm, &args[1..], None)?;
    pickler::run_dump(vm, &me, &st, obj)?;
    let data = std::mem::take(&mut st.borrow_mut().out.buf);
    Ok(Value::Bytes(Rc::new(data)))
}

const LOAD_KW: [&str; 4] = ["fix_imports", "encoding", "errors", "buffers"];

fn run_module_load(
    vm: &mut Vm,
    input: input::Input,
    kw: &[Option<&Value>],
    fname: &str,
) -> PyResult<Value> {
    let mut st = load::UnpicklerState::default();
    unpickler::configure(vm, &mut st, fname, kw)?;
    st.input = input;
    st.ready = true;
    let obj = new_native(vm, &unpickler::UNPICKLER, st);
    let state = native_state::<load::UnpicklerState>(&obj)
        .ok_or_else(|| PyErr::system_error("_pickle: unpickler without state"))?;
    unpickler::run_load(vm, &obj, &state)
}

/// `load(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())`.
fn py_load(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (pos, kw) = unpickler::split_kwonly(&a, "load", 1, &LOAD_KW)?;
    let input = unpickler::file_input(vm, pos[0])?;
    run_module_load(vm, input, &kw, "load")
}

/// `loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())`.
fn py_loads(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (pos, kw) = unpickler::split_kwonly(&a, "loads", 1, &LOAD_KW)?;
    let data = pos[0];
    let bytes = crate::buffer::bytes_like(data)?;
    run_module_load(vm, input::Input::from_bytes(bytes), &kw, "loads")
}
