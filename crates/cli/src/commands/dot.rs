//! `newsgraph dot`: the graph, or a neighbourhood of it, as Graphviz DOT.

use super::{open_read_only, output};
use crate::args::{DotArgs, RenderFormat as RenderArg};
use anyhow::{anyhow, bail, Context, Result};
use newsgraph_dot::{
    filter, neighbourhood_in, readability_warning, render, write_dot, DateBound, DotOptions,
    RenderFormat, Selection,
};
use newsgraph_extract::{RelationKind, Status};
use std::io::Write;
use std::process::ExitCode;

/// The DOT options the command-line flags ask for.
pub fn options(args: &DotArgs) -> Result<DotOptions> {
    let mut opts = DotOptions {
        content: args.content,
        legend: !args.no_legend,
        connected_only: args.connected,
        min_mentions: u64::from(args.min_mentions),
        ..DotOptions::default()
    };
    for r in &args.relations {
        opts.kinds.insert(RelationKind::parse(r).ok_or_else(|| {
            anyhow!("unknown relation kind {r:?} (met-with, demanded, proposed)")
        })?);
    }
    for s in &args.statuses {
        opts.statuses.insert(
            Status::parse(s)
                .ok_or_else(|| anyhow!("unknown status {s:?} (occurred, planned, negated)"))?,
        );
    }
    if let Some(s) = &args.since {
        opts.since = Some(DateBound::parse(s).with_context(|| format!("--since {s}"))?);
    }
    if let Some(u) = &args.until {
        opts.until = Some(DateBound::parse(u).with_context(|| format!("--until {u}"))?);
    }
    Ok(opts)
}

pub fn run(args: DotArgs) -> Result<ExitCode> {
    let opts = options(&args)?;
    let store = open_read_only(&args.store)?;
    let graph = store.graph_view()?;
    // Filter first, so hops only cross relations that will be drawn.
    let filtered = filter(&graph, &Selection::all(&graph), &opts);
    let selection = match &args.around {
        Some(name) => {
            let start = graph.nodes_named(name);
            if start.is_empty() {
                bail!("no entity is named {name:?} (any alias, any case)");
            }
            neighbourhood_in(&graph, &filtered, start, args.hops)
        }
        None => filtered,
    };
    let mut dot = Vec::new();
    let stats = write_dot(&graph, &selection, &opts, &mut dot)?;
    if let Some(w) = readability_warning(&stats) {
        eprintln!("warning: {w}");
    }
    match (args.render, &args.output) {
        (Some(format), Some(path)) => {
            let format = match format {
                RenderArg::Svg => RenderFormat::Svg,
                RenderArg::Png => RenderFormat::Png,
                RenderArg::Pdf => RenderFormat::Pdf,
            };
            let source = String::from_utf8(dot).context("DOT output is not UTF-8")?;
            render(&source, format, path)?;
            eprintln!(
                "wrote {} ({} nodes, {} edges)",
                path.display(),
                stats.nodes,
                stats.edges
            );
        }
        _ => {
            let mut w = output(&args.output)?;
            w.write_all(&dot)?;
            w.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
