//! The extraction's output model: what one article yields, independent of how it is stored.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Coarse entity classes, as in the annotation guidelines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityKind {
    Person,
    Org,
    Gpe,
    Loc,
    Event,
    Misc,
}

impl EntityKind {
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Org,
        EntityKind::Gpe,
        EntityKind::Loc,
        EntityKind::Event,
        EntityKind::Misc,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Gpe => "GPE",
            EntityKind::Loc => "LOC",
            EntityKind::Event => "EVENT",
            EntityKind::Misc => "MISC",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The relations newsgraph extracts. `met-with` is symmetric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RelationKind {
    #[serde(rename = "met-with")]
    MetWith,
    #[serde(rename = "demanded")]
    Demanded,
    #[serde(rename = "proposed")]
    Proposed,
}

impl RelationKind {
    pub const ALL: [RelationKind; 3] = [
        RelationKind::MetWith,
        RelationKind::Demanded,
        RelationKind::Proposed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::MetWith => "met-with",
            RelationKind::Demanded => "demanded",
            RelationKind::Proposed => "proposed",
        }
    }

    pub fn parse(s: &str) -> Option<RelationKind> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        RelationKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s || k.as_str().replace('-', "") == s.replace('-', ""))
    }

    pub fn is_symmetric(self) -> bool {
        self == RelationKind::MetWith
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the text says the relation happened, will happen, or did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Occurred,
    Planned,
    Negated,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Occurred, Status::Planned, Status::Negated];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Planned => "planned",
            Status::Negated => "negated",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a meeting took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    InPerson,
    Phone,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::InPerson => "in-person",
            Mode::Phone => "phone",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "in-person" | "inperson" | "in person" => Some(Mode::InPerson),
            "phone" => Some(Mode::Phone),
            _ => None,
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The article an extraction came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// The file name without extension, or the `id` of a JSON Lines record.
    pub id: String,
    /// The article's date (`YYYY-MM-DD`) from its date line, its record or `--date`.
    pub date: Option<String>,
    /// The first line of article text, shortened.
    pub title: Option<String>,
    /// Where the article was read from.
    pub source: Option<String>,
    /// SHA-256 of the article text, hex: lets a store skip unchanged documents.
    pub hash: String,
    /// Length of the article text in characters.
    pub chars: usize,
}

/// One real-world entity as mentioned in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable across documents: `wd:Q…` when the gazetteer knows the Wikidata id, else a
    /// slug derived from kind and canonical name (`ng:person/marc-fogel`).
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// Other surface forms this document used for the entity.
    pub aliases: Vec<String>,
    /// Number of mentions in the document.
    pub mentions: usize,
}

/// Where a relation is stated: a sentence and its character offsets in the article text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub sentence: String,
    /// Character (not byte) offsets of the sentence in the article text.
    pub start: usize,
    pub end: usize,
}

/// A met-with, demanded or proposed statement, aggregated over its mentions in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub kind: RelationKind,
    /// Entity id of the subject.
    pub subject: String,
    /// Entity id of the other party or addressee, if the text names one.
    pub object: Option<String>,
    pub status: Status,
    /// ISO 8601 as far as the text fixes it: `2025-08-18`, `2025-W33`, `2025-02`, `2021`,
    /// `--08-15`, `--02`.
    pub date: Option<String>,
    /// Entity id of the place.
    pub place: Option<String>,
    pub mode: Option<Mode>,
    /// For demands and proposals: the clause demanded or proposed.
    pub content: Option<String>,
    /// Entity ids the content mentions.
    pub content_entities: Vec<String>,
    pub confidence: f32,
    /// Every sentence stating the relation, in text order; never empty.
    pub evidence: Vec<Evidence>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocExtraction {
    pub doc: DocumentMeta,
    pub entities: Vec<Entity>,
    pub relations: Vec<Relation>,
}

impl DocExtraction {
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
}
