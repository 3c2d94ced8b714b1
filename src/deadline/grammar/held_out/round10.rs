//! Round 10's cells written on two lines, which a row of `round10.txt` cannot hold, and its
//! table of Tết.

use super::check;

/// Cells written on two lines, as Word and Excel cells often are.
const TWO_LINES: &[(&str, i32, &str)] = &[
    (
        "Năm 2025\n(trình Thủ tướng)",
        2025,
        "year 2025-01-01..2025-12-31 [2025-12-31]",
    ),
    (
        "Quý I/2026\nTrình ban hành",
        2025,
        "quarter 2026-01-01..2026-03-31 [2026-03-31]",
    ),
    (
        "- Tháng 5/2026: tổ chức hội nghị\n- Tháng 11/2026: sơ kết",
        2026,
        "several 2026-05-01..2026-11-30 [2026-05-31 2026-11-30]",
    ),
];

#[test]
fn cells_on_two_lines() {
    check(TWO_LINES);
}

/// A remark after a complete time is words; a time followed by words that garble or
/// contradict it is still an error: the cells on two lines (the others:
/// `[remarks_stop_where_the_time_is_garbled]` in round10.txt).
#[test]
fn remarks_stop_where_the_time_is_garbled() {
    check(&[
        (
            "Quý I/2026\nBộ Tài chính chủ trì",
            2025,
            "quarter 2026-01-01..2026-03-31 [2026-03-31]",
        ),
        (
            "Tháng 6/2026\nTháng 13",
            2026,
            "error: month 13 does not exist: write 1 to 12",
        ),
    ]);
}

/// The two cells of `[after_the_rules]` in round10.txt written on two lines.
const AFTER_THE_RULES_TWO_LINES: &[(&str, i32, &str)] = &[
    (
        "Quý III/2025\n(báo cáo Thủ tướng)",
        2025,
        "quarter 2025-07-01..2025-09-30 [2025-09-30]",
    ),
    (
        "Tháng 8/2025\nVụ Pháp chế chủ trì",
        2025,
        "month 2025-08-01..2025-08-31 [2025-08-31]",
    ),
];

#[test]
fn written_after_the_rules() {
    check(AFTER_THE_RULES_TWO_LINES);
}

/// Every lunar New Year of the table falls between 21 January and 20 February, as the first
/// new moon after the winter solstice's month must, and the years around it have none.
#[test]
fn the_table_of_tet_is_whole() {
    use super::super::undated::lunar_new_year;
    for year in 2015..=2035 {
        let day = lunar_new_year(year).expect("a year of the table");
        let earliest = chrono::NaiveDate::from_ymd_opt(year, 1, 21).expect("a day");
        let latest = chrono::NaiveDate::from_ymd_opt(year, 2, 20).expect("a day");
        assert!((earliest..=latest).contains(&day), "{year}: {day}");
    }
    assert_eq!(lunar_new_year(2014), None);
    assert_eq!(lunar_new_year(2036), None);
}
