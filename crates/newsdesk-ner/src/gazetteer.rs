//! Gazetteer built from the training data: the entity strings seen in
//! training (lowercased, normalized token sequences of up to [`MAX_LEN`]
//! tokens) with their most frequent type, plus the "head" words (last token of
//! multi-token entities, e.g. `summit`, `charter`) that mostly end one type.
//!
//! The same structure holds a model's external lexicon (name lists from
//! outside the training data, see [`Gazetteer::parse_lexicon`]), whose
//! "types" are class bit sets instead of entity types.
use crate::reader::Document;
use crate::tags::TagSet;
use crate::NerError;
use newsdesk_core::hash::{finish, hash_str, mix, HashKeyed};
use newsdesk_core::tokenize::{lower, norm};
use std::collections::{BTreeMap, HashMap};

/// Longest entity string (in tokens) the gazetteer keeps.
pub const MAX_LEN: usize = 8;
/// `by_key` value of a key that is only the beginning of longer phrases.
const PREFIX: u8 = u8::MAX;
/// Lexicon classes are bit sets of six bits.
pub const LEXICON_CLASSES: usize = 64;
/// A head word needs this many distinct entity strings ending in it.
const MIN_HEAD_PHRASES: u32 = 2;

/// Entity strings and head words with their entity types (indices into a tag set's types).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gazetteer {
    /// Phrase text (space-joined lowercase tokens) -> most frequent type.
    phrases: BTreeMap<String, u8>,
    /// Type of each phrase by key, and [`PREFIX`] for keys that only begin
    /// longer phrases (so matching stops at the first key that is neither).
    by_key: HashMap<u64, u8, HashKeyed>,
    heads: HashMap<u64, u8, HashKeyed>,
}

/// Key of a phrase from the lowercase hashes of its tokens.
#[inline]
fn extend_key(key: u64, lower_hash: u64) -> u64 {
    mix(key, lower_hash)
}

const KEY_SEED: u64 = 0x6a7e_77ee_0000_0001;

/// Lowercase normalized form of a word, as the feature extractor hashes it.
fn token_form(word: &str) -> String {
    lower(&norm(word)).into_owned()
}

impl Gazetteer {
    /// Collect the entity strings of `docs` (only documents for which `keep`
    /// returns true, by index), each with its most frequent type.
    pub fn build(docs: &[Document], tags: &TagSet, keep: impl Fn(usize) -> bool) -> Gazetteer {
        let mut counts: HashMap<String, Vec<u32>> = HashMap::new();
        let t = tags.types().len();
        for (d, doc) in docs.iter().enumerate() {
            if !keep(d) {
                continue;
            }
            for s in &doc.sentences {
                for span in &s.spans {
                    let (Some(ty), true) = (tags.type_index(&span.label), span.end - span.start <= MAX_LEN) else {
                        continue;
                    };
                    let forms: Vec<String> = s.words[span.start..span.end].iter().map(|w| token_form(w)).collect();
                    if forms.iter().any(|f| f.is_empty() || f.contains(char::is_whitespace)) {
                        continue;
                    }
                    counts.entry(forms.join(" ")).or_insert_with(|| vec![0; t])[ty] += 1;
                }
            }
        }
        let phrases = counts.into_iter().map(|(p, c)| (p, argmax(&c) as u8)).collect();
        Gazetteer::from_phrases(phrases, true)
    }

    /// Index `phrases`; with `heads`, also find the head words (only
    /// meaningful when the types are entity types, not lexicon classes).
    fn from_phrases(phrases: BTreeMap<String, u8>, heads: bool) -> Gazetteer {
        let mut by_key = HashMap::default();
        let mut head_counts: HashMap<u64, Vec<u32>, HashKeyed> = HashMap::default();
        let t = phrases.values().map(|&ty| ty as usize + 1).max().unwrap_or(0);
        for (p, &ty) in &phrases {
            let hashes: Vec<u64> = p.split(' ').map(hash_str).collect();
            let mut key = KEY_SEED;
            for (i, &h) in hashes.iter().enumerate() {
                key = extend_key(key, h);
                if i + 1 < hashes.len() {
                    by_key.entry(finish(key)).or_insert(PREFIX);
                }
            }
            by_key.insert(finish(key), ty);
            if heads && hashes.len() > 1 {
                head_counts
                    .entry(*hashes.last().expect("non-empty"))
                    .or_insert_with(|| vec![0; t])[ty as usize] += 1;
            }
        }
        let heads = head_counts
            .into_iter()
            .filter_map(|(h, c)| {
                let best = argmax(&c);
                let total: u32 = c.iter().sum();
                (c[best] >= MIN_HEAD_PHRASES && 2 * c[best] > total).then_some((h, best as u8))
            })
            .collect();
        Gazetteer { phrases, by_key, heads }
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The type that multi-token entities ending in this word (by lowercase hash) mostly have.
    pub fn head(&self, lower_hash: u64) -> Option<u8> {
        self.heads.get(&lower_hash).copied()
    }

    /// Greedy left-to-right longest matches over a sentence's lowercase
    /// token hashes: for each token, its BILOU position in a match
    /// (1 B, 2 I, 3 L, 4 U; 0 outside) and the match's type.
    pub fn matches(&self, lowers: &[u64], out: &mut Vec<(u8, u8)>) {
        out.clear();
        out.resize(lowers.len(), (0, 0));
        let mut i = 0;
        while i < lowers.len() {
            let mut key = KEY_SEED;
            let mut best = None;
            for (len, &h) in lowers[i..].iter().take(MAX_LEN).enumerate() {
                key = extend_key(key, h);
                match self.by_key.get(&finish(key)) {
                    None => break,
                    Some(&PREFIX) => {}
                    Some(&ty) => best = Some((len + 1, ty)),
                }
            }
            let Some((len, ty)) = best else {
                i += 1;
                continue;
            };
            for (p, slot) in out[i..i + len].iter_mut().enumerate() {
                let pos = if len == 1 {
                    4
                } else if p == 0 {
                    1
                } else if p + 1 == len {
                    3
                } else {
                    2
                };
                *slot = (pos, ty + 1);
            }
            i += len;
        }
    }

    /// Parse an external lexicon: `class<TAB>phrase` lines, where the class is
    /// a bit set below [`LEXICON_CLASSES`] (the bits' meaning is the lexicon
    /// builder's; the model learns a weight for each combination) and the
    /// phrase is lowercase tokens joined by single spaces.
    pub fn parse_lexicon(text: &str, origin: &str) -> Result<Gazetteer, NerError> {
        Ok(Gazetteer::from_phrases(
            parse_phrases(text, LEXICON_CLASSES, origin)?,
            false,
        ))
    }

    /// Read a lexicon file (see [`Gazetteer::parse_lexicon`]).
    pub fn read_lexicon(path: &std::path::Path) -> Result<Gazetteer, NerError> {
        let text = std::fs::read_to_string(path).map_err(|e| NerError::io(path, e))?;
        Gazetteer::parse_lexicon(&text, &path.display().to_string())
    }

    /// Serialize as `type<TAB>phrase` lines, sorted by phrase.
    pub fn to_text(&self) -> String {
        self.phrases.iter().map(|(p, ty)| format!("{ty}\t{p}\n")).collect()
    }

    /// Parse [`Gazetteer::to_text`] output; types must be below `types`.
    pub fn parse(text: &str, types: usize, origin: &str) -> Result<Gazetteer, NerError> {
        Ok(Gazetteer::from_phrases(parse_phrases(text, types, origin)?, true))
    }
}

/// `type<TAB>phrase` lines as a phrase -> type map; types must be below `types`.
fn parse_phrases(text: &str, types: usize, origin: &str) -> Result<BTreeMap<String, u8>, NerError> {
    let mut phrases = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let bad = || NerError::Data {
            path: origin.to_string(),
            line: i + 1,
            message: format!("expected type<TAB>phrase with a type below {types}"),
        };
        let (ty, p) = line.split_once('\t').ok_or_else(bad)?;
        let ty: u8 = ty.parse().map_err(|_| bad())?;
        if ty as usize >= types || p.is_empty() || p.split(' ').any(str::is_empty) {
            return Err(bad());
        }
        phrases.insert(p.to_string(), ty);
    }
    Ok(phrases)
}

/// Index of the largest count (the first on ties).
fn argmax(c: &[u32]) -> usize {
    c.iter()
        .enumerate()
        .max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i)))
        .map_or(0, |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::{parse, Format};

    #[test]
    fn longest_match_heads_and_round_trip() {
        let text = "the\tO\nUN\tB-ORG\nCharter\tI-ORG\n\nUN\tB-ORG\n\nWorld\tB-EVENT\nCup\tI-EVENT\n\nDavis\tB-EVENT\nCup\tI-EVENT\n\n";
        let docs = parse(text, Format::Wnut17, "t").unwrap();
        let tags = TagSet::new(vec!["EVENT".into(), "ORG".into()]);
        let g = Gazetteer::build(&docs, &tags, |_| true);
        assert_eq!(g.len(), 4);
        let h = |w: &str| hash_str(&token_form(w));
        let mut out = Vec::new();
        g.matches(&[h("the"), h("UN"), h("Charter"), h("UN")], &mut out);
        assert_eq!(out, vec![(0, 0), (1, 2), (3, 2), (4, 2)]);
        g.matches(&[h("World"), h("Davis"), h("Cup")], &mut out);
        assert_eq!(
            out,
            vec![(0, 0), (1, 1), (3, 1)],
            "a phrase's first word alone is no match"
        );
        assert_eq!(g.head(h("cup")), Some(0), "two EVENT strings end in cup");
        assert_eq!(g.head(h("charter")), None, "one string is too few");
        let back = Gazetteer::parse(&g.to_text(), 2, "g").unwrap();
        assert_eq!(back, g);
        assert!(Gazetteer::parse("7\tfoo\n", 2, "g")
            .unwrap_err()
            .to_string()
            .starts_with("g:1:"));
    }
}
