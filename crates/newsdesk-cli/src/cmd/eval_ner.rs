//! `newsdesk eval ner`: entity-level precision/recall/F1 (conlleval exact
//! match) of a model on the gold tokens of a file, or of the whole pipeline
//! on raw text against character spans (`--format spans`); one JSON object
//! on stdout.
use super::CmdResult;
use newsdesk::train::ner::{evaluate, read_file, read_span_docs, score_spans, CharEntity, Format, NerModel};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Annotated file.
    #[arg(long)]
    data: PathBuf,
    /// ontonotes | conll2003 | wnut17 (gold tokens), or spans (raw text with
    /// character-span gold, scored through the whole pipeline: a leading "the "
    /// and a trailing "'s" are not counted; adds an unlabelled-span score).
    #[arg(long)]
    format: String,
    /// A shipped model (ontonotes, conll) or a model file.
    #[arg(long, default_value = "ontonotes")]
    model: String,
    /// Also score consecutive runs of documents separately, e.g. the OntoNotes
    /// dev genres: `bc:59,bn:91,mz:40,nw:88,tc:16,wb:25` (NAME:DOCUMENTS, in
    /// file order; the counts must add up to the file's documents).
    #[arg(long)]
    groups: Option<String>,
}

pub fn run(args: Args) -> CmdResult {
    if args.format == "spans" {
        return run_spans(args);
    }
    let format: Format = args.format.parse()?;
    let docs = read_file(&args.data, format)?;
    let model = match args.model.as_str() {
        "ontonotes" | "conll" => NerModel::embedded(&args.model)?,
        path => NerModel::load(path).map_err(|e| format!("model file {path}: {e}"))?,
    };
    let groups = match &args.groups {
        Some(spec) => parse_groups(spec, docs.len())?,
        None => Vec::new(),
    };
    let (eval, _) = evaluate(&model, &docs, &groups);
    super::print_json(&eval)?;
    Ok(ExitCode::SUCCESS)
}

/// The whole pipeline (`newsdesk::load(model)`) on raw text, against char spans.
fn run_spans(args: Args) -> CmdResult {
    if args.groups.is_some() {
        return Err("--groups applies to the CoNLL-style formats, not to --format spans".into());
    }
    let docs = read_span_docs(&args.data)?;
    let nlp = newsdesk::load(&args.model)?;
    let started = std::time::Instant::now();
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let predicted: Vec<Vec<CharEntity>> = nlp.process_batch(&texts).iter().map(CharEntity::of_doc).collect();
    let eval = score_spans(&docs, &predicted, started.elapsed().as_secs_f64());
    println!("{}", serde_json::to_string(&eval)?);
    Ok(ExitCode::SUCCESS)
}

/// Parse `NAME:COUNT,…` and check that the counts cover all `documents`.
fn parse_groups(spec: &str, documents: usize) -> Result<Vec<(String, usize)>, String> {
    let groups = spec
        .split(',')
        .map(|part| {
            let (name, n) = part
                .rsplit_once(':')
                .filter(|(name, _)| !name.is_empty())
                .ok_or_else(|| format!("--groups: expected NAME:DOCUMENTS, got {part:?}"))?;
            let n = n
                .parse::<usize>()
                .map_err(|_| format!("--groups: {n:?} in {part:?} is not a document count"))?;
            Ok((name.to_string(), n))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let total: usize = groups.iter().map(|(_, n)| n).sum();
    if total != documents {
        return Err(format!(
            "--groups: the counts add up to {total} documents, the file has {documents}"
        ));
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::parse_groups;

    #[test]
    fn groups_must_cover_the_file() {
        assert_eq!(
            parse_groups("bc:2,nw:3", 5).unwrap(),
            vec![("bc".to_string(), 2), ("nw".to_string(), 3)]
        );
        assert!(parse_groups("bc:2,nw:3", 6).unwrap_err().contains("add up to 5"));
        assert!(parse_groups("bc:two", 2).unwrap_err().contains("not a document count"));
        assert!(parse_groups(":2", 2).unwrap_err().contains("NAME:DOCUMENTS"));
    }
}
