//! Training and evaluation (feature `train`): the component crates' trainers,
//! data readers and metrics, re-exported so that tools such as the `newsdesk`
//! command line need only this crate.

/// Entity recognizer: CoNLL-style readers, training with model cards, and
/// conlleval-style scoring.
pub mod ner {
    pub use newsdesk_ner::{
        evaluate, file_sha256, read_file, train, Clusters, Evaluation, FeatureConfig, Format, Gazetteer, ModelCard,
        NerModel, TrainEvent, TrainOptions,
    };
}

/// Stance classifier: FNC-1 style CSV data, training, metrics and calibration.
pub mod stance {
    pub use newsdesk_stance::classifier::calibrate::{ece, log_loss};
    pub use newsdesk_stance::classifier::card::DataFile;
    pub use newsdesk_stance::classifier::train::{train, Progress};
    pub use newsdesk_stance::classifier::{Dataset, Metrics, StanceModel, TrainConfig};
}

/// Quotations: gold quote files and span/speaker scoring.
pub mod quotes {
    pub use newsdesk_stance::quotes::eval::{read_gold, Counts};
}

/// Tokenizer and sentence splitter: CoNLL-U reader and CoNLL 2018 scores.
pub mod tokenize {
    pub use newsdesk_tokenize::conllu::read_conllu;
    pub use newsdesk_tokenize::eval::{evaluate, Mismatch};
}
