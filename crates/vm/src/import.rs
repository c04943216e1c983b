//! The import system: `import a.b.c`, `from . import x`, packages, `sys.path`,
//! `sys.modules`, and the bytecode cache, following `importlib._bootstrap`
//! (`_find_and_load`, `_handle_fromlist`, `_resolve_name`) and
//! `importlib._bootstrap_external` (`SourceFileLoader`, `cache_from_source`).
//!
//! Source is compiled through the embedder's compiler ([`crate::compile_hook`]);
//! the code is cached in `__pycache__/NAME.pith-311.pyc` (CPython's header and
//! marshal format under Pith's own cache tag), reused while the source's
//! recorded mtime and size (or hash, for PEP 552 files) still match. A cache
//! that is missing, stale, corrupt or unwritable is never fatal: the module is
//! compiled from source and the cache rewritten when possible, atomically.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use pith_bytecode::pyc::{source_hash, write_new_pyc, Invalidation, MAGIC};
use pith_bytecode::CodeObject;

use crate::compile_hook::{CompileMode, SourceText};
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::modules::ModuleObj;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// `sys.implementation.cache_tag`: Pith's `.pyc` files never collide with CPython's.
pub const CACHE_TAG: &str = "pith-311";

/// The builtins defined here (merged into `builtins` by `make_builtins`).
pub(crate) static IMPORT_BUILTINS: &[BuiltinDef] = &[BuiltinDef {
    name: "__import__",
    func: b_import,
    owner: "",
    is_method: false,
}];

/// Where a module's code comes from.
pub(crate) enum Found {
    /// A native module built into the VM.
    Native,
    /// A `.py` file; `package` is the package directory for an `__init__.py`;
    /// `frozen` for a module CPython imports frozen (`crate::frozen`).
    Source {
        file: PathBuf,
        package: Option<PathBuf>,
        frozen: bool,
    },
    /// A directory without `__init__.py` (PEP 420 namespace package).
    Namespace(PathBuf),
}

/// `__pycache__/NAME.pith-311.pyc` beside `source`.
pub fn cache_path(source: &Path) -> PathBuf {
    cache_path_at(source, 0)
}

/// The cache file of code compiled at optimization level `optimize`:
/// `NAME.pith-311.opt-1.pyc` and `.opt-2.pyc` above 0, as
/// `importlib.util.cache_from_source` names them, so that `-O` runs never
/// load asserts compiled in (or out) by another level.
pub fn cache_path_at(source: &Path, optimize: u8) -> PathBuf {
    let stem = source
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("module");
    let dir = source.parent().unwrap_or(Path::new(""));
    let file = match optimize {
        0 => format!("{stem}.{CACHE_TAG}.pyc"),
        n => format!("{stem}.{CACHE_TAG}.opt-{n}.pyc"),
    };
    dir.join("__pycache__").join(file)
}

/// A module attribute its namespace lacks: `__dict__`, or what the
/// module's own `__getattr__` gives (PEP 562).
pub(crate) fn module_special_attr(
    vm: &mut Vm,
    m: &Rc<ModuleObj>,
    name: &str,
) -> PyResult<Option<Value>> {
    if name == "__dict__" {
        return Ok(Some(Value::Dict(m.dict.clone())));
    }
    if name == "__annotations__" {
        // `module_get_annotations`: a module without any gets an empty
        // dict, kept in its namespace.
        let fresh = Value::dict(crate::dict::Dict::new());
        let key = Value::str("__annotations__");
        m.dict.borrow_mut().insert(key, fresh.clone())?;
        return Ok(Some(fresh));
    }
    if name == "__class__" {
        return Ok(Some(Value::Type(crate::types::type_of(&Value::Module(
            m.clone(),
        )))));
    }
    if name == "__init__" {
        return Ok(Some(Value::BoundBuiltin(Rc::new((
            Value::Module(m.clone()),
            &MODULE_INIT,
        )))));
    }
    let hook = dict_get(&m.dict.borrow(), "__getattr__");
    match hook {
        Some(f) => vm.call(&f, &[Value::str(name)]).map(Some),
        None => Ok(None),
    }
}

/// Sets `__spec__._initializing` of a module whose body starts or ends.
fn set_initializing(m: &ModuleObj, on: bool) {
    if let Some(Value::Instance(spec)) = dict_get(&m.dict.borrow(), "__spec__") {
        let name = Rc::new(crate::value::StrObj::new("_initializing"));
        let _ = spec.dict.store(&name, Value::Bool(on));
    }
}

/// Whether a module's body is still running (`__spec__._initializing`,
/// CPython's `_PyModuleSpec_IsInitializing`).
pub(crate) fn is_initializing(m: &ModuleObj) -> bool {
    match dict_get(&m.dict.borrow(), "__spec__") {
        Some(Value::Instance(spec)) => matches!(
            spec.dict
                .get(&Rc::new(crate::value::StrObj::new("_initializing"))),
            Some(Value::Bool(true))
        ),
        _ => false,
    }
}

/// `d[name]` for a str key.
pub(crate) fn dict_get(d: &Dict, name: &str) -> Option<Value> {
    d.get(&Value::str(name)).ok().flatten().cloned()
}

/// `builtins.<name>` now (`_PyEval_GetBuiltin`); a builtin deleted from the
/// module is an `AttributeError`.
/// A builtin as `_PyEval_GetBuiltin` finds it: a full lookup in the
/// builtins dict, so a key that compares in Python (a str subclass put
/// there) runs its `__eq__`. Callers look it up before they read the state
/// that `__eq__` may change.
pub(crate) fn builtin_looked_up(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if let Some(v) = dict_get(&vm.builtins.borrow(), name) {
        return Ok(v);
    }
    let d = vm.builtins.clone();
    vm.map_get(&d, &Value::str(name))?
        .ok_or_else(|| PyErr::new(ExcKind::AttributeError, name))
}

pub(crate) fn builtin(vm: &Vm, name: &str) -> PyResult<Value> {
    dict_get(&vm.builtins.borrow(), name).ok_or_else(|| PyErr::new(ExcKind::AttributeError, name))
}

fn str_value(v: Option<Value>) -> Option<String> {
    match v {
        Some(Value::Str(s)) => Some(s.as_str().to_string()),
        _ => None,
    }
}

fn module_not_found(msg: String, name: &str) -> PyErr {
    crate::import_error::new(ExcKind::ModuleNotFoundError, msg, name, None)
}

impl Vm {
    /// Sets `sys.path` (the script's directory or `''` first, then `PITHPATH`).
    pub fn set_path(&mut self, entries: Vec<String>) {
        if let Value::List(l) = &self.sys_path {
            *l.borrow_mut() = entries.iter().map(|e| Value::str(e)).collect();
        }
    }

    /// Whether imports may write `__pycache__` files (`sys.dont_write_bytecode`
    /// is the opposite; `PYTHONDONTWRITEBYTECODE` and `-B` clear it).
    pub fn set_write_bytecode(&mut self, write: bool) {
        self.write_bytecode = write;
    }

    /// `IMPORT_NAME`: `__import__(name, globals, None, fromlist, level)`.
    pub(crate) fn import_name(
        &mut self,
        name: &str,
        fromlist: &Value,
        level: i64,
        globals: &Rc<RefCell<Dict>>,
    ) -> PyResult<Value> {
        let absname = if level > 0 {
            let known = self.known_package(globals)?;
            resolve_name(name, globals, level, known)?
        } else {
            name.to_string()
        };
        if absname.is_empty() {
            return Err(PyErr::value_error("Empty module name"));
        }
        let module = self.import_dotted(&absname)?;
        let names = match fromlist {
            Value::Tuple(t) => t.as_ref().clone(),
            Value::List(l) => l.borrow().clone(),
            _ => Vec::new(),
        };
        if names.is_empty() {
            if level == 0 {
                let top = absname.split('.').next().unwrap_or(&absname);
                return self.import_dotted(top);
            }
            if name.is_empty() {
                return Ok(module);
            }
            // `from .a.b import` binds the part named relative to the package.
            let first = name.split('.').next().unwrap_or(name);
            let cut = name.len() - first.len();
            return self.import_dotted(&absname[..absname.len() - cut]);
        }
        self.handle_fromlist(&module, &absname, &names, false)?;
        Ok(module)
    }

    /// `sys.modules[name]`, if present.
    pub(crate) fn sys_module(&self, name: &str) -> Option<Value> {
        dict_get(&self.modules.borrow(), name)
    }

    /// Sets or removes `sys.modules[name]`.
    fn set_sys_module(&mut self, name: &str, module: Option<Value>) {
        let key = Value::str(name);
        let mut modules = self.modules.borrow_mut();
        let _ = match module {
            Some(m) => modules.insert(key, m),
            None => modules.remove(&key).map(|_| ()),
        };
    }

    /// `IMPORT_FROM` when the attribute is missing: a submodule already in
    /// `sys.modules` (circular imports), else CPython's `ImportError`.
    pub(crate) fn import_from_fallback(&mut self, module: &Value, name: &str) -> PyResult<Value> {
        let Value::Module(m) = module else {
            // Any object can stand in `sys.modules` (or come from a replaced
            // `__import__`): CPython's `import_from` goes by its `__name__`.
            let dunder_name = Rc::new(crate::value::StrObj::new("__name__"));
            let pkg = match self.get_attr(module, &dunder_name) {
                Ok(Value::Str(s)) => Some(s),
                _ => None,
            };
            if let Some(sub) = pkg
                .as_ref()
                .and_then(|p| self.sys_module(&format!("{}.{name}", p.as_str())))
            {
                return Ok(sub);
            }
            let shown = pkg.as_ref().map_or("<unknown module name>", |p| p.as_str());
            return Err(PyErr::new(
                ExcKind::ImportError,
                format!("cannot import name '{name}' from '{shown}' (unknown location)"),
            ));
        };
        if let Some(sub) = self.sys_module(&format!("{}.{name}", m.name)) {
            return Ok(sub);
        }
        let location = match dict_get(&m.dict.borrow(), "__file__") {
            Some(Value::Str(f)) => f.as_str().to_string(),
            _ => "unknown location".to_string(),
        };
        let file = match dict_get(&m.dict.borrow(), "__file__") {
            Some(Value::Str(f)) => Some(f.as_str().to_string()),
            _ => None,
        };
        let msg = if is_initializing(m) {
            format!(
                "cannot import name '{name}' from partially initialized module '{}' \
                 (most likely due to a circular import) ({location})",
                m.name
            )
        } else {
            format!("cannot import name '{name}' from '{}' ({location})", m.name)
        };
        Err(crate::import_error::new(
            ExcKind::ImportError,
            msg,
            &m.name,
            file.as_deref(),
        ))
    }

    /// `_handle_fromlist`: `from package import submodule` imports it.
    fn handle_fromlist(
        &mut self,
        module: &Value,
        absname: &str,
        names: &[Value],
        recursive: bool,
    ) -> PyResult<()> {
        let Value::Module(m) = module else {
            return Ok(());
        };
        if dict_get(&m.dict.borrow(), "__path__").is_none() {
            return Ok(());
        }
        for x in names {
            let Value::Str(x) = x else {
                return Err(PyErr::type_error(format!(
                    "Item in {absname}.{} must be str, not {}",
                    if recursive { "__all__" } else { "fromlist" },
                    crate::types::type_name(x)
                )));
            };
            let x = x.as_str();
            if x == "*" {
                if !recursive {
                    let all = dict_get(&m.dict.borrow(), "__all__");
                    if let Some(all) = all {
                        let all = match all {
                            Value::List(l) => l.borrow().clone(),
                            Value::Tuple(t) => t.as_ref().clone(),
                            _ => Vec::new(),
                        };
                        self.handle_fromlist(module, absname, &all, true)?;
                    }
                }
                continue;
            }
            if dict_get(&m.dict.borrow(), x).is_some() {
                continue;
            }
            let sub = format!("{absname}.{x}");
            match self.import_dotted(&sub) {
                Ok(_) => {}
                Err(e)
                    if e.is(ExcKind::ModuleNotFoundError)
                        && crate::repr::exc_str(&e.0).contains(&format!("'{sub}'")) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// `sys.modules[name]` for an import: `None` there blocks the import
    /// (`import_fresh_module(..., blocked=[...])` relies on it).
    fn imported_module(&self, name: &str) -> PyResult<Option<Value>> {
        match self.sys_module(name) {
            Some(Value::None) => Err(module_not_found(
                format!("import of {name} halted; None in sys.modules"),
                name,
            )),
            found => Ok(found),
        }
    }

    /// `_find_and_load` for a dotted absolute name: every parent first.
    pub(crate) fn import_dotted(&mut self, absname: &str) -> PyResult<Value> {
        if let Some(m) = self.imported_module(absname)? {
            return Ok(m);
        }
        // CPython's startup (`site`) has imported `os` before any program
        // runs, and `genericpath` relies on it: imported first, it would
        // import `os`, whose `posixpath` needs the half-made `genericpath`.
        // Pith does not pay for `os` at startup, so it imports it here, on
        // the one import that depends on it being there already.
        if absname == "genericpath" && self.sys_module("os").is_none() {
            self.import_dotted("os")?;
            if let Some(m) = self.sys_module(absname) {
                return Ok(m);
            }
        }
        // `rpartition('.')`: an empty head means no parent.
        let (parent, short) = match absname.rfind('.') {
            Some(i) if i > 0 => (Some(&absname[..i]), &absname[i + 1..]),
            Some(i) => (None, &absname[i + 1..]),
            None => (None, absname),
        };
        let mut search: Option<Vec<String>> = None;
        let mut parent_module = None;
        if let Some(parent) = parent {
            let pm = self.import_dotted(parent)?;
            // The parent's `__init__` may have imported us.
            if let Some(m) = self.imported_module(absname)? {
                return Ok(m);
            }
            let path = match &pm {
                Value::Module(m) => dict_get(&m.dict.borrow(), "__path__"),
                _ => None,
            };
            let Some(Value::List(path)) = path else {
                return Err(module_not_found(
                    format!(
                        "No module named {}; {} is not a package",
                        pith_repr::str_repr(absname),
                        pith_repr::str_repr(parent)
                    ),
                    absname,
                ));
            };
            search = Some(
                path.borrow()
                    .iter()
                    .filter_map(|p| str_value(Some(p.clone())))
                    .collect(),
            );
            parent_module = Some(pm);
        }
        let found = self.find_module(absname, short, search.as_deref())?;
        let module = match found {
            Found::Native => self.import_module(absname)?,
            Found::Namespace(dir) => {
                let m = self.new_module(absname, None, Some(&dir), parent, false);
                self.set_sys_module(absname, Some(m.clone()));
                m
            }
            Found::Source {
                file,
                package,
                frozen,
            } => {
                let code = if frozen {
                    self.load_frozen_module(absname, &file)?
                } else {
                    self.load_source_module(&file)?
                };
                let m = self.new_module(absname, Some(&file), package.as_deref(), parent, frozen);
                self.set_sys_module(absname, Some(m.clone()));
                let Value::Module(md) = &m else {
                    return Ok(m);
                };
                let globals = md.dict.clone();
                // `_load_unlocked` marks the spec while the body runs, so a
                // circular import's errors can say so.
                set_initializing(md, true);
                let ran = self.exec_module(code, globals);
                set_initializing(md, false);
                if let Err(e) = ran {
                    self.set_sys_module(absname, None);
                    return Err(e);
                }
                if absname.starts_with("importlib._bootstrap") {
                    crate::modules::importlib::setup_bootstrap(self, absname, &m)?;
                }
                // A module may replace itself in `sys.modules`.
                self.sys_module(absname).unwrap_or(m)
            }
        };
        if let Some(Value::Module(pm)) = parent_module {
            pm.dict
                .borrow_mut()
                .insert(Value::str(short), module.clone())?;
        }
        Ok(module)
    }

    /// Finds `absname` (whose last component is `short`) natively or on
    /// `search` (a package's `__path__`) or `sys.path`.
    pub(crate) fn find_module(
        &mut self,
        absname: &str,
        short: &str,
        search: Option<&[String]>,
    ) -> PyResult<Found> {
        // Dotted native names (`importlib.machinery`) win over the parent's `__path__`.
        if (search.is_none() || absname.contains('.')) && crate::modules::is_native(absname) {
            return Ok(Found::Native);
        }
        // `FrozenImporter` comes next, before any path entry.
        if let Some(file) = crate::frozen::frozen_source(self, absname) {
            return Ok(Found::Source {
                file,
                package: None,
                frozen: true,
            });
        }
        // A name that is no file name (`''`, `a/b`) names no module.
        if short.is_empty() || short.contains(['/', '\0']) || short == ".." {
            return Err(module_not_found(
                format!("No module named {}", pith_repr::str_repr(absname)),
                absname,
            ));
        }
        let entries: Vec<String> = match search {
            Some(s) => s.to_vec(),
            None => match &self.sys_path {
                Value::List(l) => l
                    .borrow()
                    .iter()
                    .filter_map(|p| str_value(Some(p.clone())))
                    .collect(),
                _ => Vec::new(),
            },
        };
        let mut namespace = None;
        // As `FileFinder`, relative entries (`''` too) are taken from the
        // working directory, so `__file__` is absolute.
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        for entry in entries {
            let dir = if entry.is_empty() {
                cwd.clone()
            } else {
                cwd.join(&entry)
            };
            let pkg = dir.join(short);
            let init = pkg.join("__init__.py");
            if init.is_file() {
                return Ok(Found::Source {
                    file: init,
                    package: Some(pkg),
                    frozen: false,
                });
            }
            let file = dir.join(format!("{short}.py"));
            if file.is_file() {
                return Ok(Found::Source {
                    file,
                    package: None,
                    frozen: false,
                });
            }
            if namespace.is_none() && pkg.is_dir() {
                namespace = Some(pkg);
            }
        }
        match namespace {
            Some(dir) => Ok(Found::Namespace(dir)),
            None => Err(module_not_found(
                format!("No module named {}", pith_repr::str_repr(absname)),
                absname,
            )),
        }
    }

    /// The code of frozen module `name`, compiled (or cached) from its
    /// standard-library source `file` and named `<frozen NAME>`.
    fn load_frozen_module(&mut self, name: &str, file: &Path) -> PyResult<Rc<crate::code::Code>> {
        let filename = Arc::new(pith_bytecode::PyStr::new(
            &format!("<frozen {name}>"),
            false,
        ));
        self.source_module_code(file, Some(&filename))
    }

    /// A fresh module object with the attributes the importer sets. A
    /// `frozen` one (`crate::frozen`) has `FrozenImporter`'s spec, and
    /// `__file__` but no `__cached__` (`_init_module_attrs` for a frozen spec).
    fn new_module(
        &mut self,
        name: &str,
        file: Option<&Path>,
        package_dir: Option<&Path>,
        parent: Option<&str>,
        frozen: bool,
    ) -> Value {
        let mut d = Dict::new();
        let mut put = |k: &str, v: Value| {
            let _ = d.insert(Value::str(k), v);
        };
        put("__name__", Value::str(name));
        put("__doc__", Value::None);
        let package = if package_dir.is_some() {
            name.to_string()
        } else {
            parent.unwrap_or("").to_string()
        };
        put("__package__", Value::string(package));
        let file_text = file.map(|f| f.display().to_string());
        let dir_text = package_dir.map(|d| d.display().to_string());
        let origin = match (&file_text, &dir_text) {
            (Some(f), _) if frozen => crate::spec::Origin::Frozen(f),
            (Some(f), d) => crate::spec::Origin::Source {
                file: f,
                cached: cache_path(Path::new(f)).display().to_string(),
                package_dir: d.as_deref(),
            },
            (None, Some(d)) => crate::spec::Origin::Namespace(d),
            (None, None) => crate::spec::Origin::BuiltIn,
        };
        let (spec, loader) = crate::spec::spec_and_loader(self, name, origin);
        // `__path__` is the spec's `submodule_search_locations` list itself.
        let search = match &spec {
            Value::Instance(i) => dict_get(&i.dict.clone().borrow(), "submodule_search_locations"),
            _ => None,
        };
        put("__loader__", loader);
        put("__spec__", spec);
        if let Some(dir) = package_dir {
            let path = match search {
                Some(l @ Value::List(_)) => l,
                _ => Value::list(vec![Value::string(dir.display().to_string())]),
            };
            put("__path__", path);
        }
        if let Some(file) = file {
            put("__file__", Value::string(file.display().to_string()));
            if !frozen {
                put(
                    "__cached__",
                    Value::string(cache_path(file).display().to_string()),
                );
            }
        }
        // `exec(code, module.__dict__)` adds the builtins *dict*; only
        // `__main__` holds the module itself.
        put("__builtins__", Value::Dict(self.builtins.clone()));
        Value::Module(Rc::new(ModuleObj {
            name: name.to_string(),
            dict: Rc::new(RefCell::new(d)),
        }))
    }

    /// `not sys.dont_write_bytecode` (which programs may change), or the
    /// embedder's setting before `sys` is imported.
    fn may_write_bytecode(&self) -> bool {
        match self.sys_module("sys") {
            Some(Value::Module(sys)) => match dict_get(&sys.dict.borrow(), "dont_write_bytecode") {
                Some(Value::Bool(b)) => !b,
                Some(Value::Int(n)) => n == 0,
                Some(Value::None) => true,
                _ => self.write_bytecode,
            },
            _ => self.write_bytecode,
        }
    }

    /// The code of a source module: from its `__pycache__` file when that is
    /// fresh, else compiled (and cached when possible).
    pub(crate) fn load_source_module(&mut self, file: &Path) -> PyResult<Rc<crate::code::Code>> {
        self.source_module_code(file, None)
    }

    /// The code of source module `file`: from its `__pycache__` file when
    /// that is fresh and loads, else compiled (and cached when allowed);
    /// with `rename`, its code objects name that file instead (the cache
    /// keeps the real one).
    fn source_module_code(
        &mut self,
        file: &Path,
        rename: Option<&Arc<pith_bytecode::PyStr>>,
    ) -> PyResult<Rc<crate::code::Code>> {
        let renamed = |mut code: Arc<CodeObject>| {
            if let Some(name) = rename {
                pith_bytecode::code::rename_file(&mut code, name);
            }
            code
        };
        let read_source = || {
            std::fs::read(file).map_err(|e| {
                PyErr::new(
                    ExcKind::ImportError,
                    format!("cannot read {}: {e}", file.display()),
                )
            })
        };
        let metadata = std::fs::metadata(file).ok();
        let mtime = metadata
            .as_ref()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs() as u32);
        let size = metadata.map_or(0, |m| m.len() as u32);
        let cache = cache_path_at(file, self.default_compile_options().optimize);
        // The source is read only when the cache cannot be used without it
        // (a checked hash), as `SourceLoader.get_code` does.
        let mut source = None;
        if let Some(code) = cached_code(&cache, mtime, size, || {
            source = read_source().ok();
            source.clone()
        }) {
            if let Ok(code) = self.load_code(renamed(code)) {
                return Ok(code);
            }
        }
        let source = match source {
            Some(s) => s,
            None => read_source()?,
        };
        let filename = file.display().to_string();
        let code = self.compile_source(SourceText::Bytes(&source), &filename, CompileMode::Exec)?;
        if self.may_write_bytecode() {
            let header = Invalidation::Timestamp {
                mtime,
                source_size: size,
            };
            if let Ok(bytes) = write_new_pyc(&code, &header) {
                // A read-only or missing directory only costs the cache.
                let _ = write_atomically(&cache, &bytes);
            }
        }
        self.load_code(renamed(code))
    }
}

/// The cached code object at `cache`, if it is a valid 3.11 `.pyc` for this
/// source: matching mtime and size, an unchecked hash, or a matching hash.
/// The header is checked before the body is unmarshalled, so a stale cache
/// costs only its read.
fn cached_code(
    cache: &Path,
    mtime: u32,
    size: u32,
    source: impl FnOnce() -> Option<Vec<u8>>,
) -> Option<Arc<CodeObject>> {
    let bytes = std::fs::read(cache).ok()?;
    let word = |i: usize| -> Option<u32> {
        let b: [u8; 4] = bytes.get(i..i + 4)?.try_into().ok()?;
        Some(u32::from_le_bytes(b))
    };
    if bytes.get(..4) != Some(&MAGIC[..]) {
        return None;
    }
    // PEP 552 flags: bit 0 hash-based, bit 1 check the source.
    let fresh = match word(4)? {
        0 => word(8)? == mtime && word(12)? == size,
        0b01 => true,
        0b11 => bytes.get(8..16)? == &source_hash(&source()?)[..],
        _ => false,
    };
    if !fresh {
        return None;
    }
    pith_bytecode::marshal::loads_code_untraced(bytes.get(16..)?).ok()
}

/// `types.ModuleType(name, doc=None)`: an empty module, as `module.__init__`
/// leaves it (`runpy`, `importlib._bootstrap._new_module`).
pub(crate) fn construct_module(a: Args<'_>) -> PyResult<Value> {
    let args = crate::native::bind_args(&a, "module", &["name", "doc"], 1)?;
    let name = match args[0] {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "module.__init__() argument 'name' must be str, not {}",
                crate::types::type_name(other)
            )))
        }
        None => {
            return Err(PyErr::type_error(
                "module.__init__() missing required argument 'name' (pos 1)",
            ))
        }
    };
    let mut d = Dict::new();
    d.insert(Value::str("__name__"), Value::Str(name.clone()))?;
    d.insert(
        Value::str("__doc__"),
        args[1].cloned().unwrap_or(Value::None),
    )?;
    for key in ["__package__", "__loader__", "__spec__"] {
        d.insert(Value::str(key), Value::None)?;
    }
    Ok(Value::Module(Rc::new(ModuleObj {
        name: name.as_str().to_string(),
        dict: Rc::new(RefCell::new(d)),
    })))
}

/// `module.__init__`, bound to a module.
static MODULE_INIT: crate::func::BuiltinDef = crate::func::BuiltinDef {
    name: "__init__",
    func: module_init,
    owner: "module",
    is_method: true,
};

/// `module.__init__(self, name, doc=None)`: (re)names a module, setting
/// the entries `module_init_dict` sets over what its namespace holds.
fn module_init(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(Value::Module(m)) = a
        .pos
        .first()
        .map(|v| crate::instance::payload_of(v).unwrap_or(v))
    else {
        return Err(PyErr::type_error(
            "descriptor '__init__' requires a 'module' object",
        ));
    };
    let fresh = construct_module(Args {
        pos: &a.pos[1..],
        kwnames: a.kwnames,
        kwvals: a.kwvals,
    })?;
    if let Value::Module(f) = fresh {
        let entries: Vec<(Value, Value)> = f
            .dict
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in entries {
            let old = {
                let mut d = m.dict.borrow_mut();
                let h = crate::dict::hash_value(&k)?;
                d.replace_hashed(k, h, v)
            };
            drop(old);
        }
    }
    Ok(Value::None)
}

/// Writes through a temporary file and a rename, so that no reader (another
/// Pith importing the same module) ever sees half a `.pyc`.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = target.with_extension(format!("{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, target).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

impl Vm {
    /// The package `resolve_name` (import.c) finds before falling back on
    /// `__name__`: `__package__`, else `__spec__.parent`; with neither it
    /// warns (ImportWarning) and returns `None`.
    fn known_package(&mut self, globals: &Rc<RefCell<Dict>>) -> PyResult<Option<String>> {
        let (package, spec) = {
            let g = globals.borrow();
            (dict_get(&g, "__package__"), dict_get(&g, "__spec__"))
        };
        let spec = spec.filter(|s| !matches!(s, Value::None));
        match package.filter(|p| !matches!(p, Value::None)) {
            Some(Value::Str(p)) => return Ok(Some(p.as_str().to_string())),
            Some(_) => return Err(PyErr::type_error("package must be a string")),
            None => {}
        }
        if let Some(spec) = spec {
            let parent = self.intern("parent");
            return match self.get_attr(&spec, &parent)? {
                Value::Str(p) => Ok(Some(p.as_str().to_string())),
                _ => Err(PyErr::type_error("__spec__.parent must be a string")),
            };
        }
        self.warn(
            ExcKind::ImportWarning,
            "can't resolve package from __spec__ or __package__, falling back on __name__ and __path__",
        )?;
        Ok(None)
    }
}

/// `_resolve_name` / `_calc___package__`: the absolute name of a relative
/// import; `known` is the package [`Vm::known_package`] found.
fn resolve_name(
    name: &str,
    globals: &Rc<RefCell<Dict>>,
    level: i64,
    known: Option<String>,
) -> PyResult<String> {
    let g = globals.borrow();
    let package = known;
    let package = match package {
        Some(p) => p,
        None => {
            let modname = match dict_get(&g, "__name__") {
                Some(Value::Str(s)) => s.as_str().to_string(),
                Some(_) => return Err(PyErr::type_error("__name__ must be a string")),
                None => return Err(PyErr::new(ExcKind::KeyError, "'__name__' not in globals")),
            };
            if dict_get(&g, "__path__").is_some() {
                modname
            } else {
                modname
                    .rsplit_once('.')
                    .map(|(p, _)| p.to_string())
                    .unwrap_or_default()
            }
        }
    };
    if package.is_empty() {
        return Err(PyErr::new(
            ExcKind::ImportError,
            "attempted relative import with no known parent package",
        ));
    }
    let bits: Vec<&str> = package.rsplitn(level as usize, '.').collect();
    if (bits.len() as i64) < level {
        return Err(PyErr::new(
            ExcKind::ImportError,
            "attempted relative import beyond top-level package",
        ));
    }
    let base = bits.last().copied().unwrap_or("");
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub(crate) fn b_import(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.check_kw(
        "__import__",
        &["name", "globals", "locals", "fromlist", "level"],
    )?;
    // An argument may come by position or by name, not both.
    for (i, kw) in ["name", "globals", "locals", "fromlist", "level"]
        .iter()
        .enumerate()
    {
        if i < a.pos.len() && a.kw(kw).is_some() {
            return Err(PyErr::type_error(format!(
                "argument for __import__() given by name ('{kw}') and position ({})",
                i + 1
            )));
        }
    }
    let arg = |i: usize, kw: &str| a.pos.get(i).or_else(|| a.kw(kw));
    // Argument Clinic converts `level` (a C int) while parsing; the name is
    // checked later by `PyImport_ImportModuleLevelObject`.
    let level = match arg(4, "level") {
        Some(v) => i64::from(crate::modules::cint::as_c_int(vm, &v.clone())?),
        None => 0,
    };
    let name = match arg(0, "name") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(_) => return Err(PyErr::type_error("module name must be a string")),
        None => {
            return Err(PyErr::type_error(
                "__import__() missing required argument 'name' (pos 1)",
            ))
        }
    };
    let globals = match arg(1, "globals") {
        Some(Value::Dict(d)) => d.clone(),
        // Only a relative import reads the globals (`resolve_name`).
        _ if level > 0 => return Err(PyErr::type_error("globals must be a dict")),
        _ => Rc::new(RefCell::new(Dict::new())),
    };
    let fromlist = arg(3, "fromlist").cloned().unwrap_or(Value::None);
    if level < 0 {
        return Err(PyErr::value_error("level must be >= 0"));
    }
    vm.import_name(&name, &fromlist, level, &globals)
}
