//! Stance classification: where a text stands on a claim (FNC-1 labels
//! agree / disagree / discuss / unrelated), with calibrated probabilities.
//!
//! ```
//! use newsdesk_stance::StanceModel;
//! let model = StanceModel::embedded("fnc1")?;
//! let text = "Officials confirmed on Monday that the bridge will close for repairs next week.";
//! let s = model.predict("Smartphone sales fell sharply in Asia", text);
//! assert_eq!(s.label, "unrelated");
//! let sum: f32 = s.scores.values().sum();
//! assert!((sum - 1.0).abs() < 1e-4);
//! # Ok::<(), newsdesk_stance::StanceError>(())
//! ```
//!
//! # Model
//! Inputs are the L2-normalized term-frequency vectors of claim and text over
//! the most frequent content words of the training data (5,000 for `fnc1`,
//! 10,000 for `arc`), plus 31 dense
//! features ([`features::DENSE_NAMES`]): TF-IDF cosine of the claim with the
//! whole text, its lead (first 3 sentences) and its best two sentences; the
//! share of claim words, word bigrams and char 4-grams found in the text;
//! refuting / hedging / reporting / supporting / negation cue rates in the
//! text, in the 3 sentences closest to the claim and in the claim; cue words
//! within a few words of a claim word; lengths. A single ReLU layer (100
//! units) and a softmax over the four labels follow, trained with
//! class-weighted cross-entropy (so "disagree" is not traded away), dropout
//! and Adam, single-threaded with a fixed seed (deterministic). A temperature
//! fitted on a calibration split makes the probabilities calibrated. The
//! first-layer weights are stored as i8 with a per-row scale.
//!
//! # Data split
//! [`train::split_bodies`]: the distinct Body IDs of the training pairs are
//! sorted and shuffled with SplitMix64 / Fisher–Yates from the seed (default
//! 1); the first 20% are the **dev** split, of the rest 10% (seed + 0x5EED)
//! fit the calibration and the others fit the network. No body is on two
//! sides (headlines do recur, as in the FNC-1 baseline's own hold-out split).
//! The dev Body IDs are listed in the model card, and `newsdesk eval stance`
//! evaluates on them by default when given the training files.
//!
//! # Files and commands
//! Models are versioned binary files ([`format`]) with the model card
//! (data SHA-256s, command, seed, settings, dev scores) in a JSON header.
//! `scripts/train-stance.sh` retrains both shipped models:
//! `newsdesk train stance --bodies B --stances S --out M [--seed --epochs --dev-fraction]`,
//! and `newsdesk eval stance --bodies B --stances S [--model fnc1|arc|PATH] [--split dev|all]`
//! scores them.
pub mod calibrate;
pub mod card;
pub mod component;
pub mod csv;
pub mod data;
mod embedded;
pub mod features;
pub mod format;
pub mod label;
pub mod metrics;
pub mod mlp;
pub mod model;
pub mod split;
pub mod text;
pub mod train;

pub use card::{ModelCard, TrainConfig};
pub use component::StanceComponent;
pub use data::{Dataset, Pair};
pub use label::Label;
pub use metrics::Metrics;
pub use model::{Prediction, StanceModel};
