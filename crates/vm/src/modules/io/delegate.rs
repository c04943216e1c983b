//! `_io` file objects over streams the native layer cannot hold: a
//! `TextIOWrapper` or `Buffered*` whose buffer (or raw stream) is a Python
//! object (`gzip.GzipFile`, a `RawIOBase` subclass, ...), or a text codec the
//! native layer does not speak.
//!
//! CPython's C classes call such a stream's methods (`read1`, `readinto`,
//! `write`, `flush`, ...) through Python. The native file state here is a
//! `ByteStream` kept in a table that no method may hold while Python code
//! runs, so a stream whose every operation is a Python call cannot live
//! there. Instead the object keeps a delegate: the same class of `_pyio`,
//! CPython's own Python version of `_io` with the same algorithms (chunked
//! `read1` calls, pending writes flushed at 8192 bytes, line buffering,
//! `tell`/`seek` cookies), and every method of the `_io` object forwards to
//! it. The object stays an instance of the `_io` class, so `type()`,
//! `isinstance` and `repr` are CPython's.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinFn};
use crate::instance::Instance;
use crate::value::Value;
use crate::vm::Vm;

thread_local! {
    /// Instance address → (the instance, its `_pyio` delegate).
    static DELEGATES: RefCell<HashMap<usize, (Weak<Instance>, Value)>> =
        RefCell::new(HashMap::new());
}

/// The delegate of the object at address `old` now belongs to `new` (the
/// same object, moved for its `__del__`).
pub(super) fn moved(old: usize, new: &Rc<Instance>) {
    let _ = DELEGATES.try_with(|d| {
        if let Ok(mut d) = d.try_borrow_mut() {
            if let Some((_, del)) = d.remove(&old) {
                d.insert(Rc::as_ptr(new) as usize, (Rc::downgrade(new), del));
            }
        }
    });
}

/// Leaves `obj` without a delegate, as a failed `__init__` leaves a C
/// object uninitialized: its methods then refuse to run. The old delegate
/// is detached first so that its `__del__` leaves the stream open.
pub(super) fn forget(vm: &mut Vm, obj: &Value) {
    let Some(old) = delegate_of(obj) else {
        return;
    };
    let _ = vm.call_method(&old, "detach", &[]);
    if let Value::Instance(inst) = obj {
        let key = Rc::as_ptr(inst) as usize;
        let removed = DELEGATES.with(|d| d.borrow_mut().remove(&key));
        drop(removed);
    }
}

/// For `IOBase.__del__` of a delegated object: whether its delegate is
/// still in use elsewhere (a method of it was tail-called and is running),
/// in which case the delegate is let go instead of closed now: it closes
/// itself (`_pyio`'s `__del__`) once that call is done with it.
pub(super) fn release_if_busy(obj: &Value) -> bool {
    let Value::Instance(inst) = obj else {
        return false;
    };
    let key = Rc::as_ptr(inst) as usize;
    let released = DELEGATES.with(|d| {
        let mut d = d.borrow_mut();
        let busy = matches!(
            d.get(&key),
            Some((owner, Value::Instance(del)))
                if std::ptr::eq(owner.as_ptr(), Rc::as_ptr(inst)) && Rc::strong_count(del) > 1
        );
        if busy {
            d.remove(&key)
        } else {
            None
        }
    });
    released.is_some()
}

/// The delegate of `obj`, if it has one.
pub(super) fn delegate_of(obj: &Value) -> Option<Value> {
    let Value::Instance(inst) = obj else {
        return None;
    };
    let key = Rc::as_ptr(inst) as usize;
    DELEGATES.with(|d| {
        let d = d.borrow();
        match d.get(&key) {
            // The address may belong to a new object after the old one died.
            Some((owner, del)) if std::ptr::eq(owner.as_ptr(), Rc::as_ptr(inst)) => {
                Some(del.clone())
            }
            _ => None,
        }
    })
}

/// Makes `_pyio.<class_name>(*args, **kwargs)` (the arguments of this
/// `__init__` call after `self`) the delegate of `obj`.
pub(super) fn attach_delegate(
    vm: &mut Vm,
    obj: &Value,
    class_name: &str,
    a: &Args<'_>,
) -> PyResult<Value> {
    let Value::Instance(inst) = obj else {
        return Err(PyErr::type_error("__init__ needs an instance"));
    };
    let pyio = vm.import_dotted("_pyio")?;
    let key = vm.intern(class_name);
    let class = vm.get_attr(&pyio, &key)?;
    let pos = a.pos.get(1..).unwrap_or(&[]);
    let delegate = vm.call_with_kw(&class, pos, a.kwnames, a.kwvals)?;
    // `__init__` called again: the C classes just reinitialize, leaving
    // the stream open, while the old delegate's `__del__` would close it.
    // Detached, it lets go of the stream first (its `closed` then fails,
    // which makes `_pyio`'s `__del__` skip the close).
    if let Some(old) = delegate_of(obj) {
        let _ = vm.call_method(&old, "detach", &[]);
    }
    let addr = Rc::as_ptr(inst) as usize;
    let dropped = DELEGATES.with(|d| {
        let mut d = d.borrow_mut();
        // Forget the delegates of dead objects now and then.
        let mut dead: Vec<(Weak<Instance>, Value)> = Vec::new();
        if d.len() >= 16 && d.len().is_power_of_two() {
            let keys: Vec<usize> = d
                .iter()
                .filter(|(_, (w, _))| w.strong_count() == 0)
                .map(|(k, _)| *k)
                .collect();
            dead.extend(keys.into_iter().filter_map(|k| d.remove(&k)));
        }
        dead.extend(d.insert(addr, (Rc::downgrade(inst), delegate.clone())));
        dead
    });
    drop(dropped);
    Ok(delegate)
}

/// The methods whose delegate's result is the call's result as it is,
/// and which may block (a socket's or pipe's reads and writes): when the
/// eval loop calls one directly, the delegate's Python method runs as an
/// ordinary frame in its place, so a blocking read under it lets other
/// threads run as freely as in plain Python code.
const TAIL_CALLED: [&str; 8] = [
    "read",
    "read1",
    "readinto",
    "readline",
    "readlines",
    "write",
    "writelines",
    "flush",
];

/// Runs method `name` of an `_io` object: on its delegate when it has one,
/// else the native `native`.
pub(super) fn forward(
    vm: &mut Vm,
    a: Args<'_>,
    name: &'static str,
    native: BuiltinFn,
) -> PyResult<Value> {
    let delegate = match a.pos.first() {
        Some(obj) if name != "__init__" => delegate_of(obj),
        _ => None,
    };
    let Some(delegate) = delegate else {
        return native(vm, a);
    };
    // Read before any call from Rust below clears it.
    let direct = vm.called_directly() && TAIL_CALLED.contains(&name);
    let key = vm.intern(name);
    // Properties: the delegate's attribute, not a call.
    if matches!(name, "closed" | "newlines") {
        return vm.get_attr(&delegate, &key);
    }
    if name == "__getattr__" {
        return match a.pos.get(1) {
            Some(Value::Str(attr)) => vm.get_attr(&delegate, attr),
            _ => native(vm, a),
        };
    }
    if matches!(
        name,
        "read" | "readline" | "write" | "__next__" | "seek" | "tell"
    ) {
        // CPython's C classes check this first (`_pyio` leaves some of it to
        // the buffer, whose message may differ).
        let closed_key = vm.intern("closed");
        let closed = vm.get_attr(&delegate, &closed_key)?;
        if vm.truthy(&closed)? {
            return Err(PyErr::value_error("I/O operation on closed file."));
        }
    }
    if name == "close" {
        // As the C classes do: the object's own `flush()` first (a
        // subclass's, or one set on the instance), then the close even if
        // that failed, whose error wins with the flush error as context.
        let closed_key = vm.intern("closed");
        let closed = vm.get_attr(&delegate, &closed_key)?;
        if vm.truthy(&closed)? {
            return Ok(Value::None);
        }
        let flushed = vm.call_method(&a.pos[0], "flush", &[]);
        let closed = vm.call_method(&delegate, "close", &[]);
        return match (flushed, closed) {
            (Err(f), Err(c)) => {
                *c.0.context.borrow_mut() = Some(f.0.clone());
                Err(c)
            }
            (Err(f), Ok(_)) => Err(f),
            (Ok(_), r) => r,
        };
    }
    if matches!(name, "peek" | "read1") {
        // `_pyio`'s buffered readers serve these from the buffer even after
        // close; the C ones refuse as `buffered_peek` and `_io__Buffered_read1` do.
        let closed_key = vm.intern("closed");
        let closed = vm.get_attr(&delegate, &closed_key)?;
        if vm.truthy(&closed)? {
            let what = if name == "peek" { "peek" } else { "read" };
            return Err(PyErr::value_error(format!("{what} of closed file")));
        }
    }
    if name == "write" {
        if let Some(data) = a.pos.get(1) {
            flush_before_overflow(vm, &delegate, data)?;
        }
    }
    let method = vm.get_attr(&delegate, &key)?;
    let mut pos = a.pos.get(1..).unwrap_or(&[]).to_vec();
    if matches!(name, "read" | "read1" | "peek" | "readline") {
        if let Some(size) = pos.first_mut() {
            *size = size_arg(vm, size)?;
        }
    }
    if direct {
        if let Value::Method(m) = &method {
            if let Value::Function(f) = &m.1 {
                if f.is_plain() {
                    let mut args = Vec::with_capacity(pos.len() + 1 + a.kwvals.len());
                    args.push(m.0.clone());
                    args.extend(pos);
                    args.extend(a.kwvals.iter().cloned());
                    return Err(vm.request_tail_call(f.clone(), args, a.kwnames.to_vec()));
                }
            }
        }
    }
    let result = vm.call_with_kw(&method, &pos, a.kwnames, a.kwvals)?;
    match name {
        // These answer the object itself, not its delegate.
        "__enter__" | "__iter__" => Ok(a.pos[0].clone()),
        // `_pyio`'s repr names its own module: `<_pyio.TextIOWrapper ...>`.
        "__repr__" => match &result {
            Value::Str(s) => match s.as_str().strip_prefix("<_pyio.") {
                Some(rest) => Ok(Value::string(format!("<_io.{rest}"))),
                None => Ok(result),
            },
            _ => Ok(result),
        },
        _ => Ok(result),
    }
}

/// A size argument as the C classes take it (`_Py_convert_optional_to_ssize_t`):
/// `None` or an `__index__` object, read before `_pyio` sees it (which would
/// store a float size in its buffer position).
fn size_arg(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::None | Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        Value::Float(_) | Value::Str(_) | Value::Bytes(_) => Err(PyErr::type_error(format!(
            "argument should be integer or None, not '{}'",
            crate::types::type_name(v)
        ))),
        _ => Ok(Value::Int(vm.index_value(v)?)),
    }
}

/// The C `BufferedWriter.write` keeps new data that fits and writes out the
/// pending bytes before data that does not; `_pyio`'s appends first and then
/// writes both. So a write that overflows a non-empty buffer flushes it
/// first here, which leaves the raw stream as the C class would: the old
/// bytes written, the new ones buffered if they fit.
fn flush_before_overflow(vm: &mut Vm, delegate: &Value, data: &Value) -> PyResult<()> {
    let incoming = match data {
        Value::Bytes(b) => b.len(),
        Value::ByteArray(b) => b.borrow().len(),
        _ => return Ok(()),
    };
    let pending_key = vm.intern("_write_buf");
    let size_key = vm.intern("buffer_size");
    let (Ok(pending), Ok(Value::Int(size))) = (
        vm.get_attr(delegate, &pending_key),
        vm.get_attr(delegate, &size_key),
    ) else {
        return Ok(());
    };
    let pending = match &pending {
        Value::ByteArray(b) => b.borrow().len(),
        _ => return Ok(()),
    };
    if pending > 0 && (pending + incoming) as i64 > size {
        vm.call_method(delegate, "flush", &[])?;
    }
    Ok(())
}
