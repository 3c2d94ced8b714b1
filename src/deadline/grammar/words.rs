//! Words around the dates: the filler before a deadline ("trước", "chậm nhất", "vào chiều
//! Chủ nhật", "bắt đầu từ 0h"), the words that open a clause after it, and where a deadline
//! starts. The phrases with no date are in [`super::undated`].

use super::super::lexer::Kind as Tok;
use super::*;

/// Words that may stand before the deadline proper and change nothing, save what
/// [`Prefix`] notes. Longer first where one starts another.
const FILLERS: &[&[&str]] = &[
    &["hoan", "thanh"],
    &["thuc", "hien"],
    &["cham", "nhat"],
    &["muon", "nhat"],
    &["it", "nhat"],
    &["ket", "thuc"],
    &["bat", "dau"],
    &["tu", "nay"],
    &["ke", "tu"],
    &["truoc"],
    &["trong"],
    &["vao"],
    &["den"],
    &["toi"],
    &["xong"],
    &["han"],
    &["het"],
    &["tu"],
    &["tai"],
    &["sang"],
    &["chieu"],
    &["trua"],
];

/// Words that open a clause: a deadline they follow leads its sentence ("năm 2018 sẽ hoàn
/// thành việc bàn giao sổ", "Quý I/2025 trình Chính phủ"). Other words after a deadline are
/// an error ("Quý I/2024 xem phụ lục"), save a qualifier ("theo kế hoạch") or a purpose ("để …").
const CLAUSE_OPENERS: &[&[&str]] = &[
    &["se"],
    &["phai"],
    &["can"],
    &["da"],
    &["dang"],
    &["hoan", "thanh"],
    &["thuc", "hien"],
    &["trien", "khai"],
    &["to", "chuc"],
    &["ban", "hanh"],
    &["bat", "dau"],
    &["ket", "thuc"],
    &["tiep", "tuc"],
    &["trinh"],
];

/// Words that may follow a number that names a time: its unit ("30 ngày", "15 tháng 6",
/// "8 giờ"), a series ("15 hàng tháng"), a list or range ("7 và 8/1", "1 đến 5/3") or
/// whose it is ("19 của tháng cuối quý"). Another word after a number that is not a year
/// makes it a count of things ("63 tỉnh").
const TIME_AFTER_NUMBER: &[&str] = &[
    "ngay", "thang", "nam", "quy", "tuan", "gio", "g", "h", "phut", "dem", "hang", "dinh", "va",
    "hoac", "den", "toi", "cua", "thuoc", "sap", "tro",
];

/// The days of the week after "thứ" ("Chủ nhật" stands alone).
const WEEKDAYS: &[&str] = &["hai", "ba", "tu", "nam", "sau", "bay"];

/// What the filler before a phrase says about it.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Prefix {
    /// "từ", "bắt đầu từ", "kể từ": the phrase starts a range.
    pub from: bool,
    /// "đến", "tới": the phrase ends a range.
    pub to: bool,
    /// "trước": before the period ("trước tháng 10/2024" is due 30/9/2024).
    pub before: bool,
}

impl Parser<'_> {
    /// True when a clause of [`CLAUSE_OPENERS`] starts here.
    pub(super) fn at_clause(&self) -> bool {
        CLAUSE_OPENERS.iter().any(|opener| self.at_words(opener))
    }

    /// True at a list item's number as a copy out of Word or a PDF keeps it: one or two
    /// digits or a letter, then "." or ")" against it, then a word after a space ("1. Quý
    /// II/2025", "a) Tháng 10/2025"), where "7.2021" and "T.6/2025" are a time.
    fn at_numbering(&self) -> bool {
        let (Some(mark), Some(close), Some(next)) = (self.peek(), self.peek_at(1), self.peek_at(2))
        else {
            return false;
        };
        let number = (mark.kind == Tok::Number && mark.text.len() <= 2)
            || (mark.kind == Tok::Word && mark.text.len() == 1 && mark.span.len() == 1);
        number
            && (close.is_punct('.') || close.is_punct(')'))
            && mark.span.end == close.span.start
            && (next.kind == Tok::Word || self.at_whole_date(2))
            && close.span.end < next.span.start
    }

    /// True at a whole date `d/m/yyyy` (or with "-" or "."), a day and month `d/m` or a month
    /// and year `m/yyyy`, `at` tokens ahead: what may follow a list item's number ("2.
    /// 30/6/2025", "3. 15/10", "4. 6/2025"), where a number alone may not ("7. 2025").
    fn at_whole_date(&self, at: usize) -> bool {
        let tokens: Vec<_> = (at..at + 5).map_while(|i| self.peek_at(i)).collect();
        let glued = |a: &Token, b: &Token| a.span.end == b.span.start;
        if let [day, slash, month, ..] = tokens[..]
            && day.kind == Tok::Number
            && slash.is_punct('/')
            && month.kind == Tok::Number
            && (month.text.len() <= 2 || month.text.len() == 4)
            && glued(day, slash)
            && glued(slash, month)
            && tokens
                .get(3)
                .is_none_or(|t| !glued(month, t) || !t.is_punct('/'))
        {
            return true;
        }
        let [day, sep, month, sep2, year] = tokens[..] else {
            return false;
        };
        let joined = tokens.windows(2).all(|w| w[0].span.end == w[1].span.start);
        joined
            && day.kind == Tok::Number
            && month.kind == Tok::Number
            && year.kind == Tok::Number
            && year.text.len() == 4
            && ['/', '-', '.'].iter().any(|&c| sep.is_punct(c))
            && sep.kind == sep2.kind
    }

    /// True when a filler of [`FILLERS`] starts here.
    pub(super) fn at_filler(&self) -> bool {
        FILLERS.iter().any(|filler| self.at_words(filler))
    }

    /// Bullets, a "Label:", filler words, weekdays, hours, counts ("2 ngày 26-27/6", "5 năm
    /// 2021-2025") and "các" ("các ngày 25, 26/6").
    pub(super) fn skip_prefix(&mut self) -> Prefix {
        let mut prefix = Prefix::default();
        loop {
            let before = self.pos;
            while self
                .peek()
                .is_some_and(|t| matches!(t.kind, Tok::Punct('-' | '+' | '*' | '•')))
            {
                self.pos += 1;
            }
            let bulleted = self.tokens[..self.pos]
                .iter()
                .all(|t| matches!(t.kind, Tok::Punct('-' | '+' | '*' | '•')));
            if bulleted && self.at_numbering() {
                // "1. Quý II/2025", "b) Tháng 10/2025": the item's number in a copied list.
                self.pos += 2;
            }
            if let Some(colon) = self.label() {
                self.pos += colon + 1;
            }
            let adverb = ["trong", "truoc", "tu", "vao"]
                .iter()
                .any(|w| self.at_word(1, w));
            if self.at_word(0, "ngay") && adverb {
                // "ngay trong năm nay", "ngay trước Tết": "ngay" (right, at once), not "ngày".
                self.pos += 1;
            }
            if let Some(filler) = FILLERS.iter().find(|filler| self.at_words(filler)) {
                self.pos += filler.len();
                match filler[0] {
                    // "từ nay" (from now): the day the plan is read, which no year tells.
                    "tu" => prefix.from = filler.len() == 1,
                    "ke" => prefix.from = true,
                    "den" | "toi" => prefix.to = true,
                    "truoc" => prefix.before = true,
                    _ => {}
                }
            }
            self.skip_weekday();
            self.skip_hour();
            let counted = self.count_at(0).filter(|&(_, len)| {
                (self.at_word(len, "ngay") && self.at_number(len + 1))
                    || (self.at_word(len, "nam") && self.at_year(len + 1))
            });
            if let Some((_, len)) = counted {
                self.pos += len + 1;
            }
            self.skip_apposition();
            // "các năm sau", "các năm tiếp theo": the time after a date, which `ongoing` reads.
            let years_after = self.at_word(1, "nam")
                && (self.at_word(2, "sau") || self.at_words_at(2, &["tiep", "theo"]));
            if (self.at_word(0, "cac") || self.at_word(0, "nhung"))
                && !years_after
                && ["nam", "ngay", "thang", "quy", "moc"]
                    .iter()
                    .any(|w| self.at_word(1, w))
            {
                self.pos += 1;
            }
            // "mốc 19/4" (the milestone 19/4), "thời điểm 30/6" (the moment 30/6): a noun
            // that only names the date after it. Before words it names an event instead
            // ("thời điểm khai mạc Đại hội"), which `is_event` reads.
            let dated = |at: usize| self.at_number(at) || self.at_word(at, "ngay");
            // "dịp 02/9", "nhân dịp 19/5" (on the occasion of the day): as "mốc".
            if self.at_words(&["nhan", "dip"]) && dated(2) {
                self.pos += 2;
            } else if (self.at_word(0, "moc") || self.at_word(0, "dip")) && dated(1) {
                self.pos += 1;
            } else if self.at_words(&["thoi", "diem"]) && dated(2) {
                self.pos += 2;
            }
            if self.pos == before {
                return prefix;
            }
        }
    }

    /// A label before ":" ("Báo cáo quý:", "Đợt 1:", "Giai đoạn 2:"): words, and a number
    /// ending them; the number of tokens before the colon. Not a time ("Tháng 3: …" is the
    /// deadline).
    fn label(&self) -> Option<usize> {
        let colon = self.tokens[self.pos..]
            .iter()
            .position(|t| t.is_punct(':'))?;
        let label = &self.tokens[self.pos..self.pos + colon];
        let words = match label {
            [words @ .., last] if last.kind == Tok::Number && last.text.len() <= 2 => {
                let time = ["thang", "quy", "ngay", "nam", "tuan", "mung", "mong"];
                if let [word] = words
                    && time.contains(&word.text.as_str())
                {
                    return None;
                }
                words
            }
            _ => label,
        };
        let named = !words.is_empty() && words.iter().all(|t| t.kind == Tok::Word);
        named.then_some(colon)
    }

    /// "02 tháng cao điểm là tháng 10 và 11/2021", "hai đợt là …": a count of what the
    /// deadline then names, and words describing it, up to "là".
    fn skip_apposition(&mut self) {
        let counted = self.count_at(0).filter(|&(_, len)| {
            ["thang", "ngay", "quy", "nam", "tuan", "dot", "ky"]
                .iter()
                .any(|w| self.at_word(len, w))
        });
        let Some((_, len)) = counted else {
            return;
        };
        let described = self.tokens[self.pos + len..]
            .iter()
            .take(8)
            .take_while(|t| t.kind == Tok::Word)
            .position(|t| t.is_word("la"));
        if let Some(at) = described.filter(|&at| at > 0) {
            self.pos += at + len + 1;
        }
    }

    /// "Chủ nhật", "Chủ Nhật,", "thứ Hai", "ngày Chủ Nhật" before a date.
    fn skip_weekday(&mut self) {
        let at = usize::from(self.at_word(0, "ngay"));
        let named = (self.at_word(at, "chu") && self.at_word(at + 1, "nhat"))
            || (self.at_word(at, "thu")
                && WEEKDAYS.iter().any(|w| self.at_word(at + 1, w))
                && !self.at_word(at + 2, "thang"));
        if named {
            self.pos += at + 2;
            self.punct(',');
        }
    }

    /// "14h", "17h30", "0 giờ", "8h sáng" before "ngày" or a date: the hour a day starts
    /// or ends at, which no deadline here keeps.
    fn skip_hour(&mut self) {
        let hour = self.at_number(0) && (self.at_word(1, "h") || self.at_word(1, "gio"));
        let clock = self.at_clock();
        if !hour && !clock {
            return;
        }
        let mut next = if clock {
            // "17:00 ngày 30/6/2025": a clock time of the day, hours and minutes.
            3
        } else {
            let minutes = usize::from(self.at_number(2));
            let minute_word = usize::from(minutes == 1 && self.at_word(3, "phut"));
            2 + minutes + minute_word
        };
        if ["sang", "trua", "chieu", "toi", "dem"]
            .iter()
            .any(|w| self.at_word(next, w))
        {
            next += 1;
        }
        let day = ["ngay", "thu", "chu"].iter().any(|w| self.at_word(next, w));
        if day || self.at_number(next) {
            self.pos += next;
        }
    }

    /// True at a clock time `hh:mm` of the day, written against its colon ("17:00", "8:30").
    fn at_clock(&self) -> bool {
        let (Some(hour), Some(colon), Some(minute)) =
            (self.peek(), self.peek_at(1), self.peek_at(2))
        else {
            return false;
        };
        hour.kind == Tok::Number
            && hour.text.len() <= 2
            && hour.text.parse::<u32>().is_ok_and(|h| h <= 24)
            && colon.is_punct(':')
            && minute.kind == Tok::Number
            && minute.text.len() == 2
            && minute.text.parse::<u32>().is_ok_and(|m| m <= 59)
            && hour.span.end == colon.span.start
            && colon.span.end == minute.span.start
    }

    /// True when the phrase here has begun to name a time, so that an error in it is the
    /// reader's answer rather than a sign that the words are not a deadline: a number,
    /// "quý" and a numeral, "tháng" and a month, "ngày", "mùng" or "năm" and a number, a
    /// count of months from a year's start or end,
    /// "giai đoạn", "đầu/giữa/cuối tháng" or "năm" and a number.
    pub(super) fn strong_start(&self) -> bool {
        let Some(first) = self.peek() else {
            return false;
        };
        // "mười ba tháng đầu năm": months counted in words from a year's start or end.
        let months_of_year = self.count_at(0).is_some_and(|(_, len)| {
            self.at_word(len, "thang")
                && (self.at_word(len + 1, "dau") || self.at_word(len + 1, "cuoi"))
        });
        if months_of_year {
            return true;
        }
        match (first.kind, first.text.as_str()) {
            // "hoàn thành 100%": a share, not a time; "63 tỉnh, thành phố": a count of
            // things. A year ("2018 sẽ hoàn thành") names its time whatever follows.
            (Tok::Number, _) => !self.at_punct(1, '%') && !self.counts_things(self.pos),
            (Tok::Word, "quy") => self.is_quarter_numeral(1) || self.at_number(1),
            (Tok::Word, "thang") => self.at_number(1) || self.month_word(1).is_some(),
            (Tok::Word, "ngay" | "mung" | "mong") => self.at_number(1),
            // "năm thứ hai của giai đoạn …": a year counted in a stage.
            (Tok::Word, "nam") => {
                self.at_number(1)
                    || (self.at_word(1, "thu")
                        && (self.count_at(2).is_some() || self.written(2) == "tư"))
            }
            (Tok::Word, "giai") => self.at_word(1, "doan"),
            // "tuần đầu tháng 3", "tuần thứ 6 tháng 3/2025": a week of a month or a year.
            (Tok::Word, "tuan") => {
                ["dau", "cuoi", "thu"].iter().any(|w| self.at_word(1, w))
                    && self.tokens[self.pos..]
                        .iter()
                        .take(7)
                        .any(|t| t.is_word("thang") || t.is_word("nam"))
            }
            (Tok::Word, "dau" | "giua" | "cuoi") => {
                (self.at_word(1, "thang") || self.at_word(1, "nam")) && self.at_number(2)
            }
            _ => false,
        }
    }

    /// True when the number at token `at` counts things ("63 tỉnh", "3 xã"): a word that
    /// names no time follows it, and it is not a year (a year names its time whatever
    /// follows: "2018 sẽ hoàn thành").
    pub(super) fn counts_things(&self, at: usize) -> bool {
        let number = self.tokens.get(at);
        number.is_some_and(|t| t.kind == Tok::Number && t.text.len() != 4)
            && self.tokens.get(at + 1).is_some_and(|t| {
                t.kind == Tok::Word && !TIME_AFTER_NUMBER.contains(&t.text.as_str())
            })
    }

    /// True when "năm" here, last or before a remark, is a deadline of its own: the whole
    /// cell after "trong", "hết" ("Trong năm", "Đến hết năm"), or a range's end ("từ ngày
    /// 1/9 đến hết năm"). After a duty ("Thường xuyên trong năm") it is the duty's extent,
    /// and before a time ("trong năm, trước ngày 30/6") it only says where the time is.
    pub(super) fn year_alone(&mut self) -> bool {
        // Last, or before a remark that is no time ("Trong năm, trình UBND tỉnh").
        let here = self.pos;
        self.pos += 2;
        let time_after = self.strong_start() || self.at_filler() || self.at_recurring();
        self.pos = here;
        let last = here + 1 == self.tokens.len()
            || (matches!(self.tokens[here + 1].kind, Tok::Punct(',' | '-' | ';')) && !time_after);
        if !last {
            return false;
        }
        let mut before = &self.tokens[..self.pos];
        while let [rest @ .., last] = before
            && ["trong", "het"].iter().any(|w| last.is_word(w))
        {
            before = rest;
        }
        match before {
            [] => true,
            [.., last] => last.is_word("den") || last.is_word("toi") || last.is_punct('-'),
        }
    }

    /// True when a recurring series starts here: "hằng quý", "mỗi năm", "định kỳ 6 tháng".
    /// "theo quý" (by the quarter) is a frequency as "hằng quý" is.
    pub(super) fn at_recurring(&self) -> bool {
        if self.at_months_once(0) {
            return true;
        }
        let at = if self.at_words(&["dinh", "ky"]) {
            2
        } else if self.at_word(0, "hang") || self.at_word(0, "theo") || self.at_each(0) {
            1
        } else {
            return false;
        };
        let by = self.at_word(at - 1, "theo") || self.at_word(at, "theo");
        let at = at + usize::from(self.at_word(at, "hang") || self.at_word(at, "theo"));
        if by {
            return self.at_bare_unit(at);
        }
        ["nam", "quy", "thang"].iter().any(|w| self.at_word(at, w))
            || (self.at_number(at) && self.at_word(at + 1, "thang"))
    }

    /// True at a count of months that divides the year and "một lần" ("6 tháng một lần", "3
    /// tháng 1 lần"): a series with no "hằng" or "định kỳ" before it.
    pub(super) fn at_months_once(&self, ahead: usize) -> bool {
        self.months_step(ahead).is_some()
            && self.at_word(ahead + 1, "thang")
            && (self.at_word(ahead + 2, "mot")
                || self.peek_at(ahead + 2).is_some_and(|t| t.text == "1"))
            && self.at_word(ahead + 3, "lan")
    }

    /// The number at `ahead` when it is a count of months that divides the year: 1, 2, 3, 4,
    /// 6 or 12 ("06" too).
    pub(super) fn months_step(&self, ahead: usize) -> Option<u32> {
        self.peek_at(ahead)
            .filter(|t| t.kind == Tok::Number && t.text.len() <= 2)
            .and_then(|t| t.text.parse::<u32>().ok())
            .filter(|n| [1, 2, 3, 4, 6, 12].contains(n))
    }

    /// True at "mỗi" (each), which says what "hằng" says; "mới" (new) folds to it too.
    pub(super) fn at_each(&self, ahead: usize) -> bool {
        self.at_word(ahead, "moi") && self.written(ahead) == "mỗi"
    }

    /// True when a unit of time stands alone at `ahead`, as after "theo" in a frequency:
    /// "theo quý", "theo tháng, năm", "theo quý năm 2025"; not "theo quy định".
    pub(super) fn at_bare_unit(&self, ahead: usize) -> bool {
        ["quy", "thang", "nam", "tuan", "ngay"]
            .iter()
            .any(|w| self.at_word(ahead, w))
            && self.peek_at(ahead + 1).is_none_or(|t| {
                matches!(t.kind, Tok::Punct(_)) || ["va", "hoac", "nam"].contains(&t.text.as_str())
            })
    }
}
