//! Splitting one whitespace-free chunk into tokens: prefixes (opening
//! punctuation, debris), suffixes (closing punctuation, clitics, periods that
//! are not part of an abbreviation) and the core (URLs, numbers, words split
//! at hyphens, slashes and other inner punctuation).
use crate::abbrev::{abbrev_class, is_abbrev, AbbrevClass};
use crate::chars::*;
use crate::kind::{
    entity_len, html_tag_len, is_debris, is_emoticon, looks_like_email, looks_like_number, looks_like_url,
};
use crate::sink::Sink;
use crate::token::TokenKind::{self, *};

/// Most suffix tokens split off one chunk (more stay in the core).
const MAX_SUFFIXES: usize = 16;

/// Tokenize the chunk `a..b` of `s.text` (no whitespace inside).
pub(crate) fn split(s: &mut Sink, a: usize, b: usize) {
    let w = &s.text.as_bytes()[a..b];
    let letters = w.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if letters == w.len() && !is_special_word(w) {
        s.push(a, b, Word);
        return;
    }
    if letters > 0
        && letters + 1 == w.len()
        && matches!(w[letters], b',' | b';' | b':' | b'?' | b'!' | b')')
        && !is_special_word(&w[..letters])
    {
        s.push(a, a + letters, Word);
        s.push(a + letters, b, Punct);
        return;
    }
    general(s, a, b);
}

/// The general (slower) path for chunks with punctuation or non-ASCII.
fn general(s: &mut Sink, a: usize, b: usize) {
    let text = s.text;
    if is_emoticon(&text[a..b]) {
        s.push(a, b, Symbol);
        return;
    }
    let mut lo = a;
    while lo < b {
        if let Some(len) = emoticon_prefix(&text[lo..b]) {
            s.push(lo, lo + len, Symbol);
            lo += len;
            continue;
        }
        let Some((len, kind)) = prefix_token(text, lo, b) else {
            break;
        };
        s.push(lo, lo + len, kind);
        lo += len;
    }
    if lo < b && starts_with_url_scheme(&text.as_bytes()[lo..b]) {
        let end = url_end(text, lo, b);
        s.push(lo, end, Url);
        if end < b {
            general(s, end, b);
        }
        return;
    }
    let after = After::at(text, b);
    let mut hi = b;
    let mut suffixes = [(0u32, 0u32, Punct); MAX_SUFFIXES];
    let mut n = 0;
    while lo < hi && n < MAX_SUFFIXES {
        let ctx = if hi == b { after } else { After::default() };
        let Some((len, kind, last)) = suffix_token(text, lo, hi, ctx) else {
            break;
        };
        hi -= len;
        suffixes[n] = (hi as u32, (hi + len) as u32, kind);
        n += 1;
        if last {
            break;
        }
    }
    core(s, lo, hi);
    for &(x, y, kind) in suffixes[..n].iter().rev() {
        s.push(x as usize, y as usize, kind);
    }
}

/// Words that split without an apostrophe: `cannot` → `can not`,
/// `gonna` → `gon na`, `dont` → `do nt`, `im` → `i m` (as Penn Treebank and
/// spaCy do). Returns the length of the second part.
fn special_split(w: &[u8]) -> Option<usize> {
    if w.len() < 2 || w.len() > 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    for (d, c) in buf.iter_mut().zip(w) {
        *d = c.to_ascii_lowercase();
    }
    Some(match &buf[..w.len()] {
        b"cannot" => 3,
        b"gonna" | b"wanna" | b"gotta" | b"outta" | b"gimme" | b"lemme" => 2,
        b"dont" | b"doesnt" | b"didnt" | b"cant" | b"couldnt" | b"wouldnt" | b"shouldnt" | b"isnt" | b"arent"
        | b"wasnt" | b"werent" | b"hasnt" | b"havent" | b"hadnt" | b"aint" | b"mustnt" | b"neednt" => 2,
        b"im" => 1,
        b"ive" | b"youre" | b"theyre" | b"youve" | b"weve" | b"theyve" => 2,
        b"youll" | b"theyll" => 2,
        _ => return None,
    })
}

fn is_special_word(w: &[u8]) -> bool {
    let n = w.len();
    (2..=8).contains(&n)
        && matches!(
            [w[n - 2] | 0x20, w[n - 1] | 0x20],
            [b'n', b't']
                | [b'n' | b't', b'a']
                | [b'm', b'e']
                | [b'i', b'm']
                | [b'v' | b'r', b'e']
                | [b'l', b'l']
                | [b'o', b't']
        )
        && special_split(w).is_some()
}

/// Length of an emoticon at the start of `s` that is followed by nothing
/// or by punctuation (`:-).`).
fn emoticon_prefix(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !matches!(b.first(), Some(b':' | b';' | b'<' | b'=' | b'^' | b'-' | b'x' | b'X')) {
        return None;
    }
    (2..=3).rev().find(|&l| {
        b.len() >= l
            && s.is_char_boundary(l)
            && is_emoticon(&s[..l])
            && !matches!(b.get(l), Some(c) if !c.is_ascii_punctuation())
    })
}

/// The char at byte offset `i` (a char boundary) and its length.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let c = text[i..].chars().next().unwrap_or('\0');
    (c, c.len_utf8())
}

/// The last char before byte offset `i` and its length.
#[inline]
fn char_before(text: &str, i: usize) -> (char, usize) {
    let c = text[..i].chars().next_back().unwrap_or('\0');
    (c, c.len_utf8())
}

/// Is byte offset `i` the first non-blank position of a line?
fn at_line_start(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with('\n')
}

/// What follows a chunk: the next non-space char, and whether a paragraph
/// break (blank line) or the end of the text comes first.
#[derive(Clone, Copy, Default)]
struct After {
    next: Option<char>,
    paragraph: bool,
}

impl After {
    fn at(text: &str, i: usize) -> After {
        let mut newlines = 0;
        for c in text[i..].chars() {
            if c == '\n' || c == '\u{2029}' {
                newlines += 1 + usize::from(c == '\u{2029}');
            } else if !c.is_whitespace() {
                return After {
                    next: Some(c),
                    paragraph: newlines >= 2,
                };
            }
        }
        After {
            next: None,
            paragraph: true,
        }
    }
}

/// Length of the run of byte `c` starting at `b[0]`.
#[inline]
fn run_of(b: &[u8], c: u8) -> usize {
    b.iter().take_while(|&&x| x == c).count()
}

/// Length of a run of terminal punctuation (`.`, `!`, `?`) at the start of `b`.
#[inline]
fn terminal_run(b: &[u8]) -> usize {
    b.iter().take_while(|&&x| matches!(x, b'.' | b'!' | b'?')).count()
}

/// Length in bytes of a run of the same char `c` at `text[i..end]`.
fn char_run(text: &str, i: usize, end: usize, c: char) -> usize {
    text[i..end].chars().take_while(|&x| x == c).count() * c.len_utf8()
}

/// Length of an emoji sequence at `text[i..end]`: one pictograph (or a
/// regional-indicator pair) with modifiers, joined by ZWJ to more.
fn emoji_len(text: &str, i: usize, end: usize) -> usize {
    let mut it = text[i..end].char_indices().peekable();
    let Some((_, first)) = it.next() else { return 0 };
    let mut len = first.len_utf8();
    let is_ri = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    if is_ri(first) {
        if let Some(&(j, c)) = it.peek() {
            if is_ri(c) {
                it.next();
                len = j + c.len_utf8();
            }
        }
        return len;
    }
    while let Some(&(j, c)) = it.peek() {
        if c == '\u{200D}' {
            it.next();
            match it.peek() {
                Some(&(k, d)) if is_emoji(d) => {
                    it.next();
                    len = k + d.len_utf8();
                }
                _ => {
                    len = j + c.len_utf8();
                    break;
                }
            }
        } else if is_emoji_modifier(c) {
            it.next();
            len = j + c.len_utf8();
        } else {
            break;
        }
    }
    len
}

/// Length of a run of invisible chars at `text[i..end]`.
fn invisible_len(text: &str, i: usize, end: usize) -> usize {
    text[i..end]
        .chars()
        .take_while(|&c| is_invisible(c))
        .map(char::len_utf8)
        .sum()
}

/// Kind of a single punctuation or symbol char.
#[inline]
fn punct_kind(c: char) -> TokenKind {
    if is_punct_char(c) || is_dash(c) {
        Punct
    } else {
        Symbol
    }
}

/// `'90s`, `'em`, `'til`, `'cause` and bare clitics (`'s` as a whole chunk)
/// keep their leading apostrophe.
pub fn keeps_leading_apostrophe(rest: &[u8]) -> bool {
    if rest.len() >= 2 && rest[0].is_ascii_digit() && rest[1].is_ascii_digit() {
        return !matches!(rest.get(2), Some(c) if c.is_ascii_digit());
    }
    let n = rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let mut buf = [0u8; 5];
    if n == 0 || n > 5 {
        return false;
    }
    for (d, c) in buf.iter_mut().zip(rest) {
        *d = c.to_ascii_lowercase();
    }
    matches!(
        &buf[..n],
        b"em" | b"tis" | b"twas" | b"til" | b"cause" | b"n" | b"s" | b"re" | b"ve" | b"ll" | b"d" | b"m" | b"nt"
    )
}

/// One prefix token at `text[lo..hi]`: opening punctuation, symbols, debris.
fn prefix_token(text: &str, lo: usize, hi: usize) -> Option<(usize, TokenKind)> {
    let b = &text.as_bytes()[lo..hi];
    let c0 = b[0];
    let next = b.get(1).copied().unwrap_or(0);
    if c0 < 0x80 {
        return match c0 {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => None,
            b'{' => match template_len(b) {
                Some(l) => Some((l, Debris)),
                None => Some((1, Punct)),
            },
            b'<' => match html_tag_len(b) {
                Some(l) => Some((l, Debris)),
                None => Some((run_of(b, b'<'), Symbol)),
            },
            b'&' => match entity_len(b) {
                Some(l) => Some((l, Debris)),
                None if b.len() == 1 => None,
                None => Some((1, Symbol)),
            },
            b'`' => Some((run_of(b, b'`').min(2), Punct)),
            b'\'' if next == b'\'' => Some((2, Punct)),
            b'\'' if keeps_leading_apostrophe(&b[1..]) => None,
            b'-' if b.len() >= 5
                && matches!(&b[..5], b"-LRB-" | b"-RRB-" | b"-LSB-" | b"-RSB-" | b"-LCB-" | b"-RCB-") =>
            {
                Some((5, Punct))
            }
            b'#' | b'@' if next.is_ascii_alphanumeric() || next == b'_' => None,
            b'.' if next.is_ascii_alphanumeric() => None,
            b'.' | b'!' | b'?' => Some((terminal_run(b), Punct)),
            b'-' | b'=' | b'*' | b'_' | b'~' | b'$' | b'+' | b'>' | b'^' | b'|' | b'#' | b'/' | b'\\' | b':' | b';'
            | b',' | b'%' | b'@' => Some((run_of(b, c0), punct_kind(c0 as char))),
            _ => Some((1, punct_kind(c0 as char))),
        };
    }
    let (c, l) = char_at(text, lo);
    if is_word_char(c) {
        return None;
    }
    if is_invisible(c) {
        return Some((invisible_len(text, lo, hi), Debris));
    }
    if is_emoji(c) {
        return Some((emoji_len(text, lo, hi), Emoji));
    }
    if c == '’' || c == '‘' {
        if keeps_leading_apostrophe(&b[l..]) {
            return None;
        }
        return Some((l, Punct));
    }
    if c == '…' || is_dash(c) {
        return Some((char_run(text, lo, hi, c), Punct));
    }
    Some((l, punct_kind(c)))
}

/// Length of a template marker (`{mosads}`, `{/mosads}`) at the start of `b`.
fn template_len(b: &[u8]) -> Option<usize> {
    let end = b.iter().take(64).position(|&c| c == b'}')?;
    is_debris(std::str::from_utf8(&b[..=end]).ok()?).then_some(end + 1)
}

/// One suffix token at the end of `text[lo..hi]`, and whether it is the
/// innermost one (a clitic). `after` describes what follows `hi`.
fn suffix_token(text: &str, lo: usize, hi: usize, after: After) -> Option<(usize, TokenKind, bool)> {
    let b = &text.as_bytes()[lo..hi];
    let n = b.len();
    let c = b[n - 1];
    if c < 0x80 {
        let back_run = |x: u8| b.iter().rev().take_while(|&&y| y == x).count();
        return match c {
            b'a'..=b'z' | b'A'..=b'Z' => clitic(text, lo, hi).map(|l| (l, Word, true)),
            b'0'..=b'9' => None,
            b'.' | b'!' | b'?' => {
                let run = b.iter().rev().take_while(|&&x| matches!(x, b'.' | b'!' | b'?')).count();
                if run == 2 && n > 2 && &b[n - 2..] == b".." && is_abbrev(&text[lo..hi - 1], None) {
                    // `Inc..`: the abbreviation keeps one period
                    Some((1, Punct, false))
                } else if run >= 2 || n == 1 || c != b'.' {
                    Some((run, Punct, false))
                } else if n <= 3 && b[..n - 1].iter().all(u8::is_ascii_digit) && at_line_start(text, lo) {
                    // list numbering `1.` at the start of a line
                    None
                } else {
                    match abbrev_class(&text[lo..hi], after.next) {
                        // an abbreviation that ends a paragraph gives its period to the sentence
                        Some(AbbrevClass::Other) if after.paragraph && n > 3 => Some((1, Punct, false)),
                        Some(_) => None,
                        None => Some((1, Punct, false)),
                    }
                }
            }
            b'}' => match b.iter().rposition(|&x| x == b'{') {
                Some(j) if is_debris(&text[lo + j..hi]) => Some((n - j, Debris, false)),
                _ => Some((1, Punct, false)),
            },
            b'>' => match b.iter().rposition(|&x| x == b'<') {
                Some(j) if html_tag_len(&b[j..]) == Some(n - j) => Some((n - j, Debris, false)),
                _ => Some((back_run(b'>'), Symbol, false)),
            },
            b';' => match b.iter().rposition(|&x| x == b'&') {
                Some(j) if entity_len(&b[j..]) == Some(n - j) => Some((n - j, Debris, false)),
                _ => Some((1, Punct, false)),
            },
            b'/' if n == 2 && b[0].is_ascii_alphabetic() => None,
            // `US$`, `NT$`, `C$`: currency prefixes stay whole
            b'$' if (2..=4).contains(&n) && b[..n - 1].iter().all(u8::is_ascii_uppercase) => None,
            // `pre-` in `pre- and post-war`, broken-off words `th-`
            b'-' if n >= 2 && is_open_prefix(&b[..n - 1]) => None,
            b'-' | b'=' | b'*' | b'_' | b'~' | b'+' | b'<' | b'^' | b'|' | b'#' | b'/' | b'\\' | b'$' | b'@' | b'&'
            | b',' => Some((back_run(c), punct_kind(c as char), false)),
            b'\'' if n >= 2 && b[n - 2] == b'\'' => Some((2, Punct, false)),
            _ => Some((1, punct_kind(c as char), false)),
        };
    }
    let (ch, l) = char_before(text, hi);
    if is_word_char(ch) {
        return None;
    }
    if is_invisible(ch) {
        let len: usize = text[lo..hi]
            .chars()
            .rev()
            .take_while(|&c| is_invisible(c))
            .map(char::len_utf8)
            .sum();
        return Some((len, Debris, false));
    }
    if is_emoji(ch) || is_emoji_modifier(ch) {
        // find the start of the sequence, then measure it forwards
        let mut start = hi;
        for (j, c) in text[lo..hi].char_indices().rev() {
            if is_emoji(c) || is_emoji_modifier(c) {
                start = lo + j;
            } else {
                break;
            }
        }
        let mut i = start;
        while i < hi {
            let len = emoji_len(text, i, hi).max(1);
            if i + len >= hi {
                return Some((hi - i, Emoji, false));
            }
            i += len;
        }
        return Some((l, Emoji, false));
    }
    if ch == '…' || is_dash(ch) {
        let len: usize = text[lo..hi]
            .chars()
            .rev()
            .take_while(|&c| c == ch)
            .map(char::len_utf8)
            .sum();
        return Some((len, Punct, false));
    }
    Some((l, punct_kind(ch), false))
}

/// Length of a clitic at the end of `text[lo..hi]` (which ends in a letter):
/// `n't`, `'s`, `'re`, `'ve`, `'ll`, `'d`, `'m` (straight or curly
/// apostrophe), or the second part of `cannot`, `gonna`, `dont`, `im`.
fn clitic(text: &str, lo: usize, hi: usize) -> Option<usize> {
    let w = &text.as_bytes()[lo..hi];
    let n = w.len();
    if is_special_word(w) {
        return special_split(w);
    }
    // position of the apostrophe: 1 or 2 letters from the end
    for k in [1usize, 2] {
        if n < k + 2 {
            break;
        }
        let tail = &w[n - k..];
        if !tail.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        let (apo_len, apo_start) = if w[n - k - 1] == b'\'' {
            (1, n - k - 1)
        } else if n >= k + 4 && &w[n - k - 3..n - k] == "’".as_bytes() {
            (3, n - k - 3)
        } else {
            continue;
        };
        let mut t = [0u8; 2];
        for (d, c) in t.iter_mut().zip(tail) {
            *d = c.to_ascii_lowercase();
        }
        let t = &t[..k];
        let before = char_before(text, lo + apo_start).0;
        if !(before.is_alphabetic() || before.is_ascii_digit() && t == b"s") {
            return None;
        }
        if t == b"t" && (before == 'n' || before == 'N') && apo_start >= 2 {
            // `n't`: the `n` goes with the clitic (`do` `n't`, `ca` `n't`)
            let bb = char_before(text, lo + apo_start - 1).0;
            if bb.is_alphabetic() {
                return Some(1 + apo_len + k);
            }
            return None;
        }
        if matches!(t, b"s" | b"d" | b"m" | b"re" | b"ve" | b"ll") {
            return Some(apo_len + k);
        }
        return None;
    }
    None
}

/// `http://…`, `https://…`, `ftp://…`, `www.…`
fn starts_with_url_scheme(b: &[u8]) -> bool {
    let starts = |p: &[u8]| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p);
    starts(b"http://") || starts(b"https://") || starts(b"ftp://") || starts(b"www.") && b.len() > 6
}

/// End of a URL starting at `lo`: trailing punctuation is left out, and so is
/// a closing bracket that has no opening one inside the URL.
fn url_end(text: &str, lo: usize, hi: usize) -> usize {
    let b = &text.as_bytes()[lo..hi];
    let (paren, bracket) = (b.contains(&b'('), b.contains(&b'['));
    let mut end = hi;
    loop {
        let (c, l) = char_before(text, end);
        let strip = match c {
            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '”' | '’' | '“' | '>' | '*' => true,
            ')' => !paren,
            ']' => !bracket,
            _ => false,
        };
        if !strip || end - l <= lo + 4 {
            return end;
        }
        end -= l;
    }
}

/// Phone-like numbers kept whole: `853-3242`, `303-832-8160`, `3-5213`.
fn is_phone(b: &[u8]) -> bool {
    if !b.iter().all(|&c| c.is_ascii_digit() || c == b'-') {
        return false;
    }
    let mut groups = b.split(|&c| c == b'-').map(<[u8]>::len);
    let first = groups.next().unwrap_or(0);
    let mut count = 1;
    let mut last = 0;
    for g in groups {
        if count >= 2 && last != 3 {
            return false;
        }
        last = g;
        count += 1;
    }
    (1..=3).contains(&first) && (2..=3).contains(&count) && last == 4
}

/// A word-initial fragment whose hyphen stays attached at the end of a
/// chunk: prefixes (`pre-` in `pre- and post-war`) and broken-off
/// lowercase fragments of one or two letters (`th-`).
fn is_open_prefix(w: &[u8]) -> bool {
    keeps_hyphen(w) || (1..=2).contains(&w.len()) && w.iter().all(u8::is_ascii_lowercase)
}

/// Prefixes kept attached by a hyphen (`co-operate`, `e-mail`, `mid-1980s`).
fn keeps_hyphen(left: &[u8]) -> bool {
    if left.len() > 7 {
        return false;
    }
    let mut buf = [0u8; 7];
    for (d, c) in buf.iter_mut().zip(left) {
        *d = c.to_ascii_lowercase();
    }
    matches!(
        &buf[..left.len()],
        b"co"
            | b"non"
            | b"pro"
            | b"anti"
            | b"re"
            | b"mid"
            | b"e"
            | b"pre"
            | b"post"
            | b"ex"
            | b"multi"
            | b"inter"
            | b"cross"
            | b"vice"
            | b"semi"
            | b"ultra"
            | b"counter"
            | b"sub"
            | b"quasi"
            | b"mini"
            | b"macro"
            | b"micro"
            | b"de"
            | b"cyber"
            | b"super"
            | b"over"
            | b"mega"
            | b"x"
            | b"mis"
            | b"uh"
            | b"bi"
            | b"tri"
            | b"intra"
            | b"neo"
            | b"pseudo"
            | b"trans"
            | b"extra"
            | b"un"
            | b"mm"
    )
}

/// The core of a chunk, after prefixes and suffixes are split off.
fn core(s: &mut Sink, lo: usize, hi: usize) {
    if lo >= hi {
        return;
    }
    let text = s.text;
    let w = &text.as_bytes()[lo..hi];
    if w.iter().all(u8::is_ascii_alphabetic) {
        s.push(lo, hi, Word);
        return;
    }
    let t = &text[lo..hi];
    let kind = match w[0] {
        b'@' if w[1..].iter().all(|&c| c.is_ascii_alphanumeric() || c == b'_') => Some(Handle),
        b'#' if w[1..].iter().all(|&c| c.is_ascii_alphanumeric() || c == b'_')
            && w[1..].iter().any(u8::is_ascii_alphabetic) =>
        {
            Some(Hashtag)
        }
        // `1.` reaches the core only as list numbering at a line start
        b'0'..=b'9' if looks_like_number(t) || is_phone(w) || w.len() <= 3 && w.ends_with(b".") => Some(Number),
        _ if w.contains(&b'@') && looks_like_email(t) => Some(Email),
        _ if w.contains(&b'.') && looks_like_url(t) => Some(Url),
        _ => None,
    };
    match kind {
        Some(k) => s.push(lo, hi, k),
        None => infix(s, lo, hi),
    }
}

/// Does the period at `w[i]` (followed by a word char) join its
/// neighbours? Yes in `U.S`, `3.5`, `e.g`, `alt.animals`, `.doc`; no in
/// `quality.You` (a missing space) or `help .thank`.
fn joins_period(w: &[u8], i: usize) -> bool {
    let right = w[i + 1..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    if i == 0 {
        let r = &w[1..=right];
        return r.iter().all(u8::is_ascii_digit) || right <= 4 && r.iter().all(u8::is_ascii_lowercase);
    }
    let left = w[..i].iter().rev().take_while(|c| c.is_ascii_alphanumeric()).count();
    let l = &w[i - left..i];
    let r = &w[i + 1..i + 1 + right];
    let missing_space = left >= 2
        && right >= 2
        && l.iter().all(u8::is_ascii_lowercase)
        && r[0].is_ascii_uppercase()
        && r[1..].iter().all(u8::is_ascii_lowercase);
    !missing_space
}

/// Push the word segment `seg..i` if it is not empty.
#[inline]
fn flush(s: &mut Sink, seg: usize, i: usize) {
    if seg >= i {
        return;
    }
    let t = &s.text[seg..i];
    let b = t.as_bytes();
    if b[0].is_ascii_digit() {
        if looks_like_number(t) {
            s.push(seg, i, Number);
            return;
        }
        let digits = b
            .iter()
            .take_while(|c| c.is_ascii_digit() || matches!(c, b'.' | b','))
            .count();
        if b[digits - 1].is_ascii_digit() && is_unit(&b[digits..]) {
            s.push(seg, seg + digits, Number);
            s.push(seg + digits, i, Word);
            return;
        }
    }
    s.push(seg, i, Word);
}

/// Units and multipliers split from a number they are glued to (`375mm`,
/// `8gb`, `5pm`, `650k`); `1990s` and `21st` stay whole.
fn is_unit(w: &[u8]) -> bool {
    if w.is_empty() || w.len() > 4 {
        return false;
    }
    let mut buf = [0u8; 4];
    for (d, c) in buf.iter_mut().zip(w) {
        *d = c.to_ascii_lowercase();
    }
    matches!(
        &buf[..w.len()],
        b"mm"
            | b"cm"
            | b"km"
            | b"m"
            | b"kg"
            | b"g"
            | b"mg"
            | b"lb"
            | b"lbs"
            | b"oz"
            | b"ft"
            | b"mi"
            | b"mph"
            | b"kph"
            | b"kmh"
            | b"hr"
            | b"hrs"
            | b"h"
            | b"min"
            | b"mins"
            | b"sec"
            | b"secs"
            | b"am"
            | b"pm"
            | b"gb"
            | b"mb"
            | b"kb"
            | b"tb"
            | b"ghz"
            | b"mhz"
            | b"k"
            | b"bn"
            | b"ml"
            | b"yr"
            | b"yrs"
            | b"x"
            | b"day"
            | b"days"
            | b"kw"
            | b"mw"
            | b"gw"
            | b"kwh"
    )
}

/// Split a core at inner punctuation, keeping `U.S`, `3.5`, `1,000`,
/// `10:30`, `1/2`, `b/c`, `O'Brien`, `AT&T`, `US$`, prefix hyphens whole.
fn infix(s: &mut Sink, lo: usize, hi: usize) {
    let text = s.text;
    let b = text.as_bytes();
    let mut seg = lo;
    let mut i = lo;
    while i < hi {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let prev = if i > seg { b[i - 1] } else { 0 };
        if c >= 0x80 {
            let (ch, l) = char_at(text, i);
            if is_word_char(ch) {
                i += l;
                continue;
            }
            let apostrophe_joins = ch == '’'
                && (prev.is_ascii_alphabetic() && i + l < hi && b[i + l].is_ascii_alphabetic()
                    || i == seg && keeps_leading_apostrophe(&b[i + l..hi]));
            if apostrophe_joins {
                i += l;
                continue;
            }
            flush(s, seg, i);
            let (len, kind) = if is_invisible(ch) {
                (invisible_len(text, i, hi), Debris)
            } else if is_emoji(ch) || is_emoji_modifier(ch) {
                (emoji_len(text, i, hi).max(l), Emoji)
            } else if ch == '…' || is_dash(ch) {
                (char_run(text, i, hi, ch), Punct)
            } else {
                (l, punct_kind(ch))
            };
            s.push(i, i + len, kind);
            i += len;
            seg = i;
            continue;
        }
        let nb = if i + 1 < hi { b[i + 1] } else { 0 };
        let next_word = nb.is_ascii_alphanumeric() || nb >= 0x80 && is_word_char(char_at(text, i + 1).0);
        let joined = match c {
            b'.' if next_word => joins_period(&b[seg..hi], i - seg),
            b'.' if i > seg && is_abbrev(&text[seg..=i], None) => {
                i += 1;
                flush(s, seg, i);
                seg = i;
                continue;
            }
            b',' | b':' => prev.is_ascii_digit() && nb.is_ascii_digit(),
            b'/' if i > seg && next_word => {
                let right = b[i + 1..hi].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
                if i - seg == 1 && prev.is_ascii_alphabetic() && right != 1 {
                    // `w/it`: the abbreviation `w/` then the word
                    i += 1;
                    flush(s, seg, i);
                    seg = i;
                    continue;
                }
                prev.is_ascii_digit() && nb.is_ascii_digit() || right == 1
            }
            b'/' if i - seg == 1 && prev.is_ascii_alphabetic() => {
                i += 1;
                flush(s, seg, i);
                seg = i;
                continue;
            }
            b'\'' => {
                prev.is_ascii_alphabetic() && nb.is_ascii_alphabetic()
                    || i == seg && keeps_leading_apostrophe(&b[i + 1..hi])
            }
            b'@' => i > seg && next_word,
            b'-' => i > seg && (next_word && keeps_hyphen(&b[seg..i]) || i + 1 == hi && is_open_prefix(&b[seg..i])),
            b'&' => {
                i > seg
                    && nb.is_ascii_uppercase()
                    && i - seg <= 3
                    && b[seg..i].iter().all(u8::is_ascii_uppercase)
                    && entity_len(&b[i..hi]).is_none()
            }
            b'_' => i > seg || next_word,
            b'$' if i > seg && i - seg <= 3 && b[seg..i].iter().all(u8::is_ascii_uppercase) => {
                i += 1;
                flush(s, seg, i);
                seg = i;
                continue;
            }
            _ => false,
        };
        if joined {
            i += 1;
            continue;
        }
        flush(s, seg, i);
        let rest = &b[i..hi];
        let (len, kind) = match c {
            b'.' | b'!' | b'?' => (terminal_run(rest), Punct),
            b'<' => match html_tag_len(rest) {
                Some(l) => (l, Debris),
                None => (run_of(rest, c), Symbol),
            },
            b'{' => match template_len(rest) {
                Some(l) => (l, Debris),
                None => (1, Punct),
            },
            b'&' => match entity_len(rest) {
                Some(l) => (l, Debris),
                None => (1, Symbol),
            },
            b'-' | b'=' | b'*' | b'~' | b'+' | b'>' | b'^' | b'|' | b'#' | b'/' | b'\\' | b'$' | b'_' => {
                (run_of(rest, c), punct_kind(c as char))
            }
            _ => (1, punct_kind(c as char)),
        };
        s.push(i, i + len, kind);
        i += len;
        seg = i;
    }
    flush(s, seg, hi);
}
