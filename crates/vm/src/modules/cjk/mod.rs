//! The CJK multibyte codecs: CPython's `_codecs_jp`, `_codecs_cn`,
//! `_codecs_tw` and `_codecs_kr` (`getcodec(name)`), whose codecs the
//! classes of `_multibytecodec` (`multibyte.rs`) drive for the
//! `encodings.shift_jis`-style modules.
//!
//! Each codec is a [`Table`] generated from CPython by
//! `tools/gen_cjk_tables.py`: which bytes lead longer sequences, and the
//! characters of each "page" of sequences sharing their first bytes. The
//! decoder looks sequences up by page; the encoder's map (character to
//! sequence) is built from the pages on first use.

pub(crate) mod multibyte;
mod tables;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::bind_args;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

use super::codec_errors::ENCODE_RESULT;
use super::codecs_utf16::{call_handler, handler_position, recover_decode};

/// One codec's generated tables (see `tools/gen_cjk_tables.py`).
#[derive(Debug)]
pub struct Table {
    /// The codec's name, as its errors say it.
    pub name: &'static str,
    /// For each byte, one digit: the length of the sequence it starts.
    pub lead: &'static str,
    /// `(prefix, first, last)`: the sequences `prefix` + `first..=last`
    /// (prefix 0 for single bytes, else the leading bytes with the
    /// sequence length in the top byte), in the order of `chars`.
    pub pages: &'static [(u32, u8, u8)],
    /// The characters of every page position, NUL where none.
    pub chars: &'static str,
    /// `(code point, sequence)` where the encoder differs from the first
    /// sequence decoding to the code point; sequence 0: not encodable.
    pub extra: &'static [(u32, u32)],
}

/// The decoder's and encoder's lookup structures of one table.
struct Index {
    /// Where each page's characters start in `chars`.
    offsets: Vec<usize>,
    chars: Vec<u32>,
    /// Code point to sequence (length in the top byte).
    encode: HashMap<u32, u32>,
    /// Whether unmapped Hangul syllables encode as make-up sequences (euc_kr).
    makeup: bool,
    /// Whether the rest of Unicode encodes as four-byte sequences (gb18030).
    four_byte: bool,
}

thread_local! {
    static INDEXES: RefCell<Vec<(usize, Rc<Index>)>> = const { RefCell::new(Vec::new()) };
}

impl Table {
    /// The lookup structures, built on first use.
    fn index(&'static self) -> Rc<Index> {
        let key = self as *const Table as usize;
        if let Some(ix) = INDEXES.with(|c| {
            c.borrow()
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, ix)| ix.clone())
        }) {
            return ix;
        }
        let chars: Vec<u32> = self.chars.chars().map(u32::from).collect();
        let mut offsets = Vec::with_capacity(self.pages.len());
        let mut encode = HashMap::new();
        let mut at = 0;
        for &(prefix, lo, hi) in self.pages {
            offsets.push(at);
            for trail in lo..=hi {
                let cp = chars
                    .get(at + usize::from(trail - lo))
                    .copied()
                    .unwrap_or(0);
                let seq = if prefix == 0 {
                    (1 << 24) | u32::from(trail)
                } else {
                    let len = prefix >> 24;
                    ((len << 24) | ((prefix & 0xFFFF) << 8)) | u32::from(trail)
                };
                if cp != 0 || seq == 1 << 24 {
                    encode.entry(cp).or_insert(seq);
                }
            }
            at += usize::from(hi - lo) + 1;
        }
        for &(cp, seq) in self.extra {
            if seq == 0 {
                encode.remove(&cp);
            } else {
                encode.insert(cp, seq);
            }
        }
        let ix = Rc::new(Index {
            offsets,
            chars,
            encode,
            makeup: self.name == "euc_kr",
            four_byte: self.name == "gb18030",
        });
        INDEXES.with(|c| c.borrow_mut().push((key, ix.clone())));
        ix
    }

    /// The length of the sequence byte `b` starts.
    fn seq_len(&self, b: u8) -> usize {
        match self.lead.as_bytes().get(usize::from(b)) {
            Some(d) => usize::from(d.saturating_sub(b'0')).max(1),
            None => 1,
        }
    }
}

impl Index {
    /// The character of the whole sequence `seq`, if it has one.
    fn lookup(&self, table: &Table, seq: &[u8]) -> Option<u32> {
        let (&trail, head) = seq.split_last()?;
        let prefix = if head.is_empty() {
            0
        } else {
            let body = head.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
            ((seq.len() as u32) << 24) | body
        };
        let page = table.pages.binary_search_by_key(&prefix, |p| p.0).ok()?;
        let (_, lo, hi) = table.pages[page];
        if trail < lo || trail > hi {
            return None;
        }
        let cp = *self
            .chars
            .get(self.offsets[page] + usize::from(trail - lo))?;
        (cp != 0 || seq == [0]).then_some(cp)
    }
}

const ILLEGAL: &str = "illegal multibyte sequence";
const INCOMPLETE: &str = "incomplete multibyte sequence";

/// Decodes `data`; unless `last`, an incomplete sequence at the end is left
/// over. Returns the code points and how many bytes were consumed.
pub(crate) fn decode(
    vm: &mut Vm,
    table: &'static Table,
    data: &[u8],
    errors: &str,
    last: bool,
) -> PyResult<(Vec<u32>, usize)> {
    let ix = table.index();
    let mut out = Vec::with_capacity(data.len());
    let mut replaced: Option<Vec<u8>> = None;
    let mut i = 0;
    loop {
        let input = replaced.as_deref().unwrap_or(data);
        let Some(&b) = input.get(i) else {
            break;
        };
        let n = if b == 0xA4 && table.name == "euc_kr" && input.get(i + 1) == Some(&0xD4) {
            MAKEUP_LEN
        } else if table.name == "gb18030"
            && table.seq_len(b) == 2
            && matches!(input.get(i + 1), Some(0x30..=0x39))
        {
            4
        } else {
            table.seq_len(b)
        };
        let (end, reason) = if i + n > input.len() {
            if !last {
                break;
            }
            (input.len(), INCOMPLETE)
        } else {
            let seq = &input[i..i + n];
            let found = if n == MAKEUP_LEN {
                makeup_decode(seq)
            } else if n == 4 {
                gb4_decode(seq)
            } else {
                ix.lookup(table, seq)
            };
            match found {
                Some(cp) => {
                    out.push(cp);
                    i += n;
                    continue;
                }
                None => (i + 1, ILLEGAL),
            }
        };
        let error = || crate::unicode_error::decode_error(table.name, input, i, end, reason);
        let resume = recover_decode(vm, input, (i, end), errors, error, &mut out)?;
        i = resume.at;
        if resume.input.is_some() {
            replaced = resume.input;
        }
    }
    Ok((out, i))
}

/// The length of euc_kr's make-up sequence of a Hangul syllable.
const MAKEUP_LEN: usize = 8;

/// The syllable of an euc_kr make-up sequence `A4 D4 A4 cho A4 jung A4 jong`.
fn makeup_decode(seq: &[u8]) -> Option<u32> {
    let [0xA4, 0xD4, 0xA4, cho, 0xA4, jung, 0xA4, jong] = *seq else {
        return None;
    };
    let pos = |set: &[u8], b: u8| set.iter().position(|x| *x == b).map(|p| p as u32);
    let l = pos(&tables::MAKEUP_CHO, cho)?;
    let v = pos(&tables::MAKEUP_JUNG, jung)?;
    let t = pos(&tables::MAKEUP_JONG, jong)?;
    Some(0xAC00 + l * 588 + v * 28 + t)
}

/// The code point of a gb18030 four-byte sequence: the BMP by the
/// generated ranges, the other planes in order from `90 30 81 30`.
fn gb4_decode(seq: &[u8]) -> Option<u32> {
    let [b1, b2, b3, b4] = *seq else {
        return None;
    };
    if !(0x81..=0xFE).contains(&b1) || !(0x81..=0xFE).contains(&b3) || !(0x30..=0x39).contains(&b4)
    {
        return None;
    }
    let (c1, c2) = (u32::from(b1 - 0x81), u32::from(b2.wrapping_sub(0x30)));
    let (c3, c4) = (u32::from(b3 - 0x81), u32::from(b4 - 0x30));
    if c1 < 4 {
        let lseq = (c1 * 10 + c2) * 1260 + c3 * 10 + c4;
        let runs = tables::GB18030_BMP;
        let k = runs.partition_point(|r| r.0 <= lseq).checked_sub(1)?;
        let (base, first, count) = runs[k];
        return (lseq < base + count).then_some(first + lseq - base);
    }
    if c1 >= 15 {
        let cp = 0x10000 + ((c1 - 15) * 10 + c2) * 1260 + c3 * 10 + c4;
        return (cp <= 0x10FFFF).then_some(cp);
    }
    None
}

/// The gb18030 four-byte sequence of a code point outside its two-byte table.
fn gb4_encode(cp: u32) -> Option<[u8; 4]> {
    let lseq = if cp >= 0x10000 {
        (cp <= 0x10FFFF).then_some(cp - 0x10000 + 15 * 12600)?
    } else {
        let (base, first, _) = tables::GB18030_BMP
            .iter()
            .find(|(_, first, count)| (*first..first + count).contains(&cp))?;
        base + (cp - first)
    };
    let digit = |v: u32| v as u8;
    Some([
        0x81 + digit(lseq / 12600),
        0x30 + digit((lseq / 1260) % 10),
        0x81 + digit((lseq % 1260) / 10),
        0x30 + digit(lseq % 10),
    ])
}

/// The bytes of one code point, if the codec has it.
fn encode_one(ix: &Index, cp: u32, out: &mut Vec<u8>) -> bool {
    let Some(&seq) = ix.encode.get(&cp) else {
        // euc_kr spells the Hangul syllables KS X 1001 lacks with jamo.
        if ix.makeup && (0xAC00..=0xD7A3).contains(&cp) {
            let s = (cp - 0xAC00) as usize;
            out.extend_from_slice(&[0xA4, 0xD4, 0xA4, tables::MAKEUP_CHO[s / 588]]);
            out.extend_from_slice(&[0xA4, tables::MAKEUP_JUNG[(s / 28) % 21]]);
            out.extend_from_slice(&[0xA4, tables::MAKEUP_JONG[s % 28]]);
            return true;
        }
        if ix.four_byte && !crate::str_surrogates::is_surrogate(cp) {
            if let Some(b) = gb4_encode(cp) {
                out.extend_from_slice(&b);
                return true;
            }
        }
        return false;
    };
    let len = (seq >> 24) as usize;
    let bytes = (seq & 0xFF_FFFF).to_be_bytes();
    out.extend_from_slice(&bytes[4 - len..]);
    true
}

/// Encodes the str `obj` (whose code points are `cps`) with error handler
/// `errors`, as CPython's `multibytecodec_encerror`: `strict` raises, the
/// others replace one unencodable character at a time, and a str
/// replacement is itself encoded (or the original error raised).
pub(crate) fn encode(
    vm: &mut Vm,
    table: &'static Table,
    obj: &Value,
    cps: &[u32],
    errors: &str,
) -> PyResult<Vec<u8>> {
    let ix = table.index();
    let mut out = Vec::with_capacity(cps.len() * 2);
    let mut i = 0;
    while let Some(&cp) = cps.get(i) {
        if encode_one(&ix, cp, &mut out) {
            i += 1;
            continue;
        }
        let error =
            || crate::unicode_error::encode_error(table.name, obj.clone(), i, i + 1, ILLEGAL);
        match errors {
            "strict" => return Err(error()),
            "ignore" => {
                i += 1;
                continue;
            }
            "replace" => {
                if !encode_one(&ix, u32::from(b'?'), &mut out) {
                    return Err(error());
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        let (rep, pos) = call_handler(vm, errors, error(), "encoding")?;
        match &rep {
            Value::Bytes(b) => out.extend_from_slice(b),
            Value::Str(r) => {
                for c in r.code_points() {
                    if !encode_one(&ix, c, &mut out) {
                        return Err(error());
                    }
                }
            }
            _ => return Err(PyErr::type_error(ENCODE_RESULT)),
        }
        // An index beyond `Py_ssize_t` reads as -1 in CPython's message.
        if matches!(pos, Value::BigInt(_)) {
            return Err(PyErr::new(
                ExcKind::IndexError,
                "position -1 from error handler out of bounds",
            ));
        }
        i = handler_position(&pos, cps.len())?;
    }
    Ok(out)
}

/// The tables of one `_codecs_xx` module.
type Family = &'static [&'static Table];

static JP: Family = &[&tables::SHIFT_JIS, &tables::CP932, &tables::EUC_JP];
static CN: Family = &[&tables::GB2312, &tables::GBK, &tables::GB18030];
static TW: Family = &[&tables::BIG5, &tables::CP950];
static KR: Family = &[&tables::EUC_KR, &tables::CP949, &tables::JOHAB];

/// `getcodec(encoding)` of a family: a `MultibyteCodec`.
fn getcodec(vm: &mut Vm, a: &Args<'_>, family: Family) -> PyResult<Value> {
    let args = bind_args(a, "getcodec", &["encoding"], 1)?;
    let name = match args[0] {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "getcodec() argument must be str, not {}",
                crate::types::type_name(other)
            )))
        }
        None => return Err(PyErr::type_error("getcodec() missing argument")),
    };
    match family.iter().find(|t| t.name == name) {
        Some(t) => Ok(multibyte::new_codec(vm, t)),
        None => Err(PyErr::new(
            ExcKind::LookupError,
            "no such codec is supported.",
        )),
    }
}

fn getcodec_jp(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    getcodec(vm, &a, JP)
}
fn getcodec_cn(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    getcodec(vm, &a, CN)
}
fn getcodec_tw(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    getcodec(vm, &a, TW)
}
fn getcodec_kr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    getcodec(vm, &a, KR)
}

super::module_functions!(JP_FUNCTIONS, "_codecs_jp", ["getcodec" => getcodec_jp]);
super::module_functions!(CN_FUNCTIONS, "_codecs_cn", ["getcodec" => getcodec_cn]);
super::module_functions!(TW_FUNCTIONS, "_codecs_tw", ["getcodec" => getcodec_tw]);
super::module_functions!(KR_FUNCTIONS, "_codecs_kr", ["getcodec" => getcodec_kr]);

/// `_codecs_jp`.
pub fn init_jp(_vm: &mut Vm) -> Value {
    super::new_module("_codecs_jp", JP_FUNCTIONS, Vec::new())
}

/// `_codecs_cn`.
pub fn init_cn(_vm: &mut Vm) -> Value {
    super::new_module("_codecs_cn", CN_FUNCTIONS, Vec::new())
}

/// `_codecs_tw`.
pub fn init_tw(_vm: &mut Vm) -> Value {
    super::new_module("_codecs_tw", TW_FUNCTIONS, Vec::new())
}

/// `_codecs_kr`.
pub fn init_kr(_vm: &mut Vm) -> Value {
    super::new_module("_codecs_kr", KR_FUNCTIONS, Vec::new())
}
