//! RETURN: projection, implicit grouping and aggregation, DISTINCT, ORDER BY, SKIP and LIMIT.

use crate::error::QueryError;
use crate::eval::{eval, Scope};
use crate::interrupt::Interrupt;
use crate::matcher::find;
use crate::plan::Plan;
use crate::value::Value;
use newsgraph_graph::Graph;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// Runs the match steps and the projection: the result's columns and rows.
pub fn execute(
    plan: &Plan,
    graph: &Graph,
    interrupt: &Interrupt,
) -> Result<Vec<Vec<Value>>, QueryError> {
    let p = &plan.projection;
    let streaming = !p.aggregate && !p.distinct && p.order.is_empty();
    let cap = if streaming {
        p.limit.map(|l| l.saturating_add(p.skip.unwrap_or(0)))
    } else {
        None
    };
    let bindings = find(plan, graph, cap, interrupt)?;

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
                    let v = eval(it, &Scope::row(b), graph)?;
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
            let ctx = Scope {
                row: rep,
                cols: &[],
                group: Some(members),
            };
            let cols: Vec<Value> = p
                .items
                .iter()
                .map(|it| eval(it, &ctx, graph))
                .collect::<Result<_, _>>()?;
            let ctx = Scope {
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
            let ctx = Scope::row(b);
            let cols: Vec<Value> = p
                .items
                .iter()
                .map(|it| eval(it, &ctx, graph))
                .collect::<Result<_, _>>()?;
            let ctx = Scope {
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
