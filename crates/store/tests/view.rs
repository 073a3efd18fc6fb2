//! The petgraph view read back from the store: the same graph as the extractions it was built
//! from, whether rebuilt from the quads or read from the saved view, and never stale.

use newsgraph_extract::{Article, DocExtraction, Extractor};
use newsgraph_graph::Graph;
use newsgraph_store::{DocFacts, GraphStore, StoreOptions};
use std::collections::BTreeSet;
use std::path::Path;

fn samples() -> Vec<DocExtraction> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/articles");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let ex = Extractor::builtin().unwrap();
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            let id = f.file_stem().unwrap().to_string_lossy().into_owned();
            ex.extract(&Article::new(id, text, Some(f.display().to_string())))
        })
        .collect()
}

/// Everything a query can see, independent of insertion order.
fn shape(g: &Graph) -> (BTreeSet<String>, BTreeSet<String>) {
    let p = g.petgraph();
    let nodes = p
        .node_weights()
        .map(|n| format!("{} {} {:?} {:?}", n.id, n.name, n.kind, n.aliases))
        .collect();
    let edges = p
        .edge_indices()
        .map(|e| {
            let (a, b) = p.edge_endpoints(e).unwrap();
            let w = &p[e];
            format!(
                "{} {} {} {} {:?} {:?} {} {} {}..{} {}",
                p[a].id,
                w.kind,
                p[b].id,
                w.status,
                w.date,
                w.place,
                w.doc,
                w.mentions,
                w.start,
                w.end,
                w.sentence
            )
        })
        .collect();
    (nodes, edges)
}

/// The view as a query sees it, in order: node by node, edge by edge.
fn ordered(g: &Graph) -> Vec<String> {
    let p = g.petgraph();
    let nodes = p.node_weights().map(|n| format!("{n:?}"));
    let edges = p.edge_indices().map(|e| {
        let (a, b) = p.edge_endpoints(e).unwrap();
        format!("{} -> {} {:?}", a.index(), b.index(), p[e])
    });
    nodes.chain(edges).collect()
}

fn facts() -> DocFacts {
    DocFacts {
        extractor: "test".into(),
        ingested_at: None,
    }
}

#[test]
fn the_stored_view_matches_the_extractions_and_follows_writes() {
    let docs = samples();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.db");
    {
        let store = GraphStore::open(&path, StoreOptions::default()).unwrap();
        let before = store.view_before_write().unwrap();
        let report = store.ingest(&docs[..3], &facts(), |_| {}).unwrap();
        store.flush().unwrap();
        assert!(store.save_view_after(before, &report).unwrap());
    }
    let store = GraphStore::open_read_only(&path, StoreOptions::default()).unwrap();
    // The build saved the view it made, and it is the view a rebuild gives.
    let saved = store.saved_view().expect("the build saved the view");
    assert_eq!(ordered(&saved), ordered(&store.build_view().unwrap()));
    let expected = shape(&Graph::from_extractions(&docs[..3]));
    let rebuilt = store.graph_view().unwrap();
    assert_eq!(shape(&rebuilt), expected);
    let cached = store.graph_view().unwrap();
    assert_eq!(shape(&cached), expected);
    drop(store);

    {
        let store = GraphStore::open(&path, StoreOptions::default()).unwrap();
        let before = store.view_before_write().unwrap();
        let report = store.ingest(&docs, &facts(), |_| {}).unwrap();
        store.flush().unwrap();
        assert!(store.save_view_after(before, &report).unwrap());
    }
    let store = GraphStore::open_read_only(&path, StoreOptions::default()).unwrap();
    // Adding documents extended the saved view; it equals a rebuild, order included.
    let saved = store.saved_view().expect("the build extended the view");
    assert_eq!(ordered(&saved), ordered(&store.build_view().unwrap()));
    assert_eq!(
        shape(&store.graph_view().unwrap()),
        shape(&Graph::from_extractions(&docs))
    );
    drop(store);

    // A change the document list does not show still retires the saved view.
    let store = GraphStore::open(&path, StoreOptions::default()).unwrap();
    store
        .update("INSERT DATA { GRAPH <https://newsgraph.dev/id/graph/entities> { <https://newsgraph.dev/id/entity/x> ng:entityId \"x\" ; rdfs:label \"Xavier Nobody\" ; ng:kind \"PERSON\" } }")
        .unwrap();
    assert!(store.saved_view().is_none());
    let view = store.graph_view().unwrap();
    assert_eq!(view.nodes_named("Xavier Nobody").len(), 1);
    assert!(store.saved_view().is_some());
}
