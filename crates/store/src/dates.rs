//! ISO 8601 dates as the extractor writes them (`2025-08-18`, `2025-W33`, `2025-02`, `2021`,
//! `--08-15`, `--02`), turned into typed literals and day bounds for SPARQL.

use chrono::{Datelike, NaiveDate, Weekday};
use oxigraph::model::vocab::xsd;
use oxigraph::model::{Literal, NamedNodeRef};

/// What an extracted date becomes in RDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateTerms {
    /// The date as the most precise XSD type that can hold it, if one can.
    pub literal: Option<Literal>,
    /// First and last day the date can denote, when the year is known.
    pub bounds: Option<(NaiveDate, NaiveDate)>,
}

fn typed(value: &str, datatype: NamedNodeRef<'_>) -> Option<Literal> {
    Some(Literal::new_typed_literal(value, datatype))
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// Maps an ISO string to its literal and bounds; unknown forms give neither.
pub fn date_terms(iso: &str) -> DateTerms {
    let none = DateTerms {
        literal: None,
        bounds: None,
    };
    let s = iso.trim();
    if let Some(md) = s.strip_prefix("--") {
        let parts: Vec<&str> = md.split('-').collect();
        let ok_num = |p: &str, max: u32| {
            p.len() == 2 && p.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
        };
        return match parts.as_slice() {
            [m, d] if ok_num(m, 12) && ok_num(d, 31) => DateTerms {
                literal: typed(s, xsd::G_MONTH_DAY),
                bounds: None,
            },
            [m] if ok_num(m, 12) => DateTerms {
                literal: typed(s, xsd::G_MONTH),
                bounds: None,
            },
            _ => none,
        };
    }
    if let Some((y, w)) = s.split_once("-W") {
        let (Ok(year), Ok(week)) = (y.parse::<i32>(), w.parse::<u32>()) else {
            return none;
        };
        let Some(first) = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon) else {
            return none;
        };
        let Some(last) = NaiveDate::from_isoywd_opt(year, week, Weekday::Sun) else {
            return none;
        };
        return DateTerms {
            literal: None,
            bounds: Some((first, last)),
        };
    }
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let Ok(year) = y.parse::<i32>() else {
                return none;
            };
            match (
                NaiveDate::from_ymd_opt(year, 1, 1),
                NaiveDate::from_ymd_opt(year, 12, 31),
            ) {
                (Some(a), Some(b)) => DateTerms {
                    literal: typed(s, xsd::G_YEAR),
                    bounds: Some((a, b)),
                },
                _ => none,
            }
        }
        [y, m] if y.len() == 4 && m.len() == 2 => {
            let (Ok(year), Ok(month)) = (y.parse::<i32>(), m.parse::<u32>()) else {
                return none;
            };
            match (
                NaiveDate::from_ymd_opt(year, month, 1),
                last_day_of_month(year, month),
            ) {
                (Some(a), Some(b)) => DateTerms {
                    literal: typed(s, xsd::G_YEAR_MONTH),
                    bounds: Some((a, b)),
                },
                _ => none,
            }
        }
        [_, _, _] => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) => DateTerms {
                literal: typed(&d.format("%Y-%m-%d").to_string(), xsd::DATE),
                bounds: Some((d, d)),
            },
            Err(_) => none,
        },
        _ => none,
    }
}

/// `xsd:date` literal of a day.
pub fn day_literal(d: NaiveDate) -> Literal {
    Literal::new_typed_literal(
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        xsd::DATE,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(iso: &str, datatype: Option<&str>, bounds: Option<(&str, &str)>) {
        let t = date_terms(iso);
        assert_eq!(
            t.literal.as_ref().map(|l| l
                .datatype()
                .as_str()
                .trim_start_matches(xsd::DATE.as_str().trim_end_matches("date"))
                .to_string()),
            datatype.map(str::to_string),
            "{iso}"
        );
        let got = t.bounds.map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(
            got,
            bounds.map(|(a, b)| (a.to_string(), b.to_string())),
            "{iso}"
        );
    }

    #[test]
    fn forms() {
        check(
            "2025-08-18",
            Some("date"),
            Some(("2025-08-18", "2025-08-18")),
        );
        check("2025-W33", None, Some(("2025-08-11", "2025-08-17")));
        check(
            "2025-02",
            Some("gYearMonth"),
            Some(("2025-02-01", "2025-02-28")),
        );
        check(
            "2024-12",
            Some("gYearMonth"),
            Some(("2024-12-01", "2024-12-31")),
        );
        check("2021", Some("gYear"), Some(("2021-01-01", "2021-12-31")));
        check("--08-15", Some("gMonthDay"), None);
        check("--02", Some("gMonth"), None);
    }

    #[test]
    fn garbage_gives_nothing() {
        for s in [
            "",
            "soon",
            "2025-13",
            "2025-02-30",
            "--13",
            "2025-W99",
            "x-Wy",
            "--1-1",
            "2025-1-1-1",
        ] {
            assert_eq!(
                date_terms(s),
                DateTerms {
                    literal: None,
                    bounds: None
                },
                "{s}"
            );
        }
    }
}
