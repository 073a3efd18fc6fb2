//! ISO 8601 partial dates as day intervals, so that `--since 2025-08` and an edge dated
//! `2025-W33` can be compared: a date filter keeps an edge whose interval overlaps the range.

use crate::DotError;
use chrono::{Datelike, NaiveDate, Weekday};
use std::fmt;
use std::str::FromStr;

/// A date as precise as a text fixes it. Dates with a year stand for the interval of days they
/// cover; yearless ones (`--08-15`, `--02`) recur every year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartialDate {
    Day(NaiveDate),
    /// ISO week: year and week number.
    Week(i32, u32),
    Month(i32, u32),
    Year(i32),
    /// `--MM-DD`.
    YearlessDay(u32, u32),
    /// `--MM`.
    YearlessMonth(u32),
}

fn invalid(input: &str, reason: &'static str) -> DotError {
    DotError::InvalidDate {
        input: input.to_string(),
        reason,
    }
}

fn number<T: FromStr>(input: &str, part: &str, digits: usize) -> Result<T, DotError> {
    if part.len() != digits || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(input, "malformed number"));
    }
    part.parse().map_err(|_| invalid(input, "malformed number"))
}

fn month(input: &str, part: &str) -> Result<u32, DotError> {
    let m: u32 = number(input, part, 2)?;
    if (1..=12).contains(&m) {
        Ok(m)
    } else {
        Err(invalid(input, "month out of range"))
    }
}

impl PartialDate {
    /// Parses `2025-08-15`, `2025-08`, `2025`, `2025-W33`, `2025-W33-5`, `--08-15` and `--08`;
    /// a time after `T` is ignored.
    pub fn parse(input: &str) -> Result<PartialDate, DotError> {
        let s = input.trim();
        let s = match s.find('T') {
            Some(i) if i >= 4 && s.as_bytes().get(i.saturating_sub(3)) == Some(&b'-') => &s[..i],
            _ => s,
        };
        if let Some(rest) = s.strip_prefix("--") {
            let mut parts = rest.split('-');
            let m = month(input, parts.next().unwrap_or(""))?;
            return match (parts.next(), parts.next()) {
                (None, _) => Ok(PartialDate::YearlessMonth(m)),
                (Some(d), None) => {
                    let d: u32 = number(input, d, 2)?;
                    // 2000 is a leap year, so --02-29 is accepted.
                    NaiveDate::from_ymd_opt(2000, m, d)
                        .map(|_| PartialDate::YearlessDay(m, d))
                        .ok_or_else(|| invalid(input, "day out of range"))
                }
                _ => Err(invalid(input, "too many parts")),
            };
        }
        let mut parts = s.split('-');
        let year: i32 = number(input, parts.next().unwrap_or(""), 4)?;
        let second = parts.next();
        let third = parts.next();
        if parts.next().is_some() {
            return Err(invalid(input, "too many parts"));
        }
        match (second, third) {
            (None, _) => Ok(PartialDate::Year(year)),
            (Some(w), day) if w.starts_with('W') => {
                let week: u32 = number(input, &w[1..], 2)?;
                if NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).is_none() {
                    return Err(invalid(input, "week out of range"));
                }
                match day {
                    None => Ok(PartialDate::Week(year, week)),
                    Some(d) => {
                        let d: u8 = number(input, d, 1)?;
                        let weekday = Weekday::try_from(d.wrapping_sub(1))
                            .map_err(|_| invalid(input, "weekday out of range"))?;
                        NaiveDate::from_isoywd_opt(year, week, weekday)
                            .map(PartialDate::Day)
                            .ok_or_else(|| invalid(input, "weekday out of range"))
                    }
                }
            }
            (Some(m), None) => Ok(PartialDate::Month(year, month(input, m)?)),
            (Some(m), Some(d)) => {
                let m = month(input, m)?;
                let d: u32 = number(input, d, 2)?;
                NaiveDate::from_ymd_opt(year, m, d)
                    .map(PartialDate::Day)
                    .ok_or_else(|| invalid(input, "day out of range"))
            }
        }
    }

    /// First and last day covered, for dates with a year.
    pub fn interval(self) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            PartialDate::Day(d) => Some((d, d)),
            PartialDate::Week(y, w) => Some((
                NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?,
                NaiveDate::from_isoywd_opt(y, w, Weekday::Sun)?,
            )),
            PartialDate::Month(y, m) => month_interval(y, m),
            PartialDate::Year(y) => Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            )),
            PartialDate::YearlessDay(..) | PartialDate::YearlessMonth(_) => None,
        }
    }

    /// The interval a yearless date stands for in `year` (none for --02-29 in common years).
    fn in_year(self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            PartialDate::YearlessDay(m, d) => NaiveDate::from_ymd_opt(year, m, d).map(|d| (d, d)),
            PartialDate::YearlessMonth(m) => month_interval(year, m),
            other => other.interval(),
        }
    }

    /// Whether the date can fall on a day in `since..=until` (open ends unbounded). A yearless
    /// date overlaps when one of its yearly occurrences does.
    pub fn overlaps(self, since: Option<NaiveDate>, until: Option<NaiveDate>) -> bool {
        let hits = |(a, b): (NaiveDate, NaiveDate)| {
            since.is_none_or(|s| b >= s) && until.is_none_or(|u| a <= u)
        };
        if let Some(iv) = self.interval() {
            return hits(iv);
        }
        match (since, until) {
            (Some(s), Some(u)) => {
                if u < s {
                    return false;
                }
                // A range of a year or more holds every yearly occurrence but --02-29, which
                // only needs a leap year among the range's years.
                (s.year()..=u.year()).any(|y| self.in_year(y).is_some_and(hits))
            }
            _ => true,
        }
    }
}

fn month_interval(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some((first, next.pred_opt()?))
}

impl FromStr for PartialDate {
    type Err = DotError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PartialDate::parse(s)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PartialDate::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            PartialDate::Week(y, w) => write!(f, "{y:04}-W{w:02}"),
            PartialDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::YearlessDay(m, d) => write!(f, "--{m:02}-{d:02}"),
            PartialDate::YearlessMonth(m) => write!(f, "--{m:02}"),
        }
    }
}

/// One end of a date range: a partial date with a year (`--since 2025-08` starts on August 1st,
/// `--until 2025-08` ends on August 31st).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateBound {
    date: PartialDate,
    first: NaiveDate,
    last: NaiveDate,
}

impl DateBound {
    pub fn parse(input: &str) -> Result<DateBound, DotError> {
        let date = PartialDate::parse(input)?;
        let (first, last) = date
            .interval()
            .ok_or_else(|| invalid(input, "a range bound needs a year"))?;
        Ok(DateBound { date, first, last })
    }

    pub fn date(self) -> PartialDate {
        self.date
    }

    /// The first day covered: where a `since` range starts.
    pub fn first_day(self) -> NaiveDate {
        self.first
    }

    /// The last day covered: where an `until` range ends.
    pub fn last_day(self) -> NaiveDate {
        self.last
    }
}

impl FromStr for DateBound {
    type Err = DotError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DateBound::parse(s)
    }
}

impl fmt::Display for DateBound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.date.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn iv(s: &str) -> (String, String) {
        let (a, b) = PartialDate::parse(s).unwrap().interval().unwrap();
        (a.to_string(), b.to_string())
    }

    #[test]
    fn partial_dates_are_intervals() {
        assert_eq!(iv("2025-08-15"), ("2025-08-15".into(), "2025-08-15".into()));
        assert_eq!(iv("2025-08"), ("2025-08-01".into(), "2025-08-31".into()));
        assert_eq!(iv("2024-02"), ("2024-02-01".into(), "2024-02-29".into()));
        assert_eq!(iv("2025-12"), ("2025-12-01".into(), "2025-12-31".into()));
        assert_eq!(iv("2025"), ("2025-01-01".into(), "2025-12-31".into()));
        assert_eq!(iv("2025-W33"), ("2025-08-11".into(), "2025-08-17".into()));
        assert_eq!(iv("2025-W33-5"), ("2025-08-15".into(), "2025-08-15".into()));
        // ISO week 1 of 2025 starts in 2024.
        assert_eq!(iv("2025-W01"), ("2024-12-30".into(), "2025-01-05".into()));
        assert_eq!(
            iv("2025-08-15T09:30:00Z"),
            ("2025-08-15".into(), "2025-08-15".into())
        );
    }

    #[test]
    fn round_trips_through_display() {
        for s in [
            "2025-08-15",
            "2025-08",
            "2025",
            "2025-W33",
            "--08-15",
            "--02",
        ] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn rejects_malformed_dates() {
        for s in [
            "",
            "25",
            "2025-13",
            "2025-02-30",
            "2025-W54",
            "2025-W33-8",
            "2025-W33-0",
            "--13",
            "--02-30",
            "2025-8-1",
            "2025-08-15-01",
            "yesterday",
            "--",
            "2025-W",
            "٢٠٢٥",
            "2025-0８",
        ] {
            assert!(PartialDate::parse(s).is_err(), "{s:?} parsed");
        }
        assert!(PartialDate::parse("--02-29").is_ok());
    }

    #[test]
    fn overlap_with_ranges() {
        let d = |s: &str| PartialDate::parse(s).unwrap();
        let aug = (Some(day("2025-08-01")), Some(day("2025-08-31")));
        assert!(d("2025-08-15").overlaps(aug.0, aug.1));
        assert!(!d("2025-09-01").overlaps(aug.0, aug.1));
        // A week straddling the range's end still overlaps.
        assert!(d("2025-W35").overlaps(aug.0, aug.1));
        assert!(d("2025").overlaps(aug.0, aug.1));
        assert!(!d("2024").overlaps(aug.0, aug.1));
        assert!(d("2024").overlaps(None, None));
        assert!(d("2024").overlaps(None, Some(day("2024-01-01"))));
        assert!(!d("2024").overlaps(Some(day("2025-01-01")), None));
    }

    #[test]
    fn yearless_dates_recur() {
        let d = |s: &str| PartialDate::parse(s).unwrap();
        let aug = (Some(day("2025-08-01")), Some(day("2025-08-31")));
        assert!(d("--08-15").overlaps(aug.0, aug.1));
        assert!(d("--08").overlaps(aug.0, aug.1));
        assert!(!d("--09-15").overlaps(aug.0, aug.1));
        assert!(d("--09-15").overlaps(aug.0, None));
        // Across a year boundary.
        let winter = (Some(day("2025-12-20")), Some(day("2026-01-10")));
        assert!(d("--01-02").overlaps(winter.0, winter.1));
        assert!(!d("--02").overlaps(winter.0, winter.1));
        // Leap day only in leap years.
        assert!(!d("--02-29").overlaps(Some(day("2025-01-01")), Some(day("2025-12-31"))));
        assert!(d("--02-29").overlaps(Some(day("2023-06-01")), Some(day("2024-06-01"))));
        // An empty range holds nothing.
        assert!(!d("--08").overlaps(aug.1, aug.0));
    }

    #[test]
    fn bounds_need_a_year() {
        let b = DateBound::parse("2025-W33").unwrap();
        assert_eq!(b.first_day(), day("2025-08-11"));
        assert_eq!(b.last_day(), day("2025-08-17"));
        assert!(DateBound::parse("--08-15").is_err());
    }
}
