//! `Token`: one token of a `Doc` (a view: the doc and an index).
use crate::doc::{quoted, PyDoc};
use crate::pickle::Reduce;
use newsdesk::tokenize::{Flags, FLAG_ALPHA, FLAG_BRACKET, FLAG_DIGIT, FLAG_LIKE_NUM, FLAG_LIKE_URL};
use newsdesk::tokenize::{FLAG_LOWER, FLAG_PUNCT, FLAG_QUOTE, FLAG_TITLE, FLAG_UPPER};
use newsdesk::{lower, norm, prefix, shape, suffix};
use newsdesk::{Token, TokenKind};
use pyo3::prelude::*;

/// A token: its text, offsets, whitespace and cheap lexical features.
#[pyclass(frozen, module = "newsdesk", name = "Token")]
pub struct PyToken {
    doc: Py<PyDoc>,
    i: u32,
}

impl PyToken {
    pub fn new(doc: &Bound<'_, PyDoc>, i: u32) -> PyToken {
        PyToken {
            doc: doc.clone().unbind(),
            i,
        }
    }

    fn doc_ref(&self) -> &PyDoc {
        self.doc.get()
    }

    fn tok(&self) -> &Token {
        &self.doc_ref().inner.tokens[self.i as usize]
    }

    fn str(&self) -> &str {
        self.tok().text(&self.doc_ref().inner.text)
    }

    fn has(&self, flag: Flags) -> bool {
        self.tok().has(flag)
    }
}

/// The snake_case name of a token kind (`"word"`, `"debris"`, ...), as in the JSON schema.
pub fn kind_name(kind: TokenKind) -> String {
    match serde_json::to_value(kind) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

#[pymethods]
impl PyToken {
    #[getter]
    fn text(&self) -> &str {
        self.str()
    }
    /// Char offset of the token in the document text.
    #[getter]
    fn idx(&self) -> u32 {
        self.tok().char_start
    }
    /// Index of the token in the document.
    #[getter]
    fn i(&self) -> u32 {
        self.i
    }
    #[getter]
    fn doc(&self, py: Python<'_>) -> Py<PyDoc> {
        self.doc.clone_ref(py)
    }
    /// The whitespace after the token.
    #[getter]
    fn whitespace_(&self) -> &str {
        self.tok().whitespace(&self.doc_ref().inner.text)
    }
    #[getter]
    fn text_with_ws(&self) -> &str {
        let t = self.tok();
        &self.doc_ref().inner.text[t.start as usize..t.ws_end as usize]
    }
    /// Normalized form: typographic quotes and dashes made ASCII, PTB escapes read back.
    #[getter]
    fn norm_(&self) -> String {
        norm(self.str()).into_owned()
    }
    #[getter]
    fn lower_(&self) -> String {
        lower(self.str()).into_owned()
    }
    /// Word shape (`Xxxxx`, `dd`, `X.X.`).
    #[getter]
    fn shape_(&self) -> String {
        shape(self.str())
    }
    /// First char.
    #[getter]
    fn prefix_(&self) -> &str {
        prefix(self.str(), 1)
    }
    /// Last three chars.
    #[getter]
    fn suffix_(&self) -> &str {
        suffix(self.str(), 3)
    }
    /// `"word"`, `"number"`, `"punct"`, `"symbol"`, `"url"`, `"email"`, `"handle"`,
    /// `"hashtag"`, `"emoji"`, `"space"` or `"debris"`.
    #[getter]
    fn kind(&self) -> String {
        kind_name(self.tok().kind)
    }
    #[getter]
    fn is_alpha(&self) -> bool {
        self.has(FLAG_ALPHA)
    }
    #[getter]
    fn is_digit(&self) -> bool {
        self.has(FLAG_DIGIT)
    }
    #[getter]
    fn is_punct(&self) -> bool {
        self.has(FLAG_PUNCT)
    }
    #[getter]
    fn is_title(&self) -> bool {
        self.has(FLAG_TITLE)
    }
    #[getter]
    fn is_upper(&self) -> bool {
        self.has(FLAG_UPPER)
    }
    #[getter]
    fn is_lower(&self) -> bool {
        self.has(FLAG_LOWER)
    }
    #[getter]
    fn like_num(&self) -> bool {
        self.has(FLAG_LIKE_NUM)
    }
    #[getter]
    fn like_url(&self) -> bool {
        self.has(FLAG_LIKE_URL)
    }
    #[getter]
    fn is_quote(&self) -> bool {
        self.has(FLAG_QUOTE)
    }
    #[getter]
    fn is_bracket(&self) -> bool {
        self.has(FLAG_BRACKET)
    }
    /// Leading whitespace of the document (all other whitespace trails a token).
    #[getter]
    fn is_space(&self) -> bool {
        self.tok().kind == TokenKind::Space
    }
    /// Scraped-web debris (`{mosads}`, HTML tags or entities, zero-width chars): not content.
    #[getter]
    fn is_debris(&self) -> bool {
        self.tok().kind == TokenKind::Debris
    }
    /// Whether a sentence starts at this token.
    #[getter]
    fn is_sent_start(&self) -> bool {
        let sents = &self.doc_ref().inner.sents;
        sents.binary_search_by_key(&self.i, |s| s.start).is_ok()
    }
    /// Label of the entity this token is part of, or `""`.
    #[getter]
    fn ent_type_(&self) -> String {
        self.entity().map_or_else(String::new, |e| e.label.clone())
    }
    /// `"B"` (first token of an entity), `"I"` (inside one) or `"O"` (outside).
    #[getter]
    fn ent_iob_(&self) -> &'static str {
        match self.entity() {
            Some(e) if e.start == self.i => "B",
            Some(_) => "I",
            None => "O",
        }
    }

    fn __len__(&self) -> usize {
        self.str().chars().count()
    }
    fn __str__(&self) -> &str {
        self.str()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Token({}, i={}, idx={})",
            quoted(py, self.str()),
            self.i,
            self.tok().char_start
        )
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyToken>()
            .is_ok_and(|o| o.get().i == self.i && o.get().doc_ref().inner == self.doc_ref().inner)
    }
    fn __hash__(&self) -> u64 {
        crate::span::hash_of(&(self.i, self.str()))
    }
    /// Pickled as its document and index.
    fn __reduce__<'py>(&self, py: Python<'py>) -> Reduce<'py, (Py<PyDoc>, u32)> {
        crate::pickle::reduce(py, "_token", (self.doc.clone_ref(py), self.i))
    }
}

impl PyToken {
    fn entity(&self) -> Option<&newsdesk::Entity> {
        self.doc_ref()
            .inner
            .ents
            .iter()
            .find(|e| e.start <= self.i && self.i < e.end)
    }
}

/// Iterator over the tokens `pos..end` of a document.
#[pyclass(module = "newsdesk", name = "TokenIter")]
pub struct TokenIter {
    doc: Py<PyDoc>,
    pos: u32,
    end: u32,
}

impl TokenIter {
    pub fn new(doc: &Bound<'_, PyDoc>, start: u32, end: u32) -> TokenIter {
        TokenIter {
            doc: doc.clone().unbind(),
            pos: start,
            end,
        }
    }
}

#[pymethods]
impl TokenIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __next__(mut slf: PyRefMut<'_, Self>) -> Option<PyToken> {
        if slf.pos >= slf.end {
            return None;
        }
        let token = PyToken {
            doc: slf.doc.clone_ref(slf.py()),
            i: slf.pos,
        };
        slf.pos += 1;
        Some(token)
    }
}
