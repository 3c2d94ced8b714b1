//! Exceptions to a series: "Ngày 25 hằng tháng (trừ tháng 12: ngày 20)", "Ngày 20 hằng
//! tháng; riêng tháng 2 là ngày 25", "Hằng quý, trước ngày 15 tháng cuối quý (quý IV trước
//! ngày 10/12)", "Hằng tháng (trừ tháng 1 và tháng 2)". The months named keep their
//! occurrence on the day given, or lose it when "trừ" gives none.

use chrono::{Datelike, NaiveDate};

use super::super::lexer::{Kind as Tok, Token};
use super::super::{Context, Kind, Resolution};
use super::*;

/// What an exception says: the months it names and the day their occurrences move to.
struct Exception {
    months: Vec<u32>,
    /// The day, and its month when written ("10/12"); `None` when "trừ" sets the months
    /// apart.
    moved_to: Option<(u32, Option<u32>)>,
}

/// `series` with the exception `tokens` say applied; `None` when they are not an exception
/// this reads, or name no month of the series.
pub fn except(
    text: &str,
    tokens: &[Token],
    series: &Resolution,
    context: Context,
) -> Option<Resolution> {
    if series.kind != Kind::Recurring {
        return None;
    }
    let mut p = Parser::new(text, tokens, context);
    let Exception { months, moved_to } = p.exception()?;
    let mut dates: Vec<NaiveDate> = Vec::with_capacity(series.dates.len());
    let mut changed = false;
    for &date in &series.dates {
        if !months.contains(&date.month()) {
            dates.push(date);
            continue;
        }
        changed = true;
        if let Some((day, month)) = moved_to {
            let month = month.unwrap_or(date.month());
            let last = last_of_month(date.year(), month).day();
            dates.push(ymd(date.year(), month, day.min(last)));
        }
    }
    if !changed || dates.is_empty() {
        return None;
    }
    dates.sort_unstable();
    dates.dedup();
    Some(Resolution {
        kind: Kind::Recurring,
        start: series.start,
        due: dates.last().copied(),
        dates,
    })
}

impl Parser<'_> {
    /// The exception the tokens say; all of them must be read.
    fn exception(&mut self) -> Option<Exception> {
        let apart = self.words(&["tru"]);
        if !apart {
            self.words(&["rieng"]);
        }
        self.words(&["doi", "voi"]);
        let months = self.exception_months()?;
        self.punct(':');
        self.words(&["la"]);
        while self.words(&["truoc"])
            || self.words(&["cham", "nhat"])
            || self.words(&["vao"])
            || self.words(&["han"])
        {}
        if self.peek().is_none() {
            return apart.then_some(Exception {
                months,
                moved_to: None,
            });
        }
        self.words(&["ngay"]);
        let day = self.small_number(31)?;
        let month = if self.punct('/') || self.punct('.') {
            Some(self.small_number(12)?)
        } else {
            None
        };
        self.peek().is_none().then_some(Exception {
            months,
            moved_to: Some((day, month)),
        })
    }

    /// "tháng 12", "tháng 1 và tháng 2", "tháng 1, 2", "quý IV": the months named.
    fn exception_months(&mut self) -> Option<Vec<u32>> {
        let mut months = Vec::new();
        if self.words(&["quy"]) {
            let quarter = self
                .quarter_numeral()
                .ok()
                .filter(|q| (1..=4).contains(q))?;
            months.extend(quarter * 3 - 2..=quarter * 3);
            return Some(months);
        }
        if !self.words(&["thang"]) {
            return None;
        }
        months.push(self.small_number(12)?);
        while (self.at_punct(0, ',') || self.at_word(0, "va"))
            && (self.at_number(1) || (self.at_word(1, "thang") && self.at_number(2)))
        {
            self.pos += 1;
            self.words(&["thang"]);
            months.push(self.small_number(12)?);
        }
        Some(months)
    }

    /// A number from 1 to `max`, consumed.
    fn small_number(&mut self, max: u32) -> Option<u32> {
        let n = self
            .peek()
            .filter(|t| t.kind == Tok::Number && t.text.len() <= 2)
            .and_then(|t| t.text.parse::<u32>().ok())
            .filter(|n| (1..=max).contains(n))?;
        self.pos += 1;
        Some(n)
    }
}
