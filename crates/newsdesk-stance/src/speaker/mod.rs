//! Per-speaker stance: where each quoted speaker stands on a claim, from the
//! claim, the speaker's quotations, the sentences that attribute them and the
//! document-level prediction (a speaker often differs from the article: a
//! neutral report quotes a spokesman who denies the claim).
//!
//! ```
//! use newsdesk_stance::speaker::SpeakerModel;
//! use newsdesk_stance::StanceModel;
//! let body = StanceModel::embedded("fnc1")?;
//! let speakers = SpeakerModel::embedded()?;
//! let claim = body.analyze("The mayor resigned");
//! let article = "The mayor resigned, officials said. \"It is all false,\" his spokesman said.";
//! let doc = body.classify_analyzed(&claim, &body.analyze(article));
//! let p = speakers.classify(&body, &claim, &doc, "It is all false,", "\"It is all false,\" his spokesman said.", 1);
//! assert!((p.probs.iter().sum::<f32>() - 1.0).abs() < 1e-4);
//! # Ok::<(), newsdesk_stance::StanceError>(())
//! ```
//!
//! # Model
//! A multinomial logistic regression ([`logreg`]) over [`features::names`]:
//! the log-probabilities of the document-level prediction, of the body model
//! read on all the speaker's quotations and on all attributing sentences,
//! and the per-label maxima over single quotes and single attributing
//! sentences; and the number of quotations. Every feature comes through the
//! body model's public API ([`StanceModel`]). Two families of settings
//! ([`Setting`]): class-balanced with the document-level prediction as a
//! feature like the others, or unweighted with it as a prior (the weights
//! learn how a speaker departs from the article). Trained on hand-labelled
//! (speaker, claim) pairs with gold quotes and speakers; the setting is
//! chosen by cross-validation over articles, repeated with several fold
//! seeds (`newsdesk train speakers --folds --repeats`). Since that choice sees
//! the folds it is scored on, the card also holds figures the choice never
//! saw ([`cv`]): nested cross-validation and a two-halves check, each
//! against copy-the-article on the same pairs.
//!
//! # Copying the article
//! Unless the nested cross-validation beats copy-the-article on both
//! accuracy and macro-F1, training keeps no regression
//! ([`SpeakerCard::copies_article`]): every speaker then gets the
//! document-level prediction (label and scores), which on unseen articles
//! was the better answer.
pub mod cv;
pub mod data;
pub mod features;
pub mod inputs;
pub mod logreg;
mod train;

pub use cv::{Half, NestedCv, Scores};
pub use data::{docs_with_gold_quotes, read_articles, SpeakerArticle, SpeakerPair};
pub use inputs::{speaker_inputs, SpeakerInput};
pub use train::{examples, train, Example, SpeakerTrainConfig};

use crate::classifier::card::DataFile;
use crate::classifier::features::Analyzed;
use crate::classifier::mlp::OUT;
use crate::classifier::{Label, Metrics, Prediction, StanceModel};
use crate::StanceError;
use logreg::LogReg;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One setting of the speaker model: the L2 strength, and whether the
/// document-level prediction is a prior (its log-probabilities added to the
/// logits, so the weights learn how a speaker departs from the article and
/// strong L2 leans towards copying it) or only features like the others.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Setting {
    pub l2: f32,
    pub article_prior: bool,
    /// Class weights balance the labels in the loss.
    pub balanced: bool,
}

impl std::fmt::Display for Setting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let prior = if self.article_prior {
            "article prior"
        } else {
            "no prior"
        };
        let weights = if self.balanced { "balanced" } else { "unweighted" };
        write!(f, "l2 {}, {prior}, {weights}", self.l2)
    }
}

/// Cross-validated scores of one setting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CvResult {
    #[serde(flatten)]
    pub setting: Setting,
    #[serde(flatten)]
    pub scores: Scores,
}

/// What the speaker model is, how it was trained and how it scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpeakerCard {
    pub name: String,
    pub description: String,
    pub command: String,
    pub data: Vec<DataFile>,
    /// Name of the body-level model whose predictions are features.
    pub body_model: String,
    pub features: Vec<String>,
    pub articles: usize,
    pub pairs: usize,
    pub folds: usize,
    /// Fold seed of the first repeat (the others follow it).
    pub seed: u64,
    /// Cross-validation repeats, each with its own fold seed.
    pub repeats: usize,
    /// Cross-validation (by article) of every setting tried.
    pub cv: Vec<CvResult>,
    /// The chosen setting (best mean cross-validated macro-F1).
    pub setting: Setting,
    /// Nested cross-validation of that choice: the same outer folds and
    /// seeds report, inner folds on each outer training side choose the setting.
    pub nested: NestedCv<Setting>,
    /// The setting chosen on the even-numbered articles, reported on the odd
    /// ones, and the reverse.
    pub halves: Vec<Half<Setting>>,
    /// All pairs labelled with the document-level prediction.
    pub copy_article_baseline: Metrics,
    /// The nested cross-validation did not beat `copy_article_baseline` on
    /// both accuracy and macro-F1, so the model has no regression and every
    /// speaker gets the document-level prediction.
    pub copies_article: bool,
}

impl SpeakerCard {
    /// The cross-validated scores of the chosen setting.
    pub fn chosen_scores(&self) -> Option<&Scores> {
        self.cv.iter().find(|r| r.setting == self.setting).map(|r| &r.scores)
    }
}

/// A trained per-speaker stance model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpeakerModel {
    pub card: SpeakerCard,
    /// The fitted regression; `None` when the card says it copies the article.
    model: Option<LogReg>,
}

impl SpeakerModel {
    /// The shipped model (trained with the `fnc1` body model).
    pub fn embedded() -> Result<SpeakerModel, StanceError> {
        let bytes = crate::classifier::embedded::bytes("speakers")?;
        SpeakerModel::from_json(bytes, "speakers")
    }

    pub fn from_json(bytes: &[u8], what: &str) -> Result<SpeakerModel, StanceError> {
        let m: SpeakerModel = serde_json::from_slice(bytes).map_err(|e| StanceError::Corrupt {
            what: what.into(),
            message: e.to_string(),
        })?;
        let d = m.card.features.len();
        let shapes = |r: &LogReg| {
            r.mean.len() == d
                && r.std.len() == d
                && r.weights.len() == OUT
                && r.weights.iter().all(|w| w.len() == d + 1)
                && (r.prior.is_empty() || r.prior.len() == OUT && r.prior.iter().all(|&j| j < d))
        };
        let ok = match &m.model {
            Some(r) => !m.card.copies_article && shapes(r),
            None => m.card.copies_article,
        } && d == features::names().len();
        if !ok {
            return Err(StanceError::Corrupt {
                what: what.into(),
                message: format!(
                    "speaker model shapes do not match this build's {} features or its card's copies_article",
                    features::names().len()
                ),
            });
        }
        Ok(m)
    }

    pub fn load(path: &Path) -> Result<SpeakerModel, StanceError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| StanceError::Io {
            path: name.clone(),
            source,
        })?;
        SpeakerModel::from_json(&bytes, &name)
    }

    pub fn save(&self, path: &Path) -> Result<(), StanceError> {
        let text = serde_json::to_string_pretty(self).expect("a speaker model always serializes");
        std::fs::write(path, text + "\n").map_err(|source| StanceError::Write {
            path: path.display().to_string(),
            source,
        })
    }

    /// Stance of one speaker towards `claim` (analysed by `body`), given the
    /// document-level prediction, the speaker's quotes and attributing
    /// sentences: `doc` itself when the model copies the article.
    pub fn classify(
        &self,
        body: &StanceModel,
        claim: &Analyzed,
        doc: &Prediction,
        quotes: &str,
        context: &str,
        n_quotes: usize,
    ) -> Prediction {
        match &self.model {
            Some(m) => prediction(m.probs(&features::row(body, claim, doc, quotes, context, n_quotes))),
            None => *doc,
        }
    }
}

/// The arg-max prediction of label probabilities.
fn prediction(probs: [f32; OUT]) -> Prediction {
    let best = (0..OUT).max_by(|&a, &b| probs[a].total_cmp(&probs[b])).unwrap_or(0);
    Prediction {
        label: Label::ALL[best],
        probs,
    }
}
