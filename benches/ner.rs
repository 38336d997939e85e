//! NER speed on news text: all FNC-1 article bodies, each tokenized, split
//! into sentences and run through the embedded OntoNotes model
//! (`NerComponent`), on one thread and on all cores (rayon, one document per
//! task). Throughput is in whitespace-separated words, as in
//! `benches/spacy_ner.py`, which runs this next to spaCy.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsdesk::{Component, Doc};
use newsdesk_benches::{count_words, fnc1_bodies_path, load_bodies};
use newsdesk_ner::{NerComponent, NerModel};
use rayon::prelude::*;
use std::hint::black_box;

fn annotate(ner: &NerComponent, text: &str) -> usize {
    let mut doc = Doc::from_text(text);
    ner.process(&mut doc).expect("ner");
    doc.ents.len()
}

fn ner(c: &mut Criterion) {
    let Some(path) = fnc1_bodies_path() else {
        eprintln!("SKIPPED: FNC-1 bodies not found (set NEWSDESK_DATA)");
        return;
    };
    let bodies = load_bodies(&path).expect("FNC-1 bodies");
    let words = count_words(&bodies);
    let started = std::time::Instant::now();
    let model = NerModel::embedded("ontonotes").expect("embedded ontonotes model");
    eprintln!(
        "ner bench: {} bodies, {words} words; model loaded in {:.1} ms",
        bodies.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    let ner = NerComponent::new(model);
    let mut group = c.benchmark_group("ner");
    group.throughput(Throughput::Elements(words as u64));
    group.sample_size(10);
    group.bench_function("fnc1_bodies_one_thread", |b| {
        b.iter(|| bodies.iter().map(|t| annotate(&ner, black_box(t))).sum::<usize>())
    });
    group.bench_function("fnc1_bodies_all_cores", |b| {
        b.iter(|| bodies.par_iter().map(|t| annotate(&ner, black_box(t))).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, ner);
criterion_main!(benches);
