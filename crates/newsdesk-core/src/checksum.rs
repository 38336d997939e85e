//! SHA-256 checksums of training data for model cards.
use crate::CoreError;
use sha2::{Digest, Sha256};

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of a file's bytes; the error names the file.
pub fn file_sha256(path: &std::path::Path) -> Result<String, CoreError> {
    let bytes = std::fs::read(path).map_err(|e| CoreError::Invalid(format!("cannot read {}: {e}", path.display())))?;
    Ok(sha256_hex(&bytes))
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_vector() {
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
