//! `_thread.lock` and `_thread.RLock`. An acquire that cannot succeed at once
//! blocks the calling green thread ([`super::switch`]); the scheduler takes
//! the lock for it when it is released (or reports the timeout).

use std::time::{Duration, Instant};

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    bind_args, borrow, class_of, cls_arg, native_methods, new_object, receiver, ClassSpec,
    SpecFlags,
};
use crate::types::{ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::sched::Wait;

native_methods!(LOCK_M, "_thread.lock", [
    "__new__" => lock_new, "acquire" => lock_acquire, "acquire_lock" => lock_acquire,
    "release" => lock_release, "release_lock" => lock_release, "locked" => lock_locked,
    "locked_lock" => lock_locked, "__enter__" => lock_acquire, "__exit__" => lock_exit,
    "__repr__" => lock_repr, "_at_fork_reinit" => lock_at_fork_reinit,
]);
/// `_thread.lock` (`LockType`).
pub(crate) static LOCK: ClassSpec = ClassSpec {
    name: "lock",
    module: "_thread",
    base: TypeKind::Object,
    methods: LOCK_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::WEAKREFS,
};

native_methods!(RLOCK_M, "_thread.RLock", [
    "__new__" => rlock_new, "acquire" => rlock_acquire, "release" => rlock_release,
    "__enter__" => rlock_acquire, "__exit__" => rlock_exit, "_is_owned" => rlock_is_owned,
    "_release_save" => rlock_release_save, "_acquire_restore" => rlock_acquire_restore,
    "_recursion_count" => rlock_recursion_count, "__repr__" => rlock_repr,
    "_at_fork_reinit" => rlock_at_fork_reinit,
]);
/// `_thread.RLock`.
pub(crate) static RLOCK: ClassSpec = ClassSpec {
    name: "RLock",
    module: "_thread",
    base: TypeKind::Object,
    methods: RLOCK_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::BASETYPE.with(SpecFlags::WEAKREFS),
};

/// The state of a `_thread.lock`: no owner, any thread may release it.
pub(crate) struct Lock {
    pub(crate) locked: bool,
}

/// The state of an `RLock`: its owner's identifier and recursion count.
pub(crate) struct RLock {
    pub(crate) owner: i64,
    pub(crate) count: u64,
}

/// A new unlocked `_thread.lock` (`allocate_lock`, `_set_sentinel`).
pub(crate) fn allocate_lock(vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    let cls = class_of(vm, &LOCK);
    Ok(new_object(&cls, Lock { locked: false }))
}

fn lock_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    Ok(new_object(&cls, Lock { locked: false }))
}

/// `acquire(blocking=True, timeout=-1)`: `None` for a non-blocking call,
/// else the deadline (`None` inside for no timeout).
fn acquire_args(vm: &mut Vm, a: &Args<'_>) -> PyResult<Option<Option<Instant>>> {
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
    if timeout > super::TIMEOUT_MAX {
        return Err(PyErr::overflow("timeout value is too large"));
    }
    if !blocking || timeout == 0.0 {
        return Ok(None);
    }
    if timeout < 0.0 {
        return Ok(Some(None));
    }
    Ok(Some(Some(
        Instant::now() + Duration::from_secs_f64(timeout),
    )))
}

fn lock_acquire(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Lock>(&a, "_thread.lock", "acquire")?;
    let wait = acquire_args(vm, &a)?;
    {
        let mut l = borrow(&st)?;
        if !l.locked {
            l.locked = true;
            return Ok(Value::Bool(true));
        }
    }
    let Some(deadline) = wait else {
        return Ok(Value::Bool(false));
    };
    let lock = a.pos[0].clone();
    super::switch::block_on(vm, Wait::Lock { lock, deadline }, &a.pos[0])
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

/// `_at_fork_reinit()`: in a forked child, the lock starts over unlocked
/// (no thread of the parent survives to release it).
fn lock_at_fork_reinit(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Lock>(&a, "_thread.lock", "_at_fork_reinit")?;
    borrow(&st)?.locked = false;
    Ok(Value::None)
}

/// `RLock._at_fork_reinit()`: unowned, count 0.
fn rlock_at_fork_reinit(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<RLock>(&a, "_thread.RLock", "_at_fork_reinit")?;
    let mut l = borrow(&st)?;
    l.owner = 0;
    l.count = 0;
    Ok(Value::None)
}

/// Releases a lock if it is held (a thread's sentinel when the thread ends).
pub(crate) fn force_release(lock: &Value) {
    if let Some(st) = crate::native::state_of::<Lock>(lock) {
        if let Ok(mut l) = st.try_borrow_mut() {
            l.locked = false;
        }
    }
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

fn rlock_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    Ok(new_object(&cls, RLock { owner: 0, count: 0 }))
}

/// Takes `lock` with `count` for the running thread, blocking while another
/// thread owns it; `success` is what the call returns.
fn rlock_take(
    vm: &mut Vm,
    a: &Args<'_>,
    wait: Option<Option<Instant>>,
    count: u64,
    success: Value,
) -> PyResult<Value> {
    let st = receiver::<RLock>(a, "_thread.RLock", "acquire")?;
    let me = vm.sched.ident();
    {
        let mut l = borrow(&st)?;
        if l.count > 0 && l.owner == me {
            l.count = l
                .count
                .checked_add(count)
                .ok_or_else(|| PyErr::overflow("Internal lock count overflowed"))?;
            return Ok(success);
        }
        if l.count == 0 {
            l.owner = me;
            l.count = count;
            return Ok(success);
        }
    }
    let Some(deadline) = wait else {
        return Ok(Value::Bool(false));
    };
    let lock = a.pos[0].clone();
    let w = Wait::RLock {
        lock,
        count,
        success,
        deadline,
    };
    super::switch::block_on(vm, w, &a.pos[0])
}

fn rlock_acquire(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    receiver::<RLock>(&a, "_thread.RLock", "acquire")?;
    let wait = acquire_args(vm, &a)?;
    rlock_take(vm, &a, wait, 1, Value::Bool(true))
}

/// Checks that the running thread owns the lock.
fn owned(vm: &Vm, l: &RLock) -> PyResult<()> {
    if l.count == 0 || l.owner != vm.sched.ident() {
        return Err(PyErr::new(
            ExcKind::RuntimeError,
            "cannot release un-acquired lock",
        ));
    }
    Ok(())
}

fn rlock_release(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<RLock>(&a, "_thread.RLock", "release")?;
    let mut l = borrow(&st)?;
    owned(vm, &l)?;
    l.count -= 1;
    if l.count == 0 {
        l.owner = 0;
    }
    Ok(Value::None)
}

fn rlock_exit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let me = Args::positional(&a.pos[..1.min(a.pos.len())]);
    rlock_release(vm, me)
}

fn rlock_is_owned(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<RLock>(&a, "_thread.RLock", "_is_owned")?;
    let l = borrow(&st)?;
    Ok(Value::Bool(l.count > 0 && l.owner == vm.sched.ident()))
}

fn rlock_recursion_count(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<RLock>(&a, "_thread.RLock", "_recursion_count")?;
    let l = borrow(&st)?;
    let mine = l.owner == vm.sched.ident();
    Ok(Value::Int(if mine { l.count as i64 } else { 0 }))
}

fn rlock_release_save(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<RLock>(&a, "_thread.RLock", "_release_save")?;
    let mut l = borrow(&st)?;
    owned(vm, &l)?;
    let c = std::mem::take(&mut l.count);
    let owner = std::mem::take(&mut l.owner);
    Ok(Value::tuple(vec![Value::Int(c as i64), Value::Int(owner)]))
}

fn rlock_acquire_restore(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    receiver::<RLock>(&a, "_thread.RLock", "_acquire_restore")?;
    let c = match a.pos.get(1) {
        Some(Value::Tuple(t)) => match t.first() {
            Some(Value::Int(n)) => (*n).max(1) as u64,
            _ => 1,
        },
        _ => 1,
    };
    rlock_take(vm, &a, Some(None), c, Value::None)
}

fn rlock_repr(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<RLock>(&a, "_thread.RLock", "__repr__")?;
    let (c, owner) = {
        let l = borrow(&st)?;
        (l.count, l.owner)
    };
    let t = crate::types::type_of(&a.pos[0]);
    Ok(Value::string(format!(
        "<{} {} object owner={} count={} at {:#x}>",
        if c > 0 { "locked" } else { "unlocked" },
        crate::class::qualified_name(&t),
        if c > 0 { owner } else { 0 },
        c,
        a.pos[0].identity()
    )))
}
