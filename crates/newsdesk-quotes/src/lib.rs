//! Direct quotations and who said them.
//!
//! [`QuoteExtractor`] is a pipeline component (name `"quotes"`, after NER) that
//! fills `doc.quotes`: each quotation's span (the quoted words without the
//! marks), its speaker (the most complete name of that person or organisation
//! in the document, through surnames, pronouns, roles and "the paper"-style
//! phrases) and the attribution cue. Without NER entities it falls back on
//! capitalised name sequences. Rules find the quotations, the cue phrases and
//! the speaker candidates; a learned ranker (`models/speaker.json`, trained by
//! `newsdesk train quotes`) chooses among the candidates ([`QuoteExtractor::rules`]
//! leaves the choice to the rules).
//!
//! ```
//! use newsdesk_core::{Component, Doc};
//! use newsdesk_core::tokenize::{SentenceSplitter, Tokenizer};
//! use newsdesk_quotes::QuoteExtractor;
//!
//! let text = "Senator Jane Roe spoke on Monday.\n\
//!             “We will not back down on this,” Roe said. “Not now.”\n\
//!             “It is a bad bill for everyone,” she added.";
//! let tokens = Tokenizer::default().tokenize(text);
//! let sents = SentenceSplitter::default().split(text, &tokens);
//! let mut doc = Doc::new(text.to_string(), tokens, sents);
//! QuoteExtractor::default().process(&mut doc).unwrap();
//! assert_eq!(doc.quotes.len(), 2); // "Not now." is under 4 words
//! assert_eq!(doc.quotes[0].speaker.as_ref().unwrap().name, "Jane Roe");
//! assert_eq!(doc.quotes[1].speaker.as_ref().unwrap().name, "Jane Roe");
//! ```
mod attribute;
mod context;
mod error;
pub mod eval;
mod lexicon;
mod marks;
mod model;
mod names;
pub mod rank;
mod resolve;
pub mod train;
mod word_map;
mod words;

use attribute::Found;
use context::Ctx;
pub use error::QuotesError;
pub use model::{Example, Fit, ModelCard, SpeakerModel, CALIBRATION_FOLDS};
use newsdesk_core::{CharSpan, Component, CoreError, Doc, Quote, Speaker};
use rank::{Candidate, RuleKind};
use resolve::{Resolved, Resolver};
use std::collections::HashSet;
use std::sync::Arc;

/// Finds direct quotations and attributes them to speakers.
#[derive(Clone, Debug)]
pub struct QuoteExtractor {
    /// Quoted text under this many words is a scare quote or title, not a quotation.
    pub min_words: usize,
    /// The ranker that chooses among speaker candidates; `None`: the rules' choice.
    pub model: Option<Arc<SpeakerModel>>,
}

impl Default for QuoteExtractor {
    /// The rules find quotations and speaker candidates; the shipped learned
    /// ranker (`models/speaker.json`) chooses among the candidates: on articles
    /// no rule was read from, cross-validated, it beats the rules' own choice
    /// (see the README).
    fn default() -> Self {
        QuoteExtractor {
            model: Some(SpeakerModel::embedded()),
            ..QuoteExtractor::rules()
        }
    }
}

impl QuoteExtractor {
    /// Speakers chosen by the rules alone.
    pub fn rules() -> Self {
        QuoteExtractor {
            min_words: 4,
            model: None,
        }
    }

    /// The same rules with `model` choosing among their speaker candidates.
    pub fn with_model(self, model: SpeakerModel) -> Self {
        QuoteExtractor {
            model: Some(Arc::new(model)),
            ..self
        }
    }
}

impl Component for QuoteExtractor {
    fn name(&self) -> &str {
        "quotes"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), CoreError> {
        doc.quotes = self.extract(doc);
        Ok(())
    }
}

impl QuoteExtractor {
    /// The quotations of `doc` (reads `text`, `tokens` for debris, and `ents`).
    pub fn extract(&self, doc: &Doc) -> Vec<Quote> {
        self.run(doc, false, false).into_iter().map(|(q, _)| q).collect()
    }

    /// The quotations of `doc` with their speaker candidates, as the rules
    /// alone chain them (the ranker's training data).
    pub fn candidates(&self, doc: &Doc) -> Vec<(Quote, Vec<Candidate>)> {
        QuoteExtractor {
            model: None,
            ..self.clone()
        }
        .run(doc, true, true)
    }

    /// The quotations and, when `keep`, their candidates, which keep every
    /// feature's name when `all_names` (else only their hashes; see [`Candidate`]).
    fn run(&self, doc: &Doc, keep: bool, all_names: bool) -> Vec<(Quote, Vec<Candidate>)> {
        let chars = words::clean_chars(doc);
        let spans = marks::find_spans(&chars);
        if spans.is_empty() {
            return Vec::new();
        }
        let mut ctx = Ctx::new(doc, chars);
        for s in &spans {
            let (a, b) = trim(&ctx.chars, s.start, s.end);
            if self.is_quotation(&ctx, s, a, b) {
                ctx.add_quote(s, a, b);
            }
        }
        if ctx.quotes.is_empty() {
            return Vec::new();
        }
        let mut res = Resolver::new(&ctx);
        let layout = rank::Layout::new(&ctx);
        // Each quotation's speaker, and whether it is an anonymous person (`a source`).
        let mut speakers: Vec<(Option<Resolved>, bool)> = Vec::with_capacity(ctx.quotes.len());
        let mut out = Vec::with_capacity(ctx.quotes.len());
        // The names of the speakers so far (ASCII lower case).
        let mut earlier: HashSet<String> = HashSet::new();
        for qi in 0..ctx.quotes.len() {
            let q = &ctx.quotes[qi];
            let mut subject = None;
            let (rule, mut anonymous, cue, kind) = match attribute::find(&ctx, &res, qi) {
                Found::Phrase { np, cue } => {
                    let speaker = np.as_ref().and_then(|np| res.resolve(np));
                    let anonymous = speaker.is_none() && matches!(np, Some(names::Np::Nominal { .. }));
                    subject = Some(rank::subject_phrase(&ctx, np.as_ref()));
                    (speaker, anonymous, cue, RuleKind::Phrase { cue: cue.is_some() })
                }
                Found::Standalone => {
                    // Continues the previous quotation when it is in this or the previous
                    // paragraph, or left its paragraph open (a caption may come between),
                    // or when the up to two paragraphs between name no other person.
                    let prev = qi.checked_sub(1).filter(|&p| {
                        let r = &ctx.quotes[p];
                        r.para + 1 >= q.para
                            || (r.para + 3 >= q.para
                                && (r.open_end || only_person_between(&res, &speakers[p].0, r.after, q.first)))
                    });
                    // A paragraph opening with a reporting sentence is that sentence's
                    // speaker's; a reporter the text does not name is nobody we know.
                    let unnamed = |r: Option<Resolved>| {
                        let anonymous = r.is_none();
                        (r, anonymous, None, RuleKind::Standalone)
                    };
                    match (res.opening_reporter_before(q.first), prev) {
                        (Some(r), _) => unnamed(r),
                        (None, Some(p)) => match res.opening_actor_before(q.first) {
                            Some(r) if Some(&r.name) != speakers[p].0.as_ref().map(|s| &s.name) => {
                                (Some(r), false, None, RuleKind::Standalone)
                            }
                            _ => (speakers[p].0.clone(), speakers[p].1, None, RuleKind::Standalone),
                        },
                        (None, None) => match res.reporting_subject_before(q.first) {
                            Some(r) => unnamed(r),
                            None => (
                                res.recent_person_near(q.first, q.para).cloned(),
                                false,
                                None,
                                RuleKind::Standalone,
                            ),
                        },
                    }
                }
                Found::Nothing => (None, false, None, RuleKind::Nothing),
            };
            // `X said that “…,” and called it “…”`: the sentence's earlier quotation's speaker.
            let rule = match qi.checked_sub(1) {
                Some(p) if rule.is_none() && !anonymous && ctx.same_sentence(ctx.quotes[p].after, q.first) => {
                    anonymous = speakers[p].1;
                    speakers[p].0.clone()
                }
                _ => rule,
            };
            let mut cands = Vec::new();
            let mut speaker = rule.clone();
            let mut score = None;
            if keep || self.model.is_some() {
                let prev = qi
                    .checked_sub(1)
                    .and_then(|p| speakers[p].0.as_ref().map(|r| (r, ctx.quotes[p].para)));
                let c = rank::Context {
                    rule: rule.as_ref(),
                    kind,
                    subject,
                    prev,
                    earlier: &earlier,
                    all_names,
                };
                cands = rank::candidates(&ctx, &res, &layout, qi, &c);
                if let Some(m) = &self.model {
                    let (i, p) = m.choose(&cands);
                    score = Some(p);
                    let pick = &cands[i];
                    if pick.key() != rule.as_ref().map(|r| r.name.to_lowercase()) {
                        speaker = pick.speaker.clone();
                        anonymous = false;
                    }
                }
            }
            if speaker.is_some() || anonymous {
                res.note_speaker(q.first, speaker.as_ref());
            }
            let quote = Quote {
                start_char: q.start as u32,
                end_char: q.end as u32,
                speaker: speaker.as_ref().map(|r| Speaker {
                    name: r.name.clone(),
                    mention: CharSpan {
                        start_char: r.mention.0 as u32,
                        end_char: r.mention.1 as u32,
                    },
                    entity: r.ent,
                    label: r.label.clone(),
                }),
                cue: cue.map(|(a, b)| CharSpan {
                    start_char: ctx.words[a].start() as u32,
                    end_char: ctx.words[b - 1].end() as u32,
                }),
                speaker_score: score,
            };
            // Only the training data keeps the candidates (a long document's would
            // outweigh its text many times over).
            out.push((quote, if keep { cands } else { Vec::new() }));
            if let Some(r) = &speaker {
                earlier.insert(r.name.to_ascii_lowercase());
            }
            speakers.push((speaker, anonymous));
        }
        out
    }

    /// Long enough, and not a title (`titled “…”`, `Improving the Lives of the People`).
    fn is_quotation(&self, ctx: &Ctx, span: &marks::Span, a: usize, b: usize) -> bool {
        // (A span without a space is one token however the lexer splits it: a URL, a path.)
        if ctx.count_words(a, b) < self.min_words || !ctx.chars[a..b].iter().any(|c| c.is_whitespace()) {
            return false;
        }
        let (lo, hi) = ctx.words_in(a, b);
        let content: Vec<&words::Word> = ctx.words[lo..hi].iter().filter(|w| w.is_alpha()).collect();
        let lexical: Vec<&&words::Word> = content
            .iter()
            .filter(|w| !lexicon::is_title_function_word(ctx.low(w)))
            .collect();
        // Words in capitals throughout are shouted (a post, a sign), not a title.
        let shouted = || {
            lexical
                .iter()
                .all(|w| w.end() - w.start() > 1 && ctx.chars[w.start()..w.end()].iter().all(|c| !c.is_lowercase()))
        };
        let title_case = content.len() <= 15 && lexical.len() >= 2 && lexical.iter().all(|w| w.cap) && !shouted();
        let first = ctx.words_in(span.open.unwrap_or(a), b).0;
        let mut before = ctx.words[..first]
            .iter()
            .rev()
            .take(60)
            .take_while(|w| !w.is_terminator())
            .filter(|w| !(w.is(',') || w.is(':') || matches!(ctx.low(w), "a" | "an" | "the" | "that" | "as" | "to")))
            .take(2);
        // (`She called him “an extraordinary son”` is a quotation: see [`attribute::name_calling`];
        // `translates as “…”` is a gloss.)
        // The marker is the word before, or the one before a capitalised word or an object
        // (`the film Titanic “…”`, `called it an “…”`); not one modifying a noun (`program
        // trading “increases liquidity …”`).
        let marker = |w: &words::Word| !w.cap && lexicon::is_title_marker(ctx.low(w));
        let marked = attribute::name_calling(ctx, first).is_none()
            && match (before.next(), before.next()) {
                (Some(w), _) if marker(w) => true,
                (Some(w), Some(v)) => (w.cap || matches!(ctx.low(w), "it" | "this" | "them")) && marker(v),
                _ => false,
            };
        !title_case
            && !marked
            && (!span.open.is_some_and(|o| marks::is_single(ctx.chars[o])) || said_in_single_marks(ctx, span))
    }
}

/// A span in single marks is reported speech only with a sign of it (a headline
/// or a title in single marks has none): punctuation closing it inside the mark
/// (`‘We will appeal,’`, also before an inner quotation's mark: `… “You've just
/// eaten him.”’`), a colon before it, a lower-case first word, or a cue verb
/// among the six words before it or the four after it in its paragraph.
fn said_in_single_marks(ctx: &Ctx, span: &marks::Span) -> bool {
    let Some(open) = span.open else { return true };
    let Some(close) = span.close else { return true };
    let punctuated = ctx.chars[span.start..close]
        .iter()
        .rev()
        .find(|&&c| !(c.is_whitespace() || marks::is_double(c) || marks::is_single(c)))
        .is_some_and(|c| matches!(c, ',' | '.' | '!' | '?'));
    let (first, after) = ctx.words_in(open, close + 1);
    let para = ctx.words.get(first).map(|w| w.para);
    let cue = |k: usize| {
        let w = &ctx.words[k];
        Some(w.para) == para && w.is_alpha() && !w.cap && lexicon::is_cue_verb(ctx.low(w))
    };
    let colon = first.checked_sub(1).is_some_and(|k| ctx.words[k].is(':'));
    // A lower-case first word: words taken from a sentence (`praised for 'keeping them
    // safe'`), not a headline or a title.
    let partial = ctx.words.get(first + 1).is_some_and(|w| w.is_alpha() && !w.cap);
    punctuated
        || colon
        || partial
        || (first.saturating_sub(6)..first).any(cue)
        || (after..(after + 4).min(ctx.words.len())).any(cue)
}

/// The previous quotation's speaker `prev` is a named person and the only person
/// named in words `lo..hi` (narrative between two of their quotations).
fn only_person_between(res: &Resolver, prev: &Option<Resolved>, lo: usize, hi: usize) -> bool {
    let Some(p) = prev.as_ref().filter(|p| p.person) else {
        return false;
    };
    res.mentions_in(lo, hi).all(|(_, _, r)| !r.person || r.name == p.name)
}

/// `a..b` without surrounding whitespace.
fn trim(chars: &[char], mut a: usize, mut b: usize) -> (usize, usize) {
    while a < b && chars[a].is_whitespace() {
        a += 1;
    }
    while b > a && chars[b - 1].is_whitespace() {
        b -= 1;
    }
    (a, b)
}

#[cfg(test)]
mod tests;
