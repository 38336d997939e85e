//! The tokenizer (placeholder implementation: whitespace and punctuation).
use crate::token::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Tokenizer {}

impl Tokenizer {
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut toks: Vec<(usize, usize, TokenKind)> = Vec::new();
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                if toks.is_empty() {
                    let mut e = i + c.len_utf8();
                    while let Some(&(j, d)) = it.peek() {
                        if !d.is_whitespace() { break; }
                        e = j + d.len_utf8();
                        it.next();
                    }
                    toks.push((i, e, TokenKind::Space));
                }
                continue;
            }
            if c.is_alphanumeric() {
                let mut e = i + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if !d.is_alphanumeric() { break; }
                    e = j + d.len_utf8();
                    it.next();
                }
                toks.push((i, e, TokenKind::Word));
            } else {
                toks.push((i, i + c.len_utf8(), TokenKind::Punct));
            }
        }
        let mut out = Vec::with_capacity(toks.len());
        let mut chars = 0u32;
        let mut last = 0usize;
        for (k, &(s, e, kind)) in toks.iter().enumerate() {
            let ws_end = toks.get(k + 1).map(|t| t.0).unwrap_or(text.len());
            let cs = chars + text[last..s].chars().count() as u32;
            let ce = cs + text[s..e].chars().count() as u32;
            let cw = ce + text[e..ws_end].chars().count() as u32;
            chars = cw;
            last = ws_end;
            let ws = &text[e..ws_end];
            let mut flags = crate::features::classify(&text[s..e]).1;
            if !ws.is_empty() { flags |= FLAG_SPACE_AFTER; }
            if ws.contains('\n') { flags |= FLAG_NEWLINE_AFTER; }
            if ws.matches('\n').count() >= 2 { flags |= FLAG_PARAGRAPH_AFTER; }
            out.push(Token { start: s as u32, end: e as u32, ws_end: ws_end as u32, char_start: cs, char_end: ce, char_ws_end: cw, kind, flags });
        }
        out
    }
}
