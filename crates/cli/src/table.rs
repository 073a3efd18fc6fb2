//! Aligned tables for people: long cells are cut so one wide value cannot wreck the layout.

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};

/// Cuts `s` to at most `max` characters, marking the cut with `…` (0: no limit).
pub fn truncate(s: &str, max: usize) -> String {
    let s = s.replace(['\n', '\r', '\t'], " ");
    if max == 0 || s.chars().count() <= max {
        return s;
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

pub fn render(header: &[String], rows: &[Vec<String>], max_width: usize) -> String {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.iter().map(|h| h.as_str()));
    for r in rows {
        t.add_row(r.iter().map(|c| truncate(c, max_width)));
    }
    let n = rows.len();
    format!("{t}\n{n} row{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_characters_not_bytes() {
        assert_eq!(truncate("Зеленський", 5), "Зеле…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("a\nb", 0), "a b");
    }
}
