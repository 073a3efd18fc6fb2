//! Runs a plan over the petgraph view: a depth-first walk through the plan's steps, starting
//! from index lookups and expanding through neighbours, so the work done follows the part of
//! the graph the patterns touch.

use crate::ast::{Arrow, BinOp};
use crate::date::DateRange;
use crate::error::QueryError;
use crate::plan::{Agg, EdgeProp, Func, NodeCheck, NodeProp, Plan, RExpr, RelSpec, Source, Step};
use crate::value::{Path, Value};
use newsgraph_extract::EntityKind;
use newsgraph_graph::petgraph::graph::{EdgeIndex, NodeIndex};
use newsgraph_graph::Graph;
use regex::Regex;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet, VecDeque};

/// Edges examined before a query is stopped as too expensive.
pub const MAX_WORK: u64 = 20_000_000;
/// Matches kept before a query is stopped as too large.
pub const MAX_MATCHES: usize = 2_000_000;

struct Matcher<'a> {
    graph: &'a Graph,
    steps: &'a [Step],
    work: u64,
    out: Vec<Vec<Value>>,
    /// Stop after this many matches (LIMIT without sorting, grouping or DISTINCT).
    cap: Option<usize>,
}

fn too_expensive() -> QueryError {
    QueryError::Execution {
        message: format!(
            "query stopped after examining {MAX_WORK} edges; narrow the start with a name or kind, or shorten variable-length patterns"
        ),
    }
}

impl<'a> Matcher<'a> {
    fn done(&self) -> bool {
        self.cap.is_some_and(|c| self.out.len() >= c)
    }

    fn tick(&mut self) -> Result<(), QueryError> {
        self.work += 1;
        if self.work > MAX_WORK {
            return Err(too_expensive());
        }
        Ok(())
    }

    fn step(
        &mut self,
        i: usize,
        row: &mut Vec<Value>,
        used: &mut Vec<(usize, EdgeIndex)>,
    ) -> Result<(), QueryError> {
        if self.done() {
            return Ok(());
        }
        let steps = self.steps;
        let Some(step) = steps.get(i) else {
            if self.out.len() >= MAX_MATCHES {
                return Err(QueryError::Execution {
                    message: format!("query stopped after {MAX_MATCHES} matches; add a LIMIT or narrow the patterns"),
                });
            }
            self.out.push(row.clone());
            return Ok(());
        };
        match step {
            Step::Start {
                slot,
                source,
                check,
                ..
            } => {
                let graph = self.graph;
                let candidates: Vec<NodeIndex> = match source {
                    Source::Bound => match row.get(*slot) {
                        Some(Value::Node(n)) => vec![*n],
                        _ => Vec::new(),
                    },
                    Source::Id(id) => graph.node_by_id(id).into_iter().collect(),
                    Source::Name(n) => graph.nodes_named(n).to_vec(),
                    Source::Kinds(ks) => ks
                        .iter()
                        .flat_map(|k| graph.nodes_of_kind(*k).iter().copied())
                        .collect(),
                    Source::All => graph.node_indices().collect(),
                };
                for n in candidates {
                    self.tick()?;
                    if node_ok(graph, n, check) {
                        row[*slot] = Value::Node(n);
                        self.step(i + 1, row, used)?;
                    }
                }
                row[*slot] = Value::Null;
            }
            Step::Check { slot, check } => {
                if let Some(Value::Node(n)) = row.get(*slot) {
                    if node_ok(self.graph, *n, check) {
                        self.step(i + 1, row, used)?;
                    }
                }
            }
            Step::Filter(e, _) => {
                if truthy(&eval(e, &Ctx::row(row), self.graph)?) {
                    self.step(i + 1, row, used)?;
                }
            }
            Step::BindPath {
                slot,
                first,
                segments,
            } => {
                let mut path = Path {
                    nodes: match row.get(*first) {
                        Some(Value::Node(n)) => vec![*n],
                        _ => Vec::new(),
                    },
                    edges: Vec::new(),
                };
                for s in segments {
                    if let Some(Value::Path(p)) = row.get(*s) {
                        path.nodes.extend(p.nodes.iter().skip(1));
                        path.edges.extend(&p.edges);
                    }
                }
                row[*slot] = Value::Path(path);
                self.step(i + 1, row, used)?;
            }
            Step::Expand {
                clause,
                from,
                to,
                to_bound,
                check,
                rel,
                rel_slot,
                segment,
                reversed,
            } => {
                let Some(Value::Node(start)) = row.get(*from).cloned() else {
                    return Ok(());
                };
                let target = if *to_bound {
                    match row.get(*to) {
                        Some(Value::Node(n)) => Some(*n),
                        _ => return Ok(()),
                    }
                } else {
                    None
                };
                let mut walk = Walk {
                    i,
                    clause: *clause,
                    to: *to,
                    target,
                    check,
                    rel,
                    rel_slot: *rel_slot,
                    segment: *segment,
                    reversed: *reversed,
                    nodes: vec![start],
                    edges: Vec::new(),
                };
                self.walk(&mut walk, row, used)?;
            }
            Step::Shortest {
                from,
                to,
                to_bound,
                check,
                rel,
                rel_slot,
                segment,
                reversed,
            } => {
                let Some(Value::Node(start)) = row.get(*from).cloned() else {
                    return Ok(());
                };
                let target = if *to_bound {
                    match row.get(*to) {
                        Some(Value::Node(n)) => Some(*n),
                        _ => return Ok(()),
                    }
                } else {
                    None
                };
                for (end, mut nodes, mut edges) in self.bfs(start, target, check, rel)? {
                    if *reversed {
                        nodes.reverse();
                        edges.reverse();
                    }
                    row[*to] = Value::Node(end);
                    if let Some(r) = rel_slot {
                        row[*r] = Value::List(edges.iter().map(|e| Value::Edge(*e)).collect());
                    }
                    row[*segment] = Value::Path(Path { nodes, edges });
                    self.step(i + 1, row, used)?;
                }
                if !*to_bound {
                    row[*to] = Value::Null;
                }
            }
        }
        Ok(())
    }

    /// Depth-first expansion of one relationship pattern, one hop per call.
    fn walk(
        &mut self,
        w: &mut Walk<'_>,
        row: &mut Vec<Value>,
        used: &mut Vec<(usize, EdgeIndex)>,
    ) -> Result<(), QueryError> {
        let graph = self.graph;
        let Some(&here) = w.nodes.last() else {
            return Ok(());
        };
        let hops = w.edges.len() as u32;
        if hops >= w.rel.min {
            let ok = w.target.is_none_or(|t| t == here) && node_ok(graph, here, w.check);
            if ok {
                let (mut nodes, mut edges) = (w.nodes.clone(), w.edges.clone());
                if w.reversed {
                    nodes.reverse();
                    edges.reverse();
                }
                if w.target.is_none() {
                    row[w.to] = Value::Node(here);
                }
                if let Some(r) = w.rel_slot {
                    row[r] = if w.rel.var_length {
                        Value::List(edges.iter().map(|e| Value::Edge(*e)).collect())
                    } else {
                        edges.first().map_or(Value::Null, |e| Value::Edge(*e))
                    };
                }
                row[w.segment] = Value::Path(Path { nodes, edges });
                self.step(w.i + 1, row, used)?;
                if w.target.is_none() {
                    row[w.to] = Value::Null;
                }
            }
        }
        if hops >= w.rel.max || self.done() {
            return Ok(());
        }
        let next: Vec<(EdgeIndex, NodeIndex)> = graph.neighbours(here, None).collect();
        for (e, other) in next {
            self.tick()?;
            if used.contains(&(w.clause, e)) || !edge_ok(graph, e, here, w.rel) {
                continue;
            }
            used.push((w.clause, e));
            w.edges.push(e);
            w.nodes.push(other);
            let r = self.walk(w, row, used);
            w.nodes.pop();
            w.edges.pop();
            used.pop();
            r?;
        }
        Ok(())
    }

    /// Breadth-first search; one shortest path per reachable end node, in discovery order.
    #[allow(clippy::type_complexity)]
    fn bfs(
        &mut self,
        start: NodeIndex,
        target: Option<NodeIndex>,
        check: &NodeCheck,
        rel: &RelSpec,
    ) -> Result<Vec<(NodeIndex, Vec<NodeIndex>, Vec<EdgeIndex>)>, QueryError> {
        let graph = self.graph;
        let mut parent: HashMap<NodeIndex, (NodeIndex, EdgeIndex)> = HashMap::new();
        let mut seen: HashSet<NodeIndex> = HashSet::from([start]);
        let mut queue = VecDeque::from([(start, 0u32)]);
        let mut ends = Vec::new();
        let accept = |n: NodeIndex| target.is_none_or(|t| t == n) && node_ok(graph, n, check);
        if rel.min == 0 && accept(start) {
            ends.push(start);
        }
        while let Some((here, d)) = queue.pop_front() {
            if d >= rel.max || (target.is_some() && !ends.is_empty()) {
                break;
            }
            for (e, other) in graph.neighbours(here, None) {
                self.tick()?;
                if seen.contains(&other) || !edge_ok(graph, e, here, rel) {
                    continue;
                }
                seen.insert(other);
                parent.insert(other, (here, e));
                if accept(other) {
                    ends.push(other);
                }
                queue.push_back((other, d + 1));
            }
        }
        let mut out = Vec::new();
        for end in ends {
            let mut nodes = vec![end];
            let mut edges = Vec::new();
            let mut at = end;
            while let Some(&(p, e)) = parent.get(&at) {
                nodes.push(p);
                edges.push(e);
                at = p;
            }
            nodes.reverse();
            edges.reverse();
            out.push((end, nodes, edges));
        }
        Ok(out)
    }
}

struct Walk<'p> {
    i: usize,
    clause: usize,
    to: usize,
    target: Option<NodeIndex>,
    check: &'p NodeCheck,
    rel: &'p RelSpec,
    rel_slot: Option<usize>,
    segment: usize,
    reversed: bool,
    nodes: Vec<NodeIndex>,
    edges: Vec<EdgeIndex>,
}

/// Whether edge `e`, reached from `here`, fits the relationship pattern. Symmetric relations
/// (met-with) fit either arrow whichever way they are stored.
fn edge_ok(graph: &Graph, e: EdgeIndex, here: NodeIndex, rel: &RelSpec) -> bool {
    let Some(w) = graph.petgraph().edge_weight(e) else {
        return false;
    };
    if let Some(ts) = &rel.types {
        if !ts.contains(&w.kind) {
            return false;
        }
    }
    if !w.kind.is_symmetric() {
        let Some((s, t)) = graph.endpoints(e) else {
            return false;
        };
        match rel.arrow {
            Arrow::Right if s != here => return false,
            Arrow::Left if t != here => return false,
            _ => {}
        }
    }
    rel.props
        .iter()
        .all(|(p, v)| values_eq(&edge_prop(graph, e, *p), v) == Some(true))
}

pub fn node_ok(graph: &Graph, n: NodeIndex, check: &NodeCheck) -> bool {
    let Some(node) = graph.petgraph().node_weight(n) else {
        return false;
    };
    check.kinds.iter().all(|ks| ks.contains(&node.kind))
        && check.named.as_ref().is_none_or(|(_, ns)| ns.contains(&n))
        && check.props.iter().all(|(p, v)| match (p, v) {
            (NodeProp::Name, Value::String(s)) => graph.nodes_named(s).contains(&n),
            (NodeProp::Kind, Value::String(s)) => EntityKind::parse(s) == Some(node.kind),
            (NodeProp::Aliases | NodeProp::Docs, Value::String(s)) => {
                matches!(node_prop(graph, n, *p), Value::List(xs) if xs.contains(&Value::String(s.clone())))
            }
            _ => values_eq(&node_prop(graph, n, *p), v) == Some(true),
        })
}

fn opt_string(s: &Option<String>) -> Value {
    s.as_ref().map_or(Value::Null, |s| Value::String(s.clone()))
}

pub fn node_prop(graph: &Graph, n: NodeIndex, p: NodeProp) -> Value {
    let Some(node) = graph.petgraph().node_weight(n) else {
        return Value::Null;
    };
    let strings =
        |xs: &[String]| Value::List(xs.iter().map(|s| Value::String(s.clone())).collect());
    match p {
        NodeProp::Name => Value::String(node.name.clone()),
        NodeProp::Kind => Value::String(node.kind.as_str().into()),
        NodeProp::Id => Value::String(node.id.clone()),
        NodeProp::Aliases => strings(&node.aliases),
        NodeProp::Docs => strings(&node.docs),
    }
}

pub fn edge_prop(graph: &Graph, e: EdgeIndex, p: EdgeProp) -> Value {
    let Some(w) = graph.petgraph().edge_weight(e) else {
        return Value::Null;
    };
    match p {
        EdgeProp::Type => Value::String(w.kind.as_str().into()),
        EdgeProp::Status => Value::String(w.status.as_str().into()),
        EdgeProp::Date => opt_string(&w.date),
        EdgeProp::Place => opt_string(&w.place),
        EdgeProp::Mode => w
            .mode
            .map_or(Value::Null, |m| Value::String(m.as_str().into())),
        EdgeProp::Doc => Value::String(w.doc.clone()),
        EdgeProp::Sentence => Value::String(w.sentence.clone()),
        EdgeProp::Start => Value::Int(w.start as i64),
        EdgeProp::End => Value::Int(w.end as i64),
        EdgeProp::Confidence => Value::Float(w.confidence),
        EdgeProp::Mentions => Value::Int(i64::from(w.mentions)),
        EdgeProp::Content => opt_string(&w.content),
        EdgeProp::Event => Value::String(w.event.clone()),
    }
}

/// What an expression can see: the bindings, the projected columns and, when aggregating,
/// the rows of the group.
pub struct Ctx<'r> {
    row: &'r [Value],
    cols: &'r [Value],
    group: Option<&'r [&'r Vec<Value>]>,
}

impl<'r> Ctx<'r> {
    pub fn row(row: &'r [Value]) -> Ctx<'r> {
        Ctx {
            row,
            cols: &[],
            group: None,
        }
    }
}

pub fn truthy(v: &Value) -> bool {
    matches!(v, Value::Bool(true))
}

fn as_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        _ => None,
    }
}

/// Equality with Cypher's null: `None` when either side is null.
pub fn values_eq(a: &Value, b: &Value) -> Option<bool> {
    Some(match (a, b) {
        (Value::Null, _) | (_, Value::Null) => return None,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
            a.as_f64() == b.as_f64()
        }
        (Value::String(x), Value::String(y)) => {
            x == y
                || match (DateRange::parse(x), DateRange::parse(y)) {
                    (Some(p), Some(q)) => p.same(q),
                    _ => false,
                }
        }
        (Value::List(xs), Value::List(ys)) => {
            if xs.len() != ys.len() {
                return Some(false);
            }
            let mut any_null = false;
            for (x, y) in xs.iter().zip(ys) {
                match values_eq(x, y) {
                    Some(false) => return Some(false),
                    None => any_null = true,
                    Some(true) => {}
                }
            }
            return if any_null { None } else { Some(true) };
        }
        _ => a == b,
    })
}

fn order(op: BinOp, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::String(x), Value::String(y)) => {
            if let (Some(p), Some(q)) = (DateRange::parse(x), DateRange::parse(y)) {
                return Some(match op {
                    BinOp::Lt => p.lt(q),
                    BinOp::Le => p.le(q),
                    BinOp::Gt => p.gt(q),
                    _ => p.ge(q),
                });
            }
            let c = x.cmp(y);
            Some(cmp_holds(op, c))
        }
        (Value::Int(x), Value::Int(y)) => Some(cmp_holds(op, x.cmp(y))),
        (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
            let (x, y) = (a.as_f64()?, b.as_f64()?);
            x.partial_cmp(&y).map(|c| cmp_holds(op, c))
        }
        (Value::Bool(x), Value::Bool(y)) => Some(cmp_holds(op, x.cmp(y))),
        _ => None,
    }
}

fn cmp_holds(op: BinOp, c: Ordering) -> bool {
    match op {
        BinOp::Lt => c == Ordering::Less,
        BinOp::Le => c != Ordering::Greater,
        BinOp::Gt => c == Ordering::Greater,
        _ => c != Ordering::Less,
    }
}

fn opt_bool(b: Option<bool>) -> Value {
    b.map_or(Value::Null, Value::Bool)
}

pub fn eval_const(e: &RExpr, graph: &Graph) -> Result<Value, QueryError> {
    eval(e, &Ctx::row(&[]), graph)
}

pub fn eval(e: &RExpr, ctx: &Ctx<'_>, graph: &Graph) -> Result<Value, QueryError> {
    Ok(match e {
        RExpr::Lit(v) => v.clone(),
        RExpr::List(xs) => Value::List(
            xs.iter()
                .map(|x| eval(x, ctx, graph))
                .collect::<Result<_, _>>()?,
        ),
        RExpr::Slot(s) => ctx.row.get(*s).cloned().unwrap_or(Value::Null),
        RExpr::Column(c) => ctx.cols.get(*c).cloned().unwrap_or(Value::Null),
        RExpr::NodeProp(s, p) => match ctx.row.get(*s) {
            Some(Value::Node(n)) => node_prop(graph, *n, *p),
            _ => Value::Null,
        },
        RExpr::EdgeProp(s, p) => match ctx.row.get(*s) {
            Some(Value::Edge(x)) => edge_prop(graph, *x, *p),
            _ => Value::Null,
        },
        RExpr::Not(x) => opt_bool(as_bool(&eval(x, ctx, graph)?).map(|b| !b)),
        RExpr::Neg(x) => match eval(x, ctx, graph)? {
            Value::Int(i) => i.checked_neg().map_or(Value::Null, Value::Int),
            Value::Float(f) => Value::Float(-f),
            _ => Value::Null,
        },
        RExpr::IsNull(x, negated) => Value::Bool(eval(x, ctx, graph)?.is_null() != *negated),
        RExpr::Regex(x, re) => match eval(x, ctx, graph)? {
            Value::String(s) => Value::Bool(re.is_match(&s)),
            _ => Value::Null,
        },
        RExpr::Bin(op, a, b) => binary(*op, a, b, ctx, graph)?,
        RExpr::Call(f, args) => {
            let vals: Vec<Value> = args
                .iter()
                .map(|x| eval(x, ctx, graph))
                .collect::<Result<_, _>>()?;
            call(*f, vals, graph)
        }
        RExpr::Agg { agg, distinct, arg } => {
            let Some(group) = ctx.group else {
                return Err(QueryError::Execution {
                    message: "aggregate used outside RETURN".into(),
                });
            };
            aggregate(*agg, *distinct, arg.as_deref(), group, ctx.cols, graph)?
        }
    })
}

fn binary(
    op: BinOp,
    a: &RExpr,
    b: &RExpr,
    ctx: &Ctx<'_>,
    graph: &Graph,
) -> Result<Value, QueryError> {
    // Three-valued logic; AND and OR short-circuit on a decisive left side.
    let l = eval(a, ctx, graph)?;
    match op {
        BinOp::And if as_bool(&l) == Some(false) => return Ok(Value::Bool(false)),
        BinOp::Or if as_bool(&l) == Some(true) => return Ok(Value::Bool(true)),
        _ => {}
    }
    let r = eval(b, ctx, graph)?;
    let (lb, rb) = (as_bool(&l), as_bool(&r));
    Ok(match op {
        BinOp::And => match (lb, rb) {
            (_, Some(false)) => Value::Bool(false),
            (Some(true), Some(true)) => Value::Bool(true),
            _ => Value::Null,
        },
        BinOp::Or => match (lb, rb) {
            (_, Some(true)) => Value::Bool(true),
            (Some(false), Some(false)) => Value::Bool(false),
            _ => Value::Null,
        },
        BinOp::Xor => opt_bool(lb.zip(rb).map(|(x, y)| x != y)),
        BinOp::Eq => opt_bool(values_eq(&l, &r)),
        BinOp::Ne => opt_bool(values_eq(&l, &r).map(|b| !b)),
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => opt_bool(order(op, &l, &r)),
        BinOp::Contains | BinOp::StartsWith | BinOp::EndsWith => match (&l, &r) {
            (Value::String(x), Value::String(y)) => Value::Bool(match op {
                BinOp::Contains => x.contains(y.as_str()),
                BinOp::StartsWith => x.starts_with(y.as_str()),
                _ => x.ends_with(y.as_str()),
            }),
            _ => Value::Null,
        },
        BinOp::Regex => match (&l, &r) {
            (Value::String(x), Value::String(p)) => {
                let re = Regex::new(&format!("^(?:{p})$")).map_err(|e| QueryError::Execution {
                    message: format!("invalid regular expression: {e}"),
                })?;
                Value::Bool(re.is_match(x))
            }
            _ => Value::Null,
        },
        BinOp::In => match &r {
            Value::List(xs) => {
                if l.is_null() {
                    Value::Null
                } else {
                    let mut any_null = false;
                    let mut found = false;
                    for x in xs {
                        match values_eq(&l, x) {
                            Some(true) => {
                                found = true;
                                break;
                            }
                            None => any_null = true,
                            Some(false) => {}
                        }
                    }
                    if found {
                        Value::Bool(true)
                    } else if any_null {
                        Value::Null
                    } else {
                        Value::Bool(false)
                    }
                }
            }
            _ => Value::Null,
        },
    })
}

fn call(f: Func, mut args: Vec<Value>, graph: &Graph) -> Value {
    let first = if args.is_empty() {
        Value::Null
    } else {
        args.swap_remove(0)
    };
    let second = args.pop().unwrap_or(Value::Null);
    match (f, &first) {
        (Func::Coalesce, _) => std::iter::once(first)
            .chain(std::iter::once(second))
            .chain(args)
            .find(|v| !v.is_null())
            .unwrap_or(Value::Null),
        (Func::Length | Func::Size, Value::Path(p)) => Value::Int(p.edges.len() as i64),
        (Func::Length | Func::Size, Value::List(xs)) => Value::Int(xs.len() as i64),
        (Func::Length | Func::Size, Value::String(s)) => Value::Int(s.chars().count() as i64),
        (Func::Nodes, Value::Path(p)) => {
            Value::List(p.nodes.iter().map(|n| Value::Node(*n)).collect())
        }
        (Func::Relationships, Value::Path(p)) => {
            Value::List(p.edges.iter().map(|e| Value::Edge(*e)).collect())
        }
        (Func::Relationships, Value::List(_)) => first,
        (Func::Type, Value::Edge(e)) => edge_prop(graph, *e, EdgeProp::Type),
        (Func::Id, Value::Node(n)) => node_prop(graph, *n, NodeProp::Id),
        (Func::Id, Value::Edge(e)) => edge_prop(graph, *e, EdgeProp::Event),
        (Func::Labels, Value::Node(n)) => Value::List(vec![node_prop(graph, *n, NodeProp::Kind)]),
        (Func::StartNode | Func::EndNode, Value::Edge(e)) => match graph.endpoints(*e) {
            Some((s, t)) => Value::Node(if f == Func::StartNode { s } else { t }),
            None => Value::Null,
        },
        (Func::ToLower, Value::String(s)) => Value::String(s.to_lowercase()),
        (Func::ToUpper, Value::String(s)) => Value::String(s.to_uppercase()),
        (Func::ToString, Value::Null) => Value::Null,
        (Func::ToString, v) => Value::String(v.display(graph)),
        (Func::Within | Func::Overlaps, Value::String(a)) => match (&second, DateRange::parse(a)) {
            (Value::String(b), Some(x)) => match DateRange::parse(b) {
                Some(y) if f == Func::Within => Value::Bool(x.ge(y) && x.le(y)),
                Some(y) => Value::Bool(!(x.lt(y) || x.gt(y))),
                None => Value::Null,
            },
            _ => Value::Null,
        },
        _ => Value::Null,
    }
}

fn aggregate(
    agg: Agg,
    distinct: bool,
    arg: Option<&RExpr>,
    group: &[&Vec<Value>],
    cols: &[Value],
    graph: &Graph,
) -> Result<Value, QueryError> {
    let Some(arg) = arg else {
        return Ok(Value::Int(group.len() as i64));
    };
    let mut vals = Vec::new();
    let mut seen = HashSet::new();
    for row in group {
        let ctx = Ctx {
            row,
            cols,
            group: None,
        };
        let v = eval(arg, &ctx, graph)?;
        if v.is_null() || (distinct && !seen.insert(v.key())) {
            continue;
        }
        vals.push(v);
    }
    Ok(match agg {
        Agg::Count => Value::Int(vals.len() as i64),
        Agg::Collect => Value::List(vals),
        Agg::Min => vals
            .into_iter()
            .min_by(|a, b| a.sort_cmp(b, graph))
            .unwrap_or(Value::Null),
        Agg::Max => vals
            .into_iter()
            .max_by(|a, b| a.sort_cmp(b, graph))
            .unwrap_or(Value::Null),
        Agg::Sum | Agg::Avg => {
            let nums: Vec<&Value> = vals.iter().filter(|v| v.as_f64().is_some()).collect();
            let all_int = nums.iter().all(|v| matches!(v, Value::Int(_)));
            if agg == Agg::Sum && all_int {
                Value::Int(
                    nums.iter()
                        .filter_map(|v| match v {
                            Value::Int(i) => Some(*i),
                            _ => None,
                        })
                        .fold(0i64, |a, b| a.saturating_add(b)),
                )
            } else {
                let sum: f64 = nums.iter().filter_map(|v| v.as_f64()).sum();
                if agg == Agg::Sum {
                    Value::Float(sum)
                } else if nums.is_empty() {
                    Value::Null
                } else {
                    Value::Float(sum / nums.len() as f64)
                }
            }
        }
    })
}

/// Runs the match steps and the projection: the result's columns and rows.
pub fn execute(plan: &Plan, graph: &Graph) -> Result<Vec<Vec<Value>>, QueryError> {
    let p = &plan.projection;
    let streaming = !p.aggregate && !p.distinct && p.order.is_empty();
    let mut m = Matcher {
        graph,
        steps: &plan.steps,
        work: 0,
        out: Vec::new(),
        cap: if streaming {
            p.limit.map(|l| l.saturating_add(p.skip.unwrap_or(0)))
        } else {
            None
        },
    };
    let mut row = vec![Value::Null; plan.slots.len()];
    let mut used = Vec::new();
    m.step(0, &mut row, &mut used)?;
    let bindings = m.out;

    // (columns, sort keys) per output row.
    let mut rows: Vec<(Vec<Value>, Vec<Value>)> = Vec::new();
    if p.aggregate {
        let mut groups: Vec<(Vec<Value>, Vec<&Vec<Value>>)> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for b in &bindings {
            let mut keys = Vec::new();
            let mut k = String::new();
            for it in &p.items {
                if !it.has_agg() {
                    let v = eval(it, &Ctx::row(b), graph)?;
                    k.push_str(&v.key());
                    k.push('|');
                    keys.push(v);
                }
            }
            match index.get(&k) {
                Some(&g) => groups[g].1.push(b),
                None => {
                    index.insert(k, groups.len());
                    groups.push((keys, vec![b]));
                }
            }
        }
        let all_agg = p.items.iter().all(|i| i.has_agg());
        let empty = vec![Value::Null; plan.slots.len()];
        if groups.is_empty() && all_agg {
            groups.push((Vec::new(), Vec::new()));
        }
        for (_, members) in &groups {
            let rep: &[Value] = members.first().map_or(&empty[..], |r| &r[..]);
            let ctx = Ctx {
                row: rep,
                cols: &[],
                group: Some(members),
            };
            let cols: Vec<Value> = p
                .items
                .iter()
                .map(|it| eval(it, &ctx, graph))
                .collect::<Result<_, _>>()?;
            let ctx = Ctx {
                row: rep,
                cols: &cols,
                group: Some(members),
            };
            let keys = p
                .order
                .iter()
                .map(|(e, _)| eval(e, &ctx, graph))
                .collect::<Result<_, _>>()?;
            rows.push((cols, keys));
        }
    } else {
        for b in &bindings {
            let ctx = Ctx::row(b);
            let cols: Vec<Value> = p
                .items
                .iter()
                .map(|it| eval(it, &ctx, graph))
                .collect::<Result<_, _>>()?;
            let ctx = Ctx {
                row: b,
                cols: &cols,
                group: None,
            };
            let keys = p
                .order
                .iter()
                .map(|(e, _)| eval(e, &ctx, graph))
                .collect::<Result<_, _>>()?;
            rows.push((cols, keys));
        }
    }
    if !p.order.is_empty() {
        rows.sort_by(|(_, a), (_, b)| {
            for ((x, y), (_, desc)) in a.iter().zip(b).zip(&p.order) {
                let c = x.sort_cmp(y, graph);
                let c = if *desc { c.reverse() } else { c };
                if c != Ordering::Equal {
                    return c;
                }
            }
            Ordering::Equal
        });
    }
    let mut out: Vec<Vec<Value>> = rows.into_iter().map(|(c, _)| c).collect();
    if p.distinct {
        let mut seen = HashSet::new();
        out.retain(|r| {
            let k: String = r.iter().map(|v| v.key() + "|").collect();
            seen.insert(k)
        });
    }
    let skip = p.skip.unwrap_or(0).min(out.len());
    out.drain(..skip);
    if let Some(l) = p.limit {
        out.truncate(l);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate::Value;
    use newsgraph_extract::{EntityKind, Mode, RelationKind, Status};
    use newsgraph_graph::{Edge, Graph, Node};

    fn node(
        g: &mut Graph,
        name: &str,
        kind: EntityKind,
    ) -> newsgraph_graph::petgraph::graph::NodeIndex {
        g.add_node(Node {
            id: format!("t:{name}"),
            name: name.into(),
            kind,
            aliases: vec![name.chars().take(3).collect()],
            docs: vec!["d".into()],
        })
    }

    fn edge(kind: RelationKind, status: Status, date: Option<&str>) -> Edge {
        Edge {
            kind,
            status,
            date: date.map(String::from),
            place: None,
            mode: Some(Mode::InPerson),
            doc: "d".into(),
            sentence: "s".into(),
            start: 0,
            end: 1,
            confidence: 0.5,
            mentions: 1,
            content: None,
            event: "e".into(),
        }
    }

    /// alice - bob - carol - dave (met-with chain), alice -> acme (demanded).
    fn graph() -> Graph {
        let mut g = Graph::new();
        let a = node(&mut g, "alice", EntityKind::Person);
        let b = node(&mut g, "bob", EntityKind::Person);
        let c = node(&mut g, "carol", EntityKind::Person);
        let d = node(&mut g, "dave", EntityKind::Person);
        let o = node(&mut g, "acme", EntityKind::Org);
        g.add_edge(
            a,
            b,
            edge(RelationKind::MetWith, Status::Occurred, Some("2025-08-18")),
        );
        g.add_edge(
            c,
            b,
            edge(RelationKind::MetWith, Status::Planned, Some("2025-W40")),
        );
        g.add_edge(c, d, edge(RelationKind::MetWith, Status::Occurred, None));
        g.add_edge(a, o, edge(RelationKind::Demanded, Status::Occurred, None));
        g
    }

    fn rows(q: &str) -> Vec<Vec<String>> {
        let g = graph();
        let out = crate::run(&g, q).unwrap_or_else(|e| panic!("{}", e.render(q)));
        out.text_rows().to_vec()
    }

    fn flat(q: &str) -> Vec<String> {
        rows(q).into_iter().map(|r| r.join(" ")).collect()
    }

    #[test]
    fn met_with_matches_either_stored_direction() {
        assert_eq!(
            flat("MATCH (b {name: 'bob'})-[:met_with]->(x) RETURN x ORDER BY x"),
            ["alice", "carol"]
        );
        assert_eq!(
            flat("MATCH (b {name: 'bob'})<-[:met_with]-(x) RETURN x ORDER BY x"),
            ["alice", "carol"]
        );
    }

    #[test]
    fn directed_relations_keep_direction() {
        assert_eq!(flat("MATCH (x)-[:demanded]->(o:ORG) RETURN x"), ["alice"]);
        assert!(flat("MATCH (o:ORG)-[:demanded]->(x) RETURN x").is_empty());
        assert_eq!(flat("MATCH (o:ORG)<-[:demanded]-(x) RETURN x"), ["alice"]);
    }

    #[test]
    fn variable_length_uses_each_edge_once() {
        assert_eq!(
            flat("MATCH (a {name: 'alice'})-[:met_with*1..5]-(x) RETURN x.name, count(*) ORDER BY x.name"),
            ["bob 1", "carol 1", "dave 1"]
        );
        // alice-bob-alice would need the same edge twice.
        assert!(flat("MATCH (a {name: 'alice'})-[:met_with*2]-(a) RETURN a").is_empty());
        assert_eq!(
            flat("MATCH (a {name: 'alice'})-[*0..0]-(x) RETURN x"),
            ["alice"]
        );
    }

    #[test]
    fn a_repeated_variable_keeps_every_constraint() {
        assert_eq!(
            flat("MATCH (a)-[:met_with]-(b)-[:demanded]->(a) RETURN a").len(),
            0
        );
        let base = "MATCH (x {name: 'alice'}), (c {name: 'carol'}) MATCH (x)-[:met_with*1..3]-";
        assert_eq!(flat(&format!("{base}(c) RETURN c")), ["carol"]);
        assert!(flat(&format!("{base}(c:ORG) RETURN c")).is_empty());
    }

    #[test]
    fn shortest_path_is_shortest() {
        assert_eq!(
            flat("MATCH p = shortestPath((a {name: 'alice'})-[:met_with*]-(d {name: 'dave'})) RETURN length(p), nodes(p)"),
            ["3 [alice, bob, carol, dave]"]
        );
        assert!(flat("MATCH p = shortestPath((a {name: 'alice'})-[:met_with*..2]-(d {name: 'dave'})) RETURN p").is_empty());
    }

    #[test]
    fn aliases_and_kinds_select_start_nodes() {
        assert_eq!(flat("MATCH (x {name: 'CAR'}) RETURN x"), ["carol"]);
        assert_eq!(
            flat("MATCH (x:ORG) RETURN x.name, x.kind, x.id"),
            ["acme ORG t:acme"]
        );
    }

    #[test]
    fn nulls_are_three_valued() {
        // dave's edge has no date: the comparison is null, so it is filtered out either way.
        assert_eq!(
            flat("MATCH (a)-[r:met_with]-(b {name: 'dave'}) WHERE r.date > '2000' RETURN a").len(),
            0
        );
        assert_eq!(
            flat("MATCH (a)-[r:met_with]-(b {name: 'dave'}) WHERE NOT r.date > '2000' RETURN a")
                .len(),
            0
        );
        assert_eq!(
            flat(
                "MATCH (a)-[r:met_with]-(b {name: 'dave'}) WHERE r.date > '2000' OR true RETURN a"
            ),
            ["carol"]
        );
        assert_eq!(flat("MATCH (a {name: 'alice'}) RETURN null IN [1, null], 1 IN [1, null], 2 IN [1, null]"), ["null true null"]);
    }

    #[test]
    fn grouping_ordering_and_paging() {
        assert_eq!(
            flat("MATCH (p:PERSON)-[r:met_with]-() RETURN p.name AS who, count(*) AS n ORDER BY n DESC, who SKIP 1 LIMIT 2"),
            ["carol 2", "alice 1"]
        );
        assert_eq!(
            flat("MATCH (p:PERSON) RETURN count(*), min(p.name), max(p.name), collect(p.name)"),
            ["4 alice dave [alice, bob, carol, dave]"]
        );
        assert_eq!(
            flat("MATCH (p:PERSON)-[r:met_with]-() RETURN DISTINCT r.status ORDER BY r.status"),
            ["occurred", "planned"]
        );
        assert_eq!(flat("MATCH ()-[r:met_with]-() WHERE r.date IS NOT NULL RETURN DISTINCT r.date ORDER BY r.date DESC"), ["2025-W40", "2025-08-18"]);
    }

    #[test]
    fn limit_without_sorting_stops_early() {
        assert_eq!(rows("MATCH (a)-[*1..3]-(b) RETURN a, b LIMIT 2").len(), 2);
    }

    #[test]
    fn values_render_and_select() {
        let g = graph();
        let out = crate::run(
            &g,
            "MATCH p = (a {name: 'alice'})-[r:met_with]->(b) RETURN p, r, b",
        )
        .expect("runs");
        assert_eq!(out.selection().nodes.len(), 2);
        assert_eq!(out.selection().edges.len(), 1);
        assert!(matches!(out.rows[0][0], Value::Path(_)));
        assert_eq!(
            out.text_rows()[0][0],
            "(alice)-[met-with occurred 2025-08-18]->(bob)"
        );
        let json = out.to_json();
        assert_eq!(json["columns"][2], "b");
        assert_eq!(json["rows"][0][2]["name"], "bob");
        assert_eq!(json["rows"][0][1]["type"], "met-with");
        assert!(out.to_csv().starts_with("p,r,b\r\n"));
        assert_eq!(out.to_tsv().lines().count(), 2);
    }
}
