//! `newsdesk annotate --parquet FILE`: rows annotated as JSONL records are, the
//! other columns passed through, bad rows reported, bad files refused up front.
mod common;
use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, Int64Array, RecordBatch, StringArray};
use common::{lines, news_texts, newsdesk, read, stderr, TempDir};
use serde_json::{json, Value};
use std::sync::Arc;

/// Write `columns` as a Parquet file `name` in `dir`, in row groups of 2 rows.
fn parquet_file(dir: &TempDir, name: &str, columns: Vec<(&str, ArrayRef)>) -> String {
    let batch = RecordBatch::try_from_iter(columns).unwrap();
    let path = dir.path(name);
    let file = std::fs::File::create(&path).unwrap();
    let mut w = parquet::arrow::ArrowWriter::try_new(file, batch.schema(), None).unwrap();
    for start in (0..batch.num_rows()).step_by(2) {
        w.write(&batch.slice(start, 2.min(batch.num_rows() - start))).unwrap();
        w.flush().unwrap();
    }
    w.close().unwrap();
    path
}

fn strings(values: &[Option<&str>]) -> ArrayRef {
    Arc::new(StringArray::from(values.to_vec()))
}

fn texts() -> Vec<String> {
    let mut texts = news_texts();
    texts.insert(3, String::new());
    texts
}

/// `annotate` of `file`'s `body` column with the blank pipeline.
fn annotate_body(file: &str) -> Vec<&str> {
    vec![
        "annotate",
        "--model",
        "blank",
        "--parquet",
        file,
        "--text-field",
        "body",
    ]
}

/// Output lines without their `source` (`file:line` or `file:row`).
fn without_source(out: &std::process::Output) -> Vec<Value> {
    let mut recs = lines(out);
    for r in &mut recs {
        r.as_object_mut().unwrap().remove("source");
    }
    recs
}

#[test]
fn parquet_in_gives_what_the_same_jsonl_gives_for_every_sink() {
    let dir = TempDir::new("parquet-in");
    let texts = texts();
    let claims = [
        vec!["The vote will pass"],
        vec![],
        vec!["Taxes will rise", "The vote will pass"],
    ];
    let claims_of = |i: usize| &claims[i % claims.len()];
    let jsonl: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| json!({"id": i, "text": t, "claims": claims_of(i), "desk": format!("d{i}")}).to_string() + "\n")
        .collect();
    let jsonl = dir.file("in.jsonl", jsonl.as_bytes());
    let mut claim_lists = ListBuilder::new(StringBuilder::new());
    for i in 0..texts.len() {
        claim_lists.append_value(claims_of(i).iter().map(|c| Some(*c)));
    }
    let text_refs: Vec<Option<&str>> = texts.iter().map(|t| Some(t.as_str())).collect();
    let desks: Vec<String> = (0..texts.len()).map(|i| format!("d{i}")).collect();
    let desk_refs: Vec<Option<&str>> = desks.iter().map(|d| Some(d.as_str())).collect();
    let parquet = parquet_file(
        &dir,
        "in.parquet",
        vec![
            ("desk", strings(&desk_refs)),
            ("text", strings(&text_refs)),
            ("id", Arc::new(Int64Array::from_iter_values(0..texts.len() as i64))),
            ("claims", Arc::new(claim_lists.finish())),
        ],
    );
    let run = |input: &[&str], more: &[&str]| {
        let args = [
            &["annotate", "--batch-size", "2", "--claim", "Japan agrees"],
            input,
            more,
        ]
        .concat();
        let out = newsdesk(&args, b"");
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        out
    };
    let (from_jsonl, from_parquet) = (["--jsonl", jsonl.as_str()], ["--parquet", parquet.as_str()]);

    let (a, b) = (run(&from_jsonl, &[]), run(&from_parquet, &[]));
    assert_eq!(without_source(&a), without_source(&b));
    assert_eq!(lines(&b)[1]["source"], format!("{parquet}:2"));
    assert_eq!(
        lines(&b)[2]["fields"],
        json!({"claims": claims_of(2), "desk": "d2", "id": 2})
    );

    let (a, b) = (
        run(&from_jsonl, &["--to", "html"]),
        run(&from_parquet, &["--to", "html"]),
    );
    let page = |o: &std::process::Output| String::from_utf8(o.stdout.clone()).unwrap().replace(&parquet, &jsonl);
    assert_eq!(page(&a).matches("<section>").count(), texts.len());
    assert_eq!(page(&a).lines().count(), page(&b).lines().count());

    let (ta, tb) = (dir.path("ta"), dir.path("tb"));
    run(&from_jsonl, &["--to", "parquet", "-o", &ta]);
    run(&from_parquet, &["--to", "parquet", "-o", &tb]);
    for table in ["docs", "entities", "quotes", "stances", "errors"] {
        let (_, mut want) = read(ta.as_ref(), table);
        let (_, mut got) = read(tb.as_ref(), table);
        if table == "docs" {
            for batches in [&mut want, &mut got] {
                for b in batches.iter_mut() {
                    b.remove_column(b.schema().index_of("source").unwrap());
                }
            }
        }
        assert_eq!(got, want, "{table}");
    }
    let (_, entities) = read(tb.as_ref(), "entities");
    assert!(entities.iter().map(|b| b.num_rows()).sum::<usize>() > 3);
}

#[test]
fn other_columns_pass_through_and_the_id_column_becomes_id() {
    let dir = TempDir::new("parquet-fields");
    let mut tags = ListBuilder::new(StringBuilder::new());
    tags.append_value([Some("politics"), Some("asia")]);
    tags.append_null();
    let file = parquet_file(
        &dir,
        "in.parquet",
        vec![
            (
                "url",
                strings(&[Some("https://a.example/1"), Some("https://a.example/2")]),
            ),
            ("body", strings(&[Some("Talks went well."), Some("They did not.")])),
            ("words", Arc::new(Int64Array::from(vec![Some(3), None]))),
            ("tags", Arc::new(tags.finish())),
        ],
    );
    let args = annotate_body(&file);
    let out = newsdesk(&[&args[..], &["--id-field", "url"]].concat(), b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = lines(&out);
    let want = json!({"id": "https://a.example/1", "tags": ["politics", "asia"], "words": 3});
    assert_eq!(recs[0]["fields"], want);
    assert_eq!(
        recs[1]["fields"],
        json!({"id": "https://a.example/2", "tags": null, "words": null})
    );
    assert_eq!(recs[1]["doc"]["text"], "They did not.");

    let tables = dir.path("tables");
    let out = newsdesk(&[&args[..], &["--to", "parquet", "-o", &tables]].concat(), b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (_, docs) = read(tables.as_ref(), "docs");
    let fields = docs[0].column_by_name("fields").unwrap();
    let fields = fields.as_any().downcast_ref::<StringArray>().unwrap();
    let first: Value = serde_json::from_str(fields.value(0)).unwrap();
    assert_eq!(
        first,
        json!({"url": "https://a.example/1", "tags": ["politics", "asia"], "words": 3})
    );
}

#[test]
fn a_null_text_is_an_error_record_and_the_others_are_annotated() {
    let dir = TempDir::new("parquet-null");
    let file = parquet_file(
        &dir,
        "in.parquet",
        vec![
            ("key", strings(&[Some("a"), Some("b"), Some("c")])),
            ("body", strings(&[Some("First text."), None, Some("Third text.")])),
        ],
    );
    let args = [&annotate_body(&file)[..], &["--id-field", "key"]].concat();
    let out = newsdesk(&args, b"");
    assert_eq!(out.status.code(), Some(1), "a bad row means exit 1");
    let recs = lines(&out);
    assert_eq!(recs.len(), 3, "one line per row, none dropped");
    assert_eq!(recs[1]["source"], format!("{file}:2"));
    assert_eq!(recs[1]["error"], "text column \"body\" is null (id \"b\")");
    assert_eq!(recs[2]["doc"]["text"], "Third text.");
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{file}:2: text column \"body\" is null (id \"b\")")),
        "{err}"
    );
    assert!(err.contains("2 documents") && err.contains("1 errors"), "{err}");

    let tables = dir.path("tables");
    let out = newsdesk(&[&args[..], &["--to", "parquet", "-o", &tables]].concat(), b"");
    assert_eq!(out.status.code(), Some(1));
    let count = |t: &str| read(tables.as_ref(), t).1.iter().map(|b| b.num_rows()).sum::<usize>();
    assert_eq!((count("docs"), count("errors")), (2, 1));
}

#[test]
fn missing_columns_and_files_that_are_not_parquet_are_refused_up_front() {
    let dir = TempDir::new("parquet-bad");
    let file = parquet_file(
        &dir,
        "in.parquet",
        vec![("body", strings(&[Some("x")])), ("url", strings(&[None]))],
    );
    let out = newsdesk(&["annotate", "--parquet", &file, "--model", "blank"], b"");
    assert_eq!(out.status.code(), Some(2));
    let want = format!("{file}: no text column \"text\"; the columns are \"body\", \"url\"");
    assert!(stderr(&out).contains(&want), "{}", stderr(&out));
    assert!(out.stdout.is_empty());

    let args = [
        "annotate",
        "--parquet",
        &file,
        "--text-field",
        "body",
        "--id-field",
        "key",
    ];
    let out = newsdesk(&args, b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no id column \"key\""), "{}", stderr(&out));

    let text = dir.file("notes.parquet", b"{\"text\": \"JSON, not Parquet\"}\n");
    let tables = dir.path("tables");
    let out = newsdesk(&["annotate", "--parquet", &text, "--to", "parquet", "-o", &tables], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!("{text}: not a readable Parquet file")),
        "{}",
        stderr(&out)
    );
    assert!(
        !std::path::Path::new(&tables).exists(),
        "no output for an input refused up front"
    );
}
