//! Multi-word phrases (gazetteer names, trigger phrases) matched token by token: a trie over
//! word ids. A token's id comes with the class lookup it makes anyway, so matching at a
//! token costs one small-integer map step per word of the phrase, and no byte of text is
//! read again.

use crate::fasthash::FastMap;

/// Phrases as paths of word ids; a node ending a phrase holds its index.
#[derive(Debug, Default)]
pub(crate) struct PhraseTrie {
    /// (node, word id) -> child node; node 0 is the root.
    edges: FastMap<u64, u32>,
    /// Per node: index of the phrase ending there, plus one; 0 for none.
    ends: Vec<u32>,
    /// The root's children by word id (0: none): every token starts a lookup there, and
    /// most end at once, so that first step is an array read, not a hash probe.
    root: Vec<u32>,
}

fn edge(node: u32, word: u32) -> u64 {
    u64::from(node) << 32 | u64::from(word)
}

impl PhraseTrie {
    /// Phrase `i` is `phrases[i]`: normalised words joined by single spaces. `intern` gives
    /// each word its id (never 0); a phrase with a word it cannot name is left out. Of equal
    /// phrases the first is kept.
    pub fn build<'a>(
        phrases: impl IntoIterator<Item = &'a str>,
        mut intern: impl FnMut(&str) -> Option<u32>,
    ) -> PhraseTrie {
        let mut trie = PhraseTrie {
            edges: FastMap::default(),
            ends: vec![0],
            root: Vec::new(),
        };
        'phrases: for (index, phrase) in phrases.into_iter().enumerate() {
            if phrase.is_empty() {
                continue;
            }
            let mut path = Vec::new();
            for w in phrase.split(' ') {
                match intern(w) {
                    Some(id) => path.push(id),
                    None => continue 'phrases,
                }
            }
            let mut node = 0u32;
            for id in path {
                let fresh = trie.ends.len() as u32;
                node = *trie.edges.entry(edge(node, id)).or_insert_with(|| fresh);
                if node == fresh {
                    trie.ends.push(0);
                }
            }
            if let Some(end) = trie.ends.get_mut(node as usize) {
                if *end == 0 {
                    *end = index as u32 + 1;
                }
            }
        }
        for (&e, &child) in &trie.edges {
            let (node, word) = ((e >> 32) as u32, e as u32 as usize);
            if node == 0 {
                if trie.root.len() <= word {
                    trie.root.resize(word + 1, 0);
                }
                trie.root[word] = child;
            }
        }
        trie
    }

    /// The longest phrase whose words are `ids[i..=j]`, as (phrase index, j).
    #[inline]
    pub fn longest(&self, ids: &[u32], i: usize) -> Option<(usize, usize)> {
        let mut node = match ids.get(i).and_then(|&id| self.root.get(id as usize)) {
            Some(&first) if first != 0 => first,
            _ => return None,
        };
        let mut best = None;
        for (j, &id) in ids.iter().enumerate().skip(i) {
            if j > i {
                if id == 0 {
                    break;
                }
                match self.edges.get(&edge(node, id)) {
                    Some(&next) => node = next,
                    None => break,
                }
            }
            if let Some(&end) = self.ends.get(node as usize) {
                if end != 0 {
                    best = Some((end as usize - 1, j));
                }
            }
        }
        best
    }

    /// Number of phrases' nodes, root included.
    #[cfg(test)]
    fn nodes(&self) -> usize {
        self.ends.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn vocab() -> impl FnMut(&str) -> Option<u32> {
        let mut ids: HashMap<String, u32> = HashMap::new();
        move |w| {
            let next = ids.len() as u32 + 1;
            Some(*ids.entry(w.to_string()).or_insert(next))
        }
    }

    fn ids_of(words: &str, intern: &mut impl FnMut(&str) -> Option<u32>) -> Vec<u32> {
        words.split(' ').map(|w| intern(w).unwrap_or(0)).collect()
    }

    #[test]
    fn longest_phrase_at_a_token_wins() {
        let mut v = vocab();
        let t = PhraseTrie::build(
            [
                "united states",
                "united states of america",
                "united",
                "met with",
                "met",
            ],
            &mut v,
        );
        let text = ids_of("the united states of america met with", &mut v);
        assert_eq!(t.longest(&text, 1), Some((1, 4)));
        assert_eq!(t.longest(&text, 5), Some((3, 6)));
        assert_eq!(t.longest(&text, 0), None);
        let short = ids_of("united states of", &mut v);
        assert_eq!(t.longest(&short, 0), Some((0, 1)));
        assert_eq!(t.longest(&short, 3), None);
    }

    #[test]
    fn duplicates_keep_the_first_and_unknown_words_stop() {
        let mut v = vocab();
        let t = PhraseTrie::build(["a b", "a b", ""], &mut v);
        assert_eq!(t.nodes(), 3);
        assert_eq!(t.longest(&[1, 2], 0), Some((0, 1)));
        assert_eq!(t.longest(&[1, 0, 2], 0), None);
        let none = PhraseTrie::build(["x y"], |_| None);
        assert_eq!(none.nodes(), 1);
    }
}
