//! What Graphviz makes of our DOT: names shown literally, one node per entity, rendered files.

mod common;

use common::{case_dir, run_graphviz, Case};
use newsgraph_dot::{render, write_dot, DotOptions, RenderFormat, Selection};
use newsgraph_extract::EntityKind;
use newsgraph_graph::{Graph, Node};

/// Text of the SVG's `<text>` elements, XML entities decoded.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = t.split_once('>')?.1;
            Some(xml_unescape(body.split_once("</text>")?.0))
        })
        .collect()
}

fn xml_unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(end) = after.find(';') else {
            out.push_str(&rest[i..]);
            return out;
        };
        let entity = &after[..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e => e
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| e.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn unwrapped(name: &str) -> Case {
    let mut case = Case::load(&case_dir().join(name));
    case.options.legend = Some(false);
    case.options.max_label_len = Some(0);
    case.options.wrap_width = Some(0);
    case
}

#[test]
fn names_are_shown_literally() {
    let case = unwrapped("nasty_names.json");
    let (dot, _) = case.export(false);
    let Some(svg) = run_graphviz("nasty names", &dot, "svg") else {
        return;
    };
    let texts = svg_texts(&svg);
    for node in &case.nodes {
        let shown: String = node
            .name
            .chars()
            .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
            .collect();
        for line in shown.split('\n').filter(|l| !l.trim().is_empty()) {
            assert!(
                texts.iter().any(|t| t == line),
                "{line:?} not shown; texts: {texts:?}"
            );
        }
    }
}

#[test]
fn every_entity_and_relation_is_its_own_graphviz_object() {
    for name in ["nasty_names.json", "basic.json"] {
        let case = unwrapped(name);
        let (dot, stats) = case.export(false);
        let Some(svg) = run_graphviz(name, &dot, "svg") else {
            return;
        };
        assert_eq!(svg.matches("class=\"node\"").count(), stats.nodes, "{name}");
        assert_eq!(svg.matches("class=\"edge\"").count(), stats.edges, "{name}");
    }
}

#[test]
fn tooltips_carry_evidence_into_the_svg() {
    let (dot, _) = Case::load(&case_dir().join("basic.json")).export(false);
    let Some(svg) = run_graphviz("basic", &dot, "svg") else {
        return;
    };
    let titles: Vec<String> = svg
        .split("xlink:title=\"")
        .skip(1)
        .filter_map(|t| t.split_once('"').map(|(v, _)| xml_unescape(v)))
        .collect();
    assert!(titles.iter().any(|t| t.contains(
        "[ap-0815] Trump met Putin in Anchorage on Friday.\n[rt-0816] Putin and Trump held talks"
    )));
    assert!(titles
        .iter()
        .any(|t| t.contains("wd:Q22686") && t.contains("aka Trump, President Trump")));
}

#[test]
fn render_writes_each_format() {
    let (dot, _) = Case::load(&case_dir().join("basic.json")).export(false);
    if run_graphviz("basic", &dot, "canon").is_none() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("newsgraph-dot-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (format, magic) in [
        (RenderFormat::Svg, &b"<?xml"[..]),
        (RenderFormat::Png, &b"\x89PNG"[..]),
        (RenderFormat::Pdf, &b"%PDF"[..]),
    ] {
        let path = dir.join(format!("basic.{format}"));
        render(&dot, format, &path).expect("render");
        let bytes = std::fs::read(&path).expect("rendered file");
        assert!(bytes.starts_with(magic), "{format}");
    }
    let broken = render(
        "digraph { a -> }",
        RenderFormat::Svg,
        &dir.join("broken.svg"),
    );
    assert!(
        matches!(broken, Err(newsgraph_dot::DotError::GraphvizFailed { .. })),
        "{broken:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Characters that have tripped DOT writers: quoting, escapes, entities, DOT syntax, wide and
/// combining characters, controls.
const NASTY: &[&str] = &[
    "\"",
    "\\",
    "\\\"",
    "\n",
    "\t",
    "\r",
    "\u{1}",
    "\u{7f}",
    "\u{85}",
    "&",
    "&amp;",
    "&#65;",
    "<",
    ">",
    "<b>",
    ";",
    ",",
    "=",
    "{",
    "}",
    "[",
    "]",
    "->",
    "--",
    "//",
    "/*",
    "#",
    " ",
    "node",
    "edge",
    "graph",
    "strict",
    "digraph",
    "subgraph",
    "\\N",
    "\\G",
    "\\l",
    "\\n",
    "a",
    "Z",
    "0",
    "é",
    "e\u{301}",
    "Путин",
    "ترامب",
    "习近平",
    "한국",
    "🇺🇦",
    "👨\u{200D}👩\u{200D}👧",
    "😀",
    "\u{200F}",
    "\u{FEFF}",
    "x",
];

/// Deterministic random names built from [`NASTY`] pieces.
fn nasty_names(count: usize) -> Vec<String> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut names = std::collections::BTreeSet::new();
    while names.len() < count {
        let len = 1 + (next() % 6) as usize;
        let name: String = (0..len)
            .map(|_| NASTY[(next() % NASTY.len() as u64) as usize])
            .collect();
        names.insert(name);
    }
    names.into_iter().collect()
}

/// How Graphviz shows a label line: controls blanked, white space collapsed.
fn shown(line: &str) -> String {
    line.chars()
        .map(|c| {
            if c.is_control() || c == '\u{a0}' {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn random_nasty_names_stay_distinct_and_literal() {
    let names = nasty_names(300);
    let mut g = Graph::new();
    for name in &names {
        g.add_node(Node {
            id: name.clone(),
            name: name.clone(),
            kind: EntityKind::Misc,
            aliases: vec![],
            docs: vec![],
        });
    }
    let opts = DotOptions {
        legend: false,
        max_label_len: 0,
        wrap_width: 0,
        ..DotOptions::default()
    };
    let mut dot = Vec::new();
    let stats = write_dot(&g, &Selection::all(&g), &opts, &mut dot).expect("write_dot");
    assert_eq!(stats.nodes, names.len());
    let dot = String::from_utf8(dot).expect("UTF-8");
    let Some(svg) = run_graphviz("random nasty names", &dot, "svg") else {
        return;
    };
    // Distinct ids stay distinct nodes.
    assert_eq!(svg.matches("class=\"node\"").count(), names.len());
    let texts: std::collections::BTreeSet<String> =
        svg_texts(&svg).iter().map(|t| shown(t)).collect();
    for name in &names {
        for line in name.split('\n').map(shown).filter(|l| !l.is_empty()) {
            assert!(texts.contains(&line), "{name:?}: line {line:?} not shown");
        }
    }
}
