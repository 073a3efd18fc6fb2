//! Partial ISO dates as day intervals, so `2025-W33`, `2025-08` and `2025-08-18` compare sensibly.
//!
//! A date is the interval of days it may denote: `2025` is 2025-01-01..=2025-12-31, `2025-W33`
//! is Monday..=Sunday of ISO week 33, `--08-15` is August 15 of an unknown year. Orderings:
//! `a < b` when a ends before b starts, `a > b` when a starts after b ends, `a <= b` when a ends
//! no later than b ends, `a >= b` when a starts no earlier than b starts (so `a >= x AND a <= y`
//! means "a lies within x..y"), `a = b` when both denote the same interval. When one side has no
//! year, both sides are compared on month and day only.

use std::cmp::Ordering;

/// A closed interval of days. Yearless dates count days from January 1 of a leap year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub first: i64,
    pub last: i64,
    pub yearless: bool,
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn month_len(y: i64, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days since 1970-01-01 (proleptic Gregorian).
fn days(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Monday = 0.
fn weekday(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

fn num<T: std::str::FromStr>(s: &str, len: usize) -> Option<T> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Day index of a month-day in a leap reference year, for yearless comparison.
const REF_YEAR: i64 = 2000;

impl DateRange {
    pub fn parse(s: &str) -> Option<DateRange> {
        let s = s.trim();
        if let Some(rest) = s.strip_prefix("--") {
            let mut parts = rest.split('-');
            let m: u32 = num(parts.next()?, 2)?;
            if !(1..=12).contains(&m) {
                return None;
            }
            let r = match parts.next() {
                None => DateRange::span(REF_YEAR, m, 1, m, month_len(REF_YEAR, m)),
                Some(d) => {
                    let d: u32 = num(d, 2)?;
                    (1..=month_len(REF_YEAR, m))
                        .contains(&d)
                        .then(|| DateRange::span(REF_YEAR, m, d, m, d))?
                }
            };
            return parts.next().is_none().then_some(DateRange {
                yearless: true,
                ..r
            });
        }
        let mut parts = s.split('-');
        let y: i64 = num(parts.next()?, 4)?;
        let r = match parts.next() {
            None => DateRange::span(y, 1, 1, 12, 31),
            Some(w) if w.starts_with('W') => {
                let w: i64 = num(&w[1..], 2)?;
                let jan4 = days(y, 1, 4);
                let week1 = jan4 - weekday(jan4);
                let weeks_in_year =
                    if weekday(days(y, 1, 1)) == 3 || (is_leap(y) && weekday(days(y, 1, 1)) == 2) {
                        53
                    } else {
                        52
                    };
                if !(1..=weeks_in_year).contains(&w) {
                    return None;
                }
                let first = week1 + (w - 1) * 7;
                DateRange {
                    first,
                    last: first + 6,
                    yearless: false,
                }
            }
            Some(m) => {
                let m: u32 = num(m, 2)?;
                if !(1..=12).contains(&m) {
                    return None;
                }
                match parts.next() {
                    None => DateRange::span(y, m, 1, m, month_len(y, m)),
                    Some(d) => {
                        let d: u32 = num(d, 2)?;
                        if !(1..=month_len(y, m)).contains(&d) {
                            return None;
                        }
                        DateRange::span(y, m, d, m, d)
                    }
                }
            }
        };
        parts.next().is_none().then_some(r)
    }

    fn span(y: i64, m1: u32, d1: u32, m2: u32, d2: u32) -> DateRange {
        DateRange {
            first: days(y, m1, d1),
            last: days(y, m2, d2),
            yearless: false,
        }
    }

    /// The same interval seen on month and day only, in the reference year.
    fn month_day(self) -> DateRange {
        if self.yearless {
            return self;
        }
        let fold = |day: i64| {
            let (y, m, d) = civil(day);
            (y, days(REF_YEAR, m, d))
        };
        let (y1, a) = fold(self.first);
        let (y2, b) = fold(self.last);
        if y1 != y2 || b < a {
            DateRange::span(REF_YEAR, 1, 1, 12, 31)
        } else {
            DateRange {
                first: a,
                last: b,
                yearless: false,
            }
        }
    }

    /// Both sides on a common footing: month-day when either lacks a year.
    fn align(self, other: DateRange) -> (DateRange, DateRange) {
        if self.yearless || other.yearless {
            (self.month_day(), other.month_day())
        } else {
            (self, other)
        }
    }

    pub fn lt(self, o: DateRange) -> bool {
        let (a, b) = self.align(o);
        a.last < b.first
    }
    pub fn gt(self, o: DateRange) -> bool {
        let (a, b) = self.align(o);
        a.first > b.last
    }
    pub fn le(self, o: DateRange) -> bool {
        let (a, b) = self.align(o);
        a.last <= b.last
    }
    pub fn ge(self, o: DateRange) -> bool {
        let (a, b) = self.align(o);
        a.first >= b.first
    }
    pub fn same(self, o: DateRange) -> bool {
        let (a, b) = self.align(o);
        a.first == b.first && a.last == b.last
    }

    /// Sort order: by first day, then last day; yearless dates after dated ones.
    pub fn sort_cmp(self, o: DateRange) -> Ordering {
        (self.yearless, self.first, self.last).cmp(&(o.yearless, o.first, o.last))
    }
}

/// Inverse of `days`.
fn civil(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> DateRange {
        DateRange::parse(s).unwrap_or_else(|| panic!("{s} should parse"))
    }

    #[test]
    fn parses_every_precision() {
        assert_eq!(d("2025-08-18").first, d("2025-08-18").last);
        assert_eq!(d("2025-08").last - d("2025-08").first, 30);
        assert_eq!(d("2024").last - d("2024").first, 365);
        // ISO week 33 of 2025 runs Monday 11 to Sunday 17 August.
        assert!(!d("2025-W33").same(d("2025-08-11")));
        assert_eq!(d("2025-W33").first, d("2025-08-11").first);
        assert_eq!(d("2025-W33").last, d("2025-08-17").first);
        // Week 1 of 2026 starts on 2025-12-29.
        assert_eq!(d("2026-W01").first, d("2025-12-29").first);
        assert!(d("--02").yearless);
        for bad in [
            "2025-13",
            "2025-02-30",
            "2025-W54",
            "25-01",
            "--13",
            "x",
            "2025-08-18-1",
            "",
        ] {
            assert!(DateRange::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn interval_comparisons() {
        assert!(d("2025-W33").ge(d("2025-08-01")));
        assert!(d("2025-W33").le(d("2025-08-31")));
        assert!(d("2025-08-18").gt(d("2025-W33")));
        assert!(!d("2025").ge(d("2025-08-01")));
        assert!(d("2025-08").ge(d("2025-08")) && d("2025-08").le(d("2025-08")));
        assert!(d("2021").lt(d("2025-02")));
        // Yearless dates compare on month and day.
        assert!(d("--08-15").ge(d("2025-08-01")));
        assert!(d("--02").lt(d("2025-08-01")));
        assert!(d("--08-15").same(d("2025-08-15")));
    }

    #[test]
    fn civil_round_trips() {
        for (y, m, dd) in [(1970, 1, 1), (2000, 2, 29), (2025, 12, 31), (1600, 3, 1)] {
            assert_eq!(civil(days(y, m, dd)), (y, m, dd));
        }
    }
}
