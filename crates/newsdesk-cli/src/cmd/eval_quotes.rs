//! `newsdesk eval quotes`: quotation spans and speakers against a gold JSONL
//! file (the `quotes/dev.jsonl` format); one JSON object on stdout.
use super::CmdResult;
use crate::progress;
use newsdesk::train::quotes::{examples, read_gold, Counts, SpeakerModel, SCORE_BANDS, SPEAKER_ERRORS};
use newsdesk::{Pipeline, QuoteExtractor};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// Gold quotations, one JSON article per line.
    #[arg(long)]
    data: PathBuf,
    /// Pipeline to run (a `newsdesk::load` name; `blank` runs without NER);
    /// the quote extractor is appended when the pipeline lacks one.
    #[arg(long, default_value = "ontonotes")]
    pipeline: String,
    /// Write every missed, spurious or wrongly attributed quotation as JSON
    /// lines to this file, for error analysis.
    #[arg(long)]
    errors: Option<PathBuf>,
    /// Who chooses the speakers: `default` (the shipped learned ranker over the
    /// rules' candidates), `rules` (the rules alone), or the path of a speaker
    /// model written by `newsdesk train quotes -o`.
    #[arg(long, default_value = "default")]
    speakers: String,
}

/// The quote extractor `--speakers` names.
fn extractor(speakers: &str) -> Result<QuoteExtractor, Box<dyn std::error::Error + Send + Sync>> {
    Ok(match speakers {
        "default" => QuoteExtractor::default(),
        "rules" => QuoteExtractor::rules(),
        path => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            QuoteExtractor::rules().with_model(SpeakerModel::from_json(&text, path)?)
        }
    })
}

/// Run `nlp` over the gold articles' texts (errors name the file and document).
pub fn annotate(nlp: &Pipeline, texts: &[&str], data: &std::path::Path) -> Result<Vec<newsdesk::Doc>, String> {
    let bar = progress::bar(Some(texts.len() as u64), "docs");
    let mut processed = Vec::with_capacity(texts.len());
    for chunk in texts.chunks(64) {
        for (i, r) in nlp.try_process_batch(chunk).into_iter().enumerate() {
            let doc = r.map_err(|e| format!("{}: document {}: {e}", data.display(), processed.len() + i + 1))?;
            processed.push(doc);
        }
        bar.inc(chunk.len() as u64);
    }
    bar.finish_and_clear();
    Ok(processed)
}

/// The wrong speakers by kind and, when known, how many right speakers were
/// not among the rules' candidates (no choice among them could have righted those).
pub fn speaker_errors(counts: &Counts, unreachable: Option<usize>) -> serde_json::Value {
    let mut kinds: serde_json::Map<String, serde_json::Value> = SPEAKER_ERRORS
        .iter()
        .zip(counts.speaker_errors)
        .map(|(kind, n)| (kind.to_string(), n.into()))
        .collect();
    if let Some(n) = unreachable {
        kinds.insert("not_among_candidates".into(), n.into());
    }
    kinds.into()
}

/// The learned ranker's surer choices: how many reach each score band, how many are right.
pub fn speaker_by_score(counts: &Counts) -> serde_json::Value {
    SCORE_BANDS
        .iter()
        .enumerate()
        .map(|(k, band)| {
            serde_json::json!({
                "min_score": band,
                "matched": counts.scored[k],
                "speaker_correct": counts.scored_correct[k],
                "speaker_accuracy": counts.scored_accuracy(k),
            })
        })
        .collect()
}

pub fn run(args: Args) -> CmdResult {
    let extractor = extractor(&args.speakers)?;
    let docs = read_gold(&args.data)?;
    let mut nlp: Pipeline = newsdesk::load(&args.pipeline)?;
    if !nlp.component_names().iter().any(|n| n == "quotes") {
        nlp = nlp.add(QuoteExtractor::default());
    }
    eprintln!("pipeline {}: {}", args.pipeline, nlp.component_names().join(" → "));
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let started = Instant::now();
    let mut processed = annotate(&nlp, &texts, &args.data)?;
    let seconds = started.elapsed().as_secs_f64();
    // The quote stage alone, re-run on the annotated documents (one thread);
    // its output replaces the pipeline's when `--speakers` names another chooser.
    let started = Instant::now();
    let quotes: Vec<_> = processed.iter().map(|d| extractor.extract(d)).collect();
    let quotes_seconds = started.elapsed().as_secs_f64();
    if args.speakers != "default" {
        for (d, q) in processed.iter_mut().zip(quotes) {
            d.quotes = q;
        }
    }
    let mut counts = Counts::default();
    let mut errors = String::new();
    for (gold, doc) in docs.iter().zip(&processed) {
        for m in counts.add(&gold.text, &gold.quotes, &doc.quotes) {
            let mut line = serde_json::to_value(&m)?;
            line["id"] = gold.id.clone().into();
            errors.push_str(&format!("{line}\n"));
        }
    }
    // Matched quotations whose right speaker is not among the rules' candidates:
    // no chooser over those candidates could have got them.
    let (doc_refs, gold_refs): (Vec<_>, Vec<_>) = processed.iter().zip(&docs).unzip();
    let unreachable = examples(&doc_refs, &gold_refs).1;
    if let Some(path) = &args.errors {
        std::fs::write(path, errors).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let out = serde_json::json!({
        "file": args.data.display().to_string(),
        "pipeline": args.pipeline,
        "speakers": args.speakers,
        "precision": counts.precision(),
        "recall": counts.recall(),
        "f1": counts.f1(),
        "speaker_accuracy": counts.speaker_accuracy(),
        "docs": docs.len(),
        "gold": counts.gold,
        "predicted": counts.predicted,
        "matched": counts.matched,
        "speaker_correct": counts.speaker_correct,
        "speaker_errors": speaker_errors(&counts, Some(unreachable)),
        "speaker_by_score": speaker_by_score(&counts),
        "seconds": seconds,
        "quotes_seconds": quotes_seconds,
        "bytes": texts.iter().map(|t| t.len()).sum::<usize>(),
    });
    super::print_json(&out)?;
    Ok(ExitCode::SUCCESS)
}
