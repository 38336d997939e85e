//! A little-endian reader over the bytes of a model file: every read names
//! the part it reads, so a short file says which part is cut and where.
//!
//! ```
//! use newsdesk_core::bytes::ByteReader;
//! let bytes = [7, 0, 0, 0, 0, 0, 128, 63];
//! let mut r = ByteReader::new(&bytes);
//! assert_eq!(r.u32("count").unwrap(), 7);
//! assert_eq!(r.f32s(1, "scale").unwrap(), [1.0]);
//! let e = r.u64("checksum").unwrap_err();
//! assert_eq!(e.to_string(), "checksum needs 8 bytes at offset 8, 0 left");
//! ```
use thiserror::Error;

/// A read past the end: which part, how many bytes it needs, where it
/// starts and how many bytes were left there.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[error("{part} needs {needed} bytes at offset {offset}, {left} left")]
pub struct Truncated {
    pub part: String,
    pub needed: usize,
    pub offset: usize,
    pub left: usize,
}

/// Reads little-endian values from a byte slice, front to back.
#[derive(Clone, Debug)]
pub struct ByteReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        ByteReader { bytes, pos: 0 }
    }

    /// A reader at offset `pos` of `bytes` (after a prefix checked by hand,
    /// such as a magic); offsets in errors stay offsets into `bytes`.
    ///
    /// # Panics
    /// If `pos` is past the end of `bytes`.
    pub fn at(bytes: &'a [u8], pos: usize) -> Self {
        assert!(pos <= bytes.len(), "offset {pos} past the end of {} bytes", bytes.len());
        ByteReader { bytes, pos }
    }

    /// The offset of the next read.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// How many bytes are left to read.
    pub fn left(&self) -> usize {
        self.bytes.len() - self.pos
    }

    /// The next `n` bytes, as `part`.
    pub fn take(&mut self, n: usize, part: &str) -> Result<&'a [u8], Truncated> {
        if n > self.left() {
            return Err(Truncated {
                part: part.to_string(),
                needed: n,
                offset: self.pos,
                left: self.left(),
            });
        }
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    /// The next `N` bytes as an array.
    fn array<const N: usize>(&mut self, part: &str) -> Result<[u8; N], Truncated> {
        Ok(self.take(N, part)?.try_into().expect("N bytes"))
    }

    pub fn u32(&mut self, part: &str) -> Result<u32, Truncated> {
        self.array(part).map(u32::from_le_bytes)
    }

    pub fn u64(&mut self, part: &str) -> Result<u64, Truncated> {
        self.array(part).map(u64::from_le_bytes)
    }

    /// `n` values `u64`, as `part`.
    pub fn u64s(&mut self, n: usize, part: &str) -> Result<Vec<u64>, Truncated> {
        let b = self.take(n.saturating_mul(8), part)?;
        Ok(b.chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
            .collect())
    }

    /// `n` values `f32`, as `part`.
    pub fn f32s(&mut self, n: usize, part: &str) -> Result<Vec<f32>, Truncated> {
        let b = self.take(n.saturating_mul(4), part)?;
        Ok(b.chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let mut b = vec![0xAA, 0xBB];
        b.extend(0xDEAD_BEEFu32.to_le_bytes());
        b.extend(u64::MAX.wrapping_sub(5).to_le_bytes());
        b.extend([1u64, 1 << 40].iter().flat_map(|v| v.to_le_bytes()));
        b.extend([1.5f32, -0.25, f32::MIN_POSITIVE].iter().flat_map(|v| v.to_le_bytes()));
        b
    }

    /// Read every field of [`sample`]; the first error, if any.
    fn read_all(bytes: &[u8]) -> Result<(), Truncated> {
        let mut r = ByteReader::new(bytes);
        assert_eq!(r.take(2, "tag")?, [0xAA, 0xBB]);
        assert_eq!(r.u32("count")?, 0xDEAD_BEEF);
        assert_eq!(r.u64("length")?, u64::MAX - 5);
        assert_eq!(r.u64s(2, "hashes")?, [1, 1 << 40]);
        assert_eq!(r.f32s(3, "weights")?, [1.5, -0.25, f32::MIN_POSITIVE]);
        assert_eq!((r.pos(), r.left()), (bytes.len(), 0));
        Ok(())
    }

    #[test]
    fn reads_values_in_order() {
        let bytes = sample();
        read_all(&bytes).unwrap();
        let mut r = ByteReader::at(&bytes, 2);
        assert_eq!((r.pos(), r.left()), (2, bytes.len() - 2));
        assert_eq!(r.u32("count").unwrap(), 0xDEAD_BEEF);
        assert_eq!(r.take(0, "nothing").unwrap(), b"");
        assert_eq!(r.f32s(0, "none").unwrap(), Vec::<f32>::new());
        assert_eq!(r.pos(), 6);
    }

    #[test]
    fn truncation_at_every_field_names_the_part() {
        let bytes = sample();
        // (first byte of the field, its part, its size)
        let fields = [
            (0, "tag", 2),
            (2, "count", 4),
            (6, "length", 8),
            (14, "hashes", 16),
            (30, "weights", 12),
        ];
        for cut in 0..bytes.len() {
            let &(offset, part, needed) = fields.iter().rev().find(|f| f.0 <= cut).unwrap();
            let e = read_all(&bytes[..cut]).unwrap_err();
            let want = Truncated {
                part: part.into(),
                needed,
                offset,
                left: cut - offset,
            };
            assert_eq!(e, want, "cut {cut}");
            assert_eq!(
                e.to_string(),
                format!("{part} needs {needed} bytes at offset {offset}, {} left", cut - offset)
            );
        }
    }

    #[test]
    fn failed_reads_do_not_move() {
        let bytes = sample();
        let mut r = ByteReader::at(&bytes, 38);
        assert!(r.u64("x").is_err());
        assert_eq!(r.pos(), 38);
        assert_eq!(r.u32("y").unwrap(), f32::MIN_POSITIVE.to_bits());
    }

    #[test]
    fn huge_counts_are_truncation_not_overflow() {
        let bytes = sample();
        let mut r = ByteReader::at(&bytes, 1);
        for n in [usize::MAX, usize::MAX / 2, usize::MAX / 4 + 1, usize::MAX / 8 + 1] {
            let e = r.take(n, "t").unwrap_err();
            assert_eq!((e.needed, e.offset, e.left), (n, 1, bytes.len() - 1));
            assert_eq!(r.f32s(n, "f").unwrap_err().needed, n.saturating_mul(4));
            assert_eq!(r.u64s(n, "u").unwrap_err().needed, n.saturating_mul(8));
        }
        assert_eq!(r.pos(), 1);
    }

    #[test]
    #[should_panic(expected = "past the end")]
    fn starting_past_the_end_panics() {
        ByteReader::at(&[1, 2], 3);
    }
}
