//! IRIs of the newsgraph ontology and of the vocabularies it reuses.

use oxigraph::model::NamedNodeRef;

pub const NG: &str = "https://newsgraph.dev/ontology#";
pub const SCHEMA: &str = "https://schema.org/";
pub const SEM: &str = "http://semanticweb.cs.vu.nl/2009/11/sem/";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const WD: &str = "http://www.wikidata.org/entity/";

/// The default base under which documents, entities and events are minted.
pub const DEFAULT_BASE: &str = "https://newsgraph.dev/id/";

/// Prefixes declared for every SPARQL query a user types (`ngd:` is the data base).
pub fn prefixes(base: &str) -> Vec<(&'static str, String)> {
    vec![
        ("ng", NG.to_string()),
        ("ngd", base.to_string()),
        ("schema", SCHEMA.to_string()),
        ("sem", SEM.to_string()),
        ("prov", PROV.to_string()),
        ("nif", NIF.to_string()),
        ("owl", OWL.to_string()),
        ("rdf", RDF.to_string()),
        ("rdfs", RDFS.to_string()),
        ("xsd", XSD.to_string()),
        ("wd", WD.to_string()),
    ]
}

macro_rules! terms {
    ($($name:ident = $ns:literal $local:literal;)*) => {
        $(pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local));)*
    };
}

terms! {
    // classes
    DOCUMENT = "https://newsgraph.dev/ontology#" "Document";
    PERSON = "https://newsgraph.dev/ontology#" "Person";
    ORGANIZATION = "https://newsgraph.dev/ontology#" "Organization";
    GPE = "https://newsgraph.dev/ontology#" "GeopoliticalEntity";
    LOCATION = "https://newsgraph.dev/ontology#" "Location";
    EVENT = "https://newsgraph.dev/ontology#" "NamedEvent";
    MISC = "https://newsgraph.dev/ontology#" "Miscellaneous";
    MEETING = "https://newsgraph.dev/ontology#" "Meeting";
    DEMAND = "https://newsgraph.dev/ontology#" "Demand";
    PROPOSAL = "https://newsgraph.dev/ontology#" "Proposal";
    // entity properties
    ENTITY_ID = "https://newsgraph.dev/ontology#" "entityId";
    KIND = "https://newsgraph.dev/ontology#" "kind";
    // direct edges
    MET_WITH = "https://newsgraph.dev/ontology#" "metWith";
    DEMANDED = "https://newsgraph.dev/ontology#" "demanded";
    PROPOSED = "https://newsgraph.dev/ontology#" "proposed";
    // statement (event node) properties
    RELATION = "https://newsgraph.dev/ontology#" "relation";
    SUBJECT = "https://newsgraph.dev/ontology#" "subject";
    OBJECT = "https://newsgraph.dev/ontology#" "object";
    STATUS = "https://newsgraph.dev/ontology#" "status";
    DATE = "https://newsgraph.dev/ontology#" "date";
    PLACE = "https://newsgraph.dev/ontology#" "place";
    PLACE_NAME = "https://newsgraph.dev/ontology#" "placeName";
    MODE = "https://newsgraph.dev/ontology#" "mode";
    CONTENT = "https://newsgraph.dev/ontology#" "content";
    MENTIONS_ENTITY = "https://newsgraph.dev/ontology#" "contentMentions";
    CONFIDENCE = "https://newsgraph.dev/ontology#" "confidence";
    MENTIONS = "https://newsgraph.dev/ontology#" "mentions";
    DOC = "https://newsgraph.dev/ontology#" "doc";
    SENTENCE = "https://newsgraph.dev/ontology#" "sentence";
    EVIDENCE = "https://newsgraph.dev/ontology#" "evidence";
    // document properties
    DOC_ID = "https://newsgraph.dev/ontology#" "docId";
    SOURCE = "https://newsgraph.dev/ontology#" "source";
    CONTENT_HASH = "https://newsgraph.dev/ontology#" "contentHash";
    EXTRACTOR = "https://newsgraph.dev/ontology#" "extractor";
    INGESTED_AT = "https://newsgraph.dev/ontology#" "ingestedAt";
    CHARACTERS = "https://newsgraph.dev/ontology#" "characters";
    // reused vocabularies
    RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#" "type";
    RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#" "label";
    OWL_SAME_AS = "http://www.w3.org/2002/07/owl#" "sameAs";
    SCHEMA_NAME = "https://schema.org/" "name";
    SCHEMA_ALTERNATE_NAME = "https://schema.org/" "alternateName";
    SCHEMA_MENTIONS = "https://schema.org/" "mentions";
    SCHEMA_NEWS_ARTICLE = "https://schema.org/" "NewsArticle";
    SCHEMA_HEADLINE = "https://schema.org/" "headline";
    SCHEMA_DATE_PUBLISHED = "https://schema.org/" "datePublished";
    SEM_EVENT = "http://semanticweb.cs.vu.nl/2009/11/sem/" "Event";
    SEM_HAS_ACTOR = "http://semanticweb.cs.vu.nl/2009/11/sem/" "hasActor";
    SEM_HAS_PLACE = "http://semanticweb.cs.vu.nl/2009/11/sem/" "hasPlace";
    SEM_HAS_TIME_STAMP = "http://semanticweb.cs.vu.nl/2009/11/sem/" "hasTimeStamp";
    SEM_EARLIEST = "http://semanticweb.cs.vu.nl/2009/11/sem/" "hasEarliestBeginTimeStamp";
    SEM_LATEST = "http://semanticweb.cs.vu.nl/2009/11/sem/" "hasLatestEndTimeStamp";
    PROV_DERIVED_FROM = "http://www.w3.org/ns/prov#" "wasDerivedFrom";
    NIF_SENTENCE = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#" "Sentence";
    NIF_ANCHOR_OF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#" "anchorOf";
    NIF_BEGIN = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#" "beginIndex";
    NIF_END = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#" "endIndex";
    NIF_REFERENCE_CONTEXT = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#" "referenceContext";
}
