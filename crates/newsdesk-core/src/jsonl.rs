//! JSON Lines data files (gold quotes, per-speaker stance, entity spans): one
//! JSON record per line, blank lines skipped, a leading byte order mark
//! ignored; an error names the 1-based line. Each crate wraps [`LineError`]
//! in its own error type with the file name.
//!
//! ```
//! use newsdesk_core::jsonl::parse;
//! let rows: Vec<u32> = parse("1\n\n2\n", |n: &u32| if *n < 9 { Ok(()) } else { Err("too big".into()) }).unwrap();
//! assert_eq!(rows, [1, 2]);
//! let e = parse::<u32>("1\n12\n", |n: &u32| if *n < 9 { Ok(()) } else { Err("too big".into()) }).unwrap_err();
//! assert_eq!((e.line, e.message.as_str()), (2, "too big"));
//! ```
use serde::de::DeserializeOwned;

/// What is wrong with a record, and on which line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

/// Parse every non-blank line of `text` as a `T`, then run `check` on it.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    mut check: impl FnMut(&T) -> Result<(), String>,
) -> Result<Vec<T>, LineError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| LineError { line: i + 1, message };
        let record: T = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
        check(&record).map_err(bad)?;
        out.push(record);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_blank_lines_and_json_errors() {
        let ok = |_: &Vec<u8>| Ok(());
        assert_eq!(parse("\u{feff}[1]\n \n[2, 3]", ok).unwrap(), [vec![1], vec![2, 3]]);
        let e = parse::<Vec<u8>>("[1]\n[1,\n", ok).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("EOF"), "{}", e.message);
    }
}
