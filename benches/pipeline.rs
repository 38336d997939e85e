//! Whole-pipeline throughput (tokenizer, sentences, OntoNotes NER, quotes;
//! stance is idle without claims) in documents per second on FNC-1 article
//! bodies: one thread, and all cores through `Pipeline::process_batch`.
//!
//!     cargo bench -p newsdesk-benches --bench pipeline
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsdesk_benches::{fnc1_bodies_path, load_bodies};
use std::hint::black_box;

fn pipeline(c: &mut Criterion) {
    let Some(path) = fnc1_bodies_path() else {
        eprintln!("SKIPPED: FNC-1 bodies not found (set NEWSDESK_DATA)");
        return;
    };
    let bodies = load_bodies(&path).expect("FNC-1 bodies");
    let one = newsdesk::load("ontonotes")
        .expect("pipeline")
        .with_threads(1)
        .expect("pool");
    let all = newsdesk::load("ontonotes")
        .expect("pipeline")
        .with_threads(0)
        .expect("pool");
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Elements(bodies.len() as u64));
    group.sample_size(10);
    group.bench_function("fnc1_bodies_docs_one_thread", |b| {
        b.iter(|| {
            one.process_batch(black_box(&bodies))
                .iter()
                .map(|d| d.ents.len())
                .sum::<usize>()
        })
    });
    group.bench_function("fnc1_bodies_docs_all_cores", |b| {
        b.iter(|| {
            all.process_batch(black_box(&bodies))
                .iter()
                .map(|d| d.ents.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
