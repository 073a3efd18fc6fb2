//! Who speaks a quotation that runs over several sentences: news names the speaker once,
//! after the quote closes (`"We call on Israel to withdraw. That is the agreement," he
//! said.`), so the sentences before the attribution look ahead for it.

use crate::doc::DocState;
use crate::lexicon::{class, Gender, Lexicon};

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
) -> Option<usize> {
    // (Bounded however long the line, so a quotation never closed costs no more.)
    let mut end = text.len().min(from.saturating_add(REACH));
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let rest = text.get(from..end)?;
    let close = rest.find(['\u{201D}', '"'])?;
    // (A new paragraph opens another quotation, or none.)
    if rest[..close].contains('\n') {
        return None;
    }
    let after = &rest[close..];
    let after = after
        .trim_start_matches(['\u{201D}', '"'])
        .trim_start_matches([',', ' ']);
    let words: Vec<&str> = after
        .split_whitespace()
        .take(8)
        .map(|w| w.trim_end_matches([',', '.', ';', ':']))
        .collect();
    let reporting = |w: &str| lex.has(&w.to_lowercase(), class::REPORTING);
    let by_surname = |w: &str| doc.surname(&w.to_lowercase());
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    match words.as_slice() {
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
            name.last().and_then(|w| by_surname(w))
        }
        // `Abiy said`, `Foreign Minister Dar said`.
        _ => {
            let at = words.iter().position(|w| reporting(w))?;
            let name = &words[..at];
            if name.is_empty() || !name.iter().all(|w| capitalised(w)) {
                return None;
            }
            name.last().and_then(|w| by_surname(w))
        }
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
    fn another_paragraph_is_no_attribution() {
        let text = "Rami Dabbagh said patrols entered villages.\n\n\u{201C}We call on Israel \
                    to return to the 1974 lines.\n\nNothing else will do,\u{201D} he said.";
        let rels = relations(text);
        assert!(rels.is_empty(), "{rels:?}");
    }
}
