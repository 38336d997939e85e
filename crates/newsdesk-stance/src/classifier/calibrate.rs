//! Probability calibration: a temperature and per-label biases on the logits,
//! fitted by minimizing log-loss on held-out data; and calibration measures
//! (log-loss, expected calibration error).
use super::mlp::{softmax, OUT};
use serde::{Deserialize, Serialize};

/// `softmax(logits / temperature + bias)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    pub temperature: f32,
    pub bias: [f32; OUT],
}

impl Default for Calibration {
    fn default() -> Self {
        Calibration {
            temperature: 1.0,
            bias: [0.0; OUT],
        }
    }
}

impl Calibration {
    pub fn probs(&self, logits: &[f32; OUT]) -> [f32; OUT] {
        let mut z = [0.0; OUT];
        for k in 0..OUT {
            z[k] = logits[k] / self.temperature + self.bias[k];
        }
        softmax(&z)
    }

    /// Fit the temperature (and the biases when `with_bias`) by gradient
    /// descent on the mean log-loss of `logits` against `gold`.
    pub fn fit(logits: &[[f32; OUT]], gold: &[usize], with_bias: bool) -> Calibration {
        let mut log_t = 0.0f64;
        let mut bias = [0.0f64; OUT];
        let n = logits.len().max(1) as f64;
        let lr = 0.1;
        for _ in 0..400 {
            let t = log_t.exp();
            let (mut g_t, mut g_b) = (0.0f64, [0.0f64; OUT]);
            for (z, &y) in logits.iter().zip(gold) {
                let s: Vec<f64> = (0..OUT).map(|k| z[k] as f64 / t + bias[k]).collect();
                let m = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let e: Vec<f64> = s.iter().map(|v| (v - m).exp()).collect();
                let sum: f64 = e.iter().sum();
                for k in 0..OUT {
                    let d = e[k] / sum - if k == y { 1.0 } else { 0.0 };
                    // d s_k / d log_t = -z_k / t
                    g_t += d * (-(z[k] as f64) / t);
                    g_b[k] += d;
                }
            }
            log_t -= lr * g_t / n;
            if with_bias {
                for k in 0..OUT {
                    bias[k] -= lr * g_b[k] / n;
                }
            }
        }
        Calibration {
            temperature: log_t.exp() as f32,
            bias: bias.map(|b| b as f32),
        }
    }
}

impl Calibration {
    /// Threshold calibration: move the per-label biases (coordinate ascent
    /// over a grid of steps of 0.1 in [-3, 3], a few passes) to maximize the
    /// macro-F1 of the arg-max labels of `logits` against `gold`.
    pub fn tune_bias_for_f1(&mut self, logits: &[[f32; OUT]], gold: &[usize]) {
        let score = |c: &Calibration| -> f64 {
            let pred: Vec<usize> = logits
                .iter()
                .map(|z| {
                    let p = c.probs(z);
                    (0..OUT).max_by(|&a, &b| p[a].total_cmp(&p[b])).unwrap_or(0)
                })
                .collect();
            macro_f1(&pred, gold)
        };
        let mut best = score(self);
        for _ in 0..3 {
            for k in 0..OUT - 1 {
                let keep = self.bias[k];
                let mut best_b = keep;
                for step in -30..=30 {
                    self.bias[k] = step as f32 * 0.1;
                    let s = score(self);
                    if s > best + 1e-9 {
                        best = s;
                        best_b = self.bias[k];
                    }
                }
                self.bias[k] = best_b;
            }
        }
    }
}

/// Macro-averaged F1 of label indexes.
fn macro_f1(pred: &[usize], gold: &[usize]) -> f64 {
    let mut f = 0.0;
    for k in 0..OUT {
        let tp = pred.iter().zip(gold).filter(|(p, g)| **p == k && **g == k).count() as f64;
        let np = pred.iter().filter(|p| **p == k).count() as f64;
        let ng = gold.iter().filter(|g| **g == k).count() as f64;
        if np + ng > 0.0 {
            f += 2.0 * tp / (np + ng);
        }
    }
    f / OUT as f64
}

/// Mean negative log-probability of the gold labels.
pub fn log_loss(probs: &[[f32; OUT]], gold: &[usize]) -> f64 {
    let n = probs.len().max(1) as f64;
    probs
        .iter()
        .zip(gold)
        .map(|(p, &y)| -(p[y].max(1e-7) as f64).ln())
        .sum::<f64>()
        / n
}

/// Expected calibration error of the top label ([`newsdesk_core::calibration::ece`]).
pub fn ece(probs: &[[f32; OUT]], gold: &[usize]) -> f64 {
    newsdesk_core::calibration::ece(probs.iter().zip(gold).map(|(p, &y)| {
        let (k, &c) = p
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .unwrap_or((0, &0.0));
        (f64::from(c), k == y)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_bias_recovers_a_shifted_class() {
        // Label 1 is right whenever its logit is within 1 of label 0's.
        let logits: Vec<[f32; OUT]> = (0..200).map(|i| [1.0, (i % 2) as f32 * 0.5, -5.0, -5.0]).collect();
        let gold: Vec<usize> = (0..200).map(|i| i % 2).collect();
        let mut c = Calibration::default();
        c.tune_bias_for_f1(&logits, &gold);
        assert!(
            c.bias[1] - c.bias[0] > 0.5 && c.bias[1] - c.bias[0] < 1.0,
            "{:?}",
            c.bias
        );
    }

    #[test]
    fn temperature_shrinks_overconfident_logits() {
        // Logits say class 0 with huge margins but it is right only 70% of the time.
        let logits: Vec<[f32; OUT]> = (0..100).map(|_| [10.0, 0.0, 0.0, 0.0]).collect();
        let gold: Vec<usize> = (0..100).map(|i| if i % 10 < 7 { 0 } else { 1 + i % 3 }).collect();
        let before: Vec<_> = logits.iter().map(softmax).collect();
        let cal = Calibration::fit(&logits, &gold, false);
        assert!(cal.temperature > 1.5, "{cal:?}");
        let after: Vec<_> = logits.iter().map(|z| cal.probs(z)).collect();
        assert!(log_loss(&after, &gold) < log_loss(&before, &gold));
        assert!(ece(&after, &gold) < ece(&before, &gold));
    }

    #[test]
    fn perfect_confident_predictions_have_zero_ece() {
        let probs = vec![[1.0, 0.0, 0.0, 0.0]; 5];
        assert_eq!(ece(&probs, &[0; 5]), 0.0);
    }
}
