//! Syntax errors with CPython's messages and positions, and the report
//! `python3 FILE.py` prints for them.

use std::fmt::Write;

use thiserror::Error;

/// Which exception class CPython raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// `SyntaxError`
    SyntaxError,
    /// `IndentationError` (a subclass of `SyntaxError`)
    IndentationError,
    /// `TabError` (a subclass of `IndentationError`)
    TabError,
    /// `RecursionError`: CPython gives up on expressions nested about
    /// 3,000 levels deep ("maximum recursion depth exceeded during ast
    /// construction"); Pith refuses them at the same depth so that no later
    /// stage recurses too deeply.
    RecursionError,
}

impl ErrorKind {
    /// The exception class name.
    pub const fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::RecursionError => "RecursionError",
        }
    }
}

/// A parse failure, positioned as CPython positions its `SyntaxError`:
/// `lineno`/`end_lineno` are 1-based lines, `offset`/`end_offset` 1-based
/// character columns (CPython's `SyntaxError.offset`), where the end may be
/// `-1` or `0` for the tokenizer's errors exactly as CPython reports them.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{kind_name}: {message} (line {lineno}, offset {offset})", kind_name = kind.name())]
pub struct ParseError {
    /// The exception class.
    pub kind: ErrorKind,
    /// The message (`SyntaxError.msg`).
    pub message: String,
    /// `SyntaxError.lineno`
    pub lineno: u32,
    /// `SyntaxError.offset`: 1-based character column.
    pub offset: i32,
    /// `SyntaxError.end_lineno`
    pub end_lineno: u32,
    /// `SyntaxError.end_offset`
    pub end_offset: i32,
    /// `SyntaxError.text` when it is not line `lineno` of the source: for an
    /// error inside an f-string field, CPython shows the field's text in
    /// parentheses, and the columns count within it.
    pub text: Option<String>,
    /// Raised by CPython's tokenizer (an invalid literal, ...), whose columns
    /// count characters even in source read as undeclared UTF-8 bytes.
    pub char_columns: bool,
}

/// How the end of an internal error maps to CPython's `end_offset`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum End {
    /// A byte offset.
    At(u32),
    /// On the start line, with this literal `end_offset`.
    Literal(i32),
}

/// Where an f-string field whose expression failed to parse is: CPython
/// parses the field's text on its own and maps lines and columns back with
/// `fstring_find_expr_location` (`Parser/string_parser.c`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FieldAnchor {
    /// The offset of the field's `{`.
    pub brace: u32,
    /// The offset of the string token holding the field.
    pub token_start: u32,
}

/// An error while parsing, positioned by byte offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxErr {
    pub(crate) kind: ErrorKind,
    pub(crate) msg: String,
    pub(crate) start: u32,
    pub(crate) end: End,
    /// For errors inside an f-string field: where the field is (`start`/`end`
    /// are then offsets in [`SyntaxErr::text`], the field's text in
    /// parentheses, which CPython parses on its own).
    pub(crate) anchor: Option<FieldAnchor>,
    /// For an f-string field's error, the field's text in parentheses.
    pub(crate) text: Option<Box<str>>,
    /// Raised by CPython's tokenizer itself (its `syntaxerror()`), not by the
    /// parser: such an error's text is the line without its line end, and
    /// inside an f-string field its message has no `f-string: ` prefix.
    pub(crate) from_tokenizer: bool,
    /// A literal `offset` on the start's line, for tokens CPython gives no
    /// column (`ENDMARKER`, `DEDENT`: their `col_offset` is -1).
    pub(crate) offset: Option<i32>,
}

impl SyntaxErr {
    pub(crate) fn new(kind: ErrorKind, msg: String, start: u32, end: u32) -> SyntaxErr {
        SyntaxErr {
            kind,
            msg,
            start,
            end: End::At(end),
            anchor: None,
            text: None,
            from_tokenizer: false,
            offset: None,
        }
    }

    /// Sets a literal `offset` (see [`SyntaxErr::offset`]).
    pub(crate) fn with_offset(mut self, offset: i32) -> SyntaxErr {
        self.offset = Some(offset);
        self
    }

    pub(crate) fn syntax(msg: impl Into<String>, start: u32, end: u32) -> SyntaxErr {
        SyntaxErr::new(ErrorKind::SyntaxError, msg.into(), start, end)
    }

    /// Errors CPython's tokenizer signals through its state rather than
    /// by raising (indentation, `\` continuation, end of input): they are
    /// reported only if the parser gets that far without an error.
    pub(crate) fn is_deferred(&self) -> bool {
        matches!(self.kind, ErrorKind::IndentationError | ErrorKind::TabError)
            || self.msg == "unexpected character after line continuation character"
            || self.msg == "unexpected EOF while parsing"
    }

    pub(crate) fn with_end(mut self, end: End) -> SyntaxErr {
        self.end = end;
        self
    }

    pub(crate) fn shifted(mut self, by: u32) -> SyntaxErr {
        self.start += by;
        if let End::At(e) = &mut self.end {
            *e += by;
        }
        self
    }

    /// Resolves byte offsets to CPython's lines and character columns.
    pub(crate) fn locate(self, source: &str) -> ParseError {
        if let Some(anchor) = self.anchor {
            return self.locate_in_field(source, anchor);
        }
        let (lineno, col) = line_col(source, self.start);
        let (end_lineno, end_offset) = match self.end {
            End::At(e) => {
                let (l, c) = line_col(source, e.max(self.start));
                (l, c as i32 + 1)
            }
            End::Literal(v) => (lineno, v),
        };
        let text = if self.from_tokenizer {
            source_line(source, lineno).map(|l| l.trim_end_matches(['\n', '\r']).to_owned())
        } else {
            None
        };
        ParseError {
            kind: self.kind,
            message: self.msg,
            lineno,
            offset: self.offset.unwrap_or(col as i32 + 1),
            end_lineno,
            end_offset,
            text,
            char_columns: self.from_tokenizer,
        }
    }
}

impl SyntaxErr {
    /// CPython's position of an error in an f-string field's own parse: line
    /// `k` of the parenthesized field text is line `k` after the `{`'s; the
    /// columns are those within the field's line, except that the parser's
    /// errors (not the tokenizer's) past its first line are moved left by the
    /// shift CPython gives the field's first line: the `{`'s column, or, when
    /// the `{` ends its line, the token's column if the token starts on the
    /// `{`'s line and 0 if not. The text is the field's line, with a line end
    /// for the parser's errors on its last line.
    fn locate_in_field(self, source: &str, anchor: FieldAnchor) -> ParseError {
        let field = self.text.as_deref().unwrap_or("");
        let (brace_line, brace_col) = line_col(source, anchor.brace);
        let after_brace = source.get(anchor.brace as usize + 1..).unwrap_or("");
        let newline_after_brace = after_brace
            .bytes()
            .find(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))
            .map_or(true, |b| b == b'\n' || b == b'}');
        let shift = if !newline_after_brace {
            brace_col as i32
        } else {
            let (token_line, token_col) = line_col(source, anchor.token_start);
            if token_line == brace_line {
                token_col as i32
            } else {
                0
            }
        };
        // Line index within the field and character column in that line.
        let place = |offset: u32| {
            let before = field.get(..offset as usize).unwrap_or(field);
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let k = before.matches('\n').count() as u32;
            (k, before[line_start..].chars().count() as i32)
        };
        let column = |k: u32, col: i32| {
            if k > 0 && !self.from_tokenizer {
                col + 1 - shift
            } else {
                col + 1
            }
        };
        let (k, col) = place(self.start);
        let (end_k, end_offset) = match self.end {
            End::At(e) => {
                let (end_k, end_col) = place(e.max(self.start));
                (end_k, column(end_k, end_col))
            }
            End::Literal(v) => (k, v),
        };
        let lines: Vec<&str> = field.split('\n').collect();
        let mut text = lines.get(k as usize).copied().unwrap_or("").to_owned();
        if !self.from_tokenizer && k as usize + 1 >= lines.len() {
            text.push('\n');
        }
        ParseError {
            kind: self.kind,
            message: self.msg,
            lineno: brace_line + k,
            offset: column(k, col),
            end_lineno: brace_line + end_k,
            end_offset,
            text: Some(text),
            char_columns: self.from_tokenizer,
        }
    }
}

/// 1-based line and 0-based character column of a byte offset (universal
/// newlines).
pub(crate) fn line_col(source: &str, offset: u32) -> (u32, u32) {
    let offset = (offset as usize).min(source.len());
    let before = source.get(..offset).unwrap_or("");
    let mut line = 1;
    let mut line_start = 0;
    let bytes = before.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let col = before[line_start..].chars().count();
    (line, col as u32)
}

impl ParseError {
    /// The error with its columns counted in UTF-8 bytes instead of
    /// characters, as CPython reports them for source it read as bytes whose
    /// encoding no BOM or coding cookie declared (a file run, `compile(bytes)`):
    /// its tokenizer then has no encoding to convert byte columns with.
    #[must_use]
    pub fn with_byte_columns(mut self, source: &str) -> ParseError {
        if self.char_columns {
            return self;
        }
        fn to_bytes(line: Option<&str>, column: i32) -> i32 {
            match line {
                Some(line) if column > 0 => {
                    let chars = (column - 1) as usize;
                    let bytes: usize = line.chars().take(chars).map(char::len_utf8).sum();
                    let beyond = chars.saturating_sub(line.chars().count());
                    (bytes + beyond) as i32 + 1
                }
                _ => column,
            }
        }
        let line = |lineno: u32| match &self.text {
            Some(text) => Some(text.clone()),
            None => source_line(source, lineno).map(str::to_owned),
        };
        let (start_line, end_line) = (line(self.lineno), line(self.end_lineno));
        self.offset = to_bytes(start_line.as_deref(), self.offset);
        self.end_offset = to_bytes(end_line.as_deref(), self.end_offset);
        self
    }

    /// The report `python3 FILE` prints on stderr for this error:
    ///
    /// ```text
    ///   File "f.py", line 1
    ///     x = (1 +
    ///         ^
    /// SyntaxError: '(' was never closed
    /// ```
    pub fn render(&self, source: &str, filename: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "  File \"{filename}\", line {}", self.lineno);
        let line = match &self.text {
            Some(t) => Some(t.as_str()),
            None => source_line(source, self.lineno),
        };
        if let Some(line) = line {
            // CPython strips leading white space (and the line end) and
            // moves the caret columns along.
            // `print_error_text` counts the columns as bytes of the UTF-8
            // text, whether the offsets are characters or bytes.
            let trimmed = line.trim_start_matches([' ', '\t', '\x0c']);
            let stripped = line.len() - trimmed.len();
            let text = trimmed.trim_end_matches(['\n', '\r']);
            let _ = writeln!(out, "    {text}");
            let width = text.len() as i64;
            let start = i64::from(self.offset) - 1 - stripped as i64;
            // `python3` marks an indentation error with a single caret.
            let indentation =
                matches!(self.kind, ErrorKind::IndentationError | ErrorKind::TabError);
            let mut end = if indentation {
                start + 1
            } else if self.end_lineno == self.lineno && self.end_offset > 0 {
                i64::from(self.end_offset) - 1 - stripped as i64
            } else if self.end_lineno > self.lineno {
                // CPython's end is then the text's size, line end included:
                // a text without one (an f-string field's) loses a caret.
                line.len() as i64 - 1 - stripped as i64
            } else {
                start + 1
            };
            if end <= start {
                end = start + 1;
            }
            // At the end of input, the parser's errors about a missing
            // block or an unindent, placed past the last line's text, show
            // no caret.
            let at_eof = (self.message.starts_with("expected an indented block")
                || self.message == "unexpected unindent"
                || self.message == "expected 'except' or 'finally' block")
                && self.end_offset == -1
                && start >= width
                && source_line(source, self.lineno + 1).is_none();
            if start >= 0 && start <= width && !at_eof {
                let end = end.min(width.max(start + 1));
                out.push_str("    ");
                for _ in 0..start {
                    out.push(' ');
                }
                for _ in start..end {
                    out.push('^');
                }
                out.push('\n');
            }
        }
        let _ = writeln!(out, "{}: {}", self.kind.name(), self.message);
        out
    }
}

/// The text of 1-based line `lineno`, with its line end.
fn source_line(source: &str, lineno: u32) -> Option<&str> {
    let mut line = 1;
    let mut start = 0;
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let end_here = match bytes[i] {
            b'\n' => Some(i + 1),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => Some(i + 2),
            b'\r' => Some(i + 1),
            _ => None,
        };
        if let Some(next) = end_here {
            if line == lineno {
                return source.get(start..next);
            }
            line += 1;
            start = next;
            i = next;
            continue;
        }
        i += 1;
    }
    if line == lineno && start < source.len() {
        return source.get(start..);
    }
    None
}
