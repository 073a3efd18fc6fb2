//! `newsgraph build`: articles in, graph in the store, summary out.

use super::{extractor, open_writable, read_input, store_options};
use crate::args::BuildArgs;
use crate::input::repeated;
use crate::progress::Progress;
use anyhow::{Context, Result};
use newsgraph_extract::DocExtraction;
use newsgraph_store::{DocFacts, GraphStore, Stats};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// Identifies what produced an extraction, so edited data files re-extract unchanged articles.
fn extractor_id(args: &BuildArgs) -> Result<String> {
    let mut id = format!("newsgraph-extract {}", env!("CARGO_PKG_VERSION"));
    for p in [&args.input.gazetteer, &args.input.lexicon]
        .into_iter()
        .flatten()
    {
        let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
        let digest = Sha256::digest(&bytes);
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        id.push_str(&format!(" {}:{hex}", p.display()));
    }
    Ok(id)
}

/// Bytes under a directory (the store's size on disk).
fn disk_size(path: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(path) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => disk_size(&e.path()),
            _ => e.metadata().map_or(0, |m| m.len()),
        })
        .sum()
}

fn now_xsd() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub fn run(args: BuildArgs) -> Result<ExitCode> {
    let start = Instant::now();
    let ex = extractor(&args.input)?;
    let batch = read_input(&args.input, "; the store was not touched")?;
    let articles = repeated(batch.articles, args.repeat as usize);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let store = if args.memory {
        GraphStore::memory(store_options(&args.store))?
    } else {
        open_writable(&args.store)?
    };
    let extract_start = Instant::now();
    let progress = Progress::new(articles.len() as u64, "extracting");
    let docs: Vec<DocExtraction> = articles
        .par_iter()
        .map(|a| {
            let d = ex.extract(a);
            progress.inc(1);
            d
        })
        .collect();
    progress.finish();
    let extract_secs = extract_start.elapsed().as_secs_f64();
    let mut facts = DocFacts {
        extractor: extractor_id(&args)?,
        ingested_at: Some(now_xsd()),
    };
    if args.force {
        facts.extractor.push_str(&format!(" forced {}", now_xsd()));
    }
    let view_before = store.view_before_write()?;
    let load_start = Instant::now();
    let report = store
        .ingest(&docs, &facts, |_| {})
        .context("writing the graph (the store keeps its previous content)")?;
    store.flush()?;
    let load_secs = load_start.elapsed().as_secs_f64();
    // Readers (query, dot, repl) start from the saved view; extend it now while it is cheap.
    let view_start = Instant::now();
    let view_saved = store
        .save_view_after(view_before, &report)
        .context("saving the graph view")?;
    let view_secs = view_start.elapsed().as_secs_f64();
    let stats = store.stats()?;
    let mut out = std::io::stdout().lock();
    let where_ = if args.memory {
        "memory".to_string()
    } else {
        args.store.store.display().to_string()
    };
    writeln!(
        out,
        "Built {where_} from {} article{} in {:.2} s: {} added, {} replaced, {} unchanged{}",
        docs.len(),
        if docs.len() == 1 { "" } else { "s" },
        start.elapsed().as_secs_f64(),
        report.added,
        report.replaced,
        report.unchanged,
        if batch.problems.is_empty() {
            String::new()
        } else {
            format!(", {} skipped", batch.problems.len())
        },
    )?;
    print_stats(&stats, &mut out)?;
    writeln!(out,
        "  time       extraction {extract_secs:.2} s ({:.1} MB/s), loading {load_secs:.2} s ({:.0} quads/s)",
        bytes as f64 / 1e6 / extract_secs.max(1e-9),
        report.quads_written as f64 / load_secs.max(1e-9),
    )?;
    if view_saved {
        writeln!(out, "             graph view for queries {view_secs:.2} s")?;
    }
    if !args.memory {
        let size = disk_size(&args.store.store);
        // Below a thousand documents the store's fixed overhead would dominate a per-1,000 rate.
        let rate = if stats.documents >= 1000 {
            format!(
                " ({:.1} MB per 1,000 documents)",
                size as f64 / 1e6 * 1000.0 / stats.documents as f64
            )
        } else {
            String::new()
        };
        writeln!(out, "  on disk    {:.1} MB{rate}", size as f64 / 1e6)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The summary `build` and `stats` print.
pub fn print_stats(stats: &Stats, out: &mut impl Write) -> std::io::Result<()> {
    let kinds: Vec<String> = stats
        .entities_by_kind
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    writeln!(out, "  documents  {}", stats.documents)?;
    writeln!(
        out,
        "  entities   {:<6} ({})",
        stats.entities,
        kinds.join(", ")
    )?;
    let total: u64 = stats.relations.values().flat_map(|m| m.values()).sum();
    writeln!(out, "  relations  {total}")?;
    for (kind, by_status) in &stats.relations {
        let n: u64 = by_status.values().sum();
        let parts: Vec<String> = by_status.iter().map(|(s, n)| format!("{s} {n}")).collect();
        writeln!(out, "    {kind:<10} {n:<6} ({})", parts.join(", "))?;
    }
    writeln!(
        out,
        "  triples    {}   (quads over all graphs: {})",
        stats.triples, stats.quads
    )?;
    Ok(())
}
