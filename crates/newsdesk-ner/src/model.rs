//! The trained model and its use on sentences.
use crate::clusters::Clusters;
use crate::decode::{Lattice, Transitions};
use crate::features::{
    aggregate, memory_key, memory_lower_key, static_count, Extractor, FeatureConfig, Resources, WORD_KEYS,
};
use crate::gazetteer::Gazetteer;
use crate::table::{prefetch, Table};
use crate::tags::TagSet;
use newsdesk_core::hash::HashKeyed;
use newsdesk_core::tokenize::{Token, FLAG_TITLE, FLAG_UPPER};
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lexicon_file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lexicon_sha256: Option<String>,
    /// Raw-text training documents added to `train_file` (`spans` format).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_sha256: Option<String>,
    /// How many times each extra document is repeated in training.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_weight: Option<usize>,
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

/// One weight of a sparse row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Entry {
    pub(crate) weight: f32,
    pub(crate) tag: u8,
}

/// Sparse rows of per-tag weights, by feature key. The map holds each row's
/// range in `entries` directly, so scoring a feature touches the map slot
/// and the row, nothing else.
pub(crate) struct Rows {
    pub(crate) index: Table,
    pub(crate) entries: Vec<Entry>,
}

impl Rows {
    pub(crate) fn new() -> Rows {
        Rows {
            index: Table::default(),
            entries: Vec::new(),
        }
    }

    /// Add a row (entries must be non-empty).
    pub(crate) fn push(&mut self, key: u64, row: impl IntoIterator<Item = Entry>) {
        let start = self.entries.len() as u32;
        self.entries.extend(row);
        self.index.insert(key, start, self.entries.len() as u32);
    }

    /// Rows sorted by key.
    pub(crate) fn sorted(&self) -> Vec<(u64, &[Entry])> {
        let mut v: Vec<(u64, &[Entry])> = self
            .index
            .iter()
            .map(|(k, a, b)| (k, &self.entries[a as usize..b as usize]))
            .collect();
        v.sort_unstable_by_key(|r| r.0);
        v
    }
}

/// A trained entity recognizer.
pub struct NerModel {
    pub(crate) tags: TagSet,
    pub(crate) config: FeatureConfig,
    pub(crate) clusters: Option<Clusters>,
    /// Entity strings of the training data (when the config uses them).
    pub(crate) gazetteer: Option<Gazetteer>,
    /// External name lists (when the config uses them); see [`Gazetteer::parse_lexicon`].
    pub(crate) lexicon: Option<Gazetteer>,
    pub(crate) rows: Rows,
    pub(crate) trans: Transitions,
    /// Temperature turning path margins into confidences (see [`Prediction::score`]).
    pub(crate) temperature: f32,
    pub(crate) card: ModelCard,
}

impl std::fmt::Debug for NerModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NerModel")
            .field("labels", &self.tags.types())
            .field("features", &self.rows.index.len())
            .finish()
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

    /// The word lists feature extraction reads.
    pub(crate) fn resources(&self) -> Resources<'_> {
        Resources {
            clusters: self.clusters.as_ref(),
            gazetteer: self.gazetteer.as_ref(),
            lexicon: self.lexicon.as_ref(),
        }
    }

    /// A decoder holding per-document memory and scratch buffers.
    pub fn annotator(&self) -> Annotator<'_> {
        Annotator {
            model: self,
            ex: Extractor::default(),
            keys: Vec::new(),
            base: Vec::new(),
            emis: Vec::new(),
            lat: Lattice::default(),
            path: Vec::new(),
            first: Vec::new(),
            margins: Vec::new(),
            words: Vec::new(),
            lowers: Vec::new(),
            caps: Vec::new(),
            agg: Vec::new(),
            scratch: KeyScratch::default(),
            memory: Memory::default(),
        }
    }

    /// Add the rows of `keys` (`k` per token) to `out` (`l` per token), in
    /// key order, so the sums are the same whatever the memory layout.
    ///
    /// The first [`WORD_KEYS`] keys of a token depend on its word alone:
    /// their sum is kept in `cache` by word (key 1 is the word's own key)
    /// and copied for a word seen before, an exact partial sum since every
    /// token's scores start at zero and add the keys in order. The other
    /// keys are looked up in three staggered streams that keep memory reads
    /// in flight: the table slot of key `i + 2 * AHEAD` is prefetched, key
    /// `i + AHEAD` is looked up and its row prefetched, and row `i` is added
    /// (soon after its prefetch, so it is still in L1).
    fn score_keys(&self, keys: &[u64], k: usize, scratch: &mut KeyScratch, out: &mut [f32]) {
        const AHEAD: usize = 8;
        let l = self.tags.len();
        let t = &self.rows.index;
        let entries = &self.rows.entries[..];
        let KeyScratch { todo, found, cache } = scratch;
        todo.clear();
        for (j, (tk, row)) in keys.chunks_exact(k).zip(out.chunks_exact_mut(l)).enumerate() {
            let from = match cache.get(tk[1]) {
                Some(sum) => {
                    row.copy_from_slice(sum);
                    WORD_KEYS
                }
                None => 0,
            };
            todo.extend((j * k + from) as u32..((j + 1) * k) as u32);
        }
        todo.iter().take(2 * AHEAD).for_each(|&i| t.prefetch(keys[i as usize]));
        let look = |i: u32| {
            let r = t.get(keys[i as usize]).unwrap_or((0, 0));
            if r.0 < r.1 {
                prefetch(entries[r.0 as usize..].as_ptr() as *const u8);
                prefetch(entries[r.1 as usize - 1..].as_ptr() as *const u8);
            }
            r
        };
        found.clear();
        found.extend(todo.iter().take(AHEAD).map(|&i| look(i)));
        for (at, &i) in todo.iter().enumerate() {
            if let Some(&next) = todo.get(at + 2 * AHEAD) {
                t.prefetch(keys[next as usize]);
            }
            if let Some(&next) = todo.get(at + AHEAD) {
                found.push(look(next));
            }
            let (i, r) = (i as usize, found[at]);
            let row = &mut out[(i / k) * l..(i / k + 1) * l];
            for e in &entries[r.0 as usize..r.1 as usize] {
                row[e.tag as usize] += e.weight;
            }
            // Only a token that was not in the cache gets here with its last word key.
            if i % k == WORD_KEYS - 1 {
                cache.insert(keys[i + 2 - WORD_KEYS], row);
            }
        }
    }

    #[inline]
    fn add_row(&self, key: u64, out: &mut [f32]) {
        if let Some((a, b)) = self.rows.index.get(key) {
            for e in &self.rows.entries[a as usize..b as usize] {
                out[e.tag as usize] += e.weight;
            }
        }
    }
}

/// Buffers of [`NerModel::score_keys`]: the keys still to look up, their
/// rows, and the word sums seen so far.
#[derive(Default)]
struct KeyScratch {
    todo: Vec<u32>,
    found: Vec<(u32, u32)>,
    cache: WordSums,
}

/// Sums of the rows of the first [`WORD_KEYS`] keys, by word key; emptied
/// when [`WordSums::MAX`] words are held, so memory stays bounded on long
/// documents.
#[derive(Default)]
struct WordSums {
    at: HashMap<u64, u32, HashKeyed>,
    sums: Vec<f32>,
}

impl WordSums {
    const MAX: usize = 4096;

    fn get(&self, word: u64) -> Option<&[f32]> {
        let l = self.sums.len() / self.at.len().max(1);
        self.at
            .get(&word)
            .map(|&i| &self.sums[i as usize * l..(i as usize + 1) * l])
    }

    fn insert(&mut self, word: u64, sum: &[f32]) {
        if self.at.len() >= Self::MAX {
            self.at.clear();
            self.sums.clear();
        }
        if let std::collections::hash_map::Entry::Vacant(v) = self.at.entry(word) {
            v.insert((self.sums.len() / sum.len()) as u32);
            self.sums.extend_from_slice(sum);
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
        [
            self.word.get(&word).map(|&t| t as usize),
            self.lower.get(&lower).map(|&t| t as usize),
        ]
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

/// Runs a model over documents, reusing buffers between them.
pub struct Annotator<'m> {
    model: &'m NerModel,
    ex: Extractor,
    keys: Vec<u64>,
    /// Static emission scores of the whole document (`l` per token).
    base: Vec<f32>,
    emis: Vec<f32>,
    lat: Lattice,
    path: Vec<usize>,
    first: Vec<usize>,
    margins: Vec<f32>,
    words: Vec<u64>,
    lowers: Vec<u64>,
    caps: Vec<bool>,
    agg: Vec<Option<u64>>,
    scratch: KeyScratch,
    memory: Memory,
}

impl Annotator<'_> {
    /// Entities of each sentence of one document; a sentence is its token
    /// texts and tokens (`texts[i]` is the text of `tokens[i]`). Earlier
    /// sentences inform later ones (memory), and with a two-pass model the
    /// whole document informs every sentence.
    pub fn document(&mut self, sents: &[(&[&str], &[Token])]) -> Vec<Vec<Prediction>> {
        let m = self.model;
        let l = m.tags.len();
        let k = static_count(&m.config);
        self.base.clear();
        self.words.clear();
        self.lowers.clear();
        self.caps.clear();
        for (texts, tokens) in sents {
            self.keys.clear();
            self.ex.extract(&m.config, m.resources(), texts, tokens, &mut self.keys);
            let at = self.base.len();
            self.base.resize(at + texts.len() * l, 0.0);
            m.score_keys(&self.keys, k, &mut self.scratch, &mut self.base[at..]);
            let (w, lo) = self.ex.all_word_hashes();
            self.words.extend_from_slice(w);
            self.lowers.extend_from_slice(lo);
            self.caps.extend(tokens.iter().map(|t| t.has(FLAG_TITLE | FLAG_UPPER)));
        }
        let n_all = self.words.len();
        self.agg.clear();
        self.agg.resize(n_all, None);
        if m.config.two_pass {
            self.first.clear();
            self.decode_all(sents, false, &mut |a, _, _| a.first.extend_from_slice(&a.path));
            let first = std::mem::take(&mut self.first);
            aggregate(&m.tags, &self.words, &self.caps, &first, &mut self.agg);
            self.first = first;
        }
        let mut out = Vec::with_capacity(sents.len());
        self.decode_all(sents, true, &mut |a, n, temperature| {
            out.push(
                m.tags
                    .decode(&a.path)
                    .into_iter()
                    .map(|(start, end, label)| {
                        let margin = a.margins[start.saturating_sub(1)..(end + 1).min(n)]
                            .iter()
                            .copied()
                            .fold(f32::INFINITY, f32::min);
                        Prediction {
                            start,
                            end,
                            label,
                            score: confidence(margin, temperature),
                            margin,
                        }
                    })
                    .collect(),
            )
        });
        if m.config.propagate {
            let lens: Vec<usize> = sents.iter().map(|s| s.0.len()).collect();
            let person = m.tags.types().iter().position(|t| t == "PERSON" || t == "PER");
            propagate(&self.words, &self.caps, &lens, m.tags.types().len(), person, &mut out);
        }
        out
    }

    /// Decode every sentence in order with memory (and second-pass keys in
    /// `self.agg`), calling `done` after each with the sentence length.
    fn decode_all(
        &mut self,
        sents: &[(&[&str], &[Token])],
        with_margins: bool,
        done: &mut dyn FnMut(&mut Self, usize, f32),
    ) {
        let m = self.model;
        let l = m.tags.len();
        self.memory.clear();
        let mut at = 0;
        for (texts, _) in sents {
            let n = texts.len();
            self.emis.clear();
            self.emis.extend_from_slice(&self.base[at * l..(at + n) * l]);
            for i in 0..n {
                let row = &mut self.emis[i * l..(i + 1) * l];
                let [exact, lowered] = self.memory.tags(self.words[at + i], self.lowers[at + i]);
                if let Some(t) = exact {
                    m.add_row(memory_key(t), row);
                }
                if let Some(t) = lowered {
                    m.add_row(memory_lower_key(t), row);
                }
                if let Some(key) = self.agg[at + i] {
                    m.add_row(key, row);
                }
            }
            m.trans.viterbi(&self.emis, &mut self.lat, &mut self.path);
            if with_margins {
                m.trans
                    .margins(&self.emis, &self.path, &mut self.lat, &mut self.margins);
            }
            self.memory
                .update(&self.words[at..at + n], &self.lowers[at..at + n], &self.path);
            done(self, n, m.temperature);
            at += n;
        }
    }
}

/// Document-level label consistency: an untagged token sequence starting
/// with a capital gets the type of a multi-word entity with the same
/// words found elsewhere in the document, and so does the last word of a
/// multi-word PERSON (a surname mentioned alone). Single-word entities
/// are not spread (too often another sense). Added entities have score
/// 0.5 (margin 0). On OntoNotes dev this is neutral (±0.0003 F1); it
/// fixes lone surnames the model misses after quotes.
///
/// `words` and `caps` hold the exact-form hash and capitalisation of every
/// token of the document, `lens` the sentence lengths, `out` the
/// sentences' predictions; `person` is the PERSON type, if any.
fn propagate(
    words: &[u64],
    caps: &[bool],
    lens: &[usize],
    types: usize,
    person: Option<usize>,
    out: &mut [Vec<Prediction>],
) {
    const MAX_LEN: usize = 8;
    let mut known: HashMap<Vec<u64>, Vec<u32>> = HashMap::new();
    let mut at = 0;
    for (&n, preds) in lens.iter().zip(out.iter()) {
        for p in preds {
            let span = &words[at + p.start..at + p.end];
            if span.len() >= 2 {
                known.entry(span.to_vec()).or_insert_with(|| vec![0; types])[p.label] += 1;
                if Some(p.label) == person {
                    known
                        .entry(vec![span[span.len() - 1]])
                        .or_insert_with(|| vec![0; types])[p.label] += 1;
                }
            }
        }
        at += n;
    }
    if known.is_empty() {
        return;
    }
    let mut at = 0;
    for (&n, preds) in lens.iter().zip(out.iter_mut()) {
        let mut covered = vec![false; n];
        for p in preds.iter() {
            covered[p.start..p.end].iter_mut().for_each(|c| *c = true);
        }
        let mut added = Vec::new();
        let mut i = 0;
        while i < n {
            if covered[i] || !caps[at + i] {
                i += 1;
                continue;
            }
            let longest = (1..=MAX_LEN.min(n - i)).rev().find_map(|len| {
                if covered[i..i + len].iter().any(|&c| c) {
                    return None;
                }
                let counts = known.get(&words[at + i..at + i + len])?;
                let (label, _) = counts
                    .iter()
                    .enumerate()
                    .max_by_key(|&(t, &c)| (c, std::cmp::Reverse(t)))?;
                Some((len, label))
            });
            match longest {
                Some((len, label)) => {
                    added.push(Prediction {
                        start: i,
                        end: i + len,
                        label,
                        score: 0.5,
                        margin: 0.0,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        if !added.is_empty() {
            preds.extend(added);
            preds.sort_by_key(|p| p.start);
        }
        at += n;
    }
}

/// Logistic squashing of a margin (see [`Prediction::score`]).
pub(crate) fn confidence(margin: f32, temperature: f32) -> f32 {
    1.0 / (1.0 + (-margin / temperature.max(1e-6)).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pred(start: usize, end: usize, label: usize) -> Prediction {
        Prediction {
            start,
            end,
            label,
            score: 0.9,
            margin: 3.0,
        }
    }

    #[test]
    fn propagation_spreads_multiword_entities_and_surnames_only() {
        // Sentence 1: "Christopher Painter met New York Acme ." with PERSON (0)
        // "Christopher Painter", GPE (1) "New York", ORG (2) "Acme".
        // Sentence 2: "Painter left New York for Acme painter".
        let [chris, painter, met, new, york, acme, dot, left, forr, lower] = [1u64, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        let words = [
            chris, painter, met, new, york, acme, dot, painter, left, new, york, forr, acme, lower,
        ];
        let caps = [
            true, true, false, true, true, true, false, true, false, true, true, false, true, false,
        ];
        let mut out = vec![vec![pred(0, 2, 0), pred(3, 5, 1), pred(5, 6, 2)], vec![]];
        propagate(&words, &caps, &[7, 7], 3, Some(0), &mut out);
        let got: Vec<(usize, usize, usize)> = out[1].iter().map(|p| (p.start, p.end, p.label)).collect();
        assert_eq!(
            got,
            vec![(0, 1, 0), (2, 4, 1)],
            "surname and New York; not the one-word ORG"
        );
        assert_eq!(out[1][0].score, 0.5);
        assert_eq!(out[0].len(), 3, "tagged sentences keep their entities");
    }
}
