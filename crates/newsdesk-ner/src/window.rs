//! Bounded windows for the tagger, so that time and memory grow linearly with
//! the document whatever its length and sentence lengths.
//!
//! A sentence longer than [`MAX_SENTENCE`] tokens is cut into pieces of at
//! most that length, each cut at the safest place in the second half of the
//! window (after `;`, `:` or a terminal, else after other punctuation, else
//! between two lowercase words, so names are not cut). A document is tagged
//! in runs of whole pieces of at most [`MAX_CHUNK`] tokens; document memory,
//! the second pass and label propagation see one run. Neither limit is reached
//! by any sentence or document of the OntoNotes, CoNLL or WNUT dev sets (186
//! and 2,314 tokens at most), nor by news articles.
use crate::model::{Annotator, Prediction};
use newsdesk_core::tokenize::{Token, TokenKind, FLAG_LOWER, FLAG_TITLE, FLAG_UPPER};

/// Longest piece of a sentence the tagger sees, in tokens.
pub const MAX_SENTENCE: usize = 256;
/// Most tokens tagged together as one document.
pub const MAX_CHUNK: usize = 50_000;

/// Feeds sentences to an [`Annotator`] in bounded windows. Each token comes
/// with a caller's position (a document token index, say), and each
/// prediction goes to the sink as `(sentence, positions, prediction)`, where
/// `positions[p.start..p.end]` are the entity's tokens.
pub struct Windows<'t> {
    texts: Vec<&'t str>,
    tokens: Vec<Token>,
    positions: Vec<u32>,
    /// Closed pieces: (sentence, end in the buffers).
    pieces: Vec<(usize, usize)>,
    /// Start of the open piece in the buffers, and its sentence.
    open: usize,
    sentence: usize,
    max_sentence: usize,
    max_chunk: usize,
}

impl Default for Windows<'_> {
    fn default() -> Self {
        Windows::with_limits(MAX_SENTENCE, MAX_CHUNK)
    }
}

impl<'t> Windows<'t> {
    /// Other limits than the default ones (tests, experiments).
    pub fn with_limits(max_sentence: usize, max_chunk: usize) -> Windows<'t> {
        Windows {
            texts: Vec::new(),
            tokens: Vec::new(),
            positions: Vec::new(),
            pieces: Vec::new(),
            open: 0,
            sentence: 0,
            max_sentence: max_sentence.max(2),
            max_chunk: max_chunk.max(max_sentence),
        }
    }

    /// Add a token to sentence `sentence` (sentences in increasing order);
    /// tags a run with `ann` when one is full.
    pub fn push(
        &mut self,
        sentence: usize,
        text: &'t str,
        token: Token,
        position: u32,
        ann: &mut Annotator,
        sink: Sink,
    ) {
        if self.add(sentence, text, token, position) {
            self.flush(ann, sink);
        }
    }

    /// Tag everything still buffered.
    pub fn finish(&mut self, ann: &mut Annotator, sink: Sink) {
        self.close();
        self.flush(ann, sink);
    }

    /// Buffer a token, closing pieces; true when a run is full.
    fn add(&mut self, sentence: usize, text: &'t str, token: Token, position: u32) -> bool {
        if sentence != self.sentence {
            self.close();
            self.sentence = sentence;
        }
        self.texts.push(text);
        self.tokens.push(token);
        self.positions.push(position);
        if self.texts.len() - self.open > self.max_sentence {
            let cut = self.cut_point();
            self.pieces.push((self.sentence, cut));
            self.open = cut;
        }
        self.open >= self.max_chunk
    }

    /// Close the open piece (the end of a sentence).
    fn close(&mut self) {
        if self.texts.len() > self.open {
            self.pieces.push((self.sentence, self.texts.len()));
            self.open = self.texts.len();
        }
    }

    /// Where to end the open piece: the best boundary in the second half of
    /// the window, the latest of equals.
    fn cut_point(&self) -> usize {
        let (from, to) = (self.open + self.max_sentence / 2, self.open + self.max_sentence);
        (from..=to)
            .rev()
            .max_by_key(|&j| boundary(self.texts[j - 1], &self.tokens[j - 1], &self.tokens[j]))
            .unwrap_or(to)
    }

    /// Tag the closed pieces and keep the open one.
    fn flush(&mut self, ann: &mut Annotator, sink: Sink) {
        if self.pieces.is_empty() {
            return;
        }
        let mut start = 0;
        let sents: Vec<(&[&str], &[Token])> = self
            .pieces
            .iter()
            .map(|&(_, end)| {
                let s = (&self.texts[start..end], &self.tokens[start..end]);
                start = end;
                s
            })
            .collect();
        let mut start = 0;
        for (preds, &(sentence, end)) in ann.document(&sents).iter().zip(&self.pieces) {
            for p in preds {
                sink(sentence, &self.positions[start..end], p);
            }
            start = end;
        }
        self.texts.drain(..self.open);
        self.tokens.drain(..self.open);
        self.positions.drain(..self.open);
        self.pieces.clear();
        self.open = 0;
    }
}

/// Where predictions go: `(sentence, piece positions, prediction)`.
pub type Sink<'a> = &'a mut dyn FnMut(usize, &[u32], &Prediction);

/// How safe it is to cut between `before` (text `text`) and `after`: 3 after
/// `;`, `:` or a terminal, 2 after other punctuation, 1 between lowercase
/// words, 0 elsewhere (perhaps inside a name).
fn boundary(text: &str, before: &Token, after: &Token) -> u8 {
    let lower = |t: &Token| t.has(FLAG_LOWER) && !t.has(FLAG_TITLE | FLAG_UPPER);
    if before.kind == TokenKind::Punct {
        if matches!(text, ";" | ":" | "." | "!" | "?") {
            3
        } else {
            2
        }
    } else {
        u8::from(lower(before) && lower(after))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_core::tokenize::pretokenized;

    /// Pieces (sentence, words) that `Windows` makes of `sentences`.
    fn pieces(sentences: &[Vec<&str>], max_sentence: usize) -> Vec<(usize, Vec<String>)> {
        let made: Vec<(String, Vec<Token>)> = sentences.iter().map(|s| pretokenized(s)).collect();
        let mut w = Windows::with_limits(max_sentence, usize::MAX);
        for (s, (text, toks)) in made.iter().enumerate() {
            for (i, t) in toks.iter().enumerate() {
                assert!(!w.add(s, t.text(text), *t, i as u32));
            }
        }
        w.close();
        let mut start = 0;
        w.pieces
            .iter()
            .map(|&(s, end)| {
                let p = (s, w.texts[start..end].iter().map(|t| t.to_string()).collect());
                start = end;
                p
            })
            .collect()
    }

    #[test]
    fn long_sentences_are_cut_at_safe_places() {
        let long: Vec<&str> = "the talks in New York went on ; and on and the Bank of England said so"
            .split(' ')
            .collect();
        let got = pieces(&[vec!["Hi", "."], long.clone()], 8);
        let words: Vec<Vec<String>> = got.iter().map(|p| p.1.clone()).collect();
        assert_eq!(got.iter().map(|p| p.0).collect::<Vec<_>>(), vec![0, 1, 1, 1]);
        assert_eq!(words[1], ["the", "talks", "in", "New", "York", "went", "on", ";"]);
        // Not inside "New York" or "Bank of England": between "said" and "so".
        assert_eq!(words[2], ["and", "on", "and", "the", "Bank", "of", "England", "said"]);
        assert_eq!(words[3], ["so"]);
        assert!(got.iter().all(|p| p.1.len() <= 8));
    }

    #[test]
    #[cfg(feature = "embedded-models")]
    fn windows_tag_like_one_document_when_short_and_piece_by_piece_when_long() {
        let model = crate::NerModel::embedded("ontonotes").unwrap();
        let words: Vec<&str> = "Christopher Painter spoke in Washington on Monday ."
            .split(' ')
            .collect();
        let (text, toks) = pretokenized(&words);
        let texts: Vec<&str> = toks.iter().map(|t| t.text(&text)).collect();
        let whole = model.annotator().document(&[(&texts, &toks)]);
        let run = |max_sentence: usize, copies: usize| {
            let mut ann = model.annotator();
            let mut w = Windows::with_limits(max_sentence, 4 * max_sentence);
            let mut got = Vec::new();
            let mut sink = |s: usize, pos: &[u32], p: &Prediction| got.push((s, pos[p.start], pos[p.end - 1], p.label));
            for c in 0..copies {
                for (i, (t, tok)) in texts.iter().zip(&toks).enumerate() {
                    w.push(0, t, *tok, (c * texts.len() + i) as u32, &mut ann, &mut sink);
                }
            }
            w.finish(&mut ann, &mut sink);
            got
        };
        let expected: Vec<_> = whole[0]
            .iter()
            .map(|p| (0, p.start as u32, p.end as u32 - 1, p.label))
            .collect();
        assert_eq!(run(MAX_SENTENCE, 1), expected);
        // One "sentence" of 500 copies, cut into pieces of at most 16 tokens
        // (after the full stops) and tagged in runs of 64: each copy is
        // found as when alone.
        let long = run(16, 500);
        let n = texts.len() as u32;
        let shifted: Vec<_> = (0..500u32)
            .flat_map(|c| expected.iter().map(move |&(s, a, b, l)| (s, a + c * n, b + c * n, l)))
            .collect();
        assert_eq!(long, shifted);
    }
}
