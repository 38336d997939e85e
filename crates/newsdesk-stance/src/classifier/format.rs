//! The versioned binary model file.
//!
//! Layout (little-endian): magic `NDSTANCE`, `u32` format version, `u32`
//! header length, the JSON header (labels, feature and network settings,
//! calibration, model card), `u64` payload length, the payload (vocabulary
//! word hashes `u64[V]` — FNV-1a 64 of the lower-cased word —, IDF `f32[V]`,
//! dense-feature means and deviations `f32[D]` each, first-layer per-row
//! scales `f32[I]` and weights `i8[I·H]`, `b1 f32[H]`, `w2 f32[H·4]`,
//! `b2 f32[4]`), and an FNV-1a 64 checksum of all preceding bytes. The card
//! names the word vectors the features read by SHA-256; a model is refused
//! when this build embeds other vectors.
use super::calibrate::Calibration;
use super::card::ModelCard;
use super::features::{Scaler, Vocab, DENSE, DENSE_NAMES};
use super::label::Label;
use super::mlp::{Mlp, OUT};
use super::vectors::WordVectors;
use crate::StanceError;
use newsdesk_core::bytes::{ByteReader, Truncated};
use newsdesk_core::hash::fnv1a64;
use serde::{Deserialize, Serialize};

pub const MAGIC: &[u8; 8] = b"NDSTANCE";
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Header {
    labels: Vec<String>,
    word_hash: String,
    vocab_size: usize,
    input_vocab: usize,
    dense_features: Vec<String>,
    inputs: usize,
    hidden: usize,
    quantization: String,
    calibration: Calibration,
    card: ModelCard,
}

/// The parts of a model, as stored.
pub struct Parts {
    pub vocab: Vocab,
    pub scaler: Scaler,
    pub mlp: Mlp,
    pub calibration: Calibration,
    pub card: ModelCard,
}

/// Quantize a weight row to i8 with one scale.
fn quantize(row: &[f32]) -> (f32, Vec<i8>) {
    let max = row.iter().fold(0.0f32, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
    (
        scale,
        row.iter()
            .map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8)
            .collect(),
    )
}

pub fn write(p: &Parts) -> Vec<u8> {
    let header = Header {
        labels: Label::ALL.iter().map(|l| l.to_string()).collect(),
        word_hash: "fnv1a64-lowercase".into(),
        vocab_size: p.vocab.len(),
        input_vocab: p.vocab.input_size,
        dense_features: DENSE_NAMES.iter().map(|s| s.to_string()).collect(),
        inputs: p.mlp.inputs,
        hidden: p.mlp.hidden,
        quantization: "w1: i8 per input row with f32 scale; other weights f32".into(),
        calibration: p.calibration.clone(),
        card: p.card.clone(),
    };
    let json = serde_json::to_vec(&header).expect("header serializes");
    let mut payload = Vec::new();
    payload.extend(p.vocab.hashes.iter().flat_map(|h| h.to_le_bytes()));
    let f32s = |out: &mut Vec<u8>, v: &[f32]| out.extend(v.iter().flat_map(|x| x.to_le_bytes()));
    f32s(&mut payload, &p.vocab.idf);
    f32s(&mut payload, &p.scaler.mean);
    f32s(&mut payload, &p.scaler.std);
    let rows: Vec<(f32, Vec<i8>)> = p.mlp.w1.chunks(p.mlp.hidden).map(quantize).collect();
    f32s(&mut payload, &rows.iter().map(|r| r.0).collect::<Vec<_>>());
    payload.extend(rows.iter().flat_map(|r| r.1.iter().map(|&q| q as u8)));
    f32s(&mut payload, &p.mlp.b1);
    f32s(&mut payload, &p.mlp.w2);
    f32s(&mut payload, &p.mlp.b2);
    let mut out = Vec::with_capacity(payload.len() + json.len() + 40);
    out.extend_from_slice(MAGIC);
    out.extend(VERSION.to_le_bytes());
    out.extend((json.len() as u32).to_le_bytes());
    out.extend(json);
    out.extend((payload.len() as u64).to_le_bytes());
    out.extend(payload);
    out.extend(fnv1a64(&out).to_le_bytes());
    out
}

/// Parse a model file; `what` names it in errors.
pub fn read(bytes: &[u8], what: &str) -> Result<Parts, StanceError> {
    let corrupt = |message: String| StanceError::Corrupt {
        what: what.into(),
        message,
    };
    let truncated = |e: Truncated| StanceError::Truncated {
        what: what.into(),
        message: e.to_string(),
    };
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(StanceError::Magic { what: what.into() });
    }
    let mut r = ByteReader::at(bytes, MAGIC.len());
    let version = r.u32("format version").map_err(truncated)?;
    if version != VERSION {
        return Err(StanceError::Version {
            what: what.into(),
            found: version,
            supported: VERSION,
        });
    }
    let hlen = r.u32("header length").map_err(truncated)? as usize;
    let header: Header = serde_json::from_slice(r.take(hlen, "header").map_err(truncated)?)
        .map_err(|e| corrupt(format!("header JSON: {e}")))?;
    let plen = r.u64("payload length").map_err(truncated)? as usize;
    let payload_start = r.pos();
    r.take(plen, "payload").map_err(truncated)?;
    let body_end = r.pos();
    let sum = r.u64("checksum").map_err(truncated)?;
    if r.left() != 0 {
        return Err(corrupt(format!("{} trailing bytes after the checksum", r.left())));
    }
    if fnv1a64(&bytes[..body_end]) != sum {
        return Err(corrupt("checksum mismatch".into()));
    }
    let labels: Vec<String> = Label::ALL.iter().map(|l| l.to_string()).collect();
    if header.labels != labels || header.dense_features.len() != DENSE || header.word_hash != "fnv1a64-lowercase" {
        return Err(corrupt(format!(
            "labels {:?} / {} dense features / hash {:?} do not match this build",
            header.labels,
            header.dense_features.len(),
            header.word_hash
        )));
    }
    let vectors = match header.card.vectors_sha256.as_str() {
        "" => None,
        sum => {
            let built = WordVectors::embedded()?;
            if sum != built.checksum() {
                return Err(StanceError::VectorsMismatch {
                    what: what.into(),
                    card: sum.into(),
                    built: built.checksum().into(),
                });
            }
            Some(built)
        }
    };
    let (v, i, h) = (header.vocab_size, header.inputs, header.hidden);
    if Some(i) != header.input_vocab.checked_mul(2).and_then(|n| n.checked_add(DENSE))
        || header.input_vocab > v
        || h == 0
    {
        return Err(corrupt(format!(
            "inconsistent sizes: vocab {v}, input vocab {}, inputs {i}",
            header.input_vocab
        )));
    }
    let mut p = ByteReader::new(&bytes[payload_start..body_end]);
    let hashes = p.u64s(v, "vocabulary").map_err(truncated)?;
    let idf = p.f32s(v, "idf").map_err(truncated)?;
    let scaler = Scaler {
        mean: p.f32s(DENSE, "feature means").map_err(truncated)?,
        std: p.f32s(DENSE, "feature deviations").map_err(truncated)?,
    };
    let scales = p.f32s(i, "w1 scales").map_err(truncated)?;
    let q = p.take(i.saturating_mul(h), "w1").map_err(truncated)?;
    let w1 = q
        .chunks_exact(h)
        .zip(&scales)
        .flat_map(|(row, s)| row.iter().map(move |&b| b as i8 as f32 * s))
        .collect();
    let b1 = p.f32s(h, "b1").map_err(truncated)?;
    let w2 = p.f32s(h.saturating_mul(OUT), "w2").map_err(truncated)?;
    let b2: [f32; OUT] = p.f32s(OUT, "b2").map_err(truncated)?.try_into().expect("OUT values");
    if p.left() != 0 {
        return Err(corrupt(format!("payload has {} bytes, layout uses {}", plen, p.pos())));
    }
    Ok(Parts {
        vocab: Vocab::new(hashes, idf, header.input_vocab, vectors),
        scaler,
        mlp: Mlp {
            inputs: i,
            hidden: h,
            w1,
            b1,
            w2,
            b2,
        },
        calibration: header.calibration,
        card: header.card,
    })
}

#[cfg(all(test, feature = "embedded-models"))]
mod tests {
    use super::*;
    use crate::StanceModel;

    fn fnc1() -> &'static [u8] {
        static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        BYTES.get_or_init(|| StanceModel::embedded("fnc1").unwrap().to_bytes())
    }

    /// The error names the model and what part of it is wrong.
    fn names_part(e: &StanceError) -> bool {
        let m = e.to_string();
        m.contains("m.bin")
            && match e {
                StanceError::Magic { .. } => m.contains("magic"),
                StanceError::Version { .. } => m.contains("version"),
                StanceError::VectorsMismatch { .. } => m.contains("word vectors"),
                StanceError::Truncated { message, .. } | StanceError::Corrupt { message, .. } => !message.is_empty(),
                _ => false,
            }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        #[test]
        fn any_bytes_are_refused_cleanly(tail in proptest::collection::vec(0u8.., 0..200), magic: bool) {
            let mut bytes = if magic { MAGIC.to_vec() } else { Vec::new() };
            bytes.extend(tail);
            let e = read(&bytes, "m.bin").err().expect("not a model");
            proptest::prop_assert!(names_part(&e), "{e}");
        }

        /// Mutations of the header (the first 4 KB), with the checksum made
        /// right again, reach the size checks and every section.
        #[test]
        fn mutated_models_load_or_fail_cleanly(
            steps in proptest::collection::vec((0u8.., 0usize..4096, 0u8..), 1..4),
            fix_checksum: bool,
        ) {
            let good = fnc1();
            let mut bytes = newsdesk_core::mutate::mutate_all(&good[..good.len() - 8], &steps);
            if fix_checksum {
                let sum = fnv1a64(&bytes);
                bytes.extend_from_slice(&sum.to_le_bytes());
            }
            if let Err(e) = read(&bytes, "m.bin") {
                proptest::prop_assert!(names_part(&e), "{e}");
            }
        }
    }
}
