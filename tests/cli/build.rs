use crate::support::*;

#[test]
fn build_is_idempotent_and_agrees_with_sparql() {
    let b = build_samples();
    let triples = figure(&b.summary, "triples");
    assert!(triples > 100, "{}", b.summary);
    assert_eq!(figure(&b.summary, "documents"), 5);
    let again = ok(&["build", articles().to_str().unwrap(), "--store", &b.store]);
    assert!(
        again.contains("0 added, 0 replaced, 5 unchanged"),
        "{again}"
    );
    assert_eq!(figure(&again, "triples"), triples);
    let counted = ok(&[
        "sparql",
        "--store",
        &b.store,
        "--format",
        "csv",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    ]);
    assert_eq!(
        counted.lines().nth(1).map(str::trim),
        Some(triples.to_string().as_str()),
        "{counted}"
    );
}

#[test]
fn adding_an_article_adds_to_the_graph() {
    let b = build_samples();
    let extra = b.dir.path().join("extra.txt");
    std::fs::write(
        &extra,
        " date 2025-03-02 Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Friday.",
    )
    .unwrap();
    let out = ok(&["build", extra.to_str().unwrap(), "--store", &b.store]);
    assert!(out.contains("1 added"), "{out}");
    assert_eq!(figure(&out, "documents"), 6);
    assert!(figure(&out, "triples") > figure(&b.summary, "triples"));
}

#[test]
fn changed_article_replaces_its_graph() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("g.db").display().to_string();
    let art = dir.path().join("a.txt");
    std::fs::write(
        &art,
        "President Joe Biden met Chancellor Olaf Scholz in Berlin.",
    )
    .unwrap();
    ok(&["build", art.to_str().unwrap(), "--store", &store]);
    std::fs::write(
        &art,
        "President Joe Biden met President Emmanuel Macron in Paris.",
    )
    .unwrap();
    let out = ok(&["build", art.to_str().unwrap(), "--store", &store]);
    assert!(out.contains("1 replaced"), "{out}");
    let rows = ok(&[
        "sparql",
        "--store",
        &store,
        "--format",
        "csv",
        "SELECT ?n WHERE { ?d ng:docId \"a\" ; schema:mentions/rdfs:label ?n } ORDER BY ?n",
    ]);
    assert!(rows.contains("Emmanuel Macron"), "{rows}");
    assert!(
        !rows.contains("Olaf Scholz"),
        "the old extraction stayed: {rows}"
    );
}

#[test]
fn stats_and_memory_build() {
    let b = build_samples();
    let stats = ok(&["stats", "--store", &b.store]);
    assert!(stats.contains("met-with"), "{stats}");
    assert_eq!(figure(&stats, "triples"), figure(&b.summary, "triples"));
    let mem = ok(&["build", articles().to_str().unwrap(), "--memory"]);
    assert_eq!(figure(&mem, "triples"), figure(&b.summary, "triples"));
}

#[test]
fn extract_prints_the_gold_schema() {
    let out = ok(&["extract", articles().to_str().unwrap()]);
    let mut entities = 0;
    let mut relations = 0;
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("every line is JSON");
        match v["type"].as_str() {
            Some("entity") => {
                entities += 1;
                for k in ["doc", "id", "name", "kind", "aliases"] {
                    assert!(!v[k].is_null(), "entity line without {k}: {line}");
                }
            }
            Some("relation") => {
                relations += 1;
                for k in [
                    "doc", "relation", "subject", "status", "sentence", "start", "end",
                ] {
                    assert!(!v[k].is_null(), "relation line without {k}: {line}");
                }
            }
            other => panic!("unexpected line type {other:?}: {line}"),
        }
    }
    assert!(
        entities > 50 && relations > 20,
        "{entities} entities, {relations} relations"
    );
}

#[test]
fn export_round_trips_through_import() {
    let b = build_samples();
    let ttl = b.dir.path().join("g.nq");
    ok(&[
        "export",
        "--store",
        &b.store,
        "--format",
        "nquads",
        "-o",
        ttl.to_str().unwrap(),
    ]);
    let store2 = b.dir.path().join("copy.db").display().to_string();
    ok(&["import", ttl.to_str().unwrap(), "--store", &store2]);
    let a = ok(&[
        "sparql",
        "--store",
        &b.store,
        "--format",
        "csv",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    ]);
    let c = ok(&[
        "sparql",
        "--store",
        &store2,
        "--format",
        "csv",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    ]);
    assert_eq!(a, c);
    for format in ["turtle", "trig", "ntriples", "jsonld", "rdfxml"] {
        let out = ok(&[
            "export",
            "--store",
            &b.store,
            "--format",
            format,
            "--graph",
            "004_0ad7096d097e2c25",
        ]);
        assert!(out.len() > 1000, "{format}: {out}");
    }
}
