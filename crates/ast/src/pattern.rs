//! `pattern` nodes of `match` statements.

use crate::constant::Constant;
use crate::expr::Expr;
use crate::identifier::Identifier;
use crate::macros::{node_enum, node_struct};
use crate::range::TextRange;

node_enum! {
    /// A `case` pattern (`pattern` in `Python.asdl`).
    Pattern as "pattern" {
        /// `case 1:`, `case a.b:`
        MatchValue(PatternMatchValue),
        /// `case None:`, `case True:`
        MatchSingleton(PatternMatchSingleton),
        /// `case [a, *b]:`
        MatchSequence(PatternMatchSequence),
        /// `case {"k": v, **rest}:`
        MatchMapping(PatternMatchMapping),
        /// `case C(a, k=b):`
        MatchClass(PatternMatchClass),
        /// `*rest` inside a sequence pattern
        MatchStar(PatternMatchStar),
        /// `case p as name:`, `case name:`, `case _:`
        MatchAs(PatternMatchAs),
        /// `case a | b:`
        MatchOr(PatternMatchOr),
    }
}

node_struct! {
    /// `MatchValue(expr value)`
    PatternMatchValue { range: TextRange, value: Box<Expr> }
}
node_struct! {
    /// `MatchSingleton(constant value)`: `None`, `True` or `False`.
    PatternMatchSingleton { range: TextRange, value: Constant }
}
node_struct! {
    /// `MatchSequence(pattern* patterns)`
    PatternMatchSequence { range: TextRange, patterns: Vec<Pattern> }
}
node_struct! {
    /// `MatchMapping(expr* keys, pattern* patterns, identifier? rest)`
    PatternMatchMapping {
        range: TextRange,
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<Identifier>,
    }
}
node_struct! {
    /// `MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs,
    /// pattern* kwd_patterns)`
    PatternMatchClass {
        range: TextRange,
        cls: Box<Expr>,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<Identifier>,
        kwd_patterns: Vec<Pattern>,
    }
}
node_struct! {
    /// `MatchStar(identifier? name)`; `None` for `*_`.
    PatternMatchStar { range: TextRange, name: Option<Identifier> }
}
node_struct! {
    /// `MatchAs(pattern? pattern, identifier? name)`; both `None` for `_`.
    PatternMatchAs { range: TextRange, pattern: Option<Box<Pattern>>, name: Option<Identifier> }
}
node_struct! {
    /// `MatchOr(pattern* patterns)`
    PatternMatchOr { range: TextRange, patterns: Vec<Pattern> }
}
