//! Collects tokens in text order and keeps byte and char offsets in step.
use crate::features::token_flags;
use crate::token::*;

/// Token collector: tokens must be pushed in order and contiguously
/// (whitespace between them is added with [`Sink::space`]).
pub(crate) struct Sink<'a> {
    pub text: &'a str,
    pub out: Vec<Token>,
    /// Byte offset where the next token or whitespace starts.
    pos: usize,
    /// Char offset of `pos`.
    chars: u32,
    /// The chunk being tokenized is ASCII (so char counts equal byte counts).
    pub ascii: bool,
}

impl<'a> Sink<'a> {
    pub fn new(text: &'a str) -> Sink<'a> {
        Sink {
            text,
            out: Vec::with_capacity(text.len() / 5 + 8),
            pos: 0,
            chars: 0,
            ascii: true,
        }
    }

    /// Append the token `start..end` (which must start where the last one ended).
    #[inline]
    pub fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        debug_assert_eq!(start, self.pos, "tokens must be contiguous");
        debug_assert!(end > start);
        let s = &self.text[start..end];
        let n = if self.ascii {
            (end - start) as u32
        } else {
            char_count(s)
        };
        let flags = token_flags(s, kind);
        let c = self.chars;
        self.out.push(Token {
            start: start as u32,
            end: end as u32,
            ws_end: end as u32,
            char_start: c,
            char_end: c + n,
            char_ws_end: c + n,
            kind,
            flags,
        });
        self.pos = end;
        self.chars = c + n;
    }

    /// Whitespace `start..end`: trails the last token, or is a leading `Space` token.
    #[inline]
    pub fn space(&mut self, start: usize, end: usize) {
        debug_assert_eq!(start, self.pos);
        let ws = &self.text[start..end];
        let (n, flags) = if ws == " " {
            (1, FLAG_SPACE_AFTER)
        } else {
            (char_count(ws), space_flags(ws))
        };
        match self.out.last_mut() {
            Some(last) => {
                last.ws_end = end as u32;
                last.char_ws_end += n;
                last.flags |= flags;
            }
            None => self.out.push(Token {
                start: start as u32,
                end: end as u32,
                ws_end: end as u32,
                char_start: 0,
                char_end: n,
                char_ws_end: n,
                kind: TokenKind::Space,
                flags: flags & !FLAG_SPACE_AFTER,
            }),
        }
        self.pos = end;
        self.chars += n;
    }
}

/// Number of chars (Unicode scalar values) in `s`.
#[inline]
pub(crate) fn char_count(s: &str) -> u32 {
    s.bytes().filter(|&b| (b as i8) >= -0x40).count() as u32
}

/// Whitespace flags: always `FLAG_SPACE_AFTER`; `FLAG_NEWLINE_AFTER` with a
/// line break; `FLAG_PARAGRAPH_AFTER` with two or more (a blank line) or a
/// paragraph separator (U+2029).
fn space_flags(ws: &str) -> Flags {
    let b = ws.as_bytes();
    let mut lines = 0u32;
    let mut para = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'\n' => lines += 1,
            b'\r' if b.get(i + 1) != Some(&b'\n') => lines += 1,
            0x0b | 0x0c => lines += 1,
            0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
                Some(0xA8) => lines += 1,
                Some(0xA9) => para = true,
                _ => {}
            },
            0xC2 if b.get(i + 1) == Some(&0x85) => lines += 1,
            _ => {}
        }
    }
    let mut f = FLAG_SPACE_AFTER;
    if lines > 0 || para {
        f |= FLAG_NEWLINE_AFTER;
    }
    if lines > 1 || para {
        f |= FLAG_PARAGRAPH_AFTER;
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_flags() {
        assert_eq!(space_flags(" "), FLAG_SPACE_AFTER);
        assert_eq!(space_flags(" \n "), FLAG_SPACE_AFTER | FLAG_NEWLINE_AFTER);
        assert_eq!(
            space_flags("\r\n\r\n"),
            FLAG_SPACE_AFTER | FLAG_NEWLINE_AFTER | FLAG_PARAGRAPH_AFTER
        );
        assert!(space_flags("\u{2029}") & FLAG_PARAGRAPH_AFTER != 0);
        assert_eq!(char_count("aé😀"), 3);
    }
}
