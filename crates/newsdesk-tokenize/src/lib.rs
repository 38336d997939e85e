//! Lossless, offset-exact tokenizer and sentence splitter for English news text.
//!
//! ```
//! use newsdesk_tokenize::Tokenizer;
//! let text = "The U.S. and EU met in Washington, D.C. on Monday.";
//! let tok = Tokenizer::default();
//! let tokens = tok.tokenize(text);
//! let rebuilt: String = tokens.iter().map(|t| format!("{}{}", t.text(text), t.whitespace(text))).collect();
//! assert_eq!(rebuilt, text);
//! ```
mod abbrev;
mod chars;
mod chunk;
pub mod conllu;
mod error;
pub mod eval;
mod features;
mod kind;
mod sentence;
mod sink;
mod token;
mod tokenizer;

pub use error::TokenizeError;
pub use features::{classify, like_num, lower, norm, prefix, pretokenized, shape, suffix, text_flags};
pub use kind::kind_of;
pub use sentence::{SentenceSplitter, Sentence};
pub use token::*;
pub use tokenizer::Tokenizer;
