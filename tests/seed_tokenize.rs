//! Golden tokenizer and sentence tests on the seed article
//! (`../shared/data/news/seed.txt`: 12 lines, one sentence each, a `{mosads}`
//! ad marker glued to an opening quote, `U.S.-EU`, `D.C.`, `G-20`).
use newsdesk::{Pipeline, SentenceSplitter, TokenKind, Tokenizer};
use newsdesk_e2e::data_file;

fn seed() -> Option<String> {
    let path = data_file("news/seed.txt")?;
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())))
}

/// Index of the first occurrence of the token sequence `words` in `texts`.
fn find_seq(texts: &[&str], words: &[&str]) -> Option<usize> {
    texts.windows(words.len()).position(|w| w == words)
}

#[test]
fn seed_tokens_are_lossless_and_follow_the_conventions() {
    let Some(text) = seed() else { return };
    let tokens = Tokenizer::default().tokenize(&text);
    let rebuilt: String = tokens
        .iter()
        .map(|t| format!("{}{}", t.text(&text), t.whitespace(&text)))
        .collect();
    assert_eq!(rebuilt, text, "tokens and whitespace must rebuild the text exactly");
    assert_eq!(
        tokens.last().map(|t| t.char_ws_end as usize),
        Some(text.chars().count())
    );

    let texts: Vec<&str> = tokens.iter().map(|t| t.text(&text)).collect();
    // the ad marker is debris, separate from the quote mark glued to it
    let m = texts
        .iter()
        .position(|&t| t == "{mosads}")
        .expect("{mosads} is a token of its own");
    assert_eq!(tokens[m].kind, TokenKind::Debris);
    assert!(!tokens[m].is_content());
    assert_eq!(&texts[m + 1..m + 3], ["“", "International"]);
    assert_eq!(tokens[m + 1].kind, TokenKind::Punct);
    assert_eq!(tokens.iter().filter(|t| t.kind == TokenKind::Debris).count(), 1);

    assert!(
        find_seq(&texts, &["U.S.", "-", "EU", "Summit"]).is_some(),
        "U.S.-EU splits at the hyphen"
    );
    assert!(
        find_seq(&texts, &["Washington", ",", "D.C.", ","]).is_some(),
        "D.C. stays whole"
    );
    assert!(find_seq(&texts, &["the", "U.S.", "and", "China"]).is_some());
    // OntoNotes splits letter-number hyphenation (`F - 14`), so G-20 is G - 20
    assert!(find_seq(&texts, &["G", "-", "20", "Summit"]).is_some());
    assert!(find_seq(&texts, &["10", "-", "year", "-", "old"]).is_some());
    assert!(
        find_seq(&texts, &["Monday", "’s", "meeting"]).is_some(),
        "possessive clitic splits"
    );
    assert!(texts.contains(&"co-chair"), "co- prefix keeps its hyphen");
    assert!(find_seq(&texts, &["‘", "Wild", "West", "”"]).is_some());
}

#[test]
fn seed_has_one_sentence_per_line() {
    let Some(text) = seed() else { return };
    let tokens = Tokenizer::default().tokenize(&text);
    let sents = SentenceSplitter::default().split(&text, &tokens);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 12);
    let got: Vec<&str> = sents
        .iter()
        .map(|s| &text[tokens[s.start as usize].start as usize..tokens[s.end as usize - 1].end as usize])
        .collect();
    assert_eq!(got, lines);

    // the facade's pipeline gives the same sentences
    let doc = Pipeline::blank().process(&text);
    assert_eq!(doc.sents.len(), 12);
    assert_eq!(doc.tokens.len(), tokens.len());
}
