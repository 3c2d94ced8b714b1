//! Exceptions to a series: "Ngày 25 hằng tháng (trừ tháng 12: ngày 20)", "Ngày 20 hằng
//! tháng; riêng tháng 2 là ngày 25", "Hằng quý, trước ngày 15 tháng cuối quý (quý IV trước
//! ngày 10/12)", "Hằng tháng (trừ tháng 1 và tháng 2)". The months named keep their
//! occurrence on the day given, or lose it when "trừ" gives none. An exception that names a
//! month, quarter or day that does not exist is an error, as the same words are anywhere.

use chrono::{Datelike, NaiveDate};

use super::super::lexer::{Kind as Tok, Token};
use super::super::{Context, Error, Kind, Resolution};
use super::*;

/// What an exception says: the months it names and the day their occurrences move to.
struct Exception {
    months: Vec<u32>,
    /// The day, and its month when written ("10/12"); `None` when "trừ" sets the months
    /// apart.
    moved_to: Option<Moved>,
}

#[derive(Clone, Copy)]
struct Moved {
    day: u32,
    month: Option<u32>,
}

/// `series` with the exception `tokens` say applied; `None` when they are not an exception
/// this reads, or name no occurrence of the series; an error when they begin as one and
/// name a time that does not exist ("trừ tháng 13", "riêng tháng 2 là ngày 31").
pub fn except(
    text: &str,
    tokens: &[Token],
    series: &Resolution,
    context: Context,
) -> Option<Result<Resolution, Error>> {
    if series.kind != Kind::Recurring {
        return None;
    }
    let mut p = Parser::new(text, tokens, context);
    let Exception { months, moved_to } = match p.exception()? {
        Ok(exception) => exception,
        Err(error) => return Some(Err(error)),
    };
    let mut dates: Vec<NaiveDate> = series.dates.clone();
    let mut changed = false;
    match moved_to {
        // "trừ tháng 1 và tháng 2": their occurrences go.
        None => dates.retain(|d| {
            let named = months.contains(&d.month());
            changed |= named;
            !named
        }),
        // "trừ tháng 12: ngày 20": their occurrences move to that day.
        Some(Moved { day, month: None }) => {
            for date in dates.iter_mut().filter(|d| months.contains(&d.month())) {
                *date = NaiveDate::from_ymd_opt(date.year(), date.month(), day)?;
                changed = true;
            }
        }
        // "quý IV trước ngày 10/12", "quý IV trước ngày 15/01": in each year, the
        // occurrence of those months, or of the month after them (a quarter's report due
        // in the next), nearest the day written moves to it.
        Some(Moved {
            day,
            month: Some(month),
        }) => {
            let first = *months.iter().min()?;
            let after = months.iter().max()? % 12 + 1;
            let candidate = |d: &NaiveDate| months.contains(&d.month()) || d.month() == after;
            let (from, until) = (series.start?.year(), series.due?.year());
            for year in from..=until {
                // A month written well before the months named is in the year after.
                let year = year + i32::from(first > month + 6);
                let Some(moved) = NaiveDate::from_ymd_opt(year, month, day) else {
                    continue;
                };
                let nearest = (dates.iter_mut())
                    .filter(|d| candidate(d) && (**d - moved).num_days().abs() <= 62)
                    .min_by_key(|d| (**d - moved).num_days().abs());
                if let Some(date) = nearest {
                    *date = moved;
                    changed = true;
                }
            }
        }
    }
    if !changed {
        return None;
    }
    if dates.is_empty() {
        // "Hằng tháng từ tháng 10/2025 (trừ tháng 10, tháng 11 và tháng 12)".
        let span = p.span_of(0, tokens.len());
        let message = format!("`{}` leaves the series no occurrence", &text[span.clone()]);
        return Some(Err(p.error(span, message)));
    }
    dates.sort_unstable();
    dates.dedup();
    Some(Ok(Resolution {
        kind: Kind::Recurring,
        start: series.start,
        due: dates.last().copied(),
        dates,
    }))
}

impl Parser<'_> {
    /// The exception the tokens say, all of them read; `None` when they are not one, an
    /// error when they begin as one and name what does not exist.
    fn exception(&mut self) -> Option<Result<Exception, Error>> {
        let apart = self.words(&["tru"]);
        if !apart {
            self.words(&["rieng"]);
        }
        self.words(&["doi", "voi"]);
        let months = match self.exception_months()? {
            Ok(months) => months,
            Err(error) => return Some(Err(error)),
        };
        self.punct(':');
        self.words(&["la"]);
        while self.words(&["truoc"])
            || self.words(&["cham", "nhat"])
            || self.words(&["vao"])
            || self.words(&["han"])
        {}
        if self.peek().is_none() {
            return apart.then_some(Ok(Exception {
                months,
                moved_to: None,
            }));
        }
        self.words(&["ngay"]);
        let start = self.pos;
        let day = self.any_number()?;
        let month = if self.punct('/') || self.punct('.') {
            Some(self.any_number()?)
        } else {
            None
        };
        if self.peek().is_some() {
            return None;
        }
        // The day must exist in every month it is given to (29 February in a year that
        // has none leaves the exception unread).
        let in_months = month.map_or_else(|| months.clone(), |m| vec![m]);
        let exists = (1..=12).contains(&month.unwrap_or(1))
            && in_months
                .iter()
                .all(|&m| (1..=last_of_month(2024, m).day()).contains(&day));
        if !exists {
            let span = self.span_of(start, self.pos);
            let message = format!(
                "`{}` is not a day of the calendar",
                &self.text[span.clone()]
            );
            return Some(Err(self.error(span, message)));
        }
        Some(Ok(Exception {
            months,
            moved_to: Some(Moved { day, month }),
        }))
    }

    /// "tháng 12", "tháng 1 và tháng 2", "tháng 1, 2", "tháng 1-2", "quý IV", "quý II và
    /// quý IV": the months named; an error for a month or quarter that does not exist.
    fn exception_months(&mut self) -> Option<Result<Vec<u32>, Error>> {
        let quarters = self.at_word(0, "quy");
        if !quarters && !self.at_word(0, "thang") {
            return None;
        }
        let unit = if quarters { "quy" } else { "thang" };
        let mut months = Vec::new();
        loop {
            self.words(&[unit]);
            // "tháng, quý, năm", "tháng nghỉ Tết": no number, so no exception.
            let numbered = self.at_number(0)
                || (quarters && self.peek().is_some_and(|t| roman(&t.text).is_some()))
                || (!quarters && self.is_month_number(0));
            if !numbered {
                return None;
            }
            let at = self.here();
            let from = self.pos;
            let read = if quarters {
                self.quarter_numeral()
                    .map(|q| (q * 3 - 2..=q * 3).collect())
            } else {
                self.month_number().map(|m| vec![m])
            };
            // "tháng 1-2", "tháng 1 đến tháng 3": a range of months.
            let ranged = !quarters
                && (self.at_punct(0, '-') || self.at_word(0, "den"))
                && (self.is_month_number(1) || (self.at_word(1, unit) && self.is_month_number(2)));
            let read = match read {
                Ok(first) if ranged => {
                    self.pos += 1;
                    self.words(&[unit]);
                    self.month_number().and_then(|last| {
                        if last < first[0] {
                            let span = self.span_of(from, self.pos);
                            let message =
                                format!("`{}` ends before it starts", &self.text[span.clone()]);
                            return Err(self.error(span, message));
                        }
                        Ok((first[0]..=last).collect())
                    })
                }
                other => other,
            };
            match read {
                Ok(more) => months.extend(more),
                // "trừ tháng 13": begun as an exception, a month that does not exist.
                Err(error) if !at.is_empty() => return Some(Err(error)),
                Err(_) => return None,
            }
            let more = (self.at_punct(0, ',') || self.at_word(0, "va"))
                && (self.at_word(1, unit)
                    || (quarters && self.is_quarter_numeral(1))
                    || (!quarters && self.is_month_number(1)));
            if !more {
                return Some(Ok(months));
            }
            self.pos += 1;
        }
    }

    /// A number of one or two digits, consumed.
    fn any_number(&mut self) -> Option<u32> {
        let n = self
            .peek()
            .filter(|t| t.kind == Tok::Number && t.text.len() <= 2)
            .and_then(|t| t.text.parse::<u32>().ok())?;
        self.pos += 1;
        Some(n)
    }
}
