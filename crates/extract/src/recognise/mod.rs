//! Mentions in one sentence: gazetteer names, unknown names by cue, pronouns and role
//! descriptions, each resolved to a document entity.

use crate::doc::DocState;
use crate::gazetteer::{CaseRule, Form, Gazetteer};
use crate::lexicon::{class, Lexicon};
use crate::model::EntityKind;
use crate::text::{TokKind, Tokens};

mod lede;
mod references;
mod unknown;

pub(crate) use references::fits;
pub(crate) use unknown::irregular_plural;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MForm {
    Name,
    Adjective,
    Demonym,
    Pronoun,
    Description,
}

/// A span of tokens that refers to a document entity.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub t0: usize,
    pub t1: usize,
    pub ent: usize,
    pub form: MForm,
    /// Further candidates for a pronoun, best first.
    pub alts: Vec<usize>,
    /// Followed by `'s`: qualifies the next noun.
    pub possessive: bool,
    /// Introduced by `of` (President of the United States).
    pub after_of: bool,
    /// Introduced by a place preposition (in Alaska, at the White House).
    pub place: bool,
    /// Qualifies a title (US counterpart, Kremlin adviser).
    pub modifier: bool,
    /// An object pronoun (him, her).
    pub object_pronoun: bool,
    /// Stands for office holders the text leaves unnamed (`the foreign ministers of
    /// Armenia and Azerbaijan`): a party until an apposition names them.
    pub represented: bool,
}

impl Mention {
    fn new(t0: usize, t1: usize, ent: usize, form: MForm) -> Mention {
        Mention {
            t0,
            t1,
            ent,
            form,
            alts: Vec::new(),
            possessive: false,
            after_of: false,
            place: false,
            modifier: false,
            object_pronoun: false,
            represented: false,
        }
    }

    /// Can stand for a party to a relation.
    pub fn party(&self) -> bool {
        self.form != MForm::Adjective && !self.place && !self.after_of && !self.modifier
    }
}

/// Words that never qualify a title: `Russia says envoy X …` is no `Russia envoy`.
const NOT_QUALIFIER: u32 = class::STOP
    | class::SKIP
    | class::TRIGGER_START
    | class::REPORTING
    | class::PLACE_PREP
    | class::BOUNDARY;

/// Most capitalised words in a run considered as one name.
const MAX_RUN: usize = 8;

pub(crate) struct Recogniser<'a> {
    pub gaz: &'a Gazetteer,
    pub lex: &'a Lexicon,
}

impl Recogniser<'_> {
    /// All mentions of the sentence into `out`, sorted by position; registers entities with
    /// `doc`. `covered` is a reused buffer.
    pub fn mentions(
        &self,
        text: &str,
        t: &Tokens,
        doc: &mut DocState,
        covered: &mut Vec<bool>,
        out: &mut Vec<Mention>,
    ) {
        let n = t.len();
        covered.clear();
        covered.resize(n, false);
        out.clear();
        self.gazetteer_pass(text, t, doc, covered, out);
        self.unknown_pass(text, t, doc, covered, out);
        out.sort_by_key(|m| m.t0);
        // Offices first: `President X handed … to President Y, but the two leaders …`.
        self.note_titles(t, out, doc);
        let mut extra = self.pronouns_and_descriptions(t, doc, covered, out);
        out.append(&mut extra);
        out.sort_by_key(|m| (m.t0, m.form == MForm::Adjective));
        self.lede_person(text, t, doc, out);
        self.flags(t, out, doc);
        note_delegations(t, out, doc);
        let person = |m: &Mention, doc: &DocState| {
            m.party() && !m.possessive && doc.kind(m.ent) == Some(EntityKind::Person)
        };
        let first = out.iter().find(|m| person(m, doc)).map(|m| m.ent);
        // `…, and his sister, Kim Yo Jong, said …`: the reporter of a clause joined last is
        // the subject a reader follows into the next sentence.
        let reporter = out
            .iter()
            .rev()
            .find(|m| {
                let said = t.is(m.t1, class::REPORTING)
                    || (t.word(m.t1) == "," && t.is(m.t1 + 1, class::REPORTING));
                person(m, doc)
                    && said
                    && m.t0 > 1
                    && (m.t0.saturating_sub(6)..m.t0)
                        .any(|k| t.word(k) == "and" && t.word(k.wrapping_sub(1)) == ",")
            })
            .map(|m| m.ent);
        for e in first.into_iter().chain(reporter) {
            doc.note_subject(e);
        }
    }

    fn gazetteer_pass(
        &self,
        text: &str,
        t: &Tokens,
        doc: &mut DocState,
        covered: &mut [bool],
        out: &mut Vec<Mention>,
    ) {
        let n = t.len();
        let mut i = 0;
        while i < n {
            // Every gazetteer name starts with a capital or a digit.
            // `von der Leyen`: a name may open with a lower-case particle.
            let particle_start = || (t.cap(i + 1) || t.cap(i + 2)) && is_particle(t.word(i));
            if !t.is_word(i)
                || !(t.toks()[i].cap
                    || t.first_byte(i).is_some_and(|b| b.is_ascii_digit())
                    || particle_start())
            {
                i += 1;
                continue;
            }
            let Some((pid, j)) = self.gaz_match(t, i) else {
                i += 1;
                continue;
            };
            // `the Gulf of Fonseca`: a one-word name opening a longer one no list knows.
            if j == i && t.word(i + 1) == "of" && t.cap(i + 2) && t.is(i, class::LOC_SUFFIX) {
                i += 1;
                continue;
            }
            // `Sheikh Tamim bin Hamad Al Thani`: a longer name starting inside this one
            // wins over it.
            if (i + 1..=j).any(|k| {
                t.cap(k)
                    && self
                        .gaz_match(t, k)
                        .is_some_and(|(_, j2)| j2 > j && j2 - k > j - i)
            }) {
                i += 1;
                continue;
            }
            let Some(pat) = self.gaz.patterns.get(pid).copied() else {
                i += 1;
                continue;
            };
            // `Yunus-Bek Yevkurov`: a known person's name joined by a hyphen to a capitalised
            // word no list knows belongs to another person's name; `Martin Peterkin-Shaw`,
            // `Francis Fonseca`: a known surname alone, followed by one, is another person's
            // given name.
            let next = if t.word(j + 1) == "-" && t.touching(j) && t.touching(j + 1) {
                j + 2
            } else {
                j + 1
            };
            let entry = self.gaz.entries.get(pat.entry);
            let person = entry.is_some_and(|e| e.kind == EntityKind::Person);
            // (`Yoon Geum-hee Valtersson`: so is a one-word alias of a known person.)
            let unknown_word = |k: usize| t.cap(k) && t.unlisted(k);
            // (`Pierre-Luc Marchand`: a known surname alone, hyphenated to a given name any
            // list knows, is half a given name too.)
            let hyphen_given =
                person && next == j + 2 && (pat.form == Form::Surname || j == i) && t.cap(next);
            if (person || next == j + 2)
                && (next == j + 2 || pat.form == Form::Surname || j == i)
                && (unknown_word(next) || hyphen_given)
                && self.gaz_match(t, next).is_none()
            {
                i += 1;
                continue;
            }
            // `Mick Holland-Lyngstad`, `Ana Smith-Jordan`: no place is half a hyphenated
            // name.
            if i > 1
                && t.word(i - 1) == "-"
                && t.touching(i - 2)
                && t.touching(i - 1)
                && unknown_word(i - 2)
            {
                i += 1;
                continue;
            }
            let case_ok = match pat.case {
                CaseRule::Upper => {
                    (i..=j).all(|k| t.toks()[k].kind != TokKind::Word || t.toks()[k].upper)
                }
                CaseRule::Cap => {
                    t.toks()[i].cap
                        || t.first_byte(i).is_some_and(|b| b.is_ascii_digit())
                        || (is_particle(t.word(i)) && (i + 1..=j).any(|k| t.cap(k)))
                }
            };
            if !case_ok {
                i += 1;
                continue;
            }
            let form = match pat.form {
                Form::Name | Form::Surname => MForm::Name,
                Form::Adjective => MForm::Adjective,
                Form::Demonym => MForm::Demonym,
            };
            // "published in German." names a language, not the country.
            if form == MForm::Adjective
                && (i > 0 && t.word(i - 1) == "in")
                && matches!(t.word(j + 1), "." | "" | "," | ";")
            {
                i = j + 1;
                continue;
            }
            // `German Marshall Fund`, `Sudanese Armed Forces`: a nationality inside a longer
            // name; `Santiago Peña`: a city name as a given name.
            let city = pat.form == Form::Name && entry.is_some_and(|e| e.capital_of.is_some());
            // `Mohammed bin Abdulrahman Al Thani`: a known surname ending an unknown full name.
            // `Thérèse Kayikwamba Wagner`, `Saddam Haftar`: a one-word name of a person or an
            // organisation also ends unknown names, unless the word before only opens the
            // sentence.
            // (`Saddam Haftar wants`: at the sentence's opening too, once the text has named
            // him in full.)
            let named_in_full = || {
                i == 1
                    && text
                        .get(t.toks()[0].start..t.toks()[j].end)
                        .is_some_and(|full| doc.local(EntityKind::Person, full).is_some())
            };
            let one_word_name = pat.form == Form::Name
                && i == j
                && (i > 1 || named_in_full())
                && entry.is_some_and(|e| matches!(e.kind, EntityKind::Person | EntityKind::Org));
            let inside_name = (pat.form == Form::Surname || one_word_name)
                && i > 0
                && !covered[i - 1]
                && t.is_word(i - 1)
                && ((t.cap(i - 1)
                    && !t.toks()[i - 1].upper
                    && !t.is(i - 1, class::TITLE | class::TITLE_MOD | class::STOP))
                    || is_particle(t.word(i - 1)));
            // `Sudan Relief Coordination Forum`: a place opening an organisation's name;
            // `Milan Radoičić`: a place that is also a given name, opening a person's.
            let place = pat.form == Form::Name
                && entry.is_some_and(|e| matches!(e.kind, EntityKind::Gpe | EntityKind::Loc));
            let given = place && i == j && self.lex.given.contains_key(t.word(i));
            let city_or_region =
                pat.form == Form::Name && entry.is_some_and(|e| e.kind == EntityKind::Gpe);
            // `Pacific Islands Forum Fisheries Agency`: an organisation opening another's name.
            let org = pat.form == Form::Name && entry.is_some_and(|e| e.kind == EntityKind::Org);
            // `Sheikh Mohammed`: a family name that is also a title (al-Sheikh) is the title
            // of the name that follows.
            let title_of_next = pat.form == Form::Surname
                && i == j
                && t.is(i, class::TITLE)
                && t.is_word(j + 1)
                && t.cap(j + 1);
            if inside_name
                || title_of_next
                || ((form == MForm::Adjective || city || given)
                    && self.longer_name_follows(t, j + 1))
                || (place && self.org_head_follows(t, j + 1))
                // `the Narva River`: a town's name opening a feature's is not the town.
                || (city_or_region
                    && t.cap(j + 1)
                    && t.is(j + 1, class::LOC_SUFFIX)
                    && t.word(j + 2) != "of")
                || (org && self.head_follows(t, j + 1, class::ORG_SUFFIX))
                // `Asia-Europe Trade Observatory`: the first half of a compound opening one.
                || (place
                    && t.word(j + 1) == "-"
                    && t.touching(j)
                    && t.cap(j + 2)
                    && self.org_head_follows(t, j + 2))
            {
                i = j + 1;
                continue;
            }
            let ent = if pat.form == Form::Surname {
                doc.surname(t.word(i))
                    .or_else(|| doc.gaz_entity(self.gaz, pat.entry))
            } else {
                doc.gaz_entity(self.gaz, pat.entry)
            };
            let Some(ent) = ent else {
                i += 1;
                continue;
            };
            // `S Jaishankar`: an initial before a known person's name is part of it.
            let initial = i > 0
                && !covered[i - 1]
                && t.is_word(i - 1)
                && t.toks()[i - 1].upper
                && t.word(i - 1).len() == 1
                && doc.kind(ent) == Some(EntityKind::Person);
            let i0 = if initial { i - 1 } else { i };
            let surface = text.get(t.toks()[i0].start..t.toks()[j].end).unwrap_or("");
            doc.mention(ent, surface);
            covered[i0..=j].iter_mut().for_each(|c| *c = true);
            out.push(Mention::new(i0, j + 1, ent, form));
            if form == MForm::Name {
                define_acronym(t, j + 1, ent, doc, covered);
            }
            i = j + 1;
        }
    }

    /// The gazetteer pattern starting at token `k` and its last token. A word no pattern
    /// starts with is answered from its word class, without a search.
    fn gaz_match(&self, t: &Tokens, k: usize) -> Option<(usize, usize)> {
        if t.is_word(k) && !t.is(k, class::GAZ_START) {
            return None;
        }
        t.phrase_at(&self.gaz.trie, k)
    }

    /// Whether the capitalised word at `k` continues a name the gazetteer does not know,
    /// rather than being a title or a known name of its own.
    fn longer_name_follows(&self, t: &Tokens, k: usize) -> bool {
        self.org_head_follows(t, k)
            || t.is_word(k)
                && t.cap(k)
                && !t.toks()[k].upper
                // Not the second half of a hyphenated word.
                && (k == 0 || !t.touching(k - 1))
                && !t.is(
                    k,
                    class::TITLE
                        | class::TITLE_MOD
                        | class::STOP
                        | class::DELEGATE
                        | class::REPORTING
                        | class::TRIGGER_START,
                )
                && !self.lex.given.contains_key(t.word(k))
                && self.gaz_match(t, k).is_none()
    }

    /// `Italian Policy Institute`, `Sudan Relief Coordination Forum`: capitalised words
    /// from `k` that could qualify a title, ending in an organisation's or event's head noun.
    pub(super) fn org_head_follows(&self, t: &Tokens, k: usize) -> bool {
        self.head_follows(t, k, class::ORG_SUFFIX | class::EVENT_SUFFIX)
    }

    /// [`Self::org_head_follows`] for the head nouns in `heads`.
    fn head_follows(&self, t: &Tokens, k: usize, heads: u32) -> bool {
        let mut q = k;
        let mut end = k + 4;
        while q < end && t.is_word(q) && t.cap(q) && !t.is(q, class::TITLE) {
            if t.is(q, heads) {
                return q > k || self.gaz_match(t, k).is_none();
            }
            q += 1;
            // `Fishers' Council`, `Fishermen's Society`: a plural possessive inside the name.
            if ((t.word(q) == "'" && t.word(q - 1).ends_with('s'))
                || (t.word(q) == "'s" && unknown::irregular_plural(t.word(q - 1))))
                && t.cap(q + 1)
            {
                q += 1;
                end += 1;
            }
        }
        false
    }

    fn is_name_word(&self, t: &Tokens, k: usize, covered: &[bool]) -> bool {
        covered.get(k) == Some(&false) && t.is_word(k) && t.cap(k)
    }

    fn flags(&self, t: &Tokens, ms: &mut [Mention], doc: &DocState) {
        let lex = self.lex;
        for m in ms.iter_mut() {
            let next = t.word(m.t1);
            // `her Thai counterpart`, `her government` (not `met her in Paris`): `her`
            // before a word other than a function word is a determiner.
            let her_det = t.word(m.t0) == "her"
                && t.is_word(m.t1)
                && !t.is(
                    m.t1,
                    class::STOP | class::SKIP | class::TRIGGER_START | class::REPORTING,
                );
            m.possessive = matches!(next, "'s" | "'")
                || (m.form == MForm::Pronoun
                    && (her_det || matches!(t.word(m.t0), "his" | "its" | "their")));
            let mut b = m.t0;
            if b > 0 && t.word(b - 1) == "the" {
                b -= 1;
            }
            let prev = if b > 0 { t.word(b - 1) } else { "" };
            // `in the town of Gali`: a place noun and `of` stand between the preposition and
            // the place.
            let place_noun = prev == "of"
                && b > 1
                && t.is(b - 2, class::GPE_SUFFIX | class::LOC_SUFFIX)
                && !t.cap(b - 2);
            // `in the northern Tajik city of Khujand`: a few qualifying words may come first.
            let prep = if place_noun {
                (b.saturating_sub(7)..b - 2)
                    .rev()
                    .take_while(|&q| t.is_word(q))
                    .find(|&q| lex.has(t.word(q), class::PLACE_PREP))
            } else {
                None
            };
            let (b, prev) = match prep {
                Some(q) => (q + 1, t.word(q)),
                None => (b, prev),
            };
            // `Cabal of the opposition Democratic Centre party`: a modifier or two may
            // stand between `of the` and the name.
            let of_modified = b > 2
                && (b.saturating_sub(3)..b)
                    .rev()
                    .take_while(|&q| t.is_word(q) && !t.cap(q))
                    .any(|q| {
                        t.word(q) == "of"
                            && (q + 1..b).all(|x| {
                                t.is(x, class::DEFINITE)
                                    || !t.is(x, class::STOP | class::TRIGGER_START)
                            })
                    });
            // (`its breakaway region of Transnistria` is Transnistria itself.)
            // (`any of the group's officials`: a share of the whole, not a complement.)
            let quantified = b > 1
                && matches!(
                    t.word(b - 2),
                    "any" | "all" | "some" | "none" | "one" | "each" | "either" | "both"
                );
            m.after_of = (prev == "of" || of_modified)
                && !place_noun
                && !(prev == "of" && quantified)
                && m.form != MForm::Pronoun;
            let placeable = self.placeable(doc, m.ent);
            // `ambassador to the Holy See`: the complement of a title is no venue; `the
            // government in Port Louis` is a government, which acts.
            // (`his counterpart from Tiraspol`: whence a title holder comes, no party either;
            // `ministers from the AES` are the group's envoys, as a delegation is.)
            let origin = b > 1
                && prev == "from"
                && t.is(b - 2, class::TITLE)
                && !t.word(b - 2).ends_with('s');
            let title_complement = b > 1
                && ((prev == "to" && t.is(b - 2, class::TITLE))
                    // `delegations from Morocco`: who sent them, not where they met.
                    || (prev == "from" && t.is(b - 2, class::DELEGATE))
                    || origin);
            let governed = b > 1
                && prev == "in"
                && matches!(
                    t.word(b - 2),
                    "government" | "authorities" | "administration" | "leadership" | "regime"
                );
            // `in the Eritrean capital` is a place too.
            let capital = m.form == MForm::Description && doc.kind(m.ent) == Some(EntityKind::Gpe);
            // (`in the capital, Maputo,`: a place noun and its name in apposition.)
            let apposed = prev == ","
                && b > 3
                && matches!(t.word(b - 2), "capital" | "city" | "town" | "port")
                && t.word(b - 3) == "the"
                && lex.has(t.word(b - 4), class::PLACE_PREP);
            // `a meeting planned for Rome`, `talks scheduled for Geneva`.
            let planned_for = b > 1
                && prev == "for"
                && matches!(t.word(b - 2), "planned" | "scheduled" | "slated" | "set");
            // `discussed the situation in South Sudan`: a topic, not a venue.
            let topic = prev == "in" && b > 1 && t.id_in(b - 2, &lex.topic_nouns);
            m.place = placeable
                && !topic
                && (m.form == MForm::Name || capital)
                && (lex.has(prev, class::PLACE_PREP)
                    || planned_for
                    || apposed
                    || t.on_locative(m.t0, m.t1)
                    || t.facility_site(m.t0, m.t1))
                && !title_complement
                && !governed
                // `spoke to Pakistan's deputy PM`: a possessive before a title names no
                // destination (`travelled to Ukraine's capital` does).
                && !(m.possessive && t.is(m.t1 + 1, class::TITLE | class::TITLE_MOD));
            // `US counterpart`, `Kremlin adviser`, `US Secretary`: a title follows.
            // `a Yerevan-based NGO`, `Iran-backed militias`: the first half of a compound
            // adjective names no actor either.
            let compound = next == "-"
                && m.t1 > 0
                && t.touching(m.t1 - 1)
                && t.touching(m.t1)
                && t.is_word(m.t1 + 1)
                && !t.cap(m.t1 + 1);
            // (`EU Enlargement Commissioner`: a capitalised word may qualify the title too;
            // `Kinmen County Magistrate`: so may the kind of place the name is; `White House
            // border czar Tom Homan`: so may a plain word, before a titled name.)
            let plain = |k: usize| {
                t.is_word(k)
                    && !t.cap(k)
                    && !t.is(k, NOT_QUALIFIER)
                    && t.is(k + 1, class::TITLE)
                    && t.cap(k + 2)
            };
            m.modifier = compound
                || origin
                || matches!(m.form, MForm::Name | MForm::Demonym) && {
                    let mut k = m.t1;
                    while k < m.t1 + 3
                        && !t.is(k, class::TITLE)
                        && (t.is(k, class::TITLE_MOD)
                            || plain(k)
                            || (t.cap(k)
                                && (t.unlisted(k) || t.is(k, class::GPE_SUFFIX))
                                && t.is(k + 1, class::TITLE)))
                    {
                        k += 1;
                    }
                    t.is(k, class::TITLE)
                };
        }
        // `the prime ministers of Sweden, Norway and Finland`: the whole list follows `of`.
        for i in 1..ms.len() {
            let (before, rest) = ms.split_at_mut(i);
            let (p, m) = (&before[i - 1], &mut rest[0]);
            // Not `the head of the AU Commission, Mahmoud Ali Youssouf,`: a person after a
            // comma names who the title described; nor `Momade of Renamo and Simango of the
            // MDM`: a person after a body is another member of an outer list.
            let person_after_body = doc.kind(m.ent) == Some(EntityKind::Person)
                && doc.kind(p.ent) != Some(EntityKind::Person);
            if p.after_of
                && m.form != MForm::Pronoun
                && p.t1 < m.t0
                && !person_after_body
                && (p.t1..m.t0).all(|k| matches!(t.word(k), "," | "and" | "or" | "the"))
            {
                m.after_of = true;
            }
            // `Nobody in Kathmandu or Delhi asked`: a place's list goes on after `or`.
            if p.place
                && m.form == MForm::Name
                && p.t1 + 1 == m.t0
                && matches!(t.word(p.t1), "or" | "and")
                && self.placeable(doc, m.ent)
            {
                m.place = true;
            }
        }
        // `The foreign ministers of Armenia and Azerbaijan met`, `the leaders of the two
        // countries`: office holders the text leaves unnamed act for what follows `of`; not
        // in an apposition (`Mirzoyan, the foreign minister of Armenia,`), whose name acts.
        for m in ms
            .iter_mut()
            .filter(|m| m.after_of && m.form == MForm::Name)
        {
            if !matches!(doc.kind(m.ent), Some(EntityKind::Gpe | EntityKind::Org)) {
                continue;
            }
            let mut of = m.t0.saturating_sub(1);
            if t.word(of) == "the" {
                of = of.saturating_sub(1);
            }
            // Back over the list the mention closes (`of Sweden, Norway and Finland`).
            while of > 0 && t.word(of) != "of" {
                if !(t.cap(of) || matches!(t.word(of), "," | "and" | "the")) {
                    break;
                }
                of -= 1;
            }
            if of == 0 || t.word(of) != "of" {
                continue;
            }
            let mut k = of - 1;
            if !t.is(k, class::TITLE | class::DELEGATE) {
                continue;
            }
            while k > 0
                && t.is(k - 1, class::TITLE | class::TITLE_MOD)
                && !t.is(k - 1, class::DEFINITE)
            {
                k -= 1;
            }
            let opens = k > 0 && t.is(k - 1, class::DEFINITE) && (k == 1 || t.word(k - 2) != ",");
            if opens {
                m.after_of = false;
                m.represented = true;
            }
        }
        // `Ukrainian and US officials`, `the Russian delegation`, `EU officials`: a country or
        // an organisation (not a building) acting through its representatives is a party.
        let gpe = |m: &Mention| doc.kind(m.ent) == Some(EntityKind::Gpe);
        let body = |m: &Mention| {
            doc.ents
                .get(m.ent)
                .is_some_and(|e| e.kind == EntityKind::Org && !self.gaz.is_building(e.gaz))
        };
        for i in 0..ms.len() {
            if !(gpe(&ms[i]) || body(&ms[i]))
                || !matches!(ms[i].form, MForm::Name | MForm::Adjective)
            {
                continue;
            }
            let member =
                |m: &Mention| matches!(doc.kind(m.ent), Some(EntityKind::Gpe | EntityKind::Org));
            if runs_into_delegation(t, ms, ms[i].t1, member, false).is_some() {
                let m = &mut ms[i];
                m.form = MForm::Demonym;
                m.modifier = false;
                m.place = false;
            }
        }
    }

    /// Places: regions, sites, events, and seats of government (White House).
    fn placeable(&self, doc: &DocState, ent: usize) -> bool {
        doc.ents.get(ent).is_some_and(|e| match e.kind {
            EntityKind::Gpe | EntityKind::Loc | EntityKind::Event => true,
            EntityKind::Org => self.gaz.is_building(e.gaz),
            _ => false,
        })
    }
}

/// The trigger phrase starting at token `k` and its last token; a word no trigger starts
/// with is answered from its word class, without a search.
pub(crate) fn trigger_match(t: &Tokens, lex: &Lexicon, k: usize) -> Option<(usize, usize)> {
    if t.is_word(k) && !t.is(k, class::TRIGGER_START) {
        return None;
    }
    t.phrase_at(&lex.trigger_trie, k)
}

/// Lower-case particles inside personal and place names.
fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "al" | "el"
            | "bin"
            | "bint"
            | "ibn"
            | "de"
            | "da"
            | "di"
            | "do"
            | "dos"
            | "das"
            | "del"
            | "della"
            | "van"
            | "von"
            | "der"
            | "den"
            | "du"
            | "la"
            | "le"
            | "ter"
    )
}

/// `Israeli and Hamas delegations`, `Moscow's negotiators`: countries and organisations
/// named before a delegation noun are remembered as negotiating parties.
fn note_delegations(t: &Tokens, ms: &[Mention], doc: &mut DocState) {
    let actor = |m: &Mention| {
        m.form != MForm::Pronoun
            && matches!(doc.kind(m.ent), Some(EntityKind::Gpe | EntityKind::Org))
    };
    let sent: Vec<usize> = ms
        .iter()
        .filter(|m| actor(m))
        // `Egyptian and Qatari mediators` are not one of `the two delegations`.
        .filter(|m| {
            runs_into_delegation(t, ms, m.t1, actor, true)
                .is_some_and(|k| !t.word(k).starts_with("mediator"))
        })
        .map(|m| m.ent)
        .collect();
    for e in sent {
        doc.note_delegation(e);
    }
}

/// The delegation noun the words from token `k` on reach, skipping `and`, commas and
/// further `member` mentions (and `'s` when `possessive`): `Israeli and Hamas delegations`,
/// `Moscow's negotiators`.
fn runs_into_delegation(
    t: &Tokens,
    ms: &[Mention],
    mut k: usize,
    member: impl Fn(&Mention) -> bool,
    possessive: bool,
) -> Option<usize> {
    for _ in 0..8 {
        let w = t.word(k);
        if matches!(w, "and" | "," | "&") || (possessive && w == "'s") {
            k += 1;
            continue;
        }
        match ms.iter().find(|x| x.t0 == k && member(x)) {
            Some(x) => k = x.t1,
            None => break,
        }
    }
    // `Thai and Cambodian defence officials`: a modifier before the noun.
    let modifier = t.is_word(k)
        && !t.cap(k)
        && !t.word(k).ends_with("ed")
        && !t.is(
            k,
            class::DELEGATE | class::STOP | class::REPORTING | class::TRIGGER_START,
        );
    if modifier && t.is(k + 1, class::DELEGATE) {
        return Some(k + 1);
    }
    t.is(k, class::DELEGATE).then_some(k)
}

/// `Merz, Macron and Starmer … they`: the nearest list of two or more names or descriptions
/// before `k` in the sentence, joined only by commas and `and`.
fn coordinated_group(t: &Tokens, ms: &[Mention], k: usize) -> Vec<usize> {
    let named: Vec<&Mention> = ms
        .iter()
        .filter(|m| {
            m.t1 <= k
                && matches!(m.form, MForm::Name | MForm::Demonym | MForm::Description)
                && !m.possessive
                // (`Kushner, the president's son-in-law`: a description owning the
                // apposition is no member.)
                && !matches!(t.word(m.t1), "'s" | "'")
        })
        .collect();
    let mut group: Vec<usize> = Vec::new();
    let mut next_start = None;
    for m in named.iter().rev() {
        if let Some(ns) = next_start {
            // `Ishiba and U.S. President Donald Trump … they`: a name before the next one's
            // title qualifies it.
            if m.t1 < ns && (m.t1..ns).all(|i| t.is(i, class::TITLE | class::TITLE_MOD)) {
                next_start = Some(m.t0);
                continue;
            }
            let joined = (m.t1..ns).all(|i| matches!(t.word(i), "," | "and"));
            if !joined || m.t1 == ns {
                if group.len() >= 2 {
                    break;
                }
                group.clear();
            }
        }
        if !group.contains(&m.ent) {
            group.push(m.ent);
        }
        next_start = Some(m.t0);
    }
    if group.len() >= 2 {
        group.reverse();
        group
    } else {
        Vec::new()
    }
}

/// `Rapid Support Forces (RSF)`: the initialism in brackets names the same entity from now
/// on in the article.
fn define_acronym(t: &Tokens, k: usize, ent: usize, doc: &mut DocState, covered: &mut [bool]) {
    if t.word(k) == "("
        && t.word(k + 2) == ")"
        && t.is_word(k + 1)
        && t.toks()
            .get(k + 1)
            .is_some_and(|x| x.upper && x.end - x.start >= 2)
    {
        doc.surnames.entry(t.word(k + 1).to_string()).or_insert(ent);
        if let Some(c) = covered.get_mut(k + 1) {
            *c = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Article, Extractor};

    fn names(text: &str) -> Vec<(String, Vec<String>)> {
        let ex = Extractor::builtin().unwrap();
        let d = ex.extract(&Article::new("t", text, None));
        d.entities
            .into_iter()
            .map(|e| (e.name, e.aliases))
            .collect()
    }

    #[test]
    fn spelling_variants_and_titles_resolve_to_one_entity() {
        let n = names("President Zelenskyy met Mr Zelensky's team. Zelenskiy left.");
        let z: Vec<_> = n
            .iter()
            .filter(|(name, _)| name == "Volodymyr Zelensky")
            .collect();
        assert_eq!(z.len(), 1);
        assert!(z[0].1.contains(&"Zelenskiy".to_string()));
    }

    #[test]
    fn unknown_people_by_cue_and_their_surnames() {
        let n = names("Russia released schoolteacher Marc Fogel. Later Mr Fogel flew home. Anna Kowalski agreed.");
        assert!(n
            .iter()
            .any(|(name, al)| name == "Marc Fogel" && al.contains(&"Fogel".to_string())));
        assert!(n.iter().any(|(name, _)| name == "Anna Kowalski"));
        assert_eq!(
            n.iter().filter(|(name, _)| name.contains("Fogel")).count(),
            1
        );
    }

    #[test]
    fn demonyms_count_as_the_country_but_sentence_openers_are_no_names() {
        let n = names("The Russians want territory. Many Ukrainians have died. According to officials, Western Powers agree.");
        assert!(n.iter().any(|(name, _)| name == "Russia"));
        assert!(n.iter().any(|(name, _)| name == "Ukraine"));
        assert_eq!(n.len(), 2, "{n:?}");
    }

    #[test]
    fn pronouns_and_descriptions_resolve_in_relations() {
        let ex = Extractor::builtin().unwrap();
        let d = ex.extract(&Article::new(
            "t",
            "Vladimir Putin met Donald Trump. Later the Russian president said he would call Xi Jinping.",
            None,
        ));
        let putin_xi = d.relations.iter().any(|r| {
            r.subject == "wd:Q7747" && r.object.as_deref() == Some("wd:Q15031")
                || r.subject == "wd:Q15031" && r.object.as_deref() == Some("wd:Q7747")
        });
        assert!(putin_xi, "{:?}", d.relations);
    }
}
