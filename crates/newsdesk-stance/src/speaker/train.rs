//! Training the speaker model: feature rows from articles with gold quotes,
//! cross-validation over articles ([`cv`](super::cv)), the final fit on every pair.
use super::data::SpeakerArticle;
use super::inputs::speaker_inputs;
use super::logreg::LogReg;
use super::{cv, features, prediction, CvResult, SpeakerCard, SpeakerModel};
use crate::classifier::card::DataFile;
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

/// Cross-validate every L2 strength over article folds, repeated with
/// `config.repeats` fold seeds; pick the best mean macro-F1, fit on all
/// pairs; add the nested cross-validation and two-halves figures of that
/// choice ([`cv`](super::cv)). `data`, `name`, `command` go into the card.
pub fn train(
    examples: &[Example],
    config: &SpeakerTrainConfig,
    body_model: &str,
    data: Vec<DataFile>,
    name: &str,
    command: &str,
) -> Result<SpeakerModel, StanceError> {
    let n_articles = examples.iter().map(|e| e.article + 1).max().unwrap_or(0);
    if config.folds < 2 || n_articles < 2 * config.folds || config.l2_grid.is_empty() || config.repeats == 0 {
        return Err(StanceError::Training(format!(
            "need at least 2 folds, twice as many articles ({n_articles}) as folds (for the two-halves check), \
             an L2 value and a repeat"
        )));
    }
    let seeds: Vec<u64> = (0..config.repeats as u64).map(|r| config.seed + r).collect();
    let all: Vec<&Example> = examples.iter().collect();
    let steps = config.steps;
    let fit_predict = |train: &[&Example], l2: f32, test: &[&Example]| -> Vec<Label> {
        let m = fit(train, l2, steps);
        test.iter().map(|e| prediction(m.probs(&e.x)).label).collect()
    };
    let runs = cv::grid_runs(&all, &config.l2_grid, config.folds, &seeds, &fit_predict);
    let l2 = config.l2_grid[cv::best(&runs)];
    let cv: Vec<CvResult> = config
        .l2_grid
        .iter()
        .zip(runs)
        .map(|(&l2, runs)| CvResult {
            l2,
            scores: cv::Scores::from_runs(runs),
        })
        .collect();
    let nested = cv::nested(&all, &config.l2_grid, config.folds, &seeds, &fit_predict);
    let halves = cv::halves(&all, &config.l2_grid, config.folds, &seeds, &fit_predict);
    let gold: Vec<Label> = examples.iter().map(|e| e.label).collect();
    let baseline: Vec<Label> = examples.iter().map(|e| e.doc_label).collect();
    Ok(SpeakerModel {
        model: fit(&all, l2, config.steps),
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
            l2,
            cv,
            nested,
            halves,
            copy_article_baseline: Metrics::compute(&gold, &baseline),
        },
    })
}
