//! Operators and builtins on instances of Python classes, dispatched through
//! their special methods with CPython's rules (reflected operands tried first
//! for a subclass, `NotImplemented`, `__ne__` from `__eq__`, `__len__` truth,
//! `__getitem__` iteration...). Builtin values never come here: each protocol
//! checks [`is_heap_object`] first and keeps its fast path otherwise.

use std::cell::RefCell;
use std::rc::Rc;

use crate::attr::is_heap_object;
use crate::class::special;
use crate::descr::Descr;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, Function};
use crate::instance::payload_of;
use crate::names::D;
use crate::ops::{self, CmpOp};
use crate::types::{type_name, type_of, ExcKind, TypeKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

/// The value builtin operations see: the payload of a builtin-subclass instance.
/// Whether `t`'s builtin base takes `__ne__` from `object` (which negates
/// `__eq__`) rather than defining its own comparison.
fn inherits_object_ne(t: &Rc<TypeObj>) -> bool {
    let solid = t
        .heap
        .as_ref()
        .map_or_else(|| t.clone(), |h| h.solid.clone());
    matches!(
        solid.kind,
        TypeKind::Object | TypeKind::Exception(_) | TypeKind::Type
    )
}

fn unwrap(v: &Value) -> &Value {
    payload_of(v).unwrap_or(v)
}

fn op_symbol(op: u32) -> String {
    let sym = pith_bytecode::opcode::NB_OPS
        .get((op % ops::nb::INPLACE) as usize)
        .map_or("?", |&(_, s)| s);
    if op >= ops::nb::INPLACE {
        format!("{sym}=")
    } else if sym == "**" {
        "** or pow()".to_string()
    } else {
        sym.to_string()
    }
}

fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Eq => "==",
        CmpOp::Ne => "!=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
    }
}

fn reflected(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        o => o,
    }
}

fn is_proper_subtype(a: &Rc<TypeObj>, b: &Rc<TypeObj>) -> bool {
    !Rc::ptr_eq(a, b) && a.is_subtype(b)
}

/// What `abs()` of an instance comes to.
pub(crate) enum AbsOf {
    /// What its `__abs__` returned, whatever it is (`nb_absolute`'s result).
    Result(Value),
    /// The builtin value a subclass instance wraps, to take `abs` of.
    Payload(Value),
}

/// The message suffix of a RecursionError raised while comparing.
const IN_COMPARISON: &str = " in comparison";

/// Calls `f` with `recv` followed by `args`, on the stack for the usual
/// one or two arguments of a special method.
fn with_receiver<R>(recv: Value, args: &[Value], f: impl FnOnce(&[Value]) -> R) -> R {
    match args {
        [] => f(&[recv]),
        [a] => f(&[recv, a.clone()]),
        [a, b] => f(&[recv, a.clone(), b.clone()]),
        _ => {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(recv);
            all.extend_from_slice(args);
            f(&all)
        }
    }
}

impl Vm {
    /// Calls a special method found on a class with `obj` as `self`.
    pub(crate) fn call_special(
        &mut self,
        f: &Value,
        obj: &Value,
        args: &[Value],
    ) -> PyResult<Value> {
        match f {
            Value::Function(func) => self.call_function(func, Some(obj), args, &[], &[]),
            Value::Descr(d) => match &**d {
                Descr::StaticMethod(g, _) => self.call(g, args),
                Descr::ClassMethod(g, _) => {
                    let mut all = vec![Value::Type(type_of(obj))];
                    all.extend_from_slice(args);
                    self.call(g, &all)
                }
                // A property or other descriptor: what its `__get__` gives.
                _ => {
                    let bound = self.bind_attr(f.clone(), obj, &type_of(obj))?;
                    self.call(&bound, args)
                }
            },
            // A method written in Rust (a native class's `__next__`): called
            // with the receiver directly, no bound-method object.
            Value::Builtin(def) if def.is_method && def.owner.contains('.') => {
                with_receiver(obj.clone(), args, |all| {
                    (def.func)(self, crate::func::Args::positional(all))
                })
            }
            // `lookup_maybe_method`: a slot wrapper is a method descriptor,
            // called unbound, so a foreign class's wrapper (`__eq__ =
            // str.__eq__` in an `int` subclass) fails on its receiver check.
            Value::Builtin(def) if def.is_method && def.owner.starts_with("builtin:") => {
                with_receiver(obj.clone(), args, |all| {
                    crate::native::call_builtin(self, def, crate::func::Args::positional(all))
                })
            }
            // Any other method of a builtin or native class: what binding it
            // and calling the bound method does (`bind_attr`'s receiver check
            // and receiver, then the function), without the bound object.
            Value::Builtin(def)
                if def.is_method
                    && !matches!(obj, Value::None)
                    && !crate::methods::is_classmethod(def)
                    && !crate::native::is_new(def.name) =>
            {
                crate::native::check_slot_binding(def, obj)?;
                let recv = crate::attr::receiver_for(obj, def);
                with_receiver(recv, args, |all| {
                    (def.func)(self, crate::func::Args::positional(all))
                })
            }
            other => {
                let t = type_of(obj);
                let bound = self.bind_attr(other.clone(), obj, &t)?;
                self.call(&bound, args)
            }
        }
    }

    /// Calls special method `d` of `obj` if its class defines one in Python.
    pub(crate) fn try_special(
        &mut self,
        obj: &Value,
        d: D,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        match special(&type_of(obj), d) {
            // A special method set to `None` still fills its slot in
            // CPython, and the slot function calls it: `__len__ = None`
            // makes `len()` fail with "'NoneType' object is not callable".
            // (`__contains__ = None` is checked by its callers first.)
            Some(Value::None) if d == D::Contains => Ok(None),
            Some(f) => self.call_special(&f, obj, args).map(Some),
            None => Ok(None),
        }
    }

    /// `a <op> b` for `BINARY_OP` (in-place forms included).
    pub fn binary_op(&mut self, op: u32, a: &Value, b: &Value) -> PyResult<Value> {
        if op % ops::nb::INPLACE == ops::nb::OR
            && (crate::mappingproxy::target(a).is_some()
                || crate::mappingproxy::target(b).is_some())
        {
            return crate::mappingproxy::or(self, op, a, b);
        }
        if !binop_by_methods(op, a) && !binop_by_methods(op, b) {
            if op % ops::nb::INPLACE == ops::nb::OR
                && matches!(
                    (a, b),
                    (Value::Type(_), Value::Type(_) | Value::None) | (Value::None, Value::Type(_))
                )
            {
                if let Some(u) = crate::union::union_or(self, a, b) {
                    return u;
                }
            }
            if crate::seq_eq::sets_with_objects(a, b) {
                return self.set_binop_eq(op, a, b);
            }
            if let Some(args) = self.bytes_percent_args(op, a, b)? {
                return ops::binary_op(op, a, &args);
            }
            if let (ops::nb::REMAINDER, Value::Str(f)) = (op % ops::nb::INPLACE, a) {
                if holds_objects(b) {
                    let args = self.percent_args(f.as_str(), b, false)?;
                    return ops::binary_op(op, &repr_shown_as_str(a, f.as_str()), &args);
                }
            }
            if let Some(r) = self.list_inplace_concat(op, a, b)? {
                return Ok(r);
            }
            if let Some(r) = self.dict_or(op, a, b)? {
                return Ok(r);
            }
            if let Some(r) = self.view_setop(op, a, b)? {
                return Ok(r);
            }
            if let Some((x, y)) = self.view_operands(op, a, b)? {
                return ops::binary_op(op, &x, &y);
            }
            return ops::binary_op(op, a, b);
        }
        let (fwd, refl, inplace) = D::binary(op);
        if op >= ops::nb::INPLACE {
            // A method set to `None` is called too, as CPython's slot does,
            // and fails: `__iadd__ = None` blocks the fallback to `__add__`.
            if let Some(f) = special(&type_of(a), inplace) {
                let r = self.call_special(&f, a, std::slice::from_ref(b))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        let ta = type_of(a);
        let tb = type_of(b);
        let fa = special(&ta, fwd);
        let fb = if Rc::ptr_eq(&ta, &tb) {
            None
        } else {
            special(&tb, refl)
        };
        let mut tried_b = false;
        if let Some(f) = &fb {
            // `method_is_overloaded`: the subclass goes first only when its
            // reflected method is not the one the left operand's class has.
            let overloaded = || special(&ta, refl).map_or(true, |own| !own.is(f));
            if is_proper_subtype(&tb, &ta) && overloaded() {
                tried_b = true;
                let r = self.call_special(f, b, std::slice::from_ref(a))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        // Methods set to `None` are called and fail, as in CPython.
        if let Some(f) = &fa {
            let r = self.call_special(f, a, std::slice::from_ref(b))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        self.binary_op_after_forward(op, a, b, fb.filter(|_| !tried_b))
    }

    /// What `a <op> b` tries once the left operand's method (if any) gave
    /// `NotImplemented`: `str %`, the right operand's reflected method
    /// `reflected` (unless already tried), the builtin payloads, and else
    /// CPython's `TypeError`.
    pub(crate) fn binary_op_after_forward(
        &mut self,
        op: u32,
        a: &Value,
        b: &Value,
        reflected: Option<Value>,
    ) -> PyResult<Value> {
        // `str % x` is str's own `nb_remainder`, tried before the right
        // operand's `__rmod__` (unless that operand's class is a subclass
        // of str, tried above), and its errors are final.
        if let (ops::nb::REMAINDER, Value::Str(f)) = (op % ops::nb::INPLACE, a) {
            let args = self.percent_args(f.as_str(), b, false)?;
            return ops::binary_op(op, &repr_shown_as_str(a, f.as_str()), &args);
        }
        if let Some(args) = self.bytes_percent_args(op, a, b)? {
            return ops::binary_op(op, a, &args);
        }
        if let Some(f) = &reflected {
            let r = self.call_special(f, b, std::slice::from_ref(a))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        let (pa, pb) = (unwrap(a), unwrap(b));
        if !is_heap_object(pa) && !is_heap_object(pb) {
            if let Ok(r) = ops::binary_op(op, pa, pb) {
                if op >= ops::nb::INPLACE {
                    return Ok(crate::instance::inplace_result(a.clone(), r));
                }
                return Ok(r);
            }
        }
        if op % ops::nb::INPLACE == ops::nb::ADD
            && matches!(pa, Value::Bytes(_) | Value::ByteArray(_))
            && is_heap_object(pb)
        {
            // Any object exporting a buffer concatenates to bytes and
            // bytearray (`bytearray += array.array(...)`), as `bytes_concat`.
            if let Some(data) = crate::buffer::exported_bytes(pb) {
                let r = ops::binary_op(op, pa, &Value::Bytes(Rc::new(data?)))?;
                if op >= ops::nb::INPLACE {
                    return Ok(crate::instance::inplace_result(a.clone(), r));
                }
                return Ok(r);
            }
        }
        if op % ops::nb::INPLACE == ops::nb::MULTIPLY {
            if let Some(r) = self.repeat_by_index(op, a, b)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.list_inplace_concat(op, a, b)? {
            return Ok(r);
        }
        Err(PyErr::type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'{}",
            op_symbol(op),
            type_name(a),
            type_name(b),
            ops::print_hint(op, a)
        )))
    }

    /// `list += iterable`: list's `sq_inplace_concat` is `extend`, tried
    /// after the number methods of both operands.
    fn list_inplace_concat(&mut self, op: u32, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let Value::List(l) = a else {
            return Ok(None);
        };
        if op != ops::nb::INPLACE + ops::nb::ADD || matches!(b, Value::List(_)) {
            return Ok(None);
        }
        let items = self.collect(b)?;
        l.borrow_mut().extend(items);
        Ok(Some(a.clone()))
    }

    /// `pow(base, exp, m)` when an operand is an instance of a Python class:
    /// `base.__pow__(exp, m)` (three-argument power never tries `__rpow__`).
    /// `None`: all three are builtin values, for the builtin arithmetic.
    /// `dict | dict` and `dict |= x` when they need the VM
    /// ([`dict_or_needs_vm`]): CPython's `dict_or` and `dict_ior`.
    fn dict_or(&mut self, op: u32, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if op % ops::nb::INPLACE != ops::nb::OR {
            return Ok(None);
        }
        match (a, b) {
            (Value::Dict(x), _) if op >= ops::nb::INPLACE => {
                crate::methods::dict_merge_from(self, x, b)?;
                Ok(Some(a.clone()))
            }
            (Value::Dict(x), Value::Dict(y)) => {
                // Made as any dict is, so the cycle collector sees it.
                let copy = Value::dict(x.borrow().clone());
                if let Value::Dict(c) = &copy {
                    self.dict_merge_entries(c, y)?;
                }
                Ok(Some(copy))
            }
            _ => Ok(None),
        }
    }

    pub(crate) fn ternary_pow(
        &mut self,
        base: &Value,
        exp: &Value,
        m: &Value,
    ) -> PyResult<Option<Value>> {
        if !is_heap_object(base) && !is_heap_object(exp) && !is_heap_object(m) {
            return Ok(None);
        }
        if let Some(f) = special(&type_of(base), D::Pow) {
            if !matches!(f, Value::None) {
                let r = self.call_special(&f, base, &[exp.clone(), m.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            }
        }
        let (pb, pe, pm) = (unwrap(base), unwrap(exp), unwrap(m));
        if !is_heap_object(pb) && !is_heap_object(pe) && !is_heap_object(pm) {
            return Ok(None);
        }
        Err(PyErr::type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            type_name(base),
            type_name(exp),
            type_name(m)
        )))
    }

    /// `seq * n` (or `n * seq`) where `n` is an instance of a Python class:
    /// its `__index__` gives the count (`sequence_repeat`); without one,
    /// CPython's "can't multiply sequence" error. `None`: not a repetition.
    fn repeat_by_index(&mut self, op: u32, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let is_seq = |v: &Value| {
            matches!(
                v,
                Value::Str(_)
                    | Value::List(_)
                    | Value::Tuple(_)
                    | Value::Bytes(_)
                    | Value::ByteArray(_)
            )
        };
        let (seq, n, seq_first) = match (unwrap(a), unwrap(b)) {
            (s, _) if is_seq(s) && is_heap_object(b) => (s, b, true),
            (_, s) if is_seq(s) && is_heap_object(a) => (s, a, false),
            _ => return Ok(None),
        };
        if special(&type_of(n), D::Index).is_none() {
            return Err(PyErr::type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                type_name(n)
            )));
        }
        // `PyNumber_AsSsize_t(n, PyExc_OverflowError)` names the object's
        // class when its `__index__` gives an int past `Py_ssize_t`.
        let count = match crate::enumerate::index_int(self, n)? {
            Value::BigInt(_) => {
                return Err(PyErr::overflow(format!(
                    "cannot fit '{}' into an index-sized integer",
                    type_name(n)
                )))
            }
            i => i,
        };
        let r = if seq_first {
            ops::binary_op(op, seq, &count)
        } else {
            ops::binary_op(op, &count, seq)
        };
        r.map(Some)
    }

    /// `type(v).name(v)` when `v`'s class is a Python class whose MRO defines
    /// `name` (for the special methods without a `D` slot: `__complex__`,
    /// `__bytes__`, `__floor__`...). `None`: not defined.
    pub(crate) fn call_named_special(&mut self, v: &Value, name: &str) -> PyResult<Option<Value>> {
        if !is_heap_object(v) {
            return Ok(None);
        }
        let t = type_of(v);
        let key = self.intern(name);
        match crate::class::lookup(&t, &key) {
            Some(f) => {
                let bound = self.bind_attr(f, v, &t)?;
                self.call(&bound, &[]).map(Some)
            }
            None => Ok(None),
        }
    }

    /// `cell_richcompare`: two full cells compare their contents; otherwise
    /// an empty cell orders before a full one.
    fn cell_compare(
        &mut self,
        op: CmpOp,
        a: &std::cell::RefCell<Value>,
        b: &std::cell::RefCell<Value>,
    ) -> PyResult<Value> {
        let (x, y) = (a.borrow().clone(), b.borrow().clone());
        match (&x, &y) {
            (Value::Null, _) | (_, Value::Null) => {
                let full = |v: &Value| !matches!(v, Value::Null);
                Ok(Value::Bool(op.test(full(&x).cmp(&full(&y)))))
            }
            _ => self.rich_compare(op, &x, &y),
        }
    }

    /// A rich comparison, returning whatever the special method returns.
    pub fn rich_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let (Value::Cell(x), Value::Cell(y)) = (a, b) {
            return self.cell_compare(op, x, y);
        }
        // `mappingproxy_richcompare` compares the mapping it shows; no
        // class derives from `mappingproxy`, so it answers before the other
        // operand's reflected method.
        if let Some(m) = crate::mappingproxy::target(a) {
            return self.rich_compare(op, &m, b);
        }
        if !compares_by_methods(a) {
            if let Some(m) = crate::mappingproxy::target(b) {
                return self.rich_compare(reflected(op), &m, a);
            }
        }
        if !compares_by_methods(a) && !compares_by_methods(b) {
            return self.compare_bool(op, a, b).map(Value::Bool);
        }
        let ta = type_of(a);
        let tb = type_of(b);
        let rop = reflected(op);
        let mut tried_b = false;
        if !Rc::ptr_eq(&ta, &tb) && is_proper_subtype(&tb, &ta) {
            if let Some((f, negate)) = self.compare_method(&tb, rop) {
                tried_b = true;
                let r = self.call_compare(&f, negate, b, a)?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Some((f, negate)) = self.compare_method(&ta, op) {
            let r = self.call_compare(&f, negate, a, b)?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        self.rich_compare_after_forward(op, a, b, tried_b)
    }

    /// What `a <op> b` tries once the left operand's method (if any) gave
    /// `NotImplemented`: the right operand's reflected method (unless
    /// `tried_b`), then the builtin fallbacks (identity for `==` and `!=`,
    /// else CPython's `TypeError`).
    pub(crate) fn rich_compare_after_forward(
        &mut self,
        op: CmpOp,
        a: &Value,
        b: &Value,
        tried_b: bool,
    ) -> PyResult<Value> {
        let rop = reflected(op);
        if !tried_b {
            let tb = type_of(b);
            if let Some((f, negate)) = self.compare_method(&tb, rop) {
                let r = self.call_compare(&f, negate, b, a)?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(m) = crate::mappingproxy::target(b) {
            return self.rich_compare(rop, &m, a);
        }
        if let (CmpOp::Eq | CmpOp::Ne, Value::MemoryView(m), o)
        | (CmpOp::Eq | CmpOp::Ne, o, Value::MemoryView(m)) = (op, a, b)
        {
            // `memory_richcompare` answers for any exporter, as an array.
            if let Some(eq) = crate::methods::memoryview::equal(m, o) {
                return Ok(Value::Bool(eq == (op == CmpOp::Eq)));
            }
        }
        let (pa, pb) = (unwrap(a), unwrap(b));
        if !is_heap_object(pa) && !is_heap_object(pb) {
            // Payloads holding instances compare their items through the
            // VM (a list subclass of tuple subclasses: `lru_cache` keys).
            let (same_seq, dicts) = (
                matches!(
                    (pa, pb),
                    (Value::List(_), Value::List(_)) | (Value::Tuple(_), Value::Tuple(_))
                ),
                matches!((pa, pb), (Value::Dict(_), Value::Dict(_))),
            );
            if same_seq || (dicts && matches!(op, CmpOp::Eq | CmpOp::Ne)) {
                return self.compare_bool(op, pa, pb).map(Value::Bool);
            }
            if let Ok(r) = ops::compare(op, pa, pb) {
                return Ok(Value::Bool(r));
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                cmp_symbol(op),
                type_name(a),
                type_name(b)
            ))),
        }
    }

    /// The comparison method for `op`; `__ne__` falls back to the inverse of
    /// `__eq__` only where `object.__ne__` is what the MRO finds: a subclass of
    /// `str`, `list`, `int`... inherits its builtin base's own `__ne__`, which
    /// compares the builtin values.
    fn compare_method(&mut self, t: &Rc<TypeObj>, op: CmpOp) -> Option<(Value, bool)> {
        // `__eq__ = None` is no "not defined": `slot_tp_richcompare` calls
        // it, and calling `None` raises (`test_binop`'s fallback blocking).
        match special(t, D::compare(op)) {
            Some(f) => Some((f, false)),
            None if op == CmpOp::Ne && inherits_object_ne(t) => {
                special(t, D::Eq).map(|f| (f, true))
            }
            None => None,
        }
    }

    /// Calls the comparison method `f` as `a.f(b)`; `negate` (an `__ne__`
    /// answered by `__eq__`) inverts a result other than `NotImplemented`.
    fn call_compare(&mut self, f: &Value, negate: bool, a: &Value, b: &Value) -> PyResult<Value> {
        let r = match f {
            // `slot_tp_richcompare`: a descriptor whose `__get__` fails is a
            // method not found, so the comparison is `NotImplemented`.
            d @ (Value::Descr(_) | Value::Instance(_)) => {
                match self.bind_attr(d.clone(), a, &type_of(a)) {
                    Ok(bound) => self.call(&bound, std::slice::from_ref(b))?,
                    Err(_) => return Ok(Value::NotImplemented),
                }
            }
            _ => self.call_special(f, a, std::slice::from_ref(b))?,
        };
        if negate && !matches!(r, Value::NotImplemented) {
            return Ok(Value::Bool(!self.truthy(&r)?));
        }
        Ok(r)
    }

    /// For `bytes % args` (and `bytearray`): the arguments with what the
    /// formatter cannot read itself (`__bytes__`, buffers, `__index__`...)
    /// converted, as `percent_args` does for `str`.
    fn bytes_percent_args(&mut self, op: u32, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if op % ops::nb::INPLACE != ops::nb::REMAINDER {
            return Ok(None);
        }
        // Values the bytes formatter reads itself need no pass.
        let plain = |v: &Value| {
            matches!(
                v,
                Value::Bytes(_)
                    | Value::ByteArray(_)
                    | Value::Int(_)
                    | Value::BigInt(_)
                    | Value::Bool(_)
                    | Value::Float(_)
                    | Value::Str(_)
                    | Value::None
            )
        };
        let all_plain = match b {
            Value::Tuple(items) => items.iter().all(plain),
            Value::Dict(d) => d.borrow().iter().all(|(_, v)| plain(v)),
            other => plain(other),
        };
        if all_plain {
            return Ok(None);
        }
        let fmt: String = match a {
            Value::Bytes(f) => f.iter().map(|&c| char::from(c)).collect(),
            Value::ByteArray(f) => f.borrow().iter().map(|&c| char::from(c)).collect(),
            _ => return Ok(None),
        };
        self.percent_args(&fmt, b, true).map(Some)
    }

    /// The arguments of `fmt % args` with instances replaced by what their
    /// conversion needs (`str()` for `%s`, `repr()` for `%r`, an int for `%d`...).
    fn percent_args(&mut self, fmt: &str, args: &Value, bytes: bool) -> PyResult<Value> {
        let convs = percent_conversions(fmt);
        // An instance of a tuple subclass (a namedtuple) supplies its items.
        let args = match payload_of(args) {
            Some(p @ Value::Tuple(_)) => p,
            _ => args,
        };
        match args {
            Value::Tuple(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, v) in items.iter().enumerate() {
                    let c = convs.get(i).map_or('s', |c| c.1);
                    out.push(self.percent_arg(c, v, bytes)?);
                }
                Ok(Value::tuple(out))
            }
            Value::Dict(_) if !convs.is_empty() && convs.iter().all(|(k, _)| k.is_none()) => {
                // No `%(key)` directive: the dict is the one argument itself.
                self.percent_arg(convs[0].1, args, bytes)
            }
            Value::Dict(d) => {
                let mut nd = d.borrow().clone();
                for (key, c) in convs
                    .iter()
                    .filter_map(|(k, c)| k.as_ref().map(|k| (k, *c)))
                {
                    let k = percent_key(key, bytes);
                    let found = d.borrow().get(&k)?.cloned();
                    if let Some(v) = found {
                        let conv = self.percent_arg(c, &v, bytes)?;
                        nd.insert(shown_key(k, key, c, bytes), conv)?;
                    }
                }
                Ok(Value::Dict(Rc::new(std::cell::RefCell::new(nd))))
            }
            // Any other mapping (`PyMapping_Check`: a class with
            // `__getitem__`, a `ChainMap`, even a list) is looked up key by
            // key; its values go to the formatter in a dict. A format with
            // no directive at all takes it too (a mapping argument is never
            // "not converted").
            other
                if !matches!(other, Value::Str(_) | Value::Bytes(_))
                    && payload_of(other)
                        .map_or(true, |p| !matches!(p, Value::Str(_) | Value::Bytes(_)))
                    && (convs.is_empty() || convs.iter().any(|(k, _)| k.is_some()))
                    && crate::exec::is_mapping(self, other) =>
            {
                let mut nd = crate::dict::Dict::new();
                for (key, c) in convs
                    .iter()
                    .filter_map(|(k, c)| k.as_ref().map(|k| (k, *c)))
                {
                    let k = percent_key(key, bytes);
                    let v = self.getitem(other, &k)?;
                    let conv = self.percent_arg(c, &v, bytes)?;
                    nd.insert(shown_key(k, key, c, bytes), conv)?;
                }
                Ok(Value::Dict(Rc::new(std::cell::RefCell::new(nd))))
            }
            other => {
                let c = convs.first().map_or('s', |c| c.1);
                self.percent_arg(c, other, bytes)
            }
        }
    }

    fn percent_arg(&mut self, conv: char, v: &Value, bytes: bool) -> PyResult<Value> {
        if bytes {
            return match conv {
                's' | 'b' => self.percent_bytes_arg(v),
                // The bytes formatter shows reprs itself.
                'r' | 'a' => Ok(v.clone()),
                _ => self.percent_arg(conv, v, false),
            };
        }
        if matches!(conv, 'r' | 'a') {
            // Shown by a `%s` in the rewritten format (`repr_shown_as_str`).
            let r = self.repr_of(v)?;
            return Ok(Value::string(if conv == 'a' {
                crate::builtins::ascii_of(&r)
            } else {
                r
            }));
        }
        if is_container(v) {
            // `"%s" % [obj]` shows the items' own `__repr__`.
            return Ok(match conv {
                's' => Value::string(self.str_of(v)?),
                _ => v.clone(),
            });
        }
        if !shown_by_methods(v) {
            return Ok(v.clone());
        }
        Ok(match conv {
            's' => Value::string(self.str_of(v)?),
            'r' => Value::string(self.repr_of(v)?),
            'a' => Value::string(crate::builtins::ascii_of(&self.repr_of(v)?)),
            // `%x`, `%X`, `%o` and `%c` take only `__index__` (`PyNumber_Index`);
            // without it the formatter names the type in its TypeError.
            'x' | 'X' | 'o' | 'c' => match self.try_special(v, D::Index, &[])? {
                Some(x) => x,
                None => match payload_of(v) {
                    Some(p @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => p.clone(),
                    _ => v.clone(),
                },
            },
            'd' | 'i' | 'u' => match self.convert_arg(TypeKind::Int, v)? {
                Some(x) => x,
                None => v.clone(),
            },
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => match self.convert_arg(TypeKind::Float, v)? {
                Some(x) => x,
                None => v.clone(),
            },
            _ => v.clone(),
        })
    }

    /// The argument of a bytes format's `%b`/`%s` as `format_obj` takes it:
    /// bytes as they are, what `__bytes__` returns, a buffer's bytes; other
    /// values are left to the formatter's TypeError.
    fn percent_bytes_arg(&mut self, v: &Value) -> PyResult<Value> {
        if matches!(v, Value::Bytes(_)) {
            return Ok(v.clone());
        }
        if let Some(r) = crate::bytes_new::call_dunder_bytes(self, v)? {
            return Ok(r);
        }
        match crate::buffer::exported_bytes(v) {
            Some(b) => Ok(Value::Bytes(Rc::new(b?))),
            None => Ok(v.clone()),
        }
    }

    /// A comparison as a bool (`sorted`, `min`, `in`).
    pub fn compare_bool(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Value::Cell(x), Value::Cell(y)) = (a, b) {
            let r = self.cell_compare(op, x, y)?;
            return self.truthy(&r);
        }
        if crate::mappingproxy::target(a).is_some() || crate::mappingproxy::target(b).is_some() {
            let r = self.rich_compare(op, a, b)?;
            return self.truthy(&r);
        }
        if !compares_by_methods(a) && !compares_by_methods(b) {
            // Containers compare their items through the VM: each level
            // counts against the recursion limit, as `Py_EnterRecursiveCall`
            // in `PyObject_RichCompare` does, so a dict holding itself fails
            // with RecursionError rather than exhausting the Rust stack.
            if let Some((x, y)) = seq_items_with_objects(a, b) {
                if let (Value::List(l), Value::List(r)) = (a, b) {
                    return self.counted_c_call(IN_COMPARISON, |vm| vm.list_compare(op, l, r));
                }
                return self.counted_c_call(IN_COMPARISON, |vm| vm.seq_compare(op, &x, &y));
            }
            if let (Value::Dict(x), Value::Dict(y), CmpOp::Eq | CmpOp::Ne) = (a, b, op) {
                let eq = self.counted_c_call(IN_COMPARISON, |vm| vm.dict_eq(x, y))?;
                return Ok(eq == matches!(op, CmpOp::Eq));
            }
            if crate::seq_eq::sets_with_objects(a, b) {
                return self.counted_c_call(IN_COMPARISON, |vm| vm.set_compare_eq(op, a, b));
            }
            if crate::seq_eq::is_view_comparison(a, b) {
                return self.counted_c_call(IN_COMPARISON, |vm| vm.view_compare(op, a, b));
            }
            return ops::compare(op, a, b);
        }
        let r = self.rich_compare(op, a, b)?;
        self.truthy(&r)
    }

    /// Lexicographic comparison of list or tuple items through `__eq__` and `op`.
    fn seq_compare(&mut self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
        for (p, q) in x.iter().zip(y) {
            if !self.eq_values(p, q)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::Ne => Ok(true),
                    _ => self.compare_bool(op, p, q),
                };
            }
        }
        Ok(match op {
            CmpOp::Lt => x.len() < y.len(),
            CmpOp::Le => x.len() <= y.len(),
            CmpOp::Eq => x.len() == y.len(),
            CmpOp::Ne => x.len() != y.len(),
            CmpOp::Gt => x.len() > y.len(),
            CmpOp::Ge => x.len() >= y.len(),
        })
    }

    /// The operands of a set operation with a keys or items view when the
    /// other is any iterable (an iterator, a range, a str): that one read
    /// into a list, which the view operation takes as a set, as
    /// `dictviews_and` and friends build a set from it.
    fn view_operands(&mut self, op: u32, a: &Value, b: &Value) -> PyResult<Option<(Value, Value)>> {
        use crate::iter::DictPart;
        let base = op % ops::nb::INPLACE;
        if !matches!(
            base,
            ops::nb::OR | ops::nb::AND | ops::nb::XOR | ops::nb::SUBTRACT
        ) {
            return Ok(None);
        }
        let set_view = |v: &Value| matches!(v, Value::DictView(d) if d.1 != DictPart::Values);
        // A values view is no set: it is read as any other iterable.
        let handled = |v: &Value| {
            set_view(v)
                || matches!(
                    v,
                    Value::Set(_)
                        | Value::FrozenSet(_)
                        | Value::List(_)
                        | Value::Tuple(_)
                        | Value::Dict(_)
                )
        };
        if set_view(a) && !handled(b) {
            let other = Value::list(self.collect(b)?);
            return Ok(Some((a.clone(), other)));
        }
        if set_view(b) && !handled(a) {
            let other = Value::list(self.collect(a)?);
            return Ok(Some((other, b.clone())));
        }
        Ok(None)
    }

    /// `list_richcompare`: the lists are read as they are while the items'
    /// `__eq__` run (one may shrink either list), and the sizes decide once
    /// either list has no item left at the first difference.
    fn list_compare(
        &mut self,
        op: CmpOp,
        x: &Rc<RefCell<Vec<Value>>>,
        y: &Rc<RefCell<Vec<Value>>>,
    ) -> PyResult<bool> {
        let sizes = |x: &Rc<RefCell<Vec<Value>>>, y: &Rc<RefCell<Vec<Value>>>| {
            (x.borrow().len(), y.borrow().len())
        };
        let (lx, ly) = sizes(x, y);
        if lx != ly && matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Ok(op == CmpOp::Ne);
        }
        let pair = |i: usize| -> Option<(Value, Value)> {
            Some((x.borrow().get(i)?.clone(), y.borrow().get(i)?.clone()))
        };
        let mut i = 0;
        while let Some((p, q)) = pair(i) {
            if !self.eq_values(&p, &q)? {
                break;
            }
            i += 1;
        }
        let (lx, ly) = sizes(x, y);
        if i >= lx || i >= ly {
            return Ok(match op {
                CmpOp::Lt => lx < ly,
                CmpOp::Le => lx <= ly,
                CmpOp::Eq => lx == ly,
                CmpOp::Ne => lx != ly,
                CmpOp::Gt => lx > ly,
                CmpOp::Ge => lx >= ly,
            });
        }
        match op {
            CmpOp::Eq => Ok(false),
            CmpOp::Ne => Ok(true),
            _ => match pair(i) {
                Some((p, q)) => self.compare_bool(op, &p, &q),
                None => Ok(false),
            },
        }
    }

    /// `a == b` as Python computes it for containers (identity first).
    pub fn eq_values(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        if !is_heap_object(a)
            && !is_heap_object(b)
            && !matches!(
                a,
                Value::List(_)
                    | Value::Tuple(_)
                    | Value::Dict(_)
                    | Value::Set(_)
                    | Value::FrozenSet(_)
            )
            && !compares_by_methods(a)
            && !compares_by_methods(b)
        {
            return Ok(ops::eq(a, b));
        }
        self.compare_bool(CmpOp::Eq, a, b)
    }

    /// Unary `-`, `+`, `~` (`op` is the operator character).
    pub fn unary_op(&mut self, op: char, v: &Value) -> PyResult<Value> {
        if !is_heap_object(v) {
            return ops::unary(op, v);
        }
        let d = match op {
            '-' => D::Neg,
            '+' => D::Pos,
            _ => D::Invert,
        };
        if let Some(r) = self.try_special(v, d, &[])? {
            return Ok(r);
        }
        if let Some(p) = payload_of(v) {
            return ops::unary(op, p);
        }
        Err(PyErr::type_error(format!(
            "bad operand type for unary {}: '{}'",
            op,
            type_name(v)
        )))
    }

    /// `abs(v)` for instances.
    pub(crate) fn abs_special(&mut self, v: &Value) -> PyResult<Option<AbsOf>> {
        if !is_heap_object(v) {
            return Ok(None);
        }
        if let Some(r) = self.try_special(v, D::Abs, &[])? {
            return Ok(Some(AbsOf::Result(r)));
        }
        Ok(payload_of(v).cloned().map(AbsOf::Payload))
    }

    /// Truth of an instance: `__bool__`, then `__len__`.
    pub(crate) fn truthy_special(&mut self, v: &Value) -> PyResult<bool> {
        // `__bool__ = None` blocks truth testing (`slot_nb_bool` calls it).
        if let Some(Value::None) = special(&type_of(v), D::Bool) {
            return Err(PyErr::type_error("'NoneType' object is not callable"));
        }
        if let Some(r) = self.try_special(v, D::Bool, &[])? {
            return match r {
                Value::Bool(b) => Ok(b),
                other => Err(PyErr::type_error(format!(
                    "__bool__ should return bool, returned {}",
                    type_name(&other)
                ))),
            };
        }
        if special(&type_of(v), D::Len).is_some() {
            return Ok(self.len_of(v)? != 0);
        }
        match payload_of(v) {
            Some(p) => Ok(ops::truthy(p)),
            None => Ok(true),
        }
    }

    /// `len()` of an instance.
    pub(crate) fn len_special(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(r) = self.try_special(v, D::Len, &[])? {
            return self.len_result(&r);
        }
        if let Some(p) = payload_of(v) {
            let p = p.clone();
            return self.len_of(&p);
        }
        Err(PyErr::type_error(format!(
            "object of type '{}' has no len()",
            type_name(v)
        )))
    }

    /// The length a `__len__` that returned `r` gives (`slot_sq_length`:
    /// an index, the sign checked before the size).
    pub(crate) fn len_result(&mut self, r: &Value) -> PyResult<usize> {
        if let Value::BigInt(b) = r {
            return Err(if b.sign() == num_bigint::Sign::Minus {
                PyErr::value_error("__len__() should return >= 0")
            } else {
                PyErr::overflow("cannot fit 'int' into an index-sized integer")
            });
        }
        let n = self.index_value(r)?;
        usize::try_from(n).map_err(|_| PyErr::value_error("__len__() should return >= 0"))
    }

    /// `PyNumber_Index`'s warning for an `__index__` that returned an
    /// instance of a strict subclass of int (a bool, an int subclass).
    pub(crate) fn warn_index_subclass(&mut self, r: &Value) -> PyResult<()> {
        let strict_subclass = match r {
            Value::Bool(_) => true,
            Value::Instance(_) => matches!(
                payload_of(r),
                Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
            ),
            _ => false,
        };
        if strict_subclass {
            self.warn(
                ExcKind::DeprecationWarning,
                &format!(
                    "__index__ returned non-int (type {}).  The ability to return an instance \
                     of a strict subclass of int is deprecated, and may be removed in a \
                     future version of Python.",
                    type_name(r)
                ),
            )?;
        }
        Ok(())
    }

    /// `operator.index(v)`.
    pub fn index_value(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(i) = ops::index_of(v) {
            return Ok(i);
        }
        if is_heap_object(v) {
            // `PyNumber_Index`: an int subclass is its number, whatever its
            // `__index__` says.
            if let Some(i) = payload_of(v).and_then(ops::index_of) {
                return Ok(i);
            }
            if let Some(r) = self.try_special(v, D::Index, &[])? {
                self.warn_index_subclass(&r)?;
                return ops::index_of(&r).ok_or_else(|| {
                    PyErr::type_error(format!(
                        "__index__ returned non-int (type {})",
                        type_name(&r)
                    ))
                });
            }
        }
        if matches!(v, Value::BigInt(_)) {
            return Err(PyErr::overflow(
                "cannot fit 'int' into an index-sized integer",
            ));
        }
        Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        )))
    }

    /// `iter()` of an instance: `__iter__`, else the `__getitem__` protocol.
    pub(crate) fn iter_special(&mut self, v: &Value) -> PyResult<Value> {
        let t = type_of(v);
        match special(&t, D::Iter) {
            Some(Value::None) => {}
            Some(f) => {
                let it = self.call_special(&f, v, &[])?;
                let ok = match &it {
                    Value::Iter(_) | Value::Generator(_) => true,
                    Value::Instance(i) => {
                        special(&i.class(), D::Next).is_some()
                            || matches!(payload_of(&it), Some(Value::Iter(_)))
                    }
                    _ => false,
                };
                if !ok {
                    return Err(PyErr::type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        type_name(&it)
                    )));
                }
                return Ok(it);
            }
            None => {
                // A payload that is not iterable itself (the exception of a
                // class deriving from `ValueError` and a sequence-like Python
                // class) leaves the instance to the `__getitem__` protocol.
                if let Some(p) = payload_of(v).filter(|p| Vm::builtin_iterable(p)) {
                    // A subclass of `map`, `zip`, ... is its own iterator.
                    if matches!(p, Value::Iter(_)) {
                        return Ok(v.clone());
                    }
                    let p = p.clone();
                    let it = self.get_iter(&p)?;
                    // The iterator holds the instance, not only its storage,
                    // so the instance lives while it is iterated.
                    return Ok(match it {
                        Value::Iter(cell) => match Rc::try_unwrap(cell) {
                            Ok(inner) => Value::Iter(Rc::new(std::cell::RefCell::new(
                                crate::iter::IterObj::Owned {
                                    owner: v.clone(),
                                    inner: Box::new(inner.into_inner()),
                                },
                            ))),
                            Err(shared) => Value::Iter(shared),
                        },
                        other => other,
                    });
                }
                if special(&t, D::GetItem).is_some() {
                    return Ok(Value::Iter(Rc::new(std::cell::RefCell::new(
                        crate::iter::IterObj::SeqIndex {
                            obj: v.clone(),
                            idx: 0,
                        },
                    ))));
                }
            }
        }
        Err(PyErr::type_error(format!(
            "'{}' object is not iterable",
            type_name(v)
        )))
    }

    /// `next()` on an instance: `__next__`, `None` at `StopIteration`.
    pub(crate) fn next_special(&mut self, v: &Value) -> PyResult<Option<Value>> {
        match self.try_special(v, D::Next, &[]) {
            Ok(Some(x)) => Ok(Some(x)),
            Ok(None) if matches!(payload_of(v), Some(Value::Iter(_))) => {
                let p = payload_of(v).cloned().unwrap_or(Value::None);
                self.iter_next(&p)
            }
            Ok(None) => Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                type_name(v)
            ))),
            Err(e) if e.is(ExcKind::StopIteration) => {
                self.keep_stop(e);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// One step of the `__getitem__` iteration protocol.
    pub(crate) fn seq_index_next(&mut self, obj: &Value, idx: i64) -> PyResult<Option<Value>> {
        match self.getitem(obj, &Value::Int(idx)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is(ExcKind::IndexError) || e.is(ExcKind::StopIteration) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `obj[key]` on an instance (or `C[key]` on a class with `__class_getitem__`).
    pub(crate) fn getitem_special(&mut self, c: &Value, key: &Value) -> PyResult<Value> {
        if let Some(r) = self.try_special(c, D::GetItem, std::slice::from_ref(key))? {
            return Ok(r);
        }
        if let Some(p) = payload_of(c) {
            let p = p.clone();
            return match self.getitem(&p, key) {
                Err(e) if e.is(ExcKind::KeyError) && matches!(p, Value::Dict(_)) => {
                    match self.try_special(c, D::Missing, std::slice::from_ref(key))? {
                        Some(r) => Ok(r),
                        None => Err(e),
                    }
                }
                r => r,
            };
        }
        Err(PyErr::type_error(format!(
            "'{}' object is not subscriptable",
            type_name(c)
        )))
    }

    /// `C[key]` on a Python class: `__class_getitem__`.
    pub(crate) fn class_getitem(&mut self, t: &Rc<TypeObj>, key: &Value) -> PyResult<Value> {
        let cls = Value::Type(t.clone());
        if let Some(meta) = t.heap.as_ref().and_then(|h| h.meta.clone()) {
            if let Some(f) = special(&meta, D::GetItem) {
                return self.call_special(&f, &cls, std::slice::from_ref(key));
            }
        }
        match special(t, D::ClassGetItem) {
            Some(Value::Descr(d)) => match &*d {
                Descr::ClassMethod(f, _) => self.call(f, &[cls, key.clone()]),
                Descr::StaticMethod(f, _) => self.call(f, std::slice::from_ref(key)),
                _ => Err(PyErr::type_error("bad __class_getitem__")),
            },
            // `__class_getitem__ = None` blocks subscription (`PyObject_GetItem`).
            Some(Value::None) => Err(PyErr::type_error(format!(
                "type '{}' is not subscriptable",
                t.name
            ))),
            Some(f) => self.call(&f, &[cls, key.clone()]),
            None => crate::generic_alias::inherited_class_getitem(self, t, key),
        }
    }

    /// `obj[key] = value` (`Some`) or `del obj[key]` (`None`) on an instance.
    pub(crate) fn setitem_special(
        &mut self,
        c: &Value,
        key: Value,
        value: Option<Value>,
    ) -> PyResult<()> {
        let d = if value.is_some() {
            D::SetItem
        } else {
            D::DelItem
        };
        if let Some(f) = special(&type_of(c), d) {
            let mut args = vec![key];
            args.extend(value);
            self.call_special(&f, c, &args)?;
            return Ok(());
        }
        if let Some(p) = payload_of(c) {
            let p = p.clone();
            return match value {
                Some(v) => self.setitem(&p, key, v),
                None => self.delitem(&p, &key),
            };
        }
        Err(PyErr::type_error(if value.is_some() {
            format!("'{}' object does not support item assignment", type_name(c))
        } else {
            format!("'{}' object doesn't support item deletion", type_name(c))
        }))
    }

    /// `item in obj` for an instance.
    pub(crate) fn contains_special(&mut self, c: &Value, item: &Value) -> PyResult<bool> {
        // `__contains__ = None` blocks the fallback to iteration.
        if let Some(Value::None) = special(&type_of(c), D::Contains) {
            return Err(PyErr::type_error(format!(
                "'{}' object is not a container",
                type_name(c)
            )));
        }
        if let Some(r) = self.try_special(c, D::Contains, std::slice::from_ref(item))? {
            return self.truthy(&r);
        }
        let t = type_of(c);
        if special(&t, D::Iter).is_none() {
            if let Some(p) = payload_of(c).filter(|p| Vm::builtin_iterable(p)) {
                let p = p.clone();
                return self.contains(&p, item);
            }
        }
        if special(&t, D::Iter).is_none() && special(&t, D::GetItem).is_none() {
            return Err(PyErr::type_error(format!(
                "argument of type '{}' is not iterable",
                type_name(c)
            )));
        }
        let it = self.get_iter(c)?;
        while let Some(x) = self.iter_next(&it)? {
            if self.eq_values(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `repr()` of an instance or of an exception of a Python class.
    pub(crate) fn repr_special(&mut self, v: &Value) -> PyResult<String> {
        self.repr_special_obj(v).map(|r| str_result_text(&r))
    }

    /// `PyObject_Repr` of an instance: the str object itself, which is an
    /// instance of a str subclass when `__repr__` returned one (the builtin
    /// `repr()` gives that object back, as CPython's does).
    pub(crate) fn repr_special_obj(&mut self, v: &Value) -> PyResult<Value> {
        // `__repr__ = None` blocks the method: the slot calls `None`.
        if let Some(Value::None) = special(&type_of(v), D::Repr) {
            return Err(PyErr::type_error("'NoneType' object is not callable"));
        }
        let r = self.counted_c_call(" while getting the repr of an object", |vm| {
            vm.try_special(v, D::Repr, &[])
        });
        if let Some(r) = r? {
            return check_str_result(r, "__repr__");
        }
        self.repr_fallback(v).map(Value::string)
    }

    /// `repr()` of an instance whose class has no `__repr__` of Python code.
    pub(crate) fn repr_fallback(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Instance(i) => match i.payload() {
                // `bytearray.__repr__` names the subclass: `BA(b'xy')`.
                Some(Value::ByteArray(b)) => Ok(format!(
                    "{}({})",
                    i.class().name,
                    pith_repr::bytes_repr(&b.borrow())
                )),
                // `set_repr` names a subclass too: `S({1})`, `FS()`.
                Some(p @ (Value::Set(_) | Value::FrozenSet(_))) => {
                    let p = p.clone();
                    let name = i.class().name.clone();
                    let inner = self.repr_of(&p)?;
                    let items = inner
                        .strip_prefix("frozenset(")
                        .and_then(|s| s.strip_suffix(')'))
                        .unwrap_or(&inner);
                    Ok(match items {
                        "set()" | "" => format!("{name}()"),
                        "set(...)" => format!("{name}(...)"),
                        items => format!("{name}({items})"),
                    })
                }
                Some(p) => {
                    let p = p.clone();
                    self.repr_of(&p)
                }
                None => Ok(crate::class::default_repr(v)),
            },
            _ => Ok(crate::repr::repr(v)),
        }
    }

    /// Runs `f` as one level of CPython's C recursion (`Py_EnterRecursiveCall`,
    /// as `PyObject_Repr`, `PyObject_Str` and the call of a builtin function
    /// enter): the level counts against the recursion limit with the Python
    /// frames, so a `__repr__` that reprs itself fails where CPython's does,
    /// with CPython's message suffix `place`. The level is counted by
    /// lowering the limit while `f` runs, which leaves the frame push's own
    /// check as it is.
    pub(crate) fn counted_c_call<T>(
        &mut self,
        place: &str,
        f: impl FnOnce(&mut Vm) -> PyResult<T>,
    ) -> PyResult<T> {
        // The second bound keeps the Rust stack safe under a raised limit.
        if self.frames.len() >= self.recursion_limit || self.c_depth >= crate::vm::MAX_NATIVE_DEPTH
        {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                format!("maximum recursion depth exceeded{place}"),
            ));
        }
        self.recursion_limit -= 1;
        self.c_depth += 1;
        let r = f(self);
        self.c_depth -= 1;
        self.recursion_limit += 1;
        r
    }

    /// `str()` of an instance or of an exception of a Python class.
    pub(crate) fn str_special(&mut self, v: &Value) -> PyResult<String> {
        self.str_special_obj(v).map(|r| str_result_text(&r))
    }

    /// `PyObject_Str` of an instance: the str object itself, which is an
    /// instance of a str subclass when `__str__` (or the `__repr__` that
    /// `object.__str__` calls) returned one.
    pub(crate) fn str_special_obj(&mut self, v: &Value) -> PyResult<Value> {
        // `__str__ = None` blocks the method: the slot calls `None`.
        if let Some(Value::None) = special(&type_of(v), D::Str) {
            return Err(PyErr::type_error("'NoneType' object is not callable"));
        }
        let r = self.counted_c_call(" while getting the str of an object", |vm| {
            vm.try_special(v, D::Str, &[])
        });
        if let Some(r) = r? {
            return check_str_result(r, "__str__");
        }
        // `str.__str__` of a str subclass's instance: its exact str, lone
        // surrogates kept (`email`'s header objects are str subclasses).
        if let Value::Instance(i) = v {
            if let Some(p @ Value::Str(_)) = i.payload() {
                return Ok(p.clone());
            }
        }
        let text = match v {
            Value::Exception(e) if special(&e.typ, D::Repr).is_none() => {
                if let Some(s) = crate::compile_hook::syntax_error_str(e) {
                    return Ok(Value::string(s));
                }
                if let Some(g) = &e.group {
                    return Ok(Value::string(crate::exc_group::group_str(g)));
                }
                if let Some(s) = crate::oserror::os_error_str(e) {
                    return Ok(Value::string(s));
                }
                if let Some(s) = crate::unicode_error::unicode_error_str(e) {
                    return Ok(Value::string(s));
                }
                let args = e.args.borrow().clone();
                match args.len() {
                    0 => Ok(String::new()),
                    1 if e.kind() == ExcKind::KeyError => self.repr_of(&args[0]),
                    1 => self.str_of(&args[0]),
                    _ => self.repr_of(&Value::Tuple(args)),
                }
            }
            // `str` and `bytes` have a `__str__` of their own, which a
            // subclass's `__repr__` does not replace (`int`, `list`, ...
            // inherit `object.__str__`, which calls `__repr__`).
            Value::Instance(i)
                if (special(&i.class(), D::Repr).is_none()
                    || matches!(i.payload(), Some(Value::Str(_) | Value::Bytes(_))))
                    && i.payload().is_some()
                    && !matches!(
                        i.payload(),
                        Some(Value::ByteArray(_) | Value::Set(_) | Value::FrozenSet(_))
                    ) =>
            {
                let p = i.payload.clone();
                self.str_of(&p)
            }
            _ => return self.repr_special_obj(v),
        };
        text.map(Value::string)
    }

    /// The builtin value `int(v)`, `float(v)`, ... should convert instead of an
    /// instance `v` (`__int__`, `__index__`, `__float__`, or the builtin payload).
    pub(crate) fn convert_arg(&mut self, kind: TypeKind, v: &Value) -> PyResult<Option<Value>> {
        if !matches!(v, Value::Instance(_)) {
            return Ok(None);
        }
        let order: &[D] = match kind {
            TypeKind::Int => &[D::Int, D::Index],
            TypeKind::Float => &[D::Float, D::Index],
            // A mappingproxy shows the mapping itself, its overrides included.
            // `complex()` asks a subclass's `__complex__` itself.
            TypeKind::Str
            | TypeKind::Bool
            | TypeKind::Type
            | TypeKind::MappingProxy
            | TypeKind::Complex => return Ok(None),
            // `dict(x)` merges as `dict.update` does, which reads a dict
            // subclass's payload itself unless it iterates its own way.
            TypeKind::Dict => return Ok(None),
            // `bytes(x)` asks `__bytes__` and reads a str, int or container
            // subclass's instance itself (`bytes_new.rs`).
            TypeKind::Bytes | TypeKind::ByteArray => return Ok(None),
            // A container subclass that iterates its own way is iterated
            // (`list(od)`, `enumerate(od)`, `zip(od)`).
            TypeKind::List
            | TypeKind::Tuple
            | TypeKind::Set
            | TypeKind::FrozenSet
            | TypeKind::Enumerate
            | TypeKind::Zip
                if special(&type_of(v), D::Iter).is_some() =>
            {
                return Ok(None)
            }
            // A subclass of `map`, ... may override `__next__`: it is iterated
            // as itself.
            _ if matches!(payload_of(v), Some(Value::Iter(_))) => return Ok(None),
            _ => &[],
        };
        for &d in order {
            if let Some(r) = self.try_special(v, d, &[])? {
                if d == D::Float {
                    return self.float_result(v, r).map(Some);
                }
                return Ok(Some(match r {
                    Value::Instance(i) if i.payload().is_some() => i.payload.clone(),
                    other => other,
                }));
            }
        }
        Ok(payload_of(v).cloned())
    }

    /// What `v.__float__()` returned, as `PyNumber_Float` accepts it: a
    /// float, or a float subclass with a `DeprecationWarning`.
    fn float_result(&mut self, v: &Value, r: Value) -> PyResult<Value> {
        if let Value::Float(_) = r {
            return Ok(r);
        }
        let payload = payload_of(&r)
            .filter(|p| matches!(p, Value::Float(_)))
            .cloned();
        let returned = format!("{}.__float__ returned non-float", type_name(v));
        self.subclass_result(&returned, "float", &r, payload)
    }

    /// `type(cls).__instancecheck__(cls, v)` (or `__subclasscheck__`) when the
    /// metaclass defines it in Python.
    pub(crate) fn meta_check(
        &mut self,
        cls: &Rc<TypeObj>,
        v: &Value,
        d: D,
    ) -> PyResult<Option<bool>> {
        let Some(meta) = cls.heap.as_ref().and_then(|h| h.meta.clone()) else {
            return Ok(None);
        };
        match special(&meta, d) {
            Some(f) => {
                let r =
                    self.call_special(&f, &Value::Type(cls.clone()), std::slice::from_ref(v))?;
                self.truthy(&r).map(Some)
            }
            None => Ok(None),
        }
    }

    /// `reversed(obj)` for an instance: `__reversed__`, else the sequence protocol.
    pub(crate) fn reversed_special(&mut self, v: &Value) -> PyResult<Value> {
        let t = type_of(v);
        let not_reversible =
            || PyErr::type_error(format!("'{}' object is not reversible", type_name(v)));
        match special(&t, D::Reversed) {
            // `__reversed__ = None` declares the type not reversible.
            Some(Value::None) => return Err(not_reversible()),
            Some(f) => return self.call_special(&f, v, &[]),
            None => {}
        }
        if special(&t, D::Len).is_some() && special(&t, D::GetItem).is_some() {
            let n = self.len_of(v)?;
            return Ok(Value::Iter(Rc::new(std::cell::RefCell::new(
                crate::iter::IterObj::SeqReversed {
                    obj: v.clone(),
                    idx: n as i64 - 1,
                },
            ))));
        }
        if let Some(p) = payload_of(v) {
            let p = p.clone();
            let rt = crate::types::builtin_type(TypeKind::Reversed);
            return crate::builtins::construct(
                self,
                &rt,
                Args::positional(std::slice::from_ref(&p)),
            );
        }
        Err(not_reversible())
    }

    /// `round(v[, n])` for an instance: `__round__`.
    pub(crate) fn round_special(
        &mut self,
        v: &Value,
        nd: Option<&Value>,
    ) -> PyResult<Option<Value>> {
        if !is_heap_object(v) {
            return Ok(None);
        }
        let args: Vec<Value> = nd.cloned().into_iter().collect();
        if let Some(r) = self.try_special(v, D::Round, &args)? {
            return Ok(Some(r));
        }
        if payload_of(v).is_some() {
            return Ok(None);
        }
        Err(PyErr::type_error(format!(
            "type {} doesn't define __round__ method",
            type_name(v)
        )))
    }

    /// `format(v, spec)`.
    pub fn format_of(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        // A class whose metaclass is a Python class may define `__format__`,
        // `__str__` or `__repr__` there.
        let user_meta = matches!(v, Value::Type(c) if crate::class_ns::has_heap_meta(c));
        if !is_heap_object(v) && !user_meta {
            return crate::format::format_value(v, spec);
        }
        // `__format__ = None` blocks the method: `format()` calls `None`.
        if let Some(Value::None) = special(&type_of(v), D::Format) {
            return Err(PyErr::type_error("'NoneType' object is not callable"));
        }
        if let Some(r) = self.try_special(v, D::Format, &[Value::str(spec)])? {
            return match r {
                Value::Str(s) => Ok(s.as_str().to_string()),
                other => Err(PyErr::type_error(format!(
                    "__format__ must return a str, not {}",
                    type_name(&other)
                ))),
            };
        }
        if spec.is_empty() {
            // `int.__format__(x, '')` and the others are `str(x)`: a
            // subclass's own `__str__`/`__repr__` shows.
            return self.str_of(v);
        }
        if let Some(p) = payload_of(v) {
            return crate::format::format_value(p, spec);
        }
        Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(v)
        )))
    }

    /// `hash(v)`.
    pub fn hash_of(&mut self, v: &Value) -> PyResult<i64> {
        if let Value::Tuple(items) = v {
            // One pass: each item hashes as `hash()` would (an instance's
            // Python `__hash__`, the builtin hash otherwise).
            let mut h = crate::dict::TupleHasher::new();
            for x in items.iter() {
                h.push(self.hash_of(x)?);
            }
            return Ok(h.finish());
        }
        if !is_heap_object(v) {
            return crate::dict::hash_value(v);
        }
        let t = type_of(v);
        match special(&t, D::Hash) {
            Some(Value::None) => Err(unhashable(v)),
            Some(f) => {
                let r = self.call_special(&f, v, &[])?;
                // An int subclass counts as its int value (`PyLong_Check`).
                let r = match payload_of(&r) {
                    Some(p @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => p.clone(),
                    _ => r,
                };
                match r {
                    Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                    Value::Bool(b) => Ok(i64::from(b)),
                    Value::BigInt(b) => Ok(crate::dict::hash_bigint(&b)),
                    _ => Err(PyErr::type_error(
                        "__hash__ method should return an integer",
                    )),
                }
            }
            // `float_hash` of a NaN hashes the object itself, not its value.
            None if matches!(payload_of(v), Some(Value::Float(f)) if f.is_nan()) => {
                Ok((v.identity() >> 4) as i64)
            }
            // A tuple subclass hashes its items as `hash()` does (their own
            // `__hash__` included), unless its class is unhashable.
            None => match payload_of(v) {
                Some(p @ Value::Tuple(_)) if !unhashable_type(&t) => self.hash_of(p),
                _ => crate::dict::hash_value(v),
            },
        }
    }

    /// Calls an instance (`__call__`) or a `staticmethod`/`classmethod` object.
    pub(crate) fn call_other(
        &mut self,
        callable: &Value,
        pos: &[Value],
        kwnames: &[Value],
        kwvals: &[Value],
    ) -> PyResult<Value> {
        let heap_exc = match callable {
            Value::Exception(e) if e.typ.heap.is_some() => Some(e.typ.clone()),
            _ => None,
        };
        if let Some(t) = heap_exc {
            // An exception of a Python class defining `__call__`.
            if let Some(f) = special(&t, D::Call) {
                let bound = self.bind_attr(f, callable, &t)?;
                return self.counted_c_call(" while calling a Python object", |vm| {
                    vm.call_with_kw(&bound, pos, kwnames, kwvals)
                });
            }
        }
        match callable {
            Value::Instance(i) => {
                let t = i.class();
                if let Some(f) = special(&t, D::Call) {
                    let bound = self.bind_attr(f, callable, &t)?;
                    // `slot_tp_call` counts itself: an instance whose
                    // `__call__` is another instance recurses here.
                    return self.counted_c_call(" while calling a Python object", |vm| {
                        vm.call_with_kw(&bound, pos, kwnames, kwvals)
                    });
                }
            }
            Value::Descr(d) => {
                if let Descr::StaticMethod(f, _) = &**d {
                    return self.call_with_kw(f, pos, kwnames, kwvals);
                }
            }
            _ => {}
        }
        Err(PyErr::type_error(format!(
            "'{}' object is not callable",
            type_name(callable)
        )))
    }

    /// `BEFORE_WITH`: `(bound __exit__, result of __enter__)`.
    pub(crate) fn before_with(
        &mut self,
        mgr: &Value,
    ) -> PyResult<(Value, Result<Value, Rc<crate::func::Function>>)> {
        if let Value::MemoryView(_) = mgr {
            // The one builtin (non-heap) type with both methods.
            let (enter, exit) = (self.intern("__enter__"), self.intern("__exit__"));
            let enter = self.get_attr(mgr, &enter)?;
            let exit = self.get_attr(mgr, &exit)?;
            let r = self.call(&enter, &[])?;
            return Ok((exit, Ok(r)));
        }
        let t = type_of(mgr);
        let enter = special(&t, D::Enter);
        let exit = special(&t, D::Exit);
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let missed = if special(&t, D::Enter).is_some() {
                " (missed __exit__ method)"
            } else {
                ""
            };
            return Err(PyErr::type_error(format!(
                "'{}' object does not support the context manager protocol{}",
                type_name(mgr),
                missed
            )));
        };
        let exit = self.bind_attr(exit, mgr, &t)?;
        // A plain Python `__enter__` runs as a frame of the eval loop, not
        // under a Rust call: a lock it blocks on can then switch threads
        // (a nested wait could not resume the thread that holds the lock).
        if let Some(f) = crate::attr::plain_function(&enter, 1) {
            return Ok((exit, Err(f)));
        }
        let r = self.call_special(&enter, mgr, &[])?;
        Ok((exit, Ok(r)))
    }
}

/// The items of two lists (or two tuples) when some item is an instance of a
/// Python class, so the comparison must go through special methods.
fn seq_items_with_objects(a: &Value, b: &Value) -> Option<(Vec<Value>, Vec<Value>)> {
    let (x, y) = match (a, b) {
        (Value::List(x), Value::List(y)) => (x.borrow().clone(), y.borrow().clone()),
        (Value::Tuple(x), Value::Tuple(y)) => (x.to_vec(), y.to_vec()),
        // Slices compare as the tuples of their fields.
        (Value::Slice(x), Value::Slice(y)) => (x.to_vec(), y.to_vec()),
        _ => return None,
    };
    let has = |v: &[Value]| {
        // Dicts and sets too: their keys may compare in Python (a `str`
        // subclass key equals a `str` one).
        // A class with a Python metaclass, whose `__eq__` it may define.
        v.iter().any(|i| {
            compares_by_methods(i)
                || matches!(
                    i,
                    Value::List(_)
                        | Value::Tuple(_)
                        | Value::Dict(_)
                        | Value::Set(_)
                        | Value::FrozenSet(_)
                )
        })
    };
    (has(&x) || has(&y)).then_some((x, y))
}

/// Whether comparing `v` goes through its class's comparison methods: an
/// instance of a Python class, or a class whose metaclass is one
/// (`functools.total_ordering` on a metaclass).
#[inline]
/// Whether `COMPARE_OP` on `a` and `b` must go through `Vm::rich_compare`,
/// which may answer with any object: special methods of either operand, or
/// a mappingproxy (which compares as its mapping).
pub fn compare_needs_methods(a: &Value, b: &Value) -> bool {
    compares_by_methods(a)
        || compares_by_methods(b)
        || matches!((a, b), (Value::Cell(_), Value::Cell(_)))
        || ((matches!(a, Value::Descr(_)) || matches!(b, Value::Descr(_)))
            && (crate::mappingproxy::target(a).is_some()
                || crate::mappingproxy::target(b).is_some()))
}

pub fn compares_by_methods(v: &Value) -> bool {
    match v {
        Value::Type(t) => crate::class_ns::has_heap_meta(t),
        _ => is_heap_object(v),
    }
}

/// Whether `v`'s class answers binary operator `op` through special
/// methods: an instance of a Python class, or a class whose Python
/// metaclass defines the operator (`type | x` stays the builtin union).
pub(crate) fn binop_by_methods(op: u32, v: &Value) -> bool {
    match v {
        Value::Type(t) if crate::class_ns::has_heap_meta(t) => {
            let (fwd, refl, inplace) = D::binary(op);
            let meta = type_of(v);
            [fwd, refl, inplace]
                .into_iter()
                .any(|d| crate::class_ns::meta_hook(t, d).is_some() && special(&meta, d).is_some())
        }
        _ => is_heap_object(v),
    }
}

/// For `BINARY_OP` in the eval loop: the left operand's method to run as
/// an ordinary frame of the loop, with no nested loop, when the protocol
/// starts with it and nothing else. That is when both operands are
/// instances of one class (so no reflected method goes first), the operator
/// is not in-place, and the method is a plain Python function of two
/// positional parameters (not a generator). If it returns
/// `NotImplemented`, [`Vm::binary_op_after_forward`] finishes the protocol.
pub(crate) fn inline_binary_method(op: u32, a: &Value, b: &Value) -> Option<Rc<Function>> {
    if op >= ops::nb::INPLACE {
        return None;
    }
    plain_method(one_class_special(a, b, D::binary(op).0)?)
}

/// For `COMPARE_OP` in the eval loop: the left operand's comparison method
/// to run as an ordinary frame of the loop, on the terms of
/// [`inline_binary_method`] (one class for both operands, a plain Python
/// function of two parameters). An `__ne__` answered by `__eq__` is not
/// one. If it returns `NotImplemented`, [`Vm::rich_compare_after_forward`]
/// finishes the protocol.
pub(crate) fn inline_compare_method(op: CmpOp, a: &Value, b: &Value) -> Option<Rc<Function>> {
    plain_method(one_class_special(a, b, D::compare(op))?)
}

/// The special method `d` of the class of `a` and `b`, when both are
/// instances of that one class.
#[inline]
fn one_class_special(a: &Value, b: &Value, d: D) -> Option<Value> {
    let (Value::Instance(x), Value::Instance(y)) = (a, b) else {
        return None;
    };
    let class = x.class_ref();
    if !Rc::ptr_eq(&class, &y.class_ref()) {
        return None;
    }
    special(&class, d)
}

/// The special method `d` of an instance's class, if `v` is an instance.
#[inline]
fn instance_special(v: &Value, d: D) -> Option<Value> {
    let Value::Instance(x) = v else {
        return None;
    };
    let class = x.class_ref();
    special(&class, d)
}

/// For `BINARY_SUBSCR` in the eval loop: the container's `__getitem__` to
/// run as an ordinary frame of the loop (its result is the subscript's),
/// when the container is an instance whose class defines it as a plain
/// Python function of two parameters, as CPython 3.11's
/// `BINARY_SUBSCR_GETITEM` does.
pub(crate) fn inline_getitem_method(c: &Value) -> Option<Rc<Function>> {
    plain_method(instance_special(c, D::GetItem)?)
}

/// For `FOR_ITER` in the eval loop: the iterator's `__next__` to run as an
/// ordinary frame of the loop, when the iterator is an instance whose class
/// defines it as a plain Python function of one parameter.
pub(crate) fn inline_next_method(it: &Value) -> Option<Rc<Function>> {
    plain_function(instance_special(it, D::Next)?, 1)
}

/// For a `CALL` of `len(obj)` in the eval loop: the object's `__len__` to
/// run as an ordinary frame of the loop, when `obj` is an instance whose
/// class defines it as a plain Python function of one parameter. The frame's
/// result is then checked as `slot_sq_length` does ([`Vm::len_result`]).
pub(crate) fn inline_len_method(callable: &Value, arg: &Value) -> Option<Rc<Function>> {
    let Value::Builtin(def) = callable else {
        return None;
    };
    if def.name != "len" || def.is_method || !def.owner.is_empty() {
        return None;
    }
    plain_function(instance_special(arg, D::Len)?, 1)
}

/// `f` if it is a Python function a frame can run with two positional
/// arguments bound in place, and not a generator.
fn plain_method(f: Value) -> Option<Rc<Function>> {
    plain_function(f, 2)
}

/// `f` if it is a Python function a frame can run with `argcount`
/// positional arguments bound in place, and not a generator.
fn plain_function(f: Value, argcount: usize) -> Option<Rc<Function>> {
    match f {
        Value::Function(f) => {
            let code = f.code.borrow();
            let plain = code.simple_args
                && code.argcount == argcount
                && code.flags.0 & crate::vm::GENERATOR_FLAGS == 0;
            drop(code);
            plain.then_some(f)
        }
        _ => None,
    }
}

/// Whether `a <op> b` needs the VM (special methods, or `%` with instances).
#[inline]
pub fn binary_needs_vm(op: u32, a: &Value, b: &Value) -> bool {
    binop_by_methods(op, a)
        || binop_by_methods(op, b)
        || crate::seq_eq::sets_with_objects(a, b)
        || (op % ops::nb::INPLACE == ops::nb::REMAINDER
            && (matches!(a, Value::Str(_)) && holds_objects(b)
                || matches!(a, Value::Bytes(_) | Value::ByteArray(_))))
        || (op % ops::nb::INPLACE == ops::nb::OR
            && (matches!(a, Value::Type(_) | Value::Descr(_))
                || matches!(b, Value::Type(_) | Value::Descr(_))))
        || (op == ops::nb::INPLACE + ops::nb::ADD
            && matches!(a, Value::List(_))
            && !matches!(b, Value::List(_)))
        || (op % ops::nb::INPLACE == ops::nb::OR && dict_or_needs_vm(op, a, b))
        || matches!(a, Value::DictView(_))
        || matches!(b, Value::DictView(_))
}

/// `d |= x` is `d.update(x)` (any mapping or iterable of pairs), and
/// `d | e` compares keys through `__eq__` when either table holds keys
/// that compare in Python.
fn dict_or_needs_vm(op: u32, a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Dict(_), _) if op >= ops::nb::INPLACE => true,
        (Value::Dict(x), Value::Dict(y)) => {
            x.borrow().has_object_keys() || y.borrow().has_object_keys()
        }
        _ => false,
    }
}

/// Whether `v` is, or directly holds, an instance of a Python class or a
/// container that may hold one at any depth (its `str`/`repr` needs the VM).
fn holds_objects(v: &Value) -> bool {
    match v {
        Value::Tuple(items) => items.iter().any(|x| shown_by_methods(x) || is_container(x)),
        Value::Dict(d) => d
            .borrow()
            .iter()
            .any(|(_, x)| shown_by_methods(x) || is_container(x)),
        other => shown_by_methods(other) || is_container(other),
    }
}

/// Whether the `str`/`repr` of `v` may run Python code: an instance of a
/// Python class, or a class whose metaclass is one.
fn shown_by_methods(v: &Value) -> bool {
    match v {
        Value::Type(t) => crate::class_ns::has_heap_meta(t),
        other => is_heap_object(other),
    }
}

/// Containers whose `str`/`repr` shows their items' reprs.
fn is_container(v: &Value) -> bool {
    matches!(
        v,
        Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::DictView(_)
    )
}

/// Marks the mapping key under which a `%(key)r` directive finds its repr text.
const REPR_KEY_MARK: char = '\u{0}';

/// The format `a` (the str `fmt`) with its `%r`/`%a` directives turned into
/// `%s`: `percent_args` has already made their arguments the repr text.
fn repr_shown_as_str(a: &Value, fmt: &str) -> Value {
    if !percent_conversions(fmt)
        .iter()
        .any(|(_, c)| matches!(c, 'r' | 'a'))
    {
        return a.clone();
    }
    let mut out = String::with_capacity(fmt.len());
    let mut it = fmt.chars().peekable();
    while let Some(c) = it.next() {
        out.push(c);
        if c != '%' {
            continue;
        }
        let key = mapping_key(&mut it);
        let mut flags = String::new();
        while let Some(&ch) = it.peek() {
            if "-+ #0123456789.*hlL".contains(ch) {
                flags.push(ch);
                it.next();
            } else {
                break;
            }
        }
        let conv = it.next();
        if let Some(k) = key {
            out.push('(');
            out.push_str(&k);
            if let Some(c @ ('r' | 'a')) = conv {
                out.push(REPR_KEY_MARK);
                out.push(c);
            }
            out.push(')');
        }
        out.push_str(&flags);
        match conv {
            Some('r' | 'a') => out.push('s'),
            Some(ch) => out.push(ch),
            None => {}
        }
    }
    Value::string(out)
}

/// The `(mapping key, conversion)` of each `%` directive of a format string.
/// The key of a `%(key)` directive: bytes in a bytes format (whose text is
/// read as Latin-1), else str.
fn percent_key(key: &str, bytes: bool) -> Value {
    if bytes {
        Value::Bytes(Rc::new(key.chars().map(|c| c as u8).collect()))
    } else {
        Value::str(key)
    }
}

/// The key a converted `%(key)` value is stored under: a `%(k)r` reads its
/// repr text under a key of its own (see `repr_shown_as_str`), so `%(k)s`
/// still finds `k`.
fn shown_key(k: Value, key: &str, conv: char, bytes: bool) -> Value {
    if matches!(conv, 'r' | 'a') && !bytes {
        Value::string(format!("{key}{REPR_KEY_MARK}{conv}"))
    } else {
        k
    }
}

fn percent_conversions(fmt: &str) -> Vec<(Option<String>, char)> {
    let mut out = Vec::new();
    let mut it = fmt.chars().peekable();
    while let Some(c) = it.next() {
        if c != '%' {
            continue;
        }
        let key = mapping_key(&mut it);
        while let Some(&ch) = it.peek() {
            if "-+ #0123456789.*hlL".contains(ch) {
                if ch == '*' {
                    out.push((None, 'd'));
                }
                it.next();
            } else {
                break;
            }
        }
        match it.next() {
            Some('%') | None => {}
            Some(conv) => out.push((key, conv)),
        }
    }
    out
}

/// The mapping key of a `%(key)s` directive, read from just after its `%`:
/// the text inside balanced parentheses (which `%` formatting allows in a
/// key), or `None` if the directive has no key.
fn mapping_key(it: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<String> {
    if it.peek() != Some(&'(') {
        return None;
    }
    it.next();
    let mut key = String::new();
    let mut depth = 1;
    for ch in it.by_ref() {
        match ch {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
        key.push(ch);
    }
    Some(key)
}

/// Whether an instance supports iteration (`__iter__`, `__getitem__` or a builtin payload).
pub fn iterable_instance(v: &Value) -> bool {
    let t = type_of(v);
    special(&t, D::Iter).is_some() || special(&t, D::GetItem).is_some() || payload_of(v).is_some()
}

/// `TypeError: unhashable type: 'C'`.
pub fn unhashable(v: &Value) -> PyErr {
    PyErr::type_error(format!("unhashable type: '{}'", type_name(v)))
}

/// Whether instances of `t` are unhashable (`__hash__ = None`, or `__eq__`
/// defined without `__hash__` in the same class).
pub fn unhashable_type(t: &Rc<TypeObj>) -> bool {
    matches!(special(t, D::Hash), Some(Value::None))
        || (special(t, D::Hash).is_none() && eq_without_hash(t))
}

fn eq_without_hash(t: &Rc<TypeObj>) -> bool {
    // No Python class on the MRO defines `__eq__` (one cached flag test).
    if !crate::class::defines(t, D::Eq) {
        return false;
    }
    // The class that defines `__eq__` gets `__hash__ = None` unless it defines `__hash__`.
    crate::class::mro_find(t, |c| {
        let h = c.heap.as_ref()?;
        let d = h.dict.borrow();
        if d.get_str(&D::Hash.name()).is_some() {
            return Some(false);
        }
        d.get_str(&D::Eq.name()).map(|_| true)
    })
    .unwrap_or(false)
}

/// The result of a `__repr__` or `__str__` (`which`): a str or an instance
/// of a str subclass, as `PyObject_Repr` and `PyObject_Str` accept.
fn check_str_result(r: Value, which: &str) -> PyResult<Value> {
    match &r {
        Value::Str(_) => Ok(r),
        Value::Instance(i) if matches!(i.payload(), Some(Value::Str(_))) => Ok(r),
        other => Err(PyErr::type_error(format!(
            "{which} returned non-string (type {})",
            type_name(other)
        ))),
    }
}

/// The text of a value [`check_str_result`] accepted.
pub(crate) fn str_result_text(r: &Value) -> String {
    match r {
        Value::Str(s) => s.as_str().to_string(),
        Value::Instance(i) => match i.payload() {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => String::new(),
        },
        _ => String::new(),
    }
}
