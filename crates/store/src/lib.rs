//! The knowledge graph as RDF in an embedded Oxigraph store, and the petgraph view of it.
//!
//! This crate owns the RDF data model (docs/data-model.md), ingestion, SPARQL access and RDF
//! import/export. It knows nothing of the query language, DOT or the CLI.

mod dates;
mod error;
mod mapping;
mod results;
mod stats;
mod store;
mod view;
pub mod view_cache;
pub mod vocab;

pub use dates::{date_terms, DateTerms};
pub use error::{Result, StoreError};
pub use mapping::{DocFacts, Iris};
pub use oxigraph::io::RdfFormat;
pub use oxigraph::sparql::results::QueryResultsFormat;
pub use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults};
pub use oxigraph::store::SerializerError;
pub use results::{display_term, table, write_results, ResultsFormat, Table};
pub use stats::Stats;
pub use store::{GraphStore, IngestReport, StoreOptions, StoredDocument};
