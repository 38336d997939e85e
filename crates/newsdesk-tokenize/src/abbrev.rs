//! Abbreviations that keep their final period, and how they behave at the
//! end of a sentence. The listed ones are a data file, `data/abbreviations.txt`.
use crate::{wordlist, TokenizeError};
use std::collections::HashMap;
use std::sync::LazyLock;

/// How an abbreviation behaves before a capitalized word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Titles and name parts (`Mr.`, `Dr.`, `Gen.`, `St.`, initials `J.`):
    /// the next word belongs to the same sentence.
    Title,
    /// Month names (`Jan.`): usually followed by a day number.
    Month,
    /// Everything else (`Inc.`, `etc.`, `U.S.`, `a.m.`): may end a sentence.
    Other,
}

/// How a listed abbreviation (`data/abbreviations.txt`) behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Listed {
    /// A title or name part: [`AbbrevClass::Title`].
    Title,
    /// A month: [`AbbrevClass::Month`].
    Month,
    /// [`AbbrevClass::Other`] wherever it occurs.
    Other,
    /// An abbreviation only before a number (`No. 5`, `pp. 3`).
    BeforeNumber,
    /// A two-letter dotted place or organisation (`U.S.`), not initials.
    Place,
}

/// Parse the abbreviation list (word, tab, class); errors name the line.
fn parse_list(text: &'static str, origin: &str) -> Result<HashMap<&'static str, Listed>, TokenizeError> {
    wordlist::parse(text, origin, 2, 2)?
        .into_iter()
        .map(|e| {
            let class = match e.fields[1] {
                "title" => Listed::Title,
                "month" => Listed::Month,
                "other" => Listed::Other,
                "before-number" => Listed::BeforeNumber,
                "place" => Listed::Place,
                c => {
                    return Err(TokenizeError::WordList {
                        origin: origin.to_string(),
                        line: e.line,
                        message: format!("unknown abbreviation class {c:?}"),
                    })
                }
            };
            Ok((e.fields[0], class))
        })
        .collect()
}

static LISTED: LazyLock<HashMap<&'static str, Listed>> = LazyLock::new(|| {
    parse_list(include_str!("../data/abbreviations.txt"), "abbreviations.txt")
        .expect("the embedded abbreviation list parses (tested)")
});

fn listed(body: &str) -> Option<Listed> {
    LISTED.get(body).copied()
}

/// Is `s` (a token candidate ending in `.`) an abbreviation that keeps its
/// period? `next` is the first non-space char after the chunk, if any.
pub fn is_abbrev(s: &str, next: Option<char>) -> bool {
    abbrev_class(s, next).is_some()
}

/// Class of the abbreviation `s` (ending in `.`), or `None` if the period
/// is punctuation.
pub fn abbrev_class(s: &str, next: Option<char>) -> Option<AbbrevClass> {
    let body = s.strip_suffix('.')?;
    let b = body.as_bytes();
    if b.is_empty() {
        return None;
    }
    if let Some((left, last)) = body.rsplit_once('-') {
        // `D-Calif.`, `R-N.H.`: a party-and-state tag ends in the abbreviation
        // after its last hyphen
        return (!left.is_empty() && last.len() > 1)
            .then(|| abbrev_class(&s[s.len() - last.len() - 1..], next))
            .flatten()
            .map(|_| AbbrevClass::Other);
    }
    if b.len() == 1 {
        // initials `J.` and list letters `p.`
        let c = b[0];
        return if c.is_ascii_uppercase() {
            Some(AbbrevClass::Title)
        } else if c.is_ascii_lowercase() {
            Some(AbbrevClass::Other)
        } else {
            None
        };
    }
    if body.contains('.') {
        // `U.S`, `e.g`, `Ph.D`, `a.m`, `D.C`: dotted letter groups of 1-3 letters
        let ok = body
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|c| c.is_ascii_alphabetic()));
        if !ok {
            return None;
        }
        let all_single_upper = body
            .split('.')
            .all(|p| p.len() == 1 && p.as_bytes()[0].is_ascii_uppercase());
        // `J.R.` are initials when they are two letters, `U.S.` is a name
        return Some(
            if all_single_upper && body.len() == 3 && listed(body) != Some(Listed::Place) {
                AbbrevClass::Title
            } else {
                AbbrevClass::Other
            },
        );
    }
    if b.len() > 7 {
        return None;
    }
    match listed(body)? {
        Listed::Title => Some(AbbrevClass::Title),
        Listed::Month => Some(AbbrevClass::Month),
        Listed::Other => Some(AbbrevClass::Other),
        Listed::BeforeNumber => next.is_some_and(|c| c.is_ascii_digit()).then_some(AbbrevClass::Other),
        Listed::Place => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_list_parses_and_a_bad_class_names_its_line() {
        assert!(LISTED.len() > 150 && listed("Calif") == Some(Listed::Other) && listed("U.S") == Some(Listed::Place));
        let err = parse_list("Mr\ttitle\nFoo\tverb\n", "a.txt").unwrap_err().to_string();
        assert_eq!(err, "a.txt:2: unknown abbreviation class \"verb\"");
    }

    #[test]
    fn abbreviations() {
        assert_eq!(abbrev_class("Mr.", None), Some(AbbrevClass::Title));
        assert_eq!(abbrev_class("J.", None), Some(AbbrevClass::Title));
        assert_eq!(abbrev_class("U.S.", None), Some(AbbrevClass::Other));
        assert_eq!(abbrev_class("J.R.", None), Some(AbbrevClass::Title));
        assert_eq!(abbrev_class("Jan.", None), Some(AbbrevClass::Month));
        assert_eq!(abbrev_class("Inc.", None), Some(AbbrevClass::Other));
        assert!(is_abbrev("e.g.", None) && is_abbrev("Ph.D.", None) && is_abbrev("a.m.", None));
        assert!(is_abbrev("No.", Some('5')) && !is_abbrev("No.", Some('T')));
        // party-and-state tags: the state's abbreviation keeps the period, and may end a sentence
        assert_eq!(abbrev_class("D-Calif.", None), Some(AbbrevClass::Other));
        assert_eq!(abbrev_class("R-N.H.", None), Some(AbbrevClass::Other));
        assert_eq!(abbrev_class("N.H.", None), Some(AbbrevClass::Other));
        assert!(!is_abbrev("well-fed.", None) && !is_abbrev("D-.", None) && !is_abbrev("-Calif.", None));
        assert!(!is_abbrev("dog.", None) && !is_abbrev("5.", None) && !is_abbrev(".", None));
    }
}
