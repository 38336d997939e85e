//! The trained stance model: features, network, calibration and card.
use super::calibrate::Calibration;
use super::card::ModelCard;
use super::features::{self, Analyzed, Scaler, Vocab};
use super::format::{self, Parts};
use super::label::Label;
use super::mlp::{Mlp, OUT};
use crate::StanceError;
use newsdesk_core::StanceScores;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::Path;

/// A label with calibrated probabilities (in [`Label::ALL`] order).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prediction {
    pub label: Label,
    pub probs: [f32; OUT],
}

impl Prediction {
    /// The `newsdesk_core` form: label name and probability per label name.
    pub fn scores(&self) -> StanceScores {
        StanceScores {
            label: self.label.to_string(),
            scores: Label::ALL
                .iter()
                .map(|l| (l.to_string(), self.probs[l.index()]))
                .collect(),
        }
    }
}

/// A claim-conditioned stance classifier (agree / disagree / discuss / unrelated).
#[derive(Clone, Debug)]
pub struct StanceModel {
    vocab: Vocab,
    scaler: Scaler,
    mlp: Mlp,
    calibration: Calibration,
    card: ModelCard,
}

impl StanceModel {
    pub(crate) fn from_parts(p: Parts) -> StanceModel {
        StanceModel {
            vocab: p.vocab,
            scaler: p.scaler,
            mlp: p.mlp,
            calibration: p.calibration,
            card: p.card,
        }
    }

    /// What the model is, how it was trained and how it scored on dev.
    pub fn card(&self) -> &ModelCard {
        &self.card
    }

    /// Parse a model file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<StanceModel, StanceError> {
        format::read(bytes, "<bytes>").map(StanceModel::from_parts)
    }

    /// The model file's bytes (first-layer weights quantized to i8).
    pub fn to_bytes(&self) -> Vec<u8> {
        format::write(&Parts {
            vocab: self.vocab.clone(),
            scaler: self.scaler.clone(),
            mlp: self.mlp.clone(),
            calibration: self.calibration.clone(),
            card: self.card.clone(),
        })
    }

    /// Read a model file.
    pub fn load(path: impl AsRef<Path>) -> Result<StanceModel, StanceError> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| StanceError::Io {
            path: name.clone(),
            source,
        })?;
        format::read(&bytes, &name).map(StanceModel::from_parts)
    }

    /// Write a model file.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), StanceError> {
        let path = path.as_ref();
        std::fs::write(path, self.to_bytes()).map_err(|source| StanceError::Write {
            path: path.display().to_string(),
            source,
        })
    }

    /// A shipped model: `"fnc1"` (news, the default) or `"arc"` (user comments).
    pub fn embedded(name: &str) -> Result<StanceModel, StanceError> {
        let bytes = super::embedded::bytes(name)?;
        format::read(bytes, name).map(StanceModel::from_parts)
    }

    /// A shipped model by name (`fnc1`, `arc`), else a model file path.
    pub fn open(name_or_path: &str) -> Result<StanceModel, StanceError> {
        match name_or_path {
            "fnc1" | "arc" => StanceModel::embedded(name_or_path),
            path => StanceModel::load(path),
        }
    }

    /// Analyse a text (claim or body) once for several predictions.
    pub fn analyze(&self, text: &str) -> Analyzed {
        self.vocab.analyze(text)
    }

    /// Uncalibrated output logits.
    pub(crate) fn logits(&self, claim: &Analyzed, text: &Analyzed) -> [f32; OUT] {
        let dense = features::dense(claim, text);
        self.mlp
            .logits(&features::input(&self.vocab, claim, text, &dense, &self.scaler))
    }

    /// Stance of an analysed text towards an analysed claim. A text without
    /// words (empty or whitespace only) is `unrelated` to every claim, with
    /// probability 1.
    pub fn classify_analyzed(&self, claim: &Analyzed, text: &Analyzed) -> Prediction {
        if !text.has_words() {
            let mut probs = [0.0; OUT];
            probs[Label::Unrelated.index()] = 1.0;
            return Prediction {
                label: Label::Unrelated,
                probs,
            };
        }
        let probs = self.calibration.probs(&self.logits(claim, text));
        let best = (0..OUT).max_by(|&a, &b| probs[a].total_cmp(&probs[b])).unwrap_or(0);
        Prediction {
            label: Label::ALL[best],
            probs,
        }
    }

    /// Stance of `text` towards `claim`.
    pub fn classify(&self, claim: &str, text: &str) -> Prediction {
        self.classify_analyzed(&self.analyze(claim), &self.analyze(text))
    }

    /// Stance of `text` towards `claim`, as label and per-label probabilities.
    pub fn predict(&self, claim: &str, text: &str) -> StanceScores {
        self.classify(claim, text).scores()
    }

    /// Many `(claim, text)` pairs in parallel (rayon); each distinct claim and
    /// text is analysed once. Output order equals input order.
    pub fn classify_batch(&self, pairs: &[(&str, &str)]) -> Vec<Prediction> {
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut texts: Vec<&str> = Vec::new();
        let mut id = |s| {
            *index.entry(s).or_insert_with(|| {
                texts.push(s);
                texts.len() - 1
            })
        };
        let ids: Vec<(usize, usize)> = pairs.iter().map(|&(c, t)| (id(c), id(t))).collect();
        let analyzed: Vec<Analyzed> = texts.par_iter().map(|t| self.analyze(t)).collect();
        ids.par_iter()
            .map(|&(c, t)| self.classify_analyzed(&analyzed[c], &analyzed[t]))
            .collect()
    }

    /// [`StanceModel::classify_batch`] in the `newsdesk_core` form.
    pub fn predict_batch(&self, pairs: &[(&str, &str)]) -> Vec<StanceScores> {
        self.classify_batch(pairs).iter().map(Prediction::scores).collect()
    }
}

impl StanceModel {
    pub(crate) fn set_calibration(&mut self, calibration: Calibration) {
        self.calibration = calibration;
    }

    pub(crate) fn set_card(&mut self, card: ModelCard) {
        self.card = card;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classifier::card::TrainConfig;
    use crate::classifier::data::{Dataset, Pair};
    use crate::classifier::train::{split, train};

    /// A small synthetic dataset: bodies about one of four topics, some denying it.
    fn dataset() -> Dataset {
        let words = [
            "mayor", "shark", "bank", "comet", "bridge", "singer", "rocket", "museum", "virus", "storm", "train",
            "dragon",
        ];
        let topics: Vec<String> = (0..12)
            .map(|i| format!("{} {}", words[i], words[(i + 5) % 12]))
            .collect();
        let mut bodies = std::collections::BTreeMap::new();
        let mut pairs = Vec::new();
        for id in 0..120u32 {
            let t = &topics[id as usize % 12];
            let (body, label) = match id % 3 {
                0 => (
                    format!("Officials confirmed the {t}. The {t} story is true."),
                    Label::Agree,
                ),
                1 => (
                    format!("The {t} claim is a hoax. Police deny the {t} report, it is fake."),
                    Label::Disagree,
                ),
                _ => (
                    format!("Reports say the {t} may have happened, sources claim. Unconfirmed."),
                    Label::Discuss,
                ),
            };
            bodies.insert(id, body);
            pairs.push(Pair {
                headline: t.to_string(),
                body_id: id,
                label,
            });
            pairs.push(Pair {
                headline: topics[(id as usize + 1) % 12].clone(),
                body_id: id,
                label: Label::Unrelated,
            });
        }
        Dataset {
            bodies,
            pairs,
            bodies_sha256: "b".into(),
            stances_sha256: "s".into(),
        }
    }

    fn tiny() -> StanceModel {
        let cfg = TrainConfig {
            epochs: 40,
            hidden: 8,
            dev_fraction: 0.25,
            calibration_fraction: 0.2,
            min_df: 1,
            ..TrainConfig::default()
        };
        train(&dataset(), None, vec![], &cfg, "tiny", "test", &mut |_| {}).unwrap()
    }

    #[test]
    fn a_text_without_words_is_unrelated_to_any_claim() {
        let m = tiny();
        for text in ["", "  \n\t ", "\u{a0}"] {
            let p = m.classify("The mayor resigned", text);
            assert_eq!(p.label, Label::Unrelated, "{text:?}");
            assert_eq!(p.probs[Label::Unrelated.index()], 1.0);
        }
        assert_eq!(
            m.classify_batch(&[("The mayor resigned", " ")])[0].label,
            Label::Unrelated
        );
    }

    #[test]
    fn init_seed_moves_the_network_not_the_split() {
        let base = tiny();
        let train_with = |init_seed| {
            let cfg = TrainConfig {
                init_seed,
                ..base.card().config.clone()
            };
            train(&dataset(), None, vec![], &cfg, "tiny", "test", &mut |_| {}).unwrap()
        };
        // The default is the split seed: the same network as before the option.
        let same = train_with(Some(base.card().config.seed));
        assert_eq!((&same.mlp, &same.calibration), (&base.mlp, &base.calibration));
        let other = train_with(Some(base.card().config.seed + 1));
        assert_ne!(other.mlp, base.mlp);
        assert_eq!(other.card().split, base.card().split);
        assert_eq!((&other.vocab.hashes, &other.scaler), (&base.vocab.hashes, &base.scaler));
        // Recorded only when given, so cards without it read and write as before.
        let json = serde_json::to_string(&other.card().config).unwrap();
        assert!(json.contains("\"init_seed\":2"), "{json}");
        assert!(!serde_json::to_string(&base.card().config)
            .unwrap()
            .contains("init_seed"));
    }

    #[test]
    fn split_sides_are_disjoint() {
        let d = dataset();
        let s = split(&d, &TrainConfig::default());
        assert!(!s.dev.bodies.is_empty() && !s.calibration.bodies.is_empty());
        assert!(s.dev.bodies.is_disjoint(&s.calibration.bodies));
        assert!(s.dev.headlines.is_disjoint(&s.calibration.headlines));
    }

    #[test]
    fn trains_round_trips_and_predicts() {
        let m = tiny();
        let d = dataset();
        let s = split(&d, &m.card().config);
        assert_eq!(
            m.card().split.dev_pairs,
            d.pairs.iter().filter(|p| m.card().split.is_dev(p)).count()
        );
        assert_eq!(s.dev.bodies.len(), m.card().split.dev_body_ids.len());
        assert!(m.card().split.dev_pairs >= 30 && m.card().split.dropped_pairs > 0);
        let bytes = m.to_bytes();
        let back = StanceModel::from_bytes(&bytes).unwrap();
        // Weights survive exactly (the trained network is already quantized).
        assert_eq!(
            (&back.mlp, &back.vocab.hashes, &back.scaler),
            (&m.mlp, &m.vocab.hashes, &m.scaler)
        );
        assert_eq!(back.card().split, m.card().split);
        let text = "The bank rocket is true, officials confirmed.";
        assert_eq!(back.predict("bank rocket", text), m.predict("bank rocket", text));
        assert!(
            m.card().dev.metrics.accuracy > 0.8 && m.card().dev.metrics.per_class["disagree"].f1 > 0.8,
            "learns the synthetic task: {:?}",
            m.card().dev
        );
        let s = m.predict("comet train", text);
        assert!((s.scores.values().sum::<f32>() - 1.0).abs() < 1e-4);
        assert_eq!(m.predict_batch(&[("comet train", text), ("x", text)])[0], s);
        let path = std::env::temp_dir().join(format!("newsdesk-stance-test-{}.stance", std::process::id()));
        m.save(&path).unwrap();
        assert_eq!(StanceModel::load(&path).unwrap().mlp, m.mlp);
        std::fs::remove_file(&path).ok();
    }

    #[cfg(feature = "embedded-models")]
    #[test]
    fn a_model_made_with_other_word_vectors_is_refused() {
        let vectors = crate::classifier::vectors::WordVectors::embedded().unwrap();
        let mut m = StanceModel::embedded("arc").unwrap();
        assert_eq!(m.card().vectors_sha256, vectors.checksum());
        let mut card = m.card().clone();
        card.vectors_sha256 = "0".repeat(64);
        m.set_card(card);
        let e = StanceModel::from_bytes(&m.to_bytes()).unwrap_err();
        assert!(matches!(e, StanceError::VectorsMismatch { .. }), "{e}");
        assert!(e.to_string().contains(vectors.checksum()), "{e}");
        assert_eq!(StanceModel::embedded("fnc1").unwrap().card().vectors_sha256, "");
    }

    #[test]
    fn bad_files_are_clear_errors() {
        let bytes = tiny().to_bytes();
        for cut in [0, 5, 10, 15, 200, bytes.len() / 2, bytes.len() - 1] {
            let e = StanceModel::from_bytes(&bytes[..cut]).unwrap_err();
            assert!(
                matches!(e, StanceError::Truncated { .. } | StanceError::Magic { .. }),
                "cut {cut}: {e}"
            );
        }
        let short = StanceModel::from_bytes(&bytes[..bytes.len() - 1])
            .unwrap_err()
            .to_string();
        assert!(short.contains("truncated: checksum needs 8 bytes"), "{short}");
        let e = StanceModel::from_bytes(b"PK\x03\x04 a zip file").unwrap_err();
        assert!(matches!(e, StanceError::Magic { .. }), "{e}");
        let mut v = bytes.clone();
        v[8] = 9;
        assert!(matches!(
            StanceModel::from_bytes(&v).unwrap_err(),
            StanceError::Version { found: 9, .. }
        ));
        let mut flipped = bytes.clone();
        let n = flipped.len();
        flipped[n - 20] ^= 0x40;
        assert!(StanceModel::from_bytes(&flipped)
            .unwrap_err()
            .to_string()
            .contains("checksum"));
        let e = StanceModel::load("/nonexistent/model.stance").unwrap_err().to_string();
        assert!(e.contains("/nonexistent/model.stance"), "{e}");
        assert!(matches!(
            StanceModel::open("nope-not-a-file").unwrap_err(),
            StanceError::Io { .. }
        ));
    }
}
