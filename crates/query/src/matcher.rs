//! Pattern matching over the petgraph view: a depth-first walk through the plan's steps,
//! starting from index lookups and expanding through neighbours, so the work done follows the
//! part of the graph the patterns touch.

use crate::ast::Arrow;
use crate::error::QueryError;
use crate::eval::{edge_prop, eval, node_prop, truthy, values_eq, Scope};
use crate::interrupt::Interrupt;
use crate::plan::{Plan, Source, Step};
use crate::resolve::{NodeCheck, NodeProp, RelSpec};
use crate::value::{Path, Value};
use newsgraph_extract::EntityKind;
use newsgraph_graph::petgraph::graph::{EdgeIndex, NodeIndex};
use newsgraph_graph::Graph;
use std::collections::{HashMap, VecDeque};

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
    /// For each OPTIONAL MATCH block being tried: whether it matched at least once.
    optional_hits: Vec<bool>,
    interrupt: &'a Interrupt,
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
        // An atomic load per edge would be cheap too, but every 1024th is enough for a person.
        if self.work.is_multiple_of(1024) && self.interrupt.is_set() {
            return Err(QueryError::Interrupted);
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
            Step::OptionalBegin { end, slots } => {
                self.optional_hits.push(false);
                let r = self.step(i + 1, row, used);
                let hit = self.optional_hits.pop().unwrap_or(true);
                r?;
                if !hit {
                    for s in slots {
                        row[*s] = Value::Null;
                    }
                    self.step(end + 1, row, used)?;
                }
            }
            Step::OptionalEnd => {
                if let Some(hit) = self.optional_hits.last_mut() {
                    *hit = true;
                }
                self.step(i + 1, row, used)?;
            }
            Step::Filter(e) => {
                if truthy(&eval(e, &Scope::row(row), self.graph)?) {
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
                all,
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
                for (end, mut nodes, mut edges) in self.bfs(start, target, check, rel, *all)? {
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

    /// Breadth-first search: for each reachable end node in discovery order, its first shortest
    /// path, or with `all` every shortest path.
    #[allow(clippy::type_complexity)]
    fn bfs(
        &mut self,
        start: NodeIndex,
        target: Option<NodeIndex>,
        check: &NodeCheck,
        rel: &RelSpec,
        all: bool,
    ) -> Result<Vec<(NodeIndex, Vec<NodeIndex>, Vec<EdgeIndex>)>, QueryError> {
        let graph = self.graph;
        // Each reached node's distance, and the edges reaching it from one step closer.
        let mut dist: HashMap<NodeIndex, u32> = HashMap::from([(start, 0)]);
        let mut parents: HashMap<NodeIndex, Vec<(NodeIndex, EdgeIndex)>> = HashMap::new();
        let mut queue = VecDeque::from([(start, 0u32)]);
        let mut ends = Vec::new();
        let mut found_at: Option<u32> = None;
        let accept = |n: NodeIndex| target.is_none_or(|t| t == n) && node_ok(graph, n, check);
        if rel.min == 0 && accept(start) {
            ends.push(start);
            found_at = Some(0);
        }
        while let Some((here, d)) = queue.pop_front() {
            // A bound target ends the search once found, or once its level is complete when
            // every shortest path is wanted.
            let target_done = target.is_some() && found_at.is_some_and(|f| !all || d >= f);
            if d >= rel.max || target_done {
                break;
            }
            for (e, other) in graph.neighbours(here, None) {
                self.tick()?;
                if !edge_ok(graph, e, here, rel) {
                    continue;
                }
                match dist.get(&other) {
                    Some(&od) => {
                        if all && od == d + 1 {
                            parents.entry(other).or_default().push((here, e));
                        }
                    }
                    None => {
                        dist.insert(other, d + 1);
                        parents.entry(other).or_default().push((here, e));
                        if accept(other) {
                            ends.push(other);
                            found_at.get_or_insert(d + 1);
                        }
                        queue.push_back((other, d + 1));
                    }
                }
            }
        }
        let mut out = Vec::new();
        for end in ends {
            let mut paths = Vec::new();
            let mut nodes = vec![end];
            let mut edges = Vec::new();
            self.unwind(end, &parents, all, &mut nodes, &mut edges, &mut paths)?;
            for (mut nodes, mut edges) in paths {
                nodes.reverse();
                edges.reverse();
                out.push((end, nodes, edges));
            }
        }
        Ok(out)
    }

    /// Follows parent edges back to the start (which has none): one path, or all of them.
    #[allow(clippy::type_complexity)]
    fn unwind(
        &mut self,
        at: NodeIndex,
        parents: &HashMap<NodeIndex, Vec<(NodeIndex, EdgeIndex)>>,
        all: bool,
        nodes: &mut Vec<NodeIndex>,
        edges: &mut Vec<EdgeIndex>,
        out: &mut Vec<(Vec<NodeIndex>, Vec<EdgeIndex>)>,
    ) -> Result<(), QueryError> {
        let Some(ps) = parents.get(&at) else {
            out.push((nodes.clone(), edges.clone()));
            return Ok(());
        };
        let take = if all { ps.len() } else { 1 };
        for &(p, e) in ps.iter().take(take) {
            self.tick()?;
            nodes.push(p);
            edges.push(e);
            let r = self.unwind(p, parents, all, nodes, edges, out);
            nodes.pop();
            edges.pop();
            r?;
        }
        Ok(())
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

/// Every binding of the plan's variables that satisfies its patterns and conditions, in match
/// order; stops after `cap` matches if given.
pub fn find(
    plan: &Plan,
    graph: &Graph,
    cap: Option<usize>,
    interrupt: &Interrupt,
) -> Result<Vec<Vec<Value>>, QueryError> {
    let mut m = Matcher {
        graph,
        steps: &plan.steps,
        work: 0,
        out: Vec::new(),
        cap,
        optional_hits: Vec::new(),
        interrupt,
    };
    let mut row = vec![Value::Null; plan.slots.len()];
    let mut used = Vec::new();
    m.step(0, &mut row, &mut used)?;
    Ok(m.out)
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
    fn an_interrupt_stops_a_long_traversal() {
        let mut g = Graph::new();
        let hub = node(&mut g, "hub", EntityKind::Person);
        for i in 0..3000 {
            let n = node(&mut g, &format!("n{i}"), EntityKind::Person);
            g.add_edge(hub, n, edge(RelationKind::MetWith, Status::Occurred, None));
        }
        let q = "MATCH (a)-[:met_with]-(b) RETURN count(*)";
        let stop = crate::Interrupt::new();
        stop.interrupt();
        assert_eq!(
            crate::run_interruptible(&g, q, &stop).err(),
            Some(crate::QueryError::Interrupted)
        );
        stop.reset();
        assert!(crate::run_interruptible(&g, q, &stop).is_ok());
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
    fn all_shortest_paths_are_every_shortest_path() {
        let mut g = graph();
        // A second bob-carol meeting makes two shortest alice..dave paths.
        let b = g.nodes_named("bob")[0];
        let c = g.nodes_named("carol")[0];
        g.add_edge(b, c, edge(RelationKind::MetWith, Status::Planned, None));
        let q = "MATCH p = allShortestPaths((a {name: 'alice'})-[:met_with*]-(d {name: 'dave'})) RETURN length(p), count(*)";
        let out = crate::run(&g, q).unwrap_or_else(|e| panic!("{}", e.render(q)));
        assert_eq!(
            out.text_rows().to_vec(),
            vec![vec!["3".to_string(), "2".to_string()]]
        );
        let q = q.replace("allShortestPaths", "shortestPath");
        let out = crate::run(&g, &q).unwrap_or_else(|e| panic!("{}", e.render(&q)));
        assert_eq!(
            out.text_rows().to_vec(),
            vec![vec!["3".to_string(), "1".to_string()]]
        );
    }

    #[test]
    fn optional_match_keeps_rows_without_a_match() {
        assert_eq!(
            flat("MATCH (p:PERSON) OPTIONAL MATCH (p)-[:demanded]->(o) RETURN p.name, o.name ORDER BY p.name"),
            ["alice acme", "bob null", "carol null", "dave null"]
        );
        assert_eq!(
            flat("MATCH (p:PERSON) OPTIONAL MATCH (p)-[r:met_with]-(q) WHERE q.name = 'bob' RETURN p.name, count(r) ORDER BY p.name"),
            ["alice 1", "bob 0", "carol 1", "dave 0"]
        );
        // A hint from the optional WHERE must not narrow the MATCH part.
        assert_eq!(
            flat("MATCH (p:PERSON) OPTIONAL MATCH (p)-[:met_with]-(q) WHERE p.name = 'alice' RETURN count(DISTINCT p)"),
            ["4"]
        );
        assert_eq!(
            flat("MATCH (p {name: 'dave'}) OPTIONAL MATCH (p)-[:demanded]->(o) OPTIONAL MATCH (p)-[:met_with]-(q) RETURN o, q"),
            ["null carol"]
        );
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
