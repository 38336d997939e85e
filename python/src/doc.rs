//! `Doc`: the processed document, a sequence of tokens with layers.
use crate::args::{index_arg, texts_arg, Index};
use crate::detach::detached;
use crate::error::to_py_err;
use crate::pickle::Reduce;
use crate::pipeline::default_pipeline;
use crate::quote::PyQuote;
use crate::span::PySpan;
use crate::stance::PyClaimStance;
use crate::token::{PyToken, TokenIter};
use newsdesk::{Doc, Pipeline};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use std::sync::Arc;

/// A processed document. Immutable; tokens, spans and quotes are views into it.
#[pyclass(frozen, module = "newsdesk", name = "Doc")]
pub struct PyDoc {
    pub(crate) inner: Doc,
    /// The pipeline that made it (for stance); `None` for documents read from JSON.
    pub(crate) nlp: Option<Arc<Pipeline>>,
}

impl PyDoc {
    pub fn new(inner: Doc, nlp: Option<Arc<Pipeline>>) -> PyDoc {
        PyDoc { inner, nlp }
    }

    /// Byte offset in `text` of char offset `c` (clamped to the end).
    pub fn byte_of_char(&self, c: u32) -> usize {
        self.inner.byte_of_char(c)
    }

    /// The text between two char offsets (empty if reversed).
    pub fn text_between(&self, start_char: u32, end_char: u32) -> &str {
        self.inner.text_between(start_char, end_char)
    }

    /// Token range `start..end` covering the chars `start_char..end_char`.
    pub fn tokens_of_chars(&self, start_char: u32, end_char: u32) -> (u32, u32) {
        let toks = &self.inner.tokens;
        let start = toks.partition_point(|t| t.char_end <= start_char);
        let end = toks.partition_point(|t| t.char_start < end_char).max(start);
        (start as u32, end as u32)
    }

    /// Char range of the tokens `start..end` (without trailing whitespace).
    pub fn chars_of_tokens(&self, start: u32, end: u32) -> (u32, u32) {
        let toks = &self.inner.tokens;
        let at = |i: u32| toks.get(i as usize).map_or(self.char_len(), |t| t.char_start);
        if end > start {
            (toks[start as usize].char_start, toks[end as usize - 1].char_end)
        } else {
            (at(start), at(start))
        }
    }

    pub fn char_len(&self) -> u32 {
        self.inner.tokens.last().map_or(0, |t| t.char_ws_end)
    }
}

/// `s` as Python's `repr` writes it (`'It\'s'`), for reprs.
pub fn quoted(py: Python<'_>, s: &str) -> String {
    match pyo3::types::PyString::new(py, s).repr() {
        Ok(r) => r.to_string(),
        Err(_) => format!("{s:?}"),
    }
}

/// Shorten `text` for a repr.
pub fn preview(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((b, _)) => format!("{}…", &text[..b]),
        None => text.to_string(),
    }
}

#[pymethods]
impl PyDoc {
    /// The document text, exactly as given.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    fn __len__(&self) -> usize {
        self.inner.tokens.len()
    }

    /// `doc[i]` is a `Token` (negative counts from the end); `doc[a:b]` a `Span`.
    fn __getitem__<'py>(slf: &Bound<'py, Self>, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        match index_arg(key, slf.get().inner.tokens.len(), "Doc")? {
            Index::One(i) => Ok(Bound::new(py, PyToken::new(slf, i as u32))?.into_any()),
            Index::Range(a, b) => {
                Ok(Bound::new(py, PySpan::from_tokens(slf, a as u32, b as u32, "", None))?.into_any())
            }
        }
    }

    fn __iter__(slf: &Bound<'_, Self>) -> TokenIter {
        TokenIter::new(slf, 0, slf.get().inner.tokens.len() as u32)
    }

    /// Sentences, as spans.
    #[getter]
    fn sents<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let spans = slf
            .get()
            .inner
            .sents
            .iter()
            .map(|s| PySpan::from_tokens(slf, s.start, s.end, "", None));
        PyTuple::new(slf.py(), spans)
    }

    /// Named entities, as spans with `label_` and `score`.
    #[getter]
    fn ents<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(slf.py(), slf.get().inner.ents.iter().map(|e| PySpan::entity(slf, e)))
    }

    /// Direct quotations with their speakers.
    #[getter]
    fn quotes<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let n = slf.get().inner.quotes.len() as u32;
        PyTuple::new(slf.py(), (0..n).map(|i| PyQuote::new(slf, i)))
    }

    /// Claims the document was processed with (see `stances`).
    #[getter]
    fn claims(&self) -> Vec<String> {
        self.inner.claims.clone()
    }

    /// Where the document (and each quoted speaker) stands on `claim`. Uses the
    /// pipeline that made the doc; docs read from JSON or pickle use `load()`'s.
    fn stance(&self, py: Python<'_>, claim: &Bound<'_, PyAny>) -> PyResult<PyClaimStance> {
        let claim = crate::args::text_arg(claim, "claim")?;
        let mut one = self.compute_stances(py, vec![claim])?;
        Ok(one.remove(0))
    }

    /// Stances on several claims (one `ClaimStance` each, in order). Without
    /// `claims`, the stances stored in the document (from `nlp(text, claims=…)` or JSON).
    #[pyo3(signature = (claims = None))]
    fn stances(&self, py: Python<'_>, claims: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<PyClaimStance>> {
        match claims {
            None => Ok(self.inner.stances.iter().cloned().map(PyClaimStance::from).collect()),
            Some(c) => self.compute_stances(py, texts_arg(c, "claims")?),
        }
    }

    /// The document as plain Python data (the JSON schema as dicts and lists).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?.call_method1("loads", (self.inner.to_json(),))
    }

    /// The versioned JSON form (schema `newsdesk.doc/1`), one line.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// Read a document written by `to_json` (ValueError if it is not one).
    #[staticmethod]
    fn from_json(json: &Bound<'_, PyAny>) -> PyResult<PyDoc> {
        PyDoc::from_json_arg(json)
    }

    /// Build a document from `to_dict` output.
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<PyDoc> {
        let json = py.import("json")?.call_method1("dumps", (data,))?;
        PyDoc::from_json(&json)
    }

    /// HTML: sentences, entities highlighted by type, quotes and their speakers.
    fn _repr_html_(&self) -> String {
        crate::html::render(self)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let d = &self.inner;
        format!(
            "Doc({}, tokens={}, sents={}, ents={}, quotes={})",
            quoted(py, &preview(&d.text, 60)),
            d.tokens.len(),
            d.sents.len(),
            d.ents.len(),
            d.quotes.len()
        )
    }

    fn __str__(&self) -> &str {
        &self.inner.text
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyDoc>().is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.text.hash(&mut h);
        self.inner.tokens.len().hash(&mut h);
        h.finish()
    }

    /// Pickled as its JSON (the same text `to_json` writes).
    fn __reduce__<'py>(&self, py: Python<'py>) -> Reduce<'py, (String,)> {
        crate::pickle::reduce(py, "_doc_from_json", (self.inner.to_json(),))
    }
}

impl PyDoc {
    /// The pipeline for stance: the one that made this doc, else the default one.
    fn stance_pipeline(&self) -> PyResult<Arc<Pipeline>> {
        match &self.nlp {
            Some(nlp) => Ok(nlp.clone()),
            None => default_pipeline(),
        }
    }

    fn compute_stances(&self, py: Python<'_>, claims: Vec<String>) -> PyResult<Vec<PyClaimStance>> {
        let nlp = self.stance_pipeline()?;
        let doc = &self.inner;
        let out = detached(py, || nlp.stances(doc, &claims))?;
        Ok(out.into_iter().map(PyClaimStance::from).collect())
    }

    pub fn from_json_arg(json: &Bound<'_, PyAny>) -> PyResult<PyDoc> {
        let json = crate::args::text_arg(json, "json")?;
        Doc::from_json(&json).map(|d| PyDoc::new(d, None)).map_err(to_py_err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_cuts_at_chars() {
        assert_eq!(preview("naïve text", 3), "naï…");
        assert_eq!(preview("short", 10), "short");
    }

    #[test]
    fn char_offsets_map_to_bytes_and_tokens() {
        let d = PyDoc::new(Pipeline::blank().process("Café “ok” now"), None);
        assert_eq!(d.text_between(0, 4), "Café");
        assert_eq!(d.text_between(6, 8), "ok");
        assert_eq!(d.text_between(10, 13), "now");
        assert_eq!(d.byte_of_char(d.char_len()), d.inner.text.len());
        let (start, end) = d.tokens_of_chars(6, 8);
        assert_eq!(d.inner.token_text(start as usize), "ok");
        assert_eq!(end, start + 1);
        assert_eq!(d.chars_of_tokens(start, end), (6, 8));
        assert_eq!(
            d.chars_of_tokens(2, 2),
            (d.inner.tokens[2].char_start, d.inner.tokens[2].char_start)
        );
    }
}
