//! `newsdesk eval stance --predictions FILE`: one JSON line per evaluated pair
//! that agrees with the printed metrics, and never written over an input.
mod common;
use common::{lines, newsdesk, stderr, TempDir};
use std::process::Output;

const BODIES: &[u8] = b"Body ID,articleBody\n\
1,\"Officials confirmed on Monday that the bridge will close for repairs next week. The city said traffic will be diverted.\"\n\
2,\"The company denied reports that it would cut 500 jobs, calling them false.\"\n";
const STANCES: &[u8] = b"Headline,Body ID,Stance\n\
The bridge will close for repairs,1,agree\n\
Smartphone sales fell sharply in Asia,1,unrelated\n\
Company to cut 500 jobs,2,disagree\n\
\"Bridge closes, city says\",2,unrelated\n";

/// `newsdesk eval stance --bodies BODIES --stances STANCES EXTRA...` with the shipped fnc1 model.
fn eval(bodies: &str, stances: &str, extra: &[&str]) -> Output {
    newsdesk(
        &[&["eval", "stance", "--bodies", bodies, "--stances", stances][..], extra].concat(),
        b"",
    )
}

#[test]
fn predictions_file_has_every_pair_and_matches_the_metrics() {
    let dir = TempDir::new("eval-stance-pred");
    let bodies = dir.file("b.csv", BODIES);
    let stances = dir.file("s.csv", STANCES);
    let pred = dir.path("pred.jsonl");
    let out = eval(&bodies, &stances, &["--split", "all", "--predictions", &pred]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let metrics = &lines(&out)[0];
    assert_eq!(metrics["pairs"], 4);
    let rows: Vec<serde_json::Value> = std::fs::read_to_string(&pred)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 4);
    let gold = ["agree", "unrelated", "disagree", "unrelated"];
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r["pair"], i);
        assert_eq!(r["gold"], gold[i]);
        let sum: f64 = r["scores"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_f64().unwrap())
            .sum();
        assert!((sum - 1.0).abs() < 1e-4, "{r}");
        let (g, p) = (r["gold"].as_str().unwrap(), r["label"].as_str().unwrap());
        assert!(
            metrics["confusion"][g][p].as_u64().unwrap() >= 1,
            "{r} is counted in the confusion"
        );
    }
    assert_eq!(rows[3]["headline"], "Bridge closes, city says");
    assert_eq!(rows[2]["body_id"], 2);
    // The same command without --predictions prints the same metrics.
    let plain = lines(&eval(&bodies, &stances, &["--split", "all"]))[0].clone();
    assert_eq!(plain["confusion"], metrics["confusion"]);
    assert_eq!(dir.names(), ["b.csv", "pred.jsonl", "s.csv"], "no temporary file left");
}

#[test]
fn predictions_over_an_input_are_refused() {
    let dir = TempDir::new("eval-stance-pred-input");
    let bodies = dir.file("b.csv", BODIES);
    let stances = dir.file("s.csv", STANCES);
    let out = eval(&bodies, &stances, &["--predictions", &stances]);
    assert_ne!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("refusing to overwrite an input"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&stances).unwrap(), STANCES);
}
