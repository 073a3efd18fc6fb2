//! Names checked against the graph, expressions resolved to variable slots, and the order in
//! which patterns are matched. The `Display` of a [`Plan`] is what EXPLAIN prints.

use crate::ast::{self, Arrow, BinOp, Expr, ExprKind, Literal, Span};
use crate::error::{suggest, Location, QueryError};
use crate::value::Value;
use newsgraph_extract::{EntityKind, RelationKind};
use newsgraph_graph::petgraph::graph::NodeIndex;
use newsgraph_graph::Graph;
use regex::Regex;
use std::collections::HashMap;
use std::fmt;

/// Most nodes plus relationships in all patterns of a query: matching recurses once per element.
pub const MAX_PATTERN_ELEMENTS: usize = 200;

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

    fn slots(&self) -> Vec<usize> {
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
    fn is_empty(&self) -> bool {
        self.kinds.is_empty() && self.props.is_empty() && self.named.is_none()
    }
}

/// Where the first node of a pattern comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// Already bound by an earlier pattern.
    Bound,
    Id(String),
    Name(String),
    Kinds(Vec<EntityKind>),
    All,
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

#[derive(Debug, Clone)]
pub enum Step {
    Start {
        slot: usize,
        source: Source,
        estimate: usize,
        check: NodeCheck,
    },
    /// Re-check a node variable that is already bound.
    Check {
        slot: usize,
        check: NodeCheck,
    },
    Expand {
        clause: usize,
        from: usize,
        to: usize,
        to_bound: bool,
        check: NodeCheck,
        rel: RelSpec,
        rel_slot: Option<usize>,
        segment: usize,
        /// The expansion runs right to left relative to the written pattern.
        reversed: bool,
    },
    Shortest {
        from: usize,
        to: usize,
        to_bound: bool,
        check: NodeCheck,
        rel: RelSpec,
        rel_slot: Option<usize>,
        segment: usize,
        reversed: bool,
    },
    Filter(RExpr, String),
    BindPath {
        slot: usize,
        /// The first node slot and the segment slots, in written order.
        first: usize,
        segments: Vec<usize>,
    },
}

#[derive(Debug, Clone)]
pub struct Projection {
    pub columns: Vec<String>,
    pub items: Vec<RExpr>,
    pub distinct: bool,
    pub aggregate: bool,
    pub order: Vec<(RExpr, bool)>,
    pub skip: Option<usize>,
    pub limit: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub slots: Vec<Slot>,
    pub steps: Vec<Step>,
    pub projection: Projection,
    /// Human-readable notes, one per step, computed while planning.
    notes: Vec<String>,
}

struct Ctx<'a> {
    source: &'a str,
    graph: &'a Graph,
    slots: Vec<Slot>,
    by_name: HashMap<String, usize>,
}

fn sem(source: &str, span: Span, message: String, suggestion: Option<String>) -> QueryError {
    QueryError::Semantic {
        at: Location::of(source, span),
        message,
        suggestion,
    }
}

impl<'a> Ctx<'a> {
    fn err(&self, span: Span, message: String, suggestion: Option<String>) -> QueryError {
        sem(self.source, span, message, suggestion)
    }

    fn declare(
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

    fn resolve(&self, e: &Expr, aliases: &HashMap<String, usize>) -> Result<RExpr, QueryError> {
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

    fn var(
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

    fn node_prop(&self, p: &str, span: Span) -> Result<NodeProp, QueryError> {
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

    fn edge_prop(&self, p: &str, span: Span) -> Result<EdgeProp, QueryError> {
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

    fn constant(&self, e: &Expr) -> Result<Value, QueryError> {
        let none = HashMap::new();
        let r = self
            .resolve(e, &none)
            .ok()
            .filter(|r| r.slots().is_empty() && !r.has_agg());
        match r {
            Some(r) => crate::exec::eval_const(&r, self.graph),
            None => Err(self.err(
                e.span,
                "property maps take constant values; compare variables in WHERE".into(),
                None,
            )),
        }
    }

    fn node_check(&self, n: &ast::NodePattern) -> Result<NodeCheck, QueryError> {
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

    fn rel_spec(&self, r: &ast::RelPattern) -> Result<RelSpec, QueryError> {
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

fn kind_word(k: VarKind) -> &'static str {
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

/// Splits a condition into its AND-ed parts.
fn conjuncts<'e>(e: &'e Expr, out: &mut Vec<&'e Expr>) {
    match &e.kind {
        ExprKind::Binary(BinOp::And, a, b) => {
            conjuncts(a, out);
            conjuncts(b, out);
        }
        _ => out.push(e),
    }
}

/// A pattern whose slots are declared, waiting to be ordered.
struct Declared<'p> {
    clause: usize,
    pattern: &'p ast::Pattern,
    nodes: Vec<(usize, NodeCheck)>,
    rels: Vec<(Option<usize>, usize, RelSpec)>,
    path: Option<usize>,
}

/// Equality hints `v.name = "..."`, `v.id = "..."` from WHERE, usable as index lookups.
#[derive(Default)]
struct Hints {
    name: HashMap<usize, String>,
    id: HashMap<usize, String>,
}

pub fn plan(graph: &Graph, source: &str, q: &ast::Query) -> Result<Plan, QueryError> {
    let mut ctx = Ctx {
        source,
        graph,
        slots: Vec::new(),
        by_name: HashMap::new(),
    };
    let elements: usize = q
        .matches
        .iter()
        .flat_map(|m| &m.patterns)
        .map(|p| p.nodes.len() + p.rels.len())
        .sum();
    if elements > MAX_PATTERN_ELEMENTS {
        let span = q
            .matches
            .first()
            .and_then(|m| m.patterns.first())
            .map_or(Span::default(), |p| p.span);
        return Err(ctx.err(
            span,
            format!(
                "patterns have more than {MAX_PATTERN_ELEMENTS} nodes and relationships in all"
            ),
            None,
        ));
    }
    // Declare every variable first so WHERE may refer to any of them.
    let mut declared = Vec::new();
    for (ci, m) in q.matches.iter().enumerate() {
        for p in &m.patterns {
            if p.shortest && p.rels.len() != 1 {
                return Err(ctx.err(
                    p.span,
                    "shortestPath takes one relationship between two nodes: shortestPath((a)-[:met_with*]-(b))".into(),
                    None,
                ));
            }
            let mut nodes = Vec::new();
            let mut rels = Vec::new();
            for (i, n) in p.nodes.iter().enumerate() {
                let (slot, _) = ctx.declare(n.var.as_ref(), VarKind::Node)?;
                nodes.push((slot, ctx.node_check(n)?));
                if let Some(r) = p.rels.get(i) {
                    let spec = ctx.rel_spec(r)?;
                    let kind = if spec.var_length || p.shortest {
                        VarKind::RelList
                    } else {
                        VarKind::Rel
                    };
                    if p.shortest && spec.min > 1 {
                        return Err(ctx.err(
                            r.span,
                            "shortestPath needs a minimum length of 0 or 1".into(),
                            None,
                        ));
                    }
                    let (rs, _) = ctx.declare(r.var.as_ref(), kind)?;
                    let r_slot = r.var.as_ref().map(|_| rs);
                    let (seg, _) = ctx.declare(None, VarKind::Segment)?;
                    rels.push((r_slot, seg, spec));
                }
            }
            let path = match &p.path_var {
                Some(v) => Some(ctx.declare(Some(v), VarKind::Path)?.0),
                None => None,
            };
            declared.push(Declared {
                clause: ci,
                pattern: p,
                nodes,
                rels,
                path,
            });
        }
    }

    // Resolve WHERE conditions and harvest index hints.
    let none = HashMap::new();
    let mut filters: Vec<(RExpr, String, Vec<usize>)> = Vec::new();
    let mut hints = Hints::default();
    for m in &q.matches {
        let Some(f) = &m.filter else { continue };
        let mut parts = Vec::new();
        conjuncts(f, &mut parts);
        for part in parts {
            let r = ctx.resolve(part, &none)?;
            if r.has_agg() {
                return Err(ctx.err(
                    part.span,
                    "aggregates belong in RETURN, not WHERE".into(),
                    None,
                ));
            }
            if let RExpr::Bin(BinOp::Eq, a, b) = &r {
                if let (RExpr::NodeProp(s, p), RExpr::Lit(Value::String(v)))
                | (RExpr::Lit(Value::String(v)), RExpr::NodeProp(s, p)) = (&**a, &**b)
                {
                    match p {
                        NodeProp::Name => {
                            hints.name.insert(*s, v.clone());
                        }
                        NodeProp::Id => {
                            hints.id.insert(*s, v.clone());
                        }
                        _ => {}
                    }
                }
            }
            let slots = r.slots();
            let text = source
                .get(part.span.start..part.span.end)
                .unwrap_or("")
                .to_string();
            filters.push((r, text, slots));
        }
    }

    // Order patterns greedily: the cheapest start given what is bound already.
    let mut bound = vec![false; ctx.slots.len()];
    let mut steps = Vec::new();
    let mut notes = Vec::new();
    let mut remaining: Vec<Declared> = declared;
    let mut pending = filters;
    place_filters(&mut pending, &bound, &mut steps, &mut notes);
    while !remaining.is_empty() {
        let mut best: Option<(usize, usize, usize, Source)> = None;
        for (pi, d) in remaining.iter().enumerate() {
            let candidates: Vec<usize> = if d.pattern.shortest {
                vec![0, d.nodes.len() - 1]
            } else {
                (0..d.nodes.len()).collect()
            };
            for ni in candidates {
                let (slot, check) = &d.nodes[ni];
                let (est, src) = estimate(graph, *slot, check, &bound, &hints);
                let better = best
                    .as_ref()
                    .is_none_or(|b| (est, source_rank(&src)) < (b.2, source_rank(&b.3)));
                if better {
                    best = Some((pi, ni, est, src));
                }
            }
        }
        let Some((pi, ni, est, src)) = best else {
            break;
        };
        let d = remaining.remove(pi);
        emit_pattern(
            &ctx,
            d,
            ni,
            est,
            src,
            &mut bound,
            &mut steps,
            &mut notes,
            &mut pending,
            &hints,
        );
    }
    // Conditions on nothing bound (constants) or leftovers.
    for (r, text, _) in pending {
        notes.push(format!("filter {text}"));
        steps.push(Step::Filter(r, text));
    }

    let projection = project(&ctx, &q.ret)?;
    Ok(Plan {
        slots: ctx.slots,
        steps,
        projection,
        notes,
    })
}

/// Among equal estimates, the more specific index wins.
fn source_rank(s: &Source) -> u8 {
    match s {
        Source::Bound => 0,
        Source::Id(_) => 1,
        Source::Name(_) => 2,
        Source::Kinds(_) => 3,
        Source::All => 4,
    }
}

fn estimate(
    graph: &Graph,
    slot: usize,
    check: &NodeCheck,
    bound: &[bool],
    hints: &Hints,
) -> (usize, Source) {
    if bound.get(slot).copied().unwrap_or(false) {
        return (0, Source::Bound);
    }
    let id = check
        .props
        .iter()
        .find_map(|(p, v)| match (p, v) {
            (NodeProp::Id, Value::String(s)) => Some(s.clone()),
            _ => None,
        })
        .or_else(|| hints.id.get(&slot).cloned());
    if let Some(id) = id {
        return (usize::from(graph.node_by_id(&id).is_some()), Source::Id(id));
    }
    if let Some((name, nodes)) = &check.named {
        return (nodes.len(), Source::Name(name.clone()));
    }
    if let Some(n) = hints.name.get(&slot) {
        return (graph.nodes_named(n).len(), Source::Name(n.clone()));
    }
    let kind_prop = check.props.iter().find_map(|(p, v)| match (p, v) {
        (NodeProp::Kind, Value::String(s)) => EntityKind::parse(s),
        _ => None,
    });
    let best_kinds = check
        .kinds
        .iter()
        .cloned()
        .chain(kind_prop.map(|k| vec![k]))
        .min_by_key(|ks| {
            ks.iter()
                .map(|k| graph.nodes_of_kind(*k).len())
                .sum::<usize>()
        });
    if let Some(ks) = best_kinds {
        let n = ks.iter().map(|k| graph.nodes_of_kind(*k).len()).sum();
        return (n, Source::Kinds(ks));
    }
    (graph.node_count(), Source::All)
}

fn describe_check(ctx: &Ctx, check: &NodeCheck) -> String {
    let mut parts = Vec::new();
    for ks in &check.kinds {
        parts.push(format!(
            ":{}",
            ks.iter().map(|k| k.as_str()).collect::<Vec<_>>().join("|")
        ));
    }
    if let Some((n, _)) = &check.named {
        parts.push(format!("name = {n}"));
    }
    for (p, v) in &check.props {
        let name = NODE_PROPS
            .iter()
            .find(|(_, x)| x == p)
            .map_or("?", |(n, _)| *n);
        parts.push(format!("{name} = {}", v.display(ctx.graph)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" [check {}]", parts.join(", "))
    }
}

fn describe_rel(r: &RelSpec, shortest: bool) -> String {
    let types = r.types.as_ref().map_or("any type".to_string(), |ts| {
        ts.iter().map(|t| t.as_str()).collect::<Vec<_>>().join("|")
    });
    let dir = match r.arrow {
        Arrow::Right => "outgoing",
        Arrow::Left => "incoming",
        Arrow::Both => "either direction",
    };
    let len = if shortest {
        format!(
            ", {}..{} hops, first shortest path per end node",
            r.min, r.max
        )
    } else if r.var_length {
        format!(
            ", {}..{} hops, each edge at most once per MATCH",
            r.min, r.max
        )
    } else {
        String::new()
    };
    let props = if r.props.is_empty() {
        String::new()
    } else {
        format!(
            ", edge check {}",
            r.props
                .iter()
                .map(|(p, v)| {
                    let n = EDGE_PROPS
                        .iter()
                        .find(|(_, x)| x == p)
                        .map_or("?", |(n, _)| *n);
                    format!("{n} = {v:?}")
                })
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    format!("{types}, {dir}{len}{props}")
}

fn flip(a: Arrow) -> Arrow {
    match a {
        Arrow::Right => Arrow::Left,
        Arrow::Left => Arrow::Right,
        Arrow::Both => Arrow::Both,
    }
}

fn describe_source(src: &Source, est: usize) -> String {
    match src {
        Source::Bound => "already bound".to_string(),
        Source::Id(id) => format!("id index `{id}`: {est} candidate(s)"),
        Source::Name(n) => format!("name index \"{n}\" (any alias): {est} candidate(s)"),
        Source::Kinds(ks) => format!(
            "kind index {}: {est} candidate(s)",
            ks.iter().map(|k| k.as_str()).collect::<Vec<_>>().join("|")
        ),
        Source::All => format!("full scan: {est} node(s), no name, id or kind to narrow it"),
    }
}

/// A shortest-path target with at most this many candidates is looked up before the search,
/// so the breadth-first search can stop as soon as it reaches it.
const BIND_TARGET_BELOW: usize = 16;

#[allow(clippy::too_many_arguments)]
fn emit_pattern(
    ctx: &Ctx,
    d: Declared,
    start: usize,
    est: usize,
    src: Source,
    bound: &mut [bool],
    steps: &mut Vec<Step>,
    notes: &mut Vec<String>,
    pending: &mut Vec<(RExpr, String, Vec<usize>)>,
    hints: &Hints,
) {
    let name = |s: usize| ctx.slots[s].name.clone();
    let text = ctx
        .source
        .get(d.pattern.span.start..d.pattern.span.end)
        .unwrap_or("");
    notes.push(format!("-- pattern (MATCH {}): {text}", d.clause + 1));
    let (slot, check) = &d.nodes[start];
    let why = describe_source(&src, est);
    if matches!(src, Source::Bound) {
        if !check.is_empty() {
            notes.push(format!(
                "check {}{}",
                name(*slot),
                describe_check(ctx, check)
            ));
            steps.push(Step::Check {
                slot: *slot,
                check: check.clone(),
            });
        }
    } else {
        notes.push(format!(
            "start {} from {why}{}",
            name(*slot),
            describe_check(ctx, check)
        ));
        steps.push(Step::Start {
            slot: *slot,
            source: src,
            estimate: est,
            check: check.clone(),
        });
        bound[*slot] = true;
    }
    place_filters(pending, bound, steps, notes);
    // Right of the start, then left of it (walking the pattern backwards).
    let order: Vec<(usize, bool)> = (start..d.rels.len())
        .map(|i| (i, false))
        .chain((0..start).rev().map(|i| (i, true)))
        .collect();
    for (i, reversed) in order {
        let (from_i, to_i) = if reversed { (i + 1, i) } else { (i, i + 1) };
        let from = d.nodes[from_i].0;
        let (to, check) = d.nodes[to_i].clone();
        let (r_slot, segment, spec) = &d.rels[i];
        let mut rel = spec.clone();
        if reversed {
            rel.arrow = flip(rel.arrow);
        }
        if d.pattern.shortest && !bound[to] {
            let (e2, src2) = estimate(ctx.graph, to, &check, bound, hints);
            if e2 <= BIND_TARGET_BELOW && !matches!(src2, Source::All | Source::Bound) {
                notes.push(format!(
                    "start {} from {} (the search stops when it is reached){}",
                    name(to),
                    describe_source(&src2, e2),
                    describe_check(ctx, &check)
                ));
                steps.push(Step::Start {
                    slot: to,
                    source: src2,
                    estimate: e2,
                    check: check.clone(),
                });
                bound[to] = true;
                place_filters(pending, bound, steps, notes);
            }
        }
        let to_bound = bound[to];
        let verb = if d.pattern.shortest {
            "shortest path (breadth-first)"
        } else {
            "expand"
        };
        notes.push(format!(
            "{verb} {} -> {}{} over {}{}",
            name(from),
            name(to),
            if to_bound {
                " (already bound: join)"
            } else {
                ""
            },
            describe_rel(&rel, d.pattern.shortest),
            describe_check(ctx, &check)
        ));
        if d.pattern.shortest {
            steps.push(Step::Shortest {
                from,
                to,
                to_bound,
                check,
                rel,
                rel_slot: *r_slot,
                segment: *segment,
                reversed,
            });
        } else {
            steps.push(Step::Expand {
                clause: d.clause,
                from,
                to,
                to_bound,
                check,
                rel,
                rel_slot: *r_slot,
                segment: *segment,
                reversed,
            });
        }
        bound[to] = true;
        bound[*segment] = true;
        if let Some(r) = r_slot {
            bound[*r] = true;
        }
        place_filters(pending, bound, steps, notes);
    }
    if let Some(p) = d.path {
        notes.push(format!("bind path {}", name(p)));
        steps.push(Step::BindPath {
            slot: p,
            first: d.nodes[0].0,
            segments: d.rels.iter().map(|r| r.1).collect(),
        });
        bound[p] = true;
        place_filters(pending, bound, steps, notes);
    }
}

/// Emits every pending condition whose variables are all bound.
fn place_filters(
    pending: &mut Vec<(RExpr, String, Vec<usize>)>,
    bound: &[bool],
    steps: &mut Vec<Step>,
    notes: &mut Vec<String>,
) {
    let mut i = 0;
    while i < pending.len() {
        let ready = !pending[i].2.is_empty() && pending[i].2.iter().all(|s| bound[*s]);
        if ready {
            let (r, text, _) = pending.remove(i);
            notes.push(format!("filter {text}"));
            steps.push(Step::Filter(r, text));
        } else {
            i += 1;
        }
    }
}

fn project(ctx: &Ctx, ret: &ast::ReturnClause) -> Result<Projection, QueryError> {
    let none = HashMap::new();
    let mut columns = Vec::new();
    let mut items = Vec::new();
    if ret.star {
        for (i, s) in ctx.slots.iter().enumerate() {
            if s.named {
                columns.push(s.name.clone());
                items.push(RExpr::Slot(i));
            }
        }
    }
    for it in &ret.items {
        columns.push(it.alias.clone().unwrap_or_else(|| it.text.clone()));
        items.push(ctx.resolve(&it.expr, &none)?);
    }
    let aggregate = items.iter().any(|i| i.has_agg());
    let aliases: HashMap<String, usize> = ret
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, it)| {
            it.alias
                .clone()
                .map(|a| (a, i + columns.len() - ret.items.len()))
        })
        .collect();
    let mut order = Vec::new();
    for s in &ret.order {
        let text = ctx
            .source
            .get(s.expr.span.start..s.expr.span.end)
            .unwrap_or("");
        let r = match columns.iter().position(|c| c == text.trim()) {
            Some(c) => RExpr::Column(c),
            None => ctx.resolve(&s.expr, &aliases)?,
        };
        if ret.distinct && !matches!(r, RExpr::Column(_)) {
            return Err(ctx.err(
                s.expr.span,
                "with DISTINCT, ORDER BY can only use returned columns".into(),
                None,
            ));
        }
        order.push((r, s.descending));
    }
    Ok(Projection {
        columns,
        items,
        distinct: ret.distinct,
        aggregate,
        order,
        skip: ret.skip,
        limit: ret.limit,
    })
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut n = 0;
        for note in &self.notes {
            if note.starts_with("--") {
                writeln!(f, "{note}")?;
            } else {
                n += 1;
                writeln!(f, "{n}. {note}")?;
            }
        }
        let p = &self.projection;
        let mut ret = format!("return {}", p.columns.join(", "));
        if p.aggregate {
            let keys: Vec<&str> = p
                .items
                .iter()
                .zip(&p.columns)
                .filter(|(i, _)| !i.has_agg())
                .map(|(_, c)| c.as_str())
                .collect();
            if keys.is_empty() {
                ret.push_str(" (aggregate over all rows)");
            } else {
                ret.push_str(&format!(" (grouped by {})", keys.join(", ")));
            }
        }
        if p.distinct {
            ret.push_str(", distinct");
        }
        if !p.order.is_empty() {
            ret.push_str(&format!(", sorted on {} key(s)", p.order.len()));
        }
        if let Some(s) = p.skip {
            ret.push_str(&format!(", skip {s}"));
        }
        if let Some(l) = p.limit {
            ret.push_str(&format!(", limit {l}"));
        }
        write!(f, "{ret}")
    }
}

#[cfg(test)]
mod tests {
    use newsgraph_extract::EntityKind;
    use newsgraph_graph::{Graph, Node};

    fn graph() -> Graph {
        let mut g = Graph::new();
        for (i, kind) in [
            EntityKind::Person,
            EntityKind::Person,
            EntityKind::Org,
            EntityKind::Gpe,
        ]
        .into_iter()
        .enumerate()
        {
            g.add_node(Node {
                id: format!("t:{i}"),
                name: format!("n{i}"),
                kind,
                aliases: vec![format!("alias{i}")],
                docs: Vec::new(),
            });
        }
        g
    }

    fn explain(q: &str) -> String {
        crate::prepare(&graph(), q)
            .map(|p| p.to_string())
            .unwrap_or_else(|e| e.render(q))
    }

    #[test]
    fn start_prefers_name_then_kind_then_scan() {
        let p = explain("MATCH (a)-->(b:ORG)-->(c {name: 'ALIAS1'}) RETURN a");
        assert!(
            p.contains("1. start c from name index \"ALIAS1\" (any alias): 1 candidate(s)"),
            "{p}"
        );
        assert!(p.contains("expand c -> b"), "{p}");
        assert!(p.contains("expand b -> a"), "{p}");
        let p = explain("MATCH (a)-->(b:ORG) RETURN a");
        assert!(
            p.contains("start b from kind index ORG: 1 candidate(s)"),
            "{p}"
        );
        let p = explain("MATCH (a)-->(b) RETURN a");
        assert!(p.contains("start a from full scan: 4 node(s)"), "{p}");
        let p = explain("MATCH (a)-->(b) WHERE b.name = 'n1' RETURN a");
        assert!(p.contains("start b from name index \"n1\""), "{p}");
    }

    #[test]
    fn filters_run_as_soon_as_their_variables_are_bound() {
        let p = explain("MATCH (a:PERSON)-[r]->(b)-[s]->(c) WHERE a.name <> 'x' AND r.status = 'planned' AND c.kind = 'GPE' RETURN a");
        let lines: Vec<&str> = p.lines().collect();
        let at = |needle: &str| {
            lines
                .iter()
                .position(|l| l.contains(needle))
                .unwrap_or(usize::MAX)
        };
        assert!(at("filter a.name") < at("expand a -> b"), "{p}");
        assert!(at("filter r.status") < at("expand b -> c"), "{p}");
        assert!(at("filter c.kind") > at("expand b -> c"), "{p}");
    }

    #[test]
    fn semantic_errors_suggest() {
        let e = explain("MATCH (a)-[:proposd]->(b) RETURN a");
        assert!(e.contains("did you mean proposed?"), "{e}");
        let e = explain("MATCH (a) RETURN a.nmae");
        assert!(e.contains("did you mean name?"), "{e}");
        let e = explain("MATCH (a)-[r*]-(b) RETURN r.status");
        assert!(e.contains("relationship list"), "{e}");
        let e = explain("MATCH (a) RETURN cont(a)");
        assert!(e.contains("did you mean count?"), "{e}");
        let e = explain("MATCH (a)-[r]-(b), (r) RETURN a");
        assert!(e.contains("already a relationship"), "{e}");
        let e = explain("MATCH (a) WHERE count(a) > 1 RETURN a");
        assert!(e.contains("aggregates belong in RETURN"), "{e}");
        let e = explain("MATCH (a) WHERE a.name =~ '(' RETURN a");
        assert!(e.contains("invalid regular expression"), "{e}");
        let e = explain("MATCH (a)-[*1..99]-(b) RETURN a");
        assert!(e.contains("path length"), "{e}");
    }
}
