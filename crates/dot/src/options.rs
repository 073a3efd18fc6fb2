use crate::date::DateBound;
use newsgraph_extract::{RelationKind, Status};
use std::collections::BTreeSet;

/// What to draw and how. Filters are applied by [`crate::filter`]; [`crate::write_dot`] only
/// reads the display settings (`legend`, label lengths, `title`).
#[derive(Debug, Clone, PartialEq)]
pub struct DotOptions {
    /// Relation kinds to keep; empty keeps all.
    pub kinds: BTreeSet<RelationKind>,
    /// Statuses to keep; empty keeps all.
    pub statuses: BTreeSet<Status>,
    /// Keep statements whose date interval overlaps `since..=until` (each end optional).
    pub since: Option<DateBound>,
    pub until: Option<DateBound>,
    /// With `since` or `until`, also keep statements without a (readable) date.
    pub keep_undated: bool,
    /// Drop relations stated fewer times than this, counting every mention of the drawn edge
    /// (one relation between one pair, across documents).
    pub min_mentions: u64,
    /// Draw demand/proposal content nodes. Without them, statements pointing at a content
    /// node are left out but their subjects stay.
    pub content: bool,
    /// Add a legend of the entity kinds and relation styles drawn.
    pub legend: bool,
    /// Leave out entities with no drawn relation: a corpus mentions far more entities than it
    /// relates, and a row of lone nodes hides the structure.
    pub connected_only: bool,
    /// Longest label in columns (wide CJK characters count two) before it is cut with `…`
    /// (0: no limit).
    pub max_label_len: usize,
    /// Label line width in columns (0: no wrapping).
    pub wrap_width: usize,
    /// Graph title, shown above the drawing.
    pub title: Option<String>,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions {
            kinds: BTreeSet::new(),
            statuses: BTreeSet::new(),
            since: None,
            until: None,
            keep_undated: false,
            min_mentions: 0,
            content: true,
            legend: true,
            connected_only: false,
            max_label_len: 60,
            wrap_width: 24,
            title: None,
        }
    }
}

impl DotOptions {
    /// Whether any filter is set, i.e. [`crate::filter`] can drop something.
    pub fn filters(&self) -> bool {
        !self.kinds.is_empty()
            || !self.statuses.is_empty()
            || self.since.is_some()
            || self.until.is_some()
            || self.min_mentions > 1
            || !self.content
            || self.connected_only
    }
}
