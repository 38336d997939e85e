//! Multinomial logistic regression over standardized features: class-weighted
//! cross-entropy with L2, full-batch Adam (deterministic; no randomness).
//! Optionally with a prior: raw features added to the logits unweighted
//! (log-probabilities of another model), so the weights learn a correction
//! of that model and L2 shrinks towards it rather than towards the label mix.
use crate::classifier::mlp::{softmax, OUT};
use serde::{Deserialize, Serialize};

/// A fitted model: feature standardization, one weight row per label (bias
/// last) and the prior: `prior[k]` is the feature added raw to label `k`'s
/// logit (empty: no prior).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogReg {
    pub mean: Vec<f32>,
    pub std: Vec<f32>,
    pub weights: Vec<Vec<f32>>,
    #[serde(default)]
    pub prior: Vec<usize>,
}

impl LogReg {
    /// Fit on rows `xs` with labels `ys` (indexes into the 4 labels); with
    /// `balanced`, class weights (N / (4 n_class)) balance the labels; `l2`
    /// penalizes weights; `prior` as in [`LogReg`] (empty or one feature
    /// index per label).
    pub fn fit(xs: &[Vec<f32>], ys: &[usize], prior: &[usize], balanced: bool, l2: f32, steps: usize) -> LogReg {
        assert!(
            prior.is_empty() || prior.len() == OUT,
            "a prior names one feature per label"
        );
        let d = xs.first().map_or(0, Vec::len);
        let n = xs.len().max(1) as f32;
        let mut mean = vec![0f32; d];
        for x in xs {
            for j in 0..d {
                mean[j] += x[j] / n;
            }
        }
        let mut std = vec![0f32; d];
        for x in xs {
            for j in 0..d {
                std[j] += (x[j] - mean[j]).powi(2) / n;
            }
        }
        let std: Vec<f32> = std.iter().map(|v| v.sqrt().max(1e-6)).collect();
        let z: Vec<Vec<f32>> = xs
            .iter()
            .map(|x| x.iter().enumerate().map(|(j, v)| (v - mean[j]) / std[j]).collect())
            .collect();
        let offsets: Vec<[f32; OUT]> = xs.iter().map(|x| offset(prior, x)).collect();
        let mut count = [0f32; OUT];
        for &y in ys {
            count[y] += 1.0;
        }
        let cw = count.map(|c| match (balanced, c > 0.0) {
            (false, _) => 1.0,
            (true, true) => n / (OUT as f32 * c),
            (true, false) => 0.0,
        });
        let mut w = vec![vec![0f32; d + 1]; OUT];
        let (mut m, mut v) = (vec![vec![0f32; d + 1]; OUT], vec![vec![0f32; d + 1]; OUT]);
        let (lr, b1, b2) = (0.05f32, 0.9f32, 0.999f32);
        for t in 1..=steps {
            let mut g = vec![vec![0f32; d + 1]; OUT];
            for ((x, &y), o) in z.iter().zip(ys).zip(&offsets) {
                let p = softmax(&logits(&w, x, o));
                for k in 0..OUT {
                    let e = cw[y] * (p[k] - (k == y) as u8 as f32) / n;
                    for j in 0..d {
                        g[k][j] += e * x[j];
                    }
                    g[k][d] += e;
                }
            }
            for k in 0..OUT {
                for j in 0..=d {
                    let gj = g[k][j] + if j < d { l2 * w[k][j] } else { 0.0 };
                    m[k][j] = b1 * m[k][j] + (1.0 - b1) * gj;
                    v[k][j] = b2 * v[k][j] + (1.0 - b2) * gj * gj;
                    let mh = m[k][j] / (1.0 - b1.powi(t as i32));
                    let vh = v[k][j] / (1.0 - b2.powi(t as i32));
                    w[k][j] -= lr * mh / (vh.sqrt() + 1e-8);
                }
            }
        }
        LogReg {
            mean,
            std,
            weights: w,
            prior: prior.to_vec(),
        }
    }

    /// Label probabilities of a feature row.
    pub fn probs(&self, x: &[f32]) -> [f32; OUT] {
        let z: Vec<f32> = x
            .iter()
            .enumerate()
            .map(|(j, v)| (v - self.mean[j]) / self.std[j])
            .collect();
        softmax(&logits(&self.weights, &z, &offset(&self.prior, x)))
    }
}

/// The prior's logits of raw row `x` (zeros without a prior).
fn offset(prior: &[usize], x: &[f32]) -> [f32; OUT] {
    let mut out = [0f32; OUT];
    for (o, &j) in out.iter_mut().zip(prior) {
        *o = x[j];
    }
    out
}

fn logits(w: &[Vec<f32>], x: &[f32], offset: &[f32; OUT]) -> [f32; OUT] {
    let mut out = *offset;
    for (k, row) in w.iter().enumerate().take(OUT) {
        out[k] += row[x.len()] + row.iter().zip(x).map(|(a, b)| a * b).sum::<f32>();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem() {
        let xs: Vec<Vec<f32>> = (0..80).map(|i| vec![(i % 4) as f32, ((i * 7) % 5) as f32]).collect();
        let ys: Vec<usize> = (0..80).map(|i| i % 4).collect();
        let m = LogReg::fit(&xs, &ys, &[], true, 1e-3, 300);
        let right = xs
            .iter()
            .zip(&ys)
            .filter(|(x, &y)| {
                let p = m.probs(x);
                (0..OUT).max_by(|&a, &b| p[a].total_cmp(&p[b])) == Some(y)
            })
            .count();
        assert!(right >= 70, "{right}/80");
        assert!((m.probs(&xs[0]).iter().sum::<f32>() - 1.0).abs() < 1e-5);
        assert_eq!(m, LogReg::fit(&xs, &ys, &[], true, 1e-3, 300), "deterministic");
    }

    #[test]
    fn a_prior_is_kept_under_strong_l2_and_corrected_under_weak() {
        // Features 0..4: a prior's log-probabilities, right for the first half
        // of the rows only; feature 4 tells the label everywhere.
        let xs: Vec<Vec<f32>> = (0..80)
            .map(|i| {
                let said = if i < 40 { i % 4 } else { (i + 1) % 4 };
                let mut x: Vec<f32> = (0..OUT).map(|k| if k == said { 0.0 } else { -3.0 }).collect();
                x.push((i % 4) as f32);
                x
            })
            .collect();
        let ys: Vec<usize> = (0..80).map(|i| i % 4).collect();
        let prior = [0, 1, 2, 3];
        let argmax = |p: [f32; OUT]| (0..OUT).max_by(|&a, &b| p[a].total_cmp(&p[b])).unwrap();
        let right = |m: &LogReg| xs.iter().zip(&ys).filter(|(x, &y)| argmax(m.probs(x)) == y).count();
        let strong = LogReg::fit(&xs, &ys, &prior, true, 1e4, 300);
        assert!(xs.iter().all(|x| argmax(strong.probs(x)) == argmax(offset(&prior, x))));
        assert_eq!(right(&strong), 40);
        assert!(right(&LogReg::fit(&xs, &ys, &prior, true, 1e-3, 300)) >= 70);
    }
}
