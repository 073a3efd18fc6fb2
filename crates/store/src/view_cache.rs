//! The petgraph view saved beside the store (postcard, a compact binary serde format), so opening a large store for a query reads one file
//! instead of rebuilding the view from millions of quads.
//!
//! The cache is keyed by a stamp of the store's data files (RocksDB's `CURRENT`, manifests, write-
//! ahead logs and tables, by name, size and modification time). Every write changes one of them,
//! whoever makes it, so a stale view is never used; at worst a write-mode open that changed
//! nothing costs one rebuild.

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

/// The state of the store's data files; `None` when the directory cannot be listed.
pub fn stamp(dir: &Path) -> Option<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let data = name == "CURRENT"
                || name.starts_with("MANIFEST-")
                || name.ends_with(".sst")
                || name.ends_with(".log");
            if !data {
                return None;
            }
            let meta = e.metadata().ok()?;
            let mtime = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            Some(format!("{name}:{}:{mtime}", meta.len()))
        })
        .collect();
    files.sort();
    Some(files.join(" "))
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
