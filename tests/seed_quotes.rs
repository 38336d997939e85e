//! The seed article's four quotations (`../shared/data/news/seed.gold.json`):
//! exact spans and speakers through the full `ontonotes` pipeline (tokenizer,
//! NER, quotes). Traps: the `{mosads}` debris glued to the first opening mark,
//! and a scare quote opened with ‘ but closed with ” inside the second quote.
use newsdesk::Doc;
use newsdesk_e2e::data_file;
use serde_json::Value;

fn seed() -> Option<(String, Value)> {
    let text_path = data_file("news/seed.txt")?;
    let gold_path = data_file("news/seed.gold.json")?;
    let read =
        |p: &std::path::Path| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
    let gold = serde_json::from_str(&read(&gold_path)).expect("seed.gold.json is JSON");
    Some((read(&text_path), gold))
}

fn annotate(text: &str) -> Doc {
    let nlp = newsdesk::load("ontonotes").expect("the ontonotes pipeline loads");
    let names = nlp.component_names();
    assert!(
        names.iter().any(|n| n == "ner") && names.iter().any(|n| n == "quotes"),
        "pipeline stages: {names:?}"
    );
    nlp.process(text)
}

#[test]
fn seed_quotes_have_exact_spans_and_speakers() {
    let Some((text, gold)) = seed() else { return };
    let doc = annotate(&text);
    let gold_quotes = gold["quotes"].as_array().expect("gold quotes");
    let chars: Vec<char> = text.chars().collect();
    let span = |a: u32, b: u32| chars[a as usize..b as usize].iter().collect::<String>();
    let got: Vec<String> = doc.quotes.iter().map(|q| span(q.start_char, q.end_char)).collect();
    let want: Vec<&str> = gold_quotes
        .iter()
        .map(|q| q["text"].as_str().expect("quote text"))
        .collect();
    assert_eq!(got, want, "quotation spans");
    for (q, g) in doc.quotes.iter().zip(gold_quotes) {
        assert_eq!(
            (q.start_char as u64, q.end_char as u64),
            (g["start"].as_u64().unwrap(), g["end"].as_u64().unwrap())
        );
        let name = q.speaker.as_ref().map(|s| s.name.to_lowercase());
        let mut accepted = vec![g["speaker"].as_str().expect("seed speakers are named").to_lowercase()];
        accepted.extend(
            g["speaker_also"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_lowercase),
        );
        assert!(
            name.as_ref().is_some_and(|n| accepted.contains(n)),
            "speaker {name:?} of {:?}, want one of {accepted:?}",
            span(q.start_char, q.end_char)
        );
        let cue = q.cue.as_ref().map(|c| span(c.start_char, c.end_char));
        assert_eq!(
            cue.as_deref(),
            g["cue"].as_str(),
            "cue of {:?}",
            span(q.start_char, q.end_char)
        );
    }
}

#[test]
fn seed_speakers_point_at_their_mentions() {
    let Some((text, _)) = seed() else { return };
    let doc = annotate(&text);
    let chars: Vec<char> = text.chars().collect();
    let mentions: Vec<String> = doc
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .map(|s| {
            chars[s.mention.start_char as usize..s.mention.end_char as usize]
                .iter()
                .collect()
        })
        .collect();
    // "said the State Department", "said ... Christopher Painter", "Painter added", "Painter said"
    assert_eq!(
        mentions,
        ["State Department", "Christopher Painter", "Painter", "Painter"]
    );
}
