//! `newsdesk train speakers`: train the per-speaker stance model on
//! hand-labelled (speaker, claim) pairs with gold quotes, cross-validated by article.
use super::CmdResult;
use newsdesk::train::checksum::sha256_hex;
use newsdesk::train::quotes::read_gold;
use newsdesk::train::stance::speaker::{self, SpeakerTrainConfig};
use newsdesk::train::stance::{DataFile, StanceModel};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Per-speaker stance pairs (the `stance/speakers/train.jsonl` format).
    #[arg(long)]
    pub data: PathBuf,
    /// Gold quotes and speakers of the same articles (the `quotes/*.jsonl` format).
    #[arg(long)]
    pub quotes: PathBuf,
    /// Model file to write (JSON).
    #[arg(long)]
    pub out: PathBuf,
    /// Body-level model whose predictions are features (fnc1, arc or a file).
    #[arg(long, default_value = "fnc1")]
    pub body_model: String,
    /// Cross-validation folds (over articles).
    #[arg(long, default_value_t = SpeakerTrainConfig::default().folds)]
    pub folds: usize,
    /// Seed of the fold assignment (repeats use the following seeds).
    #[arg(long, default_value_t = SpeakerTrainConfig::default().seed)]
    pub seed: u64,
    /// Cross-validation repeats with different fold seeds (mean ± std reported).
    #[arg(long, default_value_t = SpeakerTrainConfig::default().repeats)]
    pub repeats: usize,
}

fn data_file(role: &str, path: &Path, records: usize) -> Result<DataFile, Box<dyn std::error::Error + Send + Sync>> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(DataFile {
        role: role.into(),
        path: path.display().to_string(),
        sha256: sha256_hex(&bytes),
        records,
    })
}

pub fn run(args: Args) -> CmdResult {
    let articles = speaker::read_articles(&args.data)?;
    let gold = read_gold(&args.quotes)?;
    let body = StanceModel::open(&args.body_model)?;
    let docs = speaker::docs_with_gold_quotes(&articles, &gold)?;
    let examples = speaker::examples(&body, &articles, &docs)?;
    let config = SpeakerTrainConfig {
        folds: args.folds,
        seed: args.seed,
        repeats: args.repeats,
        ..SpeakerTrainConfig::default()
    };
    let files = vec![
        data_file("speakers", &args.data, examples.len())?,
        data_file("quotes", &args.quotes, gold.len())?,
    ];
    let command = std::iter::once("newsdesk".to_string())
        .chain(std::env::args().skip(1))
        .collect::<Vec<_>>()
        .join(" ");
    let name = args
        .out
        .file_stem()
        .map_or_else(|| "speakers".into(), |s| s.to_string_lossy().into_owned());
    let model = speaker::train(&examples, &config, &body.card().name, files, &name, &command)?;
    model.save(&args.out)?;
    let c = &model.card;
    for r in &c.cv {
        let s = &r.scores;
        eprintln!(
            "{}: CV accuracy {:.4} ± {:.4}, macro-F1 {:.4} ± {:.4} ({} repeats; seed {}: {:.4} / {:.4})",
            r.setting,
            s.accuracy_mean,
            s.accuracy_std,
            s.f1_macro_mean,
            s.f1_macro_std,
            c.repeats,
            c.seed,
            s.metrics.accuracy,
            s.metrics.f1_macro
        );
    }
    let best = c.chosen_scores().expect("chosen from the grid");
    let base = &c.copy_article_baseline;
    eprintln!(
        "newsdesk: wrote {} ({} pairs, {} articles, {} folds × {} repeats); chosen {}: CV accuracy {:.4} ± {:.4}, \
         macro-F1 {:.4} ± {:.4}; copy-the-article {:.4} / {:.4}",
        args.out.display(),
        c.pairs,
        c.articles,
        c.folds,
        c.repeats,
        c.setting,
        best.accuracy_mean,
        best.accuracy_std,
        best.f1_macro_mean,
        best.f1_macro_std,
        base.accuracy,
        base.f1_macro
    );
    let n = &c.nested.scores;
    eprintln!(
        "nested CV (inner folds choose the setting): accuracy {:.4} ± {:.4}, macro-F1 {:.4} ± {:.4}; copy-the-article {:.4} / {:.4}",
        n.accuracy_mean, n.accuracy_std, n.f1_macro_mean, n.f1_macro_std, base.accuracy, base.f1_macro
    );
    for h in &c.halves {
        eprintln!("{h}");
    }
    if c.copies_article {
        eprintln!("newsdesk: nested CV does not beat copy-the-article: the model copies the article's prediction");
    }
    println!(
        "{}",
        serde_json::json!({"model": args.out.display().to_string(), "cv": best, "nested": c.nested,
                           "halves": c.halves, "copy_article": base,
                           "copies_article": c.copies_article})
    );
    Ok(ExitCode::SUCCESS)
}
