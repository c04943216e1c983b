//! `_thread`: CPython's `Modules/_threadmodule.c` for a VM that runs one
//! thread. Locks keep their state so the standard library's uses of them
//! (`threading`, `reprlib`, `functools`) behave; starting a thread is an error.
//! A blocking `acquire` of a lock the (only) thread already holds would wait
//! forever in CPython; here it raises `RuntimeError` instead of hanging.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    bind_args, borrow, class_of, cls_arg, native_methods, new_object, positional, receiver,
    ClassSpec,
};
use crate::types::{builtin_type, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

/// The thread identifier of the VM's one thread.
fn ident() -> i64 {
    // Any stable positive number will do; CPython's is a pthread_t.
    i64::from(std::process::id()) * 4096 + 0x7f00_0000_0000
}

super::module_functions!(THREAD_FUNCTIONS, "_thread", [
    "allocate_lock" => allocate_lock, "allocate" => allocate_lock,
    "get_ident" => get_ident, "get_native_id" => get_native_id, "_count" => count,
    "stack_size" => stack_size, "start_new_thread" => start_new_thread,
    "start_new" => start_new_thread, "_set_sentinel" => allocate_lock,
    "interrupt_main" => interrupt_main, "exit" => exit, "exit_thread" => exit,
    "daemon_threads_allowed" => daemon_threads_allowed,
]);

native_methods!(LOCK_M, "_thread.lock", [
    "__new__" => lock_new, "acquire" => lock_acquire, "acquire_lock" => lock_acquire,
    "release" => lock_release, "release_lock" => lock_release, "locked" => lock_locked,
    "locked_lock" => lock_locked, "__enter__" => lock_acquire, "__exit__" => lock_exit,
    "__repr__" => lock_repr,
]);
static LOCK: ClassSpec = ClassSpec {
    name: "lock",
    module: "_thread",
    base: TypeKind::Object,
    methods: LOCK_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
};

native_methods!(RLOCK_M, "_thread.RLock", [
    "__new__" => rlock_new, "acquire" => rlock_acquire, "release" => rlock_release,
    "__enter__" => rlock_acquire, "__exit__" => rlock_exit, "_is_owned" => rlock_is_owned,
    "_release_save" => rlock_release_save, "_acquire_restore" => rlock_acquire_restore,
    "__repr__" => rlock_repr,
]);
static RLOCK: ClassSpec = ClassSpec {
    name: "RLock",
    module: "_thread",
    base: TypeKind::Object,
    methods: RLOCK_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
};

static LOCAL: ClassSpec = ClassSpec {
    name: "_local",
    module: "_thread",
    base: TypeKind::Object,
    methods: &[],
    classmethods: &[],
    props: &[],
    unhashable: false,
};

/// Builds the `_thread` module.
pub fn init(vm: &mut Vm) -> Value {
    let lock = Value::Type(class_of(vm, &LOCK));
    new_module(
        "_thread",
        THREAD_FUNCTIONS,
        vec![
            ("LockType", lock.clone()),
            ("lock", lock),
            ("RLock", Value::Type(class_of(vm, &RLOCK))),
            ("_local", Value::Type(class_of(vm, &LOCAL))),
            (
                "error",
                Value::Type(builtin_type(TypeKind::Exception(ExcKind::RuntimeError))),
            ),
            ("TIMEOUT_MAX", Value::Float(9223372036.0)),
        ],
    )
}

fn get_ident(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "get_ident", 0, 0)?;
    Ok(Value::Int(ident()))
}

fn get_native_id(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "get_native_id", 0, 0)?;
    Ok(Value::Int(i64::from(std::process::id())))
}

fn count(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn stack_size(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "stack_size", 0, 1)?;
    Ok(Value::Int(0))
}

fn daemon_threads_allowed(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

fn start_new_thread(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::new(ExcKind::RuntimeError, "can't start new thread"))
}

fn interrupt_main(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::with_args(ExcKind::KeyboardInterrupt, Vec::new()))
}

fn exit(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::with_args(ExcKind::SystemExit, Vec::new()))
}

// ---- lock ----

struct Lock {
    locked: bool,
}

fn allocate_lock(vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    let cls = class_of(vm, &LOCK);
    Ok(new_object(&cls, Lock { locked: false }))
}

fn lock_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    Ok(new_object(&cls, Lock { locked: false }))
}

/// `acquire(blocking=True, timeout=-1)`: whether the caller could wait.
fn acquire_args(vm: &mut Vm, a: &Args<'_>) -> PyResult<bool> {
    let rest = crate::native::rest(a);
    let args = bind_args(&rest, "acquire", &["blocking", "timeout"], 0)?;
    let blocking = match args[0] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match args[1] {
        Some(Value::Float(f)) => *f,
        Some(Value::Int(i)) => *i as f64,
        Some(Value::Bool(b)) => f64::from(u8::from(*b)),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::types::type_name(other)
            )))
        }
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(PyErr::value_error(
            "can't specify a timeout for a non-blocking call",
        ));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(PyErr::value_error("timeout value must be positive"));
    }
    Ok(blocking && timeout == -1.0)
}

fn deadlock() -> PyErr {
    PyErr::new(
        ExcKind::RuntimeError,
        "acquiring a lock held by the only thread would block forever",
    )
}

fn lock_acquire(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Lock>(&a, "_thread.lock", "acquire")?;
    let forever = acquire_args(vm, &a)?;
    let mut l = borrow(&st)?;
    if l.locked {
        if forever {
            return Err(deadlock());
        }
        return Ok(Value::Bool(false));
    }
    l.locked = true;
    Ok(Value::Bool(true))
}

fn lock_release(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Lock>(&a, "_thread.lock", "release")?;
    let mut l = borrow(&st)?;
    if !l.locked {
        return Err(PyErr::new(ExcKind::RuntimeError, "release unlocked lock"));
    }
    l.locked = false;
    Ok(Value::None)
}

fn lock_exit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let me = Args::positional(&a.pos[..1.min(a.pos.len())]);
    lock_release(vm, me)
}

fn lock_locked(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Lock>(&a, "_thread.lock", "locked")?;
    let l = borrow(&st)?.locked;
    Ok(Value::Bool(l))
}

fn lock_repr(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Lock>(&a, "_thread.lock", "__repr__")?;
    let l = borrow(&st)?.locked;
    let t = crate::types::type_of(&a.pos[0]);
    Ok(Value::string(format!(
        "<{} {} object at {:#x}>",
        if l { "locked" } else { "unlocked" },
        crate::class::qualified_name(&t),
        a.pos[0].identity()
    )))
}

// ---- RLock ----

struct RLock {
    count: u64,
}

fn rlock_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    Ok(new_object(&cls, RLock { count: 0 }))
}

fn rlock_acquire(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<RLock>(&a, "_thread.RLock", "acquire")?;
    acquire_args(vm, &a)?;
    let mut l = borrow(&st)?;
    l.count = l
        .count
        .checked_add(1)
        .ok_or_else(|| PyErr::overflow("Internal lock count overflowed"))?;
    Ok(Value::Bool(true))
}

fn rlock_release(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<RLock>(&a, "_thread.RLock", "release")?;
    let mut l = borrow(&st)?;
    if l.count == 0 {
        return Err(PyErr::new(
            ExcKind::RuntimeError,
            "cannot release un-acquired lock",
        ));
    }
    l.count -= 1;
    Ok(Value::None)
}

fn rlock_exit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let me = Args::positional(&a.pos[..1.min(a.pos.len())]);
    rlock_release(vm, me)
}

fn rlock_is_owned(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<RLock>(&a, "_thread.RLock", "_is_owned")?;
    let c = borrow(&st)?.count;
    Ok(Value::Bool(c > 0))
}

fn rlock_release_save(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<RLock>(&a, "_thread.RLock", "_release_save")?;
    let mut l = borrow(&st)?;
    if l.count == 0 {
        return Err(PyErr::new(
            ExcKind::RuntimeError,
            "cannot release un-acquired lock",
        ));
    }
    let c = std::mem::take(&mut l.count);
    Ok(Value::tuple(vec![
        Value::Int(c as i64),
        Value::Int(ident()),
    ]))
}

fn rlock_acquire_restore(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<RLock>(&a, "_thread.RLock", "_acquire_restore")?;
    let c = match a.pos.get(1) {
        Some(Value::Tuple(t)) => match t.first() {
            Some(Value::Int(n)) => (*n).max(0) as u64,
            _ => 0,
        },
        _ => 0,
    };
    borrow(&st)?.count = c;
    Ok(Value::None)
}

fn rlock_repr(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<RLock>(&a, "_thread.RLock", "__repr__")?;
    let c = borrow(&st)?.count;
    let t = crate::types::type_of(&a.pos[0]);
    Ok(Value::string(format!(
        "<{} {} object owner={} count={} at {:#x}>",
        if c > 0 { "locked" } else { "unlocked" },
        crate::class::qualified_name(&t),
        if c > 0 { ident() } else { 0 },
        c,
        a.pos[0].identity()
    )))
}
