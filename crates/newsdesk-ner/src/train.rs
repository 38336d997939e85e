//! Training: an averaged structured perceptron over BILOU tags with Viterbi
//! decoding, document memory from the model's own earlier predictions, and
//! model selection on the dev set after every epoch.
use crate::clusters::Clusters;
use crate::decode::{Lattice, Transitions};
use crate::eval::{evaluate, fit_temperature};
use crate::features::{
    aggregate, aggregate_key, memory_key, memory_lower_key, static_count, Extractor, FeatureConfig, Resources,
};
use crate::gazetteer::Gazetteer;
use crate::model::{Entry, Memory, ModelCard, NerModel, Rows, TypeScore};
use crate::reader::Document;
use crate::tags::TagSet;
use crate::NerError;
use newsdesk_core::hash::HashKeyed;
use newsdesk_core::rng::Rng;
use newsdesk_core::tokenize::{pretokenized, FLAG_TITLE, FLAG_UPPER};
use std::collections::{BTreeSet, HashMap};

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    pub features: FeatureConfig,
    pub clusters: Option<Clusters>,
    /// External name lists (see [`Gazetteer::parse_lexicon`]); used as
    /// features and shipped in the model when `features.lexicon` is set.
    pub lexicon: Option<Gazetteer>,
    /// Features seen fewer times than this in training are not used.
    pub min_count: u32,
    /// Averaged weights smaller than this (absolute) are dropped from the model.
    pub prune: f32,
    /// Probability of hiding each static feature of a token from one training
    /// decode and its update (feature dropout; makes the model lean less on
    /// word identity).
    pub dropout: f32,
    /// Cost added to every wrong tag of every token while decoding in training
    /// (loss-augmented decoding: updates until gold wins by a margin).
    pub margin: f32,
    /// Provenance copied into the model card (scores and counts are filled in).
    pub card: ModelCard,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 12,
            seed: 1,
            features: FeatureConfig::default(),
            clusters: None,
            lexicon: None,
            min_count: 1,
            prune: 0.01,
            dropout: 0.0,
            margin: 0.0,
            card: ModelCard::default(),
        }
    }
}

/// What happens during training, for progress display.
#[derive(Clone, Debug)]
pub enum TrainEvent {
    /// Data prepared: sentences per epoch, features, tags.
    Prepared {
        sentences: usize,
        features: usize,
        tags: usize,
    },
    /// Sentences done in the current epoch.
    Step { epoch: usize, done: usize },
    /// An epoch ended, with the dev scores of its averaged model.
    Epoch {
        epoch: usize,
        dev: TypeScore,
        errors: usize,
        seconds: f64,
    },
}

const MISSING: u32 = u32::MAX;

struct Sent {
    /// Offset of the first token in the token arrays.
    at: usize,
    n: usize,
}

struct Data {
    docs: Vec<Vec<Sent>>,
    /// Row ids of static features (`k` per token).
    ids: Vec<u32>,
    words: Vec<u64>,
    lowers: Vec<u64>,
    caps: Vec<bool>,
    gold: Vec<u16>,
    tokens: usize,
}

/// The learner's dense weights with lazy averaging (`avg = w - u / c`).
struct Weights {
    l: usize,
    w: Vec<f32>,
    u: Vec<f32>,
    trans: Transitions,
    tu: Vec<f32>,
    su: Vec<f32>,
    eu: Vec<f32>,
    c: f32,
}

impl Weights {
    #[inline]
    fn bump(&mut self, row: u32, tag: usize, d: f32) {
        let i = row as usize * self.l + tag;
        self.w[i] += d;
        self.u[i] += self.c * d;
    }
}

/// Train a model on `train`, choosing the epoch by F1 on `dev`.
pub fn train(
    train: &[Document],
    dev: &[Document],
    opts: TrainOptions,
    mut on_event: impl FnMut(&TrainEvent),
) -> Result<NerModel, NerError> {
    let types: BTreeSet<&str> = train
        .iter()
        .flat_map(|d| &d.sentences)
        .flat_map(|s| &s.spans)
        .map(|s| s.label.as_str())
        .collect();
    if types.is_empty() {
        return Err(NerError::Training("the training data has no entities".into()));
    }
    if types.len() > 63 {
        return Err(NerError::Training(format!(
            "{} entity types; at most 63 are supported",
            types.len()
        )));
    }
    let tags = TagSet::new(types.into_iter().map(String::from).collect());
    let l = tags.len();
    // Training sentences see a gazetteer built from the other fold of
    // documents, so the weights learn how far an unseen string's match can be
    // trusted; the model ships the gazetteer of all training documents.
    let gazetteer = opts
        .features
        .gazetteer
        .then(|| Gazetteer::build(train, &tags, |_| true));
    let folds: Vec<Gazetteer> = if opts.features.gazetteer {
        (0..GAZETTEER_FOLDS)
            .map(|f| Gazetteer::build(train, &tags, |d| d % GAZETTEER_FOLDS != f))
            .collect()
    } else {
        Vec::new()
    };
    let (data, index) = prepare(train, &tags, &opts, &folds)?;
    let rows = index.len();
    on_event(&TrainEvent::Prepared {
        sentences: data.docs.iter().map(Vec::len).sum(),
        features: rows,
        tags: l,
    });
    let mem_rows: Vec<[u32; 2]> = (0..l)
        .map(|t| [index[&memory_key(t)], index[&memory_lower_key(t)]])
        .collect();
    let mut wt = Weights {
        l,
        w: vec![0.0; rows * l],
        u: vec![0.0; rows * l],
        trans: Transitions::new(&tags),
        tu: vec![0.0; l * l],
        su: vec![0.0; l],
        eu: vec![0.0; l],
        c: 1.0,
    };
    let k = static_count(&opts.features);
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..data.docs.len()).collect();
    let mut best: Option<(f64, usize, NerModel)> = None;
    let mut memory = Memory::default();
    let agg_rows: HashMap<u64, u32, HashKeyed> = agg_keys(&tags).into_iter().map(|key| (key, index[&key])).collect();
    let mut sc = Scratch::default();
    for epoch in 1..=opts.epochs {
        let started = std::time::Instant::now();
        rng.shuffle_modulo(&mut order);
        let (mut done, mut errors) = (0, 0);
        for &d in &order {
            let sents = &data.docs[d];
            let (Some(first), Some(last)) = (sents.first(), sents.last()) else {
                continue; // a document without sentences
            };
            let (lo, hi) = (first.at, last.at + last.n);
            sc.agg.clear();
            sc.agg.resize(hi - lo, None);
            let passes = if opts.features.two_pass { 2 } else { 1 };
            for pass in 0..passes {
                if pass == 1 {
                    let first = std::mem::take(&mut sc.first);
                    aggregate(&tags, &data.words[lo..hi], &data.caps[lo..hi], &first, &mut sc.keys);
                    sc.first = first;
                    sc.agg.clear();
                    sc.agg.extend(sc.keys.iter().map(|k| k.map(|k| agg_rows[&k])));
                }
                sc.first.clear();
                memory.clear();
                for s in sents {
                    errors += usize::from(train_sentence(
                        &mut wt,
                        &data,
                        s,
                        s.at - lo,
                        k,
                        &opts,
                        &mut rng,
                        &memory,
                        &mem_rows,
                        &mut sc,
                    ));
                    memory.update(&data.words[s.at..s.at + s.n], &data.lowers[s.at..s.at + s.n], &sc.path);
                    sc.first.extend_from_slice(&sc.path);
                }
            }
            done += sents.len();
            if done % 2000 < sents.len() {
                on_event(&TrainEvent::Step { epoch, done });
            }
        }
        let model = averaged(&wt, &index, &tags, &opts, &gazetteer);
        let (eval, margins) = evaluate(&model, dev, &[]);
        let dev_score = TypeScore {
            precision: eval.precision,
            recall: eval.recall,
            f1: eval.f1,
            support: eval.per_type.values().map(|t| t.support).sum(),
        };
        on_event(&TrainEvent::Epoch {
            epoch,
            dev: dev_score.clone(),
            errors,
            seconds: started.elapsed().as_secs_f64(),
        });
        if best.as_ref().map_or(true, |b| eval.f1 > b.0) {
            let mut model = model;
            model.temperature = fit_temperature(&margins);
            model.card.dev = dev_score;
            model.card.dev_per_type = eval.per_type;
            model.card.best_epoch = epoch;
            best = Some((eval.f1, epoch, model));
        }
    }
    let (_, _, mut model) = best.ok_or_else(|| NerError::Training("no epochs were run".into()))?;
    model.card.epochs = opts.epochs;
    model.card.seed = opts.seed;
    model.card.train_tokens = data.tokens;
    model.card.features = model.rows.index.len();
    model.card.weights = model.rows.entries.len();
    Ok(model)
}

/// Buffers of the training loop.
#[derive(Default)]
struct Scratch {
    emis: Vec<f32>,
    lat: Lattice,
    path: Vec<usize>,
    /// The document's tags from the current pass so far.
    first: Vec<usize>,
    /// Second-pass rows of the document's tokens.
    agg: Vec<Option<u32>>,
    keys: Vec<Option<u64>>,
    active: Vec<u32>,
    dynamic: Vec<[Option<u32>; 3]>,
}

/// All second-pass feature keys of a tag set.
fn agg_keys(tags: &TagSet) -> Vec<u64> {
    (0..=tags.types().len())
        .flat_map(|t| [aggregate_key(t, false), aggregate_key(t, true)])
        .collect()
}

/// Decode one training sentence (its tokens start at `at_doc` in the
/// document) and update on error; returns whether there was one.
#[allow(clippy::too_many_arguments)]
fn train_sentence(
    wt: &mut Weights,
    data: &Data,
    s: &Sent,
    at_doc: usize,
    k: usize,
    opts: &TrainOptions,
    rng: &mut Rng,
    memory: &Memory,
    mem_rows: &[[u32; 2]],
    sc: &mut Scratch,
) -> bool {
    let l = wt.l;
    sc.emis.clear();
    sc.emis.resize(s.n * l, 0.0);
    sc.dynamic.clear();
    sc.active.clear();
    sc.active.extend(data.ids[s.at * k..(s.at + s.n) * k].iter().map(|&id| {
        if id != MISSING && (opts.dropout == 0.0 || rng.unit() >= opts.dropout) {
            id
        } else {
            MISSING
        }
    }));
    for j in 0..s.n {
        let t = s.at + j;
        let row = &mut sc.emis[j * l..(j + 1) * l];
        let [exact, lowered] = memory.tags(data.words[t], data.lowers[t]);
        let dynamic = [
            exact.map(|t| mem_rows[t][0]),
            lowered.map(|t| mem_rows[t][1]),
            sc.agg[at_doc + j],
        ];
        for &id in sc.active[j * k..(j + 1) * k]
            .iter()
            .filter(|&&id| id != MISSING)
            .chain(dynamic.iter().flatten())
        {
            add(row, &wt.w[id as usize * l..(id as usize + 1) * l]);
        }
        if opts.margin > 0.0 {
            let g = data.gold[t] as usize;
            row.iter_mut()
                .enumerate()
                .filter(|&(y, _)| y != g)
                .for_each(|(_, v)| *v += opts.margin);
        }
        sc.dynamic.push(dynamic);
    }
    wt.trans.viterbi(&sc.emis, &mut sc.lat, &mut sc.path);
    let wrong = sc
        .path
        .iter()
        .zip(&data.gold[s.at..s.at + s.n])
        .any(|(&p, &g)| p != g as usize);
    if wrong {
        update(wt, data, s, k, &sc.active, &sc.path, &sc.dynamic);
        wt.trans.refresh();
    }
    wt.c += 1.0;
    wrong
}

#[inline]
fn add(out: &mut [f32], row: &[f32]) {
    for (o, w) in out.iter_mut().zip(row) {
        *o += w;
    }
}

/// Perceptron update towards gold and away from `path`, over the features
/// that were active (`active`, `k` per token of the sentence) in the decode.
fn update(
    wt: &mut Weights,
    data: &Data,
    s: &Sent,
    k: usize,
    active: &[u32],
    path: &[usize],
    dynamic: &[[Option<u32>; 3]],
) {
    let l = wt.l;
    let gold: Vec<usize> = data.gold[s.at..s.at + s.n].iter().map(|&g| g as usize).collect();
    for j in 0..s.n {
        let (g, p) = (gold[j], path[j]);
        if g != p {
            for &id in active[j * k..(j + 1) * k]
                .iter()
                .filter(|&&id| id != MISSING)
                .chain(dynamic[j].iter().flatten())
            {
                wt.bump(id, g, 1.0);
                wt.bump(id, p, -1.0);
            }
        }
        let c = wt.c;
        if j == 0 {
            if g != p {
                wt.trans.start[g] += 1.0;
                wt.su[g] += c;
                wt.trans.start[p] -= 1.0;
                wt.su[p] -= c;
            }
        } else if (gold[j - 1], g) != (path[j - 1], p) {
            let (a, b) = (gold[j - 1] * l + g, path[j - 1] * l + p);
            wt.trans.trans[a] += 1.0;
            wt.tu[a] += c;
            wt.trans.trans[b] -= 1.0;
            wt.tu[b] -= c;
        }
        if j + 1 == s.n && g != p {
            wt.trans.end[g] += 1.0;
            wt.eu[g] += c;
            wt.trans.end[p] -= 1.0;
            wt.eu[p] -= c;
        }
    }
}

/// The averaged, pruned, sparse model of the current weights.
fn averaged(
    wt: &Weights,
    index: &HashMap<u64, u32, HashKeyed>,
    tags: &TagSet,
    opts: &TrainOptions,
    gazetteer: &Option<Gazetteer>,
) -> NerModel {
    let l = wt.l;
    let avg = |w: f32, u: f32| w - u / wt.c;
    let mut keys: Vec<(u64, u32)> = index.iter().map(|(&k, &r)| (k, r)).collect();
    keys.sort_unstable();
    let mut rows = Rows::new();
    let mut row = Vec::new();
    for (key, r) in keys {
        let base = r as usize * l;
        row.clear();
        row.extend(
            (0..l)
                .map(|t| Entry {
                    weight: avg(wt.w[base + t], wt.u[base + t]),
                    tag: t as u8,
                })
                .filter(|e| e.weight.abs() >= opts.prune),
        );
        if !row.is_empty() {
            rows.push(key, row.iter().copied());
        }
    }
    let trans: Vec<f32> = wt.trans.trans.iter().zip(&wt.tu).map(|(&w, &u)| avg(w, u)).collect();
    let start: Vec<f32> = wt.trans.start.iter().zip(&wt.su).map(|(&w, &u)| avg(w, u)).collect();
    let end: Vec<f32> = wt.trans.end.iter().zip(&wt.eu).map(|(&w, &u)| avg(w, u)).collect();
    NerModel {
        tags: tags.clone(),
        config: opts.features.clone(),
        clusters: opts.clusters.clone(),
        gazetteer: gazetteer.clone(),
        lexicon: opts.lexicon.clone().filter(|_| opts.features.lexicon),
        rows,
        trans: Transitions::with_scores(tags, trans, start, end),
        temperature: 1.0,
        card: opts.card.clone(),
    }
}

/// Documents are split into this many folds for the training gazetteers.
/// Training documents are split into this many folds by index modulo it; the
/// gazetteer features of a document come from the other folds.
pub const GAZETTEER_FOLDS: usize = 5;

/// Extract static features of all training tokens and index them (document
/// `d` matches against `folds[d % folds.len()]`, when there are folds).
fn prepare(
    train: &[Document],
    tags: &TagSet,
    opts: &TrainOptions,
    folds: &[Gazetteer],
) -> Result<(Data, HashMap<u64, u32, HashKeyed>), NerError> {
    let k = static_count(&opts.features);
    let mut ex = Extractor::default();
    let mut keys: Vec<u64> = Vec::new();
    let mut data = Data {
        docs: Vec::new(),
        ids: Vec::new(),
        words: Vec::new(),
        lowers: Vec::new(),
        caps: Vec::new(),
        gold: Vec::new(),
        tokens: 0,
    };
    let mut counts: HashMap<u64, u32, HashKeyed> = HashMap::default();
    for (d, doc) in train.iter().enumerate() {
        let gazetteer = (!folds.is_empty()).then(|| &folds[d % folds.len()]);
        let mut sents = Vec::new();
        for s in &doc.sentences {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let (text, toks) = pretokenized(&words);
            let texts: Vec<&str> = toks.iter().map(|t| t.text(&text)).collect();
            let at = data.words.len();
            let before = keys.len();
            let res = Resources {
                clusters: opts.clusters.as_ref(),
                gazetteer,
                lexicon: opts.lexicon.as_ref().filter(|_| opts.features.lexicon),
            };
            ex.extract(&opts.features, res, &texts, &toks, &mut keys);
            debug_assert_eq!(keys.len() - before, k * texts.len());
            let (w, lo) = ex.all_word_hashes();
            data.words.extend_from_slice(w);
            data.lowers.extend_from_slice(lo);
            data.caps.extend(toks.iter().map(|t| t.has(FLAG_TITLE | FLAG_UPPER)));
            let gold = tags
                .encode(texts.len(), &s.spans)
                .ok_or_else(|| NerError::Training("a gold label is missing from the tag set".into()))?;
            data.gold.extend(gold.iter().map(|&g| g as u16));
            sents.push(Sent { at, n: texts.len() });
        }
        data.docs.push(sents);
    }
    for &key in &keys {
        *counts.entry(key).or_insert(0) += 1;
    }
    let mut index: HashMap<u64, u32, HashKeyed> = HashMap::default();
    data.ids = keys
        .iter()
        .map(|key| {
            if counts[key] < opts.min_count {
                return MISSING;
            }
            let next = index.len() as u32;
            *index.entry(*key).or_insert(next)
        })
        .collect();
    for t in 0..tags.len() {
        for key in [memory_key(t), memory_lower_key(t)] {
            let next = index.len() as u32;
            index.entry(key).or_insert(next);
        }
    }
    for key in agg_keys(tags) {
        {
            let next = index.len() as u32;
            index.entry(key).or_insert(next);
        }
    }
    data.tokens = data.words.len();
    Ok((data, index))
}

/// Hex SHA-256 of a file (for model cards).
pub fn file_sha256(path: &std::path::Path) -> Result<String, NerError> {
    let bytes = std::fs::read(path).map_err(|e| NerError::io(path, e))?;
    Ok(newsdesk_core::checksum::sha256_hex(&bytes))
}
