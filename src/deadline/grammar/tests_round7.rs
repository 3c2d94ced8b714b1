//! Round 7: a held-out measurement. Fifty new phrasings of the “Thời gian hoàn thành” column
//! of 2023–2026 plans (ministries, BHXH, provinces), none in rounds 5–6, written and given
//! their readings before the grammar was read or changed for them. Each line is `phrase |
//! plan year | reading`, as in [`super::tests_round5`]. The rows the grammar did not read
//! before this round's rules were marked `// BEFORE fails: …` in the commit that added them.
//!
//! Read before the round's rules: 36 of 50 (recurring 6/15, plain 8/10, joined and ranges
//! 7/10, events and sentences 10/10, notes 5/5). Three rows first written repeated earlier
//! rounds and were replaced by new ones before the first run.

use super::tests_round5::check_lines;

/// Recurring duties that name their own day or month.
const RECURRING: &str = "
Trước ngày 20 tháng 12 hằng năm | 2025 | recurring 2025-01-01..2025-12-20 [2025-12-20]
// BEFORE fails: Tháng 3 hằng năm | 2025 | recurring 2025-01-01..2025-03-31 [2025-03-31]  (got `recurring 2025-01-01..2025-12-31 [2025-03-31 2025-12-31]`)
// BEFORE fails: Ngày 10 tháng đầu quý | 2025 | recurring 2025-01-01..2025-10-10 [2025-01-10 2025-04-10 2025-07-10 2025-10-10]  (got `error: expected a month (1 to 12) here`)
Định kỳ trước ngày 10 hằng tháng | 2026 | recurring 2026-01-01..2026-12-10 [2026-01-10 2026-02-10 2026-03-10 2026-04-10 2026-05-10 2026-06-10 2026-07-10 2026-08-10 2026-09-10 2026-10-10 2026-11-10 2026-12-10]
// BEFORE fails: Hằng quý (trước ngày 10 của tháng đầu quý sau) | 2025 | recurring 2025-01-01..2026-01-10 [2025-04-10 2025-07-10 2025-10-10 2026-01-10]  (got `recurring 2025-01-01..2025-12-31 [2025-03-31 2025-06-30 2025-09-30 2025-12-31]`)
// BEFORE fails: Hằng năm, trước ngày 15/01 năm sau | 2025 | recurring 2025-01-01..2026-01-15 [2026-01-15]  (got `recurring 2025-01-01..2026-01-15 [2025-12-31 2026-01-15]`)
// BEFORE fails: Định kỳ 6 tháng, trước ngày 15/6 và 15/12 | 2025 | recurring 2025-01-01..2025-12-15 [2025-06-15 2025-12-15]  (got `recurring 2025-01-01..2025-12-31 [2025-06-15 2025-06-30 2025-12-15 2025-12-31]`)
// BEFORE fails: Hằng năm vào tháng 11 | 2025 | recurring 2025-01-01..2025-11-30 [2025-11-30]  (got `recurring 2025-01-01..2025-12-31 [2025-11-30 2025-12-31]`)
Quý IV hằng năm | 2025 | recurring 2025-01-01..2025-12-31 [2025-12-31]
// BEFORE fails: Định kỳ hằng tháng, chậm nhất vào ngày 20 tháng sau | 2025 | recurring 2025-01-01..2026-01-20 [2025-02-20 2025-03-20 2025-04-20 2025-05-20 2025-06-20 2025-07-20 2025-08-20 2025-09-20 2025-10-20 2025-11-20 2025-12-20 2026-01-20]  (got `error: expected a month (1 to 12) here`)
Tháng 6 và tháng 12 hằng năm | 2025 | recurring 2025-01-01..2025-12-31 [2025-06-30 2025-12-31]
// BEFORE fails: Hằng năm, trong quý I | 2025 | recurring 2025-01-01..2025-03-31 [2025-03-31]  (got `recurring 2025-01-01..2025-12-31 [2025-03-31 2025-12-31]`)
Vào ngày 18 hằng tháng | 2026 | recurring 2026-01-01..2026-12-18 [2026-01-18 2026-02-18 2026-03-18 2026-04-18 2026-05-18 2026-06-18 2026-07-18 2026-08-18 2026-09-18 2026-10-18 2026-11-18 2026-12-18]
Chậm nhất ngày 30 tháng 11 hằng năm | 2025 | recurring 2025-01-01..2025-11-30 [2025-11-30]
// BEFORE fails: Hằng năm (tháng 10) | 2025 | recurring 2025-01-01..2025-10-31 [2025-10-31]  (got `recurring 2025-01-01..2025-12-31 [2025-12-31]`)
";

/// Plain dates and periods in unusual notation.
const PLAIN: &str = "
15.10.2025 | 2025 | date 2025-10-15..2025-10-15 [2025-10-15]
30-6-2026 | 2025 | date 2026-06-30..2026-06-30 [2026-06-30]
// BEFORE fails: T12/2025 | 2025 | month 2025-12-01..2025-12-31 [2025-12-31]  (got `error: cannot read `T12/2025` as a deadline`)
Cuối quý II/2026 | 2025 | quarter 2026-04-01..2026-06-30 [2026-06-30]
Đầu năm 2027 | 2026 | date 2027-01-01..2027-01-01 [2027-01-01]
Hết tháng 9/2025 | 2025 | month 2025-09-01..2025-09-30 [2025-09-30]
Trong Quý IV năm 2026 | 2026 | quarter 2026-10-01..2026-12-31 [2026-12-31]
Ngày 31 tháng 3 năm 2026 | 2025 | date 2026-03-31..2026-03-31 [2026-03-31]
Trước ngày 01/7/2026 | 2025 | date 2026-07-01..2026-07-01 [2026-07-01]
// BEFORE fails: Trước 15 tháng 11 năm 2025 | 2025 | date 2025-11-15..2025-11-15 [2025-11-15]  (got `error: cannot read `15 tháng 11 năm 2025` as a deadline`)
";

/// Joined to more, ranges and lists.
const JOINED_AND_RANGES: &str = "
// BEFORE fails: Từ tháng 9/2025 và hằng năm | 2025 | recurring 2025-01-01..2025-12-31 [2025-09-30 2025-12-31]  (got `span 2025-09-01..2025-12-31 [2025-12-31]`)
// BEFORE fails: Quý III - Quý IV/2025 | 2025 | span 2025-07-01..2025-12-31 [2025-12-31]  (got `several 2025-07-01..2025-12-31 [2025-09-30 2025-12-31]`)
Năm 2026 - 2027 và các năm tiếp theo | 2025 | open_ended 2026-01-01..2027-12-31 [2027-12-31]
Tháng 10, 11/2025 | 2025 | several 2025-10-01..2025-11-30 [2025-10-31 2025-11-30]
// BEFORE fails: Tháng 3 - tháng 5/2026 | 2025 | span 2026-03-01..2026-05-31 [2026-05-31]  (got `several 2025-03-01..2026-05-31 [2025-03-31 2026-05-31]`)
Quý I và quý III/2026 | 2025 | several 2026-01-01..2026-09-30 [2026-03-31 2026-09-30]
Từ 01/7/2025 đến hết năm 2025 | 2025 | span 2025-07-01..2025-12-31 [2025-12-31]
Tháng 12/2025 - tháng 02/2026 | 2025 | span 2025-12-01..2026-02-28 [2026-02-28]
2026 và các năm tiếp theo | 2025 | open_ended 2026-01-01..2026-12-31 [2026-12-31]
Quý IV/2025 và quý I/2026 | 2025 | several 2025-10-01..2026-03-31 [2025-12-31 2026-03-31]
";

/// No date (events), and sentences that carry one.
const EVENTS_AND_SENTENCES: &str = "
Ngay sau khi Nghị định có hiệu lực | 2025 | event -..- []
Trước kỳ họp HĐND tỉnh giữa năm 2026 | 2025 | date 2026-06-30..2026-06-30 [2026-06-30]
Theo lộ trình được phê duyệt | 2025 | event -..- []
Hoàn thành trước Tết Nguyên đán Bính Ngọ | 2025 | event -..- []
Sau khi có hướng dẫn của BHXH Việt Nam | 2025 | event -..- []
Theo yêu cầu của Ban Chỉ đạo | 2025 | event -..- []
Trình UBND tỉnh ban hành trước ngày 30/11/2025 | 2025 | date 2025-11-30..2025-11-30 [2025-11-30]
Tổng hợp, báo cáo kết quả về BHXH Việt Nam trước ngày 20/12/2025 | 2025 | date 2025-12-20..2025-12-20 [2025-12-20]
Triển khai thực hiện ngay sau khi Kế hoạch được ban hành | 2025 | event -..- []
Hoàn thành việc rà soát trong quý III/2025 | 2025 | quarter 2025-07-01..2025-09-30 [2025-09-30]
";

/// A date with a note after it.
const NOTES: &str = "
Quý IV/2025 (đã hoàn thành) | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
30/9/2025 (điều chỉnh) | 2025 | date 2025-09-30..2025-09-30 [2025-09-30]
Tháng 11/2025 (lùi từ tháng 9/2025) | 2025 | month 2025-11-01..2025-11-30 [2025-11-30]
Năm 2026 (theo Nghị quyết số 12/NQ-HĐND) | 2025 | year 2026-01-01..2026-12-31 [2026-12-31]
31/12/2025 (thay cho 30/6/2025) | 2025 | date 2025-12-31..2025-12-31 [2025-12-31]
";

#[test]
fn recurring_with_their_day() {
    check_lines(RECURRING);
}

#[test]
fn plain_dates_in_unusual_notation() {
    check_lines(PLAIN);
}

#[test]
fn joined_ranges_and_lists() {
    check_lines(JOINED_AND_RANGES);
}

#[test]
fn events_and_sentences() {
    check_lines(EVENTS_AND_SENTENCES);
}

#[test]
fn dates_with_notes() {
    check_lines(NOTES);
}
