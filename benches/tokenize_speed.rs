//! Single-thread tokenizer speed on the FNC-1 bodies, as one JSON object on
//! stdout (the newsdesk side of `spacy_tokenize.py`).
//!
//! `cargo run --release -p newsdesk-benches --bin tokenize-speed -- [--seconds 3] [--file CSV]`
use newsdesk::Tokenizer;
use newsdesk_benches::{count_words, fnc1_bodies_path, load_bodies};
use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut seconds = 3.0f64;
    let mut file: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match (a.as_str(), args.next()) {
            ("--seconds", Some(v)) if v.parse::<f64>().is_ok() => seconds = v.parse().unwrap_or(seconds),
            ("--file", Some(v)) => file = Some(PathBuf::from(v)),
            _ => {
                eprintln!("usage: tokenize-speed [--seconds N] [--file train_bodies.csv]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = file.or_else(fnc1_bodies_path) else {
        eprintln!("FNC-1 bodies not found under ../shared/data (set NEWSDESK_DATA or pass --file)");
        return ExitCode::from(2);
    };
    let bodies = match load_bodies(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let words = count_words(&bodies);
    let bytes: usize = bodies.iter().map(String::len).sum();
    let tokenizer = Tokenizer::default();
    let tokens: usize = bodies.iter().map(|b| tokenizer.tokenize(b).len()).sum(); // also warms up
    let mut passes = 0u32;
    let cpu_start = cpu_seconds();
    let started = Instant::now();
    while passes == 0 || started.elapsed().as_secs_f64() < seconds {
        for text in &bodies {
            black_box(tokenizer.tokenize(black_box(text)));
        }
        passes += 1;
    }
    let secs = started.elapsed().as_secs_f64() / f64::from(passes);
    // CPU time of this process: fair on a machine shared with other jobs
    let cpu = match (cpu_start, cpu_seconds()) {
        (Some(a), Some(b)) if b > a => Some((b - a) / f64::from(passes)),
        _ => None,
    };
    let out = serde_json::json!({
        "tool": "newsdesk",
        "file": path.display().to_string(),
        "docs": bodies.len(),
        "words": words,
        "bytes": bytes,
        "tokens": tokens,
        "passes": passes,
        "seconds_per_pass": secs,
        "words_per_s": words as f64 / secs,
        "tokens_per_s": tokens as f64 / secs,
        "mb_per_s": bytes as f64 / secs / 1e6,
        "cpu_seconds_per_pass": cpu,
        "words_per_cpu_s": cpu.map(|c| words as f64 / c),
        "mb_per_cpu_s": cpu.map(|c| bytes as f64 / c / 1e6),
    });
    println!("{out}");
    ExitCode::SUCCESS
}

/// CPU time used by this process so far (Linux `/proc/self/schedstat`, ns).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
