//! Data-driven cases: `tests/queries/NAME.query` runs over the sample graph and its `to_tsv`
//! output must equal `NAME.expected`; an error is expected as `ERROR` and its rendered text.
//! With `UPDATE_EXPECT=1` the expected files are rewritten.

mod common;

use common::{cases_dir, outcome, sample_graph};
use std::path::PathBuf;

fn case_files(ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("tests/queries exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    files
}

#[test]
fn query_cases() {
    let graph = sample_graph();
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let cases = case_files("query");
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for q in &cases {
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

/// A SPARQL twin is compared with its case's rows elsewhere (against the store); here it must at
/// least be a SELECT with the ontology prefix, beside a case that succeeds and returns rows.
#[test]
fn sparql_twins_are_well_formed() {
    let graph = sample_graph();
    let twins = case_files("sparql");
    assert!(twins.len() >= 20, "only {} SPARQL twins", twins.len());
    for p in twins {
        let sparql = std::fs::read_to_string(&p).expect("readable");
        assert!(sparql.contains("SELECT"), "{}", p.display());
        assert!(
            sparql.contains("PREFIX ng: <https://newsgraph.dev/ontology#>"),
            "{}",
            p.display()
        );
        let query = std::fs::read_to_string(p.with_extension("query")).expect("query twin");
        let out = newsgraph_query::run(&graph, &query)
            .unwrap_or_else(|e| panic!("{}: {}", p.display(), e.render(&query)));
        assert!(!out.rows.is_empty(), "{} returns no rows", p.display());
    }
}

#[test]
fn names_resolve_through_aliases() {
    let graph = sample_graph();
    let out = newsgraph_query::run(&graph, "MATCH (p:PERSON {name: 'putin'}) RETURN p.name")
        .expect("runs");
    assert_eq!(out.to_tsv(), "p.name\nVladimir Putin\n");
    let plan = newsgraph_query::run(&graph, "EXPLAIN MATCH (p {name: 'Putin'})--(x) RETURN x")
        .expect("explains");
    assert!(plan.explain);
    assert!(plan
        .to_tsv()
        .contains("name index \"Putin\" (any alias): 1 candidate(s)"));
}
