//! Deterministic splits by Body ID and the random numbers behind them.
//!
//! The sorted distinct Body IDs are shuffled with a SplitMix64-driven
//! Fisher–Yates shuffle seeded by `seed`; the first `round(n * fraction)` go
//! to the held-out side. A body is therefore never on both sides, and the same
//! seed and fraction always give the same split.
use std::collections::BTreeSet;

pub use newsdesk_core::rng::Rng;

/// Held-out Body IDs: `round(n * fraction)` of the distinct `ids`, chosen by `seed`.
pub fn held_out_bodies(ids: impl IntoIterator<Item = u32>, fraction: f64, seed: u64) -> BTreeSet<u32> {
    let mut ids: Vec<u32> = ids.into_iter().collect::<BTreeSet<_>>().into_iter().collect();
    Rng::new(seed).shuffle(&mut ids);
    let n = (ids.len() as f64 * fraction.clamp(0.0, 1.0)).round() as usize;
    ids.into_iter().take(n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_deterministic_sized_and_disjoint() {
        let ids: Vec<u32> = (0..1000).chain(0..500).collect();
        let a = held_out_bodies(ids.clone(), 0.2, 7);
        assert_eq!(a, held_out_bodies(ids.clone(), 0.2, 7));
        assert_ne!(a, held_out_bodies(ids.clone(), 0.2, 8));
        assert_eq!(a.len(), 200);
        let rest: BTreeSet<u32> = ids.iter().copied().filter(|i| !a.contains(i)).collect();
        assert_eq!(rest.len(), 800);
        assert!(rest.is_disjoint(&a));
    }

    #[test]
    fn rng_ranges() {
        let mut r = Rng::new(1);
        for _ in 0..1000 {
            assert!(r.below(3) < 3);
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
        }
    }
}
