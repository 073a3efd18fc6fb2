//! The order in which patterns are matched: start nodes chosen by selectivity, expansions, and
//! conditions placed as early as their variables allow. The `Display` of a [`Plan`] is what
//! EXPLAIN prints.

use crate::ast::{self, Arrow, BinOp, Expr, ExprKind, Span};
use crate::error::QueryError;
use crate::resolve::{
    Ctx, NodeCheck, NodeProp, RExpr, RelSpec, Slot, VarKind, EDGE_PROPS, NODE_PROPS,
};
use crate::value::Value;
use newsgraph_extract::EntityKind;
use newsgraph_graph::Graph;
use std::collections::HashMap;
use std::fmt;

/// Most nodes plus relationships in all patterns of a query: matching recurses once per element.
pub const MAX_PATTERN_ELEMENTS: usize = 200;

/// Most relationships all patterns may span together (the sum of their maximum lengths):
/// matching recurses once per hop.
pub const MAX_TOTAL_HOPS: usize = 256;

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
pub enum Step {
    Start {
        slot: usize,
        source: Source,
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
        /// Every shortest path rather than the first found.
        all: bool,
        from: usize,
        to: usize,
        to_bound: bool,
        check: NodeCheck,
        rel: RelSpec,
        rel_slot: Option<usize>,
        segment: usize,
        reversed: bool,
    },
    Filter(RExpr),
    /// Start of an OPTIONAL MATCH block: if no match reaches its `OptionalEnd` (at `end`), go on
    /// from there once with `slots` null.
    OptionalBegin {
        end: usize,
        slots: Vec<usize>,
    },
    OptionalEnd,
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

/// A checked, ordered query, ready to run; `Display` prints it for EXPLAIN.
#[derive(Debug, Clone)]
pub struct Plan {
    pub(crate) slots: Vec<Slot>,
    pub(crate) steps: Vec<Step>,
    pub(crate) projection: Projection,
    /// Human-readable notes, one per step, computed while planning.
    notes: Vec<String>,
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
    let mut total_hops = 0usize;
    // Declare every variable first so WHERE may refer to any of them.
    let mut declared = Vec::new();
    // The clause that introduced each slot.
    let mut first_clause: Vec<usize> = Vec::new();
    for (ci, m) in q.matches.iter().enumerate() {
        for p in &m.patterns {
            if p.shortest && p.rels.len() != 1 {
                return Err(ctx.err(
                    p.span,
                    "shortestPath and allShortestPaths take one relationship between two nodes: shortestPath((a)-[:met_with*]-(b))".into(),
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
                    if !p.shortest {
                        total_hops += spec.max as usize;
                        if total_hops > MAX_TOTAL_HOPS {
                            return Err(ctx.err(
                                r.span,
                                format!("the patterns may span more than {MAX_TOTAL_HOPS} relationships in all; lower the maximum lengths"),
                                None,
                            ));
                        }
                    }
                    let kind = if spec.var_length || p.shortest {
                        VarKind::RelList
                    } else {
                        VarKind::Rel
                    };
                    if p.shortest && spec.min > 1 {
                        return Err(ctx.err(
                            r.span,
                            "shortest paths need a minimum length of 0 or 1".into(),
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
        first_clause.resize(ctx.slots.len(), ci);
    }
    let optional = |ci: usize| q.matches.get(ci).is_some_and(|m| m.optional);

    // Resolve WHERE conditions and harvest index hints, per clause.
    let none = HashMap::new();
    let mut filters: Vec<(usize, RExpr, String, Vec<usize>)> = Vec::new();
    let mut hints = Hints::default();
    for (ci, m) in q.matches.iter().enumerate() {
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
            let slots = r.slots();
            if let Some(&late) = slots.iter().find(|s| {
                first_clause
                    .get(**s)
                    .is_some_and(|c| *c > ci && optional(*c))
            }) {
                return Err(ctx.err(
                    part.span,
                    format!(
                        "`{}` is introduced by a later OPTIONAL MATCH and cannot be used here",
                        ctx.slots[late].name
                    ),
                    None,
                ));
            }
            if let RExpr::Bin(BinOp::Eq, a, b) = &r {
                if let (RExpr::NodeProp(s, p), RExpr::Lit(Value::String(v)))
                | (RExpr::Lit(Value::String(v)), RExpr::NodeProp(s, p)) = (&**a, &**b)
                {
                    // A hint may only narrow a variable its own group of clauses introduces.
                    let same_group = first_clause.get(*s).is_some_and(|c| {
                        if optional(ci) {
                            *c == ci
                        } else {
                            !optional(*c)
                        }
                    });
                    match p {
                        NodeProp::Name if same_group => {
                            hints.name.insert(*s, v.clone());
                        }
                        NodeProp::Id if same_group => {
                            hints.id.insert(*s, v.clone());
                        }
                        _ => {}
                    }
                }
            }
            let text = one_line(source.get(part.span.start..part.span.end).unwrap_or(""));
            filters.push((ci, r, text, slots));
        }
    }

    // The MATCH clauses together first, then each OPTIONAL MATCH as a block of its own.
    let mut bound = vec![false; ctx.slots.len()];
    let mut steps = Vec::new();
    let mut notes = Vec::new();
    let mut groups: Vec<Option<usize>> = vec![None];
    groups.extend((0..q.matches.len()).filter(|c| optional(*c)).map(Some));
    for group in groups {
        let in_group = |ci: usize| match group {
            None => !optional(ci),
            Some(g) => ci == g,
        };
        let (mine, rest): (Vec<Declared>, Vec<Declared>) =
            declared.into_iter().partition(|d| in_group(d.clause));
        declared = rest;
        let mut pending: Vec<(RExpr, String, Vec<usize>)> = Vec::new();
        let mut others = Vec::new();
        for f in filters {
            if in_group(f.0) {
                pending.push((f.1, f.2, f.3));
            } else {
                others.push(f);
            }
        }
        filters = others;
        let begin = steps.len();
        if let Some(g) = group {
            let new: Vec<usize> = (0..ctx.slots.len())
                .filter(|s| first_clause.get(*s) == Some(&g))
                .collect();
            let names: Vec<&str> = new
                .iter()
                .filter(|s| ctx.slots[**s].named)
                .map(|s| ctx.slots[*s].name.as_str())
                .collect();
            notes.push(format!(
                "-- OPTIONAL MATCH {}: without a match, go on once with {} null",
                g + 1,
                if names.is_empty() {
                    "nothing".to_string()
                } else {
                    names.join(", ")
                }
            ));
            steps.push(Step::OptionalBegin { end: 0, slots: new });
        }
        plan_group(
            &ctx, graph, mine, pending, &hints, &mut bound, &mut steps, &mut notes,
        );
        if group.is_some() {
            let end = steps.len();
            if let Some(Step::OptionalBegin { end: e, .. }) = steps.get_mut(begin) {
                *e = end;
            }
            notes.push("-- end of OPTIONAL MATCH".into());
            steps.push(Step::OptionalEnd);
        }
    }

    let projection = project(&ctx, &q.ret)?;
    Ok(Plan {
        slots: ctx.slots,
        steps,
        projection,
        notes,
    })
}

/// Orders one group of patterns greedily (cheapest start given what is bound) and places its
/// conditions; conditions left over (constants) run at the end of the group.
#[allow(clippy::too_many_arguments)]
fn plan_group(
    ctx: &Ctx,
    graph: &Graph,
    mut remaining: Vec<Declared>,
    mut pending: Vec<(RExpr, String, Vec<usize>)>,
    hints: &Hints,
    bound: &mut [bool],
    steps: &mut Vec<Step>,
    notes: &mut Vec<String>,
) {
    place_filters(&mut pending, bound, steps, notes);
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
                let (est, src) = estimate(graph, *slot, check, bound, hints);
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
            ctx,
            d,
            ni,
            est,
            src,
            bound,
            steps,
            notes,
            &mut pending,
            hints,
        );
    }
    for (r, text, _) in pending {
        notes.push(format!("filter {text}"));
        steps.push(Step::Filter(r));
    }
}

/// Query text for a plan line: whitespace runs, newlines included, become one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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

fn describe_rel(r: &RelSpec, shortest: Option<bool>) -> String {
    let types = r.types.as_ref().map_or("any type".to_string(), |ts| {
        ts.iter().map(|t| t.as_str()).collect::<Vec<_>>().join("|")
    });
    let dir = match r.arrow {
        Arrow::Right => "outgoing",
        Arrow::Left => "incoming",
        Arrow::Both => "either direction",
    };
    let len = if shortest == Some(true) {
        format!(
            ", {}..{} hops, every shortest path per end node",
            r.min, r.max
        )
    } else if shortest.is_some() {
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
    let text = one_line(
        ctx.source
            .get(d.pattern.span.start..d.pattern.span.end)
            .unwrap_or(""),
    );
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
                    check: check.clone(),
                });
                bound[to] = true;
                place_filters(pending, bound, steps, notes);
            }
        }
        let to_bound = bound[to];
        let verb = if d.pattern.all_shortest {
            "all shortest paths (breadth-first)"
        } else if d.pattern.shortest {
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
            describe_rel(&rel, d.pattern.shortest.then_some(d.pattern.all_shortest),),
            describe_check(ctx, &check)
        ));
        if d.pattern.shortest {
            steps.push(Step::Shortest {
                all: d.pattern.all_shortest,
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
            steps.push(Step::Filter(r));
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
