//! `newsgraph sparql`.

use super::{open_read_only, open_writable, query_text};
use crate::args::{SparqlArgs, SparqlFormat};
use crate::table;
use anyhow::{Context, Result};
use newsgraph_store::{write_results, QueryResults, QueryResultsFormat, RdfFormat, ResultsFormat};
use std::io::Write;
use std::process::ExitCode;

fn results_format(f: SparqlFormat) -> ResultsFormat {
    let (solutions, graph) = match f {
        SparqlFormat::Table | SparqlFormat::Tsv => (QueryResultsFormat::Tsv, RdfFormat::Turtle),
        SparqlFormat::Csv => (QueryResultsFormat::Csv, RdfFormat::Turtle),
        SparqlFormat::Json => (
            QueryResultsFormat::Json,
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
        SparqlFormat::Xml => (QueryResultsFormat::Xml, RdfFormat::RdfXml),
        SparqlFormat::Turtle => (QueryResultsFormat::Tsv, RdfFormat::Turtle),
        SparqlFormat::Ntriples => (QueryResultsFormat::Tsv, RdfFormat::NTriples),
        SparqlFormat::Rdfxml => (QueryResultsFormat::Xml, RdfFormat::RdfXml),
        SparqlFormat::Jsonld => (
            QueryResultsFormat::Json,
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
    };
    ResultsFormat { solutions, graph }
}

pub fn run(args: SparqlArgs) -> Result<ExitCode> {
    let text = query_text(&args.query, &args.file)?;
    if args.update {
        let store = open_writable(&args.store)?;
        store.update(&text).context("running the SPARQL update")?;
        store.flush()?;
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "update done; the store now holds {} quads",
            store.quad_count()?
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let store = open_read_only(&args.store)?;
    let results = store.query(&text).context("running the SPARQL query")?;
    let base = store.iris().base().to_string();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match (args.format, results) {
        (SparqlFormat::Table, r @ (QueryResults::Solutions(_) | QueryResults::Boolean(_))) => {
            if let Some(t) = newsgraph_store::table(r, &base)? {
                writeln!(out, "{}", table::render(&t.header, &t.rows, 80))?;
            }
        }
        (f, r) => {
            // The CSV/TSV boolean result is a bare word; end the line for the shell.
            let bare = matches!(r, QueryResults::Boolean(_))
                && matches!(f, SparqlFormat::Csv | SparqlFormat::Tsv);
            write_results(r, results_format(f), &base, &mut out)?;
            if bare {
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
