//! The SQLite C API (`libsqlite3-sys`, the system's libsqlite3) as safe
//! types for `_sqlite3`: a database handle, prepared statements, backups,
//! and the trampolines through which SQLite calls back into Python.
//!
//! A place where the VM may use `unsafe`, as the other `*_raw.rs` files:
//! every pointer handed to SQLite is owned here (handles are finalized or
//! closed on drop; callback data is boxed and freed by SQLite's destructor
//! callback), and every pointer SQLite hands back is read within the call.
//!
//! Callbacks need the VM, which SQLite cannot carry: calls that may run
//! them (`step`, `prepare`, `exec`) go through [`with_vm`], which parks a
//! pointer to the caller's `&mut Vm` in a thread-local for the duration of
//! the call; the caller does not touch its `Vm` until the call returns.
#![allow(unsafe_code)]

use std::cell::Cell;
use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::ptr;

use libsqlite3_sys as ffi;

use crate::value::Value;
use crate::vm::Vm;

pub(super) use ffi::{SQLITE_DONE, SQLITE_OK, SQLITE_ROW};

type XStep = unsafe extern "C" fn(*mut ffi::sqlite3_context, c_int, *mut *mut ffi::sqlite3_value);
type XFinal = unsafe extern "C" fn(*mut ffi::sqlite3_context);

// `libsqlite3-sys`'s prebuilt bindings (SQLite 3.14) leave these out.
extern "C" {
    fn sqlite3_close_v2(db: *mut ffi::sqlite3) -> c_int;
    fn sqlite3_serialize(
        db: *mut ffi::sqlite3,
        schema: *const c_char,
        size: *mut i64,
        flags: std::ffi::c_uint,
    ) -> *mut u8;
    fn sqlite3_deserialize(
        db: *mut ffi::sqlite3,
        schema: *const c_char,
        data: *mut u8,
        size: i64,
        capacity: i64,
        flags: std::ffi::c_uint,
    ) -> c_int;
    fn sqlite3_create_window_function(
        db: *mut ffi::sqlite3,
        name: *const c_char,
        narg: c_int,
        text_rep: c_int,
        app: *mut c_void,
        step: Option<XStep>,
        finalize: Option<XFinal>,
        value: Option<XFinal>,
        inverse: Option<XStep>,
        destroy: Option<unsafe extern "C" fn(*mut c_void)>,
    ) -> c_int;
}

thread_local! {
    static CURRENT_VM: Cell<*mut Vm> = const { Cell::new(ptr::null_mut()) };
}

/// Runs `f` (a SQLite call) with `vm` reachable by the callbacks it may run.
pub(super) fn with_vm<R>(vm: &mut Vm, f: impl FnOnce() -> R) -> R {
    let prev = CURRENT_VM.with(|c| c.replace(vm as *mut Vm));
    let r = f();
    CURRENT_VM.with(|c| c.set(prev));
    r
}

/// Runs `f` with the VM parked by the enclosing [`with_vm`], if any.
fn current_vm<R>(f: impl FnOnce(&mut Vm) -> R) -> Option<R> {
    let p = CURRENT_VM.with(|c| c.get());
    if p.is_null() {
        return None;
    }
    // SAFETY: `p` came from a live `&mut Vm` in `with_vm`, whose caller is
    // blocked inside the SQLite call that is running this callback and does
    // not use its reference until that call returns.
    Some(f(unsafe { &mut *p }))
}

/// A value read from SQLite (a column, or a function argument).
#[derive(Debug, Clone)]
pub(super) enum SqlValue {
    /// `NULL`.
    Null,
    /// `INTEGER`.
    Int(i64),
    /// `REAL`.
    Float(f64),
    /// `TEXT`, as the UTF-8 bytes SQLite stores (not checked).
    Text(Vec<u8>),
    /// `BLOB`.
    Blob(Vec<u8>),
}

/// A value to bind or to return from a user function.
#[derive(Debug)]
pub(super) enum Bind<'a> {
    /// `NULL`.
    Null,
    /// `INTEGER`.
    Int(i64),
    /// `REAL`.
    Float(f64),
    /// `TEXT` (UTF-8).
    Text(&'a [u8]),
    /// `BLOB`.
    Blob(&'a [u8]),
}

fn cstr_opt(p: *const c_char) -> Option<String> {
    if p.is_null() {
        return None;
    }
    // SAFETY: SQLite returns NUL-terminated strings valid until the next call.
    Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
}

fn cbytes_opt(p: *const c_char) -> Option<Vec<u8>> {
    if p.is_null() {
        return None;
    }
    // SAFETY: as `cstr_opt`.
    Some(unsafe { CStr::from_ptr(p) }.to_bytes().to_vec())
}

/// `sqlite3_libversion()`.
pub(super) fn libversion() -> String {
    // SAFETY: a static string.
    cstr_opt(unsafe { ffi::sqlite3_libversion() }).unwrap_or_default()
}

/// `sqlite3_complete(sql)`; text with a NUL is incomplete.
pub(super) fn complete(sql: &str) -> bool {
    match CString::new(sql) {
        // SAFETY: a NUL-terminated string we own.
        Ok(c) => unsafe { ffi::sqlite3_complete(c.as_ptr()) != 0 },
        Err(_) => false,
    }
}

/// The DB-API `threadsafety` of the library's threading mode, as CPython
/// maps `sqlite3_threadsafe()`.
pub(super) fn threadsafety() -> i64 {
    // SAFETY: a constant query.
    match unsafe { ffi::sqlite3_threadsafe() } {
        0 => 0,
        2 => 1,
        _ => 3,
    }
}

/// `sqlite3_enable_shared_cache(on)`.
pub(super) fn enable_shared_cache(on: bool) -> i32 {
    // SAFETY: a global flag.
    unsafe { ffi::sqlite3_enable_shared_cache(c_int::from(on)) }
}

/// `sqlite3_errstr(rc)`.
pub(super) fn errstr(rc: i32) -> String {
    // SAFETY: SQLite returns a static string for any code.
    cstr_opt(unsafe { ffi::sqlite3_errstr(rc) }).unwrap_or_default()
}

/// An open database connection, closed (`sqlite3_close_v2`) on drop: SQLite
/// keeps it as a zombie until its last statement is finalized.
#[derive(Debug)]
pub(super) struct Db {
    db: *mut ffi::sqlite3,
}

impl Drop for Db {
    fn drop(&mut self) {
        // SAFETY: `db` came from `sqlite3_open_v2` and is closed once.
        unsafe {
            sqlite3_close_v2(self.db);
        }
    }
}

/// `SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE`, and `SQLITE_OPEN_URI`.
pub(super) fn open_flags(uri: bool) -> i32 {
    let f = ffi::SQLITE_OPEN_READWRITE | ffi::SQLITE_OPEN_CREATE;
    if uri {
        f | ffi::SQLITE_OPEN_URI
    } else {
        f
    }
}

impl Db {
    /// `sqlite3_open_v2`: the handle, or the error code and message (the
    /// handle SQLite made for the failure is closed).
    pub(super) fn open(path: &[u8], flags: i32) -> Result<Db, (i32, i32, String)> {
        let c = CString::new(path)
            .map_err(|_| (ffi::SQLITE_MISUSE, ffi::SQLITE_MISUSE, String::new()))?;
        let mut db: *mut ffi::sqlite3 = ptr::null_mut();
        // SAFETY: `c` is NUL-terminated; `db` receives a handle (or null).
        let rc = unsafe { ffi::sqlite3_open_v2(c.as_ptr(), &mut db, flags, ptr::null()) };
        if db.is_null() {
            return Err((rc, rc, errstr(rc)));
        }
        let db = Db { db };
        if rc != ffi::SQLITE_OK {
            return Err((db.errcode(), db.extended_errcode(), db.errmsg()));
        }
        Ok(db)
    }

    /// `sqlite3_errcode`.
    pub(super) fn errcode(&self) -> i32 {
        // SAFETY: a live handle.
        unsafe { ffi::sqlite3_errcode(self.db) }
    }

    /// `sqlite3_extended_errcode`.
    pub(super) fn extended_errcode(&self) -> i32 {
        // SAFETY: a live handle.
        unsafe { ffi::sqlite3_extended_errcode(self.db) }
    }

    /// `sqlite3_errmsg`.
    pub(super) fn errmsg(&self) -> String {
        // SAFETY: a live handle.
        cstr_opt(unsafe { ffi::sqlite3_errmsg(self.db) }).unwrap_or_default()
    }

    /// `sqlite3_busy_timeout` in milliseconds.
    pub(super) fn busy_timeout(&self, ms: i32) {
        // SAFETY: a live handle.
        unsafe {
            ffi::sqlite3_busy_timeout(self.db, ms);
        }
    }

    /// `sqlite3_get_autocommit`.
    pub(super) fn autocommit(&self) -> bool {
        // SAFETY: a live handle.
        unsafe { ffi::sqlite3_get_autocommit(self.db) != 0 }
    }

    /// `sqlite3_changes`.
    pub(super) fn changes(&self) -> i64 {
        // SAFETY: a live handle.
        i64::from(unsafe { ffi::sqlite3_changes(self.db) })
    }

    /// `sqlite3_total_changes`.
    pub(super) fn total_changes(&self) -> i64 {
        // SAFETY: a live handle.
        i64::from(unsafe { ffi::sqlite3_total_changes(self.db) })
    }

    /// `sqlite3_last_insert_rowid`.
    pub(super) fn last_insert_rowid(&self) -> i64 {
        // SAFETY: a live handle.
        unsafe { ffi::sqlite3_last_insert_rowid(self.db) }
    }

    /// `sqlite3_interrupt`.
    pub(super) fn interrupt(&self) {
        // SAFETY: a live handle.
        unsafe { ffi::sqlite3_interrupt(self.db) }
    }

    /// `sqlite3_limit(category, new)`: the previous value.
    pub(super) fn limit(&self, category: i32, new: i32) -> i32 {
        // SAFETY: a live handle; SQLite checks the category.
        unsafe { ffi::sqlite3_limit(self.db, category, new) }
    }

    /// `sqlite3_exec(sql)` with no row callback: the result code.
    pub(super) fn exec(&self, vm: &mut Vm, sql: &str) -> i32 {
        let Ok(c) = CString::new(sql) else {
            return ffi::SQLITE_MISUSE;
        };
        with_vm(vm, || {
            // SAFETY: a live handle and a NUL-terminated string.
            unsafe {
                ffi::sqlite3_exec(self.db, c.as_ptr(), None, ptr::null_mut(), ptr::null_mut())
            }
        })
    }

    /// `sqlite3_prepare_v2` of the start of `sql`: the statement (none for
    /// text with no statement) and the byte offset where the rest begins,
    /// or the result code.
    pub(super) fn prepare(&self, vm: &mut Vm, sql: &[u8]) -> Result<(Option<Stmt>, usize), i32> {
        let Ok(c) = CString::new(sql) else {
            return Err(ffi::SQLITE_MISUSE);
        };
        let mut st: *mut ffi::sqlite3_stmt = ptr::null_mut();
        let mut tail: *const c_char = ptr::null();
        let rc = with_vm(vm, || {
            // SAFETY: `c` lives across the call and its length includes the NUL.
            unsafe {
                ffi::sqlite3_prepare_v2(
                    self.db,
                    c.as_ptr(),
                    (sql.len() + 1) as c_int,
                    &mut st,
                    &mut tail,
                )
            }
        });
        if rc != ffi::SQLITE_OK {
            return Err(rc);
        }
        let used = if tail.is_null() {
            sql.len()
        } else {
            (tail as usize)
                .saturating_sub(c.as_ptr() as usize)
                .min(sql.len())
        };
        Ok(((!st.is_null()).then_some(Stmt { st }), used))
    }

    /// Registers (or with `None`, removes) a scalar or aggregate function.
    pub(super) fn create_function(
        &self,
        name: &str,
        narg: i32,
        flags: i32,
        func: Option<(Value, bool)>,
    ) -> i32 {
        let Ok(cname) = CString::new(name) else {
            return ffi::SQLITE_MISUSE;
        };
        let flags = flags | ffi::SQLITE_UTF8;
        // SAFETY: the boxed callable is handed to SQLite, which frees it
        // through `destroy_value` when the function is replaced or the
        // database closes.
        unsafe {
            match func {
                None => ffi::sqlite3_create_function_v2(
                    self.db,
                    cname.as_ptr(),
                    narg,
                    flags,
                    ptr::null_mut(),
                    None,
                    None,
                    None,
                    None,
                ),
                Some((obj, aggregate)) => {
                    let data = Box::into_raw(Box::new(obj)) as *mut c_void;
                    if aggregate {
                        ffi::sqlite3_create_function_v2(
                            self.db,
                            cname.as_ptr(),
                            narg,
                            flags,
                            data,
                            None,
                            Some(step_trampoline),
                            Some(final_trampoline),
                            Some(destroy_value),
                        )
                    } else {
                        ffi::sqlite3_create_function_v2(
                            self.db,
                            cname.as_ptr(),
                            narg,
                            flags,
                            data,
                            Some(func_trampoline),
                            None,
                            None,
                            Some(destroy_value),
                        )
                    }
                }
            }
        }
    }

    /// Registers (or with `None`, removes) an aggregate window function
    /// (a class with `step`, `inverse`, `value` and `finalize`).
    pub(super) fn create_window_function(
        &self,
        name: &str,
        narg: i32,
        class: Option<Value>,
    ) -> i32 {
        let Ok(cname) = CString::new(name) else {
            return ffi::SQLITE_MISUSE;
        };
        let flags = ffi::SQLITE_UTF8;
        // SAFETY: as `create_function`.
        unsafe {
            match class {
                None => sqlite3_create_window_function(
                    self.db,
                    cname.as_ptr(),
                    narg,
                    flags,
                    ptr::null_mut(),
                    None,
                    None,
                    None,
                    None,
                    None,
                ),
                Some(obj) => sqlite3_create_window_function(
                    self.db,
                    cname.as_ptr(),
                    narg,
                    flags,
                    Box::into_raw(Box::new(obj)) as *mut c_void,
                    Some(step_trampoline),
                    Some(final_trampoline),
                    Some(value_trampoline),
                    Some(inverse_trampoline),
                    Some(destroy_value),
                ),
            }
        }
    }

    /// `sqlite3_serialize` of database `name`: a copy of its bytes, or
    /// `None` when SQLite cannot serialize it.
    pub(super) fn serialize(&self, name: &str) -> Option<Vec<u8>> {
        let cname = CString::new(name).ok()?;
        let mut size: i64 = 0;
        // SAFETY: a live handle; without `SQLITE_SERIALIZE_NOCOPY` the result
        // is a fresh allocation of `size` bytes that we copy and free.
        unsafe {
            let p = sqlite3_serialize(self.db, cname.as_ptr(), &mut size, 0);
            if p.is_null() {
                return None;
            }
            let out = std::slice::from_raw_parts(p, size.max(0) as usize).to_vec();
            ffi::sqlite3_free(p as *mut c_void);
            Some(out)
        }
    }

    /// `sqlite3_deserialize` of `data` into database `name`: the result
    /// code. SQLite owns (and may grow) its copy of the bytes.
    pub(super) fn deserialize(&self, name: &str, data: &[u8]) -> i32 {
        let Ok(cname) = CString::new(name) else {
            return ffi::SQLITE_MISUSE;
        };
        const FREEONCLOSE: std::ffi::c_uint = 1;
        const RESIZEABLE: std::ffi::c_uint = 2;
        let size = data.len() as i64;
        // SAFETY: the buffer comes from `sqlite3_malloc64` and is handed to
        // SQLite, which frees it (`FREEONCLOSE`, also on failure).
        unsafe {
            let buf = ffi::sqlite3_malloc64(data.len().max(1) as u64) as *mut u8;
            if buf.is_null() {
                return ffi::SQLITE_NOMEM;
            }
            ptr::copy_nonoverlapping(data.as_ptr(), buf, data.len());
            sqlite3_deserialize(
                self.db,
                cname.as_ptr(),
                buf,
                size,
                size,
                FREEONCLOSE | RESIZEABLE,
            )
        }
    }

    /// Registers (or with `None`, removes) a collation.
    pub(super) fn create_collation(&self, name: &str, func: Option<Value>) -> i32 {
        let Ok(cname) = CString::new(name) else {
            return ffi::SQLITE_MISUSE;
        };
        // SAFETY: as `create_function`.
        unsafe {
            match func {
                None => ffi::sqlite3_create_collation_v2(
                    self.db,
                    cname.as_ptr(),
                    ffi::SQLITE_UTF8,
                    ptr::null_mut(),
                    None,
                    None,
                ),
                Some(obj) => ffi::sqlite3_create_collation_v2(
                    self.db,
                    cname.as_ptr(),
                    ffi::SQLITE_UTF8,
                    Box::into_raw(Box::new(obj)) as *mut c_void,
                    Some(collation_trampoline),
                    Some(destroy_value),
                ),
            }
        }
    }

    /// Sets (or clears) the authorizer. The callable `slot` (boxed by the
    /// connection, so its address is stable) must outlive the registration.
    pub(super) fn set_authorizer(&self, slot: Option<&Value>) -> i32 {
        // SAFETY: the boxed value outlives the registration: the connection
        // replaces the registration before dropping the box.
        unsafe {
            match slot {
                None => ffi::sqlite3_set_authorizer(self.db, None, ptr::null_mut()),
                Some(b) => ffi::sqlite3_set_authorizer(
                    self.db,
                    Some(authorizer_trampoline),
                    b as *const Value as *mut c_void,
                ),
            }
        }
    }

    /// Sets (or clears) the progress handler, called every `n` instructions.
    pub(super) fn set_progress_handler(&self, slot: Option<&Value>, n: i32) {
        // SAFETY: as `set_authorizer`.
        unsafe {
            match slot {
                None => ffi::sqlite3_progress_handler(self.db, 0, None, ptr::null_mut()),
                Some(b) => ffi::sqlite3_progress_handler(
                    self.db,
                    n,
                    Some(progress_trampoline),
                    b as *const Value as *mut c_void,
                ),
            }
        }
    }

    /// Sets (or clears) the statement trace callback.
    pub(super) fn set_trace(&self, slot: Option<&Value>) {
        // SAFETY: as `set_authorizer`.
        unsafe {
            match slot {
                None => {
                    ffi::sqlite3_trace_v2(self.db, 0, None, ptr::null_mut());
                }
                Some(b) => {
                    ffi::sqlite3_trace_v2(
                        self.db,
                        ffi::SQLITE_TRACE_STMT as u32,
                        Some(trace_trampoline),
                        b as *const Value as *mut c_void,
                    );
                }
            }
        }
    }

    /// Starts a backup of database `name` of `self` into `main` of `target`.
    pub(super) fn backup_to(&self, target: &Db, name: &str) -> Result<Backup, ()> {
        let Ok(cname) = CString::new(name) else {
            return Err(());
        };
        let main = c"main";
        // SAFETY: both handles are live; the names are NUL-terminated.
        let b =
            unsafe { ffi::sqlite3_backup_init(target.db, main.as_ptr(), self.db, cname.as_ptr()) };
        if b.is_null() {
            Err(())
        } else {
            Ok(Backup { b })
        }
    }
}

/// A prepared statement, finalized on drop.
#[derive(Debug)]
pub(super) struct Stmt {
    st: *mut ffi::sqlite3_stmt,
}

impl Drop for Stmt {
    fn drop(&mut self) {
        // SAFETY: `st` came from `sqlite3_prepare_v2` and is finalized once.
        unsafe {
            ffi::sqlite3_finalize(self.st);
        }
    }
}

impl Stmt {
    /// `sqlite3_step`.
    pub(super) fn step(&self, vm: &mut Vm) -> i32 {
        // SAFETY: a live statement.
        with_vm(vm, || unsafe { ffi::sqlite3_step(self.st) })
    }

    /// `sqlite3_reset`.
    pub(super) fn reset(&self) -> i32 {
        // SAFETY: a live statement.
        unsafe { ffi::sqlite3_reset(self.st) }
    }

    /// `sqlite3_stmt_readonly`.
    pub(super) fn readonly(&self) -> bool {
        // SAFETY: a live statement.
        unsafe { ffi::sqlite3_stmt_readonly(self.st) != 0 }
    }

    /// `sqlite3_bind_parameter_count`.
    pub(super) fn param_count(&self) -> i32 {
        // SAFETY: a live statement.
        unsafe { ffi::sqlite3_bind_parameter_count(self.st) }
    }

    /// `sqlite3_bind_parameter_name` (1-based), with its prefix character.
    pub(super) fn param_name(&self, i: i32) -> Option<String> {
        // SAFETY: a live statement; SQLite checks the index.
        cstr_opt(unsafe { ffi::sqlite3_bind_parameter_name(self.st, i) })
    }

    /// Binds parameter `i` (1-based): the result code.
    pub(super) fn bind(&self, i: i32, v: Bind<'_>) -> i32 {
        // SAFETY: a live statement; text and blobs are copied by SQLite
        // (`SQLITE_TRANSIENT`), so the slices need not outlive the call.
        unsafe {
            match v {
                Bind::Null => ffi::sqlite3_bind_null(self.st, i),
                Bind::Int(n) => ffi::sqlite3_bind_int64(self.st, i, n),
                Bind::Float(f) => ffi::sqlite3_bind_double(self.st, i, f),
                Bind::Text(t) => ffi::sqlite3_bind_text64(
                    self.st,
                    i,
                    t.as_ptr() as *const c_char,
                    t.len() as u64,
                    ffi::SQLITE_TRANSIENT(),
                    ffi::SQLITE_UTF8 as u8,
                ),
                Bind::Blob(b) => ffi::sqlite3_bind_blob64(
                    self.st,
                    i,
                    b.as_ptr() as *const c_void,
                    b.len() as u64,
                    ffi::SQLITE_TRANSIENT(),
                ),
            }
        }
    }

    /// `sqlite3_column_count`.
    pub(super) fn column_count(&self) -> i32 {
        // SAFETY: a live statement.
        unsafe { ffi::sqlite3_column_count(self.st) }
    }

    /// `sqlite3_data_count`.
    pub(super) fn data_count(&self) -> i32 {
        // SAFETY: a live statement.
        unsafe { ffi::sqlite3_data_count(self.st) }
    }

    /// `sqlite3_column_name` as raw bytes.
    pub(super) fn column_name(&self, i: i32) -> Option<Vec<u8>> {
        // SAFETY: a live statement; SQLite checks the index.
        cbytes_opt(unsafe { ffi::sqlite3_column_name(self.st, i) })
    }

    /// `sqlite3_column_decltype` as raw bytes.
    pub(super) fn column_decltype(&self, i: i32) -> Option<Vec<u8>> {
        // SAFETY: a live statement; SQLite checks the index.
        cbytes_opt(unsafe { ffi::sqlite3_column_decltype(self.st, i) })
    }

    /// The value of column `i` of the current row.
    pub(super) fn column(&self, i: i32) -> SqlValue {
        // SAFETY: a live statement positioned on a row.
        unsafe {
            match ffi::sqlite3_column_type(self.st, i) {
                ffi::SQLITE_INTEGER => SqlValue::Int(ffi::sqlite3_column_int64(self.st, i)),
                ffi::SQLITE_FLOAT => SqlValue::Float(ffi::sqlite3_column_double(self.st, i)),
                ffi::SQLITE_TEXT => {
                    let p = ffi::sqlite3_column_text(self.st, i);
                    let n = ffi::sqlite3_column_bytes(self.st, i);
                    SqlValue::Text(copy_bytes(p as *const c_void, n))
                }
                ffi::SQLITE_BLOB => {
                    let p = ffi::sqlite3_column_blob(self.st, i);
                    let n = ffi::sqlite3_column_bytes(self.st, i);
                    SqlValue::Blob(copy_bytes(p, n))
                }
                _ => SqlValue::Null,
            }
        }
    }

    /// The bytes of column `i` as a blob (what a converter gets), or `None`
    /// for `NULL`.
    pub(super) fn column_as_blob(&self, i: i32) -> Option<Vec<u8>> {
        // SAFETY: a live statement positioned on a row.
        unsafe {
            let p = ffi::sqlite3_column_blob(self.st, i);
            if p.is_null() {
                return None;
            }
            let n = ffi::sqlite3_column_bytes(self.st, i);
            Some(copy_bytes(p, n))
        }
    }
}

/// Copies `n` bytes at `p` (null or a non-positive length is empty).
///
/// # Safety
/// `p` must be null or point to `n` readable bytes.
unsafe fn copy_bytes(p: *const c_void, n: c_int) -> Vec<u8> {
    if p.is_null() || n <= 0 {
        return Vec::new();
    }
    std::slice::from_raw_parts(p as *const u8, n as usize).to_vec()
}

/// A running backup, finished on drop.
#[derive(Debug)]
pub(super) struct Backup {
    b: *mut ffi::sqlite3_backup,
}

impl Backup {
    /// `sqlite3_backup_step(pages)`: the result code.
    pub(super) fn step(&self, pages: i32) -> i32 {
        // SAFETY: a live backup.
        unsafe { ffi::sqlite3_backup_step(self.b, pages) }
    }

    /// `(remaining, pagecount)`.
    pub(super) fn progress(&self) -> (i32, i32) {
        // SAFETY: a live backup.
        unsafe {
            (
                ffi::sqlite3_backup_remaining(self.b),
                ffi::sqlite3_backup_pagecount(self.b),
            )
        }
    }

    /// `sqlite3_backup_finish`: the result code.
    pub(super) fn finish(self) -> i32 {
        let b = self.b;
        std::mem::forget(self);
        // SAFETY: finished once; `self` is forgotten so drop does not repeat it.
        unsafe { ffi::sqlite3_backup_finish(b) }
    }
}

impl Drop for Backup {
    fn drop(&mut self) {
        // SAFETY: a live backup, finished once.
        unsafe {
            ffi::sqlite3_backup_finish(self.b);
        }
    }
}

/// An open BLOB handle (`sqlite3_blob_open`), closed on drop.
#[derive(Debug)]
pub(super) struct Blob {
    b: *mut ffi::sqlite3_blob,
}

impl Drop for Blob {
    fn drop(&mut self) {
        // SAFETY: a handle from `sqlite3_blob_open`, closed once.
        unsafe {
            ffi::sqlite3_blob_close(self.b);
        }
    }
}

impl Db {
    /// `sqlite3_blob_open`: the handle or the result code.
    pub(super) fn blob_open(
        &self,
        dbname: &str,
        table: &str,
        column: &str,
        row: i64,
        writable: bool,
    ) -> Result<Blob, i32> {
        let (Ok(d), Ok(t), Ok(c)) = (
            CString::new(dbname),
            CString::new(table),
            CString::new(column),
        ) else {
            return Err(ffi::SQLITE_MISUSE);
        };
        let mut b: *mut ffi::sqlite3_blob = ptr::null_mut();
        // SAFETY: a live handle, NUL-terminated names, `b` receives the handle.
        let rc = unsafe {
            ffi::sqlite3_blob_open(
                self.db,
                d.as_ptr(),
                t.as_ptr(),
                c.as_ptr(),
                row,
                c_int::from(writable),
                &mut b,
            )
        };
        if rc != ffi::SQLITE_OK {
            if !b.is_null() {
                // SAFETY: SQLite may hand back a handle on failure; close it.
                unsafe {
                    ffi::sqlite3_blob_close(b);
                }
            }
            return Err(rc);
        }
        Ok(Blob { b })
    }
}

impl Blob {
    /// `sqlite3_blob_bytes`.
    pub(super) fn bytes(&self) -> i32 {
        // SAFETY: a live handle.
        unsafe { ffi::sqlite3_blob_bytes(self.b) }
    }

    /// Reads `buf.len()` bytes at `offset`: the result code.
    pub(super) fn read(&self, buf: &mut [u8], offset: i32) -> i32 {
        // SAFETY: `buf` is writable for its length.
        unsafe {
            ffi::sqlite3_blob_read(
                self.b,
                buf.as_mut_ptr() as *mut c_void,
                buf.len() as c_int,
                offset,
            )
        }
    }

    /// Writes `data` at `offset`: the result code.
    pub(super) fn write(&self, data: &[u8], offset: i32) -> i32 {
        // SAFETY: `data` is readable for its length.
        unsafe {
            ffi::sqlite3_blob_write(
                self.b,
                data.as_ptr() as *const c_void,
                data.len() as c_int,
                offset,
            )
        }
    }
}

// ---- callback trampolines ----

unsafe extern "C" fn destroy_value(p: *mut c_void) {
    if !p.is_null() {
        drop(Box::from_raw(p as *mut Value));
    }
}

/// The callable registered with a function or collation.
///
/// # Safety
/// `p` must be a pointer made by `Box::into_raw(Box<Value>)` (or borrowed
/// from a live box) that SQLite handed back.
unsafe fn user_value(p: *mut c_void) -> Option<Value> {
    // A clone: the callback may replace its own registration (and so free
    // the box) while it runs.
    (p as *const Value).as_ref().cloned()
}

unsafe fn read_args(argc: c_int, argv: *mut *mut ffi::sqlite3_value) -> Vec<SqlValue> {
    let mut out = Vec::with_capacity(argc.max(0) as usize);
    for i in 0..argc.max(0) as usize {
        let v = *argv.add(i);
        out.push(match ffi::sqlite3_value_type(v) {
            ffi::SQLITE_INTEGER => SqlValue::Int(ffi::sqlite3_value_int64(v)),
            ffi::SQLITE_FLOAT => SqlValue::Float(ffi::sqlite3_value_double(v)),
            ffi::SQLITE_TEXT => {
                let p = ffi::sqlite3_value_text(v);
                let n = ffi::sqlite3_value_bytes(v);
                SqlValue::Text(copy_bytes(p as *const c_void, n))
            }
            ffi::SQLITE_BLOB => {
                let p = ffi::sqlite3_value_blob(v);
                let n = ffi::sqlite3_value_bytes(v);
                SqlValue::Blob(copy_bytes(p, n))
            }
            _ => SqlValue::Null,
        });
    }
    out
}

/// What a user function returns to SQLite.
pub(super) enum FnResult {
    /// A value.
    Value(SqlValueOwned),
    /// An error with this message.
    Error(String),
    /// `SQLITE_TOOBIG` (an `OverflowError` in Python).
    TooBig,
    /// `SQLITE_NOMEM` (a `MemoryError` in Python).
    NoMem,
}

/// An owned value a user function returns.
pub(super) type SqlValueOwned = SqlValue;

unsafe fn set_result(ctx: *mut ffi::sqlite3_context, r: FnResult) {
    match r {
        FnResult::Value(SqlValue::Null) => ffi::sqlite3_result_null(ctx),
        FnResult::Value(SqlValue::Int(n)) => ffi::sqlite3_result_int64(ctx, n),
        FnResult::Value(SqlValue::Float(f)) => ffi::sqlite3_result_double(ctx, f),
        FnResult::Value(SqlValue::Text(t)) => ffi::sqlite3_result_text64(
            ctx,
            t.as_ptr() as *const c_char,
            t.len() as u64,
            ffi::SQLITE_TRANSIENT(),
            ffi::SQLITE_UTF8 as u8,
        ),
        FnResult::Value(SqlValue::Blob(b)) => ffi::sqlite3_result_blob64(
            ctx,
            b.as_ptr() as *const c_void,
            b.len() as u64,
            ffi::SQLITE_TRANSIENT(),
        ),
        FnResult::TooBig => ffi::sqlite3_result_error_toobig(ctx),
        FnResult::NoMem => ffi::sqlite3_result_error_nomem(ctx),
        FnResult::Error(msg) => {
            ffi::sqlite3_result_error(ctx, msg.as_ptr() as *const c_char, msg.len() as c_int)
        }
    }
}

unsafe extern "C" fn func_trampoline(
    ctx: *mut ffi::sqlite3_context,
    argc: c_int,
    argv: *mut *mut ffi::sqlite3_value,
) {
    let Some(callable) = user_value(ffi::sqlite3_user_data(ctx)) else {
        return;
    };
    let args = read_args(argc, argv);
    let r = current_vm(|vm| super::callbacks::call_function(vm, &callable, args))
        .unwrap_or_else(|| FnResult::Error("no interpreter".into()));
    set_result(ctx, r);
}

/// The aggregate instance slot of one aggregate evaluation: SQLite's
/// aggregate context holds a pointer to a boxed `Option<Value>`.
unsafe fn aggregate_slot(ctx: *mut ffi::sqlite3_context, create: bool) -> *mut *mut Option<Value> {
    let n = if create {
        std::mem::size_of::<*mut Option<Value>>() as c_int
    } else {
        0
    };
    ffi::sqlite3_aggregate_context(ctx, n) as *mut *mut Option<Value>
}

unsafe extern "C" fn step_trampoline(
    ctx: *mut ffi::sqlite3_context,
    argc: c_int,
    argv: *mut *mut ffi::sqlite3_value,
) {
    let Some(class) = user_value(ffi::sqlite3_user_data(ctx)) else {
        return;
    };
    let slot = aggregate_slot(ctx, true);
    if slot.is_null() {
        ffi::sqlite3_result_error_nomem(ctx);
        return;
    }
    // SQLite zeroes a new aggregate context, so a null box is a first step.
    if (*slot).is_null() {
        *slot = Box::into_raw(Box::new(None));
    }
    let inst: &mut Option<Value> = &mut **slot;
    let args = read_args(argc, argv);
    let r = current_vm(|vm| super::callbacks::aggregate_step(vm, &class, inst, args));
    if let Some(Some(err)) = r {
        set_result(ctx, err);
    }
}

unsafe extern "C" fn inverse_trampoline(
    ctx: *mut ffi::sqlite3_context,
    argc: c_int,
    argv: *mut *mut ffi::sqlite3_value,
) {
    let Some(class) = user_value(ffi::sqlite3_user_data(ctx)) else {
        return;
    };
    let slot = aggregate_slot(ctx, false);
    let inst = if slot.is_null() || (*slot).is_null() {
        None
    } else {
        (**slot).clone()
    };
    let args = read_args(argc, argv);
    let r = current_vm(|vm| super::callbacks::window_inverse(vm, &class, inst, args));
    if let Some(Some(err)) = r {
        set_result(ctx, err);
    }
}

unsafe extern "C" fn value_trampoline(ctx: *mut ffi::sqlite3_context) {
    let Some(class) = user_value(ffi::sqlite3_user_data(ctx)) else {
        return;
    };
    let slot = aggregate_slot(ctx, false);
    let inst = if slot.is_null() || (*slot).is_null() {
        None
    } else {
        (**slot).clone()
    };
    let r = current_vm(|vm| super::callbacks::window_value(vm, &class, inst))
        .unwrap_or_else(|| FnResult::Error("no interpreter".into()));
    set_result(ctx, r);
}

unsafe extern "C" fn final_trampoline(ctx: *mut ffi::sqlite3_context) {
    let slot = aggregate_slot(ctx, false);
    let inst: Option<Value> = if slot.is_null() || (*slot).is_null() {
        None
    } else {
        let b = Box::from_raw(*slot);
        *slot = ptr::null_mut();
        *b
    };
    let r = current_vm(|vm| super::callbacks::aggregate_final(vm, inst))
        .unwrap_or_else(|| FnResult::Error("no interpreter".into()));
    set_result(ctx, r);
}

unsafe extern "C" fn collation_trampoline(
    p: *mut c_void,
    n1: c_int,
    s1: *const c_void,
    n2: c_int,
    s2: *const c_void,
) -> c_int {
    let Some(callable) = user_value(p) else {
        return 0;
    };
    let a = copy_bytes(s1, n1);
    let b = copy_bytes(s2, n2);
    current_vm(|vm| super::callbacks::collate(vm, &callable, &a, &b)).unwrap_or(0)
}

unsafe extern "C" fn authorizer_trampoline(
    p: *mut c_void,
    action: c_int,
    a1: *const c_char,
    a2: *const c_char,
    a3: *const c_char,
    a4: *const c_char,
) -> c_int {
    let Some(callable) = user_value(p) else {
        return ffi::SQLITE_DENY;
    };
    let args = [cstr_opt(a1), cstr_opt(a2), cstr_opt(a3), cstr_opt(a4)];
    current_vm(|vm| super::callbacks::authorize(vm, &callable, action, args))
        .unwrap_or(ffi::SQLITE_DENY)
}

unsafe extern "C" fn progress_trampoline(p: *mut c_void) -> c_int {
    let Some(callable) = user_value(p) else {
        return 0;
    };
    current_vm(|vm| super::callbacks::progress(vm, &callable)).unwrap_or(0)
}

unsafe extern "C" fn trace_trampoline(
    kind: std::ffi::c_uint,
    p: *mut c_void,
    stmt: *mut c_void,
    _x: *mut c_void,
) -> c_int {
    if kind != ffi::SQLITE_TRACE_STMT as std::ffi::c_uint {
        return 0;
    }
    let Some(callable) = user_value(p) else {
        return 0;
    };
    let st = stmt as *mut ffi::sqlite3_stmt;
    let expanded = ffi::sqlite3_expanded_sql(st);
    let ok = !expanded.is_null();
    let text = if ok {
        let t = cstr_opt(expanded);
        ffi::sqlite3_free(expanded as *mut c_void);
        t
    } else {
        cstr_opt(ffi::sqlite3_sql(st))
    };
    if let Some(text) = text {
        current_vm(|vm| super::callbacks::trace(vm, &callable, text, ok));
    }
    0
}
