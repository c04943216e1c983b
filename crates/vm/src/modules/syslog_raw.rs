//! The C library's logger calls (`openlog`, `syslog`, `closelog`,
//! `setlogmask`) as safe functions, for `syslog`.
//!
//! A place where the VM may use `unsafe`, as `posix::raw`. `openlog` keeps
//! the identifier's pointer, so the identifier lives here until the next
//! `openlog` or `closelog`, as the C module keeps its object.
#![allow(unsafe_code)]

use std::ffi::CString;
use std::sync::Mutex;

/// The identifier `openlog` was given (`None`: the C library's default),
/// and whether the log is open.
static STATE: Mutex<(Option<CString>, bool)> = Mutex::new((None, false));

/// Whether `openlog` was called (and `closelog` not since).
pub(crate) fn is_open() -> bool {
    STATE.lock().map(|s| s.1).unwrap_or(false)
}

/// `openlog(ident, option, facility)`; `ident` holds no NUL.
pub(crate) fn open(ident: Option<Vec<u8>>, option: i32, facility: i32) {
    let ident = ident.and_then(|b| CString::new(b).ok());
    let Ok(mut state) = STATE.lock() else {
        return;
    };
    let ptr = ident.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: `ptr` is null or a NUL-terminated string that `STATE` keeps
    // alive until a later `openlog` or `closelog` replaces it.
    unsafe { libc::openlog(ptr, option, facility) };
    *state = (ident, true);
}

/// `syslog(priority, "%s", message)`; `message` holds no NUL.
pub(crate) fn log(priority: i32, message: &[u8]) {
    let Ok(message) = CString::new(message) else {
        return;
    };
    // SAFETY: a constant format taking one string, and that string.
    unsafe { libc::syslog(priority, c"%s".as_ptr(), message.as_ptr()) };
}

/// `closelog()`, when the log is open.
pub(crate) fn close() {
    let Ok(mut state) = STATE.lock() else {
        return;
    };
    if state.1 {
        // SAFETY: no arguments.
        unsafe { libc::closelog() };
        *state = (None, false);
    }
}

/// `setlogmask(mask)`: the previous mask.
pub(crate) fn set_mask(mask: i32) -> i32 {
    // SAFETY: an integer only.
    unsafe { libc::setlogmask(mask) }
}
