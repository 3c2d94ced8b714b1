//! Recurring series ("hàng tháng", "Định kỳ 6 tháng") and the day each occurrence falls on
//! ("trước ngày 15 hàng tháng", "hằng năm, trước 15/12", "hằng năm vào tháng 11").

use chrono::{Datelike, NaiveDate};

use super::super::lexer::Kind as Tok;
use super::super::{Error, Kind, Resolution};
use super::days::MONTHS;
use super::*;

impl Parser<'_> {
    /// "Hàng năm", "Hằng quý", "Định kỳ hàng quý năm 2024", "Định kỳ 6 tháng".
    pub(super) fn recurring(&mut self) -> Result<Resolution, Error> {
        let start = self.pos;
        if !self.at_recurring() {
            return Err(self.unreadable_from(start));
        }
        self.words(&["dinh", "ky"]);
        let _ = self.words(&["hang"])
            || self.words(&["theo"])
            || (self.at_each(0) && self.words(&["moi"]));
        // The months whose ends are due.
        let every: Vec<u32>;
        let months: &[u32] = if self.words(&["nam"]) {
            &[12]
        } else if self.words(&["quy"]) {
            &[3, 6, 9, 12]
        } else if let Some(step) = self.months_step(0).filter(|_| self.at_word(1, "thang")) {
            // "Định kỳ 6 tháng", "định kỳ 3 tháng", "6 tháng một lần": the end of every
            // `step` months.
            self.pos += 2;
            every = MONTHS.iter().copied().filter(|m| m % step == 0).collect();
            &every
        } else if self.words(&["thang"]) {
            &MONTHS
        } else {
            return Err(self.unreadable_from(start));
        };
        let mut months = months.to_vec();
        // "Hằng tháng, quý, năm", "hằng quý, 6 tháng, năm": more frequencies, the word
        // "hằng" shared; each adds its months' ends. "Hằng quý, năm 2024" is the series' year,
        // not a frequency, and "6 tháng cuối năm" a half.
        while self.at_punct(0, ',') || self.at_word(0, "va") {
            let (more, len): (&[u32], usize) = if self.at_word(1, "quy")
                && !self.is_quarter_numeral(2)
            {
                (&[3, 6, 9, 12], 1)
            } else if self.at_word(1, "nam") && !self.at_number(2) && !self.at_relative_year(2) {
                (&[12], 1)
            } else if self.at_word(1, "thang") && !self.is_month_number(2) {
                (&MONTHS, 1)
            } else if self.at_six_months(1) && !self.at_word(3, "dau") && !self.at_word(3, "cuoi") {
                (&[6, 12], 2)
            } else {
                break;
            };
            self.pos += 1 + len;
            months.extend_from_slice(more);
        }
        // "định kỳ 6 tháng một lần", "mỗi quý 1 lần": once in each, as the series says.
        let once = self.at_word(0, "mot") || self.peek().is_some_and(|t| t.text == "1");
        if once && self.at_word(1, "lan") {
            self.pos += 2;
        }
        months.sort_unstable();
        months.dedup();
        let (first, last) = self.recurring_period()?;
        let days_at = self.pos;
        if let Some(days) = self.series_days(&months, first, last) {
            // "Hằng năm, trước 15/12, đến năm 2026": the years may follow the day.
            let until_after = [1, 0].iter().any(|&at| {
                (at == 0 || self.at_punct(0, ','))
                    && (self.at_word(at, "den") || self.at_word(at, "toi"))
            });
            if first == last && until_after {
                let (from, until) = self.recurring_period()?;
                if until > last {
                    let end = self.pos;
                    self.pos = days_at;
                    let days = self.series_days(&months, from, until);
                    self.pos = end;
                    return Ok(series(from, days.expect("the days read before read again")));
                }
            }
            return Ok(series(first, days));
        }
        let dates = (first..=last)
            .flat_map(|year| months.iter().map(move |&m| last_of_month(year, m)))
            .collect();
        Ok(series(first, dates))
    }

    /// The day each occurrence of a series falls on, consumed: "hằng năm, trước 15/12",
    /// "hằng tháng trước ngày 25", "hằng quý trước ngày 20 tháng cuối quý". None when no
    /// day follows, or it names a year or falls outside the series' months.
    fn series_days(&mut self, months: &[u32], first: i32, last: i32) -> Option<Vec<NaiveDate>> {
        let start = self.pos;
        self.punct(',');
        let mut before = false;
        loop {
            // "chậm nhất vào ngày 20", "trước", "trong quý I", "vào các ngày 15/6 và 15/12".
            if self.words(&["truoc"]) {
                before = true;
            } else if !(self.words(&["cham", "nhat"])
                || self.words(&["vao"])
                || self.words(&["nhan", "dip"])
                || self.words(&["dip"])
                || self.words(&["han"])
                || self.words(&["trong"])
                || (self.at_word(1, "ngay") && self.words(&["cac"])))
            {
                break;
            }
        }
        let weeks = self.week_of_each(months, first);
        let pattern = if weeks.is_some() {
            weeks
        } else if months.len() == MONTHS.len() {
            self.day_of_each_month(first)
        } else if months == [12] {
            self.period_of_each_year(first, before)
                .map(|end| vec![end])
                .or_else(|| self.day_of_each_period(months, first))
        } else {
            self.day_of_each_period(months, first)
        };
        let Some(pattern) = pattern.filter(|p| !p.is_empty()) else {
            self.pos = start;
            return None;
        };
        // A pattern read in `first` may fall in the year after ("15/01 năm sau").
        let in_year = |year: i32, d: &NaiveDate| {
            let year = year + d.year() - first;
            d.with_year(year)
                .unwrap_or_else(|| last_of_month(year, d.month()))
        };
        Some(
            (first..=last)
                .flat_map(|year| pattern.iter().map(move |d| in_year(year, d)))
                .collect(),
        )
    }

    /// A week of each of the series' months, consumed: "tuần cuối tháng" after "hằng tháng",
    /// "tuần đầu tiên của tháng đầu quý sau" or "tuần cuối tháng cuối quý" after "hằng quý",
    /// "tuần đầu tháng 12" after "hằng năm" (a month with no year). Each occurrence is due on
    /// its week's last day (the weeks of a month are the seven days from the 1st, 8th, …, and
    /// its last seven), read in `year`.
    fn week_of_each(&mut self, months: &[u32], year: i32) -> Option<Vec<NaiveDate>> {
        let start = self.pos;
        let found = self.words(&["tuan"]) && self.week_months(months).is_some();
        self.pos = start;
        if !found {
            return None;
        }
        self.pos += 1;
        let Some(which) = self.week_place() else {
            self.pos = start;
            return None;
        };
        self.words(&["cua"]);
        let Some(months) = self.week_months(months) else {
            self.pos = start;
            return None;
        };
        let days: Option<Vec<NaiveDate>> = months
            .iter()
            .map(|&m| {
                let (year, m) = (year + (m as i32 - 1) / 12, (m - 1) % 12 + 1);
                let last = last_of_month(year, m);
                match which {
                    None => Some(last),
                    Some(n) if (1..=5).contains(&n) => {
                        let first = ymd(year, m, 1) + chrono::Days::new(u64::from(n - 1) * 7);
                        (first <= last).then(|| (first + chrono::Days::new(6)).min(last))
                    }
                    Some(_) => None,
                }
            })
            .collect();
        if days.is_none() {
            self.pos = start;
        }
        days
    }

    /// After a week's place ("tuần đầu", "tuần thứ hai của"), the month of each occurrence,
    /// consumed: "tháng" alone (each of the series' months), "tháng sau" (the next one's)
    /// after a monthly series; "tháng đầu/cuối quý (sau)" after a quarterly one; "tháng 12"
    /// with no year after a yearly one. Months past December are the next year's.
    fn week_months(&mut self, months: &[u32]) -> Option<Vec<u32>> {
        let start = self.pos;
        // The week's place when called before it is read, or just read: "đầu" or "cuối".
        let place = ["dau", "cuoi"]
            .into_iter()
            .find(|w| self.at_word(0, w) || (start > 0 && self.tokens[start - 1].is_word(w)));
        // Skip the week's place, when called before it is read.
        if self.at_word(0, "dau") || self.at_word(0, "cuoi") {
            self.pos += 1;
            let _ = self.words(&["tien"]) || self.words(&["cung"]);
        } else if self.words(&["thu"]) && !self.words(&["nhat"]) {
            let Some((_, len)) = self.count_at(0) else {
                self.pos = start;
                return None;
            };
            self.pos += len;
        }
        self.words(&["cua"]);
        let quarterly = months == [3, 6, 9, 12];
        let found = if quarterly && self.month_of_quarter("dau") {
            let next = self.words(&["sau"]) || self.words(&["tiep", "theo"]);
            let shift = if next { 3 } else { 0 };
            Some(months.iter().map(|m| m - 2 + shift).collect())
        } else if quarterly && self.month_of_quarter("cuoi") {
            Some(months.to_vec())
        } else if self.words(&["thang"]) {
            let next = self.words(&["sau"]) || self.words(&["tiep", "theo"]);
            let month = self
                .peek()
                .filter(|t| t.kind == Tok::Number && t.text.len() <= 2)
                .and_then(|t| t.text.parse::<u32>().ok());
            match month {
                Some(m)
                    if months == [12] && !next && (1..=12).contains(&m) && self.ends_phrase(1) =>
                {
                    self.pos += 1;
                    Some(vec![m])
                }
                None if months.len() == MONTHS.len() && self.ends_phrase(0) => {
                    Some(months.iter().map(|m| m + u32::from(next)).collect())
                }
                // "Hằng quý, tuần cuối tháng": the week that closes each quarter, in its
                // last month ("tuần đầu tháng": the one that opens it, in its first).
                None if quarterly && !next && self.ends_phrase(0) => match place {
                    Some("cuoi") => Some(months.to_vec()),
                    Some(_) => Some(months.iter().map(|m| m - 2).collect()),
                    None => None,
                },
                _ => None,
            }
        } else {
            None
        };
        if found.is_none() || !self.ends_phrase(0) {
            self.pos = start;
            return None;
        }
        found
    }

    /// "ngày 25", "25" after "hằng tháng": that day of each month of `year`, or its last.
    fn day_of_each_month(&mut self, year: i32) -> Option<Vec<NaiveDate>> {
        let at = usize::from(self.at_word(0, "ngay"));
        let day = self
            .peek_at(at)
            .filter(|t| t.kind == Tok::Number && t.text.len() <= 2)
            .and_then(|t| t.text.parse::<u32>().ok())
            .filter(|d| (1..=31).contains(d))?;
        // "ngày 20 tháng sau", "ngày 20 của tháng tiếp theo": each month's, due in the next.
        let next = [
            &["thang", "sau"][..],
            &["cua", "thang", "sau"],
            &["thang", "tiep", "theo"],
            &["cua", "thang", "tiep", "theo"],
        ]
        .into_iter()
        .find(|words| self.at_words_at(at + 1, words) && self.ends_phrase(at + 1 + words.len()))
        .map_or(0, <[&str]>::len);
        if next == 0 && !(self.ends_phrase(at + 1) || self.at_words_at(at + 1, &["hang", "thang"]))
        {
            return None;
        }
        self.pos += at + 1 + next;
        self.words(&["hang", "thang"]);
        let shift = u32::from(next > 0);
        let day_of = |year: i32, m: u32| {
            NaiveDate::from_ymd_opt(year, m, day).unwrap_or_else(|| last_of_month(year, m))
        };
        Some(
            MONTHS
                .iter()
                .map(|&m| {
                    let m = m + shift;
                    day_of(year + (m as i32 - 1) / 12, (m - 1) % 12 + 1)
                })
                .collect(),
        )
    }

    /// A day with no year after a series, or one for each of its periods ("15/12", "ngày
    /// 31/01 năm sau" after a yearly one, "15/6 và 15/12" after a half-yearly one), or a
    /// series of days in the series' periods ("ngày 20 tháng cuối quý"), read in `year`.
    fn day_of_each_period(&mut self, months: &[u32], year: i32) -> Option<Vec<NaiveDate>> {
        if !(self.at_word(0, "ngay") || self.at_number(0)) {
            return None;
        }
        let saved = (self.context, self.defaulted, self.year_from_plan);
        self.context.year = year;
        let mut days: Vec<NaiveDate> = Vec::new();
        let mut pattern = None;
        loop {
            let before = self.pos;
            (self.defaulted, self.year_from_plan) = (false, false);
            let read = if self.at_word(0, "ngay") {
                self.day()
            } else {
                self.numeric()
            };
            // No year, or the plan's next ("năm sau"): the same day of every year.
            let yearless = |d: NaiveDate, p: &Self| {
                p.defaulted || (p.year_from_plan && (year..=year + 1).contains(&d.year()))
            };
            match read {
                Ok(r) if r.kind == Kind::Date && r.due.is_some_and(|d| yearless(d, self)) => {
                    days.extend(r.due);
                }
                Ok(r) if r.kind == Kind::Recurring && days.is_empty() => {
                    let each = r.dates.len() == months.len();
                    if each || r.dates.iter().all(|d| months.contains(&d.month())) {
                        pattern = Some(r.dates);
                    }
                    break;
                }
                _ => {
                    self.pos = before;
                    break;
                }
            }
            // Another day of the list, or back to before the joiner ("15/12, hằng quý").
            let joint = self.pos;
            let joined = self.punct(',') || self.words(&["va"]);
            if !(joined && (self.at_word(0, "ngay") || self.at_number(0))) {
                self.pos = joint;
                break;
            }
        }
        (self.context, self.defaulted, self.year_from_plan) = saved;
        if pattern.is_some() {
            return pattern;
        }
        // A yearly series takes any days; another one day for each of its periods, in order.
        let ascending = days.windows(2).all(|w| w[0] < w[1]);
        let fits = months == [12] || days.len() == months.len();
        (!days.is_empty() && ascending && fits).then_some(days)
    }

    /// A month or quarter with no year after a yearly series ("vào tháng 11", "trong quý
    /// I", "trước tháng 10"): its last day each year, or the day before it when `before`.
    fn period_of_each_year(&mut self, year: i32, before: bool) -> Option<NaiveDate> {
        let number = |t: Option<&Token>| -> Option<u32> {
            t.filter(|t| t.kind == Tok::Number && t.text.len() <= 2)
                .and_then(|t| t.text.parse().ok())
        };
        let (first_month, months) = if self.at_word(0, "thang") {
            (number(self.peek_at(1)).filter(|m| (1..=12).contains(m))?, 1)
        } else if self.at_word(0, "quy") && self.is_quarter_numeral(1) {
            let save = self.pos;
            self.pos += 1;
            let quarter = self.quarter_numeral().ok();
            self.pos = save;
            (quarter? * 3 - 2, 3)
        } else {
            return None;
        };
        // Only where no year follows: "tháng 10/2025" is a date of its own.
        if !self
            .peek_at(2)
            .is_none_or(|t| t.is_punct(',') || t.is_punct(';'))
        {
            return None;
        }
        self.pos += 2;
        let end = if before {
            first_month
        } else {
            first_month + months
        };
        let (year, month) = if end == 1 {
            (year - 1, 12)
        } else {
            (year, end - 1)
        };
        Some(last_of_month(year, month))
    }

    /// "6 tháng", consumed when it stands here.
    pub(super) fn is_six_months_word(&mut self) -> bool {
        let six = self.at_six_months(0);
        if six {
            self.pos += 2;
        }
        six
    }

    /// True when "6 tháng" ("06 tháng") stands at `ahead`.
    fn at_six_months(&self, ahead: usize) -> bool {
        self.peek_at(ahead)
            .is_some_and(|t| t.kind == Tok::Number && t.text.trim_start_matches('0') == "6")
            && self.at_word(ahead + 1, "thang")
    }

    /// "năm 2024", "giai đoạn 2024-2025", or the context's year.
    fn recurring_period(&mut self) -> Result<(i32, i32), Error> {
        let start = self.pos;
        self.punct(',');
        self.words(&["trong"]);
        let stated = self.words(&["giai", "doan"]) || self.words(&["nam"]) || self.punct('/');
        if stated && (self.at_number(0) || self.at_relative_year(0)) {
            let first = self.year_number()?;
            // "2024-2025", "2024 đến 2025"; a dash before words sets off a remark.
            let dashed = self.at_punct(0, '-')
                && (self.at_number(1) || (self.at_word(1, "nam") && self.at_number(2)));
            if dashed || self.at_word(0, "den") {
                self.pos += 1;
                self.words(&["nam"]);
                let last = self.year_number()?;
                return Ok((first, last.max(first)));
            }
            return Ok((first, first));
        }
        // "hằng năm, đến năm 2030", "hằng quý đến hết năm 2026": from the context's year
        // to the one named.
        self.pos = start;
        self.punct(',');
        if (self.words(&["den"]) || self.words(&["toi"]))
            && (self.words(&["het", "nam"]) || self.words(&["nam"]))
            && self.at_number(0)
        {
            let year = self.context_year();
            let last = self.year_number()?;
            if last >= year {
                return Ok((year, last));
            }
        }
        // ", hằng năm" is the next item of a list, not this series' period.
        self.pos = start;
        let year = self.context_year();
        Ok((year, year))
    }
}

/// A series, then the window it runs in: "Hằng quý, đến hết quý II/2026" (from the series'
/// start), "Hằng năm từ 2025 đến 2027", "Hằng quý từ quý III/2025 đến quý II/2026". The
/// series' days repeat in every year to `until`; those in the window are its occurrences.
/// `None` where the series spans years of its own or the window ends before it starts.
pub(super) fn over(
    series: &Resolution,
    from: Option<NaiveDate>,
    until: NaiveDate,
) -> Option<Resolution> {
    if series.kind != Kind::Recurring {
        return None;
    }
    let base = series.start?;
    let start = from.unwrap_or(base);
    if series.dates.iter().any(|d| d.year() > base.year() + 1) || until < start {
        return None;
    }
    let dates: Vec<NaiveDate> = (start.year().min(base.year())..=until.year())
        .flat_map(|y| {
            let shift = y - base.year();
            series.dates.iter().map(move |d| {
                let year = d.year() + shift;
                d.with_year(year)
                    .unwrap_or_else(|| last_of_month(year, d.month()))
            })
        })
        .filter(|d| (start..=until).contains(d))
        .collect();
    let due = *dates.last()?;
    Some(Resolution {
        kind: Kind::Recurring,
        start: Some(start),
        due: Some(due),
        dates,
    })
}

/// A series, then a time that "từ" opens: "Hằng năm từ 2025 đến 2027" (a window: the series
/// over it), "Hằng tháng từ tháng 7/2025" (from July), "Hằng tháng từ tháng 1/2026" (from
/// then on, to the end of the time's year).
pub(super) fn from_then(series: &Resolution, time: &Resolution) -> Option<Resolution> {
    let due = time.due?;
    if time.kind == Kind::Span {
        return over(series, time.start, due);
    }
    // From then on: to the end of the time's year, or of the series' if later.
    let year_end = last_of_month(due.year(), 12);
    within(time, true, series).or_else(|| over(series, time.start, year_end.max(series.due?)))
}

/// A series joined to the time it runs in, as one series:
/// - "Từ tháng 7/2025, thực hiện hằng tháng": from the time named on (`from`), not from the
///   year's start, where that time ends on one of the series' days. Otherwise the time is a
///   first due of its own ("Từ quý I/2026 và định kỳ hằng năm": March, then each year's end).
/// - "Giai đoạn 2026-2030, hằng năm": a span of whole years, each of them, where the series
///   named no year of its own (its days all in one year, the context's).
pub(super) fn within(period: &Resolution, from: bool, series: &Resolution) -> Option<Resolution> {
    if period.kind.is_undated() || period.kind == Kind::Recurring || series.kind != Kind::Recurring
    {
        return None;
    }
    let (first, last) = (period.start?, period.due?);
    let dates: Vec<NaiveDate> = if from && series.dates.contains(&last) {
        series
            .dates
            .iter()
            .copied()
            .filter(|d| *d >= first)
            .collect()
    } else if period.kind == Kind::Span
        && (first.month(), first.day(), last.month(), last.day()) == (1, 1, 12, 31)
        && first.year() < last.year()
    {
        let year = series.dates.first()?.year();
        if series.dates.iter().any(|d| d.year() != year) {
            return None;
        }
        (first.year()..=last.year())
            .flat_map(|y| {
                series.dates.iter().map(move |d| {
                    d.with_year(y)
                        .unwrap_or_else(|| last_of_month(y, d.month()))
                })
            })
            .collect()
    } else {
        return None;
    };
    let due = *dates.last()?;
    Some(Resolution {
        kind: Kind::Recurring,
        start: Some(first),
        due: Some(due),
        dates,
    })
}
