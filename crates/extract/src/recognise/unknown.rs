//! Names no list knows, recognised by their cues: titles before or after them, given names,
//! where they stand in the sentence, and the nouns of places and organisations.

use super::{define_acronym, is_particle, trigger_match, MForm, Mention, Recogniser, MAX_RUN};
use crate::doc::DocState;
use crate::lexicon::{class, Gender};
use crate::model::EntityKind;
use crate::text::Tokens;

impl Recogniser<'_> {
    pub(super) fn unknown_pass(
        &self,
        text: &str,
        t: &Tokens,
        doc: &mut DocState,
        covered: &mut [bool],
        out: &mut Vec<Mention>,
    ) {
        let n = t.len();
        // `Today I hosted`: the pronoun before a verb is no part of a name (a regnal
        // `Charles I` is the gazetteer's).
        let pronoun = |k: usize| t.word(k) == "i" && t.is_word(k + 1) && !t.cap(k + 1);
        let mut i = 0;
        while i < n {
            if !self.is_name_word(t, i, covered) || pronoun(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < n {
                if self.is_name_word(t, j, covered) && !pronoun(j) {
                    j += 1;
                } else if j + 1 < n
                    && t.word(j) == "-"
                    && t.touching(j - 1)
                    && self.is_name_word(t, j + 1, covered)
                {
                    j += 2;
                } else if t.word(j) == "."
                    && t.toks()[j - 1].end - t.toks()[j - 1].start == 1
                    && self.is_name_word(t, j + 1, covered)
                {
                    j += 1;
                } else if t.word(j) == "'"
                    && t.touching(j - 1)
                    && t.word(j - 1).ends_with('s')
                    && (self.is_name_word(t, j + 1, covered) || t.word(j + 1) == "and")
                {
                    // `Panama Canal Tugboat Captains' Union`, `Hunters' and Fishers' Council`.
                    j += 1;
                } else if t.word(j) == "'s"
                    && t.touching(j - 1)
                    && irregular_plural(t.word(j - 1))
                    && self.is_name_word(t, j + 1, covered)
                    && self.org_head_follows(t, j + 1)
                {
                    // `Inshore Fishermen's Association`, `Women's League`.
                    j += 1;
                } else if t.word(j) == "and"
                    && self.is_name_word(t, j + 1, covered)
                    && self.org_head_follows(t, j + 1)
                {
                    // `Hostages and Missing Families Forum`.
                    j += 2;
                } else if matches!(t.word(j), "of" | "for")
                    // (`Gulf of Fonseca`, `Port of Spain`.)
                    && (t.is(j - 1, class::ORG_SUFFIX) || (j == i + 1 && place_head(t, i)))
                    && self.is_name_word(t, j + 1, covered)
                    && !t.is(j + 1, class::TITLE | class::STOP)
                {
                    // `Ministry of Unification`, `Bank of Korea`, `Collective for Human Rights`.
                    j += 2;
                } else if j + 1 < n
                    && t.word(j) == "-"
                    && t.touching(j - 1)
                    && t.touching(j)
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
                    let hyphen = t.word(j + 1) == "-" && t.touching(j);
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
            // `Law Society of Kenya`, `Central Bank of Nigeria`: a body's name may end in the
            // country it serves, which is then no mention of its own.
            if j > i + 1 && t.word(j) == "of" && t.is(j - 1, class::ORG_SUFFIX) {
                let country = out.iter().position(|m| {
                    m.t0 == j + 1
                        && m.form == MForm::Name
                        && doc.kind(m.ent) == Some(EntityKind::Gpe)
                        && !self.is_name_word(t, m.t1, covered)
                        && t.word(m.t1) != "'s"
                });
                if let Some(p) = country {
                    let m = out.remove(p);
                    covered[m.t0..m.t1].iter_mut().for_each(|c| *c = false);
                    if let Some(e) = doc.ents.get_mut(m.ent) {
                        e.mentions = e.mentions.saturating_sub(1);
                    }
                    // (`Law Society of Kenya (LSK)`: the initials are the body's.)
                    let initials = t.word(m.t1 + 1);
                    if t.word(m.t1) == "(" && doc.surnames.get(initials) == Some(&m.ent) {
                        doc.surnames.remove(initials);
                    }
                    j = m.t1;
                }
            }
            // (Capitalised words only: `Salem Abdullah al-Jaber al-Sabah` is four.)
            // A weekday alone names no one (`summoned Russia's ambassador Friday`).
            let weekday = j == i + 1 && crate::dates::is_weekday(t.word(i));
            if !weekday && (i..j).filter(|&k| t.cap(k)).count() <= MAX_RUN {
                self.classify_run(text, t, i, j, doc, covered, out);
            }
            i = j;
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn classify_run(
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
        // `National Assembly President Jorge Rodríguez`: a title inside the run ends one
        // name and opens the next.
        // `Americas Detainee Families Alliance`: a run ending in an organisation's head noun
        // is one name, whatever titles it holds.
        let org_head = j > i + 1 && t.is(j - 1, class::ORG_SUFFIX) && t.cap(j - 1);
        let inner_title = (i + 1..j.saturating_sub(1))
            .filter(|_| !org_head)
            .find(|&q| {
                // (`Tamil Nadu Chief Minister M.K. Stalin`: a title of several words.)
                let mut e = q;
                while e + 1 < j && t.is(e + 1, class::TITLE | class::TITLE_MOD) {
                    e += 1;
                }
                t.is(q, class::PERSON_CUE | class::TITLE_MOD)
                    && t.is(e, class::PERSON_CUE)
                    && !t.is(q - 1, class::TITLE | class::TITLE_MOD | class::STOP)
                    && t.cap(e + 1)
                    && !t.is(e + 1, class::TITLE | class::TITLE_MOD | class::STOP)
            });
        if let Some(q) = inner_title {
            self.classify_run(text, t, i, q, doc, covered, out);
            self.classify_run(text, t, q, j, doc, covered, out);
            return;
        }
        let mut s = i;
        let mut title_in_run = false;
        // `State House`, `Government House`: a place's name keeps the words that qualify
        // titles elsewhere.
        let place_named = j > i + 1
            && t.is(j - 1, class::LOC_SUFFIX)
            && (i..j).all(|k| !t.is(k, class::PERSON_CUE));
        while place_named && s < j && t.is(s, class::STOP | class::SKIP) {
            s += 1;
        }
        while s < j && !place_named {
            let w = t.word(s);
            // `Queen Elizabeth Hospital`: an organisation's name keeps its titles.
            if org_head && !t.is(s, class::STOP) {
                break;
            }
            if t.is(s, class::PERSON_CUE) {
                title_in_run = true;
            } else if !t.is(
                s,
                class::TITLE | class::TITLE_MOD | class::STOP | class::SKIP,
            ) && !matches!(w, "-" | ".")
            {
                break;
            } else if (title_in_run || (s == i && i > 0 && t.is(i - 1, class::PERSON_CUE)))
                && t.is(s, class::STOP)
                && s + 1 < j
            {
                // `Vice Premier He Lifeng`, `spokesperson He Yadong`: after a title, `He` is
                // a name.
                break;
            }
            s += 1;
        }
        // `the ASEAN Foreign Ministers' Retreat`: titles that own what follows are part of the
        // name of a meeting or body, not a person's titles.
        if s < j && s > i && matches!(t.word(s), "'" | "'s") {
            s = i;
        }
        if s >= j {
            // `King, who also called on …` after `Madeleine King`: a title word alone, before
            // no name, is the family name of someone the article named.
            let alone = j == i + 1 && !t.cap(j) && !t.is(i, class::STOP);
            if let Some(e) = alone.then(|| doc.surname(t.word(i))).flatten() {
                let name = text.get(t.toks()[i].start..t.toks()[i].end).unwrap_or("");
                doc.mention(e, name);
                covered[i] = true;
                out.push(Mention::new(i, j, e, MForm::Name));
            }
            return;
        }
        // `the Gen Z protest movement`: one letter after a title is no name.
        if title_in_run && j == s + 1 && t.word(s).chars().count() == 1 {
            return;
        }
        // (A particle in lower case is no word of its own: `Salem al-Jaber al-Sabah` is three.)
        let word_count = (s..j)
            .filter(|&k| t.is_word(k) && (t.cap(k) || !is_particle(t.word(k))))
            .count();
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
            for _ in 0..10 {
                if q + 2 < i && title_at(q) {
                    return !t.word(q).ends_with('s');
                }
                // `Niger's trade envoy to the alliance, Hadiza …`, `Second Minister of Foreign
                // Affairs, Erywan Yusof`, `ambassador-at-large for Arctic affairs, …`.
                let complement = covered.get(q) == Some(&true)
                    || matches!(
                        t.word(q),
                        "to" | "of" | "for" | "the" | "on" | "in" | "at" | "-" | "'s"
                    )
                    || (t.is_word(q) && !t.is(q, class::TRIGGER_START | class::REPORTING));
                if !complement || q == 0 {
                    return false;
                }
                q -= 1;
            }
            false
        };
        // `Aviaja Lynge, a spokeswoman for …`, `Harald Engelbrecht, the head of …`: an
        // apposition that gives the name a title; without the article as well (`Aguila
        // Saleh, speaker of …`), past a possessor or a capitalised qualifier (`Shafiqul Alam,
        // Yunus's press secretary`, `Željka Cvijanović, the Serb member of …`).
        let cue_after = || {
            let from = if matches!(t.word(j + 1), "a" | "an" | "the") {
                j + 2
            } else {
                j + 1
            };
            t.word(j) == ","
                && (from..(from + 8).min(t.len()))
                    .take_while(|&q| {
                        // (`'s` opens the trigger `'s demands`.)
                        t.word(q) == "'s"
                            || ((t.is_word(q) || t.word(q) == "-")
                                && !t.is(q, class::TRIGGER_START))
                    })
                    .any(|q| {
                        t.is(q, class::TITLE)
                            && !t.word(q).ends_with('s')
                            && matches!(
                                t.word(q + 1),
                                "for"
                                    | "to"
                                    | "of"
                                    | "at"
                                    | "in"
                                    | "with"
                                    | "responsible"
                                    // `high representative on the Rohingya crisis`
                                    | "on"
                                    | ","
                                    | ""
                                    | "who"
                                    | "-"
                            )
                    })
        };
        // `the Comuneros del Sur, a small guerrilla faction,`: an apposition that calls the
        // name an organisation.
        let org_after = || {
            t.word(j) == ","
                && matches!(t.word(j + 1), "a" | "an" | "the")
                && (j + 2..(j + 7).min(t.len()))
                    .take_while(|&q| t.is_word(q) && !t.is(q, class::TRIGGER_START))
                    .any(|q| t.is(q, class::ORG_SUFFIX) && (!t.cap(q) || t.word(q) == "ngo"))
        };
        // `his Thai and Cambodian counterparts, Maris Sangiampongsa and Prak Sokhonn`: a
        // plural title before a list of names.
        let listed = t.word(j) == "and" && t.cap(j + 1);
        // `loyalist leaders including Sonia Backès`: a member of a group of people.
        // (`received moderate leaders at the Elysée on Thursday, including Sonia Backès`:
        // past the group's place and day, and a comma.)
        let people = |k: usize| {
            t.word(k).ends_with('s')
                && (t.is(k, class::PERSON_CUE | class::TITLE | class::DELEGATE)
                    || lex.has(t.word(k).trim_end_matches('s'), class::PERSON_CUE))
        };
        let member_of = || {
            i > 1
                && t.word(i - 1) == "including"
                && (i.saturating_sub(10)..i - 1)
                    .rev()
                    .take_while(|&k| t.word(k) != ";" && !t.is(k, class::REPORTING))
                    .find(|&k| t.is_word(k) && !t.cap(k) && people(k))
                    .is_some_and(|k| (k + 1..i - 1).all(|q| trigger_match(t, lex, q).is_none()))
        };
        // (`Chihuahua Gov. Maru Campos`: an abbreviated title with its period.)
        let abbreviated_title = i > 1
            && t.word(i - 1) == "."
            && t.touching(i - 2)
            && title_at(i - 2)
            && t.is(i - 2, class::ABBREV);
        // `Minister of State Soltan Al-Muraikhi`, `Deputy Minister of Energy and Mines
        // Khamphanh Sisouvong-Holm`: a title's portfolio in capitals, past `of`, before the
        // name.
        let portfolio = || {
            let mut q = s;
            while q > 0
                && (matches!(t.word(q - 1), "of" | "for" | "and")
                    || (t.cap(q - 1) && t.is(q - 1, class::TITLE_MOD)))
                && s - q < 8
            {
                q -= 1;
            }
            // (The run opens with the portfolio, and a full name follows it: not `Minister
            // for Refugees` or `Minister of Water Resources and Irrigation`.)
            s > i
                && word_count >= 2
                && q > 0
                && t.is(q - 1, class::TITLE)
                && !t.is(q - 1, class::TITLE_MOD)
                && (q..s).any(|x| matches!(t.word(x), "of" | "for"))
        };
        let cue_before = i > 0
            && (title_at(i - 1)
                || portfolio()
                || abbreviated_title
                || member_of()
                || (i > 1
                    && t.word(i - 1) == ","
                    && ((title_at(i - 2) && (!t.word(i - 2).ends_with('s') || listed))
                        || title_phrase_before())));
        let given = lex.given.get(t.word(first)).copied();
        // Where a person stands: `said Bonnie Glaser`, `Ana Lima met …`, `X and Ana Lima`,
        // `Paraguay's Ana Lima`.
        let person_at = |k: usize| {
            out.iter()
                .any(|m| m.t1 == k && doc.kind(m.ent) == Some(EntityKind::Person))
        };
        let gpe_at = |k: usize| {
            out.iter()
                .any(|m| m.t1 == k && doc.kind(m.ent) == Some(EntityKind::Gpe))
        };
        let verb_after = || {
            t.is_word(j)
                && !t.cap(j)
                && t.is(j, class::TRIGGER_START)
                && trigger_match(t, lex, j)
                    .and_then(|(p, _)| lex.triggers.get(p))
                    .is_some_and(|x| !x.noun)
        };
        // `Ishmael Toroama issued the ultimatum`: a name that opens the sentence, before a
        // verb in the past.
        // (`Mamata Banerjee did not meet`, `Onn Hafiz Ghazi is scheduled to`: or, for two
        // words no list knows, before an auxiliary and a verb.)
        let opens_before_past = || {
            i == 0
                && t.is_word(j)
                && !t.cap(j)
                && (t.is(j, class::PAST)
                    || (t.word(j).len() > 4 && t.word(j).ends_with("ed"))
                    || (j >= i + 2
                        && (i..j).all(|k| t.unlisted(k))
                        && matches!(
                            t.word(j),
                            "did" | "has" | "had" | "will" | "would" | "is" | "was"
                        )
                        && t.is_word(j + 1)
                        && !t.cap(j + 1)))
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
                && out
                    .iter()
                    .any(|m| m.t0 == j + 1 && doc.kind(m.ent) == Some(EntityKind::Gpe))
        };
        // `Ossufo Momade of Renamo`, `Tina Bokuchava of the United National Movement`: two
        // plain words before `of` and a capitalised name.
        let of_body = || {
            t.word(j) == "of"
                && j == i + 2
                && (i..j).all(|k| t.unlisted(k))
                && (t.cap(j + 1) || (t.word(j + 1) == "the" && t.cap(j + 2)))
        };
        let position = || {
            (i > 1 && t.word(i - 1) == "'s" && gpe_at(i - 1))
                || of_country()
                || of_body()
                // `Adel al-Jubeir, who made a visit …`
                || (t.word(j) == "," && t.word(j + 1) == "who")
                || (!place_first()
                    && (inverted_speaker
                        || (i > 1 && matches!(t.word(i - 1), "and" | ",") && person_at(i - 1))
                        || verb_after()
                        || opens_before_past()
                        || verb_before()))
        };
        let name = text
            .get(t.toks()[s].start..t.toks()[j - 1].end)
            .unwrap_or("");
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
        let org_of = (s + 1..j)
            .any(|k| matches!(t.word(k), "of" | "for") && t.is(k - 1, class::ORG_SUFFIX))
            && !(t.word(j) == "-" && t.touching(j - 1));
        // (`Foreign Ministers' Retreat`: a name with a possessive inside is no person's.)
        let owned = (s..j).any(|k| matches!(t.word(k), "'" | "'s"));
        let titled = !owned && cue_before
            || (title_in_run && !org_head && !owned)
            || ((2..=4).contains(&word_count)
                && !t.is(last, class::ORG_SUFFIX | class::EVENT_SUFFIX | place_suffix)
                && cue_after());
        // `Vlasblom-Hadžić` after `Annemarie Vlasblom-Hadžić`, `Sivertsen Næss` after
        // `Marianne Sivertsen Næss`: a surname of two words or joined by a hyphen, alone.
        // (`Oyono Esono` after `Simeón Oyono Esono Angue`: or the family names inside one.)
        let surname_alone = (j > s + 1)
            .then(|| doc.surname(t.word(last)))
            .flatten()
            .filter(|&e| {
                // (`Al-Harthy` opening a sentence after `Salim al-Harthy`: case aside.)
                doc.ents.get(e).is_some_and(|x| {
                    let (full, tail) = (x.name.as_bytes(), name.as_bytes());
                    x.kind == EntityKind::Person
                        && full.len() > tail.len()
                        && full[full.len() - tail.len()..].eq_ignore_ascii_case(tail)
                        && full[full.len() - tail.len() - 1] == b' '
                })
            })
            .or_else(|| {
                (word_count == 2 && !cue_before)
                    .then(|| inner_name(doc, name))
                    .flatten()
            });
        let (ent, kind) = if let Some(e) = surname_alone {
            (e, EntityKind::Person)
        } else if titled && word_count <= 4 && !org_of {
            if word_count == 1 {
                // `Sheikh Mohammed` after `Sheikh Mohammed bin Salman`: the same person.
                let known = match doc.surname(t.word(first)) {
                    Some(e) => Some(e),
                    None => doc.by_first_name(t.word(first)),
                };
                match known {
                    Some(e) => (e, EntityKind::Person),
                    None => (self.local_person(doc, name, None), EntityKind::Person),
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
            // (`the Una basin` after `the Una river`: the river's place.)
            let river = t
                .id_in(j, &self.lex.river_parts)
                .then(|| doc.local(EntityKind::Loc, &format!("{name} river")))
                .flatten();
            let name = if kind == EntityKind::Loc {
                text.get(t.toks()[s].start..t.toks()[j].end).unwrap_or(name)
            } else {
                name
            };
            match river {
                Some(e) => (e, EntityKind::Loc),
                None => (doc.local_entity(kind, name, None), kind),
            }
        } else if noun_of && word_count <= 3 {
            let kind = place_kind(i - 2);
            (doc.local_entity(kind, name, None), kind)
        } else if t.word(s + 1) == "of" && place_head(t, s) && !t.is(last, class::ORG_SUFFIX) {
            let kind = if t.is(s, class::GPE_SUFFIX) {
                EntityKind::Gpe
            } else {
                EntityKind::Loc
            };
            (doc.local_entity(kind, name, None), kind)
        } else if org_of {
            (
                doc.local_entity(EntityKind::Org, name, None),
                EntityKind::Org,
            )
        } else if given.is_none()
            && (self.particle_place(t, s, j)
                || (word_count == 2 && self.settlement_after_in(t, doc, s, j)))
        {
            (
                doc.local_entity(EntityKind::Gpe, name, None),
                EntityKind::Gpe,
            )
        } else if (2..=4).contains(&word_count)
            && !t.is(last, class::ORG_SUFFIX | class::EVENT_SUFFIX | class::TITLE)
            && !owned
            && (given.is_some()
                || (t.is(j, class::REPORTING) && t.is_word(j) && !t.cap(j))
                || position())
        {
            // A given name, or a full name that says something (`Olena Petrenko said`).
            (self.person(doc, name, last_w, given), EntityKind::Person)
        } else if (word_count >= 2 && t.is(last, class::ORG_SUFFIX)) || org_after() {
            let s0 = (i..j).find(|&k| !t.is(k, class::STOP)).unwrap_or(i);
            let name = text
                .get(t.toks()[s0].start..t.toks()[j - 1].end)
                .unwrap_or("");
            (
                doc.local_entity(EntityKind::Org, name, None),
                EntityKind::Org,
            )
        } else if word_count >= 2 && t.is(last, class::EVENT_SUFFIX) {
            let s0 = (i..j).find(|&k| !t.is(k, class::STOP)).unwrap_or(i);
            let name = text
                .get(t.toks()[s0].start..t.toks()[j - 1].end)
                .unwrap_or("");
            (
                doc.local_entity(EntityKind::Event, name, None),
                EntityKind::Event,
            )
        } else if word_count == 1 {
            match doc.surname(t.word(first)) {
                Some(e) => (e, EntityKind::Person),
                None if self.settlement_after_in(t, doc, s, j) => (
                    doc.local_entity(EntityKind::Gpe, name, None),
                    EntityKind::Gpe,
                ),
                // (`the civilian coalition Somoud`, `the armed group Fano`: named by what it
                // is, in lower case before it.)
                None if acronym(t, first)
                    || (first == i
                        && i > 0
                        && t.is_word(i - 1)
                        && !t.cap(i - 1)
                        && (t.id_in(i - 1, &self.lex.org_nouns)
                            || t.id_in(i - 1, &self.lex.group_nouns))) =>
                {
                    (
                        doc.local_entity(EntityKind::Org, name, None),
                        EntityKind::Org,
                    )
                }
                // `Sjafrie met …` after `Sjafrie Sjamsoeddin`: some go by their first name;
                // where a person stands, so a capitalised word that only looks like one
                // is left alone.
                None => {
                    // Before a verb or other lower-case word (`Isaias has refused`), or
                    // coordinated with a person (`Isaias and Abiy`).
                    let coordinated = matches!(t.word(j), "and" | ",")
                        && out
                            .iter()
                            .any(|m| m.t0 == j + 1 && doc.kind(m.ent) == Some(EntityKind::Person));
                    // Or met: `three-way talks with Mohamad and …`.
                    let acts = (t.is_word(j) && !t.cap(j) && !t.is(j, class::STOP))
                        || coordinated
                        || (i > 0 && matches!(t.word(i - 1), "with" | "between"))
                        || position();
                    match acts.then(|| doc.by_first_name(t.word(first))).flatten() {
                        Some(e) => (e, EntityKind::Person),
                        None => return,
                    }
                }
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

    /// `talks in Putrajaya`: one or two capitalised words no list knows, after `in` (or a
    /// journey's verb) and before punctuation or a lower-case word, name a place; not a
    /// month, a weekday, a given name or a word with a lexicon role (`in Congress`).
    pub(super) fn settlement_after_in(
        &self,
        t: &Tokens,
        doc: &DocState,
        i: usize,
        j: usize,
    ) -> bool {
        // `met in Kota Kinabalu`, `flew to Santa Rosa`, `visited Buka`: one or two words
        // after `in` or naming a journey's destination.
        settlement_cue(t, i)
            && j > i
            // (`Saint-Pascal`: a hyphen joins two words into one.)
            && (i..j).filter(|&k| t.is_word(k)).count() <= 2
            && j <= i + 3
            // (A word that opens some gazetteer name may be part of another: `Puerto
            // Princesa`, `Point Pedro`.)
            && (i..j).all(|k| {
                t.cls.get(k).is_some_and(|&c| c & !class::GAZ_START == 0) && !t.toks()[k].upper
            })
            && settlement_ends(t, j)
            && !crate::dates::is_calendar_word(t.word(i))
            // `in Miri`: a lone given name after `in` is a place unless someone just
            // named goes by it.
            && (!self.lex.given.contains_key(t.word(i))
                || (j == i + 1 && t.word(i - 1) == "in" && !doc.goes_by(t.word(i))))
    }

    /// `in Santa Cruz de la Sierra`, `visited La Línea de la Concepción`: after `in` or a
    /// journey's verb, a run of two to four capitalised words joined by a lower-case
    /// particle names a town (a person's name with one follows no such word).
    fn particle_place(&self, t: &Tokens, i: usize, j: usize) -> bool {
        let caps = (i..j).filter(|&k| t.cap(k)).count();
        settlement_cue(t, i)
            && (2..=4).contains(&caps)
            && (i + 1..j).any(|k| !t.cap(k) && is_particle(t.word(k)))
            && settlement_ends(t, j)
    }

    /// A person with a full name: the same as an earlier person with that surname when the
    /// earlier mention was a bare surname.
    pub(super) fn person(
        &self,
        doc: &mut DocState,
        name: &str,
        surname: &str,
        given: Option<Gender>,
    ) -> usize {
        if let Some(e) = doc.surname(surname) {
            if let Some(ent) = doc.ents.get(e) {
                // (`Sivertsen Næss` after `Marianne Sivertsen Næss`: a surname of two words.)
                let tail = ent
                    .name
                    .strip_suffix(name)
                    .is_some_and(|r| r.ends_with(' '));
                if ent.name.split_whitespace().count() == 1 || ent.name == name || tail {
                    return e;
                }
            }
        }
        let e = self.local_person(doc, name, given);
        doc.note_surname(surname, e);
        e
    }

    /// A person no list knows, by full name and family name; `Cho Hyun` is later `Cho` too,
    /// when the first word is a family name written first.
    pub(super) fn local_person(
        &self,
        doc: &mut DocState,
        name: &str,
        gender: Option<Gender>,
    ) -> usize {
        let e = doc.local_entity(EntityKind::Person, name, gender);
        let mut words = name.split_whitespace();
        if let (Some(first), Some(_)) = (words.next(), words.next()) {
            if self.lex.family_first.contains_key(&first.to_lowercase()) {
                doc.note_surname(first, e);
            }
        }
        e
    }
}

/// `in`, `near`, `visited` or a journey's `to` before token `i`: where a settlement's name may
/// stand.
fn settlement_cue(t: &Tokens, i: usize) -> bool {
    i > 0
        && (matches!(t.word(i - 1), "in" | "near")
            || matches!(t.word(i - 1), "visited" | "visiting")
            || t.journey_to(i - 1))
}

/// Whether a settlement's name may end before token `j`: at punctuation or a lower-case
/// word, not a possessive.
fn settlement_ends(t: &Tokens, j: usize) -> bool {
    matches!(t.word(j), "," | "." | ";" | "" | "-")
        || (t.is_word(j) && !t.cap(j) && t.word(j) != "'s")
}

/// A place noun that opens a place's name before `of` (`Gulf of Fonseca`, `Port of
/// Spain`); not a building's (`House of Representatives`).
fn place_head(t: &Tokens, k: usize) -> bool {
    t.is(k, class::LOC_SUFFIX | class::GPE_SUFFIX)
        && matches!(
            t.word(k),
            "gulf"
                | "bay"
                | "sea"
                | "lake"
                | "strait"
                | "straits"
                | "isle"
                | "island"
                | "islands"
                | "port"
                | "city"
                | "province"
                | "region"
                | "valley"
        )
}

/// `fishermen`, `women`, `people`: a plural that takes `'s`, as in an organisation's name.
pub(crate) fn irregular_plural(w: &str) -> bool {
    w.ends_with("men") || w.ends_with("people") || w.ends_with("children") || w.ends_with("folk")
}

/// The one person of the article whose full name holds `name` as inner words, neither
/// first nor last (`Oyono Esono` in `Simeón Oyono Esono Angue`).
fn inner_name(doc: &DocState, name: &str) -> Option<usize> {
    let inner = |full: &str| {
        full.match_indices(name)
            .any(|(at, _)| full[..at].ends_with(' ') && full[at + name.len()..].starts_with(' '))
    };
    let mut found = doc
        .ents
        .iter()
        .enumerate()
        .filter(|(_, x)| x.kind == EntityKind::Person && inner(&x.name));
    let (e, _) = found.next()?;
    found.next().is_none().then_some(e)
}

/// `pro-independence FLNKS demanded`: a word of three to eight capitals that no list knows
/// names an organisation by its initials. Not a dateline's city (`KANANASKIS, Canada`), a
/// heading in capitals, a caption's or a section's label (`PHOTO:`, `ANALYSIS |`), a
/// regnal number (`XIV`) or a time zone (`14:10 GMT`).
fn acronym(t: &Tokens, k: usize) -> bool {
    let w = t.word(k);
    let caps = |q: usize| t.toks().get(q).is_some_and(|x| x.upper);
    caps(k)
        && (3..=8).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && t.unlisted(k)
        && !w
            .bytes()
            .all(|b| matches!(b, b'i' | b'v' | b'x' | b'l' | b'c'))
        && !(k == 0 && matches!(t.word(1), "," | "(" | "-" | "|"))
        && !(k > 0 && caps(k - 1))
        && !caps(k + 1)
        && t.word(k + 1) != ":"
        // (`18:05 GMT`, `400 MW`: a time zone or a unit after a number.)
        && !(k > 0 && t.first_byte(k - 1).is_some_and(|b| b.is_ascii_digit()))
}
