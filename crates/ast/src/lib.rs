//! Every node of CPython 3.11's abstract syntax tree (`Parser/Python.asdl`), with
//! byte ranges instead of line/column pairs, plus the tools built on it:
//! a [`Visitor`] and a [`Transformer`], [`dump()`] (CPython's `ast.dump`) and
//! [`unparse()`] (CPython's `ast.unparse`).
//!
//! Node layout follows the ASDL: a sum type (`stmt`, `expr`, `pattern`, `mod`) is a
//! Rust enum whose variants carry a node struct named after the class
//! (`Stmt::FunctionDef(StmtFunctionDef)`); fields keep CPython's names and order;
//! `x*` is a `Vec` (a boxed slice in a few places to keep [`Expr`] small), `x?` is an
//! `Option`, and a child node is boxed where the type would otherwise be recursive.
//! Nodes that CPython gives positions carry a `range: TextRange` of byte offsets into
//! the UTF-8 source; [`SourceLocator`] turns offsets back into `(lineno, col_offset)`.
//!
//! ```
//! use pith_ast::*;
//!
//! // `x = y`, as a parser would build it.
//! let name = |id: &str, start, ctx| {
//!     Expr::Name(ExprName { range: TextRange::new(start, start + 1), id: id.into(), ctx })
//! };
//! let tree = Mod::Module(ModModule {
//!     body: vec![Stmt::Assign(StmtAssign {
//!         range: TextRange::new(0, 5),
//!         targets: vec![name("x", 0, ExprContext::Store)],
//!         value: Box::new(name("y", 4, ExprContext::Load)),
//!         type_comment: None,
//!     })],
//!     type_ignores: vec![],
//! });
//! let index = LineIndex::new("x = y\n");
//! assert_eq!(unparse(&tree, Some(&index)).unwrap(), "x = y");
//! assert_eq!(
//!     dump(&tree, &DumpOptions::new(), &index),
//!     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], \
//!      value=Name(id='y', ctx=Load()))], type_ignores=[])"
//! );
//! ```

mod constant;
mod dump;
mod expr;
mod identifier;
mod location;
mod macros;
mod node_ref;
mod nodes;
mod operators;
mod pattern;
mod range;
pub mod reflect;
mod stmt;
pub mod transformer;
mod unparse;
pub mod validate;
pub mod visitor;
mod walk;

pub use constant::{Constant, ConstantKind, Conversion, ConversionError, Int, ParseIntError};
pub use dump::{dump, DumpOptions};
pub use expr::*;
pub use identifier::Identifier;
pub use location::{LineIndex, SourceLine, SourceLocator};
pub use node_ref::NodeRef;
pub use nodes::*;
pub use operators::{BoolOp, CmpOp, ExprContext, Operator, UnaryOp};
pub use pattern::*;
pub use range::{Ranged, TextRange};
pub use stmt::*;
pub use transformer::Transformer;
pub use unparse::{unparse, unparse_expr, UnparseError};
pub use visitor::Visitor;

pub use num_bigint::BigInt;
