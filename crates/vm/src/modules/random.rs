//! `_random`: CPython's `Modules/_randommodule.c`, the Mersenne Twister
//! (MT19937) behind `random.Random`. The generator, its seeding
//! (`init_by_array` over the 32-bit words of the seed) and `random()`
//! (`genrand_res53`) follow the reference algorithm, so a seeded program
//! draws CPython's numbers.

use num_bigint::{BigInt, BigUint, Sign};

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    borrow, class_of, cls_arg, native_methods, new_object, receiver, ClassSpec, SpecFlags,
};
use crate::types::{type_name, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator state: 624 words and the index of the next one.
pub struct Mt {
    state: Box<[u32; N]>,
    index: usize,
}

impl Default for Mt {
    fn default() -> Mt {
        Mt {
            state: Box::new([0; N]),
            index: 0,
        }
    }
}

impl Mt {
    fn next_u32(&mut self) -> u32 {
        let mt = &mut self.state;
        if self.index >= N {
            let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// `genrand_res53`: 27 and 26 random bits joined into a 53-bit fraction.
    fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    fn init_genrand(&mut self, s: u32) {
        let mt = &mut self.state;
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            let k = key.get(j).copied().unwrap_or(0);
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(k)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// Seeds from the system's entropy, else from the clock and process id
    /// (`random_seed_urandom`, `random_seed_time_pid`).
    fn seed_entropy(&mut self) {
        use std::io::Read;
        let mut buf = vec![0u8; N * 4];
        let ok = std::fs::File::open("/dev/urandom")
            .and_then(|mut f| f.read_exact(&mut buf))
            .is_ok();
        if ok {
            let key: Vec<u32> = buf
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
            self.init_by_array(&key);
            return;
        }
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        let mono = std::time::Instant::now().elapsed().as_nanos() as u64;
        let key = [
            now as u32,
            (now >> 32) as u32,
            std::process::id(),
            mono as u32,
            (mono >> 32) as u32,
        ];
        self.init_by_array(&key);
    }

    fn getrandbits(&mut self, k: u64) -> BigUint {
        let words = (k - 1) / 32 + 1;
        let mut digits = Vec::with_capacity(words as usize);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            digits.push(r);
            left = left.saturating_sub(32);
        }
        BigUint::new(digits)
    }
}

native_methods!(RANDOM_M, "Random", [
    "__new__" => random_new, "__init__" => random_init, "random" => random_random,
    "seed" => random_seed, "getstate" => random_getstate, "setstate" => random_setstate,
    "getrandbits" => random_getrandbits,
]);

static RANDOM: ClassSpec = ClassSpec {
    name: "Random",
    module: "_random",
    base: TypeKind::Object,
    methods: RANDOM_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::BASETYPE.with(SpecFlags::MUTABLE),
};

/// Builds the `_random` module.
pub fn init(vm: &mut Vm) -> Value {
    let cls = Value::Type(class_of(vm, &RANDOM));
    new_module("_random", &[], vec![("Random", cls)])
}

fn me(a: &Args<'_>, name: &str) -> PyResult<std::rc::Rc<std::cell::RefCell<Mt>>> {
    receiver::<Mt>(a, "_random.Random", name)
}

fn random_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    Ok(new_object(&cls, Mt::default()))
}

fn random_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__init__")?;
    let exact = match a.pos.first() {
        Some(Value::Instance(i)) => {
            let cls = class_of(vm, &RANDOM);
            std::rc::Rc::ptr_eq(&i.class(), &cls)
        }
        _ => false,
    };
    if exact && !a.kwnames.is_empty() {
        return Err(PyErr::type_error("Random() takes no keyword arguments"));
    }
    let args = &a.pos[1..];
    if args.len() > 1 {
        return Err(PyErr::type_error("Random() requires 0 or 1 argument"));
    }
    seed_with(vm, &st, args.first())?;
    Ok(Value::None)
}

/// `random_seed`: entropy for `None`; else the absolute value of an int, or
/// the hash of anything else, cut into 32-bit words from the right.
fn seed_with(vm: &mut Vm, st: &std::cell::RefCell<Mt>, arg: Option<&Value>) -> PyResult<()> {
    let n: BigUint = match arg {
        None | Some(Value::None) => {
            borrow(st)?.seed_entropy();
            return Ok(());
        }
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => crate::ops::to_bigint(v)
            .unwrap_or_default()
            .magnitude()
            .clone(),
        Some(v) => match crate::instance::payload_of(v).and_then(crate::ops::to_bigint) {
            Some(b) => b.magnitude().clone(),
            None => BigUint::from(vm.hash_of(v)? as u64),
        },
    };
    let mut key = n.to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    borrow(st)?.init_by_array(&key);
    Ok(())
}

fn random_random(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "random")?;
    no_args(&a, "random")?;
    let x = borrow(&st)?.random();
    Ok(Value::Float(x))
}

fn no_args(a: &Args<'_>, name: &str) -> PyResult<()> {
    crate::native::rest(a).no_args(&format!("Random.{name}"))
}

fn one_arg<'a>(a: &Args<'a>, name: &str, min: usize) -> PyResult<Option<&'a Value>> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "Random.{name}() takes no keyword arguments"
        )));
    }
    let n = a.pos.len().saturating_sub(1);
    if n < min || n > 1 {
        let msg = if min == 1 {
            format!("Random.{name}() takes exactly one argument ({n} given)")
        } else {
            format!("{name} expected at most 1 argument, got {n}")
        };
        return Err(PyErr::type_error(msg));
    }
    Ok(a.pos.get(1))
}

fn random_seed(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "seed")?;
    let arg = one_arg(&a, "seed", 0)?;
    seed_with(vm, &st, arg)?;
    Ok(Value::None)
}

fn random_getstate(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "getstate")?;
    no_args(&a, "getstate")?;
    let s = borrow(&st)?;
    let mut items: Vec<Value> = s.state.iter().map(|&w| Value::Int(i64::from(w))).collect();
    items.push(Value::Int(s.index as i64));
    Ok(Value::tuple(items))
}

fn random_setstate(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "setstate")?;
    let arg = one_arg(&a, "setstate", 1)?.unwrap_or(&Value::None);
    let Value::Tuple(items) = arg else {
        return Err(PyErr::type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(PyErr::value_error("state vector is the wrong size"));
    }
    let mut words = Box::new([0u32; N]);
    for (w, v) in words.iter_mut().zip(items.iter()) {
        *w = unsigned_long(v)? as u32;
    }
    let index = match &items[N] {
        Value::Int(i) => *i,
        Value::Bool(b) => i64::from(*b),
        Value::BigInt(_) => {
            return Err(PyErr::overflow("Python int too large to convert to C long"))
        }
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )))
        }
    };
    if !(0..=N as i64).contains(&index) {
        return Err(PyErr::value_error("invalid state"));
    }
    let mut s = borrow(&st)?;
    s.state = words;
    s.index = index as usize;
    Ok(Value::None)
}

/// `PyLong_AsUnsignedLong`.
fn unsigned_long(v: &Value) -> PyResult<u64> {
    match v {
        Value::Int(i) if *i >= 0 => Ok(*i as u64),
        Value::Bool(b) => Ok(u64::from(*b)),
        Value::Int(_) => Err(PyErr::overflow(
            "can't convert negative value to unsigned int",
        )),
        Value::BigInt(b) if b.sign() == Sign::Minus => Err(PyErr::overflow(
            "can't convert negative value to unsigned int",
        )),
        Value::BigInt(b) => u64::try_from(&**b)
            .map_err(|_| PyErr::overflow("Python int too large to convert to C unsigned long")),
        other => Err(PyErr::type_error(format!(
            "an integer is required (got type {})",
            type_name(other)
        ))),
    }
}

fn random_getrandbits(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "getrandbits")?;
    let arg = one_arg(&a, "getrandbits", 1)?.unwrap_or(&Value::None);
    if matches!(arg, Value::Float(_)) {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let k = match vm.index_value(arg) {
        Ok(k) if k > i64::from(i32::MAX) || k < i64::from(i32::MIN) => {
            return Err(PyErr::overflow("Python int too large to convert to C int"))
        }
        Ok(k) => k,
        Err(e) if e.is(crate::types::ExcKind::OverflowError) => {
            return Err(PyErr::overflow("Python int too large to convert to C int"))
        }
        Err(e) => return Err(e),
    };
    if k < 0 {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    let mut s = borrow(&st)?;
    if k <= 32 {
        return Ok(Value::Int(i64::from(s.next_u32() >> (32 - k))));
    }
    super::charge(vm, (k as u64) / 64)?;
    let n = s.getrandbits(k as u64);
    Ok(Value::from_bigint(BigInt::from_biguint(Sign::Plus, n)))
}
