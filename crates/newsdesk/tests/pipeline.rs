//! The facade's pipeline: loading, serialization, patterns, batches.
use newsdesk::{load, Error, Pattern, Pipeline};

fn pattern(json: &str) -> Pattern {
    serde_json::from_str(json).expect("valid pattern JSON")
}

#[test]
fn default_pipeline_runs_all_stages_in_order() {
    let nlp = load("ontonotes").unwrap();
    assert_eq!(
        nlp.component_names(),
        ["tokenizer", "sentences", "ner", "quotes", "stance"]
    );
}

#[test]
fn unknown_names_are_clear_errors() {
    let err = load("no-such-model").unwrap_err();
    assert!(matches!(err, Error::UnknownPipeline(_)));
    assert!(err.to_string().contains("known: ontonotes, conll, blank"), "{err}");
}

#[test]
fn bytes_round_trip_keeps_patterns_and_behaviour() {
    let mut nlp = load("ontonotes").unwrap();
    let added = nlp
        .add_patterns(vec![pattern(r#"{"label": "PRODUCT", "pattern": "Zorblax 3000"}"#)])
        .unwrap();
    assert_eq!(added, 1);
    assert_eq!(
        nlp.component_names(),
        ["tokenizer", "sentences", "ner", "entity_ruler", "quotes", "stance"]
    );
    let text = "The company said the Zorblax 3000 will ship in Germany next year.";
    let before = nlp.process(text);
    assert!(before.ents.iter().any(|e| e.label == "PRODUCT"));
    let again = Pipeline::from_bytes(&nlp.to_bytes().unwrap()).unwrap();
    assert_eq!(again.spec(), nlp.spec());
    assert_eq!(again.process(text), before);
}

#[test]
fn model_files_load_by_path_and_travel_inside_the_bytes() {
    let dir = std::env::temp_dir().join(format!("newsdesk-facade-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("conll.bin");
    newsdesk::NerModel::embedded("conll").unwrap().save(&path).unwrap();
    let nlp = load(path.to_str().unwrap()).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let text = "Angela Merkel visited Paris.";
    let labels: Vec<String> = nlp.process(text).ents.into_iter().map(|e| e.label).collect();
    assert!(
        labels
            .iter()
            .all(|l| ["PER", "LOC", "ORG", "MISC"].contains(&l.as_str())),
        "{labels:?}"
    );
    let again = Pipeline::from_bytes(&nlp.to_bytes().unwrap()).unwrap();
    assert_eq!(again.process(text), nlp.process(text));
}

#[test]
fn truncated_or_foreign_bytes_are_errors() {
    let bytes = load("blank").unwrap().to_bytes().unwrap();
    assert!(Pipeline::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    assert!(Pipeline::from_bytes(b"GIF89a....").is_err());
}

#[test]
fn batches_keep_order_with_any_thread_count() {
    let texts: Vec<String> = (0..40)
        .map(|i| format!("Story {i} ends here. Another sentence."))
        .collect();
    for threads in [1, 2, 3] {
        let nlp = load("blank").unwrap().with_threads(threads).unwrap();
        let docs = nlp.process_batch(&texts);
        for (d, t) in docs.iter().zip(&texts) {
            assert_eq!(&d.text, t);
        }
    }
}

#[test]
fn stance_is_available_directly_and_per_document() {
    let nlp = load("ontonotes").unwrap();
    let scores = nlp
        .stance(
            "The minister resigned",
            "The minister resigned on Friday after the scandal.",
        )
        .unwrap();
    let total: f32 = scores.scores.values().sum();
    assert!((total - 1.0).abs() < 1e-3, "probabilities sum to one: {total}");
    let doc = nlp.process("\"We will not resign,\" the minister said on Friday.");
    let st = nlp.stances(&doc, &["The minister resigned".to_string()]).unwrap();
    assert_eq!(st.len(), 1);
    assert!(matches!(
        load("blank").unwrap().stance("a", "b"),
        Err(Error::Missing("stance"))
    ));
}

/// Panics on documents that mention `boom`: a stand-in for a bug in a component.
struct Fragile;

impl newsdesk::Component for Fragile {
    fn name(&self) -> &str {
        "fragile"
    }
    fn process(&self, doc: &mut newsdesk::Doc) -> Result<(), newsdesk::CoreError> {
        assert!(!doc.text.contains("boom"), "cannot handle {:?}", doc.text);
        Ok(())
    }
}

#[test]
fn a_panicking_component_fails_its_document_not_the_batch() {
    let nlp = Pipeline::blank().add(Fragile);
    let out = nlp.try_process_batch(&["One text.", "A boom here.", "Three."]);
    assert!(out[0].is_ok() && out[2].is_ok());
    match &out[1] {
        Err(Error::Panicked { component, message }) => {
            assert_eq!(component, "fragile");
            assert!(message.contains("cannot handle"), "{message}");
        }
        other => panic!("expected a Panicked error, got {other:?}"),
    }
}
