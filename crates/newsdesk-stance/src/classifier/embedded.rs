//! The shipped models, compiled in with the `embedded-models` feature.
use crate::StanceError;

/// Bytes of a shipped model by name.
#[cfg(feature = "embedded-models")]
pub fn bytes(name: &str) -> Result<&'static [u8], StanceError> {
    match name {
        "fnc1" => Ok(include_bytes!("../../models/fnc1.stance")),
        "arc" => Ok(include_bytes!("../../models/arc.stance")),
        "speakers" => Ok(include_bytes!("../../models/speakers.json")),
        "minilm.vectors" => Ok(include_bytes!("../../models/minilm.vectors")),
        other => Err(StanceError::UnknownModel(other.into())),
    }
}

/// Without the `embedded-models` feature no model is compiled in.
#[cfg(not(feature = "embedded-models"))]
pub fn bytes(_name: &str) -> Result<&'static [u8], StanceError> {
    Err(StanceError::NoEmbeddedModels)
}
