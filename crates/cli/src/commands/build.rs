//! `newsgraph build`: articles in, graph in the store, summary out.

use super::{extractor, open_writable, store_options};
use crate::args::BuildArgs;
use crate::input::read_articles;
use crate::progress::Progress;
use anyhow::{bail, Context, Result};
use newsgraph_extract::DocExtraction;
use newsgraph_store::{DocFacts, GraphStore, Stats};
use rayon::prelude::*;
use std::process::ExitCode;
use std::time::Instant;

/// Identifies what produced an extraction, so a new extractor re-extracts unchanged articles.
fn extractor_id(args: &BuildArgs) -> Result<String> {
    let mut id = format!("newsgraph-extract {}", env!("CARGO_PKG_VERSION"));
    for p in [&args.input.gazetteer, &args.input.lexicon]
        .into_iter()
        .flatten()
    {
        let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
        id.push_str(&format!(" {}:{}", p.display(), bytes.len()));
    }
    Ok(id)
}

fn now_xsd() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub fn run(args: BuildArgs) -> Result<ExitCode> {
    let start = Instant::now();
    let ex = extractor(&args.input)?;
    let batch = read_articles(&args.input.paths, args.input.date.as_deref());
    for p in &batch.problems {
        eprintln!("warning: {p}");
    }
    if batch.articles.is_empty() {
        bail!("no article could be read; the store was not touched");
    }
    let store = if args.memory {
        GraphStore::memory(store_options(&args.store))?
    } else {
        open_writable(&args.store)?
    };
    let progress = Progress::new(batch.articles.len() as u64, "extracting");
    let docs: Vec<DocExtraction> = batch
        .articles
        .par_iter()
        .map(|a| {
            let d = ex.extract(a);
            progress.inc(1);
            d
        })
        .collect();
    progress.finish();
    let mut facts = DocFacts {
        extractor: extractor_id(&args)?,
        ingested_at: Some(now_xsd()),
    };
    if args.force {
        facts.extractor.push_str(&format!(" forced {}", now_xsd()));
    }
    let report = store
        .ingest(&docs, &facts, |_| {})
        .context("writing the graph (the store keeps its previous content)")?;
    store.flush()?;
    let stats = store.stats()?;
    let where_ = if args.memory {
        "memory".to_string()
    } else {
        args.store.store.display().to_string()
    };
    println!(
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
    );
    print_stats(&stats);
    Ok(ExitCode::SUCCESS)
}

/// The summary `build` and `stats` print.
pub fn print_stats(stats: &Stats) {
    let kinds: Vec<String> = stats
        .entities_by_kind
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    println!("  documents  {}", stats.documents);
    println!("  entities   {:<6} ({})", stats.entities, kinds.join(", "));
    let total: u64 = stats.relations.values().flat_map(|m| m.values()).sum();
    println!("  relations  {total}");
    for (kind, by_status) in &stats.relations {
        let n: u64 = by_status.values().sum();
        let parts: Vec<String> = by_status.iter().map(|(s, n)| format!("{s} {n}")).collect();
        println!("    {kind:<10} {n:<6} ({})", parts.join(", "));
    }
    println!(
        "  triples    {}   (quads over all graphs: {})",
        stats.triples, stats.quads
    );
}
