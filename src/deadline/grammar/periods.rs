//! Quarters, months, halves, years and spans, and the Civil Code's points of a month or a
//! year (Bộ luật Dân sự 2015, Art. 146: đầu tháng = the 1st, giữa tháng = the 15th, cuối
//! tháng = the last day; đầu năm = 1/1, giữa năm = 30/6, cuối năm = 31/12).

use chrono::{Datelike, Days, NaiveDate};

use super::super::lexer::Kind as Tok;
use super::super::{Error, Kind, Resolution};
use super::*;

impl Parser<'_> {
    /// Items of a list "II, III", "6, 9", "II và III".
    pub(super) fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, Error>,
        is_item: impl Fn(&Self, usize) -> bool,
    ) -> Result<Vec<T>, Error> {
        let mut items = vec![item(self)?];
        loop {
            // "quý III và 6 tháng cuối năm": the 6 starts a phrase of its own.
            let joined = (self.at_punct(0, ',') || self.at_word(0, "va"))
                && is_item(self, 1)
                && !self.at_word(2, "thang")
                && !self.at_word(2, "ngay");
            if !joined {
                return Ok(items);
            }
            self.pos += 1;
            items.push(item(self)?);
        }
    }

    pub(super) fn quarter_numeral(&mut self) -> Result<u32, Error> {
        let span = self.here();
        let value = match self.peek() {
            Some(t) if t.kind == Tok::Word => roman(&t.text).or_else(|| self.quarter_word(0)),
            Some(t) if t.kind == Tok::Number => t.text.parse::<u32>().ok(),
            _ => None,
        };
        match value {
            Some(q @ 1..=4) => {
                self.pos += 1;
                Ok(q)
            }
            _ if span.is_empty() => {
                Err(self.error(span, "expected a quarter (I, II, III or IV) here".into()))
            }
            _ => Err(self.error(
                span.clone(),
                format!(
                    "quarter `{}` does not exist: write I, II, III or IV",
                    &self.text[span]
                ),
            )),
        }
    }

    pub(super) fn is_quarter_numeral(&self, ahead: usize) -> bool {
        self.peek_at(ahead).is_some_and(|t| match t.kind {
            Tok::Word => roman(&t.text).is_some() || self.quarter_word(ahead).is_some(),
            Tok::Number => t.text.len() == 1,
            Tok::Punct(_) => false,
        })
    }

    /// After "quý" or "tháng": quarters or months and their year.
    pub(super) fn period_windows(&mut self, word: &str) -> Result<Resolution, Error> {
        if word == "quy" {
            self.windows(
                "quy",
                Self::quarter_numeral,
                Self::is_quarter_numeral,
                quarter_window,
            )
        } else {
            self.windows(
                "thang",
                Self::month_number,
                Self::is_month_number,
                month_window,
            )
        }
    }

    /// After "quý" or "tháng" (the word `repeated`): a list of quarters or months, each its
    /// own window ("Quý II, III/2024"), or a range of them as one span ("Quý I-II/2021",
    /// "Tháng 3 đến tháng 6/2021"); then the year.
    pub(super) fn windows(
        &mut self,
        repeated: &str,
        mut item: impl FnMut(&mut Self) -> Result<u32, Error>,
        is_item: impl Fn(&Self, usize) -> bool + Copy,
        window: fn(i32, u32) -> (NaiveDate, NaiveDate),
    ) -> Result<Resolution, Error> {
        let kind = if repeated == "quy" {
            Kind::Quarter
        } else {
            Kind::Month
        };
        if repeated == "thang"
            && let Some(day) = self.day_for_month()?
        {
            return Ok(day);
        }
        let items = self.list(&mut item, is_item)?;
        let last = match items[..] {
            [first] if self.range_to(repeated, is_item) => Some((first, item(self)?)),
            _ => None,
        };
        let before_year = self.pos;
        let year = self.year_suffix()?;
        if let Some((first, last)) = last {
            return self.window_range(window(year, first), window(year, last));
        }
        // "Tháng 9/2025 - tháng 12/2025", "6/2025 - 12/2025": two months, each with its
        // year, joined by a dash or "đến", are a span, as "Tháng 3-4/2021" is; a list of
        // months is written with commas ("Tháng 6, 9, 12"). Quarters so joined stay a list
        // (`split_parts`).
        let with_year = move |p: &Self, at: usize| {
            is_item(p, at)
                && (p.at_punct(at + 1, '/') || p.at_punct(at + 1, '.'))
                && p.at_year(at + 2)
        };
        if let [first] = items[..]
            && repeated == "thang"
            && self.pos > before_year
            && self.range_to(repeated, with_year)
        {
            let last = item(self)?;
            let last_year = self.year_suffix()?;
            return self.window_range(window(year, first), window(last_year, last));
        }
        Ok(several(
            kind,
            items.iter().map(|&i| window(year, i)).collect(),
        ))
    }

    /// Consumes "-" or "đến"/"tới" (and an optional repeated word such as "tháng") when a
    /// range's second end follows.
    pub(super) fn range_to(
        &mut self,
        repeated: &str,
        is_end: impl Fn(&Self, usize) -> bool,
    ) -> bool {
        let joined = self.at_punct(0, '-') || self.at_word(0, "den") || self.at_word(0, "toi");
        if !joined {
            return false;
        }
        let skip = usize::from(self.at_word(1, repeated));
        if is_end(self, 1 + skip) {
            self.pos += 1 + skip;
            return true;
        }
        false
    }

    /// One span from the start of `first` to the end of `last`.
    pub(super) fn window_range(
        &self,
        first: (NaiveDate, NaiveDate),
        last: (NaiveDate, NaiveDate),
    ) -> Result<Resolution, Error> {
        if last.1 < first.0 {
            let span = self.span_of(0, self.pos);
            return Err(self.error(
                span.clone(),
                format!("`{}` ends before it starts", &self.text[span]),
            ));
        }
        Ok(Resolution::window(Kind::Span, first.0, last.1))
    }

    /// A month: a number ("3", "03") or a name ("Ba", "Mười một").
    pub(super) fn month_number(&mut self) -> Result<u32, Error> {
        if let Some((month, words)) = self.month_word(0) {
            self.pos += words;
            return Ok(month);
        }
        let (month, span) = self.number("a month (1 to 12)")?;
        if !(1..=12).contains(&month) {
            return Err(self.error(span, format!("month {month} does not exist: write 1 to 12")));
        }
        Ok(month as u32)
    }

    pub(super) fn is_month_number(&self, ahead: usize) -> bool {
        self.peek_at(ahead)
            .is_some_and(|t| t.kind == Tok::Number && t.text.len() <= 2)
            || self.month_word(ahead).is_some()
    }

    /// "tháng 1/7": a day and a month after "tháng", a slip for "ngày 1/7" that readers read
    /// through (no year has one or two digits). Read when two short numbers joined by "/"
    /// or "." stand here; None (nothing consumed) otherwise.
    fn day_for_month(&mut self) -> Result<Option<Resolution>, Error> {
        let short = |p: &Self, at: usize| {
            p.peek_at(at)
                .is_some_and(|t| t.kind == Tok::Number && t.text.len() <= 2)
        };
        let slash = self.at_punct(1, '/') || self.at_punct(1, '.');
        if !(short(self, 0) && slash && short(self, 2)) {
            return Ok(None);
        }
        let second = self.peek_at(2).map_or(0, |t| t.text.parse().unwrap_or(0));
        if !(1..=12).contains(&second) {
            let span = self.span_of(self.pos, self.pos + 3);
            return Err(self.error(
                span.clone(),
                format!(
                    "`{}` is neither a month and its year nor a day and its month: write \
                     tháng 1/2025 or ngày 1/7",
                    &self.text[span]
                ),
            ));
        }
        self.dotted_range().map(Some)
    }

    /// "6 tháng đầu năm 2024", "nửa đầu năm 2024" (a half), "2 tháng cuối năm 2021", "ba
    /// tháng đầu năm" (a span of those months); "06 tháng và hằng năm" (a frequency: every
    /// six months).
    pub(super) fn half(&mut self) -> Result<Resolution, Error> {
        let start = self.pos;
        let months = if self.words(&["nua"]) {
            Some(6)
        } else if let Some((n, len)) = self
            .count_at(0)
            .filter(|&(_, len)| self.at_word(len, "thang"))
        {
            self.pos += len + 1;
            Some(n)
        } else if let Some((n, len)) = self
            .count_at(0)
            .filter(|&(n, len)| self.at_word(len, "quy") && (1..=4).contains(&n))
        {
            // "Hai quý cuối năm 2025": quarters from the year's start or end, their months.
            self.pos += len + 1;
            Some(n * 3)
        } else {
            None
        };
        let first = months.is_some() && self.words(&["dau"]);
        let second = months.is_some() && !first && self.words(&["cuoi"]);
        if !(first || second) {
            self.pos = start;
            let frequency = self.is_six_months_word()
                && (self.at_punct(0, ',') || self.at_word(0, "va"))
                && (self.at_word(1, "hang") || self.at_word(1, "dinh"));
            if frequency {
                let year = self.context_year();
                return Ok(series(
                    year,
                    vec![last_of_month(year, 6), last_of_month(year, 12)],
                ));
            }
            return Err(self.unreadable_from(start));
        }
        let months = months.unwrap_or(6);
        if !self.words(&["nam"]) {
            return Err(self.unreadable_from(start));
        }
        if !(1..=12).contains(&months) {
            let span = self.span_of(start, start + 1);
            return Err(self.error(
                span,
                format!("a year has 12 months, not {months}: write 1 to 12 before `tháng`"),
            ));
        }
        let stated = self.at_number(0) || self.at_relative_year(0);
        let year = self.year_if(stated)?;
        let (from, to) = if first {
            (1, months)
        } else {
            (13 - months, 12)
        };
        // "12 tháng đầu năm", "mười hai tháng đầu năm": all of it, the year. Three months
        // stay a span, as the real table's readers read "3 tháng cuối năm".
        let kind = match months {
            6 => Kind::Half,
            12 => Kind::Year,
            _ => Kind::Span,
        };
        Ok(Resolution::window(
            kind,
            ymd(year, from, 1),
            last_of_month(year, to),
        ))
    }

    /// "10 ngày đầu tháng 7/2025", "mười ngày cuối tháng 12": the first or the last days of
    /// a month, a span; at a count of days. None, and nothing consumed, elsewhere.
    pub(super) fn days_of_a_month(&mut self) -> Option<Result<Resolution, Error>> {
        let start = self.pos;
        let (n, len) = self
            .count_at(0)
            .filter(|&(_, len)| self.at_word(len, "ngay") && self.at_word(len + 2, "thang"))?;
        let first = self.at_word(len + 1, "dau");
        if !first && !self.at_word(len + 1, "cuoi") {
            return None;
        }
        self.pos += len + 3;
        let read = (|| {
            let month = self.month_number()?;
            let year = self.year_suffix()?;
            let (from, to) = month_window(year, month);
            let days = u64::from(n.saturating_sub(1));
            let span = match (first, n) {
                (_, 0) | (_, 29..) => None,
                (true, _) => from
                    .checked_add_days(chrono::Days::new(days))
                    .map(|d| (from, d)),
                (false, _) => to
                    .checked_sub_days(chrono::Days::new(days))
                    .map(|d| (d, to)),
            };
            span.filter(|(a, b)| a >= &from && b <= &to)
                .map(|(a, b)| Resolution::window(Kind::Span, a, b))
                .ok_or_else(|| {
                    let span = self.span_of(start, start + len);
                    self.error(
                        span,
                        format!("a month's first or last days are 1 to 28, not {n}"),
                    )
                })
        })();
        Some(read)
    }

    /// "năm học 2018-2019": a school year. The Ministry of Education's yearly framework
    /// (khung kế hoạch thời gian năm học) opens the school year in September (khai giảng on
    /// 5 September) and ends it by 31 May, so the window is 1 September to 31 May; a year's
    /// duty "trong năm học" is due when the pupils leave.
    pub(super) fn school_year(&mut self) -> Result<Resolution, Error> {
        let start = self.pos;
        self.pos += 2;
        let first = self.year_number()?;
        if !(self.punct('-') || self.punct('/')) {
            return Err(self.school_year_error(start));
        }
        // "năm học 2018-19": the second year may be shortened to its last two digits.
        let short = self
            .peek()
            .filter(|t| t.kind == Tok::Number && t.text.len() == 2)
            .and_then(|t| t.text.parse::<i32>().ok());
        let last = match short {
            Some(two) if two == (first + 1) % 100 => {
                self.pos += 1;
                first + 1
            }
            _ => self.year_number()?,
        };
        if last != first + 1 {
            return Err(self.school_year_error(start));
        }
        Ok(Resolution::window(
            Kind::Span,
            ymd(first, 9, 1),
            ymd(last, 5, 31),
        ))
    }

    fn school_year_error(&self, start: usize) -> Error {
        let span = self.span_of(start, self.pos.max(start + 3));
        self.error(
            span.clone(),
            format!(
                "`{}` is not a school year: write its two years, năm học 2018-2019",
                &self.text[span]
            ),
        )
    }

    /// After "năm" or "giai đoạn": a year, or a span of years.
    pub(super) fn years(&mut self) -> Result<Resolution, Error> {
        let first = self.year_number()?;
        let before_end = self.pos;
        // "2017 - 2018", "2025 - hết năm 2027"; not "Năm 2026 - Bộ Tài chính chủ trì", where
        // the dash sets off a remark.
        let skip = usize::from(self.at_word(1, "het"));
        let skip = skip + usize::from(self.at_word(1 + skip, "nam"));
        let dashed = self.at_punct(0, '-') && self.at_number(1 + skip);
        if (dashed && self.punct('-')) || self.words(&["den"]) {
            self.words(&["het"]);
            self.words(&["nam"]);
            let last_start = self.here();
            let last = self.year_number()?;
            if last < first {
                return Err(self.error(
                    last_start.start..self.span_of(self.pos - 1, self.pos).end,
                    format!("the span {first}-{last} ends before it starts"),
                ));
            }
            if last > first {
                return Ok(Resolution::window(
                    Kind::Span,
                    ymd(first, 1, 1),
                    ymd(last, 12, 31),
                ));
            }
        }
        if self.pos == before_end || self.tokens[self.pos - 1].kind == Tok::Number {
            return Ok(Resolution::window(
                Kind::Year,
                ymd(first, 1, 1),
                ymd(first, 12, 31),
            ));
        }
        Err(self.unreadable())
    }

    /// "tiên" after "đầu" (the very first), "cùng" after "cuối" (the very last), consumed:
    /// they say what the word alone says.
    pub(super) fn very(&mut self, which: &str) {
        match which {
            "dau" => self.words(&["tien"]),
            "cuoi" => self.words(&["cung"]),
            _ => false,
        };
    }

    /// After "tháng" or "quý" (`unit`): the month or quarter named by its place in a longer
    /// period, "tháng cuối quý III/2025" (September), "tháng đầu quý I" (January), "tháng
    /// giữa quý II" (May), "tháng cuối năm 2025" (December), "quý cuối năm 2025" (the
    /// fourth), "quý đầu tiên của năm 2026" (the first). None (nothing consumed) unless the
    /// longer period is named: a quarter by its numeral, a year by "năm".
    pub(super) fn placed_period(&mut self, unit: &str) -> Option<Result<Resolution, Error>> {
        let start = self.pos;
        let which = self.peek().map(|t| t.text.clone()).unwrap_or_default();
        let place: fn(u32) -> u32 = match which.as_str() {
            "dau" => |_| 1,
            "giua" => |n| n.div_ceil(2),
            "cuoi" => |n| n,
            _ => return None,
        };
        self.pos += 1;
        self.very(&which);
        self.words(&["cua"]);
        let reading = if unit == "thang" && self.at_word(0, "quy") && self.is_quarter_numeral(1) {
            self.pos += 1;
            self.quarter_numeral().and_then(|quarter| {
                let year = self.year_suffix()?;
                let (first, last) = month_window(year, (quarter - 1) * 3 + place(3));
                Ok(Resolution::window(Kind::Month, first, last))
            })
        } else if which != "giua" && self.at_word(0, "nam") && !self.at_word(1, "hoc") {
            self.pos += 1;
            let stated = self.at_number(0) || self.at_relative_year(0);
            // "Các tháng cuối năm 2025": months with no count at the year's end are its
            // last quarter, as an office reads them.
            let plural = start.checked_sub(2).is_some_and(|at| {
                self.tokens[at].is_word("cac") || self.tokens[at].is_word("nhung")
            });
            self.year_if(stated).map(|year| {
                let (kind, (first, last)) = if unit == "quy" || plural {
                    (Kind::Quarter, quarter_window(year, place(4)))
                } else {
                    (Kind::Month, month_window(year, place(12)))
                };
                Resolution::window(kind, first, last)
            })
        } else {
            self.pos = start;
            return None;
        };
        Some(reading)
    }

    /// After "tuần", its place, consumed: `Some(Some(n))` for the n-th week ("đầu",
    /// "đầu tiên", "thứ nhất", "thứ hai", "thứ 3"), `Some(None)` for the last ("cuối",
    /// "cuối cùng"); `None` (what was read is not given back) for anything else.
    pub(super) fn week_place(&mut self) -> Option<Option<u32>> {
        if self.words(&["dau"]) {
            self.very("dau");
            Some(Some(1))
        } else if self.words(&["cuoi"]) {
            self.very("cuoi");
            Some(None)
        } else if self.words(&["thu"]) {
            if self.words(&["nhat"]) {
                return Some(Some(1));
            }
            let (n, len) = self.count_at(0)?;
            self.pos += len;
            Some(Some(n))
        } else {
            None
        }
    }

    /// "tuần đầu tháng 3/2025", "tuần thứ hai của tháng 10/2025", "tuần cuối tháng 6": a
    /// week of a month, the seven days from the 1st, the 8th, the 15th, the 22nd or the
    /// 29th (to the month's end), or the last seven days; a span ("tuần đầu/cuối năm 2026":
    /// the first or last seven days of the year). "Trong tuần", "tuần này",
    /// "tuần tới": a week the text does not date, an event. After "tuần".
    pub(super) fn week(&mut self) -> Result<Resolution, Error> {
        let start = self.pos - 1;
        if self.peek().is_none_or(|t| matches!(t.kind, Tok::Punct(_))) {
            return Ok(Resolution::undated(Kind::Event));
        }
        if self.words(&["nay"]) || self.words(&["toi"]) || self.words(&["sap", "toi"]) {
            return Ok(Resolution::undated(Kind::Event));
        }
        let Some(which) = self.week_place() else {
            return Err(self.unreadable_from(start));
        };
        self.words(&["cua"]);
        if which.is_none_or(|n| n == 1) && self.at_word(0, "nam") && !self.at_word(1, "hoc") {
            // "tuần đầu năm 2026", "tuần cuối năm": the first or last seven days of a year.
            self.pos += 1;
            let stated = self.at_number(0) || self.at_relative_year(0);
            let year = self.year_if(stated)?;
            let (from, to) = match which {
                Some(_) => (ymd(year, 1, 1), ymd(year, 1, 7)),
                None => (ymd(year, 12, 25), ymd(year, 12, 31)),
            };
            return Ok(Resolution::window(Kind::Span, from, to));
        }
        if !self.words(&["thang"]) {
            return Err(self.unreadable_from(start));
        }
        let month = self.period_windows("thang")?;
        let (Kind::Month, Some(first), Some(last)) = (month.kind, month.start, month.due) else {
            return Err(self.unreadable_from(start));
        };
        let (from, to) = match which {
            None => (last - Days::new(6), last),
            Some(n) => {
                let from = u64::from(n.max(1) - 1)
                    .checked_mul(7)
                    .map(|days| first + Days::new(days))
                    .filter(|from| n >= 1 && *from <= last);
                let Some(from) = from else {
                    let span = self.span_of(start, self.pos);
                    return Err(self.error(
                        span.clone(),
                        format!(
                            "`{}` does not exist: a month's weeks start on the 1st, 8th, 15th, \
                             22nd and 29th (tuần thứ 1 to 5)",
                            &self.text[span]
                        ),
                    ));
                };
                (from, (from + Days::new(6)).min(last))
            }
        };
        Ok(Resolution::window(Kind::Span, from, to))
    }

    /// "đầu/giữa/cuối tháng 3/2025", "đầu/giữa/cuối năm 2025": the day the Civil Code
    /// names (kind date, its window that one day). "đầu/cuối quý I": the Code names no day
    /// of a quarter, so the quarter. "đầu/cuối năm học 2024-2025": the school year's first
    /// or last day (1 September, 31 May, as [`Self::school_year`] bounds it); its middle is
    /// no day the Code or the Ministry's framework names, so "giữa năm học" stays an error.
    pub(super) fn point(&mut self) -> Result<Resolution, Error> {
        let start = self.pos;
        let which = self.peek().map(|t| t.text.clone()).unwrap_or_default();
        self.pos += 1;
        if self.at_word(0, "quy") {
            let quarter = self.peek().cloned().expect("quý");
            return self.worded(&quarter);
        }
        let school = self.at_word(0, "nam") && self.at_word(1, "hoc");
        let window = if self.words(&["thang"]) {
            self.period_windows("thang")?
        } else if school {
            self.school_year()?
        } else {
            self.pos += 1;
            if self.at_number(0) {
                self.years()?
            } else if self.at_relative_year(0) {
                // "giữa năm sau", "cuối năm nay": the year named from the plan's.
                let year = self.year_number()?;
                Resolution::window(Kind::Year, ymd(year, 1, 1), ymd(year, 12, 31))
            } else {
                let year = self.context_year();
                Resolution::window(Kind::Year, ymd(year, 1, 1), ymd(year, 12, 31))
            }
        };
        let (Some(first), Some(last)) = (window.start, window.due) else {
            return Err(self.unreadable_from(start));
        };
        let day = match (which.as_str(), window.kind) {
            ("dau", Kind::Span) if school => first,
            ("cuoi", Kind::Span) if school => last,
            ("dau", Kind::Month | Kind::Year) => first,
            ("cuoi", Kind::Month | Kind::Year) => last,
            ("giua", Kind::Month) => first + Days::new(14),
            ("giua", Kind::Year) => ymd(first.year(), 6, 30),
            _ => return Err(self.unreadable_from(start)),
        };
        Ok(Resolution::window(Kind::Date, day, day))
    }
}
