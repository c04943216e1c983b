//! `pyexpat`: the XML parser CPython binds from Expat (`Modules/pyexpat.c`),
//! which `xml.parsers.expat` re-exports and `xml.etree.ElementTree`'s
//! `XMLParser` drives. The scanner (`scan.rs`) is written here after
//! Expat's rules; this file is the Python surface: `ParserCreate`, the
//! `xmlparser` objects with their handler attributes and `Parse`, the
//! `ExpatError` with `code`/`lineno`/`offset`, and the `errors` and `model`
//! submodules.
//!
//! Handlers and options (`StartElementHandler`, `buffer_text`,
//! `ordered_attributes`, ...) are plain attributes of the parser object,
//! read when `Parse` reports an event, so assigning one mid-parse works as
//! in CPython.

mod dtd;
mod scan;

use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{bind_args, borrow, new_native, receiver, ClassSpec, SpecFlags};
use crate::types::{type_name, ExcKind, TypeKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

use super::{module_functions, new_module};
use scan::{code, Event, Scanner, XmlError};

/// Expat's error messages by code (`XML_ErrorString`), as CPython's
/// `pyexpat.errors` lists them (printed from CPython 3.11 with Expat 2.5.0).
const ERRORS: &[(u32, &str, &str)] = &[
    (1, "XML_ERROR_NO_MEMORY", "out of memory"),
    (2, "XML_ERROR_SYNTAX", "syntax error"),
    (3, "XML_ERROR_NO_ELEMENTS", "no element found"),
    (
        4,
        "XML_ERROR_INVALID_TOKEN",
        "not well-formed (invalid token)",
    ),
    (5, "XML_ERROR_UNCLOSED_TOKEN", "unclosed token"),
    (6, "XML_ERROR_PARTIAL_CHAR", "partial character"),
    (7, "XML_ERROR_TAG_MISMATCH", "mismatched tag"),
    (8, "XML_ERROR_DUPLICATE_ATTRIBUTE", "duplicate attribute"),
    (
        9,
        "XML_ERROR_JUNK_AFTER_DOC_ELEMENT",
        "junk after document element",
    ),
    (
        10,
        "XML_ERROR_PARAM_ENTITY_REF",
        "illegal parameter entity reference",
    ),
    (11, "XML_ERROR_UNDEFINED_ENTITY", "undefined entity"),
    (
        12,
        "XML_ERROR_RECURSIVE_ENTITY_REF",
        "recursive entity reference",
    ),
    (13, "XML_ERROR_ASYNC_ENTITY", "asynchronous entity"),
    (
        14,
        "XML_ERROR_BAD_CHAR_REF",
        "reference to invalid character number",
    ),
    (
        15,
        "XML_ERROR_BINARY_ENTITY_REF",
        "reference to binary entity",
    ),
    (
        16,
        "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF",
        "reference to external entity in attribute",
    ),
    (
        17,
        "XML_ERROR_MISPLACED_XML_PI",
        "XML or text declaration not at start of entity",
    ),
    (18, "XML_ERROR_UNKNOWN_ENCODING", "unknown encoding"),
    (
        19,
        "XML_ERROR_INCORRECT_ENCODING",
        "encoding specified in XML declaration is incorrect",
    ),
    (
        20,
        "XML_ERROR_UNCLOSED_CDATA_SECTION",
        "unclosed CDATA section",
    ),
    (
        21,
        "XML_ERROR_EXTERNAL_ENTITY_HANDLING",
        "error in processing external entity reference",
    ),
    (22, "XML_ERROR_NOT_STANDALONE", "document is not standalone"),
    (
        23,
        "XML_ERROR_UNEXPECTED_STATE",
        "unexpected parser state - please send a bug report",
    ),
    (
        24,
        "XML_ERROR_ENTITY_DECLARED_IN_PE",
        "entity declared in parameter entity",
    ),
    (
        25,
        "XML_ERROR_FEATURE_REQUIRES_XML_DTD",
        "requested feature requires XML_DTD support in Expat",
    ),
    (
        26,
        "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING",
        "cannot change setting once parsing has begun",
    ),
    (27, "XML_ERROR_UNBOUND_PREFIX", "unbound prefix"),
    (
        28,
        "XML_ERROR_UNDECLARING_PREFIX",
        "must not undeclare prefix",
    ),
    (
        29,
        "XML_ERROR_INCOMPLETE_PE",
        "incomplete markup in parameter entity",
    ),
    (30, "XML_ERROR_XML_DECL", "XML declaration not well-formed"),
    (
        31,
        "XML_ERROR_TEXT_DECL",
        "text declaration not well-formed",
    ),
    (
        32,
        "XML_ERROR_PUBLICID",
        "illegal character(s) in public id",
    ),
    (33, "XML_ERROR_SUSPENDED", "parser suspended"),
    (34, "XML_ERROR_NOT_SUSPENDED", "parser not suspended"),
    (35, "XML_ERROR_ABORTED", "parsing aborted"),
    (36, "XML_ERROR_FINISHED", "parsing finished"),
    (
        37,
        "XML_ERROR_SUSPEND_PE",
        "cannot suspend in external parameter entity",
    ),
    (
        38,
        "XML_ERROR_RESERVED_PREFIX_XML",
        "reserved prefix (xml) must not be undeclared or bound to another namespace name",
    ),
    (
        39,
        "XML_ERROR_RESERVED_PREFIX_XMLNS",
        "reserved prefix (xmlns) must not be declared or undeclared",
    ),
    (
        40,
        "XML_ERROR_RESERVED_NAMESPACE_URI",
        "prefix must not be bound to one of the reserved namespace names",
    ),
    (41, "XML_ERROR_INVALID_ARGUMENT", "invalid argument"),
    (
        42,
        "XML_ERROR_NO_BUFFER",
        "a successful prior call to function XML_GetBuffer is required",
    ),
    (
        43,
        "XML_ERROR_AMPLIFICATION_LIMIT_BREACH",
        "limit on input amplification factor (from DTD and entities) breached",
    ),
];

/// The Expat release whose behaviour this follows (CPython 3.11's bundled one).
const VERSION: (i64, i64, i64) = (2, 5, 0);

/// The namespace `xml:` is bound to without a declaration.
const XML_NAMESPACE: &str = "http://www.w3.org/XML/1998/namespace";

/// Handler attributes a parser starts with (all `None`).
const HANDLERS: &[&str] = &[
    "StartElementHandler",
    "EndElementHandler",
    "ProcessingInstructionHandler",
    "CharacterDataHandler",
    "UnparsedEntityDeclHandler",
    "NotationDeclHandler",
    "StartNamespaceDeclHandler",
    "EndNamespaceDeclHandler",
    "CommentHandler",
    "StartCdataSectionHandler",
    "EndCdataSectionHandler",
    "DefaultHandler",
    "DefaultHandlerExpand",
    "NotStandaloneHandler",
    "ExternalEntityRefHandler",
    "StartDoctypeDeclHandler",
    "EndDoctypeDeclHandler",
    "EntityDeclHandler",
    "XmlDeclHandler",
    "ElementDeclHandler",
    "AttlistDeclHandler",
    "SkippedEntityHandler",
];

module_functions!(PYEXPAT_FUNCTIONS, "pyexpat", [
    "ParserCreate" => parser_create, "ErrorString" => error_string,
]);

crate::native::native_methods!(PARSER_METHODS, "xmlparser", [
    "Parse" => p_parse, "ParseFile" => p_parse_file, "SetBase" => p_set_base,
    "GetBase" => p_get_base, "SetParamEntityParsing" => p_set_param_entity_parsing,
]);

static PARSER: ClassSpec = ClassSpec {
    name: "xmlparser",
    module: "pyexpat",
    base: TypeKind::Object,
    methods: PARSER_METHODS,
    classmethods: &[],
    props: &[],
    unhashable: false,
    // CPython's handlers and options are getsets; here they live in the
    // instance dict.
    flags: SpecFlags::DICT,
};

/// How the bytes given to `Parse` become text.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Encoding {
    Utf8,
    Latin1,
    Ascii,
    /// UTF-16, found by its byte-order mark or by `<?` in two-byte units.
    Utf16 {
        big_endian: bool,
    },
    /// A single-byte encoding Python's codecs know, through the parser's
    /// byte table (`PyUnknownEncodingHandler`).
    Table,
}

/// A parser's Rust state: the scanner, the input not yet decoded, the
/// namespace bindings in scope, and what ended parsing.
#[derive(Debug)]
struct ParserState {
    scanner: Scanner,
    /// The encoding given to `ParserCreate`, else found in the XML declaration.
    encoding: Option<Encoding>,
    /// Bytes of an incomplete UTF-8 sequence at the end of the last piece.
    undecoded: Vec<u8>,
    /// The character of each byte for [`Encoding::Table`] (`None`: invalid).
    table: Vec<Option<char>>,
    /// `namespace_separator`, when namespace processing is on.
    separator: Option<String>,
    /// Per open element: the prefixes it declared (`None`: the default
    /// namespace) with the bindings they shadowed.
    scopes: Vec<Vec<(Option<String>, Option<String>)>>,
    /// Current bindings, innermost last.
    bindings: Vec<(Option<String>, String)>,
    /// The error that stopped parsing, or `FINISHED` after the final piece.
    ended: Option<XmlError>,
    base: Value,
    /// Character data waiting to be reported as one piece (`buffer_text`).
    text: String,
    /// `Parse` or `ParseFile` has been called: settings are fixed until the
    /// final piece has been parsed.
    started: bool,
}

/// Builds the `pyexpat` module with its `errors` and `model` submodules.
pub fn init(vm: &mut Vm) -> Value {
    let cls = crate::native::class_of(vm, &PARSER);
    let error = Value::Type(error_class(vm));
    let mut messages = Dict::new();
    let mut codes = Dict::new();
    let mut errs: Vec<(&str, Value)> = Vec::new();
    for &(code, name, msg) in ERRORS {
        let _ = messages.insert(Value::Int(i64::from(code)), Value::str(msg));
        let _ = codes.insert(Value::str(msg), Value::Int(i64::from(code)));
        errs.push((name, Value::str(msg)));
    }
    errs.push(("codes", Value::dict(codes)));
    errs.push(("messages", Value::dict(messages)));
    errs.push((
        "__doc__",
        Value::str("Constants used to describe error conditions."),
    ));
    let errors = new_module("pyexpat.errors", &[], errs);
    let int = Value::Int;
    let model = new_module(
        "pyexpat.model",
        &[],
        vec![
            ("XML_CQUANT_NONE", int(0)),
            ("XML_CQUANT_OPT", int(1)),
            ("XML_CQUANT_PLUS", int(3)),
            ("XML_CQUANT_REP", int(2)),
            ("XML_CTYPE_ANY", int(2)),
            ("XML_CTYPE_CHOICE", int(5)),
            ("XML_CTYPE_EMPTY", int(1)),
            ("XML_CTYPE_MIXED", int(3)),
            ("XML_CTYPE_NAME", int(4)),
            ("XML_CTYPE_SEQ", int(6)),
            (
                "__doc__",
                Value::str("Constants used to interpret content model information."),
            ),
        ],
    );
    let feature = |n: &str, v: i64| Value::tuple(vec![Value::str(n), Value::Int(v)]);
    let features = Value::list(vec![
        feature("sizeof(XML_Char)", 1),
        feature("sizeof(XML_LChar)", 1),
        feature("XML_DTD", 0),
        feature("XML_CONTEXT_BYTES", 1024),
        feature("XML_NS", 0),
    ]);
    let (a, b, c) = VERSION;
    new_module(
        "pyexpat",
        PYEXPAT_FUNCTIONS,
        vec![
            ("EXPAT_VERSION", Value::string(format!("expat_{a}.{b}.{c}"))),
            ("ExpatError", error.clone()),
            ("error", error),
            ("XMLParserType", Value::Type(cls)),
            ("XML_PARAM_ENTITY_PARSING_ALWAYS", int(2)),
            ("XML_PARAM_ENTITY_PARSING_NEVER", int(0)),
            ("XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", int(1)),
            ("errors", errors),
            ("features", features),
            ("model", model),
            ("native_encoding", Value::str("UTF-8")),
            ("version_info", Value::tuple(vec![int(a), int(b), int(c)])),
        ],
    )
}

/// `xml.parsers.expat.ExpatError`, CPython's name for it.
fn error_class(vm: &mut Vm) -> Rc<TypeObj> {
    super::native_exc::class(
        vm,
        "xml.parsers.expat.ExpatError",
        "xml.parsers.expat",
        "ExpatError",
        ExcKind::Exception,
    )
}

fn message(code: u32) -> Option<&'static str> {
    ERRORS.iter().find(|e| e.0 == code).map(|e| e.2)
}

/// `ExpatError("msg: line L, column C")` with `code`, `lineno`, `offset`.
fn expat_error(vm: &mut Vm, e: XmlError) -> PyErr {
    let t = error_class(vm);
    let text = format!(
        "{}: line {}, column {}",
        message(e.code).unwrap_or("unknown error"),
        e.line,
        e.column
    );
    let err = super::native_exc::raise(&t, text);
    let obj = Value::Exception(err.0.clone());
    for (name, v) in [
        ("code", e.code as usize),
        ("lineno", e.line),
        ("offset", e.column),
    ] {
        let key = vm.intern(name);
        let _ = vm.store_attr(&obj, &key, Value::Int(v as i64));
    }
    err
}

/// `ErrorString(code)`.
fn error_string(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = crate::native::positional(&a, "ErrorString", 1, 1)?;
    let code = match &args[0] {
        Value::Int(n) => *n,
        Value::Bool(b) => i64::from(*b),
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )))
        }
    };
    Ok(u32::try_from(code)
        .ok()
        .and_then(message)
        .map_or(Value::None, Value::str))
}

fn encoding_named(name: &str) -> Option<Encoding> {
    match name.to_ascii_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" => Some(Encoding::Utf8),
        "iso-8859-1" | "latin-1" | "latin1" | "iso8859-1" => Some(Encoding::Latin1),
        "us-ascii" | "ascii" => Some(Encoding::Ascii),
        _ => None,
    }
}

/// `ParserCreate(encoding=None, namespace_separator=None, intern=None)`.
fn parser_create(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let names = ["encoding", "namespace_separator", "intern"];
    let args = bind_args(&a, "ParserCreate", &names, 0)?;
    let text_arg = |v: Option<&Value>, what: &str| -> PyResult<Option<String>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
            Some(other) => Err(PyErr::type_error(format!(
                "ParserCreate() argument '{what}' must be str or None, not {}",
                type_name(other)
            ))),
        }
    };
    let encoding = text_arg(args[0], "encoding")?;
    let separator = text_arg(args[1], "namespace_separator")?;
    if separator.as_ref().is_some_and(|s| s.chars().count() > 1) {
        return Err(PyErr::value_error(
            "namespace_separator must be at most one character, omitted, or None",
        ));
    }
    let encoding = match encoding {
        None => None,
        Some(name) => match encoding_named(&name) {
            Some(e) => Some(e),
            None => {
                return Err(PyErr::new(
                    ExcKind::LookupError,
                    format!("unknown encoding: {name}"),
                ))
            }
        },
    };
    let state = ParserState {
        scanner: Scanner::default(),
        encoding,
        undecoded: Vec::new(),
        table: Vec::new(),
        separator,
        scopes: Vec::new(),
        bindings: Vec::new(),
        ended: None,
        base: Value::None,
        text: String::new(),
        started: false,
    };
    let p = new_native(vm, &PARSER, state);
    let intern = match args[2] {
        Some(v) => v.clone(),
        None => Value::dict(Dict::new()),
    };
    let mut attrs: Vec<(&str, Value)> = HANDLERS.iter().map(|h| (*h, Value::None)).collect();
    attrs.extend([
        ("buffer_text", Value::Bool(false)),
        ("buffer_size", Value::Int(8192)),
        ("buffer_used", Value::Int(0)),
        ("ordered_attributes", Value::Bool(false)),
        ("specified_attributes", Value::Bool(false)),
        ("namespace_prefixes", Value::Bool(false)),
        ("intern", intern),
        ("ErrorCode", Value::Int(0)),
        ("ErrorLineNumber", Value::Int(1)),
        ("ErrorColumnNumber", Value::Int(0)),
        ("ErrorByteIndex", Value::Int(-1)),
        ("CurrentLineNumber", Value::Int(1)),
        ("CurrentColumnNumber", Value::Int(0)),
        ("CurrentByteIndex", Value::Int(-1)),
    ]);
    for (name, v) in attrs {
        let key = vm.intern(name);
        vm.store_attr(&p, &key, v)?;
    }
    Ok(p)
}

fn set_int(vm: &mut Vm, p: &Value, name: &str, n: usize) -> PyResult<()> {
    let key = vm.intern(name);
    vm.store_attr(p, &key, Value::Int(n as i64))
}

/// The parser attribute `name` (a handler: `None` when unset).
fn attr(vm: &mut Vm, p: &Value, name: &str) -> PyResult<Value> {
    let key = vm.intern(name);
    vm.get_attr(p, &key)
}

fn flag(vm: &mut Vm, p: &Value, name: &str) -> PyResult<bool> {
    let v = attr(vm, p, name)?;
    vm.truthy(&v)
}

/// Before the first bytes are decoded: an encoding the XML declaration
/// names that the parser does not know itself is looked up in Python's
/// codecs, as CPython's `PyUnknownEncodingHandler` does: the 256 bytes
/// decoded with `replace` must give 256 characters (else `ValueError`), and
/// the ASCII characters that matter to XML must stay themselves (else
/// Expat's "unknown encoding").
fn prepare_codec(
    vm: &mut Vm,
    st: &Rc<std::cell::RefCell<ParserState>>,
    data: &Value,
) -> PyResult<()> {
    let name = {
        let s = borrow(st)?;
        if s.encoding.is_some() || matches!(data, Value::Str(_)) {
            return Ok(());
        }
        let Ok(bytes) = crate::buffer::bytes_like(data) else {
            return Ok(());
        };
        let mut head = s.undecoded.clone();
        head.extend_from_slice(&bytes);
        let marked = matches!(
            head.as_slice(),
            [0xEF, 0xBB, 0xBF, ..]
                | [0xFF, 0xFE, ..]
                | [0xFE, 0xFF, ..]
                | [b'<', 0, ..]
                | [0, b'<', ..]
        );
        match declared_encoding(&head) {
            Some(name) if !marked && encoding_named(&name).is_none() => name,
            _ => return Ok(()),
        }
    };
    let codecs = vm.import_module("codecs")?;
    let key = vm.intern("decode");
    let decode = vm.get_attr(&codecs, &key)?;
    let all: Vec<u8> = (0..=255u8).collect();
    let text = vm.call(
        &decode,
        &[
            Value::Bytes(Rc::new(all)),
            Value::string(name),
            Value::str("replace"),
        ],
    )?;
    let chars: Vec<char> = match &text {
        Value::Str(t) => t.as_str().chars().collect(),
        _ => Vec::new(),
    };
    if chars.len() != 256 {
        return Err(PyErr::value_error("multi-byte encodings are not supported"));
    }
    // Expat's check: ASCII bytes other than control characters and
    // `$@\\^`{}~` and DEL must decode to themselves.
    let free = |i: u8| (i < 0x20 && !matches!(i, 9 | 10 | 13)) || b"$@\\^`{}~\x7f".contains(&i);
    let ascii_ok = (0..128u8).all(|i| free(i) || chars[usize::from(i)] == char::from(i));
    if !ascii_ok {
        let (line, column) = borrow(st)?.scanner.here();
        return Err(expat_error(
            vm,
            XmlError {
                code: 18,
                line,
                column,
            },
        ));
    }
    let mut s = borrow(st)?;
    s.table = chars
        .into_iter()
        .map(|c| (c != '\u{FFFD}').then_some(c))
        .collect();
    s.encoding = Some(Encoding::Table);
    Ok(())
}

/// Sniffs `encoding="..."` from the XML declaration at the start of `data`.
fn declared_encoding(data: &[u8]) -> Option<String> {
    if !data.starts_with(b"<?xml") {
        return None;
    }
    let end = data.windows(2).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(&data[..end]).ok()?;
    let at = decl.find("encoding")?;
    let rest = decl[at + 8..].trim_start().strip_prefix('=')?.trim_start();
    let q = rest.chars().next().filter(|&c| c == '"' || c == '\'')?;
    let body = &rest[1..];
    Some(body[..body.find(q)?].to_string())
}

/// Decodes a piece of bytes into the scanner, keeping an incomplete UTF-8
/// sequence at its end for the next piece.
fn feed_bytes(st: &mut ParserState, data: &[u8], last: bool) -> Result<(), XmlError> {
    if st.encoding.is_none() {
        let mut head = st.undecoded.clone();
        head.extend_from_slice(data);
        if let Some(stripped) = head.strip_prefix(b"\xef\xbb\xbf") {
            st.undecoded.clear();
            st.encoding = Some(Encoding::Utf8);
            return decode_into(st, stripped, last);
        }
        // Expat's detection of UTF-16: a byte-order mark, else `<?` or `<`
        // followed by a zero byte in two-byte units.
        let utf16 = match head.as_slice() {
            [0xFF, 0xFE, ..] => Some((false, 2)),
            [0xFE, 0xFF, ..] => Some((true, 2)),
            [b'<', 0, ..] => Some((false, 0)),
            [0, b'<', ..] => Some((true, 0)),
            _ => None,
        };
        if let Some((big_endian, bom)) = utf16 {
            st.undecoded.clear();
            st.encoding = Some(Encoding::Utf16 { big_endian });
            let rest = head.get(bom..).unwrap_or(&[]).to_vec();
            return decode_into(st, &rest, last);
        }
        if head.len() < 2 && !last {
            // Too little to tell the encoding yet.
            st.undecoded = head;
            return Ok(());
        }
        let declared = declared_encoding(&head);
        st.encoding = match declared {
            None => Some(Encoding::Utf8),
            Some(name) => match encoding_named(&name) {
                Some(e) => Some(e),
                None => {
                    let (line, column) = st.scanner.here();
                    return Err(XmlError {
                        code: 18,
                        line,
                        column,
                    });
                }
            },
        };
        st.undecoded.clear();
        return decode_into(st, &head, last);
    }
    decode_into(st, data, last)
}

fn decode_into(st: &mut ParserState, data: &[u8], last: bool) -> Result<(), XmlError> {
    match st.encoding.unwrap_or(Encoding::Utf8) {
        Encoding::Table => {
            let mut text = String::with_capacity(data.len());
            for &b in data {
                match st.table.get(usize::from(b)).copied().flatten() {
                    Some(c) => text.push(c),
                    None => {
                        st.scanner.push_text(&text);
                        let (line, column) = st.scanner.end_position();
                        return Err(XmlError {
                            code: code::INVALID_TOKEN,
                            line,
                            column,
                        });
                    }
                }
            }
            st.scanner.push_text(&text);
        }
        Encoding::Utf16 { big_endian } => {
            let mut buf = std::mem::take(&mut st.undecoded);
            buf.extend_from_slice(data);
            let units: Vec<u16> = buf
                .chunks_exact(2)
                .map(|p| {
                    let pair = [p[0], p[1]];
                    if big_endian {
                        u16::from_be_bytes(pair)
                    } else {
                        u16::from_le_bytes(pair)
                    }
                })
                .collect();
            // A high surrogate at the end waits for its partner.
            let keep = match units.last() {
                Some(u) if (0xD800..0xDC00).contains(u) && !last => 1,
                _ => 0,
            };
            let used = units.len() - keep;
            let mut text = String::new();
            let mut bad = false;
            for r in char::decode_utf16(units[..used].iter().copied()) {
                match r {
                    Ok(c) => text.push(c),
                    Err(_) => {
                        bad = true;
                        break;
                    }
                }
            }
            st.scanner.push_text(&text);
            let rest = buf.get(used * 2..).unwrap_or(&[]).to_vec();
            if bad || (last && !rest.is_empty()) {
                let (line, column) = st.scanner.end_position();
                return Err(XmlError {
                    code: code::INVALID_TOKEN,
                    line,
                    column,
                });
            }
            st.undecoded = rest;
        }
        Encoding::Latin1 => {
            let s: String = data.iter().map(|&b| char::from(b)).collect();
            st.scanner.push_text(&s);
        }
        Encoding::Ascii | Encoding::Utf8 => {
            let mut buf = std::mem::take(&mut st.undecoded);
            buf.extend_from_slice(data);
            let (good, bad) = match std::str::from_utf8(&buf) {
                Ok(s) => (s.len(), false),
                Err(e) => (e.valid_up_to(), e.error_len().is_some() || last),
            };
            let text = String::from_utf8_lossy(&buf[..good]).into_owned();
            st.scanner.push_text(&text);
            if bad {
                let (line, column) = st.scanner.end_position();
                return Err(XmlError {
                    code: code::INVALID_TOKEN,
                    line,
                    column,
                });
            }
            st.undecoded = buf[good..].to_vec();
        }
    }
    Ok(())
}

/// `Parse(data, isfinal=False)`.
fn p_parse(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<ParserState>(&a, "xmlparser", "Parse")?;
    let p = a.pos.first().cloned().unwrap_or(Value::None);
    let args = crate::native::positional(&a, "Parse", 2, 3)?;
    let last = match args.get(2) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    parse_piece(vm, &p, &st, &args[1], last)?;
    Ok(Value::Int(1))
}

/// `ParseFile(file)`: reads `file.read(2048)` until it returns nothing.
fn p_parse_file(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<ParserState>(&a, "xmlparser", "ParseFile")?;
    let p = a.pos.first().cloned().unwrap_or(Value::None);
    let args = crate::native::positional(&a, "ParseFile", 2, 2)?;
    let read = match attr(vm, &args[1], "read") {
        Ok(r) => r,
        Err(e) if e.is(ExcKind::AttributeError) => {
            return Err(PyErr::type_error("argument must have 'read' attribute"))
        }
        Err(e) => return Err(e),
    };
    loop {
        let chunk = vm.call(&read, &[Value::Int(2048)])?;
        let empty = match &chunk {
            Value::Str(s) => s.as_str().is_empty(),
            Value::Bytes(b) => b.is_empty(),
            _ => false,
        };
        parse_piece(vm, &p, &st, &chunk, empty)?;
        if empty {
            return Ok(Value::Int(1));
        }
    }
}

fn p_set_base(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<ParserState>(&a, "xmlparser", "SetBase")?;
    let args = crate::native::positional(&a, "SetBase", 2, 2)?;
    let _ = vm;
    // The clinic's `str` converter: an exact str or subclass, encodable as
    // UTF-8 and without NUL (Expat keeps a C string).
    let base = match crate::instance::payload_of(&args[1]).unwrap_or(&args[1]) {
        Value::Str(s) => {
            if crate::str_surrogates::as_utf8(s)?.contains('\0') {
                return Err(PyErr::value_error("embedded null character"));
            }
            Value::Str(s.clone())
        }
        other => {
            let name = match other {
                Value::None => "None".to_string(),
                _ => crate::types::type_name(other).to_string(),
            };
            return Err(PyErr::type_error(format!(
                "SetBase() argument must be str, not {name}"
            )));
        }
    };
    borrow(&st)?.base = base;
    Ok(Value::None)
}

fn p_get_base(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<ParserState>(&a, "xmlparser", "GetBase")?;
    let base = borrow(&st)?.base.clone();
    Ok(base)
}

/// `SetParamEntityParsing(flag, /)`: 1 when the setting is taken, 0 while
/// parsing, as Expat's `XML_SetParamEntityParsing` answers.
/// `xml.sax`'s expat reader sets it before each parse. The setting decides
/// whether Expat reads external parameter entities and the external DTD
/// subset; the scanner here reads neither (it never calls
/// `ExternalEntityRefHandler`), so nothing else depends on it.
fn p_set_param_entity_parsing(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<ParserState>(&a, "xmlparser", "SetParamEntityParsing")?;
    if a.pos.len() != 2 || !a.kwnames.is_empty() {
        a.no_kw("SetParamEntityParsing")?;
        return Err(PyErr::type_error(format!(
            "xmlparser.SetParamEntityParsing() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        )));
    }
    super::cint::arg_c_int(vm, &a.pos[1])?;
    // Expat refuses it while parsing: after the first piece, until a final
    // piece has been parsed without error.
    let s = borrow(&st)?;
    let finished = s.ended.is_some_and(|e| e.code == code::FINISHED);
    Ok(Value::Int(i64::from(!s.started || finished)))
}

/// Feeds one piece and reports what it completes to the handlers.
fn parse_piece(
    vm: &mut Vm,
    p: &Value,
    st: &Rc<std::cell::RefCell<ParserState>>,
    data: &Value,
    last: bool,
) -> PyResult<()> {
    prepare_codec(vm, st, data)?;
    let (events, failure) = {
        let mut s = borrow(st)?;
        s.started = true;
        if let Some(e) = s.ended {
            drop(s);
            return Err(expat_error(vm, e));
        }
        let fed = match data {
            Value::Str(text) => {
                if s.encoding.is_none() {
                    s.encoding = Some(Encoding::Utf8);
                }
                let t = text.as_str();
                let t = if s.scanner.is_empty() {
                    t.strip_prefix('\u{FEFF}').unwrap_or(t)
                } else {
                    t
                };
                s.scanner.push_text(t);
                Ok(())
            }
            other => {
                let bytes = crate::buffer::bytes_like(other).map_err(|_| {
                    PyErr::type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        type_name(other)
                    ))
                })?;
                feed_bytes(&mut s, &bytes, last)
            }
        };
        let mut events = Vec::new();
        let failure = match fed {
            Err(e) => Some(e),
            Ok(()) => s.scanner.run(last, &mut events).err(),
        };
        (events, failure)
    };
    let buffer = flag(vm, p, "buffer_text")?;
    for (at, ev) in events {
        dispatch(vm, p, st, at, ev, buffer)?;
    }
    flush_text(vm, p, st)?;
    let mut s = borrow(st)?;
    let ended = match failure {
        Some(e) => Some(e),
        None if last => {
            let (line, column) = s.scanner.here();
            s.ended = Some(XmlError {
                code: code::FINISHED,
                line,
                column,
            });
            None
        }
        None => None,
    };
    if let Some(e) = ended {
        s.ended = Some(e);
        drop(s);
        set_int(vm, p, "ErrorCode", e.code as usize)?;
        set_int(vm, p, "ErrorLineNumber", e.line)?;
        set_int(vm, p, "ErrorColumnNumber", e.column)?;
        return Err(expat_error(vm, e));
    }
    // Between calls, Expat's error and current positions are where it stands.
    let (line, column) = s.scanner.here();
    drop(s);
    for name in ["ErrorLineNumber", "CurrentLineNumber"] {
        set_int(vm, p, name, line)?;
    }
    for name in ["ErrorColumnNumber", "CurrentColumnNumber"] {
        set_int(vm, p, name, column)?;
    }
    Ok(())
}

/// Reports buffered character data as one piece.
fn flush_text(vm: &mut Vm, p: &Value, st: &Rc<std::cell::RefCell<ParserState>>) -> PyResult<()> {
    let text = std::mem::take(&mut borrow(st)?.text);
    if text.is_empty() {
        return Ok(());
    }
    let h = attr(vm, p, "CharacterDataHandler")?;
    if !matches!(h, Value::None) {
        vm.call(&h, &[Value::string(text)])?;
    }
    Ok(())
}

/// Calls handler `name` if set; else, for markup, the default handler.
fn call_handler(
    vm: &mut Vm,
    p: &Value,
    name: &str,
    args: &[Value],
    markup: Option<String>,
) -> PyResult<()> {
    let h = attr(vm, p, name)?;
    if !matches!(h, Value::None) {
        vm.call(&h, args)?;
        return Ok(());
    }
    if let Some(text) = markup {
        default(vm, p, text)?;
    }
    Ok(())
}

fn default(vm: &mut Vm, p: &Value, text: String) -> PyResult<()> {
    for name in ["DefaultHandlerExpand", "DefaultHandler"] {
        let h = attr(vm, p, name)?;
        if !matches!(h, Value::None) {
            vm.call(&h, &[Value::string(text)])?;
            return Ok(());
        }
    }
    Ok(())
}

fn opt_str(v: Option<&String>) -> Value {
    v.map_or(Value::None, |s| Value::str(s))
}

/// The `(name, base, systemId, publicId)` arguments of the notation and
/// external-entity handlers.
fn name_base_ids(
    name: String,
    base: Value,
    sysid: Option<&String>,
    pubid: Option<&String>,
) -> [Value; 4] {
    [Value::string(name), base, opt_str(sysid), opt_str(pubid)]
}

fn dispatch(
    vm: &mut Vm,
    p: &Value,
    st: &Rc<std::cell::RefCell<ParserState>>,
    at: usize,
    ev: Event,
    buffer: bool,
) -> PyResult<()> {
    if let Event::Text(t) = ev {
        if buffer {
            borrow(st)?.text.push_str(&t);
            return Ok(());
        }
        // Unbuffered, Expat reports a line end as a piece of its own.
        let h = attr(vm, p, "CharacterDataHandler")?;
        if matches!(h, Value::None) {
            return Ok(());
        }
        let mut rest = t.as_str();
        while !rest.is_empty() {
            let cut = match rest.find('\n') {
                Some(0) => 1,
                Some(k) => k,
                None => rest.len(),
            };
            vm.call(&h, &[Value::str(&rest[..cut])])?;
            rest = &rest[cut..];
        }
        return Ok(());
    }
    flush_text(vm, p, st)?;
    let (line, column) = borrow(st)?.scanner.position(at);
    // Expat's error position is its current one (`XML_GetErrorLineNumber`
    // reads the same place), which `ElementTree` reports for an undefined
    // entity its default handler meets.
    for name in ["CurrentLineNumber", "ErrorLineNumber"] {
        set_int(vm, p, name, line)?;
    }
    for name in ["CurrentColumnNumber", "ErrorColumnNumber"] {
        set_int(vm, p, name, column)?;
    }
    match ev {
        Event::Text(_) => Ok(()),
        Event::Start(name, attrs) => start_element(vm, p, st, at, name, attrs),
        Event::End(name) => end_element(vm, p, st, name),
        Event::Comment(data) => {
            let markup = format!("<!--{data}-->");
            call_handler(
                vm,
                p,
                "CommentHandler",
                &[Value::string(data)],
                Some(markup),
            )
        }
        Event::SubsetComment(data) => {
            call_handler(vm, p, "CommentHandler", &[Value::string(data)], None)
        }
        Event::SubsetPi(target, data) => {
            let args = [Value::string(target), Value::string(data)];
            call_handler(vm, p, "ProcessingInstructionHandler", &args, None)
        }
        Event::Notation(name, sysid, pubid) => {
            let base = borrow(st)?.base.clone();
            let args = name_base_ids(name, base, sysid.as_ref(), pubid.as_ref());
            call_handler(vm, p, "NotationDeclHandler", &args, None)
        }
        Event::Pi(target, data) => {
            let markup = format!("<?{target} {data}?>");
            let args = [Value::string(target), Value::string(data)];
            call_handler(vm, p, "ProcessingInstructionHandler", &args, Some(markup))
        }
        Event::Default(text) => default(vm, p, text),
        Event::CdataStart => call_handler(
            vm,
            p,
            "StartCdataSectionHandler",
            &[],
            Some("<![CDATA[".to_string()),
        ),
        Event::CdataEnd => call_handler(
            vm,
            p,
            "EndCdataSectionHandler",
            &[],
            Some("]]>".to_string()),
        ),
        Event::StartDoctype(name, sysid, pubid, internal) => {
            let args = [
                Value::string(name),
                opt_str(sysid.as_ref()),
                opt_str(pubid.as_ref()),
                Value::Int(i64::from(internal)),
            ];
            call_handler(vm, p, "StartDoctypeDeclHandler", &args, None)
        }
        Event::EndDoctype => call_handler(vm, p, "EndDoctypeDeclHandler", &[], None),
        Event::Entity(e) => {
            let base = borrow(st)?.base.clone();
            // Expat gives an unparsed (`NDATA`) entity to
            // `UnparsedEntityDeclHandler` when there is one.
            if let Some(notation) = &e.notation {
                let h = attr(vm, p, "UnparsedEntityDeclHandler")?;
                if !matches!(h, Value::None) {
                    let args = [
                        Value::str(&e.name),
                        base,
                        opt_str(e.sysid.as_ref()),
                        opt_str(e.pubid.as_ref()),
                        Value::str(notation),
                    ];
                    vm.call(&h, &args)?;
                    return Ok(());
                }
            }
            let args = [
                Value::string(e.name),
                Value::Int(i64::from(e.is_param)),
                opt_str(e.value.as_ref()),
                base,
                opt_str(e.sysid.as_ref()),
                opt_str(e.pubid.as_ref()),
                opt_str(e.notation.as_ref()),
            ];
            call_handler(vm, p, "EntityDeclHandler", &args, None)
        }
        Event::ExternalRef(name, sysid, pubid) => {
            let h = attr(vm, p, "ExternalEntityRefHandler")?;
            if matches!(h, Value::None) {
                return default(vm, p, format!("&{name};"));
            }
            let base = borrow(st)?.base.clone();
            let args = name_base_ids(name, base, sysid.as_ref(), pubid.as_ref());
            let r = vm.call(&h, &args)?;
            // A false result is Expat's "error in processing external
            // entity reference", where the reference stands.
            if vm.truthy(&r)? {
                return Ok(());
            }
            let mut s = borrow(st)?;
            let (line, column) = s.scanner.position(at);
            let e = XmlError {
                code: code::EXTERNAL_ENTITY_HANDLING,
                line,
                column,
            };
            fail(vm, p, st, s, e)
        }
        Event::Skipped(name) => {
            let h = attr(vm, p, "SkippedEntityHandler")?;
            if matches!(h, Value::None) {
                default(vm, p, format!("&{name};"))
            } else {
                vm.call(&h, &[Value::string(name), Value::Int(0)])?;
                Ok(())
            }
        }
    }
}

/// Splits `prefix:local`.
fn split_qname(name: &str) -> (Option<&str>, &str) {
    match name.split_once(':') {
        Some((pre, local)) => (Some(pre), local),
        None => (None, name),
    }
}

impl ParserState {
    fn lookup(&self, prefix: Option<&str>) -> Option<String> {
        if prefix == Some("xml") {
            return Some(XML_NAMESPACE.to_string());
        }
        self.bindings
            .iter()
            .rev()
            .find(|(p, _)| p.as_deref() == prefix)
            .map(|(_, uri)| uri.clone())
            .filter(|uri| !uri.is_empty())
    }

    /// `uri SEP local` for a name in a namespace, else the name as written;
    /// `None` for a prefix nothing binds.
    /// With `triplet` (`namespace_prefixes`, Expat's `XML_SetReturnNSTriplet`)
    /// a prefixed name ends with the separator and its prefix.
    fn expand(&self, name: &str, sep: &str, is_attr: bool, triplet: bool) -> Option<String> {
        let (prefix, local) = split_qname(name);
        if prefix.is_none() && is_attr {
            return Some(name.to_string());
        }
        match self.lookup(prefix) {
            Some(uri) => match prefix {
                Some(pre) if triplet => Some(format!("{uri}{sep}{local}{sep}{pre}")),
                _ => Some(format!("{uri}{sep}{local}")),
            },
            None if prefix.is_none() => Some(name.to_string()),
            None => None,
        }
    }
}

fn start_element(
    vm: &mut Vm,
    p: &Value,
    st: &Rc<std::cell::RefCell<ParserState>>,
    at: usize,
    name: String,
    attrs: Vec<(String, String)>,
) -> PyResult<()> {
    let sep = borrow(st)?.separator.clone();
    let (name, attrs, declared) = match &sep {
        None => (name, attrs, Vec::new()),
        Some(sep) => {
            let triplet = flag(vm, p, "namespace_prefixes")?;
            let mut s = borrow(st)?;
            let mut declared: Vec<(Option<String>, Option<String>)> = Vec::new();
            let mut plain = Vec::new();
            for (n, v) in attrs {
                if n == "xmlns" {
                    declared.push((None, Some(v)));
                } else if let Some(pre) = n.strip_prefix("xmlns:") {
                    declared.push((Some(pre.to_string()), Some(v)));
                } else {
                    plain.push((n, v));
                }
            }
            s.scopes.push(
                declared
                    .iter()
                    .map(|(pre, _)| (pre.clone(), None))
                    .collect(),
            );
            for (pre, uri) in &declared {
                s.bindings
                    .push((pre.clone(), uri.clone().unwrap_or_default()));
            }
            let unbound = |s: &mut ParserState| {
                let (line, column) = s.scanner.position(at);
                XmlError {
                    code: code::UNBOUND_PREFIX,
                    line,
                    column,
                }
            };
            let Some(full) = s.expand(&name, sep, false, triplet) else {
                let e = unbound(&mut s);
                return fail(vm, p, st, s, e);
            };
            let mut out = Vec::with_capacity(plain.len());
            for (n, v) in plain {
                let Some(full) = s.expand(&n, sep, true, triplet) else {
                    let e = unbound(&mut s);
                    return fail(vm, p, st, s, e);
                };
                out.push((full, v));
            }
            (full, out, declared)
        }
    };
    for (pre, uri) in declared {
        let uri = uri.filter(|u| !u.is_empty());
        let args = [opt_str(pre.as_ref()), opt_str(uri.as_ref())];
        call_handler(vm, p, "StartNamespaceDeclHandler", &args, None)?;
    }
    let h = attr(vm, p, "StartElementHandler")?;
    if matches!(h, Value::None) {
        return Ok(());
    }
    let attrs = if flag(vm, p, "ordered_attributes")? {
        let mut flat = Vec::with_capacity(attrs.len() * 2);
        for (n, v) in attrs {
            flat.push(Value::string(n));
            flat.push(Value::string(v));
        }
        Value::list(flat)
    } else {
        let mut d = Dict::new();
        for (n, v) in attrs {
            d.insert(Value::string(n), Value::string(v))?;
        }
        Value::dict(d)
    };
    vm.call(&h, &[Value::string(name), attrs])?;
    Ok(())
}

/// Records error `e` as what ended parsing and raises it.
fn fail(
    vm: &mut Vm,
    p: &Value,
    st: &Rc<std::cell::RefCell<ParserState>>,
    mut s: std::cell::RefMut<'_, ParserState>,
    e: XmlError,
) -> PyResult<()> {
    s.ended = Some(e);
    drop(s);
    let _ = st;
    set_int(vm, p, "ErrorCode", e.code as usize)?;
    set_int(vm, p, "ErrorLineNumber", e.line)?;
    set_int(vm, p, "ErrorColumnNumber", e.column)?;
    Err(expat_error(vm, e))
}

fn end_element(
    vm: &mut Vm,
    p: &Value,
    st: &Rc<std::cell::RefCell<ParserState>>,
    name: String,
) -> PyResult<()> {
    let triplet = borrow(st)?.separator.is_some() && flag(vm, p, "namespace_prefixes")?;
    let (name, ended) = {
        let mut s = borrow(st)?;
        match s.separator.clone() {
            None => (name, Vec::new()),
            Some(sep) => {
                let full = s.expand(&name, &sep, false, triplet).unwrap_or(name);
                let scope = s.scopes.pop().unwrap_or_default();
                let n = s.bindings.len().saturating_sub(scope.len());
                s.bindings.truncate(n);
                (full, scope.into_iter().rev().map(|(pre, _)| pre).collect())
            }
        }
    };
    call_handler(vm, p, "EndElementHandler", &[Value::string(name)], None)?;
    for pre in ended {
        call_handler(
            vm,
            p,
            "EndNamespaceDeclHandler",
            &[opt_str(pre.as_ref())],
            None,
        )?;
    }
    Ok(())
}
