//! `newsdesk eval speakers`: per-speaker stance against hand-labelled
//! (speaker, claim) pairs (the `stance/speakers/train.jsonl` format), end to
//! end (the pipeline's own quotes and speakers), and with `--quotes` also on
//! the gold quotes and speakers, so quote/speaker errors and stance errors
//! separate. A gold pair scores the label given to the predicted speaker
//! named `speaker` or one of `speaker_also` (case-insensitive); no such
//! speaker counts as wrong. The copy-the-article baseline labels every pair
//! with the document-level prediction.
use super::CmdResult;
use newsdesk::train::quotes::read_gold;
use newsdesk::train::stance::speaker::{self, SpeakerArticle};
use newsdesk::train::stance::{Label, Metrics};
use newsdesk::Pipeline;
use newsdesk::QuoteExtractor;
use newsdesk::{ClaimStance, Doc};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Labelled pairs, one article per line.
    #[arg(long)]
    pub data: PathBuf,
    /// Gold quotes of the same articles (`quotes/*.jsonl`): also score with them.
    #[arg(long)]
    pub quotes: Option<PathBuf>,
    /// Pipeline (a `newsdesk::load` name).
    #[arg(long, default_value = "ontonotes")]
    pub pipeline: String,
}

/// Accuracy, macro-F1 and per-class F1 (a missing speaker is a wrong answer).
fn summary(gold: &[Label], pred: &[Option<Label>]) -> Value {
    let m = Metrics::compute_missing(gold, pred);
    let per_class: serde_json::Map<String, Value> = m.per_class.iter().map(|(k, c)| (k.clone(), json!(c.f1))).collect();
    json!({"accuracy": m.accuracy, "f1_macro": m.f1_macro, "per_class_f1": per_class})
}

/// Gold labels, the speakers' predicted labels and the documents' labels of every pair.
fn labels(articles: &[SpeakerArticle], stances: &[Vec<ClaimStance>]) -> (Vec<Label>, Vec<Option<Label>>, Vec<Label>) {
    let (mut gold, mut pred, mut doc) = (Vec::new(), Vec::new(), Vec::new());
    for (a, cs) in articles.iter().zip(stances) {
        for p in &a.pairs {
            let c = cs.iter().find(|c| c.claim == p.claim).expect("every claim is scored");
            gold.push(Label::parse(&p.label).expect("checked when read"));
            doc.push(Label::parse(&c.stance.label).unwrap_or(Label::Unrelated));
            pred.push(
                c.speakers
                    .iter()
                    .find(|s| p.matches(&s.speaker))
                    .and_then(|s| Label::parse(&s.stance.label)),
            );
        }
    }
    (gold, pred, doc)
}

fn stances(
    nlp: &Pipeline,
    articles: &[SpeakerArticle],
    docs: &[Doc],
) -> Result<Vec<Vec<ClaimStance>>, newsdesk::Error> {
    articles
        .iter()
        .zip(docs)
        .map(|(a, d)| nlp.stances(d, &a.claims))
        .collect()
}

pub fn run(args: Args) -> CmdResult {
    let articles = speaker::read_articles(&args.data)?;
    let mut nlp = newsdesk::load(&args.pipeline)?;
    if !nlp.component_names().iter().any(|n| n == "quotes") {
        nlp = nlp.add(QuoteExtractor::default());
    }
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let mut docs = Vec::with_capacity(texts.len());
    for (a, r) in articles.iter().zip(nlp.try_process_batch(&texts)) {
        docs.push(r.map_err(|e| format!("{}: article {}: {e}", args.data.display(), a.id))?);
    }
    let (gold, pred, doc) = labels(&articles, &stances(&nlp, &articles, &docs)?);
    let found = pred.iter().filter(|p| p.is_some()).count();
    let doc_pred: Vec<Option<Label>> = doc.iter().copied().map(Some).collect();
    let mut out = json!({
        "data": args.data.display().to_string(),
        "articles": articles.len(),
        "pairs": gold.len(),
        "end_to_end": summary(&gold, &pred),
        "speakers_found": found,
        "copy_the_article": summary(&gold, &doc_pred),
    });
    if let Some(q) = &args.quotes {
        let gold_docs = speaker::docs_with_gold_quotes(&articles, &read_gold(q)?)?;
        let (g, p, _) = labels(&articles, &stances(&nlp, &articles, &gold_docs)?);
        out["gold_quotes"] = summary(&g, &p);
    }
    eprintln!(
        "newsdesk: {} pairs: end to end accuracy {:.4}, macro-F1 {:.4} ({found} speakers found); copy-the-article {:.4} / {:.4}",
        gold.len(),
        out["end_to_end"]["accuracy"].as_f64().unwrap_or(0.0),
        out["end_to_end"]["f1_macro"].as_f64().unwrap_or(0.0),
        out["copy_the_article"]["accuracy"].as_f64().unwrap_or(0.0),
        out["copy_the_article"]["f1_macro"].as_f64().unwrap_or(0.0),
    );
    println!("{out}");
    Ok(ExitCode::SUCCESS)
}
