//! `Pipeline`, `load()` and `blank()`.
use crate::args::{positive, text_arg, texts_arg};
use crate::batch::{process_one, Workers};
use crate::detach::detached;
use crate::doc::{quoted, PyDoc};
use crate::error::to_py_err;
use crate::pickle::Reduce;
use crate::pipe::{PipeIter, Texts};
use crate::stance::PyStance;
use newsdesk::{Error, Pattern, Pipeline};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

/// Name of the pipeline `load()` builds by default.
pub const DEFAULT_PIPELINE: &str = "ontonotes";

/// A processing pipeline: tokenizer, sentence splitter and the trained
/// components (entities, quotes, stance). Call it on a text to get a `Doc`.
#[pyclass(frozen, module = "newsdesk", name = "Pipeline")]
pub struct PyPipeline {
    /// Swapped whole when patterns are added; calls work on a snapshot.
    inner: RwLock<Arc<Pipeline>>,
    name: String,
}

impl PyPipeline {
    pub fn new(inner: Pipeline, name: &str) -> PyPipeline {
        PyPipeline {
            inner: RwLock::new(Arc::new(inner)),
            name: name.to_string(),
        }
    }

    /// The pipeline as it is now (later changes do not affect the snapshot).
    pub fn current(&self) -> Arc<Pipeline> {
        self.inner.read().unwrap_or_else(PoisonError::into_inner).clone()
    }
}

/// The default pipeline, loaded once, for documents that did not come from a pipeline.
pub fn default_pipeline() -> PyResult<Arc<Pipeline>> {
    static DEFAULT: Mutex<Option<Arc<Pipeline>>> = Mutex::new(None);
    let mut slot = DEFAULT.lock().unwrap_or_else(PoisonError::into_inner);
    if slot.is_none() {
        *slot = Some(Arc::new(newsdesk::load(DEFAULT_PIPELINE).map_err(to_py_err)?));
    }
    Ok(slot.clone().expect("just filled"))
}

/// Load a pipeline by name (`"ontonotes"`, `"conll"`, `"blank"`) or from the
/// path of a trained model file.
#[pyfunction]
#[pyo3(signature = (name = None))]
pub fn load(py: Python<'_>, name: Option<&Bound<'_, PyAny>>) -> PyResult<PyPipeline> {
    let name = match name {
        Some(name) => text_arg(&py.import("os")?.call_method1("fspath", (name,))?, "name")?,
        None => DEFAULT_PIPELINE.to_string(),
    };
    let nlp = detached(py, || newsdesk::load(&name))?;
    Ok(PyPipeline::new(nlp, &name))
}

/// A pipeline with the tokenizer and sentence splitter only.
#[pyfunction]
pub fn blank() -> PyPipeline {
    PyPipeline::new(Pipeline::blank(), "blank")
}

#[pymethods]
impl PyPipeline {
    /// Process one text. With `claims`, the doc also gets stances on them.
    #[pyo3(signature = (text, *, claims = None))]
    fn __call__(&self, py: Python<'_>, text: &Bound<'_, PyAny>, claims: Option<&Bound<'_, PyAny>>) -> PyResult<PyDoc> {
        let text = text_arg(text, "text")?;
        let nlp = self.current();
        let claims = claims_arg(&nlp, claims)?;
        let doc = detached(py, || process_one(&nlp, &text, &claims))?;
        Ok(PyDoc::new(doc, Some(nlp)))
    }

    /// Tokenize and split sentences only (no components).
    fn make_doc(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<PyDoc> {
        let text = text_arg(text, "text")?;
        let nlp = self.current();
        let doc = detached(py, || Ok::<_, newsdesk::Error>(nlp.make_doc(&text)))?;
        Ok(PyDoc::new(doc, Some(nlp)))
    }

    /// Process an iterable of texts in batches, yielding `Doc`s in input order.
    /// An Arrow array of strings (a pyarrow `Array` or `ChunkedArray`, a pandas
    /// `Series`: anything with `__arrow_c_array__` or `__arrow_c_stream__`) is
    /// read in Rust without making a Python `str` per text; a null is a
    /// `TypeError` naming its position, raised after the docs before it.
    /// Each batch of `batch_size` texts runs in Rust with the GIL released, on
    /// `n_threads` worker threads (default: `NEWSDESK_NUM_THREADS`, else all cores).
    /// With `as_tuples=True` the items are `(text, context)` pairs and
    /// `(doc, context)` pairs come out.
    #[pyo3(signature = (texts, *, batch_size = 256, n_threads = None, as_tuples = false, claims = None))]
    fn pipe(
        &self,
        texts: &Bound<'_, PyAny>,
        batch_size: i64,
        n_threads: Option<i64>,
        as_tuples: bool,
        claims: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PipeIter> {
        let batch_size = positive("batch_size", Some(batch_size))?.expect("given");
        let n_threads = positive("n_threads", n_threads)?;
        let nlp = self.current();
        let claims = claims_arg(&nlp, claims)?;
        let workers = Workers::new(nlp, n_threads);
        Ok(PipeIter::new(
            Texts::new(texts, as_tuples)?,
            workers,
            batch_size,
            as_tuples,
            claims,
        ))
    }

    /// Add entity-ruler patterns: dicts like `{"label": "ORG", "pattern": "Acme Corp"}`
    /// (phrase; `"case_sensitive": False` to ignore case) or `{"label": "GPE",
    /// "pattern": [{"lower": "new"}, {"regex": "^[A-Z]"}]}` (token sequence). They run
    /// after the statistical model (see the entity ruler's documentation for conflicts).
    /// Returns the number added. Docs made before keep their entities.
    fn add_patterns(&self, py: Python<'_>, patterns: &Bound<'_, PyAny>) -> PyResult<usize> {
        let parsed = parse_patterns(py, patterns)?;
        // Quick, so it keeps the GIL: no other thread can swap the pipeline meanwhile,
        // and the lock is never held while waiting for the GIL.
        let mut next = self.current().as_ref().clone();
        let added = next.add_patterns(parsed).map_err(to_py_err)?;
        *self.inner.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(next);
        Ok(added)
    }

    /// Stance of `text` towards `claim`: `.label` and `.scores` per label.
    fn stance(&self, py: Python<'_>, claim: &Bound<'_, PyAny>, text: &Bound<'_, PyAny>) -> PyResult<PyStance> {
        let (claim, text) = (text_arg(claim, "claim")?, text_arg(text, "text")?);
        let nlp = self.current();
        Ok(detached(py, || nlp.stance(&claim, &text))?.into())
    }

    /// Stance of many `(claim, text)` pairs, computed in parallel with the GIL
    /// released; one `Stance` per pair, in order.
    #[pyo3(signature = (pairs, *, n_threads = None))]
    fn stance_batch(
        &self,
        py: Python<'_>,
        pairs: &Bound<'_, PyAny>,
        n_threads: Option<i64>,
    ) -> PyResult<Vec<PyStance>> {
        let n_threads = positive("n_threads", n_threads)?;
        let pairs = pairs_arg(pairs)?;
        // A blank claim is named by its pair's position, before any work.
        let claims: Vec<&str> = pairs.iter().map(|(c, _)| c.as_str()).collect();
        newsdesk::check_claims(&claims).map_err(to_py_err)?;
        let mut workers = Workers::new(self.current(), n_threads);
        let results = detached(py, || workers.map(&pairs, |nlp, (c, t)| nlp.stance(c, t)))?;
        results
            .into_iter()
            .map(|r| r.map(PyStance::from).map_err(to_py_err))
            .collect()
    }

    /// The pipeline as bytes (what pickle stores); `Pipeline.from_bytes` reads them.
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let bytes = self.current().to_bytes().map_err(to_py_err)?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// Rebuild a pipeline from `to_bytes` output (ValueError for foreign or damaged bytes).
    #[staticmethod]
    #[pyo3(signature = (data, name = "bytes"))]
    pub fn from_bytes(py: Python<'_>, data: &[u8], name: &str) -> PyResult<PyPipeline> {
        let nlp = detached(py, || Pipeline::from_bytes(data))?;
        Ok(PyPipeline::new(nlp, name))
    }

    /// Pickled as its bytes (`to_bytes`) and name.
    fn __reduce__<'py>(&self, py: Python<'py>) -> Reduce<'py, (Bound<'py, PyBytes>, String)> {
        crate::pickle::reduce(py, "_pipeline_from_bytes", (self.to_bytes(py)?, self.name.clone()))
    }

    /// Names of the stages, in order.
    #[getter]
    fn pipe_names(&self) -> Vec<String> {
        self.current().component_names()
    }

    /// The name (or path) the pipeline was loaded by.
    #[getter]
    fn name(&self) -> &str {
        &self.name
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let names: Vec<String> = self.current().component_names().iter().map(|n| quoted(py, n)).collect();
        format!(
            "Pipeline(name={}, pipe_names=[{}])",
            quoted(py, &self.name),
            names.join(", ")
        )
    }
}

/// Patterns from a list of dicts, each checked on its own so errors name it.
fn parse_patterns(py: Python<'_>, patterns: &Bound<'_, PyAny>) -> PyResult<Vec<Pattern>> {
    let dumps = py.import("json")?.getattr("dumps")?;
    patterns
        .try_iter()?
        .enumerate()
        .map(|(i, item)| {
            let json: String = dumps.call1((item?,))?.extract()?;
            serde_json::from_str(&json)
                .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("patterns[{i}]: {e}: {json}")))
        })
        .collect()
}

/// `(claim, text)` pairs from any iterable of 2-tuples of str.
fn pairs_arg(pairs: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    pairs
        .try_iter()?
        .enumerate()
        .map(|(i, item)| {
            let item = item?;
            let pair = item.cast::<PyTuple>().ok().filter(|t| t.len() == 2).ok_or_else(|| {
                pyo3::exceptions::PyTypeError::new_err(format!("pairs[{i}] must be a (claim, text) tuple"))
            })?;
            Ok((
                text_arg(&pair.get_item(0)?, &format!("pairs[{i}][0]"))?,
                text_arg(&pair.get_item(1)?, &format!("pairs[{i}][1]"))?,
            ))
        })
        .collect()
}

/// Claims to measure stance against; only for a pipeline that has a stance
/// component, and none blank (checked here, before any text is processed).
fn claims_arg(nlp: &Pipeline, claims: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    let Some(claims) = claims else { return Ok(Vec::new()) };
    let claims = texts_arg(claims, "claims")?;
    if !claims.is_empty() && !nlp.component_names().iter().any(|n| n == "stance") {
        return Err(to_py_err(Error::Missing("stance")));
    }
    newsdesk::check_claims(&claims).map_err(to_py_err)?;
    Ok(claims)
}
