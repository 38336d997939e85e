//! Python bindings for newsdesk (work in progress).
use pyo3::prelude::*;

#[pymodule]
fn _newsdesk(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
