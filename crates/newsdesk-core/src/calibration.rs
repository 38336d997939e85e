//! How well predicted probabilities match how often predictions are right.
//!
//! ```
//! use newsdesk_core::calibration::ece;
//! // Said 0.9 and right 9 times of 10: calibrated.
//! let pairs = (0..10).map(|i| (0.9, i < 9));
//! assert!(ece(pairs) < 1e-9);
//! ```

/// Equal-width confidence bins of [`ece`].
pub const BINS: usize = 15;

/// Expected calibration error of `(confidence, right)` pairs over [`BINS`]
/// equal-width bins: the mean over predictions of |accuracy − confidence|
/// within each prediction's bin (0 without pairs).
pub fn ece(pairs: impl IntoIterator<Item = (f64, bool)>) -> f64 {
    let mut conf = [0.0f64; BINS];
    let mut hits = [0.0f64; BINS];
    let mut n = 0usize;
    for (c, right) in pairs {
        let b = ((c * BINS as f64) as usize).min(BINS - 1);
        conf[b] += c;
        hits[b] += f64::from(u8::from(right));
        n += 1;
    }
    (0..BINS).map(|b| (hits[b] - conf[b]).abs()).sum::<f64>() / n.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::ece;

    #[test]
    fn overconfidence_is_the_gap_to_accuracy() {
        // Said 0.95 and right half the time.
        let pairs = (0..10).map(|i| (0.95, i % 2 == 0));
        assert!((ece(pairs) - 0.45).abs() < 1e-9);
        assert_eq!(ece(std::iter::empty()), 0.0);
    }
}
