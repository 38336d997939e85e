//! The command line as a Unix tool under hostile but realistic use (issue 12):
//! outputs never clobber inputs, byte-order marks, broken pipes, thread caps,
//! claims files and blank claims, and messages that name the problem.
mod common;
use common::{lines, newsdesk, stderr, TempDir};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RECORD: &[u8] = b"{\"text\": \"The talks ended. Both sides left.\"}\n";

#[test]
fn an_output_that_is_an_input_is_refused_before_anything_is_written() {
    let dir = TempDir::new("same-file");
    let jsonl = dir.file("a.jsonl", RECORD);
    let text = dir.file("a.txt", b"Plain text story.");
    // The same files under other names: a hard link and a path through `..`.
    std::fs::hard_link(&jsonl, dir.path("link.jsonl")).unwrap();
    let dotted = format!(
        "{}/../{}/a.txt",
        dir.0.display(),
        dir.0.file_name().unwrap().to_str().unwrap()
    );
    for (args, input, original) in [
        (vec!["--jsonl", &jsonl, "-o", &dir.path("link.jsonl")], &jsonl, RECORD),
        (vec![&text, "-o", &dotted], &text, &b"Plain text story."[..]),
        (vec!["--jsonl", "-o", &jsonl], &jsonl, RECORD), // stdin is the same file, below
    ] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
        let stdin = std::fs::File::open(input).unwrap();
        let out = cmd
            .args(["annotate", "--model", "blank"])
            .args(&args)
            .stdin(stdin)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains("is the same file as") && err.contains("refusing"), "{err}");
        assert_eq!(
            std::fs::read(input).unwrap(),
            original,
            "{args:?} left the input intact"
        );
    }
    assert_eq!(
        dir.names(),
        ["a.jsonl", "a.txt", "link.jsonl"],
        "no temporary file left"
    );
}

#[test]
fn output_goes_through_a_temporary_file_renamed_at_the_end() {
    let dir = TempDir::new("atomic");
    let input = dir.file("in.jsonl", &RECORD.repeat(3));
    let out_path = dir.file("out.jsonl", b"previous contents\n");
    let out = newsdesk(
        &["annotate", "--jsonl", "--model", "blank", &input, "-o", &out_path],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&out_path).unwrap().lines().count(), 3);
    assert_eq!(dir.names(), ["in.jsonl", "out.jsonl"]);

    // Killed half way: the final name keeps its previous contents.
    std::fs::write(&out_path, b"previous contents\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args([
            "annotate",
            "--jsonl",
            "--model",
            "blank",
            "--batch-size",
            "1",
            "-o",
            &out_path,
        ])
        .stdin(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(&RECORD.repeat(5)).unwrap();
    stdin.flush().unwrap();
    let started = Instant::now();
    while !dir.names().iter().any(|n| n.ends_with(".tmp")) {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no temporary file appeared"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(std::fs::read(&out_path).unwrap(), b"previous contents\n");
}

#[test]
fn a_leading_byte_order_mark_is_skipped_in_jsonl_and_plain_text() {
    let dir = TempDir::new("bom");
    let jsonl = dir.file("bom.jsonl", &[b"\xef\xbb\xbf", RECORD, RECORD].concat());
    let text = dir.file("bom.txt", b"\xef\xbb\xbfHi there. Bye.");
    let out = newsdesk(&["annotate", "--jsonl", "--model", "blank", &jsonl], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = lines(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["doc"]["text"], "The talks ended. Both sides left.");
    // stdin too; offsets count from the byte after the mark.
    let out = newsdesk(
        &["annotate", "--model", "blank", &text, "-"],
        b"\xef\xbb\xbfFrom stdin.",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = lines(&out);
    for (rec, text) in recs.iter().zip(["Hi there. Bye.", "From stdin."]) {
        let doc = &rec["doc"];
        assert_eq!(doc["text"], text);
        assert_eq!(doc["tokens"][0]["start"], 0);
        assert_eq!(doc["tokens"][0]["end"], text.find(' ').unwrap());
    }
}

#[test]
fn a_closed_pipe_ends_the_run_quietly_with_status_0() {
    let dir = TempDir::new("pipe");
    let big = dir.file("big.jsonl", &RECORD.repeat(20_000));
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(["annotate", "--jsonl", "--model", "blank", &big])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("The talks ended"));
    // The reader is dropped here, as `head -1` exits.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "nothing on stderr");
}

#[test]
fn threads_above_four_per_cpu_are_capped_with_one_warning() {
    let out = newsdesk(
        &["annotate", "--example", "--model", "blank", "--threads", "100000"],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), 1, "{err}");
    assert!(
        warnings[0].contains("--threads 100000") && warnings[0].contains("using"),
        "{err}"
    );
    let out = newsdesk(&["annotate", "--example", "--model", "blank", "--threads", "2"], b"");
    assert!(!stderr(&out).contains("warning"));
}

#[test]
fn claims_come_from_a_file_and_blank_ones_are_errors_naming_their_place() {
    let dir = TempDir::new("claims");
    let claims = dir.file("claims.txt", b"\xef\xbb\xbfTaxes will rise\r\nThe minister resigned\n");
    let blank = dir.file("blank.txt", b"Taxes will rise\n   \nThe minister resigned\n");
    let doc = dir.file(
        "doc.txt",
        b"\"Taxes will rise next year,\" the finance minister said on Monday.",
    );
    for cmd in ["annotate", "stance"] {
        let out = newsdesk(&[cmd, "--claim", "Prices fall", "--claims-file", &claims, &doc], b"");
        assert!(out.status.success(), "{cmd}: {}", stderr(&out));
        let rec = &lines(&out)[0];
        let stances = if cmd == "annotate" {
            &rec["doc"]["stances"]
        } else {
            &rec["stances"]
        };
        let got: Vec<&str> = stances
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["claim"].as_str().unwrap())
            .collect();
        assert_eq!(
            got,
            ["Prices fall", "Taxes will rise", "The minister resigned"],
            "{cmd}"
        );

        let out = newsdesk(&[cmd, "--claims-file", &blank, &doc], b"");
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains(&format!("{blank}:2: empty or whitespace-only claim")),
            "{}",
            stderr(&out)
        );
        let out = newsdesk(&[cmd, "--claim", "Prices fall", "--claim", " \t", &doc], b"");
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("--claim #2: empty or whitespace-only claim"),
            "{}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty(), "nothing is written");
    }
    let out = newsdesk(&["stance", &doc], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no claims"));
}

#[test]
fn a_blank_claim_in_a_record_is_an_error_for_that_record_only() {
    let input = b"{\"text\": \"One.\", \"claims\": [\"Taxes rise\", \"\"]}\n{\"text\": \"Two.\", \"claims\": [\"Taxes rise\"]}\n";
    let out = newsdesk(&["annotate", "--jsonl"], input);
    assert_eq!(out.status.code(), Some(1));
    let recs = lines(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["source"], "<stdin>:1");
    assert!(
        recs[0]["error"].as_str().unwrap().contains("claim 2 is empty"),
        "{}",
        recs[0]
    );
    assert_eq!(recs[1]["doc"]["stances"][0]["claim"], "Taxes rise");
}

#[test]
fn an_empty_or_blank_document_is_unrelated_to_every_claim() {
    for text in [&b""[..], b" \n\t "] {
        let out = newsdesk(
            &["annotate", "--claim", "Taxes will rise", "--claim", "The mayor quit"],
            text,
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let stances = lines(&out)[0]["doc"]["stances"].clone();
        assert_eq!(stances.as_array().unwrap().len(), 2);
        for s in stances.as_array().unwrap() {
            assert_eq!(s["label"], "unrelated", "{s}");
            assert_eq!(s["scores"]["unrelated"], 1.0);
        }
        let out = newsdesk(&["stance", "--claim", "Taxes will rise"], text);
        assert_eq!(lines(&out)[0]["stances"][0]["label"], "unrelated");
    }
}

#[test]
fn model_and_json_problems_are_named() {
    let out = newsdesk(&["annotate", "--example", "--model", "/nonexistent.bin"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot open model file /nonexistent.bin: No such file"),
        "{}",
        stderr(&out)
    );

    let dir = TempDir::new("models");
    let short = dir.file("short.bin", b"NDSKNER\x1a\x01\x00");
    let out = newsdesk(&["annotate", "--example", "--model", &short], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("model file {short}: corrupt NER model: truncated: 10 bytes")),
        "{err}"
    );
    let out = newsdesk(&["stance", "--claim", "x", "--model", &short], b"Text.");
    assert!(
        stderr(&out).contains(&format!("model file {short}: ")),
        "{}",
        stderr(&out)
    );

    let out = newsdesk(
        &["annotate", "--jsonl", "--model", "blank"],
        b"{\"text\": \"ok\"}\n{\"text\": \"bad \\ud800 here\"}\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = lines(&out);
    assert_eq!(recs[1]["source"], "<stdin>:2");
    let msg = recs[1]["error"].as_str().unwrap();
    assert!(msg.contains("lone UTF-16 surrogate \\ud800 at column 15"), "{msg}");
}
