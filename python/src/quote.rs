//! `Quote` and `Speaker`: views of one quotation of a `Doc`.
use crate::doc::{preview, quoted, PyDoc};
use crate::pickle::Reduce;
use crate::span::PySpan;
use newsdesk::{Quote, Speaker};
use pyo3::prelude::*;

/// A direct quotation: the quoted words (without the marks), who said it and the cue.
#[pyclass(frozen, module = "newsdesk", name = "Quote")]
pub struct PyQuote {
    doc: Py<PyDoc>,
    i: u32,
}

impl PyQuote {
    pub fn new(doc: &Bound<'_, PyDoc>, i: u32) -> PyQuote {
        PyQuote {
            doc: doc.clone().unbind(),
            i,
        }
    }

    fn quote(&self) -> &Quote {
        &self.doc.get().inner.quotes[self.i as usize]
    }

    fn str(&self) -> &str {
        let q = self.quote();
        self.doc.get().inner.text_between(q.start_char, q.end_char)
    }
}

#[pymethods]
impl PyQuote {
    /// The quoted words as a span of the document.
    #[getter]
    fn span(&self, py: Python<'_>) -> PySpan {
        let q = self.quote();
        PySpan::from_chars(self.doc.bind(py), q.start_char, q.end_char, "")
    }
    #[getter]
    fn text(&self) -> &str {
        self.str()
    }
    #[getter]
    fn start_char(&self) -> u32 {
        self.quote().start_char
    }
    #[getter]
    fn end_char(&self) -> u32 {
        self.quote().end_char
    }
    /// Index of this quote in `doc.quotes`.
    #[getter]
    fn i(&self) -> u32 {
        self.i
    }
    /// Who said it, or `None` when the text does not say.
    #[getter]
    fn speaker(&self, py: Python<'_>) -> Option<PySpeaker> {
        self.quote().speaker.as_ref().map(|_| PySpeaker {
            doc: self.doc.clone_ref(py),
            quote: self.i,
        })
    }
    /// How sure the learned ranker is of `speaker` (or of nobody): its
    /// probability for that choice, or `None` when the rules chose alone.
    #[getter]
    fn speaker_score(&self) -> Option<f32> {
        self.quote().speaker_score
    }
    /// The attribution cue (`said`, `according to`, ...) as a span, or `None`.
    #[getter]
    fn cue(&self, py: Python<'_>) -> Option<PySpan> {
        let cue = self.quote().cue.as_ref()?;
        Some(PySpan::from_chars(self.doc.bind(py), cue.start_char, cue.end_char, ""))
    }
    #[getter]
    fn doc(&self, py: Python<'_>) -> Py<PyDoc> {
        self.doc.clone_ref(py)
    }
    fn __str__(&self) -> &str {
        self.str()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let who = self
            .quote()
            .speaker
            .as_ref()
            .map_or("None".to_string(), |s| quoted(py, &s.name));
        format!("Quote({}, speaker={who})", quoted(py, &preview(self.str(), 60)))
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyQuote>()
            .is_ok_and(|o| o.get().i == self.i && o.get().doc.get().inner == self.doc.get().inner)
    }
    fn __hash__(&self) -> u64 {
        crate::span::hash_of(&(self.i, self.str()))
    }
    /// Pickled as its document and index.
    fn __reduce__<'py>(&self, py: Python<'py>) -> Reduce<'py, (Py<PyDoc>, u32)> {
        crate::pickle::reduce(py, "_quote", (self.doc.clone_ref(py), self.i))
    }
}

/// The speaker of a quote: the resolved name, the mention it was attributed
/// through, its entity label and entity span.
#[pyclass(frozen, module = "newsdesk", name = "Speaker")]
pub struct PySpeaker {
    doc: Py<PyDoc>,
    quote: u32,
}

impl PySpeaker {
    fn speaker(&self) -> &Speaker {
        let q = &self.doc.get().inner.quotes[self.quote as usize];
        q.speaker
            .as_ref()
            .expect("a Speaker is only made for a quote that has one")
    }
}

#[pymethods]
impl PySpeaker {
    /// The most complete name of the speaker in the document.
    #[getter]
    fn name(&self) -> &str {
        &self.speaker().name
    }
    /// The mention the quote is attributed through (`"Painter"`, `"he"`, ...).
    #[getter]
    fn mention(&self, py: Python<'_>) -> PySpan {
        let s = self.speaker();
        PySpan::from_chars(
            self.doc.bind(py),
            s.mention.start_char,
            s.mention.end_char,
            s.label.as_deref().unwrap_or(""),
        )
    }
    /// Entity label (`"PERSON"`, `"ORG"`, ...), or `None`.
    #[getter]
    fn label(&self) -> Option<&str> {
        self.speaker().label.as_deref()
    }
    /// The entity the speaker resolves to (a span of `doc.ents`), or `None`.
    #[getter]
    fn entity(&self, py: Python<'_>) -> Option<PySpan> {
        let doc = self.doc.bind(py);
        let e = doc.get().inner.ents.get(self.speaker().entity? as usize)?;
        Some(PySpan::entity(doc, e))
    }
    fn __str__(&self) -> &str {
        self.name()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let s = self.speaker();
        let label = s.label.as_deref().map_or("None".to_string(), |l| quoted(py, l));
        format!("Speaker({}, label={label})", quoted(py, &s.name))
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PySpeaker>()
            .is_ok_and(|o| o.get().speaker() == self.speaker())
    }
    fn __hash__(&self) -> u64 {
        crate::span::hash_of(&self.speaker().name)
    }
    /// Pickled as its document and the index of its quote.
    fn __reduce__<'py>(&self, py: Python<'py>) -> Reduce<'py, (Py<PyDoc>, u32)> {
        crate::pickle::reduce(py, "_speaker", (self.doc.clone_ref(py), self.quote))
    }
}

/// Check `i` indexes a quote of `doc` (and, for speakers, one that has a speaker).
pub fn check_quote(doc: &PyDoc, i: u32, needs_speaker: bool) -> PyResult<()> {
    match doc.inner.quotes.get(i as usize) {
        Some(q) if !needs_speaker || q.speaker.is_some() => Ok(()),
        _ => Err(pyo3::exceptions::PyValueError::new_err(format!(
            "document has no quote {i} with the needed data"
        ))),
    }
}

impl PySpeaker {
    pub fn restore(doc: &Bound<'_, PyDoc>, quote: u32) -> PyResult<PySpeaker> {
        check_quote(doc.get(), quote, true)?;
        Ok(PySpeaker {
            doc: doc.clone().unbind(),
            quote,
        })
    }
}

impl PyQuote {
    pub fn restore(doc: &Bound<'_, PyDoc>, i: u32) -> PyResult<PyQuote> {
        check_quote(doc.get(), i, false)?;
        Ok(PyQuote::new(doc, i))
    }
}
