//! `newsgraph query`: the graph query language from the command line.

use super::{open_read_only, query_text};
use crate::args::{QueryArgs, QueryFormat};
use crate::table;
use anyhow::{anyhow, Result};
use newsgraph_dot::{write_dot, DotOptions};
use newsgraph_graph::Graph;
use newsgraph_query::QueryOutput;
use std::io::Write;
use std::process::ExitCode;

/// Prints a query result in one of the output formats.
pub fn print(
    graph: &Graph,
    out: &QueryOutput,
    format: QueryFormat,
    max_width: usize,
    w: &mut impl Write,
) -> Result<()> {
    match format {
        QueryFormat::Table => {
            if out.explain {
                for row in out.text_rows() {
                    writeln!(w, "{}", row.join(" "))?;
                }
            } else {
                writeln!(
                    w,
                    "{}",
                    table::render(&out.columns, out.text_rows(), max_width)
                )?;
            }
        }
        QueryFormat::Tsv => write!(w, "{}", out.to_tsv())?,
        QueryFormat::Csv => write!(w, "{}", out.to_csv())?,
        QueryFormat::Json => writeln!(w, "{}", serde_json::to_string_pretty(&out.to_json())?)?,
        QueryFormat::Dot => {
            write_dot(graph, &out.selection(), &DotOptions::default(), w)?;
        }
    }
    Ok(())
}

pub fn run(args: QueryArgs) -> Result<ExitCode> {
    let text = query_text(&args.query, &args.file)?;
    let store = open_read_only(&args.store)?;
    let graph = store.graph_view()?;
    match newsgraph_query::run(&graph, &text) {
        Ok(out) => {
            let mut w = std::io::BufWriter::new(std::io::stdout().lock());
            print(&graph, &out, args.format, args.max_width, &mut w)?;
            w.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(anyhow!("{}", e.render(&text))),
    }
}
