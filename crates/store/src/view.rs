//! Builds the petgraph view of the stored graph: what the query engine and DOT export read.

use crate::error::Result;
use crate::store::{term_u64, GraphStore};
use newsgraph_extract::{EntityKind, Mode, RelationKind, Status};
use newsgraph_graph::{Edge, Graph, Node};
use oxigraph::model::Term;
use std::collections::{BTreeSet, HashMap};

fn text(t: &Option<Term>) -> Option<String> {
    match t {
        Some(Term::Literal(l)) => Some(l.value().to_string()),
        Some(Term::NamedNode(n)) => Some(n.as_str().to_string()),
        _ => None,
    }
}

fn iri(t: &Option<Term>) -> Option<&str> {
    match t {
        Some(Term::NamedNode(n)) => Some(n.as_str()),
        _ => None,
    }
}

const ENTITIES: &str =
    "SELECT ?e ?id ?name ?kind WHERE { ?e ng:entityId ?id ; rdfs:label ?name ; ng:kind ?kind }";
const ALIASES: &str =
    "SELECT DISTINCT ?e ?alias WHERE { ?e schema:alternateName ?alias . ?e ng:entityId ?id }";
const MENTIONS: &str = "SELECT DISTINCT ?e ?doc WHERE { ?d schema:mentions ?e ; ng:docId ?doc }";
const STATEMENTS: &str =
    "SELECT ?st ?rel ?s ?o ?status ?date ?place ?mode ?doc ?sentence ?conf ?n ?content WHERE {
  ?st ng:relation ?rel ; ng:subject ?s ; ng:status ?status ; ng:doc ?doc .
  OPTIONAL { ?st ng:object ?o }
  OPTIONAL { ?st ng:date ?date }
  OPTIONAL { ?st ng:placeName ?place }
  OPTIONAL { ?st ng:mode ?mode }
  OPTIONAL { ?st ng:sentence ?sentence }
  OPTIONAL { ?st ng:confidence ?conf }
  OPTIONAL { ?st ng:mentions ?n }
  OPTIONAL { ?st ng:content ?content }
}";
const FIRST_EVIDENCE: &str = "SELECT ?st (MIN(?b) AS ?begin) WHERE { ?st ng:evidence ?s . ?s nif:beginIndex ?b } GROUP BY ?st";
const EVIDENCE_END: &str =
    "SELECT ?st ?b ?end WHERE { ?st ng:evidence ?s . ?s nif:beginIndex ?b ; nif:endIndex ?end }";

impl GraphStore {
    /// The property-graph view of everything in the store.
    pub fn graph_view(&self) -> Result<Graph> {
        let mut graph = Graph::new();
        let mut aliases: HashMap<String, BTreeSet<String>> = HashMap::new();
        for row in self.select(ALIASES)? {
            if let (Some(e), Some(a)) = (iri(&row[0]), text(&row[1])) {
                aliases.entry(e.to_string()).or_default().insert(a);
            }
        }
        let mut docs: HashMap<String, BTreeSet<String>> = HashMap::new();
        for row in self.select(MENTIONS)? {
            if let (Some(e), Some(d)) = (iri(&row[0]), text(&row[1])) {
                docs.entry(e.to_string()).or_default().insert(d);
            }
        }
        let mut by_iri = HashMap::new();
        let mut entities = self.select(ENTITIES)?;
        entities.sort_by(|a, b| text(&a[1]).cmp(&text(&b[1])));
        for row in entities {
            let (Some(e), Some(id), Some(name)) = (iri(&row[0]), text(&row[1]), text(&row[2]))
            else {
                continue;
            };
            let kind = text(&row[3])
                .and_then(|k| EntityKind::parse(&k))
                .unwrap_or(EntityKind::Misc);
            let ix = graph.add_node(Node {
                id,
                name,
                kind,
                aliases: aliases
                    .remove(e)
                    .map(|a| a.into_iter().collect())
                    .unwrap_or_default(),
                docs: docs
                    .remove(e)
                    .map(|d| d.into_iter().collect())
                    .unwrap_or_default(),
            });
            by_iri.insert(e.to_string(), ix);
        }
        let mut first: HashMap<String, (u64, u64)> = HashMap::new();
        for row in self.select(FIRST_EVIDENCE)? {
            if let (Some(st), Some(b)) = (iri(&row[0]), row[1].as_ref().and_then(term_u64)) {
                first.insert(st.to_string(), (b, b));
            }
        }
        for row in self.select(EVIDENCE_END)? {
            let (Some(st), Some(b), Some(end)) = (
                iri(&row[0]),
                row[1].as_ref().and_then(term_u64),
                row[2].as_ref().and_then(term_u64),
            ) else {
                continue;
            };
            if let Some(f) = first.get_mut(st) {
                if f.0 == b {
                    f.1 = end;
                }
            }
        }
        let mut statements = self.select(STATEMENTS)?;
        statements.sort_by(|a, b| text(&a[0]).cmp(&text(&b[0])));
        for row in statements {
            let Some(st) = iri(&row[0]).map(str::to_string) else {
                continue;
            };
            let Some(kind) = text(&row[1]).and_then(|k| RelationKind::parse(&k)) else {
                continue;
            };
            let Some(status) = text(&row[4]).and_then(|s| Status::parse(&s)) else {
                continue;
            };
            let Some(&from) = iri(&row[2]).and_then(|s| by_iri.get(s)) else {
                continue;
            };
            let content = text(&row[12]);
            let to = match iri(&row[3]) {
                Some(o) => match by_iri.get(o) {
                    Some(&ix) => ix,
                    None => continue,
                },
                None => graph.content_node(content.as_deref().unwrap_or(kind.as_str())),
            };
            let (start, end) = first.get(&st).copied().unwrap_or((0, 0));
            graph.add_edge(
                from,
                to,
                Edge {
                    kind,
                    status,
                    date: text(&row[5]),
                    place: text(&row[6]),
                    mode: text(&row[7]).and_then(|m| Mode::parse(&m)),
                    doc: text(&row[8]).unwrap_or_default(),
                    sentence: text(&row[9]).unwrap_or_default(),
                    start: start as usize,
                    end: end as usize,
                    confidence: text(&row[10]).and_then(|c| c.parse().ok()).unwrap_or(1.0),
                    mentions: row[11].as_ref().and_then(term_u64).unwrap_or(1) as u32,
                    content,
                    event: st,
                },
            );
        }
        Ok(graph)
    }
}
