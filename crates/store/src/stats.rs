//! Counts by entity kind and relation kind, straight from the store.

use crate::error::Result;
use crate::store::{term_u64, GraphStore};
use oxigraph::model::Term;
use std::collections::BTreeMap;

/// What the store holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub documents: u64,
    pub entities: u64,
    pub entities_by_kind: BTreeMap<String, u64>,
    /// Statements by relation kind, then by status.
    pub relations: BTreeMap<String, BTreeMap<String, u64>>,
    /// Distinct triples of the union default graph.
    pub triples: u64,
    /// Quads over all graphs.
    pub quads: u64,
}

fn lit(t: &Option<Term>) -> String {
    match t {
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

fn count(t: &Option<Term>) -> u64 {
    t.as_ref().and_then(term_u64).unwrap_or(0)
}

impl GraphStore {
    pub fn stats(&self) -> Result<Stats> {
        let mut stats = Stats::default();
        for row in self.select("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d ng:docId ?id }")? {
            stats.documents = count(&row[0]);
        }
        for row in self.select("SELECT ?kind (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e ng:entityId ?id ; ng:kind ?kind } GROUP BY ?kind")? {
            let n = count(&row[1]);
            stats.entities += n;
            stats.entities_by_kind.insert(lit(&row[0]), n);
        }
        for row in self.select("SELECT ?rel ?status (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st ng:relation ?rel ; ng:status ?status } GROUP BY ?rel ?status")? {
            stats
                .relations
                .entry(lit(&row[0]))
                .or_default()
                .insert(lit(&row[1]), count(&row[2]));
        }
        stats.triples = self.triple_count()?;
        stats.quads = self.quad_count()? as u64;
        Ok(stats)
    }
}
