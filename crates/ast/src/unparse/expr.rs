//! Expressions, f-strings and constants.

use super::precedence::{
    self as prec, Prec, AND, ATOM, AWAIT, CMP, EXPR, FACTOR, NAMED_EXPR, NOT, OR, TEST, TUPLE,
    YIELD,
};
use super::strings::{push_str, single_quoted_repr_body, str_literal_helper, ALL_QUOTES};
use super::{Result, UnparseError, Unparser};
use crate::{BoolOp, Comprehension, Constant, ConstantKind, Expr, ExprFormattedValue, UnaryOp};

/// `"1e" + repr(sys.float_info.max_10_exp + 1)`: what infinities unparse as.
const INFSTR: &str = "1e309";

impl Unparser<'_> {
    /// Unparses `e`, whose parent set its precedence to `p`.
    pub(super) fn expr(&mut self, e: &Expr, p: Prec) -> Result {
        // One small method per node keeps the recursive frame small (deep
        // operator chains recurse once per level).
        match e {
            Expr::BoolOp(b) => self.expr_bool_op(b, p),
            Expr::NamedExpr(n) => self.expr_named_expr(n, p),
            Expr::BinOp(b) => self.expr_bin_op(b, p),
            Expr::UnaryOp(n) => self.expr_unary_op(n, p),
            Expr::Lambda(l) => self.expr_lambda(l, p),
            Expr::IfExp(i) => self.expr_if_exp(i, p),
            Expr::Dict(d) => self.expr_dict(d),
            Expr::Set(s) => self.expr_set(s),
            Expr::ListComp(c) => self.expr_list_comp(c),
            Expr::SetComp(c) => self.expr_set_comp(c),
            Expr::GeneratorExp(c) => self.expr_generator_exp(c),
            Expr::DictComp(c) => self.expr_dict_comp(c),
            Expr::Await(a) => self.expr_await(a, p),
            Expr::Yield(y) => self.expr_yield(y, p),
            Expr::YieldFrom(y) => self.expr_yield_from(y, p),
            Expr::Compare(c) => self.expr_compare(c, p),
            Expr::Call(c) => self.expr_call(c),
            Expr::FormattedValue(f) => self.expr_formatted_value(f),
            Expr::JoinedStr(_) => self.joined_str(e),
            Expr::Constant(c) => self.expr_constant(c),
            Expr::Attribute(a) => self.expr_attribute(a),
            Expr::Subscript(s) => self.expr_subscript(s),
            Expr::Starred(s) => self.expr_starred(s),
            Expr::Name(n) => self.expr_name(n),
            Expr::List(l) => self.expr_list(l),
            Expr::Tuple(t) => self.expr_tuple(t, p),
            Expr::Slice(s) => self.expr_slice(s),
        }
    }

    fn expr_bool_op(&mut self, b: &crate::ExprBoolOp, p: Prec) -> Result {
        let op_prec = if b.op == BoolOp::And { AND } else { OR };
        let sep = format!(" {} ", b.op.symbol());
        self.require_parens(op_prec, p, |u| {
            // `increasing_level_traverse` raises the level for every operand.
            let mut level = op_prec;
            u.interleave(&sep, &b.values, |u, v| {
                level = prec::next(level);
                u.expr(v, level)
            })
        })
    }

    fn expr_named_expr(&mut self, n: &crate::ExprNamedExpr, p: Prec) -> Result {
        self.require_parens(NAMED_EXPR, p, |u| {
            u.expr(&n.target, ATOM)?;
            u.write(" := ");
            u.expr(&n.value, ATOM)
        })
    }

    fn expr_bin_op(&mut self, b: &crate::ExprBinOp, p: Prec) -> Result {
        let op_prec = prec::of_binop(b.op);
        self.require_parens(op_prec, p, |u| {
            let (left, right) = if b.op == crate::Operator::Pow {
                (prec::next(op_prec), op_prec)
            } else {
                (op_prec, prec::next(op_prec))
            };
            u.expr(&b.left, left)?;
            u.write(&format!(" {} ", b.op.symbol()));
            u.expr(&b.right, right)
        })
    }

    fn expr_unary_op(&mut self, n: &crate::ExprUnaryOp, p: Prec) -> Result {
        let op_prec = if n.op == UnaryOp::Not { NOT } else { FACTOR };
        self.require_parens(op_prec, p, |u| {
            u.write(n.op.symbol());
            if op_prec != FACTOR {
                u.write(" ");
            }
            u.expr(&n.operand, op_prec)
        })
    }

    fn expr_lambda(&mut self, l: &crate::ExprLambda, p: Prec) -> Result {
        self.require_parens(TEST, p, |u| {
            u.write("lambda");
            let (args, wrote) = u.buffered(|u| u.arguments(&l.args))?;
            if wrote {
                u.write(" ");
                u.write(&args);
            }
            u.write(": ");
            u.expr(&l.body, TEST)
        })
    }

    fn expr_if_exp(&mut self, i: &crate::ExprIfExp, p: Prec) -> Result {
        self.require_parens(TEST, p, |u| {
            u.expr(&i.body, prec::next(TEST))?;
            u.write(" if ");
            u.expr(&i.test, prec::next(TEST))?;
            u.write(" else ");
            u.expr(&i.orelse, TEST)
        })
    }

    fn expr_dict(&mut self, d: &crate::ExprDict) -> Result {
        self.write("{");
        self.interleave(", ", d.keys.iter().zip(&d.values), |u, (k, v)| match k {
            None => {
                u.write("**");
                u.expr(v, EXPR)
            }
            Some(k) => {
                u.expr(k, TEST)?;
                u.write(": ");
                u.expr(v, TEST)
            }
        })?;
        self.write("}");
        Ok(())
    }

    fn expr_set(&mut self, s: &crate::ExprSet) -> Result {
        if s.elts.is_empty() {
            self.write("{*()}");
            return Ok(());
        }
        self.write("{");
        self.interleave(", ", &s.elts, |u, e| u.expr(e, TEST))?;
        self.write("}");
        Ok(())
    }

    fn expr_list_comp(&mut self, c: &crate::ExprListComp) -> Result {
        self.comprehension_expr("[", "]", &c.elt, None, &c.generators)
    }

    fn expr_set_comp(&mut self, c: &crate::ExprSetComp) -> Result {
        self.comprehension_expr("{", "}", &c.elt, None, &c.generators)
    }

    fn expr_generator_exp(&mut self, c: &crate::ExprGeneratorExp) -> Result {
        self.comprehension_expr("(", ")", &c.elt, None, &c.generators)
    }

    fn expr_dict_comp(&mut self, c: &crate::ExprDictComp) -> Result {
        self.comprehension_expr("{", "}", &c.key, Some(&c.value), &c.generators)
    }

    fn expr_await(&mut self, a: &crate::ExprAwait, p: Prec) -> Result {
        self.require_parens(AWAIT, p, |u| {
            u.write("await ");
            u.expr(&a.value, ATOM)
        })
    }

    fn expr_yield(&mut self, y: &crate::ExprYield, p: Prec) -> Result {
        self.require_parens(YIELD, p, |u| {
            u.write("yield");
            if let Some(v) = &y.value {
                u.write(" ");
                u.expr(v, ATOM)?;
            }
            Ok(())
        })
    }

    fn expr_yield_from(&mut self, y: &crate::ExprYieldFrom, p: Prec) -> Result {
        self.require_parens(YIELD, p, |u| {
            u.write("yield from ");
            u.expr(&y.value, ATOM)
        })
    }

    fn expr_compare(&mut self, c: &crate::ExprCompare, p: Prec) -> Result {
        self.require_parens(CMP, p, |u| {
            u.expr(&c.left, prec::next(CMP))?;
            for (op, e) in c.ops.iter().zip(c.comparators.iter()) {
                u.write(&format!(" {} ", op.symbol()));
                u.expr(e, prec::next(CMP))?;
            }
            Ok(())
        })
    }

    fn expr_call(&mut self, c: &crate::ExprCall) -> Result {
        self.expr(&c.func, ATOM)?;
        self.write("(");
        self.interleave(", ", c.args.iter(), |u, e| u.expr(e, TEST))?;
        if !c.args.is_empty() && !c.keywords.is_empty() {
            self.write(", ");
        }
        self.interleave(", ", c.keywords.iter(), Self::keyword)?;
        self.write(")");
        Ok(())
    }

    fn expr_formatted_value(&mut self, f: &crate::ExprFormattedValue) -> Result {
        // Outside a JoinedStr (never made by the parser): lone surrogates
        // from a format spec cannot be written raw, so they become U+FFFD.
        let mut text = Vec::new();
        self.formatted_value(f, &mut text)?;
        let text: String = text
            .into_iter()
            .map(|cp| char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        self.write(&text);
        Ok(())
    }

    fn expr_constant(&mut self, c: &crate::ExprConstant) -> Result {
        match &c.value {
            Constant::Tuple(items) => {
                self.write("(");
                self.items_view(items, |u, v| {
                    u.write_constant(v);
                    Ok(())
                })?;
                self.write(")");
                Ok(())
            }
            Constant::Ellipsis => {
                self.write("...");
                Ok(())
            }
            value => {
                if c.kind == ConstantKind::U {
                    self.write("u");
                }
                self.write_constant(value);
                Ok(())
            }
        }
    }

    fn expr_attribute(&mut self, a: &crate::ExprAttribute) -> Result {
        self.expr(&a.value, ATOM)?;
        // `3.__abs__()` is a syntax error; `3 .__abs__()` is not.
        if let Expr::Constant(c) = &*a.value {
            if matches!(c.value, Constant::Int(_) | Constant::Bool(_)) {
                self.write(" ");
            }
        }
        self.write(".");
        self.write(&a.attr);
        Ok(())
    }

    fn expr_subscript(&mut self, s: &crate::ExprSubscript) -> Result {
        self.expr(&s.value, ATOM)?;
        self.write("[");
        match &*s.slice {
            Expr::Tuple(t) if !t.elts.is_empty() => {
                self.items_view(&t.elts, |u, e| u.expr(e, TEST))?;
            }
            slice => self.expr(slice, TEST)?,
        }
        self.write("]");
        Ok(())
    }

    fn expr_starred(&mut self, s: &crate::ExprStarred) -> Result {
        self.write("*");
        self.expr(&s.value, EXPR)
    }

    fn expr_name(&mut self, n: &crate::ExprName) -> Result {
        self.write(&n.id);
        Ok(())
    }

    fn expr_list(&mut self, l: &crate::ExprList) -> Result {
        self.write("[");
        self.interleave(", ", &l.elts, |u, e| u.expr(e, TEST))?;
        self.write("]");
        Ok(())
    }

    fn expr_tuple(&mut self, t: &crate::ExprTuple, p: Prec) -> Result {
        self.delimit_if(t.elts.is_empty() || p > TUPLE, |u| {
            u.items_view(&t.elts, |u, e| u.expr(e, TEST))
        })
    }

    fn expr_slice(&mut self, s: &crate::ExprSlice) -> Result {
        if let Some(lower) = &s.lower {
            self.expr(lower, TEST)?;
        }
        self.write(":");
        if let Some(upper) = &s.upper {
            self.expr(upper, TEST)?;
        }
        if let Some(step) = &s.step {
            self.write(":");
            self.expr(step, TEST)?;
        }
        Ok(())
    }

    /// `items_view`: a one-element sequence gets a trailing comma.
    pub(super) fn items_view<T>(
        &mut self,
        items: &[T],
        mut f: impl FnMut(&mut Self, &T) -> Result,
    ) -> Result {
        if let [only] = items {
            f(self, only)?;
            self.write(",");
            Ok(())
        } else {
            self.interleave(", ", items, f)
        }
    }

    fn comprehension_expr(
        &mut self,
        open: &str,
        close: &str,
        elt: &Expr,
        value: Option<&Expr>,
        generators: &[Comprehension],
    ) -> Result {
        self.write(open);
        self.expr(elt, TEST)?;
        if let Some(value) = value {
            self.write(": ");
            self.expr(value, TEST)?;
        }
        for g in generators {
            self.comprehension(g)?;
        }
        self.write(close);
        Ok(())
    }

    pub(super) fn comprehension(&mut self, c: &Comprehension) -> Result {
        self.write(if c.is_async { " async for " } else { " for " });
        self.expr(&c.target, TUPLE)?;
        self.write(" in ");
        self.expr(&c.iter, prec::next(TEST))?;
        for cond in &c.ifs {
            self.write(" if ");
            self.expr(cond, prec::next(TEST))?;
        }
        Ok(())
    }

    /// `_write_constant`: repr, with infinities and NaNs spelled as literals.
    pub(super) fn write_constant(&mut self, value: &Constant) {
        match value {
            Constant::Float(_) | Constant::Complex { .. } => {
                let mut repr = String::new();
                crate::dump::write_constant_repr(&mut repr, value);
                let repr = repr
                    .replace("inf", INFSTR)
                    .replace("nan", &format!("({INFSTR}-{INFSTR})"));
                self.write(&repr);
            }
            Constant::Str(_) | Constant::SurrogateStr(_) if self.avoid_backslashes => {
                let text = value.str_code_points().unwrap_or_default();
                self.write_str_avoiding_backslashes(&text, &ALL_QUOTES);
            }
            Constant::Ellipsis => self.write("Ellipsis"),
            _ => {
                let mut repr = String::new();
                crate::dump::write_constant_repr(&mut repr, value);
                self.write(&repr);
            }
        }
    }

    /// `_write_str_avoiding_backslashes`.
    pub(super) fn write_str_avoiding_backslashes(
        &mut self,
        string: &[u32],
        quote_types: &[&'static str],
    ) {
        let (body, quotes) = str_literal_helper(string, quote_types, false);
        let quote = quotes.first().copied().unwrap_or("'");
        self.write(quote);
        self.write(&body);
        self.write(quote);
    }

    fn joined_str(&mut self, node: &Expr) -> Result {
        self.write("f");
        let Expr::JoinedStr(js) = node else {
            return Ok(());
        };
        if self.avoid_backslashes {
            let mut text = Vec::new();
            self.fstring_inner(node, &mut text)?;
            self.write_str_avoiding_backslashes(&text, &ALL_QUOTES);
            return Ok(());
        }
        // Constant parts may use escapes such as `\n`; replacement fields may not.
        let mut parts = Vec::with_capacity(js.values.len());
        for value in &js.values {
            let mut text = Vec::new();
            self.fstring_inner(value, &mut text)?;
            parts.push((text, matches!(value, Expr::Constant(_))));
        }
        let mut quote_types: Vec<&'static str> = ALL_QUOTES.to_vec();
        let mut new_parts = Vec::with_capacity(parts.len());
        let mut fallback_to_repr = false;
        for (text, is_constant) in &parts {
            let (escaped, new_quote_types) = str_literal_helper(text, &quote_types, *is_constant);
            new_parts.push(escaped);
            if new_quote_types.iter().all(|q| !quote_types.contains(q)) {
                fallback_to_repr = true;
                break;
            }
            quote_types = new_quote_types;
        }
        if fallback_to_repr {
            quote_types = vec!["'''"];
            new_parts = parts
                .iter()
                .map(|(text, _)| single_quoted_repr_body(text))
                .collect();
        }
        let quote = quote_types.first().copied().unwrap_or("'");
        self.write(quote);
        self.write(&new_parts.concat());
        self.write(quote);
        Ok(())
    }

    /// `_write_fstring_inner`, into code points: constant parts may hold lone
    /// surrogates until `str_literal_helper` escapes them.
    fn fstring_inner(&mut self, node: &Expr, out: &mut Vec<u32>) -> Result {
        match node {
            Expr::JoinedStr(js) => js
                .values
                .iter()
                .try_for_each(|v| self.fstring_inner(v, out)),
            Expr::Constant(c) => {
                let Some(text) = c.value.str_code_points() else {
                    return Err(UnparseError::UnexpectedNodeInJoinedStr("Constant"));
                };
                for cp in text {
                    out.push(cp);
                    if cp == u32::from('{') || cp == u32::from('}') {
                        out.push(cp);
                    }
                }
                Ok(())
            }
            Expr::FormattedValue(f) => self.formatted_value(f, out),
            other => Err(UnparseError::UnexpectedNodeInJoinedStr(other.kind_name())),
        }
    }

    /// `visit_FormattedValue`, into code points.
    fn formatted_value(&mut self, f: &ExprFormattedValue, out: &mut Vec<u32>) -> Result {
        out.push(u32::from('{'));
        let mut inner = Unparser::new(true, None);
        inner.expr(&f.value, prec::next(TEST))?;
        let text = inner.out;
        if text.contains('\\') {
            return Err(UnparseError::BackslashInFString);
        }
        if text.starts_with('{') {
            // Keep `{ {` apart so it does not read as an escaped brace.
            out.push(u32::from(' '));
        }
        push_str(out, &text);
        if let Some(c) = f.conversion.letter() {
            out.push(u32::from('!'));
            out.push(u32::from(c));
        }
        if let Some(spec) = &f.format_spec {
            out.push(u32::from(':'));
            self.fstring_inner(spec, out)?;
        }
        out.push(u32::from('}'));
        Ok(())
    }
}
