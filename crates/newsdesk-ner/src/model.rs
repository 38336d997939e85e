//! The trained model and its use on sentences.
use crate::clusters::Clusters;
use crate::decode::{Lattice, Transitions};
use crate::features::{memory_key, memory_lower_key, static_count, Extractor, FeatureConfig};
use crate::hash::HashKeyed;
use crate::tags::TagSet;
use newsdesk_core::tokenize::Token;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Precision, recall and F1 of one entity type (or overall), with gold support.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TypeScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: usize,
}

/// How and on what a model was trained (stored in the model file).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ModelCard {
    pub name: String,
    pub format: String,
    pub train_file: String,
    pub train_sha256: String,
    pub dev_file: String,
    pub dev_sha256: String,
    #[serde(default)]
    pub clusters_file: Option<String>,
    #[serde(default)]
    pub clusters_sha256: Option<String>,
    pub command: String,
    pub seed: u64,
    pub epochs: usize,
    pub best_epoch: usize,
    pub dev: TypeScore,
    pub dev_per_type: BTreeMap<String, TypeScore>,
    pub train_tokens: usize,
    pub features: usize,
    pub weights: usize,
}

/// A sparse row of per-tag weights.
pub(crate) struct Rows {
    pub(crate) index: HashMap<u64, u32, HashKeyed>,
    /// Row `r` is `tags[start[r]..start[r + 1]]` with `weights` alongside.
    pub(crate) start: Vec<u32>,
    pub(crate) tags: Vec<u8>,
    pub(crate) weights: Vec<f32>,
}

/// A trained entity recognizer.
pub struct NerModel {
    pub(crate) tags: TagSet,
    pub(crate) config: FeatureConfig,
    pub(crate) clusters: Option<Clusters>,
    pub(crate) rows: Rows,
    pub(crate) trans: Transitions,
    /// Temperature turning path margins into confidences (see [`Prediction::score`]).
    pub(crate) temperature: f32,
    pub(crate) card: ModelCard,
}

impl std::fmt::Debug for NerModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NerModel").field("labels", &self.tags.types()).field("features", &self.rows.index.len()).finish()
    }
}

/// One predicted entity over sentence tokens `start..end`.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    pub start: usize,
    pub end: usize,
    /// Index into [`NerModel::labels`].
    pub label: usize,
    /// Confidence in 0..1: `1 / (1 + exp(-m / T))` where `m` is the smallest
    /// max-marginal margin over the entity's tokens and the tokens just
    /// outside it (how much the best path beats the best path that changes
    /// this entity), and `T` a temperature fitted on the dev set.
    pub score: f32,
    /// The margin `m` behind `score`, in model score units.
    pub margin: f32,
}

impl NerModel {
    /// Entity type labels, in model order.
    pub fn labels(&self) -> &[String] {
        self.tags.types()
    }

    pub fn card(&self) -> &ModelCard {
        &self.card
    }

    pub fn feature_config(&self) -> &FeatureConfig {
        &self.config
    }

    /// A decoder holding per-document memory and scratch buffers.
    pub fn annotator(&self) -> Annotator<'_> {
        Annotator { model: self, ex: Extractor::default(), keys: Vec::new(), emis: Vec::new(), lat: Lattice::default(), path: Vec::new(), margins: Vec::new(), memory: Memory::default() }
    }

    #[inline]
    fn add_row(&self, key: u64, out: &mut [f32]) {
        if let Some(&r) = self.rows.index.get(&key) {
            let (a, b) = (self.rows.start[r as usize] as usize, self.rows.start[r as usize + 1] as usize);
            for (&t, &w) in self.rows.tags[a..b].iter().zip(&self.rows.weights[a..b]) {
                out[t as usize] += w;
            }
        }
    }
}

/// What the decoder remembers about earlier sentences of a document: the last
/// tag predicted for each word form (exact and lowercase).
#[derive(Default)]
pub(crate) struct Memory {
    word: HashMap<u64, u16, HashKeyed>,
    lower: HashMap<u64, u16, HashKeyed>,
}

impl Memory {
    pub(crate) fn clear(&mut self) {
        self.word.clear();
        self.lower.clear();
    }

    /// Last tags given to this exact form and to this lowercase form.
    pub(crate) fn tags(&self, word: u64, lower: u64) -> [Option<usize>; 2] {
        [self.word.get(&word).map(|&t| t as usize), self.lower.get(&lower).map(|&t| t as usize)]
    }

    /// Remember the tags of a decoded sentence's entity tokens.
    pub(crate) fn update(&mut self, words: &[u64], lowers: &[u64], tags: &[usize]) {
        for ((&w, &l), &t) in words.iter().zip(lowers).zip(tags) {
            if t != 0 {
                self.word.insert(w, t as u16);
                self.lower.insert(l, t as u16);
            }
        }
    }
}

/// Runs a model over the sentences of one document after another.
pub struct Annotator<'m> {
    model: &'m NerModel,
    ex: Extractor,
    keys: Vec<u64>,
    emis: Vec<f32>,
    lat: Lattice,
    path: Vec<usize>,
    margins: Vec<f32>,
    memory: Memory,
}

impl Annotator<'_> {
    /// Forget the current document (call between documents).
    pub fn new_document(&mut self) {
        self.memory.clear();
    }

    /// Entities of one sentence; `texts[i]` is the text of `tokens[i]`.
    /// Earlier sentences of the same document inform this one.
    pub fn sentence(&mut self, texts: &[&str], tokens: &[Token]) -> Vec<Prediction> {
        let m = self.model;
        let l = m.tags.len();
        let n = texts.len();
        self.keys.clear();
        self.ex.extract(&m.config, m.clusters.as_ref(), texts, tokens, &mut self.keys);
        let k = static_count(&m.config);
        self.emis.clear();
        self.emis.resize(n * l, 0.0);
        for i in 0..n {
            let row = &mut self.emis[i * l..(i + 1) * l];
            for &key in &self.keys[i * k..(i + 1) * k] {
                m.add_row(key, row);
            }
            let (w, lo) = self.ex.word_hashes(i);
            let [exact, lowered] = self.memory.tags(w, lo);
            if let Some(t) = exact {
                m.add_row(memory_key(t), row);
            }
            if let Some(t) = lowered {
                m.add_row(memory_lower_key(t), row);
            }
        }
        m.trans.viterbi(&self.emis, &mut self.lat, &mut self.path);
        m.trans.margins(&self.emis, &self.path, &mut self.lat, &mut self.margins);
        let (words, lowers) = self.ex.all_word_hashes();
        self.memory.update(words, lowers, &self.path);
        m.tags
            .decode(&self.path)
            .into_iter()
            .map(|(start, end, label)| {
                let lo = start.saturating_sub(1);
                let hi = (end + 1).min(n);
                let margin = self.margins[lo..hi].iter().copied().fold(f32::INFINITY, f32::min);
                Prediction { start, end, label, score: confidence(margin, m.temperature), margin }
            })
            .collect()
    }
}

/// Logistic squashing of a margin (see [`Prediction::score`]).
pub(crate) fn confidence(margin: f32, temperature: f32) -> f32 {
    1.0 / (1.0 + (-margin / temperature.max(1e-6)).exp())
}
