use std::path::PathBuf;
use std::process::ExitStatus;

/// Everything that can go wrong while exporting or rendering.
#[derive(Debug, thiserror::Error)]
pub enum DotError {
    #[error("cannot write the DOT output: {0}")]
    Io(#[from] std::io::Error),

    #[error("invalid date {input:?}: {reason} (expected ISO 8601 such as 2025-08-15, 2025-08, 2025, 2025-W33 or --08-15)")]
    InvalidDate { input: String, reason: &'static str },

    #[error("unknown output format {0:?} (expected svg, png or pdf)")]
    UnknownFormat(String),

    #[error(
        "Graphviz is not installed (could not run {program:?}); install it with \
         `apt-get install graphviz` (Debian/Ubuntu), `brew install graphviz` (macOS) or from \
         https://graphviz.org/download/, or write DOT and render it elsewhere"
    )]
    GraphvizMissing { program: String },

    #[error("Graphviz ({program}) failed with {status}: {stderr}")]
    GraphvizFailed {
        program: String,
        status: ExitStatus,
        stderr: String,
    },

    #[error("cannot write {path}: {source}")]
    Output {
        path: PathBuf,
        source: std::io::Error,
    },
}
