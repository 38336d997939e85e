//! The tables and their columns, defined once.
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use std::collections::HashMap;
use std::sync::Arc;

/// Version of the table layout, stored in every schema's metadata under [`SCHEMA_KEY`].
pub const TABLES_SCHEMA: &str = "newsdesk.tables/1";
/// Schema metadata key holding [`TABLES_SCHEMA`].
pub const SCHEMA_KEY: &str = "newsdesk.schema";

/// One of the flat tables. Rows of all tables join on `doc_id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Table {
    /// One row per document.
    Docs,
    /// One row per entity.
    Entities,
    /// One row per quote.
    Quotes,
    /// One row per (document, claim) and per (document, claim, speaker).
    Stances,
    /// One row per input record that could not be annotated.
    Errors,
}

impl Table {
    /// The four tables of annotations.
    pub const DATA: [Table; 4] = [Table::Docs, Table::Entities, Table::Quotes, Table::Stances];
    /// The four tables and the error table.
    pub const ALL: [Table; 5] = [
        Table::Docs,
        Table::Entities,
        Table::Quotes,
        Table::Stances,
        Table::Errors,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Table::Docs => "docs",
            Table::Entities => "entities",
            Table::Quotes => "quotes",
            Table::Stances => "stances",
            Table::Errors => "errors",
        }
    }

    /// The Arrow schema of this table.
    pub fn schema(self) -> SchemaRef {
        use DataType::{Float32, Int64, Utf8};
        let col = |name: &str, t: DataType, nullable: bool| Field::new(name, t, nullable);
        let fields = match self {
            Table::Docs => vec![
                col("doc_id", Int64, false),
                col("source", Utf8, true),
                col("fields", Utf8, true),
                col("n_tokens", Int64, false),
                col("n_sents", Int64, false),
                col("n_ents", Int64, false),
                col("n_quotes", Int64, false),
            ],
            Table::Entities => vec![
                col("doc_id", Int64, false),
                col("ent_i", Int64, false),
                col("start_char", Int64, false),
                col("end_char", Int64, false),
                col("text", Utf8, false),
                col("label", Utf8, false),
                col("score", Float32, false),
                col("source", Utf8, false),
            ],
            Table::Quotes => vec![
                col("doc_id", Int64, false),
                col("quote_i", Int64, false),
                col("start_char", Int64, false),
                col("end_char", Int64, false),
                col("text", Utf8, false),
                col("speaker", Utf8, true),
                col("speaker_label", Utf8, true),
                col("speaker_score", Float32, true),
                col("cue", Utf8, true),
            ],
            Table::Stances => {
                let mut cols = vec![
                    col("doc_id", Int64, false),
                    col("claim", Utf8, false),
                    col("speaker", Utf8, true),
                    col("label", Utf8, false),
                ];
                cols.extend(stance_labels().map(|l| col(&format!("score_{l}"), Float32, true)));
                cols
            }
            Table::Errors => vec![
                col("doc_id", Int64, false),
                col("source", Utf8, true),
                col("error", Utf8, false),
            ],
        };
        let meta = HashMap::from([(SCHEMA_KEY.to_string(), TABLES_SCHEMA.to_string())]);
        Arc::new(Schema::new_with_metadata(fields, meta))
    }
}

/// The stance labels that get a `score_<label>` column, in column order.
pub fn stance_labels() -> impl Iterator<Item = &'static str> {
    newsdesk_stance::Label::ALL.into_iter().map(|l| l.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_starts_with_doc_id_and_carries_the_version() {
        for t in Table::ALL {
            let s = t.schema();
            assert_eq!(s.field(0).name(), "doc_id", "{}", t.name());
            assert_eq!(s.metadata()[SCHEMA_KEY], TABLES_SCHEMA);
        }
        let stances = Table::Stances.schema();
        let names: Vec<&str> = stances.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(
            names[4..],
            ["score_agree", "score_disagree", "score_discuss", "score_unrelated"]
        );
    }
}
