//! [`ParquetDir`]: the tables as `DIR/<table>.parquet`, one row group per batch.
use crate::schema::Table;
use crate::TableError;
use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::fs::File;
use std::path::{Path, PathBuf};

/// One open Parquet writer per table in a directory.
pub struct ParquetDir {
    writers: Vec<(Table, PathBuf, ArrowWriter<File>)>,
}

impl ParquetDir {
    /// Create `dir` (if needed) and `dir/<name>.parquet` for each of `tables`.
    pub fn create(dir: &Path, tables: &[Table]) -> Result<ParquetDir, TableError> {
        let io = |path: &Path| {
            let path = path.display().to_string();
            move |source| TableError::Io { path, source }
        };
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        // Row groups are cut by `write`, never by size.
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(None)
            .build();
        let mut writers = Vec::new();
        for &t in tables {
            let path = dir.join(format!("{}.parquet", t.name()));
            let file = File::create(&path).map_err(io(&path))?;
            let writer = ArrowWriter::try_new(file, t.schema(), Some(props.clone())).map_err(parquet_err(&path))?;
            writers.push((t, path, writer));
        }
        Ok(ParquetDir { writers })
    }

    /// Write each non-empty batch of an open table as one row group.
    pub fn write(&mut self, batches: &[(Table, RecordBatch)]) -> Result<(), TableError> {
        for (table, batch) in batches {
            let Some((_, path, w)) = self.writers.iter_mut().find(|(t, _, _)| t == table) else {
                continue;
            };
            if batch.num_rows() > 0 {
                w.write(batch).map_err(parquet_err(path))?;
                w.flush().map_err(parquet_err(path))?;
            }
        }
        Ok(())
    }

    /// Write the file footers; returns the paths written.
    pub fn close(self) -> Result<Vec<PathBuf>, TableError> {
        let mut paths = Vec::new();
        for (_, path, w) in self.writers {
            w.close().map_err(parquet_err(&path))?;
            paths.push(path);
        }
        Ok(paths)
    }
}

fn parquet_err(path: &Path) -> impl FnOnce(parquet::errors::ParquetError) -> TableError {
    let path = path.display().to_string();
    move |source| TableError::Parquet { path, source }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Meta, Tables, SCHEMA_KEY, TABLES_SCHEMA};
    use newsdesk_core::Doc;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    #[test]
    fn one_row_group_per_batch_and_the_version_in_the_file() {
        let dir = std::env::temp_dir().join(format!("newsdesk-table-test-{}", std::process::id()));
        let mut out = ParquetDir::create(&dir, &Table::ALL).unwrap();
        let mut tables = Tables::new();
        for batch in 0..3 {
            for i in 0..=batch {
                tables.push(i, &Doc::from_text("A short text. Another."), Meta::default());
            }
            out.write(&tables.finish().unwrap()).unwrap();
        }
        let paths = out.close().unwrap();
        assert_eq!(paths.len(), 5);
        let open = |name: &str| {
            let file = File::open(dir.join(format!("{name}.parquet"))).unwrap();
            ParquetRecordBatchReaderBuilder::try_new(file).unwrap()
        };
        let docs = open("docs");
        assert_eq!(docs.metadata().num_row_groups(), 3);
        assert_eq!(docs.schema().metadata()[SCHEMA_KEY], TABLES_SCHEMA);
        let rows: usize = docs.build().unwrap().map(|b| b.unwrap().num_rows()).sum();
        assert_eq!(rows, 1 + 2 + 3);
        // empty batches write no row group, the file is still valid
        assert_eq!(open("errors").metadata().num_row_groups(), 0);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_unwritable_directory_is_named() {
        let file = std::env::temp_dir().join(format!("newsdesk-table-file-{}", std::process::id()));
        std::fs::write(&file, "x").unwrap();
        let err = ParquetDir::create(&file.join("sub"), &Table::ALL).err().unwrap();
        assert!(err.to_string().contains("newsdesk-table-file-"), "{err}");
        std::fs::remove_file(&file).unwrap();
    }
}
