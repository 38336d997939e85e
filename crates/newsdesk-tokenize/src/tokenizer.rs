//! The tokenizer: a byte scanner that cuts the text into whitespace-free
//! chunks and splits each chunk by Penn Treebank / OntoNotes rules.
use crate::chunk;
use crate::sink::Sink;
use crate::token::Token;
use serde::{Deserialize, Serialize};

/// Lossless English tokenizer (see the crate docs for the conventions).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Tokenizer {}

impl Tokenizer {
    /// Tokenize `text`. The tokens tile the text exactly: leading whitespace
    /// is a `Space` token, all other whitespace trails the token before it.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut sink = Sink::new(text);
        let b = text.as_bytes();
        let n = b.len();
        let mut i = 0;
        while i < n {
            let ws = i;
            i = skip_space(text, i);
            if i > ws {
                sink.space(ws, i);
            }
            if i >= n {
                break;
            }
            let (end, ascii) = chunk_end(text, i);
            sink.ascii = ascii;
            chunk::split(&mut sink, i, end);
            i = end;
        }
        sink.out
    }
}

#[inline]
fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\n' | b'\t' | b'\r' | 0x0b | 0x0c)
}

/// End of the whitespace run starting at `i`.
#[inline]
fn skip_space(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() {
        let c = b[i];
        if is_ascii_space(c) {
            i += 1;
        } else if c < 0x80 {
            break;
        } else {
            match text[i..].chars().next() {
                Some(ch) if ch.is_whitespace() => i += ch.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// End of the chunk starting at `i` (next whitespace), and whether it is ASCII.
#[inline]
fn chunk_end(text: &str, mut i: usize) -> (usize, bool) {
    let b = text.as_bytes();
    let mut ascii = true;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if c <= b' ' && is_ascii_space(c) {
                break;
            }
            i += 1;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if ch.is_whitespace() {
                break;
            }
            ascii = false;
            i += ch.len_utf8();
        }
    }
    (i, ascii)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::*;
    use crate::SentenceSplitter;
    use proptest::prelude::*;

    fn toks(text: &str) -> String {
        let out: Vec<&str> = Tokenizer::default()
            .tokenize(text)
            .iter()
            .filter(|t| t.kind != TokenKind::Space)
            .map(|t| t.text(text))
            .collect();
        out.join(" ")
    }

    #[test]
    fn penn_treebank_conventions() {
        let cases = [
            ("I can't, won't and don't.", "I ca n't , wo n't and do n't ."),
            (
                "Monday’s talks; they're here, we've seen",
                "Monday ’s talks ; they 're here , we 've seen",
            ),
            ("I'm sure you'll see I'd go", "I 'm sure you 'll see I 'd go"),
            ("cannot gonna", "can not gon na"),
            ("the students' books", "the students ' books"),
            (
                "U.S.-EU ties and G-20 and D.C. and Mr. J. Smith",
                "U.S. - EU ties and G - 20 and D.C. and Mr. J. Smith",
            ),
            (
                "co-operate, e-mail, anti-war, mid-1980s",
                "co-operate , e-mail , anti-war , mid-1980s",
            ),
            ("state-of-the-art 15-year-old", "state - of - the - art 15 - year - old"),
            (
                "$5.5 million, 10%, 1,000,000 at 10:30 on 3/4",
                "$ 5.5 million , 10 % , 1,000,000 at 10:30 on 3/4",
            ),
            ("US$5 and the 1990s and 21st", "US$ 5 and the 1990s and 21st"),
            ("Wait... what -- really?!", "Wait ... what -- really ?!"),
            ("(see [1] and {2})", "( see [ 1 ] and { 2 } )"),
            ("“Quoted,” she said.", "“ Quoted , ” she said ."),
            ("call 853-3242 or 303-832-8160", "call 853-3242 or 303-832-8160"),
            ("AT&T and P&G", "AT&T and P&G"),
            ("and/or b/c w/o 1/2", "and / or b/c w/o 1/2"),
            ("in the '90s 'em", "in the '90s 'em"),
            ("Apple Inc. and Acme Corp.", "Apple Inc. and Acme Corp ."),
            (
                "paid NT$ 5 in pre- and post-war years",
                "paid NT$ 5 in pre- and post-war years",
            ),
            ("-LRB- ``Hi,'' he said -RRB-", "-LRB- `` Hi , '' he said -RRB-"),
            ("1. First item in 2014.\n2. Second", "1. First item in 2014 . 2. Second"),
        ];
        for (input, expected) in cases {
            assert_eq!(toks(input), expected, "input: {input}");
        }
    }

    #[test]
    fn web_tokens_stay_whole() {
        let cases = [
            (
                "see https://example.com/a?b=1&c=2.",
                "see https://example.com/a?b=1&c=2 .",
            ),
            ("(www.bbc.co.uk)", "( www.bbc.co.uk )"),
            ("mail john.doe@example.org,", "mail john.doe@example.org ,"),
            ("@nytimes #MeToo #1", "@nytimes #MeToo # 1"),
            ("ok 👍🏽👨‍👩‍👧 🇺🇸🇬🇧!", "ok 👍🏽 👨‍👩‍👧 🇺🇸 🇬🇧 !"),
            ("nice :-) :)", "nice :-) :)"),
        ];
        for (input, expected) in cases {
            assert_eq!(toks(input), expected, "input: {input}");
        }
    }

    #[test]
    fn debris_is_marked_not_deleted() {
        let text = "{mosads}“International &amp; <b>bold</b>\u{200B}x";
        let t = Tokenizer::default().tokenize(text);
        let kinds: Vec<(&str, TokenKind)> = t.iter().map(|t| (t.text(text), t.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("{mosads}", TokenKind::Debris),
                ("“", TokenKind::Punct),
                ("International", TokenKind::Word),
                ("&amp;", TokenKind::Debris),
                ("<b>", TokenKind::Debris),
                ("bold", TokenKind::Word),
                ("</b>", TokenKind::Debris),
                ("\u{200B}", TokenKind::Debris),
                ("x", TokenKind::Word),
            ]
        );
        assert!(!t[0].is_content() && t[1].has(FLAG_QUOTE));
    }

    #[test]
    fn whitespace_and_offsets() {
        let text = "  Zürich’s\n\nnew  café ";
        let t = Tokenizer::default().tokenize(text);
        assert_eq!(t[0].kind, TokenKind::Space);
        assert_eq!(t[0].text(text), "  ");
        assert_eq!(t[1].text(text), "Zürich");
        assert_eq!((t[2].char_start, t[2].char_end), (8, 10));
        assert!(t[2].has(FLAG_PARAGRAPH_AFTER) && t[2].has(FLAG_NEWLINE_AFTER));
        assert_eq!(t[3].whitespace(text), "  ");
        assert!(Tokenizer::default().tokenize("").is_empty());
        assert_eq!(Tokenizer::default().tokenize(" \n ").len(), 1);
    }

    /// The invariants every tokenization must satisfy.
    fn check(text: &str) {
        let tokens = Tokenizer::default().tokenize(text);
        let mut pos = 0usize;
        let mut chars = 0u32;
        for (i, t) in tokens.iter().enumerate() {
            assert_eq!(t.start as usize, pos, "token {i} must start where the last ended");
            assert!(t.end > t.start && t.ws_end >= t.end);
            assert!(text.is_char_boundary(t.end as usize) && text.is_char_boundary(t.ws_end as usize));
            assert_eq!(t.char_start, chars);
            let n = text[t.start as usize..t.end as usize].chars().count() as u32;
            let w = text[t.end as usize..t.ws_end as usize].chars().count() as u32;
            assert_eq!((t.char_end, t.char_ws_end), (chars + n, chars + n + w));
            assert!(t.whitespace(text).chars().all(char::is_whitespace));
            if t.kind == TokenKind::Space {
                assert_eq!(i, 0, "only leading whitespace is a Space token");
            } else {
                assert!(!t.text(text).chars().any(char::is_whitespace));
            }
            pos = t.ws_end as usize;
            chars = t.char_ws_end;
        }
        assert_eq!(pos, text.len());
        let sents = SentenceSplitter::default().split(text, &tokens);
        let mut next = 0;
        for s in &sents {
            assert!(s.start == next && s.end > s.start);
            next = s.end;
        }
        assert_eq!(next as usize, tokens.len());
    }

    /// Strings made of the characters the tokenizer treats specially.
    fn tricky() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a",
            "Z",
            "é",
            "9",
            " ",
            "\n",
            "\n\n",
            ".",
            "..",
            ",",
            "'",
            "’",
            "‘",
            "\"",
            "“",
            "”",
            "-",
            "--",
            "—",
            "/",
            "@",
            "#",
            "$",
            "%",
            "&",
            "&amp;",
            ";",
            "<",
            ">",
            "<b>",
            "{",
            "}",
            "{x}",
            "(",
            ")",
            "http://",
            "www.",
            "n't",
            "'s",
            "U.S.",
            "Mr.",
            ":)",
            "😀",
            "\u{200D}",
            "\u{FE0F}",
            "\u{1F3FD}",
            "🇺",
            "\u{200B}",
            "\u{0301}",
            "\t",
            "\r\n",
            "\u{00A0}",
            "\u{2029}",
            "ß",
            "İ",
            "ǅ",
            "…",
            "!?",
            "1,000",
            "3.5",
            "co-",
            "can",
            "not",
            "US$",
            "-LRB-",
            "''",
            "``",
            "1.",
            "pre-",
            "Inc.",
            "w/",
            "b/c",
            "5pm",
            "853-3242",
            ":-)",
            ".doc",
            "i",
            "dont",
            "gonna",
            "x@y.com",
            "#tag",
            "@me",
            "www.a.com",
            "</p>",
            "&#39;",
            "{/x}",
            "'90s",
            "A.",
            "...",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn tiles_any_unicode(text in "\\PC{0,80}") {
            check(&text);
        }

        #[test]
        fn tiles_any_chars(text in any::<String>()) {
            check(&text);
        }

        #[test]
        fn tiles_tricky_mixes(text in tricky()) {
            check(&text);
        }

        #[test]
        fn tiles_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
            check(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn tiles_mutated_news(steps in prop::collection::vec((any::<u8>(), any::<usize>(), any::<u8>()), 1..6)) {
            let news = "WASHINGTON (AP) \u{2014} \u{201c}We won\u{2019}t,\u{201d} Mr. J. Smith said.\n\n\
                        {mosads}U.S. talks on 3/4 at 10:30 cost $5.5 million... See https://x.org/a?b=1 #tag";
            check(&String::from_utf8_lossy(&newsdesk_core::mutate::mutate_all(news.as_bytes(), &steps)));
        }
    }

    #[test]
    fn pretokenized_matches_tokenizer_kinds() {
        let words = [
            "The",
            "U.S.",
            "'s",
            "co-chair",
            "10,000",
            "$",
            "%",
            "--",
            "“",
            "@user",
            "https://x.org",
            "{mosads}",
        ];
        let (text, gold) = crate::pretokenized(&words);
        let ours = Tokenizer::default().tokenize(&text);
        assert_eq!(ours.len(), gold.len());
        for (a, b) in ours.iter().zip(&gold) {
            assert_eq!(
                (a.start, a.end, a.kind, a.flags),
                (b.start, b.end, b.kind, b.flags),
                "{}",
                a.text(&text)
            );
        }
    }
}
