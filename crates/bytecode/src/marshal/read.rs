//! Reading marshal data (`r_object` in Python/marshal.c).

use std::sync::Arc;

use num_bigint::{BigInt, BigUint, Sign};

use super::{MarshalError, Marshalled, RefSlot, RefTrace, MAX_DEPTH};
use crate::code::{CodeFlags, CodeObject};
use crate::constant::{Constant, PyStr};

pub(super) const FLAG_REF: u8 = 0x80;

/// Type codes (`TYPE_*` in marshal.c).
pub(super) mod ty {
    pub const NULL: u8 = b'0';
    pub const NONE: u8 = b'N';
    pub const FALSE: u8 = b'F';
    pub const TRUE: u8 = b'T';
    pub const STOPITER: u8 = b'S';
    pub const ELLIPSIS: u8 = b'.';
    pub const INT: u8 = b'i';
    pub const INT64: u8 = b'I';
    pub const FLOAT: u8 = b'f';
    pub const BINARY_FLOAT: u8 = b'g';
    pub const COMPLEX: u8 = b'x';
    pub const BINARY_COMPLEX: u8 = b'y';
    pub const LONG: u8 = b'l';
    pub const STRING: u8 = b's';
    pub const INTERNED: u8 = b't';
    pub const REF: u8 = b'r';
    pub const TUPLE: u8 = b'(';
    pub const LIST: u8 = b'[';
    pub const DICT: u8 = b'{';
    pub const CODE: u8 = b'c';
    pub const UNICODE: u8 = b'u';
    pub const UNKNOWN: u8 = b'?';
    pub const SET: u8 = b'<';
    pub const FROZENSET: u8 = b'>';
    pub const ASCII: u8 = b'a';
    pub const ASCII_INTERNED: u8 = b'A';
    pub const SMALL_TUPLE: u8 = b')';
    pub const SHORT_ASCII: u8 = b'z';
    pub const SHORT_ASCII_INTERNED: u8 = b'Z';
}

/// Reads one object from the start of `data`; bytes after it are ignored, as
/// `marshal.loads` does.
pub fn loads(data: &[u8]) -> Result<Marshalled, MarshalError> {
    loads_from(data, 0).map(|(m, _)| m)
}

/// Reads one object that sits inside a larger marshal stream whose earlier
/// objects took `ref_base` reference indices (an embedder reading lists and
/// dicts itself and handing code objects here). References to those earlier
/// objects cannot be resolved and are [`MarshalError::InvalidRef`]. Returns the
/// object and the stream's reference count after it.
pub fn loads_from(data: &[u8], ref_base: usize) -> Result<(Marshalled, usize), MarshalError> {
    let mut r = Reader::new(data, ref_base, true);
    let value = r.object()?;
    let refs = r.refs.len();
    Ok((
        Marshalled {
            value,
            consumed: r.pos,
            trace: r.trace,
        },
        refs,
    ))
}

/// Reads a code object (the body of a `.pyc`), with its [`RefTrace`].
pub fn loads_code(data: &[u8]) -> Result<(Arc<CodeObject>, RefTrace), MarshalError> {
    let m = loads(data)?;
    match m.value {
        Constant::Code(code) => Ok((code, m.trace)),
        _ => Err(MarshalError::NotCode),
    }
}

/// Reads a code object to run it, not to write it back: no [`RefTrace`] is
/// kept (an importer's cache hit, where the trace would be a tenth of the
/// memory the read touches).
pub fn loads_code_untraced(data: &[u8]) -> Result<Arc<CodeObject>, MarshalError> {
    match Reader::new(data, 0, false).object()? {
        Constant::Code(code) => Ok(code),
        _ => Err(MarshalError::NotCode),
    }
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// Objects carrying `FLAG_REF`, by index; `None` while still being read.
    refs: Vec<Option<Constant>>,
    trace: RefTrace,
    /// Whether `trace` is kept.
    tracing: bool,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `data`, whose stream's earlier objects took
    /// `ref_base` reference indices; `tracing` keeps the [`RefTrace`].
    fn new(data: &'a [u8], ref_base: usize, tracing: bool) -> Reader<'a> {
        Reader {
            data,
            pos: 0,
            refs: vec![None; ref_base],
            trace: RefTrace::default(),
            tracing,
        }
    }

    fn take(&mut self, n: usize) -> Result<&[u8], MarshalError> {
        let end = self.pos.checked_add(n).ok_or(MarshalError::Eof)?;
        let bytes = self.data.get(self.pos..end).ok_or(MarshalError::Eof)?;
        self.pos = end;
        Ok(bytes)
    }

    fn byte(&mut self) -> Result<u8, MarshalError> {
        Ok(self.take(1)?[0])
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], MarshalError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn long(&mut self) -> Result<i32, MarshalError> {
        Ok(i32::from_le_bytes(self.array()?))
    }

    /// A size field: non-negative and, at `min_item` bytes per item, within the data.
    fn size(&mut self, min_item: usize) -> Result<usize, MarshalError> {
        let n = usize::try_from(self.long()?).map_err(|_| MarshalError::BadSize)?;
        if n.saturating_mul(min_item) > self.data.len() - self.pos {
            return Err(MarshalError::BadSize);
        }
        Ok(n)
    }

    fn f64(&mut self) -> Result<f64, MarshalError> {
        Ok(f64::from_le_bytes(self.array()?))
    }

    fn float_str(&mut self) -> Result<f64, MarshalError> {
        let n = usize::from(self.byte()?);
        let text = std::str::from_utf8(self.take(n)?).map_err(|_| MarshalError::BadFloat)?;
        parse_float_text(text).ok_or(MarshalError::BadFloat)
    }

    fn note(&mut self, slot: RefSlot) {
        if self.tracing {
            self.trace.push(slot);
        }
    }

    /// Records the trace slot and, if flagged, reserves a reference index.
    fn reserve(&mut self, flag: bool) -> Option<usize> {
        if flag {
            self.note(RefSlot::Flagged);
            self.refs.push(None);
            Some(self.refs.len() - 1)
        } else {
            self.note(RefSlot::Plain);
            None
        }
    }

    fn fill(&mut self, idx: Option<usize>, value: &Constant) {
        if let Some(slot) = idx.and_then(|i| self.refs.get_mut(i)) {
            *slot = Some(value.clone());
        }
    }

    /// Reads one object. Containers are read with an explicit stack rather than
    /// recursion, so nesting up to [`MAX_DEPTH`] costs no Rust stack.
    fn object(&mut self) -> Result<Constant, MarshalError> {
        let mut stack: Vec<Frame> = Vec::new();
        loop {
            if stack.len() >= MAX_DEPTH {
                return Err(MarshalError::TooDeep);
            }
            let for_code = stack.last().is_some_and(Frame::is_code);
            let mut value = match self.start(for_code, &mut stack)? {
                Some(v) => v,
                None => match self.settle(&mut stack)? {
                    Some(v) => v,
                    None => continue,
                },
            };
            loop {
                let Some(top) = stack.last_mut() else {
                    return Ok(value.into_constant());
                };
                top.push(value);
                match self.settle(&mut stack)? {
                    Some(v) => value = v,
                    None => break,
                }
            }
        }
    }

    /// If the top frame has all its items, pops and builds it; reads `co_firstlineno`
    /// when a code frame reaches it.
    fn settle(&mut self, stack: &mut Vec<Frame>) -> Result<Option<Read>, MarshalError> {
        let Some(top) = stack.last_mut() else {
            return Ok(None);
        };
        if let FrameKind::Code {
            firstlineno,
            fields,
            ..
        } = &mut top.kind
        {
            if fields.len() == 8 && firstlineno.is_none() {
                *firstlineno = Some(self.long()?);
            }
        }
        if top.len() < top.expected {
            return Ok(None);
        }
        let Some(frame) = stack.pop() else {
            return Ok(None);
        };
        let value = match frame.kind {
            // A code object's own tuple that nothing refers back to goes to
            // it as it is, without becoming a shared constant first.
            FrameKind::Tuple
                if frame.ref_index.is_none() && stack.last().is_some_and(Frame::is_code) =>
            {
                return Ok(Some(Read::Items(frame.items)));
            }
            FrameKind::Tuple => Constant::Tuple(frame.items.into()),
            FrameKind::FrozenSet => Constant::FrozenSet(frame.items.into()),
            FrameKind::Code {
                header,
                firstlineno,
                fields,
            } => Constant::Code(Arc::new(build_code(
                header,
                firstlineno.unwrap_or_default(),
                fields,
            )?)),
        };
        self.fill(frame.ref_index, &value);
        Ok(Some(Read::Value(value)))
    }

    /// Reads a type code and either a whole scalar, which it returns, or the
    /// header of a container, which it pushes on `stack`.
    /// `for_code`: the object is a field of a code object being read.
    fn start(
        &mut self,
        for_code: bool,
        stack: &mut Vec<Frame>,
    ) -> Result<Option<Read>, MarshalError> {
        let code = self.byte()?;
        let flag = code & FLAG_REF != 0;
        let t = code & !FLAG_REF;
        let value = match t {
            ty::NONE => Constant::None,
            ty::FALSE => Constant::Bool(false),
            ty::TRUE => Constant::Bool(true),
            ty::ELLIPSIS => Constant::Ellipsis,
            ty::REF => {
                let n = usize::try_from(self.long()?).map_err(|_| MarshalError::InvalidRef)?;
                let value = self
                    .refs
                    .get(n)
                    .and_then(Option::clone)
                    .ok_or(MarshalError::InvalidRef)?;
                self.note(RefSlot::Ref(n as u32));
                value
            }
            ty::NULL | ty::STOPITER | ty::LIST | ty::DICT | ty::SET | ty::UNKNOWN => {
                return Err(MarshalError::Unsupported(char::from(t)))
            }
            // A code object's bytes field (`co_code`, `co_linetable`, ...)
            // that nothing refers back to: read straight into its buffer.
            ty::STRING if for_code && !flag => {
                self.note(RefSlot::Plain);
                let n = self.size(1)?;
                return Ok(Some(Read::Bytes(self.take(n)?.to_vec())));
            }
            _ => return self.start_flaggable(t, flag, stack),
        };
        Ok(Some(Read::Value(value)))
    }

    /// [`Reader::start`] for the types that take a reference index when flagged.
    fn start_flaggable(
        &mut self,
        t: u8,
        flag: bool,
        stack: &mut Vec<Frame>,
    ) -> Result<Option<Read>, MarshalError> {
        let ref_index = self.reserve(flag);
        let (kind, expected) = match t {
            ty::TUPLE | ty::FROZENSET => {
                let n = self.size(1)?;
                let kind = if t == ty::TUPLE {
                    FrameKind::Tuple
                } else {
                    FrameKind::FrozenSet
                };
                (kind, n)
            }
            ty::SMALL_TUPLE => (FrameKind::Tuple, usize::from(self.byte()?)),
            ty::CODE => {
                let mut header = [0i32; 5];
                for h in &mut header {
                    *h = self.long()?;
                }
                let kind = FrameKind::Code {
                    header,
                    firstlineno: None,
                    fields: Vec::with_capacity(CODE_FIELDS),
                };
                (kind, CODE_FIELDS)
            }
            _ => {
                let value = self.scalar(t)?;
                self.fill(ref_index, &value);
                return Ok(Some(Read::Value(value)));
            }
        };
        let items = match kind {
            FrameKind::Code { .. } => Vec::new(),
            _ => Vec::with_capacity(expected.min(256)),
        };
        stack.push(Frame {
            kind,
            expected,
            items,
            ref_index,
        });
        Ok(None)
    }

    fn scalar(&mut self, t: u8) -> Result<Constant, MarshalError> {
        Ok(match t {
            ty::INT => Constant::Int(i64::from(self.long()?)),
            ty::INT64 => Constant::Int(i64::from_le_bytes(self.array()?)),
            ty::FLOAT => Constant::Float(self.float_str()?),
            ty::BINARY_FLOAT => Constant::Float(self.f64()?),
            ty::COMPLEX => {
                let re = self.float_str()?;
                let im = self.float_str()?;
                Constant::Complex { re, im }
            }
            ty::BINARY_COMPLEX => {
                let re = self.f64()?;
                let im = self.f64()?;
                Constant::Complex { re, im }
            }
            ty::LONG => self.long_int()?,
            ty::STRING => {
                let n = self.size(1)?;
                Constant::Bytes(self.take(n)?.into())
            }
            ty::UNICODE | ty::INTERNED => {
                let n = self.size(1)?;
                let s = PyStr::from_surrogatepass(self.take(n)?, t == ty::INTERNED)
                    .ok_or(MarshalError::BadString)?;
                Constant::Str(Arc::new(s))
            }
            ty::ASCII | ty::ASCII_INTERNED | ty::SHORT_ASCII | ty::SHORT_ASCII_INTERNED => {
                let n = if matches!(t, ty::ASCII | ty::ASCII_INTERNED) {
                    self.size(1)?
                } else {
                    usize::from(self.byte()?)
                };
                let bytes = self.take(n)?;
                if !bytes.is_ascii() {
                    return Err(MarshalError::BadString);
                }
                let interned = matches!(t, ty::ASCII_INTERNED | ty::SHORT_ASCII_INTERNED);
                let s =
                    PyStr::from_surrogatepass(bytes, interned).ok_or(MarshalError::BadString)?;
                Constant::Str(Arc::new(s))
            }
            other => return Err(MarshalError::UnknownType(other)),
        })
    }

    fn long_int(&mut self) -> Result<Constant, MarshalError> {
        let n = self.long()?;
        if n == 0 {
            return Ok(Constant::Int(0));
        }
        let count = n.unsigned_abs() as usize;
        if count.saturating_mul(2) > self.data.len() - self.pos {
            return Err(MarshalError::BadSize);
        }
        let mut words: Vec<u32> = Vec::with_capacity(count * 15 / 32 + 1);
        let (mut acc, mut bits) = (0u64, 0u32);
        let mut last = 0u16;
        for _ in 0..count {
            let d = u16::from_le_bytes(self.array()?);
            if d >= 1 << 15 {
                return Err(MarshalError::BadLongDigit);
            }
            last = d;
            acc |= u64::from(d) << bits;
            bits += 15;
            if bits >= 32 {
                words.push(acc as u32);
                acc >>= 32;
                bits -= 32;
            }
        }
        if last == 0 {
            return Err(MarshalError::UnnormalizedLong);
        }
        if bits > 0 {
            words.push(acc as u32);
        }
        let sign = if n < 0 { Sign::Minus } else { Sign::Plus };
        Ok(Constant::int(BigInt::from_biguint(
            sign,
            BigUint::new(words),
        )))
    }
}

/// Number of object fields of a marshalled code object.
const CODE_FIELDS: usize = 10;

/// One object as read, before it is placed in its container.
enum Read {
    /// A finished object.
    Value(Constant),
    /// A code object's bytes field, read into its own buffer.
    Bytes(Vec<u8>),
    /// A code object's tuple field (`co_consts`, `co_names`, ...).
    Items(Vec<Constant>),
}

impl Read {
    fn into_constant(self) -> Constant {
        match self {
            Read::Value(c) => c,
            Read::Bytes(b) => Constant::Bytes(b.into()),
            Read::Items(items) => Constant::Tuple(items.into()),
        }
    }
}

enum FrameKind {
    Tuple,
    FrozenSet,
    /// The five leading `long` fields, `co_firstlineno` once read, and the
    /// object fields so far.
    Code {
        header: [i32; 5],
        firstlineno: Option<i32>,
        fields: Vec<Read>,
    },
}

/// A container being read: its items so far and how many it needs.
struct Frame {
    kind: FrameKind,
    expected: usize,
    /// The items of a tuple or frozenset (a code object keeps its fields in
    /// its kind).
    items: Vec<Constant>,
    ref_index: Option<usize>,
}

impl Frame {
    fn is_code(&self) -> bool {
        matches!(self.kind, FrameKind::Code { .. })
    }

    fn len(&self) -> usize {
        match &self.kind {
            FrameKind::Code { fields, .. } => fields.len(),
            _ => self.items.len(),
        }
    }

    fn push(&mut self, item: Read) {
        match &mut self.kind {
            FrameKind::Code { fields, .. } => fields.push(item),
            _ => self.items.push(item.into_constant()),
        }
    }
}

fn count_field(v: i32, name: &'static str) -> Result<u32, MarshalError> {
    u32::try_from(v).map_err(|_| MarshalError::BadCodeField(name))
}

/// Builds a code object from its header and its ten object fields, in marshal order.
fn build_code(
    header: [i32; 5],
    firstlineno: i32,
    fields: Vec<Read>,
) -> Result<CodeObject, MarshalError> {
    let mut it = fields.into_iter();
    let mut next = |name: &'static str| it.next().ok_or(MarshalError::BadCodeField(name));
    let code = bytes_field(next("co_code")?, "co_code")?;
    let consts = match next("co_consts")? {
        Read::Items(items) => items,
        Read::Value(Constant::Tuple(items)) => items.to_vec(),
        _ => return Err(MarshalError::BadCodeField("co_consts")),
    };
    let names = str_tuple_field(next("co_names")?, "co_names")?;
    let localsplusnames = str_tuple_field(next("co_localsplusnames")?, "co_localsplusnames")?;
    let localspluskinds = bytes_field(next("co_localspluskinds")?, "co_localspluskinds")?;
    if localspluskinds.len() != localsplusnames.len() {
        return Err(MarshalError::BadCodeField("co_localspluskinds"));
    }
    let filename = str_field(next("co_filename")?, "co_filename")?;
    let name = str_field(next("co_name")?, "co_name")?;
    let qualname = str_field(next("co_qualname")?, "co_qualname")?;
    let linetable = bytes_field(next("co_linetable")?, "co_linetable")?;
    let exceptiontable = bytes_field(next("co_exceptiontable")?, "co_exceptiontable")?;
    Ok(CodeObject {
        argcount: count_field(header[0], "co_argcount")?,
        posonlyargcount: count_field(header[1], "co_posonlyargcount")?,
        kwonlyargcount: count_field(header[2], "co_kwonlyargcount")?,
        stacksize: count_field(header[3], "co_stacksize")?,
        flags: CodeFlags(header[4] as u32),
        code,
        consts,
        names,
        localsplusnames,
        localspluskinds,
        filename,
        name,
        qualname,
        firstlineno,
        linetable,
        exceptiontable,
    })
}

fn bytes_field(value: Read, name: &'static str) -> Result<Vec<u8>, MarshalError> {
    match value {
        Read::Bytes(b) => Ok(b),
        Read::Value(Constant::Bytes(b)) => Ok(b.to_vec()),
        _ => Err(MarshalError::BadCodeField(name)),
    }
}

fn str_field(value: Read, name: &'static str) -> Result<Arc<PyStr>, MarshalError> {
    match value {
        Read::Value(Constant::Str(s)) => Ok(s),
        _ => Err(MarshalError::BadCodeField(name)),
    }
}

fn str_tuple_field(value: Read, name: &'static str) -> Result<Vec<Arc<PyStr>>, MarshalError> {
    let as_str = |item| match item {
        Constant::Str(s) => Ok(s),
        _ => Err(MarshalError::BadCodeField(name)),
    };
    match value {
        Read::Items(items) => items.into_iter().map(as_str).collect(),
        Read::Value(Constant::Tuple(items)) => items.iter().cloned().map(as_str).collect(),
        _ => Err(MarshalError::BadCodeField(name)),
    }
}

/// Parses the text of a `TYPE_FLOAT` (as `PyOS_string_to_double` accepts it).
fn parse_float_text(text: &str) -> Option<f64> {
    let lower = text.trim().to_ascii_lowercase();
    let (neg, body) = match lower.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, lower.strip_prefix('+').unwrap_or(&lower)),
    };
    let v = match body {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ if body
            .bytes()
            .all(|b| b.is_ascii_digit() || b"+-.e".contains(&b)) =>
        {
            body.parse::<f64>().ok()?
        }
        _ => return None,
    };
    Some(if neg { -v } else { v })
}
