//! Per-speaker stance data (the `stance/speakers/train.jsonl` format): one
//! article per line, `{"id", "text", "claims", "body_stances", "pairs":
//! [{"speaker", "speaker_also", "claim", "label"}]}`.
use crate::classifier::Label;
use crate::StanceError;
use newsdesk_core::tokenize::{SentenceSplitter, Tokenizer};
use newsdesk_core::Doc;
use newsdesk_quotes::eval::GoldDoc;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One labelled (speaker, claim) pair.
#[derive(Clone, Debug, Deserialize)]
pub struct SpeakerPair {
    pub speaker: String,
    #[serde(default)]
    pub speaker_also: Vec<String>,
    pub claim: String,
    pub label: String,
}

impl SpeakerPair {
    /// A predicted speaker name names this pair's speaker (case-insensitive).
    pub fn matches(&self, name: &str) -> bool {
        std::iter::once(&self.speaker)
            .chain(&self.speaker_also)
            .any(|s| s.to_lowercase() == name.to_lowercase())
    }
}

/// One article with its claims and labelled pairs.
#[derive(Clone, Debug, Deserialize)]
pub struct SpeakerArticle {
    pub id: String,
    pub text: String,
    pub claims: Vec<String>,
    #[serde(default)]
    pub body_stances: BTreeMap<String, String>,
    pub pairs: Vec<SpeakerPair>,
}

/// A quote at chars `start..end` by a speaker known only by name.
pub use newsdesk_quotes::eval::quote;

/// The articles as documents (tokens, sentences) whose quotes are the gold
/// quotes of the same article id in `gold` (the `quotes/*.jsonl` format),
/// speakers named by their gold `speaker` string. An article without gold
/// quotes is an error naming it.
pub fn docs_with_gold_quotes(articles: &[SpeakerArticle], gold: &[GoldDoc]) -> Result<Vec<Doc>, StanceError> {
    articles
        .iter()
        .map(|a| {
            let g = gold
                .iter()
                .find(|g| g.id == a.id)
                .ok_or_else(|| StanceError::Training(format!("article {:?} has no gold quotes", a.id)))?;
            let tokens = Tokenizer::default().tokenize(&a.text);
            let sents = SentenceSplitter::default().split(&a.text, &tokens);
            let mut doc = Doc::new(a.text.clone(), tokens, sents);
            doc.quotes = g
                .quotes
                .iter()
                .map(|q| quote(q.start as u32, q.end as u32, q.speaker.as_deref()))
                .collect();
            Ok(doc)
        })
        .collect()
}

/// Read a per-speaker stance file; errors name the file and line.
pub fn read_articles(path: &Path) -> Result<Vec<SpeakerArticle>, StanceError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| StanceError::Io {
        path: file.clone(),
        source,
    })?;
    newsdesk_core::jsonl::parse(&text, |a: &SpeakerArticle| {
        for p in &a.pairs {
            if Label::parse(&p.label).is_none() {
                return Err(format!("unknown label {:?} for speaker {:?}", p.label, p.speaker));
            }
            if !a.claims.contains(&p.claim) {
                return Err(format!("pair claim {:?} is not in \"claims\"", p.claim));
            }
        }
        Ok(())
    })
    .map_err(|e| StanceError::Jsonl {
        file,
        line: e.line,
        message: e.message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_reports_bad_lines() {
        let dir = std::env::temp_dir().join(format!("newsdesk-speakers-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("s.jsonl");
        let good = r#"{"id":"a","text":"t","claims":["c"],"pairs":[{"speaker":"Ann Lee","speaker_also":["Lee"],"claim":"c","label":"agree"}]}"#;
        std::fs::write(&path, format!("{good}\n\n")).unwrap();
        let a = read_articles(&path).unwrap();
        assert!(a[0].pairs[0].matches("lee") && a[0].pairs[0].matches("ANN LEE") && !a[0].pairs[0].matches("Ann"));
        std::fs::write(&path, format!("{good}\n{}\n", good.replace("agree", "maybe"))).unwrap();
        let e = read_articles(&path).unwrap_err().to_string();
        assert!(e.contains("s.jsonl:2") && e.contains("maybe"), "{e}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
