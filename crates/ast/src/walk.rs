//! The traversal shared by [`Visitor`](crate::visitor::Visitor) (shared references)
//! and [`Transformer`](crate::transformer::Transformer) (mutable references).
//!
//! Written once as a macro so both walk every child in CPython's field order
//! (the order of `ast.iter_child_nodes`).

macro_rules! define_walkers {
    (
        trait = [$($bound:tt)*],
        lt = [$($lt:lifetime)?],
        m = [$($m:tt)?],
        body = $body:ty
    ) => {
        /// Visits the children of a `mod` node.
        pub fn walk_mod<$($lt,)? V: $($bound)* + ?Sized>(v: &mut V, node: &$($lt)? $($m)? Mod) {
            match node {
                Mod::Module(n) => {
                    v.visit_body(&$($m)? n.body);
                    for t in &$($m)? n.type_ignores {
                        v.visit_type_ignore(t);
                    }
                }
                Mod::Interactive(n) => v.visit_body(&$($m)? n.body),
                Mod::Expression(n) => v.visit_expr(&$($m)? n.body),
                Mod::FunctionType(n) => {
                    for e in &$($m)? n.argtypes {
                        v.visit_expr(e);
                    }
                    v.visit_expr(&$($m)? n.returns);
                }
            }
        }

        /// Visits every statement of a body in order.
        pub fn walk_body<$($lt,)? V: $($bound)* + ?Sized>(v: &mut V, body: $body) {
            for s in body {
                v.visit_stmt(s);
            }
        }

        /// Visits the children of a statement.
        pub fn walk_stmt<$($lt,)? V: $($bound)* + ?Sized>(v: &mut V, stmt: &$($lt)? $($m)? Stmt) {
            match stmt {
                Stmt::FunctionDef(n) | Stmt::AsyncFunctionDef(n) => {
                    v.visit_arguments(&$($m)? n.args);
                    v.visit_body(&$($m)? n.body);
                    for e in &$($m)? n.decorator_list {
                        v.visit_expr(e);
                    }
                    if let Some(e) = &$($m)? n.returns {
                        v.visit_expr(e);
                    }
                }
                Stmt::ClassDef(n) => {
                    for e in &$($m)? *n.bases {
                        v.visit_expr(e);
                    }
                    for k in &$($m)? *n.keywords {
                        v.visit_keyword(k);
                    }
                    v.visit_body(&$($m)? n.body);
                    for e in &$($m)? n.decorator_list {
                        v.visit_expr(e);
                    }
                }
                Stmt::Return(n) => {
                    if let Some(e) = &$($m)? n.value {
                        v.visit_expr(e);
                    }
                }
                Stmt::Delete(n) => {
                    for e in &$($m)? n.targets {
                        v.visit_expr(e);
                    }
                }
                Stmt::Assign(n) => {
                    for e in &$($m)? n.targets {
                        v.visit_expr(e);
                    }
                    v.visit_expr(&$($m)? n.value);
                }
                Stmt::AugAssign(n) => {
                    v.visit_expr(&$($m)? n.target);
                    v.visit_operator(&$($m)? n.op);
                    v.visit_expr(&$($m)? n.value);
                }
                Stmt::AnnAssign(n) => {
                    v.visit_expr(&$($m)? n.target);
                    v.visit_expr(&$($m)? n.annotation);
                    if let Some(e) = &$($m)? n.value {
                        v.visit_expr(e);
                    }
                }
                Stmt::For(n) | Stmt::AsyncFor(n) => {
                    v.visit_expr(&$($m)? n.target);
                    v.visit_expr(&$($m)? n.iter);
                    v.visit_body(&$($m)? n.body);
                    v.visit_body(&$($m)? n.orelse);
                }
                Stmt::While(n) => {
                    v.visit_expr(&$($m)? n.test);
                    v.visit_body(&$($m)? n.body);
                    v.visit_body(&$($m)? n.orelse);
                }
                Stmt::If(n) => {
                    v.visit_expr(&$($m)? n.test);
                    v.visit_body(&$($m)? n.body);
                    v.visit_body(&$($m)? n.orelse);
                }
                Stmt::With(n) | Stmt::AsyncWith(n) => {
                    for i in &$($m)? n.items {
                        v.visit_withitem(i);
                    }
                    v.visit_body(&$($m)? n.body);
                }
                Stmt::Match(n) => {
                    v.visit_expr(&$($m)? n.subject);
                    for c in &$($m)? n.cases {
                        v.visit_match_case(c);
                    }
                }
                Stmt::Raise(n) => {
                    if let Some(e) = &$($m)? n.exc {
                        v.visit_expr(e);
                    }
                    if let Some(e) = &$($m)? n.cause {
                        v.visit_expr(e);
                    }
                }
                Stmt::Try(n) | Stmt::TryStar(n) => {
                    v.visit_body(&$($m)? n.body);
                    for h in &$($m)? n.handlers {
                        v.visit_excepthandler(h);
                    }
                    v.visit_body(&$($m)? n.orelse);
                    v.visit_body(&$($m)? n.finalbody);
                }
                Stmt::Assert(n) => {
                    v.visit_expr(&$($m)? n.test);
                    if let Some(e) = &$($m)? n.msg {
                        v.visit_expr(e);
                    }
                }
                Stmt::Import(n) => {
                    for a in &$($m)? n.names {
                        v.visit_alias(a);
                    }
                }
                Stmt::ImportFrom(n) => {
                    for a in &$($m)? n.names {
                        v.visit_alias(a);
                    }
                }
                Stmt::Expr(n) => v.visit_expr(&$($m)? n.value),
                Stmt::Global(_)
                | Stmt::Nonlocal(_)
                | Stmt::Pass(_)
                | Stmt::Break(_)
                | Stmt::Continue(_) => {}
            }
        }

        /// Visits the children of an expression.
        pub fn walk_expr<$($lt,)? V: $($bound)* + ?Sized>(v: &mut V, expr: &$($lt)? $($m)? Expr) {
            match expr {
                Expr::BoolOp(n) => {
                    v.visit_boolop(&$($m)? n.op);
                    for e in &$($m)? n.values {
                        v.visit_expr(e);
                    }
                }
                Expr::NamedExpr(n) => {
                    v.visit_expr(&$($m)? n.target);
                    v.visit_expr(&$($m)? n.value);
                }
                Expr::BinOp(n) => {
                    v.visit_expr(&$($m)? n.left);
                    v.visit_operator(&$($m)? n.op);
                    v.visit_expr(&$($m)? n.right);
                }
                Expr::UnaryOp(n) => {
                    v.visit_unaryop(&$($m)? n.op);
                    v.visit_expr(&$($m)? n.operand);
                }
                Expr::Lambda(n) => {
                    v.visit_arguments(&$($m)? n.args);
                    v.visit_expr(&$($m)? n.body);
                }
                Expr::IfExp(n) => {
                    v.visit_expr(&$($m)? n.test);
                    v.visit_expr(&$($m)? n.body);
                    v.visit_expr(&$($m)? n.orelse);
                }
                Expr::Dict(n) => {
                    for e in (&$($m)? n.keys).into_iter().flatten() {
                        v.visit_expr(e);
                    }
                    for e in &$($m)? n.values {
                        v.visit_expr(e);
                    }
                }
                Expr::Set(n) => {
                    for e in &$($m)? n.elts {
                        v.visit_expr(e);
                    }
                }
                Expr::ListComp(n) => {
                    v.visit_expr(&$($m)? n.elt);
                    for c in &$($m)? n.generators {
                        v.visit_comprehension(c);
                    }
                }
                Expr::SetComp(n) => {
                    v.visit_expr(&$($m)? n.elt);
                    for c in &$($m)? n.generators {
                        v.visit_comprehension(c);
                    }
                }
                Expr::GeneratorExp(n) => {
                    v.visit_expr(&$($m)? n.elt);
                    for c in &$($m)? n.generators {
                        v.visit_comprehension(c);
                    }
                }
                Expr::DictComp(n) => {
                    v.visit_expr(&$($m)? n.key);
                    v.visit_expr(&$($m)? n.value);
                    for c in &$($m)? n.generators {
                        v.visit_comprehension(c);
                    }
                }
                Expr::Await(n) => v.visit_expr(&$($m)? n.value),
                Expr::Yield(n) => {
                    if let Some(e) = &$($m)? n.value {
                        v.visit_expr(e);
                    }
                }
                Expr::YieldFrom(n) => v.visit_expr(&$($m)? n.value),
                Expr::Compare(n) => {
                    v.visit_expr(&$($m)? n.left);
                    for op in &$($m)? *n.ops {
                        v.visit_cmpop(op);
                    }
                    for e in &$($m)? *n.comparators {
                        v.visit_expr(e);
                    }
                }
                Expr::Call(n) => {
                    v.visit_expr(&$($m)? n.func);
                    for e in &$($m)? *n.args {
                        v.visit_expr(e);
                    }
                    for k in &$($m)? *n.keywords {
                        v.visit_keyword(k);
                    }
                }
                Expr::FormattedValue(n) => {
                    v.visit_expr(&$($m)? n.value);
                    if let Some(e) = &$($m)? n.format_spec {
                        v.visit_expr(e);
                    }
                }
                Expr::JoinedStr(n) => {
                    for e in &$($m)? n.values {
                        v.visit_expr(e);
                    }
                }
                Expr::Constant(n) => v.visit_constant(&$($m)? n.value),
                Expr::Attribute(n) => {
                    v.visit_expr(&$($m)? n.value);
                    v.visit_expr_context(&$($m)? n.ctx);
                }
                Expr::Subscript(n) => {
                    v.visit_expr(&$($m)? n.value);
                    v.visit_expr(&$($m)? n.slice);
                    v.visit_expr_context(&$($m)? n.ctx);
                }
                Expr::Starred(n) => {
                    v.visit_expr(&$($m)? n.value);
                    v.visit_expr_context(&$($m)? n.ctx);
                }
                Expr::Name(n) => v.visit_expr_context(&$($m)? n.ctx),
                Expr::List(n) => {
                    for e in &$($m)? n.elts {
                        v.visit_expr(e);
                    }
                    v.visit_expr_context(&$($m)? n.ctx);
                }
                Expr::Tuple(n) => {
                    for e in &$($m)? n.elts {
                        v.visit_expr(e);
                    }
                    v.visit_expr_context(&$($m)? n.ctx);
                }
                Expr::Slice(n) => {
                    if let Some(e) = &$($m)? n.lower {
                        v.visit_expr(e);
                    }
                    if let Some(e) = &$($m)? n.upper {
                        v.visit_expr(e);
                    }
                    if let Some(e) = &$($m)? n.step {
                        v.visit_expr(e);
                    }
                }
            }
        }

        /// Visits the children of a pattern.
        pub fn walk_pattern<$($lt,)? V: $($bound)* + ?Sized>(v: &mut V, pattern: &$($lt)? $($m)? Pattern) {
            match pattern {
                Pattern::MatchValue(n) => v.visit_expr(&$($m)? n.value),
                Pattern::MatchSingleton(n) => v.visit_constant(&$($m)? n.value),
                Pattern::MatchSequence(n) => {
                    for p in &$($m)? n.patterns {
                        v.visit_pattern(p);
                    }
                }
                Pattern::MatchMapping(n) => {
                    for e in &$($m)? n.keys {
                        v.visit_expr(e);
                    }
                    for p in &$($m)? n.patterns {
                        v.visit_pattern(p);
                    }
                }
                Pattern::MatchClass(n) => {
                    v.visit_expr(&$($m)? n.cls);
                    for p in &$($m)? n.patterns {
                        v.visit_pattern(p);
                    }
                    for p in &$($m)? n.kwd_patterns {
                        v.visit_pattern(p);
                    }
                }
                Pattern::MatchStar(_) => {}
                Pattern::MatchAs(n) => {
                    if let Some(p) = &$($m)? n.pattern {
                        v.visit_pattern(p);
                    }
                }
                Pattern::MatchOr(n) => {
                    for p in &$($m)? n.patterns {
                        v.visit_pattern(p);
                    }
                }
            }
        }

        /// Visits the children of a `comprehension`.
        pub fn walk_comprehension<$($lt,)? V: $($bound)* + ?Sized>(v: &mut V, node: &$($lt)? $($m)? Comprehension) {
            v.visit_expr(&$($m)? node.target);
            v.visit_expr(&$($m)? node.iter);
            for e in &$($m)? node.ifs {
                v.visit_expr(e);
            }
        }

        /// Visits the children of an `ExceptHandler`.
        pub fn walk_excepthandler<$($lt,)? V: $($bound)* + ?Sized>(v: &mut V, node: &$($lt)? $($m)? ExceptHandler) {
            if let Some(e) = &$($m)? node.type_ {
                v.visit_expr(e);
            }
            v.visit_body(&$($m)? node.body);
        }

        /// Visits the children of `arguments`.
        pub fn walk_arguments<$($lt,)? V: $($bound)* + ?Sized>(v: &mut V, node: &$($lt)? $($m)? Arguments) {
            for a in &$($m)? node.posonlyargs {
                v.visit_arg(a);
            }
            for a in &$($m)? node.args {
                v.visit_arg(a);
            }
            if let Some(a) = &$($m)? node.vararg {
                v.visit_arg(a);
            }
            for a in &$($m)? node.kwonlyargs {
                v.visit_arg(a);
            }
            for e in (&$($m)? node.kw_defaults).into_iter().flatten() {
                v.visit_expr(e);
            }
            if let Some(a) = &$($m)? node.kwarg {
                v.visit_arg(a);
            }
            for e in &$($m)? node.defaults {
                v.visit_expr(e);
            }
        }

        /// Visits the children of an `arg`.
        pub fn walk_arg<$($lt,)? V: $($bound)* + ?Sized>(v: &mut V, node: &$($lt)? $($m)? Arg) {
            if let Some(e) = &$($m)? node.annotation {
                v.visit_expr(e);
            }
        }

        /// Visits the children of a `keyword`.
        pub fn walk_keyword<$($lt,)? V: $($bound)* + ?Sized>(v: &mut V, node: &$($lt)? $($m)? Keyword) {
            v.visit_expr(&$($m)? node.value);
        }

        /// Visits the children of a `withitem`.
        pub fn walk_withitem<$($lt,)? V: $($bound)* + ?Sized>(v: &mut V, node: &$($lt)? $($m)? WithItem) {
            v.visit_expr(&$($m)? node.context_expr);
            if let Some(e) = &$($m)? node.optional_vars {
                v.visit_expr(e);
            }
        }

        /// Visits the children of a `match_case`.
        pub fn walk_match_case<$($lt,)? V: $($bound)* + ?Sized>(v: &mut V, node: &$($lt)? $($m)? MatchCase) {
            v.visit_pattern(&$($m)? node.pattern);
            if let Some(e) = &$($m)? node.guard {
                v.visit_expr(e);
            }
            v.visit_body(&$($m)? node.body);
        }
    };
}

pub(crate) use define_walkers;
