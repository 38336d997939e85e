//! The speaker model's features: the document-level prediction, the body
//! model read on the speaker's quotes and on the attributing sentences, and
//! claim overlap and cue features of those texts.
use crate::classifier::features::{self, Analyzed};
use crate::classifier::{Prediction, StanceModel};

/// Dense features of claim vs. quotes that the speaker model uses
/// (indexes into [`features::DENSE_NAMES`]).
const QUOTE_DENSE: [usize; 14] = [0, 4, 7, 9, 10, 11, 12, 13, 24, 25, 26, 28, 31, 42];
/// Dense features of claim vs. attributing sentences.
const CONTEXT_DENSE: [usize; 8] = [0, 4, 9, 10, 11, 13, 24, 25];

/// Names of the features, in order.
pub fn names() -> Vec<String> {
    let labels = ["agree", "disagree", "discuss", "unrelated"];
    let mut out = Vec::new();
    for src in ["doc", "quotes", "context"] {
        out.extend(labels.iter().map(|l| format!("{src}_log_p_{l}")));
    }
    out.extend(
        QUOTE_DENSE
            .iter()
            .map(|&j| format!("quotes_{}", features::DENSE_NAMES[j])),
    );
    out.extend(
        CONTEXT_DENSE
            .iter()
            .map(|&j| format!("context_{}", features::DENSE_NAMES[j])),
    );
    out.push("quotes".into());
    out
}

/// The feature row of one (claim, speaker) pair.
pub fn row(
    body: &StanceModel,
    claim: &Analyzed,
    doc: &Prediction,
    quotes: &str,
    context: &str,
    n_quotes: usize,
) -> Vec<f32> {
    let q = body.analyze(quotes);
    let c = body.analyze(context);
    let mut out = Vec::with_capacity(39);
    for p in [
        doc.probs,
        body.classify_analyzed(claim, &q).probs,
        body.classify_analyzed(claim, &c).probs,
    ] {
        out.extend(p.iter().map(|v| (v + 1e-4).ln()));
    }
    let dq = features::dense(claim, &q);
    out.extend(QUOTE_DENSE.iter().map(|&j| dq[j]));
    let dc = features::dense(claim, &c);
    out.extend(CONTEXT_DENSE.iter().map(|&j| dc[j]));
    out.push((n_quotes as f32).ln_1p());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_matches_names() {
        let Ok(m) = StanceModel::embedded("fnc1") else { return };
        let claim = m.analyze("The mayor resigned");
        let doc = m.classify_analyzed(&claim, &m.analyze("The mayor resigned on Monday."));
        let r = row(&m, &claim, &doc, "It is false.", "\"It is false,\" the mayor said.", 1);
        assert_eq!(r.len(), names().len());
        assert!(r.iter().all(|x| x.is_finite()));
    }
}
