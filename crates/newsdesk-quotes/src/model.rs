//! The learned speaker ranker: a linear model over candidate features
//! ([`crate::rank`]), trained as a regularised conditional logit, stored as JSON with
//! its model card.
use super::rank::Candidate;
use crate::QuotesError;
use newsdesk_core::hash::{hash_str, HashKeyed};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The file format tag of a speaker model.
pub const FORMAT: &str = "newsdesk-quotes-speaker/1";

/// Where a model came from and how well it did.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ModelCard {
    pub data: String,
    pub data_sha256: String,
    /// Articles only trained on (`newsdesk train quotes --also-train`), never scored.
    pub also_train: String,
    pub also_train_sha256: String,
    pub command: String,
    pub seed: u64,
    /// Gradient steps of the fit.
    pub steps: usize,
    /// Its L2 penalty.
    pub l2: f64,
    /// Article-level cross-validation: per-fold speaker accuracy and quote F1.
    pub cv_speaker_accuracy: Vec<f64>,
    pub cv_quote_f1: Vec<f64>,
    /// The rules alone on the same folds.
    pub cv_rules_speaker_accuracy: Vec<f64>,
    pub train_quotes: usize,
    /// Training quotations whose right speaker was not among the candidates.
    pub unreachable: usize,
    /// Held-out articles (`newsdesk train quotes --test`) scored by this model and by the rules.
    pub test_data: String,
    pub test_data_sha256: String,
    pub test_speaker_accuracy: f64,
    pub test_rules_speaker_accuracy: f64,
}

/// One training quotation: its candidates' features and which are right.
#[derive(Clone, Debug)]
pub struct Example {
    pub features: Vec<Vec<String>>,
    pub correct: Vec<bool>,
}

/// A linear scorer of speaker candidates.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SpeakerModel {
    pub format: String,
    pub weights: BTreeMap<String, f32>,
    pub card: ModelCard,
    /// The weights keyed by the features' stable hashes, for scoring.
    #[serde(skip)]
    lookup: HashMap<u64, f32, HashKeyed>,
}

impl SpeakerModel {
    fn new(weights: BTreeMap<String, f32>, card: ModelCard) -> SpeakerModel {
        let lookup = weights.iter().map(|(k, v)| (hash_str(k), *v)).collect();
        SpeakerModel {
            format: FORMAT.to_string(),
            weights,
            card,
            lookup,
        }
    }

    /// The shipped model (see its card), parsed once and shared.
    pub fn embedded() -> Arc<SpeakerModel> {
        static MODEL: std::sync::LazyLock<Arc<SpeakerModel>> = std::sync::LazyLock::new(|| {
            Arc::new(
                SpeakerModel::from_json(include_str!("../models/speaker.json"), "models/speaker.json")
                    .expect("the shipped speaker model loads (tested)"),
            )
        });
        MODEL.clone()
    }

    /// Read a model; errors name `origin`.
    pub fn from_json(text: &str, origin: &str) -> Result<SpeakerModel, QuotesError> {
        let bad = |message: String| QuotesError::Model {
            origin: origin.to_string(),
            message,
        };
        let m: SpeakerModel = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
        if m.format != FORMAT {
            return Err(bad(format!("format {:?}, this build reads {FORMAT:?}", m.format)));
        }
        if let Some((k, _)) = m.weights.iter().find(|(_, v)| !v.is_finite()) {
            return Err(bad(format!("weight {k:?} is not finite")));
        }
        Ok(SpeakerModel::new(m.weights, m.card))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a model serializes")
    }

    /// Each candidate's score (a softmax over them gives the model's probabilities).
    pub fn scores(&self, cands: &[Candidate]) -> Vec<f32> {
        cands
            .iter()
            .map(|c| c.hashes().iter().filter_map(|h| self.lookup.get(h)).sum())
            .collect()
    }

    /// The best candidate (the first on ties) and the model's probability for
    /// it: a softmax over the candidates' scores, as in training.
    pub fn choose(&self, cands: &[Candidate]) -> (usize, f32) {
        let scores = self.scores(cands);
        let i = best(scores.iter().copied());
        let top = scores.get(i).copied().unwrap_or(0.0);
        let z: f32 = scores.iter().map(|s| (s - top).exp()).sum();
        (i, if z > 0.0 { 1.0 / z } else { 1.0 })
    }

    /// Fit a conditional logit (softmax over each quotation's candidates) on
    /// `examples`: `steps` full-batch AdaGrad steps on the log-likelihood of
    /// the right candidates (all of them, when several names are right) minus
    /// `l2`·‖w‖²/2. Deterministic; quotations with no right candidate are left out.
    pub fn train(examples: &[Example], steps: usize, l2: f64, card: ModelCard) -> SpeakerModel {
        let mut index: HashMap<&str, usize> = HashMap::new();
        let coded: Vec<(Vec<Vec<usize>>, &[bool])> = examples
            .iter()
            .filter(|ex| ex.correct.contains(&true))
            .map(|ex| {
                let feats = ex
                    .features
                    .iter()
                    .map(|fs| {
                        fs.iter()
                            .map(|f| {
                                let n = index.len();
                                *index.entry(f.as_str()).or_insert(n)
                            })
                            .collect()
                    })
                    .collect();
                (feats, ex.correct.as_slice())
            })
            .collect();
        let mut w = vec![0f64; index.len()];
        let mut g2 = vec![1e-8f64; index.len()];
        let mut grad = vec![0f64; index.len()];
        for _ in 0..steps {
            grad.iter_mut().zip(&w).for_each(|(g, wi)| *g = -l2 * wi);
            for (feats, correct) in &coded {
                let scores: Vec<f64> = feats.iter().map(|fs| fs.iter().map(|&f| w[f]).sum()).collect();
                let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let p: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
                let z: f64 = p.iter().sum();
                let zc: f64 = p.iter().zip(*correct).filter(|(_, c)| **c).map(|(p, _)| p).sum();
                for ((fs, pi), c) in feats.iter().zip(&p).zip(*correct) {
                    // d log(Σ_right p) / d score_i = p_i|right − p_i
                    let d = if *c { pi / zc } else { 0.0 } - pi / z;
                    fs.iter().for_each(|&f| grad[f] += d);
                }
            }
            for ((wi, gi), hi) in w.iter_mut().zip(&grad).zip(g2.iter_mut()) {
                *hi += gi * gi;
                *wi += 0.5 * gi / hi.sqrt();
            }
        }
        let weights = index
            .into_iter()
            .map(|(f, i)| (f.to_string(), w[i] as f32))
            .filter(|(_, v)| *v != 0.0)
            .collect();
        SpeakerModel::new(weights, card)
    }
}

/// Index of the largest score (the first on ties; 0 when empty).
fn best(scores: impl Iterator<Item = f32>) -> usize {
    let mut b = (0, f32::NEG_INFINITY);
    for (i, s) in scores.enumerate() {
        if s > b.1 {
            b = (i, s);
        }
    }
    b.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_to_prefer_a_feature_and_round_trips() {
        let ex = |good: usize| Example {
            features: vec![vec!["none".into()], vec!["a".into()], vec!["b".into()]],
            correct: (0..3).map(|i| i == good).collect(),
        };
        let examples: Vec<Example> = (0..10).map(|i| ex(if i < 8 { 1 } else { 2 })).collect();
        let m = SpeakerModel::train(&examples, 100, 0.1, ModelCard::default());
        assert!(m.weights["a"] > m.weights.get("b").copied().unwrap_or(0.0));
        let back = SpeakerModel::from_json(&m.to_json(), "t").unwrap();
        assert_eq!(back.weights, m.weights);
        let err = SpeakerModel::from_json("{\"format\": \"x\", \"weights\": {}, \"card\": {}}", "m.json");
        assert!(err.unwrap_err().to_string().contains("m.json"));
    }

    #[test]
    fn embedded_model_loads_with_its_card() {
        let m = SpeakerModel::embedded();
        assert!(!m.weights.is_empty());
        assert_eq!((m.card.steps, m.card.l2), (crate::train::STEPS, crate::train::L2));
    }

    /// A refused model names its origin and says what is wrong.
    fn names_origin(e: &QuotesError) -> bool {
        matches!(e, QuotesError::Model { origin, message } if origin == "m.json" && !message.is_empty())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        #[test]
        fn any_text_is_a_model_or_a_clear_error(bytes in proptest::collection::vec(0u8.., 0..300)) {
            if let Err(e) = SpeakerModel::from_json(&String::from_utf8_lossy(&bytes), "m.json") {
                proptest::prop_assert!(names_origin(&e), "{e}");
            }
        }

        /// Mutations of the shipped model (bytes flipped, inserted, cut; lines
        /// doubled or dropped) load or are refused, never panic.
        #[test]
        fn mutated_models_load_or_fail_cleanly(steps in proptest::collection::vec((0u8.., 0usize..1 << 20, 0u8..), 1..4)) {
            let good = include_str!("../models/speaker.json").as_bytes();
            let bytes = newsdesk_core::mutate::mutate_all(good, &steps);
            if let Err(e) = SpeakerModel::from_json(&String::from_utf8_lossy(&bytes), "m.json") {
                proptest::prop_assert!(names_origin(&e), "{e}");
            }
        }
    }
}
