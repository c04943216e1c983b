//! `repr()` of a module, as `importlib._bootstrap._module_repr` (which
//! CPython 3.11's `module_repr` calls) builds it: from `__spec__` when it is
//! set, else from the loader's `module_repr()`, else from `__name__`,
//! `__file__` and `__loader__`.

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::modules::ModuleObj;
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `repr(m)` of module `m`.
    pub(crate) fn module_repr(&mut self, m: &Rc<ModuleObj>) -> PyResult<String> {
        let get = |k: &str| crate::import::dict_get(&m.dict.borrow(), k);
        let loader = get("__loader__").unwrap_or(Value::None);
        if let Some(spec) = get("__spec__") {
            if self.truthy(&spec)? {
                return self.module_repr_from_spec(&spec);
            }
        }
        if !matches!(loader, Value::None) {
            let name = self.intern("module_repr");
            if let Ok(f) = self.get_attr(&loader, &name) {
                // A `module_repr` failing with an `Exception` leaves the
                // catch-all below.
                match self.call(&f, &[Value::Module(m.clone())]) {
                    Ok(Value::Str(s)) => return Ok(s.as_str().to_string()),
                    Ok(other) => {
                        return Err(PyErr::type_error(format!(
                            "__repr__ returned non-string (type {})",
                            type_name(&other)
                        )))
                    }
                    Err(e) if e.is(ExcKind::Exception) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        let absent = |k: &str| get(k).is_none();
        // `builtins` holds `__spec__` and `__loader__` as None until its
        // first import fills them in.
        let early_builtins = Rc::ptr_eq(&m.dict, &self.builtins);
        if early_builtins || (absent("__spec__") && absent("__loader__") && absent("__file__")) {
            // A native module made before the import system (`builtins`).
            if let Some(Value::Str(name)) = get("__name__") {
                return Ok(format!(
                    "<module {} (built-in)>",
                    pith_repr::str_repr(name.as_str())
                ));
            }
        }
        let name = match get("__name__") {
            Some(n) => self.repr_of(&n)?,
            None => "'?'".to_string(),
        };
        Ok(match get("__file__") {
            Some(file) => format!("<module {name} from {}>", self.repr_of(&file)?),
            None if matches!(loader, Value::None) => format!("<module {name}>"),
            None => format!("<module {name} ({})>", self.repr_of(&loader)?),
        })
    }

    /// `_module_repr_from_spec`.
    fn module_repr_from_spec(&mut self, spec: &Value) -> PyResult<String> {
        let attr = |vm: &mut Vm, k: &str| {
            let k = vm.intern(k);
            vm.get_attr(spec, &k)
        };
        let name_value = attr(self, "name")?;
        let name = match &name_value {
            Value::None => "'?'".to_string(),
            n => self.repr_of(n)?,
        };
        let origin = attr(self, "origin")?;
        if matches!(origin, Value::None) {
            let loader = attr(self, "loader")?;
            return Ok(match loader {
                Value::None => format!("<module {name}>"),
                l => format!("<module {name} ({})>", self.repr_of(&l)?),
            });
        }
        let has_location = attr(self, "has_location")?;
        Ok(if self.truthy(&has_location)? {
            format!("<module {name} from {}>", self.repr_of(&origin)?)
        } else {
            // CPython formats `spec.name` itself here, `None` included.
            let name = self.repr_of(&name_value)?;
            format!("<module {name} ({})>", self.str_of(&origin)?)
        })
    }
}
