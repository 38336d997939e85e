//! `newsdesk annotate --to parquet`: the tables hold the same rows as the JSON output.
mod common;
use arrow_array::cast::AsArray;
use arrow_array::types::Int64Type;
use arrow_array::RecordBatch;
use common::{news_texts, read};
use serde_json::{json, Value};
use std::process::{Command, Output};

fn newsdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(args)
        .output()
        .expect("run newsdesk")
}

fn rows(batches: &[RecordBatch]) -> usize {
    batches.iter().map(|b| b.num_rows()).sum()
}

fn input() -> String {
    let mut lines: Vec<String> = news_texts()
        .iter()
        .enumerate()
        .map(|(i, t)| json!({"id": i, "text": t, "claims": ["The vote will pass"]}).to_string())
        .collect();
    lines.insert(1, "{broken".to_string());
    lines.push(r#"{"body": "no text field"}"#.to_string());
    lines.join("\n") + "\n"
}

#[test]
fn parquet_tables_have_the_rows_of_the_json_output() {
    let dir = std::env::temp_dir().join(format!("newsdesk-parquet-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input_path = dir.join("in.jsonl");
    std::fs::write(&input_path, input()).unwrap();
    let input = input_path.to_str().unwrap();
    let tables = dir.join("tables");
    let common = [
        "annotate",
        "--jsonl",
        "--batch-size",
        "2",
        "--claim",
        "Taxes will rise",
        input,
    ];
    let json_out = newsdesk(&common);
    let out = newsdesk(&[&common[..], &["--to", "parquet", "-o", tables.to_str().unwrap()]].concat());
    assert_eq!(json_out.status.code(), Some(1), "bad records mean exit 1");
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));

    let lines: Vec<Value> = String::from_utf8(json_out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let docs: Vec<&Value> = lines.iter().filter(|l| l.get("doc").is_some()).collect();
    let total = |f: &dyn Fn(&Value) -> usize| docs.iter().map(|l| f(&l["doc"])).sum::<usize>();
    let n = |d: &Value, k: &str| d[k].as_array().unwrap().len();
    let stance_rows = |d: &Value| {
        let claims = d["stances"].as_array().unwrap();
        claims.len() + claims.iter().map(|c| n(c, "speakers")).sum::<usize>()
    };
    let expected = [
        ("docs", docs.len()),
        ("entities", total(&|d| n(d, "ents"))),
        ("quotes", total(&|d| n(d, "quotes"))),
        ("stances", total(&stance_rows)),
        ("errors", lines.len() - docs.len()),
    ];
    for (name, want) in expected {
        let (groups, batches) = read(&tables, name);
        assert_eq!(rows(&batches), want, "{name}");
        assert!(
            groups <= 3,
            "{name}: one row group per batch of 2 (6 records), got {groups}"
        );
    }
    assert_eq!(expected[4].1, 2);
    assert!(expected[1].1 > 3 && expected[2].1 >= 3 && expected[3].1 > 2 * docs.len());

    // doc_id is the record's position in the input, bad records included
    let (_, errors) = read(&tables, "errors");
    let ids: Vec<i64> = errors
        .iter()
        .flat_map(|b| b.column(0).as_primitive::<Int64Type>().values().to_vec())
        .collect();
    assert_eq!(ids, vec![1, lines.len() as i64 - 1]);
    let (_, docs_tables) = read(&tables, "docs");
    let fields = docs_tables[0].column_by_name("fields").unwrap().as_string::<i32>();
    assert_eq!(fields.value(0), r#"{"claims":["The vote will pass"],"id":0}"#);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn parquet_needs_an_output_directory() {
    let out = newsdesk(&["annotate", "--example", "--to", "parquet"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--to parquet needs -o DIR"));
}
