//! SPARQL results in the formats users ask for: the SPARQL 1.1 results formats, RDF for graph
//! results, and plain cells for the CLI's aligned tables.

use crate::error::Result;
use crate::vocab;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::QueryResults;
use std::io::Write;

/// How to print results: SELECT/ASK results use `solutions`, CONSTRUCT/DESCRIBE use `graph`.
#[derive(Debug, Clone, Copy)]
pub struct ResultsFormat {
    pub solutions: QueryResultsFormat,
    pub graph: RdfFormat,
}

/// A term as a person reads it: literals by value, IRIs shortened with the known prefixes.
pub fn display_term(term: &Term, base: &str) -> String {
    match term {
        Term::Literal(l) => l.value().to_string(),
        Term::NamedNode(n) => {
            let s = n.as_str();
            for (prefix, ns) in vocab::prefixes(base) {
                if let Some(local) = s.strip_prefix(ns.as_str()) {
                    if !local.is_empty()
                        && local
                            .chars()
                            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/'))
                        && !local.ends_with('.')
                    {
                        return format!("{prefix}:{local}");
                    }
                }
            }
            format!("<{s}>")
        }
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// SELECT or ASK results rendered as display strings, ready for a table printer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Collects SELECT/ASK results; `None` for CONSTRUCT/DESCRIBE, which have no table shape.
pub fn table(results: QueryResults<'_>, base: &str) -> Result<Option<Table>> {
    match results {
        QueryResults::Solutions(solutions) => {
            let header: Vec<String> = solutions
                .variables()
                .iter()
                .map(|v| v.as_str().to_string())
                .collect();
            let width = header.len();
            let mut rows = Vec::new();
            for s in solutions {
                let s = s?;
                rows.push(
                    (0..width)
                        .map(|i| s.get(i).map(|t| display_term(t, base)).unwrap_or_default())
                        .collect(),
                );
            }
            Ok(Some(Table { header, rows }))
        }
        QueryResults::Boolean(b) => Ok(Some(Table {
            header: vec!["ask".into()],
            rows: vec![vec![b.to_string()]],
        })),
        QueryResults::Graph(_) => Ok(None),
    }
}

/// Streams results to `out` in a standard format.
pub fn write_results(
    results: QueryResults<'_>,
    format: ResultsFormat,
    base: &str,
    out: &mut impl Write,
) -> Result<()> {
    match results {
        QueryResults::Solutions(solutions) => {
            let mut w = QueryResultsSerializer::from_format(format.solutions)
                .serialize_solutions_to_writer(&mut *out, solutions.variables().to_vec())?;
            for s in solutions {
                let s = s?;
                w.serialize(&s)?;
            }
            w.finish()?;
        }
        QueryResults::Boolean(b) => {
            QueryResultsSerializer::from_format(format.solutions)
                .serialize_boolean_to_writer(&mut *out, b)?;
        }
        QueryResults::Graph(triples) => {
            let mut ser = RdfSerializer::from_format(format.graph);
            for (prefix, iri) in vocab::prefixes(base) {
                ser = ser
                    .with_prefix(prefix, iri)
                    .map_err(|e| crate::StoreError::Format(format!("prefix {prefix}: {e}")))?;
            }
            let mut w = ser.for_writer(&mut *out);
            for t in triples {
                w.serialize_triple(&t?)?;
            }
            w.finish()?;
        }
    }
    Ok(())
}
