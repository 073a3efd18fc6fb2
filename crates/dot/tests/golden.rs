//! Golden files: every `tests/dot/NAME.json` (a hand-built graph, what to select and the
//! options) must export to `tests/dot/NAME.dot` byte for byte, and Graphviz must accept the
//! result. `UPDATE_EXPECT=1 cargo test -p newsgraph-dot --test golden` rewrites the `.dot` files.

mod common;

use common::{case_dir, check_with_graphviz, Case};
use std::path::Path;

fn cases() -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(case_dir())
        .expect("tests/dot exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(
        !paths.is_empty(),
        "no golden cases in {}",
        case_dir().display()
    );
    paths
}

fn export_case(path: &Path, reversed: bool) -> String {
    let case = Case::load(path);
    let (dot, _) = case.export(reversed);
    dot
}

#[test]
fn exports_match_golden_files() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for path in cases() {
        let dot = export_case(&path, false);
        let expected_path = path.with_extension("dot");
        if update {
            std::fs::write(&expected_path, &dot).expect("write golden file");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if dot != expected {
            failures.push(format!(
                "{} differs from {} (UPDATE_EXPECT=1 rewrites it); got:\n{dot}",
                path.display(),
                expected_path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn output_does_not_depend_on_insertion_order() {
    for path in cases() {
        assert_eq!(
            export_case(&path, false),
            export_case(&path, true),
            "{}",
            path.display()
        );
    }
}

#[test]
fn graphviz_accepts_every_export() {
    for path in cases() {
        let dot = export_case(&path, false);
        check_with_graphviz(&path.display().to_string(), &dot);
    }
}
