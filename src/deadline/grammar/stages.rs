//! Times counted within a plan or a stage: "Năm đầu tiên của giai đoạn 2026-2030" (its first
//! year), "Hai năm đầu của giai đoạn 2026-2030" (2026–2027), "giai đoạn từ nay đến năm 2030" (the plan's year to 2030), and those counted from
//! a start the cell does not date, which are events: "Năm thứ nhất triển khai Đề án", "Trong
//! 6 tháng đầu triển khai".

use chrono::Datelike;

use super::super::{Error, Kind, Resolution};
use super::*;

/// Which year of a stage an ordinal names.
#[derive(Clone, Copy)]
enum Ordinal {
    Nth(u32),
    Last,
}

/// Words that count from the start of carrying a plan out.
const CARRYING_OUT: &[&[&str]] = &[
    &["trien", "khai"],
    &["thuc", "hien"],
    &["ap", "dung"],
    &["van", "hanh"],
];

impl Parser<'_> {
    /// A year of a stage, or a time counted from carrying a plan out (an event). `None`,
    /// with nothing consumed, when the words are neither.
    pub(super) fn stage_year(&mut self) -> Option<Result<Resolution, Error>> {
        let start = self.pos;
        let counted_months = self.count_at(0).and_then(|(_, len)| {
            let edge = usize::from(self.at_word(len + 1, "dau") || self.at_word(len + 1, "cuoi"));
            self.at_word(len, "thang").then_some(len + 1 + edge)
        });
        if let Some(len) = counted_months
            && self.carrying_out_at(len)
        {
            // "6 tháng đầu triển khai": six months from a start no date gives.
            return Some(Ok(self.rest_is(Kind::Event)));
        }
        // "Năm đầu tiên", "năm thứ hai": one year; "hai năm đầu", "ba năm cuối": so many.
        let counted_years = self.count_at(0).filter(|&(n, len)| {
            n >= 1
                && self.at_word(len, "nam")
                && (self.at_word(len + 1, "dau") || self.at_word(len + 1, "cuoi"))
        });
        let (years, at) = match counted_years {
            Some((n, len)) => (n, len),
            None if self.at_word(0, "nam") => (1, 0),
            None => return None,
        };
        let (ordinal, len) = self.ordinal_at(at + 1)?;
        if self.carrying_out_at(at + 1 + len) {
            // "Năm thứ nhất triển khai Đề án": the scheme's start is not the plan's year.
            return Some(Ok(self.rest_is(Kind::Event)));
        }
        self.pos += at + 1 + len;
        self.words(&["cua"]);
        if !(self.words(&["giai", "doan"]) || self.words(&["nhiem", "ky"])) {
            self.pos = start;
            return None;
        }
        self.words(&["nam"]);
        let stage = match self.years() {
            Ok(stage) if stage.kind == Kind::Span => stage,
            _ => {
                self.pos = start;
                return None;
            }
        };
        let (first, last) = (
            stage.start.expect("a span has a start").year(),
            stage.due.expect("a span has an end").year(),
        );
        let years = years as i32;
        let from = match ordinal {
            Ordinal::Nth(n) => first + n as i32 - 1,
            Ordinal::Last => last - years + 1,
        };
        let until = from + years - 1;
        if from < first || until > last {
            let span = self.span_of(start, self.pos);
            let message = format!("the stage {first}–{last} has no such year");
            return Some(Err(self.error(span, message)));
        }
        let kind = if years == 1 { Kind::Year } else { Kind::Span };
        Some(Ok(Resolution::window(
            kind,
            ymd(from, 1, 1),
            ymd(until, 12, 31),
        )))
    }

    /// After "giai đoạn": "từ nay đến (hết) năm 2030", the plan's year to the one named;
    /// `None`, with nothing consumed, otherwise. (Without "giai đoạn", "từ nay đến năm 2030"
    /// stays the year 2030: "từ nay" dates nothing.)
    pub(super) fn stage_from_now(&mut self) -> Option<Result<Resolution, Error>> {
        let start = self.pos;
        let from_now = self.words(&["tu", "nay"]) && (self.words(&["den"]) || self.words(&["toi"]));
        if !from_now {
            self.pos = start;
            return None;
        }
        self.words(&["het"]);
        self.words(&["nam"]);
        let from = self.context.year;
        Some(self.year_number().and_then(|until| {
            if until < from {
                // "giai đoạn từ nay đến năm 2024" in a plan of 2025.
                let span = self.span_of(start, self.pos);
                let message = format!(
                    "`{}` ends before the plan's year, {from}, where it starts",
                    &self.text[span.clone()]
                );
                return Err(self.error(span, message));
            }
            let kind = if from == until {
                Kind::Year
            } else {
                Kind::Span
            };
            Ok(Resolution::window(
                kind,
                ymd(from, 1, 1),
                ymd(until, 12, 31),
            ))
        }))
    }

    fn ordinal_at(&self, ahead: usize) -> Option<(Ordinal, usize)> {
        if self.at_words_at(ahead, &["dau", "tien"]) || self.at_words_at(ahead, &["thu", "nhat"]) {
            Some((Ordinal::Nth(1), 2))
        } else if self.at_word(ahead, "dau") {
            Some((Ordinal::Nth(1), 1))
        } else if self.at_words_at(ahead, &["cuoi", "cung"]) {
            Some((Ordinal::Last, 2))
        } else if self.at_word(ahead, "cuoi") {
            Some((Ordinal::Last, 1))
        } else if self.at_word(ahead, "thu") && self.written(ahead + 1) == "tư" {
            // "thứ tư", the fourth ("tư" folds to "tu", which is "từ" too).
            Some((Ordinal::Nth(4), 2))
        } else if self.at_word(ahead, "thu") {
            let (n, len) = self.count_at(ahead + 1).filter(|&(n, _)| n >= 1)?;
            Some((Ordinal::Nth(n), 1 + len))
        } else {
            None
        }
    }

    fn carrying_out_at(&self, ahead: usize) -> bool {
        CARRYING_OUT
            .iter()
            .any(|words| self.at_words_at(ahead, words))
    }
}
