//! More of the grammar's rules (held-out batches 2 and 3 and the gaps found with them), each shown
//! on phrases that are not in `phrasings.toml`; `tests.rs` holds the first ones and the
//! helpers.

use super::tests::{check, reads};

#[test]
fn counts_in_words_past_ten() {
    check(&[
        // Twelve months from the start of the year are the year.
        (
            "mười hai tháng đầu năm",
            2024,
            "year 2024-01-01..2024-12-31 [2024-12-31]",
        ),
        (
            "12 tháng đầu năm 2023",
            2024,
            "year 2023-01-01..2023-12-31 [2023-12-31]",
        ),
        (
            "mười một tháng đầu năm 2024",
            2024,
            "span 2024-01-01..2024-11-30 [2024-11-30]",
        ),
        // Counted from a day the text does not name: events, as "hai tuần tới" is.
        ("mười lăm ngày tới", 2024, "event -..- []"),
        (
            "trong vòng hai mươi mốt ngày kể từ ngày ký",
            2024,
            "event -..- []",
        ),
    ]);
    // Begun as a count of months, never read as "đầu năm" alone.
    assert!(reads("mười ba tháng đầu năm 2024", 2024).starts_with("error"));
}

#[test]
fn a_session_described_then_dated() {
    check(&[
        (
            "Kỳ họp thứ hai của Hội đồng nhân dân tỉnh được tổ chức vào ngày 10/12/2024",
            2024,
            "date 2024-12-10..2024-12-10 [2024-12-10]",
        ),
        ("Kỳ họp thứ tám Quốc hội khóa XV", 2024, "event -..- []"),
    ]);
}

#[test]
fn a_deadline_then_a_clause_with_its_subject() {
    check(&[
        (
            "Ngày 20/11, các sở, ngành phải gửi báo cáo về Văn phòng",
            2024,
            "date 2024-11-20..2024-11-20 [2024-11-20]",
        ),
        (
            "Trước 31/3/2025, 100% xã phải hoàn thành",
            2025,
            "date 2025-03-31..2025-03-31 [2025-03-31]",
        ),
    ]);
    // No clause, only other words: still an error, never part-read.
    assert!(reads("Ngày 20/11, 12 hồ sơ", 2024).starts_with("error"));
}

#[test]
fn windows_of_data_each_month_or_quarter() {
    check(&[
        (
            "từ ngày 20 tháng trước đến ngày 19 của tháng thuộc kỳ báo cáo",
            2024,
            "recurring 2023-12-20..2024-12-19 [2024-01-19 2024-02-19 2024-03-19 2024-04-19 \
             2024-05-19 2024-06-19 2024-07-19 2024-08-19 2024-09-19 2024-10-19 2024-11-19 \
             2024-12-19]",
        ),
        (
            "từ ngày 20 của tháng trước kỳ báo cáo đến ngày 19 của tháng cuối quý",
            2024,
            "recurring 2023-12-20..2024-12-19 [2024-03-19 2024-06-19 2024-09-19 2024-12-19]",
        ),
    ]);
}

#[test]
fn several_frequencies_share_hang() {
    check(&[
        (
            "Hằng quý, năm",
            2024,
            "recurring 2024-01-01..2024-12-31 [2024-03-31 2024-06-30 2024-09-30 2024-12-31]",
        ),
        (
            "định kỳ hằng tháng và quý năm 2023",
            2024,
            "recurring 2023-01-01..2023-12-31 [2023-01-31 2023-02-28 2023-03-31 2023-04-30 \
             2023-05-31 2023-06-30 2023-07-31 2023-08-31 2023-09-30 2023-10-31 2023-11-30 \
             2023-12-31]",
        ),
        // "năm 2024" after the comma is the series' year.
        (
            "Hằng tháng, năm 2023",
            2024,
            "recurring 2023-01-01..2023-12-31 [2023-01-31 2023-02-28 2023-03-31 2023-04-30 \
             2023-05-31 2023-06-30 2023-07-31 2023-08-31 2023-09-30 2023-10-31 2023-11-30 \
             2023-12-31]",
        ),
    ]);
}

#[test]
fn a_dash_between_two_full_months_is_a_span() {
    check(&[
        (
            "Tháng 2/2024 - tháng 5/2024",
            2024,
            "span 2024-02-01..2024-05-31 [2024-05-31]",
        ),
        (
            "10/2024 - 3/2025",
            2024,
            "span 2024-10-01..2025-03-31 [2025-03-31]",
        ),
        (
            "tháng 11/2024 đến tháng 01/2025",
            2024,
            "span 2024-11-01..2025-01-31 [2025-01-31]",
        ),
        // A list of months is written with commas; full quarters so joined stay stages.
        (
            "Tháng 3, 6/2024",
            2024,
            "several 2024-03-01..2024-06-30 [2024-03-31 2024-06-30]",
        ),
        (
            "Quý I/2024 - Quý III/2024",
            2024,
            "several 2024-01-01..2024-09-30 [2024-03-31 2024-09-30]",
        ),
    ]);
    assert!(reads("Tháng 5/2024 - tháng 2/2024", 2024).starts_with("error"));
}

#[test]
fn milestones_and_moments_name_a_date_or_an_event() {
    check(&[
        // "mốc" (milestone) and "thời điểm" (moment) before a date only name it.
        (
            "các mốc 30/4 và 2/9",
            2025,
            "several 2025-04-30..2025-09-02 [2025-04-30 2025-09-02]",
        ),
        (
            "mốc 15/10/2026",
            2026,
            "date 2026-10-15..2026-10-15 [2026-10-15]",
        ),
        (
            "trước thời điểm ngày 30/6/2026",
            2026,
            "date 2026-06-30..2026-06-30 [2026-06-30]",
        ),
        // Before words, "thời điểm" names an event: no date until `due` is set.
        ("đến thời điểm Luật có hiệu lực", 2026, "event -..- []"),
        (
            "trước thời điểm khai mạc Kỳ họp thứ nhất",
            2026,
            "event -..- []",
        ),
    ]);
    // A moment or a milestone that names nothing is not a deadline.
    assert!(reads("trước thời điểm", 2026).starts_with("error"));
    assert!(reads("các mốc", 2026).starts_with("error"));
}

#[test]
fn exceptions_to_a_series() {
    check(&[
        // "riêng" with no day says nothing a reader can apply: the remark stays a remark.
        (
            "Hằng quý (riêng quý IV)",
            2025,
            "recurring 2025-01-01..2025-12-31 [2025-03-31 2025-06-30 2025-09-30 2025-12-31]",
        ),
        (
            "Hằng quý (trừ quý I)",
            2025,
            "recurring 2025-01-01..2025-12-31 [2025-06-30 2025-09-30 2025-12-31]",
        ),
        // A month the series has no occurrence in changes nothing: the remark stays one.
        (
            "Hằng quý (trừ tháng 2)",
            2025,
            "recurring 2025-01-01..2025-12-31 [2025-03-31 2025-06-30 2025-09-30 2025-12-31]",
        ),
        // The years may follow the day.
        (
            "Hằng năm, trước 15/12, đến năm 2026",
            2025,
            "recurring 2025-01-01..2026-12-15 [2025-12-15 2026-12-15]",
        ),
        // In every year of the series.
        (
            "Hằng năm, trước 15/12, đến năm 2026 (riêng tháng 12 trước ngày 10)",
            2025,
            "recurring 2025-01-01..2026-12-10 [2025-12-10 2026-12-10]",
        ),
    ]);
}

#[test]
fn years_of_a_stage() {
    check(&[
        (
            "Năm thứ hai của giai đoạn 2026-2030",
            2025,
            "year 2027-01-01..2027-12-31 [2027-12-31]",
        ),
        (
            "Năm cuối của giai đoạn 2026 - 2030",
            2025,
            "year 2030-01-01..2030-12-31 [2030-12-31]",
        ),
        ("Năm đầu triển khai Kế hoạch", 2025, "event -..- []"),
        (
            "Giai đoạn từ nay đến hết năm 2025",
            2025,
            "year 2025-01-01..2025-12-31 [2025-12-31]",
        ),
        // Without "giai đoạn", "từ nay" dates nothing.
        (
            "Từ nay đến năm 2030",
            2025,
            "year 2030-01-01..2030-12-31 [2030-12-31]",
        ),
    ]);
    assert_eq!(
        reads("Năm thứ bảy của giai đoạn 2026-2030", 2025),
        "error: the stage 2026–2030 has no such year"
    );
}

#[test]
fn a_bound_narrows_only_a_time_inside_the_period() {
    check(&[
        (
            "Quý IV/2025, chậm nhất ngày 15/12/2025",
            2025,
            "date 2025-12-15..2025-12-15 [2025-12-15]",
        ),
        // Past the period, the bound is a later stage.
        (
            "Năm 2025, chậm nhất tháng 3/2026",
            2025,
            "several 2025-01-01..2026-03-31 [2025-12-31 2026-03-31]",
        ),
    ]);
}

#[test]
fn a_series_over_the_window_after_it() {
    check(&[
        (
            "Hằng quý, đến hết quý II/2026",
            2025,
            "recurring 2025-01-01..2026-06-30 [2025-03-31 2025-06-30 2025-09-30 2025-12-31 2026-03-31 2026-06-30]",
        ),
        (
            "Hằng năm từ 2025 đến 2027",
            2025,
            "recurring 2025-01-01..2027-12-31 [2025-12-31 2026-12-31 2027-12-31]",
        ),
        (
            "Hằng quý từ quý III/2025 đến quý II/2026",
            2025,
            "recurring 2025-07-01..2026-06-30 [2025-09-30 2025-12-31 2026-03-31 2026-06-30]",
        ),
        (
            "Hằng tháng từ tháng 10/2025",
            2025,
            "recurring 2025-10-01..2025-12-31 [2025-10-31 2025-11-30 2025-12-31]",
        ),
        // From a later year on: no occurrence in the plan's.
        (
            "Hằng năm từ năm 2026",
            2025,
            "recurring 2026-01-01..2026-12-31 [2026-12-31]",
        ),
    ]);
}

#[test]
fn the_year_with_no_number() {
    check(&[
        (
            "Trong năm",
            2025,
            "year 2025-01-01..2025-12-31 [2025-12-31]",
        ),
        (
            "Đến hết năm",
            2025,
            "year 2025-01-01..2025-12-31 [2025-12-31]",
        ),
        (
            "từ tháng 9 đến hết năm",
            2025,
            "span 2025-09-01..2025-12-31 [2025-12-31]",
        ),
        // After a duty, the duty's extent.
        ("Thường xuyên trong năm", 2025, "ongoing -..- []"),
    ]);
}

/// Found by QA after round 20's rules, each read wrongly (or not at all) then.
#[test]
fn series_with_remarks_and_windows_as_qa_wrote_them() {
    check(&[
        // A remark in parentheses, then one after a comma: no crash, the remark unread.
        (
            "Tháng 7 hằng năm (sơ kết 6 tháng), trình UBND tỉnh",
            2025,
            "recurring 2025-01-01..2025-07-31 [2025-07-31]",
        ),
        (
            "Hằng quý (báo cáo trước ngày 20 tháng cuối quý), trình UBND tỉnh",
            2025,
            "recurring 2025-01-01..2025-12-20 [2025-03-20 2025-06-20 2025-09-20 2025-12-20]",
        ),
        // The whole year, then who.
        (
            "Cả năm, trình UBND tỉnh",
            2024,
            "year 2024-01-01..2024-12-31 [2024-12-31]",
        ),
        (
            "Trong năm - Văn phòng chủ trì",
            2024,
            "year 2024-01-01..2024-12-31 [2024-12-31]",
        ),
        // The months a remark names.
        (
            "Mỗi năm 2 lần (tháng 5 và tháng 11)",
            2025,
            "recurring 2025-01-01..2025-11-30 [2025-05-31 2025-11-30]",
        ),
        // A window after a comma or "kể từ", and one starting after the plan's year.
        (
            "Hằng năm, từ năm 2026",
            2025,
            "recurring 2026-01-01..2026-12-31 [2026-12-31]",
        ),
        (
            "Hằng tháng kể từ tháng 10/2025",
            2025,
            "recurring 2025-10-01..2025-12-31 [2025-10-31 2025-11-30 2025-12-31]",
        ),
        (
            "Hằng quý từ quý III/2026",
            2025,
            "recurring 2026-07-01..2026-12-31 [2026-09-30 2026-12-31]",
        ),
        (
            "Hằng năm, giai đoạn từ nay đến năm 2028",
            2025,
            "recurring 2025-01-01..2028-12-31 [2025-12-31 2026-12-31 2027-12-31 2028-12-31]",
        ),
    ]);
}

/// Exceptions and stages as QA wrote them after round 20's rules.
#[test]
fn exceptions_and_stages_as_qa_wrote_them() {
    check(&[
        // A quarter's report due in the next quarter: the exception's month picks it.
        (
            "Hằng quý, trước ngày 20 tháng đầu quý sau (quý IV trước ngày 15/01)",
            2025,
            "recurring 2025-01-01..2026-01-15 [2025-04-20 2025-07-20 2025-10-20 2026-01-15]",
        ),
        // After ";" with no "riêng".
        (
            "Hằng quý, trước ngày 15 tháng cuối quý; quý IV trước ngày 10/12",
            2025,
            "recurring 2025-01-01..2025-12-10 [2025-03-15 2025-06-15 2025-09-15 2025-12-10]",
        ),
        (
            "Hằng quý (trừ quý II và quý IV)",
            2025,
            "recurring 2025-01-01..2025-09-30 [2025-03-31 2025-09-30]",
        ),
        (
            "Hằng tháng từ tháng 7/2025 (trừ tháng 8-10)",
            2025,
            "recurring 2025-07-01..2025-12-31 [2025-07-31 2025-11-30 2025-12-31]",
        ),
        // A remark that names a year is no day.
        (
            "Hằng năm (trừ năm 2026)",
            2025,
            "recurring 2025-01-01..2025-12-31 [2025-12-31]",
        ),
        (
            "Năm thứ tư của giai đoạn 2026-2030",
            2025,
            "year 2029-01-01..2029-12-31 [2029-12-31]",
        ),
        (
            "Năm đầu tiên của nhiệm kỳ 2025-2030",
            2025,
            "year 2025-01-01..2025-12-31 [2025-12-31]",
        ),
        (
            "Hai năm đầu của giai đoạn 2026-2030",
            2025,
            "span 2026-01-01..2027-12-31 [2027-12-31]",
        ),
    ]);
    // Begun as an exception, a time that does not exist is an error, as anywhere.
    for nonsense in [
        "Hằng tháng (trừ tháng 13)",
        "Hằng quý (trừ quý V)",
        "Ngày 20 hằng tháng; riêng tháng 2 là ngày 31",
        "Hằng quý, trước ngày 15 tháng cuối quý (quý IV trước ngày 31/11)",
        "Giai đoạn từ nay đến năm 2024",
        "6 năm đầu của giai đoạn 2026-2030",
        "Hằng tháng (trừ tháng 3-1)",
        "Hằng tháng từ tháng 10/2025 (trừ tháng 10, tháng 11 và tháng 12)",
    ] {
        assert!(reads(nonsense, 2025).starts_with("error"), "{nonsense}");
    }
}

#[test]
fn times_a_period() {
    check(&[
        (
            "Mỗi năm hai lần",
            2025,
            "recurring 2025-01-01..2025-12-31 [2025-06-30 2025-12-31]",
        ),
        (
            "1 lần/quý",
            2025,
            "recurring 2025-01-01..2025-12-31 [2025-03-31 2025-06-30 2025-09-30 2025-12-31]",
        ),
        (
            "Kiểm tra 6 tháng/lần",
            2025,
            "recurring 2025-01-01..2025-12-31 [2025-06-30 2025-12-31]",
        ),
        (
            "6 tháng/lần (tháng 1 và tháng 7)",
            2025,
            "recurring 2025-01-01..2025-07-31 [2025-01-31 2025-07-31]",
        ),
    ]);
    // Twice a month names no days to be due on.
    assert!(reads("2 lần/tháng", 2025).starts_with("error"));
}

#[test]
fn a_series_remark_read_beside_another_remark() {
    check(&[
        // A dashed restatement, then who.
        (
            "Quý III/2025 - chậm nhất ngày 30/9/2025 - Văn phòng chủ trì",
            2025,
            "quarter 2025-07-01..2025-09-30 [2025-09-30]",
        ),
        // A dash after "tháng cuối quý" sets off who does it, not a year.
        (
            "Hằng quý (báo cáo trước ngày 20 tháng cuối quý) - Văn phòng chủ trì",
            2026,
            "recurring 2026-01-01..2026-12-20 [2026-03-20 2026-06-20 2026-09-20 2026-12-20]",
        ),
        (
            "Ngày 25 hằng tháng (trừ tháng 12: ngày 20) (dự kiến)",
            2025,
            "recurring 2025-01-01..2025-12-20 [2025-01-25 2025-02-25 2025-03-25 2025-04-25 2025-05-25 2025-06-25 2025-07-25 2025-08-25 2025-09-25 2025-10-25 2025-11-25 2025-12-20]",
        ),
    ]);
}

/// Found by the second QA pass.
#[test]
fn series_as_the_second_qa_pass_wrote_them() {
    check(&[
        (
            "Hằng tháng, quý, năm",
            2025,
            "recurring 2025-01-01..2025-12-31 [2025-01-31 2025-02-28 2025-03-31 2025-04-30 2025-05-31 2025-06-30 2025-07-31 2025-08-31 2025-09-30 2025-10-31 2025-11-30 2025-12-31]",
        ),
        (
            "2 lần/năm: tháng 3 và tháng 9",
            2025,
            "recurring 2025-01-01..2025-09-30 [2025-03-31 2025-09-30]",
        ),
        (
            "Hằng quý (trước ngày 20 tháng cuối quý) năm 2026",
            2025,
            "recurring 2026-01-01..2026-12-20 [2026-03-20 2026-06-20 2026-09-20 2026-12-20]",
        ),
        (
            "Hằng năm (báo cáo trước 15/12)",
            2025,
            "recurring 2025-01-01..2025-12-15 [2025-12-15]",
        ),
        (
            "Hằng quý từ quý IV/2025 (trừ quý I)",
            2025,
            "recurring 2025-10-01..2025-12-31 [2025-12-31]",
        ),
        (
            "Hằng năm, từ năm 2024",
            2025,
            "recurring 2024-01-01..2025-12-31 [2024-12-31 2025-12-31]",
        ),
        // The fourth quarter's report, due in January, moved to the year's last day.
        (
            "Hằng quý, trước ngày 20 tháng đầu quý sau (quý IV trước ngày 31/12)",
            2025,
            "recurring 2025-01-01..2025-12-31 [2025-04-20 2025-07-20 2025-10-20 2025-12-31]",
        ),
        // A dash after the series' year sets off who, not a range of years (this read the
        // year 2026, skipping "Hằng quý" as words).
        (
            "Hằng quý năm 2026 - Văn phòng chủ trì",
            2026,
            "recurring 2026-01-01..2026-12-31 [2026-03-31 2026-06-30 2026-09-30 2026-12-31]",
        ),
        (
            "Hằng tháng (trừ tháng nghỉ Tết)",
            2025,
            "recurring 2025-01-01..2025-12-31 [2025-01-31 2025-02-28 2025-03-31 2025-04-30 2025-05-31 2025-06-30 2025-07-31 2025-08-31 2025-09-30 2025-10-31 2025-11-30 2025-12-31]",
        ),
    ]);
    assert!(reads("Năm thứ tư của giai đoạn 2026-2028", 2025).starts_with("error"));
}
