//! Sentences and tokens over the original text: every span is a byte range into it.

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
    pub ns: usize,
    pub ne: usize,
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
    pub toks: Vec<Token>,
    pub norm: String,
}

impl Tokens {
    pub fn word(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.norm.get(t.ns..t.ne))
            .unwrap_or("")
    }
    pub fn len(&self) -> usize {
        self.toks.len()
    }
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }
    pub fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }
}

impl Tokens {
    /// The longest pattern of `ac` that starts at token `i` and ends at a token boundary, as
    /// (pattern, last token). Shorter patterns are tried when the longest ends inside a word.
    pub fn match_at(&self, ac: &aho_corasick::AhoCorasick, i: usize) -> Option<(usize, usize)> {
        use aho_corasick::{Anchored, Input};
        let start = self.toks.get(i)?.ns;
        let mut limit = self.norm.len();
        for _ in 0..8 {
            let m = ac.find(
                Input::new(&self.norm)
                    .range(start..limit)
                    .anchored(Anchored::Yes),
            )?;
            // The last token whose end is at or before the match end.
            let mut j = i;
            while j + 1 < self.toks.len() && self.toks[j + 1].ne <= m.end() {
                j += 1;
            }
            if self.toks[j].ne == m.end() {
                return Some((m.pattern().as_usize(), j));
            }
            if self.toks[j].ne <= start || j < i {
                return None;
            }
            limit = self.toks[j].ne;
            if limit <= start {
                return None;
            }
        }
        None
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

/// Tokenises `text[start..end]`; `quoted` carries the double-quote state across calls.
pub(crate) fn tokenize(text: &str, start: usize, end: usize, quoted: &mut bool) -> Tokens {
    let mut out = Tokens::default();
    let Some(slice) = text.get(start..end) else {
        return out;
    };
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut i = 0;
    let push_space = |norm: &mut String| {
        if !norm.is_empty() {
            norm.push(' ');
        }
    };
    while i < chars.len() {
        let (off, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i;
            push_space(&mut out.norm);
            let ns = out.norm.len();
            let (mut has_lower, mut has_letter) = (false, false);
            loop {
                while j < chars.len() && chars[j].1.is_alphanumeric() {
                    let ch = chars[j].1;
                    has_lower |= ch.is_lowercase();
                    has_letter |= ch.is_alphabetic();
                    out.norm.extend(ch.to_lowercase());
                    j += 1;
                }
                // An apostrophe inside a name (O'Brien) stays in the word; a clitic does not.
                if j + 1 < chars.len()
                    && is_apostrophe(chars[j].1)
                    && chars[j + 1].1.is_alphabetic()
                {
                    let mut k = j + 1;
                    while k < chars.len() && chars[k].1.is_alphabetic() {
                        k += 1;
                    }
                    let tail: String = chars[j + 1..k]
                        .iter()
                        .flat_map(|c| c.1.to_lowercase())
                        .collect();
                    if CLITICS.contains(&tail.as_str()) {
                        break;
                    }
                    out.norm.push('\'');
                    j += 1;
                    continue;
                }
                break;
            }
            let endb = chars.get(j).map(|c| c.0).unwrap_or(slice.len());
            out.toks.push(Token {
                start: start + off,
                end: start + endb,
                ns,
                ne: out.norm.len(),
                kind: TokKind::Word,
                cap: c.is_uppercase(),
                upper: has_letter && !has_lower,
                quoted: *quoted,
            });
            i = j;
            continue;
        }
        if is_apostrophe(c) && i > 0 && chars[i - 1].1.is_alphanumeric() {
            let mut k = i + 1;
            while k < chars.len() && chars[k].1.is_alphabetic() {
                k += 1;
            }
            let tail: String = chars[i + 1..k]
                .iter()
                .flat_map(|c| c.1.to_lowercase())
                .collect();
            if k > i + 1 && CLITICS.contains(&tail.as_str()) {
                push_space(&mut out.norm);
                let ns = out.norm.len();
                out.norm.push('\'');
                out.norm.push_str(&tail);
                let endb = chars.get(k).map(|c| c.0).unwrap_or(slice.len());
                out.toks.push(Token {
                    start: start + off,
                    end: start + endb,
                    ns,
                    ne: out.norm.len(),
                    kind: TokKind::Word,
                    cap: false,
                    upper: false,
                    quoted: *quoted,
                });
                i = k;
                continue;
            }
        }
        let n = norm_punct(c);
        let was_quoted = *quoted;
        match c {
            '\u{201C}' | '\u{201E}' | '\u{00AB}' => *quoted = true,
            '\u{201D}' | '\u{00BB}' => *quoted = false,
            '"' => *quoted = !*quoted,
            _ => {}
        }
        push_space(&mut out.norm);
        let ns = out.norm.len();
        out.norm.push(n);
        out.toks.push(Token {
            start: start + off,
            end: start + off + c.len_utf8(),
            ns,
            ne: out.norm.len(),
            kind: TokKind::Punct,
            cap: false,
            upper: false,
            quoted: was_quoted || *quoted,
        });
        i += 1;
    }
    out
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
/// Also reports paragraph starts so quote state can be reset per paragraph.
pub(crate) fn split_sentences(
    text: &str,
    from: usize,
    rules: &impl SplitRules,
) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let Some(body) = text.get(from..) else {
        return out;
    };
    let mut line_start = from;
    for line in body.split('\n') {
        let ls = line_start;
        line_start += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || rules.is_boilerplate(trimmed) {
            continue;
        }
        let mut first = true;
        let line_end = ls
            + rules
                .trailing_credit(line)
                .unwrap_or(line.len())
                .min(line.len());
        for (s, e) in split_line(text, ls, line_end, rules) {
            let sent = &text[s..e];
            if rules.is_boilerplate(sent) {
                continue;
            }
            out.push((s, e, first));
            first = false;
        }
    }
    out
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

fn split_line(text: &str, ls: usize, le: usize, rules: &impl SplitRules) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let Some(line) = text.get(ls..le) else {
        return out;
    };
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut cur = 0usize; // byte offset in line
    let mut i = 0;
    while i < chars.len() {
        let (off, c) = chars[i];
        if off - cur >= MAX_SENTENCE && (c.is_whitespace() || off - cur >= 2 * MAX_SENTENCE) {
            if let Some(sp) = trim_span(text, ls + cur, ls + off) {
                out.push(sp);
            }
            cur = off;
            i += 1;
            continue;
        }
        if !matches!(c, '.' | '!' | '?') {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len()
            && matches!(
                chars[j].1,
                '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{00BB}'
            )
        {
            j += 1;
        }
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k == j || k >= chars.len() {
            i = j.max(i + 1);
            continue;
        }
        let next = chars[k].1;
        if next.is_lowercase() || matches!(next, ',' | ';' | ':' | ')') {
            i = j;
            continue;
        }
        if c == '.' && j == i + 1 && !period_ends(&chars, i, k, rules) {
            i = j;
            continue;
        }
        let end_b = chars.get(j).map(|x| x.0).unwrap_or(line.len());
        if let Some(sp) = trim_span(text, ls + cur, ls + end_b) {
            out.push(sp);
        }
        cur = end_b;
        i = j;
    }
    if let Some(sp) = trim_span(text, ls + cur, le) {
        out.push(sp);
    }
    out
}

/// Whether the period at `i` ends a sentence, given the next word starts at `k`.
fn period_ends(chars: &[(usize, char)], i: usize, k: usize, rules: &impl SplitRules) -> bool {
    let mut b = i;
    while b > 0 && chars[b - 1].1.is_alphabetic() {
        b -= 1;
    }
    let word: String = chars[b..i]
        .iter()
        .flat_map(|c| c.1.to_lowercase())
        .collect();
    if word.is_empty() {
        return true;
    }
    if rules.is_abbreviation(&word) {
        return false;
    }
    let next_word: String = chars[k..]
        .iter()
        .take_while(|c| c.1.is_alphabetic())
        .flat_map(|c| c.1.to_lowercase())
        .collect();
    if word.chars().count() == 1 {
        // An initialism (U.S.) or a name initial (J. or J.D.).
        let mut letters = word.clone();
        let mut p = b;
        while p >= 2
            && chars[p - 1].1 == '.'
            && chars[p - 2].1.is_alphabetic()
            && (p < 3 || !chars[p - 3].1.is_alphabetic())
        {
            letters.insert_str(0, &chars[p - 2].1.to_lowercase().to_string());
            p -= 2;
        }
        if letters.chars().count() == 1 {
            return false;
        }
        if !rules.is_final_initialism(&letters) {
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
    fn long_lines_are_cut() {
        let t = "word ".repeat(10_000);
        let s = split_sentences(&t, 0, &R);
        assert!(s.len() > 5);
        assert!(s.iter().all(|(a, b, _)| b - a <= 2 * MAX_SENTENCE));
    }
}
