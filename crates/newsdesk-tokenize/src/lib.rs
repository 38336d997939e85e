//! Lossless, offset-exact tokenizer and sentence splitter for English news text.
//!
//! Every [`Token`] carries byte and char (Python `str`) offsets of itself and
//! of the whitespace after it, so the tokens tile the text exactly: the
//! tokens' text plus their whitespace gives back the input, for any input.
//! Leading whitespace is a [`TokenKind::Space`] token.
//!
//! Conventions follow the OntoNotes 5.0 / revised Penn Treebank tokens used
//! by the NER training data:
//! - clitics split: `do` `n't`, `ca` `n't`, `Monday` `’s`, `I` `'m`, `can` `not`, `gon` `na`;
//! - punctuation and brackets split; `--`, `...` and dashes are tokens; `$` and `%` split off numbers;
//! - hyphenated words split at the hyphen (`U.S.` `-` `EU`, `G` `-` `20`) except after common
//!   prefixes (`co-chair`, `e-mail`, `anti-war`, `mid-1980s`);
//! - abbreviations and initials keep their period (`U.S.`, `D.C.`, `Mr.`, `Jan.`, `Inc.`, `J.`),
//!   except an abbreviation that ends a paragraph, which gives its period to the sentence
//!   (the listed abbreviations are a data file, `data/abbreviations.txt`, read with [`wordlist`]);
//! - numbers with separators, decimals, times, dates, ordinals and phone numbers stay whole
//!   (`1,000.5`, `10:30`, `3/4`, `21st`, `853-3242`); units glued to numbers split (`5` `pm`);
//! - URLs, e-mail addresses, `@handles`, `#hashtags`, emoji sequences (ZWJ, skin tones, flags)
//!   and emoticons are single tokens;
//! - scraped-web debris (`{mosads}`, HTML tags and entities, zero-width chars) becomes
//!   [`TokenKind::Debris`] tokens: kept with exact offsets, but not content.
//!
//! Features are computed cheaply: [`Token::flags`](Token) is a bitset filled
//! while scanning; [`norm`], [`lower`], [`shape`], [`prefix`] and [`suffix`]
//! are computed on demand from the token text.
//!
//! The [`SentenceSplitter`] respects abbreviations, initials, closing quotes
//! and brackets after the full stop, ellipses, emoticons, paragraph breaks
//! (blank lines, [`FLAG_PARAGRAPH_AFTER`]) and single line breaks that start
//! a new unit; the words that start a sentence after an abbreviation and the
//! sign-offs that end a greeting line are data files too (`data/sentence_starters.txt`,
//! `data/sign_offs.txt`). [`conllu`] and [`eval`] score both against CoNLL-U gold data.
//!
//! ```
//! use newsdesk_tokenize::{norm, shape, SentenceSplitter, TokenKind, Tokenizer};
//! let text = "{mosads}“The U.S.-EU talks didn’t end,” Mr. J. Smith said. They met in D.C.";
//! let tokens = Tokenizer::default().tokenize(text);
//! let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
//! assert_eq!(words, ["{mosads}", "“", "The", "U.S.", "-", "EU", "talks", "did", "n’t", "end", ",", "”",
//!                    "Mr.", "J.", "Smith", "said", ".", "They", "met", "in", "D.C", "."]);
//! assert_eq!(tokens[0].kind, TokenKind::Debris);
//! assert_eq!(norm(words[8]), "n't");
//! assert_eq!(shape(words[3]), "X.X.");
//!
//! // lossless: tokens plus their whitespace rebuild the text
//! let rebuilt: String = tokens.iter().map(|t| format!("{}{}", t.text(text), t.whitespace(text))).collect();
//! assert_eq!(rebuilt, text);
//!
//! let sents = SentenceSplitter::default().split(text, &tokens);
//! assert_eq!(sents.len(), 2);
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
pub mod wordlist;

pub use abbrev::{abbrev_class, is_abbrev, AbbrevClass};
pub use chars::is_invisible;
pub use chunk::keeps_leading_apostrophe;
pub use error::TokenizeError;
pub use features::{classify, like_num, lower, norm, prefix, pretokenized, ptb_unescape, shape, suffix, text_flags};
pub use kind::kind_of;
pub use sentence::{Sentence, SentenceSplitter};
pub use token::*;
pub use tokenizer::Tokenizer;
