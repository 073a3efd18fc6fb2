//! JSON Lines output in the schema the scorer reads: entity lines, then relation lines.

use crate::model::DocExtraction;
use serde_json::{json, Value};
use std::io::{self, Write};

/// Writes one document: its entities in order of first mention, then its relations in
/// order of first evidence. Names, not ids, fill `subject`, `object` and `place`.
pub fn write_doc(doc: &DocExtraction, out: &mut impl Write) -> io::Result<()> {
    let name = |id: &str| doc.entity(id).map(|e| e.name.clone());
    for e in &doc.entities {
        let line = json!({
            "type": "entity",
            "doc": doc.doc.id,
            "id": e.id,
            "name": e.name,
            "kind": e.kind.as_str(),
            "aliases": e.aliases,
            "mentions": e.mentions,
        });
        writeln!(out, "{line}")?;
    }
    for r in &doc.relations {
        let (sentence, start, end) = r
            .evidence
            .first()
            .map(|e| (e.sentence.as_str(), e.start, e.end))
            .unwrap_or(("", 0, 0));
        let evidence: Vec<Value> = r
            .evidence
            .iter()
            .map(|e| json!({"sentence": e.sentence, "start": e.start, "end": e.end}))
            .collect();
        let line = json!({
            "type": "relation",
            "doc": doc.doc.id,
            "relation": r.kind.as_str(),
            "subject": name(&r.subject),
            "object": r.object.as_deref().and_then(name),
            "status": r.status.as_str(),
            "date": r.date,
            "place": r.place.as_deref().and_then(name),
            "mode": r.mode.map(|m| m.as_str()),
            "sentence": sentence,
            "start": start,
            "end": end,
            "subject_id": r.subject,
            "object_id": r.object,
            "place_id": r.place,
            "confidence": r.confidence,
            "mentions": r.evidence.len(),
            "content": r.content,
            "content_entities": r.content_entities,
            "evidence": evidence,
        });
        writeln!(out, "{line}")?;
    }
    Ok(())
}
