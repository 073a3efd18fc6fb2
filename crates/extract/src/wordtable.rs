//! Word -> class bits, tuned for the one lookup every token makes: words of up to 16 bytes
//! are keyed inline in the slots, so a lookup hashes two integers and compares them,
//! without following a pointer to string data. Longer words go to an ordinary map.

use crate::fasthash::FastMap;

/// Words of up to this many bytes live inline.
const INLINE: usize = 16;

#[derive(Debug, Clone, Copy)]
struct Slot {
    a: u64,
    b: u64,
    /// Byte length of the word; [`EMPTY`] marks a free slot.
    len: u32,
    bits: u32,
}

const EMPTY: u32 = u32::MAX;
const FREE: Slot = Slot {
    a: 0,
    b: 0,
    len: EMPTY,
    bits: 0,
};

#[derive(Debug)]
pub(crate) struct WordTable {
    /// Open addressing with linear probing; a power of two, at most half full.
    slots: Vec<Slot>,
    used: usize,
    long: FastMap<String, u32>,
}

impl Default for WordTable {
    fn default() -> Self {
        WordTable {
            slots: vec![FREE; 16],
            used: 0,
            long: FastMap::default(),
        }
    }
}

/// The word as two integers and its length, if it is short enough: its first and last
/// eight bytes (or four, for shorter words), which together with the length determine it.
/// Fixed-size reads only, so no copy loop or call per lookup.
fn key(word: &str) -> Option<(u64, u64, u32)> {
    let w = word.as_bytes();
    let n = w.len();
    let (a, b) = if n > INLINE {
        return None;
    } else if n >= 8 {
        (le64(&w[..8]), le64(&w[n - 8..]))
    } else if n >= 4 {
        (le32(&w[..4]), le32(&w[n - 4..]))
    } else {
        (w.iter().fold(0, |k, &x| k << 8 | u64::from(x)), 0)
    };
    Some((a, b, n as u32))
}

fn le64(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    u64::from_le_bytes(a)
}

fn le32(b: &[u8]) -> u64 {
    let mut a = [0u8; 4];
    a.copy_from_slice(b);
    u64::from(u32::from_le_bytes(a))
}

fn slot_of(a: u64, b: u64, len: u32, mask: usize) -> usize {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let h = (a.wrapping_mul(K).rotate_left(26) ^ b ^ u64::from(len)).wrapping_mul(K);
    // The multiplication mixes upwards: index with the high bits.
    (h >> 32) as usize & mask
}

impl WordTable {
    /// The class bits of `word`, 0 when it has none.
    #[inline]
    pub fn get(&self, word: &str) -> u32 {
        let Some((a, b, len)) = key(word) else {
            return self.long.get(word).copied().unwrap_or(0);
        };
        let mask = self.slots.len() - 1;
        let mut i = slot_of(a, b, len, mask);
        loop {
            let s = &self.slots[i];
            if s.len == EMPTY {
                return 0;
            }
            if s.a == a && s.b == b && s.len == len {
                return s.bits;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds the bits `bits` to the classes of `word`.
    pub fn add(&mut self, word: &str, bits: u32) {
        let Some((a, b, len)) = key(word) else {
            *self.long.entry(word.to_string()).or_default() |= bits;
            return;
        };
        if (self.used + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = slot_of(a, b, len, mask);
        loop {
            let s = &mut self.slots[i];
            if s.len == EMPTY {
                *s = Slot { a, b, len, bits };
                self.used += 1;
                return;
            }
            if s.a == a && s.b == b && s.len == len {
                s.bits |= bits;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![FREE; size]);
        let mask = self.slots.len() - 1;
        for s in old.into_iter().filter(|s| s.len != EMPTY) {
            let mut i = slot_of(s.a, s.b, s.len, mask);
            while self.slots[i].len != EMPTY {
                i = (i + 1) & mask;
            }
            self.slots[i] = s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_long_and_absent_words() {
        let mut t = WordTable::default();
        let long = "a-word-longer-than-sixteen-bytes";
        for (n, w) in ["the", "", "sixteen-bytes-ab", long, "the"]
            .iter()
            .enumerate()
        {
            t.add(w, 1 << n);
        }
        assert_eq!(t.get("the"), 1 | 1 << 4);
        assert_eq!(t.get(""), 2);
        assert_eq!(t.get("sixteen-bytes-ab"), 4);
        assert_eq!(t.get(long), 8);
        assert_eq!(t.get("th"), 0);
        assert_eq!(t.get("the\0"), 0);
        t.add("abcdefghij", 32);
        assert_eq!(t.get("abcdefghij"), 32);
        assert_eq!(t.get("abcdefgxij"), 0);
        assert_eq!(t.get("abcdefghi"), 0);
        for n in 0..1000 {
            t.add(&format!("w{n}"), 16);
        }
        assert!((0..1000).all(|n| t.get(&format!("w{n}")) == 16));
        assert_eq!(t.get("the"), 1 | 1 << 4);
    }
}
