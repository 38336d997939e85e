//! Claim–text features: TF vectors of claim and text over the input
//! vocabulary (as sparse inputs), plus dense similarity, overlap, cue and
//! length features (standardized with training means and deviations).
use super::keyset::KeySet;
use super::text::{self, cue, Words};
use super::vectors::{self, TextVectors, WordVectors};
use newsdesk_core::hash::{fnv1a64, HashKeyed};
use std::collections::HashMap;

type HashIndex = HashMap<u64, u32, HashKeyed>;

/// Marks a word outside the vocabulary.
const NONE: u32 = u32::MAX;
/// Sentences that make up a text's lead.
const LEAD_SENTS: usize = 3;
/// Best-matching sentences whose cue words are counted.
const TOP_SENTS: usize = 3;

/// Names of the dense features, in input order.
pub const DENSE_NAMES: [&str; 49] = [
    "cos_text",
    "cos_lead",
    "cos_best_sentence",
    "cos_second_sentence",
    "cover_text",
    "cover_lead",
    "cover_best_sentence",
    "bigram_cover",
    "char4_cover",
    "text_refute",
    "text_hedge",
    "text_report",
    "text_support",
    "text_negation",
    "top_refute",
    "top_hedge",
    "top_report",
    "top_support",
    "top_negation",
    "claim_refute",
    "claim_hedge",
    "claim_report",
    "claim_support",
    "claim_negation",
    "negation_near_claim_word",
    "refute_near_claim_word",
    "hedge_near_claim_word",
    "claim_words",
    "text_words",
    "text_sentences",
    "first_claim_word_position",
    "claim_question",
    "best_refute",
    "best_hedge",
    "best_report",
    "best_support",
    "best_negation",
    "aligned_refute",
    "aligned_hedge",
    "aligned_report",
    "aligned_support",
    "aligned_negation",
    "claim_numbers_missing",
    "claim_has_numbers",
    "vec_cos_best_sentence",
    "vec_cos_top3_sentences",
    "vec_cos_text",
    "vec_cos_first_sentence",
    "in_domain",
];
/// Where the four word-vector cosines are among the dense features.
pub const VECTOR_COSINES: std::ops::Range<usize> = 44..48;
/// Number of dense features.
pub const DENSE: usize = DENSE_NAMES.len();
/// Index of `in_domain`: 1 for the model's own kind of text (always, when
/// predicting); 0 for the pairs of a second training set (joint training).
pub const IN_DOMAIN: usize = DENSE - 1;

/// The vocabulary (word hashes by descending document frequency) with IDF
/// weights, and the word vectors texts are analysed with (if any).
#[derive(Clone, Debug)]
pub struct Vocab {
    pub hashes: Vec<u64>,
    pub idf: Vec<f32>,
    /// The first `input_size` words are the claim/text TF inputs of the network.
    pub input_size: usize,
    index: HashIndex,
    pub vectors: Option<&'static WordVectors>,
}

impl Vocab {
    pub fn new(hashes: Vec<u64>, idf: Vec<f32>, input_size: usize, vectors: Option<&'static WordVectors>) -> Vocab {
        let index = hashes.iter().enumerate().map(|(i, &h)| (h, i as u32)).collect();
        let input_size = input_size.min(hashes.len());
        Vocab {
            hashes,
            idf,
            input_size,
            index,
            vectors,
        }
    }

    /// Content words (not stop words, not numbers-only) with document frequency
    /// ≥ `min_df` over `docs`, most frequent first, at most `max_size`.
    pub fn build<'a>(
        docs: impl Iterator<Item = &'a Words>,
        min_df: u32,
        max_size: usize,
        input_size: usize,
        vectors: Option<&'static WordVectors>,
    ) -> Vocab {
        let mut df: HashMap<u64, u32, HashKeyed> = HashMap::default();
        let mut n_docs = 0u32;
        for d in docs {
            n_docs += 1;
            let mut seen: Vec<u64> = d.hashes.iter().copied().filter(|&h| !text::is_stop(h)).collect();
            seen.sort_unstable();
            seen.dedup();
            for h in seen {
                *df.entry(h).or_insert(0) += 1;
            }
        }
        let mut words: Vec<(u64, u32)> = df.into_iter().filter(|&(_, n)| n >= min_df).collect();
        words.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        words.truncate(max_size);
        let idf = words
            .iter()
            .map(|&(_, n)| ((1.0 + n_docs as f32) / (1.0 + n as f32)).ln() + 1.0)
            .collect();
        Vocab::new(words.into_iter().map(|(h, _)| h).collect(), idf, input_size, vectors)
    }

    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    fn id(&self, h: u64) -> u32 {
        self.index.get(&h).copied().unwrap_or(NONE)
    }

    /// Sublinear TF-IDF of a bag of vocabulary ids: sorted `(id, weight)`.
    fn tfidf(&self, ids: &mut Vec<u32>) -> Vec<(u32, f32)> {
        counts(ids)
            .into_iter()
            .map(|(id, n)| (id, (1.0 + (n as f32).ln()) * self.idf[id as usize]))
            .collect()
    }
}

/// Sorted `(id, count)` of the vocabulary ids in `ids` (sorted in place).
fn counts(ids: &mut Vec<u32>) -> Vec<(u32, u32)> {
    ids.retain(|&i| i != NONE);
    ids.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &i in ids.iter() {
        match out.last_mut() {
            Some((last, n)) if *last == i => *n += 1,
            _ => out.push((i, 1)),
        }
    }
    out
}

fn norm(v: &[(u32, f32)]) -> f32 {
    v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt()
}

fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

fn cosine(a: &[(u32, f32)], na: f32, b: &[(u32, f32)], nb: f32) -> f32 {
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot(a, b) / (na * nb)
    }
}

/// A text (claim or body) analysed once, reusable against many claims.
#[derive(Clone, Debug)]
pub struct Analyzed {
    words: Words,
    flags: Vec<u8>,
    /// L2-normalized TF over the input vocabulary, sorted by id.
    input_tf: Vec<(u32, f32)>,
    tfidf: Vec<(u32, f32)>,
    tfidf_norm: f32,
    lead: Vec<(u32, f32)>,
    lead_norm: f32,
    sents: Vec<(Vec<(u32, f32)>, f32)>,
    /// Content-word hashes, word bigram hashes, char 4-gram hashes.
    content: KeySet,
    bigrams: KeySet,
    char4: KeySet,
    lead_content: KeySet,
    /// The text is a question (ends with `?`).
    question: bool,
    /// Hashes of the all-digit words.
    numbers: KeySet,
    /// Sentence and whole-text word-vector means (empty without vectors).
    vectors: TextVectors,
}

impl Analyzed {
    /// Whether the text has any word at all (empty, whitespace-only and
    /// punctuation-only texts have none).
    pub fn has_words(&self) -> bool {
        !self.words.hashes.is_empty()
    }
}

/// The char 4-grams of the text lower-cased, with every run of
/// non-alphanumeric chars read as one space (each the four chars packed in
/// 16 bits apiece, so never 0).
///
/// A set rather than a sorted list: sorting a body's 4-grams was the largest
/// single cost of a prediction.
fn char4(text: &str) -> KeySet {
    let mut window = [0u32; 4];
    let mut filled = 0usize;
    let mut out = KeySet::with_capacity((text.len() / 2).min(CHAR4_PRESIZE));
    let mut last_space = true;
    for c in text.chars() {
        let c = if c.is_ascii_alphanumeric() {
            last_space = false;
            c.to_ascii_lowercase()
        } else if c.is_alphanumeric() {
            last_space = false;
            c.to_lowercase().next().unwrap_or(c)
        } else if last_space {
            continue;
        } else {
            last_space = true;
            ' '
        };
        window = [window[1], window[2], window[3], c as u32];
        filled += 1;
        if filled >= 4 {
            out.insert(
                (window[0] as u64) << 48 ^ (window[1] as u64) << 32 ^ (window[2] as u64) << 16 ^ window[3] as u64,
            );
        }
    }
    out
}

/// Most 4-grams [`char4`] sizes its set for before it grows.
const CHAR4_PRESIZE: usize = 1 << 15;

impl Vocab {
    /// Analyse a text for use as claim or body.
    pub fn analyze(&self, text: &str) -> Analyzed {
        let words = text::words(text);
        let ids: Vec<u32> = words.hashes.iter().map(|&h| self.id(h)).collect();
        let flags: Vec<u8> = words.hashes.iter().map(|&h| text::cue_flags(h)).collect();
        let vectors = self.vectors.map_or_else(TextVectors::default, |v| {
            let content_word: Vec<bool> = words.hashes.iter().map(|&h| !text::is_stop(h)).collect();
            v.sentence_vectors(&words.hashes, &content_word, &words.sents)
        });
        let mut scratch: Vec<u32> = ids.clone();
        let all = counts(&mut scratch);
        let input: Vec<(u32, f32)> = all
            .iter()
            .filter(|(i, _)| (*i as usize) < self.input_size)
            .map(|&(i, n)| (i, n as f32))
            .collect();
        let input_norm = norm(&input).max(1e-9);
        let input_tf = input.into_iter().map(|(i, w)| (i, w / input_norm)).collect();
        let tfidf: Vec<(u32, f32)> = all
            .iter()
            .map(|&(i, n)| (i, (1.0 + (n as f32).ln()) * self.idf[i as usize]))
            .collect();
        let tfidf_norm = norm(&tfidf);
        let sents: Vec<(Vec<(u32, f32)>, f32)> = words
            .sents
            .iter()
            .map(|&(s, e)| {
                scratch.clear();
                scratch.extend_from_slice(&ids[s as usize..e as usize]);
                let v = self.tfidf(&mut scratch);
                let n = norm(&v);
                (v, n)
            })
            .collect();
        let lead_end = words
            .sents
            .get(LEAD_SENTS.min(words.sents.len()).wrapping_sub(1))
            .map_or(0, |s| s.1);
        scratch.clear();
        scratch.extend_from_slice(&ids[..lead_end as usize]);
        let lead = self.tfidf(&mut scratch);
        let lead_norm = norm(&lead);
        let content_set = |hashes: &[u64]| {
            let mut set = KeySet::with_capacity(hashes.len());
            for &h in hashes.iter().filter(|&&h| !text::is_stop(h)) {
                set.insert(h);
            }
            set
        };
        let content = content_set(&words.hashes);
        let lead_content = content_set(&words.hashes[..lead_end as usize]);
        let bigrams = KeySet::from_keys(words.hashes.windows(2).map(|w| w[0].rotate_left(17) ^ w[1]));
        Analyzed {
            words,
            flags,
            input_tf,
            tfidf,
            tfidf_norm,
            lead,
            lead_norm,
            sents,
            content,
            bigrams,
            char4: char4(text),
            lead_content,
            question: text.trim_end().ends_with('?'),
            numbers: numbers(text),
            vectors,
        }
    }
}

/// Hashes of the all-digit words of a text.
fn numbers(text: &str) -> KeySet {
    let mut set = KeySet::default();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) {
            set.insert(fnv1a64(w.as_bytes()));
        }
    }
    set
}

/// Word-vector cosines of a claim with a text (say a body, or a speaker's
/// quotes): its best sentence, the mean of its best three, the whole text,
/// its first sentence (see [`vectors::cosines`]).
pub fn vector_cosines(claim: &Analyzed, text: &Analyzed) -> [f32; 4] {
    vectors::cosines(&claim.vectors, &text.vectors)
}

/// Whether each body word is a content word of the claim.
fn claim_word_hits(body: &Analyzed, claim: &Analyzed) -> Vec<bool> {
    body.words
        .hashes
        .iter()
        .map(|&h| !text::is_stop(h) && claim.content.contains(h))
        .collect()
}

/// Count of words with `flag` within `window` words of a claim content word
/// (`hits` from [`claim_word_hits`]).
fn near_claim_words(body: &Analyzed, hits: &[bool], flag: u8, window: usize) -> f32 {
    let n = hits.len();
    // Scan left to right keeping the index of the last hit and looking ahead
    // to the next one: a word is near when either is within `window`.
    let mut next_hit = vec![usize::MAX; n + 1];
    for i in (0..n).rev() {
        next_hit[i] = if hits[i] { i } else { next_hit[i + 1] };
    }
    let mut last_hit: Option<usize> = None;
    let mut count = 0usize;
    for i in 0..n {
        if hits[i] {
            last_hit = Some(i);
        }
        if body.flags[i] & flag != 0
            && (last_hit.is_some_and(|l| i - l <= window) || next_hit[i].saturating_sub(i) <= window)
        {
            count += 1;
        }
    }
    count as f32
}

/// Counts of each cue class over `flags`.
fn cue_counts(flags: &[u8]) -> [f32; 5] {
    let mut c = [0.0; 5];
    for f in flags {
        for (k, slot) in c.iter_mut().enumerate() {
            if f & (1 << k) != 0 {
                *slot += 1.0;
            }
        }
    }
    c
}

/// Raw (unstandardized) dense features of a claim against a body.
pub fn dense(claim: &Analyzed, body: &Analyzed) -> [f32; DENSE] {
    let mut f = [0.0f32; DENSE];
    f[0] = cosine(&claim.tfidf, claim.tfidf_norm, &body.tfidf, body.tfidf_norm);
    f[1] = cosine(&claim.tfidf, claim.tfidf_norm, &body.lead, body.lead_norm);
    let mut sims: Vec<(f32, usize)> = body
        .sents
        .iter()
        .enumerate()
        .map(|(i, (v, n))| (cosine(&claim.tfidf, claim.tfidf_norm, v, *n), i))
        .collect();
    sims.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    f[2] = sims.first().map_or(0.0, |s| s.0);
    f[3] = sims.get(1).map_or(0.0, |s| s.0);
    f[4] = claim.content.share_in(&body.content);
    f[5] = claim.content.share_in(&body.lead_content);
    if let Some(&(_, best)) = sims.first() {
        let (s, e) = body.words.sents[best];
        let best_words = &body.words.hashes[s as usize..e as usize];
        f[6] = claim.content.share_in(&KeySet::from_keys(best_words.iter().copied()));
    }
    f[7] = claim.bigrams.share_in(&body.bigrams);
    f[8] = claim.char4.share_in(&body.char4);
    let n_words = body.words.hashes.len().max(1) as f32;
    for (k, c) in cue_counts(&body.flags).into_iter().enumerate() {
        f[9 + k] = (1.0 + 100.0 * c / n_words).ln();
    }
    let mut top = [0.0f32; 5];
    for &(_, i) in sims.iter().take(TOP_SENTS) {
        let (s, e) = body.words.sents[i];
        for (k, c) in cue_counts(&body.flags[s as usize..e as usize]).into_iter().enumerate() {
            top[k] += c;
        }
    }
    for k in 0..5 {
        f[14 + k] = top[k].ln_1p();
    }
    for (k, c) in cue_counts(&claim.flags).into_iter().enumerate() {
        f[19 + k] = c.min(3.0);
    }
    let hits = claim_word_hits(body, claim);
    f[24] = near_claim_words(body, &hits, cue::NEGATION, 4).ln_1p();
    f[25] = near_claim_words(body, &hits, cue::REFUTE, 8).ln_1p();
    f[26] = near_claim_words(body, &hits, cue::HEDGE, 8).ln_1p();
    f[27] = (claim.words.hashes.len() as f32).ln_1p();
    f[28] = (body.words.hashes.len() as f32).ln_1p();
    f[29] = (body.words.sents.len() as f32).ln_1p();
    f[30] = hits.iter().position(|&h| h).map_or(1.0, |p| p as f32 / n_words);
    f[31] = claim.question as u8 as f32;
    if let Some(&(_, best)) = sims.first() {
        let (s, e) = body.words.sents[best];
        for (k, c) in cue_counts(&body.flags[s as usize..e as usize]).into_iter().enumerate() {
            f[32 + k] = c.min(3.0);
        }
    }
    // Cue rates of the sentences weighted by their similarity to the claim.
    let (mut weighted, mut mass) = ([0.0f32; 5], 0.0f32);
    for &(sim, i) in &sims {
        if sim <= 0.0 {
            break;
        }
        let (s, e) = body.words.sents[i];
        let len = (e - s).max(1) as f32;
        for (k, c) in cue_counts(&body.flags[s as usize..e as usize]).into_iter().enumerate() {
            weighted[k] += sim * c / len;
        }
        mass += sim;
    }
    for k in 0..5 {
        f[37 + k] = if mass > 0.0 { 10.0 * weighted[k] / mass } else { 0.0 };
    }
    if !claim.numbers.is_empty() {
        f[42] = 1.0 - claim.numbers.share_in(&body.numbers);
        f[43] = 1.0;
    }
    f[VECTOR_COSINES].copy_from_slice(&vector_cosines(claim, body));
    f[IN_DOMAIN] = 1.0;
    debug_assert_eq!(cue::NAMES.len(), 5);
    f
}

/// The network input of a claim–body pair: sparse `(index, value)` with claim
/// TF at `0..V`, body TF at `V..2V` and standardized dense features at `2V..`.
pub fn input(
    vocab: &Vocab,
    claim: &Analyzed,
    body: &Analyzed,
    dense: &[f32; DENSE],
    scale: &Scaler,
) -> Vec<(u32, f32)> {
    let v = vocab.input_size as u32;
    let mut x = Vec::with_capacity(claim.input_tf.len() + body.input_tf.len() + DENSE);
    x.extend(claim.input_tf.iter().copied());
    x.extend(body.input_tf.iter().map(|&(i, w)| (i + v, w)));
    x.extend(
        dense
            .iter()
            .enumerate()
            .map(|(j, &d)| (2 * v + j as u32, scale.apply(j, d))),
    );
    x
}

/// Number of network inputs for a vocabulary.
pub fn input_size(vocab: &Vocab) -> usize {
    2 * vocab.input_size + DENSE
}

/// Per-feature standardization of the dense features.
#[derive(Clone, Debug, PartialEq)]
pub struct Scaler {
    pub mean: Vec<f32>,
    pub std: Vec<f32>,
}

impl Scaler {
    /// Means and deviations over rows (deviation floored at 1e-6).
    pub fn fit(rows: &[[f32; DENSE]]) -> Scaler {
        let n = rows.len().max(1) as f64;
        let mut mean = vec![0f64; DENSE];
        for r in rows {
            for j in 0..DENSE {
                mean[j] += r[j] as f64 / n;
            }
        }
        let mut var = vec![0f64; DENSE];
        for r in rows {
            for j in 0..DENSE {
                var[j] += (r[j] as f64 - mean[j]).powi(2) / n;
            }
        }
        Scaler {
            mean: mean.iter().map(|&m| m as f32).collect(),
            std: var.iter().map(|&v| (v.sqrt() as f32).max(1e-6)).collect(),
        }
    }

    pub fn apply(&self, j: usize, x: f32) -> f32 {
        (x - self.mean[j]) / self.std[j]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocab {
        let docs = [
            "Police deny reports that the mayor resigned.",
            "The mayor resigned on Monday, officials confirmed.",
            "A new smartphone has a larger screen.",
            "The mayor said the smartphone screen is new.",
        ];
        let words: Vec<Words> = docs.iter().map(|d| text::words(d)).collect();
        Vocab::build(words.iter(), 1, 100, 100, Some(WordVectors::embedded().unwrap()))
    }

    #[test]
    fn vocab_drops_stop_words_and_orders_by_df() {
        let v = vocab();
        assert!(!v.is_empty());
        assert_eq!(v.hashes[0], fnv1a64(b"mayor"));
        assert_eq!(v.id(fnv1a64(b"the")), NONE);
        assert!(v.idf[0] < *v.idf.last().unwrap());
    }

    #[test]
    fn related_claim_scores_higher_than_unrelated() {
        let v = vocab();
        let body = v.analyze(
            "The mayor resigned on Monday. Police did not deny the mayor quit.\nOfficials confirmed the news.",
        );
        let rel = dense(&v.analyze("Mayor resigned"), &body);
        let unrel = dense(&v.analyze("Smartphone has a larger screen"), &body);
        for j in [0, 1, 2, 4, 7, 8] {
            assert!(rel[j] > unrel[j], "{} {} <= {}", DENSE_NAMES[j], rel[j], unrel[j]);
        }
        assert!((rel[4] - 1.0).abs() < 1e-6, "both claim words occur");
        assert!(rel[24] > 0.0, "'not' is within 4 words of 'mayor'");
        assert_eq!(rel[36], 0.0, "the best-aligned sentence has no negation");
        assert!(
            rel[41] > 0.0 && rel[37] > 0.0,
            "the second-best one has 'not' and 'deny'"
        );
        assert_eq!(rel[38], 0.0, "no hedge anywhere");
        let q = dense(&v.analyze("Did the mayor resign after 3 years?"), &body);
        assert_eq!((q[31], q[42], q[43]), (1.0, 1.0, 1.0), "question, its number missing");
        assert!(rel.iter().all(|x| x.is_finite()));
        assert!(DENSE_NAMES[VECTOR_COSINES].iter().all(|n| n.starts_with("vec_cos_")));
        let cos = |claim: &str| vector_cosines(&v.analyze(claim), &body);
        let (near, far) = (cos("Mayor quits"), cos("Smartphone has a larger screen"));
        assert!(near[0] > far[0] && near[2] > far[2], "{near:?} {far:?}");
        assert_eq!(&rel[44..48], &cos("Mayor resigned")[..]);
        let plain = Vocab::new(v.hashes.clone(), v.idf.clone(), 100, None);
        let f = dense(
            &plain.analyze("Mayor resigned"),
            &plain.analyze("The mayor resigned on Monday."),
        );
        assert_eq!(&f[44..48], &[0.0; 4], "no vectors, no cosines");
    }

    #[test]
    fn char4_of_a_long_text_equals_the_unique_grams() {
        // Long enough for the set to grow past its presize.
        let mut x = 1u64;
        let text = (0..300_000)
            .map(|i| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                match i % 9 {
                    8 => ", É ".to_string(),
                    _ => char::from(b'A' + ((x >> 33) % 26) as u8).to_string(),
                }
            })
            .collect::<String>();
        let mut grams: Vec<u64> = char4(&text).iter().collect();
        grams.sort_unstable();
        let mut all = Vec::new();
        let lower: Vec<char> = text.to_lowercase().replace(", ", " ").chars().collect();
        for w in lower.windows(4) {
            let h = (w[0] as u64) << 48 ^ (w[1] as u64) << 32 ^ (w[2] as u64) << 16 ^ w[3] as u64;
            all.push(h);
        }
        all.sort_unstable();
        all.dedup();
        assert!(all.len() > CHAR4_PRESIZE);
        assert_eq!(grams, all);
    }

    #[test]
    fn near_claim_words_counts_flagged_words_within_the_window() {
        let v = vocab();
        let body = v.analyze("not a b c mayor d e f g h not i j k l m n o p q r s t u not");
        let hits = claim_word_hits(&body, &v.analyze("mayor"));
        assert_eq!(hits.iter().filter(|&&h| h).count(), 1);
        // 'not' at distances 4 (before), 6 (after) and 20 (after) from 'mayor'.
        assert_eq!(near_claim_words(&body, &hits, cue::NEGATION, 4), 1.0);
        assert_eq!(near_claim_words(&body, &hits, cue::NEGATION, 6), 2.0);
        assert_eq!(near_claim_words(&body, &hits, cue::NEGATION, 3), 0.0);
    }

    #[test]
    fn empty_texts_give_finite_features() {
        let v = vocab();
        let f = dense(&v.analyze(""), &v.analyze(""));
        assert!(f.iter().all(|x| x.is_finite()));
        let s = Scaler::fit(&[f, f]);
        let x = input(&v, &v.analyze(""), &v.analyze("mayor"), &f, &s);
        assert_eq!(x.len(), 1 + DENSE);
        assert!(x.iter().all(|(i, w)| (*i as usize) < input_size(&v) && w.is_finite()));
    }
}
