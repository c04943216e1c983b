//! The C library's local-time calls (`tzset`, `localtime_r`, `mktime`, the
//! `tzname` pair) as safe functions over [`CTm`], for `time`.
//!
//! A place where the VM may use `unsafe`, as `posix::raw`: each call gets a
//! Rust-owned `struct tm`, and the zone name the C library points to is
//! copied out before any other call can replace it.
#![allow(unsafe_code)]

use std::ffi::CStr;

use super::posix::raw::errno;
use super::time_format::CTm;

extern "C" {
    /// POSIX `tzset(3)`: reads `TZ` into the C library's zone state.
    fn tzset();
    /// POSIX `tzname`: standard and summer-time zone names, set by `tzset`.
    static tzname: [*const libc::c_char; 2];
}

/// `tzset()`: the C library rereads the `TZ` environment variable.
pub(crate) fn set_zone() {
    // SAFETY: `tzset` takes no arguments; the VM runs on one OS thread, so no
    // other thread reads the zone state meanwhile.
    unsafe { tzset() }
}

/// `tzname[dst]` of the C library, as `strftime` uses for `%Z` when a time
/// tuple carries no zone.
pub(crate) fn zone_name(dst: bool) -> String {
    // SAFETY: `tzname` holds two pointers to NUL-terminated strings of the C
    // library (or null), valid until the next `tzset`; the text is copied.
    unsafe {
        let p = tzname[usize::from(dst)];
        if p.is_null() {
            return String::new();
        }
        CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

/// A zeroed `struct tm`.
fn blank_tm() -> libc::tm {
    libc::tm {
        tm_sec: 0,
        tm_min: 0,
        tm_hour: 0,
        tm_mday: 0,
        tm_mon: 0,
        tm_year: 0,
        tm_wday: 0,
        tm_yday: 0,
        tm_isdst: 0,
        tm_gmtoff: 0,
        tm_zone: std::ptr::null(),
    }
}

/// `localtime_r(t)`: the broken-down local time, or the `errno` of its
/// failure (`EOVERFLOW` for a year beyond C's `int`).
pub(crate) fn local_time(t: i64) -> Result<CTm, i32> {
    let t: libc::time_t = t;
    let mut tm = blank_tm();
    // SAFETY: `t` and `tm` are live Rust values of the C types.
    let r = unsafe { libc::localtime_r(&t, &mut tm) };
    if r.is_null() {
        let e = errno();
        return Err(if e == 0 { libc::EINVAL } else { e });
    }
    let zone = if tm.tm_zone.is_null() {
        None
    } else {
        // SAFETY: a non-null `tm_zone` points to a NUL-terminated name the C
        // library keeps alive at least until the next zone change.
        Some(
            unsafe { CStr::from_ptr(tm.tm_zone) }
                .to_string_lossy()
                .into_owned(),
        )
    };
    Ok(CTm {
        year: i64::from(tm.tm_year),
        mon: i64::from(tm.tm_mon),
        mday: i64::from(tm.tm_mday),
        hour: i64::from(tm.tm_hour),
        min: i64::from(tm.tm_min),
        sec: i64::from(tm.tm_sec),
        wday: i64::from(tm.tm_wday),
        yday: i64::from(tm.tm_yday),
        isdst: i64::from(tm.tm_isdst),
        zone,
        gmtoff: tm.tm_gmtoff,
    })
}

/// `mktime(tm)` in local time: `None` when a field does not fit C's `int`
/// or the C library cannot represent the result (`-1` with `tm_wday` left
/// at the `-1` sentinel, the test `time_mktime` makes).
pub(crate) fn make_time(tm: &CTm) -> Option<i64> {
    let int = |v: i64| i32::try_from(v).ok();
    let mut c = blank_tm();
    c.tm_year = int(tm.year)?;
    c.tm_mon = int(tm.mon)?;
    c.tm_mday = int(tm.mday)?;
    c.tm_hour = int(tm.hour)?;
    c.tm_min = int(tm.min)?;
    c.tm_sec = int(tm.sec)?;
    c.tm_yday = int(tm.yday)?;
    c.tm_isdst = int(tm.isdst)?;
    c.tm_wday = -1;
    // SAFETY: `c` is a live `struct tm` the call normalizes in place.
    let t = unsafe { libc::mktime(&mut c) };
    if t == -1 && c.tm_wday == -1 {
        return None;
    }
    Some(t)
}
