//! `newsdesk train ner`: train an entity recognizer on a CoNLL-style file,
//! picking the epoch by dev F1; the model card records data checksums, the
//! command line, seed and dev scores.
use super::CmdResult;
use crate::progress;
use newsdesk::train::ner::{
    file_sha256, read_file, read_span_docs, to_gold_documents, train, Clusters, Document, Format, Gazetteer, ModelCard,
    TrainEvent, TrainOptions,
};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Training file.
    #[arg(long)]
    train: PathBuf,
    /// Dev file (model selection only).
    #[arg(long)]
    dev: PathBuf,
    /// ontonotes | conll2003 | wnut17
    #[arg(long)]
    format: String,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    #[arg(long, default_value_t = 12)]
    epochs: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Word clusters (`word<TAB>bitpath` lines) to use as features and ship in the model.
    #[arg(long)]
    clusters: Option<PathBuf>,
    /// Name lists (`class<TAB>lowercase phrase` lines, class a bit set below 64)
    /// to use as features and ship in the model.
    #[arg(long)]
    lexicon: Option<PathBuf>,
    /// Ignore features seen fewer times than this in training.
    #[arg(long, default_value_t = 1)]
    min_count: u32,
    /// Drop averaged weights smaller than this (absolute).
    #[arg(long, default_value_t = 0.01)]
    prune: f32,
    /// Feature dropout probability during training.
    #[arg(long, default_value_t = 0.0)]
    dropout: f32,
    /// Hamming-cost margin for loss-augmented decoding during training.
    #[arg(long, default_value_t = 0.0)]
    margin: f32,
    /// Decode once per document (no second pass over document-level evidence).
    #[arg(long)]
    single_pass: bool,
    /// Raw-text training documents with character-span entities (`spans`
    /// JSONL, as read by `eval ner --format spans`), mapped onto the tokenizer's
    /// tokens and added to the training file.
    #[arg(long)]
    extra: Option<PathBuf>,
    /// Repeat each `--extra` document this many times.
    #[arg(long, default_value_t = 1)]
    extra_weight: usize,
    /// Model name for the card (default: the output file stem).
    #[arg(long)]
    name: Option<String>,
}

pub fn run(args: Args) -> CmdResult {
    let format: Format = args.format.parse()?;
    let mut train_docs = read_file(&args.train, format)?;
    if let Some(extra) = &args.extra {
        let (docs, dropped) = to_gold_documents(&read_span_docs(extra)?);
        let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
        eprintln!(
            "train ner: {} extra documents ({sentences} sentences, {dropped} dropped for entities off token boundaries) x{}",
            docs.len(),
            args.extra_weight
        );
        add_repeated(&mut train_docs, &docs, args.extra_weight);
    }
    let dev_docs = read_file(&args.dev, format)?;
    let clusters = args.clusters.as_deref().map(Clusters::read).transpose()?;
    let lexicon = args.lexicon.as_deref().map(Gazetteer::read_lexicon).transpose()?;
    let mut features = newsdesk::train::ner::FeatureConfig::default();
    if clusters.is_none() {
        features.cluster_prefixes.clear();
    }
    features.lexicon = lexicon.is_some();
    features.two_pass = !args.single_pass;
    let card = ModelCard {
        name: args.name.clone().unwrap_or_else(|| {
            args.out
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        }),
        format: args.format.clone(),
        train_file: file_name(&args.train),
        train_sha256: file_sha256(&args.train)?,
        dev_file: file_name(&args.dev),
        dev_sha256: file_sha256(&args.dev)?,
        clusters_file: args.clusters.as_deref().map(file_name),
        clusters_sha256: args.clusters.as_deref().map(file_sha256).transpose()?,
        lexicon_file: args.lexicon.as_deref().map(file_name),
        lexicon_sha256: args.lexicon.as_deref().map(file_sha256).transpose()?,
        extra_file: args.extra.as_deref().map(file_name),
        extra_sha256: args.extra.as_deref().map(file_sha256).transpose()?,
        extra_weight: args.extra.as_ref().map(|_| args.extra_weight),
        command: std::env::args().collect::<Vec<_>>().join(" "),
        ..ModelCard::default()
    };
    let opts = TrainOptions {
        epochs: args.epochs,
        seed: args.seed,
        features,
        clusters,
        lexicon,
        min_count: args.min_count,
        prune: args.prune,
        dropout: args.dropout,
        margin: args.margin,
        card,
    };
    let mut pb = progress::bar(None, "sentences");
    let model = train(&train_docs, &dev_docs, opts, |ev| match ev {
        TrainEvent::Prepared {
            sentences,
            features,
            tags,
        } => {
            eprintln!(
                "train ner: {sentences} sentences, {features} features, {tags} tags, {} epochs",
                args.epochs
            );
            pb = progress::bar(Some(*sentences as u64), "sentences");
        }
        TrainEvent::Step { epoch, done } => {
            pb.set_message(format!("epoch {epoch}"));
            pb.set_position(*done as u64);
        }
        TrainEvent::Epoch {
            epoch,
            dev,
            errors,
            seconds,
        } => {
            pb.println(format!(
                "epoch {epoch}: dev P {:.4} R {:.4} F1 {:.4}  ({errors} sentences with errors, {seconds:.1}s)",
                dev.precision, dev.recall, dev.f1
            ));
            if !pb.is_hidden() {
                pb.reset();
            } else {
                eprintln!(
                    "epoch {epoch}: dev P {:.4} R {:.4} F1 {:.4}  ({errors} sentences with errors, {seconds:.1}s)",
                    dev.precision, dev.recall, dev.f1
                );
            }
        }
    })?;
    pb.finish_and_clear();
    model.save(&args.out)?;
    let card = model.card();
    let size = std::fs::metadata(&args.out)?.len();
    eprintln!(
        "best epoch {} dev F1 {:.4}; {} features, {} weights; wrote {} ({:.1} MB)",
        card.best_epoch,
        card.dev.f1,
        card.features,
        card.weights,
        args.out.display(),
        size as f64 / 1e6
    );
    let card_path = args.out.with_extension("card.json");
    std::fs::write(&card_path, serde_json::to_string_pretty(card)? + "\n")?;
    Ok(ExitCode::SUCCESS)
}

/// Append `copies` copies of `extra` to `train`. Training builds its
/// gazetteer features from folds of documents by index modulo
/// `newsdesk::train::ner::GAZETTEER_FOLDS`; every copy of a document lands at the same
/// index modulo that (gaps are empty documents), so no copy of a document
/// ever feeds the gazetteer of its own fold.
fn add_repeated(train: &mut Vec<Document>, extra: &[Document], copies: usize) {
    let folds = newsdesk::train::ner::GAZETTEER_FOLDS;
    let span = extra.len().div_ceil(folds) * folds;
    while train.len() % folds != 0 {
        train.push(Document::default());
    }
    for _ in 0..copies {
        let at = train.len();
        train.extend_from_slice(extra);
        train.resize(at + span, Document::default());
    }
}

fn file_name(p: &std::path::Path) -> String {
    p.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::add_repeated;
    use newsdesk::train::ner::{Document, GoldSentence, GAZETTEER_FOLDS};

    #[test]
    fn copies_of_a_document_share_their_fold() {
        let doc = |w: &str| Document {
            sentences: vec![GoldSentence {
                words: vec![w.to_string()],
                spans: Vec::new(),
            }],
        };
        let mut train = vec![doc("a"), doc("b"), doc("c")];
        let extra = vec![doc("x"), doc("y")];
        add_repeated(&mut train, &extra, 3);
        let at = |w: &str| -> Vec<usize> {
            (0..train.len())
                .filter(|&i| train[i].sentences.first().is_some_and(|s| s.words[0] == w))
                .collect()
        };
        for w in ["x", "y"] {
            let idx = at(w);
            assert_eq!(idx.len(), 3, "{w}");
            assert!(
                idx.iter().all(|i| i % GAZETTEER_FOLDS == idx[0] % GAZETTEER_FOLDS),
                "{idx:?}"
            );
        }
        assert_eq!(at("a"), vec![0]);
    }
}
