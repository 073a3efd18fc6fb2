//! The extraction pipeline: sentences, mentions, relation mentions, aggregation.

use crate::aggregate::aggregate;
use crate::article::Article;
use crate::doc::DocState;
use crate::error::ExtractError;
use crate::gazetteer::Gazetteer;
use crate::lexicon::Lexicon;
use crate::model::{DocExtraction, EntityKind, Mode, RelationKind, Status};
use crate::quotes::speaker_ahead;
use crate::recognise::{Mention, Recogniser};
use crate::relations::{self, RelMention, RelationFinder, Sentence};
use crate::text::{split_sentences_into, tokenize_into, Tokens};
use rayon::prelude::*;
use std::cell::RefCell;
use std::path::Path;

const BUILTIN_GAZETTEER: &str = include_str!("../../../data/gazetteer.tsv");
const BUILTIN_LEXICON: &str = include_str!("../../../data/lexicon.tsv");

/// Buffers one thread reuses from sentence to sentence and article to article, so that
/// extraction allocates little beyond its output.
#[derive(Default)]
struct Scratch {
    doc: DocState,
    tokens: Tokens,
    covered: Vec<bool>,
    mentions: Vec<Mention>,
    relations: relations::Scratch,
    found: Vec<RelMention>,
    sentences: Vec<(usize, usize, bool)>,
    spans: Vec<(usize, usize)>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Articles extracted together by [`Extractor::extract_each`]: enough to keep every core
/// busy, few enough that their results take little memory.
const STREAM_BATCH: usize = 1024;

/// A loaded gazetteer and lexicon; cheap to share across threads.
#[derive(Debug)]
pub struct Extractor {
    gaz: Gazetteer,
    lex: Lexicon,
}

fn read(path: &Path) -> Result<String, ExtractError> {
    std::fs::read_to_string(path).map_err(|source| ExtractError::Io {
        file: path.display().to_string(),
        source,
    })
}

impl Extractor {
    /// The gazetteer and lexicon shipped in the binary.
    pub fn builtin() -> Result<Extractor, ExtractError> {
        Self::from_sources(
            BUILTIN_GAZETTEER,
            "data/gazetteer.tsv",
            BUILTIN_LEXICON,
            "data/lexicon.tsv",
        )
    }

    /// User-edited data files; the built-in data stands in for a file not given.
    pub fn from_files(
        gazetteer: Option<&Path>,
        lexicon: Option<&Path>,
    ) -> Result<Extractor, ExtractError> {
        let (g, g_name) = match gazetteer {
            Some(p) => (read(p)?, p.display().to_string()),
            None => (BUILTIN_GAZETTEER.to_string(), "data/gazetteer.tsv".into()),
        };
        let (l, l_name) = match lexicon {
            Some(p) => (read(p)?, p.display().to_string()),
            None => (BUILTIN_LEXICON.to_string(), "data/lexicon.tsv".into()),
        };
        Self::from_sources(&g, &g_name, &l, &l_name)
    }

    /// Data given as text; the names are used in error messages.
    pub fn from_sources(
        gazetteer: &str,
        gaz_name: &str,
        lexicon: &str,
        lex_name: &str,
    ) -> Result<Extractor, ExtractError> {
        let mut gaz = Gazetteer::parse(gazetteer, gaz_name)?;
        let mut lex = Lexicon::parse(lexicon, lex_name)?;
        gaz.index(&mut lex.words);
        Ok(Extractor { gaz, lex })
    }

    /// Number of gazetteer entries.
    pub fn gazetteer_len(&self) -> usize {
        self.gaz.len()
    }

    /// Entities and relations of one article. Never panics: should a bug slip through, the
    /// article yields its metadata and nothing else.
    pub fn extract(&self, article: &Article) -> DocExtraction {
        let meta = article.meta();
        let run = std::panic::AssertUnwindSafe(|| self.run(article));
        match std::panic::catch_unwind(run) {
            Ok((entities, relations)) => DocExtraction {
                doc: meta,
                entities,
                relations,
            },
            Err(_) => DocExtraction {
                doc: meta,
                entities: Vec::new(),
                relations: Vec::new(),
            },
        }
    }

    /// Many articles in parallel; results in input order.
    pub fn extract_all(&self, articles: &[Article]) -> Vec<DocExtraction> {
        articles.par_iter().map(|a| self.extract(a)).collect()
    }

    /// Many articles in parallel: each result is turned by `each` into what the sink
    /// takes (its JSON line, a count), on the thread that extracted it, and handed to
    /// `sink` in input order one batch at a time, so memory stays bounded by two batches
    /// however large the corpus. The sink takes a batch while the next one is being
    /// extracted; it stops at the sink's first error. (A result holds many small
    /// allocations: freed on another thread than the one that made them, they cost a
    /// tenth of the throughput in allocator contention.)
    pub fn extract_each<T: Send, E: Send>(
        &self,
        articles: &[Article],
        each: impl Fn(DocExtraction) -> T + Sync,
        mut sink: impl FnMut(T) -> Result<(), E> + Send,
    ) -> Result<(), E> {
        let mut done: Vec<T> = Vec::new();
        for batch in articles.chunks(STREAM_BATCH) {
            let (sunk, next) = rayon::join(
                || done.drain(..).try_for_each(&mut sink),
                || {
                    batch
                        .par_iter()
                        .map(|a| each(self.extract(a)))
                        .collect::<Vec<_>>()
                },
            );
            sunk?;
            done = next;
        }
        done.into_iter().try_for_each(sink)
    }

    fn run(&self, article: &Article) -> (Vec<crate::model::Entity>, Vec<crate::model::Relation>) {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => self.run_with(article, &mut scratch),
            Err(_) => self.run_with(article, &mut Scratch::default()),
        })
    }

    fn run_with(
        &self,
        article: &Article,
        scratch: &mut Scratch,
    ) -> (Vec<crate::model::Entity>, Vec<crate::model::Relation>) {
        let Scratch {
            doc,
            tokens: t,
            covered,
            mentions: ms,
            relations: rel_scratch,
            found: rels,
            sentences,
            spans,
        } = scratch;
        let text = article.text.as_str();
        split_sentences_into(text, article.body_start(), &self.lex, sentences, spans);
        let rec = Recogniser {
            gaz: &self.gaz,
            lex: &self.lex,
        };
        let finder = RelationFinder {
            lex: &self.lex,
            gaz: &self.gaz,
            article_date: article.naive_date(),
        };
        doc.clear();
        rels.clear();
        let mut quoted = false;
        let (mut last_byte, mut last_char) = (0usize, 0usize);
        let mut to_char = |b: usize| {
            if b >= last_byte {
                last_char += text.get(last_byte..b).map_or(0, |s| s.chars().count());
                last_byte = b;
            }
            last_char
        };
        for &(s, e, para_start) in sentences.iter() {
            if para_start {
                quoted = false;
                doc.quote_speaker = None;
            }
            let opened_quoted = quoted;
            tokenize_into(text, s, e, &mut quoted, t, |w| self.lex.classes(w));
            rec.mentions(text, t, doc, covered, ms);
            // Who speaks: named after a quotation that closes here, or later for one still
            // open at the sentence's end.
            let closes = (opened_quoted || t.toks().iter().any(|x| x.quoted)) && !quoted;
            if closes || quoted {
                let from = if quoted { e } else { s };
                if let Some(speaker) = speaker_ahead(text, from, &self.lex, doc, (t, ms)) {
                    doc.quote_speaker = Some(speaker);
                }
            }
            let cs = to_char(s);
            let ce = to_char(e);
            let sent = Sentence {
                text,
                t,
                ms,
                bytes: (s, e),
                chars: (cs, ce),
            };
            finder.sentence(&sent, doc, rels, rel_scratch);
        }
        name_lede_person(doc, rels);
        name_office_holders(doc, &self.gaz, rels);
        date_and_place_from_countries(doc, rels);
        date_and_place_of_joined(rels);
        date_and_place_of_continued(text, rels);
        if let Some(date) = article.date.as_deref() {
            if crate::live::is_live_blog(text.get(article.body_start()..).unwrap_or("")) {
                date_live_entries(rels, date);
            }
        }
        let relations = aggregate(text, rels, doc);
        (doc.take_entities(), relations)
    }
}

/// A meeting told without its date or place takes them from the last meeting told before
/// it between the same two countries, with the same status: news names the countries in
/// the lead and their envoys after it (`The ministers of A and B held talks in X on
/// Thursday.` … `A's minister Y hosted his B counterpart, Z.`).
fn date_and_place_from_countries(doc: &DocState, rels: &mut [RelMention]) {
    let countries = |r: &RelMention| {
        let b = r.b?;
        let (x, y) = (doc.country_of(r.a)?, doc.country_of(b)?);
        (x != y).then_some((x.min(y), x.max(y)))
    };
    for i in 0..rels.len() {
        let r = &rels[i];
        if r.kind != RelationKind::MetWith || (r.date.is_some() && r.place.is_some()) {
            continue;
        }
        let Some(pair) = countries(r) else {
            continue;
        };
        // Only the meetings of the sentence that last told of one: a later sentence may
        // tell of another meeting of the same two.
        let Some(last) = rels[..i]
            .iter()
            .rev()
            .find(|e| e.kind == RelationKind::MetWith && e.bstart < r.bstart)
            .map(|e| e.bstart)
        else {
            continue;
        };
        let told = rels[..i].iter().rev().find(|e| {
            e.kind == RelationKind::MetWith
                && e.bstart == last
                && e.status == r.status
                && (e.date.is_some() || e.place.is_some())
                && countries(e) == Some(pair)
        });
        let Some((date, place)) = told.map(|e| (e.date.clone(), e.place)) else {
            continue;
        };
        rels[i].fill_date_and_place(date, place);
    }
}

/// `Rubio welcomed A, B and C at the State Department. The four ministers held talks for
/// two hours`: a meeting told right after one among the same people goes on with it, when
/// and where it was held. (Not a phone call: that is another meeting.)
fn date_and_place_of_continued(text: &str, rels: &mut [RelMention]) {
    let held = |e: &RelMention| {
        e.kind == RelationKind::MetWith
            && e.status == Status::Occurred
            && e.mode != Some(Mode::Phone)
    };
    // Runs of statements from one sentence, in text order.
    let mut runs = Vec::new();
    let mut from = 0;
    for i in 1..=rels.len() {
        if rels.get(i).is_none_or(|r| r.bstart != rels[from].bstart) {
            runs.push(from..i);
            from = i;
        }
    }
    for w in runs.windows(2) {
        let (prev, cur) = (w[0].clone(), w[1].clone());
        let (pend, cstart) = (rels[prev.start].bend, rels[cur.start].bstart);
        if pend > cstart || !text.get(pend..cstart).is_some_and(|g| g.trim().is_empty()) {
            continue;
        }
        let before = &rels[prev];
        let Some((date, place)) = before
            .iter()
            .find(|e| held(e) && (e.date.is_some() || e.place.is_some()))
            .map(|e| (e.date.clone(), e.place))
        else {
            continue;
        };
        let mut parties: Vec<usize> = before
            .iter()
            .filter(|e| held(e))
            .flat_map(|e| [Some(e.a), e.b])
            .flatten()
            .collect();
        parties.sort_unstable();
        parties.dedup();
        let took_part = |x: usize| parties.binary_search(&x).is_ok();
        for r in &mut rels[cur] {
            let lacking = r.date.is_none() || r.place.is_none();
            if held(r) && lacking && took_part(r.a) && r.b.is_some_and(took_part) {
                r.fill_date_and_place(date.clone(), place);
            }
        }
    }
}

/// A live blog's entry that tells of a meeting held, without saying when, tells of that
/// day's.
fn date_live_entries(rels: &mut [RelMention], date: &str) {
    for r in rels.iter_mut() {
        if r.kind == RelationKind::MetWith && r.status == Status::Occurred && r.date.is_none() {
            r.date = Some(date.to_string());
        }
    }
}

/// Those who took part in a sentence's meeting met its parties when and where it was held,
/// which may be known only once the meeting has taken a date or place from an earlier one.
fn date_and_place_of_joined(rels: &mut [RelMention]) {
    for i in 0..rels.len() {
        let r = &rels[i];
        if !r.joined || (r.date.is_some() && r.place.is_some()) {
            continue;
        }
        let shares = |e: &RelMention| e.a == r.a || Some(e.a) == r.b || e.b == r.b;
        let held = rels[..i]
            .iter()
            .rev()
            .take_while(|e| e.bstart == r.bstart)
            .find(|e| {
                e.kind == RelationKind::MetWith && !e.joined && e.status == r.status && shares(e)
            });
        let Some((date, place)) = held.map(|e| (e.date.clone(), e.place)) else {
            continue;
        };
        rels[i].fill_date_and_place(date, place);
    }
}

/// Puts the one person the article gives a country's office in the place of the country
/// where it stood for that office holder, unnamed (`hosted Samoa's leader` … `Samoan Prime
/// Minister X`).
fn name_office_holders(doc: &DocState, gaz: &Gazetteer, rels: &mut [RelMention]) {
    for (at, country, office) in &doc.stand_ins {
        let fits = |held: &str| crate::recognise::fits(office, held);
        let Some(country_id) = doc.ents.get(*country).map(|c| c.id.as_str()) else {
            continue;
        };
        // Said with the country here, or known to hold the office (`Prime Minister
        // Mohammed Shia al-Sudani`, whom the gazetteer knows as Iraq's).
        let served = doc
            .served
            .iter()
            .filter(|(_, c, held)| c == country && fits(held))
            .map(|(p, _, _)| *p);
        let known = doc.ents.iter().enumerate().filter_map(|(i, e)| {
            let g = gaz.entry(e.gaz)?;
            (e.kind == EntityKind::Person
                && e.mentions > 0
                && g.roles.iter().any(|(o, c)| c == country_id && fits(o)))
            .then_some(i)
        });
        let mut holders = served.chain(known);
        let Some(p) = holders.next() else {
            continue;
        };
        if holders.any(|q| q != p) {
            continue;
        }
        // A demand or proposal made there: the holder made it.
        for r in rels.iter_mut() {
            if r.bstart == *at && r.kind != RelationKind::MetWith && r.a == *country {
                r.a = p;
            }
        }
        // Those met there; also where a later sentence refers back to that meeting.
        let others: Vec<usize> = rels
            .iter()
            .filter(|r| r.bstart == *at && r.kind == RelationKind::MetWith)
            .filter_map(|r| match (r.a == *country, r.b) {
                (true, Some(b)) => Some(b),
                (false, Some(b)) if b == *country => Some(r.a),
                _ => None,
            })
            .filter(|&o| o != p)
            .collect();
        for r in rels.iter_mut().filter(|r| r.kind == RelationKind::MetWith) {
            if r.a == *country && r.b.is_some_and(|b| others.contains(&b)) {
                r.a = p;
            } else if r.b == Some(*country) && others.contains(&r.a) {
                r.b = Some(p);
            }
        }
    }
}

/// Puts the person the article named after its lead in the place of the lead's unnamed
/// description of them; without such a person, what the description did is dropped.
fn name_lede_person(doc: &DocState, rels: &mut Vec<RelMention>) {
    let Some((p, named)) = doc.lede_person else {
        return;
    };
    rels.retain_mut(|r| {
        let Some(x) = named else {
            return r.a != p && r.b != Some(p);
        };
        if r.a == p {
            r.a = x;
        }
        if r.b == Some(p) {
            r.b = Some(x);
        }
        r.content_ents
            .iter_mut()
            .filter(|e| **e == p)
            .for_each(|e| *e = x);
        r.b != Some(r.a)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_files_load_and_bad_lines_are_located() {
        let dir =
            std::env::temp_dir().join(format!("newsgraph-extract-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let g = dir.join("g.tsv");
        let l = dir.join("l.tsv");
        std::fs::write(&g, "Q1\tPERSON\tAda Lovelace\tLovelace\t-\t-\tgender=f\n").unwrap();
        std::fs::write(&l, "trigger\tmet\tmet-with\tverb\tdirect\n").unwrap();
        let ex = Extractor::from_files(Some(&g), Some(&l)).unwrap();
        assert_eq!(ex.gazetteer_len(), 1);
        let builtin_lexicon = Extractor::from_files(Some(&g), None).unwrap();
        assert_eq!(builtin_lexicon.gazetteer_len(), 1);
        std::fs::write(&l, "trigger\tmet\tmet-with\tverb\tdirect\nnonsense\n").unwrap();
        let err = Extractor::from_files(Some(&g), Some(&l))
            .unwrap_err()
            .to_string();
        assert!(err.contains("l.tsv:2:"), "{err}");
        let missing = Extractor::from_files(Some(&dir.join("none.tsv")), Some(&l))
            .unwrap_err()
            .to_string();
        assert!(missing.contains("none.tsv"), "{missing}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn builtin_data_is_broad() {
        let ex = Extractor::builtin().unwrap();
        assert!(ex.gazetteer_len() > 500);
    }
}
