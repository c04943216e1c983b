//! The 3.11 code object.

use std::sync::Arc;

use crate::constant::{Constant, PyStr};

/// `co_flags` bits (`CO_*` in Include/cpython/code.h).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CodeFlags(pub u32);

impl CodeFlags {
    /// `CO_OPTIMIZED`: locals are fast locals.
    pub const OPTIMIZED: CodeFlags = CodeFlags(0x1);
    /// `CO_NEWLOCALS`: a new dict is made for locals.
    pub const NEWLOCALS: CodeFlags = CodeFlags(0x2);
    /// `CO_VARARGS`: has a `*args` parameter.
    pub const VARARGS: CodeFlags = CodeFlags(0x4);
    /// `CO_VARKEYWORDS`: has a `**kwargs` parameter.
    pub const VARKEYWORDS: CodeFlags = CodeFlags(0x8);
    /// `CO_NESTED`: a nested function.
    pub const NESTED: CodeFlags = CodeFlags(0x10);
    /// `CO_GENERATOR`: a generator function.
    pub const GENERATOR: CodeFlags = CodeFlags(0x20);
    /// `CO_NOFREE`: no free or cell variables.
    pub const NOFREE: CodeFlags = CodeFlags(0x40);
    /// `CO_COROUTINE`: an `async def` function.
    pub const COROUTINE: CodeFlags = CodeFlags(0x80);
    /// `CO_ITERABLE_COROUTINE`: a generator-based coroutine.
    pub const ITERABLE_COROUTINE: CodeFlags = CodeFlags(0x100);
    /// `CO_ASYNC_GENERATOR`: an async generator.
    pub const ASYNC_GENERATOR: CodeFlags = CodeFlags(0x200);
    /// `CO_FUTURE_DIVISION` (historic, still set by `from __future__ import division`).
    pub const FUTURE_DIVISION: CodeFlags = CodeFlags(0x20000);
    /// `CO_FUTURE_ABSOLUTE_IMPORT`.
    pub const FUTURE_ABSOLUTE_IMPORT: CodeFlags = CodeFlags(0x40000);
    /// `CO_FUTURE_WITH_STATEMENT`.
    pub const FUTURE_WITH_STATEMENT: CodeFlags = CodeFlags(0x80000);
    /// `CO_FUTURE_PRINT_FUNCTION`.
    pub const FUTURE_PRINT_FUNCTION: CodeFlags = CodeFlags(0x100000);
    /// `CO_FUTURE_UNICODE_LITERALS`.
    pub const FUTURE_UNICODE_LITERALS: CodeFlags = CodeFlags(0x200000);
    /// `CO_FUTURE_BARRY_AS_BDFL`.
    pub const FUTURE_BARRY_AS_BDFL: CodeFlags = CodeFlags(0x400000);
    /// `CO_FUTURE_GENERATOR_STOP`.
    pub const FUTURE_GENERATOR_STOP: CodeFlags = CodeFlags(0x800000);
    /// `CO_FUTURE_ANNOTATIONS`.
    pub const FUTURE_ANNOTATIONS: CodeFlags = CodeFlags(0x1000000);

    /// Whether every bit of `other` is set.
    pub const fn contains(self, other: CodeFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for CodeFlags {
    type Output = CodeFlags;
    fn bitor(self, rhs: CodeFlags) -> CodeFlags {
        CodeFlags(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for CodeFlags {
    fn bitor_assign(&mut self, rhs: CodeFlags) {
        self.0 |= rhs.0;
    }
}

/// Kinds of a fast-locals slot (`co_localspluskinds` bytes, `CO_FAST_*`).
pub mod local_kind {
    /// A local variable (part of `co_varnames`).
    pub const LOCAL: u8 = 0x20;
    /// A cell variable (part of `co_cellvars`).
    pub const CELL: u8 = 0x40;
    /// A free variable (part of `co_freevars`).
    pub const FREE: u8 = 0x80;
}

/// A CPython 3.11 code object, field for field as marshal stores it.
///
/// `co_varnames`, `co_cellvars`, `co_freevars` and `co_nlocals` are not stored:
/// they derive from `localsplusnames` and `localspluskinds`, as in CPython.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CodeObject {
    /// `co_argcount`: positional parameters, including positional-only ones.
    pub argcount: u32,
    /// `co_posonlyargcount`.
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`.
    pub kwonlyargcount: u32,
    /// `co_stacksize`.
    pub stacksize: u32,
    /// `co_flags`.
    pub flags: CodeFlags,
    /// `co_code`: 2-byte code units (opcode, argument), inline `CACHE` units included.
    pub code: Vec<u8>,
    /// `co_consts`.
    pub consts: Vec<Constant>,
    /// `co_names`: global, attribute and imported names.
    pub names: Vec<Arc<PyStr>>,
    /// `co_localsplusnames`: locals, then cells, then free variables.
    pub localsplusnames: Vec<Arc<PyStr>>,
    /// `co_localspluskinds`: one [`local_kind`] byte per `localsplusnames` entry.
    pub localspluskinds: Vec<u8>,
    /// `co_filename`.
    pub filename: Arc<PyStr>,
    /// `co_name`.
    pub name: Arc<PyStr>,
    /// `co_qualname`.
    pub qualname: Arc<PyStr>,
    /// `co_firstlineno`.
    pub firstlineno: i32,
    /// `co_linetable`: the 3.11 location table (see [`crate::location`]).
    pub linetable: Vec<u8>,
    /// `co_exceptiontable` (see [`crate::exception_table`]).
    pub exceptiontable: Vec<u8>,
}

/// Sets `co_filename` of `code` and of the code objects among its constants
/// (what `_imp._fix_co_filename` does, and how frozen modules name their
/// `<frozen NAME>` source), changing in place what nothing else shares (a
/// freshly read tree) and copying only what is shared.
pub fn rename_file(code: &mut Arc<CodeObject>, filename: &Arc<PyStr>) {
    let code = Arc::make_mut(code);
    code.filename = filename.clone();
    for c in &mut code.consts {
        if let Constant::Code(inner) = c {
            rename_file(inner, filename);
        }
    }
}

impl CodeObject {
    fn names_with_kind(&self, kind: u8) -> impl Iterator<Item = &Arc<PyStr>> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(move |(_, &k)| k & kind != 0)
            .map(|(n, _)| n)
    }

    /// `co_varnames`.
    pub fn varnames(&self) -> Vec<&Arc<PyStr>> {
        self.names_with_kind(local_kind::LOCAL).collect()
    }

    /// `co_cellvars`.
    pub fn cellvars(&self) -> Vec<&Arc<PyStr>> {
        self.names_with_kind(local_kind::CELL).collect()
    }

    /// `co_freevars`.
    pub fn freevars(&self) -> Vec<&Arc<PyStr>> {
        self.names_with_kind(local_kind::FREE).collect()
    }

    /// `co_nlocals`.
    pub fn nlocals(&self) -> usize {
        self.names_with_kind(local_kind::LOCAL).count()
    }

    /// The name of fast-locals slot `oparg` (`code._varname_from_oparg`).
    pub fn varname_from_oparg(&self, oparg: u32) -> Option<&Arc<PyStr>> {
        self.localsplusnames.get(oparg as usize)
    }

    /// The instructions of `co_code`, inline caches skipped (`dis._unpack_opargs`).
    pub fn instructions(&self) -> crate::instruction::Instructions<'_> {
        crate::instruction::instructions(&self.code)
    }

    /// `co_lines()`.
    pub fn lines(&self) -> Vec<crate::location::LineRange> {
        crate::location::co_lines(&self.linetable, self.firstlineno)
    }

    /// `co_positions()`: one item per code unit.
    pub fn positions(&self) -> Vec<crate::location::Positions> {
        crate::location::co_positions(&self.linetable, self.firstlineno)
    }

    /// The decoded exception table (`dis._parse_exception_table`).
    pub fn exception_entries(&self) -> Vec<crate::exception_table::ExceptionTableEntry> {
        crate::exception_table::parse_exception_table(&self.exceptiontable)
    }

    /// Python's `repr()`: `<code object NAME at 0x..., file "FILE", line N>`.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        self.write_repr(&mut out);
        out
    }

    /// Appends Python's `repr()` to `out`. The address is this object's own.
    pub fn write_repr(&self, out: &mut String) {
        let line = if self.firstlineno != 0 {
            self.firstlineno
        } else {
            -1
        };
        out.push_str(&format!(
            "<code object {} at {:p}, file \"{}\", line {}>",
            self.name, self as *const CodeObject, self.filename, line
        ));
    }
}
