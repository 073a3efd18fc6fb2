//! Test cases as data: a graph, what to select and the options, in JSON.

#![allow(dead_code)]

use newsgraph_dot::{filter, neighbourhood, write_dot, DotOptions, DotStats, Selection};
use newsgraph_extract::{EntityKind, Mode, RelationKind, Status};
use newsgraph_graph::{Edge, Graph, Node};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

pub fn case_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/dot")
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    #[serde(default)]
    pub options: CaseOptions,
    /// Names to draw the neighbourhood of; empty draws everything.
    #[serde(default)]
    pub around: Vec<String>,
    #[serde(default)]
    pub hops: usize,
    pub nodes: Vec<CaseNode>,
    #[serde(default)]
    pub edges: Vec<CaseEdge>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseNode {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub docs: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseEdge {
    pub from: String,
    /// Entity id of the object; none points at the content node.
    pub to: Option<String>,
    pub kind: RelationKind,
    pub status: Status,
    pub date: Option<String>,
    pub place: Option<String>,
    pub mode: Option<Mode>,
    pub doc: String,
    pub sentence: String,
    #[serde(default)]
    pub start: usize,
    #[serde(default = "one")]
    pub mentions: u32,
    pub content: Option<String>,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseOptions {
    #[serde(default)]
    pub kinds: Vec<RelationKind>,
    #[serde(default)]
    pub statuses: Vec<Status>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub keep_undated: Option<bool>,
    pub min_mentions: Option<u64>,
    pub content: Option<bool>,
    pub legend: Option<bool>,
    pub connected_only: Option<bool>,
    pub max_label_len: Option<usize>,
    pub wrap_width: Option<usize>,
    pub title: Option<String>,
}

impl CaseOptions {
    pub fn to_options(&self) -> DotOptions {
        let d = DotOptions::default();
        DotOptions {
            kinds: self.kinds.iter().copied().collect(),
            statuses: self.statuses.iter().copied().collect(),
            since: self.since.as_deref().map(|s| s.parse().expect("since")),
            until: self.until.as_deref().map(|s| s.parse().expect("until")),
            keep_undated: self.keep_undated.unwrap_or(d.keep_undated),
            min_mentions: self.min_mentions.unwrap_or(d.min_mentions),
            content: self.content.unwrap_or(d.content),
            legend: self.legend.unwrap_or(d.legend),
            connected_only: self.connected_only.unwrap_or(d.connected_only),
            max_label_len: self.max_label_len.unwrap_or(d.max_label_len),
            wrap_width: self.wrap_width.unwrap_or(d.wrap_width),
            title: self.title.clone(),
        }
    }
}

impl Case {
    pub fn load(path: &std::path::Path) -> Case {
        let text = std::fs::read_to_string(path).expect("read case");
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The graph, with nodes and edges added in file order or reversed.
    pub fn graph(&self, reversed: bool) -> Graph {
        let mut g = Graph::new();
        let mut nodes: Vec<&CaseNode> = self.nodes.iter().collect();
        let mut edges: Vec<(usize, &CaseEdge)> = self.edges.iter().enumerate().collect();
        if reversed {
            nodes.reverse();
            edges.reverse();
        }
        for n in nodes {
            g.add_node(Node {
                id: n.id.clone(),
                name: n.name.clone(),
                kind: n.kind,
                aliases: n.aliases.clone(),
                docs: n.docs.clone(),
            });
        }
        for (i, e) in edges {
            let from = g.node_by_id(&e.from).expect("edge source is a node");
            let to = match &e.to {
                Some(id) => g.node_by_id(id).expect("edge target is a node"),
                None => g.content_node(e.content.as_deref().expect("content")),
            };
            g.add_edge(
                from,
                to,
                Edge {
                    kind: e.kind,
                    status: e.status,
                    date: e.date.clone(),
                    place: e.place.clone(),
                    mode: e.mode,
                    doc: e.doc.clone(),
                    sentence: e.sentence.clone(),
                    start: e.start,
                    end: e.start + e.sentence.chars().count(),
                    confidence: 0.9,
                    mentions: e.mentions,
                    content: e.content.clone(),
                    event: format!("{}#r{i}", e.doc),
                },
            );
        }
        g
    }

    pub fn selection(&self, g: &Graph) -> Selection {
        if self.around.is_empty() {
            return Selection::all(g);
        }
        let start: BTreeSet<_> = self
            .around
            .iter()
            .flat_map(|n| g.nodes_named(n).iter().copied())
            .collect();
        let start: Vec<_> = start.into_iter().collect();
        neighbourhood(g, &start, self.hops)
    }

    /// Filters and writes the case.
    pub fn export(&self, reversed: bool) -> (String, DotStats) {
        let g = self.graph(reversed);
        let opts = self.options.to_options();
        let sel = filter(&g, &self.selection(&g), &opts);
        let mut out = Vec::new();
        let stats = write_dot(&g, &sel, &opts, &mut out).expect("write_dot");
        (String::from_utf8(out).expect("DOT is UTF-8"), stats)
    }
}

fn graphviz_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs `dot -T<format>` on `dot`, returning its output, or `None` (with a notice) when
/// Graphviz is not installed. Fails on any error or warning.
pub fn run_graphviz(what: &str, dot: &str, format: &str) -> Option<String> {
    if !graphviz_available() {
        eprintln!("notice: Graphviz `dot` not found, skipping the Graphviz check of {what}");
        return None;
    }
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dot");
    let mut stdin = child.stdin.take().expect("stdin");
    let source = dot.to_string();
    let feeder = std::thread::spawn(move || stdin.write_all(source.as_bytes()));
    let out = child.wait_with_output().expect("dot output");
    feeder.join().expect("feeder").expect("write to dot");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "Graphviz rejected {what}: {stderr}\n{dot}"
    );
    // Missing fonts depend on the machine, not on our DOT.
    let complaints: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.to_ascii_lowercase().contains("font"))
        .collect();
    assert!(
        complaints.is_empty(),
        "Graphviz complained about {what}: {stderr}"
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn check_with_graphviz(what: &str, dot: &str) {
    if let Some(svg) = run_graphviz(what, dot, "svg") {
        assert!(svg.contains("</svg>"), "{what}: no SVG");
    }
}
