//! Running the binary on the sample articles in a scratch folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn articles() -> PathBuf {
    root().join("data/articles")
}

pub fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Runs the binary and insists it succeeds, returning stdout.
pub fn ok(args: &[&str]) -> String {
    let o = bin().args(args).output().expect("the binary runs");
    let (out, err) = text(&o);
    assert!(
        o.status.success(),
        "newsgraph {args:?} failed\nstdout:\n{out}\nstderr:\n{err}"
    );
    out
}

/// Runs the binary and insists it fails, returning stderr.
pub fn fails(args: &[&str]) -> String {
    let o = bin().args(args).output().expect("the binary runs");
    let (out, err) = text(&o);
    assert!(
        !o.status.success(),
        "newsgraph {args:?} should fail\nstdout:\n{out}\nstderr:\n{err}"
    );
    assert!(!err.contains("panicked"), "panic: {err}");
    err
}

/// A store built from the sample articles in a fresh temporary folder.
pub struct Built {
    pub dir: tempfile::TempDir,
    pub store: String,
    pub summary: String,
}

pub fn build_samples() -> Built {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("g.db").display().to_string();
    let summary = ok(&[
        "build",
        articles().to_str().expect("utf-8 path"),
        "--store",
        &store,
    ]);
    Built {
        dir,
        store,
        summary,
    }
}

/// The number after `label` in a summary line such as `  triples    1234`.
pub fn figure(summary: &str, label: &str) -> u64 {
    summary
        .lines()
        .find_map(|l| l.trim_start().strip_prefix(label))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no {label} in summary:\n{summary}"))
}
