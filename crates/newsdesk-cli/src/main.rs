//! The `newsdesk` command line: annotate documents, evaluate and train models.
mod claims;
mod cmd;
mod output;
mod parquet_input;
mod progress;
mod records;
mod sink;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "newsdesk", version, about = "Fast, accurate analysis of English news text")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate plain-text files, JSONL, a Parquet file or stdin; JSON lines, HTML or Parquet tables out.
    Annotate(cmd::annotate::Args),
    /// Measure accuracy on annotated data; prints one JSON object.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Train a model from annotated data.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Stance of documents towards one or more claims.
    Stance(cmd::stance::Args),
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Tokens, words and sentences against a CoNLL-U file (CoNLL 2018 definitions).
    Tokenize(cmd::eval_tokenize::Args),
    /// Entity-level precision, recall and F1 on gold tokens.
    Ner(cmd::eval_ner::Args),
    /// Quote spans and speakers against a quotes JSONL file.
    Quotes(cmd::eval_quotes::Args),
    /// FNC-1 score and macro F1 on FNC-1 style CSV files.
    Stance(cmd::eval_stance::Args),
    /// Per-speaker stance against labelled (speaker, claim) pairs, with the copy-the-article baseline.
    Speakers(cmd::eval_speakers::Args),
}

#[derive(Subcommand)]
enum TrainCommand {
    /// Train an entity recognizer.
    Ner(cmd::train_ner::Args),
    /// Train a stance classifier.
    Stance(cmd::train_stance::Args),
    /// Train the quote speaker ranker, with article-level cross-validation.
    Quotes(cmd::train_quotes::Args),
    /// Train the per-speaker stance model (cross-validated by article).
    Speakers(cmd::train_speakers::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Annotate(a) => cmd::annotate::run(a),
        Command::Stance(a) => cmd::stance::run(a),
        Command::Eval(EvalCommand::Tokenize(a)) => cmd::eval_tokenize::run(a),
        Command::Eval(EvalCommand::Ner(a)) => cmd::eval_ner::run(a),
        Command::Eval(EvalCommand::Quotes(a)) => cmd::eval_quotes::run(a),
        Command::Eval(EvalCommand::Stance(a)) => cmd::eval_stance::run(a),
        Command::Train(TrainCommand::Ner(a)) => cmd::train_ner::run(a),
        Command::Train(TrainCommand::Stance(a)) => cmd::train_stance::run(a),
        Command::Train(TrainCommand::Quotes(a)) => cmd::train_quotes::run(a),
        Command::Eval(EvalCommand::Speakers(a)) => cmd::eval_speakers::run(a),
        Command::Train(TrainCommand::Speakers(a)) => cmd::train_speakers::run(a),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`newsdesk annotate … | head -1`): stop quietly, as Unix tools do.
        Err(e) if is_broken_pipe(&*e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsdesk: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether `e` (or an error it wraps) is a write to a closed pipe.
fn is_broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    let broken = |kind| kind == Some(std::io::ErrorKind::BrokenPipe);
    let mut next = Some(e);
    while let Some(e) = next {
        if broken(e.downcast_ref::<std::io::Error>().map(|e| e.kind()))
            || broken(e.downcast_ref::<serde_json::Error>().and_then(|e| e.io_error_kind()))
        {
            return true;
        }
        next = e.source();
    }
    false
}
