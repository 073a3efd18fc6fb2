//! Query errors and their caret display.

use crate::ast::Span;
use thiserror::Error;

/// Where in the query text an error points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    /// Byte offsets of the blamed text.
    pub span: Span,
}

impl Location {
    /// 1-based line and column (in characters) of `span.start` in `source`.
    pub fn of(source: &str, span: Span) -> Location {
        let start = clamp_to_char(source, span.start);
        let before = &source[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location { line, column, span }
    }
}

fn clamp_to_char(source: &str, mut at: usize) -> usize {
    at = at.min(source.len());
    while !source.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[derive(Debug, Clone, PartialEq, Error)]
pub enum QueryError {
    /// The text does not follow the grammar.
    #[error("syntax error at line {}, column {}: expected {expected}", .at.line, .at.column)]
    Syntax { at: Location, expected: String },
    /// The text parses but names something that does not exist or cannot be used there.
    #[error("{message} (line {}, column {})", .at.line, .at.column)]
    Semantic {
        at: Location,
        message: String,
        suggestion: Option<String>,
    },
    /// The query is valid but could not be carried out.
    #[error("{message}")]
    Execution { message: String },
    /// Another thread asked the query to stop (Ctrl-C in the REPL).
    #[error("query interrupted")]
    Interrupted,
}

impl QueryError {
    pub fn line(&self) -> Option<usize> {
        self.location().map(|l| l.line)
    }

    pub fn column(&self) -> Option<usize> {
        self.location().map(|l| l.column)
    }

    pub fn location(&self) -> Option<Location> {
        match self {
            QueryError::Syntax { at, .. } | QueryError::Semantic { at, .. } => Some(*at),
            QueryError::Execution { .. } | QueryError::Interrupted => None,
        }
    }

    /// The message, the offending line with a caret under the spot, and a hint if there is one.
    pub fn render(&self, source: &str) -> String {
        let (headline, hint) = match self {
            QueryError::Syntax { expected, .. } => {
                (format!("syntax error: expected {expected}"), None)
            }
            QueryError::Semantic {
                message,
                suggestion,
                ..
            } => (
                format!("error: {message}"),
                suggestion.as_ref().map(|s| format!("did you mean {s}?")),
            ),
            QueryError::Execution { message } => return format!("error: {message}\n"),
            QueryError::Interrupted => return "query interrupted\n".into(),
        };
        let Some(at) = self.location() else {
            return headline;
        };
        let line_text = source.lines().nth(at.line.saturating_sub(1)).unwrap_or("");
        let gutter = at.line.to_string().len();
        let start = clamp_to_char(source, at.span.start);
        let end = clamp_to_char(source, at.span.end.max(at.span.start));
        let width = source[start..end]
            .split('\n')
            .next()
            .map_or(1, |s| s.chars().count())
            .max(1);
        let pad = " ".repeat(at.column.saturating_sub(1));
        let mut out = format!(
            "{headline}\n{:gutter$}--> line {}, column {}\n{:gutter$} |\n{} | {}\n{:gutter$} | {pad}{}",
            "",
            at.line,
            at.column,
            "",
            at.line,
            line_text,
            "",
            "^".repeat(width),
        );
        if let Some(h) = hint {
            out.push(' ');
            out.push_str(&h);
        }
        out.push('\n');
        out
    }
}

/// Levenshtein distance over characters, for suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The candidate closest to `word` (case-insensitively), if it is close enough to be a typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let w = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&w, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_and_suggestion() {
        assert_eq!(edit_distance("met_wth", "met_with"), 1);
        assert_eq!(suggest("PERSN", ["PERSON", "ORG"]), Some("PERSON".into()));
        assert_eq!(suggest("zzzzzz", ["PERSON", "ORG"]), None);
    }

    #[test]
    fn caret_points_at_the_column() {
        let src = "MATCH (a)\nRETURN b";
        let e = QueryError::Semantic {
            at: Location::of(src, Span { start: 17, end: 18 }),
            message: "unknown variable `b`".into(),
            suggestion: Some("a".into()),
        };
        assert_eq!(e.line(), Some(2));
        assert_eq!(e.column(), Some(8));
        let r = e.render(src);
        assert!(
            r.contains("2 | RETURN b\n  |        ^ did you mean a?"),
            "{r}"
        );
    }
}
