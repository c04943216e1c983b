//! POSIX named semaphores and shared-memory objects through the C library,
//! for `_multiprocessing.SemLock` and `_posixshmem`.
//!
//! A place where the VM may use `unsafe`, as `posix::raw`. A semaphore
//! handle is a `sem_t *` that this process opened; every open handle is
//! counted in a table, so a handle given back from Python (`_rebuild`)
//! is used only while this process has it open, and it is closed once
//! the last object using it goes. A forked child inherits the table with
//! the mappings it describes.
#![allow(unsafe_code)]

use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::CString;
use std::time::Duration;

use crate::modules::posix::raw::errno;

thread_local! {
    /// Open handles (their addresses) and how many objects use each.
    static OPEN: RefCell<HashMap<usize, usize>> = RefCell::new(HashMap::new());
}

/// One use of an open named semaphore; closed when its last use is dropped.
#[derive(Debug)]
pub(crate) struct Sem {
    ptr: usize,
}

impl Sem {
    fn adopt(p: *mut libc::sem_t) -> Sem {
        let ptr = p as usize;
        OPEN.with(|t| *t.borrow_mut().entry(ptr).or_insert(0) += 1);
        Sem { ptr }
    }

    fn raw(&self) -> *mut libc::sem_t {
        self.ptr as *mut libc::sem_t
    }

    /// `sem_open(name, O_CREAT | O_EXCL, 0600, value)`.
    pub(crate) fn create(name: &CString, value: u32) -> Result<Sem, i32> {
        // SAFETY: a NUL-terminated name; the variadic arguments are the
        // mode and initial value `sem_open` reads with O_CREAT.
        let p = unsafe {
            libc::sem_open(
                name.as_ptr(),
                libc::O_CREAT | libc::O_EXCL,
                0o600 as libc::c_uint,
                value as libc::c_uint,
            )
        };
        if p == libc::SEM_FAILED {
            return Err(errno());
        }
        Ok(Sem::adopt(p))
    }

    /// `sem_open(name, 0)`: an existing semaphore.
    pub(crate) fn open(name: &CString) -> Result<Sem, i32> {
        // SAFETY: a NUL-terminated name; without O_CREAT no more arguments.
        let p = unsafe { libc::sem_open(name.as_ptr(), 0) };
        if p == libc::SEM_FAILED {
            return Err(errno());
        }
        Ok(Sem::adopt(p))
    }

    /// Another use of a handle this process has open (`None` if it has not).
    pub(crate) fn share(handle: usize) -> Option<Sem> {
        let known = OPEN.with(|t| t.borrow().contains_key(&handle));
        known.then(|| Sem::adopt(handle as *mut libc::sem_t))
    }

    /// The handle's address (`SemLock.handle`).
    pub(crate) fn handle(&self) -> usize {
        self.ptr
    }

    /// `sem_trywait`: `Ok(false)` when the value is 0.
    pub(crate) fn try_wait(&self) -> Result<bool, i32> {
        // SAFETY: an open handle (counted in `OPEN`, closed only on the
        // last drop).
        if unsafe { libc::sem_trywait(self.raw()) } == 0 {
            return Ok(true);
        }
        match errno() {
            libc::EAGAIN => Ok(false),
            e => Err(e),
        }
    }

    /// `sem_wait`, or `sem_timedwait` until `deadline` (a `CLOCK_REALTIME`
    /// time): `Ok(false)` on the timeout; `Err(EINTR)` for a signal.
    pub(crate) fn wait(&self, deadline: Option<libc::timespec>) -> Result<bool, i32> {
        // SAFETY: an open handle; `deadline` lives across the call.
        let r = unsafe {
            match &deadline {
                None => libc::sem_wait(self.raw()),
                Some(d) => libc::sem_timedwait(self.raw(), d),
            }
        };
        if r == 0 {
            return Ok(true);
        }
        match errno() {
            libc::ETIMEDOUT | libc::EAGAIN => Ok(false),
            e => Err(e),
        }
    }

    /// `sem_post`.
    pub(crate) fn post(&self) -> Result<(), i32> {
        // SAFETY: an open handle.
        if unsafe { libc::sem_post(self.raw()) } == 0 {
            Ok(())
        } else {
            Err(errno())
        }
    }

    /// `sem_getvalue`.
    pub(crate) fn value(&self) -> Result<i32, i32> {
        let mut v: libc::c_int = 0;
        // SAFETY: an open handle and a valid place for the value.
        if unsafe { libc::sem_getvalue(self.raw(), &mut v) } == 0 {
            Ok(v)
        } else {
            Err(errno())
        }
    }
}

impl Drop for Sem {
    fn drop(&mut self) {
        let last = OPEN.with(|t| {
            let mut t = t.borrow_mut();
            match t.get_mut(&self.ptr) {
                Some(n) if *n > 1 => {
                    *n -= 1;
                    false
                }
                Some(_) => {
                    t.remove(&self.ptr);
                    true
                }
                None => false,
            }
        });
        if last {
            // SAFETY: the last use of a handle `sem_open` gave.
            unsafe { libc::sem_close(self.raw()) };
        }
    }
}

/// `CLOCK_REALTIME` now plus `after` (the absolute time `sem_timedwait` takes).
// `time_t` and `c_long` are `i64` here but narrower on other targets.
#[allow(clippy::unnecessary_cast)]
pub(crate) fn realtime_after(after: Duration) -> Result<libc::timespec, i32> {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: a valid place for the time.
    if unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut now) } != 0 {
        return Err(errno());
    }
    let nsec = now.tv_nsec as i64 + i64::from(after.subsec_nanos());
    let secs = i64::try_from(after.as_secs()).unwrap_or(i64::MAX / 4);
    let sec = (now.tv_sec as i64)
        .saturating_add(secs)
        .saturating_add(nsec / 1_000_000_000);
    Ok(libc::timespec {
        tv_sec: sec as libc::time_t,
        tv_nsec: (nsec % 1_000_000_000) as libc::c_long,
    })
}

/// `sem_unlink(name)`.
pub(crate) fn sem_unlink(name: &CString) -> Result<(), i32> {
    // SAFETY: a NUL-terminated name.
    if unsafe { libc::sem_unlink(name.as_ptr()) } == 0 {
        Ok(())
    } else {
        Err(errno())
    }
}

/// `shm_open(name, flags, mode)`: a new descriptor.
pub(crate) fn shm_open(name: &CString, flags: i32, mode: u32) -> Result<i32, i32> {
    // SAFETY: a NUL-terminated name.
    let fd = unsafe { libc::shm_open(name.as_ptr(), flags, mode as libc::mode_t) };
    if fd < 0 {
        Err(errno())
    } else {
        Ok(fd)
    }
}

/// `shm_unlink(name)`.
pub(crate) fn shm_unlink(name: &CString) -> Result<(), i32> {
    // SAFETY: a NUL-terminated name.
    if unsafe { libc::shm_unlink(name.as_ptr()) } == 0 {
        Ok(())
    } else {
        Err(errno())
    }
}
