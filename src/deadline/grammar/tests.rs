//! The grammar's rules, each shown on phrases that are not in `phrasings.toml`, so that a
//! rule is seen to read its kind of phrase rather than one string. Readings use the
//! notation of tests/deadline_language: `kind start..due [dates]`.

use super::super::{Context, resolve};

pub(super) fn reads(text: &str, year: i32) -> String {
    match resolve(text, Context { year }) {
        Ok(r) => {
            let day = |d: Option<chrono::NaiveDate>| d.map_or("-".into(), |d| d.to_string());
            let dates: Vec<String> = r.dates.iter().map(|d| d.to_string()).collect();
            format!(
                "{} {}..{} [{}]",
                r.kind.as_str(),
                day(r.start),
                day(r.due),
                dates.join(" ")
            )
        }
        Err(e) => format!("error: {}", e.message),
    }
}

#[track_caller]
pub(super) fn check(cases: &[(&str, i32, &str)]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|&(text, year, want)| {
            let got = reads(text, year);
            (got != want).then(|| format!("{text:?} ({year}): got `{got}`, want `{want}`"))
        })
        .collect();
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn a_day_then_hang_nam_is_that_day_of_every_year() {
    check(&[
        (
            "ngày 01-6 hằng năm",
            2024,
            "recurring 2024-01-01..2024-06-01 [2024-06-01]",
        ),
        (
            "trước 30/4 hàng năm",
            2024,
            "recurring 2024-01-01..2024-04-30 [2024-04-30]",
        ),
        (
            "ngày 19 tháng 5 hằng năm",
            2024,
            "recurring 2024-01-01..2024-05-19 [2024-05-19]",
        ),
    ]);
}

#[test]
fn mung_and_mong_mark_a_day_of_the_month() {
    let tenth = (1..=12)
        .map(|m| format!("2025-{m:02}-10"))
        .collect::<Vec<_>>()
        .join(" ");
    check(&[
        (
            "mồng 10 hằng tháng",
            2025,
            &format!("recurring 2025-01-01..2025-12-10 [{tenth}]"),
        ),
        (
            "ngày mùng 2 tháng 9 năm 2025",
            2025,
            "date 2025-09-02..2025-09-02 [2025-09-02]",
        ),
        (
            "mùng 1 tháng Giêng",
            2025,
            "error: `mùng 1 tháng Giêng` is a day of the lunar calendar: write the solar date (10/2/2025)",
        ),
        (
            "ngày 15 tháng 8 âm lịch",
            2025,
            "error: `ngày 15 tháng 8 âm lịch` is a day of the lunar calendar: write the solar date (10/2/2025)",
        ),
    ]);
}

#[test]
fn a_year_named_from_the_plans_year() {
    check(&[
        (
            "trong năm nay",
            2023,
            "year 2023-01-01..2023-12-31 [2023-12-31]",
        ),
        (
            "quý IV năm nay",
            2023,
            "quarter 2023-10-01..2023-12-31 [2023-12-31]",
        ),
        (
            "chậm nhất ngày 15/1 năm sau",
            2024,
            "date 2025-01-15..2025-01-15 [2025-01-15]",
        ),
        (
            "ngày 31 tháng 1 năm tới",
            2024,
            "date 2025-01-31..2025-01-31 [2025-01-31]",
        ),
        // "năm nay" neither takes the year another item states nor gives its own.
        (
            "tháng 11 năm nay và tháng 1 năm 2026",
            2025,
            "several 2025-11-01..2026-01-31 [2025-11-30 2026-01-31]",
        ),
        // "trước" before a day is "before", not "the year before".
        (
            "trong năm, trước ngày 30/6",
            2025,
            "date 2025-06-30..2025-06-30 [2025-06-30]",
        ),
    ]);
}

#[test]
fn the_first_or_last_months_of_a_year() {
    check(&[
        (
            "3 tháng đầu năm 2025",
            2025,
            "span 2025-01-01..2025-03-31 [2025-03-31]",
        ),
        (
            "ba tháng cuối năm",
            2024,
            "span 2024-10-01..2024-12-31 [2024-12-31]",
        ),
        (
            "06 tháng cuối năm 2024",
            2024,
            "half 2024-07-01..2024-12-31 [2024-12-31]",
        ),
        (
            "13 tháng đầu năm",
            2024,
            "error: a year has 12 months, not 13: write 1 to 12 before `tháng`",
        ),
    ]);
}

#[test]
fn a_dotted_year_and_an_ampersand() {
    check(&[
        (
            "Tháng 11.2025",
            2025,
            "month 2025-11-01..2025-11-30 [2025-11-30]",
        ),
        (
            "quý I & II/2025",
            2025,
            "several 2025-01-01..2025-06-30 [2025-03-31 2025-06-30]",
        ),
        (
            "trong tháng 3 - 4.2025",
            2025,
            "span 2025-03-01..2025-04-30 [2025-04-30]",
        ),
    ]);
}

#[test]
fn a_deadline_may_lead_its_sentence() {
    check(&[
        (
            "Quý III/2025 sẽ trình Chính phủ dự thảo Nghị định",
            2025,
            "quarter 2025-07-01..2025-09-30 [2025-09-30]",
        ),
        (
            "Tháng 3: hoàn thành dự thảo",
            2025,
            "month 2025-03-01..2025-03-31 [2025-03-31]",
        ),
        // A share is not a time.
        (
            "Năm 2025: hoàn thành 100%",
            2025,
            "year 2025-01-01..2025-12-31 [2025-12-31]",
        ),
        // Words that open no clause are still an error.
        (
            "Quý I/2024 xem phụ lục",
            2024,
            "error: unexpected `xem phụ lục` after the deadline",
        ),
    ]);
}

#[test]
fn a_qualifier_or_a_purpose_after_a_date_leaves_the_date() {
    check(&[
        (
            "Tháng 8/2026 theo quy định",
            2026,
            "month 2026-08-01..2026-08-31 [2026-08-31]",
        ),
        (
            "Quý III/2025 theo tiến độ của Đề án",
            2025,
            "quarter 2025-07-01..2025-09-30 [2025-09-30]",
        ),
        (
            "trước ngày 15/9 để kịp trình vào tháng 10",
            2025,
            "date 2025-09-15..2025-09-15 [2025-09-15]",
        ),
        // "đề án" folds as "để" does, but names no purpose.
        (
            "Quý I/2024 đề án mới",
            2024,
            "error: unexpected `đề án mới` after the deadline",
        ),
        ("Theo kế hoạch của Bộ", 2025, "event -..- []"),
        ("theo quy định hiện hành", 2025, "event -..- []"),
    ]);
}

#[test]
fn a_count_of_days_from_no_named_day_is_an_event() {
    check(&[
        ("trong 15 ngày", 2025, "event -..- []"),
        ("trong vòng 10 ngày đêm", 2025, "event -..- []"),
        ("45 ngày", 2025, "event -..- []"),
    ]);
}

#[test]
fn a_remark_names_the_time_the_words_outside_do_not() {
    check(&[
        (
            "Đợt 2 (tháng 10/2025)",
            2025,
            "month 2025-10-01..2025-10-31 [2025-10-31]",
        ),
        (
            "trong 20 ngày (từ 1/8 đến 20/8)",
            2024,
            "span 2024-08-01..2024-08-20 [2024-08-20]",
        ),
        (
            "Khi được phê duyệt (dự kiến quý II/2026)",
            2026,
            "quarter 2026-04-01..2026-06-30 [2026-06-30]",
        ),
        // A remark never overrides the words outside when they name a time.
        (
            "Quý I/2025 (tháng 2/2025)",
            2025,
            "quarter 2025-01-01..2025-03-31 [2025-03-31]",
        ),
    ]);
}

#[test]
fn a_term_of_office_and_the_whole_year() {
    check(&[
        (
            "Nhiệm kỳ 2026-2031",
            2026,
            "span 2026-01-01..2031-12-31 [2031-12-31]",
        ),
        ("Cả năm", 2024, "year 2024-01-01..2024-12-31 [2024-12-31]"),
        ("thường xuyên trong cả năm", 2023, "ongoing -..- []"),
    ]);
}

#[test]
fn windows_of_the_reporting_period() {
    check(&[
        (
            "từ ngày 15 tháng 9 của năm trước kỳ báo cáo đến ngày 14 tháng 9 thuộc kỳ báo cáo",
            2024,
            "span 2023-09-15..2024-09-14 [2024-09-14]",
        ),
        (
            "từ ngày 15 tháng 12 năm trước kỳ báo cáo đến ngày 14 tháng 12 của kỳ báo cáo",
            2024,
            "span 2023-12-15..2024-12-14 [2024-12-14]",
        ),
    ]);
}

#[test]
fn a_day_and_month_after_thang_is_read_as_the_day() {
    check(&[
        (
            "từ tháng 15/8",
            2025,
            "date 2025-08-15..2025-08-15 [2025-08-15]",
        ),
        (
            "tháng 1/13",
            2025,
            "error: `1/13` is neither a month and its year nor a day and its month: write tháng 1/2025 or ngày 1/7",
        ),
        // A year is still four digits.
        (
            "30/6/17",
            2025,
            "error: year 17 is out of range: write a year from 1900 to 2199 in full",
        ),
    ]);
}

#[test]
fn a_dash_range_of_days_after_ngay() {
    check(&[
        (
            "từ ngày 5/3 - 20/3/2025",
            2025,
            "span 2025-03-05..2025-03-20 [2025-03-20]",
        ),
        (
            "ngày 1/10 – 15/10",
            2024,
            "span 2024-10-01..2024-10-15 [2024-10-15]",
        ),
        // The first day takes the last's year, or the year before.
        (
            "từ ngày 5/5-28/5/2025",
            2024,
            "span 2025-05-05..2025-05-28 [2025-05-28]",
        ),
        (
            "từ ngày 15/12 - 15/1/2025",
            2024,
            "span 2024-12-15..2025-01-15 [2025-01-15]",
        ),
        (
            "từ ngày 29/2 - 5/3/2025",
            2024,
            "error: `29/2 - 5/3/2025`: 29/2/2025 is not a day of the calendar",
        ),
    ]);
}

#[test]
fn a_start_and_a_length() {
    check(&[
        (
            "bắt đầu từ ngày 10/3/2025, kéo dài 2 tuần",
            2025,
            "span 2025-03-10..2025-03-23 [2025-03-23]",
        ),
        (
            "từ ngày 1/8/2024 và diễn ra trong 15 ngày",
            2024,
            "span 2024-08-01..2024-08-15 [2024-08-15]",
        ),
        (
            "trong 5 ngày, từ ngày 3/6",
            2024,
            "span 2024-06-03..2024-06-07 [2024-06-07]",
        ),
    ]);
}

#[test]
fn events_with_no_day_to_count_from() {
    check(&[
        ("trước dịp Tết Nguyên đán", 2025, "event -..- []"),
        ("ba tuần tới", 2025, "event -..- []"),
        ("trong 10 ngày tới", 2025, "event -..- []"),
        ("tháng sau", 2025, "event -..- []"),
    ]);
}

#[test]
fn days_that_share_the_month_of_the_last() {
    check(&[
        (
            "ngày 3 và 4-6-2025",
            2025,
            "several 2025-06-03..2025-06-04 [2025-06-03 2025-06-04]",
        ),
        (
            "trong ba ngày 14, 15 và 16/5",
            2025,
            "several 2025-05-14..2025-05-16 [2025-05-14 2025-05-15 2025-05-16]",
        ),
    ]);
}

#[test]
fn months_named_in_words() {
    check(&[
        (
            "tháng Tư và tháng Năm năm 2025",
            2025,
            "several 2025-04-01..2025-05-31 [2025-04-30 2025-05-31]",
        ),
        (
            "tháng Mười một/2024",
            2024,
            "month 2024-11-01..2024-11-30 [2024-11-30]",
        ),
        (
            "Tháng Giêng năm 2026",
            2025,
            "month 2026-01-01..2026-01-31 [2026-01-31]",
        ),
        (
            "từ tháng Sáu đến tháng Tám",
            2025,
            "span 2025-06-01..2025-08-31 [2025-08-31]",
        ),
        (
            "tháng Năm 2025",
            2024,
            "month 2025-05-01..2025-05-31 [2025-05-31]",
        ),
        // "năm 2025" after a joiner is the year, not May.
        (
            "tháng 11, năm 2025",
            2025,
            "month 2025-11-01..2025-11-30 [2025-11-30]",
        ),
        // A first item that does not read is not dropped from its list.
        (
            "trong tháng tới và tháng 3/2023",
            2023,
            "error: expected a month (1 to 12) here",
        ),
    ]);
}

#[test]
fn a_school_year_runs_from_september_to_may() {
    check(&[
        (
            "năm học 2023-2024",
            2023,
            "span 2023-09-01..2024-05-31 [2024-05-31]",
        ),
        (
            "trong năm học 2024-25",
            2024,
            "span 2024-09-01..2025-05-31 [2025-05-31]",
        ),
        (
            "năm học 2024-2026",
            2024,
            "error: `năm học 2024-2026` is not a school year: write its two years, năm học 2018-2019",
        ),
    ]);
}

#[test]
fn months_written_with_numbers_only() {
    check(&[
        ("12/2024", 2024, "month 2024-12-01..2024-12-31 [2024-12-31]"),
        (
            "3, 6/2025",
            2025,
            "several 2025-03-01..2025-06-30 [2025-03-31 2025-06-30]",
        ),
        ("3-4/2025", 2025, "span 2025-03-01..2025-04-30 [2025-04-30]"),
        // A dash before the year makes a day and month, not a range of months.
        (
            "10-10-2017",
            2017,
            "date 2017-10-10..2017-10-10 [2017-10-10]",
        ),
    ]);
}

#[test]
fn a_session_named_by_its_time() {
    check(&[
        (
            "kỳ họp tháng 10 năm 2025",
            2025,
            "month 2025-10-01..2025-10-31 [2025-10-31]",
        ),
        (
            "Kỳ họp cuối năm 2025 của HĐND tỉnh",
            2025,
            "date 2025-12-31..2025-12-31 [2025-12-31]",
        ),
        ("kỳ họp thứ 10 Quốc hội khóa XV", 2025, "event -..- []"),
    ]);
}

#[test]
fn the_hour_of_a_day_is_skipped() {
    check(&[
        (
            "Từ 14h chiều 15/7",
            2025,
            "date 2025-07-15..2025-07-15 [2025-07-15]",
        ),
        (
            "8 giờ 30 phút sáng ngày 2/9/2025",
            2025,
            "date 2025-09-02..2025-09-02 [2025-09-02]",
        ),
        (
            "từ 7h30 sáng thứ Hai ngày 5/5",
            2025,
            "date 2025-05-05..2025-05-05 [2025-05-05]",
        ),
    ]);
}

#[test]
fn the_coming_one() {
    check(&[
        (
            "trong tháng 10 sắp tới",
            2025,
            "month 2025-10-01..2025-10-31 [2025-10-31]",
        ),
        (
            "quý IV này",
            2025,
            "quarter 2025-10-01..2025-12-31 [2025-12-31]",
        ),
        // With its year stated, "tới" is not "coming".
        (
            "tháng 9/2024 tới",
            2024,
            "error: unexpected `tới` after the deadline",
        ),
    ]);
}

#[test]
fn labelled_batches_are_stages() {
    check(&[
        (
            "Đợt 1: 01/3-15/3; Đợt 2: 01/9-15/9",
            2025,
            "several 2025-03-01..2025-09-15 [2025-03-15 2025-09-15]",
        ),
        (
            "Giai đoạn 1: 2021-2022; Giai đoạn 2: 2023-2025",
            2021,
            "several 2021-01-01..2025-12-31 [2022-12-31 2025-12-31]",
        ),
    ]);
}

#[test]
fn a_count_then_what_it_counts() {
    check(&[
        (
            "trong 3 tháng cao điểm là tháng 6, 7 và 8/2025",
            2025,
            "several 2025-06-01..2025-08-31 [2025-06-30 2025-07-31 2025-08-31]",
        ),
        (
            "2 đợt là tháng 3 và tháng 9/2025",
            2025,
            "several 2025-03-01..2025-09-30 [2025-03-31 2025-09-30]",
        ),
    ]);
}

#[test]
fn a_start_then_a_later_stage_that_ends_the_work_is_a_span() {
    check(&[
        (
            "Bắt đầu từ ngày 3/3/2025, tổng hợp báo cáo và hoàn thành trước 30/4/2025",
            2025,
            "span 2025-03-03..2025-04-30 [2025-04-30]",
        ),
        // Without a start, stages stay milestones.
        (
            "đến tháng 6/2025 khởi công và hoàn thành trước 31/12/2026",
            2025,
            "several 2025-06-01..2026-12-31 [2025-06-30 2026-12-31]",
        ),
    ]);
}
