//! Random word soup from news vocabulary and awkward characters: extraction must not panic
//! (the extractor would hide a panic behind an empty result, so the panic hook counts them).

use newsgraph_extract::{Article, Extractor};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

const VOCAB: &[&str] = &[
    "Trump",
    "Putin",
    "Zelensky",
    "Mr",
    "Mr.",
    "U.S.",
    "J.D.",
    "Vance",
    "met",
    "meet",
    "with",
    "between",
    "and",
    "the",
    "two",
    "leaders",
    "Russian",
    "Ukrainian",
    "president",
    "his",
    "he",
    "him",
    "her",
    "she",
    "Kyiv",
    "Kremlin",
    "White",
    "House",
    "in",
    "at",
    "Alaska",
    "on",
    "Friday",
    "next",
    "last",
    "week",
    "August",
    "15",
    "Aug.",
    "2021",
    "May",
    "demanded",
    "that",
    "wants",
    "to",
    "proposed",
    "suggested",
    "floated",
    "talks",
    "summit",
    "call",
    "phone",
    "without",
    "not",
    "n't",
    "'s",
    "’s",
    "'ll",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "—",
    "-",
    ".",
    ",",
    "?",
    "!",
    ":",
    ";",
    "(",
    ")",
    "\n",
    "\n\n",
    "📰",
    "©",
    "Advertisement",
    "date",
    "2025-08-21",
    "trilateral",
    "three-way",
    "a",
    "an",
    "The",
    "Schoolteacher",
    "Anna",
    "Kowalski",
    "Group",
    "Conference",
    "é",
    "İ",
    "ß",
    "ﬁ",
    "\u{a0}",
    "\t",
    "\u{feff}",
    "\u{0}",
    "Ω",
    "日本",
    "٣",
];

#[test]
fn random_text_never_panics() {
    let panics = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&panics);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |_| {
        seen.fetch_add(1, Ordering::SeqCst);
    }));
    let ex = Extractor::builtin().expect("built-in data loads");
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for n in 0..400 {
        let len = (next() % 120) as usize;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(VOCAB[(next() % VOCAB.len() as u64) as usize]);
            if next() % 4 != 0 {
                text.push(' ');
            }
        }
        let d = ex.extract(&Article::new(format!("f{n}"), text, None));
        assert_eq!(d.doc.id, format!("f{n}"));
    }
    std::panic::set_hook(previous);
    assert_eq!(panics.load(Ordering::SeqCst), 0, "extraction panicked");
}
