//! `newsgraph export` and `newsgraph import`: the store's RDF in and out.

use super::{open_read_only, open_writable, output};
use crate::args::{ExportArgs, ImportArgs, RdfFormatArg};
use anyhow::{anyhow, Context, Result};
use newsgraph_store::RdfFormat;
use std::io::Write;
use std::process::ExitCode;

fn rdf_format(f: RdfFormatArg) -> RdfFormat {
    match f {
        RdfFormatArg::Turtle => RdfFormat::Turtle,
        RdfFormatArg::Trig => RdfFormat::TriG,
        RdfFormatArg::Nquads => RdfFormat::NQuads,
        RdfFormatArg::Ntriples => RdfFormat::NTriples,
        RdfFormatArg::Jsonld => RdfFormat::JsonLd {
            profile: Default::default(),
        },
        RdfFormatArg::Rdfxml => RdfFormat::RdfXml,
    }
}

pub fn export(args: ExportArgs) -> Result<ExitCode> {
    let store = open_read_only(&args.store)?;
    let mut out = output(&args.output)?;
    store
        .export(rdf_format(args.format), args.graph.as_deref(), &mut out)
        .context("exporting the graph")?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn import(args: ImportArgs) -> Result<ExitCode> {
    let format = match args.format {
        Some(f) => rdf_format(f),
        None => args
            .file
            .extension()
            .and_then(|e| e.to_str())
            .and_then(RdfFormat::from_extension)
            .ok_or_else(|| {
                anyhow!(
                    "cannot tell the RDF format of {} from its extension; pass --format",
                    args.file.display()
                )
            })?,
    };
    let file = std::fs::File::open(&args.file)
        .with_context(|| format!("opening {}", args.file.display()))?;
    let store = open_writable(&args.store)?;
    let n = store
        .import(format, std::io::BufReader::new(file), args.graph.as_deref())
        .with_context(|| format!("importing {} (nothing was added)", args.file.display()))?;
    store.flush()?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "imported {n} new quads from {}", args.file.display())?;
    Ok(ExitCode::SUCCESS)
}
