//! Feature extraction: every token gets a fixed number of static feature
//! hashes (word, lowercase, shape, affixes, ±2 window, conjunctions, word
//! clusters, gazetteer and lexicon matches); document memory adds dynamic
//! ones at decoding time.
//!
//! String features come from `newsdesk_tokenize`'s `norm`, `lower`, `shape`,
//! `prefix` and `suffix`, so training (on gold words) and inference (on
//! tokenizer output) see the same forms.
use crate::clusters::Clusters;
use crate::gazetteer::Gazetteer;
use newsdesk_core::hash::{finish, hash_str, mix};
use newsdesk_core::tokenize::{
    lower, norm, prefix, shape, suffix, Token, FLAG_DIGIT, FLAG_LOWER, FLAG_PUNCT, FLAG_TITLE, FLAG_UPPER,
};

/// Which feature templates a model uses (stored in the model file).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FeatureConfig {
    /// Version of the template set below; models with another version are refused.
    pub templates: u32,
    /// Cluster path prefix lengths used (empty: no cluster features).
    pub cluster_prefixes: Vec<usize>,
    /// Decode each document twice; the second pass sees, for each
    /// capitalised token, what the first pass said about the other
    /// occurrences of the same word in the document.
    #[serde(default)]
    pub two_pass: bool,
    /// Gazetteer features: position in a longest match of a training entity
    /// string, and the type that multi-token entities ending in this word
    /// (or in its capitalised run's last word) mostly have.
    #[serde(default)]
    pub gazetteer: bool,
    /// After decoding, give untagged capitalised repeats of a document's
    /// multi-word entities (and lone surnames of its people) the same type.
    #[serde(default)]
    pub propagate: bool,
    /// Lexicon features: position in a longest match of an external name list
    /// (places, first names, surnames) and the match's class bits, alone and
    /// with the neighbours' classes.
    #[serde(default)]
    pub lexicon: bool,
}

/// The word lists a model's features read, besides the weights.
#[derive(Clone, Copy, Default)]
pub struct Resources<'a> {
    pub clusters: Option<&'a Clusters>,
    pub gazetteer: Option<&'a Gazetteer>,
    pub lexicon: Option<&'a Gazetteer>,
}

/// The template version this build extracts.
pub const TEMPLATES: u32 = 4;

impl Default for FeatureConfig {
    fn default() -> FeatureConfig {
        FeatureConfig {
            templates: TEMPLATES,
            cluster_prefixes: vec![4, 6, 10, 20],
            two_pass: true,
            gazetteer: true,
            propagate: true,
            lexicon: false,
        }
    }
}

/// Per-token string hashes computed once per sentence.
#[derive(Clone, Copy, Default)]
struct TokenHashes {
    /// Capitalised-run context: lowercase first and last word of the run of
    /// capitalised tokens this token is in, and (run length, position) buckets.
    run_first: u64,
    run_last: u64,
    run_shape: u64,
    word: u64,
    lower: u64,
    shape: u64,
    cls: u64,
    affix: [u64; 8],
    clusters: [u64; 4],
    cluster_full: u64,
    /// Gazetteer match position (0 none, 1 B, 2 I, 3 L, 4 U) and type + 1.
    gaz: (u8, u8),
    /// Head-word type + 1 of this word and of its capitalised run's last word.
    head: u8,
    run_head: u8,
    /// Lexicon match position (as for `gaz`) and class bits.
    lex: (u8, u8),
}

const BOS: u64 = 0x0123_4567_89ab_cdef;
const EOS: u64 = 0x0fed_cba9_8765_4321;

/// Reusable buffers for feature extraction (keeps inference allocation-light).
#[derive(Default)]
pub struct Extractor {
    toks: Vec<TokenHashes>,
    words: Vec<u64>,
    lowers: Vec<u64>,
    gaz: Vec<(u8, u8)>,
}

/// Number of static features per token for a config.
pub fn static_count(config: &FeatureConfig) -> usize {
    43 + if config.cluster_prefixes.is_empty() {
        0
    } else {
        config.cluster_prefixes.len() + 7
    } + if config.gazetteer { GAZETTEER_FEATURES } else { 0 }
        + if config.lexicon { LEXICON_FEATURES } else { 0 }
}

/// The first `WORD_KEYS` static keys of a token (bias, word, lowercase,
/// shape, affixes) depend on its word form alone, and key 1 is the word's own.
pub(crate) const WORD_KEYS: usize = 12;

/// Number of gazetteer features per token.
const GAZETTEER_FEATURES: usize = 6;
/// Number of lexicon features per token.
const LEXICON_FEATURES: usize = 4;

/// Key of the document-memory feature "this word was last tagged `tag`".
#[inline]
pub fn memory_key(tag: usize) -> u64 {
    finish(mix(mix(0xdead_beef, 900), tag as u64))
}

/// Key of the second-pass feature: the other occurrences of this word were
/// mostly of entity type `type_index` (`types` = none), in at least half of
/// them (`most`) or fewer.
#[inline]
pub fn aggregate_key(type_index: usize, most: bool) -> u64 {
    finish(mix(mix(mix(0xdead_beef, 902), type_index as u64), most as u64))
}

/// Key of the document-memory feature for the lowercase form.
#[inline]
pub fn memory_lower_key(tag: usize) -> u64 {
    finish(mix(mix(0xdead_beef, 901), tag as u64))
}

impl Extractor {
    /// Static features of each token of a sentence, appended to `out`
    /// (`static_count(config)` per token). `texts[i]` is the text of `tokens[i]`.
    pub fn extract(
        &mut self,
        config: &FeatureConfig,
        res: Resources,
        texts: &[&str],
        tokens: &[Token],
        out: &mut Vec<u64>,
    ) {
        let n = texts.len();
        self.toks.clear();
        self.words.clear();
        self.lowers.clear();
        let all_caps = n > 2 && tokens.iter().all(|t| !t.has(FLAG_LOWER));
        for (text, tok) in texts.iter().zip(tokens) {
            let w = norm(text);
            let l = lower(&w);
            let sh = shape(&w);
            let mut th = TokenHashes {
                word: hash_str(&w),
                lower: hash_str(&l),
                shape: hash_str(&sh),
                cls: (tok.flags & (FLAG_TITLE | FLAG_UPPER | FLAG_LOWER)) as u64 | ((tok.kind as u64) << 16),
                ..TokenHashes::default()
            };
            for k in 0..4 {
                th.affix[k] = hash_str(prefix(&l, k + 1));
                th.affix[4 + k] = hash_str(suffix(&l, k + 1));
            }
            if let Some(c) = res.clusters {
                let path = c.get(&w).or_else(|| c.get(&l));
                if let Some(p) = path {
                    for (slot, &len) in th.clusters.iter_mut().zip(&config.cluster_prefixes) {
                        *slot = hash_str(&p[..len.min(p.len())]) | 1;
                    }
                    th.cluster_full = hash_str(p) | 1;
                }
            }
            self.words.push(th.word);
            self.lowers.push(th.lower);
            self.toks.push(th);
        }
        mark_runs(tokens, &mut self.toks);
        if let Some(lx) = res.lexicon {
            lx.matches(&self.lowers, &mut self.gaz);
            for (t, &m) in self.toks.iter_mut().zip(&self.gaz) {
                t.lex = m;
            }
        }
        if let Some(g) = res.gazetteer {
            g.matches(&self.lowers, &mut self.gaz);
            for (t, &m) in self.toks.iter_mut().zip(&self.gaz) {
                t.gaz = m;
                t.head = g.head(t.lower).map_or(0, |ty| ty + 1);
                t.run_head = if t.run_last == 0 {
                    0
                } else {
                    g.head(t.run_last).map_or(0, |ty| ty + 1)
                };
            }
        }
        let get = |i: isize| -> TokenHashes {
            if i < 0 {
                TokenHashes {
                    word: BOS,
                    lower: BOS,
                    shape: BOS,
                    cls: BOS,
                    ..TokenHashes::default()
                }
            } else if i as usize >= n {
                TokenHashes {
                    word: EOS,
                    lower: EOS,
                    shape: EOS,
                    cls: EOS,
                    ..TokenHashes::default()
                }
            } else {
                self.toks[i as usize]
            }
        };
        let caps = all_caps as u64;
        for i in 0..n as isize {
            let (p2, p1, c, n1, n2) = (get(i - 2), get(i - 1), get(i), get(i + 1), get(i + 2));
            let first = (i == 0) as u64;
            let mut f = |template: u64, parts: &[u64]| {
                let mut h = mix(0x5151_5151, template);
                for &p in parts {
                    h = mix(h, p);
                }
                out.push(finish(h));
            };
            f(0, &[]);
            f(1, &[c.word]);
            f(2, &[c.lower]);
            f(3, &[c.shape]);
            for k in 0..8 {
                f(4 + k as u64, &[c.affix[k]]);
            }
            f(12, &[p1.lower]);
            f(13, &[n1.lower]);
            f(14, &[p2.lower]);
            f(15, &[n2.lower]);
            f(16, &[p1.shape]);
            f(17, &[n1.shape]);
            f(18, &[p1.lower, c.lower]);
            f(19, &[c.lower, n1.lower]);
            f(20, &[p1.shape, c.shape, n1.shape]);
            f(21, &[c.shape, first]);
            f(22, &[c.lower, c.cls, first]);
            f(23, &[c.shape, caps]);
            f(24, &[p1.lower, c.shape]);
            f(25, &[c.shape, n1.lower]);
            f(26, &[p1.cls, c.cls, n1.cls, caps]);
            f(27, &[p1.word]);
            f(28, &[n1.word]);
            f(29, &[p1.affix[6]]);
            f(30, &[n1.affix[6]]);
            f(31, &[p2.lower, p1.lower]);
            f(32, &[n1.lower, n2.lower]);
            f(33, &[p1.lower, n1.lower]);
            f(34, &[p2.shape]);
            f(35, &[n2.shape]);
            f(36, &[p1.shape, c.shape]);
            f(37, &[c.shape, n1.shape]);
            f(38, &[c.word, n1.word]);
            f(39, &[p1.word, c.word]);
            f(40, &[c.run_first]);
            f(41, &[c.run_last]);
            f(42, &[c.run_shape, c.shape]);
            if res.clusters.is_some() && !config.cluster_prefixes.is_empty() {
                for k in 0..config.cluster_prefixes.len() {
                    f(50 + k as u64, &[c.clusters[k]]);
                }
                f(60, &[c.cluster_full]);
                f(61, &[p1.cluster_full]);
                f(62, &[n1.cluster_full]);
                f(63, &[p1.clusters[1], c.clusters[1]]);
                f(64, &[c.clusters[1], n1.clusters[1]]);
                f(65, &[p2.clusters[1]]);
                f(66, &[n2.clusters[1]]);
            }
            if config.gazetteer {
                let (pos, ty) = (c.gaz.0 as u64, c.gaz.1 as u64);
                f(70, &[pos, ty]);
                f(71, &[pos, ty, c.shape]);
                f(72, &[p1.gaz.0 as u64, p1.gaz.1 as u64, pos, ty]);
                f(73, &[pos, ty, n1.gaz.0 as u64, n1.gaz.1 as u64]);
                f(74, &[c.head as u64, c.cls]);
                f(75, &[c.run_head as u64, c.run_shape]);
            }
            if config.lexicon {
                let (pos, class) = (c.lex.0 as u64, c.lex.1 as u64);
                f(80, &[pos, class]);
                f(81, &[pos, class, c.cls]);
                f(82, &[p1.lex.1 as u64, pos, class]);
                f(83, &[pos, class, n1.lex.1 as u64]);
            }
        }
    }
}

/// Second-pass keys: for each capitalised token (`caps`), what the first pass
/// (`path`) tagged the other occurrences of the same word (`words`) in the
/// document; `None` when the word occurs nowhere else.
pub fn aggregate(tags: &crate::tags::TagSet, words: &[u64], caps: &[bool], path: &[usize], out: &mut Vec<Option<u64>>) {
    let t = tags.types().len();
    let mut stats: std::collections::HashMap<u64, Vec<u32>, newsdesk_core::hash::HashKeyed> = Default::default();
    let type_of = |tag: usize| tags.split(tag).map_or(t, |(ty, _)| ty);
    for ((&w, &c), &tag) in words.iter().zip(caps).zip(path) {
        if c {
            stats.entry(w).or_insert_with(|| vec![0; t + 1])[type_of(tag)] += 1;
        }
    }
    out.clear();
    out.extend(words.iter().zip(caps).zip(path).map(|((w, &c), &tag)| {
        if !c {
            return None;
        }
        let counts = &stats[w];
        let own = type_of(tag);
        let other = |ty: usize| counts[ty] - u32::from(ty == own);
        let total: u32 = (0..=t).map(other).sum();
        if total == 0 {
            return None;
        }
        let (best, n) = (0..t)
            .map(|ty| (ty, other(ty)))
            .max_by_key(|&(ty, n)| (n, std::cmp::Reverse(ty)))
            .expect("at least one type");
        Some(if n == 0 {
            aggregate_key(t, false)
        } else {
            aggregate_key(best, 2 * n >= total)
        })
    }));
}

/// Fill the capitalised-run fields: a run is a maximal sequence of tokens
/// that are title-case or upper-case words, or numbers or hyphens between
/// such words (`G-20`, `U.S.-EU`).
fn mark_runs(tokens: &[Token], toks: &mut [TokenHashes]) {
    let capital = |t: &Token| t.has(FLAG_TITLE | FLAG_UPPER);
    let joins = |t: &Token| {
        t.has(FLAG_DIGIT)
            || matches!(t.kind, newsdesk_core::tokenize::TokenKind::Number)
            || (t.has(FLAG_PUNCT) && t.end - t.start == 1)
    };
    let mut i = 0;
    while i < tokens.len() {
        if !capital(&tokens[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len()
            && (capital(&tokens[j]) || (joins(&tokens[j]) && j + 1 < tokens.len() && capital(&tokens[j + 1])))
        {
            j += 1;
        }
        let (first, last) = (toks[i].lower, toks[j - 1].lower);
        let len = (j - i).min(4) as u64;
        for (p, t) in toks[i..j].iter_mut().enumerate() {
            t.run_first = first;
            t.run_last = last;
            t.run_shape = len << 8 | (p.min(3) as u64) << 4 | u64::from(p + 1 == j - i);
        }
        i = j;
    }
}

impl Extractor {
    /// Hashes of the exact and lowercase forms of the tokens of the last sentence.
    pub fn all_word_hashes(&self) -> (&[u64], &[u64]) {
        (&self.words, &self.lowers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_core::tokenize::pretokenized;

    #[test]
    fn fixed_count_and_context_sensitivity() {
        let cfg = FeatureConfig {
            templates: TEMPLATES,
            cluster_prefixes: vec![],
            two_pass: false,
            gazetteer: false,
            propagate: false,
            lexicon: false,
        };
        let mut ex = Extractor::default();
        let words = ["Painter", "said", "so"];
        let (text, toks) = pretokenized(&words);
        let texts: Vec<&str> = toks.iter().map(|t| t.text(&text)).collect();
        let mut out = Vec::new();
        ex.extract(&cfg, Resources::default(), &texts, &toks, &mut out);
        assert_eq!(out.len(), 3 * static_count(&cfg));
        let words2 = ["Painter", "said", "no"];
        let (text2, toks2) = pretokenized(&words2);
        let texts2: Vec<&str> = toks2.iter().map(|t| t.text(&text2)).collect();
        let mut out2 = Vec::new();
        ex.extract(&cfg, Resources::default(), &texts2, &toks2, &mut out2);
        let k = static_count(&cfg);
        assert_eq!(
            out[1], out2[1],
            "the word feature of token 0 does not depend on context"
        );
        assert_ne!(out[..k], out2[..k], "the +2 window of token 0 differs");
    }

    #[test]
    fn word_keys_depend_on_the_word_alone() {
        // No cluster resources are given, so the config must not count cluster keys.
        let cfg = FeatureConfig {
            cluster_prefixes: vec![],
            ..FeatureConfig::default()
        };
        let keys = |words: &[&str]| {
            let (text, toks) = pretokenized(words);
            let texts: Vec<&str> = toks.iter().map(|t| t.text(&text)).collect();
            let mut out = Vec::new();
            Extractor::default().extract(&cfg, Resources::default(), &texts, &toks, &mut out);
            out
        };
        let k = static_count(&cfg);
        let a = keys(&["Painter", "said", "so"]);
        let b = keys(&["He", "met", "PAINTER", "Painter", "."]);
        assert_eq!(a[..WORD_KEYS], b[3 * k..3 * k + WORD_KEYS], "same word, other context");
        assert_ne!(a[WORD_KEYS..k], b[3 * k + WORD_KEYS..4 * k]);
        assert_ne!(a[1], b[2 * k + 1], "key 1 tells the word forms apart");
    }

    #[test]
    fn clusters_add_features() {
        let cfg = FeatureConfig::default();
        let cl = Clusters::parse("Paris\t010110\n", "t").unwrap();
        let (text, toks) = pretokenized(&["Paris", "Paris"]);
        let texts: Vec<&str> = toks.iter().map(|t| t.text(&text)).collect();
        let mut out = Vec::new();
        let res = Resources {
            clusters: Some(&cl),
            ..Resources::default()
        };
        Extractor::default().extract(&cfg, res, &texts, &toks, &mut out);
        assert_eq!(out.len(), 2 * static_count(&cfg));
    }

    #[test]
    fn lexicon_matches_become_features() {
        let cfg = FeatureConfig {
            lexicon: true,
            cluster_prefixes: vec![],
            ..FeatureConfig::default()
        };
        let lx = Gazetteer::parse_lexicon("1\tburkina faso\n48\tvictoria\n", "t").unwrap();
        let extract = |words: &[&str], lexicon: Option<&Gazetteer>| {
            let (text, toks) = pretokenized(words);
            let texts: Vec<&str> = toks.iter().map(|t| t.text(&text)).collect();
            let mut out = Vec::new();
            let res = Resources {
                lexicon,
                ..Resources::default()
            };
            Extractor::default().extract(&cfg, res, &texts, &toks, &mut out);
            out
        };
        let k = static_count(&cfg);
        let with = extract(&["to", "Burkina", "Faso"], Some(&lx));
        let without = extract(&["to", "Burkina", "Faso"], None);
        assert_eq!(with.len(), 3 * k);
        assert_eq!(with[..k - LEXICON_FEATURES], without[..k - LEXICON_FEATURES]);
        assert_ne!(
            with[2 * k - LEXICON_FEATURES..2 * k],
            without[2 * k - LEXICON_FEATURES..2 * k]
        );
        // A listed word gets a lexicon feature that an unlisted one does not.
        let city = extract(&["Victoria", "said"], Some(&lx));
        let other = extract(&["Winston", "said"], Some(&lx));
        assert_ne!(city[k - LEXICON_FEATURES], other[k - LEXICON_FEATURES]);
    }
}
