//! `Span`: a slice of a `Doc` (sentence, entity, quote, mention), defined by
//! token and char offsets into it, never a copied string.
use crate::args::{index_arg, Index};
use crate::doc::{preview, quoted, PyDoc};
use crate::pickle::Reduce;
use crate::token::{PyToken, TokenIter};
use newsdesk::Entity;
use newsdesk::Offsets;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use std::hash::{Hash, Hasher};

/// Tokens `start..end` of a document, covering chars `start_char..end_char`.
#[pyclass(frozen, module = "newsdesk", name = "Span")]
pub struct PySpan {
    doc: Py<PyDoc>,
    start: u32,
    end: u32,
    start_char: u32,
    end_char: u32,
    label: String,
    score: Option<f32>,
}

/// Hash of any hashable value (for `__hash__`).
pub fn hash_of(value: &impl Hash) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

impl PySpan {
    /// The span of tokens `start..end`.
    pub fn from_tokens(doc: &Bound<'_, PyDoc>, start: u32, end: u32, label: &str, score: Option<f32>) -> PySpan {
        let (start_char, end_char) = doc.get().inner.chars_of_tokens(start, end);
        PySpan::new(doc, (start, end), (start_char, end_char), label, score)
    }

    /// The span of chars `start_char..end_char` (tokens: those it overlaps).
    pub fn from_chars(doc: &Bound<'_, PyDoc>, start_char: u32, end_char: u32, label: &str) -> PySpan {
        let (start, end) = doc.get().inner.tokens_of_chars(start_char, end_char);
        PySpan::new(doc, (start, end), (start_char, end_char), label, None)
    }

    fn new(doc: &Bound<'_, PyDoc>, tokens: (u32, u32), chars: (u32, u32), label: &str, score: Option<f32>) -> PySpan {
        PySpan {
            doc: doc.clone().unbind(),
            start: tokens.0,
            end: tokens.1,
            start_char: chars.0,
            end_char: chars.1,
            label: label.to_string(),
            score,
        }
    }

    pub fn entity(doc: &Bound<'_, PyDoc>, e: &Entity) -> PySpan {
        PySpan::new(
            doc,
            (e.start, e.end),
            (e.start_char, e.end_char),
            &e.label,
            Some(e.score),
        )
    }

    fn doc_ref(&self) -> &PyDoc {
        self.doc.get()
    }

    fn str(&self) -> &str {
        self.doc_ref().inner.text_between(self.start_char, self.end_char)
    }
}

#[pymethods]
impl PySpan {
    /// The text of the span (a slice of the document text).
    #[getter]
    fn text(&self) -> &str {
        self.str()
    }
    /// Index of the first token.
    #[getter]
    fn start(&self) -> u32 {
        self.start
    }
    /// Index after the last token.
    #[getter]
    fn end(&self) -> u32 {
        self.end
    }
    #[getter]
    fn start_char(&self) -> u32 {
        self.start_char
    }
    #[getter]
    fn end_char(&self) -> u32 {
        self.end_char
    }
    /// Entity label (`"PERSON"`, `"ORG"`, ...), or `""` for unlabelled spans.
    #[getter]
    fn label_(&self) -> &str {
        &self.label
    }
    /// Model confidence for entities (1.0 for pattern matches); `None` otherwise.
    #[getter]
    fn score(&self) -> Option<f32> {
        self.score
    }
    #[getter]
    fn doc(&self, py: Python<'_>) -> Py<PyDoc> {
        self.doc.clone_ref(py)
    }
    /// The entities that lie inside this span.
    #[getter]
    fn ents<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let doc = self.doc.bind(py);
        let ents = &doc.get().inner.ents;
        let inside: Vec<PySpan> = ents
            .iter()
            .filter(|e| e.start >= self.start && e.end <= self.end)
            .map(|e| PySpan::entity(doc, e))
            .collect();
        PyTuple::new(py, inside)
    }

    fn __len__(&self) -> usize {
        (self.end - self.start) as usize
    }
    /// `span[i]` is a `Token`, `span[a:b]` a `Span` (relative to this span).
    fn __getitem__<'py>(&self, py: Python<'py>, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let doc = self.doc.bind(py);
        match index_arg(key, self.__len__(), "Span")? {
            Index::One(i) => Ok(Bound::new(py, PyToken::new(doc, self.start + i as u32))?.into_any()),
            Index::Range(a, b) => {
                let span = PySpan::from_tokens(doc, self.start + a as u32, self.start + b as u32, "", None);
                Ok(Bound::new(py, span)?.into_any())
            }
        }
    }
    fn __iter__(&self, py: Python<'_>) -> TokenIter {
        TokenIter::new(self.doc.bind(py), self.start, self.end)
    }
    fn __str__(&self) -> &str {
        self.str()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let mut s = format!(
            "Span({}, start={}, end={}",
            quoted(py, &preview(self.str(), 60)),
            self.start,
            self.end
        );
        if !self.label.is_empty() {
            s += &format!(", label={}", quoted(py, &self.label));
        }
        if let Some(score) = self.score {
            s += &format!(", score={score:.3}");
        }
        s + ")"
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PySpan>().is_ok_and(|o| {
            let o = o.get();
            (o.start, o.end, o.start_char, o.end_char, &o.label)
                == (self.start, self.end, self.start_char, self.end_char, &self.label)
                && o.doc_ref().inner == self.doc_ref().inner
        })
    }
    fn __hash__(&self) -> u64 {
        hash_of(&(self.start_char, self.end_char, &self.label, self.str()))
    }
    /// Pickled as its document, offsets, label and score.
    fn __reduce__<'py>(&self, py: Python<'py>) -> Reduce<'py, SpanState> {
        let offsets = (self.start, self.end, self.start_char, self.end_char);
        crate::pickle::reduce(
            py,
            "_span",
            (self.doc.clone_ref(py), offsets, self.label.clone(), self.score),
        )
    }
}

/// A span's pickle state: its document, `(start, end, start_char, end_char)`, label and score.
pub type SpanState = (Py<PyDoc>, (u32, u32, u32, u32), String, Option<f32>);

/// Rebuild a span from `__reduce__`'s arguments, checking them against the document.
pub fn restore(
    doc: &Bound<'_, PyDoc>,
    (start, end, start_char, end_char): (u32, u32, u32, u32),
    label: String,
    score: Option<f32>,
) -> PyResult<PySpan> {
    let d = doc.get();
    if start > end || end as usize > d.inner.tokens.len() || start_char > end_char || end_char > d.inner.char_len() {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "span offsets out of range for its document",
        ));
    }
    Ok(PySpan {
        doc: doc.clone().unbind(),
        start,
        end,
        start_char,
        end_char,
        label,
        score,
    })
}
