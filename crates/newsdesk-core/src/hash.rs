//! The stable hashes of newsdesk and the hasher for maps keyed by them.
//!
//! [`hash_str`] keys the NER model's features and gazetteer; [`fnv1a64`] keys
//! the stance models' words and the headlines of their dev split. Both are
//! part of model file formats: their values never change.
//! [`HashKeyed`] builds maps over keys that already are such hashes, and is a
//! fast (not DoS-resistant) hasher for fixed word lists.
//!
//! ```
//! use newsdesk_core::hash::{hash_str, HashKeyed};
//! let mut seen: std::collections::HashMap<u64, &str, HashKeyed> = Default::default();
//! seen.insert(hash_str("Washington"), "Washington");
//! assert_eq!(seen[&hash_str("Washington")], "Washington");
//! ```
use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Mix a value into a running hash.
#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(26) ^ x).wrapping_mul(K)
}

/// Hash of a string (little-endian 8-byte chunks, then the length).
#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Hash of a byte string (see [`hash_str`]).
#[inline]
pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = StreamHash::new();
    h.write(b);
    h.finish()
}

/// [`hash_bytes`] of a byte string given in pieces, without joining them:
/// `hash_str("before&dw1")` of `"before"`, `"&"`, `"dw1"`.
///
/// ```
/// use newsdesk_core::hash::{hash_str, StreamHash};
/// let mut h = StreamHash::new();
/// for part in ["before", "&", "dw1"] {
///     h.write(part.as_bytes());
/// }
/// assert_eq!(h.finish(), hash_str("before&dw1"));
/// ```
#[derive(Clone, Copy)]
pub struct StreamHash {
    h: u64,
    /// Bytes not yet mixed in (fewer than 8), in the low bytes, little-endian.
    pending: u64,
    /// How many bytes `pending` holds.
    held: usize,
    len: u64,
}

impl Default for StreamHash {
    fn default() -> Self {
        StreamHash::new()
    }
}

impl StreamHash {
    #[inline]
    pub fn new() -> StreamHash {
        StreamHash {
            h: 0x243F_6A88_85A3_08D3,
            pending: 0,
            held: 0,
            len: 0,
        }
    }

    /// Append bytes.
    #[inline]
    pub fn write(&mut self, mut b: &[u8]) {
        self.len += b.len() as u64;
        while self.held > 0 && !b.is_empty() {
            self.pending |= (b[0] as u64) << (8 * self.held);
            self.held += 1;
            b = &b[1..];
            if self.held == 8 {
                self.h = mix(self.h, self.pending);
                self.pending = 0;
                self.held = 0;
            }
        }
        if b.is_empty() {
            return;
        }
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            self.h = mix(self.h, u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        for (i, &x) in chunks.remainder().iter().enumerate() {
            self.pending |= (x as u64) << (8 * i);
        }
        self.held = chunks.remainder().len();
    }

    /// The hash of everything written.
    #[inline]
    pub fn finish(self) -> u64 {
        let h = if self.held > 0 {
            mix(self.h, self.pending)
        } else {
            self.h
        };
        finish(mix(h, self.len))
    }
}

/// Final avalanche (murmur3 fmix64), so low bits are usable directly.
#[inline]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// FNV-1a 64 of a byte string (the stance models' word and headline key).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A `Hasher` for keys that already are well-mixed `u64` hashes.
#[derive(Default, Clone, Copy)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix(self.0, hash_bytes(bytes));
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

/// `HashMap<u64, V, HashKeyed>` for pre-hashed keys; also a fast hasher for
/// sets of words (other keys are mixed in by their [`hash_bytes`]).
pub type HashKeyed = BuildHasherDefault<PassThrough>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_values() {
        // Model files depend on these exact values.
        assert_eq!(hash_str("Washington"), 1556304844277921744);
        assert_ne!(hash_str("a"), hash_str("b"));
        assert_ne!(hash_str("abcdefgh"), hash_str("abcdefgh\0"));
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn a_hash_in_pieces_is_the_hash_of_the_whole() {
        let text = "c_standalone&nx2=according to the ministry’s spokesman";
        for a in 0..text.len() {
            for b in a..text.len() {
                let mut h = StreamHash::new();
                for part in [&text.as_bytes()[..a], &text.as_bytes()[a..b], &text.as_bytes()[b..]] {
                    h.write(part);
                }
                assert_eq!(h.finish(), hash_bytes(text.as_bytes()), "split at {a}, {b}");
            }
        }
    }
}
