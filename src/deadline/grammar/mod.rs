//! One part of a deadline ("Quý II, III/2024", "trước ngày 15 hàng tháng") → a resolution.
//!
//! A small recursive-descent reader over folded tokens:
//! - [`sentence`]: a part is a sentence. It may open with words that are not part of the
//!   language ("Hoàn thành sửa đổi quy trình trong quý III/2025"): they are skipped when
//!   what follows reads to the end. Phrases joined by ",", "và", "hoặc" form a group
//!   ("tháng 02 và quý I năm 2025", "Quý IV/2025 và thực hiện thường xuyên"); groups found
//!   one after the other in the sentence are stages.
//! - [`words`]: leading filler ("trước", "chậm nhất", "vào chiều", "bắt đầu từ 0h"), and
//!   where a deadline starts.
//! - [`undated`]: the phrases with no date (ongoing duties, events), counts of days, and
//!   sessions named by their time.
//! - [`periods`]: quarters, months, halves, years, spans and the Civil Code's points
//!   ("đầu/giữa/cuối tháng", "đầu/giữa/cuối năm").
//! - [`days`]: days, lists and ranges of days.
//! - [`series`]: recurring series and the day, month or quarter each occurrence falls on;
//!   [`exceptions`]: the months a series sets apart ("trừ tháng 12: ngày 20").
//! - [`stages`]: years of a stage ("năm đầu tiên của giai đoạn 2026-2030") and times
//!   counted from carrying a plan out.
//! - [`group`]: a group's phrases as one reading (a list's shared year, ranges, a series
//!   over its window) and [`combine`].
//! - [`names`]: numbers and years in words; [`remarks`]: where the time sits among the
//!   part's other words.
//!
//! Tests: `tests.rs` and `tests_more.rs` show each rule; the held-out rounds of issue 22 are
//! data in `held_out/` (`round05.txt` … `round21.txt`), checked by `held_out.rs`.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

mod days;
mod exceptions;
mod group;
#[cfg(test)]
mod held_out;
mod names;
mod periods;
mod remarks;
mod sentence;
mod series;
mod stages;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_more;
mod undated;
mod words;

use super::lexer::{Kind as Tok, Token};
use super::{Context, Error, Kind, Resolution};
pub(super) use exceptions::except;
pub(super) use group::combine;

/// Reads one part of a deadline. `text` is the whole deadline, for quoting in errors.
pub fn part(text: &str, tokens: &[Token], context: Context) -> Result<Resolution, Error> {
    let mut p = Parser::new(text, tokens, context);
    p.sentence()
}

/// True when the time `tokens` read as names its year from the plan's ("tháng 12 năm
/// trước", "quý IV năm nay"); not when the words are a remark's ("…, cùng kỳ xây dựng dự
/// toán năm sau").
pub fn names_a_relative_year(text: &str, tokens: &[Token], context: Context) -> bool {
    let mut p = Parser::new(text, tokens, context);
    p.sentence().is_ok() && p.named_from_plan
}

/// Where the time starts in `tokens` when they open with words that name no time
/// ("trình Chính phủ năm 2024" after "Quý IV/2025 -"): a remark with a time in it.
pub fn time_after_words(text: &str, tokens: &[Token], context: Context) -> Option<usize> {
    let mut p = Parser::new(text, tokens, context);
    if tokens.first().is_none_or(|t| t.kind != Tok::Word) || p.at_recurring() {
        return None;
    }
    p.skip_prefix();
    if p.pos > 0 || p.strong_start() {
        return None;
    }
    (1..tokens.len()).find(|&i| {
        p.pos = i;
        p.strong_start()
    })
}

/// A time in a remark after the time `group` ("Quý IV/2025 - trình Chính phủ tháng
/// 12/2025"), read as `later`: one that ends before `group` starts contradicts it, and no
/// reader can tell which holds (an error's message); one within a single period `group` that
/// ends on its last day says it again (`group`). Otherwise `None`: the later time is a stage.
pub fn time_in_remark(
    group: &Resolution,
    later: &Resolution,
) -> Option<Result<Resolution, String>> {
    if group.kind.is_undated() || later.kind.is_undated() {
        return None;
    }
    let (Some(start), Some(due)) = (group.start, group.due) else {
        return None;
    };
    let (Some(later_start), Some(later_due)) = (later.start, later.due) else {
        return None;
    };
    if later_due < start {
        return Some(Err(
            "a remark after the deadline names another time".to_string()
        ));
    }
    let single = !matches!(
        group.kind,
        Kind::Several | Kind::Recurring | Kind::OpenEnded
    );
    (single && later_start >= start && later_due == due && later.dates.len() <= 1)
        .then(|| Ok(group.clone()))
}

struct Parser<'a> {
    text: &'a str,
    tokens: &'a [Token],
    pos: usize,
    context: Context,
    /// Set when a phrase took its year from the context: a list may give it the year
    /// another item states ("tháng 11, tháng 12 năm 2025").
    defaulted: bool,
    /// Set when a phrase named its year from the plan's ("năm nay", "năm trước"): it
    /// neither gives its year to a list nor takes another's.
    year_from_plan: bool,
    /// Set when any phrase of the sentence read did so.
    named_from_plan: bool,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, tokens: &'a [Token], context: Context) -> Self {
        Parser {
            text,
            tokens,
            pos: 0,
            context,
            defaulted: false,
            year_from_plan: false,
            named_from_plan: false,
        }
    }
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn peek_at(&self, ahead: usize) -> Option<&Token> {
        self.tokens.get(self.pos + ahead)
    }

    fn at_word(&self, ahead: usize, word: &str) -> bool {
        self.peek_at(ahead).is_some_and(|t| t.is_word(word))
    }

    fn at_words(&self, words: &[&str]) -> bool {
        words.iter().enumerate().all(|(i, w)| self.at_word(i, w))
    }

    fn at_words_at(&self, ahead: usize, words: &[&str]) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(i, w)| self.at_word(ahead + i, w))
    }

    fn at_punct(&self, ahead: usize, c: char) -> bool {
        self.peek_at(ahead).is_some_and(|t| t.is_punct(c))
    }

    fn at_number(&self, ahead: usize) -> bool {
        self.peek_at(ahead).is_some_and(|t| t.kind == Tok::Number)
    }

    /// A four-digit number: a year.
    fn at_year(&self, ahead: usize) -> bool {
        self.peek_at(ahead)
            .is_some_and(|t| t.kind == Tok::Number && t.text.len() == 4)
    }

    fn words(&mut self, words: &[&str]) -> bool {
        let all = self.at_words(words);
        if all {
            self.pos += words.len();
        }
        all
    }

    fn punct(&mut self, c: char) -> bool {
        let found = self.at_punct(0, c);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Byte range from token `from` to just before token `to`.
    fn span_of(&self, from: usize, to: usize) -> Range<usize> {
        let last = to.min(self.tokens.len()).max(from + 1) - 1;
        match (self.tokens.get(from), self.tokens.get(last)) {
            (Some(a), Some(b)) => a.span.start..b.span.end,
            _ => self.end_span(),
        }
    }

    fn end_span(&self) -> Range<usize> {
        let end = self.tokens.last().map_or(0, |t| t.span.end);
        end..end
    }

    fn here(&self) -> Range<usize> {
        self.peek()
            .map_or_else(|| self.end_span(), |t| t.span.clone())
    }

    fn error(&self, span: Range<usize>, message: String) -> Error {
        Error { span, message }
    }

    /// The tokens `from..to` name a day of the lunar calendar ("mùng 1 tháng Giêng", "… âm
    /// lịch"), which no solar day fixes.
    fn lunar(&self, from: usize, to: usize) -> Error {
        let span = self.span_of(from, to);
        let message = format!(
            "`{}` is a day of the lunar calendar: write the solar date (10/2/2025)",
            &self.text[span.clone()]
        );
        self.error(span, message)
    }

    fn skip_punct(&mut self) {
        while self
            .peek()
            .is_some_and(|t| matches!(t.kind, Tok::Punct(c) if ".,;:!…".contains(c)))
        {
            self.pos += 1;
        }
    }

    fn body(&mut self, joined: bool) -> Result<Resolution, Error> {
        let Some(first) = self.peek().cloned() else {
            return Err(self.error(self.end_span(), "the deadline has no time in it".into()));
        };
        if self.ongoing(joined) {
            return Ok(Resolution::undated(Kind::Ongoing));
        }
        if self.series_lead() {
            return self.recurring();
        }
        if let Some(session) = self.dated_session() {
            return session;
        }
        if let Some(new_year) = self.new_years_day() {
            return new_year;
        }
        if self.is_event() {
            return Ok(self.clause_is(Kind::Event));
        }
        if let Some(days) = self.days_of_a_month() {
            return days;
        }
        if let Some(counted) = self.days_from_a_date() {
            return Ok(counted);
        }
        if self.relative() {
            return Ok(self.rest_is(Kind::Event));
        }
        // "15 tháng 11 năm 2025": a day and its month, "ngày" left out; not a count.
        let month_number = |t: &Token| t.kind == Tok::Number && t.text.len() <= 2;
        let a_day = self.at_number(0)
            && self.at_word(1, "thang")
            && self.peek_at(2).is_some_and(month_number);
        if self.at_months_once(0) {
            // "6 tháng một lần, trước ngày 10/6 và 10/12": a series.
            return self.recurring();
        }
        if let Some(stage) = self.stage_year() {
            return stage;
        }
        let months_or_quarters = |p: &Self| {
            p.count_at(0).is_some_and(|(_, len)| {
                p.at_word(len, "thang")
                    || (p.at_word(len, "quy")
                        && (p.at_word(len + 1, "dau") || p.at_word(len + 1, "cuoi")))
            })
        };
        if !a_day && months_or_quarters(self) {
            // "6 tháng đầu năm", "hai tháng cuối năm", "mười hai tháng đầu năm", "hai quý
            // cuối năm".
            return self.half();
        }
        match first.kind {
            Tok::Word => self.worded(&first),
            Tok::Number => self.numeric(),
            Tok::Punct(_) => Err(self.unreadable()),
        }
    }

    fn worded(&mut self, first: &Token) -> Result<Resolution, Error> {
        match first.text.as_str() {
            "hang" | "dinh" => self.recurring(),
            "moi" if self.at_recurring() => self.recurring(),
            "theo" if self.at_recurring() => self.recurring(),
            "ngay" | "mung" | "mong" => self.day(),
            "nam" if self.at_word(1, "hoc") => self.school_year(),
            // "nhiệm kỳ 2025 - 2030": a term of office is its years, as a stage is; "giai đoạn
            // từ (năm) 2025 đến (năm) 2027" names them as a range does.
            // "Cả nhiệm kỳ 2025 - 2030", "cả giai đoạn 2025 - 2030": the whole term, as "Cả
            // năm 2025" is the year.
            "ca" if (self.at_words(&["ca", "nhiem", "ky"])
                || self.at_words(&["ca", "giai", "doan"]))
                && (self.at_year(3) || (self.at_word(3, "nam") && self.at_year(4))) =>
            {
                self.pos += 1;
                let next = self.tokens[self.pos].clone();
                self.worded(&next)
            }
            "giai" | "nhiem" if self.words(&["giai", "doan"]) || self.words(&["nhiem", "ky"]) => {
                let named = |p: &Self, at: usize| {
                    p.at_year(at) || (p.at_word(at, "nam") && p.at_year(at + 1))
                };
                if self.at_word(0, "tu") && named(self, 1) {
                    self.pos += 1;
                }
                if let Some(now_until) = self.stage_from_now() {
                    return now_until;
                }
                if self.at_word(0, "nam") && self.at_year(1) {
                    self.pos += 1;
                }
                self.years()
            }
            // Only as the whole deadline: after a duty, "liên tục trong cả năm" is its extent.
            "ca" if self.at_word(1, "nam")
                && !self.at_number(2)
                && self.tokens[..self.pos]
                    .iter()
                    .all(|t| t.is_word("trong") || t.kind == Tok::Punct('-')) =>
            {
                // "Cả năm" (the whole year): the plan's year; "cả năm 2025" reads the year.
                Ok(self.plan_year(2))
            }
            // "Trong năm", "Đến hết năm", "từ ngày 1/9 đến hết năm": the plan's year, where
            // "năm" is a deadline of its own.
            "nam" if self.year_alone() => Ok(self.plan_year(1)),
            "nua" => self.half(),
            "dau" | "giua" | "cuoi"
                if self.at_word(1, "thang") || self.at_word(1, "nam") || self.at_word(1, "quy") =>
            {
                self.point()
            }
            "quy" | "thang" => {
                self.pos += 1;
                if let Some(placed) = self.placed_period(&first.text) {
                    return placed;
                }
                self.period_windows(&first.text)
            }
            "tuan" => {
                self.pos += 1;
                self.week()
            }
            "nam" => {
                self.pos += 1;
                self.years()
            }
            _ => Err(self.unreadable()),
        }
    }

    /// The plan's year, named by the `words` words here, consumed.
    fn plan_year(&mut self, words: usize) -> Resolution {
        self.pos += words;
        let year = self.context_year();
        Resolution::window(Kind::Year, ymd(year, 1, 1), ymd(year, 12, 31))
    }

    fn unreadable_from(&mut self, start: usize) -> Error {
        self.pos = start;
        self.unreadable()
    }

    fn unreadable(&self) -> Error {
        let mut span = self.span_of(self.pos, self.tokens.len());
        // "Xem “Phụ lục 2”": the lexer drops quotes, so the words end before a closing one
        // that the words quoted open.
        let quoted = &self.text[span.clone()];
        let opened = quoted
            .chars()
            .filter(|c| matches!(c, '“' | '«' | '‘'))
            .count();
        let closed = quoted
            .chars()
            .filter(|c| matches!(c, '”' | '»' | '’'))
            .count();
        if opened > closed
            && let Some(close) = self.text[span.end..]
                .chars()
                .next()
                .filter(|c| matches!(c, '”' | '»' | '’'))
        {
            span.end += close.len_utf8();
        }
        self.error(
            span.clone(),
            format!("cannot read `{}` as a deadline", &self.text[span]),
        )
    }

    /// Consumes the words of the clause, to a comma, a full stop or the end: an event's
    /// description. A date in a later clause may still stand ("Theo kế hoạch, hoàn thành
    /// trong quý IV/2025"); where none reads, the sentence takes the rest as the event's.
    fn clause_is(&mut self, kind: Kind) -> Resolution {
        while let Some(token) = self.peek() {
            let dotted = token.is_punct('.')
                && self.at_number(1)
                && self.pos > 0
                && self.tokens[self.pos - 1].kind == Tok::Number;
            if (token.is_punct(',') || token.is_punct('.') || token.is_punct(';')) && !dotted {
                break;
            }
            self.pos += 1;
        }
        Resolution::undated(kind)
    }

    /// Consumes the rest of the part: free words such as the event's description.
    fn rest_is(&mut self, kind: Kind) -> Resolution {
        self.pos = self.tokens.len();
        Resolution::undated(kind)
    }

    /// A number token's value and span.
    fn number(&mut self, what: &str) -> Result<(u64, Range<usize>), Error> {
        match self.peek() {
            Some(t) if t.kind == Tok::Number => {
                let span = t.span.clone();
                let value = t.text.parse::<u64>().unwrap_or(u64::MAX);
                self.pos += 1;
                Ok((value, span))
            }
            _ => Err(self.error(self.here(), format!("expected {what} here"))),
        }
    }

    /// A year written in full ("2025"), or named from the plan's year ("nay", "trước",
    /// "tới": this year, the one before, the next).
    fn year_number(&mut self) -> Result<i32, Error> {
        if let Some(offset) = self.relative_year(0) {
            let span = self.here();
            self.pos += 1;
            self.year_from_plan = true;
            // "năm trước kỳ báo cáo": the reporting period is the plan's year.
            let _ = self.words(&["ky", "bao", "cao"]) || self.words(&["nam", "bao", "cao"]);
            let year = self.context.year + offset;
            if !super::YEARS.contains(&year) {
                return Err(self.error(
                    span,
                    format!("year {year} is out of range: write a year from 1900 to 2199"),
                ));
            }
            return Ok(year);
        }
        let written = self.peek().map(|t| t.text.clone()).unwrap_or_default();
        let (year, span) = self.number("a year (2017)")?;
        let year = i32::try_from(year)
            .ok()
            .filter(|y| written.len() == 4 && super::YEARS.contains(y));
        match year {
            Some(year) => Ok(year),
            None => Err(self.error(
                span,
                format!("year {written} is out of range: write a year from 1900 to 2199 in full"),
            )),
        }
    }

    /// The context's year, noted as taken from it.
    fn context_year(&mut self) -> i32 {
        self.defaulted = true;
        self.context.year
    }

    /// The year written next when `stated`, else the context's.
    fn year_if(&mut self, stated: bool) -> Result<i32, Error> {
        if stated {
            self.year_number()
        } else {
            Ok(self.context_year())
        }
    }

    /// "/2024", "năm 2024", ", năm 2024", "-2024", ", 2024", ".2024" (newspapers write
    /// "tháng 7.2021"), a year glued on ("Quý III2025"), or nothing (the context's year).
    fn year_suffix(&mut self) -> Result<i32, Error> {
        let start = self.pos;
        self.punct(',');
        let dotted = self.at_punct(0, '.') && self.at_year(1) && self.punct('.');
        // "/2025", "-2025"; a dash before words is a remark's ("… tháng cuối quý - Văn
        // phòng chủ trì").
        let joined = (self.at_punct(0, '/') || self.at_punct(0, '-'))
            && (self.at_number(1) || self.at_relative_year(1));
        if joined {
            self.pos += 1;
        }
        if dotted || joined || self.words(&["nam"]) || self.at_year(0) {
            return self.year_number();
        }
        self.pos = start;
        Ok(self.context_year())
    }
}

/// A Roman numeral's value; V and beyond read as 5, a quarter that does not exist.
fn roman(word: &str) -> Option<u32> {
    match word {
        "i" => Some(1),
        "ii" => Some(2),
        "iii" => Some(3),
        "iv" => Some(4),
        "v" | "vi" | "vii" | "viii" | "ix" | "x" => Some(5),
        _ => None,
    }
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid calendar day")
}

fn last_of_month(year: i32, month: u32) -> NaiveDate {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    ymd(next_year, next_month, 1)
        .pred_opt()
        .expect("a day before the first")
}

fn quarter_window(year: i32, quarter: u32) -> (NaiveDate, NaiveDate) {
    let first_month = (quarter - 1) * 3 + 1;
    (
        ymd(year, first_month, 1),
        last_of_month(year, first_month + 2),
    )
}

fn month_window(year: i32, month: u32) -> (NaiveDate, NaiveDate) {
    (ymd(year, month, 1), last_of_month(year, month))
}

/// One window is `kind`; several are `Several` with one date each.
fn several(kind: Kind, mut windows: Vec<(NaiveDate, NaiveDate)>) -> Resolution {
    windows.sort();
    windows.dedup();
    if let [(start, due)] = windows[..] {
        return Resolution::window(kind, start, due);
    }
    Resolution {
        kind: Kind::Several,
        start: windows.first().map(|w| w.0),
        due: windows.last().map(|w| w.1),
        dates: windows.iter().map(|w| w.1).collect(),
    }
}

fn series(first_year: i32, dates: Vec<NaiveDate>) -> Resolution {
    Resolution {
        kind: Kind::Recurring,
        start: Some(ymd(first_year, 1, 1)),
        due: dates.last().copied(),
        dates,
    }
}

/// A single date made a yearly occurrence ("ngày 15 tháng 6 hằng năm"), `later` years
/// after the year it is read in ("của năm liền kề năm báo cáo"); other readings unchanged.
fn yearly(resolution: Resolution, later: i32) -> Resolution {
    match (resolution.kind, resolution.due) {
        (Kind::Date, Some(due)) => {
            let occurrence = due
                .with_year(due.year() + later)
                .unwrap_or_else(|| last_of_month(due.year() + later, due.month()));
            series(due.year(), vec![occurrence])
        }
        _ => resolution,
    }
}
