//! Sentence segmentation over tokens.
use crate::token::{Token, TokenKind, FLAG_PARAGRAPH_AFTER};
use serde::{Deserialize, Serialize};

/// A sentence: the token range `start..end` (token indexes, end exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: u32,
    pub end: u32,
}

/// Splits a token sequence into sentences.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SentenceSplitter {}

impl SentenceSplitter {
    pub fn split(&self, text: &str, tokens: &[Token]) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut start = 0usize;
        for (i, t) in tokens.iter().enumerate() {
            let s = t.text(text);
            let end_here = t.has(FLAG_PARAGRAPH_AFTER)
                || (t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?"));
            if end_here {
                out.push(Sentence { start: start as u32, end: i as u32 + 1 });
                start = i + 1;
            }
        }
        if start < tokens.len() {
            out.push(Sentence { start: start as u32, end: tokens.len() as u32 });
        }
        out
    }
}
