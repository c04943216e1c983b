//! `_multiprocessing` (CPython's `Modules/_multiprocessing/`, Linux build):
//! `SemLock`, a lock or semaphore shared between processes on a POSIX named
//! semaphore, `sem_unlink` and `flags`; and `_posixshmem` (`shm_open`,
//! `shm_unlink`) in [`shmem`].
//!
//! A blocking `acquire` with no other Python thread alive waits in
//! `sem_wait`/`sem_timedwait`, which a signal interrupts (its handlers run,
//! and a handler's exception ends the wait, PEP 475). With other threads
//! alive it must not hold the VM's one OS thread: it becomes a
//! [`Wait::Poll`] that the scheduler probes with `sem_trywait` every few
//! milliseconds while the others run, since only another process posts.

mod raw;
pub(crate) mod shmem;

use std::cell::RefCell;
use std::ffi::CString;
use std::rc::Rc;
use std::time::{Duration, Instant};

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::native::{
    bind_args, borrow, class_of, cls_arg, native_fn, native_methods, new_object, positional,
    receiver, rest, ClassSpec, PropSpec, SpecFlags,
};
use crate::types::{type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::cint::arg_c_int;
use super::posix::fd::errno_err;
use super::thread::sched::{PollWait, Wait};
use super::{module_functions, new_module};
use raw::Sem;

/// `SemLock.kind` of a lock its owner may take again.
const RECURSIVE_MUTEX: i32 = 0;
/// `SemLock.kind` of a counting semaphore.
const SEMAPHORE: i32 = 1;
/// Linux's `SEM_VALUE_MAX` (`SemLock.SEM_VALUE_MAX`).
const SEM_VALUE_MAX: i64 = i32::MAX as i64;
/// The longest wait taken as one: a longer timeout waits as if unbounded.
const LONGEST_WAIT: f64 = 1e9;

module_functions!(MP_FUNCTIONS, "_multiprocessing", [
    "sem_unlink" => sem_unlink,
]);

native_methods!(SEMLOCK_M, "_multiprocessing.SemLock", [
    "__new__" => semlock_new, "acquire" => acquire, "release" => release,
    "__enter__" => acquire, "__exit__" => exit, "_count" => count,
    "_is_mine" => is_mine, "_get_value" => get_value, "_is_zero" => is_zero,
    "_after_fork" => after_fork,
]);

static SEMLOCK_CM: &[BuiltinDef] = &[BuiltinDef {
    name: "_rebuild",
    func: rebuild,
    owner: "SemLock",
    is_method: false,
}];

native_fn!(HANDLE, "handle", "SemLock", get_handle);
native_fn!(KIND, "kind", "SemLock", get_kind);
native_fn!(MAXVALUE, "maxvalue", "SemLock", get_maxvalue);
native_fn!(NAME, "name", "SemLock", get_name);

/// `_multiprocessing.SemLock`.
pub(crate) static SEMLOCK: ClassSpec = ClassSpec {
    name: "SemLock",
    module: "_multiprocessing",
    base: TypeKind::Object,
    methods: SEMLOCK_M,
    classmethods: SEMLOCK_CM,
    props: &[
        PropSpec {
            name: "handle",
            get: &HANDLE,
            set: None,
        },
        PropSpec {
            name: "kind",
            get: &KIND,
            set: None,
        },
        PropSpec {
            name: "maxvalue",
            get: &MAXVALUE,
            set: None,
        },
        PropSpec {
            name: "name",
            get: &NAME,
            set: None,
        },
    ],
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

/// A `SemLock`'s state: the semaphore, and how many times this process
/// (its thread `last_tid`, for a recursive mutex) holds it.
struct SemLock {
    sem: Sem,
    kind: i32,
    maxvalue: i32,
    /// The semaphore's name, kept only when it was not unlinked at once.
    name: Option<String>,
    count: i32,
    last_tid: i64,
}

impl SemLock {
    fn is_mine(&self, vm: &Vm) -> bool {
        self.count > 0 && self.last_tid == vm.sched.ident()
    }

    fn took(&mut self, tid: i64) {
        self.count = self.count.saturating_add(1);
        self.last_tid = tid;
    }
}

type State = Rc<RefCell<SemLock>>;

fn me(a: &Args<'_>, name: &str) -> PyResult<State> {
    receiver::<SemLock>(a, "_multiprocessing.SemLock", name)
}

/// A C string argument (`s`): a str without NUL characters.
fn c_name(v: &Value, what: &str) -> PyResult<CString> {
    let Value::Str(s) = v else {
        return Err(PyErr::type_error(format!(
            "{what} must be str, not {}",
            type_name(v)
        )));
    };
    CString::new(s.as_str()).map_err(|_| PyErr::value_error("embedded null character"))
}

fn semlock_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let r = rest(&a);
    let b = bind_args(
        &r,
        "SemLock",
        &["kind", "value", "maxvalue", "name", "unlink"],
        5,
    )?;
    let arg = |i: usize| b[i].unwrap_or(&Value::None);
    let kind = arg_c_int(vm, arg(0))?;
    let value = arg_c_int(vm, arg(1))?;
    let maxvalue = arg_c_int(vm, arg(2))?;
    let name = c_name(arg(3), "argument 4")?;
    let unlink = arg_c_int(vm, arg(4))? != 0;
    if kind != RECURSIVE_MUTEX && kind != SEMAPHORE {
        return Err(PyErr::value_error("unrecognized kind"));
    }
    // A negative value reads as a huge unsigned one, which sem_open refuses.
    let sem = Sem::create(&name, value as u32).map_err(errno_err)?;
    if unlink {
        raw::sem_unlink(&name).map_err(errno_err)?;
    }
    let kept = (!unlink).then(|| name.to_string_lossy().into_owned());
    let st = SemLock {
        sem,
        kind,
        maxvalue,
        name: kept,
        count: 0,
        last_tid: 0,
    };
    Ok(new_object(&cls, st))
}

/// `SemLock._rebuild(handle, kind, maxvalue, name)`: the semaphore a pickled
/// `SemLock` named (opened again), or, without a name, a handle this process
/// has open (a forked child's inherited one).
fn rebuild(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let r = rest(&a);
    let args = positional(&r, "_rebuild", 4, 4)?;
    let handle = vm.index_value(&args[0])?;
    let kind = arg_c_int(vm, &args[1])?;
    let maxvalue = arg_c_int(vm, &args[2])?;
    let (sem, name) = match &args[3] {
        Value::None => {
            let shared = usize::try_from(handle).ok().and_then(Sem::share);
            (shared.ok_or_else(|| errno_err(libc::EINVAL))?, None)
        }
        v => {
            let n = c_name(v, "argument 4")?;
            let sem = Sem::open(&n).map_err(errno_err)?;
            (sem, Some(n.to_string_lossy().into_owned()))
        }
    };
    let st = SemLock {
        sem,
        kind,
        maxvalue,
        name,
        count: 0,
        last_tid: 0,
    };
    Ok(new_object(&cls, st))
}

/// `acquire(block=True, timeout=None)`.
fn acquire(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "acquire")?;
    let r = rest(&a);
    let b = bind_args(&r, "acquire", &["block", "timeout"], 0)?;
    let blocking = match b[0] {
        Some(v) => vm.index_value(v)? != 0,
        None => true,
    };
    let timeout = match b[1] {
        None | Some(Value::None) => None,
        Some(v) => match crate::ops::to_f64(v)? {
            Some(t) => Some(t.max(0.0)),
            None => {
                return Err(PyErr::type_error(format!(
                    "must be real number, not {}",
                    type_name(v)
                )))
            }
        },
    };
    let tid = vm.sched.ident();
    {
        let mut s = borrow(&st)?;
        if s.kind == RECURSIVE_MUTEX && s.is_mine(vm) {
            s.count = s.count.saturating_add(1);
            return Ok(Value::Bool(true));
        }
    }
    // A bounded wait; a NaN or huge timeout waits without bound.
    let wait_for = timeout
        .filter(|t| *t <= LONGEST_WAIT)
        .map(Duration::from_secs_f64);
    loop {
        let got = borrow(&st)?.sem.try_wait();
        match got {
            Ok(true) => {
                borrow(&st)?.took(tid);
                return Ok(Value::Bool(true));
            }
            Ok(false) => break,
            Err(libc::EINTR) => vm.check_signals()?,
            Err(e) => return Err(errno_err(e)),
        }
    }
    if !blocking {
        return Ok(Value::Bool(false));
    }
    if vm.sched.threads.len() == 1 {
        return wait_alone(vm, &st, wait_for, tid);
    }
    let deadline = wait_for.and_then(|d| Instant::now().checked_add(d));
    let probe_st = st.clone();
    let probe = Box::new(move || {
        let Ok(mut s) = probe_st.try_borrow_mut() else {
            return None;
        };
        match s.sem.try_wait() {
            Ok(true) => {
                s.took(tid);
                Some(Ok(Value::Bool(true)))
            }
            Ok(false) | Err(libc::EINTR) => None,
            Err(e) => Some(Err(errno_err(e))),
        }
    });
    let w = Wait::Poll(PollWait {
        probe,
        deadline,
        expired: Value::Bool(false),
    });
    super::thread::switch::block_on(vm, w, &a.pos[0])
}

/// Waits in `sem_wait`/`sem_timedwait` (no other Python thread could run).
fn wait_alone(vm: &mut Vm, st: &State, wait_for: Option<Duration>, tid: i64) -> PyResult<Value> {
    let deadline = match wait_for {
        Some(d) => Some(raw::realtime_after(d).map_err(errno_err)?),
        None => None,
    };
    vm.flush();
    loop {
        let r = borrow(st)?.sem.wait(deadline);
        match r {
            Ok(true) => {
                borrow(st)?.took(tid);
                return Ok(Value::Bool(true));
            }
            Ok(false) => return Ok(Value::Bool(false)),
            Err(libc::EINTR) => vm.check_signals()?,
            Err(e) => return Err(errno_err(e)),
        }
    }
}

/// `release()`.
fn release(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "release")?;
    if a.pos.len() > 1 || !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "SemLock.release() takes no arguments ({} given)",
            a.pos.len() - 1 + a.kwnames.len()
        )));
    }
    release_state(vm, &st)
}

fn release_state(vm: &mut Vm, st: &State) -> PyResult<Value> {
    let mut s = borrow(st)?;
    if s.kind == RECURSIVE_MUTEX {
        if !s.is_mine(vm) {
            return Err(PyErr::new(
                ExcKind::AssertionError,
                "attempt to release recursive lock not owned by thread",
            ));
        }
        if s.count > 1 {
            s.count -= 1;
            return Ok(Value::None);
        }
    } else {
        // As CPython: no absolute guarantee against exceeding maxvalue.
        let v = s.sem.value().map_err(errno_err)?;
        if v >= s.maxvalue {
            return Err(PyErr::value_error(
                "semaphore or lock released too many times",
            ));
        }
    }
    s.sem.post().map_err(errno_err)?;
    s.count -= 1;
    Ok(Value::None)
}

/// `__exit__(*args)`: releases.
fn exit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__exit__")?;
    release_state(vm, &st)
}

fn no_args(a: &Args<'_>, name: &str) -> PyResult<State> {
    let st = me(a, name)?;
    if a.pos.len() > 1 || !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "SemLock.{name}() takes no arguments ({} given)",
            a.pos.len() - 1 + a.kwnames.len()
        )));
    }
    Ok(st)
}

/// `_count()`: acquisitions minus releases in this process.
fn count(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = no_args(&a, "_count")?;
    let c = borrow(&st)?.count;
    Ok(Value::Int(i64::from(c)))
}

/// `_is_mine()`: held by the calling thread.
fn is_mine(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = no_args(&a, "_is_mine")?;
    let mine = borrow(&st)?.is_mine(vm);
    Ok(Value::Bool(mine))
}

/// `_get_value()`: the semaphore's value (never negative).
fn get_value(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = no_args(&a, "_get_value")?;
    let v = borrow(&st)?.sem.value().map_err(errno_err)?;
    Ok(Value::Int(i64::from(v.max(0))))
}

/// `_is_zero()`.
fn is_zero(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = no_args(&a, "_is_zero")?;
    let v = borrow(&st)?.sem.value().map_err(errno_err)?;
    Ok(Value::Bool(v == 0))
}

/// `_after_fork()`: a forked child holds nothing yet.
fn after_fork(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = no_args(&a, "_after_fork")?;
    borrow(&st)?.count = 0;
    Ok(Value::None)
}

fn get_handle(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "handle")?;
    let h = borrow(&st)?.sem.handle();
    Ok(Value::Int(i64::try_from(h).unwrap_or(i64::MAX)))
}

fn get_kind(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "kind")?;
    let k = borrow(&st)?.kind;
    Ok(Value::Int(i64::from(k)))
}

fn get_maxvalue(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "maxvalue")?;
    let m = borrow(&st)?.maxvalue;
    Ok(Value::Int(i64::from(m)))
}

fn get_name(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "name")?;
    let n = borrow(&st)?.name.clone();
    Ok(n.map_or(Value::None, Value::string))
}

/// `sem_unlink(name)`.
fn sem_unlink(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "sem_unlink", 1, 1)?;
    let name = c_name(&args[0], "argument")?;
    raw::sem_unlink(&name).map_err(errno_err)?;
    Ok(Value::None)
}

/// Builds the `_multiprocessing` module.
pub fn init(vm: &mut Vm) -> Value {
    let cls = class_of(vm, &SEMLOCK);
    if let Some(h) = &cls.heap {
        let _ = h
            .dict
            .borrow_mut()
            .insert(Value::str("SEM_VALUE_MAX"), Value::Int(SEM_VALUE_MAX));
    }
    let mut flags = Dict::new();
    let _ = flags.insert(Value::str("HAVE_SEM_OPEN"), Value::Int(1));
    let _ = flags.insert(Value::str("HAVE_SEM_TIMEDWAIT"), Value::Int(1));
    new_module(
        "_multiprocessing",
        MP_FUNCTIONS,
        vec![("SemLock", Value::Type(cls)), ("flags", Value::dict(flags))],
    )
}
