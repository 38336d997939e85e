//! newsdesk: fast, accurate analysis of English news text.
//!
//! This facade is the crate Rust users depend on: a [`Pipeline`] that runs a
//! tokenizer, a sentence splitter and annotation components over documents,
//! one at a time or in parallel batches, producing [`Doc`]s, with stances
//! towards claims ([`Pipeline::process_with_claims`]); [`render_html`] draws a
//! document. With the `train` feature, `newsdesk::train` re-exports the trainers,
//! data readers and metrics of the component crates.
//!
//! ```
//! use newsdesk::prelude::*;
//! let nlp = Pipeline::blank();
//! let doc = nlp.process("The EU met on Monday. Talks went well.");
//! assert_eq!(doc.sents.len(), 2);
//! let docs = nlp.process_batch(&["One.", "Two."]);
//! assert_eq!(docs[1].text, "Two.");
//! ```
mod bytes;
mod error;
mod html;
mod load;
mod offsets;
mod pipeline;
mod spec;
#[cfg(feature = "train")]
pub mod train;

pub use error::Error;
pub use html::{escape_html, render_html};
pub use load::{load, load_stance};
pub use newsdesk_core::{tokenize, CoreError};
pub use newsdesk_core::{
    CharSpan, ClaimStance, Component, Doc, Entity, EntitySource, Quote, Speaker, SpeakerStance, StanceScores, SCHEMA,
};
pub use newsdesk_ner::{EntityRuler, NerError, NerModel, Pattern};
pub use newsdesk_quotes::{QuoteExtractor, QuotesError};
pub use newsdesk_stance::{StanceError, StanceModel};
/// Documents as flat Arrow tables (and Parquet files with the `parquet` feature).
#[cfg(feature = "arrow")]
pub use newsdesk_table as table;
pub use newsdesk_tokenize::{lower, norm, prefix, shape, suffix};
pub use newsdesk_tokenize::{Sentence, SentenceSplitter, Token, TokenKind, Tokenizer};
pub use offsets::Offsets;
pub use pipeline::{check_claims, Pipeline, NUM_THREADS_ENV};
pub use spec::{ModelSource, Spec};

/// The types most programs need.
pub mod prelude {
    pub use crate::{load, Doc, Entity, Error, Pipeline, Quote, Token};
}
