//! Pronouns and role descriptions (`he`, `the Russian president`, `the two leaders`) resolved
//! to entities the article has named, by gender, office and recency.

use super::{coordinated_group, MForm, Mention, Recogniser};
use crate::doc::DocState;
use crate::lexicon::class;
use crate::model::EntityKind;
use crate::text::Tokens;
use std::collections::HashMap;

/// Offices of heads of state and government: who `the leader`, `the two leaders` can be.
const HEADS: [&str; 6] = [
    "president",
    "prime minister",
    "chancellor",
    "leader",
    "king",
    "supreme leader",
];

impl Recogniser<'_> {
    pub(super) fn pronouns_and_descriptions(
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
                .filter(|m| doc.kind(m.ent) == Some(EntityKind::Person))
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
            // `Today I hosted …` in a statement by its author.
            let first_person = doc.author.is_some()
                && matches!(t.word(k), "i" | "we" | "me" | "us" | "my" | "our")
                && t.toks().get(k).is_some_and(|x| !x.quoted)
                && !covered[k];
            if let Some(e) = doc.author.filter(|_| first_person) {
                let mut m = Mention::new(k, k + 1, e, MForm::Pronoun);
                m.object_pronoun = matches!(t.word(k), "me" | "us");
                m.possessive = matches!(t.word(k), "my" | "our");
                out.push(m);
                k += 1;
                continue;
            }
            // Determiners (the, his, both, neither…), they/them and pronouns: the first byte
            // and the word class rule out the other words.
            let may_refer = t.is(k, class::DEFINITE | class::PRONOUN)
                || (matches!(t.first_byte(k), Some(b't' | b'h' | b'i' | b'b' | b'n'))
                    && (t.cap(k)
                        || matches!(t.word(k), "both" | "neither" | "they" | "them" | "it")));
            if covered[k] || !t.is_word(k) || !may_refer {
                k += 1;
                continue;
            }
            let w = t.word(k);
            // `expected to meet He again`: a capitalised `He` inside a sentence is the
            // surname of a person already named (He Lifeng).
            let title_of_next = t.is(k, class::TITLE) && t.is_word(k + 1) && t.cap(k + 1);
            if t.cap(k) && k > 0 && t.is_word(k - 1) && !title_of_next {
                if let Some(e) = doc.surname(w) {
                    out.push(Mention::new(k, k + 1, e, MForm::Name));
                    doc.touch(e);
                    k += 1;
                    continue;
                }
            }
            if let Some((e, end)) = self
                .capital(t, k, doc, ms)
                .or_else(|| self.army(t, k, doc, ms))
            {
                out.push(Mention::new(k, end, e, MForm::Description));
                k = end;
                continue;
            }
            if let Some((ents, end)) = self.description(t, k, doc, ms) {
                // `her Indonesian counterpart Sugiono`, `his counterparts, A and B`: the name
                // that follows says who.
                let named = ms.iter().any(|m| {
                    (m.t0 == end || (m.t0 == end + 1 && t.word(end) == ","))
                        && m.form == MForm::Name
                        && doc.kind(m.ent) == Some(EntityKind::Person)
                });
                for e in ents.into_iter().filter(|_| !named) {
                    out.push(Mention::new(k, end, e, MForm::Description));
                    doc.touch(e);
                }
                k = end;
                continue;
            }
            // `The Forum said in a statement it wanted Netanyahu to …`, `Kenya said it
            // demanded …`: `it` before a trigger verb is the body or country named last in
            // the sentence, else the organisation named last.
            if w == "it" && t.is(k + 1, class::TRIGGER_START) && t.is_word(k + 1) {
                // (Not a place, nor a name quoted where `it` is not: `that Israel "will not
                // agree … not in Washington," and that it wanted`.)
                let quoted = |q: usize| t.toks().get(q).is_some_and(|x| x.quoted);
                let named = ms
                    .iter()
                    .rev()
                    .filter(|m| {
                        m.t1 <= k
                            && m.form == MForm::Name
                            && m.party()
                            && !m.place
                            && (quoted(k) || !quoted(m.t0))
                    })
                    .map(|m| m.ent)
                    .find(|&e| matches!(doc.kind(e), Some(EntityKind::Org | EntityKind::Gpe)));
                if let Some(e) = named.or_else(|| doc.recent_orgs.last().copied()) {
                    out.push(Mention::new(k, k + 1, e, MForm::Pronoun));
                }
                k += 1;
                continue;
            }
            if matches!(w, "they" | "them") {
                // (`The two leaders last met when Salman hosted them`, `The Kazakh president
                // and Uzbek President X … when they meet`: descriptions told before count.)
                let mut told: Vec<Mention> = ms.iter().chain(out.iter()).cloned().collect();
                told.sort_by_key(|m| (m.t0, m.t1));
                let mut group = coordinated_group(t, &told, k);
                // `The AU envoys said Kiir would receive them`: those a party sent.
                if group.is_empty() {
                    group.extend(
                        ms.iter()
                            .rev()
                            .filter(|m| m.t1 < k && m.form != MForm::Pronoun)
                            .find(|m| {
                                let d = if t.word(m.t1) == "'s" { m.t1 + 1 } else { m.t1 };
                                t.is(d, class::DELEGATE) && t.word(d).ends_with('s')
                            })
                            .map(|m| m.ent),
                    );
                }
                for e in group {
                    out.push(Mention::new(k, k + 1, e, MForm::Pronoun));
                }
                k += 1;
                continue;
            }
            // (`His Excellency Marco Rubio`, `Her Majesty`: part of a style, no pronoun.)
            let styled = matches!(
                t.word(k + 1),
                "excellency" | "majesty" | "highness" | "holiness" | "royal" | "eminence"
            );
            let pronoun = w.len() <= 4 && t.is(k, class::PRONOUN) && !styled;
            if let Some(&(g, object)) = pronoun.then(|| lex.pronouns.get(w)).flatten() {
                let in_sent = persons_before(k, &out, doc);
                let mut cands: Vec<usize> = Vec::new();
                let mut ordered: Vec<usize> = if object {
                    in_sent.iter().rev().copied().collect()
                } else {
                    in_sent
                };
                // `Doug Ford said on Friday he would suspend it`: the subject of a reported
                // clause is, first of all, whoever reports it.
                if !object {
                    if let Some(e) = self.reporter_before(t, k, ms) {
                        ordered.retain(|&x| x != e);
                        ordered.insert(0, e);
                    }
                }
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

    /// The person named right before the reporting verb that introduces the clause token
    /// `k` opens (`Ford said on Friday he …`, `Ford told reporters that he …`).
    fn reporter_before(&self, t: &Tokens, k: usize, ms: &[Mention]) -> Option<usize> {
        let verb = (k.saturating_sub(6)..k)
            .rev()
            .find(|&q| t.is_word(q) && !t.cap(q) && t.is(q, class::REPORTING))?;
        // Only a date, `that` or the addressee between the verb and the pronoun.
        let plain = (verb + 1..k).all(|q| {
            t.cap(q)
                || matches!(
                    t.word(q),
                    "that" | "on" | "last" | "this" | "earlier" | "later" | "reporters" | ","
                )
        });
        if !plain {
            return None;
        }
        ms.iter()
            .find(|m| m.t1 == verb && m.form == MForm::Name)
            .map(|m| m.ent)
    }

    /// `the Eritrean capital`: the capital of the country the adjective names, from the
    /// gazetteer, and where it ends.
    fn capital(
        &self,
        t: &Tokens,
        k: usize,
        doc: &mut DocState,
        ms: &[Mention],
    ) -> Option<(usize, usize)> {
        if t.word(k) != "the" || !(k + 2..(k + 5).min(t.len())).any(|q| t.word(q) == "capital") {
            return None;
        }
        let m = ms
            .iter()
            .find(|m| m.t0 == k + 1 && matches!(m.form, MForm::Adjective | MForm::Name))?;
        if t.word(m.t1) != "capital" || t.word(m.t1 + 1) == "of" {
            return None;
        }
        let e = self.of_country(doc, m.ent, &self.gaz.capitals)?;
        Some((e, m.t1 + 1))
    }

    /// What `table` gives the country `ent` (its capital, its army), registered as mentioned:
    /// the text refers to it, though not by name.
    fn of_country(
        &self,
        doc: &mut DocState,
        ent: usize,
        table: &HashMap<String, usize>,
    ) -> Option<usize> {
        let country = doc
            .ents
            .get(ent)
            .filter(|e| e.kind == EntityKind::Gpe)?
            .id
            .clone();
        let e = doc.gaz_entity(self.gaz, *table.get(&country)?)?;
        doc.mention(e, "");
        Some(e)
    }

    /// `the Sudanese army`, `the Sudanese armed forces`: the army the gazetteer gives that
    /// country, and where the phrase ends.
    fn army(
        &self,
        t: &Tokens,
        k: usize,
        doc: &mut DocState,
        ms: &[Mention],
    ) -> Option<(usize, usize)> {
        if t.word(k) != "the" {
            return None;
        }
        let m = ms
            .iter()
            .find(|m| m.t0 == k + 1 && m.form == MForm::Adjective)?;
        let end = match (t.word(m.t1), t.word(m.t1 + 1)) {
            ("army" | "military", _) => m.t1 + 1,
            ("armed", "forces") => m.t1 + 2,
            _ => return None,
        };
        // `the Sudanese army chief` is a person.
        if t.is(end, class::TITLE | class::TITLE_MOD) {
            return None;
        }
        let e = self.of_country(doc, m.ent, &self.gaz.armies)?;
        Some((e, end))
    }

    /// `where the three held talks`, `The four ministers met`: as the subject of a verb, the
    /// first that many persons this sentence named before it (a list told first, not the
    /// spokesman who told of it), else those named last before.
    fn numbered_group(
        &self,
        t: &Tokens,
        p: usize,
        doc: &DocState,
        ms: &[Mention],
        k: usize,
    ) -> Option<(Vec<usize>, usize)> {
        let count = match t.word(p) {
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            _ => return None,
        };
        // `the three delegations`, `the three countries`: the sides the text told of as
        // meeting, when as many did.
        if matches!(
            t.word(p + 1),
            "delegations" | "sides" | "countries" | "governments" | "nations"
        ) {
            return doc.met_group(count).map(|g| (g, p + 2));
        }
        let mut q = p + 1;
        while q < p + 4 && (t.is(q, class::TITLE | class::TITLE_MOD) || t.word(q) == "men") {
            q += 1;
        }
        let verb_follows = t.is(q, class::TRIGGER_START | class::REPORTING)
            || matches!(
                t.word(q),
                "have" | "had" | "will" | "would" | "are" | "were" | "did" | "also" | "then"
            );
        if !verb_follows || t.cap(q) {
            return None;
        }
        let person = |e: usize| doc.kind(e) == Some(EntityKind::Person);
        let mut group: Vec<usize> = Vec::new();
        for m in ms.iter().filter(|m| m.t1 <= k && m.form == MForm::Name) {
            if person(m.ent) && !group.contains(&m.ent) {
                group.push(m.ent);
            }
        }
        group.truncate(count);
        // (Not one this sentence names only after it: `said the three men discussed …, and
        // sent X as an observer`.)
        let later = |e: usize| ms.iter().any(|m| m.t0 > k && m.ent == e);
        for &e in doc.recent_persons.iter().rev() {
            if group.len() >= count {
                break;
            }
            if !group.contains(&e) && !later(e) {
                group.insert(0, e);
            }
        }
        (group.len() == count).then_some((group, q))
    }

    /// `the Russian president`, `the Russian and Ukrainian leaders`, `the two leaders`,
    /// `his US counterpart`: persons already named in the article who hold the role.
    pub(super) fn description(
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
        // `the delegations agreed to meet again`: the last two that sent delegations, else
        // the last two sides told of as meeting (`the two delegations`, `both sides`).
        let q = p + usize::from(det == "the" && t.word(p) == "two");
        if matches!(det, "the" | "both") && matches!(t.word(q), "delegations" | "sides") {
            // (As a subject, going on with what they did: `The two delegations will meet
            // again`, `said the two sides had agreed to meet again`.)
            let subject = k == 0
                || matches!(t.word(k - 1), "that" | "and" | "but" | ",")
                || t.is(k - 1, class::REPORTING);
            let met = || subject.then(|| doc.met_group(2)).flatten();
            let sides = last_two_delegations(doc).or_else(met);
            if let Some(sides) = sides {
                return Some((sides, q + 1));
            }
        }
        // the two leaders / both leaders
        // `The prime ministers last spoke by telephone`: a plural office before a verb is two.
        let plural_office = |q: usize| {
            let w = t.word(q);
            let pair = t.pair(q).unwrap_or("");
            (w.ends_with('s') && lex.roles.contains_key(w.trim_end_matches('s')))
                || (pair.ends_with('s') && lex.roles.contains_key(pair.trim_end_matches('s')))
        };
        let office_end = |q: usize| {
            if lex.roles.contains_key(t.word(q).trim_end_matches('s')) {
                q
            } else {
                q + 1
            }
        };
        let bare_plural = det == "the"
            && plural_office(p)
            && matches!(
                t.word(office_end(p) + 1),
                "last" | "met" | "spoke" | "have" | "had" | "will" | "would" | "agreed" | "held"
            );
        if let Some(group) = (det == "the")
            .then(|| self.numbered_group(t, p, doc, ms, k))
            .flatten()
        {
            return Some(group);
        }
        if matches!(t.word(p), "two") || det == "both" || bare_plural {
            let mut q = if det == "both" || bare_plural {
                p
            } else {
                p + 1
            };
            let role = |w: &str| {
                lex.roles
                    .get(w)
                    .or_else(|| lex.roles.get(w.trim_end_matches('s')))
            };
            // `both prime ministers`, `the two foreign ministers`: an office of two words.
            let mut office = role(t.word(q));
            if office.is_none() {
                if let Some(o) = t.pair(q).and_then(role) {
                    office = Some(o);
                    q += 1;
                }
            }
            // (`the two security advisers`, `the two chief negotiators`: past qualifiers of a
            // plural title.)
            if office.is_none() {
                let mut r = q;
                while r < q + 3 && t.is(r, class::TITLE_MOD) && !t.is(r, class::TITLE) {
                    r += 1;
                }
                if r > q && t.is(r, class::TITLE) && t.word(r).ends_with('s') {
                    office = role(t.word(r));
                    q = r;
                }
            }
            // `The two deputy ministers agreed to meet again`: two of an office no list knows,
            // meeting again, are the two the article opened with as meeting, or told of most.
            if office.is_none() && det == "the" && t.word(p) == "two" {
                let mut end = q;
                while t.is(end + 1, class::TITLE | class::TITLE_MOD) && end < q + 3 {
                    end += 1;
                }
                let plural_title = t.is(end, class::TITLE) && t.word(end).ends_with('s');
                let again = (end + 1..(end + 8).min(n)).any(|x| t.word(x) == "again");
                let persons = |e: usize| doc.kind(e) == Some(EntityKind::Person);
                // (Of those with an office of that name, if the article gave it anyone: `the
                // two ministers` are not the president who received one of them.)
                let noun = t.word(end).trim_end_matches('s');
                let titled = |e: usize| persons(e) && self.office_named(doc, e, noun);
                let any_titled =
                    (doc.ents.iter().enumerate()).any(|(e, d)| d.mentions > 0 && titled(e));
                if let Some((a, b)) = (plural_title && again)
                    .then(|| doc.lead_meeting(|e| if any_titled { titled(e) } else { persons(e) }))
                    .flatten()
                {
                    return Some((vec![a, b], end + 1));
                }
            }
            // `a meeting between the two in Luanda`: `the two` alone, as a noun phrase.
            let bare = det == "the"
                && (!t.is_word(q) || t.is(q, class::STOP | class::PLACE_PREP | class::BOUNDARY));
            // `received both ministers`, `the two envoys`: a plural title no office list
            // knows, the two the text gave that title, else any two persons.
            let plural_title = office.is_none()
                && ((t.is(q, class::TITLE) && t.word(q).ends_with('s'))
                    || t.id_in(q, &self.lex.agent_plurals));
            if office.is_some() || matches!(t.word(q), "men" | "women") || bare || plural_title {
                // `the two leaders` are the last two who lead, when two such were named (an
                // ambassador named since is not one of them). As the subject of a clause they
                // may be two named earlier in this sentence (`X handed the presidency to Y,
                // but the two leaders did not meet`; `X's adviser said the two leaders could
                // meet`); as an object they are not (`Trump spoke with the two leaders`).
                let here: Vec<usize> = ms.iter().filter(|m| m.t1 <= k).map(|m| m.ent).collect();
                // Named only later in this sentence: not yet someone the reader knows.
                let new_later = |e: &usize| {
                    let here_count = ms.iter().filter(|m| m.ent == *e).count();
                    ms.iter().any(|m| m.t0 > k && m.ent == *e)
                        && doc.ents.get(*e).is_some_and(|d| d.mentions <= here_count)
                };
                let subject = k == 0
                    || !t.is_word(k - 1)
                    || matches!(
                        t.word(k - 1),
                        "but" | "that" | "and" | "when" | "while" | "as" | "after" | "since"
                            // `no plans for the two leaders to hold talks`
                            | "for"
                    )
                    // `Mondlane said the two leaders would meet again`
                    || t.is(k - 1, class::REPORTING);
                let holds = |e: &usize| office.is_some_and(|o| self.holds(doc, *e, o));
                // (`the two men`: any two persons.)
                let fits_here = |e: &usize| match office {
                    Some(_) => holds(e),
                    None => doc.kind(*e) == Some(EntityKind::Person),
                };
                // (`A and B initialed the treaty in August, when Trump hosted the two
                // leaders`: as an object, two named before a comma, outside this clause.)
                let clause = (0..k).rev().find(|&q| matches!(t.word(q), "," | ";"));
                let before_clause = |e: &usize| {
                    clause.is_some_and(|c| {
                        ms.iter().any(|m| m.ent == *e && m.t1 <= c)
                            && !ms.iter().any(|m| m.ent == *e && m.t0 > c && m.t1 <= k)
                    })
                };
                let mut here_holders: Vec<usize> = Vec::new();
                for e in here
                    .iter()
                    .rev()
                    .filter(|e| (subject || before_clause(e)) && fits_here(e))
                {
                    if !here_holders.contains(e) {
                        here_holders.push(*e);
                    }
                }
                // Else, opening a sentence, the two holders of the office the last sentence
                // told of as meeting; else those the text tells of most as meeting.
                let fits_met = |e: usize| holds(&e) && (subject || !here.contains(&e));
                let just_met = doc
                    .last_met
                    .filter(|&(a, b, at)| {
                        k == 0 && at == doc.sentences_seen && fits_met(a) && fits_met(b)
                    })
                    .map(|(a, b, _)| (a, b));
                let met = just_met.or_else(|| doc.main_meeting(fits_met));
                let holders: Vec<usize> = if here_holders.len() >= 2 {
                    here_holders.into_iter().take(2).collect()
                } else if let Some((a, b)) = met {
                    vec![a, b]
                } else {
                    doc.recent_persons
                        .iter()
                        .rev()
                        .filter(|e| !new_later(e) || here.contains(e))
                        .filter(|e| subject || !here.contains(e))
                        .filter(|e| holds(e))
                        .take(2)
                        .copied()
                        .collect()
                };
                // Anyone else: the last two named before this sentence, whose own subject
                // is not one of them.
                let candidates = || {
                    doc.recent_persons
                        .iter()
                        .rev()
                        .filter(|e| !here.contains(e))
                        .copied()
                };
                let noun = t.word(q).trim_end_matches('s');
                let titled: Vec<usize> = candidates()
                    .filter(|&e| plural_title && self.office_named(doc, e, noun))
                    .take(2)
                    .collect();
                let mut persons: Vec<usize> = if holders.len() == 2 {
                    holders
                } else if titled.len() == 2 {
                    titled
                } else {
                    candidates().take(2).collect()
                };
                // `Lula's aides said the two men had no plans …`: as the subject of a verb,
                // one of them may be named in this sentence.
                let verb_next = matches!(
                    t.word(q + 1),
                    "had"
                        | "have"
                        | "has"
                        | "will"
                        | "would"
                        | "did"
                        | "were"
                        | "are"
                        | "met"
                        | "held"
                        | "spoke"
                        | "talked"
                        | "agreed"
                );
                if persons.len() < 2 && verb_next {
                    persons = doc.recent_persons.iter().rev().take(2).copied().collect();
                }
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
                // `raised the extradition of ousted prime minister Sheikh Hasina with Modi
                // when the two met`: one named after `of` is talked about, not one of the two.
                let after_of = |m: &Mention| {
                    (m.t0.saturating_sub(5)..m.t0)
                        .rev()
                        .take_while(|&q| {
                            (t.is_word(q) && !t.cap(q)) || t.is(q, class::TITLE | class::TITLE_MOD)
                        })
                        .any(|q| t.word(q) == "of")
                };
                for m in ms
                    .iter()
                    .filter(|m| m.t1 <= k && m.form == MForm::Name && !after_of(m))
                {
                    let person = doc.kind(m.ent) == Some(EntityKind::Person);
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
                if let Some(two) = last_two_delegations(doc) {
                    return Some((two, q + 1));
                }
            }
            return None;
        }
        // `the group`, `the militant group`, `the rebels`: the armed group or movement named
        // last, unless a name follows and says who (`the militant group Hamas`); `the bloc`,
        // `the alliance`: the organisation named last.
        if det == "the" {
            let noun = (p..(p + 3).min(n)).find_map(|q| {
                if t.id_in(q, &lex.group_nouns) {
                    Some((q, &doc.recent_groups))
                } else if t.id_in(q, &lex.org_nouns) || t.id_in(q, &lex.org_heads) {
                    Some((q, &doc.recent_orgs))
                } else {
                    None
                }
            });
            if let Some((q, recent)) = noun {
                let in_name = |x: usize| {
                    ms.iter()
                        .any(|m| m.t0 <= x && x < m.t1 && m.form == MForm::Name)
                };
                let plain = (p..q).all(|x| t.is_word(x) && !in_name(x));
                let named = ms.iter().any(|m| m.t0 == q + 1 && m.form == MForm::Name);
                if plain && !named && t.word(q + 1) != "of" {
                    // `the forum` after the Pacific Islands Forum: the one whose name holds
                    // the noun, else (`the bloc`) the last.
                    let w = t.word(q);
                    let headed = recent.iter().rev().find(|&&g| {
                        doc.ents.get(g).is_some_and(|e| {
                            e.name.split_whitespace().any(|x| x.eq_ignore_ascii_case(w))
                        })
                    });
                    let any = !t.id_in(q, &lex.org_heads);
                    return headed
                        .or(recent.last().filter(|_| any))
                        .map(|&g| (vec![g], q + 1));
                }
            }
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
            // `the UN chief`, `the NATO chief`: an organisation's head, as a country's.
            if !matches!(e.kind, EntityKind::Gpe | EntityKind::Org) {
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
            if office == "*" || office == ANY_NATIONAL || t.cap(end) {
                return None;
            }
            // `the Prime Minister of Malaysia`: the holder of the country's office.
            if t.word(end) == "of" {
                let at = end + 1 + usize::from(t.word(end + 1) == "the");
                let country = ms
                    .iter()
                    .find(|m| m.t0 == at && doc.kind(m.ent) == Some(EntityKind::Gpe))?;
                let id = doc.ents.get(country.ent)?.id.clone();
                return self.holder(doc, &id, office).map(|e| (vec![e], country.t1));
            }
            // (`The president, who took office last month, later held talks`: opening a
            // sentence, the one the story follows, whom the last sentences were about.)
            let followed = (k == 0)
                .then(|| {
                    doc.recent_subjects
                        .iter()
                        .rev()
                        .take(2)
                        .copied()
                        .find(|&e| self.holds(doc, e, office))
                })
                .flatten();
            let e = followed.or_else(|| {
                doc.recent_persons
                    .iter()
                    .rev()
                    .copied()
                    .find(|&e| self.holds(doc, e, office))
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
            m.t0 == after && m.form == MForm::Name && doc.kind(m.ent) == Some(EntityKind::Person)
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
    pub(super) fn note_titles(&self, t: &Tokens, ms: &[Mention], doc: &mut DocState) {
        // `their foreign ministers, Sugiono and Bendito Freitas`: a plural office names a
        // list; (office, end of the list so far).
        let mut list: Option<(String, usize)> = None;
        for m in ms.iter().filter(|m| m.form == MForm::Name && m.t0 > 0) {
            if let Some((o, end)) = list.take() {
                let person = doc.kind(m.ent) == Some(EntityKind::Person);
                if person && m.t0 == end + 1 && matches!(t.word(end), "and" | ",") {
                    if !doc.titles.iter().any(|(e, x)| *e == m.ent && *x == o) {
                        doc.titles.push((m.ent, o.clone()));
                    }
                    list = Some((o, m.t1));
                    continue;
                }
            }
            // `Uzbekistan's Jurabek Mirzamahmudov`: a country's own, no office said.
            let person = doc.kind(m.ent) == Some(EntityKind::Person);
            // (Possessives are flagged only after offices are noted: the `'s` says it.)
            if let Some(c) = ms.iter().find(|c| {
                person
                    && c.t1 + 1 == m.t0
                    && t.word(c.t1) == "'s"
                    && doc.kind(c.ent) == Some(EntityKind::Gpe)
            }) {
                doc.note_national(m.ent, c.ent);
            }
            // `his counterparts Bakary Sangare of Niger and …`: a country right after.
            if let Some(c) = ms.iter().find(|c| {
                person
                    && c.t0 == m.t1 + 1
                    && t.word(m.t1) == "of"
                    && doc.kind(c.ent) == Some(EntityKind::Gpe)
                    && (!t.is_word(c.t1) || t.word(c.t1) == "and")
            }) {
                doc.note_national(m.ent, c.ent);
            }
            // The title right before the name, or before a comma (`Greenland's new
            // premier, Jens-Frederik Nielsen`).
            let title = if t.is(m.t0 - 1, class::TITLE) {
                m.t0 - 1
            } else if m.t0 > 1 && t.word(m.t0 - 1) == "," && t.is(m.t0 - 2, class::TITLE) {
                m.t0 - 2
            } else {
                continue;
            };
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
            // (A plural office: the singular's.)
            let plural = || {
                let single = |w: &str| w.strip_suffix('s').and_then(|x| self.lex.roles.get(x));
                t.pair(title.wrapping_sub(1))
                    .and_then(single)
                    .or_else(|| single(one))
            };
            let office = office.or_else(|| plural().filter(|_| one.ends_with('s')));
            // `Samoan Prime Minister X`, `Georgia's prime minister, X`: whose office it is.
            let mut q = title;
            while q > 0 && t.is(q - 1, class::TITLE | class::TITLE_MOD) {
                q -= 1;
            }
            let country = ms.iter().find(|c| {
                doc.kind(c.ent) == Some(EntityKind::Gpe)
                    && ((c.form == MForm::Adjective && c.t1 == q)
                        || (c.t1 + 1 == q && t.word(c.t1) == "'s"))
            });
            if let Some(c) = country {
                doc.note_national(m.ent, c.ent);
            }
            // `Modi and his Bangladeshi counterpart Sheikh Hasina`: a counterpart holds the
            // office of the one before, if the text or the gazetteer says which.
            let served = if matches!(one, "counterpart" | "counterparts") {
                ms.iter()
                    .rev()
                    .filter(|p| p.t1 <= q && p.ent != m.ent)
                    .find(|p| doc.kind(p.ent) == Some(EntityKind::Person))
                    .and_then(|p| self.office_of(doc, p.ent))
            } else {
                office.filter(|_| !qualified).cloned()
            };
            if let (Some(c), Some(o)) = (country, served) {
                doc.served.push((m.ent, c.ent, o));
            }
            if let Some(o) = office.filter(|o| o.as_str() != "*") {
                if !doc.titles.iter().any(|(e, x)| *e == m.ent && x == o) {
                    doc.titles.push((m.ent, o.clone()));
                }
                if one.ends_with('s') {
                    list = Some((o.clone(), m.t1));
                }
            }
        }
    }

    /// The organisation named in the article that the gazetteer gives the role `army`, when
    /// there is exactly one.
    pub(super) fn only_army(&self, doc: &DocState) -> Option<usize> {
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

    /// The offices the text gives person `e` by title, then those the gazetteer lists.
    fn offices<'d>(&'d self, doc: &'d DocState, e: usize) -> impl Iterator<Item = &'d str> {
        let titled = doc.titles.iter().filter(move |(x, _)| *x == e);
        let listed = doc.ents.get(e).and_then(|d| self.gaz.entry(d.gaz));
        titled.map(|(_, o)| o.as_str()).chain(
            listed
                .into_iter()
                .flat_map(|g| g.roles.iter().map(|(o, _)| o.as_str())),
        )
    }

    /// The office the text or the gazetteer gives person `e`; "*" for any head of state or
    /// government.
    fn office_of(&self, doc: &DocState, e: usize) -> Option<String> {
        let o = self.offices(doc, e).next()?;
        Some(if HEADS.contains(&o) { "*" } else { o }.to_string())
    }

    /// Whether an office the text or the gazetteer gives person `e` has the word `noun`
    /// (`minister` for a foreign minister).
    fn office_named(&self, doc: &DocState, e: usize, noun: &str) -> bool {
        self.offices(doc, e)
            .any(|o| o.split_whitespace().any(|w| w == noun))
    }

    /// Whether person `e` holds `office` ("*": any head of state or government), by a title
    /// the text gave them or by the gazetteer.
    fn holds(&self, doc: &DocState, e: usize, office: &str) -> bool {
        self.offices(doc, e).any(|o| fits(office, o))
    }

    fn holder(&self, doc: &DocState, country: &str, office: &str) -> Option<usize> {
        if office == ANY_NATIONAL {
            let of = |e: usize| doc.country_of(e).and_then(|c| doc.ents.get(c));
            return doc
                .recent_persons
                .iter()
                .rev()
                .copied()
                .find(|&e| of(e).is_some_and(|c| c.id == country));
        }
        // The gazetteer's office holders, and those the text itself gave the office
        // (`Bangladeshi Prime Minister Sheikh Hasina` … `the Bangladeshi leader`.)
        let served = |e: usize| {
            doc.served.iter().any(|(p, c, o)| {
                *p == e
                    && o != ANY_NATIONAL
                    && fits(office, o)
                    && doc.ents.get(*c).is_some_and(|c| c.id == country)
            })
        };
        doc.recent_persons.iter().rev().copied().find(|&e| {
            served(e)
                || doc
                    .ents
                    .get(e)
                    .and_then(|d| self.gaz.entry(d.gaz))
                    .is_some_and(|g| g.roles.iter().any(|(o, c)| c == country && fits(office, o)))
        })
    }
}

/// The office of a description that any person of the country answers (`the Chinese
/// diplomat`).
const ANY_NATIONAL: &str = "~";

/// The last two parties that sent delegations, in the order they did.
fn last_two_delegations(doc: &DocState) -> Option<Vec<usize>> {
    let v = &doc.recent_delegations;
    v.len()
        .checked_sub(2)
        .and_then(|i| v.get(i..))
        .map(<[usize]>::to_vec)
}

/// Whether the office `held` answers a description asking for `office` ("*": any head of
/// state or government).
pub(crate) fn fits(office: &str, held: &str) -> bool {
    office == held || (office == "*" && HEADS.contains(&held))
}
