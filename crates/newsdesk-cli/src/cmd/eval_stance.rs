//! `newsdesk eval stance`: FNC-1 score, macro F1, per-class scores and
//! confusion of a stance model on FNC-1 style CSV files, as one JSON object.
//!
//! With `--split auto` (the default) the pairs are restricted to the model's
//! dev bodies (listed in its model card) when the stances file is the one the
//! model was trained on (same SHA-256), so evaluating on the training files
//! measures held-back data; any other file is evaluated whole.
//!
//! `--predictions FILE` also writes one JSON line per evaluated pair, in the
//! stances file's order: `pair` (0-based position among the stances file's data
//! rows), `body_id`, `headline`, `gold`, `label` and `scores` (probability per
//! label), for error analysis and for stacking other models on these scores.
use super::CmdResult;
use crate::output::Output;
use newsdesk::train::stance::{ece, log_loss, Metrics, StanceModel};
use newsdesk::train::stance::{Pair, Prediction};
use serde_json::json;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Split {
    /// dev when the stances file is the model's training file, else all.
    Auto,
    /// Only pairs whose body and headline are in the model card's dev split.
    Dev,
    /// Every pair.
    All,
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: super::StanceData,
    /// Shipped model (fnc1, arc) or model file.
    #[arg(long, default_value = "fnc1")]
    pub model: String,
    #[arg(long, value_enum, default_value_t = Split::Auto)]
    pub split: Split,
    /// Also write each evaluated pair's gold label, prediction and scores here (JSON lines).
    #[arg(long, value_name = "FILE")]
    pub predictions: Option<String>,
}

pub fn run(args: Args) -> CmdResult {
    let model = StanceModel::open(&args.model)?;
    let data = args.data.load()?;
    let card = model.card();
    let trained_on_this = card
        .data
        .iter()
        .any(|d| d.role == "stances" && d.sha256 == data.stances_sha256);
    let use_dev = match args.split {
        Split::Dev => {
            if !trained_on_this {
                eprintln!(
                    "newsdesk: warning: {} is not the model's training file; its dev Body IDs may not apply",
                    args.data.stances.display()
                );
            }
            true
        }
        Split::All => false,
        Split::Auto => trained_on_this,
    };
    let (rows, pairs): (Vec<usize>, Vec<&Pair>) = data
        .pairs
        .iter()
        .enumerate()
        .filter(|(_, p)| !use_dev || card.split.is_dev(p))
        .unzip();
    if pairs.is_empty() {
        return Err(format!("no pairs to evaluate in {}", args.data.stances.display()).into());
    }
    // Opened (and checked against the inputs) before the work, written after it.
    let input_paths = [&args.data.bodies, &args.data.stances].map(|p| p.display().to_string());
    let pred_out = args
        .predictions
        .as_deref()
        .map(|path| Output::open(Some(path), &input_paths))
        .transpose()?;
    let inputs: Vec<(&str, &str)> = pairs.iter().map(|p| (p.headline.as_str(), data.body(p))).collect();
    let started = Instant::now();
    let pred = model.classify_batch(&inputs);
    let seconds = started.elapsed().as_secs_f64();
    if let (Some(out), Some(path)) = (pred_out, &args.predictions) {
        write_predictions(out, &rows, &pairs, &pred).map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    let gold: Vec<_> = pairs.iter().map(|p| p.label).collect();
    let metrics = Metrics::compute(&gold, &pred.iter().map(|p| p.label).collect::<Vec<_>>());
    let probs: Vec<[f32; 4]> = pred.iter().map(|p| p.probs).collect();
    let gold_idx: Vec<usize> = gold.iter().map(|l| l.index()).collect();
    let mut out = serde_json::to_value(&metrics)?;
    let extra = json!({
        "split": if use_dev { "dev" } else { "all" },
        "model": card.name,
        "pairs": pairs.len(),
        "log_loss": log_loss(&probs, &gold_idx),
        "ece": ece(&probs, &gold_idx),
        "seconds": seconds,
        "pairs_per_second": pairs.len() as f64 / seconds.max(1e-9),
        "threads": rayon::current_num_threads(),
    });
    if let (Some(o), Some(e)) = (out.as_object_mut(), extra.as_object()) {
        o.extend(e.clone());
    }
    super::print_json(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// One JSON line per pair (see the module doc); the file appears only when complete.
fn write_predictions(mut out: Output, rows: &[usize], pairs: &[&Pair], pred: &[Prediction]) -> std::io::Result<()> {
    for ((row, pair), p) in rows.iter().zip(pairs).zip(pred) {
        let s = p.scores();
        let line = json!({
            "pair": row,
            "body_id": pair.body_id,
            "headline": pair.headline,
            "gold": pair.label.as_str(),
            "label": s.label,
            "scores": s.scores,
        });
        serde_json::to_writer(&mut out, &line)?;
        writeln!(out)?;
    }
    out.finish()
}
