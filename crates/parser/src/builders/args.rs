//! Call arguments and parameter lists: parsed as flat item lists by the
//! grammar, checked here in order with CPython's messages.

use pith_ast::{Arg, Arguments, Constant, Expr, ExprCall, Keyword, Ranged, TextRange};

use super::targets::expr_name;
use super::Res;
use crate::error::SyntaxErr;

/// One item of a call's argument list. Only the common positional item holds
/// its expression inline, so that an item is no larger than an `Expr` (it
/// is a value on the parser's stack, whose slots are as large as the
/// largest value) and the all-positional argument vector becomes the
/// call's `args` in place.
pub(crate) enum ArgItem {
    /// `e` (or `x := e`)
    Positional(Expr),
    /// `e for x in y` without its own parentheses.
    Generator(Box<Expr>),
    /// `*e`
    Star(Box<Expr>),
    /// `k=e` (start, end, offset of the `=`); the key is any expression so
    /// that the errors can name it.
    Keyword(u32, u32, u32, Box<(Expr, Expr)>),
    /// `**e`
    DoubleStar(u32, u32, Box<Expr>),
}

const _: () = assert!(std::mem::size_of::<ArgItem>() == std::mem::size_of::<Expr>());

/// A call; `lp` is the offset of its `(`.
pub(crate) fn call(
    l: u32,
    lp: u32,
    r: u32,
    func: Expr,
    (items, comma): (Vec<ArgItem>, bool),
) -> Res<Expr> {
    let (args, keywords) =
        if items.len() == 1 && !comma && matches!(items[0], ArgItem::Generator(_)) {
            let Some(ArgItem::Generator(g)) = items.into_iter().next() else {
                return Err(SyntaxErr::syntax("invalid syntax", l, r));
            };
            let Expr::GeneratorExp(mut g) = *g else {
                return Err(SyntaxErr::syntax("invalid syntax", l, r));
            };
            // A lone generator argument takes the call's parentheses.
            g.range = TextRange::new(lp, r);
            (vec![Expr::GeneratorExp(g)], vec![])
        } else {
            call_args_at((items, comma), r)?
        };
    Ok(Expr::Call(ExprCall {
        range: TextRange::new(l, r),
        func: Box::new(func),
        args: args.into(),
        keywords: keywords.into(),
    }))
}

/// The arguments of a class definition.
pub(crate) fn call_args(items: (Vec<ArgItem>, bool)) -> Res<(Vec<Expr>, Vec<Keyword>)> {
    let end = items.0.last().map_or(0, |i| match i {
        ArgItem::Positional(e) => e.range().end,
        ArgItem::Generator(e) | ArgItem::Star(e) => e.range().end,
        ArgItem::Keyword(_, r, _, _) | ArgItem::DoubleStar(_, r, _) => *r,
    });
    call_args_at(items, end + 1)
}

fn call_args_at((items, _comma): (Vec<ArgItem>, bool), r: u32) -> Res<(Vec<Expr>, Vec<Keyword>)> {
    // Sized up front: growing the vectors push by push was most of the
    // reallocations of a parse.
    let positional = items
        .iter()
        .filter(|i| matches!(i, ArgItem::Positional(_) | ArgItem::Star(_)))
        .count();
    if positional == items.len() {
        // Only positional arguments (most calls): nothing to check, and the
        // expressions are taken out in the items' own vector.
        let args = items
            .into_iter()
            .filter_map(|i| match i {
                ArgItem::Positional(e) => Some(e),
                ArgItem::Star(e) => Some(*e),
                _ => None,
            })
            .collect();
        return Ok((args, Vec::new()));
    }
    let mut args = Vec::with_capacity(positional);
    let mut keywords: Vec<Keyword> = Vec::with_capacity(items.len() - positional);
    let mut seen_double_star = false;
    for item in items {
        match item {
            ArgItem::Positional(e) => {
                if !keywords.is_empty() {
                    let msg = if seen_double_star {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    return Err(SyntaxErr::syntax(msg, r.saturating_sub(1), r));
                }
                args.push(e);
            }
            ArgItem::Generator(e) => {
                let range = e.range();
                return Err(SyntaxErr::syntax(
                    "Generator expression must be parenthesized",
                    range.start,
                    range.end,
                ));
            }
            ArgItem::Star(e) => {
                if seen_double_star {
                    let start = e.range().start;
                    return Err(SyntaxErr::syntax(
                        "iterable argument unpacking follows keyword argument unpacking",
                        start,
                        start + 1,
                    ));
                }
                args.push(*e);
            }
            ArgItem::Keyword(l, kr, eq, pair) => {
                let (key, value) = *pair;
                // CPython's `invalid_kwarg` ranges run through the `=`; a
                // key in parentheses (`f((x)=1)`) is an expression, not a name.
                let bare = key.range().start == l;
                let arg = match key {
                    Expr::Name(n) if bare => pith_ast::Identifier::new(n.id, n.range),
                    Expr::Constant(c)
                        if bare && matches!(c.value, Constant::None | Constant::Bool(_)) =>
                    {
                        return Err(SyntaxErr::syntax(
                            format!("cannot assign to {}", expr_name(&Expr::Constant(c.clone()))),
                            c.range.start,
                            eq + 1,
                        ));
                    }
                    other => {
                        return Err(SyntaxErr::syntax(
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                            other.range().start,
                            eq + 1,
                        ));
                    }
                };
                keywords.push(Keyword {
                    range: TextRange::new(l, kr),
                    arg: Some(arg),
                    value,
                });
            }
            ArgItem::DoubleStar(l, kr, value) => {
                seen_double_star = true;
                keywords.push(Keyword {
                    range: TextRange::new(l, kr),
                    arg: None,
                    value: *value,
                });
            }
        }
    }
    Ok((args, keywords))
}

/// One item of a parameter list.
pub(crate) enum ParamItem {
    /// `a`, `a: T`, `a=d`
    Plain(Arg, Option<Expr>),
    /// `/`
    Slash(u32, u32),
    /// bare `*`
    Star(u32, u32),
    /// `*args`
    StarArg(u32, Arg, Option<Expr>),
    /// `**kwargs`
    DoubleStar(Arg, Option<Expr>),
}

fn err<T>(msg: &str, start: u32, end: u32) -> Res<T> {
    Err(SyntaxErr::syntax(msg, start, end))
}

/// Assembles `arguments` from the items of a `def` or `lambda` parameter list.
pub(crate) fn parameters(items: Vec<ParamItem>, is_lambda: bool) -> Res<Arguments> {
    let mut out = Arguments::default();
    let mut seen_slash = false;
    let mut seen_star = false;
    let mut bare_star: Option<(u32, u32)> = None;
    let mut seen_default = false;
    let mut done = false;
    let mut positional: Vec<Arg> = Vec::new();
    for item in items {
        if done {
            let (s, e) = match &item {
                ParamItem::Plain(a, _)
                | ParamItem::StarArg(_, a, _)
                | ParamItem::DoubleStar(a, _) => (a.range.start, a.range.end),
                ParamItem::Slash(s, e) | ParamItem::Star(s, e) => (*s, *e),
            };
            return err("arguments cannot follow var-keyword argument", s, e);
        }
        match item {
            ParamItem::Plain(arg, default) => {
                if seen_star {
                    bare_star = None;
                    out.kwonlyargs.push(arg);
                    out.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => {
                            seen_default = true;
                            out.defaults.push(d);
                        }
                        None if seen_default => {
                            return err(
                                "non-default argument follows default argument",
                                arg.range.start,
                                arg.range.end,
                            );
                        }
                        None => {}
                    }
                    positional.push(arg);
                }
            }
            ParamItem::Slash(s, e) => {
                if seen_slash {
                    return err("/ may appear only once", s, e);
                }
                if seen_star {
                    return err("/ must be ahead of *", s, e);
                }
                if positional.is_empty() {
                    if is_lambda {
                        return err("invalid syntax", s, e);
                    }
                    return err("at least one argument must precede /", s, e);
                }
                seen_slash = true;
                out.posonlyargs = std::mem::take(&mut positional);
            }
            ParamItem::Star(s, e) => {
                if seen_star {
                    return err("* argument may appear only once", s, s + 1);
                }
                seen_star = true;
                // A lambda's error points after the `*`.
                bare_star = Some(if is_lambda { (e, e + 1) } else { (s, e) });
            }
            ParamItem::StarArg(s, arg, default) => {
                if seen_star {
                    return err("* argument may appear only once", s, s + 1);
                }
                if let Some(d) = default {
                    let r = d.range();
                    return err(
                        "var-positional argument cannot have default value",
                        r.start.saturating_sub(1),
                        r.start,
                    );
                }
                seen_star = true;
                out.vararg = Some(Box::new(arg));
            }
            ParamItem::DoubleStar(arg, default) => {
                if let Some(d) = default {
                    let r = d.range();
                    return err(
                        "var-keyword argument cannot have default value",
                        r.start.saturating_sub(1),
                        r.start,
                    );
                }
                if let Some((s, e)) = bare_star {
                    return err("named arguments must follow bare *", s, e);
                }
                out.kwarg = Some(Box::new(arg));
                done = true;
            }
        }
    }
    if let Some((s, e)) = bare_star {
        return err("named arguments must follow bare *", s, e);
    }
    out.args = positional;
    Ok(out)
}
