//! Runs a query over the sample graph (the built-in extractor over data/articles) and prints the
//! TSV result or the rendered error: `cargo run -p newsgraph-query --example sample -- 'MATCH ...'`.

use newsgraph_extract::{Article, Extractor};
use newsgraph_graph::Graph;
use std::io::Read;
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut articles = Vec::new();
    for p in &paths {
        let id = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        articles.push(Article::new(
            id,
            std::fs::read_to_string(p)?,
            Some(p.display().to_string()),
        ));
    }
    let graph = Graph::from_extractions(&Extractor::builtin()?.extract_all(&articles));
    let mut query = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    if query.trim().is_empty() {
        std::io::stdin().read_to_string(&mut query)?;
    }
    match newsgraph_query::run(&graph, &query) {
        Ok(out) => print!("{}", out.to_tsv()),
        Err(e) => print!("{}", e.render(&query)),
    }
    Ok(())
}
