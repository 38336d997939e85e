//! Tokenization and sentence-splitting scores against CoNLL-U gold data,
//! with the CoNLL 2018 shared-task definition: a unit is correct when its
//! character span equals a gold span.
use crate::conllu::{GoldDoc, Span};
use crate::{SentenceSplitter, Token, TokenKind, Tokenizer};
use serde::Serialize;
use std::collections::HashSet;

/// Precision, recall and F1 of one unit type, with the counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub gold: usize,
    pub system: usize,
    pub correct: usize,
}

impl Score {
    fn from_counts(gold: usize, system: usize, correct: usize) -> Score {
        let precision = if system > 0 {
            correct as f64 / system as f64
        } else {
            0.0
        };
        let recall = if gold > 0 { correct as f64 / gold as f64 } else { 0.0 };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Score {
            precision,
            recall,
            f1,
            gold,
            system,
            correct,
        }
    }
}

/// Scores over a set of documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TokenizeScores {
    pub tokens_f1: f64,
    pub words_f1: f64,
    pub sentences_f1: f64,
    pub tokens: Score,
    pub words: Score,
    pub sentences: Score,
    pub documents: usize,
    pub chars: usize,
}

/// A unit the system got wrong: `missed` (gold, not found) or `extra`
/// (system, not in gold), with its text and some context.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mismatch {
    pub unit: &'static str,
    pub kind: &'static str,
    pub doc: usize,
    pub text: String,
    pub context: String,
}

/// Counts for one unit type, summed over documents.
#[derive(Default)]
struct Counts {
    gold: usize,
    system: usize,
    correct: usize,
}

impl Counts {
    fn add(
        &mut self,
        gold: &[Span],
        system: &[Span],
        unit: &'static str,
        doc: usize,
        text: &[char],
        out: Option<&mut Vec<Mismatch>>,
    ) {
        let g: HashSet<Span> = gold.iter().copied().collect();
        let s: HashSet<Span> = system.iter().copied().collect();
        self.gold += g.len();
        self.system += s.len();
        self.correct += g.intersection(&s).count();
        if let Some(out) = out {
            let mut bad: Vec<(Span, &'static str)> = gold
                .iter()
                .filter(|x| !s.contains(x))
                .map(|&x| (x, "missed"))
                .chain(system.iter().filter(|x| !g.contains(x)).map(|&x| (x, "extra")))
                .collect();
            bad.sort();
            for ((a, b), kind) in bad {
                let (a, b) = (a as usize, b as usize);
                let ctx_a = a.saturating_sub(30);
                let ctx_b = (b + 30).min(text.len());
                let context: String = text[ctx_a..ctx_b].iter().collect::<String>().replace('\n', "⏎");
                out.push(Mismatch {
                    unit,
                    kind,
                    doc,
                    text: text[a..b].iter().collect(),
                    context,
                });
            }
        }
    }

    fn score(&self) -> Score {
        Score::from_counts(self.gold, self.system, self.correct)
    }
}

/// Tokenize and split every gold document's text and score the result.
/// Mismatches are collected when `mismatches` is given.
pub fn evaluate(
    docs: &[GoldDoc],
    tokenizer: &Tokenizer,
    splitter: &SentenceSplitter,
    mut mismatches: Option<&mut Vec<Mismatch>>,
) -> TokenizeScores {
    let (mut tok, mut word, mut sent) = (Counts::default(), Counts::default(), Counts::default());
    let mut chars = 0;
    for (d, doc) in docs.iter().enumerate() {
        let tokens = tokenizer.tokenize(&doc.text);
        let sents = splitter.split(&doc.text, &tokens);
        let spans = system_token_spans(&tokens);
        let sent_spans = system_sentence_spans(&tokens, &sents);
        let text: Vec<char> = doc.text.chars().collect();
        chars += text.len();
        tok.add(&doc.tokens, &spans, "token", d, &text, mismatches.as_deref_mut());
        word.add(&doc.words, &spans, "word", d, &text, mismatches.as_deref_mut());
        sent.add(
            &doc.sentences,
            &sent_spans,
            "sentence",
            d,
            &text,
            mismatches.as_deref_mut(),
        );
    }
    let (tokens, words, sentences) = (tok.score(), word.score(), sent.score());
    TokenizeScores {
        tokens_f1: tokens.f1,
        words_f1: words.f1,
        sentences_f1: sentences.f1,
        tokens,
        words,
        sentences,
        documents: docs.len(),
        chars,
    }
}

/// Char spans of all tokens but leading space.
fn system_token_spans(tokens: &[Token]) -> Vec<Span> {
    tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Space)
        .map(|t| (t.char_start, t.char_end))
        .collect()
}

/// Char span of each sentence: first to last non-space token.
fn system_sentence_spans(tokens: &[Token], sents: &[crate::Sentence]) -> Vec<Span> {
    sents
        .iter()
        .filter_map(|s| {
            let toks = &tokens[s.start as usize..s.end as usize];
            let first = toks.iter().find(|t| t.kind != TokenKind::Space)?;
            let last = toks.iter().rev().find(|t| t.kind != TokenKind::Space)?;
            Some((first.char_start, last.char_end))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::parse_conllu;

    #[test]
    fn perfect_and_imperfect_scores() {
        let src = "# text = I don't know.\n1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n4\tknow\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\
5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
        let docs = parse_conllu(src, "t").unwrap();
        let mut bad = Vec::new();
        let s = evaluate(
            &docs,
            &Tokenizer::default(),
            &SentenceSplitter::default(),
            Some(&mut bad),
        );
        // our tokens are do + n't: all 5 words right, 3 of 4 surface tokens
        assert_eq!(s.words.correct, 5);
        assert_eq!(s.words_f1, 1.0);
        assert_eq!((s.tokens.gold, s.tokens.system, s.tokens.correct), (4, 5, 3));
        assert_eq!(s.sentences_f1, 1.0);
        assert!(bad
            .iter()
            .any(|m| m.unit == "token" && m.kind == "missed" && m.text == "don't"));
    }
}
