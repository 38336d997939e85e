//! Span conventions applied to the model's entities, where OntoNotes is
//! consistent and the tagger is not. Each was decided by counting in
//! OntoNotes train (the counts are beside each rule) and kept only when it
//! did not lower OntoNotes dev or news2015 dev.
//!
//! - **Hyphen-glued names**: an EVENT, ORG, LAW, FAC or WORK_OF_ART of two or
//!   more tokens does not begin right after a hyphen glued to a capitalised
//!   word: it takes the whole hyphenated word ("U.S.-EU Summit",
//!   "Franco-German Treaty"). Train: 236 such names run across the hyphen,
//!   4 start after it (all spaced dashes, which the rule does not touch).
//! - **Name + head**: an ORG or GPE right before a one-word, capitalised LAW
//!   or EVENT is part of it ("UN Charter", "Iraq War"). Train: 67 merged
//!   (GPE+EVENT 29, ORG+EVENT 21, GPE+LAW 11, ORG+LAW 6), 0 adjacent.
//! - **Linked tails**: an EVENT or LAW ending in a capitalised word continues
//!   through "of/on/for" (and "the") over a run of capitalised words ("World
//!   Summit on the Information Society"), unless a number-like entity (a
//!   DATE, ...) is there. Train: EVENT 32 through vs 5 stopped, LAW 31 vs 0.
//! - **Amount lists**: a MONEY "A and B" of two amounts is two entities
//!   unless it is a range opened by "between". Train: 13 of 13 lists split,
//!   9 of 9 "between" ranges whole.
//! - **Currency markers**: a number right after a currency symbol glued to it
//!   ("$15/MONTH") or a currency abbreviation ("Rs. 21,700") is MONEY, with
//!   the marker, a hedge before it ("roughly") and a magnitude word after it
//!   inside. Train: 1,511 of 1,525 numbers after a currency symbol are MONEY.
//! - **Bare amounts**: a MONEY entity with no currency symbol, code or noun in
//!   or beside it is a bare number, CARDINAL ("2.67m in length"). Train: 30 of
//!   2,434 MONEY entities have none.
//!
//! The words involved are the data file `data/span_words.txt`.
use crate::tags::Span;
use newsdesk_core::tokenize::{lower, Token};
use newsdesk_core::{wordlist, Entity, EntitySource};
use std::collections::HashMap;
use std::sync::LazyLock;

/// What a word of `span_words.txt` is to the conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Currency,
    Approximate,
    Magnitude,
    Range,
    Link,
    Article,
    CurrencyNoun,
}

const SPAN_WORDS: &str = include_str!("../data/span_words.txt");

static WORDS: LazyLock<HashMap<&'static str, Kind>> =
    LazyLock::new(|| parse_words(SPAN_WORDS).expect("span_words.txt parses (tested)"));

fn parse_words(text: &str) -> Result<HashMap<&str, Kind>, String> {
    let entries = wordlist::parse(text, "span_words.txt", 2, 2).map_err(|e| e.to_string())?;
    entries
        .into_iter()
        .map(|e| {
            let kind = match e.fields[1] {
                "currency" => Kind::Currency,
                "approximate" => Kind::Approximate,
                "magnitude" => Kind::Magnitude,
                "range" => Kind::Range,
                "link" => Kind::Link,
                "article" => Kind::Article,
                "currency_noun" => Kind::CurrencyNoun,
                other => return Err(format!("span_words.txt:{}: unknown kind {other:?}", e.line)),
            };
            Ok((e.fields[0], kind))
        })
        .collect()
}

/// Multiword name types that take a hyphen-glued capitalised prefix.
const HYPHEN_NAMES: &[&str] = &["EVENT", "ORG", "LAW", "FAC", "WORK_OF_ART"];
/// Number-like types: a convention that builds MONEY may replace them, and
/// a linked tail never runs over them.
const NUMERIC: &[&str] = &["DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"];

/// The currency symbols the conventions know.
const CURRENCY_SYMBOLS: [char; 5] = ['$', '£', '€', '¥', '₹'];

/// A currency symbol token: one of [`CURRENCY_SYMBOLS`], or capitals and a symbol (`US$`, `HK$`).
pub(crate) fn is_currency(token: &str) -> bool {
    let mut chars = token.chars();
    chars.next_back().is_some_and(|c| CURRENCY_SYMBOLS.contains(&c)) && chars.all(|c| c.is_ascii_uppercase())
}

/// The tokens of a text, as the conventions walk them.
struct View<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl View<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        WORDS.get(self.word(i)).copied()
    }

    /// The kind of a word written with a capital first letter too ("Between", "About").
    fn lower_kind(&self, i: usize) -> Option<Kind> {
        self.kind(i)
            .or_else(|| WORDS.get(lower(self.word(i)).as_ref()).copied())
    }

    fn capitalised(&self, i: usize) -> bool {
        self.word(i).starts_with(|c: char| c.is_uppercase())
    }

    fn number(&self, i: usize) -> bool {
        self.word(i).starts_with(|c: char| c.is_ascii_digit())
    }

    /// Token `i` and `i + 1` with no whitespace between them.
    fn glued(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.ws_end == t.end && i + 1 < self.tokens.len()
    }

    /// The next content token on the same line, unless debris comes first.
    fn next(&self, i: usize) -> Option<usize> {
        if self.tokens[i].whitespace(self.text).contains('\n') {
            return None;
        }
        let j = i + 1;
        (j < self.tokens.len() && self.tokens[j].is_content()).then_some(j)
    }

    /// The previous content token on the same line.
    fn prev(&self, i: usize) -> Option<usize> {
        let p = i.checked_sub(1)?;
        (self.tokens[p].is_content() && self.next(p) == Some(i)).then_some(p)
    }
}

/// Apply the conventions to the entities found in `tokens` of `text`
/// (token indexes into `tokens`; entities sorted, not overlapping). Char
/// offsets are recomputed; a merged entity keeps the lower score.
pub(crate) fn apply(text: &str, tokens: &[Token], ents: &mut Vec<Entity>) {
    let v = View { text, tokens };
    split_amount_lists(&v, ents);
    currency_markers(&v, ents);
    bare_amounts(&v, ents);
    let mut k = 0;
    while k < ents.len() {
        let changed = hyphen_prefix(&v, ents, k) || name_and_head(&v, ents, k) || linked_tail(&v, ents, k);
        if !changed {
            k += 1;
        }
    }
}

/// [`apply`] to spans of gold-tokenized text with their margins (for evaluation).
pub(crate) fn apply_spans(text: &str, tokens: &[Token], spans: Vec<(Span, f32)>) -> Vec<(Span, f32)> {
    let mut ents: Vec<Entity> = spans
        .into_iter()
        .map(|(s, margin)| Entity {
            start: s.start as u32,
            end: s.end as u32,
            start_char: tokens[s.start].char_start,
            end_char: tokens[s.end - 1].char_end,
            label: s.label,
            score: margin,
            source: EntitySource::Model,
        })
        .collect();
    ents.sort_by_key(|e| e.start);
    apply(text, tokens, &mut ents);
    ents.into_iter()
        .map(|e| {
            let span = Span {
                start: e.start as usize,
                end: e.end as usize,
                label: e.label,
            };
            (span, e.score)
        })
        .collect()
}

/// Replace the entities overlapping `start..end` by one `label` entity there,
/// if `may_replace` accepts each of them; returns whether it did.
fn absorb(
    v: &View,
    ents: &mut Vec<Entity>,
    (start, end): (usize, usize),
    label: &str,
    may_replace: impl Fn(&Entity) -> bool,
) -> bool {
    let overlapping = |e: &Entity| (e.start as usize) < end && start < e.end as usize;
    if !ents.iter().filter(|e| overlapping(e)).all(may_replace) {
        return false;
    }
    let score = ents
        .iter()
        .filter(|e| overlapping(e))
        .map(|e| e.score)
        .fold(f32::INFINITY, f32::min);
    // An entity made from nothing (a bare amount after a currency marker) is certain.
    let score = if score.is_finite() { score } else { 1.0 };
    let source = ents
        .iter()
        .find(|e| overlapping(e))
        .map(|e| e.source)
        .unwrap_or(EntitySource::Model);
    ents.retain(|e| !overlapping(e));
    let at = ents.partition_point(|e| (e.start as usize) < start);
    ents.insert(
        at,
        Entity {
            start: start as u32,
            end: end as u32,
            start_char: v.tokens[start].char_start,
            end_char: v.tokens[end - 1].char_end,
            label: label.to_string(),
            score,
            source,
        },
    );
    true
}

fn within(start: usize, end: usize) -> impl Fn(&Entity) -> bool {
    move |e| start <= e.start as usize && e.end as usize <= end
}

/// "U.S.-EU Summit": extend a multiword name over a hyphen-glued capitalised prefix.
fn hyphen_prefix(v: &View, ents: &mut Vec<Entity>, k: usize) -> bool {
    let e = &ents[k];
    let (start, end) = (e.start as usize, e.end as usize);
    if !HYPHEN_NAMES.contains(&e.label.as_str()) || end - start < 2 || start < 2 {
        return false;
    }
    let hyphen = start - 1;
    if v.word(hyphen) != "-" || !v.glued(hyphen) || !v.glued(hyphen - 1) || !v.capitalised(hyphen - 1) {
        return false;
    }
    // Walk left over the rest of the glued word ("Asia-Pacific-EU ...").
    let mut from = hyphen - 1;
    while from > 0
        && v.tokens[from - 1].is_content()
        && v.glued(from - 1)
        && (v.word(from - 1) == "-" || v.word(from - 1).starts_with(char::is_alphanumeric))
    {
        from -= 1;
    }
    if !(v.capitalised(from) || v.number(from)) {
        return false;
    }
    let label = e.label.clone();
    absorb(v, ents, (from, end), &label, within(from, end))
}

/// "UN Charter": an ORG or GPE right before a one-word LAW or EVENT joins it.
fn name_and_head(v: &View, ents: &mut Vec<Entity>, k: usize) -> bool {
    let Some(head) = ents.get(k + 1) else {
        return false;
    };
    let e = &ents[k];
    let (start, end) = (e.start as usize, head.end as usize);
    let joins = matches!(e.label.as_str(), "ORG" | "GPE")
        && matches!(head.label.as_str(), "LAW" | "EVENT")
        && head.end - head.start == 1
        && v.next(e.end as usize - 1) == Some(head.start as usize)
        && v.capitalised(head.start as usize);
    if !joins {
        return false;
    }
    let label = head.label.clone();
    absorb(v, ents, (start, end), &label, within(start, end))
}

/// "World Summit on the Information Society": an EVENT or LAW continues
/// through a link word over a run of capitalised words.
fn linked_tail(v: &View, ents: &mut Vec<Entity>, k: usize) -> bool {
    let e = &ents[k];
    let (start, end) = (e.start as usize, e.end as usize);
    if !matches!(e.label.as_str(), "EVENT" | "LAW") || !v.capitalised(end - 1) {
        return false;
    }
    let Some(link) = v.next(end - 1).filter(|&j| v.kind(j) == Some(Kind::Link)) else {
        return false;
    };
    let mut at = v.next(link);
    if let Some(the) = at.filter(|&j| v.kind(j) == Some(Kind::Article)) {
        at = v.next(the);
    }
    let mut tail_end = None;
    while let Some(j) = at.filter(|&j| v.capitalised(j)) {
        tail_end = Some(j + 1);
        at = v.next(j);
    }
    let Some(tail_end) = tail_end else {
        return false;
    };
    let label = e.label.clone();
    absorb(v, ents, (start, tail_end), &label, |o| {
        within(start, tail_end)(o) && !NUMERIC.contains(&o.label.as_str())
    })
}

/// "$5,000 and $500, respectively": two amounts, unless "between" opens a range.
fn split_amount_lists(v: &View, ents: &mut Vec<Entity>) {
    let mut k = 0;
    while k < ents.len() {
        let e = &ents[k];
        let (start, end) = (e.start as usize, e.end as usize);
        let has_number = |a: usize, b: usize| (a..b).any(|i| v.number(i));
        let range = v.lower_kind(start) == Some(Kind::Range)
            || v.prev(start).is_some_and(|p| v.lower_kind(p) == Some(Kind::Range));
        let and = (start + 1..end.saturating_sub(1)).find(|&i| v.word(i) == "and");
        match and {
            Some(a) if e.label == "MONEY" && !range && has_number(start, a) && has_number(a + 1, end) => {
                let mut second = e.clone();
                let first = &mut ents[k];
                first.end = a as u32;
                first.end_char = v.tokens[a - 1].char_end;
                second.start = a as u32 + 1;
                second.start_char = v.tokens[a + 1].char_start;
                ents.insert(k + 1, second);
                k += 2;
            }
            _ => k += 1,
        }
    }
}

/// "$15/MONTH", "roughly Rs. 21,700": the number after a currency marker is MONEY.
fn currency_markers(v: &View, ents: &mut Vec<Entity>) {
    for i in 0..v.tokens.len() {
        let num = if is_currency(v.word(i)) && v.glued(i) {
            Some(i + 1).filter(|&j| v.tokens[j].is_content())
        } else if v.kind(i) == Some(Kind::Currency) {
            // "Rs. 21,700": the tokenizer splits the abbreviation's full stop off.
            v.next(i).and_then(|j| {
                if v.word(j) == "." && v.glued(i) {
                    v.next(j)
                } else {
                    Some(j)
                }
            })
        } else {
            None
        };
        let Some(num) = num.filter(|&j| v.number(j)) else {
            continue;
        };
        let covering = ents
            .iter()
            .position(|e| e.start as usize <= num && num < e.end as usize);
        match covering {
            Some(c) if ents[c].label == "MONEY" => {
                let e = &mut ents[c];
                if e.start as usize > i {
                    e.start = i as u32;
                    e.start_char = v.tokens[i].char_start;
                }
            }
            _ => {
                let start = v
                    .prev(i)
                    .filter(|&p| v.lower_kind(p) == Some(Kind::Approximate))
                    .unwrap_or(i);
                let mut end = num + 1;
                while let Some(m) = v.next(end - 1).filter(|&m| v.kind(m) == Some(Kind::Magnitude)) {
                    end = m + 1;
                }
                absorb(v, ents, (start, end), "MONEY", |o| NUMERIC.contains(&o.label.as_str()));
            }
        }
    }
}

/// "2.67m in length": a MONEY entity with no currency in or beside it is a bare number.
fn bare_amounts(v: &View, ents: &mut [Entity]) {
    let marker = |i: usize| {
        let w = v.word(i);
        w == "#" || w.contains(CURRENCY_SYMBOLS) || matches!(v.lower_kind(i), Some(Kind::Currency | Kind::CurrencyNoun))
    };
    for e in ents.iter_mut().filter(|e| e.label == "MONEY") {
        let (start, end) = (e.start as usize, e.end as usize);
        let before = v.prev(start);
        let after = v.next(end - 1);
        if !(start..end).chain(before).chain(after).any(marker) {
            e.label = "CARDINAL".to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_core::tokenize::Tokenizer;

    #[test]
    fn span_words_parse() {
        let words = parse_words(SPAN_WORDS).unwrap();
        assert_eq!(words.get("Rs"), Some(&Kind::Currency));
        assert_eq!(words.get("on"), Some(&Kind::Link));
        let bad = parse_words("x\tnoun\n").unwrap_err();
        assert!(bad.contains("span_words.txt:1: unknown kind"), "{bad}");
    }

    #[test]
    fn currency_symbols() {
        for t in ["$", "£", "€", "US$", "HK$"] {
            assert!(is_currency(t), "{t}");
        }
        for t in ["", "S", "us$", "$5", "#"] {
            assert!(!is_currency(t), "{t}");
        }
    }

    /// Apply the conventions to `text` with entities given as (first word, last word, label)
    /// by their exact texts; returns the resulting (text, label) pairs.
    fn run(text: &str, given: &[(&str, &str)]) -> Vec<(String, String)> {
        let tokens = Tokenizer::default().tokenize(text);
        let mut ents = Vec::new();
        for (span, label) in given {
            let byte = text.find(span).expect("span in text");
            let start = tokens
                .iter()
                .position(|t| t.start as usize == byte)
                .expect("span starts a token");
            let end = 1 + tokens
                .iter()
                .position(|t| t.end as usize == byte + span.len())
                .expect("span ends a token");
            let n = end - start;
            ents.push(Entity {
                start: start as u32,
                end: (start + n) as u32,
                start_char: tokens[start].char_start,
                end_char: tokens[start + n - 1].char_end,
                label: label.to_string(),
                score: 0.9,
                source: EntitySource::Model,
            });
        }
        ents.sort_by_key(|e| e.start);
        apply(text, &tokens, &mut ents);
        ents.iter()
            .map(|e| {
                let chars: String = text
                    .chars()
                    .skip(e.start_char as usize)
                    .take((e.end_char - e.start_char) as usize)
                    .collect();
                (chars, e.label.clone())
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    fn becomes(text: &str, given: &[(&str, &str)], want: &[(&str, &str)]) {
        assert_eq!(run(text, given), pairs(want), "{text}");
    }

    fn unchanged(text: &str, given: &[(&str, &str)]) {
        assert_eq!(run(text, given), pairs(given), "{text}");
    }

    #[test]
    fn hyphen_glued_prefix_joins_a_multiword_name() {
        becomes(
            "They met at a U.S.-EU Summit in May.",
            &[("U.S.", "GPE"), ("EU Summit", "EVENT")],
            &[("U.S.-EU Summit", "EVENT")],
        );
        becomes(
            "the U.S.-China Business Council",
            &[("China Business Council", "ORG")],
            &[("U.S.-China Business Council", "ORG")],
        );
        becomes(
            "the Franco-German Friendship Treaty",
            &[("German Friendship Treaty", "LAW")],
            &[("Franco-German Friendship Treaty", "LAW")],
        );
        // Not for one-word names, spaced dashes or other types (the tokenizer keeps
        // words with a lowercase piece before the hyphen whole: "anti-EU").
        unchanged("the U.S.-EU talks", &[("EU", "ORG")]);
        unchanged("Riyadh - Saudi News Agency", &[("Saudi News Agency", "ORG")]);
        unchanged("the Sino-Japanese people", &[("Japanese people", "NORP")]);
    }

    #[test]
    fn name_before_a_one_word_law_or_event_joins_it() {
        becomes(
            "under the UN Charter, which",
            &[("UN", "ORG"), ("Charter", "LAW")],
            &[("UN Charter", "LAW")],
        );
        becomes(
            "after the Iraq War ended",
            &[("Iraq", "GPE"), ("War", "EVENT")],
            &[("Iraq War", "EVENT")],
        );
        // Not across punctuation, nor for a NORP or a longer head.
        unchanged("the UN, Charter", &[("UN", "ORG"), ("Charter", "LAW")]);
        unchanged(
            "the Chinese Revolution",
            &[("Chinese", "NORP"), ("Revolution", "EVENT")],
        );
        unchanged(
            "the UN Human Rights Charter",
            &[("UN", "ORG"), ("Human Rights Charter", "LAW")],
        );
    }

    #[test]
    fn event_or_law_continues_through_a_link() {
        becomes(
            "revisit the World Summit on the Information Society, a conference",
            &[("World Summit", "EVENT"), ("the Information Society", "ORG")],
            &[("World Summit on the Information Society", "EVENT")],
        );
        becomes(
            "the Convention for Human Rights.",
            &[("Convention", "LAW")],
            &[("Convention for Human Rights", "LAW")],
        );
        // Not over a date, not for an ORG, not into lowercase words.
        unchanged(
            "the Berlin Marathon on Monday May 4",
            &[("Berlin Marathon", "EVENT"), ("Monday May 4", "DATE")],
        );
        unchanged("the Red Cross of Geneva", &[("Red Cross", "ORG"), ("Geneva", "GPE")]);
        unchanged("the Iraq War on terror", &[("Iraq War", "EVENT")]);
    }

    #[test]
    fn amount_lists_split_but_ranges_stay_whole() {
        becomes(
            "cost $5,000 and $500, respectively.",
            &[("$5,000 and $500", "MONEY")],
            &[("$5,000", "MONEY"), ("$500", "MONEY")],
        );
        unchanged(
            "sold between $4,000 and $5,000 each",
            &[("between $4,000 and $5,000", "MONEY")],
        );
        unchanged("sold between $4,000 and $5,000 each", &[("$4,000 and $5,000", "MONEY")]);
        unchanged("Smith and Wesson 5", &[("Smith and Wesson", "ORG")]);
    }

    #[test]
    fn numbers_after_currency_markers_are_money() {
        becomes(
            "the $350 (roughly Rs. 21,700) tag",
            &[("$350", "MONEY"), ("21,700", "CARDINAL")],
            &[("$350", "MONEY"), ("roughly Rs. 21,700", "MONEY")],
        );
        becomes("$15/MONTH WOULD MAKE", &[("15/MONTH", "DATE")], &[("$15", "MONEY")]);
        becomes("a USD 5 million loan", &[], &[("USD 5 million", "MONEY")]);
        becomes(
            "a USD 5 million loan",
            &[("5 million", "MONEY")],
            &[("USD 5 million", "MONEY")],
        );
        // A name over the number is left alone; "$" spaced from a number is the model's call.
        unchanged("USD 11 Group", &[("11 Group", "ORG")]);
        unchanged("costs $ 20 now", &[]);
    }

    #[test]
    fn money_needs_a_currency() {
        becomes(
            "a catfish 2.67m in length",
            &[("2.67m", "MONEY")],
            &[("2.67m", "CARDINAL")],
        );
        unchanged("it cost £2.67m last year", &[("£2.67m", "MONEY")]);
        unchanged("it cost 5 billion yuan", &[("5 billion yuan", "MONEY")]);
        unchanged("it cost 5 billion Yuan", &[("5 billion", "MONEY")]);
        unchanged("into the thousands of dollars", &[("thousands of dollars", "MONEY")]);
    }
}
