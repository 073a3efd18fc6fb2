//! Every ```query block of docs/query-language.md followed by an ```output block must produce
//! exactly that output over the sample graph, so the specification cannot drift from the code.
//! With `UPDATE_EXPECT=1` the output blocks are rewritten in place.

mod common;

use common::{outcome, root, sample_graph};

/// The document with each output block replaced by `render(query)`, and the (query, output)
/// pairs found, in document order.
fn rewrite(doc: &str, render: &mut dyn FnMut(&str) -> String) -> (String, Vec<(String, String)>) {
    let mut out = String::new();
    let mut pairs = Vec::new();
    let mut lines = doc.lines();
    let mut pending: Option<String> = None;
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        let lang = match line.strip_prefix("```") {
            Some(l) if l == "query" || l == "output" => l,
            _ => continue,
        };
        let mut body = String::new();
        let mut closed = false;
        for l in lines.by_ref() {
            if l == "```" {
                closed = true;
                break;
            }
            body.push_str(l);
            body.push('\n');
        }
        let fresh = match (lang, pending.take()) {
            ("query", _) => {
                pending = Some(body.clone());
                body
            }
            (_, Some(q)) => {
                let new = render(&q);
                pairs.push((q, body));
                new
            }
            (_, None) => body,
        };
        out.push_str(&fresh);
        if closed {
            out.push_str("```\n");
        }
    }
    (out, pairs)
}

#[test]
fn documented_examples_match_the_implementation() {
    let path = root().join("docs/query-language.md");
    let doc = std::fs::read_to_string(&path).expect("doc readable");
    let graph = sample_graph();
    let (updated, pairs) = rewrite(&doc, &mut |q| outcome(&graph, q));
    assert!(pairs.len() >= 30, "only {} examples", pairs.len());
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, updated).expect("doc writable");
        return;
    }
    for (q, want) in pairs {
        assert_eq!(outcome(&graph, &q), want, "query:\n{q}");
    }
}

#[test]
fn rewriting_keeps_everything_but_outputs() {
    let doc = "intro\n```query\nQ1\n```\n\ntext\n```output\nold\n```\n```rust\ncode\n```\n";
    let (new, pairs) = rewrite(doc, &mut |q| format!("ran {q}"));
    assert_eq!(
        new,
        "intro\n```query\nQ1\n```\n\ntext\n```output\nran Q1\n```\n```rust\ncode\n```\n"
    );
    assert_eq!(pairs, vec![("Q1\n".to_string(), "old\n".to_string())]);
}
