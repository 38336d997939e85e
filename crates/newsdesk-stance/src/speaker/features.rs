//! The speaker model's features, all read through the body model's public
//! API (so they do not depend on the body model's internal feature layout):
//! the document-level prediction; the body model on all of the speaker's
//! quotes and on all attributing sentences; the strongest reading of each
//! label on any single quote and any single attributing sentence (one quote
//! can deny a claim the rest never mentions); and the number of quotes.
use crate::classifier::features::Analyzed;
use crate::classifier::mlp::OUT;
use crate::classifier::{Label, Prediction, StanceModel};

/// Sources of the body model's label log-probabilities, then of its
/// per-label maximum probabilities over single pieces, in feature order.
const LOG_SOURCES: [&str; 3] = ["doc", "quotes", "context"];
const MAX_SOURCES: [&str; 2] = ["best_quote", "best_context"];

/// Positions of the document-level log-probabilities, label by label (the
/// article prior).
pub const ARTICLE_LOG_P: &[usize] = &[0, 1, 2, 3];

/// Names of the features, in order.
pub fn names() -> Vec<String> {
    let per_label =
        |src: &'static str, kind: &'static str| Label::ALL.iter().map(move |l| format!("{src}_{kind}_{}", l.as_str()));
    let mut out: Vec<String> = LOG_SOURCES.iter().flat_map(|s| per_label(s, "log_p")).collect();
    out.extend(MAX_SOURCES.iter().flat_map(|s| per_label(s, "max_p")));
    out.push("quotes".into());
    out
}

/// Per-label maximum of the body model's probabilities over the pieces
/// (lines) of `text`; zeros for a text without pieces.
fn best_piece(body: &StanceModel, claim: &Analyzed, text: &str) -> [f32; OUT] {
    let mut best = [0f32; OUT];
    for piece in text.lines().filter(|l| !l.trim().is_empty()) {
        let p = body.classify_analyzed(claim, &body.analyze(piece)).probs;
        for (b, v) in best.iter_mut().zip(p) {
            *b = b.max(v);
        }
    }
    best
}

/// The feature row of one (claim, speaker) pair: `quotes` and `context` hold
/// one quote / attributing sentence per line.
pub fn row(
    body: &StanceModel,
    claim: &Analyzed,
    doc: &Prediction,
    quotes: &str,
    context: &str,
    n_quotes: usize,
) -> Vec<f32> {
    let whole = |t: &str| body.classify_analyzed(claim, &body.analyze(t)).probs;
    let mut out = Vec::with_capacity((LOG_SOURCES.len() + MAX_SOURCES.len()) * OUT + 1);
    for p in [doc.probs, whole(quotes), whole(context)] {
        out.extend(p.iter().map(|v| (v + 1e-4).ln()));
    }
    out.extend(best_piece(body, claim, quotes));
    out.extend(best_piece(body, claim, context));
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
        let quotes = "It is false.\nHe did not resign.";
        let r = row(&m, &claim, &doc, quotes, "\"It is false,\" the mayor said.", 2);
        assert_eq!(r.len(), names().len());
        assert!(r.iter().all(|x| x.is_finite()));
        assert_eq!(r[r.len() - 1], 3f32.ln());
        for (&j, l) in ARTICLE_LOG_P.iter().zip(Label::ALL) {
            assert_eq!(names()[j], format!("doc_log_p_{}", l.as_str()));
            assert_eq!(r[j], (doc.probs[l.index()] + 1e-4).ln());
        }
        // The best quote reads each label at least as strongly as every single quote.
        for q in quotes.lines() {
            let p = m.classify_analyzed(&claim, &m.analyze(q)).probs;
            for k in 0..OUT {
                assert!(r[3 * OUT + k] >= p[k]);
            }
        }
        let empty = row(&m, &claim, &doc, "", "", 0);
        assert_eq!(empty[3 * OUT], 0.0, "no quote: zero best-quote probabilities");
    }
}
