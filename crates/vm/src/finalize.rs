//! `__del__`: finalizers of instances of classes that define one.
//!
//! Reference counting frees an object inside `Drop`, where no Python code may
//! run. So `Instance::drop` moves the dying object's contents into a fresh,
//! already finalized instance and queues it here; the eval loop runs the queue
//! at the points where a reference may have gone (stores, deletes, `POP_TOP`,
//! returns), which is where CPython would have called `__del__`. The cycle
//! collector queues garbage instances with finalizers before it clears
//! anything (PEP 442), and `Vm::run_code` clears `__main__` at exit as CPython
//! does, so every finalizer runs once.
//!
//! Weak reference callbacks share the queue: `Instance::drop` asks
//! `crate::modules::weakref` for the callbacks of the dying object and queues
//! them behind its `__del__`, so they run in the order CPython's dealloc
//! calls them.

use std::cell::{Cell, RefCell};

use crate::names::D;
use crate::value::{StrObj, Value};
use crate::vm::Vm;

thread_local! {
    static DUE: Cell<bool> = const { Cell::new(false) };
    static PENDING: RefCell<Vec<Pending>> = const { RefCell::new(Vec::new()) };
    /// The queue entries below this index belong to a `run_finalizers` that
    /// is running a finalizer further out: a nested run (a call inside
    /// `__del__`) takes only what died after that finalizer started.
    static FLOOR: Cell<usize> = const { Cell::new(0) };
}

/// One piece of work a death left for the VM.
enum Pending {
    /// An instance whose `__del__` must run.
    Del(Value),
    /// A weak reference callback and the dead reference it is called with.
    Callback(Value, Value),
}

fn push(work: Pending) {
    // During thread teardown the queue may be gone: the work is skipped.
    let _ = PENDING.try_with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            p.push(work);
            let _ = DUE.try_with(|d| d.set(true));
        }
    });
}

/// Queues `obj` (an instance whose class defines `__del__`) for finalization.
pub(crate) fn defer(obj: Value) {
    push(Pending::Del(obj));
}

/// Queues the call `callback(weakref)` for a weak reference whose referent died.
pub(crate) fn defer_callback(callback: Value, weakref: Value) {
    push(Pending::Callback(callback, weakref));
}

/// Whether something freed left work for the VM: finalizers to run or
/// coroutine events (`crate::coro::finalize`) to report. The eval loop's one
/// cheap test after instructions that free values; the slow path
/// (`crate::freed`) looks at each queue.
#[inline(always)]
pub(crate) fn due() -> bool {
    DUE.with(Cell::get)
}

/// Raises the flag `due` tests (a coroutine event was recorded).
pub(crate) fn mark_due() {
    let _ = DUE.try_with(|d| d.set(true));
}

/// Recomputes the flag after a queue was emptied: it stays raised while the
/// other queue holds work.
pub(crate) fn refresh_due() {
    let busy = queued()
        || crate::coro::finalize::recorded_here()
        || crate::modules::weakref::has_watched();
    let _ = DUE.try_with(|d| d.set(busy));
}

/// Whether finalizers wait to run.
pub(crate) fn queued() -> bool {
    PENDING
        .try_with(|p| p.try_borrow().is_ok_and(|p| !p.is_empty()))
        .unwrap_or(false)
}

/// Takes the first entry at or above `floor`, and returns it with the length
/// of the queue left behind.
fn take_next(floor: usize) -> Option<(Pending, usize)> {
    let next = PENDING
        .try_with(|p| {
            let mut p = p.try_borrow_mut().ok()?;
            if p.len() <= floor {
                return None;
            }
            // First queued, first run (the order objects died in).
            let work = p.remove(floor);
            Some((work, p.len()))
        })
        .ok()
        .flatten();
    if next.is_none() {
        refresh_due();
    }
    next
}

impl Vm {
    /// Runs every queued `__del__`; an exception is reported as CPython's
    /// "Exception ignored in" and otherwise dropped.
    #[inline(never)]
    pub(crate) fn run_finalizers(&mut self) {
        crate::modules::weakref::poll_watched();
        let floor = FLOOR.with(Cell::get);
        while let Some((work, left)) = take_next(floor) {
            let (func, arg) = match work {
                Pending::Del(obj) => {
                    let Value::Instance(inst) = &obj else {
                        continue;
                    };
                    let Some(del) = crate::class::special(&inst.class(), D::Del) else {
                        continue;
                    };
                    (del, obj)
                }
                Pending::Callback(callback, weakref) => (callback, weakref),
            };
            // The entries still queued died with this one: in CPython their
            // finalizers run after it returns, so a nested run must not take them.
            FLOOR.with(|f| f.set(left));
            let r = self.call(&func, std::slice::from_ref(&arg));
            FLOOR.with(|f| f.set(floor));
            if let Err(e) = r {
                self.unraisable(None, &func, &e);
            }
            drop(arg);
        }
    }

    /// What CPython does to `__main__` at exit: a collection, the finalizers
    /// of what the globals keep alive when they are in a cycle, then every
    /// global is set to `None` in dict order (running the finalizers of what
    /// that frees), then another collection.
    pub(crate) fn finalize_main(&mut self, globals: &std::rc::Rc<RefCell<crate::dict::Dict>>) {
        // CPython collects once while the modules still hold their globals.
        self.collect_garbage();
        self.finalizing = crate::vm::Finalizing::Modules;
        // Globals in a cycle are freed as garbage: finalizers first, with
        // every global still in place (see `crate::exit_order`).
        for obj in crate::exit_order::finalizer_order(globals) {
            let Value::Instance(inst) = &obj else {
                continue;
            };
            if inst.finalized.replace(true) {
                continue;
            }
            if let Some(del) = crate::class::special(&inst.class(), D::Del) {
                if let Err(e) = self.call(&del, std::slice::from_ref(&obj)) {
                    self.unraisable(None, &del, &e);
                }
            }
            if queued() {
                self.run_finalizers();
            }
        }
        let keys: Vec<Value> = globals.borrow().keys().cloned().collect();
        for k in keys {
            if matches!(&k, Value::Str(s) if s.as_str() == "__builtins__") {
                continue;
            }
            let old = match &k {
                Value::Str(s) => {
                    globals
                        .borrow_mut()
                        .replace_hashed(k.clone(), s.hash(), Value::None)
                }
                _ => None,
            };
            if let Some(old) = old {
                release(old);
            }
            if queued() {
                self.run_finalizers();
            }
        }
        self.collect_garbage();
    }

    /// Lets go of what the program's uncaught exception `e` keeps alive, as
    /// CPython's `finalize_modules_delete_special` deletes `sys.last_type`,
    /// `last_value` and `last_traceback` before it clears the modules: the
    /// locals of the frames it left, whose finalizers run now. The error
    /// itself stays, for the exit status.
    pub(crate) fn release_uncaught(&mut self, e: &crate::exc::PyErr) {
        if let Some(Value::Module(sys)) = self.sys_module("sys") {
            for name in ["last_type", "last_value", "last_traceback"] {
                let old =
                    sys.dict.try_borrow_mut().ok().and_then(|mut d| {
                        d.remove_hashed(&Value::str(name), StrObj::new(name).hash())
                    });
                if let Some(old) = old {
                    release(old);
                }
            }
        }
        let tb = e.0.tb_obj.try_borrow_mut().ok().and_then(|mut t| t.take());
        drop(tb);
        for l in e.0.take_frame_locals() {
            release(l);
        }
        if queued() {
            self.run_finalizers();
        }
    }

    /// A full collection that runs the finalizers of garbage first and then
    /// frees it; returns what `gc.collect()` returns.
    pub(crate) fn collect_garbage(&mut self) -> usize {
        let stats = crate::gc::debug_flags() & crate::gc::DEBUG_STATS != 0;
        let started = std::time::Instant::now();
        if stats {
            // `gc_collect_main`'s report; Pith keeps one generation.
            let text = format!(
                "gc: collecting generation 2...\ngc: objects in each generation: {} 0 {}\n\
                 gc: objects in permanent generation: 0\n",
                crate::gc::count(),
                crate::gc::tracked_count(),
            );
            self.write_sys_stderr(&text);
        }
        let found = self.collect_garbage_quietly();
        if stats {
            let text = format!(
                "gc: done, {found} unreachable, 0 uncollectable, {:.4}s elapsed\n",
                started.elapsed().as_secs_f64()
            );
            self.write_sys_stderr(&text);
        }
        found
    }

    fn collect_garbage_quietly(&mut self) -> usize {
        self.run_finalizers();
        let mut found = crate::gc::collect();
        if crate::coro::finalize::recorded_here() {
            // Suspended generators the collection found are closed before it
            // returns, and what they kept alive is collected with them.
            self.close_collected();
            found = crate::gc::collect();
        }
        if queued() {
            self.run_finalizers();
            found = crate::gc::collect();
            self.run_finalizers();
        }
        self.save_garbage();
        found
    }

    /// Appends what a `DEBUG_SAVEALL` collection kept to `gc.garbage`.
    fn save_garbage(&mut self) {
        let saved = crate::gc::take_saved();
        if saved.is_empty() {
            return;
        }
        let gc_name = self.intern("gc");
        let garbage_name = self.intern("garbage");
        let module = self.modules.borrow().get_str(&gc_name).cloned();
        if let Some(Value::Module(m)) = module {
            if let Some(Value::List(l)) = m.dict.borrow().get_str(&garbage_name) {
                l.borrow_mut().extend(saved);
            }
        }
    }
}

/// Drops `v` as CPython would free it: a list or tuple that dies with it
/// releases its items last to first (so finalizers run in CPython's order).
#[inline]
pub(crate) fn release(v: Value) {
    // Most values a store replaces are ints and floats: nothing to walk.
    if v.is_scalar() {
        v.release();
    } else {
        release_depth(v, 0);
    }
}

fn release_depth(v: Value, depth: u32) {
    // Deep nesting falls back to the ordinary drop (which has its own limit).
    if depth > 32 {
        return;
    }
    match v {
        Value::List(l) if std::rc::Rc::strong_count(&l) == 1 => {
            let items = match l.try_borrow_mut() {
                Ok(mut items) => std::mem::take(&mut *items),
                Err(_) => return,
            };
            for x in items.into_iter().rev() {
                release_depth(x, depth + 1);
            }
        }
        Value::Tuple(t) => {
            if let Ok(items) = std::rc::Rc::try_unwrap(t) {
                for x in items.into_iter().rev() {
                    release_depth(x, depth + 1);
                }
            }
        }
        other => other.release(),
    }
}

/// Whether dropping an instance of `t` must run `__del__`.
pub(crate) fn has_finalizer(t: &std::rc::Rc<crate::types::TypeObj>) -> bool {
    crate::class::defines(t, D::Del)
}
