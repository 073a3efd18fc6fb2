//! Builds the petgraph view of the stored graph: what the query engine and DOT export read.
//!
//! The view is assembled from one index scan per property (`quads_for_pattern` with only the
//! predicate bound) rather than from SPARQL joins: a scan reads each quad once, where joins over
//! the union of thousands of document graphs cost seconds on a corpus of 10⁴ articles.

use crate::error::Result;
use crate::store::{term_u64, GraphStore, IngestReport, StoredDocument};
use crate::view_cache;
use crate::vocab::{
    CONFIDENCE, CONTENT, DATE, DOC, DOC_ID, ENTITY_ID, EVIDENCE, KIND, MENTIONS, MODE, NIF_BEGIN,
    NIF_END, OBJECT, PLACE_NAME, RDFS_LABEL, RELATION, SCHEMA_ALTERNATE_NAME, SCHEMA_MENTIONS,
    SENTENCE, STATUS, SUBJECT,
};
use newsgraph_extract::{EntityKind, Mode, RelationKind, Status};
use newsgraph_graph::CONTENT_NODE_PREFIX;
use newsgraph_graph::{Edge, Graph, Node};
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Term};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// A literal's value or an IRI's text.
fn text(t: &Term) -> Option<String> {
    match t {
        Term::Literal(l) => Some(l.value().to_string()),
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        _ => None,
    }
}

/// An object term used as a subject elsewhere (a link between resources).
fn resource(t: Term) -> Option<NamedOrBlankNode> {
    match t {
        Term::NamedNode(n) => Some(n.into()),
        Term::BlankNode(b) => Some(b.into()),
        _ => None,
    }
}

fn key(n: &NamedOrBlankNode) -> String {
    match n {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
    }
}

/// The properties of one statement (event node), gathered scan by scan.
#[derive(Default)]
struct StatementRow {
    relation: Option<String>,
    subject: Option<NamedOrBlankNode>,
    object: Option<NamedOrBlankNode>,
    status: Option<String>,
    doc: Option<String>,
    date: Option<String>,
    place: Option<String>,
    mode: Option<String>,
    sentence: Option<String>,
    confidence: Option<String>,
    mentions: Option<u64>,
    content: Option<String>,
    /// (begin, end) of the evidence sentence that starts first.
    first: Option<(u64, u64)>,
}

#[derive(Default)]
struct EntityRow {
    id: Option<String>,
    name: Option<String>,
    kind: Option<String>,
}

type Scans = HashMap<&'static str, Vec<(NamedOrBlankNode, Term)>>;

/// Every property the view reads.
const VIEW_PROPERTIES: [NamedNodeRef<'static>; 21] = [
    ENTITY_ID,
    RDFS_LABEL,
    KIND,
    SCHEMA_ALTERNATE_NAME,
    DOC_ID,
    SCHEMA_MENTIONS,
    RELATION,
    SUBJECT,
    OBJECT,
    STATUS,
    DOC,
    DATE,
    PLACE_NAME,
    MODE,
    SENTENCE,
    CONFIDENCE,
    MENTIONS,
    CONTENT,
    EVIDENCE,
    NIF_BEGIN,
    NIF_END,
];

/// Hands the prefetched pairs of `predicate` to `f`, once.
fn scan(
    pre: &mut Scans,
    predicate: NamedNodeRef<'static>,
    mut f: impl FnMut(NamedOrBlankNode, Term),
) {
    for (s, o) in pre.remove(predicate.as_str()).unwrap_or_default() {
        f(s, o);
    }
}

/// What the saved view is keyed by, from the stored documents and the revision in `dir`.
fn stamp_of(docs: &HashMap<String, StoredDocument>, dir: &Path) -> String {
    let sorted: BTreeMap<&String, &StoredDocument> = docs.iter().collect();
    let mut h = Sha256::new();
    for (id, d) in sorted {
        for part in [id.as_str(), d.hash.as_str(), d.extractor.as_str()] {
            h.update(part.as_bytes());
            h.update([0]);
        }
    }
    h.update(view_cache::revision(dir).as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl GraphStore {
    /// Every (subject, object) pair of `predicate`, over all graphs or only over `scope`.
    pub(crate) fn pairs(
        &self,
        predicate: NamedNodeRef<'_>,
        scope: Option<&[NamedNode]>,
    ) -> Result<Vec<(NamedOrBlankNode, Term)>> {
        let mut out = Vec::new();
        let graphs: Vec<Option<GraphNameRef<'_>>> = match scope {
            None => vec![None],
            Some(gs) => gs.iter().map(|g| Some(g.as_ref().into())).collect(),
        };
        for g in graphs {
            for q in self
                .oxigraph()
                .quads_for_pattern(None, Some(predicate), None, g)
            {
                let q = q?;
                out.push((q.subject, q.object));
            }
        }
        Ok(out)
    }

    /// What the saved view is keyed by: the documents (id, text hash, extractor) and the
    /// revision of changes made outside ingestion.
    fn view_stamp(&self, dir: &Path) -> Result<String> {
        Ok(stamp_of(&self.stored_documents()?, dir))
    }

    /// The saved view, if it still describes the store.
    pub fn saved_view(&self) -> Option<Graph> {
        let dir = self.path()?;
        view_cache::load(dir, &self.view_stamp(dir).ok()?)
    }

    /// The view before a write, for [`GraphStore::save_view_after`]: empty for a store without
    /// documents, else the saved view if it is still valid.
    pub fn view_before_write(&self) -> Result<Option<Graph>> {
        let Some(dir) = self.path() else {
            return Ok(None);
        };
        let docs = self.stored_documents()?;
        Ok(if docs.is_empty() {
            Some(Graph::new())
        } else {
            view_cache::load(dir, &stamp_of(&docs, dir))
        })
    }

    /// After an ingest that only added documents, saves `before` joined with what the new
    /// documents' graphs hold, so the next reader does not rebuild the whole view. The result is
    /// the graph a rebuild would give, node for node and edge for edge. Other writes leave the
    /// rebuild to the next reader. Returns whether a view was saved.
    pub fn save_view_after(&self, before: Option<Graph>, report: &IngestReport) -> Result<bool> {
        let (Some(dir), Some(before)) = (self.path(), before) else {
            return Ok(false);
        };
        if report.replaced > 0 || report.added_docs.is_empty() {
            return Ok(false);
        }
        let merged = if before.node_count() == 0 {
            self.view_of(None)?
        } else {
            let mut scope = vec![self.iris().entities_graph()];
            scope.extend(
                report
                    .added_docs
                    .iter()
                    .map(|d| self.iris().document_graph(d)),
            );
            merge(&before, &self.view_of(Some(&scope))?)
        };
        view_cache::save(dir, &self.view_stamp(dir)?, &merged);
        Ok(true)
    }

    /// The property-graph view of everything in the store: from the saved view when the store
    /// has not changed since it was made, else rebuilt (and saved for next time).
    pub fn graph_view(&self) -> Result<Graph> {
        let Some(dir) = self.path() else {
            return self.build_view();
        };
        let stamp = self.view_stamp(dir)?;
        if let Some(graph) = view_cache::load(dir, &stamp) {
            return Ok(graph);
        }
        let graph = self.build_view()?;
        view_cache::save(dir, &stamp, &graph);
        Ok(graph)
    }

    /// The view rebuilt from the quads.
    pub fn build_view(&self) -> Result<Graph> {
        self.view_of(None)
    }

    /// The view of the quads in `scope` (all graphs if `None`), in canonical order: entities by
    /// id, then statements by IRI, content nodes as statements first point at them.
    fn view_of(&self, scope: Option<&[NamedNode]>) -> Result<Graph> {
        // The scans are independent reads: run them on every core, then join them in order.
        let mut pre: Scans = VIEW_PROPERTIES
            .par_iter()
            .map(|p| Ok((p.as_str(), self.pairs(*p, scope)?)))
            .collect::<Result<_>>()?;
        let mut entities: HashMap<NamedOrBlankNode, EntityRow> = HashMap::new();
        scan(&mut pre, ENTITY_ID, |s, o| {
            entities.entry(s).or_default().id = text(&o)
        });
        scan(&mut pre, RDFS_LABEL, |s, o| {
            if let Some(e) = entities.get_mut(&s) {
                e.name = text(&o);
            }
        });
        scan(&mut pre, KIND, |s, o| {
            if let Some(e) = entities.get_mut(&s) {
                e.kind = text(&o);
            }
        });
        let mut aliases: HashMap<NamedOrBlankNode, BTreeSet<String>> = HashMap::new();
        scan(&mut pre, SCHEMA_ALTERNATE_NAME, |s, o| {
            if entities.contains_key(&s) {
                if let Some(a) = text(&o) {
                    aliases.entry(s).or_default().insert(a);
                }
            }
        });
        let mut doc_ids: HashMap<NamedOrBlankNode, String> = HashMap::new();
        scan(&mut pre, DOC_ID, |s, o| {
            if let Some(id) = text(&o) {
                doc_ids.insert(s, id);
            }
        });
        let mut docs: HashMap<NamedOrBlankNode, BTreeSet<String>> = HashMap::new();
        scan(&mut pre, SCHEMA_MENTIONS, |s, o| {
            if let (Some(d), Some(e)) = (doc_ids.get(&s), resource(o)) {
                docs.entry(e).or_default().insert(d.clone());
            }
        });

        let mut graph = Graph::new();
        let mut ordered: Vec<(String, NamedOrBlankNode, EntityRow)> = entities
            .into_iter()
            .filter_map(|(iri, row)| Some((row.id.clone()?, iri, row)))
            .collect();
        ordered.sort_by(|a, b| a.0.cmp(&b.0));
        let mut by_iri = HashMap::new();
        for (id, iri, row) in ordered {
            let Some(name) = row.name else { continue };
            let kind = row
                .kind
                .and_then(|k| EntityKind::parse(&k))
                .unwrap_or(EntityKind::Misc);
            let ix = graph.add_node(Node {
                id,
                name,
                kind,
                aliases: aliases
                    .remove(&iri)
                    .map(|a| a.into_iter().collect())
                    .unwrap_or_default(),
                docs: docs
                    .remove(&iri)
                    .map(|d| d.into_iter().collect())
                    .unwrap_or_default(),
            });
            by_iri.insert(iri, ix);
        }

        let mut st: HashMap<NamedOrBlankNode, StatementRow> = HashMap::new();
        scan(&mut pre, RELATION, |s, o| {
            st.entry(s).or_default().relation = text(&o)
        });
        macro_rules! fill {
            ($prop:expr, |$row:ident, $o:ident| $body:expr) => {
                scan(&mut pre, $prop, |s, $o| {
                    if let Some($row) = st.get_mut(&s) {
                        $body;
                    }
                })
            };
        }
        fill!(SUBJECT, |r, o| r.subject = resource(o));
        fill!(OBJECT, |r, o| r.object = resource(o));
        fill!(STATUS, |r, o| r.status = text(&o));
        fill!(DOC, |r, o| r.doc = text(&o));
        fill!(DATE, |r, o| r.date = text(&o));
        fill!(PLACE_NAME, |r, o| r.place = text(&o));
        fill!(MODE, |r, o| r.mode = text(&o));
        fill!(SENTENCE, |r, o| r.sentence = text(&o));
        fill!(CONFIDENCE, |r, o| r.confidence = text(&o));
        fill!(MENTIONS, |r, o| r.mentions = term_u64(&o));
        fill!(CONTENT, |r, o| r.content = text(&o));

        let mut evidence: Vec<(NamedOrBlankNode, NamedOrBlankNode)> = Vec::new();
        scan(&mut pre, EVIDENCE, |s, o| {
            if st.contains_key(&s) {
                if let Some(sentence) = resource(o) {
                    evidence.push((s, sentence));
                }
            }
        });
        let mut begins: HashMap<NamedOrBlankNode, u64> = HashMap::new();
        let mut ends: HashMap<NamedOrBlankNode, u64> = HashMap::new();
        scan(&mut pre, NIF_BEGIN, |s, o| {
            if let Some(b) = term_u64(&o) {
                begins.insert(s, b);
            }
        });
        scan(&mut pre, NIF_END, |s, o| {
            if let Some(e) = term_u64(&o) {
                ends.insert(s, e);
            }
        });
        for (statement, sentence) in evidence {
            let (Some(&b), Some(row)) = (begins.get(&sentence), st.get_mut(&statement)) else {
                continue;
            };
            let e = ends.get(&sentence).copied().unwrap_or(b);
            if row.first.is_none_or(|(fb, _)| b < fb) {
                row.first = Some((b, e));
            }
        }

        let statements: BTreeMap<String, StatementRow> =
            st.into_iter().map(|(k, v)| (key(&k), v)).collect();
        for (event, row) in statements {
            let Some(kind) = row.relation.as_deref().and_then(RelationKind::parse) else {
                continue;
            };
            let Some(status) = row.status.as_deref().and_then(Status::parse) else {
                continue;
            };
            let (Some(doc), Some(&from)) = (row.doc, row.subject.and_then(|s| by_iri.get(&s)))
            else {
                continue;
            };
            let to = match &row.object {
                Some(o) => match by_iri.get(o) {
                    Some(&ix) => ix,
                    None => continue,
                },
                None => graph.content_node(row.content.as_deref().unwrap_or(kind.as_str())),
            };
            let (start, end) = row.first.unwrap_or((0, 0));
            graph.add_edge(
                from,
                to,
                Edge {
                    kind,
                    status,
                    date: row.date,
                    place: row.place,
                    mode: row.mode.as_deref().and_then(Mode::parse),
                    doc,
                    sentence: row.sentence.unwrap_or_default(),
                    start: start as usize,
                    end: end as usize,
                    confidence: row.confidence.and_then(|c| c.parse().ok()).unwrap_or(1.0),
                    mentions: row.mentions.unwrap_or(1) as u32,
                    content: row.content,
                    event,
                },
            );
        }
        Ok(graph)
    }
}

/// Where an edge points: an entity by id, or a content node by its text.
enum Target {
    Entity(String),
    Content(String),
}

/// Two views joined in the canonical order [`GraphStore::build_view`] produces. Entities are
/// keyed by id (aliases and documents united, the first view's name and kind kept), statements
/// by their IRI.
fn merge(a: &Graph, b: &Graph) -> Graph {
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    let mut edges: BTreeMap<String, (String, Target, Edge)> = BTreeMap::new();
    for g in [a, b] {
        let p = g.petgraph();
        for n in p.node_weights() {
            if n.id.starts_with(CONTENT_NODE_PREFIX) {
                continue;
            }
            match nodes.get_mut(&n.id) {
                Some(m) => {
                    let aliases: BTreeSet<String> = m
                        .aliases
                        .drain(..)
                        .chain(n.aliases.iter().cloned())
                        .collect();
                    m.aliases = aliases.into_iter().collect();
                    let docs: BTreeSet<String> =
                        m.docs.drain(..).chain(n.docs.iter().cloned()).collect();
                    m.docs = docs.into_iter().collect();
                }
                None => {
                    nodes.insert(n.id.clone(), n.clone());
                }
            }
        }
        for e in p.edge_indices() {
            let Some((from, to)) = p.edge_endpoints(e) else {
                continue;
            };
            let to = &p[to];
            let target = match to.id.strip_prefix(CONTENT_NODE_PREFIX) {
                Some(_) => Target::Content(to.name.clone()),
                None => Target::Entity(to.id.clone()),
            };
            let edge = p[e].clone();
            edges
                .entry(edge.event.clone())
                .or_insert((p[from].id.clone(), target, edge));
        }
    }
    let mut graph = Graph::new();
    let mut by_id = HashMap::new();
    for (id, node) in nodes {
        by_id.insert(id, graph.add_node(node));
    }
    for (_, (from, target, edge)) in edges {
        let Some(&from) = by_id.get(&from) else {
            continue;
        };
        let to = match target {
            Target::Entity(id) => match by_id.get(&id) {
                Some(&ix) => ix,
                None => continue,
            },
            Target::Content(text) => graph.content_node(&text),
        };
        graph.add_edge(from, to, edge);
    }
    graph
}
