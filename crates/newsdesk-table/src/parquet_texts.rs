//! [`ParquetTexts`]: the rows of a Parquet file as texts to annotate, read one
//! record batch at a time (memory stays flat whatever the file size). The text
//! column must hold strings; every other column passes through as JSON fields.
use crate::json_cell::{supported, to_json};
use crate::TableError;
use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::{ArrowReaderOptions, ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use serde_json::{Map, Value};
use std::fs::File;
use std::path::Path;

/// Rows per record batch read from the file.
const BATCH_ROWS: usize = 256;

/// One row of the input.
#[derive(Debug)]
pub struct TextRow {
    /// Row number in the file, from 1.
    pub row: u64,
    /// The text, or why the row has none (a null cell, naming the id if there is one).
    pub text: Result<String, String>,
    /// The other columns by name, as JSON; the id column (if any) under `id`.
    pub fields: Map<String, Value>,
}

/// Reads the rows of a Parquet file one record batch at a time.
///
/// ```no_run
/// let rows = newsdesk_table::ParquetTexts::open("articles.parquet".as_ref(), "body", Some("url")).unwrap();
/// for row in rows {
///     let row = row.unwrap(); // Err: the file became unreadable at some row, and reading stops
///     println!("{} {:?} {:?}", row.row, row.fields.get("id"), row.text.map(|t| t.len()));
/// }
/// ```
pub struct ParquetTexts {
    path: String,
    /// `None` once the file is read to the end or became unreadable.
    reader: Option<ParquetRecordBatchReader>,
    text: usize,
    id: Option<usize>,
    names: Vec<String>,
    batch: Option<RecordBatch>,
    /// Next row of `batch`.
    pos: usize,
    /// Rows returned so far.
    row: u64,
}

impl ParquetTexts {
    /// Open `path` with the text in column `text` and the document id in `id`
    /// (passed on as the field `id`). A file that is not Parquet, a missing
    /// column (the error lists the columns there are), a text column of
    /// another type than strings, or a column that cannot be passed through
    /// as JSON are errors here, before any row is read.
    pub fn open(path: &Path, text: &str, id: Option<&str>) -> Result<ParquetTexts, TableError> {
        let name = path.display().to_string();
        let input = |message: String| TableError::Input {
            path: name.clone(),
            message,
        };
        let file = File::open(path).map_err(|source| TableError::Io {
            path: name.clone(),
            source,
        })?;
        // Types as Parquet stores them: no dictionary, view or large variants.
        let options = ArrowReaderOptions::new().with_skip_arrow_metadata(true);
        let builder = no_panic(|| ParquetRecordBatchReaderBuilder::try_new_with_options(file, options))
            .map_err(input)?
            .map_err(|e| input(format!("not a readable Parquet file: {e}")))?;
        let schema = builder.schema().clone();
        let names: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
        let find = |col: &str, what: &str| {
            names.iter().position(|n| n == col).ok_or_else(|| {
                let list: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
                input(format!("no {what} column {col:?}; the columns are {}", list.join(", ")))
            })
        };
        let text_col = find(text, "text")?;
        let id_col = id.map(|id| find(id, "id")).transpose()?;
        match schema.field(text_col).data_type() {
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {}
            other => return Err(input(format!("text column {text:?} holds {other}, not strings"))),
        }
        if let Some(f) = schema.fields().iter().find(|f| !supported(f.data_type())) {
            return Err(input(format!(
                "column {:?} has type {}, which cannot be passed through as JSON",
                f.name(),
                f.data_type()
            )));
        }
        if let (Some(id), Some(clash)) = (id, names.iter().position(|n| n == "id")) {
            if Some(clash) != id_col {
                return Err(input(format!(
                    "both a column \"id\" and --id-field {id:?}: the id would be ambiguous"
                )));
            }
        }
        let reader = no_panic(|| builder.with_batch_size(BATCH_ROWS).build())
            .map_err(input)?
            .map_err(|e| input(format!("cannot read: {e}")))?;
        Ok(ParquetTexts {
            path: name,
            reader: Some(reader),
            text: text_col,
            id: id_col,
            names,
            batch: None,
            pos: 0,
            row: 0,
        })
    }

    /// The names of the file's columns, in order.
    pub fn columns(&self) -> &[String] {
        &self.names
    }

    fn row_at(&self, batch: &RecordBatch, i: usize) -> TextRow {
        let mut fields = Map::new();
        for (c, col) in batch.columns().iter().enumerate() {
            if c == self.text {
                continue;
            }
            let key = if Some(c) == self.id { "id" } else { &self.names[c] };
            fields.insert(key.to_string(), to_json(col.as_ref(), i));
        }
        let col = batch.column(self.text);
        let text = if col.is_null(i) {
            let id = match fields.get("id").filter(|_| self.id.is_some()) {
                Some(id) => format!(" (id {id})"),
                None => String::new(),
            };
            Err(format!("text column {:?} is null{id}", self.names[self.text]))
        } else {
            Ok(match col.data_type() {
                DataType::LargeUtf8 => col.as_string::<i64>().value(i),
                DataType::Utf8View => col.as_string_view().value(i),
                _ => col.as_string::<i32>().value(i),
            }
            .to_string())
        };
        TextRow {
            row: self.row,
            text,
            fields,
        }
    }
}

impl Iterator for ParquetTexts {
    /// A row, or the error that made the rest of the file unreadable (the last item).
    type Item = Result<TextRow, TableError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(batch) = self.batch.take() {
                if self.pos < batch.num_rows() {
                    self.pos += 1;
                    self.row += 1;
                    let row = self.row_at(&batch, self.pos - 1);
                    self.batch = Some(batch);
                    return Some(Ok(row));
                }
            }
            let reader = self.reader.as_mut()?;
            let failure = match no_panic(|| reader.next()) {
                Ok(Some(Ok(batch))) => {
                    self.batch = Some(batch);
                    self.pos = 0;
                    continue;
                }
                Ok(None) => {
                    self.reader = None;
                    return None;
                }
                Ok(Some(Err(e))) => e.to_string(),
                Err(message) => message,
            };
            self.reader = None;
            return Some(Err(TableError::Input {
                path: self.path.clone(),
                message: format!("unreadable after row {}: {failure}", self.row),
            }));
        }
    }
}

/// The parquet crate asserts on some corrupt data instead of returning an
/// error: a panic while decoding becomes a message about the file.
fn no_panic<T>(decode: impl FnOnce() -> T) -> Result<T, String> {
    newsdesk_core::panic::catch(decode).map_err(|why| format!("corrupt data (the Parquet decoder failed: {why})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{ArrayRef, Int64Array, StringArray};
    use arrow_schema::{Field, Schema};
    use parquet::arrow::ArrowWriter;
    use serde_json::json;
    use std::sync::Arc;

    /// A Parquet file of `rows` rows (ids, texts with every 3rd null, a tag) as bytes.
    fn file_bytes(rows: i64, rows_per_group: usize) -> Vec<u8> {
        let ids: ArrayRef = Arc::new(Int64Array::from_iter_values(0..rows));
        let texts: ArrayRef = Arc::new(StringArray::from_iter(
            (0..rows).map(|i| (i % 3 != 2).then(|| format!("Text “{i}”."))),
        ));
        let tags: ArrayRef = Arc::new(StringArray::from_iter_values((0..rows).map(|i| format!("t{i}"))));
        let schema = Arc::new(Schema::new(vec![
            Field::new("key", DataType::Int64, false),
            Field::new("body", DataType::Utf8, true),
            Field::new("tag", DataType::Utf8, false),
        ]));
        let batch = RecordBatch::try_new(schema.clone(), vec![ids, texts, tags]).unwrap();
        let mut out = Vec::new();
        let mut w = ArrowWriter::try_new(&mut out, schema, None).unwrap();
        for start in (0..batch.num_rows()).step_by(rows_per_group) {
            let len = rows_per_group.min(batch.num_rows() - start);
            w.write(&batch.slice(start, len)).unwrap();
            w.flush().unwrap();
        }
        w.close().unwrap();
        out
    }

    struct Temp(std::path::PathBuf);

    impl Temp {
        fn new(name: &str, bytes: &[u8]) -> Temp {
            let path = std::env::temp_dir().join(format!("newsdesk-texts-{name}-{}.parquet", std::process::id()));
            std::fs::write(&path, bytes).unwrap();
            Temp(path)
        }
    }

    impl Drop for Temp {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    #[test]
    fn rows_across_row_groups_with_null_texts_named() {
        let f = Temp::new("rows", &file_bytes(600, 250));
        let rows: Vec<TextRow> = ParquetTexts::open(&f.0, "body", Some("key"))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(rows.len(), 600);
        assert_eq!(rows[0].row, 1);
        assert_eq!(rows[0].text.as_deref(), Ok("Text “0”."));
        assert_eq!(
            rows[599].fields,
            json!({"id": 599, "tag": "t599"}).as_object().unwrap().clone()
        );
        assert_eq!(rows[2].text, Err("text column \"body\" is null (id 2)".to_string()));
        assert_eq!(rows.iter().filter(|r| r.text.is_err()).count(), 200);
        let plain = ParquetTexts::open(&f.0, "body", None).unwrap();
        assert_eq!(plain.columns(), ["key", "body", "tag"]);
        let third = plain.map(|r| r.unwrap()).nth(2).unwrap();
        assert_eq!(third.text, Err("text column \"body\" is null".to_string()));
        assert_eq!(third.fields["key"], 2);
    }

    #[test]
    fn a_large_row_group_is_decoded_a_bounded_batch_at_a_time() {
        // One row group of 1,000 rows: never more than BATCH_ROWS of them decoded at once.
        let f = Temp::new("batches", &file_bytes(1000, 1000));
        let mut rows = ParquetTexts::open(&f.0, "body", None).unwrap();
        let mut n = 0;
        while let Some(row) = rows.next() {
            row.unwrap();
            n += 1;
            assert!(rows.batch.as_ref().unwrap().num_rows() <= BATCH_ROWS, "row {n}");
        }
        assert_eq!(n, 1000);
    }

    #[test]
    fn bad_files_and_columns_are_named_up_front() {
        let f = Temp::new("cols", &file_bytes(3, 10));
        let err = |text: &str, id: Option<&str>| ParquetTexts::open(&f.0, text, id).err().unwrap().to_string();
        let missing = err("text", None);
        assert!(
            missing.ends_with(r#"no text column "text"; the columns are "key", "body", "tag""#),
            "{missing}"
        );
        assert!(missing.starts_with(&f.0.display().to_string()), "{missing}");
        assert!(err("body", Some("url")).contains(r#"no id column "url""#));
        assert!(err("key", None).contains(r#"text column "key" holds Int64, not strings"#));
        let not_parquet = Temp::new("text", b"just some text\n");
        let e = ParquetTexts::open(&not_parquet.0, "body", None)
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("not a readable Parquet file"), "{e}");
        assert!(e.contains("newsdesk-texts-text-"), "{e}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        #[test]
        fn mutated_files_give_rows_or_errors_naming_the_file(
            steps in proptest::collection::vec((0u8.., 0usize.., 0u8..), 1..4)
        ) {
            let bytes = newsdesk_core::mutate::mutate_all(&file_bytes(40, 16), &steps);
            let f = Temp::new("mutated", &bytes);
            let name = f.0.display().to_string();
            match ParquetTexts::open(&f.0, "body", Some("key")) {
                Err(e) => proptest::prop_assert!(e.to_string().starts_with(&name), "{}", e),
                Ok(rows) => {
                    let mut last = 0;
                    for row in rows {
                        match row {
                            Ok(r) => {
                                proptest::prop_assert_eq!(r.row, last + 1);
                                last = r.row;
                            }
                            Err(e) => proptest::prop_assert!(e.to_string().starts_with(&name), "{}", e),
                        }
                    }
                }
            }
        }
    }
}
