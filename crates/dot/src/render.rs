//! Rendering DOT with Graphviz's `dot`, and telling when a drawing would be unreadable.

use crate::{DotError, DotStats};
use std::ffi::OsStr;
use std::io::{ErrorKind, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::str::FromStr;

/// Image formats Graphviz renders to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RenderFormat {
    Svg,
    Png,
    Pdf,
}

impl RenderFormat {
    pub const ALL: [RenderFormat; 3] = [RenderFormat::Svg, RenderFormat::Png, RenderFormat::Pdf];

    pub fn as_str(self) -> &'static str {
        match self {
            RenderFormat::Svg => "svg",
            RenderFormat::Png => "png",
            RenderFormat::Pdf => "pdf",
        }
    }

    /// The format named by a file's extension (`graph.svg`), if any.
    pub fn from_path(path: &Path) -> Option<RenderFormat> {
        path.extension()
            .and_then(OsStr::to_str)
            .and_then(|e| e.parse().ok())
    }
}

impl FromStr for RenderFormat {
    type Err = DotError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RenderFormat::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| DotError::UnknownFormat(s.to_string()))
    }
}

impl std::fmt::Display for RenderFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Renders `dot_source` to `out_path` with Graphviz's `dot` from the `PATH`.
pub fn render(dot_source: &str, format: RenderFormat, out_path: &Path) -> Result<(), DotError> {
    render_with(OsStr::new("dot"), dot_source, format, out_path)
}

/// Renders with a given Graphviz program (`dot`, `sfdp`, a full path).
pub fn render_with(
    program: &OsStr,
    dot_source: &str,
    format: RenderFormat,
    out_path: &Path,
) -> Result<(), DotError> {
    let image = run_graphviz(program, dot_source, format)?;
    std::fs::write(out_path, image).map_err(|source| DotError::Output {
        path: out_path.to_path_buf(),
        source,
    })
}

/// Runs Graphviz on `dot_source` and returns the rendered image.
pub fn run_graphviz(
    program: &OsStr,
    dot_source: &str,
    format: RenderFormat,
) -> Result<Vec<u8>, DotError> {
    let name = program.to_string_lossy().into_owned();
    let mut child = Command::new(program)
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            ErrorKind::NotFound | ErrorKind::PermissionDenied => DotError::GraphvizMissing {
                program: name.clone(),
            },
            _ => DotError::Io(e),
        })?;
    // Feed stdin from another thread: Graphviz may fill its output pipes before reading all.
    let stdin = child.stdin.take();
    let source = dot_source.to_owned();
    let feeder = std::thread::spawn(move || -> std::io::Result<()> {
        if let Some(mut stdin) = stdin {
            stdin.write_all(source.as_bytes())?;
        }
        Ok(())
    });
    let output = child.wait_with_output()?;
    let fed = feeder.join();
    if !output.status.success() {
        return Err(DotError::GraphvizFailed {
            program: name,
            status: output.status,
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        });
    }
    match fed {
        Ok(Ok(())) => Ok(output.stdout),
        Ok(Err(e)) => Err(DotError::Io(e)),
        Err(_) => Err(DotError::Io(std::io::Error::other(
            "writing to Graphviz failed",
        ))),
    }
}

/// Above these, a layout is a hairball.
pub const READABLE_NODES: usize = 300;
pub const READABLE_EDGES: usize = 1000;

/// A warning when a drawing of this size would be unreadable, with how to shrink it.
pub fn readability_warning(stats: &DotStats) -> Option<String> {
    if stats.nodes <= READABLE_NODES && stats.edges <= READABLE_EDGES {
        return None;
    }
    Some(format!(
        "the drawing has {} entities and {} relations (readable up to about {} and {}); \
         Graphviz may take long and the picture will be hard to read. Narrow it with \
         `--around NAME --hops K`, or filters such as `--kind met-with`, `--status occurred`, \
         `--since 2025-08 --until 2025-09`, `--min-mentions 2` or `--no-content`",
        stats.nodes, stats.edges, READABLE_NODES, READABLE_EDGES
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_by_name_and_extension() {
        assert_eq!("SVG".parse::<RenderFormat>().ok(), Some(RenderFormat::Svg));
        assert!("gif".parse::<RenderFormat>().is_err());
        assert_eq!(
            RenderFormat::from_path(Path::new("out/graph.pdf")),
            Some(RenderFormat::Pdf)
        );
        assert_eq!(RenderFormat::from_path(Path::new("graph.dot")), None);
        assert_eq!(RenderFormat::from_path(Path::new("graph")), None);
    }

    #[test]
    fn missing_graphviz_says_how_to_install_it() {
        let err = run_graphviz(
            OsStr::new("/nonexistent/graphviz/dot"),
            "digraph {}",
            RenderFormat::Svg,
        )
        .unwrap_err();
        assert!(matches!(err, DotError::GraphvizMissing { .. }));
        let msg = err.to_string();
        assert!(msg.contains("apt-get install graphviz"), "{msg}");
        assert!(msg.contains("brew install graphviz"), "{msg}");
    }

    #[test]
    fn warns_only_for_big_drawings() {
        let small = DotStats {
            nodes: 300,
            edges: 1000,
            ..DotStats::default()
        };
        assert_eq!(readability_warning(&small), None);
        let many_nodes = DotStats {
            nodes: 301,
            ..small
        };
        let warning = readability_warning(&many_nodes).unwrap();
        assert!(warning.contains("--around NAME --hops K"), "{warning}");
        let many_edges = DotStats {
            edges: 1001,
            ..small
        };
        assert!(readability_warning(&many_edges).is_some());
    }
}
