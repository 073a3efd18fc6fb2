//! The sample graph shared by the integration tests: what the built-in extractor makes of the
//! sample articles in data/articles, the same input the store's SPARQL twins run on.

// Each test file uses a different part of this module.
#![allow(dead_code)]

use newsgraph_extract::{Article, Extractor};
use newsgraph_graph::Graph;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn cases_dir() -> PathBuf {
    root().join("tests/queries")
}

/// The articles of data/articles in file-name order, identified by file stem.
pub fn sample_articles() -> Vec<Article> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("data/articles"))
        .expect("data/articles exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let id = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = std::fs::read_to_string(p).expect("article readable");
            Article::new(id, text, Some(p.display().to_string()))
        })
        .collect()
}

pub fn sample_graph() -> Graph {
    let extractor = Extractor::builtin().expect("built-in extractor loads");
    Graph::from_extractions(&extractor.extract_all(&sample_articles()))
}

/// The text a case is expected to produce: TSV, or the rendered error after an `ERROR` line.
pub fn outcome(graph: &Graph, query: &str) -> String {
    match newsgraph_query::run(graph, query) {
        Ok(out) => out.to_tsv(),
        Err(e) => format!("ERROR\n{}", e.render(query)),
    }
}
