//! What kind of thing a standalone token string is.
use crate::chars::*;
use crate::token::TokenKind;

/// Penn Treebank / OntoNotes bracket and quote escapes.
pub fn is_ptb_escape(s: &str) -> bool {
    matches!(
        s,
        "-LRB-" | "-RRB-" | "-LSB-" | "-RSB-" | "-LCB-" | "-RCB-" | "``" | "''" | "/." | "/?" | "/-"
    )
}

/// Kind of one token string (the tokenizer's scanner decides kinds while it
/// scans; this is the same decision for a token given on its own).
pub fn kind_of(s: &str) -> TokenKind {
    let Some(first) = s.chars().next() else {
        return TokenKind::Punct;
    };
    if s.chars().all(is_space) {
        return TokenKind::Space;
    }
    if is_debris(s) {
        return TokenKind::Debris;
    }
    if is_ptb_escape(s) {
        return TokenKind::Punct;
    }
    if looks_like_url(s) {
        return TokenKind::Url;
    }
    if looks_like_email(s) {
        return TokenKind::Email;
    }
    let rest = &s[first.len_utf8()..];
    if first == '@' && !rest.is_empty() && rest.chars().all(|c| is_word_char(c) || c == '_') {
        return TokenKind::Handle;
    }
    if first == '#' && rest.chars().any(char::is_alphabetic) && rest.chars().all(|c| is_word_char(c) || c == '_') {
        return TokenKind::Hashtag;
    }
    if is_emoji(first) && s.chars().all(|c| is_emoji(c) || is_emoji_modifier(c)) {
        return TokenKind::Emoji;
    }
    if first.is_ascii_digit() && looks_like_number(s) {
        return TokenKind::Number;
    }
    if s.chars().any(is_word_char) {
        return TokenKind::Word;
    }
    if s.chars().all(is_punct_char) || s.chars().all(is_dash) {
        return TokenKind::Punct;
    }
    TokenKind::Symbol
}

/// Emoticons (`:)`, `:-(`, `<3`), kept as one token.
pub fn is_emoticon(s: &str) -> bool {
    matches!(
        s,
        ":)" | ":-)"
            | ":("
            | ":-("
            | ";)"
            | ";-)"
            | ":D"
            | ":-D"
            | ":P"
            | ":-P"
            | ":p"
            | ":-p"
            | ":/"
            | ":-/"
            | ":o"
            | ":O"
            | ":'("
            | "<3"
            | "</3"
            | "^_^"
            | "^^"
            | "-_-"
            | ":|"
            | ":-|"
            | "xD"
            | "XD"
            | "=)"
            | "=("
            | ":]"
            | ":["
    )
}

/// Numbers: digits with `,` `.` `:` `/` separators, and ordinals (`21st`).
pub fn looks_like_number(s: &str) -> bool {
    let b = s.as_bytes();
    let body = match b.len().checked_sub(2).map(|i| &b[i..]) {
        Some(suf) if matches!(suf, b"st" | b"nd" | b"rd" | b"th") && b.len() > 2 => &b[..b.len() - 2],
        _ => b,
    };
    body.first().is_some_and(u8::is_ascii_digit)
        && body.last().is_some_and(u8::is_ascii_digit)
        && body
            .iter()
            .all(|&c| c.is_ascii_digit() || matches!(c, b',' | b'.' | b':' | b'/'))
}

/// Template markers (`{mosads}`), HTML tags (`<br/>`), HTML entities
/// (`&amp;`, `&#8217;`) and runs of invisible characters.
pub fn is_debris(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() >= 3 {
        let inner = &b[1..b.len() - 1];
        match (b[0], b[b.len() - 1]) {
            (b'{', b'}') => {
                let inner = inner.strip_prefix(b"/").unwrap_or(inner);
                return !inner.is_empty()
                    && inner[0].is_ascii_alphabetic()
                    && inner
                        .iter()
                        .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b':' | b' ' | b'='));
            }
            (b'<', b'>') => return html_tag_len(b) == Some(b.len()),
            (b'&', b';') => return entity_len(b) == Some(b.len()),
            _ => {}
        }
    }
    !s.is_empty() && s.chars().all(is_invisible)
}

/// Length of an HTML tag at the start of `b` (`<p>`, `</div>`, `<br/>`,
/// `<a href="x">`, `<!-- ... -->`), if there is one.
pub fn html_tag_len(b: &[u8]) -> Option<usize> {
    if b.first() != Some(&b'<') {
        return None;
    }
    if b.starts_with(b"<!--") {
        let end = b.windows(3).skip(4).position(|w| w == b"-->")?;
        return Some(end + 4 + 3);
    }
    let mut i = 1;
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    if !b.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
        i += 1;
    }
    let name_end = i;
    if b[i..].starts_with(b"//") || matches!(b.get(i), Some(b'@' | b'.')) {
        return None;
    }
    let mut quote = 0u8;
    while i < b.len() && i < 2048 {
        let c = b[i];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            // quotes only count inside attributes: `<a href="...">`
            quote = c;
        } else if c == b'>' {
            return Some(i + 1);
        } else if c == b'<' || c == b'\n' && i == name_end {
            return None;
        }
        i += 1;
    }
    None
}

/// Length of an HTML character entity at the start of `b` (`&amp;`, `&#39;`, `&#x2019;`).
pub fn entity_len(b: &[u8]) -> Option<usize> {
    if b.first() != Some(&b'&') {
        return None;
    }
    let mut i = 1;
    if b.get(1) == Some(&b'#') {
        i = 2;
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        if hex {
            i = 3;
        }
        let start = i;
        while i < b.len()
            && i - start < 8
            && (if hex {
                b[i].is_ascii_hexdigit()
            } else {
                b[i].is_ascii_digit()
            })
        {
            i += 1;
        }
        if i == start {
            return None;
        }
    } else {
        let start = i;
        while i < b.len() && i - start < 10 && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i - start < 2 || !b[start].is_ascii_alphabetic() {
            return None;
        }
    }
    (b.get(i) == Some(&b';')).then_some(i + 1)
}

/// URLs: with a scheme (`https://…`), `www.` hosts, or a bare host with a
/// common top-level domain followed by a path (`example.com/x`).
pub fn looks_like_url(s: &str) -> bool {
    let l = s.as_bytes();
    let starts = |p: &[u8]| l.len() > p.len() && l[..p.len()].eq_ignore_ascii_case(p);
    if starts(b"http://") || starts(b"https://") || starts(b"ftp://") || starts(b"www.") {
        return true;
    }
    if s.contains('@') {
        return false;
    }
    let host_end = s.find('/').unwrap_or(s.len());
    let host = &s[..host_end];
    match host.rsplit_once('.') {
        Some((name, tld)) => {
            !name.is_empty()
                && name.split('.').all(|label| !label.is_empty())
                && name
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'.')
                && name.bytes().next().is_some_and(|c| c.is_ascii_alphanumeric())
                && is_common_tld(tld)
                && (host_end < s.len() || name.bytes().any(|c| c.is_ascii_lowercase()))
        }
        None => false,
    }
}

/// Top-level domains common enough to recognize bare host names.
pub fn is_common_tld(t: &str) -> bool {
    matches!(
        t,
        "com"
            | "org"
            | "net"
            | "edu"
            | "gov"
            | "io"
            | "co"
            | "uk"
            | "us"
            | "de"
            | "fr"
            | "ca"
            | "au"
            | "info"
            | "biz"
            | "ly"
            | "me"
            | "tv"
            | "ru"
            | "cn"
            | "jp"
            | "in"
            | "it"
            | "es"
            | "nl"
            | "eu"
            | "int"
            | "mil"
            | "ai"
            | "app"
            | "dev"
            | "news"
    )
}

/// E-mail addresses: `local@domain.tld`.
pub fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"._%+-".contains(&c))
        && domain.contains('.')
        && !domain.ends_with('.')
        && !domain.starts_with('.')
        && domain
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use TokenKind::*;

    #[test]
    fn kinds() {
        assert_eq!(kind_of("{mosads}"), Debris);
        assert_eq!(kind_of("&amp;"), Debris);
        assert_eq!(kind_of("<br/>"), Debris);
        assert_eq!(kind_of("\u{200B}"), Debris);
        assert_eq!(kind_of("https://x.org/a"), Url);
        assert_eq!(kind_of("www.bbc.co.uk"), Url);
        assert_eq!(kind_of("bbc.com"), Url);
        assert_eq!(kind_of("a.b@c.org"), Email);
        assert_eq!(kind_of("@nytimes"), Handle);
        assert_eq!(kind_of("#MeToo"), Hashtag);
        assert_eq!(kind_of("👍🏽"), Emoji);
        assert_eq!(kind_of("10,000.5"), Number);
        assert_eq!(kind_of("21st"), Number);
        assert_eq!(kind_of("U.S."), Word);
        assert_eq!(kind_of("-LRB-"), Punct);
        assert_eq!(kind_of("--"), Punct);
        assert_eq!(kind_of("$"), Symbol);
        assert_eq!(kind_of("{"), Punct);
    }
}
