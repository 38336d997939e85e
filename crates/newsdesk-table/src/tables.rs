//! [`Tables`]: rows of documents appended column by column, taken out as Arrow record batches.
use crate::schema::{stance_labels, Table};
use crate::TableError;
use arrow_array::builder::{ArrayBuilder, Float32Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use newsdesk_core::{Doc, EntitySource, StanceScores};
use std::sync::Arc;

/// Where a document came from, for the `docs` table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Meta<'a> {
    /// `file`, `file:line` or another locator of the input record.
    pub source: Option<&'a str>,
    /// Other fields of the input record, as a JSON object.
    pub fields: Option<&'a str>,
}

/// Column builders of all tables; [`Tables::finish`] empties them into record batches.
pub struct Tables {
    docs: DocCols,
    ents: EntCols,
    quotes: QuoteCols,
    stances: StanceCols,
    errors: ErrorCols,
}

impl Default for Tables {
    fn default() -> Self {
        Tables::new()
    }
}

#[derive(Default)]
struct DocCols {
    doc_id: Int64Builder,
    source: StringBuilder,
    fields: StringBuilder,
    n_tokens: Int64Builder,
    n_sents: Int64Builder,
    n_ents: Int64Builder,
    n_quotes: Int64Builder,
}

#[derive(Default)]
struct EntCols {
    doc_id: Int64Builder,
    ent_i: Int64Builder,
    start_char: Int64Builder,
    end_char: Int64Builder,
    text: StringBuilder,
    label: StringBuilder,
    score: Float32Builder,
    source: StringBuilder,
}

#[derive(Default)]
struct QuoteCols {
    doc_id: Int64Builder,
    quote_i: Int64Builder,
    start_char: Int64Builder,
    end_char: Int64Builder,
    text: StringBuilder,
    speaker: StringBuilder,
    speaker_label: StringBuilder,
    speaker_score: Float32Builder,
    cue: StringBuilder,
}

struct StanceCols {
    doc_id: Int64Builder,
    claim: StringBuilder,
    speaker: StringBuilder,
    label: StringBuilder,
    /// One per [`stance_labels`], in order.
    scores: Vec<Float32Builder>,
}

#[derive(Default)]
struct ErrorCols {
    doc_id: Int64Builder,
    source: StringBuilder,
    error: StringBuilder,
}

fn len(n: usize) -> i64 {
    n as i64
}

impl Tables {
    pub fn new() -> Tables {
        Tables {
            docs: DocCols::default(),
            ents: EntCols::default(),
            quotes: QuoteCols::default(),
            stances: StanceCols {
                doc_id: Int64Builder::new(),
                claim: StringBuilder::new(),
                speaker: StringBuilder::new(),
                label: StringBuilder::new(),
                scores: stance_labels().map(|_| Float32Builder::new()).collect(),
            },
            errors: ErrorCols::default(),
        }
    }

    /// Rows in the `docs` and `errors` tables since the last [`Tables::finish`].
    pub fn pending(&self) -> usize {
        self.docs.doc_id.len() + self.errors.doc_id.len()
    }

    /// Append the rows of one document to every table.
    pub fn push(&mut self, doc_id: i64, doc: &Doc, meta: Meta<'_>) {
        let d = &mut self.docs;
        d.doc_id.append_value(doc_id);
        d.source.append_option(meta.source);
        d.fields.append_option(meta.fields);
        d.n_tokens.append_value(len(doc.tokens.len()));
        d.n_sents.append_value(len(doc.sents.len()));
        d.n_ents.append_value(len(doc.ents.len()));
        d.n_quotes.append_value(len(doc.quotes.len()));

        let e = &mut self.ents;
        for (i, ent) in doc.ents.iter().enumerate() {
            e.doc_id.append_value(doc_id);
            e.ent_i.append_value(len(i));
            e.start_char.append_value(ent.start_char.into());
            e.end_char.append_value(ent.end_char.into());
            e.text.append_value(doc.text_between(ent.start_char, ent.end_char));
            e.label.append_value(&ent.label);
            e.score.append_value(ent.score);
            e.source.append_value(match ent.source {
                EntitySource::Model => "model",
                EntitySource::Pattern => "pattern",
            });
        }

        let q = &mut self.quotes;
        for (i, quote) in doc.quotes.iter().enumerate() {
            q.doc_id.append_value(doc_id);
            q.quote_i.append_value(len(i));
            q.start_char.append_value(quote.start_char.into());
            q.end_char.append_value(quote.end_char.into());
            q.text.append_value(doc.text_between(quote.start_char, quote.end_char));
            q.speaker.append_option(quote.speaker.as_ref().map(|s| &s.name));
            q.speaker_label
                .append_option(quote.speaker.as_ref().and_then(|s| s.label.as_ref()));
            q.speaker_score.append_option(quote.speaker_score);
            q.cue
                .append_option(quote.cue.as_ref().map(|c| doc.text_between(c.start_char, c.end_char)));
        }

        for claim in &doc.stances {
            self.stances.push(doc_id, &claim.claim, None, &claim.stance);
            for s in &claim.speakers {
                self.stances.push(doc_id, &claim.claim, Some(&s.speaker), &s.stance);
            }
        }
    }

    /// Record an input that could not be annotated (the `errors` table).
    pub fn push_error(&mut self, doc_id: i64, source: Option<&str>, message: &str) {
        self.errors.doc_id.append_value(doc_id);
        self.errors.source.append_option(source);
        self.errors.error.append_value(message);
    }

    /// Take the rows appended so far as one record batch per table, in [`Table::ALL`] order.
    pub fn finish(&mut self) -> Result<Vec<(Table, RecordBatch)>, TableError> {
        let d = &mut self.docs;
        let docs = batch(
            Table::Docs,
            vec![
                Arc::new(d.doc_id.finish()),
                Arc::new(d.source.finish()),
                Arc::new(d.fields.finish()),
                Arc::new(d.n_tokens.finish()),
                Arc::new(d.n_sents.finish()),
                Arc::new(d.n_ents.finish()),
                Arc::new(d.n_quotes.finish()),
            ],
        )?;
        let e = &mut self.ents;
        let ents = batch(
            Table::Entities,
            vec![
                Arc::new(e.doc_id.finish()),
                Arc::new(e.ent_i.finish()),
                Arc::new(e.start_char.finish()),
                Arc::new(e.end_char.finish()),
                Arc::new(e.text.finish()),
                Arc::new(e.label.finish()),
                Arc::new(e.score.finish()),
                Arc::new(e.source.finish()),
            ],
        )?;
        let q = &mut self.quotes;
        let quotes = batch(
            Table::Quotes,
            vec![
                Arc::new(q.doc_id.finish()),
                Arc::new(q.quote_i.finish()),
                Arc::new(q.start_char.finish()),
                Arc::new(q.end_char.finish()),
                Arc::new(q.text.finish()),
                Arc::new(q.speaker.finish()),
                Arc::new(q.speaker_label.finish()),
                Arc::new(q.speaker_score.finish()),
                Arc::new(q.cue.finish()),
            ],
        )?;
        let s = &mut self.stances;
        let mut cols: Vec<ArrayRef> = vec![
            Arc::new(s.doc_id.finish()),
            Arc::new(s.claim.finish()),
            Arc::new(s.speaker.finish()),
            Arc::new(s.label.finish()),
        ];
        cols.extend(s.scores.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
        let stances = batch(Table::Stances, cols)?;
        let r = &mut self.errors;
        let errors = batch(
            Table::Errors,
            vec![
                Arc::new(r.doc_id.finish()),
                Arc::new(r.source.finish()),
                Arc::new(r.error.finish()),
            ],
        )?;
        Ok(vec![
            (Table::Docs, docs),
            (Table::Entities, ents),
            (Table::Quotes, quotes),
            (Table::Stances, stances),
            (Table::Errors, errors),
        ])
    }
}

impl StanceCols {
    fn push(&mut self, doc_id: i64, claim: &str, speaker: Option<&str>, stance: &StanceScores) {
        self.doc_id.append_value(doc_id);
        self.claim.append_value(claim);
        self.speaker.append_option(speaker);
        self.label.append_value(&stance.label);
        for (b, label) in self.scores.iter_mut().zip(stance_labels()) {
            b.append_option(stance.scores.get(label).copied());
        }
    }
}

fn batch(table: Table, columns: Vec<ArrayRef>) -> Result<RecordBatch, TableError> {
    Ok(RecordBatch::try_new(table.schema(), columns)?)
}
