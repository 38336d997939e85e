use thiserror::Error;

/// Errors of the facade (wrapping each crate's own error).
#[derive(Debug, Error)]
pub enum Error {
    #[error(transparent)]
    Core(#[from] newsdesk_core::CoreError),
    #[error("cannot build thread pool: {0}")]
    ThreadPool(String),
    #[error("invalid option: {0}")]
    Option(String),
}
