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
pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = 0x243F_6A88_85A3_08D3u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(buf));
    }
    finish(mix(h, b.len() as u64))
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
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

/// `HashMap<u64, V, HashKeyed>` for pre-hashed keys; also a fast hasher for
/// sets of words (other keys are mixed in byte by byte).
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
}
