//! The crate's error type.
use thiserror::Error;

/// Everything that can go wrong reading data, loading models or predicting.
#[derive(Debug, Error)]
pub enum StanceError {
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{file}: record {record} (line {line}): {message}")]
    Csv {
        file: String,
        record: usize,
        line: usize,
        message: String,
    },
    #[error("{file}: unknown stance label {label:?} at line {line} (expected agree, disagree, discuss or unrelated)")]
    Label { file: String, line: usize, label: String },
    #[error("not a newsdesk stance model ({what}): bad magic bytes")]
    Magic { what: String },
    #[error("stance model {what}: format version {found} is not supported (this build reads {supported})")]
    Version { what: String, found: u32, supported: u32 },
    #[error("stance model {what} is truncated: {message}")]
    Truncated { what: String, message: String },
    #[error("stance model {what} is corrupt: {message}")]
    Corrupt { what: String, message: String },
    #[error("{what}: {source}")]
    Container {
        what: String,
        source: newsdesk_core::container::ContainerError,
    },
    #[error("stance model {what} was trained with word vectors {card} but this build has {built} (retrain it)")]
    VectorsMismatch { what: String, card: String, built: String },
    #[error("unknown embedded stance model {0:?} (known: fnc1, arc)")]
    UnknownModel(String),
    #[error("embedded stance models are not compiled in (enable the `embedded-models` feature)")]
    NoEmbeddedModels,
    #[error("invalid training setup: {0}")]
    Training(String),
    #[error("cannot write {path}: {source}")]
    Write { path: String, source: std::io::Error },
    #[error("{file}:{line}: {message}")]
    Jsonl { file: String, line: usize, message: String },
}
