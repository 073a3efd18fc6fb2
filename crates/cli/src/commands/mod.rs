//! One module per subcommand; this one holds what they share.

mod build;
mod dot;
mod extract;
mod query;
mod rdf;
mod repl;
mod serve;
mod sparql;
mod stats;

use crate::args::{Command, InputArgs, StoreArgs};
use crate::input::{read_articles, Batch};
use anyhow::{Context, Result};
use newsgraph_extract::Extractor;
use newsgraph_store::{GraphStore, StoreOptions};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Build(a) => build::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Sparql(a) => sparql::run(a),
        Command::Query(a) => query::run(a),
        Command::Dot(a) => dot::run(a),
        Command::Repl(a) => repl::run(a),
        Command::Stats(a) => stats::run(a),
        Command::Export(a) => rdf::export(a),
        Command::Import(a) => rdf::import(a),
        Command::Serve(a) => serve::run(a),
    }
}

pub fn store_options(args: &StoreArgs) -> StoreOptions {
    StoreOptions {
        base: args.base.clone(),
        union_default_graph: !args.no_union,
    }
}

/// Opens the store for reading; another process may be reading it too.
pub fn open_read_only(args: &StoreArgs) -> Result<GraphStore> {
    GraphStore::open_read_only(&args.store, store_options(args))
        .with_context(|| format!("opening the store {}", args.store.display()))
}

/// Opens (or creates) the store for writing.
pub fn open_writable(args: &StoreArgs) -> Result<GraphStore> {
    GraphStore::open(&args.store, store_options(args))
        .with_context(|| format!("opening the store {} for writing", args.store.display()))
}

/// The articles the input arguments name, each unusable file reported as a warning; an error
/// (ending with `if_none`) when not one could be read.
pub fn read_input(input: &InputArgs, if_none: &str) -> Result<Batch> {
    let batch = read_articles(&input.paths, input.date.as_deref());
    for p in &batch.problems {
        eprintln!("warning: {p}");
    }
    if batch.articles.is_empty() {
        anyhow::bail!("no article could be read{if_none}");
    }
    Ok(batch)
}

/// The built-in extractor, or one made from the user's data files.
pub fn extractor(input: &InputArgs) -> Result<Extractor> {
    let (g, l) = (input.gazetteer.as_deref(), input.lexicon.as_deref());
    if g.is_none() && l.is_none() {
        return Extractor::builtin().context("loading the built-in gazetteer and lexicon");
    }
    Extractor::from_files(g, l).context("loading the gazetteer and lexicon")
}

/// A query given inline or with `-f FILE`.
pub fn query_text(inline: &Option<String>, file: &Option<PathBuf>) -> Result<String> {
    match (inline, file) {
        (Some(q), _) => Ok(q.clone()),
        (None, Some(f)) if f.as_os_str() == "-" => {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
                .context("reading the query from standard input")?;
            Ok(s)
        }
        (None, Some(f)) => std::fs::read_to_string(f)
            .with_context(|| format!("reading the query file {}", f.display())),
        (None, None) => anyhow::bail!("no query given"),
    }
}

/// Writes to `-o FILE` or standard output.
pub fn output(path: &Option<PathBuf>) -> Result<Box<dyn std::io::Write>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}
