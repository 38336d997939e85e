//! `newsdesk eval stance`: FNC-1 score, macro F1, per-class scores and
//! confusion of a stance model on FNC-1 style CSV files, as one JSON object.
//!
//! With `--split auto` (the default) the pairs are restricted to the model's
//! dev bodies (listed in its model card) when the stances file is the one the
//! model was trained on (same SHA-256), so evaluating on the training files
//! measures held-back data; any other file is evaluated whole.
use super::CmdResult;
use newsdesk::train::stance::{ece, log_loss, Metrics, StanceModel};
use serde_json::json;
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
    let pairs: Vec<_> = data.pairs.iter().filter(|p| !use_dev || card.split.is_dev(p)).collect();
    if pairs.is_empty() {
        return Err(format!("no pairs to evaluate in {}", args.data.stances.display()).into());
    }
    let inputs: Vec<(&str, &str)> = pairs.iter().map(|p| (p.headline.as_str(), data.body(p))).collect();
    let started = Instant::now();
    let pred = model.classify_batch(&inputs);
    let seconds = started.elapsed().as_secs_f64();
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
