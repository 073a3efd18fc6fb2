//! Whether a relation occurred, is planned or was negated, and whether it was in person or by
//! phone.

use super::{used_as_noun, Hit, RelationFinder, Sentence};
use crate::lexicon::{class, Trigger};
use crate::model::{Mode, RelationKind, Status};
use crate::recognise::trigger_match;
use crate::text::Tokens;

impl RelationFinder<'_> {
    /// `A meeting between X and Y, scheduled for Monday, was cancelled`: the predicate after
    /// a meeting noun (from token `k`) says it did not happen. Stops where another clause
    /// begins.
    pub(super) fn called_off(&self, t: &Tokens, k: usize) -> bool {
        let mut relative = false;
        for q in k..(k + 40).min(t.len()) {
            relative |= matches!(t.word(q), "that" | "which");
            if t.is(q, class::CANCEL) {
                // (`Talks in Cairo … collapsed without agreement`: held, and failed; only a
                // meeting still to come collapses unheld: `the planned summit collapsed`.)
                if t.word(q) == "collapsed" {
                    let planned = (k.saturating_sub(5)..k).any(|p| t.is(p, class::PLANNED));
                    return planned || t.word(q + 1) == "before";
                }
                return cancels(t, q);
            }
            // `will not take place`, `did not go ahead`, `never took place`, `was not
            // held`, `never materialised`, `failed to materialise`.
            let materialise = |w: &str| {
                w.strip_prefix("materiali")
                    .is_some_and(|r| matches!(r, "se" | "sed" | "ze" | "zed"))
            };
            if (t.is(q, class::NEGATION) || (t.word(q) == "failed" && t.word(q + 1) == "to"))
                && (matches!(
                    (t.word(q + 1), t.word(q + 2)),
                    ("take" | "took" | "takes", "place")
                        | ("go" | "went", "ahead")
                        | ("happen" | "happened" | "held", _)
                ) || materialise(t.word(q + 1))
                    || materialise(t.word(q + 2)))
            {
                return true;
            }
            // `is not on the agenda`, `is not on anyone's calendar`, `is off the table`.
            let on_schedule = |from: usize| {
                (from..from + 3)
                    .any(|r| matches!(t.word(r), "agenda" | "table" | "cards" | "calendar"))
            };
            if (t.is(q, class::NEGATION) && t.word(q + 1) == "on" && on_schedule(q + 2))
                || (t.word(q) == "off" && t.word(q + 1) == "the" && on_schedule(q + 2))
            {
                return true;
            }
            // `A meeting between X and Y that Saudi Arabia had offered to host … never took
            // place`: a relative clause's verbs are not the meeting's predicate.
            if matches!(
                t.word(q),
                ";" | "but" | "because" | "after" | "when" | "while" | "although" | "as" | "since"
            ) || (!relative
                // `a meeting with X, scheduled for Friday, had been cancelled`: `had` opens
                // no `had talks` there.
                && !t.is(q, class::PLANNED)
                && t.is_word(q)
                && (t.is(q, class::REPORTING) || trigger_match(t, self.lex, q).is_some()))
            {
                return false;
            }
        }
        false
    }

    /// Whether the verb at `t0` lies in an `at which` (`where`) clause of a meeting's noun
    /// whose predicate says it did not happen.
    fn noun_called_off(&self, t: &Tokens, t0: usize) -> bool {
        let opener = (t0.saturating_sub(15)..t0)
            .rev()
            .take_while(|&q| !matches!(t.word(q), ";" | "." | ":"))
            .find(|&q| {
                (matches!(t.word(q), "at" | "during" | "in") && t.word(q + 1) == "which")
                    || t.word(q) == "where"
            });
        let Some(q) = opener.filter(|&q| q > 0) else {
            return false;
        };
        let noun = trigger_match(t, self.lex, q - 1)
            .filter(|&(_, last)| last + 1 == q)
            .and_then(|(p, _)| self.lex.triggers.get(p))
            .is_some_and(|x| x.noun && x.relation == RelationKind::MetWith);
        noun && self.called_off(t, q)
    }

    /// The status an answer to an invitation at token `q` gives the meeting: planned once
    /// accepted, negated once declined.
    pub(super) fn answer_at(&self, t: &Tokens, q: usize) -> Option<Status> {
        if t.id_in(q, &self.lex.accept_verbs) {
            Some(Status::Planned)
        } else if t.id_in(q, &self.lex.decline_verbs) {
            Some(Status::Negated)
        } else {
            None
        }
    }

    /// Whether the verb at `t0` is the purpose of an invitation declined before it, through
    /// `to` clauses only.
    fn declined_invitation(&self, t: &Tokens, t0: usize) -> bool {
        let dets = ["an", "the", "his", "her", "their"];
        purpose_of(t, t0, &["invitation", "invitations"], &dets, 2)
            .is_some_and(|v| t.id_in(v, &self.lex.decline_verbs))
    }

    /// `postponed a trip to Singapore to meet Gan`: the meeting a called-off journey was
    /// for.
    fn cancelled_trip(&self, t: &Tokens, t0: usize) -> bool {
        let dets = [
            "a",
            "the",
            "his",
            "her",
            "their",
            "its",
            "planned",
            "scheduled",
        ];
        purpose_of(t, t0, &["trip", "visit", "journey"], &dets, 3).is_some_and(|v| cancels(t, v))
    }

    /// Whether `at` holds at a token among the ten before `t0`, with no comma or clause
    /// boundary between it and `t0`.
    fn in_clause_before(&self, s: &Sentence, t0: usize, at: impl Fn(usize) -> bool) -> bool {
        (t0.saturating_sub(10)..t0)
            .any(|k| at(k) && !(k + 1..t0).any(|q| s.t.word(q) == "," || self.hard_boundary(s, q)))
    }

    pub(super) fn status(&self, s: &Sentence, trig: &Trigger, h: &Hit) -> Status {
        let t = s.t;
        // `would never accept the plan and demanded …`: a finite verb after `and` has a
        // polarity of its own; a bare one shares it (`did not meet and talk`).
        let finite = t.past_form(h.t0);
        // `without meeting`: a trigger that opens with its negation.
        if t.is(h.t0, class::NEGATION) {
            return Status::Negated;
        }
        // `declined an invitation to travel to Kandahar to meet X`: the meeting invited to
        // was turned down.
        if trig.relation == RelationKind::MetWith
            && !trig.noun
            && (self.declined_invitation(t, h.t0) || self.cancelled_trip(t, h.t0))
        {
            return Status::Negated;
        }
        // `the session at which Kallas was to host Vučić … was called off`: a meeting told
        // in a relative clause of a meeting's noun shares the noun's fate.
        if trig.relation == RelationKind::MetWith && !trig.noun && self.noun_called_off(t, h.t0) {
            return Status::Negated;
        }
        // `an invitation the Armenian leader turned down`: the answer in the clause after it.
        if trig.noun && trig.offer {
            let answer = (h.t1..(h.t1 + 8).min(t.len()))
                .take_while(|&q| !matches!(t.word(q), "," | ";" | "and" | "but" | "to"))
                .find_map(|q| {
                    let turned_down =
                        matches!(t.word(q), "turned" | "turns") && t.word(q + 1) == "down";
                    turned_down
                        .then_some(Status::Negated)
                        .or_else(|| self.answer_at(t, q))
                });
            if let Some(status) = answer {
                return status;
            }
        }
        // `not asking for privileges, only for safety`: a demand for something else.
        let contrast_after = trig.relation != RelationKind::MetWith
            && (h.t1..(h.t1 + 8).min(t.len()))
                .any(|q| t.word(q) == "," && matches!(t.word(q + 1), "only" | "but" | "just"));
        let mut k = h.t0;
        let mut steps = 0;
        while k > 0 && steps < 5 && !contrast_after {
            k -= 1;
            steps += 1;
            let w = t.word(k);
            // `refused to hold political-level talks`: a hyphenated word counts as one.
            if w == "-" {
                steps -= 1;
            }
            // `has ruled out meeting Lukashenko`, `stopped short of calling for`.
            if t.is(k, class::NEGATION)
                || (w == "out" && matches!(t.word(k.wrapping_sub(1)), "ruled" | "rules" | "ruling"))
                || (w == "of"
                    && t.word(k.wrapping_sub(1)) == "short"
                    && matches!(t.word(k.wrapping_sub(2)), "stopped" | "stops" | "stopping"))
            {
                return Status::Negated;
            }
            // `has not responded to Marcos's suggestion`, `without giving details of the
            // conversation`: the verb a preposition governs says nothing of the noun after it.
            let governed = trig.noun
                && matches!(w, "to" | "on" | "about" | "for" | "of")
                && (k + 1 == h.t0
                    || t.cap(k + 1)
                    || t.is(k + 1, class::DEFINITE | class::INDEFINITE));
            // (`failed to reach a deal when they met`: a clause of its own.)
            let subordinate = matches!(
                w,
                "when" | "while" | "because" | "after" | "before" | "although" | "though"
            );
            if w == ","
                || w == "but"
                || subordinate
                || governed
                || (w == "and" && finite)
                || self.hard_boundary(s, k) && !t.is(k, class::BOUNDARY)
            {
                break;
            }
        }
        // `rejected any meeting with Lee's government`, `turned down talks`: a meeting
        // refused did not happen (a demand rejected was still made).
        if trig.relation == RelationKind::MetWith && trig.noun {
            let mut k = h.t0;
            // (`to call off a planned meeting`, `cancelled his scheduled talks`.)
            while k > 0
                && h.t0 - k < 4
                && (t.is(k - 1, class::DEFINITE | class::INDEFINITE | class::PLANNED)
                    || matches!(t.word(k - 1), "any" | "further" | "direct" | "scheduled"))
            {
                k -= 1;
            }
            let w = t.word(k.wrapping_sub(1));
            // (`have postponed a meeting`, `called off talks`: so is one called off.)
            let cancelled = cancels(t, k.wrapping_sub(1))
                || (w == "off" && matches!(t.word(k.wrapping_sub(2)), "called" | "call" | "calls"));
            if matches!(
                w,
                "rejected" | "rejects" | "rejecting" | "rebuffed" | "rebuffs"
            ) || (w == "down" && matches!(t.word(k.wrapping_sub(2)), "turned" | "turns"))
                || cancelled
            {
                return Status::Negated;
            }
        }
        // `A video call between …, scheduled for Wednesday, was postponed`: a verb trigger
        // used as a noun.
        let nominal = used_as_noun(t, trig, h.t0, 3);
        // `A visit by Boulos to Algiers to meet Tebboune, which had been planned for next
        // week, has been postponed`: the visit's purpose shares its fate.
        let visit_purpose = !trig.noun
            && h.t0 > 0
            && t.word(h.t0 - 1) == "to"
            // (`a trip by Foreign Minister X to Phnom Penh to meet`: past a titled name.)
            && (h.t0.saturating_sub(14)..h.t0).any(|k| {
                matches!(t.word(k), "visit" | "trip")
                    && t.is(k.wrapping_sub(1), class::INDEFINITE | class::DEFINITE)
            });
        if trig.relation == RelationKind::MetWith
            && (nominal || visit_purpose)
            && self.called_off(t, h.t1)
        {
            return Status::Negated;
        }
        // `there were no plans for the two leaders to meet again`, `has no intention of
        // meeting`: a plan denied, further back than a plain negation reaches.
        if trig.relation == RelationKind::MetWith {
            let denied_plan = self.in_clause_before(s, h.t0, |k| {
                t.is(k, class::NEGATION)
                    && matches!(t.word(k + 1), "plans" | "plan" | "intention" | "date")
            });
            if denied_plan {
                return Status::Negated;
            }
        }
        // `Kobakhidze had been expected in Brussels for talks with Costa`: so too for a
        // meeting noun.
        if trig.relation == RelationKind::MetWith && nominal {
            let fell_through = self.in_clause_before(s, h.t0, |k| {
                k > 0
                    && t.word(k) == "been"
                    && t.word(k - 1) == "had"
                    && matches!(
                        t.word(k + 1),
                        "due" | "expected" | "scheduled" | "set" | "supposed" | "meant"
                    )
            });
            if fell_through {
                return Status::Negated;
            }
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
            // `will propose`, `is expected to propose`, `is due to put forward`; a trigger
            // may open with its modal (`would table`).
            // (`would keep urging`, `will continue to press`: what goes on is made.)
            let ongoing = (h.t0.saturating_sub(3)..h.t0)
                .any(|k| matches!(t.word(k), "keep" | "continue" | "still"));
            let modal = (h.t0.saturating_sub(2)..=h.t0)
                .any(|k| matches!(t.word(k), "will" | "'ll" | "would" | "shall"))
                && !ongoing
                || (h.t0 > 1
                    && t.word(h.t0 - 1) == "to"
                    && matches!(t.word(h.t0 - 2), "expected" | "due" | "set" | "going"));
            return if modal {
                Status::Planned
            } else {
                Status::Occurred
            };
        }
        // `proposed a dialogue, including regular meetings between A and B`: a meeting
        // in what is proposed or asked for is still to come; so is one in `the plan for A,
        // B and C to hold a meeting`, however long the list.
        if trig.noun {
            let proposed = (h.t0.saturating_sub(60)..h.t0).rev().find_map(|k| {
                let stop = (matches!(
                    t.word(k),
                    "." | ";" | ":" | "during" | "at" | "after" | "in"
                ) && !t.abbrev_dot(k))
                    || t.is(k, class::REPORTING | class::PAST);
                // (Not `said`: a report, whatever it may hold.)
                let asked = !t.is(k, class::REPORTING)
                    && trigger_match(t, self.lex, k)
                        .and_then(|(p, _)| self.lex.triggers.get(p))
                        .is_some_and(|x| {
                            x.relation != RelationKind::MetWith
                                && (!x.noun || t.word(k + 1) == "for")
                        });
                if asked {
                    Some(true)
                } else if stop {
                    Some(false)
                } else {
                    None
                }
            });
            if proposed == Some(true) {
                return Status::Planned;
            }
        }
        if trig.planned || (!trig.noun && h.t0 > 0 && t.word(h.t0 - 1) == "to") {
            return Status::Planned;
        }
        // `an agreement before Ishiba and Trump meet in June`, `expected to come up when A, B
        // and the leaders of C meet Trump`, `if the two meet`: a present tense after
        // `before`, `until`, `when` or `if` is still to come.
        if !trig.noun && !t.past_form(h.t0) && !t.word(h.t0).ends_with('s') {
            let mut k = h.t0;
            while k > 0 && h.t0 - k < 16 {
                k -= 1;
                // (`suggested that he and Wang meet`: a bare verb after `that` too.)
                if matches!(t.word(k), "before" | "until" | "once" | "when" | "if")
                    || (t.word(k) == "that"
                        && matches!(t.word(h.t0), "meet" | "talk" | "speak" | "hold"))
                {
                    return Status::Planned;
                }
                // (A comma inside a list of parties, or closing an apposition's name, goes on.)
                let listed = t.word(k) == ","
                    && s.ms
                        .iter()
                        .any(|m| m.party() && (m.t0 == k + 1 || m.t1 == k));
                if self.hard_boundary(s, k) || t.is(k, class::PAST) || (t.word(k) == "," && !listed)
                {
                    break;
                }
            }
        }
        let planned_word = |k: usize| t.is(k, class::PLANNED) && !(t.cap(k) && t.word(k) == "may");
        // `talks on Trump's Gaza plan`, `hailed the peace plan and welcomed`: a noun after a
        // name or a determiner (and a modifier) is no plan to meet.
        let noun_use = |k: usize| {
            k > 0 && matches!(t.word(k), "plan" | "plans" | "schedule") && {
                // (Past one modifier: `the peace plan`, `the Trump peace plan`.)
                let modifier = t.is_word(k - 1)
                    && !t.cap(k - 1)
                    && !t.is(k - 1, class::PLANNED | class::SKIP | class::STOP);
                let owner = |q: usize| {
                    t.is(q, class::DEFINITE | class::INDEFINITE)
                        || s.ms
                            .iter()
                            .any(|m| m.t1 == q + 1 || (m.possessive && m.t1 + 2 == q + 1))
                };
                owner(k - 1) || (modifier && k > 1 && owner(k - 2))
            }
        };
        // `without meeting`: a trigger that opens with its negation.
        if t.is(h.t0, class::NEGATION) {
            return Status::Negated;
        }
        let mut k = h.t0;
        let mut steps = 0;
        // `he would suspend it after a conversation with Carney`: reported speech plans
        // what follows the conversation, which has taken place.
        let mut after = false;
        while k > 0 && steps < 12 {
            k -= 1;
            steps += 1;
            if after && t.word(k) == "would" {
                break;
            }
            after |= trig.noun && t.word(k) == "after";
            // `agreed to hold the 27th round of boundary talks`: a commitment to meet.
            let committed = t.word(k) == "to"
                && matches!(
                    t.word(k.wrapping_sub(1)),
                    "agreed" | "agree" | "agrees" | "decided" | "pledged" | "promised" | "vowed"
                )
                && matches!(
                    t.word(k + 1),
                    "hold" | "host" | "resume" | "convene" | "continue" | "have"
                );
            if (planned_word(k) && !noun_use(k)) || committed {
                return Status::Planned;
            }
            let w = t.word(k);
            // (`proposed that the ministers of Egypt, Sudan and Ethiopia meet`: a comma
            // inside a list of parties goes on.)
            if w == "," && s.ms.iter().any(|m| m.t0 == k + 1 && m.party()) {
                continue;
            }
            // `proposed a ceasefire during talks with Kyiv`: the talks are the occasion of
            // what precedes, with a status of their own.
            // (So are they after `in a`: `made the offer in a call with Dar`.)
            let in_occasion =
                w == "in" && t.is(k + 1, class::DEFINITE | class::INDEFINITE) && k + 2 == h.t0;
            if matches!(w, "," | ";" | ":" | "." | "during" | "since")
                || in_occasion
                || (w == "-" && self.hard_boundary(s, k))
                || t.is(k, class::PAST)
            {
                break;
            }
        }
        if trig.noun {
            let mut k = h.t1;
            let mut reach = h.t1 + 12;
            while k < t.len() && k < reach {
                // `The talks between China and ASEAN, which the Philippines chairs, were due
                // to begin`: past a relative clause to the predicate.
                if t.word(k) == "," && matches!(t.word(k + 1), "which" | "who") {
                    if let Some(c) = (k + 2..(k + 14).min(t.len())).find(|&q| t.word(q) == ",") {
                        reach += c - k;
                        k = c + 1;
                        continue;
                    }
                }
                // (Not `set up`.)
                let set_up = t.word(k) == "set" && t.word(k + 1) == "up";
                if planned_word(k) && !noun_use(k) && !set_up {
                    return Status::Planned;
                }
                let w = t.word(k);
                // `held talks on Wednesday and agreed to …`: another verb, another clause.
                if w == "and" && t.word(k + 1).ends_with("ed") && !t.cap(k + 1) {
                    break;
                }
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

    pub(super) fn mode(&self, s: &Sentence, trig: &Trigger, h: &Hit) -> Option<Mode> {
        let t = s.t;
        let lo = h.t0.saturating_sub(4);
        // (Not past the next trigger: `received X on Tuesday and later spoke by phone`.)
        let hi = (h.t1..(h.t1 + 8).min(t.len()))
            .find(|&k| t.is(k, class::TRIGGER_START) && trigger_match(t, self.lex, k).is_some())
            .unwrap_or((h.t1 + 8).min(t.len()));
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
}

/// Whether the cancel word at `q` calls a meeting off (`postponed`; `called` only with
/// `off`, `turned` only with `down`).
fn cancels(t: &Tokens, q: usize) -> bool {
    t.is(q, class::CANCEL)
        && match t.word(q) {
            "called" => t.word(q + 1) == "off",
            "turned" => t.word(q + 1) == "down",
            _ => true,
        }
}

/// The verb before one of `nouns` and up to `reach` of `dets`, whose purpose the verb at `t0`
/// is, through `to` clauses only (`declined an invitation to travel to Kandahar to meet X`).
fn purpose_of(t: &Tokens, t0: usize, nouns: &[&str], dets: &[&str], reach: usize) -> Option<usize> {
    if t.word(t0.wrapping_sub(1)) != "to" {
        return None;
    }
    let noun = (t0.saturating_sub(10)..t0)
        .rev()
        .take_while(|&k| t.is_word(k) || t.word(k) == "'s")
        .find(|&k| nouns.contains(&t.word(k)))?;
    t.back_over(noun, noun.saturating_sub(reach), dets)
        .checked_sub(1)
}
