//! Named-entity recognition for newsdesk: readers for OntoNotes, CoNLL-2003
//! and WNUT-17, an averaged structured perceptron over BILOU tags with
//! constrained Viterbi decoding, a compact versioned model file, the shipped
//! models, and the `ner` and `entity_ruler` pipeline components.
//!
//! ```
//! use newsdesk_core::{Component, Doc};
//! use newsdesk_core::tokenize::{SentenceSplitter, Tokenizer};
//! use newsdesk_ner::{NerComponent, NerModel};
//! let model = NerModel::embedded("ontonotes").unwrap();
//! let text = "Christopher Painter spoke in Washington on Monday.";
//! let tokens = Tokenizer::default().tokenize(text);
//! let sents = SentenceSplitter::default().split(text, &tokens);
//! let mut doc = Doc::new(text.to_string(), tokens, sents);
//! NerComponent::new(model).process(&mut doc).unwrap();
//! let found: Vec<(&str, &str)> = doc.ents.iter().map(|e| {
//!     (&text[doc.tokens[e.start as usize].start as usize..doc.tokens[e.end as usize - 1].end as usize], e.label.as_str())
//! }).collect();
//! assert!(found.contains(&("Christopher Painter", "PERSON")), "{found:?}");
//! ```
mod clusters;
mod component;
mod conventions;
mod decode;
mod embedded;
mod error;
mod eval;
mod features;
mod format;
mod gazetteer;
mod model;
mod reader;
mod ruler;
mod spans;
mod table;

mod tags;
mod train;
mod window;

pub use clusters::Clusters;
pub use component::NerComponent;
pub use decode::{Lattice, Transitions};
pub use embedded::EMBEDDED;
pub use error::NerError;
pub use eval::{evaluate, fit_temperature, Counts, Evaluation};
pub use features::{FeatureConfig, TEMPLATES};
pub use format::{Header, FORMAT_VERSION, MAGIC};
pub use gazetteer::Gazetteer;
pub use model::{Annotator, ModelCard, NerModel, Prediction, TypeScore};
pub use reader::{parse, parse_bytes, read_file, spans_from_tags, Document, Format, GoldSentence};
pub use ruler::{EntityRuler, Pattern, PatternBody, TokenPattern};
pub use spans::{parse_span_docs, read_span_docs, score_spans, scored_span, to_gold_documents, CharEntity, SpanDoc};

pub use tags::{Part, Span, TagSet};
pub use train::{file_sha256, train, TrainEvent, TrainOptions, GAZETTEER_FOLDS};
pub use window::{Sink, Windows, MAX_CHUNK, MAX_SENTENCE};
