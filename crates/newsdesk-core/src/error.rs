use thiserror::Error;

/// Errors of the document model.
#[derive(Debug, Error)]
pub enum CoreError {
    #[error("invalid document JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("unsupported document schema {found:?} (this build reads {expected:?})")]
    Schema { found: String, expected: &'static str },
    #[error("inconsistent document: {0}")]
    Invalid(String),
    #[error("component {component}: {message}")]
    Component { component: String, message: String },
}
