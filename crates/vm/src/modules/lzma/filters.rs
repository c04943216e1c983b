//! Filter specifiers: the dicts of `filters=[...]` read into [`FilterSpec`]s
//! with `_lzmamodule.c`'s checks and messages, turned into liblzma filter
//! chains, and the filter properties of `_encode_filter_properties` /
//! `_decode_filter_properties` (liblzma's encodings, written out here: they
//! are a few bytes each and need no stream).

use liblzma::stream::{Filters, LzmaOptions, MatchFinder, Mode};

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

use super::{lzma_error, to_u32, to_u64, LzmaErr};

/// `FILTER_LZMA1`.
pub(super) const FILTER_LZMA1: u64 = 0x4000_0000_0000_0001;
/// `FILTER_LZMA2`.
pub(super) const FILTER_LZMA2: u64 = 0x21;
/// `FILTER_DELTA`.
pub(super) const FILTER_DELTA: u64 = 0x03;
/// The branch/call/jump filters, `FILTER_X86` to `FILTER_SPARC`.
pub(super) const BCJ_FILTERS: [(&str, u64); 6] = [
    ("FILTER_X86", 0x04),
    ("FILTER_POWERPC", 0x05),
    ("FILTER_IA64", 0x06),
    ("FILTER_ARM", 0x07),
    ("FILTER_ARMTHUMB", 0x08),
    ("FILTER_SPARC", 0x09),
];
/// liblzma's `LZMA_FILTERS_MAX`.
const FILTERS_MAX: usize = 4;
/// `PRESET_EXTREME`, the one flag a preset may carry.
pub(super) const PRESET_EXTREME: u32 = 0x8000_0000;
/// The dictionary size of each preset level, as a power of two
/// (`lzma_lzma_preset`).
const DICT_POW2: [u32; 10] = [18, 20, 21, 22, 22, 23, 23, 24, 25, 26];

/// The options of an LZMA1 or LZMA2 filter: a preset and the fields given
/// over it.
#[derive(Clone, Debug, Default)]
pub(super) struct LzmaSpec {
    pub preset: u32,
    pub dict_size: Option<u32>,
    pub lc: Option<u32>,
    pub lp: Option<u32>,
    pub pb: Option<u32>,
    pub mode: Option<u32>,
    pub nice_len: Option<u32>,
    pub mf: Option<u32>,
    pub depth: Option<u32>,
}

/// One filter of a chain.
#[derive(Clone, Debug)]
pub(super) enum FilterSpec {
    /// `FILTER_LZMA1` (`lzma1` true) or `FILTER_LZMA2`.
    Lzma { lzma1: bool, opts: LzmaSpec },
    /// `FILTER_DELTA` with its distance.
    Delta { dist: u32 },
    /// A BCJ filter: its id and start offset.
    Bcj { id: u64, start_offset: u32 },
}

/// Whether a preset is a level 0..9 with no flag but `PRESET_EXTREME`.
pub(super) fn preset_valid(preset: u32) -> bool {
    (preset & 0x1f) <= 9 && (preset & !0x1f & !PRESET_EXTREME) == 0
}

/// Whether `v` may be a mapping (`PyMapping_Check`): numbers and `None`
/// cannot be subscripted.
fn maybe_mapping(v: &Value) -> bool {
    !matches!(
        v,
        Value::None | Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_)
    )
}

/// `spec[key]`, or `None` when the key is missing (`KeyError`).
fn item(vm: &mut Vm, spec: &Value, key: &str) -> PyResult<Option<Value>> {
    match vm.getitem(spec, &Value::str(key)) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.0.kind() == ExcKind::KeyError => Ok(None),
        Err(e) => Err(e),
    }
}

/// The options of a filter specifier as `PyArg_ParseTupleAndKeywords`
/// reads them: a dict whose keys are all in `names`, each value a `uint32`.
/// Any failure is the filter's `ValueError`.
fn options(spec: &Value, names: &[&str], what: &str) -> PyResult<Vec<(usize, Value)>> {
    let bad = || PyErr::value_error(format!("Invalid filter specifier for {what} filter"));
    let Value::Dict(d) = spec else {
        return Err(bad());
    };
    let d: std::cell::Ref<'_, Dict> = d.borrow();
    let mut out = Vec::new();
    for (k, v) in d.iter() {
        let Value::Str(k) = k else { return Err(bad()) };
        let Some(i) = names.iter().position(|n| *n == k.as_str()) else {
            return Err(bad());
        };
        out.push((i, v.clone()));
    }
    Ok(out)
}

/// A `uint32` option, any conversion error being the filter's `ValueError`.
fn option_u32(v: &Value, what: &str) -> PyResult<u32> {
    to_u32(v).map_err(|_| PyErr::value_error(format!("Invalid filter specifier for {what} filter")))
}

/// One filter specifier (`lzma_filter_converter`).
pub(super) fn parse_spec(vm: &mut Vm, spec: &Value) -> PyResult<FilterSpec> {
    if !maybe_mapping(spec) {
        return Err(PyErr::type_error(
            "Filter specifier must be a dict or dict-like object",
        ));
    }
    let Some(id) = item(vm, spec, "id")? else {
        return Err(PyErr::value_error(
            "Filter specifier must have an \"id\" entry",
        ));
    };
    let id = to_u64(&id)?;
    match id {
        FILTER_LZMA1 | FILTER_LZMA2 => {
            let mut opts = LzmaSpec {
                preset: 6,
                ..LzmaSpec::default()
            };
            if let Some(p) = item(vm, spec, "preset")? {
                opts.preset = to_u32(&p)?;
            }
            if !preset_valid(opts.preset) {
                return Err(lzma_error(
                    vm,
                    format!("Invalid compression preset: {}", opts.preset),
                ));
            }
            let names = [
                "id",
                "preset",
                "dict_size",
                "lc",
                "lp",
                "pb",
                "mode",
                "nice_len",
                "mf",
                "depth",
            ];
            for (i, v) in options(spec, &names, "LZMA")? {
                if i < 2 {
                    continue;
                }
                let n = Some(option_u32(&v, "LZMA")?);
                match i {
                    2 => opts.dict_size = n,
                    3 => opts.lc = n,
                    4 => opts.lp = n,
                    5 => opts.pb = n,
                    6 => opts.mode = n,
                    7 => opts.nice_len = n,
                    8 => opts.mf = n,
                    _ => opts.depth = n,
                }
            }
            Ok(FilterSpec::Lzma {
                lzma1: id == FILTER_LZMA1,
                opts,
            })
        }
        FILTER_DELTA => {
            let mut dist = 1;
            for (i, v) in options(spec, &["id", "dist"], "delta")? {
                if i == 1 {
                    dist = option_u32(&v, "delta")?;
                }
            }
            Ok(FilterSpec::Delta { dist })
        }
        _ if BCJ_FILTERS.iter().any(|(_, f)| *f == id) => {
            let mut start_offset = 0;
            for (i, v) in options(spec, &["id", "start_offset"], "BCJ")? {
                if i == 1 {
                    start_offset = option_u32(&v, "BCJ")?;
                }
            }
            Ok(FilterSpec::Bcj { id, start_offset })
        }
        _ => Err(PyErr::value_error(format!("Invalid filter ID: {id}"))),
    }
}

/// A filter chain specifier: a sequence of at most four dicts.
pub(super) fn parse_chain(vm: &mut Vm, specs: &Value) -> PyResult<Vec<FilterSpec>> {
    // `PySequence_Length`: a mapping has a length but is not a sequence.
    if matches!(specs, Value::Dict(_)) {
        return Err(PyErr::type_error(format!(
            "{} is not a sequence",
            crate::types::type_name(specs)
        )));
    }
    let n = vm.len_of(specs)?;
    if n > FILTERS_MAX {
        return Err(PyErr::value_error(format!(
            "Too many filters - liblzma supports a maximum of {FILTERS_MAX}"
        )));
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let spec = vm.getitem(specs, &Value::Int(i as i64))?;
        out.push(parse_spec(vm, &spec)?);
    }
    Ok(out)
}

/// The liblzma options of an LZMA filter.
pub(super) fn lzma_options(opts: &LzmaSpec) -> Result<LzmaOptions, LzmaErr> {
    let mut o = LzmaOptions::new_preset(opts.preset).map_err(|_| LzmaErr::Options)?;
    if let Some(v) = opts.dict_size {
        o.dict_size(v);
    }
    if let Some(v) = opts.lc {
        o.literal_context_bits(v);
    }
    if let Some(v) = opts.lp {
        o.literal_position_bits(v);
    }
    if let Some(v) = opts.pb {
        o.position_bits(v);
    }
    if let Some(v) = opts.mode {
        o.mode(match v {
            1 => Mode::Fast,
            2 => Mode::Normal,
            _ => return Err(LzmaErr::Options),
        });
    }
    if let Some(v) = opts.nice_len {
        o.nice_len(v);
    }
    if let Some(v) = opts.mf {
        o.match_finder(match v {
            0x03 => MatchFinder::HashChain3,
            0x04 => MatchFinder::HashChain4,
            0x12 => MatchFinder::BinaryTree2,
            0x13 => MatchFinder::BinaryTree3,
            0x14 => MatchFinder::BinaryTree4,
            _ => return Err(LzmaErr::Options),
        });
    }
    if let Some(v) = opts.depth {
        o.depth(v);
    }
    Ok(o)
}

/// A liblzma filter chain. Delta and BCJ filters go in through their
/// encoded properties, which carry all their options.
pub(super) fn build_chain(chain: &[FilterSpec]) -> Result<Filters, LzmaErr> {
    let mut f = Filters::new();
    for spec in chain {
        match spec {
            FilterSpec::Lzma { lzma1, opts } => {
                let o = lzma_options(opts)?;
                if *lzma1 {
                    f.lzma1(&o);
                } else {
                    f.lzma2(&o);
                }
            }
            FilterSpec::Delta { dist } => {
                if !(1..=256).contains(dist) {
                    return Err(LzmaErr::Options);
                }
                f.delta_properties(&[(dist - 1) as u8])
                    .map_err(LzmaErr::from)?;
            }
            FilterSpec::Bcj { id, start_offset } => {
                let props = bcj_props(*start_offset);
                let r = match id {
                    0x04 => f.x86_properties(&props),
                    0x05 => f.powerpc_properties(&props),
                    0x06 => f.ia64_properties(&props),
                    0x07 => f.arm_properties(&props),
                    0x08 => f.arm_thumb_properties(&props),
                    _ => f.sparc_properties(&props),
                };
                r.map_err(LzmaErr::from)?;
            }
        }
    }
    Ok(f)
}

/// A BCJ filter's properties: nothing for offset 0, else the offset.
fn bcj_props(start_offset: u32) -> Vec<u8> {
    if start_offset == 0 {
        Vec::new()
    } else {
        start_offset.to_le_bytes().to_vec()
    }
}

/// The dictionary size, lc, lp and pb an LZMA spec stands for.
fn lzma_fields(opts: &LzmaSpec) -> (u32, u32, u32, u32) {
    let level = (opts.preset & 0x1f).min(9) as usize;
    let dict = opts.dict_size.unwrap_or(1 << DICT_POW2[level]);
    (
        dict,
        opts.lc.unwrap_or(3),
        opts.lp.unwrap_or(0),
        opts.pb.unwrap_or(2),
    )
}

/// `lzma_properties_encode`.
pub(super) fn encode_props(spec: &FilterSpec) -> Result<Vec<u8>, LzmaErr> {
    match spec {
        FilterSpec::Lzma { lzma1: true, opts } => {
            let (dict, lc, lp, pb) = lzma_fields(opts);
            // liblzma's encoder treats invalid values as a misuse.
            if lc > 4 || lp > 4 || lc + lp > 4 || pb > 4 {
                return Err(LzmaErr::Program);
            }
            let mut out = vec![((pb * 5 + lp) * 9 + lc) as u8];
            out.extend_from_slice(&dict.to_le_bytes());
            Ok(out)
        }
        FilterSpec::Lzma { lzma1: false, opts } => {
            let (dict, ..) = lzma_fields(opts);
            Ok(vec![lzma2_dict_byte(dict)])
        }
        FilterSpec::Delta { dist } => {
            if !(1..=256).contains(dist) {
                return Err(LzmaErr::Program);
            }
            Ok(vec![(dist - 1) as u8])
        }
        FilterSpec::Bcj { start_offset, .. } => Ok(bcj_props(*start_offset)),
    }
}

/// LZMA2's one-byte dictionary size: the smallest `2**n` or `3 * 2**n`
/// (from 4 KiB) not below `dict`, as an index; 40 for 4 GiB - 1.
fn lzma2_dict_byte(dict: u32) -> u8 {
    let mut d = dict.max(4096) - 1;
    d |= d >> 2;
    d |= d >> 3;
    d |= d >> 4;
    d |= d >> 8;
    d |= d >> 16;
    if d == u32::MAX {
        return 40;
    }
    // d + 1 is 2**k or 3 * 2**(k-1); its "distance slot" is 2k plus the
    // bit below the top one.
    let n = d + 1;
    let top = 31 - n.leading_zeros();
    let slot = 2 * top + ((n >> (top - 1)) & 1);
    (slot - 24) as u8
}

/// `lzma_properties_decode` then `build_filter_spec`: the filter's spec dict.
pub(super) fn decode_props(id: u64, props: &[u8]) -> Result<Vec<(&'static str, u64)>, LzmaErr> {
    let mut out = vec![("id", id)];
    match id {
        FILTER_LZMA1 => {
            let [b, d0, d1, d2, d3] = props else {
                return Err(LzmaErr::Options);
            };
            let b = u32::from(*b);
            if b > (4 * 5 + 4) * 9 + 8 {
                return Err(LzmaErr::Options);
            }
            let (pb, rest) = (b / 45, b % 45);
            let (lp, lc) = (rest / 9, rest % 9);
            if lc + lp > 4 {
                return Err(LzmaErr::Options);
            }
            let dict = u32::from_le_bytes([*d0, *d1, *d2, *d3]);
            out.extend([
                ("lc", u64::from(lc)),
                ("lp", u64::from(lp)),
                ("pb", u64::from(pb)),
                ("dict_size", u64::from(dict)),
            ]);
        }
        FILTER_LZMA2 => {
            let [b] = props else {
                return Err(LzmaErr::Options);
            };
            if *b > 40 {
                return Err(LzmaErr::Options);
            }
            let dict = if *b == 40 {
                u32::MAX
            } else {
                (2 | u32::from(b & 1)) << (b / 2 + 11)
            };
            out.push(("dict_size", u64::from(dict)));
        }
        FILTER_DELTA => {
            let [b] = props else {
                return Err(LzmaErr::Options);
            };
            out.push(("dist", u64::from(*b) + 1));
        }
        _ if BCJ_FILTERS.iter().any(|(_, f)| *f == id) => {
            let offset = match props {
                [] => 0,
                [a, b, c, d] => u32::from_le_bytes([*a, *b, *c, *d]),
                _ => return Err(LzmaErr::Options),
            };
            out.push(("start_offset", u64::from(offset)));
        }
        _ => return Err(LzmaErr::Options),
    }
    Ok(out)
}
