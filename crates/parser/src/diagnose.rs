//! Turning an LR parse failure into CPython 3.11's message.
//!
//! CPython re-parses a failing input with its `invalid_*` rules enabled and
//! reports the first that matches; an LR parser stops at the first token it
//! cannot shift. This module looks at that token and its neighbours and
//! picks the message the matching `invalid_*` rule would give, falling back
//! to CPython's generic "invalid syntax" at the token.

use lalrpop_util::ParseError as LrError;
use pith_lexer::{Keyword, Operator};

use crate::error::{line_col, End, ErrorKind, SyntaxErr};
use crate::token::Tok;

type Spanned<'a> = (u32, Tok<'a>, u32);

pub(crate) fn diagnose(
    source: &str,
    shift: u32,
    tokens: &[Spanned<'_>],
    open_brackets: &[(u8, u32)],
    err: LrError<u32, Tok<'_>, SyntaxErr>,
) -> SyntaxErr {
    // The failing token is set below; the end of input until then.
    let mut d = Diag {
        source,
        shift,
        tokens,
        index: tokens.len(),
        open_brackets,
    };
    let found = match err {
        LrError::User { error } => {
            if let Some(nc) = never_closed(open_brackets) {
                if d.line(error.start) > d.line(nc.start) {
                    return nc;
                }
            }
            if let Some(err) = d.walrus_argument(&error) {
                return err;
            }
            return at_next_token(error, tokens);
        }
        LrError::UnrecognizedEof { location, expected } => {
            let n = tokens.len();
            if let Some(nc) = never_closed(open_brackets) {
                return d.unclosed_unless_kwarg(nc);
            }
            // `def f():` then a type comment alone on the next line.
            if n >= 4
                && tokens[n - 1].1 == Tok::Newline
                && matches!(tokens[n - 2].1, Tok::TypeComment(_))
                && tokens[n - 3].1 == Tok::Newline
            {
                let at = if shift == 0 {
                    source.len() as u32
                } else {
                    tokens[n - 1].0
                };
                if let Some(err) = d.expected_block(n - 3, at, End::Literal(-1)) {
                    return err;
                }
            }
            if n >= 2
                && tokens[n - 1].1 == Tok::Newline
                && tokens[n - 2].1 == Tok::Op(Operator::Colon)
            {
                // The block was looked for at `ENDMARKER`.
                let at = if shift == 0 {
                    source.len() as u32
                } else {
                    tokens[n - 1].0
                };
                if let Some(err) = d.expected_block(n - 1, at, End::Literal(-1)) {
                    return err;
                }
            }
            return at_end_marker(source, shift, tokens, &expected, location);
        }
        LrError::InvalidToken { location } => {
            return SyntaxErr::syntax("invalid syntax", location, location)
        }
        LrError::UnrecognizedToken { token, expected } => (token, expected),
        LrError::ExtraToken { token } => (token, Vec::new()),
    };
    let ((start, tok, end), expected) = found;
    let index = tokens
        .iter()
        .position(|t| t.0 == start && t.1 == tok && t.2 == end)
        .unwrap_or(tokens.len().saturating_sub(1));
    d.index = index;
    if let Some(nc) = never_closed(open_brackets) {
        if d.line(start) > d.line(nc.start) {
            return d.unclosed_unless_kwarg(nc);
        }
    }
    // No `invalid_*` rule of CPython's grammar mentions a type comment.
    if matches!(tok, Tok::TypeComment(_)) {
        return d.generic(start, tok, end);
    }
    // CPython builds a string atom, f-string fields included, before it
    // looks past it: an error inside the strings comes first.
    if let Some(err) = d.strings_before() {
        return at_next_token(err, tokens);
    }
    if let Some(err) = d.message(&expected) {
        return err;
    }
    // `while True{`: CPython's second pass reads on into the bracket (its
    // `invalid_expression` tries an expression there), so a bracket left
    // open then wins as it does for any error past the bracket's line.
    if index > 0 && is_open(tok) && ends_expr(tokens[index - 1].1) && d.in_expression_list(index) {
        if let Some(nc) = d.unclosed_after_display(index) {
            return nc;
        }
    }
    d.generic(start, tok, end)
}

/// The error when every token parsed and more were needed: CPython's parser
/// then fails at `ENDMARKER`, which has no column. A `try` block without
/// handlers is named (`RAISE_SYNTAX_ERROR` puts it after the last line read);
/// anything else is the generic error at column 0 of the last line.
fn at_end_marker(
    source: &str,
    shift: u32,
    tokens: &[Spanned<'_>],
    expected: &[String],
    location: u32,
) -> SyntaxErr {
    if shift != 0
        || !matches!(
            tokens.first(),
            Some((
                _,
                Tok::StartModule | Tok::StartInteractive | Tok::StartExpression,
                _
            ))
        )
    {
        return SyntaxErr::syntax("unexpected EOF while parsing", location, location);
    }
    let last_line_end = last_line_end(source);
    if expected.iter().any(|e| e == "\"except\"") && expected.iter().any(|e| e == "\"finally\"") {
        return SyntaxErr::syntax(
            "expected 'except' or 'finally' block",
            last_line_end,
            last_line_end,
        )
        .with_end(End::Literal(-1));
    }
    SyntaxErr::syntax("invalid syntax", last_line_end, last_line_end)
        .with_offset(0)
        .with_end(End::Literal(0))
}

/// The offset of the end of the source's last line: its line end if it
/// has one (a last empty line is not a line), else the end of the source.
fn last_line_end(source: &str) -> u32 {
    let n = source.len() as u32;
    if source.ends_with("\r\n") {
        n - 2
    } else if source.ends_with(['\n', '\r']) {
        n - 1
    } else {
        n
    }
}

/// CPython positions the errors of f-string scanning and of decoding a
/// literal's escapes at the token after the string (the last token its
/// parser read); ours point at the string's end, so move them to the token
/// found there.
fn at_next_token(mut err: SyntaxErr, tokens: &[Spanned<'_>]) -> SyntaxErr {
    let after_string = ["f-string", "(unicode error)", "(value error)"]
        .iter()
        .any(|prefix| err.msg.starts_with(prefix));
    if err.anchor.is_some() || !after_string || err.end != End::At(err.start) {
        return err;
    }
    if let Some(t) = tokens
        .iter()
        .find(|t| t.0 >= err.start && !matches!(t.1, Tok::Dedent))
    {
        err.start = t.0;
        err.end = End::At(t.2);
    }
    err
}

struct Diag<'s, 't, 'a> {
    source: &'s str,
    shift: u32,
    tokens: &'t [Spanned<'a>],
    index: usize,
    /// Brackets still open at the end of input: `(char, offset)`.
    open_brackets: &'t [(u8, u32)],
}

/// CPython's tokenizer error for a bracket still open at the end of input.
fn never_closed(open_brackets: &[(u8, u32)]) -> Option<SyntaxErr> {
    open_brackets.last().map(|&(c, at)| {
        SyntaxErr::syntax(format!("'{}' was never closed", c as char), at, at)
            .with_end(End::Literal(0))
    })
}

fn is_kw(t: Tok<'_>, k: Keyword) -> bool {
    t == Tok::Kw(k)
}

/// Tokens that can begin an expression (`print "x"`, `(a b)`).
fn starts_expr(t: Tok<'_>) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Number(_)
            | Tok::Str(_)
            | Tok::Kw(
                Keyword::True
                    | Keyword::False
                    | Keyword::None
                    | Keyword::Lambda
                    | Keyword::Await
                    | Keyword::Not
            )
            | Tok::Op(
                Operator::Lpar
                    | Operator::Lsqb
                    | Operator::Lbrace
                    | Operator::Tilde
                    | Operator::Ellipsis
            )
    )
}

/// Tokens that can end an expression.
fn ends_expr(t: Tok<'_>) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Number(_)
            | Tok::Str(_)
            | Tok::Kw(Keyword::True | Keyword::False | Keyword::None)
            | Tok::Op(Operator::Rpar | Operator::Rsqb | Operator::Rbrace | Operator::Ellipsis)
    )
}

/// Whether a statement starting with `t` is a compound statement.
fn is_compound_head(t: Tok<'_>) -> bool {
    matches!(
        t,
        Tok::Kw(
            Keyword::If
                | Keyword::While
                | Keyword::For
                | Keyword::Try
                | Keyword::With
                | Keyword::Def
                | Keyword::Class
                | Keyword::Async
        ) | Tok::Match
            | Tok::Op(Operator::At)
    )
}

/// An arithmetic, bitwise or shift operator (`a - b`, `a | b`, `a << b`).
fn is_arithmetic_operator(t: Tok<'_>) -> bool {
    matches!(
        t,
        Tok::Op(
            Operator::Plus
                | Operator::Minus
                | Operator::Star
                | Operator::Slash
                | Operator::DoubleSlash
                | Operator::Percent
                | Operator::At
                | Operator::DoubleStar
                | Operator::Vbar
                | Operator::Amper
                | Operator::Circumflex
                | Operator::LeftShift
                | Operator::RightShift
        )
    )
}

/// A comparison, boolean or conditional-expression word that joins operands
/// above CPython's `bitwise_or` (`a < b`, `a in b`, `a if c else b`).
fn joins_above_bitwise(t: Tok<'_>) -> bool {
    matches!(
        t,
        Tok::Kw(
            Keyword::In
                | Keyword::Not
                | Keyword::Is
                | Keyword::And
                | Keyword::Or
                | Keyword::If
                | Keyword::Else
        ) | Tok::Op(
            Operator::EqEqual
                | Operator::NotEqual
                | Operator::Less
                | Operator::LessEqual
                | Operator::Greater
                | Operator::GreaterEqual
        )
    )
}

/// An operator that joins two operands, attribute access included (`a.b`).
fn is_binary_operator(t: Tok<'_>) -> bool {
    is_arithmetic_operator(t) || t == Tok::Op(Operator::Dot)
}

fn is_open(t: Tok<'_>) -> bool {
    matches!(
        t,
        Tok::Op(Operator::Lpar | Operator::Lsqb | Operator::Lbrace) | Tok::WithLpar
    )
}

fn is_close(t: Tok<'_>) -> bool {
    matches!(
        t,
        Tok::Op(Operator::Rpar | Operator::Rsqb | Operator::Rbrace)
    )
}

impl Diag<'_, '_, '_> {
    fn tok(&self, i: usize) -> Option<Tok<'_>> {
        self.tokens.get(i).map(|t| t.1)
    }

    /// The index of the first token of the logical line holding token `i`.
    fn line_start(&self, i: usize) -> usize {
        let mut j = i;
        while j > 0 {
            match self.tokens[j - 1].1 {
                Tok::Newline
                | Tok::Indent
                | Tok::Dedent
                | Tok::StartModule
                | Tok::StartInteractive
                | Tok::StartExpression
                | Tok::StartFString
                | Tok::StartFuncType => break,
                Tok::Op(Operator::Semi) => break,
                _ => j -= 1,
            }
        }
        j
    }

    /// Bracket depth just before token `i`, within its logical line.
    fn depth_at(&self, i: usize) -> i32 {
        let mut depth = 0;
        for t in &self.tokens[self.line_start(i)..i] {
            if is_open(t.1) {
                depth += 1;
            } else if is_close(t.1) {
                depth -= 1;
            }
        }
        depth
    }

    /// The first token of the expression that ends with token `last`: back
    /// to the nearest delimiter at the same bracket depth.
    fn expr_start(&self, last: usize) -> usize {
        self.expr_start_in(last, false)
    }

    /// The first token of the `disjunction` (CPython's rule: boolean,
    /// `not`, comparison and `in` operators included) that ends with
    /// token `last`.
    fn disjunction_start(&self, last: usize) -> usize {
        self.expr_start_in(last, true)
    }

    /// [`Self::expr_start`], or with `through_bool_ops` walking on past
    /// `or`, `and`, `not` and `in`.
    fn expr_start_in(&self, last: usize, through_bool_ops: bool) -> usize {
        let mut depth = 0;
        let mut j = last + 1;
        while j > 0 {
            let t = self.tokens[j - 1].1;
            if is_close(t) {
                depth += 1;
            } else if is_open(t) {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if depth == 0
                && matches!(
                    t,
                    Tok::Op(
                        Operator::Comma
                            | Operator::Colon
                            | Operator::Equal
                            | Operator::ColonEqual
                            | Operator::Semi
                    ) | Tok::Newline
                        | Tok::Indent
                        | Tok::Dedent
                        | Tok::StartModule
                        | Tok::StartInteractive
                        | Tok::StartExpression
                        | Tok::StartFString
                        | Tok::StartFuncType
                        | Tok::Kw(
                            Keyword::If
                                | Keyword::Elif
                                | Keyword::While
                                | Keyword::Return
                                | Keyword::Else
                                | Keyword::In
                                | Keyword::For
                                | Keyword::Yield
                                | Keyword::Assert
                                | Keyword::Del
                                | Keyword::Or
                                | Keyword::And
                                | Keyword::Not
                                | Keyword::Lambda
                        )
                )
                && !(through_bool_ops
                    && matches!(
                        t,
                        Tok::Kw(Keyword::Or | Keyword::And | Keyword::Not | Keyword::In)
                    ))
            {
                break;
            }
            j -= 1;
        }
        j
    }

    /// The last token of the operand-level expression starting at `first`:
    /// atoms with their trailers and binary operators between them.
    fn expr_end(&self, first: usize) -> usize {
        self.operand_end(first, false)
    }

    /// [`Self::expr_end`], or with `bitwise_only` the end of CPython's
    /// `bitwise_or` (no comparison, boolean or conditional operator).
    fn operand_end(&self, first: usize, bitwise_only: bool) -> usize {
        let mut j = first;
        let mut last = first;
        let mut want_operand = true;
        while j < self.tokens.len() {
            let t = self.tokens[j].1;
            if want_operand {
                if matches!(
                    t,
                    Tok::Op(Operator::Minus | Operator::Plus | Operator::Tilde)
                        | Tok::Kw(Keyword::Not | Keyword::Await)
                ) {
                    j += 1;
                    continue;
                }
                if is_open(t) {
                    j = self.matching(j);
                } else if !matches!(
                    t,
                    Tok::Name(_)
                        | Tok::Number(_)
                        | Tok::Str(_)
                        | Tok::Kw(Keyword::True | Keyword::False | Keyword::None)
                        | Tok::Op(Operator::Ellipsis)
                ) {
                    break;
                }
                last = j;
                want_operand = false;
                j += 1;
                continue;
            }
            match t {
                Tok::Op(Operator::Dot) => {
                    if matches!(self.tok(j + 1), Some(Tok::Name(_))) {
                        last = j + 1;
                        j += 2;
                        continue;
                    }
                    break;
                }
                Tok::Op(Operator::Lpar | Operator::Lsqb) => {
                    j = self.matching(j);
                    last = j;
                    j += 1;
                }
                Tok::Str(_) if matches!(self.tok(last), Some(Tok::Str(_))) => {
                    last = j;
                    j += 1;
                }
                t if bitwise_only && joins_above_bitwise(t) => break,
                t if is_arithmetic_operator(t) || joins_above_bitwise(t) => {
                    want_operand = true;
                    j += 1;
                }
                _ => break,
            }
        }
        last.min(self.tokens.len().saturating_sub(1))
    }

    /// The index of the bracket closing the one at `open` (or the last token).
    fn matching(&self, open: usize) -> usize {
        let mut depth = 0;
        for (j, t) in self.tokens.iter().enumerate().skip(open) {
            if is_open(t.1) {
                depth += 1;
            } else if is_close(t.1) {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
        }
        self.tokens.len().saturating_sub(1)
    }

    fn range(&self, first: usize, last: usize, msg: impl Into<String>) -> SyntaxErr {
        let s = self.tokens[first].0;
        let e = self.tokens[last.max(first)].2;
        SyntaxErr::syntax(msg, s, e)
    }

    /// Parses the source between tokens `first..=last` as an expression, to
    /// name it in a message.
    fn expr_kind(&self, first: usize, last: usize) -> Option<&'static str> {
        let s = (self.tokens[first].0 - self.shift) as usize;
        let e = (self.tokens[last].2 - self.shift) as usize;
        let text = self.source.get(s..e)?;
        match crate::parse(text, crate::Mode::Eval, "") {
            Ok(pith_ast::Mod::Expression(x)) => Some(crate::builders::expr_name(&x.body)),
            _ => None,
        }
    }

    /// The error of the bracket left open at the end of input, if it wins
    /// over a specific error whose `invalid_*` rule read up to token
    /// `furthest`: when that token is the end of input, the tokenizer fails
    /// there; when it is on a later line than the bracket, CPython's check
    /// of the whole source puts the bracket first.
    fn unclosed_beyond(&self, furthest: usize) -> Option<SyntaxErr> {
        let nc = never_closed(self.open_brackets)?;
        let at_end = self.tokens[furthest.min(self.tokens.len())..]
            .iter()
            .all(|t| matches!(t.1, Tok::Newline | Tok::Dedent));
        let later = self
            .tokens
            .get(furthest)
            .is_some_and(|t| self.line(t.0) > self.line(nc.start));
        (at_end || later).then_some(nc)
    }

    /// `f(a.b := 1)`: a call's arguments take `:=` only after a name
    /// (`assignment_expression`), so CPython's parser fails at the `:=` there
    /// instead of naming the target as the grammar's other `:=` do.
    fn walrus_argument(&self, error: &SyntaxErr) -> Option<SyntaxErr> {
        if !error
            .msg
            .starts_with("cannot use assignment expressions with")
        {
            return None;
        }
        let target_end = match error.end {
            End::At(end) => end,
            End::Literal(_) => error.start,
        };
        let walrus = self
            .tokens
            .iter()
            .position(|t| t.0 >= target_end && t.1 == Tok::Op(Operator::ColonEqual))?;
        let open = self.enclosing_open(walrus, 0, |_| true)?;
        self.opens_call(open)
            .then(|| self.range(walrus, walrus, "invalid syntax"))
    }

    /// Whether the bracket at token `open` is a call's `(` (after an
    /// expression).
    fn opens_call(&self, open: usize) -> bool {
        self.tok(open) == Some(Tok::Op(Operator::Lpar))
            && open
                .checked_sub(1)
                .is_some_and(|p| ends_expr(self.tokens[p].1))
    }

    /// The line of source offset `offset`.
    fn line(&self, offset: u32) -> u32 {
        line_col(self.source, offset.saturating_sub(self.shift)).0
    }

    /// `nc`, the error of a bracket left open, unless CPython's parser
    /// stopped first at a keyword argument written as an expression
    /// (`f(a.b = 1`), which ours reads on past: the bracket wins then only
    /// if that `=` is on a later line.
    fn unclosed_unless_kwarg(&self, nc: SyntaxErr) -> SyntaxErr {
        match self.invalid_kwarg_in_open_call() {
            Some((err, eq)) if self.line(eq) <= self.line(nc.start) => err,
            _ => nc,
        }
    }

    /// The error of the bracket left open at the end of input, if CPython,
    /// parsing an expression from the bracket at token `open`, reads to the
    /// end of input or past the bracket's line before that parse fails.
    fn unclosed_after_display(&self, open: usize) -> Option<SyntaxErr> {
        let nc = never_closed(self.open_brackets)?;
        let last = self.tokens.len().checked_sub(1)?;
        let reads_on = match self.operand_error(open, last) {
            Some(e) => {
                e.msg.ends_with("was never closed") || self.line(e.start) > self.line(nc.start)
            }
            None => true,
        };
        reads_on.then_some(nc)
    }

    /// In the call whose `(` is the innermost bracket left open, the first
    /// keyword argument whose key is not a name (`f(a.b = 1`), as CPython's
    /// `invalid_kwarg` reports it, with the offset of its `=`.
    fn invalid_kwarg_in_open_call(&self) -> Option<(SyntaxErr, u32)> {
        let &(_, at) = self.open_brackets.last()?;
        let open = self.tokens.iter().position(|t| t.0 == at && is_open(t.1))?;
        if !self.opens_call(open) {
            return None;
        }
        let mut depth = 0;
        let mut arg = open + 1;
        for j in open + 1..self.index {
            let t = self.tokens[j].1;
            if is_open(t) {
                depth += 1;
            } else if is_close(t) {
                depth -= 1;
            } else if depth == 0 && t == Tok::Op(Operator::Comma) {
                arg = j + 1;
            } else if depth == 0 && t == Tok::Op(Operator::Equal) && j > arg {
                let eq = self.tokens[j].0;
                let key = self.tokens[arg].1;
                let msg = match key {
                    _ if j == arg + 1 && matches!(key, Tok::Name(_)) => continue,
                    Tok::Kw(k @ (Keyword::True | Keyword::False | Keyword::None))
                        if j == arg + 1 =>
                    {
                        format!("cannot assign to {}", k.as_str())
                    }
                    Tok::Op(Operator::Star | Operator::DoubleStar) => return None,
                    _ => "expression cannot contain assignment, perhaps you meant \"==\"?".into(),
                };
                return Some((
                    SyntaxErr::syntax(msg, self.tokens[arg].0, self.tokens[j].2),
                    eq,
                ));
            }
        }
        None
    }

    /// Whether the logical line of token `i` has, before it and outside
    /// brackets, a `:` or a `lambda`: a `:` expected then is not the one
    /// that ends a compound statement's header (`if x: lambda`).
    fn colon_or_lambda_before(&self, i: usize) -> bool {
        let mut depth = 0;
        self.tokens[self.line_start(i)..i].iter().any(|t| {
            if is_open(t.1) {
                depth += 1;
            } else if is_close(t.1) {
                depth -= 1;
            }
            depth == 0 && matches!(t.1, Tok::Op(Operator::Colon) | Tok::Kw(Keyword::Lambda))
        })
    }

    /// `x == 2:` with no annotation after the `:`. Our grammar reads any
    /// expression before a statement's `:` as an annotation target and fails
    /// after it; CPython's tries the `:` only after a name, an attribute or
    /// a subscript (`annotated_rhs`'s targets), so its first pass stops at
    /// the `:` and the generic error points there.
    fn colon_after_non_target(&self, i: usize) -> Option<SyntaxErr> {
        let colon = i.checked_sub(1)?;
        if self.tok(colon)? != Tok::Op(Operator::Colon) || self.depth_at(colon) != 0 {
            return None;
        }
        let first = self.line_start(colon);
        let statement = first == 0
            || !matches!(
                self.tok(first - 1),
                Some(Tok::StartExpression | Tok::StartFString | Tok::StartFuncType)
            );
        if !statement || first == colon || !self.tok(first).is_some_and(starts_expr) {
            return None;
        }
        // A lambda's `:` (`f = lambda:`) is not an annotation's.
        if self.colon_or_lambda_before(colon) {
            return None;
        }
        match self.expr_kind(first, colon - 1) {
            Some("name" | "attribute" | "subscript") => None,
            _ => Some(self.range(colon, colon, "invalid syntax")),
        }
    }

    /// The syntax error of the source between tokens `first..=last` parsed
    /// as an expression list, positioned in the whole source; `None` if it
    /// parses.
    fn operand_error(&self, first: usize, last: usize) -> Option<SyntaxErr> {
        let start = self.tokens[first].0;
        let s = (start - self.shift) as usize;
        let e = (self.tokens[last].2 - self.shift) as usize;
        let text = self.source.get(s..e)?;
        // Only a diagnosis: its warnings are not reported.
        let seen = crate::Warnings::default();
        crate::parse_tokens(&seen, text, Tok::StartExpression, start, false).err()
    }

    /// The error of the string atom that ends right before the error token.
    fn strings_before(&self) -> Option<SyntaxErr> {
        let mut first = self.index;
        while first > 0 && matches!(self.tokens[first - 1].1, Tok::Str(_)) {
            first -= 1;
        }
        if first == self.index {
            return None;
        }
        let parts: Vec<_> = self.tokens[first..self.index]
            .iter()
            .filter_map(|&(start, t, end)| match t {
                Tok::Str(text) => Some(crate::builders::StrPart { start, end, text }),
                _ => None,
            })
            .collect();
        let l = self.tokens[first].0;
        let r = self.tokens[self.index - 1].2;
        let seen = crate::Warnings::default();
        crate::builders::strings(&seen, l, r, &parts).err()
    }

    fn message(&self, expected: &[String]) -> Option<SyntaxErr> {
        let i = self.index;
        let t = self.tok(i)?;
        let p = if i > 0 { self.tok(i - 1) } else { None };
        let (ts, te) = (self.tokens[i].0, self.tokens[i].2);

        // `single` input holds one statement.
        if self.tok(0) == Some(Tok::StartInteractive)
            && p == Some(Tok::Newline)
            && !matches!(t, Tok::Indent | Tok::Dedent)
            && self
                .tok(self.line_start(i - 1))
                .is_some_and(|first| !is_compound_head(first))
        {
            let (at, end) = (self.tokens[i - 1].0, self.tokens[i - 1].2);
            return Some(SyntaxErr::syntax(
                "multiple statements found while compiling a single statement",
                at,
                end,
            ));
        }
        if t == Tok::Indent {
            return Some(
                SyntaxErr::new(
                    ErrorKind::IndentationError,
                    "unexpected indent".into(),
                    te.saturating_sub(1),
                    te,
                )
                .with_end(End::Literal(-1)),
            );
        }
        if let Some(err) = self.colon_after_non_target(i) {
            return Some(err);
        }
        if p == Some(Tok::Newline) && i >= 2 && self.tok(i - 2) == Some(Tok::Op(Operator::Colon)) {
            let (s, e) = (self.tokens[i].0, self.tokens[i].2);
            if let Some(err) = self.expected_block(i - 1, s, End::At(e)) {
                // (At the end of input `expected_block` placed it.)
                if t == Tok::Dedent && self.shift == 0 && (s as usize) < self.source.len() {
                    return Some(self.at_dedent(err));
                }
                return Some(err);
            }
        }
        if t == Tok::Newline
            && expected.iter().any(|e| e == "\":\"")
            && !self.colon_or_lambda_before(i)
        {
            let first = self.tok(self.line_start(i));
            let compound = matches!(
                first,
                Some(
                    Tok::Kw(
                        Keyword::If
                            | Keyword::Elif
                            | Keyword::Else
                            | Keyword::While
                            | Keyword::For
                            | Keyword::With
                            | Keyword::Def
                            | Keyword::Class
                            | Keyword::Try
                            | Keyword::Except
                            | Keyword::Finally
                            | Keyword::Async
                    ) | Tok::Match
                        | Tok::Case
                )
            );
            if compound {
                return Some(SyntaxErr::syntax("expected ':'", ts, te));
            }
        }
        // `(**a)`: CPython's `invalid_group`.
        if t == Tok::Op(Operator::DoubleStar)
            && p == Some(Tok::Op(Operator::Lpar))
            && self.tok(i + 1).is_some_and(starts_expr)
            && self.tok(self.expr_end(i + 1) + 1) == Some(Tok::Op(Operator::Rpar))
        {
            return Some(self.range(i, i, "cannot use double starred expression here"));
        }
        // `{"a": *b}`: CPython's `invalid_kvpair`, from the `*` to the token
        // after the value.
        if t == Tok::Op(Operator::Star)
            && p == Some(Tok::Op(Operator::Colon))
            && self.tok(i + 1).is_some_and(starts_expr)
            && self
                .enclosing_open(i, 0, |_| true)
                .is_some_and(|open| self.tok(open) == Some(Tok::Op(Operator::Lbrace)))
        {
            let after = self.operand_end(i + 1, true) + 1;
            let end = self.tokens.get(after).map_or(te, |t| t.0);
            return Some(SyntaxErr::syntax(
                "cannot use a starred expression in a dictionary value",
                ts,
                end,
            ));
        }
        // Tokens CPython's grammar requires (`&&':'` and friends).
        if let Some(err) = self.forced_token(t, p, expected) {
            return Some(err);
        }
        // `try:` block followed by neither `except` nor `finally`
        if expected.iter().any(|e| e == "\"except\"")
            && expected.iter().any(|e| e == "\"finally\"")
            && !matches!(t, Tok::Kw(Keyword::Except | Keyword::Finally))
        {
            let err = self.range(i, i, "expected 'except' or 'finally' block");
            if t == Tok::Dedent && self.shift == 0 {
                return Some(self.at_dedent(err));
            }
            return Some(err);
        }
        // `{"a": }`
        if p == Some(Tok::Op(Operator::Colon))
            && matches!(t, Tok::Op(Operator::Rbrace | Operator::Comma))
            && self.innermost_open(i) == Some(Tok::Op(Operator::Lbrace))
        {
            return Some(self.range(
                i - 1,
                i - 1,
                "expression expected after dictionary key and ':'",
            ));
        }
        // `{1: 2, 'a'}`
        if let Some(err) = self.dict_key_without_colon(i) {
            return Some(err);
        }
        // `[*x for x in y]`, `[x, y for x in z]`
        let comprehension_for = is_kw(t, Keyword::For)
            || (is_kw(t, Keyword::Async)
                && self.tok(i + 1).is_some_and(|n| is_kw(n, Keyword::For)));
        if comprehension_for {
            if let Some(err) = self.invalid_comprehension(i) {
                return Some(err);
            }
            if let Some(err) = self.keyword_generator(i) {
                return Some(err);
            }
        }
        // `def f((a, b)):`
        if t == Tok::Op(Operator::Lpar)
            && matches!(p, Some(Tok::Op(Operator::Lpar | Operator::Comma)))
            && self.tok(self.line_start(i)) == Some(Tok::Kw(Keyword::Def))
            && self.depth_at(i) == 1
        {
            let close = self.matching(i);
            return Some(self.range(i, close, "Function parameters cannot be parenthesized"));
        }
        // `1 <> 2`: CPython's tokenizer reads `<>` as one token.
        if t == Tok::Op(Operator::Greater)
            && p == Some(Tok::Op(Operator::Less))
            && self.tokens[i - 1].2 == ts
        {
            return Some(self.range(i - 1, i, "invalid syntax"));
        }
        // `def f(a=):`
        if p == Some(Tok::Op(Operator::Equal))
            && matches!(
                t,
                Tok::Op(Operator::Rpar | Operator::Comma | Operator::Colon)
            )
        {
            let head = self.tok(self.line_start(i));
            let in_params = (head == Some(Tok::Kw(Keyword::Def)) && self.depth_at(i) == 1)
                || self.lambda_params(i);
            if in_params {
                return Some(self.range(i - 1, i - 1, "expected default value expression"));
            }
        }
        // `from a import b,`
        if t == Tok::Newline
            && p == Some(Tok::Op(Operator::Comma))
            && self.tok(self.line_start(i)) == Some(Tok::Kw(Keyword::From))
            && self.depth_at(i) == 0
        {
            return Some(SyntaxErr::syntax(
                "trailing comma not allowed without surrounding parentheses",
                ts,
                te,
            ));
        }
        // `except A, B:`
        if t == Tok::Op(Operator::Comma) && self.depth_at(i) == 0 {
            let ls = self.line_start(i);
            if self.tok(ls) == Some(Tok::Kw(Keyword::Except)) && ls + 1 < i {
                let mut last = i;
                while last + 1 < self.tokens.len()
                    && !matches!(
                        self.tokens[last + 1].1,
                        Tok::Op(Operator::Colon) | Tok::Kw(Keyword::As) | Tok::Newline
                    )
                {
                    last += 1;
                }
                return Some(self.range(
                    ls + 1,
                    last,
                    "multiple exception types must be parenthesized",
                ));
            }
        }
        // `lambda (x): x`
        if t == Tok::Op(Operator::Lpar) && p == Some(Tok::Kw(Keyword::Lambda)) {
            let close = self.matching(i);
            return Some(self.range(
                i,
                close,
                "Lambda expression parameters cannot be parenthesized",
            ));
        }
        // `print "x"`, `x = print foo`: CPython's `invalid_legacy_expression`
        // (`NAME !'(' star_expressions`) wherever an expression may start,
        // over the longest expression list that follows, if that parses.
        if let Some(Tok::Name(name @ ("print" | "exec"))) = p {
            let before = i.checked_sub(2).and_then(|k| self.tok(k));
            let at_expr_start = self.line_start(i - 1) == i - 1
                || !before.is_some_and(|b| ends_expr(b) || b == Tok::Op(Operator::Dot));
            if starts_expr(t) && t != Tok::Op(Operator::Lpar) && at_expr_start {
                let mut last = self.expr_end(i);
                while self.tok(last + 1) == Some(Tok::Op(Operator::Comma)) {
                    match self.tok(last + 2) {
                        Some(next) if starts_expr(next) => last = self.expr_end(last + 2),
                        _ => {
                            last += 1;
                            break;
                        }
                    }
                }
                // A specific error inside the operand is the one CPython
                // reports; a plain "invalid syntax" there leaves the
                // generic error at the first pass's furthest token.
                match self.operand_error(i, last) {
                    None => {
                        return Some(self.range(
                            i - 1,
                            last,
                            format!(
                                "Missing parentheses in call to '{name}'. Did you mean {name}(...)?"
                            ),
                        ))
                    }
                    Some(err) if err.msg != "invalid syntax" => return Some(err),
                    Some(_) => {}
                }
            }
        }
        // `if x = 1:`
        if t == Tok::Op(Operator::Equal) {
            let ls = self.line_start(i);
            if matches!(
                self.tok(ls),
                Some(Tok::Kw(Keyword::If | Keyword::Elif | Keyword::While))
            ) && ls + 1 < i
                && self.depth_at(i) == 0
                && self.single_operand(ls + 1, i)
            {
                let first = ls + 1;
                let value_end = self.expr_end(i + 1);
                if first + 1 == i && matches!(self.tok(first), Some(Tok::Name(_))) {
                    return Some(self.range(
                        first,
                        value_end,
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    ));
                }
                if let Some(kind) = self.expr_kind(first, i - 1) {
                    return Some(self.range(
                        first,
                        i - 1,
                        format!(
                            "cannot assign to {kind} here. Maybe you meant '==' instead of '='?"
                        ),
                    ));
                }
            }
        }
        // `[y = 1]`, `{y = 1}`: an element written as an assignment.
        if t == Tok::Op(Operator::Equal) {
            if let Some(err) = self.element_assignment(i) {
                return Some(err);
            }
        }
        // `if (x) { y = 1 }`: CPython reads on into the display and meets
        // its first element.
        if matches!(t, Tok::Op(Operator::Lbrace | Operator::Lsqb))
            && matches!(self.tok(i + 1), Some(Tok::Name(_)))
            && self.tok(i + 2) == Some(Tok::Op(Operator::Equal))
        {
            if let Some(err) = self.element_assignment(i + 2) {
                return Some(err);
            }
        }
        // `a if b` without `else`
        if !is_kw(t, Keyword::Else) {
            if let Some(err) = self.missing_else(i) {
                return Some(err);
            }
        }
        // `(a b)`: a forgotten comma, inside brackets only.
        if let Some(p) = p {
            if ends_expr(p)
                && starts_expr(t)
                && self.depth_at(i) > 0
                && !(matches!(p, Tok::Name(_)) && matches!(t, Tok::Str(_)))
                && !is_kw(t, Keyword::Lambda)
                && self.in_expression_list(i)
            {
                let first = self.disjunction_start(i - 1);
                let last = self.expr_end(i);
                if let Some(nc) = self.unclosed_beyond(last + 1) {
                    return Some(nc);
                }
                if first < i {
                    return Some(self.range(
                        first,
                        last,
                        "invalid syntax. Perhaps you forgot a comma?",
                    ));
                }
            }
        }
        self.positional_after_keyword(i)
    }

    /// `f(a=1, b c` with `c` at `i`: a positional argument after keyword
    /// arguments, then a token the call cannot take. CPython's
    /// `invalid_arguments` (`args ',' args`) reports it at the last token
    /// read.
    fn positional_after_keyword(&self, i: usize) -> Option<SyntaxErr> {
        let open = self.enclosing_open(i, self.line_start(i), |_| true)?;
        if !self.opens_call(open) || !self.in_expression_list(i) {
            return None;
        }
        let is_keyword = |first: usize| {
            matches!(self.tok(first), Some(Tok::Name(_)))
                && self.tok(first + 1) == Some(Tok::Op(Operator::Equal))
        };
        let (mut keyword, mut unpacking) = (false, false);
        let mut depth = 0;
        let mut arg = open + 1;
        for j in open + 1..i {
            let t = self.tokens[j].1;
            if is_open(t) {
                depth += 1;
            } else if is_close(t) {
                depth -= 1;
            } else if depth == 0 && t == Tok::Op(Operator::Comma) {
                keyword |= is_keyword(arg);
                unpacking |= self.tok(arg) == Some(Tok::Op(Operator::DoubleStar));
                arg = j + 1;
            }
        }
        let positional = arg < i && self.tok(arg).is_some_and(starts_expr) && !is_keyword(arg);
        if !positional || !(keyword || unpacking) {
            return None;
        }
        let msg = if unpacking {
            "positional argument follows keyword argument unpacking"
        } else {
            "positional argument follows keyword argument"
        };
        Some(self.range(i, i, msg))
    }

    /// Whether token `i` is inside a `lambda`'s parameters (after `lambda`,
    /// before its `:`, at the same bracket depth).
    fn lambda_params(&self, i: usize) -> bool {
        let ls = self.line_start(i);
        let mut depth = 0;
        let mut j = i;
        while j > ls {
            j -= 1;
            let t = self.tokens[j].1;
            if is_close(t) {
                depth += 1;
            } else if is_open(t) {
                if depth == 0 {
                    return false;
                }
                depth -= 1;
            } else if depth == 0 {
                if t == Tok::Op(Operator::Colon) {
                    return false;
                }
                if is_kw(t, Keyword::Lambda) {
                    return true;
                }
            }
        }
        false
    }

    /// Whether a `for` at the bracket depth of token `i` precedes it: an
    /// `if` there is a comprehension's condition, not a conditional expression.
    fn comprehension_before(&self, i: usize) -> bool {
        let ls = self.line_start(i);
        let mut depth = 0;
        let mut j = i;
        while j > ls {
            j -= 1;
            let t = self.tokens[j].1;
            if is_close(t) {
                depth += 1;
            } else if is_open(t) {
                if depth == 0 {
                    return false;
                }
                depth -= 1;
            } else if depth == 0 && is_kw(t, Keyword::For) {
                return true;
            }
        }
        false
    }

    /// Whether token `i` sits where CPython parses full expressions: not in
    /// an import list, a `def`'s parameters, or a comprehension's clauses.
    fn in_expression_list(&self, i: usize) -> bool {
        let ls = self.line_start(i);
        let head = self.tok(ls);
        if matches!(head, Some(Tok::Kw(Keyword::From | Keyword::Import))) {
            return false;
        }
        let mut first = ls;
        if head == Some(Tok::Kw(Keyword::Async)) {
            first += 1;
        }
        if self.tok(first) == Some(Tok::Kw(Keyword::Def)) && self.depth_at(i) == 1 {
            return false;
        }
        !self.in_comprehension_clause(i)
    }

    /// Whether token `i` is in a comprehension's `in` or `if` clause (after
    /// `for ... in` at its bracket depth).
    fn in_comprehension_clause(&self, i: usize) -> bool {
        let ls = self.line_start(i);
        let mut depth = 0;
        let mut j = i;
        let mut seen_in = false;
        while j > ls {
            j -= 1;
            let t = self.tokens[j].1;
            if is_close(t) {
                depth += 1;
            } else if is_open(t) {
                if depth == 0 {
                    return false;
                }
                depth -= 1;
            } else if depth == 0 {
                if is_kw(t, Keyword::In) {
                    seen_in = true;
                } else if is_kw(t, Keyword::For) {
                    return seen_in;
                }
            }
        }
        false
    }

    /// Whether tokens `first..end` hold no operator looser than `|` at
    /// their own bracket depth (a `bitwise_or` in CPython's grammar).
    fn single_operand(&self, first: usize, end: usize) -> bool {
        let mut depth = 0;
        for t in &self.tokens[first..end] {
            if is_open(t.1) {
                depth += 1;
            } else if is_close(t.1) {
                depth -= 1;
            } else if depth == 0
                && matches!(
                    t.1,
                    Tok::Kw(
                        Keyword::And
                            | Keyword::Or
                            | Keyword::Not
                            | Keyword::In
                            | Keyword::Is
                            | Keyword::If
                            | Keyword::Lambda
                    ) | Tok::Op(
                        Operator::EqEqual
                            | Operator::NotEqual
                            | Operator::Less
                            | Operator::LessEqual
                            | Operator::Greater
                            | Operator::GreaterEqual
                            | Operator::Comma
                    )
                )
            {
                return false;
            }
        }
        true
    }

    /// The index of the bracket that encloses token `i`, walking back past
    /// the tokens at `i`'s depth, each shown to `visit`: `None` if `visit`
    /// stops the walk (returns `false`) or no bracket after token `floor`
    /// encloses `i`.
    fn enclosing_open(
        &self,
        i: usize,
        floor: usize,
        mut visit: impl FnMut(Tok<'_>) -> bool,
    ) -> Option<usize> {
        let mut depth = 0;
        let mut j = i;
        while j > floor {
            j -= 1;
            let t = self.tokens[j].1;
            if is_close(t) {
                depth += 1;
            } else if is_open(t) {
                if depth == 0 {
                    return Some(j);
                }
                depth -= 1;
            } else if depth == 0 && !visit(t) {
                return None;
            }
        }
        None
    }

    /// CPython's `invalid_kwarg` on `f(a = x for x in y)`, the `for` at
    /// `i`: a keyword argument whose value is a bare generator expression,
    /// reported from the name through the `=`.
    fn keyword_generator(&self, i: usize) -> Option<SyntaxErr> {
        let value = self.expr_start(i.checked_sub(1)?);
        let eq = value.checked_sub(1)?;
        let name = eq.checked_sub(1)?;
        if eq == 0 || self.tok(eq) != Some(Tok::Op(Operator::Equal)) {
            return None;
        }
        if !matches!(self.tok(name), Some(Tok::Name(_))) || name == 0 {
            return None;
        }
        let before = self.tok(name - 1)?;
        if !matches!(before, Tok::Op(Operator::Lpar | Operator::Comma)) {
            return None;
        }
        let open = self.enclosing_open(i, self.line_start(i), |_| true)?;
        if self.tok(open) != Some(Tok::Op(Operator::Lpar)) || open == 0 {
            return None;
        }
        // A call's parentheses follow what is called.
        if !matches!(
            self.tok(open - 1),
            Some(Tok::Name(_) | Tok::Op(Operator::Rpar | Operator::Rsqb))
        ) {
            return None;
        }
        Some(self.range(
            name,
            eq,
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        ))
    }

    /// Whether token `i` is inside a list, set or dict display, or a
    /// parenthesized group or tuple (whose elements are
    /// `named_expression`s), rather than a call's argument list.
    fn in_display(&self, i: usize) -> bool {
        let Some(open) = self.enclosing_open(i, self.line_start(i), |_| true) else {
            return false;
        };
        match self.tokens[open].1 {
            Tok::Op(Operator::Lbrace | Operator::Lsqb) => true,
            // A `(` right after an atom or a closing bracket opens a call.
            Tok::Op(Operator::Lpar) => {
                !(open > 0
                    && matches!(
                        self.tokens[open - 1].1,
                        Tok::Name(_)
                            | Tok::Number(_)
                            | Tok::Str(_)
                            | Tok::Kw(Keyword::True | Keyword::False | Keyword::None)
                            | Tok::Op(
                                Operator::Rpar
                                    | Operator::Rsqb
                                    | Operator::Rbrace
                                    | Operator::Ellipsis
                            )
                    ))
            }
            _ => false,
        }
    }

    /// The innermost bracket open before token `i` on its logical line.
    fn innermost_open(&self, i: usize) -> Option<Tok<'_>> {
        let open = self.enclosing_open(i, self.line_start(i), |_| true)?;
        Some(self.tokens[open].1)
    }

    /// CPython's `invalid_named_expression` on an element `NAME = operand`
    /// or `operand = operand` of a list or set display, the `=` at `eq`,
    /// when no `=` or `:=` follows the operand.
    fn element_assignment(&self, eq: usize) -> Option<SyntaxErr> {
        if eq < 2 {
            return None;
        }
        let first = self.expr_start(eq - 1);
        if first == 0
            || first >= eq
            || !matches!(
                self.tok(first - 1),
                Some(Tok::Op(
                    Operator::Lbrace | Operator::Lsqb | Operator::Lpar | Operator::Comma
                ))
            )
            || !self.in_display(eq)
            || !matches!(
                self.tok(eq + 1),
                Some(
                    Tok::Name(_)
                        | Tok::Number(_)
                        | Tok::Str(_)
                        | Tok::Kw(Keyword::True | Keyword::False | Keyword::None)
                        | Tok::Op(
                            Operator::Lpar
                                | Operator::Lsqb
                                | Operator::Lbrace
                                | Operator::Minus
                                | Operator::Plus
                                | Operator::Tilde
                        )
                )
            )
        {
            return None;
        }
        // In a dict display CPython asks for the key's `:` instead.
        self.enclosing_open(eq, 0, |t| t != Tok::Op(Operator::Colon))?;
        let end = self.operand_end(eq + 1, true);
        if matches!(
            self.tok(end + 1),
            Some(Tok::Op(Operator::Equal | Operator::ColonEqual))
        ) {
            return None;
        }
        if first + 1 == eq && matches!(self.tok(first), Some(Tok::Name(_))) {
            return Some(self.unclosed_beyond(end + 1).unwrap_or_else(|| {
                self.range(
                    first,
                    end,
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                )
            }));
        }
        // The target must be a whole `bitwise_or`, and not start a list,
        // tuple, generator expression or `True`/`None`/`False`.
        if self.operand_end(first, true) != eq - 1
            || matches!(
                self.tok(first),
                Some(
                    Tok::Kw(Keyword::Not | Keyword::True | Keyword::False | Keyword::None)
                        | Tok::Op(Operator::Lsqb)
                )
            )
        {
            return None;
        }
        let kind = self.expr_kind(first, eq - 1)?;
        if self.tok(first) == Some(Tok::Op(Operator::Lpar))
            && self.matching(first) == eq - 1
            && matches!(kind, "tuple" | "generator expression")
        {
            return None;
        }
        // The range is the expression's, inside any parentheses.
        let (mut first, mut last) = (first, eq - 1);
        while first < last
            && self.tok(first) == Some(Tok::Op(Operator::Lpar))
            && self.matching(first) == last
        {
            first += 1;
            last -= 1;
        }
        Some(self.unclosed_beyond(end + 1).unwrap_or_else(|| {
            self.range(
                first,
                last,
                format!("cannot assign to {kind} here. Maybe you meant '==' instead of '='?"),
            )
        }))
    }

    /// CPython's `invalid_comprehension` and `invalid_dict_comprehension`:
    /// the element before the `for` at `i` is starred, or is a list of
    /// elements that needs parentheses.
    fn invalid_comprehension(&self, i: usize) -> Option<SyntaxErr> {
        let open = self.innermost_open(i)?;
        let trailing_comma = self.tok(i.checked_sub(1)?) == Some(Tok::Op(Operator::Comma));
        let first = self.expr_start(i - 1);
        if first == 0 || (first >= i && !trailing_comma) {
            return None;
        }
        if !trailing_comma && is_open(self.tok(first - 1)?) {
            return match self.tok(first)? {
                Tok::Op(Operator::Star) => Some(self.range(
                    first,
                    i - 1,
                    "iterable unpacking cannot be used in comprehension",
                )),
                Tok::Op(Operator::DoubleStar) if open == Tok::Op(Operator::Lbrace) => {
                    Some(self.range(
                        first,
                        first,
                        "dict unpacking cannot be used in dict comprehension",
                    ))
                }
                _ => None,
            };
        }
        if !matches!(open, Tok::Op(Operator::Lsqb | Operator::Lbrace)) {
            return None;
        }
        // `[a, b for ...]` or `[a, for ...]`: back to the display's first element.
        let j = self.enclosing_open(i, 0, |t| {
            t != Tok::Op(Operator::Colon) && !is_kw(t, Keyword::For)
        })?;
        if j + 1 >= i - 1 && !trailing_comma {
            return None;
        }
        Some(self.range(
            j + 1,
            i - 1,
            "did you forget parentheses around the comprehension target?",
        ))
    }

    /// CPython's `invalid_kvpair` after a dict display's first pairs: an
    /// element whose key expression no `:` follows, the error token at `i`.
    /// The error sits on the key's last character, with no end.
    fn dict_key_without_colon(&self, i: usize) -> Option<SyntaxErr> {
        if i == 0
            || self.tok(i) == Some(Tok::Op(Operator::Colon))
            || self.innermost_open(i) != Some(Tok::Op(Operator::Lbrace))
        {
            return None;
        }
        let first = self.expr_start(i - 1);
        if first < 2 || first >= i || self.tok(first - 1) != Some(Tok::Op(Operator::Comma)) {
            return None;
        }
        // The elements before are pairs (or `**` mappings): find the `{`
        // and look for one at its depth.
        let mut pair = false;
        let j = self.enclosing_open(first - 1, 0, |t| {
            pair |= t == Tok::Op(Operator::Colon);
            true
        })?;
        let starred = self.tok(j + 1) == Some(Tok::Op(Operator::DoubleStar));
        if self.tok(j) != Some(Tok::Op(Operator::Lbrace)) || !(pair || starred) {
            return None;
        }
        let last = self.expr_end(first);
        if last >= i {
            return None;
        }
        let end = (self.tokens[last].2 - self.shift) as usize;
        let key = self.source.get(..end)?;
        let at = key.char_indices().next_back().map_or(0, |(k, _)| k) as u32 + self.shift;
        Some(
            SyntaxErr::syntax("':' expected after dictionary key", at, at)
                .with_end(End::Literal(0)),
        )
    }

    /// CPython's forced tokens: `def` needs `(` after its name, and `def`,
    /// `try`, `finally` and `else` need `:` where the grammar expects one.
    fn forced_token(
        &self,
        t: Tok<'_>,
        p: Option<Tok<'_>>,
        expected: &[String],
    ) -> Option<SyntaxErr> {
        let i = self.index;
        let mut first = self.line_start(i);
        if self.tok(first) == Some(Tok::Kw(Keyword::Async)) {
            first += 1;
        }
        let head = self.tok(first)?;
        if head == Tok::Kw(Keyword::Def) && i == first + 2 && matches!(p, Some(Tok::Name(_))) {
            return Some(self.range(i, i, "expected '('"));
        }
        // `def f() -> :`: the optional `'->' expression` fails, and the
        // forced `':'` is missing at the arrow.
        if head == Tok::Kw(Keyword::Def)
            && p == Some(Tok::Op(Operator::Rarrow))
            && self.depth_at(i) == 0
        {
            return Some(self.range(i - 1, i - 1, "expected ':'"));
        }
        // `def f() -> int-`: the annotation is the expression before the
        // dangling operator, and the forced `':'` is missing at the operator.
        if head == Tok::Kw(Keyword::Def)
            && !starts_expr(t)
            && p.is_some_and(is_binary_operator)
            && self.depth_at(i) == 0
            && self.tokens[first..i]
                .iter()
                .any(|x| x.1 == Tok::Op(Operator::Rarrow))
        {
            // Back over the whole dangling chain (`int * -`).
            let mut op = i - 1;
            while op > first
                && (is_binary_operator(self.tokens[op - 1].1)
                    || self.tokens[op - 1].1 == Tok::Op(Operator::Tilde))
            {
                op -= 1;
            }
            // With no annotation left (`-> -:`), the arrow is what fails.
            if self.tokens[op - 1].1 == Tok::Op(Operator::Rarrow) {
                op -= 1;
            }
            return Some(self.range(op, op, "expected ':'"));
        }
        if t == Tok::Newline {
            return None;
        }
        let forced_colon = matches!(
            head,
            Tok::Kw(Keyword::Def | Keyword::Try | Keyword::Finally | Keyword::Else)
        );
        if forced_colon && self.depth_at(i) == 0 && expected.iter().any(|e| e == "\":\"") {
            return Some(self.range(i, i, "expected ':'"));
        }
        None
    }

    fn missing_else(&self, i: usize) -> Option<SyntaxErr> {
        let ls = self.line_start(i);
        // The nearest `if` at the depth of the error token, after an operand.
        let mut depth = 0;
        let mut j = i;
        while j > ls {
            j -= 1;
            let t = self.tokens[j].1;
            if is_close(t) {
                depth += 1;
            } else if is_open(t) {
                if depth == 0 {
                    return None;
                }
                depth -= 1;
            } else if depth == 0 {
                if is_kw(t, Keyword::Else)
                    || matches!(
                        t,
                        Tok::Op(Operator::Comma | Operator::Colon | Operator::Equal)
                    )
                {
                    return None;
                }
                if is_kw(t, Keyword::If) {
                    if j == ls || !ends_expr(self.tokens[j - 1].1) || j + 1 >= i {
                        return None;
                    }
                    if matches!(self.tokens[i].1, Tok::Op(Operator::Colon)) {
                        return None;
                    }
                    if self.comprehension_before(j) {
                        return None;
                    }
                    let first = self.expr_start(j - 1);
                    return Some(self.range(first, i - 1, "expected 'else' after 'if' expression"));
                }
            }
        }
        None
    }

    /// "expected an indented block after ..." for the block header whose
    /// line ends with the `Newline` token at `nl`, placed at `s` (the token
    /// found instead of the block). At the end of the source CPython's
    /// tokenizer stands after the last line's text (blank and comment lines
    /// included), and the error has no end column.
    fn expected_block(&self, nl: usize, s: u32, end: End) -> Option<SyntaxErr> {
        let (s, end) = if self.shift == 0 && s as usize >= self.source.len() {
            (last_line_end(self.source), End::Literal(-1))
        } else {
            (s, end)
        };
        let first = self.line_start(nl);
        let mut k = first;
        if self.tok(k) == Some(Tok::Kw(Keyword::Async)) {
            k += 1;
        }
        let what = match self.tok(k)? {
            Tok::Kw(Keyword::Def) => "function definition".to_string(),
            Tok::Kw(Keyword::Class) => "class definition".to_string(),
            Tok::Kw(Keyword::Except) if self.tok(k + 1) == Some(Tok::Op(Operator::Star)) => {
                "'except*' statement".to_string()
            }
            Tok::Kw(
                kw @ (Keyword::If
                | Keyword::Elif
                | Keyword::Else
                | Keyword::While
                | Keyword::For
                | Keyword::With
                | Keyword::Try
                | Keyword::Except
                | Keyword::Finally),
            ) => format!("'{}' statement", kw.as_str()),
            Tok::Match => "'match' statement".to_string(),
            Tok::Case => "'case' statement".to_string(),
            _ => return None,
        };
        let line = line_col(self.source, self.tokens[k].0 - self.shift).0;
        Some(
            SyntaxErr::new(
                ErrorKind::IndentationError,
                format!("expected an indented block after {what} on line {line}"),
                s,
                s,
            )
            .with_end(end),
        )
    }

    /// `err` placed at the `DEDENT` token it starts at as CPython places
    /// it: that token has no column, so the error is where the tokenizer
    /// stands, after the next line's indentation (after the last line at
    /// the end of the source), with no end column.
    fn at_dedent(&self, err: SyntaxErr) -> SyntaxErr {
        let start = err.start;
        let err = err.with_end(End::Literal(-1));
        if start as usize >= self.source.len() {
            let at = last_line_end(self.source);
            SyntaxErr { start: at, ..err }
        } else {
            let col = line_col(self.source, start).1;
            err.with_offset(col as i32)
        }
    }

    fn generic(&self, start: u32, tok: Tok<'_>, end: u32) -> SyntaxErr {
        let at_end = self.shift == 0 && start as usize >= self.source.len();
        match tok {
            Tok::Dedent if self.shift == 0 => self.at_dedent(SyntaxErr::new(
                ErrorKind::IndentationError,
                "unexpected unindent".into(),
                start,
                start,
            )),
            // The line end that `eval` and `single` input without one get
            // at the end has no column either (`exec` input gets a real one).
            Tok::Newline if at_end && self.tok(0) != Some(Tok::StartModule) => {
                SyntaxErr::syntax("invalid syntax", start, start)
                    .with_offset(0)
                    .with_end(End::Literal(0))
            }
            Tok::Newline => SyntaxErr::syntax("invalid syntax", start, end),
            Tok::Dedent => SyntaxErr::syntax("invalid syntax", start, start),
            _ => SyntaxErr::syntax("invalid syntax", start, end),
        }
    }
}
