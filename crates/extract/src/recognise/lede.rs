//! The lead's unnamed subject (`The United Nations envoy for Libya on Thursday put forward
//! …`, `A senior Japanese diplomat held talks …`): news names that person a sentence or two
//! later, as the subject of a sentence of their own (`Hanna Tetteh, who heads …`).

use super::{MForm, Mention, Recogniser};
use crate::doc::DocState;
use crate::lexicon::class;
use crate::model::EntityKind;
use crate::text::Tokens;

impl Recogniser<'_> {
    /// In the lead, a description of a person that nothing resolved stands for someone yet
    /// to be named; in the two sentences after it, the first new person to open a sentence
    /// is that someone. The extractor then puts the person in the description's place.
    pub(super) fn lede_person(
        &self,
        text: &str,
        t: &Tokens,
        doc: &mut DocState,
        out: &mut Vec<Mention>,
    ) {
        match doc.sentences_seen {
            0 => {
                doc.author = self.author(t, doc, out);
                if let Some((k, end)) = unnamed_subject(t, doc, out) {
                    let name = text
                        .get(t.toks()[k].start..t.toks()[end - 1].end)
                        .unwrap_or("");
                    let e = self.local_person(doc, name, None);
                    doc.lede_person = Some((e, None));
                    out.push(Mention::new(k, end, e, MForm::Description));
                    out.sort_by_key(|m| (m.t0, m.form == MForm::Adjective));
                }
            }
            1 | 2 => {
                if let Some((p, None)) = doc.lede_person {
                    let named = out
                        .iter()
                        .find(|m| m.t0 == 0 && m.form == MForm::Name)
                        .map(|m| m.ent)
                        .filter(|&e| {
                            e != p
                                && doc.ents.get(e).is_some_and(|d| {
                                    d.kind == EntityKind::Person && d.mentions == 1
                                })
                        });
                    if named.is_some() {
                        doc.lede_person = Some((p, named));
                    }
                }
            }
            _ => {}
        }
        doc.sentences_seen += 1;
    }

    /// The person a headline says the text is by: `Press statement by EU Special
    /// Representative X`, `Remarks by President Y at …`.
    fn author(&self, t: &Tokens, doc: &DocState, ms: &[Mention]) -> Option<usize> {
        ms.iter()
            .filter(|m| m.form == MForm::Name && doc.kind(m.ent) == Some(EntityKind::Person))
            .find(|m| {
                // Back over the person's titles and the bodies they hold them in.
                let mut k = m.t0;
                while k > 0
                    && (t.is(k - 1, class::TITLE | class::TITLE_MOD)
                        || ms
                            .iter()
                            .any(|x| x.t1 == k && x.t0 < k && x.form != MForm::Pronoun))
                {
                    k = ms
                        .iter()
                        .find(|x| x.t1 == k && x.t0 < k)
                        .map_or(k - 1, |x| x.t0);
                }
                k > 1 && t.word(k - 1) == "by" && t.id_in(k - 2, &self.lex.authored_nouns)
            })
            .map(|m| m.ent)
    }
}

/// `[DATELINE —] the|a <qualifiers> <title> [for <Name>]` as the subject of the lead: its
/// token span, when it names and resolves to no one.
fn unnamed_subject(t: &Tokens, doc: &DocState, ms: &[Mention]) -> Option<(usize, usize)> {
    let upper_start = t.toks().first().is_some_and(|x| x.upper);
    let k = (1..t.len().min(14))
        .find(|&q| upper_start && t.word(q) == "-")
        .map_or(0, |q| q + 1);
    if !matches!(t.word(k), "the" | "a" | "an") || ms.iter().any(|m| m.t0 <= k && k < m.t1) {
        return None;
    }
    // Qualifiers: `senior`, `Japanese`, `United Nations`.
    let mut q = k + 1;
    while q < k + 7 {
        if let Some(m) = ms.iter().find(|m| m.t0 == q) {
            let place_or_body = matches!(
                doc.kind(m.ent),
                Some(EntityKind::Gpe | EntityKind::Org | EntityKind::Loc)
            );
            if !place_or_body || m.form == MForm::Description {
                return None;
            }
            q = m.t1;
            continue;
        }
        if t.is(q, class::TITLE_MOD) && !t.is(q, class::TITLE) {
            q += 1;
            continue;
        }
        break;
    }
    // A title before a name names the person (`President Xi`); a plural (`The foreign
    // ministers of Armenia and Azerbaijan`) is more than one.
    let plural = |w: &str| w.ends_with('s') && !w.ends_with("ss");
    if !t.is(q, class::TITLE) || t.cap(q + 1) || plural(t.word(q)) || plural(t.word(q + 1)) {
        return None;
    }
    let mut end = q + 1;
    if t.is(end, class::TITLE) && !t.cap(end) {
        end += 1;
    }
    // `for Libya`, `to the United Nations`.
    if matches!(t.word(end), "for" | "to") {
        let at = if t.word(end + 1) == "the" {
            end + 2
        } else {
            end + 1
        };
        if let Some(m) = ms.iter().find(|m| m.t0 == at && m.form == MForm::Name) {
            end = m.t1;
        }
    }
    // The subject of the sentence: a verb or an adverbial follows.
    (t.is_word(end) && !t.cap(end) && !ms.iter().any(|m| m.t0 == end)).then_some((k, end))
}
