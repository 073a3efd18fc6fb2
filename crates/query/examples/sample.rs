//! Runs a query over the sample graph (tests/queries/sample-graph.json) and prints the TSV
//! result or the rendered error: `cargo run -p newsgraph-query --example sample -- 'MATCH ...'`.

use newsgraph_extract::DocExtraction;
use newsgraph_graph::Graph;
use std::io::Read;
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/queries/sample-graph.json");
    let docs: Vec<DocExtraction> = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let graph = Graph::from_extractions(&docs);
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
