//! Stance results: plain values (label, probabilities, per-speaker results).
use crate::doc::quoted;
use crate::pickle::Reduce;
use newsdesk::{ClaimStance, SpeakerStance, StanceScores};
use pyo3::prelude::*;
use std::collections::BTreeMap;

/// A stance label (`agree`, `disagree`, `discuss`, `unrelated`) and the
/// probability of each label.
#[pyclass(frozen, eq, module = "newsdesk", name = "Stance")]
#[derive(PartialEq)]
pub struct PyStance {
    pub(crate) inner: StanceScores,
}

/// Where a document stands on one claim, and where each quoted speaker stands.
#[pyclass(frozen, eq, module = "newsdesk", name = "ClaimStance")]
#[derive(PartialEq)]
pub struct PyClaimStance {
    pub(crate) inner: ClaimStance,
}

/// Where one speaker stands on a claim, judged from that speaker's quotations.
#[pyclass(frozen, eq, module = "newsdesk", name = "SpeakerStance")]
#[derive(PartialEq)]
pub struct PySpeakerStance {
    pub(crate) inner: SpeakerStance,
}

impl From<StanceScores> for PyStance {
    fn from(inner: StanceScores) -> Self {
        PyStance { inner }
    }
}
impl From<ClaimStance> for PyClaimStance {
    fn from(inner: ClaimStance) -> Self {
        PyClaimStance { inner }
    }
}
impl From<SpeakerStance> for PySpeakerStance {
    fn from(inner: SpeakerStance) -> Self {
        PySpeakerStance { inner }
    }
}

fn repr(py: Python<'_>, kind: &str, first: Option<(&str, &str)>, s: &StanceScores) -> String {
    let scores: Vec<String> = s
        .scores
        .iter()
        .map(|(k, v)| format!("{}: {v:.3}", quoted(py, k)))
        .collect();
    let first = first.map_or(String::new(), |(k, v)| format!("{k}={}, ", quoted(py, v)));
    format!(
        "{kind}({first}label={}, scores={{{}}})",
        quoted(py, &s.label),
        scores.join(", ")
    )
}

/// The JSON form of a stance value (pickle state), and back.
fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("stance values always serialize")
}

#[pymethods]
impl PyStance {
    /// The most probable label.
    #[getter]
    fn label(&self) -> &str {
        &self.inner.label
    }
    /// Probability of each label (they sum to 1).
    #[getter]
    fn scores(&self) -> BTreeMap<String, f32> {
        self.inner.scores.clone()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        repr(py, "Stance", None, &self.inner)
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> Reduce<'py, (&'static str, String)> {
        crate::pickle::reduce(py, "_stance_from_json", ("Stance", to_json(&self.inner)))
    }
}

#[pymethods]
impl PyClaimStance {
    /// The claim the stance is about.
    #[getter]
    fn claim(&self) -> &str {
        &self.inner.claim
    }
    #[getter]
    fn label(&self) -> &str {
        &self.inner.stance.label
    }
    #[getter]
    fn scores(&self) -> BTreeMap<String, f32> {
        self.inner.stance.scores.clone()
    }
    /// One result per quoted speaker.
    #[getter]
    fn speakers(&self) -> Vec<PySpeakerStance> {
        self.inner.speakers.iter().cloned().map(PySpeakerStance::from).collect()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        repr(
            py,
            "ClaimStance",
            Some(("claim", &self.inner.claim)),
            &self.inner.stance,
        )
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> Reduce<'py, (&'static str, String)> {
        crate::pickle::reduce(py, "_stance_from_json", ("ClaimStance", to_json(&self.inner)))
    }
}

#[pymethods]
impl PySpeakerStance {
    /// The speaker's name.
    #[getter]
    fn speaker(&self) -> &str {
        &self.inner.speaker
    }
    /// Indexes into `doc.quotes` of the quotations judged.
    #[getter]
    fn quotes(&self) -> Vec<u32> {
        self.inner.quotes.clone()
    }
    #[getter]
    fn label(&self) -> &str {
        &self.inner.stance.label
    }
    #[getter]
    fn scores(&self) -> BTreeMap<String, f32> {
        self.inner.stance.scores.clone()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        repr(
            py,
            "SpeakerStance",
            Some(("speaker", &self.inner.speaker)),
            &self.inner.stance,
        )
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> Reduce<'py, (&'static str, String)> {
        crate::pickle::reduce(py, "_stance_from_json", ("SpeakerStance", to_json(&self.inner)))
    }
}

/// Rebuild a stance value of class `kind` from its JSON.
pub fn from_json(py: Python<'_>, kind: &str, json: &str) -> PyResult<Py<PyAny>> {
    let bad = |e: serde_json::Error| pyo3::exceptions::PyValueError::new_err(format!("invalid {kind} JSON: {e}"));
    Ok(match kind {
        "Stance" => Py::new(
            py,
            PyStance::from(serde_json::from_str::<StanceScores>(json).map_err(bad)?),
        )?
        .into_any(),
        "ClaimStance" => Py::new(
            py,
            PyClaimStance::from(serde_json::from_str::<ClaimStance>(json).map_err(bad)?),
        )?
        .into_any(),
        "SpeakerStance" => Py::new(
            py,
            PySpeakerStance::from(serde_json::from_str::<SpeakerStance>(json).map_err(bad)?),
        )?
        .into_any(),
        other => {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "unknown stance class {other:?}"
            )))
        }
    })
}
