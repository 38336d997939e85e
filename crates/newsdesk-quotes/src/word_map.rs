//! [`WordMap`]: a fixed map from words, with a filter in front of its hash
//! table that turns most words away without hashing them. The quote rules
//! ask a dozen lists about every word of a document, several times over, and
//! the answer is nearly always no.
use newsdesk_core::hash::{mix, HashKeyed};
use std::collections::HashMap;

/// A fixed map from words (`&'static str` keys, as in an embedded list) to
/// `V`. Before the hash table, a 1,024-bit filter over each key's length and
/// first, second and last bytes: a word that matches no key there is not
/// looked up at all.
pub struct WordMap<V> {
    map: HashMap<&'static str, V, HashKeyed>,
    filter: [u64; 16],
}

/// The filter bit of word `w` (0..1024).
#[inline]
fn sketch(w: &str) -> usize {
    let b = w.as_bytes();
    let (first, second, last) = match b {
        [] => (0, 0, 0),
        [x] => (*x, 0, *x),
        [x, y, ..] => (*x, *y, b[b.len() - 1]),
    };
    let key = b.len() as u64 | (first as u64) << 16 | (second as u64) << 24 | (last as u64) << 32;
    (mix(0, key) >> 54) as usize
}

impl<V> WordMap<V> {
    /// Whether `w` may be a key (no false negatives).
    #[inline]
    fn may_hold(&self, w: &str) -> bool {
        let s = sketch(w);
        self.filter[s >> 6] & (1 << (s & 63)) != 0
    }

    #[inline]
    pub fn get(&self, w: &str) -> Option<&V> {
        if self.may_hold(w) {
            self.map.get(w)
        } else {
            None
        }
    }

    #[inline]
    pub fn get_key_value(&self, w: &str) -> Option<(&&'static str, &V)> {
        if self.may_hold(w) {
            self.map.get_key_value(w)
        } else {
            None
        }
    }

    #[inline]
    pub fn contains_key(&self, w: &str) -> bool {
        self.may_hold(w) && self.map.contains_key(w)
    }

    #[cfg(test)]
    pub fn keys(&self) -> impl Iterator<Item = &&'static str> {
        self.map.keys()
    }
}

impl<V> FromIterator<(&'static str, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (&'static str, V)>>(iter: I) -> Self {
        let map: HashMap<&'static str, V, HashKeyed> = iter.into_iter().collect();
        let mut filter = [0u64; 16];
        for w in map.keys() {
            let s = sketch(w);
            filter[s >> 6] |= 1 << (s & 63);
        }
        WordMap { map, filter }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_found_and_others_are_not() {
        let words = ["said", "told", "a", "", "according", "über", "co-founder", "mr."];
        let m: WordMap<usize> = words.iter().enumerate().map(|(i, w)| (*w, i)).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m.get(w), Some(&i), "{w}");
            assert!(m.contains_key(w));
            assert_eq!(m.get_key_value(w).map(|(k, _)| *k), Some(*w));
        }
        for w in ["says", "dog", "b", "tell", "mr", "co-founders", "saidx", "über-"] {
            assert!(!m.contains_key(w) && m.get(w).is_none(), "{w}");
        }
        assert_eq!(m.keys().count(), words.len());
    }
}
