//! Text to syntax tree, with pest. The pest rules stay private to this module.

use crate::ast::*;
use crate::error::{Location, QueryError};
use pest::error::{ErrorVariant, InputLocation};
use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};
use pest::Parser;
use pest_derive::Parser;
use std::sync::OnceLock;

#[derive(Parser)]
#[grammar = "../../grammar/query.pest"]
struct QueryParser;

/// Rules in words, for "expected ..." messages. `None`: not worth mentioning.
fn describe(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::explain => "EXPLAIN",
        Rule::kw_match => "MATCH",
        Rule::kw_optional | Rule::optional_clause => "OPTIONAL MATCH",
        Rule::kw_where => "WHERE",
        Rule::kw_return => "RETURN",
        Rule::kw_distinct => "DISTINCT",
        Rule::kw_as => "AS",
        Rule::kw_order => "ORDER BY",
        Rule::kw_by => "BY",
        Rule::kw_asc | Rule::kw_desc => "ASC or DESC",
        Rule::kw_skip => "SKIP",
        Rule::kw_limit => "LIMIT",
        Rule::kw_shortest => "shortestPath or allShortestPaths",
        Rule::pattern | Rule::chain | Rule::node_pattern | Rule::lparen => "a node pattern",
        Rule::rel_pattern | Rule::arrow_left | Rule::dash => "a relationship pattern",
        Rule::rel_detail => "a relationship detail [..]",
        Rule::arrow_right => "`>`",
        Rule::label => "a kind label like :PERSON",
        Rule::rel_types | Rule::rel_type => "a relation type like :met_with",
        Rule::var_length | Rule::range => "a length like *1..3",
        Rule::prop_map => "a property map {..}",
        Rule::prop_pair => "a property like name: \"Putin\"",
        Rule::variable => "a variable",
        Rule::name => "a name",
        Rule::assign => "`=` after a path name, or a node pattern such as (a)",
        Rule::comma => "`,`",
        Rule::rparen => "`)`",
        Rule::rbracket => "`]`",
        Rule::rbrace => "`}`",
        Rule::semicolon => "`;`",
        Rule::expr
        | Rule::paren
        | Rule::list
        | Rule::count_star
        | Rule::function_call
        | Rule::property
        | Rule::string
        | Rule::float
        | Rule::kw_true
        | Rule::kw_false
        | Rule::kw_null
        | Rule::op_not
        | Rule::op_neg => "an expression",
        Rule::op_or
        | Rule::op_xor
        | Rule::op_and
        | Rule::op_regex
        | Rule::op_ne
        | Rule::op_le
        | Rule::op_ge
        | Rule::op_eq
        | Rule::op_lt
        | Rule::op_gt
        | Rule::op_contains
        | Rule::op_starts_with
        | Rule::op_ends_with
        | Rule::op_in
        | Rule::op_is_null
        | Rule::op_is_not_null => "an operator",
        Rule::return_item | Rule::star => "a value to return",
        Rule::order_by => "ORDER BY",
        Rule::sort_item => "a sort key",
        Rule::integer => "a number",
        Rule::skip => "SKIP",
        Rule::limit => "LIMIT",
        Rule::EOI => "the end of the query",
        Rule::where_clause => "WHERE",
        Rule::match_clause | Rule::statement => "MATCH",
        Rule::query => "MATCH or EXPLAIN",
        Rule::return_clause => "RETURN",
        _ => return None,
    })
}

fn syntax_error(source: &str, e: pest::error::Error<Rule>) -> QueryError {
    let pos = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let mut words: Vec<&str> = Vec::new();
    let mut unexpected = None;
    match &e.variant {
        ErrorVariant::ParsingError {
            positives,
            negatives,
        } => {
            for r in positives {
                if let Some(w) = describe(*r) {
                    if !words.contains(&w) {
                        words.push(w);
                    }
                }
            }
            unexpected = negatives.iter().find_map(|r| describe(*r));
        }
        ErrorVariant::CustomError { .. } => {}
    }
    // Inside an expression, a number, a variable or a parenthesis is just an expression.
    if words.contains(&"an expression") {
        words.retain(|w| !matches!(*w, "a number" | "a variable" | "a node pattern"));
    }
    let rest = source.get(pos..).unwrap_or("");
    if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
        if !rest[1..].contains(q) {
            words = vec!["a closing quote for this string"];
        }
    }
    let expected = match (words.len(), unexpected) {
        (0, Some(u)) => format!("something other than {u}"),
        (0, None) => "something else".to_string(),
        (1, _) => words[0].to_string(),
        _ => {
            let (last, rest) = words.split_last().map_or(("", &[][..]), |(l, r)| (*l, r));
            format!("{} or {last}", rest.join(", "))
        }
    };
    let end = source[pos.min(source.len())..]
        .char_indices()
        .nth(1)
        .map_or(source.len().max(pos + 1), |(i, _)| pos + i);
    let found = source
        .get(pos..)
        .and_then(|s| s.split_whitespace().next())
        .map_or_else(|| "the end of the query".to_string(), |w| format!("`{w}`"));
    QueryError::Syntax {
        at: Location::of(source, Span { start: pos, end }),
        expected: format!("{expected}, found {found}"),
    }
}

/// Parses a query into its syntax tree.
pub fn parse(source: &str) -> Result<Query, QueryError> {
    let mut pairs = QueryParser::parse(Rule::query, source).map_err(|e| syntax_error(source, e))?;
    let query = pairs.next().ok_or_else(|| internal("empty parse"))?;
    let mut explain = false;
    let mut statement = None;
    for p in query.into_inner() {
        match p.as_rule() {
            Rule::explain => explain = true,
            Rule::statement => statement = Some(p),
            _ => {}
        }
    }
    let statement = statement.ok_or_else(|| internal("no statement"))?;
    let mut matches = Vec::new();
    let mut ret = None;
    for p in statement.into_inner() {
        match p.as_rule() {
            Rule::match_clause | Rule::optional_clause => matches.push(match_clause(p)?),
            Rule::return_clause => ret = Some(return_clause(p, source)?),
            _ => {}
        }
    }
    let q = Query {
        explain,
        matches,
        ret: ret.ok_or_else(|| internal("no RETURN"))?,
    };
    if let Some(deep) = q
        .expressions()
        .into_iter()
        .find(|e| e.depth() > MAX_EXPR_DEPTH)
    {
        return Err(QueryError::Semantic {
            at: Location::of(source, deep.span),
            message: format!("expression is nested more than {MAX_EXPR_DEPTH} levels deep"),
            suggestion: None,
        });
    }
    Ok(q)
}

/// Deepest expression tree accepted: evaluation recurses over it.
const MAX_EXPR_DEPTH: usize = 256;

fn internal(what: &str) -> QueryError {
    QueryError::Execution {
        message: format!("internal parser error: {what}"),
    }
}

fn span(p: &Pair<Rule>) -> Span {
    let s = p.as_span();
    Span {
        start: s.start(),
        end: s.end(),
    }
}

/// Identifier text without backquotes.
fn ident(p: &Pair<Rule>) -> String {
    let s = p.as_str();
    s.strip_prefix('`')
        .and_then(|s| s.strip_suffix('`'))
        .unwrap_or(s)
        .to_string()
}

fn match_clause(p: Pair<Rule>) -> Result<MatchClause, QueryError> {
    let optional = p.as_rule() == Rule::optional_clause;
    let mut patterns = Vec::new();
    let mut filter = None;
    for c in p.into_inner() {
        match c.as_rule() {
            Rule::pattern => patterns.push(pattern(c)?),
            Rule::where_clause => {
                if let Some(e) = c.into_inner().find(|x| x.as_rule() == Rule::expr) {
                    filter = Some(expr(e)?);
                }
            }
            _ => {}
        }
    }
    Ok(MatchClause {
        optional,
        patterns,
        filter,
    })
}

fn pattern(p: Pair<Rule>) -> Result<Pattern, QueryError> {
    let sp = span(&p);
    let mut path_var = None;
    let mut shortest = false;
    let mut all_shortest = false;
    let mut chain_pair = None;
    for c in p.into_inner() {
        match c.as_rule() {
            Rule::variable => path_var = Some((ident(&c), span(&c))),
            Rule::shortest_path => {
                shortest = true;
                all_shortest = c.as_str().to_ascii_lowercase().starts_with("all");
                chain_pair = c.into_inner().find(|x| x.as_rule() == Rule::chain);
            }
            Rule::chain => chain_pair = Some(c),
            _ => {}
        }
    }
    let mut nodes = Vec::new();
    let mut rels = Vec::new();
    for c in chain_pair
        .ok_or_else(|| internal("pattern without chain"))?
        .into_inner()
    {
        match c.as_rule() {
            Rule::node_pattern => nodes.push(node_pattern(c)?),
            Rule::rel_pattern => rels.push(rel_pattern(c)?),
            _ => {}
        }
    }
    Ok(Pattern {
        path_var,
        shortest,
        all_shortest,
        nodes,
        rels,
        span: sp,
    })
}

fn node_pattern(p: Pair<Rule>) -> Result<NodePattern, QueryError> {
    let sp = span(&p);
    let mut n = NodePattern {
        var: None,
        labels: Vec::new(),
        props: Vec::new(),
        span: sp,
    };
    for c in p.into_inner() {
        match c.as_rule() {
            Rule::variable => n.var = Some((ident(&c), span(&c))),
            Rule::label => n
                .labels
                .push(c.into_inner().map(|x| (ident(&x), span(&x))).collect()),
            Rule::prop_map => n.props = prop_map(c)?,
            _ => {}
        }
    }
    Ok(n)
}

fn prop_map(p: Pair<Rule>) -> Result<Vec<PropPair>, QueryError> {
    let mut out = Vec::new();
    for pair in p.into_inner().filter(|x| x.as_rule() == Rule::prop_pair) {
        let mut it = pair.into_inner();
        let (Some(k), Some(v)) = (it.next(), it.next()) else {
            return Err(internal("property pair"));
        };
        out.push(PropPair {
            key: ident(&k),
            key_span: span(&k),
            value: expr(v)?,
        });
    }
    Ok(out)
}

fn parse_u32(p: &Pair<Rule>) -> Result<u32, QueryError> {
    p.as_str().parse().map_err(|_| QueryError::Semantic {
        at: Location::of(p.get_input(), span(p)),
        message: format!("`{}` is too large for a path length", p.as_str()),
        suggestion: None,
    })
}

fn rel_pattern(p: Pair<Rule>) -> Result<RelPattern, QueryError> {
    let sp = span(&p);
    let source = p.get_input();
    let mut left = false;
    let mut right = false;
    let mut r = RelPattern {
        var: None,
        types: Vec::new(),
        arrow: Arrow::Both,
        length: None,
        props: Vec::new(),
        span: sp,
    };
    for c in p.into_inner() {
        match c.as_rule() {
            Rule::arrow_left => left = true,
            Rule::arrow_right => right = true,
            Rule::rel_detail => {
                for d in c.into_inner() {
                    match d.as_rule() {
                        Rule::variable => r.var = Some((ident(&d), span(&d))),
                        Rule::rel_types => {
                            r.types = d.into_inner().map(|t| (ident(&t), span(&t))).collect()
                        }
                        Rule::var_length => {
                            let mut len = (None, None);
                            if let Some(x) = d.into_inner().next() {
                                if x.as_rule() == Rule::integer {
                                    let n = parse_u32(&x)?;
                                    len = (Some(n), Some(n));
                                } else {
                                    let dots =
                                        x.as_span().start() + x.as_str().find("..").unwrap_or(0);
                                    for i in x.into_inner() {
                                        let n = parse_u32(&i)?;
                                        if i.as_span().start() < dots {
                                            len.0 = Some(n);
                                        } else {
                                            len.1 = Some(n);
                                        }
                                    }
                                }
                            }
                            r.length = Some(len);
                        }
                        Rule::prop_map => r.props = prop_map(d)?,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    r.arrow = match (left, right) {
        (false, true) => Arrow::Right,
        (true, false) => Arrow::Left,
        (false, false) => Arrow::Both,
        (true, true) => {
            return Err(QueryError::Semantic {
                at: Location::of(source, sp),
                message: "a relationship cannot point both ways; write -[..]- for either direction"
                    .into(),
                suggestion: None,
            })
        }
    };
    Ok(r)
}

fn pratt() -> &'static PrattParser<Rule> {
    static P: OnceLock<PrattParser<Rule>> = OnceLock::new();
    P.get_or_init(|| {
        PrattParser::new()
            .op(Op::infix(Rule::op_or, Assoc::Left))
            .op(Op::infix(Rule::op_xor, Assoc::Left))
            .op(Op::infix(Rule::op_and, Assoc::Left))
            .op(Op::prefix(Rule::op_not))
            .op(Op::infix(Rule::op_eq, Assoc::Left)
                | Op::infix(Rule::op_ne, Assoc::Left)
                | Op::infix(Rule::op_lt, Assoc::Left)
                | Op::infix(Rule::op_le, Assoc::Left)
                | Op::infix(Rule::op_gt, Assoc::Left)
                | Op::infix(Rule::op_ge, Assoc::Left)
                | Op::infix(Rule::op_regex, Assoc::Left)
                | Op::infix(Rule::op_contains, Assoc::Left)
                | Op::infix(Rule::op_starts_with, Assoc::Left)
                | Op::infix(Rule::op_ends_with, Assoc::Left)
                | Op::infix(Rule::op_in, Assoc::Left))
            .op(Op::postfix(Rule::op_is_null) | Op::postfix(Rule::op_is_not_null))
            .op(Op::prefix(Rule::op_neg))
    })
}

fn join(a: Span, b: Span) -> Span {
    Span {
        start: a.start.min(b.start),
        end: a.end.max(b.end),
    }
}

fn expr(p: Pair<Rule>) -> Result<Expr, QueryError> {
    pratt_expr(p.into_inner())
}

fn pratt_expr(pairs: Pairs<Rule>) -> Result<Expr, QueryError> {
    pratt()
        .map_primary(primary)
        .map_prefix(|op, rhs| {
            let rhs = rhs?;
            let sp = join(span(&op), rhs.span);
            Ok(match op.as_rule() {
                Rule::op_not => Expr::new(ExprKind::Not(Box::new(rhs)), sp),
                _ => Expr::new(ExprKind::Neg(Box::new(rhs)), sp),
            })
        })
        .map_postfix(|lhs, op| {
            let lhs = lhs?;
            let sp = join(lhs.span, span(&op));
            let negated = op.as_rule() == Rule::op_is_not_null;
            Ok(Expr::new(ExprKind::IsNull(Box::new(lhs), negated), sp))
        })
        .map_infix(|lhs, op, rhs| {
            let (lhs, rhs) = (lhs?, rhs?);
            let sp = join(lhs.span, rhs.span);
            let bin = match op.as_rule() {
                Rule::op_or => BinOp::Or,
                Rule::op_xor => BinOp::Xor,
                Rule::op_and => BinOp::And,
                Rule::op_eq => BinOp::Eq,
                Rule::op_ne => BinOp::Ne,
                Rule::op_lt => BinOp::Lt,
                Rule::op_le => BinOp::Le,
                Rule::op_gt => BinOp::Gt,
                Rule::op_ge => BinOp::Ge,
                Rule::op_regex => BinOp::Regex,
                Rule::op_contains => BinOp::Contains,
                Rule::op_starts_with => BinOp::StartsWith,
                Rule::op_ends_with => BinOp::EndsWith,
                _ => BinOp::In,
            };
            Ok(Expr::new(
                ExprKind::Binary(bin, Box::new(lhs), Box::new(rhs)),
                sp,
            ))
        })
        .parse(pairs)
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(o) => out.push(o),
            None => {}
        }
    }
    out
}

fn primary(p: Pair<Rule>) -> Result<Expr, QueryError> {
    let sp = span(&p);
    let lit = |l| Ok(Expr::new(ExprKind::Literal(l), sp));
    match p.as_rule() {
        Rule::paren => match p.into_inner().find(|x| x.as_rule() == Rule::expr) {
            Some(e) => expr(e),
            None => Err(internal("empty parentheses")),
        },
        Rule::string => lit(Literal::String(unescape(
            p.into_inner().next().map_or("", |x| x.as_str()),
        ))),
        Rule::integer => match p.as_str().parse::<i64>() {
            Ok(n) => lit(Literal::Int(n)),
            Err(_) => lit(Literal::Float(p.as_str().parse().unwrap_or(f64::MAX))),
        },
        Rule::float => lit(Literal::Float(p.as_str().parse().unwrap_or(0.0))),
        Rule::kw_true => lit(Literal::Bool(true)),
        Rule::kw_false => lit(Literal::Bool(false)),
        Rule::kw_null => lit(Literal::Null),
        Rule::list => Ok(Expr::new(
            ExprKind::List(
                p.into_inner()
                    .filter(|x| x.as_rule() == Rule::expr)
                    .map(expr)
                    .collect::<Result<_, _>>()?,
            ),
            sp,
        )),
        Rule::count_star => Ok(Expr::new(ExprKind::CountStar, sp)),
        Rule::function_call => {
            let mut name = String::new();
            let mut distinct = false;
            let mut args = Vec::new();
            for c in p.into_inner() {
                match c.as_rule() {
                    Rule::name => name = ident(&c),
                    Rule::kw_distinct => distinct = true,
                    Rule::expr => args.push(expr(c)?),
                    _ => {}
                }
            }
            Ok(Expr::new(
                ExprKind::Call {
                    name,
                    distinct,
                    args,
                },
                sp,
            ))
        }
        Rule::property => {
            let mut it = p.into_inner();
            let (Some(v), Some(k)) = (it.next(), it.next()) else {
                return Err(internal("property"));
            };
            Ok(Expr::new(ExprKind::Property(ident(&v), ident(&k)), sp))
        }
        Rule::variable => Ok(Expr::new(ExprKind::Var(ident(&p)), sp)),
        _ => Err(internal("unexpected expression part")),
    }
}

fn return_clause(p: Pair<Rule>, source: &str) -> Result<ReturnClause, QueryError> {
    let mut r = ReturnClause {
        distinct: false,
        items: Vec::new(),
        star: false,
        order: Vec::new(),
        skip: None,
        limit: None,
    };
    let count = |c: Pair<Rule>| -> Result<usize, QueryError> {
        let n = c
            .into_inner()
            .find(|x| x.as_rule() == Rule::integer)
            .ok_or_else(|| internal("count"))?;
        n.as_str().parse().map_err(|_| QueryError::Semantic {
            at: Location::of(source, span(&n)),
            message: format!("`{}` is too large", n.as_str()),
            suggestion: None,
        })
    };
    for c in p.into_inner() {
        match c.as_rule() {
            Rule::kw_distinct => r.distinct = true,
            Rule::star => r.star = true,
            Rule::return_item => {
                let mut it = c.into_inner();
                let e = it.next().ok_or_else(|| internal("return item"))?;
                let text = e.as_str().trim().to_string();
                let alias = it
                    .find(|x| x.as_rule() == Rule::variable)
                    .map(|a| ident(&a));
                r.items.push(ReturnItem {
                    expr: expr(e)?,
                    alias,
                    text,
                });
            }
            Rule::order_by => {
                for s in c.into_inner().filter(|x| x.as_rule() == Rule::sort_item) {
                    let mut e = None;
                    let mut descending = false;
                    for x in s.into_inner() {
                        match x.as_rule() {
                            Rule::expr => e = Some(expr(x)?),
                            Rule::kw_desc => descending = true,
                            _ => {}
                        }
                    }
                    r.order.push(SortItem {
                        expr: e.ok_or_else(|| internal("sort item"))?,
                        descending,
                    });
                }
            }
            Rule::skip => r.skip = Some(count(c)?),
            Rule::limit => r.limit = Some(count(c)?),
            _ => {}
        }
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn where_expr(cond: &str) -> Expr {
        let q = parse(&format!("MATCH (a) WHERE {cond} RETURN a")).expect("parses");
        q.matches[0].filter.clone().expect("has WHERE")
    }

    fn shape(e: &Expr) -> String {
        match &e.kind {
            ExprKind::Binary(op, a, b) => format!("({} {} {})", shape(a), op.symbol(), shape(b)),
            ExprKind::Not(x) => format!("(NOT {})", shape(x)),
            ExprKind::Neg(x) => format!("(-{})", shape(x)),
            ExprKind::IsNull(x, n) => {
                format!("({} IS {}NULL)", shape(x), if *n { "NOT " } else { "" })
            }
            ExprKind::Property(v, p) => format!("{v}.{p}"),
            ExprKind::Var(v) => v.clone(),
            ExprKind::Literal(Literal::Int(i)) => i.to_string(),
            ExprKind::Literal(Literal::String(s)) => format!("{s:?}"),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn precedence_follows_cypher() {
        assert_eq!(
            shape(&where_expr("a.x = 1 OR a.y = 2 AND a.z = 3")),
            "((a.x = 1) OR ((a.y = 2) AND (a.z = 3)))"
        );
        assert_eq!(
            shape(&where_expr("NOT a.x = 1 AND a.y = 2")),
            "((NOT (a.x = 1)) AND (a.y = 2))"
        );
        assert_eq!(
            shape(&where_expr("a.x = 1 XOR a.y = 2 OR a.z = 3")),
            "(((a.x = 1) XOR (a.y = 2)) OR (a.z = 3))"
        );
        assert_eq!(
            shape(&where_expr("a.x IS NOT NULL AND NOT a.y IS NULL")),
            "((a.x IS NOT NULL) AND (NOT (a.y IS NULL)))"
        );
        assert_eq!(
            shape(&where_expr(
                "(a.x = 1 OR a.y = 2) AND a.z STARTS  WITH \"q\""
            )),
            "(((a.x = 1) OR (a.y = 2)) AND (a.z STARTS WITH \"q\"))"
        );
    }

    #[test]
    fn relationship_patterns() {
        let q = parse("MATCH (a)<-[r:met_with|:`met-with`|proposed*2..4 {status: 'planned'}]-(b)-->(c)--(d)-[*]->(e)-[*..3]-(f)-[*3]-(g) RETURN a").expect("parses");
        let rels = &q.matches[0].patterns[0].rels;
        assert_eq!(rels[0].arrow, Arrow::Left);
        assert_eq!(
            rels[0]
                .types
                .iter()
                .map(|t| t.0.as_str())
                .collect::<Vec<_>>(),
            ["met_with", "met-with", "proposed"]
        );
        assert_eq!(rels[0].length, Some((Some(2), Some(4))));
        assert_eq!(rels[0].props.len(), 1);
        assert_eq!(rels[1].arrow, Arrow::Right);
        assert_eq!(rels[1].length, None);
        assert_eq!(rels[2].arrow, Arrow::Both);
        assert_eq!(rels[3].length, Some((None, None)));
        assert_eq!(rels[4].length, Some((None, Some(3))));
        assert_eq!(rels[5].length, Some((Some(3), Some(3))));
    }

    #[test]
    fn keywords_are_case_insensitive_and_reserved() {
        assert!(parse(
            "match (a) where a.name = 'x' return distinct a order by a.name desc skip 1 limit 2"
        )
        .is_ok());
        assert!(parse("MATCH (match) RETURN match").is_err());
        assert!(parse("MATCH (`match`) RETURN `match`").is_ok());
        assert!(parse("MATCH (order_) RETURN order_").is_ok());
    }

    #[test]
    fn syntax_errors_say_what_was_expected() {
        let e = parse("MATCH (a)-[:met_with]->\nRETURN a").expect_err("fails");
        assert_eq!((e.line(), e.column()), (Some(2), Some(1)));
        assert!(e.to_string().contains("a node pattern"), "{e}");
        let e = parse("MATCH (a) RETURN").expect_err("fails");
        assert!(e.to_string().contains("a value to return"), "{e}");
        let e = parse("SELECT ?x").expect_err("fails");
        assert!(e.to_string().contains("MATCH"), "{e}");
        let e = parse("MATCH (a)<-->(b) RETURN a").expect_err("fails");
        assert!(e.to_string().contains("both ways"), "{e}");
    }

    #[test]
    fn shortest_path_and_named_paths() {
        let q = parse("MATCH p = shortestPath((a)-[:met_with*]-(b)), q = (a)-->(c) RETURN p, q")
            .expect("parses");
        let ps = &q.matches[0].patterns;
        assert!(ps[0].shortest);
        assert_eq!(ps[0].path_var.as_ref().map(|v| v.0.as_str()), Some("p"));
        assert!(!ps[1].shortest);
        assert!(!ps[0].all_shortest);
        assert_eq!(q.ret.items.len(), 2);
        let q = parse("MATCH p = allShortestPaths((a)--(b)) RETURN p").expect("parses");
        assert!(q.matches[0].patterns[0].shortest && q.matches[0].patterns[0].all_shortest);
    }

    #[test]
    fn strings_unescape() {
        let e = where_expr(r#"a.name = "say \"hi\"\n""#);
        assert_eq!(shape(&e), r#"(a.name = "say \"hi\"\n")"#);
    }
}
