//! `newsdesk train quotes`: article-level k-fold cross-validation of the
//! speaker ranker (mean and spread of speaker accuracy and quote F1, each
//! fold scored by a model that never saw its articles), then a model trained
//! on all articles, written with its card. One JSON object on stdout.
use super::eval_quotes::annotate;
use super::CmdResult;
use newsdesk::train::checksum::file_sha256;
use newsdesk::train::quotes::{cross_validate, examples, read_gold, ModelCard, SpeakerModel, L2, STEPS};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Gold quotations, one JSON article per line (`quotes/train.jsonl`).
    #[arg(long)]
    data: PathBuf,
    /// Folds of articles for cross-validation (0: none).
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Seed of the fold assignment (the fit itself is deterministic).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Gradient steps of the ranker's fit.
    #[arg(long, default_value_t = STEPS)]
    steps: usize,
    /// L2 penalty of the ranker's fit.
    #[arg(long, default_value_t = L2)]
    l2: f64,
    /// Pipeline whose entities the candidates use (a `newsdesk::load` name).
    #[arg(long, default_value = "ontonotes")]
    pipeline: String,
    /// Write the model trained on all articles here (JSON, card included).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

fn mean_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len().max(1) as f64;
    let m = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
    (m, var.sqrt())
}

pub fn run(args: Args) -> CmdResult {
    let gold = read_gold(&args.data)?;
    let nlp = newsdesk::load(&args.pipeline)?;
    let texts: Vec<&str> = gold.iter().map(|d| d.text.as_str()).collect();
    let docs = annotate(&nlp, &texts, &args.data)?;
    let mut card = ModelCard {
        data: args.data.display().to_string(),
        data_sha256: file_sha256(&args.data)?,
        command: std::env::args().collect::<Vec<_>>().join(" "),
        seed: args.seed,
        steps: args.steps,
        l2: args.l2,
        ..ModelCard::default()
    };
    if args.folds > 0 {
        let folds = cross_validate(&docs, &gold, (args.folds, args.seed), (args.steps, args.l2))?;
        for (i, f) in folds.iter().enumerate() {
            eprintln!(
                "fold {}: {} articles, speaker accuracy {:.3} ({}/{}; rules {:.3}), quote F1 {:.3}",
                i + 1,
                f.articles,
                f.counts.speaker_accuracy(),
                f.counts.speaker_correct,
                f.counts.matched,
                f.rules.speaker_accuracy(),
                f.counts.f1()
            );
        }
        card.cv_speaker_accuracy = folds.iter().map(|f| f.counts.speaker_accuracy()).collect();
        card.cv_quote_f1 = folds.iter().map(|f| f.counts.f1()).collect();
        card.cv_rules_speaker_accuracy = folds.iter().map(|f| f.rules.speaker_accuracy()).collect();
    }
    let doc_refs: Vec<_> = docs.iter().collect();
    let gold_refs: Vec<_> = gold.iter().collect();
    let (ex, unreachable) = examples(&doc_refs, &gold_refs);
    card.train_quotes = ex.len();
    card.unreachable = unreachable;
    let model = SpeakerModel::train(&ex, args.steps, args.l2, card.clone());
    if let Some(path) = &args.output {
        std::fs::write(path, model.to_json() + "\n").map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let (acc, acc_sd) = mean_sd(&card.cv_speaker_accuracy);
    let (f1, f1_sd) = mean_sd(&card.cv_quote_f1);
    let out = serde_json::json!({
        "data": card.data,
        "folds": args.folds,
        "seed": args.seed,
        "cv_speaker_accuracy_mean": acc,
        "cv_speaker_accuracy_sd": acc_sd,
        "cv_speaker_accuracy": card.cv_speaker_accuracy,
        "cv_rules_speaker_accuracy_mean": mean_sd(&card.cv_rules_speaker_accuracy).0,
        "cv_rules_speaker_accuracy_sd": mean_sd(&card.cv_rules_speaker_accuracy).1,
        "cv_quote_f1_mean": f1,
        "cv_quote_f1_sd": f1_sd,
        "cv_quote_f1": card.cv_quote_f1,
        "train_quotes": card.train_quotes,
        "unreachable": unreachable,
        "features": model.weights.len(),
        "output": args.output.as_ref().map(|p| p.display().to_string()),
    });
    println!("{out}");
    Ok(ExitCode::SUCCESS)
}
