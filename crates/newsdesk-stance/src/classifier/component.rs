//! The pipeline component: stance of the document, and of each quoted
//! speaker, towards every claim in `doc.claims`.
use super::model::StanceModel;
use crate::StanceError;
use newsdesk_core::{ClaimStance, Component, CoreError, Doc, SpeakerStance};
use std::sync::Arc;

/// Fills `doc.stances` (one [`ClaimStance`] per claim) from `doc.claims`,
/// `doc.text` and `doc.quotes`. Runs after the quotes component.
#[derive(Clone, Debug)]
pub struct StanceComponent {
    model: Arc<StanceModel>,
}

impl StanceComponent {
    pub fn new(model: StanceModel) -> StanceComponent {
        StanceComponent { model: Arc::new(model) }
    }

    /// Share a model already behind an `Arc`.
    pub fn shared(model: Arc<StanceModel>) -> StanceComponent {
        StanceComponent { model }
    }

    /// With a shipped model (`"fnc1"` or `"arc"`).
    pub fn embedded(name: &str) -> Result<StanceComponent, StanceError> {
        StanceModel::embedded(name).map(StanceComponent::new)
    }

    pub fn model(&self) -> &StanceModel {
        &self.model
    }
}

/// Byte offset of every char offset `0..=n_chars` of `text`.
fn char_to_byte(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// Speakers in order of their first quote, with their quote indexes and joined quote texts.
fn speaker_texts(doc: &Doc) -> Result<Vec<(String, Vec<u32>, String)>, CoreError> {
    let offsets = char_to_byte(&doc.text);
    let mut out: Vec<(String, Vec<u32>, String)> = Vec::new();
    for (i, q) in doc.quotes.iter().enumerate() {
        let Some(speaker) = &q.speaker else { continue };
        let (s, e) = (q.start_char as usize, q.end_char as usize);
        if s > e || e >= offsets.len() {
            return Err(CoreError::Component {
                component: "stance".into(),
                message: format!("quote {i} spans chars {s}..{e}, text has {}", offsets.len() - 1),
            });
        }
        let quote = &doc.text[offsets[s]..offsets[e]];
        match out.iter_mut().find(|(name, _, _)| *name == speaker.name) {
            Some((_, idx, text)) => {
                idx.push(i as u32);
                text.push('\n');
                text.push_str(quote);
            }
            None => out.push((speaker.name.clone(), vec![i as u32], quote.to_string())),
        }
    }
    Ok(out)
}

impl Component for StanceComponent {
    fn name(&self) -> &str {
        "stance"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), CoreError> {
        if doc.claims.is_empty() {
            doc.stances.clear();
            return Ok(());
        }
        let m = &self.model;
        let text = m.analyze(&doc.text);
        let speakers: Vec<_> = speaker_texts(doc)?
            .into_iter()
            .map(|(name, idx, t)| (name, idx, m.analyze(&t)))
            .collect();
        doc.stances = doc
            .claims
            .iter()
            .map(|claim| {
                let c = m.analyze(claim);
                ClaimStance {
                    claim: claim.clone(),
                    stance: m.classify_analyzed(&c, &text).scores(),
                    speakers: speakers
                        .iter()
                        .map(|(name, idx, t)| SpeakerStance {
                            speaker: name.clone(),
                            quotes: idx.clone(),
                            stance: m.classify_analyzed(&c, t).scores(),
                        })
                        .collect(),
                }
            })
            .collect();
        Ok(())
    }
}
