//! How CPython names a callable in call errors (`_PyObject_FunctionStr`):
//! `__main__.f()`, `__main__.C.m()`, `list.sort()`, `print()`.

use crate::value::Value;

/// The name, without the `()`.
pub fn function_str(v: &Value) -> String {
    match v {
        Value::Function(f) => {
            let module = match f.globals.try_borrow() {
                Ok(g) => g
                    .get_str(&crate::names::D::Name.name())
                    .and_then(|m| match m {
                        Value::Str(s) if s.as_str() != "builtins" => Some(s.as_str().to_string()),
                        _ => None,
                    }),
                Err(_) => None,
            };
            let q = f.qualname.borrow();
            match module {
                Some(m) => format!("{m}.{}", q.as_str()),
                None => q.as_str().to_string(),
            }
        }
        Value::Method(m) => function_str(&m.1),
        Value::Type(t) => crate::class::qualified_name(t),
        Value::Builtin(b) if b.is_method => format!("{}.{}", b.owner, b.name),
        Value::Builtin(b) => b.name.to_string(),
        Value::BoundBuiltin(b) if b.1.is_method => format!("{}.{}", b.1.owner, b.1.name),
        Value::BoundBuiltin(b) => b.1.name.to_string(),
        other => format!("{} object", crate::types::type_name(other)),
    }
}
