//! Quotes, speakers and stance for newsdesk (work in progress).
//!
//! Stance: [`classifier`] ([`StanceModel`], [`StanceComponent`]).
pub mod classifier;
mod error;
pub mod quotes;

pub use classifier::{Label, Prediction, StanceComponent, StanceModel};
pub use error::StanceError;
pub use quotes::QuoteExtractor;
