//! The errors of `f(*args)` and `f(**kwargs)` when the value after the star
//! is not an iterable or a mapping, or a keyword comes twice. CPython names the function being called
//! (`_PyObject_FunctionStr`), so `print(*5)` reads "print() argument after *
//! must be an iterable, not int".

use crate::exc::PyErr;
use crate::names::D;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// How CPython names a callable in call errors: `module.qualname()`
    /// (no module for builtins), else the object's `str()`.
    pub(crate) fn function_str(&mut self, callable: &Value) -> String {
        let qualname = match self.get_attr(callable, &D::Qualname.name()) {
            Ok(Value::Str(q)) => q,
            _ => return self.str_of(callable).unwrap_or_default(),
        };
        match self.get_attr(callable, &D::Module.name()) {
            Ok(Value::Str(m)) if m.as_str() != "builtins" => {
                format!("{}.{}()", m.as_str(), qualname.as_str())
            }
            _ => format!("{}()", qualname.as_str()),
        }
    }

    /// Replaces a failed iteration of `f(*value)`'s value with CPython's
    /// message when the value is not iterable at all (errors raised while
    /// iterating an iterable pass through).
    pub(crate) fn star_args_error(&mut self, callable: &Value, value: &Value, err: PyErr) -> PyErr {
        if !self.not_iterable(value, &err) {
            return err;
        }
        let func = self.function_str(callable);
        PyErr::type_error(format!(
            "{func} argument after * must be an iterable, not {}",
            crate::types::type_name(value)
        ))
    }

    /// The error of `f(**value)` when the value is not a mapping.
    pub(crate) fn star_star_args_error(&mut self, callable: &Value, value: &Value) -> PyErr {
        let func = self.function_str(callable);
        PyErr::type_error(format!(
            "{func} argument after ** must be a mapping, not {}",
            crate::types::type_name(value)
        ))
    }

    /// `f(a=1, **{'a': 2})`: the same keyword twice.
    pub(crate) fn repeated_keyword_error(&mut self, callable: &Value, key: &Value) -> PyErr {
        let func = self.function_str(callable);
        PyErr::type_error(format!(
            "{func} got multiple values for keyword argument '{}'",
            crate::repr::to_str(key)
        ))
    }

    /// The error of `[*value]`, `(*value,)` and `f(x, *value)` (`LIST_EXTEND`)
    /// when the value is not iterable.
    pub(crate) fn value_after_star_error(&mut self, value: &Value, err: PyErr) -> PyErr {
        if !self.not_iterable(value, &err) {
            return err;
        }
        PyErr::type_error(format!(
            "Value after * must be an iterable, not {}",
            crate::types::type_name(value)
        ))
    }

    /// Whether `err`, raised by iterating `value`, says that `value` has
    /// neither `__iter__` nor `__getitem__` (CPython tests `tp_iter` and the
    /// sequence protocol before it rewrites the message).
    fn not_iterable(&self, value: &Value, err: &PyErr) -> bool {
        if !err.is(ExcKind::TypeError) {
            return false;
        }
        let args = err.0.args.borrow();
        matches!(&args[..], [Value::Str(m)]
            if m.as_str() == format!("'{}' object is not iterable", crate::types::type_name(value)))
    }
}
