//! The property-graph view of the knowledge graph: entities as nodes, relation statements as
//! edges carrying their properties, with name/alias and kind indexes.
//!
//! The store fills it from RDF; the query engine and the DOT writer read it. It knows nothing of
//! Oxigraph, SPARQL or the query language.

use newsgraph_extract::{DocExtraction, EntityKind, Mode, RelationKind, Status};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

pub use petgraph;

pub mod synthetic;

/// An entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Stable entity id (`wd:Q22686`, `ng:person/marc-fogel`).
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// Every surface form seen for the entity, across documents (excluding `name`).
    pub aliases: Vec<String>,
    /// Documents mentioning the entity.
    pub docs: Vec<String>,
}

/// One relation statement of one document: repeated statements of the same relation between the
/// same parties with the same status in one document are one edge whose `mentions` counts them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub kind: RelationKind,
    pub status: Status,
    pub date: Option<String>,
    /// Display name of the place.
    pub place: Option<String>,
    pub mode: Option<Mode>,
    pub doc: String,
    /// The first evidence sentence and its character offsets in the document.
    pub sentence: String,
    pub start: usize,
    pub end: usize,
    pub confidence: f64,
    pub mentions: u32,
    pub content: Option<String>,
    /// Identifier of the relation's event node (IRI in the store), unique per edge.
    pub event: String,
}

/// A demand or proposal without a named addressee still needs an edge target: it points at
/// a content node of kind MISC named after the content.
pub const CONTENT_NODE_PREFIX: &str = "content:";

/// A part of the graph: what a query returned or a neighbourhood, handed to exporters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub nodes: BTreeSet<NodeIndex>,
    pub edges: BTreeSet<EdgeIndex>,
}

impl Selection {
    /// Everything in `graph`.
    pub fn all(graph: &Graph) -> Selection {
        Selection {
            nodes: graph.node_indices().collect(),
            edges: graph.edge_indices().collect(),
        }
    }

    /// Adds an edge and both its endpoints.
    pub fn add_edge(&mut self, graph: &Graph, edge: EdgeIndex) {
        if let Some((a, b)) = graph.endpoints(edge) {
            self.nodes.insert(a);
            self.nodes.insert(b);
            self.edges.insert(edge);
        }
    }
}

/// The graph with its lookup indexes. Built once, then read-only.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    graph: DiGraph<Node, Edge>,
    by_id: HashMap<String, NodeIndex>,
    /// Lowercased name or alias → nodes.
    by_name: HashMap<String, Vec<NodeIndex>>,
    /// Lowercased last word of a person's multi-word name → people, for `{name: "Witkoff"}`
    /// when the articles only ever wrote "Steve Witkoff".
    by_surname: HashMap<String, Vec<NodeIndex>>,
    by_kind: HashMap<EntityKind, Vec<NodeIndex>>,
}

/// Lowercases and folds typographic quotes and dots so `Zelenskiy`, `zelenskiy` and `J.D. Vance` /
/// `JD Vance` look alike.
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '.' => continue,
            c => c,
        };
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

impl Graph {
    pub fn new() -> Graph {
        Graph::default()
    }

    /// Adds a node, or merges names, aliases and documents into the node with the same id.
    pub fn add_node(&mut self, node: Node) -> NodeIndex {
        if let Some(&ix) = self.by_id.get(&node.id) {
            let existing = &mut self.graph[ix];
            let mut aliases: BTreeSet<String> = existing.aliases.drain(..).collect();
            aliases.extend(node.aliases);
            aliases.remove(&existing.name);
            existing.aliases = aliases.into_iter().collect();
            let mut docs: BTreeSet<String> = existing.docs.drain(..).collect();
            docs.extend(node.docs);
            existing.docs = docs.into_iter().collect();
            let names: Vec<String> = existing.aliases.clone();
            for n in names {
                self.index_name(&n, ix);
            }
            return ix;
        }
        let ix = self.graph.add_node(node);
        let n = &self.graph[ix];
        self.by_id.insert(n.id.clone(), ix);
        self.by_kind.entry(n.kind).or_default().push(ix);
        let names: Vec<String> = std::iter::once(n.name.clone())
            .chain(n.aliases.iter().cloned())
            .collect();
        for name in names {
            self.index_name(&name, ix);
        }
        let n = &self.graph[ix];
        if n.kind == EntityKind::Person {
            let key = name_key(&n.name);
            if let Some((_, last)) = key.rsplit_once(' ') {
                self.by_surname
                    .entry(last.to_string())
                    .or_default()
                    .push(ix);
            }
        }
        ix
    }

    fn index_name(&mut self, name: &str, ix: NodeIndex) {
        let list = self.by_name.entry(name_key(name)).or_default();
        if !list.contains(&ix) {
            list.push(ix);
        }
    }

    pub fn add_edge(&mut self, from: NodeIndex, to: NodeIndex, edge: Edge) -> EdgeIndex {
        self.graph.add_edge(from, to, edge)
    }

    /// Builds the graph straight from extractions (no store): used by tests and `--memory` runs.
    pub fn from_extractions<'a>(docs: impl IntoIterator<Item = &'a DocExtraction>) -> Graph {
        let mut g = Graph::new();
        for d in docs {
            for e in &d.entities {
                g.add_node(Node {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    kind: e.kind,
                    aliases: e.aliases.clone(),
                    docs: vec![d.doc.id.clone()],
                });
            }
            for (i, r) in d.relations.iter().enumerate() {
                let Some(&from) = g.by_id.get(&r.subject) else {
                    continue;
                };
                let to = match &r.object {
                    Some(o) => match g.by_id.get(o) {
                        Some(&ix) => ix,
                        None => continue,
                    },
                    None => g.content_node(r.content.as_deref().unwrap_or(r.kind.as_str())),
                };
                let Some(first) = r.evidence.first() else {
                    continue;
                };
                let place = r
                    .place
                    .as_ref()
                    .map(|p| d.entity(p).map_or_else(|| p.clone(), |e| e.name.clone()));
                g.add_edge(
                    from,
                    to,
                    Edge {
                        kind: r.kind,
                        status: r.status,
                        date: r.date.clone(),
                        place,
                        mode: r.mode,
                        doc: d.doc.id.clone(),
                        sentence: first.sentence.clone(),
                        start: first.start,
                        end: first.end,
                        confidence: f64::from(r.confidence),
                        mentions: r.evidence.len() as u32,
                        content: r.content.clone(),
                        event: format!("{}#r{}", d.doc.id, i),
                    },
                );
            }
        }
        g
    }

    /// The node standing for a demand's or proposal's content when it has no addressee.
    pub fn content_node(&mut self, content: &str) -> NodeIndex {
        let id = format!("{CONTENT_NODE_PREFIX}{content}");
        if let Some(&ix) = self.by_id.get(&id) {
            return ix;
        }
        self.add_node(Node {
            id,
            name: content.to_string(),
            kind: EntityKind::Misc,
            aliases: Vec::new(),
            docs: Vec::new(),
        })
    }

    pub fn petgraph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    pub fn node(&self, ix: NodeIndex) -> &Node {
        &self.graph[ix]
    }

    pub fn edge(&self, ix: EdgeIndex) -> &Edge {
        &self.graph[ix]
    }

    pub fn endpoints(&self, ix: EdgeIndex) -> Option<(NodeIndex, NodeIndex)> {
        self.graph.edge_endpoints(ix)
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    pub fn node_by_id(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    /// Nodes any of whose names or aliases equals `name`, case-insensitively; failing that, the
    /// people whose name ends with it as a word (a surname).
    pub fn nodes_named(&self, name: &str) -> &[NodeIndex] {
        let key = name_key(name);
        match self.by_name.get(&key) {
            Some(v) if !v.is_empty() => v,
            _ => self.by_surname.get(&key).map_or(&[], |v| v.as_slice()),
        }
    }

    pub fn nodes_of_kind(&self, kind: EntityKind) -> &[NodeIndex] {
        self.by_kind.get(&kind).map_or(&[], |v| v.as_slice())
    }

    pub fn node_indices(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.graph.node_indices()
    }

    pub fn edge_indices(&self) -> impl Iterator<Item = EdgeIndex> + '_ {
        self.graph.edge_indices()
    }

    /// Edges touching `ix` in `dir` (`None`: both), as (edge, other endpoint).
    pub fn neighbours(
        &self,
        ix: NodeIndex,
        dir: Option<Direction>,
    ) -> impl Iterator<Item = (EdgeIndex, NodeIndex)> + '_ {
        let out = matches!(dir, None | Some(Direction::Outgoing));
        let inc = matches!(dir, None | Some(Direction::Incoming));
        let o = out
            .then(|| self.graph.edges_directed(ix, Direction::Outgoing))
            .into_iter()
            .flatten()
            .map(|e| (e.id(), e.target()));
        let i = inc
            .then(|| self.graph.edges_directed(ix, Direction::Incoming))
            .into_iter()
            .flatten()
            .map(|e| (e.id(), e.source()));
        o.chain(i)
    }

    /// Number of distinct entity names in the name index (for completion and stats).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.graph.node_weights().flat_map(|n| {
            std::iter::once(n.name.as_str()).chain(n.aliases.iter().map(|a| a.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, name: &str, aliases: &[&str]) -> Node {
        Node {
            id: id.into(),
            name: name.into(),
            kind: EntityKind::Person,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            docs: vec!["d1".into()],
        }
    }

    #[test]
    fn names_are_case_and_dot_insensitive() {
        let mut g = Graph::new();
        let z = g.add_node(node("wd:Q3881", "Volodymyr Zelensky", &["Zelenskiy"]));
        let v = g.add_node(node("wd:Q1", "JD Vance", &[]));
        assert_eq!(g.nodes_named("zelenskiy"), &[z]);
        assert_eq!(g.nodes_named("J.D. Vance"), &[v]);
        assert!(g.nodes_named("nobody").is_empty());
    }

    #[test]
    fn a_surname_finds_people_only_when_no_name_matches() {
        let mut g = Graph::new();
        let w = g.add_node(node("ng:person/steve-witkoff", "Steve Witkoff", &[]));
        assert_eq!(g.nodes_named("witkoff"), &[w]);
        let town = g.add_node(Node {
            kind: EntityKind::Gpe,
            ..node("ng:gpe/witkoff", "Witkoff", &[])
        });
        assert_eq!(g.nodes_named("Witkoff"), &[town]);
        assert!(g.nodes_named("steve").is_empty());
    }

    #[test]
    fn same_id_merges_aliases() {
        let mut g = Graph::new();
        let a = g.add_node(node("wd:Q3881", "Volodymyr Zelensky", &["Zelenskiy"]));
        let b = g.add_node(node("wd:Q3881", "Volodymyr Zelensky", &["Zelenskyy"]));
        assert_eq!(a, b);
        assert_eq!(g.node_count(), 1);
        assert_eq!(g.nodes_named("Zelenskyy"), &[a]);
    }
}
