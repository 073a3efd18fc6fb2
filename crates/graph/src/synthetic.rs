//! Generated graphs of any size, for benchmarks of the query engine and the saved view.

use crate::{Edge, Graph, Node};
use newsgraph_extract::{EntityKind, Mode, RelationKind, Status};

/// An evidence sentence of typical length.
const SENTENCE: &str = "The two leaders met on Friday in the capital for talks that officials \
described as constructive, their first meeting since the summit in August.";

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
pub fn synthetic(edges: usize) -> Graph {
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
                sentence: SENTENCE.to_string(),
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
