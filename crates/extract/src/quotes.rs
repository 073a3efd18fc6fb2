//! Who speaks a quotation that runs over several sentences: news names the speaker once,
//! after the quote closes (`"We call on Israel to withdraw. That is the agreement," he
//! said.`), so the sentences before the attribution look ahead for it.

use crate::doc::DocState;
use crate::lexicon::{class, Gender, Lexicon};
use crate::model::EntityKind;
use crate::recognise::Mention;
use crate::text::Tokens;

/// Bytes looked through for the closing quotation mark: a paragraph or so.
const REACH: usize = 1500;

/// The speaker named right after the quotation open at byte `from` closes, within the same
/// paragraph: `, he said`, `, said Rami Dabbagh`, `, Abiy said`. A pronoun is the latest
/// subject of its gender; a name, a person the article already named by that family name.
pub(crate) fn speaker_ahead(
    text: &str,
    from: usize,
    lex: &Lexicon,
    doc: &DocState,
    sentence: (&Tokens, &[Mention]),
) -> Option<usize> {
    // (Bounded however long the line, so a quotation never closed costs no more.)
    let rest = text.get(from..)?.as_bytes();
    let rest = &rest[..rest.len().min(REACH)];
    // The closing mark: a straight quote, or `”` (E2 80 9D) found by its last byte.
    let close = memchr::memchr2_iter(b'"', 0x9D, rest)
        .find(|&p| rest[p] == b'"' || (p >= 2 && rest[p - 2..p] == [0xE2, 0x80]))?;
    // (A new paragraph opens another quotation, or none.)
    if memchr::memchr(b'\n', &rest[..close]).is_some() {
        return None;
    }
    let after = text.get(from + close + 1..)?;
    let after = after
        .trim_start_matches(['\u{201D}', '"'])
        .trim_start_matches([',', ' ']);
    let mut buf = [""; 8];
    let mut n = 0;
    for (slot, w) in buf.iter_mut().zip(after.split_whitespace()) {
        *slot = w.trim_end_matches([',', '.', ';', ':']);
        n += 1;
    }
    let words = &buf[..n];
    let reporting = |w: &str| lower_has(lex, w, class::REPORTING);
    // (`Abiy said`: a name this sentence resolved, by whatever part it goes by.)
    let (t, ms) = sentence;
    let named = |w: &str| {
        let at = (w.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
        let toks = t.toks();
        ms.iter()
            .filter(|m| doc.kind(m.ent) == Some(EntityKind::Person))
            .find(|m| {
                toks.get(m.t0).is_some_and(|a| a.start <= at)
                    && toks.get(m.t1.wrapping_sub(1)).is_some_and(|b| at < b.end)
            })
            .map(|m| m.ent)
            .or_else(|| doc.surname(&w.to_lowercase()))
    };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    match words {
        [p, verb, ..] if reporting(verb) && matches!(*p, "he" | "she") => {
            let g = if *p == "he" {
                Gender::Male
            } else {
                Gender::Female
            };
            doc.recent_subjects
                .iter()
                .chain(&doc.recent_persons)
                .rev()
                .find(|&&e| doc.gender_fits(e, g))
                .copied()
        }
        // `said Foreign Minister Badr Abdelatty`: the last word of the name.
        [verb, rest @ ..] if reporting(verb) => {
            let name: Vec<&str> = rest
                .iter()
                .take_while(|w| capitalised(w))
                .copied()
                .collect();
            name.last().and_then(|w| named(w))
        }
        // `Abiy said`, `Foreign Minister Dar said`.
        // (Every word before the verb is part of the name, so the first word that is
        // neither ends the search.)
        _ => {
            let at = words
                .iter()
                .position(|w| reporting(w) || !capitalised(w))
                .filter(|&k| k > 0 && reporting(words[k]))?;
            words.get(at - 1).and_then(|w| named(w))
        }
    }
}

/// Whether `w`, lowered, is in the lexicon with class `bit`; an ASCII word is lowered on
/// the stack, as every quotation's attribution is tested this way.
fn lower_has(lex: &Lexicon, w: &str, bit: u32) -> bool {
    let mut buf = [0u8; 24];
    match buf.get_mut(..w.len()) {
        Some(b) if w.is_ascii() => {
            b.copy_from_slice(w.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).is_ok_and(|l| lex.has(l, bit))
        }
        _ => lex.has(&w.to_lowercase(), bit),
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    fn relations(text: &str) -> Vec<String> {
        let ex = Extractor::builtin().unwrap();
        let doc = ex.extract(&crate::Article::new("t", text, None));
        doc.relations
            .iter()
            .map(|r| format!("{:?} {}", r.kind, r.subject))
            .collect()
    }

    #[test]
    fn a_quote_over_sentences_is_its_speakers() {
        let text = "Rami Dabbagh, the governor of Quneitra, said patrols entered villages. \
                    \u{201C}We call on Israel to return to the 1974 lines. Nothing else will \
                    do,\u{201D} he said by telephone.";
        let rels = relations(text);
        assert!(rels.iter().any(|r| r.contains("rami-dabbagh")), "{rels:?}");
    }

    #[test]
    fn a_letter_sharing_the_closing_marks_last_byte_closes_nothing() {
        // `Н` (D0 9D) ends with the last byte of `”` (E2 80 9D).
        let text = "Rami Dabbagh, the governor of Quneitra, said patrols entered villages. \
                    \u{201C}We call on Israel to return to the 1974 lines. Nothing else will \
                    do for \u{041D}ina,\u{201D} he said.";
        let rels = relations(text);
        assert!(rels.iter().any(|r| r.contains("rami-dabbagh")), "{rels:?}");
    }

    #[test]
    fn another_paragraph_is_no_attribution() {
        let text = "Rami Dabbagh said patrols entered villages.\n\n\u{201C}We call on Israel \
                    to return to the 1974 lines.\n\nNothing else will do,\u{201D} he said.";
        let rels = relations(text);
        assert!(rels.is_empty(), "{rels:?}");
    }
}
