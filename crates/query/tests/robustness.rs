//! No input may panic: random text and random soups of the language's tokens go through parsing,
//! planning, execution and every rendering.

mod common;

use newsgraph_graph::Graph;
use proptest::prelude::*;
use std::sync::OnceLock;

fn graph() -> &'static Graph {
    static G: OnceLock<Graph> = OnceLock::new();
    G.get_or_init(common::sample_graph)
}

fn exercise(q: &str) {
    match newsgraph_query::run(graph(), q) {
        Ok(out) => {
            let _ = out.to_tsv();
            let _ = out.to_csv();
            let _ = out.to_json();
            let _ = out.selection();
        }
        Err(e) => {
            let _ = e.render(q);
            let _ = (e.line(), e.column());
        }
    }
}

const TOKENS: &[&str] = &[
    "MATCH",
    "OPTIONAL",
    "WHERE",
    "RETURN",
    "EXPLAIN",
    "DISTINCT",
    "AS",
    "ORDER BY",
    "ASC",
    "DESC",
    "SKIP",
    "LIMIT",
    "AND",
    "OR",
    "XOR",
    "NOT",
    "IN",
    "CONTAINS",
    "STARTS WITH",
    "ENDS WITH",
    "IS NULL",
    "IS NOT NULL",
    "shortestPath",
    "allShortestPaths",
    "count(*)",
    "count",
    "collect",
    "min",
    "max",
    "sum",
    "avg",
    "length",
    "nodes",
    "relationships",
    "type",
    "within",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "-",
    "->",
    "<-",
    "--",
    ":",
    ",",
    ".",
    "..",
    "*",
    "*1..3",
    "|",
    "=",
    "<>",
    "<",
    "<=",
    ">",
    ">=",
    "=~",
    "a",
    "b",
    "p",
    "r",
    "a.name",
    "r.date",
    "r.status",
    ":PERSON",
    ":met_with",
    ":`met-with`",
    ":proposed",
    "\"Putin\"",
    "'2025-08'",
    "\"--08-15\"",
    "\"(?i).*\"",
    "\"(\"",
    "1",
    "0",
    "-1",
    "2.5",
    "null",
    "true",
    "false",
    "[1, 2]",
    "{name: \"Trump\"}",
    ";",
    "//",
    "\n",
    "`",
    "\"",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..40).prop_map(|ts| ts.join(" "))
}

/// Mostly-valid queries: a pattern and a projection built from pieces, so execution is reached.
fn near_valid() -> impl Strategy<Value = String> {
    let node = prop::sample::select(vec![
        "(a)",
        "(a:PERSON)",
        "(a {name: \"Putin\"})",
        "(b)",
        "(b:GPE)",
        "()",
    ]);
    let rel = prop::sample::select(vec![
        "-[r:met_with]-",
        "-[r]->",
        "<-[:proposed]-",
        "-[*1..2]-",
        "--",
        "-[r:demanded {status: \"occurred\"}]->",
    ]);
    let node2 = prop::sample::select(vec!["(b)", "(c)", "(b {name: \"Zelenskiy\"})", "(a)"]);
    let cond = prop::sample::select(vec![
        "",
        "WHERE a.name STARTS WITH \"V\"",
        "WHERE r.date >= \"2025-08\"",
        "WHERE NOT a.kind IN [\"PERSON\"] OR b.name =~ \".*a.*\"",
        "WHERE b IS NULL XOR true",
    ]);
    let ret = prop::sample::select(vec![
        "RETURN a",
        "RETURN DISTINCT b.name ORDER BY b.name DESC",
        "RETURN a.name, count(*) AS n ORDER BY n SKIP 1 LIMIT 3",
        "RETURN *",
        "RETURN collect(DISTINCT b.kind), min(a.name)",
    ]);
    let prefix = prop::sample::select(vec![
        "",
        "EXPLAIN ",
        "MATCH p = shortestPath((s {name: \"Vance\"})-[:met_with*..4]-(t:PERSON)) ",
        "MATCH (a)-[:proposed]->(c) WHERE c.id STARTS WITH \"content:\" ",
    ]);
    let optional = prop::sample::select(vec![
        "",
        "OPTIONAL MATCH (b)-[q:proposed]->(z)",
        "OPTIONAL MATCH (a)--(y:GPE) WHERE y.name <> \"x\" OPTIONAL MATCH (y)--(w)",
    ]);
    (prefix, node, rel, node2, cond, optional, ret)
        .prop_map(|(pre, n, r, m, c, o, ret)| format!("{pre}MATCH {n}{r}{m} {c} {o} {ret}"))
}

// PROPTEST_CASES raises the number of cases (256 by default).
proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(q in "\\PC{0,80}") {
        exercise(&q);
    }

    #[test]
    fn token_soup_never_panics(q in soup()) {
        exercise(&q);
    }

    #[test]
    fn near_valid_queries_never_panic(q in near_valid()) {
        exercise(&q);
    }
}

#[test]
fn pathological_inputs_are_errors_not_crashes() {
    for q in [
        "(".repeat(10_000),
        format!("MATCH {}(b) RETURN count(*)", "(a)--".repeat(3_000)),
        format!("MATCH (a){}(b) RETURN count(*)", "-[*32]-()".repeat(20)),
        format!("MATCH {}(b) RETURN count(*)", "(a)--(b), ".repeat(3_000)),
        format!("MATCH (a) WHERE {}true RETURN a", "true OR ".repeat(20_000)),
        format!("MATCH (a) RETURN [{}1]", "1, ".repeat(20_000)),
        format!(
            "MATCH (a) WHERE {}true{} RETURN a",
            "(".repeat(62),
            ")".repeat(62)
        ),
        format!(
            "MATCH (a) WHERE {}true{} RETURN a",
            "[".repeat(62),
            "]".repeat(62)
        ),
        format!(
            "MATCH (a) WHERE {}true{} RETURN a",
            "NOT (".repeat(31),
            ")".repeat(31)
        ),
        format!("MATCH (a) WHERE {} true RETURN a", "NOT ".repeat(63)),
        format!("MATCH (a) WHERE {}1 = 1 RETURN a", "- ".repeat(63)),
        format!("MATCH (a) WHERE {} true RETURN a", "NOT ".repeat(5_000)),
        format!("MATCH (a) WHERE {}1 RETURN a", "-".repeat(5_000)),
        "MATCH (a) RETURN a LIMIT 99999999999999999999999".to_string(),
        "MATCH (a)-[*4294967296]-(b) RETURN a".to_string(),
        "MATCH (a) WHERE a.name = 99999999999999999999999 RETURN a".to_string(),
        "MATCH (a) RETURN -(-9223372036854775808)".to_string(),
        "x".repeat(200_000),
        "MATCH (é {name: \"ü\"}) RETURN é".to_string(),
        "\u{0}".to_string(),
    ] {
        exercise(&q);
    }
}
