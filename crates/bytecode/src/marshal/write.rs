//! Writing marshal data (`w_object` in Python/marshal.c).

use crate::fxhash::FxHashMap as HashMap;
use std::sync::Arc;

use num_bigint::{BigInt, Sign};

use super::read::{ty, FLAG_REF};
use super::{MarshalError, RefSlot, RefTrace, MAX_DEPTH};
use crate::code::CodeObject;
use crate::constant::{Constant, PyStr};

/// Writes `value` with the default sharing policy (see the module docs).
pub fn dumps(value: &Constant) -> Result<Vec<u8>, MarshalError> {
    let mut w = Writer::new(None);
    w.object(Obj::C(value), true);
    w.finish()
}

/// Writes `value` with the default sharing policy as one object inside a larger
/// stream whose earlier objects took `ref_base` reference indices, so its
/// references number on from there. Returns the bytes and the stream's
/// reference count after them.
pub fn dumps_from(value: &Constant, ref_base: u32) -> Result<(Vec<u8>, u32), MarshalError> {
    let mut w = Writer::new(None);
    w.flagged = ref_base;
    w.object(Obj::C(value), true);
    let flagged = w.flagged;
    w.finish().map(|out| (out, flagged))
}

/// Writes `value` replaying `trace` (from [`super::loads`]); falls back to [`dumps`]
/// when the trace does not fit the value.
pub fn dumps_with_trace(value: &Constant, trace: &RefTrace) -> Result<Vec<u8>, MarshalError> {
    if trace.is_empty() {
        return dumps(value);
    }
    let mut w = Writer::new(Some(trace));
    w.object(Obj::C(value), true);
    if w.trace_broken || w.slot != trace.len() {
        return dumps(value);
    }
    w.finish()
}

/// A borrowed view of anything marshal writes as one object, so that a code
/// object's `co_names` can be compared with an equal tuple constant.
#[derive(Clone, Copy)]
enum Obj<'a> {
    C(&'a Constant),
    Str(&'a PyStr),
    Bytes(&'a [u8]),
    StrSeq(&'a [Arc<PyStr>]),
    ConstSeq(&'a [Constant]),
    Code(&'a CodeObject),
}

impl<'a> Obj<'a> {
    fn normalize(self) -> Obj<'a> {
        match self {
            Obj::C(Constant::Str(s)) => Obj::Str(s),
            Obj::C(Constant::Bytes(b)) => Obj::Bytes(b),
            Obj::C(Constant::Tuple(t)) => Obj::ConstSeq(t),
            Obj::C(Constant::Code(c)) => Obj::Code(c),
            other => other,
        }
    }

    /// Strict equality across views (see [`Constant`]'s equality).
    fn strict_eq(self, other: Obj<'_>) -> bool {
        fn mixed(consts: &[Constant], strs: &[Arc<PyStr>]) -> bool {
            consts.len() == strs.len()
                && consts
                    .iter()
                    .zip(strs)
                    .all(|(c, s)| matches!(c, Constant::Str(cs) if **cs == **s))
        }
        match (self.normalize(), other.normalize()) {
            (Obj::Str(a), Obj::Str(b)) => a == b,
            (Obj::Bytes(a), Obj::Bytes(b)) => a == b,
            (Obj::Code(a), Obj::Code(b)) => std::ptr::eq(a, b) || a == b,
            (Obj::ConstSeq(a), Obj::ConstSeq(b)) => a == b,
            (Obj::StrSeq(a), Obj::StrSeq(b)) => a == b,
            (Obj::ConstSeq(c), Obj::StrSeq(s)) | (Obj::StrSeq(s), Obj::ConstSeq(c)) => mixed(c, s),
            (Obj::C(a), Obj::C(b)) => a == b,
            _ => false,
        }
    }
}

enum Decision {
    Plain,
    Flag,
    Done,
}

struct Writer<'a, 't> {
    out: Vec<u8>,
    trace: Option<&'t RefTrace>,
    slot: usize,
    trace_broken: bool,
    /// Flagged objects by reference index (trace mode).
    written: Vec<Obj<'a>>,
    /// Flagged strings by content (default mode).
    strings: HashMap<(&'a [u8], bool), u32>,
    flagged: u32,
    depth: usize,
    error: Option<MarshalError>,
}

impl<'a, 't> Writer<'a, 't> {
    fn new(trace: Option<&'t RefTrace>) -> Self {
        Writer {
            out: Vec::new(),
            trace,
            slot: 0,
            trace_broken: false,
            written: Vec::new(),
            strings: HashMap::default(),
            flagged: 0,
            depth: 0,
            error: None,
        }
    }

    fn finish(self) -> Result<Vec<u8>, MarshalError> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.out),
        }
    }

    fn long(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn size(&mut self, n: usize) {
        match i32::try_from(n) {
            Ok(v) => self.long(v),
            Err(_) => self.error = Some(MarshalError::BadSize),
        }
    }

    fn write_ref(&mut self, idx: u32) {
        self.out.push(ty::REF);
        self.out.extend_from_slice(&idx.to_le_bytes());
    }

    /// CPython's `w_ref`: decides between plain, `FLAG_REF` and `TYPE_REF`.
    fn decide(&mut self, obj: Obj<'a>, force_flag: bool) -> Decision {
        if let Some(trace) = self.trace {
            let slot = trace.get(self.slot);
            self.slot += 1;
            return match slot {
                Some(RefSlot::Plain) => Decision::Plain,
                Some(RefSlot::Flagged) => {
                    self.written.push(obj);
                    Decision::Flag
                }
                Some(RefSlot::Ref(i)) => {
                    match self.written.get(i as usize) {
                        Some(prev) if prev.strict_eq(obj) => self.write_ref(i),
                        _ => self.trace_broken = true,
                    }
                    Decision::Done
                }
                None => {
                    self.trace_broken = true;
                    Decision::Plain
                }
            };
        }
        if let Obj::Str(s) = obj.normalize() {
            let key = (s.as_bytes(), s.is_interned());
            if let Some(&idx) = self.strings.get(&key) {
                self.write_ref(idx);
                return Decision::Done;
            }
            self.strings.insert(key, self.flagged);
            self.flagged += 1;
            return Decision::Flag;
        }
        if force_flag {
            self.flagged += 1;
            return Decision::Flag;
        }
        Decision::Plain
    }

    fn object(&mut self, obj: Obj<'a>, force_flag: bool) {
        if self.error.is_some() {
            return;
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.error = Some(MarshalError::TooDeep);
        } else {
            match obj {
                Obj::C(Constant::None) => self.out.push(ty::NONE),
                Obj::C(Constant::Bool(true)) => self.out.push(ty::TRUE),
                Obj::C(Constant::Bool(false)) => self.out.push(ty::FALSE),
                Obj::C(Constant::Ellipsis) => self.out.push(ty::ELLIPSIS),
                _ => match self.decide(obj, force_flag) {
                    Decision::Done => {}
                    Decision::Plain => self.complex(obj.normalize(), 0),
                    Decision::Flag => self.complex(obj.normalize(), FLAG_REF),
                },
            }
        }
        self.depth -= 1;
    }

    fn complex(&mut self, obj: Obj<'a>, flag: u8) {
        match obj {
            Obj::Str(s) => self.string(s, flag),
            Obj::Bytes(b) => {
                self.out.push(ty::STRING | flag);
                self.size(b.len());
                self.out.extend_from_slice(b);
            }
            Obj::StrSeq(items) => {
                self.tuple_header(items.len(), flag);
                for s in items {
                    self.object(Obj::Str(s), false);
                }
            }
            Obj::ConstSeq(items) => {
                self.tuple_header(items.len(), flag);
                for c in items {
                    self.object(Obj::C(c), false);
                }
            }
            Obj::Code(code) => self.code(code, flag),
            Obj::C(c) => self.constant(c, flag),
        }
    }

    fn tuple_header(&mut self, n: usize, flag: u8) {
        if n < 256 {
            self.out.push(ty::SMALL_TUPLE | flag);
            self.out.push(n as u8);
        } else {
            self.out.push(ty::TUPLE | flag);
            self.size(n);
        }
    }

    fn string(&mut self, s: &PyStr, flag: u8) {
        let bytes = s.as_bytes();
        if s.is_ascii() {
            let short = bytes.len() < 256;
            let t = match (short, s.is_interned()) {
                (true, true) => ty::SHORT_ASCII_INTERNED,
                (true, false) => ty::SHORT_ASCII,
                (false, true) => ty::ASCII_INTERNED,
                (false, false) => ty::ASCII,
            };
            self.out.push(t | flag);
            if short {
                self.out.push(bytes.len() as u8);
            } else {
                self.size(bytes.len());
            }
        } else {
            let t = if s.is_interned() {
                ty::INTERNED
            } else {
                ty::UNICODE
            };
            self.out.push(t | flag);
            self.size(bytes.len());
        }
        self.out.extend_from_slice(bytes);
    }

    fn constant(&mut self, c: &'a Constant, flag: u8) {
        match c {
            Constant::Int(v) => match i32::try_from(*v) {
                Ok(small) => {
                    self.out.push(ty::INT | flag);
                    self.long(small);
                }
                Err(_) => self.long_int(&BigInt::from(*v), flag),
            },
            Constant::BigInt(v) => self.long_int(v, flag),
            Constant::Float(v) => {
                self.out.push(ty::BINARY_FLOAT | flag);
                self.out.extend_from_slice(&v.to_le_bytes());
            }
            Constant::Complex { re, im } => {
                self.out.push(ty::BINARY_COMPLEX | flag);
                self.out.extend_from_slice(&re.to_le_bytes());
                self.out.extend_from_slice(&im.to_le_bytes());
            }
            Constant::FrozenSet(items) => {
                self.out.push(ty::FROZENSET | flag);
                self.size(items.len());
                if self.trace.is_some() {
                    for item in items.iter() {
                        self.object(Obj::C(item), false);
                    }
                } else {
                    for item in sorted_for_set(items) {
                        self.object(Obj::C(item), true);
                    }
                }
            }
            Constant::None => self.out.push(ty::NONE),
            Constant::Bool(true) => self.out.push(ty::TRUE),
            Constant::Bool(false) => self.out.push(ty::FALSE),
            Constant::Ellipsis => self.out.push(ty::ELLIPSIS),
            // Normalized to their own views before reaching here.
            Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_) | Constant::Code(_) => {
                self.complex(Obj::C(c).normalize(), flag)
            }
        }
    }

    /// `w_PyLong`: sign and count of 15-bit digits, then the digits, least significant first.
    fn long_int(&mut self, v: &BigInt, flag: u8) {
        self.out.push(ty::LONG | flag);
        let (sign, digits) = long_digits(v);
        let n = match i32::try_from(digits.len()) {
            Ok(n) => n,
            Err(_) => {
                self.error = Some(MarshalError::BadSize);
                return;
            }
        };
        self.long(if sign == Sign::Minus { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    fn code(&mut self, code: &'a CodeObject, flag: u8) {
        self.out.push(ty::CODE | flag);
        self.long(code.argcount as i32);
        self.long(code.posonlyargcount as i32);
        self.long(code.kwonlyargcount as i32);
        self.long(code.stacksize as i32);
        self.long(code.flags.0 as i32);
        self.object(Obj::Bytes(&code.code), false);
        self.object(Obj::ConstSeq(&code.consts), false);
        self.object(Obj::StrSeq(&code.names), false);
        self.object(Obj::StrSeq(&code.localsplusnames), false);
        self.object(Obj::Bytes(&code.localspluskinds), false);
        self.object(Obj::Str(&code.filename), false);
        self.object(Obj::Str(&code.name), false);
        self.object(Obj::Str(&code.qualname), false);
        self.long(code.firstlineno);
        self.object(Obj::Bytes(&code.linetable), false);
        self.object(Obj::Bytes(&code.exceptiontable), false);
    }
}

/// Frozenset elements in the order 3.11 writes them: `sorted(s, key=marshal.dumps)`.
fn sorted_for_set(items: &[Constant]) -> Vec<&Constant> {
    let mut keyed: Vec<(Vec<u8>, &Constant)> = items
        .iter()
        .map(|item| (dumps(item).unwrap_or_default(), item))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, item)| item).collect()
}

/// The sign and the base-2**15 digits (least significant first, no leading
/// zeros) of `v`, as marshal's `TYPE_LONG` stores them.
pub fn long_digits(v: &BigInt) -> (Sign, Vec<u16>) {
    let (sign, mag) = v.to_u32_digits();
    let mut digits: Vec<u16> = Vec::with_capacity(mag.len() * 32 / 15 + 1);
    let (mut acc, mut bits) = (0u64, 0u32);
    for word in mag {
        acc |= u64::from(word) << bits;
        bits += 32;
        while bits >= 15 {
            digits.push((acc & 0x7fff) as u16);
            acc >>= 15;
            bits -= 15;
        }
    }
    if bits > 0 {
        digits.push(acc as u16);
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    (sign, digits)
}
