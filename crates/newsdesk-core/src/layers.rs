//! Annotation layers stored on a [`crate::Doc`].
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where an entity came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntitySource {
    Model,
    Pattern,
}

/// A named entity: tokens `start..end` (token indexes, end exclusive) and the
/// same span as char offsets `start_char..end_char` into the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub start: u32,
    pub end: u32,
    pub start_char: u32,
    pub end_char: u32,
    pub label: String,
    /// Model confidence in 0..1 (1.0 for pattern matches).
    pub score: f32,
    pub source: EntitySource,
}

/// A char-offset span with its text, used for speakers and cues.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CharSpan {
    pub start_char: u32,
    pub end_char: u32,
}

/// Who said a quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The most complete name of the speaker found in the document.
    pub name: String,
    /// The mention the attribution was made through (e.g. "Painter", "he").
    pub mention: CharSpan,
    /// Index into `Doc::ents` of the entity the speaker resolves to, if any.
    pub entity: Option<u32>,
    /// Entity label of the speaker (PERSON, ORG, ...), if known.
    pub label: Option<String>,
}

/// A direct quotation: the quoted words without the marks (`start_char..end_char`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub start_char: u32,
    pub end_char: u32,
    pub speaker: Option<Speaker>,
    /// The attribution cue (said, told, according to, ...), if any.
    pub cue: Option<CharSpan>,
    /// How sure the learned speaker ranker is of `speaker` (or of nobody, when
    /// `None`): its probability for that choice among the quotation's
    /// candidates; `None` when the rules chose alone.
    #[serde(default)]
    pub speaker_score: Option<f32>,
}

/// A stance label and per-label probabilities.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StanceScores {
    pub label: String,
    pub scores: BTreeMap<String, f32>,
}

/// Where a speaker stands on a claim, from that speaker's quotations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpeakerStance {
    pub speaker: String,
    pub quotes: Vec<u32>,
    #[serde(flatten)]
    pub stance: StanceScores,
}

/// Where the document (and each quoted speaker) stands on one claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimStance {
    pub claim: String,
    #[serde(flatten)]
    pub stance: StanceScores,
    pub speakers: Vec<SpeakerStance>,
}
