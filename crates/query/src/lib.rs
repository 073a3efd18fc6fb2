//! The newsgraph query language: a small Cypher-like language over the entity graph.
//!
//! Stages: `parse` (pest grammar `grammar/query.pest`, private) builds the [`ast`]; `resolve`
//! checks names against the graph and turns variables into slots; `plan` orders the patterns
//! from their most selective node (its `Display` is what EXPLAIN prints); `matcher` walks the
//! petgraph view, `eval` computes expressions and `project` applies RETURN; [`QueryOutput`]
//! renders the rows. The language is specified in docs/query-language.md.

pub mod ast;
mod date;
mod error;
mod eval;
mod interrupt;
mod matcher;
mod output;
mod parse;
mod plan;
mod project;
mod resolve;
mod value;

pub use date::DateRange;
pub use error::{Location, QueryError};
pub use interrupt::Interrupt;
pub use output::QueryOutput;
pub use plan::Plan;
pub use value::{Path, Value};

use newsgraph_graph::Graph;

/// Longest query text accepted, in bytes.
pub const MAX_QUERY_LEN: usize = 100_000;
/// Deepest nesting of brackets and prefix operators accepted.
pub const MAX_NESTING: usize = 64;

/// Parses and plans `query` without running it.
pub fn prepare(graph: &Graph, query: &str) -> Result<Plan, QueryError> {
    let ast = parse_query(query)?;
    plan::plan(graph, query, &ast)
}

/// Parses `query` into its syntax tree.
pub fn parse_query(query: &str) -> Result<ast::Query, QueryError> {
    guard(query)?;
    parse::parse(query)
}

/// Runs a query, or for `EXPLAIN <query>` returns its plan as a one-column output (`plan`),
/// one row per line, with `explain` set.
pub fn run(graph: &Graph, query: &str) -> Result<QueryOutput, QueryError> {
    run_interruptible(graph, query, &Interrupt::new())
}

/// [`run`], stopping with [`QueryError::Interrupted`] once `interrupt` is set.
pub fn run_interruptible(
    graph: &Graph,
    query: &str,
    interrupt: &Interrupt,
) -> Result<QueryOutput, QueryError> {
    let ast = parse_query(query)?;
    let plan = plan::plan(graph, query, &ast)?;
    if ast.explain {
        let rows = plan
            .to_string()
            .lines()
            .map(|l| vec![Value::String(l.to_string())])
            .collect();
        return Ok(QueryOutput::new(graph, vec!["plan".into()], rows, true));
    }
    let rows = project::execute(&plan, graph, interrupt)?;
    Ok(QueryOutput::new(
        graph,
        plan.projection.columns.clone(),
        rows,
        false,
    ))
}

/// Rejects texts whose size or nesting could exhaust the stack of a recursive parser.
fn guard(query: &str) -> Result<(), QueryError> {
    let at_end = |q: &str| Location::of(q, ast::Span { start: 0, end: 1 });
    if query.len() > MAX_QUERY_LEN {
        return Err(QueryError::Semantic {
            at: at_end(query),
            message: format!("query is longer than {MAX_QUERY_LEN} bytes"),
            suggestion: None,
        });
    }
    let mut depth = 0usize;
    let mut prefix_ops = 0usize;
    let mut dash_run = 0usize;
    let mut quote: Option<char> = None;
    let mut prev_word_end = true;
    let bytes: Vec<(usize, char)> = query.char_indices().collect();
    for (k, &(i, c)) in bytes.iter().enumerate() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' | '`' => quote = Some(c),
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            '-' => dash_run += 1,
            'n' | 'N' if prev_word_end => {
                let mut word = bytes[k..].iter().map(|(_, c)| *c);
                let first3: String = word.by_ref().take(3).collect();
                let next = word.next();
                if first3.eq_ignore_ascii_case("not")
                    && !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
                {
                    prefix_ops += 1;
                }
            }
            _ => {}
        }
        if c != '-' && !c.is_whitespace() {
            dash_run = 0;
        }
        prev_word_end = !(c.is_alphanumeric() || c == '_');
        if depth + prefix_ops + dash_run > MAX_NESTING {
            return Err(QueryError::Semantic {
                at: Location::of(
                    query,
                    ast::Span {
                        start: i,
                        end: i + c.len_utf8(),
                    },
                ),
                message: "query is nested too deeply".into(),
                suggestion: None,
            });
        }
    }
    Ok(())
}

/// Keywords of the language, for completion.
pub fn keywords() -> &'static [&'static str] {
    &[
        "MATCH",
        "OPTIONAL MATCH",
        "WHERE",
        "RETURN",
        "DISTINCT",
        "AS",
        "ORDER",
        "BY",
        "ASC",
        "DESC",
        "SKIP",
        "LIMIT",
        "AND",
        "OR",
        "XOR",
        "NOT",
        "IN",
        "CONTAINS",
        "STARTS WITH",
        "ENDS WITH",
        "IS NULL",
        "IS NOT NULL",
        "NULL",
        "TRUE",
        "FALSE",
        "EXPLAIN",
        "shortestPath",
        "allShortestPaths",
        "count",
        "collect",
        "min",
        "max",
        "sum",
        "avg",
        "length",
        "size",
        "nodes",
        "relationships",
        "type",
        "id",
        "labels",
        "startNode",
        "endNode",
        "toLower",
        "toUpper",
        "toString",
        "coalesce",
        "within",
        "overlaps",
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "EVENT",
        "MISC",
        "met_with",
        "demanded",
        "proposed",
    ]
}

/// Node and relationship property names, for completion.
pub fn property_names() -> &'static [&'static str] {
    &[
        "name",
        "kind",
        "id",
        "aliases",
        "docs",
        "type",
        "status",
        "date",
        "place",
        "mode",
        "doc",
        "sentence",
        "start",
        "end",
        "confidence",
        "mentions",
        "content",
        "event",
    ]
}
