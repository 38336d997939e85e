//! Entity-level scoring with conlleval semantics (exact span and type match),
//! and running a model over gold-tokenized documents.
use crate::model::{NerModel, Prediction, TypeScore};
use crate::reader::Document;
use crate::tags::Span;
use crate::window::Windows;
use newsdesk_core::tokenize::{pretokenized, Token};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// Matched / predicted / gold entity counts, overall and per type.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    by_type: BTreeMap<String, [usize; 3]>,
}

impl Counts {
    /// Add one sentence's gold and predicted spans.
    pub fn add(&mut self, gold: &[Span], pred: &[Span]) {
        let g: HashSet<&Span> = gold.iter().collect();
        for p in pred {
            let c = self.by_type.entry(p.label.clone()).or_default();
            c[1] += 1;
            if g.contains(p) {
                c[0] += 1;
            }
        }
        for s in gold {
            self.by_type.entry(s.label.clone()).or_default()[2] += 1;
        }
    }

    pub fn overall(&self) -> TypeScore {
        let mut t = [0usize; 3];
        for c in self.by_type.values() {
            for k in 0..3 {
                t[k] += c[k];
            }
        }
        score(t)
    }

    pub fn per_type(&self) -> BTreeMap<String, TypeScore> {
        self.by_type.iter().map(|(k, &c)| (k.clone(), score(c))).collect()
    }
}

fn score([matched, predicted, gold]: [usize; 3]) -> TypeScore {
    let precision = if predicted == 0 {
        0.0
    } else {
        matched as f64 / predicted as f64
    };
    let recall = if gold == 0 { 0.0 } else { matched as f64 / gold as f64 };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    TypeScore {
        precision,
        recall,
        f1,
        support: gold,
    }
}

/// The result of [`evaluate`] (the JSON printed by `newsdesk eval ner`).
#[derive(Clone, Debug, Serialize)]
pub struct Evaluation {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub per_type: BTreeMap<String, TypeScore>,
    /// Overall scores of consecutive runs of documents (see [`evaluate`]).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub per_group: BTreeMap<String, TypeScore>,
    /// Span-only scores (type ignored), for raw-text evaluation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unlabelled: Option<TypeScore>,
    pub tokens: usize,
    pub seconds: f64,
}

/// Run `model` over the gold tokens of `docs` (via `pretokenized`, no
/// re-tokenization), apply the span conventions of the `ner` component
/// (see [`crate::conventions`]) and score it. Also returns `(margin, correct)` per
/// predicted entity, for fitting the confidence temperature.
///
/// `groups` names consecutive runs of documents (`("nw", 88)`: the next 88
/// documents are newswire), scored separately in `per_group`; documents
/// after the last group are only in the overall scores.
pub fn evaluate(model: &NerModel, docs: &[Document], groups: &[(String, usize)]) -> (Evaluation, Vec<(f32, bool)>) {
    let started = std::time::Instant::now();
    let mut counts = Counts::default();
    let mut group_counts: Vec<Counts> = vec![Counts::default(); groups.len()];
    let group_of: Vec<usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, (_, n))| std::iter::repeat(g).take(*n))
        .collect();
    let mut tokens = 0;
    let mut margins = Vec::new();
    let mut ann = model.annotator();
    for (d, doc) in docs.iter().enumerate() {
        let made: Vec<(String, Vec<Token>)> = doc
            .sentences
            .iter()
            .map(|s| pretokenized(&s.words.iter().map(String::as_str).collect::<Vec<_>>()))
            .collect();
        tokens += made.iter().map(|m| m.1.len()).sum::<usize>();
        // The tagger sees the document as the `ner` component does, in windows.
        let mut found: Vec<Vec<(Span, f32)>> = vec![Vec::new(); made.len()];
        let mut windows = Windows::default();
        let mut sink = |s: usize, positions: &[u32], p: &Prediction| {
            let span = Span {
                start: positions[p.start] as usize,
                end: positions[p.end - 1] as usize + 1,
                label: model.labels()[p.label].clone(),
            };
            found[s].push((span, p.margin));
        };
        for (s, (text, toks)) in made.iter().enumerate() {
            for (i, t) in toks.iter().enumerate() {
                windows.push(s, t.text(text), *t, i as u32, &mut ann, &mut sink);
            }
        }
        windows.finish(&mut ann, &mut sink);
        for ((preds, sent), (text, toks)) in found.into_iter().zip(&doc.sentences).zip(&made) {
            let gold: HashSet<&Span> = sent.spans.iter().collect();
            let preds = crate::conventions::apply_spans(text, toks, preds);
            let (pred, margin): (Vec<Span>, Vec<f32>) = preds.into_iter().unzip();
            margins.extend(margin.into_iter().zip(&pred).map(|(m, s)| (m, gold.contains(s))));
            counts.add(&sent.spans, &pred);
            if let Some(&g) = group_of.get(d) {
                group_counts[g].add(&sent.spans, &pred);
            }
        }
    }
    let o = counts.overall();
    let eval = Evaluation {
        precision: o.precision,
        recall: o.recall,
        f1: o.f1,
        per_type: counts.per_type(),
        per_group: groups
            .iter()
            .zip(&group_counts)
            .map(|((name, _), c)| (name.clone(), c.overall()))
            .collect(),
        unlabelled: None,
        tokens,
        seconds: started.elapsed().as_secs_f64(),
    };
    (eval, margins)
}

/// The temperature (from a fixed grid) that best predicts, by log-loss,
/// whether an entity with a given margin is correct.
pub fn fit_temperature(margins: &[(f32, bool)]) -> f32 {
    let grid = (0..40).map(|i| 0.05 * 1.25f32.powi(i));
    let loss = |t: f32| -> f64 {
        margins
            .iter()
            .map(|&(m, ok)| {
                let p = crate::model::confidence(m, t).clamp(1e-6, 1.0 - 1e-6) as f64;
                -(if ok { p.ln() } else { (1.0 - p).ln() })
            })
            .sum()
    };
    grid.map(|t| (t, loss(t)))
        .fold((1.0, f64::INFINITY), |a, b| if b.1 < a.1 { b } else { a })
        .0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_match_scoring() {
        let s = |a, b, l: &str| Span {
            start: a,
            end: b,
            label: l.to_string(),
        };
        let mut c = Counts::default();
        c.add(
            &[s(0, 2, "PER"), s(3, 4, "ORG")],
            &[s(0, 2, "PER"), s(3, 5, "ORG"), s(6, 7, "LOC")],
        );
        let o = c.overall();
        assert!((o.precision - 1.0 / 3.0).abs() < 1e-9 && (o.recall - 0.5).abs() < 1e-9);
        let t = c.per_type();
        assert_eq!(t["PER"].f1, 1.0);
        assert_eq!(t["ORG"].f1, 0.0);
        assert_eq!(t["LOC"].support, 0);
    }

    #[test]
    #[cfg(feature = "embedded-models")]
    fn groups_score_their_own_documents() {
        let text = "-DOCSTART-\t-X-\tO\n\nJohn\tNNP\tB-PERSON\nran\tVBD\tO\n\n\
                    -DOCSTART-\t-X-\tO\n\nParis\tNNP\tB-GPE\n\n\
                    -DOCSTART-\t-X-\tO\n\nMary\tNNP\tB-PERSON\nSmith\tNNP\tI-PERSON\nand\tCC\tO\nRome\tNNP\tB-GPE\n\n";
        let docs = crate::reader::parse(text, crate::reader::Format::OntoNotes, "t").unwrap();
        assert_eq!(docs.len(), 3);
        let model = NerModel::embedded("ontonotes").unwrap();
        let (eval, _) = evaluate(&model, &docs, &[("a".into(), 1), ("b".into(), 2)]);
        assert_eq!(eval.per_group["a"].support, 1);
        assert_eq!(eval.per_group["b"].support, 3);
        assert_eq!(eval.per_type.values().map(|t| t.support).sum::<usize>(), 4);
        assert!(evaluate(&model, &docs, &[]).0.per_group.is_empty());
    }

    #[test]
    fn temperature_grows_with_margin_spread() {
        let data: Vec<(f32, bool)> = (0..100).map(|i| (i as f32 * 0.1, i > 30)).collect();
        let t = fit_temperature(&data);
        assert!(t > 0.05 && t < 100.0, "{t}");
    }
}
