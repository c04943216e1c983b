//! Function objects, builtin function descriptors and argument binding.

use std::cell::RefCell;
use std::rc::Rc;

use pith_bytecode::code::local_kind;
use pith_bytecode::CodeFlags;

use crate::code::Code;
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// A Python function.
#[derive(Debug)]
pub struct Function {
    /// `__code__` (assignable, as `types.coroutine` does).
    pub code: RefCell<Rc<Code>>,
    /// `__globals__`.
    pub globals: Rc<RefCell<Dict>>,
    /// `__name__`.
    pub name: RefCell<Rc<StrObj>>,
    /// `__qualname__`.
    pub qualname: RefCell<Rc<StrObj>>,
    /// `__defaults__` (assignable, as `namedtuple` does for `__new__`).
    pub defaults: RefCell<Option<Rc<Vec<Value>>>>,
    /// `__kwdefaults__`.
    pub kwdefaults: RefCell<Option<Rc<RefCell<Dict>>>>,
    /// `__closure__`: cells for the code's free variables.
    pub closure: Option<Rc<Vec<Value>>>,
    /// `__annotations__`: the tuple of name/value pairs `MAKE_FUNCTION` gets,
    /// replaced by a dict on first read (`crate::func_attrs`).
    pub annotations: RefCell<Option<Value>>,
    /// `__dict__`, made when a first attribute is set (`crate::func_attrs`).
    pub dict: RefCell<Option<Rc<RefCell<Dict>>>>,
    /// `__doc__` and `__module__` once stored or deleted; until then they
    /// are read from the code's docstring and the globals' `__name__`.
    pub members: RefCell<Option<Box<FuncMembers>>>,
}

/// The members `func_doc` and `func_module` of CPython's function object,
/// kept apart from `__dict__` (a store to them never shows there).
#[derive(Debug, Default)]
pub struct FuncMembers {
    /// `__doc__`, if stored (None after a deletion).
    pub doc: Option<Value>,
    /// `__module__`, if stored (None after a deletion).
    pub module: Option<Value>,
}

/// Arguments of a call to a builtin: positional values, then keyword names and values.
#[derive(Clone, Copy, Debug)]
pub struct Args<'a> {
    /// Positional arguments (for methods, the receiver first).
    pub pos: &'a [Value],
    /// Keyword names (str values).
    pub kwnames: &'a [Value],
    /// Keyword values, parallel to `kwnames`.
    pub kwvals: &'a [Value],
}

impl<'a> Args<'a> {
    /// Positional-only arguments.
    pub fn positional(pos: &'a [Value]) -> Args<'a> {
        Args {
            pos,
            kwnames: &[],
            kwvals: &[],
        }
    }

    /// The keyword argument `name`, if given.
    pub fn kw(&self, name: &str) -> Option<&'a Value> {
        self.kwnames
            .iter()
            .position(|k| matches!(k, Value::Str(s) if s.as_str() == name))
            .and_then(|i| self.kwvals.get(i))
    }

    /// Fails unless every keyword is one of `allowed`.
    pub fn check_kw(&self, fname: &str, allowed: &[&str]) -> PyResult<()> {
        for k in self.kwnames {
            if let Value::Str(s) = k {
                if !allowed.contains(&s.as_str()) {
                    return Err(PyErr::type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        fname,
                        s.as_str()
                    )));
                }
            }
        }
        Ok(())
    }

    /// Fails unless every keyword is one of `allowed`, in the words of the
    /// functions CPython declares with Argument Clinic (`pow`, `bytes`):
    /// "'x' is an invalid keyword argument for f()".
    pub fn check_clinic_kw(&self, fname: &str, allowed: &[&str]) -> PyResult<()> {
        for k in self.kwnames {
            if let Value::Str(s) = k {
                if !allowed.contains(&s.as_str()) {
                    return Err(PyErr::type_error(format!(
                        "'{}' is an invalid keyword argument for {fname}()",
                        s.as_str()
                    )));
                }
            }
        }
        Ok(())
    }

    /// Fails on any keyword argument.
    pub fn no_kw(&self, fname: &str) -> PyResult<()> {
        if self.kwnames.is_empty() {
            Ok(())
        } else {
            Err(PyErr::type_error(format!(
                "{fname}() takes no keyword arguments"
            )))
        }
    }

    /// [`Args::no_kw`] with the function's name made only for the error
    /// (callers that format it would otherwise pay on every call).
    pub fn no_kw_lazy(&self, fname: impl FnOnce() -> String) -> PyResult<()> {
        if self.kwnames.is_empty() {
            Ok(())
        } else {
            self.no_kw(&fname())
        }
    }

    /// The check of CPython's `METH_NOARGS` functions: no keywords and no
    /// positional arguments (`self` is not among `pos`: pass
    /// `native::rest(&a)` for a method). `fname` is the name the messages
    /// give, qualified as CPython qualifies it (`"gc.collect"`, `"array.tolist"`).
    pub fn no_args(&self, fname: &str) -> PyResult<()> {
        self.no_kw(fname)?;
        if self.pos.is_empty() {
            Ok(())
        } else {
            Err(PyErr::type_error(format!(
                "{fname}() takes no arguments ({} given)",
                self.pos.len()
            )))
        }
    }
}

/// A builtin function's implementation.
pub type BuiltinFn = fn(&mut Vm, Args<'_>) -> PyResult<Value>;

/// A builtin function or method of a builtin type.
#[derive(Debug)]
pub struct BuiltinDef {
    /// `__name__`.
    pub name: &'static str,
    /// The implementation.
    pub func: BuiltinFn,
    /// For methods: the owning type's name (`list`, `str`, ...); empty for functions.
    pub owner: &'static str,
    /// Whether this is a method of a builtin type (receiver passed first).
    pub is_method: bool,
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn name_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

impl Function {
    /// Whether calling it runs its code as one frame (not a generator or
    /// coroutine function, whose call makes an object).
    pub(crate) fn is_plain(&self) -> bool {
        let flags = self.code.borrow().flags;
        !(flags.contains(CodeFlags::GENERATOR)
            || flags.contains(CodeFlags::COROUTINE)
            || flags.contains(CodeFlags::ASYNC_GENERATOR))
    }

    /// Binds call arguments to a fresh fast-locals array (cells and free variables set up).
    pub fn bind(&self, pos: &[Value], kwnames: &[Value], kwvals: &[Value]) -> PyResult<Vec<Value>> {
        let code_ref = self.code.borrow();
        let code = &*code_ref;
        let n = code.nlocalsplus();
        let mut locals = vec![Value::Null; n];
        let argc = code.argcount;
        let kwonly = code.kwonlyargcount;
        let has_varargs = code.flags.contains(CodeFlags::VARARGS);
        let has_varkw = code.flags.contains(CodeFlags::VARKEYWORDS);
        let qual = self.qualname.borrow().clone();
        let fname = qual.as_str();
        let varargs_slot = argc + kwonly;
        let varkw_slot = varargs_slot + usize::from(has_varargs);

        for (i, v) in pos.iter().take(argc).enumerate() {
            locals[i] = v.clone();
        }
        if pos.len() > argc {
            if has_varargs {
                if let Some(slot) = locals.get_mut(varargs_slot) {
                    *slot = Value::tuple(pos[argc..].to_vec());
                }
            }
        } else if has_varargs {
            if let Some(slot) = locals.get_mut(varargs_slot) {
                *slot = Value::tuple(Vec::new());
            }
        }
        let mut extra_kw: Option<Dict> = has_varkw.then(Dict::new);
        let mut posonly_as_kw: Vec<&str> = Vec::new();
        for (k, v) in kwnames.iter().zip(kwvals) {
            let Value::Str(ks) = k else {
                return Err(PyErr::type_error("keywords must be strings"));
            };
            let slot = code.localsplus[..argc + kwonly]
                .iter()
                .position(|n| n.as_str() == ks.as_str());
            match slot {
                Some(i) if i >= code.posonlyargcount => {
                    if !locals[i].is_null() {
                        return Err(PyErr::type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            fname,
                            ks.as_str()
                        )));
                    }
                    locals[i] = v.clone();
                }
                other => {
                    if let Some(d) = extra_kw.as_mut() {
                        d.insert(k.clone(), v.clone())?;
                    } else if other.is_some() {
                        posonly_as_kw.push(ks.as_str());
                    } else {
                        return Err(PyErr::type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            fname,
                            ks.as_str()
                        )));
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                fname,
                posonly_as_kw.join(", ")
            )));
        }
        // `initialize_locals`: keyword errors come before the count of
        // positional arguments is checked.
        if pos.len() > argc && !has_varargs {
            let ndefaults = self.defaults.borrow().as_ref().map_or(0, |d| d.len());
            let kw_given = kwnames
                .iter()
                .filter(|k| {
                    code.localsplus[argc..argc + kwonly]
                        .iter()
                        .any(|n| matches!(k, Value::Str(s) if s.as_str() == n.as_str()))
                })
                .count();
            let takes = if ndefaults > 0 {
                format!("from {} to {}", argc - ndefaults.min(argc), argc)
            } else {
                argc.to_string()
            };
            let kw_part = if kw_given > 0 {
                format!(
                    " positional argument{} (and {} keyword-only argument{})",
                    if pos.len() == 1 { "" } else { "s" },
                    kw_given,
                    if kw_given == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            return Err(PyErr::type_error(format!(
                "{}() takes {} positional argument{} but {}{} {} given",
                fname,
                takes,
                if argc == 1 && ndefaults == 0 { "" } else { "s" },
                pos.len(),
                kw_part,
                if pos.len() == 1 && kw_given == 0 {
                    "was"
                } else {
                    "were"
                }
            )));
        }
        if let Some(d) = extra_kw {
            if let Some(slot) = locals.get_mut(varkw_slot) {
                *slot = Value::dict(d);
            }
        }
        // defaults for missing positional parameters
        if pos.len() < argc {
            let defaults_ref = self.defaults.borrow();
            let defaults: &[Value] = defaults_ref.as_deref().map_or(&[], |d| d.as_slice());
            let first_default = argc.saturating_sub(defaults.len());
            let mut missing = Vec::new();
            for i in pos.len()..argc {
                if locals[i].is_null() {
                    if i >= first_default {
                        locals[i] = defaults[i - first_default].clone();
                    } else {
                        missing.push(code.localsplus[i].as_str());
                    }
                }
            }
            if !missing.is_empty() {
                return Err(PyErr::type_error(format!(
                    "{}() missing {}: {}",
                    fname,
                    plural(missing.len(), "required positional argument"),
                    name_list(&missing)
                )));
            }
        }
        if kwonly > 0 {
            let mut missing = Vec::new();
            for (i, name) in code
                .localsplus
                .iter()
                .enumerate()
                .take(argc + kwonly)
                .skip(argc)
            {
                if locals[i].is_null() {
                    let dflt = self
                        .kwdefaults
                        .borrow()
                        .as_ref()
                        .and_then(|d| d.borrow().get_str(name).cloned());
                    match dflt {
                        Some(v) => locals[i] = v,
                        None => missing.push(name.as_str()),
                    }
                }
            }
            if !missing.is_empty() {
                return Err(PyErr::type_error(format!(
                    "{}() missing {}: {}",
                    fname,
                    plural(missing.len(), "required keyword-only argument"),
                    name_list(&missing)
                )));
            }
        }
        self.init_cells(&mut locals);
        Ok(locals)
    }

    /// Copies closure cells into the free-variable slots (`COPY_FREE_VARS`).
    pub fn init_cells(&self, locals: &mut [Value]) {
        if let Some(cl) = &self.closure {
            let start = self.code.borrow().free_start.min(locals.len());
            for (slot, cell) in locals[start..].iter_mut().zip(cl.iter()) {
                std::mem::replace(slot, crate::call_fast::clone_cell(cell)).release();
            }
        }
    }

    /// Whether a slot is a cell variable (`MAKE_CELL` wraps it on entry).
    pub fn is_cell(code: &Code, i: usize) -> bool {
        code.kinds.get(i).is_some_and(|k| k & local_kind::CELL != 0)
    }
}

/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None)`:
/// a function over an existing code object, as `func_new` makes it.
pub(crate) fn construct_function(a: Args<'_>) -> PyResult<Value> {
    const PARAMS: &[&str] = &["code", "globals", "name", "argdefs", "closure"];
    let args = crate::native::bind_args(&a, "function", PARAMS, 2)?;
    let must_be = |arg: &str, expected: &str, v: &Value| {
        PyErr::type_error(format!(
            "function() argument '{arg}' must be {expected}, not {}",
            crate::types::type_name(v)
        ))
    };
    // `bind_args` has refused a call without the two required arguments.
    let required = |i: usize| args[i].unwrap_or(&Value::None);
    let code = match required(0) {
        Value::Code(c) => c.clone(),
        other => return Err(must_be("code", "code", other)),
    };
    let globals = match required(1) {
        Value::Dict(d) => d.clone(),
        other => return Err(must_be("globals", "dict", other)),
    };
    let name = match args[2] {
        None | Some(Value::None) => code.name.clone(),
        Some(Value::Str(s)) => s.clone(),
        Some(_) => return Err(PyErr::type_error("arg 3 (name) must be None or string")),
    };
    let defaults = match args[3] {
        None | Some(Value::None) => None,
        Some(Value::Tuple(t)) => Some(t.clone()),
        Some(_) => return Err(PyErr::type_error("arg 4 (defaults) must be None or tuple")),
    };
    let nfree = code.localsplus.len().saturating_sub(code.free_start);
    let closure = match args[4] {
        None | Some(Value::None) if nfree > 0 => {
            return Err(PyErr::type_error("arg 5 (closure) must be tuple"))
        }
        None | Some(Value::None) => None,
        Some(Value::Tuple(t)) => Some(t.clone()),
        Some(_) => return Err(PyErr::type_error("arg 5 (closure) must be None or tuple")),
    };
    let given = closure.as_ref().map_or(0, |c| c.len());
    if given != nfree {
        return Err(PyErr::value_error(format!(
            "{} requires closure of length {nfree}, not {given}",
            code.name.as_str()
        )));
    }
    if let Some(bad) = closure
        .iter()
        .flat_map(|c| c.iter())
        .find(|c| !matches!(c, Value::Cell(_)))
    {
        return Err(PyErr::type_error(format!(
            "arg 5 (closure) expected cell, found {}",
            crate::types::type_name(bad)
        )));
    }
    Ok(Value::Function(Rc::new(Function {
        name: RefCell::new(name),
        qualname: RefCell::new(code.qualname.clone()),
        code: RefCell::new(code),
        globals,
        defaults: RefCell::new(defaults),
        kwdefaults: RefCell::new(None),
        closure,
        annotations: RefCell::new(None),
        dict: RefCell::new(None),
        members: RefCell::new(None),
    })))
}

/// `types.CellType(contents=<empty>)`.
pub(crate) fn construct_cell(a: Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error("cell() takes no keyword arguments"));
    }
    match a.pos {
        [] => Ok(Value::cell(Value::Null)),
        [v] => Ok(Value::cell(v.clone())),
        more => Err(PyErr::type_error(format!(
            "cell expected at most 1 argument, got {}",
            more.len()
        ))),
    }
}
