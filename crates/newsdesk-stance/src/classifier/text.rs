//! Text analysis for the features: lower-cased word hashes, sentence ranges,
//! stop words and cue lexicons (refuting, hedging, reporting, supporting,
//! negation words; data files in `cues/`).
use newsdesk_core::hash::{fnv1a64, HashKeyed};
use newsdesk_core::wordlist;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Cue classes a word can belong to (bit flags).
pub mod cue {
    pub const REFUTE: u8 = 1;
    pub const HEDGE: u8 = 2;
    pub const REPORT: u8 = 4;
    pub const SUPPORT: u8 = 8;
    pub const NEGATION: u8 = 16;
    /// Number of cue classes and their names, in bit order.
    pub const NAMES: [&str; 5] = ["refute", "hedge", "report", "support", "negation"];
}

const REFUTE: &str = include_str!("cues/refute.txt");
const HEDGE: &str = include_str!("cues/hedge.txt");
const REPORT: &str = include_str!("cues/report.txt");
const SUPPORT: &str = include_str!("cues/support.txt");
const NEGATION: &str = include_str!("cues/negation.txt");
const STOP: &str = include_str!("cues/stop.txt");

struct Lexicon {
    cues: HashMap<u64, u8, HashKeyed>,
    stop: HashMap<u64, (), HashKeyed>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut cues = HashMap::default();
        for (words, name, flag) in [
            (REFUTE, "refute", cue::REFUTE),
            (HEDGE, "hedge", cue::HEDGE),
            (REPORT, "report", cue::REPORT),
            (SUPPORT, "support", cue::SUPPORT),
            (NEGATION, "negation", cue::NEGATION),
        ] {
            for w in list(words, name) {
                *cues.entry(fnv1a64(w.as_bytes())).or_insert(0) |= flag;
            }
        }
        let stop = list(STOP, "stop").iter().map(|w| (fnv1a64(w.as_bytes()), ())).collect();
        Lexicon { cues, stop }
    })
}

/// The entries of an embedded cue list (checked by the unit tests, so the
/// `expect` cannot fire in a released build).
fn list(text: &'static str, name: &str) -> Vec<&'static str> {
    wordlist::words(text, &format!("cues/{name}.txt")).expect("embedded cue lists parse")
}

/// Cue flags of a word hash (0 if none).
pub fn cue_flags(word: u64) -> u8 {
    lexicon().cues.get(&word).copied().unwrap_or(0)
}

/// Whether a word hash is a stop word (negations are not stop words).
pub fn is_stop(word: u64) -> bool {
    lexicon().stop.contains_key(&word)
}

/// A text as a sequence of lower-cased words split into sentences.
#[derive(Clone, Debug, Default)]
pub struct Words {
    /// Hash of each lower-cased word (`’` read as `'`).
    pub hashes: Vec<u64>,
    /// Word ranges `start..end` of the sentences, in order, none empty.
    pub sents: Vec<(u32, u32)>,
}

/// Split `text` into words (alphanumeric runs, keeping inner apostrophes) and
/// sentences (ended by `.`, `!`, `?` followed by a space or end, or a newline).
pub fn words(text: &str) -> Words {
    let mut out = Words {
        hashes: Vec::with_capacity(text.len() / 5),
        sents: Vec::new(),
    };
    let mut buf: Vec<u8> = Vec::with_capacity(32);
    let mut sent_start = 0u32;
    let mut chars = text.chars().peekable();
    let flush_word = |buf: &mut Vec<u8>, out: &mut Words| {
        if !buf.is_empty() {
            while buf.last() == Some(&b'\'') {
                buf.pop();
            }
            out.hashes.push(fnv1a64(buf));
            buf.clear();
        }
    };
    let end_sentence = |out: &mut Words, sent_start: &mut u32| {
        let n = out.hashes.len() as u32;
        if n > *sent_start {
            out.sents.push((*sent_start, n));
            *sent_start = n;
        }
    };
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            if c.is_ascii() {
                buf.push(c.to_ascii_lowercase() as u8);
            } else {
                for l in c.to_lowercase() {
                    let mut b = [0u8; 4];
                    buf.extend_from_slice(l.encode_utf8(&mut b).as_bytes());
                }
            }
            continue;
        }
        if (c == '\'' || c == '’') && !buf.is_empty() && chars.peek().is_some_and(|n| n.is_alphanumeric()) {
            buf.push(b'\'');
            continue;
        }
        flush_word(&mut buf, &mut out);
        match c {
            '\n' => end_sentence(&mut out, &mut sent_start),
            '.' | '!' | '?'
                if chars
                    .peek()
                    .map_or(true, |n| n.is_whitespace() || *n == '"' || *n == '”') =>
            {
                end_sentence(&mut out, &mut sent_start)
            }
            _ => {}
        }
    }
    flush_word(&mut buf, &mut out);
    end_sentence(&mut out, &mut sent_start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(w: &str) -> u64 {
        fnv1a64(w.as_bytes())
    }

    #[test]
    fn words_lowercase_apostrophes_and_sentences() {
        let w = words("The U.S. didn’t DENY it. “Fake!” he said\nNew line 3.5 km");
        assert_eq!(w.hashes[0], h("the"));
        assert_eq!(w.hashes[1], h("u"));
        assert!(w.hashes.contains(&h("didn't")));
        assert!(w.hashes.contains(&h("deny")));
        let texts: Vec<usize> = w.sents.iter().map(|&(s, e)| (e - s) as usize).collect();
        // "The U.S." ends a sentence only where a space follows the period.
        assert_eq!(texts, vec![3, 3, 1, 2, 5]);
        assert_eq!(w.hashes.len(), 14);
    }

    #[test]
    fn lexicon_flags() {
        assert_eq!(cue_flags(h("hoax")), cue::REFUTE);
        assert_eq!(cue_flags(h("never")), cue::REFUTE | cue::NEGATION);
        assert_ne!(cue_flags(h("reportedly")) & cue::HEDGE, 0);
        assert_eq!(cue_flags(h("table")), 0);
        assert!(is_stop(h("the")) && !is_stop(h("not")));
    }
}
