//! Relation mentions in one sentence: lexicon triggers, their parties, status, date, place
//! and mode. Aggregation over the document happens in `aggregate`.

use crate::dates::{date_at, find_dates, resolve, resolve_nearest, DateExpr, DateKind};
use crate::doc::{DocState, EventNote, Invitation};
use crate::gazetteer::Gazetteer;
use crate::lexicon::{class, Lexicon, Trigger};
use crate::model::{EntityKind, Mode, RelationKind, Status};
use crate::recognise::{irregular_plural, trigger_match, MForm, Mention};
use crate::text::{TokKind, Tokens};
use chrono::NaiveDate;

mod kinds;
mod parties;
mod status;

/// The most leaders of sides one meeting is given (`X's delegation was led by …`).
const SIDES: usize = 12;

/// How far back, in bytes, a side's leader is looked for the meeting they led it at.
const NEAR: usize = 800;

/// Auxiliaries and adverbs between a conjunction and the verb it joins (`and will also
/// hold talks`).
const AUXILIARIES: &[&str] = &[
    "will", "would", "also", "then", "later", "could", "can", "may", "might", "should", "has",
    "have", "had",
];

/// Words that name a part of a period before a date (`since the spring of 2022`).
const PARTS_OF_A_PERIOD: &[&str] = &[
    "the",
    "spring",
    "summer",
    "autumn",
    "winter",
    "start",
    "end",
    "of",
    "fall",
    "beginning",
];

/// One statement of a relation in one sentence.
#[derive(Debug, Clone)]
pub(crate) struct RelMention {
    pub kind: RelationKind,
    pub a: usize,
    pub b: Option<usize>,
    pub status: Status,
    pub date: Option<String>,
    pub place: Option<usize>,
    pub mode: Option<Mode>,
    pub content: Option<String>,
    pub content_ents: Vec<usize>,
    pub conf: f32,
    /// Character offsets of the sentence.
    pub start: usize,
    pub end: usize,
    /// Byte offsets of the sentence.
    pub bstart: usize,
    pub bend: usize,
    /// Its subject took part in the meeting told before it in the sentence (`A hosted B,
    /// with C also taking part`), whose date and place are then its own.
    pub joined: bool,
}

impl RelMention {
    /// A meeting of `a` and `b` that sentence `s` tells of without a trigger of its own
    /// (an answer to an invitation, the leader of a side).
    fn meeting(
        s: &Sentence,
        (a, b): (usize, usize),
        status: Status,
        date: Option<String>,
        place: Option<usize>,
    ) -> RelMention {
        RelMention {
            kind: RelationKind::MetWith,
            a,
            b: Some(b),
            status,
            date,
            place,
            mode: None,
            content: None,
            content_ents: Vec::new(),
            conf: 0.6,
            start: s.chars.0,
            end: s.chars.1,
            bstart: s.bytes.0,
            bend: s.bytes.1,
            joined: false,
        }
    }

    /// Takes the date and place it lacks from another statement of the same meeting; a
    /// call has no place to take.
    pub fn fill_date_and_place(&mut self, date: Option<String>, place: Option<usize>) {
        self.date = self.date.take().or(date);
        if self.mode != Some(Mode::Phone) {
            self.place = self.place.or(place);
        }
    }
}

/// Everything the relation finder needs about one sentence.
pub(crate) struct Sentence<'a> {
    pub text: &'a str,
    pub t: &'a Tokens,
    pub ms: &'a [Mention],
    pub bytes: (usize, usize),
    pub chars: (usize, usize),
}

/// Buffers of [`RelationFinder::sentence`], reused from sentence to sentence.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    covered: Vec<bool>,
    hits: Vec<Hit>,
    maps: Maps,
}

pub(crate) struct RelationFinder<'a> {
    pub lex: &'a Lexicon,
    pub gaz: &'a Gazetteer,
    pub article_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    t0: usize,
    t1: usize,
    trig: usize,
    /// A passive verb with its agents named after `by`.
    passive: bool,
}

#[derive(Debug, Default, Clone)]
struct Outcome {
    /// The relation, when the context changes the trigger's (wants a meeting: a proposal).
    kind: Option<RelationKind>,
    /// Met-with pairs or (subject, object) of a demand or proposal.
    pairs: Vec<(usize, Option<usize>)>,
    status: Option<Status>,
    anaphor: bool,
    /// Who joined the meeting an anaphor refers to (`X joined the talks`).
    joiners: Vec<usize>,
    /// The date and place of the meeting those who took part joined.
    joined: Option<(Option<String>, Option<usize>)>,
    /// Those who took part joined this sentence's meeting, told before them.
    joined_here: bool,
    conf: f32,
    content: Option<String>,
    content_ents: Vec<usize>,
    mode: Option<Mode>,
}

/// Mentions by the token they start at and the token they end at, in flat arrays.
#[derive(Debug, Default)]
struct Maps {
    starts: Vec<usize>,
    start_range: Vec<(usize, usize)>,
    ends: Vec<usize>,
    end_range: Vec<(usize, usize)>,
}

/// Indices of `ms` grouped by `key` (below `n`) with a counting sort, into reused buffers.
fn group(
    ms: &[Mention],
    key: impl Fn(&Mention) -> Option<usize>,
    n: usize,
    out: &mut Vec<usize>,
    range: &mut Vec<(usize, usize)>,
) {
    range.clear();
    range.resize(n + 1, (0, 0));
    // Counts first, in the second field.
    for k in ms.iter().filter_map(&key) {
        if let Some(r) = range.get_mut(k) {
            r.1 += 1;
        }
    }
    let mut at = 0;
    for r in range.iter_mut() {
        let count = r.1;
        *r = (at, at);
        at += count;
    }
    out.clear();
    out.resize(at, 0);
    for (i, m) in ms.iter().enumerate() {
        if let Some(r) = key(m).and_then(|k| range.get_mut(k)) {
            if let Some(slot) = out.get_mut(r.1) {
                *slot = i;
            }
            r.1 += 1;
        }
    }
}

impl Maps {
    fn fill(&mut self, ms: &[Mention], n: usize) {
        let ok = |m: &Mention| m.t0 < n && m.t1 >= 1 && m.t1 <= n;
        group(
            ms,
            |m| ok(m).then_some(m.t0),
            n,
            &mut self.starts,
            &mut self.start_range,
        );
        group(
            ms,
            |m| ok(m).then(|| m.t1 - 1),
            n,
            &mut self.ends,
            &mut self.end_range,
        );
    }

    fn starts_at(&self, k: usize) -> &[usize] {
        self.start_range
            .get(k)
            .and_then(|&(a, b)| self.starts.get(a..b))
            .unwrap_or(&[])
    }

    fn ends_at(&self, k: usize) -> &[usize] {
        self.end_range
            .get(k)
            .and_then(|&(a, b)| self.ends.get(a..b))
            .unwrap_or(&[])
    }
}

/// `(that) Kinshasa must address …`, `Russia should not be allowed …`, `the EU has to
/// act` at token `k`: a named party told what to do; with `told`, also `Iran to stop`.
/// Not `must have` or `should never have`, which judge the past.
fn must_clause(s: &Sentence, k: usize, told: bool) -> bool {
    let t = s.t;
    // (`said on Thursday that Japan should halt`: past when or how it was said; `told
    // reporters at the White House on Monday that`: and where.)
    let k = (k..(k + 12).min(t.len()))
        .find(|&q| t.word(q) == "that")
        .filter(|&q| {
            (k..q).all(|x| t.is_word(x) && !s.ms.iter().any(|m| m.t0 <= x && x < m.t1 && !m.place))
        })
        .map_or(k, |q| q + 1);
    let Some(m) = s.ms.iter().find(|m| {
        m.t0 == k
            && !m.possessive
            && matches!(m.form, MForm::Name | MForm::Description | MForm::Pronoun)
            && m.party()
    }) else {
        return false;
    };
    // (`that Iran "must come to the table"`: past a quotation mark.)
    let modal = m.t1 + usize::from(t.word(m.t1) == "\"");
    let mut after = modal + 1;
    while matches!(t.word(after), "not" | "never" | "n't") {
        after += 1;
    }
    let named = m.form != MForm::Pronoun;
    match (t.word(modal), t.word(after)) {
        ("must" | "should", next) => named && next != "have",
        ("has" | "have" | "needs" | "need", "to") => named,
        // `warned Iran to stop`, `told him to withdraw`: the party is told to act.
        ("to", _) => {
            told && t.is_word(after)
                && !t.cap(after)
                && !t.is(after, class::STOP | class::DEFINITE | class::INDEFINITE)
        }
        _ => false,
    }
}

impl RelationFinder<'_> {
    fn hard_boundary(&self, s: &Sentence, k: usize) -> bool {
        let t = s.t;
        let w = t.word(k);
        if t.is(k, class::BOUNDARY) {
            return true;
        }
        match w {
            // `the U.S. recognised`, `Jan. 6`: the period of an abbreviation ends nothing.
            "." => {
                let attached = k > 0 && t.touching(k - 1);
                !(attached && (t.word(k - 1).len() == 1 || t.is(k - 1, class::ABBREV)))
            }
            ";" | ":" | "(" | ")" | "!" | "?" => true,
            "-" => {
                // A spaced dash splits clauses; a hyphen inside a word does not.
                !(k > 0 && t.touching(k - 1) && t.touching(k))
            }
            _ => false,
        }
    }

    /// Trigger phrases of the sentence not inside a name, into `hits`.
    fn find_hits(&self, s: &Sentence, covered: &mut Vec<bool>, hits: &mut Vec<Hit>) {
        let t = s.t;
        let n = t.len();
        hits.clear();
        // Most sentences hold no trigger word.
        if !t.cls.iter().any(|c| c & class::TRIGGER_START != 0) {
            return;
        }
        covered.clear();
        covered.resize(n, false);
        for m in s.ms {
            if matches!(m.form, MForm::Name | MForm::Demonym | MForm::Adjective) {
                for c in covered.iter_mut().take(m.t1.min(n)).skip(m.t0) {
                    *c = true;
                }
            }
        }
        let mut i = 0;
        while i < n {
            if covered[i] || t.toks()[i].kind != TokKind::Word || !t.is(i, class::TRIGGER_START) {
                i += 1;
                continue;
            }
            let found = t.phrase_at(&self.lex.trigger_trie, i).map(|(trig, j)| {
                // `held a video call on Thursday`: the phrase without its `on`, not `call on`
                // someone. (`insisted on Monday that`: a demand either way, as it reads.)
                let relation = |p: usize| self.lex.triggers.get(p).map(|x| x.relation);
                if t.word(j) == "on" && crate::dates::is_calendar_word(t.word(j + 1)) {
                    t.ids
                        .get(..j)
                        .and_then(|ids| self.lex.trigger_trie.longest(ids, i))
                        .filter(|&(p, _)| relation(p) != relation(trig))
                        .unwrap_or((trig, j))
                } else {
                    (trig, j)
                }
            });
            if let Some((trig, j)) = found {
                // `the summit's host`: a possessor, and a verb trigger used as a noun after
                // one, tell of no meeting.
                let possessed = |x: &Trigger| {
                    t.word(j + 1) == "'s"
                        || (!x.noun
                            && i > 0
                            && t.word(i - 1) == "'s"
                            && matches!(t.word(j + 1), "," | "." | ";" | "and" | ""))
                };
                // `UN-hosted talks`, `Qatari-brokered deal`: a verb joined to a word before
                // it by a hyphen is an adjective (not `co-hosted`).
                let compound = |x: &Trigger| {
                    !x.noun
                        && i > 1
                        && t.word(i - 1) == "-"
                        && t.touching(i - 2)
                        && t.touching(i - 1)
                        && t.word(i - 2) != "co"
                };
                // `face-to-face talks`: a meeting noun before another qualifies it.
                let qualifies = |x: &Trigger| {
                    x.noun
                        && t.is(j + 1, class::TRIGGER_START)
                        && t.phrase_at(&self.lex.trigger_trie, j + 1)
                            .and_then(|(p, _)| self.lex.triggers.get(p))
                            .is_some_and(|y| y.noun && y.relation == x.relation)
                };
                // (`took part in the talks` is the meeting noun's to tell.)
                let bare =
                    |x: &Trigger| !x.joins || matches!(t.word(j + 1), "." | "," | ";" | "" | "\"");
                // (`was called off`: no call.)
                let barred = |x: &Trigger| {
                    x.relation == RelationKind::MetWith
                        && x.not_before.iter().any(|w| w == t.word(j + 1))
                };
                let gated = self.lex.triggers.get(trig).is_some_and(|x| {
                    (x.must_clause && !must_clause(s, j + 1, x.told))
                        || possessed(x)
                        || compound(x)
                        || qualifies(x)
                        || !bare(x)
                        || barred(x)
                });
                if !gated && !covered[i..=j].iter().any(|&c| c) {
                    hits.push(Hit {
                        t0: i,
                        t1: j + 1,
                        trig,
                        passive: false,
                    });
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// Finds relation mentions in one sentence and appends them to `out`.
    pub fn sentence(
        &self,
        s: &Sentence,
        doc: &mut DocState,
        out: &mut Vec<RelMention>,
        scratch: &mut Scratch,
    ) {
        let t = s.t;
        let n = t.len();
        let sent_text = s.text.get(s.bytes.0..s.bytes.1).unwrap_or("");
        let trimmed = sent_text.trim_end_matches(['"', '\u{201D}', '\'', '\u{2019}', ')', ' ']);
        if trimmed.ends_with('?') || n == 0 {
            return;
        }
        let first_out = out.len();
        self.note_event_place(s, doc);
        self.find_hits(s, &mut scratch.covered, &mut scratch.hits);
        if scratch.hits.is_empty() {
            self.answered_invitation(s, doc, out);
            self.led_side(s, doc, &mut scratch.maps, out);
            if doc.sentences_seen == 1 {
                self.note_lede_event(s, doc);
            }
            // `Leaders opened the Pacific Islands Forum in Nuku'alofa on Monday`: an occasion
            // told without a meeting places those held on its sidelines later.
            if (0..n).any(|k| t.id_in(k, &self.lex.occasion_nouns)) {
                self.note_occasion(s, &find_dates(t), doc);
            }
            return;
        }
        if debug_enabled() {
            let ms: Vec<String> =
                s.ms.iter()
                    .map(|m| {
                        let place = if m.place { "@" } else { "" };
                        format!("{}..{}={}:{:?}{place}", m.t0, m.t1, m.ent, m.form)
                    })
                    .collect();
            eprintln!("mentions {}", ms.join(" "));
        }
        scratch.maps.fill(s.ms, n);
        let (hits, maps) = (&scratch.hits, &scratch.maps);
        // Only a sentence with a trigger needs its dates.
        let dates = find_dates(t);
        let mut outcomes: Vec<Outcome> = Vec::with_capacity(hits.len());
        let mut prev_subjects: Vec<usize> = Vec::new();
        // Where the last trigger that stated a relation ends, and its subjects.
        let mut last_acted: Option<(usize, Vec<usize>)> = None;
        // The first pair of the last relation this sentence stated, and whether it met.
        let mut prev_pair: Option<(usize, usize, bool)> = None;
        let mut lower = 0usize;
        for (hi, h) in hits.iter().enumerate() {
            let Some(trig) = self.lex.triggers.get(h.trig) else {
                outcomes.push(Outcome::default());
                continue;
            };
            // `Russia and China plan to hold talks`: a plan noun used as the verb of its
            // subjects tells an intention, not a proposal; the verb after it has the subjects.
            let verb_use = trig.noun
                && h.t0 > 0
                && t.word(h.t1) == "to"
                && t.is_word(h.t1 + 1)
                && !t.cap(h.t1 + 1)
                && (t.is(h.t0 - 1, class::PRONOUN)
                    || maps
                        .ends_at(h.t0 - 1)
                        .iter()
                        .any(|&i| s.ms[i].party() && !s.ms[i].possessive));
            if verb_use {
                outcomes.push(Outcome::default());
                continue;
            }
            // (`discussed the proposal with Mohammed bin Salman`: a plan or demand named as the
            // verb's object leaves the phrase open.)
            let object_noun = |x: &Hit| {
                self.lex.triggers.get(x.trig).is_some_and(|y| {
                    y.noun
                        && y.relation != trig.relation
                        && !trig.noun
                        && x.t0 > 0
                        && t.is(x.t0 - 1, class::DEFINITE | class::INDEFINITE)
                        && x.t0 <= h.t1 + 2
                        && trig.preps.iter().any(|p| p == t.word(x.t1))
                })
            };
            let upper = hits[hi + 1..]
                .iter()
                .find(|x| !object_noun(x))
                .map_or(n, |x| x.t0);
            let (mut objects, between, _) = self.right_scan(s, maps, trig, h.t1, upper, &dates);
            if trig.relation == RelationKind::MetWith && !trig.noun {
                let (leaders, origin) = self.delegation_leaders(s, maps, h.t1, upper);
                if !leaders.is_empty() {
                    objects.retain(|&i| !origin.contains(&s.ms[i].t0) && !leaders.contains(&i));
                    objects.extend(leaders);
                }
            }
            let scan_end = objects.iter().map(|&i| s.ms[i].t1).max().unwrap_or(h.t1);
            let floor = lower;
            let (mut subjects, addressed, reporting) = self.left_scan(s, maps, trig, h.t0, floor);
            // `talks on the rebels' political demands`: a demand or plan that a possessive owns,
            // with only modifiers between (a verb trigger there is a noun too), is its
            // possessor's, and nobody's further left when no name says who that is.
            let owner = (trig.relation != RelationKind::MetWith)
                .then(|| {
                    (h.t0.saturating_sub(4)..h.t0)
                        .rev()
                        .take_while(|&q| {
                            matches!(t.word(q), "'" | "'s")
                                || (t.is_word(q)
                                    && !t.cap(q)
                                    && !t.is(q, class::STOP | class::TITLE | class::DELEGATE))
                        })
                        .find(|&q| matches!(t.word(q), "'" | "'s"))
                })
                .flatten();
            if let Some(q) = owner {
                let named = maps.ends_at(q.wrapping_sub(1));
                if named.is_empty() {
                    outcomes.push(Outcome::default());
                    continue;
                }
                let owners: Vec<usize> = named
                    .iter()
                    .copied()
                    .filter(|&i| s.ms[i].possessive)
                    .collect();
                if !owners.is_empty() {
                    subjects = owners;
                }
            }
            // `al-Sisi declined Ramaphosa's invitation to a dinner`: whoever owns an invitation
            // made it; the guest is the subject of the clause.
            if trig.noun && objects.is_empty() && trig.preps.iter().any(|p| p == "from") {
                let owned = !subjects.is_empty()
                    && subjects.iter().all(|&i| {
                        let m = &s.ms[i];
                        m.possessive && t.word(m.t1) == "'s" && m.t1 + 1 == h.t0
                    });
                let start = subjects.iter().map(|&i| s.ms[i].t0).min();
                if let Some(start) = start.filter(|_| owned) {
                    let guests = self.left_scan(s, maps, trig, start, floor).0;
                    if !guests.is_empty() {
                        objects = std::mem::replace(&mut subjects, guests);
                    }
                }
            }
            // `a border region where Peru, Colombia and Brazil meet`: lands meet, not parties.
            if trig.relation == RelationKind::MetWith
                && !trig.noun
                && objects.is_empty()
                && borders_meet(s, doc, &subjects, h.t0)
            {
                outcomes.push(Outcome::default());
                continue;
            }
            // `Iraq's ambassador, Haider al-Obaidi, whom he had summoned`: the antecedent of
            // `whom` is the object.
            if objects.is_empty() && trig.direct && !trig.noun {
                objects.extend(whom_antecedent(s, maps, h.t0));
            }
            // `shuttled between the two delegations, which did not meet`: a relative
            // clause right after the last relation's parties is about them.
            // (`talks with Doughty, the British minister for overseas territories, who
            // offered`: past an apposition without a verb.)
            let relative_at = (lower > 0 && t.word(lower) == ",")
                .then(|| {
                    (lower + 1..h.t0).find(|&k| {
                        matches!(t.word(k), "which" | "who")
                            && (k == lower + 1
                                || (t.word(k - 1) == ","
                                    && t.is(lower + 1, class::DEFINITE | class::INDEFINITE)
                                    && (lower + 2..k - 1).all(|q| {
                                        t.is_word(q)
                                            && !t.is(q, class::REPORTING | class::PAST)
                                            && trigger_match(t, self.lex, q).is_none()
                                    })))
                    })
                })
                .flatten();
            if subjects.is_empty()
                && relative_at.is_some_and(|rel| (rel + 1..h.t0).all(|k| t.is_word(k) && !t.cap(k)))
            {
                subjects = maps
                    .ends_at(lower - 1)
                    .iter()
                    .copied()
                    .filter(|&i| s.ms[i].party())
                    .collect();
            }
            // `Tshisekedi, who skipped a session of the council, has refused to hold direct
            // talks with M23`: a noun's clause starts at the verb phrase that governs it.
            let governed_from = if trig.noun {
                (h.t0.saturating_sub(7)..h.t0)
                    .rev()
                    .take_while(|&k| t.is_word(k) && !t.cap(k) && maps.starts_at(k).is_empty())
                    .last()
                    .filter(|&k| k > 0 && t.word(k - 1) == ",")
                    .unwrap_or(h.t0)
            } else {
                h.t0
            };
            let head = self.clause_head(s, maps, trig, governed_from);
            if !head.is_empty() {
                subjects = head;
            }
            // `The Houthis, who control the capital, Sanaa, and most of the north, want …`:
            // a verb right after a relative clause has the clause's antecedent as subject,
            // however many commas the clause holds.
            if !trig.noun && h.t0 > 1 && t.word(h.t0 - 1) == "," {
                // (`X, a tribal notable who sits on …, urged`: the clause may follow an
                // apposition, whose comma then closes the antecedent.)
                let appositive = |w: usize| {
                    (w.saturating_sub(6)..w)
                        .rev()
                        .take_while(|&q| (t.is_word(q) && !t.cap(q)) || t.word(q) == ",")
                        .find(|&q| t.word(q) == ",")
                        .filter(|&c| t.is(c + 1, class::DEFINITE | class::INDEFINITE))
                };
                let who = (h.t0.saturating_sub(30)..h.t0 - 1)
                    .rev()
                    .take_while(|&k| !matches!(t.word(k), ";" | ":" | "\""))
                    .find(|&k| {
                        k > 1
                            && matches!(t.word(k), "who" | "which")
                            && (t.word(k - 1) == "," || appositive(k).is_some())
                    });
                let antecedent = who.and_then(|w| {
                    let clean = (w + 1..h.t0 - 1).all(|k| !t.is(k, class::REPORTING))
                        && !hits[..hi].iter().any(|p| p.t0 > w);
                    let comma = if t.word(w - 1) == "," {
                        w - 1
                    } else {
                        appositive(w)?
                    };
                    let end = comma.checked_sub(1)?;
                    clean
                        .then(|| {
                            maps.ends_at(end)
                                .iter()
                                .copied()
                                .filter(|&i| s.ms[i].party() && !s.ms[i].possessive)
                                .collect::<Vec<_>>()
                        })
                        .filter(|v| !v.is_empty())
                });
                // (Only in place of subjects found inside the clause.)
                if let Some((a, w)) = antecedent.zip(who) {
                    if subjects.iter().all(|&i| s.ms[i].t0 > w) {
                        subjects = a;
                    }
                }
            }
            // `… as talks on a minimum price stalled`: a meeting noun opening a clause of its
            // own has no subject before it.
            let conj = |k: usize| {
                matches!(
                    t.word(k),
                    "as" | "while" | "when" | "because" | "although" | "though"
                )
            };
            if trig.noun
                && h.t0 > 0
                && (conj(h.t0 - 1)
                    || (h.t0 > 1
                        && conj(h.t0 - 2)
                        && t.is(h.t0 - 1, class::DEFINITE | class::INDEFINITE)))
            {
                subjects.clear();
            }
            // `Peters offered Wellington as a venue during a call with Marape`: talks that
            // were the occasion of what the previous verb's subject did were that subject's,
            // not those of its object. (`a call`: a verb trigger used as a noun.)
            if used_as_noun(t, trig, h.t0, 1)
                && trig.relation == RelationKind::MetWith
                && hi > 0
                && !prev_subjects.is_empty()
                && occasion(t, h.t0)
                && outcomes.last().is_some_and(|o| !o.pairs.is_empty())
                && self
                    .lex
                    .triggers
                    .get(hits[hi - 1].trig)
                    .is_some_and(|p| !p.noun)
                && !(hits[hi - 1].t1..h.t0).any(|k| matches!(t.word(k), "," | ";" | "and"))
            {
                subjects = prev_subjects.clone();
            }
            // `Vucic said Belgrade would never recognise Kosovo and demanded that …`: a verb
            // coordinated after a reported clause has the reporter as its subject.
            // (`… and will also hold talks with`: past auxiliaries and adverbs.)
            let c = t.back_over(h.t0, 1, AUXILIARIES);
            if !trig.noun && c > 1 && t.word(c - 1) == "and" {
                let reporter = (0..c - 1)
                    .rev()
                    .find(|&k| t.is_word(k) && !t.cap(k) && t.is(k, class::REPORTING))
                    // Another verb of the sentence in between has its own subject, unless
                    // it stated nothing (`said that Greenlanders "do not want …", and called
                    // on`) or only a wish the report told of (`said Turkey wanted a fair
                    // share and called on Greece`).
                    .filter(|&r| {
                        !hits[..hi].iter().zip(&outcomes).any(|(p, o)| {
                            p.t0 > r
                                && !o.pairs.is_empty()
                                && self
                                    .lex
                                    .triggers
                                    .get(p.trig)
                                    .is_some_and(|x| !x.noun && !x.want)
                        })
                    })
                    // (Not `said that Putin had been briefed … and would speak to Trump`: a
                    // verb backshifted as the reported clause is still that clause's.)
                    .filter(|&r| {
                        let backshifted = (c..h.t0)
                            .any(|k| matches!(t.word(k), "would" | "could" | "might" | "had"));
                        !(backshifted
                            && !subjects.is_empty()
                            && subjects.iter().all(|&i| s.ms[i].t0 > r))
                    })
                    .map(|r| self.reporting_subject(s, maps, r))
                    .unwrap_or_default();
                if !reporter.is_empty() {
                    subjects = reporter;
                } else if (0..hi)
                    .rev()
                    // (Past a meeting noun that found no one: `spoke with Sidhu by video call
                    // and invited him`.)
                    .find(|&j| {
                        let noun = self.lex.triggers.get(hits[j].trig).is_some_and(|p| p.noun);
                        !noun || outcomes.get(j).is_some_and(|o| !o.pairs.is_empty())
                    })
                    .filter(|&j| {
                        !prev_subjects.is_empty()
                            && self.lex.triggers.get(hits[j].trig).is_some_and(|p| !p.noun)
                    })
                    // A relative clause in between takes the verb, unless a comma closed it
                    // (`called on the EU to target the people who give the orders, and offered`).
                    .is_some_and(|j| {
                        !(hits[j].t1..h.t0).any(|k| {
                            matches!(t.word(k), ";" | ":")
                                || (matches!(t.word(k), "who" | "which" | "whose")
                                    && !(k..h.t0).any(|q| t.word(q) == ","))
                        })
                    })
                {
                    // `proposed a new chapter of dialogue with Washington and offered to
                    // resume talks`: a verb coordinated after another shares its subject.
                    subjects = prev_subjects.clone();
                }
            }
            // `had been received on Wednesday by President Guelleh`: past a date.
            let by = dates
                .iter()
                .find(|d| d.t0 == h.t1 || (d.t0 == h.t1 + 1 && t.word(h.t1) == "on"))
                .map_or(h.t1, |d| d.t1);
            let mut agents = if trig.noun {
                Vec::new()
            } else {
                self.passive_agents(s, maps, by, upper)
            };
            // `was summoned to the foreign ministry in Helsinki on Wednesday by Foreign
            // Minister Valtonen`, `was received with military honours by X`: the agent may
            // come after where, when and how.
            if agents.is_empty() && !trig.noun && h.t0 > 0 && t.is(h.t0 - 1, class::PASSIVE_AUX) {
                let late_by = (h.t1..(h.t1 + 14).min(upper))
                    .take_while(|&k| !matches!(t.word(k), "," | ";" | ":" | "and" | "\""))
                    .find(|&k| t.word(k) == "by");
                if let Some(k) = late_by {
                    agents = self.passive_agents(s, maps, k, upper);
                }
            }
            // `Wheeler had been summoned to the Ministry of External Affairs`: whoever one
            // is summoned to summoned them.
            if agents.is_empty()
                && trig.agent_to
                && h.t0 > 0
                && t.is(h.t0 - 1, class::PASSIVE_AUX)
                && t.word(h.t1) == "to"
            {
                let at = if t.is(h.t1 + 1, class::DEFINITE) {
                    h.t1 + 2
                } else {
                    h.t1 + 1
                };
                agents.extend(
                    maps.starts_at(at)
                        .iter()
                        .copied()
                        .filter(|&i| doc.kind(s.ms[i].ent) == Some(EntityKind::Org)),
                );
            }
            // `Myanmar's ambassador in Dhaka, X, was summoned`: the government of the place
            // where the envoy serves summoned them.
            if agents.is_empty() && trig.agent_to && h.t0 > 0 && t.is(h.t0 - 1, class::PASSIVE_AUX)
            {
                let post = (h.t0.saturating_sub(16)..h.t0)
                    .find(|&k| k > 0 && t.word(k) == "in" && t.is(k - 1, class::TITLE))
                    .and_then(|k| maps.starts_at(k + 1).first().copied())
                    .filter(|&i| doc.kind(s.ms[i].ent) == Some(EntityKind::Gpe));
                agents.extend(post);
            }
            // `the question of territory, to be negotiated later`: a passive meeting verb
            // without agents names no one who met.
            let agentless_passive = agents.is_empty()
                && !trig.noun
                && trig.relation == RelationKind::MetWith
                && h.t0 > 0
                && matches!(t.word(h.t0 - 1), "be" | "been" | "being")
                && t.word(h.t0).ends_with("ed");
            // `the lake, which Tanzanians call Lake Nyasa`: naming, not a call.
            let naming = trig.phone
                && !trig.noun
                && (h.t0.saturating_sub(5)..h.t0).any(|k| matches!(t.word(k), "which" | "what"));
            if agentless_passive || naming {
                outcomes.push(Outcome::default());
                continue;
            }
            let mut h = *h;
            if !agents.is_empty() {
                h.passive = true;
                if trig.relation == RelationKind::MetWith {
                    objects = agents;
                } else {
                    subjects = agents;
                    objects.clear();
                }
            }
            let h = &h;
            if objects.is_empty() && !subjects.is_empty() {
                objects = addressed;
            }
            lower = scan_end.max(h.t1);
            // `said families wanted the government to pay`, `said the local Bulgarian
            // community wanted guarantees`, `said the government had asked Beijing to act`: the
            // reporter speaks for the group or government whose demand is reported.
            let group_reporter = (trig.relation == RelationKind::Demanded)
                .then(|| reported_group(t, s.ms, h.t0))
                .flatten()
                .filter(|&r| t.is(r, class::REPORTING));
            // (Any wish of a group counts when its reporter is named right before:
            // `fishermen's leader X said boat owners wanted patrols`; after `and said`, only
            // one that asks for something done or conceded.)
            let named_reporter = group_reporter.is_some_and(|r| r > 0 && t.word(r - 1) != "and");
            let group_wish = group_reporter.is_some()
                && (kinds::to_clause_follows(t, h)
                    || (trig.want
                        && (named_reporter
                            || self.concession_follows(t, h)
                            || self.done_follows(t, h))));
            // (`pensioner X said older Serbs wanted to be paid`: the people a demonym names
            // want it; the reporter speaks for them.)
            if group_wish
                && !subjects.is_empty()
                && subjects
                    .iter()
                    .all(|&i| s.ms[i].form == MForm::Demonym && s.ms[i].t1 == h.t0)
            {
                subjects.clear();
            }
            if subjects.is_empty() {
                // (`said families who fled the village wanted`: the reporter before the
                // group's relative clause.)
                if let Some(r) = reporting
                    .filter(|_| trig.relation == RelationKind::MetWith || group_wish)
                    .or(group_reporter.filter(|_| group_wish))
                {
                    subjects = self.reporting_subject(s, maps, r);
                }
            }
            // `told his counterpart that the Turkish Cypriots wanted political equality`: so
            // does a leader for the people named by a plural demonym.
            let q = t.back_over(h.t0, 0, &["had", "has", "have", "also"]);
            let people = trig.relation == RelationKind::Demanded
                && !subjects.is_empty()
                && subjects.iter().all(|&i| {
                    let m = &s.ms[i];
                    m.form == MForm::Demonym && m.t1 == q && t.word(m.t0.wrapping_sub(1)) == "the"
                });
            let that = subjects
                .first()
                .map(|&i| s.ms[i].t0.saturating_sub(2))
                .filter(|&k| people && k > 0 && t.word(k) == "that");
            let told = that.and_then(|k| {
                (k.saturating_sub(8)..k)
                    .rev()
                    .find(|&r| t.is(r, class::REPORTING) && !t.cap(r))
            });
            if let Some(r) = told {
                let reporter = self.reporting_subject(s, maps, r);
                if !reporter.is_empty() {
                    subjects = reporter;
                }
            }
            // `Kallas, whose office has urged Tbilisi to drop the law`: whoever the office
            // speaks for.
            if let Some(a) = (!trig.noun)
                .then(|| whose_antecedent(s, maps, h.t0))
                .flatten()
            {
                subjects = vec![a];
            }
            if !trig.noun
                && subjects
                    .iter()
                    .all(|&i| s.ms[i].object_pronoun || s.ms[i].form == MForm::Pronoun)
            {
                // `… with Jaishankar, who told him that … and pressed Beijing to pull back`:
                // the verb of a relative clause has its antecedent as subject.
                if let Some(a) = relative_antecedent(s, h.t0) {
                    subjects = vec![a];
                }
            }
            if subjects.is_empty() && t.toks().get(h.t0).is_some_and(|x| x.quoted) {
                // `"We put forward a plan," Yusuf told reporters`: the speaker acts.
                subjects = self.quote_speaker(s, maps, h.t1);
            }
            // `demanded on Tuesday that Croatia abandon the plan, at talks with his
            // counterpart in Zagreb`: talks set off by a comma after a verb are where that
            // verb's subjects acted, whoever the clause between names.
            if let Some((_, acted)) = last_acted.as_ref().filter(|(end, _)| {
                trig.noun
                    && trig.relation == RelationKind::MetWith
                    && set_off_occasion(t, h.t0)
                    // (Not past a reporter of its own: `…, Mickoski told Kos during talks`.)
                    && !(*end..h.t0).any(|k| t.is(k, class::REPORTING))
            }) {
                subjects = acted.clone();
            }
            if subjects.is_empty() && trig.noun && occasion(t, h.t0) {
                // `Pakistan and Afghanistan agreed to a ceasefire after talks in Doha`, `he
                // would suspend the campaign after a conversation with Carney`: a meeting
                // named as the occasion of what the clause's subjects did was theirs.
                subjects = opening_subjects(s);
                // `A and his Djiboutian counterpart, B, signed a memorandum after talks`: the
                // subjects of the verb the occasion belongs to.
                if subjects.is_empty() {
                    if let Some(verb) = occasion_verb(t, maps, h.t0) {
                        let as_verb = Trigger {
                            noun: false,
                            ..trig.clone()
                        };
                        subjects = self.left_scan(s, maps, &as_verb, verb, floor).0;
                    }
                }
                if subjects.is_empty() {
                    subjects.extend(clause_subject(s, self.lex, h.t0));
                }
            }
            // `wrote to Modi on Sunday urging him to secure …`: a participle's subject is
            // its clause's (after an earlier trigger, that one's subjects, below).
            if subjects.is_empty()
                && prev_subjects.is_empty()
                && !trig.noun
                && trig.relation != RelationKind::MetWith
                && t.word(h.t0).ends_with("ing")
            {
                subjects.extend(clause_subject(s, self.lex, h.t0));
            }
            if subjects.is_empty() {
                // `offered to host the next talks`: a bare noun after an earlier verb names
                // no meeting among that verb's subjects; nor does a clause of its own.
                let own_clause = hi > 0 && (hits[hi - 1].t1..h.t0).any(|k| t.word(k) == ";");
                // (A verb after it still shares the earlier subjects: `spoke with Sidhu by
                // video call and invited him`.)
                let bare_noun =
                    trig.noun && objects.is_empty() && trig.relation == RelationKind::MetWith;
                if own_clause {
                    prev_subjects.clear();
                }
                // (Nor is an earlier subject the patient of a passive: `at a session hosted
                // by the OSCE`.)
                if !bare_noun && !h.passive {
                    subjects = prev_subjects.clone();
                }
            }
            // `Kagame denies deploying soldiers in Congo but says …`: a verb coordinated
            // after one that is no trigger has that verb's subject.
            if subjects.is_empty()
                && !trig.noun
                && h.t0 > 1
                && matches!(t.word(h.t0 - 1), "and" | "but")
            {
                subjects.extend(clause_subject(s, self.lex, h.t0 - 1));
            }
            // `Trump announced the plan while meeting Netanyahu`, `Castro backed down after
            // speaking with Rubio`: an adverbial participle shares the sentence's subject.
            // The trigger may itself open with the conjunction (`left Moscow without
            // meeting Putin`).
            let adverbial = |k: usize| {
                matches!(
                    t.word(k),
                    "while" | "after" | "before" | "when" | "since" | "without"
                )
            };
            // (`without having spoken to Fils-Aimé`: so may a perfect participle.)
            let adverbial_at = if adverbial(h.t0) {
                Some(h.t0)
            } else if h.t0 > 0 && t.word(h.t0).ends_with("ing") && adverbial(h.t0 - 1) {
                Some(h.t0 - 1)
            } else if h.t0 > 1 && t.word(h.t0 - 1) == "having" && adverbial(h.t0 - 2) {
                Some(h.t0 - 2)
            } else {
                None
            };
            let adverbial_participle = !trig.noun && adverbial_at.is_some();
            if adverbial_participle {
                subjects.clear();
            }
            // `Trump, who sat down with Lee on Wednesday after meeting Takaichi`: after a
            // verb of the same clause, that verb's subject.
            let at = adverbial_at.unwrap_or(h.t0.saturating_sub(1));
            if adverbial_participle
                && matches!(t.word(at), "after" | "before" | "while" | "when")
                && hi > 0
                && outcomes.last().is_some_and(|o| !o.pairs.is_empty())
                && !(hits[hi - 1].t1..h.t0).any(|k| matches!(t.word(k), "," | ";" | "and"))
            {
                subjects = prev_subjects.clone();
            }
            if subjects.is_empty() && adverbial_participle {
                let body = after_dateline(s);
                subjects.extend(
                    s.ms.iter()
                        .enumerate()
                        .take_while(|(_, m)| m.t1 <= h.t0)
                        .find(|(_, m)| m.party() && !m.possessive && m.t0 >= body)
                        .map(|(i, _)| i),
                );
            }
            // `Kobakhidze said, insisting that Brussels stop …`: a participle after a reporting
            // verb has the reporter as its subject.
            if subjects.is_empty()
                && !trig.noun
                && h.t0 > 1
                && t.word(h.t0).ends_with("ing")
                && t.word(h.t0 - 1) == ","
                && t.is(h.t0 - 2, class::REPORTING)
            {
                subjects = self.reporting_subject(s, maps, h.t0 - 2);
            }
            // `to meet Fidan at a meeting Stoltenberg has convened`, `received them at the
            // Elysée, in a meeting the FLNKS boycotted`: a party and a verb right after the
            // noun say who else convened, or stayed away from, the meeting.
            let named_at = h.t1 + usize::from(t.word(h.t1) == "the");
            let bare_noun_after = trig.noun && hi > 0 && objects.is_empty();
            let convener = maps
                .starts_at(named_at)
                .iter()
                .copied()
                .filter(|&i| bare_noun_after && s.ms[i].party() && s.ms[i].form == MForm::Name)
                .find_map(|i| {
                    let k = s.ms[i].t1;
                    let k = if matches!(t.word(k), "has" | "had") {
                        k + 1
                    } else {
                        k
                    };
                    let away = t.is(k, class::NEGATION) && t.past_form(k);
                    (t.id_in(k, &self.lex.chair_verbs) || away).then_some((i, away))
                });
            let set_off = h.t0 > 2
                && t.word(h.t0 - 2) == "in"
                && t.word(h.t0 - 3) == ","
                && t.is(h.t0 - 1, class::DEFINITE | class::INDEFINITE);
            // `agreed to meet him at the BRICS summit`: the venue of the meeting just named.
            let venue = bare_noun_after
                && ((h.t0.saturating_sub(4)..h.t0).any(|k| matches!(t.word(k), "at" | "during"))
                    || (set_off && convener.is_some()))
                && outcomes.last().is_some_and(|o| !o.pairs.is_empty())
                && hits[..hi]
                    .last()
                    .and_then(|p| self.lex.triggers.get(p.trig))
                    .is_some_and(|x| x.relation == RelationKind::MetWith);
            if venue {
                let who =
                    convener.and_then(|(i, away)| Some((self.party_ent(s, doc, i, &[])?, away)));
                let oc = match (who, outcomes.last()) {
                    (Some((c, away)), Some(prev)) => Outcome {
                        // (One who stayed away did not meet the guests, only their host.)
                        pairs: kinds::parties_of(&prev.pairs)
                            .into_iter()
                            .filter(|&x| x != c)
                            .filter(|&x| !away || prev.pairs.iter().any(|p| p.0 == x))
                            .map(|x| (c, Some(x)))
                            .collect(),
                        status: if away {
                            Some(Status::Negated)
                        } else {
                            prev.status
                        },
                        mode: prev.mode,
                        conf: 0.7,
                        // (When and where the meeting was.)
                        joined_here: true,
                        ..Outcome::default()
                    },
                    _ => Outcome::default(),
                };
                outcomes.push(oc);
                continue;
            }
            // `demanded that the EU open talks with Moscow`: a meeting asked for, not held.
            // A proposed meeting with named guests stands (offered to host talks between …),
            // and so does one told in the past (`urged restraint when he met Abiy`).
            let finite_past = t.past_form(h.t0);
            // (`made the request in talks with Khamphanh`: the talks it was made in; not
            // `urged Kyiv to engage in talks`.)
            // (`made the demand in a phone call with`: past a determiner.)
            let det = usize::from(t.is(h.t0.wrapping_sub(1), class::DEFINITE | class::INDEFINITE));
            let made_in = t.word(h.t0.wrapping_sub(1 + det)) == "in"
                && !matches!(
                    t.word(h.t0.wrapping_sub(2 + det)),
                    "engage" | "engaging" | "participate" | "part" | "interest" | "interested"
                );
            let embedded = trig.relation == RelationKind::MetWith
                && !made_in
                && !(h.t0.saturating_sub(3)..h.t0).any(|k| {
                    matches!(t.word(k), "during" | "at" | "after" | "before" | "since")
                        || (finite_past && matches!(t.word(k), "when" | "as" | "while"))
                })
                && hits[..hi].iter().rev().any(|p| {
                    self.lex.triggers.get(p.trig).is_some_and(|x| {
                        !x.noun
                            && !x.want
                            && (x.relation == RelationKind::Demanded
                                || (x.relation == RelationKind::Proposed && objects.is_empty()))
                    }) && h.t0 <= p.t1 + 12
                        && !(p.t1..h.t0).any(|k| {
                            matches!(t.word(k), "," | ";" | ":")
                                || t.is(k, class::REPORTING)
                                // `offered to host a ceremony and that the two leaders could
                                // meet`: a clause of its own.
                                || (t.word(k) == "that" && matches!(t.word(k - 1), "and" | "but"))
                        })
                });
            // `accession negotiations with Ukraine`, `membership talks`: a process of joining
            // a bloc, no meeting.
            let accession = trig.noun
                && trig.relation == RelationKind::MetWith
                && matches!(t.word(h.t0.wrapping_sub(1)), "accession" | "membership");
            if embedded || accession {
                outcomes.push(Outcome::default());
                continue;
            }
            // `Joining the meeting are A, B and C`: those named after the verb joined it.
            if trig.noun
                && trig.relation == RelationKind::MetWith
                && subjects.is_empty()
                && objects.is_empty()
                && matches!(t.word(h.t1), "are" | "were" | "was" | "is")
                && self.joined(s, h.t0)
            {
                let listed = Trigger {
                    direct: true,
                    noun: false,
                    ..trig.clone()
                };
                objects = self.right_scan(s, maps, &listed, h.t1 + 1, upper, &dates).0;
            }
            let mut oc = match trig.relation {
                // `called on the prime minister at his office`, `called on the minister on
                // Tuesday to discuss the cargo`: a visit, not a demand.
                _ if trig.or_visit
                    && (!kinds::to_clause_follows(t, h) || self.purpose_follows(t, h)) =>
                {
                    let visit = Trigger {
                        relation: RelationKind::MetWith,
                        direct: true,
                        in_person: true,
                        person_or_org: true,
                        to_clause: false,
                        or_visit: false,
                        ..trig.clone()
                    };
                    let mut oc =
                        self.met_with(s, doc, &visit, h, &subjects, &objects, false, prev_pair);
                    oc.kind = Some(RelationKind::MetWith);
                    oc
                }
                // `Witkoff and Kushner met the crown prince`: co-subjects of a verb whose
                // object no name resolved met that object, not each other.
                RelationKind::MetWith
                    if trig.direct
                        && !trig.noun
                        && objects.is_empty()
                        && subjects.len() >= 2
                        && t.is(h.t1, class::DEFINITE | class::INDEFINITE)
                        && !dates.iter().any(|d| d.t0 == h.t1)
                        && !time_phrase(t, h.t1) =>
                {
                    Outcome::default()
                }
                RelationKind::MetWith => {
                    self.met_with(s, doc, trig, h, &subjects, &objects, between, prev_pair)
                }
                _ => self.demand_or_proposal(s, doc, trig, h, &subjects, &objects),
            };
            // `talks with Ignatiev at a session hosted by the OSCE`: whoever hosted the
            // meeting just told of met its parties.
            // (`talks in the Brazilian capital hosted by Vieira`: past where they were held.)
            if oc.pairs.is_empty() && h.passive && trig.guests && subjects.is_empty() {
                let meeting_before = (h.t0.saturating_sub(8)..h.t0)
                    .rev()
                    .take_while(|&k| t.is_word(k) || t.word(k) == "'s")
                    .any(|k| {
                        trigger_match(t, self.lex, k)
                            .and_then(|(p, _)| self.lex.triggers.get(p))
                            .is_some_and(|x| x.noun && x.relation == RelationKind::MetWith)
                    });
                let prev = outcomes
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(_, o)| !o.pairs.is_empty())
                    .filter(|&(j, o)| {
                        meeting_before
                            && o.kind.unwrap_or(RelationKind::MetWith) == RelationKind::MetWith
                            && !(hits[j].t1..h.t0).any(|k| matches!(t.word(k), ";" | ":"))
                    })
                    .map(|(_, o)| o);
                if let Some(prev) = prev {
                    let parties = kinds::parties_of(&prev.pairs);
                    for &mi in &objects {
                        if let Some(host) = self.party_ent(s, doc, mi, &parties) {
                            oc.pairs.extend(parties.iter().map(|&p| (host, Some(p))));
                        }
                    }
                    oc.status = prev.status;
                    // (When and where it was held.)
                    oc.joined_here = true;
                }
            }
            // `hosted Samoa's leader for talks`: a country standing for its office holder,
            // unnamed here, whom the article may name elsewhere.
            // (`Iraq's prime minister pressed Turkey`: whoever demands or proposes, too.)
            if !oc.pairs.is_empty() {
                let met = oc.kind.unwrap_or(trig.relation) == RelationKind::MetWith;
                let acting = if met { &objects[..] } else { &[] };
                for &mi in subjects.iter().chain(acting) {
                    if let Some((c, office)) = self.stand_in(s, doc, mi) {
                        doc.stand_ins.push((s.bytes.0, c, office));
                    }
                }
            }
            // `Traoré and his Nigerien counterpart, Sangaré, also took part.`: those who
            // joined met the parties of the meeting told last.
            if trig.joins && oc.status.is_none_or(|x| x == Status::Occurred) {
                // (`A hosted B, with C also taking part`: this sentence's meeting first.)
                let here = outcomes.iter().zip(hits).rev().find(|(o, x)| {
                    let kind = o
                        .kind
                        .or_else(|| self.lex.triggers.get(x.trig).map(|y| y.relation));
                    kind == Some(RelationKind::MetWith)
                        && !o.pairs.is_empty()
                        && o.status.is_none_or(|x| x == Status::Occurred)
                });
                self.join_last_meeting(s, doc, &subjects, out, here.map(|(o, _)| o), &mut oc);
            }
            // `he and Xi are expected to hold their first talks since meeting in Kazan`: a
            // meeting before or after this sentence's, named by a participle without an
            // object, was between the same pair.
            // So was `their talks` after such a word (`has not met Fidan since their talks in
            // Ankara`).
            let participle = !trig.noun
                && t.word(h.t1 - 1).ends_with("ing")
                && (h.t0..h.t1)
                    .chain(h.t0.checked_sub(1))
                    .any(|k| matches!(t.word(k), "since" | "after" | "before"));
            if oc.pairs.is_empty()
                && objects.is_empty()
                && trig.relation == RelationKind::MetWith
                && (participle || (trig.noun && their_event(t, h.t0).is_some()))
            {
                if let Some((a, b, true)) = prev_pair {
                    oc.pairs.push((a, Some(b)));
                    oc.status = Some(Status::Occurred);
                    // (Another meeting than the one just told, not a reference back to it.)
                    oc.anaphor = false;
                }
            }
            // `… spoke by phone. A meeting between them is under discussion`: the pair of
            // the meeting just reported.
            if between && oc.pairs.is_empty() && trig.relation == RelationKind::MetWith {
                let them = (h.t1..(h.t1 + 3).min(n))
                    .any(|k| t.word(k) == "between" && t.word(k + 1) == "them");
                if let Some((a, b)) = them.then(|| self.last_pair(s, out)).flatten() {
                    oc.pairs.push((a, Some(b)));
                }
            }
            let noun_meeting = trig.noun && trig.relation == RelationKind::MetWith;
            if noun_meeting && oc.pairs.is_empty() {
                // (`The talks … were co-chaired by A and B`: talks referred back to too.)
                self.co_chairs(s, doc, maps, trig, h, &mut oc);
                if oc.pairs.is_empty() {
                    self.at_which(s, doc, h, &mut oc);
                }
            } else if noun_meeting && !oc.anaphor {
                self.mediators(s, doc, maps, h, &objects, upper, &mut oc);
            }
            // (A plan or a demand named as a noun that stated nothing leaves the subjects of
            // the verbs coordinated around it: `presented Rubio with an Egyptian plan, and
            // called for`; a meeting's noun keeps its chair: `chaired the meeting, which`.)
            let idle_noun =
                trig.noun && oc.pairs.is_empty() && trig.relation != RelationKind::MetWith;
            if !subjects.is_empty() && !idle_noun {
                prev_subjects = subjects.clone();
                // (A trigger in a `that` clause after it tells what was asked for, not who
                // acted: `demanded that Croatia drop the plan`.)
                let from = last_acted.as_ref().map_or(0, |(end, _)| *end);
                if !oc.pairs.is_empty() || !(from..h.t0).any(|k| t.word(k) == "that") {
                    last_acted = Some((h.t1, subjects.clone()));
                }
            }
            let met = oc.kind.unwrap_or(trig.relation) == RelationKind::MetWith
                && oc.status != Some(Status::Negated);
            if let Some(&(a, Some(b))) = oc.pairs.first().filter(|_| met) {
                let person = |e: usize| doc.kind(e) == Some(EntityKind::Person);
                if person(a) && person(b) {
                    doc.note_met(a, b);
                }
            }
            if met {
                let side = |doc: &DocState, e: usize| {
                    matches!(doc.kind(e), Some(EntityKind::Gpe | EntityKind::Org))
                };
                for &(a, b) in &oc.pairs {
                    if let Some(b) = b.filter(|&b| side(doc, a) && side(doc, b)) {
                        doc.note_sides_met(a, b);
                    }
                }
            }
            if let Some(&(a, Some(b))) = oc.pairs.first() {
                prev_pair = Some((
                    a,
                    b,
                    oc.kind.unwrap_or(trig.relation) == RelationKind::MetWith,
                ));
            }
            if debug_enabled() {
                eprintln!(
                    "hit {:?} {:?} subj={:?} obj={:?} between={between} -> {:?}",
                    t.word(h.t0),
                    trig.relation,
                    subjects,
                    objects,
                    oc.pairs
                );
            }
            outcomes.push(oc);
        }
        self.note_unnamed_event(s, hits, &outcomes, &dates, doc);
        let frame = opening_frame(t, s.ms);
        // Dates and places: each productive trigger owns the text up to the next one; the
        // first also owns what precedes it.
        let productive: Vec<usize> = (0..hits.len())
            .filter(|&i| !outcomes[i].pairs.is_empty() || outcomes[i].anaphor)
            .collect();
        for (pi, &i) in productive.iter().enumerate() {
            let h = hits[i];
            // `spoke on the sidelines of the summit in Tirana`: a meeting referred to as the
            // occasion of this one does not end its clause.
            let occasion = |j: usize| {
                outcomes[j].anaphor
                    && (hits[j].t0.saturating_sub(8)..hits[j].t0)
                        .any(|k| matches!(t.word(k), "sidelines" | "during" | "at"))
            };
            let next_hit = productive[pi + 1..]
                .iter()
                .find(|&&j| !occasion(j))
                .map_or(n, |&j| hits[j].t0);
            // `… first talks since meeting in Kazan in October`: an earlier or later meeting
            // than this one, even one that names no parties, owns what follows it.
            let other_event = hits[i + 1..]
                .iter()
                .map(|x| x.t0)
                .take_while(|&k| k < next_hit)
                .find_map(|k| {
                    if matches!(t.word(k), "since" | "after" | "before") {
                        Some(k)
                    } else {
                        their_event(t, k)
                    }
                });
            let next_hit = other_event.unwrap_or(next_hit);
            // `Rubio, who met Mulino on Sunday, flew on to San Salvador`: a relative clause the
            // trigger opens ends at the comma before the main clause's verb.
            let who = t.back_over(h.t0, 0, AUXILIARIES);
            let opens_relative = who > 1 && t.word(who - 1) == "who" && t.word(who - 2) == ",";
            let main_verb = |k: usize| t.verb_at(k, class::REPORTING | class::TRAVEL);
            let clause_close = opens_relative
                .then(|| (h.t1..next_hit).find(|&k| t.word(k) == "," && main_verb(k + 1)))
                .flatten()
                .unwrap_or(next_hit);
            let seg_end = self
                .purpose_clause(s, h.t1, clause_close)
                .unwrap_or(clause_close);
            let oc = &outcomes[i];
            let Some(trig) = self.lex.triggers.get(h.trig) else {
                continue;
            };
            let mut status = oc.status.unwrap_or(Status::Occurred);
            // What precedes the trigger is its own when it opens the sentence or follows the
            // previous relation's clause (`…, and on Thursday he flew to Ankara, where…`).
            let back_from = match pi.checked_sub(1).and_then(|p| productive.get(p)) {
                None => Some(0),
                Some(&p) => {
                    let pe = hits[p].t1;
                    // (`offered to mediate and is due in Skopje in May for talks`: a clause of
                    // its own after `and`.)
                    let clause = (pe..h.t0).find(|&k| and_clause(t, k));
                    // (`The talks come a week after Macron held a call`: so is one after a
                    // subordinating `after` or `before`.)
                    let opens = |k: usize| matches!(t.word(k), "," | "after" | "before");
                    clause.or((pe..h.t0).any(opens).then_some(pe))
                }
            };
            // `met Kiir in Juba on Wednesday and urged him …`: a verb coordinated after
            // another shares its time and place, as the previous one's clause says them.
            // So does a wish reported by a verb coordinated so (`received Sun on Thursday and
            // told him that Bhutan wanted …`).
            let reported_after_and = |pe: usize| {
                (pe..h.t0).any(|k| {
                    t.word(k) == "and"
                        && t.is(k + 1, class::REPORTING)
                        && !(k..h.t0).any(|q| t.word(q) == ",")
                })
            };
            // (`received X on Tuesday and later spoke with Y`: past an adverb of sequence.)
            let and_before = |k: usize| {
                t.word(k.wrapping_sub(1)) == "and"
                    || (matches!(t.word(k.wrapping_sub(1)), "later" | "then" | "also")
                        && t.word(k.wrapping_sub(2)) == "and")
            };
            let shared_from = match pi.checked_sub(1).and_then(|p| productive.get(p)) {
                Some(&p)
                    if !trig.noun
                        && ((back_from.is_none() && and_before(h.t0))
                            || reported_after_and(hits[p].t1)) =>
                {
                    Some(hits[p].t0)
                }
                _ => None,
            };
            // `since the spring of 2022` dates something else.
            let anchor = |d: &&DateExpr| {
                let b = t.back_over(d.t0, 0, PARTS_OF_A_PERIOD);
                // `has refused to meet them since it seized power in 2021`: a clause that
                // opens with `since` dates its own event.
                let since_clause = (d.t0.saturating_sub(6).max(h.t1)..d.t0).any(|k| {
                    matches!(t.word(k), "since" | "until") && !(k..d.t0).any(|q| t.word(q) == ",")
                });
                (b == 0 || !matches!(t.word(b - 1), "since" | "until" | "till")) && !since_clause
            };
            // (Not a meeting planned: `Speaking on Monday, she proposed that X meet Y`.)
            let occurred = status == Status::Occurred;
            let framed_date = |d: &&DateExpr| {
                occurred && frame.is_some_and(|(a, f)| d.t0 >= a && d.t1 <= f && f < h.t0)
            };
            // `said on Monday`, `said in Nuuk on Wednesday`, `told reporters in Geneva on
            // Friday`, `said after talks in Ankara on Wednesday`: the date of a report.
            let said_at = |k: usize| {
                let mut q = k;
                for _ in 0..8 {
                    if t.is(q, class::REPORTING) {
                        return true;
                    }
                    let named = maps.ends_at(q).iter().map(|&i| s.ms[i].t0).min();
                    match named {
                        Some(start) if start > 0 => q = start - 1,
                        _ if q > 0 && t.id_in(q, &self.lex.audience_words) => q -= 1,
                        _ => return false,
                    }
                }
                false
            };
            let report_date = |d: &DateExpr| {
                said_at(d.t0.wrapping_sub(1))
                    || (t.word(d.t0.wrapping_sub(1)) == "on" && said_at(d.t0.wrapping_sub(2)))
            };
            // `since November 2023, when he held talks with Biden`: the time a `when` clause
            // describes.
            let when_of = (h.t0.saturating_sub(4)..h.t0)
                .find(|&k| t.word(k) == "when" && k > 0 && t.word(k - 1) == ",")
                .and_then(|k| dates.iter().find(|d| d.t1 + 1 == k));
            let date_expr = when_of.or_else(|| {
                dates
                    .iter()
                    .filter(anchor)
                    .find(|d| {
                        d.t0 >= h.t0
                        && d.t0 < seg_end
                        && (!self.in_relative(s, h.t1, d.t0) || self.meeting_clause(s, &h, d.t0))
                        // A refusal is not dated by a report after it (`has refused to
                        // meet Vučić since …, and Vučić said on Monday`).
                        && !(status == Status::Negated && d.t0 > h.t1 + 1 && report_date(d))
                    })
                    .or_else(|| {
                        // `In March, Washington proposed a truce during talks with Kyiv`: talks
                        // that were the occasion share the date of what happened during them.
                        let during = (h.t0.saturating_sub(3)..h.t0).any(|k| t.word(k) == "during");
                        let from = if during {
                            Some(0)
                        } else {
                            back_from.or(shared_from)
                        }?;
                        dates.iter().filter(anchor).rev().find(|d| {
                            d.t1 <= h.t0 && d.t0 >= from && !self.closed_relative(s, d.t0, h.t0)
                        })
                    })
                    .or_else(|| dates.iter().filter(anchor).find(framed_date))
            });
            // `a meeting in Kuala Lumpur next month`: a meeting dated ahead is planned (not
            // `talks ahead of next week's summit`, which dates another event).
            if trig.relation == RelationKind::MetWith
                && trig.noun
                && status == Status::Occurred
                && date_expr.is_some_and(|d| {
                    d.t0 >= h.t0
                        && d.kind.ahead()
                        && t.word(d.t1) != "'s"
                        && !matches!(t.word(d.t0.wrapping_sub(1)), "of" | "before" | "by")
                })
            {
                status = Status::Planned;
            }
            // `scheduled for Friday`: a date set ahead counts forward even for a meeting that
            // was then called off.
            let resolve_met = |d: &DateExpr| {
                // A plan that fell through (`had been expected in Brussels in January`) was
                // dated ahead too.
                let reach = if status == Status::Negated { 6 } else { 3 };
                let planned_at =
                    (d.t0.saturating_sub(reach)..d.t0).find(|&k| t.is(k, class::PLANNED));
                // A plan told in the past perfect that fell through (`had been due to visit
                // Dodoma in September`) may have been for a month already past: the nearest.
                // So may a plan called off (`scheduled for Monday …, was called off`, `which
                // had been due to call on X on Friday, was postponed`).
                let fell_through = status == Status::Negated
                    && (planned_at
                        .is_some_and(|k| (k.saturating_sub(3)..k).any(|q| t.word(q) == "had"))
                        || (matches!(d.kind, DateKind::Weekday(_))
                            && (h.t0.saturating_sub(3)..d.t0).any(|k| t.is(k, class::PLANNED))));
                // (`has ruled out meeting Boluarte … on August 22`: a day named for a meeting
                // that will not happen may lie either side of the article.)
                let refused_day = status == Status::Negated
                    && matches!(
                        d.kind,
                        DateKind::MonthDay(_, _, None) | DateKind::MonthOf(_, None)
                    );
                // (`has no plans to meet Xi … in November`: a plan denied lies ahead.)
                let no_plans = status == Status::Negated
                    && (h.t0.saturating_sub(4)..h.t0)
                        .any(|k| matches!(t.word(k), "plans" | "plan"))
                    && (h.t0.saturating_sub(6)..h.t0).any(|k| t.word(k) == "no");
                if no_plans {
                    return resolve(d.kind, self.article_date, true);
                }
                if fell_through || refused_day {
                    return resolve_nearest(d.kind, self.article_date);
                }
                let ahead = status == Status::Planned || planned_at.is_some();
                resolve(d.kind, self.article_date, ahead)
            };
            let date = date_expr.and_then(resolve_met);
            // `met A on Thursday and B on Friday`: each object's own date.
            let own_date = |b: usize| {
                let m = s.ms.iter().find(|m| m.ent == b && m.t0 >= h.t1)?;
                date_at(t, &dates, m.t1).and_then(resolve_met)
            };
            // A demand or a proposal is dated by when it was made: a date before the trigger
            // in its clause, or one just after it (`floated a text early on Friday`); never
            // one ahead or a deadline (`proposed talks next week`, `withdraw by Friday` date
            // what is asked for).
            let made = |d: &&DateExpr| {
                let b = t.back_over(d.t0, 0, PARTS_OF_A_PERIOD);
                anchor(d)
                    && !d.kind.ahead()
                    && !matches!(
                        t.word(b.wrapping_sub(1)),
                        "by" | "before" | "until" | "within"
                    )
            };
            // `floated a plan at a summit in Astana last month`, `proposed a truce during talks
            // with Kyiv in Jeddah`: the meeting that was the occasion of a demand or a
            // proposal tells when and where it was made.
            // So does one told in the past after `when` (`called for restraint when he met
            // Abiy in Addis Ababa on Tuesday`).
            let occasion_span = hits[i + 1..]
                .iter()
                .take_while(|x| x.t0 < h.t1 + 12)
                .find(|x| {
                    let Some(y) = self.lex.triggers.get(x.trig) else {
                        return false;
                    };
                    let before = |words: &[&str]| {
                        (x.t0.saturating_sub(4)..x.t0).any(|k| words.contains(&t.word(k)))
                    };
                    let past = t.past_form(x.t0);
                    y.relation == RelationKind::MetWith
                        && ((y.noun && before(&["at", "during", "sidelines"]))
                            || (!y.noun && past && before(&["when", "as", "while"])))
                })
                .map(|x| (x.t1, (x.t1 + 8).min(n)));
            let in_occasion = |k: usize| occasion_span.is_some_and(|(a, b)| k >= a && k < b);
            let made_on = back_from
                .or(shared_from)
                .and_then(|from| {
                    dates
                        .iter()
                        .filter(made)
                        .rev()
                        // `On Monday, X demanded`; not `X, attending talks this month,
                        // demanded`: a date in an inserted clause dates that clause.
                        .find(|d| {
                            // `said last week that …, and insisted`: the report's date; `spoke
                            // with X on Monday, and had proposed`: the date of the clause
                            // the trigger is coordinated with.
                            let reported = report_date(d);
                            let coordinated = (d.t1..h.t0).any(|k| t.word(k) == "and")
                                && (d.t1..h.t0).all(|k| {
                                    matches!(
                                        t.word(k),
                                        "," | "and" | "had" | "has" | "have" | "also"
                                    )
                                });
                            // `held talks in Termez on Wednesday, pressing Kabul to …`.
                            let participle = (d.t1..h.t0).all(|k| t.word(k) == ",")
                                && t.word(h.t0).ends_with("ing");
                            d.t1 <= h.t0
                                && d.t0 >= from
                                && (d.t0 <= from + 1
                                    || reported
                                    || coordinated
                                    || participle
                                    || !(d.t1..h.t0).any(|k| t.word(k) == ","))
                        })
                })
                .or_else(|| {
                    dates.iter().filter(made).find(|d| {
                        d.t0 >= h.t1
                            // (`The talks between China and ASEAN were due to begin on
                            // Thursday`: a meeting noun's predicate reaches further.)
                            && (d.t0 < seg_end.min(h.t1 + 7)
                                || (trig.noun
                                    && d.t0 < seg_end.min(h.t1 + 12)
                                    && !(h.t1..d.t0).any(|k| matches!(t.word(k), "," | ";"))))
                            && !self.in_relative(s, h.t1, d.t0)
                            && !(h.t1..d.t0).any(|k| and_clause(t, k))
                    })
                })
                .or_else(|| dates.iter().filter(made).find(framed_date))
                .or_else(|| dates.iter().filter(made).find(|d| in_occasion(d.t0)))
                // `Japan has demanded that China lift the ban, Hayashi said on Thursday`: a
                // demand voiced in a report is dated by the report after it.
                .or_else(|| {
                    dates.iter().filter(made).find(|d| {
                        d.t0 > h.t1 && report_date(d) && (h.t1..d.t0).any(|k| t.word(k) == ",")
                    })
                })
                .and_then(|d| resolve(d.kind, self.article_date, false));
            let is_place = |m: &&Mention| m.place;
            // `In Nukus, …`, `Speaking in Skopje on Wednesday, …`: where the whole sentence
            // happened.
            let framed_place = frame.filter(|&(_, f)| f < h.t0).and_then(|(a, f)| {
                s.ms.iter()
                    .filter(is_place)
                    .find(|m| m.t0 >= a && m.t1 <= f && self.located(s, m))
            });
            let occasion_place =
                s.ms.iter()
                    .filter(is_place)
                    .find(|m| in_occasion(m.t0) && self.located(s, m));
            let met = oc.kind.unwrap_or(trig.relation) == RelationKind::MetWith;
            // (`…, a Swedish official said, after the president left to fly back to
            // Washington`: a clause set off after the meeting's says where else things were.)
            let subordinate = (h.t1 + 1..seg_end).find(|&k| {
                t.word(k - 1) == ","
                    && matches!(
                        t.word(k),
                        "after" | "before" | "because" | "although" | "while"
                    )
            });
            let place_end = if met {
                subordinate.unwrap_or(seg_end)
            } else {
                n
            };
            // `flies on to El Salvador, where he is due to meet Bukele, before stops in Costa
            // Rica`: a meeting in a `where` clause took place where the clause says.
            let where_place = (h.t0.saturating_sub(8)..h.t0)
                .rev()
                .find(|&k| t.word(k) == "where")
                .filter(|&k| {
                    k > 1 && t.word(k - 1) == "," && !(k + 1..h.t0).any(|q| t.word(q) == ",")
                })
                .and_then(|k| s.ms.iter().find(|m| m.place && m.t1 == k - 1));
            // `will also travel to Buka to meet Toroama`: the journey's destination.
            // (`will travel to Washington next week to meet`: past a date.)
            let to_at = |m: &Mention| dates.iter().find(|d| d.t0 == m.t1).map_or(m.t1, |d| d.t1);
            let journey_place = s.ms.iter().filter(is_place).find(|m| {
                met && !trig.noun
                    && to_at(m) + 1 == h.t0
                    && t.word(to_at(m)) == "to"
                    && t.journey_to(t.back_over(m.t0, 0, &["the"]).wrapping_sub(1))
            });
            // `officials in Wellington said`: where the report came from.
            // (`who is due to host Sidhu in March, said in Asunción`: nor, for a meeting, where
            // someone spoke of it.)
            let report_place = |m: &Mention| {
                t.is(m.t1, class::REPORTING)
                    || (met
                        && m.t0 > 1
                        && t.word(m.t0 - 1) == "in"
                        && (t.is(m.t0 - 2, class::REPORTING) || t.word(m.t0 - 2) == "reporters"))
            };
            let place_m = where_place
                .filter(|_| met)
                .or(journey_place)
                .or_else(|| {
                    s.ms.iter().filter(is_place).find(|m| {
                        m.t0 >= h.t0
                            && m.t0 < place_end
                            && (met || self.located(s, m))
                            && !self.in_relative(s, h.t1, m.t0)
                            && !report_place(m)
                            // (`after shells fired across the Naf river`, `wounded two
                            // farmers near Teknaf`: a path or a neighbourhood, not a venue.)
                            && !matches!(
                                t.word(t.back_over(m.t0, 0, &["the"]).wrapping_sub(1)),
                                "across" | "throughout" | "into" | "near"
                            )
                            && !addressed_to(t, m)
                            // (`left the summit early to fly back to Washington`: a journey
                            // after a meeting's noun leads away from it.)
                            && !(trig.noun
                                && t.word(t.back_over(m.t0, 0, &["the"]).wrapping_sub(1)) == "to")
                    })
                })
                .or_else(|| {
                    let from = back_from.or(shared_from)?;
                    // A meeting that did not happen has no place of its own before it, unless
                    // the place was planned (`had been expected in Brussels … for talks`).
                    // (`A planned visit by Youssouf to Asmara for talks`.)
                    let planned_at = |m: &Mention| {
                        (m.t0.saturating_sub(6)..m.t0).any(|k| t.is(k, class::PLANNED))
                    };
                    // After another relation's trigger, its clause's place is shared (`held
                    // talks … in the border city of Termez, pressing`); a visit's destination
                    // places a meeting (`due to visit Kuala Lumpur in May for talks`).
                    // (`a visit by Youssouf to Asmara for talks`.)
                    let visit_to = |m: &Mention| {
                        t.word(m.t0.wrapping_sub(1)) == "to"
                            && (m.t0.saturating_sub(5)..m.t0)
                                .any(|k| matches!(t.word(k), "visit" | "visits" | "trip"))
                    };
                    let placed = |m: &Mention| {
                        from > 0
                            || self.located(s, m)
                            || (met
                                && (matches!(t.word(m.t0.wrapping_sub(1)), "visit" | "visits")
                                    || visit_to(m)))
                    };
                    // A visit told in a relative clause may place a meeting (`X, who made a
                    // visit to New Delhi, met Y`), not a demand.
                    let own_clause = |m: &Mention| met || !self.closed_relative(s, m.t0, h.t0);
                    // (`spent two days in Asmara but was not received by Isaias`: where the
                    // visitor was, in a verb phrase coordinated by `but`.)
                    let visited_but = |m: &Mention| {
                        (m.t1..h.t0)
                            .any(|k| t.word(k) == "but" && parties::but_predicate(s, maps, k, h.t0))
                    };
                    s.ms.iter().filter(is_place).rev().find(|m| {
                        m.t1 <= h.t0
                            && m.t0 >= from
                            && (status != Status::Negated || planned_at(m) || visited_but(m))
                            && placed(m)
                            && own_clause(m)
                    })
                })
                .or_else(|| framed_place.filter(|_| status != Status::Negated))
                // `BRUSSELS — The EU envoy hosted …`: the lead's meeting took place where
                // the story was filed.
                .or_else(|| {
                    s.ms.first().filter(|m| {
                        met && status != Status::Negated
                            && oc.mode != Some(Mode::Phone)
                            && matches!(doc.kind(m.ent), Some(EntityKind::Gpe | EntityKind::Loc))
                            && dateline(s.t, m)
                    })
                });
            // `to Lancaster House in London`: the venue, not the city it is in.
            let place_m = place_m.map(|m| {
                s.ms.iter()
                    .rev()
                    .find(|v| {
                        v.place
                            && v.t1 + 1 == m.t0
                            && t.word(v.t1) == "in"
                            && (doc.kind(v.ent) == Some(EntityKind::Loc)
                                || doc.ents.get(v.ent).is_some_and(|e| e.building))
                    })
                    .unwrap_or(m)
            });
            let place = place_m.map(|m| m.ent);
            // A demand made in a meeting's clause is placed there, not by a place its
            // content names (`spoke with Grandi and called on donors to fund the camps in
            // Cox's Bazar`).
            let shared_place = shared_from.and_then(|from| {
                s.ms.iter()
                    .filter(is_place)
                    .rev()
                    .find(|m| m.t0 >= from && m.t1 <= h.t0 && self.located(s, m))
                    .map(|m| m.ent)
            });
            if oc.anaphor {
                // `Yemen's government was not represented at the talks`: another party's
                // absence does not undo the meeting.
                // (`Sunday's meeting`: the day it names.)
                let day = dates
                    .iter()
                    .find(|d| d.t1 + 1 == h.t0 && t.word(d.t1) == "'s")
                    .and_then(|d| resolve(d.kind, self.article_date, false));
                let named_day = day.as_deref().or(date.as_deref());
                let target = anaphor_target(out, status, oc.mode, named_day).filter(|r| {
                    status != Status::Negated
                        || !s.ms.iter().any(|m| {
                            m.t1 <= h.t0 && m.party() && m.ent != r.a && Some(m.ent) != r.b
                        })
                });
                if let Some(prev) = target {
                    let mut r = prev.clone();
                    // `… but the meeting would not go ahead`: the meeting referred to did not
                    // take place; the date in this sentence is when that was said.
                    if status == Status::Negated {
                        r.status = Status::Negated;
                    } else {
                        r.date = date.or(r.date);
                    }
                    r.place = place.or(r.place);
                    r.mode = oc.mode.or(r.mode);
                    r.conf = 0.5;
                    r.start = s.chars.0;
                    r.end = s.chars.1;
                    r.bstart = s.bytes.0;
                    r.bend = s.bytes.1;
                    // `The meeting, chaired by the OSCE envoy, …`: whoever chaired, hosted or
                    // convened the meeting met its parties.
                    let mut hosts: Vec<usize> = self
                        .event_agents(s, maps, &h, next_hit)
                        .into_iter()
                        .filter_map(|mi| self.party_ent(s, doc, mi, &[]))
                        .collect();
                    // `Iran's envoy joined the talks`: those who join meet its parties, and
                    // one another.
                    for &j in &oc.joiners {
                        if !hosts.contains(&j) {
                            hosts.push(j);
                        }
                    }
                    let mut met = kinds::all_pairs(&oc.joiners);
                    let parties = [Some(r.a), r.b];
                    for &host in &hosts {
                        for p in parties.into_iter().flatten().filter(|&p| p != host) {
                            met.push((host, Some(p)));
                        }
                    }
                    // `in talks also attended by Fidan and his Syrian counterpart, Shaibani`:
                    // those who attended for different countries met each other too.
                    let attended = (h.t1..(h.t1 + 6).min(t.len()))
                        .any(|k| t.id_in(k, &self.lex.join_verbs) && t.word(k + 1) == "by");
                    if attended {
                        let apart =
                            |x: usize, y: usize| match (doc.country_of(x), doc.country_of(y)) {
                                (Some(a), Some(b)) => a != b,
                                _ => true,
                            };
                        met.extend(kinds::all_pairs(&hosts).into_iter().filter(|&(x, y)| {
                            y.is_some_and(|y| apart(x, y)) && !parties.contains(&y)
                        }));
                    }
                    // Hosting is done in person, whatever the report of the meeting said.
                    out.extend(met.into_iter().map(|(a, b)| RelMention {
                        a,
                        b,
                        mode: None,
                        ..r.clone()
                    }));
                    out.push(r);
                    continue;
                }
                // With nothing to refer back to, the co-chairs found stand on their own.
                if oc.pairs.is_empty() {
                    continue;
                }
            }
            // `Rahmon hosted Japarov for the trilateral summit`: a meeting held at an event
            // the article already dated and placed takes that date and place.
            let (date, place) = match (met && status == Status::Occurred && !oc.pairs.is_empty())
                .then(|| self.earlier_event(s, out, doc, date.is_none() || place.is_none()))
                .flatten()
            {
                Some((d, p)) => (date.or(d), place.or(p)),
                None => (date, place),
            };
            let (date, place) = match &oc.joined {
                Some((d, p)) => (date.or_else(|| d.clone()), place.or(*p)),
                None => (date, place),
            };
            // `would not meet Dar on the sidelines`, held or not: where the event was.
            let place = place.or_else(|| {
                let sidelines = (h.t1..n).any(|k| t.word(k) == "sidelines");
                doc.event_place
                    .as_ref()
                    .filter(|e| met && sidelines && s.bytes.0.saturating_sub(e.bytes.1) <= NEAR)
                    .and_then(|e| e.place)
            });
            // `sat down with Jaishankar, who told him … and pressed Beijing to …`: what a party
            // to a meeting says in a relative clause about them, they said at that meeting;
            // so too in a clause joined after it (`hosted Lula in Montevideo on Wednesday,
            // and the two leaders called on …`).
            let at_meeting = pi
                .checked_sub(1)
                .and_then(|p| productive.get(p))
                .filter(|&&p| {
                    self.in_relative(s, hits[p].t1, h.t0)
                        || (hits[p].t1..h.t0)
                            .any(|k| t.word(k) == "and" && t.word(k.wrapping_sub(1)) == ",")
                })
                .and_then(|_| {
                    out.iter()
                        .rev()
                        .take_while(|r| r.bstart == s.bytes.0)
                        .find(|r| r.kind == RelationKind::MetWith && r.status == Status::Occurred)
                })
                .map(|r| (r.a, r.b, r.date.clone(), r.place));
            for &(a, b) in &oc.pairs {
                // `met A in Benghazi last week, and B on Sunday`: a place told between the
                // trigger and an object with its own date was the earlier object's.
                let earlier_objects = |p: usize| {
                    let at = |e: usize| s.ms.iter().find(|m| m.ent == e && m.t0 >= h.t1);
                    let Some((bt, pt)) = b
                        .filter(|&b| own_date(b).is_some())
                        .and_then(|b| Some((at(b)?.t0, at(p)?.t0)))
                    else {
                        return false;
                    };
                    pt < bt
                        && oc
                            .pairs
                            .iter()
                            .filter_map(|x| x.1)
                            .any(|o| Some(o) != b && at(o).is_some_and(|m| m.t0 < pt))
                };
                // (A call is held at no venue, wherever the callers were.)
                let place = place.filter(|p| {
                    Some(*p) != b && *p != a && !earlier_objects(*p) && oc.mode != Some(Mode::Phone)
                });
                let kind = oc.kind.unwrap_or(trig.relation);
                if let Some(guest) = b.filter(|_| trig.invite && kind == RelationKind::Proposed) {
                    // The meeting lies ahead, and is where the guest is invited to
                    // (`invited Erdoğan to Damascus`).
                    let to_place = s.ms.iter().find(|m| {
                        m.t0 > h.t1
                            && m.t0 <= h.t1 + 10
                            && t.word(m.t0 - 1) == "to"
                            && matches!(doc.kind(m.ent), Some(EntityKind::Gpe | EntityKind::Loc))
                    });
                    doc.invitation = Some(Invitation {
                        host: a,
                        guest,
                        date: date_expr.and_then(|d| resolve(d.kind, self.article_date, true)),
                        place: place.or(to_place.map(|m| m.ent)),
                        sentence: doc.sentences_seen,
                    });
                }
                let (made_on, meeting_place) = match &at_meeting {
                    Some((ma, mb, d, p))
                        if kind != RelationKind::MetWith && (a == *ma || Some(a) == *mb) =>
                    {
                        (made_on.clone().or(d.clone()), *p)
                    }
                    _ => (made_on.clone(), None),
                };
                out.push(RelMention {
                    kind,
                    a,
                    b,
                    status,
                    date: if kind == RelationKind::MetWith {
                        b.and_then(own_date).or_else(|| date.clone())
                    } else {
                        made_on
                    },
                    // A demand with no one addressed is placed only by the meeting it was
                    // made at (`met Kiir in Juba and urged …`); otherwise `in` names too much
                    // else (`Russia's war in Ukraine`).
                    // (The sentence's opening adverbial first: `In Tokyo, Kihara said the
                    // government had asked Beijing to act over a post in Osaka`.)
                    place: if kind == RelationKind::MetWith {
                        place
                    } else if shared_from.is_some() {
                        shared_place.or(framed_place.or(occasion_place).map(|f| f.ent))
                    } else if let Some(f) = framed_place.or(occasion_place) {
                        Some(f.ent)
                    } else if meeting_place.is_some() {
                        meeting_place
                    } else if b.is_some() {
                        place
                    } else {
                        None
                    },
                    mode: oc.mode,
                    content: oc.content.clone(),
                    content_ents: oc.content_ents.clone(),
                    conf: oc.conf,
                    start: s.chars.0,
                    end: s.chars.1,
                    bstart: s.bytes.0,
                    bend: s.bytes.1,
                    joined: oc.joined_here,
                });
                // `declined an invitation from Isaias to visit Asmara`: Isaias proposed it. (The
                // owner said so: not `an invitation the Armenian leader turned down`.)
                let owned = |o: usize| {
                    s.ms.iter().any(|m| {
                        m.ent == o
                            && ((t.word(h.t1) == "from"
                                && m.t0 > h.t1
                                && (h.t1 + 1..m.t0).all(|q| {
                                    t.is(q, class::TITLE | class::TITLE_MOD | class::DEFINITE)
                                        || t.cap(q)
                                }))
                                || (m.possessive && m.t1 + 1 == h.t0))
                    })
                };
                let offer = b.filter(|&o| trig.offer && kind == RelationKind::MetWith && owned(o));
                if let Some(owner) = offer {
                    out.push(RelMention {
                        kind: RelationKind::Proposed,
                        a: owner,
                        b: Some(a),
                        status: Status::Occurred,
                        // (`declined Ramaphosa's invitation to a dinner on Wednesday`: the
                        // day is the dinner's.)
                        date: None,
                        place: None,
                        mode: None,
                        content: None,
                        content_ents: Vec::new(),
                        conf: oc.conf,
                        start: s.chars.0,
                        end: s.chars.1,
                        bstart: s.bytes.0,
                        bend: s.bytes.1,
                        joined: false,
                    });
                }
            }
        }
        self.as_did(s, doc, out, first_out);
        self.answered_invitation(s, doc, out);
    }

    /// `Ouattara invited Mahama to a summit in Yamoussoukro in March, and … Mahama had
    /// accepted`, `… The Turkish leader declined.`: the guest's answer, in the invitation's
    /// sentence or the next, makes the meeting planned or not to be.
    fn answered_invitation(&self, s: &Sentence, doc: &mut DocState, out: &mut Vec<RelMention>) {
        let t = s.t;
        let Some(inv) = doc.invitation.clone() else {
            return;
        };
        if doc.sentences_seen > inv.sentence + 1 {
            doc.invitation = None;
            return;
        }
        let answer = (0..t.len()).find_map(|k| {
            let status = self.answer_at(t, k)?;
            // Said alone or of the invitation, not `declined to comment`.
            let next = t.word(k + 1);
            let of_it = next == "it"
                || (matches!(next, "the" | "an" | "his" | "her" | "their")
                    && (k + 1..(k + 4).min(t.len())).any(|q| t.word(q).starts_with("invitation")));
            let alone = !t.is_word(k + 1) || matches!(next, "and" | "but");
            let subject_end = t.back_over(k, 0, AUXILIARIES);
            (of_it || alone).then_some((subject_end, status))
        });
        let Some((end, status)) = answer else {
            return;
        };
        let guest =
            s.ms.iter()
                .enumerate()
                .filter(|(_, m)| m.t1 == end && m.party() && !m.possessive)
                .find_map(|(i, _)| self.party_ent(s, doc, i, &[]))
                .filter(|&e| e == inv.guest);
        if guest.is_none() {
            return;
        }
        doc.invitation = None;
        out.push(RelMention::meeting(
            s,
            (inv.host, inv.guest),
            status,
            inv.date,
            inv.place,
        ));
    }

    /// `Pakistan's delegation was led by Defence Minister Khawaja Asif. The Afghan side was
    /// led by … Mullah Mohammad Yaqoob`: after a meeting told as held, whoever led a side of
    /// it met the people it named and the leaders of its other sides.
    fn led_side(
        &self,
        s: &Sentence,
        doc: &mut DocState,
        maps: &mut Maps,
        out: &mut Vec<RelMention>,
    ) {
        let t = s.t;
        let n = t.len();
        let Some(k) = (2..n.min(16)).find(|&k| {
            matches!(t.word(k), "led" | "headed")
                && t.word(k + 1) == "by"
                && matches!(t.word(k - 1), "was" | "were")
        }) else {
            return;
        };
        if !(0..k - 1).any(|q| t.is(q, class::DELEGATE) || matches!(t.word(q), "side" | "team")) {
            return;
        }
        let held = |r: &RelMention| r.kind == RelationKind::MetWith && r.status == Status::Occurred;
        // (The meeting told last, a paragraph or so before, other than by its sides; only
        // what is that near is looked at, so the look is bounded however long the text.)
        let near = |at: usize| s.bytes.0.saturating_sub(at) <= NEAR;
        let by_sides = |r: &RelMention| recent_led(doc, s.bytes.0).any(|l| l.1 == r.bstart);
        let Some(last) = out
            .iter()
            .rev()
            .take_while(|r| near(r.bend))
            .find(|r| held(r) && !by_sides(r))
        else {
            return;
        };
        let (meeting, date, place) = (last.bstart, last.date.clone(), last.place);
        maps.fill(s.ms, n);
        let agents: Vec<usize> = self
            .passive_agents(s, maps, k + 1, n)
            .into_iter()
            .filter_map(|i| self.party_ent(s, doc, i, &[]))
            .collect();
        let person = |e: &usize| doc.kind(*e) == Some(EntityKind::Person);
        let mut leaders: Vec<usize> = agents.into_iter().filter(person).collect();
        // (`led by the Taliban government's defence minister, Mullah Mohammad Yaqoob`: the
        // name a description of its leader leads to.)
        if leaders.is_empty() {
            let apposed = s.ms.iter().find(|m| {
                m.t0 > k + 2
                    && m.t0 < k + 16
                    && t.word(m.t0 - 1) == ","
                    && m.form == MForm::Name
                    && person(&m.ent)
            });
            leaders.extend(apposed.map(|m| m.ent));
        }
        let mut met: Vec<usize> = out
            .iter()
            .rev()
            .take_while(|r| r.bstart >= meeting)
            .filter(|r| r.bstart == meeting && held(r))
            .flat_map(|r| [Some(r.a), r.b])
            .flatten()
            .filter(person)
            .chain(
                recent_led(doc, s.bytes.0)
                    .filter(|l| l.0 == meeting)
                    .map(|l| l.2),
            )
            .collect();
        met.sort_unstable();
        met.dedup();
        // (Sides are few: a text listing hundreds gives no meeting of them all.)
        if met.len() > SIDES {
            return;
        }
        for &p in &leaders {
            for &o in met.iter().filter(|&&o| o != p) {
                let held = RelMention::meeting(s, (p, o), Status::Occurred, date.clone(), place);
                out.push(held);
            }
            doc.led.push((meeting, s.bytes.0, p));
        }
    }

    /// `Paetongtarn held talks with Min Aung Hlaing, as did India's Narendra Modi`: the
    /// party after `as did` did what the sentence's first relation tells.
    fn as_did(&self, s: &Sentence, doc: &mut DocState, out: &mut Vec<RelMention>, from: usize) {
        let t = s.t;
        let Some(first) = out.get(from).cloned() else {
            return;
        };
        for k in 1..t.len().saturating_sub(2) {
            if !(t.word(k) == "as" && matches!(t.word(k + 1), "did" | "does" | "has" | "had")) {
                continue;
            }
            let doer = (0..s.ms.len()).find(|&i| {
                let m = &s.ms[i];
                m.t0 >= k + 2 && m.t0 < k + 7 && m.party() && !m.possessive
            });
            let Some(e) = doer.and_then(|i| self.party_ent(s, doc, i, &[])) else {
                continue;
            };
            if e != first.a && Some(e) != first.b {
                out.push(RelMention {
                    a: e,
                    conf: first.conf * 0.9,
                    ..first.clone()
                });
            }
        }
    }

    /// The last meeting stated before this sentence, with a date or a place, when this
    /// sentence refers back to a meeting event (`the summit`, `the talks`, `on the
    /// sidelines`) and lacks something it could take.
    fn earlier_event(
        &self,
        s: &Sentence,
        out: &[RelMention],
        doc: &DocState,
        lacking: bool,
    ) -> Option<(Option<String>, Option<usize>)> {
        let t = s.t;
        if !lacking {
            return None;
        }
        let refers_back = (0..t.len()).any(|k| {
            matches!(t.word(k), "the" | "that" | "this")
                && (k + 1..(k + 4).min(t.len())).any(|q| {
                    t.word(q) == "sidelines"
                        || trigger_match(t, self.lex, q)
                            .and_then(|(p, _)| self.lex.triggers.get(p))
                            .is_some_and(|x| x.noun && x.relation == RelationKind::MetWith)
                })
        });
        // `A senior Japanese diplomat held talks with his Chinese counterpart in Beijing on
        // Tuesday. Kanai met Liu for about an hour`: the first meeting that names its
        // parties tells of the meeting the article opened with without naming them.
        // `on the sidelines of Monday's ceremony`: the occasion told of before.
        let occasion = || {
            doc.occasions.iter().rev().find(|(id, e)| {
                e.bytes.0 < s.bytes.0
                    && (1..t.len()).any(|k| t.ids.get(k) == Some(id) && self.occasion_at(t, k))
            })
        };
        let first_named = !out.iter().any(|r| r.kind == RelationKind::MetWith);
        if let Some(e) = doc.last_event.as_ref().filter(|_| first_named) {
            let gap = s.text.get(e.bytes.1..s.bytes.0).unwrap_or("x");
            if e.bytes.1 <= s.bytes.0 && gap.trim().is_empty() {
                // (Where it was, if it did not say, from the occasion this sentence names.)
                let place = e.place.or_else(|| occasion().and_then(|(_, o)| o.place));
                return Some((e.date.clone(), place));
            }
        }
        if let Some((_, e)) = occasion() {
            return Some((e.date.clone(), e.place));
        }
        if !refers_back {
            return None;
        }
        // (A phone call is no event that `the summit` or `the talks` refers to.)
        let stated = out.iter().rev().find(|r| {
            r.kind == RelationKind::MetWith
                && r.status == Status::Occurred
                && r.mode != Some(Mode::Phone)
                && r.bstart < s.bytes.0
                && (r.date.is_some() || r.place.is_some())
        });
        match (stated, &doc.last_event) {
            (r, Some(e)) if e.bytes.0 < s.bytes.0 && r.is_none_or(|r| r.bstart < e.bytes.0) => {
                Some((e.date.clone(), e.place))
            }
            (r, _) => r.map(|r| (r.date.clone(), r.place)),
        }
    }

    /// Notes when and where the first meeting of this sentence that names no parties took
    /// place, for [`Self::earlier_event`].
    fn note_unnamed_event(
        &self,
        s: &Sentence,
        hits: &[Hit],
        outcomes: &[Outcome],
        dates: &[DateExpr],
        doc: &mut DocState,
    ) {
        let t = s.t;
        for (i, (h, oc)) in hits.iter().zip(outcomes).enumerate() {
            // (Not `Speaking in Skopje`: a meeting held, not a word said.)
            let met =
                self.lex.triggers.get(h.trig).is_some_and(|x| {
                    x.relation == RelationKind::MetWith && (x.noun || x.in_person)
                });
            if !met
                || !oc.pairs.is_empty()
                || oc.anaphor
                || !matches!(oc.status, None | Some(Status::Occurred))
            {
                continue;
            }
            let end = hits.get(i + 1).map_or(t.len(), |x| x.t0).min(h.t1 + 12);
            let within = |k: usize| k >= h.t1 && k < end && !self.in_relative(s, h.t1, k);
            // (`BRUSSELS — The EU envoy hosted the two sides' negotiators`: where the story
            // was filed, as for a lead's meeting that names its parties.)
            let place = s
                .ms
                .iter()
                .find(|m| m.place && within(m.t0) && self.located(s, m))
                .or_else(|| {
                    s.ms.first().filter(|m| {
                        oc.mode != Some(Mode::Phone)
                            && matches!(doc.kind(m.ent), Some(EntityKind::Gpe | EntityKind::Loc))
                            && dateline(s.t, m)
                    })
                })
                .map(|m| m.ent);
            let past = |d: &&DateExpr| {
                !d.kind.ahead()
                    && !matches!(t.word(d.t0.wrapping_sub(1)), "since" | "until" | "before")
            };
            // `agreed on Thursday to … after a rare trilateral meeting`: an occasion took
            // place when its clause says.
            let date = dates
                .iter()
                .filter(past)
                .find(|d| within(d.t0))
                .or_else(|| {
                    dates.iter().filter(past).find(|d| {
                        occasion(t, h.t0) && d.t1 <= h.t0 && !self.in_relative(s, 0, d.t0)
                    })
                })
                .and_then(|d| resolve(d.kind, self.article_date, false));
            if place.is_some() || date.is_some() {
                doc.last_event = Some(EventNote {
                    bytes: s.bytes,
                    date,
                    place,
                });
            }
            break;
        }
        self.note_occasion(s, dates, doc);
    }

    /// Notes where a named event this sentence tells a party is at or goes to takes place:
    /// the place right before the event's name (`in New York for the UN General Assembly`).
    fn note_event_place(&self, s: &Sentence, doc: &mut DocState) {
        // (A body's session, too: `in New York for the UN General Assembly`.)
        let t = s.t;
        let attended =
            |m: &Mention| t.word(t.back_over(m.t0, 0, &["the"]).wrapping_sub(1)) == "for";
        let event = s.ms.iter().find(|m| match doc.kind(m.ent) {
            Some(EntityKind::Event) => true,
            Some(EntityKind::Org) => attended(m),
            _ => false,
        });
        let place = event.and_then(|ev| {
            s.ms.iter()
                .filter(|p| p.place && p.t1 <= ev.t0 && ev.t0 - p.t1 <= 6)
                .rfind(|p| self.located(s, p))
        });
        if let Some(p) = place {
            doc.event_place = Some(EventNote {
                bytes: s.bytes,
                date: None,
                place: Some(p.ent),
            });
        }
    }

    /// Notes when and where the lead tells something happened when it tells of no meeting
    /// (`The leaders of Armenia and Azerbaijan signed a declaration at the White House on
    /// Friday.`): the first meeting the next sentence names was held then and there.
    fn note_lede_event(&self, s: &Sentence, doc: &mut DocState) {
        let t = s.t;
        let dates = find_dates(t);
        let date = dates
            .iter()
            .filter(|d| !self.in_relative(s, 0, d.t0))
            .find(|d| held_on(t, d))
            .and_then(|d| resolve(d.kind, self.article_date, false));
        let place =
            s.ms.iter()
                .find(|m| m.place && !self.in_relative(s, 0, m.t0) && self.located(s, m))
                .or_else(|| {
                    s.ms.first().filter(|m| {
                        matches!(doc.kind(m.ent), Some(EntityKind::Gpe | EntityKind::Loc))
                            && dateline(t, m)
                    })
                })
                .map(|m| m.ent);
        if date.is_some() {
            doc.last_event = Some(EventNote {
                bytes: s.bytes,
                date,
                place,
            });
        }
    }

    /// Notes when and where an occasion this sentence tells of took place (`took over the
    /// chairmanship at a low-key ceremony in Tromsø on Monday`): a later meeting may be
    /// held at it.
    fn note_occasion(&self, s: &Sentence, dates: &[DateExpr], doc: &mut DocState) {
        let t = s.t;
        if dates.is_empty() && !s.ms.iter().any(|m| m.place) {
            return;
        }
        // (`told a news conference at the close of the group's summit in Johannesburg`: the
        // one whose place is told, if any.)
        let place_after = |k: usize| {
            s.ms.iter()
                .find(|m| m.place && m.t0 > k && m.t0 <= k + 3 && self.located(s, m))
                .map(|m| m.ent)
        };
        let (mut first, mut placed) = (None, None);
        for k in (1..t.len()).filter(|&k| self.occasion_at(t, k)) {
            first.get_or_insert(k);
            if place_after(k).is_some() {
                placed = Some(k);
                break;
            }
        }
        let Some(k) = placed.or(first) else {
            return;
        };
        let place = place_after(k);
        let date = dates
            .iter()
            .filter(|d| d.t0 + 12 > k && d.t0 < k + 8 && held_on(t, d))
            .find_map(|d| resolve(d.kind, self.article_date, false));
        let Some(&id) = t.ids.get(k) else {
            return;
        };
        // (`a ceremony`: a new one.)
        let new = (k.saturating_sub(4)..k).any(|q| t.is(q, class::INDEFINITE));
        let told = doc.occasions.iter().position(|(x, _)| *x == id);
        match told.and_then(|i| doc.occasions.get_mut(i)) {
            // (`Monday's ceremony` again: the one told of, what it had said kept.)
            Some((_, e)) if !new => {
                e.date = e.date.take().or(date);
                e.place = e.place.or(place);
            }
            _ if place.is_some() || date.is_some() => {
                let note = EventNote {
                    bytes: s.bytes,
                    date,
                    place,
                };
                if let Some(i) = told {
                    doc.occasions.remove(i);
                }
                if doc.occasions.len() >= 8 {
                    doc.occasions.remove(0);
                }
                doc.occasions.push((id, note));
            }
            _ => {}
        }
    }

    /// Whether token `k` is an occasion's noun after a determiner, a possessive or an
    /// adjective (`a low-key ceremony`, `Monday's ceremony`), or after the name it is
    /// known by (`ASEAN summit opens in Kuala Lumpur`).
    fn occasion_at(&self, t: &Tokens, k: usize) -> bool {
        t.id_in(k, &self.lex.occasion_nouns)
            && ((k.saturating_sub(4)..k)
                .any(|q| t.is(q, class::DEFINITE | class::INDEFINITE) || t.word(q) == "'s")
                || (k > 0 && t.is_word(k - 1) && t.cap(k - 1) && (k > 1 || t.toks()[k - 1].upper)))
    }

    /// The parties of the last relation before this sentence when it is a meeting stated in
    /// this sentence or the one before (nothing but spaces between them).
    fn last_pair(&self, s: &Sentence, out: &[RelMention]) -> Option<(usize, usize)> {
        let r = out.last()?;
        let gap = s.text.get(r.bend..s.bytes.0)?;
        let near = r.bend == s.bytes.0 || (r.bend < s.bytes.0 && gap.trim().is_empty());
        (near || r.bstart == s.bytes.0)
            .then_some(())
            .filter(|_| r.kind == RelationKind::MetWith)
            .and(r.b.map(|b| (r.a, b)))
    }

    /// Whether token `k` lies in a `, who …` clause opened after `from`: its places and
    /// dates belong to that clause.
    fn in_relative(&self, s: &Sentence, from: usize, k: usize) -> bool {
        let t = s.t;
        let mut q = k;
        while q > from {
            q -= 1;
            match t.word(q) {
                "," => return false,
                "who" | "which" | "whose" => return q > 0 && t.word(q - 1) == ",",
                _ => {}
            }
        }
        false
    }

    /// `The talks in Bamako, which opened on Thursday, …`: whether token `k` lies in a
    /// relative clause that tells when the meeting of hit `h` itself took place.
    fn meeting_clause(&self, s: &Sentence, h: &Hit, k: usize) -> bool {
        let t = s.t;
        (h.t1..k).find(|&q| t.word(q) == "which").is_some_and(|q| {
            // (`which had been planned for next week`.)
            let aux = (q + 1..q + 4)
                .take_while(|&x| {
                    matches!(t.word(x), "was" | "were" | "is" | "had" | "has" | "been")
                })
                .count();
            matches!(
                t.word(q + 1 + aux),
                "opened"
                    | "began"
                    | "started"
                    | "ended"
                    | "closed"
                    | "concluded"
                    | "lasted"
                    | "took"
                    | "held"
                    | "convened"
                    | "planned"
                    | "scheduled"
                    | "set"
                    | "expected"
            ) && (h.t1..q).all(|p| t.word(p) != "," || p + 1 == q)
        })
    }

    /// Whether token `k` lies in a `, who …,` clause closed before token `end`: what it dates
    /// is the clause's own.
    fn closed_relative(&self, s: &Sentence, k: usize, end: usize) -> bool {
        self.in_relative(s, k.saturating_sub(30), k) && (k + 1..end).any(|q| s.t.word(q) == ",")
    }

    /// `in Geneva`, `at the White House`: where something happens.
    fn located(&self, s: &Sentence, m: &Mention) -> bool {
        let mut b = m.t0;
        if b > 0 && s.t.word(b - 1) == "the" {
            b -= 1;
        }
        // `travelled to Kyiv, where they met`, `visited Minsk and met`: a journey's
        // destination is where it happened; `flew in from Riyadh, where he met`: so is a
        // place that a `where` clause tells of.
        // `on the island of Lifou`, `in the riverside city of Bender`.
        if b > 2 && s.t.word(b - 1) == "of" && s.t.is(b - 2, class::GPE_SUFFIX | class::LOC_SUFFIX)
        {
            let mut q = b - 2;
            // (`in the Honduran port town of Amapala`: past a demonym too.)
            while q > 0
                && q + 5 > b
                && s.t.is_word(q - 1)
                && (!s.t.cap(q - 1) || demonym_covers(s.ms, q - 1))
                && !s.t.is(q - 1, class::PLACE_PREP)
            {
                q -= 1;
            }
            if q > 0 && matches!(s.t.word(q - 1), "in" | "at" | "on") {
                return true;
            }
        }
        s.t.on_locative(m.t0, m.t1)
            || s.t.facility_site(m.t0, m.t1)
            || (b > 0
                && (matches!(s.t.word(b - 1), "in" | "at" | "visited" | "visiting")
                    || s.t.journey_to(b.wrapping_sub(1))))
            || (s.t.word(m.t1) == "," && s.t.word(m.t1 + 1) == "where")
    }

    /// The country and office of `Samoa's leader`, `Georgia's prime minister`: a possessive
    /// country before an office no name follows.
    fn stand_in(&self, s: &Sentence, doc: &DocState, mi: usize) -> Option<(usize, String)> {
        let t = s.t;
        let m = s.ms.get(mi)?;
        if !m.possessive || t.word(m.t1) != "'s" || doc.kind(m.ent) != Some(EntityKind::Gpe) {
            return None;
        }
        let mut q = m.t1 + 1;
        // (Not past the first word of `prime minister`.)
        let two = |q: usize| t.pair(q).and_then(|two| self.lex.roles.get(two));
        while t.is(q, class::TITLE_MOD) && !t.is(q, class::TITLE) && !t.cap(q) && two(q).is_none() {
            q += 1;
        }
        let (office, end) = match two(q) {
            Some(o) => (o, q + 2),
            None => (self.lex.roles.get(t.word(q))?, q + 1),
        };
        let named = t.cap(end) || (t.word(end) == "," && t.cap(end + 1));
        (!named).then(|| (m.ent, office.clone()))
    }

    /// Pairs each of `subjects` with each other and with everyone the sentence of the last
    /// meeting told as held says met.
    fn join_last_meeting(
        &self,
        s: &Sentence,
        doc: &mut DocState,
        subjects: &[usize],
        out: &[RelMention],
        here: Option<&Outcome>,
        oc: &mut Outcome,
    ) {
        let held =
            |r: &&RelMention| r.kind == RelationKind::MetWith && r.status == Status::Occurred;
        let last = out.iter().rev().find(held);
        let parties = match (here, last) {
            (Some(o), _) => kinds::parties_of(&o.pairs),
            (None, Some(last)) => {
                let told: Vec<(usize, Option<usize>)> = out
                    .iter()
                    .filter(held)
                    .filter(|r| r.bstart == last.bstart)
                    .map(|r| (r.a, r.b))
                    .collect();
                kinds::parties_of(&told)
            }
            (None, None) => return,
        };
        let joiners: Vec<usize> = subjects
            .iter()
            .filter_map(|&mi| self.party_ent(s, doc, mi, &[]))
            .collect();
        for (i, &e) in joiners.iter().enumerate() {
            let others = parties.iter().chain(&joiners[i + 1..]);
            oc.pairs
                .extend(others.filter(|&&p| p != e).map(|&p| (e, Some(p))));
        }
        oc.pairs.dedup();
        match (here, last) {
            (Some(_), _) => oc.joined_here = true,
            (None, Some(last)) => oc.joined = Some((last.date.clone(), last.place)),
            (None, None) => {}
        }
    }

    /// Whether the first `to` clause after the trigger gives a visit's purpose (`to
    /// discuss the cargo`).
    fn purpose_follows(&self, t: &Tokens, h: &Hit) -> bool {
        (h.t1..(h.t1 + 14).min(t.len()))
            .take_while(|&k| !matches!(t.word(k), ";" | ":" | "."))
            .find(|&k| t.word(k) == "to" && t.is_word(k + 1) && !t.cap(k + 1))
            .is_some_and(|k| t.id_in(k + 1, &self.lex.purpose_verbs))
    }

    /// `wanted the market reopened`, `wanted the price paid`: something wanted done, a
    /// participle after its object within a few words.
    fn done_follows(&self, t: &Tokens, h: &Hit) -> bool {
        (h.t1 + 1..(h.t1 + 6).min(t.len()))
            .take_while(|&k| t.is_word(k))
            .any(|k| {
                !t.cap(k)
                    && !t.is(k, class::STOP)
                    && (t.word(k).ends_with("ed") || t.id_in(k, &self.lex.participles))
            })
    }

    /// `wanted written guarantees`, `wanted compensation for land lost`: what a side
    /// concedes comes within a few words of the verb.
    fn concession_follows(&self, t: &Tokens, h: &Hit) -> bool {
        (h.t1..(h.t1 + 4).min(t.len()))
            .take_while(|&k| t.is_word(k))
            .any(|k| t.id_in(k, &self.lex.concession_nouns))
    }

    /// `to discuss …`, `to end the war in Ukraine`: a purpose clause whose places and dates
    /// are not those of the meeting; likewise `before returning to Brasília`, another event.
    fn purpose_clause(&self, s: &Sentence, from: usize, to: usize) -> Option<usize> {
        (from..to).find(|&k| {
            let verb_follows =
                s.t.is_word(k + 1) && !s.t.cap(k + 1) && !s.ms.iter().any(|m| m.t0 == k + 1);
            match s.t.word(k) {
                // Not `face to face`, nor a journey (`an invitation to visit Moscow`).
                // (Nor `were due to begin on Thursday`, the meeting's own predicate.)
                "to" => {
                    verb_follows
                        && !matches!(
                            s.t.word(k.wrapping_sub(1)),
                            "due" | "expected" | "scheduled" | "set" | "supposed" | "meant"
                        )
                        && !s.t.is(k + 1, class::SKIP | class::TRAVEL)
                        && s.t.word(k + 1) != "visit"
                        && !(s.t.word(k + 1) == "face" && s.t.word(k.wrapping_sub(1)) == "face")
                }
                "before" | "after" => verb_follows && s.t.word(k + 1).ends_with("ing"),
                // `, but Costa's office said on Monday that …`: a clause of its own.
                "but" => s.t.word(k.wrapping_sub(1)) == ",",
                // `for talks with Marape and will also travel to Buka`: so is a verb phrase
                // coordinated after.
                "and" => AUXILIARIES.contains(&s.t.word(k + 1)),
                // `, ending a week of clashes`: a participle clause of its own; not one that
                // says more of the same event (`, suggesting it could happen in Riyadh`).
                "," => {
                    verb_follows
                        && s.t.word(k + 1).ends_with("ing")
                        && s.t.word(k + 1).len() > 5
                        && !s.t.is(k + 1, class::REPORTING)
                        && !matches!(
                            s.t.word(k + 1),
                            "suggesting" | "saying" | "adding" | "noting" | "indicating"
                        )
                }
                _ => false,
            }
        })
    }
}

/// The mention a `, who` clause holding token `k` is about: the one just before the comma,
/// when no clause mark or other relative pronoun stands between.
fn relative_antecedent(s: &Sentence, k: usize) -> Option<usize> {
    let t = s.t;
    let who = (k.saturating_sub(30)..k)
        .rev()
        .find(|&q| matches!(t.word(q), "who" | "which" | "whose" | "," | ";" | ":" | "-"))?;
    if t.word(who) != "who" || who < 2 || t.word(who - 1) != "," {
        return None;
    }
    s.ms.iter()
        .position(|m| m.t1 == who - 1 && m.party() && m.form == MForm::Name)
}

/// Whether `subjects` are places only, named in a `where` clause about an area (`a border
/// region where Peru, Colombia and Brazil meet`).
fn borders_meet(s: &Sentence, doc: &DocState, subjects: &[usize], t0: usize) -> bool {
    let t = s.t;
    let Some(first) = subjects.iter().map(|&i| s.ms[i].t0).min() else {
        return false;
    };
    let placed = subjects.iter().all(|&i| {
        matches!(
            doc.kind(s.ms[i].ent),
            Some(EntityKind::Gpe | EntityKind::Loc)
        )
    });
    let w = t.back_over(first, 0, &["the"]);
    placed
        && w > 1
        && first < t0
        && t.word(w - 1) == "where"
        && !t.cap(w - 2)
        && t.is(w - 2, class::GPE_SUFFIX | class::LOC_SUFFIX)
}

/// The party before `, whose` when the verb at `v` has `whose` and a short noun phrase as
/// its subject (`Kallas, whose office has urged`).
fn whose_antecedent(s: &Sentence, maps: &Maps, v: usize) -> Option<usize> {
    let t = s.t;
    let q = t.back_over(v, 0, AUXILIARIES);
    let whose = (q.saturating_sub(4)..q)
        .rev()
        .take_while(|&k| t.is_word(k) && !t.cap(k))
        .find(|&k| t.word(k) == "whose")?;
    if whose + 1 == q || whose < 2 || t.word(whose - 1) != "," {
        return None;
    }
    maps.ends_at(whose - 2)
        .iter()
        .copied()
        .find(|&i| s.ms[i].party())
}

/// A noun trigger, or a verb trigger used as one (`during a call with`, `A video call … was
/// postponed`): an article stands at most `reach` words before `t0`.
fn used_as_noun(t: &Tokens, trig: &Trigger, t0: usize, reach: usize) -> bool {
    trig.noun
        || (t0.saturating_sub(reach)..t0)
            .rev()
            .take_while(|&k| t.is_word(k))
            .any(|k| t.is(k, class::DEFINITE | class::INDEFINITE))
}

/// `after talks`, `following a second round of direct talks`: the meeting noun at `t0` is
/// introduced as the occasion of something else.
fn occasion(t: &Tokens, t0: usize) -> bool {
    (t0.saturating_sub(6)..t0).rev().any(|k| {
        matches!(t.word(k), "after" | "following" | "during")
            && (k + 1..t0).all(|q| t.is_word(q) && !t.cap(q) && !t.is(q, class::REPORTING))
    })
}

/// The party `whom` refers back to when the verb at `v` has `whom` and its subject before
/// it (`al-Obaidi, whom he had summoned`).
fn whom_antecedent(s: &Sentence, maps: &Maps, v: usize) -> Option<usize> {
    let t = s.t;
    let q = t.back_over(v, 0, AUXILIARIES);
    let subject = maps
        .ends_at(q.checked_sub(1)?)
        .iter()
        .copied()
        .find(|&i| s.ms[i].party())?;
    let whom = s.ms[subject].t0.checked_sub(1)?;
    if t.word(whom) != "whom" {
        return None;
    }
    let end = if t.word(whom.checked_sub(1)?) == "," {
        whom.checked_sub(2)?
    } else {
        whom - 1
    };
    maps.ends_at(end)
        .iter()
        .copied()
        .find(|&i| s.ms[i].party() && !s.ms[i].possessive)
}

/// `…, at talks with`, `…, during a meeting with`: a meeting noun set off by a comma and
/// `at` or `during`, with at most a determiner and modifiers between.
fn set_off_occasion(t: &Tokens, t0: usize) -> bool {
    (t0.saturating_sub(4)..t0).rev().any(|k| {
        k > 0
            && matches!(t.word(k), "at" | "during")
            && t.word(k - 1) == ","
            && (k + 1..t0).all(|q| t.is_word(q) && !t.cap(q) && !t.is(q, class::REPORTING))
    })
}

/// Whether `and` at `k` opens a clause of its own (`offered to mediate and is due in Skopje
/// in May`): the time and place after it are that clause's.
fn and_clause(t: &Tokens, k: usize) -> bool {
    t.word(k) == "and" && matches!(t.word(k + 1), "is" | "was" | "are" | "were" | "will")
}

/// The verb whose occasion the meeting noun at `t0` is: the first of the lower-case words
/// without names that run back from the `after` or `during` before it (`signed a
/// memorandum of understanding after talks`).
fn occasion_verb(t: &Tokens, maps: &Maps, t0: usize) -> Option<usize> {
    let at = (t0.saturating_sub(6)..t0)
        .rev()
        .find(|&k| matches!(t.word(k), "after" | "following" | "during"))?;
    let plain = |k: usize| t.is_word(k) && !t.cap(k) && maps.ends_at(k).is_empty();
    let verb = (at.saturating_sub(10)..at)
        .rev()
        .take_while(|&k| plain(k))
        .last()?;
    (verb > 0 && !plain(verb - 1)).then_some(verb)
}

/// `welcomed the US sanctions on`, `hailed the Trump peace plan and`: a name that qualifies
/// an act or a document, directly or past one plain word, is no party. Many such nouns are
/// verbs too (`Xi plans to`, `Russia demands that`, `the US sanctions Iranian firms`): what
/// follows the word tells.
fn qualifies_act(t: &Tokens, lex: &Lexicon, m: &Mention) -> bool {
    let noun_at = |k: usize| {
        t.id_in(k, &lex.act_nouns)
            && !matches!(
                t.word(k + 1),
                "to" | "that" | "his" | "her" | "its" | "their"
            )
            && !t.is(k + 1, class::DEFINITE | class::INDEFINITE | class::PRONOUN)
            && !t.cap(k + 1)
    };
    // (`Venezuela demands direct talks`: a name opening its clause, without a determiner,
    // before a trigger in `-s` is that verb's subject.)
    let opens_clause = m.t0 == 0
        || (!t.is_word(m.t0 - 1) && t.word(m.t0 - 1) != "'s")
        || matches!(t.word(m.t0 - 1), "and" | "but");
    let verb_next = opens_clause
        && t.is(m.t1, class::TRIGGER_START)
        && t.word(m.t1).ends_with('s')
        && trigger_match(t, lex, m.t1).is_some();
    !m.possessive
        && !verb_next
        && (noun_at(m.t1)
            || (t.is_word(m.t1) && !t.cap(m.t1) && !t.is(m.t1, class::STOP) && noun_at(m.t1 + 1)))
}

/// The nearest party before token `k`, in its clause, that a verb follows (`he would
/// suspend …`): the subject of the clause that holds `k`.
fn clause_subject(s: &Sentence, lex: &Lexicon, k: usize) -> Option<usize> {
    let t = s.t;
    let from = (0..k)
        .rev()
        .find(|&q| t.word(q) == ";")
        .map_or(0, |q| q + 1);
    s.ms.iter()
        .enumerate()
        .rev()
        .filter(|(_, m)| m.t0 >= from && m.t1 <= k && m.party() && !m.possessive)
        .find(|(_, m)| {
            // A name after `in` or `at` is where, not who.
            let placed = m.t0 > 0 && t.is(m.t0 - 1, class::PLACE_PREP);
            t.is_word(m.t1)
                && !t.cap(m.t1)
                && !t.is(m.t1, class::STOP)
                && !placed
                && !qualifies_act(t, lex, m)
        })
        .map(|(i, _)| i)
}

/// Two or more parties coordinated at the start of the sentence (`Russia and Ukraine`,
/// `Pakistan and Afghanistan's Taliban government`: the possessor, not what it owns).
fn opening_subjects(s: &Sentence) -> Vec<usize> {
    let t = s.t;
    let mut out = Vec::new();
    let mut k = after_dateline(s);
    if t.is(k, class::DEFINITE) {
        k += 1;
    }
    while let Some(i) = s.ms.iter().position(|m| m.t0 == k) {
        let m = &s.ms[i];
        if !m.party() && !m.possessive {
            break;
        }
        out.push(i);
        if m.possessive {
            break;
        }
        k = m.t1;
        match t.word(k) {
            "and" => k += 1,
            "," if t.word(k + 1) == "and" => k += 2,
            "," => k += 1,
            _ => break,
        }
        if t.is(k, class::DEFINITE) {
            k += 1;
        }
    }
    if out.len() < 2 {
        out.clear();
    }
    out
}

/// `the next day`, `the same evening`: a noun phrase at `k` that tells when, not whom.
fn time_phrase(t: &Tokens, k: usize) -> bool {
    (k + 1..k + 4).any(|q| {
        matches!(
            t.word(q),
            "day"
                | "week"
                | "month"
                | "year"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "weekend"
                | "time"
        )
    })
}

/// The first token after a dateline (`GYEONGJU, South Korea (Reuters) -`), or 0.
fn after_dateline(s: &Sentence) -> usize {
    let t = s.t;
    if !s.ms.first().is_some_and(|m| dateline(t, m)) {
        return 0;
    }
    (0..t.len().min(12))
        .find(|&q| t.word(q) == "-")
        .map_or(0, |q| q + 1)
}

/// `In Nukus, …`, `On Monday, …`, `Speaking in Skopje on Wednesday, …`: an adverbial that
/// opens the sentence and sets the time and place of all it tells; so does one inserted
/// after the subject (`Rama, speaking to reporters in Tirana on Monday, said`). Its first
/// token and the comma closing it.
fn opening_frame(t: &Tokens, ms: &[Mention]) -> Option<(usize, usize)> {
    let participle =
        |k: usize| matches!(t.word(k), "speaking" | "addressing" | "talking" | "writing");
    let start = if matches!(t.word(0), "in" | "at" | "on") || participle(0) {
        0
    } else {
        let comma = (1..8.min(t.len())).find(|&k| t.word(k) == ",")?;
        let subject = ms.iter().any(|m| m.t1 == comma && m.form == MForm::Name);
        (subject && participle(comma + 1)).then_some(comma + 1)?
    };
    let end = (start + 1..t.len().min(start + 16)).find(|&k| t.word(k) == ",")?;
    Some((start, end))
}

/// `a message to Moscow`, `an appeal to Brussels`: whom something is addressed to, no
/// venue; only a journey (`travelled to`, `a visit to`) ends where a meeting is held.
fn addressed_to(t: &Tokens, m: &Mention) -> bool {
    let b = t.back_over(m.t0, 0, &["the"]);
    b > 1
        && t.word(b - 1) == "to"
        && !t.journey_to(b - 1)
        && !matches!(
            t.word(b - 2),
            "visit" | "visits" | "trip" | "trips" | "journey"
        )
}

/// The leaders of sides noted near byte `at`, latest first.
fn recent_led(doc: &DocState, at: usize) -> impl Iterator<Item = &(usize, usize, usize)> {
    doc.led
        .iter()
        .rev()
        .take_while(move |l| at.saturating_sub(l.1) <= NEAR)
}

/// Whether date `d` tells when something happened: not a plan's (`is due to arrive on
/// Monday`), nor the bound of a span (`since Monday`).
fn held_on(t: &Tokens, d: &DateExpr) -> bool {
    !d.kind.ahead()
        && !matches!(t.word(d.t0.wrapping_sub(1)), "since" | "until" | "before")
        && !(d.t0.saturating_sub(10)..d.t0)
            .rev()
            .take_while(|&q| !matches!(t.word(q), "," | ";" | "."))
            .any(|q| t.is(q, class::PLANNED))
}

/// `BRUSSELS —`, `SHARM EL-SHEIKH, Egypt —`, `ADDIS ABABA, Nov 12 (Reuters) —`: a place in
/// capitals opening the article's first sentence, before a dash.
fn dateline(t: &Tokens, m: &Mention) -> bool {
    if m.t0 != 0 || !(m.t0..m.t1).all(|k| !t.is_word(k) || t.toks()[k].upper) {
        return false;
    }
    let mut k = m.t1;
    if t.word(k) == "," {
        k += 1;
        let digits = |q: usize| t.first_byte(q).is_some_and(|b| b.is_ascii_digit());
        while k < m.t1 + 6 && (t.cap(k) || digits(k) || (t.word(k) == "." && t.cap(k - 1))) {
            k += 1;
        }
    }
    // `WASHINGTON (Reuters) —`
    if t.word(k) == "(" {
        k = (k + 1..k + 5)
            .find(|&q| t.word(q) == ")")
            .map_or(k, |q| q + 1);
    }
    t.word(k) == "-"
}

/// `families`, `the local Bulgarian community`, `its members`: a lower-case noun phrase of a
/// few words that ends right before the verb at `v` (past `had`, `also`), naming a group
/// rather than a party; the token before it.
fn reported_group(t: &Tokens, ms: &[Mention], v: usize) -> Option<usize> {
    let mut q = t.back_over(v, 0, &["had", "has", "have", "also"]);
    // (`families who fled the village wanted`: past the group's relative clause.)
    if let Some(who) = (q.saturating_sub(10)..q)
        .rev()
        .find(|&k| t.word(k) == "who")
    {
        if (who + 1..q).all(|k| t.is_word(k) && !t.cap(k)) {
            q = who;
        }
    }
    // (`villages at the tail of the river wanted`: past the group's complements, to the
    // group itself.)
    let mut crossed = false;
    for _ in 0..3 {
        let (start, plural, determined) = group_phrase(t, ms, q)?;
        let prep = start.checked_sub(1).filter(|&p| {
            matches!(
                t.word(p),
                "of" | "at" | "in" | "on" | "near" | "along" | "from"
            )
        });
        match prep {
            Some(p) => {
                q = p;
                crossed = true;
            }
            // (Past complements, only a plural: not `the head of the delegation`.)
            None => {
                let group = plural || (determined && !crossed);
                return (start > 0 && group).then(|| start - 1);
            }
        }
    }
    None
}

/// The lower-case noun phrase that ends right before token `q`: where it starts, whether
/// its noun is plural and whether it is definite.
fn group_phrase(t: &Tokens, ms: &[Mention], q: usize) -> Option<(usize, bool, bool)> {
    let head = q.checked_sub(1)?;
    // (`said older Serbs wanted`: a people named by a plural demonym is a group too.)
    let people = ms
        .iter()
        .any(|m| m.form == MForm::Demonym && m.t0 <= head && head < m.t1)
        && t.word(head).ends_with('s');
    if !t.is_word(head) || (t.cap(head) && !people) || t.is(head, class::STOP | class::REPORTING) {
        return None;
    }
    let mut k = head;
    let mut determined = false;
    while k > 0 && head - k < 5 {
        let w = k - 1;
        if t.is(w, class::DEFINITE) {
            determined = true;
            k = w;
            break;
        }
        // (`Kurdish families`: a people's adjective no list knows.)
        let unknown_adjective =
            k == head && t.cap(w) && t.unlisted(w) && !ms.iter().any(|m| m.t0 <= w && w < m.t1);
        let modifier = demonym_covers(ms, w)
            || unknown_adjective
            || (t.is_word(w)
                && !t.cap(w)
                && !t.is(
                    w,
                    class::STOP | class::REPORTING | class::TRIGGER_START | class::PAST,
                ));
        if !modifier {
            break;
        }
        k = w;
    }
    let plural = t.word(head).ends_with('s')
        || irregular_plural(t.word(head))
        || t.is(head, class::DELEGATE);
    Some((k, plural, determined))
}

/// `since their talks`, `after their last meeting`, `has not spoken to X since a phone
/// call`: where the phrase naming an earlier or later meeting of the pair just told starts,
/// for the meeting noun at `k`.
fn their_event(t: &Tokens, k: usize) -> Option<usize> {
    let det = (k.saturating_sub(3)..k)
        .rev()
        .find(|&q| matches!(t.word(q), "their" | "a" | "the"))?;
    let modifiers = (det + 1..k).all(|q| t.is_word(q) && !t.cap(q) && !t.is(q, class::STOP));
    let before = if t.word(det) == "their" {
        matches!(t.word(det.wrapping_sub(1)), "since" | "after" | "before")
    } else {
        t.word(det.wrapping_sub(1)) == "since"
    };
    (det > 0 && modifiers && before).then(|| det - 1)
}

/// Whether a demonym or country adjective (`Salvadoran`, `Greek Cypriot`) covers token `k`.
pub(super) fn demonym_covers(ms: &[Mention], k: usize) -> bool {
    ms.iter()
        .any(|m| m.form == MForm::Adjective && m.t0 <= k && k < m.t1)
}

/// Whether `I` or `we` is the subject of the verb at `t0` (`We call on`, `I'd be happy to`,
/// `we are ready to`), a few words before it.
pub(super) fn first_person_before(t: &Tokens, t0: usize) -> bool {
    (t0.saturating_sub(4)..t0)
        .rev()
        .take_while(|&k| t.is_word(k) || t.word(k) == "'")
        .any(|k| matches!(t.word(k), "i" | "we"))
}

/// `NEWSGRAPH_DEBUG` set: trace each trigger on stderr. Read once, not per trigger.
fn debug_enabled() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("NEWSGRAPH_DEBUG").is_some())
}

/// The meeting a definite `the meeting` refers to: the latest with the same status, else the latest.
/// `the talks` or `the meeting` is no phone call: an in-person meeting first, when there is
/// one; `the call` takes any.
fn anaphor_target<'a>(
    out: &'a [RelMention],
    status: Status,
    mode: Option<Mode>,
    date: Option<&str>,
) -> Option<&'a RelMention> {
    let met = || out.iter().rev().filter(|r| r.kind == RelationKind::MetWith);
    let fits = |r: &&RelMention| mode == Some(Mode::Phone) || r.mode != Some(Mode::Phone);
    // `to prepare Sunday's meeting`: the one held that day, whatever this sentence says of it.
    let dated = |r: &&RelMention| date.is_some() && r.date.as_deref() == date;
    // (`the talks` are no phone call, whatever else was told last.)
    met()
        .filter(fits)
        .find(dated)
        .or_else(|| met().filter(fits).find(|r| r.status == status))
        .or_else(|| met().find(fits))
}
