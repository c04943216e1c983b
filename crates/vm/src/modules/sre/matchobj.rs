//! `re.Match` (`match_*` of `sre.c`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    borrow, native_fn, native_methods, new_native, positional, receiver, ClassSpec, PropSpec,
    SpecFlags,
};
use crate::types::TypeKind;
use crate::value::Value;
use crate::vm::Vm;

use super::engine::Found;
use super::pattern::{PatternState, Prepared};
use super::Subject;

/// A match: the spans of group 0 and the numbered groups.
struct MatchState {
    pattern: Value,
    string: Value,
    subject: Rc<Subject>,
    pos: usize,
    endpos: usize,
    /// Group 0 first.
    spans: Vec<Option<(usize, usize)>>,
    lastindex: Option<usize>,
    groupindex: Value,
    indexgroup: Value,
}

native_methods!(MATCH_M, "Match", [
    "group" => m_group, "groups" => m_groups, "groupdict" => m_groupdict,
    "start" => m_start, "end" => m_end, "span" => m_span, "expand" => m_expand,
    "__getitem__" => m_getitem, "__repr__" => m_repr,
    "__copy__" => m_copy, "__deepcopy__" => m_deepcopy,
]);
native_fn!(M_STRING, "string", "Match", m_string);
native_fn!(M_RE, "re", "Match", m_re);
native_fn!(M_POS, "pos", "Match", m_pos);
native_fn!(M_ENDPOS, "endpos", "Match", m_endpos);
native_fn!(M_LASTINDEX, "lastindex", "Match", m_lastindex);
native_fn!(M_LASTGROUP, "lastgroup", "Match", m_lastgroup);
native_fn!(M_REGS, "regs", "Match", m_regs);

macro_rules! props {
    ($( $name:literal => $def:ident ),* $(,)?) => {
        &[ $( PropSpec { name: $name, get: &$def, set: None }, )* ]
    };
}

/// `re.Match`.
pub(crate) static MATCH: ClassSpec = ClassSpec {
    name: "Match",
    module: "re",
    base: TypeKind::Object,
    methods: MATCH_M,
    classmethods: crate::native::GENERIC,
    props: props!(
        "string" => M_STRING, "re" => M_RE, "pos" => M_POS, "endpos" => M_ENDPOS,
        "lastindex" => M_LASTINDEX, "lastgroup" => M_LASTGROUP, "regs" => M_REGS,
    ),
    unhashable: false,
    flags: SpecFlags::NONE,
};

/// A new `re.Match` for `found` in `string`.
pub(crate) fn new_match(
    vm: &mut Vm,
    pattern: &Value,
    st: &Rc<RefCell<PatternState>>,
    string: Value,
    p: &Prepared,
    found: Found,
) -> Value {
    let (groupindex, indexgroup) = match st.try_borrow() {
        Ok(s) => (s.groupindex.clone(), s.indexgroup.clone()),
        Err(_) => (Value::None, Value::None),
    };
    let mut spans = Vec::with_capacity(found.groups.len() + 1);
    spans.push(Some((found.start, found.end)));
    spans.extend(found.groups);
    new_native(
        vm,
        &MATCH,
        MatchState {
            pattern: pattern.clone(),
            string,
            subject: p.subject.clone(),
            pos: p.pos,
            endpos: p.endpos,
            spans,
            lastindex: found.lastindex,
            groupindex,
            indexgroup,
        },
    )
}

fn this(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<MatchState>>> {
    receiver::<MatchState>(a, "re.Match", name)
}

impl MatchState {
    /// `match_getindex`: a group number from an integer (or an object with
    /// `__index__`; one too large is no group) or a key of `groupindex`.
    fn index(&self, vm: &mut Vm, g: &Value) -> PyResult<usize> {
        let n = if crate::protocol::has_index(g) {
            match vm.index_value(g) {
                Ok(n) => Some(n),
                Err(e) if e.is(crate::types::ExcKind::OverflowError) => None,
                Err(e) => return Err(e),
            }
        } else {
            match &self.groupindex {
                Value::Dict(d) => {
                    // An unhashable key is no group either.
                    let v = d.borrow().get(g).ok().flatten().cloned();
                    match v {
                        Some(v @ (Value::Int(_) | Value::Bool(_))) => Some(vm.index_value(&v)?),
                        _ => None,
                    }
                }
                _ => None,
            }
        };
        match n {
            Some(n) if n >= 0 && (n as usize) < self.spans.len() => Ok(n as usize),
            _ => Err(PyErr::index_error("no such group")),
        }
    }

    /// Group `i`'s text, or `default` when it did not take part. A mutable
    /// subject (a bytearray, a writable buffer) is read as it is now, with
    /// the span cut to its current length, as `match_getslice_by_index`
    /// reads the string's buffer again on each call.
    fn value(&self, i: usize, default: &Value) -> Value {
        let Some((a, b)) = self.spans.get(i).copied().flatten() else {
            return default.clone();
        };
        if self.subject.bytes && !matches!(self.string, Value::Bytes(_)) {
            if let Ok(now) = crate::buffer::bytes_like(&self.string) {
                let (a, b) = (a.min(now.len()), b.min(now.len()));
                return Value::Bytes(Rc::new(now.get(a..b.max(a)).unwrap_or(&[]).to_vec()));
            }
        }
        self.subject.slice(a, b)
    }
}

fn m_group(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = this(&a, "group")?;
    let m = borrow(&st)?;
    let rest = crate::native::rest(&a);
    if !rest.kwnames.is_empty() {
        return Err(PyErr::type_error("group() takes no keyword arguments"));
    }
    match rest.pos {
        [] => Ok(m.value(0, &Value::None)),
        [g] => {
            let i = m.index(vm, g)?;
            Ok(m.value(i, &Value::None))
        }
        gs => {
            let mut out = Vec::with_capacity(gs.len());
            for g in gs {
                let i = m.index(vm, g)?;
                out.push(m.value(i, &Value::None));
            }
            Ok(Value::tuple(out))
        }
    }
}

fn m_getitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = this(&a, "__getitem__")?;
    let m = borrow(&st)?;
    let args = positional(&a, "__getitem__", 2, 2)?;
    let i = m.index(vm, &args[1])?;
    Ok(m.value(i, &Value::None))
}

fn default_arg(a: &Args<'_>, name: &str) -> PyResult<Value> {
    let rest = crate::native::rest(a);
    let args = crate::native::bind_args(&rest, name, &["default"], 0)?;
    Ok(args[0].cloned().unwrap_or(Value::None))
}

fn m_groups(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = this(&a, "groups")?;
    let default = default_arg(&a, "groups")?;
    let m = borrow(&st)?;
    let out = (1..m.spans.len()).map(|i| m.value(i, &default)).collect();
    Ok(Value::tuple(out))
}

fn m_groupdict(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = this(&a, "groupdict")?;
    let default = default_arg(&a, "groupdict")?;
    let m = borrow(&st)?;
    let mut out = Dict::new();
    let entries: Vec<(Value, Value)> = match &m.groupindex {
        Value::Dict(d) => d
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        _ => Vec::new(),
    };
    for (k, v) in entries {
        let i = m.index(vm, &v)?;
        out.insert(k, m.value(i, &default))?;
    }
    Ok(Value::dict(out))
}

fn group_arg(vm: &mut Vm, a: &Args<'_>, name: &str, m: &MatchState) -> PyResult<usize> {
    let args = positional(a, name, 1, 2)?;
    match args.get(1) {
        Some(g) => m.index(vm, g),
        None => Ok(0),
    }
}

fn span_of(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<(i64, i64)> {
    let st = this(a, name)?;
    let m = borrow(&st)?;
    let i = group_arg(vm, a, name, &m)?;
    Ok(match m.spans.get(i).copied().flatten() {
        Some((s, e)) => (s as i64, e as i64),
        None => (-1, -1),
    })
}

fn m_start(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(span_of(vm, &a, "start")?.0))
}

fn m_end(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(span_of(vm, &a, "end")?.1))
}

fn m_span(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (s, e) = span_of(vm, &a, "span")?;
    Ok(Value::tuple(vec![Value::Int(s), Value::Int(e)]))
}

fn m_expand(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = this(&a, "expand")?;
    let args = positional(&a, "expand", 2, 2)?;
    let pattern = borrow(&st)?.pattern.clone();
    let re = vm.import_dotted("re")?;
    let name = vm.intern("_expand");
    let f = vm.get_attr(&re, &name)?;
    vm.call(&f, &[pattern, a.pos[0].clone(), args[1].clone()])
}

fn m_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = this(&a, "__repr__")?;
    let (span, g0) = {
        let m = borrow(&st)?;
        (m.spans[0].unwrap_or((0, 0)), m.value(0, &Value::None))
    };
    let r: String = vm.repr_of(&g0)?.chars().take(50).collect();
    Ok(Value::string(format!(
        "<re.Match object; span=({}, {}), match={}>",
        span.0, span.1, r
    )))
}

fn m_copy(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(a.pos.first().cloned().unwrap_or(Value::None))
}

fn m_deepcopy(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(a.pos.first().cloned().unwrap_or(Value::None))
}

fn m_string(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(borrow(&*this(&a, "string")?)?.string.clone())
}

fn m_re(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(borrow(&*this(&a, "re")?)?.pattern.clone())
}

fn m_pos(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(borrow(&*this(&a, "pos")?)?.pos as i64))
}

fn m_endpos(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(borrow(&*this(&a, "endpos")?)?.endpos as i64))
}

fn m_lastindex(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(match borrow(&*this(&a, "lastindex")?)?.lastindex {
        Some(i) => Value::Int(i as i64),
        None => Value::None,
    })
}

fn m_lastgroup(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = this(&a, "lastgroup")?;
    let (li, ig) = {
        let m = borrow(&st)?;
        (m.lastindex, m.indexgroup.clone())
    };
    match (li, &ig) {
        (Some(i), Value::Tuple(_)) => match vm.getitem(&ig, &Value::Int(i as i64)) {
            Ok(v) => Ok(v),
            Err(_) => Ok(Value::None),
        },
        _ => Ok(Value::None),
    }
}

fn m_regs(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = this(&a, "regs")?;
    let m = borrow(&st)?;
    let out = m
        .spans
        .iter()
        .map(|s| {
            let (a, b) = s.map_or((-1, -1), |(a, b)| (a as i64, b as i64));
            Value::tuple(vec![Value::Int(a), Value::Int(b)])
        })
        .collect();
    Ok(Value::tuple(out))
}
