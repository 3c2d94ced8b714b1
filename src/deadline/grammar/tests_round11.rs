//! Round 11: what copying from Word, Excel and PDF does to a cell, and the cells of other
//! document types. Seventy new phrasings, none in rounds 5–10 or `phrasings.toml`, written and
//! given their readings before the grammar was read for them: cells as they arrive from a
//! .docx, .xlsx or PDF copy ([`COPIED`]: non-breaking and zero-width spaces, tabs, a Windows
//! line end, trailing dots and semicolons, bullets and numbering, smart quotes, decomposed
//! diacritics, mixed case, Arabic quarter numbers, “Q2.2025”, Excel dates as text), the cells of
//! Chính phủ action programmes, provincial plans, ministry plans and Party resolutions'
//! implementation plans ([`DOCUMENTS`]), “hoặc”, “chậm nhất”, “không quá”, “trước hoặc
//! trong”, “ngay trong” and the periods counted from an event ([`WORDS`]), and a few cells no
//! reader can read ([`NONSENSE`]). Each line is `phrase | plan year | reading`, as in
//! [`super::tests_round5`]; the copied cells are tuples, since a table line is trimmed and
//! holds no tab or line break of its own. One is real, with its source; the rest are made up
//! in the kinds real plans use.
//!
//! Conventions fixed before the run (where the conventions of `phrasings.toml` and the manual
//! leave a choice):
//! - A Vietnamese reader reads a date day first; an Excel or US date with the month first
//!   (“6/30/2025”) has no month 30 and is an error, while “12/6/2025” is 12 June (a reader has no
//!   way to tell it was US order, and the day-first reading is the one every other cell uses).
//! - An ISO date (“2025-06-30”) and a date with Excel's midnight (“30/06/2025 00:00:00”) are
//!   that day.
//! - Two times joined by “hoặc” (or) are a span from the start of the first to the end of the
//!   last, due the last: the work is not late until the later time has passed, and a list
//!   (`several`) would make each a milestone, which “or” does not.
//! - “Trước hoặc trong quý II/2026” is the quarter; “ngay trong” (right within) is “trong”.
//! - “Đến năm 2030” is the year 2030, as “đến hết năm 2030” is; “tầm nhìn đến 2045” after a
//!   span is a vision, not a deadline, as in `phrasings.toml`.
//! - A period counted from an event (“kể từ ngày … có hiệu lực”, “trong thời hạn 15 ngày làm
//!   việc”) is an event.
//!
//! Read before the round's rules: 58 of 70 (83%): copied cells 30/36, other document types
//! 14/15, “hoặc”, “chậm nhất” and events 8/13, nonsense 6/6 (errors all, two with another
//! message than the one written first, which was a guess at the wording: the reading is the
//! error, and the rows say the message that came out). What failed: a zero-width space, an
//! ellipsis and a closing smart quote after the time; “1.” numbering before it; Excel's
//! midnight (“00:00:00”) after a date; “hằng năm, đến năm 2030” read as 2030 alone; “hoặc”
//! read as a list; “kể từ ngày … có hiệu lực” and “trong thời hạn 15 ngày làm việc” errors.
//! The rows that did not read are kept as `// BEFORE fails: …` comments with what came out,
//! in the commit that added them.
//! After the round's rules: 70 of 70. The rules: the lexer passes over what a copy leaves
//! that a reader does not see or does not read as a time (zero-width spaces and joiners, the
//! byte-order mark and the soft hyphen; quotation marks, straight or curly; Excel's time of
//! day after a whole date, “00:00:00”); an ellipsis after the time is trailing punctuation;
//! a list item's number (“1.”, “b)”) before the time is passed over as a bullet is; two
//! times joined by “hoặc” are one span, due the later; a series “đến năm 2030” runs from
//! the plan's year to that year; “(kể) từ ngày” before words with no number is an event, and
//! so is a time limit alone (“trong thời hạn 15 ngày”, “… ngày làm việc”).

use super::tests::check;
use super::tests_round5::check_lines;

/// Cells as they arrive from a copy out of Word, Excel or a PDF.
const COPIED: &[(&str, i32, &str)] = &[
    // Non-breaking spaces (U+00A0), tabs, a zero-width space, a Windows line end.
    (
        "Quý\u{a0}IV/2025",
        2025,
        "quarter 2025-10-01..2025-12-31 [2025-12-31]",
    ),
    (
        "Tháng\u{a0}6/2026\u{a0}",
        2026,
        "month 2026-06-01..2026-06-30 [2026-06-30]",
    ),
    (
        "\tQuý II/2026\t",
        2026,
        "quarter 2026-04-01..2026-06-30 [2026-06-30]",
    ),
    // BEFORE fails: error: unexpected `\u{200b}` after the deadline
    (
        "Quý IV/2025\u{200b}",
        2025,
        "quarter 2025-10-01..2025-12-31 [2025-12-31]",
    ),
    (
        "Quý IV/2025\r\n",
        2025,
        "quarter 2025-10-01..2025-12-31 [2025-12-31]",
    ),
    (
        "Quý IV/2025\u{a0}- trình Chính phủ",
        2025,
        "quarter 2025-10-01..2025-12-31 [2025-12-31]",
    ),
    (
        "Quý  IV / 2025",
        2025,
        "quarter 2025-10-01..2025-12-31 [2025-12-31]",
    ),
    // Trailing dots, semicolons, an ellipsis.
    (
        "Trước ngày 30/9/2025;",
        2025,
        "date 2025-09-30..2025-09-30 [2025-09-30]",
    ),
    // BEFORE fails: error: unexpected `…` after the deadline
    (
        "Tháng 12/2025…",
        2025,
        "month 2025-12-01..2025-12-31 [2025-12-31]",
    ),
    // Bullets and numbering before the time.
    (
        "• Quý IV/2025",
        2025,
        "quarter 2025-10-01..2025-12-31 [2025-12-31]",
    ),
    (
        "+ Tháng 12/2025",
        2025,
        "month 2025-12-01..2025-12-31 [2025-12-31]",
    ),
    (
        "- Năm 2026",
        2026,
        "year 2026-01-01..2026-12-31 [2026-12-31]",
    ),
    (
        "* Quý I/2026",
        2025,
        "quarter 2026-01-01..2026-03-31 [2026-03-31]",
    ),
    // BEFORE fails: error: expected a month (1 to 12) here
    (
        "1. Quý II/2025",
        2025,
        "quarter 2025-04-01..2025-06-30 [2025-06-30]",
    ),
    (
        "a) Tháng 10/2025",
        2025,
        "month 2025-10-01..2025-10-31 [2025-10-31]",
    ),
    (
        "(1) Quý III/2025",
        2025,
        "quarter 2025-07-01..2025-09-30 [2025-09-30]",
    ),
    (
        "- Quý II/2025;\n- Quý IV/2025.",
        2025,
        "several 2025-04-01..2025-12-31 [2025-06-30 2025-12-31]",
    ),
    // Smart quotes.
    // BEFORE fails: error: unexpected `”` after the deadline
    (
        "“Quý IV/2025”",
        2025,
        "quarter 2025-10-01..2025-12-31 [2025-12-31]",
    ),
    // Decomposed (NFD) diacritics, as a PDF or a Mac copy gives them.
    (
        "Tha\u{301}ng 9/2025",
        2025,
        "month 2025-09-01..2025-09-30 [2025-09-30]",
    ),
    (
        "Quy\u{301} III/2025",
        2025,
        "quarter 2025-07-01..2025-09-30 [2025-09-30]",
    ),
    (
        "Tru\u{31b}o\u{31b}\u{301}c nga\u{300}y 15/11/2025",
        2025,
        "date 2025-11-15..2025-11-15 [2025-11-15]",
    ),
    // Case, and quarters numbered in digits.
    (
        "QUÝ IV/2026",
        2026,
        "quarter 2026-10-01..2026-12-31 [2026-12-31]",
    ),
    (
        "quý Iv/2026",
        2026,
        "quarter 2026-10-01..2026-12-31 [2026-12-31]",
    ),
    (
        "QUÝ III NĂM 2025",
        2025,
        "quarter 2025-07-01..2025-09-30 [2025-09-30]",
    ),
    (
        "quý 02/2025",
        2025,
        "quarter 2025-04-01..2025-06-30 [2025-06-30]",
    ),
    (
        "Quí 4/2025",
        2025,
        "quarter 2025-10-01..2025-12-31 [2025-12-31]",
    ),
    (
        "Q2.2025",
        2025,
        "quarter 2025-04-01..2025-06-30 [2025-06-30]",
    ),
    (
        "Q2-2025",
        2025,
        "quarter 2025-04-01..2025-06-30 [2025-06-30]",
    ),
    (
        "Quý II, năm 2026",
        2026,
        "quarter 2026-04-01..2026-06-30 [2026-06-30]",
    ),
    (
        "Quý II năm 2025",
        2025,
        "quarter 2025-04-01..2025-06-30 [2025-06-30]",
    ),
    // Excel dates as text.
    (
        "2025-06-30",
        2025,
        "date 2025-06-30..2025-06-30 [2025-06-30]",
    ),
    // BEFORE fails: error: unexpected `00:00:00` after the deadline
    (
        "30/06/2025 00:00:00",
        2025,
        "date 2025-06-30..2025-06-30 [2025-06-30]",
    ),
    // BEFORE fails: error: unexpected `00:00:00` after the deadline
    (
        "2025-12-31 00:00:00",
        2025,
        "date 2025-12-31..2025-12-31 [2025-12-31]",
    ),
    // Day first, as every Vietnamese date is (see the module's conventions).
    (
        "12/6/2025",
        2025,
        "date 2025-06-12..2025-06-12 [2025-06-12]",
    ),
    (
        "30.06.2025",
        2025,
        "date 2025-06-30..2025-06-30 [2025-06-30]",
    ),
    (
        "Tháng 06-2025",
        2025,
        "month 2025-06-01..2025-06-30 [2025-06-30]",
    ),
];

/// Cells of other document types, in their proportions.
const DOCUMENTS: &str = "
// Chính phủ action programmes.
2025-2030 | 2025 | span 2025-01-01..2030-12-31 [2030-12-31]
Hằng năm, giai đoạn 2026-2030 | 2026 | recurring 2026-01-01..2030-12-31 [2026-12-31 2027-12-31 2028-12-31 2029-12-31 2030-12-31]
Năm 2026 - 2030 | 2026 | span 2026-01-01..2030-12-31 [2030-12-31]
Trình Quốc hội năm 2026 | 2025 | year 2026-01-01..2026-12-31 [2026-12-31]
// BEFORE fails: recurring 2030-01-01..2030-12-31 [2030-12-31]
Hằng năm, đến năm 2030 | 2026 | recurring 2026-01-01..2030-12-31 [2026-12-31 2027-12-31 2028-12-31 2029-12-31 2030-12-31]
// Provincial UBND plans.
Trước ngày 10/12/2025 | 2025 | date 2025-12-10..2025-12-10 [2025-12-10]
tháng 11 năm 2025 | 2025 | month 2025-11-01..2025-11-30 [2025-11-30]
// Ministry plans.
Quý IV năm 2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
Trình Bộ trưởng ký ban hành trong Quý III/2025 | 2025 | quarter 2025-07-01..2025-09-30 [2025-09-30]
Trình Thủ tướng Chính phủ trong tháng 9/2025 | 2025 | month 2025-09-01..2025-09-30 [2025-09-30]
// Party resolutions' implementation plans.
Đến năm 2030 | 2025 | year 2030-01-01..2030-12-31 [2030-12-31]
Đến hết năm 2030 | 2026 | year 2030-01-01..2030-12-31 [2030-12-31]
Đến năm 2030 và các năm tiếp theo | 2025 | open_ended 2030-01-01..2030-12-31 [2030-12-31]
Giai đoạn 2026-2030, tầm nhìn đến 2045 | 2026 | span 2026-01-01..2030-12-31 [2030-12-31]
Trong nhiệm kỳ 2026 - 2031 | 2026 | span 2026-01-01..2031-12-31 [2031-12-31]
";

/// “hoặc”, “chậm nhất”, “không quá”, “trước hoặc trong”, “ngay trong”, and periods counted
/// from an event.
const WORDS: &str = "
// BEFORE fails: several 2025-07-01..2025-12-31 [2025-09-30 2025-12-31]
Quý III hoặc Quý IV/2025 | 2025 | span 2025-07-01..2025-12-31 [2025-12-31]
// BEFORE fails: several 2025-11-01..2025-12-31 [2025-11-30 2025-12-31]
Tháng 11 hoặc tháng 12/2025 | 2025 | span 2025-11-01..2025-12-31 [2025-12-31]
// BEFORE fails: several 2025-06-30..2025-12-31 [2025-06-30 2025-12-31]
Ngày 30/6/2025 hoặc ngày 31/12/2025 | 2025 | span 2025-06-30..2025-12-31 [2025-12-31]
// “hoặc theo yêu cầu” (or on request) names no time: the date stands.
Trước ngày 15/12/2025 hoặc theo yêu cầu | 2025 | date 2025-12-15..2025-12-15 [2025-12-15]
Chậm nhất trong quý IV/2025 | 2025 | quarter 2025-10-01..2025-12-31 [2025-12-31]
Trước hoặc trong Quý II/2026 | 2026 | quarter 2026-04-01..2026-06-30 [2026-06-30]
Ngay trong tháng 1/2026 | 2025 | month 2026-01-01..2026-01-31 [2026-01-31]
// BEFORE fails: error: expected a day (1 to 31) here
Kể từ ngày Nghị định có hiệu lực | 2025 | event -..- []
Sau 30 ngày kể từ ngày Luật có hiệu lực | 2025 | event -..- []
Trong vòng 30 ngày kể từ ngày ký ban hành | 2025 | event -..- []
// BEFORE fails: error: cannot read `15 ngày làm việc` as a deadline
Trong thời hạn 15 ngày làm việc | 2025 | event -..- []
// source: https://dichvucong.binhdinh.gov.vn/dichvucong/bothutuc/chiTietThuTuc?maThuTuc=34822
Không quá 10 ngày làm việc kể từ nhận được đầy đủ hồ sơ theo quy định | 2025 | event -..- []
Chậm nhất 05 ngày làm việc trước ngày tổ chức Hội nghị | 2025 | event -..- []
";

/// Cells no reader can read: they must stay errors.
const NONSENSE: &str = "
// Month first (US order): there is no month 30.
6/30/2025 | 2025 | error: `6/30/2025` is not a day of the calendar
Quý IIII/2025 | 2025 | error: quarter `IIII` does not exist: write I, II, III or IV
Quý 5/2025 | 2025 | error: quarter `5` does not exist: write I, II, III or IV
Q5.2025 | 2025 | error: quarter `5` does not exist: write I, II, III or IV
2025-13-01 | 2025 | error: `2025-13-01` is not a day of the calendar
Xem file đính kèm | 2025 | error: cannot read `Xem file đính kèm` as a deadline
";

#[test]
fn copied_cells() {
    check(COPIED);
}

#[test]
fn other_document_types() {
    check_lines(DOCUMENTS);
}

#[test]
fn or_at_the_latest_and_events() {
    check_lines(WORDS);
}

#[test]
fn nonsense_does_not_read() {
    check_lines(NONSENSE);
}

/// Where the round's rules stop: what they drop or read is only what a copy adds or what
/// names no day, and nonsense under it is still an error.
#[test]
fn the_rules_stop_where_the_cell_is_garbled() {
    check(&[
        // A copy's marks around nonsense leave it nonsense.
        (
            "“Xem phụ lục”",
            2025,
            "error: cannot read `Xem phụ lục` as a deadline",
        ),
        (
            "1. Quý V/2025",
            2025,
            "error: quarter `V` does not exist: write I, II, III or IV",
        ),
        (
            "6/30/2025 00:00:00",
            2025,
            "error: `6/30/2025` is not a day of the calendar",
        ),
        // A clock time only after a whole date, and only a time of the day.
        (
            "Quý IV/2025 17:30",
            2025,
            "error: unexpected `17:30` after the deadline",
        ),
        (
            "30/06/2025 25:00",
            2025,
            "error: unexpected `25:00` after the deadline",
        ),
        (
            "30/06/2025 17:30",
            2025,
            "date 2025-06-30..2025-06-30 [2025-06-30]",
        ),
        // A number and a dot against a year is a month, not a list's number.
        ("7.2025", 2025, "month 2025-07-01..2025-07-31 [2025-07-31]"),
        // A soft hyphen inside a word joins it.
        (
            "Thá\u{ad}ng 9/2025",
            2025,
            "month 2025-09-01..2025-09-30 [2025-09-30]",
        ),
        // "hoặc" with a series or nothing after it is no span.
        (
            "Quý IV/2025 hoặc",
            2025,
            "error: unexpected `hoặc` after the deadline",
        ),
        // "kể từ ngày" with a date is that date's reading, as before.
        (
            "Kể từ ngày 01/7/2025",
            2025,
            "date 2025-07-01..2025-07-01 [2025-07-01]",
        ),
    ]);
}

/// Written after the round's rules, by the same hand, to see them on cells they were not
/// fitted to: 14 of 15 read without further changes, and the 15th, “Xem “Phụ lục 2””, read
/// as the error it is but quoted its words without their closing quote (got `error: cannot
/// read `Xem “Phụ lục 2` as a deadline`), the lexer having dropped it; an error's words now
/// end with the closing quote of a quote they open. After: 15 of 15.
const AFTER_THE_RULES: &[(&str, i32, &str)] = &[
    (
        "Quý\u{a0}III\u{a0}năm\u{a0}2026",
        2026,
        "quarter 2026-07-01..2026-09-30 [2026-09-30]",
    ),
    // A byte-order mark, as a CSV saved by Excel starts.
    (
        "\u{feff}Tháng 8/2025",
        2025,
        "month 2025-08-01..2025-08-31 [2025-08-31]",
    ),
    (
        "2. Trước ngày 31/10/2025;",
        2025,
        "date 2025-10-31..2025-10-31 [2025-10-31]",
    ),
    (
        "c) Quý IV năm 2025",
        2025,
        "quarter 2025-10-01..2025-12-31 [2025-12-31]",
    ),
    (
        "«Năm 2026»",
        2026,
        "year 2026-01-01..2026-12-31 [2026-12-31]",
    ),
    (
        "31/12/2025 0:00",
        2025,
        "date 2025-12-31..2025-12-31 [2025-12-31]",
    ),
    (
        "2026-03-31 00:00:00",
        2026,
        "date 2026-03-31..2026-03-31 [2026-03-31]",
    ),
    (
        "QUÝ I/2026.",
        2025,
        "quarter 2026-01-01..2026-03-31 [2026-03-31]",
    ),
    (
        "Tháng 5 hoặc tháng 6/2026",
        2026,
        "span 2026-05-01..2026-06-30 [2026-06-30]",
    ),
    (
        "Năm 2025 hoặc năm 2026",
        2025,
        "span 2025-01-01..2026-12-31 [2026-12-31]",
    ),
    (
        "Quý 3/2025 hoặc chậm nhất Quý 4/2025",
        2025,
        "span 2025-07-01..2025-12-31 [2025-12-31]",
    ),
    ("Trong thời hạn 30 ngày", 2025, "event -..- []"),
    ("Tính từ ngày Quyết định được ký", 2025, "event -..- []"),
    (
        "Hằng quý, đến hết năm 2026",
        2025,
        "recurring 2025-01-01..2026-12-31 [2025-03-31 2025-06-30 2025-09-30 2025-12-31 2026-03-31 2026-06-30 2026-09-30 2026-12-31]",
    ),
    (
        "Xem “Phụ lục 2”",
        2025,
        "error: cannot read `Xem “Phụ lục 2”` as a deadline",
    ),
];

#[test]
fn written_after_the_rules() {
    check(AFTER_THE_RULES);
}
