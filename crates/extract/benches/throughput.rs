//! Extraction throughput in MB/s over a corpus made by repeating the sample articles.
//! `NEWSGRAPH_BENCH_MB` sets the corpus size (default 50); e.g. `NEWSGRAPH_BENCH_MB=5` for a
//! quick run. `RAYON_NUM_THREADS=1` measures a single core.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsgraph_extract::{Article, Extractor};
use std::path::Path;

fn corpus(mb: usize) -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/articles");
    let mut samples: Vec<(String, String)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
                .filter_map(|e| {
                    Some((
                        e.file_name().to_string_lossy().into_owned(),
                        std::fs::read_to_string(e.path()).ok()?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    samples.sort();
    if samples.is_empty() {
        samples.push((
            "fallback".into(),
            "Donald Trump met Vladimir Putin in Alaska on Friday.".into(),
        ));
    }
    let target = mb * 1_000_000;
    let mut out = Vec::new();
    let mut bytes = 0;
    let mut round = 0;
    while bytes < target {
        for (name, text) in &samples {
            out.push(Article::new(format!("{name}-{round}"), text.clone(), None));
            bytes += text.len();
        }
        round += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let mb: usize = std::env::var("NEWSGRAPH_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let ex = match Extractor::builtin() {
        Ok(ex) => ex,
        Err(e) => panic!("built-in data must load: {e}"),
    };
    let articles = corpus(mb);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(
        format!("{mb}MB_parallel_{}threads", rayon::current_num_threads()),
        |b| b.iter(|| ex.extract_all(&articles)),
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
