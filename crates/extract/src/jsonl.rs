//! JSON Lines output in the schema the scorer reads: entity lines, then relation lines.

use crate::model::{DocExtraction, Entity, EntityKind, Evidence};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct EntityLine<'a> {
    #[serde(rename = "type")]
    kind_of_line: &'static str,
    doc: &'a str,
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    aliases: Vec<&'a str>,
    mentions: usize,
}

#[derive(Serialize)]
struct RelationLine<'a> {
    #[serde(rename = "type")]
    kind_of_line: &'static str,
    doc: &'a str,
    relation: &'static str,
    subject: Option<&'a str>,
    object: Option<&'a str>,
    status: &'static str,
    date: Option<&'a str>,
    place: Option<&'a str>,
    mode: Option<&'static str>,
    sentence: &'a str,
    start: usize,
    end: usize,
    subject_id: &'a str,
    object_id: Option<&'a str>,
    place_id: Option<&'a str>,
    confidence: f32,
    mentions: usize,
    content: Option<&'a str>,
    content_entities: &'a [String],
    evidence: &'a [Evidence],
}

fn io_err(e: serde_json::Error) -> io::Error {
    io::Error::other(e)
}

/// The name a person goes by in this article: the full name as the article spells it when
/// that is a variant of the canonical one (`Sergei Lavrov` for `Sergey Lavrov`, `Erdoğan`
/// for `Erdogan`), so readers of the lines find the article's own spelling; else the
/// canonical name. Ids stay the same, so documents still agree on the entity.
fn display_name(e: &Entity) -> &str {
    if e.kind != EntityKind::Person {
        return &e.name;
    }
    let words: Vec<&str> = e.name.split_whitespace().collect();
    let variant = |alias: &&String| {
        let aw: Vec<&str> = alias.split_whitespace().collect();
        aw.len() == words.len()
            && words.len() >= 2
            && aw.iter().zip(&words).filter(|(a, b)| a != b).count() == 1
            && aw
                .iter()
                .zip(&words)
                .all(|(a, b)| a == b || a.chars().next().is_some_and(|c| b.starts_with(c)))
    };
    e.aliases
        .iter()
        .find(variant)
        .map_or(&e.name, String::as_str)
}

/// Writes one document: its entities in order of first mention, then its relations in
/// order of first evidence. Names, not ids, fill `subject`, `object` and `place`.
pub fn write_doc(doc: &DocExtraction, out: &mut impl Write) -> io::Result<()> {
    // Each entity's name is worked out once, not once per relation that names it.
    let shown: Vec<&str> = doc.entities.iter().map(display_name).collect();
    let name = |id: &str| {
        let i = doc.entities.iter().position(|e| e.id == id)?;
        shown.get(i).copied()
    };
    let id = doc.doc.id.as_str();
    for (e, &shown) in doc.entities.iter().zip(&shown) {
        let aliases = std::iter::once(e.name.as_str())
            .chain(e.aliases.iter().map(String::as_str))
            .filter(|a| *a != shown)
            .collect();
        let line = EntityLine {
            kind_of_line: "entity",
            doc: id,
            id: &e.id,
            name: shown,
            kind: e.kind.as_str(),
            aliases,
            mentions: e.mentions,
        };
        serde_json::to_writer(&mut *out, &line).map_err(io_err)?;
        out.write_all(b"\n")?;
    }
    for r in &doc.relations {
        let (sentence, start, end) = r
            .evidence
            .first()
            .map(|e| (e.sentence.as_str(), e.start, e.end))
            .unwrap_or(("", 0, 0));
        let line = RelationLine {
            kind_of_line: "relation",
            doc: id,
            relation: r.kind.as_str(),
            subject: name(&r.subject),
            object: r.object.as_deref().and_then(name),
            status: r.status.as_str(),
            date: r.date.as_deref(),
            place: r.place.as_deref().and_then(name),
            mode: r.mode.map(|m| m.as_str()),
            sentence,
            start,
            end,
            subject_id: &r.subject,
            object_id: r.object.as_deref(),
            place_id: r.place.as_deref(),
            confidence: r.confidence,
            mentions: r.evidence.len(),
            content: r.content.as_deref(),
            content_entities: &r.content_entities,
            evidence: &r.evidence,
        };
        serde_json::to_writer(&mut *out, &line).map_err(io_err)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Extractor};

    /// The JSON lines written for one article.
    fn lines_of(text: &str) -> Vec<serde_json::Value> {
        let ex = Extractor::builtin().unwrap();
        let d = ex.extract(&Article::new("d1", text, None));
        let mut buf = Vec::new();
        write_doc(&d, &mut buf).unwrap();
        String::from_utf8(buf)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn lines_follow_the_schema() {
        let lines = lines_of(" date 2025-08-21 Trump met Putin in Alaska last week.");
        let rel = lines.iter().find(|l| l["type"] == "relation").unwrap();
        assert_eq!(rel["relation"], "met-with");
        assert_eq!(rel["subject"], "Donald Trump");
        assert_eq!(rel["object"], "Vladimir Putin");
        assert_eq!(rel["date"], "2025-W33");
        assert_eq!(rel["place"], "Alaska");
        assert_eq!(rel["sentence"], "Trump met Putin in Alaska last week.");
        assert!(lines
            .iter()
            .any(|l| l["type"] == "entity" && l["id"] == "wd:Q22686"));
    }

    #[test]
    fn people_go_by_the_article_spelling_of_their_full_name() {
        let lines = lines_of("Sergei Lavrov met Marco Rubio. Lavrov said little.");
        let lavrov = lines
            .iter()
            .find(|l| l["type"] == "entity" && l["name"] == "Sergei Lavrov")
            .unwrap();
        assert!(lavrov["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Sergey Lavrov"));
        let rel = lines.iter().find(|l| l["type"] == "relation").unwrap();
        assert_eq!(rel["subject"], "Sergei Lavrov");
        assert_eq!(rel["subject_id"], lavrov["id"]);
    }
}
