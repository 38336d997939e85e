//! The document: text plus layers, and its versioned JSON form.
use crate::layers::{ClaimStance, Entity, Quote};
use crate::CoreError;
use newsdesk_tokenize::{Sentence, SentenceSplitter, Token, Tokenizer};
use serde::{Deserialize, Serialize};

/// Identifier of the JSON schema written by [`Doc::to_json`].
pub const SCHEMA: &str = "newsdesk.doc/1";

/// A processed document. All layers locate their spans by offsets into `text`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    /// Always [`SCHEMA`] for documents made by this build.
    pub schema: String,
    pub text: String,
    pub tokens: Vec<Token>,
    pub sents: Vec<Sentence>,
    #[serde(default)]
    pub ents: Vec<Entity>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Claims to measure stance against (input to the stance component).
    #[serde(default)]
    pub claims: Vec<String>,
    #[serde(default)]
    pub stances: Vec<ClaimStance>,
}

impl Doc {
    pub fn new(text: String, tokens: Vec<Token>, sents: Vec<Sentence>) -> Doc {
        Doc {
            schema: SCHEMA.to_string(),
            text,
            tokens,
            sents,
            ents: Vec::new(),
            quotes: Vec::new(),
            claims: Vec::new(),
            stances: Vec::new(),
        }
    }

    /// Tokenize and split `text` with the default tokenizer and sentence
    /// splitter (no other layers).
    pub fn from_text(text: &str) -> Doc {
        let tokens = Tokenizer::default().tokenize(text);
        let sents = SentenceSplitter::default().split(text, &tokens);
        Doc::new(text.to_string(), tokens, sents)
    }

    /// Text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens[i].text(&self.text)
    }

    /// Byte offset in `text` of char offset `c` (clamped to the end).
    pub fn byte_of_char(&self, c: u32) -> usize {
        let k = self.tokens.partition_point(|t| t.char_start <= c);
        let Some(t) = k.checked_sub(1).map(|k| &self.tokens[k]) else {
            return 0;
        };
        let rest = &self.text[t.start as usize..];
        rest.char_indices()
            .nth((c - t.char_start) as usize)
            .map_or(self.text.len(), |(b, _)| t.start as usize + b)
    }

    /// The text between two char offsets (empty if they are reversed, which a
    /// hand-made JSON document may contain).
    pub fn text_between(&self, start_char: u32, end_char: u32) -> &str {
        let (a, b) = (self.byte_of_char(start_char), self.byte_of_char(end_char));
        self.text.get(a..b).unwrap_or("")
    }

    /// Serialize to the versioned JSON schema (one line, no trailing newline).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("Doc serialization cannot fail")
    }

    /// Parse a document written by [`Doc::to_json`], checking schema and offsets.
    pub fn from_json(json: &str) -> Result<Doc, CoreError> {
        let doc: Doc = serde_json::from_str(json)?;
        if doc.schema != SCHEMA {
            return Err(CoreError::Schema {
                found: doc.schema,
                expected: SCHEMA,
            });
        }
        doc.validate()?;
        Ok(doc)
    }

    /// Check that tokens tile the text and every layer points inside it.
    pub fn validate(&self) -> Result<(), CoreError> {
        let len = self.text.len() as u32;
        let mut pos = 0u32;
        for (i, t) in self.tokens.iter().enumerate() {
            if t.start != pos || t.end < t.start || t.ws_end < t.end || t.ws_end > len {
                return Err(CoreError::Invalid(format!("token {i} does not continue at byte {pos}")));
            }
            if !self.text.is_char_boundary(t.start as usize) || !self.text.is_char_boundary(t.end as usize) {
                return Err(CoreError::Invalid(format!("token {i} is not on char boundaries")));
            }
            pos = t.ws_end;
        }
        if pos != len {
            return Err(CoreError::Invalid(format!("tokens end at byte {pos}, text has {len}")));
        }
        let n = self.tokens.len() as u32;
        for (i, s) in self.sents.iter().enumerate() {
            if s.start > s.end || s.end > n {
                return Err(CoreError::Invalid(format!("sentence {i} out of range")));
            }
        }
        let chars = self.text.chars().count() as u32;
        for (i, e) in self.ents.iter().enumerate() {
            if e.start >= e.end || e.end > n || e.start_char >= e.end_char || e.end_char > chars {
                return Err(CoreError::Invalid(format!("entity {i} out of range")));
            }
        }
        for (i, q) in self.quotes.iter().enumerate() {
            let spans = std::iter::once((q.start_char, q.end_char))
                .chain(q.cue.iter().map(|c| (c.start_char, c.end_char)))
                .chain(q.speaker.iter().map(|s| (s.mention.start_char, s.mention.end_char)));
            for (start, end) in spans {
                if start > end || end > chars {
                    return Err(CoreError::Invalid(format!(
                        "quote {i} has span {start}..{end} outside the text"
                    )));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CharSpan, Quote};

    fn doc(text: &str) -> Doc {
        Doc::from_text(text)
    }

    #[test]
    fn json_round_trip_and_schema_check() {
        let d = doc("“Fine,” she said. Then she left.");
        assert_eq!(Doc::from_json(&d.to_json()).unwrap(), d);
        let other = d.to_json().replace(SCHEMA, "newsdesk.doc/999");
        assert!(matches!(Doc::from_json(&other), Err(CoreError::Schema { .. })));
    }

    #[test]
    fn offsets_outside_the_text_are_rejected() {
        let mut d = doc("He said it.");
        d.quotes.push(Quote {
            start_char: 3,
            end_char: 40,
            speaker: None,
            cue: Some(CharSpan {
                start_char: 3,
                end_char: 7,
            }),
            speaker_score: None,
        });
        let err = Doc::from_json(&d.to_json()).unwrap_err();
        assert!(err.to_string().contains("quote 0 has span 3..40"), "{err}");
        let mut d = doc("He said it.");
        d.tokens[1].start += 1;
        assert!(Doc::from_json(&d.to_json())
            .unwrap_err()
            .to_string()
            .contains("token 1"));
    }

    #[test]
    fn char_offsets_map_to_bytes() {
        let d = doc("“Fine,” said Zoë. ");
        assert_eq!(d.text_between(1, 5), "Fine");
        assert_eq!(d.text_between(13, 16), "Zoë");
        assert_eq!(d.byte_of_char(17), d.text.len() - 1);
        assert_eq!(d.byte_of_char(99), d.text.len());
        assert_eq!(d.text_between(5, 1), "");
    }

    /// Where an error from [`Doc::from_json`] says the problem is.
    fn names_where(e: &CoreError) -> bool {
        let m = e.to_string();
        match e {
            CoreError::Json(_) => m.contains(" line ") && m.contains(" column "),
            CoreError::Schema { .. } => m.contains("schema"),
            CoreError::Invalid(_) => ["token ", "tokens end at byte", "sentence ", "entity ", "quote "]
                .iter()
                .any(|w| m.contains(w)),
            CoreError::Component { .. } => false,
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn from_json_of_any_bytes_fails_cleanly(bytes in proptest::collection::vec(0u8.., 0..200)) {
            if let Err(e) = Doc::from_json(&String::from_utf8_lossy(&bytes)) {
                proptest::prop_assert!(names_where(&e), "{e}");
            }
        }

        #[test]
        fn from_json_of_mutated_documents_fails_cleanly(
            steps in proptest::collection::vec((0u8.., 0usize.., 0u8..), 1..4)
        ) {
            let mut d = doc("“Fine,” she said. Then Ann Lee left Paris.");
            d.ents.push(crate::Entity {
                start: 5,
                end: 7,
                start_char: 21,
                end_char: 28,
                label: "PERSON".into(),
                score: 0.9,
                source: crate::EntitySource::Model,
            });
            let json = crate::mutate::mutate_all(d.to_json().as_bytes(), &steps);
            if let Err(e) = Doc::from_json(&String::from_utf8_lossy(&json)) {
                proptest::prop_assert!(names_where(&e), "{e}");
            }
        }
    }
}
