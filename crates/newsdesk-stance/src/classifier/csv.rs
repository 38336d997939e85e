//! A small RFC 4180 CSV reader: comma separated, `"` quoting with `""`
//! escapes, fields spanning lines, LF or CRLF line ends. Each record keeps the
//! line it starts on so errors can point at it.

/// One parsed record and the 1-based line it starts on.
#[derive(Debug, PartialEq)]
pub struct CsvRecord {
    pub line: usize,
    pub fields: Vec<String>,
}

/// A malformed record: where it starts and what is wrong.
#[derive(Debug, PartialEq)]
pub struct CsvError {
    pub record: usize,
    pub line: usize,
    pub message: String,
}

/// Parse a whole CSV text. Blank lines between records are skipped.
pub fn parse(text: &str) -> Result<Vec<CsvRecord>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1usize;
    while chars.peek().is_some() {
        let start_line = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false; // inside a quoted field
        let mut was_quoted = false; // current field began with a quote
        loop {
            let Some(c) = chars.next() else {
                if quoted {
                    return Err(CsvError {
                        record: records.len() + 1,
                        line: start_line,
                        message: "unterminated quoted field at end of file".into(),
                    });
                }
                fields.push(std::mem::take(&mut field));
                break;
            };
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => {
                        quoted = false;
                        match chars.peek() {
                            None | Some(',') | Some('\n') | Some('\r') => {}
                            Some(other) => {
                                return Err(CsvError {
                                    record: records.len() + 1,
                                    line,
                                    message: format!("unexpected {other:?} after closing quote"),
                                })
                            }
                        }
                    }
                    '\n' => {
                        line += 1;
                        field.push('\n');
                    }
                    _ => field.push(c),
                }
                continue;
            }
            match c {
                '"' if field.is_empty() && !was_quoted => {
                    quoted = true;
                    was_quoted = true;
                }
                ',' => {
                    fields.push(std::mem::take(&mut field));
                    was_quoted = false;
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' => {
                    line += 1;
                    fields.push(std::mem::take(&mut field));
                    break;
                }
                _ => field.push(c),
            }
        }
        if !(fields.len() == 1 && fields[0].is_empty()) {
            records.push(CsvRecord {
                line: start_line,
                fields,
            });
        }
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        parse(text).unwrap().into_iter().map(|r| r.fields).collect()
    }

    #[test]
    fn quoted_fields_with_commas_quotes_and_newlines() {
        let text = "a,b\n\"x, y\",\"he said \"\"hi\"\"\nand left\"\n3,\n";
        assert_eq!(
            rows(text),
            vec![vec!["a", "b"], vec!["x, y", "he said \"hi\"\nand left"], vec!["3", ""]]
        );
        let recs = parse(text).unwrap();
        assert_eq!(recs.iter().map(|r| r.line).collect::<Vec<_>>(), vec![1, 2, 4]);
    }

    #[test]
    fn crlf_bom_blank_lines_and_no_final_newline() {
        assert_eq!(rows("\u{feff}a,b\r\n\r\n1,2"), vec![vec!["a", "b"], vec!["1", "2"]]);
        assert_eq!(rows(""), Vec::<Vec<String>>::new());
        assert_eq!(rows("\"\",x"), vec![vec!["", "x"]]);
    }

    #[test]
    fn errors_name_record_and_line() {
        let e = parse("h\n\"open\nstill open").unwrap_err();
        assert_eq!((e.record, e.line), (2, 2));
        assert!(e.message.contains("unterminated"));
        let e = parse("h\nok\n\"a\"b,c\n").unwrap_err();
        assert_eq!((e.record, e.line), (3, 3));
    }

    #[test]
    fn stray_quote_inside_unquoted_field_is_kept() {
        assert_eq!(rows("5\" screen,x\n"), vec![vec!["5\" screen", "x"]]);
    }

    /// An error names a record and a line of the input, in order.
    fn names_place(e: &CsvError, text: &str) -> bool {
        let lines = text.split('\n').count();
        e.record >= 1 && (1..=lines).contains(&e.line) && !e.message.is_empty()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn any_bytes_parse_or_fail_at_a_record(bytes in proptest::collection::vec(0u8.., 0..300)) {
            let text = String::from_utf8_lossy(&bytes);
            if let Err(e) = parse(&text) {
                proptest::prop_assert!(names_place(&e, &text), "{e:?}");
            }
        }

        #[test]
        fn mutated_csv_parses_or_fails_at_a_record(
            steps in proptest::collection::vec((0u8.., 0usize.., 0u8..), 1..4)
        ) {
            let good = "Body ID,articleBody\n0,\"He said \"\"no\"\",\nthen left.\"\r\n1,plain\n\n2,\"x, y\"\n";
            let bytes = newsdesk_core::mutate::mutate_all(good.as_bytes(), &steps);
            let text = String::from_utf8_lossy(&bytes);
            if let Err(e) = parse(&text) {
                proptest::prop_assert!(names_place(&e, &text), "{e:?}");
            }
        }
    }
}
