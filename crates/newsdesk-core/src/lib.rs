//! The newsdesk document model shared by every stage.
//!
//! A [`Doc`] owns the text and its layers (tokens, sentences, entities,
//! quotes, stances), all located by offsets into the text. Stages implement
//! [`Component`] and are run in order by the pipeline in the `newsdesk` crate.
//! Shared building blocks: [`wordlist`] (the line format of embedded word
//! lists, defined in `newsdesk-tokenize` so that the tokenizer's lists use it too), [`rng`] (seeded shuffles), [`hash`] (the stable hashes of model files)
//! [`checksum`] (SHA-256 for model cards), [`calibration`] (expected calibration error), [`bytes`] (the little-endian reader
//! of model files, naming the part a short file cuts) and [`container`]
//! (named sections of a model file behind a magic, a version and a SHA-256).
//!
//! ```
//! use newsdesk_core::Doc;
//! use newsdesk_tokenize::{Tokenizer, SentenceSplitter};
//! let text = "Painter said so. He left.";
//! let tokens = Tokenizer::default().tokenize(text);
//! let sents = SentenceSplitter::default().split(text, &tokens);
//! let doc = Doc::new(text.to_string(), tokens, sents);
//! let json = doc.to_json();
//! assert_eq!(Doc::from_json(&json).unwrap(), doc);
//! ```
pub mod bytes;
pub mod calibration;
pub mod checksum;
mod component;
pub mod container;
mod doc;
mod error;
pub mod hash;
pub mod jsonl;
mod layers;
pub mod mutate;
pub mod panic;
pub mod rng;

pub use component::Component;
pub use doc::{Doc, SCHEMA};
pub use error::CoreError;
pub use layers::*;
pub use newsdesk_tokenize as tokenize;
pub use newsdesk_tokenize::wordlist;
