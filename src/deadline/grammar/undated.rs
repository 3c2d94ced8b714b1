//! The phrases with no date of their own: ongoing duties ("thường xuyên", "là nhiệm vụ
//! thường xuyên"), events ("Khi …", "Theo chỉ đạo của …", "Kỳ họp thứ mười …", "Trong
//! thời hạn 20 ngày kể từ …"), counts of days, and sessions named by their time.

use super::super::lexer::Kind as Tok;
use super::super::{Error, Kind, Resolution};
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
    &["cap", "nhat"],
    &["theo", "doi"],
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
            || self.weekly()
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

    /// "Hằng tuần", "định kỳ hằng tuần", "hằng tuần vào thứ Sáu", consumed: a weekly duty is
    /// ongoing, as a daily one is. Fifty-two due dates a year is no series a plan tracks
    /// occurrence by occurrence (a monthly one is); the weekday names no date of the plan's.
    fn weekly(&mut self) -> bool {
        let start = self.pos;
        self.words(&["dinh", "ky"]);
        let every = self.words(&["hang", "tuan"]) || self.words(&["moi", "tuan"]);
        if !every {
            self.pos = start;
            return false;
        }
        let after = self.pos;
        self.punct(',');
        self.words(&["vao"]);
        let weekday = (self.at_word(0, "thu") && self.peek_at(1).is_some())
            || self.at_words(&["chu", "nhat"]);
        self.pos = if weekday { self.pos + 2 } else { after };
        true
    }

    /// "các năm tiếp theo", "những năm sau", and where `joined` "thời gian tới", "giai
    /// đoạn tiếp theo", consumed: the time after a date.
    fn time_after(&mut self, joined: bool) -> bool {
        let start = self.pos;
        let plural = self.words(&["cac"]) || self.words(&["nhung"]);
        // "các năm", and the quarters or months after a quarter's or a month's first due.
        let period = (plural
            && (self.words(&["nam"]) || self.words(&["quy"]) || self.words(&["thang"])))
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
            // "Cùng với kỳ lập dự toán ngân sách hằng năm", "cùng kỳ báo cáo năm": at the
            // time of another work, named by the words after.
            &["cung", "voi"],
            &["cung", "ky"],
            &["cung", "luc", "voi"],
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
        // "(kể) từ ngày Nghị định có hiệu lực", "tính từ ngày ký": the day an event happens,
        // named by the words after "ngày" where no number in the clause dates it.
        let day_of = self.at_word(0, "ngay")
            && self.pos >= 1
            && self.tokens[self.pos - 1].is_word("tu")
            && self.peek_at(1).is_some_and(|t| {
                t.kind == Tok::Word
                    && !["mung", "mong", "dau", "cuoi", "giua", "hom", "nay", "mai"]
                        .contains(&t.text.as_str())
            })
            && !self.tokens[self.pos..]
                .iter()
                .take_while(|t| !t.is_punct(',') && !t.is_punct(';'))
                .any(|t| t.kind == Tok::Number);
        // "(trước) Đại hội Đảng bộ tỉnh lần thứ XXI", "Phiên họp thứ 3 của Ban Chỉ đạo": a
        // congress, or a meeting with its ordinal, named by its number, not by a date: no
        // number in the clause save an ordinal's after "thứ" (the third, not Tuesday).
        let clause = || {
            self.tokens[self.pos..]
                .iter()
                .take_while(|t| !t.is_punct(',') && !t.is_punct(';'))
        };
        let numbered = clause().any(|t| t.is_word("thu"));
        let congress = (self.at_words(&["dai", "hoi"])
            || (numbered && (self.at_words(&["phien", "hop"]) || self.at_words(&["hoi", "nghi"]))))
            && !clause().enumerate().any(|(i, t)| {
                t.kind == Tok::Number && !(i > 0 && self.tokens[self.pos + i - 1].is_word("thu"))
            });
        // "Sáu tháng cuối năm": six, which folds to "sau" (after).
        let six = self.written(0) == "sáu";
        moment
            || congress
            || during
            || day_of
            || self.at_qualifier()
            || starts
                .iter()
                .any(|words| self.at_words(words) && !(six && words[0] == "sau"))
    }

    /// "Tết Dương lịch 2026" (the solar New Year): 1 January of that year, a date;
    /// "Tết Nguyên đán 2026", "Tết Âm lịch 2026", "Tết Nguyên đán Bính Ngọ 2026" (the lunar
    /// New Year with its year): its first day, which a reader knows ([`lunar_new_year`]), a
    /// date; "dịp" before either only names the day. None (nothing consumed) where no year is
    /// written, or a lunar year outside the table: "Tết" alone, "Tết Nguyên đán" or "Tết
    /// Nguyên đán Bính Ngọ" stay a feast ([`Self::is_event`]). A year's name that is not the
    /// written year's ("Tết Nguyên đán Giáp Thìn 2026") is an error.
    pub(super) fn new_years_day(&mut self) -> Option<Result<Resolution, Error>> {
        let start = self.pos;
        let occasion = if self.at_words(&["nhan", "dip", "tet"]) {
            2
        } else {
            usize::from(self.at_words(&["dip", "tet"]))
        };
        let solar = self.at_words_at(occasion, &["tet", "duong", "lich"]);
        let lunar_words = if self.at_words_at(occasion, &["tet", "nguyen", "dan"])
            || self.at_words_at(occasion, &["tet", "am", "lich"])
        {
            3
        } else {
            usize::from(self.at_word(occasion, "tet"))
        };
        let mut after = occasion + if solar { 3 } else { lunar_words };
        let named = if solar || lunar_words == 0 {
            None
        } else {
            self.year_name(after)
        };
        if named.is_some() {
            after += 2;
        }
        after += usize::from(self.at_word(after, "nam"));
        if !((solar || lunar_words > 0) && self.at_year(after)) {
            return None;
        }
        let year_at = self.pos + after;
        let written = self
            .peek_at(after)
            .and_then(|t| t.text.parse::<i32>().ok())?;
        if !solar && lunar_new_year(written).is_none() {
            return None;
        }
        self.pos = year_at;
        Some(self.year_number().and_then(|year| {
            if solar {
                let day = ymd(year, 1, 1);
                return Ok(Resolution::window(Kind::Date, day, day));
            }
            if let Some((stem, branch)) = named
                && !year_is_named(year, stem, branch)
            {
                let span = self.span_of(start, self.pos);
                let message = format!(
                    "`{}` names another year than {year}: the lunar year {year} is {}",
                    &self.text[span.clone()],
                    year_name_of(year)
                );
                return Err(self.error(span, message));
            }
            let day = lunar_new_year(year).expect("a year of the table");
            Ok(Resolution::window(Kind::Date, day, day))
        }))
    }

    /// The name of a lunar year at `ahead` ("Bính Ngọ", "Ất Tỵ"): its stem and branch, each
    /// as the folded word.
    fn year_name(&self, ahead: usize) -> Option<(usize, usize)> {
        let stem = STEMS.iter().position(|w| self.at_word(ahead, w))?;
        let branch = BRANCHES
            .iter()
            .position(|ws| ws.iter().any(|w| self.at_word(ahead + 1, w)))?;
        Some((stem, branch))
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
    /// "trong 30 ngày tới", "3 tháng sắp tới"; or a time limit alone, whose start the text
    /// leaves to the occasion: "trong thời hạn 15 ngày", "05 ngày làm việc".
    pub(super) fn relative(&mut self) -> bool {
        let start = self.pos;
        let limit = self.words(&["thoi", "han"]);
        let _ = limit || self.words(&["vong"]);
        let counted = self.count_at(0).filter(|&(_, len)| {
            ["ngay", "thang", "nam", "tuan", "gio"]
                .iter()
                .any(|w| self.at_word(len, w))
        });
        if let Some((_, len)) = counted {
            self.pos += len + 1;
            let working = self.words(&["lam", "viec"]);
            let alone = self
                .peek()
                .is_none_or(|t| t.is_punct(',') || t.is_punct(';') || t.is_punct('.'));
            let counted_from = self.at_words(&["ke", "tu"])
                || self.at_words(&["tinh", "tu"])
                || self.at_words(&["so", "voi"])
                || self.at_word(0, "sau")
                || self.at_word(0, "truoc")
                || self.at_word(0, "den")
                || self.at_word(0, "toi")
                || self.at_words(&["sap", "toi"])
                || self.at_words(&["tiep", "theo"]);
            if counted_from || ((limit || working) && alone) {
                return true;
            }
        }
        self.pos = start;
        false
    }

    /// Days counted from a stated date, consumed when they are the whole phrase: "(trong
    /// vòng) 30 ngày kể từ ngày 01/7/2025". The Civil Code (Art. 147) counts a time in days
    /// from the day after the one named, so thirty days from 1 July end on 31 July; the
    /// window opens on the day named. Working days ("ngày làm việc") depend on the holidays
    /// of the year and stay a time counted from an event.
    pub(super) fn days_from_a_date(&mut self) -> Option<Resolution> {
        let start = self.pos;
        let _ = self.words(&["thoi", "han"]) || self.words(&["vong"]);
        let count = self
            .count_at(0)
            .filter(|&(n, len)| self.at_word(len, "ngay") && (1..=3660).contains(&n));
        let found = count.and_then(|(n, len)| {
            self.pos += len + 1;
            let from = self.words(&["ke", "tu"]) || self.words(&["tinh", "tu"]);
            self.words(&["ngay"]);
            let day = from.then(|| self.full_date().ok()).flatten()?;
            let first = day.due.filter(|_| self.ends_phrase(0))?;
            let last = first.checked_add_days(chrono::Days::new(u64::from(n)))?;
            Some(Resolution::window(Kind::Span, first, last))
        });
        if found.is_none() {
            self.pos = start;
        }
        found
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

/// The ten heavenly stems, folded: giáp, ất, bính, đinh, mậu, kỷ, canh, tân, nhâm, quý.
const STEMS: [&str; 10] = [
    "giap", "at", "binh", "dinh", "mau", "ky", "canh", "tan", "nham", "quy",
];

/// The twelve earthly branches, folded, each with its other spellings: tý, sửu, dần, mão
/// (mẹo), thìn, tỵ (tị), ngọ, mùi, thân, dậu, tuất, hợi ("tý" and "tỵ" fold alike).
const BRANCHES: [&[&str]; 12] = [
    &["ty"],
    &["suu"],
    &["dan"],
    &["mao", "meo"],
    &["thin"],
    &["ty", "ti"],
    &["ngo"],
    &["mui"],
    &["than"],
    &["dau"],
    &["tuat"],
    &["hoi"],
];

/// True when the stem and branch at these places name `year` (1984, Giáp Tý, starts both
/// cycles; "ty" stands for Tý and Tỵ).
fn year_is_named(year: i32, stem: usize, branch: usize) -> bool {
    let stem_of = usize::try_from((year - 4).rem_euclid(10)).unwrap_or(0);
    let branch_of = usize::try_from((year - 4).rem_euclid(12)).unwrap_or(0);
    let same_branch = BRANCHES[branch]
        .iter()
        .any(|w| BRANCHES[branch_of].contains(w));
    stem == stem_of && same_branch
}

/// The name of `year` in the sixty-year cycle, as written: "Bính Ngọ".
fn year_name_of(year: i32) -> String {
    const STEM: [&str; 10] = [
        "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý",
    ];
    const BRANCH: [&str; 12] = [
        "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi",
    ];
    let stem = usize::try_from((year - 4).rem_euclid(10)).unwrap_or(0);
    let branch = usize::try_from((year - 4).rem_euclid(12)).unwrap_or(0);
    format!("{} {}", STEM[stem], BRANCH[branch])
}

/// The first day of the lunar year that starts in `year` (Tết Nguyên đán), 2015 to 2035, in
/// Vietnam's calendar (UTC+7). The days are those of Hồ Ngọc Đức's Vietnamese lunar
/// calendar (<https://www.informatik.uni-leipzig.de/~duc/amlich/>: the new moons and solar
/// terms of Jean Meeus's "Astronomical Algorithms", reckoned at UTC+7), computed with that
/// algorithm for each year. 2030 is 2 February in Vietnam, a day before China's New Year:
/// the new moon falls before midnight at UTC+7 and after it at UTC+8.
pub(super) fn lunar_new_year(year: i32) -> Option<NaiveDate> {
    const FIRST_DAYS: [(u32, u32); 21] = [
        (2, 19), // 2015 Ất Mùi
        (2, 8),  // 2016 Bính Thân
        (1, 28), // 2017 Đinh Dậu
        (2, 16), // 2018 Mậu Tuất
        (2, 5),  // 2019 Kỷ Hợi
        (1, 25), // 2020 Canh Tý
        (2, 12), // 2021 Tân Sửu
        (2, 1),  // 2022 Nhâm Dần
        (1, 22), // 2023 Quý Mão
        (2, 10), // 2024 Giáp Thìn
        (1, 29), // 2025 Ất Tỵ
        (2, 17), // 2026 Bính Ngọ
        (2, 6),  // 2027 Đinh Mùi
        (1, 26), // 2028 Mậu Thân
        (2, 13), // 2029 Kỷ Dậu
        (2, 2),  // 2030 Canh Tuất
        (1, 23), // 2031 Tân Hợi
        (2, 11), // 2032 Nhâm Tý
        (1, 31), // 2033 Quý Sửu
        (2, 19), // 2034 Giáp Dần
        (2, 8),  // 2035 Ất Mão
    ];
    let index = usize::try_from(year.checked_sub(2015)?).ok()?;
    let &(month, day) = FIRST_DAYS.get(index)?;
    NaiveDate::from_ymd_opt(year, month, day)
}
