//! A part of a deadline read as a sentence.
//!
//! - Words before the deadline that are not part of the language ("Hoàn thành sửa đổi quy
//!   trình trong quý III/2025") are skipped when what follows reads to the end and starts
//!   as a deadline does (a filler such as "trong", "trước", "vào", or "quý II", "tháng 3",
//!   "ngày 5", "năm 2025", "hằng quý"; an ongoing duty or an event only as the first
//!   phrase). Where the words had begun to name a time ("Quý V/2024", "Tháng 13/2024") the
//!   error stands: nonsense is not skipped over.
//! - Phrases joined by ",", "và", "hoặc", or a range's "đến", form a group: a list
//!   ("tháng 02 và quý I năm 2025": items without a year take the one stated), a range
//!   ("từ quý II/2025 đến quý IV/2027": a span), a date and an ongoing duty ("Quý IV/2025
//!   và thực hiện thường xuyên": open-ended), a series and more ("Hằng quý, thường xuyên":
//!   recurring), a date and an event ("trước ngày 1/3/2027 và theo lộ trình …": the date).
//! - Groups one after another in the sentence ("đến tháng 12/2022 khởi công và hoàn thành
//!   dự án vào năm 2025") are stages, combined as a group is.
//! - Words after the last group are an error ("Quý I/2024 xem phụ lục"), except after an
//!   ongoing duty or an event, whose words they are, and after a colon, where they say what
//!   is done in the stage ("Quý III/2025: hoàn thành khảo sát; Quý I/2026: tổng kết").

use chrono::Datelike;

use super::super::lexer::Kind as Tok;
use super::super::{Error, Kind, Resolution};
use super::words::Prefix;
use super::*;

/// A reading that failed; `committed` when the words had begun to name a time, so that the
/// error is the answer and no later words are tried instead.
pub(super) struct Failure {
    pub(super) error: Error,
    pub(super) committed: bool,
}

/// One phrase of a group.
pub(super) struct Item {
    pub(super) resolution: Resolution,
    pub(super) prefix: Prefix,
    /// Its first token, to read it again with another year.
    pub(super) start: usize,
    /// After ",", "và", "hoặc" or "đến".
    pub(super) joined: bool,
    /// Its year came from the context.
    pub(super) defaulted: bool,
    /// Its year was named from the context's ("năm nay").
    pub(super) year_from_plan: bool,
    /// "25 ngày": a count of days from the start the next phrase names.
    pub(super) duration: Option<u32>,
    /// After "hoặc": the other of two times.
    pub(super) or: bool,
}

impl Parser<'_> {
    /// The part from its first token, else from the first later word where a deadline
    /// reads to the end.
    pub(super) fn sentence(&mut self) -> Result<Resolution, Error> {
        self.named_from_plan = false;
        let first = match self.stages(0) {
            Ok(resolution) => return Ok(resolution),
            Err(failure) => failure,
        };
        if first.committed {
            return Err(first.error);
        }
        for i in 1..self.tokens.len() {
            if !self.introduces(i, true) {
                continue;
            }
            self.named_from_plan = false;
            match self.stages(i) {
                Ok(_) if self.skips_a_list_item(i) => {
                    // "trong tháng sau và tháng 3/2023": the words skipped are the list's
                    // first item, which does not read; the list is not read without it.
                    return Err(first.error);
                }
                Ok(resolution) => return Ok(resolution),
                Err(failure) if failure.committed => return Err(failure.error),
                Err(_) => {}
            }
        }
        Err(first.error)
    }

    /// A group at `from`, and the stages after it, to the end of the part.
    fn stages(&mut self, from: usize) -> Result<Resolution, Failure> {
        self.pos = from;
        let starts = self.skip_prefix().from;
        self.pos = from;
        let (group, ends_undated) = self.group()?;
        let end = self.pos;
        self.skip_punct();
        if self.tokens[end..self.pos].iter().any(|t| t.is_punct(':')) {
            // "Quý III/2025: hoàn thành khảo sát; Quý I/2026: tổng kết": the stage's time,
            // then what is done in it, to the next ";" (words and counts of things, "làm
            // điểm tại 3 xã", only: a date there is a stage).
            let described = self.tokens[self.pos..]
                .iter()
                .position(|t| t.is_punct(';'))
                .map_or(self.tokens.len(), |at| self.pos + at);
            let words = (self.pos..described).all(|i| {
                let t = &self.tokens[i];
                t.kind == Tok::Word
                    || matches!(t.kind, Tok::Punct(',' | '-' | '.'))
                    || self.counts_things(i)
            });
            if words {
                self.pos = described;
                self.skip_punct();
            }
        }
        let rest = self.pos;
        if rest == self.tokens.len() {
            return Ok(group);
        }
        if !group.kind.is_undated() && (self.at_purpose() || self.at_qualifier()) {
            // "trước ngày 30/6 để đến ngày 1/7 …": what follows "để" is the deadline's
            // purpose, not a second one. "Quý I/2024 theo kế hoạch", "… theo quy định":
            // a qualifier names where the date comes from; the date stands.
            self.pos = self.tokens.len();
            return Ok(group);
        }
        for i in rest..self.tokens.len() {
            if !self.introduces(i, false) {
                continue;
            }
            let year_next = self
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.kind == Tok::Number && t.text.len() == 4);
            if i == rest && rest == end && self.tokens[i].is_word("nam") && year_next {
                // "Quý II/2025 năm 2024": a second year, right after a time that has its
                // own, contradicts it.
                let span = self.span_of(rest, self.tokens.len());
                return Err(Failure {
                    error: self.error(
                        span.clone(),
                        format!(
                            "unexpected `{}` after the deadline, which names its own year",
                            &self.text[span]
                        ),
                    ),
                    committed: true,
                });
            }
            match self.stages(i) {
                Ok(later) if starts && group.kind != Kind::Several => {
                    // "Bắt đầu từ ngày 19/1/2026, hoàn thành chương trình … trước 31/5/2026":
                    // a start, then the stage that ends the work: one span.
                    return Ok(match (group.start, later.kind, later.due) {
                        (Some(start), Kind::Date, Some(due)) if start <= due => {
                            Resolution::window(Kind::Span, start, due)
                        }
                        _ => combine(vec![group, later]),
                    });
                }
                Ok(later) => {
                    // "Hằng năm từ 2025 đến 2027", "Hằng tháng kể từ tháng 7/2025", "Hằng
                    // năm trong giai đoạn từ nay đến năm 2030": the window the series runs in.
                    let here = self.pos;
                    self.pos = i;
                    let from = self.skip_prefix().from;
                    self.pos = here;
                    let over = match later.kind {
                        Kind::Span => series::within(&later, false, &group),
                        _ => None,
                    }
                    .or_else(|| from.then(|| series::from_then(&group, &later)).flatten());
                    if let Some(over) = over {
                        return Ok(over);
                    }
                    let remark = self.tokens[rest..i].iter().any(|t| t.kind == Tok::Word);
                    // "Quý III/2025 - chậm nhất ngày 30/9/2025 - …": a dashed time that ends
                    // the period says it again, as between parts.
                    let dashed = self.tokens[end..i].iter().any(|t| t.is_punct('-'));
                    if dashed
                        && !remark
                        && let Some(Ok(said)) = super::time_in_remark(&group, &later)
                    {
                        return Ok(said);
                    }
                    if remark && let Some(read) = self.time_in_remark(&group, &later, i) {
                        return read;
                    }
                    return Ok(combine(vec![group, later]));
                }
                Err(failure) if failure.committed => return Err(failure),
                Err(_) => {}
            }
        }
        self.pos = rest;
        if group.kind.is_undated()
            || ends_undated
            || self.at_clause()
            || self.subject_then_clause(rest)
            || self.remark_after(end, rest)
        {
            // "Thường xuyên trong năm", "Khi …", "Quý IV/2025 và thực hiện thường xuyên các
            // năm tiếp theo": the words describe the duty or the event;
            // "năm 2018 sẽ hoàn thành việc bàn giao sổ", "Ngày 1/5, 63 tỉnh phải gửi đề án":
            // the deadline leads its sentence.
            self.pos = self.tokens.len();
            return Ok(group);
        }
        let span = self.span_of(rest, self.tokens.len());
        Err(Failure {
            error: self.error(
                span.clone(),
                format!("unexpected `{}` after the deadline", &self.text[span]),
            ),
            committed: true,
        })
    }

    /// True at a dash between a quarter or month with no year and the next of the same unit:
    /// "Quý III - Quý IV/2025", "tháng 3 - tháng 5/2026" (a range, as "Quý III - IV/2025").
    fn at_unit_dash(&self) -> bool {
        let Some(unit) = self.pos.checked_sub(2).map(|at| &self.tokens[at]) else {
            return false;
        };
        let same = ["quy", "thang"]
            .iter()
            .any(|w| unit.is_word(w) && self.at_word(1, w));
        let numbered = |t: Option<&Token>| {
            t.is_some_and(|t| {
                (t.kind == Tok::Number && t.text.len() <= 2)
                    || ["i", "ii", "iii", "iv"].contains(&t.text.as_str())
            })
        };
        same && self.at_punct(0, '-')
            && numbered(self.tokens.get(self.pos - 1))
            && numbered(self.peek_at(2))
    }

    /// Phrases joined by ",", "và", "hoặc" or a range's "đến"/"tới" (or a dash after
    /// "từ": "từ quý III/2025 - quý II/2026"); and whether the last is an ongoing duty or an
    /// event, whose words may follow it ("và thực hiện thường xuyên các năm tiếp theo", "và
    /// theo lộ trình, phương án được phê duyệt").
    fn group(&mut self) -> Result<(Resolution, bool), Failure> {
        let mut items = vec![self.item(false)?];
        loop {
            let save = self.pos;
            let comma = self.punct(',');
            let and = self.words(&["va"]);
            let or = !and && self.words(&["hoac"]);
            let joined = and || or || comma;
            let dashed = items.len() == 1 && self.at_unit_dash();
            let ranged = self.at_word(0, "den")
                || self.at_word(0, "toi")
                || (items.len() == 1 && (items[0].prefix.from || dashed) && self.punct('-'));
            if !(joined || ranged) {
                break;
            }
            if comma && (self.at_words(&["tam", "nhin"]) || self.at_words(&["dinh", "huong"])) {
                // "giai đoạn 2021-2025, định hướng đến năm 2030": an outlook, not a deadline.
                self.pos = self.tokens.len();
                break;
            }
            match self.item(true) {
                Ok(mut item) => {
                    // "Quý III - Quý IV/2025": the dash ends a range as "đến" does.
                    item.prefix.to |= dashed;
                    item.or = or;
                    items.push(item);
                }
                Err(failure) if failure.committed => return Err(failure),
                Err(_) => {
                    self.pos = save;
                    break;
                }
            }
        }
        let end = self.pos;
        self.give_years(&mut items)?;
        self.pos = end;
        if let [period, bounded] = &items[..]
            && let Some(narrowed) =
                self.narrowed_by_bound(&period.resolution, &bounded.resolution, bounded.start)
        {
            return Ok((narrowed, false));
        }
        let undated = items
            .last()
            .is_some_and(|item| item.resolution.kind.is_undated() && item.duration.is_none());
        Ok((self.join(items)?, undated))
    }

    /// One phrase: filler, the deadline, and what may follow it ("của năm báo cáo", "đối
    /// với báo cáo định kỳ hằng năm", "và các năm tiếp theo").
    pub(super) fn item(&mut self, joined: bool) -> Result<Item, Failure> {
        let start = self.pos;
        self.defaulted = false;
        self.year_from_plan = false;
        if let Some(days) = self.duration() {
            return Ok(Item {
                resolution: Resolution::undated(Kind::Event),
                prefix: Prefix::default(),
                start,
                joined,
                defaulted: false,
                year_from_plan: false,
                duration: Some(days),
                or: false,
            });
        }
        let prefix = self.skip_prefix();
        let committed = self.strong_start();
        let body = self.pos;
        // "trước cuối quý I/2026": by the quarter's end, the quarter (not the day before it).
        let by_its_end = self.at_word(0, "cuoi") || self.at_word(0, "giua");
        let resolution = self
            .body(joined)
            .and_then(|r| self.tail(body, r))
            .map_err(|error| Failure { error, committed })?;
        let day_before = resolution.start.and_then(|d| d.pred_opt());
        let resolution = match (resolution.kind, day_before) {
            // "trước tháng 10/2024": by the last day of September.
            (Kind::Quarter, _) if by_its_end => resolution,
            (Kind::Month | Kind::Quarter | Kind::Half | Kind::Year, Some(day)) if prefix.before => {
                Resolution::window(Kind::Date, day, day)
            }
            _ => resolution,
        };
        self.named_from_plan |= self.year_from_plan;
        Ok(Item {
            resolution,
            prefix,
            start,
            joined,
            defaulted: self.defaulted,
            year_from_plan: self.year_from_plan,
            duration: None,
            or: false,
        })
    }

    /// What may follow a deadline and change its reading.
    fn tail(&mut self, start: usize, resolution: Resolution) -> Result<Resolution, Error> {
        if self.at_words(&["am", "lich"]) {
            return Err(self.lunar(start, self.pos + 2));
        }
        if self.defaulted && !resolution.kind.is_undated() {
            // "vào tháng 9 tới", "quý III này", "tháng 10 sắp tới": the coming one, which
            // the plan's year names.
            let _ = self.words(&["sap", "toi"])
                || self.words(&["nay"])
                || (self.at_word(0, "toi") && self.ends_phrase(1) && self.words(&["toi"]));
        }
        // "ngày 14 tháng 3 thuộc kỳ báo cáo": the reporting period is the plan's year.
        let _ =
            self.words(&["thuoc", "ky", "bao", "cao"]) || self.words(&["cua", "ky", "bao", "cao"]);
        if resolution.kind == Kind::Recurring {
            // "hằng năm tiếp theo": every year that follows, the series itself.
            self.words(&["tiep", "theo"]);
            // "ngày 25 tháng cuối quý, hằng quý": the series word, last and alone, after a
            // series of its own period only says it again.
            let comma = usize::from(self.at_punct(0, ','));
            let per_year = if self.at_words_at(comma, &["hang", "quy"]) {
                4
            } else if self.at_words_at(comma, &["hang", "thang"]) {
                12
            } else {
                0
            };
            let alone = self
                .peek_at(comma + 2)
                .is_none_or(|t| matches!(t.kind, Tok::Punct(_)));
            if per_year > 0 && alone && resolution.dates.len() == per_year {
                self.pos += comma + 2;
            }
        }
        // "ngày 15 tháng 01 năm sau, hằng năm": a day with no year of its own, then the
        // series alone, is that day of every year as without the comma; a dated day before
        // ", hằng năm" is a date of its own, joined to the series.
        let yearless = self.defaulted || self.year_from_plan;
        let comma = yearless
            && self.at_punct(0, ',')
            && self.at_words_at(1, &["hang", "nam"])
            && self
                .peek_at(3)
                .is_none_or(|t| matches!(t.kind, Tok::Punct(_)));
        if resolution.kind == Kind::Date && (comma || self.at_words(&["hang", "nam"])) {
            // "ngày 26/3 hàng năm", "10-10 hằng năm": that day of every year; one in the
            // year after the plan's ("15/01 năm sau") is the plan year's occurrence.
            self.pos += 2 + usize::from(comma);
            let next = self.year_from_plan
                && resolution.due.map(|d| d.year()) == Some(self.context.year + 1);
            return Ok(match (next, resolution.due) {
                (true, Some(due)) => series(self.context.year, vec![due]),
                _ => yearly(resolution, 0),
            });
        }
        let week = resolution.kind == Kind::Span
            && self.tokens[start..]
                .first()
                .is_some_and(|t| t.is_word("tuan"));
        let period = matches!(resolution.kind, Kind::Month | Kind::Quarter | Kind::Half) || week;
        if period && self.defaulted && self.words(&["hang", "nam"]) {
            // "Tháng 3 hằng năm", "Quý I hằng năm", "Tuần đầu tháng 1 hằng năm": due at its
            // end every year.
            let due = resolution.due.map(|d| Resolution::window(Kind::Date, d, d));
            return Ok(due.map_or(resolution, |date| yearly(date, 0)));
        }
        let resolution = if self.open_ended_tail() && !resolution.kind.is_undated() {
            Resolution {
                kind: Kind::OpenEnded,
                ..resolution
            }
        } else {
            resolution
        };
        if self.words(&["cua", "nam", "bao", "cao"]) {
            return Ok(yearly(resolution, 0));
        }
        if self.words(&["cua", "nam", "lien", "ke", "nam", "bao", "cao"]) {
            return Ok(yearly(resolution, 1));
        }
        if self.words(&["doi", "voi"]) {
            // "ngày 25 tháng 11 đối với báo cáo định kỳ hằng năm": what the date is for; a
            // day with no year for a periodic report comes every year.
            let periodic = self.tokens[self.pos..]
                .iter()
                .any(|t| t.is_word("dinh") || t.is_word("hang"));
            self.pos = self.tokens.len();
            if periodic && self.defaulted {
                return Ok(yearly(resolution, 0));
            }
        }
        Ok(resolution)
    }

    /// True when token `ahead` ends a phrase: nothing, punctuation or a joiner follows.
    pub(super) fn ends_phrase(&self, ahead: usize) -> bool {
        self.peek_at(ahead)
            .is_none_or(|t| matches!(t.kind, Tok::Punct(_)) || t.is_word("va") || t.is_word("hoac"))
    }

    /// "và các năm tiếp theo", "và những năm tiếp theo", "và các quý tiếp theo" (after a
    /// quarter), "và các tháng tiếp theo", "trở đi".
    fn open_ended_tail(&mut self) -> bool {
        let start = self.pos;
        let periods = self.words(&["va"])
            && (self.words(&["cac"]) || self.words(&["nhung"]))
            && (self.words(&["nam"]) || self.words(&["quy"]) || self.words(&["thang"]))
            && (self.words(&["tiep", "theo"]) || self.words(&["sau"]));
        if periods {
            return true;
        }
        self.pos = start;
        self.words(&["va", "tiep", "theo"]) || self.words(&["tro", "di"])
    }
}
