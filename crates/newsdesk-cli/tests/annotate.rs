//! `newsdesk annotate` end to end: output shape and the bad-input rules.
mod common;
use common::{lines, newsdesk, TempDir};

#[test]
fn bad_records_become_error_lines_and_processing_continues() {
    let input = b"{\"id\": 1, \"text\": \"The talks ended. Both sides left.\"}\n{broken\n{\"body\": \"x\"}\n{\"text\": \"\xff\"}\n{\"id\": 5, \"text\": \"Last one.\"}\n";
    let out = newsdesk(&["annotate", "--jsonl", "--model", "blank"], input);
    assert_eq!(out.status.code(), Some(1), "non-zero exit when a record failed");
    let recs = lines(&out);
    assert_eq!(recs.len(), 5, "one output line per input record, none dropped");
    assert_eq!(recs[0]["fields"]["id"], 1);
    assert_eq!(recs[0]["doc"]["text"], "The talks ended. Both sides left.");
    assert_eq!(recs[0]["doc"]["sents"].as_array().unwrap().len(), 2);
    assert_eq!(recs[1]["source"], "<stdin>:2");
    assert!(recs[1]["error"].as_str().unwrap().contains("malformed JSON"));
    assert!(recs[2]["error"].as_str().unwrap().contains("missing text field"));
    assert!(recs[3]["error"].as_str().unwrap().contains("invalid UTF-8"));
    assert_eq!(recs[4]["fields"]["id"], 5);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("2 documents") && stderr.contains("3 errors"),
        "{stderr}"
    );
}

#[test]
fn strict_stops_at_the_first_bad_record() {
    let input = b"{\"text\": \"One.\"}\n{broken\n{\"text\": \"Three.\"}\n";
    let out = newsdesk(&["annotate", "--jsonl", "--strict", "--model", "blank"], input);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out).len(), 2);
}

#[test]
fn plain_files_are_one_document_each_and_missing_files_are_reported() {
    let dir = TempDir::new("plain");
    let a = dir.file("a.txt", b"First story.\n\nSecond paragraph.");
    let missing = dir.path("missing.txt");
    let out = newsdesk(&["annotate", "--model", "blank", &a, &missing], b"");
    assert_eq!(out.status.code(), Some(1));
    let recs = lines(&out);
    assert_eq!(recs[0]["doc"]["text"], "First story.\n\nSecond paragraph.");
    assert!(recs[1]["error"].as_str().unwrap().contains("cannot open"));
}

#[test]
fn batches_keep_input_order() {
    let input: String = (0..50)
        .map(|i| format!("{{\"n\": {i}, \"text\": \"Doc {i}.\"}}\n"))
        .collect();
    let out = newsdesk(
        &[
            "annotate",
            "--jsonl",
            "--batch-size",
            "7",
            "--threads",
            "2",
            "--model",
            "blank",
        ],
        input.as_bytes(),
    );
    assert!(out.status.success());
    let recs = lines(&out);
    assert_eq!(recs.len(), 50);
    for (i, r) in recs.iter().enumerate() {
        assert_eq!(r["fields"]["n"], i);
        assert_eq!(r["doc"]["text"], format!("Doc {i}."));
    }
}

#[test]
fn example_runs_without_input() {
    let out = newsdesk(&["annotate", "--example", "--model", "blank"], b"");
    assert!(out.status.success());
    assert_eq!(lines(&out).len(), 1);
}
