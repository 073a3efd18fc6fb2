//! Every ```query block of docs/query-language.md followed by an ```output block must produce
//! exactly that output over the sample graph, so the specification cannot drift from the code.

use newsgraph_extract::DocExtraction;
use newsgraph_graph::Graph;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// (query, output) pairs in document order.
fn examples(doc: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut lines = doc.lines();
    let mut pending: Option<String> = None;
    while let Some(line) = lines.next() {
        let lang = match line.strip_prefix("```") {
            Some(l) if l == "query" || l == "output" => l,
            _ => continue,
        };
        let mut body = String::new();
        for l in lines.by_ref() {
            if l == "```" {
                break;
            }
            body.push_str(l);
            body.push('\n');
        }
        if lang == "query" {
            pending = Some(body);
        } else if let Some(q) = pending.take() {
            out.push((q, body));
        }
    }
    out
}

#[test]
fn documented_examples_match_the_implementation() {
    let doc = std::fs::read_to_string(root().join("docs/query-language.md")).expect("doc readable");
    let text = std::fs::read_to_string(root().join("tests/queries/sample-graph.json"))
        .expect("sample graph readable");
    let docs: Vec<DocExtraction> = serde_json::from_str(&text).expect("sample graph parses");
    let graph = Graph::from_extractions(&docs);
    let pairs = examples(&doc);
    assert!(pairs.len() >= 30, "only {} examples", pairs.len());
    for (q, want) in pairs {
        let got = match newsgraph_query::run(&graph, &q) {
            Ok(o) => o.to_tsv(),
            Err(e) => format!("ERROR\n{}", e.render(&q)),
        };
        assert_eq!(got, want, "query:\n{q}");
    }
}
