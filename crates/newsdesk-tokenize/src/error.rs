use thiserror::Error;

/// Errors of the tokenize crate.
#[derive(Debug, Error)]
pub enum TokenizeError {
    #[error("{path}:{line}: {message}")]
    Conllu { path: String, line: usize, message: String },
    /// A word list line that does not parse (`origin:line: message`).
    #[error("{origin}:{line}: {message}")]
    WordList {
        origin: String,
        line: usize,
        message: String,
    },
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
}
