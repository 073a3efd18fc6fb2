//! Text in, entities and met-with / demanded / proposed relations out.
//!
//! This crate owns reading articles, the gazetteer and trigger lexicon, recognition, resolution
//! and relation extraction. It knows nothing of RDF, stores, the query language or the CLI.
//! Real-world knowledge and trigger patterns live in data files (`data/gazetteer.tsv`,
//! `data/lexicon.tsv`), embedded as the default and replaceable at run time.

// The one unsafe block (reading a token's word) must say why it is sound.
#![deny(clippy::undocumented_unsafe_blocks)]

mod aggregate;
mod article;
mod dates;
mod doc;
mod error;
mod extractor;
mod fasthash;
mod gazetteer;
pub mod jsonl;
mod lexicon;
mod live;
pub mod model;
mod phrases;
mod quotes;
mod recognise;
mod relations;
mod text;
mod wordtable;

pub use article::Article;
pub use error::ExtractError;
pub use extractor::Extractor;
pub use gazetteer::slug_id;
pub use model::*;
