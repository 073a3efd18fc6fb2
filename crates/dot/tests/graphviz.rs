//! What Graphviz makes of our DOT: names shown literally, one node per entity, rendered files.

mod common;

use common::{case_dir, run_graphviz, Case};
use newsgraph_dot::{render, RenderFormat};

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
