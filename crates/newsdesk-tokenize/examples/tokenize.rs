//! Print the tokens and sentences of stdin, one sentence per line, tokens
//! separated by spaces (debris in `⟦…⟧`).
//!
//! `echo "Mr. Smith didn't go." | cargo run -p newsdesk-tokenize --example tokenize`
use newsdesk_tokenize::{SentenceSplitter, TokenKind, Tokenizer};
use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let tokens = Tokenizer::default().tokenize(&text);
    for sent in SentenceSplitter::default().split(&text, &tokens) {
        let words: Vec<String> = tokens[sent.start as usize..sent.end as usize]
            .iter()
            .filter(|t| t.kind != TokenKind::Space)
            .map(|t| match t.kind {
                TokenKind::Debris => format!("⟦{}⟧", t.text(&text)),
                _ => t.text(&text).to_string(),
            })
            .collect();
        println!("{}", words.join(" "));
    }
    Ok(())
}
