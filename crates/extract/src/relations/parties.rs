//! Who the parties of a trigger are: the subjects left of it (past inserted clauses and
//! appositions, through relative clauses and reported speech), the objects right of it, and
//! the entity each party mention stands for.

use super::{demonym_covers, qualifies_act, Hit, Maps, RelationFinder, Sentence};
use crate::dates::{date_at, DateExpr};
use crate::doc::DocState;
use crate::lexicon::{class, Trigger};
use crate::model::{EntityKind, RelationKind};
use crate::recognise::{trigger_match, MForm, Mention};

impl RelationFinder<'_> {
    /// Party mentions left of a trigger: the nearest one and those coordinated with it.
    pub(super) fn left_scan(
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
        // `met in Nicosia, in talks hosted by Holguín`: talks told in a prepositional phrase
        // after a clause have no subject before them.
        if trig.noun && t0 > 1 && t.word(t0 - 1) == "in" && t.word(t0 - 2) == "," {
            return (Vec::new(), Vec::new(), None);
        }
        let mut k = t0;
        let mut steps = 0;
        // Past `but`, the subject is that of the clause before it, which opens it.
        let mut crossed_but = false;
        while k > lower && steps < 30 {
            k -= 1;
            steps += 1;
            // `Macron, who is under pressure at home, met Scholz`: an inserted clause or
            // apposition between subject and verb is skipped as a whole.
            if found.is_empty() {
                if let Some(mut c) = self.inserted_clause(s, maps, k, lower) {
                    // (`Napat, whose country chairs the group, which counts Fiji as a member,
                    // offered`: one inside another.)
                    while let Some(outer) = self
                        .inserted_clause(s, maps, c, lower)
                        .filter(|&o| o < c && t.word(c + 1) == "which")
                    {
                        c = outer;
                    }
                    k = c;
                    continue;
                }
            }
            let idxs = maps.ends_at(k);
            if !idxs.is_empty() {
                let start = idxs.iter().map(|&i| s.ms[i].t0).min().unwrap_or(k);
                // `the panel on Sudan received`: a prepositional complement is no subject.
                // (`has written to Prime Minister Modi demanding`: past a title too, before a
                // participle.)
                let skip = if t.word(t0).ends_with("ing") {
                    class::SKIP | class::TITLE | class::TITLE_MOD
                } else {
                    class::SKIP
                };
                let mut b = start;
                while b > 0 && t.is(b - 1, skip) {
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
                // `her first Asean meeting`, `an EU summit`: a name between a determiner or
                // adjective and the meeting noun says whose meeting it is, not who met.
                // (`the UN climate talks`: past a modifier of the noun.)
                let modified = k + 2 == t0
                    && t.is_word(k + 1)
                    && !t.cap(k + 1)
                    && !t.is(k + 1, class::STOP | class::TITLE | class::DELEGATE);
                let organiser = found.is_empty()
                    && trig.noun
                    && trig.relation == RelationKind::MetWith
                    && (k + 1 == t0 || modified)
                    && !possessive
                    && idxs.iter().all(|&i| s.ms[i].form == MForm::Name)
                    && start > 0
                    && t.is_word(start - 1)
                    && !t.cap(start - 1)
                    && !matches!(t.word(start - 1), "and" | "or" | "with" | "between");
                if organiser {
                    k = start;
                    continue;
                }
                // `Rubio toured the Miraflores locks and met …`: the object of a coordinated
                // verb before is no subject.
                let object_before = found.is_empty()
                    && !trig.noun
                    && b > 0
                    && t.is_word(b - 1)
                    && !t.cap(b - 1)
                    && t.word(b - 1).ends_with("ed")
                    && !t.is(
                        b - 1,
                        class::REPORTING | class::PASSIVE_AUX | class::TRIGGER_START,
                    )
                    && (k + 1..t0).any(|q| t.word(q) == "and");
                if object_before {
                    k = start;
                    continue;
                }
                // `plans for the two leaders to meet`: the subject of the infinitive.
                let infinitive_subject =
                    t.word(b.saturating_sub(1)) == "for" && t.word(k + 1) == "to" && k + 2 == t0;
                // `activists from the Pan-African Citizens' Platform urged`, `negotiators for
                // Moldova met`: who sent them.
                let sender = b > 1
                    && matches!(t.word(b - 1), "from" | "for")
                    && t.is(b - 2, class::DELEGATE);
                // (`handed a note to Iraq's ambassador and demanded`: nor is a possessor there,
                // before a coordinated verb.)
                let coordinated_verb = (k + 1..t0).any(|q| t.word(q) == "and");
                if found.is_empty()
                    && b > 0
                    && !infinitive_subject
                    && !sender
                    && (matches!(
                        t.word(b - 1),
                        "on" | "about" | "over" | "against" | "into" | "at"
                    ) || ((!possessive || coordinated_verb)
                        && matches!(t.word(b - 1), "to" | "from" | "via" | "for"))
                        // `had been briefed by Dmitriev overnight and would speak to`: the
                        // agent of a coordinated passive is no subject of what follows.
                        || (coordinated_verb && !trig.noun && t.word(b - 1) == "by")
                        // `travelled to Dhaka with Modi and met Hasina`: a companion before a
                        // coordinated verb is no subject of it.
                        || (coordinated_verb && t.word(b - 1) == "with"))
                {
                    k = start;
                    continue;
                }
                // `hosted by the UAE, and UAE President X received`: no coordinated subject.
                if !found.is_empty()
                    && !sender
                    && b > 0
                    && matches!(
                        t.word(b - 1),
                        "by" | "with" | "to" | "from" | "for" | "on" | "about" | "in" | "at"
                    )
                {
                    break;
                }
                // `Leaders of the Caribbean Community pressed`: the body those who act speak
                // for.
                let of_body = |m: &Mention| {
                    let b = t.back_over(m.t0, 0, &["the"]);
                    m.after_of
                        && b > 1
                        && t.word(b - 1) == "of"
                        && (t.is(b - 2, class::DELEGATE)
                            || (t.is(b - 2, class::TITLE) && t.word(b - 2).ends_with('s')))
                };
                // (`suggested that contacts with Russia resume, but stopped short`: not a
                // complement; `said … that Denmark was in contact, but stopped short`: nor
                // the subject of a clause inside.)
                if crossed_but
                    && found.is_empty()
                    && b > 0
                    && t.is_word(b - 1)
                    && !matches!(t.word(b - 1), "and" | "or")
                    && !t.is(b - 1, class::REPORTING)
                {
                    k = start;
                    continue;
                }
                let usable: Vec<usize> = idxs
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let m = &s.ms[i];
                        (m.party() || of_body(m))
                            && !qualifies_act(t, self.lex, m)
                            && (!m.possessive
                                || owns_coordinated_side(t, m)
                                || self.adjacent_possessive(s, m, t0))
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
            // `has since offered`: an adverb between auxiliary and verb.
            if w == "since"
                && k + 1 == t0
                && k > 0
                && matches!(t.word(k - 1), "has" | "have" | "had")
            {
                continue;
            }
            // `Rep. John Moolenaar (R-Mich.) called on`: a short parenthesis is skipped whole.
            if w == ")" && found.is_empty() {
                if let Some(open) = (k.saturating_sub(12)..k).rev().find(|&q| t.word(q) == "(") {
                    k = open;
                    continue;
                }
            }
            if !found.is_empty() && w == "," && self.title_complement_before(s, maps, k) {
                break;
            }
            // `Malaysia chairs the Association of Southeast Asian Nations, and Anwar has
            // offered`: `, and` after a verb's object joins clauses, not subjects.
            if !found.is_empty() && w == "and" && t.word(k.wrapping_sub(1)) == "," {
                // `Scholz, who leads the SPD, and Macron met`: past the first one's clause.
                if let Some(c) = self.inserted_clause(s, maps, k - 1, lower) {
                    k = c;
                    continue;
                }
                let start = maps
                    .ends_at(k.wrapping_sub(2))
                    .iter()
                    .map(|&i| s.ms[i].t0)
                    .min();
                if let Some(mut b) = start {
                    while b > 0 && t.is(b - 1, class::DEFINITE) {
                        b -= 1;
                    }
                    // Not the end of a relative clause (`Ruto, who chairs the EAC, and
                    // Mnangagwa, who chairs SADC, co-chaired`).
                    let relative = (b.saturating_sub(8)..b).any(|q| {
                        q > 0 && matches!(t.word(q), "who" | "which") && t.word(q - 1) == ","
                    });
                    if b > 0
                        && t.is_word(b - 1)
                        && !t.cap(b - 1)
                        && !matches!(t.word(b - 1), "and" | "or")
                        && !relative
                    {
                        break;
                    }
                }
            }
            if !found.is_empty() {
                // `Commerce Secretary Howard Lutnick`: a capitalised word qualifying a title.
                // `a UK-France summit`, `Trump-Putin talks`: parties joined by a hyphen
                // before a meeting noun.
                let hyphen = w == "-"
                    && trig.noun
                    && trig.relation == RelationKind::MetWith
                    && k > 0
                    && t.touching(k - 1)
                    && t.touching(k)
                    && !maps.ends_at(k - 1).is_empty();
                // (`Vice-Premier`, `Secretary-General`: a hyphen inside a title.)
                let in_title = w == "-"
                    && k > 0
                    && t.touching(k - 1)
                    && t.touching(k)
                    && (t.is(k - 1, class::TITLE | class::TITLE_MOD)
                        || t.is(k + 1, class::TITLE | class::TITLE_MOD));
                if hyphen
                    || in_title
                    || t.abbrev_dot(k)
                    || matches!(w, "and" | "," | "or" | "&" | "'s" | "\"")
                    || t.is(k, class::SKIP | class::TITLE | class::TITLE_MOD)
                    || (t.cap(k) && t.is(k + 1, class::TITLE))
                    // `Colombia's government and the ELN resumed talks`.
                    || coordinated_side_noun(t, k)
                    // `A and opposition leader B`.
                    || t.title_qualifier(k)
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
            // `Youssouf travelled to Asmara but did not meet Isaias`: a verb phrase after
            // `but` shares the subject of the one before it.
            if found.is_empty() && !trig.noun && t.word(k) == "but" && but_predicate(s, maps, k, t0)
            {
                crossed_but = true;
                continue;
            }
            if self.hard_boundary(s, k) {
                // `Mohamad added that a meeting with …`: the reporter of the clause.
                let reporting = if t.is(k, class::REPORTING) {
                    Some(k)
                } else {
                    (t.word(k) == "that" && k > 0 && t.is(k - 1, class::REPORTING)).then(|| k - 1)
                };
                return (found, addressed, reporting);
            }
        }
        (found, addressed, None)
    }

    /// `Lula, who has offered to host the talks, spoke with Maduro`: the relative clause
    /// before the verb has a trigger of its own, yet the subject is the name it follows.
    pub(super) fn clause_head(
        &self,
        s: &Sentence,
        maps: &Maps,
        trig: &Trigger,
        t0: usize,
    ) -> Vec<usize> {
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
            if matches!(w, "who" | "whom" | "whose" | "which") && t.word(j - 1) == "," {
                let described = (w == "who")
                    .then(|| title_apposition(s, maps, j - 1))
                    .flatten();
                // The name and those coordinated with it (`Norway and Switzerland, which…`).
                return self
                    .left_scan(s, maps, trig, described.unwrap_or(j - 1), 0)
                    .0;
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
    pub(super) fn inserted_clause(
        &self,
        s: &Sentence,
        maps: &Maps,
        k: usize,
        lower: usize,
    ) -> Option<usize> {
        let t = s.t;
        let relative = |j: usize| matches!(t.word(j), "who" | "which" | "whose" | "whom");
        if relative(k) {
            // (`Yamaguchi, leader of the coalition partner Komeito, who`: back to the name.)
            let comma = (k > lower + 1 && t.word(k - 1) == ",").then(|| k - 1)?;
            let apposed = (t.word(k) == "who")
                .then(|| title_apposition(s, maps, comma))
                .flatten()
                .filter(|&c| c > lower);
            return Some(apposed.unwrap_or(comma));
        }
        if t.word(k) != "," {
            return None;
        }
        // `Goïta, it said, had insisted`, `Abiy, officials said, wants`: an attribution set
        // off by commas after the subject.
        if k > 2 && t.is(k - 1, class::REPORTING) && !t.cap(k - 1) {
            let opening = (k.saturating_sub(5)..k - 1)
                .rev()
                .find(|&q| t.word(q) == ",");
            if let Some(j) = opening.filter(|&j| j > lower && j + 1 < k - 1) {
                if (j + 1..k - 1).all(|q| t.is_word(q))
                    && maps.ends_at(j - 1).iter().any(|&i| s.ms[i].party())
                {
                    return Some(j);
                }
            }
        }
        let mut j = k;
        while j > lower + 1 && k - j < 40 {
            j -= 1;
            let w = t.word(j);
            // (`, who heads the Inter-Services Intelligence (ISI) agency,`: past a bracket.)
            if w == ")" {
                if let Some(open) = (j.saturating_sub(12).max(lower)..j)
                    .rev()
                    .find(|&q| t.word(q) == "(")
                {
                    j = open;
                    continue;
                }
            }
            if relative(j) {
                if t.word(j - 1) == "," {
                    return Some(j - 1);
                }
                // `, the diplomat whom the U.S. recognised,`: a relative clause inside an
                // apposition; the apposition's comma is further left.
                continue;
            }
            if w == "," {
                // `, which also counts Fiji, Papua New Guinea and the Solomon Islands as
                // members,`: a list's comma inside a clause, which opens further left.
                let party_at = |q: usize| maps.starts_at(q).iter().any(|&i| s.ms[i].party());
                let possessed = s.ms.iter().any(|m| m.t0 == j + 1 && m.possessive);
                if party_at(j + 1)
                    && !possessed
                    && maps.ends_at(j - 1).iter().any(|&i| s.ms[i].party())
                    && (j + 1..k).any(|q| {
                        t.word(q) == "and"
                            && (party_at(q + 1) || (t.word(q + 1) == "the" && party_at(q + 2)))
                    })
                {
                    continue;
                }
                // An apposition: a description without a verb of its own, after a name.
                let span = j + 1..k;
                let described = span.clone().any(|q| {
                    t.is(q, class::TITLE) || s.t.word(q) == "'s" || t.is(q, class::DEFINITE)
                }) && t.is(
                    j + 1,
                    // `, chairman of the Baltic Road Carriers' Alliance,`
                    class::DEFINITE | class::INDEFINITE | class::TITLE_MOD | class::TITLE,
                ) || s.ms.iter().any(|m| m.t0 == j + 1 && m.possessive);
                let after_name = maps.ends_at(j - 1).iter().any(|&i| s.ms[i].party());
                // `, the former diplomat whom the U.S. recognised as the winner,`: the
                // relative clause may have a verb; the description before it may not.
                let rel_at = span.clone().find(|&q| relative(q));
                let mut own = span.start..rel_at.unwrap_or(k);
                // (`the Sahel states`: a reporting word after a name is a noun; `'s` opens
                // the trigger `'s demands`.)
                let verbless = !own.clone().any(|q| {
                    (t.is(q, class::TRIGGER_START | class::PAST) && t.word(q) != "'s")
                        || (t.is(q, class::REPORTING) && !(q > 0 && t.cap(q - 1)))
                });
                // `, once allies who jointly staged a coup,`: words a relative clause
                // qualifies are a noun phrase, a description even without a determiner.
                let described =
                    described || (rel_at.is_some() && !own.is_empty() && own.all(|q| t.is_word(q)));
                // `Moldova's chief negotiator, Deputy Prime Minister Oleg Serebrian, met`:
                // a titled name closing the apposition is who the description means.
                let names_subject = s.ms.iter().any(|m| {
                    m.t1 == k
                        && m.t0 > j + 1
                        && m.form == MForm::Name
                        && t.is(m.t0 - 1, class::TITLE)
                });
                // `Lazaro, attending her first Asean meeting since taking the job, pressed`:
                // a participle clause after the name is inserted too, verb and all.
                let participle = t.is_word(j + 1)
                    && !t.cap(j + 1)
                    && t.word(j + 1).ends_with("ing")
                    && !t.is(j + 1, class::STOP);
                // `Modi, according to India's foreign secretary Vikram Misri, urged`.
                let attributed = t.word(j + 1) == "according" && t.word(j + 2) == "to";
                // `Russian and Ukrainian delegations, led by A and B, met`: who led those
                // named is inserted too.
                let led = matches!(t.word(j + 1), "led" | "headed") && t.word(j + 2) == "by";
                let after_delegations = led
                    && t.is(j - 1, class::DELEGATE)
                    && maps.ends_at(j - 2).iter().any(|&i| s.ms[i].party());
                let inserted =
                    (described && verbless && !names_subject) || participle || attributed || led;
                return (inserted && (after_name || after_delegations)).then_some(j);
            }
            // `according` reports, yet `, according to …,` is inserted whole.
            if w == "according" && t.word(j + 1) == "to" && t.word(j - 1) == "," {
                continue;
            }
            // (`, who have been in Doha since last week,`: a preposition, opening no clause.)
            let preposition = matches!(w, "since" | "after" | "before")
                && (matches!(t.word(j + 1), "last" | "this" | "the" | "early" | "late")
                    || crate::dates::is_calendar_word(t.word(j + 1))
                    || t.first_byte(j + 1).is_some_and(|b| b.is_ascii_digit()));
            if self.hard_boundary(s, j) && !preposition {
                return None;
            }
        }
        None
    }

    /// `Trump's talks`, `Russia's demands`: a possessive right before the trigger noun.
    pub(super) fn adjacent_possessive(&self, s: &Sentence, m: &Mention, t0: usize) -> bool {
        let apos = if m.form == MForm::Pronoun {
            m.t1
        } else {
            m.t1 + 1
        };
        // `the AU's mediation panel on Sudan received`, `Washington's special envoy for the
        // Horn of Africa held`: the delegation or office acts, whatever its brief; the
        // possessive qualifies the words up to its noun.
        let mut t0 = t0;
        if let Some(d) = (apos..t0).find(|&q| {
            s.t.is(q, class::DELEGATE | class::TITLE) && matches!(s.t.word(q + 1), "on" | "for")
        }) {
            let mut q = d + 2;
            while s.t.is(q, class::SKIP) {
                q += 1;
            }
            let complement = s.ms.iter().filter(|x| x.t0 == q).map(|x| x.t1).max();
            if complement == Some(t0) {
                t0 = d + 1;
            }
        }
        let mut k = apos;
        while k < t0 {
            let w = s.t.word(k);
            if s.t.is(k, class::PLANNED)
                || w == "-"
                || (s.t.is_word(k) && !s.t.cap(k) && k + 5 >= t0)
            {
                k += 1;
                continue;
            }
            return false;
        }
        true
    }

    /// The party named next to the first reporting verb after the quotation.
    pub(super) fn quote_speaker(&self, s: &Sentence, maps: &Maps, from: usize) -> Vec<usize> {
        let t = s.t;
        let Some(r) = (from..t.len()).find(|&k| {
            t.is(k, class::REPORTING) && !t.cap(k) && t.toks().get(k).is_some_and(|x| !x.quoted)
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

    /// Who reports with the verb at `r`: the party before it, past a clause inserted after
    /// that party (`Frederiksen, who spoke by phone with Rutte on Tuesday, said`); when no
    /// party stands before the clause (`The junta, which calls itself the State
    /// Administration Council, said`), the one the clause names.
    pub(super) fn reporting_subject(&self, s: &Sentence, maps: &Maps, r: usize) -> Vec<usize> {
        let past_clause = self.reporter_left_of(s, maps, r, true);
        if past_clause.is_empty() {
            self.reporter_left_of(s, maps, r, false)
        } else {
            past_clause
        }
    }

    fn reporter_left_of(
        &self,
        s: &Sentence,
        maps: &Maps,
        r: usize,
        skip_clauses: bool,
    ) -> Vec<usize> {
        let mut k = r;
        let mut steps = 0;
        while k > 0 && steps < 8 {
            k -= 1;
            steps += 1;
            if skip_clauses {
                if let Some(c) = self.inserted_clause(s, maps, k, 0) {
                    k = c;
                    continue;
                }
            }
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
    pub(super) fn speaker_follows(&self, s: &Sentence, maps: &Maps, mut k: usize) -> bool {
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
            // (`, Pakistan's Foreign Office said`: past a possessor; `, a Commission
            // spokeswoman, Lotte Janssens, said`: past a description and its commas.)
            if t.is(
                k,
                class::SKIP | class::TITLE | class::TITLE_MOD | class::DEFINITE | class::INDEFINITE,
            ) || (named && t.word(k) == "'s")
                || t.word(k) == ","
                || (t.cap(k) && t.is(k + 1, class::TITLE))
            {
                k += 1;
                continue;
            }
            return false;
        }
        false
    }

    /// `The meeting, chaired by Harald Engelbrecht, …`, `the talks were convened by Ralph
    /// Gonsalves`: the agents of a participle right after a meeting noun.
    pub(super) fn event_agents(
        &self,
        s: &Sentence,
        maps: &Maps,
        h: &Hit,
        upper: usize,
    ) -> Vec<usize> {
        let t = s.t;
        let mut k = h.t1;
        // `talks in Doha mediated by …`: past the place of the meeting.
        if matches!(t.word(k), "in" | "at") {
            if let Some(end) = maps.starts_at(k + 1).iter().map(|&i| s.ms[i].t1).max() {
                k = end;
            }
        }
        // `talks in Djibouti City on Thursday that were also attended by …`: past the day.
        if t.word(k) == "on" && crate::dates::is_calendar_word(t.word(k + 1)) {
            k += 2;
        }
        // `The talks, which opened on Saturday, were hosted by …`: past a relative clause.
        if t.word(k) == "," && matches!(t.word(k + 1), "which" | "that") {
            if let Some(c) = (k + 2..(k + 14).min(t.len())).find(|&q| t.word(q) == ",") {
                k = c;
            }
        } else if matches!(t.word(k), "which" | "that") && matches!(t.word(k + 1), "was" | "were") {
            k += 1;
        }
        let from = k;
        while k < from + 4
            && matches!(
                t.word(k),
                "," | "was" | "were" | "is" | "are" | "been" | "also"
            )
        {
            k += 1;
        }
        // `co-chaired by`
        if t.word(k) == "co" && t.word(k + 1) == "-" {
            k += 2;
        }
        // (Not `led by` or `headed by`, said of a delegation at the meeting.)
        let participle = t.is_word(k)
            && !t.cap(k)
            && t.word(k).ends_with("ed")
            && !matches!(t.word(k), "led" | "headed");
        if !participle {
            return Vec::new();
        }
        self.passive_agents(s, maps, k + 1, upper)
    }

    /// `was received by King Charles`, `put forward by Qatar and Egypt`: the agents named
    /// after `by` at token `by`, which are a passive verb's real subjects.
    /// `hosted a delegation from Niger's Tahoua region led by its governor, Colonel Moussa
    /// Garba Ibrahim`: whoever leads the delegation a meeting verb takes as object was met
    /// too; where the delegation came from was not (`Hamas negotiators led by X`: the
    /// group they stand for was). Returns the leaders and where the delegation's origin
    /// phrase spans.
    pub(super) fn delegation_leaders(
        &self,
        s: &Sentence,
        maps: &Maps,
        from: usize,
        upper: usize,
    ) -> (Vec<usize>, std::ops::Range<usize>) {
        let t = s.t;
        let end = upper.min(from + 16);
        let stop = |k: usize| matches!(t.word(k), ";" | ":" | "." | "\"");
        let none = (Vec::new(), 0..0);
        let Some(d) = (from..end.min(from + 4))
            .take_while(|&k| !stop(k))
            .find(|&k| t.is(k, class::DELEGATE))
        else {
            return none;
        };
        let led = (d + 1..end)
            .take_while(|&k| !stop(k))
            .find(|&k| matches!(t.word(k), "led" | "headed") && t.word(k + 1) == "by");
        let Some(k) = led else {
            return none;
        };
        let leaders = self
            .passive_agents(s, maps, k + 1, upper)
            .into_iter()
            .filter(|&i| s.ms[i].party())
            .collect();
        let origin = if t.word(d + 1) == "from" {
            d + 1..k
        } else {
            0..0
        };
        (leaders, origin)
    }

    pub(super) fn passive_agents(
        &self,
        s: &Sentence,
        maps: &Maps,
        by: usize,
        upper: usize,
    ) -> Vec<usize> {
        let t = s.t;
        let mut out = Vec::new();
        if t.word(by) != "by" {
            return out;
        }
        let mut k = by + 1;
        while k < upper && k < by + 20 {
            let idxs = maps.starts_at(k);
            if !idxs.is_empty() {
                let end = idxs.iter().map(|&i| s.ms[i].t1).max().unwrap_or(k + 1);
                // `the president of the ECOWAS Commission, Omar Touray`: the body a title
                // belongs to, when the name follows.
                let b = t.back_over(k, by, &["the"]);
                // (`the UN's envoy for Cyprus, María Ángela Holguín`.)
                if b > by + 1
                    && matches!(t.word(b - 1), "of" | "for" | "to")
                    && t.is(b - 2, class::TITLE)
                    && t.word(end) == ","
                    && named_party_at(s, maps, end + 1)
                {
                    k = end + 1;
                    continue;
                }
                // `by St. Vincent Prime Minister Ralph Gonsalves`: a name qualifying a title
                // leads to the name after it.
                let qualifier = idxs.iter().all(|&i| {
                    let m = &s.ms[i];
                    m.modifier || m.possessive || m.form == MForm::Adjective
                });
                let party = idxs
                    .iter()
                    .copied()
                    .filter(|&i| s.ms[i].party() && !s.ms[i].possessive);
                out.extend(party);
                k = end.max(k + 1);
                // (`the United Arab Emirates' national security adviser`.)
                if matches!(t.word(k), "'s" | "'") {
                    k += 1;
                }
                if qualifier {
                    // (`his Salvadoran counterpart, Alexandra Hill Tinoco`: past a demonym.)
                    let mut q = k;
                    while t.is(q, class::TITLE | class::TITLE_MOD) || demonym_covers(s.ms, q) {
                        q += 1;
                    }
                    if q > k && !maps.starts_at(q).is_empty() {
                        k = q;
                        continue;
                    }
                    // `Mali's foreign minister, Abdoulaye Diop`.
                    if q > k && t.word(q) == "," && named_party_at(s, maps, q + 1) {
                        k = q + 1;
                        continue;
                    }
                    // Otherwise the title phrase goes on word by word (`the UN secretary
                    // general's personal envoy for Cyprus, …`).
                    continue;
                }
                if !matches!(t.word(k), "and" | ",") {
                    break;
                }
                // `hosted by the UAE, the Armenian foreign ministry said`: a trailing speaker.
                if t.word(k) == "," && self.speaker_follows(s, maps, k + 1) {
                    break;
                }
                continue;
            }
            // `hosted by Gonsalves and attended by Amorim`: a second passive verb's agents
            // too.
            if k > 0
                && t.word(k - 1) == "and"
                && t.word(k + 1) == "by"
                && t.is_word(k)
                && !t.cap(k)
                && t.word(k).ends_with("ed")
            {
                k += 2;
                continue;
            }
            // (`the secretary general's personal envoy`: past a possessive title and a
            // lower-case word qualifying a title.)
            if matches!(t.word(k), "and" | ",")
                || t.abbrev_dot(k)
                || t.is(k, class::SKIP | class::TITLE | class::TITLE_MOD)
                || (matches!(t.word(k), "of" | "'s" | "for" | "to")
                    && t.is(k.wrapping_sub(1), class::TITLE))
                || t.title_qualifier(k)
            {
                k += 1;
                continue;
            }
            break;
        }
        out
    }

    /// Party mentions right of a trigger, linked by one of its prepositions or as its object.
    pub(super) fn right_scan(
        &self,
        s: &Sentence,
        maps: &Maps,
        trig: &Trigger,
        t1: usize,
        upper: usize,
        dates: &[DateExpr],
    ) -> (Vec<usize>, bool, usize) {
        let t = s.t;
        // `ruled out meeting Lukashenko`: a gerund without a determiner takes an object.
        let gerund = t1 >= 2
            && t.word(t1 - 1).ends_with("ing")
            && !t.is(t1 - 2, class::DEFINITE | class::INDEFINITE)
            && !t.cap(t1 - 1)
            && !maps.starts_at(t1).is_empty();
        let mut linked = trig.direct || gerund;
        let mut between = false;
        // The phrase names the members of a group (`met local leaders, among them …`).
        let mut members = false;
        // Words left before the name that sends a delegation (`representatives of the
        // paramilitary RSF`).
        let mut sender = 0;
        // The last party was sent by the delegation before it: a coordinated one was too
        // (`negotiators from Congo's government and the M23 rebel group`).
        let mut senders = false;
        // `a meeting of A, B and C`: the whole list after `of` are parties.
        let mut of_list = false;
        let mut out = Vec::new();
        // `met Eritrea's ambassador to the AU`: an office holder the text leaves unnamed
        // acts for the possessor; not `Ghana's President-elect John Mahama`, `Pakistan's
        // deputy PM and foreign minister Ishaq Dar` or `Brazil's ambassador to the Holy
        // See, Lucia Andrade`, whom a name follows.
        let titles_from = |mut q: usize| loop {
            if t.is(q, class::TITLE | class::TITLE_MOD) {
                q += 1;
            } else if matches!(t.word(q), "-" | "and")
                && t.is(q + 1, class::TITLE | class::TITLE_MOD)
                || (t.word(q) == "-" && t.is_word(q + 1) && !t.cap(q + 1))
            {
                q += 2;
            } else {
                return q;
            }
        };
        // (A weekday after the title is no name: `summoned Russia's ambassador Friday`.)
        let named = |q: usize| t.cap(q) && !crate::dates::is_weekday(t.word(q));
        let unnamed_office = |end: usize| {
            let first = if t.word(end) == "'s" { end + 1 } else { end };
            // `the group's officials`, `Russia's negotiators`: those it sent.
            if t.is(first, class::DELEGATE) && !named(first + 1) {
                return true;
            }
            let q = titles_from(first);
            if q == first || named(q) {
                return false;
            }
            let comma = (q..(q + 8).min(t.len()))
                .take_while(|&r| !self.hard_boundary(s, r) || t.word(r) == ",")
                .find(|&r| t.word(r) == ",");
            !comma.is_some_and(|c| {
                maps.starts_at(titles_from(c + 1))
                    .iter()
                    .any(|&i| s.ms[i].party())
            })
        };
        // `shuttled between the two delegations' hotels`: the parties' premises stand for
        // them; not their people (`between Dbeibah's nephew and …`).
        let premises = |end: usize| {
            let q = if matches!(t.word(end), "'s" | "'") {
                end + 1
            } else {
                end
            };
            t.is_word(q)
                && !t.cap(q)
                && t.word(q).ends_with('s')
                && !t.is(q, class::TITLE | class::TITLE_MOD | class::DELEGATE)
        };
        // Where the apposition after the last party ended (`A, deputy head of X, and …`).
        let mut apposed_end = t1;
        let mut k = t1;
        // (Each item of a list told with semicolons gets room of its own.)
        let mut limit = t1 + 30;
        while k < upper && k < limit {
            let idxs = maps.starts_at(k);
            if !idxs.is_empty() {
                let end = idxs.iter().map(|&i| s.ms[i].t1).max().unwrap_or(k + 1);
                let possessive = idxs.iter().any(|&i| s.ms[i].possessive);
                // `a delegation of Hamas`, `a delegation from Serbia`: the sender is a party,
                // not a place.
                let sent = sender > 0;
                sender = 0;
                senders = false;
                // `talked to Tehran`: after a preposition the trigger takes, a party.
                let addressee = k > 0 && trig.preps.iter().any(|p| p == t.word(k - 1));
                let place = !sent && !addressee && idxs.iter().any(|&i| s.ms[i].place);
                let party: Vec<usize> = idxs
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let m = &s.ms[i];
                        !qualifies_act(t, self.lex, m)
                            && m.party()
                            // `at the invitation of Putin`: `of` is the trigger's own.
                            || ((sent || (addressee && (m.place || m.after_of)) || (of_list && m.after_of))
                                && !m.modifier
                                && m.form != MForm::Adjective)
                    })
                    .collect();
                // `received Macron, and Macron later met Li`: a name before the next verb
                // opens a new clause.
                let mut j = end;
                while t.is(j, class::SKIP) {
                    j += 1;
                }
                // (`a meeting between A and B planned for Rome`: `between` wants two.)
                let pair_open = between && out.len() < 2;
                let opens_clause = !out.is_empty()
                    && !pair_open
                    && !possessive
                    && t.is_word(j)
                    && !t.cap(j)
                    && (t.is(j, class::REPORTING) || trigger_match(t, self.lex, j).is_some())
                    && (t.word(k.saturating_sub(1)) == "and" || t.word(k.saturating_sub(1)) == ",");
                if opens_clause {
                    break;
                }
                // `China's special envoy for Myanmar affairs, Deng Xijun`: the complement of a
                // title, before the name it describes.
                let b = t.back_over(k, 0, &["the"]);
                // (Not `the prime ministers of Sweden, Norway and Finland`, a list.)
                if linked
                    && b > 1
                    && matches!(t.word(b - 1), "for" | "to" | "on" | "of" | "from")
                    && t.is(b - 2, class::TITLE)
                    && !t.word(b - 2).ends_with('s')
                {
                    // (`the head of Libya's Presidential Council, Mohamed al-Menfi`: past a
                    // possessor and what it holds.)
                    let mut q = end;
                    while q < end + 6 {
                        if t.word(q) == "'s" {
                            q += 1;
                        } else if let Some(e) = maps.starts_at(q).iter().map(|&i| s.ms[i].t1).max()
                        {
                            q = e;
                        } else if t.is_word(q) && !t.cap(q) {
                            q += 1;
                        } else {
                            break;
                        }
                    }
                    let named = t.word(q) == "," && named_party_at(s, maps, q + 1);
                    if named {
                        k = q + 1;
                        continue;
                    }
                }
                if place {
                    linked = false;
                } else if linked
                    && !party.is_empty()
                    && (!possessive || (between && premises(end)) || unnamed_office(end) || sent)
                {
                    senders = sent;
                    out.extend(party);
                }
                k = end.max(k + 1);
                if possessive && t.word(k) == "'s" {
                    k += 1;
                }
                continue;
            }
            let w = t.word(k);
            if senders {
                // (Past what the sender is: `Congo's government`, `the M23 rebel group`.)
                let what = |q: usize| t.is(q, class::DELEGATE) || t.id_in(q, &self.lex.group_nouns);
                // (`the M23 rebel group`: past a modifier too.)
                if t.is_word(k) && !t.cap(k) && (what(k) || what(k + 1)) {
                    k += 1;
                    continue;
                }
                if w == "and" {
                    sender = 3;
                    k += 1;
                    continue;
                }
                senders = false;
            }
            // `refused to meet any of the group's officials`.
            if linked
                && out.is_empty()
                && t.word(k + 1) == "of"
                && matches!(
                    w,
                    "any" | "all" | "some" | "none" | "one" | "each" | "either"
                )
            {
                k += 2;
                continue;
            }
            // `met A on Thursday and B on Friday`: a date after each object leaves the list
            // open.
            // (`met A in Benghazi last week, and B on Sunday`: past a place; `and Prime
            // Minister B of the Government of National Unity on Sunday`: past a title and a
            // body.)
            let past_place = |k: usize| {
                if matches!(t.word(k), "in" | "at") {
                    if let Some(end) = name_end(s, maps, k + 1) {
                        return end;
                    }
                }
                k
            };
            let dated_at = |k: usize| date_at(t, dates, past_place(k)).map(|d| d.t1);
            if linked && !out.is_empty() {
                let and_at = dated_at(k)
                    .map(|e| e + usize::from(t.word(e) == ","))
                    .filter(|&a| {
                        // (`and Nepal's K.P. Sharma Oli on Friday`: past a possessor.)
                        // (`and with Saudi Crown Prince X`: past a demonym and a title.)
                        let dated_name = |q: usize| {
                            let mut q = q;
                            while t.is(q, class::TITLE | class::TITLE_MOD)
                                || demonym_covers(s.ms, q)
                            {
                                q += 1;
                            }
                            maps.starts_at(q).iter().any(|&i| {
                                let m = &s.ms[i];
                                let mut e = m.t1;
                                if t.word(e) == "of" {
                                    e = name_end(s, maps, e + 1).unwrap_or(e);
                                }
                                m.party() && m.form == MForm::Name && dated_at(e).is_some()
                            })
                        };
                        // (`, and with B on Wednesday`: the trigger's preposition again.)
                        let b = a + usize::from(trig.preps.iter().any(|p| p == t.word(a + 1)));
                        t.word(a) == "and"
                            && (dated_name(b + 1)
                                || maps.starts_at(b + 1).iter().any(|&i| {
                                    s.ms[i].possessive
                                        && t.word(s.ms[i].t1) == "'s"
                                        && dated_name(s.ms[i].t1 + 1)
                                }))
                    });
                if let Some(a) = and_at {
                    k = a + 1;
                    continue;
                }
            }
            // `with A and, separately, with B`: another party, met apart.
            if linked && !out.is_empty() && w == "and" {
                let apart = if t.is(k + 1, class::SEPARATE) {
                    Some(k + 2)
                } else if t.word(k + 1) == "," && t.is(k + 2, class::SEPARATE) {
                    Some(k + 3 + usize::from(t.word(k + 3) == ","))
                } else {
                    None
                };
                if let Some(q) = apart.filter(|&q| trig.preps.iter().any(|p| p == t.word(q))) {
                    k = q + 1;
                    continue;
                }
            }
            // `Hamas negotiators led by Khalil al-Hayya`, `a delegation from the army`: the
            // delegation's leader or sender is a party too.
            if linked && t.is(k, class::DELEGATE) && matches!(t.word(k + 1), "from" | "of") {
                k += 2;
                sender = 3;
                continue;
            }
            // (`met the rebel delegation, led by X,`: past qualifiers and a comma too.)
            if linked && t.is_word(k) && !t.cap(k) {
                if let Some(q) = led_by(t, k) {
                    k = q;
                    continue;
                }
            }
            // `agreed to meet again in Amman, and Safadi invited Mekdad`: `, and` before a
            // name and its verb opens a clause.
            if w == "," && t.word(k + 1) == "and" && !(between && out.len() < 2) {
                let verb_after = maps.starts_at(k + 2).iter().any(|&i| {
                    let e = s.ms[i].t1;
                    s.ms[i].party()
                        && !s.ms[i].possessive
                        && t.word(e) != "'s"
                        && t.verb_at(e, class::TRIGGER_START | class::REPORTING)
                });
                if verb_after {
                    break;
                }
            }
            // `met Grenell, with Rodríguez present`: after a direct object and a comma, `with`
            // adds circumstances, not another party.
            if w == "with" && trig.direct && !out.is_empty() && t.word(k.wrapping_sub(1)) == "," {
                break;
            }
            // (Not `a meeting of their cooperation council`: the parties' own forum.)
            let own_forum =
                w == "of" && matches!(t.word(k + 1), "their" | "its" | "his" | "her" | "our");
            // (`a meeting with Cho Hyun, Minister of Foreign Affairs of the ROK`: an `of` past
            // a party belongs to its apposition; a meeting's list follows the noun.)
            let apposed_of = w == "of" && !out.is_empty();
            // (Its complement is no party either: `…, Minister of Foreign Affairs of South
            // Korea,`.)
            if apposed_of {
                let titled = (k.saturating_sub(6)..k)
                    .rev()
                    .take_while(|&q| t.word(q) != "," && (t.is_word(q) || t.word(q) == "-"))
                    .any(|q| t.is(q, class::TITLE));
                let comma_before = (k.saturating_sub(7)..k).any(|q| t.word(q) == ",");
                if let Some(end) = name_end(s, maps, k + 1).filter(|_| titled && comma_before) {
                    k = end;
                    continue;
                }
            }
            if trig.preps.iter().any(|p| p == w) && !own_forum && !apposed_of {
                linked = true;
                between |= w == "between" || (w == "of" && trig.noun);
                of_list |= w == "of" && trig.noun;
                k += 1;
                continue;
            }
            // `met Israel's ambassador to the Holy See, Yaron Sideman`: the name after a
            // comma is who the title phrase described; so too after a first object (`met A
            // and the Bosniak member of the presidency, Denis Bećirović`).
            let phrase_from = out.last().map_or(t1, |&i| s.ms[i].t1).max(apposed_end);
            if w == ","
                && (out.is_empty() || t.word(phrase_from) == "and")
                && (trig.direct || linked || !out.is_empty())
                && (phrase_from..k).any(|q| t.is(q, class::TITLE))
                && maps.starts_at(k + 1).iter().any(|&i| s.ms[i].party())
            {
                linked = true;
                k += 1;
                continue;
            }
            // `met local leaders, among them Ticuna elder X`, `met officials including X`:
            // the named members of a group the trigger's object only described.
            // (`met A and loyalist leaders including B`: after a first object too.)
            let q = if w == "," { k + 1 } else { k };
            let after = match t.first_byte(q) {
                Some(b'i' | b'a') if trig.direct => match (t.word(q), t.word(q + 1)) {
                    ("including", _) => Some(q + 1),
                    ("among", "them" | "whom") => Some(q + 2),
                    _ => None,
                },
                _ => None,
            };
            // (`received loyalist and moderate leaders …`: the group's noun past its
            // qualifiers.)
            let group_noun = |g: usize| {
                t.is(g, class::DELEGATE) || (t.is(g, class::TITLE) && t.word(g).ends_with('s'))
            };
            let group = || {
                if out.is_empty() {
                    (t1..(t1 + 4).min(k))
                        .take_while(|&x| t.is_word(x) && !t.cap(x))
                        .find(|&x| group_noun(x))
                        .or(Some(t1))
                } else {
                    (k.saturating_sub(5)..k)
                        .rev()
                        .find(|&x| t.word(x) == "and")
                        .map(|x| x + 1)
                }
            };
            // (`host leaders of the Economic Cooperation Organization in Khankendi on
            // Friday, including A and B`: past what the group's complements say of them.)
            let complements = |g: usize| {
                group_noun(g)
                    && out.is_empty()
                    && k <= g + 14
                    && (g + 1..k).all(|x| {
                        t.cap(x) || matches!(t.word(x), "of" | "the" | "in" | "on" | "at" | ",")
                    })
            };
            let members_from = after.and_then(|next| {
                group()
                    .filter(|&g| {
                        k > g
                            && ((k <= g + 4 && (g..k).all(|x| t.is_word(x) && !t.cap(x)))
                                || complements(g))
                    })
                    .map(|_| next)
            });
            if let Some(next) = members_from {
                linked = true;
                members = true;
                k = next;
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
            // `brought together A, representing X; B, representing Y; and C`: a list whose
            // items a participle describes goes on after each semicolon.
            if w == ","
                && linked
                && !out.is_empty()
                && t.word(k + 1).ends_with("ing")
                && !t.cap(k + 1)
            {
                let semi = (k + 2..(k + 16).min(upper))
                    .take_while(|&q| t.word(q) == ";" || !self.hard_boundary(s, q))
                    .find(|&q| t.word(q) == ";");
                let item_next = |q: usize| {
                    (q + 1..(q + 7).min(upper))
                        .take_while(|&x| !self.hard_boundary(s, x))
                        .any(|x| maps.starts_at(x).iter().any(|&i| s.ms[i].party()))
                };
                if let Some(q) = semi.filter(|&q| item_next(q)) {
                    k = q + 1;
                    limit = limit.max(k + 20);
                    continue;
                }
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
            // `with Louis Mapou, the president of the territory's government, Roch Wamytan,
            // …`: an apposition after a listed party leaves the list open.
            // (`between A, deputy head of X, and B`: a title may open it.)
            if w == ","
                && linked
                && !out.is_empty()
                && t.is(
                    k + 1,
                    class::DEFINITE | class::INDEFINITE | class::TITLE | class::TITLE_MOD,
                )
            {
                let close = (k + 2..(k + 12).min(upper)).find(|&q| t.word(q) == ",");
                // (`with A, the summit's host, on Thursday, and B on Friday`: a date may follow.)
                if let Some(c) = close.filter(|&c| {
                    (k + 1..c).any(|q| t.is(q, class::TITLE))
                        && (t.word(c + 1) == "and"
                            || date_at(t, dates, c + 1).is_some()
                            || maps.starts_at(c + 1).iter().any(|&i| s.ms[i].party()))
                }) {
                    k = c + 1;
                    apposed_end = k;
                    continue;
                }
            }
            // `the independent moderator of the process, Sir Jerry Mateparae`: a title's
            // complement in lower case, before the name in apposition.
            if w == "of" && linked && t.is(k.wrapping_sub(1), class::TITLE) {
                let close = (k + 1..(k + 6).min(upper))
                    .take_while(|&q| t.word(q) == "," || (t.is_word(q) && !t.cap(q)))
                    .find(|&q| t.word(q) == ",");
                let name_at = |c: usize| {
                    let mut q = c + 1;
                    while t.is(q, class::TITLE | class::TITLE_MOD) && q < c + 4 {
                        q += 1;
                    }
                    named_party_at(s, maps, q)
                };
                if let Some(c) = close.filter(|&c| name_at(c)) {
                    k = c + 1;
                    continue;
                }
            }
            // `UN High Commissioner for Refugees Filippo Grandi`, `Minister of Foreign Affairs
            // Ahmed Attaf`: a capitalised complement of the title, before the name.
            if linked && matches!(w, "for" | "of") && t.is(k.wrapping_sub(1), class::TITLE) {
                let mut q = k + 1;
                while q < k + 5 && t.is_word(q) && t.cap(q) && maps.starts_at(q).is_empty() {
                    q += 1;
                }
                let named = q > k + 1 && named_party_at(s, maps, q);
                if named {
                    k = q;
                    continue;
                }
            }
            // `hosted the chief negotiators of Kosovo and Serbia, Besnik Bislimi and Petar
            // Petković`: the names after a comma are those the title only described.
            if w == ","
                && linked
                && !out.is_empty()
                && out.iter().all(|&i| s.ms[i].represented)
                // (Not the list itself: `the prime ministers of Sweden, Norway and Finland`.)
                && maps.starts_at(k + 1).iter().any(|&i| {
                    let m = &s.ms[i];
                    m.party() && m.form == MForm::Name && !m.represented
                })
            {
                out.clear();
                k += 1;
                continue;
            }
            // `junta leader`, `opposition leader`: any word qualifying a title.
            if matches!(w, "and" | "or" | "," | "&" | "\"" | "'")
                || t.is(k, class::SKIP | class::TITLE | class::TITLE_MOD)
                // (`among them Ticuna elder X`: a capitalised one too, naming a member.)
                || (t.is_word(k)
                    && (!t.cap(k) || members)
                    && (t.is(k + 1, class::TITLE)
                        // `the new prime minister`
                        || (t.is(k + 1, class::TITLE_MOD) && t.is(k + 2, class::TITLE))))
                // `Commission President Ursula von der Leyen`, `Gedo regional governor X`: a
                // capitalised word no list knows, qualifying the title of the name after it.
                || (t.is_word(k) && t.cap(k) && maps.starts_at(k).is_empty() && {
                    let q = (k + 1..k + 3)
                        .find(|&q| !t.is(q, class::TITLE_MOD))
                        .unwrap_or(k + 3);
                    t.is(q, class::TITLE) && named_party_at(s, maps, q + 1)
                })
                // `President-elect`: a hyphen inside a word.
                || (w == "-" && !self.hard_boundary(s, k))
                // `spoke with Mr. Sidhu`
                || t.abbrev_dot(k)
            {
                k += 1;
                continue;
            }
            // `hosted the prime ministers of Sweden and Norway — Ulf Kristersson and Jonas Gahr
            // Støre —`: after a dash, an apposition names the parties a title only described.
            if w == "-"
                && linked
                && out.iter().all(|&i| s.ms[i].represented)
                && maps.starts_at(k + 1).iter().any(|&i| s.ms[i].party())
            {
                out.clear();
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
            // So is a name no list knows (`with Vox's leader, Santiago Abascal`).
            let unknown_name = t.cap(k) && t.word(k + 1) == "'s";
            if linked && t.is_word(k) && (!t.cap(k) || unknown_name) {
                let apos = (k + 1..(k + 4).min(upper)).find(|&q| t.word(q) == "'s");
                if let Some(q) = apos.filter(|&q| {
                    (k..q).all(|x| t.is_word(x) && (!t.cap(x) || unknown_name))
                        && t.is(q + 1, class::TITLE | class::TITLE_MOD)
                }) {
                    k = q + 1;
                    continue;
                }
            }
            // `spoke to Pakistan's deputy PM and foreign minister Ishaq Dar`: titles before
            // the name keep the phrase open.
            if linked
                && out.is_empty()
                && (t.is(k, class::TITLE | class::TITLE_MOD)
                    || (w == "and" && t.is(k + 1, class::TITLE | class::TITLE_MOD)))
            {
                k += 1;
                continue;
            }
            linked = false;
            k += 1;
        }
        // `did not meet Christian Tein, the CCAT's leader,`: the possessor in a named party's
        // apposition is whom they lead, no party of its own.
        let apposed = |m: &Mention| {
            let b = t.back_over(m.t0, 0, &["the"]);
            m.possessive
                && t.is(m.t1 + 1, class::TITLE | class::TITLE_MOD)
                && b > 1
                && t.word(b - 1) == ","
                && out.iter().any(|&i| {
                    let n = &s.ms[i];
                    n.t1 + 1 == b && n.form == MForm::Name && !n.possessive
                })
        };
        let kept: Vec<usize> = out
            .iter()
            .copied()
            .filter(|&i| !apposed(&s.ms[i]))
            .collect();
        (kept, between, k)
    }

    /// `The head of NATO, Mark Rutte, met`: the comma at `k` closes a title phrase whose
    /// complement names where the person after it serves, not another party.
    fn title_complement_before(&self, s: &Sentence, maps: &Maps, k: usize) -> bool {
        let t = s.t;
        let Some(start) = maps
            .ends_at(k.wrapping_sub(1))
            .iter()
            .map(|&i| s.ms[i].t0)
            .min()
        else {
            return false;
        };
        let mut q = start;
        while q > 0 && t.is(q - 1, class::DEFINITE) {
            q -= 1;
        }
        // (`the energy ministers of Kazakhstan, Kyrgyzstan and Uzbekistan`: a plural office
        // before a list.)
        q > 1 && t.word(q - 1) == "of" && t.is(q - 2, class::TITLE) && !t.word(q - 2).ends_with('s')
    }

    /// The entity a party mention stands for: pronoun alternatives avoid `avoid`, a capital
    /// named as an actor stands for its country.
    pub(super) fn party_ent(
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
        // `pressed her government`, `Kiir's government`: a leader's government is the
        // country it governs, where the gazetteer says which.
        let governed = (m.possessive
            && e.kind == EntityKind::Person
            && matches!(
                s.t.word(m.t1 + usize::from(s.t.word(m.t1) == "'s")),
                "government" | "administration" | "cabinet"
            ))
        .then(|| self.gaz.entry(e.gaz))
        .flatten()
        .and_then(|g| g.roles.first().map(|(_, of)| of.clone()));
        let entry = self.gaz.entry(e.gaz);
        // `Brussels insists` in an article about the EU is the EU, not Belgium.
        let seat_of = entry
            .and_then(|g| g.seat_of.as_ref())
            .and_then(|body| self.gaz.by_id.get(body))
            .and_then(|&bi| doc.by_entry_ent(bi))
            .filter(|&b| doc.ents.get(b).is_some_and(|x| x.mentions > 0));
        if let Some(body) = seat_of {
            return Some(body);
        }
        let capital_of = entry.and_then(|g| g.capital_of.clone());
        if let Some(country) = capital_of.or(governed) {
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

    /// `joined the talks`, `took part in the meeting`: a verb of taking part before the
    /// determiner of the meeting noun at `t0`.
    pub(super) fn joined(&self, s: &Sentence, t0: usize) -> bool {
        let t = s.t;
        let Some(det) = definite_before(t, t0) else {
            return false;
        };
        let is_join = |k: usize| t.id_in(k, &self.lex.join_verbs);
        // (`joined part of the Vientiane talks`: or a share of them.)
        let det = match det.checked_sub(2) {
            Some(k) if t.word(k + 1) == "of" && matches!(t.word(k), "part" | "some" | "most") => k,
            _ => det,
        };
        match det.checked_sub(1) {
            Some(k) if t.word(k) == "in" => k.checked_sub(1).is_some_and(is_join),
            Some(k) => is_join(k),
            None => false,
        }
    }

    /// `Asim Munir joined Sharif for the talks`: those named right before the verb of taking
    /// part, when a party to the meeting noun at `t0` is its object.
    pub(super) fn joined_party(&self, s: &Sentence, t0: usize) -> Option<Vec<usize>> {
        let t = s.t;
        let det = definite_before(t, t0)?;
        if det < 3 || t.word(det - 1) != "for" {
            return None;
        }
        let object = s.ms.iter().find(|m| m.t1 == det - 1 && m.party())?;
        let verb = object.t0.checked_sub(1)?;
        if !t.id_in(verb, &self.lex.join_verbs) {
            return None;
        }
        // (`Asim Munir, Pakistan's army chief, joined`: past an apposition.)
        let end = if t.word(verb.wrapping_sub(1)) == "," {
            (verb.saturating_sub(9)..verb - 1)
                .rev()
                .find(|&q| t.word(q) == ",")
                .unwrap_or(verb)
        } else {
            verb
        };
        let joiners: Vec<usize> =
            s.ms.iter()
                .filter(|m| m.t1 == end && m.party())
                .map(|m| m.ent)
                .collect();
        (!joiners.is_empty()).then_some(joiners)
    }

    pub(super) fn determiner(&self, s: &Sentence, t0: usize) -> Option<bool> {
        // `met in Nicosia on Tuesday, in talks mediated by X`: the clause's meeting told again
        // (`hosted by` is a trigger of its own).
        // (`, in a meeting also attended by NATO officials`: so is one whom others joined.)
        let chaired = |k: usize| {
            let k = if s.t.word(k) == "also" { k + 1 } else { k };
            !s.t.is(k, class::TRIGGER_START)
                && (s.t.id_in(k, &self.lex.chair_verbs)
                    || (s.t.id_in(k, &self.lex.join_verbs) && s.t.word(k + 1) == "by"))
        };
        let opened = s.t.back_over(t0, t0.saturating_sub(1), &["a", "the"]);
        if opened > 1
            && s.t.word(opened - 1) == "in"
            && s.t.word(opened - 2) == ","
            && chaired(t0 + 1)
        {
            return Some(true);
        }
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
}

/// Whether a party is named (not described) at token `q`.
/// The definite determiner of the meeting noun at `t0` (`the talks`, `the Oval Office
/// talks`), a few words before it.
fn definite_before(t: &crate::text::Tokens, t0: usize) -> Option<usize> {
    (t0.saturating_sub(4)..t0)
        .rev()
        .find(|&k| t.is(k, class::DEFINITE))
}

fn named_party_at(s: &Sentence, maps: &Maps, q: usize) -> bool {
    maps.starts_at(q)
        .iter()
        .any(|&i| s.ms[i].party() && s.ms[i].form == MForm::Name)
}

/// Where the name at token `k` ends, past a `the` before it (`in the Hague`, `of the
/// Government of National Unity`).
fn name_end(s: &Sentence, maps: &Maps, k: usize) -> Option<usize> {
    let at = if s.t.word(k) == "the" { k + 1 } else { k };
    maps.starts_at(at).iter().map(|&i| s.ms[i].t1).max()
}

/// Where the leader's name may start after a delegation named at `k` (`negotiators led
/// by`, `the government delegation, headed by`): past up to two qualifiers, the
/// delegation's nouns and a comma.
fn led_by(t: &crate::text::Tokens, k: usize) -> Option<usize> {
    let mut q = k;
    while q < k + 2 && t.is_word(q) && !t.cap(q) && !t.is(q, class::DELEGATE) {
        q += 1;
    }
    let nouns = q;
    while t.is(q, class::DELEGATE) && q < nouns + 2 {
        q += 1;
    }
    if q == nouns {
        return None;
    }
    q += usize::from(t.word(q) == ",");
    (matches!(t.word(q), "led" | "headed") && t.word(q + 1) == "by").then_some(q + 2)
}

/// `Yamaguchi, leader of the coalition partner Komeito, who …`: when the words before the
/// comma at `comma` are a title with its complement in apposition to a name, the comma that
/// opens the apposition. `who` is the person the title describes, not the body after `of`.
fn title_apposition(s: &Sentence, maps: &Maps, comma: usize) -> Option<usize> {
    let t = s.t;
    let c = (comma.saturating_sub(14)..comma)
        .rev()
        .find(|&q| matches!(t.word(q), "," | ";" | ":" | "(" | ")"))?;
    (c > 0
        && t.word(c) == ","
        && t.is(c + 1, class::TITLE | class::TITLE_MOD)
        && (c + 1..comma).any(|q| t.word(q) == "of")
        && maps
            .ends_at(c - 1)
            .iter()
            .any(|&i| s.ms[i].party() && s.ms[i].form == MForm::Name))
    .then_some(c)
}

/// Whether only a few lower-case words (auxiliaries, negation, adverbs) stand between the
/// `but` at `k` and the verb at `t0`: its verb phrase is coordinated with the one before it.
pub(super) fn but_predicate(s: &Sentence, maps: &Maps, k: usize, t0: usize) -> bool {
    let t = s.t;
    t0 > k
        && t0 - k <= 5
        && (k + 1..t0).all(|q| {
            t.is_word(q) && !t.cap(q) && !t.is(q, class::SKIP) && maps.starts_at(q).is_empty()
        })
}

/// `Colombia's government and the ELN`: a possessor of a side (its government, delegation,
/// negotiators) coordinated with another party stands for that side.
fn owns_coordinated_side(t: &crate::text::Tokens, m: &Mention) -> bool {
    coordinated_side_noun(t, m.t1 + 1)
}

/// Whether token `k` is the noun for a side after a possessive and before `and` or a comma
/// (`government` in `Colombia's government and the ELN`).
fn coordinated_side_noun(t: &crate::text::Tokens, k: usize) -> bool {
    t.is(k, class::DELEGATE)
        && matches!(t.word(k.wrapping_sub(1)), "'s" | "'")
        && matches!(t.word(k + 1), "and" | ",")
}
