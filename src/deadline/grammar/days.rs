//! Forms that start with a number (dates, ISO dates, years, spans) or name a day; the
//! series they may make are read in [`super::series`].

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use super::super::lexer::Kind as Tok;
use super::super::{Error, Kind, Resolution};
use super::*;

impl Parser<'_> {
    /// A deadline that starts with a number: a date, an ISO date, a year or a span.
    pub(super) fn numeric(&mut self) -> Result<Resolution, Error> {
        let digits = self.peek().map_or(0, |t| t.text.len());
        let iso = digits == 4
            && self.at_punct(1, '-')
            && self.is_month_number(2)
            && self.at_punct(3, '-');
        if iso {
            let start = self.pos;
            let year = self.year_number()?;
            self.pos += 1;
            let (month, _) = self.number("a month (1 to 12)")?;
            self.pos += 1;
            let (day, _) = self.number("a day (1 to 31)")?;
            return self.date(year, month, day, start);
        }
        if digits == 4 {
            return self.years();
        }
        let month_next = self
            .peek_at(2)
            .is_some_and(|t| t.kind == Tok::Number && t.text.len() <= 2);
        if digits <= 2 && self.at_word(1, "thang") && month_next {
            // "15 tháng 11 năm 2025": a day, "ngày" left out.
            let start = self.pos;
            let (day, _) = self.number("a day (1 to 31)")?;
            return self.worded_date(day, start);
        }
        if self.at_month_of_year() {
            // "6/2025", "6, 9/2025", "3-4/2025": months, "tháng" left out.
            return self.windows(
                "thang",
                Self::month_number,
                Self::is_month_number,
                month_window,
            );
        }
        if self.at_punct(1, ',') || self.at_word(1, "va") {
            // "07 và 08/7/2021": days that share the month of the last.
            let start = self.pos;
            let (day, _) = self.number("a day (1 to 31)")?;
            if let Some(days) = self.day_list(day, start)? {
                return Ok(days);
            }
            self.pos = start;
        }
        self.dotted_range()
    }

    /// True at months and the year they share, written with numbers only: "6/2025", "7.2021",
    /// "6, 9/2025", "3-4/2025" (a day and a month never have four digits after the last
    /// separator).
    fn at_month_of_year(&self) -> bool {
        let mut at = 0;
        loop {
            if !self.is_month_number(at) {
                return false;
            }
            let next = self.peek_at(at + 1);
            let joins = next.is_some_and(|t| t.is_punct(',') || t.is_punct('-') || t.is_word("va"));
            if joins && self.is_month_number(at + 2) {
                at += 2;
                continue;
            }
            // "10-10-2017" is a day: a dash before the year joins nothing before it.
            let separator = next.and_then(|t| match t.kind {
                Tok::Punct(c @ ('/' | '.')) => Some(c),
                Tok::Punct('-') if at == 0 => Some('-'),
                _ => None,
            });
            // Not "6/2025/…", which is no form at all.
            return separator.is_some_and(|c| self.at_year(at + 2) && !self.at_punct(at + 3, c));
        }
    }

    /// A day, or a window between two days: "30/6/2021 - 31/12/2021", "1/10 - 30/11",
    /// "05/5-28/5".
    pub(super) fn dotted_range(&mut self) -> Result<Resolution, Error> {
        let begin = self.pos;
        let outer = std::mem::take(&mut self.defaulted);
        let first = self.dotted_date()?;
        let first_defaulted = std::mem::replace(&mut self.defaulted, outer);
        let is_date = |p: &Self, ahead: usize| {
            p.peek_at(ahead).is_some_and(|t| t.kind == Tok::Number)
                && p.peek_at(ahead + 1)
                    .is_some_and(|t| matches!(t.kind, Tok::Punct('/' | '.')))
        };
        if !(first.kind == Kind::Date && self.range_to("ngay", is_date)) {
            self.defaulted |= first_defaulted;
            return Ok(first);
        }
        self.defaulted = false;
        let last = self.dotted_date()?;
        let last_defaulted = std::mem::replace(&mut self.defaulted, outer);
        self.defaulted |= last_defaulted;
        let (Some(mut start), Some(due)) = (first.start, last.due) else {
            return Ok(first);
        };
        if first_defaulted && !last_defaulted {
            // "05/5-28/5/2025": the first day has the last's year; "15/12 - 15/1/2025",
            // which would end before it starts, the year before.
            let year = match start.with_year(due.year()) {
                Some(same) if same <= due => Some(same),
                Some(_) => start.with_year(due.year() - 1),
                None => None,
            };
            start = year.ok_or_else(|| {
                let span = self.span_of(begin, self.pos);
                let (day, month) = (start.day(), start.month());
                self.error(
                    span.clone(),
                    format!(
                        "`{}`: {day}/{month}/{} is not a day of the calendar",
                        &self.text[span],
                        due.year()
                    ),
                )
            })?;
        }
        self.window_range((start, start), (due, due))
    }

    /// "30/6/2017", "10.10.2017", "30-6-2017", "30/6" (the context's year); a range of
    /// days sharing the month "26-27/6", "19 - 23/01/2026".
    fn dotted_date(&mut self) -> Result<Resolution, Error> {
        let start = self.pos;
        let (day, _) = self.number("a day (1 to 31)")?;
        let day_range = self.at_punct(0, '-')
            && self.at_number(1)
            && (self.at_punct(2, '/') || self.at_punct(2, '.'));
        if day_range {
            self.pos += 1;
            let last = self.dotted_date()?;
            return self.borrowing_month(day, start, &last);
        }
        let separator = match self.peek() {
            Some(t) if matches!(t.kind, Tok::Punct('/' | '.' | '-')) => t.text.clone(),
            _ => return Err(self.unreadable_from(start)),
        };
        self.pos += 1;
        let (month, _) = self.number("a month (1 to 12)")?;
        let sep = separator.chars().next().unwrap_or('/');
        // "15/1/2025", and "15/1 năm 2025", "15/1 năm sau" with the year in words.
        let stated = (self.at_punct(0, sep) && self.at_number(1))
            || (self.at_word(0, "nam") && (self.at_year(1) || self.at_relative_year(1)));
        self.pos += usize::from(stated);
        let year = self.year_if(stated)?;
        self.date(year, month, day, start)
    }

    fn date(&self, year: i32, month: u64, day: u64, start: usize) -> Result<Resolution, Error> {
        let span = self.span_of(start, self.pos);
        let date = u32::try_from(month)
            .ok()
            .zip(u32::try_from(day).ok())
            .and_then(|(m, d)| NaiveDate::from_ymd_opt(year, m, d));
        match date {
            Some(date) => Ok(Resolution::window(Kind::Date, date, date)),
            None => Err(self.error(
                span.clone(),
                format!("`{}` is not a day of the calendar", &self.text[span]),
            )),
        }
    }

    /// "ngày 31/3/2024", "ngày 31 tháng 3 năm 2024", "ngày 15 hàng tháng",
    /// "ngày 19 của tháng cuối quý I, II, III", "ngày 15 tháng 6 hằng năm"; lists "ngày 26
    /// và 27/6/2025" and ranges "ngày 21 đến hết 17h ngày 28/4" of days.
    pub(super) fn day(&mut self) -> Result<Resolution, Error> {
        let start = self.pos;
        self.words(&["ngay"]);
        // "ngày mùng 5", "mồng 5": the word that marks the first ten days of a month.
        let mung = self.words(&["mung"]) || self.words(&["mong"]);
        let day_at = self.pos;
        let (day, day_span) = self.number("a day (1 to 31)")?;
        if matches!(
            self.peek().map(|t| t.kind),
            Some(Tok::Punct('/' | '.' | '-'))
        ) {
            self.pos = day_at;
            return self.dotted_range();
        }
        if mung && self.at_word(0, "thang") && (self.at_word(1, "gieng") || self.at_word(1, "chap"))
        {
            return Err(self.lunar(start, self.pos + 2));
        }
        if let Some(days) = self.day_list(day, start)? {
            return Ok(days);
        }
        if self.words(&["den"]) || self.words(&["toi"]) {
            self.skip_prefix();
            self.words(&["ngay"]);
            let last = self.full_date()?;
            return self.borrowing_month(day, start, &last);
        }
        self.words(&["cua"]);
        if self.at_words(&["thang", "truoc"]) {
            return self.reporting_windows(day, day_span, start);
        }
        if self.words(&["hang", "thang"]) || self.words(&["thang", "bao", "cao"]) {
            let year = self.period_year()?;
            return self.days_of(day, day_span, year, &MONTHS);
        }
        if self.next_month_each_month() {
            // "ngày 10 tháng tiếp theo hằng tháng", "ngày 5 của tháng sau, hằng tháng": each
            // month's, due in the next (December's in January of the year after).
            let year = self.period_year()?;
            let months: Vec<u32> = MONTHS.iter().map(|m| m + 1).collect();
            return self.days_of(day, day_span, year, &months);
        }
        if self.month_of_quarter("cuoi") {
            let quarters = if self.is_quarter_numeral(0) {
                self.list(Self::quarter_numeral, Self::is_quarter_numeral)?
            } else {
                vec![1, 2, 3, 4]
            };
            let year = self.year_suffix()?;
            let months: Vec<u32> = quarters.iter().map(|q| q * 3).collect();
            return self.days_of(day, day_span, year, &months);
        }
        if self.month_of_quarter("dau") {
            // "ngày 10 tháng đầu quý", "ngày 15 của tháng đầu quý sau" (the quarter's report,
            // due in the next quarter's first month: January of the next year for the last).
            let next = self.words(&["sau"]) || self.words(&["tiep", "theo"]);
            let quarters = if !next && self.is_quarter_numeral(0) {
                self.list(Self::quarter_numeral, Self::is_quarter_numeral)?
            } else {
                vec![1, 2, 3, 4]
            };
            let year = self.year_suffix()?;
            let shift = if next { 3 } else { 0 };
            let months: Vec<u32> = quarters.iter().map(|q| q * 3 - 2 + shift).collect();
            return self.days_of(day, day_span, year, &months);
        }
        if self.at_word(0, "thang") {
            return self.worded_date(day, start);
        }
        Err(self.unreadable_from(start))
    }

    /// "tháng cuối quý", "tháng cuối của quý", "tháng của cuối quý", "tháng cuối mỗi quý"
    /// (`which` "cuoi"), or the same of "đầu" ("dau"), consumed: a month of each quarter.
    /// "tháng đầu tiên", "tháng cuối cùng" (the very first, the very last) say the same.
    pub(super) fn month_of_quarter(&mut self, which: &str) -> bool {
        let start = self.pos;
        let found =
            self.words(&["thang"]) && (self.words(&[which]) || self.words(&["cua", which])) && {
                self.very(which);
                self.words(&["cua"]);
                let _ = self.at_each(0) && self.words(&["moi"]);
                self.words(&["quy"])
            };
        if !found {
            self.pos = start;
        }
        found
    }

    /// "tháng sau hằng tháng", "của tháng tiếp theo, hàng tháng", "tháng sau mỗi tháng",
    /// consumed: the month after each month. Alone, "tháng sau" (next month) is an event.
    fn next_month_each_month(&mut self) -> bool {
        let start = self.pos;
        let next = self.words(&["thang", "sau"]) || self.words(&["thang", "tiep", "theo"]);
        self.punct(',');
        let each = next
            && (self.words(&["hang", "thang"])
                || (self.at_each(0) && self.words(&["moi", "thang"])));
        if !each {
            self.pos = start;
        }
        each
    }

    /// The windows of data of Nghị định 09/2019/NĐ-CP (Art. 12), after the first day's
    /// number: "từ ngày 15 tháng trước đến ngày 14 của tháng thuộc kỳ báo cáo" (each
    /// month's), "từ ngày 15 của tháng trước kỳ báo cáo đến ngày 14 của tháng cuối quý thuộc
    /// kỳ báo cáo" (each quarter's). A series due on each window's last day, in the plan's
    /// year; it starts when the first window opens, in the month before the year.
    fn reporting_windows(
        &mut self,
        first_day: u64,
        first_span: Range<usize>,
        start: usize,
    ) -> Result<Resolution, Error> {
        self.words(&["thang", "truoc"]);
        let _ = self.words(&["ky", "bao", "cao"]);
        if !(self.words(&["den"]) || self.words(&["toi"])) {
            return Err(self.unreadable_from(start));
        }
        self.words(&["het"]);
        self.words(&["ngay"]);
        let (last_day, last_span) = self.number("a day (1 to 31)")?;
        self.words(&["cua"]);
        let (months, step): (&[u32], u32) = if self.words(&["thang", "cuoi", "quy"]) {
            (&[3, 6, 9, 12], 3)
        } else if self.words(&["thang"]) {
            (&MONTHS, 1)
        } else {
            return Err(self.unreadable_from(start));
        };
        let _ =
            self.words(&["thuoc", "ky", "bao", "cao"]) || self.words(&["cua", "ky", "bao", "cao"]);
        if !(1..=31).contains(&first_day) {
            return Err(self.error(
                first_span,
                format!("day {first_day} does not exist: write 1 to 31"),
            ));
        }
        let year = self.context_year();
        let mut windows = self.days_of(last_day, last_span, year, months)?;
        let first_due = windows.dates.first().copied().expect("a month at least");
        let opening = ymd(first_due.year(), first_due.month(), 1)
            .checked_sub_months(chrono::Months::new(step))
            .expect("a month before a year in range");
        let day = (first_day as u32).min(last_of_month(opening.year(), opening.month()).day());
        windows.start = Some(ymd(opening.year(), opening.month(), day));
        Ok(windows)
    }

    /// After a day's number: "tháng 3 năm 2024", "tháng 3 của năm trước" (the plan's year
    /// and the one before), "tháng 3" (the context's year).
    fn worded_date(&mut self, day: u64, start: usize) -> Result<Resolution, Error> {
        self.words(&["thang"]);
        let month = self.month_number()?;
        let year_word = |p: &Self, at: usize| p.at_number(at) || p.at_relative_year(at);
        let of_year = self.at_words(&["cua", "nam"]) && year_word(self, 2);
        self.pos += usize::from(of_year);
        let stated = (self.at_word(0, "nam") && year_word(self, 1) && self.words(&["nam"]))
            || (self.at_punct(0, '/') && self.at_year(1) && self.punct('/'));
        let year = self.year_if(stated)?;
        self.date(year, month.into(), day, start)
    }

    /// A day with its month, at a number: "28/4", "27 tháng 6 năm 2025".
    pub(super) fn full_date(&mut self) -> Result<Resolution, Error> {
        let start = self.pos;
        if self.at_number(0) && self.at_word(1, "thang") {
            let (day, _) = self.number("a day (1 to 31)")?;
            return self.worded_date(day, start);
        }
        self.dotted_date()
    }

    /// Day `day` of the month of `last` (a date) to `last`: "26-27/6".
    fn borrowing_month(
        &self,
        day: u64,
        start: usize,
        last: &Resolution,
    ) -> Result<Resolution, Error> {
        let due = last.due.expect("a date has a day");
        let first = self.date(due.year(), due.month().into(), day, start)?;
        let first = first.due.expect("a date has a day");
        self.window_range((first, first), (due, due))
    }

    /// "ngày 26 và 27/6/2025", "các ngày 25, 26, 27, 28/6/2025", "ngày 26 và ngày 27 tháng
    /// 6 năm 2025": days that share the month of the last. None (and nothing consumed)
    /// when no list stands here.
    fn day_list(&mut self, first: u64, start: usize) -> Result<Option<Resolution>, Error> {
        let before = self.pos;
        let mut days = vec![first];
        loop {
            let joined = self.punct(',') || self.words(&["va"]);
            self.words(&["ngay"]);
            let day_here = joined
                && self
                    .peek()
                    .is_some_and(|t| t.kind == Tok::Number && t.text.len() <= 2);
            if !day_here {
                self.pos = before;
                return Ok(None);
            }
            // "8/7/2021", "8.7", "8-1-2021", "8 tháng 7".
            let with_month = self.at_punct(1, '/')
                || self.at_punct(1, '.')
                || (self.at_punct(1, '-') && self.at_number(2) && !self.at_punct(3, '/'))
                || self.at_word(1, "thang");
            if with_month {
                let last = self.full_date()?;
                if last.kind != Kind::Date {
                    return Err(self.unreadable_from(start));
                }
                let due = last.due.expect("a date has a day");
                let mut windows = Vec::with_capacity(days.len() + 1);
                for &day in &days {
                    let date = self.date(due.year(), due.month().into(), day, start)?;
                    let date = date.due.expect("a date has a day");
                    windows.push((date, date));
                }
                windows.push((due, due));
                return Ok(Some(several(Kind::Date, windows)));
            }
            let (day, _) = self.number("a day (1 to 31)")?;
            days.push(day);
            if self.words(&["hang", "thang"]) {
                // "Ngày 10 và ngày 25 hằng tháng": each of the days in each month.
                let span = self.span_of(start, self.pos);
                let year = self.period_year()?;
                let mut dates = Vec::new();
                for &day in &days {
                    dates.extend(self.days_of(day, span.clone(), year, &MONTHS)?.dates);
                }
                dates.sort_unstable();
                return Ok(Some(series(year, dates)));
            }
        }
    }

    /// The stated year of a recurring deadline ("năm 2024"), or the context's.
    fn period_year(&mut self) -> Result<i32, Error> {
        let start = self.pos;
        self.punct(',');
        let stated = self.words(&["nam"]) || self.punct('/');
        if !stated || !(self.at_number(0) || self.at_relative_year(0)) {
            self.pos = start;
            return Ok(self.context_year());
        }
        self.year_number()
    }

    /// Day `day` of each of `months` in `year`; "ngày 31" means the month's last day.
    pub(super) fn days_of(
        &self,
        day: u64,
        span: Range<usize>,
        year: i32,
        months: &[u32],
    ) -> Result<Resolution, Error> {
        if !(1..=31).contains(&day) {
            return Err(self.error(span, format!("day {day} does not exist: write 1 to 31")));
        }
        let mut dates: Vec<NaiveDate> = months
            .iter()
            .map(|&m| {
                // Month 13 is January of the next year ("tháng đầu quý sau" of quarter IV).
                let (year, m) = (year + (m as i32 - 1) / 12, (m - 1) % 12 + 1);
                let last = last_of_month(year, m);
                ymd(year, m, (day as u32).min(chrono::Datelike::day(&last)))
            })
            .collect();
        // "quý II, I" lists quarters out of order; occurrences are in calendar order.
        dates.sort_unstable();
        dates.dedup();
        Ok(series(year, dates))
    }
}

pub(super) const MONTHS: [u32; 12] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
