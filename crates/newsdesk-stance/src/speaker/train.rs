//! Training the speaker model: feature rows from articles with gold quotes,
//! cross-validation over articles ([`cv`](super::cv)), the final fit on every pair.
use super::data::SpeakerArticle;
use super::inputs::speaker_inputs;
use super::logreg::LogReg;
use super::{cv, features, prediction, CvResult, Setting, SpeakerCard, SpeakerModel};
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
    /// Every L2 strength is tried in every family.
    pub l2_grid: Vec<f32>,
    /// Families of settings: (article prior, balanced class weights).
    pub families: Vec<(bool, bool)>,
    pub steps: usize,
}

impl Default for SpeakerTrainConfig {
    fn default() -> Self {
        SpeakerTrainConfig {
            folds: 5,
            seed: 1,
            repeats: 5,
            l2_grid: vec![0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0],
            families: vec![(false, true), (true, false)],
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

fn fit(ex: &[&Example], s: Setting, steps: usize) -> LogReg {
    let xs: Vec<Vec<f32>> = ex.iter().map(|e| e.x.clone()).collect();
    let ys: Vec<usize> = ex.iter().map(|e| e.label.index()).collect();
    let prior = if s.article_prior { features::ARTICLE_LOG_P } else { &[] };
    LogReg::fit(&xs, &ys, prior, s.balanced, s.l2, steps)
}

/// Cross-validate every setting (L2 strength, with and without the article
/// prior) over article folds, repeated with
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
    if config.folds < 2
        || n_articles < 2 * config.folds
        || config.l2_grid.is_empty()
        || config.families.is_empty()
        || config.repeats == 0
    {
        return Err(StanceError::Training(format!(
            "need at least 2 folds, twice as many articles ({n_articles}) as folds (for the two-halves check), \
             an L2 value, a family of settings and a repeat"
        )));
    }
    let seeds: Vec<u64> = (0..config.repeats as u64).map(|r| config.seed + r).collect();
    let all: Vec<&Example> = examples.iter().collect();
    let steps = config.steps;
    let fit_predict = |train: &[&Example], s: Setting, test: &[&Example]| -> Vec<Label> {
        let m = fit(train, s, steps);
        test.iter().map(|e| prediction(m.probs(&e.x)).label).collect()
    };
    let grid: Vec<Setting> = config
        .families
        .iter()
        .flat_map(|&(article_prior, balanced)| {
            config.l2_grid.iter().map(move |&l2| Setting {
                l2,
                article_prior,
                balanced,
            })
        })
        .collect();
    let runs = cv::grid_runs(&all, &grid, config.folds, &seeds, &fit_predict);
    let setting = grid[cv::best(&runs)];
    let cv: Vec<CvResult> = grid
        .iter()
        .zip(runs)
        .map(|(&setting, runs)| CvResult {
            setting,
            scores: cv::Scores::from_runs(runs),
        })
        .collect();
    let nested = cv::nested(&all, &grid, config.folds, &seeds, &fit_predict);
    let halves = cv::halves(&all, &grid, config.folds, &seeds, &fit_predict);
    let gold: Vec<Label> = examples.iter().map(|e| e.label).collect();
    let baseline = Metrics::compute(&gold, &examples.iter().map(|e| e.doc_label).collect::<Vec<_>>());
    let copies_article = !beats(&nested.scores, &baseline);
    Ok(SpeakerModel {
        model: (!copies_article).then(|| fit(&all, setting, config.steps)),
        card: SpeakerCard {
            name: name.into(),
            description: if copies_article {
                "per-speaker stance: the document-level prediction (copy-the-article), since the learned model \
                 (see cv and nested) did not beat it in nested cross-validation"
            } else {
                "per-speaker stance: multinomial logistic regression over the document-level prediction (a \
                 feature or a prior, see setting), the body model on all of the speaker's quotes and all \
                 attributing sentences, its strongest reading of each label on any one quote and any one \
                 attributing sentence, and the number of quotes"
            }
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
            setting,
            cv,
            nested,
            halves,
            copy_article_baseline: baseline,
            copies_article,
        },
    })
}

/// Nested cross-validation beats copy-the-article on both mean accuracy and
/// mean macro-F1.
fn beats(nested: &cv::Scores, copy: &Metrics) -> bool {
    nested.accuracy_mean > copy.accuracy && nested.f1_macro_mean > copy.f1_macro
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 12 articles of 10 pairs; the first four features are the label one-hot
    /// when `informative`, else only the fifth varies, by article; the
    /// article's label is right on every other pair.
    fn toy(informative: bool) -> Vec<Example> {
        (0..120)
            .map(|i| {
                let label = Label::ALL[i % 4];
                let mut x: Vec<f32> = (0..4).map(|k| (informative && k == i % 4) as u8 as f32).collect();
                x.push((i / 10) as f32);
                Example {
                    article: i / 10,
                    x,
                    label,
                    doc_label: if i % 2 == 0 { label } else { Label::ALL[(i + 1) % 4] },
                }
            })
            .collect()
    }

    fn trained(informative: bool) -> SpeakerModel {
        let config = SpeakerTrainConfig {
            folds: 3,
            repeats: 1,
            l2_grid: vec![0.01, 1.0],
            steps: 100,
            ..SpeakerTrainConfig::default()
        };
        train(&toy(informative), &config, "toy", Vec::new(), "toy", "test").unwrap()
    }

    #[test]
    fn copies_the_article_unless_nested_cv_beats_it() {
        let m = trained(false);
        let (n, base) = (&m.card.nested.scores, &m.card.copy_article_baseline);
        assert!(
            n.accuracy_mean <= base.accuracy,
            "{} vs {}",
            n.accuracy_mean,
            base.accuracy
        );
        assert!(m.card.copies_article && m.model.is_none());
        let m = trained(true);
        assert!(m.card.nested.scores.accuracy_mean > 0.9);
        assert!(!m.card.copies_article && m.model.is_some());
        assert_eq!(m.card.cv.len(), 4, "two L2 values in two families");
    }
}
