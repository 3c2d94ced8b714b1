//! The readable specification of the deadline language (DESIGN §3): phrase, context year
//! → meaning, through the public resolver. Each expectation reads
//! `kind start..due [dates]`; `-` stands for no date.

use bhxh_plan::deadline::{Context, Resolution, resolve};
use chrono::NaiveDate;
use proptest::prelude::*;

mod real;
mod variants;

fn describe(r: &Resolution) -> String {
    let day = |d: Option<NaiveDate>| d.map_or("-".to_string(), |d| d.to_string());
    let dates: Vec<String> = r.dates.iter().map(|d| d.to_string()).collect();
    format!(
        "{} {}..{} [{}]",
        r.kind.as_str(),
        day(r.start),
        day(r.due),
        dates.join(" ")
    )
}

fn check_table(table: &[(&str, i32, &str)]) {
    let mut failures = Vec::new();
    for &(text, year, expected) in table {
        match resolve(text, Context { year }) {
            Ok(r) if describe(&r) == expected => {}
            Ok(r) => failures.push(format!(
                "{text:?}: got `{}`, want `{expected}`",
                describe(&r)
            )),
            Err(e) => failures.push(format!(
                "{text:?}: error `{}`, want `{expected}`",
                e.message
            )),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Every deadline phrase of the five source documents, as transcribed in plans/.
#[test]
fn every_phrase_of_the_sources() {
    check_table(&[
        ("Năm 2024", 2024, "year 2024-01-01..2024-12-31 [2024-12-31]"),
        ("Thường xuyên", 2024, "ongoing -..- []"),
        ("Năm 2017", 2017, "year 2017-01-01..2017-12-31 [2017-12-31]"),
        (
            "Tháng 10/2017",
            2017,
            "month 2017-10-01..2017-10-31 [2017-10-31]",
        ),
        (
            "Tháng 02/2017",
            2017,
            "month 2017-02-01..2017-02-28 [2017-02-28]",
        ),
        (
            "Quý I/2024",
            2024,
            "quarter 2024-01-01..2024-03-31 [2024-03-31]",
        ),
        (
            "30/6/2017",
            2017,
            "date 2017-06-30..2017-06-30 [2017-06-30]",
        ),
        (
            "Tháng 6/2017",
            2017,
            "month 2017-06-01..2017-06-30 [2017-06-30]",
        ),
        (
            "Quý IV, năm 2017",
            2017,
            "quarter 2017-10-01..2017-12-31 [2017-12-31]",
        ),
        ("Năm 2018", 2017, "year 2018-01-01..2018-12-31 [2018-12-31]"),
        (
            "Hàng năm",
            2024,
            "recurring 2024-01-01..2024-12-31 [2024-12-31]",
        ),
        (
            "30/9/2017",
            2017,
            "date 2017-09-30..2017-09-30 [2017-09-30]",
        ),
        (
            "Định kỳ hàng quý năm 2024",
            2024,
            "recurring 2024-01-01..2024-12-31 [2024-03-31 2024-06-30 2024-09-30 2024-12-31]",
        ),
        (
            "Thường xuyên; Sau khi Quyết định công bố TTHC được ký, ban hành",
            2024,
            "ongoing -..- []",
        ),
        (
            "Tháng 8/2024",
            2024,
            "month 2024-08-01..2024-08-31 [2024-08-31]",
        ),
        (
            "Tháng 7/2024",
            2024,
            "month 2024-07-01..2024-07-31 [2024-07-31]",
        ),
        (
            "Tháng 3/2017",
            2017,
            "month 2017-03-01..2017-03-31 [2017-03-31]",
        ),
        (
            "Tháng 11/2024",
            2024,
            "month 2024-11-01..2024-11-30 [2024-11-30]",
        ),
        (
            "Tháng 1 năm 2024",
            2024,
            "month 2024-01-01..2024-01-31 [2024-01-31]",
        ),
        (
            "Sau khi Quyết định công bố TTHC được ký, ban hành",
            2024,
            "event -..- []",
        ),
        (
            "Quý IV, năm 2017 và các năm tiếp theo",
            2017,
            "open_ended 2017-10-01..2017-12-31 [2017-12-31]",
        ),
        (
            "Quý IV năm 2017",
            2017,
            "quarter 2017-10-01..2017-12-31 [2017-12-31]",
        ),
        (
            "Quý II/2017",
            2017,
            "quarter 2017-04-01..2017-06-30 [2017-06-30]",
        ),
        (
            "Quý II, III/2024",
            2024,
            "several 2024-04-01..2024-09-30 [2024-06-30 2024-09-30]",
        ),
        (
            "Năm 2017 và các năm tiếp theo",
            2017,
            "open_ended 2017-01-01..2017-12-31 [2017-12-31]",
        ),
        (
            "Khi phương án đơn giản hóa TTHC được phê duyệt",
            2024,
            "event -..- []",
        ),
        (
            "Giai đoạn 2017-2018",
            2017,
            "span 2017-01-01..2018-12-31 [2018-12-31]",
        ),
        (
            "Báo cáo quý: trước ngày 19 của tháng cuối quý I, II, III; - Báo cáo năm: trước ngày 19/12/2024.",
            2024,
            "recurring 2024-01-01..2024-12-19 [2024-03-19 2024-06-19 2024-09-19 2024-12-19]",
        ),
        (
            "- Báo cáo quý: trước ngày 19 của tháng cuối quý I, II, III; - Báo cáo năm: trước ngày 19/12/2024.",
            2024,
            "recurring 2024-01-01..2024-12-19 [2024-03-19 2024-06-19 2024-09-19 2024-12-19]",
        ),
        (
            "31/3/2024",
            2024,
            "date 2024-03-31..2024-03-31 [2024-03-31]",
        ),
        (
            "31/10/2017",
            2017,
            "date 2017-10-31..2017-10-31 [2017-10-31]",
        ),
        (
            "2019-2020",
            2017,
            "span 2019-01-01..2020-12-31 [2020-12-31]",
        ),
        (
            "2018-2019",
            2017,
            "span 2018-01-01..2019-12-31 [2019-12-31]",
        ),
        (
            "2017-2020",
            2017,
            "span 2017-01-01..2020-12-31 [2020-12-31]",
        ),
        (
            "2017-2018",
            2017,
            "span 2017-01-01..2018-12-31 [2018-12-31]",
        ),
        (
            "15/7/2017",
            2017,
            "date 2017-07-15..2017-07-15 [2017-07-15]",
        ),
        (
            "15/11/2017",
            2017,
            "date 2017-11-15..2017-11-15 [2017-11-15]",
        ),
        (
            "10.10.2017",
            2017,
            "date 2017-10-10..2017-10-10 [2017-10-10]",
        ),
        // Cells of the source documents as printed, before they were split into stages.
        (
            "2017-2018 - Năm 2017 - Năm 2018",
            2017,
            "several 2017-01-01..2018-12-31 [2017-12-31 2018-12-31]",
        ),
        (
            "- Thực hiện: + Năm 2017",
            2017,
            "year 2017-01-01..2017-12-31 [2017-12-31]",
        ),
    ]);
}

/// The examples of DESIGN §3.
#[test]
fn the_examples_of_the_design() {
    check_table(&[
        (
            "ngày 31/3/2024",
            2024,
            "date 2024-03-31..2024-03-31 [2024-03-31]",
        ),
        (
            "trước ngày 19/12/2024",
            2024,
            "date 2024-12-19..2024-12-19 [2024-12-19]",
        ),
        (
            "chậm nhất ngày 20/02/2024",
            2024,
            "date 2024-02-20..2024-02-20 [2024-02-20]",
        ),
        (
            "2024-03-31",
            2024,
            "date 2024-03-31..2024-03-31 [2024-03-31]",
        ),
        (
            "trong tháng 01 năm 2024",
            2024,
            "month 2024-01-01..2024-01-31 [2024-01-31]",
        ),
        (
            "quý 4/2017",
            2017,
            "quarter 2017-10-01..2017-12-31 [2017-12-31]",
        ),
        (
            "Tháng 6, 9/2024",
            2024,
            "several 2024-06-01..2024-09-30 [2024-06-30 2024-09-30]",
        ),
        (
            "6 tháng đầu năm 2024",
            2024,
            "half 2024-01-01..2024-06-30 [2024-06-30]",
        ),
        ("2017", 2017, "year 2017-01-01..2017-12-31 [2017-12-31]"),
        (
            "trước ngày 15 hàng tháng",
            2024,
            "recurring 2024-01-01..2024-12-15 [2024-01-15 2024-02-15 2024-03-15 2024-04-15 2024-05-15 2024-06-15 2024-07-15 2024-08-15 2024-09-15 2024-10-15 2024-11-15 2024-12-15]",
        ),
        ("khi phát sinh", 2024, "event -..- []"),
    ]);
}

/// Phrases that are not deadlines, with the message a user sees.
#[test]
fn invalid_phrases_are_refused_with_a_reason() {
    const BAD: &[(&str, &str)] = &[
        ("31/2/2024", "`31/2/2024` is not a day of the calendar"),
        ("29/2/2023", "`29/2/2023` is not a day of the calendar"),
        ("ngày 31/4/2024", "`31/4/2024` is not a day of the calendar"),
        ("Tháng 13/2024", "month 13 does not exist: write 1 to 12"),
        ("Tháng 0/2024", "month 0 does not exist: write 1 to 12"),
        (
            "Quý V/2024",
            "quarter `V` does not exist: write I, II, III or IV",
        ),
        (
            "Quý 5/2024",
            "quarter `5` does not exist: write I, II, III or IV",
        ),
        (
            "Năm 0",
            "year 0 is out of range: write a year from 1900 to 2199 in full",
        ),
        (
            "Năm 99999",
            "year 99999 is out of range: write a year from 1900 to 2199 in full",
        ),
        (
            "30/6/17",
            "year 17 is out of range: write a year from 1900 to 2199 in full",
        ),
        ("2020-2017", "the span 2020-2017 ends before it starts"),
        ("Tháng 6-3/2024", "`Tháng 6-3/2024` ends before it starts"),
        (
            "Sớm nhất có thể",
            "cannot read `Sớm nhất có thể` as a deadline",
        ),
        ("ASAP", "cannot read `ASAP` as a deadline"),
        ("", "the deadline is empty"),
        ("   ", "the deadline is empty"),
        ("(ghi chú)", "the deadline is empty"),
        (
            "Quý I/2024 xem phụ lục",
            "unexpected `xem phụ lục` after the deadline",
        ),
        ("Năm 2024 abc", "unexpected `abc` after the deadline"),
        ("Tháng", "expected a month (1 to 12) here"),
        ("Quý", "expected a quarter (I, II, III or IV) here"),
        ("ngày 32 hàng tháng", "day 32 does not exist: write 1 to 31"),
        ("Tháng 3/2017; nt", "cannot read `nt` as a deadline"),
        // a sentence is read for its deadline, but not past nonsense in it
        (
            "Hoàn thành trong quý V/2025",
            "quarter `V` does not exist: write I, II, III or IV",
        ),
        (
            "Báo cáo kết quả tháng 13/2025",
            "month 13 does not exist: write 1 to 12",
        ),
        (
            "Quý I/2024 và xem phụ lục",
            "unexpected `và xem phụ lục` after the deadline",
        ),
        (
            "Sửa đổi quy trình",
            "cannot read `Sửa đổi quy trình` as a deadline",
        ),
        ("abc 2024", "cannot read `abc 2024` as a deadline"),
        (
            "từ quý IV/2025 đến quý II/2025",
            "`từ quý IV/2025 đến quý II/2025` ends before it starts",
        ),
    ];
    let mut failures = Vec::new();
    for &(text, want) in BAD {
        match resolve(text, Context { year: 2024 }) {
            Ok(r) => failures.push(format!("{text:?}: read as `{}`", describe(&r))),
            Err(e) if e.message != want => {
                failures.push(format!("{text:?}: `{}`, want `{want}`", e.message))
            }
            Err(e) => assert!(
                e.span.end <= text.len() && e.span.start <= e.span.end,
                "{text:?}: span {:?}",
                e.span
            ),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn error_spans_point_at_the_offending_words() {
    let text = "Quý I/2024 xem phụ lục";
    let error = resolve(text, Context { year: 2024 }).unwrap_err();
    assert_eq!(&text[error.span], "xem phụ lục");
    let text = "Báo cáo: Tháng 13/2024";
    let error = resolve(text, Context { year: 2024 }).unwrap_err();
    assert_eq!(&text[error.span], "13");
}

#[test]
fn a_due_override_fixes_an_event() {
    let event = resolve("Khi phương án được phê duyệt", Context { year: 2024 }).unwrap();
    let fixed = event.overridden(NaiveDate::from_ymd_opt(2024, 9, 1).unwrap());
    assert_eq!(describe(&fixed), "event -..2024-09-01 [2024-09-01]");
}

proptest! {
    #[test]
    fn never_panics_and_start_is_not_after_due(text in "\\PC{0,40}", year in 1900i32..2200) {
        if let Ok(r) = resolve(&text, Context { year }) {
            if let (Some(start), Some(due)) = (r.start, r.due) {
                prop_assert!(start <= due, "{text:?}: {r:?}");
            }
            prop_assert!(r.dates.windows(2).all(|w| w[0] <= w[1]), "{text:?}: {r:?}");
        }
    }

    #[test]
    fn phrase_shaped_input_never_panics(
        words in prop::collection::vec(
            prop::sample::select(vec!["Quý", "Tháng", "năm", "ngày", "I", "IV", "V", "/", "-", ",", ";", ".",
                "2024", "0", "13", "31", "99999", "hàng", "và", "các", "tiếp", "theo", "trước", "Giai", "đoạn",
                "(", ")", ":", "6", "đầu", "cuối", "của", "quý", "Thường", "xuyên", "Khi"]),
            0..12),
        year in 1900i32..2200,
    ) {
        let text = words.join(" ");
        if let Ok(r) = resolve(&text, Context { year })
            && let (Some(start), Some(due)) = (r.start, r.due)
        {
            prop_assert!(start <= due, "{text:?}: {r:?}");
        }
    }
}
