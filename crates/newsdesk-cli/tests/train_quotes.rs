//! `newsdesk train quotes`: cross-validation over `--data` with `--also-train`
//! articles only trained on, a `--test` file scored by the final model and the
//! rules, and a card that records all three files; `newsdesk eval quotes
//! --speakers` scoring such a model, the rules alone or the default.
mod common;
use common::{lines, newsdesk, stderr, TempDir};

/// One gold article: `“<quote>,” said <name>.` per speaker, quote offsets in chars.
fn article(id: usize, speakers: &[(&str, &str)]) -> String {
    let mut text = String::new();
    let mut quotes = Vec::new();
    for (quote, name) in speakers {
        text.push('“');
        let start = text.chars().count();
        text.push_str(quote);
        text.push(',');
        let end = text.chars().count();
        text.push_str(&format!("” said {name}. "));
        quotes.push(serde_json::json!({"start": start, "end": end, "speaker": name}));
    }
    serde_json::json!({"id": format!("a{id}"), "text": text.trim_end(), "quotes": quotes}).to_string() + "\n"
}

fn file(dir: &TempDir, name: &str, ids: std::ops::Range<usize>) -> String {
    let names = ["Jane Roe", "Mark Hale", "Ann Lee", "Tom Dunn"];
    let body: String = ids
        .map(|i| {
            let a = names[i % 4];
            let b = names[(i + 1) % 4];
            article(
                i,
                &[
                    ("We will not back down on this", a),
                    ("It is a bad bill for everyone", b),
                ],
            )
        })
        .collect();
    dir.file(name, body.as_bytes())
}

#[test]
fn folds_train_only_articles_and_a_held_out_test_reach_the_output_and_the_card() {
    let dir = TempDir::new("train-quotes");
    let data = file(&dir, "data.jsonl", 0..6);
    let also = file(&dir, "also.jsonl", 6..10);
    let test = file(&dir, "test.jsonl", 10..13);
    let model = dir.path("speaker.json");
    let args = [
        "train",
        "quotes",
        "--data",
        &data,
        "--also-train",
        &also,
        "--folds",
        "3",
    ];
    let out = newsdesk(&[&args[..], &["--test", &test, "-o", &model]].concat(), b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let o = &lines(&out)[0];
    assert_eq!(o["cv_speaker_accuracy"].as_array().unwrap().len(), 3);
    // every fold scores only --data articles: 2 quotes each, 6 articles in all
    assert_eq!(stderr(&out).matches("articles, speaker accuracy").count(), 3);
    // the folds' held-out quotations pooled: the 12 of --data, none of --also-train
    assert_eq!(
        (o["cv_matched"].as_u64(), o["cv_speaker_correct"].as_u64()),
        (Some(12), Some(12)),
        "{o}"
    );
    assert_eq!(
        o["cv_speaker_errors"],
        serde_json::json!({"wrong_speaker": 0, "nobody_for_named": 0, "someone_for_nobody": 0})
    );
    assert_eq!(o["cv_speaker_by_score"].as_array().map(Vec::len), Some(3), "{o}");
    assert_eq!(o["train_quotes"], 20, "data and also-train quotes are all trained on");
    assert_eq!(
        (o["test"]["articles"].as_u64(), o["test"]["matched"].as_u64()),
        (Some(3), Some(6))
    );
    assert_eq!(o["test"]["speaker_correct"], 6, "{o}");
    let card: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&model).unwrap()).unwrap();
    let card = &card["card"];
    assert_eq!(
        (card["also_train"].as_str(), card["test_data"].as_str()),
        (Some(&also[..]), Some(&test[..]))
    );
    assert_eq!(card["test_speaker_accuracy"], 1.0);
    assert_eq!(card["also_train_sha256"].as_str().map(str::len), Some(64));
}

#[test]
fn candidates_of_every_held_out_quotation_are_written_with_their_fold_scores() {
    let dir = TempDir::new("train-quotes-candidates");
    let data = file(&dir, "data.jsonl", 0..6);
    let cands = dir.path("cands.jsonl");
    let run = |folds: &str| {
        newsdesk(
            &[
                "train",
                "quotes",
                "--data",
                &data,
                "--folds",
                folds,
                "--candidates",
                &cands,
            ],
            b"",
        )
    };
    let out = run("3");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = std::fs::read_to_string(&cands)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let texts: std::collections::HashMap<String, String> = std::fs::read_to_string(&data)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // every quotation of the six articles once, each with the right speaker
    // among its candidates, the top-scored one right (as the folds' 12/12)
    assert_eq!(rows.len(), 12);
    let mut ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 6, "{ids:?}");
    for r in &rows {
        let c = r["candidates"].as_array().unwrap();
        let best = c
            .iter()
            .max_by(|a, b| a["score"].as_f64().partial_cmp(&b["score"].as_f64()).unwrap())
            .unwrap();
        assert_eq!(best["correct"], true, "{r}");
        // each score is the sum of the weighted features listed with it
        for x in c {
            let sum: f64 = x["features"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f[1].as_f64().unwrap())
                .sum();
            assert!((sum - x["score"].as_f64().unwrap()).abs() < 1e-3, "{x}");
            assert!(!x["features"].as_array().unwrap().is_empty(), "{x}");
        }
        // its mention is where the text names it
        let text: Vec<char> = texts[r["id"].as_str().unwrap()].chars().collect();
        let m = &best["mention"];
        let (a, b) = (m[0].as_u64().unwrap() as usize, m[1].as_u64().unwrap() as usize);
        assert_eq!(
            text[a..b].iter().collect::<String>(),
            best["name"].as_str().unwrap(),
            "{r}"
        );
        assert!(
            c.iter().any(|x| x["name"].is_null()),
            "nobody is always a candidate: {r}"
        );
        assert!(r["end"].as_u64() > r["start"].as_u64());
    }
    let out = run("0");
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("--folds"), "{}", stderr(&out));
}

#[test]
fn without_folds_the_cross_validation_figures_are_null() {
    let dir = TempDir::new("train-quotes-nofolds");
    let data = file(&dir, "data.jsonl", 0..2);
    let out = newsdesk(&["train", "quotes", "--data", &data, "--folds", "0"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let o = &lines(&out)[0];
    assert!(o["cv_speaker_accuracy_mean"].is_null() && o["test"].is_null(), "{o}");
    assert!(o["cv_matched"].is_null() && o["cv_speaker_by_score"].is_null(), "{o}");
}

#[test]
fn a_bad_line_in_the_train_only_file_names_the_file_and_line() {
    let dir = TempDir::new("train-quotes-bad");
    let data = file(&dir, "data.jsonl", 0..2);
    let also = dir.file(
        "also.jsonl",
        b"{\"id\": \"x\", \"text\": \"Hi.\", \"quotes\": []}\nnot json\n",
    );
    let out = newsdesk(&["train", "quotes", "--data", &data, "--also-train", &also], b"");
    assert_ne!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.contains("also.jsonl:2"), "{err}");
}

#[test]
fn eval_quotes_scores_a_trained_model_the_rules_or_the_default() {
    let dir = TempDir::new("eval-quotes-speakers");
    let data = file(&dir, "data.jsonl", 0..4);
    let model = dir.path("speaker.json");
    let out = newsdesk(&["train", "quotes", "--data", &data, "--folds", "0", "-o", &model], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for speakers in ["default", "rules", &model[..]] {
        let out = newsdesk(&["eval", "quotes", "--data", &data, "--speakers", speakers], b"");
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let o = &lines(&out)[0];
        assert_eq!(
            (o["speakers"].as_str(), o["matched"].as_u64()),
            (Some(speakers), Some(8))
        );
        assert_eq!(o["speaker_correct"], 8, "{speakers}: {o}");
    }
    let bad = dir.file("bad.json", b"{\"format\": \"something else\"}");
    let out = newsdesk(&["eval", "quotes", "--data", &data, "--speakers", &bad], b"");
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("bad.json"), "{}", stderr(&out));
}

#[test]
fn eval_quotes_counts_wrong_speakers_by_kind() {
    let dir = TempDir::new("eval-quotes-errors");
    // The gold speaker of the first article is nobody the text mentions: a
    // wrong speaker that no choice among the candidates could have righted.
    let unnamed = article(0, &[("We will not back down on this", "Jane Roe")]).replace("Jane Roe\"", "Zed Quux\"");
    let named = article(1, &[("It is a bad bill for everyone", "Mark Hale")]);
    let data = dir.file("data.jsonl", (unnamed + &named).as_bytes());
    let out = newsdesk(&["eval", "quotes", "--data", &data], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let o = &lines(&out)[0];
    assert_eq!(
        (o["matched"].as_u64(), o["speaker_correct"].as_u64()),
        (Some(2), Some(1)),
        "{o}"
    );
    assert_eq!(
        o["speaker_errors"],
        serde_json::json!({"wrong_speaker": 1, "nobody_for_named": 0, "someone_for_nobody": 0, "not_among_candidates": 1})
    );
}
