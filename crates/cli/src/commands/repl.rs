//! `newsgraph repl`: an interactive shell for graph queries and SPARQL.
//!
//! Statements end with `;` and may span lines; `:commands` are one line. When standard input is
//! not a terminal the same statements are read from it and the results printed (scriptable).

use super::{open_read_only, query};
use crate::args::{QueryFormat, ReplArgs};
use crate::table;
use anyhow::Result;
use newsgraph_dot::{write_dot, DotOptions};
use newsgraph_extract::{EntityKind, RelationKind};
use newsgraph_graph::Graph;
use newsgraph_query::{Interrupt, QueryOutput};
use newsgraph_store::{
    write_results, CancellationToken, GraphStore, QueryResults, QueryResultsFormat, RdfFormat,
    ResultsFormat,
};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Editor, Helper};
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Instant;

const HELP: &str = "\
Statements end with ';' and may span several lines.
  MATCH (p:PERSON {name: \"Putin\"})-[r:met_with]-(o) RETURN o.name, r.status, r.date;
Commands:
  :help                 this text
  :stats                counts by entity kind and relation kind
  :schema               entity kinds, relation types and their properties
  :sparql               switch to SPARQL mode (statements are SPARQL); :query switches back
  :explain QUERY        show the plan of a graph query
  :format table|csv|tsv|json   how results are printed
  :width N              longest table cell before it is cut (0: no limit)
  :timing               show how long each statement took (toggle)
  :evidence             evidence sentences of the relations in the last result
  :dot FILE             write the last result as Graphviz DOT
  :quit                 leave (Ctrl-D does too)
Ctrl-C abandons the line being typed, or stops the statement that is running.";

const COMMANDS: &[&str] = &[
    ":help",
    ":stats",
    ":schema",
    ":sparql",
    ":query",
    ":explain",
    ":format",
    ":width",
    ":timing",
    ":evidence",
    ":dot",
    ":quit",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Graph,
    Sparql,
}

struct Session {
    store: GraphStore,
    graph: Graph,
    mode: Mode,
    format: QueryFormat,
    width: usize,
    timing: bool,
    last: Option<QueryOutput>,
    stop: Stop,
}

/// What Ctrl-C stops while a statement runs: a graph traversal or a SPARQL evaluation.
#[derive(Clone, Default)]
struct Stop {
    graph: Interrupt,
    sparql: Arc<Mutex<Option<CancellationToken>>>,
}

impl Stop {
    fn fire(&self) {
        self.graph.interrupt();
        if let Ok(slot) = self.sparql.lock() {
            if let Some(token) = slot.as_ref() {
                token.cancel();
            }
        }
    }

    /// Arms a fresh SPARQL token and clears the graph flag before a statement.
    fn arm(&self) -> CancellationToken {
        self.graph.reset();
        let token = CancellationToken::new();
        if let Ok(mut slot) = self.sparql.lock() {
            *slot = Some(token.clone());
        }
        token
    }
}

/// Completion, multi-line input and nothing fancy.
struct ShellHelper {
    words: Vec<String>,
}

impl ShellHelper {
    fn new(graph: &Graph) -> ShellHelper {
        let mut words: Vec<String> = newsgraph_query::keywords()
            .iter()
            .map(|s| s.to_string())
            .collect();
        words.extend(
            RelationKind::ALL
                .iter()
                .map(|k| k.as_str().replace('-', "_")),
        );
        words.extend(EntityKind::ALL.iter().map(|k| k.as_str().to_string()));
        words.extend(
            newsgraph_query::property_names()
                .iter()
                .map(|s| s.to_string()),
        );
        words.extend(
            graph
                .names()
                .filter(|n| !n.contains('"'))
                .map(|n| format!("\"{n}\"")),
        );
        words.extend(COMMANDS.iter().map(|s| s.to_string()));
        words.sort();
        words.dedup();
        ShellHelper { words }
    }

    fn candidates(&self, line: &str, pos: usize) -> (usize, Vec<String>) {
        let before = line.get(..pos).unwrap_or(line);
        // A quoted entity name may contain spaces: complete from the opening quote.
        let start = match before.rfind('"') {
            Some(q) if before[..q].matches('"').count() % 2 == 0 => q,
            _ => before
                .rfind(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | ':' | '-')))
                .map_or(0, |i| {
                    i + before[i..].chars().next().map_or(1, char::len_utf8)
                }),
        };
        let word = &before[start..];
        if word.is_empty() {
            return (pos, Vec::new());
        }
        let lower = word.to_lowercase();
        let found = self
            .words
            .iter()
            .filter(|w| w.to_lowercase().starts_with(&lower))
            .cloned()
            .collect();
        (start, found)
    }
}

impl Completer for ShellHelper {
    type Candidate = Pair;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, words) = self.candidates(line, pos);
        Ok((
            start,
            words
                .into_iter()
                .map(|w| Pair {
                    display: w.clone(),
                    replacement: w,
                })
                .collect(),
        ))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;
}

impl Highlighter for ShellHelper {}

impl Validator for ShellHelper {
    fn validate(&self, ctx: &mut ValidationContext<'_>) -> rustyline::Result<ValidationResult> {
        Ok(if statement_complete(ctx.input()) {
            ValidationResult::Valid(None)
        } else {
            ValidationResult::Incomplete
        })
    }
}

impl Helper for ShellHelper {}

/// A `:command`, an empty line, or text ending with `;` is complete.
fn statement_complete(input: &str) -> bool {
    let t = input.trim();
    t.is_empty() || t.starts_with(':') || t.ends_with(';')
}

fn history_path(args: &ReplArgs) -> Option<PathBuf> {
    args.history
        .clone()
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".newsgraph_history")))
}

impl Session {
    fn prompt(&self) -> &'static str {
        match self.mode {
            Mode::Graph => "newsgraph> ",
            Mode::Sparql => "sparql> ",
        }
    }

    /// Runs one statement or command; false means leave.
    fn execute(&mut self, input: &str, out: &mut impl Write) -> bool {
        let input = input.trim();
        if input.is_empty() {
            return true;
        }
        let result = if let Some(cmd) = input.strip_prefix(':') {
            let (name, rest) = cmd.split_once(char::is_whitespace).unwrap_or((cmd, ""));
            if matches!(name, "quit" | "q" | "exit") {
                return false;
            }
            self.command(name, rest.trim(), out)
        } else {
            let text = input.trim_end_matches(';').trim();
            let start = Instant::now();
            let r = match self.mode {
                Mode::Graph => self.graph_query(text, out),
                Mode::Sparql => self.sparql(text, out),
            };
            if self.timing {
                let _ = writeln!(out, "({:.3} ms)", start.elapsed().as_secs_f64() * 1000.0);
            }
            r
        };
        if let Err(e) = result {
            let _ = writeln!(out, "error: {e:#}");
        }
        let _ = out.flush();
        true
    }

    fn graph_query(&mut self, text: &str, out: &mut impl Write) -> Result<()> {
        self.stop.arm();
        match newsgraph_query::run_interruptible(&self.graph, text, &self.stop.graph) {
            Ok(o) => {
                query::print(&self.graph, &o, self.format, self.width, out)?;
                self.last = Some(o);
                Ok(())
            }
            Err(e) => {
                writeln!(out, "{}", e.render(text))?;
                Ok(())
            }
        }
    }

    fn sparql(&mut self, text: &str, out: &mut impl Write) -> Result<()> {
        let token = self.stop.arm();
        let results = self.store.query_cancellable(text, Some(token))?;
        let base = self.store.iris().base().to_string();
        let solutions = match self.format {
            QueryFormat::Csv => QueryResultsFormat::Csv,
            QueryFormat::Tsv => QueryResultsFormat::Tsv,
            QueryFormat::Json => QueryResultsFormat::Json,
            QueryFormat::Table | QueryFormat::Dot => {
                if !matches!(results, QueryResults::Graph(_)) {
                    if let Some(t) = newsgraph_store::table(results, &base)? {
                        writeln!(out, "{}", table::render(&t.header, &t.rows, self.width))?;
                    }
                    return Ok(());
                }
                QueryResultsFormat::Tsv
            }
        };
        let format = ResultsFormat {
            solutions,
            graph: RdfFormat::Turtle,
        };
        write_results(results, format, &base, out)?;
        Ok(())
    }

    fn command(&mut self, name: &str, rest: &str, out: &mut impl Write) -> Result<()> {
        match name {
            "help" | "h" | "?" => writeln!(out, "{HELP}")?,
            "stats" => {
                let s = self.store.stats()?;
                let kinds: Vec<String> = s
                    .entities_by_kind
                    .iter()
                    .map(|(k, n)| format!("{k} {n}"))
                    .collect();
                writeln!(
                    out,
                    "documents {}  entities {} ({})  triples {}",
                    s.documents,
                    s.entities,
                    kinds.join(", "),
                    s.triples
                )?;
                for (kind, by_status) in &s.relations {
                    let parts: Vec<String> = by_status
                        .iter()
                        .map(|(st, n)| format!("{st} {n}"))
                        .collect();
                    writeln!(out, "  {kind:<10} {}", parts.join(", "))?;
                }
            }
            "schema" => {
                writeln!(
                    out,
                    "entity kinds:   {}",
                    EntityKind::ALL.map(|k| k.as_str()).join(", ")
                )?;
                writeln!(
                    out,
                    "relation types: met_with (symmetric), demanded, proposed"
                )?;
                writeln!(
                    out,
                    "properties:     {}",
                    newsgraph_query::property_names().join(", ")
                )?;
                writeln!(
                    out,
                    "graph:          {} nodes, {} edges",
                    self.graph.node_count(),
                    self.graph.edge_count()
                )?;
            }
            "sparql" => {
                self.mode = Mode::Sparql;
                writeln!(
                    out,
                    "SPARQL mode (prefixes ng:, schema:, rdfs:… are declared); :query goes back"
                )?;
            }
            "query" | "graph" => {
                self.mode = Mode::Graph;
                writeln!(out, "graph query mode")?;
            }
            "explain" => {
                let q = rest.trim_end_matches(';');
                self.graph_query(&format!("EXPLAIN {q}"), out)?;
            }
            "format" => {
                self.format = match rest {
                    "table" => QueryFormat::Table,
                    "csv" => QueryFormat::Csv,
                    "tsv" => QueryFormat::Tsv,
                    "json" => QueryFormat::Json,
                    other => anyhow::bail!("unknown format {other:?}: table, csv, tsv or json"),
                };
                writeln!(out, "format: {rest}")?;
            }
            "width" => {
                self.width = rest
                    .parse()
                    .map_err(|_| anyhow::anyhow!(":width takes a number"))?;
            }
            "timing" => {
                self.timing = !self.timing;
                writeln!(out, "timing {}", if self.timing { "on" } else { "off" })?;
            }
            "evidence" => match &self.last {
                Some(last) => {
                    let sel = last.selection();
                    if sel.edges.is_empty() {
                        writeln!(out, "the last result holds no relations")?;
                    }
                    for e in sel.edges {
                        let edge = self.graph.edge(e);
                        writeln!(
                            out,
                            "[{} {} {}] {}",
                            edge.doc, edge.kind, edge.status, edge.sentence
                        )?;
                    }
                }
                None => writeln!(out, "no result yet")?,
            },
            "dot" => {
                if rest.is_empty() {
                    anyhow::bail!(":dot needs a file name");
                }
                let Some(last) = &self.last else {
                    anyhow::bail!("no result to export yet")
                };
                let mut buf = Vec::new();
                let stats = write_dot(
                    &self.graph,
                    &last.selection(),
                    &DotOptions::default(),
                    &mut buf,
                )?;
                std::fs::write(rest, buf).map_err(|e| anyhow::anyhow!("writing {rest}: {e}"))?;
                writeln!(
                    out,
                    "wrote {rest} ({} nodes, {} edges)",
                    stats.nodes, stats.edges
                )?;
            }
            other => {
                let hint = COMMANDS
                    .iter()
                    .find(|c| c[1..].starts_with(other.get(..1).unwrap_or("")));
                anyhow::bail!(
                    "unknown command :{other}{}",
                    hint.map(|h| format!(" (did you mean {h}?)"))
                        .unwrap_or_default()
                );
            }
        }
        Ok(())
    }
}

/// Splits scripted input into statements: `:commands` are single lines, the rest ends with `;`.
fn script_statements(input: impl BufRead) -> impl Iterator<Item = String> {
    let mut pending = String::new();
    let mut lines = input.lines();
    std::iter::from_fn(move || loop {
        match lines.next() {
            Some(Ok(line)) => {
                if pending.trim().is_empty() && line.trim_start().starts_with(':') {
                    return Some(line);
                }
                pending.push_str(&line);
                pending.push('\n');
                if statement_complete(&pending) && !pending.trim().is_empty() {
                    return Some(std::mem::take(&mut pending));
                }
            }
            _ => {
                if pending.trim().is_empty() {
                    return None;
                }
                return Some(std::mem::take(&mut pending));
            }
        }
    })
}

pub fn run(args: ReplArgs) -> Result<ExitCode> {
    let store = open_read_only(&args.store)?;
    let graph = store.graph_view()?;
    let helper = ShellHelper::new(&graph);
    let mut session = Session {
        store,
        graph,
        mode: Mode::Graph,
        format: QueryFormat::Table,
        width: 60,
        timing: false,
        last: None,
        stop: Stop::default(),
    };
    if !std::io::stdin().is_terminal() {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        for statement in script_statements(std::io::stdin().lock()) {
            if !session.execute(&statement, &mut out) {
                break;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    // While a line is edited the terminal is raw and Ctrl-C reaches rustyline as a key; while a
    // statement runs it is a signal, which stops the statement instead of the shell.
    let stop = session.stop.clone();
    if let Err(e) = ctrlc::set_handler(move || stop.fire()) {
        eprintln!("warning: Ctrl-C will end the shell rather than a running query: {e}");
    }
    let mut editor: Editor<ShellHelper, DefaultHistory> = Editor::new()?;
    editor.set_helper(Some(helper));
    let history = history_path(&args);
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    writeln!(
        std::io::stdout(),
        "newsgraph {} — {} entities, {} relations. :help for help, Ctrl-D to leave.",
        env!("CARGO_PKG_VERSION"),
        session.graph.node_count(),
        session.graph.edge_count()
    )?;
    loop {
        match editor.readline(session.prompt()) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                    if let Some(h) = &history {
                        let _ = editor.append_history(h);
                    }
                }
                let stdout = std::io::stdout();
                if !session.execute(&line, &mut stdout.lock()) {
                    break;
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("error: {e}");
                break;
            }
        }
    }
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_end_with_semicolons_commands_with_lines() {
        let input = ":format csv\nMATCH (n)\nRETURN n;\n:stats\nMATCH (m) RETURN m";
        let got: Vec<String> = script_statements(input.as_bytes()).collect();
        assert_eq!(
            got,
            vec![
                ":format csv",
                "MATCH (n)\nRETURN n;\n",
                ":stats",
                "MATCH (m) RETURN m\n"
            ]
        );
    }

    #[test]
    fn completion_finds_keywords_and_quoted_names() {
        let h = ShellHelper {
            words: vec!["MATCH".into(), "\"Vladimir Putin\"".into(), ":quit".into()],
        };
        assert_eq!(h.candidates("mat", 3), (0, vec!["MATCH".to_string()]));
        let line = "MATCH (p {name: \"Vlad";
        assert_eq!(
            h.candidates(line, line.len()).1,
            vec!["\"Vladimir Putin\"".to_string()]
        );
        assert_eq!(h.candidates(":q", 2).1, vec![":quit".to_string()]);
    }
}
