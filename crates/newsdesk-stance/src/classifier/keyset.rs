//! [`KeySet`]: a set of `u64` keys (word, bigram and char 4-gram hashes) built
//! by inserting and read by membership tests, without sorting: open
//! addressing with linear probing over a power-of-two table kept at most half
//! full.
const EMPTY: u64 = 0;
/// Fibonacci hashing multiplier (2^64 / golden ratio): spreads the packed
/// char 4-grams, whose low bits alone would cluster, over the whole table.
const SPREAD: u64 = 0x9E37_79B9_7F4A_7C15;

/// A set of `u64` keys with fast insert and membership tests.
#[derive(Clone, Debug)]
pub struct KeySet {
    /// Slots holding a key, or [`EMPTY`]; the key 0 itself is kept in `has_zero`.
    slots: Vec<u64>,
    /// Right shift taking a spread key to a slot index (64 − log2 of the table size).
    shift: u32,
    len: usize,
    has_zero: bool,
}

impl Default for KeySet {
    fn default() -> KeySet {
        KeySet::with_capacity(0)
    }
}

impl KeySet {
    /// An empty set sized for about `n` keys before it grows.
    pub fn with_capacity(n: usize) -> KeySet {
        let size = (2 * n).next_power_of_two().max(8);
        KeySet {
            slots: vec![EMPTY; size],
            shift: 64 - size.trailing_zeros(),
            len: 0,
            has_zero: false,
        }
    }

    /// The set of the keys of `keys` (duplicates kept once).
    pub fn from_keys(keys: impl ExactSizeIterator<Item = u64>) -> KeySet {
        let mut set = KeySet::with_capacity(keys.len());
        for k in keys {
            set.insert(k);
        }
        set
    }

    /// Number of distinct keys.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(SPREAD) >> self.shift) as usize
    }

    /// Add `key`; whether it was new.
    #[inline]
    pub fn insert(&mut self, key: u64) -> bool {
        if key == EMPTY {
            let new = !self.has_zero;
            self.has_zero = true;
            self.len += new as usize;
            return new;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                EMPTY => break,
                k if k == key => return false,
                _ => i = (i + 1) & mask,
            }
        }
        self.slots[i] = key;
        self.len += 1;
        if 2 * self.len > self.slots.len() {
            self.grow();
        }
        true
    }

    fn grow(&mut self) {
        let size = 2 * self.slots.len();
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; size]);
        self.shift -= 1;
        let mask = self.slots.len() - 1;
        for k in old.into_iter().filter(|&k| k != EMPTY) {
            let mut i = self.slot(k);
            while self.slots[i] != EMPTY {
                i = (i + 1) & mask;
            }
            self.slots[i] = k;
        }
    }

    /// Whether `key` is in the set.
    #[inline]
    pub fn contains(&self, key: u64) -> bool {
        if key == EMPTY {
            return self.has_zero;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                EMPTY => return false,
                k if k == key => return true,
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The keys, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = u64> + '_ {
        let zero = self.has_zero.then_some(EMPTY);
        zero.into_iter()
            .chain(self.slots.iter().copied().filter(|&k| k != EMPTY))
    }

    /// Share of this set's keys that are in `other` (0 for an empty set).
    pub fn share_in(&self, other: &KeySet) -> f32 {
        if self.len == 0 {
            return 0.0;
        }
        self.iter().filter(|&k| other.contains(k)).count() as f32 / self.len as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn behaves_as_a_sorted_unique_list(keys in proptest::collection::vec(0u64..64, 0..300),
                                           wide in proptest::collection::vec(any::<u64>(), 0..50),
                                           probes in proptest::collection::vec(0u64..80, 0..40)) {
            let all: Vec<u64> = keys.iter().chain(&wide).copied().collect();
            let mut set = KeySet::with_capacity(3);
            let mut seen = std::collections::BTreeSet::new();
            for &k in &all {
                prop_assert_eq!(set.insert(k), seen.insert(k));
            }
            prop_assert_eq!(set.len(), seen.len());
            let mut listed: Vec<u64> = set.iter().collect();
            listed.sort_unstable();
            prop_assert_eq!(listed, seen.iter().copied().collect::<Vec<_>>());
            for p in probes.iter().chain(&wide) {
                prop_assert_eq!(set.contains(*p), seen.contains(p));
            }
            let other = KeySet::from_keys(probes.iter().copied());
            let expected = if seen.is_empty() { 0.0 } else {
                seen.iter().filter(|k| probes.contains(k)).count() as f32 / seen.len() as f32
            };
            prop_assert_eq!(set.share_in(&other), expected);
        }
    }

    #[test]
    fn zero_is_a_key_like_any_other() {
        let mut set = KeySet::default();
        assert!(!set.contains(0) && set.is_empty());
        assert!(set.insert(0) && !set.insert(0));
        assert!(set.contains(0) && set.len() == 1);
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![0]);
    }
}
