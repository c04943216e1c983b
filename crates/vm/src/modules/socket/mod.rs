//! `_socket`: CPython's `Modules/socketmodule.c`, the native half of
//! `socket.py` (whose `socket` class derives from `_socket.socket`) and,
//! through it, of `asyncio`'s event loop.
//!
//! - `sock.rs`: the `socket` class (blocking, non-blocking and timeout
//!   modes as CPython: a timeout puts the descriptor in non-blocking mode
//!   and waits with `poll` before each call).
//! - `addr.rs`: addresses between Python tuples or paths and [`raw::SockAddr`].
//! - `names.rs`: the module functions on names and numbers (`getaddrinfo`,
//!   `gethostname`, `inet_pton`, `htons`, ...).
//! - `raw.rs`: the system calls, the module's only `unsafe` code.
//!
//! Families are `AF_UNIX`, `AF_INET` and `AF_INET6`; constants are Linux's
//! values, as CPython reports them there.

mod addr;
mod names;
mod raw;
mod sock;

use std::rc::Rc;

use crate::exc::{ExcObj, PyErr};
use crate::types::{exc_type, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

use super::{module_functions, new_module};

pub(crate) const AF_UNIX: i32 = 1;
pub(crate) const AF_INET: i32 = 2;
pub(crate) const AF_INET6: i32 = 10;

/// Linux's values of the constants `socket.py`, `asyncio` and programs read.
const CONSTANTS: &[(&str, i64)] = &[
    ("AF_UNSPEC", 0),
    ("AF_UNIX", 1),
    ("AF_INET", 2),
    ("AF_INET6", 10),
    ("AF_NETLINK", 16),
    ("AF_PACKET", 17),
    ("SOCK_STREAM", 1),
    ("SOCK_DGRAM", 2),
    ("SOCK_RAW", 3),
    ("SOCK_RDM", 4),
    ("SOCK_SEQPACKET", 5),
    ("SOCK_NONBLOCK", 0o4000),
    ("SOCK_CLOEXEC", 0o2000000),
    ("SOL_SOCKET", 1),
    ("SOL_IP", 0),
    ("SOL_TCP", 6),
    ("SOL_UDP", 17),
    ("SO_DEBUG", 1),
    ("SO_REUSEADDR", 2),
    ("SO_TYPE", 3),
    ("SO_ERROR", 4),
    ("SO_DONTROUTE", 5),
    ("SO_BROADCAST", 6),
    ("SO_SNDBUF", 7),
    ("SO_RCVBUF", 8),
    ("SO_KEEPALIVE", 9),
    ("SO_OOBINLINE", 10),
    ("SO_LINGER", 13),
    ("SO_REUSEPORT", 15),
    ("SO_PEERCRED", 17),
    ("SO_RCVLOWAT", 18),
    ("SO_SNDLOWAT", 19),
    ("SO_RCVTIMEO", 20),
    ("SO_SNDTIMEO", 21),
    ("SO_ACCEPTCONN", 30),
    ("SO_PROTOCOL", 38),
    ("SO_DOMAIN", 39),
    ("SOMAXCONN", 4096),
    ("SCM_RIGHTS", 1),
    ("MSG_OOB", 1),
    ("MSG_PEEK", 2),
    ("MSG_DONTROUTE", 4),
    ("MSG_CTRUNC", 8),
    ("MSG_TRUNC", 32),
    ("MSG_DONTWAIT", 64),
    ("MSG_EOR", 128),
    ("MSG_WAITALL", 256),
    ("MSG_NOSIGNAL", 16384),
    ("IPPROTO_IP", 0),
    ("IPPROTO_ICMP", 1),
    ("IPPROTO_TCP", 6),
    ("IPPROTO_UDP", 17),
    ("IPPROTO_IPV6", 41),
    ("IPPROTO_ICMPV6", 58),
    ("IPPROTO_RAW", 255),
    ("IP_TOS", 1),
    ("IP_TTL", 2),
    ("IP_MULTICAST_TTL", 33),
    ("IP_MULTICAST_LOOP", 34),
    ("IP_ADD_MEMBERSHIP", 35),
    ("IPV6_V6ONLY", 26),
    ("TCP_NODELAY", 1),
    ("TCP_MAXSEG", 2),
    ("TCP_KEEPIDLE", 4),
    ("TCP_KEEPINTVL", 5),
    ("TCP_KEEPCNT", 6),
    ("SHUT_RD", 0),
    ("SHUT_WR", 1),
    ("SHUT_RDWR", 2),
    ("AI_PASSIVE", 1),
    ("AI_CANONNAME", 2),
    ("AI_NUMERICHOST", 4),
    ("AI_V4MAPPED", 8),
    ("AI_ALL", 16),
    ("AI_ADDRCONFIG", 32),
    ("AI_NUMERICSERV", 1024),
    ("NI_NUMERICHOST", 1),
    ("NI_NUMERICSERV", 2),
    ("NI_NOFQDN", 4),
    ("NI_NAMEREQD", 8),
    ("NI_DGRAM", 16),
    ("NI_MAXHOST", 1025),
    ("NI_MAXSERV", 32),
    ("EAI_BADFLAGS", -1),
    ("EAI_NONAME", -2),
    ("EAI_AGAIN", -3),
    ("EAI_FAIL", -4),
    ("EAI_NODATA", -5),
    ("EAI_FAMILY", -6),
    ("EAI_SOCKTYPE", -7),
    ("EAI_SERVICE", -8),
    ("EAI_ADDRFAMILY", -9),
    ("EAI_MEMORY", -10),
    ("EAI_SYSTEM", -11),
    ("EAI_OVERFLOW", -12),
    ("INADDR_ANY", 0),
    ("INADDR_BROADCAST", 0xffff_ffff),
    ("INADDR_LOOPBACK", 0x7f00_0001),
    ("INADDR_NONE", 0xffff_ffff),
];

module_functions!(FUNCTIONS, "_socket", [
    "socketpair" => sock::socketpair,
    "getdefaulttimeout" => sock::getdefaulttimeout,
    "setdefaulttimeout" => sock::setdefaulttimeout,
    "close" => sock::close_fd,
    "dup" => sock::dup_fd,
    "gethostname" => names::gethostname,
    "gethostbyname" => names::gethostbyname,
    "gethostbyname_ex" => names::gethostbyname_ex,
    "gethostbyaddr" => names::gethostbyaddr,
    "getaddrinfo" => names::getaddrinfo,
    "inet_aton" => names::inet_aton,
    "inet_ntoa" => names::inet_ntoa,
    "inet_pton" => names::inet_pton,
    "inet_ntop" => names::inet_ntop,
    "htons" => names::htons,
    "ntohs" => names::htons,
    "htonl" => names::htonl,
    "ntohl" => names::htonl,
]);

/// Builds the `_socket` module.
pub fn init(vm: &mut Vm) -> Value {
    let mut extra: Vec<(&str, Value)> =
        CONSTANTS.iter().map(|&(n, v)| (n, Value::Int(v))).collect();
    let cls = crate::native::class_of(vm, &sock::SOCKET);
    extra.push(("socket", Value::Type(cls.clone())));
    extra.push(("SocketType", Value::Type(cls)));
    extra.push(("error", Value::Type(exc_type(ExcKind::OSError))));
    extra.push(("timeout", Value::Type(exc_type(ExcKind::TimeoutError))));
    extra.push(("gaierror", Value::Type(gaierror_class(vm))));
    extra.push(("herror", Value::Type(herror_class(vm))));
    extra.push(("has_ipv6", Value::Bool(true)));
    new_module("_socket", FUNCTIONS, extra)
}

fn gaierror_class(vm: &mut Vm) -> Rc<crate::types::TypeObj> {
    super::native_exc::class(
        vm,
        "socket.gaierror",
        "socket",
        "gaierror",
        ExcKind::OSError,
    )
}

fn herror_class(vm: &mut Vm) -> Rc<crate::types::TypeObj> {
    super::native_exc::class(vm, "socket.herror", "socket", "herror", ExcKind::OSError)
}

/// `socket.herror(h_errno, message)` for a failed host lookup.
pub(crate) fn herror(vm: &mut Vm, code: i32) -> PyErr {
    let cls = herror_class(vm);
    let exc = ExcObj::new(
        cls,
        vec![
            Value::Int(i64::from(code)),
            Value::string(raw::hstrerror(code)),
        ],
    );
    crate::oserror::init(&exc);
    PyErr(Rc::new(exc))
}

/// The exception for a failed `getaddrinfo`: `socket.gaierror(code,
/// message)`, or the `OSError` of its `errno` for `EAI_SYSTEM`.
pub(crate) fn gai_error(vm: &mut Vm, e: raw::GaiError) -> PyErr {
    match e {
        raw::GaiError::Sys(n) => super::posix::fd::errno_err(n),
        raw::GaiError::Gai(code) => {
            let cls = gaierror_class(vm);
            let exc = ExcObj::new(
                cls,
                vec![
                    Value::Int(i64::from(code)),
                    Value::string(raw::gai_strerror(code)),
                ],
            );
            crate::oserror::init(&exc);
            PyErr(Rc::new(exc))
        }
    }
}
