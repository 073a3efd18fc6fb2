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

fn bfs(graph: &Graph, within: Option<&Selection>, start: &[NodeIndex], hops: usize) -> Selection {
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
/// no edge in the selection stay (they were asked for) unless `connected_only`. Idempotent.
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
    let shown = |ix: NodeIndex| node(graph, ix).is_some_and(|n| opts.content || !is_content(n));
    let alive: BTreeSet<NodeIndex> = passing
        .iter()
        .filter_map(|&e| graph.endpoints(e))
        // With connected_only, an entity whose only relations point at hidden content goes.
        .filter(|&(a, b)| !opts.connected_only || (shown(a) && shown(b)))
        .flat_map(|(a, b)| [a, b])
        .collect();
    let nodes: BTreeSet<NodeIndex> = selection
        .nodes
        .iter()
        .copied()
        .filter(|ix| !opts.connected_only && !touched.contains(ix))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DateBound;
    use newsgraph_extract::{EntityKind, RelationKind, Status};
    use newsgraph_graph::Node;

    fn person(g: &mut Graph, id: &str) -> NodeIndex {
        g.add_node(Node {
            id: id.into(),
            name: id.to_uppercase(),
            kind: EntityKind::Person,
            aliases: vec![],
            docs: vec![],
        })
    }

    fn stmt(kind: RelationKind, status: Status, date: Option<&str>, mentions: u32) -> Edge {
        Edge {
            kind,
            status,
            date: date.map(String::from),
            place: None,
            mode: None,
            doc: "d".into(),
            sentence: "s".into(),
            start: 0,
            end: 1,
            confidence: 1.0,
            mentions,
            content: None,
            event: "e".into(),
        }
    }

    fn met(g: &mut Graph, a: NodeIndex, b: NodeIndex) {
        g.add_edge(a, b, stmt(RelationKind::MetWith, Status::Occurred, None, 1));
    }

    /// a - b - c - d, and e alone.
    fn chain() -> (Graph, [NodeIndex; 5]) {
        let mut g = Graph::new();
        let ixs = ["a", "b", "c", "d", "e"].map(|id| person(&mut g, id));
        met(&mut g, ixs[0], ixs[1]);
        met(&mut g, ixs[2], ixs[1]);
        met(&mut g, ixs[2], ixs[3]);
        (g, ixs)
    }

    #[test]
    fn connected_only_drops_lone_entities() {
        let (g, [a, b, c, d, e]) = chain();
        let all = Selection::all(&g);
        assert!(filter(&g, &all, &DotOptions::default()).nodes.contains(&e));
        let opts = DotOptions {
            connected_only: true,
            ..DotOptions::default()
        };
        assert_eq!(filter(&g, &all, &opts).nodes, [a, b, c, d].into());
    }

    #[test]
    fn neighbourhood_walks_both_directions_up_to_hops() {
        let (g, [a, b, c, d, _]) = chain();
        let one = neighbourhood(&g, &[b], 1);
        assert_eq!(one.nodes, [a, b, c].into());
        assert_eq!(one.edges.len(), 2);
        let zero = neighbourhood(&g, &[b], 0);
        assert_eq!(zero.nodes, [b].into());
        assert!(zero.edges.is_empty());
        let far = neighbourhood(&g, &[a], 10);
        assert_eq!(far.nodes, [a, b, c, d].into());
        assert_eq!(far.edges.len(), 3);
        // Unknown indices are ignored rather than panicking.
        assert_eq!(
            neighbourhood(&g, &[NodeIndex::new(99)], 2),
            Selection::default()
        );
    }

    #[test]
    fn neighbourhood_includes_edges_among_the_reached_nodes() {
        let (mut g, [a, _, c, _, _]) = chain();
        met(&mut g, a, c);
        let sel = neighbourhood(&g, &[a], 1);
        // a-b and a-c are walked; b-c joins two reached nodes.
        assert_eq!(sel.edges.len(), 3);
    }

    #[test]
    fn neighbourhood_in_walks_only_the_given_edges() {
        let (mut g, [a, b, c, _, _]) = chain();
        g.add_edge(
            a,
            c,
            stmt(RelationKind::Demanded, Status::Occurred, None, 1),
        );
        let opts = DotOptions {
            kinds: [RelationKind::Demanded].into(),
            ..DotOptions::default()
        };
        let demands = filter(&g, &Selection::all(&g), &opts);
        let sel = neighbourhood_in(&g, &demands, &[a], 3);
        assert_eq!(sel.nodes, [a, c].into());
        assert_eq!(sel.edges.len(), 1);
        assert!(neighbourhood_in(&g, &demands, &[b], 3).nodes.is_empty());
    }

    #[test]
    fn filters_drop_entities_left_without_relations_but_keep_asked_ones() {
        let (mut g, [a, b, c, d, e]) = chain();
        let planned = g.add_edge(a, d, stmt(RelationKind::MetWith, Status::Planned, None, 1));
        let opts = DotOptions {
            statuses: [Status::Planned].into(),
            ..DotOptions::default()
        };
        let sel = filter(&g, &Selection::all(&g), &opts);
        // b and c only had occurred meetings; e never had any relation.
        assert_eq!(sel.nodes, [a, d, e].into());
        assert_eq!(sel.edges, [planned].into());
        assert!(!sel.nodes.contains(&b) && !sel.nodes.contains(&c));
        assert_eq!(filter(&g, &sel, &opts), sel, "filter is idempotent");
    }

    #[test]
    fn min_mentions_counts_the_drawn_edge_across_statements() {
        let mut g = Graph::new();
        let [a, b, c] = ["a", "b", "c"].map(|id| person(&mut g, id));
        let x = g.add_edge(a, b, stmt(RelationKind::MetWith, Status::Occurred, None, 1));
        // Symmetric: stated the other way round, same relation.
        let y = g.add_edge(b, a, stmt(RelationKind::MetWith, Status::Occurred, None, 1));
        // Directed relations keep their direction apart.
        g.add_edge(
            a,
            c,
            stmt(RelationKind::Demanded, Status::Occurred, None, 1),
        );
        g.add_edge(
            c,
            a,
            stmt(RelationKind::Demanded, Status::Occurred, None, 1),
        );
        let opts = DotOptions {
            min_mentions: 2,
            ..DotOptions::default()
        };
        let sel = filter(&g, &Selection::all(&g), &opts);
        assert_eq!(sel.edges, [x, y].into());
        assert_eq!(sel.nodes, [a, b].into());
    }

    #[test]
    fn date_range_keeps_overlapping_statements() {
        let mut g = Graph::new();
        let [a, b] = ["a", "b"].map(|id| person(&mut g, id));
        let dated = |d: Option<&str>| stmt(RelationKind::MetWith, Status::Occurred, d, 1);
        let inside = g.add_edge(a, b, dated(Some("2025-W33")));
        g.add_edge(a, b, dated(Some("2025-07")));
        let undated = g.add_edge(a, b, dated(None));
        let mut opts = DotOptions {
            since: DateBound::parse("2025-08-15").ok(),
            until: DateBound::parse("2025-08").ok(),
            ..DotOptions::default()
        };
        assert_eq!(
            filter(&g, &Selection::all(&g), &opts).edges,
            [inside].into()
        );
        opts.keep_undated = true;
        assert_eq!(
            filter(&g, &Selection::all(&g), &opts).edges,
            [inside, undated].into()
        );
    }

    #[test]
    fn hiding_content_keeps_the_subjects() {
        let mut g = Graph::new();
        let a = person(&mut g, "a");
        let content = g.content_node("a ceasefire");
        g.add_edge(
            a,
            content,
            stmt(RelationKind::Demanded, Status::Occurred, None, 1),
        );
        let opts = DotOptions {
            content: false,
            ..DotOptions::default()
        };
        let sel = filter(&g, &Selection::all(&g), &opts);
        assert_eq!(sel.nodes, [a].into());
        assert!(sel.edges.is_empty());
        let shown = filter(&g, &Selection::all(&g), &DotOptions::default());
        assert_eq!(shown.nodes, [a, content].into());
    }

    #[test]
    fn selected_edges_bring_their_endpoints() {
        let (g, [a, b, ..]) = chain();
        let mut sel = Selection::default();
        sel.edges.extend(g.neighbours(a, None).map(|(e, _)| e));
        let out = filter(&g, &sel, &DotOptions::default());
        assert_eq!(out.nodes, [a, b].into());
    }
}
