//! How kinds and statuses look: one place, shared by the drawing and its legend.

use newsgraph_extract::{EntityKind, RelationKind, Status};

/// Shape and fill colour of an entity kind (ColorBrewer "Paired" pastels, readable in print).
pub fn node_style(kind: EntityKind) -> (&'static str, &'static str) {
    match kind {
        EntityKind::Person => ("ellipse", "#a6cee3"),
        EntityKind::Org => ("box", "#b2df8a"),
        EntityKind::Gpe => ("hexagon", "#fdbf6f"),
        EntityKind::Loc => ("invhouse", "#cab2d6"),
        EntityKind::Event => ("diamond", "#fb9a99"),
        EntityKind::Misc => ("note", "#e0e0e0"),
    }
}

/// Edge colour of a relation kind.
pub fn relation_color(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::MetWith => "#1f78b4",
        RelationKind::Demanded => "#e66101",
        RelationKind::Proposed => "#33a02c",
    }
}

/// Line style of a status, and the arrowhead: a bar for what did not happen.
pub fn status_style(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::Occurred => ("solid", "normal"),
        Status::Planned => ("dashed", "normal"),
        Status::Negated => ("dotted", "tee"),
    }
}

/// Label colour: negated statements get a red label so they are not read as facts.
pub fn status_font_color(status: Status) -> &'static str {
    match status {
        Status::Negated => "#b2182b",
        Status::Occurred | Status::Planned => "#333333",
    }
}

/// Pen width growing with the log of the mentions, capped so hubs stay readable.
pub fn pen_width(mentions: u64) -> f64 {
    let m = mentions.max(1) as f64;
    (1.0 + 1.5 * m.log2()).min(8.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pen_width_grows_and_is_capped() {
        assert_eq!(pen_width(0), 1.0);
        assert_eq!(pen_width(1), 1.0);
        assert_eq!(pen_width(2), 2.5);
        assert!(pen_width(4) > pen_width(3));
        assert_eq!(pen_width(u64::MAX), 8.0);
    }

    #[test]
    fn kinds_and_statuses_look_different() {
        let shapes: std::collections::BTreeSet<_> =
            EntityKind::ALL.iter().map(|k| node_style(*k)).collect();
        assert_eq!(shapes.len(), EntityKind::ALL.len());
        let colors: std::collections::BTreeSet<_> = RelationKind::ALL
            .iter()
            .map(|k| relation_color(*k))
            .collect();
        assert_eq!(colors.len(), RelationKind::ALL.len());
        let styles: std::collections::BTreeSet<_> =
            Status::ALL.iter().map(|s| status_style(*s)).collect();
        assert_eq!(styles.len(), Status::ALL.len());
    }
}
