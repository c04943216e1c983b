//! `str.format` and `str.format_map`: replacement fields with auto or manual
//! numbering, attribute and index lookups, conversions and nested specs, with
//! the messages of CPython's `Objects/stringlib/unicode_format.h`.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// Where named fields come from.
pub enum Kwargs<'a> {
    /// The keyword arguments of a `str.format` call.
    Args(Args<'a>),
    /// The mapping of `str.format_map`.
    Mapping(&'a Value),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Unset,
    Auto(usize),
    Manual,
}

struct State<'a> {
    args: &'a [Value],
    kwargs: &'a Kwargs<'a>,
    numbering: Numbering,
}

fn err(msg: &str) -> PyErr {
    PyErr::value_error(msg)
}

/// `fmt.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, fmt: &str, args: &[Value], kwargs: &Kwargs<'_>) -> PyResult<String> {
    let mut st = State {
        args,
        kwargs,
        numbering: Numbering::Unset,
    };
    let mut out = String::with_capacity(fmt.len() + 16);
    render(vm, fmt, &mut st, &mut out, 2)?;
    Ok(out)
}

fn render(
    vm: &mut Vm,
    fmt: &str,
    st: &mut State<'_>,
    out: &mut String,
    depth: u32,
) -> PyResult<()> {
    if depth == 0 {
        return Err(err("Max string recursion exceeded"));
    }
    let b = fmt.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'}' {
            if b.get(i + 1) == Some(&b'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(err("Single '}' encountered in format string"));
        }
        if c != b'{' {
            let next = fmt[i..].find(['{', '}']).map_or(b.len(), |k| i + k);
            out.push_str(&fmt[i..next]);
            i = next;
            continue;
        }
        if b.get(i + 1) == Some(&b'{') {
            out.push('{');
            i += 2;
            continue;
        }
        if i + 1 >= b.len() {
            return Err(err("Single '{' encountered in format string"));
        }
        i = field(vm, fmt, i + 1, st, out, depth)?;
    }
    Ok(())
}

/// Renders the replacement field that starts at byte `p` (after its `{`),
/// scanning as CPython's `MarkupIterator_next`; returns the position after it.
fn field(
    vm: &mut Vm,
    fmt: &str,
    mut p: usize,
    st: &mut State<'_>,
    out: &mut String,
    depth: u32,
) -> PyResult<usize> {
    let b = fmt.as_bytes();
    let start = p;
    let mut c = 0u8;
    while p < b.len() {
        c = b[p];
        p += 1;
        match c {
            b':' | b'!' | b'}' => break,
            b'{' => return Err(err("unexpected '{' in field name")),
            b'[' => {
                while p < b.len() && b[p] != b']' {
                    p += 1;
                }
            }
            _ => {}
        }
    }
    if !matches!(c, b':' | b'!' | b'}') {
        return Err(err("expected '}' before end of string"));
    }
    let name = &fmt[start..p - 1];
    let mut conv = None;
    let mut spec = "";
    let mut done = c == b'}';
    if c == b'!' {
        let Some(ch) = fmt[p..].chars().next() else {
            return Err(err("end of string while looking for conversion specifier"));
        };
        conv = Some(ch);
        p += ch.len_utf8();
        if p < b.len() {
            let c2 = b[p];
            p += 1;
            if c2 == b'}' {
                done = true;
            } else if c2 != b':' {
                return Err(err("expected ':' after conversion specifier"));
            }
        }
    }
    if !done {
        let spec_start = p;
        let mut count = 1;
        loop {
            if p >= b.len() {
                return Err(err("unmatched '{' in format spec"));
            }
            let ch = b[p];
            p += 1;
            if ch == b'{' {
                count += 1;
            } else if ch == b'}' {
                count -= 1;
                if count == 0 {
                    spec = &fmt[spec_start..p - 1];
                    break;
                }
            }
        }
    }
    let mut v = lookup(vm, name, st)?;
    v = match conv {
        None => v,
        Some('r') => Value::string(vm.repr_of(&v)?),
        Some('s') => Value::string(vm.str_of(&v)?),
        Some('a') => Value::string(crate::builtins::ascii_of(&vm.repr_of(&v)?)),
        Some(c) => {
            return Err(PyErr::value_error(format!(
                "Unknown conversion specifier {c}"
            )))
        }
    };
    let spec_owned;
    let spec = if spec.contains('{') {
        let mut s = String::new();
        render(vm, spec, st, &mut s, depth - 1)?;
        spec_owned = s;
        spec_owned.as_str()
    } else {
        spec
    };
    out.push_str(&super::format_value_vm(vm, &v, spec)?);
    Ok(p)
}

fn lookup(vm: &mut Vm, name: &str, st: &mut State<'_>) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut v = if first.is_empty() || first.bytes().all(|c| c.is_ascii_digit()) {
        let index = if first.is_empty() {
            match st.numbering {
                Numbering::Manual => return Err(err(
                    "cannot switch from manual field specification to automatic field numbering",
                )),
                Numbering::Unset => {
                    st.numbering = Numbering::Auto(1);
                    0
                }
                Numbering::Auto(n) => {
                    st.numbering = Numbering::Auto(n + 1);
                    n
                }
            }
        } else {
            if let Numbering::Auto(_) = st.numbering {
                return Err(err(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            st.numbering = Numbering::Manual;
            // An index is a C `Py_ssize_t`.
            first
                .parse::<isize>()
                .ok()
                .and_then(|i| usize::try_from(i).ok())
                .ok_or_else(|| err("Too many decimal digits in format string"))?
        };
        match st.kwargs {
            Kwargs::Mapping(_) => return Err(err("Format string contains positional fields")),
            Kwargs::Args(_) => st.args.get(index).cloned().ok_or_else(|| {
                PyErr::index_error(format!(
                    "Replacement index {index} out of range for positional args tuple"
                ))
            })?,
        }
    } else {
        let key = Value::str(first);
        match st.kwargs {
            Kwargs::Args(a) => a.kw(first).cloned().ok_or_else(|| PyErr::key_error(key))?,
            Kwargs::Mapping(m) => vm.getitem(m, &key)?,
        }
    };
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = &r[..end];
            if attr.is_empty() {
                return Err(err("Empty attribute in format string"));
            }
            let attr = vm.intern(attr);
            v = vm.get_attr(&v, &attr)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                return Err(err("Missing ']' in format string"));
            };
            let key = &r[..end];
            if key.is_empty() {
                return Err(err("Empty attribute in format string"));
            }
            let key = if key.bytes().all(|c| c.is_ascii_digit()) {
                match key.parse::<i64>() {
                    Ok(i) => Value::Int(i),
                    Err(_) => return Err(err("Too many decimal digits in format string")),
                }
            } else {
                Value::str(key)
            };
            v = vm.getitem(&v, &key)?;
            rest = &r[end + 1..];
            if !rest.is_empty() && !rest.starts_with(['.', '[']) {
                return Err(err(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        } else {
            return Err(PyErr::new(ExcKind::ValueError, "Invalid format string"));
        }
    }
    Ok(v)
}
