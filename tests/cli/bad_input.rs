//! Bad input gets a clear message and loses nothing.

use crate::support::*;

#[test]
fn unusable_files_are_reported_and_the_rest_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("good.txt"),
        "President Joe Biden met Chancellor Olaf Scholz in Berlin on Monday.",
    )
    .unwrap();
    std::fs::write(
        input.join("latin1.txt"),
        b"Caf\xe9 talks between Paris and Berlin.",
    )
    .unwrap();
    std::fs::write(input.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    let store = dir.path().join("g.db").display().to_string();
    let missing = dir.path().join("nope.txt").display().to_string();
    let o = bin()
        .args([
            "build",
            input.to_str().unwrap(),
            &missing,
            "--store",
            &store,
        ])
        .output()
        .unwrap();
    let (out, err) = text(&o);
    assert!(o.status.success(), "{out}\n{err}");
    assert!(err.contains("latin1.txt: not UTF-8"), "{err}");
    assert!(err.contains("binary.txt: binary data"), "{err}");
    assert!(err.contains("empty.txt: empty"), "{err}");
    assert!(err.contains("nope.txt: no such file"), "{err}");
    assert!(out.contains("1 added"), "{out}");
}

#[test]
fn nothing_readable_fails_and_leaves_the_store_alone() {
    let b = build_samples();
    let before = figure(&ok(&["stats", "--store", &b.store]), "triples");
    let bad = b.dir.path().join("bad.txt");
    std::fs::write(&bad, [0xffu8, 0xfe, 0]).unwrap();
    let err = fails(&["build", bad.to_str().unwrap(), "--store", &b.store]);
    assert!(err.contains("no article could be read"), "{err}");
    assert_eq!(
        figure(&ok(&["stats", "--store", &b.store]), "triples"),
        before
    );
}

#[test]
fn a_store_in_use_is_reported_not_a_panic() {
    let b = build_samples();
    let _held =
        newsgraph_store::GraphStore::open(std::path::Path::new(&b.store), Default::default())
            .unwrap();
    let err = fails(&["build", articles().to_str().unwrap(), "--store", &b.store]);
    assert!(err.contains("in use by another process"), "{err}");
    // Readers still get in.
    ok(&["stats", "--store", &b.store]);
}

#[test]
fn missing_store_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("none.db").display().to_string();
    let err = fails(&["stats", "--store", &store]);
    assert!(err.contains("newsgraph build"), "{err}");
}

#[test]
fn jsonl_input_and_bad_records() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("feed.jsonl");
    std::fs::write(
        &f,
        "{\"id\":\"a1\",\"date\":\"2025-03-03\",\"text\":\"President Joe Biden met Chancellor Olaf Scholz in Berlin on Friday.\"}\nnot json\n",
    )
    .unwrap();
    let o = bin()
        .args(["extract", f.to_str().unwrap()])
        .output()
        .unwrap();
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("feed.jsonl:2"), "{err}");
    assert!(out.contains("\"doc\":\"a1\""), "{out}");
}

/// `newsgraph export | head`: the reader closing the pipe early is no error and no panic.
#[test]
fn a_closed_pipe_ends_output_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let b = build_samples();
    for args in [
        vec!["export", "--format", "ntriples"],
        vec!["sparql", "SELECT * WHERE { ?s ?p ?o }"],
    ] {
        let mut child = bin()
            .args(&args)
            .args(["--store", &b.store])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}
