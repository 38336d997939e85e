//! The seeded random numbers behind every shuffle and split in newsdesk.
//!
//! ```
//! use newsdesk_core::rng::Rng;
//! let (mut v, mut w): (Vec<u32>, Vec<u32>) = ((0..10).collect(), (0..10).collect());
//! Rng::new(7).shuffle(&mut v);
//! Rng::new(7).shuffle(&mut w);
//! assert_eq!(v, w); // same seed, same order
//! ```

/// SplitMix64: small, fast, deterministic across platforms.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }

    /// The shuffle the shipped NER models were trained with (`next % (i + 1)`,
    /// very slightly biased), kept so that `train ner` reproduces them byte for
    /// byte; new code uses [`Rng::shuffle`].
    pub fn shuffle_modulo<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, (self.next_u64() % (i as u64 + 1)) as usize);
        }
    }
}
