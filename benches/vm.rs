//! VM dispatch throughput: a tight `while` loop, Python-to-Python calls and
//! global lookups, each run as a whole program through the VM. Throughput is
//! in CPython instructions (as `dis` lists them) executed per second.
//!
//! Tracing must cost nothing when it is off. Side by side: build the loop
//! without the traced instantiation and save a baseline
//! (`cargo bench --bench vm --no-default-features -- --save-baseline untraced vm/`),
//! then compare the default build against it
//! (`cargo bench --bench vm -- --baseline untraced vm/`). On a
//! busy machine wall-clock times vary by more than the effect; count
//! instructions instead, which is deterministic:
//! `valgrind --tool=cachegrind --cache-sim=no target/release/deps/vm-HASH
//! --bench --test '^vm/while_loop$'` runs each benchmark once.

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Loop iterations per run.
const N: u64 = 200_000;

/// `(name, program, CPython instructions per loop iteration)`. The counts
/// are those of `python3 -m dis` for the loop body and condition
/// (`RESUME`, `PRECALL` included; the callee's five in `calls`).
const PROGRAMS: &[(&str, &str, u64)] = &[
    (
        "while_loop",
        "def loop(n):\n    i = 0\n    while i < n:\n        i += 1\n    return i\n",
        8,
    ),
    (
        "calls",
        "def inc(x):\n    return x + 1\n\ndef loop(n):\n    i = 0\n    while i < n:\n        i = inc(i)\n    return i\n",
        14,
    ),
    (
        "globals",
        "K = 3\ndef loop(n):\n    i = 0\n    t = 0\n    while i < n:\n        t = t + K\n        i += 1\n    return t\n",
        12,
    ),
];

fn compile(source: &str) -> Arc<pith_bytecode::CodeObject> {
    let tree = pith_parser::parse(source, pith_parser::Mode::Exec, "<bench>")
        .expect("bench programs parse");
    let code = pith_compiler::compile(&tree, source, "<bench>", pith_compiler::Mode::Exec)
        .expect("bench programs compile");
    Arc::new(code)
}

fn dispatch(c: &mut Criterion) {
    let mut group = c.benchmark_group("vm");
    group.sample_size(20);
    for &(name, body, per_iteration) in PROGRAMS {
        let source = format!("{body}loop({N})\n");
        let code = compile(&source);
        group.throughput(Throughput::Elements(N * per_iteration));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut vm =
                    pith_vm::Vm::with_output(Box::new(std::io::sink()), Box::new(std::io::sink()));
                vm.run_code(code.clone()).expect("bench programs run");
            })
        });
    }
    group.finish();
}

/// A tracer that only counts: the cost of the traced loop itself.
#[cfg(feature = "trace")]
struct Count(u64);

#[cfg(feature = "trace")]
impl pith_vm::trace::Tracer for Count {
    fn on_instruction(&mut self, _: &pith_vm::trace::TraceStep<'_>) -> pith_vm::trace::TraceFlow {
        self.0 += 1;
        pith_vm::trace::TraceFlow::Continue
    }
}

/// The same programs with tracing on (a counting tracer): what `pith trace`
/// pays before it formats anything.
#[cfg(feature = "trace")]
fn traced(c: &mut Criterion) {
    let mut group = c.benchmark_group("vm_traced");
    group.sample_size(10);
    for &(name, body, per_iteration) in PROGRAMS {
        let source = format!("{body}loop({})\n", N / 10);
        let code = compile(&source);
        group.throughput(Throughput::Elements(N / 10 * per_iteration));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut vm =
                    pith_vm::Vm::with_output(Box::new(std::io::sink()), Box::new(std::io::sink()));
                let (result, _) = vm.run_code_traced(code.clone(), Box::new(Count(0)));
                result.expect("bench programs run");
            })
        });
    }
    group.finish();
}

#[cfg(feature = "trace")]
criterion_group!(benches, dispatch, traced);
// Without the traced loop compiled in: the baseline that tracing-off is
// measured against.
#[cfg(not(feature = "trace"))]
criterion_group!(benches, dispatch);
criterion_main!(benches);
