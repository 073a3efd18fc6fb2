//! Graphviz DOT export of the knowledge graph or of a part of it (a query result, the
//! neighbourhood of some entities).
//!
//! [`filter`] applies [`DotOptions`]' filters to a [`Selection`], [`write_dot`] writes it as
//! DOT: entities shaped and coloured by kind, one edge per relation between a pair (its width
//! and label counting the mentions across documents), dates and places on edge labels,
//! evidence sentences in tooltips so a rendered SVG can be explored. The output is
//! deterministic, so it can be diffed and tested. [`render`] runs Graphviz.
//!
//! ```
//! use newsgraph_dot::{filter, neighbourhood, readability_warning, write_dot, DotOptions};
//! use newsgraph_extract::{EntityKind, RelationKind, Status};
//! use newsgraph_graph::{Edge, Graph, Node};
//!
//! let mut graph = Graph::new();
//! let person = |id: &str, name: &str| Node {
//!     id: id.into(),
//!     name: name.into(),
//!     kind: EntityKind::Person,
//!     aliases: vec![],
//!     docs: vec!["ap-0815".into()],
//! };
//! let trump = graph.add_node(person("wd:Q22686", "Donald Trump"));
//! let putin = graph.add_node(person("wd:Q7747", "Vladimir Putin"));
//! graph.add_edge(trump, putin, Edge {
//!     kind: RelationKind::MetWith,
//!     status: Status::Occurred,
//!     date: Some("2025-08-15".into()),
//!     place: Some("Anchorage".into()),
//!     mode: None,
//!     doc: "ap-0815".into(),
//!     sentence: "Trump met Putin in Anchorage.".into(),
//!     start: 0,
//!     end: 29,
//!     confidence: 0.9,
//!     mentions: 2,
//!     content: None,
//!     event: "ap-0815#r0".into(),
//! });
//!
//! let opts = DotOptions {
//!     since: Some("2025-W33".parse()?),
//!     ..DotOptions::default()
//! };
//! let around = neighbourhood(&graph, graph.nodes_named("donald trump"), 1);
//! let selection = filter(&graph, &around, &opts);
//! let mut dot = Vec::new();
//! let stats = write_dot(&graph, &selection, &opts, &mut dot)?;
//! assert_eq!((stats.nodes, stats.edges, stats.mentions), (2, 1, 2));
//! assert!(readability_warning(&stats).is_none());
//! let dot = String::from_utf8(dot)?;
//! assert!(dot.contains(r#""wd:Q22686" -> "wd:Q7747" [label="met-with ×2\n2025-08-15, Anchorage""#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod date;
mod error;
mod group;
mod options;
mod render;
mod selection;
mod style;
mod text;
mod writer;

pub use date::{DateBound, PartialDate};
pub use error::DotError;
pub use newsgraph_graph::Selection;
pub use options::DotOptions;
pub use render::{
    readability_warning, render, render_with, run_graphviz, RenderFormat, READABLE_EDGES,
    READABLE_NODES,
};
pub use selection::{filter, neighbourhood, neighbourhood_in};
pub use text::{quote_id, quote_text};
pub use writer::{write_dot, DotStats};
