//! The `ner` pipeline component.
use crate::model::NerModel;
use newsdesk_core::tokenize::Token;
use newsdesk_core::{Component, CoreError, Doc, Entity, EntitySource};
use std::sync::Arc;

/// Writes model entities to `doc.ents`, one sentence of `doc.sents` at a time,
/// with the earlier sentences of the document as memory.
///
/// Debris and leading-space tokens are not shown to the model; entity token
/// indexes refer to `doc.tokens`, and an entity never contains such a token.
/// Entities already on the document from patterns win over overlapping model
/// entities (see [`crate::EntityRuler`]); earlier model entities are replaced.
///
/// A currency symbol right before a MONEY entity is part of it (`$500`, `£ 20`):
/// OntoNotes tags the `$` of `$ 200,000` `O` about a quarter of the time, and
/// the models learn that inconsistency; news conventions (and readers) expect
/// the symbol inside.
#[derive(Clone, Debug)]
pub struct NerComponent {
    model: Arc<NerModel>,
}

impl NerComponent {
    pub fn new(model: NerModel) -> NerComponent {
        NerComponent { model: Arc::new(model) }
    }

    pub fn from_shared(model: Arc<NerModel>) -> NerComponent {
        NerComponent { model }
    }

    pub fn model(&self) -> &NerModel {
        &self.model
    }

    /// Model entities of a document, in order.
    pub fn entities(&self, doc: &Doc) -> Vec<Entity> {
        let idx: Vec<Vec<usize>> = doc
            .sents
            .iter()
            .map(|s| {
                (s.start as usize..s.end as usize)
                    .filter(|&i| doc.tokens.get(i).is_some_and(Token::is_content))
                    .collect::<Vec<_>>()
            })
            .filter(|v| !v.is_empty())
            .collect();
        let toks: Vec<Vec<Token>> = idx.iter().map(|v| v.iter().map(|&i| doc.tokens[i]).collect()).collect();
        let texts: Vec<Vec<&str>> = toks
            .iter()
            .map(|ts| ts.iter().map(|t| t.text(&doc.text)).collect())
            .collect();
        let sents: Vec<(&[&str], &[Token])> = texts
            .iter()
            .zip(&toks)
            .map(|(a, b)| (a.as_slice(), b.as_slice()))
            .collect();
        let mut out = Vec::new();
        for (preds, idx) in self.model.annotator().document(&sents).into_iter().zip(&idx) {
            for p in preds {
                let start = idx[p.start];
                // Cut at the first skipped token, so entities never contain debris.
                let end = (start..=idx[p.end - 1])
                    .find(|&i| !doc.tokens[i].is_content())
                    .unwrap_or(idx[p.end - 1] + 1);
                let label = &self.model.labels()[p.label];
                let start = match p.start.checked_sub(1).map(|k| idx[k]) {
                    Some(prev) if label == "MONEY" && prev + 1 == start && is_currency(doc.token_text(prev)) => prev,
                    _ => start,
                };
                out.push(Entity {
                    start: start as u32,
                    end: end as u32,
                    start_char: doc.tokens[start].char_start,
                    end_char: doc.tokens[end - 1].char_end,
                    label: label.clone(),
                    score: p.score,
                    source: EntitySource::Model,
                });
            }
        }
        out
    }
}

/// A currency symbol token: `$`, `£`, `€`, `¥`, `₹`, or letters and a symbol (`US$`, `HK$`).
fn is_currency(token: &str) -> bool {
    let mut chars = token.chars();
    matches!(chars.next_back(), Some('$' | '£' | '€' | '¥' | '₹')) && chars.all(|c| c.is_ascii_uppercase())
}

impl Component for NerComponent {
    fn name(&self) -> &str {
        "ner"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), CoreError> {
        let found = self.entities(doc);
        doc.ents.retain(|e| e.source != EntitySource::Model);
        let patterns = doc.ents.clone();
        doc.ents.extend(
            found
                .into_iter()
                .filter(|e| !patterns.iter().any(|p| p.start < e.end && e.start < p.end)),
        );
        doc.ents.sort_by_key(|e| (e.start, e.end));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_symbols() {
        for t in ["$", "£", "€", "US$", "HK$"] {
            assert!(is_currency(t), "{t}");
        }
        for t in ["", "S", "us$", "$5", "#"] {
            assert!(!is_currency(t), "{t}");
        }
    }

    #[test]
    #[cfg(feature = "embedded-models")]
    fn money_takes_its_currency_symbol() {
        let mut doc = Doc::from_text("He paid $500 for the bike.");
        NerComponent::new(NerModel::embedded("ontonotes").unwrap())
            .process(&mut doc)
            .unwrap();
        let money: Vec<&str> = doc
            .ents
            .iter()
            .filter(|e| e.label == "MONEY")
            .map(|e| {
                &doc.text[doc.tokens[e.start as usize].start as usize..doc.tokens[e.end as usize - 1].end as usize]
            })
            .collect();
        assert_eq!(money, ["$500"]);
        let e = doc.ents.iter().find(|e| e.label == "MONEY").unwrap();
        assert_eq!((e.start_char, e.end_char), (8, 12));
    }
}
