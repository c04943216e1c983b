//! `IMPORT_STAR` (`from module import *`), as CPython's `import_all_from`:
//! the names of the module's `__all__` when it has one, else the names of
//! its `__dict__` that do not start with an underscore, each read with
//! `getattr` and stored in the importing namespace.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Copies the public names of `module` into `ns`.
    pub(crate) fn import_star(&mut self, module: &Value, ns: &Rc<RefCell<Dict>>) -> PyResult<()> {
        let all_name = self.intern("__all__");
        let (names, from_all) = match self.get_attr(module, &all_name) {
            Ok(all) => (self.collect(&all)?, true),
            Err(e) if e.is(ExcKind::AttributeError) => {
                let dict_name = self.intern("__dict__");
                let Ok(d) = self.get_attr(module, &dict_name) else {
                    return Err(PyErr::new(
                        ExcKind::ImportError,
                        "from-import-* object has no __dict__ and no __all__",
                    ));
                };
                let keys = match &d {
                    Value::Dict(d) => d.borrow().iter().map(|(k, _)| k.clone()).collect(),
                    other => self.collect(other)?,
                };
                (keys, false)
            }
            Err(e) => return Err(e),
        };
        for name in names {
            let Value::Str(s) = &name else {
                let modname = match module {
                    Value::Module(m) => m.name.clone(),
                    _ => "?".to_string(),
                };
                let what = if from_all { "Item" } else { "Key" };
                let table = if from_all { "__all__" } else { "__dict__" };
                return Err(PyErr::type_error(format!(
                    "{what} in {modname}.{table} must be str, not {}",
                    type_name(&name)
                )));
            };
            if !from_all && s.as_str().starts_with('_') {
                continue;
            }
            let key = self.intern(s.as_str());
            let value = self.get_attr(module, &key)?;
            ns.borrow_mut().insert(Value::Str(key), value)?;
        }
        Ok(())
    }
}
