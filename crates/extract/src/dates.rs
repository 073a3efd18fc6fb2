//! Date expressions in a sentence and their ISO 8601 values against the article date.

use crate::text::Tokens;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A date expression as written, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateKind {
    Weekday(Weekday),
    NextWeekday(Weekday),
    LastWeekday(Weekday),
    Week(i64),
    Month(i64),
    Year(i64),
    /// Day offset from the article date: yesterday, today, tomorrow, three days ago.
    Day(i64),
    /// A weekend: the last one (-1: over the weekend), the article week's (0), the next (1).
    Weekend(i64),
    MonthDay(u32, u32, Option<i32>),
    MonthOf(u32, Option<i32>),
    YearOnly(i32),
}

impl DateKind {
    /// Said of time still to come (next week, tomorrow): what it dates has not happened.
    pub(crate) fn ahead(self) -> bool {
        match self {
            DateKind::NextWeekday(_) => true,
            DateKind::Weekend(o) => o > 0,
            DateKind::Week(o) | DateKind::Month(o) | DateKind::Year(o) | DateKind::Day(o) => o > 0,
            _ => false,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct DateExpr {
    pub t0: usize,
    pub t1: usize,
    pub kind: DateKind,
}

/// The month a lower-case name or abbreviation names (`mar` is too often a word).
fn month_of(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// A month or weekday name: a word of the calendar, never a place or a person.
pub(crate) fn is_calendar_word(w: &str) -> bool {
    month_of(w).is_some() || weekday(w).is_some()
}

/// Whether a lower-case word names a day of the week.
pub(crate) fn is_weekday(w: &str) -> bool {
    weekday(w).is_some()
}

/// The day a lower-case weekday name names.
fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn number(w: &str) -> Option<u32> {
    if w.is_empty() || w.len() > 4 || !w.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    w.parse().ok()
}

fn year(w: &str) -> Option<i32> {
    number(w)
        .filter(|y| (1900..=2100).contains(y) && w.len() == 4)
        .map(|y| y as i32)
}

fn day(w: &str) -> Option<u32> {
    let digits: String = w.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &w[digits.len()..];
    if !matches!(rest, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    number(&digits).filter(|d| (1..=31).contains(d))
}

/// A small count in words or digits (`two weeks ago`).
fn count(w: &str) -> Option<i64> {
    Some(match w {
        "a" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        _ => return number(w).filter(|&n| n <= 60).map(i64::from),
    })
}

/// The date that starts at token `k`, or right after an `on` or `in` there (`B on Friday`).
pub(crate) fn date_at<'d>(t: &Tokens, dates: &'d [DateExpr], k: usize) -> Option<&'d DateExpr> {
    let on = usize::from(matches!(t.word(k), "on" | "in"));
    dates.iter().find(|d| d.t0 == k + on)
}

/// Finds date expressions in a sentence's tokens, left to right, without overlaps.
pub(crate) fn find_dates(t: &Tokens) -> Vec<DateExpr> {
    let mut out = Vec::new();
    let n = t.len();
    let mut i = 0;
    while i < n {
        // Only capitalised words (months, weekdays), numbers and a few relative words start
        // a date expression; the first byte rules out most other words.
        if !t.cap(i)
            && !matches!(
                t.first_byte(i),
                Some(b'0'..=b'9' | b'l' | b't' | b'n' | b'p' | b'y' | b'a' | b'w' | b'e')
            )
        {
            i += 1;
            continue;
        }
        let w = t.word(i);
        let prev = if i > 0 { t.word(i - 1) } else { "" };
        let next = t.word(i + 1);
        // `two weeks ago`, `three days ago`: found at `ago`, the rarer word.
        let free_from = |k: usize| out.last().is_none_or(|d: &DateExpr| d.t1 <= k);
        // `The talks come a week after Macron held a call`: what follows happened that long
        // before the news, as with `ago`.
        let after_news =
            w == "after" && i >= 3 && matches!(t.word(i - 3), "come" | "comes" | "came" | "coming");
        if (w == "ago" || after_news) && i >= 2 && free_from(i - 2) {
            let kind = count(t.word(i - 2)).and_then(|c| match prev {
                "day" | "days" => Some(DateKind::Day(-c)),
                "week" | "weeks" => Some(DateKind::Week(-c)),
                "month" | "months" => Some(DateKind::Month(-c)),
                "year" | "years" => Some(DateKind::Year(-c)),
                _ => None,
            });
            if let Some(kind) = kind {
                out.push(DateExpr {
                    t0: i - 2,
                    t1: i + 1,
                    kind,
                });
                i += 1;
                continue;
            }
        }
        // `over the weekend`, `at the weekend`: the last one.
        if w == "weekend" && prev == "the" && i >= 2 && matches!(t.word(i - 2), "over" | "at") {
            if free_from(i - 1) {
                out.push(DateExpr {
                    t0: i - 1,
                    t1: i + 1,
                    kind: DateKind::Weekend(-1),
                });
            }
            i += 1;
            continue;
        }
        // `earlier in the week`, `later in the month`: this one; `at the end of the month`,
        // `the end of next month`.
        let shift = match (w, next) {
            ("earlier" | "later", "in") | ("end", "of") => match t.word(i + 2) {
                "the" => Some(0),
                "this" if w == "end" => Some(0),
                "next" if w == "end" => Some(1),
                "last" if w == "end" => Some(-1),
                _ => None,
            },
            _ => None,
        };
        let kind = shift.and_then(|shift| match t.word(i + 3) {
            "month" => Some(DateKind::Month(shift)),
            "year" => Some(DateKind::Year(shift)),
            "week" => Some(DateKind::Week(shift)),
            _ => None,
        });
        if let Some(kind) = kind {
            out.push(DateExpr {
                t0: i,
                t1: i + 4,
                kind,
            });
            i += 4;
            continue;
        }
        let candidate = t.cap(i)
            || w.starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                w,
                "last" | "this" | "next" | "past" | "yesterday" | "today" | "tonight" | "tomorrow"
            );
        if !candidate {
            i += 1;
            continue;
        }
        // Relative weeks, months, years.
        if matches!(w, "last" | "this" | "next" | "past") {
            let k = match next {
                "week" => Some(DateKind::Week(0)),
                "month" => Some(DateKind::Month(0)),
                "year" => Some(DateKind::Year(0)),
                "weekend" => Some(DateKind::Weekend(0)),
                _ => None,
            };
            let off = match w {
                "last" | "past" => -1,
                "next" => 1,
                _ => 0,
            };
            if let Some(k) = k {
                let k = match k {
                    DateKind::Week(_) => DateKind::Week(off),
                    DateKind::Month(_) => DateKind::Month(off),
                    DateKind::Weekend(_) => DateKind::Weekend(off),
                    _ => DateKind::Year(off),
                };
                out.push(DateExpr {
                    t0: i,
                    t1: i + 2,
                    kind: k,
                });
                i += 2;
                continue;
            }
            // `this afternoon`, `last night`: a part of a day.
            let part = match (w, next) {
                ("this", "morning" | "afternoon" | "evening") => Some(DateKind::Day(0)),
                ("last", "night") => Some(DateKind::Day(-1)),
                _ => None,
            };
            let day = part.or_else(|| {
                weekday(next).map(|wd| match w {
                    "next" => DateKind::NextWeekday(wd),
                    "last" | "past" => DateKind::LastWeekday(wd),
                    _ => DateKind::Weekday(wd),
                })
            });
            if let Some(k) = day {
                out.push(DateExpr {
                    t0: i,
                    t1: i + 2,
                    kind: k,
                });
                i += 2;
                continue;
            }
        }
        match w {
            "yesterday" | "today" | "tonight" | "tomorrow" => {
                let d = match w {
                    "yesterday" => -1,
                    "today" | "tonight" => 0,
                    _ => 1,
                };
                out.push(DateExpr {
                    t0: i,
                    t1: i + 1,
                    kind: DateKind::Day(d),
                });
                i += 1;
                continue;
            }
            _ => {}
        }
        if let Some(wd) = weekday(w) {
            if t.cap(i) {
                out.push(DateExpr {
                    t0: i,
                    t1: i + 1,
                    kind: DateKind::Weekday(wd),
                });
                i += 1;
                continue;
            }
        }
        if let Some(m) = month_of(w).filter(|_| t.cap(i)) {
            // Skip the period of an abbreviation (Aug. 15).
            let mut j = i + 1;
            if t.word(j) == "." && w.len() <= 4 {
                j += 1;
            }
            if let Some(d) = day(t.word(j)) {
                let mut end = j + 1;
                let mut y = None;
                let (a, b) = (t.word(end), t.word(end + 1));
                if let Some(yy) = year(a) {
                    y = Some(yy);
                    end += 1;
                } else if a == "," {
                    if let Some(yy) = year(b) {
                        y = Some(yy);
                        end += 2;
                    }
                }
                out.push(DateExpr {
                    t0: i,
                    t1: end,
                    kind: DateKind::MonthDay(m, d, y),
                });
                i = end;
                continue;
            }
            // (`17 August 2025`: a day before the month is read below, year and all.)
            let day_before = i > 0 && day(prev).is_some();
            if let Some(yy) = year(t.word(j)).filter(|_| !day_before) {
                out.push(DateExpr {
                    t0: i,
                    t1: j + 1,
                    kind: DateKind::MonthOf(m, Some(yy)),
                });
                i = j + 1;
                continue;
            }
            let is_may = w == "may";
            if !is_may
                || day(prev).is_some()
                || matches!(
                    prev,
                    "in" | "of" | "early" | "late" | "mid" | "since" | "until" | "by"
                )
            {
                // 15 August: a day before the month.
                if let Some(d) = (i > 0).then(|| day(prev)).flatten() {
                    let mut end = i + 1;
                    let mut y = None;
                    if let Some(yy) = year(t.word(end)) {
                        y = Some(yy);
                        end += 1;
                    }
                    out.push(DateExpr {
                        t0: i - 1,
                        t1: end,
                        kind: DateKind::MonthDay(m, d, y),
                    });
                    i = end;
                    continue;
                }
                out.push(DateExpr {
                    t0: i,
                    t1: i + 1,
                    kind: DateKind::MonthOf(m, None),
                });
                i += 1;
                continue;
            }
        }
        if let Some(y) = year(w) {
            // `in late 2024`, `in mid-2024`.
            let qualified = matches!(prev, "early" | "late")
                || (prev == "-" && i > 1 && t.word(i - 2) == "mid");
            if qualified
                || matches!(
                    prev,
                    "in" | "since" | "by" | "until" | "during" | "of" | "from"
                )
            {
                out.push(DateExpr {
                    t0: i,
                    t1: i + 1,
                    kind: DateKind::YearOnly(y),
                });
            }
        }
        i += 1;
    }
    out
}

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

fn shift_month(d: NaiveDate, by: i64) -> (i32, u32) {
    let total = d.year() as i64 * 12 + (d.month0() as i64) + by;
    (total.div_euclid(12) as i32, total.rem_euclid(12) as u32 + 1)
}

/// A month, day or weekday named without a year, the one nearest the article date (`had
/// been expected in January` in December is next January; `had been due in September` in
/// October, last September); other forms as [`resolve`] reads them ahead.
pub(crate) fn resolve_nearest(kind: DateKind, article: Option<NaiveDate>) -> Option<String> {
    let a = article?;
    let month_gap = |y: i32, m: u32| ((y - a.year()) * 12 + m as i32 - a.month() as i32).abs();
    match kind {
        DateKind::MonthOf(m, None) => {
            let y = (a.year() - 1..=a.year() + 1).min_by_key(|&y| month_gap(y, m))?;
            Some(format!("{y}-{m:02}"))
        }
        DateKind::MonthDay(m, d, None) => {
            let day = |y: i32| NaiveDate::from_ymd_opt(y, m, d);
            let best = (a.year() - 1..=a.year() + 1)
                .filter_map(day)
                .min_by_key(|x| (*x - a).num_days().abs())?;
            Some(best.format("%Y-%m-%d").to_string())
        }
        // (`was scheduled for Monday` and called off: the Monday nearest the article.)
        DateKind::Weekday(_) => {
            let past = resolve(kind, article, false)?;
            let next = resolve(kind, article, true)?;
            let gap = |x: &str| {
                NaiveDate::parse_from_str(x, "%Y-%m-%d")
                    .map_or(i64::MAX, |d| (d - a).num_days().abs())
            };
            Some(if gap(&next) < gap(&past) { next } else { past })
        }
        _ => resolve(kind, article, true),
    }
}

/// The ISO 8601 value of a date expression; `future` picks the next rather than the last
/// matching day when the text leaves it open.
pub(crate) fn resolve(kind: DateKind, article: Option<NaiveDate>, future: bool) -> Option<String> {
    use DateKind::*;
    match kind {
        MonthDay(m, d, Some(y)) => {
            NaiveDate::from_ymd_opt(y, m, d).map(|x| x.format("%Y-%m-%d").to_string())
        }
        MonthOf(m, Some(y)) => Some(format!("{y}-{m:02}")),
        YearOnly(y) => Some(y.to_string()),
        MonthDay(m, d, None) => match article {
            None => Some(format!("--{m:02}-{d:02}")),
            Some(a) => {
                let this = NaiveDate::from_ymd_opt(a.year(), m, d)?;
                let y = if future && this < a {
                    a.year() + 1
                } else if !future && this > a {
                    a.year() - 1
                } else {
                    a.year()
                };
                NaiveDate::from_ymd_opt(y, m, d).map(|x| x.format("%Y-%m-%d").to_string())
            }
        },
        MonthOf(m, None) => match article {
            None => Some(format!("--{m:02}")),
            Some(a) => {
                let y = if future && m < a.month() {
                    a.year() + 1
                } else if !future && m > a.month() {
                    a.year() - 1
                } else {
                    a.year()
                };
                Some(format!("{y}-{m:02}"))
            }
        },
        _ => {
            let a = article?;
            let wd_of = |w: chrono::Weekday| w.num_days_from_monday() as i64;
            let today = wd_of(a.weekday());
            let date = match kind {
                Weekday(w) => {
                    let diff = wd_of(w) - today;
                    if future {
                        a + Duration::days(diff.rem_euclid(7))
                    } else {
                        a - Duration::days((-diff).rem_euclid(7))
                    }
                }
                NextWeekday(w) => {
                    let diff = (wd_of(w) - today).rem_euclid(7);
                    a + Duration::days(if diff == 0 { 7 } else { diff })
                }
                LastWeekday(w) => {
                    let diff = (today - wd_of(w)).rem_euclid(7);
                    a - Duration::days(if diff == 0 { 7 } else { diff })
                }
                Day(off) => a + Duration::days(off),
                Week(off) => return Some(iso_week(a + Duration::days(7 * off))),
                Weekend(off) => {
                    // The Saturday of the article's week; the last weekend is the latest
                    // Saturday before the article date.
                    let saturday = a + Duration::days(5 - today);
                    let sat = match off {
                        o if o < 0 && saturday >= a => saturday - Duration::days(7),
                        o if o < 0 => saturday,
                        o => saturday + Duration::days(7 * o),
                    };
                    return Some(iso_week(sat));
                }
                Month(off) => {
                    let (y, m) = shift_month(a, off);
                    return Some(format!("{y}-{m:02}"));
                }
                Year(off) => return Some((a.year() as i64 + off).to_string()),
                _ => return None,
            };
            Some(date.format("%Y-%m-%d").to_string())
        }
    }
}

/// How precisely a value fixes the date: higher is more specific.
pub(crate) fn specificity(v: &str) -> u8 {
    let b = v.as_bytes();
    match (v.len(), b.first()) {
        (10, Some(b'0'..=b'9')) => 6,
        (7, Some(b'-')) => 5,
        (8, _) if v.contains("-W") => 4,
        (7, _) => 3,
        (4, Some(b'-')) => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn at(text: &str, article: Option<&str>, future: bool) -> Vec<String> {
        let mut q = false;
        let t = tokenize(text, 0, text.len(), &mut q);
        let a = article.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        find_dates(&t)
            .into_iter()
            .filter_map(|d| resolve(d.kind, a, future))
            .collect()
    }

    #[test]
    fn relative_days_and_weeks() {
        // 2025-08-21 is a Thursday.
        assert_eq!(at("met last week", Some("2025-08-21"), false), ["2025-W33"]);
        assert_eq!(at("this week", Some("2025-02-14"), false), ["2025-W07"]);
        assert_eq!(at("on Monday", Some("2025-08-21"), false), ["2025-08-18"]);
        assert_eq!(at("on Friday", Some("2025-02-14"), true), ["2025-02-14"]);
        assert_eq!(at("on Friday", Some("2025-08-21"), true), ["2025-08-22"]);
        assert_eq!(at("next Friday", Some("2025-08-08"), true), ["2025-08-15"]);
        assert_eq!(at("yesterday", Some("2025-01-01"), false), ["2024-12-31"]);
        assert!(at("on Friday", None, true).is_empty());
    }

    #[test]
    fn months_and_years() {
        assert_eq!(at("on August 15 in Alaska", None, true), ["--08-15"]);
        assert_eq!(at("on 15 August", Some("2025-08-10"), true), ["2025-08-15"]);
        assert_eq!(at("Aug. 15, 2024", None, false), ["2024-08-15"]);
        assert_eq!(at("spoke in February", None, false), ["--02"]);
        assert_eq!(
            at("spoke in February", Some("2025-08-21"), false),
            ["2025-02"]
        );
        assert_eq!(at("in November 2024", None, false), ["2024-11"]);
        assert_eq!(at("was in 2021, when", None, false), ["2021"]);
        assert!(at("the pre-2014 borders", None, false).is_empty());
        assert!(at("you may go", None, false).is_empty());
        assert_eq!(at("last month", Some("2025-01-10"), false), ["2024-12"]);
        assert_eq!(at("on 12 May", Some("2025-06-11"), false), ["2025-05-12"]);
        assert_eq!(at("in late 2024", None, false), ["2024"]);
        assert_eq!(at("in mid-2024", None, false), ["2024"]);
        assert_eq!(
            at("at the end of the month", Some("2025-08-10"), true),
            ["2025-08"]
        );
    }

    #[test]
    fn nearest_year_for_a_plan_that_fell_through() {
        let nearest = |text: &str, article: &str| -> Vec<String> {
            let mut q = false;
            let t = tokenize(text, 0, text.len(), &mut q);
            let a = NaiveDate::parse_from_str(article, "%Y-%m-%d").ok();
            find_dates(&t)
                .into_iter()
                .filter_map(|d| resolve_nearest(d.kind, a))
                .collect()
        };
        assert_eq!(nearest("in September", "2026-10-08"), ["2026-09"]);
        assert_eq!(nearest("in January", "2024-12-17"), ["2025-01"]);
        assert_eq!(nearest("on 2 January", "2024-12-17"), ["2025-01-02"]);
        assert_eq!(nearest("on 30 September", "2026-10-08"), ["2026-09-30"]);
        assert!(nearest("in September", "").is_empty());
    }

    #[test]
    fn weekends_and_spans_ago() {
        // 2025-06-03 is a Tuesday of 2025-W23; the weekend before belongs to W22.
        assert_eq!(at("this weekend", Some("2025-06-03"), true), ["2025-W23"]);
        assert_eq!(
            at("over the weekend", Some("2025-06-03"), false),
            ["2025-W22"]
        );
        assert_eq!(at("next weekend", Some("2025-06-03"), true), ["2025-W24"]);
        assert_eq!(at("two weeks ago", Some("2025-06-03"), false), ["2025-W21"]);
        assert_eq!(
            at("three days ago", Some("2025-06-03"), false),
            ["2025-05-31"]
        );
        assert!(at("two of them", Some("2025-06-03"), false).is_empty());
    }

    #[test]
    fn specificity_orders_forms() {
        assert!(specificity("2025-08-15") > specificity("--08-15"));
        assert!(specificity("--08-15") > specificity("2025-W33"));
        assert!(specificity("2025-W33") > specificity("2025-02"));
        assert!(specificity("2025-02") > specificity("--02"));
        assert!(specificity("--02") > specificity("2021"));
    }
}
