//! The repository's own `plans/`: it checks clean, holds the five source documents, and
//! its units registry carries their tasks over to the units of today.

mod common;

use common::{bin, repo_plans};
use serde_json::Value;

#[test]
fn the_repository_plans_check_without_errors() {
    let output = bin()
        .args([
            "check",
            "--format",
            "json",
            "--today",
            "2026-11-29",
            "--plans",
        ])
        .arg(repo_plans())
        .output()
        .unwrap();
    let diags: Value = serde_json::from_slice(&output.stdout).unwrap();
    let errors: Vec<&Value> = diags
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn the_five_source_plans_are_listed_with_their_task_counts() {
    let output = bin()
        .args(["plans", "--format", "json", "--plans"])
        .arg(repo_plans())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let rows: Value = serde_json::from_slice(&output.stdout).unwrap();
    let counts: Vec<(String, u64)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["number"].as_str().unwrap().to_string(),
                r["tasks"].as_u64().unwrap(),
            )
        })
        .collect();
    let at_least = [
        ("595/KH-BHXH", 25),
        ("2449/KH-BHXH", 8),
        ("3923/KH-BHXH", 12),
        ("KSTTHC-2024/QĐ-BHXH", 30),
        ("24/QĐ-BHXH", 52),
    ];
    assert_eq!(counts.len(), at_least.len(), "{counts:?}");
    for ((number, tasks), (want, min)) in counts.iter().zip(at_least) {
        assert_eq!(number, want);
        assert!(
            *tasks >= min,
            "{number} has {tasks} tasks, expected at least {min}"
        );
    }
    assert_eq!(counts[4].1, 52, "24/QĐ-BHXH has exactly 52 rows");
    assert_eq!(counts[1].1, 8, "2449/KH-BHXH has exactly 8 rows");
}

#[test]
fn transcribed_tasks_carry_no_invented_progress() {
    for entry in walkdir::WalkDir::new(repo_plans()) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for line in text.lines() {
            let key = line.split('=').next().unwrap().trim();
            assert!(
                !["status", "done", "due"].contains(&key),
                "{}: `{line}`: the sources say nothing of progress",
                entry.path().display()
            );
        }
        let nfc: String = unicode_normalization::UnicodeNormalization::nfc(text.as_str()).collect();
        assert!(nfc == text, "{} is not NFC", entry.path().display());
    }
}

/// The rows of `args` over plans/ as JSON, and what the command said on stderr.
fn json_rows(args: &[&str]) -> (Vec<Value>, String) {
    let output = bin()
        .args(args)
        .args(["--format", "json", "--plans"])
        .arg(repo_plans())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{args:?}");
    let rows: Value = serde_json::from_slice(&output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    (rows.as_array().unwrap().clone(), stderr)
}

#[test]
fn a_2026_unit_reaches_the_tasks_the_2024_plans_gave_the_unit_it_replaced() {
    // QĐ 391/QĐ-BTC: from 01/03/2025 Trung tâm Công nghệ thông tin is Trung tâm Công nghệ
    // thông tin và Chuyển đổi số (CNTT-CĐS); the plans of plans/ give their tasks to CNTT.
    let today = ["--today", "2026-03-01"];
    let (old, _) = json_rows(&[&["overdue", "--unit", "CNTT"][..], &today].concat());
    let (new, note) = json_rows(&[&["overdue", "--unit", "CNTT-CĐS"][..], &today].concat());
    assert!(
        old.len() > 5,
        "CNTT has overdue tasks in the 2017 and 2024 plans"
    );
    assert_eq!(new, old, "CNTT-CĐS reaches every overdue task of CNTT");
    assert!(
        new.iter()
            .all(|r| r["lead"].as_array().unwrap().contains(&"CNTT".into()))
    );
    assert!(note.contains("CNTT-CĐS") && note.contains("CNTT"), "{note}");
    let (by_name, _) = json_rows(&[
        "tasks",
        "--unit",
        "Trung tâm Công nghệ thông tin và Chuyển đổi số",
        "--year",
        "2024",
    ]);
    let (of_cntt, _) = json_rows(&["tasks", "--unit", "CNTT", "--year", "2024"]);
    assert!(!of_cntt.is_empty());
    assert_eq!(by_name, of_cntt);
    // In a table, the note heads the output, in the chosen language.
    for (lang, said) in [
        (
            "vi",
            "Gồm cả nhiệm vụ của đơn vị tiền thân của CNTT-CĐS: CNTT\n",
        ),
        (
            "en",
            "Includes the tasks of CNTT-CĐS's predecessors: CNTT\n",
        ),
    ] {
        let output = bin()
            .args(["overdue", "--unit", "cntt-cds", "--lang", lang])
            .args(today)
            .arg("--plans")
            .arg(repo_plans())
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(stdout.starts_with(said), "{stdout}");
    }
}
