//! The `entity_ruler` component: entities from user patterns.
//!
//! Patterns are JSON objects, one per line in a JSONL file:
//!
//! ```text
//! {"label": "ORG", "pattern": "State Department"}
//! {"label": "ORG", "pattern": "nato", "case_sensitive": false}
//! {"label": "PRODUCT", "pattern": [{"lower": "iphone"}, {"regex": "^[0-9]+$"}]}
//! ```
//!
//! A string pattern is a phrase, tokenized like documents and matched token by
//! token (exactly, or ignoring case when `case_sensitive` is false; default
//! true). A list pattern matches one token per element: `text` (exact),
//! `lower` (ignoring case) or `regex` (the regex must match somewhere in the
//! token text; anchor it with `^…$` for whole tokens). Debris and space
//! tokens are skipped, so they never join or split a match.
//!
//! **Conflicts.** Among pattern matches the longest wins, then the earliest;
//! overlapping shorter matches are dropped. Pattern entities win over model
//! entities: any model entity overlapping a pattern entity is removed, whether
//! the ruler runs before or after `ner`. Pattern entities have score 1.0.
use crate::NerError;
use newsdesk_core::tokenize::{lower, Token, Tokenizer};
use newsdesk_core::{Component, CoreError, Doc, Entity, EntitySource};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One token of a token pattern: exactly one of the fields is set.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenPattern {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regex: Option<String>,
}

/// A phrase or a token sequence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PatternBody {
    Phrase(String),
    Tokens(Vec<TokenPattern>),
}

/// A user pattern with its entity label.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    pub label: String,
    pub pattern: PatternBody,
    /// Phrase patterns only: match case exactly (default true).
    #[serde(default = "yes")]
    pub case_sensitive: bool,
}

fn yes() -> bool {
    true
}

#[derive(Clone)]
enum Matcher {
    Text(String),
    Lower(String),
    Regex(regex::Regex),
}

impl Matcher {
    fn matches(&self, text: &str) -> bool {
        match self {
            Matcher::Text(t) => t == text,
            Matcher::Lower(t) => *t == lower(text),
            Matcher::Regex(r) => r.is_match(text),
        }
    }
}

#[derive(Clone)]
struct Compiled {
    label: String,
    tokens: Vec<Matcher>,
}

/// Adds pattern entities to documents (see the module docs for the rules).
#[derive(Clone, Default)]
pub struct EntityRuler {
    patterns: Vec<Pattern>,
    compiled: Vec<Compiled>,
    /// Patterns whose first token is an exact or lowercase string, by that string lowercased.
    by_first: HashMap<String, Vec<usize>>,
    /// Patterns starting with a regex (tried everywhere).
    regex_first: Vec<usize>,
}

impl std::fmt::Debug for EntityRuler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EntityRuler")
            .field("patterns", &self.patterns.len())
            .finish()
    }
}

impl EntityRuler {
    pub fn new(patterns: Vec<Pattern>) -> Result<EntityRuler, NerError> {
        let mut ruler = EntityRuler::default();
        ruler.add(patterns)?;
        Ok(ruler)
    }

    /// Read patterns from a JSONL file (blank lines are skipped).
    pub fn from_jsonl(path: &std::path::Path) -> Result<EntityRuler, NerError> {
        let text = std::fs::read_to_string(path).map_err(|e| NerError::io(path, e))?;
        let mut patterns = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let p = serde_json::from_str(line).map_err(|e| NerError::Data {
                path: path.display().to_string(),
                line: i + 1,
                message: format!("bad pattern: {e}"),
            })?;
            patterns.push(p);
        }
        EntityRuler::new(patterns)
    }

    /// Add patterns (checked and compiled now).
    pub fn add(&mut self, patterns: Vec<Pattern>) -> Result<(), NerError> {
        let tokenizer = Tokenizer::default();
        for p in patterns {
            let index = self.patterns.len();
            let err = |message: String| NerError::Pattern { index, message };
            if p.label.is_empty() {
                return Err(err("empty label".into()));
            }
            let tokens: Vec<Matcher> = match &p.pattern {
                PatternBody::Phrase(s) => tokenizer
                    .tokenize(s)
                    .iter()
                    .filter(|t| t.is_content())
                    .map(|t| {
                        let w = t.text(s);
                        if p.case_sensitive {
                            Matcher::Text(w.to_string())
                        } else {
                            Matcher::Lower(lower(w).into_owned())
                        }
                    })
                    .collect(),
                PatternBody::Tokens(ts) => ts
                    .iter()
                    .map(|t| match (&t.text, &t.lower, &t.regex) {
                        (Some(x), None, None) => Ok(Matcher::Text(x.clone())),
                        (None, Some(x), None) => Ok(Matcher::Lower(lower(x).into_owned())),
                        (None, None, Some(r)) => regex::Regex::new(r)
                            .map(Matcher::Regex)
                            .map_err(|e| err(format!("bad regex {r:?}: {e}"))),
                        _ => Err(err("each token needs exactly one of text, lower, regex".into())),
                    })
                    .collect::<Result<_, _>>()?,
            };
            if tokens.is_empty() {
                return Err(err("the pattern has no tokens".into()));
            }
            match &tokens[0] {
                Matcher::Text(t) | Matcher::Lower(t) => {
                    self.by_first.entry(lower(t).into_owned()).or_default().push(index)
                }
                Matcher::Regex(_) => self.regex_first.push(index),
            }
            self.compiled.push(Compiled {
                label: p.label.clone(),
                tokens,
            });
            self.patterns.push(p);
        }
        Ok(())
    }

    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// Non-overlapping pattern entities of a document (longest, then earliest, first).
    pub fn entities(&self, doc: &Doc) -> Vec<Entity> {
        let idx: Vec<usize> = (0..doc.tokens.len()).filter(|&i| doc.tokens[i].is_content()).collect();
        let texts: Vec<&str> = idx.iter().map(|&i| doc.token_text(i)).collect();
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for s in 0..texts.len() {
            let first = lower(texts[s]);
            let candidates = self
                .by_first
                .get(first.as_ref())
                .into_iter()
                .flatten()
                .chain(&self.regex_first);
            for &p in candidates {
                let toks = &self.compiled[p].tokens;
                if s + toks.len() <= texts.len() && toks.iter().zip(&texts[s..]).all(|(m, t)| m.matches(t)) {
                    found.push((s, s + toks.len(), p));
                }
            }
        }
        found.sort_by_key(|&(s, e, p)| (std::cmp::Reverse(e - s), s, p));
        let mut taken = vec![false; texts.len()];
        let mut out = Vec::new();
        for (s, e, p) in found {
            if taken[s..e].iter().any(|&t| t) {
                continue;
            }
            taken[s..e].iter_mut().for_each(|t| *t = true);
            let (a, b): (&Token, &Token) = (&doc.tokens[idx[s]], &doc.tokens[idx[e - 1]]);
            out.push(Entity {
                start: idx[s] as u32,
                end: idx[e - 1] as u32 + 1,
                start_char: a.char_start,
                end_char: b.char_end,
                label: self.compiled[p].label.clone(),
                score: 1.0,
                source: EntitySource::Pattern,
            });
        }
        out.sort_by_key(|e| e.start);
        out
    }
}

impl Component for EntityRuler {
    fn name(&self) -> &str {
        "entity_ruler"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), CoreError> {
        let existing: Vec<Entity> = doc
            .ents
            .iter()
            .filter(|e| e.source == EntitySource::Pattern)
            .cloned()
            .collect();
        let new: Vec<Entity> = self
            .entities(doc)
            .into_iter()
            .filter(|n| !existing.iter().any(|e| overlaps(e, n)))
            .collect();
        doc.ents
            .retain(|e| e.source != EntitySource::Model || !new.iter().any(|n| overlaps(e, n)));
        doc.ents.extend(new);
        doc.ents.sort_by_key(|e| (e.start, e.end));
        Ok(())
    }
}

fn overlaps(a: &Entity, b: &Entity) -> bool {
    a.start < b.end && b.start < a.end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc {
        Doc::from_text(text)
    }

    fn pats(jsonl: &str) -> Vec<Pattern> {
        jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    }

    #[test]
    fn phrases_tokens_and_longest_wins() {
        let ruler = EntityRuler::new(pats(concat!(
            r#"{"label": "ORG", "pattern": "State Department"}"#,
            "\n",
            r#"{"label": "GPE", "pattern": "state", "case_sensitive": false}"#,
            "\n",
            r#"{"label": "PRODUCT", "pattern": [{"lower": "iphone"}, {"regex": "^[0-9]+$"}]}"#,
        )))
        .unwrap();
        let mut d = doc("The State Department bought an IPHONE 15 for the state.");
        let model = Entity {
            start: 2,
            end: 3,
            start_char: 4,
            end_char: 9,
            label: "GPE".into(),
            score: 0.9,
            source: EntitySource::Model,
        };
        d.ents.push(model);
        ruler.process(&mut d).unwrap();
        let got: Vec<(String, String, EntitySource)> = d
            .ents
            .iter()
            .map(|e| {
                (
                    d.text
                        .chars()
                        .skip(e.start_char as usize)
                        .take((e.end_char - e.start_char) as usize)
                        .collect(),
                    e.label.clone(),
                    e.source,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("State Department".to_string(), "ORG".to_string(), EntitySource::Pattern),
                ("IPHONE 15".to_string(), "PRODUCT".to_string(), EntitySource::Pattern),
                ("state".to_string(), "GPE".to_string(), EntitySource::Pattern),
            ]
        );
    }

    #[test]
    fn bad_patterns_are_reported() {
        let bad = pats(r#"{"label": "X", "pattern": [{"regex": "("}]}"#);
        let err = EntityRuler::new(bad).unwrap_err().to_string();
        assert!(err.starts_with("pattern 0: bad regex"), "{err}");
        let two = pats(r#"{"label": "X", "pattern": [{"text": "a", "lower": "a"}]}"#);
        assert!(EntityRuler::new(two).is_err());
        assert!(serde_json::from_str::<Pattern>(r#"{"label": "X", "patern": "a"}"#).is_err());
    }
}
