//! Training: split by Body ID, vocabulary and features from the fit part,
//! the network, calibration on the calibration part, and scores on dev.
use super::calibrate::{ece, log_loss, Calibration};
use super::card::{CalibrationCard, DataFile, DevScores, ModelCard, SplitCard, TrainConfig};
use super::data::Dataset;
use super::features::{self, Analyzed, Scaler, Vocab, DENSE};
use super::format::Parts;
use super::label::Label;
use super::metrics::Metrics;
use super::mlp::{softmax, Mlp, Optim, Trainer, OUT};
use super::model::StanceModel;
use super::split::{GroupSplit, Rng};
use super::text;
use super::vectors::WordVectors;
use crate::StanceError;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::time::Instant;

pub use super::split::Part;

/// The claim- and body-disjoint dev / calibration split of `data` under `config`.
pub fn split(data: &Dataset, config: &TrainConfig) -> GroupSplit {
    GroupSplit::new(
        &data.pairs,
        config.dev_fraction,
        config.calibration_fraction,
        config.seed,
    )
}

/// Progress reports of [`train`].
#[derive(Clone, Debug)]
pub enum Progress {
    /// A preparation step started.
    Stage(&'static str),
    /// An epoch finished: mean weighted training loss and dev scores of the
    /// uncalibrated (averaged, once averaging started) network, for
    /// monitoring only: the number of epochs is fixed.
    Epoch {
        epoch: usize,
        epochs: usize,
        loss: f32,
        dev_f1_macro: f64,
        dev_fnc_relative: f64,
    },
}

/// Train a model on `data`. `name` and `command` go into the model card.
///
/// `also`: a second data set (say ARC for an FNC-1 model) whose pairs all join
/// the fit part with the `in_domain` feature at 0; dev, calibration and the
/// vocabulary come from `data` only.
pub fn train(
    data: &Dataset,
    also: Option<&Dataset>,
    data_files: Vec<DataFile>,
    config: &TrainConfig,
    name: &str,
    command: &str,
    progress: &mut dyn FnMut(Progress),
) -> Result<StanceModel, StanceError> {
    let started = Instant::now();
    if config.epochs == 0 || config.hidden == 0 || config.batch == 0 {
        return Err(StanceError::Training(
            "epochs, hidden and batch must be positive".into(),
        ));
    }
    let groups = split(data, config);
    // `None`: the pair crosses sides and is used nowhere.
    let parts: Vec<Option<Part>> = data.pairs.iter().map(|p| groups.part(p)).collect();
    let dropped = parts.iter().filter(|p| p.is_none()).count();
    let count = |w: Part| parts.iter().filter(|&&p| p == Some(w)).count();
    if count(Part::Fit) == 0 || count(Part::Dev) == 0 || count(Part::Calibration) == 0 {
        return Err(StanceError::Training(format!(
            "split left an empty side: {} fit, {} calibration, {} dev pairs",
            count(Part::Fit),
            count(Part::Calibration),
            count(Part::Dev)
        )));
    }

    progress(Progress::Stage("vocabulary"));
    let fit_bodies: BTreeSet<u32> = data
        .pairs
        .iter()
        .zip(&parts)
        .filter(|(_, &w)| w == Some(Part::Fit))
        .map(|(p, _)| p.body_id)
        .collect();
    let fit_heads: BTreeSet<&str> = data
        .pairs
        .iter()
        .zip(&parts)
        .filter(|(_, &w)| w == Some(Part::Fit))
        .map(|(p, _)| p.headline.as_str())
        .collect();
    let docs: Vec<&str> = fit_bodies
        .iter()
        .map(|b| data.bodies[b].as_str())
        .chain(fit_heads)
        .collect();
    let doc_words: Vec<text::Words> = docs.par_iter().map(|d| text::words(d)).collect();
    let vectors = match config.word_vectors {
        true => Some(WordVectors::embedded()?),
        false => None,
    };
    let vocab = Vocab::build(
        doc_words.iter(),
        config.min_df,
        config.vocab_size,
        config.input_vocab,
        vectors,
    );
    drop(doc_words);

    progress(Progress::Stage("features"));
    let own = pair_features(&vocab, data, 1.0);
    let other = also.map(|d| pair_features(&vocab, d, 0.0));
    let fit_dense: Vec<[f32; DENSE]> = own
        .dense
        .iter()
        .zip(&parts)
        .filter(|(_, &w)| w == Some(Part::Fit))
        .map(|(d, _)| *d)
        .chain(other.iter().flat_map(|o| o.dense.iter().copied()))
        .collect();
    let scaler = Scaler::fit(&fit_dense);
    let (claims, bodies) = (&own.claims, &own.bodies);
    let mut xs = own.inputs(&vocab, data, &scaler);
    let ys: Vec<usize> = data.pairs.iter().map(|p| p.label.index()).collect();
    let which = |w: Part| -> Vec<usize> { (0..parts.len()).filter(|&i| parts[i] == Some(w)).collect() };
    let (mut fit, cal_idx, dev_idx) = (which(Part::Fit), which(Part::Calibration), which(Part::Dev));
    let mut ys = ys;
    if let (Some(d), Some(o)) = (also, &other) {
        fit.extend(xs.len()..xs.len() + d.pairs.len());
        xs.extend(o.inputs(&vocab, d, &scaler));
        ys.extend(d.pairs.iter().map(|p| p.label.index()));
    }
    let own_fit_pairs = fit.len() - also.map_or(0, |d| d.pairs.len());

    let mut n = [0f32; OUT];
    for &i in &fit {
        n[ys[i]] += 1.0;
    }
    let total: f32 = n.iter().sum();
    let mut weight = n.map(|c| (total / (OUT as f32 * c.max(1.0))).powf(config.class_weight_power));
    let mean_w: f32 = (0..OUT).map(|k| weight[k] * n[k]).sum::<f32>() / total;
    weight = weight.map(|w| w / mean_w);

    let mut rng = Rng::new(config.init_seed.unwrap_or(config.seed));
    // Without word vectors their cosines are always 0: their weights start at
    // zero and stay there, and the rest start as they would without them.
    let unused: Vec<usize> = match vocab.vectors {
        Some(_) => Vec::new(),
        None => features::VECTOR_COSINES.map(|j| 2 * vocab.input_size + j).collect(),
    };
    let mut net = Mlp::new(features::input_size(&vocab), config.hidden, &unused, &mut rng);
    let opt = Optim {
        lr: config.learning_rate,
        l2: config.l2,
        dropout: config.dropout,
        batch: config.batch,
    };
    let mut trainer = Trainer::new(&net, opt);
    let mut order = fit.clone();
    let dev_gold: Vec<Label> = dev_idx.iter().map(|&i| Label::ALL[ys[i]]).collect();
    // Weight averaging over the second half of the epochs (stochastic weight
    // averaging): steadier than the last epoch's weights.
    let first_averaged = config.epochs / 2 + 1;
    let mut average: Option<(Mlp, f32)> = None;
    for epoch in 1..=config.epochs {
        rng.shuffle(&mut order);
        let loss = trainer.epoch(&mut net, &xs, &ys, &weight, &order, &mut rng);
        if epoch >= first_averaged {
            average = Some(match average.take() {
                None => (net.clone(), 1.0),
                Some((mut avg, n)) => {
                    avg.accumulate(&net, n);
                    (avg, n + 1.0)
                }
            });
        }
        let shown = average.as_ref().map_or(&net, |(avg, _)| avg);
        let pred: Vec<Label> = dev_idx
            .par_iter()
            .map(|&i| argmax_label(&shown.logits(&xs[i])))
            .collect();
        let m = Metrics::compute(&dev_gold, &pred);
        progress(Progress::Epoch {
            epoch,
            epochs: config.epochs,
            loss,
            dev_f1_macro: m.f1_macro,
            dev_fnc_relative: m.fnc_score_relative,
        });
    }

    let net = average.map_or(net, |(avg, _)| avg);
    progress(Progress::Stage("calibration"));
    // Quantize first (through the file format) so calibration and dev scores
    // describe exactly the network that is shipped.
    let card = ModelCard {
        name: name.into(),
        description: format!(
            "FNC-1-style stance classifier: claim/text TF inputs ({} words each) + {} similarity, overlap, \
             cue and length features -> {} ReLU units -> softmax over agree/disagree/discuss/unrelated \
             (Adam; weights averaged over the second half of the epochs), temperature-calibrated",
            vocab.input_size, DENSE, config.hidden
        ),
        command: command.into(),
        data: data_files,
        split: SplitCard {
            method: format!(
                "claim- and body-disjoint: headlines and bodies linked by related pairs form {} topic groups; \
                 groups shuffled (SplitMix64 Fisher-Yates, seed {}) and taken whole until {:.0}% of the bodies \
                 are dev; of the rest, {:.0}% of the bodies (seed {}+0x5EED) calibrate, the others fit; a pair is \
                 on a side only when its body and its headline are, {} crossing pairs are dropped",
                groups.groups,
                config.seed,
                config.dev_fraction * 100.0,
                config.calibration_fraction * 100.0,
                config.seed,
                dropped
            ),
            dev_body_ids: groups.dev.bodies.iter().copied().collect(),
            calibration_body_ids: groups.calibration.bodies.iter().copied().collect(),
            dev_headline_keys: groups.dev.headlines.iter().copied().collect(),
            dropped_pairs: dropped,
            fit_pairs: own_fit_pairs,
            calibration_pairs: cal_idx.len(),
            dev_pairs: dev_idx.len(),
        },
        config: config.clone(),
        calibration: CalibrationCard {
            calibration: Calibration::default(),
            log_loss_before: 0.0,
            log_loss_after: 0.0,
            ece_before: 0.0,
            ece_after: 0.0,
        },
        dev: DevScores {
            metrics: Metrics::compute(&[], &[]),
            log_loss: 0.0,
            ece: 0.0,
        },
        train_seconds: 0.0,
        vectors_sha256: vectors.map_or_else(String::new, |v| v.checksum().into()),
    };
    let parts_out = Parts {
        vocab,
        scaler,
        mlp: net,
        calibration: Calibration::default(),
        card,
    };
    let mut model = StanceModel::from_bytes(&super::format::write(&parts_out))?;
    let logits_of = |idx: &[usize], model: &StanceModel| -> Vec<[f32; OUT]> {
        idx.par_iter()
            .map(|&i| {
                let p = &data.pairs[i];
                model.logits(&claims[p.headline.as_str()], &bodies[&p.body_id])
            })
            .collect()
    };
    let cal_logits = logits_of(&cal_idx, &model);
    let cal_gold: Vec<usize> = cal_idx.iter().map(|&i| ys[i]).collect();
    let mut calibration = Calibration::fit(&cal_logits, &cal_gold, config.calibrate_bias);
    if config.f1_bias {
        calibration.tune_bias_for_f1(&cal_logits, &cal_gold);
    }
    let before: Vec<[f32; OUT]> = cal_logits.iter().map(softmax).collect();
    let after: Vec<[f32; OUT]> = cal_logits.iter().map(|z| calibration.probs(z)).collect();

    progress(Progress::Stage("dev evaluation"));
    let mut card = model.card().clone();
    card.calibration = CalibrationCard {
        calibration: calibration.clone(),
        log_loss_before: log_loss(&before, &cal_gold),
        log_loss_after: log_loss(&after, &cal_gold),
        ece_before: ece(&before, &cal_gold),
        ece_after: ece(&after, &cal_gold),
    };
    model.set_calibration(calibration);
    let pred: Vec<_> = dev_idx
        .par_iter()
        .map(|&i| {
            let p = &data.pairs[i];
            model.classify_analyzed(&claims[p.headline.as_str()], &bodies[&p.body_id])
        })
        .collect();
    let probs: Vec<[f32; OUT]> = pred.iter().map(|p| p.probs).collect();
    let dev_y: Vec<usize> = dev_idx.iter().map(|&i| ys[i]).collect();
    card.dev = DevScores {
        metrics: Metrics::compute(&dev_gold, &pred.iter().map(|p| p.label).collect::<Vec<_>>()),
        log_loss: log_loss(&probs, &dev_y),
        ece: ece(&probs, &dev_y),
    };
    card.train_seconds = started.elapsed().as_secs_f64();
    model.set_card(card);
    Ok(model)
}

/// Analysed claims and bodies of a data set and the dense features of its
/// pairs, with `in_domain` set to `in_domain`.
struct PairFeatures<'a> {
    claims: HashMap<&'a str, Analyzed>,
    bodies: HashMap<u32, Analyzed>,
    dense: Vec<[f32; DENSE]>,
}

fn pair_features<'a>(vocab: &Vocab, data: &'a Dataset, in_domain: f32) -> PairFeatures<'a> {
    let body_ids: BTreeSet<u32> = data.pairs.iter().map(|p| p.body_id).collect();
    let bodies: HashMap<u32, Analyzed> = body_ids
        .into_iter()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|b| (*b, vocab.analyze(&data.bodies[b])))
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    let heads: BTreeSet<&str> = data.pairs.iter().map(|p| p.headline.as_str()).collect();
    let claims: HashMap<&str, Analyzed> = heads
        .into_iter()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|h| (*h, vocab.analyze(h)))
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    let dense = data
        .pairs
        .par_iter()
        .map(|p| {
            let mut d = features::dense(&claims[p.headline.as_str()], &bodies[&p.body_id]);
            d[features::IN_DOMAIN] = in_domain;
            d
        })
        .collect();
    PairFeatures { claims, bodies, dense }
}

impl PairFeatures<'_> {
    fn inputs(&self, vocab: &Vocab, data: &Dataset, scaler: &Scaler) -> Vec<Vec<(u32, f32)>> {
        data.pairs
            .par_iter()
            .zip(&self.dense)
            .map(|(p, d)| {
                features::input(
                    vocab,
                    &self.claims[p.headline.as_str()],
                    &self.bodies[&p.body_id],
                    d,
                    scaler,
                )
            })
            .collect()
    }
}

fn argmax_label(z: &[f32; OUT]) -> Label {
    Label::ALL[(0..OUT).max_by(|&a, &b| z[a].total_cmp(&z[b])).unwrap_or(0)]
}
