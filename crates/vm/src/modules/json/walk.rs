//! `encoder_listencode_obj` and its list and dict halves, as one loop over a
//! stack of containers being written. Output goes into CPython 3.11's
//! `_PyAccu`: pieces are joined every 100000 into one chunk of the list the
//! encoder returns.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::instance::payload_of;
use crate::types::{type_name, ExcKind};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

use super::encoder::{Settings, StrEncoder};
use super::escape;
use super::levels::Levels;
use super::output::StrBuf;

const PLACE: &str = " while encoding a JSON object";

/// Pieces per joined chunk (`_PyAccu`'s threshold).
const CHUNK_PIECES: usize = 100_000;

/// The output: finished chunks and the pieces since the last.
struct Accu {
    cur: StrBuf,
    pieces: usize,
    chunks: Vec<Value>,
}

impl Accu {
    fn piece_done(&mut self) {
        self.pieces += 1;
        if self.pieces >= CHUNK_PIECES {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.pieces > 0 {
            let cur = std::mem::replace(&mut self.cur, StrBuf::new());
            self.chunks.push(cur.finish());
            self.pieces = 0;
        }
    }

    fn text(&mut self, s: &str) {
        self.cur.push_str(s);
        self.piece_done();
    }

    fn strobj(&mut self, s: &StrObj) {
        self.cur.push_strobj(s);
        self.piece_done();
    }
}

/// A container's elements.
enum Seq {
    /// A list, read live (`default` may change it).
    List(Rc<RefCell<Vec<Value>>>),
    /// A tuple, or a snapshot of a sequence.
    Fixed(Rc<Vec<Value>>),
}

impl Seq {
    fn get(&self, i: usize) -> Option<Value> {
        match self {
            Seq::List(l) => l.borrow().get(i).cloned(),
            Seq::Fixed(v) => v.get(i).cloned(),
        }
    }
}

/// A dict's items.
enum Items {
    /// The pairs of a dict.
    Pairs(Vec<(Value, Value)>),
    /// What `items()` gave (or the sorted pairs): each must be a 2-tuple.
    Tuples(Vec<Value>),
}

/// A container being written.
enum Frame {
    List {
        seq: Seq,
        next: usize,
        ident: Option<Value>,
    },
    Dict {
        items: Items,
        next: usize,
        first: bool,
        ident: Option<Value>,
    },
    /// The result of `default(obj)`, whose marker goes when it is written.
    Default { ident: Option<Value> },
}

/// What kind of value `_json.c` sees (subclasses as their base).
enum Kind {
    Const(&'static str),
    Str(Rc<StrObj>),
    Int(Value),
    Float(f64),
    List,
    Dict(Rc<RefCell<Dict>>),
    Other,
}

fn kind_of(v: &Value) -> Kind {
    match v {
        Value::None => Kind::Const("null"),
        Value::Bool(true) => Kind::Const("true"),
        Value::Bool(false) => Kind::Const("false"),
        _ => match payload_of(v).unwrap_or(v) {
            Value::Str(s) => Kind::Str(s.clone()),
            i @ (Value::Int(_) | Value::BigInt(_)) => Kind::Int(i.clone()),
            Value::Float(f) => Kind::Float(*f),
            Value::List(_) | Value::Tuple(_) => Kind::List,
            Value::Dict(d) => Kind::Dict(d.clone()),
            _ => Kind::Other,
        },
    }
}

/// `int.__repr__`, with the digit limit.
fn int_repr(v: &Value) -> PyResult<String> {
    crate::format::check_int_str(v)?;
    Ok(match v {
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => b.to_string(),
        _ => String::new(),
    })
}

struct Walk<'a> {
    s: &'a Settings,
    out: Accu,
    levels: Levels,
    stack: Vec<Frame>,
}

/// Encodes `obj`: the list of output chunks.
pub(super) fn encode(vm: &mut Vm, s: &Settings, obj: Value) -> PyResult<Value> {
    let mut w = Walk {
        s,
        out: Accu {
            cur: StrBuf::new(),
            pieces: 0,
            chunks: Vec::new(),
        },
        levels: Levels::default(),
        stack: Vec::new(),
    };
    let r = w.run(vm, obj);
    w.levels.leave_all(vm);
    r?;
    w.out.flush();
    Ok(Value::list(std::mem::take(&mut w.out.chunks)))
}

impl Walk<'_> {
    fn run(&mut self, vm: &mut Vm, obj: Value) -> PyResult<()> {
        let mut next = Some(obj);
        loop {
            while let Some(v) = next.take() {
                next = self.value(vm, v)?;
            }
            if self.stack.is_empty() {
                return Ok(());
            }
            next = self.advance(vm)?;
        }
    }

    /// `float.__repr__`, or the JSON names of the non-finite values.
    fn float_text(&self, f: f64) -> PyResult<String> {
        if f.is_finite() {
            return Ok(pith_repr::float_repr(f));
        }
        if !self.s.allow_nan {
            return Err(PyErr::value_error(
                "Out of range float values are not JSON compliant",
            ));
        }
        Ok(if f > 0.0 {
            "Infinity"
        } else if f < 0.0 {
            "-Infinity"
        } else {
            "NaN"
        }
        .to_string())
    }

    /// Writes a str (`v`, whose text is `s`) as one piece.
    fn string(&mut self, vm: &mut Vm, v: &Value, s: &StrObj) -> PyResult<()> {
        match self.s.str_encoder {
            StrEncoder::Ascii => match self.out.cur.utf8() {
                Some(text) => escape::ascii(text, s),
                None => {
                    let mut text = String::new();
                    escape::ascii(&mut text, s);
                    self.out.cur.push_str(&text);
                }
            },
            StrEncoder::Unicode => escape::push_unicode(&mut self.out.cur, s),
            StrEncoder::Call => {
                let r = vm.call(&self.s.encoder, std::slice::from_ref(v))?;
                match payload_of(&r).unwrap_or(&r) {
                    Value::Str(e) => self.out.cur.push_strobj(e),
                    _ => {
                        return Err(PyErr::type_error(format!(
                            "encoder() must return a string, not {}",
                            type_name(&r)
                        )))
                    }
                }
            }
        }
        self.out.piece_done();
        Ok(())
    }

    fn markers(&self) -> Option<Rc<RefCell<Dict>>> {
        match payload_of(&self.s.markers).unwrap_or(&self.s.markers) {
            Value::Dict(d) => Some(d.clone()),
            _ => None,
        }
    }

    /// Records `v` as being encoded; "Circular reference detected" if it is.
    fn mark(&self, v: &Value) -> PyResult<Option<Value>> {
        let Some(m) = self.markers() else {
            return Ok(None);
        };
        let ident = Value::Int(v.identity() as i64);
        if m.borrow().get(&ident)?.is_some() {
            return Err(PyErr::value_error("Circular reference detected"));
        }
        m.borrow_mut().insert(ident.clone(), v.clone())?;
        Ok(Some(ident))
    }

    fn unmark(&self, ident: Option<Value>) -> PyResult<()> {
        if let (Some(ident), Some(m)) = (ident, self.markers()) {
            if m.borrow_mut().remove(&ident)?.is_none() {
                return Err(PyErr::key_error(ident));
            }
        }
        Ok(())
    }

    /// Writes a value, or opens its container; a value still to write
    /// (what `default` returned) comes back.
    fn value(&mut self, vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
        match kind_of(&v) {
            Kind::Const(c) => self.out.text(c),
            Kind::Str(s) => self.string(vm, &v, &s)?,
            Kind::Int(i) => {
                let t = int_repr(&i)?;
                self.out.text(&t);
            }
            Kind::Float(f) => {
                let t = self.float_text(f)?;
                self.out.text(&t);
            }
            Kind::List => {
                self.levels.enter(vm, PLACE)?;
                let seq = match &v {
                    Value::List(l) => Seq::List(l.clone()),
                    Value::Tuple(t) => Seq::Fixed(t.clone()),
                    // A subclass is iterated, as `PySequence_Fast` does.
                    other => Seq::Fixed(Rc::new(vm.collect(other)?)),
                };
                if seq.get(0).is_none() {
                    self.out.text("[]");
                    self.levels.leave(vm);
                    return Ok(None);
                }
                let ident = self.mark(&v)?;
                self.out.text("[");
                self.stack.push(Frame::List {
                    seq,
                    next: 0,
                    ident,
                });
            }
            Kind::Dict(d) => {
                self.levels.enter(vm, PLACE)?;
                if d.borrow().is_empty() {
                    self.out.text("{}");
                    self.levels.leave(vm);
                    return Ok(None);
                }
                let ident = self.mark(&v)?;
                self.out.text("{");
                let items = self.items(vm, &v, &d)?;
                self.stack.push(Frame::Dict {
                    items,
                    next: 0,
                    first: true,
                    ident,
                });
            }
            Kind::Other => {
                let ident = self.mark(&v)?;
                let new = vm.call(&self.s.default, &[v])?;
                self.levels.enter(vm, PLACE)?;
                self.stack.push(Frame::Default { ident });
                return Ok(Some(new));
            }
        }
        Ok(None)
    }

    /// `PyMapping_Items(d)`, sorted when `sort_keys` is set.
    fn items(&self, vm: &mut Vm, v: &Value, d: &Rc<RefCell<Dict>>) -> PyResult<Items> {
        let exact = matches!(v, Value::Dict(_));
        if exact && !self.s.sort_keys {
            let pairs = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            return Ok(Items::Pairs(pairs));
        }
        let mut items: Vec<Value> = if exact {
            d.borrow()
                .iter()
                .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                .collect()
        } else {
            let name = vm.intern("items");
            let f = vm.get_attr(v, &name)?;
            let got = vm.call(&f, &[])?;
            let it = match vm.get_iter(&got) {
                Ok(it) => it,
                Err(e) if e.is(ExcKind::TypeError) => {
                    return Err(PyErr::type_error(format!(
                        "{}.items() returned a non-iterable (type {})",
                        type_name(v),
                        type_name(&got)
                    )))
                }
                Err(e) => return Err(e),
            };
            let mut out = Vec::new();
            while let Some(x) = vm.iter_next(&it)? {
                out.push(x);
            }
            out
        };
        if self.s.sort_keys {
            crate::methods::sort_values(vm, &mut items, None, false)?;
        }
        Ok(Items::Tuples(items))
    }

    /// The JSON text of a dict key, or `None` to skip the item.
    fn key_text(&self, key: &Value) -> PyResult<Option<Value>> {
        Ok(Some(match kind_of(key) {
            Kind::Str(_) => key.clone(),
            Kind::Float(f) => Value::string(self.float_text(f)?),
            Kind::Const(c) => Value::str(c),
            Kind::Int(i) => Value::string(int_repr(&i)?),
            _ if self.s.skipkeys => return Ok(None),
            _ => {
                return Err(PyErr::type_error(format!(
                    "keys must be str, int, float, bool or None, not {}",
                    type_name(key)
                )))
            }
        }))
    }

    /// Moves the innermost container on: its next value to write, or
    /// `None` once it is closed.
    fn advance(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let s = self.s;
        match self.stack.last_mut() {
            Some(Frame::List { seq, next, .. }) => {
                if let Some(item) = seq.get(*next) {
                    let first = *next == 0;
                    *next += 1;
                    if !first {
                        self.out.strobj(s.item_separator());
                    }
                    return Ok(Some(item));
                }
                if let Some(Frame::List { ident, .. }) = self.stack.pop() {
                    self.unmark(ident)?;
                }
                self.out.text("]");
                self.levels.leave(vm);
                Ok(None)
            }
            Some(Frame::Dict { .. }) => self.advance_dict(vm),
            Some(Frame::Default { .. }) => {
                self.levels.leave(vm);
                if let Some(Frame::Default { ident }) = self.stack.pop() {
                    self.unmark(ident)?;
                }
                Ok(None)
            }
            None => Ok(None),
        }
    }

    /// Whether the innermost dict has written no item yet; it now has.
    fn take_first(&mut self) -> bool {
        match self.stack.last_mut() {
            Some(Frame::Dict { first, .. }) => std::mem::replace(first, false),
            _ => false,
        }
    }

    fn advance_dict(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        loop {
            let Some(Frame::Dict { items, next, .. }) = self.stack.last_mut() else {
                return Ok(None);
            };
            let pair = match items {
                Items::Pairs(p) => p.get(*next).cloned(),
                Items::Tuples(t) => match t.get(*next) {
                    None => None,
                    Some(item) => match payload_of(item).unwrap_or(item) {
                        Value::Tuple(kv) if kv.len() == 2 => Some((kv[0].clone(), kv[1].clone())),
                        _ => return Err(PyErr::value_error("items must return 2-tuples")),
                    },
                },
            };
            let Some((key, value)) = pair else {
                if let Some(Frame::Dict { ident, .. }) = self.stack.pop() {
                    self.unmark(ident)?;
                }
                self.out.text("}");
                self.levels.leave(vm);
                return Ok(None);
            };
            *next += 1;
            let Some(text) = self.key_text(&key)? else {
                continue;
            };
            if !self.take_first() {
                self.out.strobj(self.s.item_separator());
            }
            if let Value::Str(t) = payload_of(&text).unwrap_or(&text) {
                let t = t.clone();
                self.string(vm, &text, &t)?;
            }
            self.out.strobj(self.s.key_separator());
            return Ok(Some(value));
        }
    }
}
