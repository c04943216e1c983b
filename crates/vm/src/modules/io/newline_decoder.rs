//! `_io.IncrementalNewlineDecoder` (CPython's `Modules/_io/textio.c`): wraps
//! an incremental decoder (or none, for str input), holds back a trailing
//! `\r` until the next chunk shows whether a `\n` follows, records which
//! newline kinds were seen (`newlines`) and translates them to `\n` when asked.

use std::cell::RefCell;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    bind_args, borrow, class_of, cls_arg, native_fn, native_methods, new_object, receiver, rest,
    ClassSpec, PropSpec, SpecFlags,
};
use crate::types::{type_name, TypeKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

/// Bits of `seennl`, as CPython's `SEEN_LF`, `SEEN_CR`, `SEEN_CRLF`.
const SEEN_LF: u8 = 1;
const SEEN_CR: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// The state of one decoder; `decoder` is `None` until `__init__` ran.
struct NewlineDecoder {
    /// The wrapped incremental decoder (`Value::None` for str input).
    decoder: Option<Value>,
    translate: bool,
    /// A `\r` ended the last chunk and was held back.
    pending_cr: bool,
    seen: u8,
}

native_methods!(METHODS, "IncrementalNewlineDecoder", [
    "__new__" => nd_new, "__init__" => nd_init, "decode" => nd_decode,
    "getstate" => nd_getstate, "setstate" => nd_setstate, "reset" => nd_reset,
]);
native_fn!(
    NEWLINES_GET,
    "newlines",
    "IncrementalNewlineDecoder",
    nd_newlines
);
static PROPS: &[PropSpec] = &[PropSpec {
    name: "newlines",
    get: &NEWLINES_GET,
    set: None,
}];
static SPEC: ClassSpec = ClassSpec {
    name: "IncrementalNewlineDecoder",
    module: "_io",
    base: TypeKind::Object,
    methods: METHODS,
    classmethods: &[],
    props: PROPS,
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

/// The class, for the `_io` module.
pub(super) fn class(vm: &mut Vm) -> Rc<TypeObj> {
    class_of(vm, &SPEC)
}

fn nd_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    Ok(new_object(
        &cls,
        NewlineDecoder {
            decoder: None,
            translate: false,
            pending_cr: false,
            seen: 0,
        },
    ))
}

fn me(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<NewlineDecoder>>> {
    receiver::<NewlineDecoder>(a, "_io.IncrementalNewlineDecoder", name)
}

fn not_initialized() -> PyErr {
    PyErr::value_error("IncrementalNewlineDecoder.__init__() not called")
}

/// The wrapped decoder, or the error of an object whose `__init__` never ran.
fn inner(st: &Rc<RefCell<NewlineDecoder>>) -> PyResult<Value> {
    borrow(st)?.decoder.clone().ok_or_else(not_initialized)
}

/// A `bool(accept={int})` argument: any integer, its truth.
fn int_flag(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(Value::BigInt(_)) => Ok(true),
        Some(v) => Ok(vm.index_value(v)? != 0),
    }
}

fn nd_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__init__")?;
    let args = bind_args(
        &rest(&a),
        "IncrementalNewlineDecoder",
        &["decoder", "translate", "errors"],
        2,
    )?;
    let (Some(decoder), Some(translate)) = (args[0], args[1]) else {
        let (name, pos) = if args[0].is_none() {
            ("decoder", 1)
        } else {
            ("translate", 2)
        };
        return Err(PyErr::type_error(format!(
            "IncrementalNewlineDecoder() missing required argument '{name}' (pos {pos})"
        )));
    };
    let translate = int_flag(vm, Some(translate))?;
    let mut s = borrow(&st)?;
    *s = NewlineDecoder {
        decoder: Some(decoder.clone()),
        translate,
        pending_cr: false,
        seen: 0,
    };
    Ok(Value::None)
}

fn nd_decode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "decode")?;
    let args = bind_args(&rest(&a), "decode", &["input", "final"], 1)?;
    let Some(input) = args[0] else {
        return Err(PyErr::type_error(
            "decode() missing required argument 'input' (pos 1)",
        ));
    };
    let last = int_flag(vm, args[1])?;
    let decoder = inner(&st)?;
    // The wrapped decoder runs with no borrow of this state held: it is Python.
    let output = if matches!(decoder, Value::None) {
        input.clone()
    } else {
        vm.call_method(&decoder, "decode", &[input.clone(), Value::Bool(last)])?
    };
    let Value::Str(text) = &output else {
        return Err(PyErr::type_error(format!(
            "decoder should return a string result, not '{}'",
            type_name(&output)
        )));
    };
    let mut cps: Vec<u32> = text.code_points().collect();
    let mut s = borrow(&st)?;
    if s.pending_cr && (last || !cps.is_empty()) {
        cps.insert(0, u32::from(b'\r'));
        s.pending_cr = false;
    }
    // A final `\r` waits for the next chunk, so that `\r\n` split across
    // two reads is still one newline (and `readline` sees it whole).
    if !last && cps.last() == Some(&u32::from(b'\r')) {
        cps.pop();
        s.pending_cr = true;
    }
    let (cr, lf) = (u32::from(b'\r'), u32::from(b'\n'));
    let mut out = Vec::with_capacity(cps.len());
    let mut i = 0;
    let mut changed = false;
    while let Some(&c) = cps.get(i) {
        if c == cr {
            if cps.get(i + 1) == Some(&lf) {
                s.seen |= SEEN_CRLF;
                i += 1;
            } else {
                s.seen |= SEEN_CR;
            }
            out.push(lf);
            changed = true;
        } else {
            if c == lf {
                s.seen |= SEEN_LF;
            }
            out.push(c);
        }
        i += 1;
    }
    if s.translate && changed {
        return Ok(Value::from_code_points(out));
    }
    drop(s);
    if cps.len() == text.char_len() && !changed {
        return Ok(output.clone());
    }
    Ok(Value::from_code_points(cps))
}

/// An `(object, unsigned int)` pair (`"OK"`), or a TypeError with `msg`.
fn state_pair(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<(Value, u64)> {
    let bad = || PyErr::type_error(msg.to_string());
    let Value::Tuple(t) = v else {
        return Err(bad());
    };
    let [buf, flag] = t.as_slice() else {
        return Err(bad());
    };
    if !matches!(flag, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
        return Err(bad());
    }
    // `K` keeps the low 64 bits of any int.
    let bits = match flag {
        Value::BigInt(b) => {
            let (_, digits) = b.to_u64_digits();
            let low = digits.first().copied().unwrap_or(0);
            if b.sign() == num_bigint::Sign::Minus {
                low.wrapping_neg()
            } else {
                low
            }
        }
        other => vm.index_value(other)? as u64,
    };
    Ok((buf.clone(), bits))
}

fn nd_getstate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "getstate")?;
    let decoder = inner(&st)?;
    let (buf, flag) = if matches!(decoder, Value::None) {
        (Value::Bytes(Rc::new(Vec::new())), 0)
    } else {
        let state = vm.call_method(&decoder, "getstate", &[])?;
        if !matches!(state, Value::Tuple(_)) {
            return Err(PyErr::type_error("illegal decoder state"));
        }
        state_pair(vm, &state, "illegal decoder state")?
    };
    let flag = (flag << 1) | u64::from(borrow(&st)?.pending_cr);
    Ok(Value::Tuple(Rc::new(vec![buf, int_value(flag)])))
}

/// An unsigned 64-bit value as an int.
fn int_value(v: u64) -> Value {
    match i64::try_from(v) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::BigInt(Rc::new(num_bigint::BigInt::from(v))),
    }
}

fn nd_setstate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "setstate")?;
    let decoder = inner(&st)?;
    let state = crate::native::exactly_positional(&rest(&a), "setstate", 1)?
        .first()
        .cloned()
        .unwrap_or(Value::None);
    if !matches!(state, Value::Tuple(_)) {
        return Err(PyErr::type_error("state argument must be a tuple"));
    }
    let (buf, flag) = state_pair(vm, &state, "setstate(): illegal state argument")?;
    borrow(&st)?.pending_cr = flag & 1 == 1;
    if matches!(decoder, Value::None) {
        return Ok(Value::None);
    }
    let inner_state = Value::Tuple(Rc::new(vec![buf, int_value(flag >> 1)]));
    vm.call_method(&decoder, "setstate", &[inner_state])
}

fn nd_reset(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "reset")?;
    let decoder = inner(&st)?;
    {
        let mut s = borrow(&st)?;
        s.seen = 0;
        s.pending_cr = false;
    }
    if matches!(decoder, Value::None) {
        return Ok(Value::None);
    }
    vm.call_method(&decoder, "reset", &[])?;
    Ok(Value::None)
}

fn nd_newlines(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "newlines")?;
    inner(&st)?;
    let seen = borrow(&st)?.seen;
    let s = |t: &str| Value::str(t);
    let t = |items: &[&str]| Value::Tuple(Rc::new(items.iter().map(|x| Value::str(x)).collect()));
    Ok(match seen {
        0 => Value::None,
        SEEN_LF => s("\n"),
        SEEN_CR => s("\r"),
        SEEN_CRLF => s("\r\n"),
        3 => t(&["\r", "\n"]),
        5 => t(&["\n", "\r\n"]),
        6 => t(&["\r", "\r\n"]),
        _ => t(&["\r", "\n", "\r\n"]),
    })
}
