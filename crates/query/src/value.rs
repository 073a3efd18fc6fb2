//! Values flowing through execution and into results.

use crate::date::DateRange;
use newsgraph_graph::petgraph::graph::{EdgeIndex, NodeIndex};
use newsgraph_graph::{Graph, Selection};
use serde_json::json;
use std::cmp::Ordering;
use std::fmt::Write;

/// A path in traversal order: `nodes.len() == edges.len() + 1`.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub nodes: Vec<NodeIndex>,
    pub edges: Vec<EdgeIndex>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    List(Vec<Value>),
    Node(NodeIndex),
    Edge(EdgeIndex),
    Path(Path),
}

impl Value {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The value as text for tables: entity names for nodes, a one-line summary for edges.
    pub fn display(&self, graph: &Graph) -> String {
        let mut s = String::new();
        self.write(graph, &mut s);
        s
    }

    fn write(&self, graph: &Graph, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Value::Float(f) => out.push_str(&format_float(*f)),
            Value::String(s) => out.push_str(s),
            Value::List(xs) => {
                out.push('[');
                for (i, x) in xs.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    x.write(graph, out);
                }
                out.push(']');
            }
            Value::Node(n) => out.push_str(node_name(graph, *n)),
            Value::Edge(e) => out.push_str(&edge_summary(graph, *e)),
            Value::Path(p) => {
                let Some(first) = p.nodes.first() else {
                    return;
                };
                let _ = write!(out, "({})", node_name(graph, *first));
                for (e, pair) in p.edges.iter().zip(p.nodes.windows(2)) {
                    let (a, b) = (pair[0], pair[1]);
                    let label = edge_label(graph, *e);
                    let forward = graph.endpoints(*e).is_some_and(|(s, _)| s == a);
                    if forward {
                        let _ = write!(out, "-[{label}]->");
                    } else {
                        let _ = write!(out, "<-[{label}]-");
                    }
                    let _ = write!(out, "({})", node_name(graph, b));
                }
            }
        }
    }

    pub fn to_json(&self, graph: &Graph) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => json!(b),
            Value::Int(i) => json!(i),
            Value::Float(f) => json!(f),
            Value::String(s) => json!(s),
            Value::List(xs) => xs.iter().map(|x| x.to_json(graph)).collect(),
            Value::Node(n) => node_json(graph, *n),
            Value::Edge(e) => edge_json(graph, *e),
            Value::Path(p) => json!({
                "nodes": p.nodes.iter().map(|n| node_json(graph, *n)).collect::<Vec<_>>(),
                "edges": p.edges.iter().map(|e| edge_json(graph, *e)).collect::<Vec<_>>(),
            }),
        }
    }

    /// Adds the nodes and edges this value refers to.
    pub fn collect_selection(&self, graph: &Graph, sel: &mut Selection) {
        match self {
            Value::Node(n) if n.index() < graph.node_count() => {
                sel.nodes.insert(*n);
            }
            Value::Edge(e) => sel.add_edge(graph, *e),
            Value::Path(p) => {
                sel.nodes
                    .extend(p.nodes.iter().filter(|n| n.index() < graph.node_count()));
                for e in &p.edges {
                    sel.add_edge(graph, *e);
                }
            }
            Value::List(xs) => xs.iter().for_each(|x| x.collect_selection(graph, sel)),
            _ => {}
        }
    }

    /// A string usable as a grouping / distinctness key.
    pub fn key(&self) -> String {
        match self {
            Value::Null => "N".into(),
            Value::Bool(b) => format!("B{b}"),
            Value::Int(i) => format!("I{i}"),
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("I{}", *f as i64),
            Value::Float(f) => format!("F{}", f.to_bits()),
            Value::String(s) => format!("S{}:{s}", s.len()),
            Value::List(xs) => {
                let mut k = format!("L{}[", xs.len());
                for x in xs {
                    k.push_str(&x.key());
                    k.push(',');
                }
                k
            }
            Value::Node(n) => format!("n{}", n.index()),
            Value::Edge(e) => format!("e{}", e.index()),
            Value::Path(p) => format!(
                "p{:?}{:?}",
                p.nodes.iter().map(|n| n.index()).collect::<Vec<_>>(),
                p.edges.iter().map(|e| e.index()).collect::<Vec<_>>()
            ),
        }
    }

    fn type_rank(&self) -> u8 {
        match self {
            Value::Node(_) => 0,
            Value::Edge(_) => 1,
            Value::Path(_) => 2,
            Value::List(_) => 3,
            Value::String(_) => 4,
            Value::Bool(_) => 5,
            Value::Int(_) | Value::Float(_) => 6,
            Value::Null => 7,
        }
    }

    /// Total order for ORDER BY, min and max: nulls last, numbers numerically, strings that are
    /// both dates by date, other strings by text, nodes by name.
    pub fn sort_cmp(&self, other: &Value, graph: &Graph) -> Ordering {
        match (self, other) {
            (Value::Int(a), Value::Int(b)) => a.cmp(b),
            // By value, then integers before floats, then exactly: a total order even where
            // large integers and floats round to the same f64.
            (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
                let (a, b) = (self.as_f64().unwrap_or(0.0), other.as_f64().unwrap_or(0.0));
                a.total_cmp(&b)
                    .then_with(|| {
                        matches!(self, Value::Float(_)).cmp(&matches!(other, Value::Float(_)))
                    })
                    .then_with(|| match (self, other) {
                        (Value::Int(x), Value::Int(y)) => x.cmp(y),
                        _ => Ordering::Equal,
                    })
            }
            // Dates (by interval) before other strings (by text), so the order stays total.
            (Value::String(a), Value::String(b)) => {
                match (DateRange::parse(a), DateRange::parse(b)) {
                    (Some(x), Some(y)) => x.sort_cmp(y).then_with(|| a.cmp(b)),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => a.cmp(b),
                }
            }
            (Value::Bool(a), Value::Bool(b)) => a.cmp(b),
            (Value::Node(a), Value::Node(b)) => node_name(graph, *a)
                .cmp(node_name(graph, *b))
                .then(a.cmp(b)),
            (Value::Edge(a), Value::Edge(b)) => a.cmp(b),
            (Value::Path(a), Value::Path(b)) => a
                .edges
                .len()
                .cmp(&b.edges.len())
                .then_with(|| self.display(graph).cmp(&other.display(graph))),
            (Value::List(a), Value::List(b)) => {
                for (x, y) in a.iter().zip(b) {
                    let c = x.sort_cmp(y, graph);
                    if c != Ordering::Equal {
                        return c;
                    }
                }
                a.len().cmp(&b.len())
            }
            _ => self.type_rank().cmp(&other.type_rank()),
        }
    }

    /// As a number, for arithmetic and numeric comparison.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }
}

fn format_float(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{f:.1}")
    } else {
        let s = format!("{f:.6}");
        let s = s.trim_end_matches('0');
        s.to_string()
    }
}

fn node_name(graph: &Graph, n: NodeIndex) -> &str {
    graph
        .petgraph()
        .node_weight(n)
        .map_or("?", |x| x.name.as_str())
}

fn edge_label(graph: &Graph, e: EdgeIndex) -> String {
    match graph.petgraph().edge_weight(e) {
        Some(w) => {
            let mut s = format!("{} {}", w.kind, w.status);
            if let Some(d) = &w.date {
                s.push(' ');
                s.push_str(d);
            }
            s
        }
        None => "?".into(),
    }
}

/// `(Donald Trump)-[met-with occurred 2025-W33]->(Vladimir Putin) @doc`
pub fn edge_summary(graph: &Graph, e: EdgeIndex) -> String {
    let Some((a, b)) = graph.endpoints(e) else {
        return "?".into();
    };
    let doc = graph
        .petgraph()
        .edge_weight(e)
        .map_or("", |w| w.doc.as_str());
    format!(
        "({})-[{}]->({}) @{}",
        node_name(graph, a),
        edge_label(graph, e),
        node_name(graph, b),
        doc
    )
}

fn node_json(graph: &Graph, n: NodeIndex) -> serde_json::Value {
    match graph.petgraph().node_weight(n) {
        Some(x) => json!({"id": x.id, "name": x.name, "kind": x.kind.as_str()}),
        None => serde_json::Value::Null,
    }
}

fn edge_json(graph: &Graph, e: EdgeIndex) -> serde_json::Value {
    let (Some(w), Some((a, b))) = (graph.petgraph().edge_weight(e), graph.endpoints(e)) else {
        return serde_json::Value::Null;
    };
    json!({
        "type": w.kind.as_str(),
        "from": graph.node(a).name,
        "to": graph.node(b).name,
        "status": w.status.as_str(),
        "date": w.date,
        "place": w.place,
        "mode": w.mode.map(|m| m.as_str()),
        "doc": w.doc,
        "sentence": w.sentence,
        "confidence": w.confidence,
        "mentions": w.mentions,
        "content": w.content,
        "event": w.event,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering::*;

    /// Sorting panics on orders that are not total: check transitivity over awkward mixes.
    #[test]
    fn sort_order_is_total() {
        let g = Graph::new();
        let vals = vec![
            Value::String("2025-W01".into()),
            Value::String("2025-01".into()),
            Value::String("2025-0Z".into()),
            Value::String("--08-15".into()),
            Value::String("abc".into()),
            Value::Int(9_007_199_254_740_993),
            Value::Int(9_007_199_254_740_992),
            Value::Float(9_007_199_254_740_992.0),
            Value::Float(f64::NAN),
            Value::Null,
            Value::Bool(true),
            Value::List(vec![Value::Int(1)]),
        ];
        for a in &vals {
            assert_eq!(a.sort_cmp(a, &g), Equal);
            for b in &vals {
                assert_eq!(a.sort_cmp(b, &g), b.sort_cmp(a, &g).reverse());
                for c in &vals {
                    if a.sort_cmp(b, &g) != Greater && b.sort_cmp(c, &g) != Greater {
                        assert_ne!(a.sort_cmp(c, &g), Greater, "{a:?} {b:?} {c:?}");
                    }
                }
            }
        }
        let mut sorted = vals.clone();
        sorted.sort_by(|a, b| a.sort_cmp(b, &g));
        assert_eq!(sorted.last(), Some(&Value::Null));
    }
}
