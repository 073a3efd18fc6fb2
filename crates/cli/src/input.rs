//! Reading article files: every file that cannot be used is reported and skipped, the rest is read.

use newsgraph_extract::Article;
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Articles read, and what could not be read.
#[derive(Debug, Default)]
pub struct Batch {
    pub articles: Vec<Article>,
    pub problems: Vec<String>,
    pub bytes: usize,
}

fn is_article_file(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("txt" | "jsonl")
    )
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, problems: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(format!("{}: cannot read folder: {e}", dir.display()));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out, problems);
        } else if is_article_file(&p) {
            out.push(p);
        }
    }
}

/// Checks that bytes are usable text; the error says why not.
fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("binary data, not text".into());
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.trim().is_empty() {
        return Err("empty".into());
    }
    Ok(text)
}

fn unique_id(id: String, seen: &mut HashSet<String>) -> String {
    if seen.insert(id.clone()) {
        return id;
    }
    let mut n = 2;
    loop {
        let candidate = format!("{id}-{n}");
        if seen.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
}

impl Batch {
    fn add_text(
        &mut self,
        id: String,
        text: String,
        source: &str,
        jsonl: bool,
        date: Option<&str>,
        seen: &mut HashSet<String>,
    ) {
        self.bytes += text.len();
        if jsonl {
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                match Article::from_json_line(line) {
                    Ok(mut a) => {
                        a.id = unique_id(a.id, seen);
                        if a.source.is_none() {
                            a.source = Some(format!("{source}:{}", n + 1));
                        }
                        self.articles.push(with_date(a, date));
                    }
                    Err(e) => self.problems.push(format!("{source}:{}: {e}", n + 1)),
                }
            }
        } else {
            let id = unique_id(id, seen);
            self.articles.push(with_date(
                Article::new(&id, &text, Some(source.to_string())),
                date,
            ));
        }
    }
}

fn with_date(a: Article, date: Option<&str>) -> Article {
    match date {
        Some(d) if a.date.is_none() => a.with_date(d),
        _ => a,
    }
}

/// The articles `times` over, the copies under new ids (`ID~2`, `ID~3`, …).
pub fn repeated(articles: Vec<Article>, times: usize) -> Vec<Article> {
    if times <= 1 {
        return articles;
    }
    let mut out = Vec::with_capacity(articles.len().saturating_mul(times));
    for round in 1..=times {
        for a in &articles {
            let mut a = a.clone();
            if round > 1 {
                a.id = format!("{}~{round}", a.id);
            }
            out.push(a);
        }
    }
    out
}

/// Reads every article under `paths` (`-` is standard input).
pub fn read_articles(paths: &[PathBuf], date: Option<&str>) -> Batch {
    let mut batch = Batch::default();
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    for p in paths {
        if p.as_os_str() == "-" {
            let mut bytes = Vec::new();
            match std::io::stdin().read_to_end(&mut bytes) {
                Ok(_) => match decode(bytes) {
                    Ok(text) => {
                        let jsonl = text.trim_start().starts_with('{');
                        batch.add_text("stdin".into(), text, "<stdin>", jsonl, date, &mut seen);
                    }
                    Err(why) => batch.problems.push(format!("<stdin>: {why}, skipped")),
                },
                Err(e) => batch.problems.push(format!("<stdin>: cannot read: {e}")),
            }
        } else if p.is_dir() {
            walk(p, &mut files, &mut batch.problems);
        } else if p.exists() {
            files.push(p.clone());
        } else {
            batch
                .problems
                .push(format!("{}: no such file or folder", p.display()));
        }
    }
    for f in files {
        let source = f.display().to_string();
        let id = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| source.clone());
        let jsonl = f
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
        match std::fs::read(&f) {
            Ok(bytes) => match decode(bytes) {
                Ok(text) => batch.add_text(id, text, &source, jsonl, date, &mut seen),
                Err(why) => batch.problems.push(format!("{source}: {why}, skipped")),
            },
            Err(e) => batch
                .problems
                .push(format!("{source}: cannot read: {e}, skipped")),
        }
    }
    batch
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_rejects_binary_non_utf8_and_empty() {
        assert_eq!(
            decode(b"a\0b".to_vec()).unwrap_err(),
            "binary data, not text"
        );
        assert!(decode(vec![b'a', 0xff, b'b'])
            .unwrap_err()
            .starts_with("not UTF-8"));
        assert_eq!(decode(b"  \n ".to_vec()).unwrap_err(), "empty");
        assert_eq!(
            decode("Zelensky met Putin.".as_bytes().to_vec()).unwrap(),
            "Zelensky met Putin."
        );
    }

    #[test]
    fn duplicate_ids_get_suffixes() {
        let mut seen = HashSet::new();
        assert_eq!(unique_id("a".into(), &mut seen), "a");
        assert_eq!(unique_id("a".into(), &mut seen), "a-2");
        assert_eq!(unique_id("a".into(), &mut seen), "a-3");
    }
}
