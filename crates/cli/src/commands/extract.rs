//! `newsgraph extract`: JSON Lines for the scorer and for other tools; `--bench` for throughput.

use super::{extractor, read_input};
use crate::args::ExtractArgs;
use crate::input::repeated;
use anyhow::Result;
use newsgraph_extract::{jsonl, Article, DocExtraction, Extractor};
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let ex = extractor(&args.input)?;
    let batch = read_input(&args.input, "")?;
    if let Some(mb) = args.bench {
        bench(&ex, &batch.articles, mb)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout());
    // Each article's lines are written out on the thread that extracted it; only the
    // bytes go to stdout in order.
    let lines = |d: DocExtraction| {
        let mut buf = Vec::new();
        jsonl::write_doc(&d, &mut buf).map(|()| buf)
    };
    ex.extract_each(&batch.articles, lines, |buf| out.write_all(&buf?))?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Repeats the articles (with new ids) to about `mb` megabytes and extracts them all in
/// parallel, streaming as `extract` does: each result is consumed as it comes.
fn bench(ex: &Extractor, articles: &[Article], mb: usize) -> std::io::Result<()> {
    let per_round: usize = articles.iter().map(|a| a.text.len()).sum::<usize>().max(1);
    let rounds = (mb.max(1) * 1_000_000).div_ceil(per_round);
    let corpus = repeated(articles.to_vec(), rounds);
    let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
    let threads = rayon::current_num_threads();
    let start = Instant::now();
    let (mut docs, mut relations) = (0usize, 0usize);
    ex.extract_each(
        &corpus,
        |d| d.relations.len(),
        |n| {
            docs += 1;
            relations += n;
            Ok::<(), std::convert::Infallible>(())
        },
    )
    .unwrap_or_else(|never| match never {});
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let mbs = bytes as f64 / 1e6 / secs;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "extracted {} documents, {:.1} MB, {} relations in {:.2} s on {threads} threads",
        docs,
        bytes as f64 / 1e6,
        relations,
        secs
    )?;
    writeln!(
        out,
        "throughput: {mbs:.1} MB/s ({:.1} MB/s per core), {:.0} documents/s",
        mbs / threads as f64,
        docs as f64 / secs
    )?;
    Ok(())
}
