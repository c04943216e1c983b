//! CPython's `Py_EnterRecursiveCall` for the JSON walks: each open array,
//! object or `default()` result is one level of the recursion limit, shared
//! with the Python frames, so deep documents raise `RecursionError` where
//! CPython's do. The walks keep their levels on a heap stack, not the Rust
//! one; the limit is lowered while a level is open so that hooks called
//! inside it see the budget CPython's would.

use crate::exc::{PyErr, PyResult};
use crate::types::ExcKind;
use crate::vm::Vm;

/// The levels a walk has open.
#[derive(Default)]
pub(super) struct Levels(usize);

impl Levels {
    /// Opens a level, or fails with the recursion error ending in `place`.
    pub fn enter(&mut self, vm: &mut Vm, place: &str) -> PyResult<()> {
        if vm.frames.len() >= vm.recursion_limit {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                format!("maximum recursion depth exceeded{place}"),
            ));
        }
        vm.recursion_limit -= 1;
        vm.c_depth += 1;
        self.0 += 1;
        Ok(())
    }

    /// Closes the innermost level.
    pub fn leave(&mut self, vm: &mut Vm) {
        if self.0 > 0 {
            self.0 -= 1;
            vm.recursion_limit += 1;
            vm.c_depth -= 1;
        }
    }

    /// Closes every level (the walk ended, maybe by an error).
    pub fn leave_all(&mut self, vm: &mut Vm) {
        while self.0 > 0 {
            self.leave(vm);
        }
    }
}
