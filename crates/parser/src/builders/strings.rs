//! String literals: prefixes, escape decoding, implicit concatenation, and
//! f-strings split into `JoinedStr`/`FormattedValue` the way CPython 3.11's
//! `Parser/string_parser.c` builds them (positions included).

use pith_ast::{
    Constant, ConstantKind, Conversion, Expr, ExprConstant, ExprFormattedValue, ExprJoinedStr,
    TextRange,
};

use pith_repr::escape::InvalidEscape;

use super::Res;
use crate::error::SyntaxErr;
use crate::Warnings;

impl Warnings {
    /// Records the deprecated escape, if any, of the literal token `part`.
    fn invalid_escape(&self, invalid: Option<InvalidEscape>, part: &StrPart<'_>) {
        if let Some(invalid) = invalid {
            self.push(invalid.message(), part.start, part.end);
        }
    }
}

/// One string token of an implicit concatenation.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StrPart<'a> {
    pub start: u32,
    pub end: u32,
    pub text: &'a str,
}

#[derive(Clone, Copy)]
struct Prefix {
    raw: bool,
    bytes: bool,
    fstring: bool,
}

/// Splits a string token into its prefix flags and body (between quotes),
/// with the body's offset within the token.
fn split(text: &str) -> (Prefix, &str, usize) {
    // Prefixes are ASCII letters, so the first quote is found bytewise.
    let q = text
        .bytes()
        .position(|b| b == b'\'' || b == b'"')
        .unwrap_or(0);
    let mut p = Prefix {
        raw: false,
        bytes: false,
        fstring: false,
    };
    for b in &text.as_bytes()[..q] {
        match b {
            b'r' | b'R' => p.raw = true,
            b'b' | b'B' => p.bytes = true,
            b'f' | b'F' => p.fstring = true,
            _ => {}
        }
    }
    let rest = &text[q..];
    let quote_len = if rest.len() >= 6 && (rest.starts_with("'''") || rest.starts_with("\"\"\"")) {
        3
    } else {
        1
    };
    let body = rest
        .get(quote_len..rest.len().saturating_sub(quote_len))
        .unwrap_or("");
    (p, body, q + quote_len)
}

/// The value of `s1 s2 ...`: a `Constant` or, with an f-string among them,
/// a `JoinedStr`.
pub(crate) fn strings(warnings: &Warnings, l: u32, r: u32, parts: &[StrPart<'_>]) -> Res<Expr> {
    strings_inner(warnings, l, r, parts).map_err(|mut e| {
        // Decoding errors point after the literal, as CPython's do.
        if e.msg.starts_with('(') {
            e.start = r;
            e.end = crate::error::End::At(r);
        }
        e
    })
}

/// [`strings`] of the grammar's `first` part and the parts after it: a lone
/// literal, most of them, needs no vector.
pub(crate) fn string_parts<'a>(
    warnings: &Warnings,
    l: u32,
    r: u32,
    first: StrPart<'a>,
    mut rest: Vec<StrPart<'a>>,
) -> Res<Expr> {
    if rest.is_empty() {
        return strings(warnings, l, r, std::slice::from_ref(&first));
    }
    rest.insert(0, first);
    strings(warnings, l, r, &rest)
}

fn strings_inner(warnings: &Warnings, l: u32, r: u32, parts: &[StrPart<'_>]) -> Res<Expr> {
    let range = TextRange::new(l, r);
    // A lone plain `str` literal (docstrings, most constants) splits its
    // token once.
    if let [part] = parts {
        let (prefix, body, off) = split(part.text);
        if !prefix.bytes && !prefix.fstring {
            let kind = if part.text.starts_with('u') {
                ConstantKind::U
            } else {
                ConstantKind::None
            };
            let (value, invalid) = decode_str_owned(body, prefix.raw, part.start + off as u32)?;
            warnings.invalid_escape(invalid, part);
            return Ok(Expr::Constant(ExprConstant { range, value, kind }));
        }
    }
    let first_bytes = parts.first().is_some_and(|p| split(p.text).0.bytes);
    let mut any_f = false;
    for p in parts {
        let (prefix, ..) = split(p.text);
        if prefix.bytes != first_bytes {
            return Err(SyntaxErr::syntax(
                "cannot mix bytes and nonbytes literals",
                r,
                r,
            ));
        }
        any_f |= prefix.fstring;
    }
    let kind = if parts.first().is_some_and(|p| p.text.starts_with('u')) {
        ConstantKind::U
    } else {
        ConstantKind::None
    };
    if first_bytes {
        let mut out = Vec::new();
        for p in parts {
            let (prefix, body, off) = split(p.text);
            if !body.is_ascii() {
                return Err(SyntaxErr::syntax(
                    "bytes can only contain ASCII literal characters",
                    p.start,
                    p.end,
                ));
            }
            let invalid = decode_bytes(body, prefix.raw, p.start + off as u32, &mut out)?;
            warnings.invalid_escape(invalid, p);
        }
        return Ok(Expr::Constant(ExprConstant {
            range,
            value: Constant::Bytes(out.into()),
            kind: ConstantKind::None,
        }));
    }
    if !any_f {
        let value = if parts.len() == 1 {
            let (prefix, body, off) = split(parts[0].text);
            let (value, invalid) = decode_str_owned(body, prefix.raw, parts[0].start + off as u32)?;
            warnings.invalid_escape(invalid, &parts[0]);
            value
        } else {
            let mut s = DecodedStr::default();
            for p in parts {
                let (prefix, body, off) = split(p.text);
                let invalid = decode_str(body, prefix.raw, p.start + off as u32, &mut s)?;
                warnings.invalid_escape(invalid, p);
            }
            s.into_constant()
        };
        return Ok(Expr::Constant(ExprConstant { range, value, kind }));
    }
    let mut state = FState {
        values: Vec::new(),
        last: None,
        whole: range,
        kind,
        warnings,
    };
    for p in parts {
        let (prefix, body, off) = split(p.text);
        let base = p.start + off as u32;
        if prefix.fstring {
            let token = TextRange::new(p.start, p.end);
            let mut pos = 0;
            fstring_body(
                &mut state, body, base, prefix.raw, 0, token, &mut pos, false,
            )?;
        } else {
            let mut s = DecodedStr::default();
            let invalid = decode_str(body, prefix.raw, base, &mut s)?;
            warnings.invalid_escape(invalid, p);
            state.push_str(&s.text);
        }
    }
    state.flush(range);
    Ok(Expr::JoinedStr(ExprJoinedStr {
        range,
        values: state.values,
    }))
}

/// The parts of one `JoinedStr` under construction (CPython's `FstringParser`).
struct FState<'w> {
    values: Vec<Expr>,
    last: Option<String>,
    /// The whole concatenation, which mid-way constants are given.
    whole: TextRange,
    kind: ConstantKind,
    warnings: &'w Warnings,
}

impl FState<'_> {
    fn push_str(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        self.last.get_or_insert_with(String::new).push_str(s);
    }

    fn flush(&mut self, range: TextRange) {
        if let Some(s) = self.last.take() {
            self.values.push(Expr::Constant(ExprConstant {
                range,
                value: Constant::Str(s.into()),
                kind: self.kind,
            }));
        }
    }
}

fn ferr<T>(msg: &str, at: u32) -> Res<T> {
    Err(SyntaxErr::syntax(msg.to_string(), at, at))
}

/// Parses f-string `body[*pos..]` (the part of one token, or a format spec
/// when `in_spec`), appending to `state`. Stops at the end, or at an
/// unmatched `}` when `in_spec`.
#[allow(clippy::too_many_arguments)]
fn fstring_body(
    state: &mut FState<'_>,
    body: &str,
    base: u32,
    raw: bool,
    depth: u32,
    token: TextRange,
    pos: &mut usize,
    in_spec: bool,
) -> Res<()> {
    let bytes = body.as_bytes();
    let mut lit_start = *pos;
    while *pos < bytes.len() {
        let c = bytes[*pos];
        if c == b'\\' && !raw {
            match bytes.get(*pos + 1) {
                // `\N{...}` is skipped whole: its brace is not a field. As in
                // CPython, the byte after `\N` is skipped whatever it is; a
                // malformed escape is reported when the literal is decoded.
                Some(b'N') => {
                    let after = *pos + 3;
                    *pos = match bytes.get(*pos + 2) {
                        Some(b'{') => memchr::memchr(b'}', &bytes[after..])
                            .map_or(bytes.len(), |i| after + i + 1),
                        Some(_) => after,
                        None => bytes.len(),
                    };
                    continue;
                }
                // A brace after a backslash is still a field or a doubled
                // brace, and the backslash a literal one. CPython warns
                // about `\{` as it scans, before the literal is decoded
                // (which warns again about a doubled one).
                Some(b'{') => {
                    state.warnings.push(
                        InvalidEscape::Unknown('{').message(),
                        token.start,
                        token.end,
                    );
                    *pos += 1;
                }
                Some(b'}') | None => *pos += 1,
                Some(_) => {
                    *pos += 2;
                    continue;
                }
            }
            if *pos >= bytes.len() {
                break;
            }
        }
        let c = bytes[*pos];
        if c == b'{' {
            if !in_spec && bytes.get(*pos + 1) == Some(&b'{') {
                literal(
                    state,
                    &body[lit_start..*pos + 1],
                    raw,
                    base + lit_start as u32,
                    token,
                )?;
                *pos += 2;
                lit_start = *pos;
                continue;
            }
            literal(
                state,
                &body[lit_start..*pos],
                raw,
                base + lit_start as u32,
                token,
            )?;
            if depth >= 2 {
                return ferr("f-string: expressions nested too deeply", state.whole.end);
            }
            field(state, body, base, raw, depth, token, pos)?;
            lit_start = *pos;
            continue;
        }
        if c == b'}' {
            if in_spec {
                break;
            }
            if bytes.get(*pos + 1) == Some(&b'}') {
                literal(
                    state,
                    &body[lit_start..*pos + 1],
                    raw,
                    base + lit_start as u32,
                    token,
                )?;
                *pos += 2;
                lit_start = *pos;
                continue;
            }
            return ferr("f-string: single '}' is not allowed", state.whole.end);
        }
        *pos += 1;
    }
    let end = (*pos).min(bytes.len());
    literal(
        state,
        &body[lit_start..end],
        raw,
        base + lit_start as u32,
        token,
    )?;
    Ok(())
}

fn literal(state: &mut FState<'_>, text: &str, raw: bool, at: u32, token: TextRange) -> Res<()> {
    if text.is_empty() {
        return Ok(());
    }
    let mut s = DecodedStr::default();
    if let Some(invalid) = decode_str(text, raw, at, &mut s)? {
        state
            .warnings
            .push(invalid.message(), token.start, token.end);
    }
    state.push_str(&s.text);
    Ok(())
}

/// One replacement field starting at the `{` at `body[*pos]`.
fn field(
    state: &mut FState<'_>,
    body: &str,
    base: u32,
    raw: bool,
    depth: u32,
    token: TextRange,
    pos: &mut usize,
) -> Res<()> {
    let bytes = body.as_bytes();
    let open = *pos;
    let expr_start = open + 1;
    let mut i = expr_start;
    let mut nest: Vec<u8> = Vec::new();
    let mut quote: Option<(u8, usize)> = None;
    // Where the expression ends and what ends it.
    let mut end_kind = 0u8;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'\\' {
            return ferr(
                "f-string expression part cannot include a backslash",
                state.whole.end,
            );
        }
        if let Some((q, n)) = quote {
            if c == q && (n == 1 || body.as_bytes()[i..].starts_with(&[q, q, q])) {
                i += n;
                quote = None;
                continue;
            }
            i += 1;
            continue;
        }
        match c {
            b'\'' | b'"' => {
                let n = if body.as_bytes()[i..].starts_with(&[c, c, c]) {
                    3
                } else {
                    1
                };
                quote = Some((c, n));
                i += n;
                continue;
            }
            b'[' | b'(' | b'{' => nest.push(c),
            b']' | b')' | b'}' if !nest.is_empty() => {
                let open = nest.pop().unwrap_or(b'(');
                let expected = match open {
                    b'[' => b']',
                    b'(' => b')',
                    _ => b'}',
                };
                if c != expected {
                    let msg = format!(
                        "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                        c as char, open as char
                    );
                    return ferr(&msg, state.whole.end);
                }
            }
            b']' | b')' => {
                let msg = format!("f-string: unmatched '{}'", c as char);
                return ferr(&msg, state.whole.end);
            }
            b'#' => {
                return ferr(
                    "f-string expression part cannot include '#'",
                    state.whole.end,
                )
            }
            _ if !nest.is_empty() => {}
            b'!' if bytes.get(i + 1) == Some(&b'=') => {
                i += 2;
                continue;
            }
            b'=' | b'<' | b'>' if bytes.get(i + 1) == Some(&b'=') => {
                i += 2;
                continue;
            }
            b'=' | b'!' | b':' | b'}' => {
                end_kind = c;
                break;
            }
            _ => {}
        }
        i += 1;
    }
    if quote.is_some() {
        return ferr("f-string: unterminated string", state.whole.end);
    }
    if let Some(&open) = nest.last() {
        let msg = format!("f-string: unmatched '{}'", open as char);
        return ferr(&msg, state.whole.end);
    }
    if end_kind == 0 {
        return ferr("f-string: expecting '}'", state.whole.end);
    }
    let expr_text = &body[expr_start..i];
    if expr_text
        .trim_matches([' ', '\t', '\n', '\r', '\x0c'])
        .is_empty()
    {
        let msg = match end_kind {
            b'!' => "f-string: expression required before '!'",
            b':' => "f-string: expression required before ':'",
            b'=' => "f-string: expression required before '='",
            _ => "f-string: empty expression not allowed",
        };
        return ferr(msg, state.whole.end);
    }
    let value =
        crate::parse_fstring_expr(state.warnings, expr_text, base + open as u32, token.start)?;
    let mut conversion = Conversion::None;
    let mut debug = false;
    if end_kind == b'=' {
        debug = true;
        i += 1;
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
            i += 1;
        }
        // The expression's text, `=` and the white space after it.
        let mut s = String::new();
        s.push_str(&body[expr_start..i]);
        state.push_str(&s);
    }
    if bytes.get(i) == Some(&b'!') {
        conversion = match bytes.get(i + 1) {
            Some(b's') => Conversion::Str,
            Some(b'r') => Conversion::Repr,
            Some(b'a') => Conversion::Ascii,
            None => return ferr("f-string: expecting '}'", state.whole.end),
            _ => {
                return ferr(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    state.whole.end,
                )
            }
        };
        i += 2;
    }
    let mut format_spec = None;
    match bytes.get(i) {
        Some(b':') => {
            i += 1;
            let mut spec = FState {
                values: Vec::new(),
                last: None,
                whole: state.whole,
                kind: state.kind,
                warnings: state.warnings,
            };
            let mut p = i;
            fstring_body(&mut spec, body, base, raw, depth + 1, token, &mut p, true)?;
            spec.flush(token);
            i = p;
            if bytes.get(i) != Some(&b'}') {
                return ferr("f-string: expecting '}'", state.whole.end);
            }
            format_spec = Some(Box::new(Expr::JoinedStr(ExprJoinedStr {
                range: token,
                values: spec.values,
            })));
        }
        Some(b'}') => {}
        _ => return ferr("f-string: expecting '}'", state.whole.end),
    }
    i += 1;
    if debug && conversion == Conversion::None && format_spec.is_none() {
        conversion = Conversion::Repr;
    }
    let whole = state.whole;
    state.flush(whole);
    state.values.push(Expr::FormattedValue(ExprFormattedValue {
        range: whole,
        value: Box::new(value),
        conversion,
        format_spec,
    }));
    *pos = i;
    Ok(())
}

/// The value of one `str` literal's body, with its first deprecated escape.
fn decode_str_owned(body: &str, raw: bool, at: u32) -> Res<(Constant, Option<InvalidEscape>)> {
    // Bytewise (SIMD) search: docstrings are long, and `str::contains`
    // with a set of chars decodes every character.
    // A raw body keeps its backslashes but not a CRLF file's `\r`: source
    // line ends are `\n` in every value.
    let bytes = body.as_bytes();
    let verbatim = if raw {
        memchr::memchr(b'\r', bytes).is_none()
    } else {
        memchr::memchr2(b'\\', b'\r', bytes).is_none()
    };
    if verbatim {
        return Ok((Constant::Str(body.into()), None));
    }
    let mut s = DecodedStr {
        text: String::with_capacity(body.len()),
        surrogates: Vec::new(),
    };
    let invalid = decode_str(body, raw, at, &mut s)?;
    Ok((s.into_constant(), invalid))
}

/// The value of a `str` literal being decoded. Rust strings cannot hold the
/// lone surrogates an escape like `\ud800` makes, so each stands in the text
/// as U+FFFD and is recorded by its character index; `into_constant` puts
/// them back as code points.
#[derive(Default)]
struct DecodedStr {
    text: String,
    surrogates: Vec<(usize, u32)>,
}

impl DecodedStr {
    fn push(&mut self, c: char) {
        self.text.push(c);
    }

    fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn push_surrogate(&mut self, code_point: u32) {
        self.surrogates
            .push((self.text.chars().count(), code_point));
        self.text.push('\u{fffd}');
    }

    fn into_constant(self) -> Constant {
        if self.surrogates.is_empty() {
            return Constant::Str(self.text.into_boxed_str());
        }
        let mut code_points: Vec<u32> = self.text.chars().map(u32::from).collect();
        for (index, code_point) in self.surrogates {
            if let Some(slot) = code_points.get_mut(index) {
                *slot = code_point;
            }
        }
        Constant::from_code_points(code_points)
    }
}

fn unicode_error(msg: &str, at: u32) -> SyntaxErr {
    SyntaxErr::syntax(
        format!("(unicode error) 'unicodeescape' codec can't decode bytes {msg}"),
        at,
        at,
    )
}

/// The offset in CPython's escape buffer of byte `i` of a literal body,
/// which error positions count in: CPython's parser turns each non-ASCII
/// character into a 10-byte `\\UXXXXXXXX` (and a backslash before one into
/// `\\u005c`) before it runs the unicode-escape decoder, and it reads the
/// source's `\r\n` as one `\n`.
fn escape_pos(body: &str, i: usize) -> usize {
    let prefix = body.get(..i).unwrap_or(body);
    let mut pos = 0;
    let mut chars = prefix.chars().peekable();
    while let Some(c) = chars.next() {
        pos += match c {
            '\\' if chars.peek().is_some_and(|n| !n.is_ascii()) => 6,
            '\r' if chars.peek() == Some(&'\n') => 0,
            c if c.is_ascii() => 1,
            _ => 10,
        };
    }
    pos
}

/// Appends the value of a `str` literal body to `out`.
/// Appends the value of a `str` literal body to `out`, and returns the first
/// escape CPython deprecates in it (it warns about that one only).
fn decode_str(body: &str, raw: bool, at: u32, out: &mut DecodedStr) -> Res<Option<InvalidEscape>> {
    // Source line ends are `\n` in values, whatever the file uses.
    if raw || !body.contains('\\') {
        if body.contains('\r') {
            out.push_str(&body.replace("\r\n", "\n").replace('\r', "\n"));
        } else {
            out.push_str(body);
        }
        return Ok(None);
    }
    let mut first_invalid = None;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\r' {
            if chars.peek().map(|x| x.1) == Some('\n') {
                chars.next();
            }
            out.push('\n');
            continue;
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if chars.peek().map(|x| x.1) == Some('\n') {
                    chars.next();
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e as u32 - '0' as u32;
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&(_, d @ '0'..='7')) => {
                            v = v * 8 + (d as u32 - '0' as u32);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                // Only three digits exceed a byte; they follow the backslash.
                if v > 0o377 && first_invalid.is_none() {
                    if let Some(&[a, b, c]) = body.as_bytes().get(i + 1..i + 4) {
                        first_invalid = Some(InvalidEscape::Octal([a, b, c]));
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut v = 0u32;
                for k in 0..n {
                    match chars.peek().and_then(|&(_, d)| d.to_digit(16)) {
                        Some(d) => {
                            v = v * 16 + d;
                            chars.next();
                        }
                        None => {
                            let what = match e {
                                'x' => "truncated \\xXX escape",
                                'u' => "truncated \\uXXXX escape",
                                _ => "truncated \\UXXXXXXXX escape",
                            };
                            let start = escape_pos(body, i);
                            return Err(unicode_error(
                                &format!("in position {}-{}: {what}", start, start + 1 + k),
                                at,
                            ));
                        }
                    }
                }
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None if v > 0x10ffff => {
                        return Err(unicode_error(
                            &format!(
                                "in position {}-{}: illegal Unicode character",
                                escape_pos(body, i),
                                escape_pos(body, i) + 1 + n
                            ),
                            at,
                        ));
                    }
                    None => out.push_surrogate(v),
                }
            }
            'N' => {
                // As CPython's unicode-escape decoder: `\N` needs `{name}`;
                // without a brace, a closing brace or a name it is
                // "malformed", and the error ends where the scan stopped.
                let rest = &body[i + 2..];
                let (stop, message) = match rest.strip_prefix('{') {
                    None => (i + 2, "malformed \\N character escape"),
                    Some(r) => match r.find('}') {
                        None => (body.len(), "malformed \\N character escape"),
                        Some(0) => (i + 3, "malformed \\N character escape"),
                        Some(j) => {
                            let name = &r[..j];
                            if let Some(ch) = unicode_names2::character(&name.to_ascii_uppercase())
                            {
                                out.push(ch);
                                for _ in 0..name.chars().count() + 2 {
                                    chars.next();
                                }
                                continue;
                            }
                            (i + 4 + j, "unknown Unicode character name")
                        }
                    },
                };
                return Err(unicode_error(
                    &format!(
                        "in position {}-{}: {message}",
                        escape_pos(body, i),
                        escape_pos(body, stop) - 1
                    ),
                    at,
                ));
            }
            other => {
                // CPython escapes a backslash before a non-ASCII character
                // (`\u005c`) before decoding, so only ASCII ones are unknown.
                if other.is_ascii() && first_invalid.is_none() {
                    first_invalid = Some(InvalidEscape::Unknown(other));
                }
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(first_invalid)
}

/// Appends the value of a `bytes` literal body to `out`, and returns its first
/// deprecated escape.
fn decode_bytes(body: &str, raw: bool, at: u32, out: &mut Vec<u8>) -> Res<Option<InvalidEscape>> {
    if !body.is_ascii() {
        return Err(SyntaxErr::syntax(
            "bytes can only contain ASCII literal characters",
            at,
            at,
        ));
    }
    let b = body.as_bytes();
    // The source's line ends, `\r\n` and `\r`, read as `\n` (also after a
    // backslash, where the pair is a line continuation).
    let normalized;
    let b = if b.contains(&b'\r') {
        normalized = body.replace("\r\n", "\n").replace('\r', "\n");
        normalized.as_bytes()
    } else {
        b
    };
    if raw {
        out.extend_from_slice(b);
        return Ok(None);
    }
    pith_repr::escape::decode_bytes_escapes(b, out)
        .map_err(|e| SyntaxErr::syntax(format!("(value error) {e}"), at, at))
}
