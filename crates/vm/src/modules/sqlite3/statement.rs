//! Prepared statements (CPython's `statement.c`): one SQL statement each,
//! whether it is DML (which opens an implicit transaction and counts rows),
//! and whether a cursor is stepping it.

use std::cell::Cell;
use std::rc::Rc;

use crate::exc::PyResult;
use crate::vm::Vm;

use super::errors::{from_db, raise, Errors};
use super::raw;

/// A prepared statement; `st` is `None` for SQL with no statement in it
/// (empty, or only comments), which runs as nothing.
#[derive(Debug)]
pub(super) struct Statement {
    pub(super) st: Option<raw::Stmt>,
    /// `INSERT`, `UPDATE`, `DELETE` or `REPLACE`.
    pub(super) is_dml: bool,
    /// A cursor has started it and not reset it.
    pub(super) in_use: Cell<bool>,
}

impl Statement {
    /// Resets the statement if a cursor had started it.
    pub(super) fn reset(&self) {
        if let Some(st) = &self.st {
            if self.in_use.get() && st.reset() == raw::SQLITE_OK {
                self.in_use.set(false);
            }
        }
    }
}

/// The rest of `sql` after white space and comments, or `None` if nothing
/// else is left (CPython's `lstrip_sql`).
pub(super) fn lstrip_sql(sql: &[u8]) -> Option<&[u8]> {
    let mut i = 0;
    while i < sql.len() {
        match sql[i] {
            b' ' | b'\t' | b'\x0c' | b'\n' | b'\r' => i += 1,
            b'-' if sql.get(i + 1) == Some(&b'-') => {
                match sql[i..].iter().position(|c| *c == b'\n') {
                    Some(p) => i += p + 1,
                    None => return None,
                }
            }
            b'/' if sql.get(i + 1) == Some(&b'*') => {
                match sql[i + 2..].windows(2).position(|w| w == b"*/") {
                    Some(p) => i += p + 4,
                    None => return None,
                }
            }
            _ => return Some(&sql[i..]),
        }
    }
    None
}

fn starts_with_ci(s: &[u8], word: &str) -> bool {
    s.len() >= word.len() && s[..word.len()].eq_ignore_ascii_case(word.as_bytes())
}

/// Prepares `sql` on `db` with CPython's checks and messages.
pub(super) fn create(vm: &mut Vm, db: &raw::Db, errors: &Errors, sql: &str) -> PyResult<Statement> {
    let bytes = sql.as_bytes();
    let max = db.limit(1, -1);
    if bytes.len() > max.max(0) as usize {
        return Err(raise(&errors.data, "query string is too large"));
    }
    if bytes.contains(&0) {
        return Err(raise(
            &errors.programming,
            "the query contains a null character",
        ));
    }
    let (st, used) = match db.prepare(vm, bytes) {
        Ok(r) => r,
        Err(_) => return Err(from_db(errors, db)),
    };
    if lstrip_sql(&bytes[used..]).is_some() {
        return Err(raise(
            &errors.programming,
            "You can only execute one statement at a time.",
        ));
    }
    let is_dml = lstrip_sql(bytes).is_some_and(|p| {
        ["insert", "update", "delete", "replace"]
            .iter()
            .any(|w| starts_with_ci(p, w))
    });
    Ok(Statement {
        st,
        is_dml,
        in_use: Cell::new(false),
    })
}

/// The connection's statement cache: the most recently used last, at most
/// `size` entries (CPython's LRU cache of `cached_statements`).
#[derive(Debug, Default)]
pub(super) struct Cache {
    entries: Vec<(String, Rc<Statement>)>,
    size: usize,
}

impl Cache {
    /// An empty cache of `size` entries.
    pub(super) fn new(size: usize) -> Cache {
        Cache {
            entries: Vec::new(),
            size,
        }
    }

    /// The cached statement for `sql`, marked most recently used.
    pub(super) fn get(&mut self, sql: &str) -> Option<Rc<Statement>> {
        let pos = self.entries.iter().position(|(k, _)| k == sql)?;
        let e = self.entries.remove(pos);
        let st = e.1.clone();
        self.entries.push(e);
        Some(st)
    }

    /// Adds a statement, evicting the least recently used beyond the size.
    pub(super) fn put(&mut self, sql: String, st: Rc<Statement>) {
        if self.size == 0 {
            return;
        }
        self.entries.push((sql, st));
        if self.entries.len() > self.size {
            self.entries.remove(0);
        }
    }

    /// Drops every statement.
    pub(super) fn clear(&mut self) {
        self.entries.clear();
    }
}
