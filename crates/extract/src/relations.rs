//! Relation mentions in one sentence: lexicon triggers, their parties, status, date, place
//! and mode. Aggregation over the document happens in `aggregate`.

use crate::dates::{find_dates, resolve, DateExpr};
use crate::doc::DocState;
use crate::gazetteer::Gazetteer;
use crate::lexicon::{class, Lexicon, Trigger};
use crate::model::{EntityKind, Mode, RelationKind, Status};
use crate::recognise::{trigger_match, MForm, Mention};
use crate::text::{TokKind, Tokens};
use chrono::NaiveDate;

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

impl RelationFinder<'_> {
    fn hard_boundary(&self, s: &Sentence, k: usize) -> bool {
        let t = s.t;
        let w = t.word(k);
        if t.is(k, class::BOUNDARY) {
            return true;
        }
        match w {
            ";" | ":" | "(" | ")" | "." | "!" | "?" => true,
            "-" => {
                // A spaced dash splits clauses; a hyphen inside a word does not.
                let tok = t.toks[k];
                let attached = k > 0
                    && t.toks[k - 1].end == tok.start
                    && t.toks.get(k + 1).is_some_and(|n| n.start == tok.end);
                !attached
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
            if covered[i] || t.toks[i].kind != TokKind::Word || !t.is(i, class::TRIGGER_START) {
                i += 1;
                continue;
            }
            if let Some((trig, j)) = t.phrase_at(&self.lex.trigger_trie, i) {
                if !covered[i..=j].iter().any(|&c| c) {
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
        self.find_hits(s, &mut scratch.covered, &mut scratch.hits);
        if scratch.hits.is_empty() {
            return;
        }
        scratch.maps.fill(s.ms, n);
        let (hits, maps) = (&scratch.hits, &scratch.maps);
        // Only a sentence with a trigger needs its dates.
        let dates = find_dates(t);
        let mut outcomes: Vec<Outcome> = Vec::with_capacity(hits.len());
        let mut prev_subjects: Vec<usize> = Vec::new();
        let mut prev_pair: Option<(usize, usize)> = None;
        let mut lower = 0usize;
        for (hi, h) in hits.iter().enumerate() {
            let Some(trig) = self.lex.triggers.get(h.trig) else {
                outcomes.push(Outcome::default());
                continue;
            };
            let upper = hits.get(hi + 1).map(|x| x.t0).unwrap_or(n);
            let (mut objects, between, _) = self.right_scan(s, maps, trig, h.t1, upper);
            let scan_end = objects.iter().map(|&i| s.ms[i].t1).max().unwrap_or(h.t1);
            let (mut subjects, addressed, reporting) = self.left_scan(s, maps, trig, h.t0, lower);
            let head = self.clause_head(s, maps, trig, h.t0);
            if !head.is_empty() {
                subjects = head;
            }
            // `Vucic said Belgrade would never recognise Kosovo and demanded that …`: a verb
            // coordinated after a reported clause has the reporter as its subject.
            if !trig.noun && h.t0 > 1 && t.word(h.t0 - 1) == "and" {
                let reporter = (0..h.t0 - 1)
                    .rev()
                    .find(|&k| t.is_word(k) && !t.cap(k) && t.is(k, class::REPORTING))
                    // Another verb of the sentence in between has its own subject.
                    .filter(|&r| {
                        !hits[..hi].iter().any(|p| {
                            p.t0 > r && self.lex.triggers.get(p.trig).is_some_and(|x| !x.noun)
                        })
                    })
                    .map(|r| self.reporting_subject(s, maps, r))
                    .unwrap_or_default();
                if !reporter.is_empty() {
                    subjects = reporter;
                }
            }
            let agents = if trig.noun {
                Vec::new()
            } else {
                self.passive_agents(s, maps, h, upper)
            };
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
            if subjects.is_empty() {
                if let Some(r) = reporting.filter(|_| trig.relation == RelationKind::MetWith) {
                    subjects = self.reporting_subject(s, maps, r);
                }
            }
            if subjects.is_empty() && t.toks.get(h.t0).is_some_and(|x| x.quoted) {
                // `"We put forward a plan," Yusuf told reporters`: the speaker acts.
                subjects = self.quote_speaker(s, maps, h.t1);
            }
            if subjects.is_empty() {
                // `offered to host the next talks`: a bare noun after an earlier verb names
                // no meeting among that verb's subjects.
                if trig.noun && objects.is_empty() && trig.relation == RelationKind::MetWith {
                    prev_subjects.clear();
                }
                subjects = prev_subjects.clone();
            }
            // `Trump announced the plan while meeting Netanyahu`, `Castro backed down after
            // speaking with Rubio`: an adverbial participle shares the sentence's subject.
            let adverbial_participle = !trig.noun
                && h.t0 > 0
                && t.word(h.t0).ends_with("ing")
                && matches!(
                    t.word(h.t0 - 1),
                    "while" | "after" | "before" | "when" | "since"
                );
            if adverbial_participle {
                subjects.clear();
            }
            if subjects.is_empty()
                && !trig.noun
                && (adverbial_participle
                    || matches!(
                        t.word(h.t0),
                        "while" | "after" | "before" | "when" | "since"
                    ))
            {
                subjects.extend(
                    s.ms.iter()
                        .enumerate()
                        .take_while(|(_, m)| m.t1 <= h.t0)
                        .find(|(_, m)| m.party() && !m.possessive)
                        .map(|(i, _)| i),
                );
            }
            // `agreed to meet him at the BRICS summit`: the venue of the meeting just named.
            let venue = trig.noun
                && hi > 0
                && objects.is_empty()
                && (h.t0.saturating_sub(4)..h.t0).any(|k| matches!(t.word(k), "at" | "during"))
                && outcomes.last().is_some_and(|o| !o.pairs.is_empty())
                && hits[..hi]
                    .last()
                    .and_then(|p| self.lex.triggers.get(p.trig))
                    .is_some_and(|x| x.relation == RelationKind::MetWith);
            if venue {
                outcomes.push(Outcome::default());
                continue;
            }
            // `demanded that the EU open talks with Moscow`: a meeting asked for, not held.
            // A proposed meeting with named guests stands (offered to host talks between …).
            let embedded = trig.relation == RelationKind::MetWith
                && !(h.t0.saturating_sub(3)..h.t0)
                    .any(|k| matches!(t.word(k), "during" | "at" | "after" | "before" | "since"))
                && hits[..hi].iter().rev().any(|p| {
                    self.lex.triggers.get(p.trig).is_some_and(|x| {
                        !x.noun
                            && !x.want
                            && (x.relation == RelationKind::Demanded
                                || (x.relation == RelationKind::Proposed && objects.is_empty()))
                    }) && h.t0 <= p.t1 + 12
                        && !(p.t1..h.t0).any(|k| {
                            matches!(t.word(k), "," | ";" | ":") || t.is(k, class::REPORTING)
                        })
                });
            if embedded {
                outcomes.push(Outcome::default());
                continue;
            }
            let mut oc = match trig.relation {
                RelationKind::MetWith => {
                    self.met_with(s, doc, trig, h, &subjects, &objects, between, prev_pair)
                }
                _ => self.demand_or_proposal(s, doc, trig, h, &subjects, &objects),
            };
            // `… spoke by phone. A meeting between them is under discussion`: the pair of
            // the meeting just reported.
            if between && oc.pairs.is_empty() && trig.relation == RelationKind::MetWith {
                let them = (h.t1..(h.t1 + 3).min(n))
                    .any(|k| t.word(k) == "between" && t.word(k + 1) == "them");
                if let Some((a, b)) = them.then(|| self.last_pair(s, out)).flatten() {
                    oc.pairs.push((a, Some(b)));
                }
            }
            if !subjects.is_empty() {
                prev_subjects = subjects.clone();
            }
            if let Some(&(a, Some(b))) = oc.pairs.first() {
                prev_pair = Some((a, b));
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
        // Dates and places: each productive trigger owns the text up to the next one; the
        // first also owns what precedes it.
        let productive: Vec<usize> = (0..hits.len())
            .filter(|&i| !outcomes[i].pairs.is_empty() || outcomes[i].anaphor)
            .collect();
        for (pi, &i) in productive.iter().enumerate() {
            let h = hits[i];
            let next_hit = productive.get(pi + 1).map(|&j| hits[j].t0).unwrap_or(n);
            let seg_end = self.purpose_clause(s, h.t1, next_hit).unwrap_or(next_hit);
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
                    (pe..h.t0).any(|k| t.word(k) == ",").then_some(pe)
                }
            };
            // `since the spring of 2022` dates something else.
            let anchor = |d: &&DateExpr| {
                let mut b = d.t0;
                while b > 0
                    && matches!(
                        t.word(b - 1),
                        "the"
                            | "spring"
                            | "summer"
                            | "autumn"
                            | "winter"
                            | "start"
                            | "end"
                            | "of"
                            | "fall"
                            | "beginning"
                    )
                {
                    b -= 1;
                }
                b == 0 || !matches!(t.word(b - 1), "since" | "until" | "till")
            };
            let date_expr = dates
                .iter()
                .filter(anchor)
                .find(|d| d.t0 >= h.t0 && d.t0 < seg_end && !self.in_relative(s, h.t1, d.t0))
                .or_else(|| {
                    let from = back_from?;
                    dates
                        .iter()
                        .filter(anchor)
                        .rev()
                        .find(|d| d.t1 <= h.t0 && d.t0 >= from)
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
            let date = date_expr.and_then(|d| {
                let ahead = status == Status::Planned
                    || (d.t0.saturating_sub(3)..d.t0).any(|k| t.is(k, class::PLANNED));
                resolve(d.kind, self.article_date, ahead)
            });
            let is_place = |m: &&Mention| m.place;
            let met = trig.relation == RelationKind::MetWith;
            let place_end = if met { seg_end } else { n };
            let place =
                s.ms.iter()
                    .filter(is_place)
                    .find(|m| {
                        m.t0 >= h.t0
                            && m.t0 < place_end
                            && (met || self.located(s, m))
                            && !self.in_relative(s, h.t1, m.t0)
                    })
                    .or_else(|| {
                        let from = back_from.filter(|_| status != Status::Negated)?;
                        s.ms.iter()
                            .filter(is_place)
                            .rev()
                            .find(|m| m.t1 <= h.t0 && m.t0 >= from && self.located(s, m))
                    })
                    .map(|m| m.ent);
            if oc.anaphor {
                if let Some(prev) = anaphor_target(out, status) {
                    let mut r = prev.clone();
                    r.date = date.or(r.date);
                    r.place = place.or(r.place);
                    r.mode = oc.mode.or(r.mode);
                    r.conf = 0.5;
                    r.start = s.chars.0;
                    r.end = s.chars.1;
                    r.bstart = s.bytes.0;
                    r.bend = s.bytes.1;
                    out.push(r);
                }
                continue;
            }
            // `Rahmon hosted Japarov for the trilateral summit`: a meeting held at an event
            // the article already dated and placed takes that date and place.
            let (date, place) = match (met && status == Status::Occurred && !oc.pairs.is_empty())
                .then(|| self.earlier_event(s, out, date.is_none() || place.is_none()))
                .flatten()
            {
                Some(r) => (date.or_else(|| r.date.clone()), place.or(r.place)),
                None => (date, place),
            };
            for &(a, b) in &oc.pairs {
                let place = place.filter(|p| Some(*p) != b && *p != a);
                let kind = oc.kind.unwrap_or(trig.relation);
                out.push(RelMention {
                    kind,
                    a,
                    b,
                    status,
                    date: if kind == RelationKind::MetWith {
                        date.clone()
                    } else {
                        None
                    },
                    place: if kind == RelationKind::MetWith || b.is_some() {
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
                });
            }
        }
    }

    /// The last meeting stated before this sentence, with a date or a place, when this
    /// sentence refers back to a meeting event (`the summit`, `the talks`, `on the
    /// sidelines`) and lacks something it could take.
    fn earlier_event<'o>(
        &self,
        s: &Sentence,
        out: &'o [RelMention],
        lacking: bool,
    ) -> Option<&'o RelMention> {
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
        if !refers_back {
            return None;
        }
        out.iter().rev().find(|r| {
            r.kind == RelationKind::MetWith
                && r.status == Status::Occurred
                && r.bstart < s.bytes.0
                && (r.date.is_some() || r.place.is_some())
        })
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

    /// `in Geneva`, `at the White House`: where something happens.
    fn located(&self, s: &Sentence, m: &Mention) -> bool {
        let mut b = m.t0;
        if b > 0 && s.t.word(b - 1) == "the" {
            b -= 1;
        }
        // `travelled to Kyiv, where they met`: a journey's destination is where it happened.
        b > 0
            && (matches!(s.t.word(b - 1), "in" | "at")
                || (b > 1 && s.t.word(b - 1) == "to" && s.t.is(b - 2, class::TRAVEL)))
    }

    /// `to discuss …`, `to end the war in Ukraine`: a purpose clause whose places and dates
    /// are not those of the meeting; likewise `before returning to Brasília`, another event.
    fn purpose_clause(&self, s: &Sentence, from: usize, to: usize) -> Option<usize> {
        (from..to).find(|&k| {
            let verb_follows =
                s.t.is_word(k + 1) && !s.t.cap(k + 1) && !s.ms.iter().any(|m| m.t0 == k + 1);
            match s.t.word(k) {
                "to" => verb_follows && !s.t.is(k + 1, class::SKIP),
                "before" | "after" => verb_follows && s.t.word(k + 1).ends_with("ing"),
                _ => false,
            }
        })
    }

    /// Party mentions left of a trigger: the nearest one and those coordinated with it.
    fn left_scan(
        &self,
        s: &Sentence,
        maps: &Maps,
        trig: &Trigger,
        t0: usize,
        lower: usize,
    ) -> (Vec<usize>, Vec<usize>, Option<usize>) {
        let t = s.t;
        let mut found: Vec<usize> = Vec::new();
        let mut addressed: Vec<usize> = Vec::new();
        let mut k = t0;
        let mut steps = 0;
        while k > lower && steps < 30 {
            k -= 1;
            steps += 1;
            // `Macron, who is under pressure at home, met Scholz`: an inserted clause or
            // apposition between subject and verb is skipped as a whole.
            if found.is_empty() {
                if let Some(c) = self.inserted_clause(s, maps, k, lower) {
                    k = c;
                    continue;
                }
            }
            let idxs = maps.ends_at(k);
            if !idxs.is_empty() {
                let start = idxs.iter().map(|&i| s.ms[i].t0).min().unwrap_or(k);
                // `the panel on Sudan received`: a prepositional complement is no subject.
                let mut b = start;
                while b > 0 && t.is(b - 1, class::SKIP) {
                    b -= 1;
                }
                // `travelled to Bamako and Ouagadougou and met`: destinations are no subjects
                // either, the whole list of them.
                if found.is_empty() {
                    while b > 1 && matches!(t.word(b - 1), "and" | "or") {
                        match maps.ends_at(b - 2).iter().map(|&i| s.ms[i].t0).min() {
                            Some(p) => b = p,
                            None => break,
                        }
                    }
                }
                let possessive = idxs.iter().any(|&i| s.ms[i].possessive);
                if found.is_empty()
                    && b > 0
                    && (matches!(t.word(b - 1), "on" | "about" | "over" | "against" | "into")
                        || (!possessive && matches!(t.word(b - 1), "to" | "from" | "via" | "for")))
                {
                    k = start;
                    continue;
                }
                // `hosted by the UAE, and UAE President X received`: no coordinated subject.
                if !found.is_empty()
                    && b > 0
                    && matches!(
                        t.word(b - 1),
                        "by" | "with" | "to" | "from" | "for" | "on" | "about" | "in" | "at"
                    )
                {
                    break;
                }
                let usable: Vec<usize> = idxs
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let m = &s.ms[i];
                        m.party() && (!m.possessive || self.adjacent_possessive(s, m, t0))
                    })
                    .collect();
                found.extend(usable);
                k = start;
                if trig.noun && trig.relation != RelationKind::MetWith && !found.is_empty() {
                    break;
                }
                continue;
            }
            let w = t.word(k);
            if !found.is_empty() {
                // `Commerce Secretary Howard Lutnick`: a capitalised word qualifying a title.
                // `a UK-France summit`, `Trump-Putin talks`: parties joined by a hyphen
                // before a meeting noun.
                let hyphen = w == "-"
                    && trig.noun
                    && trig.relation == RelationKind::MetWith
                    && k > 0
                    && t.toks[k - 1].end == t.toks[k].start
                    && t.toks.get(k + 1).is_some_and(|x| x.start == t.toks[k].end)
                    && !maps.ends_at(k - 1).is_empty();
                if hyphen
                    || matches!(w, "and" | "," | "or" | "&" | "'s" | "\"")
                    || t.is(k, class::SKIP | class::TITLE | class::TITLE_MOD)
                    || (t.cap(k) && t.is(k + 1, class::TITLE))
                {
                    continue;
                }
                // `Putin told Trump in a call`: those found were addressed; the speaker is
                // further left.
                if addressed.is_empty()
                    && t.is(k, class::ADDRESS)
                    && trig.relation == RelationKind::MetWith
                {
                    addressed = std::mem::take(&mut found);
                    continue;
                }
                break;
            }
            if self.hard_boundary(s, k) {
                return (found, addressed, t.is(k, class::REPORTING).then_some(k));
            }
        }
        (found, addressed, None)
    }

    /// `Lula, who has offered to host the talks, spoke with Maduro`: the relative clause
    /// before the verb has a trigger of its own, yet the subject is the name it follows.
    fn clause_head(&self, s: &Sentence, maps: &Maps, trig: &Trigger, t0: usize) -> Vec<usize> {
        let t = s.t;
        let mut k = t0;
        // Auxiliaries and markers of plans between the clause and the verb (`, is expected to
        // host`).
        while k > 0
            && t0 - k < 6
            && (t.is(k - 1, class::SKIP)
                || matches!(
                    t.word(k - 1),
                    "has"
                        | "had"
                        | "have"
                        | "is"
                        | "was"
                        | "are"
                        | "were"
                        | "will"
                        | "would"
                        | "expected"
                        | "due"
                        | "set"
                        | "to"
                        | "plans"
                        | "hopes"
                        | "wants"
                ))
        {
            k -= 1;
        }
        if k == 0 || t.word(k - 1) != "," {
            return Vec::new();
        }
        // The clause runs back to `, who` without a comma or a sentence mark of its own; it
        // may hold `that`, which ends a clause elsewhere.
        let close = k - 1;
        let mut j = close;
        while j > 1 && close - j < 40 {
            j -= 1;
            let w = t.word(j);
            if matches!(w, "who" | "which") && t.word(j - 1) == "," {
                // The name and those coordinated with it (`Norway and Switzerland, which…`).
                return self.left_scan(s, maps, trig, j - 1, 0).0;
            }
            if matches!(w, "," | ";" | ":" | "(" | ")" | "." | "!" | "?") {
                break;
            }
        }
        Vec::new()
    }

    /// When token `k` closes a clause inserted after a subject (`, who …,`, `, whose …,`,
    /// `, the French president,`) or is the relative pronoun opening one right before the
    /// verb, the comma that opens it.
    fn inserted_clause(&self, s: &Sentence, maps: &Maps, k: usize, lower: usize) -> Option<usize> {
        let t = s.t;
        let relative = |j: usize| matches!(t.word(j), "who" | "which" | "whose" | "whom");
        if relative(k) {
            return (k > lower + 1 && t.word(k - 1) == ",").then(|| k - 1);
        }
        if t.word(k) != "," {
            return None;
        }
        let mut j = k;
        while j > lower + 1 && k - j < 40 {
            j -= 1;
            let w = t.word(j);
            if relative(j) && t.word(j - 1) == "," {
                return Some(j - 1);
            }
            if w == "," {
                // An apposition: a description without a verb of its own, after a name.
                let span = j + 1..k;
                let described = span.clone().any(|q| {
                    t.is(q, class::TITLE) || s.t.word(q) == "'s" || t.is(q, class::DEFINITE)
                }) && t.is(
                    j + 1,
                    class::DEFINITE | class::INDEFINITE | class::TITLE_MOD,
                ) || s.ms.iter().any(|m| m.t0 == j + 1 && m.possessive);
                let after_name = maps.ends_at(j - 1).iter().any(|&i| s.ms[i].party());
                let verbless = !span
                    .clone()
                    .any(|q| t.is(q, class::TRIGGER_START | class::REPORTING | class::PAST));
                // `Moldova's chief negotiator, Deputy Prime Minister Oleg Serebrian, met`:
                // a titled name closing the apposition is who the description means.
                let names_subject = s.ms.iter().any(|m| {
                    m.t1 == k
                        && m.t0 > j + 1
                        && m.form == MForm::Name
                        && t.is(m.t0 - 1, class::TITLE)
                });
                return (described && after_name && verbless && !names_subject).then_some(j);
            }
            if self.hard_boundary(s, j) {
                return None;
            }
        }
        None
    }

    /// `Trump's talks`, `Russia's demands`: a possessive right before the trigger noun.
    fn adjacent_possessive(&self, s: &Sentence, m: &Mention, t0: usize) -> bool {
        let apos = if m.form == MForm::Pronoun {
            m.t1
        } else {
            m.t1 + 1
        };
        // `the AU's mediation panel on Sudan received`: the delegation acts, whatever its
        // brief; the possessive qualifies the words up to the delegation noun.
        let mut t0 = t0;
        if let Some(d) = (apos..t0).find(|&q| s.t.is(q, class::DELEGATE)) {
            let mut q = d + 1;
            if matches!(s.t.word(q), "on" | "for") {
                q += 1;
                while s.t.is(q, class::SKIP) {
                    q += 1;
                }
                let complement = s.ms.iter().filter(|x| x.t0 == q).map(|x| x.t1).max();
                if complement == Some(t0) {
                    t0 = d + 1;
                }
            }
        }
        let mut k = apos;
        while k < t0 {
            let w = s.t.word(k);
            if s.t.is(k, class::PLANNED)
                || w == "-"
                || (s.t.is_word(k) && !s.t.cap(k) && k + 3 >= t0)
            {
                k += 1;
                continue;
            }
            return false;
        }
        true
    }

    /// The party named next to the first reporting verb after the quotation.
    fn quote_speaker(&self, s: &Sentence, maps: &Maps, from: usize) -> Vec<usize> {
        let t = s.t;
        let Some(r) = (from..t.len()).find(|&k| {
            t.is(k, class::REPORTING) && !t.cap(k) && t.toks.get(k).is_some_and(|x| !x.quoted)
        }) else {
            return Vec::new();
        };
        let party = |i: &usize| s.ms[*i].party() && !s.ms[*i].possessive;
        let before: Vec<usize> = maps
            .ends_at(r.wrapping_sub(1))
            .iter()
            .copied()
            .filter(party)
            .collect();
        if !before.is_empty() {
            return before;
        }
        let mut k = r + 1;
        while t.is(k, class::SKIP | class::TITLE | class::TITLE_MOD) {
            k += 1;
        }
        maps.starts_at(k).iter().copied().filter(party).collect()
    }

    fn reporting_subject(&self, s: &Sentence, maps: &Maps, r: usize) -> Vec<usize> {
        let mut k = r;
        let mut steps = 0;
        while k > 0 && steps < 8 {
            k -= 1;
            steps += 1;
            let party: Vec<usize> = maps
                .ends_at(k)
                .iter()
                .copied()
                .filter(|&i| s.ms[i].party() && !s.ms[i].possessive)
                .collect();
            if !party.is_empty() {
                return party;
            }
            if self.hard_boundary(s, k) {
                break;
            }
        }
        Vec::new()
    }

    /// Whether the words from `k` name someone and then a reporting verb (`Trump said`,
    /// `her spokeswoman Paula Pinho said`).
    fn speaker_follows(&self, s: &Sentence, maps: &Maps, mut k: usize) -> bool {
        let t = s.t;
        let mut named = false;
        for _ in 0..12 {
            let idxs = maps.starts_at(k);
            if !idxs.is_empty() {
                named = true;
                k = idxs
                    .iter()
                    .map(|&i| s.ms[i].t1)
                    .max()
                    .unwrap_or(k + 1)
                    .max(k + 1);
                continue;
            }
            if t.is(k, class::REPORTING) && !t.cap(k) {
                return named;
            }
            if t.is(k, class::SKIP | class::TITLE | class::TITLE_MOD) {
                k += 1;
                continue;
            }
            return false;
        }
        false
    }

    /// `was received by King Charles`, `put forward by Qatar and Egypt`: the agents of a
    /// passive verb, which are its real subjects.
    fn passive_agents(&self, s: &Sentence, maps: &Maps, h: &Hit, upper: usize) -> Vec<usize> {
        let t = s.t;
        let mut out = Vec::new();
        if t.word(h.t1) != "by" {
            return out;
        }
        let mut k = h.t1 + 1;
        while k < upper && k < h.t1 + 20 {
            let idxs = maps.starts_at(k);
            if !idxs.is_empty() {
                let end = idxs.iter().map(|&i| s.ms[i].t1).max().unwrap_or(k + 1);
                let party = idxs
                    .iter()
                    .copied()
                    .filter(|&i| s.ms[i].party() && !s.ms[i].possessive);
                out.extend(party);
                k = end.max(k + 1);
                if !matches!(t.word(k), "and" | ",") {
                    break;
                }
                continue;
            }
            if matches!(t.word(k), "and" | ",")
                || t.is(k, class::SKIP | class::TITLE | class::TITLE_MOD)
            {
                k += 1;
                continue;
            }
            break;
        }
        out
    }

    /// Party mentions right of a trigger, linked by one of its prepositions or as its object.
    fn right_scan(
        &self,
        s: &Sentence,
        maps: &Maps,
        trig: &Trigger,
        t1: usize,
        upper: usize,
    ) -> (Vec<usize>, bool, usize) {
        let t = s.t;
        let mut linked = trig.direct;
        let mut between = false;
        // Words left before the name that sends a delegation (`representatives of the
        // paramilitary RSF`).
        let mut sender = 0;
        let mut out = Vec::new();
        let mut k = t1;
        while k < upper && k < t1 + 30 {
            let idxs = maps.starts_at(k);
            if !idxs.is_empty() {
                let end = idxs.iter().map(|&i| s.ms[i].t1).max().unwrap_or(k + 1);
                let possessive = idxs.iter().any(|&i| s.ms[i].possessive);
                // `a delegation of Hamas`, `a delegation from Serbia`: the sender is a party,
                // not a place.
                let sent = sender > 0;
                sender = 0;
                let place = !sent && idxs.iter().any(|&i| s.ms[i].place);
                let party: Vec<usize> = idxs
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let m = &s.ms[i];
                        m.party() || (sent && !m.modifier && m.form != MForm::Adjective)
                    })
                    .collect();
                // `received Macron, and Macron later met Li`: a name before the next verb
                // opens a new clause.
                let mut j = end;
                while t.is(j, class::SKIP) {
                    j += 1;
                }
                let opens_clause = !out.is_empty()
                    && !possessive
                    && t.is_word(j)
                    && !t.cap(j)
                    && (t.is(j, class::REPORTING) || trigger_match(t, self.lex, j).is_some())
                    && (t.word(k.saturating_sub(1)) == "and" || t.word(k.saturating_sub(1)) == ",");
                if opens_clause {
                    break;
                }
                if place {
                    linked = false;
                } else if linked && !possessive && !party.is_empty() {
                    out.extend(party);
                }
                k = end.max(k + 1);
                if possessive && t.word(k) == "'s" {
                    k += 1;
                }
                continue;
            }
            let w = t.word(k);
            // `Hamas negotiators led by Khalil al-Hayya`, `a delegation from the army`: the
            // delegation's leader or sender is a party too.
            if linked && t.is(k, class::DELEGATE) {
                let next = t.word(k + 1);
                if matches!(next, "from" | "of") {
                    k += 2;
                    sender = 3;
                    continue;
                }
                if matches!(next, "led" | "headed") && t.word(k + 2) == "by" {
                    k += 3;
                    continue;
                }
            }
            if trig.preps.iter().any(|p| p == w) {
                linked = true;
                between |= w == "between";
                k += 1;
                continue;
            }
            // `met Israel's ambassador to the Holy See, Yaron Sideman`: the name after a
            // comma is who the title phrase described.
            if w == ","
                && out.is_empty()
                && trig.direct
                && (t1..k).any(|q| t.is(q, class::TITLE))
                && maps.starts_at(k + 1).iter().any(|&i| s.ms[i].party())
            {
                linked = true;
                k += 1;
                continue;
            }
            // A comma after unlinked words ends the phrase (…talks aimed at peace, with Kyiv…).
            if w == "," && !linked {
                break;
            }
            // `…to meet He Lifeng, Trump said`: a trailing speaker is no party.
            if w == "," && self.speaker_follows(s, maps, k + 1) {
                break;
            }
            // `met Starmer, who had flown in from London, and Macron`: skip the clause.
            if w == "," && matches!(t.word(k + 1), "who" | "which" | "whose") {
                match (k + 2..upper.min(k + 30)).find(|&q| t.word(q) == ",") {
                    Some(c) => {
                        k = c;
                        continue;
                    }
                    None => break,
                }
            }
            // `junta leader`, `opposition leader`: any word qualifying a title.
            if matches!(w, "and" | "or" | "," | "&" | "\"" | "'")
                || t.is(k, class::SKIP | class::TITLE | class::TITLE_MOD)
                || (t.is_word(k) && !t.cap(k) && t.is(k + 1, class::TITLE))
                // `President-elect`: a hyphen inside a word.
                || (w == "-" && !self.hard_boundary(s, k))
            {
                k += 1;
                continue;
            }
            // `hosted the prime ministers of Sweden and Norway — Ulf Kristersson and Jonas Gahr
            // Støre —`: after a dash, an apposition names the parties a title only described.
            if w == "-"
                && linked
                && out.is_empty()
                && maps.starts_at(k + 1).iter().any(|&i| s.ms[i].party())
            {
                k += 1;
                continue;
            }
            if self.hard_boundary(s, k) {
                break;
            }
            if sender > 1 && t.is_word(k) && !t.cap(k) {
                sender -= 1;
                k += 1;
                continue;
            }
            // `met the breakaway region's envoy Vitaly Ignatiev`: a possessive description
            // before a title.
            if linked && t.is_word(k) && !t.cap(k) {
                let apos = (k + 1..(k + 4).min(upper)).find(|&q| t.word(q) == "'s");
                if let Some(q) = apos.filter(|&q| {
                    (k..q).all(|x| t.is_word(x) && !t.cap(x))
                        && t.is(q + 1, class::TITLE | class::TITLE_MOD)
                }) {
                    k = q + 1;
                    continue;
                }
            }
            linked = false;
            k += 1;
        }
        (out, between, k)
    }

    /// `A meeting between X and Y, scheduled for Monday, was cancelled`: the predicate after
    /// a meeting noun (from token `k`) says it did not happen. Stops where another clause
    /// begins.
    fn called_off(&self, t: &crate::text::Tokens, k: usize) -> bool {
        for q in k..(k + 25).min(t.len()) {
            if t.is(q, class::CANCEL) {
                return t.word(q) != "called" || t.word(q + 1) == "off";
            }
            if matches!(
                t.word(q),
                ";" | "but" | "because" | "after" | "when" | "while" | "although" | "as" | "since"
            ) || (t.is_word(q) && t.is(q, class::TRIGGER_START | class::REPORTING))
            {
                return false;
            }
        }
        false
    }

    fn status(&self, s: &Sentence, trig: &Trigger, h: &Hit) -> Status {
        let t = s.t;
        // `would never accept the plan and demanded …`: a finite verb after `and` has a
        // polarity of its own; a bare one shares it (`did not meet and talk`).
        let finite = t.is(h.t0, class::PAST) || t.word(h.t0).ends_with("ed");
        let mut k = h.t0;
        let mut steps = 0;
        while k > 0 && steps < 5 {
            k -= 1;
            steps += 1;
            let w = t.word(k);
            if t.is(k, class::NEGATION) {
                return Status::Negated;
            }
            if w == ","
                || w == "but"
                || (w == "and" && finite)
                || self.hard_boundary(s, k) && !t.is(k, class::BOUNDARY)
            {
                break;
            }
        }
        if trig.relation == RelationKind::MetWith && trig.noun && self.called_off(t, h.t1) {
            return Status::Negated;
        }
        // `had been due to host both leaders`, `was supposed to meet`: a plan told in the
        // past perfect, or as an obligation, fell through.
        if trig.relation == RelationKind::MetWith
            && !trig.noun
            && h.t0 > 2
            && t.word(h.t0 - 1) == "to"
        {
            let plan = t.word(h.t0 - 2);
            let fell_through = (h.t0 > 3
                && t.word(h.t0 - 3) == "been"
                && t.word(h.t0 - 4) == "had"
                && matches!(
                    plan,
                    "due" | "expected" | "scheduled" | "set" | "supposed" | "meant"
                ))
                || (matches!(plan, "supposed" | "meant")
                    && matches!(t.word(h.t0 - 3), "was" | "were"));
            if fell_through {
                return Status::Negated;
            }
        }
        if trig.relation != RelationKind::MetWith {
            let modal = (h.t0.saturating_sub(2)..h.t0)
                .any(|k| matches!(t.word(k), "will" | "'ll" | "would" | "shall"));
            return if modal {
                Status::Planned
            } else {
                Status::Occurred
            };
        }
        if trig.planned || (!trig.noun && h.t0 > 0 && t.word(h.t0 - 1) == "to") {
            return Status::Planned;
        }
        // `an agreement before Ishiba and Trump meet in June`: a present tense after
        // `before` or `until` is still to come.
        if !trig.noun && !t.is(h.t0, class::PAST) && !t.word(h.t0).ends_with("ed") {
            let mut k = h.t0;
            while k > 0 && h.t0 - k < 8 {
                k -= 1;
                if matches!(t.word(k), "before" | "until" | "once") {
                    return Status::Planned;
                }
                if self.hard_boundary(s, k) || t.is(k, class::PAST) || t.word(k) == "," {
                    break;
                }
            }
        }
        let planned_word = |k: usize| t.is(k, class::PLANNED) && !(t.cap(k) && t.word(k) == "may");
        let mut k = h.t0;
        let mut steps = 0;
        while k > 0 && steps < 9 {
            k -= 1;
            steps += 1;
            if planned_word(k) {
                return Status::Planned;
            }
            let w = t.word(k);
            if matches!(w, "," | ";" | ":" | ".")
                || (w == "-" && self.hard_boundary(s, k))
                || t.is(k, class::PAST)
            {
                break;
            }
        }
        if trig.noun {
            let mut k = h.t1;
            while k < t.len() && k < h.t1 + 12 {
                if planned_word(k) {
                    return Status::Planned;
                }
                let w = t.word(k);
                // A comma inside a list of parties (the US, Russia and Ukraine) goes on.
                let in_list = w == "," && s.ms.iter().any(|m| m.t0 == k + 1 && m.party());
                if (matches!(w, "," | ";" | ":" | ".") && !in_list) || self.hard_boundary(s, k) {
                    break;
                }
                k += 1;
            }
        }
        Status::Occurred
    }

    fn mode(&self, s: &Sentence, trig: &Trigger, h: &Hit) -> Option<Mode> {
        let t = s.t;
        let lo = h.t0.saturating_sub(4);
        let hi = (h.t1 + 8).min(t.len());
        // Only a word that opens some cue can start one (punctuation has no word classes).
        let may_start = |k: usize| !t.is_word(k) || t.is(k, class::MODE_CUE);
        let has = |cues: &[Vec<String>]| {
            (lo..hi).filter(|&k| may_start(k)).any(|k| {
                cues.iter()
                    .any(|c| !c.is_empty() && c.iter().enumerate().all(|(o, w)| t.word(k + o) == w))
            })
        };
        if trig.phone || has(&self.lex.phone_cues) {
            Some(Mode::Phone)
        } else if trig.in_person || has(&self.lex.in_person_cues) {
            Some(Mode::InPerson)
        } else {
            None
        }
    }

    /// The entity a party mention stands for: pronoun alternatives avoid `avoid`, a capital
    /// named as an actor stands for its country.
    fn party_ent(
        &self,
        s: &Sentence,
        doc: &mut DocState,
        mi: usize,
        avoid: &[usize],
    ) -> Option<usize> {
        let m = s.ms.get(mi)?;
        let mut ent = m.ent;
        if avoid.contains(&ent) {
            ent = m.alts.iter().copied().find(|e| !avoid.contains(e))?;
        }
        let e = doc.ents.get(ent)?;
        if !matches!(
            e.kind,
            EntityKind::Person | EntityKind::Org | EntityKind::Gpe
        ) {
            return None;
        }
        let capital_of = self.gaz.entry(e.gaz).and_then(|g| g.capital_of.clone());
        if let Some(country) = capital_of {
            if let Some(&ci) = self.gaz.by_id.get(&country) {
                if let Some(c) = doc.gaz_entity(self.gaz, ci) {
                    if doc.ents.get(c).is_some_and(|x| x.mentions == 0) {
                        doc.mention(c, "");
                    }
                    return Some(c);
                }
            }
        }
        Some(ent)
    }

    fn determiner(&self, s: &Sentence, t0: usize) -> Option<bool> {
        let mut k = t0;
        for _ in 0..4 {
            if k == 0 {
                return None;
            }
            k -= 1;
            let w = s.t.word(k);
            if s.t.is(k, class::DEFINITE) || w == "'s" {
                return Some(true);
            }
            if s.t.is(k, class::INDEFINITE) {
                return Some(false);
            }
            // `the talks while meeting Netanyahu`: a conjunction, a preposition or another
            // trigger between them puts the determiner in another phrase.
            if self.hard_boundary(s, k)
                || w == ","
                || s.t.is(k, class::PLACE_PREP)
                || matches!(
                    w,
                    "while"
                        | "when"
                        | "as"
                        | "and"
                        | "or"
                        | "but"
                        | "after"
                        | "before"
                        | "since"
                        | "during"
                        | "by"
                        | "to"
                        | "with"
                        | "for"
                        | "of"
                )
                || trigger_match(s.t, self.lex, k).is_some()
            {
                return None;
            }
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn met_with(
        &self,
        s: &Sentence,
        doc: &mut DocState,
        trig: &Trigger,
        h: &Hit,
        subjects: &[usize],
        objects: &[usize],
        between: bool,
        prev_pair: Option<(usize, usize)>,
    ) -> Outcome {
        let status = self.status(s, trig, h);
        let mode = self.mode(s, trig, h);
        let mut oc = Outcome {
            status: Some(status),
            mode,
            conf: 0.85,
            ..Outcome::default()
        };
        let mut subj: Vec<usize> = Vec::new();
        // In text order, so the first named party is the subject.
        let mut ordered: Vec<usize> = subjects.to_vec();
        ordered.sort_by_key(|&i| s.ms[i].t0);
        for &mi in &ordered {
            if let Some(e) = self.party_ent(s, doc, mi, &[]) {
                if !subj.contains(&e) {
                    subj.push(e);
                }
            }
        }
        let mut obj: Vec<usize> = Vec::new();
        for &mi in objects {
            if let Some(e) = self.party_ent(s, doc, mi, &subj) {
                if !obj.contains(&e) && (between || !subj.contains(&e)) {
                    obj.push(e);
                }
            }
        }
        // `visited Lula`, not `visited China`: a visit meets people, not places.
        if trig.person_or_org {
            let visitable = |e: &usize| {
                doc.ents.get(*e).is_some_and(|d| match d.kind {
                    EntityKind::Person => true,
                    EntityKind::Org => !self.gaz.is_building(d.gaz),
                    _ => false,
                })
            };
            subj.retain(visitable);
            obj.retain(visitable);
            // `visited NATO headquarters`: an organisation qualifying a noun names a place.
            let qualifies = objects.iter().any(|&mi| {
                let k = s.ms[mi].t1;
                doc.ents
                    .get(s.ms[mi].ent)
                    .is_some_and(|e| e.kind == EntityKind::Org)
                    && s.t.is_word(k)
                    && !s.t.cap(k)
                    && !s.t.is(k, class::STOP | class::REPORTING)
            });
            if qualifies {
                obj.clear();
            }
        }
        let uses_reference = subjects
            .iter()
            .chain(objects)
            .any(|&i| matches!(s.ms[i].form, MForm::Pronoun | MForm::Description));
        if uses_reference {
            oc.conf -= 0.15;
        }
        // `held separate talks with Borrell`, `met separately`: each subject met the others
        // on their own.
        let separate = (h.t0.saturating_sub(3)..h.t1 + 2).any(|k| s.t.is(k, class::SEPARATE));
        let multi = !separate
            && (trig.multi || (h.t0.saturating_sub(3)..h.t0).any(|k| s.t.is(k, class::MULTI)));
        let all_pairs = |v: &[usize]| {
            let mut p = Vec::new();
            for (i, &a) in v.iter().enumerate() {
                for &b in &v[i + 1..] {
                    if a != b {
                        p.push((a, Some(b)));
                    }
                }
            }
            p
        };
        if between && obj.len() >= 2 {
            oc.pairs = all_pairs(&obj);
        } else if !obj.is_empty() && !subj.is_empty() {
            // Co-subjects of a reciprocal verb met each other too; co-hosts need not have.
            let reciprocal = !separate && (trig.noun || trig.preps.iter().any(|p| p == "with"));
            if multi || (subj.len() >= 2 && reciprocal) {
                let mut all = subj.clone();
                all.extend(obj.iter().copied().filter(|e| !subj.contains(e)));
                oc.pairs = all_pairs(&all);
            } else {
                for &a in &subj {
                    for &b in &obj {
                        if a != b {
                            oc.pairs.push((a, Some(b)));
                        }
                    }
                }
                // One host with several guests brought them together; co-hosts, such as
                // mediators, may have kept them apart.
                if trig.guests && subj.len() == 1 && obj.len() >= 2 {
                    oc.pairs.extend(all_pairs(&obj));
                }
            }
        } else if subj.len() >= 2
            && !separate
            && (trig.noun || trig.preps.iter().any(|p| p == "with"))
        {
            // Only a reciprocal verb (meet, talk) joins its subjects: hosts need guests.
            oc.pairs = all_pairs(&subj);
        } else if trig.noun {
            match self.determiner(s, h.t0) {
                Some(true) => oc.anaphor = true,
                Some(false) => {
                    if let Some((a, b)) = prev_pair {
                        oc.pairs.push((a, Some(b)));
                        oc.conf = 0.6;
                    } else if let (Some(&a), Some(end)) =
                        (subj.first(), subjects.iter().map(|&i| s.ms[i].t1).max())
                    {
                        // `Putin told Trump in a phone call`: the party addressed before it.
                        let addressed =
                            s.ms.iter()
                                .enumerate()
                                .filter(|(_, m)| {
                                    m.t0 >= end && m.t1 <= h.t0 && m.party() && !m.possessive
                                })
                                .find_map(|(i, _)| self.party_ent(s, doc, i, &subj));
                        if let Some(b) = addressed.filter(|&b| b != a) {
                            oc.pairs.push((a, Some(b)));
                            oc.conf = 0.6;
                        }
                    }
                }
                None => {}
            }
        }
        // A leader does not meet the country they lead (`Trump` and `the United States`).
        oc.pairs
            .retain(|&(a, b)| b.is_none_or(|b| !self.leads(doc, a, b) && !self.leads(doc, b, a)));
        oc
    }

    /// Whether entity `person` holds an office of the country `country`, by the gazetteer.
    fn leads(&self, doc: &DocState, person: usize, country: usize) -> bool {
        let (Some(p), Some(c)) = (doc.ents.get(person), doc.ents.get(country)) else {
            return false;
        };
        self.gaz
            .entry(p.gaz)
            .is_some_and(|g| g.roles.iter().any(|(_, of)| *of == c.id))
    }

    fn demand_or_proposal(
        &self,
        s: &Sentence,
        doc: &mut DocState,
        trig: &Trigger,
        h: &Hit,
        subjects: &[usize],
        objects: &[usize],
    ) -> Outcome {
        let t = s.t;
        let lex = self.lex;
        let none = Outcome::default();
        let n = t.len();
        if trig.want {
            if t.toks[h.t0].quoted {
                return none;
            }
            let after = |k: usize| t.word(k);
            let excluded = lex
                .want_exclude
                .iter()
                .any(|p| p.iter().enumerate().all(|(o, w)| after(h.t1 + o) == w));
            if excluded {
                return none;
            }
        }
        // `offered no details`: nothing is proposed.
        if matches!(t.word(h.t1), "no" | "nothing") {
            return none;
        }
        let window = |bit: u32, len: usize| (h.t1..(h.t1 + len).min(n)).any(|k| t.is(k, bit));
        // `insisted that the rules be loosened`: a subjunctive `be` is as good as a modal.
        let subjunctive = || {
            (h.t1..(h.t1 + 15).min(n)).any(|k| {
                t.word(k) == "be"
                    && k > 0
                    && !matches!(
                        t.word(k - 1),
                        "to" | "will" | "would" | "could" | "can" | "may" | "might" | "'ll" | "not"
                    )
            })
        };
        // A verb in its bare form, as after a subject in a mandative clause.
        let bare = |verb_at: usize| {
            let w = t.word(verb_at);
            let third_person = w.ends_with('s') && !w.ends_with("ss");
            let past = w.ends_with("ed");
            t.is_word(verb_at)
                && !t.cap(verb_at)
                && !third_person
                && !past
                && !matches!(
                    w,
                    "will"
                        | "would"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "did"
                        | "do"
                        | "had"
                        | "were"
                        | "not"
                        | "never"
                        | "always"
                        | "already"
                        | "also"
                        | "still"
                        | "and"
                        | "or"
                        | "to"
                        | "in"
                        | "of"
                        | "on"
                        | "at"
                        | "for"
                        | "with"
                        | "by"
                        | "from"
                        | "that"
                        | "who"
                        | "which"
                        | "lost"
                        | "won"
                        | "made"
                        | "took"
                        | "sent"
                        | "knew"
                        | "saw"
                        | "got"
                        | "gave"
                )
        };
        // `insisted that Armenia amend its constitution`, `insisted that Cambodian troops pull
        // back`: a bare verb after the subject.
        let mandative = || {
            let mut k = if t.word(h.t1.saturating_sub(1)) == "that" {
                h.t1
            } else if t.word(h.t1) == "that" {
                h.t1 + 1
            } else {
                return false;
            };
            while t.is(k, class::SKIP) {
                k += 1;
            }
            // The subject: a name, or a short common noun phrase (`the returns begin`).
            let verb_at = match s.ms.iter().find(|m| m.t0 == k && !m.possessive) {
                Some(m) if m.form != MForm::Adjective => m.t1,
                _ if k > 0
                    && t.is(k - 1, class::DEFINITE)
                    && t.is_word(k)
                    && !t.cap(k)
                    && bare(k + 1) =>
                {
                    k + 1
                }
                _ => {
                    // A plural noun phrase (`its own troops, deployed in Somalia, remain`):
                    // the bare verb follows the first plural noun, past an apposition.
                    let Some(noun) = (k..(k + 5).min(n)).find(|&q| {
                        t.is_word(q)
                            && !t.cap(q)
                            && t.word(q).len() > 3
                            && t.word(q).ends_with('s')
                            && !t.word(q).ends_with("ss")
                    }) else {
                        return false;
                    };
                    let mut v = noun + 1;
                    if t.word(v) == "," {
                        match (v + 1..(v + 12).min(n)).find(|&q| t.word(q) == ",") {
                            Some(c) => v = c + 1,
                            None => return false,
                        }
                    }
                    v
                }
            };
            bare(verb_at)
        };
        if trig.deontic && !window(class::DEONTIC, 15) && !subjunctive() && !mandative() {
            return none;
        }
        if trig.needs_plan && !window(class::PLAN_NOUN, 20) {
            return none;
        }
        if trig.gerund && !(t.is_word(h.t1) && t.word(h.t1).ends_with("ing")) {
            return none;
        }
        if trig.not_before_for && t.word(h.t1) == "for" {
            return none;
        }
        // `challenged Putin to come to Turkey`: the object is asked to act.
        if trig.to_clause
            && !(h.t1..(h.t1 + 8).min(n)).any(|k| {
                t.word(k) == "to"
                    && t.is_word(k + 1)
                    && !t.cap(k + 1)
                    && !t.word(k + 1).ends_with("ing")
            })
        {
            return none;
        }
        // `a proposed ceasefire`: a participle, not a proposal by anyone.
        if !trig.noun
            && h.t0 > 0
            && t.is(h.t0 - 1, class::DEFINITE | class::INDEFINITE)
            && t.word(h.t0 - 1) != "that"
        {
            return none;
        }
        if !trig.noun && h.t0 > 0 {
            let mut k = h.t0 - 1;
            while k > 0
                && matches!(
                    t.word(k),
                    "also" | "already" | "reportedly" | "first" | "not" | "never" | "n't"
                )
            {
                k -= 1;
            }
            if t.is(k, class::PASSIVE_AUX) && !h.passive {
                return none;
            }
        }
        let Some(&first) = subjects.first() else {
            return none;
        };
        if trig.noun && !s.ms[first].possessive {
            return none;
        }
        let Some(subject) = self.party_ent(s, doc, first, &[]) else {
            return none;
        };
        // `Egypt and Saudi Arabia have offered`: every coordinated subject acts.
        let mut subjects_all = vec![subject];
        let far = subjects.iter().map(|&i| s.ms[i].t0).min().unwrap_or(0);
        let near = subjects.iter().map(|&i| s.ms[i].t0).max().unwrap_or(0);
        let joined = (far..near).any(|k| matches!(t.word(k), "and" | "&"));
        if !trig.noun && joined {
            for &mi in subjects.iter().skip(1) {
                let m = &s.ms[mi];
                if m.form == MForm::Name && !m.possessive {
                    if let Some(e) = self.party_ent(s, doc, mi, &subjects_all) {
                        if !subjects_all.contains(&e) {
                            subjects_all.push(e);
                        }
                    }
                }
            }
        }
        subjects_all.reverse();
        let object = objects
            .first()
            .and_then(|&mi| self.party_ent(s, doc, mi, &subjects_all))
            .filter(|o| !subjects_all.contains(o));
        let start = t.toks.get(h.t1).map(|x| x.start);
        let end = (h.t1..n)
            .find(|&k| matches!(t.word(k), ";"))
            .and_then(|k| t.toks.get(k))
            .map(|x| x.start)
            .unwrap_or(s.bytes.1);
        let content = start.and_then(|st| s.text.get(st..end.max(st))).map(|c| {
            let c = c
                .trim()
                .trim_end_matches(['.', ',', ';', ':', '"', '\u{201D}'])
                .trim();
            match c.char_indices().nth(300) {
                Some((i, _)) => format!("{}…", &c[..i]),
                None => c.to_string(),
            }
        });
        let mut content_ents = Vec::new();
        for m in s.ms {
            if m.t0 >= h.t1
                && matches!(m.form, MForm::Name | MForm::Adjective | MForm::Demonym)
                && !content_ents.contains(&m.ent)
            {
                content_ents.push(m.ent);
            }
        }
        let status = self.status(s, trig, h);
        let mut conf = if trig.want { 0.6 } else { 0.8 };
        if matches!(s.ms[first].form, MForm::Pronoun | MForm::Description) {
            conf -= 0.15;
        }
        // Wanting a meeting, or to meet, is seeking to arrange one.
        let wants_meeting = trig.want
            && (h.t1..(h.t1 + 4).min(n)).any(|k| {
                trigger_match(t, lex, k)
                    .and_then(|(p, _)| lex.triggers.get(p))
                    .is_some_and(|x| x.relation == RelationKind::MetWith)
            });

        Outcome {
            kind: wants_meeting.then_some(RelationKind::Proposed),
            pairs: subjects_all.iter().map(|&a| (a, object)).collect(),
            status: Some(status),
            anaphor: false,
            conf,
            content: content.filter(|c| !c.is_empty()),
            content_ents,
            mode: None,
        }
    }
}

/// `NEWSGRAPH_DEBUG` set: trace each trigger on stderr. Read once, not per trigger.
fn debug_enabled() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("NEWSGRAPH_DEBUG").is_some())
}

/// The meeting a definite `the meeting` refers to: the latest with the same status, else the latest.
fn anaphor_target(out: &[RelMention], status: Status) -> Option<&RelMention> {
    let met = || out.iter().rev().filter(|r| r.kind == RelationKind::MetWith);
    met().find(|r| r.status == status).or_else(|| met().next())
}
