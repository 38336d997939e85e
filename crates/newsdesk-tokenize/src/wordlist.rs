//! The one line format of newsdesk's word lists (cue verbs, titles, name
//! lists, gazetteers): one entry per line, fields separated by tabs, blank
//! lines ignored, and `#` at the start of a line or after whitespace starting
//! a comment. Lists are data files, usually embedded with `include_str!`.
//!
//! It lives in the lowest crate, so that the tokenizer's own lists use it;
//! `newsdesk_core::wordlist` re-exports it for every other crate.
//!
//! ```
//! use newsdesk_tokenize::wordlist;
//! let text = "# titles\npresident\ncol\tcolonel  # abbreviation\n";
//! let entries = wordlist::parse(text, "titles.txt", 1, 2).unwrap();
//! assert_eq!(entries[1].fields, ["col", "colonel"]);
//! assert_eq!(entries[1].line, 3);
//! assert_eq!(wordlist::words(text, "titles.txt").unwrap_err().to_string(),
//!            "titles.txt:3: expected 1 field, found 2");
//! ```
use crate::TokenizeError;

/// One entry of a word list: its fields and 1-based line number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry<'a> {
    pub line: usize,
    pub fields: Vec<&'a str>,
}

/// The content of a line without its comment, trimmed.
fn content(line: &str) -> &str {
    let mut prev_space = true;
    for (i, c) in line.char_indices() {
        if c == '#' && prev_space {
            return line[..i].trim();
        }
        prev_space = c.is_whitespace();
    }
    line.trim()
}

/// Parse `text` into entries of `min..=max` tab-separated fields each;
/// errors name `origin` and the line.
pub fn parse<'a>(text: &'a str, origin: &str, min: usize, max: usize) -> Result<Vec<Entry<'a>>, TokenizeError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let body = content(line);
        if body.is_empty() {
            continue;
        }
        let fields: Vec<&str> = body.split('\t').map(str::trim).collect();
        let bad = |message: String| TokenizeError::WordList {
            origin: origin.to_string(),
            line: i + 1,
            message,
        };
        if fields.len() < min || fields.len() > max {
            let want = if min == max {
                format!("{min} field{}", if min == 1 { "" } else { "s" })
            } else {
                format!("{min} to {max} fields")
            };
            return Err(bad(format!("expected {want}, found {}", fields.len())));
        }
        if fields.iter().any(|f| f.is_empty()) {
            return Err(bad("empty field".to_string()));
        }
        out.push(Entry { line: i + 1, fields });
    }
    Ok(out)
}

/// A list of single words or phrases (one field per line).
pub fn words<'a>(text: &'a str, origin: &str) -> Result<Vec<&'a str>, TokenizeError> {
    Ok(parse(text, origin, 1, 1)?.into_iter().map(|e| e.fields[0]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_blanks_and_fields() {
        let text = "\u{feff}# head\n\n  say  \nsaid # past\nC#\t#x\nnews\tNBC\n";
        let e = parse(text, "t", 1, 2).unwrap();
        let got: Vec<(usize, Vec<&str>)> = e.into_iter().map(|e| (e.line, e.fields)).collect();
        assert_eq!(
            got,
            [
                (3, vec!["say"]),
                (4, vec!["said"]),
                (5, vec!["C#"]),
                (6, vec!["news", "NBC"])
            ]
        );
    }

    #[test]
    fn errors_name_origin_and_line() {
        let err = parse("a\nb\tc\td\n", "x.txt", 1, 2).unwrap_err().to_string();
        assert_eq!(err, "x.txt:2: expected 1 to 2 fields, found 3");
        let err = parse("a\t\tb\n", "x.txt", 1, 3).unwrap_err().to_string();
        assert_eq!(err, "x.txt:1: empty field");
    }
}
