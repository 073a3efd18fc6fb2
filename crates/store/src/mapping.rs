//! The RDF form of an extraction (see docs/data-model.md): which quads one document yields.

use crate::dates::{date_terms, day_literal};
use crate::vocab::{self, *};
use newsgraph_extract::{DocExtraction, EntityKind, RelationKind};
use oxigraph::model::vocab::xsd;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use sha2::{Digest, Sha256};

/// Mints the IRIs of one store: everything lives under `base`.
#[derive(Debug, Clone)]
pub struct Iris {
    base: String,
}

/// Characters kept as they are in IRI path segments; everything else is percent-encoded.
fn push_segment(out: &mut String, s: &str) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

impl Iris {
    /// `base` must be an absolute IRI; a missing trailing `/` or `#` is added.
    pub fn new(base: &str) -> Result<Iris, crate::StoreError> {
        let mut base = base.trim().to_string();
        if !base.ends_with('/') && !base.ends_with('#') {
            base.push('/');
        }
        NamedNode::new(format!("{base}x")).map_err(|e| crate::StoreError::BaseIri {
            iri: base.clone(),
            message: e.to_string(),
        })?;
        Ok(Iris { base })
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    fn mint(&self, parts: &[&str]) -> NamedNode {
        let mut s = self.base.clone();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                s.push('/');
            }
            push_segment(&mut s, p);
        }
        NamedNode::new_unchecked(s)
    }

    /// `wd:Q22686` → `<base>entity/wd/Q22686`; `ng:person/marc-fogel` → `<base>entity/person/marc-fogel`.
    pub fn entity(&self, id: &str) -> NamedNode {
        let id = id.strip_prefix("ng:").unwrap_or(id);
        let mut parts = vec!["entity"];
        parts.extend(id.split([':', '/']).filter(|p| !p.is_empty()));
        self.mint(&parts)
    }

    pub fn document(&self, doc: &str) -> NamedNode {
        self.mint(&["doc", doc])
    }

    /// The named graph holding one document's statements.
    pub fn document_graph(&self, doc: &str) -> NamedNode {
        self.mint(&["graph", doc])
    }

    /// The shared graph of entity descriptions.
    pub fn entities_graph(&self) -> NamedNode {
        self.mint(&["graph", "entities"])
    }

    /// The graph holding the ontology.
    pub fn ontology_graph(&self) -> NamedNode {
        self.mint(&["graph", "ontology"])
    }

    fn statement(&self, doc: &str, kind: RelationKind, key: &str) -> NamedNode {
        let digest = Sha256::digest(key.as_bytes());
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        self.mint(&["doc", doc, kind.as_str(), &hex])
    }

    /// A NIF-style sentence IRI: the document IRI with an RFC 5147 character fragment.
    fn sentence(&self, doc: &str, start: usize, end: usize) -> NamedNode {
        NamedNode::new_unchecked(format!(
            "{}#char={start},{end}",
            self.document(doc).as_str()
        ))
    }
}

pub fn kind_class(kind: EntityKind) -> NamedNodeRef<'static> {
    match kind {
        EntityKind::Person => PERSON,
        EntityKind::Org => ORGANIZATION,
        EntityKind::Gpe => GPE,
        EntityKind::Loc => LOCATION,
        EntityKind::Event => EVENT,
        EntityKind::Misc => MISC,
    }
}

pub fn relation_class(kind: RelationKind) -> NamedNodeRef<'static> {
    match kind {
        RelationKind::MetWith => MEETING,
        RelationKind::Demanded => DEMAND,
        RelationKind::Proposed => PROPOSAL,
    }
}

pub fn relation_property(kind: RelationKind) -> NamedNodeRef<'static> {
    match kind {
        RelationKind::MetWith => MET_WITH,
        RelationKind::Demanded => DEMANDED,
        RelationKind::Proposed => PROPOSED,
    }
}

/// Collects quads into one graph.
struct Sink<'a> {
    quads: &'a mut Vec<Quad>,
    graph: GraphName,
}

impl Sink<'_> {
    fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads
            .push(Quad::new(s, p.into_owned(), o, self.graph.clone()));
    }
}

fn int(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}

/// Extra facts about a document that are not in its extraction.
#[derive(Debug, Clone, Default)]
pub struct DocFacts {
    /// Identifies the extractor version and data that produced the extraction.
    pub extractor: String,
    /// `xsd:dateTime` of ingestion, if it is to be recorded.
    pub ingested_at: Option<String>,
}

/// The quads describing entities, in the shared entities graph. Idempotent across documents.
pub fn entity_quads(iris: &Iris, doc: &DocExtraction, out: &mut Vec<Quad>) {
    let mut g = Sink {
        quads: out,
        graph: iris.entities_graph().into(),
    };
    for e in &doc.entities {
        let iri = iris.entity(&e.id);
        g.add(iri.clone(), RDF_TYPE, kind_class(e.kind));
        g.add(
            iri.clone(),
            RDFS_LABEL,
            Literal::new_simple_literal(&e.name),
        );
        g.add(
            iri.clone(),
            SCHEMA_NAME,
            Literal::new_simple_literal(&e.name),
        );
        g.add(
            iri.clone(),
            KIND,
            Literal::new_simple_literal(e.kind.as_str()),
        );
        g.add(iri.clone(), ENTITY_ID, Literal::new_simple_literal(&e.id));
        if let Some(q) = e.id.strip_prefix("wd:") {
            if !q.is_empty() && q.bytes().all(|b| b.is_ascii_alphanumeric()) {
                g.add(
                    iri,
                    OWL_SAME_AS,
                    NamedNode::new_unchecked(format!("{}{q}", vocab::WD)),
                );
            }
        }
    }
}

/// The quads of one document's own graph: the document node, aliases seen in it, and every
/// relation both as a direct edge and as a statement node with its evidence.
pub fn document_quads(iris: &Iris, x: &DocExtraction, facts: &DocFacts, out: &mut Vec<Quad>) {
    let id = x.doc.id.as_str();
    let doc = iris.document(id);
    let mut g = Sink {
        quads: out,
        graph: iris.document_graph(id).into(),
    };
    g.add(doc.clone(), RDF_TYPE, DOCUMENT);
    g.add(doc.clone(), RDF_TYPE, SCHEMA_NEWS_ARTICLE);
    g.add(doc.clone(), DOC_ID, Literal::new_simple_literal(id));
    if let Some(title) = &x.doc.title {
        g.add(
            doc.clone(),
            SCHEMA_HEADLINE,
            Literal::new_simple_literal(title),
        );
    }
    if let Some(date) = x.doc.date.as_deref() {
        if let Some((day, _)) = date_terms(date).bounds {
            g.add(doc.clone(), SCHEMA_DATE_PUBLISHED, day_literal(day));
        }
    }
    if let Some(src) = &x.doc.source {
        g.add(doc.clone(), SOURCE, Literal::new_simple_literal(src));
    }
    g.add(
        doc.clone(),
        CONTENT_HASH,
        Literal::new_simple_literal(&x.doc.hash),
    );
    g.add(doc.clone(), CHARACTERS, int(x.doc.chars));
    if !facts.extractor.is_empty() {
        g.add(
            doc.clone(),
            EXTRACTOR,
            Literal::new_simple_literal(&facts.extractor),
        );
    }
    if let Some(t) = &facts.ingested_at {
        g.add(
            doc.clone(),
            INGESTED_AT,
            Literal::new_typed_literal(t, xsd::DATE_TIME),
        );
    }
    for e in &x.entities {
        let iri = iris.entity(&e.id);
        g.add(doc.clone(), SCHEMA_MENTIONS, iri.clone());
        for alias in e.aliases.iter().filter(|a| **a != e.name) {
            g.add(
                iri.clone(),
                SCHEMA_ALTERNATE_NAME,
                Literal::new_simple_literal(alias),
            );
        }
    }
    for r in &x.relations {
        let subject = iris.entity(&r.subject);
        let object = r.object.as_deref().map(|o| iris.entity(o));
        if let Some(o) = &object {
            g.add(subject.clone(), relation_property(r.kind), o.clone());
            if r.kind.is_symmetric() {
                g.add(o.clone(), relation_property(r.kind), subject.clone());
            }
        }
        let key = format!(
            "{}|{}|{}|{}",
            r.kind,
            r.subject,
            r.object.as_deref().unwrap_or("-"),
            r.status
        );
        let st = iris.statement(id, r.kind, &key);
        g.add(st.clone(), RDF_TYPE, SEM_EVENT);
        g.add(st.clone(), RDF_TYPE, relation_class(r.kind));
        g.add(
            st.clone(),
            RELATION,
            Literal::new_simple_literal(r.kind.as_str()),
        );
        g.add(st.clone(), SUBJECT, subject.clone());
        g.add(st.clone(), SEM_HAS_ACTOR, subject.clone());
        if let Some(o) = &object {
            g.add(st.clone(), OBJECT, o.clone());
            g.add(st.clone(), SEM_HAS_ACTOR, o.clone());
        }
        g.add(
            st.clone(),
            STATUS,
            Literal::new_simple_literal(r.status.as_str()),
        );
        if let Some(date) = &r.date {
            g.add(st.clone(), DATE, Literal::new_simple_literal(date));
            let t = date_terms(date);
            if let Some(lit) = t.literal {
                g.add(st.clone(), SEM_HAS_TIME_STAMP, lit);
            }
            if let Some((a, b)) = t.bounds {
                g.add(st.clone(), SEM_EARLIEST, day_literal(a));
                g.add(st.clone(), SEM_LATEST, day_literal(b));
            }
        }
        if let Some(place) = &r.place {
            let p = iris.entity(place);
            g.add(st.clone(), PLACE, p.clone());
            g.add(st.clone(), SEM_HAS_PLACE, p);
            let name = x.entity(place).map_or(place.as_str(), |e| e.name.as_str());
            g.add(st.clone(), PLACE_NAME, Literal::new_simple_literal(name));
        }
        if let Some(mode) = r.mode {
            g.add(st.clone(), MODE, Literal::new_simple_literal(mode.as_str()));
        }
        if let Some(content) = &r.content {
            g.add(st.clone(), CONTENT, Literal::new_simple_literal(content));
        }
        for m in &r.content_entities {
            g.add(st.clone(), MENTIONS_ENTITY, iris.entity(m));
        }
        g.add(
            st.clone(),
            CONFIDENCE,
            Literal::new_typed_literal(format!("{:.3}", r.confidence), xsd::DECIMAL),
        );
        g.add(st.clone(), MENTIONS, int(r.evidence.len()));
        g.add(st.clone(), DOC, Literal::new_simple_literal(id));
        g.add(st.clone(), PROV_DERIVED_FROM, doc.clone());
        if let Some(first) = r.evidence.first() {
            g.add(
                st.clone(),
                SENTENCE,
                Literal::new_simple_literal(&first.sentence),
            );
        }
        for ev in &r.evidence {
            let s = iris.sentence(id, ev.start, ev.end);
            g.add(st.clone(), EVIDENCE, s.clone());
            g.add(s.clone(), RDF_TYPE, NIF_SENTENCE);
            g.add(
                s.clone(),
                NIF_ANCHOR_OF,
                Literal::new_simple_literal(&ev.sentence),
            );
            g.add(s.clone(), NIF_BEGIN, int(ev.start));
            g.add(s.clone(), NIF_END, int(ev.end));
            g.add(s.clone(), NIF_REFERENCE_CONTEXT, doc.clone());
            g.add(s, PROV_DERIVED_FROM, doc.clone());
        }
    }
}
