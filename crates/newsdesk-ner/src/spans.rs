//! Entities as character spans on raw text (the `spans` format: one JSON
//! object per line, `{"id", "text", "entities": [{"start", "end", "label"}]}`,
//! offsets in Unicode code points, i.e. Python `str` indexes).
//!
//! Used two ways: to score a whole pipeline on raw text ([`score_spans`]), and
//! to train on raw-text annotations by mapping them onto the tokenizer's tokens
//! ([`to_gold_documents`]).
use crate::eval::{Counts, Evaluation};
use crate::reader::{Document, GoldSentence};
use crate::tags::Span;
use crate::NerError;
use newsdesk_core::tokenize::{SentenceSplitter, Token, Tokenizer};
use serde::Deserialize;
use std::path::Path;

/// An entity as code-point offsets `start..end` into a text.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct CharEntity {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

impl CharEntity {
    /// The entities of an annotated document, as character spans.
    pub fn of_doc(doc: &newsdesk_core::Doc) -> Vec<CharEntity> {
        doc.ents
            .iter()
            .map(|e| CharEntity {
                start: e.start_char as usize,
                end: e.end_char as usize,
                label: e.label.clone(),
            })
            .collect()
    }
}

/// A raw-text document with its entities.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SpanDoc {
    pub id: String,
    pub text: String,
    pub entities: Vec<CharEntity>,
}

/// Read a `spans` JSONL file; offsets are checked against each text.
pub fn read_span_docs(path: &Path) -> Result<Vec<SpanDoc>, NerError> {
    let text = std::fs::read_to_string(path).map_err(|e| NerError::io(path, e))?;
    parse_span_docs(&text, &path.display().to_string())
}

/// Parse `spans` JSONL; `origin` names the source in error messages.
pub fn parse_span_docs(jsonl: &str, origin: &str) -> Result<Vec<SpanDoc>, NerError> {
    newsdesk_core::jsonl::parse(jsonl, |doc: &SpanDoc| {
        let n = doc.text.chars().count();
        match doc
            .entities
            .iter()
            .enumerate()
            .find(|(_, e)| e.start >= e.end || e.end > n)
        {
            Some((k, e)) => Err(format!(
                "record {:?}, entity {k}: offsets {}..{} outside the text ({n} characters)",
                doc.id, e.start, e.end
            )),
            None => Ok(()),
        }
    })
    .map_err(|e| NerError::Data {
        path: origin.to_string(),
        line: e.line,
        message: e.message,
    })
}

/// The span scored for an entity: a leading "the " and a trailing possessive
/// "'s" are not counted (OntoNotes itself is inconsistent about both).
pub fn scored_span(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let (mut s, mut e) = (start, end);
    let is = |at: usize, word: &str| word.chars().enumerate().all(|(k, c)| chars.get(at + k) == Some(&c));
    if e - s > 4 && (is(s, "the ") || is(s, "The ")) {
        s += 4;
    }
    if e - s > 2 && (is(e - 2, "'s") || is(e - 2, "\u{2019}s")) {
        e -= 2;
    }
    (s, e)
}

/// Score predicted char-span entities against the gold of `docs`
/// (`predicted[i]` belongs to `docs[i]`): labelled scores in the usual
/// [`Evaluation`] shape plus the unlabelled-span score.
pub fn score_spans(docs: &[SpanDoc], predicted: &[Vec<CharEntity>], seconds: f64) -> Evaluation {
    let mut labelled = Counts::default();
    let mut unlabelled = Counts::default();
    let mut tokens = 0;
    for (doc, pred) in docs.iter().zip(predicted) {
        let chars: Vec<char> = doc.text.chars().collect();
        tokens += doc.text.split_whitespace().count();
        let spans = |ents: &[CharEntity], label: Option<&str>| -> Vec<Span> {
            ents.iter()
                .map(|e| {
                    let (start, end) = scored_span(&chars, e.start, e.end);
                    Span {
                        start,
                        end,
                        label: label.unwrap_or(&e.label).to_string(),
                    }
                })
                .collect()
        };
        labelled.add(&spans(&doc.entities, None), &spans(pred, None));
        unlabelled.add(&spans(&doc.entities, Some("ENTITY")), &spans(pred, Some("ENTITY")));
    }
    let o = labelled.overall();
    Evaluation {
        precision: o.precision,
        recall: o.recall,
        f1: o.f1,
        per_type: labelled.per_type(),
        per_group: Default::default(),
        unlabelled: Some(unlabelled.overall()),
        tokens,
        seconds,
    }
}

/// Map raw-text annotations onto the default tokenizer's tokens and
/// sentences, for training. A sentence is kept only when every entity that
/// touches it starts and ends on its token boundaries; returns the documents
/// and the number of sentences dropped for misaligned entities.
pub fn to_gold_documents(docs: &[SpanDoc]) -> (Vec<Document>, usize) {
    let tokenizer = Tokenizer::default();
    let splitter = SentenceSplitter::default();
    let mut dropped = 0;
    let out = docs
        .iter()
        .map(|doc| {
            let tokens = tokenizer.tokenize(&doc.text);
            let sents = splitter.split(&doc.text, &tokens);
            let mut sentences = Vec::new();
            for sent in &sents {
                let toks: Vec<&Token> = tokens[sent.start as usize..sent.end as usize]
                    .iter()
                    .filter(|t| !doc.text[t.start as usize..t.end as usize].trim().is_empty())
                    .collect();
                let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
                    continue;
                };
                let (lo, hi) = (first.char_start as usize, last.char_end as usize);
                let mut spans = Vec::new();
                let mut aligned = true;
                for e in doc.entities.iter().filter(|e| e.start < hi && e.end > lo) {
                    let start = toks.iter().position(|t| t.char_start as usize == e.start);
                    let end = toks.iter().position(|t| t.char_end as usize == e.end);
                    match (start, end) {
                        (Some(s), Some(t)) if s <= t => spans.push(Span {
                            start: s,
                            end: t + 1,
                            label: e.label.clone(),
                        }),
                        _ => aligned = false,
                    }
                }
                if !aligned {
                    dropped += 1;
                    continue;
                }
                spans.sort_by_key(|s| s.start);
                let words = toks
                    .iter()
                    .map(|t| doc.text[t.start as usize..t.end as usize].to_string())
                    .collect();
                sentences.push(GoldSentence { words, spans });
            }
            Document { sentences }
        })
        .collect();
    (out, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, ents: &[(usize, usize, &str)]) -> SpanDoc {
        SpanDoc {
            id: "d".into(),
            text: text.into(),
            entities: ents
                .iter()
                .map(|&(start, end, l)| CharEntity {
                    start,
                    end,
                    label: l.into(),
                })
                .collect(),
        }
    }

    #[test]
    fn the_and_possessive_are_not_scored() {
        let d = doc("the Pentagon's plan", &[(0, 12, "ORG")]);
        let pred = vec![vec![CharEntity {
            start: 4,
            end: 14,
            label: "ORG".into(),
        }]];
        let e = score_spans(std::slice::from_ref(&d), &pred, 0.0);
        assert_eq!(e.f1, 1.0);
        let wrong = vec![vec![CharEntity {
            start: 4,
            end: 14,
            label: "GPE".into(),
        }]];
        let e = score_spans(&[d], &wrong, 0.0);
        assert_eq!(e.f1, 0.0);
        assert_eq!(e.unlabelled.unwrap().f1, 1.0);
    }

    #[test]
    fn offsets_are_checked_and_located() {
        let bad = r#"{"id": "a", "text": "héllo", "entities": [{"start": 2, "end": 6, "label": "ORG"}]}"#;
        let msg = parse_span_docs(&format!("\n{bad}\n"), "f.jsonl")
            .unwrap_err()
            .to_string();
        assert!(
            msg.starts_with("f.jsonl:2:") && msg.contains("outside the text"),
            "{msg}"
        );
        let ok = r#"{"id": "a", "text": "héllo", "entities": [{"start": 1, "end": 5, "label": "ORG"}]}"#;
        assert_eq!(parse_span_docs(ok, "f").unwrap()[0].entities[0].end, 5);
        assert!(parse_span_docs("{", "f").unwrap_err().to_string().contains("f:1:"));
    }

    #[test]
    fn gold_documents_follow_the_tokenizer() {
        let text = "Barack Obama visited Paris. Then $500 went to Google's unit.";
        let d = doc(
            text,
            &[(0, 12, "PERSON"), (21, 26, "GPE"), (33, 37, "MONEY"), (46, 52, "ORG")],
        );
        let (docs, dropped) = to_gold_documents(&[d]);
        assert_eq!(dropped, 0);
        let s = &docs[0].sentences;
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words[..2], ["Barack", "Obama"]);
        assert_eq!(
            s[0].spans[0],
            Span {
                start: 0,
                end: 2,
                label: "PERSON".into()
            }
        );
        let labels: Vec<&str> = s[1].spans.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, ["MONEY", "ORG"]);
        // an entity that cuts a token drops its sentence
        let (docs, dropped) = to_gold_documents(&[doc("Obamacare passed.", &[(0, 5, "PERSON")])]);
        assert_eq!((docs[0].sentences.len(), dropped), (0, 1));
    }
}
