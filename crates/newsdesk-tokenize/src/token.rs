//! The token type: offsets into the original text plus cheap features.
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// What kind of thing a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
    Url,
    Email,
    Handle,
    Hashtag,
    Emoji,
    /// Leading whitespace of a document (all other whitespace trails a token).
    Space,
    /// Scraped-web debris (`{mosads}`, HTML tags/entities, zero-width chars): not content.
    Debris,
}

/// Bit flags describing a token (see the `FLAG_*` constants).
pub type Flags = u16;
pub const FLAG_ALPHA: Flags = 1 << 0;
pub const FLAG_DIGIT: Flags = 1 << 1;
pub const FLAG_PUNCT: Flags = 1 << 2;
pub const FLAG_TITLE: Flags = 1 << 3;
pub const FLAG_UPPER: Flags = 1 << 4;
pub const FLAG_LOWER: Flags = 1 << 5;
pub const FLAG_LIKE_NUM: Flags = 1 << 6;
pub const FLAG_LIKE_URL: Flags = 1 << 7;
pub const FLAG_QUOTE: Flags = 1 << 8;
pub const FLAG_BRACKET: Flags = 1 << 9;
pub const FLAG_SPACE_AFTER: Flags = 1 << 10;
pub const FLAG_NEWLINE_AFTER: Flags = 1 << 11;
pub const FLAG_PARAGRAPH_AFTER: Flags = 1 << 12;

/// One token. Offsets are into the original text: `start..end` is the token,
/// `end..ws_end` its trailing whitespace. For every document the tokens tile
/// the text: `tokens[0].start == 0`, `tokens[i].ws_end == tokens[i + 1].start`
/// and the last `ws_end` equals the text length (in bytes; likewise in chars).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Byte offsets.
    pub start: u32,
    pub end: u32,
    pub ws_end: u32,
    /// Char (Unicode scalar) offsets, as Python `str` indexes.
    pub char_start: u32,
    pub char_end: u32,
    pub char_ws_end: u32,
    pub kind: TokenKind,
    pub flags: Flags,
}

impl Token {
    /// The token's text within `text` (the document it came from).
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }
    /// The trailing whitespace within `text`.
    #[inline]
    pub fn whitespace<'a>(&self, text: &'a str) -> &'a str {
        &text[self.end as usize..self.ws_end as usize]
    }
    #[inline]
    pub fn has(&self, flag: Flags) -> bool {
        self.flags & flag != 0
    }
    /// Content tokens are everything but debris and leading space.
    #[inline]
    pub fn is_content(&self) -> bool {
        !matches!(self.kind, TokenKind::Debris | TokenKind::Space)
    }
    /// Normalized form (see [`crate::norm`]): `’s` → `'s`, `-LRB-` → `(`.
    pub fn norm<'a>(&self, text: &'a str) -> Cow<'a, str> {
        crate::norm(self.text(text))
    }
    /// Lowercase form.
    pub fn lower<'a>(&self, text: &'a str) -> Cow<'a, str> {
        crate::lower(self.text(text))
    }
    /// Word shape (see [`crate::shape`]): `Xxxxx`, `dd`, `X.X.`.
    pub fn shape(&self, text: &str) -> String {
        crate::shape(self.text(text))
    }
}
