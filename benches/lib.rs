//! Helpers shared by the benchmarks: loading the news corpus (the FNC-1
//! article bodies in `../shared/data/stance/fnc1/train_bodies.csv`).
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Errors while loading benchmark data.
#[derive(Debug, Error)]
pub enum BenchError {
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Csv { path: String, line: usize, message: String },
    #[error("{path}: no column named {column:?} in the header")]
    Column { path: String, column: String },
}

/// `../shared/data` next to the checkout, or `NEWSDESK_DATA`, if present.
pub fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("NEWSDESK_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data"));
    dir.is_dir().then_some(dir)
}

/// Path of the FNC-1 bodies file, if the shared data is present.
pub fn fnc1_bodies_path() -> Option<PathBuf> {
    data_dir()
        .map(|d| d.join("stance/fnc1/train_bodies.csv"))
        .filter(|p| p.is_file())
}

/// The article bodies (column `articleBody`) of an FNC-1 bodies CSV file.
pub fn load_bodies(path: &Path) -> Result<Vec<String>, BenchError> {
    let name = path.display().to_string();
    let src = std::fs::read_to_string(path).map_err(|source| BenchError::Io {
        path: name.clone(),
        source,
    })?;
    let mut rows = parse_csv(&src).map_err(|(line, message)| BenchError::Csv {
        path: name.clone(),
        line,
        message,
    })?;
    if rows.is_empty() {
        return Err(BenchError::Column {
            path: name,
            column: "articleBody".into(),
        });
    }
    let header = rows.remove(0);
    let col = header
        .iter()
        .position(|h| h == "articleBody")
        .ok_or_else(|| BenchError::Column {
            path: name.clone(),
            column: "articleBody".into(),
        })?;
    rows.into_iter()
        .enumerate()
        .map(|(i, mut r)| {
            if col < r.len() {
                Ok(r.swap_remove(col))
            } else {
                Err(BenchError::Csv {
                    path: name.clone(),
                    line: i + 2,
                    message: format!("record has {} fields", r.len()),
                })
            }
        })
        .collect()
}

/// Parse RFC 4180 CSV: fields separated by commas, records by CRLF or LF;
/// fields in double quotes may contain commas, line breaks and `""` for a
/// quote. Errors carry the 1-based line where the problem is.
pub fn parse_csv(src: &str) -> Result<Vec<Vec<String>>, (usize, String)> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut line = 1usize;
    let mut chars = src.chars().peekable();
    let mut at_field_start = true;
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        match c {
            '"' if at_field_start => {
                let start = line;
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(ch) => {
                            if ch == '\n' {
                                line += 1;
                            }
                            field.push(ch);
                        }
                        None => return Err((start, "quoted field is not closed".into())),
                    }
                }
                at_field_start = false;
                if !matches!(chars.peek(), None | Some(',' | '\n' | '\r')) {
                    return Err((line, "text after a closing quote".into()));
                }
            }
            ',' => {
                row.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_field_start = true;
                any = false;
                line += 1;
            }
            _ => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if any {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

/// Number of whitespace-separated words (the unit of the words/s figures,
/// counted the same way as Python's `len(text.split())`).
pub fn count_words(texts: &[String]) -> usize {
    texts.iter().map(|t| t.split_whitespace().count()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_commas_and_newlines() {
        let rows = parse_csv("a,b\r\n1,\"x, \"\"y\"\"\nz\"\n2,\n").unwrap();
        assert_eq!(rows, vec![vec!["a", "b"], vec!["1", "x, \"y\"\nz"], vec!["2", ""]]);
        assert_eq!(parse_csv("a\n\"open").unwrap_err().0, 2);
        assert_eq!(parse_csv("\"a\"b").unwrap_err().0, 1);
    }

    #[test]
    fn loads_fnc1_bodies() {
        let Some(path) = fnc1_bodies_path() else {
            eprintln!("SKIPPED: FNC-1 bodies not found (set NEWSDESK_DATA)");
            return;
        };
        let bodies = load_bodies(&path).unwrap();
        assert_eq!(bodies.len(), 1683);
        assert!(count_words(&bodies) > 600_000);
    }
}
