//! The period of a progress report (`2024`, `2024-H1`, `2024-Q2`, `2024-06`) and the
//! window of days its data covers: by Nghị định 09/2019/NĐ-CP Art. 12, or the calendar.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

/// The forms `--period` accepts, for messages.
pub const PERIOD_FORMS: &str = "a year (2024), a half year (2024-H1, 2024-H2), a quarter \
     (2024-Q1 … 2024-Q4) or a month (2024-01 … 2024-12)";

/// A year, half year, quarter or month of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub year: i32,
    pub span: Span,
}

/// Which part of the year a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Year,
    /// 1 or 2.
    Half(u32),
    /// 1 to 4.
    Quarter(u32),
    /// 1 to 12.
    Month(u32),
}

/// How a period's days are cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Cutoff {
    /// NĐ 09/2019/NĐ-CP Art. 12: from the 15th of the month before the period to the 14th
    /// of its last month.
    #[default]
    Nd09,
    /// The calendar period.
    Calendar,
}

impl Cutoff {
    /// The name in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Cutoff::Nd09 => "nd09",
            Cutoff::Calendar => "calendar",
        }
    }
}

/// The first and last day of a report's data, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Window {
    /// True when `day` is inside the window.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }
}

impl Period {
    /// The first and last calendar month of the period (1–12).
    fn months(self) -> (u32, u32) {
        match self.span {
            Span::Year => (1, 12),
            Span::Half(h) => (6 * h - 5, 6 * h),
            Span::Quarter(q) => (3 * q - 2, 3 * q),
            Span::Month(m) => (m, m),
        }
    }

    /// The days a report of the period covers. `None` only for years chrono cannot hold.
    pub fn window(self, cutoff: Cutoff) -> Option<Window> {
        let (first, last) = self.months();
        match cutoff {
            Cutoff::Calendar => {
                let start = NaiveDate::from_ymd_opt(self.year, first, 1)?;
                let (year, month) = next_month(self.year, last);
                let end = NaiveDate::from_ymd_opt(year, month, 1)?.pred_opt()?;
                Some(Window { start, end })
            }
            Cutoff::Nd09 => {
                // The report closes on the 14th of the period's last month; its data
                // starts the day after the previous report's, the 15th of the month
                // before the period.
                let (year, month) = previous_month(self.year, first);
                let start = NaiveDate::from_ymd_opt(year, month, 15)?;
                let end = NaiveDate::from_ymd_opt(self.year, last, 14)?;
                Some(Window { start, end })
            }
        }
    }

    /// The period of the same length that follows.
    pub fn next(self) -> Period {
        let (year, span) = match self.span {
            Span::Year => (self.year + 1, Span::Year),
            Span::Half(2) => (self.year + 1, Span::Half(1)),
            Span::Half(h) => (self.year, Span::Half(h + 1)),
            Span::Quarter(4) => (self.year + 1, Span::Quarter(1)),
            Span::Quarter(q) => (self.year, Span::Quarter(q + 1)),
            Span::Month(12) => (self.year + 1, Span::Month(1)),
            Span::Month(m) => (self.year, Span::Month(m + 1)),
        };
        Period { year, span }
    }
}

fn previous_month(year: i32, month: u32) -> (i32, u32) {
    match month {
        1 => (year - 1, 12),
        m => (year, m - 1),
    }
}

fn next_month(year: i32, month: u32) -> (i32, u32) {
    match month {
        12 => (year + 1, 1),
        m => (year, m + 1),
    }
}

impl FromStr for Period {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a period: write {PERIOD_FORMS}");
        let trimmed = text.trim();
        let (year, rest) = match trimmed.split_once('-') {
            Some((year, rest)) => (year, Some(rest)),
            None => (trimmed, None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        let number = |digits: &str, max: u32| {
            let ok = (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
            let n: u32 = digits.parse().ok().filter(|_| ok)?;
            (1..=max).contains(&n).then_some(n)
        };
        let span = match rest {
            None => Some(Span::Year),
            Some(rest) => match rest.split_at_checked(1) {
                Some(("H" | "h", n)) => number(n, 2).map(Span::Half),
                Some(("Q" | "q", n)) => number(n, 4).map(Span::Quarter),
                _ if rest.len() == 2 => number(rest, 12).map(Span::Month),
                _ => None,
            },
        };
        span.map(|span| Period { year, span }).ok_or_else(bad)
    }
}

impl fmt::Display for Period {
    /// The period as `--period` takes it: `2024`, `2024-H1`, `2024-Q2`, `2024-06`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.span {
            Span::Year => write!(f, "{}", self.year),
            Span::Half(h) => write!(f, "{}-H{h}", self.year),
            Span::Quarter(q) => write!(f, "{}-Q{q}", self.year),
            Span::Month(m) => write!(f, "{}-{m:02}", self.year),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn window(period: &str, cutoff: Cutoff) -> (NaiveDate, NaiveDate) {
        let w = period.parse::<Period>().unwrap().window(cutoff).unwrap();
        (w.start, w.end)
    }

    #[test]
    fn nd09_windows_run_from_the_15th_before_to_the_14th_of_the_last_month() {
        use Cutoff::Nd09;
        assert_eq!(
            window("2024-Q2", Nd09),
            (day(2024, 3, 15), day(2024, 6, 14))
        );
        assert_eq!(
            window("2024-Q1", Nd09),
            (day(2023, 12, 15), day(2024, 3, 14))
        );
        assert_eq!(
            window("2024-Q4", Nd09),
            (day(2024, 9, 15), day(2024, 12, 14))
        );
        assert_eq!(
            window("2024-H1", Nd09),
            (day(2023, 12, 15), day(2024, 6, 14))
        );
        assert_eq!(
            window("2024-H2", Nd09),
            (day(2024, 6, 15), day(2024, 12, 14))
        );
        assert_eq!(window("2024", Nd09), (day(2023, 12, 15), day(2024, 12, 14)));
        assert_eq!(
            window("2024-06", Nd09),
            (day(2024, 5, 15), day(2024, 6, 14))
        );
        assert_eq!(
            window("2024-01", Nd09),
            (day(2023, 12, 15), day(2024, 1, 14))
        );
    }

    #[test]
    fn calendar_windows_are_the_calendar_period() {
        use Cutoff::Calendar;
        assert_eq!(
            window("2024-Q2", Calendar),
            (day(2024, 4, 1), day(2024, 6, 30))
        );
        assert_eq!(
            window("2024-H2", Calendar),
            (day(2024, 7, 1), day(2024, 12, 31))
        );
        assert_eq!(
            window("2024", Calendar),
            (day(2024, 1, 1), day(2024, 12, 31))
        );
        assert_eq!(
            window("2024-02", Calendar),
            (day(2024, 2, 1), day(2024, 2, 29))
        );
    }

    #[test]
    fn the_next_period_follows_across_the_year() {
        let next = |p: &str| p.parse::<Period>().unwrap().next().to_string();
        assert_eq!(next("2024-Q2"), "2024-Q3");
        assert_eq!(next("2024-Q4"), "2025-Q1");
        assert_eq!(next("2024-H2"), "2025-H1");
        assert_eq!(next("2024-12"), "2025-01");
        assert_eq!(next("2024"), "2025");
    }

    #[test]
    fn periods_parse_in_four_forms_and_nothing_else() {
        for good in [
            "2024", "2024-H1", "2024-h2", "2024-Q2", "2024-q4", "2024-06", "2024-12",
        ] {
            let period: Period = good.parse().unwrap();
            assert_eq!(period.to_string(), good.to_uppercase(), "{good}");
        }
        for bad in [
            "", "24", "2024-", "2024-Q5", "2024-Q0", "2024-H3", "2024-13", "2024-6", "2024-00",
            "Q2-2024", "2024-Q2x", "2024/Q2", "quý II", "2024-Q+1",
        ] {
            let error = bad.parse::<Period>().unwrap_err();
            assert!(error.contains("2024-Q1"), "{bad}: {error}");
        }
    }
}
