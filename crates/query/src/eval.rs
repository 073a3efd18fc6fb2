//! Expression evaluation with Cypher's null semantics, date-aware comparisons, functions and
//! aggregates.

use crate::ast::BinOp;
use crate::date::DateRange;
use crate::error::QueryError;
use crate::resolve::{Agg, EdgeProp, Func, NodeProp, RExpr};
use crate::value::Value;
use newsgraph_graph::petgraph::graph::{EdgeIndex, NodeIndex};
use newsgraph_graph::Graph;
use regex::Regex;
use std::cmp::Ordering;
use std::collections::HashSet;

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
pub struct Scope<'r> {
    pub(crate) row: &'r [Value],
    pub(crate) cols: &'r [Value],
    pub(crate) group: Option<&'r [&'r Vec<Value>]>,
}

impl<'r> Scope<'r> {
    pub fn row(row: &'r [Value]) -> Scope<'r> {
        Scope {
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
    eval(e, &Scope::row(&[]), graph)
}

pub fn eval(e: &RExpr, ctx: &Scope<'_>, graph: &Graph) -> Result<Value, QueryError> {
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
    ctx: &Scope<'_>,
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
        let ctx = Scope {
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
