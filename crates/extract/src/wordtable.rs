//! Word -> class bits and phrase-word id, tuned for the one lookup every token makes: words
//! of up to 16 bytes are keyed inline in the slots, so a lookup hashes two integers and
//! compares them, without following a pointer to string data. Longer words go to an
//! ordinary map. A byte per slot (a tag of the hash) sits in an array of its own, small
//! enough to stay in cache: most words of running text are in no list, and their lookups
//! end in the tags without reading a slot.

use crate::fasthash::FastMap;

/// Words of up to this many bytes live inline.
const INLINE: usize = 16;

/// What one lookup tells about a word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    /// Lexicon word classes.
    pub bits: u32,
    /// Id of the word in the phrase vocabulary (see [`WordTable::intern`]); 0 when no
    /// phrase has it.
    pub id: u32,
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    a: u64,
    b: u64,
    /// Byte length of the word in the low byte, its phrase-word id above. Packed so a slot
    /// stays 24 bytes.
    meta: u32,
    bits: u32,
}

/// What a free slot holds; whether a slot is free is its tag's to say.
const FREE: Slot = Slot {
    a: 0,
    b: 0,
    meta: 0,
    bits: 0,
};

/// Ids must leave the low byte to the length.
const MAX_ID: u32 = (1 << 24) - 2;

#[derive(Debug)]
pub(crate) struct WordTable {
    /// Open addressing with linear probing; a power of two, at most half full.
    slots: Vec<Slot>,
    /// Per slot: 0 when free, else [`tag`] of the word's hash.
    tags: Vec<u8>,
    used: usize,
    long: FastMap<String, WordInfo>,
    /// Phrase-word ids handed out so far.
    ids: u32,
}

impl Default for WordTable {
    fn default() -> Self {
        WordTable {
            slots: vec![FREE; 16],
            tags: vec![0; 16],
            used: 0,
            long: FastMap::default(),
            ids: 0,
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

/// The word's hash: the slot index comes from bits 32 and up, the tag from the top byte,
/// which indexes do not reach below 2^24 slots.
fn hash(a: u64, b: u64, len: u32) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    // The multiplication mixes upwards: index and tag come from the high bits.
    (a.wrapping_mul(K).rotate_left(26) ^ b ^ u64::from(len)).wrapping_mul(K)
}

fn slot_of(h: u64, mask: usize) -> usize {
    (h >> 32) as usize & mask
}

/// Never 0, which marks a free slot.
fn tag(h: u64) -> u8 {
    (h >> 56) as u8 | 0x80
}

impl WordTable {
    /// The classes and phrase-word id of `word`; zeros when it has none.
    #[inline]
    pub fn get(&self, word: &str) -> WordInfo {
        let Some((a, b, len)) = key(word) else {
            return self.long.get(word).copied().unwrap_or_default();
        };
        match self.find(a, b, len) {
            Ok(i) => {
                let s = &self.slots[i];
                WordInfo {
                    bits: s.bits,
                    id: s.meta >> 8,
                }
            }
            Err(_) => WordInfo::default(),
        }
    }

    /// The slot holding the word, or the free slot where it would go.
    #[inline]
    fn find(&self, a: u64, b: u64, len: u32) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let h = hash(a, b, len);
        let want = tag(h);
        let mut i = slot_of(h, mask);
        loop {
            let t = self.tags[i];
            if t == 0 {
                return Err(i);
            }
            if t == want {
                let s = &self.slots[i];
                if s.a == a && s.b == b && s.meta & 0xff == len {
                    return Ok(i);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Applies `f` to the entry of `word`, made (with no classes and no id) if it is new.
    fn update(&mut self, word: &str, f: impl FnOnce(&mut WordInfo)) {
        let Some((a, b, len)) = key(word) else {
            f(self.long.entry(word.to_string()).or_default());
            return;
        };
        if (self.used + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let i = match self.find(a, b, len) {
            Ok(i) => i,
            Err(i) => {
                self.slots[i] = Slot {
                    a,
                    b,
                    meta: len,
                    bits: 0,
                };
                self.tags[i] = tag(hash(a, b, len));
                self.used += 1;
                i
            }
        };
        let s = &mut self.slots[i];
        let mut info = WordInfo {
            bits: s.bits,
            id: s.meta >> 8,
        };
        f(&mut info);
        s.bits = info.bits;
        s.meta = len | info.id << 8;
    }

    /// Adds the bits `bits` to the classes of `word`.
    pub fn add(&mut self, word: &str, bits: u32) {
        self.update(word, |w| w.bits |= bits);
    }

    /// The phrase-word id of `word`, handing out the next one if it has none yet; `None`
    /// once ids run out.
    pub fn intern(&mut self, word: &str) -> Option<u32> {
        let next = self.ids + 1;
        let mut fresh = false;
        let mut id = 0;
        self.update(word, |w| {
            if w.id == 0 && next <= MAX_ID {
                w.id = next;
                fresh = true;
            }
            id = w.id;
        });
        if fresh {
            self.ids = next;
        }
        (id != 0).then_some(id)
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![FREE; size]);
        let old_tags = std::mem::replace(&mut self.tags, vec![0; size]);
        let mask = size - 1;
        for (s, _) in old.into_iter().zip(old_tags).filter(|&(_, t)| t != 0) {
            let h = hash(s.a, s.b, s.meta & 0xff);
            let mut i = slot_of(h, mask);
            while self.tags[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = s;
            self.tags[i] = tag(h);
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
        let bits = |t: &WordTable, w: &str| t.get(w).bits;
        assert_eq!(bits(&t, "the"), 1 | 1 << 4);
        assert_eq!(bits(&t, ""), 2);
        assert_eq!(bits(&t, "sixteen-bytes-ab"), 4);
        assert_eq!(bits(&t, long), 8);
        assert_eq!(bits(&t, "th"), 0);
        assert_eq!(bits(&t, "the\0"), 0);
        t.add("abcdefghij", 32);
        assert_eq!(bits(&t, "abcdefghij"), 32);
        assert_eq!(bits(&t, "abcdefgxij"), 0);
        assert_eq!(bits(&t, "abcdefghi"), 0);
        for n in 0..1000 {
            t.add(&format!("w{n}"), 16);
        }
        assert!((0..1000).all(|n| bits(&t, &format!("w{n}")) == 16));
        assert_eq!(bits(&t, "the"), 1 | 1 << 4);
    }

    #[test]
    fn ids_are_stable_distinct_and_keep_classes() {
        let mut t = WordTable::default();
        let long = "a-word-longer-than-sixteen-bytes";
        t.add("the", 1);
        let the = t.intern("the");
        let l = t.intern(long);
        let fresh = t.intern("putin");
        assert_eq!((the, l, fresh), (Some(1), Some(2), Some(3)));
        assert_eq!(t.intern("the"), Some(1));
        assert_eq!(t.get("the"), WordInfo { bits: 1, id: 1 });
        assert_eq!(t.get(long).id, 2);
        assert_eq!(t.get("putin"), WordInfo { bits: 0, id: 3 });
        assert_eq!(t.get("absent"), WordInfo::default());
        for n in 0..1000 {
            t.intern(&format!("w{n}"));
        }
        t.add("putin", 4);
        assert_eq!(t.get("putin"), WordInfo { bits: 4, id: 3 });
        assert_eq!(t.get("w999").id, 1003);
    }
}
