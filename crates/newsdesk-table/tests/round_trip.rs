//! Every entity, quote and stance of a document's JSON appears exactly once in the tables.
use arrow_array::cast::AsArray;
use arrow_array::types::{Float32Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use newsdesk_table::{Meta, Table, Tables};
use serde_json::{json, Map, Value};

const TEXTS: [&str; 3] = [
    "\"We are close to an agreement that is fair to every country,\" said Japan's finance minister, \
     Taro Aso, in Tokyo on Tuesday. \"Nobody wants a trade war,\" he added. The U.S. Treasury declined to comment.",
    "Zoë Ångström told Reuters: “The vote will pass.” Prime Minister Theresa May disagreed. \
     “It will fail,” May said in London.",
    "",
];

fn rows(batch: &RecordBatch) -> Vec<Map<String, Value>> {
    (0..batch.num_rows())
        .map(|r| {
            let mut row = Map::new();
            for (field, col) in batch.schema().fields().iter().zip(batch.columns()) {
                let v = if col.is_null(r) {
                    Value::Null
                } else {
                    match field.data_type() {
                        DataType::Int64 => json!(col.as_primitive::<Int64Type>().value(r)),
                        DataType::Float32 => json!(col.as_primitive::<Float32Type>().value(r)),
                        DataType::Utf8 => json!(col.as_string::<i32>().value(r)),
                        t => panic!("unexpected column type {t}"),
                    }
                };
                row.insert(field.name().clone(), v);
            }
            row
        })
        .collect()
}

/// Text of the chars `a..b`, computed independently of the tables.
fn chars(text: &str, a: &Value, b: &Value) -> Value {
    let (a, b) = (a.as_u64().unwrap() as usize, b.as_u64().unwrap() as usize);
    json!(text.chars().skip(a).take(b - a).collect::<String>())
}

/// Rows whose named columns equal `want` (numbers compared as f32, as stored).
fn count(rows: &[Map<String, Value>], want: &Value) -> usize {
    let same = |a: &Value, b: &Value| match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x as f32 == y as f32,
        _ => a == b,
    };
    let want = want.as_object().unwrap();
    rows.iter().filter(|r| want.iter().all(|(k, v)| same(&r[k], v))).count()
}

#[test]
fn every_layer_of_the_json_appears_once_in_the_tables() {
    let nlp = newsdesk::load("ontonotes").unwrap();
    let mut texts: Vec<String> = TEXTS.iter().map(|t| t.to_string()).collect();
    let data = std::env::var("NEWSDESK_DATA").unwrap_or_else(|_| "../../../shared/data".into());
    match std::fs::read_to_string(format!("{data}/news/seed.txt")) {
        Ok(seed) => texts.push(seed),
        Err(e) => eprintln!("SKIPPED part: seed document not read from {data}: {e}"),
    }
    let claims = vec![
        "Japan and the U.S. agree on taxes".to_string(),
        "The vote will pass".to_string(),
    ];
    let mut tables = Tables::new();
    let mut docs = Vec::new();
    for (id, text) in texts.iter().enumerate() {
        let mut doc = nlp.make_doc(text);
        doc.claims = claims.clone();
        nlp.annotate(&mut doc).unwrap();
        tables.push(id as i64, &doc, Meta::default());
        docs.push(serde_json::from_str::<Value>(&doc.to_json()).unwrap());
    }
    let batches = tables.finish().unwrap();
    let table = |t: Table| rows(&batches.iter().find(|(x, _)| *x == t).unwrap().1);
    let (doc_rows, ents, quotes, stances) = (
        table(Table::Docs),
        table(Table::Entities),
        table(Table::Quotes),
        table(Table::Stances),
    );
    let (mut n_ents, mut n_quotes, mut n_stances) = (0, 0, 0);
    for (id, doc) in docs.iter().enumerate() {
        let text = doc["text"].as_str().unwrap();
        let n = |k: &str| doc[k].as_array().unwrap().len();
        let want = json!({"doc_id": id, "n_tokens": n("tokens"), "n_sents": n("sents"), "n_ents": n("ents"),
            "n_quotes": n("quotes"), "source": null, "fields": null});
        assert_eq!(count(&doc_rows, &want), 1, "doc {id}");
        for (i, e) in doc["ents"].as_array().unwrap().iter().enumerate() {
            let want = json!({"doc_id": id, "ent_i": i, "start_char": e["start_char"], "end_char": e["end_char"],
                "text": chars(text, &e["start_char"], &e["end_char"]), "label": e["label"], "score": e["score"],
                "source": e["source"]});
            assert_eq!(count(&ents, &want), 1, "{want}");
            n_ents += 1;
        }
        for (i, q) in doc["quotes"].as_array().unwrap().iter().enumerate() {
            let s = &q["speaker"];
            let cue = match &q["cue"] {
                Value::Null => Value::Null,
                c => chars(text, &c["start_char"], &c["end_char"]),
            };
            let want = json!({"doc_id": id, "quote_i": i, "start_char": q["start_char"], "end_char": q["end_char"],
                "text": chars(text, &q["start_char"], &q["end_char"]), "speaker": s.get("name"),
                "speaker_label": s.get("label"), "speaker_score": q["speaker_score"], "cue": cue});
            assert_eq!(count(&quotes, &want), 1, "{want}");
            n_quotes += 1;
        }
        for c in doc["stances"].as_array().unwrap() {
            let mut who = vec![(Value::Null, c)];
            who.extend(
                c["speakers"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| (s["speaker"].clone(), s)),
            );
            for (speaker, s) in who {
                let mut want = json!({"doc_id": id, "claim": c["claim"], "speaker": speaker, "label": s["label"]});
                for (label, p) in s["scores"].as_object().unwrap() {
                    want[format!("score_{label}")] = p.clone();
                }
                assert_eq!(count(&stances, &want), 1, "{want}");
                n_stances += 1;
            }
        }
    }
    assert_eq!((ents.len(), quotes.len(), stances.len()), (n_ents, n_quotes, n_stances));
    assert_eq!(doc_rows.len(), docs.len());
    // the test texts exercise every layer, speaker stances included
    assert!(n_ents > 5 && n_quotes >= 3, "{n_ents} entities, {n_quotes} quotes");
    assert!(n_stances > claims.len() * docs.len(), "{n_stances} stance rows");
}

#[test]
fn finish_empties_the_builders() {
    let mut tables = Tables::new();
    tables.push(
        7,
        &newsdesk::Doc::from_text("One. Two."),
        Meta {
            source: Some("a.txt"),
            fields: Some("{}"),
        },
    );
    assert_eq!(tables.pending(), 1);
    let first = tables.finish().unwrap();
    assert_eq!(first[0].1.num_rows(), 1);
    assert_eq!(tables.pending(), 0);
    assert!(tables.finish().unwrap().iter().all(|(_, b)| b.num_rows() == 0));
}
