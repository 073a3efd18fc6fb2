//! Data-driven cases: `tests/queries/NAME.query` runs over the sample graph and its `to_tsv`
//! output must equal `NAME.expected`. Errors are expected as their rendered text. With
//! `UPDATE_EXPECT=1` the expected files are rewritten.

use newsgraph_extract::DocExtraction;
use newsgraph_graph::Graph;
use std::path::{Path, PathBuf};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/queries")
}

/// The sample graph: the entities and relations of the sample articles in data/articles.
pub fn sample_graph() -> Graph {
    let text = std::fs::read_to_string(cases_dir().join("sample-graph.json"))
        .expect("tests/queries/sample-graph.json is readable");
    let docs: Vec<DocExtraction> = serde_json::from_str(&text).expect("sample graph parses");
    Graph::from_extractions(&docs)
}

fn outcome(graph: &Graph, query: &str) -> String {
    match newsgraph_query::run(graph, query) {
        Ok(out) => out.to_tsv(),
        Err(e) => format!("ERROR\n{}", e.render(query)),
    }
}

#[test]
fn query_cases() {
    let graph = sample_graph();
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut names: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("tests/queries exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "query"))
        .collect();
    names.sort();
    assert!(names.len() >= 30, "only {} cases", names.len());
    let mut failures = Vec::new();
    for q in &names {
        let query = std::fs::read_to_string(q).expect("query file is readable");
        let got = outcome(&graph, &query);
        let exp_path = q.with_extension("expected");
        if update {
            std::fs::write(&exp_path, &got).expect("expected file is writable");
            continue;
        }
        let want = std::fs::read_to_string(&exp_path).unwrap_or_default();
        if got != want {
            failures.push(format!(
                "{}\n--- expected\n{want}--- got\n{got}",
                q.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every case with a SPARQL twin must be a plain query (not an error) for the comparison to mean
/// something, and the twin must select at least one variable.
#[test]
fn sparql_twins_are_well_formed() {
    let graph = sample_graph();
    let mut twins = 0;
    for e in std::fs::read_dir(cases_dir()).expect("tests/queries exists") {
        let p = e.expect("dir entry").path();
        if p.extension().is_none_or(|x| x != "sparql") {
            continue;
        }
        twins += 1;
        let sparql = std::fs::read_to_string(&p).expect("readable");
        assert!(sparql.contains("SELECT"), "{}", p.display());
        assert!(
            sparql.contains("PREFIX ng: <https://newsgraph.dev/ontology#>"),
            "{}",
            p.display()
        );
        let query = std::fs::read_to_string(p.with_extension("query")).expect("query twin");
        assert!(
            newsgraph_query::run(&graph, &query).is_ok(),
            "{}",
            p.display()
        );
    }
    assert!(twins >= 20, "only {twins} SPARQL twins");
}
