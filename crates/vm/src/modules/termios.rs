//! `termios`: CPython's `Modules/termios.c`, POSIX terminal control
//! (`tcgetattr`/`tcsetattr`, `tcsendbreak`, `tcdrain`, `tcflush`, `tcflow`,
//! `tcgetwinsize`/`tcsetwinsize`) on descriptors or objects with
//! `fileno()`, through the C library (`termios_raw.rs`). Failures raise
//! `termios.error(errno, strerror)`. The constants are the C library's own
//! (the `libc` crate's), so they are the values CPython was built with.

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::positional;
use crate::types::{ExcKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

use super::cint::as_c_int;
use super::select::fd_of;
use super::termios_raw as raw;
use super::{module_functions, new_module};

module_functions!(TERMIOS_FUNCTIONS, "termios", [
    "tcgetattr" => tcgetattr, "tcsetattr" => tcsetattr, "tcsendbreak" => tcsendbreak,
    "tcdrain" => tcdrain, "tcflush" => tcflush, "tcflow" => tcflow,
    "tcgetwinsize" => tcgetwinsize, "tcsetwinsize" => tcsetwinsize,
]);

/// `(name, libc::name)` pairs for a list of C library constants.
macro_rules! libc_constants {
    ($($name:ident),* $(,)?) => {
        // The C types differ (`tcflag_t`, `speed_t`, `c_ulong` requests,
        // `usize` indices); each is widened to a Python int.
        #[allow(clippy::unnecessary_cast, clippy::cast_possible_wrap)]
        const LIBC_CONSTANTS: &[(&str, i64)] = &[$((stringify!($name), libc::$name as i64)),*];
    };
}

libc_constants!(
    B0,
    B1000000,
    B110,
    B115200,
    B1152000,
    B1200,
    B134,
    B150,
    B1500000,
    B1800,
    B19200,
    B200,
    B2000000,
    B230400,
    B2400,
    B2500000,
    B300,
    B3000000,
    B3500000,
    B38400,
    B4000000,
    B460800,
    B4800,
    B50,
    B500000,
    B57600,
    B576000,
    B600,
    B75,
    B921600,
    B9600,
    BRKINT,
    BS0,
    BS1,
    BSDLY,
    CBAUD,
    CBAUDEX,
    CIBAUD,
    CLOCAL,
    CR0,
    CR1,
    CR2,
    CR3,
    CRDLY,
    CREAD,
    CRTSCTS,
    CS5,
    CS6,
    CS7,
    CS8,
    CSIZE,
    CSTOPB,
    ECHO,
    ECHOCTL,
    ECHOE,
    ECHOK,
    ECHOKE,
    ECHONL,
    ECHOPRT,
    EXTA,
    EXTB,
    FF0,
    FF1,
    FFDLY,
    FIOASYNC,
    FIOCLEX,
    FIONBIO,
    FIONCLEX,
    FIONREAD,
    FLUSHO,
    HUPCL,
    ICANON,
    ICRNL,
    IEXTEN,
    IGNBRK,
    IGNCR,
    IGNPAR,
    IMAXBEL,
    INLCR,
    INPCK,
    ISIG,
    ISTRIP,
    IUCLC,
    IXANY,
    IXOFF,
    IXON,
    NCCS,
    NL0,
    NL1,
    NLDLY,
    NOFLSH,
    OCRNL,
    OFDEL,
    OFILL,
    OLCUC,
    ONLCR,
    ONLRET,
    ONOCR,
    OPOST,
    PARENB,
    PARMRK,
    PARODD,
    PENDIN,
    TAB0,
    TAB1,
    TAB2,
    TAB3,
    TABDLY,
    TCFLSH,
    TCGETA,
    TCGETS,
    TCIFLUSH,
    TCIOFF,
    TCIOFLUSH,
    TCION,
    TCOFLUSH,
    TCOOFF,
    TCOON,
    TCSADRAIN,
    TCSAFLUSH,
    TCSANOW,
    TCSBRK,
    TCSBRKP,
    TCSETA,
    TCSETAF,
    TCSETAW,
    TCSETS,
    TCSETSF,
    TCSETSW,
    TCXONC,
    TIOCCONS,
    TIOCEXCL,
    TIOCGETD,
    TIOCGICOUNT,
    TIOCGLCKTRMIOS,
    TIOCGPGRP,
    TIOCGSERIAL,
    TIOCGSOFTCAR,
    TIOCGWINSZ,
    TIOCINQ,
    TIOCLINUX,
    TIOCMBIC,
    TIOCMBIS,
    TIOCMGET,
    TIOCMIWAIT,
    TIOCMSET,
    TIOCM_CAR,
    TIOCM_CD,
    TIOCM_CTS,
    TIOCM_DSR,
    TIOCM_DTR,
    TIOCM_LE,
    TIOCM_RI,
    TIOCM_RNG,
    TIOCM_RTS,
    TIOCM_SR,
    TIOCM_ST,
    TIOCNOTTY,
    TIOCNXCL,
    TIOCOUTQ,
    TIOCPKT,
    TIOCSCTTY,
    TIOCSERCONFIG,
    TIOCSERGETLSR,
    TIOCSERGETMULTI,
    TIOCSERGSTRUCT,
    TIOCSERGWILD,
    TIOCSERSETMULTI,
    TIOCSERSWILD,
    TIOCSETD,
    TIOCSLCKTRMIOS,
    TIOCSPGRP,
    TIOCSSERIAL,
    TIOCSSOFTCAR,
    TIOCSTI,
    TIOCSWINSZ,
    TOSTOP,
    VDISCARD,
    VEOF,
    VEOL,
    VEOL2,
    VERASE,
    VINTR,
    VKILL,
    VLNEXT,
    VMIN,
    VQUIT,
    VREPRINT,
    VSTART,
    VSTOP,
    VSUSP,
    VSWTC,
    VT0,
    VT1,
    VTDLY,
    VTIME,
    VWERASE,
    XCASE,
    XTABS,
);

/// `CTRL(c)` of `<sys/ttydefaults.h>`.
const fn ctrl(c: u8) -> i64 {
    (c & 0o37) as i64
}

/// The constants the `libc` crate does not declare, each as its C header
/// defines it: the default control characters of `<sys/ttydefaults.h>`, the
/// line disciplines and packet-mode bits of `<asm-generic/termios.h>` and
/// `<asm-generic/ioctls.h>`, the ioctl size field of `<asm-generic/ioctl.h>`
/// and `VSWTCH`, which CPython defines as `VSWTC`.
const HEADER_CONSTANTS: &[(&str, i64)] = &[
    ("CDSUSP", ctrl(b'y')),
    ("CEOF", ctrl(b'd')),
    ("CEOL", 0),
    ("CEOT", ctrl(b'd')),
    ("CERASE", 0o177),
    ("CFLUSH", ctrl(b'o')),
    ("CINTR", ctrl(b'c')),
    ("CKILL", ctrl(b'u')),
    ("CLNEXT", ctrl(b'v')),
    ("CQUIT", 0o34),
    ("CRPRNT", ctrl(b'r')),
    ("CSTART", ctrl(b'q')),
    ("CSTOP", ctrl(b's')),
    ("CSUSP", ctrl(b'z')),
    ("CWERASE", ctrl(b'w')),
    ("IOCSIZE_MASK", ((1 << 14) - 1) << 16),
    ("IOCSIZE_SHIFT", 16),
    ("NCC", 8),
    ("N_MOUSE", 2),
    ("N_PPP", 3),
    ("N_SLIP", 1),
    ("N_STRIP", 4),
    ("N_TTY", 0),
    ("TIOCPKT_DATA", 0),
    ("TIOCPKT_DOSTOP", 32),
    ("TIOCPKT_FLUSHREAD", 1),
    ("TIOCPKT_FLUSHWRITE", 2),
    ("TIOCPKT_NOSTOP", 16),
    ("TIOCPKT_START", 8),
    ("TIOCPKT_STOP", 4),
    ("TIOCSER_TEMT", 1),
    ("VSWTCH", libc::VSWTC as i64),
];

/// Builds the `termios` module.
pub fn init(vm: &mut Vm) -> Value {
    let mut extra: Vec<(&str, Value)> = LIBC_CONSTANTS
        .iter()
        .chain(HEADER_CONSTANTS)
        .map(|&(n, v)| (n, Value::Int(v)))
        .collect();
    extra.push(("error", Value::Type(error_class(vm))));
    new_module("termios", TERMIOS_FUNCTIONS, extra)
}

/// `termios.error`.
fn error_class(vm: &mut Vm) -> Rc<TypeObj> {
    super::native_exc::class(vm, "termios.error", "termios", "error", ExcKind::Exception)
}

/// `PyErr_SetFromErrno(termios.error)`: `error(errno, strerror)`.
fn os_error(vm: &mut Vm, errno: i32) -> PyErr {
    let t = error_class(vm);
    let text = crate::oserror::strerror(&std::io::Error::from_raw_os_error(errno));
    PyErr(Rc::new(crate::exc::ExcObj::new(
        t,
        vec![Value::Int(i64::from(errno)), Value::string(text)],
    )))
}

/// The one argument of a `METH_O` function (`tcgetattr`, `tcdrain`,
/// `tcgetwinsize`), with its message.
fn only_arg<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    a.no_kw_lazy(|| format!("termios.{name}"))?;
    match a.pos {
        [x] => Ok(x),
        _ => Err(PyErr::type_error(format!(
            "termios.{name}() takes exactly one argument ({} given)",
            a.pos.len()
        ))),
    }
}

/// `tcgetattr(fd)`: `[iflag, oflag, cflag, lflag, ispeed, ospeed, cc]`, the
/// control characters as 1-byte bytes, except `VMIN` and `VTIME`, which
/// are ints outside canonical mode.
fn tcgetattr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let fd = fd_of(vm, only_arg(&a, "tcgetattr")?)?;
    let mode = raw::get_attr(fd).map_err(|e| os_error(vm, e))?;
    let mut cc: Vec<Value> = mode
        .c_cc
        .iter()
        .map(|&c| Value::Bytes(Rc::new(vec![c])))
        .collect();
    if mode.c_lflag & libc::ICANON == 0 {
        for i in [libc::VMIN, libc::VTIME] {
            if let (Some(slot), Some(&c)) = (cc.get_mut(i), mode.c_cc.get(i)) {
                *slot = Value::Int(i64::from(c));
            }
        }
    }
    Ok(Value::list(vec![
        Value::Int(i64::from(mode.c_iflag)),
        Value::Int(i64::from(mode.c_oflag)),
        Value::Int(i64::from(mode.c_cflag)),
        Value::Int(i64::from(mode.c_lflag)),
        Value::Int(i64::from(raw::in_speed(&mode))),
        Value::Int(i64::from(raw::out_speed(&mode))),
        Value::list(cc),
    ]))
}

/// `PyLong_AsLong` for one attribute, truncated to the C field as the C
/// module's casts truncate it.
fn long_item(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::BigInt(_) => Err(PyErr::overflow("Python int too large to convert to C long")),
        other => vm.index_value(other),
    }
}

/// `tcsetattr(fd, when, attributes)`: the attributes over the current ones
/// (which may hold fields the list does not).
fn tcsetattr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "tcsetattr", 3, 3)?;
    let fd = fd_of(vm, &args[0])?;
    let when = as_c_int(vm, &args[1])?;
    let items = match &args[2] {
        Value::List(l) if l.borrow().len() == 7 => l.borrow().clone(),
        _ => {
            return Err(PyErr::type_error(
                "tcsetattr, arg 3: must be 7 element list",
            ))
        }
    };
    let mut mode = raw::get_attr(fd).map_err(|e| os_error(vm, e))?;
    let mut flags = [0i64; 6];
    for (slot, item) in flags.iter_mut().zip(items.iter()) {
        *slot = long_item(vm, item)?;
    }
    // The casts of the C module: `tcflag_t` and `speed_t` are 32 bits.
    mode.c_iflag = flags[0] as libc::tcflag_t;
    mode.c_oflag = flags[1] as libc::tcflag_t;
    mode.c_cflag = flags[2] as libc::tcflag_t;
    mode.c_lflag = flags[3] as libc::tcflag_t;
    let (ispeed, ospeed) = (flags[4] as libc::speed_t, flags[5] as libc::speed_t);
    let cc = match &items[6] {
        Value::List(l) if l.borrow().len() == libc::NCCS => l.borrow().clone(),
        _ => {
            return Err(PyErr::type_error(format!(
                "tcsetattr: attributes[6] must be {} element list",
                libc::NCCS
            )))
        }
    };
    for (slot, v) in mode.c_cc.iter_mut().zip(cc.iter()) {
        *slot = match v {
            Value::Bytes(b) if b.len() == 1 => b[0],
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => long_item(vm, v)? as libc::cc_t,
            _ => {
                return Err(PyErr::type_error(
                    "tcsetattr: elements of attributes must be characters or integers",
                ))
            }
        };
    }
    raw::set_speeds(&mut mode, ispeed, ospeed).map_err(|e| os_error(vm, e))?;
    raw::set_attr(fd, when, &mode).map_err(|e| os_error(vm, e))?;
    Ok(Value::None)
}

/// The `(fd, int)` functions: `tcsendbreak`, `tcflush`, `tcflow`.
fn fd_and_int(
    vm: &mut Vm,
    a: &Args<'_>,
    name: &str,
    call: fn(i32, i32) -> Result<(), i32>,
) -> PyResult<Value> {
    let args = positional(a, name, 2, 2)?;
    let fd = fd_of(vm, &args[0])?;
    let n = as_c_int(vm, &args[1])?;
    call(fd, n).map_err(|e| os_error(vm, e))?;
    Ok(Value::None)
}

/// `tcsendbreak(fd, duration)`.
fn tcsendbreak(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    fd_and_int(vm, &a, "tcsendbreak", raw::send_break)
}

/// `tcflush(fd, queue)`.
fn tcflush(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    fd_and_int(vm, &a, "tcflush", raw::flush)
}

/// `tcflow(fd, action)`.
fn tcflow(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    fd_and_int(vm, &a, "tcflow", raw::flow)
}

/// `tcdrain(fd)`.
fn tcdrain(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let fd = fd_of(vm, only_arg(&a, "tcdrain")?)?;
    raw::drain(fd).map_err(|e| os_error(vm, e))?;
    Ok(Value::None)
}

/// `tcgetwinsize(fd)`: `(rows, columns)`.
fn tcgetwinsize(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let fd = fd_of(vm, only_arg(&a, "tcgetwinsize")?)?;
    let w = raw::get_winsize(fd).map_err(|e| os_error(vm, e))?;
    Ok(Value::tuple(vec![
        Value::Int(i64::from(w.ws_row)),
        Value::Int(i64::from(w.ws_col)),
    ]))
}

/// `tcsetwinsize(fd, (rows, columns))`: the other fields (pixel sizes) are
/// kept from the current size.
fn tcsetwinsize(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "tcsetwinsize", 2, 2)?;
    let fd = fd_of(vm, &args[0])?;
    let items = match &args[1] {
        Value::Tuple(t) if t.len() == 2 => t.to_vec(),
        Value::List(l) if l.borrow().len() == 2 => l.borrow().clone(),
        Value::Tuple(_) | Value::List(_) | Value::Int(_) | Value::None => {
            return Err(PyErr::type_error(
                "tcsetwinsize, arg 2: must be a two-item sequence",
            ))
        }
        other => {
            let items = vm.collect(other).map_err(|_| {
                PyErr::type_error("tcsetwinsize, arg 2: must be a two-item sequence")
            })?;
            if items.len() != 2 {
                return Err(PyErr::type_error(
                    "tcsetwinsize, arg 2: must be a two-item sequence",
                ));
            }
            items
        }
    };
    let rows = long_item(vm, &items[0])?;
    let cols = long_item(vm, &items[1])?;
    let mut w = raw::get_winsize(fd).map_err(|e| os_error(vm, e))?;
    let (Ok(r), Ok(c)) = (u16::try_from(rows), u16::try_from(cols)) else {
        return Err(PyErr::overflow("winsize value(s) out of range."));
    };
    w.ws_row = r;
    w.ws_col = c;
    raw::set_winsize(fd, &w).map_err(|e| os_error(vm, e))?;
    Ok(Value::None)
}
