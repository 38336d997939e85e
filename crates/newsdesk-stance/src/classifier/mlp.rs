//! A one-hidden-layer ReLU network over sparse inputs with a 4-way softmax,
//! trained with class-weighted cross-entropy, inverted dropout and Adam
//! (moments updated only for the input rows a batch touches).
use super::split::Rng;

/// Number of outputs (the four labels).
pub const OUT: usize = 4;

/// Network weights. `w1` is row-major by input (`inputs × hidden`), so one
/// sparse input adds one contiguous row to the hidden pre-activations.
#[derive(Clone, Debug, PartialEq)]
pub struct Mlp {
    pub inputs: usize,
    pub hidden: usize,
    pub w1: Vec<f32>,
    pub b1: Vec<f32>,
    pub w2: Vec<f32>,
    pub b2: [f32; OUT],
}

impl Mlp {
    /// Glorot-uniform weights from `rng`, zero biases. The rows of the
    /// `unused` inputs (always 0 for this network) start at zero and draw no
    /// random numbers, so they stay zero in training and the other weights
    /// start as in a network without those inputs.
    pub fn new(inputs: usize, hidden: usize, unused: &[usize], rng: &mut Rng) -> Mlp {
        let mut init = |fan_in: usize, fan_out: usize, n: usize| {
            let a = (6.0 / (fan_in + fan_out) as f32).sqrt();
            (0..n).map(|_| (rng.unit() * 2.0 - 1.0) * a).collect::<Vec<f32>>()
        };
        let used = inputs - unused.len();
        let drawn = init(used, hidden, used * hidden);
        let mut rows = drawn.chunks_exact(hidden);
        let mut w1 = vec![0.0; inputs * hidden];
        for (r, row) in w1.chunks_exact_mut(hidden).enumerate() {
            if !unused.contains(&r) {
                row.copy_from_slice(rows.next().expect("one drawn row per used input"));
            }
        }
        let w2 = init(hidden, OUT, hidden * OUT);
        Mlp {
            inputs,
            hidden,
            w1,
            b1: vec![0.0; hidden],
            w2,
            b2: [0.0; OUT],
        }
    }

    /// Make `self` the running mean of `n` networks and `other`.
    pub fn accumulate(&mut self, other: &Mlp, n: f32) {
        let mix = |a: &mut [f32], b: &[f32]| {
            for (x, y) in a.iter_mut().zip(b) {
                *x = (*x * n + y) / (n + 1.0);
            }
        };
        mix(&mut self.w1, &other.w1);
        mix(&mut self.b1, &other.b1);
        mix(&mut self.w2, &other.w2);
        mix(&mut self.b2, &other.b2);
    }

    /// ReLU hidden activations of input `x` into `h`.
    pub fn hidden_into(&self, x: &[(u32, f32)], h: &mut [f32]) {
        h.copy_from_slice(&self.b1);
        for &(i, v) in x {
            let row = &self.w1[i as usize * self.hidden..(i as usize + 1) * self.hidden];
            for (a, w) in h.iter_mut().zip(row) {
                *a += v * w;
            }
        }
        for a in h.iter_mut() {
            *a = a.max(0.0);
        }
    }

    /// Output logits from hidden activations.
    pub fn logits_from(&self, h: &[f32]) -> [f32; OUT] {
        let mut z = self.b2;
        for (j, &a) in h.iter().enumerate() {
            if a != 0.0 {
                let row = &self.w2[j * OUT..(j + 1) * OUT];
                for k in 0..OUT {
                    z[k] += a * row[k];
                }
            }
        }
        z
    }

    /// Output logits of input `x`.
    pub fn logits(&self, x: &[(u32, f32)]) -> [f32; OUT] {
        let mut h = vec![0.0; self.hidden];
        self.hidden_into(x, &mut h);
        self.logits_from(&h)
    }
}

/// Numerically stable softmax.
pub fn softmax(z: &[f32; OUT]) -> [f32; OUT] {
    let m = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut p = z.map(|v| (v - m).exp());
    let s: f32 = p.iter().sum();
    for v in &mut p {
        *v /= s;
    }
    p
}

/// Optimizer settings.
#[derive(Clone, Debug)]
pub struct Optim {
    pub lr: f32,
    pub l2: f32,
    pub dropout: f32,
    pub batch: usize,
}

/// Adam state and scratch buffers for training one network.
pub struct Trainer {
    opt: Optim,
    m1: Vec<f32>,
    v1: Vec<f32>,
    g1: Vec<f32>,
    touched: Vec<u32>,
    is_touched: Vec<bool>,
    small: [Vec<f32>; 6], // m, v, grad of b1 and of w2+b2 (concatenated)
    step: i32,
}

impl Trainer {
    pub fn new(net: &Mlp, opt: Optim) -> Trainer {
        let n1 = net.inputs * net.hidden;
        let n2 = net.hidden * OUT + OUT;
        Trainer {
            opt,
            m1: vec![0.0; n1],
            v1: vec![0.0; n1],
            g1: vec![0.0; n1],
            touched: Vec::new(),
            is_touched: vec![false; net.inputs],
            small: [
                vec![0.0; net.hidden],
                vec![0.0; net.hidden],
                vec![0.0; net.hidden],
                vec![0.0; n2],
                vec![0.0; n2],
                vec![0.0; n2],
            ],
            step: 0,
        }
    }

    /// One epoch over `order` (indexes into `xs`/`ys`); returns the mean weighted loss.
    pub fn epoch(
        &mut self,
        net: &mut Mlp,
        xs: &[Vec<(u32, f32)>],
        ys: &[usize],
        class_weight: &[f32; OUT],
        order: &[usize],
        rng: &mut Rng,
    ) -> f32 {
        let (hd, keep) = (net.hidden, 1.0 - self.opt.dropout);
        let mut h = vec![0.0f32; hd];
        let mut dh = vec![0.0f32; hd];
        let mut loss = 0.0f64;
        let mut weight_total = 0.0f64;
        for batch in order.chunks(self.opt.batch.max(1)) {
            let bw: f32 = batch.iter().map(|&i| class_weight[ys[i]]).sum::<f32>().max(1e-9);
            for &i in batch {
                net.hidden_into(&xs[i], &mut h);
                for a in h.iter_mut() {
                    *a = if rng.unit() < keep { *a / keep } else { 0.0 };
                }
                let p = softmax(&net.logits_from(&h));
                let w = class_weight[ys[i]];
                loss -= (w * p[ys[i]].max(1e-12).ln()) as f64;
                weight_total += w as f64;
                let mut dz = p;
                dz[ys[i]] -= 1.0;
                for d in &mut dz {
                    *d *= w / bw;
                }
                let [_, _, gb1, _, _, g2] = &mut self.small;
                for j in 0..hd {
                    let mut s = 0.0;
                    for k in 0..OUT {
                        g2[j * OUT + k] += h[j] * dz[k];
                        s += net.w2[j * OUT + k] * dz[k];
                    }
                    dh[j] = if h[j] > 0.0 { s / keep } else { 0.0 };
                    gb1[j] += dh[j];
                }
                for k in 0..OUT {
                    g2[hd * OUT + k] += dz[k];
                }
                for &(r, v) in &xs[i] {
                    let r = r as usize;
                    if !self.is_touched[r] {
                        self.is_touched[r] = true;
                        self.touched.push(r as u32);
                    }
                    for (g, d) in self.g1[r * hd..(r + 1) * hd].iter_mut().zip(&dh) {
                        *g += v * d;
                    }
                }
            }
            self.apply(net);
        }
        (loss / weight_total.max(1e-9)) as f32
    }

    fn apply(&mut self, net: &mut Mlp) {
        self.step += 1;
        let (b1c, b2c) = (1.0 - 0.9f32.powi(self.step), 1.0 - 0.999f32.powi(self.step));
        let (lr, l2) = (self.opt.lr, self.opt.l2);
        let adam = |w: &mut f32, g: &mut f32, m: &mut f32, v: &mut f32, decay: bool| {
            let grad = *g + if decay { l2 * *w } else { 0.0 };
            *m = 0.9 * *m + 0.1 * grad;
            *v = 0.999 * *v + 0.001 * grad * grad;
            *w -= lr * (*m / b1c) / ((*v / b2c).sqrt() + 1e-8);
            *g = 0.0;
        };
        let hd = net.hidden;
        for &r in &self.touched {
            let r = r as usize;
            self.is_touched[r] = false;
            for j in r * hd..(r + 1) * hd {
                adam(&mut net.w1[j], &mut self.g1[j], &mut self.m1[j], &mut self.v1[j], true);
            }
        }
        self.touched.clear();
        let [mb1, vb1, gb1, m2, v2, g2] = &mut self.small;
        for j in 0..hd {
            adam(&mut net.b1[j], &mut gb1[j], &mut mb1[j], &mut vb1[j], false);
        }
        for j in 0..hd * OUT + OUT {
            let w = if j < hd * OUT {
                &mut net.w2[j]
            } else {
                &mut net.b2[j - hd * OUT]
            };
            adam(w, &mut g2[j], &mut m2[j], &mut v2[j], j < hd * OUT);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inputs a network never sees (the word-vector cosines of a model
    /// without vectors) start at zero, and the other weights start as in a
    /// network without them, so adding such inputs changes no trained model.
    #[test]
    fn unused_inputs_start_at_zero_and_leave_the_other_draws_alone() {
        let with = Mlp::new(5, 3, &[1, 3], &mut Rng::new(7));
        let without = Mlp::new(3, 3, &[], &mut Rng::new(7));
        assert!(with.w1[3..6].iter().chain(&with.w1[9..12]).all(|&w| w == 0.0));
        assert_eq!([&with.w1[0..3], &with.w1[6..9], &with.w1[12..15]].concat(), without.w1);
        assert_eq!(with.w2, without.w2);
    }

    #[test]
    fn learns_a_separable_problem_deterministically() {
        // Class k is signalled by input k (plus a shared noise input 4).
        let xs: Vec<Vec<(u32, f32)>> = (0..200).map(|i| vec![((i % 4) as u32, 1.0), (4, 0.5)]).collect();
        let ys: Vec<usize> = (0..200).map(|i| i % 4).collect();
        let train = |seed| {
            let mut rng = Rng::new(seed);
            let mut net = Mlp::new(5, 8, &[], &mut rng);
            let mut t = Trainer::new(
                &net,
                Optim {
                    lr: 0.05,
                    l2: 0.0,
                    dropout: 0.1,
                    batch: 16,
                },
            );
            let order: Vec<usize> = (0..200).collect();
            let mut loss = 0.0;
            for _ in 0..30 {
                loss = t.epoch(&mut net, &xs, &ys, &[1.0; OUT], &order, &mut rng);
            }
            (net, loss)
        };
        let (net, loss) = train(3);
        assert!(loss < 0.1, "loss {loss}");
        for k in 0..4 {
            let p = softmax(&net.logits(&[(k as u32, 1.0), (4, 0.5)]));
            assert!(p[k] > 0.9, "class {k}: {p:?}");
        }
        assert_eq!(train(3).0, net);
    }

    #[test]
    fn softmax_is_stable() {
        let p = softmax(&[1000.0, 0.0, -1000.0, 0.0]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-6 && p[0] > 0.999);
    }
}
