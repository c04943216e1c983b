//! The C library's terminal calls (`tcgetattr`, `tcsetattr`, the speed
//! accessors, `tcsendbreak`, `tcdrain`, `tcflush`, `tcflow`, the window-size
//! ioctls) as safe functions over Rust-owned structs, for `termios`.
//!
//! A place where the VM may use `unsafe`, as `posix::raw`: each call gets
//! a descriptor and pointers to live Rust values of the C types, and `-1`
//! becomes its `errno`.
#![allow(unsafe_code)]

use super::posix::raw::errno;

/// `Err(errno)` for a `-1` result.
fn check(r: libc::c_int) -> Result<(), i32> {
    if r == -1 {
        Err(errno())
    } else {
        Ok(())
    }
}

/// `tcgetattr(fd)`.
pub(crate) fn get_attr(fd: i32) -> Result<libc::termios, i32> {
    // SAFETY: `termios` is plain integers and arrays; all zeros is valid.
    let mut mode: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: `mode` is a live `struct termios`.
    check(unsafe { libc::tcgetattr(fd, &mut mode) })?;
    Ok(mode)
}

/// `tcsetattr(fd, when, mode)`.
pub(crate) fn set_attr(fd: i32, when: i32, mode: &libc::termios) -> Result<(), i32> {
    // SAFETY: `mode` is a live `struct termios` the call only reads.
    check(unsafe { libc::tcsetattr(fd, when, mode) })
}

/// `cfgetispeed(mode)`.
pub(crate) fn in_speed(mode: &libc::termios) -> libc::speed_t {
    // SAFETY: `mode` is a live `struct termios` the call only reads.
    unsafe { libc::cfgetispeed(mode) }
}

/// `cfgetospeed(mode)`.
pub(crate) fn out_speed(mode: &libc::termios) -> libc::speed_t {
    // SAFETY: as `in_speed`.
    unsafe { libc::cfgetospeed(mode) }
}

/// `cfsetispeed` then `cfsetospeed`.
pub(crate) fn set_speeds(
    mode: &mut libc::termios,
    ispeed: libc::speed_t,
    ospeed: libc::speed_t,
) -> Result<(), i32> {
    // SAFETY: `mode` is a live `struct termios` the calls update.
    check(unsafe { libc::cfsetispeed(mode, ispeed) })?;
    // SAFETY: as above.
    check(unsafe { libc::cfsetospeed(mode, ospeed) })
}

/// `tcsendbreak(fd, duration)`.
pub(crate) fn send_break(fd: i32, duration: i32) -> Result<(), i32> {
    // SAFETY: integers only.
    check(unsafe { libc::tcsendbreak(fd, duration) })
}

/// `tcflush(fd, queue)`.
pub(crate) fn flush(fd: i32, queue: i32) -> Result<(), i32> {
    // SAFETY: integers only.
    check(unsafe { libc::tcflush(fd, queue) })
}

/// `tcflow(fd, action)`.
pub(crate) fn flow(fd: i32, action: i32) -> Result<(), i32> {
    // SAFETY: integers only.
    check(unsafe { libc::tcflow(fd, action) })
}

/// `tcdrain(fd)`.
pub(crate) fn drain(fd: i32) -> Result<(), i32> {
    // SAFETY: an integer only.
    check(unsafe { libc::tcdrain(fd) })
}

/// `ioctl(fd, TIOCGWINSZ)`.
pub(crate) fn get_winsize(fd: i32) -> Result<libc::winsize, i32> {
    let mut w = libc::winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: `TIOCGWINSZ` writes one `struct winsize`, which `w` is.
    check(unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) })?;
    Ok(w)
}

/// `ioctl(fd, TIOCSWINSZ, w)`.
pub(crate) fn set_winsize(fd: i32, w: &libc::winsize) -> Result<(), i32> {
    // SAFETY: `TIOCSWINSZ` reads one `struct winsize`, which `w` is.
    check(unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, w) })
}
