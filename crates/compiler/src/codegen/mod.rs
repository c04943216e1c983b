//! Code generation, after Python/compile.c of CPython 3.11: one [`Unit`] per code
//! object being built (module, class body, function, lambda, comprehension), the
//! name and constant tables, the frame-block stack for `break`/`return` unwinding,
//! and the emitter.

mod expr;
mod pattern;
mod stmt;

use std::cell::Cell;
use std::sync::Arc;

use pith_ast::{Expr, Mod, Ranged, SourceLine, SourceLocator, Stmt, TextRange};
use pith_bytecode::{CodeFlags, CodeObject, Constant, Opcode, PyStr};

use crate::assemble::{assemble, UnitInfo};
use crate::error::{CompileError, ErrorKind};
use crate::flow::Consts;
use crate::ir::{BlockId, Cfg, Loc, Op, NO_BLOCK};
use crate::name_index::NameIndex;
use crate::symtable::{mangle, BlockKind, Scope, ScopeId, SymbolTable};
use crate::Mode;

pub(crate) type CResult<T = ()> = Result<T, CompileError>;

/// `STACK_USE_GUIDELINE`: above this many items, sequences are built incrementally.
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

/// `COMPILER_SCOPE_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// Kinds of frame blocks (`enum fblocktype`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

/// What a frame block needs to unwind itself.
#[derive(Clone, Copy)]
pub(crate) enum FBlockDatum<'a> {
    None,
    /// The `finally` body of a `try`.
    Finally(&'a [Stmt]),
    /// The `with` statement (for its location).
    With(TextRange),
    /// The `except ... as name` name.
    Name(&'a str),
}

#[derive(Clone, Copy)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind,
    pub block: BlockId,
    pub exit: BlockId,
    pub datum: FBlockDatum<'a>,
}

/// An insertion-ordered name table (`u_names`, `u_varnames`, ...).
#[derive(Default)]
pub(crate) struct NameTable {
    pub list: Vec<Box<str>>,
    index: NameIndex,
}

// `NameIndex` reads names through `&T`, here `&Box<str>`.
#[allow(clippy::borrowed_box)]
fn boxed_key(n: &Box<str>) -> &str {
    n
}

impl NameTable {
    pub fn from_list(list: Vec<Box<str>>) -> Self {
        let index = NameIndex::of(&list, boxed_key);
        Self { list, index }
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        self.index
            .get(&self.list, boxed_key, name)
            .map(|i| i as u32)
    }

    pub fn add(&mut self, name: &str) -> u32 {
        if let Some(i) = self.get(name) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(name.into());
        self.index.pushed(&self.list, boxed_key);
        i
    }
}

/// One code object under construction (`struct compiler_unit`).
pub(crate) struct Unit<'a> {
    pub kind: UnitKind,
    pub scope: ScopeId,
    pub cfg: Cfg,
    pub consts: Consts,
    pub names: NameTable,
    pub varnames: NameTable,
    pub cellvars: NameTable,
    pub freevars: NameTable,
    pub private: Option<Box<str>>,
    pub name: Box<str>,
    pub qualname: Box<str>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: i32,
    pub loc: Loc,
    pub fblocks: Vec<FBlock<'a>>,
    /// For each symbol of the unit's scope, its position in the table its
    /// loads and stores index (`varnames`, `names`, cells or frees; which
    /// one follows from the symbol's scope), once `nameop` has added it:
    /// later uses skip the table's lookup.
    pub slots: Vec<u32>,
}

/// A [`Unit::slots`] entry of a symbol not yet in its table.
const NO_SLOT: u32 = u32::MAX;

pub(crate) struct Compiler<'a> {
    pub st: SymbolTable,
    pub locator: &'a dyn SourceLocator,
    /// The line of the last location looked up: the nodes compiled one
    /// after the other mostly sit on the same line, so most lookups need
    /// no search of the locator's tables (see [`Compiler::loc_of`]).
    pub line: Cell<SourceLine>,
    pub filename: Arc<PyStr>,
    pub units: Vec<Unit<'a>>,
    pub interactive: bool,
    pub future_annotations: bool,
    pub future_flags: u32,
    pub future_lineno: u32,
    /// Non-ASCII one-character Latin-1 names used in the module.
    pub interned_singletons: Vec<char>,
    /// `SyntaxWarning`s issued so far, in order.
    pub warnings: Vec<crate::Warning>,
    /// The module being compiled.
    pub module: &'a Mod,
    /// Its identifiers, collected the first time a frozenset constant needs them.
    pub identifiers: Option<crate::interned::ModuleIdentifiers<'a>>,
    /// Instruction vectors of assembled code objects, for the next unit's
    /// blocks (see [`Cfg::spare`]).
    pub instr_pool: Vec<Vec<crate::ir::Instr>>,
    /// `c_optimize`: above 0 drops asserts, at 2 docstrings too.
    pub optimize: u8,
    /// `PyCF_ALLOW_TOP_LEVEL_AWAIT` was given.
    pub allow_top_level_await: bool,
}

impl<'a> Compiler<'a> {
    pub fn u(&mut self) -> &mut Unit<'a> {
        self.units
            .last_mut()
            .expect("a unit is always open during codegen")
    }

    pub fn ur(&self) -> &Unit<'a> {
        self.units
            .last()
            .expect("a unit is always open during codegen")
    }

    /// `compiler_warn`: a `SyntaxWarning` at the current line, if `message` is set.
    pub fn warn(&mut self, message: Option<String>) {
        if let Some(message) = message {
            let loc = self.ur().loc;
            let one_based = |v: i32| (v + 1).max(0) as u32;
            self.warnings.push(crate::Warning {
                message,
                lineno: loc.lineno.max(0) as u32,
                offset: one_based(loc.col),
                end_lineno: loc.end_lineno.max(0) as u32,
                end_offset: one_based(loc.end_col),
            });
        }
    }

    pub fn err(&self, range: TextRange, msg: impl Into<String>) -> CompileError {
        crate::symtable::error(self.locator, range, msg)
    }

    /// `compiler_error`: an error at the current location.
    pub fn err_here(&self, msg: impl Into<String>) -> CompileError {
        let loc = self.ur().loc;
        CompileError {
            kind: ErrorKind::SyntaxError,
            message: msg.into(),
            range: TextRange::default(),
            lineno: loc.lineno.max(0) as u32,
            offset: (loc.col + 1).max(0) as u32,
        }
    }

    /// `forbidden_name`: `__debug__` is a constant of the compiler, so no
    /// code may bind or delete it (an error at the current location).
    #[inline]
    pub fn forbidden_name(&self, name: &str, ctx: pith_ast::ExprContext) -> CResult {
        if name != "__debug__" {
            return Ok(());
        }
        self.debug_use(ctx)
    }

    /// [`Compiler::forbidden_name`] for `__debug__`: loading it is the one
    /// use allowed (kept out of line, as the name is rare).
    #[inline(never)]
    fn debug_use(&self, ctx: pith_ast::ExprContext) -> CResult {
        match ctx {
            pith_ast::ExprContext::Store => Err(self.err_here("cannot assign to __debug__")),
            pith_ast::ExprContext::Del => Err(self.err_here("cannot delete __debug__")),
            pith_ast::ExprContext::Load => Ok(()),
        }
    }

    /// `compiler_check_debug_args`: no parameter of a `def` or `lambda` may
    /// be named `__debug__`.
    pub fn check_debug_args(&self, args: &pith_ast::Arguments) -> CResult {
        for a in args.all() {
            self.forbidden_name(&a.arg, pith_ast::ExprContext::Store)?;
        }
        Ok(())
    }

    pub fn system_err(&self, msg: impl Into<String>) -> CompileError {
        CompileError {
            kind: ErrorKind::SystemError,
            message: msg.into(),
            range: TextRange::default(),
            lineno: 0,
            offset: 0,
        }
    }

    /// The location of `range`. Nodes compiled one after the other mostly
    /// sit on one line: a range on the line of the last lookup is located
    /// from that line's start, with no search of the locator's tables.
    #[inline]
    pub fn loc_of(&self, range: TextRange) -> Loc {
        let line = self.line.get();
        // Offsets before the line's start wrap around to large values.
        let len = line.end.wrapping_sub(line.start);
        let col = range.start.wrapping_sub(line.start);
        let end_col = range.end.wrapping_sub(line.start);
        if col < len && end_col < len {
            return Loc {
                lineno: line.number as i32,
                end_lineno: line.number as i32,
                col: col as i32,
                end_col: end_col as i32,
            };
        }
        self.loc_searched(range)
    }

    /// [`Compiler::loc_of`] for a range not on the last line looked up,
    /// whose start's line becomes the one remembered.
    #[inline(never)] // keeps the inlined fast path small
    fn loc_searched(&self, range: TextRange) -> Loc {
        if range == crate::fold::NO_RANGE {
            return Loc::NONE;
        }
        let ((l1, c1), (l2, c2)) = match self.locator.line_at(range.start) {
            Some(line) => {
                self.line.set(line);
                let locate = |offset| {
                    line.location(offset)
                        .unwrap_or_else(|| self.locator.location(offset))
                };
                (locate(range.start), locate(range.end))
            }
            None => self.locator.span(range.start, range.end),
        };
        Loc {
            lineno: l1 as i32,
            end_lineno: l2 as i32,
            col: c1 as i32,
            end_col: c2 as i32,
        }
    }

    /// `SET_LOC`.
    pub fn set_loc(&mut self, range: TextRange) {
        let loc = self.loc_of(range);
        self.u().loc = loc;
    }

    /// `UNSET_LOC`.
    pub fn unset_loc(&mut self) {
        self.u().loc = Loc::NONE;
    }

    // ---- emitting ----

    pub fn emit(&mut self, op: Opcode) {
        self.emit_arg(op, 0);
    }

    pub fn emit_arg(&mut self, op: Opcode, arg: u32) {
        let u = self.u();
        let loc = u.loc;
        u.cfg.push(Op::Real(op), arg, NO_BLOCK, loc);
    }

    pub fn emit_noline(&mut self, op: Op, arg: u32) {
        self.u().cfg.push(op, arg, NO_BLOCK, Loc::NONE);
    }

    pub fn emit_pseudo(&mut self, op: Op) {
        let u = self.u();
        let loc = u.loc;
        u.cfg.push(op, 0, NO_BLOCK, loc);
    }

    pub fn jump(&mut self, op: Op, target: BlockId) {
        let u = self.u();
        let loc = u.loc;
        u.cfg.push(op, 0, target, loc);
    }

    pub fn jump_noline(&mut self, op: Op, target: BlockId) {
        self.u().cfg.push(op, 0, target, Loc::NONE);
    }

    pub fn new_block(&mut self) -> BlockId {
        self.u().cfg.new_block()
    }

    pub fn use_next_block(&mut self, b: BlockId) {
        self.u().cfg.use_next_block(b);
    }

    pub fn next_block(&mut self) {
        self.u().cfg.next_block();
    }

    pub fn add_const(&mut self, c: Constant) -> u32 {
        self.u().consts.add(c)
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit_arg(Opcode::LoadConst, i);
    }

    /// `ADDOP_NAME`: the name is mangled first.
    pub fn emit_name(&mut self, op: Opcode, name: &str) {
        let mangled = mangle(self.ur().private.as_deref(), name);
        let i = self.u().names.add(&mangled);
        self.emit_arg(op, i);
    }

    /// `ADDOP_N` with the names table: no mangling.
    pub fn emit_name_raw(&mut self, op: Opcode, name: &str) {
        let i = self.u().names.add(name);
        self.emit_arg(op, i);
    }

    // ---- scopes ----

    fn scope_entry(&self) -> &crate::symtable::ScopeEntry {
        &self.st.scopes[self.ur().scope]
    }

    pub fn enter_scope(&mut self, name: &str, kind: UnitKind, key: usize, lineno: i32) -> CResult {
        let Some(&scope) = self.st.by_node.get(&key) else {
            return Err(self.system_err("unknown scope"));
        };
        let entry = &self.st.scopes[scope];
        let varnames = NameTable::from_list(entry.varnames.clone());
        let mut cellvars = NameTable::from_list(entry.names_by(Scope::Cell, 0));
        if entry.needs_class_closure {
            cellvars.add("__class__");
        }
        let mut freevars = NameTable::default();
        for n in entry.names_by(Scope::Free, crate::symtable::flag::FREE_CLASS) {
            freevars.add(&n);
        }
        let private = self.units.last().and_then(|u| u.private.clone());
        let mut unit = Unit {
            kind,
            scope,
            cfg: Cfg::with_spare(std::mem::take(&mut self.instr_pool)),
            consts: Consts::new(),
            names: NameTable::default(),
            varnames,
            cellvars,
            freevars,
            private,
            name: name.into(),
            qualname: name.into(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno: lineno,
            loc: Loc {
                lineno,
                end_lineno: lineno,
                col: 0,
                end_col: 0,
            },
            fblocks: Vec::new(),
            slots: vec![NO_SLOT; entry.symbols.len()],
        };
        if kind == UnitKind::Module {
            unit.loc = Loc {
                lineno: 0,
                end_lineno: 1,
                col: 0,
                end_col: 0,
            };
        } else {
            unit.qualname = self.qualname_for(&unit);
        }
        self.units.push(unit);
        self.emit_arg(Opcode::Resume, 0);
        if kind == UnitKind::Module {
            self.u().loc.lineno = -1;
        }
        Ok(())
    }

    fn qualname_for(&self, unit: &Unit<'_>) -> Box<str> {
        if self.units.len() <= 1 {
            return unit.name.clone();
        }
        let parent = self.ur();
        let mut force_global = false;
        if matches!(
            unit.kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class
        ) {
            let mangled = mangle(parent.private.as_deref(), &unit.name);
            if self.st.scopes[parent.scope].scope_of(&mangled) == Some(Scope::GlobalExplicit) {
                force_global = true;
            }
        }
        if force_global {
            return unit.name.clone();
        }
        // `parent.<locals>.name` below a function, `parent.name` otherwise;
        // built in one string, as `format!` costs far more for such joins.
        const LOCALS: &str = ".<locals>";
        let mut qualname =
            String::with_capacity(parent.qualname.len() + LOCALS.len() + 1 + unit.name.len());
        qualname.push_str(&parent.qualname);
        if matches!(
            parent.kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda
        ) {
            qualname.push_str(LOCALS);
        }
        qualname.push('.');
        qualname.push_str(&unit.name);
        qualname.into()
    }

    /// Finishes the current unit: implicit `return None`, then assembly.
    pub fn exit_scope(&mut self, add_none: bool) -> CResult<Arc<CodeObject>> {
        let ends_with_return = {
            let u = self.ur();
            u.cfg
                .block(u.cfg.current)
                .instrs
                .last()
                .is_some_and(|i| i.op == Op::Real(Opcode::ReturnValue))
        };
        if !ends_with_return {
            self.unset_loc();
            if add_none {
                self.load_const(Constant::None);
            }
            self.emit(Opcode::ReturnValue);
        }
        let flags = self.code_flags();
        let unit = self.units.pop().expect("exit_scope with an open unit");
        let name_interned = !unit.name.starts_with('<');
        let qualname_interned = unit.qualname == unit.name && name_interned;
        let info = UnitInfo {
            name: Arc::new(PyStr::from_boxed(unit.name, name_interned)),
            qualname: Arc::new(PyStr::from_boxed(unit.qualname, qualname_interned)),
            filename: self.filename.clone(),
            firstlineno: unit.firstlineno,
            argcount: unit.argcount + unit.posonlyargcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            flags,
            varnames: unit.varnames.list,
            cellvars: unit.cellvars.list,
            freevars: unit.freevars.list,
            names: unit.names.list,
            interned_singletons: self.interned_singletons.clone(),
        };
        Ok(Arc::new(assemble(
            unit.cfg,
            unit.consts,
            info,
            &mut self.instr_pool,
        )))
    }

    fn code_flags(&self) -> CodeFlags {
        let ste = self.scope_entry();
        let mut flags = 0;
        if ste.kind == BlockKind::Function {
            flags |= CodeFlags::NEWLOCALS.0 | CodeFlags::OPTIMIZED.0;
            if ste.nested {
                flags |= CodeFlags::NESTED.0;
            }
            match (ste.generator, ste.coroutine) {
                (true, false) => flags |= CodeFlags::GENERATOR.0,
                (false, true) => flags |= CodeFlags::COROUTINE.0,
                (true, true) => flags |= CodeFlags::ASYNC_GENERATOR.0,
                _ => {}
            }
            if ste.varargs {
                flags |= CodeFlags::VARARGS.0;
            }
            if ste.varkeywords {
                flags |= CodeFlags::VARKEYWORDS.0;
            }
        }
        // `compute_code_flags`: a module awaiting at top level is a coroutine.
        if self.is_top_level_await() && ste.coroutine && !ste.generator {
            flags |= CodeFlags::COROUTINE.0;
        }
        CodeFlags(flags | self.future_flags)
    }

    /// `IS_TOP_LEVEL_AWAIT`: compiling the module scope with
    /// `PyCF_ALLOW_TOP_LEVEL_AWAIT`, where `await`, `async for`, `async
    /// with` and asynchronous comprehensions are allowed.
    pub fn is_top_level_await(&self) -> bool {
        self.allow_top_level_await && self.scope_kind() == BlockKind::Module
    }

    /// Marks the current scope a coroutine (`ste_coroutine = 1`), as an
    /// `async for` or `async with` at top level does.
    pub fn mark_coroutine(&mut self) {
        let scope = self.ur().scope;
        self.st.scopes[scope].coroutine = true;
    }

    pub fn is_generator_scope(&self) -> bool {
        let ste = self.scope_entry();
        ste.generator
    }

    pub fn is_coroutine_scope(&self) -> bool {
        self.scope_entry().coroutine
    }

    pub fn scope_kind(&self) -> BlockKind {
        self.scope_entry().kind
    }

    pub fn scope_of(&self, name: &str) -> Option<Scope> {
        self.scope_entry().scope_of(name)
    }

    // ---- names ----

    /// `compiler_nameop`.
    pub fn nameop(&mut self, name: &str, ctx: pith_ast::ExprContext) -> CResult {
        use pith_ast::ExprContext::{Del, Load, Store};
        self.forbidden_name(name, ctx)?;
        let mangled = mangle(self.ur().private.as_deref(), name);
        let entry = self.scope_entry();
        let symbol = entry.find(&mangled);
        let scope = symbol.and_then(|i| entry.scope_at(i));
        let is_function = entry.kind == BlockKind::Function;
        enum OpType {
            Fast,
            Global,
            Deref,
            Name,
        }
        let optype = match scope {
            Some(Scope::Free) | Some(Scope::Cell) => OpType::Deref,
            Some(Scope::Local) if is_function => OpType::Fast,
            Some(Scope::GlobalImplicit) if is_function => OpType::Global,
            Some(Scope::GlobalExplicit) => OpType::Global,
            _ => OpType::Name,
        };
        match optype {
            OpType::Deref => {
                let op = match ctx {
                    Load => {
                        if self.scope_kind() == BlockKind::Class {
                            Opcode::LoadClassderef
                        } else {
                            Opcode::LoadDeref
                        }
                    }
                    Store => Opcode::StoreDeref,
                    Del => Opcode::DeleteDeref,
                };
                let arg = if scope == Some(Scope::Cell) {
                    self.slot(symbol, &mangled, |u| &mut u.cellvars)
                } else {
                    let ncells = self.ur().cellvars.list.len() as u32;
                    self.slot(symbol, &mangled, |u| &mut u.freevars) + ncells
                };
                self.emit_arg(op, arg);
            }
            OpType::Fast => {
                let op = match ctx {
                    Load => Opcode::LoadFast,
                    Store => Opcode::StoreFast,
                    Del => Opcode::DeleteFast,
                };
                let arg = self.slot(symbol, &mangled, |u| &mut u.varnames);
                self.emit_arg(op, arg);
            }
            OpType::Global => {
                let op = match ctx {
                    Load => Opcode::LoadGlobal,
                    Store => Opcode::StoreGlobal,
                    Del => Opcode::DeleteGlobal,
                };
                let mut arg = self.slot(symbol, &mangled, |u| &mut u.names);
                if op == Opcode::LoadGlobal {
                    arg <<= 1;
                }
                self.emit_arg(op, arg);
            }
            OpType::Name => {
                let op = match ctx {
                    Load => Opcode::LoadName,
                    Store => Opcode::StoreName,
                    Del => Opcode::DeleteName,
                };
                let arg = self.slot(symbol, &mangled, |u| &mut u.names);
                self.emit_arg(op, arg);
            }
        }
        Ok(())
    }

    /// The position of `name` in the table `table` picks, added if new;
    /// remembered for `symbol` (its position among the scope's symbols, if
    /// it is one), whose table is always the same.
    fn slot(
        &mut self,
        symbol: Option<usize>,
        name: &str,
        table: for<'u> fn(&'u mut Unit<'a>) -> &'u mut NameTable,
    ) -> u32 {
        let u = self.u();
        let Some(i) = symbol.filter(|&i| i < u.slots.len()) else {
            return table(u).add(name);
        };
        if u.slots[i] == NO_SLOT {
            u.slots[i] = table(u).add(name);
        }
        u.slots[i]
    }

    // ---- frame blocks ----

    pub fn push_fblock(
        &mut self,
        kind: FBlockKind,
        block: BlockId,
        exit: BlockId,
        datum: FBlockDatum<'a>,
        range: TextRange,
    ) -> CResult {
        if self.ur().fblocks.len() >= 20 {
            return Err(self.err(range, "too many statically nested blocks"));
        }
        self.u().fblocks.push(FBlock {
            kind,
            block,
            exit,
            datum,
        });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }
}

/// Whether a body starts with a docstring (`_PyAST_GetDocString`).
pub(crate) fn docstring(body: &[Stmt]) -> Option<&pith_ast::Constant> {
    match body.first() {
        Some(Stmt::Expr(e)) => match &*e.value {
            Expr::Constant(c) if c.value.is_str() => Some(&c.value),
            _ => None,
        },
        _ => None,
    }
}

/// Converts an AST constant to a code-object constant.
pub(crate) fn constant(c: &pith_ast::Constant) -> Constant {
    use pith_ast::Constant as A;
    match c {
        A::None => Constant::None,
        A::Bool(b) => Constant::Bool(*b),
        A::Str(s) => Constant::str(s),
        A::SurrogateStr(cps) => {
            let mut bytes = Vec::with_capacity(cps.len() * 3);
            for &cp in cps.iter() {
                encode_surrogatepass(cp, &mut bytes);
            }
            match PyStr::from_surrogatepass(&bytes, false) {
                Some(s) => Constant::Str(Arc::new(s)),
                None => Constant::str(""),
            }
        }
        A::Bytes(b) => Constant::Bytes(Arc::from(&b[..])),
        A::Int(i) => match i.as_i64() {
            Some(v) => Constant::Int(v),
            None => Constant::int(i.to_big()),
        },
        A::Float(f) => Constant::Float(*f),
        A::Complex { real, imag } => Constant::Complex {
            re: *real,
            im: *imag,
        },
        A::Ellipsis => Constant::Ellipsis,
        A::Tuple(items) => Constant::Tuple(items.iter().map(constant).collect()),
        // A frozenset from an object tree: its items are distinct already.
        A::FrozenSet(items) => {
            let items: Vec<Constant> = items.iter().map(constant).collect();
            match pith_bytecode::constant::set_iteration_order(&items) {
                Some(order) => {
                    Constant::FrozenSet(order.into_iter().map(|i| items[i].clone()).collect())
                }
                None => Constant::FrozenSet(Arc::from(items)),
            }
        }
    }
}

fn encode_surrogatepass(cp: u32, out: &mut Vec<u8>) {
    if let Some(c) = char::from_u32(cp) {
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    } else {
        out.push(0xE0 | ((cp >> 12) & 0x0F) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    }
}

/// Compiles a whole module (or expression, or interactive statement), with
/// the warnings issued on the way.
#[inline(never)] // one entry per phase in profiles
pub(crate) fn compile_mod<'a>(
    module: &'a Mod,
    st: SymbolTable,
    locator: &'a dyn SourceLocator,
    filename: &str,
    mode: Mode,
    prepared: &crate::Prepared,
    options: crate::Options,
) -> CResult<crate::Compiled> {
    let (future_flags, future_lineno) = (prepared.future_flags, prepared.future_lineno);
    let mut singletons: Vec<char> = Vec::new();
    for scope in &st.scopes {
        for (name, _) in &scope.symbols {
            let mut chars = name.chars();
            if let (Some(ch), None) = (chars.next(), chars.next()) {
                if ('\u{80}'..='\u{ff}').contains(&ch) && !singletons.contains(&ch) {
                    singletons.push(ch);
                }
            }
        }
    }
    let mut c = Compiler {
        interned_singletons: singletons,
        st,
        locator,
        // An empty line: the first lookup searches.
        line: Cell::new(SourceLine {
            number: 0,
            start: 0,
            end: 0,
        }),
        filename: Arc::new(PyStr::new(filename, false)),
        units: Vec::new(),
        interactive: false,
        future_annotations: future_flags & CodeFlags::FUTURE_ANNOTATIONS.0 != 0,
        future_flags,
        future_lineno,
        warnings: Vec::new(),
        module,
        identifiers: None,
        instr_pool: Vec::new(),
        optimize: options.optimize,
        allow_top_level_await: options.allow_top_level_await,
    };
    let key = crate::symtable::node_key(module);
    c.enter_scope("<module>", UnitKind::Module, key, 1)?;
    // compiler_mod: only the line is reset after RESUME.
    c.u().loc = Loc {
        lineno: 1,
        end_lineno: 1,
        col: 0,
        end_col: 0,
    };
    let mut add_none = true;
    match (module, mode) {
        (Mod::Module(m), _) => c.body(&m.body)?,
        (Mod::Interactive(m), _) => {
            if stmt::find_ann(&m.body) {
                c.emit(Opcode::SetupAnnotations);
            }
            c.interactive = true;
            for s in &m.body {
                c.stmt(s)?;
            }
        }
        (Mod::Expression(e), _) => {
            c.expr(&e.body)?;
            add_none = false;
        }
        (Mod::FunctionType(_), _) => {
            return Err(c.system_err("cannot compile a FunctionType node"));
        }
    }
    let code = c.exit_scope(add_none)?;
    crate::interned::remember(&code);
    Ok(crate::Compiled {
        code: Arc::try_unwrap(code).unwrap_or_else(|a| (*a).clone()),
        warnings: c.warnings,
    })
}

impl<'a> Compiler<'a> {
    /// `compiler_body`: module and class bodies (docstring to `__doc__`).
    pub fn body(&mut self, body: &'a [Stmt]) -> CResult {
        if self.ur().kind == UnitKind::Module {
            if let Some(first) = body.first() {
                self.set_loc(first.range());
            }
        }
        if stmt::find_ann(body) {
            self.emit(Opcode::SetupAnnotations);
        }
        if body.is_empty() {
            return Ok(());
        }
        let mut start = 0;
        // At `-OO` the docstring is an ordinary (dead) expression statement.
        if let Some(doc) = docstring(body).filter(|_| self.optimize < 2) {
            start = 1;
            if let Stmt::Expr(e) = &body[0] {
                self.set_loc(e.range);
                self.expr(&e.value)?;
            } else {
                self.load_const(constant(doc));
            }
            self.unset_loc();
            self.nameop("__doc__", pith_ast::ExprContext::Store)?;
        }
        for s in &body[start..] {
            self.stmt(s)?;
        }
        Ok(())
    }
}
