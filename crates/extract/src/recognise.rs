//! Mentions in one sentence: gazetteer names, unknown names by cue, pronouns and role
//! descriptions, each resolved to a document entity.

use crate::doc::DocState;
use crate::gazetteer::{CaseRule, Form, Gazetteer};
use crate::lexicon::{class, Gender, Lexicon};
use crate::model::EntityKind;
use crate::text::{TokKind, Tokens};

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
        }
    }

    /// Can stand for a party to a relation.
    pub fn party(&self) -> bool {
        self.form != MForm::Adjective && !self.place && !self.after_of && !self.modifier
    }
}

/// Offices of heads of state and government: who `the leader`, `the two leaders` can be.
const HEADS: [&str; 6] = [
    "president",
    "prime minister",
    "chancellor",
    "leader",
    "king",
    "supreme leader",
];

/// Longest run of capitalised words considered as one name.
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
        let mut extra = self.pronouns_and_descriptions(t, doc, covered, out);
        out.append(&mut extra);
        out.sort_by_key(|m| (m.t0, m.form == MForm::Adjective));
        self.flags(t, out, doc);
        self.note_titles(t, out, doc);
        note_delegations(t, out, doc);
        if let Some(m) = out.iter().find(|m| {
            m.party()
                && !m.possessive
                && doc
                    .ents
                    .get(m.ent)
                    .is_some_and(|e| e.kind == EntityKind::Person)
        }) {
            doc.note_subject(m.ent);
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
                || !(t.toks[i].cap
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
            let case_ok = match pat.case {
                CaseRule::Upper => {
                    (i..=j).all(|k| t.toks[k].kind != TokKind::Word || t.toks[k].upper)
                }
                CaseRule::Cap => {
                    t.toks[i].cap
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
            let city = pat.form == Form::Name
                && self
                    .gaz
                    .entries
                    .get(pat.entry)
                    .is_some_and(|e| e.capital_of.is_some());
            // `Mohammed bin Abdulrahman Al Thani`: a known surname ending an unknown full name.
            // `Thérèse Kayikwamba Wagner`, `Saddam Haftar`: a one-word name of a person or an
            // organisation also ends unknown names, unless the word before only opens the
            // sentence.
            let one_word_name = pat.form == Form::Name
                && i == j
                && i > 1
                && self
                    .gaz
                    .entries
                    .get(pat.entry)
                    .is_some_and(|e| matches!(e.kind, EntityKind::Person | EntityKind::Org));
            let inside_name = (pat.form == Form::Surname || one_word_name)
                && i > 0
                && !covered[i - 1]
                && t.is_word(i - 1)
                && ((t.cap(i - 1)
                    && !t.toks[i - 1].upper
                    && !t.is(i - 1, class::TITLE | class::TITLE_MOD | class::STOP))
                    || is_particle(t.word(i - 1)));
            if inside_name
                || ((form == MForm::Adjective || city) && self.longer_name_follows(t, j + 1))
            {
                i = j + 1;
                continue;
            }
            let ent = if pat.form == Form::Surname {
                doc.surnames
                    .get(t.word(i))
                    .copied()
                    .or_else(|| doc.gaz_entity(self.gaz, pat.entry))
            } else {
                doc.gaz_entity(self.gaz, pat.entry)
            };
            let Some(ent) = ent else {
                i += 1;
                continue;
            };
            let surface = text.get(t.toks[i].start..t.toks[j].end).unwrap_or("");
            doc.mention(ent, surface);
            covered[i..=j].iter_mut().for_each(|c| *c = true);
            out.push(Mention::new(i, j + 1, ent, form));
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
        // `Italian Policy Institute`: words that could qualify a title, ending in an
        // organisation's head noun.
        let mut q = k;
        while q < k + 4 && t.is_word(q) && t.cap(q) && !t.is(q, class::TITLE) {
            if t.is(q, class::ORG_SUFFIX | class::EVENT_SUFFIX) {
                return q > k || self.gaz_match(t, k).is_none();
            }
            q += 1;
        }
        t.is_word(k)
            && t.cap(k)
            && !t.toks[k].upper
            && t.toks.get(k.wrapping_sub(1)).map(|p| p.end) != Some(t.toks[k].start)
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

    fn is_name_word(&self, t: &Tokens, k: usize, covered: &[bool]) -> bool {
        covered.get(k) == Some(&false) && t.is_word(k) && t.cap(k)
    }

    fn unknown_pass(
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
            if !self.is_name_word(t, i, covered) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < n {
                if self.is_name_word(t, j, covered) {
                    j += 1;
                } else if j + 1 < n
                    && t.word(j) == "-"
                    && t.toks[j].start == t.toks[j - 1].end
                    && self.is_name_word(t, j + 1, covered)
                {
                    j += 2;
                } else if t.word(j) == "."
                    && t.toks[j - 1].end - t.toks[j - 1].start == 1
                    && self.is_name_word(t, j + 1, covered)
                {
                    j += 1;
                } else if t.word(j) == "of"
                    && t.is(j - 1, class::ORG_SUFFIX)
                    && self.is_name_word(t, j + 1, covered)
                    && !t.is(j + 1, class::TITLE | class::STOP)
                {
                    // `Ministry of Unification`, `Bank of Korea`.
                    j += 2;
                } else if j + 1 < n
                    && t.word(j) == "-"
                    && t.toks[j].start == t.toks[j - 1].end
                    && t.toks[j + 1].start == t.toks[j].end
                    && t.is_word(j + 1)
                    && !t.cap(j + 1)
                    && t.word(j + 1).len() <= 5
                    && !t.is(j + 1, class::STOP | class::TRIGGER_START)
                    && !t.is(j - 1, class::TITLE | class::TITLE_MOD)
                    && !matches!(
                        t.word(j + 1),
                        "led"
                            | "run"
                            | "held"
                            | "based"
                            | "born"
                            | "era"
                            | "like"
                            | "style"
                            | "owned"
                    )
                {
                    // `Wi Sung-lac`, `Kim Yo-jong`: a given name hyphenated in lower case.
                    j += 2;
                } else if is_particle(t.word(j)) && !t.cap(j) {
                    // `Khalil al-Hayya`, `Cristina Fernández de Kirchner`.
                    let hyphen = t.word(j + 1) == "-"
                        && t.toks.get(j + 1).map(|x| x.start) == Some(t.toks[j].end);
                    let mut next = if hyphen { j + 2 } else { j + 1 };
                    // `de la`, `van der`
                    if next == j + 1 && is_particle(t.word(next)) && !t.cap(next) {
                        next += 1;
                    }
                    if self.is_name_word(t, next, covered) {
                        j = next + 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            if j - i <= MAX_RUN {
                self.classify_run(text, t, i, j, doc, covered, out);
            }
            i = j;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn classify_run(
        &self,
        text: &str,
        t: &Tokens,
        i: usize,
        j: usize,
        doc: &mut DocState,
        covered: &mut [bool],
        out: &mut Vec<Mention>,
    ) {
        let lex = self.lex;
        let mut s = i;
        let mut title_in_run = false;
        while s < j {
            let w = t.word(s);
            if t.is(s, class::PERSON_CUE) {
                title_in_run = true;
            } else if !t.is(
                s,
                class::TITLE | class::TITLE_MOD | class::STOP | class::SKIP,
            ) && !matches!(w, "-" | ".")
            {
                break;
            } else if title_in_run && t.is(s, class::STOP) && s + 1 < j {
                // `Vice Premier He Lifeng`: after a title, `He` is a name.
                break;
            }
            s += 1;
        }
        if s >= j {
            return;
        }
        let word_count = (s..j).filter(|&k| t.is_word(k)).count();
        let (Some(first), Some(last)) = (
            (s..j).find(|&k| t.is_word(k)),
            (s..j).rev().find(|&k| t.is_word(k)),
        ) else {
            return;
        };
        // A title right before the name, or before a comma (Trump's envoy, Steve Witkoff).
        let title_at = |k: usize| t.is(k, class::PERSON_CUE);
        // `Israel's ambassador to the Holy See, Yaron Sideman`: a title and its complement
        // before the comma.
        let title_phrase_before = || {
            let mut q = i.saturating_sub(2);
            for _ in 0..7 {
                if q + 2 < i && title_at(q) {
                    return !t.word(q).ends_with('s');
                }
                let complement = covered.get(q) == Some(&true)
                    || matches!(t.word(q), "to" | "of" | "for" | "the" | "on");
                if !complement || q == 0 {
                    return false;
                }
                q -= 1;
            }
            false
        };
        // `Aviaja Lynge, a spokeswoman for …`, `Harald Engelbrecht, the head of …`: an
        // apposition that gives the name a title.
        let cue_after = || {
            t.word(j) == ","
                && matches!(t.word(j + 1), "a" | "an" | "the")
                && (j + 2..(j + 6).min(t.len()))
                    .take_while(|&q| t.is_word(q) && !t.cap(q) && !t.is(q, class::TRIGGER_START))
                    .any(|q| {
                        t.is(q, class::TITLE)
                            && !t.word(q).ends_with('s')
                            && matches!(t.word(q + 1), "for" | "to" | "of" | "at" | "in" | "," | "")
                    })
        };
        let cue_before = i > 0
            && (title_at(i - 1)
                || (i > 1
                    && t.word(i - 1) == ","
                    && ((title_at(i - 2) && !t.word(i - 2).ends_with('s'))
                        || title_phrase_before())));
        let given = lex.given.get(t.word(first)).copied();
        // Where a person stands: `said Bonnie Glaser`, `Ana Lima met …`, `X and Ana Lima`,
        // `Paraguay's Ana Lima`.
        let person_at = |k: usize| {
            out.iter().any(|m| {
                m.t1 == k
                    && doc
                        .ents
                        .get(m.ent)
                        .is_some_and(|e| e.kind == EntityKind::Person)
            })
        };
        let gpe_at = |k: usize| {
            out.iter().any(|m| {
                m.t1 == k
                    && doc
                        .ents
                        .get(m.ent)
                        .is_some_and(|e| e.kind == EntityKind::Gpe)
            })
        };
        let verb_after = || {
            t.is_word(j)
                && !t.cap(j)
                && t.is(j, class::TRIGGER_START)
                && trigger_match(t, lex, j)
                    .and_then(|(p, _)| lex.triggers.get(p))
                    .is_some_and(|x| !x.noun)
        };
        let verb_before = || {
            let k = if i > 1 && t.word(i - 1) == "with" {
                i - 2
            } else {
                i.saturating_sub(1)
            };
            i > 0
                && !t.cap(k)
                && (k.saturating_sub(2)..=k).any(|b| {
                    trigger_match(t, lex, b)
                        .filter(|&(_, e)| e == k)
                        .and_then(|(p, _)| lex.triggers.get(p))
                        .is_some_and(|x| {
                            !x.noun && x.relation == crate::model::RelationKind::MetWith
                        })
                })
        };
        // `said Bonnie Glaser` (not `told Fox Business`: that names who was addressed).
        let inverted_speaker = i > 0
            && t.is(i - 1, class::REPORTING)
            && !t.cap(i - 1)
            && matches!(t.word(i - 1), "said" | "says" | "added" | "noted" | "wrote");
        // A known place opening the run (`Paris Saint-Germain`) needs a stronger cue.
        let place_first = || self.gaz_match(t, first).is_some();
        // `Kamchybek Tashiev of Kyrgyzstan`: a full name placed by its country.
        let of_country = || {
            t.word(j) == "of"
                && out.iter().any(|m| {
                    m.t0 == j + 1
                        && doc
                            .ents
                            .get(m.ent)
                            .is_some_and(|e| e.kind == EntityKind::Gpe)
                })
        };
        let position = || {
            (i > 1 && t.word(i - 1) == "'s" && gpe_at(i - 1))
                || of_country()
                || (!place_first()
                    && (inverted_speaker
                        || (i > 1 && matches!(t.word(i - 1), "and" | ",") && person_at(i - 1))
                        || verb_after()
                        || verb_before()))
        };
        let name = text.get(t.toks[s].start..t.toks[j - 1].end).unwrap_or("");
        let last_w = t.word(last);
        let place_suffix = class::LOC_SUFFIX | class::GPE_SUFFIX;
        let place_kind = |k: usize| {
            if t.is(k, class::LOC_SUFFIX) {
                EntityKind::Loc
            } else {
                EntityKind::Gpe
            }
        };
        // `Benina airport`, `the Tobruk area`: a place noun after the name.
        let noun_after = t.is_word(j) && !t.cap(j) && t.is(j, place_suffix);
        // `the city of Khujand`, `the province of Surin`.
        let noun_of = i > 1
            && t.word(i - 1) == "of"
            && t.is_word(i - 2)
            && !t.cap(i - 2)
            && t.is(i - 2, place_suffix);
        // A name cut at a hyphen (`Association of Serb-majority …`) is not the whole name.
        let org_of = (s + 1..j).any(|k| t.word(k) == "of" && t.is(k - 1, class::ORG_SUFFIX))
            && !(t.word(j) == "-" && t.toks.get(j).map(|x| x.start) == Some(t.toks[j - 1].end));
        let titled = cue_before
            || title_in_run
            || ((2..=4).contains(&word_count)
                && !t.is(last, class::ORG_SUFFIX | class::EVENT_SUFFIX | place_suffix)
                && cue_after());
        let (ent, kind) = if titled && word_count <= 4 && !org_of {
            if word_count == 1 {
                // `Sheikh Mohammed` after `Sheikh Mohammed bin Salman`: the same person.
                let known = match doc.surnames.get(t.word(first)).copied() {
                    Some(e) => Some(e),
                    None => doc.by_first_name(t.word(first)),
                };
                match known {
                    Some(e) => (e, EntityKind::Person),
                    None => (
                        doc.local_entity(EntityKind::Person, name, None),
                        EntityKind::Person,
                    ),
                }
            } else {
                (
                    self.person(doc, name, t.word(last), given),
                    EntityKind::Person,
                )
            }
        } else if word_count >= 2 && t.is(last, place_suffix) {
            let kind = place_kind(last);
            (doc.local_entity(kind, name, None), kind)
        } else if noun_after && word_count <= 3 && !doc.surnames.contains_key(t.word(last)) {
            // A facility is named with its noun (`Benina airport`); an area by its name.
            let kind = place_kind(j);
            let name = if kind == EntityKind::Loc {
                text.get(t.toks[s].start..t.toks[j].end).unwrap_or(name)
            } else {
                name
            };
            (doc.local_entity(kind, name, None), kind)
        } else if noun_of && word_count <= 3 {
            let kind = place_kind(i - 2);
            (doc.local_entity(kind, name, None), kind)
        } else if org_of {
            (
                doc.local_entity(EntityKind::Org, name, None),
                EntityKind::Org,
            )
        } else if (2..=4).contains(&word_count)
            && !t.is(last, class::ORG_SUFFIX | class::EVENT_SUFFIX | class::TITLE)
            && (given.is_some()
                || (t.is(j, class::REPORTING) && t.is_word(j) && !t.cap(j))
                || position())
        {
            // A given name, or a full name that says something (`Olena Petrenko said`).
            (self.person(doc, name, last_w, given), EntityKind::Person)
        } else if word_count >= 2 && t.is(last, class::ORG_SUFFIX) {
            let s0 = (i..j).find(|&k| !t.is(k, class::STOP)).unwrap_or(i);
            let name = text.get(t.toks[s0].start..t.toks[j - 1].end).unwrap_or("");
            (
                doc.local_entity(EntityKind::Org, name, None),
                EntityKind::Org,
            )
        } else if word_count >= 2 && t.is(last, class::EVENT_SUFFIX) {
            let s0 = (i..j).find(|&k| !t.is(k, class::STOP)).unwrap_or(i);
            let name = text.get(t.toks[s0].start..t.toks[j - 1].end).unwrap_or("");
            (
                doc.local_entity(EntityKind::Event, name, None),
                EntityKind::Event,
            )
        } else if word_count == 1 {
            match doc.surnames.get(t.word(first)).copied() {
                Some(e) => (e, EntityKind::Person),
                None if self.settlement_after_in(t, i, j) => (
                    doc.local_entity(EntityKind::Gpe, name, None),
                    EntityKind::Gpe,
                ),
                None => return,
            }
        } else {
            return;
        };
        doc.mention(ent, name);
        covered[s..j].iter_mut().for_each(|c| *c = true);
        out.push(Mention::new(s, j, ent, MForm::Name));
        if kind != EntityKind::Person {
            define_acronym(t, j, ent, doc, covered);
        }
    }

    /// `talks in Putrajaya`: a lone capitalised word no list knows, after `in` and before
    /// punctuation or a lower-case word, names a place; not a month, a weekday, a given name
    /// or a word with a lexicon role (`in Congress`).
    fn settlement_after_in(&self, t: &Tokens, i: usize, j: usize) -> bool {
        i > 1
            && j == i + 1
            && t.word(i - 1) == "in"
            && t.cls.get(i).is_some_and(|&c| c == 0)
            && !t.toks[i].upper
            && (matches!(t.word(j), "," | "." | ";" | "" | "-")
                || (t.is_word(j) && !t.cap(j) && t.word(j) != "'s"))
            && !crate::dates::is_calendar_word(t.word(i))
            && !self.lex.given.contains_key(t.word(i))
    }

    /// A person with a full name: the same as an earlier person with that surname when the
    /// earlier mention was a bare surname.
    fn person(
        &self,
        doc: &mut DocState,
        name: &str,
        surname: &str,
        given: Option<Gender>,
    ) -> usize {
        if let Some(&e) = doc.surnames.get(surname) {
            if let Some(ent) = doc.ents.get(e) {
                if ent.name.split_whitespace().count() == 1 || ent.name == name {
                    return e;
                }
            }
        }
        let e = doc.local_entity(EntityKind::Person, name, given);
        doc.surnames.insert(surname.to_string(), e);
        e
    }

    fn pronouns_and_descriptions(
        &self,
        t: &Tokens,
        doc: &mut DocState,
        covered: &[bool],
        ms: &[Mention],
    ) -> Vec<Mention> {
        let lex = self.lex;
        let n = t.len();
        let mut out: Vec<Mention> = Vec::new();
        let persons_before = |k: usize, out: &[Mention], doc: &DocState| -> Vec<usize> {
            let mut v: Vec<(usize, usize)> = ms
                .iter()
                .chain(out.iter())
                .filter(|m| m.t1 <= k && m.form != MForm::Adjective && !m.after_of)
                .filter(|m| {
                    doc.ents
                        .get(m.ent)
                        .is_some_and(|e| e.kind == EntityKind::Person)
                })
                .map(|m| (m.t0, m.ent))
                .collect();
            v.sort();
            let mut seen = Vec::new();
            for (_, e) in v {
                if !seen.contains(&e) {
                    seen.push(e);
                }
            }
            seen
        };
        let mut k = 0;
        while k < n {
            // Determiners (the, his, both, neither…), they/them and pronouns: the first byte
            // and the word class rule out the other words.
            let may_refer = matches!(t.first_byte(k), Some(b't' | b'h' | b'i' | b'b' | b'n'))
                || t.is(k, class::PRONOUN);
            if covered[k] || !t.is_word(k) || !may_refer {
                k += 1;
                continue;
            }
            let w = t.word(k);
            if let Some((ents, end)) = self.description(t, k, doc, ms) {
                for e in ents {
                    out.push(Mention::new(k, end, e, MForm::Description));
                    doc.touch(e);
                }
                k = end;
                continue;
            }
            if matches!(w, "they" | "them") {
                for e in coordinated_group(t, ms, k) {
                    out.push(Mention::new(k, k + 1, e, MForm::Pronoun));
                }
                k += 1;
                continue;
            }
            let pronoun = w.len() <= 4 && t.is(k, class::PRONOUN);
            if let Some(&(g, object)) = pronoun.then(|| lex.pronouns.get(w)).flatten() {
                let in_sent = persons_before(k, &out, doc);
                let mut cands: Vec<usize> = Vec::new();
                let ordered: Vec<usize> = if object {
                    in_sent.iter().rev().copied().collect()
                } else {
                    in_sent
                };
                for e in ordered
                    .into_iter()
                    .chain(doc.recent_subjects.iter().rev().copied())
                    .chain(doc.recent_persons.iter().rev().copied())
                {
                    if doc.gender_fits(e, g) && !cands.contains(&e) {
                        cands.push(e);
                    }
                    if cands.len() >= 4 {
                        break;
                    }
                }
                if let Some((&first, rest)) = cands.split_first() {
                    let mut m = Mention::new(k, k + 1, first, MForm::Pronoun);
                    m.alts = rest.to_vec();
                    m.object_pronoun = object;
                    out.push(m);
                }
                k += 1;
                continue;
            }
            k += 1;
        }
        out
    }

    /// `the Russian president`, `the Russian and Ukrainian leaders`, `the two leaders`,
    /// `his US counterpart`: persons already named in the article who hold the role.
    fn description(
        &self,
        t: &Tokens,
        k: usize,
        doc: &DocState,
        ms: &[Mention],
    ) -> Option<(Vec<usize>, usize)> {
        let lex = self.lex;
        let det = t.word(k);
        if !matches!(
            det,
            "the" | "his" | "her" | "its" | "their" | "both" | "neither"
        ) {
            return None;
        }
        let n = t.len();
        let mut p = k + 1;
        // the two leaders / both leaders
        if matches!(t.word(p), "two") || det == "both" {
            let q = if det == "both" { p } else { p + 1 };
            if lex.roles.contains_key(t.word(q).trim_end_matches('s'))
                || lex.roles.contains_key(t.word(q))
                || matches!(t.word(q), "men" | "women")
            {
                // The last two named before this sentence: its own subject is not one of them.
                // `the two leaders` are the last two who lead, when two such were named (an
                // ambassador named since is not one of them).
                let here: Vec<usize> = ms.iter().filter(|m| m.t1 <= k).map(|m| m.ent).collect();
                let office = lex
                    .roles
                    .get(t.word(q))
                    .or_else(|| lex.roles.get(t.word(q).trim_end_matches('s')));
                let candidates = || {
                    doc.recent_persons
                        .iter()
                        .rev()
                        .filter(|e| !here.contains(e))
                        .copied()
                };
                let holders: Vec<usize> = match office {
                    Some(o) => candidates()
                        .filter(|&e| self.holds(doc, e, o))
                        .take(2)
                        .collect(),
                    None => Vec::new(),
                };
                let persons: Vec<usize> = if holders.len() == 2 {
                    holders
                } else {
                    candidates().take(2).collect()
                };
                if persons.len() == 2 {
                    return Some((persons, q + 1));
                }
            }
            // `though the two spoke by phone`: `the two` alone before a verb, the last two
            // persons named, in this sentence if it names two.
            let verb_follows = t.is(q, class::TRIGGER_START | class::REPORTING)
                || matches!(
                    t.word(q),
                    "have" | "had" | "will" | "would" | "are" | "were" | "did" | "also" | "last"
                );
            if det == "the" && verb_follows && !t.cap(q) {
                let mut here: Vec<usize> = Vec::new();
                for m in ms.iter().filter(|m| m.t1 <= k && m.form == MForm::Name) {
                    let person = doc
                        .ents
                        .get(m.ent)
                        .is_some_and(|e| e.kind == EntityKind::Person);
                    if person && !here.contains(&m.ent) {
                        here.push(m.ent);
                    }
                }
                let two: Vec<usize> = if here.len() >= 2 {
                    here[here.len() - 2..].to_vec()
                } else {
                    let mut v: Vec<usize> =
                        doc.recent_persons.iter().rev().take(2).copied().collect();
                    v.reverse();
                    v
                };
                if two.len() == 2 {
                    return Some((two, q));
                }
            }
            // `the two delegations`, `both sides`: the last two that sent delegations.
            if matches!(t.word(q), "delegations" | "sides" | "teams") {
                let last: Vec<usize> = doc
                    .recent_delegations
                    .iter()
                    .rev()
                    .take(2)
                    .copied()
                    .collect();
                if last.len() == 2 {
                    return Some((last.into_iter().rev().collect(), q + 1));
                }
            }
            return None;
        }
        let mut countries: Vec<&str> = Vec::new();
        while p < n && countries.len() < 3 {
            let Some(m) = ms
                .iter()
                .find(|m| m.t0 == p && matches!(m.form, MForm::Adjective | MForm::Name))
            else {
                break;
            };
            let e = doc.ents.get(m.ent)?;
            if e.kind != EntityKind::Gpe {
                return None;
            }
            countries.push(&e.id);
            p = m.t1;
            if matches!(t.word(p), "and" | "nor" | "or") {
                p += 1;
                if t.word(p) == "the" {
                    p += 1;
                }
                continue;
            }
            break;
        }
        // Roles of two words (`prime minister`) before those of one.
        let two = || t.pair(p).and_then(|w| lex.roles.get(w));
        if countries.is_empty() {
            // `the army insists`: the one army the article has named (not `the army chief`).
            if det == "the"
                && matches!(t.word(p), "army" | "military")
                && !t.is(p + 1, class::TITLE | class::TITLE_MOD)
            {
                return self.only_army(doc).map(|e| (vec![e], p + 1));
            }
            // `the chancellor`: the last person named who holds that office anywhere.
            if det != "the" || !t.is(p, class::TITLE | class::TITLE_MOD) {
                return None;
            }
            let (office, end) = match two() {
                Some(o) => (o.as_str(), p + 2),
                None => (lex.roles.get(t.word(p))?.as_str(), p + 1),
            };
            if office == "*" || t.cap(end) || t.word(end) == "of" {
                return None;
            }
            let e = doc.recent_persons.iter().rev().copied().find(|&e| {
                doc.titles.iter().any(|(x, o)| *x == e && *o == office)
                    || doc
                        .ents
                        .get(e)
                        .and_then(|d| self.gaz.entry(d.gaz))
                        .is_some_and(|g| g.roles.iter().any(|(o, _)| *o == office))
            })?;
            return Some((vec![e], end));
        }
        let (office, end) = if let Some(o) = two() {
            (o.as_str(), p + 2)
        } else if let Some(o) = lex
            .roles
            .get(t.word(p))
            .or_else(|| lex.roles.get(t.word(p).trim_end_matches('s')))
        {
            (o.as_str(), p + 1)
        } else {
            return None;
        };
        // An apposition names the person anyway: his US counterpart Donald Trump.
        let after = if t.word(end) == "," { end + 1 } else { end };
        if ms.iter().any(|m| {
            m.t0 == after
                && m.form == MForm::Name
                && doc
                    .ents
                    .get(m.ent)
                    .is_some_and(|e| e.kind == EntityKind::Person)
        }) {
            return None;
        }
        let mut found = Vec::new();
        for c in &countries {
            if let Some(e) = self.holder(doc, c, office) {
                if !found.contains(&e) {
                    found.push(e);
                }
            }
        }
        (!found.is_empty()).then_some((found, end))
    }

    /// Remembers the office a title gives a named person, for later `the chancellor`.
    fn note_titles(&self, t: &Tokens, ms: &[Mention], doc: &mut DocState) {
        for m in ms.iter().filter(|m| m.form == MForm::Name && m.t0 > 0) {
            // The title right before the name, or before a comma (`Greenland's new
            // premier, Jens-Frederik Nielsen`).
            let title = if t.is(m.t0 - 1, class::TITLE) {
                m.t0 - 1
            } else if m.t0 > 1 && t.word(m.t0 - 1) == "," && t.is(m.t0 - 2, class::TITLE) {
                m.t0 - 2
            } else {
                continue;
            };
            let person = doc
                .ents
                .get(m.ent)
                .is_some_and(|e| e.kind == EntityKind::Person);
            if !person {
                continue;
            }
            let one = t.word(title);
            // `Vice President JD Vance` holds no presidency: a qualifier the roles do not
            // know changes the office.
            let qualified = title > 0 && t.is(title - 1, class::TITLE_MOD) && !t.cap(title - 1)
                || title > 0
                    && matches!(t.word(title - 1), "vice" | "deputy" | "former" | "acting");
            let office = if title > 0 {
                t.pair(title - 1)
                    .and_then(|two| self.lex.roles.get(two))
                    .or_else(|| (!qualified).then(|| self.lex.roles.get(one)).flatten())
            } else {
                self.lex.roles.get(one)
            };
            if let Some(o) = office.filter(|o| o.as_str() != "*") {
                if !doc.titles.iter().any(|(e, x)| *e == m.ent && x == o) {
                    doc.titles.push((m.ent, o.clone()));
                }
            }
        }
    }

    /// The organisation named in the article that the gazetteer gives the role `army`, when
    /// there is exactly one.
    fn only_army(&self, doc: &DocState) -> Option<usize> {
        let mut armies = doc.ents.iter().enumerate().filter(|(_, e)| {
            e.kind == EntityKind::Org
                && e.mentions > 0
                && self
                    .gaz
                    .entry(e.gaz)
                    .is_some_and(|g| g.roles.iter().any(|(o, _)| o == "army"))
        });
        let (first, _) = armies.next()?;
        armies.next().is_none().then_some(first)
    }

    /// Whether person `e` holds `office` ("*": any head of state or government), by a title
    /// the text gave them or by the gazetteer.
    fn holds(&self, doc: &DocState, e: usize, office: &str) -> bool {
        let fits = |o: &str| office == o || (office == "*" && HEADS.contains(&o));
        doc.titles.iter().any(|(x, o)| *x == e && fits(o))
            || doc
                .ents
                .get(e)
                .and_then(|d| self.gaz.entry(d.gaz))
                .is_some_and(|g| g.roles.iter().any(|(o, _)| fits(o)))
    }

    fn holder(&self, doc: &DocState, country: &str, office: &str) -> Option<usize> {
        let fits = |o: &str| office == o || (office == "*" && HEADS.contains(&o));
        doc.recent_persons.iter().rev().copied().find(|&e| {
            doc.ents
                .get(e)
                .and_then(|d| self.gaz.entry(d.gaz))
                .is_some_and(|g| g.roles.iter().any(|(o, c)| c == country && fits(o)))
        })
    }

    fn flags(&self, t: &Tokens, ms: &mut [Mention], doc: &DocState) {
        let lex = self.lex;
        for m in ms.iter_mut() {
            let next = t.word(m.t1);
            m.possessive = matches!(next, "'s" | "'")
                || (m.form == MForm::Pronoun && matches!(t.word(m.t0), "his" | "its" | "their"));
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
            m.after_of = prev == "of" && m.form != MForm::Pronoun;
            let placeable = self.placeable(doc, m.ent);
            // `ambassador to the Holy See`: the complement of a title is no venue; `the
            // government in Port Louis` is a government, which acts.
            let title_complement = b > 1 && prev == "to" && t.is(b - 2, class::TITLE);
            let governed = b > 1
                && prev == "in"
                && matches!(
                    t.word(b - 2),
                    "government" | "authorities" | "administration" | "leadership" | "regime"
                );
            m.place = placeable
                && m.form == MForm::Name
                && lex.has(prev, class::PLACE_PREP)
                && !title_complement
                && !governed;
            // `US counterpart`, `Kremlin adviser`, `US Secretary`: a title follows.
            m.modifier = matches!(m.form, MForm::Name | MForm::Demonym) && {
                let mut k = m.t1;
                while k < m.t1 + 3 && t.is(k, class::TITLE_MOD) && !t.is(k, class::TITLE) {
                    k += 1;
                }
                t.is(k, class::TITLE)
            };
        }
        // `the prime ministers of Sweden, Norway and Finland`: the whole list follows `of`.
        for i in 1..ms.len() {
            let (before, rest) = ms.split_at_mut(i);
            let (p, m) = (&before[i - 1], &mut rest[0]);
            if p.after_of
                && m.form != MForm::Pronoun
                && p.t1 < m.t0
                && (p.t1..m.t0).all(|k| matches!(t.word(k), "," | "and" | "or" | "the"))
            {
                m.after_of = true;
            }
        }
        // `Ukrainian and US officials`, `the Russian delegation`, `EU officials`: a country or
        // an organisation (not a building) acting through its representatives is a party.
        let gpe = |m: &Mention| {
            doc.ents
                .get(m.ent)
                .is_some_and(|e| e.kind == EntityKind::Gpe)
        };
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
            let member = |m: &Mention| {
                doc.ents
                    .get(m.ent)
                    .is_some_and(|e| matches!(e.kind, EntityKind::Gpe | EntityKind::Org))
            };
            if runs_into_delegation(t, ms, ms[i].t1, member, false) {
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

/// `Rapid Support Forces (RSF)`: the initialism in brackets names the same entity from now
/// on in the article.
fn define_acronym(t: &Tokens, k: usize, ent: usize, doc: &mut DocState, covered: &mut [bool]) {
    if t.word(k) == "("
        && t.word(k + 2) == ")"
        && t.is_word(k + 1)
        && t.toks
            .get(k + 1)
            .is_some_and(|x| x.upper && x.end - x.start >= 2)
    {
        doc.surnames.entry(t.word(k + 1).to_string()).or_insert(ent);
        if let Some(c) = covered.get_mut(k + 1) {
            *c = true;
        }
    }
}

/// `Israeli and Hamas delegations`, `Moscow's negotiators`: countries and organisations
/// named before a delegation noun are remembered as negotiating parties.
fn note_delegations(t: &Tokens, ms: &[Mention], doc: &mut DocState) {
    let actor = |m: &Mention| {
        m.form != MForm::Pronoun
            && doc
                .ents
                .get(m.ent)
                .is_some_and(|e| matches!(e.kind, EntityKind::Gpe | EntityKind::Org))
    };
    let sent: Vec<usize> = ms
        .iter()
        .filter(|m| actor(m) && runs_into_delegation(t, ms, m.t1, actor, true))
        .map(|m| m.ent)
        .collect();
    for e in sent {
        doc.note_delegation(e);
    }
}

/// Whether the words from token `k` on, skipping `and`, commas and further `member`
/// mentions (and `'s` when `possessive`), reach a delegation noun: `Israeli and Hamas
/// delegations`, `Moscow's negotiators`.
fn runs_into_delegation(
    t: &Tokens,
    ms: &[Mention],
    mut k: usize,
    member: impl Fn(&Mention) -> bool,
    possessive: bool,
) -> bool {
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
    t.is(k, class::DELEGATE)
}

/// `Merz, Macron and Starmer … they`: the nearest list of two or more names before `k` in
/// the sentence, joined only by commas and `and`.
fn coordinated_group(t: &Tokens, ms: &[Mention], k: usize) -> Vec<usize> {
    let named: Vec<&Mention> = ms
        .iter()
        .filter(|m| m.t1 <= k && matches!(m.form, MForm::Name | MForm::Demonym) && !m.possessive)
        .collect();
    let mut group: Vec<usize> = Vec::new();
    let mut next_start = None;
    for m in named.iter().rev() {
        if let Some(ns) = next_start {
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
