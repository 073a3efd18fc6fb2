//! One relation per (kind, pair or subject, status) per document, with all its evidence.

use crate::dates::specificity;
use crate::doc::DocState;
use crate::fasthash::FastMap;
use crate::model::{Evidence, Mode, Relation, RelationKind};
use crate::relations::RelMention;

type Key = (RelationKind, usize, Option<usize>, crate::model::Status);

fn key(r: &RelMention) -> Key {
    if r.kind == RelationKind::MetWith {
        let b = r.b.unwrap_or(r.a);
        (r.kind, r.a.min(b), Some(r.a.max(b)), r.status)
    } else {
        (r.kind, r.a, None, r.status)
    }
}

/// Merges relation mentions into relations, in order of first statement.
pub(crate) fn aggregate(text: &str, mentions: &[RelMention], doc: &DocState) -> Vec<Relation> {
    let mut order: Vec<Key> = Vec::new();
    let mut groups: FastMap<Key, Vec<&RelMention>> = FastMap::default();
    for r in mentions {
        let k = key(r);
        groups
            .entry(k)
            .or_insert_with(|| {
                order.push(k);
                Vec::new()
            })
            .push(r);
    }
    let id = |e: usize| doc.ents.get(e).map(|x| x.id.clone());
    let mut out = Vec::with_capacity(order.len());
    for k in order {
        let Some(group) = groups.get(&k) else {
            continue;
        };
        let Some(first) = group.first() else {
            continue;
        };
        let Some(subject) = id(first.a) else {
            continue;
        };
        let object = group.iter().find_map(|r| r.b).and_then(id);
        let mut date: Option<&str> = None;
        for r in group {
            if let Some(d) = r.date.as_deref() {
                if !matches!(date, Some(cur) if specificity(d) <= specificity(cur)) {
                    date = Some(d);
                }
            }
        }
        let place = group.iter().find_map(|r| r.place).and_then(id);
        let mode = if group.iter().any(|r| r.mode == Some(Mode::Phone)) {
            Some(Mode::Phone)
        } else {
            group.iter().find_map(|r| r.mode)
        };
        let mut evidence: Vec<Evidence> = Vec::new();
        let mut sorted: Vec<&&RelMention> = group.iter().collect();
        sorted.sort_by_key(|r| r.start);
        for r in sorted {
            // Sorted by start: a sentence already given is the last one.
            if evidence.last().is_some_and(|e| e.start == r.start) {
                continue;
            }
            evidence.push(Evidence {
                sentence: text.get(r.bstart..r.bend).unwrap_or("").to_string(),
                start: r.start,
                end: r.end,
            });
        }
        // Distinct entities (each has its own id) in order of first appearance; a set keeps
        // a relation stated in thousands of sentences linear.
        let mut seen: FastMap<usize, ()> = FastMap::default();
        let content_entities: Vec<String> = group
            .iter()
            .flat_map(|r| r.content_ents.iter().copied())
            .filter(|&e| seen.insert(e, ()).is_none())
            .filter_map(id)
            .collect();
        let conf = group.iter().map(|r| r.conf).fold(0.0f32, f32::max);
        let conf = (conf + 0.05 * (group.len().saturating_sub(1)) as f32).min(0.99);
        out.push(Relation {
            kind: k.0,
            subject,
            object,
            status: k.3,
            date: date.map(str::to_string),
            place,
            mode,
            content: group.iter().find_map(|r| r.content.clone()),
            content_entities,
            confidence: (conf * 100.0).round() / 100.0,
            evidence,
        });
    }
    out
}
