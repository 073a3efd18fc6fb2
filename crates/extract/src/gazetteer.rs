//! The gazetteer: known entities with ids, aliases, adjectives and demonyms.
//!
//! Tab-separated (`data/gazetteer.tsv`): `id kind name aliases adjectives demonyms props`.
//! `id` is a Wikidata id (`Q159`) or `-` (a slug id is derived); lists are `|`-separated,
//! `-` for none; props are `;`-separated `key=value` (gender, role, capital_of, seat_of,
//! building, group, surname_first).

use crate::error::ExtractError;
use crate::lexicon::{class, Gender};
use crate::model::EntityKind;
use crate::phrases::PhraseTrie;
use crate::text::tokenize;
use crate::wordtable::WordTable;
use std::borrow::Cow;
use std::collections::HashMap;

/// One known entity.
#[derive(Debug, Clone)]
pub(crate) struct GazEntry {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub gender: Option<Gender>,
    /// (office, country id): `president` of `wd:Q159`.
    pub roles: Vec<(String, String)>,
    /// For a capital: the country id it can stand for.
    pub capital_of: Option<String>,
    /// For a city that hosts a body's seat (Brussels): the body it stands for in an article
    /// that names that body, before the country.
    pub seat_of: Option<String>,
    /// A building or seat (White House) that can be a meeting place.
    pub building: bool,
    /// An armed group, movement or party: what `the group`, `the rebels` refer back to.
    pub group: bool,
    /// The family name comes first (Wang Yi, Kim Jong Un): a later bare `Wang` is this
    /// person, and the last word is a given name.
    pub surname_first: bool,
}

/// How a gazetteer pattern names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Name,
    /// Russian (adjective): a mention of the country, not a party.
    Adjective,
    /// the Russians: a mention of the country that can act.
    Demonym,
    /// A surname alone: a doc-level full-name match takes precedence.
    Surname,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseRule {
    /// All letters upper case in the text (US, not us).
    Upper,
    /// First letter upper case.
    Cap,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Pattern {
    pub entry: usize,
    pub form: Form,
    pub case: CaseRule,
}

#[derive(Debug)]
pub struct Gazetteer {
    pub(crate) entries: Vec<GazEntry>,
    pub(crate) by_id: HashMap<String, usize>,
    /// Country id -> the entry of its capital: who `the Eritrean capital` is.
    pub(crate) capitals: HashMap<String, usize>,
    /// Country id -> the entry holding the role `army` of that country: who `the Sudanese
    /// army` is.
    pub(crate) armies: HashMap<String, usize>,
    pub(crate) patterns: Vec<Pattern>,
    /// The normalised text of each pattern, until [`Gazetteer::index`] turns them into
    /// `trie`.
    phrases: Vec<String>,
    /// Pattern `i` ends at node holding `i`; empty until indexed.
    pub(crate) trie: PhraseTrie,
}

/// `ng:kind/slug` from a kind and a name: the id of entities no gazetteer knows.
pub fn slug_id(kind: EntityKind, name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    format!("ng:{}/{}", kind.as_str().to_lowercase(), slug)
}

fn norm(p: &str) -> String {
    let mut q = false;
    let n = tokenize(p, 0, p.len(), &mut q).into_norm();
    n.strip_prefix("the ").map(str::to_string).unwrap_or(n)
}

/// `Peña` → `Pena`, `Grlić` → `Grlic`: Latin letters without their diacritics, as names
/// are often written in English text; borrowed when there is nothing to fold.
pub(crate) fn fold_diacritics(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let plain = |c: char| -> Option<char> {
        Some(match c {
            'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
            'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
            'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => 'C',
            'ď' | 'đ' => 'd',
            'Ď' | 'Đ' => 'D',
            'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
            'È'..='Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => 'E',
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
            'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => 'G',
            'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
            'Ì'..='Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => 'I',
            'ķ' => 'k',
            'Ķ' => 'K',
            'ĺ' | 'ļ' | 'ľ' | 'ł' => 'l',
            'Ĺ' | 'Ļ' | 'Ľ' | 'Ł' => 'L',
            'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
            'Ñ' | 'Ń' | 'Ņ' | 'Ň' => 'N',
            'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
            'Ò'..='Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => 'O',
            'ŕ' | 'ŗ' | 'ř' => 'r',
            'Ŕ' | 'Ŗ' | 'Ř' => 'R',
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
            'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' => 'S',
            'ţ' | 'ť' | 'ț' => 't',
            'Ţ' | 'Ť' | 'Ț' => 'T',
            'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
            'Ù'..='Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => 'U',
            'ý' | 'ÿ' => 'y',
            'Ý' | 'Ÿ' => 'Y',
            'ź' | 'ż' | 'ž' => 'z',
            'Ź' | 'Ż' | 'Ž' => 'Z',
            _ => return None,
        })
    };
    if !s.chars().any(|c| plain(c).is_some()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| plain(c).unwrap_or(c)).collect())
}

/// The forms a family name goes by alone: itself and, for one with the Arabic article
/// (`al-Hayya`, `el-Sisi`), the rest (`Hayya`).
pub(crate) fn surname_forms(surname: &str) -> impl Iterator<Item = &str> {
    let rest = surname.split_once('-').and_then(|(article, rest)| {
        let is_article = ["al", "el", "ad", "ash", "as", "at", "az", "ar", "an"]
            .iter()
            .any(|a| article.eq_ignore_ascii_case(a));
        (is_article && rest.chars().count() >= 3).then_some(rest)
    });
    std::iter::once(surname).chain(rest)
}

fn case_rule(alias: &str) -> CaseRule {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    if !letters.is_empty() && letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase()) {
        CaseRule::Upper
    } else {
        CaseRule::Cap
    }
}

fn list(col: Option<&&str>) -> Vec<String> {
    match col.map(|c| c.trim()) {
        None | Some("") | Some("-") => Vec::new(),
        Some(c) => c
            .split('|')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
    }
}

fn ref_id(v: &str) -> String {
    let v = v.trim();
    if v.starts_with('Q') && v[1..].chars().all(|c| c.is_ascii_digit()) && v.len() > 1 {
        format!("wd:{v}")
    } else {
        v.to_string()
    }
}

impl Gazetteer {
    /// Parses gazetteer text; `file` names it in errors.
    pub fn parse(src: &str, file: &str) -> Result<Gazetteer, ExtractError> {
        let mut entries = Vec::new();
        let mut by_id = HashMap::new();
        // (normalised pattern, entry, form, case) in priority order.
        let mut raw: Vec<(String, usize, Form, CaseRule)> = Vec::new();
        let mut late: Vec<(String, usize, Form, CaseRule)> = Vec::new();
        let mut late_plain: Vec<(String, usize, Form, CaseRule)> = Vec::new();
        let mut surnames: HashMap<String, (usize, usize)> = HashMap::new();
        for (n, line) in src.lines().enumerate() {
            let line_no = n + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let err = |m: String| ExtractError::data(file, line_no, m);
            if cols.len() < 3 {
                return Err(err("expected at least id, kind and name".into()));
            }
            let kind = EntityKind::parse(cols[1])
                .ok_or_else(|| err(format!("unknown kind {:?}", cols[1])))?;
            let name = cols[2].trim().to_string();
            if name.is_empty() {
                return Err(err("empty name".into()));
            }
            let id = match cols[0].trim() {
                "" | "-" => slug_id(kind, &name),
                v if v.starts_with('Q') => {
                    if !v[1..].chars().all(|c| c.is_ascii_digit()) || v.len() < 2 {
                        return Err(err(format!("bad Wikidata id {v:?}")));
                    }
                    format!("wd:{v}")
                }
                v => v.to_string(),
            };
            let mut e = GazEntry {
                id: id.clone(),
                kind,
                name: name.clone(),
                gender: None,
                roles: Vec::new(),
                capital_of: None,
                seat_of: None,
                building: false,
                group: false,
                surname_first: false,
            };
            for prop in list(cols.get(6))
                .iter()
                .flat_map(|p| p.split(';'))
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                let (k, v) = prop.split_once('=').unwrap_or((prop, ""));
                match k {
                    "gender" => {
                        e.gender = match v {
                            "m" => Some(Gender::Male),
                            "f" => Some(Gender::Female),
                            _ => return Err(err(format!("gender must be m or f, not {v:?}"))),
                        }
                    }
                    "role" => {
                        for r in v.split(',') {
                            let (office, country) = r.split_once('@').ok_or_else(|| {
                                err(format!("role must be office@country, not {r:?}"))
                            })?;
                            e.roles
                                .push((office.trim().to_lowercase(), ref_id(country)));
                        }
                    }
                    "capital_of" => e.capital_of = Some(ref_id(v)),
                    "seat_of" => e.seat_of = Some(ref_id(v)),
                    "building" => e.building = true,
                    "group" => e.group = true,
                    "surname_first" => e.surname_first = true,
                    _ => return Err(err(format!("unknown property {k:?}"))),
                }
            }
            let idx = entries.len();
            if by_id.insert(id.clone(), idx).is_some() {
                return Err(err(format!("duplicate id {id}")));
            }
            // (`Erdogan`, `Pena`: a name written without its diacritics is the same name.)
            for a in std::iter::once(name.clone()).chain(list(cols.get(3))) {
                raw.push((norm(&a), idx, Form::Name, case_rule(&a)));
                if let Cow::Owned(plain) = fold_diacritics(&a) {
                    late_plain.push((norm(&plain), idx, Form::Name, case_rule(&plain)));
                }
            }
            for a in list(cols.get(4)) {
                late.push((norm(&a), idx, Form::Adjective, CaseRule::Cap));
            }
            for a in list(cols.get(5)) {
                late.push((norm(&a), idx, Form::Demonym, CaseRule::Cap));
            }
            // A family name that comes first is too common (Wang, Li, Kim) to stand alone
            // before the article names the person in full: the document registers it then.
            if kind == EntityKind::Person && !e.surname_first {
                let toks: Vec<&str> = name.split_whitespace().collect();
                if toks.len() >= 2 {
                    if let Some(last) = toks.last() {
                        let plain = fold_diacritics(last);
                        let forms = surname_forms(last).chain(match &plain {
                            Cow::Owned(p) => Some(p.as_str()),
                            Cow::Borrowed(_) => None,
                        });
                        for s in forms {
                            let s = norm(s);
                            if s.chars().count() >= 3 {
                                let c = surnames.entry(s).or_insert((idx, 0));
                                c.1 += 1;
                            }
                        }
                    }
                }
            }
            entries.push(e);
        }
        // (Names as written come first, so a folded form never displaces another name.)
        raw.extend(late_plain);
        raw.extend(late);
        let mut surnames: Vec<(String, (usize, usize))> = surnames.into_iter().collect();
        surnames.sort_by(|a, b| a.0.cmp(&b.0));
        for (s, (idx, count)) in surnames {
            if count == 1 {
                raw.push((s, idx, Form::Surname, CaseRule::Cap));
            }
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut pats = Vec::new();
        let mut patterns = Vec::new();
        for (p, entry, form, case) in raw {
            if p.is_empty() {
                continue;
            }
            match seen.get(&p) {
                Some(&i) => {
                    let existing: &mut Pattern = &mut patterns[i];
                    if existing.entry == entry && case == CaseRule::Cap {
                        existing.case = CaseRule::Cap;
                    }
                }
                None => {
                    seen.insert(p.clone(), patterns.len());
                    pats.push(p);
                    patterns.push(Pattern { entry, form, case });
                }
            }
        }
        let mut capitals = HashMap::new();
        let mut armies = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            if let Some(c) = &e.capital_of {
                capitals.entry(c.clone()).or_insert(i);
            }
            for (office, country) in &e.roles {
                if office == "army" {
                    armies.entry(country.clone()).or_insert(i);
                }
            }
        }
        Ok(Gazetteer {
            entries,
            by_id,
            capitals,
            armies,
            patterns,
            phrases: pats,
            trie: PhraseTrie::default(),
        })
    }

    /// Builds the pattern matcher over the shared word ids of `words`, which every token's
    /// lookup returns, and puts the first word of every pattern in class `GAZ_START`: only a
    /// token with that class can start a name.
    pub(crate) fn index(&mut self, words: &mut WordTable) {
        let phrases = std::mem::take(&mut self.phrases);
        for first in phrases.iter().filter_map(|p| p.split(' ').next()) {
            words.add(first, class::GAZ_START);
        }
        self.trie = PhraseTrie::build(phrases.iter().map(String::as_str), |w| words.intern(w));
    }

    /// The entry a document entity was made from (its `gaz` index), if any.
    pub(crate) fn entry(&self, index: Option<usize>) -> Option<&GazEntry> {
        index.and_then(|i| self.entries.get(i))
    }

    /// Whether that entry is a building or seat (White House): a place, not a party.
    pub(crate) fn is_building(&self, index: Option<usize>) -> bool {
        self.entry(index).is_some_and(|g| g.building)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const G: &str = "Q159\tGPE\tRussia\tRussian Federation\tRussian\tRussians\t-\nQ7747\tPERSON\tVladimir Putin\tPutin\t-\t-\tgender=m;role=president@Q159\nQ30\tGPE\tUnited States\tUS|U.S.|USA\tAmerican\tAmericans\t-\n";

    fn find(g: &Gazetteer, words: &WordTable, text: &str) -> Option<(String, Form)> {
        let ids: Vec<u32> = norm(text).split(' ').map(|w| words.get(w).id).collect();
        let (pid, last) = g.trie.longest(&ids, 0)?;
        if last + 1 != ids.len() {
            return None;
        }
        let p = g.patterns[pid];
        Some((g.entries[p.entry].name.clone(), p.form))
    }

    #[test]
    fn aliases_demonyms_and_case() {
        let mut g = Gazetteer::parse(G, "g").unwrap();
        let mut words = WordTable::default();
        g.index(&mut words);
        let find = |text| find(&g, &words, text);
        assert_eq!(find("Russians"), Some(("Russia".into(), Form::Demonym)));
        assert_eq!(find("Russian"), Some(("Russia".into(), Form::Adjective)));
        assert_eq!(find("U.S."), Some(("United States".into(), Form::Name)));
        assert_eq!(
            find("Vladimir Putin"),
            Some(("Vladimir Putin".into(), Form::Name))
        );
        assert_eq!(find("Putin"), Some(("Vladimir Putin".into(), Form::Name)));
        assert_eq!(find("Vladimir"), None);
        let us =
            g.patterns.iter().zip(0..).find(|(p, _)| {
                g.entries[p.entry].name == "United States" && p.case == CaseRule::Upper
            });
        assert!(us.is_some());
        assert_eq!(
            g.entries[1].roles,
            vec![("president".to_string(), "wd:Q159".to_string())]
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = Gazetteer::parse("Q1\tPERSON\tA B\n-\tTHING\tX\n", "gaz.tsv").unwrap_err();
        assert!(e.to_string().starts_with("gaz.tsv:2:"), "{e}");
        assert!(Gazetteer::parse("Q1\tGPE\tA\nQ1\tGPE\tB\n", "g").is_err());
    }

    #[test]
    fn diacritics_fold_to_plain_letters() {
        assert_eq!(fold_diacritics("Peña"), "Pena");
        assert_eq!(fold_diacritics("Grlić Radman"), "Grlic Radman");
        assert_eq!(fold_diacritics("Erdoğan"), "Erdogan");
        assert!(matches!(fold_diacritics("Putin"), Cow::Borrowed(_)));
        assert!(matches!(fold_diacritics("Næss"), Cow::Borrowed(_)));
    }

    #[test]
    fn slug_ids() {
        assert_eq!(
            slug_id(EntityKind::Person, "Marc Fogel"),
            "ng:person/marc-fogel"
        );
        assert_eq!(
            slug_id(EntityKind::Org, "Bloomberg L.P."),
            "ng:org/bloomberg-l-p"
        );
    }
}
