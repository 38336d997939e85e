//! The shipped models, embedded in the build (feature `embedded-models`).
use crate::model::NerModel;
use crate::NerError;

/// Names of the models compiled into this build.
pub const EMBEDDED: &[&str] = if cfg!(feature = "embedded-models") {
    &["ontonotes", "conll"]
} else {
    &[]
};

#[cfg(feature = "embedded-models")]
fn bytes(name: &str) -> Option<&'static [u8]> {
    match name {
        "ontonotes" => Some(include_bytes!("../models/ontonotes.bin")),
        "conll" => Some(include_bytes!("../models/conll.bin")),
        _ => None,
    }
}

#[cfg(not(feature = "embedded-models"))]
fn bytes(_name: &str) -> Option<&'static [u8]> {
    None
}

impl NerModel {
    /// A shipped model: `"ontonotes"` (18 OntoNotes 5 types) or `"conll"`
    /// (PER, LOC, ORG, MISC). Parsed on each call; share the result.
    pub fn embedded(name: &str) -> Result<NerModel, NerError> {
        match bytes(name) {
            Some(b) => NerModel::from_bytes(b),
            None => Err(NerError::UnknownModel(
                name.to_string(),
                if EMBEDDED.is_empty() {
                    "none".to_string()
                } else {
                    EMBEDDED.join(", ")
                },
            )),
        }
    }
}

#[cfg(all(test, feature = "embedded-models"))]
mod tests {
    use super::*;

    #[test]
    fn shipped_models_are_at_most_16_mb() {
        for name in EMBEDDED {
            let len = bytes(name).expect("embedded").len();
            assert!(len <= 16_000_000, "{name}.bin is {len} bytes, over 16,000,000");
        }
    }
}
