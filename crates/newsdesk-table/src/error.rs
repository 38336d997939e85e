use thiserror::Error;

/// Errors building or writing tables.
#[derive(Debug, Error)]
pub enum TableError {
    #[error("arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    #[cfg(feature = "parquet")]
    #[error("{path}: {source}")]
    Parquet {
        path: String,
        source: parquet::errors::ParquetError,
    },
    /// An input file that cannot be read as asked (not Parquet, a missing column, …).
    #[error("{path}: {message}")]
    Input { path: String, message: String },
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
}
