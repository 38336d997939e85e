//! Streaming input records for `annotate` and `stance`: plain-text files (one
//! document each), JSONL files (one document per line) or stdin. Every problem
//! becomes a [`RecordError`] naming file and line; reading then goes on.
//!
//! A UTF-8 byte-order mark at the start of a file (or of stdin) is skipped: it
//! is not part of the document text, so every offset in the output counts from
//! the byte after it.
use serde_json::{Map, Value};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};

/// One document to annotate.
#[derive(Debug)]
pub struct Record {
    /// `file` or `file:line` (`<stdin>` for standard input).
    pub source: String,
    pub text: String,
    /// Claims to measure stance against (from `--claim` and a `claims` field).
    pub claims: Vec<String>,
    /// Other fields of a JSONL record, passed through unchanged.
    pub fields: Map<String, Value>,
}

/// A record that could not be read.
#[derive(Debug)]
pub struct RecordError {
    pub source: String,
    pub message: String,
}

pub type Item = Result<Record, RecordError>;

/// How input files are read.
#[derive(Clone, Debug)]
pub struct Format {
    pub jsonl: bool,
    pub text_field: String,
}

/// Iterates over the records of all inputs in order (`-` or none = stdin).
pub struct Records {
    inputs: std::vec::IntoIter<String>,
    format: Format,
    current: Option<(String, Box<dyn BufRead>, usize)>,
}

impl Records {
    pub fn new(mut inputs: Vec<String>, format: Format) -> Records {
        if inputs.is_empty() {
            inputs.push("-".to_string());
        }
        Records {
            inputs: inputs.into_iter(),
            format,
            current: None,
        }
    }

    fn open(path: &str) -> Result<(String, Box<dyn BufRead>), RecordError> {
        if path == "-" {
            return Ok(("<stdin>".to_string(), Box::new(BufReader::new(std::io::stdin()))));
        }
        File::open(path)
            .map(|f| {
                (
                    path.to_string(),
                    Box::new(BufReader::with_capacity(1 << 16, f)) as Box<dyn BufRead>,
                )
            })
            .map_err(|e| RecordError {
                source: path.to_string(),
                message: format!("cannot open: {e}"),
            })
    }

    fn next_jsonl(&mut self) -> Option<Item> {
        let (name, reader, line_no) = self.current.as_mut()?;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            *line_no += 1;
            let source = format!("{name}:{line_no}");
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.current = None;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    self.current = None;
                    return Some(Err(RecordError {
                        source,
                        message: format!("read error: {e}"),
                    }));
                }
            }
            if buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            return Some(parse_jsonl_line(&buf, source, &self.format.text_field));
        }
    }
}

impl Iterator for Records {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if self.current.is_some() {
                if let Some(item) = self.next_jsonl() {
                    return Some(item);
                }
                continue;
            }
            let path = self.inputs.next()?;
            let (name, mut reader) = match Self::open(&path) {
                Ok(x) => x,
                Err(e) => return Some(Err(e)),
            };
            if let Err(e) = skip_bom(&mut reader) {
                return Some(Err(RecordError {
                    source: name,
                    message: format!("read error: {e}"),
                }));
            }
            if self.format.jsonl {
                self.current = Some((name, reader, 0));
                continue;
            }
            let mut bytes = Vec::new();
            if let Err(e) = reader.read_to_end(&mut bytes) {
                return Some(Err(RecordError {
                    source: name,
                    message: format!("read error: {e}"),
                }));
            }
            return Some(decode(bytes, &name).map(|text| Record {
                source: name,
                text,
                claims: Vec::new(),
                fields: Map::new(),
            }));
        }
    }
}

/// The UTF-8 encoding of U+FEFF, the byte-order mark.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// `bytes` without a leading byte-order mark.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

/// Consume a byte-order mark at the start of `reader`, if there is one.
fn skip_bom(reader: &mut dyn BufRead) -> std::io::Result<()> {
    let head = reader.fill_buf()?;
    if head.starts_with(BOM) {
        reader.consume(BOM.len());
    }
    Ok(())
}

fn decode(bytes: Vec<u8>, source: &str) -> Result<String, RecordError> {
    String::from_utf8(bytes).map_err(|e| RecordError {
        source: source.to_string(),
        message: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
    })
}

/// Parse one JSONL line into a record (text field required, `claims` optional).
pub fn parse_jsonl_line(line: &[u8], source: String, text_field: &str) -> Item {
    let err = |message: String| RecordError {
        source: source.clone(),
        message,
    };
    let line =
        std::str::from_utf8(line).map_err(|e| err(format!("invalid UTF-8 at byte {} of the line", e.valid_up_to())))?;
    let value: Value = serde_json::from_str(line).map_err(|e| match lone_surrogate(line) {
        Some((escape, column)) => err(format!(
            "malformed JSON: lone UTF-16 surrogate {escape} at column {column} (not a Unicode character; \
             a surrogate escape must be a high-low pair such as \\ud83d\\ude00)"
        )),
        None => err(format!("malformed JSON: {e}")),
    })?;
    let Value::Object(mut fields) = value else {
        return Err(err("expected a JSON object".to_string()));
    };
    let text = match fields.remove(text_field) {
        Some(Value::String(s)) => s,
        Some(other) => {
            return Err(err(format!(
                "field {text_field:?} is not a string but {}",
                kind(&other)
            )))
        }
        None => return Err(err(format!("missing text field {text_field:?}"))),
    };
    record(source, text, fields)
}

/// A record of `text` and the other `fields` of its input (JSONL or Parquet),
/// with the claims of a `claims` field.
pub fn record(source: String, text: String, fields: Map<String, Value>) -> Item {
    let err = |message: String| RecordError {
        source: source.clone(),
        message,
    };
    let claims = match fields.get("claims") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| err("field \"claims\" must be an array of strings".to_string()))?,
        Some(other) => return Err(err(format!("field \"claims\" must be an array, not {}", kind(other)))),
    };
    newsdesk::check_claims(&claims).map_err(|e| err(format!("field \"claims\": {e}")))?;
    Ok(Record {
        source,
        text,
        claims,
        fields,
    })
}

/// The first `\\uXXXX` escape in `line` that is an unpaired UTF-16 surrogate,
/// and its column (1-based, in bytes).
fn lone_surrogate(line: &str) -> Option<(&str, usize)> {
    let b = line.as_bytes();
    let unit = |at: usize| -> Option<u16> {
        let hex = line.get(at + 2..at + 6)?;
        (b[at] == b'\\' && b[at + 1] == b'u').then(|| u16::from_str_radix(hex, 16).ok())?
    };
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(i) {
            Some(0xD800..=0xDBFF) if matches!(unit(i + 6), Some(0xDC00..=0xDFFF)) => i += 12,
            Some(0xD800..=0xDFFF) => return Some((&line[i..i + 6], i + 1)),
            _ => i += 2,
        }
    }
    None
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Item {
        parse_jsonl_line(line.as_bytes(), "f.jsonl:3".into(), "text")
    }

    #[test]
    fn good_line_keeps_other_fields_and_claims() {
        let r = parse(r#"{"id": 7, "text": "Hi.", "claims": ["a"]}"#).unwrap();
        assert_eq!(r.text, "Hi.");
        assert_eq!(r.claims, vec!["a"]);
        assert_eq!(r.fields["id"], 7);
        assert!(!r.fields.contains_key("text"));
    }

    #[test]
    fn bad_lines_name_the_problem_and_place() {
        let e = parse("{not json").unwrap_err();
        assert_eq!(e.source, "f.jsonl:3");
        assert!(e.message.starts_with("malformed JSON"), "{}", e.message);
        assert!(parse(r#"{"body": "x"}"#)
            .unwrap_err()
            .message
            .contains("missing text field \"text\""));
        assert!(parse(r#"{"text": 3}"#)
            .unwrap_err()
            .message
            .contains("not a string but a number"));
        assert!(parse(r#"[1]"#).unwrap_err().message.contains("JSON object"));
        assert!(parse(r#"{"text": "x", "claims": [1]}"#)
            .unwrap_err()
            .message
            .contains("array of strings"));
        assert!(parse(r#"{"text": "x", "claims": ["a", " "]}"#)
            .unwrap_err()
            .message
            .contains("field \"claims\": claim 2 is empty"));
        let bad = parse_jsonl_line(b"{\"text\": \"\xff\"}", "f:1".into(), "text").unwrap_err();
        assert!(bad.message.contains("invalid UTF-8 at byte 10"), "{}", bad.message);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn any_line_is_a_record_or_an_error_naming_it(bytes in proptest::collection::vec(0u8.., 0..300)) {
            if let Err(e) = parse_jsonl_line(&bytes, "f.jsonl:3".into(), "text") {
                proptest::prop_assert_eq!(e.source, "f.jsonl:3");
                proptest::prop_assert!(!e.message.is_empty());
            }
        }

        #[test]
        fn mutated_records_are_records_or_errors_naming_them(
            steps in proptest::collection::vec((0u8.., 0usize.., 0u8..), 1..4)
        ) {
            let good = r#"{"id": 7, "text": "\u201cHi,\u201d she said.\nBye.", "claims": ["a", "b"], "x": [1, {"y": null}]}"#;
            let bytes = newsdesk_core::mutate::mutate_all(good.as_bytes(), &steps);
            match parse_jsonl_line(&bytes, "f.jsonl:3".into(), "text") {
                Ok(r) => proptest::prop_assert_eq!(r.source, "f.jsonl:3"),
                Err(e) => {
                    proptest::prop_assert_eq!(e.source, "f.jsonl:3");
                    proptest::prop_assert!(!e.message.is_empty());
                }
            }
        }
    }

    #[test]
    fn lone_surrogates_are_named_and_pairs_are_fine() {
        let e = parse(r#"{"text": "a\ud800"}"#).unwrap_err();
        assert!(
            e.message.contains("lone UTF-16 surrogate \\ud800 at column 12"),
            "{}",
            e.message
        );
        assert_eq!(lone_surrogate(r#""\ude00 x""#), Some((r"\ude00", 2)));
        assert_eq!(
            lone_surrogate(r#""\\ud800""#),
            None,
            "an escaped backslash, not an escape"
        );
        assert_eq!(parse(r#"{"text": "\ud83d\ude00"}"#).unwrap().text, "\u{1F600}");
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let mut r: &[u8] = b"\xef\xbb\xbf{}";
        skip_bom(&mut r).unwrap();
        assert_eq!(r, b"{}");
        assert_eq!(strip_bom(b"\xef\xbb\xbfHi"), b"Hi");
        assert_eq!(strip_bom(b"Hi"), b"Hi");
    }
}
