//! `newsdesk stance --claim TEXT FILE…`: the stance of each file towards each
//! claim, one JSON line per file:
//! `{"source": FILE, "stances": [{"claim", "label", "scores": {label: p}}]}`.
use super::CmdResult;
use crate::claims::ClaimArgs;
use crate::records::{Format, Records};
use serde_json::json;
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Plain-text files, one document each (none or `-`: stdin).
    pub files: Vec<String>,
    /// At least one claim, from --claim or --claims-file.
    #[command(flatten)]
    pub claims: ClaimArgs,
    /// Shipped model (fnc1, arc) or model file.
    #[arg(long, default_value = "fnc1")]
    pub model: String,
}

pub fn run(args: Args) -> CmdResult {
    let claims = args.claims.load()?;
    if claims.is_empty() {
        return Err("no claims: give at least one --claim TEXT or a non-empty --claims-file FILE".into());
    }
    let nlp = newsdesk::load_stance(&args.model)?;
    let format = Format {
        jsonl: false,
        text_field: String::new(),
    };
    let mut out = std::io::stdout().lock();
    let mut errors = 0;
    for record in Records::new(args.files, format) {
        let line = match record {
            Ok(rec) => {
                let pairs: Vec<(&str, &str)> = claims.iter().map(|c| (c.as_str(), rec.text.as_str())).collect();
                let stances: Vec<_> = nlp
                    .stance_batch(&pairs)?
                    .into_iter()
                    .zip(&claims)
                    .map(|(s, claim)| json!({"claim": claim, "label": s.label, "scores": s.scores}))
                    .collect();
                json!({"source": rec.source, "stances": stances})
            }
            Err(e) => {
                errors += 1;
                eprintln!("newsdesk: {}: {}", e.source, e.message);
                json!({"source": e.source, "error": e.message})
            }
        };
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
