//! The field-less node kinds: `expr_context`, `boolop`, `operator`, `unaryop`, `cmpop`.

use crate::macros::unit_enum;

unit_enum! {
    /// `expr_context`: how a target expression is used.
    ExprContext as "expr_context" {
        /// Read.
        Load => "",
        /// Assigned to.
        Store => "",
        /// Deleted.
        Del => "",
    }
}

unit_enum! {
    /// `boolop`: `and`, `or`.
    BoolOp as "boolop" {
        /// `and`
        And => "and",
        /// `or`
        Or => "or",
    }
}

unit_enum! {
    /// `operator`: binary and augmented-assignment operators.
    Operator as "operator" {
        /// `+`
        Add => "+",
        /// `-`
        Sub => "-",
        /// `*`
        Mult => "*",
        /// `@`
        MatMult => "@",
        /// `/`
        Div => "/",
        /// `%`
        Mod => "%",
        /// `**`
        Pow => "**",
        /// `<<`
        LShift => "<<",
        /// `>>`
        RShift => ">>",
        /// `|`
        BitOr => "|",
        /// `^`
        BitXor => "^",
        /// `&`
        BitAnd => "&",
        /// `//`
        FloorDiv => "//",
    }
}

unit_enum! {
    /// `unaryop`: `~`, `not`, unary `+` and `-`.
    UnaryOp as "unaryop" {
        /// `~`
        Invert => "~",
        /// `not`
        Not => "not",
        /// unary `+`
        UAdd => "+",
        /// unary `-`
        USub => "-",
    }
}

unit_enum! {
    /// `cmpop`: comparison operators.
    CmpOp as "cmpop" {
        /// `==`
        Eq => "==",
        /// `!=`
        NotEq => "!=",
        /// `<`
        Lt => "<",
        /// `<=`
        LtE => "<=",
        /// `>`
        Gt => ">",
        /// `>=`
        GtE => ">=",
        /// `is`
        Is => "is",
        /// `is not`
        IsNot => "is not",
        /// `in`
        In => "in",
        /// `not in`
        NotIn => "not in",
    }
}
