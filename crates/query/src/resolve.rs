//! Names checked against the graph and expressions resolved to variable slots: the typed form
//! of a query that planning orders and execution evaluates.

use crate::ast::{self, Arrow, BinOp, Expr, ExprKind, Literal, Span};
use crate::error::{suggest, Location, QueryError};
use crate::value::Value;
use newsgraph_extract::{EntityKind, RelationKind};
use newsgraph_graph::petgraph::graph::NodeIndex;
use newsgraph_graph::Graph;
use regex::Regex;
use std::collections::HashMap;

/// Longest variable-length expansion accepted, and the bound of an open `*`.
pub const MAX_HOPS: u32 = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VarKind {
    Node,
    Rel,
    /// A variable-length relationship: a list of edges.
    RelList,
    Path,
    /// Hidden: one pattern relationship as a path segment in written order.
    Segment,
}

#[derive(Debug, Clone)]
pub struct Slot {
    pub name: String,
    pub kind: VarKind,
    /// Written by the user (not an anonymous pattern element).
    pub named: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeProp {
    Name,
    Kind,
    Id,
    Aliases,
    Docs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeProp {
    Type,
    Status,
    Date,
    Place,
    Mode,
    Doc,
    Sentence,
    Start,
    End,
    Confidence,
    Mentions,
    Content,
    Event,
}

pub const NODE_PROPS: [(&str, NodeProp); 5] = [
    ("name", NodeProp::Name),
    ("kind", NodeProp::Kind),
    ("id", NodeProp::Id),
    ("aliases", NodeProp::Aliases),
    ("docs", NodeProp::Docs),
];

pub const EDGE_PROPS: [(&str, EdgeProp); 13] = [
    ("type", EdgeProp::Type),
    ("status", EdgeProp::Status),
    ("date", EdgeProp::Date),
    ("place", EdgeProp::Place),
    ("mode", EdgeProp::Mode),
    ("doc", EdgeProp::Doc),
    ("sentence", EdgeProp::Sentence),
    ("start", EdgeProp::Start),
    ("end", EdgeProp::End),
    ("confidence", EdgeProp::Confidence),
    ("mentions", EdgeProp::Mentions),
    ("content", EdgeProp::Content),
    ("event", EdgeProp::Event),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agg {
    Count,
    Collect,
    Min,
    Max,
    Sum,
    Avg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Length,
    Size,
    Nodes,
    Relationships,
    Type,
    Id,
    Labels,
    StartNode,
    EndNode,
    ToLower,
    ToUpper,
    ToString,
    Coalesce,
    Within,
    Overlaps,
}

/// Function names as written (lowercased), with their arity range.
const FUNCTIONS: [(&str, Func, usize, usize); 16] = [
    ("length", Func::Length, 1, 1),
    ("size", Func::Size, 1, 1),
    ("nodes", Func::Nodes, 1, 1),
    ("relationships", Func::Relationships, 1, 1),
    ("rels", Func::Relationships, 1, 1),
    ("type", Func::Type, 1, 1),
    ("id", Func::Id, 1, 1),
    ("labels", Func::Labels, 1, 1),
    ("startnode", Func::StartNode, 1, 1),
    ("endnode", Func::EndNode, 1, 1),
    ("tolower", Func::ToLower, 1, 1),
    ("toupper", Func::ToUpper, 1, 1),
    ("tostring", Func::ToString, 1, 1),
    ("coalesce", Func::Coalesce, 1, 16),
    ("within", Func::Within, 2, 2),
    ("overlaps", Func::Overlaps, 2, 2),
];

const AGGREGATES: [(&str, Agg); 6] = [
    ("count", Agg::Count),
    ("collect", Agg::Collect),
    ("min", Agg::Min),
    ("max", Agg::Max),
    ("sum", Agg::Sum),
    ("avg", Agg::Avg),
];

/// Every function name, for completion.
pub fn function_names() -> impl Iterator<Item = &'static str> {
    AGGREGATES
        .iter()
        .map(|(n, _)| *n)
        .chain(FUNCTIONS.iter().map(|(n, ..)| *n))
}

/// A resolved expression: variables are slots, properties and functions are known.
#[derive(Debug, Clone)]
pub enum RExpr {
    Lit(Value),
    List(Vec<RExpr>),
    Slot(usize),
    /// A projected column (an alias used in ORDER BY).
    Column(usize),
    NodeProp(usize, NodeProp),
    EdgeProp(usize, EdgeProp),
    Not(Box<RExpr>),
    Neg(Box<RExpr>),
    IsNull(Box<RExpr>, bool),
    Bin(BinOp, Box<RExpr>, Box<RExpr>),
    /// `=~` with its pattern compiled once, anchored at both ends.
    Regex(Box<RExpr>, Regex),
    Call(Func, Vec<RExpr>),
    Agg {
        agg: Agg,
        distinct: bool,
        /// `None` for `count(*)`.
        arg: Option<Box<RExpr>>,
    },
}

impl RExpr {
    pub fn has_agg(&self) -> bool {
        let mut found = false;
        self.visit(&mut |e| found |= matches!(e, RExpr::Agg { .. }));
        found
    }

    fn visit(&self, f: &mut dyn FnMut(&RExpr)) {
        f(self);
        match self {
            RExpr::List(xs) | RExpr::Call(_, xs) => xs.iter().for_each(|x| x.visit(f)),
            RExpr::Not(x) | RExpr::Neg(x) | RExpr::IsNull(x, _) | RExpr::Regex(x, _) => x.visit(f),
            RExpr::Bin(_, a, b) => {
                a.visit(f);
                b.visit(f);
            }
            RExpr::Agg { arg: Some(a), .. } => a.visit(f),
            _ => {}
        }
    }

    pub(crate) fn slots(&self) -> Vec<usize> {
        let mut out = Vec::new();
        self.visit(&mut |e| match e {
            RExpr::Slot(s) | RExpr::NodeProp(s, _) | RExpr::EdgeProp(s, _) => out.push(*s),
            _ => {}
        });
        out
    }
}

/// What a node binding must satisfy.
#[derive(Debug, Clone, Default)]
pub struct NodeCheck {
    /// Each inner list is a set of alternatives; all lists must hold.
    pub kinds: Vec<Vec<EntityKind>>,
    /// Property map entries; `name` matches any alias, case-insensitively.
    pub props: Vec<(NodeProp, Value)>,
    /// A `name` entry as written and the nodes it allows, looked up once in the name index.
    pub named: Option<(String, Vec<NodeIndex>)>,
}

impl NodeCheck {
    pub(crate) fn is_empty(&self) -> bool {
        self.kinds.is_empty() && self.props.is_empty() && self.named.is_none()
    }
}

#[derive(Debug, Clone)]
pub struct RelSpec {
    /// `None`: any type.
    pub types: Option<Vec<RelationKind>>,
    pub props: Vec<(EdgeProp, Value)>,
    /// Direction as seen from the node the expansion starts at.
    pub arrow: Arrow,
    pub min: u32,
    pub max: u32,
    pub var_length: bool,
}

/// What resolution knows: the query text (for error locations), the graph (for names and kinds)
/// and the variables declared so far.
pub(crate) struct Ctx<'a> {
    pub(crate) source: &'a str,
    pub(crate) graph: &'a Graph,
    pub(crate) slots: Vec<Slot>,
    pub(crate) by_name: HashMap<String, usize>,
}

fn sem(source: &str, span: Span, message: String, suggestion: Option<String>) -> QueryError {
    QueryError::Semantic {
        at: Location::of(source, span),
        message,
        suggestion,
    }
}

impl<'a> Ctx<'a> {
    pub(crate) fn err(
        &self,
        span: Span,
        message: String,
        suggestion: Option<String>,
    ) -> QueryError {
        sem(self.source, span, message, suggestion)
    }

    pub(crate) fn declare(
        &mut self,
        name: Option<&(String, Span)>,
        kind: VarKind,
    ) -> Result<(usize, bool), QueryError> {
        if let Some((n, sp)) = name {
            if let Some(&ix) = self.by_name.get(n) {
                let existing = self.slots[ix].kind;
                if existing != kind {
                    return Err(self.err(
                        *sp,
                        format!(
                            "`{n}` is already a {} and cannot also be a {}",
                            kind_word(existing),
                            kind_word(kind)
                        ),
                        None,
                    ));
                }
                if kind != VarKind::Node {
                    return Err(self.err(
                        *sp,
                        format!(
                            "`{n}` is bound twice; a {} can appear only once",
                            kind_word(kind)
                        ),
                        None,
                    ));
                }
                return Ok((ix, true));
            }
            self.by_name.insert(n.clone(), self.slots.len());
            self.slots.push(Slot {
                name: n.clone(),
                kind,
                named: true,
            });
        } else {
            self.slots.push(Slot {
                name: format!("_{}{}", kind_word(kind), self.slots.len()),
                kind,
                named: false,
            });
        }
        Ok((self.slots.len() - 1, false))
    }

    pub(crate) fn resolve(
        &self,
        e: &Expr,
        aliases: &HashMap<String, usize>,
    ) -> Result<RExpr, QueryError> {
        Ok(match &e.kind {
            ExprKind::Literal(l) => RExpr::Lit(literal(l)),
            ExprKind::List(xs) => RExpr::List(
                xs.iter()
                    .map(|x| self.resolve(x, aliases))
                    .collect::<Result<_, _>>()?,
            ),
            ExprKind::Var(v) => {
                if let Some(&c) = aliases.get(v) {
                    RExpr::Column(c)
                } else {
                    RExpr::Slot(self.var(v, e.span, aliases)?)
                }
            }
            ExprKind::Property(v, p) => {
                let vspan = Span {
                    start: e.span.start,
                    end: (e.span.start + v.len()).min(e.span.end),
                };
                let s = self.var(v, vspan, aliases)?;
                let pspan = Span {
                    start: e.span.end.saturating_sub(p.len()),
                    end: e.span.end,
                };
                match self.slots[s].kind {
                    VarKind::Node => RExpr::NodeProp(s, self.node_prop(p, pspan)?),
                    VarKind::Rel => RExpr::EdgeProp(s, self.edge_prop(p, pspan)?),
                    k => {
                        return Err(self.err(
                            e.span,
                            format!(
                                "`{v}` is a {}, which has no properties; use relationships({v}) or nodes({v})",
                                kind_word(k)
                            ),
                            None,
                        ))
                    }
                }
            }
            ExprKind::Not(x) => RExpr::Not(Box::new(self.resolve(x, aliases)?)),
            ExprKind::Neg(x) => RExpr::Neg(Box::new(self.resolve(x, aliases)?)),
            ExprKind::IsNull(x, n) => RExpr::IsNull(Box::new(self.resolve(x, aliases)?), *n),
            ExprKind::Binary(BinOp::Regex, a, b) => {
                let ra = self.resolve(a, aliases)?;
                match &b.kind {
                    ExprKind::Literal(Literal::String(p)) => {
                        let re = Regex::new(&format!("^(?:{p})$")).map_err(|err| {
                            self.err(b.span, format!("invalid regular expression: {err}"), None)
                        })?;
                        RExpr::Regex(Box::new(ra), re)
                    }
                    _ => RExpr::Bin(
                        BinOp::Regex,
                        Box::new(ra),
                        Box::new(self.resolve(b, aliases)?),
                    ),
                }
            }
            ExprKind::Binary(op, a, b) => RExpr::Bin(
                *op,
                Box::new(self.resolve(a, aliases)?),
                Box::new(self.resolve(b, aliases)?),
            ),
            ExprKind::CountStar => RExpr::Agg {
                agg: Agg::Count,
                distinct: false,
                arg: None,
            },
            ExprKind::Call {
                name,
                distinct,
                args,
            } => {
                let lower = name.to_lowercase();
                let rargs: Vec<RExpr> = args
                    .iter()
                    .map(|x| self.resolve(x, aliases))
                    .collect::<Result<_, _>>()?;
                if let Some((_, agg)) = AGGREGATES.iter().find(|(n, _)| *n == lower) {
                    let [arg] = <[RExpr; 1]>::try_from(rargs).map_err(|_| {
                        self.err(e.span, format!("{name}() takes exactly one argument"), None)
                    })?;
                    if arg.has_agg() {
                        return Err(self.err(e.span, "aggregates cannot be nested".into(), None));
                    }
                    return Ok(RExpr::Agg {
                        agg: *agg,
                        distinct: *distinct,
                        arg: Some(Box::new(arg)),
                    });
                }
                let Some((_, f, lo, hi)) = FUNCTIONS.iter().find(|(n, ..)| *n == lower) else {
                    let fspan = Span {
                        start: e.span.start,
                        end: e.span.start + name.len(),
                    };
                    return Err(self.err(
                        fspan,
                        format!("unknown function `{name}`"),
                        suggest(&lower, function_names()),
                    ));
                };
                if rargs.len() < *lo || rargs.len() > *hi || *distinct {
                    return Err(self.err(e.span, format!("wrong arguments for {name}()"), None));
                }
                RExpr::Call(*f, rargs)
            }
        })
    }

    pub(crate) fn var(
        &self,
        v: &str,
        span: Span,
        aliases: &HashMap<String, usize>,
    ) -> Result<usize, QueryError> {
        self.by_name.get(v).copied().ok_or_else(|| {
            let names = self
                .slots
                .iter()
                .filter(|s| s.named)
                .map(|s| s.name.as_str())
                .chain(aliases.keys().map(|s| s.as_str()));
            self.err(span, format!("unknown variable `{v}`"), suggest(v, names))
        })
    }

    pub(crate) fn node_prop(&self, p: &str, span: Span) -> Result<NodeProp, QueryError> {
        NODE_PROPS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(p))
            .map(|(_, x)| *x)
            .ok_or_else(|| {
                self.err(
                    span,
                    format!("unknown node property `{p}`"),
                    suggest(p, NODE_PROPS.iter().map(|(n, _)| *n)),
                )
            })
    }

    pub(crate) fn edge_prop(&self, p: &str, span: Span) -> Result<EdgeProp, QueryError> {
        EDGE_PROPS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(p))
            .map(|(_, x)| *x)
            .ok_or_else(|| {
                self.err(
                    span,
                    format!("unknown relationship property `{p}`"),
                    suggest(p, EDGE_PROPS.iter().map(|(n, _)| *n)),
                )
            })
    }

    pub(crate) fn constant(&self, e: &Expr) -> Result<Value, QueryError> {
        let none = HashMap::new();
        let r = self
            .resolve(e, &none)
            .ok()
            .filter(|r| r.slots().is_empty() && !r.has_agg());
        match r {
            Some(r) => crate::eval::eval_const(&r, self.graph),
            None => Err(self.err(
                e.span,
                "property maps take constant values; compare variables in WHERE".into(),
                None,
            )),
        }
    }

    pub(crate) fn node_check(&self, n: &ast::NodePattern) -> Result<NodeCheck, QueryError> {
        let mut check = NodeCheck::default();
        for alts in &n.labels {
            let mut kinds = Vec::new();
            for (l, sp) in alts {
                let k = EntityKind::parse(l).ok_or_else(|| {
                    self.err(
                        *sp,
                        format!("unknown entity kind `{l}`"),
                        suggest(l, EntityKind::ALL.iter().map(|k| k.as_str())),
                    )
                })?;
                kinds.push(k);
            }
            check.kinds.push(kinds);
        }
        for pp in &n.props {
            let prop = self.node_prop(&pp.key, pp.key_span)?;
            let v = self.constant(&pp.value)?;
            if prop == NodeProp::Kind {
                if let Value::String(s) = &v {
                    if EntityKind::parse(s).is_none() {
                        return Err(self.err(
                            pp.value.span,
                            format!("unknown entity kind `{s}`"),
                            suggest(s, EntityKind::ALL.iter().map(|k| k.as_str())),
                        ));
                    }
                }
            }
            if let (NodeProp::Name, Value::String(name)) = (prop, &v) {
                let found = self.graph.nodes_named(name).to_vec();
                check.named = Some(match check.named.take() {
                    Some((first, prev)) => (
                        first,
                        prev.into_iter().filter(|n| found.contains(n)).collect(),
                    ),
                    None => (name.clone(), found),
                });
                continue;
            }
            check.props.push((prop, v));
        }
        Ok(check)
    }

    pub(crate) fn rel_spec(&self, r: &ast::RelPattern) -> Result<RelSpec, QueryError> {
        let mut types = Vec::new();
        for (t, sp) in &r.types {
            let k = RelationKind::parse(t).ok_or_else(|| {
                self.err(
                    *sp,
                    format!("unknown relation type `{t}`"),
                    suggest(t, ["met_with", "demanded", "proposed"]),
                )
            })?;
            if !types.contains(&k) {
                types.push(k);
            }
        }
        let mut props = Vec::new();
        for pp in &r.props {
            let prop = self.edge_prop(&pp.key, pp.key_span)?;
            let v = self.constant(&pp.value)?;
            check_enum_value(self, prop, &v, pp.value.span)?;
            props.push((prop, v));
        }
        let (min, max, var_length) = match r.length {
            None => (1, 1, false),
            Some((lo, hi)) => {
                let lo = lo.unwrap_or(1);
                let hi = hi.unwrap_or(MAX_HOPS.max(lo));
                if hi > MAX_HOPS || lo > hi {
                    return Err(self.err(
                        r.span,
                        format!("path length must be a range within 0..{MAX_HOPS}"),
                        None,
                    ));
                }
                (lo, hi, true)
            }
        };
        Ok(RelSpec {
            types: (!types.is_empty()).then_some(types),
            props,
            arrow: r.arrow,
            min,
            max,
            var_length,
        })
    }
}

/// Status and mode values in a relationship property map must be ones the graph knows.
fn check_enum_value(ctx: &Ctx, prop: EdgeProp, v: &Value, span: Span) -> Result<(), QueryError> {
    let Value::String(s) = v else { return Ok(()) };
    let known: &[&str] = match prop {
        EdgeProp::Status => &["occurred", "planned", "negated"],
        EdgeProp::Mode => &["in-person", "phone"],
        EdgeProp::Type => &["met-with", "demanded", "proposed"],
        _ => return Ok(()),
    };
    if known.contains(&s.as_str()) {
        return Ok(());
    }
    Err(ctx.err(
        span,
        format!("`{s}` is not a known value here"),
        suggest(s, known.iter().copied()),
    ))
}

pub(crate) fn kind_word(k: VarKind) -> &'static str {
    match k {
        VarKind::Node => "node",
        VarKind::Rel => "relationship",
        VarKind::RelList => "relationship list",
        VarKind::Path => "path",
        VarKind::Segment => "segment",
    }
}

fn literal(l: &Literal) -> Value {
    match l {
        Literal::Null => Value::Null,
        Literal::Bool(b) => Value::Bool(*b),
        Literal::Int(i) => Value::Int(*i),
        Literal::Float(f) => Value::Float(*f),
        Literal::String(s) => Value::String(s.clone()),
    }
}
