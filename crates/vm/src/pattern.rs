//! Structural pattern matching (PEP 634): the instructions a `match` statement
//! compiles to, as CPython 3.11's `ceval.c` runs them (`MATCH_MAPPING`,
//! `MATCH_SEQUENCE`, `MATCH_KEYS`, `MATCH_CLASS`; `GET_LEN` is an ordinary
//! instruction of the eval loop, and a `**rest` capture is `DICT_UPDATE`
//! then `DELETE_SUBSCR`).
//!
//! Which objects count as sequences and mappings follows CPython's type flags
//! (`Py_TPFLAGS_SEQUENCE`, `Py_TPFLAGS_MAPPING`, `type_layout::collection_flags`):
//! a class takes them from the first class along its MRO that has one, so
//! `class L(list)` is a sequence and `str`, `bytes` and `bytearray` never are. The builtins that match themselves in a
//! class pattern (`int(x)`, `str(x)`, ...) have `_Py_TPFLAGS_MATCH_SELF`,
//! inherited the same way.

use std::cell::RefCell;
use std::rc::Rc;

use pith_bytecode::Opcode;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::instance::Instance;
use crate::names::D;
use crate::type_layout::{collection_flags, MAPPING, SEQUENCE};
use crate::types::{builtin_type, type_name, type_of, ExcKind, TypeKind, TypeObj};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// The builtin type whose layout (and so whose type flags) `t` has.
fn layout_kind(t: &TypeObj) -> TypeKind {
    match &t.heap {
        Some(h) => h.solid.kind,
        None => t.kind,
    }
}

/// `Py_TPFLAGS_SEQUENCE` of a value's type.
pub fn is_sequence(v: &Value) -> bool {
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Range(_) | Value::MemoryView(_) => true,
        Value::Instance(i) => collection_flags(&i.class()) == SEQUENCE,
        Value::Dict(_) | Value::Str(_) | Value::Int(_) | Value::None => false,
        other => collection_flags(&type_of(other)) == SEQUENCE,
    }
}

/// `Py_TPFLAGS_MAPPING` of a value's type.
pub fn is_mapping(v: &Value) -> bool {
    match v {
        Value::Dict(_) => true,
        Value::Instance(i) => collection_flags(&i.class()) == MAPPING,
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Int(_) | Value::None => false,
        other => collection_flags(&type_of(other)) == MAPPING,
    }
}

/// `_Py_TPFLAGS_MATCH_SELF`: `case int(x)` binds the subject itself.
fn matches_self(t: &TypeObj) -> bool {
    matches!(
        layout_kind(t),
        TypeKind::Bool
            | TypeKind::ByteArray
            | TypeKind::Bytes
            | TypeKind::Dict
            | TypeKind::Float
            | TypeKind::FrozenSet
            | TypeKind::Int
            | TypeKind::List
            | TypeKind::Set
            | TypeKind::Str
            | TypeKind::Tuple
    )
}

fn corrupt() -> PyErr {
    PyErr::system_error("stack underflow (corrupt bytecode)")
}

impl Vm {
    /// Runs one pattern-matching instruction on the value stack of the current
    /// frame, whose operands start at `stack_base`.
    pub(crate) fn exec_match_op(
        &mut self,
        op: Opcode,
        arg: u32,
        stack_base: usize,
    ) -> PyResult<()> {
        let len = self.stack.len();
        let need = match op {
            Opcode::MatchMapping | Opcode::MatchSequence => 1,
            Opcode::MatchKeys => 2,
            _ => 3,
        };
        if len < stack_base + need {
            return Err(corrupt());
        }
        match op {
            Opcode::MatchMapping => {
                let subject = &self.stack[len - 1];
                let b = is_mapping(subject) || {
                    let s = subject.clone();
                    crate::abc_match::abc_flag(self, &s, crate::abc_match::Collection::Mapping)
                };
                self.stack.push(Value::Bool(b));
            }
            Opcode::MatchSequence => {
                let subject = &self.stack[len - 1];
                let b = is_sequence(subject) || {
                    let s = subject.clone();
                    crate::abc_match::abc_flag(self, &s, crate::abc_match::Collection::Sequence)
                };
                self.stack.push(Value::Bool(b));
            }
            Opcode::MatchKeys => {
                let subject = self.stack[len - 2].clone();
                let keys = self.stack[len - 1].clone();
                let r = self.match_keys(&subject, &keys)?;
                self.stack.push(r);
            }
            Opcode::MatchClass => {
                let names = self.stack.pop().unwrap_or_default();
                let typ = self.stack.pop().unwrap_or_default();
                let subject = self.stack[len - 3].clone();
                let r = self.match_class(&subject, &typ, arg as usize, &names)?;
                self.stack[len - 3] = r.unwrap_or(Value::None);
            }
            other => {
                return Err(PyErr::system_error(format!(
                    "{} is not a pattern-matching instruction",
                    other.name()
                )))
            }
        }
        Ok(())
    }

    /// `MATCH_KEYS`: the values of `keys` in the mapping `map` as a tuple, or
    /// `None` if one is missing. Looks keys up with `map.get(key, dummy)`, as
    /// CPython does, so `__missing__` of a dict subclass is never called.
    fn match_keys(&mut self, map: &Value, keys: &Value) -> PyResult<Value> {
        let Value::Tuple(keys) = keys else {
            return Err(PyErr::system_error("MATCH_KEYS expects a tuple of keys"));
        };
        if keys.is_empty() {
            return Ok(Value::Tuple(Rc::new(Vec::new())));
        }
        // An exact dict needs no method call; anything else goes through its
        // own `get`, with a fresh object as the default that marks a missing key.
        let (get, dummy) = match map {
            Value::Dict(_) => (None, Value::None),
            _ => {
                let get_name = self.intern("get");
                let get = self.load_method(map.clone(), &get_name)?;
                let dummy = Instance::new(builtin_type(TypeKind::Object), Value::Null);
                (Some(get), Value::Instance(Rc::new(dummy)))
            }
        };
        let mut seen = Dict::new();
        let mut values = Vec::with_capacity(keys.len());
        for key in keys.iter() {
            if seen.get(key)?.is_some() {
                let r = self.repr_of(key)?;
                return Err(PyErr::value_error(format!(
                    "mapping pattern checks duplicate key ({r})"
                )));
            }
            seen.insert(key.clone(), Value::None)?;
            let found = match (&get, map) {
                (None, Value::Dict(d)) => d.borrow().get(key)?.cloned(),
                (Some((meth, recv)), _) => {
                    let v = if meth.is_null() {
                        self.call(recv, &[key.clone(), dummy.clone()])?
                    } else {
                        self.call(meth, &[recv.clone(), key.clone(), dummy.clone()])?
                    };
                    (!v.is(&dummy)).then_some(v)
                }
                (None, _) => None,
            };
            match found {
                Some(v) => values.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::Tuple(Rc::new(values)))
    }

    /// `DICT_UPDATE` from a value that is not an exact dict (a `**rest`
    /// capture of a dict subclass, `{**m}` of a mapping): `PyDict_Update`,
    /// which copies a dict payload and otherwise calls `keys()` then `m[k]`.
    pub(crate) fn dict_update_from(
        &mut self,
        target: &Rc<RefCell<Dict>>,
        m: &Value,
    ) -> PyResult<()> {
        if let Some(d) = dict_payload(m) {
            // A subclass with its own `__iter__` is read through `keys()`,
            // as CPython's `dict_merge` takes the fast path only when
            // `tp_iter` is dict's.
            let own_iter = match m {
                Value::Instance(i) => crate::class::special(&i.class(), D::Iter).is_some(),
                _ => false,
            };
            if !own_iter {
                let d = d.clone();
                return self.dict_merge_entries(target, &d);
            }
        }
        // As `DICT_UPDATE` in ceval.c, any AttributeError means "not a mapping".
        self.update_by_keys(target, m).map_err(|e| {
            if e.is(ExcKind::AttributeError) {
                PyErr::type_error(format!("'{}' object is not a mapping", type_name(m)))
            } else {
                e
            }
        })
    }

    fn update_by_keys(&mut self, target: &Rc<RefCell<Dict>>, m: &Value) -> PyResult<()> {
        let keys_name = self.intern("keys");
        let (meth, recv) = self.load_method(m.clone(), &keys_name)?;
        let keys = if meth.is_null() {
            self.call(&recv, &[])?
        } else {
            self.call(&meth, &[recv])?
        };
        for k in self.collect(&keys)? {
            let v = self.getitem(m, &k)?;
            self.map_insert(target, k, v)?;
        }
        Ok(())
    }

    /// `isinstance(subject, cls)` as `PyObject_IsInstance`: an exact type
    /// match first, then the metaclass's `__instancecheck__`, then the MRO.
    fn pattern_isinstance(&mut self, subject: &Value, cls: &Rc<TypeObj>) -> PyResult<bool> {
        let t = type_of(subject);
        if Rc::ptr_eq(&t, cls) {
            return Ok(true);
        }
        let hook = self.meta_check(cls, subject, D::InstanceCheck)?;
        Ok(hook.unwrap_or_else(|| t.is_subtype(cls)))
    }

    /// `MATCH_CLASS`: the attributes the sub-patterns of `cls(...)` match
    /// against, positional ones (through `__match_args__`) then `kwargs`, or
    /// `None` when the subject is not an instance or lacks an attribute.
    fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        nargs: usize,
        kwargs: &Value,
    ) -> PyResult<Option<Value>> {
        let Value::Type(cls) = cls else {
            return Err(PyErr::type_error("called match pattern must be a type"));
        };
        let Value::Tuple(kwargs) = kwargs else {
            return Err(PyErr::system_error("MATCH_CLASS expects a tuple of names"));
        };
        if !self.pattern_isinstance(subject, cls)? {
            return Ok(None);
        }
        let mut seen: Vec<Rc<StrObj>> = Vec::new();
        let mut attrs = Vec::with_capacity(nargs + kwargs.len());
        if nargs > 0 {
            let name = self.intern("__match_args__");
            let (match_args, match_self) = match self.get_attr(&Value::Type(cls.clone()), &name) {
                Ok(Value::Tuple(t)) => (t, false),
                Ok(other) => {
                    return Err(PyErr::type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        cls.name,
                        type_name(&other)
                    )))
                }
                Err(e) if e.is(ExcKind::AttributeError) => (Rc::new(Vec::new()), matches_self(cls)),
                Err(e) => return Err(e),
            };
            let allowed = if match_self { 1 } else { match_args.len() };
            if allowed < nargs {
                let plural = if allowed == 1 { "" } else { "s" };
                return Err(PyErr::type_error(format!(
                    "{}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)",
                    cls.name
                )));
            }
            if match_self {
                attrs.push(subject.clone());
            } else {
                for name in match_args.iter().take(nargs) {
                    let Value::Str(name) = name else {
                        return Err(PyErr::type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            type_name(name)
                        )));
                    };
                    match self.match_class_attr(subject, cls, name, &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(None),
                    }
                }
            }
        }
        for name in kwargs.iter() {
            let Value::Str(name) = name else {
                return Err(PyErr::system_error(
                    "MATCH_CLASS expects str attribute names",
                ));
            };
            match self.match_class_attr(subject, cls, name, &mut seen)? {
                Some(v) => attrs.push(v),
                None => return Ok(None),
            }
        }
        Ok(Some(Value::Tuple(Rc::new(attrs))))
    }

    /// One attribute for a class pattern; `None` if the subject lacks it.
    fn match_class_attr(
        &mut self,
        subject: &Value,
        cls: &TypeObj,
        name: &Rc<StrObj>,
        seen: &mut Vec<Rc<StrObj>>,
    ) -> PyResult<Option<Value>> {
        if seen.iter().any(|s| s.as_str() == name.as_str()) {
            let r = pith_repr::str_repr(name.as_str());
            return Err(PyErr::type_error(format!(
                "{}() got multiple sub-patterns for attribute {r}",
                cls.name
            )));
        }
        seen.push(name.clone());
        match self.get_attr(subject, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is(ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// The dict a mapping subject holds: itself, or the payload of a dict subclass.
fn dict_payload(v: &Value) -> Option<&Rc<RefCell<Dict>>> {
    match v {
        Value::Dict(d) => Some(d),
        Value::Instance(i) => match i.payload() {
            Some(Value::Dict(d)) => Some(d),
            _ => None,
        },
        _ => None,
    }
}
