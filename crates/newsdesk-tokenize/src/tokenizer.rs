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
