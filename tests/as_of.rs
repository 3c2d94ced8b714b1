//! Answers as of a day (DESIGN §6) on the real plans and on `examples/progress`, a copy of
//! two of them with invented progress: every expectation computed by hand from the
//! plan's text and the example's README.

mod common;

use std::path::{Path, PathBuf};

use common::{bin, json_rows, repo_plans};
use serde_json::Value;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/progress")
}

/// The JSON rows of a query over `plans` on `today`.
fn rows(plans: &Path, today: &str, args: &[&str]) -> Vec<Value> {
    json_rows(
        bin()
            .args(args)
            .args(["--plans", plans.to_str().unwrap(), "--today", today])
            .args(["--format", "json", "--no-cache"]),
    )
}

/// (task, due, days_overdue, category) of each row.
fn brief(rows: &[Value]) -> Vec<String> {
    rows.iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r["task"].as_str().unwrap(),
                r["due"].as_str().unwrap_or("-"),
                r["days_overdue"],
                r["category"].as_str().unwrap()
            )
        })
        .collect()
}

fn task<'a>(rows: &'a [Value], id: &str) -> &'a Value {
    rows.iter().find(|r| r["task"] == id).unwrap()
}

#[test]
fn a_task_done_after_the_day_is_overdue_on_it_and_late_by_done_minus_due_after() {
    // 2449/KH-BHXH 1.3 is due 30/6/2017 and was done on 10/7/2017.
    let plan = ["--plan", "2449/KH-BHXH"];
    let before = rows(
        &example(),
        "2017-07-05",
        &[&["overdue"], &plan[..]].concat(),
    );
    assert!(
        brief(&before).contains(&"1.3 2017-06-30 5 open_overdue".to_string()),
        "{before:?}"
    );
    let after = rows(&example(), "2017-07-15", &[&["tasks"], &plan[..]].concat());
    let done = task(&after, "1.3");
    assert_eq!(
        (&done["status"], &done["done"], &done["days_overdue"]),
        (&"done".into(), &"2017-07-10".into(), &10.into())
    );
    assert_eq!(done["category"], "done_late");
}

#[test]
fn from_the_day_a_plan_is_closed_its_unfinished_tasks_are_no_longer_overdue() {
    // The example closes 2449/KH-BHXH on 15/1/2018; its seven open tasks were overdue the
    // day before and are "unfinished" from that day; 1.3 stays done late.
    let plan = ["--plan", "2449/KH-BHXH"];
    let open_before = rows(
        &example(),
        "2018-01-14",
        &[&["overdue"], &plan[..]].concat(),
    );
    assert_eq!(open_before.len(), 7);
    assert!(
        rows(
            &example(),
            "2018-01-15",
            &[&["overdue"], &plan[..]].concat()
        )
        .is_empty()
    );
    let listed = rows(&example(), "2018-01-15", &[&["tasks"], &plan[..]].concat());
    let categories: Vec<&str> = listed
        .iter()
        .map(|r| r["category"].as_str().unwrap())
        .collect();
    assert_eq!(categories.iter().filter(|c| **c == "unfinished").count(), 7);
    assert_eq!(task(&listed, "1.3")["category"], "done_late");
}

#[test]
fn each_quarterly_report_is_late_on_its_own_until_reported() {
    // KSTTHC task 9: reports due 19/3, 19/6, 19/9 and 19/12/2024. In the example the
    // first came on 18/3 (a day early), the second on 25/6 (6 days late), the third
    // never. On 1/10/2024: 19/9 is 12 days late, 19/12 has 79 days left.
    let plan = ["--plan", "KSTTHC-2024/QĐ-BHXH"];
    let listed = rows(
        &example(),
        "2024-10-01",
        &[&["tasks", "--unit", "VP"], &plan[..]].concat(),
    );
    assert!(
        listed.iter().all(|r| r["task"] != "9"),
        "tasks lists each task once"
    );
    let schedule: Vec<String> = brief(&rows(
        &example(),
        "2024-10-01",
        &[&["overdue"], &plan[..]].concat(),
    ))
    .into_iter()
    .filter(|r| r.starts_with("9 "))
    .collect();
    assert_eq!(schedule, ["9 2024-09-19 12 open_overdue"]);
    let upcoming = rows(
        &example(),
        "2024-10-01",
        &[&["upcoming", "--within", "3m"], &plan[..]].concat(),
    );
    let report = upcoming.iter().find(|r| r["task"] == "9").unwrap();
    assert_eq!(
        (&report["occurrence"], &report["days_overdue"]),
        (&"2024-12-19".into(), &(-79).into())
    );
    // Before 25/6 the second report was not in: on 20/6 it is a day late.
    let on_20_june = rows(
        &example(),
        "2024-06-20",
        &[&["overdue"], &plan[..]].concat(),
    );
    assert!(brief(&on_20_june).contains(&"9 2024-06-19 1 open_overdue".to_string()));
    // On the real plans nobody reported: all three past reports are late on 1/10/2024.
    let real = rows(
        &repo_plans(),
        "2024-10-01",
        &[&["overdue"], &plan[..]].concat(),
    );
    let reports: Vec<String> = brief(&real)
        .into_iter()
        .filter(|r| r.starts_with("9 "))
        .collect();
    assert_eq!(
        reports,
        [
            "9 2024-03-19 196 open_overdue",
            "9 2024-06-19 104 open_overdue",
            "9 2024-09-19 12 open_overdue"
        ]
    );
}

#[test]
fn the_deadline_in_effect_is_the_one_granted_by_the_day() {
    // KSTTHC 2.2.a: "Tháng 7/2024", extended on 25/7/2024 to "Tháng 9/2024", done 20/9.
    let plan = ["--plan", "KSTTHC-2024/QĐ-BHXH"];
    let on = |day| rows(&example(), day, &[&["tasks"], &plan[..]].concat());
    let before = on("2024-07-20");
    let before = task(&before, "2.2.a");
    assert_eq!(
        (
            &before["deadline"],
            &before["original_deadline"],
            &before["due"]
        ),
        (&"Tháng 7/2024".into(), &Value::Null, &"2024-07-31".into())
    );
    let after = on("2024-08-05");
    let after = task(&after, "2.2.a");
    assert_eq!(
        (&after["deadline"], &after["original_deadline"]),
        (&"Tháng 9/2024".into(), &"Tháng 7/2024".into())
    );
    assert_eq!(
        (&after["days_overdue"], &after["category"]),
        (&(-56).into(), &"open_in_time".into())
    );
    // Done on 20/9 against the September deadline then in effect: on time, 10 days early,
    // though after the original July deadline.
    let done = on("2024-10-01");
    let done = task(&done, "2.2.a");
    assert_eq!(
        (&done["days_overdue"], &done["category"]),
        (&(-10).into(), &"done_on_time".into())
    );
}

#[test]
fn a_plan_issued_after_the_day_does_not_exist_yet() {
    // 24/QĐ-BHXH was issued on 19/1/2024, KSTTHC-2024 on 1/1/2024.
    let numbers = |day| -> Vec<String> {
        rows(&repo_plans(), day, &["plans"])
            .iter()
            .map(|p| p["number"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(!numbers("2024-01-18").contains(&"24/QĐ-BHXH".to_string()));
    assert!(numbers("2024-01-19").contains(&"24/QĐ-BHXH".to_string()));
    assert!(numbers("2017-01-01").is_empty());
    // Nor does it count: on 18/1/2024 nothing of 24/QĐ-BHXH is listed or late.
    let tasks = rows(
        &repo_plans(),
        "2024-01-18",
        &["tasks", "--plan", "24/QĐ-BHXH"],
    );
    assert!(tasks.is_empty());
}

#[test]
fn on_the_real_plans_24_qd_is_late_by_the_days_its_text_gives() {
    // 24/QĐ-BHXH on 31/12/2024: II.11 "Tháng 1 năm 2024" (31/1: 335 days), V.4
    // "31/3/2024" (275), and IV.9's quarterly reports of 31/3, 30/6 and 30/9 (275, 184, 92).
    let overdue = rows(
        &repo_plans(),
        "2024-12-31",
        &["overdue", "--plan", "24/QĐ-BHXH"],
    );
    assert_eq!(
        brief(&overdue),
        [
            "II.11 2024-01-31 335 open_overdue",
            "IV.9 2024-03-31 275 open_overdue",
            "V.4 2024-03-31 275 open_overdue",
            "IV.9 2024-06-30 184 open_overdue",
            "IV.9 2024-09-30 92 open_overdue"
        ]
    );
}

/// chrono reads `24-06-30` as the year 24: every day on the command line is YYYY-MM-DD
/// with the year in four digits, or the command is refused (exit 2) before reading a file.
#[test]
fn a_day_on_the_command_line_has_a_four_digit_year() {
    let plans = repo_plans();
    let plans = plans.to_str().unwrap();
    let cases: &[&[&str]] = &[
        &["overdue", "--today", "24-06-30"],
        &["overdue", "--today", "2024-6-30"],
        &[
            "progress",
            "2449/KH-BHXH",
            "1.3",
            "--status",
            "done",
            "--on",
            "17-07-10",
        ],
        &[
            "progress",
            "9",
            "9",
            "--status",
            "done",
            "--occurrence",
            "24-06-19",
        ],
        &[
            "extend",
            "2449/KH-BHXH",
            "1.4",
            "--to",
            "x",
            "--by",
            "y",
            "--on",
            "17-07-12",
        ],
        &["apply", "form.xlsx", "--on", "24-07-01"],
        &["import", "a.docx", "--issued", "24-01-10"],
        &["deadline", "Quý II", "--issued", "24-01-10"],
    ];
    for args in cases {
        let output = bin().args(*args).args(["--plans", plans]).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("write the day as YYYY-MM-DD, the year in four digits (2024-06-30)"),
            "{args:?}: {stderr}"
        );
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    let output = bin()
        .args(["overdue", "--today", "2024-02-30", "--plans", plans])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("2024-02-30 is not a day of the calendar"),
        "{stderr}"
    );
    // The environment's day is read the same way.
    let output = bin()
        .args(["overdue", "--plans", plans])
        .env("BHXH_PLAN_TODAY", "24-06-30")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}
