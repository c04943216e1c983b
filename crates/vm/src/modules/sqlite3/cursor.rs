//! `sqlite3.Cursor` (CPython's `cursor.c`): executing statements with
//! bound parameters, stepping through their rows, and the DB-API
//! attributes (`description`, `rowcount`, `lastrowid`, `arraysize`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{cls_arg, iter_self, ClassSpec, PropSpec, SpecFlags};
use crate::native::{native_fn, native_methods, new_object, positional, rest, state_of};
use crate::types::{builtin_type, type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::adapters::{adapt, need_adapt, to_sql};
use super::connection::{self, check, check_thread, conn_of, ConnState};
use super::errors::{from_db, raise, Errors};
use super::raw::{self, SqlValue};
use super::statement::Statement;
use super::{state, PARSE_COLNAMES, PARSE_DECLTYPES};

native_methods!(METHODS, "Cursor", [
    "__new__" => cur_new, "__init__" => cur_init, "__iter__" => iter_self,
    "__next__" => cur_next, "execute" => cur_execute, "executemany" => cur_executemany,
    "executescript" => cur_executescript, "fetchone" => cur_fetchone,
    "fetchmany" => cur_fetchmany, "fetchall" => cur_fetchall, "close" => cur_close,
    "setinputsizes" => cur_noop1, "setoutputsize" => cur_noop2,
]);

native_fn!(GET_CONN, "connection", "Cursor", get_connection);
native_fn!(GET_DESC, "description", "Cursor", get_description);
native_fn!(GET_ROWCOUNT, "rowcount", "Cursor", get_rowcount);
native_fn!(GET_LASTROWID, "lastrowid", "Cursor", get_lastrowid);
native_fn!(GET_ARRAYSIZE, "arraysize", "Cursor", get_arraysize);
native_fn!(SET_ARRAYSIZE, "arraysize", "Cursor", set_arraysize);
native_fn!(GET_ROWF, "row_factory", "Cursor", get_row_factory);
native_fn!(SET_ROWF, "row_factory", "Cursor", set_row_factory_prop);

static PROPS: &[PropSpec] = &[
    PropSpec {
        name: "connection",
        get: &GET_CONN,
        set: None,
    },
    PropSpec {
        name: "description",
        get: &GET_DESC,
        set: None,
    },
    PropSpec {
        name: "rowcount",
        get: &GET_ROWCOUNT,
        set: None,
    },
    PropSpec {
        name: "lastrowid",
        get: &GET_LASTROWID,
        set: None,
    },
    PropSpec {
        name: "arraysize",
        get: &GET_ARRAYSIZE,
        set: Some(&SET_ARRAYSIZE),
    },
    PropSpec {
        name: "row_factory",
        get: &GET_ROWF,
        set: Some(&SET_ROWF),
    },
];

/// `sqlite3.Cursor`.
pub(super) static CURSOR: ClassSpec = ClassSpec {
    name: "Cursor",
    module: "sqlite3",
    base: TypeKind::Object,
    methods: METHODS,
    classmethods: &[],
    props: PROPS,
    unhashable: false,
    flags: SpecFlags::BASETYPE.with(SpecFlags::WEAKREFS),
};

/// A cursor's state.
#[derive(Debug)]
pub(super) struct CursorState {
    /// The `Connection` object, `None` before `__init__`.
    connection: Value,
    conn: Option<Rc<RefCell<ConnState>>>,
    /// The statement whose rows are being fetched.
    statement: Option<Rc<Statement>>,
    /// Converter per column (`None` for no conversion) when `detect_types`.
    row_cast_map: Vec<Value>,
    description: Value,
    lastrowid: Value,
    rowcount: i64,
    arraysize: i64,
    row_factory: Value,
    closed: bool,
    /// A method of this cursor is running (CPython's `locked`).
    locked: bool,
}

impl Drop for CursorState {
    fn drop(&mut self) {
        // A dropped cursor releases its statement's locks on the tables.
        if let Some(st) = self.statement.take() {
            st.reset();
        }
    }
}

type Cur = Rc<RefCell<CursorState>>;

fn st_mut(c: &RefCell<CursorState>) -> PyResult<std::cell::RefMut<'_, CursorState>> {
    crate::native::borrow(c)
}

fn recv(a: &Args<'_>, name: &str) -> PyResult<(Value, Cur)> {
    let c = crate::native::receiver::<CursorState>(a, "sqlite3.Cursor", name)?;
    Ok((a.pos.first().cloned().unwrap_or(Value::None), c))
}

fn errors(vm: &mut Vm) -> Errors {
    state(vm).errors.clone()
}

/// Sets the row factory of a new cursor (`Connection.cursor()` copies the
/// connection's).
pub(super) fn set_row_factory(cur: &Value, f: Value) {
    if let Some(c) = state_of::<CursorState>(cur) {
        if let Ok(mut s) = c.try_borrow_mut() {
            s.row_factory = f;
        }
    }
}

fn cur_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    Ok(new_object(
        &cls,
        CursorState {
            connection: Value::None,
            conn: None,
            statement: None,
            row_cast_map: Vec::new(),
            description: Value::None,
            lastrowid: Value::None,
            rowcount: -1,
            arraysize: 1,
            row_factory: Value::None,
            closed: false,
            locked: false,
        },
    ))
}

fn cur_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "__init__")?;
    let args = positional(&rest(&a), "Cursor", 1, 1)?;
    let Some(conn) = conn_of(&args[0]) else {
        return Err(PyErr::type_error(format!(
            "Cursor() argument 1 must be sqlite3.Connection, not {}",
            type_name(&args[0])
        )));
    };
    check_thread(vm, &conn)?;
    let mut s = st_mut(&c)?;
    if s.locked {
        drop(s);
        return Err(recursive(vm));
    }
    s.connection = args[0].clone();
    s.conn = Some(conn);
    s.statement = None;
    s.row_cast_map.clear();
    s.description = Value::None;
    s.lastrowid = Value::None;
    s.arraysize = 1;
    s.closed = false;
    s.rowcount = -1;
    s.row_factory = Value::None;
    Ok(Value::None)
}

/// CPython's `check_cursor`: the connection state and its open database.
fn check_cursor(vm: &mut Vm, c: &Cur) -> PyResult<(Rc<RefCell<ConnState>>, Rc<raw::Db>)> {
    let (conn, closed, locked) = {
        let s = st_mut(c).map_err(|_| recursive(vm))?;
        (s.conn.clone(), s.closed, s.locked)
    };
    let errs = errors(vm);
    let Some(conn) = conn else {
        return Err(raise(&errs.programming, "Base Cursor.__init__ not called."));
    };
    if closed {
        return Err(raise(
            &errs.programming,
            "Cannot operate on a closed cursor.",
        ));
    }
    if locked {
        return Err(recursive(vm));
    }
    let db = check(vm, &conn)?;
    Ok((conn, db))
}

fn recursive(vm: &mut Vm) -> PyErr {
    raise(
        &errors(vm).programming,
        "Recursive use of cursors not allowed.",
    )
}

/// Runs `f` with the cursor marked in use, so a callback that reaches the
/// cursor gets "Recursive use of cursors not allowed."
fn locked<R>(c: &Cur, f: impl FnOnce() -> PyResult<R>) -> PyResult<R> {
    st_mut(c)?.locked = true;
    let r = f();
    if let Ok(mut s) = c.try_borrow_mut() {
        s.locked = false;
    }
    r
}

fn sql_arg<'v>(v: &'v Value, func: &str) -> PyResult<&'v str> {
    match super::utf8(v) {
        Some(r) => r,
        None => Err(PyErr::type_error(format!(
            "{func}() argument 1 must be str, not {}",
            type_name(v)
        ))),
    }
}

fn cur_execute(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (me, c) = recv(&a, "execute")?;
    let args = positional(&rest(&a), "execute", 1, 2)?;
    let sql = sql_arg(&args[0], "execute")?.to_string();
    let params = args.get(1).cloned().unwrap_or(Value::tuple(Vec::new()));
    query(vm, &c, false, &sql, params)?;
    Ok(me)
}

fn cur_executemany(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (me, c) = recv(&a, "executemany")?;
    let args = positional(&rest(&a), "executemany", 2, 2)?;
    let sql = sql_arg(&args[0], "executemany")?.to_string();
    query(vm, &c, true, &sql, args[1].clone())?;
    Ok(me)
}

/// CPython's `_pysqlite_query_execute`.
fn query(vm: &mut Vm, c: &Cur, multiple: bool, sql: &str, params: Value) -> PyResult<()> {
    let (conn, db) = check_cursor(vm, c)?;
    let r = locked(c, || run_query(vm, c, &conn, &db, multiple, sql, params));
    if r.is_err() {
        st_mut(c)?.rowcount = -1;
    }
    r
}

fn run_query(
    vm: &mut Vm,
    c: &Cur,
    conn: &RefCell<ConnState>,
    db: &raw::Db,
    multiple: bool,
    sql: &str,
    params: Value,
) -> PyResult<()> {
    let errs = errors(vm);
    let iter = if multiple {
        Some(vm.get_iter(&params)?)
    } else {
        None
    };
    let old = {
        let mut s = st_mut(c)?;
        s.description = Value::None;
        s.rowcount = 0;
        s.statement.take()
    };
    if let Some(old) = old {
        old.reset();
    }
    let stmt = connection::statement_for(vm, conn, db, sql)?;
    let Some(st) = &stmt.st else {
        // Nothing to run (only comments or white space).
        st_mut(c)?.rowcount = -1;
        return Ok(());
    };
    if multiple && st.readonly() {
        return Err(raise(
            &errs.programming,
            "executemany() can only execute DML statements.",
        ));
    }
    stmt.reset();
    stmt.in_use.set(true);
    st_mut(c)?.statement = Some(stmt.clone());
    let (level, detect_types) = {
        let s = connection::get(conn)?;
        (s.isolation_level, s.detect_types)
    };
    if let Some(level) = level {
        if stmt.is_dml && db.autocommit() {
            connection::run_simple(vm, db, &format!("BEGIN {level}"))?;
        }
    }
    let mut single = Some(params);
    loop {
        let p = match &iter {
            Some(it) => match vm.iter_next(it)? {
                Some(p) => p,
                None => break,
            },
            None => match single.take() {
                Some(p) => p,
                None => break,
            },
        };
        stmt.in_use.set(true);
        bind_parameters(vm, &errs, st, &p)?;
        let rc = st.step(vm);
        if rc != raw::SQLITE_DONE && rc != raw::SQLITE_ROW {
            stmt.reset();
            return Err(from_db(&errs, db));
        }
        let cast = build_row_cast_map(vm, st, detect_types)?;
        let ncols = st.column_count();
        let mut s = st_mut(c)?;
        s.row_cast_map = cast;
        if matches!(s.description, Value::None) && ncols > 0 {
            let mut cols = Vec::with_capacity(ncols as usize);
            for i in 0..ncols {
                let name = st.column_name(i).unwrap_or_default();
                let name = column_name(&name, detect_types);
                let mut d = vec![Value::string(name)];
                d.extend(std::iter::repeat(Value::None).take(6));
                cols.push(Value::tuple(d));
            }
            s.description = Value::tuple(cols);
        }
        if stmt.is_dml {
            s.rowcount += db.changes();
        } else {
            s.rowcount = -1;
        }
        if rc == raw::SQLITE_DONE && !multiple {
            stmt.reset();
            s.statement = None;
        }
        drop(s);
        if multiple {
            stmt.reset();
        }
    }
    if !multiple {
        st_mut(c)?.lastrowid = Value::Int(db.last_insert_rowid());
    }
    Ok(())
}

/// A column's name in `description`: with `PARSE_COLNAMES`, cut before a
/// `[type]` (and the blank before it).
fn column_name(name: &[u8], detect_types: i64) -> String {
    let mut end = name.len();
    if detect_types & PARSE_COLNAMES != 0 {
        if let Some(p) = name.iter().position(|c| *c == b'[') {
            end = if p > 0 && name[p - 1] == b' ' {
                p - 1
            } else {
                p
            };
        }
    }
    String::from_utf8_lossy(&name[..end]).into_owned()
}

fn converter(vm: &mut Vm, key: &[u8]) -> PyResult<Option<Value>> {
    let st = state(vm);
    let key = Value::string(String::from_utf8_lossy(key).into_owned());
    let upper = vm.intern("upper");
    let m = vm.get_attr(&key, &upper)?;
    let key = vm.call(&m, &[])?;
    let found = st.converters.borrow().get(&key)?.cloned();
    Ok(found)
}

/// CPython's `pysqlite_build_row_cast_map`: a converter per column from
/// `[type]` in its name (`PARSE_COLNAMES`), else its declared type up to
/// the first blank or `(` (`PARSE_DECLTYPES`).
fn build_row_cast_map(vm: &mut Vm, st: &raw::Stmt, detect_types: i64) -> PyResult<Vec<Value>> {
    let mut out = Vec::new();
    if detect_types == 0 {
        return Ok(out);
    }
    for i in 0..st.column_count() {
        let mut conv = None;
        if detect_types & PARSE_COLNAMES != 0 {
            let name = st.column_name(i).unwrap_or_default();
            if let Some(open) = name.iter().position(|c| *c == b'[') {
                if let Some(close) = name[open + 1..].iter().position(|c| *c == b']') {
                    conv = converter(vm, &name[open + 1..open + 1 + close])?;
                }
            }
        }
        if conv.is_none() && detect_types & PARSE_DECLTYPES != 0 {
            if let Some(decl) = st.column_decltype(i) {
                let end = decl
                    .iter()
                    .position(|c| *c == b' ' || *c == b'(')
                    .unwrap_or(decl.len());
                conv = converter(vm, &decl[..end])?;
            }
        }
        out.push(conv.unwrap_or(Value::None));
    }
    Ok(out)
}

/// Binds one parameter, adapting it first when needed.
fn bind_one(vm: &mut Vm, errs: &Errors, st: &raw::Stmt, pos: i32, v: &Value) -> PyResult<()> {
    let adapted = if need_adapt(vm, v) {
        let proto = Value::Type(state(vm).proto.clone());
        adapt(vm, v, &proto, Some(v))?
    } else {
        v.clone()
    };
    let owned = match to_sql(&adapted) {
        Some(r) => r?,
        None => {
            return Err(raise(
                &errs.programming,
                format!(
                    "Error binding parameter {pos}: type '{}' is not supported",
                    type_name(&adapted)
                ),
            ))
        }
    };
    if st.bind(pos, owned.as_bind()) != raw::SQLITE_OK {
        return Err(raise(
            &errs.interface,
            format!("Error binding parameter {pos} - probably unsupported type."),
        ));
    }
    Ok(())
}

fn is_dict(v: &Value) -> bool {
    matches!(v, Value::Dict(_)) || matches!(crate::instance::payload_of(v), Some(Value::Dict(_)))
}

/// CPython's `bind_parameters`: a sequence binds by position, a dict by
/// name.
fn bind_parameters(vm: &mut Vm, errs: &Errors, st: &raw::Stmt, params: &Value) -> PyResult<()> {
    let needed = st.param_count();
    if matches!(params, Value::Tuple(_) | Value::List(_))
        || (!is_dict(params) && vm.sequence_check(params))
    {
        let n = vm.len_of(params)?;
        if n as i64 != i64::from(needed) {
            return Err(raise(
                &errs.programming,
                format!(
                    "Incorrect number of bindings supplied. The current statement uses {needed}, and there are {n} supplied."
                ),
            ));
        }
        for i in 0..needed {
            let item = vm.getitem(params, &Value::Int(i64::from(i)))?;
            bind_one(vm, errs, st, i + 1, &item)?;
        }
        Ok(())
    } else if is_dict(params) {
        for i in 1..=needed {
            let Some(name) = st.param_name(i) else {
                return Err(raise(
                    &errs.programming,
                    format!(
                        "Binding {i} has no name, but you supplied a dictionary (which has only names)."
                    ),
                ));
            };
            let key = name.get(1..).unwrap_or("").to_string();
            let item = match vm.getitem(params, &Value::string(key.clone())) {
                Ok(v) => v,
                Err(e) if e.is(ExcKind::LookupError) => {
                    return Err(raise(
                        &errs.programming,
                        format!("You did not supply a value for binding parameter :{key}."),
                    ))
                }
                Err(e) => return Err(e),
            };
            bind_one(vm, errs, st, i, &item)?;
        }
        Ok(())
    } else {
        Err(raise(
            &errs.programming,
            "parameters are of unsupported type",
        ))
    }
}

fn cur_executescript(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (me, c) = recv(&a, "executescript")?;
    let args = positional(&rest(&a), "executescript", 1, 1)?;
    let script = match super::utf8(&args[0]) {
        Some(r) => r?.to_string(),
        None => {
            return Err(PyErr::type_error(format!(
                "executescript() argument must be str, not {}",
                type_name(&args[0])
            )))
        }
    };
    if script.contains('\0') {
        return Err(PyErr::value_error("embedded null character"));
    }
    let (_, db) = check_cursor(vm, &c)?;
    let errs = errors(vm);
    let max = db.limit(1, -1);
    if script.len() > max.max(0) as usize {
        return Err(raise(&errs.data, "query string is too large"));
    }
    if !db.autocommit() && db.exec(vm, "COMMIT") != raw::SQLITE_OK {
        return Err(from_db(&errs, &db));
    }
    let bytes = script.as_bytes();
    let mut pos = 0;
    loop {
        let (st, used) = match db.prepare(vm, &bytes[pos..]) {
            Ok(r) => r,
            Err(_) => return Err(from_db(&errs, &db)),
        };
        if let Some(st) = st {
            let mut rc = st.step(vm);
            while rc == raw::SQLITE_ROW {
                rc = st.step(vm);
            }
            drop(st);
            if rc != raw::SQLITE_DONE {
                return Err(from_db(&errs, &db));
            }
        }
        pos += used;
        if pos >= bytes.len() || used == 0 {
            break;
        }
    }
    Ok(me)
}

/// Converts column `i` of the current row as `_pysqlite_fetch_one_row`.
fn column_value(
    vm: &mut Vm,
    errs: &Errors,
    st: &raw::Stmt,
    i: i32,
    conv: Option<&Value>,
    text_factory: &Value,
) -> PyResult<Value> {
    if let Some(conv) = conv.filter(|c| !matches!(c, Value::None)) {
        return match st.column_as_blob(i) {
            None => Ok(Value::None),
            Some(b) => vm.call(conv, &[Value::Bytes(Rc::new(b))]),
        };
    }
    Ok(match st.column(i) {
        SqlValue::Null => Value::None,
        SqlValue::Int(n) => Value::Int(n),
        SqlValue::Float(f) => Value::Float(f),
        SqlValue::Blob(b) => Value::Bytes(Rc::new(b)),
        SqlValue::Text(t) => {
            let is =
                |k| matches!(text_factory, Value::Type(ty) if Rc::ptr_eq(ty, &builtin_type(k)));
            if is(TypeKind::Str) {
                match String::from_utf8(t) {
                    Ok(s) => Value::string(s),
                    Err(e) => {
                        let name = st.column_name(i).unwrap_or_default();
                        let text = e.into_bytes();
                        let msg = format!(
                            "Could not decode to UTF-8 column '{}' with text '{}'",
                            String::from_utf8_lossy(&name),
                            String::from_utf8_lossy(&text)
                        );
                        return Err(raise(&errs.operational, msg));
                    }
                }
            } else if is(TypeKind::Bytes) {
                Value::Bytes(Rc::new(t))
            } else if is(TypeKind::ByteArray) {
                crate::methods::bytearray::new_bytearray(t)
            } else {
                vm.call(text_factory, &[Value::Bytes(Rc::new(t))])?
            }
        }
    })
}

/// CPython's `pysqlite_cursor_iternext`: the next row, `None` at the end.
fn next_row(vm: &mut Vm, me: &Value, c: &Cur) -> PyResult<Option<Value>> {
    let (conn, db) = check_cursor(vm, c)?;
    let Some(stmt) = st_mut(c)?.statement.clone() else {
        return Ok(None);
    };
    let Some(st) = &stmt.st else {
        return Ok(None);
    };
    if st.data_count() == 0 {
        stmt.reset();
        st_mut(c)?.statement = None;
        return Ok(None);
    }
    let errs = errors(vm);
    let (cast, rf) = {
        let s = st_mut(c)?;
        (s.row_cast_map.clone(), s.row_factory.clone())
    };
    let (text_factory, detect) = {
        let s = connection::get(&conn)?;
        (s.text_factory.clone(), s.detect_types)
    };
    let n = st.data_count();
    let mut row = Vec::with_capacity(n.max(0) as usize);
    // Converters and text factories run with the cursor in use.
    locked(c, || {
        for i in 0..n {
            let conv = if detect != 0 {
                cast.get(i as usize)
            } else {
                None
            };
            row.push(column_value(vm, &errs, st, i, conv, &text_factory)?);
        }
        Ok(())
    })?;
    let rc = st.step(vm);
    if rc == raw::SQLITE_DONE {
        // Let go of the finished statement (gh-94028): another cursor may
        // take it from the cache, and this one must not reset it then.
        stmt.reset();
        st_mut(c)?.statement = None;
    } else if rc != raw::SQLITE_ROW {
        return Err(from_db(&errs, &db));
    }
    let row = Value::tuple(row);
    if matches!(rf, Value::None) {
        Ok(Some(row))
    } else {
        vm.call(&rf, &[me.clone(), row]).map(Some)
    }
}

fn cur_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (me, c) = recv(&a, "__next__")?;
    next_row(vm, &me, &c)?.ok_or_else(crate::native::stop)
}

fn cur_fetchone(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (me, c) = recv(&a, "fetchone")?;
    positional(&rest(&a), "fetchone", 0, 0)?;
    Ok(next_row(vm, &me, &c)?.unwrap_or(Value::None))
}

fn cur_fetchmany(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (me, c) = recv(&a, "fetchmany")?;
    let r = rest(&a);
    let b = crate::native::bind_args(&r, "fetchmany", &["size"], 0)?;
    let max = match b[0] {
        Some(v) => {
            let n = vm.index_value(v)?;
            i32::try_from(n)
                .map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?
                as i64
        }
        None => st_mut(&c)?.arraysize,
    };
    let mut out = Vec::new();
    while let Some(row) = next_row(vm, &me, &c)? {
        out.push(row);
        if out.len() as i64 == max {
            break;
        }
    }
    Ok(Value::list(out))
}

fn cur_fetchall(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (me, c) = recv(&a, "fetchall")?;
    positional(&rest(&a), "fetchall", 0, 0)?;
    let mut out = Vec::new();
    while let Some(row) = next_row(vm, &me, &c)? {
        out.push(row);
    }
    Ok(Value::list(out))
}

fn cur_close(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = recv(&a, "close")?;
    let Some(conn) = st_mut(&c)?.conn.clone() else {
        return Err(raise(
            &errors(vm).programming,
            "Base Cursor.__init__ not called.",
        ));
    };
    check(vm, &conn)?;
    let mut s = st_mut(&c)?;
    if s.locked {
        drop(s);
        return Err(recursive(vm));
    }
    if let Some(stmt) = s.statement.take() {
        stmt.reset();
    }
    s.closed = true;
    Ok(Value::None)
}

fn cur_noop1(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&rest(&a), "setinputsizes", 1, 1)?;
    Ok(Value::None)
}

fn cur_noop2(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&rest(&a), "setoutputsize", 1, 2)?;
    Ok(Value::None)
}

fn prop(a: &Args<'_>) -> PyResult<Cur> {
    crate::native::receiver::<CursorState>(a, "sqlite3.Cursor", "attribute")
}

/// A field of the receiver's state.
fn field<T>(a: &Args<'_>, f: impl FnOnce(&CursorState) -> T) -> PyResult<T> {
    let c = prop(a)?;
    let s = st_mut(&c)?;
    Ok(f(&s))
}

fn get_connection(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    field(&a, |s| s.connection.clone())
}

fn get_description(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    field(&a, |s| s.description.clone())
}

fn get_rowcount(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(field(&a, |s| s.rowcount)?))
}

fn get_lastrowid(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    field(&a, |s| s.lastrowid.clone())
}

fn get_arraysize(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(field(&a, |s| s.arraysize)?))
}

fn set_arraysize(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = prop(&a)?;
    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
    if !matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
        return Err(PyErr::type_error("an integer is required"));
    }
    let n = vm.index_value(&v)?;
    let n = i32::try_from(n)
        .map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?;
    st_mut(&c)?.arraysize = i64::from(n);
    Ok(Value::None)
}

fn get_row_factory(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    field(&a, |s| s.row_factory.clone())
}

fn set_row_factory_prop(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = prop(&a)?;
    st_mut(&c)?.row_factory = a.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::None)
}
