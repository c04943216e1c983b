//! Python functions of the standard library that CPython 3.11 runs in C.
//!
//! `asyncio`'s `Future` and `Task` are C types in CPython (its `_asyncio`
//! module); Pith runs their pure-Python fallbacks in `asyncio/futures.py` and
//! `asyncio/tasks.py`. C functions have no frames, so an exception that
//! escapes a task shows in CPython's traceback without `Future.result` or
//! `Task.__step`. Code objects of those fallbacks are marked when loaded
//! and the unwinder records no traceback entry for their frames, which gives
//! CPython's tracebacks.

/// Whether frames of the code `qualname` in `filename` are left out of
/// tracebacks: the methods of the C-accelerated `Future` and `Task` classes.
pub(crate) fn hidden_from_tracebacks(filename: &str, qualname: &str) -> bool {
    let in_file = |name: &str| {
        filename
            .strip_suffix(name)
            .is_some_and(|dir| dir.ends_with("/asyncio/") || dir.ends_with("\\asyncio\\"))
    };
    (in_file("futures.py") && qualname.starts_with("Future."))
        || (in_file("tasks.py") && qualname.starts_with("Task."))
}
