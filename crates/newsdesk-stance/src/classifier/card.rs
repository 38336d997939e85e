//! The model card stored in every model file: data, split, settings, scores.
use super::calibrate::Calibration;
use super::metrics::Metrics;
use serde::{Deserialize, Serialize};

/// Training settings (all recorded in the model card).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    /// Seed of the split; also of the network's initialization, shuffles and
    /// dropout unless `init_seed` is given.
    pub seed: u64,
    /// Seed of the initialization, shuffles and dropout (default: `seed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub init_seed: Option<u64>,
    pub epochs: usize,
    /// Share of bodies held out (as whole topic groups) as the development split.
    pub dev_fraction: f64,
    /// Share of the remaining bodies held out (whole groups) to fit the calibration.
    pub calibration_fraction: f64,
    pub hidden: usize,
    pub learning_rate: f32,
    pub l2: f32,
    pub dropout: f32,
    pub batch: usize,
    /// Class weight = (N / (4 · n_class))^power, normalized to mean 1 per pair.
    pub class_weight_power: f32,
    /// Largest vocabulary (IDF table), words with document frequency ≥ `min_df`.
    pub vocab_size: usize,
    /// Most frequent words used as claim/text TF inputs of the network.
    pub input_vocab: usize,
    pub min_df: u32,
    /// Fit per-label biases besides the temperature.
    pub calibrate_bias: bool,
    /// Then move the biases to maximize macro-F1 on the calibration split
    /// (threshold calibration).
    #[serde(default)]
    pub f1_bias: bool,
    /// Read the four word-vector cosines (`models/minilm.vectors`); without
    /// them those inputs are 0 and the vectors are not computed.
    #[serde(default)]
    pub word_vectors: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            seed: 1,
            init_seed: None,
            epochs: 40,
            dev_fraction: 0.2,
            calibration_fraction: 0.1,
            hidden: 100,
            learning_rate: 0.002,
            l2: 1e-6,
            dropout: 0.6,
            batch: 64,
            class_weight_power: 0.5,
            vocab_size: 30_000,
            input_vocab: 5_000,
            min_df: 2,
            calibrate_bias: false,
            f1_bias: false,
            word_vectors: false,
        }
    }
}

/// One input file of the training run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataFile {
    /// `bodies` or `stances`.
    pub role: String,
    pub path: String,
    pub sha256: String,
    pub records: usize,
}

/// How train was divided: claim- and body-disjoint topic groups (see [`super::split`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SplitCard {
    pub method: String,
    pub dev_body_ids: Vec<u32>,
    pub calibration_body_ids: Vec<u32>,
    /// [`super::split::headline_key`]s of the dev headlines (empty in cards of
    /// models split by Body ID only).
    #[serde(default)]
    pub dev_headline_keys: Vec<u64>,
    /// Pairs whose body and headline are on different sides, used nowhere.
    #[serde(default)]
    pub dropped_pairs: usize,
    pub fit_pairs: usize,
    pub calibration_pairs: usize,
    pub dev_pairs: usize,
}

impl SplitCard {
    /// The pair is in the dev split: its body is a dev body and (for cards
    /// with headline keys) its headline a dev headline.
    pub fn is_dev(&self, pair: &super::data::Pair) -> bool {
        self.dev_body_ids.binary_search(&pair.body_id).is_ok()
            && (self.dev_headline_keys.is_empty()
                || self
                    .dev_headline_keys
                    .binary_search(&super::split::headline_key(&pair.headline))
                    .is_ok())
    }
}

/// Calibration fitted on the calibration split, with its effect there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalibrationCard {
    #[serde(flatten)]
    pub calibration: Calibration,
    pub log_loss_before: f64,
    pub log_loss_after: f64,
    pub ece_before: f64,
    pub ece_after: f64,
}

/// Scores of the shipped (quantized, calibrated) model on the dev split.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DevScores {
    #[serde(flatten)]
    pub metrics: Metrics,
    pub log_loss: f64,
    pub ece: f64,
}

/// Everything needed to know what a model is and how it was made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelCard {
    pub name: String,
    pub description: String,
    /// The command line that trained it.
    pub command: String,
    pub data: Vec<DataFile>,
    pub split: SplitCard,
    pub config: TrainConfig,
    pub calibration: CalibrationCard,
    pub dev: DevScores,
    pub train_seconds: f64,
    /// SHA-256 of the word vectors file the features read
    /// (`models/minilm.vectors`), empty for a model without them; a model is
    /// refused by a build with other vectors.
    #[serde(default)]
    pub vectors_sha256: String,
}
