//! `report --period`: the progress report of a period (DESIGN §8) on `examples/progress`,
//! every number computed by hand from the example's README (its tables of dates, deadlines
//! and categories) and the plan files, not copied from the program's output; the Word file
//! read back by a second reader (zip + roxmltree), the workbook by calamine.

mod common;

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use common::{bin, succeeds};
use serde_json::{Value, json};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/progress")
}

/// What `report` prints over `examples/progress` on `today` with `args`.
fn report(today: &str, args: &[&str]) -> Vec<u8> {
    succeeds(
        bin()
            .arg("report")
            .args(args)
            .args(["--plans", example().to_str().unwrap(), "--today", today])
            .arg("--no-cache"),
    )
}

fn json_report(today: &str, args: &[&str]) -> Value {
    let bytes = report(today, &[args, &["--format", "json"]].concat());
    serde_json::from_slice(&bytes).expect("one JSON object")
}

/// The counts of a `plans` or `units` row, in the order of the JSON fields:
/// done_on_time, done_late, open_in_time, open_overdue, ongoing, no_date, unfinished,
/// cancelled, counted.
fn counts(row: &Value) -> [u64; 9] {
    [
        "done_on_time",
        "done_late",
        "open_in_time",
        "open_overdue",
        "ongoing",
        "no_date",
        "unfinished",
        "cancelled",
        "counted",
    ]
    .map(|field| {
        row[field]
            .as_u64()
            .unwrap_or_else(|| panic!("{field}: {row}"))
    })
}

/// (unit, counts) of every `units` row.
fn unit_counts(report: &Value) -> Vec<(String, [u64; 9])> {
    report["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["unit"].as_str().unwrap().to_string(), counts(u)))
        .collect()
}

/// "task occurrence-or-stage due days" of task rows.
fn brief(rows: &Value) -> Vec<String> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let which = r["occurrence"]
                .as_str()
                .or(r["milestone"].as_str())
                .unwrap_or("-");
            format!(
                "{} {which} {} {}",
                r["task"].as_str().unwrap(),
                r["due"].as_str().unwrap_or("-"),
                r["days_overdue"]
            )
        })
        .collect()
}

fn units(list: &[(&str, [u64; 9])]) -> Vec<(String, [u64; 9])> {
    list.iter().map(|(u, c)| (u.to_string(), *c)).collect()
}

// The 2024-Q2 report by NĐ 09/2019 Art. 12: data from 15/3/2024 to 14/6/2024, read on
// 14/6/2024 (the window's last day; --today is later). Walking every task of the control
// plan KSTTHC-2024/QĐ-BHXH (issued 2024-01-01) through the scope rule — in when the
// deadline in effect on 14/6 is on or before 14/6 and it was not done before 15/3, or
// it was done between 15/3 and 14/6:
// - 1.1 (VP), Quý I/2024, done 2024-02-20: done before 15/3 → out.
// - 1.1-2 (BHXH-TINH), Quý I/2024 = 31/3, in progress since 12/3, nothing after → in,
//   open overdue on 14/6: 14/6 − 31/3 = 30 (Apr) + 31 (May) + 14 = 75 days; last note
//   "Đã có 41/63 …" (12/3).
// - 6.1 (VP), Quý I/2024 = 31/3, done 12/4 (inside) → in, done late, 12 days.
// - 9 (TST, CSXH, CSYT, TCKT, CNTT, TTTT, CSKH), recurring, occurrences 19/3, 19/6, 19/9,
//   19/12: 19/3 reported done 18/3 (inside the window, which opens 15/3) → in, done on
//   time; 19/6 is after 14/6 and not done by then → out (and due next); 19/9, 19/12 out.
// - 9-2 (BHXH-TINH), the same occurrences, none reported: 19/3 → in, open overdue,
//   14/6 − 19/3 = 12 (Mar 20–31) + 30 + 31 + 14 = 87 days; the others out.
// - 6.3 (VP), Quý II, III/2024 = stages 30/6 and 30/9: the first was done 27/6, unknown on
//   14/6, and due after 14/6 → out (due next); the second out.
// - 2.2.a (CSXH): on 14/6 no extension yet (granted 25/7), deadline Tháng 7/2024 = 31/7 →
//   out (due next). 2.2.b (VP): Tháng 8/2024 = 31/8 on 14/6 (extended 20/8) → out (next).
//   2.2.c (CNTT): Tháng 11/2024 → out.
// - Ongoing, counted apart: 3.2 (VP, "Thường xuyên; Sau khi …", which reads as ongoing),
//   8.1 and 8.2 (TTTT, TCBHXH, BHXH-TINH, "Thường xuyên") → 3 ongoing.
// - No date yet: 2.5 (TST, CSXH, CSYT, TCKT; an event, cancelled only on 15/8) and 3.4 (VP,
//   an event) → 2 no_date; nothing is cancelled by 14/6.
// - Every other task is due "Năm 2024" (31/12) and open → out.
// So the plan: done_on_time 1 (9@19/3), done_late 1 (6.1), open_in_time 0, open_overdue 2
// (1.1-2, 9-2@19/3), ongoing 3, no_date 2, unfinished 0, cancelled 0; counted = 1 + 1 + 0 +
// 2 + 0 = 4, on-time rate 1/4.
// The closed plan 2449/KH-BHXH was closed on 2018-01-15, before the window: absent.
#[test]
fn the_2024_q2_report_counts_what_the_readme_says() {
    let report = json_report("2024-06-20", &["--period", "2024-Q2"]);
    assert_eq!(report["period"], "2024-Q2");
    assert_eq!(report["cutoff"], "nd09");
    assert_eq!(
        report["window"],
        json!({"start": "2024-03-15", "end": "2024-06-14"})
    );
    let keys: Vec<&str> = report
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "period",
            "cutoff",
            "window",
            "plans",
            "units",
            "overdue",
            "next",
            "extensions"
        ]
    );

    let plans = report["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 1, "{plans:?}");
    assert_eq!(plans[0]["plan"], "KSTTHC-2024/QĐ-BHXH");
    assert_eq!(counts(&plans[0]), [1, 1, 0, 2, 3, 2, 0, 0, 4]);
    assert_eq!(plans[0]["on_time_rate"], 0.25);

    // Per lead unit, registry order; an item counts for each of its task's lead units:
    // 9@19/3 (done on time) for TST, CSXH, CSYT, TCKT, CNTT, TTTT, CSKH; 2.5 (no date) for
    // TST, CSXH, CSYT, TCKT; 6.1 (done late), 3.2 (ongoing), 3.4 (no date) for VP; 8.1 and
    // 8.2 (ongoing) for TTTT, TCBHXH, BHXH-TINH; 1.1-2 and 9-2@19/3 (overdue) for BHXH-TINH.
    assert_eq!(
        unit_counts(&report),
        units(&[
            ("TST", [1, 0, 0, 0, 0, 1, 0, 0, 1]),
            ("CSXH", [1, 0, 0, 0, 0, 1, 0, 0, 1]),
            ("CSYT", [1, 0, 0, 0, 0, 1, 0, 0, 1]),
            ("TCKT", [1, 0, 0, 0, 0, 1, 0, 0, 1]),
            ("CNTT", [1, 0, 0, 0, 0, 0, 0, 0, 1]),
            ("VP", [0, 1, 0, 0, 1, 1, 0, 0, 1]),
            ("TTTT", [1, 0, 0, 0, 2, 0, 0, 0, 1]),
            ("CSKH", [1, 0, 0, 0, 0, 0, 0, 0, 1]),
            ("TCBHXH", [0, 0, 0, 0, 2, 0, 0, 0, 0]),
            ("BHXH-TINH", [0, 0, 0, 2, 2, 0, 0, 0, 2]),
        ])
    );
    let rate = |unit: &str| {
        let rows = report["units"].as_array().unwrap();
        rows.iter().find(|u| u["unit"] == unit).unwrap()["on_time_rate"].clone()
    };
    assert_eq!(rate("TST"), 1.0);
    assert_eq!(rate("VP"), 0.0);
    // Nothing counted (only ongoing work): no rate.
    assert_eq!(rate("TCBHXH"), Value::Null);

    // Overdue on 14/6, by due date: 9-2@19/3 (87 days), then 1.1-2 (31/3, 75 days).
    assert_eq!(
        brief(&report["overdue"]),
        ["9-2 2024-03-19 2024-03-19 87", "1.1-2 - 2024-03-31 75"]
    );
    let overdue = report["overdue"].as_array().unwrap();
    assert_eq!(overdue[0]["lead"], json!(["BHXH-TINH"]));
    assert_eq!(overdue[0]["note"], Value::Null);
    assert_eq!(overdue[1]["deadline"], "Quý I/2024");
    assert_eq!(
        overdue[1]["note"],
        "Đã có 41/63 BHXH tỉnh, thành phố ban hành Kế hoạch; các tỉnh còn lại đang hoàn thiện dự thảo"
    );

    // The next period, 2024-Q3 by NĐ 09: 15/6 → 14/9. Open on 14/6 and due then: 9@19/6 and
    // 9-2@19/6 (5 days ahead: −5), 6.3 stage 1/2 (30/6: −16), 2.2.a (31/7, its deadline on
    // 14/6: −47), 2.2.b (31/8: −78). 19/9 is after 14/9; 6.3's 30/9 too.
    assert_eq!(
        brief(&report["next"]),
        [
            "9 2024-06-19 2024-06-19 -5",
            "9-2 2024-06-19 2024-06-19 -5",
            "6.3 1/2 2024-06-30 -16",
            "2.2.a - 2024-07-31 -47",
            "2.2.b - 2024-08-31 -78",
        ]
    );
    // The extensions were granted on 25/7, 20/8 and 25/10: none inside the window.
    assert_eq!(report["extensions"], json!([]));
}

// The same quarter by the calendar: 1/4/2024 → 30/6/2024, read on 30/6.
// - 1.1 done 20/2 → out. 1.1-2 (31/3) open → in, overdue 30 + 31 + 30 = 91 days.
// - 6.1 done 12/4 (inside) → done late.
// - 9@19/3 done 18/3, before 1/4 → out; 9@19/6 done 25/6 (inside) → done late, 6 days.
// - 9-2@19/3 open → overdue, 12 + 30 + 31 + 30 = 103 days; 9-2@19/6 open → overdue, 11 days.
// - 6.3 stage 1/2 (30/6) done 27/6 (inside) → done on time.
// - 2.2.a (31/7), 2.2.b (31/8) due after 30/6 → out. Ongoing and undated as before.
// Plan: done_on_time 1, done_late 2, open_in_time 0, open_overdue 3, ongoing 3, no_date 2;
// counted 6, rate 1/6. Next period, 2024-Q3 by the calendar (1/7 → 30/9), open on 30/6:
// 2.2.a (31/7), 2.2.b (31/8), 9@19/9, 9-2@19/9, 6.3 stage 2/2 (30/9).
#[test]
fn the_calendar_quarter_has_its_own_window() {
    let report = json_report(
        "2024-07-01",
        &["--period", "2024-Q2", "--cutoff", "calendar"],
    );
    assert_eq!(report["cutoff"], "calendar");
    assert_eq!(
        report["window"],
        json!({"start": "2024-04-01", "end": "2024-06-30"})
    );
    let plans = report["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 1);
    assert_eq!(counts(&plans[0]), [1, 2, 0, 3, 3, 2, 0, 0, 6]);
    assert_eq!(plans[0]["on_time_rate"], 1.0 / 6.0);
    assert_eq!(
        brief(&report["overdue"]),
        [
            "9-2 2024-03-19 2024-03-19 103",
            "1.1-2 - 2024-03-31 91",
            "9-2 2024-06-19 2024-06-19 11",
        ]
    );
    assert_eq!(
        brief(&report["next"]),
        [
            "2.2.a - 2024-07-31 -31",
            "2.2.b - 2024-08-31 -62",
            "9 2024-09-19 2024-09-19 -81",
            "9-2 2024-09-19 2024-09-19 -81",
            "6.3 2/2 2024-09-30 -92",
        ]
    );
    // BHXH-TINH leads 1.1-2 and 9-2: three overdue items, nothing done.
    let tinh = unit_counts(&report)
        .into_iter()
        .find(|u| u.0 == "BHXH-TINH");
    assert_eq!(tinh.unwrap().1, [0, 0, 0, 3, 2, 0, 0, 0, 3]);
}

// 2024-Q3 by NĐ 09: 15/6 → 14/9, read on 14/9. Extensions granted inside: 2.2.a on 25/7
// (Tháng 7/2024 → Tháng 9/2024) and 2.2.b on 20/8 (Tháng 8/2024 → Tháng 10/2024); the one
// of 25/10 is outside. 2.2.a: deadline in effect on 14/9 is Tháng 9 (30/9) → out; 2.2.b:
// Tháng 10 (31/10) → out.
#[test]
fn extensions_granted_in_the_window_are_listed() {
    let report = json_report("2024-10-01", &["--period", "2024-Q3"]);
    assert_eq!(
        report["extensions"],
        json!([
            {"plan": "KSTTHC-2024/QĐ-BHXH", "task": "2.2.a", "on": "2024-07-25",
             "from": "Tháng 7/2024", "to": "Tháng 9/2024",
             "by": "Công văn số 2468/BHXH-VP ngày 25/7/2024"},
            {"plan": "KSTTHC-2024/QĐ-BHXH", "task": "2.2.b", "on": "2024-08-20",
             "from": "Tháng 8/2024", "to": "Tháng 10/2024",
             "by": "Công văn số 3120/BHXH-VP ngày 20/8/2024"},
        ])
    );
    // In on 14/9: 9@19/6 done late 25/6 (inside), 6.3 stage 1/2 done 27/6 (inside, on
    // time), 9-2@19/6 overdue, and still open from before: 1.1-2 and 9-2@19/3. Done before
    // 15/6 (6.1, 9@19/3) → out. 2.5 was cancelled on 15/8: cancelled, not undated; 3.4
    // stays undated; 3.2, 8.1, 8.2 ongoing.
    let plan = &report["plans"][0];
    assert_eq!(counts(plan), [1, 1, 0, 3, 3, 1, 0, 1, 5]);
    // 14/9 − 19/6 = 11 + 31 + 31 + 14 = 87 days.
    assert_eq!(
        brief(&report["overdue"]),
        [
            "9-2 2024-03-19 2024-03-19 179",
            "1.1-2 - 2024-03-31 167",
            "9-2 2024-06-19 2024-06-19 87",
        ]
    );
}

// 2449/KH-BHXH, closed on 2018-01-15, in 2018-Q1 by NĐ 09 (15/12/2017 → 14/3/2018, read on
// 14/3/2018): closed inside the window, so in. 1.3 was done on 10/7/2017, before the window
// → out; the seven others (1.1, 1.2, 1.4, 2.1, 2.2, 2.3, 2.4, all due in 2017) are open,
// so in, and unfinished (the plan closed before 14/3). KSTTHC-2024 is not issued yet.
// Leads: 1.1 THU+ST and 1.4 THU+ST+CNTT count once each for TST, which THU and ST became;
// PC 1.2, 2.2; CNTT 1.4, 2.3, 2.4; CSXH and TCKT 2.1, 2.4.
#[test]
fn a_plan_closed_in_the_window_counts_its_unfinished_work() {
    let report = json_report("2018-04-01", &["--period", "2018-Q1"]);
    let plans = report["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0]["plan"], "2449/KH-BHXH");
    assert_eq!(counts(&plans[0]), [0, 0, 0, 0, 0, 0, 7, 0, 7]);
    assert_eq!(plans[0]["on_time_rate"], 0.0);
    assert_eq!(
        unit_counts(&report),
        units(&[
            ("TST", [0, 0, 0, 0, 0, 0, 2, 0, 2]),
            ("CSXH", [0, 0, 0, 0, 0, 0, 2, 0, 2]),
            ("TCKT", [0, 0, 0, 0, 0, 0, 2, 0, 2]),
            ("PC", [0, 0, 0, 0, 0, 0, 2, 0, 2]),
            ("CNTT", [0, 0, 0, 0, 0, 0, 3, 0, 3]),
        ])
    );
    // Unfinished is never overdue.
    assert_eq!(report["overdue"], json!([]));

    // Before it closed, 2017-Q3 by NĐ 09 (15/6 → 14/9/2017): 1.1, 1.2 (30/6) and 1.4
    // (15/7) overdue; 1.3 done 10/7 inside, 10 days late; 2.1–2.4 due from 30/9 → out.
    let report = json_report("2017-10-01", &["--period", "2017-Q3", "--unit", "cntt"]);
    // --unit CNTT: the tasks CNTT leads, 1.3 and 1.4 (and 2.3, 2.4, out).
    assert_eq!(counts(&report["plans"][0]), [0, 1, 0, 1, 0, 0, 0, 0, 2]);
    assert_eq!(
        unit_counts(&report),
        units(&[("CNTT", [0, 1, 0, 1, 0, 0, 0, 0, 2])])
    );
    assert_eq!(
        brief(&report["overdue"]),
        ["1.4 - 2017-07-15 61"] // 14/9 − 15/7 = 16 + 31 + 14
    );
}

#[test]
fn a_unit_reaches_the_work_of_its_predecessors() {
    // TST became of THU and ST: in 2017-Q3 it answers for 1.1 and 1.4 (overdue), row TST.
    let report = json_report("2017-10-01", &["--period", "2017-Q3", "--unit", "TST"]);
    assert_eq!(
        unit_counts(&report),
        units(&[("TST", [0, 0, 0, 2, 0, 0, 0, 0, 2])])
    );
}

#[test]
fn a_period_that_does_not_parse_is_a_usage_error_naming_the_forms() {
    for bad in ["2024-Q5", "Q2/2024", "2024-6", "quý II"] {
        let output = bin()
            .args(["report", "--period", bad, "--plans"])
            .arg(example())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{bad}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        for form in ["2024-H1", "2024-Q1", "2024-01", "(2024)"] {
            assert!(stderr.contains(form), "{bad}: {stderr}");
        }
    }
    let output = bin()
        .args(["report", "--period", "2024-Q2", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_markdown_report_says_its_window_in_either_language() {
    let text = String::from_utf8(report("2024-06-20", &["--period", "2024-Q2"])).unwrap();
    assert!(
        text.starts_with("# Báo cáo: Tình hình thực hiện các kế hoạch công tác quý II năm 2024\n")
    );
    assert!(text.contains("Số liệu từ ngày 15/03/2024 đến ngày 14/06/2024"));
    for words in [
        "Hoàn thành đúng hạn",
        "Hoàn thành quá hạn",
        "Chưa hoàn thành, trong hạn",
        "Chưa hoàn thành, quá hạn",
        "| KSTTHC-2024/QĐ-BHXH | 1 | 1 | 0 | 2 | 0 | 25% | 3 | 2 | 0 |",
    ] {
        assert!(text.contains(words), "{words}\n{text}");
    }
    let text = String::from_utf8(report(
        "2024-06-20",
        &["--period", "2024-Q2", "--lang", "en"],
    ))
    .unwrap();
    assert!(
        text.contains("Data from 2024-03-15 to 2024-06-14"),
        "{text}"
    );
    assert!(text.contains("Done on time"), "{text}");
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The parts of a .docx file.
fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the docx"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The texts of each paragraph of `node`, in order.
fn paragraphs(node: roxmltree::Node) -> Vec<String> {
    node.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            p.descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|t| t.text())
                .collect()
        })
        .collect()
}

#[test]
fn the_word_report_reads_back_with_the_decree_30_layout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bao-cao.docx");
    report(
        "2024-06-20",
        &[
            "--period",
            "2024-Q2",
            "--format",
            "docx",
            "--out",
            path.to_str().unwrap(),
        ],
    );
    let bytes = std::fs::read(&path).unwrap();
    let xml = docx_part(&bytes, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let body = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "body")))
        .unwrap();
    let texts = paragraphs(body);
    let position = |text: &str| {
        texts
            .iter()
            .position(|t| t == text)
            .unwrap_or_else(|| panic!("no paragraph `{text}` in {texts:#?}"))
    };
    // The header block, then the title, in this order.
    let order = [
        "BẢO HIỂM XÃ HỘI VIỆT NAM",
        "Số: …/BC-BHXH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 20 tháng 6 năm 2024",
        "BÁO CÁO",
        "Tình hình thực hiện các kế hoạch công tác quý II năm 2024",
    ];
    let places: Vec<usize> = order.iter().map(|t| position(t)).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{places:?}");
    assert!(
        texts
            .iter()
            .any(|t| t.contains("15/03/2024") && t.contains("14/06/2024"))
    );

    // Every run names Times New Roman; the sizes are 13 and 14 pt (26, 28 half-points).
    let fonts: Vec<&str> = body
        .descendants()
        .filter(|n| n.has_tag_name((W, "rFonts")))
        .filter_map(|n| n.attribute((W, "ascii")))
        .collect();
    assert!(fonts.len() > 50, "{}", fonts.len());
    assert!(fonts.iter().all(|f| *f == "Times New Roman"), "{fonts:?}");
    let runs = body
        .descendants()
        .filter(|n| n.has_tag_name((W, "r")))
        .count();
    assert_eq!(fonts.len(), runs, "every run names its font");
    for size in body.descendants().filter(|n| n.has_tag_name((W, "sz"))) {
        let size = size.attribute((W, "val")).unwrap();
        assert!(["26", "28"].contains(&size), "{size}");
    }

    // A4 and the margins of NĐ 30/2020, in twips (1 mm = 1440 / 25.4): top and bottom
    // 1134 (20 mm), left 1701 (30 mm), right 850 (15 mm).
    let section = body
        .children()
        .find(|n| n.has_tag_name((W, "sectPr")))
        .unwrap();
    let child = |name: &str| {
        section
            .children()
            .find(|n| n.has_tag_name((W, name)))
            .unwrap()
    };
    let size = child("pgSz");
    assert_eq!(size.attribute((W, "w")), Some("11906"));
    assert_eq!(size.attribute((W, "h")), Some("16838"));
    let margins = child("pgMar");
    let margin = |side: &str| {
        margins
            .attribute((W, side))
            .unwrap()
            .parse::<i32>()
            .unwrap()
    };
    assert_eq!(
        [
            margin("top"),
            margin("bottom"),
            margin("left"),
            margin("right")
        ],
        [1134, 1134, 1701, 850]
    );
    let mm = |twips: i32| f64::from(twips) * 25.4 / 1440.0;
    assert!((20.0..=25.0).contains(&mm(margin("top")).round()));
    assert!((30.0..=35.0).contains(&mm(margin("left")).round()));
    assert!((15.0..=20.0).contains(&mm(margin("right")).round()));

    // Page numbers from page 2: a different first page, whose footer has no field, and a
    // default footer with a PAGE field.
    child("titlePg");
    let rels = docx_part(&bytes, "word/_rels/document.xml.rels");
    let rels = roxmltree::Document::parse(&rels).unwrap();
    let target = |kind: &str| {
        let reference = section
            .children()
            .find(|n| {
                n.has_tag_name((W, "footerReference")) && n.attribute((W, "type")) == Some(kind)
            })
            .unwrap_or_else(|| panic!("a {kind} footer"));
        let id = reference
            .attributes()
            .find(|a| a.name() == "id")
            .unwrap()
            .value();
        let rel = rels
            .descendants()
            .find(|n| n.attribute("Id") == Some(id))
            .unwrap();
        docx_part(
            &bytes,
            &format!("word/{}", rel.attribute("Target").unwrap()),
        )
    };
    let instructions = |xml: &str| -> Vec<String> {
        let doc = roxmltree::Document::parse(xml).unwrap();
        doc.descendants()
            .filter(|n| n.has_tag_name((W, "instrText")))
            .filter_map(|n| n.text().map(|t| t.trim().to_string()))
            .collect()
    };
    assert_eq!(instructions(&target("default")), ["PAGE"]);
    assert!(instructions(&target("first")).is_empty());

    // The first table after "1. Theo kế hoạch": the header, then the plan's row with its
    // counts (hand-computed above: 1, 1, 0, 2, 0 and 25%).
    let tables: Vec<_> = body
        .children()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .collect();
    let rows: Vec<Vec<String>> = tables[1]
        .children()
        .filter(|n| n.has_tag_name((W, "tr")))
        .map(|tr| paragraphs(tr))
        .collect();
    assert_eq!(rows[0][0], "Kế hoạch");
    assert_eq!(
        rows[1][..7],
        ["KSTTHC-2024/QĐ-BHXH", "1", "1", "0", "2", "0", "25%"]
    );
}

#[test]
fn the_workbook_reads_back_with_a_sheet_per_table() {
    let bytes = report("2024-06-20", &["--period", "2024-Q2", "--format", "xlsx"]);
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("an xlsx workbook");
    let names = book.sheet_names();
    assert_eq!(
        names,
        [
            "Kỳ báo cáo",
            "Theo kế hoạch",
            "Theo đơn vị chủ trì",
            "Quá hạn",
            "Gia hạn",
            "Đến hạn kỳ tới",
            "Thường xuyên, chưa có hạn",
            "Dừng, chưa hoàn thành",
        ]
    );
    assert!(names.iter().all(|n| n.chars().count() <= 31));
    let about = book.worksheet_range("Kỳ báo cáo").unwrap();
    assert_eq!(
        about.get_value((3, 1)),
        Some(&Data::String("15/03/2024".into()))
    );
    assert_eq!(
        about.get_value((4, 1)),
        Some(&Data::String("14/06/2024".into()))
    );
    let plans = book.worksheet_range("Theo kế hoạch").unwrap();
    assert_eq!(
        plans.get_value((0, 1)),
        Some(&Data::String("Hoàn thành đúng hạn".into()))
    );
    let row: Vec<Data> = (0..7)
        .map(|c| plans.get_value((1, c)).unwrap().clone())
        .collect();
    assert_eq!(
        row,
        [
            Data::String("KSTTHC-2024/QĐ-BHXH".into()),
            Data::Float(1.0),
            Data::Float(1.0),
            Data::Float(0.0),
            Data::Float(2.0),
            Data::Float(0.0),
            Data::Float(0.25),
        ]
    );
    let overdue = book.worksheet_range("Quá hạn").unwrap();
    assert_eq!(overdue.height(), 3);
    assert_eq!(overdue.get_value((1, 6)), Some(&Data::Float(87.0)));
    assert_eq!(overdue.get_value((2, 6)), Some(&Data::Float(75.0)));
}

#[test]
fn control_characters_in_a_plan_do_not_break_the_word_file() {
    let tree = common::Tree::new();
    tree.file(
        "p.toml",
        &format!(
            "{}\n[[task]]\nid = \"1\"\ncontent = \"Xây dựng\\u001b[31m kế hoạch\\u0007\"\nlead = [\"CNTT\"]\ndeadline = \"Quý I/2024\"\n",
            common::HEADER
        ),
    );
    let output = tree
        .cmd(&["report", "--period", "2024-Q2", "--format", "docx"])
        .output()
        .unwrap();
    let xml = docx_part(&output.stdout, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let texts = paragraphs(doc.root());
    assert!(
        texts.iter().any(|t| t == "Xây dựng [31m kế hoạch "),
        "{texts:?}"
    );
}

/// A report asked for before its period ends knows only what is known on `--today`, and
/// says so under the window; one of a period that has ended says nothing of it.
#[test]
fn a_report_read_before_its_period_ends_says_on_which_day() {
    let running = String::from_utf8(report("2024-05-20", &["--period", "2024-Q2"])).unwrap();
    assert!(
        running.contains("Số liệu tính đến ngày 20/05/2024: kỳ báo cáo chưa kết thúc."),
        "{running}"
    );
    let ended = String::from_utf8(report("2024-07-01", &["--period", "2024-Q2"])).unwrap();
    assert!(!ended.contains("Số liệu tính đến ngày"), "{ended}");
}
