//! Training the speaker model: feature rows from articles with gold quotes,
//! cross-validation over articles, the final fit on every pair.
use super::data::SpeakerArticle;
use super::inputs::speaker_inputs;
use super::logreg::LogReg;
use super::{features, prediction, CvResult, SpeakerCard, SpeakerModel};
use crate::classifier::card::DataFile;
use crate::classifier::split::Rng;
use crate::classifier::{Label, Metrics, StanceModel};
use crate::StanceError;
use newsdesk_core::Doc;
use rayon::prelude::*;

/// One labelled pair as the model sees it.
#[derive(Clone, Debug)]
pub struct Example {
    /// Index of the article (the unit of cross-validation).
    pub article: usize,
    pub x: Vec<f32>,
    pub label: Label,
    /// The document-level prediction (the copy-the-article baseline).
    pub doc_label: Label,
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct SpeakerTrainConfig {
    pub folds: usize,
    pub seed: u64,
    /// Cross-validation is repeated with fold seeds `seed..seed + repeats`.
    pub repeats: usize,
    pub l2_grid: Vec<f32>,
    pub steps: usize,
}

impl Default for SpeakerTrainConfig {
    fn default() -> Self {
        SpeakerTrainConfig {
            folds: 5,
            seed: 1,
            repeats: 5,
            l2_grid: vec![0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0],
            steps: 300,
        }
    }
}

/// Feature rows of every labelled pair; `docs[i]` is article `i` with its
/// quotes (and speakers) filled in. A pair whose speaker has no quote in the
/// document is an error naming the article.
pub fn examples(body: &StanceModel, articles: &[SpeakerArticle], docs: &[Doc]) -> Result<Vec<Example>, StanceError> {
    let per_article: Vec<Result<Vec<Example>, StanceError>> = articles
        .par_iter()
        .zip(docs)
        .enumerate()
        .map(|(ai, (a, doc))| {
            let speakers = speaker_inputs(doc).map_err(|e| StanceError::Training(format!("{}: {e}", a.id)))?;
            let text = body.analyze(&a.text);
            let mut out = Vec::new();
            for p in &a.pairs {
                let s = speakers
                    .iter()
                    .find(|s| p.matches(&s.name))
                    .ok_or_else(|| StanceError::Training(format!("{}: speaker {:?} has no quote", a.id, p.speaker)))?;
                let claim = body.analyze(&p.claim);
                let doc_pred = body.classify_analyzed(&claim, &text);
                out.push(Example {
                    article: ai,
                    x: features::row(body, &claim, &doc_pred, &s.quote_text, &s.context, s.quotes.len()),
                    label: Label::parse(&p.label).expect("labels are checked when read"),
                    doc_label: doc_pred.label,
                });
            }
            Ok(out)
        })
        .collect();
    let mut out = Vec::new();
    for r in per_article {
        out.extend(r?);
    }
    Ok(out)
}

fn fit(ex: &[&Example], l2: f32, steps: usize) -> LogReg {
    let xs: Vec<Vec<f32>> = ex.iter().map(|e| e.x.clone()).collect();
    let ys: Vec<usize> = ex.iter().map(|e| e.label.index()).collect();
    LogReg::fit(&xs, &ys, l2, steps)
}

/// Article of each fold (`fold_of[article]`), articles shuffled by `seed`.
fn fold_of(n_articles: usize, folds: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n_articles).collect();
    Rng::new(seed).shuffle(&mut order);
    let mut fold_of = vec![0; n_articles];
    for (i, &a) in order.iter().enumerate() {
        fold_of[a] = i % folds;
    }
    fold_of
}

/// Out-of-fold predictions of every pair with L2 strength `l2`.
fn cross_predict(examples: &[Example], fold_of: &[usize], folds: usize, l2: f32, steps: usize) -> Vec<Label> {
    let mut pred = vec![Label::Unrelated; examples.len()];
    for f in 0..folds {
        let train: Vec<&Example> = examples.iter().filter(|e| fold_of[e.article] != f).collect();
        let m = fit(&train, l2, steps);
        for (i, e) in examples.iter().enumerate() {
            if fold_of[e.article] == f {
                pred[i] = prediction(m.probs(&e.x)).label;
            }
        }
    }
    pred
}

/// Mean and (population) standard deviation.
fn mean_std(xs: &[f64]) -> (f64, f64) {
    let n = xs.len().max(1) as f64;
    let mean = xs.iter().sum::<f64>() / n;
    (mean, (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n).sqrt())
}

/// Cross-validate every L2 strength over article folds, repeated with
/// `config.repeats` fold seeds; pick the best mean macro-F1, fit on all
/// pairs. `data`, `name`, `command` go into the card.
pub fn train(
    examples: &[Example],
    config: &SpeakerTrainConfig,
    body_model: &str,
    data: Vec<DataFile>,
    name: &str,
    command: &str,
) -> Result<SpeakerModel, StanceError> {
    let n_articles = examples.iter().map(|e| e.article + 1).max().unwrap_or(0);
    if config.folds < 2 || n_articles < config.folds || config.l2_grid.is_empty() || config.repeats == 0 {
        return Err(StanceError::Training(format!(
            "need at least 2 folds, no more folds than articles ({n_articles}), an L2 value and a repeat"
        )));
    }
    let splits: Vec<Vec<usize>> = (0..config.repeats as u64)
        .map(|r| fold_of(n_articles, config.folds, config.seed + r))
        .collect();
    let gold: Vec<Label> = examples.iter().map(|e| e.label).collect();
    let cv: Vec<CvResult> = config
        .l2_grid
        .par_iter()
        .map(|&l2| {
            let runs: Vec<Metrics> = splits
                .iter()
                .map(|f| Metrics::compute(&gold, &cross_predict(examples, f, config.folds, l2, config.steps)))
                .collect();
            let (accuracy_mean, accuracy_std) = mean_std(&runs.iter().map(|m| m.accuracy).collect::<Vec<_>>());
            let (f1_macro_mean, f1_macro_std) = mean_std(&runs.iter().map(|m| m.f1_macro).collect::<Vec<_>>());
            CvResult {
                l2,
                accuracy_mean,
                accuracy_std,
                f1_macro_mean,
                f1_macro_std,
                metrics: runs.into_iter().next().expect("at least one repeat"),
            }
        })
        .collect();
    let best = cv
        .iter()
        .max_by(|a, b| a.f1_macro_mean.total_cmp(&b.f1_macro_mean))
        .expect("grid is not empty");
    let all: Vec<&Example> = examples.iter().collect();
    let baseline: Vec<Label> = examples.iter().map(|e| e.doc_label).collect();
    Ok(SpeakerModel {
        model: fit(&all, best.l2, config.steps),
        card: SpeakerCard {
            name: name.into(),
            description: "per-speaker stance: class-balanced multinomial logistic regression over the document-level \
                          prediction, the body model on all of the speaker's quotes and all attributing sentences, \
                          its strongest reading of each label on any one quote and any one attributing sentence, \
                          and the number of quotes"
                .into(),
            command: command.into(),
            data,
            body_model: body_model.into(),
            features: features::names(),
            articles: n_articles,
            pairs: examples.len(),
            folds: config.folds,
            seed: config.seed,
            repeats: config.repeats,
            l2: best.l2,
            cv: cv.clone(),
            copy_article_baseline: Metrics::compute(&gold, &baseline),
        },
    })
}
