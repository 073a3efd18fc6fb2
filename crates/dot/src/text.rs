//! Turning arbitrary names and sentences into DOT quoted strings that Graphviz reads back as
//! they were, and shortening labels so that long names don't blow up the layout.

use std::fmt::Write as _;

/// A DOT identifier for `id`, quoted. Backslashes are doubled so the string cannot end in an
/// escaped quote, and control characters become visible escapes: different ids stay different.
pub fn quote_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 2);
    out.push('"');
    for c in id.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A quoted Graphviz escString showing `lines` literally, one per line: quotes and backslashes
/// escaped, `&` written as an entity (Graphviz decodes entities in labels), control characters
/// blanked.
pub fn quote_text<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out =
        String::with_capacity(lines.iter().map(|l| l.as_ref().len() + 2).sum::<usize>() + 8);
    out.push('"');
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("\\n");
        }
        push_text(&mut out, line.as_ref());
    }
    out.push('"');
    out
}

fn push_text(out: &mut String, s: &str) {
    // Most text needs no escaping (0xC2 leads the C1 control characters).
    if !s
        .bytes()
        .any(|b| b < 0x20 || matches!(b, b'"' | b'\\' | b'&' | 0x7F | 0xC2))
    {
        out.push_str(s);
        return;
    }
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            // CRLF is one line break; a lone CR separates like a space.
            '\r' if chars.peek() == Some(&'\n') => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
}

/// Characters that belong to the previous one: cutting before them would split an accented
/// letter, a flag or an emoji sequence.
fn extends(c: char) -> bool {
    matches!(u32::from(c),
        0x0300..=0x036F      // combining diacritics
        | 0x0483..=0x0489    // Cyrillic combining marks
        | 0x0591..=0x05C7    // Hebrew points
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED // Arabic marks
        | 0x0900..=0x0903 | 0x093A..=0x094F // Devanagari signs
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C | 0x200D    // zero-width (non-)joiner
        | 0x20D0..=0x20FF    // combining marks for symbols (keycaps)
        | 0x3099 | 0x309A    // kana voicing marks
        | 0xFE00..=0xFE0F    // variation selectors
        | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF  // skin tones
        | 0xE0020..=0xE007F  // tag sequences (subdivision flags)
        | 0xE0100..=0xE01EF)
}

fn is_regional_indicator(c: char) -> bool {
    matches!(u32::from(c), 0x1F1E6..=0x1F1FF)
}

/// Character positions where text may be cut without splitting a visible character.
fn cut_ok(chars: &[char], at: usize) -> bool {
    let (Some(&prev), Some(&next)) = (chars.get(at.wrapping_sub(1)), chars.get(at)) else {
        return true;
    };
    if extends(next) || prev == '\u{200D}' {
        return false;
    }
    if is_regional_indicator(prev) && is_regional_indicator(next) {
        // Flags are pairs: cut only after an even run of indicators.
        let run = chars[..at]
            .iter()
            .rev()
            .take_while(|c| is_regional_indicator(**c))
            .count();
        return run % 2 == 0;
    }
    true
}

/// Columns a character takes: two for East Asian wide characters and emoji, none for marks
/// that extend the previous character.
pub fn char_width(c: char) -> usize {
    if extends(c) {
        return 0;
    }
    match u32::from(c) {
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F1E6..=0x1F1FF
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

fn width_of(chars: &[char]) -> usize {
    chars.iter().map(|&c| char_width(c)).sum()
}

/// The longest prefix of `chars` at most `room` columns wide that ends between characters.
fn fit(chars: &[char], room: usize) -> usize {
    let mut at = 0;
    let mut used = 0;
    for &c in chars {
        if used + char_width(c) > room {
            break;
        }
        used += char_width(c);
        at += 1;
    }
    while at > 0 && !cut_ok(chars, at) {
        at -= 1;
    }
    at
}

/// `s` cut to at most `max` columns (0: no limit), ending in `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    // No character is wider in columns than in UTF-8 bytes.
    if max == 0 || s.len() <= max {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    if max == 0 || width_of(&chars) <= max {
        return s.to_string();
    }
    let at = fit(&chars, max.saturating_sub(1));
    let mut out: String = chars.get(..at).unwrap_or_default().iter().collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

fn str_width(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().map(char_width).sum()
    }
}

/// `s` broken into lines of at most `width` columns (0: one line), at spaces where possible
/// and anywhere (but inside a character) in long words and in scripts without spaces.
/// Runs of white space become one space.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for para in s.split('\n') {
        if width == 0 {
            lines.push(para.to_string());
            continue;
        }
        let mut line = String::with_capacity(para.len().min(width * 4));
        let mut line_w = 0;
        for word in para.split_whitespace() {
            let word_w = str_width(word);
            if line_w > 0 && line_w + 1 + word_w > width {
                lines.push(std::mem::take(&mut line));
                line_w = 0;
            }
            if line_w > 0 {
                line.push(' ');
                line_w += 1;
            }
            if line_w + word_w <= width {
                line.push_str(word);
                line_w += word_w;
                continue;
            }
            // A word longer than a line: break it between characters.
            let chars: Vec<char> = word.chars().collect();
            let mut rest = &chars[..];
            while line_w + width_of(rest) > width {
                let mut at = fit(rest, width.saturating_sub(line_w));
                if at == 0 {
                    if line_w > 0 {
                        lines.push(std::mem::take(&mut line));
                        line_w = 0;
                        continue;
                    }
                    // One character wider than the line: keep it whole.
                    at = (1..rest.len())
                        .find(|&i| cut_ok(rest, i))
                        .unwrap_or(rest.len());
                }
                let (head, tail) = rest.split_at(at);
                line.extend(head);
                lines.push(std::mem::take(&mut line));
                line_w = 0;
                rest = tail;
            }
            line.extend(rest);
            line_w += width_of(rest);
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// A label: truncated to `max` characters, then wrapped at `width`.
pub fn label_lines(s: &str, max: usize, width: usize) -> Vec<String> {
    wrap(&truncate(s, max), width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_escape_quotes_backslashes_and_controls() {
        assert_eq!(quote_id("wd:Q1"), r#""wd:Q1""#);
        assert_eq!(quote_id(r#"a"b"#), r#""a\"b""#);
        assert_eq!(quote_id(r"ends\"), r#""ends\\""#);
        assert_eq!(quote_id("a\nb\tc\u{1}"), r#""a\nb\tc\u{1}""#);
        // A literal backslash-n and a newline stay distinct.
        assert_ne!(quote_id("a\\nb"), quote_id("a\nb"));
        assert_eq!(quote_id("node"), "\"node\"");
    }

    #[test]
    fn text_escapes_for_labels() {
        assert_eq!(
            quote_text(&["AT&T <b> \"q\" \\N", "second\tline\r\nthird\rfourth"]),
            r#""AT&amp;T <b> \"q\" \\N\nsecond line\nthird fourth""#
        );
        assert_eq!(quote_text::<&str>(&[]), "\"\"");
    }

    #[test]
    fn truncation_counts_characters_and_keeps_clusters() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("abcdefghij", 5), "abcd…");
        assert_eq!(truncate("Владимир Путин", 9), "Владимир…");
        // Wide characters take two columns.
        assert_eq!(truncate("習近平主席會見", 8), "習近平…");
        assert_eq!(truncate("習近平", 6), "習近平");
        // Family emoji (man ZWJ woman ZWJ girl) is not split.
        let family = "ab👨\u{200D}👩\u{200D}👧cd";
        assert_eq!(truncate(family, 5), "ab…");
        assert_eq!(truncate(family, 9), "ab👨\u{200D}👩\u{200D}👧…");
        // Flags are pairs of regional indicators.
        assert_eq!(truncate("🇺🇦🇺🇸🇷🇺", 9), "🇺🇦🇺🇸…");
        assert_eq!(
            truncate("e\u{301}e\u{301}e\u{301}", 3),
            "e\u{301}e\u{301}e\u{301}"
        );
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        assert_eq!(truncate("anything", 0), "anything");
        assert_eq!(truncate("abc", 1), "…");
    }

    #[test]
    fn wrapping_breaks_at_spaces_then_anywhere() {
        assert_eq!(wrap("Donald John Trump", 11), vec!["Donald John", "Trump"]);
        assert_eq!(
            wrap("Supercalifragilistic", 8),
            vec!["Supercal", "ifragili", "stic"]
        );
        assert_eq!(
            wrap("中华人民共和国外交部", 8),
            vec!["中华人民", "共和国外", "交部"]
        );
        assert_eq!(wrap("中华 人民", 5), vec!["中华", "人民"]);
        assert_eq!(wrap("ab 中华", 3), vec!["ab", "中", "华"]);
        assert_eq!(wrap("abc中", 4), vec!["abc", "中"]);
        assert_eq!(wrap("x 中", 2), vec!["x", "中"]);
        assert_eq!(wrap("a  b\nc", 10), vec!["a b", "c"]);
        assert_eq!(wrap("", 10), vec![""]);
        assert_eq!(wrap("no wrap at all", 0), vec!["no wrap at all"]);
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(wrap(family, 1), vec![family.to_string()]);
    }
}
