//! CPython's private-name mangling (`_Py_Mangle`): inside class `A`, `__x`
//! is stored as `_A__x` in `co_names` and `co_varnames`, and `__slots__`
//! names are mangled the same way when the class is made. The compiler and
//! the VM both need it, so it lives with the code objects.

use std::borrow::Cow;

/// `name` as it is stored inside the class named `private` (no class: as
/// written). Dunder names, dotted names and classes named only by
/// underscores are left alone.
///
/// The commonest cases, outside a class or a name not starting with `__`,
/// are decided inline: the compiler mangles every name it records or emits.
#[inline]
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> Cow<'a, str> {
    match private {
        Some(class) if name.starts_with("__") => mangle_private(class, name),
        _ => Cow::Borrowed(name),
    }
}

/// [`mangle`] of a name starting with `__` inside the class named `class`.
fn mangle_private<'a>(class: &str, name: &'a str) -> Cow<'a, str> {
    if name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.into();
    }
    format!("_{stripped}{name}").into()
}
