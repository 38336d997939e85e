//! FNC-1 scoring and per-class precision/recall/F1.
use super::label::Label;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Precision, recall, F1 and gold count of one label.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassScores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: usize,
}

/// The evaluation of predictions against gold labels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Official FNC-1 score: +0.25 for a right related/unrelated decision,
    /// +0.75 more for the exact label of a related pair.
    pub fnc_score: f64,
    pub fnc_max: f64,
    pub fnc_score_relative: f64,
    pub accuracy: f64,
    pub f1_macro: f64,
    pub per_class: BTreeMap<String, ClassScores>,
    /// `confusion[gold][predicted]` = number of pairs.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
}

impl Metrics {
    pub fn compute(gold: &[Label], pred: &[Label]) -> Metrics {
        let pred: Vec<Option<Label>> = pred.iter().copied().map(Some).collect();
        Metrics::compute_missing(gold, &pred)
    }

    /// Like [`Metrics::compute`], where `None` is no prediction (wrong for
    /// every label, in no label's predicted count).
    pub fn compute_missing(gold: &[Label], pred: &[Option<Label>]) -> Metrics {
        let mut m = [[0usize; 5]; 4];
        let (mut score, mut max) = (0.0, 0.0);
        for (&g, &p) in gold.iter().zip(pred) {
            max += if g.is_related() { 1.0 } else { 0.25 };
            let Some(p) = p else {
                m[g.index()][4] += 1;
                continue;
            };
            m[g.index()][p.index()] += 1;
            if g.is_related() == p.is_related() {
                score += 0.25;
                if g.is_related() && g == p {
                    score += 0.75;
                }
            }
        }
        let mut per_class = BTreeMap::new();
        let mut confusion = BTreeMap::new();
        for g in Label::ALL {
            let tp = m[g.index()][g.index()] as f64;
            let support: usize = m[g.index()].iter().sum();
            let predicted: usize = (0..4).map(|r| m[r][g.index()]).sum();
            let precision = if predicted > 0 { tp / predicted as f64 } else { 0.0 };
            let recall = if support > 0 { tp / support as f64 } else { 0.0 };
            let f1 = if precision + recall > 0.0 {
                2.0 * precision * recall / (precision + recall)
            } else {
                0.0
            };
            per_class.insert(
                g.to_string(),
                ClassScores {
                    precision,
                    recall,
                    f1,
                    support,
                },
            );
            let row = Label::ALL
                .iter()
                .map(|p| (p.to_string(), m[g.index()][p.index()]))
                .collect();
            confusion.insert(g.to_string(), row);
        }
        let f1_macro = per_class.values().map(|c| c.f1).sum::<f64>() / 4.0;
        let correct: usize = (0..4).map(|i| m[i][i]).sum();
        Metrics {
            fnc_score: score,
            fnc_max: max,
            fnc_score_relative: if max > 0.0 { score / max } else { 0.0 },
            accuracy: correct as f64 / gold.len().max(1) as f64,
            f1_macro,
            per_class,
            confusion,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Label::*;

    #[test]
    fn fnc_weighting_and_f1() {
        let gold = [Agree, Disagree, Discuss, Unrelated, Unrelated];
        let pred = [Agree, Discuss, Unrelated, Unrelated, Agree];
        let m = Metrics::compute(&gold, &pred);
        // agree right 1.0, disagree→discuss 0.25, discuss→unrelated 0, unrelated right 0.25, wrong 0.
        assert!((m.fnc_score - 1.5).abs() < 1e-12);
        assert!((m.fnc_max - 3.5).abs() < 1e-12);
        assert_eq!(m.confusion["disagree"]["discuss"], 1);
        assert_eq!(m.per_class["agree"].precision, 0.5);
        assert_eq!(m.per_class["agree"].recall, 1.0);
        assert_eq!(m.per_class["disagree"].f1, 0.0);
        assert_eq!(m.per_class["unrelated"].support, 2);
        let all_right = Metrics::compute(&gold, &gold);
        assert_eq!((all_right.f1_macro, all_right.fnc_score_relative), (1.0, 1.0));
    }
}
