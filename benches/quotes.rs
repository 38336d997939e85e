//! The quote stage alone (quotations, speaker attribution) on FNC-1 article
//! bodies already through tokens, sentences and OntoNotes NER, one thread, in
//! documents per second; compare with the `pipeline` bench's one-thread figure
//! for the stage's share of whole-pipeline time (issue 9: at most 10%). The
//! default (the rules' candidates chosen by the learned ranker) runs beside
//! the rules alone, for the ranker's cost.
//!
//!     cargo bench -p newsdesk-benches --bench quotes
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsdesk::QuoteExtractor;
use newsdesk_benches::{fnc1_bodies_path, load_bodies};
use std::hint::black_box;

fn quotes(c: &mut Criterion) {
    let Some(path) = fnc1_bodies_path() else {
        eprintln!("SKIPPED: FNC-1 bodies not found (set NEWSDESK_DATA)");
        return;
    };
    let bodies = load_bodies(&path).expect("FNC-1 bodies");
    let docs = newsdesk::load("ontonotes").expect("pipeline").process_batch(&bodies);
    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.sample_size(10);
    for (name, extractor) in [
        ("fnc1_bodies_docs_one_thread", QuoteExtractor::default()),
        ("rules_only_fnc1_bodies_docs_one_thread", QuoteExtractor::rules()),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| extractor.extract(black_box(d)).len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, quotes);
criterion_main!(benches);
