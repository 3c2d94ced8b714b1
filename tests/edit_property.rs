//! `progress` and `extend` on every task of every file of `plans/` (and on the first
//! milestone of tasks that have some) change only the keys they touch: the file parses,
//! everything else compares equal to the original, every comment line is still there in
//! its order, and `check` finds no error. Through the library, so that ~250 edits take
//! no process each; `tests/edit.rs` runs the binary.

mod common;

use std::path::Path;

use bhxh_plan::check::{check_file, read_registry};
use bhxh_plan::edit::{Change, EditError, Request, edit_bytes};
use bhxh_plan::model::Status;
use bhxh_plan::units::Registry;
use chrono::NaiveDate;
use toml::{Table, Value};

use common::repo_plans;

/// The keys an edit of a task or milestone may change.
const TOUCHED: &[&str] = &["status", "done", "deadline", "progress", "extension"];

const NOTE: &str = "Đã hoàn thành \"giai đoạn 1\"; còn vướng mắc về kinh phí";
const BY: &str = "Công văn số 1234/BHXH-VP ngày 10/01/2025";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn registry() -> Registry {
    let text = std::fs::read_to_string(repo_plans().join("units.toml")).unwrap();
    let mut problems = Vec::new();
    let registry = read_registry(0, &text, &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    registry
}

fn plan_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for year in std::fs::read_dir(repo_plans()).unwrap() {
        let year = year.unwrap().path();
        if year.is_dir() {
            for file in std::fs::read_dir(&year).unwrap() {
                files.push(file.unwrap().path());
            }
        }
    }
    files.sort();
    assert_eq!(files.len(), 5, "the five source plans");
    files
}

/// The tasks of a plan file: id, and how many milestones.
fn tasks(table: &Table) -> Vec<(String, usize)> {
    let tasks = table["task"].as_array().unwrap();
    tasks
        .iter()
        .map(|t| {
            let id = t["id"].as_str().unwrap().to_string();
            let stages = t
                .get("milestone")
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            (id, stages)
        })
        .collect()
}

/// The parsed file without the touched keys of task `index` and of its first milestone.
fn untouched(mut table: Table, index: usize) -> Table {
    let task = table.get_mut("task").and_then(Value::as_array_mut).unwrap()[index]
        .as_table_mut()
        .unwrap();
    if let Some(first) = task
        .get_mut("milestone")
        .and_then(Value::as_array_mut)
        .and_then(|m| m.first_mut())
        .and_then(Value::as_table_mut)
    {
        TOUCHED.iter().for_each(|k| drop(first.remove(*k)));
    }
    TOUCHED.iter().for_each(|k| drop(task.remove(*k)));
    table
}

fn comment_lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('#'))
        .collect()
}

/// Records done (of its first occurrence, if it recurs), then an extension, on `target`;
/// the bytes after both, and the occurrence reported.
fn edit(
    bytes: &[u8],
    target: &str,
    registry: &Registry,
) -> Result<(Vec<u8>, Option<NaiveDate>), EditError> {
    let clock = day(2025, 6, 30);
    let done = |occurrence| Request {
        target: target.into(),
        on: day(2025, 1, 15),
        change: Change::Progress {
            status: Status::Done,
            note: Some(NOTE.into()),
            occurrence,
        },
    };
    let (bytes, occurrence) = match edit_bytes(bytes, registry, clock, &done(None)) {
        Err(EditError::Recurring { occurrences, .. }) => {
            let first = occurrences.first().copied();
            (edit_bytes(bytes, registry, clock, &done(first))?.0, first)
        }
        done => (done?.0, None),
    };
    let extend = Request {
        target: target.into(),
        on: day(2025, 1, 20),
        change: Change::Extend {
            to: "31/12/2025".into(),
            by: BY.into(),
        },
    };
    Ok((edit_bytes(&bytes, registry, clock, &extend)?.0, occurrence))
}

fn assert_only_touched(
    file: &Path,
    before: &str,
    (after, occurrence): (&[u8], Option<NaiveDate>),
    index: usize,
    target: &str,
) {
    let after = std::str::from_utf8(after).unwrap();
    let at = format!("{}: {target}", file.display());
    let parsed: Table = toml::from_str(after).unwrap_or_else(|e| panic!("{at}: {e}"));
    let original: Table = toml::from_str(before).unwrap();
    assert!(
        untouched(parsed.clone(), index) == untouched(original, index),
        "{at}: more than the touched keys changed"
    );
    let mut kept = comment_lines(after).into_iter();
    for comment in comment_lines(before) {
        assert!(kept.any(|c| c == comment), "{at}: lost `{comment}`");
    }
    let checked = check_file(0, after.as_bytes(), &registry(), day(2025, 6, 30));
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(errors.is_empty(), "{at}: {errors:#?}");
    // And the touched keys say what was recorded.
    let task = parsed["task"].as_array().unwrap()[index]
        .as_table()
        .unwrap();
    let table = match target.split_once('/') {
        Some(_) => task["milestone"].as_array().unwrap()[0].as_table().unwrap(),
        None => task,
    };
    // An occurrence reported leaves the task's `status` and `done` as they were.
    if occurrence.is_none() {
        assert_eq!(table["status"].as_str(), Some("done"), "{at}");
        assert_eq!(table["done"].to_string(), "2025-01-15", "{at}");
    }
    assert_eq!(table["deadline"].as_str(), Some("31/12/2025"), "{at}");
    let entry = table["progress"].as_array().unwrap().last().unwrap();
    assert_eq!(entry["note"].as_str(), Some(NOTE), "{at}");
    let reported = entry.get("occurrence").map(ToString::to_string);
    assert_eq!(reported, occurrence.map(|d| d.to_string()), "{at}");
    let extension = table["extension"].as_array().unwrap().last().unwrap();
    assert_eq!(extension["by"].as_str(), Some(BY), "{at}");
}

#[test]
fn edits_of_every_task_change_only_the_touched_keys() {
    let registry = registry();
    let mut edited = 0;
    for file in plan_files() {
        let before = std::fs::read_to_string(&file).unwrap();
        let table: Table = toml::from_str(&before).unwrap();
        for (index, (id, stages)) in tasks(&table).into_iter().enumerate() {
            let mut targets = vec![id.clone()];
            if stages > 0 {
                targets.push(format!("{id}/1"));
            }
            for target in targets {
                match edit(before.as_bytes(), &target, &registry) {
                    Ok((after, occurrence)) => {
                        let after = (after.as_slice(), occurrence);
                        assert_only_touched(&file, &before, after, index, &target);
                        edited += 1;
                    }
                    // Only stages have deadlines there; its milestone is edited instead.
                    Err(EditError::NoDeadline { .. }) if stages > 0 => {}
                    Err(error) => panic!("{}: {target}: {error}", file.display()),
                }
            }
        }
    }
    // 129 tasks; the three with milestones (595/KH-BHXH I.5, II.2, II.5) have no
    // deadline of their own, so their first milestone is extended instead.
    assert_eq!(edited, 129);
}
