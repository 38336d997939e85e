//! The feature table used at inference: open addressing (linear probing)
//! from feature key to its weight row, with software prefetch so that the
//! lookups of a whole sentence overlap their cache misses instead of paying
//! them one after another.

/// Weight rows by feature key. Key 0 marks an empty slot and is never stored.
#[derive(Clone, Debug, Default)]
pub(crate) struct Table {
    mask: usize,
    slots: Vec<Slot>,
    len: usize,
}

#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(16))]
struct Slot {
    key: u64,
    start: u32,
    end: u32,
}

impl Table {
    /// A table for `n` keys (load factor at most 1/2).
    pub(crate) fn with_capacity(n: usize) -> Table {
        let size = (2 * n.max(8)).next_power_of_two();
        Table {
            mask: size - 1,
            slots: vec![Slot::default(); size],
            len: 0,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Insert or replace; key 0 is ignored (it cannot come out of the feature hash in practice).
    pub(crate) fn insert(&mut self, key: u64, start: u32, end: u32) {
        if key == 0 {
            return;
        }
        if 2 * (self.len + 1) > self.slots.len() {
            let old = std::mem::replace(self, Table::with_capacity(self.len + 1));
            for s in old.slots.iter().filter(|s| s.key != 0) {
                self.insert(s.key, s.start, s.end);
            }
        }
        let mut i = key as usize & self.mask;
        loop {
            let s = &mut self.slots[i];
            if s.key == 0 || s.key == key {
                self.len += usize::from(s.key == 0);
                *s = Slot { key, start, end };
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The row range of `key`.
    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<(u32, u32)> {
        let mut i = key as usize & self.mask;
        loop {
            let s = self.slots.get(i)?;
            if s.key == key && key != 0 {
                return Some((s.start, s.end));
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Hint the CPU to load the slot of `key`.
    #[inline]
    pub(crate) fn prefetch(&self, key: u64) {
        if let Some(s) = self.slots.get(key as usize & self.mask) {
            prefetch(s as *const Slot as *const u8);
        }
    }

    /// All entries (key, start, end).
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u64, u32, u32)> + '_ {
        self.slots
            .iter()
            .filter(|s| s.key != 0)
            .map(|s| (s.key, s.start, s.end))
    }
}

/// Prefetch one cache line (no-op where unsupported).
#[inline]
pub(crate) fn prefetch(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint; it never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch(p as *const i8, std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_get_grow() {
        let mut t = Table::with_capacity(2);
        for k in 1..1000u64 {
            t.insert(k.wrapping_mul(0x9E37_79B9_7F4A_7C15), k as u32, k as u32 + 1);
        }
        assert_eq!(t.len(), 999);
        for k in 1..1000u64 {
            assert_eq!(
                t.get(k.wrapping_mul(0x9E37_79B9_7F4A_7C15)),
                Some((k as u32, k as u32 + 1))
            );
        }
        assert_eq!(t.get(12345), None);
        assert_eq!(t.get(0), None);
        t.insert(0, 1, 2);
        assert_eq!(t.len(), 999);
        assert_eq!(t.iter().count(), 999);
    }
}
