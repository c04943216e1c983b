//! Compile-time `SyntaxWarning`s: the hints CPython 3.11's compiler gives for
//! code that is valid but almost certainly a mistake (`x is 1`, `[(1, 2) (3, 4)]`,
//! `assert (x, "msg")`), from `compiler_warn`'s callers in `Python/compile.c`.

use pith_ast::{CmpOp, Constant, Expr, ExprCompare};

/// One `SyntaxWarning` the compiler issued. CPython hands it to
/// `warnings.warn_explicit` with no registry, so every occurrence is reported
/// (`FILE:LINE: SyntaxWarning: MESSAGE`, then the stripped source line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// CPython's message, e.g. `"is" with a literal. Did you mean "=="?`.
    pub message: String,
    /// 1-based line CPython attributes the warning to (the current
    /// instruction location when it is issued).
    pub lineno: u32,
    /// 1-based column of that location (UTF-8 bytes + 1), where the
    /// `SyntaxError` points when a filter turns the warning into an error.
    pub offset: u32,
    /// 1-based end line of that location.
    pub end_lineno: u32,
    /// 1-based end column of that location.
    pub end_offset: u32,
}

impl Warning {
    /// The warning category's name; the compiler only issues `SyntaxWarning`s.
    #[must_use]
    pub const fn category(&self) -> &'static str {
        "SyntaxWarning"
    }
}

/// `infer_type`: the type a literal-like expression evaluates to, if known
/// without running it.
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match e {
        Expr::Tuple(_) => "tuple",
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::GeneratorExp(_) => "generator",
        Expr::Lambda(_) => "function",
        Expr::JoinedStr(_) | Expr::FormattedValue(_) => "str",
        Expr::Constant(c) => constant_type(&c.value),
        _ => return None,
    })
}

fn constant_type(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::Bool(_) => "bool",
        Constant::Str(_) | Constant::SurrogateStr(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Int(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Ellipsis => "ellipsis",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
    }
}

/// `check_is_arg`: whether `e` is fine as an operand of `is` (anything but a
/// literal other than the singletons).
fn is_arg_ok(e: &Expr) -> bool {
    match e {
        Expr::Constant(c) => matches!(
            c.value,
            Constant::None | Constant::Bool(_) | Constant::Ellipsis
        ),
        _ => true,
    }
}

/// `check_compare`: `is` / `is not` against a literal (the first such
/// operator of a chain only).
pub(crate) fn check_compare(c: &ExprCompare) -> Option<String> {
    let mut left = is_arg_ok(&c.left);
    for (op, right) in c.ops.iter().zip(&c.comparators) {
        let right = is_arg_ok(right);
        if !(left && right) {
            match op {
                CmpOp::Is => return Some(r#""is" with a literal. Did you mean "=="?"#.into()),
                CmpOp::IsNot => {
                    return Some(r#""is not" with a literal. Did you mean "!="?"#.into())
                }
                _ => {}
            }
        }
        left = right;
    }
    None
}

/// `check_caller`: calling a literal.
pub(crate) fn check_caller(func: &Expr) -> Option<String> {
    match func {
        Expr::Constant(_)
        | Expr::Tuple(_)
        | Expr::List(_)
        | Expr::ListComp(_)
        | Expr::Dict(_)
        | Expr::DictComp(_)
        | Expr::Set(_)
        | Expr::SetComp(_)
        | Expr::GeneratorExp(_)
        | Expr::JoinedStr(_)
        | Expr::FormattedValue(_) => Some(format!(
            "'{}' object is not callable; perhaps you missed a comma?",
            infer_type(func)?
        )),
        _ => None,
    }
}

/// `check_subscripter`: subscripting a literal that has no `__getitem__`.
pub(crate) fn check_subscripter(value: &Expr) -> Option<String> {
    let unsubscriptable = match value {
        Expr::Constant(c) => matches!(
            c.value,
            Constant::None
                | Constant::Ellipsis
                | Constant::Bool(_)
                | Constant::Int(_)
                | Constant::Float(_)
                | Constant::Complex { .. }
        ),
        Expr::Set(_) | Expr::SetComp(_) | Expr::GeneratorExp(_) | Expr::Lambda(_) => true,
        _ => false,
    };
    unsubscriptable.then(|| {
        format!(
            "'{}' object is not subscriptable; perhaps you missed a comma?",
            infer_type(value).unwrap_or("object")
        )
    })
}

/// `check_index`: a sequence literal indexed by a literal that is neither an
/// int nor a slice.
pub(crate) fn check_index(value: &Expr, index: &Expr) -> Option<String> {
    let index_type = infer_type(index)?;
    if matches!(index_type, "int" | "bool") {
        return None;
    }
    let sequence = match value {
        Expr::Constant(c) => matches!(
            c.value,
            Constant::Str(_) | Constant::SurrogateStr(_) | Constant::Bytes(_) | Constant::Tuple(_)
        ),
        Expr::Tuple(_)
        | Expr::List(_)
        | Expr::ListComp(_)
        | Expr::JoinedStr(_)
        | Expr::FormattedValue(_) => true,
        _ => false,
    };
    sequence.then(|| {
        format!(
            "{} indices must be integers or slices, not {index_type}; perhaps you missed a comma?",
            infer_type(value).unwrap_or("object")
        )
    })
}

/// The `assert (test, msg)` mistake: a non-empty tuple is always true.
pub(crate) fn check_assert(test: &Expr) -> Option<String> {
    let always_true = match test {
        Expr::Tuple(t) => !t.elts.is_empty(),
        Expr::Constant(c) => matches!(&c.value, Constant::Tuple(t) if !t.is_empty()),
        _ => false,
    };
    always_true.then(|| "assertion is always true, perhaps remove parentheses?".into())
}
