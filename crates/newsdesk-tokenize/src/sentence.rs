//! Sentence segmentation over tokens: terminal punctuation followed by a
//! likely sentence start, with closing quotes and brackets kept in the
//! sentence they close; abbreviations and initials; ellipses; paragraph
//! breaks always, single line breaks when the next line starts a new unit.
use crate::abbrev::{abbrev_class, AbbrevClass};
use crate::kind::is_emoticon;
use crate::token::*;
use crate::wordlist;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::LazyLock;

/// A sentence: the token range `start..end` (token indexes, end exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: u32,
    pub end: u32,
}

/// Splits a token sequence into sentences. Every token (including leading
/// space and debris) belongs to exactly one sentence; sentences are in order
/// and cover all tokens.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SentenceSplitter {}

/// What a token is, for sentence splitting.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    /// `.` or a run of `.!?` ending in `.` or `?`/`!`.
    Terminal,
    /// `...`, `…`: ends a sentence only before a clear sentence start.
    Ellipsis,
    /// An abbreviation with its period.
    Abbrev(AbbrevClass),
    /// Closing quote or bracket.
    Closer,
    /// `:)`, `:-(`: stays with the sentence before, may end one.
    Emoticon,
    /// Anything else.
    Other,
}

impl SentenceSplitter {
    /// Split `tokens` (of `text`) into sentences.
    pub fn split(&self, text: &str, tokens: &[Token]) -> Vec<Sentence> {
        let mut out = Vec::with_capacity(tokens.len() / 16 + 1);
        let mut start = 0usize;
        let mut i = 0usize;
        let mut quotes = 0u32; // straight double quotes seen in the sentence
        while i < tokens.len() {
            let t = &tokens[i];
            let s = t.text(text);
            if s == "\"" {
                quotes += 1;
            }
            let role = role(t, s);
            let mut end = i + 1; // candidate sentence end (exclusive)
            let mut brk = false;
            if t.has(FLAG_PARAGRAPH_AFTER) {
                brk = true;
            } else if matches!(role, Role::Terminal | Role::Ellipsis | Role::Abbrev(_) | Role::Emoticon) {
                // keep closing quotes/brackets (and further terminals) with this sentence
                while end < tokens.len() && !tokens[end - 1].has(FLAG_PARAGRAPH_AFTER) {
                    let n = &tokens[end];
                    let ns = n.text(text);
                    let attached = tokens[end - 1].end == tokens[end - 1].ws_end;
                    let closes = match role_of_text(n, ns) {
                        Role::Closer => attached || ns != "\"" && ns != "'" || ns == "\"" && quotes % 2 == 1,
                        Role::Emoticon => true,
                        // `!?`, and spaced ellipses `. . .`
                        // `!?`, and spaced ellipses `. . .`
                        Role::Terminal | Role::Ellipsis => attached || ns == ".",
                        _ => false,
                    };
                    if !closes {
                        break;
                    }
                    if ns == "\"" {
                        quotes += 1;
                    }
                    end += 1;
                }
                let last = &tokens[end - 1];
                // `(… Ave.)`: a bracket closed after an abbreviation ends the sentence like a full stop
                let role = match role {
                    Role::Abbrev(AbbrevClass::Other) if end > i + 1 => Role::Terminal,
                    r => r,
                };
                // `“Why not?” she asked.`: a quotation ending in ?/! continues in lower case
                let quote_continues = last.has(FLAG_QUOTE)
                    && next_content(text, &tokens[end..])
                        .is_some_and(|(w, t)| t.kind == TokenKind::Word && w.starts_with(char::is_lowercase));
                brk = last.has(FLAG_PARAGRAPH_AFTER)
                    || end == tokens.len()
                    || if last.ws_end > last.end {
                        !quote_continues && ends_sentence(role, text, &tokens[end..])
                    } else {
                        // `quality.You'll`: a missing space before a capitalized word
                        !matches!(role, Role::Abbrev(_)) && starts_capitalized_word(text, &tokens[end])
                    };
            } else if t.has(FLAG_NEWLINE_AFTER) {
                brk = line_break_ends_sentence(s, text, &tokens[end..]);
            } else if matches!(s, "," | "-" | "--" | "—") && t.ws_end > t.end {
                brk = ends_heading(s, text, &tokens[start..i], &tokens[end..]);
            }
            if brk {
                out.push(Sentence {
                    start: start as u32,
                    end: end as u32,
                });
                start = end;
                quotes = 0;
            }
            i = end;
        }
        if start < tokens.len() {
            match out.last_mut() {
                // trailing debris or space joins the last sentence
                Some(last) if tokens[start..].iter().all(|t| !t.is_content()) => last.end = tokens.len() as u32,
                _ => out.push(Sentence {
                    start: start as u32,
                    end: tokens.len() as u32,
                }),
            }
        }
        out
    }
}

fn role(t: &Token, s: &str) -> Role {
    match t.kind {
        TokenKind::Word if s.len() > 1 && s.ends_with('.') => match abbrev_class(s, None) {
            Some(c) => Role::Abbrev(c),
            None => Role::Other,
        },
        _ => role_of_text(t, s),
    }
}

fn role_of_text(t: &Token, s: &str) -> Role {
    if t.kind == TokenKind::Symbol && is_emoticon(s) {
        return Role::Emoticon;
    }
    if t.kind != TokenKind::Punct {
        return Role::Other;
    }
    let b = s.as_bytes();
    if s == "…" || b.len() >= 2 && b.iter().all(|&c| c == b'.') {
        return Role::Ellipsis;
    }
    if b.iter().all(|&c| matches!(c, b'.' | b'!' | b'?')) {
        return Role::Terminal;
    }
    if matches!(s, "\"" | "'" | "”" | "’" | "»" | "›" | ")" | "]" | "}" | "''") {
        return Role::Closer;
    }
    Role::Other
}

/// First content token of `rest`.
fn next_content<'a, 'b>(text: &'a str, rest: &'b [Token]) -> Option<(&'a str, &'b Token)> {
    rest.iter().find(|t| t.is_content()).map(|t| (t.text(text), t))
}

/// Does the text after a terminal look like the start of a new sentence?
fn ends_sentence(role: Role, text: &str, rest: &[Token]) -> bool {
    let Some((next, _)) = next_content(text, rest) else {
        return true;
    };
    let first = next.chars().next().unwrap_or(' ');
    let starts_upper = first.is_uppercase();
    let opener = matches!(
        next,
        "\"" | "“" | "‘" | "'" | "(" | "[" | "``" | "-" | "--" | "—" | "*" | "•"
    );
    match role {
        Role::Terminal => true,
        Role::Ellipsis | Role::Emoticon => starts_upper && !next.ends_with('.') || opener,
        Role::Abbrev(AbbrevClass::Other) => starts_upper && is_sentence_starter(next) || opener && next != "(",
        Role::Abbrev(_) => false,
        Role::Closer | Role::Other => false,
    }
}

/// Greetings, sign-offs and datelines end a sentence at a comma or dash
/// before a capitalized word: `Regards, Debra`, `Hi John, Thanks …`,
/// `TEHRAN (AFP) - An …`, `Vince - Thanks …`.
fn ends_heading(sep: &str, text: &str, before: &[Token], rest: &[Token]) -> bool {
    if !rest
        .first()
        .is_some_and(|t| starts_capitalized_word(text, t) || t.has(FLAG_UPPER))
    {
        return false;
    }
    let words = || before.iter().filter(|t| t.is_content()).map(|t| t.text(text));
    let n = words().count();
    if n == 0 || n > 5 {
        return false;
    }
    if sep == "," {
        let first = words().next().unwrap_or("");
        return n <= 3 && !words().any(|w| w == ",") && is_sign_off(first);
    }
    // a dash after a short run of capitalized words (and brackets): a dateline or address
    words().all(|w| w.starts_with(char::is_uppercase) || matches!(w, "(" | ")" | "," | "and" | "&"))
}

/// Is `t` a word of two or more letters starting with a capital (`You`)?
fn starts_capitalized_word(text: &str, t: &Token) -> bool {
    let mut c = t.text(text).chars();
    t.kind == TokenKind::Word && c.next().is_some_and(char::is_uppercase) && c.next().is_some_and(char::is_lowercase)
}

/// A single line break ends a sentence unless the line is obviously
/// continued (it ends in a comma, hyphen, conjunction, or the next line
/// starts in lower case).
fn line_break_ends_sentence(last: &str, text: &str, rest: &[Token]) -> bool {
    let Some((next, _)) = next_content(text, rest) else {
        return true;
    };
    if next.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    !matches!(
        last,
        "," | "-" | "(" | "&" | "and" | "or" | "of" | "the" | "a" | "an" | "to" | "in" | "for" | "with" | "by" | "on"
    )
}

/// Capitalized words that usually start a sentence (after an abbreviation
/// such as `U.S.` or `Inc.`, a capitalized name does not end the sentence):
/// `data/sentence_starters.txt`.
fn is_sentence_starter(w: &str) -> bool {
    static STARTERS: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| embedded_words(include_str!("../data/sentence_starters.txt"), "sentence_starters.txt"));
    STARTERS.contains(w)
}

/// First words of a greeting or sign-off line (`Regards,`): `data/sign_offs.txt`.
fn is_sign_off(w: &str) -> bool {
    static SIGN_OFFS: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| embedded_words(include_str!("../data/sign_offs.txt"), "sign_offs.txt"));
    SIGN_OFFS.contains(w)
}

fn embedded_words(text: &'static str, origin: &str) -> HashSet<&'static str> {
    wordlist::words(text, origin)
        .expect("the embedded word lists parse (tested)")
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_load() {
        assert!(is_sentence_starter("However") && !is_sentence_starter("however") && !is_sentence_starter("Obama"));
        assert!(is_sign_off("Regards") && !is_sign_off("Reuters"));
    }
    use crate::Tokenizer;

    fn sents(text: &str) -> Vec<String> {
        let toks = Tokenizer::default().tokenize(text);
        SentenceSplitter::default()
            .split(text, &toks)
            .iter()
            .map(|s| {
                let a = toks[s.start as usize].start as usize;
                let b = toks[s.end as usize - 1].end as usize;
                text[a..b].trim().to_string()
            })
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sents("Mr. J. Smith met Gen. Lee on Jan. 5 in Washington, D.C. and left."),
            ["Mr. J. Smith met Gen. Lee on Jan. 5 in Washington, D.C. and left."]
        );
        assert_eq!(
            sents("He lives in the U.S. The rest is history."),
            ["He lives in the U.S.", "The rest is history."]
        );
        assert_eq!(
            sents("Apple Inc. Chief Tim Cook spoke."),
            ["Apple Inc. Chief Tim Cook spoke."]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay() {
        assert_eq!(sents("He said “go.” Then he left."), ["He said “go.”", "Then he left."]);
        assert_eq!(sents("(Laughter.) There is more."), ["(Laughter.)", "There is more."]);
        assert_eq!(sents("It is \"fine.\" We agree."), ["It is \"fine.\"", "We agree."]);
        assert_eq!(
            sents("“Why not?” she asked. \"Stop!\" he said."),
            ["“Why not?” she asked.", "\"Stop!\" he said."]
        );
    }

    #[test]
    fn ellipses_and_paragraphs() {
        assert_eq!(sents("Wait... what? Yes... Go"), ["Wait... what?", "Yes...", "Go"]);
        assert_eq!(sents("Title line\n\nBody text here"), ["Title line", "Body text here"]);
        assert_eq!(
            sents("Headline\nBody starts here, and\ncontinues here."),
            ["Headline", "Body starts here, and\ncontinues here."]
        );
    }

    #[test]
    fn web_and_email_conventions() {
        assert_eq!(sents("Thanks, Sean Here you go."), ["Thanks,", "Sean Here you go."]);
        assert_eq!(
            sents("TEHRAN (AFP) - An envoy said so."),
            ["TEHRAN (AFP) -", "An envoy said so."]
        );
        assert_eq!(sents("The man - John - came."), ["The man - John - came."]);
        assert_eq!(sents("great stuff :) Now go"), ["great stuff :)", "Now go"]);
        assert_eq!(sents("It was fine. . . Then rain."), ["It was fine. . .", "Then rain."]);
        assert_eq!(sents("high quality.You will see"), ["high quality.", "You will see"]);
        assert_eq!(
            sents("what? where did you go? home."),
            ["what?", "where did you go?", "home."]
        );
    }

    #[test]
    fn covers_all_tokens() {
        let text = "  Hi there. {mosads}";
        let toks = Tokenizer::default().tokenize(text);
        let s = SentenceSplitter::default().split(text, &toks);
        assert_eq!(s.first().map(|s| s.start), Some(0));
        assert_eq!(s.last().map(|s| s.end as usize), Some(toks.len()));
        assert!(s.windows(2).all(|w| w[0].end == w[1].start));
        assert_eq!(s.len(), 1);
    }
}
