//! `newsdesk annotate`: stream documents through the pipeline, one JSON line out per
//! record (or an HTML page, or Parquet tables: see [`crate::sink`]).
//!
//! Output lines are `{"source": "file[:line]", "fields": {…}, "doc": {…}}` for
//! documents (`fields` holds the other fields of a JSONL record or the other
//! columns of a Parquet row, whose source is `file:row`; `doc` the
//! `newsdesk.doc/1` document) and `{"source": …, "error": "…"}` for records that
//! could not be read. Input is read and processed in bounded batches, so memory
//! stays flat whatever the corpus size. `-o FILE` is written through a
//! temporary file and never overwrites an input (see [`crate::output`]).
use super::CmdResult;
use crate::claims::ClaimArgs;
use crate::parquet_input;
use crate::progress;
use crate::records::{Format, Item, Record, Records};
use crate::sink::{Sink, To};
use newsdesk::{Doc, Pipeline};
use rayon::prelude::*;
use std::process::ExitCode;
use std::time::Instant;

/// A short news text used by `--example`.
const EXAMPLE: &str = "Finance ministers from the Group of Seven met in Tokyo on Tuesday to discuss \
new rules for digital taxes, officials said.\n\n\"We are close to an agreement that is fair to every \
country,\" said Japan's finance minister, Taro Aso, after the first session. The U.S. Treasury \
Department declined to comment.";

#[derive(clap::Args)]
pub struct Args {
    /// Input files (plain text: one document per file; with --jsonl: one per line). None or `-`: stdin.
    pub files: Vec<String>,
    /// Read JSONL: one JSON object per line with the text in --text-field.
    #[arg(long)]
    pub jsonl: bool,
    /// Read a Parquet file instead: one document per row, the text in
    /// --text-field, every other column passed through as a field.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["files", "jsonl"])]
    pub parquet: Option<String>,
    /// JSONL field (or Parquet column) holding the text.
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// Parquet column holding the document id (the field `id` in the output, as in JSONL).
    #[arg(long, value_name = "COL", requires = "parquet")]
    pub id_field: Option<String>,
    /// Write to this file instead of stdout (never one of the inputs; written
    /// through a temporary file renamed at the end); with --to parquet: this directory.
    #[arg(long, short)]
    pub output: Option<String>,
    /// Output format: JSON lines, one HTML page of rendered documents, or Parquet tables.
    #[arg(long, value_enum, default_value_t = To::Json)]
    pub to: To,
    /// Worker threads (default: all cores, or NEWSDESK_NUM_THREADS; at most 4 per CPU).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Documents per parallel batch (bounds memory).
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch_size: u64,
    /// Pipeline to load: a model name (ontonotes, conll, blank) or a model file.
    #[arg(long, default_value = "ontonotes")]
    pub model: String,
    /// Claims to measure each document's stance against (with a JSONL
    /// record's own `claims` after them).
    #[command(flatten)]
    pub claims: ClaimArgs,
    /// Stop at the first bad record.
    #[arg(long)]
    pub strict: bool,
    /// Annotate a built-in example text instead of reading input.
    #[arg(long, conflicts_with_all = ["files", "jsonl", "parquet"])]
    pub example: bool,
}

pub fn run(args: Args) -> CmdResult {
    let claims = args.claims.load()?;
    let inputs = match (&args.files, args.example, &args.parquet) {
        (_, true, _) => Vec::new(),
        (_, _, Some(file)) => vec![file.clone()],
        (files, false, None) if files.is_empty() => vec!["-".to_string()],
        (files, false, None) => files.clone(),
    };
    let mut records: Box<dyn Iterator<Item = Item>> = if args.example {
        let rec = Record {
            source: "<example>".into(),
            text: EXAMPLE.into(),
            claims: vec![],
            fields: Default::default(),
        };
        Box::new(std::iter::once(Ok(rec)))
    } else if let Some(file) = &args.parquet {
        Box::new(parquet_input::records(
            file,
            &args.text_field,
            args.id_field.as_deref(),
        )?)
    } else {
        let format = Format {
            jsonl: args.jsonl,
            text_field: args.text_field.clone(),
        };
        Box::new(Records::new(args.files.clone(), format))
    };
    let mut out = Sink::open(args.to, args.output.as_deref(), &inputs)?;
    let mut nlp = newsdesk::load(&args.model)?;
    if let Some(n) = args.threads {
        nlp = nlp.with_threads(cap_threads(n))?;
    }

    let started = Instant::now();
    let bar = progress::bar(None, "docs");
    let mut stats = Stats::default();
    'batches: loop {
        let batch: Vec<Item> = records.by_ref().take(args.batch_size as usize).collect();
        if batch.is_empty() {
            break;
        }
        for (source, fields, result) in process(&nlp, batch, &claims) {
            match &result {
                Ok(doc) => {
                    stats.docs += 1;
                    stats.tokens += doc.tokens.len();
                    out.doc(&source, &fields, doc)?;
                }
                Err(message) => {
                    stats.errors += 1;
                    eprintln!("newsdesk: {source}: {message}");
                    out.error(&source, message)?;
                }
            }
            bar.inc(1);
            if args.strict && stats.errors > 0 {
                eprintln!("newsdesk: stopped at the first bad record (--strict)");
                break 'batches;
            }
        }
        out.end_batch()?;
    }
    out.finish()?;
    bar.finish_and_clear();
    if args.strict && stats.errors > 0 {
        return Ok(ExitCode::from(1));
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "newsdesk: {} documents, {} tokens, {:.2} s ({:.0} docs/s), {} errors",
        stats.docs,
        stats.tokens,
        secs,
        stats.docs as f64 / secs.max(1e-9),
        stats.errors
    );
    Ok(if stats.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `n`, or CPUs × 4 with a warning if `n` is more (thousands of threads only
/// cost memory and start-up time).
fn cap_threads(n: usize) -> usize {
    let cpus = std::thread::available_parallelism().map_or(1, |c| c.get());
    let cap = cpus * 4;
    if n > cap {
        eprintln!("newsdesk: warning: --threads {n} is more than 4 per CPU ({cpus} CPUs); using {cap}");
        return cap;
    }
    n
}

#[derive(Default)]
struct Stats {
    docs: usize,
    tokens: usize,
    errors: usize,
}

type Fields = serde_json::Map<String, serde_json::Value>;
type Outcome = (String, Fields, Result<Doc, String>);

/// Annotate one batch in parallel, keeping input order; read errors pass through.
fn process(nlp: &Pipeline, batch: Vec<Item>, extra_claims: &[String]) -> Vec<Outcome> {
    nlp.run_parallel(|| {
        batch
            .into_par_iter()
            .map(|item| match item {
                Ok(rec) => {
                    let claims = extra_claims.iter().cloned().chain(rec.claims).collect();
                    let result = nlp.process_with_claims(rec.text, claims).map_err(|e| e.to_string());
                    (rec.source, rec.fields, result)
                }
                Err(e) => (e.source, Default::default(), Err(e.message)),
            })
            .collect()
    })
}
