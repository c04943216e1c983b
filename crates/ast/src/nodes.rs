//! `mod` and the product types: `comprehension`, `excepthandler`, `arguments`, `arg`,
//! `keyword`, `alias`, `withitem`, `match_case`, `type_ignore`.

use crate::expr::Expr;
use crate::identifier::Identifier;
use crate::macros::node_struct;
use crate::pattern::Pattern;
use crate::range::TextRange;
use crate::stmt::Stmt;

/// A whole parse result (`mod` in `Python.asdl`); which variant depends on the mode.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Mod {
    /// `exec` mode: a file.
    Module(ModModule),
    /// `single` mode: one interactive statement.
    Interactive(ModInteractive),
    /// `eval` mode: one expression.
    Expression(ModExpression),
    /// `func_type` mode: a `(args) -> ret` signature type comment.
    FunctionType(ModFunctionType),
}

impl Mod {
    /// CPython's class name for this node.
    #[must_use]
    pub fn kind_name(&self) -> &'static str {
        match self {
            Self::Module(_) => "Module",
            Self::Interactive(_) => "Interactive",
            Self::Expression(_) => "Expression",
            Self::FunctionType(_) => "FunctionType",
        }
    }
}

node_struct! {
    /// `Module(stmt* body, type_ignore* type_ignores)`
    ModModule { body: Vec<Stmt>, type_ignores: Vec<TypeIgnore> }
}
node_struct! {
    /// `Interactive(stmt* body)`
    ModInteractive { body: Vec<Stmt> }
}
node_struct! {
    /// `Expression(expr body)`
    ModExpression { body: Box<Expr> }
}
node_struct! {
    /// `FunctionType(expr* argtypes, expr returns)`
    ModFunctionType { argtypes: Vec<Expr>, returns: Box<Expr> }
}

node_struct! {
    /// `comprehension(expr target, expr iter, expr* ifs, int is_async)`
    Comprehension { target: Expr, iter: Expr, ifs: Vec<Expr>, is_async: bool }
}
node_struct! {
    /// `ExceptHandler(expr? type, identifier? name, stmt* body)`, the only
    /// `excepthandler` constructor.
    ExceptHandler {
        range: TextRange,
        #[cfg_attr(feature = "serde", serde(rename = "type"))]
        type_: Option<Box<Expr>>,
        name: Option<Identifier>,
        body: Vec<Stmt>,
    }
}
node_struct! {
    /// `arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs,
    /// expr* kw_defaults, arg? kwarg, expr* defaults)`. `kw_defaults` has one entry
    /// per keyword-only argument (`None` when it has no default); `defaults` belong
    /// to the last positional parameters.
    #[derive(Default)]
    Arguments {
        posonlyargs: Vec<Arg>,
        args: Vec<Arg>,
        vararg: Option<Box<Arg>>,
        kwonlyargs: Vec<Arg>,
        kw_defaults: Vec<Option<Expr>>,
        kwarg: Option<Box<Arg>>,
        defaults: Vec<Expr>,
    }
}
impl Arguments {
    /// Every parameter in source order: positional-only, positional,
    /// `*args`, keyword-only, `**kwargs`.
    pub fn all(&self) -> impl Iterator<Item = &Arg> {
        self.posonlyargs
            .iter()
            .chain(&self.args)
            .chain(self.vararg.as_deref())
            .chain(&self.kwonlyargs)
            .chain(self.kwarg.as_deref())
    }
}
node_struct! {
    /// `arg(identifier arg, expr? annotation, string? type_comment)`
    Arg {
        range: TextRange,
        arg: Identifier,
        annotation: Option<Box<Expr>>,
        type_comment: Option<Box<str>>,
    }
}
node_struct! {
    /// `keyword(identifier? arg, expr value)`; `arg` is `None` for `**mapping`.
    Keyword { range: TextRange, arg: Option<Identifier>, value: Expr }
}
node_struct! {
    /// `alias(identifier name, identifier? asname)`; `name` may be dotted or `*`.
    Alias { range: TextRange, name: Identifier, asname: Option<Identifier> }
}
node_struct! {
    /// `withitem(expr context_expr, expr? optional_vars)`
    WithItem { context_expr: Expr, optional_vars: Option<Box<Expr>> }
}
node_struct! {
    /// `match_case(pattern pattern, expr? guard, stmt* body)`
    MatchCase { pattern: Pattern, guard: Option<Box<Expr>>, body: Vec<Stmt> }
}
node_struct! {
    /// `TypeIgnore(int lineno, string tag)`: a `# type: ignore<tag>` comment.
    TypeIgnore { lineno: u32, tag: Box<str> }
}

macro_rules! ranged {
    ($($ty:ty),*) => {
        $(impl crate::Ranged for $ty {
            fn range(&self) -> TextRange {
                self.range
            }
        })*
    };
}
ranged!(ExceptHandler, Arg, Keyword, Alias);
