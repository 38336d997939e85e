//! The default (embedded OntoNotes) NER model on the seed article: at least 20
//! of the 23 gold entities found with the right label and an accepted
//! boundary, and no entity touching the `{mosads}` debris.
use newsdesk::{Component, Doc};
use newsdesk_e2e::data_file;
use newsdesk_ner::{NerComponent, NerModel};

#[test]
fn seed_entities_found_with_default_model() {
    let (Some(text_path), Some(gold_path)) = (data_file("news/seed.txt"), data_file("news/seed.gold.json")) else {
        return;
    };
    let text = std::fs::read_to_string(text_path).unwrap();
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
    let mut doc = Doc::from_text(&text);
    NerComponent::new(NerModel::embedded("ontonotes").unwrap())
        .process(&mut doc)
        .unwrap();
    doc.validate().unwrap();

    let chars: Vec<char> = text.chars().collect();
    let span_text = |a: u32, b: u32| chars[a as usize..b as usize].iter().collect::<String>();
    let mut found = 0;
    let mut missed = Vec::new();
    for g in gold["entities"].as_array().unwrap() {
        let (start, end) = (g["start"].as_u64().unwrap() as u32, g["end"].as_u64().unwrap() as u32);
        let label = g["label"].as_str().unwrap();
        let mut accepted = vec![g["text"].as_str().unwrap().to_string()];
        accepted.extend(
            g["also_accept"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|v| v.as_str().unwrap().to_string()),
        );
        let whole = doc.ents.iter().any(|e| {
            e.label == label
                && e.start_char < end
                && start < e.end_char
                && accepted.contains(&span_text(e.start_char, e.end_char))
        });
        // A note like "U.S. as GPE and EU as ORG inside it is also acceptable"
        // accepts those parts, found inside the gold span, instead.
        let parts: Vec<(String, String)> = g["note"]
            .as_str()
            .and_then(|n| n.strip_suffix(" inside it is also acceptable"))
            .map(|n| {
                n.split(" and ")
                    .filter_map(|p| p.rsplit_once(" as "))
                    .map(|(t, l)| (t.to_string(), l.to_string()))
                    .collect()
            })
            .unwrap_or_default();
        let by_parts = !parts.is_empty()
            && parts.iter().all(|(t, l)| {
                doc.ents.iter().any(|e| {
                    &e.label == l
                        && start <= e.start_char
                        && e.end_char <= end
                        && &span_text(e.start_char, e.end_char) == t
                })
            });
        let hit = whole || by_parts;
        if hit {
            found += 1;
        } else {
            missed.push(format!("{} ({label})", g["text"]));
        }
    }
    let predicted: Vec<String> = doc
        .ents
        .iter()
        .map(|e| format!("{}/{}", span_text(e.start_char, e.end_char), e.label))
        .collect();
    eprintln!("seed NER: {found}/23 found; missed {missed:?}; predicted {predicted:?}");
    assert!(
        found >= 20,
        "only {found} of 23 seed entities found; missed {missed:?}; predicted {predicted:?}"
    );

    let debris = text
        .find("{mosads}")
        .map(|b| text[..b].chars().count() as u32)
        .expect("seed has {mosads}");
    let debris_end = debris + "{mosads}".len() as u32;
    for e in &doc.ents {
        assert!(
            e.end_char <= debris || e.start_char >= debris_end,
            "entity {:?} touches {{mosads}}",
            span_text(e.start_char, e.end_char)
        );
        assert!(
            (e.start..e.end).all(|i| doc.tokens[i as usize].is_content()),
            "entity over a debris token"
        );
        assert!(e.score > 0.0 && e.score <= 1.0);
    }
}
