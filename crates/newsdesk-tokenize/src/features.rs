//! Per-token string features computed on demand: normalized form, lowercase,
//! shape, prefix/suffix, and the kind/flags classification of a single token.
use crate::chars::{is_bracket, is_punct_char, is_quote};
use crate::token::*;
use std::borrow::Cow;

/// Normalized form: typographic quotes become ASCII (`’` → `'`, `“` → `"`),
/// Penn Treebank / OntoNotes escapes are read back (`-LRB-` → `(`, ``` `` ```
/// and `''` → `"`, `/.` → `.`, `/?` → `?`, `/-` → `-`, `\*` → `*`), the
/// ellipsis character becomes `...`, em dashes `--` and en dashes `-`.
/// Borrows when nothing changes.
pub fn norm(s: &str) -> Cow<'_, str> {
    if let Some(plain) = ptb_unescape(s) {
        return Cow::Borrowed(plain);
    }
    let whole = match s {
        "`" => "'",
        "\\*" => "*",
        "\\*\\*" => "**",
        "—" | "―" | "---" => "--",
        "–" => "-",
        "…" => "...",
        _ => "",
    };
    if !whole.is_empty() {
        return Cow::Borrowed(whole);
    }
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    if !s.chars().any(|c| norm_char(c).is_some()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match norm_char(c) {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The character a whole Penn Treebank / OntoNotes escape token stands for
/// (`-LRB-` → `(`, ``` `` ``` and `''` → `"`, `/.` → `.`, …), if `s` is one.
pub fn ptb_unescape(s: &str) -> Option<&'static str> {
    Some(match s {
        "-LRB-" => "(",
        "-RRB-" => ")",
        "-LSB-" => "[",
        "-RSB-" => "]",
        "-LCB-" => "{",
        "-RCB-" => "}",
        "``" | "''" => "\"",
        "/." => ".",
        "/?" => "?",
        "/-" => "-",
        _ => return None,
    })
}

fn norm_char(c: char) -> Option<&'static str> {
    Some(match c {
        '‘' | '’' | '‚' | '‛' | '′' | '´' => "'",
        '“' | '”' | '„' | '‟' | '″' => "\"",
        '…' => "...",
        '—' | '―' => "--",
        '–' | '‐' | '‑' => "-",
        _ => return None,
    })
}

/// Lowercase form, borrowing when already lowercase.
pub fn lower(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    } else if s.chars().any(|c| c.is_uppercase()) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Word shape as spaCy computes it: upper-case letters → `X`, other letters
/// → `x`, digits → `d`, everything else kept; runs of the same shape
/// character are cut after 4 (`Washington` → `Xxxxx`, `2024` → `dddd`,
/// `U.S.` → `X.X.`).
pub fn shape(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(16));
    let mut last = '\0';
    let mut run = 0usize;
    for c in s.chars() {
        let sc = if c.is_alphabetic() {
            if c.is_uppercase() {
                'X'
            } else {
                'x'
            }
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if sc == last {
            run += 1;
        } else {
            run = 0;
            last = sc;
        }
        if run < 4 {
            out.push(sc);
        }
    }
    out
}

/// The first `n` chars of `s` (all of `s` if shorter).
pub fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The last `n` chars of `s` (all of `s` if shorter).
pub fn suffix(s: &str, n: usize) -> &str {
    if n == 0 {
        return &s[s.len()..];
    }
    match s.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// Is `w` (ASCII, any case) an English number word (`ten`, `million`, `third`)?
fn is_number_word(w: &[u8]) -> bool {
    if w.len() < 3
        || w.len() > 11
        || !matches!(
            w[0] | 0x20,
            b'b' | b'd' | b'e' | b'f' | b'h' | b'm' | b'n' | b's' | b't' | b'z' | b'o'
        )
    {
        return false;
    }
    let mut buf = [0u8; 11];
    for (d, c) in buf.iter_mut().zip(w) {
        *d = c.to_ascii_lowercase();
    }
    matches!(
        &buf[..w.len()],
        b"zero"
            | b"one"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"eleven"
            | b"twelve"
            | b"thirteen"
            | b"fourteen"
            | b"fifteen"
            | b"sixteen"
            | b"seventeen"
            | b"eighteen"
            | b"nineteen"
            | b"twenty"
            | b"thirty"
            | b"forty"
            | b"fifty"
            | b"sixty"
            | b"seventy"
            | b"eighty"
            | b"ninety"
            | b"hundred"
            | b"thousand"
            | b"million"
            | b"billion"
            | b"trillion"
            | b"dozen"
            | b"first"
            | b"second"
            | b"third"
            | b"fourth"
            | b"fifth"
            | b"sixth"
            | b"seventh"
            | b"eighth"
            | b"ninth"
            | b"tenth"
            | b"eleventh"
            | b"twelfth"
            | b"twentieth"
            | b"hundredth"
            | b"thousandth"
            | b"millionth"
            | b"billionth"
    )
}

/// spaCy-like `like_num`: `10`, `10,000`, `3.5`, `-2`, `1/2`, `21st`, `ten`.
pub fn like_num(s: &str) -> bool {
    let t = s.trim_start_matches(['+', '-', '±', '~']);
    let b = t.as_bytes();
    if b.is_empty() {
        return false;
    }
    if b.iter().all(|&c| c.is_ascii_digit() || c == b',' || c == b'.') {
        return b.iter().any(u8::is_ascii_digit);
    }
    if let Some((n, d)) = t.split_once('/') {
        if !n.is_empty() && !d.is_empty() && n.bytes().chain(d.bytes()).all(|c| c.is_ascii_digit()) {
            return true;
        }
    }
    if b.len() > 2 && b[0].is_ascii_digit() {
        let (digits, suf) = b.split_at(b.len() - 2);
        let suf = [suf[0].to_ascii_lowercase(), suf[1].to_ascii_lowercase()];
        if digits.iter().all(u8::is_ascii_digit) && matches!(&suf, b"st" | b"nd" | b"rd" | b"th") {
            return true;
        }
    }
    b[0].is_ascii_alphabetic() && is_number_word(b)
}

/// Case and character-class flags of a token's text (not the whitespace
/// flags, which depend on what follows).
pub fn text_flags(s: &str) -> Flags {
    let mut flags = if s.is_ascii() {
        ascii_case_flags(s)
    } else {
        unicode_case_flags(s)
    };
    if flags & FLAG_PUNCT != 0 {
        if s.chars().all(is_quote) || matches!(s, "``" | "''") {
            flags |= FLAG_QUOTE;
        }
        let mut it = s.chars();
        if matches!((it.next(), it.next()), (Some(c), None) if is_bracket(c)) {
            flags |= FLAG_BRACKET;
        }
    } else if matches!(s, "-LRB-" | "-RRB-" | "-LSB-" | "-RSB-" | "-LCB-" | "-RCB-") {
        flags |= FLAG_BRACKET;
    }
    flags
}

/// Flags of a token of a known kind (the tokenizer's hot path).
#[inline]
pub(crate) fn token_flags(s: &str, kind: TokenKind) -> Flags {
    match kind {
        TokenKind::Word | TokenKind::Number if s.is_ascii() => ascii_case_flags(s),
        TokenKind::Url | TokenKind::Email => text_flags(s) | FLAG_LIKE_URL,
        TokenKind::Punct => punct_flags(s),
        _ => text_flags(s),
    }
}

/// Flags of a punctuation token: punct, quote, bracket.
fn punct_flags(s: &str) -> Flags {
    let mut flags = FLAG_PUNCT;
    let mut it = s.chars();
    let (first, second) = (it.next(), it.next());
    if let (Some(c), None) = (first, second) {
        if is_quote(c) {
            flags |= FLAG_QUOTE;
        } else if is_bracket(c) {
            flags |= FLAG_BRACKET;
        }
    } else if matches!(s, "``" | "''") {
        flags |= FLAG_QUOTE;
    } else if matches!(s, "-LRB-" | "-RRB-" | "-LSB-" | "-RSB-" | "-LCB-" | "-RCB-") {
        flags |= FLAG_BRACKET;
    }
    flags
}

const UP: u8 = 1;
const LO: u8 = 2;
const DI: u8 = 4;
const PU: u8 = 8;

/// Character class of each ASCII byte (upper, lower, digit, punctuation).
static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_uppercase() {
            UP
        } else if b.is_ascii_lowercase() {
            LO
        } else if b.is_ascii_digit() {
            DI
        } else if matches!(
            b,
            b'!' | b'"'
                | b'#'
                | b'%'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b','
                | b'-'
                | b'.'
                | b'/'
                | b':'
                | b';'
                | b'?'
                | b'@'
                | b'['
                | b'\\'
                | b']'
                | b'_'
                | b'{'
                | b'}'
        ) {
            PU
        } else {
            0
        };
        c += 1;
    }
    t
};

/// One pass over an ASCII token: alpha, digit, punct, case and `like_num`.
#[inline]
fn ascii_case_flags(s: &str) -> Flags {
    let b = s.as_bytes();
    let n = b.len();
    if n == 0 {
        return 0;
    }
    let (mut up, mut low, mut digit, mut punct) = (0usize, 0usize, 0usize, 0usize);
    let mut all = 0u8;
    for &c in b {
        let k = ASCII_CLASS[(c & 0x7f) as usize];
        all |= k;
        up += usize::from(k & UP);
        low += usize::from((k & LO) >> 1);
        digit += usize::from((k & DI) >> 2);
        punct += usize::from((k & PU) >> 3);
    }
    let mut flags = 0;
    if up + low == n {
        flags |= FLAG_ALPHA;
        if (3..=11).contains(&n) && is_number_word(b) {
            flags |= FLAG_LIKE_NUM;
        }
    }
    if digit == n {
        flags |= FLAG_DIGIT | FLAG_LIKE_NUM;
    } else if all & DI != 0 && like_num(s) {
        flags |= FLAG_LIKE_NUM;
    }
    if punct == n {
        flags |= FLAG_PUNCT;
    }
    if up > 0 && low == 0 {
        flags |= FLAG_UPPER;
    }
    if low > 0 && up == 0 {
        flags |= FLAG_LOWER;
    }
    if up == 1 && low > 0 && b[0].is_ascii_uppercase() {
        flags |= FLAG_TITLE;
    }
    flags
}

fn unicode_case_flags(s: &str) -> Flags {
    let (mut up, mut low, mut n, mut alpha, mut digit) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut punct = true;
    let mut first_upper = false;
    for (i, c) in s.chars().enumerate() {
        n += 1;
        if c.is_alphabetic() {
            alpha += 1;
        }
        if c.is_uppercase() {
            up += 1;
            first_upper |= i == 0;
        } else if c.is_lowercase() {
            low += 1;
        }
        if c.is_numeric() {
            digit += 1;
        }
        punct &= is_punct_char(c);
    }
    let mut flags = 0;
    if n == 0 {
        return 0;
    }
    if alpha == n {
        flags |= FLAG_ALPHA;
    }
    if digit == n {
        flags |= FLAG_DIGIT;
    }
    if punct {
        flags |= FLAG_PUNCT;
    }
    if up > 0 && low == 0 {
        flags |= FLAG_UPPER;
    }
    if low > 0 && up == 0 {
        flags |= FLAG_LOWER;
    }
    if first_upper && up == 1 && low > 0 {
        flags |= FLAG_TITLE;
    }
    if like_num(s) {
        flags |= FLAG_LIKE_NUM;
    }
    flags
}

/// Kind and flags of one standalone token, as the tokenizer assigns them.
pub fn classify(s: &str) -> (TokenKind, Flags) {
    let kind = crate::kind::kind_of(s);
    (kind, token_flags(s, kind))
}

/// Tokens for text that is already split into words (e.g. gold NER tokens):
/// the text is the words joined by single spaces, one token per word with the
/// kind and flags the tokenizer would give it.
pub fn pretokenized(words: &[&str]) -> (String, Vec<Token>) {
    let len: usize = words.iter().map(|w| w.len() + 1).sum();
    let mut text = String::with_capacity(len);
    let mut tokens = Vec::with_capacity(words.len());
    let mut chars = 0u32;
    for (i, w) in words.iter().enumerate() {
        let start = text.len() as u32;
        text.push_str(w);
        let end = text.len() as u32;
        let nchars = w.chars().count() as u32;
        let last = i + 1 == words.len();
        if !last {
            text.push(' ');
        }
        let (kind, mut flags) = classify(w);
        if !last {
            flags |= FLAG_SPACE_AFTER;
        }
        let ws = u32::from(!last);
        tokens.push(Token {
            start,
            end,
            ws_end: end + ws,
            char_start: chars,
            char_end: chars + nchars,
            char_ws_end: chars + nchars + ws,
            kind,
            flags,
        });
        chars += nchars + ws;
    }
    (text, tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_maps_quotes_and_escapes() {
        assert_eq!(norm("Monday’s"), "Monday's");
        assert_eq!(norm("-LRB-"), "(");
        assert_eq!(norm("``"), "\"");
        assert_eq!(norm("/."), ".");
        assert_eq!(norm("“Hi”"), "\"Hi\"");
        assert!(matches!(norm("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn shape_like_spacy() {
        assert_eq!(shape("Washington"), "Xxxxx");
        assert_eq!(shape("2024"), "dddd");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("G-20"), "X-dd");
        assert_eq!(shape("e-mail"), "x-xxxx");
    }

    #[test]
    fn prefix_suffix_are_char_based() {
        assert_eq!(prefix("Zürich", 2), "Zü");
        assert_eq!(suffix("Zürich", 3), "ich");
        assert_eq!(suffix("ab", 3), "ab");
        assert_eq!(prefix("ab", 0), "");
        assert_eq!(suffix("ab", 0), "");
    }

    #[test]
    fn lower_borrows_when_possible() {
        assert!(matches!(lower("abc"), Cow::Borrowed(_)));
        assert_eq!(lower("ÄBC"), "äbc");
    }

    #[test]
    fn flags() {
        let f = text_flags("Washington");
        assert!(f & FLAG_TITLE != 0 && f & FLAG_ALPHA != 0 && f & FLAG_UPPER == 0);
        assert!(text_flags("NATO") & FLAG_UPPER != 0);
        assert!(text_flags("10,000") & FLAG_LIKE_NUM != 0);
        assert!(text_flags("21st") & FLAG_LIKE_NUM != 0);
        assert!(text_flags("million") & FLAG_LIKE_NUM != 0);
        assert!(text_flags("“") & FLAG_QUOTE != 0);
        assert!(text_flags("(") & FLAG_BRACKET != 0);
        assert!(text_flags("-LRB-") & FLAG_BRACKET != 0);
        assert!(text_flags(",") & FLAG_PUNCT != 0);
    }

    #[test]
    fn pretokenized_tiles() {
        let (text, toks) = pretokenized(&["Zürich", "’s", "U.S.", "-LRB-"]);
        assert_eq!(text, "Zürich ’s U.S. -LRB-");
        let words: Vec<&str> = toks.iter().map(|t| t.text(&text)).collect();
        assert_eq!(words, ["Zürich", "’s", "U.S.", "-LRB-"]);
        assert_eq!(toks[1].char_start, 7);
        assert_eq!(toks[3].char_ws_end as usize, text.chars().count());
        assert_eq!(toks[3].ws_end as usize, text.len());
        assert_eq!(toks[3].kind, TokenKind::Punct);
        assert!(toks[0].has(FLAG_SPACE_AFTER) && !toks[3].has(FLAG_SPACE_AFTER));
    }
}
