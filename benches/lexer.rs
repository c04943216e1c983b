//! Lexer throughput on a corpus of standard-library source.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pith_lexer::{Flavor, Tokenizer};

mod corpus;

fn count_tokens(texts: &[String], flavor: Flavor) -> usize {
    let mut n = 0;
    for text in texts {
        for token in Tokenizer::new(text, flavor) {
            if token.is_err() {
                break;
            }
            n += 1;
        }
    }
    n
}

fn lexer(c: &mut Criterion) {
    let texts = corpus::load(corpus::DEFAULT_BYTES);
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("lexer");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("tokenize_stdlib_compiler", |b| {
        b.iter(|| count_tokens(std::hint::black_box(&texts), Flavor::Compiler))
    });
    group.bench_function("tokenize_stdlib_tokenize_py", |b| {
        b.iter(|| count_tokens(std::hint::black_box(&texts), Flavor::Tokenize))
    });
    group.finish();
}

criterion_group!(benches, lexer);
criterion_main!(benches);
