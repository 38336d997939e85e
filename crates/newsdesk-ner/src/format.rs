//! The model file format (little-endian):
//!
//! | bytes | content |
//! |---|---|
//! | 8 | magic `NDSKNER\x1a` |
//! | 4 | format version (u32, [`FORMAT_VERSION`]) |
//! | 4 + h | header length, then a JSON [`Header`]: labels, feature config, temperature, weight scale, counts, model card |
//! | 8·k | feature keys (u64), sorted |
//! | k | number of weights per key (u8) |
//! | w | tag of each weight (u8) |
//! | 2·w | weights (i16, times `scale`) |
//! | 4·(l² + 2l) | transition, start and end scores (f32) |
//! | c | word clusters as `word<TAB>path` lines (UTF-8) |
//! | g | gazetteer as `type<TAB>phrase` lines (UTF-8) |
//! | x | lexicon as `class<TAB>phrase` lines (UTF-8; absent in older files) |
//! | 8 | checksum of everything before it |
use crate::clusters::Clusters;
use crate::decode::Transitions;
use crate::features::{FeatureConfig, TEMPLATES};
use crate::gazetteer::Gazetteer;
use crate::model::{Entry, ModelCard, NerModel, Rows};
use crate::tags::TagSet;
use crate::NerError;
use newsdesk_core::bytes::ByteReader;
use newsdesk_core::hash::hash_bytes;
use serde::{Deserialize, Serialize};

/// First bytes of every model file.
pub const MAGIC: &[u8; 8] = b"NDSKNER\x1a";
/// Version of the layout this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// The JSON header of a model file.
#[derive(Serialize, Deserialize)]
pub struct Header {
    pub labels: Vec<String>,
    pub scheme: String,
    pub features: FeatureConfig,
    pub temperature: f32,
    pub scale: f32,
    pub keys: usize,
    pub weights: usize,
    pub cluster_bytes: usize,
    #[serde(default)]
    pub gazetteer_bytes: usize,
    #[serde(default)]
    pub lexicon_bytes: usize,
    pub card: ModelCard,
}

impl NerModel {
    /// Serialize (weights quantized to i16 with one global scale).
    pub fn to_bytes(&self) -> Vec<u8> {
        let rows = self.rows.sorted();
        let max = self.rows.entries.iter().fold(0f32, |m, e| m.max(e.weight.abs()));
        let scale = if max > 0.0 { max / i16::MAX as f32 } else { 1.0 };
        let clusters: String = self
            .clusters
            .as_ref()
            .map(|c| c.sorted().iter().map(|(w, p)| format!("{w}\t{p}\n")).collect())
            .unwrap_or_default();
        let gazetteer = self.gazetteer.as_ref().map(Gazetteer::to_text).unwrap_or_default();
        let lexicon = self.lexicon.as_ref().map(Gazetteer::to_text).unwrap_or_default();
        let header = Header {
            labels: self.tags.types().to_vec(),
            scheme: "BILOU".into(),
            features: self.config.clone(),
            temperature: self.temperature,
            scale,
            keys: rows.len(),
            weights: self.rows.entries.len(),
            cluster_bytes: clusters.len(),
            gazetteer_bytes: gazetteer.len(),
            lexicon_bytes: lexicon.len(),
            card: self.card.clone(),
        };
        let json = serde_json::to_vec(&header).expect("header serializes");
        let mut out = Vec::with_capacity(
            64 + json.len()
                + rows.len() * 9
                + self.rows.entries.len() * 3
                + clusters.len()
                + gazetteer.len()
                + lexicon.len(),
        );
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(json.len() as u32).to_le_bytes());
        out.extend_from_slice(&json);
        for (k, _) in &rows {
            out.extend_from_slice(&k.to_le_bytes());
        }
        out.extend(rows.iter().map(|(_, r)| r.len() as u8));
        out.extend(rows.iter().flat_map(|(_, r)| r.iter().map(|e| e.tag)));
        for e in rows.iter().flat_map(|(_, r)| r.iter()) {
            out.extend_from_slice(&((e.weight / scale).round() as i16).to_le_bytes());
        }
        for v in self.trans.trans.iter().chain(&self.trans.start).chain(&self.trans.end) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(clusters.as_bytes());
        out.extend_from_slice(gazetteer.as_bytes());
        out.extend_from_slice(lexicon.as_bytes());
        let sum = hash_bytes(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Read a model written by [`NerModel::to_bytes`], checking everything.
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, NerError> {
        let magic = &bytes[..bytes.len().min(8)];
        if magic.is_empty() || !MAGIC.starts_with(magic) {
            return Err(NerError::NotAModel("missing the newsdesk NER magic bytes".into()));
        }
        if bytes.len() < 24 {
            return Err(NerError::Corrupt(format!(
                "truncated: {} bytes, shorter than the 24-byte minimum of a model file",
                bytes.len()
            )));
        }
        let version = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
        if version != FORMAT_VERSION {
            return Err(NerError::Incompatible(format!(
                "file format version {version}, this build reads version {FORMAT_VERSION}"
            )));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        if hash_bytes(body) != u64::from_le_bytes(sum.try_into().expect("8 bytes")) {
            return Err(NerError::Corrupt(
                "checksum mismatch (truncated or damaged file)".into(),
            ));
        }
        let mut cur = ByteReader::at(body, 12);
        let hlen = cur.u32("header length")? as usize;
        let header: Header = serde_json::from_slice(cur.take(hlen, "header")?)
            .map_err(|e| NerError::Corrupt(format!("bad header: {e}")))?;
        if header.features.templates != TEMPLATES {
            return Err(NerError::Incompatible(format!(
                "feature templates version {}, this build extracts version {TEMPLATES}",
                header.features.templates
            )));
        }
        if header.scheme != "BILOU" || header.labels.is_empty() || header.labels.len() > 63 {
            return Err(NerError::Incompatible(format!(
                "unsupported tag scheme {:?} with {} labels",
                header.scheme,
                header.labels.len()
            )));
        }
        let tags = TagSet::new(header.labels.clone());
        let l = tags.len();
        let need = header
            .keys
            .checked_mul(9)
            .and_then(|a| a.checked_add(header.weights.checked_mul(3)?))
            .and_then(|a| {
                a.checked_add(4 * (l * l + 2 * l))?
                    .checked_add(header.cluster_bytes)?
                    .checked_add(header.gazetteer_bytes)?
                    .checked_add(header.lexicon_bytes)
            });
        if need != Some(cur.left()) {
            return Err(NerError::Corrupt("section sizes do not match the header".into()));
        }
        let keys = cur.u64s(header.keys, "feature keys")?;
        let lens = cur.take(header.keys, "weights per key")?;
        let tag_bytes = cur.take(header.weights, "weight tags")?;
        let weight_bytes = cur.take(2 * header.weights, "weights")?;
        if lens.iter().map(|&n| n as usize).sum::<usize>() != header.weights
            || tag_bytes.iter().any(|&t| t as usize >= l)
        {
            return Err(NerError::Corrupt("weight rows do not match the label set".into()));
        }
        let mut rows = Rows::new();
        rows.index = crate::table::Table::with_capacity(header.keys);
        rows.entries.reserve(header.weights);
        let mut entries = tag_bytes
            .iter()
            .zip(weight_bytes.chunks_exact(2))
            .map(|(&tag, b)| Entry {
                weight: i16::from_le_bytes([b[0], b[1]]) as f32 * header.scale,
                tag,
            });
        for (&k, &n) in keys.iter().zip(lens) {
            rows.push(k, entries.by_ref().take(n as usize));
        }
        let floats = cur.f32s(l * l + 2 * l, "transition scores")?;
        let trans = Transitions::with_scores(
            &tags,
            floats[..l * l].to_vec(),
            floats[l * l..l * l + l].to_vec(),
            floats[l * l + l..].to_vec(),
        );
        let cluster_text = std::str::from_utf8(cur.take(header.cluster_bytes, "clusters")?)
            .map_err(|_| NerError::Corrupt("clusters are not UTF-8".into()))?;
        let clusters = if header.features.cluster_prefixes.is_empty() || cluster_text.is_empty() {
            None
        } else {
            Some(Clusters::parse(cluster_text, "model clusters")?)
        };
        let gazetteer_text = std::str::from_utf8(cur.take(header.gazetteer_bytes, "gazetteer")?)
            .map_err(|_| NerError::Corrupt("gazetteer is not UTF-8".into()))?;
        let gazetteer = if header.features.gazetteer {
            Some(Gazetteer::parse(gazetteer_text, tags.types().len(), "model gazetteer")?)
        } else {
            None
        };
        let lexicon_text = std::str::from_utf8(cur.take(header.lexicon_bytes, "lexicon")?)
            .map_err(|_| NerError::Corrupt("lexicon is not UTF-8".into()))?;
        let lexicon = if header.features.lexicon && !lexicon_text.is_empty() {
            Some(Gazetteer::parse_lexicon(lexicon_text, "model lexicon")?)
        } else {
            None
        };
        Ok(NerModel {
            tags,
            config: header.features,
            clusters,
            gazetteer,
            lexicon,
            rows,
            trans,
            temperature: header.temperature,
            card: header.card,
        })
    }

    /// Read a model file.
    pub fn load(path: impl AsRef<std::path::Path>) -> Result<NerModel, NerError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| NerError::io(path, e))?;
        NerModel::from_bytes(&bytes)
    }

    /// Write a model file.
    pub fn save(&self, path: impl AsRef<std::path::Path>) -> Result<(), NerError> {
        let path = path.as_ref();
        std::fs::write(path, self.to_bytes()).map_err(|e| NerError::io(path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::{parse, Format};
    use crate::train::{train, TrainOptions};

    fn tiny() -> NerModel {
        let text =
            "John\tB-PER\nlives\tO\nin\tO\nParis\tB-LOC\n\nMary\tB-PER\nSmith\tI-PER\nvisited\tO\nRome\tB-LOC\n\n";
        let docs = parse(text, Format::Wnut17, "tiny").unwrap();
        let mut opts = TrainOptions {
            epochs: 3,
            lexicon: Some(Gazetteer::parse_lexicon("4\tparis\n4\trome\n16\tmary\n", "t").unwrap()),
            ..TrainOptions::default()
        };
        opts.features.cluster_prefixes.clear();
        opts.features.lexicon = true;
        train(&docs, &docs, opts, |_| {}).unwrap()
    }

    #[test]
    fn round_trip_keeps_predictions() {
        let m = tiny();
        let bytes = m.to_bytes();
        let back = NerModel::from_bytes(&bytes).unwrap();
        assert_eq!(back.to_bytes(), bytes);
        assert_eq!(back.lexicon.as_ref().map(Gazetteer::len), Some(3));
        assert_eq!(back.labels(), m.labels());
        let (text, toks) = newsdesk_core::tokenize::pretokenized(&["Mary", "Smith", "visited", "Paris"]);
        let texts: Vec<&str> = toks.iter().map(|t| t.text(&text)).collect();
        let a = m.annotator().document(&[(&texts, &toks)]).remove(0);
        let b = back.annotator().document(&[(&texts, &toks)]).remove(0);
        assert_eq!(a.len(), b.len());
        assert!(a
            .iter()
            .zip(&b)
            .all(|(x, y)| (x.start, x.end, x.label) == (y.start, y.end, y.label)));
    }

    #[test]
    fn truncated_foreign_and_incompatible_files_are_errors() {
        let bytes = tiny().to_bytes();
        for cut in [0, 5, 12, 30, bytes.len() / 2, bytes.len() - 1] {
            assert!(NerModel::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let short = NerModel::from_bytes(&bytes[..10]).unwrap_err().to_string();
        assert!(short.contains("truncated: 10 bytes"), "{short}");
        let mut long_header = bytes[..bytes.len() - 8].to_vec();
        long_header[12..16].copy_from_slice(&u32::MAX.to_le_bytes());
        long_header.extend_from_slice(&hash_bytes(&long_header).to_le_bytes());
        let e = NerModel::from_bytes(&long_header).unwrap_err().to_string();
        assert!(
            e.contains("truncated file: header needs 4294967295 bytes at offset 16"),
            "{e}"
        );
        assert!(matches!(
            NerModel::from_bytes(b"PK\x03\x04 not a model at all"),
            Err(NerError::NotAModel(_))
        ));
        let mut newer = bytes.clone();
        newer[8] = 99;
        assert!(matches!(NerModel::from_bytes(&newer), Err(NerError::Incompatible(_))));
        let mut flipped = bytes.clone();
        let mid = flipped.len() / 2;
        flipped[mid] ^= 0x40;
        assert!(matches!(NerModel::from_bytes(&flipped), Err(NerError::Corrupt(_))));
    }

    fn tiny_bytes() -> &'static [u8] {
        static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        BYTES.get_or_init(|| tiny().to_bytes())
    }

    /// The error says what is wrong with which part of the file.
    fn names_part(e: &NerError) -> bool {
        let m = e.to_string();
        match e {
            NerError::NotAModel(_) => m.contains("magic"),
            NerError::Incompatible(_) => m.contains("version") || m.contains("scheme"),
            NerError::Corrupt(_) | NerError::Data { .. } => [
                "truncated",
                "checksum",
                "header",
                "section",
                "weight",
                "clusters",
                "gazetteer",
                "lexicon",
            ]
            .iter()
            .any(|w| m.contains(w)),
            _ => false,
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        #[test]
        fn any_bytes_are_refused_cleanly(tail in proptest::collection::vec(0u8.., 0..200), magic in 0u8..3) {
            let mut bytes = match magic {
                0 => Vec::new(),
                1 => MAGIC.to_vec(),
                _ => [&MAGIC[..], &FORMAT_VERSION.to_le_bytes()].concat(),
            };
            bytes.extend(tail);
            let e = NerModel::from_bytes(&bytes).unwrap_err();
            proptest::prop_assert!(names_part(&e), "{e}");
        }

        /// Mutations with the checksum made right again reach every section.
        #[test]
        fn mutated_models_load_or_fail_cleanly(
            steps in proptest::collection::vec((0u8.., 0usize.., 0u8..), 1..4),
            fix_checksum: bool,
        ) {
            let good = tiny_bytes();
            let mut bytes = newsdesk_core::mutate::mutate_all(&good[..good.len() - 8], &steps);
            if fix_checksum {
                let sum = hash_bytes(&bytes);
                bytes.extend_from_slice(&sum.to_le_bytes());
            }
            if let Err(e) = NerModel::from_bytes(&bytes) {
                proptest::prop_assert!(names_part(&e), "{e}");
            }
        }
    }
}
