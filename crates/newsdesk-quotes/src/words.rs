//! A light word view of a document for attribution: char offsets, case,
//! paragraph numbers and entity membership.
//!
//! Attribution needs words as a reader sees them (`Col.`, `al-Adnani`,
//! `Warren's`, `D.C.`) regardless of how finely the tokenizer splits, so the
//! words are lexed here from the document's chars, with debris tokens blanked
//! (the tokenizer splits `Warren's` and `al-Adnani`, and its tokens are not
//! aligned with the names attribution matches); abbreviations are the
//! tokenizer's.
use newsdesk_core::tokenize::{is_abbrev, is_invisible, TokenKind};
use newsdesk_core::Doc;

/// What a word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Alpha,
    Num,
    Punct(char),
}

/// One word: `start()..end()` in chars of the document text. Offsets are
/// `u32` (as everywhere in a `Doc`), which keeps a word at 36 bytes: a long
/// document has one per five bytes of text.
#[derive(Clone, Debug)]
pub struct Word {
    start: u32,
    end: u32,
    pub kind: Kind,
    /// The lower-cased text is `lowered[lo..hi]` of the string [`lex`] returns.
    pub lo: u32,
    pub hi: u32,
    /// Starts with an upper-case letter, or is a handle (`@redletter`).
    pub cap: bool,
    /// Paragraph number (a newline after text starts the next; blank lines do not count).
    pub para: u32,
    /// Index into `Doc::ents` of a PERSON/ORG/GPE/NORP entity covering the word.
    pub ent: Option<u32>,
}

impl Word {
    /// First char of the word.
    pub fn start(&self) -> usize {
        self.start as usize
    }
    /// Char just past the word.
    pub fn end(&self) -> usize {
        self.end as usize
    }
    pub fn is(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub fn is_alpha(&self) -> bool {
        self.kind == Kind::Alpha
    }
    /// A double quotation mark of any style.
    pub fn is_quote_mark(&self) -> bool {
        matches!(self.kind, Kind::Punct('"' | '“' | '”' | '„' | '«' | '»'))
    }
    /// Sentence-final punctuation.
    pub fn is_terminator(&self) -> bool {
        matches!(self.kind, Kind::Punct('.' | '!' | '?'))
    }
}

/// The document's chars, with debris tokens blanked to spaces; invisible
/// chars inside a word (`Lady\u{AD}Amanita`) stay, and [`lex`] keeps the word whole.
pub fn clean_chars(doc: &Doc) -> Vec<char> {
    let mut chars: Vec<char> = doc.text.chars().collect();
    for t in doc.tokens.iter().filter(|t| t.kind == TokenKind::Debris) {
        let (start, end) = (t.char_start as usize, (t.char_end as usize).min(chars.len()));
        let inside_word = start > 0
            && chars[start - 1].is_alphanumeric()
            && chars.get(end).is_some_and(|c| c.is_alphanumeric())
            && chars[start..end].iter().all(|&c| is_invisible(c));
        if inside_word {
            continue;
        }
        for c in &mut chars[start..end] {
            *c = ' ';
        }
    }
    chars
}

/// Split `chars` into words and punctuation, numbering paragraphs; also
/// returns the words' lower-cased texts, concatenated.
pub fn lex(chars: &[char]) -> (Vec<Word>, String) {
    let mut words = Vec::with_capacity(chars.len() / 5);
    let mut lowered = String::with_capacity(chars.len());
    let mut para = 0u32;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            if c == '\n' && words.last().is_some_and(|w: &Word| w.para == para) {
                para += 1;
            }
            i += 1;
            continue;
        }
        let start = i;
        let lo = lowered.len() as u32;
        // `@redletter tweeted`: a social-media handle is a name, `@` included
        let handle = c == '@'
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
            && !(i > 0 && chars[i - 1].is_alphanumeric());
        let kind = if c.is_alphanumeric() || handle {
            i += 1;
            while i < chars.len() {
                let d = chars[i];
                let joins = (matches!(d, '-' | '\'' | '’' | '.' | '&' | '_') || is_invisible(d))
                    && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                if d.is_alphanumeric() || joins {
                    i += 1;
                } else {
                    break;
                }
            }
            push_lower(&mut lowered, &chars[start..i]);
            let body = &lowered[lo as usize..];
            let initial = i - start == 1 && c.is_uppercase();
            if chars.get(i) == Some(&'.') && (body.contains('.') || initial || is_abbreviation(&chars[start..=i])) {
                lowered.push('.');
                i += 1;
            }
            if chars[start..i].iter().all(|c| !c.is_alphabetic()) {
                Kind::Num
            } else {
                Kind::Alpha
            }
        } else {
            i += 1;
            push_lower(&mut lowered, &chars[start..i]);
            Kind::Punct(c)
        };
        let hi = lowered.len() as u32;
        words.push(Word {
            start: start as u32,
            end: i as u32,
            kind,
            lo,
            hi,
            cap: c.is_uppercase() || handle,
            para,
            ent: None,
        });
    }
    (words, lowered)
}

/// `word.` keeps its period (`Col.`, `Inc.`): the tokenizer's abbreviations
/// (single letters are initials when upper case, else sentence ends).
fn is_abbreviation(with_period: &[char]) -> bool {
    (3..=8).contains(&with_period.len()) && is_abbrev(&with_period.iter().collect::<String>(), None)
}

/// Append the lower case of `chars` (ASCII fast path), invisible chars left out.
fn push_lower(out: &mut String, chars: &[char]) {
    for &c in chars {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if !is_invisible(c) {
            out.extend(c.to_lowercase());
        }
    }
}

/// Mark words covered by PERSON/ORG/GPE/NORP entities of `doc` (`chars`: its
/// chars). A word a place or nationality opens, up to a hyphen, is that
/// place's (`Canadian-Israeli`, `Iraqi-born`: a description, not a name's first
/// word).
pub fn attach_entities(doc: &Doc, chars: &[char], words: &mut [Word]) {
    let mut w = 0;
    let mut ents: Vec<(usize, &newsdesk_core::Entity)> = doc
        .ents
        .iter()
        .enumerate()
        .filter(|(_, e)| entity_kind(&e.label).is_some())
        .collect();
    ents.sort_by_key(|(_, e)| e.start_char);
    for (idx, e) in ents {
        while w < words.len() && words[w].end <= e.start_char {
            w += 1;
        }
        let mut k = w;
        while k < words.len() && words[k].start < e.end_char {
            let placed_compound = || {
                words[k].start == e.start_char
                    && matches!(entity_kind(&e.label), Some("GPE" | "NORP"))
                    && chars.get(e.end_char as usize) == Some(&'-')
            };
            if words[k].start >= e.start_char && (words[k].end <= e.end_char.saturating_add(2) || placed_compound()) {
                words[k].ent = Some(idx as u32);
            }
            k += 1;
        }
    }
}

/// The kind of a speaker-like entity label, OntoNotes or CoNLL style
/// (`PER` → `PERSON`, `LOC` → `GPE`, `MISC` → `NORP`); `None` for other labels.
pub fn entity_kind(label: &str) -> Option<&'static str> {
    match label {
        "PERSON" | "PER" => Some("PERSON"),
        "ORG" => Some("ORG"),
        "GPE" | "LOC" | "FAC" => Some("GPE"),
        "NORP" | "MISC" => Some("NORP"),
        _ => None,
    }
}

/// An indefinite article or its like before a noun phrase (`a`, `an`, `another`, `one`):
/// the phrase names someone not named before.
pub fn is_indefinite(lower: &str) -> bool {
    matches!(lower, "a" | "an" | "another" | "one")
}

/// A lower-case word ending in a possessive `'s` (`mirror's`, `putin’s`).
pub fn is_possessive(lower: &str) -> bool {
    lower.ends_with("'s") || lower.ends_with("’s")
}

/// A lower-case contraction of a pronoun or verb (`we’re`, `i'm`, `they'll`, `don't`).
pub fn is_contraction(lower: &str) -> bool {
    lower.rsplit_once(['\'', '’']).is_some_and(|(head, tail)| {
        !head.is_empty() && (matches!(tail, "re" | "ve" | "ll" | "m") || (tail == "t" && head.ends_with('n')))
    })
}

/// Normalised form of a name word for matching: lower case, no possessive, no `al-`.
pub fn norm(lower: &str) -> &str {
    let w = lower
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_end_matches(['\'', '’', '.']);
    w.strip_prefix("al-").or_else(|| w.strip_prefix("el-")).unwrap_or(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        lex(&chars)
            .0
            .iter()
            .map(|w| chars[w.start()..w.end()].iter().collect())
            .collect()
    }

    #[test]
    fn keeps_names_and_abbreviations_whole() {
        assert_eq!(
            texts("said Col. Steve Warren's al-Adnani in D.C., U.S.-EU."),
            [
                "said",
                "Col.",
                "Steve",
                "Warren's",
                "al-Adnani",
                "in",
                "D.C.",
                ",",
                "U.S.",
                "-",
                "EU",
                "."
            ]
        );
    }

    #[test]
    fn a_handle_is_one_capitalised_word_and_an_e_mail_address_is_not_a_handle() {
        assert_eq!(
            texts("@phil_quinn1 wrote to jo@example.com"),
            ["@phil_quinn1", "wrote", "to", "jo", "@", "example.com"]
        );
        let chars: Vec<char> = "@redletter @".chars().collect();
        let (w, _) = lex(&chars);
        assert!(w[0].cap && w[0].is_alpha() && w[1].is('@'));
    }

    #[test]
    fn an_invisible_char_inside_a_word_keeps_it_whole() {
        let chars: Vec<char> = "Lady\u{AD}Amanita said".chars().collect();
        let (w, lowered) = lex(&chars);
        assert_eq!(w.len(), 2);
        assert_eq!(
            chars[w[0].start()..w[0].end()].iter().collect::<String>(),
            "Lady\u{AD}Amanita"
        );
        assert_eq!(&lowered[w[0].lo as usize..w[0].hi as usize], "ladyamanita");
    }

    #[test]
    fn contractions_are_told_from_names_and_possessives() {
        for w in ["we’re", "i'm", "they'll", "we've", "don't", "can’t"] {
            assert!(is_contraction(w), "{w}");
        }
        for w in ["o'brien", "d'angelo", "obama's", "'re", "ain"] {
            assert!(!is_contraction(w), "{w}");
        }
    }

    #[test]
    fn a_word_stays_small() {
        // One word per ~5 bytes of a document: this size is most of the
        // quotes stage's memory on long documents.
        assert!(std::mem::size_of::<Word>() <= 36, "{}", std::mem::size_of::<Word>());
    }

    #[test]
    fn numbers_paragraphs_and_normalises() {
        let chars: Vec<char> = "A b.\n\nC".chars().collect();
        let (w, _) = lex(&chars);
        assert_eq!(w.iter().map(|w| w.para).collect::<Vec<_>>(), [0, 0, 0, 1]);
        assert_eq!(norm("al-adnani’s"), "adnani");
        assert_eq!(norm("warren's"), "warren");
    }
}
