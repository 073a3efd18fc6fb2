//! The DOT text: nodes styled by kind, one edge per relation between a pair, a legend.

use crate::group::{self, edge, is_content, node, GroupKey};
use crate::style::{node_style, pen_width, relation_color, status_font_color, status_style};
use crate::text::{label_lines, quote_id, quote_text, truncate};
use crate::{DotError, DotOptions};
use newsgraph_extract::{EntityKind, RelationKind, Status};
use newsgraph_graph::petgraph::graph::{EdgeIndex, NodeIndex};
use newsgraph_graph::{Edge, Graph, Node, Selection};
use std::collections::{BTreeSet, HashMap};
use std::io::{BufWriter, Write};

/// Size of a drawing, to warn before rendering something unreadable.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DotStats {
    /// Entities drawn.
    pub nodes: usize,
    /// Edges drawn: one per relation between a pair.
    pub edges: usize,
    /// Statements behind the edges (graph edges, one per relation per document).
    pub statements: usize,
    /// Mentions summed over the statements.
    pub mentions: u64,
}

/// Tooltips list at most this many evidence sentences, aliases or documents.
const TOOLTIP_ITEMS: usize = 10;
/// Evidence sentences and names in tooltips are cut at this many columns.
const TOOLTIP_SENTENCE: usize = 300;
/// Distinct dates or places named in one edge label.
const LABEL_ITEMS: usize = 2;

/// One drawn edge: the statements of one relation between one pair.
struct Drawn<'g> {
    from: &'g Node,
    to: &'g Node,
    kind: RelationKind,
    status: Status,
    statements: Vec<&'g Edge>,
}

/// Writes `selection` as a Graphviz digraph. The output depends only on the selected content,
/// not on insertion order or indices: nodes are keyed and sorted by entity id, edges by their
/// endpoints' ids, kind and status. Apply [`crate::filter`] first for the option filters.
pub fn write_dot(
    graph: &Graph,
    selection: &Selection,
    opts: &DotOptions,
    out: &mut (impl Write + ?Sized),
) -> Result<DotStats, DotError> {
    let edges: Vec<EdgeIndex> = selection
        .edges
        .iter()
        .copied()
        .filter(|&e| edge(graph, e).is_some())
        .collect();
    let mut node_ixs: BTreeSet<NodeIndex> = selection.nodes.clone();
    node_ixs.extend(
        edges
            .iter()
            .filter_map(|&e| graph.endpoints(e))
            .flat_map(|(a, b)| [a, b]),
    );
    let mut nodes: Vec<&Node> = node_ixs.iter().filter_map(|&ix| node(graph, ix)).collect();
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    let drawn = drawn_edges(graph, &edges);

    let stats = DotStats {
        nodes: nodes.len(),
        edges: drawn.len(),
        statements: drawn.iter().map(|d| d.statements.len()).sum(),
        mentions: drawn
            .iter()
            .flat_map(|d| &d.statements)
            .map(|e| u64::from(e.mentions))
            .sum(),
    };

    let mut w = BufWriter::new(out);
    writeln!(
        w,
        "// newsgraph: {} entit{}, {} relation{} ({} statement{}, {} mention{})",
        stats.nodes,
        if stats.nodes == 1 { "y" } else { "ies" },
        stats.edges,
        plural(stats.edges),
        stats.statements,
        plural(stats.statements),
        stats.mentions,
        plural(usize::try_from(stats.mentions).unwrap_or(usize::MAX))
    )?;
    writeln!(w, "digraph \"newsgraph\" {{")?;
    write!(
        w,
        "  graph [charset=\"UTF-8\", fontname=\"Helvetica\", outputorder=edgesfirst"
    )?;
    if let Some(title) = &opts.title {
        let lines = label_lines(title, opts.max_label_len.saturating_mul(2), 0);
        write!(w, ", label={}, labelloc=t, fontsize=16", quote_text(&lines))?;
    }
    writeln!(w, "];")?;
    writeln!(
        w,
        "  node [fontname=\"Helvetica\", fontsize=11, style=filled, color=\"#555555\"];"
    )?;
    writeln!(w, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    if !nodes.is_empty() {
        writeln!(w)?;
    }
    // Content nodes have no documents of their own: they come from the statements.
    let mut content_docs: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for d in drawn.iter().filter(|d| is_content(d.to)) {
        let docs = content_docs.entry(d.to.id.as_str()).or_default();
        docs.extend(d.statements.iter().map(|e| e.doc.as_str()));
    }
    for n in &nodes {
        let docs: Vec<&str> = match content_docs.get(n.id.as_str()) {
            Some(docs) if n.docs.is_empty() => docs.iter().copied().collect(),
            _ => n.docs.iter().map(String::as_str).collect(),
        };
        write_node(&mut w, n, &docs, opts)?;
    }
    if !drawn.is_empty() {
        writeln!(w)?;
    }
    for d in &drawn {
        write_edge(&mut w, d, opts)?;
    }
    if opts.legend && !nodes.is_empty() {
        writeln!(w)?;
        write_legend(&mut w, &nodes, &drawn)?;
    }
    writeln!(w, "}}")?;
    w.flush()?;
    Ok(stats)
}

fn drawn_edges<'g>(graph: &'g Graph, edges: &[EdgeIndex]) -> Vec<Drawn<'g>> {
    let mut drawn: Vec<Drawn<'g>> = group::group(graph, edges.iter().copied())
        .into_iter()
        .filter_map(
            |(
                GroupKey {
                    from,
                    to,
                    kind,
                    status,
                },
                ixs,
            )| {
                let (mut from, mut to) = (node(graph, from)?, node(graph, to)?);
                if kind.is_symmetric() && to.id < from.id {
                    std::mem::swap(&mut from, &mut to);
                }
                let mut statements: Vec<&Edge> =
                    ixs.iter().filter_map(|&e| edge(graph, e)).collect();
                statements.sort_by(|a, b| {
                    (&a.doc, a.start, a.end, &a.sentence, &a.event).cmp(&(
                        &b.doc,
                        b.start,
                        b.end,
                        &b.sentence,
                        &b.event,
                    ))
                });
                Some(Drawn {
                    from,
                    to,
                    kind,
                    status,
                    statements,
                })
            },
        )
        .collect();
    drawn.sort_unstable_by(|a, b| {
        (&a.from.id, &a.to.id, a.kind, a.status).cmp(&(&b.from.id, &b.to.id, b.kind, b.status))
    });
    drawn
}

/// `items`, at most `max` of them, with a count of the rest.
fn some_of(items: &[&str], max: usize, sep: &str) -> String {
    let mut s = items
        .iter()
        .take(max)
        .copied()
        .collect::<Vec<_>>()
        .join(sep);
    if items.len() > max {
        s.push_str(&format!(" (+{})", items.len() - max));
    }
    s
}

fn write_node(
    w: &mut impl Write,
    n: &Node,
    docs: &[&str],
    opts: &DotOptions,
) -> Result<(), DotError> {
    let (shape, fill) = node_style(n.kind);
    let label = label_lines(&n.name, opts.max_label_len, opts.wrap_width);
    let mut tip = vec![n.name.clone(), format!("{} {}", n.kind, n.id)];
    let aliases: Vec<&str> = n.aliases.iter().map(String::as_str).collect();
    if !aliases.is_empty() {
        tip.push(format!("aka {}", some_of(&aliases, TOOLTIP_ITEMS, ", ")));
    }
    if !docs.is_empty() {
        tip.push(format!(
            "{} document{}: {}",
            docs.len(),
            plural(docs.len()),
            some_of(docs, TOOLTIP_ITEMS, ", ")
        ));
    }
    let style = if is_content(n) {
        ", style=\"filled,dashed\""
    } else {
        ""
    };
    writeln!(
        w,
        "  {} [label={}, shape={shape}, fillcolor=\"{fill}\"{style}, tooltip={}];",
        quote_id(&n.id),
        quote_text(&label),
        quote_text(&tip)
    )?;
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn relation_words(kind: RelationKind, status: Status) -> String {
    match status {
        Status::Occurred => kind.as_str().to_string(),
        other => format!("{kind} ({other})"),
    }
}

/// Distinct values of an optional statement field, sorted.
fn distinct<'g>(
    statements: &[&'g Edge],
    field: impl Fn(&'g Edge) -> Option<&'g str>,
) -> Vec<&'g str> {
    let set: BTreeSet<&str> = statements.iter().filter_map(|e| field(e)).collect();
    set.into_iter().collect()
}

fn write_edge(w: &mut impl Write, d: &Drawn<'_>, opts: &DotOptions) -> Result<(), DotError> {
    let mentions: u64 = d.statements.iter().map(|e| u64::from(e.mentions)).sum();
    let dates = distinct(&d.statements, |e| e.date.as_deref());
    let places = distinct(&d.statements, |e| e.place.as_deref());
    let modes = distinct(&d.statements, |e| e.mode.map(|m| m.as_str()));
    let contents = distinct(&d.statements, |e| e.content.as_deref());
    let docs = distinct(&d.statements, |e| Some(e.doc.as_str()));

    let mut head = relation_words(d.kind, d.status);
    if mentions > 1 {
        head.push_str(&format!(" ×{mentions}"));
    }
    let mut label = vec![head];
    let when_where: Vec<String> = [
        some_of(&dates, LABEL_ITEMS, " / "),
        some_of(&places, LABEL_ITEMS, " / "),
        some_of(&modes, LABEL_ITEMS, " / "),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    if !when_where.is_empty() {
        label.extend(label_lines(
            &when_where.join(", "),
            opts.max_label_len,
            opts.wrap_width,
        ));
    }
    // A content node already shows the content.
    if !is_content(d.to) && !contents.is_empty() {
        let text = some_of(&contents, 1, "");
        label.extend(label_lines(&text, opts.max_label_len, opts.wrap_width));
    }

    let mut tip = vec![
        summary(d),
        format!(
            "{mentions} mention{} in {} document{}",
            plural(usize::try_from(mentions).unwrap_or(usize::MAX)),
            docs.len(),
            plural(docs.len())
        ),
    ];
    for (name, values) in [("date", &dates), ("place", &places), ("mode", &modes)] {
        if !values.is_empty() {
            tip.push(format!("{name}: {}", some_of(values, TOOLTIP_ITEMS, ", ")));
        }
    }
    for c in contents.iter().take(TOOLTIP_ITEMS) {
        tip.push(format!("content: {}", truncate(c, TOOLTIP_SENTENCE)));
    }
    for e in d.statements.iter().take(TOOLTIP_ITEMS) {
        tip.push(format!(
            "[{}] {}",
            e.doc,
            truncate(&e.sentence, TOOLTIP_SENTENCE)
        ));
    }
    if d.statements.len() > TOOLTIP_ITEMS {
        tip.push(format!(
            "… and {} more statements",
            d.statements.len() - TOOLTIP_ITEMS
        ));
    }

    write!(
        w,
        "  {} -> {} [label={}, ",
        quote_id(&d.from.id),
        quote_id(&d.to.id),
        quote_text(&label)
    )?;
    write_relation_style(w, d.kind, d.status, mentions)?;
    writeln!(w, ", tooltip={}];", quote_text(&tip))?;
    Ok(())
}

/// "Alice demanded from Bob (planned)": who did what to whom, for the tooltip.
fn summary(d: &Drawn<'_>) -> String {
    let from = truncate(&d.from.name, TOOLTIP_SENTENCE);
    let to = truncate(&d.to.name, TOOLTIP_SENTENCE);
    let (verb, link) = match d.kind {
        RelationKind::MetWith => ("met with", " "),
        RelationKind::Demanded if is_content(d.to) => ("demanded", ": "),
        RelationKind::Proposed if is_content(d.to) => ("proposed", ": "),
        RelationKind::Demanded => ("demanded from", " "),
        RelationKind::Proposed => ("proposed to", " "),
    };
    format!("{from} {verb}{link}{to} ({})", d.status)
}

/// Colour, line style, arrows and pen width of a relation; shared with the legend.
fn write_relation_style(
    w: &mut impl Write,
    kind: RelationKind,
    status: Status,
    mentions: u64,
) -> Result<(), DotError> {
    let (style, arrow) = status_style(status);
    let color = relation_color(kind);
    write!(
        w,
        "color=\"{color}\", fontcolor=\"{}\", style={style}, penwidth={:.1}",
        status_font_color(status),
        pen_width(mentions)
    )?;
    if kind.is_symmetric() {
        if arrow == "normal" {
            write!(w, ", dir=none")?;
        } else {
            write!(w, ", dir=both, arrowhead={arrow}, arrowtail={arrow}")?;
        }
    } else {
        write!(w, ", arrowhead={arrow}")?;
    }
    Ok(())
}

/// Nodes kept side by side, in order.
fn write_row(w: &mut impl Write, row: &[String]) -> Result<(), DotError> {
    if row.len() < 2 {
        return Ok(());
    }
    writeln!(w, "    {{ rank=same; {}; }}", row.join("; "))?;
    writeln!(w, "    {} [style=invis];", row.join(" -> "))?;
    Ok(())
}

fn write_legend(w: &mut impl Write, nodes: &[&Node], drawn: &[Drawn<'_>]) -> Result<(), DotError> {
    // Legend node ids must not be taken by an entity.
    let mut prefix = String::from("legend:");
    while nodes.iter().any(|n| n.id.starts_with(&prefix)) {
        prefix.insert(0, '_');
    }
    let kinds: BTreeSet<EntityKind> = nodes
        .iter()
        .filter(|n| !is_content(n))
        .map(|n| n.kind)
        .collect();
    let content = nodes.iter().any(|n| is_content(n));
    let relations: BTreeSet<(RelationKind, Status)> =
        drawn.iter().map(|d| (d.kind, d.status)).collect();

    writeln!(w, "  subgraph \"cluster_legend\" {{")?;
    writeln!(
        w,
        "    graph [label=\"Legend\", fontsize=10, style=rounded, color=\"#999999\"];"
    )?;
    writeln!(w, "    node [fontsize=9];")?;
    // Kinds side by side on one row, then one row per relation style, stacked by invisible
    // edges so that Graphviz keeps the legend compact and in order.
    let mut row: Vec<String> = Vec::new();
    for kind in &kinds {
        let (shape, fill) = node_style(*kind);
        let id = quote_id(&format!("{prefix}{kind}"));
        writeln!(
            w,
            "    {id} [label=\"{kind}\", shape={shape}, fillcolor=\"{fill}\", tooltip=\"entity kind {kind}\"];"
        )?;
        row.push(id);
    }
    if content {
        let (shape, fill) = node_style(EntityKind::Misc);
        let id = quote_id(&format!("{prefix}content"));
        writeln!(
            w,
            "    {id} [label=\"demand/proposal\\ncontent\", shape={shape}, fillcolor=\"{fill}\", style=\"filled,dashed\", tooltip=\"what was demanded or proposed, when no addressee is named\"];"
        )?;
        row.push(id);
    }
    write_row(w, &row)?;
    let mut above = row.first().cloned();
    for (kind, status) in &relations {
        let a = quote_id(&format!("{prefix}{kind}:{status}:a"));
        let b = quote_id(&format!("{prefix}{kind}:{status}:b"));
        for id in [&a, &b] {
            writeln!(
                w,
                "    {id} [label=\"\", shape=point, width=0.05, color=\"#999999\"];"
            )?;
        }
        write!(
            w,
            "    {a} -> {b} [label={}, minlen=3, ",
            quote_text(&[relation_words(*kind, *status)])
        )?;
        write_relation_style(w, *kind, *status, 1)?;
        writeln!(w, "];")?;
        writeln!(w, "    {{ rank=same; {a}; {b}; }}")?;
        if let Some(prev) = above.replace(a.clone()) {
            writeln!(w, "    {prev} -> {a} [style=invis];")?;
        }
    }
    writeln!(w, "  }}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_extract::Mode;

    fn add(g: &mut Graph, id: &str, kind: EntityKind) -> NodeIndex {
        g.add_node(Node {
            id: id.into(),
            name: id.to_uppercase(),
            kind,
            aliases: vec![],
            docs: vec![],
        })
    }

    fn stmt(kind: RelationKind, doc: &str, mentions: u32) -> Edge {
        Edge {
            kind,
            status: Status::Occurred,
            date: Some("2025-08-15".into()),
            place: Some("Oslo".into()),
            mode: Some(Mode::Phone),
            doc: doc.into(),
            sentence: format!("sentence of {doc}"),
            start: 0,
            end: 1,
            confidence: 1.0,
            mentions,
            content: None,
            event: doc.into(),
        }
    }

    fn dot(g: &Graph, opts: &DotOptions) -> (String, DotStats) {
        let mut out = Vec::new();
        let stats = write_dot(g, &Selection::all(g), opts, &mut out).unwrap();
        (String::from_utf8(out).unwrap(), stats)
    }

    #[test]
    fn repeated_statements_are_one_edge_counting_mentions() {
        let mut g = Graph::new();
        let a = add(&mut g, "a", EntityKind::Person);
        let b = add(&mut g, "b", EntityKind::Person);
        g.add_edge(a, b, stmt(RelationKind::MetWith, "d1", 2));
        g.add_edge(b, a, stmt(RelationKind::MetWith, "d2", 3));
        g.add_edge(b, a, stmt(RelationKind::Demanded, "d2", 1));
        g.add_edge(a, b, stmt(RelationKind::Demanded, "d3", 1));
        let (text, stats) = dot(&g, &DotOptions::default());
        assert_eq!(
            stats,
            DotStats {
                nodes: 2,
                edges: 3,
                statements: 4,
                mentions: 7
            }
        );
        let met: Vec<&str> = text.lines().filter(|l| l.contains("met-with ×5")).collect();
        assert_eq!(met.len(), 1, "{text}");
        assert!(
            met[0].starts_with("  \"a\" -> \"b\""),
            "ordered by id: {}",
            met[0]
        );
        assert!(met[0].contains("dir=none") && met[0].contains("penwidth=4.5"));
        assert!(met[0].contains("5 mentions in 2 documents"));
        assert!(met[0].contains("[d1] sentence of d1\\n[d2] sentence of d2"));
        // Demands keep their direction: one each way.
        assert!(text.contains("\"a\" -> \"b\" [label=\"demanded\\n"));
        assert!(text.contains("\"b\" -> \"a\" [label=\"demanded\\n"));
    }

    #[test]
    fn indices_from_another_graph_are_skipped() {
        let mut g = Graph::new();
        add(&mut g, "a", EntityKind::Person);
        let mut sel = Selection::all(&g);
        sel.nodes.insert(NodeIndex::new(99));
        sel.edges.insert(EdgeIndex::new(99));
        let mut out = Vec::new();
        let stats = write_dot(&g, &sel, &DotOptions::default(), &mut out).unwrap();
        assert_eq!((stats.nodes, stats.edges), (1, 0));
        let filtered = crate::filter(&g, &sel, &DotOptions::default());
        assert_eq!(filtered.nodes.len(), 1);
        assert!(filtered.edges.is_empty());
    }

    #[test]
    fn writes_to_trait_objects() {
        let g = Graph::new();
        let mut buf = Vec::new();
        let w: &mut dyn Write = &mut buf;
        write_dot(&g, &Selection::all(&g), &DotOptions::default(), w).unwrap();
        assert!(buf.ends_with(b"}\n"));
    }

    #[test]
    fn legend_lists_what_is_drawn_under_ids_no_entity_has() {
        let mut g = Graph::new();
        let a = add(&mut g, "legend:PERSON", EntityKind::Person);
        let b = add(&mut g, "_legend:x", EntityKind::Org);
        g.add_edge(a, b, stmt(RelationKind::Proposed, "d", 1));
        let (text, _) = dot(&g, &DotOptions::default());
        assert!(
            text.contains("\"__legend:PERSON\" [label=\"PERSON\""),
            "{text}"
        );
        assert!(text.contains("\"__legend:ORG\" [label=\"ORG\""));
        assert!(!text.contains("label=\"GPE\""));
        assert!(text.contains("label=\"proposed\", minlen=3"));
        let (bare, _) = dot(
            &g,
            &DotOptions {
                legend: false,
                ..DotOptions::default()
            },
        );
        assert!(!bare.contains("cluster_legend"));
    }

    #[test]
    fn labels_carry_date_place_and_mode_and_are_cut() {
        let mut g = Graph::new();
        let a = add(&mut g, "a", EntityKind::Person);
        let long = add(&mut g, &"x".repeat(100), EntityKind::Org);
        g.add_edge(a, long, stmt(RelationKind::MetWith, "d", 1));
        let opts = DotOptions {
            max_label_len: 30,
            wrap_width: 0,
            title: Some("T".into()),
            ..DotOptions::default()
        };
        let (text, _) = dot(&g, &opts);
        assert!(
            text.contains("label=\"met-with\\n2025-08-15, Oslo, phone\""),
            "{text}"
        );
        assert!(text.contains(&format!("label=\"{}…\"", "X".repeat(29))));
        assert!(text.contains("label=\"T\", labelloc=t"));
    }
}
