use std::path::PathBuf;

/// Errors of the store crate. Each says what the user can do about it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("the store at {path} is in use by another process (close the other newsgraph command, or open it read-only)")]
    Locked { path: PathBuf },
    #[error("cannot open the store at {path}: {message}")]
    Open { path: PathBuf, message: String },
    #[error("no store at {path} (build one with `newsgraph build`)")]
    Missing { path: PathBuf },
    #[error("storage error: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("SPARQL syntax error: {0}")]
    Syntax(#[from] oxigraph::sparql::SparqlSyntaxError),
    #[error("SPARQL evaluation error: {0}")]
    Evaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    #[error("SPARQL update error: {0}")]
    Update(#[from] oxigraph::sparql::UpdateEvaluationError),
    #[error("this is a SPARQL update; pass --update to modify the store")]
    UpdateNotAllowed,
    #[error("loading RDF failed: {0}")]
    Load(#[from] oxigraph::store::LoaderError),
    #[error("serializing results failed: {0}")]
    Serialize(#[from] oxigraph::store::SerializerError),
    #[error("invalid base IRI {iri:?}: {message}")]
    BaseIri { iri: String, message: String },
    #[error("{0}")]
    Format(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
