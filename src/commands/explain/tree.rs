//! The AST as an indented box-drawing tree (the lesson's style):
//!
//! ```text
//! Module
//! └── Assign
//!     ├── Name(x)
//!     └── BinOp
//!         ├── Constant(10)
//!         ├── Add
//!         └── Constant(20)
//! ```
//!
//! Built from `ast.dump`'s text (`pith_ast::dump`), which already names
//! every node and field in CPython's order, so no second list of node kinds
//! is kept here.

/// A value in `ast.dump` text.
#[derive(Debug, PartialEq)]
enum Val {
    Node(Node),
    List(Vec<Val>),
    /// A literal as `ast.dump` prints it (`'x'`, `10`, `None`).
    Scalar(String),
}

/// A node: its class and its fields in order.
#[derive(Debug, PartialEq)]
struct Node {
    name: String,
    fields: Vec<(String, Val)>,
}

/// Reads `ast.dump(tree)` text (one line, annotated fields).
struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn skip_space(&mut self) {
        while self.peek() == Some(' ') {
            self.pos += 1;
        }
    }

    fn ident(&mut self) -> &str {
        let start = self.pos;
        let rest = &self.text[start..];
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        self.pos += len;
        &self.text[start..start + len]
    }

    fn value(&mut self) -> Option<Val> {
        self.skip_space();
        if self.eat('[') {
            let mut items = Vec::new();
            loop {
                self.skip_space();
                if self.eat(']') {
                    return Some(Val::List(items));
                }
                items.push(self.value()?);
                self.skip_space();
                self.eat(',');
            }
        }
        let start = self.pos;
        let first = self.peek()?;
        if first.is_alphabetic() || first == '_' {
            let name = self.ident().to_string();
            if self.eat('(') {
                return self.node_fields(name).map(Val::Node);
            }
            self.pos = start;
        }
        self.scalar().map(Val::Scalar)
    }

    fn node_fields(&mut self, name: String) -> Option<Node> {
        let mut fields = Vec::new();
        loop {
            self.skip_space();
            if self.eat(')') {
                return Some(Node { name, fields });
            }
            let field = self.ident().to_string();
            if field.is_empty() || !self.eat('=') {
                return None;
            }
            let value = self.value()?;
            fields.push((field, value));
            self.skip_space();
            self.eat(',');
        }
    }

    /// A literal: up to a `,`, `)` or `]` outside quotes and brackets.
    fn scalar(&mut self) -> Option<String> {
        let start = self.pos;
        let mut depth = 0usize;
        let mut quote: Option<char> = None;
        let mut chars = self.text[start..].char_indices();
        while let Some((i, c)) = chars.next() {
            if let Some(q) = quote {
                if c == '\\' {
                    chars.next();
                } else if c == q {
                    quote = None;
                }
                continue;
            }
            match c {
                '\'' | '"' => quote = Some(c),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth > 0 => depth -= 1,
                ',' | ')' | ']' if depth == 0 => {
                    self.pos = start + i;
                    return Some(self.text[start..start + i].trim().to_string());
                }
                _ => {}
            }
        }
        None
    }
}

/// Fields that carry no structure worth a line.
const QUIET_FIELDS: &[&str] = &["ctx", "type_comment", "kind", "type_ignores"];

/// Fields whose scalar value names the node in its label.
const LABEL_FIELDS: &[&str] = &["id", "name", "arg", "attr", "value", "module", "n"];

/// Fields that hold a block of statements.
const BLOCK_FIELDS: &[&str] = &["body", "orelse", "finalbody", "handlers", "cases"];

fn unquote(s: &str) -> &str {
    s.strip_prefix('\'')
        .and_then(|s| s.strip_suffix('\''))
        .unwrap_or(s)
}

fn label(node: &Node) -> String {
    let scalar = |name: &str| {
        node.fields.iter().find_map(|(f, v)| match v {
            Val::Scalar(s) if f == name && s != "None" => Some(s.as_str()),
            _ => None,
        })
    };
    let mut out = node.name.clone();
    if node.name == "Constant" {
        if let Some(v) = scalar("value") {
            out.push_str(&format!("({v})"));
        }
        return out;
    }
    if node.name == "Attribute" {
        if let Some(a) = scalar("attr") {
            out.push_str(&format!("(.{})", unquote(a)));
        }
        return out;
    }
    if let Some(v) = LABEL_FIELDS.iter().find_map(|f| scalar(f)) {
        out.push_str(&format!("({})", unquote(v)));
        if let Some(alias) = scalar("asname") {
            out.pop();
            out.push_str(&format!(" as {})", unquote(alias)));
        }
    }
    // `global a, b`: the names are a list of strings.
    for (f, v) in &node.fields {
        if let (true, Val::List(items)) = (f == "names", v) {
            let names: Vec<&str> = items
                .iter()
                .filter_map(|i| match i {
                    Val::Scalar(s) => Some(unquote(s)),
                    _ => None,
                })
                .collect();
            if !names.is_empty() {
                out.push_str(&format!("({})", names.join(", ")));
            }
        }
    }
    out
}

/// One line of the drawn tree: a label and its children.
struct Item {
    label: String,
    children: Vec<Item>,
}

fn has_structure(v: &Val) -> bool {
    match v {
        Val::Node(_) => true,
        Val::List(items) => items.iter().any(|i| matches!(i, Val::Node(_))),
        Val::Scalar(_) => false,
    }
}

fn item(node: &Node) -> Item {
    let fields: Vec<&(String, Val)> = node
        .fields
        .iter()
        .filter(|(f, v)| !QUIET_FIELDS.contains(&f.as_str()) && has_structure(v))
        .collect();
    let single = fields.len() == 1;
    let mut children = Vec::new();
    for (field, value) in fields {
        match value {
            Val::Node(n) => children.push(item(n)),
            Val::List(items) => {
                let nodes: Vec<Item> = items
                    .iter()
                    .filter_map(|i| match i {
                        Val::Node(n) => Some(item(n)),
                        _ => None,
                    })
                    .collect();
                if single || (nodes.len() == 1 && !BLOCK_FIELDS.contains(&field.as_str())) {
                    children.extend(nodes);
                } else {
                    children.push(Item {
                        label: format!("{field}:"),
                        children: nodes,
                    });
                }
            }
            Val::Scalar(_) => {}
        }
    }
    Item {
        label: label(node),
        children,
    }
}

fn draw(out: &mut String, item: &Item, prefix: &str) {
    let n = item.children.len();
    for (i, child) in item.children.iter().enumerate() {
        let last = i + 1 == n;
        out.push_str(prefix);
        out.push_str(if last { "└── " } else { "├── " });
        out.push_str(&child.label);
        out.push('\n');
        let deeper = format!("{prefix}{}", if last { "    " } else { "│   " });
        draw(out, child, &deeper);
    }
}

/// Draws the tree of `ast.dump` text; `None` if the text is not a dump.
pub fn box_tree(dump: &str) -> Option<String> {
    let mut reader = Reader { text: dump, pos: 0 };
    let Val::Node(root) = reader.value()? else {
        return None;
    };
    let root = item(&root);
    let mut out = root.label.clone();
    out.push('\n');
    draw(&mut out, &root, "");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::box_tree;

    #[test]
    fn lesson_assignment() {
        let dump = "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], \
                    value=BinOp(left=Constant(value=10), op=Add(), right=Constant(value=20)))], \
                    type_ignores=[])";
        assert_eq!(
            box_tree(dump).as_deref(),
            Some(
                "Module\n└── Assign\n    ├── Name(x)\n    └── BinOp\n        \
                 ├── Constant(10)\n        ├── Add\n        └── Constant(20)\n"
            )
        );
    }

    #[test]
    fn strings_with_brackets() {
        let dump = "Module(body=[Expr(value=Constant(value='a, ) ]'))], type_ignores=[])";
        assert_eq!(
            box_tree(dump).as_deref(),
            Some("Module\n└── Expr\n    └── Constant('a, ) ]')\n")
        );
    }
}
