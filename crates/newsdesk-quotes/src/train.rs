//! Training and cross-validating the speaker ranker on gold articles whose
//! documents have been through the pipeline (tokens, sentences, entities).
use crate::eval::{core_span, name_correct, Counts, GoldDoc};
use crate::{Example, ModelCard, QuoteExtractor, QuotesError, SpeakerModel};
use newsdesk_core::rng::Rng;
use newsdesk_core::Doc;

/// Gradient steps of the fit.
pub const STEPS: usize = 300;
/// Its L2 penalty.
pub const L2: f64 = 3.0;

/// The ranker's examples from `docs` (annotated) against `gold`: each gold
/// quotation the rules found, with its candidates; also the number of those
/// whose right speaker is not among the candidates.
pub fn examples(docs: &[&Doc], gold: &[&GoldDoc]) -> (Vec<Example>, usize) {
    let rules = QuoteExtractor::rules();
    let mut out = Vec::new();
    let mut unreachable = 0;
    for (doc, g) in docs.iter().zip(gold) {
        let chars: Vec<char> = doc.text.chars().collect();
        let found = rules.candidates(doc);
        for gq in &g.quotes {
            let want = core_span(&chars, gq.start, gq.end);
            let Some((_, cands)) = found
                .iter()
                .find(|(q, _)| core_span(&chars, q.start_char as usize, q.end_char as usize) == want)
            else {
                continue;
            };
            let correct: Vec<bool> = cands
                .iter()
                .map(|c| name_correct(gq, c.speaker.as_ref().map(|r| r.name.as_str())))
                .collect();
            unreachable += !correct.contains(&true) as usize;
            out.push(Example {
                features: cands
                    .iter()
                    .map(|c| c.features().map(str::to_string).collect())
                    .collect(),
                correct,
            });
        }
    }
    (out, unreachable)
}

/// Quotation and speaker counts of `extractor` on `docs` against `gold`.
pub fn evaluate(extractor: &QuoteExtractor, docs: &[&Doc], gold: &[&GoldDoc]) -> Counts {
    let mut counts = Counts::default();
    for (doc, g) in docs.iter().zip(gold) {
        counts.add(&g.text, &g.quotes, &extractor.extract(doc));
    }
    counts
}

/// One fold's held-out scores.
#[derive(Clone, Copy, Debug)]
pub struct FoldScore {
    pub articles: usize,
    /// The learned ranker's counts.
    pub counts: Counts,
    /// The rules' counts on the same articles, for comparison.
    pub rules: Counts,
}

/// Article-level `k`-fold cross-validation: articles shuffled by `seed` and
/// dealt into `k` folds; each fold is scored by a model fitted with `steps`
/// and `l2` ([`SpeakerModel::train`]) on the others and on the `always`
/// articles (training only, never scored: those the rules were written from).
pub fn cross_validate(
    docs: &[Doc],
    gold: &[GoldDoc],
    always: (&[Doc], &[GoldDoc]),
    (k, seed): (usize, u64),
    (steps, l2): (usize, f64),
) -> Result<Vec<FoldScore>, QuotesError> {
    if k < 2 || k > docs.len() {
        return Err(QuotesError::Training(format!(
            "{k} folds for {} articles (need 2 ≤ folds ≤ articles)",
            docs.len()
        )));
    }
    let mut order: Vec<usize> = (0..docs.len()).collect();
    Rng::new(seed).shuffle(&mut order);
    let fold_of = |i: usize| order.iter().position(|&j| j == i).unwrap_or(0) % k;
    let mut scores = Vec::with_capacity(k);
    for f in 0..k {
        let split = |held: bool| -> (Vec<&Doc>, Vec<&GoldDoc>) {
            (0..docs.len())
                .filter(|&i| (fold_of(i) == f) == held)
                .map(|i| (&docs[i], &gold[i]))
                .unzip()
        };
        let (mut train_docs, mut train_gold) = split(false);
        train_docs.extend(always.0);
        train_gold.extend(always.1);
        let (test_docs, test_gold) = split(true);
        let (ex, _) = examples(&train_docs, &train_gold);
        let model = SpeakerModel::train(&ex, steps, l2, ModelCard::default());
        let extractor = QuoteExtractor::rules().with_model(model);
        scores.push(FoldScore {
            articles: test_docs.len(),
            counts: evaluate(&extractor, &test_docs, &test_gold),
            rules: evaluate(&QuoteExtractor::rules(), &test_docs, &test_gold),
        });
    }
    Ok(scores)
}
