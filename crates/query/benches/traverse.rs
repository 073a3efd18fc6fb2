//! Traversal latencies on generated graphs: 1-hop, 3-hop and shortest-path queries, plus graph
//! construction. 1e5 edges always; 1e6 edges when NEWSGRAPH_BENCH_LARGE=1.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use newsgraph_extract::{EntityKind, Mode, RelationKind, Status};
use newsgraph_graph::{Edge, Graph, Node};
use std::hint::black_box;
use std::time::Duration;

/// Deterministic pseudo-random numbers (64-bit LCG), so every run sees the same graph.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `edges` relation edges over `edges / 5` entities (mean degree 10), 70% of them met-with.
fn generate(edges: usize) -> Graph {
    let nodes = (edges / 5).max(2);
    let mut g = Graph::new();
    let kinds = [
        EntityKind::Person,
        EntityKind::Person,
        EntityKind::Org,
        EntityKind::Gpe,
    ];
    let ix: Vec<_> = (0..nodes)
        .map(|i| {
            g.add_node(Node {
                id: format!("ng:gen/{i}"),
                name: format!("n{i}"),
                kind: kinds[i % kinds.len()],
                aliases: vec![format!("alias {i}")],
                docs: Vec::new(),
            })
        })
        .collect();
    let mut rng = Lcg(42);
    for e in 0..edges {
        let a = ix[rng.below(nodes as u64) as usize];
        let b = ix[rng.below(nodes as u64) as usize];
        let kind = match rng.below(10) {
            0..=6 => RelationKind::MetWith,
            7 | 8 => RelationKind::Demanded,
            _ => RelationKind::Proposed,
        };
        g.add_edge(
            a,
            b,
            Edge {
                kind,
                status: if e % 3 == 0 {
                    Status::Planned
                } else {
                    Status::Occurred
                },
                date: Some(format!("2025-{:02}-{:02}", 1 + e % 12, 1 + e % 28)),
                place: None,
                mode: Some(Mode::InPerson),
                doc: format!("doc{}", e / 50),
                sentence: String::new(),
                start: 0,
                end: 0,
                confidence: 0.9,
                mentions: 1,
                content: None,
                event: format!("e{e}"),
            },
        );
    }
    g
}

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
        b.iter(|| black_box(generate(edges)).edge_count())
    });
    let g = generate(edges);
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
