//! The `ner` pipeline component.
use crate::conventions::{self, is_currency};
use crate::model::{NerModel, Prediction};
use crate::window::Windows;
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
/// the symbol inside. The other span conventions are in [`crate::conventions`].
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

    /// Model entities of a document, in order. Sentences are tagged in
    /// bounded windows (see [`crate::window`]), so time and memory grow
    /// linearly with the document.
    pub fn entities(&self, doc: &Doc) -> Vec<Entity> {
        let mut ann = self.model.annotator();
        let mut windows = Windows::default();
        let mut out = Vec::new();
        let mut sink = |_: usize, positions: &[u32], p: &Prediction| {
            let (start, last) = (positions[p.start] as usize, positions[p.end - 1] as usize);
            // Cut at the first skipped token, so entities never contain debris.
            let end = (start..=last)
                .find(|&i| !doc.tokens[i].is_content())
                .unwrap_or(last + 1);
            let label = &self.model.labels()[p.label];
            // A currency symbol right before a MONEY entity is part of it.
            let start = match p.start.checked_sub(1).map(|k| positions[k] as usize) {
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
        };
        for (s, sent) in doc.sents.iter().enumerate() {
            for i in sent.start..sent.end.min(doc.tokens.len() as u32) {
                let t = doc.tokens[i as usize];
                if t.is_content() {
                    windows.push(s, t.text(&doc.text), t, i, &mut ann, &mut sink);
                }
            }
        }
        windows.finish(&mut ann, &mut sink);
        out.sort_by_key(|e| e.start);
        conventions::apply(&doc.text, &doc.tokens, &mut out);
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
        // Tokens covered by pattern entities (a bitmap keeps this linear).
        let mut covered = vec![false; if doc.ents.is_empty() { 0 } else { doc.tokens.len() }];
        let n = covered.len();
        for p in &doc.ents {
            let start = (p.start as usize).min(n);
            covered[start..(p.end as usize).clamp(start, n)].fill(true);
        }
        doc.ents.extend(found.into_iter().filter(|e| {
            !covered
                .get(e.start as usize..e.end as usize)
                .is_some_and(|c| c.contains(&true))
        }));
        doc.ents.sort_by_key(|e| (e.start, e.end));
        // `extend` through a filter grows by doubling: give back the spare half.
        doc.ents.shrink_to_fit();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
