//! Data-driven sentence cases: every `*.txt` under `tests/extract/` (format in the files).

use newsgraph_extract::{Article, DocExtraction, Extractor};
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Debug, Default)]
struct Case {
    line: usize,
    date: Option<String>,
    text: String,
    relations: BTreeSet<String>,
    none: bool,
    entities: Vec<(String, String)>,
    absent: Vec<String>,
}

fn key(rel: &str, a: &str, b: &str, status: &str, date: &str, place: &str) -> String {
    let (a, b) = if rel == "met-with" && b < a {
        (b, a)
    } else {
        (a, b)
    };
    format!("{rel} | {a} | {b} | {status} | {date} | {place}")
}

fn parse(src: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut cur = Case::default();
    let flush = |cur: &mut Case, cases: &mut Vec<Case>| {
        let done = std::mem::take(cur);
        if !done.text.trim().is_empty() {
            cases.push(done);
        }
    };
    for (n, raw) in src.lines().enumerate() {
        let line = raw.trim_end();
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut cur, &mut cases);
            continue;
        }
        if cur.line == 0 {
            cur.line = n + 1;
        }
        if let Some(d) = line.strip_prefix("date ").filter(|_| cur.text.is_empty()) {
            cur.date = Some(d.trim().to_string());
        } else if let Some(e) = line.strip_prefix("= ") {
            if e.trim() == "none" {
                cur.none = true;
            } else {
                let f: Vec<&str> = e.split('|').map(str::trim).collect();
                assert_eq!(f.len(), 6, "line {}: six fields expected", n + 1);
                cur.relations
                    .insert(key(f[0], f[1], f[2], f[3], f[4], f[5]));
            }
        } else if let Some(e) = line.strip_prefix("@ ") {
            let f: Vec<&str> = e.split('|').map(str::trim).collect();
            cur.entities.push((
                f[0].to_string(),
                f.get(1).copied().unwrap_or("").to_string(),
            ));
        } else if let Some(e) = line.strip_prefix("! ") {
            cur.absent.push(e.trim().to_string());
        } else {
            cur.text.push_str(line);
            cur.text.push('\n');
        }
    }
    flush(&mut cur, &mut cases);
    cases
}

fn produced(d: &DocExtraction) -> BTreeSet<String> {
    let name = |id: &str| {
        d.entity(id)
            .map(|e| e.name.clone())
            .unwrap_or_else(|| format!("?{id}"))
    };
    d.relations
        .iter()
        .map(|r| {
            key(
                r.kind.as_str(),
                &name(&r.subject),
                &r.object.as_deref().map(name).unwrap_or_else(|| "-".into()),
                r.status.as_str(),
                r.date.as_deref().unwrap_or("-"),
                &r.place.as_deref().map(name).unwrap_or_else(|| "-".into()),
            )
        })
        .collect()
}

#[test]
fn sentence_cases() {
    let ex = Extractor::builtin().expect("built-in data loads");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/extract");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/extract exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for f in files {
        let src = std::fs::read_to_string(&f).expect("readable case file");
        for c in parse(&src) {
            count += 1;
            let mut a = Article::new(format!("case{}", c.line), c.text.clone(), None);
            if let Some(d) = &c.date {
                a = a.with_date(d);
            }
            let d = ex.extract(&a);
            let got = produced(&d);
            let want_none = c.none && c.relations.is_empty();
            if (want_none && !got.is_empty()) || (!c.relations.is_empty() && got != c.relations) {
                failures.push(format!(
                    "{}:{}: {}\n  expected: {:#?}\n  got:      {:#?}",
                    f.display(),
                    c.line,
                    c.text.trim(),
                    c.relations,
                    got
                ));
            }
            for (name, kind) in &c.entities {
                if !d
                    .entities
                    .iter()
                    .any(|e| &e.name == name && e.kind.as_str() == kind)
                {
                    let seen: Vec<_> = d.entities.iter().map(|e| (&e.name, e.kind)).collect();
                    failures.push(format!(
                        "{}:{}: no entity {name} ({kind}) in {seen:?}",
                        f.display(),
                        c.line
                    ));
                }
            }
            for name in &c.absent {
                if d.entities
                    .iter()
                    .any(|e| &e.name == name || e.aliases.contains(name))
                {
                    failures.push(format!(
                        "{}:{}: unexpected entity {name}",
                        f.display(),
                        c.line
                    ));
                }
            }
        }
    }
    assert!(count >= 30, "only {count} cases found");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
