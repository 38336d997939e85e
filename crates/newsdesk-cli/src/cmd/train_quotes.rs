//! `newsdesk train quotes`: article-level k-fold cross-validation of the
//! speaker ranker (mean and spread of speaker accuracy and quote F1, each
//! fold scored by a model that never saw its articles, beside the rules alone;
//! `--also-train` articles are in every fold's training, never scored), then a
//! model trained on all articles, scored on `--test` articles if given, and
//! written with its card. One JSON object on stdout.
use super::eval_quotes::{annotate, speaker_by_score, speaker_errors};
use super::CmdResult;
use newsdesk::train::checksum::file_sha256;
use newsdesk::train::quotes::{
    calibration, cross_validate, evaluate, read_gold, scored_candidates, training_examples, Counts, Fit, FoldScore,
    GoldDoc, ModelCard, QuoteExtractor, ScoredQuote, SpeakerModel, L2, MARGIN, STEPS,
};
use newsdesk::{Doc, Pipeline};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Gold quotations, one JSON article per line (`quotes/train.jsonl`).
    #[arg(long)]
    data: PathBuf,
    /// Further articles (same format) in every fold's training and in the final
    /// model's, never scored: those the rules were written from, whose scores would flatter them.
    #[arg(long)]
    also_train: Option<PathBuf>,
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
    #[arg(long, default_value_t = L2, value_parser = super::non_negative, allow_hyphen_values = true)]
    l2: f64,
    /// Margin of the ranker's fit: added to every wrong candidate's score while fitting
    /// (0: the plain conditional logit).
    #[arg(long, default_value_t = MARGIN, value_parser = super::non_negative, allow_hyphen_values = true)]
    margin: f64,
    /// Pipeline whose entities the candidates use (a `newsdesk::load` name).
    #[arg(long, default_value = "ontonotes")]
    pipeline: String,
    /// Write the model trained on all articles here (JSON, card included).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Held-out articles (same format) scored by the model trained on all of `--data`
    /// and by the rules; the scores go into the card.
    #[arg(long)]
    test: Option<PathBuf>,
    /// Write every quotation the cross-validation scored, with its speaker candidates
    /// (name, mention, right or not) each scored by the fold's model that never saw its
    /// article, with the weighted features the score sums, as JSON lines: for error
    /// analysis and `scripts/quotes_crossenc.py`.
    #[arg(long)]
    candidates: Option<PathBuf>,
}

/// Every fold's held-out quotations with their candidates, scored by that fold's model.
fn fold_candidates(folds: &[FoldScore], docs: &[Doc], gold: &[GoldDoc]) -> Vec<ScoredQuote> {
    folds
        .iter()
        .flat_map(|f| {
            let (d, g): (Vec<_>, Vec<_>) = f.held.iter().map(|&i| (&docs[i], &gold[i])).unzip();
            scored_candidates(&f.model, &d, &g)
        })
        .collect()
}

/// Write scored quotations as JSON lines.
fn write_candidates(path: &Path, quotes: &[ScoredQuote]) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).map_err(fail)?);
    for q in quotes {
        let line = serde_json::to_string(q).map_err(|e| e.to_string())?;
        writeln!(out, "{line}").map_err(fail)?;
    }
    out.flush().map_err(fail)
}

/// Mean and sample standard deviation (`None` without folds).
fn mean_sd(xs: &[f64]) -> (Option<f64>, Option<f64>) {
    if xs.is_empty() {
        return (None, None);
    }
    let n = xs.len() as f64;
    let m = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
    (Some(m), Some(var.sqrt()))
}

/// The gold articles of `path` and their documents through `nlp`.
fn read(nlp: &Pipeline, path: &Path) -> Result<(Vec<GoldDoc>, Vec<Doc>), Box<dyn std::error::Error + Send + Sync>> {
    let gold = read_gold(path)?;
    let texts: Vec<&str> = gold.iter().map(|d| d.text.as_str()).collect();
    let docs = annotate(nlp, &texts, path)?;
    Ok((gold, docs))
}

pub fn run(args: Args) -> CmdResult {
    if args.candidates.is_some() && args.folds == 0 {
        return Err("--candidates writes the cross-validation's candidates: it needs --folds 2 or more".into());
    }
    let nlp = newsdesk::load(&args.pipeline)?;
    let (gold, docs) = read(&nlp, &args.data)?;
    let (also_gold, also_docs) = match &args.also_train {
        Some(path) => read(&nlp, path)?,
        None => (Vec::new(), Vec::new()),
    };
    let (also_train, also_train_sha256) = match &args.also_train {
        Some(p) => (p.display().to_string(), file_sha256(p)?),
        None => Default::default(),
    };
    let mut card = ModelCard {
        data: args.data.display().to_string(),
        data_sha256: file_sha256(&args.data)?,
        also_train,
        also_train_sha256,
        command: std::env::args().collect::<Vec<_>>().join(" "),
        seed: args.seed,
        steps: args.steps,
        l2: args.l2,
        margin: args.margin,
        ..ModelCard::default()
    };
    let fit = Fit {
        steps: args.steps,
        l2: args.l2,
        margin: args.margin,
    };
    // Every fold's held-out counts pooled (`None` without folds).
    let mut pooled: Option<Counts> = None;
    // The pooled held-out quotations' calibration (`None` without folds).
    let mut cv_calibration = None;
    if args.folds > 0 {
        let folds = cross_validate(&docs, &gold, (&also_docs, &also_gold), (args.folds, args.seed), fit)?;
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
        let scored = fold_candidates(&folds, &docs, &gold);
        cv_calibration = Some(calibration(&scored));
        if let Some(path) = &args.candidates {
            write_candidates(path, &scored)?;
        }
        pooled = Some(folds.iter().fold(Counts::default(), |mut all, f| {
            all += &f.counts;
            all
        }));
    }
    let (data_docs, data_gold): (Vec<_>, Vec<_>) = docs.iter().zip(&gold).unzip();
    let (more_docs, more_gold): (Vec<_>, Vec<_>) = also_docs.iter().zip(&also_gold).unzip();
    let (ex, unreachable) = training_examples((&data_docs, &data_gold), (&more_docs, &more_gold));
    card.train_quotes = ex.len();
    card.unreachable = unreachable;
    let mut model = SpeakerModel::train(&ex, fit, card.clone());
    let mut test = serde_json::Value::Null;
    if let Some(path) = &args.test {
        let (held, held_docs) = read(&nlp, path)?;
        let (docs, gold): (Vec<_>, Vec<_>) = held_docs.iter().zip(&held).unzip();
        let ranker = QuoteExtractor::rules().with_model(model.clone());
        let learned = evaluate(&ranker, &docs, &gold);
        let rules = evaluate(&QuoteExtractor::rules(), &docs, &gold);
        model.card.test_data = path.display().to_string();
        model.card.test_data_sha256 = file_sha256(path)?;
        model.card.test_speaker_accuracy = learned.speaker_accuracy();
        model.card.test_rules_speaker_accuracy = rules.speaker_accuracy();
        test = serde_json::json!({
            "data": model.card.test_data,
            "articles": held.len(),
            "speaker_correct": learned.speaker_correct,
            "rules_speaker_correct": rules.speaker_correct,
            "matched": learned.matched,
            "speaker_accuracy": learned.speaker_accuracy(),
            "rules_speaker_accuracy": rules.speaker_accuracy(),
            "quote_f1": learned.f1(),
        });
    }
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
        // all folds' held-out quotations pooled: right speakers, wrong ones by kind, score bands
        "cv_matched": pooled.map(|c| c.matched),
        "cv_speaker_correct": pooled.map(|c| c.speaker_correct),
        "cv_speaker_errors": pooled.map(|c| speaker_errors(&c, None)),
        "cv_speaker_by_score": pooled.map(|c| speaker_by_score(&c)),
        "cv_calibration": cv_calibration,
        "train_quotes": card.train_quotes,
        "unreachable": unreachable,
        "features": model.weights.len(),
        "temperature": model.card.temperature,
        "test": test,
        "output": args.output.as_ref().map(|p| p.display().to_string()),
    });
    println!("{out}");
    Ok(ExitCode::SUCCESS)
}
