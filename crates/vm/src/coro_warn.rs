//! The `RuntimeWarning` CPython prints when a coroutine that never ran is
//! freed ("coroutine 'f' was never awaited").
//!
//! A coroutine's `Drop` cannot reach the VM, so it records the coroutine's name
//! in a per-thread list; the eval loop reports the list right after the
//! instructions that free values (`POP_TOP`, a frame's return, stores and
//! deletes of names), with the location of that instruction, as CPython's
//! `warnings` module does for the frame running when the object died. The
//! ones still referenced by the main module's globals at the end are reported
//! as CPython's shutdown reports them (`sys:1:`). Each location reports a
//! message once (the `default` action of the warnings filter).

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::code::Code;
use crate::dict::Dict;
use crate::value::Value;
use crate::vm::Vm;

/// Names recorded on all threads and not yet reported: the eval loop's cheap
/// test. Another thread's entries only cost this thread a look at its own list.
static RECORDED: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static PENDING: RefCell<Vec<Rc<str>>> = const { RefCell::new(Vec::new()) };
    /// `(file, line, message)` already reported (`__warningregistry__`).
    static SHOWN: RefCell<HashSet<(String, i32, String)>> = RefCell::new(HashSet::new());
}

/// Records that a coroutine named `qualname` was freed without being awaited.
pub fn never_awaited(qualname: &str) {
    PENDING.with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            p.push(qualname.into());
            RECORDED.fetch_add(1, Ordering::Relaxed);
        }
    });
}

/// Whether some thread has recorded an unreported coroutine.
#[inline(always)]
pub(crate) fn pending() -> bool {
    RECORDED.load(Ordering::Relaxed) != 0
}

/// Forgets what earlier runs on this thread recorded.
pub(crate) fn forget_pending() {
    take_pending();
}

fn take_pending() -> Vec<Rc<str>> {
    PENDING.with(|p| {
        let taken = p
            .try_borrow_mut()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default();
        RECORDED.fetch_sub(taken.len(), Ordering::Relaxed);
        taken
    })
}

fn first_time(file: &str, line: i32, msg: &str) -> bool {
    SHOWN.with(|s| {
        s.try_borrow_mut()
            .map(|mut s| s.insert((file.to_string(), line, msg.to_string())))
            .unwrap_or(false)
    })
}

/// How deep the exit scan looks into containers held by the globals.
const SCAN_DEPTH: usize = 4;

fn collect_dict(d: &Rc<RefCell<Dict>>, depth: usize, out: &mut Vec<Rc<str>>) {
    if let Ok(d) = d.try_borrow() {
        for (_, v) in d.iter() {
            collect(v, depth, out);
        }
    }
}

/// Never-started coroutines reachable from `v` through lists, tuples, dicts and
/// instance attributes, in the order freeing `v` would free them.
fn collect(v: &Value, depth: usize, out: &mut Vec<Rc<str>>) {
    if depth > SCAN_DEPTH {
        return;
    }
    match v {
        Value::Async(a) => out.extend(crate::coro::unawaited_name(a)),
        Value::List(l) => {
            if let Ok(l) = l.try_borrow() {
                for x in l.iter() {
                    collect(x, depth + 1, out);
                }
            }
        }
        Value::Tuple(t) => t.iter().for_each(|x| collect(x, depth + 1, out)),
        Value::Dict(d) => collect_dict(d, depth + 1, out),
        Value::Instance(_) => {
            if let Some(d) = crate::attr::instance_dict(v) {
                collect_dict(&d, depth + 1, out);
            }
        }
        _ => {}
    }
}

fn message(name: &str) -> String {
    format!("coroutine '{name}' was never awaited")
}

impl Vm {
    /// Reports the recorded coroutines at instruction `ip` of `code`.
    #[cold]
    #[inline(never)]
    pub(crate) fn warn_unawaited(&mut self, code: &Rc<Code>, ip: u32) {
        let names = take_pending();
        if names.is_empty() {
            return;
        }
        let file = code.raw.filename.to_string_lossy().into_owned();
        let line = code.positions(ip).0.unwrap_or(-1);
        for name in names {
            let msg = message(&name);
            if !first_time(&file, line, &msg) {
                continue;
            }
            let mut out = format!("{file}:{line}: RuntimeWarning: {msg}\n");
            if let Some(src) = self.source_line(&file, line) {
                let src = src.trim();
                if !src.is_empty() {
                    out.push_str("  ");
                    out.push_str(src);
                    out.push('\n');
                }
            }
            out.push_str(
                "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
            );
            self.write_warning(&out);
        }
    }

    /// Reports the recorded coroutines at the instruction the current frame is
    /// running (after a callee's frame was freed).
    #[cold]
    #[inline(never)]
    pub(crate) fn warn_unawaited_caller(&mut self) {
        let Some(f) = self.frames.last() else {
            return;
        };
        let code = f.code.clone();
        let ip = f.ip.saturating_sub(1) as u32;
        // A returning frame frees its stack top first, CPython its locals in order.
        PENDING.with(|p| {
            if let Ok(mut p) = p.try_borrow_mut() {
                p.reverse();
            }
        });
        self.warn_unawaited(&code, ip);
    }

    /// At the end of a program: reports what is still recorded and the
    /// never-started coroutines the main module's globals hold (CPython frees
    /// them at shutdown, with no frame: `sys:1:`), then forgets this run's state.
    pub(crate) fn warn_unawaited_at_exit(&mut self, globals: &Rc<RefCell<Dict>>) {
        let mut names = take_pending();
        collect_dict(globals, 0, &mut names);
        for name in names {
            let msg = message(&name);
            if first_time("sys", 1, &msg) {
                self.write_warning(&format!("sys:1: RuntimeWarning: {msg}\n"));
            }
        }
        SHOWN.with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                s.clear();
            }
        });
    }

    fn write_warning(&mut self, text: &str) {
        let _ = self.stderr.write_all(text.as_bytes());
        let _ = self.stderr.flush();
    }
}

use std::io::Write;
