//! The on-disk (and pickle) form of a pipeline: magic, version, a JSON spec,
//! then the model blobs the spec refers to by index.
//!
//! Layout: `b"NDPIPE"`, format version (u16 LE), blob count (u32 LE), spec
//! length (u32 LE), spec JSON, then for each blob its length (u64 LE) and bytes.
use crate::Error;

const MAGIC: &[u8; 6] = b"NDPIPE";
const VERSION: u16 = 1;
const HEADER: usize = 16;

fn u32_at(bytes: &[u8], at: usize) -> usize {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes")) as usize
}

/// Pack a JSON spec and blobs.
pub fn pack(spec: &[u8], blobs: &[&[u8]]) -> Vec<u8> {
    let total = HEADER + spec.len() + blobs.iter().map(|b| 8 + b.len()).sum::<usize>();
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(blobs.len() as u32).to_le_bytes());
    out.extend_from_slice(&(spec.len() as u32).to_le_bytes());
    out.extend_from_slice(spec);
    for b in blobs {
        out.extend_from_slice(&(b.len() as u64).to_le_bytes());
        out.extend_from_slice(b);
    }
    out
}

/// Split bytes made by [`pack`] into the spec and the blobs.
pub fn unpack(bytes: &[u8]) -> Result<(&[u8], Vec<&[u8]>), Error> {
    let bad = |what: &str| Error::Format(format!("not a newsdesk pipeline: {what}"));
    if bytes.len() < HEADER || &bytes[..6] != MAGIC {
        return Err(bad("missing NDPIPE magic bytes"));
    }
    let version = u16::from_le_bytes([bytes[6], bytes[7]]);
    if version != VERSION {
        return Err(Error::Format(format!(
            "pipeline format version {version}, this build reads {VERSION}"
        )));
    }
    let (count, spec_len) = (u32_at(bytes, 8), u32_at(bytes, 12));
    let spec = bytes
        .get(HEADER..HEADER + spec_len)
        .ok_or_else(|| bad("truncated spec"))?;
    let mut rest = &bytes[HEADER + spec_len..];
    let mut blobs = Vec::with_capacity(count.min(16));
    for _ in 0..count {
        let len = rest.get(..8).ok_or_else(|| bad("truncated blob length"))?;
        let len = u64::from_le_bytes(len.try_into().expect("8 bytes")) as usize;
        let blob = rest
            .get(8..8usize.saturating_add(len))
            .ok_or_else(|| bad("truncated blob"))?;
        blobs.push(blob);
        rest = &rest[8 + len..];
    }
    if !rest.is_empty() {
        return Err(bad("trailing bytes after the last blob"));
    }
    Ok((spec, blobs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let packed = pack(b"{}", &[b"abc", b""]);
        let (spec, blobs) = unpack(&packed).unwrap();
        assert_eq!(spec, b"{}");
        assert_eq!(blobs, vec![&b"abc"[..], &b""[..]]);
    }

    #[test]
    fn truncated_and_foreign_bytes_are_errors() {
        let packed = pack(b"{\"a\":1}", &[b"abcdef"]);
        for cut in 0..packed.len() {
            assert!(unpack(&packed[..cut]).is_err(), "cut at {cut}");
        }
        assert!(unpack(b"PK\x03\x04 not ours at all")
            .unwrap_err()
            .to_string()
            .contains("magic"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn any_bytes_unpack_or_fail_naming_the_part(bytes in proptest::collection::vec(0u8.., 0..200), magic: bool) {
            let data = if magic { [&MAGIC[..], &VERSION.to_le_bytes(), &bytes].concat() } else { bytes };
            if let Err(e) = unpack(&data) {
                let m = e.to_string();
                proptest::prop_assert!(
                    ["magic", "version", "spec", "blob", "trailing"].iter().any(|w| m.contains(w)),
                    "{m}"
                );
            }
        }

        #[test]
        fn mutated_pipelines_load_or_fail_cleanly(steps in proptest::collection::vec((0u8.., 0usize.., 0u8..), 1..4)) {
            let spec = br#"{"ner":null,"patterns":[],"quotes":true,"stance":null}"#;
            let packed = pack(spec, &[b"abc", b""]);
            let data = newsdesk_core::mutate::mutate_all(&packed, &steps);
            if let Err(e) = crate::Pipeline::from_bytes(&data) {
                proptest::prop_assert!(!e.to_string().is_empty());
            }
        }
    }
}
