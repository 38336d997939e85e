//! Word clusters learned from unlabelled text: each word maps to a bit path in
//! a binary hierarchy (Brown-style); features use prefixes of the path.
use crate::NerError;
use std::collections::HashMap;

/// Cluster paths by word (exact, normalized word form).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Clusters {
    paths: HashMap<String, String>,
}

impl Clusters {
    /// Parse `word<TAB>path` lines (path = string of `0`/`1`, the root being empty).
    pub fn parse(text: &str, origin: &str) -> Result<Clusters, NerError> {
        let mut paths = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let bad = |message: &str| NerError::Data {
                path: origin.to_string(),
                line: i + 1,
                message: message.to_string(),
            };
            let (word, path) = line.split_once('\t').ok_or_else(|| bad("expected word<TAB>path"))?;
            if word.is_empty() || path.len() > 64 || !path.bytes().all(|b| b == b'0' || b == b'1') {
                return Err(bad("cluster path must be 0-64 bits of 0/1 after a non-empty word"));
            }
            paths.insert(word.to_string(), path.to_string());
        }
        Ok(Clusters { paths })
    }

    /// Read a cluster file (see [`Clusters::parse`]).
    pub fn read(path: &std::path::Path) -> Result<Clusters, NerError> {
        let text = std::fs::read_to_string(path).map_err(|e| NerError::io(path, e))?;
        Clusters::parse(&text, &path.display().to_string())
    }

    /// The path of `word`, if known.
    pub fn get(&self, word: &str) -> Option<&str> {
        self.paths.get(word).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.paths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// Entries sorted by word (for deterministic serialization).
    pub fn sorted(&self) -> Vec<(&str, &str)> {
        let mut v: Vec<(&str, &str)> = self.paths.iter().map(|(w, p)| (w.as_str(), p.as_str())).collect();
        v.sort_unstable();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_errors() {
        let c = Clusters::parse("Paris\t0101\nthe\t1\n", "c.txt").unwrap();
        assert_eq!(c.get("Paris"), Some("0101"));
        assert_eq!(c.get("paris"), None);
        let err = Clusters::parse("ok\t01\nbad\t012\n", "c.txt").unwrap_err().to_string();
        assert!(err.starts_with("c.txt:2:"), "{err}");
    }
}
