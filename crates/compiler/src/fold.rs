//! The AST optimizer of CPython 3.11 (Python/ast_opt.c): constant folding of unary
//! and binary operations with CPython's size limits, constant tuples and
//! subscripts, `not (a in b)` to `a not in b`, list iterables to tuples,
//! `"%s" % (x,)` to f-strings, and `__debug__`.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use pith_ast::transformer::{walk_expr, walk_pattern, walk_stmt, Transformer};
use pith_ast::{
    BoolOp, CmpOp, Constant, ConstantKind, Conversion, Expr, ExprConstant, ExprContext,
    ExprFormattedValue, ExprJoinedStr, ExprTuple, Int, Operator, Pattern, Ranged, Stmt, TextRange,
    UnaryOp,
};

use crate::validate::{Checks, Invalid};
use crate::{DEEP_STACK, SHALLOW};

/// Marks nodes the optimizer creates without a position (CPython's `-1` lines).
pub(crate) const NO_RANGE: TextRange = TextRange {
    start: u32::MAX,
    end: u32::MAX,
};

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;

/// The folding walk. It also makes the structural checks and counts the
/// nesting depth (`validate::Checks`): a malformed or too deep node is
/// neither walked nor folded. Nodes deeper than [`SHALLOW`] are folded on a
/// thread with a [`DEEP_STACK`], so the caller's stack only ever holds
/// shallow recursion.
pub(crate) struct Folder {
    checks: Checks,
    /// Running on a thread with a [`DEEP_STACK`].
    deep_stack: bool,
    /// Only check and measure, folding nothing (for the symbol table
    /// `_symtable` shows, which CPython builds from the unoptimized tree:
    /// folding replaces `__debug__`).
    checks_only: bool,
    /// `__debug__`'s value: `False` when compiling with `optimize` above 0
    /// (`state->optimize` of `ast_opt.c`).
    debug: bool,
}

impl Default for Folder {
    fn default() -> Self {
        Folder {
            checks: Checks::default(),
            deep_stack: false,
            checks_only: false,
            debug: true,
        }
    }
}

impl Folder {
    /// A folding walk at optimization level `optimize` (`compile()`'s).
    pub fn with_optimize(optimize: u8) -> Self {
        Folder {
            debug: optimize == 0,
            ..Folder::default()
        }
    }

    /// A walk that checks and measures the tree without folding it.
    pub fn checks_only() -> Self {
        Folder {
            checks_only: true,
            ..Folder::default()
        }
    }

    /// Whether nodes are still folded: not in a checks-only walk, and not
    /// once a problem is found (the tree is then discarded, and a node above
    /// a malformed one may not be foldable).
    #[inline(always)]
    fn folding(&self) -> bool {
        self.checks.ok() && !self.checks_only
    }

    /// The deepest nesting met, or the first malformed node.
    pub fn finish(self) -> Result<u32, Invalid> {
        self.checks.finish()
    }

    /// Whether the node just entered must move to a deep stack first.
    #[inline]
    fn must_move(&self) -> bool {
        !self.deep_stack && self.checks.depth > SHALLOW
    }

    /// Runs `visit` on `node` on a thread with a deep stack, carrying the
    /// checks there and back.
    #[cold]
    fn on_deep_stack<T: Ranged + Send>(&mut self, node: &mut T, visit: fn(&mut Folder, &mut T)) {
        let mut inner = Folder {
            checks: self.checks.clone(),
            deep_stack: true,
            checks_only: self.checks_only,
            debug: self.debug,
        };
        let moved = &mut *node;
        let done = std::thread::scope(|scope| {
            std::thread::Builder::new()
                .stack_size(DEEP_STACK)
                .spawn_scoped(scope, move || {
                    visit(&mut inner, moved);
                    inner.checks
                })
                .ok()
                .and_then(|h| h.join().ok())
        });
        match done {
            Some(checks) => self.checks = checks,
            None => self.checks.too_deep(node.range()),
        }
    }

    #[inline(always)]
    fn stmt(&mut self, stmt: &mut Stmt) {
        walk_stmt(self, stmt);
        if let Stmt::For(f) = stmt {
            if self.folding() {
                fold_iter(&mut f.iter);
            }
        }
    }

    #[inline(always)]
    fn expr(&mut self, expr: &mut Expr) {
        walk_expr(self, expr);
        if self.folding() && may_fold(expr) {
            fold_expr(expr, self.debug);
        }
    }
}

impl Transformer for Folder {
    fn visit_stmt(&mut self, stmt: &mut Stmt) {
        self.checks.stmt(stmt);
        if self.checks.enter(|| stmt.range()) {
            if self.must_move() {
                self.on_deep_stack(stmt, Folder::stmt);
            } else {
                self.stmt(stmt);
            }
        }
        self.checks.leave();
    }

    fn visit_comprehension(&mut self, node: &mut pith_ast::Comprehension) {
        pith_ast::transformer::walk_comprehension(self, node);
        if self.folding() {
            fold_iter(&mut node.iter);
        }
    }

    fn visit_expr(&mut self, expr: &mut Expr) {
        self.checks.expr(expr);
        if self.checks.enter(|| expr.range()) {
            if self.must_move() {
                self.on_deep_stack(expr, Folder::expr);
            } else {
                self.expr(expr);
            }
        }
        self.checks.leave();
    }

    fn visit_pattern(&mut self, pattern: &mut Pattern) {
        self.checks.pattern(pattern);
        if self.checks.enter(|| pattern.range()) {
            if self.must_move() {
                self.on_deep_stack(pattern, walk_pattern);
            } else {
                walk_pattern(self, pattern);
            }
        }
        self.checks.leave();
    }
}

fn constant_expr(range: TextRange, value: Constant) -> Expr {
    Expr::Constant(ExprConstant {
        range,
        value,
        kind: ConstantKind::None,
    })
}

fn as_const(e: &Expr) -> Option<&Constant> {
    match e {
        Expr::Constant(c) => Some(&c.value),
        _ => None,
    }
}

fn make_const_tuple(elts: &[Expr]) -> Option<Constant> {
    // Checked first, so that the items are copied once into a vector of
    // their exact size (collecting into `Option<Vec>` grew it step by step).
    if !elts.iter().all(|e| matches!(e, Expr::Constant(_))) {
        return None;
    }
    let items: Vec<Constant> = elts
        .iter()
        .map(|e| as_const(e).cloned().unwrap_or(Constant::None))
        .collect();
    Some(Constant::Tuple(items.into_boxed_slice()))
}

/// `fold_iter`: a list iterable becomes a tuple (a constant one when it can).
fn fold_iter(e: &mut Expr) {
    if let Expr::List(l) = e {
        if l.elts.iter().any(|x| matches!(x, Expr::Starred(_))) {
            return;
        }
        let range = l.range;
        let elts = std::mem::take(&mut l.elts);
        let ctx = l.ctx;
        *e = match make_const_tuple(&elts) {
            Some(c) => constant_expr(range, c),
            None => Expr::Tuple(ExprTuple { range, elts, ctx }),
        };
    }
}

/// Whether `fold_expr` may rewrite `e`: the kinds of node it looks at
/// (most nodes, such as calls, attributes and constants, skip the call).
#[inline(always)]
fn may_fold(e: &Expr) -> bool {
    match e {
        Expr::UnaryOp(_)
        | Expr::BinOp(_)
        | Expr::Tuple(_)
        | Expr::Subscript(_)
        | Expr::Compare(_) => true,
        Expr::Name(n) => &*n.id == "__debug__",
        _ => false,
    }
}

fn fold_expr(e: &mut Expr, debug: bool) {
    match e {
        Expr::UnaryOp(u) => {
            if let Some(c) = as_const(&u.operand) {
                if let Some(v) = unary(u.op, c) {
                    *e = constant_expr(u.range, v);
                }
                return;
            }
            if u.op == UnaryOp::Not {
                if let Expr::Compare(cmp) = &mut *u.operand {
                    if cmp.ops.len() == 1 {
                        let inv = match cmp.ops[0] {
                            CmpOp::Is => Some(CmpOp::IsNot),
                            CmpOp::IsNot => Some(CmpOp::Is),
                            CmpOp::In => Some(CmpOp::NotIn),
                            CmpOp::NotIn => Some(CmpOp::In),
                            _ => None,
                        };
                        if let Some(op) = inv {
                            cmp.ops[0] = op;
                            let inner = std::mem::replace(
                                &mut *u.operand,
                                constant_expr(NO_RANGE, Constant::None),
                            );
                            *e = inner;
                        }
                    }
                }
            }
        }
        Expr::BinOp(b) => {
            let Some(lv) = as_const(&b.left) else { return };
            if b.op == Operator::Mod {
                if let (Constant::Str(fmt), Expr::Tuple(t)) = (lv, &*b.right) {
                    if !t.elts.iter().any(|x| matches!(x, Expr::Starred(_))) {
                        if let Some(js) = optimize_format(fmt, &t.elts, b.range) {
                            *e = js;
                        }
                        return;
                    }
                }
            }
            let Some(rv) = as_const(&b.right) else { return };
            if let Some(v) = binop(b.op, lv, rv) {
                *e = constant_expr(b.range, v);
            }
        }
        Expr::Tuple(t) if t.ctx == ExprContext::Load => {
            if let Some(c) = make_const_tuple(&t.elts) {
                *e = constant_expr(t.range, c);
            }
        }
        Expr::Subscript(s) if s.ctx == ExprContext::Load => {
            if let (Some(v), Some(i)) = (as_const(&s.value), as_const(&s.slice)) {
                if let Some(r) = subscript(v, i) {
                    *e = constant_expr(s.range, r);
                }
            }
        }
        Expr::Compare(c) => {
            let last = c.ops.len() - 1;
            if matches!(c.ops[last], CmpOp::In | CmpOp::NotIn) {
                fold_iter(&mut c.comparators[last]);
            }
        }
        Expr::Name(n) if n.ctx == ExprContext::Load && &*n.id == "__debug__" => {
            *e = constant_expr(n.range, Constant::Bool(debug));
        }
        _ => {}
    }
    let _ = BoolOp::And;
}

fn optimize_format(fmt: &str, elts: &[Expr], range: TextRange) -> Option<Expr> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pos = 0;
    let mut cnt = 0;
    let mut seq = Vec::new();
    loop {
        let start = pos;
        let mut has_percents = false;
        while pos < chars.len() {
            if chars[pos] != '%' {
                pos += 1;
            } else if pos + 1 < chars.len() && chars[pos + 1] == '%' {
                has_percents = true;
                pos += 2;
            } else {
                break;
            }
        }
        if pos != start {
            let mut s: String = chars[start..pos].iter().collect();
            if has_percents {
                s = s.replace("%%", "%");
            }
            seq.push(constant_expr(NO_RANGE, Constant::Str(s.into())));
        }
        if pos >= chars.len() {
            break;
        }
        if cnt >= elts.len() {
            return None;
        }
        pos += 1;
        let arg = &elts[cnt];
        cnt += 1;
        let fv = parse_format(&chars, &mut pos, arg)?;
        seq.push(fv);
    }
    if cnt < elts.len() {
        return None;
    }
    Some(Expr::JoinedStr(ExprJoinedStr { range, values: seq }))
}

fn parse_format(chars: &[char], pos: &mut usize, arg: &Expr) -> Option<Expr> {
    const MAXDIGITS: u32 = 3;
    let mut p = *pos;
    let mut next = || -> Option<char> {
        let c = *chars.get(p)?;
        p += 1;
        Some(c)
    };
    let mut ljust = false;
    let mut ch;
    loop {
        ch = next()?;
        match ch {
            '-' => ljust = true,
            '+' | ' ' | '#' | '0' => {}
            _ => break,
        }
    }
    let mut width: i32 = -1;
    let mut prec: i32 = -1;
    if ch.is_ascii_digit() {
        width = 0;
        let mut digits = 0;
        while ch.is_ascii_digit() {
            width = width * 10 + ch.to_digit(10)? as i32;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    if ch == '.' {
        ch = next()?;
        prec = 0;
        if ch.is_ascii_digit() {
            let mut digits = 0;
            while ch.is_ascii_digit() {
                prec = prec * 10 + ch.to_digit(10)? as i32;
                ch = next()?;
                digits += 1;
                if digits >= MAXDIGITS {
                    return None;
                }
            }
        }
    }
    *pos = p;
    let conversion = match ch {
        's' => Conversion::Str,
        'r' => Conversion::Repr,
        'a' => Conversion::Ascii,
        _ => return None,
    };
    let mut spec = String::new();
    if !ljust && width > 0 {
        spec.push('>');
    }
    if width >= 0 {
        spec.push_str(&width.to_string());
    }
    if prec >= 0 {
        spec.push_str(&format!(".{prec}"));
    }
    let format_spec = if spec.is_empty() {
        None
    } else {
        Some(Box::new(constant_expr(
            NO_RANGE,
            Constant::Str(spec.into()),
        )))
    };
    Some(Expr::FormattedValue(ExprFormattedValue {
        range: pith_ast::Ranged::range(arg),
        value: Box::new(arg.clone()),
        conversion,
        format_spec,
    }))
}

// ---- Python semantics of constant operations ----

#[derive(Clone)]
enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn num(c: &Constant) -> Option<Num> {
    match c {
        Constant::Bool(b) => Some(Num::Int(BigInt::from(u8::from(*b)))),
        Constant::Int(i) => Some(Num::Int(i.to_big())),
        Constant::Float(f) => Some(Num::Float(*f)),
        Constant::Complex { real, imag } => Some(Num::Complex(*real, *imag)),
        _ => None,
    }
}

fn from_num(n: Num) -> Constant {
    match n {
        Num::Int(i) => Constant::Int(Int::from_big(i)),
        Num::Float(f) => Constant::Float(f),
        Num::Complex(re, im) => Constant::Complex { real: re, imag: im },
    }
}

fn to_f64(i: &BigInt) -> Option<f64> {
    let f = i.to_f64()?;
    f.is_finite().then_some(f)
}

fn bits(i: &BigInt) -> u64 {
    i.bits()
}

fn unary(op: UnaryOp, c: &Constant) -> Option<Constant> {
    if op == UnaryOp::Not {
        return truth(c).map(|t| Constant::Bool(!t));
    }
    let n = num(c)?;
    Some(from_num(match (op, n) {
        (UnaryOp::Invert, Num::Int(i)) => Num::Int(-i - 1),
        (UnaryOp::Invert, _) => return None,
        (UnaryOp::UAdd, n) => n,
        (UnaryOp::USub, Num::Int(i)) => Num::Int(-i),
        (UnaryOp::USub, Num::Float(f)) => Num::Float(-f),
        (UnaryOp::USub, Num::Complex(a, b)) => Num::Complex(-a, -b),
        _ => return None,
    }))
}

fn truth(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Str(s) => !s.is_empty(),
        Constant::SurrogateStr(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Int(i) => !i.to_big().is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Ellipsis => true,
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
    })
}

fn seq_len(c: &Constant) -> Option<usize> {
    match c {
        Constant::Str(s) => Some(s.chars().count()),
        Constant::SurrogateStr(s) => Some(s.len()),
        Constant::Bytes(b) => Some(b.len()),
        Constant::Tuple(t) => Some(t.len()),
        _ => None,
    }
}

fn total_items(c: &Constant, limit: isize) -> isize {
    let mut limit = limit;
    if let Constant::Tuple(t) = c {
        limit -= t.len() as isize;
        for x in t.iter() {
            if limit < 0 {
                break;
            }
            limit = total_items(x, limit);
        }
    }
    limit
}

fn repeat(seq: &Constant, n: &BigInt) -> Option<Constant> {
    let size = seq_len(seq)?;
    let n = n.to_i64()?;
    let limit = match seq {
        Constant::Tuple(_) => MAX_COLLECTION_SIZE,
        _ => MAX_STR_SIZE,
    };
    if let Some(maxn) = limit.checked_div(size) {
        if n < 0 || n as usize > maxn {
            return None;
        }
        if n > 0 && matches!(seq, Constant::Tuple(_)) {
            let limit = (MAX_TOTAL_ITEMS / n as usize) as isize;
            if total_items(seq, limit) < 0 {
                return None;
            }
        }
    }
    let n = n.max(0) as usize;
    Some(match seq {
        Constant::Str(s) => Constant::Str(s.repeat(n).into()),
        Constant::SurrogateStr(s) => Constant::from_code_points(s.repeat(n)),
        Constant::Bytes(b) => Constant::Bytes(b.repeat(n).into()),
        Constant::Tuple(t) => {
            let mut v = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                v.extend(t.iter().cloned());
            }
            Constant::Tuple(v.into_boxed_slice())
        }
        _ => return None,
    })
}

fn floor_div_mod(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    if b.is_zero() {
        return None;
    }
    let (q, r) = (a / b, a % b);
    if !r.is_zero() && (r.sign() == Sign::Minus) != (b.sign() == Sign::Minus) {
        Some((q - 1, r + b))
    } else {
        Some((q, r))
    }
}

fn float_divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    if wx == 0.0 {
        return None;
    }
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    Some((floordiv, m))
}

fn binop(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    // Sequences first: concatenation and repetition.
    match (op, l, r) {
        (Operator::Add, Constant::Str(a), Constant::Str(b)) => {
            return Some(Constant::Str(format!("{a}{b}").into()))
        }
        (Operator::Add, a, b) if a.is_str() && b.is_str() => {
            let mut cps = a.str_code_points()?;
            cps.extend(b.str_code_points()?);
            return Some(Constant::from_code_points(cps));
        }
        (Operator::Add, Constant::Bytes(a), Constant::Bytes(b)) => {
            return Some(Constant::Bytes([&a[..], &b[..]].concat().into()))
        }
        (Operator::Add, Constant::Tuple(a), Constant::Tuple(b)) => {
            return Some(Constant::Tuple(
                a.iter()
                    .chain(b.iter())
                    .cloned()
                    .collect::<Vec<_>>()
                    .into_boxed_slice(),
            ))
        }
        (Operator::Mult, s, Constant::Int(n)) if seq_len(s).is_some() => {
            return repeat(s, &n.to_big())
        }
        (Operator::Mult, Constant::Int(n), s) if seq_len(s).is_some() => {
            return repeat(s, &n.to_big())
        }
        (Operator::Mult, s, Constant::Bool(b)) if seq_len(s).is_some() => {
            return repeat(s, &BigInt::from(u8::from(*b)))
        }
        (Operator::Mult, Constant::Bool(b), s) if seq_len(s).is_some() => {
            return repeat(s, &BigInt::from(u8::from(*b)))
        }
        _ => {}
    }
    if matches!(l, Constant::Str(_) | Constant::Bytes(_)) && op == Operator::Mod {
        return None;
    }
    let (a, b) = (num(l)?, num(r)?);
    let both_bool = matches!(l, Constant::Bool(_)) && matches!(r, Constant::Bool(_));
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => {
            let v = int_binop(op, &x, &y)?;
            if both_bool && matches!(op, Operator::BitAnd | Operator::BitOr | Operator::BitXor) {
                if let Num::Int(i) = &v {
                    return Some(Constant::Bool(!i.is_zero()));
                }
            }
            Some(from_num(v))
        }
        (x @ Num::Complex(..), y) | (x, y @ Num::Complex(..)) => {
            let c = |n: Num| -> Option<(f64, f64)> {
                match n {
                    Num::Int(i) => Some((to_f64(&i)?, 0.0)),
                    Num::Float(f) => Some((f, 0.0)),
                    Num::Complex(re, im) => Some((re, im)),
                }
            };
            let (a, b) = (c(x)?, c(y)?);
            let r = match op {
                Operator::Add => (a.0 + b.0, a.1 + b.1),
                Operator::Sub => (a.0 - b.0, a.1 - b.1),
                Operator::Mult => (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0),
                Operator::Div => complex_div(a, b)?,
                Operator::Pow => complex_pow(a, b)?,
                _ => return None,
            };
            if !(r.0.is_finite() && r.1.is_finite()) {
                return None;
            }
            Some(Constant::Complex {
                real: r.0,
                imag: r.1,
            })
        }
        (x, y) => {
            let fx = match x {
                Num::Int(i) => to_f64(&i)?,
                Num::Float(f) => f,
                Num::Complex(..) => return None,
            };
            let fy = match y {
                Num::Int(i) => to_f64(&i)?,
                Num::Float(f) => f,
                Num::Complex(..) => return None,
            };
            float_binop(op, fx, fy).map(Constant::Float)
        }
    }
}

fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `complex_pow`: repeated squaring for small integral exponents, else polar form.
fn complex_pow(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        let powu = |x: (f64, f64), n: i64| {
            let (mut r, mut p, mut mask) = ((1.0, 0.0), x, 1i64);
            while mask > 0 && n >= mask {
                if n & mask != 0 {
                    r = c_prod(r, p);
                }
                mask <<= 1;
                p = c_prod(p, p);
            }
            r
        };
        return if n > 0 {
            Some(powu(a, n))
        } else {
            complex_div((1.0, 0.0), powu(a, -n))
        };
    }
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        return Some((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Some((len * phase.cos(), len * phase.sin()))
}

/// `_Py_c_quot`.
fn complex_div(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        None
    }
}

fn int_binop(op: Operator, x: &BigInt, y: &BigInt) -> Option<Num> {
    Some(Num::Int(match op {
        Operator::Add => x + y,
        Operator::Sub => x - y,
        Operator::Mult => {
            if !x.is_zero() && !y.is_zero() && bits(x) + bits(y) > MAX_INT_SIZE {
                return None;
            }
            x * y
        }
        Operator::FloorDiv => floor_div_mod(x, y)?.0,
        Operator::Mod => floor_div_mod(x, y)?.1,
        Operator::Div => {
            if y.is_zero() {
                return None;
            }
            let limit = BigInt::from(1u64 << 53);
            if x.abs() > limit || y.abs() > limit {
                return None;
            }
            return Some(Num::Float(to_f64(x)? / to_f64(y)?));
        }
        Operator::Pow => {
            if y.is_negative() {
                if x.is_zero() {
                    return None;
                }
                let r = to_f64(x)?.powf(to_f64(y)?);
                return r.is_finite().then_some(Num::Float(r));
            }
            if !x.is_zero() && !y.is_zero() {
                let wbits = y.to_u64()?;
                if bits(x) > MAX_INT_SIZE / wbits {
                    return None;
                }
            }
            let e = y.to_u32()?;
            num_traits::pow(x.clone(), e as usize)
        }
        Operator::LShift => {
            if y.is_negative() {
                return None;
            }
            if x.is_zero() {
                return Some(Num::Int(BigInt::zero()));
            }
            if !x.is_zero() && !y.is_zero() {
                let wbits = y.to_u64()?;
                if wbits > MAX_INT_SIZE || bits(x) > MAX_INT_SIZE - wbits {
                    return None;
                }
            }
            x << y.to_usize()?
        }
        Operator::RShift => {
            if y.is_negative() {
                return None;
            }
            let s = y.to_usize().unwrap_or(usize::MAX).min(1 << 20);
            // Python's >> floors.
            if x.is_negative() {
                -((-x - 1u32) >> s) - 1u32
            } else {
                x >> s
            }
        }
        Operator::BitOr => x | y,
        Operator::BitXor => x ^ y,
        Operator::BitAnd => x & y,
        Operator::MatMult => return None,
    }))
}

fn float_binop(op: Operator, x: f64, y: f64) -> Option<f64> {
    let r = match op {
        Operator::Add => x + y,
        Operator::Sub => x - y,
        Operator::Mult => x * y,
        Operator::Div => {
            if y == 0.0 {
                return None;
            }
            x / y
        }
        Operator::FloorDiv => float_divmod(x, y)?.0,
        Operator::Mod => float_divmod(x, y)?.1,
        Operator::Pow => {
            if x == 0.0 && y < 0.0 {
                return None;
            }
            if x < 0.0 && y.fract() != 0.0 {
                return None;
            }
            let r = x.powf(y);
            if !r.is_finite() && x.is_finite() && y.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    };
    Some(r)
}

fn subscript(v: &Constant, i: &Constant) -> Option<Constant> {
    let idx = match i {
        Constant::Int(n) => n.as_i64()?,
        Constant::Bool(b) => i64::from(*b),
        _ => return None,
    };
    let len = seq_len(v)? as i64;
    let k = if idx < 0 { idx + len } else { idx };
    if k < 0 || k >= len {
        return None;
    }
    let k = k as usize;
    Some(match v {
        Constant::Str(s) => Constant::Str(s.chars().nth(k)?.to_string().into()),
        Constant::Bytes(b) => Constant::Int(Int::Small(i64::from(b[k]))),
        Constant::Tuple(t) => t[k].clone(),
        _ => return None,
    })
}
