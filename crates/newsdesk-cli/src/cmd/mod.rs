//! One module per subcommand: each has `Args` (clap) and `run(Args) -> CmdResult`.
pub mod annotate;
pub mod eval_ner;
pub mod eval_quotes;
pub mod eval_stance;
pub mod eval_tokenize;
pub mod stance;
pub mod train_ner;
pub mod train_stance;

/// What every subcommand returns: an exit code, or an error printed by `main`.
pub type CmdResult = Result<std::process::ExitCode, Box<dyn std::error::Error + Send + Sync>>;
