//! `match` statements: `compiler_match` and the pattern helpers of compile.c (3.11).

use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::FromPrimitive;
use pith_ast::{CmpOp, Expr, ExprContext, Operator, Pattern, Ranged, StmtMatch, TextRange};
use pith_bytecode::{Constant, Opcode};

use super::expr::binop_arg;
use super::{constant, CResult, Compiler};
use crate::ir::{BlockId, Op};

/// `pattern_context`.
#[derive(Default, Clone)]
pub(crate) struct PatternContext {
    stores: Vec<Box<str>>,
    allow_irrefutable: bool,
    fail_pop: Vec<BlockId>,
    on_top: usize,
    /// The pattern of the last `SET_LOC`: compile.c never restores it after a
    /// sub-pattern, so its `compiler_error`s point at the last pattern compiled.
    loc: TextRange,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    pub fn match_(&mut self, m: &'a StmtMatch) -> CResult {
        self.expr(&m.subject)?;
        let end = self.new_block();
        let cases = m.cases.len();
        let has_default = cases > 1 && m.cases.last().is_some_and(|c| is_wildcard(&c.pattern));
        let mut pc = PatternContext::default();
        for i in 0..cases - usize::from(has_default) {
            let case = &m.cases[i];
            self.set_loc(case.pattern.range());
            let last = i == cases - usize::from(has_default) - 1;
            if !last {
                self.emit_arg(Opcode::Copy, 1);
            }
            pc.stores.clear();
            pc.allow_irrefutable = case.guard.is_some() || i == cases - 1;
            pc.fail_pop.clear();
            pc.on_top = 0;
            self.pattern(&case.pattern, &mut pc)?;
            let stores = std::mem::take(&mut pc.stores);
            for name in &stores {
                self.nameop(name, ExprContext::Store)?;
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, target, false)?;
            }
            if !last {
                self.emit(Opcode::PopTop);
            }
            self.stmts(&case.body)?;
            self.unset_loc();
            self.jump(Op::Jump, end);
            self.set_loc(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let case = &m.cases[cases - 1];
            self.set_loc(case.pattern.range());
            if cases == 1 {
                self.emit(Opcode::PopTop);
            } else {
                self.emit(Opcode::Nop);
            }
            if let Some(g) = &case.guard {
                self.jump_if(g, end, false)?;
            }
            self.stmts(&case.body)?;
            self.unset_loc();
        }
        self.use_next_block(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.jump(op, pc.fail_pop[pops]);
        self.next_block();
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            self.next_block();
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.use_next_block(pc.fail_pop[i]);
            self.emit(Opcode::PopTop);
        }
        self.use_next_block(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit_arg(Opcode::Swap, count as u32);
            count -= 1;
        }
    }

    /// `SET_LOC` for a pattern.
    fn pattern_loc(&mut self, range: TextRange, pc: &mut PatternContext) {
        self.set_loc(range);
        pc.loc = range;
    }

    fn store_name(&mut self, name: Option<&str>, pc: &mut PatternContext) -> CResult {
        let Some(n) = name else {
            self.emit(Opcode::PopTop);
            return Ok(());
        };
        if n == "__debug__" {
            return Err(self.err(pc.loc, "cannot assign to __debug__"));
        }
        if pc.stores.iter().any(|s| &**s == n) {
            return Err(self.err(
                pc.loc,
                format!("multiple assignments to name '{n}' in pattern"),
            ));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(n.into());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        self.pattern_loc(p.range(), pc);
        match p {
            Pattern::MatchValue(v) => {
                if !matches!(&*v.value, Expr::Constant(_) | Expr::Attribute(_)) {
                    return Err(self.err(
                        v.range,
                        "patterns may only match literals and attribute lookups",
                    ));
                }
                self.expr(&v.value)?;
                self.emit_compare(CmpOp::Eq);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(constant(&s.value));
                self.emit_compare(CmpOp::Is);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(s, pc)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc)?,
            Pattern::MatchClass(c) => self.pattern_class(c, pc)?,
            Pattern::MatchStar(s) => self.store_name(s.name.as_deref(), pc)?,
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match &a.name {
                            Some(n) => self.err(
                                a.range,
                                format!("name capture '{n}' makes remaining patterns unreachable"),
                            ),
                            None => {
                                self.err(a.range, "wildcard makes remaining patterns unreachable")
                            }
                        });
                    }
                    self.store_name(a.name.as_deref(), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit_arg(Opcode::Copy, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_name(a.name.as_deref(), pc)?;
                }
            },
            Pattern::MatchOr(o) => self.pattern_or(o, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        s: &'a pith_ast::PatternMatchSequence,
        pc: &mut PatternContext,
    ) -> CResult {
        let patterns = &s.patterns;
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.err(s.range, "multiple starred names in sequence pattern"));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit(Opcode::MatchSequence);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        if star.is_none() {
            self.emit(Opcode::GetLen);
            self.load_const(Constant::Int(size as i64));
            self.emit_compare(CmpOp::Eq);
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        } else if size > 1 {
            self.emit(Opcode::GetLen);
            self.load_const(Constant::Int(size as i64 - 1));
            self.emit_compare(CmpOp::GtE);
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        }
        // Whatever comes next consumes the subject.
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::PopTop);
        } else if star_wildcard {
            let star = star.unwrap_or(usize::MAX);
            pc.on_top += 1;
            for (i, p) in patterns.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit_arg(Opcode::Copy, 1);
                if i < star {
                    self.load_const(Constant::Int(i as i64));
                } else {
                    self.emit(Opcode::GetLen);
                    self.load_const(Constant::Int((size - i) as i64));
                    self.emit_arg(Opcode::BinaryOp, binop_arg(Operator::Sub, false));
                }
                self.emit(Opcode::BinarySubscr);
                self.subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Opcode::PopTop);
        } else {
            // pattern_unpack_helper
            let mut seen_star = false;
            for (i, p) in patterns.iter().enumerate() {
                if matches!(p, Pattern::MatchStar(_)) && !seen_star {
                    self.emit_arg(Opcode::UnpackEx, (i + ((size - i - 1) << 8)) as u32);
                    seen_star = true;
                }
            }
            if !seen_star {
                self.emit_arg(Opcode::UnpackSequence, size as u32);
            }
            pc.on_top += size;
            for p in patterns {
                pc.on_top -= 1;
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        m: &'a pith_ast::PatternMatchMapping,
        pc: &mut PatternContext,
    ) -> CResult {
        let size = m.keys.len();
        if size != m.patterns.len() {
            return Err(self.err(
                m.range,
                "keys / patterns length mismatch in mapping pattern",
            ));
        }
        pc.on_top += 1;
        self.emit(Opcode::MatchMapping);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::PopTop);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GetLen);
            self.load_const(Constant::Int(size as i64));
            self.emit_compare(CmpOp::GtE);
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in &m.keys {
            match key {
                Expr::Constant(c) => {
                    let k = constant(&c.value);
                    if seen.iter().any(|s| py_eq(s, &k)) {
                        return Err(self.err(
                            pc.loc,
                            format!("mapping pattern checks duplicate key ({})", k.repr()),
                        ));
                    }
                    seen.push(k);
                }
                Expr::Attribute(_) => {}
                _ => {
                    return Err(self.err(
                        pc.loc,
                        "mapping pattern keys may only match literals and attribute lookups",
                    ))
                }
            }
            self.expr(key)?;
        }
        self.emit_arg(Opcode::BuildTuple, size as u32);
        self.emit(Opcode::MatchKeys);
        pc.on_top += 2;
        self.emit_arg(Opcode::Copy, 1);
        self.load_const(Constant::None);
        self.emit_arg(Opcode::IsOp, 1);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        self.emit_arg(Opcode::UnpackSequence, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        if let Some(rest) = &m.rest {
            self.emit_arg(Opcode::BuildMap, 0);
            self.emit_arg(Opcode::Swap, 3);
            self.emit_arg(Opcode::DictUpdate, 2);
            self.emit_arg(Opcode::UnpackSequence, size as u32);
            let mut n = size;
            while n > 0 {
                self.emit_arg(Opcode::Copy, 1 + n as u32);
                n -= 1;
                self.emit_arg(Opcode::Swap, 2);
                self.emit(Opcode::DeleteSubscr);
            }
            self.store_name(Some(rest.as_str()), pc)?;
        } else {
            self.emit(Opcode::PopTop);
            self.emit(Opcode::PopTop);
        }
        Ok(())
    }

    fn pattern_class(
        &mut self,
        c: &'a pith_ast::PatternMatchClass,
        pc: &mut PatternContext,
    ) -> CResult {
        let nargs = c.patterns.len();
        let nattrs = c.kwd_attrs.len();
        if nattrs != c.kwd_patterns.len() {
            return Err(self.err(
                c.range,
                "kwd_attrs / kwd_patterns length mismatch in class pattern",
            ));
        }
        if nattrs > 0 {
            for (i, attr) in c.kwd_attrs.iter().enumerate() {
                for (j, other) in c.kwd_attrs.iter().enumerate().skip(i + 1) {
                    if attr.id == other.id {
                        return Err(self.err(
                            c.kwd_patterns[j].range(),
                            format!("attribute name repeated in class pattern: {attr}"),
                        ));
                    }
                }
            }
            self.set_loc(c.range);
        }
        self.expr(&c.cls)?;
        let names: Vec<Constant> = c.kwd_attrs.iter().map(|a| Constant::str(a)).collect();
        self.load_const(Constant::Tuple(Arc::from(names)));
        self.emit_arg(Opcode::MatchClass, nargs as u32);
        self.emit_arg(Opcode::Copy, 1);
        self.load_const(Constant::None);
        self.emit_arg(Opcode::IsOp, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        self.emit_arg(Opcode::UnpackSequence, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for i in 0..nargs + nattrs {
            pc.on_top -= 1;
            let p = if i < nargs {
                &c.patterns[i]
            } else {
                &c.kwd_patterns[i - nargs]
            };
            if is_wildcard(p) {
                self.emit(Opcode::PopTop);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a pith_ast::PatternMatchOr, pc: &mut PatternContext) -> CResult {
        let end = self.new_block();
        let size = o.patterns.len();
        let old = pc.clone();
        let mut control: Option<Vec<Box<str>>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            self.pattern_loc(alt.range(), pc);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old.allow_irrefutable;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit_arg(Opcode::Copy, 1);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) if ctrl.len() != nstores => {
                    return Err(self.err(pc.loc, "alternative patterns bind different names"))
                }
                Some(ctrl) if nstores > 0 => {
                    let ctrl = ctrl.clone();
                    for icontrol in (0..nstores).rev() {
                        let name = &ctrl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(
                                self.err(pc.loc, "alternative patterns bind different names")
                            );
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<Box<str>> = pc.stores.drain(0..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
                _ => {}
            }
            self.jump(Op::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        let loc = pc.loc;
        *pc = old;
        pc.loc = loc;
        self.emit(Opcode::PopTop);
        self.jump_to_fail_pop(pc, Op::Jump);
        self.use_next_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.err(
                    pc.loc,
                    format!("multiple assignments to name '{name}' in pattern"),
                ));
            }
            pc.stores.push(name);
        }
        self.emit(Opcode::PopTop);
        Ok(())
    }
}

/// Python `==` between two literal keys of a mapping pattern, as the set
/// compile.c checks duplicates with: `1`, `1.0`, `True` and `1+0j` are one key.
fn py_eq(a: &Constant, b: &Constant) -> bool {
    match (numeric(a), numeric(b)) {
        (Some((re_a, im_a)), Some((re_b, im_b))) => im_a == im_b && real_eq(re_a, re_b),
        (None, None) => a == b,
        _ => false,
    }
}

/// The real part of a number: an int stays exact, so that `2**53 + 1` and
/// `2.0**53` differ as they do in Python.
#[derive(Clone, Copy)]
enum Real<'c> {
    Int(i64),
    Big(&'c BigInt),
    Float(f64),
}

/// A number constant as (real part, imaginary part).
fn numeric(c: &Constant) -> Option<(Real<'_>, f64)> {
    Some(match c {
        Constant::Bool(b) => (Real::Int(i64::from(*b)), 0.0),
        Constant::Int(i) => (Real::Int(*i), 0.0),
        Constant::BigInt(b) => (Real::Big(b), 0.0),
        Constant::Float(f) => (Real::Float(*f), 0.0),
        Constant::Complex { re, im } => (Real::Float(*re), *im),
        _ => return None,
    })
}

/// An int as a big int, or `None` for a float that is not a whole number.
fn exact(r: Real<'_>) -> Option<BigInt> {
    match r {
        Real::Int(i) => Some(BigInt::from(i)),
        Real::Big(b) => Some(b.clone()),
        Real::Float(f) if f.fract() == 0.0 => BigInt::from_f64(f),
        Real::Float(_) => None,
    }
}

fn real_eq(a: Real<'_>, b: Real<'_>) -> bool {
    match (a, b) {
        (Real::Int(a), Real::Int(b)) => a == b,
        (Real::Float(a), Real::Float(b)) => a == b,
        // Python compares an int with a float exactly, never by rounding the int.
        (a, b) => matches!((exact(a), exact(b)), (Some(x), Some(y)) if x == y),
    }
}
