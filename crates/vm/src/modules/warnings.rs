//! `_warnings`, the native core of the `warnings` module as
//! `Python/_warnings.c` has it: the filter list and its defaults, the
//! registries, `warn` and `warn_explicit`. `warnings.py` imports these and
//! keeps only the formatting and the filter-editing functions in Python;
//! warnings raised by the VM itself ([`Vm::warn`]) go through the same
//! filters without importing `warnings`, which is only needed to show one
//! (without it loaded, the warning is written here as CPython's C fallback
//! writes it).

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::instance_check::{isinstance, issubclass};
use crate::types::{exc_type, type_name, ExcKind};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

use super::new_module;

super::module_functions!(FUNCTIONS, "_warnings", [
    "warn" => warn,
    "warn_explicit" => warn_explicit,
    "_filters_mutated" => filters_mutated,
]);

/// The interpreter's warnings state (`_warnings_runtime_state`).
struct State {
    /// `filters`: `(action, message regex, category, module regex, lineno)` tuples.
    filters: Value,
    /// `_onceregistry`.
    once_registry: Value,
    /// `_defaultaction`.
    default_action: Value,
    /// Bumped by `_filters_mutated()`; a registry made under another version
    /// is cleared before use.
    version: i64,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// The state, made on first use with the filters of a release build.
fn state<R>(f: impl FnOnce(&mut State) -> R) -> R {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let st = s.get_or_insert_with(|| {
            let filter = |action: &str, kind: ExcKind, module: Option<&str>| {
                Value::tuple(vec![
                    Value::str(action),
                    Value::None,
                    Value::Type(exc_type(kind)),
                    module.map_or(Value::None, Value::str),
                    Value::Int(0),
                ])
            };
            State {
                filters: Value::list(vec![
                    filter("default", ExcKind::DeprecationWarning, Some("__main__")),
                    filter("ignore", ExcKind::DeprecationWarning, None),
                    filter("ignore", ExcKind::PendingDeprecationWarning, None),
                    filter("ignore", ExcKind::ImportWarning, None),
                    filter("ignore", ExcKind::ResourceWarning, None),
                ]),
                once_registry: Value::dict(Dict::new()),
                default_action: Value::str("default"),
                version: 0,
            }
        });
        f(st)
    })
}

/// Builds `_warnings`.
pub fn init(_vm: &mut Vm) -> Value {
    let (filters, once, action) = state(|s| {
        (
            s.filters.clone(),
            s.once_registry.clone(),
            s.default_action.clone(),
        )
    });
    new_module(
        "_warnings",
        FUNCTIONS,
        vec![
            ("filters", filters),
            ("_onceregistry", once),
            ("_defaultaction", action),
        ],
    )
}

/// `warn(message, category=None, stacklevel=1, source=None)`.
fn warn(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = crate::native::bind_args(
        &a,
        "warn",
        &["message", "category", "stacklevel", "source"],
        1,
    )?;
    let message = b[0].cloned().unwrap_or(Value::None);
    let category = category_of(vm, &message, b[1])?;
    let level = match b[2] {
        Some(v) => vm.index_value(v)?,
        None => 1,
    };
    vm.do_warn(message, category, level, b[3].cloned())?;
    Ok(Value::None)
}

/// `warn_explicit(message, category, filename, lineno, module=None,
/// registry=None, module_globals=None, source=None)`.
fn warn_explicit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let names = [
        "message",
        "category",
        "filename",
        "lineno",
        "module",
        "registry",
        "module_globals",
        "source",
    ];
    let b = crate::native::bind_args(&a, "warn_explicit", &names, 4)?;
    let arg = |i: usize| b[i].cloned().unwrap_or(Value::None);
    let Value::Str(filename) = arg(2) else {
        return Err(PyErr::type_error(format!(
            "warn_explicit() argument 3 must be str, not {}",
            type_name(&arg(2))
        )));
    };
    let lineno = super::cint::arg_c_int(vm, &arg(3))?;
    let mut source_line = None;
    match b[6] {
        None | Some(Value::None) => {}
        Some(Value::Dict(g)) => source_line = vm.loader_source_line(g, lineno)?,
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "module_globals must be a dict, not '{}'",
                type_name(other)
            )))
        }
    }
    let w = Explicit {
        category: arg(1),
        message: arg(0),
        filename,
        lineno,
        module: b[4].cloned(),
        registry: b[5].cloned(),
        source_line,
        source: b[7].cloned(),
    };
    vm.warn_explicit(w)?;
    Ok(Value::None)
}

/// `_filters_mutated()`: registries filled under the old filters no longer count.
fn filters_mutated(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    crate::native::positional(&a, "_filters_mutated", 0, 0)?;
    state(|s| s.version += 1);
    Ok(Value::None)
}

/// `get_category`: the message's own class when it is a `Warning`
/// instance, else the given category (`UserWarning` by default), which must
/// be a `Warning` subclass.
fn category_of(vm: &mut Vm, message: &Value, given: Option<&Value>) -> PyResult<Value> {
    let warning = Value::Type(exc_type(ExcKind::Warning));
    let category = if isinstance(vm, message, &warning)? {
        Value::Type(crate::types::type_of(message))
    } else {
        match given {
            None | Some(Value::None) => Value::Type(exc_type(ExcKind::UserWarning)),
            Some(c) => c.clone(),
        }
    };
    let ok = matches!(category, Value::Type(_)) && issubclass(vm, &category, &warning)?;
    if !ok {
        return Err(PyErr::type_error(format!(
            "category must be a Warning subclass, not '{}'",
            type_name(&category)
        )));
    }
    Ok(category)
}

/// The arguments of `warn_explicit` after parsing.
struct Explicit {
    category: Value,
    message: Value,
    filename: Rc<StrObj>,
    lineno: i32,
    /// `None`: derived from the file name.
    module: Option<Value>,
    registry: Option<Value>,
    /// The line to show, from a loader; `None`: read from the file.
    source_line: Option<Value>,
    source: Option<Value>,
}

/// Whether `filename` is a frame of the import machinery, which
/// `stacklevel` skips.
fn is_internal(filename: &str) -> bool {
    filename.contains("importlib") && filename.contains("_bootstrap")
}

impl Vm {
    /// `do_warn`: a warning attributed to the frame `level` levels up from
    /// the innermost Python frame (frames of the import machinery skipped
    /// when the innermost is not one), with that frame's module's
    /// `__warningregistry__`.
    pub(crate) fn do_warn(
        &mut self,
        message: Value,
        category: Value,
        level: i64,
        source: Option<Value>,
    ) -> PyResult<()> {
        let mut at = self.frames.len().checked_sub(1);
        let internal =
            |vm: &Vm, i: usize| is_internal(&vm.frames[i].code.raw.filename.to_string_lossy());
        let skip_internal = level > 0 && at.is_some_and(|i| !internal(self, i));
        let mut level = level;
        while level > 1 {
            level -= 1;
            let Some(i) = at else { break };
            at = i.checked_sub(1);
            if skip_internal {
                while let Some(j) = at.filter(|&j| internal(self, j)) {
                    at = j.checked_sub(1);
                }
            }
        }
        let (globals, filename, lineno) = match at {
            Some(i) => {
                let f = &self.frames[i];
                let name = Rc::new(StrObj::new(&f.code.raw.filename.to_string_lossy()));
                (f.globals.clone(), name, f.line().unwrap_or(0))
            }
            None => {
                let sys = self.intern("sys");
                let globals = match self.modules.borrow().get_str(&sys) {
                    Some(Value::Module(m)) => m.dict.clone(),
                    _ => Rc::new(RefCell::new(Dict::new())),
                };
                (globals, Rc::new(StrObj::new("sys")), 1)
            }
        };
        let key = self.intern("__warningregistry__");
        let registry = globals.borrow().get_str(&key).cloned();
        let registry = match registry {
            Some(r) => r,
            None => {
                let r = Value::dict(Dict::new());
                globals.borrow_mut().insert(Value::Str(key), r.clone())?;
                r
            }
        };
        let name_key = self.intern("__name__");
        let module = match globals.borrow().get_str(&name_key) {
            Some(m @ (Value::None | Value::Str(_))) => m.clone(),
            _ => Value::str("<string>"),
        };
        self.warn_explicit(Explicit {
            category,
            message,
            filename,
            lineno,
            module: Some(module),
            registry: Some(registry),
            source_line: None,
            source,
        })
    }

    /// `PyErr_WarnExplicitObject` with no module or registry: a warning
    /// located at `filename:lineno`, whose module is the file name's stem.
    pub(crate) fn warn_at(
        &mut self,
        category: ExcKind,
        message: Value,
        filename: &str,
        lineno: i32,
    ) -> PyResult<()> {
        self.warn_explicit(Explicit {
            category: Value::Type(exc_type(category)),
            message,
            filename: Rc::new(StrObj::new(filename)),
            lineno,
            module: None,
            registry: None,
            source_line: None,
            source: None,
        })
    }

    /// `warn_explicit`: the registry and the filters decide whether the
    /// warning is raised, ignored or shown.
    fn warn_explicit(&mut self, w: Explicit) -> PyResult<()> {
        let registry = match w.registry {
            None | Some(Value::None) => None,
            Some(Value::Dict(d)) => Some(d),
            Some(_) => return Err(PyErr::type_error("'registry' must be a dict or None")),
        };
        let module = match w.module {
            // Late in shutdown: no filters to consult.
            Some(Value::None) => return Ok(()),
            Some(m) => m,
            None => {
                let f = w.filename.as_str();
                Value::str(match f {
                    "" => "<unknown>",
                    _ => f.strip_suffix(".py").unwrap_or(f),
                })
            }
        };
        let warning = Value::Type(exc_type(ExcKind::Warning));
        let (text, category, message) = if isinstance(self, &w.message, &warning)? {
            let text = Value::string(self.str_of(&w.message)?);
            (
                text,
                Value::Type(crate::types::type_of(&w.message)),
                w.message,
            )
        } else {
            let message = self.call(&w.category, std::slice::from_ref(&w.message))?;
            (w.message, w.category, message)
        };
        let lineno = Value::Int(i64::from(w.lineno));
        let key = Value::tuple(vec![text.clone(), category.clone(), lineno.clone()]);
        if let Some(r) = &registry {
            if self.already_warned(r, &key, false)? {
                return Ok(());
            }
        }
        let (action, item) = self.matching_filter(&category, &text, w.lineno, &module)?;
        match action.as_str() {
            "error" => return Err(self.make_exception(message)?),
            "ignore" => return Ok(()),
            _ => {}
        }
        if action.as_str() != "always" {
            if let Some(r) = &registry {
                self.setitem(&Value::Dict(r.clone()), key, Value::Bool(true))?;
            }
            let seen = match action.as_str() {
                "once" => {
                    let once = match &registry {
                        Some(r) => r.clone(),
                        None => self.once_registry()?,
                    };
                    let alt = Value::tuple(vec![text.clone(), category.clone()]);
                    self.already_warned(&once, &alt, true)?
                }
                "module" => match &registry {
                    Some(r) => {
                        let alt = Value::tuple(vec![text.clone(), category.clone(), Value::Int(0)]);
                        self.already_warned(r, &alt, true)?
                    }
                    None => false,
                },
                "default" => false,
                _ => {
                    let (a, i) = (
                        self.repr_of(&Value::Str(action.clone()))?,
                        self.repr_of(&item)?,
                    );
                    return Err(PyErr::new(
                        ExcKind::RuntimeError,
                        format!("Unrecognized action ({a}) in warnings.filters:\n {i}"),
                    ));
                }
            };
            if seen {
                return Ok(());
            }
        }
        self.show_warning(Shown {
            category,
            text,
            message,
            filename: w.filename,
            lineno,
            source_line: w.source_line,
            source: w.source,
        })
    }

    /// `already_warned`: whether `registry` records `key` (a registry of
    /// another filters version is cleared first); `set` records it.
    fn already_warned(
        &mut self,
        registry: &Rc<RefCell<Dict>>,
        key: &Value,
        set: bool,
    ) -> PyResult<bool> {
        let version = state(|s| s.version);
        let vkey = self.intern("version");
        let current =
            matches!(registry.borrow().get_str(&vkey), Some(Value::Int(v)) if *v == version);
        if current {
            if let Some(seen) = self.map_get(registry, key)? {
                if self.truthy(&seen)? {
                    return Ok(true);
                }
            }
        } else {
            let mut r = registry.borrow_mut();
            r.clear();
            r.insert(Value::Str(vkey), Value::Int(version))?;
        }
        if set {
            self.setitem(
                &Value::Dict(registry.clone()),
                key.clone(),
                Value::Bool(true),
            )?;
        }
        Ok(false)
    }

    /// An attribute of the loaded `warnings` module that replaces the state
    /// this module keeps (`get_warnings_attr` without importing).
    fn warnings_attr(&mut self, name: &str) -> PyResult<Option<Value>> {
        let key = self.intern("warnings");
        let module = self.modules.borrow().get_str(&key).cloned();
        let Some(module) = module else {
            return Ok(None);
        };
        let name = self.intern(name);
        match self.get_attr(&module, &name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is(ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn once_registry(&mut self) -> PyResult<Rc<RefCell<Dict>>> {
        let v = match self.warnings_attr("onceregistry")? {
            Some(v) => {
                if !matches!(v, Value::Dict(_)) {
                    return Err(PyErr::type_error(format!(
                        "_warnings.onceregistry must be a dict, not '{}'",
                        type_name(&v)
                    )));
                }
                state(|s| s.once_registry = v.clone());
                v
            }
            None => state(|s| s.once_registry.clone()),
        };
        match v {
            Value::Dict(d) => Ok(d),
            _ => Err(PyErr::type_error("_warnings.onceregistry must be a dict")),
        }
    }

    /// `get_filter`: the action of the first filter that matches, or the
    /// default action; with the filter (`None` for the default).
    fn matching_filter(
        &mut self,
        category: &Value,
        text: &Value,
        lineno: i32,
        module: &Value,
    ) -> PyResult<(Rc<StrObj>, Value)> {
        if let Some(f) = self.warnings_attr("filters")? {
            state(|s| s.filters = f);
        }
        let filters = state(|s| s.filters.clone());
        let Value::List(list) = filters else {
            return Err(PyErr::value_error("_warnings.filters must be a list"));
        };
        let mut i = 0;
        loop {
            // The list may change while a filter's `match` runs.
            let Some(item) = list.borrow().get(i).cloned() else {
                break;
            };
            let parts = match &item {
                Value::Tuple(t) if t.len() == 5 => t.clone(),
                _ => {
                    return Err(PyErr::value_error(format!(
                        "_warnings.filters item {i} isn't a 5-tuple"
                    )))
                }
            };
            let Value::Str(action) = &parts[0] else {
                return Err(PyErr::type_error(format!(
                    "action must be a string, not '{}'",
                    type_name(&parts[0])
                )));
            };
            let good_msg = self.filter_matches(&parts[1], text)?;
            let good_mod = self.filter_matches(&parts[3], module)?;
            let is_sub = issubclass(self, category, &parts[2])?;
            let ln = self.index_value(&parts[4])?;
            if good_msg && is_sub && good_mod && (ln == 0 || ln == i64::from(lineno)) {
                return Ok((action.clone(), item));
            }
            i += 1;
        }
        let action = match self.warnings_attr("defaultaction")? {
            Some(Value::Str(s)) => {
                state(|st| st.default_action = Value::Str(s.clone()));
                s
            }
            Some(other) => {
                return Err(PyErr::type_error(format!(
                    "_warnings.defaultaction must be a string, not '{}'",
                    type_name(&other)
                )))
            }
            None => match state(|s| s.default_action.clone()) {
                Value::Str(s) => s,
                _ => Rc::new(StrObj::new("default")),
            },
        };
        Ok((action, Value::None))
    }

    /// `check_matched`: `None` matches anything, an exact `str` must be
    /// equal, anything else is a compiled pattern whose `match` decides.
    fn filter_matches(&mut self, pattern: &Value, arg: &Value) -> PyResult<bool> {
        match pattern {
            Value::None => Ok(true),
            Value::Str(p) => Ok(matches!(arg, Value::Str(a) if a.as_str() == p.as_str())),
            _ => {
                let name = self.intern("match");
                let m = self.get_attr(pattern, &name)?;
                let r = self.call(&m, std::slice::from_ref(arg))?;
                self.truthy(&r)
            }
        }
    }

    /// `get_source_line`: line `lineno` of the source the module's
    /// `__loader__` gives, if it has `get_source`.
    fn loader_source_line(
        &mut self,
        globals: &Rc<RefCell<Dict>>,
        lineno: i32,
    ) -> PyResult<Option<Value>> {
        let (lk, nk) = (self.intern("__loader__"), self.intern("__name__"));
        let (loader, name) = {
            let g = globals.borrow();
            (g.get_str(&lk).cloned(), g.get_str(&nk).cloned())
        };
        let (Some(loader), Some(name)) = (loader, name) else {
            return Ok(None);
        };
        let gs = self.intern("get_source");
        let get_source = match self.get_attr(&loader, &gs) {
            Ok(f) => f,
            Err(e) if e.is(ExcKind::AttributeError) => return Ok(None),
            Err(e) => return Err(e),
        };
        let source = self.call(&get_source, &[name])?;
        let Value::Str(text) = source else {
            return Ok(None);
        };
        let line = usize::try_from(lineno)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|n| nth_line(text.as_str(), n).map(Value::str));
        Ok(line)
    }

    /// `call_show_warning`: `warnings._showwarnmsg(WarningMessage(...))`,
    /// importing `warnings` when a `source` object may have an allocation
    /// traceback to show; without the module, the plain text to `sys.stderr`.
    fn show_warning(&mut self, s: Shown) -> PyResult<()> {
        if s.source.is_some() {
            self.import_dotted("warnings")?;
        }
        let Some(show) = self.warnings_attr("_showwarnmsg")? else {
            self.write_plain_warning(&s);
            return Ok(());
        };
        if !crate::native::is_callable(&show) {
            return Err(PyErr::type_error(
                "warnings._showwarnmsg() must be set to a callable",
            ));
        }
        let Some(cls) = self.warnings_attr("WarningMessage")? else {
            return Err(PyErr::new(
                ExcKind::RuntimeError,
                "unable to get warnings.WarningMessage",
            ));
        };
        let msg = self.call(
            &cls,
            &[
                s.message,
                s.category,
                Value::Str(s.filename),
                s.lineno,
                Value::None,
                Value::None,
                s.source.unwrap_or(Value::None),
            ],
        )?;
        self.call(&show, &[msg])?;
        Ok(())
    }

    /// `show_warning`: "file:line: Category: text" and the source line,
    /// written to `sys.stderr` when `warnings` is not loaded.
    fn write_plain_warning(&mut self, s: &Shown) {
        let name = match &s.category {
            Value::Type(t) => t.name.clone(),
            other => type_name(other).to_string(),
        };
        let text = self.str_of(&s.text).unwrap_or_default();
        let Value::Int(line) = s.lineno else { return };
        let mut out = format!("{}:{line}: {name}: {text}\n", s.filename.as_str());
        let src = match &s.source_line {
            Some(Value::Str(l)) => Some(l.as_str().to_string()),
            _ => i32::try_from(line)
                .ok()
                .and_then(|l| self.source_line(s.filename.as_str(), l)),
        };
        if let Some(src) = src {
            let src = src.trim();
            if !src.is_empty() {
                out.push_str("  ");
                out.push_str(src);
                out.push('\n');
            }
        }
        self.write_sys_stderr(&out);
    }
}

/// Line `n` (from 0) of `text` as `str.splitlines()` splits it.
fn nth_line(text: &str, n: usize) -> Option<&str> {
    let mut rest = text;
    for _ in 0..n {
        let end = rest.find(crate::methods::is_line_break)?;
        let skip = if rest[end..].starts_with("\r\n") {
            2
        } else {
            rest[end..].chars().next()?.len_utf8()
        };
        rest = &rest[end + skip..];
    }
    if rest.is_empty() {
        return None;
    }
    Some(
        rest.find(crate::methods::is_line_break)
            .map_or(rest, |end| &rest[..end]),
    )
}

/// What `call_show_warning` shows.
struct Shown {
    category: Value,
    text: Value,
    message: Value,
    filename: Rc<StrObj>,
    lineno: Value,
    source_line: Option<Value>,
    source: Option<Value>,
}
