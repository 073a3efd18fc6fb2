//! Choosing what to draw: neighbourhoods of named entities and the option filters.

use crate::group::{self, edge, is_content, node};
use crate::DotOptions;
use crate::PartialDate;
use newsgraph_graph::petgraph::graph::NodeIndex;
use newsgraph_graph::petgraph::Direction;
use newsgraph_graph::{Edge, Graph, Selection};
use std::collections::{BTreeSet, HashMap, VecDeque};

/// Entities within `hops` edges of `start`, ignoring direction, and every edge among them.
/// Unknown start indices are skipped.
pub fn neighbourhood(graph: &Graph, start: &[NodeIndex], hops: usize) -> Selection {
    bfs(graph, None, start, hops)
}

/// Like [`neighbourhood`], walking only the edges of `within` (say, an already filtered graph).
pub fn neighbourhood_in(
    graph: &Graph,
    within: &Selection,
    start: &[NodeIndex],
    hops: usize,
) -> Selection {
    bfs(graph, Some(within), start, hops)
}

fn bfs(
    graph: &Graph,
    within: Option<&Selection>,
    start: &[NodeIndex],
    hops: usize,
) -> Selection {
    let allowed_node = |ix: NodeIndex| {
        node(graph, ix).is_some()
            && within.is_none_or(|w| {
                w.nodes.contains(&ix) || {
                    // Endpoints of the selection's edges belong to it.
                    graph
                        .neighbours(ix, None)
                        .any(|(e, _)| w.edges.contains(&e))
                }
            })
    };
    let allowed_edge = |e| within.is_none_or(|w| w.edges.contains(&e));
    let mut depth: HashMap<NodeIndex, usize> = HashMap::new();
    let mut queue = VecDeque::new();
    for &s in start {
        if !depth.contains_key(&s) && allowed_node(s) {
            depth.insert(s, 0);
            queue.push_back(s);
        }
    }
    while let Some(ix) = queue.pop_front() {
        let d = depth.get(&ix).copied().unwrap_or(0);
        if d >= hops {
            continue;
        }
        for (e, other) in graph.neighbours(ix, None) {
            if allowed_edge(e) && !depth.contains_key(&other) {
                depth.insert(other, d + 1);
                queue.push_back(other);
            }
        }
    }
    let nodes: BTreeSet<NodeIndex> = depth.into_keys().collect();
    let edges = nodes
        .iter()
        .flat_map(|&ix| graph.neighbours(ix, Some(Direction::Outgoing)))
        .filter(|&(e, other)| nodes.contains(&other) && allowed_edge(e))
        .map(|(e, _)| e)
        .collect();
    Selection { nodes, edges }
}

/// Whether a statement passes the kind, status and date filters.
fn keeps(opts: &DotOptions, e: &Edge) -> bool {
    if !opts.kinds.is_empty() && !opts.kinds.contains(&e.kind) {
        return false;
    }
    if !opts.statuses.is_empty() && !opts.statuses.contains(&e.status) {
        return false;
    }
    if opts.since.is_none() && opts.until.is_none() {
        return true;
    }
    match e.date.as_deref().map(PartialDate::parse) {
        Some(Ok(date)) => date.overlaps(
            opts.since.map(|b| b.first_day()),
            opts.until.map(|b| b.last_day()),
        ),
        None | Some(Err(_)) => opts.keep_undated,
    }
}

/// The part of `selection` that `opts` lets through. Edges of the selection bring their
/// endpoints; an entity whose every edge was filtered out goes too, while entities that had
/// no edge in the selection stay (they were asked for). Idempotent.
pub fn filter(graph: &Graph, selection: &Selection, opts: &DotOptions) -> Selection {
    let mut touched = BTreeSet::new();
    let mut passing = Vec::new();
    for &ix in &selection.edges {
        let (Some(e), Some((a, b))) = (edge(graph, ix), graph.endpoints(ix)) else {
            continue;
        };
        touched.insert(a);
        touched.insert(b);
        if keeps(opts, e) {
            passing.push(ix);
        }
    }
    if opts.min_mentions > 1 {
        let groups = group::group(graph, passing.iter().copied());
        let weak: BTreeSet<_> = groups
            .values()
            .filter(|edges| group::mentions(graph, edges) < opts.min_mentions)
            .flatten()
            .copied()
            .collect();
        passing.retain(|e| !weak.contains(e));
    }
    let alive: BTreeSet<NodeIndex> = passing
        .iter()
        .filter_map(|&e| graph.endpoints(e))
        .flat_map(|(a, b)| [a, b])
        .collect();
    let shown = |ix: NodeIndex| {
        node(graph, ix).is_some_and(|n| opts.content || !is_content(n))
    };
    let nodes: BTreeSet<NodeIndex> = selection
        .nodes
        .iter()
        .copied()
        .filter(|ix| !touched.contains(ix))
        .chain(alive.iter().copied())
        .filter(|&ix| shown(ix))
        .collect();
    let edges = passing
        .into_iter()
        .filter(|&e| {
            graph
                .endpoints(e)
                .is_some_and(|(a, b)| nodes.contains(&a) && nodes.contains(&b))
        })
        .collect();
    Selection { nodes, edges }
}
