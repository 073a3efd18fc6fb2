//! What each kind of relation makes of its parties: the pairs of a meeting, the subject,
//! addressee and content of a demand or proposal.

use super::{first_person_before, Hit, Maps, Outcome, RelationFinder, Sentence};
use crate::doc::DocState;
use crate::lexicon::{class, Trigger};
use crate::model::{EntityKind, Mode, RelationKind, Status};
use crate::recognise::{trigger_match, MForm, Mention};
use crate::text::Tokens;

impl RelationFinder<'_> {
    /// Whether two persons serve one country, as the text or the gazetteer tells.
    fn same_side(&self, doc: &DocState, a: usize, b: usize) -> bool {
        let home = |e: usize| {
            doc.country_of(e)
                .and_then(|c| doc.ents.get(c))
                .map(|c| c.id.as_str())
                .or_else(|| {
                    let g = self.gaz.entry(doc.ents.get(e)?.gaz)?;
                    let mut countries = g.roles.iter().map(|(_, c)| c.as_str());
                    let first = countries.next()?;
                    countries.all(|c| c == first).then_some(first)
                })
        };
        let persons = [a, b]
            .iter()
            .all(|&e| doc.kind(e) == Some(EntityKind::Person));
        persons && home(a).is_some_and(|x| home(b) == Some(x))
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn met_with(
        &self,
        s: &Sentence,
        doc: &mut DocState,
        trig: &Trigger,
        h: &Hit,
        subjects: &[usize],
        objects: &[usize],
        between: bool,
        prev_pair: Option<(usize, usize, bool)>,
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
        // `Two of Trump's closest envoys shuttled`: a person's envoys or aides act, not the
        // person (a country acts through its own).
        ordered.retain(|&mi| {
            let m = &s.ms[mi];
            let agent = |q: usize| {
                s.t.is(q, class::TITLE | class::DELEGATE) || s.t.id_in(q, &self.lex.agent_plurals)
            };
            !(m.possessive
                && doc.kind(m.ent) == Some(EntityKind::Person)
                && (m.t1 + 1..h.t0.min(m.t1 + 6)).any(agent))
        });
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
                doc.kind(s.ms[mi].ent) == Some(EntityKind::Org)
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
            && (trig.multi
                || (h.t0.saturating_sub(4)..h.t0).any(|k| {
                    s.t.is(k, class::MULTI)
                        && self.lex.multi_cues.iter().any(|c| {
                            k + c.len() <= h.t0
                                && c.iter().enumerate().all(|(o, w)| s.t.word(k + o) == w)
                        })
                }));
        if between && obj.len() >= 2 && separate && !(trig.noun && subj.is_empty()) {
            // `shuttled between the two delegations`: met each, and they did not meet.
            // (Not `a separate meeting between A and B`: another meeting, between them.)
            for &a in &subj {
                oc.pairs
                    .extend(obj.iter().filter(|&&b| b != a).map(|&b| (a, Some(b))));
            }
        } else if between && obj.len() >= 2 {
            // `Fidan chaired two rounds of talks between A and B`: the chair met both.
            let chaired = (h.t0.saturating_sub(6)..h.t0)
                .rev()
                .take_while(|&k| s.t.is_word(k))
                .any(|k| s.t.id_in(k, &self.lex.chair_verbs));
            let mut all = if chaired { subj.clone() } else { Vec::new() };
            for &e in &obj {
                if !all.contains(&e) {
                    all.push(e);
                }
            }
            oc.pairs = all_pairs(&all);
        } else if multi && subj.is_empty() && obj.len() >= 2 {
            // `The meeting brought together A, B and C`: a meeting as the subject.
            oc.pairs = all_pairs(&obj);
        } else if !obj.is_empty() && !subj.is_empty() {
            // Co-subjects of a reciprocal verb met each other too; co-hosts need not have.
            let reciprocal = !separate && (trig.noun || trig.preps.iter().any(|p| p == "with"));
            if multi || (subj.len() >= 2 && reciprocal) {
                let mut all = subj.clone();
                all.extend(obj.iter().copied().filter(|e| !subj.contains(e)));
                oc.pairs = all_pairs(&all);
                // (`Witkoff and Kushner met the crown prince`: two of one side, who met
                // someone else, came together.)
                oc.pairs.retain(|&(a, b)| {
                    !(subj.contains(&a)
                        && b.is_some_and(|b| subj.contains(&b) && self.same_side(doc, a, b)))
                });
            } else {
                for &a in &subj {
                    for &b in &obj {
                        if a != b {
                            oc.pairs.push((a, Some(b)));
                        }
                    }
                }
                // One host with several guests brought them together, as did one meeting
                // with several others (`after a meeting with A and B`); co-hosts, such as
                // mediators, may have kept them apart.
                // (Persons named: not `a session with Egyptian and Qatari mediators`.)
                let one_meeting = trig.noun
                    && !s.t.word(h.t1 - 1).ends_with('s')
                    && !(h.t0.saturating_sub(2)..h.t0).any(|k| s.t.word(k) == "bilateral")
                    && obj.iter().all(|&e| doc.kind(e) == Some(EntityKind::Person));
                let one_list = oc.status != Some(Status::Negated)
                    && self.one_list(s, doc, h, objects, &obj, mode);
                if (trig.guests || one_meeting || one_list) && subj.len() == 1 && obj.len() >= 2 {
                    oc.pairs.extend(all_pairs(&obj));
                }
                // (`A and B were hosted by C`: so were guests named before a passive.)
                if trig.guests && h.passive && obj.len() == 1 && subj.len() >= 2 {
                    oc.pairs.extend(all_pairs(&subj));
                }
            }
        } else if subj.len() >= 2
            // (`Motegi and Cho held separate talks`: two who met apart from the others.)
            && (!separate || subj.len() == 2)
            && (trig.noun || trig.preps.iter().any(|p| p == "with"))
        {
            // Only a reciprocal verb (meet, talk) joins its subjects: hosts need guests.
            oc.pairs = all_pairs(&subj);
        } else if trig.noun {
            match self.determiner(s, h.t0) {
                Some(true) => {
                    oc.anaphor = true;
                    // Not `attending his first Mercosur summit`: being at the same summit
                    // or conference is no meeting with everyone there.
                    if self.joined(s, h.t0) && !s.t.is(h.t0, class::EVENT_SUFFIX) {
                        // (`Joining the meeting are A and B`: named after it.)
                        oc.joiners = if subj.is_empty() {
                            obj.clone()
                        } else {
                            subj.clone()
                        };
                    } else if let Some(joiners) = self.joined_party(s, h.t0) {
                        oc.joiners = joiners;
                    }
                }
                Some(false) => {
                    // `a possible meeting between their leaders`: others than the pair.
                    let theirs = s.t.word(h.t1) == "between"
                        && matches!(s.t.word(h.t1 + 1), "their" | "the");
                    // `due to host von der Leyen for a separate session`, `saw no point in
                    // such a meeting`: the meeting this sentence already stated, with its
                    // status, is nothing new; `floated an idea to Witkoff during a recent
                    // meeting`: a demand's or proposal's parties met.
                    // `pressed the EU at a summit in Brussels`: a summit or conference is
                    // where many gather, so pressing someone there is no meeting with them.
                    // (`at a Commonwealth summit`: past a name qualifying it.)
                    let gathering = s.t.is(h.t0, class::EVENT_SUFFIX)
                        && (h.t0.saturating_sub(4)..h.t0).any(|k| s.t.word(k) == "at");
                    // (Not `for a three-way summit`: a purpose is still to come.)
                    let purpose = (h.t0.saturating_sub(6)..h.t0).any(|k| s.t.word(k) == "for");
                    let prev = prev_pair.filter(|_| !theirs && !gathering && !purpose);
                    if let Some((a, b, met)) = prev {
                        if !met {
                            oc.pairs.push((a, Some(b)));
                            oc.conf = 0.6;
                        }
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
    pub(super) fn leads(&self, doc: &DocState, person: usize, country: usize) -> bool {
        let (Some(p), Some(c)) = (doc.ents.get(person), doc.ents.get(country)) else {
            return false;
        };
        self.gaz
            .entry(p.gaz)
            .is_some_and(|g| g.roles.iter().any(|(_, of)| *of == c.id))
    }

    /// `talks in Doha mediated by Qatar and Turkey`, `talks between A and B, mediated by C`:
    /// whoever hosted or mediated the meeting, named after its parties or place, met its
    /// parties, and co-mediators each other.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn mediators(
        &self,
        s: &Sentence,
        doc: &mut DocState,
        maps: &Maps,
        h: &Hit,
        objects: &[usize],
        upper: usize,
        oc: &mut Outcome,
    ) {
        let after = Hit {
            t1: objects
                .iter()
                .map(|&i| s.ms[i].t1)
                .max()
                .unwrap_or(h.t1)
                .max(h.t1),
            ..*h
        };
        let agents: Vec<usize> = self
            .event_agents(s, maps, &after, upper)
            .into_iter()
            .filter_map(|mi| self.party_ent(s, doc, mi, &[]))
            .collect();
        let mut parties = parties_of(&oc.pairs);
        if !parties.is_empty() && agents.len() > 1 {
            for &g in &agents {
                if !parties.contains(&g) {
                    parties.push(g);
                }
            }
        }
        for &g in &agents {
            for &p in parties.iter().filter(|&&p| p != g) {
                let known = oc
                    .pairs
                    .iter()
                    .any(|&(a, b)| (a == g && b == Some(p)) || (a == p && b == Some(g)));
                if !known {
                    oc.pairs.push((g, Some(p)));
                }
            }
        }
        // `A and B boycotted the council meeting convened by C`: those who stayed away did
        // not meet its convener; they did not fail to meet each other.
        let stayed_away =
            (h.t0.saturating_sub(6)..h.t0).any(|k| s.t.is(k, class::NEGATION) && s.t.past_form(k));
        if stayed_away && !agents.is_empty() {
            oc.pairs
                .retain(|&(a, b)| agents.contains(&a) || b.is_some_and(|b| agents.contains(&b)));
        }
    }

    /// `a meeting at which Chapo and the leaders of the parties, including Momade and
    /// Simango, signed a commitment`: those the clause tells acted at the meeting met.
    pub(super) fn at_which(&self, s: &Sentence, doc: &DocState, h: &Hit, oc: &mut Outcome) {
        let t = s.t;
        let n = t.len();
        let from = match (t.word(h.t1), t.word(h.t1 + 1)) {
            ("at" | "in", "which") => h.t1 + 2,
            (",", "where") => h.t1 + 2,
            _ => return,
        };
        // The clause's subjects run to its verb: a lower-case word in the past after a name
        // or a comma.
        let verb = (from..(from + 30).min(n)).find(|&k| {
            t.is_word(k)
                && !t.cap(k)
                && t.past_form(k)
                && (t.word(k - 1) == "," || s.ms.iter().any(|m| m.t1 == k))
        });
        let Some(verb) = verb else {
            return;
        };
        let mut people: Vec<usize> = Vec::new();
        for m in s.ms.iter().filter(|m| m.t0 >= from && m.t1 <= verb) {
            let person = doc.kind(m.ent) == Some(EntityKind::Person);
            if m.party() && m.form == MForm::Name && person && !people.contains(&m.ent) {
                people.push(m.ent);
            }
        }
        oc.pairs.extend(all_pairs(&people));
    }

    /// `A meeting of the border committee, co-chaired by A and B, is due`: those who chair
    /// or host a meeting together meet (brokers of talks need not have), with the status of
    /// the clause after the apposition.
    pub(super) fn co_chairs(
        &self,
        s: &Sentence,
        doc: &mut DocState,
        maps: &Maps,
        trig: &Trigger,
        h: &Hit,
        oc: &mut Outcome,
    ) {
        let t = s.t;
        let n = t.len();
        if !(h.t1..(h.t1 + 20).min(n)).any(|k| t.word(k) == "co" && t.word(k + 1) == "-") {
            return;
        }
        // The complement of the meeting noun runs to the comma (`of the border committee,`).
        let k = (h.t1..(h.t1 + 8).min(n))
            .find(|&k| t.word(k) == "," || self.hard_boundary(s, k))
            .filter(|&k| t.word(k) == ",")
            .unwrap_or(h.t1);
        let mut agents = self.event_agents(s, maps, &Hit { t1: k, ..*h }, n);
        let close = agents.iter().map(|&i| s.ms[i].t1).max().unwrap_or(h.t1);
        // `, were also attended by C`: those who attended met the chairs.
        if !agents.is_empty() && t.word(close) == "," {
            agents.extend(self.event_agents(s, maps, &Hit { t1: close, ..*h }, n));
        }
        if t.word(close) == "," {
            oc.status = Some(self.status(
                s,
                trig,
                &Hit {
                    t1: close + 1,
                    ..*h
                },
            ));
        }
        let mut chairs: Vec<usize> = Vec::new();
        for mi in agents {
            if let Some(e) = self.party_ent(s, doc, mi, &[]) {
                if !chairs.contains(&e) {
                    chairs.push(e);
                }
            }
        }
        oc.pairs.extend(all_pairs(&chairs));
    }

    pub(super) fn demand_or_proposal(
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
            // Inside quotes a wish is a demand only when the speaker's side asks a party to
            // act or for a deal: `"We want the Georgian government to reverse course"`, `"We
            // want an agreement that recognizes the drought"`; not `"Now we want trucks"`.
            let asks = || {
                let party_asked =
                    s.ms.iter()
                        .any(|m| m.party() && m.t0 >= h.t1 && m.t0 < h.t1 + 4 && !m.possessive);
                (party_asked && to_clause_follows(t, h))
                    || (h.t1..(h.t1 + 3).min(n)).any(|k| t.is(k, class::PLAN_NOUN))
            };
            if t.toks()[h.t0].quoted && !(h.t0 > 0 && t.word(h.t0 - 1) == "we" && asks()) {
                return none;
            }
            let after = |k: usize| t.word(k);
            // (`wanted to be paid in cash`: a passive infinitive wants something done.)
            let done = |k: usize| {
                t.is_word(k) && !t.cap(k) && (t.past_form(k) || t.id_in(k, &lex.participles))
            };
            let excluded = lex.want_exclude.iter().any(|p| {
                p.iter().enumerate().all(|(o, w)| after(h.t1 + o) == w) && !done(h.t1 + p.len())
            });
            if excluded {
                return none;
            }
        }
        // `an official who asked not to be named`: anonymity, no demand.
        if t.word(h.t1) == "not" && t.word(h.t1 + 1) == "to" && t.word(h.t1 + 2) == "be" {
            return none;
        }
        // `offered no details`: nothing is proposed; `will raise no further demands`: none
        // is made.
        let before = t.back_over(h.t0, 0, &["further", "new", "more", "other"]);
        if matches!(t.word(h.t1), "no" | "nothing") || t.word(before.wrapping_sub(1)) == "no" {
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
            // (`insisted that the site met all standards`: an irregular past asserts.)
            let past = t.past_form(verb_at);
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
            // `insisted again this week that …`: a few words may come before `that`.
            // (`insisted in Abu Dhabi that`: past where.)
            let placed = |k: usize| s.ms.iter().any(|m| m.place && m.t0 <= k && k < m.t1);
            let that = (h.t1.saturating_sub(1)..(h.t1 + 7).min(n))
                .take_while(|&k| (t.is_word(k) && !t.cap(k)) || placed(k))
                .find(|&k| t.word(k) == "that");
            // (`Moscow insists Ukraine withdraw`: or a name right after the verb.)
            let name_next = s.ms.iter().any(|m| m.t0 == h.t1 && !m.possessive);
            let Some(mut k) = that.map(|q| q + 1).or_else(|| name_next.then_some(h.t1)) else {
                return false;
            };
            while t.is(k, class::SKIP) {
                k += 1;
            }
            // The subject: a name, or a short common noun phrase (`the returns begin`).
            let named = |k: usize| s.ms.iter().find(|m| m.t0 == k && !m.possessive);
            // (`that Fiji and Samoa agree`: names joined by `and`; `that Pacific leaders
            // agree`: a name before a plural noun.)
            let plural_at = |q: usize| {
                t.is_word(q)
                    && !t.cap(q)
                    && t.word(q).len() > 3
                    && t.word(q).ends_with('s')
                    && !t.word(q).ends_with("ss")
            };
            let verb_at = match named(k) {
                Some(m) if m.form != MForm::Adjective || plural_at(m.t1) => {
                    let mut end = m.t1;
                    if t.word(end) == "and" {
                        if let Some(m2) = named(end + 1) {
                            end = m2.t1;
                        }
                    }
                    if plural_at(end) {
                        end += 1;
                    }
                    end
                }
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
                    let Some(noun) = (k..(k + 5).min(n)).find(|&q| plural_at(q)) else {
                        return false;
                    };
                    let mut v = noun + 1;
                    if t.word(v) == "," {
                        match (v + 1..(v + 12).min(n)).find(|&q| t.word(q) == ",") {
                            Some(c) => v = c + 1,
                            None => return false,
                        }
                    } else if matches!(t.word(v), "with" | "of" | "in" | "from" | "between") {
                        // `contacts with Russia resume`: past a named complement.
                        let named = s.ms.iter().filter(|m| m.t0 == v + 1 || m.t0 == v + 2);
                        if let Some(end) = named.map(|m| m.t1).max() {
                            v = end;
                        }
                    }
                    v
                }
            };
            bare(verb_at)
        };
        // `insisted that Baku will not sign until the change is made`: a refusal until a
        // condition is met asks for it.
        // `insisted the men will be released only once the truce has held`: so does a
        // promise with a condition.
        let conditional_refusal = || {
            (h.t1..(h.t1 + 15).min(n)).any(|k| {
                (matches!(t.word(k), "until" | "unless")
                    && (h.t1..k).any(|q| t.is(q, class::NEGATION)))
                    || (k > 0
                        && t.word(k - 1) == "only"
                        && matches!(t.word(k), "once" | "if" | "after" | "when"))
            })
        };
        let firm = || {
            trig.firm
                && (h.t1..(h.t1 + 15).min(n))
                    .take_while(|&k| !matches!(t.word(k), ";" | ":"))
                    .any(|k| matches!(t.word(k), "will" | "would" | "'ll"))
        };
        if trig.deontic
            && !window(class::DEONTIC, 15)
            && !firm()
            && !subjunctive()
            && !mandative()
            && !conditional_refusal()
        {
            return none;
        }
        if trig.needs_plan && !window(class::PLAN_NOUN, 20) {
            return none;
        }
        // `suggested extending …`, a mandative clause (`suggested that contacts with Russia
        // resume`), or a plan named right after (`suggested joint patrols`, `suggested a
        // joint technical study`).
        // (`suggested a lower-profile channel`: past a hyphenated modifier.)
        let plan_next = || {
            (h.t1..(h.t1 + 6).min(n))
                .take_while(|&k| (t.is_word(k) && !t.cap(k)) || t.word(k) == "-")
                .any(|k| t.is(k, class::PLAN_NOUN))
        };
        let gerund_next = t.is_word(h.t1) && t.word(h.t1).ends_with("ing");
        if trig.gerund && !(gerund_next || mandative() || plan_next()) {
            return none;
        }
        if trig.not_before.iter().any(|w| w == t.word(h.t1)) {
            return none;
        }
        let meeting_at = |k: usize| {
            trigger_match(t, lex, k)
                .and_then(|(p, _)| lex.triggers.get(p))
                .is_some_and(|x| x.relation == RelationKind::MetWith)
        };
        // `asked Putin for guarantees`: asking someone for something demands it; asking for
        // a meeting proposes one.
        let asked_for = (!trig.noun)
            .then(|| {
                (h.t1..(h.t1 + 6).min(n))
                    .take_while(|&k| !matches!(t.word(k), "," | ";" | "to"))
                    .find(|&k| t.word(k) == "for" && k > h.t1)
            })
            .flatten();
        let asked_for_meeting = asked_for.is_some_and(|f| (f + 1..(f + 4).min(n)).any(meeting_at));
        // `challenged Putin to come to Turkey`: the object is asked to act.
        if trig.to_clause
            && !to_clause_follows(t, h)
            && !(asked_for.is_some() && trig.relation == RelationKind::Demanded)
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
            // `was proposed`, `was put forward` (not `is ready to talk`, `was prepared to
            // meet`): a participle.
            let adjective = h.t1 > h.t0 + 1 && t.word(h.t0 + 1) == "to";
            let participle = (t.word(h.t0).ends_with("ed") && !adjective)
                || matches!(
                    t.word(h.t0),
                    "put" | "made" | "sought" | "set" | "laid" | "drawn" | "brought" | "given"
                );
            if participle && t.is(k, class::PASSIVE_AUX) && !h.passive {
                return none;
            }
        }
        // `a proposal by Kyiv for a ceasefire`, `demands from Moscow`: a noun's author may
        // follow it.
        let author = trig
            .noun
            .then(|| {
                matches!(t.word(h.t1), "by" | "from")
                    .then(|| s.ms.iter().position(|m| m.t0 == h.t1 + 1 && m.party()))
                    .flatten()
            })
            .flatten();
        let first = author.or_else(|| subjects.first().copied());
        // (`Bosnia's government has opposed the plan`: the possessive must be the noun's
        // own, with only modifiers between: `Moscow's repeated demands`.)
        let owner = |m: &Mention| {
            // (The trigger may open with the `'s`: `Russia's demands`.)
            let from = if matches!(t.word(m.t1), "'s" | "'") && h.t0 > m.t1 {
                m.t1 + 1
            } else {
                m.t1
            };
            m.possessive
                && from <= h.t0
                && h.t0 - from <= 4
                && (from..h.t0).all(|k| {
                    (t.is_word(k) || t.word(k) == "-")
                        && !t.is(k, class::DEFINITE | class::INDEFINITE | class::PASSIVE_AUX)
                        && !matches!(t.word(k), "has" | "have" | "had" | "will" | "would")
                })
        };
        // `The two leaders agreed on a joint proposal`: the clause's subjects made it.
        let joint = trig.noun && (h.t0.saturating_sub(2)..h.t0).any(|k| t.word(k) == "joint");
        let subject = match first {
            Some(first) => {
                if trig.noun && author.is_none() && !owner(&s.ms[first]) && !joint {
                    return none;
                }
                self.party_ent(s, doc, first, &[])
            }
            // `"We call on Israel to withdraw. …," he said`: a first person in a quotation
            // whose speaker is named after this sentence, or before it in the paragraph (a
            // verb's subject only).
            None => doc.quote_speaker.filter(|_| {
                !trig.noun
                    && t.toks().get(h.t0).is_some_and(|x| x.quoted)
                    && first_person_before(t, h.t0)
            }),
        };
        let Some(subject) = subject else {
            return none;
        };
        // The subject's mention, if this sentence names it.
        let first_mention = first.and_then(|i| s.ms.get(i));
        // `Egypt and Saudi Arabia have offered`: every coordinated subject acts.
        let mut subjects_all = vec![subject];
        let far = subjects.iter().map(|&i| s.ms[i].t0).min().unwrap_or(0);
        let near = subjects.iter().map(|&i| s.ms[i].t0).max().unwrap_or(0);
        let joined = (far..near).any(|k| matches!(t.word(k), "and" | "&"));
        // `the two leaders proposed`: one description for both.
        let same_span = |m: &Mention| {
            m.form == MForm::Description
                && first_mention.is_some_and(|f| m.t0 == f.t0 && m.t1 == f.t1)
        };
        if !trig.noun || joint {
            for &mi in subjects.iter().skip(1) {
                let m = &s.ms[mi];
                if (joined && m.form == MForm::Name || same_span(m)) && !m.possessive {
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
        let start = t.toks().get(h.t1).map(|x| x.start);
        let end = (h.t1..n)
            .find(|&k| matches!(t.word(k), ";"))
            .and_then(|k| t.toks().get(k))
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
        // `"We are not asking Washington to take sides"`, `"That is not a political
        // demand"`: a speaker's denial narrows what they ask; it tells of no refusal.
        if status == Status::Negated && t.toks().get(h.t0).is_some_and(|x| x.quoted) {
            return none;
        }
        let mut conf = if trig.want { 0.6 } else { 0.8 };
        if first_mention.is_none_or(|f| matches!(f.form, MForm::Pronoun | MForm::Description)) {
            conf -= 0.15;
        }
        // Wanting a meeting, or to meet, is seeking to arrange one; so is asking for one
        // (`requested a meeting with`, `sought an urgent summit`): the meeting must be what
        // is asked for, with at most a determiner and modifiers before it.
        let wants_meeting = asked_for_meeting
            || if trig.want {
                // `wants Kagame and Tshisekedi to meet`: past the parties wanted to meet. A
                // verb is a meeting only as an infinitive: `wanted catch limits raised` wants
                // something done.
                (h.t1..(h.t1 + 8).min(n))
                    .take_while(|&k| !matches!(t.word(k), "," | ";" | "that"))
                    .any(|k| {
                        trigger_match(t, lex, k)
                            .and_then(|(p, _)| lex.triggers.get(p))
                            .is_some_and(|x| {
                                x.relation == RelationKind::MetWith
                                    && (x.noun || (k > 0 && t.word(k - 1) == "to"))
                            })
                    })
            } else {
                trig.relation == RelationKind::Demanded
                    && !trig.noun
                    // Not `insisted that any talks respect …`: there the talks are the
                    // subject of what is demanded.
                    && (h.t1..(h.t1 + 3).min(n))
                        .take_while(|&k| {
                            t.is_word(k)
                                && !t.cap(k)
                                && t.word(k) != "that"
                                && !s.ms.iter().any(|m| m.t0 == k)
                        })
                        .any(meeting_at)
            };

        // `requested a meeting with Putin`: the meeting is proposed to its other party.
        let object = object.or_else(|| {
            let with = (h.t1..(h.t1 + 6).min(n)).find(|&k| t.word(k) == "with")?;
            let mi = s.ms.iter().position(|m| m.t0 == with + 1 && m.party())?;
            // `a meeting with Starmer and Macron`: a party of several, not one addressee.
            if s.ms
                .get(mi)
                .is_some_and(|m| matches!(t.word(m.t1), "and" | "&"))
            {
                return None;
            }
            self.party_ent(s, doc, mi, &subjects_all)
                .filter(|o| wants_meeting && !subjects_all.contains(o))
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
            ..Outcome::default()
        }
    }

    /// `held talks in Bamako with Mali's A, Burkina Faso's B and Niger's C`: people of
    /// different countries met face to face, named in one unbroken list with no day, place,
    /// `with` or `separately` setting them apart, were at one meeting. (Not `met A on
    /// Thursday, and B on Friday`; and two officials of one government, `will meet with the
    /// foreign minister and the president`, may have received the visitor in turn.)
    fn one_list(
        &self,
        s: &Sentence,
        doc: &DocState,
        h: &Hit,
        objects: &[usize],
        obj: &[usize],
        mode: Option<Mode>,
    ) -> bool {
        let t = s.t;
        let first = objects.iter().map(|&i| s.ms[i].t0).min();
        let last = objects.iter().map(|&i| s.ms[i].t1).max();
        let (Some(first), Some(last)) = (first, last) else {
            return false;
        };
        let mut people: Vec<usize> = Vec::new();
        let mut countries: Vec<usize> = Vec::new();
        // (Countries that qualify a name, `Burkina Faso's B`, are no parties of their own.)
        let qualifier = |m: &Mention| m.possessive || m.form == MForm::Adjective;
        for m in objects.iter().map(|&i| &s.ms[i]).filter(|m| !qualifier(m)) {
            let country = doc.country_of(m.ent);
            if m.form != MForm::Name
                || doc.kind(m.ent) != Some(EntityKind::Person)
                || country.is_none_or(|c| countries.contains(&c))
            {
                return false;
            }
            countries.extend(country);
            people.push(m.ent);
        }
        mode != Some(Mode::Phone)
            && obj.iter().all(|e| people.contains(e))
            && !(h.t0..(last + 3).min(t.len())).any(|k| t.is(k, class::SEPARATE))
            && !(first..last).any(|k| {
                matches!(t.word(k), "in" | "at" | "on" | "by" | "with")
                    || crate::dates::is_calendar_word(t.word(k))
                    || t.is(k, class::REPORTING)
                    || trigger_match(t, self.lex, k).is_some()
            })
            && !s.ms.iter().any(|m| m.place && m.t0 > first && m.t1 <= last)
    }
}

/// Every pair of distinct parties in `v`: all those at one meeting met one another.
pub(super) fn all_pairs(v: &[usize]) -> Vec<(usize, Option<usize>)> {
    let mut p = Vec::new();
    for (i, &a) in v.iter().enumerate() {
        for &b in &v[i + 1..] {
            if a != b {
                p.push((a, Some(b)));
            }
        }
    }
    p
}

/// The distinct parties of `pairs`, in the order first named.
pub(super) fn parties_of(pairs: &[(usize, Option<usize>)]) -> Vec<usize> {
    let mut parties = Vec::new();
    for &(a, b) in pairs {
        for p in std::iter::once(a).chain(b) {
            if !parties.contains(&p) {
                parties.push(p);
            }
        }
    }
    parties
}

/// `to` and a verb within a few words after the trigger (a quote may open the verb: `called on
/// the Europeans to "stop threatening" Iran`).
pub(super) fn to_clause_follows(t: &Tokens, h: &Hit) -> bool {
    // `pressed the EU at a summit in Brussels last week to keep …`: past where and when;
    // not past another verb (`called on X in Dhaka and urged Bangladesh to decide`).
    let next_verb = |k: usize| t.word(k) == "and" && t.verb_at(k + 1, class::TRIGGER_START);
    (h.t1..(h.t1 + 14).min(t.len()))
        .take_while(|&k| !matches!(t.word(k), ";" | ":" | ".") && !next_verb(k))
        .any(|k| {
            let v = if t.word(k + 1) == "\"" { k + 2 } else { k + 1 };
            t.word(k) == "to" && t.is_word(v) && !t.cap(v) && !is_gerund(t.word(v))
        })
}

/// An -ing form (`looking to meeting`), not a verb whose stem ends so (`to bring`, `to
/// spring`).
fn is_gerund(w: &str) -> bool {
    w.len() > 5 && w.ends_with("ing") && !matches!(w, "string" | "spring")
}
