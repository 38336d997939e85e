//! `newsdesk eval ner`: entity-level precision/recall/F1 (conlleval exact
//! match) of a model on the gold tokens of a file; one JSON object on stdout.
use super::CmdResult;
use newsdesk_ner::{evaluate, read_file, Format, NerModel};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Annotated file.
    #[arg(long)]
    data: PathBuf,
    /// ontonotes | conll2003 | wnut17
    #[arg(long)]
    format: String,
    /// A shipped model (ontonotes, conll) or a model file.
    #[arg(long, default_value = "ontonotes")]
    model: String,
}

pub fn run(args: Args) -> CmdResult {
    let format: Format = args.format.parse()?;
    let docs = read_file(&args.data, format)?;
    let model = match args.model.as_str() {
        "ontonotes" | "conll" => NerModel::embedded(&args.model)?,
        path => NerModel::load(path)?,
    };
    let (eval, _) = evaluate(&model, &docs);
    println!("{}", serde_json::to_string(&eval)?);
    Ok(ExitCode::SUCCESS)
}
