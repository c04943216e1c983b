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
/// hash class) and its [`Algorithm`] entry.
macro_rules! algorithm {
    ($alg:ident, $spec:ident, $methods:ident, $props:ident, $name:literal, $module:literal,
     $digest:expr, $block:expr, $extendable:expr, $start:expr) => {
        native_methods!($methods, $name, [
            "update" => hash_update, "digest" => hash_digest, "hexdigest" => hash_hexdigest,
            "copy" => hash_copy,
        ]);
        static $props: &[PropSpec] = &[
            PropSpec { name: "name", get: &NAME, set: None },
            PropSpec { name: "digest_size", get: &DIGEST_SIZE, set: None },
            PropSpec { name: "block_size", get: &BLOCK_SIZE, set: None },
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
    || { Hasher::Sha3_224(sha3::Sha3_224::new()) }
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
    || { Hasher::Sha3_256(sha3::Sha3_256::new()) }
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
    || { Hasher::Sha3_384(sha3::Sha3_384::new()) }
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
    || { Hasher::Sha3_512(sha3::Sha3_512::new()) }
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
    || { Hasher::Shake128(sha3::Shake128::default()) }
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
    || { Hasher::Shake256(sha3::Shake256::default()) }
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
    || { Hasher::Blake2b(Box::new(blake2b_simd::State::new())) }
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
    || { Hasher::Blake2s(Box::new(blake2s_simd::State::new())) }
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
/// constructors, and `_sha3.sha3_256(data=b'', /, *, usedforsecurity=True)`.
fn construct(vm: &mut Vm, a: &Args<'_>, algorithm: &'static Algorithm) -> PyResult<Value> {
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{}() takes at most 1 positional argument ({} given)",
            algorithm.name,
            a.pos.len()
        )));
    }
    let data_name = if algorithm.class.module == "_sha3" {
        "data"
    } else {
        "string"
    };
    let args = bind_args(a, algorithm.name, &[data_name, "usedforsecurity"], 0)?;
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
    new_sha384 => SHA384, new_sha512 => SHA512, new_sha3_224 => S3_224,
    new_sha3_256 => S3_256, new_sha3_384 => S3_384, new_sha3_512 => S3_512,
    new_shake_128 => SHAKE128, new_shake_256 => SHAKE256,
);

/// The keyword arguments of `blake2b`/`blake2s`, in order after `data`.
const BLAKE2_PARAMS: [&str; 13] = [
    "data",
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

impl Blake2Params {
    fn parse(vm: &mut Vm, a: &Args<'_>, big: bool) -> PyResult<(Blake2Params, Option<Value>)> {
        let name = if big { "blake2b" } else { "blake2s" };
        if a.pos.len() > 1 {
            return Err(PyErr::type_error(format!(
                "{name}() takes at most 1 positional argument ({} given)",
                a.pos.len()
            )));
        }
        let args = bind_args(a, name, &BLAKE2_PARAMS, 0)?;
        let (max_digest, max_key, salt_size) = if big { (64, 64, 16) } else { (32, 32, 8) };
        let mut int = |i: usize, default: i64| -> PyResult<i64> {
            args[i].map_or(Ok(default), |v| vm.index_value(v))
        };
        let digest_size = int(1, max_digest)?;
        let fanout = int(5, 1)?;
        let depth = int(6, 1)?;
        let leaf_size = int(7, 0)?;
        let node_offset = int(8, 0)?;
        let node_depth = int(9, 0)?;
        let inner_size = int(10, 0)?;
        let bytes = |i: usize| args[i].map_or(Ok(Vec::new()), buffer_arg);
        let (key, salt, person) = (bytes(2)?, bytes(3)?, bytes(4)?);
        let value_error = |m: String| PyErr::new(ExcKind::ValueError, m);
        if !(1..=max_digest).contains(&digest_size) {
            return Err(value_error(format!(
                "digest_size must be between 1 and {max_digest} bytes"
            )));
        }
        if key.len() > max_key as usize {
            return Err(value_error(format!(
                "maximum key length is {max_key} bytes"
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
        if !(0..=i64::from(u32::MAX)).contains(&leaf_size) {
            return Err(PyErr::new(ExcKind::OverflowError, "leaf_size is too large"));
        }
        let max_offset = if big { i64::MAX } else { (1 << 48) - 1 };
        if !(0..=max_offset).contains(&node_offset) {
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
        let last_node = match args[11] {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        Ok((
            Blake2Params {
                digest_size: digest_size as usize,
                key,
                salt,
                person,
                fanout: fanout as u8,
                depth: depth as u8,
                leaf_size: leaf_size as u32,
                node_offset: node_offset as u64,
                node_depth: node_depth as u8,
                inner_size: inner_size as usize,
                last_node,
            },
            args[0].cloned(),
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

/// `_blake2.blake2b(data=b'', /, *, digest_size=64, key=b'', salt=b'', ...)`.
fn new_blake2b(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, data) = Blake2Params::parse(vm, &a, true)?;
    let digest_size = p.digest_size;
    let hasher = Hasher::Blake2b(blake2_state!(blake2b_simd, p));
    new_hash(vm, &BLAKE2B, hasher, digest_size, data.as_ref())
}

/// `_blake2.blake2s(...)`, as [`new_blake2b`] with BLAKE2s's limits.
fn new_blake2s(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, data) = Blake2Params::parse(vm, &a, false)?;
    let digest_size = p.digest_size;
    let hasher = Hasher::Blake2s(blake2_state!(blake2s_simd, p));
    new_hash(vm, &BLAKE2S, hasher, digest_size, data.as_ref())
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

/// Builds a hash module from its constructors; the classes exist up front so
/// that `type(h)` names them even before the first hash is made.
fn hash_module(
    vm: &mut Vm,
    name: &str,
    funcs: &'static [crate::func::BuiltinDef],
    algorithms: &[&'static Algorithm],
    extra: Vec<(&str, Value)>,
) -> Value {
    for algorithm in algorithms {
        let _ = class_of(vm, algorithm.class);
    }
    new_module(name, funcs, extra)
}

super::module_functions!(MD5_F, "_md5", ["md5" => new_md5]);
super::module_functions!(SHA1_F, "_sha1", ["sha1" => new_sha1]);
super::module_functions!(SHA256_F, "_sha256", ["sha224" => new_sha224, "sha256" => new_sha256]);
super::module_functions!(SHA512_F, "_sha512", ["sha384" => new_sha384, "sha512" => new_sha512]);
super::module_functions!(SHA3_F, "_sha3", [
    "sha3_224" => new_sha3_224, "sha3_256" => new_sha3_256, "sha3_384" => new_sha3_384,
    "sha3_512" => new_sha3_512, "shake_128" => new_shake_128, "shake_256" => new_shake_256,
]);
super::module_functions!(BLAKE2_F, "_blake2", ["blake2b" => new_blake2b, "blake2s" => new_blake2s]);

/// Builds `_md5`.
pub fn init_md5(vm: &mut Vm) -> Value {
    hash_module(vm, "_md5", MD5_F, &[&MD5], Vec::new())
}

/// Builds `_sha1`.
pub fn init_sha1(vm: &mut Vm) -> Value {
    hash_module(vm, "_sha1", SHA1_F, &[&SHA1], Vec::new())
}

/// Builds `_sha256` (SHA-224 and SHA-256).
pub fn init_sha256(vm: &mut Vm) -> Value {
    hash_module(vm, "_sha256", SHA256_F, &[&SHA224, &SHA256], Vec::new())
}

/// Builds `_sha512` (SHA-384 and SHA-512).
pub fn init_sha512(vm: &mut Vm) -> Value {
    hash_module(vm, "_sha512", SHA512_F, &[&SHA384, &SHA512], Vec::new())
}

/// Builds `_sha3` (SHA3-224 to SHA3-512, SHAKE128 and SHAKE256).
pub fn init_sha3(vm: &mut Vm) -> Value {
    let all = [&S3_224, &S3_256, &S3_384, &S3_512, &SHAKE128, &SHAKE256];
    hash_module(vm, "_sha3", SHA3_F, &all, Vec::new())
}

/// Builds `_blake2` with its size constants.
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
    hash_module(vm, "_blake2", BLAKE2_F, &[&BLAKE2B, &BLAKE2S], sizes)
}
