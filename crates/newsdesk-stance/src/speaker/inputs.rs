//! What the speaker model reads of a document: each speaker's quotations and
//! the sentences that carry them (the attribution, "X denied that …").
use newsdesk_core::{CoreError, Doc};

/// One speaker of a document: name, quote indexes, quote texts, and the
/// distinct sentences overlapping the quotes.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerInput {
    pub name: String,
    pub quotes: Vec<u32>,
    pub quote_text: String,
    pub context: String,
}

/// Byte offset of every char offset `0..=n_chars` of `text`.
fn char_to_byte(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// Speakers in order of their first quote; quotes without a speaker are skipped.
/// Quote offsets outside the text are an error naming the quote.
pub fn speaker_inputs(doc: &Doc) -> Result<Vec<SpeakerInput>, CoreError> {
    let offsets = char_to_byte(&doc.text);
    // Char span of each sentence.
    let sents: Vec<(u32, u32)> = doc
        .sents
        .iter()
        .filter(|s| s.end > s.start && (s.end as usize) <= doc.tokens.len())
        .map(|s| {
            (
                doc.tokens[s.start as usize].char_start,
                doc.tokens[s.end as usize - 1].char_end,
            )
        })
        .collect();
    let mut out: Vec<(SpeakerInput, Vec<usize>)> = Vec::new();
    for (i, q) in doc.quotes.iter().enumerate() {
        let Some(speaker) = &q.speaker else { continue };
        let (s, e) = (q.start_char as usize, q.end_char as usize);
        if s > e || e >= offsets.len() {
            return Err(CoreError::Component {
                component: "stance".into(),
                message: format!("quote {i} spans chars {s}..{e}, text has {}", offsets.len() - 1),
            });
        }
        let quote = &doc.text[offsets[s]..offsets[e]];
        let overlapping = sents
            .iter()
            .enumerate()
            .filter(|(_, &(a, b))| (a as usize) < e && (b as usize) > s)
            .map(|(k, _)| k);
        let entry = match out.iter_mut().position(|(x, _)| x.name == speaker.name) {
            Some(k) => &mut out[k],
            None => {
                out.push((
                    SpeakerInput {
                        name: speaker.name.clone(),
                        quotes: Vec::new(),
                        quote_text: String::new(),
                        context: String::new(),
                    },
                    Vec::new(),
                ));
                out.last_mut().expect("just pushed")
            }
        };
        entry.0.quotes.push(i as u32);
        if !entry.0.quote_text.is_empty() {
            entry.0.quote_text.push('\n');
        }
        entry.0.quote_text.push_str(quote);
        entry.1.extend(overlapping);
    }
    Ok(out
        .into_iter()
        .map(|(mut input, mut ks)| {
            ks.sort_unstable();
            ks.dedup();
            let parts: Vec<&str> = ks
                .iter()
                .map(|&k| &doc.text[offsets[sents[k].0 as usize]..offsets[sents[k].1 as usize]])
                .collect();
            input.context = parts.join("\n");
            input
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_core::tokenize::{SentenceSplitter, Tokenizer};

    fn doc_with_quotes(text: &str, quotes: &[(&str, &str)]) -> Doc {
        let tokens = Tokenizer::default().tokenize(text);
        let sents = SentenceSplitter::default().split(text, &tokens);
        let mut doc = Doc::new(text.to_string(), tokens, sents);
        for (q, who) in quotes {
            let b = text.find(q).unwrap();
            let start = text[..b].chars().count() as u32;
            doc.quotes.push(crate::speaker::data::quote(
                start,
                start + q.chars().count() as u32,
                Some(who),
            ));
        }
        doc
    }

    #[test]
    fn groups_quotes_and_sentences_by_speaker() {
        let text =
            "The mayor denied it. \"It is false,\" Ann Lee said. Bob Ray said: \"I saw it.\" \"Twice,\" Lee added.";
        let doc = doc_with_quotes(
            text,
            &[
                ("It is false,", "Ann Lee"),
                ("I saw it.", "Bob Ray"),
                ("Twice,", "Ann Lee"),
            ],
        );
        let s = speaker_inputs(&doc).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].name.as_str(), &s[0].quotes[..]), ("Ann Lee", &[0u32, 2][..]));
        assert_eq!(s[0].quote_text, "It is false,\nTwice,");
        assert_eq!(s[0].context, "\"It is false,\" Ann Lee said.\n\"Twice,\" Lee added.");
        assert_eq!(s[1].context, "Bob Ray said: \"I saw it.\"");
        let mut bad = doc.clone();
        bad.quotes[1].end_char = 10_000;
        assert!(speaker_inputs(&bad).unwrap_err().to_string().contains("quote 1"));
    }
}
