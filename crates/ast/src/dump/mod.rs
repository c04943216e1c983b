//! `ast.dump`: CPython's textual form of a tree, byte for byte.
//!
//! Mirrors `Lib/ast.py`'s `dump._format`: a node prints on one line when all its
//! fields are "simple" (scalars, empty lists, field-less nodes) and it has at most
//! three of them; otherwise, with an indent, every field goes on its own line.
//! Optional fields that are `None` are left out (CPython's class-level `None`
//! default), lists and required fields always print.

mod nodes;

use std::fmt::Write;

use crate::location::SourceLocator;
use crate::range::TextRange;
use crate::{
    BoolOp, CmpOp, Constant, ConstantKind, Conversion, ExprContext, Identifier, NodeRef, Operator,
    UnaryOp,
};

/// The knobs of `ast.dump(node, annotate_fields, include_attributes, indent=...)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DumpOptions {
    /// `indent`: `None` for the single-line form, else the string repeated per level
    /// (`ast.dump` turns an integer `n` into `n` spaces; see [`DumpOptions::indent`]).
    pub indent: Option<String>,
    /// `include_attributes`: print `lineno`, `col_offset`, `end_lineno`, `end_col_offset`.
    pub include_attributes: bool,
    /// `annotate_fields`: print `name=value` rather than bare positional values.
    pub annotate_fields: bool,
}

impl Default for DumpOptions {
    fn default() -> Self {
        Self {
            indent: None,
            include_attributes: false,
            annotate_fields: true,
        }
    }
}

impl DumpOptions {
    /// `ast.dump`'s defaults: single line, annotated fields, no attributes.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// What `python3 -m ast [-a] [-i N]` prints: `indent=N` spaces.
    #[must_use]
    pub fn cli(include_attributes: bool, indent: usize) -> Self {
        Self::new()
            .indent(indent)
            .include_attributes(include_attributes)
    }

    /// Sets `indent` to `n` spaces per level.
    #[must_use]
    pub fn indent(mut self, n: usize) -> Self {
        self.indent = Some(" ".repeat(n));
        self
    }

    /// Sets `include_attributes`.
    #[must_use]
    pub fn include_attributes(mut self, yes: bool) -> Self {
        self.include_attributes = yes;
        self
    }

    /// Sets `annotate_fields`.
    #[must_use]
    pub fn annotate_fields(mut self, yes: bool) -> Self {
        self.annotate_fields = yes;
        self
    }
}

/// `ast.dump(node, ...)` of any node. `locator` turns byte ranges into the
/// `lineno`/`col_offset` attributes; it is only consulted with `include_attributes`.
#[must_use]
pub fn dump<'a>(
    node: impl Into<NodeRef<'a>>,
    options: &DumpOptions,
    locator: &dyn SourceLocator,
) -> String {
    let d = Dumper {
        opts: options,
        loc: locator,
    };
    let mut out = String::new();
    let node: &dyn DumpValue = match node.into() {
        NodeRef::Mod(n) => n,
        NodeRef::Stmt(n) => n,
        NodeRef::Expr(n) => n,
        NodeRef::Pattern(n) => n,
        NodeRef::ExceptHandler(n) => n,
        NodeRef::Arguments(n) => n,
        NodeRef::Arg(n) => n,
        NodeRef::Keyword(n) => n,
        NodeRef::Alias(n) => n,
        NodeRef::WithItem(n) => n,
        NodeRef::MatchCase(n) => n,
        NodeRef::Comprehension(n) => n,
        NodeRef::TypeIgnore(n) => n,
    };
    node.write(&d, 0, &mut out);
    out
}

pub(crate) struct Dumper<'a> {
    opts: &'a DumpOptions,
    loc: &'a dyn SourceLocator,
}

impl Dumper<'_> {
    /// `_format` increments the level on entry when indenting.
    fn enter(&self, level: usize) -> usize {
        if self.opts.indent.is_some() {
            level + 1
        } else {
            level
        }
    }

    /// `_format`'s `prefix` (`first`) or `sep` at `level` (already incremented).
    fn push_break(&self, out: &mut String, level: usize, first: bool) {
        if !first {
            out.push(',');
        }
        match &self.opts.indent {
            Some(ind) => {
                out.push('\n');
                for _ in 0..level {
                    out.push_str(ind);
                }
            }
            None if first => {}
            None => out.push(' '),
        }
    }
}

/// A value `_format` can print.
///
/// The output is written straight into one buffer: whether a node fits on one line
/// depends only on its children's *shape* (a child is "simple" when it prints with
/// no arguments), which is known before any child is printed.
pub(crate) trait DumpValue {
    /// Whether `_format` returns `simple=True` for this value.
    fn simple(&self, d: &Dumper<'_>) -> bool;
    /// Appends `_format(value, level)`.
    fn write(&self, d: &Dumper<'_>, level: usize, out: &mut String);
}

/// A node type: lists its fields (in `_fields` order) into a [`NodeFmt`].
pub(crate) trait DumpNode {
    /// Feeds every field to `n`; returns the class name and the node's range
    /// (`None` for nodes without position attributes).
    fn fields(&self, n: &mut NodeFmt<'_, '_, '_>) -> (&'static str, Option<TextRange>);
}

/// The field sink of one node. The same `fields` walk runs twice: once to count
/// arguments and check simplicity (`out` is `None`), once to print.
pub(crate) struct NodeFmt<'d, 'o, 's> {
    d: &'d Dumper<'o>,
    out: Option<&'s mut String>,
    level: usize,
    args: usize,
    all_simple: bool,
    keywords: bool,
    one_line: bool,
    /// In the measuring pass, whether to ask children if they are simple (only the
    /// node being printed needs that; asking from `simple()` would recurse).
    check_simple: bool,
}

impl NodeFmt<'_, '_, '_> {
    pub(crate) fn field<T: DumpValue + ?Sized>(&mut self, name: &str, value: &T) -> &mut Self {
        match self.out.as_deref_mut() {
            None if self.check_simple => self.all_simple &= value.simple(self.d),
            None => {}
            Some(out) => {
                if self.one_line {
                    if self.args > 0 {
                        out.push_str(", ");
                    }
                } else {
                    self.d.push_break(out, self.level, self.args == 0);
                }
                if self.keywords {
                    out.push_str(name);
                    out.push('=');
                }
                value.write(self.d, self.level, out);
            }
        }
        self.args += 1;
        self
    }

    /// An optional field: `None` is skipped and forces keywords from here on.
    pub(crate) fn opt<T: DumpValue + ?Sized>(
        &mut self,
        name: &str,
        value: Option<&T>,
    ) -> &mut Self {
        match value {
            Some(v) => self.field(name, v),
            None => {
                self.keywords = true;
                self
            }
        }
    }
}

/// Number of arguments a node prints with, and whether all of them are simple.
fn measure(
    node: &dyn DumpNode,
    d: &Dumper<'_>,
    check_simple: bool,
) -> (usize, bool, &'static str, Option<TextRange>) {
    let mut n = NodeFmt {
        d,
        out: None,
        level: 0,
        args: 0,
        all_simple: true,
        keywords: d.opts.annotate_fields,
        one_line: false,
        check_simple,
    };
    let (name, range) = node.fields(&mut n);
    let attrs = if d.opts.include_attributes && range.is_some() {
        4
    } else {
        0
    };
    (n.args + attrs, n.all_simple, name, range)
}

fn node_simple(node: &dyn DumpNode, d: &Dumper<'_>) -> bool {
    measure(node, d, false).0 == 0
}

fn write_node(node: &dyn DumpNode, d: &Dumper<'_>, level: usize, out: &mut String) {
    let level = d.enter(level);
    let (args, all_simple, name, range) = measure(node, d, true);
    let one_line = all_simple && args <= 3;
    out.push_str(name);
    out.push('(');
    let mut n = NodeFmt {
        d,
        out: Some(out),
        level,
        args: 0,
        all_simple,
        keywords: d.opts.annotate_fields,
        one_line,
        check_simple: false,
    };
    node.fields(&mut n);
    if let (true, Some(r)) = (d.opts.include_attributes, range) {
        let (line, col) = d.loc.location(r.start);
        let (end_line, end_col) = d.loc.location(r.end);
        // Attributes always print as `name=value`.
        n.keywords = true;
        n.field("lineno", &line)
            .field("col_offset", &col)
            .field("end_lineno", &end_line)
            .field("end_col_offset", &end_col);
    }
    out.push(')');
}

/// Node types print through [`DumpNode`].
macro_rules! dump_node {
    ($($ty:ty),*) => {
        $(impl DumpValue for $ty {
            fn simple(&self, d: &Dumper<'_>) -> bool {
                node_simple(self, d)
            }
            fn write(&self, d: &Dumper<'_>, level: usize, out: &mut String) {
                write_node(self, d, level, out);
            }
        })*
    };
}
dump_node!(
    crate::Mod,
    crate::Stmt,
    crate::Expr,
    crate::Pattern,
    crate::Comprehension,
    crate::ExceptHandler,
    crate::Arguments,
    crate::Arg,
    crate::Keyword,
    crate::Alias,
    crate::WithItem,
    crate::MatchCase,
    crate::TypeIgnore
);

impl<T: DumpValue> DumpValue for [T] {
    fn simple(&self, _: &Dumper<'_>) -> bool {
        self.is_empty()
    }
    fn write(&self, d: &Dumper<'_>, level: usize, out: &mut String) {
        if self.is_empty() {
            out.push_str("[]");
            return;
        }
        let level = d.enter(level);
        out.push('[');
        for (i, x) in self.iter().enumerate() {
            d.push_break(out, level, i == 0);
            x.write(d, level, out);
        }
        out.push(']');
    }
}

impl<T: DumpValue> DumpValue for Vec<T> {
    fn simple(&self, d: &Dumper<'_>) -> bool {
        self.as_slice().simple(d)
    }
    fn write(&self, d: &Dumper<'_>, level: usize, out: &mut String) {
        self.as_slice().write(d, level, out);
    }
}

impl<T: DumpValue + ?Sized> DumpValue for Box<T> {
    fn simple(&self, d: &Dumper<'_>) -> bool {
        (**self).simple(d)
    }
    fn write(&self, d: &Dumper<'_>, level: usize, out: &mut String) {
        (**self).write(d, level, out);
    }
}

/// A `None` inside a list (dict `**` keys, missing keyword-only defaults).
impl<T: DumpValue> DumpValue for Option<T> {
    fn simple(&self, d: &Dumper<'_>) -> bool {
        match self {
            Some(v) => v.simple(d),
            None => true,
        }
    }
    fn write(&self, d: &Dumper<'_>, level: usize, out: &mut String) {
        match self {
            Some(v) => v.write(d, level, out),
            None => out.push_str("None"),
        }
    }
}

/// Scalars are always simple.
macro_rules! dump_scalar {
    ($($ty:ty => |$v:ident, $out:ident| $body:expr;)*) => {
        $(impl DumpValue for $ty {
            fn simple(&self, _: &Dumper<'_>) -> bool {
                true
            }
            fn write(&self, _: &Dumper<'_>, _: usize, $out: &mut String) {
                let $v = self;
                $body
            }
        })*
    };
}
dump_scalar! {
    str => |v, out| pith_repr::write_str_repr(out, v);
    Identifier => |v, out| pith_repr::write_str_repr(out, &v.id);
    u32 => |v, out| { let _ = write!(out, "{v}"); };
    // `simple` and `is_async` are ints in CPython.
    bool => |v, out| out.push(if *v { '1' } else { '0' });
    Conversion => |v, out| { let _ = write!(out, "{}", v.code()); };
    ConstantKind => |v, out| out.push_str(if *v == ConstantKind::U { "'u'" } else { "None" });
    Constant => |v, out| write_constant_repr(out, v);
}

/// Python's `repr()` of a constant value.
pub(crate) fn write_constant_repr(out: &mut String, value: &Constant) {
    match value {
        Constant::None => out.push_str("None"),
        Constant::Bool(true) => out.push_str("True"),
        Constant::Bool(false) => out.push_str("False"),
        Constant::Str(s) => pith_repr::write_str_repr(out, s),
        Constant::SurrogateStr(cps) => crate::constant::write_code_points_repr(out, cps),
        Constant::Bytes(b) => pith_repr::write_bytes_repr(out, b),
        Constant::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Constant::Float(f) => pith_repr::write_float_repr(out, *f),
        Constant::Complex { real, imag } => out.push_str(&pith_repr::complex_repr(*real, *imag)),
        Constant::Ellipsis => out.push_str("Ellipsis"),
        Constant::Tuple(items) => {
            out.push('(');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_constant_repr(out, item);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Constant::FrozenSet(items) if items.is_empty() => out.push_str("frozenset()"),
        Constant::FrozenSet(items) => {
            out.push_str("frozenset({");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_constant_repr(out, item);
            }
            out.push_str("})");
        }
    }
}

/// Field-less nodes print as `Name()` and count as simple.
macro_rules! dump_unit {
    ($($ty:ty),*) => {
        $(impl DumpValue for $ty {
            fn simple(&self, _: &Dumper<'_>) -> bool {
                true
            }
            fn write(&self, _: &Dumper<'_>, _: usize, out: &mut String) {
                out.push_str(self.name());
                out.push_str("()");
            }
        })*
    };
}
dump_unit!(ExprContext, BoolOp, Operator, UnaryOp, CmpOp);
