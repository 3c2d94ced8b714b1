//! The period a form covers (`2024`, `2024-H1`, `2024-Q2`, `2024-06`), as calendar days.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

/// The forms `--period` accepts, for messages.
pub const PERIOD_FORMS: &str =
    "a year (2024), a half year (2024-H1), a quarter (2024-Q2) or a month (2024-06)";

/// A year, half year, quarter or month, by its calendar months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    year: i32,
    span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Span {
    Year,
    Half(u32),
    Quarter(u32),
    Month(u32),
}

impl Period {
    /// The quarter `day` falls in.
    pub fn quarter_of(day: NaiveDate) -> Period {
        Period {
            year: day.year(),
            span: Span::Quarter(day.month0() / 3 + 1),
        }
    }

    fn months(self) -> (u32, u32) {
        match self.span {
            Span::Year => (1, 12),
            Span::Half(h) => (6 * h - 5, 6 * h),
            Span::Quarter(q) => (3 * q - 2, 3 * q),
            Span::Month(m) => (m, m),
        }
    }

    /// The first day.
    pub fn start(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.months().0, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day.
    pub fn end(self) -> NaiveDate {
        let last = self.months().1;
        let next = match last {
            12 => NaiveDate::from_ymd_opt(self.year + 1, 1, 1),
            m => NaiveDate::from_ymd_opt(self.year, m + 1, 1),
        };
        next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
    }

    /// The period in Vietnamese: "Quý II/2024", "6 tháng đầu năm 2024", "Tháng 6/2024".
    pub fn words(self) -> String {
        const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
        let year = self.year;
        match self.span {
            Span::Year => format!("Năm {year}"),
            Span::Half(1) => format!("6 tháng đầu năm {year}"),
            Span::Half(_) => format!("6 tháng cuối năm {year}"),
            Span::Quarter(q) => format!("Quý {}/{year}", ROMAN[q as usize - 1]),
            Span::Month(m) => format!("Tháng {m}/{year}"),
        }
    }
}

/// As `--period` writes it: `2024`, `2024-H1`, `2024-Q2`, `2024-06`.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.span {
            Span::Year => write!(f, "{}", self.year),
            Span::Half(h) => write!(f, "{}-H{h}", self.year),
            Span::Quarter(q) => write!(f, "{}-Q{q}", self.year),
            Span::Month(m) => write!(f, "{}-{m:02}", self.year),
        }
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
            digits
                .parse::<u32>()
                .ok()
                .filter(|n| ok && (1..=max).contains(n))
        };
        let span = match rest {
            None => Span::Year,
            Some(rest) => {
                let upper = rest.to_ascii_uppercase();
                if let Some(h) = upper.strip_prefix('H') {
                    Span::Half(number(h, 2).ok_or_else(bad)?)
                } else if let Some(q) = upper.strip_prefix('Q') {
                    Span::Quarter(number(q, 4).ok_or_else(bad)?)
                } else {
                    Span::Month(number(&upper, 12).ok_or_else(bad)?)
                }
            }
        };
        Ok(Period { year, span })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn periods_read_as_their_calendar_days() {
        let cases = [
            ("2024", day(2024, 1, 1), day(2024, 12, 31), "Năm 2024"),
            (
                "2024-H1",
                day(2024, 1, 1),
                day(2024, 6, 30),
                "6 tháng đầu năm 2024",
            ),
            (
                "2024-h2",
                day(2024, 7, 1),
                day(2024, 12, 31),
                "6 tháng cuối năm 2024",
            ),
            ("2024-Q2", day(2024, 4, 1), day(2024, 6, 30), "Quý II/2024"),
            (
                "2024-Q4",
                day(2024, 10, 1),
                day(2024, 12, 31),
                "Quý IV/2024",
            ),
            ("2024-02", day(2024, 2, 1), day(2024, 2, 29), "Tháng 2/2024"),
            ("2024-6", day(2024, 6, 1), day(2024, 6, 30), "Tháng 6/2024"),
        ];
        for (text, start, end, words) in cases {
            let period: Period = text.parse().unwrap();
            assert_eq!((period.start(), period.end()), (start, end), "{text}");
            assert_eq!(period.words(), words);
        }
        assert_eq!("2024-q2".parse::<Period>().unwrap().to_string(), "2024-Q2");
        assert_eq!("2024-6".parse::<Period>().unwrap().to_string(), "2024-06");
        for bad in [
            "24", "2024-Q5", "2024-H0", "2024-13", "2024-", "Q2-2024", "2024-Q",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_default_period_is_the_quarter_of_the_day() {
        assert_eq!(Period::quarter_of(day(2024, 5, 15)).to_string(), "2024-Q2");
        assert_eq!(Period::quarter_of(day(2024, 12, 31)).to_string(), "2024-Q4");
    }
}
