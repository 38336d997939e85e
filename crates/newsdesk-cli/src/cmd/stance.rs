//! `newsdesk stance --claim TEXT FILE…`: the stance of each file towards each
//! claim, one JSON line per file:
//! `{"source": FILE, "stances": [{"claim", "label", "scores": {label: p}}]}`.
use super::CmdResult;
use newsdesk_stance::StanceModel;
use serde_json::json;
use std::io::{Read, Write};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Plain-text files, one document each (none or `-`: stdin).
    pub files: Vec<String>,
    /// Claim to measure stance against (repeatable, at least one).
    #[arg(long = "claim", required = true)]
    pub claims: Vec<String>,
    /// Shipped model (fnc1, arc) or model file.
    #[arg(long, default_value = "fnc1")]
    pub model: String,
}

fn read(path: &str) -> Result<String, String> {
    let mut text = String::new();
    let result = if path == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_string(&mut text))
            .map(|_| ())
    };
    result.map(|()| text).map_err(|e| format!("cannot read: {e}"))
}

pub fn run(args: Args) -> CmdResult {
    let model = StanceModel::open(&args.model)?;
    let files = if args.files.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files.clone()
    };
    let claims: Vec<_> = args.claims.iter().map(|c| (c, model.analyze(c))).collect();
    let mut out = std::io::stdout().lock();
    let mut errors = 0;
    for file in &files {
        let source = if file == "-" { "<stdin>" } else { file.as_str() };
        let line = match read(file) {
            Ok(text) => {
                let text = model.analyze(&text);
                let stances: Vec<_> = claims
                    .iter()
                    .map(|(claim, c)| {
                        let s = model.classify_analyzed(c, &text).scores();
                        json!({"claim": claim, "label": s.label, "scores": s.scores})
                    })
                    .collect();
                json!({"source": source, "stances": stances})
            }
            Err(message) => {
                errors += 1;
                eprintln!("newsdesk: {source}: {message}");
                json!({"source": source, "error": message})
            }
        };
        writeln!(out, "{line}")?;
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
