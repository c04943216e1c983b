//! The XML scanner behind `pyexpat`: well-formedness as Expat checks it,
//! with Expat's error codes and error positions (the start of the token, or
//! the offending character, as `XML_GetErrorColumnNumber` reports them).
//!
//! Input arrives in pieces (`Parse(data, isfinal)`); a token that may
//! continue in the next piece is left for then, and at the final piece an
//! unfinished token is `unclosed token`. Line ends are normalised to `\n`
//! as the text is appended, as the XML specification requires.

use std::collections::HashMap;

use super::dtd::{self, AttDef, Decl, EntityDecl};

/// Expat's error codes that the scanner raises.
pub mod code {
    pub const SYNTAX: u32 = 2;
    pub const NO_ELEMENTS: u32 = 3;
    pub const INVALID_TOKEN: u32 = 4;
    pub const UNCLOSED_TOKEN: u32 = 5;
    pub const TAG_MISMATCH: u32 = 7;
    pub const DUPLICATE_ATTRIBUTE: u32 = 8;
    pub const JUNK_AFTER_DOC_ELEMENT: u32 = 9;
    pub const UNDEFINED_ENTITY: u32 = 11;
    pub const EXTERNAL_ENTITY_HANDLING: u32 = 21;
    pub const BAD_CHAR_REF: u32 = 14;
    pub const MISPLACED_XML_PI: u32 = 17;
    pub const UNBOUND_PREFIX: u32 = 27;
    pub const FINISHED: u32 = 36;
}

/// What the scanner reports, in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A start tag (or the start of an empty-element tag): the name and the
    /// attributes in document order, values with references expanded.
    Start(String, Vec<(String, String)>),
    /// An end tag (also sent after the start of an empty-element tag).
    End(String),
    /// Character data inside the root element.
    Text(String),
    /// `<!--data-->`.
    Comment(String),
    /// `<?target data?>`.
    Pi(String, String),
    /// Markup no other handler takes, as Expat gives it to the default
    /// handler: the XML declaration, the pieces of a DOCTYPE, white space
    /// outside the root element, the delimiters of CDATA sections.
    Default(String),
    /// The start of a CDATA section (`<![CDATA[`).
    CdataStart,
    /// The end of a CDATA section (`]]>`).
    CdataEnd,
    /// `<!DOCTYPE name ...`: the name, system and public identifiers, and
    /// whether an internal subset follows.
    StartDoctype(String, Option<String>, Option<String>, bool),
    /// The `>` that ends the DOCTYPE.
    EndDoctype,
    /// An entity declaration of the internal subset.
    Entity(EntityDecl),
    /// A notation declaration of the internal subset: name, system and
    /// public identifiers.
    Notation(String, Option<String>, Option<String>),
    /// A comment of the internal subset (whose text the default handler
    /// has had with the rest of the subset).
    SubsetComment(String),
    /// A processing instruction of the internal subset, likewise.
    SubsetPi(String, String),
    /// A reference in content to an external parsed entity: its name,
    /// system and public identifiers (for `ExternalEntityRefHandler`).
    ExternalRef(String, Option<String>, Option<String>),
    /// A reference to an entity nobody declared, where Expat lets it pass
    /// (after an external subset or parameter-entity reference, in a
    /// document that is not standalone): `SkippedEntityHandler`, else the
    /// default handler with `&name;`.
    Skipped(String),
}

/// A well-formedness error: Expat's code and where (line from 1, column
/// from 0, in characters).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct XmlError {
    /// Expat's error code.
    pub code: u32,
    /// Line number, from 1.
    pub line: usize,
    /// Column, from 0.
    pub column: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    Prolog,
    Root,
    Epilog,
}

/// A token that could not be scanned: the input may continue it, or it is
/// an error at a character index.
enum Stop {
    More,
    Err(u32, usize),
}

type Step<T> = Result<T, Stop>;

/// The scanner's whole state between pieces of input.
#[derive(Debug)]
pub struct Scanner {
    text: Vec<char>,
    pos: usize,
    /// Line and column of `cursor`, an index advanced as positions are asked.
    cursor: (usize, usize, usize),
    place: Place,
    open: Vec<String>,
    pending_cr: bool,
    /// General entities of the internal DTD subset.
    entities: HashMap<String, String>,
    /// External parsed general entities of the internal subset: their
    /// system and public identifiers.
    external: HashMap<String, (Option<String>, Option<String>)>,
    /// Attribute-list declarations, by element name.
    attlists: HashMap<String, Vec<AttDef>>,
    /// The DTD has an external subset or a parameter-entity reference
    /// (Expat's `hasParamEntityRefs`).
    param_refs: bool,
    /// The XML declaration says `standalone="yes"`.
    standalone: bool,
}

impl Default for Scanner {
    fn default() -> Self {
        Scanner {
            text: Vec::new(),
            pos: 0,
            cursor: (0, 1, 0),
            place: Place::Prolog,
            open: Vec::new(),
            pending_cr: false,
            entities: HashMap::new(),
            external: HashMap::new(),
            attlists: HashMap::new(),
            param_refs: false,
            standalone: false,
        }
    }
}

fn is_name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || c == ':' || (c as u32 >= 0xC0 && !c.is_whitespace())
}

fn is_name_char(c: char) -> bool {
    is_name_start(c) || c.is_numeric() || c == '-' || c == '.' || c == '\u{B7}'
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Characters XML 1.0 allows in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || ('\u{20}'..='\u{D7FF}').contains(&c)
        || ('\u{E000}'..='\u{FFFD}').contains(&c)
        || c >= '\u{10000}'
}

impl Scanner {
    /// Appends decoded text, turning `\r\n` and lone `\r` into `\n`.
    pub fn push_text(&mut self, s: &str) {
        for c in s.chars() {
            if self.pending_cr {
                self.pending_cr = false;
                if c == '\n' {
                    continue;
                }
            }
            if c == '\r' {
                self.pending_cr = true;
                self.text.push('\n');
            } else {
                self.text.push(c);
            }
        }
    }

    /// Line and column of character index `at` (at or after the cursor).
    pub fn position(&mut self, at: usize) -> (usize, usize) {
        let (mut i, mut line, mut col) = self.cursor;
        if at < i {
            (i, line, col) = (0, 1, 0);
        }
        while i < at && i < self.text.len() {
            if self.text[i] == '\n' {
                line += 1;
                col = 0;
            } else {
                col += 1;
            }
            i += 1;
        }
        self.cursor = (i, line, col);
        (line, col)
    }

    /// The position after all the text received.
    pub fn end_position(&mut self) -> (usize, usize) {
        self.position(self.text.len())
    }

    /// Whether no text has been received yet.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The position where scanning stands (Expat's `CurrentLineNumber`).
    pub fn here(&mut self) -> (usize, usize) {
        self.position(self.pos)
    }

    fn error(&mut self, code: u32, at: usize) -> XmlError {
        let (line, column) = self.position(at);
        XmlError { code, line, column }
    }

    /// Scans what the input holds, appending events to `out`; at the final
    /// piece, anything left unfinished is an error.
    pub fn run(&mut self, last: bool, out: &mut Vec<(usize, Event)>) -> Result<(), XmlError> {
        loop {
            if self.pos >= self.text.len() {
                break;
            }
            let start = self.pos;
            match self.token(out) {
                Ok(()) => {}
                Err(Stop::More) => {
                    if last {
                        return Err(self.error(code::UNCLOSED_TOKEN, start));
                    }
                    self.pos = start;
                    return Ok(());
                }
                Err(Stop::Err(c, at)) => {
                    self.pos = start;
                    return Err(self.error(c, at));
                }
            }
        }
        if last && self.place != Place::Epilog {
            let end = self.text.len();
            return Err(self.error(code::NO_ELEMENTS, end));
        }
        Ok(())
    }

    fn peek(&self, at: usize) -> Step<char> {
        self.text.get(at).copied().ok_or(Stop::More)
    }

    fn starts(&self, at: usize, s: &str) -> Step<bool> {
        for (k, c) in s.chars().enumerate() {
            match self.text.get(at + k) {
                None => {
                    // A prefix of `s` so far: it may still come.
                    return Err(Stop::More);
                }
                Some(&d) if d != c => return Ok(false),
                Some(_) => {}
            }
        }
        Ok(true)
    }

    /// Index of `pat` at or after `from`.
    fn find(&self, from: usize, pat: &str) -> Step<usize> {
        let p: Vec<char> = pat.chars().collect();
        let mut i = from;
        while i + p.len() <= self.text.len() {
            if self.text[i..i + p.len()] == p[..] {
                return Ok(i);
            }
            i += 1;
        }
        Err(Stop::More)
    }

    fn collect(&self, a: usize, b: usize) -> String {
        self.text[a..b].iter().collect()
    }

    fn token(&mut self, out: &mut Vec<(usize, Event)>) -> Step<()> {
        let at = self.pos;
        let c = self.peek(at)?;
        let first = at == 0;
        if c == '<' {
            let n = self.peek(at + 1)?;
            return match n {
                '?' => self.pi(at, first, out),
                '!' => self.bang(at, out),
                '/' => self.end_tag(at, out),
                _ => self.start_tag(at, out),
            };
        }
        match self.place {
            Place::Root => {
                if c == '&' {
                    match self.reference(at) {
                        Ok((text, end)) => {
                            self.pos = end;
                            out.push((at, Event::Text(text)));
                        }
                        Err(Stop::Err(code::UNDEFINED_ENTITY, pos)) => {
                            let end = self.find(at, ";")?;
                            let name = self.collect(at + 1, end);
                            if let Some((sysid, pubid)) = self.external.get(&name).cloned() {
                                self.pos = end + 1;
                                out.push((at, Event::ExternalRef(name, sysid, pubid)));
                            } else if self.lenient() {
                                self.pos = end + 1;
                                out.push((at, Event::Skipped(name)));
                            } else {
                                return Err(Stop::Err(code::UNDEFINED_ENTITY, pos));
                            }
                        }
                        Err(e) => return Err(e),
                    }
                    Ok(())
                } else {
                    self.text_run(at, out)
                }
            }
            place => {
                let mut i = at;
                while let Some(&d) = self.text.get(i) {
                    if !is_space(d) {
                        break;
                    }
                    i += 1;
                }
                if i == at {
                    return Err(self.outside_root(at, c, place));
                }
                self.pos = i;
                out.push((at, Event::Default(self.collect(at, i))));
                Ok(())
            }
        }
    }

    /// What Expat's prolog tokenizer makes of character `c` outside the
    /// root element: a name is a syntax error before the root (unless
    /// markup follows it at once) and junk after it; a literal is an
    /// unclosed token; other characters are invalid tokens.
    fn outside_root(&self, at: usize, c: char, place: Place) -> Stop {
        let epilog = place == Place::Epilog;
        if is_name_char(c) {
            let mut j = at;
            while self.text.get(j).is_some_and(|&d| is_name_char(d)) {
                j += 1;
            }
            return match self.text.get(j) {
                // Characters that cannot end a name token.
                Some('<' | '!') => Stop::Err(code::INVALID_TOKEN, j),
                _ if epilog => Stop::Err(code::JUNK_AFTER_DOC_ELEMENT, at),
                _ => Stop::Err(code::SYNTAX, at),
            };
        }
        match c {
            '#' => match self.text.get(at + 1) {
                None => Stop::Err(code::UNCLOSED_TOKEN, at),
                Some(_) => Stop::Err(code::INVALID_TOKEN, at + 1),
            },
            '"' | '\'' => Stop::Err(code::UNCLOSED_TOKEN, at),
            '>' if epilog => Stop::Err(code::JUNK_AFTER_DOC_ELEMENT, at),
            '>' => Stop::Err(code::SYNTAX, at),
            _ => Stop::Err(code::INVALID_TOKEN, at),
        }
    }

    /// Character data up to the next markup or reference.
    fn text_run(&mut self, at: usize, out: &mut Vec<(usize, Event)>) -> Step<()> {
        let mut i = at;
        while let Some(&c) = self.text.get(i) {
            if c == '<' || c == '&' {
                break;
            }
            if !is_xml_char(c) {
                return Err(Stop::Err(code::INVALID_TOKEN, i));
            }
            if c == '>' && i >= at + 2 && self.text[i - 1] == ']' && self.text[i - 2] == ']' {
                return Err(Stop::Err(code::INVALID_TOKEN, i));
            }
            i += 1;
        }
        if i == self.text.len() && i > at && self.text[i - 1] == ']' {
            // `]]>` may be completing: keep the brackets for later.
            let mut j = i;
            while j > at && self.text[j - 1] == ']' {
                j -= 1;
            }
            if j == at {
                return Err(Stop::More);
            }
            i = j;
        }
        self.pos = i;
        out.push((at, Event::Text(self.collect(at, i))));
        Ok(())
    }

    /// `&name;`, `&#N;` or `&#xH;` at `at`: the text it stands for.
    fn reference(&mut self, at: usize) -> Step<(String, usize)> {
        let mut i = at + 1;
        if self.peek(i)? == '#' {
            i += 1;
            let hex = self.peek(i)? == 'x';
            if hex {
                i += 1;
            }
            let digits = i;
            loop {
                let c = self.peek(i)?;
                if c == ';' && i > digits {
                    break;
                }
                let ok = if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                };
                if !ok {
                    return Err(Stop::Err(code::INVALID_TOKEN, i));
                }
                i += 1;
            }
            let s = self.collect(digits, i);
            let n = u32::from_str_radix(&s, if hex { 16 } else { 10 }).ok();
            return match n.and_then(char::from_u32).filter(|&c| is_xml_char(c)) {
                Some(c) => Ok((c.to_string(), i + 1)),
                None => Err(Stop::Err(code::BAD_CHAR_REF, at)),
            };
        }
        let name_start = i;
        if !is_name_start(self.peek(i)?) {
            return Err(Stop::Err(code::INVALID_TOKEN, i));
        }
        loop {
            let c = self.peek(i)?;
            if c == ';' {
                break;
            }
            if !is_name_char(c) {
                return Err(Stop::Err(code::INVALID_TOKEN, i));
            }
            i += 1;
        }
        let name = self.collect(name_start, i);
        let text = match name.as_str() {
            "amp" => "&".to_string(),
            "lt" => "<".to_string(),
            "gt" => ">".to_string(),
            "apos" => "'".to_string(),
            "quot" => "\"".to_string(),
            other => match self.entities.get(other) {
                Some(v) => v.clone(),
                None => return Err(Stop::Err(code::UNDEFINED_ENTITY, at)),
            },
        };
        Ok((text, i + 1))
    }

    /// A name starting at `i`: its end.
    fn name(&self, i: usize) -> Step<usize> {
        let c = self.peek(i)?;
        if !is_name_start(c) {
            return Err(Stop::Err(code::INVALID_TOKEN, i));
        }
        let mut j = i + 1;
        while is_name_char(self.peek(j)?) {
            j += 1;
        }
        Ok(j)
    }

    fn skip_space(&self, mut i: usize) -> Step<usize> {
        while is_space(self.peek(i)?) {
            i += 1;
        }
        Ok(i)
    }

    fn start_tag(&mut self, at: usize, out: &mut Vec<(usize, Event)>) -> Step<()> {
        if self.place == Place::Epilog && is_name_start(self.peek(at + 1)?) {
            return Err(Stop::Err(code::JUNK_AFTER_DOC_ELEMENT, at));
        }
        let name_end = self.name(at + 1)?;
        let name = self.collect(at + 1, name_end);
        let mut attrs: Vec<(String, String)> = Vec::new();
        let mut i = name_end;
        let empty;
        loop {
            let spaced = i;
            i = self.skip_space(i)?;
            match self.peek(i)? {
                '>' => {
                    empty = false;
                    i += 1;
                    break;
                }
                '/' => {
                    if self.peek(i + 1)? != '>' {
                        return Err(Stop::Err(code::INVALID_TOKEN, i + 1));
                    }
                    empty = true;
                    i += 2;
                    break;
                }
                _ => {}
            }
            if i == spaced {
                return Err(Stop::Err(code::INVALID_TOKEN, i));
            }
            let an_start = i;
            let an_end = self.name(i)?;
            let an = self.collect(an_start, an_end);
            i = self.skip_space(an_end)?;
            if self.peek(i)? != '=' {
                return Err(Stop::Err(code::INVALID_TOKEN, i));
            }
            i = self.skip_space(i + 1)?;
            let q = self.peek(i)?;
            if q != '"' && q != '\'' {
                return Err(Stop::Err(code::INVALID_TOKEN, i));
            }
            i += 1;
            let mut value = String::new();
            loop {
                let c = self.peek(i)?;
                if c == q {
                    i += 1;
                    break;
                }
                match c {
                    '<' => return Err(Stop::Err(code::INVALID_TOKEN, i)),
                    '&' => match self.reference(i) {
                        Ok((t, end)) => {
                            value.push_str(&t);
                            i = end;
                        }
                        // Expat drops such a reference from the value.
                        Err(Stop::Err(code::UNDEFINED_ENTITY, _)) if self.lenient() => {
                            i = self.find(i, ";")? + 1;
                        }
                        Err(e) => return Err(e),
                    },
                    // Attribute-value normalisation: white space becomes a space.
                    '\t' | '\n' => {
                        value.push(' ');
                        i += 1;
                    }
                    c if !is_xml_char(c) => return Err(Stop::Err(code::INVALID_TOKEN, i)),
                    c => {
                        value.push(c);
                        i += 1;
                    }
                }
            }
            if attrs.iter().any(|(n, _)| *n == an) {
                return Err(Stop::Err(code::DUPLICATE_ATTRIBUTE, an_start));
            }
            attrs.push((an, value));
        }
        self.apply_attlist(&name, &mut attrs);
        match self.place {
            Place::Epilog => return Err(Stop::Err(code::JUNK_AFTER_DOC_ELEMENT, at)),
            Place::Prolog => self.place = Place::Root,
            Place::Root => {}
        }
        self.pos = i;
        out.push((at, Event::Start(name.clone(), attrs)));
        if empty {
            out.push((at, Event::End(name)));
            if self.open.is_empty() {
                self.place = Place::Epilog;
            }
        } else {
            self.open.push(name);
        }
        Ok(())
    }

    fn end_tag(&mut self, at: usize, out: &mut Vec<(usize, Event)>) -> Step<()> {
        if self.place != Place::Root {
            return Err(Stop::Err(code::INVALID_TOKEN, at + 1));
        }
        let name_end = self.name(at + 2)?;
        let name = self.collect(at + 2, name_end);
        let i = self.skip_space(name_end)?;
        if self.peek(i)? != '>' {
            return Err(Stop::Err(code::INVALID_TOKEN, i));
        }
        if self.open.last() != Some(&name) {
            return Err(Stop::Err(code::TAG_MISMATCH, at + 2));
        }
        self.open.pop();
        if self.open.is_empty() {
            self.place = Place::Epilog;
        }
        self.pos = i + 1;
        out.push((at, Event::End(name)));
        Ok(())
    }

    fn pi(&mut self, at: usize, first: bool, out: &mut Vec<(usize, Event)>) -> Step<()> {
        let t_end = self.name(at + 2)?;
        let target = self.collect(at + 2, t_end);
        let close = self.find(t_end, "?>")?;
        let next = self.peek(t_end)?;
        if next != '?' && !is_space(next) {
            return Err(Stop::Err(code::INVALID_TOKEN, t_end));
        }
        if target.eq_ignore_ascii_case("xml") {
            if !first || target != "xml" {
                return Err(Stop::Err(code::MISPLACED_XML_PI, at));
            }
            self.pos = close + 2;
            let decl = self.collect(at, close + 2);
            self.standalone =
                decl.contains("standalone=\"yes\"") || decl.contains("standalone='yes'");
            out.push((at, Event::Default(decl)));
            return Ok(());
        }
        let data_start = self.skip_space(t_end).unwrap_or(close).min(close);
        self.pos = close + 2;
        out.push((at, Event::Pi(target, self.collect(data_start, close))));
        Ok(())
    }

    fn bang(&mut self, at: usize, out: &mut Vec<(usize, Event)>) -> Step<()> {
        if self.starts(at, "<!--")? {
            let end = self.find(at + 4, "--")?;
            if self.peek(end + 2)? != '>' {
                return Err(Stop::Err(code::INVALID_TOKEN, end + 2));
            }
            self.pos = end + 3;
            out.push((at, Event::Comment(self.collect(at + 4, end))));
            return Ok(());
        }
        if self.place == Place::Root && self.starts(at, "<![CDATA[")? {
            let Ok(end) = self.find(at + 9, "]]>") else {
                return Err(Stop::More);
            };
            self.pos = end + 3;
            out.push((at, Event::CdataStart));
            if end > at + 9 {
                out.push((at, Event::Text(self.collect(at + 9, end))));
            }
            out.push((at, Event::CdataEnd));
            return Ok(());
        }
        if self.place == Place::Prolog && self.starts(at, "<!DOCTYPE")? {
            return self.doctype(at, out);
        }
        Err(Stop::Err(code::INVALID_TOKEN, at + 2))
    }

    /// `<!DOCTYPE name [SYSTEM "s" | PUBLIC "p" "s"] [internal subset]>`,
    /// reported piece by piece to the default handler as Expat does; the
    /// internal subset's general entities are kept for references.
    fn doctype(&mut self, at: usize, out: &mut Vec<(usize, Event)>) -> Step<()> {
        let mut pieces = vec!["<!DOCTYPE".to_string()];
        // The name, then the words and literals of the external ID.
        let mut words: Vec<String> = Vec::new();
        let mut literals: Vec<String> = Vec::new();
        let mut subset = None;
        let mut i = at + 9;
        loop {
            let c = self.peek(i)?;
            if is_space(c) {
                let s = self.skip_space(i)?;
                pieces.push(self.collect(i, s));
                i = s;
            } else if c == '>' {
                pieces.push(">".to_string());
                i += 1;
                break;
            } else if c == '"' || c == '\'' {
                let mut j = i + 1;
                while self.peek(j)? != c {
                    j += 1;
                }
                pieces.push(self.collect(i, j + 1));
                literals.push(self.collect(i + 1, j));
                i = j + 1;
            } else if c == '[' {
                let close = self.find(i, "]")?;
                subset = Some((i + 1, close));
                pieces.push(self.collect(i, close + 1));
                i = close + 1;
            } else if is_name_start(c) {
                let e = self.name(i)?;
                let word = self.collect(i, e);
                pieces.push(word.clone());
                words.push(word);
                i = e;
            } else {
                return Err(Stop::Err(code::INVALID_TOKEN, i));
            }
        }
        self.pos = i;
        let name = words.first().cloned().unwrap_or_default();
        let (sysid, pubid) = match words.get(1).map(String::as_str) {
            Some("SYSTEM") => (literals.first().cloned(), None),
            Some("PUBLIC") => (literals.get(1).cloned(), literals.first().cloned()),
            _ => (None, None),
        };
        // An external subset may declare anything: Expat then lets
        // undefined entities pass.
        if sysid.is_some() || pubid.is_some() {
            self.param_refs = true;
        }
        out.extend(pieces.into_iter().map(|p| (at, Event::Default(p))));
        out.push((
            at,
            Event::StartDoctype(name, sysid, pubid, subset.is_some()),
        ));
        if let Some((from, to)) = subset {
            self.internal_subset(at, from, to, out);
        }
        out.push((at, Event::EndDoctype));
        Ok(())
    }

    /// Whether an undefined entity is let pass rather than an error.
    fn lenient(&self) -> bool {
        self.param_refs && !self.standalone
    }

    /// The attribute-list declarations of element `name` applied to its
    /// attributes: values of non-CDATA types normalised, defaults of
    /// missing attributes added after the specified ones (as Expat does).
    fn apply_attlist(&self, name: &str, attrs: &mut Vec<(String, String)>) {
        let Some(defs) = self.attlists.get(name) else {
            return;
        };
        for (an, value) in attrs.iter_mut() {
            if let Some(d) = defs.iter().find(|d| d.name == *an) {
                if !d.cdata {
                    *value = dtd::normalize_tokens(value);
                }
            }
        }
        for d in defs {
            if let Some(v) = &d.default {
                if !attrs.iter().any(|(an, _)| *an == d.name) {
                    attrs.push((d.name.clone(), v.clone()));
                }
            }
        }
    }

    /// Reads the declarations of an internal subset: entities are kept for
    /// references and reported, attribute lists kept for start tags.
    fn internal_subset(
        &mut self,
        at: usize,
        from: usize,
        to: usize,
        out: &mut Vec<(usize, Event)>,
    ) {
        for decl in dtd::parse_subset(&self.text[from..to]) {
            match decl {
                Decl::Entity(e) => {
                    if !e.is_param && !self.external.contains_key(&e.name) {
                        if let Some(v) = &e.value {
                            self.entities
                                .entry(e.name.clone())
                                .or_insert_with(|| v.clone());
                        } else if e.notation.is_none() && !self.entities.contains_key(&e.name) {
                            let ids = (e.sysid.clone(), e.pubid.clone());
                            self.external.insert(e.name.clone(), ids);
                        }
                    }
                    out.push((at, Event::Entity(e)));
                }
                Decl::Attlist(elem, defs) => {
                    let known = self.attlists.entry(elem).or_default();
                    for d in defs {
                        // The first declaration of an attribute binds.
                        if !known.iter().any(|k| k.name == d.name) {
                            known.push(d);
                        }
                    }
                }
                Decl::ParamRef => self.param_refs = true,
                Decl::Notation(name, sysid, pubid) => {
                    out.push((at, Event::Notation(name, sysid, pubid)));
                }
                Decl::Comment(text) => out.push((at, Event::SubsetComment(text))),
                Decl::Pi(target, data) => out.push((at, Event::SubsetPi(target, data))),
            }
        }
    }
}
