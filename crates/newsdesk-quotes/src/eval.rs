//! Scoring quotations against gold annotations (the `quotes/dev.jsonl` format:
//! `{"id", "text", "quotes": [{"start", "end", "speaker", "speaker_also", ...}]}`,
//! offsets in chars).
//!
//! A predicted quotation matches a gold one when their spans are equal after
//! trimming whitespace and punctuation at both ends; speaker accuracy counts
//! matched gold quotations whose predicted speaker equals `speaker` or one of
//! `speaker_also` (case-insensitive), `null` matching only `null`.
use crate::QuotesError;
use newsdesk_core::{CharSpan, Quote, Speaker};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One gold quotation.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldQuote {
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
    #[serde(default)]
    pub speaker_also: Vec<String>,
}

/// One annotated article.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldDoc {
    #[serde(default)]
    pub id: String,
    pub text: String,
    pub quotes: Vec<GoldQuote>,
}

/// Read a gold JSONL file; errors name the file and line.
pub fn read_gold(path: &Path) -> Result<Vec<GoldDoc>, QuotesError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| QuotesError::Io {
        path: file.clone(),
        source,
    })?;
    newsdesk_core::jsonl::parse(&text, |doc: &GoldDoc| {
        let len = doc.text.chars().count();
        match doc.quotes.iter().find(|q| q.start > q.end || q.end > len) {
            Some(q) => Err(format!(
                "quote {}..{} does not fit the text ({len} chars)",
                q.start, q.end
            )),
            None => Ok(()),
        }
    })
    .map_err(|e| QuotesError::Jsonl {
        file,
        line: e.line,
        message: e.message,
    })
}

/// A quote at chars `start..end` by a speaker known only by name (as gold
/// files give them).
pub fn quote(start: u32, end: u32, speaker: Option<&str>) -> Quote {
    Quote {
        start_char: start,
        end_char: end,
        speaker: speaker.map(|name| Speaker {
            name: name.to_string(),
            mention: CharSpan {
                start_char: 0,
                end_char: 0,
            },
            entity: None,
            label: None,
        }),
        cue: None,
        speaker_score: None,
    }
}

/// `a..b` trimmed of whitespace and punctuation at both ends.
pub fn core_span(chars: &[char], a: usize, b: usize) -> (usize, usize) {
    let keep = |c: &char| c.is_alphanumeric();
    let a2 = (a..b).find(|&i| keep(&chars[i])).unwrap_or(b);
    let b2 = (a2..b).rev().find(|&i| keep(&chars[i])).map_or(a2, |i| i + 1);
    (a2, b2)
}

/// Whether a predicted speaker is right for a gold quotation.
pub fn speaker_correct(gold: &GoldQuote, pred: Option<&Speaker>) -> bool {
    name_correct(gold, pred.map(|s| s.name.as_str()))
}

/// Whether a predicted speaker name (`None`: nobody) is right for a gold quotation.
pub fn name_correct(gold: &GoldQuote, pred: Option<&str>) -> bool {
    match (&gold.speaker, pred) {
        (None, None) => true,
        (Some(g), Some(p)) => {
            let p = p.to_lowercase();
            std::iter::once(g)
                .chain(&gold.speaker_also)
                .any(|s| s.to_lowercase() == p)
        }
        _ => false,
    }
}

/// A missed, spurious or wrongly attributed quotation.
#[derive(Clone, Debug, Serialize)]
pub struct Mismatch {
    /// `missed`, `spurious` or `speaker`.
    pub kind: &'static str,
    pub quote: String,
    pub gold_speaker: Option<String>,
    pub predicted: Option<String>,
}

/// How a matched quotation's speaker can be wrong, as [`Counts`] counts
/// them: another speaker than the annotated one, nobody where the article
/// names one, or someone where the annotation says nobody.
pub const SPEAKER_ERRORS: [&str; 3] = ["wrong_speaker", "nobody_for_named", "someone_for_nobody"];

/// Which of [`SPEAKER_ERRORS`] a wrong speaker is (gold and predicted names;
/// `None`: nobody).
fn speaker_error(gold: Option<&str>, pred: Option<&str>) -> usize {
    match (gold, pred) {
        (Some(_), None) => 1,
        (None, Some(_)) => 2,
        _ => 0,
    }
}

/// Lower bounds of the speaker-score bands that [`Counts`] also counts: how
/// many of the learned ranker's choices are at least this sure, and how many
/// of those are right.
pub const SCORE_BANDS: [f64; 3] = [0.5, 0.7, 0.9];

/// Counts behind precision, recall, F1 and speaker accuracy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub speaker_correct: usize,
    /// Matched quotations whose speaker score reaches each of [`SCORE_BANDS`].
    pub scored: [usize; SCORE_BANDS.len()],
    /// Of those, the ones with the right speaker.
    pub scored_correct: [usize; SCORE_BANDS.len()],
    /// Matched quotations with a wrong speaker, by [`SPEAKER_ERRORS`].
    pub speaker_errors: [usize; SPEAKER_ERRORS.len()],
}

impl std::ops::AddAssign<&Counts> for Counts {
    /// Pool another set of counts into these (folds of a cross-validation).
    fn add_assign(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched += o.matched;
        self.speaker_correct += o.speaker_correct;
        for (a, b) in self.scored.iter_mut().zip(o.scored) {
            *a += b;
        }
        for (a, b) in self.scored_correct.iter_mut().zip(o.scored_correct) {
            *a += b;
        }
        for (a, b) in self.speaker_errors.iter_mut().zip(o.speaker_errors) {
            *a += b;
        }
    }
}

impl Counts {
    /// Add one document's gold and predicted quotations (one-to-one matching);
    /// returns what went wrong, for error analysis.
    pub fn add(&mut self, text: &str, gold: &[GoldQuote], pred: &[Quote]) -> Vec<Mismatch> {
        let chars: Vec<char> = text.chars().collect();
        let span_text = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
        let name = |s: Option<&Speaker>| s.map(|s| s.name.clone());
        let mut used = vec![false; pred.len()];
        let mut wrong = Vec::new();
        self.gold += gold.len();
        self.predicted += pred.len();
        for g in gold {
            let want = core_span(&chars, g.start, g.end);
            let hit = pred
                .iter()
                .enumerate()
                .find(|(i, p)| !used[*i] && core_span(&chars, p.start_char as usize, p.end_char as usize) == want);
            let predicted = hit.and_then(|(_, p)| name(p.speaker.as_ref()));
            let kind = match hit {
                None => Some("missed"),
                Some((i, p)) => {
                    used[i] = true;
                    self.matched += 1;
                    let ok = speaker_correct(g, p.speaker.as_ref());
                    self.speaker_correct += ok as usize;
                    for (k, band) in SCORE_BANDS.iter().enumerate() {
                        if p.speaker_score.is_some_and(|s| f64::from(s) >= *band) {
                            self.scored[k] += 1;
                            self.scored_correct[k] += ok as usize;
                        }
                    }
                    if !ok {
                        self.speaker_errors[speaker_error(g.speaker.as_deref(), predicted.as_deref())] += 1;
                    }
                    (!ok).then_some("speaker")
                }
            };
            if let Some(kind) = kind {
                let (quote, gold_speaker) = (span_text(g.start, g.end), g.speaker.clone());
                wrong.push(Mismatch {
                    kind,
                    quote,
                    gold_speaker,
                    predicted,
                });
            }
        }
        for (p, _) in pred.iter().zip(&used).filter(|(_, u)| !**u) {
            let quote = span_text(p.start_char as usize, p.end_char as usize);
            wrong.push(Mismatch {
                kind: "spurious",
                quote,
                gold_speaker: None,
                predicted: name(p.speaker.as_ref()),
            });
        }
        wrong
    }

    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_correct, self.matched)
    }
    /// Speaker accuracy of the matched quotations whose score reaches `SCORE_BANDS[k]`.
    pub fn scored_accuracy(&self, k: usize) -> f64 {
        ratio(self.scored_correct[k], self.scored[k])
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_match_after_trimming_punctuation() {
        let text = "“Yes, we can,” Obama said. “No.”";
        let gold = [
            GoldQuote {
                start: 1,
                end: 13,
                speaker: Some("Barack Obama".into()),
                speaker_also: vec!["Obama".into()],
            },
            GoldQuote {
                start: 28,
                end: 31,
                speaker: None,
                speaker_also: vec![],
            },
        ];
        let scored = |q: Quote, s: f32| Quote {
            speaker_score: Some(s),
            ..q
        };
        let mut c = Counts::default();
        let wrong = c.add(
            text,
            &gold,
            &[
                scored(quote(1, 12, Some("OBAMA")), 0.95),
                scored(quote(28, 30, Some("Obama")), 0.6),
                quote(0, 5, None),
            ],
        );
        let kinds: Vec<&str> = wrong.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, ["speaker", "spurious"]);
        assert_eq!(
            c,
            Counts {
                gold: 2,
                predicted: 3,
                matched: 2,
                speaker_correct: 1,
                // the sure right one in every band, the unsure wrong one only in the lowest
                scored: [2, 1, 1],
                scored_correct: [1, 1, 1],
                // `Obama` for the gold nobody
                speaker_errors: [0, 0, 1],
            }
        );
        assert!((c.precision() - 2.0 / 3.0).abs() < 1e-9 && c.recall() == 1.0);
        assert!((c.speaker_accuracy() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn wrong_speakers_are_told_apart() {
        let text = "“A,” Kim said. “B,” Lee said. “C,” he said.";
        let gold = |start, end, speaker: Option<&str>| GoldQuote {
            start,
            end,
            speaker: speaker.map(str::to_string),
            speaker_also: vec![],
        };
        let mut c = Counts::default();
        c.add(
            text,
            &[gold(1, 3, Some("Kim")), gold(16, 18, Some("Lee")), gold(31, 33, None)],
            &[
                quote(1, 3, Some("Lee")),
                quote(16, 18, None),
                quote(31, 33, Some("Lee")),
            ],
        );
        assert_eq!((c.matched, c.speaker_correct), (3, 0));
        assert_eq!(c.speaker_errors, [1, 1, 1]);
        let mut right = Counts::default();
        right.add(text, &[gold(1, 3, Some("Kim"))], &[quote(1, 3, Some("kim"))]);
        assert_eq!(right.speaker_errors, [0, 0, 0]);
        let mut pooled = c;
        pooled += &right;
        assert_eq!((pooled.gold, pooled.matched, pooled.speaker_correct), (4, 4, 1));
        assert_eq!(pooled.speaker_errors, [1, 1, 1]);
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let dir = std::env::temp_dir().join(format!("newsdesk-quotes-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.jsonl");
        std::fs::write(&path, "{\"text\": \"ab\", \"quotes\": []}\n\n{\"text\": \"ab\", \"quotes\": [{\"start\": 0, \"end\": 9, \"speaker\": null}]}\n").unwrap();
        let err = read_gold(&path).unwrap_err().to_string();
        assert!(err.contains("bad.jsonl:3:") && err.contains("does not fit"), "{err}");
        std::fs::write(&path, "{oops\n").unwrap();
        assert!(read_gold(&path).unwrap_err().to_string().contains("bad.jsonl:1:"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
