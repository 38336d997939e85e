//! `nlp.pipe(...)`: pulls texts from a Python iterable (or reads them from an
//! Arrow array, see `arrow_texts`) a batch at a time and processes each batch
//! in Rust with the GIL released; yields docs in order.
use crate::args::text_arg;
use crate::arrow_texts::ArrowTexts;
use crate::batch::{process_one, Workers};
use crate::detach::detached;
use crate::doc::PyDoc;
use crate::error::to_py_err;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyTuple};
use std::collections::VecDeque;

type Ready = PyResult<(PyDoc, Option<Py<PyAny>>)>;

/// Where `pipe` takes its texts from.
pub enum Texts {
    /// Any iterable of `str` (or of `(text, context)` pairs).
    Iter(Py<PyIterator>),
    /// An Arrow array or stream of strings, read in Rust.
    Arrow(ArrowTexts),
}

impl Texts {
    /// The texts of `obj`: Arrow data if it exports the C data interface, else its items.
    pub fn new(obj: &Bound<'_, PyAny>, as_tuples: bool) -> PyResult<Texts> {
        if !as_tuples {
            if let Some(arrow) = ArrowTexts::from_py(obj)? {
                return Ok(Texts::Arrow(arrow));
            }
        }
        Ok(Texts::Iter(obj.try_iter()?.unbind()))
    }
}

/// Iterator returned by `Pipeline.pipe`.
#[pyclass(module = "newsdesk", name = "PipeIter")]
pub struct PipeIter {
    /// `None` once the input is exhausted or raised.
    source: Option<Texts>,
    workers: Workers,
    batch_size: usize,
    as_tuples: bool,
    claims: Vec<String>,
    /// Items read so far (for error messages).
    seen: usize,
    ready: VecDeque<Ready>,
}

impl PipeIter {
    pub fn new(source: Texts, workers: Workers, batch_size: usize, as_tuples: bool, claims: Vec<String>) -> Self {
        PipeIter {
            source: Some(source),
            workers,
            batch_size,
            as_tuples,
            claims,
            seen: 0,
            ready: VecDeque::new(),
        }
    }

    /// The text (and context) of one input item.
    fn unpack(item: &Bound<'_, PyAny>, what: &str, as_tuples: bool) -> PyResult<(String, Option<Py<PyAny>>)> {
        if !as_tuples {
            return Ok((text_arg(item, what)?, None));
        }
        let pair = item.cast::<PyTuple>().ok().filter(|t| t.len() == 2).ok_or_else(|| {
            PyTypeError::new_err(format!("{what} must be a (text, context) tuple when as_tuples=True"))
        })?;
        Ok((
            text_arg(&pair.get_item(0)?, &format!("{what}[0]"))?,
            Some(pair.get_item(1)?.unbind()),
        ))
    }

    /// The next input item; `None` at the end.
    fn next_item(&mut self, py: Python<'_>) -> Option<PyResult<(String, Option<Py<PyAny>>)>> {
        let what = format!("texts[{}]", self.seen);
        match self.source.as_mut()? {
            Texts::Iter(source) => {
                let item = source.bind(py).clone().next()?;
                Some(item.and_then(|item| Self::unpack(&item, &what, self.as_tuples)))
            }
            Texts::Arrow(arrow) => Some(arrow.next()?.and_then(|text| {
                let text = text
                    .ok_or_else(|| PyTypeError::new_err(format!("{what} must be str, not null (a missing value)")))?;
                Ok((text, None))
            })),
        }
    }

    /// Read up to `batch_size` items, process them, and queue the results
    /// (followed by the input's error, if reading failed).
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        let (mut texts, mut contexts) = (Vec::new(), Vec::new());
        let mut failure = None;
        while self.source.is_some() && texts.len() < self.batch_size {
            let Some(item) = self.next_item(py) else {
                self.source = None;
                break;
            };
            self.seen += 1;
            match item {
                Ok((text, context)) => {
                    texts.push(text);
                    contexts.push(context);
                }
                Err(e) => {
                    failure = Some(e);
                    self.source = None;
                    break;
                }
            }
        }
        let (workers, claims) = (&mut self.workers, &self.claims);
        let docs = detached(py, || workers.map(&texts, |nlp, t| process_one(nlp, t, claims)))?;
        let nlp = self.workers.pipeline();
        for (doc, context) in docs.into_iter().zip(contexts) {
            self.ready.push_back(
                doc.map(|d| (PyDoc::new(d, Some(nlp.clone())), context))
                    .map_err(to_py_err),
            );
        }
        self.ready.extend(failure.map(Err));
        Ok(())
    }
}

#[pymethods]
impl PipeIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(mut slf: PyRefMut<'_, Self>) -> PyResult<Option<Py<PyAny>>> {
        let py = slf.py();
        if slf.ready.is_empty() {
            slf.fill(py)?;
        }
        let Some(next) = slf.ready.pop_front() else {
            return Ok(None);
        };
        let (doc, context) = next?;
        let doc = Py::new(py, doc)?.into_any();
        Ok(Some(match context {
            Some(context) => PyTuple::new(py, [doc, context])?.into_any().unbind(),
            None => doc,
        }))
    }
}
