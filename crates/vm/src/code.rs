//! Loading a [`CodeObject`] into the VM's internal form: instructions without
//! `CACHE`/`EXTENDED_ARG`/no-op units, jump targets as instruction indices,
//! operands checked once so the eval loop can index without further checks,
//! constants converted to values, and the exception table in instruction indices.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::Arc;

use pith_bytecode::code::local_kind;
use pith_bytecode::exception_table::parse_exception_table;
use pith_bytecode::instruction::instructions;
use pith_bytecode::{CodeFlags, CodeObject, Constant, Opcode};

use crate::dict::Dict;
use crate::value::{StrObj, Value};

/// One decoded instruction: the base opcode and its resolved argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ins {
    /// The opcode (specialized forms are mapped to their base form).
    pub op: Opcode,
    /// The argument; for jumps, the target instruction index; for `BINARY_OP`, the
    /// operator with the operator minus its in-place flag in bits 8 and up.
    pub arg: u32,
}

/// One exception-table entry in instruction indices.
#[derive(Clone, Copy, Debug)]
pub struct Handler {
    /// First covered instruction.
    pub start: u32,
    /// End (exclusive).
    pub end: u32,
    /// Handler instruction.
    pub target: u32,
    /// Stack depth (above the frame's locals) to unwind to.
    pub depth: u32,
    /// Whether the raising instruction's index is pushed.
    pub lasti: bool,
}

/// A code object ready to run.
#[derive(Debug)]
pub struct Code {
    /// The code object as loaded.
    pub raw: Arc<CodeObject>,
    /// The decoded instructions, made when the code first runs (a nested
    /// code object is loaded with its parent, but most functions a module
    /// defines never run in a given program).
    decoded: std::cell::OnceCell<Decoded>,
    /// `co_consts` as values.
    pub consts: Vec<Value>,
    /// `co_names`.
    pub names: Vec<Rc<StrObj>>,
    /// `co_localsplusnames`.
    pub localsplus: Vec<Rc<StrObj>>,
    /// Index of the first free variable in the fast locals.
    pub free_start: usize,
    /// Which fast-locals slots are cells or free variables (by kind byte).
    pub kinds: Vec<u8>,
    /// `co_argcount`.
    pub argcount: usize,
    /// `co_posonlyargcount`.
    pub posonlyargcount: usize,
    /// `co_kwonlyargcount`.
    pub kwonlyargcount: usize,
    /// `co_flags`.
    pub flags: CodeFlags,
    /// `co_name`.
    pub name: Rc<StrObj>,
    /// `co_qualname`.
    pub qualname: Rc<StrObj>,
    /// Whether a call with exactly `argcount` positional arguments binds them in place.
    pub simple_args: bool,
    /// The instructions' caches, made when the code first runs: most
    /// functions a module defines are never called in a given run.
    caches: std::cell::OnceCell<Caches>,
    /// Whether the frames of this code are left out of tracebacks (a
    /// pure-Python fallback of a C function, `c_accelerated.rs`).
    pub hidden: bool,
    /// `consts` holds objects no marshalled constant can (a list, put there
    /// by `code.replace`): `raw`'s constants are then not the code's, and
    /// marshal refuses it.
    pub opaque_consts: bool,
}

/// A code object's instructions in the form the eval loop runs.
#[derive(Debug, Default)]
pub struct Decoded {
    /// Decoded instructions; the last one is a sentinel that raises `SystemError`.
    pub instrs: Vec<Ins>,
    /// Byte offset in `co_code` of each instruction.
    pub offsets: Vec<u32>,
    /// Exception handlers.
    pub handlers: Vec<Handler>,
}

/// What a code object that fails to decode runs: nothing.
static UNDECODABLE: Decoded = Decoded {
    instrs: Vec::new(),
    offsets: Vec::new(),
    handlers: Vec::new(),
};

/// The caches of one code object's name-taking instructions, one slot per
/// name in `co_names`.
pub(crate) struct Caches {
    /// `LOAD_GLOBAL` caches.
    pub global: RefCell<Vec<GlobalCache>>,
    /// `LOAD_METHOD` caches for builtin types: (method table, method).
    pub method: Vec<std::cell::Cell<Option<(u8, &'static crate::func::BuiltinDef)>>>,
    /// Attribute caches on instances of Python classes (`attr_cache.rs`).
    pub attr: Vec<crate::attr_cache::AttrCache>,
}

impl std::fmt::Debug for Caches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Caches").finish_non_exhaustive()
    }
}

/// Why a code object cannot be loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// An opcode byte that 3.11 does not define.
    #[error("invalid opcode {op} at offset {offset} in {name}")]
    BadOpcode {
        /// The byte.
        op: u8,
        /// Its offset.
        offset: u32,
        /// The code object's name.
        name: String,
    },
    /// An argument that indexes outside its table.
    #[error("{opname} argument {arg} out of range at offset {offset} in {name}")]
    BadArg {
        /// The opcode name.
        opname: &'static str,
        /// The argument.
        arg: i64,
        /// Its offset.
        offset: u32,
        /// The code object's name.
        name: String,
    },
    /// Parameter counts that do not fit the fast-locals table.
    #[error("inconsistent argument counts in {0}")]
    BadSignature(String),
    /// A constant type the VM cannot represent yet.
    #[error("unsupported constant type {0}")]
    UnsupportedConstant(&'static str),
}

thread_local! {
    /// Names shared by all code objects, so that a global stored by one code object
    /// and loaded by another compare by pointer. Each entry keeps the hash of
    /// its text, so the table grows without reading the strings again.
    static NAMES: RefCell<hashbrown::HashTable<(u64, Rc<StrObj>)>> =
        const { RefCell::new(hashbrown::HashTable::new()) };
}

/// The interned string of `text`, made by `make` when there is none yet.
fn intern_with(text: &str, make: impl FnOnce() -> Rc<StrObj>) -> Rc<StrObj> {
    let hash = pith_bytecode::fxhash::hash_bytes(text.as_bytes());
    NAMES.with(|n| {
        let mut n = n.borrow_mut();
        if let Some((_, r)) = n.find(hash, |(h, r)| *h == hash && r.as_str() == text) {
            return r.clone();
        }
        let r = make();
        n.insert_unique(hash, (hash, r.clone()), |(h, _)| *h);
        r
    })
}

fn pystr(s: &pith_bytecode::PyStr) -> Rc<StrObj> {
    let Some(text) = s.as_str() else {
        // Lone surrogates: exact, and never shared with a name.
        let exact = StrObj::from_surrogatepass(s.as_bytes());
        return Rc::new(exact.unwrap_or_else(|| StrObj::new(&s.to_string_lossy())));
    };
    if text.len() > 64 {
        return Rc::new(StrObj::new(text));
    }
    intern_text(text)
}

/// The strings already converted while loading one tree of code objects, by
/// the address of their marshalled string. Marshal shares a name that
/// recurs (`self`, a module's globals) as one object, so most names are
/// found here by address instead of being hashed and compared as text
/// again. The tree being loaded owns every key's string, so no address is
/// reused while the cache lives.
#[derive(Default)]
struct LoadedStrs(pith_bytecode::fxhash::FxHashMap<usize, Rc<StrObj>>);

impl LoadedStrs {
    fn get(&mut self, s: &Arc<pith_bytecode::PyStr>) -> Rc<StrObj> {
        if Arc::strong_count(s) == 1 {
            // Held once in the tree: it cannot come up again.
            return pystr(s);
        }
        self.0
            .entry(Arc::as_ptr(s) as usize)
            .or_insert_with(|| pystr(s))
            .clone()
    }
}

/// The one interned string of `text`: code objects' names and constants,
/// `Vm::intern` and `sys.intern` share this table, so an attribute name
/// stored by code is the very string `sys.intern` returns (as CPython, where
/// `pickle` interns the attribute names it restores).
pub(crate) fn intern_text(text: &str) -> Rc<StrObj> {
    intern_with(text, || Rc::new(StrObj::new(text)))
}

/// `sys.intern(s)`: the interned string equal to `s`, which becomes the
/// interned one itself when there is none yet (so `intern(s) is s`).
pub(crate) fn intern_existing(s: &Rc<StrObj>) -> Rc<StrObj> {
    intern_with(s.as_str(), || s.clone())
}

/// One `LOAD_GLOBAL` cache slot: valid while the globals dict (by address) and
/// the versions of globals and builtins are unchanged.
#[derive(Clone, Debug, Default)]
pub struct GlobalCache {
    /// Address of the globals dict.
    pub globals: usize,
    /// Globals version.
    pub gver: u64,
    /// Builtins version.
    pub bver: u64,
    /// The value found.
    pub value: CachedGlobal,
}

/// The value a [`GlobalCache`] slot remembers, held so that the cache never
/// keeps an object alive that the program can watch die: a global rebound
/// or deleted must free its old object at once (its `__del__` runs, its weak
/// references clear), as it does in CPython, whose caches hold no value.
#[derive(Clone, Debug, Default)]
pub enum CachedGlobal {
    /// Nothing cached.
    #[default]
    Empty,
    /// A value whose lifetime nothing observes (ints, strs, builtins,
    /// modules, which `sys.modules` keeps anyway): held strongly.
    Strong(Value),
    /// A Python function, the usual global a call loads.
    Function(Weak<crate::func::Function>),
    /// A class.
    Type(Weak<crate::types::TypeObj>),
    /// An instance of a Python class (a global object a loop reads).
    Instance(Weak<crate::instance::Instance>),
    /// A list.
    List(Weak<RefCell<Vec<Value>>>),
    /// A dict.
    Dict(Weak<RefCell<Dict>>),
    /// A tuple.
    Tuple(Weak<Vec<Value>>),
}

impl CachedGlobal {
    /// What to remember of `v`: objects whose death a program can see (a
    /// finalizer, a weak reference, or the items a container frees) weakly;
    /// `Empty` for the rarer kinds not worth a variant.
    pub fn of(v: &Value) -> CachedGlobal {
        match v {
            Value::Function(f) => CachedGlobal::Function(Rc::downgrade(f)),
            Value::Type(t) => CachedGlobal::Type(Rc::downgrade(t)),
            Value::Instance(i) => CachedGlobal::Instance(Rc::downgrade(i)),
            Value::List(l) => CachedGlobal::List(Rc::downgrade(l)),
            Value::Dict(d) => CachedGlobal::Dict(Rc::downgrade(d)),
            Value::Tuple(t) => CachedGlobal::Tuple(Rc::downgrade(t)),
            Value::None
            | Value::NotImplemented
            | Value::Ellipsis
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::BigInt(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Complex(_)
            | Value::Range(_)
            | Value::Builtin(_)
            | Value::Module(_) => CachedGlobal::Strong(v.clone()),
            _ => CachedGlobal::Empty,
        }
    }

    /// The remembered value, if any (a weak one is alive while the versions
    /// the slot was made at hold, since the dict still refers to it).
    #[inline]
    pub fn get(&self) -> Option<Value> {
        match self {
            CachedGlobal::Empty => None,
            CachedGlobal::Strong(v) => Some(crate::call_fast::clone_callable(v)),
            CachedGlobal::Function(f) => f.upgrade().map(Value::Function),
            CachedGlobal::Type(t) => t.upgrade().map(Value::Type),
            CachedGlobal::Instance(i) => i.upgrade().map(Value::Instance),
            CachedGlobal::List(l) => l.upgrade().map(Value::List),
            CachedGlobal::Dict(d) => d.upgrade().map(Value::Dict),
            CachedGlobal::Tuple(t) => t.upgrade().map(Value::Tuple),
        }
    }
}

/// Converts a marshalled constant to a value.
pub fn constant_to_value(c: &Constant) -> Result<Value, LoadError> {
    load_constant(c, &mut LoadedStrs::default())
}

fn load_constant(c: &Constant, strs: &mut LoadedStrs) -> Result<Value, LoadError> {
    Ok(match c {
        Constant::None => Value::None,
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => Value::from_bigint((**b).clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { re, im } => crate::complex::Complex::new(*re, *im).value(),
        Constant::Str(s) => Value::Str(strs.get(s)),
        Constant::Bytes(b) => Value::Bytes(Rc::new(b.to_vec())),
        Constant::Tuple(items) => Value::tuple(
            items
                .iter()
                .map(|item| load_constant(item, strs))
                .collect::<Result<_, _>>()?,
        ),
        Constant::FrozenSet(items) => {
            let mut d = Dict::new();
            for item in items.iter() {
                let v = load_constant(item, strs)?;
                d.insert(v, Value::None)
                    .map_err(|_| LoadError::UnsupportedConstant("unhashable frozenset item"))?;
            }
            Value::frozenset(d)
        }
        Constant::Code(code) => Value::Code(Rc::new(Code::load_in(code.clone(), strs)?)),
    })
}

/// The marshalled constant that loads as `v` ([`constant_to_value`]'s
/// inverse), if there is one.
pub fn value_to_constant(v: &Value) -> Option<Constant> {
    Some(match v {
        Value::None => Constant::None,
        Value::Ellipsis => Constant::Ellipsis,
        Value::Bool(b) => Constant::Bool(*b),
        Value::Int(i) => Constant::Int(*i),
        Value::BigInt(b) => Constant::BigInt(Arc::new((**b).clone())),
        Value::Float(f) => Constant::Float(*f),
        Value::Complex(c) => Constant::Complex { re: c.re, im: c.im },
        Value::Str(s) => Constant::Str(Arc::new(match s.surrogates() {
            None => pith_bytecode::PyStr::new(s.as_str(), false),
            Some(_) => pith_bytecode::PyStr::from_surrogatepass(&s.to_surrogatepass(), false)?,
        })),
        Value::Bytes(b) => Constant::Bytes(b.as_slice().into()),
        Value::Tuple(items) => Constant::Tuple(
            items
                .iter()
                .map(value_to_constant)
                .collect::<Option<Vec<_>>>()?
                .into(),
        ),
        Value::FrozenSet(d) => Constant::FrozenSet(
            d.keys()
                .map(value_to_constant)
                .collect::<Option<Vec<_>>>()?
                .into(),
        ),
        Value::Code(c) if !c.opaque_consts => Constant::Code(c.raw.clone()),
        _ => return None,
    })
}

/// Opcodes the VM needs no instruction for.
fn is_dropped(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::Cache
            | Opcode::ExtendedArg
            | Opcode::Precall
            | Opcode::Nop
            | Opcode::Resume
            | Opcode::CopyFreeVars
    )
}

/// Superinstructions: an instruction is replaced by a fused form that also does
/// the work of the next one and then skips it. The next instruction stays in
/// place, so a jump to it still finds it; indices and the exception table are
/// unchanged. The fused forms reuse the numbers of CPython's specialized opcodes
/// with the same meaning (`LOAD_FAST__LOAD_FAST`, `COMPARE_OP_*_JUMP`, ...).
///
/// `CompareOpIntJump` (any operand types here): `arg` = compare op (bits 0-2),
/// jump-if-true (bit 3), target index (bits 4-31). The two-local forms pack two
/// 16-bit operands.
fn fuse_pairs(instrs: &mut [Ins]) {
    let mut i = 0;
    while i + 1 < instrs.len() {
        let (a, b) = (instrs[i], instrs[i + 1]);
        let pack = |x: u32, y: u32| (x < 0x1_0000 && y < 0x1_0000).then_some(x | (y << 16));
        let fused = match (a.op, b.op) {
            (
                Opcode::CompareOp,
                Opcode::PopJumpForwardIfFalse
                | Opcode::PopJumpForwardIfTrue
                | Opcode::PopJumpBackwardIfFalse
                | Opcode::PopJumpBackwardIfTrue,
            ) if b.arg < (1 << 28) => {
                let if_true = matches!(
                    b.op,
                    Opcode::PopJumpForwardIfTrue | Opcode::PopJumpBackwardIfTrue
                );
                Some(Ins {
                    op: Opcode::CompareOpIntJump,
                    arg: a.arg | (u32::from(if_true) << 3) | (b.arg << 4),
                })
            }
            (Opcode::LoadFast, Opcode::LoadFast) => pack(a.arg, b.arg).map(|arg| Ins {
                op: Opcode::LoadFastLoadFast,
                arg,
            }),
            (Opcode::LoadFast, Opcode::LoadConst) => pack(a.arg, b.arg).map(|arg| Ins {
                op: Opcode::LoadFastLoadConst,
                arg,
            }),
            (Opcode::LoadConst, Opcode::LoadFast) => pack(a.arg, b.arg).map(|arg| Ins {
                op: Opcode::LoadConstLoadFast,
                arg,
            }),
            (Opcode::StoreFast, Opcode::LoadFast) => pack(a.arg, b.arg).map(|arg| Ins {
                op: Opcode::StoreFastLoadFast,
                arg,
            }),
            (Opcode::StoreFast, Opcode::StoreFast) => pack(a.arg, b.arg).map(|arg| Ins {
                op: Opcode::StoreFastStoreFast,
                arg,
            }),
            _ => None,
        };
        match fused {
            Some(f) => {
                instrs[i] = f;
                i += 2;
            }
            None => i += 1,
        }
    }
}

fn same_strs(a: &[Rc<StrObj>], b: &[Rc<StrObj>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Rc::ptr_eq(x, y) || **x == **y)
}

/// `_PyCode_ConstantKey` equality: equal values of the same type, so `0`,
/// `0.0` and `False` differ, and so do `0.0` and `-0.0`.
fn same_const(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Complex(x), Value::Complex(y)) => {
            x.re.to_bits() == y.re.to_bits() && x.im.to_bits() == y.im.to_bits()
        }
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| same_const(p, q))
        }
        (Value::Code(x), Value::Code(y)) => x.same_as(y),
        (Value::FrozenSet(_), Value::FrozenSet(_)) => crate::ops::eq(a, b),
        _ => {
            std::mem::discriminant(a) == std::mem::discriminant(b)
                && (a.is(b) || crate::dict::key_eq(a, b))
        }
    }
}

impl Code {
    /// `code_richcompare`: two code objects are equal when what they run is
    /// the same. The file name and qualified name are left out, as CPython
    /// leaves them out (`compile(s, "a", m) == compile(s, "b", m)`).
    pub fn same_as(&self, other: &Code) -> bool {
        let (a, b) = (&*self.raw, &*other.raw);
        std::ptr::eq(a, b)
            || (*self.name == *other.name
                && a.argcount == b.argcount
                && a.posonlyargcount == b.posonlyargcount
                && a.kwonlyargcount == b.kwonlyargcount
                && a.flags == b.flags
                && a.firstlineno == b.firstlineno
                && a.code == b.code
                && a.linetable == b.linetable
                && a.exceptiontable == b.exceptiontable
                // Names and constants by value: whether a string is
                // interned (which `code.replace` does not keep) is no part
                // of the code.
                && same_strs(&self.names, &other.names)
                && same_strs(&self.localsplus, &other.localsplus)
                && self.consts.len() == other.consts.len()
                && self
                    .consts
                    .iter()
                    .zip(&other.consts)
                    .all(|(x, y)| same_const(x, y)))
    }

    /// `code_hash`: mixes what [`Code::same_as`] compares (the cheap
    /// parts), so equal code objects hash alike.
    pub fn structural_hash(&self) -> i64 {
        let r = &*self.raw;
        let lanes = [
            crate::hash::bytes_hash(r.name.as_bytes()),
            crate::hash::bytes_hash(&r.code),
            i64::from(r.argcount) ^ (i64::from(r.posonlyargcount) << 8),
            i64::from(r.kwonlyargcount) ^ (i64::from(r.flags.0) << 8),
            i64::from(r.firstlineno),
            r.consts.len() as i64 ^ ((r.names.len() as i64) << 16),
        ];
        crate::dict::tuple_hash(&lanes)
    }

    /// Loads a code object and decodes its instructions, checking them; the
    /// code objects among its constants are loaded too, and decoded when they
    /// first run ([`Code::decoded`]).
    pub fn load(raw: Arc<CodeObject>) -> Result<Code, LoadError> {
        let code = Code::load_in(raw, &mut LoadedStrs::default())?;
        code.decoded()?;
        Ok(code)
    }

    fn load_in(raw: Arc<CodeObject>, strs: &mut LoadedStrs) -> Result<Code, LoadError> {
        let name_s = || raw.name.to_string_lossy().into_owned();
        let consts = raw
            .consts
            .iter()
            .map(|c| load_constant(c, strs))
            .collect::<Result<Vec<_>, _>>()?;
        let names: Vec<Rc<StrObj>> = raw.names.iter().map(|s| strs.get(s)).collect();
        let localsplus: Vec<Rc<StrObj>> = raw.localsplusnames.iter().map(|s| strs.get(s)).collect();
        let nlocalsplus = localsplus.len();
        let mut kinds = raw.localspluskinds.clone();
        kinds.resize(nlocalsplus, local_kind::LOCAL);
        let free_start = kinds
            .iter()
            .position(|&k| k & local_kind::FREE != 0)
            .unwrap_or(nlocalsplus);

        let nparams = raw.argcount as usize
            + raw.kwonlyargcount as usize
            + usize::from(raw.flags.contains(CodeFlags::VARARGS))
            + usize::from(raw.flags.contains(CodeFlags::VARKEYWORDS));
        if nparams > nlocalsplus || raw.posonlyargcount > raw.argcount {
            return Err(LoadError::BadSignature(name_s()));
        }
        let flags = raw.flags;
        let simple_args = !flags.contains(CodeFlags::VARARGS)
            && !flags.contains(CodeFlags::VARKEYWORDS)
            && raw.kwonlyargcount == 0;
        Ok(Code {
            decoded: std::cell::OnceCell::new(),
            consts,
            names,
            free_start,
            kinds,
            argcount: raw.argcount as usize,
            posonlyargcount: raw.posonlyargcount as usize,
            kwonlyargcount: raw.kwonlyargcount as usize,
            flags,
            name: strs.get(&raw.name),
            qualname: strs.get(&raw.qualname),
            simple_args,
            hidden: crate::c_accelerated::hidden_from_tracebacks(
                &raw.filename.to_string_lossy(),
                &raw.qualname.to_string_lossy(),
            ),
            caches: std::cell::OnceCell::new(),
            localsplus,
            raw,
            opaque_consts: false,
        })
    }

    /// The decoded instructions, decoding and checking them on first use.
    ///
    /// # Errors
    /// An opcode 3.11 does not define, or an argument outside its table.
    #[inline]
    pub fn decoded(&self) -> Result<&Decoded, LoadError> {
        match self.decoded.get() {
            Some(d) => Ok(d),
            None => self.decode_first(),
        }
    }

    /// The decoded instructions of code about to run or that has run (an
    /// empty table if they cannot be decoded, which running it reports).
    /// Every frame entry asks, so the decoded case is inline.
    #[inline]
    pub fn decoded_or_empty(&self) -> &Decoded {
        match self.decoded.get() {
            Some(d) => d,
            None => self.decode_first().unwrap_or(&UNDECODABLE),
        }
    }

    #[cold]
    #[inline(never)]
    fn decode_first(&self) -> Result<&Decoded, LoadError> {
        let d = self.decode()?;
        Ok(self.decoded.get_or_init(|| d))
    }

    fn decode(&self) -> Result<Decoded, LoadError> {
        let name_s = || self.raw.name.to_string_lossy().into_owned();
        let units = self.raw.code.len() / 2;
        let mut decoded = Vec::with_capacity(units);
        // index of the first kept instruction at or after each code unit
        let mut unit_to_index = vec![u32::MAX; units + 1];
        for ins in instructions(&self.raw.code) {
            let op = match ins.opcode() {
                Some(op) => op.deopt(),
                None => {
                    return Err(LoadError::BadOpcode {
                        op: ins.op,
                        offset: ins.offset,
                        name: name_s(),
                    })
                }
            };
            if is_dropped(op) {
                continue;
            }
            unit_to_index[(ins.offset / 2) as usize] = decoded.len() as u32;
            decoded.push((ins, op));
        }
        let sentinel = decoded.len() as u32;
        let mut next = sentinel;
        for slot in unit_to_index.iter_mut().rev() {
            if *slot == u32::MAX {
                *slot = next;
            } else {
                next = *slot;
            }
        }
        let index_of = |byte: i64| -> u32 {
            if byte < 0 {
                return sentinel;
            }
            unit_to_index
                .get((byte / 2) as usize)
                .copied()
                .unwrap_or(sentinel)
        };

        let mut instrs = Vec::with_capacity(decoded.len() + 1);
        let mut offsets = Vec::with_capacity(decoded.len() + 1);
        for (ins, op) in &decoded {
            let raw_arg = ins.arg.unwrap_or(0);
            let bad = || LoadError::BadArg {
                opname: op.name(),
                arg: raw_arg,
                offset: ins.offset,
                name: name_s(),
            };
            let check = |limit: usize| -> Result<u32, LoadError> {
                if raw_arg >= 0 && (raw_arg as u64) < limit as u64 {
                    Ok(raw_arg as u32)
                } else {
                    Err(bad())
                }
            };
            let arg = match op.arg_kind() {
                pith_bytecode::ArgKind::Const | pith_bytecode::ArgKind::KwNames => {
                    check(self.consts.len())?
                }
                pith_bytecode::ArgKind::Name => check(self.names.len())?,
                pith_bytecode::ArgKind::GlobalName => check(self.names.len().saturating_mul(2))?,
                pith_bytecode::ArgKind::Local | pith_bytecode::ArgKind::Free => {
                    check(self.localsplus.len())?
                }
                pith_bytecode::ArgKind::JumpForward | pith_bytecode::ArgKind::JumpBackward => {
                    index_of(ins.jump_target().unwrap_or(-1))
                }
                pith_bytecode::ArgKind::Compare => check(6)?,
                pith_bytecode::ArgKind::BinaryOp => {
                    let a = check(26)?;
                    a | ((a % crate::ops::nb::INPLACE) << 8)
                }
                _ => check(u32::MAX as usize)?,
            };
            if *op == Opcode::KwNames
                && !matches!(&self.consts[arg as usize], Value::Tuple(t) if t.iter().all(|v| matches!(v, Value::Str(_))))
            {
                return Err(bad());
            }
            instrs.push(Ins { op: *op, arg });
            offsets.push(ins.offset);
        }
        instrs.push(Ins {
            op: Opcode::Cache,
            arg: 0,
        });
        offsets.push(self.raw.code.len() as u32);
        fuse_pairs(&mut instrs);
        crate::call_fast::fuse_local_const_ops(&mut instrs, &self.consts);
        crate::subscr_fast::fuse_subscript_updates(&mut instrs);

        let handlers = parse_exception_table(&self.raw.exceptiontable)
            .into_iter()
            .map(|e| Handler {
                start: index_of(i64::from(e.start)),
                end: index_of(i64::from(e.end)),
                target: index_of(i64::from(e.target)),
                depth: e.depth,
                lasti: e.lasti,
            })
            .collect();

        Ok(Decoded {
            instrs,
            offsets,
            handlers,
        })
    }

    /// The caches of this code's instructions, made on first use.
    #[inline]
    pub(crate) fn caches(&self) -> &Caches {
        match self.caches.get() {
            Some(c) => c,
            None => self.make_caches(),
        }
    }

    #[cold]
    #[inline(never)]
    fn make_caches(&self) -> &Caches {
        let n = self.names.len();
        self.caches.get_or_init(|| Caches {
            global: RefCell::new(vec![GlobalCache::default(); n]),
            method: vec![std::cell::Cell::new(None); n],
            attr: crate::attr_cache::caches(n),
        })
    }

    /// Number of fast-locals slots (locals, cells, free variables).
    pub fn nlocalsplus(&self) -> usize {
        self.localsplus.len()
    }

    /// The handler covering instruction `ip`, if any.
    pub fn handler_for(&self, ip: u32) -> Option<Handler> {
        self.decoded_or_empty()
            .handlers
            .iter()
            .find(|h| h.start <= ip && ip < h.end)
            .copied()
    }

    /// Source positions of instruction `ip`: `(line, end_line, col, end_col)`.
    pub fn positions(&self, ip: u32) -> pith_bytecode::location::Positions {
        let offset = self
            .decoded_or_empty()
            .offsets
            .get(ip as usize)
            .copied()
            .unwrap_or(0);
        let table =
            pith_bytecode::location::co_positions(&self.raw.linetable, self.raw.firstlineno);
        table
            .get((offset / 2) as usize)
            .copied()
            .unwrap_or((None, None, None, None))
    }
}
