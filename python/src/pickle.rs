//! Pickle support: `__reduce__` of every class returns one of these module
//! functions plus the state, which is the Rust serialization (`Doc::to_json`,
//! `Pipeline::to_bytes`, the stance structs' JSON) or a document and offsets.
use crate::doc::PyDoc;
use crate::pipeline::PyPipeline;
use crate::quote::{PyQuote, PySpeaker};
use crate::span::PySpan;
use crate::token::PyToken;
use pyo3::prelude::*;

/// What `__reduce__` returns: a restoring function and its arguments.
pub type Reduce<'py, A> = PyResult<(Bound<'py, PyAny>, A)>;

/// `__reduce__`'s value: the module function `name` with `args`.
pub fn reduce<'py, A>(py: Python<'py>, name: &str, args: A) -> Reduce<'py, A> {
    Ok((py.import("newsdesk._newsdesk")?.getattr(name)?, args))
}

#[pyfunction]
pub fn _pipeline_from_bytes(py: Python<'_>, data: &[u8], name: &str) -> PyResult<PyPipeline> {
    PyPipeline::from_bytes(py, data, name)
}

#[pyfunction]
pub fn _doc_from_json(json: &Bound<'_, PyAny>) -> PyResult<PyDoc> {
    PyDoc::from_json_arg(json)
}

#[pyfunction]
pub fn _token(doc: &Bound<'_, PyDoc>, i: u32) -> PyResult<PyToken> {
    if i as usize >= doc.get().inner.tokens.len() {
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "document has no token {i}"
        )));
    }
    Ok(PyToken::new(doc, i))
}

#[pyfunction]
pub fn _span(
    doc: &Bound<'_, PyDoc>,
    offsets: (u32, u32, u32, u32),
    label: String,
    score: Option<f32>,
) -> PyResult<PySpan> {
    crate::span::restore(doc, offsets, label, score)
}

#[pyfunction]
pub fn _quote(doc: &Bound<'_, PyDoc>, i: u32) -> PyResult<PyQuote> {
    PyQuote::restore(doc, i)
}

#[pyfunction]
pub fn _speaker(doc: &Bound<'_, PyDoc>, quote: u32) -> PyResult<PySpeaker> {
    PySpeaker::restore(doc, quote)
}

#[pyfunction]
pub fn _stance_from_json(py: Python<'_>, kind: &str, json: &str) -> PyResult<Py<PyAny>> {
    crate::stance::from_json(py, kind, json)
}
