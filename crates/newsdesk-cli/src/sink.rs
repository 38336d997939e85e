//! Where `annotate` writes: JSON lines, or a directory of Parquet tables
//! (`newsdesk::table`, one row group per batch). Records are numbered in input
//! order, bad ones included, and that number is `doc_id` in the tables.
use newsdesk::table::{Meta, ParquetDir, Table, TableError, Tables};
use newsdesk::Doc;
use serde_json::{json, Map, Value};
use std::io::Write;
use std::path::Path;

/// Output format of `annotate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum To {
    /// One JSON object per line: `{"source", "fields", "doc"}` or `{"source", "error"}`.
    Jsonl,
    /// DIR/{docs,entities,quotes,stances,errors}.parquet (needs -o DIR).
    Parquet,
}

pub enum Sink {
    Jsonl(Box<dyn Write>),
    Parquet {
        dir: ParquetDir,
        tables: Tables,
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

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

impl Sink {
    pub fn parquet(dir: &Path) -> std::result::Result<Sink, TableError> {
        Ok(Sink::Parquet {
            dir: ParquetDir::create(dir, &Table::ALL)?,
            tables: Tables::new(),
            next_id: 0,
        })
    }

    pub fn doc(&mut self, source: &str, fields: &Map<String, Value>, doc: &Doc) -> Result<()> {
        match self {
            Sink::Jsonl(out) => {
                serde_json::to_writer(&mut *out, &DocLine { source, fields, doc })?;
                out.write_all(b"\n")?;
            }
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
            Sink::Jsonl(out) => {
                serde_json::to_writer(&mut *out, &json!({"source": source, "error": message}))?;
                out.write_all(b"\n")?;
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

    /// Write what is pending and close the output.
    pub fn finish(mut self) -> Result<()> {
        self.end_batch()?;
        match self {
            Sink::Jsonl(mut out) => out.flush()?,
            Sink::Parquet { dir, .. } => drop(dir.close()?),
        }
        Ok(())
    }
}
