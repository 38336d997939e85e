//! The one way long calls run: without the GIL, with errors and panics mapped.
use crate::error::{panic_to_py, to_py_err};
use pyo3::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Run `f` with the GIL released so other Python threads keep running, and
/// turn its error (or a panic, which would be a bug) into a Python exception.
/// `f` must not touch Python objects: copy inputs into Rust values first.
pub fn detached<T, E, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    T: Send,
    E: Into<newsdesk::Error> + Send,
    F: FnOnce() -> Result<T, E> + Send,
{
    py.detach(|| catch_unwind(AssertUnwindSafe(f)))
        .map_err(panic_to_py)?
        .map_err(to_py_err)
}
