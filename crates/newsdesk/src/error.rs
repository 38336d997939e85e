use thiserror::Error;

/// Errors of the facade (wrapping each crate's own error).
#[derive(Debug, Error)]
pub enum Error {
    #[error(transparent)]
    Core(#[from] newsdesk_core::CoreError),
    #[error(transparent)]
    Ner(#[from] newsdesk_ner::NerError),
    #[error(transparent)]
    Stance(#[from] newsdesk_stance::StanceError),
    #[error(transparent)]
    Quotes(#[from] newsdesk_quotes::QuotesError),
    #[cfg(feature = "arrow")]
    #[error(transparent)]
    Table(#[from] newsdesk_table::TableError),
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    /// A model file named by path that cannot be opened (missing, a directory, no permission).
    #[error("cannot open model file {path}: {source}")]
    ModelFile { path: String, source: std::io::Error },
    /// A model file that was read but is not a usable model.
    #[error("model file {path}: {source}")]
    BadModelFile { path: String, source: Box<Error> },
    #[error("cannot build thread pool: {0}")]
    ThreadPool(String),
    /// Bytes that are not a (compatible) newsdesk pipeline.
    #[error("{0}")]
    Format(String),
    #[error("unknown pipeline {0:?} (known: ontonotes, conll, blank, or the path of an NER model file)")]
    UnknownPipeline(String),
    #[error("this pipeline has no {0} component")]
    Missing(&'static str),
    #[error("pipeline with custom components cannot be serialized (only built-in components can)")]
    NotSerializable,
    /// An empty or whitespace-only claim (`index` counts from 0 in the list given).
    #[error("claim {} is empty or whitespace only", index + 1)]
    BlankClaim { index: usize },
    /// A component panicked on this document (a bug in newsdesk; please report it
    /// with the text): the document fails, the batch goes on.
    #[error("internal error in the {component} component: {message}")]
    Panicked { component: String, message: String },
}
