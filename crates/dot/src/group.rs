//! Repeated statements of one relation between one pair, across documents, are drawn as one
//! edge; this is the key they share.

use newsgraph_extract::{RelationKind, Status};
use newsgraph_graph::petgraph::graph::{EdgeIndex, NodeIndex};
use newsgraph_graph::{Edge, Graph, Node, CONTENT_NODE_PREFIX};
use std::collections::HashMap;

/// Endpoints (ordered by index for symmetric relations), kind and status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct GroupKey {
    pub from: NodeIndex,
    pub to: NodeIndex,
    pub kind: RelationKind,
    pub status: Status,
}

pub(crate) fn node(graph: &Graph, ix: NodeIndex) -> Option<&Node> {
    graph.petgraph().node_weight(ix)
}

pub(crate) fn edge(graph: &Graph, ix: EdgeIndex) -> Option<&Edge> {
    graph.petgraph().edge_weight(ix)
}

pub(crate) fn is_content(node: &Node) -> bool {
    node.id.starts_with(CONTENT_NODE_PREFIX)
}

pub(crate) fn key(graph: &Graph, ix: EdgeIndex) -> Option<GroupKey> {
    let (mut from, mut to) = graph.endpoints(ix)?;
    let e = edge(graph, ix)?;
    if e.kind.is_symmetric() && to < from {
        std::mem::swap(&mut from, &mut to);
    }
    Some(GroupKey {
        from,
        to,
        kind: e.kind,
        status: e.status,
    })
}

/// Edges by the relation they state.
pub(crate) fn group(
    graph: &Graph,
    edges: impl IntoIterator<Item = EdgeIndex>,
) -> HashMap<GroupKey, Vec<EdgeIndex>> {
    let mut groups: HashMap<GroupKey, Vec<EdgeIndex>> = HashMap::new();
    for ix in edges {
        if let Some(k) = key(graph, ix) {
            groups.entry(k).or_default().push(ix);
        }
    }
    groups
}

pub(crate) fn mentions(graph: &Graph, edges: &[EdgeIndex]) -> u64 {
    edges
        .iter()
        .filter_map(|&e| edge(graph, e))
        .map(|e| u64::from(e.mentions))
        .sum()
}
