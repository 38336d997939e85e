//! Every Rust error becomes a Python exception here, and nowhere else.
//! Bad input, options, names or model bytes → `ValueError`; files → `OSError`
//! (its subclasses by kind); a pipeline that cannot be pickled → `TypeError`;
//! failures inside the engine → `RuntimeError`.
use newsdesk::{CoreError, Error, NerError, QuotesError, StanceError};
use pyo3::exceptions::{
    PyFileNotFoundError, PyIsADirectoryError, PyOSError, PyPermissionError, PyRuntimeError, PyTypeError, PyValueError,
};
use pyo3::PyErr;
use std::io::ErrorKind;

/// Map a facade error (or anything convertible to one) to a Python exception.
pub fn to_py_err(err: impl Into<Error>) -> PyErr {
    let err = err.into();
    let message = err.to_string();
    match err {
        Error::Io { source, .. } | Error::ModelFile { source, .. } => os_error(source.kind(), message),
        Error::Ner(NerError::Io { source, .. }) => os_error(source.kind(), message),
        Error::Stance(StanceError::Io { source, .. } | StanceError::Write { source, .. }) => {
            os_error(source.kind(), message)
        }
        Error::Quotes(QuotesError::Io { source, .. }) => os_error(source.kind(), message),
        Error::Core(CoreError::Component { .. }) | Error::ThreadPool(_) | Error::Table(_) | Error::Panicked { .. } => {
            PyRuntimeError::new_err(message)
        }
        Error::Ner(NerError::Training(_)) | Error::Stance(StanceError::Training(_)) => PyRuntimeError::new_err(message),
        Error::NotSerializable => PyTypeError::new_err(message),
        Error::Core(_)
        | Error::Ner(_)
        | Error::Stance(_)
        | Error::Quotes(_)
        | Error::Format(_)
        | Error::UnknownPipeline(_)
        | Error::BadModelFile { .. }
        | Error::BlankClaim { .. }
        | Error::Missing(_) => PyValueError::new_err(message),
    }
}

fn os_error(kind: ErrorKind, message: String) -> PyErr {
    match kind {
        ErrorKind::NotFound => PyFileNotFoundError::new_err(message),
        ErrorKind::PermissionDenied => PyPermissionError::new_err(message),
        ErrorKind::IsADirectory => PyIsADirectoryError::new_err(message),
        _ => PyOSError::new_err(message),
    }
}

/// A panic is a bug in newsdesk; it surfaces as a `RuntimeError` naming it, never as an abort.
pub fn panic_to_py(payload: Box<dyn std::any::Any + Send>) -> PyErr {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    PyRuntimeError::new_err(format!("internal error in newsdesk (please report): {what}"))
}
