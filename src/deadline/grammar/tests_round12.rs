//! Round 12: the cells of BHXH Việt Nam and Bộ Tài chính appendices of 2025–2026, and the
//! leftovers earlier rounds named. Fifty new phrasings, none in rounds 5–11 or
//! `phrasings.toml`, written and given their readings before the grammar was read for them:
//! 20 cells as BHXH Việt Nam and Bộ Tài chính appendices write them ([`AGENCY`]), 15
//! leftovers ([`LEFTOVERS`]: a clock time before a date, a Roman section number or a list
//! number before the time, a series up to a year already past, “hằng quý, tuần cuối tháng”,
//! a remark with a percentage or a time in it), 10 mixed cells of the kinds real plans use
//! ([`MIXED`]) and 5 cells no reader can read ([`NONSENSE`]). Each line is
//! `phrase | plan year | reading`, as in [`super::tests_round5`]. None is real: the searches
//! for real 2025–2026 appendix cells (corpora `pages` and `code`) found none.
//!
//! Conventions fixed before the run (where `phrasings.toml` and the manual leave a choice):
//! - “Từ 01/7/2025” is the day 1 July 2025, not open-ended: `phrasings.toml` reads a start
//!   with no stated end as the period it names (“Từ tháng 2.2017” the month, “Từ năm 2026” the
//!   year, “từ ngày 1/7/2025” the day), and a start written without “ngày” is the same start.
//! - “Năm ngân sách 2025” (the budget year) is the year 2025: Vietnam's budget year is the
//!   calendar year. “Kỳ báo cáo quý” (the quarterly reporting period) is every quarter of the
//!   plan's year, as “Định kỳ theo quý” is; “Kỳ báo cáo tháng” every month.
//! - A clock time before a date (“17:00 ngày 30/6/2025”) is that day, as one after it is.
//! - A Roman section number and a dot before the time (“II. Quý IV/2025”) is passed over as a
//!   list item's number is.
//! - A series “đến năm 2024” in a 2025 plan, the year already past, runs in that year alone:
//!   the reader sees a series that ended, and the task, still open, is overdue (from the plan's
//!   year to an earlier year would be a range that ends before it starts).
//! - “Hằng quý, tuần cuối tháng” is the last week of each quarter's last month, due on the
//!   quarter's last day, as “Hằng quý, tuần cuối tháng cuối quý” is.
//! - A remark with a percentage (“- đạt 100%”) is words, as “hoàn thành 100%” is.
//! - A remark with a time in it: when its time lies within the leading time (“Quý IV/2025 -
//!   trình Chính phủ tháng 12/2025”) the reader reads the leading time, the remark saying when
//!   inside it a step falls; when it lies outside (“Quý IV/2025 - trình Chính phủ năm 2024”)
//!   the two disagree and no reader can tell which holds: an error, as the manual has it.
//!
//! Read before the round's rules: 37 of 50 (74%): BHXH Việt Nam and Bộ Tài chính cells 15/20,
//! leftovers 7/15, mixed cells 10/10, nonsense 5/5 (errors all; three with another message
//! than the one written first, a guess at the wording, and the rows say the message that came
//! out; “2. 31/2/2026” an error quoting `2. 31` as the day, kept commented with what came out).
//! What failed: “năm ngân sách” (budget year) before a year; “Kỳ báo cáo quý/tháng”; a clock
//! time before “ngày” and a date; a list number before a whole date (“2. 30/6/2025” read as
//! the day `2. 30`); “Hằng quý, tuần cuối tháng” after a comma (in parentheses it read); a
//! remark with a percentage; a remark with a time in it, read as a second item. One row,
//! “Năm 2026 – 2027”, was first written with a slip in its due list ([2026-12-31] for a span
//! due 2027-12-31) and read as the span it is: it is counted as read, its slip corrected.
//! The rows that did not read were kept commented as `// BEFORE fails: …` with what came out,
//! in the commit that added them, so that the suite stayed green; the comments stay.
//! After the round's rules: 50 of 50. The rules: a clock time `hh:mm` before a day (“17:00
//! ngày 30/6/2025”, “Trước 8:30 sáng ngày …”) is passed over as “17h00” is; a list item's
//! number may stand before a date written in numbers (“2. 30/6/2025”, “3. 15/10”, “4.
//! 6/2025”), as before a word; “năm ngân sách 2025” and “năm tài chính 2025” are the year;
//! “kỳ báo cáo quý/tháng/năm” with no number after it is the series “hằng quý/tháng/năm”;
//! “tuần cuối tháng” (“tuần đầu tháng”) after a quarterly series is the week that closes
//! (opens) each quarter; a share (“đạt 100%”) stands in a remark as a count does; and a time
//! in a remark after a dash or a comma is an error when it ends before the time it remarks on
//! starts, and says that time again (the time stands) when it lies within it and ends on its
//! last day — otherwise it is a stage, as before.

use super::tests_round5::check_lines;

/// BHXH Việt Nam and Bộ Tài chính appendices, 2025–2026.
const AGENCY: &str = "
Quý I/2026 | 2025 | quarter 2026-01-01..2026-03-31 [2026-03-31]
Tháng 12/2025 | 2025 | month 2025-12-01..2025-12-31 [2025-12-31]
Trước ngày 25/11/2025 | 2025 | date 2025-11-25..2025-11-25 [2025-11-25]
// BEFORE fails: error: expected a year (2017) here
Trong năm ngân sách 2026 | 2026 | year 2026-01-01..2026-12-31 [2026-12-31]
Theo Kế hoạch của BHXH Việt Nam | 2025 | event -..- []
Theo chỉ đạo của Tổng Giám đốc | 2025 | event -..- []
Sau khi được Tổng Giám đốc phê duyệt | 2025 | event -..- []
Theo lộ trình của Bộ Tài chính | 2026 | event -..- []
// BEFORE fails: error: expected a year (2017) here
Năm ngân sách 2025 | 2025 | year 2025-01-01..2025-12-31 [2025-12-31]
// BEFORE fails: error: cannot read `Kỳ báo cáo quý` as a deadline
Kỳ báo cáo quý | 2025 | recurring 2025-01-01..2025-12-31 [2025-03-31 2025-06-30 2025-09-30 2025-12-31]
// A start with no end: the day (see the module's conventions).
Từ 01/7/2025 | 2025 | date 2025-07-01..2025-07-01 [2025-07-01]
Trong quý III năm 2026 | 2026 | quarter 2026-07-01..2026-09-30 [2026-09-30]
Tháng 01/2026 | 2025 | month 2026-01-01..2026-01-31 [2026-01-31]
Ngày 31/3/2026 | 2026 | date 2026-03-31..2026-03-31 [2026-03-31]
06 tháng cuối năm 2025 | 2025 | half 2025-07-01..2025-12-31 [2025-12-31]
Năm 2026 – 2027 | 2026 | span 2026-01-01..2027-12-31 [2027-12-31]
Từ Quý IV/2025 đến Quý II/2026 | 2025 | span 2025-10-01..2026-06-30 [2026-06-30]
Hằng quý năm 2026 | 2026 | recurring 2026-01-01..2026-12-31 [2026-03-31 2026-06-30 2026-09-30 2026-12-31]
// BEFORE fails: error: expected a year (2017) here
Năm ngân sách 2026 và các năm tiếp theo | 2026 | open_ended 2026-01-01..2026-12-31 [2026-12-31]
// BEFORE fails: error: cannot read `Kỳ báo cáo tháng` as a deadline
Kỳ báo cáo tháng | 2026 | recurring 2026-01-01..2026-12-31 [2026-01-31 2026-02-28 2026-03-31 2026-04-30 2026-05-31 2026-06-30 2026-07-31 2026-08-31 2026-09-30 2026-10-31 2026-11-30 2026-12-31]
";

/// Leftovers of earlier rounds, and variations of each.
const LEFTOVERS: &str = "
// BEFORE fails: error: cannot read `17:00 ngày 30/6/2025` as a deadline
17:00 ngày 30/6/2025 | 2025 | date 2025-06-30..2025-06-30 [2025-06-30]
Trước 17h00 ngày 15/12/2025 | 2025 | date 2025-12-15..2025-12-15 [2025-12-15]
16 giờ 30 ngày 20/11/2025 | 2025 | date 2025-11-20..2025-11-20 [2025-11-20]
II. Quý IV/2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
IV. Tháng 9/2026 | 2026 | month 2026-09-01..2026-09-30 [2026-09-30]
I. Trước ngày 31/10/2025 | 2025 | date 2025-10-31..2025-10-31 [2025-10-31]
// BEFORE fails: error: `2. 30` is not a day of the calendar
2. 30/6/2025 | 2025 | date 2025-06-30..2025-06-30 [2025-06-30]
// BEFORE fails: error: `3. 15` is not a day of the calendar
3. 15/10/2025 | 2025 | date 2025-10-15..2025-10-15 [2025-10-15]
// A series up to a year already past: that year alone (see the module's conventions).
Hằng năm, đến năm 2024 | 2025 | recurring 2024-01-01..2024-12-31 [2024-12-31]
// BEFORE fails: error: expected a month (1 to 12) here
Hằng quý, tuần cuối tháng | 2025 | recurring 2025-01-01..2025-12-31 [2025-03-31 2025-06-30 2025-09-30 2025-12-31]
Hằng quý (tuần cuối tháng) | 2026 | recurring 2026-01-01..2026-12-31 [2026-03-31 2026-06-30 2026-09-30 2026-12-31]
// BEFORE fails: error: cannot read `đạt 100%` as a deadline
Quý IV/2025 - đạt 100% | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
// BEFORE fails: error: unexpected `tỷ lệ đạt 95%` after the deadline
Tháng 12/2025, tỷ lệ đạt 95% | 2025 | month 2025-12-01..2025-12-31 [2025-12-31]
// A remark whose time disagrees with the leading time: an error (see the conventions).
// BEFORE fails: several 2024-01-01..2025-12-31 [2024-12-31 2025-12-31]
Quý IV/2025 - trình Chính phủ năm 2024 | 2025 | error: a remark after the deadline names another time: `năm 2024`
// A remark whose time lies within the leading time: the leading time.
// BEFORE fails: several 2025-10-01..2025-12-31 [2025-12-31]
Quý IV/2025 - trình Chính phủ tháng 12/2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
";

/// Mixed cells of the kinds real plans use.
const MIXED: &str = "
Quý II/2026 (trình Tổng Giám đốc) | 2026 | quarter 2026-04-01..2026-06-30 [2026-06-30]
Trước ngày 20/12/2025 (báo cáo Bộ Tài chính) | 2025 | date 2025-12-20..2025-12-20 [2025-12-20]
Tháng 3 - tháng 6/2026 | 2026 | span 2026-03-01..2026-06-30 [2026-06-30]
Năm 2026 và năm 2027 | 2026 | several 2026-01-01..2027-12-31 [2026-12-31 2027-12-31]
Quý IV/2025; Quý IV/2026 | 2025 | several 2025-10-01..2026-12-31 [2025-12-31 2026-12-31]
Hằng tháng, trước ngày 05 | 2026 | recurring 2026-01-01..2026-12-05 [2026-01-05 2026-02-05 2026-03-05 2026-04-05 2026-05-05 2026-06-05 2026-07-05 2026-08-05 2026-09-05 2026-10-05 2026-11-05 2026-12-05]
Hoàn thành trong tháng 8/2025 | 2025 | month 2025-08-01..2025-08-31 [2025-08-31]
Đến hết ngày 31/12/2025 | 2025 | date 2025-12-31..2025-12-31 [2025-12-31]
Từ tháng 7/2025 đến tháng 12/2025 | 2025 | span 2025-07-01..2025-12-31 [2025-12-31]
Trong 6 tháng đầu năm 2026 | 2026 | half 2026-01-01..2026-06-30 [2026-06-30]
";

/// Cells no reader can read: they must stay errors.
const NONSENSE: &str = "
Tháng 14/2025 | 2025 | error: month 14 does not exist: write 1 to 12
32/12/2025 | 2025 | error: `32/12/2025` is not a day of the calendar
Quý/2025 | 2025 | error: quarter `/` does not exist: write I, II, III or IV
II. Xem phụ lục | 2025 | error: cannot read `II. Xem phụ lục` as a deadline
// BEFORE fails: error: `2. 31` is not a day of the calendar
2. 31/2/2026 | 2026 | error: `31/2/2026` is not a day of the calendar
";

#[test]
fn agency_cells() {
    check_lines(AGENCY);
}

#[test]
fn leftovers() {
    check_lines(LEFTOVERS);
}

#[test]
fn mixed_cells() {
    check_lines(MIXED);
}

#[test]
fn nonsense_does_not_read() {
    check_lines(NONSENSE);
}

/// Where the round's rules stop.
const STOPS: &str = "
// A clock time must be one: no hour 25.
25:00 ngày 30/6/2025 | 2025 | error: cannot read `25:00 ngày 30/6/2025` as a deadline
// A list number before an impossible date leaves the date's error.
1. 31/2 | 2025 | error: `31/2` is not a day of the calendar
2. 13/2025 | 2025 | error: month 13 does not exist: write 1 to 12
// A share is one to three digits.
Quý IV/2025 - đạt 1000% | 2025 | error: cannot read `đạt 1000%` as a deadline
// “năm ngân sách” and “kỳ báo cáo” name no time alone.
Năm ngân sách | 2025 | error: expected a year (2017) here
Kỳ báo cáo | 2025 | error: cannot read `Kỳ báo cáo` as a deadline
// With a number, “kỳ báo cáo” only names the period.
Kỳ báo cáo quý I/2026 | 2026 | quarter 2026-01-01..2026-03-31 [2026-03-31]
// Only the first or the last week of a quarter's month is named by “tháng” alone.
Hằng quý, tuần thứ hai của tháng | 2025 | error: expected a month (1 to 12) here
// A later time after words that is neither before nor a repeat is a stage, as before.
Năm 2026 - trình Chính phủ tháng 6/2026 | 2026 | several 2026-01-01..2026-12-31 [2026-06-30 2026-12-31]
Quý II/2025 - hoàn thành dự thảo quý IV/2025 | 2025 | several 2025-04-01..2025-12-31 [2025-06-30 2025-12-31]
// Two times with no words between are stages in any order, as before.
Năm 2018 - Năm 2017 | 2018 | several 2017-01-01..2018-12-31 [2017-12-31 2018-12-31]
Quý IV/2025, trình Chính phủ quý I/2025 | 2025 | error: a remark after the deadline names another time: `quý I/2025`
";

#[test]
fn the_rules_stop_where_the_cell_is_garbled() {
    check_lines(STOPS);
}
