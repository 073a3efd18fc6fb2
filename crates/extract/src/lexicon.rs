//! The trigger lexicon and word lists: what signals a relation, its status, its mode.
//!
//! Loaded from a tab-separated file (`data/lexicon.tsv`) so the patterns can be extended
//! without touching code. Each line is `category<TAB>phrase[<TAB>value…]`.

use crate::error::ExtractError;
use crate::fasthash::FastMap;
use crate::model::RelationKind;
use crate::phrases::PhraseTrie;
use crate::text::{tokenize, SplitRules};
use crate::wordtable::{WordInfo, WordTable};
use regex::{Regex, RegexSet};
use std::collections::HashMap;

/// Longest line or sentence tested against the boilerplate patterns, in bytes.
const BOILERPLATE_MAX: usize = 100;
/// Longest trailing photo credit, in bytes.
const CREDIT_MAX: usize = 120;

/// Word classes, as bits: a word may be in several.
pub(crate) mod class {
    pub const NEGATION: u32 = 1;
    pub const PLANNED: u32 = 1 << 1;
    pub const DEONTIC: u32 = 1 << 2;
    pub const TITLE: u32 = 1 << 3;
    pub const TITLE_MOD: u32 = 1 << 4;
    pub const BOUNDARY: u32 = 1 << 5;
    pub const REPORTING: u32 = 1 << 6;
    pub const SKIP: u32 = 1 << 7;
    pub const PLACE_PREP: u32 = 1 << 8;
    pub const ABBREV: u32 = 1 << 9;
    pub const STOP: u32 = 1 << 10;
    /// Opens a cue that every party of a meeting met every other (see `multi_cues`).
    pub const MULTI: u32 = 1 << 11;
    pub const PLAN_NOUN: u32 = 1 << 12;
    pub const DEFINITE: u32 = 1 << 13;
    pub const INDEFINITE: u32 = 1 << 14;
    pub const FINAL_INITIALISM: u32 = 1 << 15;
    pub const PAST: u32 = 1 << 16;
    pub const ORG_SUFFIX: u32 = 1 << 17;
    pub const EVENT_SUFFIX: u32 = 1 << 18;
    pub const PERSON_CUE: u32 = 1 << 19;
    pub const PASSIVE_AUX: u32 = 1 << 20;
    pub const DELEGATE: u32 = 1 << 21;
    pub const ADDRESS: u32 = 1 << 22;
    /// A trigger phrase starts with this word.
    pub const TRIGGER_START: u32 = 1 << 23;
    pub const TRAVEL: u32 = 1 << 24;
    /// A key of the pronoun table: most words need no lookup there.
    pub const PRONOUN: u32 = 1 << 25;
    /// A phone or in-person cue starts with this word.
    pub const MODE_CUE: u32 = 1 << 26;
    /// A gazetteer name starts with this word (set by the extractor, which has both).
    pub const GAZ_START: u32 = 1 << 27;
    /// Ends or names a natural or built place (Fergana Valley, Benina airport).
    pub const LOC_SUFFIX: u32 = 1 << 28;
    /// Ends or names a settlement or administrative area (Tottori Prefecture, the city of
    /// Khujand, the Tobruk area).
    pub const GPE_SUFFIX: u32 = 1 << 29;
    /// Separate talks: the parties on one side did not meet each other.
    pub const SEPARATE: u32 = 1 << 30;
    /// After a meeting noun, these say it did not take place (the meeting was called off).
    pub const CANCEL: u32 = 1 << 31;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// One trigger phrase and how its arguments are found.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    pub relation: RelationKind,
    /// A noun (meeting, demands) rather than a verb.
    pub noun: bool,
    /// Prepositions that introduce the other party (with, between, to).
    pub preps: Vec<String>,
    /// The verb takes the other party as direct object (met Putin).
    pub direct: bool,
    pub phone: bool,
    pub in_person: bool,
    /// Three-way, trilateral: every pair of parties met.
    pub multi: bool,
    /// Guests of a single host met each other too (hosted A and B for talks).
    pub guests: bool,
    /// `want`: a wish, only a demand outside quotes and outside excluded objects.
    pub want: bool,
    /// Only a proposal when the clause that follows carries a deontic modal.
    pub deontic: bool,
    /// Only a proposal when the clause that follows names a plan, deal or terms.
    pub needs_plan: bool,
    /// The trigger itself says the event lies ahead (plans to meet).
    pub planned: bool,
    /// Only a proposal when a gerund follows (suggested extending …).
    pub gerund: bool,
    /// Only a proposal when the object is asked to do something (challenged Putin to come).
    pub to_clause: bool,
    /// Without that `to` clause, a visit: `called on the prime minister at his office`.
    pub or_visit: bool,
    /// Words that must not follow directly: `demand for oil` is the noun of economics,
    /// `sought to walk back` an attempt, not a demand.
    pub not_before: Vec<String>,
    /// Only a meeting with a person or an organisation: one visits a leader or a place.
    pub person_or_org: bool,
    /// Only a trigger at all when a named party and `must`, `should` or `has to` follow:
    /// `says Kinshasa must act` demands; `says` alone reports. Tested as hits are found,
    /// so a plain `said` never cuts another trigger's clause short.
    pub must_clause: bool,
    /// With `deontic`: a firm `will` or `would` counts as a modal too (`insisted that Glas
    /// would serve out his sentence`).
    pub firm: bool,
    /// With `must-clause`: a party told to act (`warned Iran to stop`) counts too.
    pub told: bool,
    /// In the passive, the organisation after `to` acted (`was summoned to the ministry`).
    pub agent_to: bool,
    /// Only bare, at the end of a clause: the subjects joined the meeting told just before
    /// (`B and C also took part.`).
    pub joins: bool,
    /// An invitation to come (`invited Mahama to Yamoussoukro`): once the guest accepts, a
    /// meeting is planned; once the guest declines, it will not take place.
    pub invite: bool,
    /// The other party's offer: whoever it is from proposed the meeting to the subject too
    /// (`declined an invitation from Isaias`).
    pub offer: bool,
}

/// A set of word ids as bits: a test per token costs a shift, not a search.
#[derive(Debug, Default)]
pub(crate) struct IdSet(Vec<u64>);

impl IdSet {
    fn insert(&mut self, id: u32) {
        let (word, bit) = ((id / 64) as usize, id % 64);
        if self.0.len() <= word {
            self.0.resize(word + 1, 0);
        }
        self.0[word] |= 1 << bit;
    }

    /// How many ids the set holds.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub(crate) fn contains(&self, id: u32) -> bool {
        self.0
            .get((id / 64) as usize)
            .is_some_and(|w| w >> (id % 64) & 1 == 1)
    }
}

/// Compiled lexicon.
#[derive(Debug)]
pub struct Lexicon {
    pub(crate) triggers: Vec<Trigger>,
    /// Trigger phrase `i` is `triggers[i]`.
    pub(crate) trigger_trie: PhraseTrie,
    pub(crate) words: WordTable,
    pub(crate) roles: FastMap<String, String>,
    pub(crate) given: FastMap<String, Gender>,
    /// Family names written before the given name (`Cho Hyun` is later `Cho`).
    pub(crate) family_first: FastMap<String, ()>,
    pub(crate) pronouns: FastMap<String, (Gender, bool)>,
    pub(crate) phone_cues: Vec<Vec<String>>,
    pub(crate) in_person_cues: Vec<Vec<String>>,
    /// Words before a meeting that make every party meet every other (`trilateral`,
    /// `three-way`).
    pub(crate) multi_cues: Vec<Vec<String>>,
    pub(crate) want_exclude: Vec<Vec<String>>,
    /// Word ids of nouns for an armed group or movement named before (`the group`, `the
    /// rebels`).
    pub(crate) group_nouns: IdSet,
    /// Word ids of nouns for the organisation named last (`the bloc`, `the alliance`).
    pub(crate) org_nouns: IdSet,
    /// Word ids of head nouns that refer back only to an organisation whose name holds them
    /// (`the forum` after the Pacific Islands Forum).
    pub(crate) org_heads: IdSet,
    /// Word ids of verbs of whoever runs talks between others (`chaired talks between`):
    /// they meet both sides.
    pub(crate) chair_verbs: IdSet,
    /// Word ids of verbs of taking part (`joined the talks`, `took part in the meeting`):
    /// the subject met the parties of the meeting referred to.
    pub(crate) join_verbs: IdSet,
    /// Word ids of nouns for what a side concedes (`guarantees`, `compensation`): a group
    /// that wants one makes a demand without naming who must act.
    pub(crate) concession_nouns: IdSet,
    /// Word ids of nouns for an occasion that leaders attend (`ceremony`, `inauguration`):
    /// a meeting `on the sidelines of Monday's ceremony` took place when and where it did.
    pub(crate) occasion_nouns: IdSet,
    /// Word ids of irregular past participles (`paid`, `spread`, `withdrawn`): `wanted the
    /// price paid` wants something done, as `wanted the market reopened` does.
    pub(crate) participles: IdSet,
    /// Word ids of lower-case nouns for the land a river runs through (`the Una basin`,
    /// `the Una valley`): after `the Una river`, they name the river's place.
    pub(crate) river_parts: IdSet,
    /// Acts and documents a name may qualify (`the US sanctions`, `the Trump plan`): a name
    /// before one is no party to a meeting.
    pub(crate) act_nouns: IdSet,
    /// Texts a headline says someone is by (`Statement by X`, `Remarks by Y`): the text
    /// speaks in their first person.
    pub(crate) authored_nouns: IdSet,
    /// Topics told of a place (`discussed the situation in South Sudan`): the place after
    /// one is what was discussed, not where.
    pub(crate) topic_nouns: IdSet,
    /// Plural nouns for people who act for a side (`negotiators`, `envoys`): `both
    /// negotiators` are two persons, as `both ministers` are.
    pub(crate) agent_plurals: IdSet,
    /// Word ids of verbs that accept an invitation (`accepted`) and that decline one
    /// (`declined`), said with no object or with the invitation as object.
    pub(crate) accept_verbs: IdSet,
    pub(crate) decline_verbs: IdSet,
    /// Word ids of verbs that give a visit's purpose (`called on the minister to discuss
    /// the cargo`): after them `called on` is a visit, not a demand.
    pub(crate) purpose_verbs: IdSet,
    /// Word ids of those a report is made to, and how (`told reporters`, `said at a news
    /// conference`): a date after them is the report's.
    pub(crate) audience_words: IdSet,
    boilerplate: RegexSet,
    /// Lower-case openings that make a line of any length boilerplate (`also read this:`
    /// and the headline after it), tested without a regex.
    boilerplate_openings: Vec<String>,
    credits: Vec<Regex>,
}

/// `\b` as an ASCII word boundary: Unicode ones force the slow regex engine on every line.
fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

fn norm_phrase(p: &str) -> String {
    let mut q = false;
    // A leading clitic ('s, 'll) only tokenises as in running text after a word.
    if p.starts_with(['\'', '\u{2019}']) {
        let padded = format!("x{p}");
        let n = tokenize(&padded, 0, padded.len(), &mut q).into_norm();
        return n.strip_prefix("x ").map(str::to_string).unwrap_or(n);
    }
    tokenize(p, 0, p.len(), &mut q).into_norm()
}

fn words_of(p: &str) -> Vec<String> {
    norm_phrase(p).split(' ').map(str::to_string).collect()
}

impl Lexicon {
    /// Parses lexicon text; `file` names it in errors.
    pub fn parse(src: &str, file: &str) -> Result<Lexicon, ExtractError> {
        let mut triggers = Vec::new();
        let mut patterns = Vec::new();
        let mut words = WordTable::default();
        let mut roles = FastMap::default();
        let mut given = FastMap::default();
        let mut family_first = FastMap::default();
        let mut pronouns = FastMap::default();
        let (mut occasion_nouns, mut participles) = (IdSet::default(), IdSet::default());
        let mut river_parts = IdSet::default();
        let mut act_nouns = IdSet::default();
        let mut authored_nouns = IdSet::default();
        let mut topic_nouns = IdSet::default();
        let mut agent_plurals = IdSet::default();
        let (mut accept_verbs, mut decline_verbs) = (IdSet::default(), IdSet::default());
        let mut purpose_verbs = IdSet::default();
        let mut audience_words = IdSet::default();
        let (mut org_nouns, mut org_heads, mut concession_nouns) =
            (IdSet::default(), IdSet::default(), IdSet::default());
        let (mut group_nouns, mut chair_verbs, mut join_verbs) =
            (IdSet::default(), IdSet::default(), IdSet::default());
        let (mut phone_cues, mut in_person_cues, mut want_exclude, mut multi_cues) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut boiler = Vec::new();
        let mut boilerplate_openings = Vec::new();
        let mut credits = Vec::new();
        let mut seen_trigger: HashMap<String, usize> = HashMap::new();
        for (n, raw) in src.lines().enumerate() {
            let line_no = n + 1;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let err = |m: String| ExtractError::data(file, line_no, m);
            let (cat, phrase) = match cols.as_slice() {
                [c, p, ..] if !p.is_empty() => (*c, *p),
                _ => return Err(err("expected at least two tab-separated columns".into())),
            };
            let value = cols.get(2).copied().unwrap_or("");
            let bit = match cat {
                "negation" => class::NEGATION,
                "planned" => class::PLANNED,
                "deontic" => class::DEONTIC,
                "title" => class::TITLE | class::PERSON_CUE,
                "title_mod" => class::TITLE_MOD,
                "boundary" => class::BOUNDARY,
                "reporting" => class::REPORTING | class::BOUNDARY,
                "skip" => class::SKIP,
                "place_prep" => class::PLACE_PREP,
                "abbrev" => class::ABBREV,
                "stop" => class::STOP,
                "plan_noun" => class::PLAN_NOUN,
                "definite" => class::DEFINITE,
                "indefinite" => class::INDEFINITE,
                "initialism" => class::FINAL_INITIALISM,
                "past" => class::PAST,
                "org_suffix" => class::ORG_SUFFIX,
                "event_suffix" => class::EVENT_SUFFIX,
                "loc_suffix" => class::LOC_SUFFIX,
                "gpe_suffix" => class::GPE_SUFFIX,
                "separate" => class::SEPARATE,
                "cancel" => class::CANCEL,
                "passive_aux" => class::PASSIVE_AUX,
                "delegate" => class::DELEGATE,
                "address" => class::ADDRESS,
                "travel" => class::TRAVEL,
                _ => 0,
            };
            if bit != 0 {
                let key = if cat == "initialism" {
                    phrase.to_lowercase().replace('.', "")
                } else {
                    norm_phrase(phrase)
                };
                words.add(&key, bit);
                continue;
            }
            match cat {
                "trigger" => {
                    let relation = RelationKind::parse(value)
                        .ok_or_else(|| err(format!("unknown relation {value:?}")))?;
                    let form = cols.get(3).copied().unwrap_or("verb");
                    let noun = match form {
                        "noun" => true,
                        "verb" => false,
                        f => return Err(err(format!("form must be noun or verb, not {f:?}"))),
                    };
                    let mut t = Trigger {
                        relation,
                        noun,
                        preps: Vec::new(),
                        direct: false,
                        phone: false,
                        in_person: false,
                        multi: false,
                        guests: false,
                        want: false,
                        deontic: false,
                        needs_plan: false,
                        planned: false,
                        gerund: false,
                        to_clause: false,
                        or_visit: false,
                        not_before: Vec::new(),
                        person_or_org: false,
                        must_clause: false,
                        firm: false,
                        told: false,
                        agent_to: false,
                        joins: false,
                        invite: false,
                        offer: false,
                    };
                    for flag in cols
                        .get(4)
                        .copied()
                        .unwrap_or("")
                        .split(',')
                        .map(str::trim)
                        .filter(|f| !f.is_empty())
                    {
                        match flag.split_once('=') {
                            Some(("prep", ps)) => {
                                t.preps = ps.split('+').map(norm_phrase).collect()
                            }
                            Some(("not-before", ws)) => {
                                t.not_before = ws.split('+').map(norm_phrase).collect()
                            }
                            None => match flag {
                                "direct" => t.direct = true,
                                "phone" => t.phone = true,
                                "in-person" => t.in_person = true,
                                "multi" => t.multi = true,
                                "guests" => t.guests = true,
                                "want" => t.want = true,
                                "deontic" => t.deontic = true,
                                "needs-plan" => t.needs_plan = true,
                                "planned" => t.planned = true,
                                "gerund" => t.gerund = true,
                                "to-clause" => t.to_clause = true,
                                "or-visit" => t.or_visit = true,
                                "not-before-for" => t.not_before = vec!["for".into()],
                                "person-or-org" => t.person_or_org = true,
                                "must-clause" => t.must_clause = true,
                                "firm" => t.firm = true,
                                "told" => t.told = true,
                                "agent-to" => t.agent_to = true,
                                "joins" => t.joins = true,
                                "invite" => t.invite = true,
                                "offer" => t.offer = true,
                                f => return Err(err(format!("unknown trigger flag {f:?}"))),
                            },
                            Some((k, _)) => return Err(err(format!("unknown trigger flag {k:?}"))),
                        }
                    }
                    let p = norm_phrase(phrase);
                    if let Some(&i) = seen_trigger.get(&p) {
                        triggers[i] = t;
                    } else {
                        seen_trigger.insert(p.clone(), triggers.len());
                        patterns.push(p);
                        triggers.push(t);
                    }
                }
                "role" => {
                    roles.insert(
                        norm_phrase(phrase),
                        if value.is_empty() {
                            "*".into()
                        } else {
                            value.to_lowercase()
                        },
                    );
                    words.add(&norm_phrase(phrase), class::TITLE);
                }
                "family_first" => {
                    family_first.insert(norm_phrase(phrase), ());
                }
                "given" | "pronoun" => {
                    let g = match value {
                        "m" => Gender::Male,
                        "f" => Gender::Female,
                        v => return Err(err(format!("gender must be m or f, not {v:?}"))),
                    };
                    if cat == "given" {
                        given.insert(norm_phrase(phrase), g);
                    } else {
                        let object = cols.get(3).copied() == Some("object");
                        words.add(&norm_phrase(phrase), class::PRONOUN);
                        pronouns.insert(norm_phrase(phrase), (g, object));
                    }
                }
                "phone" => phone_cues.push(words_of(phrase)),
                "multi" => multi_cues.push(words_of(phrase)),
                "in_person" => in_person_cues.push(words_of(phrase)),
                "want_exclude" => want_exclude.push(words_of(phrase)),
                "group" | "chair" | "join" | "org_noun" | "org_head" | "concession"
                | "occasion" | "participle" | "river_part" | "accept" | "decline" | "purpose"
                | "audience" | "act_noun" | "authored" | "topic" | "agent_plural" => {
                    let w = norm_phrase(phrase);
                    if w.contains(' ') {
                        return Err(err(format!("{cat} takes one word, not {phrase:?}")));
                    }
                    let id = words
                        .intern(&w)
                        .ok_or_else(|| err("too many distinct phrase words".into()))?;
                    match cat {
                        "group" => group_nouns.insert(id),
                        "chair" => chair_verbs.insert(id),
                        "org_noun" => org_nouns.insert(id),
                        "org_head" => org_heads.insert(id),
                        "concession" => concession_nouns.insert(id),
                        "occasion" => occasion_nouns.insert(id),
                        "participle" => participles.insert(id),
                        "river_part" => river_parts.insert(id),
                        "act_noun" => act_nouns.insert(id),
                        "authored" => authored_nouns.insert(id),
                        "topic" => topic_nouns.insert(id),
                        "agent_plural" => agent_plurals.insert(id),
                        "accept" => accept_verbs.insert(id),
                        "decline" => decline_verbs.insert(id),
                        "purpose" => purpose_verbs.insert(id),
                        "audience" => audience_words.insert(id),
                        _ => join_verbs.insert(id),
                    }
                }
                "credit" => {
                    let re = Regex::new(&ascii_boundaries(phrase))
                        .map_err(|e| err(format!("bad pattern: {e}")))?;
                    if re.captures_len() < 2 {
                        return Err(err(
                            "a credit pattern needs a group marking where the credit starts".into(),
                        ));
                    }
                    credits.push(re);
                }
                "boilerplate_opening" => boilerplate_openings.push(phrase.to_lowercase()),
                "boilerplate" => {
                    regex::Regex::new(&ascii_boundaries(phrase))
                        .map_err(|e| err(format!("bad pattern: {e}")))?;
                    boiler.push(ascii_boundaries(phrase));
                }
                c => return Err(err(format!("unknown category {c:?}"))),
            }
        }
        let trigger_trie =
            PhraseTrie::build(patterns.iter().map(String::as_str), |w| words.intern(w));
        let boilerplate = RegexSet::new(&boiler)
            .map_err(|e| ExtractError::data(file, 0, format!("bad boilerplate patterns: {e}")))?;
        // One lookup per token answers every word class, trigger and cue starts included.
        for p in &patterns {
            if let Some(first) = p.split(' ').next() {
                words.add(first, class::TRIGGER_START);
            }
        }
        for cue in phone_cues.iter().chain(&in_person_cues) {
            if let Some(first) = cue.first() {
                words.add(first, class::MODE_CUE);
            }
        }
        for cue in &multi_cues {
            if let Some(first) = cue.first() {
                words.add(first, class::MULTI);
            }
        }
        Ok(Lexicon {
            triggers,
            trigger_trie,
            words,
            roles,
            given,
            family_first,
            pronouns,
            phone_cues,
            in_person_cues,
            multi_cues,
            want_exclude,
            group_nouns,
            org_nouns,
            org_heads,
            chair_verbs,
            join_verbs,
            concession_nouns,
            occasion_nouns,
            participles,
            river_parts,
            act_nouns,
            authored_nouns,
            topic_nouns,
            agent_plurals,
            accept_verbs,
            decline_verbs,
            purpose_verbs,
            audience_words,
            boilerplate,
            boilerplate_openings,
            credits,
        })
    }

    /// Every class of a word and its phrase-word id, looked up once per token as
    /// [`tokenize_into`](crate::text::tokenize_into) makes it.
    pub(crate) fn classes(&self, word: &str) -> WordInfo {
        self.words.get(word)
    }

    pub(crate) fn has(&self, word: &str, bit: u32) -> bool {
        self.words.get(word).bits & bit != 0
    }
}

impl Lexicon {
    /// Whether `line` opens with a boilerplate opening, past a mark or an emoji or two.
    fn opens_boilerplate(&self, line: &str) -> bool {
        let start = line
            .char_indices()
            .take(4)
            .find(|(_, c)| c.is_alphanumeric())
            .map(|(i, _)| i);
        let Some(rest) = start.and_then(|i| line.get(i..)) else {
            return false;
        };
        self.boilerplate_openings.iter().any(|o| {
            rest.get(..o.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(o))
        })
    }
}

impl SplitRules for Lexicon {
    fn is_abbreviation(&self, lower: &str) -> bool {
        self.has(lower, class::ABBREV)
    }
    fn is_final_initialism(&self, lower: &str) -> bool {
        self.has(lower, class::FINAL_INITIALISM)
    }
    fn is_title(&self, lower: &str) -> bool {
        self.has(lower, class::TITLE | class::TITLE_MOD)
    }
    /// Boilerplate is short: longer text is never tested, which keeps regexes off the hot path.
    fn is_boilerplate(&self, s: &str) -> bool {
        (s.len() <= BOILERPLATE_MAX && self.boilerplate.is_match(s)) || self.opens_boilerplate(s)
    }
    /// Only the end of a line can hold a credit, and only a line whose last sentence is
    /// closed: a credit trails it without a sentence end of its own, so most lines are
    /// ruled out before any regex runs.
    fn trailing_credit(&self, line: &str) -> Option<usize> {
        let end = line.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '\'' | ')' | '\u{201D}' | '\u{2019}')
        });
        if end.ends_with(['.', '!', '?']) {
            return None;
        }
        let mut from = line.len().saturating_sub(CREDIT_MAX);
        while !line.is_char_boundary(from) {
            from += 1;
        }
        let tail = line.get(from..)?;
        self.credits
            .iter()
            // A match test first: most lines have no credit, and it allocates nothing.
            .filter(|re| re.is_match(tail))
            .filter_map(|re| re.captures(tail)?.get(1).map(|g| from + g.start()))
            .min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_reports_line_numbers() {
        let lx = Lexicon::parse(
            "trigger\tmet with\tmet-with\tverb\tdirect\nnegation\tnever\n",
            "x",
        )
        .unwrap();
        assert_eq!(lx.triggers.len(), 1);
        assert!(lx.has("never", class::NEGATION));
        let e = Lexicon::parse("# c\ntrigger\tmet\tmarried\tverb\n", "lex.tsv").unwrap_err();
        assert!(e.to_string().starts_with("lex.tsv:2:"), "{e}");
        assert!(Lexicon::parse("oops\n", "f").is_err());
        assert!(Lexicon::parse("trigger\tmet\tmet-with\tverb\tflying\n", "f").is_err());
        assert_eq!(norm_phrase("'ll"), "'ll");
        assert_eq!(norm_phrase("'s demands"), "'s demands");
    }

    #[test]
    fn a_credit_trails_the_last_closed_sentence() {
        use crate::text::SplitRules;
        let lx = Lexicon::parse(
            "credit\t[.!?]\\s+((?:via Getty Images|Photo:)[^.!?]*)$\n",
            "x",
        )
        .unwrap();
        let line = "They met in Munich. via Getty Images";
        assert_eq!(lx.trailing_credit(line), line.find("via"));
        assert_eq!(lx.trailing_credit("They met. Photo: Reuters )  "), Some(10));
        // A line that ends a sentence, before its closing quote, has no credit.
        assert_eq!(
            lx.trailing_credit("They met. Photo: the talks went on.\u{201D} "),
            None
        );
        assert_eq!(lx.trailing_credit("They met. Photo: a handshake?"), None);
    }

    #[test]
    fn group_nouns_and_chair_verbs_are_single_words() {
        let lx = Lexicon::parse("group\trebels\nchair\tmediated\n", "x").unwrap();
        assert_eq!((lx.group_nouns.len(), lx.chair_verbs.len()), (1, 1));
        assert!(lx.group_nouns.contains(lx.words.get("rebels").id));
        assert!(lx.chair_verbs.contains(lx.words.get("mediated").id));
        let e = Lexicon::parse("group\tarmed group\n", "lex.tsv").unwrap_err();
        assert!(e.to_string().contains("one word"), "{e}");
        assert!(Lexicon::parse("chair\tco-chaired\n", "f").is_err());
    }
}
