//! The petgraph view saved beside the store (postcard, a compact binary serde format), so opening a large store for a query reads one file
//! instead of rebuilding the view from millions of quads.
//!
//! The cache is keyed by a stamp of the store's content: every stored document with its text
//! hash and extractor, and a revision that SPARQL updates and imports bump before they write.
//! (RocksDB's own files are no stamp: compaction rewrites them without changing the data.)

use newsgraph_graph::{Edge, Graph, Node};
use serde::{Deserialize, Serialize};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::UNIX_EPOCH;

/// The cache file's name inside the store directory.
pub const FILE: &str = "newsgraph-view.bin";
/// Bumped whenever the layout of the cached view changes.
const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Saved {
    format: u32,
    stamp: String,
    nodes: Vec<Node>,
    edges: Vec<(usize, usize, Edge)>,
}

/// A file whose content changes before every write that the document list does not show
/// (SPARQL updates, imported RDF).
pub const REVISION_FILE: &str = "newsgraph-revision";

/// Records that the store is about to change outside document ingestion. Written before the
/// change, so a failed change costs at most one needless rebuild, never a stale view.
pub fn bump_revision(dir: &Path) -> std::io::Result<()> {
    let now = std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    std::fs::write(
        dir.join(REVISION_FILE),
        format!("{now} {}\n", std::process::id()),
    )
}

/// The revision recorded by [`bump_revision`]; empty if none was.
pub fn revision(dir: &Path) -> String {
    std::fs::read_to_string(dir.join(REVISION_FILE)).unwrap_or_default()
}

/// The saved view if it was made from the store in its current state.
pub fn load(dir: &Path, stamp: &str) -> Option<Graph> {
    let bytes = std::fs::read(dir.join(FILE)).ok()?;
    let saved: Saved = postcard::from_bytes(&bytes).ok()?;
    if saved.format != FORMAT || saved.stamp != stamp {
        return None;
    }
    let mut graph = Graph::new();
    let ixs: Vec<_> = saved.nodes.into_iter().map(|n| graph.add_node(n)).collect();
    for (from, to, edge) in saved.edges {
        let (Some(&a), Some(&b)) = (ixs.get(from), ixs.get(to)) else {
            return None;
        };
        graph.add_edge(a, b, edge);
    }
    Some(graph)
}

/// Saves the view; a store on a read-only medium simply goes without (the view is rebuilt).
pub fn save(dir: &Path, stamp: &str, graph: &Graph) {
    let g = graph.petgraph();
    let saved = Saved {
        format: FORMAT,
        stamp: stamp.to_string(),
        nodes: g.node_weights().cloned().collect(),
        edges: g
            .edge_indices()
            .filter_map(|e| {
                let (a, b) = g.edge_endpoints(e)?;
                Some((a.index(), b.index(), g[e].clone()))
            })
            .collect(),
    };
    let tmp = dir.join(format!("{FILE}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&tmp).ok().and_then(|f| {
        let mut w = BufWriter::new(f);
        postcard::to_io(&saved, &mut w).ok()?;
        w.flush().ok()
    });
    // Rename is atomic: a concurrent reader sees the old file or the new one, never half.
    if written.is_none() || std::fs::rename(&tmp, dir.join(FILE)).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}
