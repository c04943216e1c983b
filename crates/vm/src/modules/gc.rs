//! `gc`: CPython's `Modules/gcmodule.c`, the Python face of the cycle
//! collector in `crate::gc`.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::{module_functions, new_module};

module_functions!(GC_FUNCTIONS, "gc", [
    "collect" => g_collect, "disable" => g_disable, "enable" => g_enable,
    "freeze" => g_freeze, "get_count" => g_get_count, "get_debug" => g_get_debug, "get_freeze_count" => g_get_freeze_count,
    "get_objects" => g_get_objects, "get_referents" => g_get_referents,
    "get_referrers" => g_get_referrers,
    "get_stats" => g_get_stats, "get_threshold" => g_get_threshold,
    "is_finalized" => g_is_finalized, "is_tracked" => g_is_tracked,
    "isenabled" => g_isenabled, "set_debug" => g_set_debug,
    "set_threshold" => g_set_threshold, "unfreeze" => g_unfreeze,
]);

/// Builds the `gc` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module(
        "gc",
        GC_FUNCTIONS,
        vec![
            ("garbage", Value::list(Vec::new())),
            ("callbacks", Value::list(Vec::new())),
            ("DEBUG_STATS", Value::Int(1)),
            ("DEBUG_COLLECTABLE", Value::Int(2)),
            ("DEBUG_UNCOLLECTABLE", Value::Int(4)),
            ("DEBUG_SAVEALL", Value::Int(32)),
            ("DEBUG_LEAK", Value::Int(38)),
        ],
    )
}

fn no_args(a: &Args<'_>, name: &str) -> PyResult<()> {
    a.no_args(&format!("gc.{name}"))
}

fn one<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    a.no_kw_lazy(|| format!("gc.{name}"))?;
    match a.pos {
        [x] => Ok(x),
        _ => Err(PyErr::type_error(format!(
            "gc.{}() takes exactly one argument ({} given)",
            name,
            a.pos.len()
        ))),
    }
}

fn g_collect(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.check_kw("collect", &["generation"])?;
    let generation = a.pos.first().or_else(|| a.kw("generation"));
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "collect() takes at most 1 argument ({} given)",
            a.pos.len()
        )));
    }
    let mut gen = 2;
    if let Some(g) = generation {
        let g = crate::ops::index_of(g).ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(g)
            ))
        })?;
        if !(0..=2).contains(&g) {
            return Err(PyErr::value_error("invalid generation"));
        }
        gen = g;
    }
    run_callbacks(vm, "start", gen, 0)?;
    vm.flush();
    let collected = vm.collect_garbage() as i64;
    // A full collection is far more work than the steps it is counted as,
    // so a thread looping on it would hold the interpreter for many
    // collections per switch interval: end the interval here instead.
    vm.end_switch_interval();
    run_callbacks(vm, "stop", gen, collected)?;
    Ok(Value::Int(collected))
}

/// Calls each function in `gc.callbacks` with `phase` ("start" or "stop") and
/// the info dict CPython passes (`generation`, `collected`, `uncollectable`);
/// a callback's exception is reported and the next callback still runs.
fn run_callbacks(vm: &mut Vm, phase: &str, generation: i64, collected: i64) -> PyResult<()> {
    let gc_name = vm.intern("gc");
    let Some(Value::Module(m)) = vm.modules.borrow().get_str(&gc_name).cloned() else {
        return Ok(());
    };
    let key = vm.intern("callbacks");
    let callbacks = match m.dict.borrow().get_str(&key) {
        Some(Value::List(l)) => l.borrow().clone(),
        _ => return Ok(()),
    };
    for cb in callbacks {
        let mut info = crate::dict::Dict::new();
        info.insert(Value::str("generation"), Value::Int(generation))?;
        info.insert(Value::str("collected"), Value::Int(collected))?;
        info.insert(Value::str("uncollectable"), Value::Int(0))?;
        let info = Value::Dict(std::rc::Rc::new(std::cell::RefCell::new(info)));
        if let Err(e) = vm.call(&cb, &[Value::str(phase), info]) {
            vm.write_unraisable("in", &cb, &e);
        }
    }
    Ok(())
}

fn g_get_debug(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "get_debug")?;
    Ok(Value::Int(i64::from(crate::gc::debug_flags())))
}

/// `gc.set_debug(flags)`: `DEBUG_STATS` reports each collection on
/// `sys.stderr`, `DEBUG_SAVEALL` keeps what collections find in `gc.garbage`.
/// `DEBUG_COLLECTABLE` and `DEBUG_UNCOLLECTABLE` are kept for `get_debug`
/// (Pith has no uncollectable objects; it does not list collectable ones).
fn g_set_debug(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let flags = one(&a, "set_debug")?;
    let n = crate::ops::index_of(flags).ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(flags)
        ))
    })?;
    let n = i32::try_from(n)
        .map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?;
    crate::gc::set_debug_flags(n as u32);
    Ok(Value::None)
}

fn g_enable(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "enable")?;
    crate::gc::set_enabled(true);
    Ok(Value::None)
}

fn g_disable(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "disable")?;
    crate::gc::set_enabled(false);
    Ok(Value::None)
}

fn g_isenabled(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "isenabled")?;
    Ok(Value::Bool(crate::gc::is_enabled()))
}

fn g_get_count(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "get_count")?;
    Ok(Value::tuple(vec![
        Value::Int(crate::gc::count() as i64),
        Value::Int(0),
        Value::Int(0),
    ]))
}

fn g_get_threshold(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "get_threshold")?;
    let (t0, t1, t2) = crate::gc::threshold();
    Ok(Value::tuple(vec![
        Value::Int(t0),
        Value::Int(t1),
        Value::Int(t2),
    ]))
}

fn g_set_threshold(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("gc.set_threshold")?;
    if a.pos.is_empty() || a.pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "set_threshold() takes {} arguments ({} given)",
            if a.pos.is_empty() {
                "at least 1"
            } else {
                "at most 3"
            },
            a.pos.len()
        )));
    }
    let mut t = crate::gc::threshold();
    let mut vals = [0i64; 3];
    for (slot, v) in vals.iter_mut().zip(a.pos) {
        *slot = match v {
            Value::Int(i) => *i,
            Value::Bool(b) => i64::from(*b),
            other => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(other)
                )))
            }
        };
    }
    t.0 = vals[0];
    if a.pos.len() > 1 {
        t.1 = vals[1];
    }
    if a.pos.len() > 2 {
        t.2 = vals[2];
    }
    crate::gc::set_threshold(t);
    Ok(Value::None)
}

fn g_get_objects(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.check_kw("get_objects", &["generation"])?;
    Ok(Value::list(crate::gc::objects()))
}

fn g_get_referents(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("gc.get_referents")?;
    let mut out = Vec::new();
    for v in a.pos {
        traverse(v, &mut out);
    }
    Ok(Value::list(out))
}

/// What CPython's `tp_traverse` of `v` visits, in its order: every item of a
/// container, atoms included (the collector's own [`crate::gc::referents`]
/// skips atoms, which cannot form cycles).
fn traverse(v: &Value, out: &mut Vec<Value>) {
    match v {
        // `list_traverse` and `tupletraverse` walk from the last item.
        Value::List(l) => {
            if let Ok(l) = l.try_borrow() {
                out.extend(l.iter().rev().cloned());
            }
        }
        Value::Tuple(t) => out.extend(t.iter().rev().cloned()),
        Value::Dict(d) => {
            if let Ok(d) = d.try_borrow() {
                // A table of str keys visits only its values; a general one
                // each value and then its key.
                let str_keys = d.keys().all(|k| matches!(k, Value::Str(_)));
                for (k, x) in d.iter() {
                    out.push(x.clone());
                    if !str_keys {
                        out.push(k.clone());
                    }
                }
            }
        }
        Value::Set(d) => {
            if let Ok(d) = d.try_borrow() {
                out.extend(d.keys().cloned());
            }
        }
        Value::FrozenSet(d) => out.extend(d.keys().cloned()),
        Value::Int(_)
        | Value::BigInt(_)
        | Value::Bool(_)
        | Value::Float(_)
        | Value::Complex(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::None => {}
        _ => crate::gc::referents(v, out),
    }
}

/// `gc.get_referrers(*objs)`: the tracked objects that refer to any of `objs`.
fn g_get_referrers(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("gc.get_referrers")?;
    let mut found = Vec::new();
    let mut referents = Vec::new();
    for candidate in crate::gc::objects() {
        referents.clear();
        crate::gc::referents(&candidate, &mut referents);
        if referents.iter().any(|r| a.pos.iter().any(|o| r.is(o))) {
            found.push(candidate);
        }
    }
    Ok(Value::list(found))
}

fn g_get_stats(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "get_stats")?;
    let gens = crate::gc::stats()
        .into_iter()
        .map(|(c, n)| {
            let mut d = crate::dict::Dict::new();
            for (k, v) in [("collections", c), ("collected", n), ("uncollectable", 0)] {
                let _ = d.insert(Value::str(k), Value::Int(v as i64));
            }
            Value::dict(d)
        })
        .collect();
    Ok(Value::list(gens))
}

fn g_is_tracked(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(crate::gc::is_tracked(one(&a, "is_tracked")?)))
}

fn g_is_finalized(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    one(&a, "is_finalized")?;
    Ok(Value::Bool(false))
}

fn g_freeze(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "freeze")?;
    Ok(Value::None)
}

fn g_unfreeze(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "unfreeze")?;
    Ok(Value::None)
}

fn g_get_freeze_count(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "get_freeze_count")?;
    Ok(Value::Int(0))
}
