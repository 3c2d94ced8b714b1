//! Round 9: a held-out measurement. Sixty new phrasings of the “Thời gian hoàn thành” column
//! of 2023–2026 plans, none in rounds 5–8 or `phrasings.toml`, written and given their
//! readings before the grammar was read or changed for them, in roughly the proportions a real
//! appendix column has them (most cells plain). Five are real, each with its source; the rest
//! are made up in the kinds real plans use and earlier rounds did not probe: weeks of a month,
//! the points of a quarter, Tết, school years, rounds (“đợt”), stages in one cell, cells that
//! start with a verb or name the unit, abbreviations, capitals, stray spaces and punctuation,
//! and a few nonsense cells that must stay errors. Each line is `phrase | plan year |
//! reading`, as in [`super::tests_round5`]. The rows the grammar did not read before this
//! round's rules were marked `// BEFORE fails: …` in the commit that added them.
//!
//! Conventions fixed before the run: a week of a month is the seven days from the 1st (the
//! first), the 8th (the second), and so on, and the last seven days (the last), a span; a
//! quarter's đầu/giữa/cuối is the quarter, as “đầu quý I/2025” in `phrasings.toml` is (the
//! Civil Code names no day of a quarter); Tết Nguyên đán is a lunar date, an event, while
//! Tết Dương lịch is 1 January (round 10 reads Tết Nguyên đán with its year as its first day).
//!
//! Read before the round's rules: 45 of 60 (plain 13/15, weeks 0/5, quarter points and Tết
//! 5/7, school years, rounds and stages 8/8, verbs and units 6/6, notation 7/11, recurring
//! 3/4, nonsense 3/4, where the nonsense that read was the miss). As first written, 44: one
//! expected reading (“Triển khai từ tháng 01/2026”, written open-ended) was corrected to the
//! convention `phrasings.toml` holds (“từ tháng 2.2017” is that month), which the grammar gave;
//! two rows first written repeated earlier tables (“THƯỜNG XUYÊN”, “6 tháng cuối năm”) and
//! were replaced (“DUY TRÌ THƯỜNG XUYÊN”, “06 tháng cuối năm nay”) before the count.
//! After the round's rules: 60 of 60.

use super::tests_round5::check_lines;

/// Plain periods and days, the bulk of a real column.
const PLAIN: &str = "
Quý I/2027 | 2026 | quarter 2027-01-01..2027-03-31 [2027-03-31]
Tháng 8 năm 2026 | 2026 | month 2026-08-01..2026-08-31 [2026-08-31]
Năm 2027 | 2026 | year 2027-01-01..2027-12-31 [2027-12-31]
Trước 30/11/2025 | 2025 | date 2025-11-30..2025-11-30 [2025-11-30]
// source: https://github.com/thetrungdtt/VNMasterplan/blob/57c69b2f18710d9f3e0391cd7bd2ef07d7eb35f5/ketquadaura03.md
3/2025 | 2025 | month 2025-03-01..2025-03-31 [2025-03-31]
// source: https://github.com/thetrungdtt/VNMasterplan/blob/57c69b2f18710d9f3e0391cd7bd2ef07d7eb35f5/ketquadaura03.md
12/2026 | 2025 | month 2026-12-01..2026-12-31 [2026-12-31]
// source: https://github.com/thetrungdtt/VNMasterplan/blob/57c69b2f18710d9f3e0391cd7bd2ef07d7eb35f5/ketquadaura03.md
9/2025 | 2025 | month 2025-09-01..2025-09-30 [2025-09-30]
Tháng 9-2025 | 2025 | month 2025-09-01..2025-09-30 [2025-09-30]
06 tháng cuối năm nay | 2026 | half 2026-07-01..2026-12-31 [2026-12-31]
Quý cuối năm 2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
Tháng cuối quý III/2025 | 2025 | month 2025-09-01..2025-09-30 [2025-09-30]
Chậm nhất 31/3/2026 | 2025 | date 2026-03-31..2026-03-31 [2026-03-31]
Ngày 20 tháng 10 năm 2025 | 2025 | date 2025-10-20..2025-10-20 [2025-10-20]
Giai đoạn 2026 - 2030 | 2025 | span 2026-01-01..2030-12-31 [2030-12-31]
Hết năm 2026 | 2025 | year 2026-01-01..2026-12-31 [2026-12-31]
";

/// Weeks of a month: seven days from the 1st, the 8th, …; the last week is the last seven.
const WEEKS: &str = "
Tuần đầu tháng 3/2025 | 2025 | span 2025-03-01..2025-03-07 [2025-03-07]
Tuần cuối tháng 6/2025 | 2025 | span 2025-06-24..2025-06-30 [2025-06-30]
Trong tuần đầu tiên của tháng 01/2026 | 2025 | span 2026-01-01..2026-01-07 [2026-01-07]
Tuần thứ hai của tháng 10/2025 | 2025 | span 2025-10-08..2025-10-14 [2025-10-14]
// A week the cell does not name: counted from a day it does not name, an event.
Trong tuần | 2025 | event -..- []
";

/// The points of a quarter, and Tết.
const QUARTER_POINTS_AND_TET: &str = "
Đầu quý III/2025 | 2025 | quarter 2025-07-01..2025-09-30 [2025-09-30]
Giữa quý II/2026 | 2025 | quarter 2026-04-01..2026-06-30 [2026-06-30]
Cuối quý 4/2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
Trước cuối quý I/2026 | 2025 | quarter 2026-01-01..2026-03-31 [2026-03-31]
// An event when written; since round 10, Tết Nguyên đán with its year is its first day.
Trước Tết Nguyên đán 2026 | 2025 | date 2026-02-17..2026-02-17 [2026-02-17]
Trước Tết Dương lịch 2026 | 2025 | date 2026-01-01..2026-01-01 [2026-01-01]
Dịp Tết Nguyên đán Bính Ngọ | 2025 | event -..- []
";

/// School years, rounds and stages in one cell.
const SCHOOL_ROUNDS_AND_STAGES: &str = "
Năm học 2026-2027 | 2026 | span 2026-09-01..2027-05-31 [2027-05-31]
Trong năm học 2025 - 2026 | 2025 | span 2025-09-01..2026-05-31 [2026-05-31]
Đợt 1: tháng 4/2025; Đợt 2: tháng 10/2025 | 2025 | several 2025-04-01..2025-10-31 [2025-04-30 2025-10-31]
Đợt 1 trước 30/6/2025, đợt 2 trước 30/11/2025 | 2025 | several 2025-06-30..2025-11-30 [2025-06-30 2025-11-30]
02 đợt: quý II và quý IV/2025 | 2025 | several 2025-04-01..2025-12-31 [2025-06-30 2025-12-31]
- Quý II/2025: hoàn thành dự thảo; - Quý IV/2025: trình ban hành | 2025 | several 2025-04-01..2025-12-31 [2025-06-30 2025-12-31]
Xây dựng dự thảo: tháng 7/2025; trình ký: tháng 9/2025 | 2025 | several 2025-07-01..2025-09-30 [2025-07-31 2025-09-30]
Sơ kết: 30/6/2025; tổng kết: 15/12/2025 | 2025 | several 2025-06-30..2025-12-15 [2025-06-30 2025-12-15]
";

/// Cells that start with a verb, or name the unit or the product.
const VERBS_AND_UNITS: &str = "
Ban hành trước 31/12/2025 | 2025 | date 2025-12-31..2025-12-31 [2025-12-31]
Triển khai từ tháng 01/2026 | 2025 | month 2026-01-01..2026-01-31 [2026-01-31]
Hoàn thành và đưa vào sử dụng trong quý III/2026 | 2026 | quarter 2026-07-01..2026-09-30 [2026-09-30]
Ký ban hành trước ngày 20/01/2026 | 2025 | date 2026-01-20..2026-01-20 [2026-01-20]
Văn phòng chủ trì, hoàn thành trong quý IV/2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
Báo cáo sơ kết - tháng 6/2025 | 2025 | month 2025-06-01..2025-06-30 [2025-06-30]
";

/// Abbreviations, capitals, stray spaces and punctuation.
const NOTATION: &str = "
Q.II/2025 | 2025 | quarter 2025-04-01..2025-06-30 [2025-06-30]
Th6/2025 | 2025 | month 2025-06-01..2025-06-30 [2025-06-30]
N2025 | 2025 | year 2025-01-01..2025-12-31 [2025-12-31]
Q.4-2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
QUÝ IV/2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
DUY TRÌ THƯỜNG XUYÊN | 2025 | ongoing -..- []
TRƯỚC NGÀY 30/9/2025 | 2025 | date 2025-09-30..2025-09-30 [2025-09-30]
Quý  II / 2025 . | 2025 | quarter 2025-04-01..2025-06-30 [2025-06-30]
30/06/2025; | 2025 | date 2025-06-30..2025-06-30 [2025-06-30]
Tháng 10 /2025 , | 2025 | month 2025-10-01..2025-10-31 [2025-10-31]
31 / 12 / 2025 | 2025 | date 2025-12-31..2025-12-31 [2025-12-31]
";

/// Recurring duties.
const RECURRING: &str = "
// source: https://phapluatdoanhnghiep.vn/lich-nop-bao-cao-thue-lao-dong-bao-hiem-ho-so-hse-thang-12-2025-cho-doanh-nghiep/
Trước ngày 03 hàng tháng | 2025 | recurring 2025-01-01..2025-12-03 [2025-01-03 2025-02-03 2025-03-03 2025-04-03 2025-05-03 2025-06-03 2025-07-03 2025-08-03 2025-09-03 2025-10-03 2025-11-03 2025-12-03]
// source: https://phapluatdoanhnghiep.vn/lich-nop-bao-cao-thue-lao-dong-bao-hiem-ho-so-hse-thang-12-2025-cho-doanh-nghiep/
Định kỳ hằng năm (trước ngày 05 tháng 12) | 2025 | recurring 2025-01-01..2025-12-05 [2025-12-05]
Cuối mỗi quý | 2025 | recurring 2025-01-01..2025-12-31 [2025-03-31 2025-06-30 2025-09-30 2025-12-31]
Trước ngày 05 tháng đầu tiên của quý sau | 2025 | recurring 2025-01-01..2026-01-05 [2025-04-05 2025-07-05 2025-10-05 2026-01-05]
";

/// Cells no reader can read as a deadline: they must stay errors (the messages were pinned
/// from the first run; that each is an error was fixed before it).
const NONSENSE: &str = "
Tháng 0/2025 | 2025 | error: month 0 does not exist: write 1 to 12
Quý II/2025/2026 | 2025 | error: unexpected `/2026` after the deadline
Tuần thứ 6 tháng 3/2025 | 2025 | error: `Tuần thứ 6 tháng 3/2025` does not exist: a month's weeks start on the 1st, 8th, 15th, 22nd and 29th (tuần thứ 1 to 5)
Q.V/2025 | 2025 | error: quarter `V` does not exist: write I, II, III or IV
";

#[test]
fn plain_periods_and_days() {
    check_lines(PLAIN);
}

#[test]
fn weeks_of_a_month() {
    check_lines(WEEKS);
}

#[test]
fn quarter_points_and_tet() {
    check_lines(QUARTER_POINTS_AND_TET);
}

#[test]
fn school_years_rounds_and_stages() {
    check_lines(SCHOOL_ROUNDS_AND_STAGES);
}

#[test]
fn verbs_and_units() {
    check_lines(VERBS_AND_UNITS);
}

#[test]
fn notation() {
    check_lines(NOTATION);
}

#[test]
fn recurring() {
    check_lines(RECURRING);
}

#[test]
fn nonsense_does_not_read() {
    check_lines(NONSENSE);
}

/// Other wordings of the round's rules, and where they stop.
#[test]
fn the_rules_reach_their_neighbours() {
    check_lines(
        "
// A month or a quarter named by its place in a longer period.
Tháng đầu năm 2026 | 2025 | month 2026-01-01..2026-01-31 [2026-01-31]
Tháng cuối năm | 2025 | month 2025-12-01..2025-12-31 [2025-12-31]
tháng giữa quý II/2025 | 2025 | month 2025-05-01..2025-05-31 [2025-05-31]
quý đầu tiên của năm 2026 | 2025 | quarter 2026-01-01..2026-03-31 [2026-03-31]
// The last week of February, the fifth of March (three days), the first of a year.
Tuần cuối tháng 2/2025 | 2025 | span 2025-02-22..2025-02-28 [2025-02-28]
tuần thứ 5 tháng 3/2025 | 2025 | span 2025-03-29..2025-03-31 [2025-03-31]
tuần đầu năm 2026 | 2025 | span 2026-01-01..2026-01-07 [2026-01-07]
Trong tuần này | 2025 | event -..- []
Từ tuần đầu tháng 3 đến tuần cuối tháng 4/2025 | 2025 | span 2025-03-01..2025-04-30 [2025-04-30]
// Abbreviations with a dot, “Th”, a numeral glued to “Q”.
T.6/2025 | 2025 | month 2025-06-01..2025-06-30 [2025-06-30]
Th.10/2025 | 2025 | month 2025-10-01..2025-10-31 [2025-10-31]
QIII/2026 | 2025 | quarter 2026-07-01..2026-09-30 [2026-09-30]
// Before the start of a quarter is the day before it; before its middle or end, the quarter.
Trước đầu quý III/2025 | 2025 | date 2025-06-30..2025-06-30 [2025-06-30]
Trước giữa quý III/2025 | 2025 | quarter 2025-07-01..2025-09-30 [2025-09-30]
Trước Tết Dương lịch năm 2026 | 2025 | date 2026-01-01..2026-01-01 [2026-01-01]
// A stage's time, a colon, then what is done in it (words only, to the next “;”).
Tháng 7/2025: khảo sát, đánh giá; tháng 9/2025: báo cáo kết quả | 2025 | several 2025-07-01..2025-09-30 [2025-07-31 2025-09-30]
Quý IV/2025: sơ kết | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
// “cuối cùng” (the very last) says what “cuối” says.
ngày 15 tháng cuối cùng của quý | 2025 | recurring 2025-01-01..2025-12-15 [2025-03-15 2025-06-15 2025-09-15 2025-12-15]
",
    );
}

/// What the round's rules read stays nonsense where the words are.
#[test]
fn nonsense_still_does_not_read() {
    check_lines(
        "
Tuần thứ 5 tháng 2/2025 | 2025 | error: `Tuần thứ 5 tháng 2/2025` does not exist: a month's weeks start on the 1st, 8th, 15th, 22nd and 29th (tuần thứ 1 to 5)
tuần thứ hai tháng 13/2025 | 2025 | error: month 13 does not exist: write 1 to 12
Tháng cuối quý V/2025 | 2025 | error: quarter `V` does not exist: write I, II, III or IV
QV/2025 | 2025 | error: quarter `V` does not exist: write I, II, III or IV
Th13/2025 | 2025 | error: month 13 does not exist: write 1 to 12
// A week of a year is named only by its place: the first or the last.
tuần thứ 3 năm 2025 | 2025 | error: cannot read `tuần thứ 3 năm 2025` as a deadline
// With no year, which New Year is meant is a guess: an event, as Tết Nguyên đán is.
Tết Dương lịch | 2025 | event -..- []
hàng tuần | 2025 | error: cannot read `hàng tuần` as a deadline
// Without a colon, words after the deadline are still an error.
Quý IV/2025 sơ kết | 2025 | error: unexpected `sơ kết` after the deadline
",
    );
}

/// Written after the round's rules, by the same hand, to see them on phrasings they were
/// not fitted to: 18 of 20 read without further changes (the nonsense row among them, an
/// error as written). Of the two that did not, “- Quý III/2025: hoàn thành khảo sát; - Quý
/// I/2026: tổng kết” led to one more rule (a stage's time, a colon, then words up to “;” that
/// say what is done in it); “Hằng quý, tuần đầu tháng đầu quý sau”, a series of weeks, was
/// left alone. After: 19 of 20.
const AFTER_THE_RULES: &str = "
Tuần thứ ba tháng 11/2025 | 2025 | span 2025-11-15..2025-11-21 [2025-11-21]
Trong tuần cuối của tháng 12/2025 | 2025 | span 2025-12-25..2025-12-31 [2025-12-31]
Tuần đầu tháng 01 năm 2026 | 2025 | span 2026-01-01..2026-01-07 [2026-01-07]
Tháng cuối quý IV/2025 | 2025 | month 2025-12-01..2025-12-31 [2025-12-31]
Quý cuối của năm 2026 | 2025 | quarter 2026-10-01..2026-12-31 [2026-12-31]
Q.III/2026 | 2026 | quarter 2026-07-01..2026-09-30 [2026-09-30]
Th12/2025 | 2025 | month 2025-12-01..2025-12-31 [2025-12-31]
QUÝ I NĂM 2026 | 2025 | quarter 2026-01-01..2026-03-31 [2026-03-31]
Trước cuối quý II/2026 | 2026 | quarter 2026-04-01..2026-06-30 [2026-06-30]
Đợt 1: quý II/2025; đợt 2: quý IV/2025 | 2025 | several 2025-04-01..2025-12-31 [2025-06-30 2025-12-31]
Năm học 2025-2026 và năm học 2026-2027 | 2025 | several 2025-09-01..2027-05-31 [2026-05-31 2027-05-31]
Trình UBND tỉnh ban hành trong tuần đầu tháng 4/2025 | 2025 | span 2025-04-01..2025-04-07 [2025-04-07]
Trước Tết Dương lịch 2027 | 2026 | date 2027-01-01..2027-01-01 [2027-01-01]
Tháng 7-2026 | 2026 | month 2026-07-01..2026-07-31 [2026-07-31]
15/10/2025; | 2025 | date 2025-10-15..2025-10-15 [2025-10-15]
Chậm nhất tuần cuối tháng 9/2025 | 2025 | span 2025-09-24..2025-09-30 [2025-09-30]
// NOT READ in round 9 (a series of weeks; got `error: expected a month (1 to 12) here`); read
// since round 10's series of weeks:
Hằng quý, tuần đầu tháng đầu quý sau | 2025 | recurring 2025-01-01..2026-01-07 [2025-04-07 2025-07-07 2025-10-07 2026-01-07]
Giữa quý III/2025 | 2025 | quarter 2025-07-01..2025-09-30 [2025-09-30]
- Quý III/2025: hoàn thành khảo sát; - Quý I/2026: tổng kết | 2025 | several 2025-07-01..2026-03-31 [2025-09-30 2026-03-31]
Tuần thứ 7 tháng 5/2025 | 2025 | error: `Tuần thứ 7 tháng 5/2025` does not exist: a month's weeks start on the 1st, 8th, 15th, 22nd and 29th (tuần thứ 1 to 5)
";

#[test]
fn written_after_the_rules() {
    check_lines(AFTER_THE_RULES);
}
