//! Reading CoNLL-U gold data and rebuilding the raw text of each document
//! the way the CoNLL 2018 shared task (UD `conllu_to_text.pl`) does:
//! a document starts at `# newdoc`, paragraphs (`# newpar`) are separated by
//! a blank line, sentences of a paragraph by one space (none when the last
//! token of the sentence has `SpaceAfter=No`), and each sentence's text is
//! its `# text` line, with the tokens located in it.
use crate::TokenizeError;
use std::path::Path;

/// A character span `start..end` (Unicode scalar offsets into the document text).
pub type Span = (u32, u32);

/// One gold document: its rebuilt text and the gold units as char spans.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldDoc {
    /// The `# newdoc id`, if given.
    pub id: Option<String>,
    pub text: String,
    /// Surface tokens (a multi-word token such as `don't` is one token).
    pub tokens: Vec<Span>,
    /// Syntactic words: multi-word tokens split where the word forms spell
    /// the surface form (`do` + `n't`), else kept whole.
    pub words: Vec<Span>,
    pub sentences: Vec<Span>,
}

/// Read a CoNLL-U file into gold documents.
pub fn read_conllu(path: &Path) -> Result<Vec<GoldDoc>, TokenizeError> {
    let src = std::fs::read_to_string(path).map_err(|source| TokenizeError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse_conllu(&src, &path.display().to_string())
}

/// A token line of the current sentence: form, its word forms if it is a
/// multi-word token, `SpaceAfter=No`, and the line number (for errors).
struct TokLine {
    form: String,
    words: Vec<String>,
    no_space_after: bool,
    line: usize,
}

#[derive(Default)]
struct SentenceBuf {
    text: Option<String>,
    text_line: usize,
    newdoc: Option<Option<String>>,
    newpar: bool,
    tokens: Vec<TokLine>,
    /// Last word id covered by the open multi-word token.
    mwt_end: usize,
}

/// Parse CoNLL-U text (`path` names the source in errors).
pub fn parse_conllu(src: &str, path: &str) -> Result<Vec<GoldDoc>, TokenizeError> {
    let err = |line: usize, message: String| TokenizeError::Conllu {
        path: path.to_string(),
        line,
        message,
    };
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut sent = SentenceBuf::default();
    let mut last_no_space = false;
    let mut lines = src.lines().enumerate().map(|(i, l)| (i + 1, l)).peekable();
    while let Some((ln, line)) = lines.next() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if let Some(t) = c.strip_prefix("text") {
                if let Some(t) = t.trim_start().strip_prefix('=') {
                    sent.text = Some(t.trim().to_string());
                    sent.text_line = ln;
                }
            } else if let Some(rest) = c.strip_prefix("newdoc") {
                let id = rest
                    .trim_start()
                    .strip_prefix("id")
                    .and_then(|r| r.trim_start().strip_prefix('='));
                sent.newdoc = Some(id.map(|s| s.trim().to_string()));
            } else if c.starts_with("newpar") {
                sent.newpar = true;
            }
            continue;
        }
        if !line.trim().is_empty() {
            parse_token_line(line, ln, &mut sent).map_err(|m| err(ln, m))?;
            if lines.peek().is_some() {
                continue;
            }
        }
        if sent.tokens.is_empty() {
            if sent.text.is_some() {
                return Err(err(sent.text_line, "sentence has a # text line but no tokens".into()));
            }
            continue;
        }
        // end of sentence: append it to the current document
        let s = std::mem::take(&mut sent);
        if s.newdoc.is_some() || docs.is_empty() {
            docs.push(GoldDoc {
                id: s.newdoc.clone().flatten(),
                ..GoldDoc::default()
            });
            last_no_space = true;
        }
        let doc = docs.last_mut().expect("a document was just pushed");
        if !doc.text.is_empty() {
            if s.newpar && s.newdoc.is_none() {
                doc.text.push_str("\n\n");
            } else if !last_no_space {
                doc.text.push(' ');
            }
        }
        last_no_space = s.tokens.last().is_some_and(|t| t.no_space_after);
        append_sentence(doc, s).map_err(|(line, m)| err(line, m))?;
    }
    Ok(docs)
}

fn parse_token_line(line: &str, ln: usize, sent: &mut SentenceBuf) -> Result<(), String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 10 {
        return Err(format!("expected 10 tab-separated columns, found {}", cols.len()));
    }
    let id = cols[0];
    let no_space_after = cols[9].split('|').any(|m| m == "SpaceAfter=No");
    if id.contains('.') {
        return Ok(()); // empty node
    }
    if let Some((a, b)) = id.split_once('-') {
        sent.mwt_end = match (a.parse::<usize>(), b.parse::<usize>()) {
            (Ok(a), Ok(b)) if a <= b => b,
            _ => return Err(format!("bad multi-word token range {id:?}")),
        };
        sent.tokens.push(TokLine {
            form: cols[1].to_string(),
            words: Vec::new(),
            no_space_after,
            line: ln,
        });
        return Ok(());
    }
    let n: usize = id.parse().map_err(|_| format!("bad word id {id:?}"))?;
    if n <= sent.mwt_end {
        let tok = sent
            .tokens
            .last_mut()
            .ok_or_else(|| format!("word {n} inside a range with no token line"))?;
        tok.words.push(cols[1].to_string());
    } else {
        sent.tokens.push(TokLine {
            form: cols[1].to_string(),
            words: Vec::new(),
            no_space_after,
            line: ln,
        });
    }
    Ok(())
}

/// Append one sentence to `doc`: its `# text` (or the token forms joined by
/// their spacing when there is none), with tokens and words located in it.
fn append_sentence(doc: &mut GoldDoc, s: SentenceBuf) -> Result<(), (usize, String)> {
    let text = match s.text {
        Some(t) => t,
        None => {
            let mut t = String::new();
            for (i, tok) in s.tokens.iter().enumerate() {
                t.push_str(&tok.form);
                if !tok.no_space_after && i + 1 < s.tokens.len() {
                    t.push(' ');
                }
            }
            t
        }
    };
    let base = doc.text.chars().count() as u32;
    let chars: Vec<char> = text.chars().collect();
    let mut pos = 0usize;
    let mut first = None;
    let mut last_end = 0u32;
    for tok in &s.tokens {
        while pos < chars.len() && chars[pos].is_whitespace() {
            pos += 1;
        }
        let form: Vec<char> = tok.form.chars().collect();
        if chars.len() < pos + form.len() || chars[pos..pos + form.len()] != form[..] {
            let found: String = chars[pos..].iter().take(form.len().max(10)).collect();
            return Err((
                tok.line,
                format!(
                    "token {:?} does not match the # text at char {pos} ({found:?})",
                    tok.form
                ),
            ));
        }
        let (start, end) = (base + pos as u32, base + (pos + form.len()) as u32);
        first.get_or_insert(start);
        last_end = end;
        doc.tokens.push((start, end));
        split_words(&tok.form, &tok.words, start, &mut doc.words);
        pos += form.len();
    }
    if let Some(start) = first {
        doc.sentences.push((start, last_end));
    }
    doc.text.push_str(&text);
    Ok(())
}

/// Word spans of one token starting at char `start`: the multi-word token's
/// word forms if they spell its surface form (case-insensitively), else the
/// whole token.
fn split_words(form: &str, words: &[String], start: u32, out: &mut Vec<Span>) {
    let len = form.chars().count() as u32;
    let joined: String = words.concat();
    if words.len() > 1 && joined.to_lowercase() == form.to_lowercase() && joined.chars().count() as u32 == len {
        let mut p = start;
        for w in words {
            let n = w.chars().count() as u32;
            if n > 0 {
                out.push((p, p + n));
            }
            p += n;
        }
    } else {
        out.push((start, start + len));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# newpar\n# sent_id = 1\n# text = I don't know.\n\
1\tI\tI\tPRON\t_\t_\t0\troot\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\t_\t_\t0\t_\t_\t_\n\
3\tn't\tnot\tPART\t_\t_\t0\t_\t_\t_\n4\tknow\tknow\tVERB\t_\t_\t0\t_\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t_\t_\t0\t_\t_\t_\n\n\
# sent_id = 2\n# text = Yes.\n1\tYes\tyes\tINTJ\t_\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t_\t_\t1\t_\t_\t_\n\n\
# newpar\n# text = Its ok\n1-2\tIts\t_\t_\t_\t_\t_\t_\t_\t_\n1\tIt\t_\t_\t_\t_\t_\t_\t_\t_\n2\tis\t_\t_\t_\t_\t_\t_\t_\t_\n\
3\tok\t_\t_\t_\t_\t_\t_\t_\t_\n\n# newdoc id = d2\n# text = Hi\n1\tHi\t_\t_\t_\t_\t_\t_\t_\t_\n\n";

    #[test]
    fn rebuilds_text_and_spans() {
        let docs = parse_conllu(SAMPLE, "sample").unwrap();
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(d.id.as_deref(), Some("d1"));
        assert_eq!(d.text, "I don't know. Yes.\n\nIts ok");
        assert_eq!(d.tokens.len(), 8);
        assert_eq!(d.words[1..3], [(2, 4), (4, 7)]);
        // `Its` = `It` + `is` does not spell the surface form: kept whole
        assert!(d.words.contains(&(20, 23)));
        assert_eq!(d.sentences, vec![(0, 13), (14, 18), (20, 26)]);
        assert_eq!(docs[1].text, "Hi");
    }

    #[test]
    fn errors_name_file_and_line() {
        let bad = "# text = a b\n1\ta\n";
        let e = parse_conllu(bad, "x.conllu").unwrap_err().to_string();
        assert!(e.starts_with("x.conllu:2:"), "{e}");
        let bad = "# text = a b\n1\tz\t_\t_\t_\t_\t_\t_\t_\t_\n";
        let e = parse_conllu(bad, "x.conllu").unwrap_err().to_string();
        assert!(e.contains("x.conllu:2:") && e.contains("does not match"), "{e}");
    }

    /// The error names the file and a line of `text`.
    fn names_line(e: &TokenizeError, text: &str) -> bool {
        let lines = text.split('\n').count();
        matches!(e, TokenizeError::Conllu { path, line, .. } if path == "x.conllu" && (1..=lines).contains(line))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        #[test]
        fn any_bytes_parse_or_fail_at_a_line(bytes in proptest::collection::vec(0u8.., 0..300)) {
            let text = String::from_utf8_lossy(&bytes);
            if let Err(e) = parse_conllu(&text, "x.conllu") {
                proptest::prop_assert!(names_line(&e, &text), "{e}");
            }
        }

        #[test]
        fn mutated_treebanks_parse_or_fail_at_a_line(
            steps in proptest::collection::vec((0u8.., 0usize.., 0u8..), 1..4)
        ) {
            let good = "# newdoc id = d1\n# newpar\n# text = Don't go.\n1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
                        1\tDo\tdo\tAUX\t_\t_\t3\taux\t_\t_\n2\tn't\tnot\tPART\t_\t_\t3\tadvmod\t_\t_\n\
                        3\tgo\tgo\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n\n";
            proptest::prop_assert!(parse_conllu(good, "x.conllu").is_ok());
            let bytes = newsdesk_core::mutate::mutate_all(good.as_bytes(), &steps);
            let text = String::from_utf8_lossy(&bytes);
            if let Err(e) = parse_conllu(&text, "x.conllu") {
                proptest::prop_assert!(names_line(&e, &text), "{e}");
            }
        }
    }
}
