//! Criterion benchmark of the tokenizer (and tokenizer + sentence splitter)
//! on one thread over the FNC-1 article bodies; throughput in words
//! (whitespace-separated) and bytes.
//!
//! `cargo bench -p newsdesk-benches --bench tokenize`
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsdesk::{SentenceSplitter, Tokenizer};
use newsdesk_benches::{count_words, fnc1_bodies_path, load_bodies};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let Some(path) = fnc1_bodies_path() else {
        eprintln!("SKIPPED: FNC-1 bodies not found under ../shared/data (set NEWSDESK_DATA)");
        return;
    };
    let bodies = load_bodies(&path).unwrap_or_else(|e| panic!("{e}"));
    let words = count_words(&bodies) as u64;
    let bytes: u64 = bodies.iter().map(|b| b.len() as u64).sum();
    let tokenizer = Tokenizer::default();
    let splitter = SentenceSplitter::default();
    for (unit, throughput) in [
        ("words", Throughput::Elements(words)),
        ("bytes", Throughput::Bytes(bytes)),
    ] {
        let mut group = c.benchmark_group(format!("fnc1_bodies_{unit}"));
        group.throughput(throughput);
        group.sample_size(20);
        group.bench_function("tokenize", |b| {
            b.iter(|| {
                for text in &bodies {
                    black_box(tokenizer.tokenize(black_box(text)));
                }
            })
        });
        group.bench_function("tokenize+sentences", |b| {
            b.iter(|| {
                for text in &bodies {
                    let tokens = tokenizer.tokenize(black_box(text));
                    black_box(splitter.split(text, &tokens));
                }
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
