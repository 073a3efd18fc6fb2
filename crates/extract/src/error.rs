//! Why a data file or an input record could not be used.

use thiserror::Error;

/// Errors of loading extraction data or parsing article records.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// A line of a gazetteer or lexicon file that cannot be understood.
    #[error("{file}:{line}: {message}")]
    Data {
        file: String,
        line: usize,
        message: String,
    },
    /// A data file that cannot be read at all.
    #[error("cannot read {file}: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    /// A JSON Lines article record that is not usable.
    #[error("{}{message}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
    Record {
        line: Option<usize>,
        message: String,
    },
}

impl ExtractError {
    pub(crate) fn data(file: &str, line: usize, message: impl Into<String>) -> Self {
        ExtractError::Data {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}
