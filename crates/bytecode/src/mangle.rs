//! CPython's private-name mangling (`_Py_Mangle`): inside class `A`, `__x`
//! is stored as `_A__x` in `co_names` and `co_varnames`, and `__slots__`
//! names are mangled the same way when the class is made. The compiler and
//! the VM both need it, so it lives with the code objects.

use std::borrow::Cow;

/// `name` as it is stored inside the class named `private` (no class: as
/// written). Dunder names, dotted names and classes named only by
/// underscores are left alone.
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> Cow<'a, str> {
    let Some(class) = private else {
        return name.into();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.into();
    }
    format!("_{stripped}{name}").into()
}
