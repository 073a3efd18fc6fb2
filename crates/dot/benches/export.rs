//! Exporting a large generated graph: must stay linear-ish (seconds for 1e5 edges).

use criterion::{criterion_group, criterion_main, Criterion};
use newsgraph_dot::{filter, neighbourhood, write_dot, DotOptions, Selection};
use newsgraph_extract::{EntityKind, RelationKind, Status};
use newsgraph_graph::{Edge, Graph, Node};
use std::hint::black_box;

const NODES: usize = 20_000;
const EDGES: usize = 100_000;

/// A deterministic pseudo-random graph: xorshift, no dependency.
fn generate() -> Graph {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut g = Graph::new();
    let ixs: Vec<_> = (0..NODES)
        .map(|i| {
            g.add_node(Node {
                id: format!("ng:entity/{i}"),
                name: format!("Entity number {i} with a longish name"),
                kind: EntityKind::ALL[i % EntityKind::ALL.len()],
                aliases: vec![format!("E{i}")],
                docs: vec![format!("doc{}", i % 500)],
            })
        })
        .collect();
    for i in 0..EDGES {
        let r = next();
        let a = ixs[(r % NODES as u64) as usize];
        let b = ixs[((r >> 20) % NODES as u64) as usize];
        g.add_edge(
            a,
            b,
            Edge {
                kind: RelationKind::ALL[(r >> 40) as usize % 3],
                status: Status::ALL[(r >> 44) as usize % 3],
                date: Some(format!(
                    "2025-{:02}-{:02}",
                    1 + (r >> 48) % 12,
                    1 + (r >> 52) % 28
                )),
                place: Some(format!("Place {}", (r >> 56) % 50)),
                mode: None,
                doc: format!("doc{}", i % 500),
                sentence: format!("Statement {i} says that entity met another one."),
                start: i,
                end: i + 40,
                confidence: 0.9,
                mentions: 1 + (r % 3) as u32,
                content: None,
                event: format!("doc{}#r{i}", i % 500),
            },
        );
    }
    g
}

fn export(c: &mut Criterion) {
    let g = generate();
    let all = Selection::all(&g);
    let opts = DotOptions::default();
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function("write_dot 1e5 edges", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(64 << 20);
            write_dot(&g, black_box(&all), &opts, &mut out).map(|s| (s, out.len()))
        })
    });
    let filtered = DotOptions {
        min_mentions: 3,
        since: "2025-03".parse().ok(),
        until: "2025-W40".parse().ok(),
        ..DotOptions::default()
    };
    group.bench_function("filter 1e5 edges", |b| {
        b.iter(|| filter(&g, black_box(&all), &filtered))
    });
    let start: Vec<_> = g.nodes_named("E0").to_vec();
    group.bench_function("neighbourhood 2 hops", |b| {
        b.iter(|| neighbourhood(&g, black_box(&start), 2))
    });
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
