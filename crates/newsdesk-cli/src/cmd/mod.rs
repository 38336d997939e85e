//! One module per subcommand: each has `Args` (clap) and `run(Args) -> CmdResult`.
pub mod annotate;
pub mod eval_ner;
pub mod eval_quotes;
pub mod eval_speakers;
pub mod eval_stance;
pub mod eval_tokenize;
pub mod stance;
pub mod train_ner;
pub mod train_quotes;
pub mod train_speakers;
pub mod train_stance;

/// What every subcommand returns: an exit code, or an error printed by `main`.
pub type CmdResult = Result<std::process::ExitCode, Box<dyn std::error::Error + Send + Sync>>;

/// Print `value` as one JSON line on stdout (an error, not a panic, when stdout is closed).
pub fn print_json(value: &impl serde::Serialize) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    serde_json::to_writer(&mut out, value)?;
    writeln!(out)
}

/// A finite number ≥ 0, for penalties and margins (clap value parser: `--l2 nan`
/// or `--margin=-1` is refused naming the value).
pub fn non_negative(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(x) if x.is_finite() && x >= 0.0 => Ok(x),
        _ => Err(format!("{text:?} is not a finite number ≥ 0")),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn non_negative_takes_finite_numbers_from_zero() {
        assert_eq!(super::non_negative("4"), Ok(4.0));
        assert_eq!(super::non_negative("0"), Ok(0.0));
        for bad in ["-1", "nan", "inf", "x", ""] {
            assert!(super::non_negative(bad).unwrap_err().contains(&format!("{bad:?}")));
        }
    }
}

/// The FNC-1 style CSV pair read by the stance commands.
#[derive(clap::Args)]
pub struct StanceData {
    /// Bodies CSV (`Body ID,articleBody`).
    #[arg(long)]
    pub bodies: std::path::PathBuf,
    /// Stances CSV (`Headline,Body ID,Stance`).
    #[arg(long)]
    pub stances: std::path::PathBuf,
}

impl StanceData {
    pub fn load(&self) -> Result<newsdesk::train::stance::Dataset, newsdesk::StanceError> {
        newsdesk::train::stance::Dataset::load(&self.bodies, &self.stances)
    }
}
