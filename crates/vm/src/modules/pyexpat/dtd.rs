//! The internal DTD subset as far as pyexpat's users need it: entity
//! declarations (reported to `EntityDeclHandler` and kept for references),
//! notation declarations, comments and processing instructions (reported),
//! attribute-list declarations (default values, and the normalisation of
//! attributes whose type is not CDATA), and parameter-entity references,
//! after which Expat no longer treats an undefined entity as an error.

/// One attribute of an `<!ATTLIST ...>` declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct AttDef {
    /// The attribute's name, as written (`xml:lang`).
    pub name: String,
    /// Whether its type is CDATA (values are then not normalised further).
    pub cdata: bool,
    /// The default value (`"v"` or `#FIXED "v"`); `None` for `#REQUIRED`
    /// and `#IMPLIED`.
    pub default: Option<String>,
}

/// An `<!ENTITY ...>` declaration, with the fields `EntityDeclHandler` takes.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityDecl {
    /// The entity's name.
    pub name: String,
    /// `<!ENTITY % name ...>`.
    pub is_param: bool,
    /// The replacement text of an internal entity, character references
    /// expanded; `None` for an external one.
    pub value: Option<String>,
    /// `SYSTEM` identifier.
    pub sysid: Option<String>,
    /// `PUBLIC` identifier.
    pub pubid: Option<String>,
    /// `NDATA` notation of an unparsed entity.
    pub notation: Option<String>,
}

/// What the internal subset declares, in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Decl {
    /// `<!ENTITY ...>`.
    Entity(EntityDecl),
    /// `<!ATTLIST element ...>`.
    Attlist(String, Vec<AttDef>),
    /// A `%name;` reference between declarations.
    ParamRef,
    /// `<!NOTATION name SYSTEM "s">` or `PUBLIC "p" ["s"]`: the name, the
    /// system and the public identifier.
    Notation(String, Option<String>, Option<String>),
    /// `<!--text-->`, which Expat reports from the subset as from content.
    Comment(String),
    /// `<?target data?>`, likewise.
    Pi(String, String),
}

fn starts(s: &[char], at: usize, pat: &str) -> bool {
    (at..).zip(pat.chars()).all(|(i, c)| s.get(i) == Some(&c))
}

fn find(s: &[char], from: usize, pat: &str) -> Option<usize> {
    (from..s.len()).find(|&i| starts(s, i, pat))
}

/// The index of the `>` that closes the declaration at `at` (quotes skipped).
fn decl_end(s: &[char], at: usize) -> usize {
    let mut quote = None;
    for (i, &c) in s.iter().enumerate().skip(at) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '>' => return i,
            None => {}
        }
    }
    s.len()
}

/// A declaration's words: names, `(...)` groups, and quoted literals (kept
/// with their quotes, so a literal is told from a name).
fn tokens(s: &[char]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '"' || c == '\'' {
            let end = (i + 1..s.len()).find(|&j| s[j] == c).unwrap_or(s.len());
            out.push(s[i..(end + 1).min(s.len())].iter().collect());
            i = end + 1;
        } else if c == '(' {
            let end = (i..s.len()).find(|&j| s[j] == ')').unwrap_or(s.len());
            out.push(s[i..(end + 1).min(s.len())].iter().collect());
            i = end + 1;
        } else {
            let start = i;
            while i < s.len() && !s[i].is_whitespace() && !matches!(s[i], '"' | '\'' | '(') {
                i += 1;
            }
            out.push(s[start..i].iter().collect());
        }
    }
    out
}

/// The text of a quoted literal token, or `None` for another token.
fn literal(t: &str) -> Option<&str> {
    let q = t.chars().next().filter(|&q| q == '"' || q == '\'')?;
    let inner = &t[1..];
    Some(inner.strip_suffix(q).unwrap_or(inner))
}

/// Expands the character references of an entity value (`&#38;`, `&#x26;`),
/// leaving references to general entities as they are, as the XML
/// specification's "included in literal" rules do.
pub fn expand_char_refs(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut rest = v;
    while let Some(k) = rest.find("&#") {
        out.push_str(&rest[..k]);
        let after = &rest[k + 2..];
        let Some(semi) = after.find(';') else {
            out.push_str(&rest[k..]);
            return out;
        };
        let digits = &after[..semi];
        let n = match digits.strip_prefix('x') {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => digits.parse::<u32>().ok(),
        };
        match n.and_then(char::from_u32) {
            Some(c) => out.push(c),
            None => out.push_str(&rest[k..k + 2 + semi + 1]),
        }
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    out
}

/// The value of an attribute whose declared type is not CDATA: leading and
/// trailing spaces dropped, runs of spaces made one.
pub fn normalize_tokens(v: &str) -> String {
    v.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn entity(words: &[String]) -> Option<EntityDecl> {
    let (is_param, words) = match words.first().map(String::as_str) {
        Some("%") => (true, &words[1..]),
        _ => (false, words),
    };
    let name = words.first()?.clone();
    let mut d = EntityDecl {
        name,
        is_param,
        value: None,
        sysid: None,
        pubid: None,
        notation: None,
    };
    let rest = &words[1..];
    match rest.first().map(String::as_str) {
        Some("SYSTEM") => d.sysid = rest.get(1).and_then(|t| literal(t)).map(str::to_string),
        Some("PUBLIC") => {
            d.pubid = rest.get(1).and_then(|t| literal(t)).map(str::to_string);
            d.sysid = rest.get(2).and_then(|t| literal(t)).map(str::to_string);
        }
        Some(t) => d.value = Some(expand_char_refs(literal(t)?)),
        None => return None,
    }
    if let Some(k) = rest.iter().position(|t| t == "NDATA") {
        d.notation = rest.get(k + 1).cloned();
    }
    Some(d)
}

fn attlist(words: &[String]) -> Option<(String, Vec<AttDef>)> {
    let elem = words.first()?.clone();
    let mut defs = Vec::new();
    let mut i = 1;
    while i < words.len() {
        let name = words[i].clone();
        let Some(ty) = words.get(i + 1) else { break };
        i += 2;
        let cdata = ty == "CDATA";
        if ty == "NOTATION" {
            // `NOTATION (a|b)`: the group follows the keyword.
            i += 1;
        }
        let default = match words.get(i).map(String::as_str) {
            Some("#REQUIRED" | "#IMPLIED") => {
                i += 1;
                None
            }
            Some("#FIXED") => {
                i += 2;
                words
                    .get(i - 1)
                    .and_then(|t| literal(t))
                    .map(str::to_string)
            }
            Some(t) => {
                i += 1;
                literal(t).map(str::to_string)
            }
            None => None,
        };
        let default = default.map(|v| {
            let v = expand_char_refs(&v).replace(['\t', '\n', '\r'], " ");
            if cdata {
                v
            } else {
                normalize_tokens(&v)
            }
        });
        defs.push(AttDef {
            name,
            cdata,
            default,
        });
    }
    Some((elem, defs))
}

/// The declarations of the internal subset `body` (between `[` and `]`).
pub fn parse_subset(body: &[char]) -> Vec<Decl> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < body.len() {
        if starts(body, i, "<!--") {
            let end = find(body, i + 4, "-->").unwrap_or(body.len());
            out.push(Decl::Comment(body[i + 4..end].iter().collect()));
            i = (end + 3).min(body.len());
        } else if starts(body, i, "<?") {
            let end = find(body, i + 2, "?>").unwrap_or(body.len());
            let inner: String = body[i + 2..end].iter().collect();
            let (target, data) = match inner.split_once(|c: char| c.is_ascii_whitespace()) {
                Some((t, d)) => (t.to_string(), d.trim_start().to_string()),
                None => (inner, String::new()),
            };
            out.push(Decl::Pi(target, data));
            i = (end + 2).min(body.len());
        } else if starts(body, i, "<!NOTATION") {
            let end = decl_end(body, i);
            let words = tokens(&body[(i + 10).min(end)..end]);
            if let Some(name) = words.first() {
                let lit = |k: usize| words.get(k).and_then(|t| literal(t)).map(str::to_string);
                let (sysid, pubid) = match words.get(1).map(String::as_str) {
                    Some("SYSTEM") => (lit(2), None),
                    Some("PUBLIC") => (lit(3), lit(2)),
                    _ => (None, None),
                };
                out.push(Decl::Notation(name.clone(), sysid, pubid));
            }
            i = end + 1;
        } else if starts(body, i, "<!ENTITY") {
            let end = decl_end(body, i);
            if let Some(d) = entity(&tokens(&body[(i + 8).min(end)..end])) {
                out.push(Decl::Entity(d));
            }
            i = end + 1;
        } else if starts(body, i, "<!ATTLIST") {
            let end = decl_end(body, i);
            if let Some((elem, defs)) = attlist(&tokens(&body[(i + 9).min(end)..end])) {
                out.push(Decl::Attlist(elem, defs));
            }
            i = end + 1;
        } else if starts(body, i, "<!") {
            i = decl_end(body, i) + 1;
        } else if body[i] == '%' {
            out.push(Decl::ParamRef);
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}
