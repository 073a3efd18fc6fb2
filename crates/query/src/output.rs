//! Query results: rows of values plus their text and JSON renderings.

use crate::value::Value;
use newsgraph_graph::{Graph, Selection};

/// The result of a query. For EXPLAIN, one column `plan` with one row per plan line.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryOutput {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    /// True when this is an EXPLAIN plan rather than query results.
    pub explain: bool,
    /// Cells rendered with the graph at hand (names, edge summaries).
    text: Vec<Vec<String>>,
    json: Vec<Vec<serde_json::Value>>,
    selection: Selection,
}

impl QueryOutput {
    pub(crate) fn new(
        graph: &Graph,
        columns: Vec<String>,
        rows: Vec<Vec<Value>>,
        explain: bool,
    ) -> QueryOutput {
        let mut selection = Selection::default();
        for r in &rows {
            for v in r {
                v.collect_selection(graph, &mut selection);
            }
        }
        let text = rows
            .iter()
            .map(|r| r.iter().map(|v| v.display(graph)).collect())
            .collect();
        let json = rows
            .iter()
            .map(|r| r.iter().map(|v| v.to_json(graph)).collect())
            .collect();
        QueryOutput {
            columns,
            rows,
            explain,
            text,
            json,
            selection,
        }
    }

    /// Nodes and edges the result refers to, for DOT export.
    pub fn selection(&self) -> Selection {
        self.selection.clone()
    }

    /// The cells as display text.
    pub fn text_rows(&self) -> &[Vec<String>] {
        &self.text
    }

    /// Header line and one line per row, tab-separated; tabs and newlines inside cells become
    /// spaces so every row stays one line.
    pub fn to_tsv(&self) -> String {
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        let mut out = self
            .columns
            .iter()
            .map(|c| clean(c))
            .collect::<Vec<_>>()
            .join("\t");
        out.push('\n');
        for r in &self.text {
            out.push_str(&r.iter().map(|c| clean(c)).collect::<Vec<_>>().join("\t"));
            out.push('\n');
        }
        out
    }

    /// RFC 4180 CSV with a header line.
    pub fn to_csv(&self) -> String {
        let field = |s: &str| {
            if s.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.to_string()
            }
        };
        let mut out = String::new();
        for line in std::iter::once(&self.columns).chain(&self.text) {
            out.push_str(&line.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
            out.push_str("\r\n");
        }
        out
    }

    /// `{"columns": [...], "rows": [[...], ...]}` with nodes, edges and paths as objects.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "columns": self.columns,
            "rows": self.json,
        })
    }
}
