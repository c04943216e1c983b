//! `BaseExceptionGroup` and `ExceptionGroup` (`Objects/exceptions.c` of 3.11):
//! construction rules, `split`/`subgroup`/`derive`, and the two instructions
//! of `except*` (`CHECK_EG_MATCH`, `PREP_RERAISE_STAR`).

use std::collections::HashSet;
use std::rc::Rc;

use crate::exc::{ExcObj, PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::types::{exc_type, type_name, ExcKind, TypeKind, TypeObj};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// What a `BaseExceptionGroup` holds besides `args`.
#[derive(Debug)]
pub struct Group {
    /// `.message` (a str).
    pub message: Value,
    /// `.exceptions` (always a tuple).
    pub excs: Rc<Vec<Value>>,
}

/// `ExceptionGroup` derives from both `BaseExceptionGroup` and `Exception`;
/// builtin types keep one base, so the second one is answered here.
#[inline]
pub fn is_extra_base(t: &Rc<TypeObj>, other: &Rc<TypeObj>) -> bool {
    t.heap.is_none()
        && t.kind == TypeKind::Exception(ExcKind::ExceptionGroup)
        && other.heap.is_none()
        && other.kind == TypeKind::Exception(ExcKind::Exception)
}

/// The second base of the builtin `ExceptionGroup`, for `__bases__`.
pub fn extra_base(t: &Rc<TypeObj>) -> Option<Rc<TypeObj>> {
    (t.heap.is_none() && t.kind == TypeKind::Exception(ExcKind::ExceptionGroup))
        .then(|| exc_type(ExcKind::Exception))
}

/// Puts `Exception` into the MRO of the builtin `ExceptionGroup`
/// (`ExceptionGroup, BaseExceptionGroup, Exception, BaseException, object`).
pub fn fix_builtin_mro(t: &Rc<TypeObj>, mro: &mut Vec<Rc<TypeObj>>) {
    if t.kind == TypeKind::Exception(ExcKind::ExceptionGroup) && mro.len() >= 2 {
        mro.insert(2, exc_type(ExcKind::Exception));
    }
}

/// Moves the members of a group that is being dropped into `out`, so that
/// deeply nested groups are freed without deep recursion.
pub(crate) fn take_members(
    g: Option<Rc<Group>>,
    args: &mut Rc<Vec<Value>>,
    out: &mut Vec<Rc<ExcObj>>,
) {
    let Some(g) = g.and_then(|g| Rc::try_unwrap(g).ok()) else {
        return;
    };
    let mut values: Vec<Value> = Rc::try_unwrap(g.excs).unwrap_or_default();
    // `args` holds the sequence as given: a list or a tuple of the same members.
    if let Ok(a) = Rc::try_unwrap(std::mem::take(args)) {
        for v in a {
            match v {
                Value::List(l) => {
                    if let Ok(l) = Rc::try_unwrap(l) {
                        values.extend(l.into_inner());
                    }
                }
                Value::Tuple(t) => {
                    if let Ok(t) = Rc::try_unwrap(t) {
                        values.extend(t);
                    }
                }
                other => values.push(other),
            }
        }
    }
    out.extend(values.into_iter().filter_map(|v| match v {
        Value::Exception(e) => Some(e),
        _ => None,
    }));
}

/// The group data of an exception value, if it is a group.
pub fn group_of(v: &Value) -> Option<&Rc<Group>> {
    match v {
        Value::Exception(e) => e.group.as_ref(),
        _ => None,
    }
}

fn is_sequence(v: &Value) -> bool {
    match v {
        Value::List(_)
        | Value::Tuple(_)
        | Value::Range(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::ByteArray(_) => true,
        Value::Instance(i) => match i.payload() {
            Some(p) => is_sequence(p),
            None => crate::class::special(&i.class(), crate::names::D::GetItem).is_some(),
        },
        _ => false,
    }
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
pub fn new(vm: &mut Vm, cls: &Rc<TypeObj>, a: Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            cls.name
        )));
    }
    let [message, exceptions] = a.pos else {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            a.pos.len()
        )));
    };
    if !matches!(message, Value::Str(_)) {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            type_name(message)
        )));
    }
    if !is_sequence(exceptions) {
        return Err(PyErr::type_error(
            "second argument (exceptions) must be a sequence",
        ));
    }
    let excs = vm.collect(exceptions)?;
    if excs.is_empty() {
        return Err(PyErr::value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let exception = exc_type(ExcKind::Exception);
    let mut nested_base = false;
    for (i, e) in excs.iter().enumerate() {
        let Value::Exception(e) = e else {
            return Err(PyErr::value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        };
        if !e.typ.is_subtype(&exception) {
            nested_base = true;
        }
    }
    let base_group = exc_type(ExcKind::BaseExceptionGroup);
    let group = exc_type(ExcKind::ExceptionGroup);
    let mut cls = cls.clone();
    if Rc::ptr_eq(&cls, &base_group) {
        if !nested_base {
            cls = group;
        }
    } else if Rc::ptr_eq(&cls, &group) {
        if nested_base {
            return Err(PyErr::type_error(
                "Cannot nest BaseExceptions in an ExceptionGroup",
            ));
        }
    } else if nested_base && cls.is_subtype(&exception) {
        return Err(PyErr::type_error(format!(
            "Cannot nest BaseExceptions in '{}'",
            cls.name
        )));
    }
    let mut obj = ExcObj::new(cls, vec![message.clone(), exceptions.clone()]);
    obj.group = Some(Rc::new(Group {
        message: message.clone(),
        excs: Rc::new(excs),
    }));
    Ok(Value::Exception(Rc::new(obj)))
}

/// `str()` of a group: `msg (N sub-exceptions)`.
pub fn group_str(g: &Group) -> String {
    let n = g.excs.len();
    let msg = match &g.message {
        Value::Str(s) => s.as_str(),
        _ => "",
    };
    format!(
        "{} ({} sub-exception{})",
        msg,
        n,
        if n == 1 { "" } else { "s" }
    )
}

/// `.message` and `.exceptions` of a group.
pub fn group_attr(e: &ExcObj, name: &str) -> Option<Value> {
    let g = e.group.as_ref()?;
    match name {
        "message" => Some(g.message.clone()),
        "exceptions" => Some(Value::Tuple(g.excs.clone())),
        _ => None,
    }
}

macro_rules! native_table {
    ($table:ident, $owner:literal, [ $( $name:literal => $f:path ),* $(,)? ]) => {
        /// The methods of the class.
        pub static $table: &[BuiltinDef] = &[
            $( BuiltinDef { name: $name, func: $f, owner: $owner, is_method: true }, )*
        ];
    };
}

native_table!(METHODS, "BaseExceptionGroup", [
    "__str__" => eg_str, "split" => eg_split, "subgroup" => eg_subgroup,
    "derive" => eg_derive,
]);

fn self_group<'a>(a: &Args<'a>, name: &str) -> PyResult<(&'a Rc<ExcObj>, Rc<Group>)> {
    if let Some(Value::Exception(e)) = a.pos.first() {
        if let Some(g) = &e.group {
            return Ok((e, g.clone()));
        }
    }
    Err(PyErr::type_error(format!(
        "descriptor '{}' requires a 'BaseExceptionGroup' object but received a '{}'",
        name,
        a.pos.first().map_or("NoneType".into(), type_name)
    )))
}

fn one_arg<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.{name}() takes no keyword arguments"
        )));
    }
    let given = a.pos.len().saturating_sub(1);
    match a.pos {
        [_, x] => Ok(x),
        // `derive` parses its arguments with "O", the others unpack a tuple.
        _ if name == "derive" => Err(PyErr::type_error(format!(
            "function takes exactly 1 argument ({given} given)"
        ))),
        _ => Err(PyErr::type_error(format!(
            "{name} expected 1 argument, got {given}"
        ))),
    }
}

fn eg_str(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, g) = self_group(&a, "__str__")?;
    Ok(Value::string(group_str(&g)))
}

fn eg_derive(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, g) = self_group(&a, "derive")?;
    let excs = one_arg(&a, "derive")?;
    let t = exc_type(ExcKind::BaseExceptionGroup);
    new(
        vm,
        &t,
        Args {
            pos: &[g.message.clone(), excs.clone()],
            kwnames: &[],
            kwvals: &[],
        },
    )
}

/// How `split` decides which leaves match.
enum Matcher {
    Type(Value),
    Predicate(Value),
    Ids(HashSet<usize>),
}

fn matcher(v: &Value) -> PyResult<Matcher> {
    let is_exc_class =
        |v: &Value| matches!(v, Value::Type(t) if matches!(t.kind, TypeKind::Exception(_)));
    match v {
        Value::Type(_) if is_exc_class(v) => Ok(Matcher::Type(v.clone())),
        Value::Type(_) => Err(bad_matcher()),
        Value::Tuple(items) if items.iter().all(is_exc_class) => Ok(Matcher::Type(v.clone())),
        Value::Function(_) | Value::Builtin(_) | Value::BoundBuiltin(_) | Value::Method(_) => {
            Ok(Matcher::Predicate(v.clone()))
        }
        Value::Instance(i)
            if crate::class::special(&i.class(), crate::names::D::Call).is_some() =>
        {
            Ok(Matcher::Predicate(v.clone()))
        }
        _ => Err(bad_matcher()),
    }
}

fn bad_matcher() -> PyErr {
    PyErr::type_error("expected a function, exception type or tuple of exception types")
}

fn check_match(vm: &mut Vm, exc: &Value, m: &Matcher) -> PyResult<bool> {
    match m {
        Matcher::Type(t) => crate::builtins::exception_matches(exc, t),
        Matcher::Predicate(f) => {
            let r = vm.call(f, std::slice::from_ref(exc))?;
            vm.truthy(&r)
        }
        Matcher::Ids(ids) => Ok(ids.contains(&exc.identity())),
    }
}

type Split = (Option<Value>, Option<Value>);

fn split_rec(
    vm: &mut Vm,
    exc: &Value,
    m: &Matcher,
    construct_rest: bool,
    depth: usize,
) -> PyResult<Split> {
    if check_match(vm, exc, m)? {
        return Ok((Some(exc.clone()), None));
    }
    let (Value::Exception(e), Some(g)) = (exc, group_of(exc).cloned()) else {
        return Ok((None, construct_rest.then(|| exc.clone())));
    };
    if depth > vm.recursion_limit {
        return Err(PyErr::new(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded in exceptiongroup_split_recursive",
        ));
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for sub in g.excs.iter() {
        let (mm, rr) = split_rec(vm, sub, m, construct_rest, depth + 1)?;
        matched.extend(mm);
        rest.extend(rr);
    }
    let matched = subset(vm, e, matched)?;
    let rest = if construct_rest {
        subset(vm, e, rest)?
    } else {
        None
    };
    Ok((matched, rest))
}

/// `exceptiongroup_subset`: `orig.derive(excs)` with `orig`'s traceback,
/// cause, context and a copy of its notes.
fn subset(vm: &mut Vm, orig: &Rc<ExcObj>, excs: Vec<Value>) -> PyResult<Option<Value>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let ov = Value::Exception(orig.clone());
    let derive = vm.get_attr(&ov, &Rc::new(StrObj::new("derive")))?;
    let eg = vm.call(&derive, &[Value::list(excs)])?;
    let Value::Exception(new) = &eg else {
        return Err(derive_error());
    };
    if new.group.is_none() {
        return Err(derive_error());
    }
    if !Rc::ptr_eq(new, orig) {
        let tb = crate::frame_obj::traceback_of(orig);
        crate::frame_obj::set_traceback(new, &tb)?;
        *new.context.borrow_mut() = orig.context.borrow().clone();
        *new.cause.borrow_mut() = orig.cause.borrow().clone();
        // `PyException_SetCause` always sets `__suppress_context__`.
        new.suppress_context.set(true);
    }
    let notes_name = Rc::new(StrObj::new("__notes__"));
    match vm.get_attr(&ov, &notes_name) {
        Ok(notes) => {
            if is_sequence(&notes) {
                let copy = Value::list(vm.collect(&notes)?);
                vm.set_attr(&eg, &notes_name, copy)?;
            }
        }
        Err(err) if err.is(ExcKind::AttributeError) => {}
        Err(err) => return Err(err),
    }
    Ok(Some(eg))
}

fn derive_error() -> PyErr {
    PyErr::type_error("derive must return an instance of BaseExceptionGroup")
}

fn eg_split(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (e, _) = self_group(&a, "split")?;
    let m = matcher(one_arg(&a, "split")?)?;
    let (matched, rest) = split_rec(vm, &Value::Exception(e.clone()), &m, true, 0)?;
    Ok(Value::tuple(vec![
        matched.unwrap_or(Value::None),
        rest.unwrap_or(Value::None),
    ]))
}

fn eg_subgroup(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (e, _) = self_group(&a, "subgroup")?;
    let m = matcher(one_arg(&a, "subgroup")?)?;
    let (matched, _) = split_rec(vm, &Value::Exception(e.clone()), &m, false, 0)?;
    Ok(matched.unwrap_or(Value::None))
}

/// `BaseException.add_note(note)`.
pub fn add_note(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (Some(exc @ Value::Exception(_)), 2) = (a.pos.first(), a.pos.len()) else {
        return Err(PyErr::type_error(format!(
            "BaseException.add_note() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        )));
    };
    let note = &a.pos[1];
    if !matches!(note, Value::Str(_)) {
        return Err(PyErr::type_error(format!(
            "note must be a str, not '{}'",
            type_name(note)
        )));
    }
    let name = Rc::new(StrObj::new("__notes__"));
    let notes = match vm.get_attr(exc, &name) {
        Ok(n) => n,
        Err(err) if err.is(ExcKind::AttributeError) => {
            let n = Value::list(Vec::new());
            vm.set_attr(exc, &name, n.clone())?;
            n
        }
        Err(err) => return Err(err),
    };
    match crate::instance::payload_of(&notes).unwrap_or(&notes) {
        Value::List(l) => l.borrow_mut().push(note.clone()),
        _ => {
            return Err(PyErr::type_error(
                "Cannot add note: __notes__ is not a list",
            ))
        }
    }
    Ok(Value::None)
}

// ---- except* ----

const CANNOT_EXCEPT_STAR_EG: &str =
    "catching ExceptionGroup with except* is not allowed. Use except instead.";

fn is_group_class(v: &Value) -> bool {
    matches!(v, Value::Type(t) if t.is_subtype(&exc_type(ExcKind::BaseExceptionGroup)))
}

/// `exception_group_match` of ceval.c: `(match, rest)` of `exc` against the
/// `except*` clause's type.
fn group_match(vm: &mut Vm, exc: &Value, typ: &Value) -> PyResult<(Value, Value)> {
    let full = crate::builtins::exception_matches(exc, typ)?;
    let bad = match typ {
        Value::Tuple(items) => items.iter().any(is_group_class),
        other => is_group_class(other),
    };
    if bad {
        return Err(PyErr::type_error(CANNOT_EXCEPT_STAR_EG));
    }
    if full {
        if group_of(exc).is_some() {
            return Ok((exc.clone(), Value::None));
        }
        // A naked exception is wrapped (without a traceback, as 3.11 does).
        let mut obj = ExcObj::new(
            exc_type(ExcKind::ExceptionGroup),
            vec![Value::str(""), Value::tuple(vec![exc.clone()])],
        );
        if let Value::Exception(e) = exc {
            if !e.typ.is_subtype(&exc_type(ExcKind::Exception)) {
                obj.typ = exc_type(ExcKind::BaseExceptionGroup);
            }
        }
        obj.group = Some(Rc::new(Group {
            message: Value::str(""),
            excs: Rc::new(vec![exc.clone()]),
        }));
        return Ok((Value::Exception(Rc::new(obj)), Value::None));
    }
    if group_of(exc).is_some() {
        let split = vm.get_attr(exc, &Rc::new(StrObj::new("split")))?;
        let pair = vm.call(&split, std::slice::from_ref(typ))?;
        let Value::Tuple(items) = &pair else {
            return Err(PyErr::type_error(format!(
                "{}.split must return a tuple, not {}",
                type_name(exc),
                type_name(&pair)
            )));
        };
        let [m, r] = items.as_slice() else {
            return Err(PyErr::type_error(format!(
                "{}.split must return a 2-tuple, got tuple of size {}",
                type_name(exc),
                items.len()
            )));
        };
        return Ok((m.clone(), r.clone()));
    }
    Ok((Value::None, Value::None))
}

impl Vm {
    /// `CHECK_EG_MATCH`: with `[exc]` on the stack and the clause's type
    /// popped already, leaves `[exc, None]` on no match, else `[rest, match]`
    /// with `match` as the exception being handled.
    pub(crate) fn check_eg_match(&mut self, typ: Value) -> PyResult<()> {
        let Some(exc) = self.stack.last().cloned() else {
            return Err(PyErr::system_error("stack underflow (corrupt bytecode)"));
        };
        let (matched, rest) = group_match(self, &exc, &typ)?;
        if matches!(matched, Value::None) {
            self.stack.push(matched);
        } else {
            if let Some(top) = self.stack.last_mut() {
                *top = rest;
            }
            self.exc_info = matched.clone();
            self.stack.push(matched);
        }
        Ok(())
    }

    /// `PREP_RERAISE_STAR` (`_PyExc_PrepReraiseStar`): what an `except*`
    /// statement raises at its end, given the original exception and the list
    /// of exceptions its clauses raised or re-raised.
    pub(crate) fn prep_reraise_star(&mut self, orig: Value, excs: Value) -> PyResult<Value> {
        let excs: Vec<Value> = match &excs {
            Value::List(l) => l.borrow().clone(),
            _ => return Err(PyErr::system_error("PREP_RERAISE_STAR expects a list")),
        };
        if excs.is_empty() {
            return Ok(Value::None);
        }
        let Value::Exception(o) = &orig else {
            return Ok(excs[0].clone());
        };
        if o.group.is_none() {
            // A naked exception was wrapped: only one clause could run.
            return Ok(excs[0].clone());
        }
        let mut raised = Vec::new();
        let mut reraised = Vec::new();
        for e in excs {
            match &e {
                Value::None => {}
                Value::Exception(x) if same_metadata(x, o) => reraised.push(e),
                _ => raised.push(e),
            }
        }
        let mut keep = HashSet::new();
        for e in &reraised {
            leaf_ids(e, &mut keep, 0);
        }
        let (reraised_eg, _) = split_rec(self, &orig, &Matcher::Ids(keep), false, 0)?;
        if raised.is_empty() {
            return Ok(reraised_eg.unwrap_or(Value::None));
        }
        raised.extend(reraised_eg);
        if raised.len() > 1 {
            let t = exc_type(ExcKind::BaseExceptionGroup);
            new(
                self,
                &t,
                Args {
                    pos: &[Value::str(""), Value::list(raised)],
                    kwnames: &[],
                    kwvals: &[],
                },
            )
        } else {
            Ok(raised.swap_remove(0))
        }
    }
}

fn same_metadata(a: &ExcObj, b: &ExcObj) -> bool {
    fn same(x: &Option<Rc<ExcObj>>, y: &Option<Rc<ExcObj>>) -> bool {
        match (x, y) {
            (None, None) => true,
            (Some(x), Some(y)) => Rc::ptr_eq(x, y),
            _ => false,
        }
    }
    let ta = a.traceback.borrow();
    let tb = b.traceback.borrow();
    let same_tb = ta.len() == tb.len()
        && ta
            .iter()
            .zip(tb.iter())
            .all(|(x, y)| Rc::ptr_eq(&x.code, &y.code) && x.ip == y.ip);
    let notes = |e: &ExcObj| {
        e.dict.borrow().as_ref().and_then(|d| {
            d.borrow()
                .get_str(&Rc::new(StrObj::new("__notes__")))
                .map(Value::identity)
        })
    };
    same_tb
        && same(&a.cause.borrow(), &b.cause.borrow())
        && same(&a.context.borrow(), &b.context.borrow())
        && notes(a) == notes(b)
}

fn leaf_ids(e: &Value, out: &mut HashSet<usize>, depth: usize) {
    match group_of(e) {
        Some(g) if depth < 10_000 => {
            for sub in g.excs.iter() {
                leaf_ids(sub, out, depth + 1);
            }
        }
        Some(_) => {}
        None => {
            if matches!(e, Value::Exception(_)) {
                out.insert(e.identity());
            }
        }
    }
}
