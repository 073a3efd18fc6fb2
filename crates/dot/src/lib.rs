//! Graphviz DOT export of the knowledge graph or of a part of it (a query result, the
//! neighbourhood of some entities).
//!
//! [`filter`] applies [`DotOptions`]' filters to a [`Selection`], [`write_dot`] writes it as
//! DOT: entities shaped and coloured by kind, one edge per relation between a pair (its width
//! and label counting the mentions across documents), dates and places on edge labels,
//! evidence sentences in tooltips so a rendered SVG can be explored. The output is
//! deterministic, so it can be diffed and tested. [`render`] runs Graphviz.

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
