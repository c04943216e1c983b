//! `DumpValue` for every node type: fields in CPython's order, optional ones via `opt`.

use super::{DumpNode, NodeFmt};
use crate::range::TextRange;
use crate::{
    Alias, Arg, Arguments, Comprehension, ConstantKind, ExceptHandler, Expr, Keyword, MatchCase,
    Mod, Pattern, Stmt, TypeIgnore, WithItem,
};

impl DumpNode for Mod {
    fn fields(&self, n: &mut NodeFmt<'_, '_, '_>) -> (&'static str, Option<TextRange>) {
        match self {
            Self::Module(m) => n
                .field("body", &m.body)
                .field("type_ignores", &m.type_ignores),
            Self::Interactive(m) => n.field("body", &m.body),
            Self::Expression(m) => n.field("body", &m.body),
            Self::FunctionType(m) => n
                .field("argtypes", &m.argtypes)
                .field("returns", &m.returns),
        };
        (self.kind_name(), None)
    }
}

impl DumpNode for Stmt {
    fn fields(&self, n: &mut NodeFmt<'_, '_, '_>) -> (&'static str, Option<TextRange>) {
        let range = match self {
            Self::FunctionDef(s) | Self::AsyncFunctionDef(s) => {
                n.field("name", &s.name)
                    .field("args", &s.args)
                    .field("body", &s.body)
                    .field("decorator_list", &s.decorator_list)
                    .opt("returns", s.returns.as_ref())
                    .opt("type_comment", s.type_comment.as_ref());
                s.range
            }
            Self::ClassDef(s) => {
                n.field("name", &s.name)
                    .field("bases", &s.bases)
                    .field("keywords", &s.keywords)
                    .field("body", &s.body)
                    .field("decorator_list", &s.decorator_list);
                s.range
            }
            Self::Return(s) => {
                n.opt("value", s.value.as_ref());
                s.range
            }
            Self::Delete(s) => {
                n.field("targets", &s.targets);
                s.range
            }
            Self::Assign(s) => {
                n.field("targets", &s.targets)
                    .field("value", &s.value)
                    .opt("type_comment", s.type_comment.as_ref());
                s.range
            }
            Self::AugAssign(s) => {
                n.field("target", &s.target)
                    .field("op", &s.op)
                    .field("value", &s.value);
                s.range
            }
            Self::AnnAssign(s) => {
                n.field("target", &s.target)
                    .field("annotation", &s.annotation)
                    .opt("value", s.value.as_ref())
                    .field("simple", &s.simple);
                s.range
            }
            Self::For(s) | Self::AsyncFor(s) => {
                n.field("target", &s.target)
                    .field("iter", &s.iter)
                    .field("body", &s.body)
                    .field("orelse", &s.orelse)
                    .opt("type_comment", s.type_comment.as_ref());
                s.range
            }
            Self::While(s) => {
                n.field("test", &s.test)
                    .field("body", &s.body)
                    .field("orelse", &s.orelse);
                s.range
            }
            Self::If(s) => {
                n.field("test", &s.test)
                    .field("body", &s.body)
                    .field("orelse", &s.orelse);
                s.range
            }
            Self::With(s) | Self::AsyncWith(s) => {
                n.field("items", &s.items)
                    .field("body", &s.body)
                    .opt("type_comment", s.type_comment.as_ref());
                s.range
            }
            Self::Match(s) => {
                n.field("subject", &s.subject).field("cases", &s.cases);
                s.range
            }
            Self::Raise(s) => {
                n.opt("exc", s.exc.as_ref()).opt("cause", s.cause.as_ref());
                s.range
            }
            Self::Try(s) | Self::TryStar(s) => {
                n.field("body", &s.body)
                    .field("handlers", &s.handlers)
                    .field("orelse", &s.orelse)
                    .field("finalbody", &s.finalbody);
                s.range
            }
            Self::Assert(s) => {
                n.field("test", &s.test).opt("msg", s.msg.as_ref());
                s.range
            }
            Self::Import(s) => {
                n.field("names", &s.names);
                s.range
            }
            Self::ImportFrom(s) => {
                n.opt("module", s.module.as_ref())
                    .field("names", &s.names)
                    .field("level", &s.level);
                s.range
            }
            Self::Global(s) => {
                n.field("names", &s.names);
                s.range
            }
            Self::Nonlocal(s) => {
                n.field("names", &s.names);
                s.range
            }
            Self::Expr(s) => {
                n.field("value", &s.value);
                s.range
            }
            Self::Pass(s) => s.range,
            Self::Break(s) => s.range,
            Self::Continue(s) => s.range,
        };
        (self.kind_name(), Some(range))
    }
}

impl DumpNode for Expr {
    fn fields(&self, n: &mut NodeFmt<'_, '_, '_>) -> (&'static str, Option<TextRange>) {
        let range = match self {
            Self::BoolOp(e) => {
                n.field("op", &e.op).field("values", &e.values);
                e.range
            }
            Self::NamedExpr(e) => {
                n.field("target", &e.target).field("value", &e.value);
                e.range
            }
            Self::BinOp(e) => {
                n.field("left", &e.left)
                    .field("op", &e.op)
                    .field("right", &e.right);
                e.range
            }
            Self::UnaryOp(e) => {
                n.field("op", &e.op).field("operand", &e.operand);
                e.range
            }
            Self::Lambda(e) => {
                n.field("args", &e.args).field("body", &e.body);
                e.range
            }
            Self::IfExp(e) => {
                n.field("test", &e.test)
                    .field("body", &e.body)
                    .field("orelse", &e.orelse);
                e.range
            }
            Self::Dict(e) => {
                n.field("keys", &e.keys).field("values", &e.values);
                e.range
            }
            Self::Set(e) => {
                n.field("elts", &e.elts);
                e.range
            }
            Self::ListComp(e) => {
                n.field("elt", &e.elt).field("generators", &e.generators);
                e.range
            }
            Self::SetComp(e) => {
                n.field("elt", &e.elt).field("generators", &e.generators);
                e.range
            }
            Self::DictComp(e) => {
                n.field("key", &e.key)
                    .field("value", &e.value)
                    .field("generators", &e.generators);
                e.range
            }
            Self::GeneratorExp(e) => {
                n.field("elt", &e.elt).field("generators", &e.generators);
                e.range
            }
            Self::Await(e) => {
                n.field("value", &e.value);
                e.range
            }
            Self::Yield(e) => {
                n.opt("value", e.value.as_ref());
                e.range
            }
            Self::YieldFrom(e) => {
                n.field("value", &e.value);
                e.range
            }
            Self::Compare(e) => {
                n.field("left", &e.left)
                    .field("ops", &e.ops)
                    .field("comparators", &e.comparators);
                e.range
            }
            Self::Call(e) => {
                n.field("func", &e.func)
                    .field("args", &e.args)
                    .field("keywords", &e.keywords);
                e.range
            }
            Self::FormattedValue(e) => {
                n.field("value", &e.value)
                    .field("conversion", &e.conversion)
                    .opt("format_spec", e.format_spec.as_ref());
                e.range
            }
            Self::JoinedStr(e) => {
                n.field("values", &e.values);
                e.range
            }
            Self::Constant(e) => {
                n.field("value", &e.value);
                n.opt("kind", (e.kind == ConstantKind::U).then_some(&e.kind));
                e.range
            }
            Self::Attribute(e) => {
                n.field("value", &e.value)
                    .field("attr", &e.attr)
                    .field("ctx", &e.ctx);
                e.range
            }
            Self::Subscript(e) => {
                n.field("value", &e.value)
                    .field("slice", &e.slice)
                    .field("ctx", &e.ctx);
                e.range
            }
            Self::Starred(e) => {
                n.field("value", &e.value).field("ctx", &e.ctx);
                e.range
            }
            Self::Name(e) => {
                n.field("id", &*e.id).field("ctx", &e.ctx);
                e.range
            }
            Self::List(e) => {
                n.field("elts", &e.elts).field("ctx", &e.ctx);
                e.range
            }
            Self::Tuple(e) => {
                n.field("elts", &e.elts).field("ctx", &e.ctx);
                e.range
            }
            Self::Slice(e) => {
                n.opt("lower", e.lower.as_ref())
                    .opt("upper", e.upper.as_ref())
                    .opt("step", e.step.as_ref());
                e.range
            }
        };
        (self.kind_name(), Some(range))
    }
}

impl DumpNode for Pattern {
    fn fields(&self, n: &mut NodeFmt<'_, '_, '_>) -> (&'static str, Option<TextRange>) {
        let range = match self {
            Self::MatchValue(p) => {
                n.field("value", &p.value);
                p.range
            }
            Self::MatchSingleton(p) => {
                n.field("value", &p.value);
                p.range
            }
            Self::MatchSequence(p) => {
                n.field("patterns", &p.patterns);
                p.range
            }
            Self::MatchMapping(p) => {
                n.field("keys", &p.keys)
                    .field("patterns", &p.patterns)
                    .opt("rest", p.rest.as_ref());
                p.range
            }
            Self::MatchClass(p) => {
                n.field("cls", &p.cls)
                    .field("patterns", &p.patterns)
                    .field("kwd_attrs", &p.kwd_attrs)
                    .field("kwd_patterns", &p.kwd_patterns);
                p.range
            }
            Self::MatchStar(p) => {
                n.opt("name", p.name.as_ref());
                p.range
            }
            Self::MatchAs(p) => {
                n.opt("pattern", p.pattern.as_ref())
                    .opt("name", p.name.as_ref());
                p.range
            }
            Self::MatchOr(p) => {
                n.field("patterns", &p.patterns);
                p.range
            }
        };
        (self.kind_name(), Some(range))
    }
}

impl DumpNode for Comprehension {
    fn fields(&self, n: &mut NodeFmt<'_, '_, '_>) -> (&'static str, Option<TextRange>) {
        n.field("target", &self.target)
            .field("iter", &self.iter)
            .field("ifs", &self.ifs)
            .field("is_async", &self.is_async);
        ("comprehension", None)
    }
}

impl DumpNode for ExceptHandler {
    fn fields(&self, n: &mut NodeFmt<'_, '_, '_>) -> (&'static str, Option<TextRange>) {
        n.opt("type", self.type_.as_ref())
            .opt("name", self.name.as_ref())
            .field("body", &self.body);
        ("ExceptHandler", Some(self.range))
    }
}

impl DumpNode for Arguments {
    fn fields(&self, n: &mut NodeFmt<'_, '_, '_>) -> (&'static str, Option<TextRange>) {
        n.field("posonlyargs", &self.posonlyargs)
            .field("args", &self.args)
            .opt("vararg", self.vararg.as_ref())
            .field("kwonlyargs", &self.kwonlyargs)
            .field("kw_defaults", &self.kw_defaults)
            .opt("kwarg", self.kwarg.as_ref())
            .field("defaults", &self.defaults);
        ("arguments", None)
    }
}

impl DumpNode for Arg {
    fn fields(&self, n: &mut NodeFmt<'_, '_, '_>) -> (&'static str, Option<TextRange>) {
        n.field("arg", &self.arg)
            .opt("annotation", self.annotation.as_ref())
            .opt("type_comment", self.type_comment.as_ref());
        ("arg", Some(self.range))
    }
}

impl DumpNode for Keyword {
    fn fields(&self, n: &mut NodeFmt<'_, '_, '_>) -> (&'static str, Option<TextRange>) {
        n.opt("arg", self.arg.as_ref()).field("value", &self.value);
        ("keyword", Some(self.range))
    }
}

impl DumpNode for Alias {
    fn fields(&self, n: &mut NodeFmt<'_, '_, '_>) -> (&'static str, Option<TextRange>) {
        n.field("name", &self.name)
            .opt("asname", self.asname.as_ref());
        ("alias", Some(self.range))
    }
}

impl DumpNode for WithItem {
    fn fields(&self, n: &mut NodeFmt<'_, '_, '_>) -> (&'static str, Option<TextRange>) {
        n.field("context_expr", &self.context_expr)
            .opt("optional_vars", self.optional_vars.as_ref());
        ("withitem", None)
    }
}

impl DumpNode for MatchCase {
    fn fields(&self, n: &mut NodeFmt<'_, '_, '_>) -> (&'static str, Option<TextRange>) {
        n.field("pattern", &self.pattern)
            .opt("guard", self.guard.as_ref())
            .field("body", &self.body);
        ("match_case", None)
    }
}

impl DumpNode for TypeIgnore {
    fn fields(&self, n: &mut NodeFmt<'_, '_, '_>) -> (&'static str, Option<TextRange>) {
        n.field("lineno", &self.lineno).field("tag", &*self.tag);
        ("TypeIgnore", None)
    }
}
