//! Python bindings for newsdesk (module `newsdesk._newsdesk`; the Python
//! package `newsdesk` re-exports it). Thin wrappers over the facade crate:
//! every long call releases the GIL through [`detach::detached`], every Rust
//! error becomes a Python exception in [`error`], and batches never touch
//! Python objects on worker threads.
mod args;
mod arrow_texts;
mod batch;
mod detach;
mod doc;
mod error;
mod fork;
mod pickle;
mod pipe;
mod pipeline;
mod quote;
mod span;
mod stance;
mod table;
mod token;

use pyo3::prelude::*;

#[pymodule]
fn _newsdesk(m: &Bound<'_, PyModule>) -> PyResult<()> {
    fork::install_hook();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<pipeline::PyPipeline>()?;
    m.add_class::<pipe::PipeIter>()?;
    m.add_class::<doc::PyDoc>()?;
    m.add_class::<token::PyToken>()?;
    m.add_class::<token::TokenIter>()?;
    m.add_class::<span::PySpan>()?;
    m.add_class::<quote::PyQuote>()?;
    m.add_class::<quote::PySpeaker>()?;
    m.add_class::<stance::PyStance>()?;
    m.add_class::<stance::PyClaimStance>()?;
    m.add_class::<stance::PySpeakerStance>()?;
    m.add_class::<table::PyArrowTable>()?;
    m.add_function(wrap_pyfunction!(pipeline::load, m)?)?;
    m.add_function(wrap_pyfunction!(pipeline::blank, m)?)?;
    m.add_function(wrap_pyfunction!(doc::render, m)?)?;
    m.add_function(wrap_pyfunction!(fork::_is_forked_child, m)?)?;
    m.add_function(wrap_pyfunction!(pickle::_pipeline_from_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(pickle::_doc_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(pickle::_token, m)?)?;
    m.add_function(wrap_pyfunction!(pickle::_span, m)?)?;
    m.add_function(wrap_pyfunction!(pickle::_quote, m)?)?;
    m.add_function(wrap_pyfunction!(pickle::_speaker, m)?)?;
    m.add_function(wrap_pyfunction!(pickle::_stance_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(table::_tables, m)?)?;
    Ok(())
}
