//! Training and evaluation (feature `train`): the component crates' trainers,
//! data readers and metrics, re-exported so that tools such as the `newsdesk`
//! command line need only this crate.

/// Entity recognizer: CoNLL-style readers, training with model cards, and
/// conlleval-style scoring.
pub mod ner {
    pub use newsdesk_ner::{
        evaluate, file_sha256, read_file, read_span_docs, score_spans, to_gold_documents, train, CharEntity, Clusters,
        Document, Evaluation, FeatureConfig, Format, Gazetteer, GoldSentence, ModelCard, NerModel, TrainEvent,
        TrainOptions, GAZETTEER_FOLDS,
    };
}

/// Stance classifier: FNC-1 style CSV data, training, metrics and calibration.
pub mod stance {
    pub use newsdesk_stance::classifier::calibrate::{ece, log_loss};
    pub use newsdesk_stance::classifier::card::DataFile;
    pub use newsdesk_stance::classifier::train::{train, Progress};
    pub use newsdesk_stance::classifier::{Dataset, Label, Metrics, Pair, Prediction, StanceModel, TrainConfig};
    /// Per-speaker stance: data, features, cross-validated training.
    pub use newsdesk_stance::speaker;
}

/// Quotations: gold quote files, span/speaker scoring, and the speaker ranker's
/// training with cross-validation by article.
pub mod quotes {
    pub use newsdesk_quotes::eval::{read_gold, Counts, GoldDoc, SCORE_BANDS, SPEAKER_ERRORS};
    pub use newsdesk_quotes::train::{
        calibration, cross_validate, evaluate, examples, scored_candidates, training_examples, Calibration, FoldScore,
        ScoredQuote, L2, MARGIN, STEPS,
    };
    pub use newsdesk_quotes::{Fit, ModelCard, QuoteExtractor, SpeakerModel};
}

/// SHA-256 of training files, for model cards.
pub use newsdesk_core::checksum;

/// Tokenizer and sentence splitter: CoNLL-U reader and CoNLL 2018 scores.
pub mod tokenize {
    pub use newsdesk_tokenize::conllu::read_conllu;
    pub use newsdesk_tokenize::eval::{evaluate, Mismatch};
}
