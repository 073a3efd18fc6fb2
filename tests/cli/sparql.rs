//! SPARQL from the command line, and the questions the sample graph must answer.

use crate::support::*;

fn csv(store: &str, q: &str) -> Vec<String> {
    let out = ok(&["sparql", "--store", store, "--format", "csv", q]);
    out.lines().skip(1).map(|l| l.trim().to_string()).collect()
}

#[test]
fn malformed_sparql_points_at_the_error() {
    let b = build_samples();
    let err = fails(&[
        "sparql",
        "--store",
        &b.store,
        "SELECT ?x WHERE { ?x ng:metWith }",
    ]);
    assert!(err.contains("SPARQL"), "{err}");
    assert!(err.contains("1:"), "no position in: {err}");
}

#[test]
fn updates_need_the_flag() {
    let b = build_samples();
    let err = fails(&[
        "sparql",
        "--store",
        &b.store,
        "INSERT DATA { <http://x> <http://y> <http://z> }",
    ]);
    assert!(err.contains("--update"), "{err}");
    ok(&[
        "sparql",
        "--store",
        &b.store,
        "--update",
        "INSERT DATA { <http://x> <http://y> <http://z> }",
    ]);
    let ask = "ASK { <http://x> <http://y> <http://z> }";
    let out = ok(&["sparql", "--store", &b.store, "--format", "csv", ask]);
    assert_eq!(out, "true\n");
}

#[test]
fn output_formats() {
    let b = build_samples();
    let q = "SELECT ?n WHERE { ?e ng:kind \"PERSON\" ; rdfs:label ?n } ORDER BY ?n LIMIT 3";
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["sparql", "--store", &b.store, "--format", "json", q])).unwrap();
    assert_eq!(json["head"]["vars"][0], "n");
    let xml = ok(&["sparql", "--store", &b.store, "--format", "xml", q]);
    assert!(xml.contains("<sparql"), "{xml}");
    let tsv = ok(&["sparql", "--store", &b.store, "--format", "tsv", q]);
    assert!(tsv.starts_with("?n"), "{tsv}");
    let table = ok(&["sparql", "--store", &b.store, q]);
    assert!(table.contains("3 rows"), "{table}");
    let ttl = ok(&[
        "sparql",
        "--store",
        &b.store,
        "--format",
        "turtle",
        "CONSTRUCT { ?a ng:metWith ?b } WHERE { ?a ng:metWith ?b }",
    ]);
    assert!(ttl.contains("ng:metWith"), "{ttl}");
}

#[test]
fn questions_the_sample_graph_answers() {
    let b = build_samples();
    // Everyone Putin met or plans to meet, with status.
    let met = csv(
        &b.store,
        "SELECT DISTINCT ?who ?status WHERE { ?m a ng:Meeting ; ng:status ?status ; sem:hasActor ?p , ?o .
           ?p rdfs:label \"Vladimir Putin\" . ?o rdfs:label ?who . FILTER(?o != ?p) } ORDER BY ?who ?status",
    );
    assert!(met.iter().any(|r| r == "Donald Trump,occurred"), "{met:?}");
    assert!(met.iter().any(|r| r == "Donald Trump,planned"), "{met:?}");
    assert!(
        met.iter().any(|r| r.starts_with("Steve Witkoff,")),
        "{met:?}"
    );
    // All demands with their content.
    let demands = csv(&b.store, "SELECT ?who ?content WHERE { ?d a ng:Demand ; ng:subject/rdfs:label ?who ; ng:content ?content }");
    assert!(
        demands.iter().any(|r| r.starts_with("Russia,")),
        "{demands:?}"
    );
    // Proposals made to Steve Witkoff.
    let to_witkoff = csv(&b.store, "SELECT ?who WHERE { ?p a ng:Proposal ; ng:subject/rdfs:label ?who ; ng:object/rdfs:label \"Steve Witkoff\" }");
    assert_eq!(to_witkoff, vec!["Vladimir Putin"]);
    // Documents where Zelensky appears, under any spelling.
    let docs = csv(
        &b.store,
        "SELECT DISTINCT ?doc WHERE { ?z ng:entityId ?id ; schema:alternateName|rdfs:label ?n .
           FILTER(lcase(str(?n)) IN (\"zelensky\", \"zelenskyy\", \"zelenskiy\"))
           ?d schema:mentions ?z ; ng:docId ?doc } ORDER BY ?doc",
    );
    assert_eq!(docs.len(), 5, "{docs:?}");
    // The evidence sentence for the Alaska summit.
    let evidence = csv(
        &b.store,
        "SELECT DISTINCT ?text WHERE { ?m a ng:Meeting ; ng:placeName \"Alaska\" ; ng:status \"occurred\" ; ng:evidence ?s . ?s nif:anchorOf ?text }",
    );
    assert!(
        evidence.iter().any(|s| s.contains("summit in Alaska")),
        "{evidence:?}"
    );
}
