//! Socket addresses between Python values and [`SockAddr`]: CPython's
//! `getsockaddrarg` (a tuple or path to an address, resolving host names)
//! and `makesockaddr` (an address to the tuple or path Python sees), plus
//! the text forms of IPv4 and IPv6 addresses.

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::exc::{PyErr, PyResult};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::raw::{self, Hints, SockAddr};
use super::{gai_error, AF_INET, AF_INET6, AF_UNIX};

/// The Python form of an address: `(host, port)` for IPv4, `(host, port,
/// flowinfo, scope_id)` for IPv6, the path for `AF_UNIX` (bytes for an
/// abstract name, `''` for an unnamed socket).
pub(crate) fn to_value(addr: &SockAddr) -> Value {
    match addr {
        SockAddr::V4(ip, port) => Value::tuple(vec![
            Value::string(Ipv4Addr::from(*ip).to_string()),
            Value::Int(i64::from(*port)),
        ]),
        SockAddr::V6(ip, port, flow, scope) => Value::tuple(vec![
            Value::string(Ipv6Addr::from(*ip).to_string()),
            Value::Int(i64::from(*port)),
            Value::Int(i64::from(*flow)),
            Value::Int(i64::from(*scope)),
        ]),
        SockAddr::Unix(path) if path.first() == Some(&0) => {
            Value::Bytes(std::rc::Rc::new(path.clone()))
        }
        SockAddr::Unix(path) => Value::string(String::from_utf8_lossy(path).into_owned()),
        SockAddr::Other(f) => Value::tuple(vec![Value::Int(i64::from(*f)), Value::str("")]),
    }
}

/// The text of a host name argument (`str`, or `bytes` decoded as ASCII).
fn host_text(v: &Value, what: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(b).into_owned()),
        Value::ByteArray(b) => Ok(String::from_utf8_lossy(&b.borrow()).into_owned()),
        other => Err(PyErr::type_error(format!(
            "{what}() argument 1 must be str, bytes or bytearray, not {}",
            type_name(other)
        ))),
    }
}

/// CPython's `setipaddr`: a host name as an address of `family`. `''` is
/// the wildcard address, `'<broadcast>'` the broadcast one; numeric
/// addresses are parsed, other names resolved.
pub(crate) fn resolve(vm: &mut Vm, host: &str, family: i32) -> PyResult<SockAddr> {
    if host.is_empty() {
        return Ok(if family == AF_INET6 {
            SockAddr::V6([0; 16], 0, 0, 0)
        } else {
            SockAddr::V4([0; 4], 0)
        });
    }
    if host == "<broadcast>" || host == "255.255.255.255" {
        if family != AF_INET && family != 0 {
            return Err(crate::oserror::new_os_error(
                97,
                "address family mismatched",
                None,
            ));
        }
        return Ok(SockAddr::V4([255; 4], 0));
    }
    if family != AF_INET6 {
        if let Ok(ip) = host.parse::<Ipv4Addr>() {
            return Ok(SockAddr::V4(ip.octets(), 0));
        }
    }
    if family != AF_INET {
        if let Ok(ip) = host.parse::<Ipv6Addr>() {
            return Ok(SockAddr::V6(ip.octets(), 0, 0, 0));
        }
    }
    let Some(c) = raw::cstring(host.as_bytes()) else {
        return Err(PyErr::type_error(
            "host name must not contain null character",
        ));
    };
    let hints = Hints {
        family,
        socktype: 0,
        protocol: 0,
        flags: 0,
    };
    let list = raw::getaddrinfo(Some(&c), None, &hints).map_err(|e| gai_error(vm, e))?;
    list.into_iter()
        .next()
        .map(|ai| ai.addr)
        .ok_or_else(|| gai_error(vm, raw::GaiError::Gai(libc::EAI_NONAME)))
}

/// A port number: an int in 0..=65535.
fn port_of(vm: &mut Vm, v: &Value, what: &str) -> PyResult<u16> {
    if !matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        )));
    }
    let n = vm.index_value(v).unwrap_or(-1);
    u16::try_from(n).map_err(|_| PyErr::overflow(format!("{what}(): port must be 0-65535.")))
}

/// CPython's `getsockaddrarg`: the Python address `v` for a socket of
/// `family`; `what` names the calling method in messages.
pub(crate) fn from_value(vm: &mut Vm, family: i32, v: &Value, what: &str) -> PyResult<SockAddr> {
    match family {
        AF_UNIX => {
            let path = match v {
                Value::Str(s) => s.as_str().as_bytes().to_vec(),
                Value::Bytes(b) => b.to_vec(),
                Value::ByteArray(b) => b.borrow().clone(),
                _ => {
                    let f = crate::modules::posix::path::fspath(vm, v).map_err(|_| {
                        PyErr::type_error(format!(
                            "{what}(): AF_UNIX address must be str or bytes, not {}",
                            type_name(v)
                        ))
                    })?;
                    match f {
                        Value::Str(s) => s.as_str().as_bytes().to_vec(),
                        Value::Bytes(b) => b.to_vec(),
                        _ => Vec::new(),
                    }
                }
            };
            if path.len() >= 108 {
                return Err(PyErr::new(
                    crate::types::ExcKind::OSError,
                    "AF_UNIX path too long",
                ));
            }
            Ok(SockAddr::Unix(path))
        }
        AF_INET | AF_INET6 => {
            let Value::Tuple(t) = v else {
                let fam = if family == AF_INET {
                    "AF_INET"
                } else {
                    "AF_INET6"
                };
                return Err(PyErr::type_error(format!(
                    "{what}(): {fam} address must be tuple, not {}",
                    type_name(v)
                )));
            };
            let max = if family == AF_INET { 2 } else { 4 };
            if t.len() < 2 || t.len() > max {
                // CPython's message names no method here.
                return Err(PyErr::type_error(format!(
                    "{} address must be a pair (host, port)",
                    if family == AF_INET {
                        "AF_INET"
                    } else {
                        "AF_INET6"
                    }
                )));
            }
            let host = host_text(&t[0], what)?;
            let port = port_of(vm, &t[1], what)?;
            let mut flow = 0u32;
            let mut scope = 0u32;
            if let Some(f) = t.get(2) {
                flow = u32::try_from(vm.index_value(f)?).map_err(|_| {
                    PyErr::overflow(format!("{what}(): flowinfo must be 0-1048575."))
                })?;
            }
            if let Some(s) = t.get(3) {
                scope = u32::try_from(vm.index_value(s)?).unwrap_or(0);
            }
            Ok(match resolve(vm, &host, family)? {
                SockAddr::V4(ip, _) => SockAddr::V4(ip, port),
                SockAddr::V6(ip, _, _, sc) => SockAddr::V6(ip, port, flow, scope.max(sc)),
                other => other,
            })
        }
        _ => Err(crate::oserror::new_os_error(
            97,
            &format!("{what}(): bad family"),
            None,
        )),
    }
}
