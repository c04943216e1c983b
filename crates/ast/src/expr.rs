//! `expr` nodes.

use crate::constant::{Constant, ConstantKind, Conversion};
use crate::identifier::Identifier;
use crate::macros::{node_enum, node_struct};
use crate::nodes::{Arguments, Comprehension, Keyword};
use crate::operators::{BoolOp, CmpOp, ExprContext, Operator, UnaryOp};
use crate::range::TextRange;

node_enum! {
    /// An expression (`expr` in `Python.asdl`), one variant per CPython class.
    Expr as "expr" {
        /// `a and b`, `a or b or c`
        BoolOp(ExprBoolOp),
        /// `x := v`
        NamedExpr(ExprNamedExpr),
        /// `a + b`
        BinOp(ExprBinOp),
        /// `-a`, `not a`
        UnaryOp(ExprUnaryOp),
        /// `lambda x: y`
        Lambda(ExprLambda),
        /// `a if t else b`
        IfExp(ExprIfExp),
        /// `{k: v, **m}`
        Dict(ExprDict),
        /// `{a, b}`
        Set(ExprSet),
        /// `[x for x in y]`
        ListComp(ExprListComp),
        /// `{x for x in y}`
        SetComp(ExprSetComp),
        /// `{k: v for k in y}`
        DictComp(ExprDictComp),
        /// `(x for x in y)`
        GeneratorExp(ExprGeneratorExp),
        /// `await x`
        Await(ExprAwait),
        /// `yield x`
        Yield(ExprYield),
        /// `yield from x`
        YieldFrom(ExprYieldFrom),
        /// `a < b <= c`
        Compare(ExprCompare),
        /// `f(a, *b, k=c, **d)`
        Call(ExprCall),
        /// `{x!r:spec}` inside an f-string
        FormattedValue(ExprFormattedValue),
        /// `f"..."`
        JoinedStr(ExprJoinedStr),
        /// A literal.
        Constant(ExprConstant),
        /// `a.b`
        Attribute(ExprAttribute),
        /// `a[b]`
        Subscript(ExprSubscript),
        /// `*a`
        Starred(ExprStarred),
        /// `a`
        Name(ExprName),
        /// `[a, b]`
        List(ExprList),
        /// `(a, b)`
        Tuple(ExprTuple),
        /// `a:b:c` in a subscript
        Slice(ExprSlice),
    }
}

node_struct! {
    /// `BoolOp(boolop op, expr* values)`
    ExprBoolOp { range: TextRange, op: BoolOp, values: Vec<Expr> }
}
node_struct! {
    /// `NamedExpr(expr target, expr value)`
    ExprNamedExpr { range: TextRange, target: Box<Expr>, value: Box<Expr> }
}
node_struct! {
    /// `BinOp(expr left, operator op, expr right)`
    ExprBinOp { range: TextRange, left: Box<Expr>, op: Operator, right: Box<Expr> }
}
node_struct! {
    /// `UnaryOp(unaryop op, expr operand)`
    ExprUnaryOp { range: TextRange, op: UnaryOp, operand: Box<Expr> }
}
node_struct! {
    /// `Lambda(arguments args, expr body)`
    ExprLambda { range: TextRange, args: Box<Arguments>, body: Box<Expr> }
}
node_struct! {
    /// `IfExp(expr test, expr body, expr orelse)`
    ExprIfExp { range: TextRange, test: Box<Expr>, body: Box<Expr>, orelse: Box<Expr> }
}
node_struct! {
    /// `Dict(expr* keys, expr* values)`; a `None` key is a `**mapping` entry.
    ExprDict { range: TextRange, keys: Vec<Option<Expr>>, values: Vec<Expr> }
}
node_struct! {
    /// `Set(expr* elts)`
    ExprSet { range: TextRange, elts: Vec<Expr> }
}
node_struct! {
    /// `ListComp(expr elt, comprehension* generators)`
    ExprListComp { range: TextRange, elt: Box<Expr>, generators: Vec<Comprehension> }
}
node_struct! {
    /// `SetComp(expr elt, comprehension* generators)`
    ExprSetComp { range: TextRange, elt: Box<Expr>, generators: Vec<Comprehension> }
}
node_struct! {
    /// `DictComp(expr key, expr value, comprehension* generators)`
    ExprDictComp {
        range: TextRange,
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    }
}
node_struct! {
    /// `GeneratorExp(expr elt, comprehension* generators)`
    ExprGeneratorExp { range: TextRange, elt: Box<Expr>, generators: Vec<Comprehension> }
}
node_struct! {
    /// `Await(expr value)`
    ExprAwait { range: TextRange, value: Box<Expr> }
}
node_struct! {
    /// `Yield(expr? value)`
    ExprYield { range: TextRange, value: Option<Box<Expr>> }
}
node_struct! {
    /// `YieldFrom(expr value)`
    ExprYieldFrom { range: TextRange, value: Box<Expr> }
}
node_struct! {
    /// `Compare(expr left, cmpop* ops, expr* comparators)`; `ops` and `comparators`
    /// have equal lengths. Boxed slices keep [`Expr`] small.
    ExprCompare {
        range: TextRange,
        left: Box<Expr>,
        ops: Box<[CmpOp]>,
        comparators: Box<[Expr]>,
    }
}
node_struct! {
    /// `Call(expr func, expr* args, keyword* keywords)`. Boxed slices keep [`Expr`] small.
    ExprCall { range: TextRange, func: Box<Expr>, args: Box<[Expr]>, keywords: Box<[Keyword]> }
}
node_struct! {
    /// `FormattedValue(expr value, int conversion, expr? format_spec)`; the format
    /// spec, when present, is a `JoinedStr`.
    ExprFormattedValue {
        range: TextRange,
        value: Box<Expr>,
        conversion: Conversion,
        format_spec: Option<Box<Expr>>,
    }
}
node_struct! {
    /// `JoinedStr(expr* values)`: `Constant` str parts and `FormattedValue`s.
    ExprJoinedStr { range: TextRange, values: Vec<Expr> }
}
node_struct! {
    /// `Constant(constant value, string? kind)`
    ExprConstant {
        range: TextRange,
        value: Constant,
        #[cfg_attr(feature = "serde", serde(default))]
        kind: ConstantKind,
    }
}
node_struct! {
    /// `Attribute(expr value, identifier attr, expr_context ctx)`
    ExprAttribute { range: TextRange, value: Box<Expr>, attr: Identifier, ctx: ExprContext }
}
node_struct! {
    /// `Subscript(expr value, expr slice, expr_context ctx)`
    ExprSubscript { range: TextRange, value: Box<Expr>, slice: Box<Expr>, ctx: ExprContext }
}
node_struct! {
    /// `Starred(expr value, expr_context ctx)`
    ExprStarred { range: TextRange, value: Box<Expr>, ctx: ExprContext }
}
node_struct! {
    /// `Name(identifier id, expr_context ctx)`; the name's range is the node's.
    ExprName { range: TextRange, id: Box<str>, ctx: ExprContext }
}
node_struct! {
    /// `List(expr* elts, expr_context ctx)`
    ExprList { range: TextRange, elts: Vec<Expr>, ctx: ExprContext }
}
node_struct! {
    /// `Tuple(expr* elts, expr_context ctx)`
    ExprTuple { range: TextRange, elts: Vec<Expr>, ctx: ExprContext }
}
node_struct! {
    /// `Slice(expr? lower, expr? upper, expr? step)`
    ExprSlice {
        range: TextRange,
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    }
}

// Expressions are the most numerous nodes; keep them within a cache line.
const _: () = assert!(std::mem::size_of::<Expr>() <= 56);
