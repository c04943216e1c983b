//! `_lsprof`, the profiler behind `cProfile` (CPython's `Modules/_lsprof.c`).
//!
//! A `Profiler` installs itself as the `sys.setprofile` hook (so
//! `sys.getprofile()` is the profiler, as in CPython) and receives the
//! events of `sys_trace.rs` directly in Rust: `call`/`return` of Python
//! frames (keyed by code object) and, with `builtins=True`,
//! `c_call`/`c_return`/`c_exception` of builtin functions (keyed by the
//! builtin's definition, so `a.append` and `b.append` share an entry).
//! Each call pushes a context; its return charges the elapsed time to the
//! entry (total time once per outermost recursion level, inline time minus
//! the callees' time) and, with `subcalls=True`, to the caller's sub-entry
//! for the callee. `getstats()` gives `profiler_entry` and
//! `profiler_subentry` struct sequences, times in seconds.
//!
//! The `timer` argument is accepted but the clock is always the monotonic
//! high-resolution one (`time.perf_counter`'s).

use std::collections::HashMap;
use std::rc::Rc;
use std::time::Instant;

use crate::exc::{PyErr, PyResult};
use crate::frame_obj::FrameObj;
use crate::func::Args;
use crate::native::{
    borrow, class_of, native_methods, new_object, receiver, state_of, ClassSpec, SpecFlags,
};
use crate::sys_trace::HookKind;
use crate::types::TypeKind;
use crate::value::Value;
use crate::vm::Vm;

use super::structseq::{self, StructSeqType};

static ENTRY: StructSeqType = StructSeqType {
    name: "_lsprof.profiler_entry",
    fields: &[
        "code",
        "callcount",
        "reccallcount",
        "totaltime",
        "inlinetime",
        "calls",
    ],
    n_in_sequence: 6,
    constructible: true,
    fill: None,
};

static SUBENTRY: StructSeqType = StructSeqType {
    name: "_lsprof.profiler_subentry",
    fields: &[
        "code",
        "callcount",
        "reccallcount",
        "totaltime",
        "inlinetime",
    ],
    n_in_sequence: 5,
    constructible: true,
    fill: None,
};

native_methods!(PROFILER_M, "_lsprof.Profiler", [
    "__new__" => p_new, "enable" => p_enable, "disable" => p_disable,
    "clear" => p_clear, "getstats" => p_getstats,
]);
static PROFILER: ClassSpec = ClassSpec {
    name: "Profiler",
    module: "_lsprof",
    base: TypeKind::Object,
    methods: PROFILER_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

/// Times of one function, or of one callee under one caller.
#[derive(Default)]
struct Times {
    /// Total time (callees included), counted at the outermost level.
    tt: u128,
    /// Inline time (callees excluded).
    it: u128,
    callcount: i64,
    reccallcount: i64,
    recursion_level: i64,
}

impl Times {
    /// A call that took `tt` (of which `it` inline) returned.
    fn stop(&mut self, tt: u128, it: u128) {
        self.recursion_level -= 1;
        if self.recursion_level == 0 {
            self.tt += tt;
        } else {
            self.reccallcount += 1;
        }
        self.it += it;
        self.callcount += 1;
    }
}

/// One profiled function.
struct Entry {
    /// The code object, or the builtin's description string.
    user: Value,
    times: Times,
    /// Callees, in first-call order: (callee entry, times under this caller).
    calls: Vec<(usize, Times)>,
}

/// A call in progress.
struct Context {
    entry: usize,
    t0: u128,
    /// Time spent in callees.
    subt: u128,
}

/// The profiler's state.
struct Profiler {
    clock: Instant,
    entries: Vec<Entry>,
    index: HashMap<usize, usize>,
    stack: Vec<Context>,
    subcalls: bool,
    builtins: bool,
    enabled: bool,
}

impl Profiler {
    fn now(&self) -> u128 {
        self.clock.elapsed().as_nanos()
    }

    fn enter(&mut self, key: usize, user: impl FnOnce() -> Value) {
        let entry = match self.index.get(&key) {
            Some(&e) => e,
            None => {
                self.entries.push(Entry {
                    user: user(),
                    times: Times::default(),
                    calls: Vec::new(),
                });
                self.index.insert(key, self.entries.len() - 1);
                self.entries.len() - 1
            }
        };
        self.entries[entry].times.recursion_level += 1;
        if self.subcalls {
            if let Some(caller) = self.stack.last().map(|c| c.entry) {
                let calls = &mut self.entries[caller].calls;
                match calls.iter_mut().find(|(e, _)| *e == entry) {
                    Some((_, t)) => t.recursion_level += 1,
                    None => calls.push((
                        entry,
                        Times {
                            recursion_level: 1,
                            ..Times::default()
                        },
                    )),
                }
            }
        }
        let t0 = self.now();
        self.stack.push(Context { entry, t0, subt: 0 });
    }

    /// The return of the call on top of the stack. A return for a function
    /// with no entry (a frame running when profiling began) only pops.
    fn leave(&mut self, key: usize) {
        let Some(ctx) = self.stack.pop() else {
            return;
        };
        if !self.index.contains_key(&key) {
            return;
        }
        self.stop(ctx);
    }

    fn stop(&mut self, ctx: Context) {
        let tt = self.now().saturating_sub(ctx.t0);
        let it = tt.saturating_sub(ctx.subt);
        let caller = self.stack.last_mut().map(|c| {
            c.subt += tt;
            c.entry
        });
        self.entries[ctx.entry].times.stop(tt, it);
        if let (true, Some(caller)) = (self.subcalls, caller) {
            if let Some((_, t)) = self.entries[caller]
                .calls
                .iter_mut()
                .find(|(e, _)| *e == ctx.entry)
            {
                t.stop(tt, it);
            }
        }
    }

    /// Ends every call in progress (`flush_unmatched`).
    fn flush(&mut self) {
        while let Some(ctx) = self.stack.pop() {
            self.stop(ctx);
        }
    }
}

/// Builds the `_lsprof` module.
pub fn init(vm: &mut Vm) -> Value {
    let extra = vec![
        ("Profiler", Value::Type(class_of(vm, &PROFILER))),
        ("profiler_entry", structseq::class_value(vm, &ENTRY)),
        ("profiler_subentry", structseq::class_value(vm, &SUBENTRY)),
    ];
    super::new_module("_lsprof", &[], extra)
}

fn flag(vm: &mut Vm, a: &Args<'_>, i: usize, kw: &str) -> PyResult<bool> {
    match a.pos.get(i).or_else(|| a.kw(kw)) {
        Some(v) => vm.truthy(v),
        None => Ok(true),
    }
}

fn optional_flag(vm: &mut Vm, a: &Args<'_>, i: usize, kw: &str) -> PyResult<Option<bool>> {
    match a.pos.get(i).or_else(|| a.kw(kw)) {
        Some(v) => vm.truthy(v).map(Some),
        None => Ok(None),
    }
}

/// `Profiler(timer=None, timeunit=0.0, subcalls=True, builtins=True)`.
fn p_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(Value::Type(cls)) = a.pos.first() else {
        return Err(PyErr::type_error("Profiler.__new__(X): X is not a type"));
    };
    a.check_kw("Profiler", &["timer", "timeunit", "subcalls", "builtins"])?;
    let subcalls = flag(vm, &a, 3, "subcalls")?;
    let builtins = flag(vm, &a, 4, "builtins")?;
    Ok(new_object(
        cls,
        Profiler {
            clock: Instant::now(),
            entries: Vec::new(),
            index: HashMap::new(),
            stack: Vec::new(),
            subcalls,
            builtins,
            enabled: false,
        },
    ))
}

/// `enable(subcalls=-1, builtins=-1)`.
fn p_enable(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Profiler>(&a, "_lsprof.Profiler", "enable")?;
    a.check_kw("enable", &["subcalls", "builtins"])?;
    // Flags not given keep the values the profiler was made with.
    let subcalls = optional_flag(vm, &a, 1, "subcalls")?;
    let builtins = optional_flag(vm, &a, 2, "builtins")?;
    {
        let mut p = borrow(&st)?;
        if let Some(v) = subcalls {
            p.subcalls = v;
        }
        if let Some(v) = builtins {
            p.builtins = v;
        }
        p.enabled = true;
    }
    vm.set_hook(HookKind::Profile, Some(a.pos[0].clone()));
    Ok(Value::None)
}

/// `disable()`: removes the hook and ends the calls in progress.
fn p_disable(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Profiler>(&a, "_lsprof.Profiler", "disable")?;
    let mut p = borrow(&st)?;
    if p.enabled {
        p.enabled = false;
        drop(p);
        vm.set_hook(HookKind::Profile, None);
        borrow(&st)?.flush();
    }
    Ok(Value::None)
}

/// `clear()`: forgets every entry.
fn p_clear(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Profiler>(&a, "_lsprof.Profiler", "clear")?;
    let mut p = borrow(&st)?;
    p.entries.clear();
    p.index.clear();
    p.stack.clear();
    Ok(Value::None)
}

fn seconds(ns: u128) -> Value {
    Value::Float(ns as f64 * 1e-9)
}

/// An entry's fields without `calls`, and its sub-entries' fields.
type Row = (Vec<Value>, Option<Vec<Vec<Value>>>);

/// `getstats()`: a list of `profiler_entry`.
fn p_getstats(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Profiler>(&a, "_lsprof.Profiler", "getstats")?;
    let rows: Vec<Row> = {
        let p = borrow(&st)?;
        p.entries
            .iter()
            .map(|e| {
                let t = &e.times;
                let main = vec![
                    e.user.clone(),
                    Value::Int(t.callcount),
                    Value::Int(t.reccallcount),
                    seconds(t.tt),
                    seconds(t.it),
                ];
                let subs = (!e.calls.is_empty()).then(|| {
                    e.calls
                        .iter()
                        .map(|(callee, s)| {
                            vec![
                                p.entries[*callee].user.clone(),
                                Value::Int(s.callcount),
                                Value::Int(s.reccallcount),
                                seconds(s.tt),
                                seconds(s.it),
                            ]
                        })
                        .collect()
                });
                (main, subs)
            })
            .collect()
    };
    let mut out = Vec::with_capacity(rows.len());
    for (mut main, subs) in rows {
        let calls = match subs {
            Some(subs) => Value::list(
                subs.into_iter()
                    .map(|s| structseq::new(vm, &SUBENTRY, s))
                    .collect(),
            ),
            None => Value::None,
        };
        main.push(calls);
        out.push(structseq::new(vm, &ENTRY, main));
    }
    Ok(Value::list(out))
}

/// The description `cProfile` shows for a builtin (`normalizeUserObj`):
/// `<built-in method builtins.len>`, `<method 'append' of 'list' objects>`.
fn builtin_label(vm: &mut Vm, func: &Value) -> Value {
    let text = match func {
        Value::Builtin(b) if !b.is_method => {
            let module = if b.owner.is_empty() {
                "builtins"
            } else {
                b.owner
            };
            format!("<built-in method {module}.{}>", b.name)
        }
        Value::BoundBuiltin(b) if matches!(b.0, Value::Module(_)) => {
            let q = vm.intern("__name__");
            let module = vm
                .get_attr(&b.0, &q)
                .ok()
                .and_then(|m| match m {
                    Value::Str(s) => Some(s.as_str().to_string()),
                    _ => None,
                })
                .unwrap_or_default();
            format!("<built-in method {module}.{}>", b.1.name)
        }
        Value::BoundBuiltin(b) => {
            let t = Value::Type(crate::types::type_of(&b.0));
            let name = vm.intern(b.1.name);
            match vm.get_attr(&t, &name).and_then(|m| vm.repr_of(&m)) {
                Ok(r) => r,
                Err(_) => format!("<built-in method {}>", b.1.name),
            }
        }
        other => vm
            .repr_of(other)
            .unwrap_or_else(|_| "<built-in method>".to_string()),
    };
    Value::string(text)
}

/// A profile event for hook `func`, if it is a `Profiler`: handled here
/// (`Some`), else `None` and the hook is called as a Python function.
pub(crate) fn event(
    vm: &mut Vm,
    func: &Value,
    frame: &Rc<FrameObj>,
    event: &str,
    arg: &Value,
) -> Option<PyResult<()>> {
    let st = state_of::<Profiler>(func)?;
    let Ok(mut p) = st.try_borrow_mut() else {
        return Some(Ok(()));
    };
    match event {
        "call" => {
            let code = frame.code().clone();
            p.enter(Rc::as_ptr(&code) as usize, || Value::Code(code));
        }
        "return" => p.leave(Rc::as_ptr(frame.code()) as usize),
        "c_call" | "c_return" | "c_exception" if p.builtins => {
            let key = match arg {
                Value::Builtin(b) => *b as *const crate::func::BuiltinDef as usize,
                Value::BoundBuiltin(b) => b.1 as *const crate::func::BuiltinDef as usize,
                _ => return Some(Ok(())),
            };
            if event == "c_call" {
                if p.index.contains_key(&key) {
                    p.enter(key, || Value::None);
                } else {
                    drop(p);
                    let label = builtin_label(vm, arg);
                    let Ok(mut p) = st.try_borrow_mut() else {
                        return Some(Ok(()));
                    };
                    p.enter(key, || label);
                }
            } else {
                p.leave(key);
            }
        }
        _ => {}
    }
    Some(Ok(()))
}
