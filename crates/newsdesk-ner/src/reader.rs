//! Readers for the annotated corpora: OntoNotes 5.0 (CoNLL-2012 `WORD POS TAG`,
//! BIO), CoNLL-2003 (`WORD POS CHUNK TAG`, IOB1) and WNUT-17 (`WORD TAG`, IOB2).
//!
//! All three come out as [`Document`]s of [`GoldSentence`]s whose entities are
//! token spans; tags are decoded with conlleval semantics (an `I-X` that does
//! not continue an `X` entity starts a new one), which reads IOB1 and IOB2 alike.
use crate::tags::Span;
use crate::NerError;
use std::path::Path;
use std::str::FromStr;

/// The supported column formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    OntoNotes,
    Conll2003,
    Wnut17,
}

impl FromStr for Format {
    type Err = NerError;
    fn from_str(s: &str) -> Result<Format, NerError> {
        match s.to_ascii_lowercase().as_str() {
            "ontonotes" | "ontonotes5" => Ok(Format::OntoNotes),
            "conll2003" | "conll" => Ok(Format::Conll2003),
            "wnut17" | "wnut" => Ok(Format::Wnut17),
            _ => Err(NerError::UnknownFormat(s.to_string())),
        }
    }
}

impl Format {
    /// Number of whitespace-separated columns on a token line.
    fn columns(self) -> usize {
        match self {
            Format::OntoNotes => 3,
            Format::Conll2003 => 4,
            Format::Wnut17 => 2,
        }
    }
}

/// One sentence: its words (PTB escapes undone) and gold entity spans.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoldSentence {
    pub words: Vec<String>,
    pub spans: Vec<Span>,
}

/// A document (`-DOCSTART-` block; a whole file when there are none).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub sentences: Vec<GoldSentence>,
}

/// Read a corpus file.
pub fn read_file(path: &Path, format: Format) -> Result<Vec<Document>, NerError> {
    let bytes = std::fs::read(path).map_err(|e| NerError::io(path, e))?;
    parse_bytes(&bytes, format, &path.display().to_string())
}

/// Parse corpus bytes: [`parse`] once they are known to be UTF-8 (an error
/// names the line and byte where they are not).
pub fn parse_bytes(bytes: &[u8], format: Format, origin: &str) -> Result<Vec<Document>, NerError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line_start = bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        NerError::Data {
            path: origin.to_string(),
            line: 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count(),
            message: format!("invalid UTF-8 at byte {} of the line", at - line_start + 1),
        }
    })?;
    parse(text, format, origin)
}

/// Parse corpus text; `origin` names the source in error messages.
pub fn parse(text: &str, format: Format, origin: &str) -> Result<Vec<Document>, NerError> {
    let mut docs = vec![Document::default()];
    let mut words: Vec<String> = Vec::new();
    let mut tags: Vec<(String, usize)> = Vec::new();
    let flush =
        |docs: &mut Vec<Document>, words: &mut Vec<String>, tags: &mut Vec<(String, usize)>| -> Result<(), NerError> {
            if words.is_empty() {
                return Ok(());
            }
            let spans = spans_from_tags(tags, origin)?;
            docs.last_mut()
                .expect("at least one document")
                .sentences
                .push(GoldSentence {
                    words: std::mem::take(words),
                    spans,
                });
            tags.clear();
            Ok(())
        };
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if line.is_empty() {
            flush(&mut docs, &mut words, &mut tags)?;
            continue;
        }
        let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
        if cols[0] == "-DOCSTART-" {
            flush(&mut docs, &mut words, &mut tags)?;
            if !docs.last().expect("at least one document").sentences.is_empty() {
                docs.push(Document::default());
            }
            continue;
        }
        if cols.len() != format.columns() {
            return Err(NerError::Data {
                path: origin.to_string(),
                line: line_no,
                message: format!(
                    "expected {} columns, found {} in {:?}",
                    format.columns(),
                    cols.len(),
                    raw
                ),
            });
        }
        let word = cols[0].trim_matches('\u{feff}');
        words.push(if format == Format::OntoNotes {
            unescape_ptb(word)
        } else {
            word.to_string()
        });
        tags.push((cols[cols.len() - 1].to_string(), line_no));
    }
    flush(&mut docs, &mut words, &mut tags)?;
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// Undo the Penn Treebank escapes found in OntoNotes.
pub fn unescape_ptb(word: &str) -> String {
    match newsdesk_core::tokenize::ptb_unescape(word) {
        Some(plain) => plain.to_string(),
        None => word.replace("\\*", "*"),
    }
}

/// Decode `O` / `B-X` / `I-X` tags (IOB1 or IOB2) into spans, conlleval style.
/// Each tag carries its line number for error messages.
pub fn spans_from_tags(tags: &[(String, usize)], origin: &str) -> Result<Vec<Span>, NerError> {
    let mut spans: Vec<Span> = Vec::new();
    let mut open: Option<Span> = None;
    for (i, (tag, line)) in tags.iter().enumerate() {
        let (prefix, label) = match tag.split_once('-') {
            Some((p, l)) if (p == "B" || p == "I") && !l.is_empty() => (p, l),
            _ if tag == "O" => {
                spans.extend(open.take());
                continue;
            }
            _ => {
                return Err(NerError::Data {
                    path: origin.to_string(),
                    line: *line,
                    message: format!("bad entity tag {tag:?}"),
                });
            }
        };
        let continues = prefix == "I" && open.as_ref().is_some_and(|s| s.label == label);
        if continues {
            open.as_mut().expect("checked").end = i + 1;
        } else {
            spans.extend(open.take());
            open = Some(Span {
                start: i,
                end: i + 1,
                label: label.to_string(),
            });
        }
    }
    spans.extend(open);
    Ok(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, label: &str) -> Span {
        Span {
            start,
            end,
            label: label.to_string(),
        }
    }

    #[test]
    fn iob1_is_converted() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nJohn NNP I-NP I-PER\nSmith NNP I-NP I-PER\nMary NNP I-NP B-PER\nGerman JJ I-NP I-MISC\n";
        let docs = parse(text, Format::Conll2003, "t").unwrap();
        assert_eq!(docs.len(), 1);
        let s = &docs[0].sentences[0];
        assert_eq!(
            s.spans,
            vec![
                span(0, 1, "ORG"),
                span(2, 4, "PER"),
                span(4, 5, "PER"),
                span(5, 6, "MISC")
            ]
        );
    }

    #[test]
    fn ontonotes_documents_and_escapes() {
        let text = "-DOCSTART-\t-X-\tO\n\n-LRB-\t-LRB-\tO\nNew\tNNP\tB-GPE\nYork\tNNP\tI-GPE\n/.\t.\tO\n\n-DOCSTART-\t-X-\tO\n\n``\t``\tO\nHi\tUH\tO\n";
        let docs = parse(text, Format::OntoNotes, "t").unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences[0].words, vec!["(", "New", "York", "."]);
        assert_eq!(docs[0].sentences[0].spans, vec![span(1, 3, "GPE")]);
        assert_eq!(docs[1].sentences[0].words, vec!["\"", "Hi"]);
    }

    #[test]
    fn wnut_mixed_separators_and_bom() {
        let text = "@paulwalk\tO\nIt O\nChannel\tI-creative-work\n\t\nDubbz\u{feff}\tB-person\nx\tI-person\nY\tI-creative-work\n\u{feff}";
        let docs = parse(text, Format::Wnut17, "t").unwrap();
        let s = &docs[0].sentences;
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].spans, vec![span(2, 3, "creative-work")]);
        assert_eq!(s[1].words[0], "Dubbz");
        assert_eq!(s[1].spans, vec![span(0, 2, "person"), span(2, 3, "creative-work")]);
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let err = parse("a O\nb c d\n", Format::Wnut17, "x.conll")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("x.conll:2:"), "{err}");
        let err = parse("a O\nb Q-PER\n", Format::Wnut17, "x.conll")
            .unwrap_err()
            .to_string();
        assert!(err.contains("x.conll:2") && err.contains("Q-PER"), "{err}");
    }

    #[test]
    fn real_files_parse_with_expected_counts() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ner");
        if !dir.is_dir() {
            eprintln!("SKIPPED: shared data not found at {}", dir.display());
            return;
        }
        let count = |rel: &str, f: Format| {
            let docs = read_file(&dir.join(rel), f).unwrap();
            let sents: usize = docs.iter().map(|d| d.sentences.len()).sum();
            let ents: usize = docs.iter().flat_map(|d| &d.sentences).map(|s| s.spans.len()).sum();
            (docs.len(), sents, ents)
        };
        assert_eq!(count("conll2003/dev.conll", Format::Conll2003), (216, 3250, 5942));
        assert_eq!(count("wnut17/dev.conll", Format::Wnut17).1, 1009);
        assert_eq!(count("ontonotes5/dev.conll", Format::OntoNotes), (319, 8528, 11066));
    }

    const SAMPLES: [(Format, &str); 3] = [
        (
            Format::OntoNotes,
            "-DOCSTART-\t-X-\tO\n\nJohn\tNNP\tB-PERSON\nSmith\tNNP\tI-PERSON\nran\tVBD\tO\n\nParis\tNNP\tB-GPE\n\n",
        ),
        (
            Format::Conll2003,
            "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\n\n",
        ),
        (Format::Wnut17, "@paul\tO\nin\tO\nNew\tB-location\nYork\tI-location\n\n"),
    ];

    /// An error of a reader of `input` names the file and a line of it.
    fn names_line(e: &NerError, input: &[u8]) -> bool {
        let lines = input.split(|&b| b == b'\n').count();
        matches!(e, NerError::Data { path, line, .. } if path == "in.conll" && (1..=lines).contains(line))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        #[test]
        fn any_bytes_parse_or_fail_at_a_line(
            bytes in proptest::collection::vec(0u8.., 0..300),
            f in 0usize..3,
        ) {
            if let Err(e) = parse_bytes(&bytes, SAMPLES[f].0, "in.conll") {
                proptest::prop_assert!(names_line(&e, &bytes), "{e}");
            }
        }

        #[test]
        fn mutated_corpora_parse_or_fail_at_a_line(
            steps in proptest::collection::vec((0u8.., 0usize.., 0u8..), 1..4),
            f in 0usize..3,
        ) {
            let (format, sample) = SAMPLES[f];
            let bytes = newsdesk_core::mutate::mutate_all(sample.as_bytes(), &steps);
            if let Err(e) = parse_bytes(&bytes, format, "in.conll") {
                proptest::prop_assert!(names_line(&e, &bytes), "{e}");
            }
        }
    }
}
