//! `_ast`: CPython's node classes (`Python/Python-ast.c`), and the two
//! conversions `compile()` needs: a parsed tree to objects (`PyCF_ONLY_AST`,
//! so `ast.parse`) and objects back to a tree (`compile(tree, ...)`).
//!
//! The classes, their `_fields` and which fields are optional come from
//! pith-ast's node tables (`pith_ast::reflect::node_classes`); the
//! conversions are pith-ast's `Reflect` impls driven through the [`Builder`]
//! and [`Reader`] below. Parsing and compiling go through the embedder's
//! compiler hook, as source does.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use pith_ast::reflect::{At, Builder, Reader, Reflect};
use pith_ast::{Constant, Int, Mod, SourceLocator, TextRange};

use crate::compile_hook::{failure_to_err, CompileMode, SourceText, TreeMode};
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::instance::Instance;
use crate::types::{type_name, type_of, ExcKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

/// `PyCF_ONLY_AST`.
pub const PY_CF_ONLY_AST: i64 = 0x400;
/// `PyCF_TYPE_COMMENTS`.
pub const PY_CF_TYPE_COMMENTS: i64 = 0x1000;
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT`.
pub(crate) const PY_CF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;

const POSITIONS: [&str; 4] = ["lineno", "col_offset", "end_lineno", "end_col_offset"];

/// The node classes, built once per thread (as native classes are).
struct AstClasses {
    ast: Rc<TypeObj>,
    by_name: HashMap<&'static str, Rc<TypeObj>>,
    /// Class identity to (name, abstract base name).
    by_ptr: HashMap<usize, (&'static str, Option<&'static str>)>,
    /// Classes whose nodes carry positions, with the class named in messages
    /// about them (`stmt` for `Assign`).
    positioned: HashMap<&'static str, &'static str>,
    singletons: RefCell<HashMap<&'static str, Value>>,
}

thread_local! {
    static CLASSES: RefCell<Option<Rc<AstClasses>>> = const { RefCell::new(None) };
}

fn names_tuple(names: &[&str]) -> Value {
    Value::tuple(names.iter().map(|n| Value::str(n)).collect())
}

fn make_class(
    vm: &mut Vm,
    name: &'static str,
    base: &Rc<TypeObj>,
    extra: Vec<(&str, Value)>,
) -> Rc<TypeObj> {
    let mut ns = Dict::new();
    let mut put = |k: &str, v: Value| {
        let _ = ns.insert(Value::str(k), v);
    };
    put("__module__", Value::str("ast"));
    put("__qualname__", Value::str(name));
    for (k, v) in extra {
        put(k, v);
    }
    match crate::class::new_type(vm, None, name, vec![base.clone()], &ns, (&[], &[])) {
        Ok(t) => t,
        // Building from the fixed node table cannot fail; keep the VM going.
        Err(_) => base.clone(),
    }
}

crate::native::native_methods!(AST_METHODS, "AST", [
    "__new__" => ast_new, "__init__" => ast_init, "__reduce__" => ast_reduce,
]);

fn build(vm: &mut Vm) -> AstClasses {
    let object = crate::types::builtin_type(crate::types::TypeKind::Object);
    let mut extra: Vec<(&str, Value)> = AST_METHODS
        .iter()
        .map(|m| (m.name, Value::Builtin(m)))
        .collect();
    extra.push(("_fields", Value::tuple(Vec::new())));
    extra.push(("_attributes", Value::tuple(Vec::new())));
    extra.push(("__match_args__", Value::tuple(Vec::new())));
    let ast = make_class(vm, "AST", &object, extra);
    let mut by_name = HashMap::new();
    let mut by_ptr = HashMap::new();
    let mut positioned = HashMap::new();
    for c in pith_ast::reflect::node_classes() {
        let base = c
            .base
            .and_then(|b| by_name.get(b).cloned())
            .unwrap_or_else(|| ast.clone());
        let fields = names_tuple(&c.fields);
        let mut extra = vec![("_fields", fields.clone()), ("__match_args__", fields)];
        if c.attributes {
            extra.push(("_attributes", names_tuple(&POSITIONS)));
            extra.push(("end_lineno", Value::None));
            extra.push(("end_col_offset", Value::None));
            let shown = c
                .base
                .filter(|b| positioned.contains_key(b))
                .unwrap_or(c.name);
            positioned.insert(c.name, shown);
        } else {
            extra.push(("_attributes", Value::tuple(Vec::new())));
        }
        for f in &c.optional {
            extra.push((f, Value::None));
        }
        if let Ok(i) = super::ast_docs::AST_DOCS.binary_search_by_key(&c.name, |(n, _)| n) {
            extra.push(("__doc__", Value::str(super::ast_docs::AST_DOCS[i].1)));
        }
        let t = make_class(vm, c.name, &base, extra);
        by_ptr.insert(Rc::as_ptr(&t) as usize, (c.name, c.base));
        by_name.insert(c.name, t);
    }
    AstClasses {
        ast,
        by_name,
        by_ptr,
        positioned,
        singletons: RefCell::new(HashMap::new()),
    }
}

fn classes(vm: &mut Vm) -> Rc<AstClasses> {
    if let Some(c) = CLASSES.with(|c| c.borrow().clone()) {
        return c;
    }
    let c = Rc::new(build(vm));
    CLASSES.with(|slot| *slot.borrow_mut() = Some(c.clone()));
    c
}

/// Builds the `_ast` module.
pub fn init(vm: &mut Vm) -> Value {
    let c = classes(vm);
    let mut extra: Vec<(&str, Value)> = vec![
        ("AST", Value::Type(c.ast.clone())),
        ("PyCF_ONLY_AST", Value::Int(PY_CF_ONLY_AST)),
        ("PyCF_TYPE_COMMENTS", Value::Int(PY_CF_TYPE_COMMENTS)),
        (
            "PyCF_ALLOW_TOP_LEVEL_AWAIT",
            Value::Int(PY_CF_ALLOW_TOP_LEVEL_AWAIT),
        ),
    ];
    for class in pith_ast::reflect::node_classes() {
        if let Some(t) = c.by_name.get(class.name) {
            extra.push((class.name, Value::Type(t.clone())));
        }
    }
    new_module("_ast", &[], extra)
}

/// `AST.__new__(cls, *args, **kwargs)`: `PyType_GenericNew`, which leaves
/// the arguments to `__init__` (so `ast.Num`'s Python `__new__` can pass
/// them on to `Constant.__new__`).
fn ast_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(Value::Type(t)) = a.pos.first() else {
        return Err(PyErr::type_error("AST.__new__(X): X is not a type object"));
    };
    let t = t.clone();
    crate::class::new_instance(
        vm,
        &t,
        Args {
            pos: &[],
            kwnames: &[],
            kwvals: &[],
        },
    )
}

/// `AST.__init__(self, *args, **kwargs)`: positional arguments fill `_fields`
/// in order, keywords set any attribute.
fn ast_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some((this, pos)) = a.pos.split_first() else {
        return Err(PyErr::type_error(
            "descriptor '__init__' of 'AST' object needs an argument",
        ));
    };
    let cls = type_of(this);
    let fields_name = vm.intern("_fields");
    let fields = match crate::class::lookup(&cls, &fields_name) {
        Some(f) => f,
        None => Value::tuple(Vec::new()),
    };
    let fields: Vec<Value> = match &fields {
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().clone(),
        _ => Vec::new(),
    };
    if pos.len() > fields.len() {
        let n = fields.len();
        return Err(PyErr::type_error(format!(
            "{} constructor takes at most {} positional argument{}",
            crate::native::short_name(&cls),
            n,
            if n == 1 { "" } else { "s" }
        )));
    }
    for (name, v) in fields.iter().zip(pos) {
        if let Value::Str(s) = name {
            vm.set_attr(this, s, v.clone())?;
        }
    }
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        if let Value::Str(s) = k {
            // A keyword naming a field already given by position.
            let at = fields
                .iter()
                .position(|f| matches!(f, Value::Str(f) if f.as_str() == s.as_str()));
            if at.is_some_and(|i| i < pos.len()) {
                return Err(PyErr::type_error(format!(
                    "{} got multiple values for argument '{}'",
                    crate::native::short_name(&cls),
                    s.as_str()
                )));
            }
            vm.set_attr(this, s, v.clone())?;
        }
    }
    Ok(Value::None)
}

/// `AST.__reduce__`: `(type(self), (), self.__dict__)`, for `copy` and `pickle`.
fn ast_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let this = a.pos.first().cloned().unwrap_or(Value::None);
    let dict = match &this {
        Value::Instance(i) => Value::Dict(i.dict.clone()),
        _ => Value::None,
    };
    Ok(Value::tuple(vec![
        Value::Type(type_of(&this)),
        Value::tuple(Vec::new()),
        dict,
    ]))
}

/// Makes `_ast` objects from a parsed tree.
struct ObjBuilder<'a> {
    classes: Rc<AstClasses>,
    index: &'a dyn SourceLocator,
}

impl ObjBuilder<'_> {
    fn class(&self, name: &str) -> PyResult<Rc<TypeObj>> {
        self.classes
            .by_name
            .get(name)
            .cloned()
            .ok_or_else(|| PyErr::system_error(format!("no _ast class {name}")))
    }
}

fn put(node: &Value, key: &str, value: Value) {
    if let Value::Instance(i) = node {
        let _ = i.dict.clone().borrow_mut().insert(Value::str(key), value);
    }
}

impl Builder for ObjBuilder<'_> {
    type Obj = Value;
    type Error = PyErr;

    fn node(&mut self, class: &'static str) -> PyResult<Value> {
        Ok(Instance::new_value(self.class(class)?, Value::Null))
    }

    fn set(&mut self, node: &Value, field: &'static str, value: Value) -> PyResult<()> {
        put(node, field, value);
        Ok(())
    }

    fn set_range(&mut self, node: &Value, range: TextRange) -> PyResult<()> {
        let (line, col) = self.index.location(range.start);
        let (end_line, end_col) = self.index.location(range.end);
        for (k, v) in POSITIONS.iter().zip([line, col, end_line, end_col]) {
            put(node, k, Value::Int(i64::from(v)));
        }
        Ok(())
    }

    fn none(&mut self) -> Value {
        Value::None
    }

    fn list(&mut self, items: Vec<Value>) -> Value {
        Value::list(items)
    }

    fn str(&mut self, s: &str) -> Value {
        Value::str(s)
    }

    fn int(&mut self, v: i64) -> Value {
        Value::Int(v)
    }

    fn constant(&mut self, c: &Constant) -> PyResult<Value> {
        Ok(constant_value(c))
    }

    fn singleton(&mut self, class: &'static str) -> PyResult<Value> {
        if let Some(v) = self.classes.singletons.borrow().get(class) {
            return Ok(v.clone());
        }
        let v = Instance::new_value(self.class(class)?, Value::Null);
        self.classes
            .singletons
            .borrow_mut()
            .insert(class, v.clone());
        Ok(v)
    }
}

fn constant_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Str(s) => Value::str(s),
        Constant::SurrogateStr(cps) => Value::from_code_points(cps.to_vec()),
        Constant::Bytes(b) => Value::Bytes(Rc::new(b.to_vec())),
        Constant::Int(Int::Small(v)) => Value::Int(*v),
        Constant::Int(Int::Big(b)) => Value::from_bigint((**b).clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { real, imag } => Value::Complex(Rc::new(crate::complex::Complex {
            re: *real,
            im: *imag,
        })),
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Tuple(items) => Value::tuple(items.iter().map(constant_value).collect()),
        Constant::FrozenSet(items) => {
            let mut d = Dict::new();
            for item in items.iter() {
                // Constants hash without fail.
                let _ = d.insert(constant_value(item), Value::None);
            }
            Value::frozenset(d)
        }
    }
}

/// The deepest tree `compile()` reads from objects whatever the recursion
/// limit: the compiler walks the tree recursively on the Rust stack.
const MAX_TREE_DEPTH: usize = 3000;

/// Positions read from objects, addressed by the ranges handed to the compiler:
/// a range `(i, i + 1)` is the start at entry `i` and the end at `i + 1`.
#[derive(Debug, Default)]
struct PositionTable(Vec<(u32, u32)>);

impl SourceLocator for PositionTable {
    fn location(&self, offset: u32) -> (u32, u32) {
        self.0.get(offset as usize).copied().unwrap_or((1, 0))
    }
}

/// Reads `_ast` objects back into a tree.
struct ObjReader<'a> {
    vm: &'a mut Vm,
    classes: Rc<AstClasses>,
    positions: PositionTable,
    /// Nodes being read, and how many may nest: the recursion limit scaled
    /// as CPython's `obj2ast` scales it (`COMPILER_STACK_FRAME_SCALE`).
    depth: usize,
    max_depth: usize,
}

impl ObjReader<'_> {
    fn attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let key = self.vm.intern(name);
        match self.vm.get_attr(obj, &key) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is(ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// A position attribute as CPython reads it (a C `int`); `None` when
    /// absent or `None`.
    fn position(
        &mut self,
        obj: &Value,
        name: &'static str,
        shown: &'static str,
    ) -> PyResult<Option<i64>> {
        let v = match self.attr(obj, name)? {
            None | Some(Value::None) => return Ok(None),
            Some(v) => v,
        };
        let at = At {
            class: shown,
            field: name,
        };
        self.int(&v, at).map(Some)
    }

    fn required_position(
        &mut self,
        obj: &Value,
        name: &'static str,
        shown: &'static str,
    ) -> PyResult<i64> {
        match self.attr(obj, name)? {
            None => Err(self.missing(At {
                class: shown,
                field: name,
            })),
            // Unlike the end positions, `None` is no default here.
            Some(v) => self.int(
                &v,
                At {
                    class: shown,
                    field: name,
                },
            ),
        }
    }
}

/// `VALIDATE_POSITIONS` of `Python/ast.c`, for the nodes CPython's validator
/// checks (statements, expressions, patterns, `arg`, `ExceptHandler`).
fn check_positions(line: i64, col: i64, end_line: i64, end_col: i64) -> PyResult<()> {
    if line > end_line {
        return Err(PyErr::value_error(format!(
            "AST node line range ({line}, {end_line}) is not valid"
        )));
    }
    if (line < 0 && end_line != line) || (col < 0 && col != end_col) {
        return Err(PyErr::value_error(format!(
            "AST node column range ({col}, {end_col}) for line range ({line}, {end_line}) is not valid"
        )));
    }
    if line == end_line && col > end_col {
        return Err(PyErr::value_error(format!(
            "line {line}, column {col}-{end_col} is not a valid range"
        )));
    }
    Ok(())
}

/// A position as the compiler's table holds it (negative ones, which the
/// validator lets through when a node's start and end agree, as 0).
fn table_position(v: i64) -> u32 {
    u32::try_from(v).unwrap_or(0)
}

impl Reader for ObjReader<'_> {
    type Obj = Value;
    type Error = PyErr;

    fn is_none(&mut self, obj: &Value) -> bool {
        matches!(obj, Value::None)
    }

    fn field(&mut self, obj: &Value, name: &'static str) -> PyResult<Option<Value>> {
        self.attr(obj, name)
    }

    fn range(&mut self, obj: &Value, class: &'static str) -> PyResult<TextRange> {
        let shown = self.classes.positioned.get(class).copied().unwrap_or(class);
        let line = self.required_position(obj, "lineno", shown)?;
        let col = self.required_position(obj, "col_offset", shown)?;
        let end_line = self.position(obj, "end_lineno", shown)?.unwrap_or(line);
        let end_col = self.position(obj, "end_col_offset", shown)?.unwrap_or(col);
        if !matches!(class, "keyword" | "alias") {
            check_positions(line, col, end_line, end_col)?;
        }
        let start = u32::try_from(self.positions.0.len()).unwrap_or(u32::MAX - 1);
        self.positions
            .0
            .push((table_position(line), table_position(col)));
        self.positions
            .0
            .push((table_position(end_line), table_position(end_col)));
        Ok(TextRange::new(start, start + 1))
    }

    fn kind(&mut self, obj: &Value, sum: &'static str) -> PyResult<String> {
        if self.classes.positioned.get(sum) == Some(&sum) {
            // CPython reads the positions before it looks at the type.
            self.required_position(obj, "lineno", sum)?;
            self.required_position(obj, "col_offset", sum)?;
        }
        let t = type_of(obj);
        let mut mro: Vec<Rc<TypeObj>> = vec![t.clone()];
        if let Some(h) = &t.heap {
            mro.extend(h.mro().iter().cloned());
        }
        for c in &mro {
            if let Some((name, base)) = self.classes.by_ptr.get(&(Rc::as_ptr(c) as usize)) {
                if *base == Some(sum) {
                    return Ok((*name).to_string());
                }
            }
        }
        Err(self.not_a(obj, sum))
    }

    fn list(&mut self, obj: &Value, at: At) -> PyResult<Vec<Value>> {
        match obj {
            Value::List(l) => Ok(l.borrow().clone()),
            other => Err(PyErr::type_error(format!(
                "{} field \"{}\" must be a list, not a {}",
                at.class,
                at.field,
                type_name(other)
            ))),
        }
    }

    fn str(&mut self, obj: &Value, at: At) -> PyResult<String> {
        match obj {
            Value::Str(s) => Ok(s.as_str().to_string()),
            // The ASDL `string` fields; every other one is an `identifier`.
            _ if matches!(at.field, "kind" | "type_comment" | "tag") => {
                Err(PyErr::type_error("AST string must be of type str"))
            }
            _ => Err(PyErr::type_error("AST identifier must be of type str")),
        }
    }

    fn int(&mut self, obj: &Value, _at: At) -> PyResult<i64> {
        match obj {
            Value::Int(n) => Ok(*n),
            Value::Bool(b) => Ok(i64::from(*b)),
            other => {
                let r = self.vm.repr_of(other)?;
                Err(PyErr::value_error(format!("invalid integer value: {r}")))
            }
        }
    }

    fn constant(&mut self, obj: &Value, _at: At) -> PyResult<Constant> {
        value_constant(obj).map_err(|bad| {
            PyErr::type_error(format!(
                "got an invalid type in Constant: {}",
                type_name(bad)
            ))
        })
    }

    fn required(&mut self, at: At) -> PyErr {
        PyErr::value_error(format!("field '{}' is required for {}", at.field, at.class))
    }

    fn missing(&mut self, at: At) -> PyErr {
        PyErr::type_error(format!(
            "required field \"{}\" missing from {}",
            at.field, at.class
        ))
    }

    fn not_a(&mut self, obj: &Value, sum: &'static str) -> PyErr {
        match self.vm.repr_of(obj) {
            Ok(r) => PyErr::type_error(format!("expected some sort of {sum}, but got {r}")),
            Err(e) => e,
        }
    }

    fn invalid(&mut self, message: String) -> PyErr {
        PyErr::value_error(message)
    }

    fn enter(&mut self, sum: &'static str) -> PyResult<()> {
        if self.depth >= self.max_depth {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                format!("maximum recursion depth exceeded while traversing '{sum}' node"),
            ));
        }
        self.depth += 1;
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }
}

/// The constant `v` holds, or the first item (in iteration order) no
/// constant can hold, as `validate_constant` finds it.
fn value_constant(v: &Value) -> Result<Constant, &Value> {
    Ok(match v {
        Value::None => Constant::None,
        Value::Bool(b) => Constant::Bool(*b),
        Value::Int(n) => Constant::Int(Int::Small(*n)),
        Value::BigInt(b) => Constant::Int(Int::from_big((**b).clone())),
        Value::Float(f) => Constant::Float(*f),
        Value::Complex(c) => Constant::Complex {
            real: c.re,
            imag: c.im,
        },
        Value::Str(s) => match s.surrogates() {
            None => Constant::Str(s.as_str().into()),
            Some(cps) => Constant::SurrogateStr(cps.into()),
        },
        Value::Bytes(b) => Constant::Bytes(b.as_slice().into()),
        Value::Ellipsis => Constant::Ellipsis,
        Value::Tuple(items) => Constant::Tuple(
            items
                .iter()
                .map(value_constant)
                .collect::<Result<Vec<_>, _>>()?
                .into_boxed_slice(),
        ),
        Value::FrozenSet(d) => Constant::FrozenSet(
            d.keys()
                .map(value_constant)
                .collect::<Result<Vec<_>, _>>()?
                .into_boxed_slice(),
        ),
        _ => return Err(v),
    })
}

fn flag_bits(vm: &mut Vm, flags: Option<&Value>) -> PyResult<i64> {
    match flags {
        None => Ok(0),
        Some(v) => vm.index_value(v),
    }
}

/// `compile()` for what is not plain source to code: source to a tree
/// (`PyCF_ONLY_AST`) and a tree to code. `None` leaves the call to `compile`.
pub(crate) fn compile_arg(
    vm: &mut Vm,
    source: &Value,
    filename: &str,
    mode: &Value,
    flags: Option<&Value>,
    feature_version: Option<&Value>,
    options: crate::compile_hook::CompileOptions,
) -> PyResult<Option<Value>> {
    let flags = flag_bits(vm, flags)?;
    // `_feature_version`: a minor version of 3.x, or negative for the current one.
    let feature_version = match feature_version {
        Some(v) => u32::try_from(vm.index_value(v)?).ok(),
        None => None,
    };
    let mode = match mode {
        Value::Str(s) => s.as_str().to_string(),
        _ => return Ok(None),
    };
    let tree_mode = match mode.as_str() {
        "exec" => TreeMode::Exec,
        "eval" => TreeMode::Eval,
        "single" => TreeMode::Single,
        "func_type" if flags & PY_CF_ONLY_AST != 0 => TreeMode::FuncType,
        "func_type" => {
            return Err(PyErr::value_error(
                "compile() mode 'func_type' requires flag PyCF_ONLY_AST",
            ))
        }
        _ => return Ok(None),
    };
    let is_tree = match source {
        Value::Instance(_) => {
            let c = classes(vm);
            type_of(source).is_subtype(&c.ast)
        }
        _ => false,
    };
    if is_tree {
        if flags & PY_CF_ONLY_AST != 0 {
            return Ok(Some(source.clone()));
        }
        return compile_tree(vm, source, filename, tree_mode, options).map(Some);
    }
    if flags & PY_CF_ONLY_AST == 0 {
        return Ok(None);
    }
    let text = match source {
        Value::Str(s) => SourceText::Str(s.as_str()),
        Value::Bytes(b) => SourceText::Bytes(b.as_slice()),
        _ => {
            return Err(PyErr::type_error(
                "compile() arg 1 must be a string, bytes or AST object",
            ))
        }
    };
    let compiler = vm.installed_compiler()?;
    let type_comments = flags & PY_CF_TYPE_COMMENTS != 0;
    let parsed = compiler
        .parse_tree(text, filename, tree_mode, type_comments, feature_version)
        .map_err(|f| vm.compile_failed(f, text, filename))?;
    vm.report_warnings(&parsed.warnings, text, filename)?;
    let mut b = ObjBuilder {
        classes: classes(vm),
        index: &parsed.index,
    };
    parsed.tree.to_obj(&mut b).map(Some)
}

/// `compile(tree, filename, mode)`: the objects read back into a tree and compiled.
fn compile_tree(
    vm: &mut Vm,
    source: &Value,
    filename: &str,
    mode: TreeMode,
    options: crate::compile_hook::CompileOptions,
) -> PyResult<Value> {
    let (expected, compile_mode) = match mode {
        TreeMode::Exec => ("Module", CompileMode::Exec),
        TreeMode::Eval => ("Expression", CompileMode::Eval),
        TreeMode::Single => ("Interactive", CompileMode::Single),
        TreeMode::FuncType => {
            return Err(PyErr::value_error(
                "compile() mode 'func_type' requires flag PyCF_ONLY_AST",
            ))
        }
    };
    let classes = classes(vm);
    let wanted = classes.by_name.get(expected).cloned();
    if !wanted.is_some_and(|w| type_of(source).is_subtype(&w)) {
        return Err(PyErr::type_error(format!(
            "expected {expected} node, got {}",
            crate::native::short_name(&type_of(source))
        )));
    }
    let max_depth = (vm.recursion_limit().saturating_sub(vm.frames.len()) * 3).min(MAX_TREE_DEPTH);
    let mut r = ObjReader {
        vm,
        classes,
        positions: PositionTable::default(),
        depth: 0,
        max_depth,
    };
    let tree = Mod::from_obj(
        &mut r,
        source,
        At {
            class: "compile",
            field: "source",
        },
    )?;
    pith_ast::validate::validate(&tree).map_err(|e| match e.kind {
        pith_ast::validate::InvalidKind::Value => PyErr::value_error(e.message),
        pith_ast::validate::InvalidKind::Type => PyErr::type_error(e.message),
    })?;
    let positions = std::mem::take(&mut r.positions);
    let compiler = vm.installed_compiler()?;
    let compiled = compiler
        .compile_tree(tree, &positions, filename, compile_mode, options)
        .map_err(|f| failure_to_err(f, filename))?;
    vm.report_warnings(&compiled.warnings, SourceText::Str(""), filename)?;
    let code = vm.load_code(Arc::new(compiled.code))?;
    Ok(Value::Code(code))
}
