//! Per-document entity registry: one entry per real-world entity, with the surface forms
//! the article used, and the recency lists pronouns and descriptions are resolved against.

use crate::fasthash::FastMap;
use crate::gazetteer::{fold_diacritics, slug_id, surname_forms, Gazetteer};
use crate::lexicon::Gender;
use crate::model::{Entity, EntityKind};
use std::borrow::Cow;

#[derive(Debug, Clone)]
pub(crate) struct DocEnt {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub gaz: Option<usize>,
    pub gender: Option<Gender>,
    pub aliases: Vec<String>,
    pub mentions: usize,
    /// An armed group or movement (gazetteer `group`).
    pub group: bool,
    /// A building or seat of government (gazetteer `building`): no bloc or alliance.
    pub building: bool,
}

/// An invitation to meet: who invited whom, the meeting's date and place as the invitation
/// gave them, and the sentence that told of it.
#[derive(Debug, Clone)]
pub(crate) struct Invitation {
    pub host: usize,
    pub guest: usize,
    pub date: Option<String>,
    pub place: Option<usize>,
    pub sentence: usize,
}

#[derive(Debug, Default)]
pub(crate) struct DocState {
    pub ents: Vec<DocEnt>,
    by_id: FastMap<String, usize>,
    /// Gazetteer entry -> entity, so a known name costs no string hashing after its first
    /// mention.
    by_entry: FastMap<usize, usize>,
    /// Lower-case surname -> entity, from full names seen in this article.
    pub surnames: FastMap<String, usize>,
    /// Family names two or more persons share, once per (name, person), in the order noted.
    pub shared_surnames: Vec<(String, usize)>,
    /// Persons in mention order, most recent last (bounded).
    pub recent_persons: Vec<usize>,
    /// The first person named in each recent sentence, most recent last (bounded).
    pub recent_subjects: Vec<usize>,
    /// Countries and organisations that acted through delegations or negotiators, most
    /// recent last (bounded): who `the two delegations` are.
    pub recent_delegations: Vec<usize>,
    /// Armed groups and movements in mention order, most recent last (bounded).
    pub recent_groups: Vec<usize>,
    /// Other organisations (not buildings) in mention order, most recent last (bounded):
    /// what `the bloc` or `the alliance` is.
    pub recent_orgs: Vec<usize>,
    /// Offices the text gives persons by title (`Chancellor Olaf Scholz`): (entity, office).
    pub titles: Vec<(usize, String)>,
    /// Persons the text gives a country's office (`Samoan Prime Minister X`, `Georgia's
    /// prime minister, X`): (person, country, office).
    pub served: Vec<(usize, usize, String)>,
    /// Persons the text names with their country, office or none (`Kazakh Energy Minister
    /// X`, `Uzbekistan's Y`, `his Kyrgyz counterpart, Z`): (person, country).
    pub nationals: Vec<(usize, usize)>,
    /// A country that stood for its office holder, unnamed there (`hosted Samoa's leader`):
    /// (byte start of the sentence, country, office).
    pub stand_ins: Vec<(usize, usize, String)>,
    /// Pairs of persons the text said met or would meet, with how often it said so, in
    /// the order first said: `the two leaders` of a story are most likely the pair it
    /// tells of most.
    met: Vec<(usize, usize, u32)>,
    /// Pairs of countries or organisations told of as meeting, in text order (each once).
    sides_met: Vec<(usize, usize)>,
    /// The last meeting told of as held, even one that named no parties (`talks … ended in
    /// Geneva`), for `the talks` later on.
    pub last_event: Option<EventNote>,
    /// Where the last named event a party was in or went to took place (`is in New York
    /// for the UN General Assembly`, `flies to New York on Monday for the UN General
    /// Assembly`), for meetings `on the sidelines` of it.
    pub event_place: Option<EventNote>,
    /// The last occasion of each kind told of with its date or place (`at a ceremony in
    /// Tromsø on Monday`), by the word id of its noun and oldest first, for `after the
    /// ceremony` (and `the summit`, past a `session` told of since).
    pub occasions: Vec<(u32, EventNote)>,
    /// The last invitation to a meeting told of, for an answer in the same or the next
    /// sentence (`X invited Y to Damascus. The Turkish leader accepted.`).
    pub invitation: Option<Invitation>,
    /// Sentences of the body seen so far.
    pub sentences_seen: usize,
    /// A person the lead describes without naming (a placeholder entity), and the person
    /// the next sentences name as that one.
    pub lede_person: Option<(usize, Option<usize>)>,
    /// Who speaks in the first person outside quotes: the person a headline says the text
    /// is by (`Press statement by EU Special Representative X`, `Remarks by President Y`).
    pub author: Option<usize>,
    /// The last two persons told of as meeting, and the sentence count when they were: `the
    /// two leaders` of the next sentence are they.
    pub last_met: Option<(usize, usize, usize)>,
    /// Who led a side at a meeting told as held (the byte starts of its sentence and of
    /// the sentence that said so, the leader): `Pakistan's delegation was led by X. The
    /// Afghan side was led by Y.`
    pub led: Vec<(usize, usize, usize)>,
    /// Who speaks the quotation being read, once known: named after it closes, or for an
    /// earlier quotation of the same paragraph.
    pub quote_speaker: Option<usize>,
    /// Lower-case first name -> the first person with a full name that starts with it;
    /// filled on demand up to `first_names_upto` entities.
    first_names: FastMap<String, usize>,
    first_names_upto: usize,
}

/// A meeting that named no parties: where its sentence lies, when and where it was.
#[derive(Debug, Clone)]
pub(crate) struct EventNote {
    /// Byte span of the sentence.
    pub bytes: (usize, usize),
    pub date: Option<String>,
    pub place: Option<usize>,
}

const RECENT: usize = 12;

impl DocState {
    /// Remembers that the text named `person` with `country` (`Uzbekistan's X`).
    pub fn note_national(&mut self, person: usize, country: usize) {
        if !self.nationals.contains(&(person, country)) {
            self.nationals.push((person, country));
        }
    }

    /// The country a party stands for: itself, or the one country the text gave a person.
    pub fn country_of(&self, e: usize) -> Option<usize> {
        if self.kind(e) == Some(EntityKind::Gpe) {
            return Some(e);
        }
        let mut of = self
            .nationals
            .iter()
            .filter(|(p, _)| *p == e)
            .map(|(_, c)| *c);
        let c = of.next()?;
        of.all(|x| x == c).then_some(c)
    }

    /// The entity for a gazetteer entry, created on first use.
    pub fn gaz_entity(&mut self, gaz: &Gazetteer, entry: usize) -> Option<usize> {
        if let Some(&i) = self.by_entry.get(&entry) {
            return Some(i);
        }
        let e = gaz.entries.get(entry)?;
        if let Some(&i) = self.by_id.get(&e.id) {
            self.by_entry.insert(entry, i);
            return Some(i);
        }
        let i = self.ents.len();
        self.ents.push(DocEnt {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind,
            gaz: Some(entry),
            gender: e.gender,
            aliases: Vec::new(),
            mentions: 0,
            group: e.group,
            building: e.building,
        });
        self.by_id.insert(e.id.clone(), i);
        self.by_entry.insert(entry, i);
        if e.kind == EntityKind::Person {
            let mut words = e.name.split_whitespace();
            // `Pope Leo XIV`, `King Charles III`: a later bare `Leo` names him, not `XIV`.
            let family = if e.surname_first {
                words.next()
            } else {
                words.rfind(|w| !is_regnal_number(w))
            };
            for f in family.into_iter().flat_map(surname_forms) {
                self.note_surname(f, i);
            }
        }
        Some(i)
    }

    /// Registers a family name of person `i`, also as written without diacritics
    /// (`Mr. Pena` after `Santiago Peña`).
    pub(crate) fn note_surname(&mut self, f: &str, i: usize) {
        if let Cow::Owned(plain) = fold_diacritics(f) {
            self.note_surname_key(plain.to_lowercase(), i);
        }
        self.note_surname_key(f.to_lowercase(), i);
    }

    fn note_surname_key(&mut self, key: String, i: usize) {
        match self.surnames.get(&key) {
            None => {
                self.surnames.insert(key, i);
            }
            Some(&p) if p != i => {
                for e in [p, i] {
                    if !self
                        .shared_surnames
                        .iter()
                        .any(|(k, x)| *k == key && *x == e)
                    {
                        self.shared_surnames.push((key.clone(), e));
                    }
                }
            }
            Some(_) => {}
        }
    }

    /// The entity already made for gazetteer entry `entry`, if the article named it.
    pub fn by_entry_ent(&self, entry: usize) -> Option<usize> {
        self.by_entry.get(&entry).copied()
    }

    /// The person a family name alone stands for. Of several who share it, the one the
    /// text has named most so far, the last noted on a tie: `Kim` after Kim Jong Un, told
    /// of throughout, and his sister Kim Yo Jong; `Wang` after Wang Wentao and then Wang Yi.
    pub fn surname(&self, w: &str) -> Option<usize> {
        let first = *self.surnames.get(w)?;
        let mentions = |e: usize| self.ents.get(e).map_or(0, |d| d.mentions);
        self.shared_surnames
            .iter()
            .filter(|(k, _)| k == w)
            .map(|&(_, e)| e)
            .max_by_key(|&e| mentions(e))
            .or(Some(first))
    }

    /// The entity already made for a name no gazetteer knows, if any.
    pub fn local(&self, kind: EntityKind, name: &str) -> Option<usize> {
        self.by_id.get(&slug_id(kind, name)).copied()
    }

    /// The entity for a name no gazetteer knows.
    pub fn local_entity(&mut self, kind: EntityKind, name: &str, gender: Option<Gender>) -> usize {
        let id = slug_id(kind, name);
        if let Some(&i) = self.by_id.get(&id) {
            return i;
        }
        let i = self.ents.len();
        self.ents.push(DocEnt {
            id: id.clone(),
            name: name.to_string(),
            kind,
            gaz: None,
            gender,
            aliases: Vec::new(),
            mentions: 0,
            group: false,
            building: false,
        });
        self.by_id.insert(id, i);
        if kind == EntityKind::Person {
            let parts: Vec<&str> = name.split_whitespace().collect();
            if parts.len() >= 2 {
                if let Some(&last) = parts.last() {
                    for f in surname_forms(last) {
                        self.note_surname(f, i);
                    }
                }
            }
        }
        i
    }

    /// Counts a mention and remembers the surface form.
    pub fn mention(&mut self, ent: usize, surface: &str) {
        let Some(e) = self.ents.get_mut(ent) else {
            return;
        };
        e.mentions += 1;
        let s = surface.trim();
        if !s.is_empty() && s != e.name && !e.aliases.iter().any(|a| a == s) && e.aliases.len() < 32
        {
            e.aliases.push(s.to_string());
        }
        if e.kind == EntityKind::Person {
            push_recent(&mut self.recent_persons, ent);
        } else if e.group {
            push_recent(&mut self.recent_groups, ent);
        } else if e.kind == EntityKind::Org && !e.building {
            push_recent(&mut self.recent_orgs, ent);
        }
    }

    /// The kind of entity `ent`, if there is one.
    pub fn kind(&self, ent: usize) -> Option<EntityKind> {
        self.ents.get(ent).map(|e| e.kind)
    }

    /// A pronoun or description mention: keeps the entity salient without counting it.
    pub fn touch(&mut self, ent: usize) {
        if self.kind(ent) == Some(EntityKind::Person) {
            push_recent(&mut self.recent_persons, ent);
        }
    }

    pub fn note_met(&mut self, a: usize, b: usize) {
        let (a, b) = (a.min(b), a.max(b));
        self.last_met = Some((a, b, self.sentences_seen));
        if let Some(p) = self.met.iter_mut().find(|p| p.0 == a && p.1 == b) {
            p.2 += 1;
        } else if self.met.len() < 64 {
            self.met.push((a, b, 1));
        }
    }

    /// The pair of persons told of most as meeting (the later one on a tie) among those
    /// `fits` accepts.
    pub fn main_meeting(&self, fits: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
        self.met
            .iter()
            .enumerate()
            .filter(|(_, p)| fits(p.0) && fits(p.1))
            .max_by_key(|(i, p)| (p.2, *i))
            .map(|(_, p)| (p.0, p.1))
    }

    /// The pair of persons told of most as meeting, the earlier one on a tie: whom the
    /// article opened with.
    pub fn lead_meeting(&self, fits: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
        self.met
            .iter()
            .enumerate()
            .filter(|(_, p)| fits(p.0) && fits(p.1))
            .max_by_key(|(i, p)| (p.2, std::cmp::Reverse(*i)))
            .map(|(_, p)| (p.0, p.1))
    }

    /// Two countries or organisations met.
    pub fn note_sides_met(&mut self, a: usize, b: usize) {
        let (a, b) = (a.min(b), a.max(b));
        if !self.sides_met.contains(&(a, b)) && self.sides_met.len() < 64 {
            self.sides_met.push((a, b));
        }
    }

    /// The last `count` countries or organisations the text told of as all meeting one
    /// another (`Ethiopia, Egypt and Sudan resumed talks` … `the three delegations`).
    pub fn met_group(&self, count: usize) -> Option<Vec<usize>> {
        let met = |a: usize, b: usize| self.sides_met.contains(&(a.min(b), a.max(b)));
        let mut group: Vec<usize> = Vec::new();
        for &(a, b) in self.sides_met.iter().rev() {
            for e in [a, b] {
                if group.len() < count && !group.contains(&e) && group.iter().all(|&g| met(g, e)) {
                    group.push(e);
                }
            }
            if group.len() == count {
                group.sort_unstable();
                return Some(group);
            }
        }
        None
    }

    pub fn note_subject(&mut self, ent: usize) {
        push_recent(&mut self.recent_subjects, ent);
    }

    pub fn note_delegation(&mut self, ent: usize) {
        push_recent(&mut self.recent_delegations, ent);
    }

    pub fn gender_fits(&self, ent: usize, g: Gender) -> bool {
        self.ents
            .get(ent)
            .is_some_and(|e| e.kind == EntityKind::Person && !matches!(e.gender, Some(x) if x != g))
    }

    /// Forgets everything, keeping the allocations for the next article (up to a size that
    /// ordinary articles need, so one huge article does not pin its memory).
    pub fn clear(&mut self) {
        const KEEP: usize = 1024;
        self.ents.clear();
        self.ents.shrink_to(KEEP);
        self.by_id.clear();
        self.by_id.shrink_to(KEEP);
        self.by_entry.clear();
        self.by_entry.shrink_to(KEEP);
        self.surnames.clear();
        self.surnames.shrink_to(KEEP);
        self.shared_surnames.clear();
        self.recent_persons.clear();
        self.recent_groups.clear();
        self.recent_orgs.clear();
        self.recent_subjects.clear();
        self.recent_delegations.clear();
        self.titles.clear();
        self.served.clear();
        self.nationals.clear();
        self.stand_ins.clear();
        self.met.clear();
        self.sides_met.clear();
        self.last_event = None;
        self.event_place = None;
        self.occasions.clear();
        self.invitation = None;
        self.sentences_seen = 0;
        self.lede_person = None;
        self.author = None;
        self.last_met = None;
        self.led.clear();
        self.quote_speaker = None;
        self.first_names.clear();
        self.first_names_upto = 0;
    }

    /// Whether a person named so far has `given` (lower case) as first name; a scan, for
    /// the rare word that needs it.
    pub fn goes_by(&self, given: &str) -> bool {
        self.ents.iter().any(|e| {
            e.kind == EntityKind::Person
                && e.name
                    .split_whitespace()
                    .next()
                    .is_some_and(|g| g.eq_ignore_ascii_case(given))
        })
    }

    /// The first person whose full name (more than one word) starts with `given`, a
    /// lower-case word: `Sheikh Mohammed` after `Sheikh Mohammed bin Salman`. Entities are
    /// indexed once each, when first needed.
    pub fn by_first_name(&mut self, given: &str) -> Option<usize> {
        while let Some(e) = self.ents.get(self.first_names_upto) {
            if e.kind == EntityKind::Person && e.name.contains(' ') {
                if let Some(g) = e.name.split_whitespace().next() {
                    self.first_names
                        .entry(g.to_lowercase())
                        .or_insert(self.first_names_upto);
                }
            }
            self.first_names_upto += 1;
        }
        self.first_names.get(given).copied()
    }

    /// Entities with at least one mention, in order of first appearance; the registry is
    /// left empty of entities.
    pub fn take_entities(&mut self) -> Vec<Entity> {
        self.ents
            .drain(..)
            .filter(|e| e.mentions > 0)
            .map(|e| Entity {
                id: e.id,
                name: e.name,
                kind: e.kind,
                aliases: e.aliases,
                mentions: e.mentions,
            })
            .collect()
    }
}

/// A Roman numeral after a regnal name (II, XIV).
fn is_regnal_number(w: &str) -> bool {
    !w.is_empty() && w.len() <= 5 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

fn push_recent(v: &mut Vec<usize>, ent: usize) {
    if let Some(p) = v.iter().position(|&x| x == ent) {
        v.remove(p);
    }
    v.push(ent);
    if v.len() > RECENT {
        v.remove(0);
    }
}
