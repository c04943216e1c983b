//! Pickling arrays (`Modules/arraymodule.c`'s `array_reduce_ex` and
//! `array_reconstructor`): from protocol 3 an array pickles as its machine
//! bytes with a machine format code, which the reconstructor converts when
//! the unpickling machine's layout differs.

use std::rc::Rc;

use num_bigint::{BigInt, Sign};

use super::array::{array_class, array_new, itemsize, new_of_class, TYPECODES};
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

/// `(size, signed, big-endian)` of the integer machine formats 0..=13.
const INT_FORMATS: [(usize, bool, bool); 14] = [
    (1, false, false),
    (1, true, false),
    (2, false, false),
    (2, false, true),
    (2, true, false),
    (2, true, true),
    (4, false, false),
    (4, false, true),
    (4, true, false),
    (4, true, true),
    (8, false, false),
    (8, false, true),
    (8, true, false),
    (8, true, true),
];

/// The machine format of this machine's items of `code`
/// (`typecode_to_mformat_code`).
fn mformat_of(code: u8) -> i64 {
    let big = cfg!(target_endian = "big");
    let e = i64::from(big);
    match code {
        b'b' => 1,
        b'B' => 0,
        b'u' => 20 + e,
        b'f' => 14 + e,
        b'd' => 16 + e,
        _ => {
            let signed = matches!(code, b'h' | b'i' | b'l' | b'q');
            let base = match itemsize(code) {
                2 => 2,
                4 => 6,
                _ => 10,
            };
            base + if signed { 2 } else { 0 } + e
        }
    }
}

/// `array.__reduce_ex__(protocol)`.
pub(super) fn reduce(
    vm: &mut Vm,
    me: &Value,
    proto: i64,
    code: u8,
    data: Vec<u8>,
    items: Vec<Value>,
) -> PyResult<Value> {
    let dict_name = vm.intern("__dict__");
    let dict = vm.get_attr(me, &dict_name).unwrap_or(Value::None);
    let cls = Value::Type(crate::types::type_of(me));
    let tc = Value::char(char::from(code));
    if proto < 3 {
        return Ok(Value::tuple(vec![
            cls,
            Value::tuple(vec![tc, Value::list(items)]),
            dict,
        ]));
    }
    let recon = Value::Builtin(&ARRAY_RECON[0]);
    Ok(Value::tuple(vec![
        recon,
        Value::tuple(vec![
            cls,
            tc,
            Value::Int(mformat_of(code)),
            Value::Bytes(Rc::new(data)),
        ]),
        dict,
    ]))
}

super::module_functions!(ARRAY_RECON, "array", [
    "_array_reconstructor" => reconstructor,
]);

/// The functions of the `array` module.
pub(super) static FUNCTIONS: &[crate::func::BuiltinDef] = ARRAY_RECON;

/// `array._array_reconstructor(arraytype, typecode, mformat_code, items)`.
pub(super) fn reconstructor(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [t, tc, mf, items] = a.pos else {
        return Err(PyErr::type_error(format!(
            "_array_reconstructor expected 4 arguments, got {}",
            a.pos.len()
        )));
    };
    let Value::Type(cls) = t else {
        return Err(PyErr::type_error(format!(
            "first argument must be a type object, not {}",
            type_name(t)
        )));
    };
    let base = array_class(vm);
    if !cls.is_subtype(&base) {
        return Err(PyErr::type_error(format!(
            "{} is not a subtype of array.array",
            cls.name
        )));
    }
    let code = match tc {
        Value::Str(s) if s.char_len() == 1 => s.as_str().as_bytes()[0],
        other => {
            return Err(PyErr::type_error(format!(
                "_array_reconstructor() argument 2 must be a unicode character, not {}",
                type_name(other)
            )))
        }
    };
    if !TYPECODES.as_bytes().contains(&code) {
        return Err(PyErr::value_error(
            "second argument must be a valid type code",
        ));
    }
    let mf = vm.index_value(mf)?;
    if !(0..=21).contains(&mf) {
        return Err(PyErr::value_error(
            "third argument must be a valid machine format code.",
        ));
    }
    let Value::Bytes(bytes) = items else {
        return Err(PyErr::type_error(format!(
            "fourth argument should be bytes, not {}",
            type_name(items)
        )));
    };
    let make = |vm: &mut Vm, code: u8, init: Value| {
        let pos = [
            Value::Type(cls.clone()),
            Value::char(char::from(code)),
            init,
        ];
        array_new(
            vm,
            Args {
                pos: &pos,
                kwnames: &[],
                kwvals: &[],
            },
        )
    };
    if mf == mformat_of(code) {
        if bytes.len() % itemsize(code) != 0 {
            return Err(PyErr::value_error(
                "bytes length not a multiple of item size",
            ));
        }
        return Ok(new_of_class(cls, code, bytes.to_vec()));
    }
    let values: Vec<Value> = match mf {
        14..=17 => {
            let (size, big) = (if mf < 16 { 4 } else { 8 }, mf % 2 == 1);
            bytes
                .chunks_exact(size)
                .map(|c| {
                    let mut w = c.to_vec();
                    if big {
                        w.reverse();
                    }
                    let mut raw = [0u8; 8];
                    raw[..size].copy_from_slice(&w);
                    let u = u64::from_le_bytes(raw);
                    Value::Float(if size == 4 {
                        f64::from(f32::from_bits(u as u32))
                    } else {
                        f64::from_bits(u)
                    })
                })
                .collect()
        }
        18..=21 => {
            let big = mf % 2 == 1;
            let text = if mf < 20 {
                let units: Vec<u16> = bytes
                    .chunks_exact(2)
                    .map(|c| {
                        let b = [c[0], c[1]];
                        if big {
                            u16::from_be_bytes(b)
                        } else {
                            u16::from_le_bytes(b)
                        }
                    })
                    .collect();
                char::decode_utf16(units)
                    .collect::<Result<String, _>>()
                    .map_err(|_| PyErr::value_error("invalid UTF-16 data"))?
            } else {
                bytes
                    .chunks_exact(4)
                    .map(|c| {
                        let b = [c[0], c[1], c[2], c[3]];
                        let u = if big {
                            u32::from_be_bytes(b)
                        } else {
                            u32::from_le_bytes(b)
                        };
                        char::from_u32(u)
                    })
                    .collect::<Option<String>>()
                    .ok_or_else(|| PyErr::value_error("invalid UTF-32 data"))?
            };
            return make(vm, code, Value::string(text));
        }
        _ => {
            let (size, signed, big) = INT_FORMATS[mf as usize];
            // The last integer typecode of that size and signedness, as
            // CPython picks the best-fitting type on this machine.
            let mut fit = code;
            for c in TYPECODES.bytes() {
                let c_signed = matches!(c, b'b' | b'h' | b'i' | b'l' | b'q');
                if !matches!(c, b'u' | b'f' | b'd') && itemsize(c) == size && c_signed == signed {
                    fit = c;
                }
            }
            let vals = bytes
                .chunks_exact(size)
                .map(|c| {
                    let n = if signed {
                        if big {
                            BigInt::from_signed_bytes_be(c)
                        } else {
                            BigInt::from_signed_bytes_le(c)
                        }
                    } else if big {
                        BigInt::from_bytes_be(Sign::Plus, c)
                    } else {
                        BigInt::from_bytes_le(Sign::Plus, c)
                    };
                    Value::from_bigint(n)
                })
                .collect();
            return make(vm, fit, Value::list(vals));
        }
    };
    make(vm, code, Value::list(values))
}
