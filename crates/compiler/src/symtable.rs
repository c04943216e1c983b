//! The symbol table, after Python/symtable.c of CPython 3.11: one scope per module,
//! class, function, lambda and comprehension; each name's flags; then the analysis
//! that resolves every name to local, global (explicit or implicit), free or cell.

use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::name_index::NameIndex;

use pith_ast::{
    Alias, Arguments, Comprehension, Expr, ExprContext, Mod, Pattern, Ranged, SourceLocator, Stmt,
    TextRange,
};

use crate::error::{CompileError, ErrorKind};

/// Name flags (`DEF_*` in symtable.h; `DEF_FREE`, 32, is defined there but
/// never set in 3.11).
pub(crate) mod flag {
    pub const GLOBAL: u32 = 1;
    pub const LOCAL: u32 = 2;
    pub const PARAM: u32 = 4;
    pub const NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const FREE_CLASS: u32 = 64;
    pub const IMPORT: u32 = 128;
    pub const ANNOT: u32 = 256;
    pub const COMP_ITER: u32 = 512;
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

/// Where a name lives once analysed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

/// Kind of a scope (`_Py_block_ty`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlockKind {
    Module,
    Class,
    Function,
}

/// Index of a scope in [`SymbolTable::scopes`].
pub(crate) type ScopeId = usize;

/// One scope (`PySTEntryObject`).
#[derive(Debug)]
pub(crate) struct ScopeEntry {
    pub kind: BlockKind,
    pub name: Box<str>,
    /// Where the node that opens the scope starts (the module's is 0).
    pub start: u32,
    /// Names in first-seen order, with their `DEF_*` flags.
    pub symbols: Vec<(Box<str>, u32)>,
    index: NameIndex,
    /// The resolved scope of each symbol (parallel to `symbols`).
    pub scopes: Vec<Scope>,
    /// Parameters in order (`ste_varnames`).
    pub varnames: Vec<Box<str>>,
    pub children: Vec<ScopeId>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    pub free: bool,
    pub child_free: bool,
    pub needs_class_closure: bool,
    /// `global`/`nonlocal` declarations, for error positions (`ste_directives`).
    pub directives: Vec<(Box<str>, TextRange)>,
}

impl ScopeEntry {
    fn new(kind: BlockKind, name: &str, start: u32, nested: bool) -> Self {
        Self {
            kind,
            name: name.into(),
            start,
            symbols: Vec::new(),
            index: NameIndex::default(),
            scopes: Vec::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            nested,
            generator: false,
            coroutine: false,
            comprehension: false,
            varargs: false,
            varkeywords: false,
            free: false,
            child_free: false,
            needs_class_closure: false,
            directives: Vec::new(),
        }
    }

    /// Position of `name` in `symbols`.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.index.get(&self.symbols, |(n, _)| n, name)
    }

    /// Appends a symbol not yet in `symbols`; returns its position.
    fn insert_symbol(&mut self, name: Box<str>, fl: u32) -> usize {
        let i = self.symbols.len();
        self.symbols.push((name, fl));
        self.index.pushed(&self.symbols, |(n, _)| n);
        i
    }

    pub fn lookup(&self, name: &str) -> u32 {
        self.find(name).map_or(0, |i| self.symbols[i].1)
    }

    /// The resolved scope of `name`, if the name is known here.
    pub fn scope_of(&self, name: &str) -> Option<Scope> {
        self.find(name).and_then(|i| self.scope_at(i))
    }

    /// The resolved scope of the symbol at position `i` of `symbols`.
    pub fn scope_at(&self, i: usize) -> Option<Scope> {
        self.scopes.get(i).copied()
    }

    /// Names with scope `scope` or flag `extra`, sorted (`dictbytype`).
    pub fn names_by(&self, scope: Scope, extra: u32) -> Vec<Box<str>> {
        let mut out: Vec<Box<str>> = self
            .symbols
            .iter()
            .zip(&self.scopes)
            .filter(|((_, f), s)| **s == scope || (extra != 0 && f & extra != 0))
            .map(|((n, _), _)| n.clone())
            .collect();
        out.sort();
        out
    }
}

/// All scopes of a module, keyed by the address of the AST node that opens them.
#[derive(Debug)]
pub(crate) struct SymbolTable {
    pub scopes: Vec<ScopeEntry>,
    pub by_node: HashMap<usize, ScopeId>,
    pub future_annotations: bool,
}

pub(crate) fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

pub(crate) use pith_bytecode::mangle;

struct Builder<'a> {
    table: SymbolTable,
    stack: Vec<ScopeId>,
    private: Option<Box<str>>,
    locator: &'a dyn SourceLocator,
    /// Depth of comprehension iterable expressions being visited.
    comp_iter_expr: u32,
    /// Whether a comprehension's target is being visited.
    comp_iter_target: bool,
}

type Res = Result<(), CompileError>;

pub(crate) fn error(
    locator: &dyn SourceLocator,
    range: TextRange,
    msg: impl Into<String>,
) -> CompileError {
    let (lineno, col) = locator.location(range.start);
    CompileError {
        kind: ErrorKind::SyntaxError,
        message: msg.into(),
        range,
        lineno,
        offset: col + 1,
    }
}

impl<'a> Builder<'a> {
    fn cur(&mut self) -> &mut ScopeEntry {
        let id = *self
            .stack
            .last()
            .expect("scope stack never empty while building");
        &mut self.table.scopes[id]
    }

    fn err(&self, range: TextRange, msg: impl Into<String>) -> CompileError {
        error(self.locator, range, msg)
    }

    fn enter(&mut self, kind: BlockKind, name: &str, key: usize, range: TextRange) {
        let nested = self
            .stack
            .last()
            .map(|&p| {
                let p = &self.table.scopes[p];
                p.nested || p.kind == BlockKind::Function
            })
            .unwrap_or(false);
        let id = self.table.scopes.len();
        self.table
            .scopes
            .push(ScopeEntry::new(kind, name, range.start, nested));
        if let Some(&p) = self.stack.last() {
            self.table.scopes[p].children.push(id);
        }
        self.table.by_node.insert(key, id);
        self.stack.push(id);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, fl: u32, range: TextRange) -> Res {
        // Most calls record one more use of a known name: look it up before
        // allocating anything.
        let mangled = mangle(self.private.as_deref(), name);
        let mangled: &str = &mangled;
        let scope = self.cur();
        if let Some(i) = scope.find(mangled) {
            let old = scope.symbols[i].1;
            if fl & flag::PARAM != 0 && old & flag::PARAM != 0 {
                return Err(self.err(
                    range,
                    format!("duplicate argument '{mangled}' in function definition"),
                ));
            }
            scope.symbols[i].1 = old | fl;
        } else {
            scope.insert_symbol(mangled.into(), fl);
        }
        if self.comp_iter_target {
            let scope = self.cur();
            if let Some(i) = scope.find(mangled) {
                if scope.symbols[i].1 & (flag::GLOBAL | flag::NONLOCAL) != 0 {
                    return Err(self.err(
                        range,
                        format!(
                            "comprehension inner loop cannot rebind assignment expression target '{name}'"
                        ),
                    ));
                }
                scope.symbols[i].1 |= flag::COMP_ITER;
            }
        }
        if fl & flag::PARAM != 0 {
            self.cur().varnames.push(mangled.into());
        }
        if fl & flag::GLOBAL != 0 && self.stack.len() > 1 {
            // Every `global` declaration also marks the module-level symbol.
            let top = &mut self.table.scopes[0];
            if let Some(i) = top.find(mangled) {
                top.symbols[i].1 |= fl;
            } else {
                top.insert_symbol(mangled.into(), fl);
            }
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Res {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs<'e>(&mut self, it: impl IntoIterator<Item = &'e Expr>) -> Res {
        it.into_iter().try_for_each(|e| self.expr(e))
    }

    fn stmt(&mut self, s: &Stmt) -> Res {
        match s {
            Stmt::FunctionDef(f) | Stmt::AsyncFunctionDef(f) => {
                self.add_def(&f.name, flag::LOCAL, f.range)?;
                self.defaults(&f.args)?;
                self.annotations(&f.args, f.returns.as_deref())?;
                self.exprs(&f.decorator_list)?;
                self.enter(BlockKind::Function, &f.name, node_key(f), f.range);
                if matches!(s, Stmt::AsyncFunctionDef(_)) {
                    self.cur().coroutine = true;
                }
                self.params(&f.args)?;
                self.stmts(&f.body)?;
                self.exit();
            }
            Stmt::ClassDef(c) => {
                self.add_def(&c.name, flag::LOCAL, c.range)?;
                self.exprs(c.bases.iter())?;
                self.exprs(c.keywords.iter().map(|k| &k.value))?;
                self.exprs(&c.decorator_list)?;
                self.enter(BlockKind::Class, &c.name, node_key(c), c.range);
                let saved = self.private.replace(c.name.id.clone());
                self.stmts(&c.body)?;
                self.private = saved;
                self.exit();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => self.exprs(&d.targets)?,
            Stmt::Assign(a) => {
                self.exprs(&a.targets)?;
                self.expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let cur = self.cur().lookup(&n.id);
                    let is_module = self.stack.len() == 1;
                    if cur & (flag::GLOBAL | flag::NONLOCAL) != 0 && !is_module && a.simple {
                        let what = if cur & flag::GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(self.err(
                            n.range,
                            format!("annotated name '{}' can't be {what}", n.id),
                        ));
                    }
                    if a.simple {
                        self.add_def(&n.id, flag::ANNOT | flag::LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(&n.id, flag::LOCAL, n.range)?;
                    }
                } else {
                    self.expr(&a.target)?;
                }
                self.annotation(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.target)?;
                self.expr(&a.value)?;
            }
            Stmt::For(f) | Stmt::AsyncFor(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                self.stmts(&i.orelse)?;
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for case in &m.cases {
                    self.pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&case.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                    }
                }
            }
            Stmt::Try(t) | Stmt::TryStar(t) => {
                self.stmts(&t.body)?;
                self.stmts(&t.orelse)?;
                for h in &t.handlers {
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, flag::LOCAL, h.range)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => i
                .names
                .iter()
                .try_for_each(|a| self.import_alias(a, s.range()))?,
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if &*a.name.id == "*" {
                        if self.stack.len() != 1 {
                            return Err(self.err(a.range, "import * only allowed at module level"));
                        }
                        continue;
                    }
                    self.import_alias(a, s.range())?;
                }
            }
            Stmt::Global(g) => {
                for name in &g.names {
                    let mangled = mangle(self.private.as_deref(), name).into_owned();
                    let cur = self.cur().lookup(&mangled);
                    if cur & (flag::PARAM | flag::LOCAL | flag::USE | flag::ANNOT) != 0 {
                        let msg = if cur & flag::PARAM != 0 {
                            format!("name '{name}' is parameter and global")
                        } else if cur & flag::USE != 0 {
                            format!("name '{name}' is used prior to global declaration")
                        } else if cur & flag::ANNOT != 0 {
                            format!("annotated name '{name}' can't be global")
                        } else {
                            format!("name '{name}' is assigned to before global declaration")
                        };
                        return Err(self.err(g.range, msg));
                    }
                    self.add_def(name, flag::GLOBAL, g.range)?;
                    self.cur().directives.push((name.id.clone(), g.range));
                }
            }
            Stmt::Nonlocal(g) => {
                for name in &g.names {
                    let mangled = mangle(self.private.as_deref(), name).into_owned();
                    let cur = self.cur().lookup(&mangled);
                    if cur & (flag::PARAM | flag::LOCAL | flag::USE | flag::ANNOT) != 0 {
                        let msg = if cur & flag::PARAM != 0 {
                            format!("name '{name}' is parameter and nonlocal")
                        } else if cur & flag::USE != 0 {
                            format!("name '{name}' is used prior to nonlocal declaration")
                        } else if cur & flag::ANNOT != 0 {
                            format!("annotated name '{name}' can't be nonlocal")
                        } else {
                            format!("name '{name}' is assigned to before nonlocal declaration")
                        };
                        return Err(self.err(g.range, msg));
                    }
                    self.add_def(name, flag::NONLOCAL, g.range)?;
                    self.cur().directives.push((name.id.clone(), g.range));
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::With(w) | Stmt::AsyncWith(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
        }
        Ok(())
    }

    fn import_alias(&mut self, a: &Alias, range: TextRange) -> Res {
        let stored: &str = match &a.asname {
            Some(n) => n,
            None => a.name.split('.').next().unwrap_or(&a.name),
        };
        self.add_def(stored, flag::IMPORT, range)
    }

    fn defaults(&mut self, args: &Arguments) -> Res {
        self.exprs(&args.defaults)?;
        self.exprs(args.kw_defaults.iter().flatten())
    }

    fn annotation(&mut self, e: &Expr) -> Res {
        if self.table.future_annotations {
            // Annotations become strings; their names are never looked up.
            return Ok(());
        }
        self.expr(e)
    }

    fn annotations(&mut self, args: &Arguments, returns: Option<&Expr>) -> Res {
        for a in args.all() {
            if let Some(ann) = &a.annotation {
                self.annotation(ann)?;
            }
        }
        if let Some(r) = returns {
            self.annotation(r)?;
        }
        Ok(())
    }

    fn params(&mut self, args: &Arguments) -> Res {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            self.add_def(&a.arg, flag::PARAM, a.range)?;
        }
        // `*args` and `**kw` come last in co_varnames, after keyword-only ones.
        if let Some(v) = &args.vararg {
            self.add_def(&v.arg, flag::PARAM, v.range)?;
            self.cur().varargs = true;
        }
        if let Some(k) = &args.kwarg {
            self.add_def(&k.arg, flag::PARAM, k.range)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> Res {
        match p {
            Pattern::MatchValue(v) => self.expr(&v.value),
            Pattern::MatchSingleton(_) => Ok(()),
            Pattern::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.pattern(p)),
            Pattern::MatchStar(s) => match &s.name {
                Some(n) => self.add_def(n, flag::LOCAL, s.range),
                None => Ok(()),
            },
            Pattern::MatchMapping(m) => {
                self.exprs(&m.keys)?;
                m.patterns.iter().try_for_each(|p| self.pattern(p))?;
                match &m.rest {
                    Some(n) => self.add_def(n, flag::LOCAL, m.range),
                    None => Ok(()),
                }
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls)?;
                c.patterns.iter().try_for_each(|p| self.pattern(p))?;
                c.kwd_patterns.iter().try_for_each(|p| self.pattern(p))
            }
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                match &a.name {
                    Some(n) => self.add_def(n, flag::LOCAL, a.range),
                    None => Ok(()),
                }
            }
            Pattern::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.pattern(p)),
        }
    }

    fn expr(&mut self, e: &Expr) -> Res {
        match e {
            Expr::BoolOp(b) => self.exprs(&b.values),
            Expr::NamedExpr(n) => {
                if self.comp_iter_expr > 0 {
                    return Err(self.err(
                        n.range,
                        "assignment expression cannot be used in a comprehension iterable expression",
                    ));
                }
                if self.cur().comprehension {
                    if let Expr::Name(target) = &*n.target {
                        self.extend_namedexpr_scope(target)?;
                    }
                }
                self.expr(&n.value)?;
                self.expr(&n.target)
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)
            }
            Expr::UnaryOp(u) => self.expr(&u.operand),
            Expr::Lambda(l) => {
                self.defaults(&l.args)?;
                self.enter(BlockKind::Function, "lambda", node_key(l), l.range);
                self.params(&l.args)?;
                self.expr(&l.body)?;
                self.exit();
                Ok(())
            }
            Expr::IfExp(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)
            }
            // As `symtable.c`: every key, then every value.
            Expr::Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(&d.values)
            }
            Expr::Set(s) => self.exprs(&s.elts),
            Expr::ListComp(c) => self.comprehension(
                node_key(c),
                c.range,
                "listcomp",
                &c.generators,
                &c.elt,
                None,
                false,
            ),
            Expr::SetComp(c) => self.comprehension(
                node_key(c),
                c.range,
                "setcomp",
                &c.generators,
                &c.elt,
                None,
                false,
            ),
            Expr::DictComp(c) => self.comprehension(
                node_key(c),
                c.range,
                "dictcomp",
                &c.generators,
                &c.key,
                Some(&c.value),
                false,
            ),
            Expr::GeneratorExp(c) => self.comprehension(
                node_key(c),
                c.range,
                "genexpr",
                &c.generators,
                &c.elt,
                None,
                true,
            ),
            Expr::Await(a) => {
                self.expr(&a.value)?;
                self.cur().coroutine = true;
                Ok(())
            }
            Expr::Yield(y) => {
                self.yield_check(y.range)?;
                self.cur().generator = true;
                match &y.value {
                    Some(v) => self.expr(v),
                    None => Ok(()),
                }
            }
            Expr::YieldFrom(y) => {
                self.yield_check(y.range)?;
                self.cur().generator = true;
                self.expr(&y.value)
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                self.exprs(c.comparators.iter())
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                self.exprs(c.args.iter())?;
                self.exprs(c.keywords.iter().map(|k| &k.value))
            }
            Expr::FormattedValue(f) => {
                self.expr(&f.value)?;
                match &f.format_spec {
                    Some(s) => self.expr(s),
                    None => Ok(()),
                }
            }
            Expr::JoinedStr(j) => self.exprs(&j.values),
            Expr::Constant(_) => Ok(()),
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(part)?;
                }
                Ok(())
            }
            Expr::Name(n) => {
                let fl = if n.ctx == ExprContext::Load {
                    flag::USE
                } else {
                    flag::LOCAL
                };
                self.add_def(&n.id, fl, n.range)?;
                if n.ctx == ExprContext::Load
                    && self.cur().kind == BlockKind::Function
                    && &*n.id == "super"
                {
                    self.add_def("__class__", flag::USE, n.range)?;
                }
                Ok(())
            }
            Expr::List(l) => self.exprs(&l.elts),
            Expr::Tuple(t) => self.exprs(&t.elts),
        }
    }

    fn yield_check(&self, range: TextRange) -> Res {
        let id = *self.stack.last().expect("scope stack never empty");
        let s = &self.table.scopes[id];
        if s.kind != BlockKind::Function {
            return Err(self.err(range, "'yield' outside function"));
        }
        if s.comprehension {
            let what = match &*s.name {
                "listcomp" => "list comprehension",
                "setcomp" => "set comprehension",
                "dictcomp" => "dict comprehension",
                _ => "generator expression",
            };
            return Err(self.err(range, format!("'yield' inside {what}")));
        }
        Ok(())
    }

    /// `symtable_extend_namedexpr_scope`: in a comprehension, the target of `:=`
    /// binds in the nearest enclosing function (or module) scope.
    fn extend_namedexpr_scope(&mut self, n: &pith_ast::ExprName) -> Res {
        for pos in (0..self.stack.len()).rev() {
            let sid = self.stack[pos];
            let entry = &self.table.scopes[sid];
            if entry.comprehension {
                if entry.lookup(&n.id) & flag::COMP_ITER != 0 {
                    return Err(self.err(
                        n.range,
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{}'",
                            n.id
                        ),
                    ));
                }
                continue;
            }
            match entry.kind {
                BlockKind::Function => {
                    let fl = if entry.lookup(&n.id) & flag::GLOBAL != 0 {
                        flag::GLOBAL
                    } else {
                        flag::NONLOCAL
                    };
                    self.add_def(&n.id, fl, n.range)?;
                    self.cur().directives.push((n.id.clone(), n.range));
                    return self.add_def_in(pos, &n.id, flag::LOCAL, n.range);
                }
                BlockKind::Module => {
                    self.add_def(&n.id, flag::GLOBAL, n.range)?;
                    self.cur().directives.push((n.id.clone(), n.range));
                    return self.add_def_in(pos, &n.id, flag::GLOBAL, n.range);
                }
                BlockKind::Class => {
                    return Err(self.err(
                        n.range,
                        "assignment expression within a comprehension cannot be used in a class body",
                    ));
                }
            }
        }
        Ok(())
    }

    /// `symtable_add_def_helper` on the scope at stack position `pos`.
    fn add_def_in(&mut self, pos: usize, name: &str, fl: u32, range: TextRange) -> Res {
        let saved = self.stack.split_off(pos + 1);
        let r = self.add_def(name, fl, range);
        self.stack.extend(saved);
        r
    }

    #[allow(clippy::too_many_arguments)]
    fn comprehension(
        &mut self,
        key: usize,
        range: TextRange,
        name: &str,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        is_generator: bool,
    ) -> Res {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        self.comp_iter_expr += 1;
        self.expr(&first.iter)?;
        self.comp_iter_expr -= 1;
        self.enter(BlockKind::Function, name, key, range);
        {
            let cur = self.cur();
            cur.comprehension = true;
            if first.is_async {
                cur.coroutine = true;
            }
        }
        self.add_def(".0", flag::PARAM, range)?;
        self.comp_target(&first.target)?;
        self.exprs(&first.ifs)?;
        for g in &generators[1..] {
            self.comp_target(&g.target)?;
            self.comp_iter_expr += 1;
            self.expr(&g.iter)?;
            self.comp_iter_expr -= 1;
            self.exprs(&g.ifs)?;
            if g.is_async {
                self.cur().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        if is_generator {
            self.cur().generator = true;
        }
        let is_async = self.cur().coroutine && !is_generator;
        self.exit();
        if is_async {
            self.cur().coroutine = true;
        }
        Ok(())
    }

    /// Visits a comprehension's target: every name it mentions becomes an
    /// iteration variable of the comprehension (`ste_comp_iter_target`).
    fn comp_target(&mut self, target: &Expr) -> Res {
        self.comp_iter_target = true;
        let r = self.expr(target);
        self.comp_iter_target = false;
        r
    }
}

/// Builds and analyses the symbol table of `module`.
#[inline(never)] // one entry per phase in profiles
pub(crate) fn build(
    module: &Mod,
    locator: &dyn SourceLocator,
    future_annotations: bool,
) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        table: SymbolTable {
            scopes: Vec::new(),
            by_node: HashMap::default(),
            future_annotations,
        },
        stack: Vec::new(),
        private: None,
        locator,
        comp_iter_expr: 0,
        comp_iter_target: false,
    };
    b.enter(
        BlockKind::Module,
        "top",
        node_key(module),
        TextRange::default(),
    );
    match module {
        Mod::Module(m) => b.stmts(&m.body)?,
        Mod::Interactive(m) => b.stmts(&m.body)?,
        Mod::Expression(e) => b.expr(&e.body)?,
        Mod::FunctionType(_) => {}
    }
    b.exit();
    let mut table = b.table;
    // The analysis works on names borrowed from the symbol lists, which are
    // set aside (unchanged) until every scope is analysed; what it adds to
    // them is applied afterwards.
    let names: Vec<Vec<(Box<str>, u32)>> = table
        .scopes
        .iter_mut()
        .map(|s| std::mem::take(&mut s.symbols))
        .collect();
    let updates: Vec<(ScopeId, Update<Box<str>>)> = {
        let mut a = Analysis {
            names: &names,
            updates: Vec::new(),
        };
        let mut free = Set::default();
        let mut global = Set::default();
        analyze_block(&mut table, &mut a, 0, None, &mut free, &mut global, locator)?;
        a.updates
            .into_iter()
            .map(|(id, u)| match u {
                Update::FreeClass(i) => (id, Update::FreeClass(i)),
                Update::AddFree(n) => (id, Update::AddFree(n.into())),
            })
            .collect()
    };
    for (entry, symbols) in table.scopes.iter_mut().zip(names) {
        entry.symbols = symbols;
    }
    for (id, update) in updates {
        let entry = &mut table.scopes[id];
        match update {
            Update::FreeClass(i) => {
                if let Some(s) = entry.symbols.get_mut(i) {
                    s.1 |= flag::FREE_CLASS;
                }
            }
            Update::AddFree(name) => {
                entry.insert_symbol(name, 0);
            }
        }
    }
    Ok(table)
}

/// Names during the analysis: borrowed from the symbol lists, so that the
/// sets CPython copies for every child scope copy pointers, not strings.
type Set<'n> = HashSet<&'n str>;

/// A change `update_symbols` makes to a scope's symbol list, recorded while
/// the lists are borrowed and applied after the analysis.
enum Update<N> {
    /// `DEF_FREE_CLASS` on the symbol at this position.
    FreeClass(usize),
    /// A free name the scope gains (one passing through to a child).
    AddFree(N),
}

/// The symbol lists of every scope (read-only while analysing) and the
/// changes to apply to them.
struct Analysis<'n> {
    names: &'n [Vec<(Box<str>, u32)>],
    updates: Vec<(ScopeId, Update<&'n str>)>,
}

fn analyze_block<'n>(
    t: &mut SymbolTable,
    a: &mut Analysis<'n>,
    id: ScopeId,
    mut bound: Option<&mut Set<'n>>,
    free: &mut Set<'n>,
    global: &mut Set<'n>,
    locator: &dyn SourceLocator,
) -> Res {
    let names = a.names;
    let symbols: &'n [(Box<str>, u32)] = names.get(id).map_or(&[], Vec::as_slice);
    let mut local = Set::default();
    let mut scopes: Vec<Scope> = Vec::with_capacity(symbols.len());
    let mut newglobal = Set::default();
    let mut newfree = Set::default();
    let mut newbound = Set::default();
    let kind = t.scopes[id].kind;
    // `local`, `newbound` and `newglobal` only pass names down to child
    // scopes: a scope without children (most functions) skips them.
    let has_children = !t.scopes[id].children.is_empty();
    if kind == BlockKind::Class && has_children {
        newglobal.extend(global.iter().copied());
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().copied());
        }
    }
    for (name, fl) in symbols {
        let name: &'n str = name;
        let entry = &mut t.scopes[id];
        let directive = entry
            .directives
            .iter()
            .find(|(n, _)| &**n == name)
            .map_or(TextRange::default(), |(_, r)| *r);
        let sc = if fl & flag::GLOBAL != 0 {
            if fl & flag::NONLOCAL != 0 {
                return Err(error(
                    locator,
                    directive,
                    format!("name '{name}' is nonlocal and global"),
                ));
            }
            global.insert(name);
            if let Some(b) = bound.as_deref_mut() {
                b.remove(name);
            }
            Scope::GlobalExplicit
        } else if fl & flag::NONLOCAL != 0 {
            let Some(b) = bound.as_deref() else {
                return Err(error(
                    locator,
                    directive,
                    "nonlocal declaration not allowed at module level",
                ));
            };
            if !b.contains(name) {
                return Err(error(
                    locator,
                    directive,
                    format!("no binding for nonlocal '{name}' found"),
                ));
            }
            entry.free = true;
            free.insert(name);
            Scope::Free
        } else if fl & flag::BOUND != 0 {
            if has_children {
                local.insert(name);
            }
            // Removing from an empty set still hashes the name.
            if !global.is_empty() {
                global.remove(name);
            }
            Scope::Local
        } else if bound.as_deref().is_some_and(|b| b.contains(name)) {
            entry.free = true;
            free.insert(name);
            Scope::Free
        } else if global.contains(name) {
            Scope::GlobalImplicit
        } else {
            if entry.nested {
                entry.free = true;
            }
            Scope::GlobalImplicit
        };
        scopes.push(sc);
    }
    if has_children {
        if kind != BlockKind::Class {
            if kind == BlockKind::Function {
                newbound.extend(local.iter().copied());
            }
            if let Some(b) = bound.as_deref() {
                newbound.extend(b.iter().copied());
            }
            newglobal.extend(global.iter().copied());
        } else {
            newbound.insert("__class__");
        }
    }
    let mut allfree = Set::default();
    let children = t.scopes[id].children.clone();
    for child in children {
        let mut temp_bound = newbound.clone();
        let mut temp_free = newfree.clone();
        let mut temp_global = newglobal.clone();
        analyze_block(
            t,
            a,
            child,
            Some(&mut temp_bound),
            &mut temp_free,
            &mut temp_global,
            locator,
        )?;
        allfree.extend(temp_free);
        let c = &t.scopes[child];
        if c.free || c.child_free {
            t.scopes[id].child_free = true;
        }
    }
    newfree.extend(allfree);
    if kind == BlockKind::Function && !newfree.is_empty() {
        for ((name, _), sc) in symbols.iter().zip(scopes.iter_mut()) {
            if *sc == Scope::Local && newfree.remove(&**name) {
                *sc = Scope::Cell;
            }
        }
    } else if kind == BlockKind::Class && newfree.remove("__class__") {
        t.scopes[id].needs_class_closure = true;
    }
    // update_symbols
    let entry = &mut t.scopes[id];
    entry.scopes = scopes;
    let mut sorted_free: Vec<&'n str> = newfree.iter().copied().collect();
    sorted_free.sort_unstable();
    for name in sorted_free {
        if let Some(i) = entry.index.get(symbols, |(n, _)| n, name) {
            if kind == BlockKind::Class && symbols[i].1 & (flag::BOUND | flag::GLOBAL) != 0 {
                a.updates.push((id, Update::FreeClass(i)));
            }
            continue;
        }
        if bound.as_deref().is_some_and(|b| !b.contains(name)) {
            continue;
        }
        if bound.is_none() {
            continue;
        }
        a.updates.push((id, Update::AddFree(name)));
        entry.scopes.push(Scope::Free);
    }
    free.extend(newfree);
    Ok(())
}
