//! Command-line arguments (clap derive). Kept apart from the commands so `--help` reads as one page.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Turn news articles into a knowledge graph you can question: who met whom, who demanded what,
/// who proposed what — when, where, and which sentence says so.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract articles and write the graph to the store, then print a summary.
    Build(BuildArgs),
    /// Print the extraction as JSON Lines (entity and relation lines), without touching a store.
    Extract(ExtractArgs),
    /// Run a SPARQL query (or, with --update, an update) against the store.
    Sparql(SparqlArgs),
    /// Run a graph query language query against the store.
    Query(QueryArgs),
    /// Write the graph, or part of it, as Graphviz DOT.
    Dot(DotArgs),
    /// Interactive shell for graph queries and SPARQL.
    Repl(ReplArgs),
    /// Counts by entity kind and relation kind.
    Stats(StoreArgs),
    /// Write the store's RDF in a standard format.
    Export(ExportArgs),
    /// Add a user's RDF file (extra facts about entities) to the graph.
    Import(ImportArgs),
    /// Serve the store as a SPARQL 1.1 Protocol endpoint.
    Serve(ServeArgs),
}

/// Where the graph lives.
#[derive(Debug, Clone, Args)]
pub struct StoreArgs {
    /// On-disk store directory.
    #[arg(
        long,
        global = false,
        default_value = "newsgraph.db",
        env = "NEWSGRAPH_STORE"
    )]
    pub store: PathBuf,
    /// Base IRI for documents, entities and statements.
    #[arg(long, default_value = newsgraph_store::vocab::DEFAULT_BASE)]
    pub base: String,
    /// Query only the default graph instead of the union of all graphs.
    #[arg(long)]
    pub no_union: bool,
}

/// Which articles to read and how.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Article files or folders (read recursively: .txt, .jsonl); `-` reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Date (YYYY-MM-DD) for articles that have no date line.
    #[arg(long)]
    pub date: Option<String>,
    /// Gazetteer file replacing the built-in one (format: see data/gazetteer.tsv).
    #[arg(long)]
    pub gazetteer: Option<PathBuf>,
    /// Trigger lexicon replacing the built-in one (format: see data/lexicon.tsv).
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub store: StoreArgs,
    /// Build in memory only: print the summary, keep nothing.
    #[arg(long)]
    pub memory: bool,
    /// Re-extract and rewrite every document, even unchanged ones.
    #[arg(long)]
    pub force: bool,
    /// Ingest every article this many times under new ids, to measure build and load
    /// throughput on a large corpus made from a small one.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    pub repeat: u32,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Measure throughput instead of printing: repeat the input to about this many megabytes.
    #[arg(long, value_name = "MB", num_args = 0..=1, default_missing_value = "50")]
    pub bench: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SparqlFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    Turtle,
    Ntriples,
    Rdfxml,
    Jsonld,
}

#[derive(Debug, Args)]
pub struct SparqlArgs {
    /// The query text (or use -f FILE).
    #[arg(required_unless_present = "file")]
    pub query: Option<String>,
    /// Read the query from a file.
    #[arg(short, long, conflicts_with = "query")]
    pub file: Option<PathBuf>,
    /// Output format: a table for people, or SPARQL 1.1 results (csv, tsv, json, xml); graph
    /// results (CONSTRUCT, DESCRIBE) as turtle, ntriples, rdfxml or jsonld.
    #[arg(long, value_enum, default_value = "table")]
    pub format: SparqlFormat,
    /// Allow SPARQL Update (INSERT, DELETE, LOAD, CLEAR…): never done by default.
    #[arg(long)]
    pub update: bool,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Dot,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The query text (or use -f FILE).
    #[arg(required_unless_present = "file")]
    pub query: Option<String>,
    /// Read the query from a file.
    #[arg(short, long, conflicts_with = "query")]
    pub file: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
    /// Longest cell shown in tables before it is cut (0: no limit).
    #[arg(long, default_value = "60")]
    pub max_width: usize,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    Svg,
    Png,
    Pdf,
}

#[derive(Debug, Args)]
pub struct DotArgs {
    /// Write to FILE instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Only the neighbourhood of this entity (any alias, any case).
    #[arg(long)]
    pub around: Option<String>,
    /// Hops around --around.
    #[arg(long, default_value = "1")]
    pub hops: usize,
    /// Relation kinds to keep (met-with, demanded, proposed); repeatable.
    #[arg(long = "relation", value_name = "KIND")]
    pub relations: Vec<String>,
    /// Statuses to keep (occurred, planned, negated); repeatable.
    #[arg(long = "status", value_name = "STATUS")]
    pub statuses: Vec<String>,
    /// Keep relations dated on or after this ISO date.
    #[arg(long)]
    pub since: Option<String>,
    /// Keep relations dated on or before this ISO date.
    #[arg(long)]
    pub until: Option<String>,
    /// Keep relations stated at least this many times.
    #[arg(long, default_value = "1")]
    pub min_mentions: u32,
    /// Show what demands and proposals are about as content nodes.
    #[arg(long)]
    pub content: bool,
    /// Leave out the legend.
    #[arg(long)]
    pub no_legend: bool,
    /// Leave out entities that have no drawn relation.
    #[arg(long)]
    pub connected: bool,
    /// Run Graphviz and write this format to --output.
    #[arg(long, value_enum, requires = "output")]
    pub render: Option<RenderFormat>,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct ReplArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// History file (default: ~/.newsgraph_history).
    #[arg(long)]
    pub history: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RdfFormatArg {
    Turtle,
    Trig,
    Nquads,
    Ntriples,
    Jsonld,
    Rdfxml,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "trig")]
    pub format: RdfFormatArg,
    /// Only this document's graph (its id: the file name without extension).
    #[arg(long)]
    pub graph: Option<String>,
    /// Write to FILE instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// RDF file; its format is guessed from the extension unless --format is given.
    pub file: PathBuf,
    #[arg(long, value_enum)]
    pub format: Option<RdfFormatArg>,
    /// Named graph for triple formats (default: the shared entities graph).
    #[arg(long)]
    pub graph: Option<String>,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to bind.
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: String,
    /// Accept SPARQL updates (off by default: the endpoint is read-only).
    #[arg(long)]
    pub allow_update: bool,
    /// Longest a query may run, in seconds.
    #[arg(long, default_value = "30")]
    pub timeout: u64,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value = "1048576")]
    pub max_request: usize,
    #[command(flatten)]
    pub store: StoreArgs,
}
