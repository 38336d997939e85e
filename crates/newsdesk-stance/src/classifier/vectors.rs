//! Static word vectors for soft claim–text matching.
//!
//! `models/minilm.vectors` (made by `scripts/distill-vectors.sh`) holds, per
//! word, the all-MiniLM-L6-v2 sentence vector of the word alone, projected on
//! its first principal components and quantized to i8 with a per-row scale,
//! and the word's SIF weight a / (a + p(w)). The file is a
//! [`newsdesk_core::container`] with sections `meta` (JSON), `hashes`
//! (`u64`: FNV-1a 64 of the lower-cased word, the key of [`super::text::words`]),
//! `weights` and `scales` (`f32`) and `vectors` (`i8`, words × dims). A text's
//! vector is the SIF-weighted sum of its content words' vectors (stop words,
//! whose SIF weights are tiny, are skipped for speed), normalized to unit length.
use crate::StanceError;
use newsdesk_core::bytes::ByteReader;
use newsdesk_core::container;
use newsdesk_core::hash::HashKeyed;
use serde::Deserialize;
use std::collections::HashMap;

/// Word vectors, keyed by word hash.
pub struct WordVectors {
    dims: usize,
    index: HashMap<u64, u32, HashKeyed>,
    /// SIF weight times row scale, per word.
    weights: Vec<f32>,
    /// Quantized rows, words × dims.
    rows: Vec<i8>,
    checksum: String,
}

#[derive(Deserialize)]
struct Meta {
    dims: usize,
    words: usize,
    hash: String,
}

impl WordVectors {
    /// Parse (and verify) a vectors file; `what` names it in errors.
    pub fn from_bytes(bytes: &[u8], what: &str) -> Result<WordVectors, StanceError> {
        let corrupt = |message: String| StanceError::Corrupt {
            what: what.into(),
            message,
        };
        let s = container::read(bytes).map_err(|source| StanceError::Container {
            what: what.into(),
            source,
        })?;
        let section = |name: &str| {
            s.get(name).map_err(|source| StanceError::Container {
                what: what.into(),
                source,
            })
        };
        let meta: Meta = serde_json::from_slice(section("meta")?).map_err(|e| corrupt(format!("meta JSON: {e}")))?;
        if meta.hash != "fnv1a64-lowercase" || meta.dims == 0 {
            return Err(corrupt(format!("word hash {:?}, {} dims", meta.hash, meta.dims)));
        }
        let n = meta.words;
        let (hashes, weights, scales, rows) = (
            section("hashes")?,
            section("weights")?,
            section("scales")?,
            section("vectors")?,
        );
        if hashes.len() != 8 * n
            || weights.len() != 4 * n
            || scales.len() != 4 * n
            || Some(rows.len()) != n.checked_mul(meta.dims)
        {
            return Err(corrupt(format!(
                "section sizes do not fit {n} words of {} dims",
                meta.dims
            )));
        }
        // (the sizes are checked above, so these reads cannot come up short)
        let f32s = |b: &[u8], part: &str| ByteReader::new(b).f32s(n, part).map_err(|e| corrupt(e.to_string()));
        let index: HashMap<u64, u32, HashKeyed> = ByteReader::new(hashes)
            .u64s(n, "hashes")
            .map_err(|e| corrupt(e.to_string()))?
            .into_iter()
            .enumerate()
            .map(|(i, h)| (h, i as u32))
            .collect();
        if index.len() != n {
            return Err(corrupt("repeated word hashes".into()));
        }
        Ok(WordVectors {
            dims: meta.dims,
            index,
            weights: f32s(weights, "weights")?
                .iter()
                .zip(f32s(scales, "scales")?)
                .map(|(w, s)| w * s)
                .collect(),
            rows: rows.iter().map(|&b| b as i8).collect(),
            checksum: container::checksum(bytes),
        })
    }

    /// The shipped vectors (parsed once).
    pub fn embedded() -> Result<&'static WordVectors, StanceError> {
        static VECTORS: std::sync::OnceLock<Result<WordVectors, String>> = std::sync::OnceLock::new();
        let bytes = super::embedded::bytes("minilm.vectors")?;
        VECTORS
            .get_or_init(|| WordVectors::from_bytes(bytes, "minilm.vectors").map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|message| StanceError::Corrupt {
                what: "minilm.vectors".into(),
                message: message.clone(),
            })
    }

    /// SHA-256 of the vectors file (what model cards record).
    pub fn checksum(&self) -> &str {
        &self.checksum
    }

    pub fn dims(&self) -> usize {
        self.dims
    }

    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Add the weighted vector of word `hash` to `acc` (`dims` long); false
    /// when the word has no vector.
    fn add(&self, hash: u64, acc: &mut [f32]) -> bool {
        let Some(&i) = self.index.get(&hash) else {
            return false;
        };
        let i = i as usize;
        let w = self.weights[i];
        for (a, &q) in acc.iter_mut().zip(&self.rows[i * self.dims..(i + 1) * self.dims]) {
            *a += w * q as f32;
        }
        true
    }

    /// Unit vectors of each sentence of a text and of the whole text: the
    /// SIF-weighted sums of their words (`hashes`, with `keep[i]` false for
    /// words to skip) over `sents` ranges; all-zero where no word has a vector.
    pub fn sentence_vectors(&self, hashes: &[u64], keep: &[bool], sents: &[(u32, u32)]) -> TextVectors {
        let d = self.dims;
        let mut out = TextVectors {
            dims: d,
            sents: vec![0.0; sents.len() * d],
            whole: vec![0.0; d],
        };
        for (k, &(s, e)) in sents.iter().enumerate() {
            let acc = &mut out.sents[k * d..(k + 1) * d];
            let mut any = false;
            for i in s as usize..e as usize {
                if keep[i] {
                    any |= self.add(hashes[i], acc);
                }
            }
            if any {
                for (w, a) in out.whole.iter_mut().zip(acc.iter()) {
                    *w += a;
                }
                normalize(acc);
            }
        }
        normalize(&mut out.whole);
        out
    }
}

impl std::fmt::Debug for WordVectors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "WordVectors({} words × {} dims, sha256 {})",
            self.len(),
            self.dims,
            self.checksum
        )
    }
}

fn normalize(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// A text's sentence vectors and whole-text vector (unit length or zero).
#[derive(Clone, Debug, Default)]
pub struct TextVectors {
    dims: usize,
    sents: Vec<f32>,
    whole: Vec<f32>,
}

/// Cosines of a claim's whole vector with a text's sentences: the best
/// sentence, the mean of the best three, the whole text, the first sentence.
pub fn cosines(claim: &TextVectors, text: &TextVectors) -> [f32; 4] {
    if claim.whole.is_empty() || text.dims != claim.dims || text.dims == 0 {
        return [0.0; 4];
    }
    let mut sims: Vec<f32> = text
        .sents
        .chunks_exact(text.dims)
        .map(|s| dot(&claim.whole, s))
        .collect();
    let first = sims.first().copied().unwrap_or(0.0);
    sims.sort_by(|a, b| b.total_cmp(a));
    let top = &sims[..sims.len().min(3)];
    [
        sims.first().copied().unwrap_or(0.0),
        if top.is_empty() {
            0.0
        } else {
            top.iter().sum::<f32>() / top.len() as f32
        },
        dot(&claim.whole, &text.whole),
        first,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_core::container::Sections;
    use newsdesk_core::hash::fnv1a64;

    /// A 3-word, 2-dim vectors file.
    fn tiny() -> Vec<u8> {
        let mut s = Sections::default();
        s.push("meta", br#"{"dims":2,"words":3,"hash":"fnv1a64-lowercase"}"#.to_vec());
        let hashes: Vec<u8> = ["mayor", "resigned", "phone"]
            .iter()
            .flat_map(|w| fnv1a64(w.as_bytes()).to_le_bytes())
            .collect();
        s.push("hashes", hashes);
        s.push(
            "weights",
            [1.0f32, 0.5, 1.0].iter().flat_map(|x| x.to_le_bytes()).collect(),
        );
        s.push("scales", [0.01f32; 3].iter().flat_map(|x| x.to_le_bytes()).collect());
        s.push("vectors", [100i8, 0, 90, 10, 0, 127].iter().map(|&q| q as u8).collect());
        container::write(&s)
    }

    fn text(v: &WordVectors, t: &str) -> TextVectors {
        let w = super::super::text::words(t);
        v.sentence_vectors(&w.hashes, &vec![true; w.hashes.len()], &w.sents)
    }

    #[test]
    fn sentence_and_text_vectors_give_the_four_cosines() {
        let v = WordVectors::from_bytes(&tiny(), "tiny").unwrap();
        assert_eq!((v.len(), v.dims()), (3, 2));
        let claim = text(&v, "Mayor resigned");
        let body = text(&v, "New phone out. The mayor resigned. Unknown words here.");
        let c = cosines(&claim, &body);
        assert!((c[0] - 1.0).abs() < 1e-6, "the second sentence is the claim: {c:?}");
        assert!(c[3].abs() < 0.1, "the first sentence is about a phone: {c:?}");
        assert!(
            (c[1] - (c[0] + c[3]) / 3.0).abs() < 1e-6,
            "the third sentence has no vector"
        );
        assert!(c[2] > c[3] && c[2] < c[0]);
        assert_eq!(cosines(&claim, &text(&v, "")), [0.0; 4]);
        assert_eq!(cosines(&text(&v, "nothing known"), &body), [0.0; 4]);
    }

    #[test]
    fn bad_vectors_files_are_clear_errors() {
        let good = tiny();
        let mut bad = good.clone();
        let n = bad.len();
        bad[n - 40] ^= 1;
        let e = WordVectors::from_bytes(&bad, "v.bin").unwrap_err().to_string();
        assert!(e.contains("v.bin") && e.contains("checksum"), "{e}");
        let e = WordVectors::from_bytes(&good[..100], "v.bin").unwrap_err().to_string();
        assert!(e.contains("truncated"), "{e}");
        let mut s = container::read(&good).unwrap();
        s.push("scales", vec![0; 8]);
        let e = WordVectors::from_bytes(&container::write(&s), "v.bin")
            .unwrap_err()
            .to_string();
        assert!(e.contains("section sizes"), "{e}");
    }

    #[cfg(feature = "embedded-models")]
    #[test]
    fn shipped_vectors_match_related_words() {
        let v = WordVectors::embedded().unwrap();
        assert!(v.len() > 20_000, "{}", v.len());
        let cos = |a: &str, b: &str| cosines(&text(v, a), &text(v, b))[2];
        assert!(cos("hoax", "fake") > cos("hoax", "banana"));
        assert!(cos("president resigned", "leader quit") > cos("president resigned", "recipe for soup"));
    }
}
