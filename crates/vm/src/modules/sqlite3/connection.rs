//! `sqlite3.Connection` (CPython's `connection.c`): opening, transactions
//! (the implicit `BEGIN` of `isolation_level`), commit and rollback, user
//! functions and hooks, limits, backup, and the shortcuts that go through
//! a new cursor.

use std::cell::{Ref, RefCell, RefMut};
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{bind_args, cls_arg, is_callable, native_fn, native_methods, new_object};
use crate::native::{positional, rest, state_of, ClassSpec, PropSpec, SpecFlags};
use crate::types::{builtin_type, type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::errors::{from_db, raise, Errors};
use super::statement::{self, Cache, Statement};
use super::{raw, state, CONNECT_PARAMS};

native_methods!(METHODS, "Connection", [
    "__new__" => conn_new, "__init__" => conn_init,
    "cursor" => conn_cursor, "close" => conn_close, "commit" => conn_commit,
    "rollback" => conn_rollback, "execute" => conn_execute,
    "executemany" => conn_executemany, "executescript" => conn_executescript,
    "create_function" => create_function, "create_aggregate" => create_aggregate,
    "create_collation" => create_collation,
    "create_window_function" => create_window_function, "blobopen" => conn_blobopen,
    "serialize" => conn_serialize, "deserialize" => conn_deserialize, "set_authorizer" => set_authorizer,
    "set_progress_handler" => set_progress_handler,
    "set_trace_callback" => set_trace_callback, "interrupt" => conn_interrupt,
    "iterdump" => conn_iterdump, "backup" => conn_backup,
    "getlimit" => conn_getlimit, "setlimit" => conn_setlimit,
    "__enter__" => conn_enter, "__exit__" => conn_exit, "__call__" => conn_call,
]);

native_methods!(STATEMENT_METHODS, "Statement", ["__new__" => statement_new]);

/// `sqlite3.Statement`: what calling a connection with SQL returns.
pub(super) static STATEMENT: ClassSpec = ClassSpec {
    name: "Statement",
    module: "sqlite3",
    base: TypeKind::Object,
    methods: STATEMENT_METHODS,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

fn statement_new(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::type_error(
        "cannot create 'sqlite3.Statement' instances",
    ))
}

/// `connection(sql)`: the prepared statement, as a `Statement` object.
fn conn_call(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "__call__")?;
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(
            "sqlite3.Connection() takes no keyword arguments",
        ));
    }
    let db = check(vm, &c)?;
    let args = positional(&rest(&a), "Connection", 1, 1)?;
    let sql = match super::utf8(&args[0]) {
        Some(r) => r?.to_string(),
        None => {
            return Err(PyErr::type_error(format!(
                "argument 1 must be str, not {}",
                type_name(&args[0])
            )))
        }
    };
    let errs = errors(vm);
    let st = statement::create(vm, &db, &errs, &sql)?;
    Ok(crate::native::new_native(vm, &STATEMENT, st))
}

native_fn!(
    GET_ISO,
    "isolation_level",
    "Connection",
    get_isolation_level
);
native_fn!(
    SET_ISO,
    "isolation_level",
    "Connection",
    set_isolation_level
);
native_fn!(GET_INTX, "in_transaction", "Connection", get_in_transaction);
native_fn!(GET_TOTAL, "total_changes", "Connection", get_total_changes);
native_fn!(GET_ROWF, "row_factory", "Connection", get_row_factory);
native_fn!(SET_ROWF, "row_factory", "Connection", set_row_factory);
native_fn!(GET_TEXTF, "text_factory", "Connection", get_text_factory);
native_fn!(SET_TEXTF, "text_factory", "Connection", set_text_factory);

static PROPS: &[PropSpec] = &[
    PropSpec {
        name: "isolation_level",
        get: &GET_ISO,
        set: Some(&SET_ISO),
    },
    PropSpec {
        name: "in_transaction",
        get: &GET_INTX,
        set: None,
    },
    PropSpec {
        name: "total_changes",
        get: &GET_TOTAL,
        set: None,
    },
    PropSpec {
        name: "row_factory",
        get: &GET_ROWF,
        set: Some(&SET_ROWF),
    },
    PropSpec {
        name: "text_factory",
        get: &GET_TEXTF,
        set: Some(&SET_TEXTF),
    },
];

/// `sqlite3.Connection`.
pub(super) static CONNECTION: ClassSpec = ClassSpec {
    name: "Connection",
    module: "sqlite3",
    base: TypeKind::Object,
    methods: METHODS,
    classmethods: &[],
    props: PROPS,
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

/// A connection's state.
#[derive(Debug)]
pub(super) struct ConnState {
    /// The open database; `None` before `__init__` and after `close()`.
    pub(super) db: Option<Rc<raw::Db>>,
    /// `__init__` has run.
    pub(super) initialized: bool,
    pub(super) detect_types: i64,
    /// The `BEGIN` flavour, `None` in autocommit mode.
    pub(super) isolation_level: Option<&'static str>,
    check_same_thread: bool,
    thread_ident: i64,
    cache: Cache,
    pub(super) row_factory: Value,
    pub(super) text_factory: Value,
    /// Hook callables, boxed so SQLite can hold their address.
    authorizer: Option<Box<Value>>,
    progress: Option<Box<Value>>,
    trace: Option<Box<Value>>,
}

/// Borrows a connection's state, or a `RuntimeError` if it is in use.
pub(super) fn get(c: &RefCell<ConnState>) -> PyResult<Ref<'_, ConnState>> {
    c.try_borrow()
        .map_err(|_| PyErr::new(ExcKind::RuntimeError, "cannot re-enter a native object"))
}

fn get_mut(c: &RefCell<ConnState>) -> PyResult<RefMut<'_, ConnState>> {
    crate::native::borrow(c)
}

/// The connection state of `v` if it is a `Connection`.
pub(super) fn conn_of(v: &Value) -> Option<Rc<RefCell<ConnState>>> {
    state_of::<ConnState>(v)
}

fn recv(a: &Args<'_>, name: &str) -> PyResult<(Value, Rc<RefCell<ConnState>>)> {
    let c = crate::native::receiver::<ConnState>(a, "sqlite3.Connection", name)?;
    Ok((a.pos.first().cloned().unwrap_or(Value::None), c))
}

fn errors(vm: &mut Vm) -> Errors {
    state(vm).errors.clone()
}

/// CPython's `pysqlite_check_thread`.
pub(super) fn check_thread(vm: &mut Vm, c: &RefCell<ConnState>) -> PyResult<()> {
    let (check, owner) = {
        let s = get(c)?;
        (s.check_same_thread, s.thread_ident)
    };
    let me = vm.sched.ident();
    if check && owner != me {
        return Err(raise(
            &errors(vm).programming,
            format!(
                "SQLite objects created in a thread can only be used in that same thread. \
                 The object was created in thread id {owner} and this is thread id {me}."
            ),
        ));
    }
    Ok(())
}

/// CPython's `pysqlite_check_connection`: the open database.
pub(super) fn check_connection(vm: &mut Vm, c: &RefCell<ConnState>) -> PyResult<Rc<raw::Db>> {
    let s = get(c)?;
    if !s.initialized {
        return Err(raise(
            &errors(vm).programming,
            "Base Connection.__init__ not called.",
        ));
    }
    match &s.db {
        Some(db) => Ok(db.clone()),
        None => Err(raise(
            &errors(vm).programming,
            "Cannot operate on a closed database.",
        )),
    }
}

/// Both checks, as most methods start.
pub(super) fn check(vm: &mut Vm, c: &RefCell<ConnState>) -> PyResult<Rc<raw::Db>> {
    check_thread(vm, c)?;
    check_connection(vm, c)
}

fn conn_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    Ok(new_object(
        &cls,
        ConnState {
            db: None,
            initialized: false,
            detect_types: 0,
            isolation_level: Some(""),
            // As CPython's zeroed object: an uninitialised connection
            // reports "Base Connection.__init__ not called." first.
            check_same_thread: false,
            thread_ident: 0,
            cache: Cache::new(0),
            row_factory: Value::None,
            text_factory: Value::Type(builtin_type(TypeKind::Str)),
            authorizer: None,
            progress: None,
            trace: None,
        },
    ))
}

/// `isolation_level` as CPython accepts it: `None`, or one of the four
/// levels in any case, stored canonically.
fn isolation_level(v: &Value) -> PyResult<Option<&'static str>> {
    match v {
        Value::None => Ok(None),
        v if super::str_obj(v).is_some() => {
            let s = super::utf8(v).unwrap_or(Ok(""))?;
            if s.contains('\0') {
                return Err(PyErr::value_error("embedded null character"));
            }
            ["", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"]
                .into_iter()
                .find(|l| l.eq_ignore_ascii_case(s))
                .map(Some)
                .ok_or_else(|| {
                    PyErr::value_error(
                        "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'",
                    )
                })
        }
        _ => Err(PyErr::type_error("isolation_level must be str or None")),
    }
}

/// The path argument (`PyUnicode_FSConverter`).
fn database_path(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match crate::modules::posix::path::fspath(vm, v)? {
        Value::Str(s) => Ok(s.as_str().as_bytes().to_vec()),
        Value::Bytes(b) => Ok(b.to_vec()),
        _ => Ok(Vec::new()),
    }
}

fn float_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(n) => Ok(*n as f64),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        _ => {
            let name = vm.intern("__float__");
            match vm.get_attr(v, &name) {
                Ok(f) => match vm.call(&f, &[])? {
                    Value::Float(f) => Ok(f),
                    _ => Err(PyErr::type_error(format!(
                        "must be real number, not {what}"
                    ))),
                },
                Err(_) => Err(PyErr::type_error(format!(
                    "must be real number, not {}",
                    type_name(v)
                ))),
            }
        }
    }
}

fn conn_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "__init__")?;
    // Initialising again closes the old database first, so a failure
    // leaves the connection uninitialised.
    let old = {
        let mut s = get_mut(&c)?;
        s.initialized = false;
        s.cache.clear();
        let hooks = (s.authorizer.take(), s.progress.take(), s.trace.take());
        (s.db.take(), hooks)
    };
    drop(old);
    let r = rest(&a);
    let b = bind_args(&r, "Connection", CONNECT_PARAMS, 1)?;
    let path = database_path(vm, b[0].unwrap_or(&Value::None))?;
    let timeout = match b[1] {
        Some(v) => float_arg(vm, v, "")?,
        None => 5.0,
    };
    let detect_types = match b[2] {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    let level = match b[3] {
        Some(v) => isolation_level(v)?,
        None => Some(""),
    };
    let check_same_thread = match b[4] {
        Some(v) => vm.index_value(v)? != 0,
        None => true,
    };
    let cached = match b[6] {
        Some(v) => vm.index_value(v)?,
        None => 128,
    };
    let uri = match b[7] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let errs = errors(vm);
    let db = raw::Db::open(&path, raw::open_flags(uri))
        .map_err(|(code, ext, msg)| super::errors::from_code(&errs, code, ext, &msg))?;
    db.busy_timeout((timeout * 1000.0) as i32);
    let ident = vm.sched.ident();
    let mut s = get_mut(&c)?;
    s.db = Some(Rc::new(db));
    s.initialized = true;
    s.detect_types = detect_types;
    s.isolation_level = level;
    s.check_same_thread = check_same_thread;
    s.thread_ident = ident;
    s.cache = Cache::new(cached.max(0) as usize);
    s.row_factory = Value::None;
    s.text_factory = Value::Type(builtin_type(TypeKind::Str));
    Ok(Value::None)
}

/// A statement for `sql`, from the cache when one is free.
pub(super) fn statement_for(
    vm: &mut Vm,
    c: &RefCell<ConnState>,
    db: &raw::Db,
    sql: &str,
) -> PyResult<Rc<Statement>> {
    if let Some(st) = get_mut(c)?.cache.get(sql) {
        if !st.in_use.get() {
            return Ok(st);
        }
        let errs = errors(vm);
        return Ok(Rc::new(statement::create(vm, db, &errs, sql)?));
    }
    let errs = errors(vm);
    let st = Rc::new(statement::create(vm, db, &errs, sql)?);
    get_mut(c)?.cache.put(sql.to_string(), st.clone());
    Ok(st)
}

/// Runs one statement to its end (`BEGIN`, `COMMIT`, `ROLLBACK`).
pub(super) fn run_simple(vm: &mut Vm, db: &raw::Db, sql: &str) -> PyResult<()> {
    let errs = errors(vm);
    let rc = match db.prepare(vm, sql.as_bytes()) {
        Ok((Some(st), _)) => {
            st.step(vm);
            drop(st);
            db.errcode()
        }
        Ok((None, _)) => raw::SQLITE_OK,
        Err(rc) => rc,
    };
    if rc != raw::SQLITE_OK && rc != raw::SQLITE_DONE && rc != raw::SQLITE_ROW {
        return Err(from_db(&errs, db));
    }
    Ok(())
}

fn conn_cursor(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (me, c) = recv(&a, "cursor")?;
    let r = rest(&a);
    let b = bind_args(&r, "cursor", &["factory"], 0)?;
    check(vm, &c)?;
    let cursor_t = crate::native::class_of(vm, &super::cursor::CURSOR);
    let factory = b[0].cloned().unwrap_or(Value::Type(cursor_t.clone()));
    let cur = vm.call(&factory, &[me])?;
    if !crate::types::type_of(&cur).is_subtype(&cursor_t) {
        return Err(PyErr::type_error(format!(
            "factory must return a cursor, not {}",
            type_name(&cur)
        )));
    }
    let rf = get(&c)?.row_factory.clone();
    if !matches!(rf, Value::None) {
        super::cursor::set_row_factory(&cur, rf);
    }
    Ok(cur)
}

fn conn_close(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "close")?;
    check_thread(vm, &c)?;
    let (hooks, db) = {
        let mut s = get_mut(&c)?;
        if !s.initialized {
            drop(s);
            return Err(raise(
                &errors(vm).programming,
                "Base Connection.__init__ not called.",
            ));
        }
        s.cache.clear();
        let hooks = (s.authorizer.take(), s.progress.take(), s.trace.take());
        (hooks, s.db.take())
    };
    // The database goes first: SQLite may still hold the hooks' addresses.
    drop(db);
    drop(hooks);
    Ok(Value::None)
}

fn end_transaction(vm: &mut Vm, a: &Args<'_>, name: &str, sql: &str) -> PyResult<Value> {
    let (_, c) = recv(a, name)?;
    let db = check(vm, &c)?;
    if !db.autocommit() {
        run_simple(vm, &db, sql)?;
    }
    Ok(Value::None)
}

fn conn_commit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    end_transaction(vm, &a, "commit", "COMMIT")
}

fn conn_rollback(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    end_transaction(vm, &a, "rollback", "ROLLBACK")
}

/// `execute`, `executemany`, `executescript`: a new cursor's method.
fn via_cursor(vm: &mut Vm, a: &Args<'_>, name: &str, min: usize, max: usize) -> PyResult<Value> {
    let (me, _) = recv(a, name)?;
    let args = positional(&rest(a), name, min, max)?;
    let m = vm.intern("cursor");
    let f = vm.get_attr(&me, &m)?;
    let cur = vm.call(&f, &[])?;
    let m = vm.intern(name);
    let f = vm.get_attr(&cur, &m)?;
    vm.call(&f, args)?;
    Ok(cur)
}

fn conn_execute(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    via_cursor(vm, &a, "execute", 1, 2)
}

fn conn_executemany(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    via_cursor(vm, &a, "executemany", 2, 2)
}

fn conn_executescript(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    via_cursor(vm, &a, "executescript", 1, 1)
}

/// Rejects positional arguments for keyword-only parameters, with the
/// argument clinic's message.
fn max_positional(a: &Args<'_>, func: &str, n: usize) -> PyResult<()> {
    if a.pos.len() > n {
        return Err(PyErr::type_error(format!(
            "{func}() takes exactly {n} positional argument{} ({} given)",
            if n == 1 { "" } else { "s" },
            a.pos.len()
        )));
    }
    Ok(())
}

fn str_arg<'v>(v: &'v Value, func: &str, arg: &str) -> PyResult<&'v str> {
    match super::utf8(v) {
        Some(r) => r,
        None => Err(PyErr::type_error(format!(
            "{func}() argument '{arg}' must be str, not {}",
            type_name(v)
        ))),
    }
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = vm.index_value(v)?;
    i32::try_from(n).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))
}

fn create_function(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "create_function")?;
    let r = rest(&a);
    max_positional(&r, "create_function", 3)?;
    let b = bind_args(
        &r,
        "create_function",
        &["name", "narg", "func", "deterministic"],
        3,
    )?;
    let name = str_arg(b[0].unwrap_or(&Value::None), "create_function", "name")?.to_string();
    let narg = int_arg(vm, b[1].unwrap_or(&Value::None))?;
    let func = b[2].cloned().unwrap_or(Value::None);
    let deterministic = match b[3] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let db = check(vm, &c)?;
    let flags = if deterministic {
        libsqlite3_sys::SQLITE_DETERMINISTIC
    } else {
        0
    };
    // As CPython 3.11, `None` is registered too (calling it fails in SQL).
    let f = Some((func, false));
    if db.create_function(&name, narg, flags, f) != raw::SQLITE_OK {
        return Err(raise(&errors(vm).operational, "Error creating function"));
    }
    Ok(Value::None)
}

fn create_aggregate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "create_aggregate")?;
    let r = rest(&a);
    let b = bind_args(
        &r,
        "create_aggregate",
        &["name", "n_arg", "aggregate_class"],
        3,
    )?;
    let name = str_arg(b[0].unwrap_or(&Value::None), "create_aggregate", "name")?.to_string();
    let narg = int_arg(vm, b[1].unwrap_or(&Value::None))?;
    let class = b[2].cloned().unwrap_or(Value::None);
    let db = check(vm, &c)?;
    let f = Some((class, true));
    if db.create_function(&name, narg, 0, f) != raw::SQLITE_OK {
        return Err(raise(&errors(vm).operational, "Error creating aggregate"));
    }
    Ok(Value::None)
}

fn create_window_function(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "create_window_function")?;
    let r = rest(&a);
    if !r.kwnames.is_empty() {
        return Err(PyErr::type_error(
            "create_window_function() takes no keyword arguments",
        ));
    }
    if r.pos.len() != 3 {
        let what = if r.pos.len() > 3 {
            "at most"
        } else {
            "at least"
        };
        return Err(PyErr::type_error(format!(
            "create_window_function() takes {what} 3 arguments ({} given)",
            r.pos.len()
        )));
    }
    let name = str_arg(&r.pos[0], "create_window_function", "name")?.to_string();
    let narg = int_arg(vm, &r.pos[1])?;
    let db = check(vm, &c)?;
    let class = (!matches!(r.pos[2], Value::None)).then(|| r.pos[2].clone());
    let rc = db.create_window_function(&name, narg, class);
    if rc != raw::SQLITE_OK {
        // SQLite sets no error on the connection for this failure.
        return Err(raise(&errors(vm).programming, raw::errstr(rc)));
    }
    Ok(Value::None)
}

/// The keyword-only `name="main"` of `serialize` and `deserialize`.
fn schema_name(r: &Args<'_>, func: &str, npos: usize) -> PyResult<String> {
    let names: &[&str] = if npos == 0 {
        &["name"]
    } else {
        &["data", "name"]
    };
    max_positional(r, func, npos)?;
    let b = bind_args(r, func, names, npos)?;
    match b[npos] {
        Some(v) => Ok(str_arg(v, func, "name")?.to_string()),
        None => Ok("main".to_string()),
    }
}

/// `serialize(*, name="main")`: the database's bytes.
fn conn_serialize(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "serialize")?;
    let name = schema_name(&rest(&a), "serialize", 0)?;
    let db = check(vm, &c)?;
    match db.serialize(&name) {
        Some(data) => Ok(Value::Bytes(Rc::new(data))),
        None => Err(raise(
            &errors(vm).operational,
            format!("unable to serialize '{name}'"),
        )),
    }
}

/// `deserialize(data, /, *, name="main")`: replaces the database with
/// `data` (bytes-like, or str as UTF-8).
fn conn_deserialize(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "deserialize")?;
    let r = rest(&a);
    let name = schema_name(&r, "deserialize", 1)?;
    let arg = r.pos.first().cloned().unwrap_or(Value::None);
    let data = match super::utf8(&arg) {
        Some(t) => t?.as_bytes().to_vec(),
        None => super::adapters::simple_buffer(&arg)?,
    };
    let db = check(vm, &c)?;
    if db.deserialize(&name, &data) != raw::SQLITE_OK {
        return Err(from_db(&errors(vm), &db));
    }
    Ok(Value::None)
}

/// `blobopen(table, column, row, /, *, readonly=False, name="main")`.
fn conn_blobopen(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "blobopen")?;
    let r = rest(&a);
    max_positional(&r, "blobopen", 3)?;
    let b = bind_args(
        &r,
        "blobopen",
        &["table", "column", "row", "readonly", "name"],
        3,
    )?;
    let table = str_arg(b[0].unwrap_or(&Value::None), "blobopen", "table")?.to_string();
    let column = str_arg(b[1].unwrap_or(&Value::None), "blobopen", "column")?.to_string();
    let row = vm.index_value(b[2].unwrap_or(&Value::None))?;
    let readonly = match b[3] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let name = match b[4] {
        Some(v) => str_arg(v, "blobopen", "name")?.to_string(),
        None => "main".to_string(),
    };
    let db = check(vm, &c)?;
    match db.blob_open(&name, &table, &column, row, !readonly) {
        Ok(h) => Ok(super::blob::new_blob(vm, c, h)),
        Err(rc) if rc == libsqlite3_sys::SQLITE_MISUSE => {
            Err(raise(&errors(vm).interface, raw::errstr(rc)))
        }
        Err(_) => Err(from_db(&errors(vm), &db)),
    }
}

fn create_collation(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "create_collation")?;
    let args = positional(&rest(&a), "create_collation", 2, 2)?;
    let name = match super::utf8(&args[0]) {
        Some(r) => r?.to_string(),
        None => {
            return Err(PyErr::type_error(format!(
                "create_collation() argument 1 must be str, not {}",
                type_name(&args[0])
            )))
        }
    };
    let db = check(vm, &c)?;
    let func = args[1].clone();
    if !matches!(func, Value::None) && !is_callable(&func) {
        return Err(PyErr::type_error("parameter must be callable"));
    }
    let f = (!matches!(func, Value::None)).then_some(func);
    if db.create_collation(&name, f) != raw::SQLITE_OK {
        return Err(from_db(&errors(vm), &db));
    }
    Ok(Value::None)
}

/// The one callable argument of a hook setter, `None` meaning "clear".
fn hook_arg(a: &Args<'_>, func: &str, names: &[&str]) -> PyResult<Vec<Option<Value>>> {
    let r = rest(a);
    let b = bind_args(&r, func, names, names.len())?;
    Ok(b.into_iter().map(|v| v.cloned()).collect())
}

fn set_authorizer(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "set_authorizer")?;
    let b = hook_arg(&a, "set_authorizer", &["authorizer_callback"])?;
    let db = check(vm, &c)?;
    let cb = b[0]
        .clone()
        .filter(|v| !matches!(v, Value::None))
        .map(Box::new);
    let rc = db.set_authorizer(cb.as_deref());
    if rc != raw::SQLITE_OK {
        db.set_authorizer(None);
        get_mut(&c)?.authorizer = None;
        return Err(raise(
            &errors(vm).operational,
            "Error setting authorizer callback",
        ));
    }
    get_mut(&c)?.authorizer = cb;
    Ok(Value::None)
}

fn set_progress_handler(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "set_progress_handler")?;
    let b = hook_arg(&a, "set_progress_handler", &["progress_handler", "n"])?;
    let n = int_arg(vm, b[1].as_ref().unwrap_or(&Value::Int(0)))?;
    let db = check(vm, &c)?;
    let cb = b[0]
        .clone()
        .filter(|v| !matches!(v, Value::None))
        .map(Box::new);
    db.set_progress_handler(cb.as_deref(), n);
    get_mut(&c)?.progress = cb;
    Ok(Value::None)
}

fn set_trace_callback(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "set_trace_callback")?;
    let b = hook_arg(&a, "set_trace_callback", &["trace_callback"])?;
    let db = check(vm, &c)?;
    let cb = b[0]
        .clone()
        .filter(|v| !matches!(v, Value::None))
        .map(Box::new);
    db.set_trace(cb.as_deref());
    get_mut(&c)?.trace = cb;
    Ok(Value::None)
}

fn conn_interrupt(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "interrupt")?;
    let db = check_connection(vm, &c)?;
    db.interrupt();
    Ok(Value::None)
}

fn conn_iterdump(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (me, c) = recv(&a, "iterdump")?;
    positional(&rest(&a), "iterdump", 0, 0)?;
    check(vm, &c)?;
    let m = vm.import_dotted("sqlite3.dump")?;
    let name = vm.intern("_iterdump");
    let f = vm.get_attr(&m, &name)?;
    vm.call(&f, &[me])
}

fn conn_getlimit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "getlimit")?;
    let args = positional(&rest(&a), "getlimit", 1, 1)?;
    let cat = int_arg(vm, &args[0])?;
    let db = check(vm, &c)?;
    limit(vm, &db, cat, -1)
}

fn conn_setlimit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "setlimit")?;
    let args = positional(&rest(&a), "setlimit", 2, 2)?;
    let cat = int_arg(vm, &args[0])?;
    let new = int_arg(vm, &args[1])?;
    let db = check(vm, &c)?;
    limit(vm, &db, cat, new)
}

fn limit(vm: &mut Vm, db: &raw::Db, cat: i32, new: i32) -> PyResult<Value> {
    let old = db.limit(cat, new);
    if old < 0 {
        return Err(raise(
            &errors(vm).programming,
            "'category' is out of bounds",
        ));
    }
    Ok(Value::Int(i64::from(old)))
}

fn conn_enter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (me, c) = recv(&a, "__enter__")?;
    check_connection(vm, &c)?;
    Ok(me)
}

fn conn_exit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (me, _) = recv(&a, "__exit__")?;
    let args = positional(&rest(&a), "__exit__", 3, 3)?;
    let ok = args.iter().all(|v| matches!(v, Value::None));
    let name = vm.intern(if ok { "commit" } else { "rollback" });
    let f = vm.get_attr(&me, &name)?;
    if let Err(e) = vm.call(&f, &[]) {
        if ok {
            // The commit failed: roll back to release the database's locks.
            let name = vm.intern("rollback");
            let f = vm.get_attr(&me, &name)?;
            vm.call(&f, &[])?;
        }
        return Err(e);
    }
    Ok(Value::Bool(false))
}

fn conn_backup(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "backup")?;
    let r = rest(&a);
    max_positional(&r, "backup", 1)?;
    let b = bind_args(
        &r,
        "backup",
        &["target", "pages", "progress", "name", "sleep"],
        1,
    )?;
    let errs = errors(vm);
    let db = check(vm, &c)?;
    let target = b[0].cloned().unwrap_or(Value::None);
    let Some(tc) = conn_of(&target) else {
        return Err(PyErr::type_error(format!(
            "backup() argument 1 must be sqlite3.Connection, not {}",
            type_name(&target)
        )));
    };
    if Rc::ptr_eq(&tc, &c) {
        return Err(PyErr::value_error(
            "target cannot be the same connection instance",
        ));
    }
    let tdb = check_connection(vm, &tc)?;
    let mut pages = match b[1] {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    if pages == 0 {
        pages = -1;
    }
    let progress = b[2].cloned().filter(|v| !matches!(v, Value::None));
    if let Some(p) = &progress {
        if !is_callable(p) {
            return Err(PyErr::type_error("progress argument must be a callable"));
        }
    }
    let name = match b[3] {
        Some(v) => str_arg(v, "backup", "name")?.to_string(),
        None => "main".to_string(),
    };
    let sleep = match b[4] {
        Some(v) => float_arg(vm, v, "")?,
        None => 0.25,
    };
    if !tdb.autocommit() {
        return Err(raise(&errs.operational, "target is in transaction"));
    }
    let bk = db
        .backup_to(&tdb, &name)
        .map_err(|_| from_db(&errs, &tdb))?;
    loop {
        let rc = bk.step(pages);
        if let Some(p) = &progress {
            let (remaining, total) = bk.progress();
            vm.call(
                p,
                &[
                    Value::Int(i64::from(rc)),
                    Value::Int(i64::from(remaining)),
                    Value::Int(i64::from(total)),
                ],
            )?;
        }
        if rc == libsqlite3_sys::SQLITE_BUSY || rc == libsqlite3_sys::SQLITE_LOCKED {
            std::thread::sleep(std::time::Duration::from_secs_f64(sleep.max(0.0)));
        } else if rc != raw::SQLITE_OK {
            break;
        }
    }
    if bk.finish() != raw::SQLITE_OK {
        return Err(from_db(&errs, &tdb));
    }
    Ok(Value::None)
}

fn prop_recv(a: &Args<'_>) -> PyResult<Rc<RefCell<ConnState>>> {
    crate::native::receiver::<ConnState>(a, "sqlite3.Connection", "attribute")
}

fn get_isolation_level(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = prop_recv(&a)?;
    check_connection(vm, &c)?;
    let level = get(&c)?.isolation_level;
    Ok(match level {
        Some(l) => Value::str(l),
        None => Value::None,
    })
}

fn set_isolation_level(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = prop_recv(&a)?;
    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
    let level = isolation_level(&v)?;
    get_mut(&c)?.isolation_level = level;
    if level.is_none() {
        // Leaving transactions to the user commits what is pending.
        let db = check(vm, &c)?;
        if !db.autocommit() {
            run_simple(vm, &db, "COMMIT")?;
        }
    }
    Ok(Value::None)
}

fn get_in_transaction(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = prop_recv(&a)?;
    let db = check_connection(vm, &c)?;
    Ok(Value::Bool(!db.autocommit()))
}

fn get_total_changes(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = prop_recv(&a)?;
    let db = check_connection(vm, &c)?;
    Ok(Value::Int(db.total_changes()))
}

fn get_row_factory(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = prop_recv(&a)?;
    let v = get(&c)?.row_factory.clone();
    Ok(v)
}

fn set_row_factory(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = prop_recv(&a)?;
    get_mut(&c)?.row_factory = a.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::None)
}

fn get_text_factory(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = prop_recv(&a)?;
    let v = get(&c)?.text_factory.clone();
    Ok(v)
}

fn set_text_factory(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = prop_recv(&a)?;
    get_mut(&c)?.text_factory = a.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::None)
}
