//! `bhxh-plan deadline PHRASE`: the explanation of a phrase, for people and as JSON.

mod common;

use common::{bin, succeeds};
use serde_json::{Value, json};

fn explain(args: &[&str]) -> Value {
    let stdout = succeeds(bin().arg("deadline").args(args).args(["--format", "json"]));
    serde_json::from_slice(&stdout).unwrap()
}

#[test]
fn several_quarters_give_one_date_each() {
    assert_eq!(
        explain(&["Quý II, III/2024", "--year", "2024"]),
        json!({"text": "Quý II, III/2024", "kind": "several", "start": "2024-04-01",
               "due": "2024-09-30", "dates": ["2024-06-30", "2024-09-30"]})
    );
}

#[test]
fn a_missing_year_comes_from_year_or_issued() {
    assert_eq!(explain(&["Quý III", "--year", "2017"])["due"], "2017-09-30");
    assert_eq!(
        explain(&["Quý III", "--issued", "2024-01-19"])["due"],
        "2024-09-30"
    );
    assert_eq!(
        explain(&["Quý III", "--today", "2019-05-05"])["due"],
        "2019-09-30"
    );
}

#[test]
fn undated_kinds_have_null_dates() {
    assert_eq!(
        explain(&["Thường xuyên"]),
        json!({"text": "Thường xuyên", "kind": "ongoing", "start": null, "due": null, "dates": []})
    );
}

#[test]
fn the_human_explanation_is_labelled_in_vietnamese_or_english() {
    let output = bin().args(["deadline", "Quý I/2024"]).output().unwrap();
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap(), @r"
    Quý I/2024
      loại     quý (quarter)
      khoảng   2024-01-01 → 2024-03-31
      hạn      2024-03-31
      các mốc  2024-03-31
    ");
    let output = bin()
        .args(["deadline", "Quý I/2024", "--lang", "en"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .contains("  due      2024-03-31")
    );
}

#[test]
fn an_unreadable_phrase_exits_1_with_a_caret() {
    let output = bin()
        .args(["deadline", "31/2/2024", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("`31/2/2024` is not a day of the calendar"),
        "{stderr}"
    );
    assert!(stderr.contains("1 │ 31/2/2024\n  │ ^^^^^^^^^"), "{stderr}");
}

#[test]
fn year_and_issued_cannot_both_be_given() {
    bin()
        .args([
            "deadline",
            "Quý I",
            "--year",
            "2024",
            "--issued",
            "2024-01-01",
        ])
        .assert()
        .code(2);
}

#[test]
fn with_an_issue_date_a_phrase_that_had_passed_reads_the_next_year_as_check_reads_it() {
    let moved = explain(&["Tháng 1", "--issued", "2024-12-10"]);
    assert_eq!(moved["due"], "2025-01-31");
    assert_eq!(moved["read_in"], 2025);
    let human = succeeds(bin().args(["deadline", "Tháng 1", "--issued", "2024-12-10"]));
    let human = String::from_utf8(human).unwrap();
    assert!(
        human.contains("2025: không ghi năm và đã qua khi ban hành (10/12/2024)"),
        "{human}"
    );
    // A phrase with its year, or one not yet passed, is not moved and says nothing of it.
    let kept = explain(&["Tháng 1/2024", "--issued", "2024-12-10"]);
    assert_eq!(kept["due"], "2024-01-31");
    assert!(kept.get("read_in").is_none());
    assert!(
        explain(&["Tháng 12", "--issued", "2024-12-10"])
            .get("read_in")
            .is_none()
    );
}
