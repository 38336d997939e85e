//! `newsdesk train stance`: train a stance classifier on FNC-1 style CSV files.
use super::CmdResult;
use crate::progress;
use newsdesk::train::stance::{train, DataFile, Dataset, Progress, TrainConfig};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: super::StanceData,
    /// Model file to write.
    #[arg(long)]
    pub out: PathBuf,
    /// Model name in the card (default: the output file stem).
    #[arg(long)]
    pub name: Option<String>,
    /// Seed of the split, and of initialization, shuffling and dropout
    /// unless --init-seed is given.
    #[arg(long, default_value_t = TrainConfig::default().seed)]
    pub seed: u64,
    /// Seed of the initialization, shuffling and dropout (default: --seed).
    #[arg(long)]
    pub init_seed: Option<u64>,
    #[arg(long, default_value_t = TrainConfig::default().epochs)]
    pub epochs: usize,
    /// Share of bodies held out, as whole claim/topic groups, as the dev split.
    #[arg(long, default_value_t = TrainConfig::default().dev_fraction)]
    pub dev_fraction: f64,
    /// Hidden units.
    #[arg(long, default_value_t = TrainConfig::default().hidden)]
    pub hidden: usize,
    /// Adam learning rate.
    #[arg(long, default_value_t = TrainConfig::default().learning_rate)]
    pub lr: f32,
    #[arg(long, default_value_t = TrainConfig::default().dropout)]
    pub dropout: f32,
    /// Class weights (N / (4 n_class))^power: 0 = none, 1 = fully balanced.
    #[arg(long, default_value_t = TrainConfig::default().class_weight_power)]
    pub class_weight_power: f32,
    /// Claim/text TF input words.
    #[arg(long, default_value_t = TrainConfig::default().input_vocab)]
    pub input_vocab: usize,
    /// Also fit per-label biases in the calibration (default: temperature only).
    #[arg(long)]
    pub calibrate_bias: bool,
    /// Then move the per-label biases to maximize macro-F1 on the
    /// (claim-disjoint) calibration split: threshold calibration.
    #[arg(long)]
    pub f1_bias: bool,
    /// Add the four claim–text cosines in the static word vectors
    /// (`models/minilm.vectors`, best sentence, top 3, whole text, first sentence).
    #[arg(long)]
    pub word_vectors: bool,
    /// Joint training: a second bodies CSV whose pairs (with --also-stances)
    /// all join the fit part, marked by the `in_domain` feature at 0.
    #[arg(long, requires = "also_stances")]
    pub also_bodies: Option<PathBuf>,
    /// The stances CSV of --also-bodies.
    #[arg(long, requires = "also_bodies")]
    pub also_stances: Option<PathBuf>,
}

pub fn run(args: Args) -> CmdResult {
    let data = args.data.load()?;
    let also = match (&args.also_bodies, &args.also_stances) {
        (Some(b), Some(s)) => Some(Dataset::load(b, s)?),
        _ => None,
    };
    let config = TrainConfig {
        seed: args.seed,
        init_seed: args.init_seed,
        epochs: args.epochs,
        dev_fraction: args.dev_fraction,
        hidden: args.hidden,
        learning_rate: args.lr,
        dropout: args.dropout,
        class_weight_power: args.class_weight_power,
        input_vocab: args.input_vocab,
        calibrate_bias: args.calibrate_bias,
        f1_bias: args.f1_bias,
        word_vectors: args.word_vectors,
        ..TrainConfig::default()
    };
    let mut files = vec![
        DataFile {
            role: "bodies".into(),
            path: args.data.bodies.display().to_string(),
            sha256: data.bodies_sha256.clone(),
            records: data.bodies.len(),
        },
        DataFile {
            role: "stances".into(),
            path: args.data.stances.display().to_string(),
            sha256: data.stances_sha256.clone(),
            records: data.pairs.len(),
        },
    ];
    if let (Some(d), Some(b), Some(s)) = (&also, &args.also_bodies, &args.also_stances) {
        files.push(DataFile {
            role: "also-bodies".into(),
            path: b.display().to_string(),
            sha256: d.bodies_sha256.clone(),
            records: d.bodies.len(),
        });
        files.push(DataFile {
            role: "also-stances".into(),
            path: s.display().to_string(),
            sha256: d.stances_sha256.clone(),
            records: d.pairs.len(),
        });
    }
    let name = args.name.clone().unwrap_or_else(|| {
        args.out
            .file_stem()
            .map_or_else(|| "stance".into(), |s| s.to_string_lossy().into_owned())
    });
    let command = std::iter::once("newsdesk".to_string())
        .chain(std::env::args().skip(1))
        .collect::<Vec<_>>()
        .join(" ");
    eprintln!(
        "newsdesk: training {name} on {} pairs, {} bodies (and {} joint pairs)",
        data.pairs.len(),
        data.bodies.len(),
        also.as_ref().map_or(0, |d| d.pairs.len())
    );
    let bar = progress::bar(Some(config.epochs as u64), "epochs");
    let model = train(
        &data,
        also.as_ref(),
        files,
        &config,
        &name,
        &command,
        &mut |p| match p {
            Progress::Stage(s) => bar.set_message(s),
            Progress::Epoch {
                epoch,
                epochs,
                loss,
                dev_f1_macro,
                dev_fnc_relative,
            } => {
                bar.set_position(epoch as u64);
                bar.suspend(|| {
                    eprintln!(
                        "epoch {epoch}/{epochs}: loss {loss:.4}, dev (uncalibrated) f1_macro {dev_f1_macro:.4}, \
                     fnc_relative {dev_fnc_relative:.4}"
                    )
                });
            }
        },
    )?;
    bar.finish_and_clear();
    model.save(&args.out)?;
    let card = model.card();
    let size = std::fs::metadata(&args.out).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "newsdesk: wrote {} ({size} bytes) in {:.1} s; dev f1_macro {:.4}, fnc_score_relative {:.4}, disagree F1 {:.4}",
        args.out.display(),
        card.train_seconds,
        card.dev.metrics.f1_macro,
        card.dev.metrics.fnc_score_relative,
        card.dev.metrics.per_class["disagree"].f1
    );
    super::print_json(
        &serde_json::json!({"model": args.out.display().to_string(), "bytes": size, "dev": card.dev, "calibration": card.calibration}),
    )?;
    Ok(ExitCode::SUCCESS)
}
