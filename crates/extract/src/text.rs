//! Sentences and tokens over the original text: every span is a byte range into it.

use crate::lexicon::IdSet;
use crate::phrases::PhraseTrie;
use crate::wordtable::WordInfo;
use std::borrow::Cow;

/// Longest sentence in bytes; longer runs are cut so work per sentence stays bounded.
pub(crate) const MAX_SENTENCE: usize = 3000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Punct,
}

/// A token: byte span in the article and span of its normalised form in the sentence's
/// normalised string (lower case, straight quotes, ASCII dashes).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    /// Private: `Tokens::word` relies on them being char boundaries of `Tokens::norm`.
    ns: usize,
    ne: usize,
    pub kind: TokKind,
    /// First character is upper case.
    pub cap: bool,
    /// Has letters and none is lower case.
    pub upper: bool,
    /// Inside a double-quoted span.
    pub quoted: bool,
}

/// Tokens of one sentence and their normalised forms joined by single spaces.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    /// Written only by [`tokenize_into`], together with `norm`, so that every token's
    /// `ns..ne` lies on char boundaries of `norm`.
    toks: Vec<Token>,
    norm: String,
    /// Lexicon word classes per token, looked up once as the token is made; later tests
    /// are bit tests.
    pub cls: Vec<u32>,
    /// Phrase-word id per token (0: in no phrase), from the same lookup.
    pub ids: Vec<u32>,
}

impl Tokens {
    /// The hot path of every rule: checking char boundaries here cost a tenth of all
    /// extraction instructions.
    pub fn word(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => {
                debug_assert!(self.norm.get(t.ns..t.ne).is_some());
                // SAFETY: `toks` and `norm` are private and written together by
                // `tokenize_into`, which records `ns` and `ne` as `norm.len()` right before
                // and after appending whole characters, so both are char boundaries of
                // `norm` and `ns <= ne`.
                unsafe { self.norm.get_unchecked(t.ns..t.ne) }
            }
            None => "",
        }
    }
    pub fn toks(&self) -> &[Token] {
        &self.toks
    }
    /// The normalised words joined by single spaces.
    pub fn into_norm(self) -> String {
        self.norm
    }
    pub fn len(&self) -> usize {
        self.toks.len()
    }
    /// First byte of the normalised word `i`: a cheap test that rules most words out before
    /// comparing whole words.
    pub fn first_byte(&self, i: usize) -> Option<u8> {
        self.toks
            .get(i)
            .and_then(|t| self.norm.as_bytes().get(t.ns).filter(|_| t.ne > t.ns))
            .copied()
    }
    /// Words `i` and `i + 1` joined by a space, read from the normalised string without
    /// allocating; `None` when either is missing.
    pub fn pair(&self, i: usize) -> Option<&str> {
        let a = self.toks.get(i)?;
        let b = self.toks.get(i + 1)?;
        self.norm.get(a.ns..b.ne)
    }
    /// Whether the word id of token `i` is in `set` (a one-word lexicon list).
    pub fn id_in(&self, i: usize, set: &IdSet) -> bool {
        self.ids.get(i).is_some_and(|&id| set.contains(id))
    }
    /// Whether token `i` is in any of the word classes `bits`.
    pub fn is(&self, i: usize, bits: u32) -> bool {
        self.cls.get(i).is_some_and(|c| c & bits != 0)
    }
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }
    pub fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }
    /// Where the run of `words` that ends right before token `k` starts, not below `floor`
    /// (`k` itself when none of them stands there).
    pub fn back_over(&self, mut k: usize, floor: usize, words: &[&str]) -> usize {
        while k > floor && words.contains(&self.word(k - 1)) {
            k -= 1;
        }
        k
    }
    /// Whether the `to` at token `k` names a journey's destination: `flew to`, `travel on
    /// to`, `went back to`.
    pub fn journey_to(&self, k: usize) -> bool {
        use crate::lexicon::class::TRAVEL;
        k > 0
            && self.word(k) == "to"
            && (self.is(k - 1, TRAVEL)
                || (k > 1 && matches!(self.word(k - 1), "on" | "back") && self.is(k - 2, TRAVEL)))
    }

    /// Whether `on` locates the place named by tokens `t0..t1` (`On Rustaveli Avenue, …`,
    /// `on the island of Lifou`). Elsewhere `on` gives a topic (`talks on the Nile dam`),
    /// so only an opening `On` before a comma and an island qualify.
    pub fn on_locative(&self, t0: usize, t1: usize) -> bool {
        let b = self.back_over(t0, 0, &["the"]);
        if b == 1 && self.word(0) == "on" && self.word(t1) == "," {
            return true;
        }
        // `on the island of`, `on the Greek island of`
        b > 2
            && self.word(b - 1) == "of"
            && matches!(self.word(b - 2), "island" | "islands" | "atoll")
            && (b.saturating_sub(6)..b - 2)
                .rev()
                .take_while(|&q| self.is_word(q))
                .any(|q| self.word(q) == "on")
    }

    /// Whether token `k` reads as a verb in the past (`met`, `demanded`).
    pub fn past_form(&self, k: usize) -> bool {
        self.is(k, crate::lexicon::class::PAST) || self.word(k).ends_with("ed")
    }

    /// Whether token `k` is a lower-case verb that opens a predicate: in the past, or in one
    /// of the word classes `bits` (trigger words, reporting verbs…).
    pub fn verb_at(&self, k: usize, bits: u32) -> bool {
        self.is_word(k) && !self.cap(k) && (self.is(k, bits) || self.past_form(k))
    }

    /// Whether token `k` is in no lexicon list (nor starts a gazetteer name).
    pub fn unlisted(&self, k: usize) -> bool {
        self.cls.get(k) == Some(&0)
    }

    /// Whether token `k` is the period of an abbreviation (`Mr.`, `Gen.`), which ends no
    /// phrase.
    pub fn abbrev_dot(&self, k: usize) -> bool {
        k > 0
            && self.is(k - 1, crate::lexicon::class::ABBREV)
            && self.word(k) == "."
            && self.touching(k - 1)
    }

    /// Whether token `k` is a lower-case word qualifying the title after it (`opposition
    /// leader`, `personal envoy`).
    pub fn title_qualifier(&self, k: usize) -> bool {
        use crate::lexicon::class::{PAST, REPORTING, STOP, TITLE, TRIGGER_START};
        self.is_word(k)
            && !self.cap(k)
            && self.is(k + 1, TITLE)
            && !self.is(k, STOP | TRIGGER_START | REPORTING | PAST)
    }

    /// Whether the name at tokens `t0..t1` names the site of a facility placed by `in` or
    /// `at` (`in the disused Nicosia airport`, `at the old Jeddah port`).
    pub fn facility_site(&self, t0: usize, t1: usize) -> bool {
        use crate::lexicon::class::LOC_SUFFIX;
        self.is_word(t1)
            && !self.cap(t1)
            && self.is(t1, LOC_SUFFIX)
            && (t0.saturating_sub(4)..t0)
                .rev()
                .take_while(|&q| self.is_word(q) && !self.cap(q))
                .any(|q| matches!(self.word(q), "in" | "at"))
    }

    /// Whether token `i` ends where token `i + 1` starts, with no space between (the
    /// hyphen of `Yerevan-based`, the period of `U.S.`).
    pub fn touching(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }
}

impl Tokens {
    /// The longest phrase of `trie` that starts at token `i`, as (phrase, last token).
    pub fn phrase_at(&self, trie: &PhraseTrie, i: usize) -> Option<(usize, usize)> {
        trie.longest(&self.ids, i)
    }
}

const CLITICS: [&str; 7] = ["s", "t", "ll", "re", "ve", "d", "m"];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

fn norm_punct(c: char) -> char {
    match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' => '\'',
        '\u{2014}' | '\u{2013}' | '\u{2012}' | '\u{2015}' | '\u{2010}' | '\u{2011}' => '-',
        c => c,
    }
}

/// The character at byte `i` and its length; `i` must be a character boundary.
fn char_at(s: &str, i: usize) -> (char, usize) {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (b as char, 1),
        Some(_) => s
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or((' ', 1), |c| (c, c.len_utf8())),
        None => (' ', 1),
    }
}

/// Curly quotes, dashes and the like: no letter, digit or space among them. News text is
/// full of them, and testing them first spares the Unicode tables' binary searches.
fn general_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}')
}

fn is_alnum(c: char) -> bool {
    !general_punctuation(c) && c.is_alphanumeric()
}

fn is_letter(c: char) -> bool {
    !general_punctuation(c) && c.is_alphabetic()
}

fn is_space(c: char) -> bool {
    !general_punctuation(c) && c.is_whitespace()
}

fn is_clitic(tail: &str) -> bool {
    CLITICS.iter().any(|c| tail.eq_ignore_ascii_case(c))
}

/// End of the letters starting at byte `from`.
fn letters_end(s: &str, from: usize) -> usize {
    let mut k = from;
    while k < s.len() {
        let (c, l) = char_at(s, k);
        if !is_letter(c) {
            break;
        }
        k += l;
    }
    k
}

fn push_lower(norm: &mut String, c: char) {
    if c.is_ascii() {
        norm.push(c.to_ascii_lowercase());
    } else {
        norm.extend(c.to_lowercase());
    }
}

/// Tokenises `text[start..end]`; `quoted` carries the double-quote state across calls.
pub(crate) fn tokenize(text: &str, start: usize, end: usize, quoted: &mut bool) -> Tokens {
    let mut out = Tokens::default();
    tokenize_into(text, start, end, quoted, &mut out, |_| WordInfo::default());
    out
}

/// Class bits of ASCII bytes, so the tokenizer's hot loop is one table lookup per byte.
mod ascii {
    pub const SPACE: u8 = 1;
    pub const ALNUM: u8 = 2;
    pub const LOWER: u8 = 4;
    pub const LETTER: u8 = 8;
    pub const UPPER: u8 = 16;

    /// Bits of every byte; bytes of multi-byte characters have none.
    pub static CLASS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            t[b] = if c.is_ascii_lowercase() {
                ALNUM | LOWER | LETTER
            } else if c.is_ascii_uppercase() {
                ALNUM | LETTER | UPPER
            } else if c.is_ascii_digit() {
                ALNUM
            } else if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
                // Exactly the ASCII characters `char::is_whitespace` accepts.
                SPACE
            } else {
                0
            };
            b += 1;
        }
        t
    };
}

/// Appends the ASCII letters and digits from `j` to `norm`, lower-cased; returns where they
/// end and the union of their class bits. The run is found with the class table alone, then
/// copied as one slice and lowered only if it has a capital.
fn ascii_run(slice: &str, j: usize, norm: &mut String) -> (usize, u8) {
    let rest = slice.as_bytes().get(j..).unwrap_or(&[]);
    let mut bits = 0;
    let mut k = 0;
    for &b in rest {
        let c = ascii::CLASS[b as usize];
        if c & ascii::ALNUM == 0 {
            break;
        }
        bits |= c;
        k += 1;
    }
    let from = norm.len();
    // An ASCII run ends on a character boundary.
    norm.push_str(slice.get(j..j + k).unwrap_or(""));
    if bits & ascii::UPPER != 0 {
        if let Some(added) = norm.get_mut(from..) {
            added.make_ascii_lowercase();
        }
    }
    (j + k, bits)
}

/// Scans the word starting at byte `i` (a letter or digit), appending its normalised form
/// to `norm`. Returns its end and whether it has letters, none of them lower case.
fn scan_word(slice: &str, i: usize, norm: &mut String) -> (usize, bool) {
    let len = slice.len();
    let (mut has_lower, mut has_letter) = (false, false);
    let mut j = i;
    loop {
        while j < len {
            let (end, bits) = ascii_run(slice, j, norm);
            has_lower |= bits & ascii::LOWER != 0;
            has_letter |= bits & ascii::LETTER != 0;
            j = end;
            if j >= len || slice.as_bytes()[j] < 0x80 {
                break;
            }
            let (ch, l) = char_at(slice, j);
            if !is_alnum(ch) {
                break;
            }
            has_lower |= ch.is_lowercase();
            has_letter |= ch.is_alphabetic();
            push_lower(norm, ch);
            j += l;
        }
        // `2,000`, `97.7`: a separator between digits stays in the number.
        let b = slice.as_bytes();
        if matches!(b.get(j), Some(b',' | b'.'))
            && b.get(j.wrapping_sub(1)).is_some_and(u8::is_ascii_digit)
            && b.get(j + 1).is_some_and(u8::is_ascii_digit)
        {
            norm.push(char::from(b[j]));
            j += 1;
            continue;
        }
        // An apostrophe inside a name (O'Brien) stays in the word; a clitic does not.
        let (ap, al) = char_at(slice, j);
        if j < len && is_apostrophe(ap) && is_letter(char_at(slice, j + al).0) && j + al < len {
            let k = letters_end(slice, j + al);
            if is_clitic(slice.get(j + al..k).unwrap_or("")) {
                break;
            }
            norm.push('\'');
            j += al;
            continue;
        }
        break;
    }
    (j, has_letter && !has_lower)
}

/// [`tokenize`] into a reused buffer (one allocation per article, not per sentence), with
/// each word's classes from `classes`.
pub(crate) fn tokenize_into(
    text: &str,
    start: usize,
    end: usize,
    quoted: &mut bool,
    out: &mut Tokens,
    classes: impl Fn(&str) -> WordInfo,
) {
    out.toks.clear();
    out.norm.clear();
    out.cls.clear();
    out.ids.clear();
    let Some(slice) = text.get(start..end) else {
        return;
    };
    out.toks.reserve(slice.len() / 5 + 1);
    out.cls.reserve(slice.len() / 5 + 1);
    out.ids.reserve(slice.len() / 5 + 1);
    out.norm.reserve(slice.len() + 8);
    let bytes = slice.as_bytes();
    let len = slice.len();
    let mut i = 0;
    let mut prev_alnum = false;
    while i < len {
        let b = bytes[i];
        if ascii::CLASS[b as usize] & ascii::SPACE != 0 {
            i += 1;
            prev_alnum = false;
            continue;
        }
        let (c, cl) = char_at(slice, i);
        if b >= 0x80 && is_space(c) {
            i += cl;
            prev_alnum = false;
            continue;
        }
        if !out.norm.is_empty() {
            out.norm.push(' ');
        }
        let ns = out.norm.len();
        let alnum = if b < 0x80 {
            ascii::CLASS[b as usize] & ascii::ALNUM != 0
        } else {
            is_alnum(c)
        };
        if alnum {
            let (j, upper) = scan_word(slice, i, &mut out.norm);
            let info = classes(out.norm.get(ns..).unwrap_or(""));
            out.cls.push(info.bits);
            out.ids.push(info.id);
            out.toks.push(Token {
                start: start + i,
                end: start + j,
                ns,
                ne: out.norm.len(),
                kind: TokKind::Word,
                cap: c.is_uppercase(),
                upper,
                quoted: *quoted,
            });
            i = j;
            prev_alnum = true;
            continue;
        }
        if is_apostrophe(c) && prev_alnum {
            let k = letters_end(slice, i + cl);
            let tail = slice.get(i + cl..k).unwrap_or("");
            if k > i + cl && is_clitic(tail) {
                out.norm.push('\'');
                for ch in tail.chars() {
                    push_lower(&mut out.norm, ch);
                }
                let info = classes(out.norm.get(ns..).unwrap_or(""));
                out.cls.push(info.bits);
                out.ids.push(info.id);
                out.toks.push(Token {
                    start: start + i,
                    end: start + k,
                    ns,
                    ne: out.norm.len(),
                    kind: TokKind::Word,
                    cap: false,
                    upper: false,
                    quoted: *quoted,
                });
                i = k;
                prev_alnum = true;
                continue;
            }
        }
        let was_quoted = *quoted;
        match c {
            '\u{201C}' | '\u{201E}' | '\u{00AB}' => *quoted = true,
            '\u{201D}' | '\u{00BB}' => *quoted = false,
            '"' => *quoted = !*quoted,
            _ => {}
        }
        out.norm.push(norm_punct(c));
        let info = classes(out.norm.get(ns..).unwrap_or(""));
        out.cls.push(0);
        out.ids.push(info.id);
        out.toks.push(Token {
            start: start + i,
            end: start + i + cl,
            ns,
            ne: out.norm.len(),
            kind: TokKind::Punct,
            cap: false,
            upper: false,
            quoted: was_quoted || *quoted,
        });
        i += cl;
        prev_alnum = false;
    }
}

/// What the sentence splitter needs to know about words.
pub(crate) trait SplitRules {
    /// A word after which a period does not end a sentence (Mr, Gen, Dr).
    fn is_abbreviation(&self, lower: &str) -> bool;
    /// An initialism that may end a sentence (U.S., U.K.), written without dots, lower case.
    fn is_final_initialism(&self, lower: &str) -> bool;
    /// A title word (President): after an initialism it continues the sentence.
    fn is_title(&self, lower: &str) -> bool;
    /// A line or sentence that is not article text (Advertisement, photo credits).
    fn is_boilerplate(&self, s: &str) -> bool;
    /// Where a photo credit trailing a line starts, if the line has one.
    fn trailing_credit(&self, _line: &str) -> Option<usize> {
        None
    }
}

/// Splits `text[from..]` into sentences: byte ranges, trimmed, boilerplate left out.
/// Also reports paragraph starts so quote state can be reset per paragraph. `out`
/// receives the sentences; `spans` is a reused buffer.
pub(crate) fn split_sentences_into(
    text: &str,
    from: usize,
    rules: &impl SplitRules,
    out: &mut Vec<(usize, usize, bool)>,
    spans: &mut Vec<(usize, usize)>,
) {
    out.clear();
    let Some(body) = text.get(from..) else {
        return;
    };
    let mut line_start = from;
    for line in body.split('\n') {
        let ls = line_start;
        line_start += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || rules.is_boilerplate(trimmed) {
            continue;
        }
        let line_end = ls
            + rules
                .trailing_credit(line)
                .unwrap_or(line.len())
                .min(line.len());
        spans.clear();
        split_line(text, ls, line_end, rules, spans);
        out.extend(spans.iter().enumerate().map(|(n, &(s, e))| (s, e, n == 0)));
    }
}

fn trim_span(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let sl = text.get(s..e)?;
    let t = sl.trim_start();
    let s2 = s + (sl.len() - t.len());
    let t2 = t.trim_end();
    if t2.is_empty() {
        return None;
    }
    Some((s2, s2 + t2.len()))
}

/// Appends the sentences of the line `text[ls..le]` to `out`.
fn split_line(
    text: &str,
    ls: usize,
    le: usize,
    rules: &impl SplitRules,
    out: &mut Vec<(usize, usize)>,
) {
    let Some(line) = text.get(ls..le) else {
        return;
    };
    let b = line.as_bytes();
    let mut cur = 0usize;
    let mut i = 0;
    while let Some(p) = b
        .get(i..)
        .and_then(|rest| memchr::memchr3(b'.', b'!', b'?', rest))
    {
        i += p;
        let mut j = i + 1;
        loop {
            let (c, l) = char_at(line, j);
            if j < b.len()
                && matches!(
                    c,
                    '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{00BB}'
                )
            {
                j += l;
            } else {
                break;
            }
        }
        let mut k = j;
        while k < b.len() {
            let (c, l) = char_at(line, k);
            if !is_space(c) {
                break;
            }
            k += l;
        }
        if k == j || k >= b.len() {
            i = j.max(i + 1);
            continue;
        }
        let next = char_at(line, k).0;
        if next.is_lowercase() || matches!(next, ',' | ';' | ':' | ')') {
            i = j;
            continue;
        }
        if b[i] == b'.' && j == i + 1 && !period_ends(line, i, k, rules) {
            i = j;
            continue;
        }
        push_cut(text, ls + cur, ls + j, out);
        cur = j;
        i = j;
    }
    push_cut(text, ls + cur, le, out);
}

/// Pushes a trimmed sentence, cut at whitespace into pieces of at most [`MAX_SENTENCE`]
/// bytes (twice that where no whitespace is found) so work per sentence stays bounded.
fn push_cut(text: &str, mut s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    while e > s && e - s > MAX_SENTENCE {
        let mut cut = s + MAX_SENTENCE;
        while cut > s && !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = text.get(s..cut).unwrap_or("");
        cut = match window.rfind(char::is_whitespace) {
            Some(w) if w > 0 => s + w,
            _ => {
                let mut c = (s + 2 * MAX_SENTENCE).min(e);
                while c > s && !text.is_char_boundary(c) {
                    c -= 1;
                }
                c
            }
        };
        if cut <= s {
            break;
        }
        if let Some(sp) = trim_span(text, s, cut) {
            out.push(sp);
        }
        s = cut;
    }
    if let Some(sp) = trim_span(text, s, e) {
        out.push(sp);
    }
}

/// `s` in lower case, copied only when it has upper-case letters or is not ASCII.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// Whether the period at byte `i` of `line` ends a sentence, given the next word starts at `k`.
fn period_ends(line: &str, i: usize, k: usize, rules: &impl SplitRules) -> bool {
    let before = line.get(..i).unwrap_or("");
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_letter(c))
        .last()
        .map_or(i, |(p, _)| p);
    let word = lower(before.get(word_start..).unwrap_or(""));
    if word.is_empty() {
        return true;
    }
    if rules.is_abbreviation(&word) {
        return false;
    }
    if word.chars().count() == 1 {
        let next_word: String = line
            .get(k..)
            .unwrap_or("")
            .chars()
            .take_while(|&c| is_letter(c))
            .flat_map(char::to_lowercase)
            .collect();
        // An initialism (U.S.) or a name initial (J. or J.D.): collect its letters, right
        // to left, then put them in order (a long chain stays linear).
        let mut earlier = Vec::new();
        let mut p = word_start;
        loop {
            let pre = line.get(..p).unwrap_or("");
            let mut it = pre.chars().rev();
            match (it.next(), it.next(), it.next()) {
                (Some('.'), Some(l), third) if is_letter(l) && !third.is_some_and(is_letter) => {
                    earlier.push(l);
                    p -= 1 + l.len_utf8();
                }
                _ => break,
            }
        }
        let mut letters: String = earlier
            .iter()
            .rev()
            .flat_map(|l| l.to_lowercase())
            .collect();
        letters.push_str(&word);
        if letters.chars().count() == 1 || !rules.is_final_initialism(&letters) {
            return false;
        }
        return !next_word.is_empty() && !rules.is_title(&next_word);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    struct R;
    impl SplitRules for R {
        fn is_abbreviation(&self, w: &str) -> bool {
            matches!(w, "mr" | "dr" | "gen")
        }
        fn is_final_initialism(&self, w: &str) -> bool {
            matches!(w, "us" | "uk")
        }
        fn is_title(&self, w: &str) -> bool {
            w == "president"
        }
        fn is_boilerplate(&self, s: &str) -> bool {
            s == "Advertisement"
        }
    }

    /// [`split_sentences_into`] a new vector.
    fn split_sentences(
        text: &str,
        from: usize,
        rules: &impl SplitRules,
    ) -> Vec<(usize, usize, bool)> {
        let mut out = Vec::new();
        split_sentences_into(text, from, rules, &mut out, &mut Vec::new());
        out
    }

    fn sents(t: &str) -> Vec<&str> {
        split_sentences(t, 0, &R)
            .into_iter()
            .map(|(s, e, _)| &t[s..e])
            .collect()
    }

    #[test]
    fn abbreviations_and_initialisms() {
        let t =
            "Mr. Smith met J.D. Vance. Former U.S. President Biden spoke in the U.S. Then he left.";
        assert_eq!(
            sents(t),
            vec![
                "Mr. Smith met J.D. Vance.",
                "Former U.S. President Biden spoke in the U.S.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn quotes_questions_and_boilerplate() {
        let t = "“It works,” he said. “Does it?” She agreed!\n\nAdvertisement\nNext line here";
        assert_eq!(
            sents(t),
            vec![
                "“It works,” he said.",
                "“Does it?”",
                "She agreed!",
                "Next line here"
            ]
        );
    }

    #[test]
    fn tokens_keep_offsets_and_clitics() {
        let t = "Russia’s leader isn’t “here” — O’Brien.";
        let mut q = false;
        let tk = tokenize(t, 0, t.len(), &mut q);
        assert_eq!(tk.norm, "russia 's leader isn 't \" here \" - o'brien .");
        let last_word = tk.toks[tk.toks.len() - 2];
        assert_eq!(&t[last_word.start..last_word.end], "O’Brien");
        assert!(tk.toks[6].quoted);
        assert!(!q);
    }

    #[test]
    fn numbers_keep_their_separators() {
        let t = "About 2,000 troops, 97.7% of voters, 3, 4 and 5.";
        let mut q = false;
        let tk = tokenize(t, 0, t.len(), &mut q);
        assert_eq!(
            tk.norm,
            "about 2,000 troops , 97.7 % of voters , 3 , 4 and 5 ."
        );
    }

    #[test]
    fn punctuation_shortcut_agrees_with_unicode() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_space(c), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn long_lines_are_cut() {
        let t = "word ".repeat(10_000);
        let s = split_sentences(&t, 0, &R);
        assert!(s.len() > 5);
        assert!(s.iter().all(|(a, b, _)| b - a <= 2 * MAX_SENTENCE));
    }
}
