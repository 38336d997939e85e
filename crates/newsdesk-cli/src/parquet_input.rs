//! Records from a Parquet file (`annotate --parquet FILE`): one per row, with
//! the text from `--text-field`, the id from `--id-field` (as the field `id`)
//! and every other column as a field, as a JSONL record's other fields. A null
//! text is a [`RecordError`] naming `file:row` (and the id); a file that becomes
//! unreadable part-way ends with an error naming the last row read.
use crate::records::{record, Item, RecordError};
use newsdesk::table::{ParquetTexts, TableError};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// The records of `path`; a file that is not Parquet or lacks a column is an error here.
pub fn records(path: &str, text_field: &str, id_field: Option<&str>) -> Result<impl Iterator<Item = Item>> {
    let rows = ParquetTexts::open(path.as_ref(), text_field, id_field)?;
    let path = path.to_string();
    Ok(rows.map(move |row| {
        let row = row.map_err(|e| RecordError {
            source: path.clone(),
            message: match e {
                TableError::Input { message, .. } => message,
                other => other.to_string(),
            },
        })?;
        let source = format!("{path}:{}", row.row);
        match row.text {
            Ok(text) => record(source, text, row.fields),
            Err(message) => Err(RecordError { source, message }),
        }
    }))
}
