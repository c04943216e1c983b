//! `unicodedata`: CPython's `Modules/unicodedata.c` over tables generated from
//! CPython 3.11 itself (`tools/gen_unicodedata.py`, Unicode 14.0.0).
//!
//! The module's functions read the current database; `ucd_3_2_0`, an instance
//! of `unicodedata.UCD`, has the same methods over Unicode 3.2.0 (the
//! version IDNA and stringprep are defined on). Both go through one
//! implementation per function that takes the [`Version`].

mod names;
mod names_data;
mod normalize;
mod props;
mod tables;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{native_fn, native_methods, new_native, ClassSpec, PropSpec, SpecFlags};
use crate::str_surrogates::one_char;
use crate::types::{type_name, TypeKind};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

use super::new_module;
use normalize::Form;
use props::Version;

/// The Unicode version of the current database.
const UNIDATA_VERSION: &str = "14.0.0";

/// How a function's arguments are checked, which decides CPython's messages.
#[derive(Clone, Copy)]
enum Arity {
    /// Exactly one argument (`category`, `lookup`, ...).
    One,
    /// A character and an optional default (`name`, `decimal`, ...).
    WithDefault,
    /// Exactly two (`normalize`, `is_normalized`).
    Two,
}

/// Checks the argument count and keywords of `fname` (all positional-only).
fn check_args<'a>(a: &Args<'a>, v: Version, fname: &str, arity: Arity) -> PyResult<&'a [Value]> {
    // Methods of `ucd_3_2_0` get the receiver first.
    let args = match v {
        Version::Current => a.pos,
        Version::V3_2 => a.pos.get(1..).unwrap_or(&[]),
    };
    let owner = match v {
        Version::Current => "unicodedata",
        Version::V3_2 => "UCD",
    };
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(match arity {
            Arity::One => format!("{owner}.{fname}() takes no keyword arguments"),
            _ => format!("{fname}() takes no keyword arguments"),
        }));
    }
    let n = args.len();
    let err = match arity {
        Arity::One if n != 1 => Some(format!(
            "{owner}.{fname}() takes exactly one argument ({n} given)"
        )),
        Arity::WithDefault if n == 0 => {
            Some(format!("{fname} expected at least 1 argument, got 0"))
        }
        Arity::WithDefault if n > 2 => {
            Some(format!("{fname} expected at most 2 arguments, got {n}"))
        }
        Arity::Two if n != 2 => Some(format!("{fname} expected 2 arguments, got {n}")),
        _ => None,
    };
    match err {
        Some(msg) => Err(PyErr::type_error(msg)),
        None => Ok(args),
    }
}

/// The str inside `v` (a str or an instance of a str subclass).
fn as_str(v: &Value) -> Option<&StrObj> {
    match crate::instance::payload_of(v).unwrap_or(v) {
        Value::Str(s) => Some(s),
        _ => None,
    }
}

/// The one character of argument `v`, or CPython's TypeError ("argument" alone
/// for one-argument functions, "argument 1" otherwise).
fn one_char_arg(v: &Value, fname: &str, arity: Arity) -> PyResult<u32> {
    if let Some(s) = as_str(v) {
        let mut it = s.code_points();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(c);
        }
    }
    let which = match arity {
        Arity::One => "argument",
        _ => "argument 1",
    };
    Err(PyErr::type_error(format!(
        "{fname}() {which} must be a unicode character, not {}",
        type_name(v)
    )))
}

/// A one-character query: the checked code point.
fn char_query(
    a: &Args<'_>,
    v: Version,
    fname: &str,
    arity: Arity,
) -> PyResult<(u32, Option<Value>)> {
    let args = check_args(a, v, fname, arity)?;
    let cp = one_char_arg(&args[0], fname, arity)?;
    Ok((cp, args.get(1).cloned()))
}

/// The default if given, else `ValueError(msg)`.
fn or_default(default: Option<Value>, msg: &str) -> PyResult<Value> {
    default.ok_or_else(|| PyErr::value_error(msg))
}

fn decimal_in(a: Args<'_>, v: Version) -> PyResult<Value> {
    let (cp, default) = char_query(&a, v, "decimal", Arity::WithDefault)?;
    match props::decimal(v, cp) {
        Some(d) => Ok(Value::Int(d as i64)),
        None => or_default(default, "not a decimal"),
    }
}

fn digit_in(a: Args<'_>, v: Version) -> PyResult<Value> {
    let (cp, default) = char_query(&a, v, "digit", Arity::WithDefault)?;
    match props::digit(v, cp) {
        Some(d) => Ok(Value::Int(d as i64)),
        None => or_default(default, "not a digit"),
    }
}

fn numeric_in(a: Args<'_>, v: Version) -> PyResult<Value> {
    let (cp, default) = char_query(&a, v, "numeric", Arity::WithDefault)?;
    match props::numeric(v, cp) {
        Some(n) => Ok(Value::Float(n)),
        None => or_default(default, "not a numeric character"),
    }
}

fn name_in(a: Args<'_>, v: Version) -> PyResult<Value> {
    let (cp, default) = char_query(&a, v, "name", Arity::WithDefault)?;
    match names::name(v, cp) {
        Some(n) => Ok(Value::string(n)),
        None => or_default(default, "no such name"),
    }
}

fn category_in(a: Args<'_>, v: Version) -> PyResult<Value> {
    let (cp, _) = char_query(&a, v, "category", Arity::One)?;
    Ok(Value::str(props::category(v, cp)))
}

fn bidirectional_in(a: Args<'_>, v: Version) -> PyResult<Value> {
    let (cp, _) = char_query(&a, v, "bidirectional", Arity::One)?;
    Ok(Value::str(props::bidirectional(v, cp)))
}

fn combining_in(a: Args<'_>, v: Version) -> PyResult<Value> {
    let (cp, _) = char_query(&a, v, "combining", Arity::One)?;
    Ok(Value::Int(props::combining(v, cp) as i64))
}

fn mirrored_in(a: Args<'_>, v: Version) -> PyResult<Value> {
    let (cp, _) = char_query(&a, v, "mirrored", Arity::One)?;
    Ok(Value::Int(props::mirrored(v, cp) as i64))
}

fn east_asian_width_in(a: Args<'_>, v: Version) -> PyResult<Value> {
    let (cp, _) = char_query(&a, v, "east_asian_width", Arity::One)?;
    Ok(Value::str(props::east_asian_width(v, cp)))
}

fn decomposition_in(a: Args<'_>, v: Version) -> PyResult<Value> {
    let (cp, _) = char_query(&a, v, "decomposition", Arity::One)?;
    Ok(Value::string(props::decomposition(v, cp)))
}

/// The form and text arguments of `normalize`/`is_normalized`.
fn form_args<'a>(a: &Args<'a>, v: Version, fname: &str) -> PyResult<(Form, &'a Value, &'a StrObj)> {
    let args = check_args(a, v, fname, Arity::Two)?;
    let form = as_str(&args[0]).ok_or_else(|| {
        PyErr::type_error(format!(
            "{fname}() argument 1 must be str, not {}",
            type_name(&args[0])
        ))
    })?;
    let text = as_str(&args[1]).ok_or_else(|| {
        PyErr::type_error(format!(
            "{fname}() argument 2 must be str, not {}",
            type_name(&args[1])
        ))
    })?;
    let form = Form::parse(form.as_str())
        .filter(|_| form.surrogates().is_none())
        .ok_or_else(|| PyErr::value_error("invalid normalization form"))?;
    Ok((form, &args[1], text))
}

fn normalize_in(a: Args<'_>, v: Version) -> PyResult<Value> {
    let (form, orig, text) = form_args(&a, v, "normalize")?;
    let out = normalize::normalize(v, form, text.code_points());
    if out.iter().copied().eq(text.code_points()) {
        // CPython returns the argument itself when it is already normal
        // (an exact str; a subclass instance is copied to a plain str).
        if let Value::Str(_) = orig {
            return Ok(orig.clone());
        }
    }
    Ok(Value::from_code_points(out))
}

fn is_normalized_in(a: Args<'_>, v: Version) -> PyResult<Value> {
    let (form, _, text) = form_args(&a, v, "is_normalized")?;
    let out = normalize::normalize(v, form, text.code_points());
    Ok(Value::Bool(out.iter().copied().eq(text.code_points())))
}

fn lookup_in(a: Args<'_>, v: Version) -> PyResult<Value> {
    let args = check_args(&a, v, "lookup", Arity::One)?;
    let name: Vec<u8> = match &args[0] {
        Value::Bytes(b) => b.to_vec(),
        other => match as_str(other) {
            Some(s) => s.as_str().as_bytes().to_vec(),
            None => {
                return Err(PyErr::type_error(match other {
                    Value::ByteArray(_) => {
                        "lookup() argument must be read-only bytes-like object, not bytearray"
                            .to_string()
                    }
                    _ => format!(
                        "a bytes-like object is required, not '{}'",
                        type_name(other)
                    ),
                }))
            }
        },
    };
    if name.len() > 256 {
        return Err(PyErr::key_error(Value::str("name too long")));
    }
    match names::lookup(v, &name) {
        Some(names::Found::Char(cp)) => Ok(one_char(cp)),
        Some(names::Found::Sequence(s)) => Ok(Value::str(s)),
        None => {
            // CPython formats the name with `%s`: it ends at a NUL byte.
            let shown = name.split(|&b| b == 0).next().unwrap_or(&[]);
            Err(PyErr::key_error(Value::string(format!(
                "undefined character name '{}'",
                String::from_utf8_lossy(shown)
            ))))
        }
    }
}

/// Declares each function twice: the module's (current database) and the
/// `UCD` method (Unicode 3.2.0, receiver first).
macro_rules! both_versions {
    ($( $imp:ident => $cur:ident, $old:ident; )*) => {
        $(
            fn $cur(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
                $imp(a, Version::Current)
            }
            fn $old(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
                $imp(a, Version::V3_2)
            }
        )*
    };
}

both_versions! {
    decimal_in => decimal, ucd_decimal;
    digit_in => digit, ucd_digit;
    numeric_in => numeric, ucd_numeric;
    name_in => name, ucd_name;
    category_in => category, ucd_category;
    bidirectional_in => bidirectional, ucd_bidirectional;
    combining_in => combining, ucd_combining;
    mirrored_in => mirrored, ucd_mirrored;
    east_asian_width_in => east_asian_width, ucd_east_asian_width;
    decomposition_in => decomposition, ucd_decomposition;
    normalize_in => normalize, ucd_normalize;
    is_normalized_in => is_normalized, ucd_is_normalized;
    lookup_in => lookup, ucd_lookup;
}

super::module_functions!(FUNCTIONS, "unicodedata", [
    "decimal" => decimal, "digit" => digit, "numeric" => numeric, "name" => name,
    "category" => category, "bidirectional" => bidirectional, "combining" => combining,
    "mirrored" => mirrored, "east_asian_width" => east_asian_width,
    "decomposition" => decomposition, "normalize" => normalize,
    "is_normalized" => is_normalized, "lookup" => lookup,
]);

fn ucd_new(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::type_error(
        "cannot create 'unicodedata.UCD' instances",
    ))
}

fn ucd_version(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(Value::str("3.2.0"))
}

native_methods!(UCD_METHODS, "UCD", [
    "__new__" => ucd_new,
    "decimal" => ucd_decimal, "digit" => ucd_digit, "numeric" => ucd_numeric, "name" => ucd_name,
    "category" => ucd_category, "bidirectional" => ucd_bidirectional,
    "combining" => ucd_combining, "mirrored" => ucd_mirrored,
    "east_asian_width" => ucd_east_asian_width, "decomposition" => ucd_decomposition,
    "normalize" => ucd_normalize, "is_normalized" => ucd_is_normalized, "lookup" => ucd_lookup,
]);

native_fn!(UCD_VERSION, "unidata_version", "UCD", ucd_version);

/// `unicodedata.UCD`: the class of `ucd_3_2_0`.
static UCD: ClassSpec = ClassSpec {
    name: "UCD",
    module: "unicodedata",
    base: TypeKind::Object,
    methods: UCD_METHODS,
    classmethods: &[],
    props: &[PropSpec {
        name: "unidata_version",
        get: &UCD_VERSION,
        set: None,
    }],
    unhashable: false,
    flags: SpecFlags::NONE,
};

/// Marks the `ucd_3_2_0` instance (its methods need no state).
struct Ucd32;

/// Builds the `unicodedata` module.
pub fn init(vm: &mut Vm) -> Value {
    let ucd = new_native(vm, &UCD, Ucd32);
    let class = Value::Type(crate::native::class_of(vm, &UCD));
    new_module(
        "unicodedata",
        FUNCTIONS,
        vec![
            ("unidata_version", Value::str(UNIDATA_VERSION)),
            ("ucd_3_2_0", ucd),
            ("UCD", class),
        ],
    )
}

/// The code point named `name` in the current database, aliases included
/// and named sequences not: what a `\N{...}` escape accepts.
pub(crate) fn char_named(name: &[u8]) -> Option<u32> {
    match names::lookup(Version::Current, name)? {
        names::Found::Char(cp) => Some(cp),
        names::Found::Sequence(_) => None,
    }
}

/// The name of `cp` in the current database, if it has one: what the
/// `namereplace` error handler writes in `\N{...}`.
pub(crate) fn char_name(cp: u32) -> Option<String> {
    names::name(Version::Current, cp)
}
