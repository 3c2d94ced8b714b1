//! The deadline language: a completion time in the document's own words → exact days.
//!
//! `resolve` is a pure function of the text and a [`Context`] (the year a missing year
//! defaults to). A deadline is split into parts at `;` and at `-` list items; each part is
//! read by [`grammar`], and the parts combine into one [`Resolution`] as the phrases of a
//! sentence do ("Quý I/2026; duy trì thường xuyên" is open-ended as "Quý I/2026 và duy trì
//! thường xuyên" is). Errors carry the byte span, inside the text, of what could not be read.

mod grammar;
mod lexer;

use std::cell::RefCell;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use lexer::{Token, tokenize};

/// What kind of time a deadline names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A day: `30/6/2017`.
    Date,
    /// A month: `Tháng 3/2017`.
    Month,
    /// A quarter: `Quý I/2024`.
    Quarter,
    /// Several dates, one stage each: `Quý II, III/2024`.
    Several,
    /// Half a year: `6 tháng đầu năm 2024`.
    Half,
    /// A year: `Năm 2017`.
    Year,
    /// A window from one time to another: `Giai đoạn 2017-2020`, `Từ quý II/2025 đến quý
    /// IV/2027`, `từ ngày 01/02/2021 đến hết ngày 30/4/2021`.
    Span,
    /// A first due date, then ongoing: `Năm 2017 và các năm tiếp theo`.
    OpenEnded,
    /// A series of occurrences: `Hàng năm`, `trước ngày 15 hàng tháng`.
    Recurring,
    /// No due date, never overdue: `Thường xuyên`.
    Ongoing,
    /// No date until the event happens: `Khi phương án … được phê duyệt`.
    Event,
}

impl Kind {
    /// The name used in JSON and in explanations.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Month => "month",
            Kind::Quarter => "quarter",
            Kind::Several => "several",
            Kind::Half => "half",
            Kind::Year => "year",
            Kind::Span => "span",
            Kind::OpenEnded => "open_ended",
            Kind::Recurring => "recurring",
            Kind::Ongoing => "ongoing",
            Kind::Event => "event",
        }
    }

    /// True for the kinds that never have a date of their own.
    pub fn is_undated(self) -> bool {
        matches!(self, Kind::Ongoing | Kind::Event)
    }
}

/// What a deadline means in days.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Resolution {
    pub kind: Kind,
    /// First day of the window the deadline describes (the month, the quarter, the span).
    pub start: Option<NaiveDate>,
    /// The last day the work may be completed on.
    pub due: Option<NaiveDate>,
    /// Stages (several) or occurrences (recurring) in order; the due date for single dates.
    pub dates: Vec<NaiveDate>,
}

impl Resolution {
    /// A window from `start` to `due`, with `due` as its one date.
    pub fn window(kind: Kind, start: NaiveDate, due: NaiveDate) -> Self {
        Resolution {
            kind,
            start: Some(start),
            due: Some(due),
            dates: vec![due],
        }
    }

    /// A deadline with no date: ongoing or event.
    pub fn undated(kind: Kind) -> Self {
        Resolution {
            kind,
            start: None,
            due: None,
            dates: Vec::new(),
        }
    }

    /// The same deadline with its due date fixed by a `due` override.
    pub fn overridden(mut self, due: NaiveDate) -> Self {
        self.due = Some(due);
        if self.kind.is_undated() || self.dates.len() <= 1 {
            self.dates = vec![due];
        }
        if self.start.is_some_and(|start| start > due) {
            self.start = Some(due);
        }
        self
    }
}

/// What a deadline is read against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    /// The year of a deadline that names none (the plan's issue year).
    pub year: i32,
}

impl Context {
    /// The context of a plan issued on `issued`.
    pub fn issued(issued: NaiveDate) -> Self {
        Context {
            year: issued.year(),
        }
    }
}

/// Why a deadline could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Byte range inside the deadline text.
    pub span: Range<usize>,
    pub message: String,
}

/// The forms the language accepts, for error messages.
pub const FORMS: &str = "a date (30/6/2017, 10.10.2017), a month (Tháng 3/2017), a quarter (Quý I/2024), \
several (Quý II, III/2024), a half year (6 tháng đầu năm 2024), a year (Năm 2017), a span (2017-2020), \
open-ended (Năm 2017 và các năm tiếp theo), recurring (Hàng năm, trước ngày 15 hàng tháng), \
ongoing (Thường xuyên) or an event (Khi …, Sau khi …)";

/// Phrases and how they read, for one plan year.
type Readings = HashMap<Box<str>, Result<Resolution, Error>>;

/// [`resolve`], remembered per thread: a national tree repeats a few hundred phrasings
/// ("Năm 2024", "Quý I/2024") hundreds of thousands of times.
pub fn resolve_cached(text: &str, context: Context) -> Result<Resolution, Error> {
    thread_local! {
        /// Year of the plan → phrase → reading; looked up by `&str`, so a hit allocates
        /// nothing but the clone of its answer.
        static SEEN: RefCell<HashMap<i32, Readings>> = RefCell::new(HashMap::default());
    }
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        let phrases = seen.entry(context.year).or_default();
        if let Some(known) = phrases.get(text) {
            return known.clone();
        }
        if phrases.len() >= 10_000 {
            // Bounded: a tree of unique phrases must not grow the cache without end.
            phrases.clear();
        }
        let resolved = resolve(text, context);
        phrases.insert(text.into(), resolved.clone());
        resolved
    })
}

/// The years a deadline may name, and a plan may be dated in.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// True when `text` names a year from the plan's ("Tháng 12 năm trước", "Quý IV năm nay"):
/// its year is the plan's business, never moved to the next one.
pub fn names_a_relative_year(text: &str) -> bool {
    let tokens = without_remarks(balanced(tokenize(text)));
    // Any year will do: only how the year was named is asked.
    let context = Context { year: 2000 };
    split_parts(&tokens, true)
        .into_iter()
        .any(|part| grammar::names_a_relative_year(text, part, context))
}

/// Reads a deadline.
pub fn resolve(text: &str, context: Context) -> Result<Resolution, Error> {
    if !YEARS.contains(&context.year) {
        return Err(Error {
            span: 0..text.len(),
            message: format!(
                "the year {} that a deadline without one refers to is out of range (1900 to 2199)",
                context.year
            ),
        });
    }
    let all = balanced(tokenize(text));
    let mut tokens = without_remarks(all.clone());
    // "Quý III/2025;.", "Tháng 10/2025,,": marks left at the end of a cell close nothing;
    // "Quý IV/2025¹", "Năm 2025*", "Tháng 11/2025 [3]": a footnote's mark says no time.
    loop {
        let n = tokens.len();
        let footnote = n > 3
            && tokens[n - 3].is_punct('[')
            && tokens[n - 2].kind == lexer::Kind::Number
            && tokens[n - 1].is_punct(']');
        if footnote {
            tokens.truncate(n - 3);
            continue;
        }
        let mark = n > 1
            && tokens.last().is_some_and(|t| {
                matches!(t.kind, lexer::Kind::Punct(';' | '.' | ',' | ':' | '*'))
                    || matches!(t.kind, lexer::Kind::Punct(c) if superscript(c))
            });
        if !mark {
            break;
        }
        tokens.pop();
    }
    if tokens.is_empty() {
        // "(đến 31/1/2026)": a deadline written wholly in parentheses is read inside them.
        if let [open, inside @ .., close] = &all[..]
            && open.is_punct('(')
            && close.is_punct(')')
        {
            let inside = without_remarks(inside.to_vec());
            if !inside.is_empty()
                && let Ok(resolution) = read(text, &inside, context)
            {
                return Ok(resolution);
            }
        }
        return Err(Error {
            span: 0..text.len(),
            message: "the deadline is empty".into(),
        });
    }
    if let Some(excepted) = series_with_exception_after(text, &tokens, context) {
        return excepted;
    }
    let reading = read(text, &tokens, context);
    if let Ok(series) = &reading
        && series.kind == Kind::Recurring
    {
        // A series' remark may give its exception, its day or its months ("(trừ tháng 12:
        // ngày 20)", "(trước 15/12)", "(tháng 5 và tháng 11)"): the first that does is
        // read, and other remarks stay remarks ("(dự kiến)").
        for remark in remarks(&all) {
            if let Some(excepted) = grammar::except(text, &remark, series, context) {
                return excepted;
            }
            if let Some(dayed) = series_day_in_remark(text, &tokens, &remark, series, context) {
                return Ok(dayed);
            }
            if let Some(named) = series_months_in_remark(text, &remark, series, context) {
                return Ok(named);
            }
        }
    }
    if reading.as_ref().is_ok_and(|r| r.kind != Kind::Event) {
        return reading;
    }
    // "Đợt 1 (tháng 3/2025)", "trong 30 ngày (từ 25/7 đến 25/8)": where the words outside
    // name no time, a remark that does is the deadline the reader sees; several such
    // remarks ("Bước 1 (Quý II/2025): rà soát; Bước 2 (Quý III/2025): hoàn thiện") are the
    // stages.
    let dated: Vec<Resolution> = remarks(&all)
        .into_iter()
        .filter_map(|inside| {
            read(text, &inside, context)
                .ok()
                .filter(|r| !r.kind.is_undated())
        })
        .collect();
    if dated.is_empty() {
        return reading;
    }
    Ok(grammar::combine(dated))
}

/// "Ngày 20 hằng tháng; riêng tháng 2 là ngày 25", "Hằng quý, trước ngày 15 tháng cuối
/// quý; quý IV trước ngày 10/12", "2 lần/năm: tháng 3 và tháng 9": a series, then after a
/// mark its exception or its months.
fn series_with_exception_after(
    text: &str,
    tokens: &[Token],
    context: Context,
) -> Option<Result<Resolution, Error>> {
    let opens = |t: &Token| {
        ["rieng", "tru", "thang", "quy", "vao"]
            .iter()
            .any(|w| t.is_word(w))
    };
    let marks = (tokens.iter().enumerate())
        .filter(|&(i, t)| {
            matches!(t.kind, lexer::Kind::Punct(';' | ',' | ':'))
                && tokens.get(i + 1).is_some_and(opens)
        })
        .map(|(i, _)| i);
    for mark in marks {
        let Ok(series) = read(text, &tokens[..mark], context) else {
            continue;
        };
        if series.kind != Kind::Recurring {
            continue;
        }
        let tail = &tokens[mark + 1..];
        if let Some(excepted) = grammar::except(text, tail, &series, context) {
            return Some(excepted);
        }
        // "2 lần/năm: tháng 3 và tháng 9": the months a colon names ("Hằng năm, tháng
        // 10/2025" lists a month and the series).
        if tokens[mark].is_punct(':')
            && let Some(named) = series_months_in_remark(text, tail, &series, context)
        {
            return Some(Ok(named));
        }
    }
    None
}

/// "Hằng năm (trước 15/12)", "Hằng tháng (trước ngày 25)": a remark that gives a series
/// its day. Read with the remark in the text, the series keeps its count of dates and only
/// moves them; anything else leaves the remark a remark.
fn series_day_in_remark(
    text: &str,
    outside: &[Token],
    remark: &[Token],
    series: &Resolution,
    context: Context,
) -> Option<Resolution> {
    // "Hằng quý (báo cáo trước ngày 20 tháng cuối quý)": what is done, then the day; the
    // words before the day are left out.
    let done_first = grammar::time_after_words(text, remark, context)
        .filter(|&at| remark[at].is_word("ngay") || remark[at].kind == lexer::Kind::Number)
        .map_or(0, |at| at);
    // A day, a bound on one or a week ("trước 15/12", "ngày 25", "tuần đầu tháng 12"),
    // not "trừ quý I" or "sơ kết 6 tháng".
    let day_words = [
        "ngay", "truoc", "cham", "muon", "vao", "han", "tuan", "mung",
    ];
    let first = &remark[done_first];
    if !(first.kind == lexer::Kind::Number || day_words.iter().any(|w| first.is_word(w))) {
        return None;
    }
    let mut inline: Vec<Token> = outside
        .iter()
        .chain(&remark[done_first..])
        .cloned()
        .collect();
    inline.sort_by_key(|t| t.span.start);
    let dayed = read(text, &inline, context).ok().filter(|dayed| {
        dayed.kind == Kind::Recurring
            && dayed.dates.len() == series.dates.len()
            && dayed.dates != series.dates
    })?;
    // The series names its window; the remark only moves its days.
    Some(Resolution {
        start: series.start,
        ..dayed
    })
}

/// "Mỗi năm 2 lần (tháng 5 và tháng 11)", "2 lần/năm (quý I và quý III)": a remark that
/// names the periods of a series within its one year, as many as the series has, gives
/// their ends.
fn series_months_in_remark(
    text: &str,
    remark: &[Token],
    series: &Resolution,
    context: Context,
) -> Option<Resolution> {
    // The months themselves, not "trừ quý I" (an exception that named no occurrence).
    let period_words = ["thang", "quy", "vao", "trong", "cac"];
    if !remark
        .first()
        .is_some_and(|t| period_words.iter().any(|w| t.is_word(w)))
    {
        return None;
    }
    let named = read(text, remark, context).ok()?;
    let year = series.start?.year();
    let periods = matches!(named.kind, Kind::Several | Kind::Month | Kind::Quarter);
    let one_year = (series.dates.iter().chain(&named.dates)).all(|d| d.year() == year);
    (periods && one_year && named.dates.len() == series.dates.len()).then_some(Resolution {
        kind: Kind::Recurring,
        start: series.start,
        due: named.due,
        dates: named.dates,
    })
}

/// The remarks in parentheses at the top level, each without the remarks inside it.
fn remarks(tokens: &[Token]) -> Vec<Vec<Token>> {
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut open = 0;
    for (i, token) in tokens.iter().enumerate() {
        if token.is_punct('(') {
            if depth == 0 {
                open = i + 1;
            }
            depth += 1;
        } else if token.is_punct(')') && depth > 0 {
            depth -= 1;
            if depth == 0 {
                let inside = without_remarks(tokens[open..i].to_vec());
                if !inside.is_empty() {
                    found.push(inside);
                }
            }
        }
    }
    found
}

/// The parts of a deadline, read and combined.
/// A dash that leaves a part unreadable was no list item's: "Theo hướng dẫn của Bộ Lao động
/// - Thương binh và Xã hội" names a ministry; the deadline is read again split at `;` alone.
fn read(text: &str, tokens: &[Token], context: Context) -> Result<Resolution, Error> {
    let read_parts = |bullets: bool| -> Result<Resolution, Error> {
        let mut parts: Vec<Resolution> = Vec::new();
        for part in split_parts(tokens, bullets) {
            let read = grammar::part(text, part, context)?;
            // "Quý IV/2025 - trình Chính phủ tháng 12/2025": a remark with a time in it,
            // after a dash, says the time again or contradicts it.
            let dashed = tokens
                .iter()
                .position(|t| t.span == part[0].span)
                .is_some_and(|at| at > 0 && tokens[at - 1].is_punct('-'));
            let remark = dashed
                .then(|| grammar::time_after_words(text, part, context))
                .flatten();
            // "Quý III/2025 - chậm nhất ngày 30/9/2025": a dashed time that ends the
            // period says it again, with or without words before it.
            if let Some(previous) = parts.last().filter(|_| dashed)
                && let Some(said) = grammar::time_in_remark(previous, &read)
            {
                match (said, remark) {
                    (Ok(_), _) => continue,
                    (Err(_), None) => {}
                    (Err(message), Some(at)) => {
                        let span = part[at].span.start..part[part.len() - 1].span.end;
                        return Err(Error {
                            message: format!("{message}: `{}`", &text[span.clone()]),
                            span,
                        });
                    }
                }
            }
            parts.push(read);
        }
        Ok(grammar::combine(parts))
    };
    let listed = read_parts(true);
    if listed.is_err() && split_parts(tokens, true).len() > split_parts(tokens, false).len() {
        return read_parts(false).or(listed);
    }
    listed
}

/// A superscript digit, a footnote's mark in Word: "¹", "²", "³", "⁴" … "⁰".
fn superscript(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰'..='⁹')
}

/// Drops the parentheses that have no partner: "(Quý III/2025" whose closing one was lost in
/// another cell, "Quý IV/2025)" whose opening one was. Unmatched, they enclose nothing.
fn balanced(mut tokens: Vec<Token>) -> Vec<Token> {
    let mut open: Vec<usize> = Vec::new();
    let mut unmatched: Vec<usize> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if token.is_punct('(') {
            open.push(i);
        } else if token.is_punct(')') && open.pop().is_none() {
            unmatched.push(i);
        }
    }
    unmatched.extend(open);
    unmatched.sort_unstable();
    for i in unmatched.into_iter().rev() {
        tokens.remove(i);
    }
    tokens
}

/// Drops remarks in parentheses: they are kept in the text, never read as dates.
fn without_remarks(tokens: Vec<Token>) -> Vec<Token> {
    let mut depth = 0usize;
    let mut kept = Vec::with_capacity(tokens.len());
    for token in tokens {
        if token.is_punct('(') {
            depth += 1;
        } else if token.is_punct(')') && depth > 0 {
            depth -= 1;
        } else if depth == 0 {
            kept.push(token);
        }
    }
    kept
}

/// True when `part` opened a range that no "đến"/"tới" has closed: "từ quý III/2025" before
/// "- quý II/2026" (from … to …), where a dash between two full quarters alone lists them.
fn opens_range(part: &[Token]) -> bool {
    let time = ["quy", "thang", "nam", "ngay", "giai", "dau", "giua", "cuoi"];
    let from = part.windows(2).rposition(|pair| {
        pair[0].is_word("tu")
            && (pair[1].kind == lexer::Kind::Number || time.iter().any(|w| pair[1].is_word(w)))
    });
    from.is_some_and(|at| {
        !part[at..]
            .iter()
            .any(|t| t.is_word("den") || t.is_word("toi"))
    })
}

/// Splits at `;` and at `-` list items ("Năm 2017 - Năm 2018"), but not inside a span of
/// years ("2017 - 2018") or quarters ("Quý III - IV/2025") where the dash is followed by a
/// number or a numeral, nor between two full months ("Tháng 9/2025 - tháng 12/2025"),
/// which a reader reads as a span, nor after "từ" ("từ quý III/2025 - quý II/2026"). Full
/// quarters stay a list ("Quý II/2024 - Quý IV/2024"), as the sources write their stages.
/// Without `bullets`, at `;` only.
fn split_parts(tokens: &[Token], bullets: bool) -> Vec<&[Token]> {
    let numeral = |t: &Token| ["i", "ii", "iii", "iv"].contains(&t.text.as_str());
    let year =
        |t: Option<&Token>| t.is_some_and(|t| t.kind == lexer::Kind::Number && t.text.len() == 4);
    let separator = |t: Option<&Token>| t.is_some_and(|t| t.is_punct('/') || t.is_punct('.'));
    // "…9/2025 - tháng 12/2025": a month and its year on both sides of the dash at `i`.
    let between_full_periods = |i: usize| {
        let before = i >= 2 && year(tokens.get(i - 1)) && separator(tokens.get(i - 2));
        let after = tokens.get(i + 1).is_some_and(|t| t.is_word("thang"))
            && tokens
                .get(i + 2)
                .is_some_and(|t| t.kind == lexer::Kind::Number)
            && separator(tokens.get(i + 3))
            && year(tokens.get(i + 4));
        before && after
    };
    // "Quý III - Quý IV/2025", "tháng 3 - tháng 5/2026": a quarter or month with no year,
    // a dash, and the next of the same unit: a span, as "Quý III - IV/2025" is.
    let numbered = |t: Option<&Token>| {
        t.is_some_and(|t| (t.kind == lexer::Kind::Number && t.text.len() <= 2) || numeral(t))
    };
    let unit_to_unit = |i: usize| {
        i >= 2
            && ["quy", "thang"].iter().any(|w| {
                tokens[i - 2].is_word(w) && tokens.get(i + 1).is_some_and(|t| t.is_word(w))
            })
            && numbered(tokens.get(i - 1))
            && numbered(tokens.get(i + 2))
    };
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, token) in tokens.iter().enumerate() {
        let bullet = bullets
            && token.is_punct('-')
            && i > start
            && tokens
                .get(i + 1)
                .is_some_and(|next| next.kind == lexer::Kind::Word && !numeral(next))
            && tokens[i - 1].span.end < token.span.start
            && !tokens[i - 1].is_punct(':')
            && !between_full_periods(i)
            && !unit_to_unit(i)
            && !opens_range(&tokens[start..i]);
        if token.is_punct(';') || bullet {
            if i > start {
                parts.push(&tokens[start..i]);
            }
            start = i + 1;
        }
    }
    if start < tokens.len() {
        parts.push(&tokens[start..]);
    }
    parts
}
