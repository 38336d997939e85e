//! Stance prediction speed on news-length texts: FNC-1 (headline, body)
//! pairs, each claim and body analysed from scratch, on one thread.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsdesk_stance::classifier::Dataset;
use newsdesk_stance::StanceModel;
use std::hint::black_box;
use std::path::PathBuf;

fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("NEWSDESK_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data"));
    dir.is_dir().then_some(dir)
}

fn stance(c: &mut Criterion) {
    let Some(dir) = data_dir() else {
        eprintln!("SKIPPED: shared data not found (set NEWSDESK_DATA)");
        return;
    };
    let fnc = dir.join("stance/fnc1");
    let data = Dataset::load(&fnc.join("train_bodies.csv"), &fnc.join("train_stances.csv")).expect("FNC-1 data");
    let pairs: Vec<(&str, &str)> = data
        .pairs
        .iter()
        .take(1000)
        .map(|p| (p.headline.as_str(), data.body(p)))
        .collect();
    let words: usize = pairs.iter().map(|p| p.1.split_whitespace().count()).sum();
    eprintln!(
        "stance bench: {} pairs, mean body {} words",
        pairs.len(),
        words / pairs.len()
    );
    let model = StanceModel::embedded("fnc1").expect("embedded fnc1");
    let mut group = c.benchmark_group("stance");
    group.throughput(Throughput::Elements(pairs.len() as u64));
    group.sample_size(10);
    group.bench_function("predict_1000_fnc1_pairs_one_thread", |b| {
        b.iter(|| {
            for &(claim, text) in &pairs {
                black_box(model.predict(black_box(claim), black_box(text)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, stance);
criterion_main!(benches);
