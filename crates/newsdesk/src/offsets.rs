//! Char offsets on a [`Doc`]: layers (entities, quotes, speakers) locate spans
//! by char offsets, while `Doc::text` is indexed by bytes; tokens carry both.
use newsdesk_core::Doc;

/// Conversions between char offsets, byte offsets and token indexes of a [`Doc`].
///
/// ```
/// use newsdesk::{Offsets, Pipeline};
/// let doc = Pipeline::blank().process("Café “ok” now");
/// assert_eq!(doc.text_between(6, 8), "ok");
/// assert_eq!(doc.byte_of_char(5), "Café ".len());
/// ```
pub trait Offsets {
    /// Byte offset in the text of char offset `c` (clamped to the end).
    fn byte_of_char(&self, c: u32) -> usize;
    /// The text between two char offsets (empty if they are reversed, which a
    /// hand-made JSON document may contain).
    fn text_between(&self, start_char: u32, end_char: u32) -> &str;
    /// Token range `start..end` covering the chars `start_char..end_char`.
    fn tokens_of_chars(&self, start_char: u32, end_char: u32) -> (u32, u32);
    /// Char range of the tokens `start..end` (without trailing whitespace).
    fn chars_of_tokens(&self, start: u32, end: u32) -> (u32, u32);
    /// Length of the text in chars.
    fn char_len(&self) -> u32;
}

impl Offsets for Doc {
    // The two conversions the table writer also needs live on `Doc` itself.
    fn byte_of_char(&self, c: u32) -> usize {
        Doc::byte_of_char(self, c)
    }

    fn text_between(&self, start_char: u32, end_char: u32) -> &str {
        Doc::text_between(self, start_char, end_char)
    }

    fn tokens_of_chars(&self, start_char: u32, end_char: u32) -> (u32, u32) {
        let toks = &self.tokens;
        let start = toks.partition_point(|t| t.char_end <= start_char);
        let end = toks.partition_point(|t| t.char_start < end_char).max(start);
        (start as u32, end as u32)
    }

    fn chars_of_tokens(&self, start: u32, end: u32) -> (u32, u32) {
        let toks = &self.tokens;
        let at = |i: u32| toks.get(i as usize).map_or(self.char_len(), |t| t.char_start);
        if end > start {
            (toks[start as usize].char_start, toks[end as usize - 1].char_end)
        } else {
            (at(start), at(start))
        }
    }

    fn char_len(&self) -> u32 {
        self.tokens.last().map_or(0, |t| t.char_ws_end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pipeline;

    #[test]
    fn char_offsets_map_to_bytes_and_tokens() {
        let d = Pipeline::blank().process("Café “ok” now");
        assert_eq!(d.text_between(0, 4), "Café");
        assert_eq!(d.text_between(6, 8), "ok");
        assert_eq!(d.text_between(10, 13), "now");
        assert_eq!(d.text_between(8, 6), "", "reversed");
        assert_eq!(d.byte_of_char(d.char_len()), d.text.len());
        let (start, end) = d.tokens_of_chars(6, 8);
        assert_eq!(d.token_text(start as usize), "ok");
        assert_eq!(end, start + 1);
        assert_eq!(d.chars_of_tokens(start, end), (6, 8));
        assert_eq!(
            d.chars_of_tokens(2, 2),
            (d.tokens[2].char_start, d.tokens[2].char_start)
        );
    }
}
