//! overdue, upcoming, tasks and workload on fixture trees with hand-computed answers,
//! and on the repository's own plans.

mod common;

use common::{KHU_VUC_II, Tree, bin, json_rows, repo_plans};
use serde_json::{Value, json};

const PLAN: &str = r#"[plan]
number = "7/KH-BHXH"
title = "Kế hoạch thử"
issued = 2024-01-10

[[task]]
id = "1"
content = "Báo cáo quý I"
lead = ["CNTT"]
support = ["PC"]
deadline = "Quý I/2024"

[[task]]
id = "2"
content = "Hai đợt"
lead = ["PC"]
support = ["CNTT"]
deadline = "Quý II, III/2024"

[[task]]
id = "3"
content = "Báo cáo định kỳ"
lead = ["CNTT"]
deadline = "Định kỳ hàng quý năm 2024"

[[task]]
id = "4"
content = "Thường xuyên"
lead = ["CNTT"]
deadline = "Thường xuyên"

[[task]]
id = "5"
content = "Chờ phê duyệt"
lead = ["CNTT"]
deadline = "Khi phương án được phê duyệt"

[[task]]
id = "6"
content = "Đã có ngày"
lead = ["CNTT"]
deadline = "Khi phương án được phê duyệt"
due = 2024-02-15

[[task]]
id = "7"
content = "Hai giai đoạn"
lead = ["Ban Thu"]

[[task.milestone]]
what = "Giai đoạn 1"
deadline = "Tháng 2/2024"
status = "done"
done = 2024-02-20

[[task.milestone]]
what = "Giai đoạn 2"
deadline = "Tháng 5/2024"

[[task]]
id = "8"
content = "Xong trễ"
lead = ["CNTT"]
deadline = "31/1/2024"
status = "done"
done = 2024-02-05

[[task]]
id = "9"
content = "Đang làm"
lead = ["TST"]
deadline = "30/4/2024"
status = "in-progress"
"#;

fn tree() -> Tree {
    let tree = Tree::new();
    tree.file("7.toml", PLAN);
    tree
}

/// Runs a query with `--format json` and returns its rows.
fn rows(tree: &Tree, args: &[&str]) -> Vec<Value> {
    json_rows(tree.cmd(args).args(["--format", "json"]))
}

/// (task, milestone, due, days_overdue) of each row, compactly.
fn brief(rows: &[Value]) -> Vec<String> {
    rows.iter()
        .map(|r| {
            let stage = r["milestone"]
                .as_str()
                .map(|m| format!(" [{m}]"))
                .unwrap_or_default();
            format!(
                "{}{stage} {} {}",
                r["task"].as_str().unwrap(),
                r["due"].as_str().unwrap_or("-"),
                r["days_overdue"]
            )
        })
        .collect()
}

#[test]
fn a_task_due_today_is_upcoming_and_the_day_after_it_is_overdue() {
    let tree = tree();
    let on_the_day = rows(
        &tree,
        &["overdue", "--unit", "CNTT", "--today", "2024-03-31"],
    );
    assert_eq!(brief(&on_the_day), ["6 2024-02-15 45"]);
    let upcoming = rows(
        &tree,
        &[
            "upcoming",
            "--unit",
            "CNTT",
            "--today",
            "2024-03-31",
            "--within",
            "1d",
        ],
    );
    assert_eq!(brief(&upcoming), ["1 2024-03-31 0", "3 2024-03-31 0"]);
    let next_day = rows(
        &tree,
        &["overdue", "--unit", "CNTT", "--today", "2024-04-01"],
    );
    // The quarterly report of task 3 was due on 31/3 too, and is late on its own.
    assert_eq!(
        brief(&next_day),
        ["6 2024-02-15 46", "1 2024-03-31 1", "3 2024-03-31 1"]
    );
}

#[test]
fn several_dates_are_one_stage_each() {
    let tree = tree();
    let overdue = rows(&tree, &["overdue", "--unit", "PC", "--today", "2024-08-01"]);
    assert_eq!(brief(&overdue), ["2 [1/2] 2024-06-30 32"]);
    let upcoming = rows(
        &tree,
        &[
            "upcoming",
            "--unit",
            "PC",
            "--today",
            "2024-08-01",
            "--within",
            "2m",
        ],
    );
    assert_eq!(brief(&upcoming), ["2 [2/2] 2024-09-30 -60"]);
}

#[test]
fn milestones_are_late_one_by_one_and_done_ones_never() {
    let tree = tree();
    let overdue = rows(
        &tree,
        &["overdue", "--unit", "THU", "--today", "2024-06-01"],
    );
    assert_eq!(brief(&overdue), ["7 [Giai đoạn 2] 2024-05-31 1"]);
}

#[test]
fn a_task_row_shows_the_due_date_and_days_of_the_stage_that_makes_it_overdue() {
    // I.5 of 595/KH-BHXH: "Năm 2017" then "Năm 2018". On 1/6/2018 the first stage is
    // late, the second not yet due: the task's one row is the late stage's, as `overdue`
    // lists it, not the category of one stage beside the date of the other.
    let query = |command: &str| {
        let mut cmd = bin();
        cmd.arg("--plans")
            .arg(repo_plans())
            .args([command, "--plan", "595/KH-BHXH", "--today", "2018-06-01"])
            .args(["--format", "json", "--no-cache"]);
        json_rows(&mut cmd)
    };
    let tasks = query("tasks");
    let row = tasks.iter().find(|r| r["task"] == "I.5").unwrap();
    assert_eq!(
        (&row["due"], &row["days_overdue"], &row["category"]),
        (&json!("2017-12-31"), &json!(152), &json!("open_overdue"))
    );
    let overdue = query("overdue");
    let stage = overdue.iter().find(|r| r["task"] == "I.5").unwrap();
    assert_eq!(
        (&stage["due"], &stage["days_overdue"]),
        (&row["due"], &row["days_overdue"])
    );
    // Every row that says overdue is late by its own numbers.
    for row in &tasks {
        if row["category"] == "open_overdue" {
            assert!(row["days_overdue"].as_i64().unwrap() > 0, "{row}");
        }
    }
}

#[test]
fn each_occurrence_of_a_recurring_task_is_late_on_its_own_and_ongoing_and_undated_never() {
    let tree = tree();
    let overdue = rows(
        &tree,
        &["overdue", "--unit", "CNTT", "--today", "2024-12-30"],
    );
    // Task 3's reports of 31/3, 30/6 and 30/9 were never reported done; 4 (ongoing) and
    // 5 (an event without a date) are never overdue.
    assert_eq!(
        brief(&overdue),
        [
            "6 2024-02-15 319",
            "1 2024-03-31 274",
            "3 2024-03-31 274",
            "3 2024-06-30 183",
            "3 2024-09-30 91"
        ]
    );
    let occurrences: Vec<&str> = overdue[2..]
        .iter()
        .map(|r| r["occurrence"].as_str().unwrap())
        .collect();
    assert_eq!(occurrences, ["2024-03-31", "2024-06-30", "2024-09-30"]);
    // Three months ahead hold one occurrence of the quarterly report.
    let upcoming = rows(
        &tree,
        &[
            "upcoming",
            "--unit",
            "CNTT",
            "--today",
            "2024-05-01",
            "--within",
            "3m",
        ],
    );
    assert_eq!(brief(&upcoming), ["3 2024-06-30 -60"]);
    let upcoming = rows(
        &tree,
        &[
            "upcoming",
            "--unit",
            "CNTT",
            "--today",
            "2024-05-01",
            "--within",
            "14d",
        ],
    );
    assert_eq!(brief(&upcoming), Vec::<String>::new());
}

#[test]
fn the_role_filter_chooses_lead_support_or_both() {
    let tree = tree();
    let ids = |role: &str| -> Vec<String> {
        rows(
            &tree,
            &[
                "tasks",
                "--unit",
                "CNTT",
                "--role",
                role,
                "--today",
                "2024-03-01",
            ],
        )
        .iter()
        .map(|r| r["task"].as_str().unwrap().to_string())
        .collect()
    };
    assert_eq!(ids("lead"), ["8", "6", "1", "3", "4", "5"]);
    assert_eq!(ids("support"), ["2"]);
    assert_eq!(ids("any"), ["8", "6", "1", "2", "3", "4", "5"]);
}

#[test]
fn a_unit_reaches_the_tasks_of_its_predecessors_and_says_so() {
    let tree = tree();
    let ids: Vec<String> = rows(&tree, &["tasks", "--unit", "TST", "--today", "2024-03-01"])
        .iter()
        .map(|r| r["task"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["9", "7"]);
    let human = tree
        .cmd(&["tasks", "--unit", "TST", "--today", "2024-03-01"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(human.stdout).unwrap();
    assert!(
        stdout.starts_with("Gồm cả nhiệm vụ của đơn vị tiền thân của TST: THU\n"),
        "{stdout}"
    );
    let json = tree
        .cmd(&["tasks", "--unit", "TST", "--format", "json"])
        .output()
        .unwrap();
    assert!(String::from_utf8(json.stderr).unwrap().contains("THU"));
    assert!(String::from_utf8(json.stdout).unwrap().starts_with('['));
}

#[test]
fn every_spelling_of_a_unit_gives_the_same_rows() {
    let tree = tree();
    let reference = rows(
        &tree,
        &["overdue", "--unit", "CNTT", "--today", "2024-12-30"],
    );
    for spelling in [
        "cntt",
        "Trung tâm CNTT",
        "trung tam cong nghe thong tin",
        "TRUNG TÂM CÔNG NGHỆ THÔNG TIN",
    ] {
        assert_eq!(
            rows(
                &tree,
                &["overdue", "--unit", spelling, "--today", "2024-12-30"]
            ),
            reference,
            "{spelling}"
        );
    }
}

#[test]
fn an_unknown_unit_or_plan_is_a_usage_error_with_a_suggestion() {
    let tree = tree();
    let output = tree.cmd(&["overdue", "--unit", "CNNT"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean `CNTT`"));
    let output = tree
        .cmd(&["overdue", "--plan", "7/KH-BHX"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean `7/KH-BHXH`"));
}

#[test]
fn plan_year_and_status_filters() {
    let tree = tree();
    tree.file("other.toml", &PLAN.replace("7/KH-BHXH", "8/KH-BHXH"));
    let all = rows(&tree, &["tasks", "--today", "2024-03-01"]);
    assert_eq!(all.len(), 18);
    let one_plan = rows(
        &tree,
        &["tasks", "--plan", "8/kh-bhxh", "--today", "2024-03-01"],
    );
    assert!(one_plan.iter().all(|r| r["plan"] == "8/KH-BHXH") && one_plan.len() == 9);
    let done = rows(&tree, &["tasks", "--plan", "7/KH-BHXH", "--status", "done"]);
    assert_eq!(brief(&done).len(), 1);
    // The words `progress --status` takes, Vietnamese included, filter too.
    let written = ["tasks", "--plan", "7/KH-BHXH", "--status", "đã hoàn thành"];
    assert_eq!(rows(&tree, &written), done);
    let in_2023 = rows(&tree, &["tasks", "--year", "2023"]);
    assert!(in_2023.is_empty());
}

#[test]
fn the_same_number_from_two_issuers_needs_the_issuer() {
    let tree = tree();
    tree.file(
        "qn.toml",
        &PLAN.replace("[plan]\n", "[plan]\nissuer = \"BHXH tỉnh Quảng Ngãi\"\n"),
    );
    assert_eq!(
        tree.cmd(&["tasks", "--plan", "7/KH-BHXH"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    let rows = rows(
        &tree,
        &["tasks", "--plan", "BHXH tinh Quang Ngai:7/KH-BHXH"],
    );
    assert_eq!(rows.len(), 9);
}

#[test]
fn workload_counts_by_hand() {
    let tree = tree();
    let output = tree
        .cmd(&["workload", "--today", "2024-04-20", "--format", "json"])
        .output()
        .unwrap();
    let rows: Value = serde_json::from_slice(&output.stdout).unwrap();
    let cntt = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == "CNTT")
        .unwrap();
    // CNTT leads 1, 3, 4, 5, 6, 8 and supports 2. On 2024-04-20: 1 (Q1), 6 (due 15/2)
    // and 3 (its report of 31/3 never came) are overdue; 3's next report is 30/6, more
    // than 30 days away; 4 is ongoing, 5 has no date; 8 was done late.
    assert_eq!(
        cntt,
        &serde_json::json!({"unit": "CNTT", "name": "Trung tâm Công nghệ thông tin", "lead": 6, "support": 1,
            "open": 5, "in_progress": 0, "overdue": 3, "due_soon": 0, "done": 1, "done_late": 1,
            "done_on_time": 0, "open_in_time": 0, "ongoing": 1, "no_date": 1, "unfinished": 0,
            "cancelled": 0})
    );
    let tst = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == "TST")
        .unwrap();
    assert_eq!(
        (tst["in_progress"].as_u64(), tst["due_soon"].as_u64()),
        (Some(1), Some(1))
    );
}

#[test]
fn workload_by_quarter_is_a_unit_by_quarter_matrix() {
    let tree = tree();
    let rows = rows(&tree, &["workload", "--by", "quarter", "--unit", "CNTT"]);
    assert_eq!(
        rows,
        vec![
            serde_json::json!({"unit": "CNTT", "name": "Trung tâm Công nghệ thông tin",
            "quarters": {"2024-Q1": 4, "2024-Q2": 1, "2024-Q3": 1, "2024-Q4": 1}, "total": 7})
        ]
    );
    // As CSV, a column per quarter, as the table shows it: a spreadsheet sums columns.
    let args = [
        "workload", "--by", "quarter", "--unit", "CNTT", "--format", "csv",
    ];
    let csv = tree.cmd(&args).output().unwrap();
    assert_eq!(
        String::from_utf8(csv.stdout).unwrap(),
        "unit,name,2024-Q1,2024-Q2,2024-Q3,2024-Q4,total\n\
         CNTT,Trung tâm Công nghệ thông tin,4,1,1,1,7\n"
    );
}

#[test]
fn markdown_csv_and_english_labels() {
    let tree = tree();
    let args = ["overdue", "--unit", "PC", "--today", "2024-08-01"];
    let markdown = tree
        .cmd(&args)
        .args(["--format", "markdown"])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(markdown.stdout).unwrap(), @r"
    | Kế hoạch | STT | Nội dung công việc | Chủ trì | Phối hợp | Thời gian hoàn thành | Mốc | Hạn | Trạng thái |
    |---|---|---|---|---|---|---|---|---|
    | 7/KH-BHXH | 2 | Hai đợt | PC | CNTT | Quý II, III/2024 | 1/2 | 2024-06-30<br>trễ 32 ngày | chưa xong |
    ");
    let csv = tree.cmd(&args).args(["--format", "csv"]).output().unwrap();
    insta::assert_snapshot!(String::from_utf8(csv.stdout).unwrap(), @r#"
    plan,task,content,lead,support,deadline,due,status,days_overdue,milestone,occurrence,done,category,original_deadline
    7/KH-BHXH,2,Hai đợt,PC,CNTT,"Quý II, III/2024",2024-06-30,open,32,1/2,,,open_overdue,
    "#);
    let english = tree
        .cmd(&args)
        .args(["--format", "markdown", "--lang", "en"])
        .output()
        .unwrap();
    let english = String::from_utf8(english.stdout).unwrap();
    assert!(english.starts_with(
        "| Plan | Task | Content | Lead | Support | Deadline | Stage | Due | Status |"
    ));
    assert!(english.contains("| 2024-06-30<br>32 days late | open |"));
}

#[test]
fn the_terminal_table_wraps_to_the_width_and_colours_only_when_asked() {
    let tree = tree();
    let args = [
        "overdue",
        "--unit",
        "CNTT",
        "--today",
        "2024-04-01",
        "--lang",
        "en",
    ];
    let plain = tree.cmd(&args).env("COLUMNS", "110").output().unwrap();
    let text = String::from_utf8(plain.stdout).unwrap();
    assert!(text.lines().all(|l| l.chars().count() <= 110), "{text}");
    insta::assert_snapshot!(text);
    let coloured = tree
        .cmd(&args)
        .args(["--color", "always"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(coloured.stdout)
            .unwrap()
            .contains("\u{1b}[38;5;9m")
    );
    // NO_COLOR turns colour off for `auto`; asked for in so many words, colour it is.
    let asked = tree
        .cmd(&args)
        .args(["--color", "always"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        String::from_utf8(asked.stdout)
            .unwrap()
            .contains("\u{1b}[38;5;9m")
    );
}

/// A stage is shown at the top of its task's content cell in a terminal table: a column of
/// its own, empty in most rows, was squeezed to one letter a line.
#[test]
fn the_terminal_table_shows_a_stage_inside_the_content_cell() {
    let tree = tree();
    let args = [
        "overdue",
        "--unit",
        "PC",
        "--today",
        "2024-08-01",
        "--lang",
        "en",
    ];
    let output = tree.cmd(&args).env("COLUMNS", "110").output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let header = text.lines().nth(1).unwrap();
    assert!(
        header.contains("Content") && !header.contains("Stage"),
        "{text}"
    );
    let row = text.lines().find(|l| l.contains("7/KH-BHXH")).unwrap();
    assert!(row.contains("┆ Stage: 1/2 "), "{text}");
    assert!(text.contains("┆ Hai đợt "), "{text}");
}

/// A terminal table shows units one a line and never splits a code: "BHXH-TINH, LIENQUAN"
/// in a column one character too narrow printed its comma on a line of its own, and a
/// long lead code was cut in two.
#[test]
fn a_terminal_table_shows_units_one_a_line_and_whole() {
    let tree = Tree::new();
    let units = format!(
        "{}\n[[unit]]\ncode = \"BHXH-TINH\"\nname = \"BHXH các tỉnh, thành phố\"\nkind = \"province\"\n",
        common::UNITS
    );
    tree.file("units.toml", &units);
    let task = "[[task]]\nid = \"1\"\ncontent = \"Chi trả lương hưu\"\nlead = [\"PC\", \"BHXH-TINH\"]\n\
                support = [\"BHXH-TINH\", \"LIENQUAN\"]\ndeadline = \"Quý I/2024\"\n";
    tree.file("1.toml", &format!("{}\n{task}", common::HEADER));
    let args = ["tasks", "--today", "2024-01-01", "--lang", "en"];
    let output = tree.cmd(&args).env("COLUMNS", "100").output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let cells: Vec<&str> = text
        .lines()
        .flat_map(|line| line.split(['┆', '│']))
        .map(str::trim)
        .collect();
    let whole = |code: &str| cells.iter().filter(|cell| **cell == code).count();
    assert_eq!(
        (whole("PC"), whole("BHXH-TINH"), whole("LIENQUAN")),
        (1, 2, 1),
        "{text}"
    );
    assert!(!cells.iter().any(|cell| cell.contains(',')), "{text}");
}

/// The units table names a unit's kind in the report's language; JSON keeps the registry's
/// value.
#[test]
fn the_units_table_names_kinds_in_words() {
    let tree = tree();
    let text = |args: &[&str]| String::from_utf8(tree.cmd(args).output().unwrap().stdout).unwrap();
    let vietnamese = text(&["units"]);
    assert!(vietnamese.contains("┆ trung ương "), "{vietnamese}");
    assert!(vietnamese.contains("┆ không cụ thể "), "{vietnamese}");
    assert!(!vietnamese.contains("central"), "{vietnamese}");
    assert!(text(&["units", "--lang", "en"]).contains("┆ central "));
    assert!(text(&["units", "--format", "json"]).contains("\"kind\": \"vague\""));
}

/// `overdue` as JSON over a tree with broken files: it still answers from the others
/// (three rows: tasks 1 and 6, and task 3's report of 31/3), exits 1, and says on stderr
/// what it skipped; the stderr.
fn overdue_past_broken_files(tree: &Tree) -> String {
    let output = tree
        .cmd(&["overdue", "--today", "2024-04-01", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let rows: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 3);
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn a_tree_with_an_error_still_answers_and_exits_1() {
    let tree = tree();
    tree.file("broken.toml", "[plan]\nnumber = \"9/KH\"\n");
    let stderr = overdue_past_broken_files(&tree);
    assert!(stderr.contains("skipped `broken.toml`"), "{stderr}");
}

#[test]
fn a_query_shows_the_first_ten_errors_counts_the_rest_and_names_every_skipped_file() {
    let tree = tree();
    for i in 0..12 {
        tree.file(
            &format!("broken-{i:02}.toml"),
            "[plan]\nnumber = \"9/KH\"\n",
        );
    }
    let stderr = overdue_past_broken_files(&tree);
    let errors = stderr.lines().filter(|l| l.starts_with("error[")).count();
    assert_eq!(errors, 10, "{stderr}");
    let check = tree.cmd(&["check", "--format", "json"]).output().unwrap();
    let all: Value = serde_json::from_slice(&check.stdout).unwrap();
    let all_errors = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .count();
    assert!(all_errors > 10);
    let more = format!("… and {} more errors (`bhxh-plan check`", all_errors - 10);
    assert!(stderr.contains(&more), "{stderr}");
    for i in 0..12 {
        assert!(
            stderr.contains(&format!("skipped `broken-{i:02}.toml`")),
            "{stderr}"
        );
    }
}

fn repo(args: &[&str]) -> Vec<Value> {
    let output = bin()
        .args(args)
        .arg("--plans")
        .arg(repo_plans())
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice::<Value>(&output.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn it_lists_what_the_it_centre_was_late_on_in_august_2017() {
    let rows = repo(&["overdue", "--unit", "CNTT", "--today", "2017-08-01"]);
    let found: Vec<(String, String, i64)> = rows
        .iter()
        .filter(|r| r["plan"] == "2449/KH-BHXH")
        .map(|r| {
            (
                r["plan"].as_str().unwrap().into(),
                r["task"].as_str().unwrap().into(),
                r["days_overdue"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("2449/KH-BHXH".into(), "1.3".into(), 32),
            ("2449/KH-BHXH".into(), "1.4".into(), 17)
        ]
    );
    for spelling in ["Trung tâm CNTT", "cntt"] {
        assert_eq!(
            repo(&["overdue", "--unit", spelling, "--today", "2017-08-01"]),
            rows
        );
    }
}

#[test]
fn the_workload_of_the_repository_adds_up() {
    let rows = repo(&["workload", "--today", "2024-12-31"]);
    assert!(rows.len() > 10);
    for row in &rows {
        let n = |key: &str| row[key].as_u64().unwrap();
        // Every task a unit leads is open, in progress or done (nothing is cancelled here).
        assert_eq!(n("lead"), n("open") + n("in_progress") + n("done"), "{row}");
        assert!(
            n("overdue") <= n("lead") && n("due_soon") <= n("lead"),
            "{row}"
        );
    }
    let codes: Vec<&str> = rows.iter().map(|r| r["unit"].as_str().unwrap()).collect();
    let mut unique = codes.clone();
    unique.dedup();
    assert_eq!(codes, unique, "one row per unit");
    let table = bin()
        .args([
            "workload",
            "--today",
            "2024-12-31",
            "--format",
            "csv",
            "--plans",
        ])
        .arg(repo_plans())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(table.stdout).unwrap().lines().count(),
        rows.len() + 1
    );
}

#[test]
fn a_long_report_prints_as_one_table_in_order() {
    let tree = Tree::new();
    let tasks: String = (1..=1200)
        .map(|i| format!("[[task]]\nid = \"{i}\"\ncontent = \"Nhiệm vụ {i}\"\nlead = [\"CNTT\"]\ndeadline = \"Quý I/2024\"\n"))
        .collect::<Vec<_>>()
        .join("\n");
    tree.file("big.toml", &format!("{}\n{tasks}", common::HEADER));
    let output = tree.cmd(&["tasks", "--lang", "en"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(text.lines().filter(|l| l.starts_with('┌')).count(), 1);
    assert_eq!(text.lines().filter(|l| l.starts_with("│ Plan")).count(), 1);
    assert_eq!(text.lines().filter(|l| l.starts_with('└')).count(), 1);
    let tasks: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split("Nhiệm vụ ").nth(1))
        .map(|rest| rest.split(' ').next().unwrap())
        .collect();
    let expected: Vec<String> = (1..=1200).map(|i| i.to_string()).collect();
    assert_eq!(tasks, expected);
    // Task 1's column is as wide as task 1200's: the report is laid out as a whole.
    let (table, count) = text.trim_end().rsplit_once('\n').unwrap();
    let widths: Vec<usize> = table.lines().map(|l| l.chars().count()).collect();
    assert!(widths.iter().all(|&w| w == widths[0]), "{widths:?}");
    assert_eq!(count, "1200 tasks");
}

/// `--grep` on the repository's plans: 3923/KH-BHXH 2 writes "dịch vụ công trực tuyến",
/// KSTTHC-2024 7.2 "Tiếp tục tích hợp DVC trên Ứng dụng VssID."; either spelling, with or
/// without diacritics, finds both.
#[test]
fn grep_folds_case_diacritics_and_the_glossary_abbreviations() {
    let found = |text: &str| -> Vec<String> {
        json_rows(
            bin()
                .args(["tasks", "--grep", text, "--today", "2024-06-30"])
                .arg("--plans")
                .arg(repo_plans())
                .args(["--format", "json", "--no-cache"]),
        )
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r["plan"].as_str().unwrap(),
                r["task"].as_str().unwrap()
            )
        })
        .collect()
    };
    let long = found("dịch vụ công");
    for written in ["3923/KH-BHXH 2", "KSTTHC-2024/QĐ-BHXH 7.2"] {
        assert!(long.contains(&written.to_string()), "{written}: {long:?}");
    }
    assert_eq!(found("DICH VU CONG"), long);
    assert_eq!(found("dvc"), long);
    // Words that are no abbreviation are matched as written, in any case.
    assert_eq!(found("vssid"), ["KSTTHC-2024/QĐ-BHXH 7.2"]);
    assert!(found("không có nhiệm vụ nào như thế").is_empty());
}

/// Two khu vực that bore the name "BHXH khu vực II" one after the other (DESIGN §2), and
/// a plan of April 2025 that names the first.
fn khu_vuc_tree() -> Tree {
    let tree = Tree::bare();
    tree.file("units.toml", KHU_VUC_II);
    tree.file(
        "kv.toml",
        r#"[plan]
number = "9/KH-BHXH"
title = "Kế hoạch khu vực"
issued = 2025-04-20

[[task]]
id = "1"
content = "Báo cáo tháng"
lead = ["BHXH khu vực II"]
deadline = "Tháng 5/2025"
"#,
    );
    tree
}

#[test]
fn a_report_of_a_past_period_reads_its_unit_as_of_the_periods_end() {
    let tree = khu_vuc_tree();
    let report = |period: &str| {
        let args = [
            "report",
            "--period",
            period,
            "--unit",
            "BHXH khu vực II",
            "--format",
            "json",
            "--today",
            "2026-12-06",
        ];
        tree.cmd(&args).output().expect("runs")
    };
    let counted = |output: &std::process::Output| -> u64 {
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        json["units"]
            .as_array()
            .expect("units")
            .iter()
            .map(|row| row["counted"].as_u64().expect("counted"))
            .sum()
    };
    // On 2026-12-06 the name names no unit; on the last day of April and of May 2025 it
    // named the first and the second khu vực: each month's report is found, not refused.
    // The task, due in May, is the first's: the second leads nothing.
    assert_eq!(counted(&report("2025-04")), 0);
    assert_eq!(counted(&report("2025-05")), 0);
    // A period not over is read as of today, when the name named no unit.
    let now = tree
        .cmd(&[
            "report",
            "--period",
            "2026-Q4",
            "--unit",
            "BHXH khu vực II",
            "--today",
            "2026-12-06",
        ])
        .output()
        .expect("runs");
    assert_eq!(now.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&now.stderr).contains("named no unit on 2026-12-06"));
}

#[test]
fn a_unit_on_the_command_line_is_read_as_of_today_as_a_plan_is_as_of_its_issue() {
    let tree = khu_vuc_tree();
    let all = rows(&tree, &["tasks", "--today", "2025-04-25"]);
    assert_eq!(all[0]["lead"], serde_json::json!(["KV391-II"]));
    let args = [
        "tasks",
        "--today",
        "2025-04-25",
        "--unit",
        "BHXH khu vực II",
    ];
    let found = rows(&tree, &args);
    assert_eq!(brief(&found), ["1 2025-05-31 -36"]);
    // The same spelling a month later is the Sơn La office, which leads nothing here.
    let args = [
        "tasks",
        "--today",
        "2025-05-20",
        "--unit",
        "BHXH khu vực II",
    ];
    let output = tree.cmd(&args).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("KV1733-II"), "{stdout}");
}

#[test]
fn a_unit_named_on_a_day_it_named_none_is_a_usage_error_that_says_when() {
    let tree = khu_vuc_tree();
    let args = [
        "tasks",
        "--today",
        "2024-06-30",
        "--unit",
        "BHXH khu vực II",
    ];
    let output = tree.cmd(&args).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("`BHXH khu vực II` named no unit on 2024-06-30")
            && stderr.contains(
                "`KV391-II` (Bảo hiểm xã hội khu vực II) from 2025-04-01 until 2025-05-11"
            )
            && stderr.contains(
                "`KV1733-II` (Bảo hiểm xã hội khu vực II) from 2025-05-12 until 2025-06-30"
            ),
        "{stderr}"
    );
}

#[test]
fn a_unit_asked_of_a_tree_without_a_registry_says_the_registry_is_missing() {
    let tree = Tree::bare();
    tree.file("7.toml", PLAN);
    let output = tree.cmd(&["overdue", "--unit", "CNTT"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("no units registry") && stderr.contains("`units.toml`"),
        "{stderr}"
    );
    assert!(!stderr.contains("no unit is called"), "{stderr}");
    // `units resolve` says the same, not "nearest spellings below" over an empty list.
    let output = tree.cmd(&["units", "resolve", "CNTT"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("no units registry"), "{stderr}");
    assert!(!stderr.contains("nearest spellings"), "{stderr}");
}

#[test]
fn a_successor_cycle_gives_no_predecessor_note_and_the_query_ends() {
    let tree = Tree::bare();
    tree.file(
        "units.toml",
        "[[unit]]\ncode = \"AAA\"\nname = \"Ban A\"\nsuccessor = \"BBB\"\n\n\
         [[unit]]\ncode = \"BBB\"\nname = \"Ban B\"\nsuccessor = \"AAA\"\n",
    );
    tree.file(
        "7.toml",
        "[plan]\nnumber = \"7/KH-BHXH\"\ntitle = \"Kế hoạch thử\"\nissued = 2024-01-10\n\n\
         [[task]]\nid = \"1\"\ncontent = \"Báo cáo\"\nlead = [\"BBB\"]\ndeadline = \"Quý I/2024\"\n",
    );
    let output = tree
        .cmd(&["overdue", "--unit", "AAA", "--today", "2024-06-30"])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    // As for any registry error: the answer, then the error, exit 1.
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(!stdout.contains("tiền thân"), "{stdout}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("cycle"), "{stderr}");
}
