//! The per-document view shared by the attribution steps.
use super::lexicon::{is_clause_opener, is_cue_verb, is_lower_opener, is_user_noun};
use super::marks::Span;
use super::words::{attach_entities, entity_kind, lex, norm, Word};
use newsdesk_core::hash::{hash_str, HashKeyed};
use newsdesk_core::Doc;
use std::cell::OnceCell;
use std::collections::HashSet;

/// A quoted span that passed the quotation filters, located in words.
#[derive(Clone, Debug)]
pub struct QuoteLoc {
    /// Trimmed content, in chars.
    pub start: usize,
    pub end: usize,
    /// Word index of the opening mark (or first content word when the mark is missing).
    pub first: usize,
    /// Word index just past the closing mark (or last content word).
    pub after: usize,
    pub para: u32,
    /// No closing mark: the quotation runs on into a later paragraph.
    pub open_end: bool,
}

/// The document's words, quoted spans and entities.
pub struct Ctx<'a> {
    pub doc: &'a Doc,
    pub chars: Vec<char>,
    pub words: Vec<Word>,
    /// The words' lower-cased texts, concatenated (see [`Word::lo`]).
    pub lowered: String,
    /// For each word, the accepted quotation it lies in (marks included);
    /// `u32` halves this per-word vector on long documents.
    pub in_quote: Vec<Option<u32>>,
    pub quotes: Vec<QuoteLoc>,
    /// Hashes of the words the document writes as names, built on first use
    /// (see [`Ctx::written_as_name`]).
    names: OnceCell<HashSet<u64, HashKeyed>>,
}

impl<'a> Ctx<'a> {
    /// Lex `doc`, whose chars (debris blanked) are `chars`.
    pub fn new(doc: &'a Doc, chars: Vec<char>) -> Ctx<'a> {
        let (mut words, lowered) = lex(&chars);
        attach_entities(doc, &chars, &mut words);
        mark_handles(&mut words, &lowered);
        let in_quote = vec![None; words.len()];
        Ctx {
            doc,
            chars,
            words,
            lowered,
            in_quote,
            quotes: Vec::new(),
            names: OnceCell::new(),
        }
    }

    /// Word range `lo..hi` covering chars `a..b` (words fully inside).
    pub fn words_in(&self, a: usize, b: usize) -> (usize, usize) {
        let lo = self.words.partition_point(|w| w.start() < a);
        let hi = self.words.partition_point(|w| w.end() <= b);
        (lo, hi.max(lo))
    }

    /// Register an accepted quotation and mark its words.
    pub fn add_quote(&mut self, span: &Span, start: usize, end: usize) {
        let mark_lo = span.open.unwrap_or(start);
        let mark_hi = span.close.map_or(end, |c| c + 1);
        let (lo, hi) = self.words_in(mark_lo, mark_hi);
        let idx = self.quotes.len() as u32;
        for q in &mut self.in_quote[lo..hi] {
            *q = Some(idx);
        }
        let para = self.words.get(lo).map_or(0, |w| w.para);
        self.quotes.push(QuoteLoc {
            start,
            end,
            first: lo,
            after: hi,
            para,
            open_end: span.close.is_none(),
        });
    }

    /// Word `i` is outside every accepted quotation.
    pub fn free(&self, i: usize) -> bool {
        self.in_quote.get(i).is_some_and(|q| q.is_none())
    }

    /// Words `a..b` lie in one sentence: same paragraph, no free sentence end between.
    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        a <= b
            && b < self.words.len()
            && self.words[a.min(b)].para == self.words[b].para
            && !(a..b).any(|k| self.free(k) && self.words[k].is_terminator())
    }

    /// Two or more whitespace characters between word `i - 1` and word `i`: a
    /// scraped page's layout (`Facebook / Dylan Thomas   Sore: When…`, `CEN   Mum
    /// Meng Xiangyan has…`), which ends a name and a sentence as a line break would.
    pub fn layout_gap_before(&self, i: usize) -> bool {
        i > 0 && {
            let gap = &self.chars[self.words[i - 1].end()..self.words[i].start()];
            gap.iter().filter(|c| c.is_whitespace()).count() >= 2
        }
    }

    /// The document writes word `i` (possessive or not) as a name somewhere: as
    /// part of an entity, or capitalised other than at a sentence's start. That
    /// is the evidence that a capitalised opener is a name (`Kadalim says` after
    /// `when Kadalim did see`), not a common word (`Yeah, right.`).
    pub fn written_as_name(&self, i: usize) -> bool {
        let names = self.names.get_or_init(|| {
            (0..self.words.len())
                .filter(|&k| {
                    let w = &self.words[k];
                    w.ent.is_some() || (w.cap && w.is_alpha() && !self.opens_sentence(k))
                })
                .map(|k| hash_str(norm(self.lower(k))))
                .collect()
        });
        names.contains(&hash_str(norm(self.lower(i))))
    }

    /// Word `i` opens a sentence: first of its paragraph, or after a free sentence end
    /// or a layout gap, an opening quotation mark or a colon in such a position
    /// counting as nothing.
    pub fn opens_sentence(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 && self.words[k - 1].para == self.words[i].para {
            if self.layout_gap_before(k) {
                return true;
            }
            let w = &self.words[k - 1];
            if w.is_quote_mark() || w.is(':') {
                k -= 1;
                continue;
            }
            return w.is_terminator();
        }
        true
    }

    /// Word `i` opens a leading adverbial clause or phrase, which ends at the next
    /// comma: a clause opener (`However`, `After`), a capitalised participle
    /// (`Speaking to reporters`), or a common word capitalised as the sentence's
    /// first and followed by a comma (`Finally,`).
    pub fn opens_adverbial(&self, i: usize) -> bool {
        let Some(w) = self.words.get(i) else { return false };
        let lower = self.low(w);
        is_clause_opener(lower)
            || (w.cap && lower.ends_with("ing"))
            || (w.cap && is_lower_opener(lower) && self.words.get(i + 1).is_some_and(|n| n.is(',')))
            || (w.cap && self.opens_date(i))
    }

    /// A phrase from word `i` to a comma within eight words, naming no one and
    /// holding the start of a date or time entity (`A couple weeks before that,
    /// Rosenberg posted …`, `Last week, …`; not `John Smith, 45,`).
    fn opens_date(&self, i: usize) -> bool {
        let Some(comma) = (i + 1..(i + 9).min(self.words.len())).find(|&j| self.words[j].is(',')) else {
            return false;
        };
        let (a, b) = (self.words[i].start() as u32, self.words[comma].start() as u32);
        let ents = &self.doc.ents;
        let k = ents.partition_point(|e| e.start_char < a);
        self.words[i..comma].iter().all(|w| w.ent.is_none())
            && ents[k..]
                .iter()
                .take_while(|e| e.start_char < b)
                .any(|e| matches!(e.label.as_str(), "DATE" | "TIME"))
    }

    pub fn lower(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| self.low(w))
    }

    /// Kind (PERSON, ORG, GPE, NORP) of entity `e`, see [`entity_kind`].
    pub fn kind(&self, e: u32) -> Option<&'static str> {
        entity_kind(&self.doc.ents[e as usize].label)
    }

    /// Kind of the entity `ent`, if any.
    pub fn kind_of(&self, ent: Option<u32>) -> Option<&'static str> {
        ent.and_then(|e| self.kind(e))
    }

    /// Whether the entity `ent` is a place or nationality (GPE, NORP).
    pub fn is_place(&self, ent: Option<u32>) -> bool {
        matches!(self.kind_of(ent), Some("GPE" | "NORP"))
    }

    /// Lower-cased text of a word.
    pub fn low(&self, w: &Word) -> &str {
        &self.lowered[w.lo as usize..w.hi as usize]
    }

    /// Text of words `lo..hi` as in the document.
    pub fn text(&self, lo: usize, hi: usize) -> String {
        self.chars[self.words[lo].start()..self.words[hi - 1].end()]
            .iter()
            .collect()
    }

    /// Word `i` is an acronym in capitals (`WHO`, not the pronoun `who`).
    pub fn is_acronym(&self, i: usize) -> bool {
        let w = &self.words[i];
        w.hi - w.lo > 1 && self.chars[w.start()..w.end()].iter().all(|c| c.is_ascii_uppercase())
    }

    /// Number of words of `a..b` chars that are words (not punctuation).
    pub fn count_words(&self, a: usize, b: usize) -> usize {
        let (lo, hi) = self.words_in(a, b);
        self.words[lo..hi]
            .iter()
            .filter(|w| !matches!(w.kind, super::words::Kind::Punct(_)))
            .count()
    }
}

/// `Redditor doctorkuddles says`, `Reddit user throwaway12, who …`: a lower-case word
/// after a word for a user and before a comma or a cue verb is a handle, a name
/// there and wherever else the document uses it.
fn mark_handles(words: &mut [Word], lowered: &str) {
    let low = |w: &Word| &lowered[w.lo as usize..w.hi as usize];
    let mut handles: Vec<&str> = Vec::new();
    for t in words.windows(3) {
        let (user, w, next) = (&t[0], &t[1], &t[2]);
        let before_cue = || next.is(',') || (next.is_alpha() && is_cue_verb(low(next)));
        // (The cheap tests first: this runs for every word.)
        if user.para == w.para
            && w.is_alpha()
            && !w.cap
            && is_user_noun(low(user))
            && !is_cue_verb(low(w))
            && before_cue()
        {
            handles.push(low(w));
        }
    }
    if handles.is_empty() {
        return;
    }
    for w in words.iter_mut().filter(|w| w.is_alpha() && !w.cap) {
        w.cap = handles.contains(&low(w));
    }
}
