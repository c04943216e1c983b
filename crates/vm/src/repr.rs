//! `repr()` and `str()` of builtin values, exactly as CPython prints them.

use crate::types::type_name;
use crate::value::Value;

/// Python's `repr(v)`.
pub fn repr(v: &Value) -> String {
    let mut out = String::new();
    write_repr(&mut out, v, &mut Vec::new());
    out
}

/// Python's `str(v)`.
pub fn to_str(v: &Value) -> String {
    match v {
        Value::Str(s) => s.as_str().to_string(),
        Value::Exception(e) => exc_str(e),
        _ => repr(v),
    }
}

/// Appends `str(v)` to `out`.
pub fn write_str(out: &mut String, v: &Value) {
    match v {
        Value::Str(s) => out.push_str(s.as_str()),
        Value::Int(i) => {
            use std::fmt::Write;
            let _ = write!(out, "{i}");
        }
        Value::Exception(e) => out.push_str(&exc_str(e)),
        _ => write_repr(out, v, &mut Vec::new()),
    }
}

/// `str()` of an exception: its single argument, or the repr of its args.
pub fn exc_str(e: &crate::exc::ExcObj) -> String {
    if let Some(s) = crate::compile_hook::syntax_error_str(e) {
        return s;
    }
    if let Some(g) = &e.group {
        return crate::exc_group::group_str(g);
    }
    if let Some(s) = crate::oserror::os_error_str(e) {
        return s;
    }
    if let Some(s) = crate::unicode_error::unicode_error_str(e) {
        return s;
    }
    let args = e.args.borrow().clone();
    match args.len() {
        0 => String::new(),
        1 => {
            if e.kind() == crate::types::ExcKind::KeyError {
                repr(&args[0])
            } else {
                to_str(&args[0])
            }
        }
        _ => repr(&Value::Tuple(args)),
    }
}

fn addr(v: &Value) -> String {
    format!("{:#x}", v.identity())
}

fn write_items<'a>(
    out: &mut String,
    items: impl Iterator<Item = &'a Value>,
    seen: &mut Vec<usize>,
) {
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_repr(out, item, seen);
    }
}

/// Appends `repr(v)`; `seen` guards against self-containing containers.
pub fn write_repr(out: &mut String, v: &Value, seen: &mut Vec<usize>) {
    use std::fmt::Write;
    match v {
        Value::Null => out.push_str("<NULL>"),
        Value::None => out.push_str("None"),
        Value::NotImplemented => out.push_str("NotImplemented"),
        Value::Ellipsis => out.push_str("Ellipsis"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::BigInt(b) => {
            let _ = write!(out, "{b}");
        }
        Value::Float(f) => out.push_str(&pith_repr::float_repr(*f)),
        Value::Complex(c) => out.push_str(&pith_repr::complex_repr(c.re, c.im)),
        Value::MemoryView(m) => {
            let released = if m.released() { "released " } else { "" };
            let _ = write!(out, "<{released}memory at {}>", addr(v));
        }
        Value::ByteArray(b) => {
            out.push_str("bytearray(");
            out.push_str(&pith_repr::bytes_repr(&b.borrow()));
            out.push(')');
        }
        Value::Str(s) if s.surrogates().is_some() => crate::str_surrogates::write_repr(out, s),
        Value::Str(s) => pith_repr::write_str_repr(out, s.as_str()),
        Value::Bytes(b) => out.push_str(&pith_repr::bytes_repr(b)),
        Value::Tuple(t) => {
            if seen.contains(&v.identity()) {
                out.push_str("(...)");
                return;
            }
            seen.push(v.identity());
            out.push('(');
            write_items(out, t.iter(), seen);
            if t.len() == 1 {
                out.push(',');
            }
            out.push(')');
            seen.pop();
        }
        Value::List(l) => {
            if seen.contains(&v.identity()) {
                out.push_str("[...]");
                return;
            }
            seen.push(v.identity());
            out.push('[');
            let items = l.borrow().clone();
            write_items(out, items.iter(), seen);
            out.push(']');
            seen.pop();
        }
        Value::Dict(d) => {
            if seen.contains(&v.identity()) {
                out.push_str("{...}");
                return;
            }
            seen.push(v.identity());
            out.push('{');
            let items: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (i, (k, val)) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, k, seen);
                out.push_str(": ");
                write_repr(out, val, seen);
            }
            out.push('}');
            seen.pop();
        }
        Value::Set(d) => {
            let keys: Vec<Value> = crate::methods::set_order(&d.borrow());
            if keys.is_empty() {
                out.push_str("set()");
                return;
            }
            if seen.contains(&v.identity()) {
                out.push_str("set(...)");
                return;
            }
            seen.push(v.identity());
            out.push('{');
            write_items(out, keys.iter(), seen);
            out.push('}');
            seen.pop();
        }
        Value::FrozenSet(d) => {
            let keys: Vec<Value> = crate::methods::set_order(d);
            out.push_str("frozenset(");
            if !keys.is_empty() {
                out.push('{');
                write_items(out, keys.iter(), seen);
                out.push('}');
            }
            out.push(')');
        }
        Value::Range(r) => {
            let (start, stop, step) = (repr(&r.start()), repr(&r.stop()), r.step());
            if matches!(step, Value::Int(1)) {
                let _ = write!(out, "range({start}, {stop})");
            } else {
                let _ = write!(out, "range({start}, {stop}, {})", repr(&step));
            }
        }
        Value::Slice(s) => {
            out.push_str("slice(");
            write_items(out, s.iter(), seen);
            out.push(')');
        }
        Value::Function(f) => {
            let _ = write!(
                out,
                "<function {} at {}>",
                f.qualname.borrow().as_str(),
                addr(v)
            );
        }
        Value::Builtin(b) => {
            if crate::slots::is_slot_wrapper(b) {
                let owner = crate::slots::owner_name(b);
                let _ = write!(out, "<slot wrapper '{}' of '{}' objects>", b.name, owner);
            } else if b.is_method || crate::methods::is_classmethod(b) {
                let owner = crate::slots::owner_name(b);
                let _ = write!(out, "<method '{}' of '{}' objects>", b.name, owner);
            } else if let Some(owner) = crate::reduce::static_owner(b) {
                // A static method is bound to its class in CPython (`m_self`).
                let owner = Value::Type(owner);
                let _ = write!(
                    out,
                    "<built-in method {} of type object at {}>",
                    b.name,
                    addr(&owner)
                );
            } else {
                let _ = write!(out, "<built-in function {}>", b.name);
            }
        }
        Value::BoundBuiltin(bb) if crate::slots::is_slot_wrapper(bb.1) => {
            let _ = write!(
                out,
                "<method-wrapper '{}' of {} object at {}>",
                bb.1.name,
                type_name(&bb.0),
                addr(&bb.0)
            );
        }
        Value::BoundBuiltin(bb) => {
            let _ = write!(
                out,
                "<built-in method {} of {} object at {}>",
                bb.1.name,
                type_name(&bb.0),
                addr(&bb.0)
            );
        }
        Value::Method(m) => {
            out.push_str("<bound method ");
            if let Value::Function(f) = &m.1 {
                out.push_str(f.qualname.borrow().as_str());
            }
            out.push_str(" of ");
            write_repr(out, &m.0, seen);
            out.push('>');
        }
        Value::Type(t) => {
            let _ = write!(out, "<class '{}'>", crate::class::qualified_name(t));
        }
        Value::Instance(i) => match i.payload() {
            Some(p) => write_repr(out, p, seen),
            None => out.push_str(&crate::class::default_repr(v)),
        },
        Value::Descr(d) => out.push_str(&crate::descr::repr(v, d)),
        Value::Traceback(_) | Value::Frame(_) => out.push_str(&crate::frame_obj::repr(v)),
        Value::Exception(e) => {
            out.push_str(&crate::attr::class_name(&e.typ));
            let args = e.args.borrow().clone();
            out.push('(');
            write_items(out, args.iter(), seen);
            out.push(')');
        }
        Value::Iter(_) => {
            let _ = write!(out, "<{} object at {}>", type_name(v), addr(v));
        }
        Value::Cell(c) => match c.try_borrow() {
            Ok(inner) if !inner.is_null() => {
                let _ = write!(
                    out,
                    "<cell at {}: {} object at {}>",
                    addr(v),
                    type_name(&inner),
                    addr(&inner)
                );
            }
            _ => {
                let _ = write!(out, "<cell at {}: empty>", addr(v));
            }
        },
        Value::DictView(view) => {
            // A view inside its own dict (`d[k] = d.values()`), as
            // `dictview_repr`'s `Py_ReprEnter` shows it.
            if seen.contains(&v.identity()) {
                out.push_str("...");
                return;
            }
            let (d, part) = &**view;
            out.push_str(&type_name(v));
            out.push_str("([");
            let items: Vec<Value> = d
                .borrow()
                .iter()
                .map(|(k, val)| part.element(k, val))
                .collect();
            seen.push(v.identity());
            write_items(out, items.iter(), seen);
            seen.pop();
            out.push_str("])");
        }
        Value::Module(m) => match crate::import::dict_get(&m.dict.borrow(), "__file__") {
            Some(Value::Str(file)) => {
                let _ = write!(out, "<module '{}' from '{}'>", m.name, file.as_str());
            }
            _ => {
                let d = m.dict.borrow();
                let unset = |k: &str| matches!(crate::import::dict_get(&d, k), Some(Value::None));
                // `_module_repr`: a module made by `types.ModuleType`
                // has no spec, loader or file, and shows only its name.
                let nameless = crate::import::dict_get(&d, "__name__").is_none();
                if (unset("__spec__") && unset("__loader__")) || nameless {
                    let name = match crate::import::dict_get(&d, "__name__") {
                        Some(Value::Str(s)) => pith_repr::str_repr(s.as_str()),
                        _ => "'?'".to_string(),
                    };
                    let _ = write!(out, "<module {name}>");
                } else {
                    let _ = write!(out, "<module '{}' (built-in)>", m.name);
                }
            }
        },
        Value::Async(a) => out.push_str(&crate::coro::repr(a, &addr(v))),
        Value::Generator(g) => {
            let _ = write!(
                out,
                "<generator object {} at {}>",
                g.qualname().as_str(),
                addr(v)
            );
        }
        Value::Code(c) => {
            let line = if c.raw.firstlineno != 0 {
                c.raw.firstlineno
            } else {
                -1
            };
            let _ = write!(
                out,
                "<code object {} at {}, file \"{}\", line {}>",
                c.name.as_str(),
                addr(v),
                c.raw.filename,
                line
            );
        }
    }
}
