//! Multinomial logistic regression over standardized features: class-weighted
//! cross-entropy with L2, full-batch Adam (deterministic; no randomness).
use crate::classifier::mlp::{softmax, OUT};
use serde::{Deserialize, Serialize};

/// A fitted model: feature standardization and one weight row per label (bias last).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogReg {
    pub mean: Vec<f32>,
    pub std: Vec<f32>,
    pub weights: Vec<Vec<f32>>,
}

impl LogReg {
    /// Fit on rows `xs` with labels `ys` (indexes into the 4 labels); class
    /// weights (N / (4 n_class)) balance the labels; `l2` penalizes weights.
    pub fn fit(xs: &[Vec<f32>], ys: &[usize], l2: f32, steps: usize) -> LogReg {
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
        let mut count = [0f32; OUT];
        for &y in ys {
            count[y] += 1.0;
        }
        let cw = count.map(|c| if c > 0.0 { n / (OUT as f32 * c) } else { 0.0 });
        let mut w = vec![vec![0f32; d + 1]; OUT];
        let (mut m, mut v) = (vec![vec![0f32; d + 1]; OUT], vec![vec![0f32; d + 1]; OUT]);
        let (lr, b1, b2) = (0.05f32, 0.9f32, 0.999f32);
        for t in 1..=steps {
            let mut g = vec![vec![0f32; d + 1]; OUT];
            for (x, &y) in z.iter().zip(ys) {
                let p = softmax(&logits(&w, x));
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
        LogReg { mean, std, weights: w }
    }

    /// Label probabilities of a feature row.
    pub fn probs(&self, x: &[f32]) -> [f32; OUT] {
        let z: Vec<f32> = x
            .iter()
            .enumerate()
            .map(|(j, v)| (v - self.mean[j]) / self.std[j])
            .collect();
        softmax(&logits(&self.weights, &z))
    }
}

fn logits(w: &[Vec<f32>], x: &[f32]) -> [f32; OUT] {
    let mut out = [0f32; OUT];
    for (k, row) in w.iter().enumerate().take(OUT) {
        out[k] = row[x.len()] + row.iter().zip(x).map(|(a, b)| a * b).sum::<f32>();
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
        let m = LogReg::fit(&xs, &ys, 1e-3, 300);
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
        assert_eq!(m, LogReg::fit(&xs, &ys, 1e-3, 300), "deterministic");
    }
}
