//! Stance for newsdesk (quotes and their speakers come from `newsdesk-quotes`).
//!
//! - [`classifier`]: [`StanceModel`] labels a text agree / disagree / discuss /
//!   unrelated towards a claim with calibrated probabilities;
//!   [`StanceComponent`] (component `"stance"`) does it for a document and for
//!   each quoted speaker. The shipped models `fnc1` and `arc` are embedded by
//!   the default feature `embedded-models`.
//!
//! ```
//! use newsdesk_core::{Component, Doc};
//! use newsdesk_core::tokenize::{SentenceSplitter, Tokenizer};
//! use newsdesk_quotes::QuoteExtractor;
//! use newsdesk_stance::StanceModel;
//! let text = "\"We will sign the agreement next week,\" said Maria Lopez, the trade minister.";
//! let tokens = Tokenizer::default().tokenize(text);
//! let sents = SentenceSplitter::default().split(text, &tokens);
//! let mut doc = Doc::new(text.to_string(), tokens, sents);
//! QuoteExtractor::default().process(&mut doc).unwrap();
//! assert_eq!(doc.quotes[0].speaker.as_ref().unwrap().name, "Maria Lopez");
//!
//! let model = StanceModel::embedded("fnc1").unwrap();
//! let scores = model.predict("Apple unveils a new phone", text);
//! assert_eq!(scores.label, "unrelated");
//! ```
pub mod classifier;
mod error;
pub mod speaker;

pub use classifier::{Label, Prediction, StanceComponent, StanceModel};
pub use error::StanceError;
