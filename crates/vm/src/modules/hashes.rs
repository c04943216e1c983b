//! The hash modules `hashlib` falls back on when CPython is built without
//! OpenSSL: `_md5`, `_sha1`, `_sha256`, `_sha512`, `_sha3` and `_blake2`
//! (Modules/md5module.c, sha1module.c, sha256module.c, sha512module.c,
//! _sha3/sha3module.c, _blake2/). The digests themselves come from the
//! RustCrypto and BLAKE2 crates; this file gives them CPython's objects:
//! `update`, `digest`, `hexdigest`, `copy`, `name`, `digest_size`,
//! `block_size`, and each constructor's arguments and errors.

use std::rc::Rc;

use sha3::digest::{Digest, ExtendableOutput, Update, XofReader};

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    bind_args, borrow, class_of, native_fn, native_methods, new_native, state_of, ClassSpec,
    PropSpec, SpecFlags,
};
use crate::types::{type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

/// The running state of one hash object.
#[derive(Clone)]
enum Hasher {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(Box<blake2b_simd::State>),
    Blake2s(Box<blake2s_simd::State>),
}

/// A hash object: its algorithm's description and state.
#[derive(Clone)]
struct HashObject {
    algorithm: &'static Algorithm,
    hasher: Hasher,
    /// The digest size chosen at construction (BLAKE2's `digest_size`).
    digest_size: usize,
}

impl HashObject {
    fn update(&mut self, data: &[u8]) {
        match &mut self.hasher {
            Hasher::Md5(h) => Digest::update(h, data),
            Hasher::Sha1(h) => Digest::update(h, data),
            Hasher::Sha224(h) => Digest::update(h, data),
            Hasher::Sha256(h) => Digest::update(h, data),
            Hasher::Sha384(h) => Digest::update(h, data),
            Hasher::Sha512(h) => Digest::update(h, data),
            Hasher::Sha3_224(h) => Digest::update(h, data),
            Hasher::Sha3_256(h) => Digest::update(h, data),
            Hasher::Sha3_384(h) => Digest::update(h, data),
            Hasher::Sha3_512(h) => Digest::update(h, data),
            Hasher::Shake128(h) => Update::update(h, data),
            Hasher::Shake256(h) => Update::update(h, data),
            Hasher::Blake2b(h) => {
                h.update(data);
            }
            Hasher::Blake2s(h) => {
                h.update(data);
            }
        }
    }

    /// The digest of everything hashed so far; `length` only for SHAKE.
    fn digest(&self, length: usize) -> Vec<u8> {
        fn fixed<D: Digest + Clone>(h: &D) -> Vec<u8> {
            h.clone().finalize().to_vec()
        }
        fn xof<X: ExtendableOutput + Clone>(h: &X, length: usize) -> Vec<u8> {
            let mut out = vec![0; length];
            h.clone().finalize_xof().read(&mut out);
            out
        }
        match &self.hasher {
            Hasher::Md5(h) => fixed(h),
            Hasher::Sha1(h) => fixed(h),
            Hasher::Sha224(h) => fixed(h),
            Hasher::Sha256(h) => fixed(h),
            Hasher::Sha384(h) => fixed(h),
            Hasher::Sha512(h) => fixed(h),
            Hasher::Sha3_224(h) => fixed(h),
            Hasher::Sha3_256(h) => fixed(h),
            Hasher::Sha3_384(h) => fixed(h),
            Hasher::Sha3_512(h) => fixed(h),
            Hasher::Shake128(h) => xof(h, length),
            Hasher::Shake256(h) => xof(h, length),
            Hasher::Blake2b(h) => h.finalize().as_bytes().to_vec(),
            Hasher::Blake2s(h) => h.finalize().as_bytes().to_vec(),
        }
    }
}

/// One algorithm: its name, class, sizes and how to start it.
struct Algorithm {
    name: &'static str,
    class: &'static ClassSpec,
    digest_size: usize,
    block_size: usize,
    /// Whether `digest`/`hexdigest` take the output length (SHAKE).
    extendable: bool,
    start: fn() -> Hasher,
}

/// Declares an algorithm's class (methods and properties shared by every
/// hash class, then the class's own: `_sha3`'s and `_blake2`'s classes are
/// their constructors, with a `__new__`) and its [`Algorithm`] entry.
macro_rules! algorithm {
    ($alg:ident, $spec:ident, $methods:ident, $props:ident, $name:literal, $module:literal,
     $digest:expr, $block:expr, $extendable:expr, $start:expr
     $(, new: $new:path)? $(, props: [$($pname:literal => $pget:ident),*])?) => {
        native_methods!($methods, $name, [
            "update" => hash_update, "digest" => hash_digest, "hexdigest" => hash_hexdigest,
            "copy" => hash_copy, $("__new__" => $new,)?
        ]);
        static $props: &[PropSpec] = &[
            PropSpec { name: "name", get: &NAME, set: None },
            PropSpec { name: "digest_size", get: &DIGEST_SIZE, set: None },
            PropSpec { name: "block_size", get: &BLOCK_SIZE, set: None },
            $($(PropSpec { name: $pname, get: &$pget, set: None },)*)?
        ];
        static $spec: ClassSpec = ClassSpec {
            name: $name,
            module: $module,
            base: TypeKind::Object,
            methods: $methods,
            classmethods: &[],
            props: $props,
            unhashable: false,
            flags: SpecFlags::NONE,
        };
        static $alg: Algorithm = Algorithm {
            name: $name,
            class: &$spec,
            digest_size: $digest,
            block_size: $block,
            extendable: $extendable,
            start: $start,
        };
    };
}

native_fn!(NAME, "name", "hash", hash_name);
native_fn!(DIGEST_SIZE, "digest_size", "hash", hash_digest_size);
native_fn!(BLOCK_SIZE, "block_size", "hash", hash_block_size);
native_fn!(CAPACITY_BITS, "_capacity_bits", "hash", sha3_capacity_bits);
native_fn!(RATE_BITS, "_rate_bits", "hash", sha3_rate_bits);
native_fn!(SUFFIX, "_suffix", "hash", sha3_suffix);

algorithm!(
    MD5,
    MD5_C,
    MD5_M,
    MD5_P,
    "md5",
    "_md5",
    16,
    64,
    false,
    || { Hasher::Md5(md5::Md5::new()) }
);
algorithm!(
    SHA1,
    SHA1_C,
    SHA1_M,
    SHA1_P,
    "sha1",
    "_sha1",
    20,
    64,
    false,
    || { Hasher::Sha1(sha1::Sha1::new()) }
);
algorithm!(
    SHA224,
    SHA224_C,
    SHA224_M,
    SHA224_P,
    "sha224",
    "_sha256",
    28,
    64,
    false,
    || { Hasher::Sha224(sha2::Sha224::new()) }
);
algorithm!(
    SHA256,
    SHA256_C,
    SHA256_M,
    SHA256_P,
    "sha256",
    "_sha256",
    32,
    64,
    false,
    || { Hasher::Sha256(sha2::Sha256::new()) }
);
algorithm!(
    SHA384,
    SHA384_C,
    SHA384_M,
    SHA384_P,
    "sha384",
    "_sha512",
    48,
    128,
    false,
    || { Hasher::Sha384(sha2::Sha384::new()) }
);
algorithm!(
    SHA512,
    SHA512_C,
    SHA512_M,
    SHA512_P,
    "sha512",
    "_sha512",
    64,
    128,
    false,
    || { Hasher::Sha512(sha2::Sha512::new()) }
);
algorithm!(
    S3_224,
    S3_224_C,
    S3_224_M,
    S3_224_P,
    "sha3_224",
    "_sha3",
    28,
    144,
    false,
    || { Hasher::Sha3_224(sha3::Sha3_224::new()) },
    new: type_sha3_224,
    props: ["_capacity_bits" => CAPACITY_BITS, "_rate_bits" => RATE_BITS, "_suffix" => SUFFIX]
);
algorithm!(
    S3_256,
    S3_256_C,
    S3_256_M,
    S3_256_P,
    "sha3_256",
    "_sha3",
    32,
    136,
    false,
    || { Hasher::Sha3_256(sha3::Sha3_256::new()) },
    new: type_sha3_256,
    props: ["_capacity_bits" => CAPACITY_BITS, "_rate_bits" => RATE_BITS, "_suffix" => SUFFIX]
);
algorithm!(
    S3_384,
    S3_384_C,
    S3_384_M,
    S3_384_P,
    "sha3_384",
    "_sha3",
    48,
    104,
    false,
    || { Hasher::Sha3_384(sha3::Sha3_384::new()) },
    new: type_sha3_384,
    props: ["_capacity_bits" => CAPACITY_BITS, "_rate_bits" => RATE_BITS, "_suffix" => SUFFIX]
);
algorithm!(
    S3_512,
    S3_512_C,
    S3_512_M,
    S3_512_P,
    "sha3_512",
    "_sha3",
    64,
    72,
    false,
    || { Hasher::Sha3_512(sha3::Sha3_512::new()) },
    new: type_sha3_512,
    props: ["_capacity_bits" => CAPACITY_BITS, "_rate_bits" => RATE_BITS, "_suffix" => SUFFIX]
);
algorithm!(
    SHAKE128,
    SHAKE128_C,
    SHAKE128_M,
    SHAKE128_P,
    "shake_128",
    "_sha3",
    0,
    168,
    true,
    || { Hasher::Shake128(sha3::Shake128::default()) },
    new: type_shake_128,
    props: ["_capacity_bits" => CAPACITY_BITS, "_rate_bits" => RATE_BITS, "_suffix" => SUFFIX]
);
algorithm!(
    SHAKE256,
    SHAKE256_C,
    SHAKE256_M,
    SHAKE256_P,
    "shake_256",
    "_sha3",
    0,
    136,
    true,
    || { Hasher::Shake256(sha3::Shake256::default()) },
    new: type_shake_256,
    props: ["_capacity_bits" => CAPACITY_BITS, "_rate_bits" => RATE_BITS, "_suffix" => SUFFIX]
);
algorithm!(
    BLAKE2B,
    BLAKE2B_C,
    BLAKE2B_M,
    BLAKE2B_P,
    "blake2b",
    "_blake2",
    64,
    128,
    false,
    || { Hasher::Blake2b(Box::new(blake2b_simd::State::new())) },
    new: type_blake2b
);
algorithm!(
    BLAKE2S,
    BLAKE2S_C,
    BLAKE2S_M,
    BLAKE2S_P,
    "blake2s",
    "_blake2",
    32,
    64,
    false,
    || { Hasher::Blake2s(Box::new(blake2s_simd::State::new())) },
    new: type_blake2s
);

/// The bytes of a bytes-like argument, with the hash modules' errors.
pub(crate) fn buffer_arg(v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Str(_) => Err(PyErr::type_error("Strings must be encoded before hashing")),
        _ => crate::buffer::exported_bytes(v).unwrap_or_else(|| {
            Err(PyErr::type_error(
                "object supporting the buffer API required",
            ))
        }),
    }
}

/// A new hash object of `algorithm` that has hashed `data`.
fn start(vm: &mut Vm, algorithm: &'static Algorithm, data: Option<&Value>) -> PyResult<Value> {
    new_hash(
        vm,
        algorithm,
        (algorithm.start)(),
        algorithm.digest_size,
        data,
    )
}

/// A hash object of `algorithm` running `hasher`, that has hashed `data`.
fn new_hash(
    vm: &mut Vm,
    algorithm: &'static Algorithm,
    hasher: Hasher,
    digest_size: usize,
    data: Option<&Value>,
) -> PyResult<Value> {
    let mut h = HashObject {
        algorithm,
        hasher,
        digest_size,
    };
    if let Some(data) = data {
        h.update(&buffer_arg(data)?);
    }
    Ok(new_native(vm, algorithm.class, h))
}

/// `_md5.md5(string=b'', *, usedforsecurity=True)` and the other SHA-1/SHA-2
/// constructors.
fn construct(vm: &mut Vm, a: &Args<'_>, algorithm: &'static Algorithm) -> PyResult<Value> {
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{}() takes at most 1 positional argument ({} given)",
            algorithm.name,
            a.pos.len()
        )));
    }
    let args = bind_args(a, algorithm.name, &["string", "usedforsecurity"], 0)?;
    start(vm, algorithm, args[0])
}

macro_rules! constructors {
    ($($f:ident => $alg:ident),* $(,)?) => {
        $(fn $f(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
            construct(vm, &a, &$alg)
        })*
    };
}

constructors!(
    new_md5 => MD5, new_sha1 => SHA1, new_sha224 => SHA224, new_sha256 => SHA256,
    new_sha384 => SHA384, new_sha512 => SHA512,
);

/// The positional-only `data` of a class constructor's arguments (the class
/// itself first), after binding the keyword-only `names`: the argument
/// clinic's checks, naming the function `fname`.
fn data_and_keywords<'a>(
    a: &Args<'a>,
    fname: &str,
    names: &[&str],
) -> PyResult<(Option<&'a Value>, Vec<Option<&'a Value>>)> {
    let pos = a.pos.get(1..).unwrap_or(&[]);
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most 1 positional argument ({} given)",
            pos.len()
        )));
    }
    let keywords = Args {
        pos: &[],
        kwnames: a.kwnames,
        kwvals: a.kwvals,
    };
    Ok((pos.first(), bind_args(&keywords, fname, names, 0)?))
}

/// `_sha3.sha3_256(data=b'', /, *, usedforsecurity=True)`: the classes of
/// `_sha3` are their own constructors. CPython's argument clinic shares one
/// parser among them, so every message names `sha3_224`.
fn construct_sha3(vm: &mut Vm, a: &Args<'_>, algorithm: &'static Algorithm) -> PyResult<Value> {
    let (data, _) = data_and_keywords(a, "sha3_224", &["usedforsecurity"])?;
    start(vm, algorithm, data)
}

macro_rules! sha3_constructors {
    ($($f:ident => $alg:ident),* $(,)?) => {
        $(fn $f(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
            construct_sha3(vm, &a, &$alg)
        })*
    };
}

sha3_constructors!(
    type_sha3_224 => S3_224, type_sha3_256 => S3_256, type_sha3_384 => S3_384,
    type_sha3_512 => S3_512, type_shake_128 => SHAKE128, type_shake_256 => SHAKE256,
);

/// The keyword-only arguments of `blake2b`/`blake2s`, after `data`.
const BLAKE2_PARAMS: [&str; 12] = [
    "digest_size",
    "key",
    "salt",
    "person",
    "fanout",
    "depth",
    "leaf_size",
    "node_offset",
    "node_depth",
    "inner_size",
    "last_node",
    "usedforsecurity",
];

/// The parameter block of a BLAKE2 hash, checked as `_blake2` checks it.
struct Blake2Params {
    digest_size: usize,
    key: Vec<u8>,
    salt: Vec<u8>,
    person: Vec<u8>,
    fanout: u8,
    depth: u8,
    leaf_size: u32,
    node_offset: u64,
    node_depth: u8,
    inner_size: usize,
    last_node: bool,
}

/// A `Py_buffer` argument of the argument clinic (`key`, `salt`, `person`).
fn clinic_buffer(v: Option<&Value>) -> PyResult<Vec<u8>> {
    let Some(v) = v else {
        return Ok(Vec::new());
    };
    crate::buffer::exported_bytes(v).unwrap_or_else(|| {
        Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        )))
    })
}

/// The argument clinic's `unsigned_long` and `unsigned_long_long`
/// converters: a negative int is refused first, then a non-int, then one
/// too large for the C type (`max`, with its message).
fn clinic_unsigned(v: Option<&Value>, max: u64, too_large: &str) -> PyResult<u64> {
    let Some(v) = v else {
        return Ok(0);
    };
    let Some(n) = crate::ops::to_bigint(v) else {
        return Err(PyErr::type_error("an integer is required"));
    };
    if n.sign() == num_bigint::Sign::Minus {
        return Err(PyErr::new(ExcKind::ValueError, "value must be positive"));
    }
    u64::try_from(&n)
        .ok()
        .filter(|x| *x <= max)
        .ok_or_else(|| PyErr::overflow(too_large))
}

impl Blake2Params {
    /// The arguments of `blake2b` (`big`) or `blake2s`: converted in order
    /// as the argument clinic does, then checked in the order of
    /// `py_blake2b_new_impl`.
    fn parse<'a>(
        vm: &mut Vm,
        a: &Args<'a>,
        big: bool,
    ) -> PyResult<(Blake2Params, Option<&'a Value>)> {
        let name = if big { "blake2b" } else { "blake2s" };
        let (data, args) = data_and_keywords(a, name, &BLAKE2_PARAMS)?;
        let (max_digest, max_key, salt_size) = if big { (64, 64, 16) } else { (32, 32, 8) };
        let mut int = |i: usize, default: i32| -> PyResult<i32> {
            args[i].map_or(Ok(default), |v| super::cint::as_c_int(vm, v))
        };
        let digest_size = int(0, max_digest)?;
        let key = clinic_buffer(args[1])?;
        let salt = clinic_buffer(args[2])?;
        let person = clinic_buffer(args[3])?;
        let fanout = int(4, 1)?;
        let depth = int(5, 1)?;
        let leaf_size = clinic_unsigned(
            args[6],
            u64::MAX,
            "Python int too large to convert to C unsigned long",
        )?;
        let node_offset = clinic_unsigned(args[7], u64::MAX, "int too big to convert")?;
        let node_depth = int(8, 0)?;
        let inner_size = int(9, 0)?;
        let last_node = match args[10] {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        if let Some(v) = args[11] {
            vm.truthy(v)?;
        }
        let value_error = |m: String| PyErr::new(ExcKind::ValueError, m);
        if !(1..=max_digest).contains(&digest_size) {
            return Err(value_error(format!(
                "digest_size must be between 1 and {max_digest} bytes"
            )));
        }
        if salt.len() > salt_size {
            return Err(value_error(format!(
                "maximum salt length is {salt_size} bytes"
            )));
        }
        if person.len() > salt_size {
            return Err(value_error(format!(
                "maximum person length is {salt_size} bytes"
            )));
        }
        if !(0..=255).contains(&fanout) {
            return Err(value_error("fanout must be between 0 and 255".into()));
        }
        if !(1..=255).contains(&depth) {
            return Err(value_error("depth must be between 1 and 255".into()));
        }
        let leaf_size = u32::try_from(leaf_size)
            .map_err(|_| PyErr::new(ExcKind::OverflowError, "leaf_size is too large"))?;
        // BLAKE2s stores the offset in 48 bits.
        if !big && node_offset >= 1 << 48 {
            return Err(PyErr::new(
                ExcKind::OverflowError,
                "node_offset is too large",
            ));
        }
        if !(0..=255).contains(&node_depth) {
            return Err(value_error("node_depth must be between 0 and 255".into()));
        }
        if !(0..=max_digest).contains(&inner_size) {
            return Err(value_error(format!(
                "inner_size must be between 0 and is {max_digest}"
            )));
        }
        if key.len() > max_key as usize {
            return Err(value_error(format!(
                "maximum key length is {max_key} bytes"
            )));
        }
        // The ranges were checked above, so these conversions are exact.
        let byte = |n: i32| u8::try_from(n).unwrap_or(u8::MAX);
        let size = |n: i32| usize::try_from(n).unwrap_or(0);
        Ok((
            Blake2Params {
                digest_size: size(digest_size),
                key,
                salt,
                person,
                fanout: byte(fanout),
                depth: byte(depth),
                leaf_size,
                node_offset,
                node_depth: byte(node_depth),
                inner_size: size(inner_size),
                last_node,
            },
            data,
        ))
    }
}

macro_rules! blake2_state {
    ($crate_:ident, $p:expr) => {{
        let p = $p;
        let mut params = $crate_::Params::new();
        params
            .hash_length(p.digest_size)
            .key(&p.key)
            .salt(&p.salt)
            .personal(&p.person)
            .fanout(p.fanout)
            .max_depth(p.depth)
            .max_leaf_length(p.leaf_size)
            .node_offset(p.node_offset)
            .node_depth(p.node_depth)
            .inner_hash_length(p.inner_size);
        let mut state = params.to_state();
        state.set_last_node(p.last_node);
        Box::new(state)
    }};
}

/// `_blake2.blake2b(data=b'', /, *, digest_size=64, key=b'', salt=b'', ...)`:
/// the class's `__new__`.
fn type_blake2b(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, data) = Blake2Params::parse(vm, &a, true)?;
    let digest_size = p.digest_size;
    let hasher = Hasher::Blake2b(blake2_state!(blake2b_simd, p));
    new_hash(vm, &BLAKE2B, hasher, digest_size, data)
}

/// `_blake2.blake2s(...)`, as [`type_blake2b`] with BLAKE2s's limits.
fn type_blake2s(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, data) = Blake2Params::parse(vm, &a, false)?;
    let digest_size = p.digest_size;
    let hasher = Hasher::Blake2s(blake2_state!(blake2s_simd, p));
    new_hash(vm, &BLAKE2S, hasher, digest_size, data)
}

fn me(a: &Args<'_>, method: &str) -> PyResult<Rc<std::cell::RefCell<HashObject>>> {
    let recv = a.pos.first().unwrap_or(&Value::None);
    state_of::<HashObject>(recv).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{method}' requires a hash object but received a '{}'",
            type_name(recv)
        ))
    })
}

fn hash_update(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "update")?;
    let [_, data] = a.pos else {
        let name = borrow(&st)?.algorithm.name;
        return Err(PyErr::type_error(format!(
            "{name}.update() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        )));
    };
    let bytes = buffer_arg(data)?;
    borrow(&st)?.update(&bytes);
    Ok(Value::None)
}

/// The digest `digest()`/`hexdigest()` return: SHAKE takes its length.
fn digest_of(vm: &mut Vm, a: &Args<'_>, method: &str) -> PyResult<Vec<u8>> {
    let st = me(a, method)?;
    let h = borrow(&st)?.clone();
    if !h.algorithm.extendable {
        let rest = Args {
            pos: &a.pos[1..],
            kwnames: a.kwnames,
            kwvals: a.kwvals,
        };
        bind_args(&rest, method, &[], 0)?;
        return Ok(h.digest(0));
    }
    let rest = Args {
        pos: &a.pos[1..],
        kwnames: a.kwnames,
        kwvals: a.kwvals,
    };
    let args = bind_args(&rest, method, &["length"], 1)?;
    let Some(length) = args[0] else {
        return Err(PyErr::type_error(format!(
            "{method}() missing required argument 'length' (pos 1)"
        )));
    };
    let length = vm.index_value(length)?;
    if length < 0 {
        return Err(PyErr::new(ExcKind::ValueError, "value must be positive"));
    }
    if length >= 1 << 29 {
        return Err(PyErr::new(ExcKind::ValueError, "length is too large"));
    }
    Ok(h.digest(length as usize))
}

fn hash_digest(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = digest_of(vm, &a, "digest")?;
    Ok(Value::Bytes(Rc::new(d)))
}

fn hash_hexdigest(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    use std::fmt::Write;
    let d = digest_of(vm, &a, "hexdigest")?;
    let mut hex = String::with_capacity(d.len() * 2);
    for b in d {
        let _ = write!(hex, "{b:02x}");
    }
    Ok(Value::string(hex))
}

fn hash_copy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "copy")?;
    let h = borrow(&st)?.clone();
    let class = h.algorithm.class;
    Ok(new_native(vm, class, h))
}

fn hash_name(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "name")?;
    let name = borrow(&st)?.algorithm.name;
    Ok(Value::str(name))
}

fn hash_digest_size(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "digest_size")?;
    let size = borrow(&st)?.digest_size;
    Ok(Value::Int(size as i64))
}

fn hash_block_size(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "block_size")?;
    let size = borrow(&st)?.algorithm.block_size;
    Ok(Value::Int(size as i64))
}

/// SHA-3's `_rate_bits`: the sponge's rate, its block size in bits.
fn sha3_rate_bits(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "_rate_bits")?;
    let block = borrow(&st)?.algorithm.block_size;
    Ok(Value::Int(block as i64 * 8))
}

/// SHA-3's `_capacity_bits`: what the 1600-bit state keeps beyond the rate.
fn sha3_capacity_bits(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "_capacity_bits")?;
    let block = borrow(&st)?.algorithm.block_size;
    Ok(Value::Int(1600 - block as i64 * 8))
}

/// SHA-3's `_suffix`: the domain separation bits (SHAKE's differ).
fn sha3_suffix(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "_suffix")?;
    let suffix = if borrow(&st)?.algorithm.extendable {
        0x1f
    } else {
        0x06
    };
    Ok(Value::Bytes(Rc::new(vec![suffix])))
}

/// Builds a hash module from its constructor functions and classes: the
/// classes exist up front so that `type(h)` names them even before the
/// first hash is made. `aliases` are the module's other names of its
/// classes (`MD5Type`); `constructors` are the classes that are their own
/// constructors (`_sha3`, `_blake2`), each with its class attributes.
fn hash_module(
    vm: &mut Vm,
    name: &str,
    funcs: &'static [crate::func::BuiltinDef],
    aliases: &[(&'static str, &'static Algorithm)],
    constructors: &[(&'static Algorithm, &[(&str, i64)])],
    mut extra: Vec<(&str, Value)>,
) -> Value {
    for (alias, algorithm) in aliases {
        extra.push((alias, Value::Type(class_of(vm, algorithm.class))));
    }
    for (algorithm, constants) in constructors {
        let class = class_of(vm, algorithm.class);
        for (k, v) in *constants {
            crate::native::set_class_attr(&class, k, Value::Int(*v));
        }
        extra.push((algorithm.name, Value::Type(class)));
    }
    new_module(name, funcs, extra)
}

super::module_functions!(MD5_F, "_md5", ["md5" => new_md5]);
super::module_functions!(SHA1_F, "_sha1", ["sha1" => new_sha1]);
super::module_functions!(SHA256_F, "_sha256", ["sha224" => new_sha224, "sha256" => new_sha256]);
super::module_functions!(SHA512_F, "_sha512", ["sha384" => new_sha384, "sha512" => new_sha512]);

/// Builds `_md5`.
pub fn init_md5(vm: &mut Vm) -> Value {
    hash_module(vm, "_md5", MD5_F, &[("MD5Type", &MD5)], &[], Vec::new())
}

/// Builds `_sha1`.
pub fn init_sha1(vm: &mut Vm) -> Value {
    hash_module(vm, "_sha1", SHA1_F, &[("SHA1Type", &SHA1)], &[], Vec::new())
}

/// Builds `_sha256` (SHA-224 and SHA-256).
pub fn init_sha256(vm: &mut Vm) -> Value {
    let aliases = [("SHA224Type", &SHA224), ("SHA256Type", &SHA256)];
    hash_module(vm, "_sha256", SHA256_F, &aliases, &[], Vec::new())
}

/// Builds `_sha512` (SHA-384 and SHA-512). CPython 3.11's module has one
/// alias, `SHA384Type`, and it names the SHA-512 class.
pub fn init_sha512(vm: &mut Vm) -> Value {
    let aliases = [("SHA384Type", &SHA512)];
    hash_module(vm, "_sha512", SHA512_F, &aliases, &[], Vec::new())
}

/// Builds `_sha3` (SHA3-224 to SHA3-512, SHAKE128 and SHAKE256), whose
/// classes are the constructors.
pub fn init_sha3(vm: &mut Vm) -> Value {
    let all: [(&'static Algorithm, &[(&str, i64)]); 6] = [
        (&S3_224, &[]),
        (&S3_256, &[]),
        (&S3_384, &[]),
        (&S3_512, &[]),
        (&SHAKE128, &[]),
        (&SHAKE256, &[]),
    ];
    hash_module(vm, "_sha3", &[], &[], &all, Vec::new())
}

/// Builds `_blake2`: its classes, with their size constants, and the
/// module's.
pub fn init_blake2(vm: &mut Vm) -> Value {
    let sizes = vec![
        ("BLAKE2B_MAX_DIGEST_SIZE", Value::Int(64)),
        ("BLAKE2B_MAX_KEY_SIZE", Value::Int(64)),
        ("BLAKE2B_PERSON_SIZE", Value::Int(16)),
        ("BLAKE2B_SALT_SIZE", Value::Int(16)),
        ("BLAKE2S_MAX_DIGEST_SIZE", Value::Int(32)),
        ("BLAKE2S_MAX_KEY_SIZE", Value::Int(32)),
        ("BLAKE2S_PERSON_SIZE", Value::Int(8)),
        ("BLAKE2S_SALT_SIZE", Value::Int(8)),
    ];
    let b: &[(&str, i64)] = &[
        ("SALT_SIZE", 16),
        ("PERSON_SIZE", 16),
        ("MAX_KEY_SIZE", 64),
        ("MAX_DIGEST_SIZE", 64),
    ];
    let s: &[(&str, i64)] = &[
        ("SALT_SIZE", 8),
        ("PERSON_SIZE", 8),
        ("MAX_KEY_SIZE", 32),
        ("MAX_DIGEST_SIZE", 32),
    ];
    hash_module(
        vm,
        "_blake2",
        &[],
        &[],
        &[(&BLAKE2B, b), (&BLAKE2S, s)],
        sizes,
    )
}
