use chrono::NaiveDate;

use super::*;
use crate::atomic::hooks;
use crate::check::read_registry;

const UNITS: &str = r#"
[[unit]]
code = "CNTT"
name = "Trung tâm Công nghệ thông tin"
"#;

const PLAN: &str = r#"# A plan to edit.
[plan]
number = "1/KH-BHXH"
title = "Kế hoạch thử"
issued = 2024-01-10

[defaults]
deadline = "Quý II/2024"

# The first task.
[[task]]
id = "1"
content = "Xây dựng kế hoạch"
lead = ["CNTT"]  # the lead
note = "Ghi chú"

[[task.milestone]]
what = "Dự thảo"
deadline = "Tháng 3/2024"

# The second task, done.
[[task]]
id = "2"
content = "Báo cáo quý"
lead = ["CNTT"]
deadline = "Định kỳ hàng quý năm 2024"
status = "done"  # reported
# completed on the day of the report
done = 2024-03-20
note = "Ghi chú"
"#;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, m, d).unwrap()
}

fn registry() -> Registry {
    read_registry(1, UNITS, &mut Vec::new())
}

fn progress(target: &str, status: Status, on: NaiveDate) -> Request {
    Request {
        target: target.into(),
        on,
        change: Change::Progress {
            status,
            note: None,
            occurrence: None,
        },
    }
}

fn edit(text: &str, request: &Request) -> Result<String, EditError> {
    let (bytes, _) = edit_bytes(text.as_bytes(), &registry(), day(6, 30), request)?;
    Ok(String::from_utf8(bytes).unwrap())
}

#[test]
fn status_words_are_read_in_either_language_any_case_and_without_diacritics() {
    for (word, status) in [
        ("done", Status::Done),
        ("In Progress", Status::InProgress),
        ("đã hoàn thành", Status::Done),
        ("DA HOAN THANH", Status::Done),
        ("dung thuc hien", Status::Cancelled),
        ("Chưa thực hiện", Status::Open),
        ("đang thực hiện", Status::InProgress),
    ] {
        assert_eq!(parse_status(word), Ok(status), "{word}");
    }
    let error = parse_status("xong").unwrap_err();
    assert!(
        error.contains("in-progress") && error.contains("dừng thực hiện"),
        "{error}"
    );
}

#[test]
fn an_inherited_deadline_is_written_where_the_task_writes_its_deadline() {
    let request = Request {
        target: "1".into(),
        on: day(5, 2),
        change: Change::Extend {
            to: "Quý III/2024".into(),
            by: "Công văn số 12/BHXH-VP".into(),
        },
    };
    let edited = edit(PLAN, &request).unwrap();
    let expected = PLAN.replace(
        "lead = [\"CNTT\"]  # the lead\n",
        "lead = [\"CNTT\"]  # the lead\ndeadline = \"Quý III/2024\"\n",
    );
    let expected = expected.replace(
        "note = \"Ghi chú\"\n\n[[task.milestone]]",
        "note = \"Ghi chú\"\n\n[[task.extension]]\non = 2024-05-02\nfrom = \"Quý II/2024\"\nto = \"Quý III/2024\"\nby = \"Công văn số 12/BHXH-VP\"\n\n[[task.milestone]]",
    );
    assert_eq!(edited, expected);
}

#[test]
fn a_milestone_entry_goes_under_the_milestone() {
    let edited = edit(PLAN, &progress("1/1", Status::InProgress, day(2, 1))).unwrap();
    let expected = PLAN.replace(
        "deadline = \"Tháng 3/2024\"\n",
        "deadline = \"Tháng 3/2024\"\nstatus = \"in-progress\"\n\n[[task.milestone.progress]]\non = 2024-02-01\nstatus = \"in-progress\"\n",
    );
    assert_eq!(edited, expected);
}

#[test]
fn reopening_removes_done_and_its_comment_moves_to_the_next_key() {
    let edited = edit(PLAN, &progress("2", Status::InProgress, day(4, 1))).unwrap();
    let expected = PLAN.replace(
        "status = \"done\"  # reported\n# completed on the day of the report\ndone = 2024-03-20\nnote = \"Ghi chú\"\n",
        "status = \"in-progress\"  # reported\n# completed on the day of the report\nnote = \"Ghi chú\"\n\n[[task.progress]]\non = 2024-04-01\nstatus = \"in-progress\"\n",
    );
    assert_eq!(edited, expected);
}

#[test]
fn an_occurrence_adds_only_the_entry() {
    let request = Request {
        target: "2".into(),
        on: day(4, 5),
        change: Change::Progress {
            status: Status::Done,
            note: Some("Đã gửi".into()),
            occurrence: Some(day(3, 31)),
        },
    };
    let edited = edit(PLAN, &request).unwrap();
    assert_eq!(
        edited,
        format!(
            "{PLAN}\n[[task.progress]]\non = 2024-04-05\nstatus = \"done\"\nnote = \"Đã gửi\"\noccurrence = 2024-03-31\n"
        )
    );
    let Change::Progress { note, .. } = request.change else {
        unreachable!()
    };
    let wrong = Request {
        change: Change::Progress {
            status: Status::Done,
            note,
            occurrence: Some(day(3, 30)),
        },
        ..request
    };
    let error = edit(PLAN, &wrong).unwrap_err().to_string();
    assert!(error.contains("2024-03-31, 2024-06-30"), "{error}");
}

#[test]
fn a_result_that_fails_check_is_refused() {
    // A day before the plan was issued: the new `done` and the entry's `on` both are.
    let early = NaiveDate::from_ymd_opt(2023, 12, 1).unwrap();
    let error = edit(PLAN, &progress("1", Status::Done, early)).unwrap_err();
    let EditError::WouldFail { diagnostics, .. } = error else {
        panic!("{error}")
    };
    assert!(diagnostics.iter().all(|d| d.code.as_str() == "E014"));
}

#[test]
fn a_comment_after_a_removed_value_refuses_the_edit() {
    let text = PLAN.replace("done = 2024-03-20", "done = 2024-03-20 # by phone");
    let error = edit(&text, &progress("2", Status::Open, day(4, 1))).unwrap_err();
    assert!(matches!(error, EditError::Unsupported(_)), "{error}");
    assert!(error.to_string().contains("# by phone"), "{error}");
}

fn plan_on_disk() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.toml");
    std::fs::write(&path, PLAN).unwrap();
    (dir, path)
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "plan.toml")
        .collect()
}

#[test]
fn a_failed_rename_leaves_the_plan_file_intact() {
    let (dir, path) = plan_on_disk();
    hooks::fail_rename(true);
    let result = edit_file(
        &path,
        &registry(),
        day(6, 30),
        &progress("1", Status::Done, day(6, 1)),
    );
    hooks::fail_rename(false);
    let error = result.unwrap_err();
    assert!(matches!(error, EditError::Write(..)), "{error}");
    assert!(
        error.to_string().contains("the file is unchanged"),
        "{error}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), PLAN);
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_file_changed_while_editing_is_not_overwritten() {
    let (dir, path) = plan_on_disk();
    let theirs = PLAN.replace("Ghi chú", "Ghi chú của người khác");
    let written = theirs.clone();
    hooks::on_before_rename(move |path| std::fs::write(path, written).unwrap());
    let result = edit_file(
        &path,
        &registry(),
        day(6, 30),
        &progress("1", Status::Done, day(6, 1)),
    );
    let error = result.unwrap_err();
    assert!(matches!(error, EditError::ChangedOnDisk(_)), "{error}");
    assert!(
        error
            .to_string()
            .contains("changed on disk while editing; nothing was written: run again")
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn an_edit_on_disk_replaces_the_file() {
    let (dir, path) = plan_on_disk();
    let edited = edit_file(
        &path,
        &registry(),
        day(6, 30),
        &progress("1", Status::Done, day(6, 1)),
    );
    let edited = edited.unwrap();
    assert_eq!(
        edited.fields,
        [
            Field::Status(Status::Open, Status::Done),
            Field::Done(None, Some(day(6, 1)))
        ]
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("done = 2024-06-01\n")
    );
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_recurring_series_takes_a_status_of_its_own_only_to_stop_or_reopen() {
    // Task 2 recurs quarterly and is closed as a whole (done).
    let stopped = edit(PLAN, &progress("2", Status::Cancelled, day(4, 1))).unwrap();
    assert!(
        stopped.contains("status = \"cancelled\"  # reported\n"),
        "{stopped}"
    );
    let error = edit(PLAN, &progress("2", Status::Done, day(4, 1))).unwrap_err();
    assert!(matches!(error, EditError::Recurring { .. }), "{error}");
    assert!(
        error
            .to_string()
            .contains("one of 2024-03-31, 2024-06-30, 2024-09-30, 2024-12-31"),
        "{error}"
    );
    // Open, it has nothing to reopen: the user meant one occurrence.
    let open = PLAN.replace(
        "status = \"done\"  # reported\n# completed on the day of the report\ndone = 2024-03-20\n",
        "",
    );
    for status in [Status::Open, Status::InProgress, Status::Done] {
        let error = edit(&open, &progress("2", status, day(4, 1))).unwrap_err();
        assert!(matches!(error, EditError::Recurring { .. }), "{error}");
    }
}

#[test]
fn an_entry_like_the_last_of_its_occurrence_is_refused() {
    let request = |occurrence| Request {
        target: "2".into(),
        on: day(4, 5),
        change: Change::Progress {
            status: Status::Done,
            note: Some(" Đã gửi ".into()),
            occurrence,
        },
    };
    let once = edit(PLAN, &request(Some(day(3, 31)))).unwrap();
    let error = edit(&once, &request(Some(day(3, 31)))).unwrap_err();
    assert!(
        matches!(error, EditError::AlreadyRecorded { .. }),
        "{error}"
    );
    // The same words about another occurrence are another report.
    edit(&once, &request(Some(day(6, 30)))).unwrap();
}

#[test]
fn an_entry_dated_before_the_last_goes_in_date_order_keeping_comments() {
    let text = PLAN.replace(
        "note = \"Ghi chú\"\n\n[[task.milestone]]",
        "note = \"Ghi chú\"\nstatus = \"in-progress\"\n\n# By phone.\n[[task.progress]]\non = 2024-02-10\nstatus = \"done\"\n\n[[task.progress]]\non = 2024-03-01  # late\nstatus = \"in-progress\"\n\n[[task.milestone]]",
    );
    let (bytes, edited) = edit_bytes(
        text.as_bytes(),
        &registry(),
        day(6, 30),
        &progress("1", Status::Open, day(2, 1)),
    )
    .unwrap();
    let expected = text.replace(
        "\n# By phone.\n",
        "\n[[task.progress]]\non = 2024-02-01\nstatus = \"open\"\n\n# By phone.\n",
    );
    assert_eq!(String::from_utf8(bytes).unwrap(), expected);
    assert!(edited.fields.is_empty(), "{edited:?}");
    assert_eq!(edited.placed_before, Some(day(2, 10)));
    // Between the two: after the first, and the status stays the last one's.
    let (bytes, _) = edit_bytes(
        text.as_bytes(),
        &registry(),
        day(6, 30),
        &progress("1", Status::Done, day(2, 20)),
    )
    .unwrap();
    let expected = text.replace(
        "status = \"done\"\n\n[[task.progress]]\non = 2024-03-01",
        "status = \"done\"\n\n[[task.progress]]\non = 2024-02-20\nstatus = \"done\"\n\n[[task.progress]]\non = 2024-03-01",
    );
    assert_eq!(String::from_utf8(bytes).unwrap(), expected);
}
