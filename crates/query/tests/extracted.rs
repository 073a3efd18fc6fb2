//! The query engine over a graph the extractor builds from the sample articles (rather than the
//! fixed fixture): every data-driven case must still run, and the basics must hold.

use newsgraph_extract::{Article, Extractor};
use newsgraph_graph::Graph;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn extracted_graph() -> Graph {
    let extractor = Extractor::builtin().expect("builtin extractor loads");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("data/articles"))
        .expect("data/articles exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let articles: Vec<Article> = paths
        .iter()
        .map(|p| {
            let id = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = std::fs::read_to_string(p).expect("article readable");
            Article::new(id, text, Some(p.display().to_string()))
        })
        .collect();
    Graph::from_extractions(&extractor.extract_all(&articles))
}

#[test]
fn every_case_runs_on_the_extracted_graph() {
    let graph = extracted_graph();
    assert!(graph.node_count() > 0 && graph.edge_count() > 0);
    let dir = root().join("tests/queries");
    let mut ran = 0;
    for e in std::fs::read_dir(&dir).expect("tests/queries exists") {
        let p = e.expect("dir entry").path();
        if p.extension().is_none_or(|x| x != "query") {
            continue;
        }
        let q = std::fs::read_to_string(&p).expect("query readable");
        let name = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match newsgraph_query::run(&graph, &q) {
            Ok(_) => assert!(!name.starts_with("error_"), "{name} should fail"),
            Err(err) => assert!(name.starts_with("error_"), "{name}: {}", err.render(&q)),
        }
        ran += 1;
    }
    assert!(ran >= 30);
}

#[test]
fn names_resolve_through_aliases_on_the_extracted_graph() {
    let graph = extracted_graph();
    let out = newsgraph_query::run(&graph, "MATCH (p:PERSON {name: 'putin'}) RETURN p.name")
        .expect("runs");
    assert_eq!(out.rows.len(), 1, "{}", out.to_tsv());
    let plan = newsgraph_query::run(&graph, "EXPLAIN MATCH (p {name: 'Putin'})--(x) RETURN x")
        .expect("explains");
    assert!(plan
        .to_tsv()
        .contains("name index \"Putin\" (any alias): 1 candidate(s)"));
}
