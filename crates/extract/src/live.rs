//! Live blogs: entries posted under the time of day (`11:20 a.m. — Rubio has arrived at the
//! National Palace, where Sheinbaum received him`) tell of that day's events, so a meeting
//! they report as held, with no date of its own, was held on the article's date.

/// Lines looked at for time stamps: enough for a blog's first entries, bounded for any text.
const LINES: usize = 200;

/// Whether the article is a live blog: its headline says so (`LIVE: …`, `… — as it
/// happened`, `Live updates: …`) or at least two of its lines open with a time of day.
pub(crate) fn is_live_blog(body: &str) -> bool {
    let mut lines = body.lines().map(str::trim).filter(|l| !l.is_empty());
    let Some(headline) = lines.next() else {
        return false;
    };
    if live_headline(headline) {
        return true;
    }
    std::iter::once(headline)
        .chain(lines)
        .take(LINES)
        .filter(|l| opens_with_time(l))
        .nth(1)
        .is_some()
}

fn live_headline(h: &str) -> bool {
    let lower = |s: &str| s.to_ascii_lowercase();
    let mut tail = h.len().saturating_sub(20);
    while !h.is_char_boundary(tail) {
        tail -= 1;
    }
    let ending = h.get(tail..).map(lower).unwrap_or_default();
    h.strip_prefix("LIVE")
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
        || h.get(..12)
            .map(lower)
            .is_some_and(|s| s.starts_with("live updates") || s.starts_with("live:"))
        || ending.ends_with("as it happened")
        || ending.ends_with("live updates")
}

/// `18:40`, `9:40 a.m. — …`, `14:10 GMT`: a time of day alone or before the entry.
fn opens_with_time(line: &str) -> bool {
    let b = line.as_bytes();
    let hours = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let sep = b.get(hours).copied();
    if !(1..=2).contains(&hours) || !matches!(sep, Some(b':' | b'.')) {
        return false;
    }
    let minutes = &b[hours + 1..];
    if minutes.len() < 2 || !minutes[..2].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let Some(rest) = line.get(hours + 3..).map(str::trim_start) else {
        return false;
    };
    let clock = ["a.m.", "p.m.", "am", "pm", "AM", "PM"].iter().any(|c| {
        rest.strip_prefix(c)
            .is_some_and(|after| !after.starts_with(|x: char| x.is_alphabetic()))
    });
    // (`5.41pm`; not a decimal or a score running on: `2:15 in the second half`.)
    clock
        || (sep == Some(b':')
            && (rest.is_empty()
                || rest.starts_with(['\u{2014}', '\u{2013}', '-', '|', '('])
                || rest
                    .get(..3)
                    .is_some_and(|z| z.bytes().all(|c| c.is_ascii_uppercase()))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_and_time_stamps_tell_a_live_blog() {
        assert!(is_live_blog("LIVE: Rubio in Mexico City\nText."));
        assert!(is_live_blog("LIVE | Sudan: Quad ministers meet\nText."));
        assert!(is_live_blog("Rubio in Mexico City — as it happened\nText."));
        assert!(is_live_blog("Summit\n18:40\nA met B.\n17:55\nC met D."));
        assert!(is_live_blog(
            "Talks\n11:20 a.m. — A met B.\n9:40 a.m. — C met D."
        ));
        assert!(!is_live_blog("LIVELY debate in Paris\n18:40\nText."));
        assert!(!is_live_blog(
            "Talks in Paris\nThe score was 2:15 in the end.\n3:1 Text."
        ));
        assert!(!is_live_blog(
            "Budget\n3.15 amid fears of a cut.\n2.05 pmt, said B."
        ));
        assert!(!is_live_blog(""));
        assert!(is_live_blog("Gespräche in Genf \u{2014} as it happened"));
        assert!(!is_live_blog("\u{2014}\u{2014}\n1\u{2014}"));
    }
}
