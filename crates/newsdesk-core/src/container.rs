//! A model-file container: named byte sections behind a magic, a version and
//! a section table, sealed with a SHA-256 ([`crate::checksum`]).
//!
//! Layout (little-endian): magic `NDSECTNS`, `u32` version ([`VERSION`]),
//! `u32` section count, then per section `u32` name length, the UTF-8 name and
//! `u64` data length; then the sections' data in table order; then the 32-byte
//! SHA-256 of every preceding byte. [`checksum`] is the SHA-256 of the whole
//! file, as `sha256sum` prints it: what model cards record to name a file.
//!
//! ```
//! use newsdesk_core::container::{self, Sections};
//! let mut s = Sections::default();
//! s.push("meta", b"{\"dims\": 2}".to_vec());
//! s.push("values", vec![1, 2, 3, 4]);
//! let bytes = container::write(&s);
//! let back = container::read(&bytes).unwrap();
//! assert_eq!(back.get("values").unwrap(), &[1, 2, 3, 4]);
//! assert!(container::read(&bytes[..bytes.len() - 1]).is_err());
//! ```
use crate::bytes::{ByteReader, Truncated};
use crate::checksum::sha256_hex;
use sha2::{Digest, Sha256};
use thiserror::Error;

pub const MAGIC: &[u8; 8] = b"NDSECTNS";
pub const VERSION: u32 = 1;
const DIGEST: usize = 32;

/// Why bytes are not a readable container.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ContainerError {
    #[error("not a newsdesk container: bad magic bytes")]
    Magic,
    #[error("container format version {found} is not supported (this build reads {VERSION})")]
    Version { found: u32 },
    #[error("container is truncated: {0}")]
    Truncated(#[from] Truncated),
    #[error("container checksum mismatch: the file is corrupt")]
    Checksum,
    #[error("container is malformed: {0}")]
    Malformed(String),
    #[error("container has no section {0:?}")]
    Missing(String),
}

/// Named byte sections, in order; names are unique.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sections {
    sections: Vec<(String, Vec<u8>)>,
}

impl Sections {
    /// Add a section (replacing one of the same name).
    pub fn push(&mut self, name: &str, data: Vec<u8>) {
        match self.sections.iter_mut().find(|(n, _)| n == name) {
            Some(s) => s.1 = data,
            None => self.sections.push((name.to_string(), data)),
        }
    }

    /// The bytes of a section.
    pub fn get(&self, name: &str) -> Result<&[u8], ContainerError> {
        self.sections
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, d)| d.as_slice())
            .ok_or_else(|| ContainerError::Missing(name.to_string()))
    }

    /// Section names in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.sections.iter().map(|(n, _)| n.as_str())
    }
}

/// The container bytes of `sections`.
pub fn write(sections: &Sections) -> Vec<u8> {
    let data: usize = sections.sections.iter().map(|(n, d)| 12 + n.len() + d.len()).sum();
    let mut out = Vec::with_capacity(16 + data + DIGEST);
    out.extend_from_slice(MAGIC);
    out.extend(VERSION.to_le_bytes());
    out.extend((sections.sections.len() as u32).to_le_bytes());
    for (name, d) in &sections.sections {
        out.extend((name.len() as u32).to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend((d.len() as u64).to_le_bytes());
    }
    for (_, d) in &sections.sections {
        out.extend_from_slice(d);
    }
    let digest = Sha256::digest(&out);
    out.extend_from_slice(&digest);
    out
}

/// The SHA-256 (lower-case hex) of a whole container file.
pub fn checksum(bytes: &[u8]) -> String {
    sha256_hex(bytes)
}

/// Parse and verify container bytes.
pub fn read(bytes: &[u8]) -> Result<Sections, ContainerError> {
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(ContainerError::Magic);
    }
    let mut c = ByteReader::at(bytes, MAGIC.len());
    let version = c.u32("version")?;
    if version != VERSION {
        return Err(ContainerError::Version { found: version });
    }
    let count = c.u32("section count")? as usize;
    let mut table = Vec::with_capacity(count.min(1024));
    for i in 0..count {
        let n = c.u32("section name length")? as usize;
        let name = std::str::from_utf8(c.take(n, "section name")?)
            .map_err(|_| ContainerError::Malformed(format!("section {i}: name is not UTF-8")))?;
        let len = c.u64("section length")?;
        if table.iter().any(|(t, _)| t == name) {
            return Err(ContainerError::Malformed(format!("section {name:?} appears twice")));
        }
        table.push((name.to_string(), usize::try_from(len).unwrap_or(usize::MAX)));
    }
    let mut sections = Sections::default();
    for (name, len) in table {
        let d = c.take(len, &format!("section {name:?}"))?;
        sections.sections.push((name, d.to_vec()));
    }
    let body_end = c.pos();
    let stored = c.take(DIGEST, "checksum")?;
    if c.left() != 0 {
        return Err(ContainerError::Malformed(format!(
            "{} bytes after the checksum",
            c.left()
        )));
    }
    if Sha256::digest(&bytes[..body_end]).as_slice() != stored {
        return Err(ContainerError::Checksum);
    }
    Ok(sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Sections {
        let mut s = Sections::default();
        s.push("meta", br#"{"dims":3}"#.to_vec());
        s.push("empty", Vec::new());
        s.push("vectors", (0..=255u8).collect());
        s
    }

    #[test]
    fn round_trip_keeps_names_order_and_bytes() {
        let s = sample();
        let bytes = write(&s);
        let back = read(&bytes).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.names().collect::<Vec<_>>(), ["meta", "empty", "vectors"]);
        assert_eq!(back.get("empty").unwrap(), b"");
        assert_eq!(back.get("nope"), Err(ContainerError::Missing("nope".into())));
        assert_eq!(read(&write(&Sections::default())).unwrap(), Sections::default());
        assert_eq!(checksum(&bytes), crate::checksum::sha256_hex(&bytes));
        assert_ne!(checksum(&bytes), checksum(&write(&Sections::default())));
    }

    #[test]
    fn push_replaces_a_section_of_the_same_name() {
        let mut s = sample();
        s.push("meta", b"x".to_vec());
        assert_eq!(s.get("meta").unwrap(), b"x");
        assert_eq!(s.names().count(), 3);
    }

    #[test]
    fn corruption_is_a_checksum_mismatch() {
        let bytes = write(&sample());
        for i in [40, bytes.len() / 2, bytes.len() - 33, bytes.len() - 1] {
            let mut bad = bytes.clone();
            bad[i] ^= 0x10;
            assert_eq!(read(&bad), Err(ContainerError::Checksum), "byte {i}");
        }
    }

    #[test]
    fn truncation_magic_version_and_trailing_bytes_are_named() {
        let bytes = write(&sample());
        for cut in [0, 7] {
            assert_eq!(read(&bytes[..cut]), Err(ContainerError::Magic));
        }
        for cut in [8, 12, 17, 30, bytes.len() - 40, bytes.len() - 1] {
            let e = read(&bytes[..cut]).unwrap_err();
            assert!(matches!(e, ContainerError::Truncated(_)), "cut {cut}: {e}");
            assert!(e.to_string().contains("truncated"));
        }
        assert_eq!(
            read(&bytes[..14]).unwrap_err().to_string(),
            "container is truncated: section count needs 4 bytes at offset 12, 2 left"
        );
        assert_eq!(read(b"PK\x03\x04zipzipzip"), Err(ContainerError::Magic));
        let mut v = bytes.clone();
        v[8] = 7;
        assert_eq!(read(&v), Err(ContainerError::Version { found: 7 }));
        let mut long = bytes.clone();
        long.push(0);
        assert!(matches!(read(&long), Err(ContainerError::Malformed(_))));
    }

    #[test]
    fn huge_lengths_are_truncation_not_a_panic() {
        let mut bytes = MAGIC.to_vec();
        bytes.extend(VERSION.to_le_bytes());
        bytes.extend(u32::MAX.to_le_bytes());
        bytes.extend(u32::MAX.to_le_bytes());
        assert!(matches!(read(&bytes), Err(ContainerError::Truncated(_))));
        let mut s = Sections::default();
        s.push("a", vec![1]);
        let mut bytes = write(&s);
        bytes[21..29].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(matches!(read(&bytes), Err(ContainerError::Truncated(_))));
    }
}
