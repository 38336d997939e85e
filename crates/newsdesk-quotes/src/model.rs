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
    /// Its margin: what the fit adds to every wrong candidate's score (see [`Fit`]).
    pub margin: f64,
    /// The temperature the weights were divided by so that the ranker's softmax
    /// is a calibrated probability (fitted on out-of-fold scores; see [`SpeakerModel::train`]).
    pub temperature: f64,
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
    /// The article it comes from (any number shared by the article's
    /// quotations): the calibration's inner folds keep articles whole.
    pub article: usize,
    /// Whether its out-of-fold score fits the temperature: articles like those
    /// the model will meet, not those the rules were read from (whose scores
    /// are too good). When no example is, all are.
    pub calibrates: bool,
}

/// How the ranker is fitted: `steps` full-batch AdaGrad steps on the
/// conditional log-likelihood minus `l2`·‖w‖²/2, with `margin` added to every
/// wrong candidate's score during the fit (a softmax-margin loss: the right
/// candidate must win by about `margin`, not merely win; more of the
/// quotations right, the softmax overconfident until calibrated). `l2` and
/// `margin` are finite and ≥ 0 (`newsdesk train quotes` refuses others).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    pub steps: usize,
    pub l2: f64,
    pub margin: f64,
}

impl Default for Fit {
    fn default() -> Self {
        Fit {
            steps: crate::train::STEPS,
            l2: crate::train::L2,
            margin: crate::train::MARGIN,
        }
    }
}

/// Inner folds (by article) whose out-of-fold scores fit the temperature.
pub const CALIBRATION_FOLDS: usize = 5;

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
    /// `examples` as `fit` says, with every right candidate counted (several
    /// names can be right); quotations with no right candidate are left out.
    /// Then calibrate: models fitted the same way on all but one of
    /// [`CALIBRATION_FOLDS`] folds of the articles score the fold left out,
    /// and the temperature that maximizes those scores' likelihood divides the
    /// weights (the choice is unchanged; [`Self::choose`]'s probability is
    /// calibrated). Deterministic.
    pub fn train(examples: &[Example], fit: Fit, mut card: ModelCard) -> SpeakerModel {
        let usable: Vec<&Example> = examples.iter().filter(|ex| ex.correct.contains(&true)).collect();
        let mut held = Vec::new();
        for k in 0..CALIBRATION_FOLDS {
            let (out, rest): (Vec<&Example>, Vec<&Example>) =
                usable.iter().partition(|ex| ex.article % CALIBRATION_FOLDS == k);
            if out.is_empty() || rest.is_empty() {
                continue;
            }
            let w = weights(&rest, fit);
            let any = usable.iter().any(|ex| ex.calibrates);
            held.extend(out.iter().filter(|ex| ex.calibrates || !any).map(|ex| {
                let scores = ex
                    .features
                    .iter()
                    .map(|fs| fs.iter().filter_map(|f| w.get(f.as_str())).map(|&v| f64::from(v)).sum())
                    .collect();
                (scores, ex.correct.as_slice())
            }));
        }
        let t = temperature(&held);
        card.temperature = t;
        let w = weights(&usable, fit)
            .into_iter()
            .map(|(f, v)| (f, (f64::from(v) / t) as f32))
            .collect();
        SpeakerModel::new(w, card)
    }
}

/// The weights of a conditional logit fitted on `examples` (each with a right
/// candidate) as `fit` says; features weighted zero are left out.
fn weights(examples: &[&Example], fit: Fit) -> BTreeMap<String, f32> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let coded: Vec<(Vec<Vec<usize>>, &[bool])> = examples
        .iter()
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
    for _ in 0..fit.steps {
        grad.iter_mut().zip(&w).for_each(|(g, wi)| *g = -fit.l2 * wi);
        for (feats, correct) in &coded {
            let scores: Vec<f64> = feats
                .iter()
                .zip(*correct)
                .map(|(fs, c)| fs.iter().map(|&f| w[f]).sum::<f64>() + if *c { 0.0 } else { fit.margin })
                .collect();
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
    index
        .into_iter()
        .map(|(f, i)| (f.to_string(), w[i] as f32))
        .filter(|(_, v)| *v != 0.0)
        .collect()
}

/// The temperature `t` in [0.1, 10] that maximizes the likelihood of the right
/// candidates under the softmax of `scores / t` (golden-section search on
/// `ln t`; 1 without scores).
fn temperature(held: &[(Vec<f64>, &[bool])]) -> f64 {
    if held.is_empty() {
        return 1.0;
    }
    let nll = |log_t: f64| -> f64 {
        let t = log_t.exp();
        held.iter().map(|(scores, correct)| right_nll(scores, correct, t)).sum()
    };
    let g = (5f64.sqrt() - 1.0) / 2.0;
    let (mut a, mut b) = (0.1f64.ln(), 10f64.ln());
    let (mut c, mut d) = (b - g * (b - a), a + g * (b - a));
    let (mut fc, mut fd) = (nll(c), nll(d));
    for _ in 0..60 {
        if fc < fd {
            (b, d, fd) = (d, c, fc);
            c = b - g * (b - a);
            fc = nll(c);
        } else {
            (a, c, fc) = (c, d, fd);
            d = a + g * (b - a);
            fd = nll(d);
        }
    }
    ((a + b) / 2.0).exp()
}

/// −ln of the probability of the right candidates (`correct`) under the
/// softmax of `scores / t`: one quotation's loss (infinite when none is right).
pub(crate) fn right_nll(scores: &[f64], correct: &[bool], t: f64) -> f64 {
    let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e: Vec<f64> = scores.iter().map(|s| ((s - top) / t).exp()).collect();
    let right: f64 = e.iter().zip(correct).filter(|(_, c)| **c).map(|(e, _)| e).sum();
    e.iter().sum::<f64>().ln() - right.ln()
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

    /// Ten articles: in eight `a` is right, in two `b`.
    fn eight_of_ten() -> Vec<Example> {
        let ex = |article: usize, good: usize| Example {
            features: vec![vec!["none".into()], vec!["a".into()], vec!["b".into()]],
            correct: (0..3).map(|i| i == good).collect(),
            article,
            calibrates: true,
        };
        (0..10).map(|i| ex(i, if i % 5 == 0 { 2 } else { 1 })).collect()
    }

    /// A fit with a light penalty (0.1), for these few examples.
    fn light_fit(steps: usize, margin: f64) -> Fit {
        Fit { steps, l2: 0.1, margin }
    }

    /// Candidates with the features of [`eight_of_ten`]'s.
    fn cands() -> Vec<Candidate> {
        ["none", "a", "b"]
            .iter()
            .map(|f| {
                let mut c = Candidate::new(None, false);
                c.push(&[f]);
                c
            })
            .collect()
    }

    #[test]
    fn learns_to_prefer_a_feature_and_round_trips() {
        let fit = light_fit(100, 0.0);
        let m = SpeakerModel::train(&eight_of_ten(), fit, ModelCard::default());
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
        assert_eq!(
            (m.card.steps, m.card.l2, m.card.margin),
            (Fit::default().steps, Fit::default().l2, Fit::default().margin)
        );
        assert!(m.card.temperature > 0.0);
    }

    /// Articles the rules were read from (always right here) do not fit the
    /// temperature: with them left out of it the probabilities come out lower.
    #[test]
    fn only_calibrating_articles_fit_the_temperature() {
        let fit = light_fit(300, 0.0);
        let mut examples = eight_of_ten();
        examples.extend((10..30).map(|article| Example {
            correct: vec![false, true, false],
            article,
            calibrates: false,
            ..eight_of_ten()[1].clone()
        }));
        let apart = SpeakerModel::train(&examples, fit, ModelCard::default());
        examples.iter_mut().for_each(|e| e.calibrates = true);
        let pooled = SpeakerModel::train(&examples, fit, ModelCard::default());
        assert!(
            apart.card.temperature > pooled.card.temperature,
            "{} {}",
            apart.card.temperature,
            pooled.card.temperature
        );
        assert!(apart.choose(&cands()).1 < pooled.choose(&cands()).1);
    }

    /// A margin makes the fit overconfident; the temperature fitted on the
    /// left-out articles' scores brings the chosen candidate's probability back
    /// towards how often it is right (8 of 10), the choice unchanged.
    #[test]
    fn the_temperature_calibrates_a_margin_fit() {
        let fit = light_fit(300, 4.0);
        let m = SpeakerModel::train(&eight_of_ten(), fit, ModelCard::default());
        let (i, p) = m.choose(&cands());
        assert_eq!(i, 1);
        assert!(m.card.temperature > 1.5, "{}", m.card.temperature);
        // The same softmax before the weights were divided by the temperature.
        let t = m.card.temperature as f32;
        let e = |f: &str| (t * m.weights.get(f).copied().unwrap_or(0.0)).exp();
        let raw = e("a") / (e("none") + e("a") + e("b"));
        assert!(
            raw > 0.95 && (0.6..0.9).contains(&p),
            "uncalibrated {raw}, calibrated {p}"
        );
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
