//! Type comments (`# type: ...`), which CPython's parser keeps when asked
//! (`ast.parse(..., type_comments=True)`, as `python3 -m ast` does): the
//! token adapter turns them into tokens and the grammar accepts them only
//! where `Grammar/python.gram` has `TYPE_COMMENT`.

use pith_ast::{Arguments, Expr, Identifier, Stmt, StmtFunctionDef, TextRange};

use super::args::{parameters, ParamItem};
use crate::error::{End, SyntaxErr};

type Res<T> = Result<T, SyntaxErr>;

/// A type comment token: start, text after the `# type:` prefix, end.
pub(crate) type SpannedComment<'a> = (u32, &'a str, u32);

/// A `def` parameter with the type comment that follows it.
pub(crate) type TypedItem<'a> = (Box<ParamItem>, Option<SpannedComment<'a>>);

/// Sets the `type_comment` of a statement that has one.
pub(crate) fn with_type_comment(mut stmt: Stmt, comment: Option<&str>) -> Stmt {
    let Some(comment) = comment else {
        return stmt;
    };
    let slot = match &mut stmt {
        Stmt::Assign(s) => &mut s.type_comment,
        Stmt::For(s) | Stmt::AsyncFor(s) => &mut s.type_comment,
        Stmt::With(s) | Stmt::AsyncWith(s) => &mut s.type_comment,
        Stmt::FunctionDef(s) | Stmt::AsyncFunctionDef(s) => &mut s.type_comment,
        _ => return stmt,
    };
    *slot = Some(comment.into());
    stmt
}

/// `def name(params) -> returns`, up to the `:`.
pub(crate) struct FuncHead {
    pub start: u32,
    pub is_async: bool,
    pub name: Identifier,
    pub args: Box<Arguments>,
    pub returns: Option<Expr>,
}

/// A function definition from its head, type comment and body.
pub(crate) fn func_def(head: FuncHead, comment: Option<&str>, body: super::Blk) -> Stmt {
    let node = StmtFunctionDef {
        range: TextRange::new(head.start, body.1),
        name: head.name,
        args: head.args,
        body: body.0,
        decorator_list: vec![],
        returns: head.returns.map(Box::new),
        type_comment: comment.map(Into::into),
    };
    if head.is_async {
        Stmt::AsyncFunctionDef(node)
    } else {
        Stmt::FunctionDef(node)
    }
}

/// `invalid_double_type_comments`: CPython reports it at the tokenizer's
/// position after the indentation, `indent_end`, with no end column.
pub(crate) fn double_type_comments(indent_end: u32) -> SyntaxErr {
    let at = indent_end.saturating_sub(1);
    SyntaxErr::syntax("Cannot have two type comments on def", at, at).with_end(End::Literal(-1))
}

/// Assembles a `def` parameter list whose items may carry type comments.
pub(crate) fn typed_parameters(items: Vec<TypedItem<'_>>) -> Res<Arguments> {
    let mut plain = Vec::with_capacity(items.len());
    for (mut item, comment) in items {
        if let Some((start, text, end)) = comment {
            let arg = match &mut *item {
                ParamItem::Plain(a, _)
                | ParamItem::StarArg(_, a, _)
                | ParamItem::DoubleStar(a, _) => a,
                ParamItem::Star(..) => {
                    return Err(SyntaxErr::syntax(
                        "bare * has associated type comment",
                        start,
                        end,
                    ))
                }
                ParamItem::Slash(..) => {
                    return Err(SyntaxErr::syntax("invalid syntax", start, end))
                }
            };
            arg.type_comment = Some(text.into());
        }
        plain.push(*item);
    }
    parameters(plain, false)
}
