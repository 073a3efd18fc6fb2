//! Prints the JSON Lines extraction of article files or folders (`.txt` found recursively,
//! `.jsonl` read as records): `cargo run --example extract -- data/articles`.

use newsgraph_extract::{jsonl, Article, Extractor};
use std::io::Write;
use std::path::{Path, PathBuf};

fn collect(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            collect(&e, out);
        }
    } else if matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("txt" | "jsonl")
    ) {
        out.push(p.to_path_buf());
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut files = Vec::new();
    let mut date = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--date" {
            date = args.next();
        } else {
            collect(Path::new(&a), &mut files);
        }
    }
    let mut articles = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f)?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        if f.extension().and_then(|e| e.to_str()) == Some("jsonl") {
            for (n, line) in text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                match Article::from_json_line_at(line, Some(n + 1)) {
                    Ok(a) => articles.push(a),
                    Err(e) => eprintln!("{}: {e}", f.display()),
                }
            }
        } else {
            let id = f
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("doc")
                .to_string();
            articles.push(Article::new(id, text, Some(f.display().to_string())));
        }
    }
    if let Some(d) = &date {
        articles = articles.into_iter().map(|a| a.with_date(d)).collect();
    }
    let ex = Extractor::builtin()?;
    let docs = ex.extract_all(&articles);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for d in &docs {
        jsonl::write_doc(d, &mut out)?;
    }
    out.flush()?;
    Ok(())
}
