//! The phrases with no date of their own: ongoing duties ("thường xuyên", "là nhiệm vụ
//! thường xuyên"), events ("Khi …", "Theo chỉ đạo của …", "Kỳ họp thứ mười …", "Trong
//! thời hạn 20 ngày kể từ …"), counts of days, and sessions named by their time.

use super::super::lexer::Kind as Tok;
use super::super::{Error, Resolution};
use super::*;

/// Words before an ongoing duty that say it goes on: "là nhiệm vụ thường xuyên", "tiếp tục
/// thực hiện thường xuyên", "sau đó duy trì liên tục", "đồng thời triển khai thường xuyên".
const ONGOING_LEADS: &[&[&str]] = &[
    &["la"],
    &["cac", "nhiem", "vu"],
    &["nhiem", "vu"],
    &["sau", "do"],
    &["tiep", "tuc"],
    &["dong", "thoi"],
    &["duy", "tri"],
    &["thuc", "hien"],
    &["trien", "khai"],
    &["to", "chuc"],
    &["trong"],
];

impl Parser<'_> {
    /// An ongoing duty, consumed: "thường xuyên", "liên tục", "hằng ngày", after words that
    /// say the duty goes on ("là nhiệm vụ", "tiếp tục thực hiện", "sau đó duy trì", "đồng
    /// thời triển khai"); the years after a date ("các năm tiếp theo", "những năm sau": plural,
    /// where "năm sau" is next year); after a joiner (`joined`) also "(trong) thời gian tới",
    /// "giai đoạn tiếp theo".
    pub(super) fn ongoing(&mut self, joined: bool) -> bool {
        let start = self.pos;
        while let Some(lead) = ONGOING_LEADS.iter().find(|lead| self.at_words(lead)) {
            self.pos += lead.len();
        }
        let core = self.words(&["thuong", "xuyen"])
            || self.words(&["lien", "tuc"])
            || self.words(&["hang", "ngay"])
            || self.time_after(joined);
        if !core {
            self.pos = start;
            return false;
        }
        // "các năm sau thực hiện thường xuyên": the time after, and the duty in it.
        self.ongoing(joined);
        true
    }

    /// Words that say a duty goes on ([`ONGOING_LEADS`]) before a series, consumed: "sau
    /// đó thực hiện hằng năm", "tiếp tục định kỳ hằng quý" name the series.
    pub(super) fn series_lead(&mut self) -> bool {
        let start = self.pos;
        while let Some(lead) = ONGOING_LEADS.iter().find(|lead| self.at_words(lead)) {
            self.pos += lead.len();
        }
        let found = self.pos > start && self.at_recurring();
        if !found {
            self.pos = start;
        }
        found
    }

    /// "các năm tiếp theo", "những năm sau", and where `joined` "thời gian tới", "giai
    /// đoạn tiếp theo", consumed: the time after a date.
    fn time_after(&mut self, joined: bool) -> bool {
        let start = self.pos;
        let plural = self.words(&["cac"]) || self.words(&["nhung"]);
        let period = (plural && self.words(&["nam"]))
            || (joined && (self.words(&["thoi", "gian"]) || self.words(&["giai", "doan"])));
        let after = period
            && (self.words(&["tiep", "theo"]) || self.words(&["sau"]) || self.words(&["toi"]));
        if !after {
            self.pos = start;
        }
        after
    }

    /// True where an ongoing duty starts.
    pub(super) fn at_ongoing(&mut self) -> bool {
        let start = self.pos;
        let found = self.ongoing(false);
        self.pos = start;
        found
    }

    /// True where an event starts: "Khi …", "Sau khi …", "Kỳ họp thứ mười …", "Tết …",
    /// "Đột xuất", or where the words name what the date depends on ([`Self::at_qualifier`]).
    pub(super) fn is_event(&self) -> bool {
        let starts = [
            &["khi"][..],
            &["sau", "khi"],
            &["ngay", "sau", "khi"],
            &["sau"],
            &["ky", "hop"],
            &["tet"],
            &["dip", "tet"],
            &["dot", "xuat"],
            &["dau", "ky"],
            &["giua", "ky"],
            &["cuoi", "ky"],
        ];
        // "thời điểm khai mạc Đại hội …": the moment an event happens, named by the words
        // after it (before a date `skip_prefix` has already passed it); alone it names nothing.
        let moment = self.at_words(&["thoi", "diem"])
            && self.peek_at(2).is_some_and(|t| t.kind == Tok::Word);
        // "(trong) thời gian thực hiện Đề án": the time an event lasts, named by the words
        // after it, where no number in the clause dates it ("thời gian tới" is the time to
        // come, which [`Self::ongoing`] reads after a date).
        let during = self.at_words(&["thoi", "gian"])
            && self.peek_at(2).is_some_and(|t| {
                t.kind == Tok::Word && !["toi", "tiep", "sap"].contains(&t.text.as_str())
            })
            && !self.tokens[self.pos..]
                .iter()
                .take_while(|t| !t.is_punct(',') && !t.is_punct(';'))
                .any(|t| t.kind == Tok::Number);
        // "Sáu tháng cuối năm": six, which folds to "sau" (after).
        let six = self.written(0) == "sáu";
        moment
            || during
            || self.at_qualifier()
            || starts
                .iter()
                .any(|words| self.at_words(words) && !(six && words[0] == "sau"))
    }

    /// "Tết Dương lịch 2026" (the solar New Year): 1 January of that year, a date, where
    /// "Tết" alone or "Tết Nguyên đán" is a lunar feast ([`Self::is_event`]). None (nothing
    /// consumed) where no year is written: which New Year is meant is the reader's guess.
    pub(super) fn new_years_day(&mut self) -> Option<Result<Resolution, Error>> {
        let named = self.at_words(&["tet", "duong", "lich"]);
        let at = 3 + usize::from(self.at_word(3, "nam"));
        if !(named && self.at_year(at)) {
            return None;
        }
        self.pos += at;
        Some(self.year_number().map(|year| {
            let day = ymd(year, 1, 1);
            Resolution::window(Kind::Date, day, day)
        }))
    }

    /// True at "để" (so that): the words after a deadline give its purpose. Folding makes
    /// "đề" (đề án) the same word, so the word as written decides.
    pub(super) fn at_purpose(&self) -> bool {
        self.at_word(0, "de") && self.written(0) == "để"
    }

    /// True at words that name what a date depends on: "theo" and what it follows ("theo
    /// kế hoạch", "theo chỉ đạo của …", "theo thông báo của …", "theo từng giai đoạn"; not
    /// "theo quý", a frequency), "tùy (theo/thuộc) …", "căn cứ (vào) …", "phụ thuộc (vào) …".
    /// Alone they are an event; after a date they qualify it, and the date stands.
    pub(super) fn at_qualifier(&self) -> bool {
        // "theo quý": a frequency.
        let follows = self.peek_at(1).is_some_and(|t| t.kind == Tok::Word) && !self.at_bare_unit(1);
        (self.at_word(0, "theo") && follows)
            || (self.at_word(0, "tuy") && self.peek_at(1).is_some())
            || (self.at_words(&["can", "cu"]) && self.peek_at(2).is_some())
            || (self.at_words(&["phu", "thuoc"]) && self.peek_at(2).is_some())
    }

    /// A time counted from an event, consumed with the rest: "(trong) thời hạn 20 ngày
    /// kể từ ngày luật … được thông qua", "trong vòng 3 năm kể từ …", "45 ngày làm việc
    /// đến thời điểm khai mạc …"; or from a day the text does not name: "hai tuần tới",
    /// "trong 30 ngày tới", "3 tháng sắp tới".
    pub(super) fn relative(&mut self) -> bool {
        let start = self.pos;
        let _ = self.words(&["thoi", "han"]) || self.words(&["vong"]);
        let counted = self.count_at(0).filter(|&(_, len)| {
            ["ngay", "thang", "nam", "tuan", "gio"]
                .iter()
                .any(|w| self.at_word(len, w))
        });
        if let Some((_, len)) = counted {
            self.pos += len + 1;
            self.words(&["lam", "viec"]);
            let counted_from = self.at_words(&["ke", "tu"])
                || self.at_words(&["tinh", "tu"])
                || self.at_word(0, "sau")
                || self.at_word(0, "truoc")
                || self.at_word(0, "den")
                || self.at_word(0, "toi")
                || self.at_words(&["sap", "toi"])
                || self.at_words(&["tiep", "theo"]);
            if counted_from {
                return true;
            }
        }
        self.pos = start;
        false
    }

    /// A length in days, consumed: "25 ngày" before ", bắt đầu từ ngày 1/4/2019", "diễn ra
    /// trong 30 ngày", "kéo dài 2 tuần" after a start.
    pub(super) fn duration(&mut self) -> Option<u32> {
        let start = self.pos;
        loop {
            let lead = self.words(&["dien", "ra"])
                || self.words(&["keo", "dai"])
                || self.words(&["trong", "vong"])
                || self.words(&["trong"]);
            if !lead {
                break;
            }
        }
        let per_unit = if self.at_word(1, "ngay") {
            1
        } else if self.at_word(1, "tuan") {
            7
        } else {
            0
        };
        // "30 ngày đêm": days and nights, still days.
        let nights = usize::from(per_unit == 1 && self.at_word(2, "dem"));
        let ends = self.at_punct(2 + nights, ',')
            || self.at_punct(2 + nights, ';')
            || self.peek_at(2 + nights).is_none();
        let count = self
            .peek()
            .filter(|t| t.kind == Tok::Number && per_unit > 0 && ends)
            .and_then(|t| t.text.parse::<u32>().ok())
            .filter(|&n| (1..=3660).contains(&n));
        match count {
            Some(n) => {
                self.pos += 2 + nights;
                Some(n * per_unit)
            }
            None => {
                self.pos = start;
                None
            }
        }
    }

    /// "Kỳ họp tháng 5 năm 2025", "kỳ họp thứ 9 (tháng 5/2025)" read without the remark:
    /// a session named by its time is that time; "kỳ họp thứ 10" stays an event. None
    /// (nothing consumed) when no time follows the session's name and ordinal.
    pub(super) fn dated_session(&mut self) -> Option<Result<Resolution, Error>> {
        if !self.at_words(&["ky", "hop"]) {
            return None;
        }
        let start = self.pos;
        self.pos += 2;
        if self.at_word(0, "thu") {
            // "thứ 9", "thứ mười", "thứ nhất": the session's ordinal.
            if let Some((_, len)) = self.count_at(1) {
                self.pos += 1 + len;
            } else if self.at_word(1, "nhat") {
                self.pos += 2;
            }
        }
        self.punct(',');
        let named = self.pos;
        self.skip_prefix();
        if !self.strong_start() {
            let described = self.described_time(named);
            if described.is_none() {
                self.pos = start;
            }
            return described.map(Ok);
        }
        let reading = self.body(false);
        if reading.is_err() {
            self.pos = start;
            return None;
        }
        if self.tokens[self.pos..]
            .iter()
            .all(|t| t.kind != Tok::Number)
        {
            // "kỳ họp tháng 10/2025 của Quốc hội": the rest names whose session it is.
            self.pos = self.tokens.len();
        }
        reading.ok().map(Ok)
    }

    /// "Kỳ họp thứ nhất của Quốc hội được khai mạc ngày 20/7/2021": after a session's name,
    /// words that say whose it is and what happens, then its time, read to the end. Only
    /// words stand between: a number among them ("khóa 15") is not skipped over.
    fn described_time(&mut self, from: usize) -> Option<Resolution> {
        for i in from..self.tokens.len() {
            if self.tokens[i].kind != Tok::Word {
                return None;
            }
            self.pos = i;
            if !(self.at_filler() || self.strong_start()) {
                continue;
            }
            self.skip_prefix();
            if !self.strong_start() {
                continue;
            }
            if let Ok(reading) = self.body(false) {
                self.skip_punct();
                if self.pos == self.tokens.len() {
                    return Some(reading);
                }
            }
        }
        None
    }
}
