//! `_string`: the parsing helpers `string.Formatter` is built on
//! (CPython's `Objects/stringlib/unicode_format.h`). The parse runs when the
//! function is called, so a malformed string raises there rather than at the
//! first `next()` as CPython's lazy iterator does.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::positional;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

super::module_functions!(STRING_FUNCTIONS, "_string", [
    "formatter_parser" => formatter_parser,
    "formatter_field_name_split" => formatter_field_name_split,
]);

/// Builds the `_string` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module("_string", STRING_FUNCTIONS, Vec::new())
}

fn str_arg<'a>(a: &'a Args<'_>, fname: &str) -> PyResult<&'a str> {
    let args = positional(a, fname, 1, 1)?;
    match &args[0] {
        Value::Str(s) => Ok(s.as_str()),
        other => Err(PyErr::type_error(format!(
            "{}() argument must be str, not {}",
            fname,
            type_name(other)
        ))),
    }
}

fn opt(s: Option<String>) -> Value {
    s.map_or(Value::None, Value::string)
}

/// One `(literal, field_name, format_spec, conversion)` item.
type Item = (String, Option<String>, Option<String>, Option<char>);

fn parse(s: &str) -> Result<Vec<Item>, &'static str> {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let mut literal = String::new();
        let mut field = None;
        while i < n {
            let c = chars[i];
            if c == '{' || c == '}' {
                if chars.get(i + 1) == Some(&c) {
                    literal.push(c);
                    i += 2;
                    break;
                }
                if c == '}' {
                    return Err("Single '}' encountered in format string");
                }
                i += 1;
                if i >= n {
                    return Err("Single '{' encountered in format string");
                }
                let (f, next) = parse_field(&chars, i)?;
                field = Some(f);
                i = next;
                break;
            }
            literal.push(c);
            i += 1;
        }
        match field {
            Some((name, spec, conv)) => out.push((literal, Some(name), Some(spec), conv)),
            None => out.push((literal, None, None, None)),
        }
    }
    Ok(out)
}

/// Parses a replacement field starting after its `{`; returns the field and
/// the index after its `}`.
/// A replacement field: name, format spec, conversion.
type Field = (String, String, Option<char>);

fn parse_field(chars: &[char], start: usize) -> Result<(Field, usize), &'static str> {
    let n = chars.len();
    let mut i = start;
    let mut name = String::new();
    let mut in_bracket = false;
    let mut conv = None;
    // The field name (brackets may hold any character).
    loop {
        let Some(&c) = chars.get(i) else {
            return Err("expected '}' before end of string");
        };
        if in_bracket {
            if c == ']' {
                in_bracket = false;
            }
            name.push(c);
            i += 1;
            continue;
        }
        match c {
            '[' => {
                in_bracket = true;
                name.push(c);
                i += 1;
            }
            '{' => return Err("unexpected '{' in field name"),
            '}' => return Ok(((name, String::new(), None), i + 1)),
            '!' => {
                let Some(&cv) = chars.get(i + 1) else {
                    return Err("end of string while looking for conversion specifier");
                };
                conv = Some(cv);
                i += 2;
                match chars.get(i) {
                    Some(':') => {
                        i += 1;
                        break;
                    }
                    Some('}') => return Ok(((name, String::new(), conv), i + 1)),
                    None => return Err("unmatched '{' in format spec"),
                    Some(_) => return Err("expected ':' after conversion specifier"),
                }
            }
            ':' => {
                i += 1;
                break;
            }
            _ => {
                name.push(c);
                i += 1;
            }
        }
    }
    // The format spec, with nested fields.
    let mut spec = String::new();
    let mut depth = 1usize;
    while i < n {
        let c = chars[i];
        i += 1;
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Ok(((name, spec, conv), i));
                }
            }
            _ => {}
        }
        spec.push(c);
    }
    Err("unmatched '{' in format spec")
}

fn formatter_parser(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = str_arg(&a, "formatter_parser")?;
    let items = parse(s).map_err(PyErr::value_error)?;
    let list: Vec<Value> = items
        .into_iter()
        .map(|(lit, name, spec, conv)| {
            Value::tuple(vec![
                Value::string(lit),
                opt(name),
                opt(spec),
                conv.map_or(Value::None, |c| Value::string(c.to_string())),
            ])
        })
        .collect();
    vm.get_iter(&Value::list(list))
}

fn index_or_str(s: &str) -> Value {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = s.parse::<i64>() {
            return Value::Int(n);
        }
    }
    Value::str(s)
}

fn formatter_field_name_split(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = str_arg(&a, "formatter_field_name_split")?;
    let cut = s.find(['.', '[']).unwrap_or(s.len());
    let first = index_or_str(&s[..cut]);
    let mut rest = Vec::new();
    let mut r = &s[cut..];
    while let Some(c) = r.chars().next() {
        if c == '.' {
            let body = &r[1..];
            let end = body.find(['.', '[']).unwrap_or(body.len());
            if end == 0 {
                return Err(PyErr::value_error("Empty attribute in format string"));
            }
            rest.push(Value::tuple(vec![
                Value::Bool(true),
                Value::str(&body[..end]),
            ]));
            r = &body[end..];
        } else if c == '[' {
            let body = &r[1..];
            let Some(end) = body.find(']') else {
                return Err(PyErr::value_error("Missing ']' in format string"));
            };
            if end == 0 {
                return Err(PyErr::value_error("Empty attribute in format string"));
            }
            rest.push(Value::tuple(vec![
                Value::Bool(false),
                index_or_str(&body[..end]),
            ]));
            r = &body[end + 1..];
            if !r.is_empty() && !r.starts_with(['.', '[']) {
                return Err(PyErr::value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        } else {
            break;
        }
    }
    let it = vm.get_iter(&Value::list(rest))?;
    Ok(Value::tuple(vec![first, it]))
}
