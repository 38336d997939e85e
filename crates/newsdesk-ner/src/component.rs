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
                out.push(Entity {
                    start: start as u32,
                    end: end as u32,
                    start_char: doc.tokens[start].char_start,
                    end_char: doc.tokens[end - 1].char_end,
                    label: self.model.labels()[p.label].clone(),
                    score: p.score,
                    source: EntitySource::Model,
                });
            }
        }
        out
    }
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
