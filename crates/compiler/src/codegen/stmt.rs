//! Statements: `compiler_visit_stmt` and the compound statements (functions,
//! classes, loops, `try`, `with`, imports, assignments).

use std::sync::Arc;

use pith_ast::{Expr, ExprContext, Ranged, Stmt, StmtFunctionDef, TextRange};
use pith_bytecode::{Constant, Opcode};

use super::expr::binop_arg;
use super::{constant, docstring, CResult, Compiler, FBlock, FBlockDatum, FBlockKind, UnitKind};
use crate::ir::{BlockId, Op, NO_BLOCK};
use crate::symtable::{mangle, node_key};

/// `find_ann`: whether a body holds an annotated assignment (not looking into
/// nested functions or classes).
pub(crate) fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) | Stmt::AsyncFor(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || find_ann(&i.orelse),
        Stmt::With(w) | Stmt::AsyncWith(w) => find_ann(&w.body),
        Stmt::Try(t) | Stmt::TryStar(t) => {
            t.handlers.iter().any(|h| find_ann(&h.body))
                || find_ann(&t.body)
                || find_ann(&t.finalbody)
                || find_ann(&t.orelse)
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    pub fn stmts(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    /// `compiler_visit_stmt`.
    pub fn stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_loc(s.range());
        match s {
            Stmt::FunctionDef(f) => self.function(f, false)?,
            Stmt::AsyncFunctionDef(f) => self.function(f, true)?,
            Stmt::ClassDef(c) => self.class(c)?,
            Stmt::Return(r) => self.return_(r)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.expr(t)?;
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit_arg(Opcode::Copy, 1);
                    }
                    self.expr(t)?;
                }
            }
            Stmt::AugAssign(a) => self.augassign(a)?,
            Stmt::AnnAssign(a) => self.annassign(a)?,
            Stmt::For(f) => self.for_(f)?,
            Stmt::AsyncFor(f) => self.async_for(f)?,
            Stmt::While(w) => self.while_(w)?,
            Stmt::If(i) => {
                let end = self.new_block();
                let next = if i.orelse.is_empty() {
                    end
                } else {
                    self.new_block()
                };
                self.jump_if(&i.test, next, false)?;
                self.stmts(&i.body)?;
                if !i.orelse.is_empty() {
                    self.jump_noline(Op::Jump, end);
                    self.use_next_block(next);
                    self.stmts(&i.orelse)?;
                }
                self.use_next_block(end);
            }
            Stmt::With(w) => self.with(w, 0, s.range())?,
            Stmt::AsyncWith(w) => self.async_with(w, 0, s.range())?,
            Stmt::Match(m) => self.match_(m)?,
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n += 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n += 1;
                    }
                }
                self.emit_arg(Opcode::RaiseVarargs, n);
            }
            Stmt::Try(t) => {
                if t.finalbody.is_empty() {
                    self.try_except(t)?;
                } else {
                    self.try_finally(t, false)?;
                }
            }
            Stmt::TryStar(t) => {
                if t.finalbody.is_empty() {
                    self.try_star_except(t)?;
                } else {
                    self.try_finally(t, true)?;
                }
            }
            Stmt::Assert(a) => {
                self.warn(crate::warning::check_assert(&a.test));
                if self.optimize > 0 {
                    return Ok(());
                }
                let end = self.new_block();
                self.jump_if(&a.test, end, true)?;
                self.emit(Opcode::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit_arg(Opcode::Precall, 0);
                    self.emit_arg(Opcode::Call, 0);
                }
                self.emit_arg(Opcode::RaiseVarargs, 1);
                self.use_next_block(end);
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    self.load_const(Constant::Int(0));
                    self.load_const(Constant::None);
                    self.emit_name(Opcode::ImportName, &alias.name);
                    if let Some(asname) = &alias.asname {
                        self.import_as(&alias.name, asname)?;
                    } else {
                        let first = alias.name.split('.').next().unwrap_or(&alias.name);
                        self.nameop(first, ExprContext::Store)?;
                    }
                }
            }
            Stmt::ImportFrom(i) => self.import_from(i)?,
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Expr(e) => {
                if self.interactive && self.units.len() <= 1 {
                    self.expr(&e.value)?;
                    self.emit(Opcode::PrintExpr);
                } else if matches!(&*e.value, Expr::Constant(_)) {
                    self.emit(Opcode::Nop);
                } else {
                    self.expr(&e.value)?;
                    self.unset_loc();
                    self.emit(Opcode::PopTop);
                }
            }
            Stmt::Pass(_) => self.emit(Opcode::Nop),
            Stmt::Break(b) => {
                self.emit(Opcode::Nop);
                let Some(loop_) = self.unwind_fblock_stack(false, true, b.range)? else {
                    return Err(self.err(b.range, "'break' outside loop"));
                };
                self.unwind_fblock(loop_, false)?;
                self.jump(Op::Jump, loop_.exit);
            }
            Stmt::Continue(c) => {
                self.emit(Opcode::Nop);
                let Some(loop_) = self.unwind_fblock_stack(false, true, c.range)? else {
                    return Err(self.err(c.range, "'continue' not properly in loop"));
                };
                self.jump(Op::Jump, loop_.block);
            }
        }
        Ok(())
    }

    fn return_(&mut self, r: &'a pith_ast::StmtReturn) -> CResult {
        let preserve_tos = r
            .value
            .as_deref()
            .is_some_and(|v| !matches!(v, Expr::Constant(_)));
        if self.scope_kind() != crate::symtable::BlockKind::Function {
            return Err(self.err(r.range, "'return' outside function"));
        }
        if r.value.is_some() && self.is_coroutine_scope() && self.is_generator_scope() {
            return Err(self.err(r.range, "'return' with value in async generator"));
        }
        if preserve_tos {
            if let Some(v) = &r.value {
                self.expr(v)?;
            }
        } else if let Some(v) = &r.value {
            self.set_loc(v.range());
            self.emit(Opcode::Nop);
        }
        let stmt_line = self.loc_of(r.range).lineno;
        let same_line = r
            .value
            .as_deref()
            .is_some_and(|v| self.loc_of(v.range()).lineno == stmt_line);
        if !same_line {
            self.set_loc(r.range);
            self.emit(Opcode::Nop);
        }
        self.unwind_fblock_stack(preserve_tos, false, r.range)?;
        match r.value.as_deref() {
            None => self.load_const(Constant::None),
            Some(Expr::Constant(c)) => self.load_const(constant(&c.value)),
            Some(_) => {}
        }
        self.emit(Opcode::ReturnValue);
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`; with `want_loop`, stops at (and returns) the
    /// innermost loop.
    pub fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        want_loop: bool,
        range: TextRange,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.ur().fblocks.last().copied() else {
            return Ok(None);
        };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return Err(self.err(
                range,
                "'break', 'continue' and 'return' cannot appear in an except* block",
            ));
        }
        if want_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        self.unwind_fblock(top, preserve_tos)?;
        let r = self.unwind_fblock_stack(preserve_tos, want_loop, range)?;
        self.u().fblocks.push(top);
        Ok(r)
    }

    /// `compiler_unwind_fblock`.
    pub fn unwind_fblock(&mut self, info: FBlock<'a>, preserve_tos: bool) -> CResult {
        match info.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit_arg(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop);
            }
            FBlockKind::TryExcept => self.emit_pseudo(Op::PopBlock),
            FBlockKind::FinallyTry => {
                self.emit_pseudo(Op::PopBlock);
                if preserve_tos {
                    self.push_fblock(
                        FBlockKind::PopValue,
                        NO_BLOCK,
                        NO_BLOCK,
                        FBlockDatum::None,
                        TextRange::default(),
                    )?;
                }
                if let FBlockDatum::Finally(body) = info.datum {
                    self.stmts(body)?;
                }
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit_arg(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop);
                if preserve_tos {
                    self.emit_arg(Opcode::Swap, 2);
                }
                self.emit_pseudo(Op::PopBlock);
                self.emit(Opcode::PopExcept);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                if let FBlockDatum::With(r) = info.datum {
                    self.set_loc(r);
                }
                self.emit_pseudo(Op::PopBlock);
                if preserve_tos {
                    self.emit_arg(Opcode::Swap, 2);
                }
                self.call_exit_with_nones();
                if info.kind == FBlockKind::AsyncWith {
                    self.emit_arg(Opcode::GetAwaitable, 2);
                    self.load_const(Constant::None);
                    self.yield_from(true);
                }
                self.emit(Opcode::PopTop);
                self.unset_loc();
            }
            FBlockKind::HandlerCleanup => {
                let name = match info.datum {
                    FBlockDatum::Name(n) => Some(n),
                    _ => None,
                };
                if name.is_some() {
                    self.emit_pseudo(Op::PopBlock);
                }
                if preserve_tos {
                    self.emit_arg(Opcode::Swap, 2);
                }
                self.emit_pseudo(Op::PopBlock);
                self.emit(Opcode::PopExcept);
                if let Some(n) = name {
                    self.load_const(Constant::None);
                    self.nameop(n, ExprContext::Store)?;
                    self.nameop(n, ExprContext::Del)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit_arg(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop);
            }
        }
        Ok(())
    }

    fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit_arg(Opcode::Precall, 2);
        self.emit_arg(Opcode::Call, 2);
    }

    fn while_(&mut self, w: &'a pith_ast::StmtWhile) -> CResult {
        let loop_ = self.new_block();
        let body = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(loop_);
        self.push_fblock(
            FBlockKind::WhileLoop,
            loop_,
            end,
            FBlockDatum::None,
            w.range,
        )?;
        self.jump_if(&w.test, anchor, false)?;
        self.use_next_block(body);
        self.stmts(&w.body)?;
        self.set_loc(w.range);
        self.jump_if(&w.test, body, true)?;
        self.pop_fblock();
        self.use_next_block(anchor);
        self.stmts(&w.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn for_(&mut self, f: &'a pith_ast::StmtFor) -> CResult {
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlockKind::ForLoop, start, end, FBlockDatum::None, f.range)?;
        self.iter_expr(&f.iter)?;
        self.emit(Opcode::GetIter);
        self.use_next_block(start);
        self.jump(Op::Real(Opcode::ForIter), cleanup);
        self.use_next_block(body);
        self.expr(&f.target)?;
        self.stmts(&f.body)?;
        self.unset_loc();
        self.jump(Op::Jump, start);
        self.use_next_block(cleanup);
        self.pop_fblock();
        self.stmts(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// The iterable of a `for`: a constant set becomes a frozenset (ast_opt.c).
    fn iter_expr(&mut self, e: &'a Expr) -> CResult {
        if let Expr::Set(s) = e {
            if !s.elts.is_empty() && s.elts.iter().all(|x| matches!(x, Expr::Constant(_))) {
                let items = s
                    .elts
                    .iter()
                    .map(|x| match x {
                        Expr::Constant(c) => constant(&c.value),
                        _ => Constant::None,
                    })
                    .collect();
                let saved = self.ur().loc;
                self.set_loc(s.range);
                let folded = self.frozenset(items);
                self.load_const(folded);
                self.u().loc = saved;
                return Ok(());
            }
        }
        self.expr(e)
    }

    fn async_for(&mut self, f: &'a pith_ast::StmtFor) -> CResult {
        if self.is_top_level_await() {
            self.mark_coroutine();
        } else if self.ur().kind != UnitKind::AsyncFunction {
            return Err(self.err(f.range, "'async for' outside async function"));
        }
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.expr(&f.iter)?;
        self.emit(Opcode::GetAiter);
        self.use_next_block(start);
        self.push_fblock(FBlockKind::ForLoop, start, end, FBlockDatum::None, f.range)?;
        self.jump(Op::SetupFinally, except);
        self.emit(Opcode::GetAnext);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.emit_pseudo(Op::PopBlock);
        self.expr(&f.target)?;
        self.stmts(&f.body)?;
        self.unset_loc();
        self.jump(Op::Jump, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.set_loc(f.iter.range());
        self.emit(Opcode::EndAsyncFor);
        self.stmts(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit_arg(Opcode::Copy, 3);
        self.emit(Opcode::PopExcept);
        self.emit_arg(Opcode::Reraise, 1);
    }

    fn with_except_finish(&mut self, cleanup: BlockId) {
        self.unset_loc();
        let exit = self.new_block();
        self.jump(Op::PopJumpIfTrue, exit);
        self.next_block();
        self.emit_arg(Opcode::Reraise, 2);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        self.emit(Opcode::PopTop);
        self.emit_pseudo(Op::PopBlock);
        self.emit(Opcode::PopExcept);
        self.emit(Opcode::PopTop);
        self.emit(Opcode::PopTop);
    }

    fn with(&mut self, w: &'a pith_ast::StmtWith, pos: usize, range: TextRange) -> CResult {
        let item = &w.items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.expr(&item.context_expr)?;
        self.emit(Opcode::BeforeWith);
        self.jump(Op::SetupWith, final_);
        self.use_next_block(block);
        self.push_fblock(
            FBlockKind::With,
            block,
            final_,
            FBlockDatum::With(range),
            range,
        )?;
        match &item.optional_vars {
            Some(v) => self.expr(v)?,
            None => self.emit(Opcode::PopTop),
        }
        if pos + 1 == w.items.len() {
            self.stmts(&w.body)?;
        } else {
            self.with(w, pos + 1, range)?;
        }
        self.unset_loc();
        self.emit_pseudo(Op::PopBlock);
        self.pop_fblock();
        self.set_loc(range);
        self.call_exit_with_nones();
        self.emit(Opcode::PopTop);
        self.jump(Op::Jump, exit);
        self.use_next_block(final_);
        self.jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo);
        self.emit(Opcode::WithExceptStart);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    fn async_with(&mut self, w: &'a pith_ast::StmtWith, pos: usize, range: TextRange) -> CResult {
        if self.is_top_level_await() {
            self.mark_coroutine();
        } else if self.ur().kind != UnitKind::AsyncFunction {
            return Err(self.err(range, "'async with' outside async function"));
        }
        let item = &w.items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.expr(&item.context_expr)?;
        self.emit(Opcode::BeforeAsyncWith);
        self.emit_arg(Opcode::GetAwaitable, 1);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.jump(Op::SetupWith, final_);
        self.use_next_block(block);
        self.push_fblock(
            FBlockKind::AsyncWith,
            block,
            final_,
            FBlockDatum::With(range),
            range,
        )?;
        match &item.optional_vars {
            Some(v) => self.expr(v)?,
            None => self.emit(Opcode::PopTop),
        }
        if pos + 1 == w.items.len() {
            self.stmts(&w.body)?;
        } else {
            self.async_with(w, pos + 1, range)?;
        }
        self.pop_fblock();
        self.emit_pseudo(Op::PopBlock);
        self.set_loc(range);
        self.call_exit_with_nones();
        self.emit_arg(Opcode::GetAwaitable, 2);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.emit(Opcode::PopTop);
        self.jump(Op::Jump, exit);
        self.use_next_block(final_);
        self.jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo);
        self.emit(Opcode::WithExceptStart);
        self.emit_arg(Opcode::GetAwaitable, 2);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    fn try_finally(&mut self, t: &'a pith_ast::StmtTry, star: bool) -> CResult {
        let body = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.jump(Op::SetupFinally, end);
        self.use_next_block(body);
        self.push_fblock(
            FBlockKind::FinallyTry,
            body,
            end,
            FBlockDatum::Finally(&t.finalbody),
            t.range,
        )?;
        if !t.handlers.is_empty() {
            if star {
                self.try_star_except(t)?;
            } else {
                self.try_except(t)?;
            }
        } else {
            self.stmts(&t.body)?;
        }
        self.emit_noline(Op::PopBlock, 0);
        self.pop_fblock();
        self.stmts(&t.finalbody)?;
        self.jump_noline(Op::Jump, exit);
        self.use_next_block(end);
        self.unset_loc();
        self.jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo);
        self.push_fblock(
            FBlockKind::FinallyEnd,
            end,
            NO_BLOCK,
            FBlockDatum::None,
            t.range,
        )?;
        self.stmts(&t.finalbody)?;
        self.pop_fblock();
        self.emit_arg(Opcode::Reraise, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        Ok(())
    }

    fn try_except(&mut self, t: &'a pith_ast::StmtTry) -> CResult {
        let body = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.jump(Op::SetupFinally, except);
        self.use_next_block(body);
        self.push_fblock(
            FBlockKind::TryExcept,
            body,
            NO_BLOCK,
            FBlockDatum::None,
            t.range,
        )?;
        self.stmts(&t.body)?;
        self.pop_fblock();
        self.emit_noline(Op::PopBlock, 0);
        self.stmts(&t.orelse)?;
        self.jump_noline(Op::Jump, end);
        let n = t.handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo);
        self.push_fblock(
            FBlockKind::ExceptionHandler,
            NO_BLOCK,
            NO_BLOCK,
            FBlockDatum::None,
            t.range,
        )?;
        for (i, h) in t.handlers.iter().enumerate() {
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.err(h.range, "default 'except:' must be last"));
            }
            except = self.new_block();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Opcode::CheckExcMatch);
                self.jump(Op::PopJumpIfFalse, except);
                self.next_block();
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, ExprContext::Store)?;
                self.jump(Op::SetupCleanup, cleanup_end);
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup,
                    cleanup_body,
                    NO_BLOCK,
                    FBlockDatum::Name(name.as_str()),
                    h.range,
                )?;
                self.stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.emit_pseudo(Op::PopBlock);
                self.emit_pseudo(Op::PopBlock);
                self.emit(Opcode::PopExcept);
                self.load_const(Constant::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
                self.jump(Op::Jump, end);
                self.use_next_block(cleanup_end);
                self.unset_loc();
                self.load_const(Constant::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
                self.emit_arg(Opcode::Reraise, 1);
            } else {
                let cleanup_body = self.new_block();
                self.emit(Opcode::PopTop);
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup,
                    cleanup_body,
                    NO_BLOCK,
                    FBlockDatum::None,
                    h.range,
                )?;
                self.stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.emit_pseudo(Op::PopBlock);
                self.emit(Opcode::PopExcept);
                self.jump(Op::Jump, end);
            }
            self.use_next_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.emit_arg(Opcode::Reraise, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_try_star_except`.
    fn try_star_except(&mut self, t: &'a pith_ast::StmtTry) -> CResult {
        let body = self.new_block();
        let except = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.jump(Op::SetupFinally, except);
        self.use_next_block(body);
        self.push_fblock(
            FBlockKind::TryExcept,
            body,
            NO_BLOCK,
            FBlockDatum::None,
            t.range,
        )?;
        self.stmts(&t.body)?;
        self.pop_fblock();
        self.emit_noline(Op::PopBlock, 0);
        self.jump_noline(Op::Jump, orelse);
        let n = t.handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo);
        self.push_fblock(
            FBlockKind::ExceptionGroupHandler,
            NO_BLOCK,
            NO_BLOCK,
            FBlockDatum::None,
            t.range,
        )?;
        for (i, h) in t.handlers.iter().enumerate() {
            self.set_loc(h.range);
            let except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                self.emit_arg(Opcode::Copy, 1);
                self.emit_arg(Opcode::BuildList, 0);
                self.emit_arg(Opcode::Swap, 2);
            }
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Opcode::CheckEgMatch);
                self.emit_arg(Opcode::Copy, 1);
                self.jump(Op::PopJumpIfNone, no_match);
                self.next_block();
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &h.name {
                Some(name) => self.nameop(name, ExprContext::Store)?,
                None => self.emit(Opcode::PopTop),
            }
            self.jump(Op::SetupCleanup, cleanup_end);
            self.use_next_block(cleanup_body);
            let datum = match &h.name {
                Some(n) => FBlockDatum::Name(n.as_str()),
                None => FBlockDatum::None,
            };
            self.push_fblock(
                FBlockKind::HandlerCleanup,
                cleanup_body,
                NO_BLOCK,
                datum,
                h.range,
            )?;
            self.stmts(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.emit_pseudo(Op::PopBlock);
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            self.jump(Op::Jump, except);
            self.use_next_block(cleanup_end);
            self.unset_loc();
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            self.emit_arg(Opcode::ListAppend, 3);
            self.emit(Opcode::PopTop);
            self.jump(Op::Jump, except_with_error);
            self.use_next_block(except);
            self.emit(Opcode::Nop);
            self.jump(Op::Jump, except_with_error);
            self.use_next_block(no_match);
            self.emit(Opcode::PopTop);
            self.use_next_block(except_with_error);
            if i + 1 == n {
                self.emit_arg(Opcode::ListAppend, 1);
                self.jump(Op::Jump, reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_next_block(reraise_star);
        self.emit(Opcode::PrepReraiseStar);
        self.emit_arg(Opcode::Copy, 1);
        self.jump(Op::PopJumpIfNotNone, reraise);
        self.next_block();
        self.emit(Opcode::PopTop);
        self.emit_pseudo(Op::PopBlock);
        self.emit(Opcode::PopExcept);
        self.jump(Op::Jump, end);
        self.use_next_block(reraise);
        self.emit_pseudo(Op::PopBlock);
        self.emit_arg(Opcode::Swap, 2);
        self.emit(Opcode::PopExcept);
        self.emit_arg(Opcode::Reraise, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(orelse);
        self.stmts(&t.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn import_as(&mut self, name: &str, asname: &str) -> CResult {
        let parts: Vec<&str> = name.split('.').collect();
        if parts.len() > 1 {
            for (i, attr) in parts[1..].iter().enumerate() {
                self.emit_name_raw(Opcode::ImportFrom, attr);
                if i + 2 < parts.len() {
                    self.emit_arg(Opcode::Swap, 2);
                    self.emit(Opcode::PopTop);
                }
            }
            self.nameop(asname, ExprContext::Store)?;
            self.emit(Opcode::PopTop);
            return Ok(());
        }
        self.nameop(asname, ExprContext::Store)
    }

    fn import_from(&mut self, i: &'a pith_ast::StmtImportFrom) -> CResult {
        self.load_const(Constant::Int(i64::from(i.level)));
        let names: Vec<Constant> = i.names.iter().map(|a| Constant::str(&a.name)).collect();
        let is_future = i
            .module
            .as_ref()
            .is_some_and(|m| m.as_str() == "__future__");
        if is_future && self.loc_of(i.range).lineno as u32 > self.future_lineno {
            return Err(self.err(
                i.range,
                "from __future__ imports must occur at the beginning of the file",
            ));
        }
        self.load_const(Constant::Tuple(Arc::from(names)));
        match &i.module {
            Some(m) => self.emit_name(Opcode::ImportName, m),
            None => self.emit_name(Opcode::ImportName, ""),
        }
        for (k, alias) in i.names.iter().enumerate() {
            if k == 0 && alias.name.starts_with('*') {
                self.emit(Opcode::ImportStar);
                return Ok(());
            }
            self.emit_name(Opcode::ImportFrom, &alias.name);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop(store, ExprContext::Store)?;
        }
        self.emit(Opcode::PopTop);
        Ok(())
    }

    fn augassign(&mut self, a: &'a pith_ast::StmtAugAssign) -> CResult {
        let saved = self.ur().loc;
        self.set_loc(a.target.range());
        match &*a.target {
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit_arg(Opcode::Copy, 1);
                self.update_start_location_to_match_attr(at);
                self.emit_name(Opcode::LoadAttr, &at.attr);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit_arg(Opcode::Copy, 2);
                self.emit_arg(Opcode::Copy, 2);
                self.emit(Opcode::BinarySubscr);
            }
            Expr::Name(n) => self.nameop(&n.id, ExprContext::Load)?,
            _ => return Err(self.system_err("invalid node type for augmented assignment")),
        }
        self.u().loc = saved;
        self.expr(&a.value)?;
        self.emit_arg(Opcode::BinaryOp, binop_arg(a.op, true));
        self.set_loc(a.target.range());
        match &*a.target {
            Expr::Attribute(at) => {
                self.update_start_location_to_match_attr(at);
                self.emit_arg(Opcode::Swap, 2);
                self.emit_name(Opcode::StoreAttr, &at.attr);
            }
            Expr::Subscript(_) => {
                self.emit_arg(Opcode::Swap, 3);
                self.emit_arg(Opcode::Swap, 2);
                self.emit(Opcode::StoreSubscr);
            }
            Expr::Name(n) => self.nameop(&n.id, ExprContext::Store)?,
            _ => {}
        }
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &'a Expr) -> CResult {
        self.expr(e)?;
        self.emit(Opcode::PopTop);
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.check_ann_subscr(x)?;
                }
                Ok(())
            }
            other => self.check_ann_expr(other),
        }
    }

    fn annassign(&mut self, a: &'a pith_ast::StmtAnnAssign) -> CResult {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.expr(&a.target)?;
        }
        let module_or_class = matches!(self.ur().kind, UnitKind::Module | UnitKind::Class);
        match &*a.target {
            Expr::Name(n) => {
                // `__debug__: int` binds nothing but is refused all the same.
                self.forbidden_name(&n.id, ExprContext::Store)?;
                if a.simple && module_or_class {
                    if self.future_annotations {
                        let text = pith_ast::unparse_expr(&a.annotation).unwrap_or_default();
                        self.load_const(Constant::str(&text));
                    } else {
                        self.expr(&a.annotation)?;
                    }
                    self.emit_name_raw(Opcode::LoadName, "__annotations__");
                    let mangled = mangle(self.ur().private.as_deref(), &n.id);
                    self.load_const(Constant::str(&mangled));
                    self.emit(Opcode::StoreSubscr);
                }
            }
            Expr::Attribute(at) => {
                if a.value.is_none() {
                    self.check_ann_expr(&at.value)?;
                }
            }
            Expr::Subscript(s) => {
                if a.value.is_none() {
                    self.check_ann_expr(&s.value)?;
                    self.check_ann_subscr(&s.slice)?;
                }
            }
            _ => return Err(self.system_err("invalid node type for annotated assignment")),
        }
        if !a.simple && !self.future_annotations && module_or_class {
            self.check_ann_expr(&a.annotation)?;
        }
        Ok(())
    }

    /// `compiler_apply_decorators`: innermost first, each at its own line.
    fn apply_decorators(&mut self, decos: &'a [Expr]) {
        let saved = self.ur().loc;
        for d in decos.iter().rev() {
            self.set_loc(d.range());
            self.emit_arg(Opcode::Precall, 0);
            self.emit_arg(Opcode::Call, 0);
        }
        self.u().loc = saved;
    }

    fn decorators(&mut self, decos: &'a [Expr]) -> CResult {
        for d in decos {
            self.expr(d)?;
        }
        Ok(())
    }

    fn annotation_value(&mut self, ann: &'a Expr) -> CResult {
        if self.future_annotations {
            let text = pith_ast::unparse_expr(ann).unwrap_or_default();
            self.load_const(Constant::str(&text));
            return Ok(());
        }
        if let Expr::Starred(s) = ann {
            self.expr(&s.value)?;
            self.emit_arg(Opcode::UnpackSequence, 1);
        } else {
            self.expr(ann)?;
        }
        Ok(())
    }

    /// `compiler_visit_annotations`: -1 when none were pushed.
    fn annotations(&mut self, f: &'a StmtFunctionDef) -> CResult<bool> {
        let args = &f.args;
        let mut len = 0;
        let mut one = |c: &mut Self, name: &str, ann: Option<&'a Expr>| -> CResult {
            if let Some(ann) = ann {
                let mangled = mangle(c.ur().private.as_deref(), name);
                c.load_const(Constant::str(&mangled));
                c.annotation_value(ann)?;
                len += 2;
            }
            Ok(())
        };
        for a in &args.args {
            one(self, &a.arg, a.annotation.as_deref())?;
        }
        for a in &args.posonlyargs {
            one(self, &a.arg, a.annotation.as_deref())?;
        }
        if let Some(v) = &args.vararg {
            one(self, &v.arg, v.annotation.as_deref())?;
        }
        for a in &args.kwonlyargs {
            one(self, &a.arg, a.annotation.as_deref())?;
        }
        if let Some(k) = &args.kwarg {
            one(self, &k.arg, k.annotation.as_deref())?;
        }
        one(self, "return", f.returns.as_deref())?;
        if len > 0 {
            self.emit_arg(Opcode::BuildTuple, len);
            return Ok(true);
        }
        Ok(false)
    }

    fn function(&mut self, f: &'a StmtFunctionDef, is_async: bool) -> CResult {
        self.check_debug_args(&f.args)?;
        self.decorators(&f.decorator_list)?;
        let mut firstlineno = self.loc_of(f.range).lineno;
        if let Some(d) = f.decorator_list.first() {
            firstlineno = self.loc_of(d.range()).lineno;
        }
        let mut flags = self.default_arguments(&f.args)?;
        if self.annotations(f)? {
            flags |= 4;
        }
        let kind = if is_async {
            UnitKind::AsyncFunction
        } else {
            UnitKind::Function
        };
        self.enter_scope(&f.name, kind, node_key(f), firstlineno)?;
        let doc = docstring(&f.body).filter(|_| self.optimize < 2);
        match doc {
            Some(d) => self.add_const(constant(d)),
            None => self.add_const(Constant::None),
        };
        {
            let u = self.u();
            u.argcount = f.args.args.len() as u32;
            u.posonlyargcount = f.args.posonlyargs.len() as u32;
            u.kwonlyargcount = f.args.kwonlyargs.len() as u32;
        }
        let start = usize::from(doc.is_some());
        for s in &f.body[start..] {
            self.stmt(s)?;
        }
        let code = self.exit_scope(true)?;
        self.make_closure(code, flags)?;
        self.apply_decorators(&f.decorator_list);
        self.nameop(&f.name, ExprContext::Store)
    }

    fn class(&mut self, c: &'a pith_ast::StmtClassDef) -> CResult {
        self.decorators(&c.decorator_list)?;
        let mut firstlineno = self.loc_of(c.range).lineno;
        if let Some(d) = c.decorator_list.first() {
            firstlineno = self.loc_of(d.range()).lineno;
        }
        self.enter_scope(&c.name, UnitKind::Class, node_key(c), firstlineno)?;
        self.u().private = Some(c.name.id.clone());
        self.nameop("__name__", ExprContext::Load)?;
        self.nameop("__module__", ExprContext::Store)?;
        let qualname = self.ur().qualname.clone();
        self.load_const(Constant::str(&qualname));
        self.nameop("__qualname__", ExprContext::Store)?;
        self.body(&c.body)?;
        self.unset_loc();
        let needs_class_closure = self.st.scopes[self.ur().scope].needs_class_closure;
        if needs_class_closure {
            let i = self.ur().cellvars.get("__class__").unwrap_or(0);
            self.emit_arg(Opcode::LoadClosure, i);
            self.emit_arg(Opcode::Copy, 1);
            self.nameop("__classcell__", ExprContext::Store)?;
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::ReturnValue);
        let code = self.exit_scope(true)?;
        self.emit(Opcode::PushNull);
        self.emit(Opcode::LoadBuildClass);
        self.make_closure(code, 0)?;
        self.load_const(Constant::str(&c.name));
        self.call_helper(2, &c.bases, &c.keywords)?;
        self.apply_decorators(&c.decorator_list);
        self.nameop(&c.name, ExprContext::Store)
    }
}
