//! Quotes, speakers and stance for newsdesk (work in progress).
//!
//! Stance: [`classifier`] ([`StanceModel`], [`StanceComponent`]).
pub mod classifier;
mod error;

pub use classifier::{Label, Prediction, StanceComponent, StanceModel};
pub use error::StanceError;
