//! Parser throughput (text to AST) on standard-library source; compare with
//! `python3 tools/bench_cpython.py` (CPython's `ast.parse` on the same files).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

mod corpus;

fn parser(c: &mut Criterion) {
    let texts = corpus::load(corpus::DEFAULT_BYTES);
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("parser");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("parse_stdlib", |b| {
        b.iter(|| {
            texts
                .iter()
                .filter(|text| pith_parser::parse(text, pith_parser::Mode::Exec, "<bench>").is_ok())
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, parser);
criterion_main!(benches);
