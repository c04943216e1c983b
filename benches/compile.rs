//! Compile throughput (text to code objects: parse and compile) on
//! standard-library source; compare with `python3 tools/bench_cpython.py`
//! (CPython's `compile()` on the same files).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

mod corpus;

fn compile(c: &mut Criterion) {
    let texts = corpus::load(corpus::DEFAULT_BYTES);
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("compile");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("source_to_code_stdlib", |b| {
        b.iter(|| {
            texts
                .iter()
                .filter_map(|text| {
                    let tree = pith_parser::parse(text, pith_parser::Mode::Exec, "<bench>").ok()?;
                    pith_compiler::compile_module(tree, text, "<bench>", pith_compiler::Mode::Exec)
                        .ok()
                })
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, compile);
criterion_main!(benches);
