//! One part of a deadline ("Quý II, III/2024", "trước ngày 15 hàng tháng") → a resolution.
//!
//! A small recursive-descent reader over folded tokens. Leading filler ("trước", "chậm
//! nhất", "hoàn thành … trong"), list bullets and labels ("Báo cáo quý:") are skipped;
//! the first significant word picks the form.

use std::ops::Range;

use chrono::NaiveDate;

mod days;

use super::lexer::{Kind as Tok, Token};
use super::{Context, Error, Kind, Resolution};

/// Reads one part of a deadline. `text` is the whole deadline, for quoting in errors.
pub fn part(text: &str, tokens: &[Token], context: Context) -> Result<Resolution, Error> {
    let mut p = Parser {
        text,
        tokens,
        pos: 0,
        context,
    };
    p.skip_prefix();
    let resolution = p.body()?;
    p.skip_punct();
    let resolution = if p.open_ended_tail() {
        Resolution {
            kind: Kind::OpenEnded,
            ..resolution
        }
    } else {
        resolution
    };
    p.skip_punct();
    match p.peek() {
        None => Ok(resolution),
        Some(_) => {
            let rest = p.span_of(p.pos, tokens.len());
            Err(p.error(
                rest.clone(),
                format!("unexpected `{}` after the deadline", &text[rest]),
            ))
        }
    }
}

/// Words that may stand before the deadline proper and change nothing.
const FILLERS: &[&[&str]] = &[
    &["hoan", "thanh"],
    &["thuc", "hien"],
    &["cham", "nhat"],
    &["muon", "nhat"],
    &["ket", "thuc"],
    &["truoc"],
    &["trong"],
    &["vao"],
    &["den"],
    &["toi"],
    &["xong"],
    &["han"],
    &["tu"],
];

struct Parser<'a> {
    text: &'a str,
    tokens: &'a [Token],
    pos: usize,
    context: Context,
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

    fn at_punct(&self, ahead: usize, c: char) -> bool {
        self.peek_at(ahead).is_some_and(|t| t.is_punct(c))
    }

    fn words(&mut self, words: &[&str]) -> bool {
        let all = words.iter().enumerate().all(|(i, w)| self.at_word(i, w));
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

    fn skip_punct(&mut self) {
        while self
            .peek()
            .is_some_and(|t| matches!(t.kind, Tok::Punct(c) if ".,;:!".contains(c)))
        {
            self.pos += 1;
        }
    }

    /// Bullets, a "Label:" and filler words.
    fn skip_prefix(&mut self) {
        loop {
            let before = self.pos;
            while self
                .peek()
                .is_some_and(|t| matches!(t.kind, Tok::Punct('-' | '+' | '*' | '•')))
            {
                self.pos += 1;
            }
            if let Some(colon) = self.tokens[self.pos..].iter().position(|t| t.is_punct(':'))
                && colon > 0
                && self.tokens[self.pos..self.pos + colon]
                    .iter()
                    .all(|t| t.kind == Tok::Word)
            {
                self.pos += colon + 1;
            }
            for filler in FILLERS {
                if self.words(filler) {
                    break;
                }
            }
            if self.at_word(0, "cuoi") && ["thang", "quy", "nam"].iter().any(|w| self.at_word(1, w))
            {
                self.pos += 1;
            }
            if self.pos == before {
                return;
            }
        }
    }

    /// "và các năm tiếp theo", "và những năm tiếp theo", "trở đi".
    fn open_ended_tail(&mut self) -> bool {
        self.words(&["va", "cac", "nam", "tiep", "theo"])
            || self.words(&["va", "nhung", "nam", "tiep", "theo"])
            || self.words(&["va", "cac", "nam", "sau"])
            || self.words(&["va", "tiep", "theo"])
            || self.words(&["tro", "di"])
    }

    fn body(&mut self) -> Result<Resolution, Error> {
        let Some(first) = self.peek().cloned() else {
            return Err(self.error(self.end_span(), "the deadline has no time in it".into()));
        };
        if self.words(&["thuong", "xuyen"])
            || self.words(&["lien", "tuc"])
            || self.words(&["hang", "ngay"])
        {
            return Ok(self.rest_is(Kind::Ongoing));
        }
        if self.is_event() {
            return Ok(self.rest_is(Kind::Event));
        }
        match first.kind {
            Tok::Word => self.worded(&first),
            Tok::Number if self.at_word(1, "thang") => self.half(),
            Tok::Number => self.numeric(),
            Tok::Punct(_) => Err(self.unreadable()),
        }
    }

    fn worded(&mut self, first: &Token) -> Result<Resolution, Error> {
        match first.text.as_str() {
            "hang" | "dinh" => self.recurring(),
            "ngay" => self.day(),
            "giai" if self.words(&["giai", "doan"]) => self.years(),
            "nua" => self.half(),
            "quy" => self.windows(
                Kind::Quarter,
                "quy",
                Self::quarter_numeral,
                Self::is_quarter_numeral,
                quarter_window,
            ),
            "thang" => self.windows(
                Kind::Month,
                "thang",
                Self::month_number,
                Self::is_month_number,
                month_window,
            ),
            "nam" => {
                self.pos += 1;
                self.years()
            }
            _ => Err(self.unreadable()),
        }
    }

    fn unreadable_from(&mut self, start: usize) -> Error {
        self.pos = start;
        self.unreadable()
    }

    fn unreadable(&self) -> Error {
        let span = self.span_of(self.pos, self.tokens.len());
        self.error(
            span.clone(),
            format!("cannot read `{}` as a deadline", &self.text[span]),
        )
    }

    /// Consumes the rest of the part: free words such as the event's description.
    fn rest_is(&mut self, kind: Kind) -> Resolution {
        self.pos = self.tokens.len();
        Resolution::undated(kind)
    }

    fn is_event(&self) -> bool {
        let starts = [
            &["khi"][..],
            &["sau", "khi"],
            &["ngay", "sau", "khi"],
            &["sau"],
            &["theo", "yeu", "cau"],
            &["theo", "chi", "dao"],
            &["theo", "tien", "do"],
            &["tuy", "theo"],
        ];
        starts
            .iter()
            .any(|words| words.iter().enumerate().all(|(i, w)| self.at_word(i, w)))
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

    fn year_number(&mut self) -> Result<i32, Error> {
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

    /// The year written next when `stated`, else the context's.
    fn year_if(&mut self, stated: bool) -> Result<i32, Error> {
        if stated {
            self.year_number()
        } else {
            Ok(self.context.year)
        }
    }

    /// "/2024", "năm 2024", ", năm 2024", "-2024", or nothing (the context's year).
    fn year_suffix(&mut self) -> Result<i32, Error> {
        let start = self.pos;
        self.punct(',');
        if self.punct('/') || self.punct('-') || self.words(&["nam"]) {
            return self.year_number();
        }
        self.pos = start;
        Ok(self.context.year)
    }

    /// Items of a list "II, III", "6, 9", "II và III".
    fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, Error>,
        is_item: impl Fn(&Self, usize) -> bool,
    ) -> Result<Vec<T>, Error> {
        let mut items = vec![item(self)?];
        loop {
            let joined = (self.at_punct(0, ',') || self.at_word(0, "va")) && is_item(self, 1);
            if !joined {
                return Ok(items);
            }
            self.pos += 1;
            items.push(item(self)?);
        }
    }

    fn quarter_numeral(&mut self) -> Result<u32, Error> {
        let span = self.here();
        let value = match self.peek() {
            Some(t) if t.kind == Tok::Word => roman(&t.text),
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

    fn is_quarter_numeral(&self, ahead: usize) -> bool {
        self.peek_at(ahead).is_some_and(|t| match t.kind {
            Tok::Word => roman(&t.text).is_some(),
            Tok::Number => t.text.len() == 1,
            Tok::Punct(_) => false,
        })
    }

    /// After "quý" or "tháng" (the word `repeated`): a list of quarters or months, each its
    /// own window ("Quý II, III/2024"), or a range of them as one window ("Quý I-II/2021",
    /// "Tháng 3 đến tháng 6/2021"); then the year.
    fn windows(
        &mut self,
        kind: Kind,
        repeated: &str,
        mut item: impl FnMut(&mut Self) -> Result<u32, Error>,
        is_item: impl Fn(&Self, usize) -> bool + Copy,
        window: fn(i32, u32) -> (NaiveDate, NaiveDate),
    ) -> Result<Resolution, Error> {
        self.pos += 1;
        let items = self.list(&mut item, is_item)?;
        let last = match items[..] {
            [first] if self.range_to(repeated, is_item) => Some((first, item(self)?)),
            _ => None,
        };
        let year = self.year_suffix()?;
        if let Some((first, last)) = last {
            return self.window_range(kind, window(year, first), window(year, last));
        }
        Ok(several(
            kind,
            items.iter().map(|&i| window(year, i)).collect(),
        ))
    }

    /// Consumes "-" or "đến"/"tới" (and an optional repeated word such as "tháng") when a
    /// range's second end follows.
    fn range_to(&mut self, repeated: &str, is_end: impl Fn(&Self, usize) -> bool) -> bool {
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

    /// One window from the start of `first` to the end of `last`.
    fn window_range(
        &self,
        kind: Kind,
        first: (NaiveDate, NaiveDate),
        last: (NaiveDate, NaiveDate),
    ) -> Result<Resolution, Error> {
        if last.1 < first.1 {
            let span = self.span_of(0, self.pos);
            return Err(self.error(
                span.clone(),
                format!("`{}` ends before it starts", &self.text[span]),
            ));
        }
        Ok(Resolution::window(kind, first.0, last.1))
    }

    fn month_number(&mut self) -> Result<u32, Error> {
        let (month, span) = self.number("a month (1 to 12)")?;
        if !(1..=12).contains(&month) {
            return Err(self.error(span, format!("month {month} does not exist: write 1 to 12")));
        }
        Ok(month as u32)
    }

    fn is_month_number(&self, ahead: usize) -> bool {
        self.peek_at(ahead)
            .is_some_and(|t| t.kind == Tok::Number && t.text.len() <= 2)
    }

    /// "6 tháng đầu năm 2024", "6 tháng cuối năm", "nửa đầu năm 2024".
    fn half(&mut self) -> Result<Resolution, Error> {
        let start = self.pos;
        let first = self.words(&["nua", "dau"]) || self.is_six_months("dau");
        let second = !first && (self.words(&["nua", "cuoi"]) || self.is_six_months("cuoi"));
        if !(first || second) || !self.words(&["nam"]) {
            return Err(self.unreadable_from(start));
        }
        let year = self.year_if(self.peek().is_some_and(|t| t.kind == Tok::Number))?;
        let (start, due) = if first { (1, 6) } else { (7, 12) };
        Ok(Resolution::window(
            Kind::Half,
            ymd(year, start, 1),
            last_of_month(year, due),
        ))
    }

    /// "6 tháng" and then `which` ("đầu", "cuối"), consumed when they stand here.
    fn is_six_months(&mut self, which: &str) -> bool {
        self.at_word(2, which) && self.is_six_months_word() && self.words(&[which])
    }

    /// After "năm" or "giai đoạn": a year, or a span of years.
    fn years(&mut self) -> Result<Resolution, Error> {
        let first = self.year_number()?;
        let before_end = self.pos;
        if self.punct('-') || self.words(&["den"]) {
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
}

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
