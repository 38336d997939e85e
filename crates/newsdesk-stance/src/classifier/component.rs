//! The pipeline component: stance of the document, and of each quoted
//! speaker, towards every claim in `doc.claims`.
use super::model::StanceModel;
use crate::speaker::{speaker_inputs, SpeakerModel};
use crate::StanceError;
use newsdesk_core::{ClaimStance, Component, CoreError, Doc, SpeakerStance};
use std::sync::Arc;

/// Fills `doc.stances` (one [`ClaimStance`] per claim) from `doc.claims`,
/// `doc.text` and `doc.quotes`. Runs after the quotes component.
///
/// Each speaker's stance comes from the per-speaker model ([`SpeakerModel`])
/// when one trained on this body model's predictions is available (the
/// shipped one for `fnc1`), else from the body model read on the speaker's
/// quotations.
#[derive(Clone, Debug)]
pub struct StanceComponent {
    model: Arc<StanceModel>,
    speakers: Option<Arc<SpeakerModel>>,
}

impl StanceComponent {
    /// With the shipped speaker model when it was trained on `model`'s kind (its card name).
    pub fn new(model: StanceModel) -> StanceComponent {
        StanceComponent::shared(Arc::new(model))
    }

    /// Share a model already behind an `Arc`.
    pub fn shared(model: Arc<StanceModel>) -> StanceComponent {
        let speakers = SpeakerModel::embedded()
            .ok()
            .filter(|s| s.card.body_model == model.card().name)
            .map(Arc::new);
        StanceComponent { model, speakers }
    }

    /// With an explicit speaker model (`None`: the body model on the quotations).
    pub fn with_speakers(mut self, speakers: Option<SpeakerModel>) -> StanceComponent {
        self.speakers = speakers.map(Arc::new);
        self
    }

    pub fn speaker_model(&self) -> Option<&SpeakerModel> {
        self.speakers.as_deref()
    }

    /// With a shipped model (`"fnc1"` or `"arc"`).
    pub fn embedded(name: &str) -> Result<StanceComponent, StanceError> {
        StanceModel::embedded(name).map(StanceComponent::new)
    }

    pub fn model(&self) -> &StanceModel {
        &self.model
    }
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
        let speakers: Vec<_> = speaker_inputs(doc)?
            .into_iter()
            .map(|s| {
                let q = m.analyze(&s.quote_text);
                (s, q)
            })
            .collect();
        doc.stances = doc
            .claims
            .iter()
            .map(|claim| {
                let c = m.analyze(claim);
                let whole = m.classify_analyzed(&c, &text);
                ClaimStance {
                    claim: claim.clone(),
                    stance: whole.scores(),
                    speakers: speakers
                        .iter()
                        .map(|(s, q)| SpeakerStance {
                            speaker: s.name.clone(),
                            quotes: s.quotes.clone(),
                            stance: match &self.speakers {
                                Some(sm) => sm.classify(m, &c, &whole, &s.quote_text, &s.context, s.quotes.len()),
                                None => m.classify_analyzed(&c, q),
                            }
                            .scores(),
                        })
                        .collect(),
                }
            })
            .collect();
        Ok(())
    }
}
