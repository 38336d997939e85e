//! `newsdesk eval tokenize`: token, word and sentence F1 (CoNLL 2018
//! shared-task definitions) of the tokenizer and sentence splitter on a
//! CoNLL-U file; one JSON object on stdout.
use super::CmdResult;
use newsdesk::train::tokenize::{evaluate, read_conllu, Mismatch};
use newsdesk::{SentenceSplitter, Tokenizer};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// Gold CoNLL-U file (e.g. UD English-EWT dev).
    #[arg(long)]
    conllu: PathBuf,
    /// Write every mismatch (missed gold / extra system unit, with context)
    /// as JSON lines to this file, for error analysis.
    #[arg(long)]
    errors: Option<PathBuf>,
}

pub fn run(args: Args) -> CmdResult {
    let docs = read_conllu(&args.conllu)?;
    let (tokenizer, splitter) = (Tokenizer::default(), SentenceSplitter::default());
    let mut mismatches: Vec<Mismatch> = Vec::new();
    let started = Instant::now();
    let scores = evaluate(
        &docs,
        &tokenizer,
        &splitter,
        args.errors.as_ref().map(|_| &mut mismatches),
    );
    let seconds = started.elapsed().as_secs_f64();
    if let Some(path) = &args.errors {
        let file = std::fs::File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        let mut w = std::io::BufWriter::new(file);
        for m in &mismatches {
            writeln!(w, "{}", serde_json::to_string(m)?)?;
        }
        w.flush()?;
        eprintln!("{} mismatches written to {}", mismatches.len(), path.display());
    }
    let mut out = serde_json::to_value(&scores)?;
    out["file"] = args.conllu.display().to_string().into();
    out["seconds"] = seconds.into();
    super::print_json(&out)?;
    Ok(ExitCode::SUCCESS)
}
