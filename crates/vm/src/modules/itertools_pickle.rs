//! `__reduce__` and `__setstate__` of the `itertools` objects, which 3.11
//! still has (deprecated in 3.12): each gives the tuple CPython's
//! `itertoolsmodule.c` builds, so `copy` and `pickle` rebuild an iterator
//! part way through. A child of `itertools` so it reads the iterators' state.

use super::*;

/// `type(self)`.
fn own_type(a: &Args<'_>) -> Value {
    Value::Type(crate::types::type_of(&me(a)))
}

fn tup(items: Vec<Value>) -> Value {
    Value::tuple(items)
}

fn state_arg<'a>(a: &Args<'a>) -> PyResult<&'a Value> {
    let args = positional(&rest(a), "__setstate__", 1, 1)?;
    Ok(&args[0])
}

/// The tuple a setter unpacks, with `PyArg_ParseTuple`'s arity errors.
fn state_tuple(v: &Value, min: usize, max: usize) -> PyResult<Rc<Vec<Value>>> {
    let Value::Tuple(t) = v else {
        return Err(PyErr::type_error("state is not a tuple"));
    };
    let n = t.len();
    if n < min || n > max {
        let msg = if min == max {
            format!(
                "function takes exactly {min} argument{} ({n} given)",
                if min == 1 { "" } else { "s" }
            )
        } else if n < min {
            format!(
                "function takes at least {min} argument{} ({n} given)",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!("function takes at most {max} arguments ({n} given)")
        };
        return Err(PyErr::type_error(msg));
    }
    Ok(Rc::new(t.to_vec()))
}

/// `PyLong_AsSsize_t`.
fn ssize_of(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::BigInt(_) => Err(PyErr::overflow(
            "Python int too large to convert to C ssize_t",
        )),
        _ => Err(PyErr::type_error("an integer is required")),
    }
}

// ---- count, repeat, cycle ----

pub(super) fn count_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Count>(&a, "itertools.count", "__reduce__")?;
    let s = borrow(&st)?;
    // CPython's fast mode (an int count, step 1) pickles the count alone.
    let args = match (&s.cnt, &s.step) {
        (Value::Int(_), Value::Int(1)) => vec![s.cnt.clone()],
        _ => vec![s.cnt.clone(), s.step.clone()],
    };
    Ok(tup(vec![own_type(&a), tup(args)]))
}

pub(super) fn repeat_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Repeat>(&a, "itertools.repeat", "__reduce__")?;
    let s = borrow(&st)?;
    let mut args = vec![s.obj.clone()];
    if let Some(n) = s.cnt {
        args.push(Value::Int(n));
    }
    Ok(tup(vec![own_type(&a), tup(args)]))
}

pub(super) fn cycle_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Cycle>(&a, "itertools.cycle", "__reduce__")?;
    let (it, saved, index, firstpass) = {
        let s = borrow(&st)?;
        (s.it.clone(), s.saved.clone(), s.index, s.firstpass)
    };
    let saved_list = Value::list(saved.clone());
    match it {
        Some(it) => Ok(tup(vec![
            own_type(&a),
            tup(vec![it]),
            tup(vec![saved_list, Value::Bool(firstpass)]),
        ])),
        None => {
            // The source is done: a list iterator over the saved items,
            // at the cycle's position.
            let it = vm.get_iter(&Value::list(saved))?;
            if index != 0 {
                if let Value::Iter(cell) = &it {
                    if let Ok(mut b) = cell.try_borrow_mut() {
                        if let crate::iter::IterObj::List { idx, .. } = &mut *b {
                            *idx = index;
                        }
                    }
                }
            }
            Ok(tup(vec![
                own_type(&a),
                tup(vec![it]),
                tup(vec![saved_list, Value::Bool(true)]),
            ]))
        }
    }
}

pub(super) fn cycle_setstate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Cycle>(&a, "itertools.cycle", "__setstate__")?;
    let t = state_tuple(state_arg(&a)?, 2, 2)?;
    let Value::List(saved) = &t[0] else {
        return Err(PyErr::type_error(format!(
            "argument 1 must be list, not {}",
            crate::types::type_name(&t[0])
        )));
    };
    let firstpass = vm.index_value(&t[1])? != 0;
    let saved = saved.borrow().clone();
    let mut s = borrow(&st)?;
    s.saved = saved;
    s.firstpass = firstpass;
    s.index = 0;
    Ok(Value::None)
}

// ---- accumulate ----

pub(super) fn accumulate_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Accumulate>(&a, "itertools.accumulate", "__reduce__")?;
    let (it, func, total, initial) = {
        let s = borrow(&st)?;
        (
            s.it.clone(),
            s.func.clone(),
            s.total.clone(),
            s.initial.clone(),
        )
    };
    let chain = Value::Type(class_of(vm, &CHAIN));
    if let Some(init) = initial {
        // Not started: the initial value goes first, through a chain.
        let it = vm.call(&chain, &[tup(vec![init]), it])?;
        return Ok(tup(vec![own_type(&a), tup(vec![it, func]), Value::None]));
    }
    if let Some(Value::None) = total {
        // A running total of None cannot be told from "not started" by
        // the state: the iterator is rebuilt and its first item skipped.
        let it = vm.call(&chain, &[tup(vec![Value::None]), it])?;
        let acc = vm.call(&own_type(&a), &[it, func])?;
        let islice = Value::Type(class_of(vm, &ISLICE));
        return Ok(tup(vec![
            islice,
            tup(vec![acc, Value::Int(1), Value::None]),
        ]));
    }
    Ok(tup(vec![
        own_type(&a),
        tup(vec![it, func]),
        total.unwrap_or(Value::None),
    ]))
}

pub(super) fn accumulate_setstate(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Accumulate>(&a, "itertools.accumulate", "__setstate__")?;
    let state = state_arg(&a)?.clone();
    borrow(&st)?.total = Some(state);
    Ok(Value::None)
}

// ---- chain ----

pub(super) fn chain_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Chain>(&a, "itertools.chain", "__reduce__")?;
    let s = borrow(&st)?;
    let mut out = vec![own_type(&a), tup(Vec::new())];
    if let Some(src) = &s.source {
        let mut state = vec![src.clone()];
        state.extend(s.active.clone());
        out.push(tup(state));
    }
    Ok(tup(out))
}

pub(super) fn chain_setstate(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Chain>(&a, "itertools.chain", "__setstate__")?;
    let t = state_tuple(state_arg(&a)?, 1, 2)?;
    if !t.iter().all(crate::native::is_iterator) {
        return Err(PyErr::type_error("Arguments must be iterators."));
    }
    let mut s = borrow(&st)?;
    s.source = Some(t[0].clone());
    s.active = t.get(1).cloned();
    Ok(Value::None)
}

// ---- compress, dropwhile, takewhile, filterfalse, starmap ----

pub(super) fn compress_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Compress>(&a, "itertools.compress", "__reduce__")?;
    let s = borrow(&st)?;
    Ok(tup(vec![
        own_type(&a),
        tup(vec![s.data.clone(), s.selectors.clone()]),
    ]))
}

/// `(type, (func, it))`, with the started/stopped flag for the `while`s.
fn pred_reduce(a: &Args<'_>, owner: &str, flag: bool) -> PyResult<Value> {
    let st = receiver::<PredIter>(a, owner, "__reduce__")?;
    let s = borrow(&st)?;
    let mut out = vec![own_type(a), tup(vec![s.func.clone(), s.it.clone()])];
    if flag {
        out.push(Value::Int(i64::from(s.done)));
    }
    Ok(tup(out))
}

pub(super) fn dropwhile_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    pred_reduce(&a, "itertools.dropwhile", true)
}

pub(super) fn takewhile_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    pred_reduce(&a, "itertools.takewhile", true)
}

pub(super) fn filterfalse_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    pred_reduce(&a, "itertools.filterfalse", false)
}

pub(super) fn starmap_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    pred_reduce(&a, "itertools.starmap", false)
}

fn pred_setstate(vm: &mut Vm, a: &Args<'_>, owner: &str) -> PyResult<Value> {
    let st = receiver::<PredIter>(a, owner, "__setstate__")?;
    let flag = vm.truthy(state_arg(a)?)?;
    borrow(&st)?.done = flag;
    Ok(Value::None)
}

pub(super) fn dropwhile_setstate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    pred_setstate(vm, &a, "itertools.dropwhile")
}

pub(super) fn takewhile_setstate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    pred_setstate(vm, &a, "itertools.takewhile")
}

// ---- groupby ----

pub(super) fn groupby_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<GroupBy>(&a, "itertools.groupby", "__reduce__")?;
    let s = borrow(&st)?;
    let mut out = vec![own_type(&a), tup(vec![s.it.clone(), s.keyfunc.clone()])];
    if let (Some(t), Some(k), Some(v)) = (&s.tgtkey, &s.currkey, &s.currvalue) {
        out.push(tup(vec![k.clone(), v.clone(), t.clone()]));
    }
    Ok(tup(out))
}

pub(super) fn groupby_setstate(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<GroupBy>(&a, "itertools.groupby", "__setstate__")?;
    let t = state_tuple(state_arg(&a)?, 3, 3)?;
    let mut s = borrow(&st)?;
    s.currkey = Some(t[0].clone());
    s.currvalue = Some(t[1].clone());
    s.tgtkey = Some(t[2].clone());
    Ok(Value::None)
}

pub(super) fn grouper_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Grouper>(&a, "itertools._grouper", "__reduce__")?;
    let (parent, tgtkey, generation) = {
        let s = borrow(&st)?;
        (s.parent.clone(), s.tgtkey.clone(), s.generation)
    };
    if borrow(&parent)?.generation != generation {
        // No longer the current group: nothing more to give.
        let iter = crate::import::builtin(vm, "iter")?;
        return Ok(tup(vec![iter, tup(vec![tup(Vec::new())])]));
    }
    let parent_obj = borrow(&st)?.parent_obj.clone();
    Ok(tup(vec![own_type(&a), tup(vec![parent_obj, tgtkey])]))
}

/// `_grouper(parent, tgtkey)`, as `pickle` rebuilds a current group: it
/// becomes the parent's current group.
pub(super) fn grouper_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let args = positional(&rest(&a), "_grouper", 2, 2)?;
    let Some(parent) = state_of::<GroupBy>(&args[0]) else {
        return Err(PyErr::type_error(format!(
            "_grouper() argument 1 must be itertools.groupby, not {}",
            crate::types::type_name(&args[0])
        )));
    };
    let generation = borrow(&parent)?.generation;
    let _ = vm;
    Ok(new_object(
        &cls,
        Grouper {
            parent,
            parent_obj: args[0].clone(),
            tgtkey: args[1].clone(),
            generation,
        },
    ))
}

// ---- islice ----

pub(super) fn islice_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<ISlice>(&a, "itertools.islice", "__reduce__")?;
    let s = borrow(&st)?;
    let Some(it) = s.it.clone() else {
        drop(s);
        let empty = vm.get_iter(&Value::list(Vec::new()))?;
        return Ok(tup(vec![
            own_type(&a),
            tup(vec![empty, Value::Int(0)]),
            Value::Int(0),
        ]));
    };
    let stop = s.stop.map_or(Value::None, Value::Int);
    Ok(tup(vec![
        own_type(&a),
        tup(vec![it, Value::Int(s.next), stop, Value::Int(s.step)]),
        Value::Int(s.cnt),
    ]))
}

pub(super) fn islice_setstate(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<ISlice>(&a, "itertools.islice", "__setstate__")?;
    let cnt = ssize_of(state_arg(&a)?)?;
    borrow(&st)?.cnt = cnt;
    Ok(Value::None)
}

// ---- zip_longest ----

pub(super) fn zip_longest_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<ZipLongest>(&a, "itertools.zip_longest", "__reduce__")?;
    let s = borrow(&st)?;
    // A finished source is pickled as an empty tuple.
    let its = s
        .its
        .iter()
        .map(|it| it.clone().unwrap_or_else(|| tup(Vec::new())))
        .collect();
    Ok(tup(vec![own_type(&a), tup(its), s.fill.clone()]))
}

pub(super) fn zip_longest_setstate(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<ZipLongest>(&a, "itertools.zip_longest", "__setstate__")?;
    let fill = state_arg(&a)?.clone();
    borrow(&st)?.fill = fill;
    Ok(Value::None)
}

// ---- product, permutations, combinations ----

fn pool_tuple(p: &[Value]) -> Value {
    tup(p.to_vec())
}

fn ints(v: &[usize]) -> Value {
    tup(v.iter().map(|&i| Value::Int(i as i64)).collect())
}

pub(super) fn product_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Combo>(&a, "itertools.product", "__reduce__")?;
    let s = borrow(&st)?;
    if s.stopped {
        return Ok(tup(vec![own_type(&a), tup(vec![tup(Vec::new())])]));
    }
    let pools = tup(s.pools.iter().map(|p| pool_tuple(p)).collect());
    let mut out = vec![own_type(&a), pools];
    if s.produced {
        out.push(ints(&s.indices));
    }
    Ok(tup(out))
}

/// `combinations`, `combinations_with_replacement` and `permutations`:
/// `(type, (pool, r))` before the first result, `(type, ((), r))` once
/// exhausted, else with the indices (and the cycles) as state.
fn combo_reduce(a: &Args<'_>, owner: &str, with_cycles: bool) -> PyResult<Value> {
    let st = receiver::<Combo>(a, owner, "__reduce__")?;
    let s = borrow(&st)?;
    let r = Value::Int(s.r as i64);
    if !s.produced {
        return Ok(tup(vec![own_type(a), tup(vec![pool_tuple(s.pool()), r])]));
    }
    if s.stopped {
        return Ok(tup(vec![own_type(a), tup(vec![tup(Vec::new()), r])]));
    }
    let state = if with_cycles {
        tup(vec![ints(&s.indices), ints(&s.cycles)])
    } else {
        ints(&s.indices)
    };
    Ok(tup(vec![
        own_type(a),
        tup(vec![pool_tuple(s.pool()), r]),
        state,
    ]))
}

pub(super) fn combinations_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    combo_reduce(&a, "itertools.combinations", false)
}

pub(super) fn cwr_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    combo_reduce(&a, "itertools.combinations_with_replacement", false)
}

pub(super) fn permutations_reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    combo_reduce(&a, "itertools.permutations", true)
}

/// Reads a tuple of `n` indices, each clamped into `lo(i)..=hi(i)`.
fn index_tuple(
    v: &Value,
    n: usize,
    lo: impl Fn(usize) -> i64,
    hi: impl Fn(usize) -> i64,
) -> PyResult<Vec<usize>> {
    let items = match v {
        Value::Tuple(t) if t.len() == n => t.to_vec(),
        _ => return Err(PyErr::value_error("invalid arguments")),
    };
    let mut out = Vec::with_capacity(n);
    for (i, item) in items.iter().enumerate() {
        let x = ssize_of(item)?;
        out.push(x.min(hi(i)).max(lo(i)).max(0) as usize);
    }
    Ok(out)
}

pub(super) fn product_setstate(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Combo>(&a, "itertools.product", "__setstate__")?;
    let state = state_arg(&a)?;
    let sizes: Vec<usize> = borrow(&st)?.pools.iter().map(Vec::len).collect();
    if sizes.contains(&0) {
        if matches!(state, Value::Tuple(t) if t.len() == sizes.len()) {
            let mut s = borrow(&st)?;
            s.stopped = true;
            return Ok(Value::None);
        }
        return Err(PyErr::value_error("invalid arguments"));
    }
    let indices = index_tuple(state, sizes.len(), |_| 0, |i| sizes[i] as i64 - 1)?;
    let mut s = borrow(&st)?;
    s.indices = indices;
    s.first = false;
    s.produced = true;
    Ok(Value::None)
}

pub(super) fn combinations_setstate(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Combo>(&a, "itertools.combinations", "__setstate__")?;
    let (n, r) = {
        let s = borrow(&st)?;
        (s.pool().len() as i64, s.r)
    };
    let indices = index_tuple(state_arg(&a)?, r, |_| 0, |i| i as i64 + n - r as i64)?;
    let mut s = borrow(&st)?;
    s.indices = indices;
    s.first = false;
    s.produced = true;
    Ok(Value::None)
}

pub(super) fn cwr_setstate(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Combo>(
        &a,
        "itertools.combinations_with_replacement",
        "__setstate__",
    )?;
    let (n, r) = {
        let s = borrow(&st)?;
        (s.pool().len() as i64, s.r)
    };
    let indices = index_tuple(state_arg(&a)?, r, |_| 0, |_| n - 1)?;
    let mut s = borrow(&st)?;
    s.indices = indices;
    s.first = false;
    s.produced = true;
    Ok(Value::None)
}

pub(super) fn permutations_setstate(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Combo>(&a, "itertools.permutations", "__setstate__")?;
    let t = state_tuple(state_arg(&a)?, 2, 2)?;
    for v in t.iter() {
        if !matches!(v, Value::Tuple(_)) {
            return Err(PyErr::type_error(format!(
                "argument must be tuple, not {}",
                crate::types::type_name(v)
            )));
        }
    }
    let (n, r) = {
        let s = borrow(&st)?;
        (s.pool().len(), s.r)
    };
    let indices = index_tuple(&t[0], n, |_| 0, |_| n as i64 - 1)?;
    let cycles = index_tuple(&t[1], r, |_| 1, |i| n as i64 - i as i64)?;
    let mut s = borrow(&st)?;
    s.indices = indices;
    s.cycles = cycles;
    s.first = false;
    s.produced = true;
    Ok(Value::None)
}
