//! Where a part's deadline sits among its other words, decided over the whole part:
//! which later word may start the deadline ("Hoàn thành sửa đổi quy trình trong quý
//! III/2025"), and whether the words after it only remark on it ("Quý III/2025 - trình
//! Chính phủ") or begin a clause of their own. [`super::sentence`] asks these questions as
//! it reads a part; what a single word is (a filler, the start of a time or of a clause) is
//! answered in [`super::words`].

use super::super::lexer::Kind as Tok;
use super::sentence::Failure;
use super::*;

impl Parser<'_> {
    /// A time at token `at` in a remark after the time `group`, read as `later`: see
    /// [`super::time_in_remark`].
    pub(super) fn time_in_remark(
        &mut self,
        group: &Resolution,
        later: &Resolution,
        at: usize,
    ) -> Option<Result<Resolution, Failure>> {
        let read = super::time_in_remark(group, later)?;
        Some(read.map_err(|message| {
            let span = self.span_of(at, self.tokens.len());
            Failure {
                error: self.error(span.clone(), format!("{message}: `{}`", &self.text[span])),
                committed: true,
            }
        }))
    }

    /// "Năm 2025, chậm nhất tháng 10/2025": a list item at token `at` that opens with a
    /// bound ("chậm nhất", "muộn nhất") on a time inside the single period `group` narrows
    /// the period to it: the later time is the deadline, not a stage.
    pub(super) fn narrowed_by_bound(
        &self,
        group: &Resolution,
        later: &Resolution,
        at: usize,
    ) -> Option<Resolution> {
        let word = |i: usize, w: &str| self.tokens.get(i).is_some_and(|t| t.is_word(w));
        let bound = (word(at, "cham") || word(at, "muon")) && word(at + 1, "nhat");
        let single = matches!(
            group.kind,
            Kind::Year | Kind::Half | Kind::Quarter | Kind::Month
        );
        let inside = match (group.start, group.due, later.start, later.due) {
            (Some(start), Some(due), Some(later_start), Some(later_due)) => {
                start <= later_start && later_due <= due
            }
            _ => false,
        };
        (bound && single && inside && later.dates.len() <= 1).then(|| later.clone())
    }

    /// True when the words from `rest` are a remark on the time that ends at token `end`:
    /// set off by a comma, a dash or a line break, starting with a word, and naming no time
    /// ("Quý III/2025 - trình Chính phủ", "Tháng 10/2025, báo cáo Bộ Tài chính", "Năm
    /// 2025⏎trình Thủ tướng"): words, and counts of one or two digits standing alone ("Báo
    /// cáo sơ kết 6 tháng"). A year, a date or a number joined by "/", "-" or "." in them
    /// ("Quý III/2025 - 2024", "…, báo cáo 15/12") is not a remark: the time is garbled or
    /// contradicted, and the error stands. (A time in them that reads is a stage, and one
    /// that starts to and does not is an error, before this is asked.)
    pub(super) fn remark_after(&mut self, end: usize, rest: usize) -> bool {
        let Some(last) = end.checked_sub(1).map(|at| self.tokens[at].clone()) else {
            return false;
        };
        let mut from = end;
        let comma = self.tokens[end..rest].iter().any(|t| t.is_punct(','));
        let dash = self.tokens.get(from).is_some_and(|t| t.is_punct('-'));
        if dash {
            from += 1;
        }
        let first = self.tokens.get(from.max(rest)).cloned();
        let broken = first
            .as_ref()
            .is_some_and(|t| self.text[last.span.end..t.span.start].contains('\n'));
        if !(comma || dash || broken) || !first.is_some_and(|t| t.kind == Tok::Word) {
            return false;
        }
        // "Năm 2025, quý": words that start as a time does are a garbled time, not a remark.
        let from = from.max(rest);
        let units = [
            "quy", "thang", "nam", "ngay", "tuan", "hang", "dinh", "giai",
        ];
        let save = self.pos;
        self.pos = from;
        let timed = self.strong_start() || self.at_recurring();
        self.pos = save;
        if timed || units.iter().any(|w| self.tokens[from].is_word(w)) {
            return false;
        }
        let remark = &self.tokens[from..];
        // "Tháng 10/2025, trước": a word that needs what follows it, left hanging.
        let dangling = [
            "truoc", "trong", "vao", "tu", "den", "toi", "nhat", "cua", "va", "hoac",
        ];
        if remark
            .iter()
            .rfind(|t| t.kind == Tok::Word)
            .is_some_and(|t| dangling.contains(&t.text.as_str()))
        {
            return false;
        }
        // "đạt 100%", "tỷ lệ 95%": a share, not a time.
        let share = |i: usize| {
            remark
                .get(i + 1)
                .is_some_and(|t| t.is_punct('%') && remark[i].span.end == t.span.start)
        };
        remark.iter().enumerate().all(|(i, t)| match t.kind {
            Tok::Word => true,
            Tok::Number if share(i) => t.text.len() <= 3,
            Tok::Punct('%') => i > 0 && share(i - 1),
            Tok::Number => {
                let joined = |t: Option<&Token>| {
                    t.is_some_and(|t| matches!(t.kind, Tok::Punct('/' | '-' | '.')))
                };
                t.text.len() <= 2
                    && !joined(remark.get(i + 1))
                    && !(i > 0 && joined(remark.get(i - 1)))
            }
            Tok::Punct(c) => ",.:()\"".contains(c),
        })
    }

    /// True when the deadline ended at a comma and the words from `rest` are a clause with
    /// its subject first: "Ngày 1/5, 63 tỉnh, thành phố phải gửi đề án …" (a word that
    /// opens a clause stands among them; no time does, or it would be a stage).
    pub(super) fn subject_then_clause(&mut self, rest: usize) -> bool {
        if !rest
            .checked_sub(1)
            .is_some_and(|at| self.tokens[at].is_punct(','))
        {
            return false;
        }
        let save = self.pos;
        let found = (rest + 1..self.tokens.len()).any(|i| {
            self.pos = i;
            self.at_clause()
        });
        self.pos = save;
        found
    }

    /// True when the words before token `i` end in an item of a list that `i` continues:
    /// "trong tháng tới và" before "tháng 3/2023" ("và" or "hoặc", after words that start
    /// as a time does, after any filler).
    pub(super) fn skips_a_list_item(&mut self, i: usize) -> bool {
        // Not after a comma, which also ends a clause: "trong năm, trước ngày 30/6".
        let joiner = |t: &Token| t.is_word("va") || t.is_word("hoac");
        if !self.tokens.get(i - 1).is_some_and(joiner) {
            return false;
        }
        let item = self.tokens[..i - 1]
            .iter()
            .rposition(|t| joiner(t) || matches!(t.kind, Tok::Punct(_)))
            .map_or(0, |at| at + 1);
        let save = self.pos;
        self.pos = item;
        self.skip_prefix();
        let timed = self.pos < i - 1
            && ["thang", "quy", "ngay", "nam", "tuan", "mung", "mong"]
                .iter()
                .any(|w| self.at_word(0, w));
        self.pos = save;
        timed
    }

    /// True when token `i` may start a deadline in the middle of a sentence; events only for
    /// the `first` phrase. An ongoing duty may follow a date ("Năm 2025, sau đó duy trì
    /// thường xuyên", "Quý I/2026 thường xuyên cập nhật": open-ended).
    pub(super) fn introduces(&mut self, i: usize, first: bool) -> bool {
        let save = self.pos;
        self.pos = i;
        let word = self.peek().is_some_and(|t| t.kind == Tok::Word);
        // "Dịp Quốc khánh 2/9/2025": a day written in figures after words that name it.
        let short = |at: usize| self.peek_at(at).is_some_and(|t| t.text.len() <= 2);
        let figures = self.at_number(0)
            && short(0)
            && (self.at_punct(1, '/') || self.at_punct(1, '.'))
            && self.at_number(2)
            && short(2);
        let found = figures
            || word
                && (self.at_filler()
                    || self.strong_start()
                    || self.at_recurring()
                    || (self.at_word(0, "nua")
                        && (self.at_word(1, "dau") || self.at_word(1, "cuoi")))
                    || self.at_ongoing()
                    || (first && self.is_event()));
        self.pos = save;
        found
    }
}
