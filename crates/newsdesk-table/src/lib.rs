//! newsdesk documents as flat tables: Arrow record batches, and Parquet files
//! with the `parquet` feature.
//!
//! Four tables, joined on `doc_id` (see [`Table::schema`] for the columns; the
//! layout version [`TABLES_SCHEMA`] is in every schema's metadata):
//! `docs` (one row per document), `entities`, `quotes` and `stances` (one row
//! per claim for the whole document, with `speaker` null, and one per claim and
//! quoted speaker). Offsets are char offsets (Python `str` offsets), as in the
//! JSON documents. A fifth table, `errors`, holds input records that could not
//! be annotated. With `parquet`, [`ParquetTexts`] reads texts to annotate
//! from a Parquet file, record batch by record batch.
//!
//! ```
//! use newsdesk_core::Doc;
//! use newsdesk_table::{Meta, Table, Tables};
//! let mut tables = Tables::new();
//! tables.push(0, &Doc::from_text("Talks went well."), Meta::default());
//! tables.push_error(1, Some("in.jsonl:2"), "malformed JSON");
//! let batches = tables.finish().unwrap();
//! assert_eq!(batches[0].0, Table::Docs);
//! assert_eq!(batches[0].1.num_rows(), 1);
//! assert_eq!(batches[4].1.num_rows(), 1);
//! ```
mod error;
#[cfg(feature = "parquet")]
mod json_cell;
#[cfg(feature = "parquet")]
mod parquet_dir;
#[cfg(feature = "parquet")]
mod parquet_texts;
mod schema;
mod tables;

pub use arrow_array::RecordBatch;
pub use error::TableError;
#[cfg(feature = "parquet")]
pub use parquet_dir::ParquetDir;
#[cfg(feature = "parquet")]
pub use parquet_texts::{ParquetTexts, TextRow};
pub use schema::{stance_labels, Table, SCHEMA_KEY, TABLES_SCHEMA};
pub use tables::{Meta, Tables};
