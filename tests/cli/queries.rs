//! The two engines check each other: for every `tests/queries/NAME.sparql`, the SPARQL query run
//! on the store built from the sample articles must give the rows of `NAME.expected`, the
//! output of the graph query `NAME.query` (compared as sorted rows of plain strings).

use crate::support::*;

fn sparql_rows(store: &str, query: &str) -> Vec<String> {
    let out = ok(&["sparql", "--store", store, "--format", "json", query]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("SPARQL JSON results");
    let vars: Vec<String> = json["head"]["vars"]
        .as_array()
        .map(|v| {
            v.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let mut rows: Vec<String> = json["results"]["bindings"]
        .as_array()
        .map(|bs| {
            bs.iter()
                .map(|b| {
                    vars.iter()
                        .map(|v| b[v]["value"].as_str().unwrap_or("").to_string())
                        .collect::<Vec<_>>()
                        .join("\t")
                })
                .collect()
        })
        .unwrap_or_default();
    rows.sort();
    rows
}

fn expected_rows(text: &str) -> Vec<String> {
    let mut rows: Vec<String> = text
        .lines()
        .skip(1)
        .map(|l| l.replace("null", ""))
        .collect();
    rows.sort();
    rows
}

#[test]
fn sparql_twins_agree_with_graph_queries() {
    let dir = root().join("tests/queries");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/queries exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sparql"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no .sparql cases in {}", dir.display());
    let b = build_samples();
    let mut failures = Vec::new();
    for case in &cases {
        let query = std::fs::read_to_string(case).unwrap();
        let expected = std::fs::read_to_string(case.with_extension("expected")).unwrap_or_default();
        let got = sparql_rows(&b.store, &query);
        let want = expected_rows(&expected);
        if got != want {
            failures.push(format!(
                "{}:\n  SPARQL rows: {got:?}\n  expected:    {want:?}",
                case.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases disagree:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
