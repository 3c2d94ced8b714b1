//! Round 5: made-up variants of the kinds of issue 22, written to vary what the rules might
//! have fitted on (other units, joining words, verbs, word order, case, spacing, dashes,
//! spelled-out years, trailing notes). None is in `phrasings.toml`. Each line of a table is
//! `phrase | plan year | reading`, the reading in the notation of tests/deadline_language.
//!
//! Read before the round's rules: 99 of the first 115 (joined to ongoing 4/12, recurring
//! joined 13/14, ranges and lists 12/14, typos 16/17, sentences 14/14, no date 13/17, Civil
//! Code 12/12, months and days 15/15). The 26 of [`HELD_OUT`], written once the first fixes
//! were in, read 23 before the rules they led to.

use super::tests::{check, reads};

/// Checks every line `phrase | year | reading` of `table`; lines starting `//` are notes.
#[track_caller]
pub(super) fn check_lines(table: &str) {
    let cases: Vec<(&str, i32, &str)> = table
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .map(|line| {
            let mut fields = line.split(" | ");
            let text = fields.next().expect("a phrase");
            let year = fields.next().and_then(|y| y.parse().ok()).expect("a year");
            (text, year, fields.next().expect("a reading"))
        })
        .collect();
    check(&cases);
}

/// A date joined to an ongoing duty: open-ended, first due as stated.
pub(super) const JOINED_TO_ONGOING: &str = "
Quý III/2025 và tiếp tục thực hiện thường xuyên | 2025 | open_ended 2025-07-01..2025-09-30 [2025-09-30]
Tháng 6/2025, sau đó thực hiện thường xuyên | 2025 | open_ended 2025-06-01..2025-06-30 [2025-06-30]
Hoàn thành trước 30/6/2025 và duy trì thường xuyên | 2025 | open_ended 2025-06-30..2025-06-30 [2025-06-30]
6 tháng đầu năm 2025 và thường xuyên | 2025 | open_ended 2025-01-01..2025-06-30 [2025-06-30]
Giai đoạn 2025-2026 và thực hiện thường xuyên các năm tiếp theo | 2025 | open_ended 2025-01-01..2026-12-31 [2026-12-31]
Quý 2/2025, đồng thời thực hiện thường xuyên | 2025 | open_ended 2025-04-01..2025-06-30 [2025-06-30]
Trong tháng 10 năm 2025 và duy trì liên tục | 2025 | open_ended 2025-10-01..2025-10-31 [2025-10-31]
Năm 2026, tiếp tục thực hiện trong các năm tiếp theo | 2025 | open_ended 2026-01-01..2026-12-31 [2026-12-31]
Hoàn thành trong quý I/2026; duy trì thường xuyên | 2025 | open_ended 2026-01-01..2026-03-31 [2026-03-31]
Năm 2025 và là nhiệm vụ thường xuyên những năm tiếp theo | 2025 | open_ended 2025-01-01..2025-12-31 [2025-12-31]
// Ambiguous: “hằng năm tiếp theo” (every following year) is a series, and a series with
// anything is recurring, as “2025 và hằng quý” is (written open_ended first; an error before
// either way).
quý IV năm 2025 và hằng năm tiếp theo thường xuyên rà soát | 2025 | recurring 2025-01-01..2025-12-31 [2025-12-31]
Từ năm 2025 trở đi | 2025 | open_ended 2025-01-01..2025-12-31 [2025-12-31]
";

/// A series joined to more: recurring.
pub(super) const RECURRING_JOINED: &str = "
Hằng tháng, thường xuyên | 2025 | recurring 2025-01-01..2025-12-31 [2025-01-31 2025-02-28 2025-03-31 2025-04-30 2025-05-31 2025-06-30 2025-07-31 2025-08-31 2025-09-30 2025-10-31 2025-11-30 2025-12-31]
Định kỳ hằng tháng, hằng quý | 2025 | recurring 2025-01-01..2025-12-31 [2025-01-31 2025-02-28 2025-03-31 2025-04-30 2025-05-31 2025-06-30 2025-07-31 2025-08-31 2025-09-30 2025-10-31 2025-11-30 2025-12-31]
Định kỳ hằng quý và đột xuất | 2025 | recurring 2025-01-01..2025-12-31 [2025-03-31 2025-06-30 2025-09-30 2025-12-31]
Hàng năm và khi có yêu cầu | 2025 | recurring 2025-01-01..2025-12-31 [2025-12-31]
Định kỳ 6 tháng và hằng năm | 2025 | recurring 2025-01-01..2025-12-31 [2025-06-30 2025-12-31]
// As “2025 và hằng quý”: the year stated is the series' year.
Năm 2026 và hằng năm | 2025 | recurring 2026-01-01..2026-12-31 [2026-12-31]
Hằng quý; thường xuyên | 2025 | recurring 2025-01-01..2025-12-31 [2025-03-31 2025-06-30 2025-09-30 2025-12-31]
Hằng năm, theo chỉ đạo của Lãnh đạo Ngành | 2025 | recurring 2025-01-01..2025-12-31 [2025-12-31]
Quý IV/2025 và định kỳ hằng năm | 2025 | recurring 2025-01-01..2025-12-31 [2025-12-31]
Hằng quý, 6 tháng, năm | 2025 | recurring 2025-01-01..2025-12-31 [2025-03-31 2025-06-30 2025-09-30 2025-12-31]
Hằng quý và đột xuất theo yêu cầu | 2025 | recurring 2025-01-01..2025-12-31 [2025-03-31 2025-06-30 2025-09-30 2025-12-31]
hàng năm, giai đoạn 2025-2026 | 2025 | recurring 2025-01-01..2026-12-31 [2025-12-31 2026-12-31]
Thường xuyên và định kỳ hằng quý | 2025 | recurring 2025-01-01..2025-12-31 [2025-03-31 2025-06-30 2025-09-30 2025-12-31]
Định kỳ hằng năm, tiếp tục thực hiện các năm tiếp theo | 2025 | recurring 2025-01-01..2025-12-31 [2025-12-31]
";

/// Ranges are spans; lists are several.
pub(super) const RANGES_AND_LISTS: &str = "
Từ tháng 3/2025 đến tháng 6/2025 | 2025 | span 2025-03-01..2025-06-30 [2025-06-30]
Từ quý 2/2025 đến quý 4/2026 | 2025 | span 2025-04-01..2026-12-31 [2026-12-31]
Từ năm 2025 đến năm 2027 | 2025 | span 2025-01-01..2027-12-31 [2027-12-31]
Trong các năm 2025, 2026 và 2027 | 2025 | several 2025-01-01..2027-12-31 [2025-12-31 2026-12-31 2027-12-31]
từ 01/3/2025 đến 30/6/2025 | 2025 | span 2025-03-01..2025-06-30 [2025-06-30]
Từ 6 tháng cuối năm 2025 đến hết năm 2026 | 2025 | span 2025-07-01..2026-12-31 [2026-12-31]
Quý II và quý IV năm 2025 | 2025 | several 2025-04-01..2025-12-31 [2025-06-30 2025-12-31]
Tháng 3, tháng 6 và tháng 9/2025 | 2025 | several 2025-03-01..2025-09-30 [2025-03-31 2025-06-30 2025-09-30]
Năm 2025, 2026 | 2025 | several 2025-01-01..2026-12-31 [2025-12-31 2026-12-31]
Giai đoạn từ 2025 đến 2027 | 2025 | span 2025-01-01..2027-12-31 [2027-12-31]
// “từ” makes the dash a range, where two full quarters alone are stages.
từ quý III/2025 - quý II/2026 | 2025 | span 2025-07-01..2026-06-30 [2026-06-30]
Tháng 10 - 12/2025 | 2025 | span 2025-10-01..2025-12-31 [2025-12-31]
Quý I, quý II/2026 | 2025 | several 2026-01-01..2026-06-30 [2026-03-31 2026-06-30]
từ tháng 9 đến hết tháng 12 năm 2025 | 2025 | span 2025-09-01..2025-12-31 [2025-12-31]
";

/// Typos and spellings a reader reads anyway.
pub(super) const TYPOS: &str = "
Quý IV2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
Quý I /2026 | 2025 | quarter 2026-01-01..2026-03-31 [2026-03-31]
quý iii/2025 | 2025 | quarter 2025-07-01..2025-09-30 [2025-09-30]
Tháng 9 /2025 | 2025 | month 2025-09-01..2025-09-30 [2025-09-30]
Tháng 10/ 2025 | 2025 | month 2025-10-01..2025-10-31 [2025-10-31]
Năm2025 | 2025 | year 2025-01-01..2025-12-31 [2025-12-31]
Quý II/2025. | 2025 | quarter 2025-04-01..2025-06-30 [2025-06-30]
2025–2026 | 2025 | span 2025-01-01..2026-12-31 [2026-12-31]
Giai đoạn 2025 — 2027 | 2025 | span 2025-01-01..2027-12-31 [2027-12-31]
Tháng12/2025 | 2025 | month 2025-12-01..2025-12-31 [2025-12-31]
Quý III.2025 | 2025 | quarter 2025-07-01..2025-09-30 [2025-09-30]
Quý III năm2025 | 2025 | quarter 2025-07-01..2025-09-30 [2025-09-30]
Qúy III/2025 | 2025 | quarter 2025-07-01..2025-09-30 [2025-09-30]
Quí III/2025 | 2025 | quarter 2025-07-01..2025-09-30 [2025-09-30]
30/09/2025. | 2025 | date 2025-09-30..2025-09-30 [2025-09-30]
quý ii, iii/2025 | 2025 | several 2025-04-01..2025-09-30 [2025-06-30 2025-09-30]
Quý II/2025 (dự kiến) | 2025 | quarter 2025-04-01..2025-06-30 [2025-06-30]
";

/// A sentence that carries its deadline; several sentences are stages.
pub(super) const SENTENCES: &str = "
Trình Bộ trưởng trong quý III/2025 | 2025 | quarter 2025-07-01..2025-09-30 [2025-09-30]
Ban hành trước ngày 30/9/2025 | 2025 | date 2025-09-30..2025-09-30 [2025-09-30]
Tổ chức thực hiện từ tháng 7/2025 đến tháng 12/2025 | 2025 | span 2025-07-01..2025-12-31 [2025-12-31]
Báo cáo kết quả trước 15/12/2025 | 2025 | date 2025-12-15..2025-12-15 [2025-12-15]
Xây dựng dự thảo trong tháng 8/2025; trình ban hành trong quý IV/2025 | 2025 | several 2025-08-01..2025-12-31 [2025-08-31 2025-12-31]
Hoàn thành dự thảo trong quý II/2025. Trình Tổng Giám đốc ký ban hành trong quý III/2025. | 2025 | several 2025-04-01..2025-09-30 [2025-06-30 2025-09-30]
Tổng kết, đánh giá trong năm 2026 | 2025 | year 2026-01-01..2026-12-31 [2026-12-31]
Trình Chính phủ ban hành Nghị định trước 31/12/2025 | 2025 | date 2025-12-31..2025-12-31 [2025-12-31]
Các đơn vị gửi báo cáo về BHXH Việt Nam trước ngày 20/12/2025 | 2025 | date 2025-12-20..2025-12-20 [2025-12-20]
Hoàn thành việc rà soát chậm nhất ngày 30/9/2025 | 2025 | date 2025-09-30..2025-09-30 [2025-09-30]
Trình dự thảo Quyết định trong tháng 10 năm 2025 | 2025 | month 2025-10-01..2025-10-31 [2025-10-31]
Tổ chức hội nghị vào giữa tháng 11/2025 | 2025 | date 2025-11-15..2025-11-15 [2025-11-15]
Trình ký ban hành Kế hoạch trong Quý I năm 2026 | 2025 | quarter 2026-01-01..2026-03-31 [2026-03-31]
Sơ kết thực hiện Quyết định số 1234/QĐ-BHXH trong quý IV/2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
";

/// No date at all: ongoing duties and events.
pub(super) const NO_DATE: &str = "
Là nhiệm vụ thường xuyên, liên tục | 2025 | ongoing -..- []
Thực hiện thường xuyên | 2025 | ongoing -..- []
Liên tục | 2025 | ongoing -..- []
Thường xuyên, hằng ngày | 2025 | ongoing -..- []
Theo yêu cầu của Bộ Tài chính | 2025 | event -..- []
Theo chỉ đạo của Lãnh đạo Ngành | 2025 | event -..- []
Khi có văn bản hướng dẫn | 2025 | event -..- []
Sau khi Nghị định được ban hành | 2025 | event -..- []
Theo kế hoạch của Bộ Y tế | 2025 | event -..- []
Kỳ họp thứ 9, Quốc hội khóa XV | 2025 | event -..- []
Ngay sau khi Luật có hiệu lực | 2025 | event -..- []
Theo thông báo của Bộ Nội vụ | 2025 | event -..- []
Đột xuất | 2025 | event -..- []
Tùy tình hình thực tế | 2025 | event -..- []
Theo Quyết định phê duyệt của Thủ tướng Chính phủ | 2025 | event -..- []
Căn cứ vào tiến độ của Chính phủ | 2025 | event -..- []
Sau khi có ý kiến của Bộ Tài chính | 2025 | event -..- []
";

/// The Civil Code's points of a month or a year (BLDS 2015 Art. 146); of a quarter, none.
pub(super) const CIVIL_CODE: &str = "
giữa năm 2026 | 2025 | date 2026-06-30..2026-06-30 [2026-06-30]
Đầu tháng 10/2025 | 2025 | date 2025-10-01..2025-10-01 [2025-10-01]
Cuối tháng 12 năm 2025 | 2025 | date 2025-12-31..2025-12-31 [2025-12-31]
giữa tháng 9 | 2025 | date 2025-09-15..2025-09-15 [2025-09-15]
// As “đầu quý I/2025”: the Code names no day of a quarter.
Cuối quý III/2025 | 2025 | quarter 2025-07-01..2025-09-30 [2025-09-30]
Trước cuối tháng 11/2025 | 2025 | date 2025-11-30..2025-11-30 [2025-11-30]
vào giữa tháng 10 năm 2025 | 2025 | date 2025-10-15..2025-10-15 [2025-10-15]
ĐẦU NĂM 2026 | 2025 | date 2026-01-01..2026-01-01 [2026-01-01]
Cuối năm nay | 2025 | date 2025-12-31..2025-12-31 [2025-12-31]
cuối tháng 02/2025 | 2025 | date 2025-02-28..2025-02-28 [2025-02-28]
Giữa năm | 2025 | date 2025-06-30..2025-06-30 [2025-06-30]
Đầu tháng 3 và cuối tháng 9/2025 | 2024 | several 2025-03-01..2025-09-30 [2025-03-01 2025-09-30]
";

/// Months and days as people write them.
pub(super) const MONTHS_AND_DAYS: &str = "
trước 15/12/2025 | 2025 | date 2025-12-15..2025-12-15 [2025-12-15]
chậm nhất ngày 30/9/2025 | 2025 | date 2025-09-30..2025-09-30 [2025-09-30]
trong tháng 10 năm 2025 | 2025 | month 2025-10-01..2025-10-31 [2025-10-31]
Quý 3/2025 | 2025 | quarter 2025-07-01..2025-09-30 [2025-09-30]
quý 3 năm 2025 | 2025 | quarter 2025-07-01..2025-09-30 [2025-09-30]
6 tháng cuối năm 2025 | 2025 | half 2025-07-01..2025-12-31 [2025-12-31]
Năm 2025-2026 | 2025 | span 2025-01-01..2026-12-31 [2026-12-31]
Trước ngày 31 tháng 12 năm 2025 | 2025 | date 2025-12-31..2025-12-31 [2025-12-31]
Tháng 12 năm 2025 | 2025 | month 2025-12-01..2025-12-31 [2025-12-31]
Đến hết năm 2025 | 2025 | year 2025-01-01..2025-12-31 [2025-12-31]
Chậm nhất trong tháng 11/2025 | 2025 | month 2025-11-01..2025-11-30 [2025-11-30]
Trước 31/12 | 2025 | date 2025-12-31..2025-12-31 [2025-12-31]
06 tháng đầu năm 2026 | 2025 | half 2026-01-01..2026-06-30 [2026-06-30]
Quý 4 năm 2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
Trong năm 2025 - 2026 | 2025 | span 2025-01-01..2026-12-31 [2026-12-31]
";

/// Written after the rules above were fixed, to measure them on phrasings they were not
/// fitted to.
pub(super) const HELD_OUT: &str = "
Năm 2025 và duy trì trong thời gian tiếp theo | 2025 | open_ended 2025-01-01..2025-12-31 [2025-12-31]
Tháng 9/2025; tiếp tục thực hiện các năm sau | 2025 | open_ended 2025-09-01..2025-09-30 [2025-09-30]
Hoàn thành trước 31/12/2025, sau đó duy trì thường xuyên | 2025 | open_ended 2025-12-31..2025-12-31 [2025-12-31]
Định kì hằng quý | 2025 | recurring 2025-01-01..2025-12-31 [2025-03-31 2025-06-30 2025-09-30 2025-12-31]
Hằng năm và đột xuất khi có yêu cầu | 2025 | recurring 2025-01-01..2025-12-31 [2025-12-31]
Định kỳ theo quý, năm | 2025 | recurring 2025-01-01..2025-12-31 [2025-03-31 2025-06-30 2025-09-30 2025-12-31]
Từ năm 2025 - năm 2026 | 2025 | span 2025-01-01..2026-12-31 [2026-12-31]
Trong các quý II, III và IV năm 2025 | 2025 | several 2025-04-01..2025-12-31 [2025-06-30 2025-09-30 2025-12-31]
từ tháng 10/2025 đến quý I/2026 | 2025 | span 2025-10-01..2026-03-31 [2026-03-31]
Quý IV /2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
quý iv năm 2025. | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
Năm 2025 – 2026 | 2025 | span 2025-01-01..2026-12-31 [2026-12-31]
Trình Hội đồng quản lý BHXH trong tháng 11/2025 | 2025 | month 2025-11-01..2025-11-30 [2025-11-30]
Ban hành Quyết định trước ngày 01/7/2025 | 2025 | date 2025-07-01..2025-07-01 [2025-07-01]
Tổ chức thực hiện từ quý III/2025 đến hết năm 2026 | 2025 | span 2025-07-01..2026-12-31 [2026-12-31]
Theo kế hoạch, hoàn thành trong quý IV/2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
Theo văn bản hướng dẫn của Bộ Lao động - Thương binh và Xã hội | 2025 | event -..- []
Sau khi Đề án được phê duyệt | 2025 | event -..- []
Khi có chỉ đạo của Tổng Giám đốc | 2025 | event -..- []
Căn cứ tình hình thực tế | 2025 | event -..- []
Cuối quý IV/2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
Giữa tháng 12 năm 2025 | 2025 | date 2025-12-15..2025-12-15 [2025-12-15]
Chậm nhất ngày 15 tháng 10 năm 2025 | 2025 | date 2025-10-15..2025-10-15 [2025-10-15]
Trong quý 4 năm 2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
6 tháng đầu năm 2026 và 6 tháng cuối năm 2026 | 2025 | several 2026-01-01..2026-12-31 [2026-06-30 2026-12-31]
Tháng 10 và tháng 11 năm 2025 | 2025 | several 2025-10-01..2025-11-30 [2025-10-31 2025-11-30]
";

#[test]
fn a_date_joined_to_an_ongoing_duty_is_open_ended() {
    check_lines(JOINED_TO_ONGOING);
}

#[test]
fn a_series_joined_to_more_is_recurring() {
    check_lines(RECURRING_JOINED);
}

#[test]
fn ranges_are_spans_and_lists_are_several() {
    check_lines(RANGES_AND_LISTS);
}

#[test]
fn typos_and_older_spellings_a_reader_reads_anyway() {
    check_lines(TYPOS);
}

#[test]
fn a_sentence_carries_its_deadline() {
    check_lines(SENTENCES);
}

#[test]
fn no_date_is_ongoing_or_an_event() {
    check_lines(NO_DATE);
}

#[test]
fn the_civil_code_points_of_a_month_or_a_year() {
    check_lines(CIVIL_CODE);
}

#[test]
fn months_and_days_as_people_write_them() {
    check_lines(MONTHS_AND_DAYS);
}

#[test]
fn held_out_variants() {
    check_lines(HELD_OUT);
}

/// What the round's rules read that they were not written for, and where they stop.
#[test]
fn the_rules_reach_their_neighbours() {
    check_lines(
        "
Định kỳ theo quý | 2025 | recurring 2025-01-01..2025-12-31 [2025-03-31 2025-06-30 2025-09-30 2025-12-31]
theo năm | 2025 | recurring 2025-01-01..2025-12-31 [2025-12-31]
// “theo quy định” is where the date comes from, not a frequency.
Định kỳ theo quy định | 2025 | event -..- []
Kì họp thứ 10 Quốc hội khóa XV | 2025 | event -..- []
Giai đoạn từ năm 2025 đến năm 2027 | 2025 | span 2025-01-01..2027-12-31 [2027-12-31]
Kể từ quý II/2025 - quý IV/2025 | 2025 | span 2025-04-01..2025-12-31 [2025-12-31]
Khi có hướng dẫn của Bộ Y tế, dự kiến quý IV/2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
Quý I/2026 thường xuyên cập nhật | 2025 | open_ended 2026-01-01..2026-03-31 [2026-03-31]
// Full quarters joined by a dash, with no “từ”, stay stages.
Quý II/2025 - Quý IV/2025 | 2025 | several 2025-04-01..2025-12-31 [2025-06-30 2025-12-31]
// “năm sau” alone is next year; only plural years after a date are the time after it.
năm sau | 2025 | year 2026-01-01..2026-12-31 [2026-12-31]
",
    );
}

/// Nonsense stays an error, with a message that says why, whatever the new rules allow.
#[test]
fn nonsense_still_does_not_read() {
    check(&[
        ("abc", 2025, "error: cannot read `abc` as a deadline"),
        (
            "Quý V/2025",
            2025,
            "error: quarter `V` does not exist: write I, II, III or IV",
        ),
        (
            "Quí V/2025",
            2025,
            "error: quarter `V` does not exist: write I, II, III or IV",
        ),
        (
            "32/13/2025",
            2025,
            "error: `32/13/2025` is not a day of the calendar",
        ),
        (
            "Giai đoạn từ 2027 đến 2025",
            2025,
            "error: the span 2027-2025 ends before it starts",
        ),
        (
            "từ quý III/2026 - quý II/2025",
            2025,
            "error: `từ quý III/2026 - quý II/2025` ends before it starts",
        ),
        (
            "Khi có yêu cầu, Quý V/2025",
            2025,
            "error: quarter `V` does not exist: write I, II, III or IV",
        ),
        (
            "mỗi tỉnh một lần",
            2025,
            "error: cannot read `mỗi tỉnh một lần` as a deadline",
        ),
        (
            "Năm 2025 xem phụ lục",
            2025,
            "error: unexpected `xem phụ lục` after the deadline",
        ),
    ]);
    // Words that only begin a dependency or a series name nothing.
    for alone in ["Theo", "Tùy", "Căn cứ", "Hằng", "Định kỳ", "Mỗi", "Mới"] {
        assert!(reads(alone, 2025).starts_with("error"), "{alone}");
    }
}
