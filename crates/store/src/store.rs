//! The embedded Oxigraph store: opening it, ingesting extractions, SPARQL, RDF import/export.

use crate::error::{Result, StoreError};
use crate::mapping::{document_quads, entity_quads, DocFacts, Iris};
use crate::vocab::{self, CONTENT_HASH, DOC_ID, EXTRACTOR};
use newsgraph_extract::DocExtraction;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, Term};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The ontology every store carries (docs/data-model.md).
pub const ONTOLOGY: &str = include_str!("../../../data/ontology.ttl");

/// How a store is opened.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// Base IRI under which documents, entities and statements are minted.
    pub base: String,
    /// Whether the default graph of user queries is the union of all graphs.
    pub union_default_graph: bool,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            base: vocab::DEFAULT_BASE.to_string(),
            union_default_graph: true,
        }
    }
}

/// The knowledge graph's RDF store.
pub struct GraphStore {
    store: Store,
    iris: Iris,
    options: StoreOptions,
    path: Option<PathBuf>,
}

/// What an ingestion did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestReport {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub quads_written: usize,
    /// Ids of the documents added.
    pub added_docs: Vec<String>,
}

/// What a document already in the store was built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument {
    pub hash: String,
    pub extractor: String,
}

fn classify_open_error(path: &Path, e: oxigraph::store::StorageError) -> StoreError {
    let message = e.to_string();
    let lower = message.to_ascii_lowercase();
    if lower.contains("lock") || lower.contains("resource temporarily unavailable") {
        StoreError::Locked {
            path: path.to_path_buf(),
        }
    } else {
        StoreError::Open {
            path: path.to_path_buf(),
            message,
        }
    }
}

impl GraphStore {
    /// Opens (creating if needed) an on-disk store for reading and writing.
    pub fn open(path: &Path, options: StoreOptions) -> Result<GraphStore> {
        let iris = Iris::new(&options.base)?;
        let store = Store::open(path).map_err(|e| classify_open_error(path, e))?;
        Ok(GraphStore {
            store,
            iris,
            options,
            path: Some(path.to_path_buf()),
        })
    }

    /// Opens an existing on-disk store read-only; other processes may hold it at the same time.
    pub fn open_read_only(path: &Path, options: StoreOptions) -> Result<GraphStore> {
        if !path.join("CURRENT").exists() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        let iris = Iris::new(&options.base)?;
        // A writer that has just opened the store may be flushing or compacting, replacing the
        // files a reader is opening; a moment later they are stable again.
        let mut attempt = 0;
        let store = loop {
            match Store::open_read_only(path) {
                Ok(store) => break store,
                Err(_) if attempt < 4 => {
                    attempt += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50 << attempt));
                }
                Err(e) => return Err(classify_open_error(path, e)),
            }
        };
        Ok(GraphStore {
            store,
            iris,
            options,
            path: Some(path.to_path_buf()),
        })
    }

    /// A store living in memory only.
    pub fn memory(options: StoreOptions) -> Result<GraphStore> {
        let iris = Iris::new(&options.base)?;
        Ok(GraphStore {
            store: Store::new()?,
            iris,
            options,
            path: None,
        })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn iris(&self) -> &Iris {
        &self.iris
    }

    pub fn options(&self) -> &StoreOptions {
        &self.options
    }

    /// The underlying Oxigraph store, for callers that need its full API.
    pub fn oxigraph(&self) -> &Store {
        &self.store
    }

    /// Number of quads over all graphs.
    pub fn quad_count(&self) -> Result<usize> {
        Ok(self.store.len()?)
    }

    /// Number of distinct triples in the union of all graphs, as `SELECT (COUNT(*) AS ?n)
    /// WHERE { ?s ?p ?o }` counts them.
    pub fn triple_count(&self) -> Result<u64> {
        let rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")?;
        Ok(rows
            .first()
            .and_then(|r| r.first())
            .and_then(|t| t.as_ref())
            .and_then(term_u64)
            .unwrap_or(0))
    }

    /// Documents in the store with the hash and extractor they were built from.
    pub fn stored_documents(&self) -> Result<HashMap<String, StoredDocument>> {
        let mut by_doc: HashMap<NamedOrBlankNode, (Option<String>, String, String)> =
            HashMap::new();
        for (s, o) in self.pairs(DOC_ID, None)? {
            if let Term::Literal(l) = o {
                by_doc.entry(s).or_default().0 = Some(l.value().to_string());
            }
        }
        for (s, o) in self.pairs(CONTENT_HASH, None)? {
            if let (Some(e), Term::Literal(l)) = (by_doc.get_mut(&s), o) {
                e.1 = l.value().to_string();
            }
        }
        for (s, o) in self.pairs(EXTRACTOR, None)? {
            if let (Some(e), Term::Literal(l)) = (by_doc.get_mut(&s), o) {
                e.2 = l.value().to_string();
            }
        }
        Ok(by_doc
            .into_values()
            .filter_map(|(id, hash, extractor)| Some((id?, StoredDocument { hash, extractor })))
            .collect())
    }

    /// Writes extractions: new documents are bulk-loaded, changed ones replace their graph in
    /// one transaction, unchanged ones (same text hash and extractor) are left alone.
    pub fn ingest(
        &self,
        docs: &[DocExtraction],
        facts: &DocFacts,
        on_progress: impl Fn(u64) + Send + Sync + 'static,
    ) -> Result<IngestReport> {
        self.ensure_ontology()?;
        let stored = self.stored_documents()?;
        let mut report = IngestReport::default();
        let mut fresh = Vec::new();
        let mut changed = Vec::new();
        for d in docs {
            match stored.get(&d.doc.id) {
                Some(s) if s.hash == d.doc.hash && s.extractor == facts.extractor => {
                    report.unchanged += 1
                }
                Some(_) => changed.push(d),
                None => fresh.push(d),
            }
        }
        if !fresh.is_empty() {
            let mut quads = Vec::new();
            for d in &fresh {
                entity_quads(&self.iris, d, &mut quads);
                document_quads(&self.iris, d, facts, &mut quads);
            }
            report.quads_written += quads.len();
            let mut loader = self.store.bulk_loader().on_progress(on_progress);
            loader.load_quads(quads)?;
            loader.commit()?;
            report.added = fresh.len();
        }
        if !changed.is_empty() {
            let mut quads = Vec::new();
            for d in &changed {
                entity_quads(&self.iris, d, &mut quads);
                document_quads(&self.iris, d, facts, &mut quads);
            }
            report.quads_written += quads.len();
            let mut t = self.store.start_transaction()?;
            for d in &changed {
                t.clear_graph(&self.iris.document_graph(&d.doc.id))?;
            }
            t.extend(quads.iter());
            t.commit()?;
            report.replaced = changed.len();
        }
        report.added_docs = fresh.iter().map(|d| d.doc.id.clone()).collect();
        Ok(report)
    }

    /// Loads `data/ontology.ttl` into its own graph, once.
    fn ensure_ontology(&self) -> Result<()> {
        let graph = self.iris.ontology_graph();
        if self.store.contains_named_graph(&graph)? {
            return Ok(());
        }
        let parser = RdfParser::from_format(RdfFormat::Turtle)
            .without_named_graphs()
            .with_default_graph(graph);
        self.store
            .load_from_reader(parser, ONTOLOGY.as_bytes())
            .map_err(|e| StoreError::Format(format!("the built-in ontology: {e}")))?;
        Ok(())
    }

    fn evaluator(&self) -> Result<SparqlEvaluator> {
        let mut ev = SparqlEvaluator::new();
        for (prefix, iri) in vocab::prefixes(self.iris.base()) {
            ev = ev
                .with_prefix(prefix, iri)
                .map_err(|e| StoreError::Format(format!("prefix {prefix}: {e}")))?;
        }
        Ok(ev)
    }

    /// Runs a SPARQL query with the newsgraph prefixes declared and, unless turned off, the union
    /// of all graphs as default graph.
    pub fn query(&self, query: &str) -> Result<QueryResults<'static>> {
        self.query_cancellable(query, None)
    }

    /// As [`GraphStore::query`]; cancelling `token` stops the evaluation (used for timeouts).
    pub fn query_cancellable(
        &self,
        query: &str,
        token: Option<CancellationToken>,
    ) -> Result<QueryResults<'static>> {
        let mut ev = self.evaluator()?;
        if let Some(t) = token {
            ev = ev.with_cancellation_token(t);
        }
        let mut prepared = match ev.parse_query(query) {
            Ok(p) => p,
            Err(e) => {
                if self.evaluator()?.parse_update(query).is_ok() {
                    return Err(StoreError::UpdateNotAllowed);
                }
                return Err(e.into());
            }
        };
        if self.options.union_default_graph {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        Ok(prepared.on_store(&self.store).execute()?)
    }

    /// Runs a SPARQL update.
    pub fn update(&self, update: &str) -> Result<()> {
        let prepared = self.evaluator()?.parse_update(update)?;
        self.bump_revision()?;
        prepared.on_store(&self.store).execute()?;
        Ok(())
    }

    /// Runs a SELECT query and collects its rows (for internal queries and tests).
    pub fn select(&self, query: &str) -> Result<Vec<Vec<Option<Term>>>> {
        match self.query(query)? {
            QueryResults::Solutions(solutions) => {
                let width = solutions.variables().len();
                let mut rows = Vec::new();
                for s in solutions {
                    let s = s?;
                    rows.push((0..width).map(|i| s.get(i).cloned()).collect());
                }
                Ok(rows)
            }
            _ => Err(StoreError::Format("expected a SELECT query".into())),
        }
    }

    /// Writes the whole dataset, or one document's graph, in an RDF format.
    pub fn export(&self, format: RdfFormat, doc: Option<&str>, out: &mut impl Write) -> Result<()> {
        let mut ser = RdfSerializer::from_format(format);
        for (prefix, iri) in vocab::prefixes(self.iris.base()) {
            ser = ser
                .with_prefix(prefix, iri)
                .map_err(|e| StoreError::Format(format!("prefix {prefix}: {e}")))?;
        }
        match doc {
            Some(doc) => {
                let g = self.iris.document_graph(doc);
                if !self.store.contains_named_graph(&g)? {
                    return Err(StoreError::Format(format!(
                        "no document {doc:?} in the store"
                    )));
                }
                if format.supports_datasets() {
                    let mut w = ser.for_writer(out);
                    for q in self
                        .store
                        .quads_for_pattern(None, None, None, Some(g.as_ref().into()))
                    {
                        w.serialize_quad(&q?)?;
                    }
                    w.finish()?;
                } else {
                    self.store.dump_graph_to_writer(
                        GraphNameRef::NamedNode(g.as_ref()),
                        ser,
                        out,
                    )?;
                }
            }
            None if format.supports_datasets() => {
                self.store.dump_to_writer(ser, out)?;
            }
            None => {
                // Triple formats get the union of all graphs, without duplicates.
                let mut w = ser.for_writer(out);
                let mut seen = std::collections::HashSet::new();
                for q in self.store.iter() {
                    let t = q?.into();
                    if seen.insert(oxigraph::model::Triple::clone(&t)) {
                        w.serialize_triple(&t)?;
                    }
                }
                w.finish()?;
            }
        }
        Ok(())
    }

    /// Loads a user's RDF file; triples go to the graph `graph` (default: the entities graph) so
    /// they join the union default graph. Returns the number of quads added.
    pub fn import(
        &self,
        format: RdfFormat,
        input: impl Read,
        graph: Option<&str>,
    ) -> Result<usize> {
        let before = self.store.len()?;
        let target: NamedNode = match graph {
            Some(g) => NamedNode::new(g)
                .map_err(|e| StoreError::Format(format!("graph IRI {g:?}: {e}")))?,
            None => self.iris.entities_graph(),
        };
        let mut parser = RdfParser::from_format(format)
            .with_base_iri(self.iris.base())
            .map_err(|e| StoreError::Format(e.to_string()))?;
        if !format.supports_datasets() {
            parser = parser.with_default_graph(target);
        }
        self.bump_revision()?;
        let mut loader = self.store.bulk_loader();
        loader.load_from_reader(parser, input)?;
        loader.commit()?;
        Ok(self.store.len()?.saturating_sub(before))
    }

    /// Invalidates the saved graph view ahead of a change it cannot see in the document list.
    fn bump_revision(&self) -> Result<()> {
        match &self.path {
            Some(dir) => crate::view_cache::bump_revision(dir).map_err(|e| {
                StoreError::Format(format!("recording a change in {}: {e}", dir.display()))
            }),
            None => Ok(()),
        }
    }

    /// Forces buffered writes to disk.
    pub fn flush(&self) -> Result<()> {
        if self.path.is_some() {
            self.store.flush()?;
        }
        Ok(())
    }
}

/// Reads an integer-valued literal.
pub fn term_u64(t: &Term) -> Option<u64> {
    match t {
        Term::Literal(l) => l.value().parse().ok(),
        _ => None,
    }
}
