//! CPython 3.11's `repr()` of the literal types, and the Unicode character
//! classes behind it.
//!
//! Every stage prints Python values: the tokenizer prints token strings with
//! `%r`, `ast.dump` prints constants, `dis` prints `co_consts`, the VM prints
//! everything. They all come here so that there is one definition of each
//! format, checked against CPython once.
//!
//! The Unicode tables are generated from CPython 3.11's own `unicodedata`
//! (`tools/gen_unicode_tables.py`), so "printable" and "identifier character"
//! mean exactly what they mean to the oracle.

pub mod escape;
mod float;
mod text;
pub mod unicode;
mod unicode_tables;

pub use float::{complex_repr, float_repr, format_float_repr, write_float_repr};
pub use text::{bytes_repr, str_repr, write_bytes_repr, write_str_repr};
pub use unicode::is_printable;
pub use unicode_tables::UNICODE_VERSION;
