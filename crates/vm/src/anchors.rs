//! Finds the `~~~^^^` anchors CPython 3.11 draws under a binary operation or a
//! subscript in a traceback line (`extract_anchors_from_line` in Python/traceback.c).
//!
//! CPython parses the highlighted segment with its real parser; the VM has no
//! parser, so this is a small expression parser that only needs to recognise whether
//! the whole segment is one `BinOp` or `Subscript` and where its parts end.

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok<'a> {
    Name(&'a str),
    Atom,
    Op(&'a str),
}

#[derive(Clone, Copy, Debug)]
struct Token<'a> {
    tok: Tok<'a>,
    start: usize,
    end: usize,
}

fn tokenize(s: &str) -> Option<Vec<Token<'_>>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b' ' || c == b'\t' || c == 0x0c {
            i += 1;
            continue;
        }
        if c == b'#' {
            break;
        }
        if c == b'\\' || c == b'\n' || c == b'\r' {
            return None;
        }
        let start = i;
        // string literal, possibly prefixed
        let mut j = i;
        while j < b.len() && j - i < 3 && b[j].is_ascii_alphabetic() && b"rRbBuUfF".contains(&b[j])
        {
            j += 1;
        }
        if j < b.len() && (b[j] == b'\'' || b[j] == b'"') {
            let q = b[j];
            let triple = b.get(j..j + 3) == Some(&[q, q, q]);
            j += if triple { 3 } else { 1 };
            loop {
                if j >= b.len() {
                    return None;
                }
                if b[j] == b'\\' {
                    j += 2;
                    continue;
                }
                if triple {
                    if b.get(j..j + 3) == Some(&[q, q, q]) {
                        j += 3;
                        break;
                    }
                } else if b[j] == q {
                    j += 1;
                    break;
                }
                j += 1;
            }
            out.push(Token {
                tok: Tok::Atom,
                start,
                end: j,
            });
            i = j;
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            let mut j = i;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_' || b[j] >= 0x80) {
                j += 1;
            }
            out.push(Token {
                tok: Tok::Name(&s[i..j]),
                start,
                end: j,
            });
            i = j;
            continue;
        }
        if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            let mut j = i;
            while j < b.len() {
                let d = b[j];
                let exponent_sign = (d == b'+' || d == b'-')
                    && matches!(b[j - 1], b'e' | b'E')
                    && !s[i..j].starts_with("0x");
                if d.is_ascii_alphanumeric() || d == b'_' || d == b'.' || exponent_sign {
                    j += 1;
                } else {
                    break;
                }
            }
            out.push(Token {
                tok: Tok::Atom,
                start,
                end: j,
            });
            i = j;
            continue;
        }
        const OPS: [&str; 44] = [
            "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=",
            "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/",
            "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":",
        ];
        let rest = &s[i..];
        let op = OPS
            .iter()
            .find(|o| rest.starts_with(**o))
            .copied()
            .or_else(|| [".", ";", "="].into_iter().find(|o| rest.starts_with(*o)))?;
        out.push(Token {
            tok: Tok::Op(op),
            start,
            end: i + op.len(),
        });
        i += op.len();
    }
    Some(out)
}

/// The top node of a parsed expression, with the offsets the anchors need.
#[derive(Clone, Copy, Debug)]
enum Node {
    BinOp { left_end: usize, right_start: usize },
    Subscript { value_end: usize, slice_end: usize },
    Other,
}

struct Parser<'a> {
    toks: Vec<Token<'a>>,
    pos: usize,
}

type Parsed = Option<(Node, usize, usize)>; // node, start, end

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<Tok<'a>> {
        self.toks.get(self.pos).map(|t| t.tok)
    }

    fn is_op(&self, op: &str) -> bool {
        self.peek() == Some(Tok::Op(op))
    }

    fn is_name(&self, n: &str) -> bool {
        self.peek() == Some(Tok::Name(n))
    }

    fn expr(&mut self) -> Parsed {
        if self.is_name("lambda") {
            return None;
        }
        let first = self.or_test()?;
        if self.is_name("if") {
            self.pos += 1;
            self.or_test()?;
            if !self.is_name("else") {
                return None;
            }
            self.pos += 1;
            let last = self.expr()?;
            return Some((Node::Other, first.1, last.2));
        }
        Some(first)
    }

    fn or_test(&mut self) -> Parsed {
        let mut left = self.and_test()?;
        while self.is_name("or") {
            self.pos += 1;
            let r = self.and_test()?;
            left = (Node::Other, left.1, r.2);
        }
        Some(left)
    }

    fn and_test(&mut self) -> Parsed {
        let mut left = self.not_test()?;
        while self.is_name("and") {
            self.pos += 1;
            let r = self.not_test()?;
            left = (Node::Other, left.1, r.2);
        }
        Some(left)
    }

    fn not_test(&mut self) -> Parsed {
        if self.is_name("not") {
            let start = self.toks[self.pos].start;
            self.pos += 1;
            let r = self.not_test()?;
            return Some((Node::Other, start, r.2));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Parsed {
        let mut left = self.binary(0)?;
        loop {
            let is_cmp = matches!(
                self.peek(),
                Some(Tok::Op("<" | ">" | "==" | ">=" | "<=" | "!="))
            ) || self.is_name("in")
                || self.is_name("is")
                || (self.is_name("not")
                    && self.toks.get(self.pos + 1).map(|t| t.tok) == Some(Tok::Name("in")));
            if !is_cmp {
                break;
            }
            if self.is_name("not")
                || (self.is_name("is")
                    && self.toks.get(self.pos + 1).map(|t| t.tok) == Some(Tok::Name("not")))
            {
                self.pos += 1;
            }
            self.pos += 1;
            let r = self.binary(0)?;
            left = (Node::Other, left.1, r.2);
        }
        Some(left)
    }

    fn binary(&mut self, level: usize) -> Parsed {
        const LEVELS: [&[&str]; 6] = [
            &["|"],
            &["^"],
            &["&"],
            &["<<", ">>"],
            &["+", "-"],
            &["*", "/", "//", "%", "@"],
        ];
        if level == LEVELS.len() {
            return self.factor();
        }
        let mut left = self.binary(level + 1)?;
        while let Some(Tok::Op(op)) = self.peek() {
            if !LEVELS[level].contains(&op) {
                break;
            }
            self.pos += 1;
            let right = self.binary(level + 1)?;
            left = (
                Node::BinOp {
                    left_end: left.2,
                    right_start: right.1,
                },
                left.1,
                right.2,
            );
        }
        Some(left)
    }

    fn factor(&mut self) -> Parsed {
        if let Some(Tok::Op("+" | "-" | "~")) = self.peek() {
            let start = self.toks[self.pos].start;
            self.pos += 1;
            let r = self.factor()?;
            return Some((Node::Other, start, r.2));
        }
        self.power()
    }

    fn power(&mut self) -> Parsed {
        let base = if self.is_name("await") {
            let start = self.toks[self.pos].start;
            self.pos += 1;
            let p = self.primary()?;
            (Node::Other, start, p.2)
        } else {
            self.primary()?
        };
        if self.is_op("**") {
            self.pos += 1;
            let r = self.factor()?;
            return Some((
                Node::BinOp {
                    left_end: base.2,
                    right_start: r.1,
                },
                base.1,
                r.2,
            ));
        }
        Some(base)
    }

    /// Skips a bracketed group starting at the current opening token; returns
    /// the end of the last token inside and the end of the closing token.
    fn skip_group(&mut self) -> Option<(usize, usize)> {
        let mut depth = 0i32;
        let mut last_inner = self.toks.get(self.pos)?.end;
        while let Some(t) = self.toks.get(self.pos) {
            match t.tok {
                Tok::Op("(" | "[" | "{") => depth += 1,
                Tok::Op(")" | "]" | "}") => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        return Some((last_inner, t.end));
                    }
                }
                _ => {}
            }
            last_inner = t.end;
            self.pos += 1;
        }
        None
    }

    fn primary(&mut self) -> Parsed {
        let t = *self.toks.get(self.pos)?;
        let start = t.start;
        let mut end = match t.tok {
            Tok::Name(n) => {
                if matches!(
                    n,
                    "if" | "else" | "and" | "or" | "not" | "in" | "is" | "lambda" | "for" | "yield"
                ) {
                    return None;
                }
                self.pos += 1;
                t.end
            }
            Tok::Atom => {
                self.pos += 1;
                let mut e = t.end;
                while let Some(Tok::Atom) = self.peek() {
                    e = self.toks[self.pos].end;
                    self.pos += 1;
                }
                e
            }
            Tok::Op("(" | "[" | "{") => self.skip_group()?.1,
            Tok::Op("...") => {
                self.pos += 1;
                t.end
            }
            _ => return None,
        };
        let mut node = Node::Other;
        loop {
            match self.peek() {
                Some(Tok::Op("(")) => {
                    end = self.skip_group()?.1;
                    node = Node::Other;
                }
                Some(Tok::Op("[")) => {
                    let value_end = end;
                    let (inner, close) = self.skip_group()?;
                    end = close;
                    node = Node::Subscript {
                        value_end,
                        slice_end: inner,
                    };
                }
                Some(Tok::Op(".")) => {
                    self.pos += 1;
                    match self.toks.get(self.pos) {
                        Some(Token {
                            tok: Tok::Name(_),
                            end: e,
                            ..
                        }) => {
                            end = *e;
                            self.pos += 1;
                            node = Node::Other;
                        }
                        _ => return None,
                    }
                }
                _ => break,
            }
        }
        Some((node, start, end))
    }
}

fn is_ws(c: u8) -> bool {
    c == b' ' || c == b'\t' || c == 0x0c
}

/// For a one-line segment of source, the anchors `(left, right)` in byte offsets
/// within the segment and whether they apply, as CPython computes them.
pub fn anchors(segment: &str) -> Option<(usize, usize)> {
    let toks = tokenize(segment)?;
    if toks.is_empty() {
        return None;
    }
    let mut p = Parser { toks, pos: 0 };
    let (node, _, _) = p.expr()?;
    if p.pos != p.toks.len() {
        return None;
    }
    let b = segment.as_bytes();
    match node {
        Node::BinOp {
            left_end,
            right_start,
        } => {
            let (mut left, mut right) = (0, 0);
            let mut found = false;
            let mut i = left_end;
            while i < right_start {
                if is_ws(b[i]) {
                    i += 1;
                    continue;
                }
                left = i;
                right = i + 1;
                if i + 1 < right_start && !is_ws(b[i + 1]) {
                    right += 1;
                }
                if i + 1 < right_start && b[i] == b')' {
                    i += 1;
                    continue;
                }
                found = true;
                break;
            }
            // CPython keeps the last values even when the loop ends on ')'
            let _ = found;
            Some((left, right))
        }
        Node::Subscript {
            value_end,
            slice_end,
        } => {
            let len = b.len();
            let mut left = value_end;
            let mut right = slice_end + 1;
            while left < len && (is_ws(b[left]) || b[left] != b'[') {
                left += 1;
            }
            while right < len && (is_ws(b[right]) || b[right] != b']') {
                right += 1;
            }
            if right < len {
                right += 1;
            }
            Some((left, right))
        }
        Node::Other => None,
    }
}

#[cfg(test)]
mod tests {
    use super::anchors;

    #[test]
    fn binop_and_subscript() {
        assert_eq!(anchors("1 + \"1\""), Some((2, 3)));
        assert_eq!(anchors("a // b"), Some((2, 4)));
        assert_eq!(anchors("d['x']"), Some((1, 6)));
        assert_eq!(anchors("f(x)"), None);
        assert_eq!(anchors("a < b"), None);
    }
}
