//! Where `annotate` writes: JSON lines, one HTML page, or a directory of
//! Parquet tables (`newsdesk::table`, one row group per batch). Files go
//! through [`Output`] (temporary file, never an input). Records are numbered
//! in input order, bad ones included, and that number is `doc_id` in the tables.
use crate::output::Output;
use newsdesk::table::{Meta, ParquetDir, Table, Tables};
use newsdesk::Doc;
use serde_json::{json, Map, Value};
use std::io::Write;
use std::path::Path;

/// Output format of `annotate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum To {
    /// One JSON object per line: `{"source", "fields", "doc"}` or `{"source", "error"}`.
    Json,
    /// An HTML page: entities, quotes, speakers and stances of each document.
    Html,
    /// DIR/{docs,entities,quotes,stances,errors}.parquet (needs -o DIR).
    Parquet,
}

pub enum Sink {
    Json(Output),
    Html(Output),
    Parquet {
        dir: ParquetDir,
        tables: Box<Tables>,
        next_id: i64,
    },
}

/// One output line for a processed document (fields in this order).
#[derive(serde::Serialize)]
struct DocLine<'a> {
    source: &'a str,
    fields: &'a Map<String, Value>,
    doc: &'a Doc,
}

/// Start of the `--to html` page (documents follow as sections).
const HTML_HEAD: &str = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>newsdesk</title>\
<style>body{max-width:60em;margin:1em auto;padding:0 1em}h2{font:bold 13px monospace;color:#555}\
.nd-error{color:#b00020}</style></head><body>\n";

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

impl Sink {
    /// Open the output `to` writes: `path` (stdout when `None`; a directory for
    /// Parquet), refusing a file that is one of `inputs`.
    pub fn open(to: To, path: Option<&str>, inputs: &[String]) -> Result<Sink> {
        Ok(match to {
            To::Json => Sink::Json(Output::open(path, inputs)?),
            To::Html => {
                let mut out = Output::open(path, inputs)?;
                out.write_all(HTML_HEAD.as_bytes())?;
                Sink::Html(out)
            }
            To::Parquet => {
                let dir = path.ok_or("--to parquet needs -o DIR")?;
                Sink::Parquet {
                    dir: ParquetDir::create(Path::new(dir), &Table::ALL)?,
                    tables: Box::new(Tables::new()),
                    next_id: 0,
                }
            }
        })
    }

    pub fn doc(&mut self, source: &str, fields: &Map<String, Value>, doc: &Doc) -> Result<()> {
        match self {
            Sink::Json(out) => {
                serde_json::to_writer(&mut *out, &DocLine { source, fields, doc })?;
                out.write_all(b"\n")?;
            }
            Sink::Html(out) => section(out, source, &newsdesk::render_html(doc))?,
            Sink::Parquet { tables, next_id, .. } => {
                let fields = (!fields.is_empty()).then(|| Value::Object(fields.clone()).to_string());
                let meta = Meta {
                    source: Some(source),
                    fields: fields.as_deref(),
                };
                tables.push(*next_id, doc, meta);
                *next_id += 1;
            }
        }
        Ok(())
    }

    pub fn error(&mut self, source: &str, message: &str) -> Result<()> {
        match self {
            Sink::Json(out) => {
                serde_json::to_writer(&mut *out, &json!({"source": source, "error": message}))?;
                out.write_all(b"\n")?;
            }
            Sink::Html(out) => {
                let body = format!("<p class=\"nd-error\">error: {}</p>", newsdesk::escape_html(message));
                section(out, source, &body)?
            }
            Sink::Parquet { tables, next_id, .. } => {
                tables.push_error(*next_id, Some(source), message);
                *next_id += 1;
            }
        }
        Ok(())
    }

    /// End of a batch: Parquet writes one row group per table.
    pub fn end_batch(&mut self) -> Result<()> {
        if let Sink::Parquet { dir, tables, .. } = self {
            dir.write(&tables.finish()?)?;
        }
        Ok(())
    }

    /// Write what is pending and close the output (renaming a temporary file
    /// to its final name).
    pub fn finish(mut self) -> Result<()> {
        self.end_batch()?;
        match self {
            Sink::Json(out) => out.finish()?,
            Sink::Html(mut out) => {
                out.write_all(b"</body></html>\n")?;
                out.finish()?
            }
            Sink::Parquet { dir, .. } => drop(dir.close()?),
        }
        Ok(())
    }
}

/// One `<section>` of the HTML page: the source, then its body.
fn section(out: &mut Output, source: &str, body: &str) -> std::io::Result<()> {
    writeln!(
        out,
        "<section><h2>{}</h2>{body}</section>",
        newsdesk::escape_html(source)
    )
}
