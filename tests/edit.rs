//! `progress` and `extend` through the binary, on copies of the repository's `plans/`:
//! what they write and print, CRLF and byte-order mark kept, and every bad input refused
//! with the files left byte for byte as they were. A failed rename and a file changed
//! between reading and writing need a failure staged inside the process: they are unit
//! tests of `edit` (`src/edit/tests.rs`).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{Tree, repo_plans, succeeds};

const PLAN_2449: &str = "2017/2449-KH-BHXH.toml";

/// A temporary copy of the repository's plans.
fn copy_of_plans() -> Tree {
    let tree = Tree::bare();
    for entry in walk(&repo_plans()) {
        let relative = entry.strip_prefix(repo_plans()).unwrap();
        tree.bytes(relative.to_str().unwrap(), &std::fs::read(&entry).unwrap());
    }
    tree
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// Every file of the tree (the cache aside) and its bytes.
fn snapshot(tree: &Tree) -> BTreeMap<PathBuf, Vec<u8>> {
    walk(tree.path())
        .into_iter()
        .filter(|p| !p.starts_with(tree.path().join(".cache")))
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

fn read(tree: &Tree, file: &str) -> String {
    std::fs::read_to_string(tree.path().join(file)).unwrap()
}

fn original(file: &str) -> String {
    std::fs::read_to_string(repo_plans().join(file)).unwrap()
}

/// The lines `progress 2449/KH-BHXH 1.3 --status done --on 2017-07-10` adds after the
/// task's `note`.
const DONE_1_3: &str = "status = \"done\"\ndone = 2017-07-10\n\n[[task.progress]]\non = 2017-07-10\nstatus = \"done\"\nnote = \"Đã triển khai \\\"công cụ\\\" tại 63 tỉnh\"\n";

/// The text of 2449/KH-BHXH with 1.3 recorded done: the lines go after the task's last
/// key, before the blank line and the next `[[task]]`.
fn with_1_3_done(text: &str) -> String {
    let start = text.find("id = \"1.3\"").unwrap();
    let next = start + text[start..].find("\n\n[[task]]").unwrap() + 1;
    format!("{}{DONE_1_3}{}", &text[..next], &text[next..])
}

#[test]
fn progress_and_extend_edit_in_place_and_say_what_changed() {
    let tree = copy_of_plans();
    let output = tree
        .cmd(&[
            "progress",
            "2449/KH-BHXH",
            "1.3",
            "--status",
            "Đã hoàn thành",
            "--on",
            "2017-07-10",
            "--note",
            "Đã triển khai \"công cụ\" tại 63 tỉnh",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "2449/KH-BHXH, nhiệm vụ 1.3 (2017/2449-KH-BHXH.toml)\n\
         \x20 trạng thái       chưa xong → đã xong\n\
         \x20 ngày hoàn thành  — → 2017-07-10\n\
         \x20 tiến độ          +1: 2017-07-10, đã xong, “Đã triển khai \"công cụ\" tại 63 tỉnh”\n"
    );
    assert_eq!(read(&tree, PLAN_2449), with_1_3_done(&original(PLAN_2449)));

    let output = tree
        .cmd(&[
            "extend",
            "2449/KH-BHXH",
            "1.4",
            "--to",
            "30/9/2017",
            "--by",
            "Công văn số 2800/BHXH-CNTT ngày 10/7/2017",
            "--on",
            "2017-07-12",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "2449/KH-BHXH, task 1.4 (2017/2449-KH-BHXH.toml)\n\
         \x20 deadline   15/7/2017 → 30/9/2017\n\
         \x20 extension  +1: 2017-07-12, 15/7/2017 → 30/9/2017, Công văn số 2800/BHXH-CNTT ngày 10/7/2017\n"
    );
    let text = read(&tree, PLAN_2449);
    assert!(text.contains(
        "deadline = \"30/9/2017\"\nnote = \"Lead cell reads \\\"Thu; Sổ, thẻ, CNTT,\\\""
    ));
    assert!(text.contains("\n\n[[task.extension]]\non = 2017-07-12\nfrom = \"15/7/2017\"\nto = \"30/9/2017\"\nby = \"Công văn số 2800/BHXH-CNTT ngày 10/7/2017\"\n\n[[task]]\nid = \"2.1\""));
    tree.cmd(&["check"]).assert().code(0);
    // What was known on a day: 1.3, done on 10 July, is still overdue on 5 July.
    let overdue = tree
        .cmd(&[
            "overdue",
            "--plan",
            "2449/KH-BHXH",
            "--today",
            "2017-07-05",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert_eq!(overdue.status.code(), Some(0), "{overdue:?}");
}

#[test]
fn crlf_line_endings_and_a_byte_order_mark_are_kept() {
    let crlf = |text: &str| format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let tree = copy_of_plans();
    tree.file(PLAN_2449, &crlf(&original(PLAN_2449)));
    let output = tree
        .cmd(&[
            "progress",
            "2449/KH-BHXH",
            "1.3",
            "--status",
            "done",
            "--on",
            "2017-07-10",
            "--note",
            "Đã triển khai \"công cụ\" tại 63 tỉnh",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let edited = std::fs::read(tree.path().join(PLAN_2449)).unwrap();
    let expected = crlf(&with_1_3_done(&original(PLAN_2449)));
    assert!(edited.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(String::from_utf8(edited).unwrap(), expected);
}

/// Runs a command that must be refused: the exit code, the message, and every file of
/// the tree byte-identical after.
fn refused(tree: &Tree, args: &[&str], code: i32, message: &str) {
    let before = snapshot(tree);
    let output = tree.cmd(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(code), "{args:?}: {stderr}");
    assert!(stderr.contains(message), "{args:?}:\n{stderr}");
    assert!(output.stdout.is_empty(), "{args:?}");
    assert!(before == snapshot(tree), "{args:?} changed a file");
}

#[test]
fn bad_input_is_refused_with_what_is_valid_and_nothing_written() {
    let tree = copy_of_plans();
    let done = ["--status", "done", "--on", "2017-07-10"];
    let with = |head: &[&'static str], tail: &[&'static str]| -> Vec<&'static str> {
        head.iter().chain(tail).copied().collect()
    };
    let cases: &[(Vec<&str>, i32, &str)] = &[
        (
            with(&["progress", "2448/KH-BHXH", "1.3"], &done),
            2,
            "no plan is numbered `2448/KH-BHXH`; did you mean `2449/KH-BHXH`?",
        ),
        (
            with(&["progress", "2449/KH-BHXH", "1.9"], &done),
            2,
            "plan `2449/KH-BHXH` has no task `1.9`; did you mean `1.4`? (its tasks: 1.1, 1.2, 1.3, 1.4, 2.1, 2.2, 2.3, 2.4)",
        ),
        (
            with(&["progress", "595/KH-BHXH", "I.5/3"], &done),
            2,
            "task `I.5` has no milestone 3: it has 2, `I.5/1` to `I.5/2`",
        ),
        (
            with(&["progress", "2449/KH-BHXH", "1.3/1"], &done),
            2,
            "task `1.3` has no milestones, so no milestone 1",
        ),
        (
            vec![
                "progress",
                "KSTTHC-2024/QĐ-BHXH",
                "6.3/2",
                "--status",
                "done",
                "--on",
                "2024-06-20",
            ],
            2,
            "task `6.3` has no milestones, so no milestone 2; to report one of its due days, write `6.3 --occurrence DATE` with one of 2024-06-30, 2024-09-30",
        ),
        (
            vec![
                "progress",
                "KSTTHC-2024/QĐ-BHXH",
                "9",
                "--status",
                "done",
                "--on",
                "2024-06-20",
                "--occurrence",
                "2024-06-20",
            ],
            2,
            "2024-06-20 is not an occurrence of task `9` (deadline `Báo cáo quý: trước ngày 19 của tháng cuối quý I, II, III; - Báo cáo năm: trước ngày 19/12/2024.`); its occurrences are 2024-03-19, 2024-06-19, 2024-09-19, 2024-12-19",
        ),
        (
            vec!["progress", "2449/KH-BHXH", "1.3", "--status", "xong"],
            2,
            "`xong` is not a status: write one of open, in-progress, done, cancelled, chưa thực hiện, đang thực hiện, đã hoàn thành, dừng thực hiện",
        ),
        (
            vec![
                "progress",
                "2449/KH-BHXH",
                "1.3",
                "--status",
                "done",
                "--on",
                "2024-07-01",
            ],
            2,
            "`--on 2024-07-01` is after the real date, 2024-06-30: record what has happened, on or before 2024-06-30",
        ),
        (
            vec![
                "extend",
                "2449/KH-BHXH",
                "1.3",
                "--to",
                "30/9/2017",
                "--by",
                "Công văn",
                "--today",
                "2024-07-01",
            ],
            2,
            "the day recorded is `--today 2024-07-01` (`--on` was not given), which is after the real date, 2024-06-30: give `--on`, on or before 2024-06-30",
        ),
        (
            vec![
                "progress",
                "2449/KH-BHXH",
                "1.3",
                "--status",
                "done",
                "--today",
                "2024-07-01",
            ],
            2,
            "the day recorded is `--today 2024-07-01` (`--on` was not given), which is after the real date, 2024-06-30: give `--on`, on or before 2024-06-30",
        ),
        (
            vec![
                "extend",
                "595/KH-BHXH",
                "I.5",
                "--to",
                "Năm 2019",
                "--by",
                "Công văn",
                "--on",
                "2018-01-10",
            ],
            2,
            "task `I.5` has no deadline of its own to extend, only its 2 milestones have: extend one of them, `I.5/1` to `I.5/2`",
        ),
        (
            with(
                &["progress", "2449/KH-BHXH", "1.3"],
                &["--status", "done", "--on", "2017-06-01"],
            ),
            1,
            "error[E014]: `done` date 2017-06-01 is before the plan was issued (2017-06-16)",
        ),
    ];
    for (args, code, message) in cases {
        refused(&tree, args, *code, message);
    }
}

#[test]
fn a_late_report_dated_earlier_goes_in_date_order_and_leaves_the_status() {
    let tree = copy_of_plans();
    let progress = |status: &'static str, on: &'static str| {
        [
            "progress",
            "2449/KH-BHXH",
            "1.3",
            "--status",
            status,
            "--on",
            on,
        ]
    };
    tree.cmd(&progress("done", "2017-07-10")).assert().code(0);
    tree.cmd(&progress("in-progress", "2017-07-20"))
        .assert()
        .code(0);
    let output = tree
        .cmd(&progress("chua thuc hien", "2017-07-05"))
        .args(["--lang", "en"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(
        stdout.contains("+1: 2017-07-05, open (put before the entry of 2017-07-10; the status stays the latest entry's)"),
        "{stdout}"
    );
    assert!(!stdout.contains("\n  status"), "{stdout}");
    let text = read(&tree, PLAN_2449);
    let task = &text[text.find("id = \"1.3\"").unwrap()..];
    let task = &task[..task.find("\n\n[[task]]").unwrap()];
    let days: Vec<&str> = task
        .lines()
        .filter_map(|l| l.strip_prefix("on = "))
        .collect();
    assert_eq!(days, ["2017-07-05", "2017-07-10", "2017-07-20"], "{task}");
    assert!(task.contains("status = \"in-progress\""), "{task}");
    tree.cmd(&["check"]).assert().code(0);
    // Run twice, the late report is not recorded twice.
    refused(
        &tree,
        &progress("chua thuc hien", "2017-07-05"),
        2,
        "task `1.3` already has this entry, recorded on 2017-07-05 (open)",
    );
}

/// `extend` of task 1.4 of 2449/KH-BHXH to `to`, granted by `by` on `on`.
fn extend(to: &'static str, by: &'static str, on: &'static str) -> [&'static str; 9] {
    [
        "extend",
        "2449/KH-BHXH",
        "1.4",
        "--to",
        to,
        "--by",
        by,
        "--on",
        on,
    ]
}

#[test]
fn a_refused_extension_names_the_lines_it_would_write_not_lines_on_disk() {
    let tree = copy_of_plans();
    tree.cmd(&extend("30/9/2017", "CV 1", "2017-07-12"))
        .assert()
        .code(0);
    for (args, message) in [
        (
            extend("30/10/2017", "CV 2", "2017-07-02"),
            "error[E018]: this extension is dated 2017-07-02 but the one before it is dated 2017-07-12 [out-of-order]\n  = the line it would write: `on = 2017-07-02`\n",
        ),
        (
            extend("Quý V/2017", "CV 2", "2017-08-01"),
            "error[E012]: quarter `V` does not exist: write I, II, III or IV [bad-deadline]\n  = the lines it would write: `deadline = \"Quý V/2017\"`, `to = \"Quý V/2017\"`\n",
        ),
        (
            extend("30/10/2017", "", "2017-08-01"),
            "error[E006]: a `[[task.extension]]` needs a non-empty `by` [missing-field]\n  = the line it would write: `by = \"\"`\n",
        ),
    ] {
        refused(&tree, &args, 1, message);
        let output = tree.cmd(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains(".toml:"), "{stderr}");
        assert_eq!(stderr.matches("error[").count(), 1, "{stderr}");
    }
}

#[test]
fn a_plan_file_with_errors_is_refused() {
    let tree = copy_of_plans();
    let text = original(PLAN_2449);
    tree.file(PLAN_2449, &format!("{text}oops = = 1\n"));
    refused(
        &tree,
        &[
            "progress",
            "2449/KH-BHXH",
            "1.3",
            "--status",
            "done",
            "--on",
            "2017-07-10",
        ],
        1,
        "error: `2017/2449-KH-BHXH.toml` has 1 error; fix it first (`bhxh-plan check` shows them all). The first:\nerror[E003]: invalid TOML",
    );
    tree.file(
        PLAN_2449,
        &text.replace("lead = [\"PC\"]", "lead = [\"PCC\"]"),
    );
    refused(
        &tree,
        &[
            "progress",
            "2449/KH-BHXH",
            "1.3",
            "--status",
            "done",
            "--on",
            "2017-07-10",
        ],
        1,
        "has 2 errors; fix it first (`bhxh-plan check` shows them all). The first:\nerror[E011]",
    );
}

#[test]
fn a_read_only_plan_file_is_refused_by_name() {
    use std::os::unix::fs::PermissionsExt;
    let tree = copy_of_plans();
    let path = tree.path().join(PLAN_2449);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    refused(
        &tree,
        &[
            "progress",
            "2449/KH-BHXH",
            "1.3",
            "--status",
            "done",
            "--on",
            "2017-07-10",
        ],
        2,
        "`2017/2449-KH-BHXH.toml` is read-only (permission denied); nothing was written",
    );
}

/// A `due` dated the event the old deadline waited for; once the deadline is extended to
/// a date, the `due` goes (kept, it would pin the new deadline to the old day).
#[test]
fn an_extension_removes_the_due_of_the_deadline_it_replaces() {
    let tree = Tree::new();
    tree.file(
        "p.toml",
        &format!(
            "{}\n[[task]]\nid = \"1\"\ncontent = \"Xây dựng kế hoạch\"\nlead = [\"CNTT\"]\n\
             deadline = \"Khi phương án được phê duyệt\"\ndue = 2024-03-01\n",
            common::HEADER
        ),
    );
    let output = tree
        .cmd(&[
            "extend",
            "1/KH-BHXH",
            "1",
            "--to",
            "30/9/2024",
            "--by",
            "Công văn số 9/BHXH-VP",
            "--on",
            "2024-03-05",
        ])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("2024-03-01 → —"));
    let text = read(&tree, "p.toml");
    assert!(!text.contains("due ="), "{text}");
    assert!(text.contains("deadline = \"30/9/2024\""), "{text}");
    let rows =
        common::json_rows(&mut tree.cmd(&["tasks", "--today", "2024-06-30", "--format", "json"]));
    assert_eq!(rows[0]["due"], "2024-09-30");
    assert_eq!(rows[0]["original_deadline"], "Khi phương án được phê duyệt");
}

/// A plan file kept as a link to one elsewhere (another repository, a shared folder): both
/// commands write through the link, which stays a link.
#[cfg(unix)]
#[test]
fn a_linked_plan_file_is_edited_where_it_is_and_stays_a_link() {
    let tree = Tree::new();
    tree.file(
        "target/real.toml",
        &format!("{}{}", common::HEADER, common::GOOD_TASK),
    );
    std::fs::create_dir(tree.path().join("sym")).unwrap();
    let link = tree.path().join("sym/p.toml");
    std::os::unix::fs::symlink("../target/real.toml", &link).unwrap();
    let on_linked = |args: &[&str]| {
        let mut all = vec!["--plans", "sym"];
        all.extend(args);
        let output = tree.cmd(&all).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{output:?}");
    };
    tree.file("sym/units.toml", common::UNITS);
    on_linked(&[
        "progress",
        "1/KH-BHXH",
        "1",
        "--status",
        "in-progress",
        "--on",
        "2024-03-01",
    ]);
    on_linked(&[
        "extend",
        "1/KH-BHXH",
        "1",
        "--to",
        "30/9/2024",
        "--by",
        "Công văn số 9/BHXH-VP",
        "--on",
        "2024-03-05",
    ]);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let text = read(&tree, "target/real.toml");
    assert!(text.contains("status = \"in-progress\""), "{text}");
    assert!(text.contains("to = \"30/9/2024\""), "{text}");
}

/// Running the same command twice (a script retried, a command recalled from the shell's
/// history) does not record the same report twice: the second is refused and names the
/// entry already there. Another report on the same day, a note changed, is recorded.
#[test]
fn the_same_entry_twice_is_refused_the_second_time() {
    let tree = copy_of_plans();
    let progress = [
        "progress",
        "2449/KH-BHXH",
        "1.3",
        "--status",
        "done",
        "--on",
        "2017-07-10",
        "--note",
        "Đã triển khai \"công cụ\" tại 63 tỉnh",
    ];
    tree.cmd(&progress).assert().code(0);
    refused(
        &tree,
        &progress,
        2,
        "task `1.3` already has this entry, recorded on 2017-07-10 (done, “Đã triển khai \"công cụ\" tại 63 tỉnh”); nothing was written",
    );
    assert_eq!(read(&tree, PLAN_2449), with_1_3_done(&original(PLAN_2449)));

    let occurrence = [
        "progress",
        "KSTTHC-2024/QĐ-BHXH",
        "9",
        "--status",
        "done",
        "--on",
        "2024-06-18",
        "--occurrence",
        "2024-06-19",
    ];
    tree.cmd(&occurrence).assert().code(0);
    refused(
        &tree,
        &occurrence,
        2,
        "task `9` already has this entry, recorded on 2024-06-18 (done, occurrence 2024-06-19); nothing was written",
    );

    let extend = [
        "extend",
        "2449/KH-BHXH",
        "1.4",
        "--to",
        "30/9/2017",
        "--by",
        "Công văn số 2800/BHXH-CNTT ngày 10/7/2017",
        "--on",
        "2017-07-12",
    ];
    tree.cmd(&extend).assert().code(0);
    refused(
        &tree,
        &extend,
        2,
        "the deadline of task `1.4` is already `30/9/2017`, extended on 2017-07-12 by Công văn số 2800/BHXH-CNTT ngày 10/7/2017; nothing was written",
    );
    tree.cmd(&["check"]).assert().code(0);
}

/// A recurring task is its occurrences, each reported on its own (DESIGN §6): a status
/// for the whole series would close every occurrence, those not yet due included, and
/// they would never be tracked again. Refused, with the occurrences to name.
#[test]
fn progress_on_a_recurring_task_needs_the_occurrence() {
    let tree = copy_of_plans();
    let whole = |status: &'static str| {
        vec![
            "progress",
            "KSTTHC-2024/QĐ-BHXH",
            "9",
            "--status",
            status,
            "--on",
            "2024-06-18",
        ]
    };
    for status in ["done", "in-progress", "open"] {
        refused(
            &tree,
            &whole(status),
            2,
            "task `9` recurs (deadline `Báo cáo quý: trước ngày 19 của tháng cuối quý I, II, III; - Báo cáo năm: trước ngày 19/12/2024.`): record one occurrence with `--occurrence DATE`, one of 2024-03-19, 2024-06-19, 2024-09-19, 2024-12-19; nothing was written",
        );
    }
    // On 1/10 the task is still open and overdue: its occurrence due 19/9 is.
    let rows = common::json_rows(&mut tree.cmd(&[
        "tasks",
        "--plan",
        "KSTTHC-2024/QĐ-BHXH",
        "--today",
        "2024-10-01",
        "--format",
        "json",
    ]));
    let nine: Vec<_> = rows.iter().filter(|r| r["task"] == "9").collect();
    assert_eq!(nine.len(), 1, "{nine:?}");
    assert_eq!(
        (&nine[0]["status"], &nine[0]["category"]),
        (&"open".into(), &"open_overdue".into())
    );
    // Stopping the whole series is what a status without an occurrence means.
    tree.cmd(&whole("cancelled")).assert().code(0);
    let text = read(&tree, "2024/KSTTHC-2024-QD-BHXH.toml");
    assert!(text.contains("status = \"cancelled\""), "{text}");
}

#[test]
fn an_extension_to_an_earlier_deadline_is_recorded_with_a_warning_that_check_repeats() {
    let tree = copy_of_plans();
    let later = tree
        .cmd(&extend("Quý IV/2017", "CV 1", "2017-07-12"))
        .output()
        .unwrap();
    assert_eq!(later.status.code(), Some(0));
    assert!(later.stderr.is_empty(), "{later:?}");
    let earlier = tree
        .cmd(&extend("15/7/2017", "CV 2", "2017-12-20"))
        .output()
        .unwrap();
    assert_eq!(earlier.status.code(), Some(0));
    // Said as `check` says it, at the value in the file just written.
    let said = String::from_utf8_lossy(&earlier.stderr);
    assert!(
        said.starts_with(
            "warning[W004]: this extension moves the deadline earlier: `15/7/2017` falls due on \
             2017-07-15, before the deadline it replaces (2017-12-31) [earlier-extension]\n"
        ),
        "{said}"
    );
    assert!(said.contains("2017/2449-KH-BHXH.toml:"), "{said}");
    let output = tree.cmd(&["check", "--format", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let found: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    let w004: Vec<_> = found.iter().filter(|d| d["code"] == "W004").collect();
    assert_eq!(w004.len(), 1, "{found:?}");
    assert_eq!(w004[0]["file"], "2017/2449-KH-BHXH.toml");
    let text = read(&tree, PLAN_2449);
    let line = text
        .lines()
        .position(|l| l == "to = \"15/7/2017\"")
        .unwrap()
        + 1;
    assert_eq!(w004[0]["line"], line);
    assert_eq!(w004[0]["column"], 6);
}

#[test]
fn a_task_reported_done_closes_its_stages_and_a_stage_reported_open_after_it_warns() {
    let tree = copy_of_plans();
    let run = |args: &[&str]| {
        let output = tree.cmd(args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    let plan = "595/KH-BHXH";
    run(&[
        "progress",
        plan,
        "I.5/1",
        "--status",
        "done",
        "--on",
        "2017-12-01",
    ]);
    run(&[
        "extend",
        plan,
        "I.5/2",
        "--to",
        "Quý II/2019",
        "--by",
        "CV 7",
        "--on",
        "2018-11-01",
    ]);
    run(&[
        "progress",
        plan,
        "I.5/2",
        "--status",
        "dang thuc hien",
        "--on",
        "2018-11-02",
    ]);
    // The whole task reported done closes the stage still in progress: no warning.
    let quiet = run(&[
        "progress",
        plan,
        "I.5",
        "--status",
        "done",
        "--on",
        "2019-05-02",
    ]);
    assert!(!quiet.contains("W005"), "{quiet}");
    let on = ["--plan", plan, "--today", "2019-07-01", "--format", "json"];
    let rows = |command: &str| {
        let out = succeeds(tree.cmd(&[command]).args(on));
        let rows: serde_json::Value = serde_json::from_slice(&out).unwrap();
        rows.as_array().unwrap().clone()
    };
    let i5 = |rows: &[serde_json::Value]| -> Vec<(String, String, i64)> {
        rows.iter()
            .filter(|r| r["task"] == "I.5")
            .map(|r| {
                (
                    r["category"].as_str().unwrap().to_string(),
                    r["due"].as_str().unwrap().to_string(),
                    r["days_overdue"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    // Done on 2019-05-02, before the second stage's 30/6/2019: nothing overdue.
    let on_time = ("done_on_time".to_string(), "2019-06-30".to_string(), -59);
    assert_eq!(i5(&rows("tasks")), std::slice::from_ref(&on_time));
    assert_eq!(i5(&rows("overdue")), []);
    let (code, diagnostics) = tree.diagnostics();
    let w005 = |diagnostics: &[serde_json::Value]| {
        diagnostics.iter().filter(|d| d["code"] == "W005").count()
    };
    assert_eq!((code, w005(&diagnostics)), (0, 0), "{diagnostics:?}");

    // The stage reported in progress after the task's report: written, with the warning.
    let warned = run(&[
        "progress",
        plan,
        "I.5/2",
        "--status",
        "in-progress",
        "--on",
        "2019-05-20",
    ]);
    assert!(
        warned.contains(
            "warning[W005]: milestone 2 of task `I.5` is reported `in-progress` on 2019-05-20, \
             after the task was recorded `done` on 2019-05-02"
        ),
        "{warned}"
    );
    let (code, diagnostics) = tree.diagnostics();
    assert_eq!((code, w005(&diagnostics)), (0, 1), "{diagnostics:?}");
    // Its later word counts: due 30/6/2019, in progress, overdue on 1/7/2019, and the
    // task's row with it.
    let late = ("open_overdue".to_string(), "2019-06-30".to_string(), 1);
    assert_eq!(i5(&rows("overdue")), std::slice::from_ref(&late));
    assert_eq!(i5(&rows("tasks")), [late]);
    let report = succeeds(&mut tree.cmd(&[
        "report",
        "--period",
        "2019-Q3",
        "--plan",
        plan,
        "--today",
        "2019-10-01",
        "--format",
        "json",
    ]));
    let report: serde_json::Value = serde_json::from_slice(&report).unwrap();
    let listed = report["overdue"].as_array().unwrap();
    assert!(
        listed
            .iter()
            .any(|r| r["task"] == "I.5" && r["milestone"] == "Trả 100% sổ BHXH cho người lao động"),
        "{listed:?}"
    );
}
