//! Text in, entities and met-with / demanded / proposed relations out.
//!
//! This crate owns reading articles, the gazetteer and trigger lexicon, recognition, resolution
//! and relation extraction. It knows nothing of RDF, stores, the query language or the CLI.

pub mod model;

pub use model::*;
