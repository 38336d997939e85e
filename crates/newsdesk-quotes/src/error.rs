//! The crate's error type.
use thiserror::Error;

/// Everything that can go wrong reading gold data, loading or training a speaker model.
#[derive(Debug, Error)]
pub enum QuotesError {
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{file}:{line}: {message}")]
    Jsonl { file: String, line: usize, message: String },
    #[error("speaker model {origin}: {message}")]
    Model { origin: String, message: String },
    #[error("cannot write {path}: {source}")]
    Write { path: String, source: std::io::Error },
    #[error("invalid training setup: {0}")]
    Training(String),
}
