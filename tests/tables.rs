//! Terminal tables of every listing command, on the repository's plans: no line wider than
//! the terminal, headers broken only between words, codes whole, the row count under the
//! table, and left-out columns named. An empty answer is a sentence, on a tiny tree.

mod common;

use std::collections::HashSet;

use common::{Tree, bin, repo_plans};
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

/// Every command that prints a table, and the JSON field its first column shows.
const COMMANDS: &[(&[&str], &str)] = &[
    (&["plans"], "number"),
    (&["units"], "code"),
    (&["tasks"], "plan"),
    (&["overdue"], "plan"),
    (&["upcoming"], "plan"),
    (&["workload"], "unit"),
    (&["workload", "--by", "quarter"], "unit"),
];

/// The binary on the repository's plans, without the on-disk index.
fn run(args: &[&str], extra: &[&str], columns: usize) -> String {
    let output = bin()
        .args(args)
        .args(extra)
        .arg("--plans")
        .arg(repo_plans())
        .arg("--no-cache")
        .env("COLUMNS", columns.to_string())
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn json_rows(args: &[&str]) -> Vec<Value> {
    let text = run(args, &["--format", "json"], 80);
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// The column labels, as the markdown table's header row has them.
fn labels(args: &[&str]) -> Vec<String> {
    let text = run(args, &["--format", "markdown"], 80);
    let header = text.lines().find(|l| l.starts_with('|')).unwrap();
    header
        .trim_matches('|')
        .split(" | ")
        .map(|label| label.trim().to_string())
        .collect()
}

/// A terminal table taken apart.
struct Table {
    /// Each column's header, its lines joined by spaces.
    headers: Vec<String>,
    /// The lines of the first column's cells.
    first_column: Vec<String>,
    /// The lines under the table.
    under: Vec<String>,
}

/// The cells of one line of a table.
fn cells(line: &str) -> Vec<String> {
    line.trim_matches('│')
        .split('┆')
        .map(|cell| cell.trim().to_string())
        .collect()
}

fn parse(text: &str) -> Table {
    let lines: Vec<&str> = text.lines().collect();
    let top = lines
        .iter()
        .position(|l| l.starts_with('┌'))
        .expect("a table");
    let rule = lines.iter().position(|l| l.starts_with('╞')).unwrap();
    let bottom = lines.iter().position(|l| l.starts_with('└')).unwrap();
    let mut headers: Vec<Vec<String>> = Vec::new();
    for line in &lines[top + 1..rule] {
        for (i, cell) in cells(line).into_iter().enumerate() {
            if headers.len() <= i {
                headers.push(Vec::new());
            }
            if !cell.is_empty() {
                headers[i].push(cell);
            }
        }
    }
    let first_column = lines[rule + 1..bottom]
        .iter()
        .map(|line| cells(line).swap_remove(0))
        .filter(|cell| !cell.is_empty())
        .collect();
    Table {
        headers: headers.into_iter().map(|h| h.join(" ")).collect(),
        first_column,
        under: lines[bottom + 1..].iter().map(|l| l.to_string()).collect(),
    }
}

/// The line under a table with `rows` rows of `tasks` tasks, as a reader should see it.
fn count_line(command: &str, rows: usize, tasks: usize, english: bool) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (command, english) {
        ("plans", false) => format!("{rows} kế hoạch"),
        ("plans", true) => plural(rows, "plan", "plans"),
        ("units" | "workload", false) => format!("{rows} đơn vị"),
        ("units" | "workload", true) => plural(rows, "unit", "units"),
        (_, false) if rows == tasks => format!("{rows} nhiệm vụ"),
        (_, false) => format!("{rows} dòng, {tasks} nhiệm vụ"),
        (_, true) if rows == tasks => plural(rows, "task", "tasks"),
        (_, true) => format!(
            "{}, {}",
            plural(rows, "row", "rows"),
            plural(tasks, "task", "tasks")
        ),
    }
}

/// The columns a note under the table says were left out.
fn left_out(note: &str) -> Vec<String> {
    let list = note
        .strip_prefix("Bỏ bớt cột: ")
        .or_else(|| note.strip_prefix("Columns left out: "))
        .and_then(|rest| {
            rest.strip_suffix(" (màn hình hẹp).")
                .or_else(|| rest.strip_suffix(" (narrow terminal)."))
        })
        .unwrap_or_else(|| panic!("a note of left-out columns: {note:?}"));
    list.split(", ").map(String::from).collect()
}

/// Checks one command's table at one width; the problems found.
fn check(args: &[&str], field: &str, columns: usize) -> Vec<String> {
    let mut problems = Vec::new();
    let text = run(args, &[], columns);
    let say = |what: String| format!("{args:?} at {columns}: {what}\n{text}");
    for line in text.lines() {
        if line.width() > columns {
            problems.push(say(format!("a line {} wide: {line}", line.width())));
        }
    }
    let rows = json_rows(args);
    if rows.is_empty() {
        if text.contains('┌') || text.lines().count() != 1 {
            problems.push(say("an empty answer is one sentence".into()));
        }
        return problems;
    }
    let table = parse(&text);
    // A header split inside a word would not be a label once its lines are joined.
    let labels: Vec<String> = labels(args)
        .iter()
        .map(|label| label.replacen("-Q", " Q", 1))
        .collect();
    for header in &table.headers {
        if !labels.contains(header) {
            problems.push(say(format!("header {header:?} is not one of {labels:?}")));
        }
    }
    let whole: HashSet<&str> = rows
        .iter()
        .filter_map(|row| row[field].as_str())
        .chain(["Tổng", "Total"])
        .collect();
    for cell in &table.first_column {
        if !whole.contains(cell.as_str()) {
            problems.push(say(format!("{cell:?} is not a whole {field}")));
        }
    }
    let english = args.contains(&"en");
    let tasks: HashSet<(&str, &str)> = rows
        .iter()
        .filter_map(|r| Some((r["plan"].as_str()?, r["task"].as_str()?)))
        .collect();
    let expected = count_line(args[0], rows.len(), tasks.len(), english);
    if table.under.first() != Some(&expected) {
        problems.push(say(format!("the count line is not {expected:?}")));
    }
    if table.under.len() > 1 {
        for column in left_out(&table.under[1..].join(" ")) {
            let column = column.replacen("-Q", " Q", 1);
            if !labels.contains(&column) || table.headers.contains(&column) {
                problems.push(say(format!("{column:?} is not a left-out column")));
            }
        }
    }
    problems
}

fn check_every_command(today: &str) {
    let mut problems = Vec::new();
    for &(command, field) in COMMANDS {
        let lists_units = matches!(command[0], "plans" | "units");
        for unit in [&[][..], &["--unit", "CNTT"]] {
            if lists_units && !unit.is_empty() {
                continue;
            }
            for lang in ["vi", "en"] {
                let mut args = command.to_vec();
                args.extend(unit);
                args.extend(["--today", today, "--lang", lang]);
                for columns in [80, 120] {
                    problems.extend(check(&args, field, columns));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn every_table_fits_80_and_120_columns_at_the_end_of_2024() {
    check_every_command("2024-12-31");
}

#[test]
fn every_table_fits_80_and_120_columns_in_june_2017() {
    check_every_command("2017-06-01");
}

/// The least useful columns make way: at 80 columns the support units go first, and the
/// content column has more room than at 120 with them.
#[test]
fn a_narrow_terminal_leaves_out_the_support_units_first() {
    let args = ["overdue", "--unit", "CNTT", "--today", "2024-12-31"];
    let narrow = parse(&run(&args, &[], 80));
    let note = narrow.under.last().unwrap();
    assert!(
        note.starts_with("Bỏ bớt cột: Phối hợp, Thời gian hoàn thành"),
        "{note}"
    );
    assert!(!narrow.headers.contains(&"Phối hợp".to_string()));
    assert!(narrow.headers.contains(&"Nội dung công việc".to_string()));
    let english = parse(&run(&args, &["--lang", "en"], 80));
    assert!(
        english
            .under
            .last()
            .unwrap()
            .starts_with("Columns left out: Support, Deadline"),
        "{:?}",
        english.under
    );
    let wide = parse(&run(&args, &[], 200));
    assert!(wide.headers.contains(&"Phối hợp".to_string()));
    assert_eq!(wide.under.len(), 1, "{:?}", wide.under);
}

/// Quarters far from today make way first; the unit and the total stay.
#[test]
fn a_narrow_quarter_table_keeps_the_quarters_near_today() {
    let args = ["workload", "--by", "quarter", "--lang", "en"];
    let late = parse(&run(&args, &["--today", "2024-12-31"], 80));
    assert!(
        late.headers.contains(&"2024 Q4".to_string()),
        "{:?}",
        late.headers
    );
    assert!(!late.headers.contains(&"2017 Q1".to_string()));
    assert_eq!(late.headers.first().unwrap(), "Unit");
    assert_eq!(late.headers.last().unwrap(), "Total");
    let early = parse(&run(&args, &["--today", "2017-06-01"], 80));
    assert!(
        early.headers.contains(&"2017 Q1".to_string()),
        "{:?}",
        early.headers
    );
    assert!(!early.headers.contains(&"2024 Q4".to_string()));
}

/// A tree whose one task the IT Centre leads, due in the first quarter of 2024.
fn tiny() -> Tree {
    let tree = Tree::new();
    tree.file(
        "1.toml",
        &format!("{}{}", common::HEADER, common::GOOD_TASK),
    );
    tree
}

#[test]
fn an_empty_answer_is_a_sentence_saying_what_was_asked() {
    let tree = tiny();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["overdue", "--unit", "CNTT", "--today", "2024-01-01"],
            "Không có nhiệm vụ quá hạn của CNTT tính đến ngày 01/01/2024.",
            "No overdue tasks of CNTT as of 01/01/2024.",
        ),
        (
            &["overdue", "--today", "2024-01-01"],
            "Không có nhiệm vụ quá hạn tính đến ngày 01/01/2024.",
            "No overdue tasks as of 01/01/2024.",
        ),
        (
            &["upcoming", "--today", "2024-06-01", "--within", "2w"],
            "Không có nhiệm vụ đến hạn từ 01/06/2024 đến 15/06/2024 (2 tuần tới).",
            "No tasks due from 01/06/2024 to 15/06/2024 (the next 2 weeks).",
        ),
        (
            &["upcoming", "--unit", "PC", "--today", "2024-01-01"],
            "Không có nhiệm vụ của PC đến hạn từ 01/01/2024 đến 31/01/2024 (30 ngày tới).",
            "No tasks of PC due from 01/01/2024 to 31/01/2024 (the next 30 days).",
        ),
        (
            &["tasks", "--unit", "PC"],
            "Không có nhiệm vụ nào của PC.",
            "No tasks of PC.",
        ),
        (
            &["tasks", "--year", "2030"],
            "Không có nhiệm vụ nào.",
            "No tasks.",
        ),
        (
            &["workload", "--unit", "PC"],
            "Không có nhiệm vụ nào của PC để thống kê.",
            "No tasks of PC to count.",
        ),
        (
            &["workload", "--by", "quarter", "--unit", "PC"],
            "Không có nhiệm vụ nào của PC có hạn để thống kê theo quý.",
            "No tasks of PC with a due date to count by quarter.",
        ),
    ];
    for &(args, vietnamese, english) in cases {
        for (lang, sentence) in [("vi", vietnamese), ("en", english)] {
            let output = tree
                .cmd(args)
                .args(["--lang", lang])
                .env("COLUMNS", "80")
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(0), "{args:?}");
            let json = tree.cmd(args).args(["--format", "json"]).output().unwrap();
            assert_eq!(String::from_utf8(json.stdout).unwrap(), "[]\n", "{args:?}");
            let text = String::from_utf8(output.stdout).unwrap();
            // One line that fits: a sentence, and no box.
            assert_eq!(text, format!("{sentence}\n"), "{args:?}");
            assert!(sentence.width() <= 80, "{sentence}");
        }
    }
}

#[test]
fn a_tree_without_plans_or_units_says_so() {
    let tree = Tree::new();
    let text = |args: &[&str]| String::from_utf8(tree.cmd(args).output().unwrap().stdout).unwrap();
    assert_eq!(text(&["plans"]), "Không có kế hoạch nào.\n");
    assert_eq!(text(&["plans", "--lang", "en"]), "No plans.\n");
    tree.file("units.toml", "");
    assert_eq!(text(&["units"]), "Không có đơn vị nào.\n");
    assert_eq!(text(&["units", "--lang", "en"]), "No units.\n");
}

/// A sentence longer than the terminal wraps between words.
#[test]
fn a_long_sentence_wraps_to_the_terminal() {
    let tree = tiny();
    let args = [
        "upcoming",
        "--unit",
        "PC",
        "--today",
        "2024-01-01",
        "--within",
        "3m",
    ];
    let output = tree.cmd(&args).env("COLUMNS", "40").output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.lines().count() > 1, "{text}");
    assert!(text.lines().all(|l| l.width() <= 40), "{text}");
    assert_eq!(
        text.split_whitespace().collect::<Vec<_>>().join(" "),
        "Không có nhiệm vụ của PC đến hạn từ 01/01/2024 đến 01/04/2024 (3 tháng tới)."
    );
}
