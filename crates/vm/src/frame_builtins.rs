//! A frame's builtins come from its globals' `__builtins__`, as in CPython's
//! `_PyEval_BuiltinsFromGlobals`: a module (its dict), a dict, or any
//! mapping; without `__builtins__` the interpreter's own. So
//! `exec(src, {"__builtins__": {...}})` runs with only those names.
//!
//! The eval loop's global cache stays as it was: names found in the
//! interpreter's builtins are cached against that dict's version, and only
//! the cache-miss path asks this module (one probe of the globals for
//! `__builtins__` when a name is not a global). Names found in other
//! builtins are not cached (see `LOAD_GLOBAL`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::names::D;
use crate::types::ExcKind;
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// The builtins of a frame with some globals.
pub(crate) enum FrameBuiltins {
    /// The interpreter's `builtins` module dict (`Vm::builtins`).
    Standard,
    /// Another dict (a module's dict or a dict given as `__builtins__`).
    Dict(Rc<RefCell<Dict>>),
    /// Another mapping, read with `__getitem__`.
    Mapping(Value),
}

impl Vm {
    /// The builtins of frames whose globals are `globals`.
    pub(crate) fn frame_builtins(&self, globals: &Rc<RefCell<Dict>>) -> FrameBuiltins {
        let found = globals.borrow().get_str(&D::Builtins.name()).cloned();
        let dict = match found {
            None => return FrameBuiltins::Standard,
            Some(Value::Module(m)) => m.dict.clone(),
            Some(Value::Dict(d)) => d,
            Some(other) => return FrameBuiltins::Mapping(other),
        };
        if Rc::ptr_eq(&dict, &self.builtins) {
            FrameBuiltins::Standard
        } else {
            FrameBuiltins::Dict(dict)
        }
    }

    /// The builtins of frames whose globals are `globals`, as a value:
    /// a function's `__builtins__` and a frame's `f_builtins`.
    pub(crate) fn builtins_value(&self, globals: &Rc<RefCell<Dict>>) -> Value {
        match self.frame_builtins(globals) {
            FrameBuiltins::Standard => Value::Dict(self.builtins.clone()),
            FrameBuiltins::Dict(d) => Value::Dict(d),
            FrameBuiltins::Mapping(m) => m,
        }
    }

    /// Looks `name` up in the builtins of `globals`: the value, and whether
    /// it came from the interpreter's builtins (and may be cached against
    /// their version).
    pub(crate) fn load_builtin(
        &mut self,
        globals: &Rc<RefCell<Dict>>,
        name: &Rc<StrObj>,
    ) -> PyResult<Option<(Value, bool)>> {
        match self.frame_builtins(globals) {
            FrameBuiltins::Standard => {
                let d = self.builtins.clone();
                Ok(self.dict_name(&d, name)?.map(|v| (v, true)))
            }
            FrameBuiltins::Dict(d) => Ok(self.dict_name(&d, name)?.map(|v| (v, false))),
            FrameBuiltins::Mapping(m) => match self.getitem(&m, &Value::Str(name.clone())) {
                Ok(v) => Ok(Some((v, false))),
                Err(e) if e.is(ExcKind::KeyError) => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    /// `name` in a builtins dict: by its text, and, on a miss in a table
    /// holding keys that compare in Python (a str subclass with its own
    /// `__eq__`), by a full lookup that asks them, as CPython's does.
    fn dict_name(&mut self, d: &Rc<RefCell<Dict>>, name: &Rc<StrObj>) -> PyResult<Option<Value>> {
        if let Some(v) = d.borrow().get_str(name).cloned() {
            return Ok(Some(v));
        }
        if !d.borrow().has_object_keys() {
            return Ok(None);
        }
        self.map_get(d, &Value::Str(name.clone()))
    }

    /// `__build_class__` from the frame's builtins (`LOAD_BUILD_CLASS`).
    pub(crate) fn build_class_fn(&mut self, globals: &Rc<RefCell<Dict>>) -> PyResult<Value> {
        match self.load_builtin(globals, &D::BuildClass.name())? {
            Some((v, _)) => Ok(v),
            None => Err(PyErr::new(ExcKind::NameError, "__build_class__ not found")),
        }
    }

    /// The `locals` argument `IMPORT_NAME` gives a replaced `__import__`
    /// (the top frame's `f_locals`, which CPython leaves unset, so `None`, in
    /// a function's frame): the namespace of a module or class body.
    pub(crate) fn import_locals(
        &self,
        code: &pith_bytecode::CodeObject,
        globals: &Rc<RefCell<Dict>>,
    ) -> Value {
        if code.flags.contains(pith_bytecode::CodeFlags::OPTIMIZED) {
            return Value::None;
        }
        let ns = self
            .frames
            .last()
            .and_then(|f| f.names.clone())
            .unwrap_or_else(|| globals.clone());
        crate::class_ns::custom(&ns).unwrap_or(Value::Dict(ns))
    }

    /// For `IMPORT_NAME`: the frame's builtins' `__import__` when it is not
    /// the interpreter's own (`builtins.__import__` replaced, or builtins of
    /// the frame's own), or `ImportError` when they have none. `None` when
    /// the import machinery runs directly, as CPython's `import_name` does
    /// for the function it saved at start-up.
    pub(crate) fn custom_import(&mut self, globals: &Rc<RefCell<Dict>>) -> PyResult<Option<Value>> {
        let Some((f, _)) = self.load_builtin(globals, &D::Import.name())? else {
            return Err(PyErr::new(ExcKind::ImportError, "__import__ not found"));
        };
        let original =
            matches!(&f, Value::Builtin(d) if std::ptr::eq(*d, &crate::import::IMPORT_BUILTINS[0]));
        Ok((!original).then_some(f))
    }
}
