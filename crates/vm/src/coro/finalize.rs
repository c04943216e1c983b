//! What CPython does when a coroutine or async generator is freed: the
//! `RuntimeWarning` "coroutine 'f' was never awaited" for one that never ran,
//! and `close()` for one suspended mid-way (its `finally` blocks run; an error
//! is printed as "Exception ignored in: ...").
//!
//! An object's `Drop` cannot reach the VM, so it records the event in a
//! per-thread list; the eval loop handles the list right after the
//! instructions that free values (`POP_TOP`, a frame's return, stores and
//! deletes of names), with the location of that instruction, as CPython's
//! `warnings` module does for the frame running when the object died. The
//! objects still referenced by the main module's globals at the end are
//! handled as CPython's shutdown does (warnings located at `sys:1:`). Each
//! location reports a message once (the `default` action of the warnings
//! filter).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::code::Code;
use crate::coro::Flavor;
use crate::dict::Dict;
use crate::gen::{GenObj, GenState};
use crate::value::Value;
use crate::vm::Vm;

/// Names recorded on all threads and not yet reported: the eval loop's cheap
/// test. Another thread's entries only cost this thread a look at its own list.
static RECORDED: AtomicUsize = AtomicUsize::new(0);

/// Something a freed object left for the VM to do.
enum Event {
    /// Warn that a coroutine was never awaited.
    Unawaited {
        /// Its `__qualname__`.
        name: Rc<str>,
        /// Its `cr_origin`.
        origin: Value,
        /// The coroutine, for `warnings._warn_unawaited_coroutine`.
        coro: Value,
    },
    /// Close this suspended frame; `repr` names its object in an error report.
    Close {
        gen: Rc<GenObj>,
        flavor: Flavor,
        repr: String,
    },
}

thread_local! {
    static PENDING: RefCell<Vec<Event>> = const { RefCell::new(Vec::new()) };
    /// `(file, line, message)` already reported (`__warningregistry__`).
    static SHOWN: RefCell<HashSet<(String, i32, String)>> = RefCell::new(HashSet::new());
}

fn record(e: Event) {
    let mut e = Some(e);
    // `try_with`: objects freed while the thread's storage is torn down are
    // not reported.
    let _ = PENDING.try_with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            if let Some(e) = e.take() {
                p.push(e);
                RECORDED.fetch_add(1, Ordering::Relaxed);
                crate::finalize::mark_due();
            }
        }
    });
    if let Some(e) = e {
        discard(e);
    }
}

/// Drops an event without handling it: a frame to close is marked finished
/// first, so that freeing it records nothing again.
fn discard(e: Event) {
    if let Event::Close { gen, .. } = &e {
        if let Ok(mut st) = gen.state.try_borrow_mut() {
            st.done = true;
        }
    }
}

/// What kind of object a frame belongs to, from its code's flags.
pub(crate) fn flavor_of(code: &Code) -> (Flavor, &'static str) {
    if code.flags.contains(pith_bytecode::CodeFlags::COROUTINE) {
        (Flavor::Coroutine, "coroutine")
    } else if code
        .flags
        .contains(pith_bytecode::CodeFlags::ASYNC_GENERATOR)
    {
        (Flavor::AsyncGen, "async_generator")
    } else {
        (Flavor::Generator, "generator")
    }
}

/// `_PyGen_Finalize`: a generator, coroutine or async generator freed while
/// suspended is closed, so its `finally` blocks and `except GeneratorExit`
/// handlers run. The frame's state moves into a fresh object that the VM
/// closes at its next chance. A frame suspended outside any handler would
/// only be unwound by `close()`, so it is simply dropped.
impl Drop for GenObj {
    fn drop(&mut self) {
        let addr = self as *const GenObj as usize;
        let Some((flavor, kind)) = needs_close(&self.code, self.state.get_mut()) else {
            return;
        };
        let repr = object_repr(kind, self, addr);
        let state = std::mem::take(self.state.get_mut());
        let mut gen = GenObj::new(self.code.clone(), self.globals.clone(), state);
        *gen.renamed.get_mut() = self.renamed.get_mut().take();
        gen.names = self.names.take();
        close_later(Rc::new(gen), flavor, repr);
    }
}

/// Whether the frame of `code` (state `st`) is suspended inside a handler, so
/// that finalizing it must `close()` it; its flavor and kind if so.
fn needs_close(code: &Code, st: &GenState) -> Option<(Flavor, &'static str)> {
    if !st.started || st.done || st.running {
        return None;
    }
    let at = st.ip.saturating_sub(1) as u32;
    code.handler_for(at)?;
    Some(flavor_of(code))
}

/// The repr of `gen`, at `addr`, as the object it was (`kind`).
fn object_repr(kind: &str, gen: &GenObj, addr: usize) -> String {
    format!("<{kind} object {} at {:#x}>", gen.qualname().as_str(), addr)
}

/// The cycle collector's `tp_finalize` for an unreachable generator,
/// coroutine or async generator (PEP 442): one suspended inside a handler is
/// recorded to be closed, intact, before the cycle is cleared. Whether it was.
pub(crate) fn finalize_unreachable(gen: &Rc<GenObj>) -> bool {
    let found = match gen.state.try_borrow() {
        Ok(st) => needs_close(&gen.code, &st),
        Err(_) => None,
    };
    let Some((flavor, kind)) = found else {
        return false;
    };
    let repr = object_repr(kind, gen, Rc::as_ptr(gen) as usize);
    close_later(gen.clone(), flavor, repr);
    true
}

/// Records that coroutine `coro`, named `qualname` and created at `origin`,
/// was freed without being awaited.
pub(crate) fn never_awaited(qualname: &str, origin: Value, coro: Value) {
    record(Event::Unawaited {
        name: qualname.into(),
        origin,
        coro,
    });
}

/// Records that a suspended frame lost its object and must be closed.
pub(crate) fn close_later(gen: Rc<GenObj>, flavor: Flavor, repr: String) {
    record(Event::Close { gen, flavor, repr });
}

/// Whether some thread has recorded an unreported coroutine.
#[inline(always)]
pub(crate) fn pending() -> bool {
    RECORDED.load(Ordering::Relaxed) != 0
}

/// Whether this thread holds unreported events.
pub(crate) fn recorded_here() -> bool {
    PENDING
        .try_with(|p| p.try_borrow().is_ok_and(|p| !p.is_empty()))
        .unwrap_or(false)
}

/// Forgets what earlier runs on this thread recorded, including what freeing
/// those records records in turn.
pub(crate) fn forget_pending() {
    for _ in 0..64 {
        let events = take_pending();
        if events.is_empty() {
            break;
        }
        events.into_iter().for_each(discard);
    }
}

fn take_pending() -> Vec<Event> {
    let events = PENDING
        .try_with(|p| {
            let taken = p
                .try_borrow_mut()
                .map(|mut p| std::mem::take(&mut *p))
                .unwrap_or_default();
            RECORDED.fetch_sub(taken.len(), Ordering::Relaxed);
            taken
        })
        .unwrap_or_default();
    crate::finalize::refresh_due();
    events
}

fn first_time(file: &str, line: i32, msg: &str) -> bool {
    SHOWN
        .try_with(|s| {
            s.try_borrow_mut()
                .map(|mut s| s.insert((file.to_string(), line, msg.to_string())))
                .unwrap_or(false)
        })
        .unwrap_or(false)
}

/// How deep the exit scan looks into containers held by the globals.
const SCAN_DEPTH: usize = 4;

/// The containers the exit scan has entered, each with the shallowest depth
/// it was entered at. Object graphs share containers (a memo table and the
/// nodes it holds point at each other), so without it the scan walks every
/// path and its cost grows with their number instead of with the heap.
type Seen = HashMap<usize, usize>;

/// Whether the container at address `id` still needs scanning at `depth`:
/// entered before only at this depth or deeper means nothing new is reachable.
fn first_visit(id: usize, depth: usize, seen: &mut Seen) -> bool {
    match seen.get_mut(&id) {
        Some(d) if *d <= depth => false,
        Some(d) => {
            *d = depth;
            true
        }
        None => {
            seen.insert(id, depth);
            true
        }
    }
}

fn collect_dict(d: &Rc<RefCell<Dict>>, depth: usize, out: &mut Vec<Event>, seen: &mut Seen) {
    if !first_visit(Rc::as_ptr(d) as *const u8 as usize, depth, seen) {
        return;
    }
    if let Ok(d) = d.try_borrow() {
        for (_, v) in d.iter() {
            collect(v, depth, out, seen);
        }
    }
}

/// Never-started coroutines and suspended coroutines and async generators
/// reachable from `v` through lists, tuples, dicts and instance attributes, in
/// the order freeing `v` would free them.
fn collect(v: &Value, depth: usize, out: &mut Vec<Event>, seen: &mut Seen) {
    if depth > SCAN_DEPTH {
        return;
    }
    match v {
        Value::Async(a) => {
            if let Some((name, origin)) = crate::coro::unawaited(a) {
                out.push(Event::Unawaited {
                    name,
                    origin,
                    coro: v.clone(),
                });
            } else if let Some((gen, flavor)) = crate::coro::suspended(a) {
                out.push(Event::Close {
                    gen,
                    flavor,
                    repr: crate::coro::repr(a, &format!("{:#x}", v.identity())),
                });
            }
        }
        Value::Generator(g) => {
            let suspended = g
                .state
                .try_borrow()
                .is_ok_and(|st| st.started && !st.done && !st.running);
            if suspended {
                out.push(Event::Close {
                    gen: g.clone(),
                    flavor: Flavor::Generator,
                    repr: crate::repr::repr(v),
                });
            }
        }
        Value::List(l) => {
            if !first_visit(v.identity(), depth, seen) {
                return;
            }
            if let Ok(l) = l.try_borrow() {
                for x in l.iter() {
                    collect(x, depth + 1, out, seen);
                }
            }
        }
        Value::Tuple(t) => {
            if !first_visit(v.identity(), depth, seen) {
                return;
            }
            t.iter().for_each(|x| collect(x, depth + 1, out, seen));
        }
        Value::Dict(d) => collect_dict(d, depth + 1, out, seen),
        Value::Instance(_) => {
            if let Some(d) = crate::attr::instance_attrs(v) {
                collect_dict(&d, depth + 1, out, seen);
            }
        }
        _ => {}
    }
}

impl Vm {
    /// The warning's text, as `warnings._warn_unawaited_coroutine` writes it:
    /// with the frames of `cr_origin`, outermost first, when it was tracked.
    fn unawaited_message(&mut self, name: &str, origin: &Value) -> String {
        let mut msg = format!("coroutine '{name}' was never awaited");
        let Value::Tuple(frames) = origin else {
            return msg;
        };
        msg.push_str("\nCoroutine created at (most recent call last)");
        for frame in frames.iter().rev() {
            let Value::Tuple(t) = frame else { continue };
            let (Some(Value::Str(file)), Some(&Value::Int(line)), Some(Value::Str(func))) =
                (t.first(), t.get(1), t.get(2))
            else {
                continue;
            };
            let (file, func) = (file.as_str(), func.as_str());
            msg.push_str(&format!("\n  File \"{file}\", line {line}, in {func}"));
            let src = i32::try_from(line)
                .ok()
                .and_then(|l| self.source_line(file, l));
            if let Some(src) = src {
                let src = src.trim();
                if !src.is_empty() {
                    msg.push_str("\n    ");
                    msg.push_str(src);
                }
            }
        }
        msg
    }

    /// Handles the recorded events at instruction `ip` of `code`.
    #[cold]
    #[inline(never)]
    pub(crate) fn warn_unawaited(&mut self, code: &Rc<Code>, ip: u32) {
        self.handle_freed(code, ip);
    }

    /// Handles the recorded events at instruction `ip` of `code`, which is
    /// raising an exception: the `lasti` a `RERAISE` left for the handler is
    /// kept from the frames that closing runs.
    #[cold]
    #[inline(never)]
    pub(crate) fn warn_unawaited_raising(&mut self, code: &Rc<Code>, ip: u32) {
        let lasti = self.reraise_lasti.take();
        self.handle_freed(code, ip);
        self.reraise_lasti = lasti;
    }

    fn handle_freed(&mut self, code: &Rc<Code>, ip: u32) {
        let events = take_pending();
        if events.is_empty() {
            return;
        }
        let file = code.raw.filename.to_string_lossy().into_owned();
        let line = code.positions(ip).0.unwrap_or(-1);
        for ev in events {
            let (name, origin) = match ev {
                Event::Unawaited { coro, .. } if self.python_warnings() => {
                    self.warn_unawaited_python(&coro);
                    continue;
                }
                Event::Unawaited { name, origin, .. } => (name, origin),
                Event::Close { gen, flavor, repr } => {
                    self.close_freed(&gen, flavor, &repr, Some((code, ip)));
                    continue;
                }
            };
            let msg = self.unawaited_message(&name, &origin);
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

    /// Closes the frames a collection found unreachable (and handles any other
    /// recorded event) at the instruction the current frame is running, in
    /// the order the collector met them.
    pub(crate) fn close_collected(&mut self) {
        let Some(f) = self.frames.last() else {
            return;
        };
        let code = f.code.clone();
        let ip = f.ip.saturating_sub(1) as u32;
        self.handle_freed(&code, ip);
    }

    /// Reports the recorded coroutines at the instruction the current frame is
    /// running (after a callee's frame was freed).
    #[cold]
    #[inline(never)]
    pub(crate) fn warn_unawaited_caller(&mut self) {
        if self.frames.is_empty() {
            return;
        }
        // A returning frame frees its stack top first, CPython its locals in order.
        let _ = PENDING.try_with(|p| {
            if let Ok(mut p) = p.try_borrow_mut() {
                p.reverse();
            }
        });
        self.close_collected();
    }

    /// At the end of a program: reports what is still recorded and the
    /// never-started coroutines the main module's globals hold (CPython frees
    /// them at shutdown, with no frame: `sys:1:`), then forgets this run's state.
    pub(crate) fn warn_unawaited_at_exit(&mut self, globals: &Rc<RefCell<Dict>>) {
        let mut events = take_pending();
        collect_dict(globals, 0, &mut events, &mut Seen::new());
        for ev in events {
            match ev {
                Event::Unawaited { name, origin, .. } => {
                    let msg = self.unawaited_message(&name, &origin);
                    if first_time("sys", 1, &msg) {
                        self.write_warning(&format!("sys:1: RuntimeWarning: {msg}\n"));
                    }
                }
                Event::Close { gen, flavor, repr } => self.close_freed(&gen, flavor, &repr, None),
            }
        }
        // Anything freed while closing is not reported after the run.
        forget_pending();
        let _ = SHOWN.try_with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                s.clear();
            }
        });
    }

    /// `_PyGen_Finalize`: closes a frame whose object died at instruction
    /// `at` (none at exit). An error is "unraisable": printed without its
    /// chain, located at `at` when it has no traceback of its own
    /// (`PyErr_WriteUnraisable`).
    fn close_freed(
        &mut self,
        gen: &Rc<GenObj>,
        flavor: Flavor,
        repr: &str,
        at: Option<(&Rc<Code>, u32)>,
    ) {
        let r = self.close_gen(gen, flavor);
        // Freed even when it refuses to close: nothing closes it again.
        if let Ok(mut st) = gen.state.try_borrow_mut() {
            st.done = true;
            if !st.running {
                st.values = Vec::new();
            }
        }
        if let Err(e) = r {
            *e.0.context.borrow_mut() = None;
            *e.0.cause.borrow_mut() = None;
            if let Some((code, ip)) = at {
                let mut tb = e.0.traceback.borrow_mut();
                if let (true, Some(frame)) = (tb.is_empty(), self.frames.last()) {
                    tb.push(crate::exc::TbEntry {
                        code: code.clone(),
                        ip,
                        frame_ip: ip,
                        depth: (self.frames.len() - 1) as u32,
                        globals: frame.globals.clone(),
                        given: None,
                        locals: None,
                    });
                }
            }
            match flavor {
                Flavor::Generator => {
                    self.unraisable(None, &Value::Generator(gen.clone()), &e);
                }
                _ => self.unraisable_shown(None, &Value::None, Some(repr), &e),
            }
        }
    }

    /// Whether never-awaited warnings go through the `warnings` module, as
    /// they do once a program could have changed its filters or hooks. When
    /// nothing loaded it, the default filters' output is written here
    /// without importing it.
    fn python_warnings(&mut self) -> bool {
        matches!(self.warnings_module(false), Ok(Some(_)))
    }

    /// `_PyErr_WarnUnawaitedCoroutine`: `warnings._warn_unawaited_coroutine(coro)`,
    /// an error from which is unraisable.
    fn warn_unawaited_python(&mut self, coro: &Value) {
        let r = match self.warnings_module(true) {
            Ok(Some(m)) => {
                let name = self.intern("_warn_unawaited_coroutine");
                self.get_attr(&m, &name)
                    .and_then(|f| self.call(&f, std::slice::from_ref(coro)))
            }
            Ok(None) => return,
            Err(e) => Err(e),
        };
        if let Err(e) = r {
            self.unraisable(None, coro, &e);
        }
    }

    fn write_warning(&mut self, text: &str) {
        let _ = self.stderr.write_all(text.as_bytes());
        let _ = self.stderr.flush();
    }
}

use std::io::Write;
