//! Expressions: `compiler_visit_expr1` and its helpers (calls, comparisons,
//! boolean operators, containers, comprehensions, lambdas, f-strings, yields).

use std::sync::Arc;

use pith_ast::{
    BoolOp, CmpOp, Comprehension, Conversion, Expr, ExprContext, Keyword, Operator, Ranged, UnaryOp,
};
use pith_bytecode::{Constant, Opcode};

use super::{constant, CResult, Compiler, UnitKind, STACK_USE_GUIDELINE};
use crate::ir::{BlockId, Op};
use crate::symtable::{flag, node_key};
use crate::warning;

pub(crate) fn binop_arg(op: Operator, inplace: bool) -> u32 {
    let base = match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    };
    if inplace {
        base + 13
    } else {
        base
    }
}

fn is_const(e: &Expr) -> bool {
    matches!(e, Expr::Constant(_))
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum CompKind {
    Gen,
    List,
    Set,
    Dict,
}

impl<'a> Compiler<'a> {
    /// `compiler_visit_expr`: the expression's own location while it compiles.
    pub fn expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.ur().loc;
        self.set_loc(e.range());
        let r = self.expr1(e);
        self.u().loc = saved;
        r
    }

    fn expr1(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::NamedExpr(n) => {
                self.expr(&n.value)?;
                self.emit_arg(Opcode::Copy, 1);
                self.expr(&n.target)?;
            }
            Expr::BoolOp(b) => {
                let jumpi = if b.op == BoolOp::And {
                    Opcode::JumpIfFalseOrPop
                } else {
                    Opcode::JumpIfTrueOrPop
                };
                let end = self.new_block();
                let n = b.values.len() - 1;
                for v in &b.values[..n] {
                    self.expr(v)?;
                    self.jump(Op::Real(jumpi), end);
                    let next = self.new_block();
                    self.use_next_block(next);
                }
                self.expr(&b.values[n])?;
                self.use_next_block(end);
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit_arg(Opcode::BinaryOp, binop_arg(b.op, false));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                self.emit(match u.op {
                    UnaryOp::Invert => Opcode::UnaryInvert,
                    UnaryOp::Not => Opcode::UnaryNot,
                    UnaryOp::UAdd => Opcode::UnaryPositive,
                    UnaryOp::USub => Opcode::UnaryNegative,
                });
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::IfExp(i) => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(&i.test, next, false)?;
                self.expr(&i.body)?;
                self.jump_noline(Op::Jump, end);
                self.use_next_block(next);
                self.expr(&i.orelse)?;
                self.use_next_block(end);
            }
            Expr::Dict(d) => self.dict(d)?,
            Expr::Set(s) => self.starunpack(
                &s.elts,
                0,
                Opcode::BuildSet,
                Opcode::SetAdd,
                Opcode::SetUpdate,
                false,
            )?,
            Expr::ListComp(c) => {
                self.comprehension(e, CompKind::List, "<listcomp>", &c.generators, &c.elt, None)?
            }
            Expr::SetComp(c) => {
                self.comprehension(e, CompKind::Set, "<setcomp>", &c.generators, &c.elt, None)?
            }
            Expr::DictComp(c) => self.comprehension(
                e,
                CompKind::Dict,
                "<dictcomp>",
                &c.generators,
                &c.key,
                Some(&c.value),
            )?,
            Expr::GeneratorExp(c) => {
                self.comprehension(e, CompKind::Gen, "<genexpr>", &c.generators, &c.elt, None)?
            }
            Expr::Yield(y) => {
                if self.scope_kind() != crate::symtable::BlockKind::Function {
                    return Err(self.err(y.range, "'yield' outside function"));
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit_yield();
            }
            Expr::YieldFrom(y) => {
                if self.scope_kind() != crate::symtable::BlockKind::Function {
                    return Err(self.err(y.range, "'yield' outside function"));
                }
                if self.ur().kind == UnitKind::AsyncFunction {
                    return Err(self.err(y.range, "'yield from' inside async function"));
                }
                self.expr(&y.value)?;
                self.emit(Opcode::GetYieldFromIter);
                self.load_const(Constant::None);
                self.yield_from(false);
            }
            Expr::Await(a) => {
                if !self.is_top_level_await() {
                    if self.scope_kind() != crate::symtable::BlockKind::Function {
                        return Err(self.err(a.range, "'await' outside function"));
                    }
                    if !matches!(
                        self.ur().kind,
                        UnitKind::AsyncFunction | UnitKind::Comprehension
                    ) {
                        return Err(self.err(a.range, "'await' outside async function"));
                    }
                }
                self.expr(&a.value)?;
                self.emit_arg(Opcode::GetAwaitable, 0);
                self.load_const(Constant::None);
                self.yield_from(true);
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FormattedValue(f) => {
                self.expr(&f.value)?;
                let mut oparg = match f.conversion {
                    Conversion::None => 0,
                    Conversion::Str => 1,
                    Conversion::Repr => 2,
                    Conversion::Ascii => 3,
                };
                if let Some(spec) = &f.format_spec {
                    self.expr(spec)?;
                    oparg |= 4;
                }
                self.emit_arg(Opcode::FormatValue, oparg);
            }
            Expr::JoinedStr(j) => {
                if j.values.len() > STACK_USE_GUIDELINE {
                    self.load_const(Constant::str(""));
                    self.emit_name_raw(Opcode::LoadMethod, "join");
                    self.emit_arg(Opcode::BuildList, 0);
                    for v in &j.values {
                        self.expr(v)?;
                        self.emit_arg(Opcode::ListAppend, 1);
                    }
                    self.emit_arg(Opcode::Precall, 1);
                    self.emit_arg(Opcode::Call, 1);
                } else {
                    for v in &j.values {
                        self.expr(v)?;
                    }
                    if j.values.len() != 1 {
                        self.emit_arg(Opcode::BuildString, j.values.len() as u32);
                    }
                }
            }
            Expr::Constant(c) => self.load_const(constant(&c.value)),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.update_start_location_to_match_attr(a);
                match a.ctx {
                    ExprContext::Load => self.emit_name(Opcode::LoadAttr, &a.attr),
                    ExprContext::Store => {
                        self.forbidden_name(&a.attr, ExprContext::Store)?;
                        self.emit_name(Opcode::StoreAttr, &a.attr)
                    }
                    ExprContext::Del => self.emit_name(Opcode::DeleteAttr, &a.attr),
                }
            }
            Expr::Subscript(s) => {
                if s.ctx == ExprContext::Load {
                    self.warn(warning::check_subscripter(&s.value));
                    self.warn(warning::check_index(&s.value, &s.slice));
                }
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(match s.ctx {
                    ExprContext::Load => Opcode::BinarySubscr,
                    ExprContext::Store => Opcode::StoreSubscr,
                    ExprContext::Del => Opcode::DeleteSubscr,
                });
            }
            Expr::Starred(s) => {
                return Err(match s.ctx {
                    ExprContext::Store => self.err(
                        s.range,
                        "starred assignment target must be in a list or tuple",
                    ),
                    _ => self.err(s.range, "can't use starred expression here"),
                });
            }
            Expr::Slice(s) => {
                let mut n = 2;
                match &s.lower {
                    Some(l) => self.expr(l)?,
                    None => self.load_const(Constant::None),
                }
                match &s.upper {
                    Some(u) => self.expr(u)?,
                    None => self.load_const(Constant::None),
                }
                if let Some(st) = &s.step {
                    n += 1;
                    self.expr(st)?;
                }
                self.emit_arg(Opcode::BuildSlice, n);
            }
            Expr::Name(n) => self.nameop(&n.id, n.ctx)?,
            Expr::List(l) => match l.ctx {
                ExprContext::Store => self.assignment_helper(&l.elts)?,
                ExprContext::Load => self.starunpack(
                    &l.elts,
                    0,
                    Opcode::BuildList,
                    Opcode::ListAppend,
                    Opcode::ListExtend,
                    false,
                )?,
                ExprContext::Del => {
                    for x in &l.elts {
                        self.expr(x)?;
                    }
                }
            },
            Expr::Tuple(t) => match t.ctx {
                ExprContext::Store => self.assignment_helper(&t.elts)?,
                ExprContext::Load => self.starunpack(
                    &t.elts,
                    0,
                    Opcode::BuildList,
                    Opcode::ListAppend,
                    Opcode::ListExtend,
                    true,
                )?,
                ExprContext::Del => {
                    for x in &t.elts {
                        self.expr(x)?;
                    }
                }
            },
        }
        Ok(())
    }

    pub fn update_start_location_to_match_attr(&mut self, a: &pith_ast::ExprAttribute) {
        let attr_loc = self.loc_of(a.range);
        let u = self.u();
        if u.loc.lineno != attr_loc.end_lineno {
            let len = a.attr.chars().count() as i32;
            u.loc.lineno = attr_loc.end_lineno;
            if len <= attr_loc.end_col {
                u.loc.col = attr_loc.end_col - len;
            } else {
                u.loc.col = -1;
                u.loc.end_col = -1;
            }
            u.loc.end_lineno = u.loc.end_lineno.max(u.loc.lineno);
            if u.loc.lineno == u.loc.end_lineno {
                u.loc.end_col = u.loc.end_col.max(u.loc.col);
            }
        }
    }

    pub fn emit_yield(&mut self) {
        if self.is_generator_scope() && self.is_coroutine_scope() {
            self.emit(Opcode::AsyncGenWrap);
        }
        self.emit(Opcode::YieldValue);
        self.emit_arg(Opcode::Resume, 1);
    }

    /// `compiler_add_yield_from`.
    pub fn yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_next_block(start);
        self.jump(Op::Real(Opcode::Send), exit);
        self.use_next_block(resume);
        self.emit(Opcode::YieldValue);
        self.emit_arg(Opcode::Resume, if is_await { 3 } else { 2 });
        self.jump(Op::JumpNoInterrupt, start);
        self.use_next_block(exit);
    }

    fn unpack_helper(&mut self, elts: &'a [Expr]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, elt) in elts.iter().enumerate() {
            if let Expr::Starred(s) = elt {
                let _ = s;
                if seen_star {
                    return Err(self.err_here("multiple starred expressions in assignment"));
                }
                if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                    return Err(self.err_here("too many expressions in star-unpacking assignment"));
                }
                self.emit_arg(Opcode::UnpackEx, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit_arg(Opcode::UnpackSequence, n as u32);
        }
        Ok(())
    }

    fn assignment_helper(&mut self, elts: &'a [Expr]) -> CResult {
        self.unpack_helper(elts)?;
        for elt in elts {
            match elt {
                Expr::Starred(s) => self.expr(&s.value)?,
                other => self.expr(other)?,
            }
        }
        Ok(())
    }

    /// `starunpack_helper`.
    pub fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult {
        let n = elts.len();
        if n > 2 && elts.iter().all(is_const) {
            let items: Vec<Constant> = elts
                .iter()
                .map(|e| match e {
                    Expr::Constant(c) => constant(&c.value),
                    _ => Constant::None,
                })
                .collect();
            if tuple && pushed == 0 {
                self.load_const(Constant::Tuple(Arc::from(items)));
            } else {
                let folded = if add == Opcode::SetAdd {
                    self.frozenset(items)
                } else {
                    Constant::Tuple(Arc::from(items))
                };
                self.emit_arg(build, pushed);
                self.load_const(folded);
                self.emit_arg(extend, 1);
                if tuple {
                    self.emit(Opcode::ListToTuple);
                }
            }
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !seen_star && !big {
            for e in elts {
                self.expr(e)?;
            }
            let op = if tuple { Opcode::BuildTuple } else { build };
            self.emit_arg(op, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit_arg(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit_arg(build, i as u32 + pushed);
                    built = true;
                }
                self.expr(&s.value)?;
                self.emit_arg(extend, 1);
            } else {
                self.expr(e)?;
                if built {
                    self.emit_arg(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::ListToTuple);
        }
        Ok(())
    }

    fn subdict(&mut self, d: &'a pith_ast::ExprDict, begin: usize, end: usize) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let keys_const = d.keys[begin..end]
            .iter()
            .all(|k| matches!(k, Some(Expr::Constant(_))));
        if n > 1 && !big && keys_const {
            for v in &d.values[begin..end] {
                self.expr(v)?;
            }
            let keys: Vec<Constant> = d.keys[begin..end]
                .iter()
                .map(|k| match k {
                    Some(Expr::Constant(c)) => constant(&c.value),
                    _ => Constant::None,
                })
                .collect();
            self.load_const(Constant::Tuple(Arc::from(keys)));
            self.emit_arg(Opcode::BuildConstKeyMap, n as u32);
            return Ok(());
        }
        if big {
            self.emit_arg(Opcode::BuildMap, 0);
        }
        for i in begin..end {
            if let Some(k) = &d.keys[i] {
                self.expr(k)?;
            }
            self.expr(&d.values[i])?;
            if big {
                self.emit_arg(Opcode::MapAdd, 1);
            }
        }
        if !big {
            self.emit_arg(Opcode::BuildMap, n as u32);
        }
        Ok(())
    }

    fn dict(&mut self, d: &'a pith_ast::ExprDict) -> CResult {
        let n = d.values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if d.keys[i].is_none() {
                if elements > 0 {
                    self.subdict(d, i - elements, i)?;
                    if have_dict {
                        self.emit_arg(Opcode::DictUpdate, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit_arg(Opcode::BuildMap, 0);
                    have_dict = true;
                }
                self.expr(&d.values[i])?;
                self.emit_arg(Opcode::DictUpdate, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(d, i - elements, i + 1)?;
                if have_dict {
                    self.emit_arg(Opcode::DictUpdate, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(d, n - elements, n)?;
            if have_dict {
                self.emit_arg(Opcode::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit_arg(Opcode::BuildMap, 0);
        }
        Ok(())
    }

    pub fn emit_compare(&mut self, op: CmpOp) {
        match op {
            CmpOp::Lt => self.emit_arg(Opcode::CompareOp, 0),
            CmpOp::LtE => self.emit_arg(Opcode::CompareOp, 1),
            CmpOp::Eq => self.emit_arg(Opcode::CompareOp, 2),
            CmpOp::NotEq => self.emit_arg(Opcode::CompareOp, 3),
            CmpOp::Gt => self.emit_arg(Opcode::CompareOp, 4),
            CmpOp::GtE => self.emit_arg(Opcode::CompareOp, 5),
            CmpOp::Is => self.emit_arg(Opcode::IsOp, 0),
            CmpOp::IsNot => self.emit_arg(Opcode::IsOp, 1),
            CmpOp::In => self.emit_arg(Opcode::ContainsOp, 0),
            CmpOp::NotIn => self.emit_arg(Opcode::ContainsOp, 1),
        }
    }

    /// Compiles a comparison operand; a constant set on the right of `in` becomes a
    /// frozenset constant (ast_opt.c `fold_iter`).
    fn compare_operand(&mut self, op: CmpOp, e: &'a Expr) -> CResult {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            if let Expr::Set(s) = e {
                if !s.elts.is_empty() && s.elts.iter().all(is_const) {
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
        }
        self.expr(e)
    }

    fn compare(&mut self, c: &'a pith_ast::ExprCompare) -> CResult {
        self.warn(warning::check_compare(c));
        self.expr(&c.left)?;
        let n = c.ops.len() - 1;
        if n == 0 {
            self.compare_operand(c.ops[0], &c.comparators[0])?;
            self.emit_compare(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n {
            self.compare_operand(c.ops[i], &c.comparators[i])?;
            self.emit_arg(Opcode::Swap, 2);
            self.emit_arg(Opcode::Copy, 2);
            self.emit_compare(c.ops[i]);
            self.jump(Op::Real(Opcode::JumpIfFalseOrPop), cleanup);
            self.next_block();
        }
        self.compare_operand(c.ops[n], &c.comparators[n])?;
        self.emit_compare(c.ops[n]);
        let end = self.new_block();
        self.jump_noline(Op::Jump, end);
        self.use_next_block(cleanup);
        self.emit_arg(Opcode::Swap, 2);
        self.emit(Opcode::PopTop);
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_jump_if`.
    pub fn jump_if(&mut self, e: &'a Expr, next: BlockId, cond: bool) -> CResult {
        if let Expr::Compare(c) = e {
            // compile.c sets the comparison's location here and leaves it set.
            self.set_loc(c.range);
        }
        match e {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => {
                return self.jump_if(&u.operand, next, !cond);
            }
            Expr::BoolOp(b) => {
                let cond2 = b.op == BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_block()
                } else {
                    next
                };
                let n = b.values.len() - 1;
                for v in &b.values[..n] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&b.values[n], next, cond)?;
                if next2 != next {
                    self.use_next_block(next2);
                }
                return Ok(());
            }
            Expr::IfExp(i) => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, next, cond)?;
                self.jump_noline(Op::Jump, end);
                self.use_next_block(next2);
                self.jump_if(&i.orelse, next, cond)?;
                self.use_next_block(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                self.warn(warning::check_compare(c));
                let n = c.ops.len() - 1;
                let cleanup = self.new_block();
                self.expr(&c.left)?;
                for i in 0..n {
                    self.compare_operand(c.ops[i], &c.comparators[i])?;
                    self.emit_arg(Opcode::Swap, 2);
                    self.emit_arg(Opcode::Copy, 2);
                    self.emit_compare(c.ops[i]);
                    self.jump(Op::PopJumpIfFalse, cleanup);
                    self.next_block();
                }
                self.compare_operand(c.ops[n], &c.comparators[n])?;
                self.emit_compare(c.ops[n]);
                self.jump(
                    if cond {
                        Op::PopJumpIfTrue
                    } else {
                        Op::PopJumpIfFalse
                    },
                    next,
                );
                self.next_block();
                let end = self.new_block();
                self.jump_noline(Op::Jump, end);
                self.use_next_block(cleanup);
                self.emit(Opcode::PopTop);
                if !cond {
                    self.jump_noline(Op::Jump, next);
                }
                self.use_next_block(end);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.jump(
            if cond {
                Op::PopJumpIfTrue
            } else {
                Op::PopJumpIfFalse
            },
            next,
        );
        self.next_block();
        Ok(())
    }

    fn is_import_originated(&self, e: &Expr) -> bool {
        let Expr::Name(n) = e else { return false };
        self.st.scopes[0].lookup(&n.id) & flag::IMPORT != 0
    }

    fn call(&mut self, c: &'a pith_ast::ExprCall) -> CResult {
        self.validate_keywords(&c.keywords)?;
        if self.maybe_method_call(c)? {
            return Ok(());
        }
        self.warn(warning::check_caller(&c.func));
        let saved = self.ur().loc;
        self.set_loc(c.func.range());
        self.emit(Opcode::PushNull);
        self.u().loc = saved;
        self.expr(&c.func)?;
        self.call_helper(0, &c.args, &c.keywords)
    }

    fn validate_keywords(&self, kws: &[Keyword]) -> CResult {
        for (i, k) in kws.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            self.forbidden_name(name, ExprContext::Store)?;
            for other in &kws[i + 1..] {
                if other.arg.as_ref().is_some_and(|o| o.id == name.id) {
                    return Err(self.err(other.range, format!("keyword argument repeated: {name}")));
                }
            }
        }
        Ok(())
    }

    fn maybe_method_call(&mut self, c: &'a pith_ast::ExprCall) -> CResult<bool> {
        let Expr::Attribute(meth) = &*c.func else {
            return Ok(false);
        };
        if meth.ctx != ExprContext::Load || self.is_import_originated(&meth.value) {
            return Ok(false);
        }
        let argsl = c.args.len();
        let kwdsl = c.keywords.len();
        if argsl + kwdsl + usize::from(kwdsl != 0) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if c.args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || c.keywords.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        self.expr(&meth.value)?;
        self.set_loc(meth.range);
        self.update_start_location_to_match_attr(meth);
        self.emit_name(Opcode::LoadMethod, &meth.attr);
        for a in c.args.iter() {
            self.expr(a)?;
        }
        if kwdsl > 0 {
            for k in c.keywords.iter() {
                self.expr(&k.value)?;
            }
            self.kw_names(&c.keywords);
        }
        self.set_loc(c.range);
        self.update_start_location_to_match_attr(meth);
        let n = (argsl + kwdsl) as u32;
        self.emit_arg(Opcode::Precall, n);
        self.emit_arg(Opcode::Call, n);
        Ok(true)
    }

    fn kw_names(&mut self, kws: &[Keyword]) {
        let names: Vec<Constant> = kws
            .iter()
            .map(|k| Constant::str(k.arg.as_ref().map_or("", |a| a.as_str())))
            .collect();
        let i = self.add_const(Constant::Tuple(Arc::from(names)));
        self.emit_arg(Opcode::KwNames, i);
    }

    /// `compiler_call_helper`: `n` arguments are already on the stack.
    pub fn call_helper(&mut self, n: u32, args: &'a [Expr], kws: &'a [Keyword]) -> CResult {
        self.validate_keywords(kws)?;
        let nelts = args.len();
        let nkw = kws.len();
        let simple = nelts + nkw * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && !kws.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args {
                self.expr(a)?;
            }
            if nkw > 0 {
                for k in kws {
                    self.expr(&k.value)?;
                }
                self.kw_names(kws);
            }
            let total = n + (nelts + nkw) as u32;
            self.emit_arg(Opcode::Precall, total);
            self.emit_arg(Opcode::Call, total);
            return Ok(());
        }
        if n == 0 && nelts == 1 {
            if let Expr::Starred(s) = &args[0] {
                self.expr(&s.value)?;
            } else {
                self.starunpack(
                    args,
                    n,
                    Opcode::BuildList,
                    Opcode::ListAppend,
                    Opcode::ListExtend,
                    true,
                )?;
            }
        } else {
            self.starunpack(
                args,
                n,
                Opcode::BuildList,
                Opcode::ListAppend,
                Opcode::ListExtend,
                true,
            )?;
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in kws.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&kws[i - nseen..i])?;
                        if have_dict {
                            self.emit_arg(Opcode::DictMerge, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit_arg(Opcode::BuildMap, 0);
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit_arg(Opcode::DictMerge, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&kws[nkw - nseen..])?;
                if have_dict {
                    self.emit_arg(Opcode::DictMerge, 1);
                }
            }
        }
        self.emit_arg(Opcode::CallFunctionEx, u32::from(nkw > 0));
        Ok(())
    }

    fn subkwargs(&mut self, kws: &'a [Keyword]) -> CResult {
        let n = kws.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in kws {
                self.expr(&k.value)?;
            }
            let keys: Vec<Constant> = kws
                .iter()
                .map(|k| Constant::str(k.arg.as_ref().map_or("", |a| a.as_str())))
                .collect();
            self.load_const(Constant::Tuple(Arc::from(keys)));
            self.emit_arg(Opcode::BuildConstKeyMap, n as u32);
            return Ok(());
        }
        if big {
            self.emit_noline(Op::Real(Opcode::BuildMap), 0);
        }
        for k in kws {
            self.load_const(Constant::str(k.arg.as_ref().map_or("", |a| a.as_str())));
            self.expr(&k.value)?;
            if big {
                self.emit_noline(Op::Real(Opcode::MapAdd), 1);
            }
        }
        if !big {
            self.emit_arg(Opcode::BuildMap, n as u32);
        }
        Ok(())
    }

    // ---- functions, lambdas, comprehensions ----

    /// `compiler_default_arguments`: the MAKE_FUNCTION flags for defaults.
    pub fn default_arguments(&mut self, args: &'a pith_ast::Arguments) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit_arg(Opcode::BuildTuple, args.defaults.len() as u32);
            flags |= 1;
        }
        let mut keys = Vec::new();
        for (a, d) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = d {
                let mangled = crate::symtable::mangle(self.ur().private.as_deref(), &a.arg);
                keys.push(Constant::str(&mangled));
                self.expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::Tuple(Arc::from(keys)));
            self.emit_arg(Opcode::BuildConstKeyMap, n);
            flags |= 2;
        }
        Ok(flags)
    }

    /// `compiler_make_closure`.
    pub fn make_closure(
        &mut self,
        code: Arc<pith_bytecode::CodeObject>,
        mut flags: u32,
    ) -> CResult {
        let frees: Vec<String> = code
            .freevars()
            .iter()
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        if !frees.is_empty() {
            for name in &frees {
                let is_class = self.ur().kind == UnitKind::Class && name == "__class__";
                let reftype = if is_class {
                    Some(crate::symtable::Scope::Cell)
                } else {
                    self.scope_of(name)
                };
                let u = self.u();
                let arg = if reftype == Some(crate::symtable::Scope::Cell) {
                    u.cellvars.get(name)
                } else {
                    u.freevars
                        .get(name)
                        .map(|i| i + u.cellvars.list.len() as u32)
                };
                let Some(arg) = arg else {
                    return Err(self.system_err(format!("lookup of free variable {name} failed")));
                };
                self.emit_arg(Opcode::LoadClosure, arg);
            }
            flags |= 8;
            self.emit_arg(Opcode::BuildTuple, frees.len() as u32);
        }
        self.load_const(Constant::Code(code));
        self.emit_arg(Opcode::MakeFunction, flags);
        Ok(())
    }

    fn lambda(&mut self, l: &'a pith_ast::ExprLambda) -> CResult {
        self.check_debug_args(&l.args)?;
        let flags = self.default_arguments(&l.args)?;
        let lineno = self.loc_of(l.range).lineno;
        self.enter_scope("<lambda>", UnitKind::Lambda, node_key(l), lineno)?;
        self.add_const(Constant::None);
        {
            let u = self.u();
            u.argcount = l.args.args.len() as u32;
            u.posonlyargcount = l.args.posonlyargs.len() as u32;
            u.kwonlyargcount = l.args.kwonlyargs.len() as u32;
        }
        self.expr(&l.body)?;
        let code = if self.is_generator_scope() {
            self.exit_scope(false)?
        } else {
            self.emit(Opcode::ReturnValue);
            self.exit_scope(true)?
        };
        self.make_closure(code, flags)
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        name: &str,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> CResult {
        let key = match e {
            Expr::ListComp(c) => node_key(c),
            Expr::SetComp(c) => node_key(c),
            Expr::DictComp(c) => node_key(c),
            Expr::GeneratorExp(c) => node_key(c),
            _ => 0,
        };
        let outer_kind = self.ur().kind;
        let top_level_await = self.is_top_level_await();
        let lineno = self.loc_of(e.range()).lineno;
        let Some(outermost) = generators.first() else {
            return Err(self.system_err("comprehension with no generators"));
        };
        self.enter_scope(name, UnitKind::Comprehension, key, lineno)?;
        self.set_loc(e.range());
        let is_async_generator = self.is_coroutine_scope();
        if is_async_generator
            && kind != CompKind::Gen
            && !matches!(
                outer_kind,
                UnitKind::AsyncFunction | UnitKind::Comprehension
            )
            && !top_level_await
        {
            return Err(self.err(
                e.range(),
                "asynchronous comprehension outside of an asynchronous function",
            ));
        }
        match kind {
            CompKind::List => self.emit_arg(Opcode::BuildList, 0),
            CompKind::Set => self.emit_arg(Opcode::BuildSet, 0),
            CompKind::Dict => self.emit_arg(Opcode::BuildMap, 0),
            CompKind::Gen => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, val, kind)?;
        if kind != CompKind::Gen {
            self.emit(Opcode::ReturnValue);
        }
        let code = self.exit_scope(true)?;
        self.make_closure(code, 0)?;
        self.expr(&outermost.iter)?;
        if outermost.is_async {
            self.emit(Opcode::GetAiter);
        } else {
            self.emit(Opcode::GetIter);
        }
        self.emit_arg(Opcode::Precall, 0);
        self.emit_arg(Opcode::Call, 0);
        if is_async_generator && kind != CompKind::Gen {
            self.emit_arg(Opcode::GetAwaitable, 0);
            self.load_const(Constant::None);
            self.yield_from(true);
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        if gens[index].is_async {
            self.async_comprehension_generator(gens, index, depth, elt, val, kind)
        } else {
            self.sync_comprehension_generator(gens, index, depth, elt, val, kind)
        }
    }

    fn comprehension_element(
        &mut self,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
        depth: u32,
    ) -> CResult {
        match kind {
            CompKind::Gen => {
                self.expr(elt)?;
                self.emit_yield();
                self.emit(Opcode::PopTop);
            }
            CompKind::List => {
                self.expr(elt)?;
                self.emit_arg(Opcode::ListAppend, depth + 1);
            }
            CompKind::Set => {
                self.expr(elt)?;
                self.emit_arg(Opcode::SetAdd, depth + 1);
            }
            CompKind::Dict => {
                self.expr(elt)?;
                if let Some(v) = val {
                    self.expr(v)?;
                }
                self.emit_arg(Opcode::MapAdd, depth + 1);
            }
        }
        Ok(())
    }

    fn sync_comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let gen = &gens[index];
        if index == 0 {
            self.u().argcount = 1;
            self.emit_arg(Opcode::LoadFast, 0);
        } else {
            let elts = match &gen.iter {
                Expr::List(l) => Some(&l.elts),
                Expr::Tuple(t) => Some(&t.elts),
                _ => None,
            };
            if let Some(elts) = elts {
                if elts.len() == 1 && !matches!(elts[0], Expr::Starred(_)) {
                    self.expr(&elts[0])?;
                    start = None;
                }
            }
            if start.is_some() {
                self.expr(&gen.iter)?;
                self.emit(Opcode::GetIter);
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_next_block(start);
            self.jump(Op::Real(Opcode::ForIter), anchor);
        }
        self.expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < gens.len() {
            self.comprehension_generator(gens, index + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(elt, val, kind, depth)?;
        }
        self.use_next_block(if_cleanup);
        if let Some(start) = start {
            self.jump(Op::Jump, start);
            self.use_next_block(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let gen = &gens[index];
        if index == 0 {
            self.u().argcount = 1;
            self.emit_arg(Opcode::LoadFast, 0);
        } else {
            self.expr(&gen.iter)?;
            self.emit(Opcode::GetAiter);
        }
        self.use_next_block(start);
        self.push_fblock(
            super::FBlockKind::AsyncComprehensionGenerator,
            start,
            crate::ir::NO_BLOCK,
            super::FBlockDatum::None,
            gen.iter.range(),
        )?;
        self.jump(Op::SetupFinally, except);
        self.emit(Opcode::GetAnext);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.emit_pseudo(Op::PopBlock);
        self.expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if index + 1 < gens.len() {
            self.comprehension_generator(gens, index + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(elt, val, kind, depth)?;
        }
        self.use_next_block(if_cleanup);
        self.jump(Op::Jump, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.emit(Opcode::EndAsyncFor);
        Ok(())
    }
}

impl<'a> Compiler<'a> {
    /// A frozenset constant, stored in the iteration order of the set `ast_opt.c`
    /// builds from the source; pith-bytecode's repr then replays the rebuild that
    /// `merge_consts_recursive` does. When making the code object rebuilds the set
    /// once more (see [`crate::interned`]), the stored order is that of the merged
    /// set instead, so the replay lands on the final one.
    pub(crate) fn frozenset(&mut self, items: Vec<Constant>) -> Constant {
        let mut unique: Vec<Constant> = Vec::with_capacity(items.len());
        for it in items {
            if !unique.iter().any(|u| set_equal(u, &it)) {
                unique.push(it);
            }
        }
        let Some(order) = pith_bytecode::constant::set_iteration_order(&unique) else {
            return Constant::FrozenSet(Arc::from(unique));
        };
        let mut ordered: Vec<Constant> = order.into_iter().map(|i| unique[i].clone()).collect();
        let module = self.module;
        let identifiers = self
            .identifiers
            .get_or_insert_with(|| crate::interned::ModuleIdentifiers::of(module));
        if identifiers.rebuilds_frozenset(&ordered) {
            if let Some(merged) = pith_bytecode::constant::set_iteration_order(&ordered) {
                ordered = merged.into_iter().map(|i| ordered[i].clone()).collect();
            }
        }
        Constant::FrozenSet(Arc::from(ordered))
    }
}

/// Python equality between set elements (`1 == 1.0 == True`).
fn set_equal(a: &Constant, b: &Constant) -> bool {
    fn num(c: &Constant) -> Option<f64> {
        match c {
            Constant::Bool(b) => Some(f64::from(u8::from(*b))),
            Constant::Int(i) => Some(*i as f64),
            Constant::Float(f) => Some(*f),
            _ => None,
        }
    }
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}
