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
//! A class-balanced multinomial logistic regression ([`logreg`]) over
//! [`features::names`]: the log-probabilities of the document-level
//! prediction, of the body model read on all the speaker's quotations and on
//! all attributing sentences, and the per-label maxima over single quotes
//! and single attributing sentences; and the number of quotations. Every
//! feature comes through the body model's public API ([`StanceModel`]).
//! Trained on hand-labelled (speaker, claim) pairs with gold quotes and
//! speakers; the L2 strength is chosen by cross-validation over articles,
//! repeated with several fold seeds (`newsdesk train speakers --folds --repeats`).
//! Since that choice sees the folds it is scored on, the card also holds
//! figures the choice never saw ([`cv`]): nested cross-validation and a
//! two-halves check, each against copy-the-article on the same pairs.
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

/// Cross-validated scores of one L2 strength.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CvResult {
    pub l2: f32,
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
    /// Cross-validation (by article) of every L2 strength tried.
    pub cv: Vec<CvResult>,
    /// The chosen L2 strength (best mean cross-validated macro-F1).
    pub l2: f32,
    /// Nested cross-validation of that choice: the same outer folds and
    /// seeds report, inner folds on each outer training side choose L2.
    pub nested: NestedCv<f32>,
    /// L2 chosen on the even-numbered articles, reported on the odd ones, and
    /// the reverse.
    pub halves: Vec<Half<f32>>,
    /// All pairs labelled with the document-level prediction.
    pub copy_article_baseline: Metrics,
}

/// A trained per-speaker stance model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpeakerModel {
    pub card: SpeakerCard,
    model: LogReg,
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
        let ok = m.model.mean.len() == d
            && m.model.std.len() == d
            && m.model.weights.len() == OUT
            && m.model.weights.iter().all(|r| r.len() == d + 1)
            && d == features::names().len();
        if !ok {
            return Err(StanceError::Corrupt {
                what: what.into(),
                message: format!(
                    "speaker model shapes do not match this build's {} features",
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
    /// document-level prediction, the speaker's quotes and attributing sentences.
    pub fn classify(
        &self,
        body: &StanceModel,
        claim: &Analyzed,
        doc: &Prediction,
        quotes: &str,
        context: &str,
        n_quotes: usize,
    ) -> Prediction {
        let probs = self
            .model
            .probs(&features::row(body, claim, doc, quotes, context, n_quotes));
        prediction(probs)
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
