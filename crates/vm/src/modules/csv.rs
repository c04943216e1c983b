//! `_csv`: CPython's `Modules/_csv.c`, the reader's state machine, the
//! writer's quoting rules, dialect validation and the dialect registry
//! (`_csv._dialects`, a dict in the module) that `csv.py` builds on.

use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    borrow, class_of, cls_arg, iter_self, native_fn, native_methods, new_native, new_object,
    positional, receiver, state_of, stop, ClassSpec, PropSpec, SpecFlags,
};
use crate::types::{type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

const QUOTE_MINIMAL: i64 = 0;
const QUOTE_ALL: i64 = 1;
const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;
const FIELD_LIMIT: usize = 131_072;

fn error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    let t = super::native_exc::class(vm, "_csv.Error", "_csv", "Error", ExcKind::Exception);
    super::native_exc::raise(&t, msg)
}

/// A validated dialect.
#[derive(Clone, Debug)]
pub struct Dialect {
    delimiter: char,
    quotechar: Option<char>,
    escapechar: Option<char>,
    doublequote: bool,
    skipinitialspace: bool,
    lineterminator: String,
    quoting: i64,
    strict: bool,
}

impl Default for Dialect {
    fn default() -> Dialect {
        Dialect {
            delimiter: ',',
            quotechar: Some('"'),
            escapechar: None,
            doublequote: true,
            skipinitialspace: false,
            lineterminator: "\r\n".to_string(),
            quoting: QUOTE_MINIMAL,
            strict: false,
        }
    }
}

macro_rules! getter {
    ($id:ident, $name:literal, $f:ident) => {
        native_fn!($id, $name, "Dialect", $f);
    };
}
getter!(G_DELIM, "delimiter", d_delimiter);
getter!(G_QUOTE, "quotechar", d_quotechar);
getter!(G_ESC, "escapechar", d_escapechar);
getter!(G_DQ, "doublequote", d_doublequote);
getter!(G_SIS, "skipinitialspace", d_skipinitialspace);
getter!(G_LT, "lineterminator", d_lineterminator);
getter!(G_QUOTING, "quoting", d_quoting);
getter!(G_STRICT, "strict", d_strict);

static DIALECT_P: &[PropSpec] = &[
    PropSpec {
        name: "delimiter",
        get: &G_DELIM,
        set: None,
    },
    PropSpec {
        name: "quotechar",
        get: &G_QUOTE,
        set: None,
    },
    PropSpec {
        name: "escapechar",
        get: &G_ESC,
        set: None,
    },
    PropSpec {
        name: "doublequote",
        get: &G_DQ,
        set: None,
    },
    PropSpec {
        name: "skipinitialspace",
        get: &G_SIS,
        set: None,
    },
    PropSpec {
        name: "lineterminator",
        get: &G_LT,
        set: None,
    },
    PropSpec {
        name: "quoting",
        get: &G_QUOTING,
        set: None,
    },
    PropSpec {
        name: "strict",
        get: &G_STRICT,
        set: None,
    },
];
native_methods!(DIALECT_M, "Dialect", ["__new__" => dialect_new]);
static DIALECT: ClassSpec = ClassSpec {
    name: "Dialect",
    module: "_csv",
    base: TypeKind::Object,
    methods: DIALECT_M,
    classmethods: &[],
    props: DIALECT_P,
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

native_methods!(READER_M, "reader", ["__iter__" => iter_self, "__next__" => reader_next]);
native_fn!(R_DIALECT, "dialect", "reader", reader_dialect);
native_fn!(R_LINE, "line_num", "reader", reader_line_num);
static READER_P: &[PropSpec] = &[
    PropSpec {
        name: "dialect",
        get: &R_DIALECT,
        set: None,
    },
    PropSpec {
        name: "line_num",
        get: &R_LINE,
        set: None,
    },
];
static READER: ClassSpec = ClassSpec {
    name: "reader",
    module: "_csv",
    base: TypeKind::Object,
    methods: READER_M,
    classmethods: &[],
    props: READER_P,
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

native_methods!(WRITER_M, "writer", ["writerow" => writerow, "writerows" => writerows]);
native_fn!(W_DIALECT, "dialect", "writer", writer_dialect);
static WRITER_P: &[PropSpec] = &[PropSpec {
    name: "dialect",
    get: &W_DIALECT,
    set: None,
}];
static WRITER: ClassSpec = ClassSpec {
    name: "writer",
    module: "_csv",
    base: TypeKind::Object,
    methods: WRITER_M,
    classmethods: &[],
    props: WRITER_P,
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

super::module_functions!(CSV_FUNCTIONS, "_csv", [
    "reader" => csv_reader, "writer" => csv_writer, "register_dialect" => register_dialect,
    "unregister_dialect" => unregister_dialect, "get_dialect" => get_dialect,
    "list_dialects" => list_dialects, "field_size_limit" => field_size_limit,
]);

/// Builds the `_csv` module.
pub fn init(vm: &mut Vm) -> Value {
    let err = super::native_exc::class(vm, "_csv.Error", "_csv", "Error", ExcKind::Exception);
    let reader = Value::Type(class_of(vm, &READER));
    let writer = Value::Type(class_of(vm, &WRITER));
    new_module(
        "_csv",
        CSV_FUNCTIONS,
        vec![
            ("Dialect", Value::Type(class_of(vm, &DIALECT))),
            ("Error", Value::Type(err)),
            ("Reader", reader),
            ("Writer", writer),
            ("_dialects", Value::dict(Dict::new())),
            ("__version__", Value::str("1.0")),
            ("__doc__", Value::str("CSV parsing and writing.\n")),
            ("QUOTE_MINIMAL", Value::Int(QUOTE_MINIMAL)),
            ("QUOTE_ALL", Value::Int(QUOTE_ALL)),
            ("QUOTE_NONNUMERIC", Value::Int(QUOTE_NONNUMERIC)),
            ("QUOTE_NONE", Value::Int(QUOTE_NONE)),
        ],
    )
}

/// The registry dict (`_csv._dialects`).
fn registry(vm: &mut Vm) -> PyResult<Rc<std::cell::RefCell<Dict>>> {
    let m = vm.import_module("_csv")?;
    let name = vm.intern("_dialects");
    match vm.get_attr(&m, &name)? {
        Value::Dict(d) => Ok(d),
        _ => Err(PyErr::type_error("_csv._dialects is not a dict")),
    }
}

const PARAMS: [&str; 8] = [
    "delimiter",
    "doublequote",
    "escapechar",
    "lineterminator",
    "quotechar",
    "quoting",
    "skipinitialspace",
    "strict",
];

fn char_param(name: &str, v: &Value, allow_none: bool) -> PyResult<Option<char>> {
    match v {
        Value::None if allow_none => Ok(None),
        Value::Str(s) if s.char_len() == 1 => Ok(s.as_str().chars().next()),
        Value::Str(_) => Err(PyErr::type_error(format!(
            "\"{name}\" must be a 1-character string"
        ))),
        other => Err(PyErr::type_error(format!(
            "\"{}\" must be string{}, not {}",
            name,
            if allow_none { " or None" } else { "" },
            type_name(other)
        ))),
    }
}

/// Builds a dialect from a base (name, dialect object or any object with
/// the attributes) and keyword overrides, with `_csv.c`'s validation.
fn make_dialect(vm: &mut Vm, base: Option<&Value>, kw: &[(String, Value)]) -> PyResult<Dialect> {
    let base = match base {
        Some(Value::Str(s)) => {
            let reg = registry(vm)?;
            let found = reg.borrow().get_str(s).cloned();
            Some(found.ok_or_else(|| error(vm, "unknown dialect"))?)
        }
        Some(v) => Some(v.clone()),
        None => None,
    };
    if let Some(b) = &base {
        if kw.is_empty() {
            if let Some(d) = state_of::<Dialect>(b) {
                return Ok(borrow(&d)?.clone());
            }
        }
    }
    let mut vals: Vec<Option<Value>> = vec![None; PARAMS.len()];
    if let Some(b) = &base {
        for (i, p) in PARAMS.iter().enumerate() {
            let name = vm.intern(p);
            match vm.get_attr(b, &name) {
                Ok(v) => vals[i] = Some(v),
                Err(e) if e.is(ExcKind::AttributeError) => {}
                Err(e) => return Err(e),
            }
        }
    }
    for (k, v) in kw {
        match PARAMS.iter().position(|p| p == k) {
            Some(i) => vals[i] = Some(v.clone()),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{k}' is an invalid keyword argument for this function"
                )))
            }
        }
    }
    let mut d = Dialect::default();
    if let Some(v) = &vals[0] {
        d.delimiter = char_param("delimiter", v, false)?.unwrap_or(',');
    }
    if let Some(v) = &vals[1] {
        d.doublequote = vm.truthy(v)?;
    }
    if let Some(v) = &vals[2] {
        d.escapechar = char_param("escapechar", v, true)?;
    }
    if let Some(v) = &vals[3] {
        match v {
            Value::Str(s) => d.lineterminator = s.as_str().to_string(),
            _ => return Err(PyErr::type_error("\"lineterminator\" must be a string")),
        }
    }
    if let Some(v) = &vals[4] {
        d.quotechar = char_param("quotechar", v, true)?;
    }
    match &vals[5] {
        Some(Value::Int(q)) => {
            if !(0..=3).contains(q) {
                return Err(PyErr::type_error("bad \"quoting\" value"));
            }
            d.quoting = *q;
        }
        Some(Value::Bool(b)) => d.quoting = i64::from(*b),
        Some(_) => return Err(PyErr::type_error("\"quoting\" must be an integer")),
        None => {
            if matches!(vals[4], Some(Value::None)) {
                d.quoting = QUOTE_NONE;
            }
        }
    }
    if let Some(v) = &vals[6] {
        d.skipinitialspace = vm.truthy(v)?;
    }
    if let Some(v) = &vals[7] {
        d.strict = vm.truthy(v)?;
    }
    if d.quoting != QUOTE_NONE && d.quotechar.is_none() {
        return Err(PyErr::type_error(
            "quotechar must be set if quoting enabled",
        ));
    }
    Ok(d)
}

fn kwargs(a: &Args<'_>) -> Vec<(String, Value)> {
    a.kwnames
        .iter()
        .zip(a.kwvals)
        .map(|(k, v)| {
            let k = match k {
                Value::Str(s) => s.as_str().to_string(),
                _ => String::new(),
            };
            (k, v.clone())
        })
        .collect()
}

/// Splits `dialect=` out of the keywords.
fn dialect_and_params<'a>(
    a: &Args<'a>,
    pos_dialect: Option<&'a Value>,
) -> (Option<Value>, Vec<(String, Value)>) {
    let mut base = pos_dialect.cloned();
    let mut rest = Vec::new();
    for (k, v) in kwargs(a) {
        if k == "dialect" {
            base = Some(v);
        } else {
            rest.push((k, v));
        }
    }
    (base, rest)
}

fn dialect_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let (base, kw) = dialect_and_params(&a, a.pos.get(1));
    let d = make_dialect(vm, base.as_ref(), &kw)?;
    Ok(new_object(&cls, d))
}

fn dialect_value(vm: &mut Vm, d: Dialect) -> Value {
    new_native(vm, &DIALECT, d)
}

fn me_d(a: &Args<'_>, name: &str) -> PyResult<Dialect> {
    let st = receiver::<Dialect>(a, "_csv.Dialect", name)?;
    let d = borrow(&st)?.clone();
    Ok(d)
}

fn char_value(c: Option<char>) -> Value {
    c.map_or(Value::None, |c| Value::string(c.to_string()))
}

fn d_delimiter(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(char_value(Some(me_d(&a, "delimiter")?.delimiter)))
}
fn d_quotechar(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(char_value(me_d(&a, "quotechar")?.quotechar))
}
fn d_escapechar(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(char_value(me_d(&a, "escapechar")?.escapechar))
}
fn d_doublequote(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(me_d(&a, "doublequote")?.doublequote))
}
fn d_skipinitialspace(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(me_d(&a, "skipinitialspace")?.skipinitialspace))
}
fn d_lineterminator(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::string(me_d(&a, "lineterminator")?.lineterminator))
}
fn d_quoting(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(me_d(&a, "quoting")?.quoting))
}
fn d_strict(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(me_d(&a, "strict")?.strict))
}

// ---- registry ----

fn register_dialect(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(name) = a.pos.first() else {
        return Err(PyErr::type_error(
            "register_dialect() expected at least 1 argument, got 0",
        ));
    };
    if !matches!(name, Value::Str(_)) {
        return Err(PyErr::type_error("dialect name must be a string"));
    }
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "register_dialect() expected at most 2 arguments, got {}",
            a.pos.len()
        )));
    }
    let d = make_dialect(vm, a.pos.get(1), &kwargs(&a))?;
    let dv = dialect_value(vm, d);
    let reg = registry(vm)?;
    let _ = reg.borrow_mut().insert(name.clone(), dv);
    Ok(Value::None)
}

fn unregister_dialect(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [name] = positional(&a, "unregister_dialect", 1, 1)? else {
        return Err(PyErr::type_error("unregister_dialect expected 1 argument"));
    };
    let reg = registry(vm)?;
    let removed = match name {
        Value::Str(_) => reg.borrow_mut().remove(name)?,
        _ => None,
    };
    match removed {
        Some(_) => Ok(Value::None),
        None => Err(error(vm, "unknown dialect")),
    }
}

fn get_dialect(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [name] = positional(&a, "get_dialect", 1, 1)? else {
        return Err(PyErr::type_error("get_dialect expected 1 argument"));
    };
    let reg = registry(vm)?;
    let found = match name {
        Value::Str(s) => reg.borrow().get_str(s).cloned(),
        _ => None,
    };
    found.ok_or_else(|| error(vm, "unknown dialect"))
}

fn list_dialects(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "list_dialects", 0, 0)?;
    let reg = registry(vm)?;
    let keys: Vec<Value> = reg.borrow().iter().map(|(k, _)| k.clone()).collect();
    Ok(Value::list(keys))
}

thread_local! {
    static LIMIT: std::cell::Cell<usize> = const { std::cell::Cell::new(FIELD_LIMIT) };
}

fn field_size_limit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = crate::native::bind_args(&a, "field_size_limit", &["new_limit"], 0)?;
    let old = LIMIT.with(std::cell::Cell::get);
    if let Some(v) = args[0] {
        if !matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
            return Err(PyErr::type_error("limit must be an integer"));
        }
        let n = vm.index_value(v)?;
        LIMIT.with(|l| l.set(n.max(0) as usize));
    }
    Ok(Value::Int(old as i64))
}

// ---- reader ----

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

struct Reader {
    input: Value,
    dialect: Dialect,
    line_num: i64,
    state: State,
    fields: Vec<Value>,
    field: String,
    field_len: usize,
    quoted: bool,
}

fn csv_reader(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(src) = a.pos.first() else {
        return Err(PyErr::type_error("expected at least 1 argument, got 0"));
    };
    let input = vm.get_iter(src)?;
    let (base, kw) = dialect_and_params(&a, a.pos.get(1));
    // No dialect argument is no base at all (`_call_dialect(NULL, ...)`),
    // so a `quotechar=None` alone turns quoting off.
    let dialect = match base {
        Some(base) => make_dialect_or_default(vm, &base, &kw)?,
        None => make_dialect(vm, None, &kw)?,
    };
    Ok(new_native(
        vm,
        &READER,
        Reader {
            input,
            dialect,
            line_num: 0,
            state: State::StartRecord,
            fields: Vec::new(),
            field: String::new(),
            field_len: 0,
            quoted: false,
        },
    ))
}

/// `excel` before `csv.py` registered it is the default dialect.
fn make_dialect_or_default(vm: &mut Vm, base: &Value, kw: &[(String, Value)]) -> PyResult<Dialect> {
    if let Value::Str(s) = base {
        if s.as_str() == "excel" {
            let reg = registry(vm)?;
            if reg.borrow().get_str(s).is_none() {
                return make_dialect(vm, None, kw);
            }
        }
    }
    make_dialect(vm, Some(base), kw)
}

impl Reader {
    fn save_field(&mut self, vm: &mut Vm) -> PyResult<()> {
        let text = std::mem::take(&mut self.field);
        self.field_len = 0;
        let v = if self.dialect.quoting == QUOTE_NONNUMERIC && !self.quoted && !text.is_empty() {
            crate::builtins::construct(
                vm,
                &crate::types::builtin_type(TypeKind::Float),
                Args {
                    pos: &[Value::string(text)],
                    kwnames: &[],
                    kwvals: &[],
                },
            )?
        } else {
            // An empty unquoted field never started a numeric one
            // (`numeric_field` is set by its first character): it stays ''.
            Value::string(text)
        };
        self.quoted = false;
        self.fields.push(v);
        Ok(())
    }

    fn add_char(&mut self, vm: &mut Vm, c: char) -> PyResult<()> {
        let limit = LIMIT.with(std::cell::Cell::get);
        if self.field_len >= limit {
            return Err(error(
                vm,
                format!("field larger than field limit ({limit})"),
            ));
        }
        self.field.push(c);
        self.field_len += 1;
        Ok(())
    }

    /// `parse_process_char`; `None` is the end of a line.
    fn process(&mut self, vm: &mut Vm, c: Option<char>) -> PyResult<()> {
        let d = self.dialect.clone();
        let is_eol = |c: Option<char>| matches!(c, None | Some('\n' | '\r'));
        match self.state {
            State::StartRecord => {
                if c.is_none() {
                    return Ok(());
                }
                if is_eol(c) {
                    self.state = State::EatCrnl;
                    return Ok(());
                }
                self.state = State::StartField;
                self.process(vm, c)?;
            }
            State::StartField => {
                if is_eol(c) {
                    self.save_field(vm)?;
                    self.state = if c.is_none() {
                        State::StartRecord
                    } else {
                        State::EatCrnl
                    };
                } else if c == d.quotechar && d.quoting != QUOTE_NONE {
                    self.quoted = true;
                    self.state = State::InQuotedField;
                } else if c == d.escapechar {
                    self.state = State::EscapedChar;
                } else if c == Some(' ') && d.skipinitialspace {
                } else if c == Some(d.delimiter) {
                    self.save_field(vm)?;
                } else if let Some(ch) = c {
                    self.add_char(vm, ch)?;
                    self.state = State::InField;
                }
            }
            State::EscapedChar => match c {
                Some(ch @ ('\n' | '\r')) => {
                    self.add_char(vm, ch)?;
                    self.state = State::AfterEscapedCrnl;
                }
                None => {
                    self.add_char(vm, '\n')?;
                    self.state = State::InField;
                }
                Some(ch) => {
                    self.add_char(vm, ch)?;
                    self.state = State::InField;
                }
            },
            State::AfterEscapedCrnl => {
                if c.is_none() {
                    return Ok(());
                }
                self.state = State::InField;
                self.process(vm, c)?;
            }
            State::InField => {
                if is_eol(c) {
                    self.save_field(vm)?;
                    self.state = if c.is_none() {
                        State::StartRecord
                    } else {
                        State::EatCrnl
                    };
                } else if c == d.escapechar {
                    self.state = State::EscapedChar;
                } else if c == Some(d.delimiter) {
                    self.save_field(vm)?;
                    self.state = State::StartField;
                } else if let Some(ch) = c {
                    self.add_char(vm, ch)?;
                }
            }
            State::InQuotedField => {
                if c.is_none() {
                } else if c == d.escapechar {
                    self.state = State::EscapeInQuotedField;
                } else if c == d.quotechar && d.quoting != QUOTE_NONE {
                    self.state = if d.doublequote {
                        State::QuoteInQuotedField
                    } else {
                        State::InField
                    };
                } else if let Some(ch) = c {
                    self.add_char(vm, ch)?;
                }
            }
            State::EscapeInQuotedField => {
                self.add_char(vm, c.unwrap_or('\n'))?;
                self.state = State::InQuotedField;
            }
            State::QuoteInQuotedField => {
                if d.quoting != QUOTE_NONE && c == d.quotechar {
                    if let Some(ch) = c {
                        self.add_char(vm, ch)?;
                    }
                    self.state = State::InQuotedField;
                } else if c == Some(d.delimiter) {
                    self.save_field(vm)?;
                    self.state = State::StartField;
                } else if is_eol(c) {
                    self.save_field(vm)?;
                    self.state = if c.is_none() {
                        State::StartRecord
                    } else {
                        State::EatCrnl
                    };
                } else if !d.strict {
                    if let Some(ch) = c {
                        self.add_char(vm, ch)?;
                    }
                    self.state = State::InField;
                } else {
                    return Err(error(
                        vm,
                        format!(
                            "'{}' expected after '{}'",
                            d.delimiter,
                            d.quotechar.unwrap_or('"')
                        ),
                    ));
                }
            }
            State::EatCrnl => {
                if c.is_none() {
                    self.state = State::StartRecord;
                } else if is_eol(c) {
                } else {
                    return Err(error(
                        vm,
                        "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?",
                    ));
                }
            }
        }
        Ok(())
    }
}

fn reader_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Reader>(&a, "_csv.reader", "__next__")?;
    {
        let mut r = borrow(&st)?;
        r.fields.clear();
        r.state = State::StartRecord;
        r.field.clear();
        r.field_len = 0;
        r.quoted = false;
    }
    loop {
        let input = borrow(&st)?.input.clone();
        let line = match vm.iter_next(&input)? {
            Some(l) => l,
            None => {
                let mut r = borrow(&st)?;
                if r.field_len == 0 && r.state != State::InQuotedField {
                    return Err(stop());
                }
                if r.dialect.strict {
                    drop(r);
                    return Err(error(vm, "unexpected end of data"));
                }
                r.save_field(vm)?;
                let fields = std::mem::take(&mut r.fields);
                return Ok(Value::list(fields));
            }
        };
        let Value::Str(text) = &line else {
            return Err(error(
                vm,
                format!(
                    "iterator should return strings, not {} (the file should be opened in text mode)",
                    type_name(&line)
                ),
            ));
        };
        let mut r = borrow(&st)?;
        r.line_num += 1;
        for ch in text.as_str().chars() {
            r.process(vm, Some(ch))?;
        }
        r.process(vm, None)?;
        if r.state == State::StartRecord {
            let fields = std::mem::take(&mut r.fields);
            return Ok(Value::list(fields));
        }
    }
}

fn reader_dialect(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Reader>(&a, "_csv.reader", "dialect")?;
    let d = borrow(&st)?.dialect.clone();
    Ok(dialect_value(vm, d))
}

fn reader_line_num(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Reader>(&a, "_csv.reader", "line_num")?;
    let n = borrow(&st)?.line_num;
    Ok(Value::Int(n))
}

// ---- writer ----

struct Writer {
    write: Value,
    dialect: Dialect,
}

fn csv_writer(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(dst) = a.pos.first() else {
        return Err(PyErr::type_error("expected at least 1 argument, got 0"));
    };
    let name = vm.intern("write");
    let write = match vm.get_attr(dst, &name) {
        Ok(w) if crate::native::is_callable(&w) => w,
        // Only a missing attribute becomes the TypeError; an error raised
        // while reading it (a property) goes through.
        Err(e) if !e.is(ExcKind::AttributeError) => return Err(e),
        Ok(_) | Err(_) => return Err(PyErr::type_error("argument 1 must have a \"write\" method")),
    };
    let (base, kw) = dialect_and_params(&a, a.pos.get(1));
    // No dialect argument is no base at all (`_call_dialect(NULL, ...)`),
    // so a `quotechar=None` alone turns quoting off.
    let dialect = match base {
        Some(base) => make_dialect_or_default(vm, &base, &kw)?,
        None => make_dialect(vm, None, &kw)?,
    };
    Ok(new_native(vm, &WRITER, Writer { write, dialect }))
}

fn is_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) | Value::Complex(_)
    )
}

/// Appends one field with the dialect's quoting and escaping.
fn append_field(
    vm: &mut Vm,
    d: &Dialect,
    out: &mut String,
    text: &str,
    mut quoted: bool,
) -> PyResult<()> {
    let mut body = String::with_capacity(text.len());
    for c in text.chars() {
        let special = c == d.delimiter
            || Some(c) == d.escapechar
            || Some(c) == d.quotechar
            || d.lineterminator.contains(c);
        let mut want_escape = false;
        if special {
            if d.quoting == QUOTE_NONE {
                want_escape = true;
            } else {
                if Some(c) == d.quotechar {
                    if d.doublequote {
                        body.push(c);
                    } else {
                        want_escape = true;
                    }
                } else if Some(c) == d.escapechar {
                    want_escape = true;
                }
                if !want_escape {
                    quoted = true;
                }
            }
            if want_escape {
                match d.escapechar {
                    Some(e) => body.push(e),
                    None => return Err(error(vm, "need to escape, but no escapechar set")),
                }
            }
        }
        body.push(c);
    }
    let q = d.quotechar.unwrap_or('"');
    if quoted {
        out.push(q);
    }
    out.push_str(&body);
    if quoted {
        out.push(q);
    }
    Ok(())
}

fn writerow(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Writer>(&a, "_csv.writer", "writerow")?;
    let [_, row] = a.pos else {
        return Err(PyErr::type_error(format!(
            "writerow() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        )));
    };
    let (write, d) = {
        let w = borrow(&st)?;
        (w.write.clone(), w.dialect.clone())
    };
    let items = match vm.get_iter(row) {
        Ok(it) => {
            let mut v = Vec::new();
            while let Some(x) = vm.iter_next(&it)? {
                v.push(x);
            }
            v
        }
        Err(e) if e.is(ExcKind::TypeError) => {
            return Err(error(
                vm,
                format!("iterable expected, not {}", type_name(row)),
            ))
        }
        Err(e) => return Err(e),
    };
    let mut line = String::new();
    for (i, field) in items.iter().enumerate() {
        if i > 0 {
            line.push(d.delimiter);
        }
        let quoted = match d.quoting {
            QUOTE_ALL => true,
            QUOTE_NONNUMERIC => !is_number(field),
            _ => false,
        };
        let text = match field {
            Value::None => String::new(),
            Value::Str(s) => s.as_str().to_string(),
            other => vm.str_of(other)?,
        };
        append_field(vm, &d, &mut line, &text, quoted)?;
    }
    if items.len() == 1 && line.is_empty() {
        if d.quoting == QUOTE_NONE {
            return Err(error(vm, "single empty field record must be quoted"));
        }
        let q = d.quotechar.unwrap_or('"');
        line.push(q);
        line.push(q);
    }
    line.push_str(&d.lineterminator);
    vm.call(&write, &[Value::string(line)])
}

fn writerows(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [me, rows] = a.pos else {
        return Err(PyErr::type_error("writerows() takes exactly one argument"));
    };
    let it = vm.get_iter(rows)?;
    while let Some(row) = vm.iter_next(&it)? {
        let pos = [me.clone(), row];
        writerow(
            vm,
            Args {
                pos: &pos,
                kwnames: &[],
                kwvals: &[],
            },
        )?;
    }
    Ok(Value::None)
}

fn writer_dialect(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Writer>(&a, "_csv.writer", "dialect")?;
    let d = borrow(&st)?.dialect.clone();
    Ok(dialect_value(vm, d))
}
