//! The `_socket` functions on host names, ports and address numbers:
//! `gethostname`, `gethostbyname`, `getaddrinfo`, `inet_aton`/`inet_ntoa`,
//! `inet_pton`/`inet_ntop` and the byte-order conversions.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{bind_args, positional};
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

use super::addr::{resolve, to_value};
use super::raw::{self, Hints, SockAddr};
use super::{gai_error, AF_INET, AF_INET6};

/// `gethostname()`.
pub(super) fn gethostname(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "gethostname", 0, 0)?;
    let name = raw::gethostname().map_err(super::super::posix::fd::errno_err)?;
    Ok(Value::string(String::from_utf8_lossy(&name).into_owned()))
}

/// `gethostbyname(host)`: the IPv4 address as text.
pub(super) fn gethostbyname(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "gethostbyname", 1, 1)?;
    let Value::Str(host) = &args[0] else {
        return Err(PyErr::type_error(format!(
            "gethostbyname() argument 1 must be str, not {}",
            type_name(&args[0])
        )));
    };
    let addr = resolve(vm, host.as_str(), AF_INET)?;
    match addr {
        SockAddr::V4(ip, _) => Ok(Value::string(Ipv4Addr::from(ip).to_string())),
        _ => Err(gai_error(vm, raw::GaiError::Gai(libc::EAI_NONAME))),
    }
}

/// `gethostbyname_ex(host)`: `(hostname, aliases, addresses)` of an IPv4
/// host, `socket.herror` when the lookup fails.
pub(super) fn gethostbyname_ex(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "gethostbyname_ex", 1, 1)?;
    let Value::Str(host) = &args[0] else {
        return Err(PyErr::type_error(format!(
            "gethostbyname_ex() argument 1 must be str, not {}",
            type_name(&args[0])
        )));
    };
    // CPython resolves the name first (`setipaddr`): a bad name is a
    // `gaierror` before `gethostbyname_r` runs.
    resolve(vm, host.as_str(), AF_INET)?;
    let he =
        raw::gethostbyname(host.as_str().as_bytes()).map_err(|code| super::herror(vm, code))?;
    Ok(host_tuple(he))
}

/// A host entry as `(name, aliases, addresses)`.
fn host_tuple(he: raw::HostEnt) -> Value {
    let addrs: Vec<Value> = he
        .addrs
        .iter()
        .filter_map(|b| match b.len() {
            4 => <[u8; 4]>::try_from(b.as_slice())
                .ok()
                .map(|a| Ipv4Addr::from(a).to_string()),
            16 => <[u8; 16]>::try_from(b.as_slice())
                .ok()
                .map(|a| Ipv6Addr::from(a).to_string()),
            _ => None,
        })
        .map(Value::string)
        .collect();
    Value::tuple(vec![
        Value::string(he.name),
        Value::list(he.aliases.into_iter().map(Value::string).collect()),
        Value::list(addrs),
    ])
}

/// `gethostbyaddr(ip)`: `(hostname, aliases, addresses)` of a host given by
/// address or name, `socket.herror` when the lookup fails.
pub(super) fn gethostbyaddr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "gethostbyaddr", 1, 1)?;
    let host = match &args[0] {
        Value::Str(s) => s.as_str().to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        other => {
            return Err(PyErr::type_error(format!(
                "gethostbyaddr() argument 1 must be str, bytes or bytearray, not {}",
                type_name(other)
            )))
        }
    };
    let (bytes, family) = match resolve(vm, &host, 0)? {
        SockAddr::V4(ip, _) => (ip.to_vec(), AF_INET),
        SockAddr::V6(ip, ..) => (ip.to_vec(), AF_INET6),
        _ => return Err(gai_error(vm, raw::GaiError::Gai(libc::EAI_FAMILY))),
    };
    let he = raw::gethostbyaddr(&bytes, family).map_err(|code| super::herror(vm, code))?;
    Ok(host_tuple(he))
}

/// The bytes of a host or port argument of `getaddrinfo`; `None` for `None`.
fn text_arg(vm: &mut Vm, v: Option<&Value>, is_port: bool) -> PyResult<Option<Vec<u8>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => {
            if !is_port && !s.as_str().is_ascii() {
                // CPython encodes with the `idna` codec; non-ASCII names
                // are rare enough to go through it only when needed.
                let name = vm.intern("encode");
                let encode = vm.get_attr(&Value::Str(s.clone()), &name)?;
                let enc = vm.call(&encode, &[Value::str("idna")])?;
                if let Value::Bytes(b) = enc {
                    return Ok(Some(b.to_vec()));
                }
            }
            Ok(Some(s.as_str().as_bytes().to_vec()))
        }
        Some(Value::Bytes(b)) => Ok(Some(b.to_vec())),
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) if is_port => {
            Ok(Some(vm.index_value(v)?.to_string().into_bytes()))
        }
        Some(other) if is_port => {
            let _ = other;
            Err(PyErr::new(ExcKind::OSError, "Int or String expected"))
        }
        Some(other) => Err(PyErr::type_error(format!(
            "getaddrinfo() argument 1 must be string or None, not {}",
            type_name(other)
        ))),
    }
}

/// An int argument of `getaddrinfo`, 0 when absent.
fn int_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    match v {
        None => Ok(0),
        Some(v) => i32::try_from(vm.index_value(v)?)
            .map_err(|_| PyErr::overflow("signed integer is greater than maximum")),
    }
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`: a list of
/// `(family, type, proto, canonname, sockaddr)`.
pub(super) fn getaddrinfo(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(
        &a,
        "getaddrinfo",
        &["host", "port", "family", "type", "proto", "flags"],
        2,
    )?;
    let host = text_arg(vm, b[0], false)?;
    let port = text_arg(vm, b[1], true)?;
    let hints = Hints {
        family: int_arg(vm, b[2])?,
        socktype: int_arg(vm, b[3])?,
        protocol: int_arg(vm, b[4])?,
        flags: int_arg(vm, b[5])?,
    };
    let nul = || PyErr::value_error("embedded null character");
    let host_c = match &host {
        Some(h) => Some(raw::cstring(h).ok_or_else(nul)?),
        None => None,
    };
    let port_c = match &port {
        Some(p) => Some(raw::cstring(p).ok_or_else(nul)?),
        None => None,
    };
    let list = raw::getaddrinfo(host_c.as_deref(), port_c.as_deref(), &hints)
        .map_err(|e| gai_error(vm, e))?;
    let items = list
        .into_iter()
        .map(|ai| {
            Value::tuple(vec![
                Value::Int(i64::from(ai.family)),
                Value::Int(i64::from(ai.socktype)),
                Value::Int(i64::from(ai.protocol)),
                Value::string(ai.canonname),
                to_value(&ai.addr),
            ])
        })
        .collect();
    Ok(Value::list(items))
}

/// The text argument of the `inet_*` functions.
fn str_arg<'a>(v: &'a Value, fname: &str, n: usize) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        other => Err(PyErr::type_error(format!(
            "{fname}() argument {n} must be str, not {}",
            type_name(other)
        ))),
    }
}

/// The bytes argument of the `inet_*` functions.
fn bytes_arg(v: &Value, fname: &str, n: usize) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::ByteArray(b) => Ok(b.borrow().clone()),
        Value::MemoryView(m) => m.to_vec(),
        other => Err(PyErr::type_error(format!(
            "{fname}() argument {n} must be bytes-like object, not {}",
            type_name(other)
        ))),
    }
}

/// The C library's `inet_aton`: one to four parts, each decimal, octal
/// (leading `0`) or hexadecimal (`0x`), the last filling the remaining bytes.
fn parse_aton(s: &str) -> Option<u32> {
    let parts: Vec<&str> = s.split('.').collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let mut nums = Vec::with_capacity(4);
    for p in &parts {
        let (digits, radix) = if let Some(h) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X"))
        {
            (h, 16)
        } else if p.len() > 1 && p.starts_with('0') {
            (&p[1..], 8)
        } else {
            (*p, 10)
        };
        if digits.is_empty() && radix != 16 {
            return None;
        }
        let n = if digits.is_empty() {
            0
        } else {
            u64::from_str_radix(digits, radix).ok()?
        };
        nums.push(n);
    }
    let last = nums.pop()?;
    let mut out: u64 = 0;
    for (i, n) in nums.iter().enumerate() {
        if *n > 255 {
            return None;
        }
        out |= n << (24 - 8 * i);
    }
    let room = 32 - 8 * nums.len() as u32;
    if room < 64 && last >= (1u64 << room) {
        return None;
    }
    u32::try_from(out | last).ok()
}

/// `inet_aton(string)`: the packed 4 bytes.
pub(super) fn inet_aton(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "inet_aton", 1, 1)?;
    let s = str_arg(&args[0], "inet_aton", 1)?;
    match parse_aton(s) {
        Some(n) => Ok(Value::Bytes(Rc::new(n.to_be_bytes().to_vec()))),
        None => Err(PyErr::new(
            ExcKind::OSError,
            "illegal IP address string passed to inet_aton",
        )),
    }
}

/// `inet_ntoa(packed)`: the dotted text of 4 bytes.
pub(super) fn inet_ntoa(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "inet_ntoa", 1, 1)?;
    let b = bytes_arg(&args[0], "inet_ntoa", 1)?;
    let Ok(ip) = <[u8; 4]>::try_from(b.as_slice()) else {
        return Err(PyErr::new(
            ExcKind::OSError,
            "packed IP wrong length for inet_ntoa",
        ));
    };
    Ok(Value::string(Ipv4Addr::from(ip).to_string()))
}

/// `inet_pton(family, string)`.
pub(super) fn inet_pton(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "inet_pton", 2, 2)?;
    let family = vm.index_value(&args[0])?;
    let s = str_arg(&args[1], "inet_pton", 2)?;
    let bytes = match family as i32 {
        AF_INET => s.parse::<Ipv4Addr>().ok().map(|ip| ip.octets().to_vec()),
        AF_INET6 => s.parse::<Ipv6Addr>().ok().map(|ip| ip.octets().to_vec()),
        _ => return Err(super::super::posix::fd::errno_err(libc::EAFNOSUPPORT)),
    };
    bytes.map(|b| Value::Bytes(Rc::new(b))).ok_or_else(|| {
        PyErr::new(
            ExcKind::OSError,
            "illegal IP address string passed to inet_pton",
        )
    })
}

/// `inet_ntop(family, packed)`.
pub(super) fn inet_ntop(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "inet_ntop", 2, 2)?;
    let family = vm.index_value(&args[0])?;
    let b = bytes_arg(&args[1], "inet_ntop", 2)?;
    let bad = || PyErr::value_error("invalid length of packed IP address string");
    match family as i32 {
        AF_INET => {
            let ip = <[u8; 4]>::try_from(b.as_slice()).map_err(|_| bad())?;
            Ok(Value::string(Ipv4Addr::from(ip).to_string()))
        }
        AF_INET6 => {
            let ip = <[u8; 16]>::try_from(b.as_slice()).map_err(|_| bad())?;
            Ok(Value::string(Ipv6Addr::from(ip).to_string()))
        }
        _ => Err(PyErr::value_error(format!(
            "unknown address family {family}"
        ))),
    }
}

/// An unsigned argument of `bits` bits for the byte-order functions.
fn uint_arg(vm: &mut Vm, a: &Args<'_>, fname: &str, bits: u32) -> PyResult<u64> {
    let args = positional(a, fname, 1, 1)?;
    if !matches!(args[0], Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(&args[0])
        )));
    }
    let n = vm.index_value(&args[0]).map_err(|_| {
        PyErr::overflow(format!(
            "{fname}: Python int too large to convert to C {bits}-bit unsigned integer"
        ))
    })?;
    if n < 0 {
        return Err(PyErr::overflow(format!(
            "{fname}: can't convert negative Python int to C {bits}-bit unsigned integer"
        )));
    }
    if bits < 64 && n >= (1i64 << bits) {
        return Err(PyErr::overflow(format!(
            "{fname}: Python int too large to convert to C {bits}-bit unsigned integer"
        )));
    }
    Ok(n as u64)
}

/// `htons(x)` and `ntohs(x)`: the 16-bit byte swap (Linux on a
/// little-endian machine).
pub(super) fn htons(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let n = uint_arg(vm, &a, "htons", 16)? as u16;
    Ok(Value::Int(i64::from(n.to_be())))
}

/// `htonl(x)` and `ntohl(x)`: the 32-bit byte swap.
pub(super) fn htonl(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let n = uint_arg(vm, &a, "htonl", 32)? as u32;
    Ok(Value::Int(i64::from(n.to_be())))
}
