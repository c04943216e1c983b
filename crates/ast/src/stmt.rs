//! `stmt` nodes.
//!
//! The `async` twins (`AsyncFunctionDef`, `AsyncFor`, `AsyncWith`) and `TryStar`
//! share their struct with the plain form; the variant tells them apart.

use crate::expr::Expr;
use crate::identifier::Identifier;
use crate::macros::{node_enum, node_struct};
use crate::nodes::{Alias, Arguments, ExceptHandler, Keyword, MatchCase, WithItem};
use crate::operators::Operator;
use crate::range::TextRange;

node_enum! {
    /// A statement (`stmt` in `Python.asdl`), one variant per CPython class.
    Stmt as "stmt" {
        /// `def f(): ...`
        FunctionDef(StmtFunctionDef),
        /// `async def f(): ...`
        AsyncFunctionDef(StmtFunctionDef),
        /// `class C: ...`
        ClassDef(StmtClassDef),
        /// `return x`
        Return(StmtReturn),
        /// `del a, b`
        Delete(StmtDelete),
        /// `a = b = c`
        Assign(StmtAssign),
        /// `a += b`
        AugAssign(StmtAugAssign),
        /// `a: int = b`
        AnnAssign(StmtAnnAssign),
        /// `for a in b: ...`
        For(StmtFor),
        /// `async for a in b: ...`
        AsyncFor(StmtFor),
        /// `while t: ...`
        While(StmtWhile),
        /// `if t: ... elif ...: ... else: ...`
        If(StmtIf),
        /// `with a as b: ...`
        With(StmtWith),
        /// `async with a as b: ...`
        AsyncWith(StmtWith),
        /// `match s: case ...: ...`
        Match(StmtMatch),
        /// `raise e from c`
        Raise(StmtRaise),
        /// `try: ... except E: ...`
        Try(StmtTry),
        /// `try: ... except* E: ...`
        TryStar(StmtTry),
        /// `assert t, msg`
        Assert(StmtAssert),
        /// `import a.b as c`
        Import(StmtImport),
        /// `from .a import b`
        ImportFrom(StmtImportFrom),
        /// `global a, b`
        Global(StmtGlobal),
        /// `nonlocal a, b`
        Nonlocal(StmtNonlocal),
        /// An expression statement.
        Expr(StmtExpr),
        /// `pass`
        Pass(StmtPass),
        /// `break`
        Break(StmtBreak),
        /// `continue`
        Continue(StmtContinue),
    }
}

node_struct! {
    /// `FunctionDef` / `AsyncFunctionDef(identifier name, arguments args, stmt* body,
    /// expr* decorator_list, expr? returns, string? type_comment)`
    StmtFunctionDef {
        range: TextRange,
        name: Identifier,
        args: Box<Arguments>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
        returns: Option<Box<Expr>>,
        type_comment: Option<Box<str>>,
    }
}
node_struct! {
    /// `ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body,
    /// expr* decorator_list)`. Bases and keywords are boxed slices, as in `Call`.
    StmtClassDef {
        range: TextRange,
        name: Identifier,
        bases: Box<[Expr]>,
        keywords: Box<[Keyword]>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
    }
}
node_struct! {
    /// `Return(expr? value)`
    StmtReturn { range: TextRange, value: Option<Box<Expr>> }
}
node_struct! {
    /// `Delete(expr* targets)`
    StmtDelete { range: TextRange, targets: Vec<Expr> }
}
node_struct! {
    /// `Assign(expr* targets, expr value, string? type_comment)`
    StmtAssign {
        range: TextRange,
        targets: Vec<Expr>,
        value: Box<Expr>,
        type_comment: Option<Box<str>>,
    }
}
node_struct! {
    /// `AugAssign(expr target, operator op, expr value)`
    StmtAugAssign { range: TextRange, target: Box<Expr>, op: Operator, value: Box<Expr> }
}
node_struct! {
    /// `AnnAssign(expr target, expr annotation, expr? value, int simple)`
    StmtAnnAssign {
        range: TextRange,
        target: Box<Expr>,
        annotation: Box<Expr>,
        value: Option<Box<Expr>>,
        simple: bool,
    }
}
node_struct! {
    /// `For` / `AsyncFor(expr target, expr iter, stmt* body, stmt* orelse,
    /// string? type_comment)`
    StmtFor {
        range: TextRange,
        target: Box<Expr>,
        iter: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        type_comment: Option<Box<str>>,
    }
}
node_struct! {
    /// `While(expr test, stmt* body, stmt* orelse)`
    StmtWhile { range: TextRange, test: Box<Expr>, body: Vec<Stmt>, orelse: Vec<Stmt> }
}
node_struct! {
    /// `If(expr test, stmt* body, stmt* orelse)`; `elif` is a nested `If` in `orelse`.
    StmtIf { range: TextRange, test: Box<Expr>, body: Vec<Stmt>, orelse: Vec<Stmt> }
}
node_struct! {
    /// `With` / `AsyncWith(withitem* items, stmt* body, string? type_comment)`
    StmtWith {
        range: TextRange,
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        type_comment: Option<Box<str>>,
    }
}
node_struct! {
    /// `Match(expr subject, match_case* cases)`
    StmtMatch { range: TextRange, subject: Box<Expr>, cases: Vec<MatchCase> }
}
node_struct! {
    /// `Raise(expr? exc, expr? cause)`
    StmtRaise { range: TextRange, exc: Option<Box<Expr>>, cause: Option<Box<Expr>> }
}
node_struct! {
    /// `Try` / `TryStar(stmt* body, excepthandler* handlers, stmt* orelse,
    /// stmt* finalbody)`
    StmtTry {
        range: TextRange,
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    }
}
node_struct! {
    /// `Assert(expr test, expr? msg)`
    StmtAssert { range: TextRange, test: Box<Expr>, msg: Option<Box<Expr>> }
}
node_struct! {
    /// `Import(alias* names)`
    StmtImport { range: TextRange, names: Vec<Alias> }
}
node_struct! {
    /// `ImportFrom(identifier? module, alias* names, int? level)`; the parser
    /// always sets `level` (0 for absolute imports).
    StmtImportFrom {
        range: TextRange,
        module: Option<Identifier>,
        names: Vec<Alias>,
        level: u32,
    }
}
node_struct! {
    /// `Global(identifier* names)`
    StmtGlobal { range: TextRange, names: Vec<Identifier> }
}
node_struct! {
    /// `Nonlocal(identifier* names)`
    StmtNonlocal { range: TextRange, names: Vec<Identifier> }
}
node_struct! {
    /// `Expr(expr value)`
    StmtExpr { range: TextRange, value: Box<Expr> }
}
node_struct! {
    /// `Pass`
    StmtPass { range: TextRange }
}
node_struct! {
    /// `Break`
    StmtBreak { range: TextRange }
}
node_struct! {
    /// `Continue`
    StmtContinue { range: TextRange }
}

const _: () = assert!(std::mem::size_of::<Stmt>() <= 120);
