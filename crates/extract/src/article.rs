//! Articles as read: identifier, optional date, the unchanged text.

use crate::error::ExtractError;
use crate::model::DocumentMeta;
use chrono::NaiveDate;
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// One news article. `text` is kept exactly as read so evidence offsets point into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: String,
    /// `YYYY-MM-DD`, from the article's date line, its record, or a caller's fallback.
    pub date: Option<String>,
    pub text: String,
    pub source: Option<String>,
}

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    date: Option<String>,
    text: Option<String>,
    source: Option<String>,
}

impl Article {
    /// An article whose date comes from a leading ` date YYYY-MM-DD ` line, if it has one.
    pub fn new(id: impl Into<String>, text: impl Into<String>, source: Option<String>) -> Article {
        let text = text.into();
        let date = date_line(&text).map(|(d, _)| d);
        Article {
            id: id.into(),
            date,
            text,
            source,
        }
    }

    /// Parses one JSON Lines record `{"id":…,"date":…,"text":…}`.
    pub fn from_json_line(line: &str) -> Result<Article, ExtractError> {
        Self::from_json_line_at(line, None)
    }

    /// As [`Article::from_json_line`], naming the line number in errors.
    pub fn from_json_line_at(line: &str, number: Option<usize>) -> Result<Article, ExtractError> {
        let bad = |message: String| ExtractError::Record {
            line: number,
            message,
        };
        let rec: Record = serde_json::from_str(line)
            .map_err(|e| bad(format!("not a JSON article record: {e}")))?;
        let text = rec
            .text
            .ok_or_else(|| bad("record has no \"text\"".into()))?;
        let id = match rec.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => return Err(bad("record has no usable \"id\"".into())),
        };
        let mut article = Article::new(id, text, rec.source);
        if let Some(d) = rec.date {
            let d = normalise_date(&d).ok_or_else(|| bad(format!("bad date {d:?}")))?;
            article.date = Some(d);
        }
        Ok(article)
    }

    /// Uses `date` when the article names none itself; an unparsable date is ignored.
    pub fn with_date(mut self, date: &str) -> Article {
        if self.date.is_none() {
            self.date = normalise_date(date);
        }
        self
    }

    /// The article date as a calendar date.
    pub fn naive_date(&self) -> Option<NaiveDate> {
        self.date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    }

    /// Byte offset where article text starts (after a date line).
    pub fn body_start(&self) -> usize {
        date_line(&self.text).map(|(_, s)| s).unwrap_or(0)
    }

    /// Identity and provenance of this article.
    pub fn meta(&self) -> DocumentMeta {
        let start = self.body_start();
        let title = self
            .text
            .get(start..)
            .unwrap_or("")
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .map(|l| shorten(l, 120));
        let hash = Sha256::digest(self.text.as_bytes());
        DocumentMeta {
            id: self.id.clone(),
            date: self.date.clone(),
            title,
            source: self.source.clone(),
            hash: hex(&hash),
            chars: self.text.chars().count(),
        }
    }
}

/// Lower-case hexadecimal, two digits a byte.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn normalise_date(d: &str) -> Option<String> {
    NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// A leading `date YYYY-MM-DD` and the byte offset of the text after it.
pub(crate) fn date_line(text: &str) -> Option<(String, usize)> {
    let trimmed = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let lead = text.len() - trimmed.len();
    let rest = trimmed.strip_prefix("date")?;
    let after_kw = rest.trim_start_matches([' ', '\t']);
    if after_kw.len() == rest.len() {
        return None;
    }
    let candidate = after_kw.get(..10)?;
    let date = normalise_date(candidate)?;
    let tail = &after_kw[10..];
    if tail.chars().next().is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let tail_trimmed = tail.trim_start();
    let start = text.len() - tail_trimmed.len();
    debug_assert!(start >= lead);
    Some((date, start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_line_on_same_line_as_text() {
        let a = Article::new("a", " date 2025-08-21 Vice President spoke.", None);
        assert_eq!(a.date.as_deref(), Some("2025-08-21"));
        assert_eq!(&a.text[a.body_start()..], "Vice President spoke.");
    }

    #[test]
    fn date_line_after_byte_order_mark() {
        let a = Article::new("a", "\u{feff}date 2025-02-14\nText.", None);
        assert_eq!(a.date.as_deref(), Some("2025-02-14"));
        assert_eq!(&a.text[a.body_start()..], "Text.");
    }

    #[test]
    fn no_date_line() {
        let a = Article::new("a", "dated text 2025-08-21", None);
        assert_eq!(a.date, None);
        assert_eq!(a.body_start(), 0);
        assert_eq!(
            a.with_date("2024-01-02").date.as_deref(),
            Some("2024-01-02")
        );
    }

    #[test]
    fn json_record() {
        let a =
            Article::from_json_line(r#"{"id":"x1","date":"2025-02-14","text":"Hello."}"#).unwrap();
        assert_eq!(a.id, "x1");
        assert_eq!(a.date.as_deref(), Some("2025-02-14"));
        assert!(Article::from_json_line(r#"{"id":"x1"}"#).is_err());
        assert!(Article::from_json_line("not json").is_err());
        assert!(Article::from_json_line(r#"{"id":"x","date":"soon","text":"t"}"#).is_err());
    }

    #[test]
    fn meta_hash_is_sha256() {
        let a = Article::new("a", "abc", None);
        assert_eq!(
            a.meta().hash,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
