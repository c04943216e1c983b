//! The slow path behind `crate::finalize::due`: after an instruction that may
//! have freed something, coroutine events (`crate::coro::finalize`) and
//! queued `__del__` calls (`crate::finalize`) are handled in the order
//! CPython would meet them at that instruction. Kept out of line so that the
//! eval loop pays one thread-local test per site.

use std::rc::Rc;

use crate::code::Code;
use crate::vm::Vm;

impl Vm {
    /// After a store, delete or `POP_TOP` at instruction `ip` of `code`: the
    /// freed coroutines are reported first, then finalizers run.
    #[cold]
    #[inline(never)]
    pub(crate) fn after_free(&mut self, code: &Rc<Code>, ip: u32) {
        crate::modules::weakref::poll_watched();
        if crate::coro::finalize::pending() {
            self.warn_unawaited(code, ip);
        }
        if crate::finalize::queued() {
            self.run_finalizers();
        }
    }

    /// After a frame returned: its finalizers run first, then the freed
    /// coroutines are reported at the caller's instruction.
    #[cold]
    #[inline(never)]
    pub(crate) fn after_return(&mut self) {
        crate::modules::weakref::poll_watched();
        if crate::finalize::queued() {
            self.run_finalizers();
        }
        if crate::coro::finalize::pending() {
            self.warn_unawaited_caller();
        }
    }
}
