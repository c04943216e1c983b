//! `_tokenize` (`Python/Python-tokenize.c`): `TokenizerIter(source)`, the
//! compiler's own tokenizer as an iterator of
//! `(string, type, lineno, end_lineno, col_offset, end_col_offset, line)`,
//! which `tokenize._generate_tokens_from_c_tokenizer` reads.
//!
//! The tokens come from the installed compiler
//! ([`SourceCompiler::c_tokens`](crate::SourceCompiler::c_tokens)), all at
//! once: the source is one `str` in memory, as it is for CPython.

use std::collections::VecDeque;

use crate::compile_hook::{failure_to_err, CompileFailure, TokenRow};
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    bind_args, borrow, class_of, iter_self, native_methods, new_object, receiver, rest, ClassSpec,
    SpecFlags,
};
use crate::types::{type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

/// An iterator's tokens still to give, and the error that follows them.
struct TokenizerIter {
    rows: VecDeque<TokenRow>,
    error: Option<CompileFailure>,
}

native_methods!(TOKENIZER_ITER_M, "_tokenize.TokenizerIter", [
    "__new__" => tokenizer_iter_new, "__iter__" => iter_self, "__next__" => next,
]);
static TOKENIZER_ITER: ClassSpec = ClassSpec {
    name: "TokenizerIter",
    module: "_tokenize",
    base: TypeKind::Object,
    methods: TOKENIZER_ITER_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

/// Builds the `_tokenize` module.
pub fn init(vm: &mut Vm) -> Value {
    let cls = Value::Type(class_of(vm, &TOKENIZER_ITER));
    new_module("_tokenize", &[], vec![("TokenizerIter", cls)])
}

/// `TokenizerIter(source)`.
fn tokenizer_iter_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = crate::native::cls_arg(&a)?;
    let args = bind_args(&rest(&a), "tokenizeriter", &["source"], 1)?;
    let source = match args[0] {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "tokenizeriter() argument 'source' must be str, not {}",
                type_name(other)
            )))
        }
        None => {
            return Err(PyErr::type_error(
                "tokenizeriter() missing required argument 'source' (pos 1)",
            ))
        }
    };
    let compiler = vm.installed_compiler()?;
    let (rows, error) = compiler
        .c_tokens(source.as_str())
        .map_err(|f| failure_to_err(f, "<string>"))?;
    Ok(new_object(
        &cls,
        TokenizerIter {
            rows: rows.into(),
            error,
        },
    ))
}

fn next(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<TokenizerIter>(&a, "_tokenize.TokenizerIter", "__next__")?;
    let mut it = borrow(&st)?;
    if let Some(row) = it.rows.pop_front() {
        return Ok(Value::tuple(vec![
            Value::string(row.text),
            Value::Int(i64::from(row.kind)),
            Value::Int(i64::from(row.lineno)),
            Value::Int(i64::from(row.end_lineno)),
            Value::Int(i64::from(row.col)),
            Value::Int(i64::from(row.end_col)),
            Value::string(row.line),
        ]));
    }
    if let Some(failure) = it.error.take() {
        return Err(failure_to_err(failure, "<string>"));
    }
    Err(PyErr::with_args(
        ExcKind::StopIteration,
        vec![Value::str("EOF")],
    ))
}
