//! The order in which `__del__` runs at exit for what `__main__` keeps alive.
//!
//! CPython removes `__main__` from `sys.modules` at shutdown. When its globals
//! are in a cycle (a function or class defined there holds them, the usual
//! case), the final collection frees them as garbage, and every finalizer runs
//! while the globals are still intact: a `__del__` may print through a global
//! name. What such programs print depends on that collection's order, which
//! this module reproduces from the object graph:
//!
//! 1. First, in creation order, the instances whose holder (the globals, a list
//!    that was appended to, an instance attribute) existed before they did:
//!    the collector's finalizer pass meets them first.
//! 2. Then the rest, as the collector clears their holders in the order the
//!    holders were created (a tuple, a class or a function's `__dict__` right
//!    after what it holds): a list or tuple lets its items go last to first,
//!    a dict in insertion order.
//!
//! When no function or generator holds the globals, they are freed by
//! reference counting instead, and `Vm::finalize_main` clears them in order
//! as before.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::dict::Dict;
use crate::value::Value;

/// Instances with a finalizer still to run, in the order CPython's shutdown
/// collection runs them; empty when the globals are not in a cycle.
pub(crate) fn finalizer_order(globals: &Rc<RefCell<Dict>>) -> Vec<Value> {
    let roots: Vec<Value> = match globals.try_borrow() {
        Ok(g) => g
            .iter()
            .filter(|(k, _)| !matches!(k, Value::Str(s) if s.as_str() == "__builtins__"))
            .map(|(_, v)| v.clone())
            .collect(),
        Err(_) => return Vec::new(),
    };
    let main = Value::Dict(globals.clone()).identity();

    // First walk: whether the globals are in a cycle and hold a finalizer,
    // and which objects hold each instance.
    let mut edges: Vec<(Value, usize)> = Vec::new();
    let mut seen: HashSet<usize> = HashSet::new();
    let mut cyclic = false;
    let mut finalizable = false;
    let mut stack: Vec<Value> = roots.clone();
    let mut kids = Vec::new();
    seen.insert(main);
    while let Some(v) = stack.pop() {
        if !seen.insert(v.identity()) {
            continue;
        }
        kids.clear();
        children(&v, &mut kids);
        match &v {
            Value::Function(f) if f.globals.as_ptr() == globals.as_ptr() => cyclic = true,
            Value::Generator(g) if g.globals.as_ptr() == globals.as_ptr() => cyclic = true,
            Value::Instance(i) => {
                finalizable |= !i.finalized.get() && crate::finalize::has_finalizer(&i.class());
            }
            _ => {}
        }
        for k in &kids {
            if let Value::Instance(_) = k {
                edges.push((v.clone(), k.identity()));
            }
        }
        stack.append(&mut kids);
    }
    if !cyclic || !finalizable {
        return Vec::new();
    }

    // Position of each tracked container in the collector's registry: the
    // order objects were created in.
    let created: HashMap<usize, usize> = crate::gc::objects()
        .iter()
        .enumerate()
        .map(|(i, v)| (v.identity(), i))
        .collect();
    let rank = |v: &Value| -> usize {
        if v.identity() == main {
            return 0;
        }
        match v {
            // Immutable containers are always built after their items.
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Instance(_) => {
                created.get(&v.identity()).copied().unwrap_or(usize::MAX)
            }
            _ => usize::MAX,
        }
    };
    // Each instance's earliest holder (the globals count as the first).
    let mut earliest: HashMap<usize, usize> = HashMap::new();
    for r in &roots {
        if let Value::Instance(_) = r {
            earliest.insert(r.identity(), 0);
        }
    }
    for (holder, inst) in &edges {
        let e = earliest.entry(*inst).or_insert(usize::MAX);
        *e = (*e).min(rank(holder));
    }
    drop(edges);

    // Second walk: each instance with its holder's creation key (twice the
    // registry position; an object made right after its contents, a tuple or
    // a class, gets the key just past its newest content).
    let key_of = |v: &Value, kids: &[Value]| -> usize {
        match v {
            Value::Tuple(_) | Value::FrozenSet(_) | Value::Type(_) | Value::Function(_) => {
                let newest = kids
                    .iter()
                    .map(&rank)
                    .filter(|&r| r != usize::MAX)
                    .max()
                    .unwrap_or(0);
                newest.saturating_mul(2).saturating_add(1)
            }
            _ => rank(v).saturating_mul(2),
        }
    };
    let mut order: Vec<(usize, Value)> = Vec::new();
    let mut cascade: Vec<(usize, usize, Value)> = Vec::new();
    seen.clear();
    seen.insert(main);
    let mut stack: Vec<(Value, usize)> = roots.iter().rev().map(|v| (v.clone(), 0)).collect();
    while let Some((v, holder)) = stack.pop() {
        if !seen.insert(v.identity()) {
            continue;
        }
        if let Value::Instance(i) = &v {
            if !i.finalized.get() && crate::finalize::has_finalizer(&i.class()) {
                let mine = rank(&v);
                if earliest.get(&v.identity()).is_some_and(|&e| e < mine) {
                    order.push((mine, v.clone()));
                } else {
                    cascade.push((holder, cascade.len(), v.clone()));
                }
            }
        }
        kids.clear();
        children(&v, &mut kids);
        let key = key_of(&v, &kids);
        // Released in the order dealloc lets them go (a list or tuple last
        // item first); the stack pops the last pushed first.
        let backwards = matches!(v, Value::List(_) | Value::Tuple(_));
        if backwards {
            stack.extend(kids.drain(..).map(|k| (k, key)));
        } else {
            stack.extend(kids.drain(..).rev().map(|k| (k, key)));
        }
    }
    order.sort_by_key(|(r, _)| *r);
    cascade.sort_by_key(|(h, n, _)| (*h, *n));
    let mut out: Vec<Value> = order.into_iter().map(|(_, v)| v).collect();
    out.extend(cascade.into_iter().map(|(_, _, v)| v));
    out
}

/// What `v` holds that could free a finalizable instance with it; modules
/// and the builtins stay alive through shutdown, so the walk stops there.
fn children(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Module(_) => {}
        // A class's namespace: what it holds dies with the class; its bases
        // and MRO are other classes' business.
        // Its values count as held by the class itself, which was created
        // after them (CPython copies the namespace into a new dict).
        Value::Type(t) => {
            if let Some(h) = &t.heap {
                dict_values(&h.dict, out);
            }
        }
        // Functions reach the globals again, and other modules' functions
        // other modules' globals: neither frees anything here. A function's
        // `__dict__` counts as made by the store that created it, after the
        // value stored.
        Value::Function(f) => {
            let start = out.len();
            crate::gc::referents(v, out);
            let globals = Value::Dict(f.globals.clone()).identity();
            let own = f.dict.try_borrow().ok().and_then(|d| d.clone());
            let own_id = own.as_ref().map(|d| Value::Dict(d.clone()).identity());
            retain_from(out, start, |x| {
                x.identity() != globals && Some(x.identity()) != own_id
            });
            if let Some(d) = own {
                dict_values(&d, out);
            }
        }
        // An instance's class is a global of its own.
        Value::Instance(_) => {
            let start = out.len();
            crate::gc::referents(v, out);
            retain_from(out, start, |x| !matches!(x, Value::Type(_)));
        }
        _ => crate::gc::referents(v, out),
    }
}

/// Keeps, among `out[start..]`, the values `keep` accepts.
fn retain_from(out: &mut Vec<Value>, start: usize, keep: impl Fn(&Value) -> bool) {
    let mut tail = out.split_off(start.min(out.len()));
    tail.retain(keep);
    out.append(&mut tail);
}

/// The values of a namespace dict, in insertion order.
fn dict_values(d: &Rc<RefCell<Dict>>, out: &mut Vec<Value>) {
    if let Ok(d) = d.try_borrow() {
        out.extend(d.iter().map(|(_, v)| v.clone()));
    }
}
