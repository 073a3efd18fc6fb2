//! Traversal latencies on generated graphs: 1-hop, 3-hop and shortest-path queries, plus graph
//! construction. 1e5 edges always; 1e6 edges when NEWSGRAPH_BENCH_LARGE=1.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use newsgraph_graph::synthetic::synthetic;
use std::hint::black_box;
use std::time::Duration;

fn queries() -> [(&'static str, &'static str); 4] {
    [
        ("1-hop", "MATCH (a {name: \"n42\"})-[:met_with]-(b) RETURN count(*)"),
        ("1-hop-filtered", "MATCH (a {name: \"n42\"})-[r:met_with]-(b:PERSON) WHERE r.date >= \"2025-06\" RETURN b.name, r.date ORDER BY r.date"),
        ("3-hop", "MATCH (a {name: \"n42\"})-[:met_with*1..3]-(b) RETURN count(DISTINCT b)"),
        ("shortest-path", "MATCH p = shortestPath((a {name: \"n42\"})-[:met_with*]-(b {name: \"n4711\"})) RETURN length(p)"),
    ]
}

fn bench_size(c: &mut Criterion, edges: usize, samples: usize) {
    let mut group = c.benchmark_group(format!("{edges}-edges"));
    group.sample_size(samples);
    group.measurement_time(Duration::from_secs(3));
    group.warm_up_time(Duration::from_millis(500));
    group.bench_function(BenchmarkId::new("construct", edges), |b| {
        b.iter(|| black_box(synthetic(edges)).edge_count())
    });
    let g = synthetic(edges);
    for (name, q) in queries() {
        // Fail loudly if a query stops being valid rather than timing an error path.
        if let Err(e) = newsgraph_query::run(&g, q) {
            panic!("{}", e.render(q));
        }
        group.bench_function(BenchmarkId::new(name, edges), |b| {
            b.iter(|| newsgraph_query::run(&g, black_box(q)).map(|o| o.rows.len()))
        });
    }
    group.finish();
}

fn traverse(c: &mut Criterion) {
    bench_size(c, 100_000, 10);
    if std::env::var_os("NEWSGRAPH_BENCH_LARGE").is_some() {
        bench_size(c, 1_000_000, 10);
    }
}

criterion_group!(benches, traverse);
criterion_main!(benches);
