//! The serializable description of a pipeline: which built-in components it
//! runs and where their models come from.
use newsdesk_ner::Pattern;
use serde::{Deserialize, Serialize};

/// Where a model comes from: compiled into the build, or bytes carried along.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ModelSource {
    Embedded {
        name: String,
    },
    /// Index of a blob stored next to the spec (see `Pipeline::to_bytes`).
    Inline {
        blob: usize,
    },
}

/// The built-in stages, in the order they run: NER, entity ruler, quotes, stance.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Spec {
    pub ner: Option<ModelSource>,
    #[serde(default)]
    pub patterns: Vec<Pattern>,
    #[serde(default)]
    pub quotes: bool,
    pub stance: Option<ModelSource>,
}

impl Spec {
    /// The full news pipeline with the named embedded NER model.
    pub fn news(ner: &str) -> Spec {
        Spec {
            ner: Some(ModelSource::Embedded { name: ner.to_string() }),
            patterns: Vec::new(),
            quotes: true,
            stance: Some(ModelSource::Embedded {
                name: "fnc1".to_string(),
            }),
        }
    }
}
