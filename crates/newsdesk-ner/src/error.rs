//! The crate's error type.
use std::path::PathBuf;
use thiserror::Error;

/// Everything that can go wrong reading data, models or patterns.
#[derive(Debug, Error)]
pub enum NerError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Data { path: String, line: usize, message: String },
    #[error("unknown data format {0:?} (expected ontonotes, conll2003 or wnut17)")]
    UnknownFormat(String),
    #[error("not a newsdesk NER model: {0}")]
    NotAModel(String),
    #[error("incompatible NER model: {0}")]
    Incompatible(String),
    #[error("corrupt NER model: {0}")]
    Corrupt(String),
    #[error("unknown embedded model {0:?} (this build has: {1})")]
    UnknownModel(String, String),
    #[error("pattern {index}: {message}")]
    Pattern { index: usize, message: String },
    #[error("training: {0}")]
    Training(String),
}

impl NerError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> NerError {
        NerError::Io {
            path: path.into(),
            source,
        }
    }
}

/// A short model file: which part is cut, where.
impl From<newsdesk_core::bytes::Truncated> for NerError {
    fn from(e: newsdesk_core::bytes::Truncated) -> NerError {
        NerError::Corrupt(format!("truncated file: {e}"))
    }
}
