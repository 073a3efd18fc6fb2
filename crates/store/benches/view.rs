//! Opening a store for a query: loading the saved petgraph view (what every query, DOT export and
//! REPL session does first when the store is unchanged) on generated graphs of 10⁵ and, with
//! NEWSGRAPH_BENCH_LARGE=1, 10⁶ edges.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use newsgraph_graph::synthetic::synthetic;
use newsgraph_store::view_cache;
use std::time::Duration;

fn bench_size(c: &mut Criterion, edges: usize) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let graph = synthetic(edges);
    view_cache::save(dir.path(), "bench", &graph);
    let mut group = c.benchmark_group("saved-view");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(if edges > 100_000 { 60 } else { 5 }));
    group.bench_function(BenchmarkId::new("load", edges), |b| {
        b.iter(|| view_cache::load(dir.path(), "bench").map(|g| g.edge_count()))
    });
    group.finish();
}

fn view(c: &mut Criterion) {
    bench_size(c, 100_000);
    if std::env::var_os("NEWSGRAPH_BENCH_LARGE").is_some() {
        bench_size(c, 1_000_000);
    }
}

criterion_group!(benches, view);
criterion_main!(benches);
