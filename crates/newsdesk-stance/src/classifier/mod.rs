//! Stance classification: where a text stands on a claim (FNC-1 labels
//! agree / disagree / discuss / unrelated), with calibrated probabilities.
//!
//! ```
//! use newsdesk_stance::StanceModel;
//! let model = StanceModel::embedded("fnc1")?;
//! let text = "Officials confirmed on Monday that the bridge will close for repairs next week. \
//!             The city said traffic will be diverted to the north crossing while engineers replace the deck.";
//! let s = model.predict("Smartphone sales fell sharply in Asia", text);
//! assert_eq!(s.label, "unrelated");
//! assert_eq!(model.predict("The bridge will close for repairs", text).label, "agree");
//! let sum: f32 = s.scores.values().sum();
//! assert!((sum - 1.0).abs() < 1e-4);
//! # Ok::<(), newsdesk_stance::StanceError>(())
//! ```
//!
//! # Model
//! Inputs are the L2-normalized term-frequency vectors of claim and text over
//! the most frequent content words of the training data (5,000 for `fnc1`,
//! 10,000 for `arc`), plus 49 dense
//! features ([`features::DENSE_NAMES`]): TF-IDF cosine of the claim with the
//! whole text, its lead (first 3 sentences) and its best two sentences; the
//! share of claim words, word bigrams and char 4-grams found in the text;
//! refuting / hedging / reporting / supporting / negation cue rates in the
//! text, in the 3 sentences closest to the claim and in the claim; cue words
//! within a few words of a claim word; lengths; and, read from the sentences
//! aligned with the claim, the cue counts of the best-aligned sentence and
//! the similarity-weighted cue rates of all sentences, a question claim, and
//! claim numbers missing from the text; four cosines of claim and text in
//! static word vectors distilled from MiniLM ([`vectors`]: best sentence,
//! mean of the best three, whole text, first sentence; only in models trained
//! with `word_vectors`, the shipped `arc`, else 0); `in_domain` is 1 except for the
//! pairs of a second data set in joint training (`train` with `also`).
//! Cue word lists are data files
//! (`classifier/cues/*.txt`). A single ReLU layer (100
//! units) and a softmax over the four labels follow, trained with
//! class-weighted cross-entropy (so "disagree" is not traded away), dropout
//! and Adam, single-threaded with a fixed seed (deterministic; `init_seed`, by
//! default the split seed). A temperature
//! fitted on a calibration split makes the probabilities calibrated. The
//! first-layer weights are stored as i8 with a per-row scale. The shipped
//! models use fully balanced class weights and threshold
//! calibration: per-label biases moved to maximize macro-F1 on the
//! (claim-disjoint) calibration split.
//!
//! # Data split
//! [`split::GroupSplit`] (claim- and body-disjoint, as new news is): headlines
//! and bodies linked by related pairs form topic groups; whole groups, chosen
//! with SplitMix64 / Fisher–Yates from the seed (default 1), make up the
//! **dev** split (20% of the bodies) and, from the rest, the calibration split
//! (10%); the others fit the network. A pair is on a side only when both its
//! body and its headline are, pairs crossing sides are dropped, so no dev
//! claim and no dev body is ever seen in training. The dev Body IDs and
//! headline keys are listed in the model card, and `newsdesk eval stance`
//! evaluates on them by default when given the training files.
//!
//! # Files and commands
//! Models are versioned binary files ([`format`]) with the model card
//! (data SHA-256s, command, seed, settings, dev scores) in a JSON header.
//! `scripts/train-stance.sh` retrains both shipped models:
//! `newsdesk train stance --bodies B --stances S --out M [--seed --init-seed --epochs --dev-fraction]`,
//! and `newsdesk eval stance --bodies B --stances S [--model fnc1|arc|PATH] [--split dev|all]`
//! scores them (`--predictions FILE` adds each pair's prediction and scores as JSON lines).
pub mod calibrate;
pub mod card;
pub mod component;
pub mod csv;
pub mod data;
pub(crate) mod embedded;
pub mod features;
pub mod format;
pub mod keyset;
pub mod label;
pub mod metrics;
pub mod mlp;
pub mod model;
pub mod split;
pub mod text;
pub mod train;
pub mod vectors;

pub use card::{ModelCard, TrainConfig};
pub use component::StanceComponent;
pub use data::{Dataset, Pair};
pub use label::Label;
pub use metrics::Metrics;
pub use model::{Prediction, StanceModel};
