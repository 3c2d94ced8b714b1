//! Bad and awkward input (issue 8): broken bytes, odd encodings, huge and deeply nested
//! files, wrong types in every field, odd trees (symbolic-link loops, unreadable files,
//! folders named `x.toml`), and output that plan text must not be able to break
//! (markdown cells, GitHub annotations, CSV quoting, terminal escapes, clean stdout for
//! machine formats). Every case asserts the exit code and what the user sees; nothing may
//! panic or hang.

mod common;

use std::fmt::Write as _;
use std::process::Output;
use std::time::{Duration, Instant};

use common::{GOOD_TASK, HEADER, Tree, bin, located};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// HEADER (4 lines) + GOOD_TASK: the task table starts on line 6.
fn good_plan() -> String {
    format!("{HEADER}{GOOD_TASK}")
}

/// A one-plan tree with the fixture registry.
fn tree_with(path: &str, text: &str) -> Tree {
    let tree = Tree::new();
    tree.file(path, text);
    tree
}

/// Runs the binary and checks that it ended by itself: no signal, no panic message.
fn run(tree: &Tree, args: &[&str]) -> Output {
    let mut cmd = tree.cmd(args);
    cmd.timeout(Duration::from_secs(120));
    let output = cmd.output().unwrap();
    no_panic(&output, args);
    output
}

fn no_panic(output: &Output, args: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.code().is_some(),
        "`{}` was killed ({:?}); stderr: {stderr}",
        args.join(" "),
        output.status
    );
    assert!(
        !stderr.contains("panicked") && output.status.code() != Some(101),
        "`{}` panicked: {stderr}",
        args.join(" ")
    );
}

fn code_of(output: &Output) -> i32 {
    output.status.code().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `check --format json` → (exit code, diagnostics), asserting stdout is only JSON.
fn check_json(tree: &Tree) -> (i32, Vec<Value>) {
    let output = run(tree, &["check", "--format", "json"]);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "check --format json printed something that is not JSON ({e}):\n{}",
            stdout(&output)
        )
    });
    (code_of(&output), json.as_array().unwrap().clone())
}

type Loc = (String, String, u64, u64);

fn loc(code: &str, file: &str, line: u64, column: u64) -> Loc {
    (code.to_string(), file.to_string(), line, column)
}

fn locs(diags: &[Value]) -> Vec<Loc> {
    diags.iter().map(located).collect()
}

fn messages(diags: &[Value]) -> String {
    diags
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{} {} {}",
                d["file"].as_str().unwrap_or("?"),
                d["line"],
                d["column"],
                d["code"].as_str().unwrap_or("?"),
                d["message"].as_str().unwrap_or("?")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The rows of a query printed as JSON.
fn json_rows(tree: &Tree, args: &[&str]) -> (i32, Vec<Value>) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let output = run(tree, &all);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "`{}` printed something that is not JSON ({e}):\n{}",
            all.join(" "),
            stdout(&output)
        )
    });
    (code_of(&output), json.as_array().unwrap().clone())
}

// ---------------------------------------------------------------------------------------
// Bytes and encodings
// ---------------------------------------------------------------------------------------

#[test]
fn a_plan_with_bytes_that_are_not_utf8_is_an_e002_at_the_bad_byte_and_other_plans_still_load() {
    let tree = Tree::new();
    tree.file("a.toml", &good_plan());
    // Line 8 is `content = "Xây \xFF…"`: `content = "Xây ` is 15 characters, the bad
    // byte is character 16.
    let bad = good_plan().replace("1/KH-BHXH", "2/KH-BHXH").into_bytes();
    let at = find(&bad, "Xây dựng".as_bytes()) + "Xây ".len();
    let mut bytes = bad[..at].to_vec();
    bytes.extend_from_slice(b"\xFF\xFE");
    bytes.extend_from_slice(&bad[at..]);
    tree.bytes("b.toml", &bytes);

    let (code, diags) = check_json(&tree);
    assert_eq!(code, 1);
    assert_eq!(
        locs(&diags),
        vec![loc("E002", "b.toml", 8, 16)],
        "{}",
        messages(&diags)
    );
    let message = diags[0]["message"].as_str().unwrap();
    assert!(message.contains("not valid UTF-8"), "{message}");
    assert!(message.contains("0xFF"), "{message}");

    // A query still answers from the good plan and says why the other is missing.
    let (code, rows) = json_rows(&tree, &["plans"]);
    assert_eq!(code, 1);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["file"], "a.toml");
    let output = run(&tree, &["plans", "--format", "json"]);
    assert!(stderr(&output).contains("b.toml"), "{}", stderr(&output));
}

fn find(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap()
}

#[test]
fn a_byte_order_mark_is_invisible_to_checks_and_columns() {
    // A BOM before a clean plan and a clean registry: no problems.
    let tree = Tree::bare();
    tree.bytes(
        "units.toml",
        &[b"\xEF\xBB\xBF".as_slice(), common::UNITS.as_bytes()].concat(),
    );
    tree.bytes(
        "a.toml",
        &[b"\xEF\xBB\xBF".as_slice(), good_plan().as_bytes()].concat(),
    );
    let (code, diags) = check_json(&tree);
    assert_eq!((code, locs(&diags)), (0, vec![]), "{}", messages(&diags));
    let (_, rows) = json_rows(&tree, &["plans"]);
    assert_eq!(
        rows[0]["number"], "1/KH-BHXH",
        "the BOM must not stick to the text"
    );

    // A problem on line 1 after the BOM: the column does not count the BOM.
    let tree = Tree::new();
    let text = good_plan().replacen("[plan]", "[plna]", 1);
    tree.bytes(
        "a.toml",
        &[b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    );
    let (code, diags) = check_json(&tree);
    assert_eq!(code, 1);
    assert_eq!(
        locs(&diags).iter().find(|d| d.0 == "E004").cloned(),
        Some(loc("E004", "a.toml", 1, 2)),
        "{}",
        messages(&diags)
    );
}

#[test]
fn crlf_line_endings_check_clean_keep_lines_and_columns_and_leave_no_carriage_returns_in_values() {
    let mut failures = Vec::new();
    let tree = tree_with("a.toml", &good_plan().replace('\n', "\r\n"));
    let (code, diags) = check_json(&tree);
    assert_eq!((code, locs(&diags)), (0, vec![]), "{}", messages(&diags));
    let (_, rows) = json_rows(&tree, &["tasks"]);
    assert_eq!(rows[0]["content"], "Xây dựng kế hoạch");
    assert_eq!(rows[0]["deadline"], "Quý I/2024");

    // An error after CRLF lines: same line and column as with LF.
    let broken = good_plan()
        .replace("[\"CNTT\"]", "[\"CNNT\"]")
        .replace('\n', "\r\n");
    let tree = tree_with("a.toml", &broken);
    let (code, diags) = check_json(&tree);
    assert_eq!((code, locs(&diags)), (1, vec![loc("E011", "a.toml", 9, 9)]));
    // The human snippet shows the line without a stray carriage return.
    let output = run(&tree, &["check", "--color", "never"]);
    if stdout(&output).contains('\r') {
        failures.push(format!("check snippet keeps \\r: {:?}", stdout(&output)));
    }

    // A multi-line string saved on Windows reads as the same text as on Linux, and its
    // line break is not a replacement character in the terminal table.
    let multi = good_plan()
        .replace("\"Xây dựng kế hoạch\"", "\"\"\"\nDòng một\nDòng hai\"\"\"")
        .replace('\n', "\r\n");
    let tree = tree_with("a.toml", &multi);
    let (_, rows) = json_rows(&tree, &["tasks"]);
    if rows[0]["content"] != "Dòng một\nDòng hai" {
        failures.push(format!(
            "tasks --format json: content {} (expected \"Dòng một\\nDòng hai\")",
            rows[0]["content"]
        ));
    }
    let table = stdout(&run(&tree, &["tasks", "--color", "never"]));
    if table.contains('\u{FFFD}') || table.contains('\r') {
        failures.push(format!("tasks table shows the carriage return:\n{table}"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn decomposed_nfd_vietnamese_in_values_and_unit_names_reads_as_the_same_text() {
    let nfd = |s: &str| s.nfd().collect::<String>();
    assert_ne!(nfd("Công nghệ thông tin"), "Công nghệ thông tin");

    // Registry: an NFD unit name and alias; plan: NFD content, lead, deadline, title.
    let units = common::UNITS.replace(
        "name = \"Vụ Pháp chế\"",
        &format!(
            "name = \"{}\"\naliases = [\"{}\"]",
            nfd("Vụ Pháp chế"),
            nfd("Pháp chế")
        ),
    );
    let plan = format!(
        "[plan]\nnumber = \"1/KH-BHXH\"\ntitle = \"{}\"\nissued = 2017-02-28\n\n[[task]]\nid = \"1\"\ncontent = \"{}\"\nlead = [\"{}\"]\nsupport = [\"{}\"]\ndeadline = \"{}\"\n",
        nfd("Kế hoạch thử"),
        nfd("Xây dựng kế hoạch"),
        nfd("Trung tâm Công nghệ thông tin"),
        nfd("Vụ Pháp chế"),
        nfd("Quý I/2024"),
    );
    let tree = Tree::bare();
    tree.file("units.toml", &units);
    tree.file("a.toml", &plan);
    let (code, diags) = check_json(&tree);
    assert_eq!((code, locs(&diags)), (0, vec![]), "{}", messages(&diags));

    let (_, rows) = json_rows(&tree, &["tasks"]);
    assert_eq!(rows[0]["content"], "Xây dựng kế hoạch", "shown in NFC");
    assert_eq!(rows[0]["lead"], serde_json::json!(["CNTT"]));
    assert_eq!(rows[0]["support"], serde_json::json!(["PC"]));
    assert_eq!(rows[0]["due"], "2024-03-31");
    let (_, plans) = json_rows(&tree, &["plans"]);
    assert_eq!(plans[0]["title"], "Kế hoạch thử");
    let (_, units) = json_rows(&tree, &["units"]);
    let pc = units.iter().find(|u| u["code"] == "PC").unwrap();
    assert_eq!(pc["name"], "Vụ Pháp chế", "registry names shown in NFC");

    // `--unit` typed in NFC or NFD finds the unit either way.
    for spelling in [
        "Vụ Pháp chế".to_string(),
        nfd("Vụ Pháp chế"),
        nfd("Pháp chế"),
    ] {
        let (code, rows) = json_rows(&tree, &["tasks", "--unit", &spelling, "--role", "support"]);
        assert_eq!((code, rows.len()), (0, 1), "--unit {spelling:?}");
    }
}

#[test]
fn tabs_as_whitespace_are_fine_count_as_one_column_and_do_not_garble_tables() {
    let text = good_plan()
        .replace("lead = [\"CNTT\"]", "\tlead\t=\t[\"CNTT\"]")
        .replace("\"Xây dựng kế hoạch\"", "\"Cột một\tCột hai\"");
    let tree = tree_with("a.toml", &text);
    let (code, diags) = check_json(&tree);
    assert_eq!((code, locs(&diags)), (0, vec![]), "{}", messages(&diags));
    let (_, rows) = json_rows(&tree, &["tasks"]);
    assert_eq!(rows[0]["content"], "Cột một\tCột hai");

    // `\tlead\t=\t[` is 9 characters: the unit is at column 10.
    let bad = tree_with("a.toml", &text.replace("[\"CNTT\"]", "[\"CNNT\"]"));
    let (_, diags) = check_json(&bad);
    assert_eq!(locs(&diags), vec![loc("E011", "a.toml", 9, 10)]);

    // A tab in content is white space in the terminal table: neither a replacement
    // character nor a raw tab that breaks the alignment.
    let output = run(&tree, &["tasks", "--color", "never"]);
    let table = stdout(&output);
    assert_eq!(code_of(&output), 0);
    assert!(table.contains("Cột một"), "{table}");
    assert!(
        !table.contains('\u{FFFD}') && !table.contains('\t'),
        "the tab is shown as U+FFFD or raw:\n{table}"
    );
}

// ---------------------------------------------------------------------------------------
// Size and depth
// ---------------------------------------------------------------------------------------

/// `count` tasks whose content repeats a sentence `repeat` times.
fn many_tasks(count: usize, repeat: usize) -> String {
    let filler = "Rà soát, đơn giản hóa hồ sơ, quy trình và thủ tục hành chính trong lĩnh vực thu, cấp sổ, thẻ BHXH, BHYT. "
        .repeat(repeat);
    let mut text = String::with_capacity(count * (filler.len() + 200) + 200);
    text.push_str(HEADER);
    for i in 1..=count {
        let _ = write!(
            text,
            "\n[[task]]\nid = \"{i}\"\ncontent = \"Nhiệm vụ số {i}: {filler}xây dựng, nâng cấp phần mềm\"\nlead = [\"CNTT\"]\nsupport = [\"PC\", \"TST\"]\ndeadline = \"Quý {}/2024\"\n",
            ["I", "II", "III", "IV"][i % 4]
        );
    }
    text
}

/// ~50 MB of valid tasks: 8,300 tasks of ~6 KB of Vietnamese text each. Measured in a
/// debug build on the 2-CPU test machine under load: 37 s (60 MB took 70 s earlier, with
/// NFC normalisation and name folding dominating), under the ~60 s the brief allows, so
/// the full size stays. Long text rather than many tasks, because `check` is quadratic in
/// the number of tasks of one plan (20,000 short tasks: 8 s; 40,000: 49 s; see the
/// report). The bounds only guard against a hang on a busy machine.
#[test]
fn a_50_mb_plan_file_checks_clean() {
    const TASKS: usize = 8_300;
    let text = many_tasks(TASKS, 45);
    assert!(text.len() > 50_000_000, "{} bytes", text.len());
    let tree = tree_with("big.toml", &text);
    drop(text);
    let started = Instant::now();
    let mut cmd = tree.cmd(&["check", "--format", "json"]);
    cmd.timeout(Duration::from_secs(400));
    let output = cmd.output().unwrap();
    let took = started.elapsed();
    no_panic(&output, &["check", "--format", "json"]);
    assert_eq!(code_of(&output), 0, "{}", stderr(&output));
    assert_eq!(stdout(&output).trim(), "[]");
    assert!(took < Duration::from_secs(300), "check took {took:?}");
}

#[test]
fn ten_thousand_tasks_in_one_file_check_clean_and_are_all_counted() {
    let tree = tree_with("a.toml", &many_tasks(10_000, 0));
    let started = Instant::now();
    let (code, diags) = check_json(&tree);
    assert_eq!((code, diags.len()), (0, 0), "{}", messages(&diags));
    let (code, plans) = json_rows(&tree, &["plans"]);
    assert_eq!((code, plans[0]["tasks"].as_u64()), (0, Some(10_000)));
    let (code, tasks) = json_rows(&tree, &["tasks"]);
    assert_eq!((code, tasks.len()), (0, 10_000));
    let output = run(&tree, &["tasks", "--color", "never"]);
    assert_eq!(code_of(&output), 0);
    assert_eq!(stdout(&output).matches("1/KH-BHXH").count(), 10_000);
    // Four runs of a debug build on a busy machine: generous, but not for a hang.
    assert!(
        started.elapsed() < Duration::from_secs(150),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn arrays_nested_ten_thousand_deep_are_a_syntax_error_not_a_stack_overflow() {
    let depth = 10_000;
    let text = format!(
        "{HEADER}\n[[task]]\nid = \"1\"\ncontent = \"x\"\ndeadline = \"Năm 2017\"\nlead = {}\"CNTT\"{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let tree = tree_with("a.toml", &text);
    let (code, diags) = check_json(&tree);
    assert_eq!(code, 1);
    assert_eq!(diags.len(), 1, "{}", messages(&diags));
    let (c, file, line, column) = located(&diags[0]);
    assert_eq!((c.as_str(), file.as_str(), line), ("E003", "a.toml", 10));
    assert!((8..=8 + depth as u64).contains(&column), "column {column}");
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("invalid TOML")
    );
    // The human snippet and the queries survive it too.
    assert_eq!(code_of(&run(&tree, &["check", "--color", "never"])), 1);
    assert_eq!(code_of(&run(&tree, &["tasks"])), 1);
}

#[test]
fn inline_tables_and_dotted_keys_ten_thousand_deep_are_located_errors_not_a_stack_overflow() {
    let depth = 10_000;
    let cases = [
        (
            "inline tables",
            format!(
                "{HEADER}x = {}1{}\n",
                "{a = ".repeat(depth),
                "}".repeat(depth)
            ),
        ),
        (
            "dotted key",
            format!("{HEADER}{} = 1\n", vec!["a"; depth].join(".")),
        ),
        (
            "table header",
            format!("{HEADER}[{}]\nb = 1\n", vec!["a"; depth].join(".")),
        ),
    ];
    let mut failures = Vec::new();
    for (what, text) in cases {
        // The nesting is on line 5, after the 4 lines of the header.
        let (code, diags) = check_json(&tree_with("a.toml", &text));
        let on_line_5 = diags
            .iter()
            .any(|d| d["line"] == 5 && (d["code"] == "E003" || d["code"] == "E004"));
        if code != 1 || !on_line_5 {
            failures.push(format!(
                "{what}: expected exit 1 and E003/E004 on line 5, got exit {code}:\n{}",
                messages(&diags)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------
// TOML structure: duplicate keys, wrong types
// ---------------------------------------------------------------------------------------

#[test]
fn a_key_written_twice_in_one_table_is_located_at_the_second() {
    // `issued` twice in [plan]: line 5.
    let text = good_plan().replace(
        "issued = 2017-02-28\n",
        "issued = 2017-02-28\nissued = 2017-03-01\n",
    );
    let (code, diags) = check_json(&tree_with("a.toml", &text));
    assert_eq!((code, locs(&diags)), (1, vec![loc("E003", "a.toml", 5, 1)]));
    let message = diags[0]["message"].as_str().unwrap();
    assert!(message.contains("duplicate key"), "{message}");

    // `lead` twice in a task: line 10.
    let text = good_plan().replace(
        "lead = [\"CNTT\"]\n",
        "lead = [\"CNTT\"]\nlead = [\"PC\"]\n",
    );
    let (code, diags) = check_json(&tree_with("a.toml", &text));
    assert_eq!(
        (code, locs(&diags)),
        (1, vec![loc("E003", "a.toml", 10, 1)])
    );

    // `[plan]` twice: the second header, line 12.
    let text = format!("{}\n[plan]\nnumber = \"2\"\n", good_plan());
    let (code, diags) = check_json(&tree_with("a.toml", &text));
    assert_eq!(code, 1);
    assert_eq!(
        locs(&diags)
            .iter()
            .map(|l| (l.0.as_str(), l.2))
            .collect::<Vec<_>>(),
        vec![("E003", 12)],
        "{}",
        messages(&diags)
    );
}

/// Writes a plan with one field given a wrong value and returns where that value is.
struct Field {
    table: &'static str,
    key: &'static str,
    bad: &'static str,
}

const PLAN_FIELDS: &[(&str, &str)] = &[
    ("number", "42"),
    ("kind", "42"),
    ("title", "42"),
    ("issuer", "42"),
    ("issued", "\"2017-02-28\""),
    ("signer", "42"),
    ("implements", "42"),
    ("monitor", "42"),
    ("source", "42"),
    ("note", "42"),
];
const DEFAULTS_FIELDS: &[(&str, &str)] = &[("lead", "42"), ("support", "42"), ("deadline", "42")];
const SECTION_FIELDS: &[(&str, &str)] = &[("id", "42"), ("title", "42")];
const TASK_FIELDS: &[(&str, &str)] = &[
    ("id", "42"),
    ("section", "42"),
    ("content", "42"),
    ("lead", "42"),
    ("support", "42"),
    ("deadline", "42"),
    ("due", "\"2024-03-31\""),
    ("product", "42"),
    ("note", "42"),
    ("status", "42"),
    ("done", "\"2024-03-31\""),
    ("milestone", "42"),
];
const MILESTONE_FIELDS: &[(&str, &str)] = &[
    ("what", "42"),
    ("deadline", "42"),
    ("due", "\"2024-03-31\""),
    ("status", "42"),
    ("done", "\"2024-03-31\""),
    ("note", "42"),
];
const UNIT_FIELDS: &[(&str, &str)] = &[
    ("code", "42"),
    ("name", "42"),
    ("aliases", "42"),
    ("kind", "42"),
    ("successor", "42"),
    ("until", "\"2019-12-31\""),
];

/// The tables of a full plan, each a list of `key = value` lines.
fn plan_tables() -> Vec<(&'static str, Vec<String>)> {
    let lines = |s: &str| s.lines().map(str::to_string).collect::<Vec<_>>();
    vec![
        (
            "[plan]",
            lines(
                "number = \"1/KH-BHXH\"\nkind = \"Kế hoạch\"\ntitle = \"Kế hoạch thử\"\nissuer = \"BHXH Việt Nam\"\nissued = 2017-02-28\nsigner = \"Người ký\"\nimplements = [\"19-2017/NQ-CP\"]\nmonitor = \"PC\"\nsource = \"Công văn\"\nnote = \"Ghi chú\"",
            ),
        ),
        ("[defaults]", lines("support = [\"PC\"]")),
        ("[[section]]", lines("id = \"I\"\ntitle = \"Phần I\"")),
        (
            "[[task]]",
            lines(
                "id = \"1\"\nsection = \"I\"\ncontent = \"Xây dựng\"\nlead = [\"CNTT\"]\nsupport = [\"PC\"]\ndeadline = \"Quý I/2024\"\ndue = 2024-03-31\nproduct = \"Báo cáo\"\nnote = \"Ghi chú\"\nstatus = \"done\"\ndone = 2024-03-20",
            ),
        ),
        (
            "[[task.milestone]]",
            lines(
                "what = \"Giai đoạn 1\"\ndeadline = \"Năm 2017\"\ndue = 2017-12-31\nstatus = \"done\"\ndone = 2017-12-20\nnote = \"Ghi chú\"",
            ),
        ),
    ]
}

/// Renders tables, replacing `key` in `table` by `key = bad` as the table's last line
/// (and dropping the milestone table when the task's `milestone` itself is the bad
/// value). Returns the text and the 1-based line of the bad value.
fn with_bad(tables: &[(&'static str, Vec<String>)], field: &Field) -> (String, u64) {
    let mut text = String::new();
    let mut line = 0;
    let mut bad_line = 0;
    for (name, lines) in tables {
        if field.key == "milestone" && *name == "[[task.milestone]]" {
            continue;
        }
        text.push_str(name);
        text.push('\n');
        line += 1;
        for l in lines {
            let key = l.split(" = ").next().unwrap();
            if *name == field.table && key == field.key {
                continue;
            }
            text.push_str(l);
            text.push('\n');
            line += 1;
        }
        if *name == field.table {
            let _ = writeln!(text, "{} = {}", field.key, field.bad);
            line += 1;
            bad_line = line;
        }
        text.push('\n');
        line += 1;
    }
    assert!(bad_line > 0, "{} {}", field.table, field.key);
    (text, bad_line)
}

#[test]
fn a_wrong_type_in_any_field_is_an_e005_on_its_value() {
    let mut failures = Vec::new();
    let groups: [(&str, &[(&str, &str)]); 5] = [
        ("[plan]", PLAN_FIELDS),
        ("[defaults]", DEFAULTS_FIELDS),
        ("[[section]]", SECTION_FIELDS),
        ("[[task]]", TASK_FIELDS),
        ("[[task.milestone]]", MILESTONE_FIELDS),
    ];
    for (table, fields) in groups {
        for &(key, bad) in fields {
            let field = Field { table, key, bad };
            let (text, line) = with_bad(&plan_tables(), &field);
            let column = key.chars().count() as u64 + 4;
            let (code, diags) = check_json(&tree_with("a.toml", &text));
            let e005: Vec<Loc> = locs(&diags).into_iter().filter(|d| d.0 == "E005").collect();
            if code != 1 || e005 != vec![loc("E005", "a.toml", line, column)] {
                failures.push(format!(
                    "{table} {key} = {bad}: expected exit 1 and E005 at a.toml:{line}:{column}, got exit {code}:\n{}",
                    messages(&diags)
                ));
            }
        }
    }
    // The registry's fields, with `[[unit]]` on line 1.
    let unit = "code = \"CNTT\"\nname = \"Trung tâm Công nghệ thông tin\"\naliases = [\"TT CNTT\"]\nkind = \"central\"\nsuccessor = \"PC\"\nuntil = 2019-12-31\n";
    for &(key, bad) in UNIT_FIELDS {
        let mut text = String::from("[[unit]]\n");
        for l in unit.lines().filter(|l| !l.starts_with(&format!("{key} ="))) {
            text.push_str(l);
            text.push('\n');
        }
        let _ = writeln!(text, "{key} = {bad}");
        text.push_str("\n[[unit]]\ncode = \"PC\"\nname = \"Vụ Pháp chế\"\n");
        let tree = Tree::bare();
        tree.file("units.toml", &text);
        let (code, diags) = check_json(&tree);
        let e005: Vec<Loc> = locs(&diags).into_iter().filter(|d| d.0 == "E005").collect();
        let expected = vec![loc("E005", "units.toml", 7, key.chars().count() as u64 + 4)];
        if code != 1 || e005 != expected {
            failures.push(format!(
                "[[unit]] {key} = {bad}: expected exit 1 and {expected:?}, got exit {code}:\n{}",
                messages(&diags)
            ));
        }
    }
    // A list with one wrong item: the item is located.
    let text = good_plan().replace("lead = [\"CNTT\"]", "lead = [\"CNTT\", 7]");
    let (_, diags) = check_json(&tree_with("a.toml", &text));
    if locs(&diags) != vec![loc("E005", "a.toml", 9, 17)] {
        failures.push(format!("lead = [\"CNTT\", 7]:\n{}", messages(&diags)));
    }
    // The tables themselves given as values.
    for (top, line_text) in [
        ("plan", "plan = 1"),
        ("task", "task = 1"),
        ("defaults", "defaults = 1"),
        ("section", "section = 1"),
    ] {
        let text = if top == "plan" {
            format!("{line_text}\n{GOOD_TASK}")
        } else if top == "task" {
            format!("{line_text}\n{HEADER}")
        } else {
            format!("{line_text}\n{}", good_plan())
        };
        let (code, diags) = check_json(&tree_with("a.toml", &text));
        let column = top.len() as u64 + 4;
        let e005: Vec<Loc> = locs(&diags).into_iter().filter(|d| d.0 == "E005").collect();
        if code != 1 || e005 != vec![loc("E005", "a.toml", 1, column)] {
            failures.push(format!("{line_text}: exit {code}\n{}", messages(&diags)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_complete_fixture_used_for_wrong_types_is_itself_clean() {
    let (text, _) = with_bad(
        &plan_tables(),
        &Field {
            table: "[plan]",
            key: "note",
            bad: "\"Ghi chú\"",
        },
    );
    let (code, diags) = check_json(&tree_with("a.toml", &text));
    assert_eq!(
        (code, locs(&diags)),
        (0, vec![]),
        "{}\n{text}",
        messages(&diags)
    );
}

// ---------------------------------------------------------------------------------------
// Dates at the edges
// ---------------------------------------------------------------------------------------

/// Runs without asserting; returns the output, or why it is not an answer (a signal, a
/// panic), for tests that collect every failure before reporting.
fn attempt(tree: &Tree, args: &[&str]) -> Result<Output, String> {
    let mut cmd = tree.cmd(args);
    cmd.timeout(Duration::from_secs(60));
    let output = cmd.output().unwrap();
    let err = stderr(&output);
    match output.status.code() {
        None => Err(format!("killed ({:?})", output.status)),
        Some(101) => Err(format!(
            "panicked: {}",
            err.lines().take(3).collect::<Vec<_>>().join(" / ")
        )),
        Some(_) if err.contains("panicked") => Err(format!("panicked: {err}")),
        Some(_) => Ok(output),
    }
}

#[test]
fn dates_out_of_range_are_errors_or_answers_never_panics() {
    let mut failures: Vec<String> = Vec::new();

    // Year 0 and year 9999 are valid TOML dates. A plan issued then is a typo, and the
    // deadline language refuses those years ("write a year from 1900 to 2199"), so
    // resolving "Hàng tháng" against them (due 0000-12-31, 739,067 days late) is
    // nonsense: `issued` outside 1900–2199 should be an error on the value (E005,
    // "outside its allowed set"). Every command must still answer, with the exit code
    // `check` gives.
    for issued in ["0000-01-01", "9999-12-31"] {
        let text = good_plan()
            .replace("issued = 2017-02-28", &format!("issued = {issued}"))
            .replace("\"Quý I/2024\"", "\"Hàng tháng\"");
        let tree = tree_with("a.toml", &text);
        let (code, diags) = check_json(&tree);
        let e005: Vec<Loc> = locs(&diags).into_iter().filter(|d| d.0 == "E005").collect();
        if code != 1 || e005 != vec![loc("E005", "a.toml", 4, 10)] {
            failures.push(format!(
                "issued = {issued}: expected exit 1 and E005 at a.toml:4:10, got exit {code}: [{}]",
                messages(&diags)
            ));
        }
        for args in [
            vec!["plans"],
            vec!["tasks"],
            vec!["overdue"],
            vec!["upcoming", "--within", "3m"],
            vec!["workload"],
            vec!["workload", "--by", "quarter"],
            vec!["upcoming", "--within", "3m", "--today", "9999-12-31"],
            vec!["overdue", "--today", "0000-01-01"],
        ] {
            match attempt(&tree, &args) {
                Ok(output) if code_of(&output) == code => {}
                Ok(output) => failures.push(format!(
                    "issued = {issued}, {args:?}: exit {} where check exits {code} ({}): {}",
                    code_of(&output),
                    messages(&diags),
                    stderr(&output)
                )),
                Err(why) => failures.push(format!("issued = {issued}, {args:?}: {why}")),
            }
        }
    }

    // 30 February is not a date: an error on the value.
    let text = good_plan().replace("issued = 2017-02-28", "issued = 2017-02-30");
    let (code, diags) = check_json(&tree_with("a.toml", &text));
    let on_value = locs(&diags)
        .iter()
        .any(|d| (d.0.as_str(), d.2, d.3) == ("E005", 4, 10) || (d.0.as_str(), d.2) == ("E003", 4));
    if code != 1 || !on_value {
        failures.push(format!(
            "issued = 2017-02-30: exit {code}\n{}",
            messages(&diags)
        ));
    }

    // Deadlines that name impossible days or absurd years: E012 inside the string,
    // quoting what was written.
    for (phrase, column, words) in [
        ("31/2/2024", 13, "31/2/2024"),
        ("Năm 99999", 17, "99999"),
        ("Năm 99999999999999999999", 17, "99999999999999999999"),
    ] {
        let text = good_plan().replace("Quý I/2024", phrase);
        let (code, diags) = check_json(&tree_with("a.toml", &text));
        let message = diags
            .first()
            .and_then(|d| d["message"].as_str())
            .unwrap_or_default();
        if (code, locs(&diags)) != (1, vec![loc("E012", "a.toml", 10, column)])
            || !message.contains(words)
        {
            failures.push(format!(
                "deadline = {phrase:?}: expected exit 1, E012 at a.toml:10:{column} quoting `{words}`; got exit {code}:\n{}",
                messages(&diags)
            ));
        }
        match attempt(&Tree::bare(), &["deadline", phrase, "--year", "2024"]) {
            Ok(output) if code_of(&output) == 1 => {}
            Ok(output) => failures.push(format!(
                "bhxh-plan deadline {phrase:?}: exit {}",
                code_of(&output)
            )),
            Err(why) => failures.push(format!("bhxh-plan deadline {phrase:?}: {why}")),
        }
    }

    // `deadline --year` beyond what the calendar holds: an answer or an error, never a
    // panic.
    for year in ["9999", "262143", "300000", "2147483647"] {
        for phrase in [
            "Hàng tháng",
            "Quý I",
            "Năm 2017 và các năm tiếp theo",
            "6 tháng cuối năm",
        ] {
            if let Err(why) = attempt(&Tree::bare(), &["deadline", phrase, "--year", year]) {
                failures.push(format!(
                    "bhxh-plan deadline {phrase:?} --year {year}: {why}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------
// Odd trees
// ---------------------------------------------------------------------------------------

#[test]
fn a_symbolic_link_loop_in_the_tree_is_an_e001_and_does_not_hang() {
    let tree = tree_with("a.toml", &good_plan());
    std::fs::create_dir(tree.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("..", tree.path().join("sub/loop")).unwrap();
    let started = Instant::now();
    let (code, diags) = check_json(&tree);
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(
        (code, locs(&diags)),
        (1, vec![loc("E001", "sub/loop", 1, 1)]),
        "{}",
        messages(&diags)
    );
    let message = diags[0]["message"].as_str().unwrap();
    assert!(message.contains("symbolic link loop"), "{message}");
    // The plan is read once, not once per trip round the loop.
    let (code, plans) = json_rows(&tree, &["plans"]);
    assert_eq!((code, plans.len()), (1, 1));
}

#[test]
fn a_dangling_symbolic_link_is_an_e001_not_a_crash() {
    let tree = tree_with("a.toml", &good_plan());
    std::os::unix::fs::symlink("nowhere.toml", tree.path().join("b.toml")).unwrap();
    let (code, diags) = check_json(&tree);
    assert_eq!(code, 1);
    assert_eq!(
        locs(&diags),
        vec![loc("E001", "b.toml", 1, 1)],
        "{}",
        messages(&diags)
    );
}

#[test]
fn an_unreadable_file_is_an_e001_and_an_unreadable_plans_folder_exits_2() {
    use std::os::unix::fs::PermissionsExt;
    let tree = tree_with("a.toml", &good_plan());
    tree.file("b.toml", &good_plan().replace("1/KH", "2/KH"));
    tree.file("sub/c.toml", &good_plan().replace("1/KH", "3/KH"));
    let b = tree.path().join("b.toml");
    let sub = tree.path().join("sub");
    std::fs::set_permissions(&b, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root (as in many containers) reads files whatever their mode: nothing to test then.
    let privileged = std::fs::read(&b).is_ok();
    let (code, diags) = check_json(&tree);
    let restore = || {
        std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(&b, std::fs::Permissions::from_mode(0o644)).unwrap();
    };
    if privileged {
        // Running as root: permissions do not stop reading, so the tree is clean.
        restore();
        assert_eq!((code, diags.len()), (0, 0), "{}", messages(&diags));
        return;
    }
    restore_after(&restore, || {
        assert_eq!(code, 1);
        assert_eq!(
            locs(&diags),
            vec![loc("E001", "b.toml", 1, 1), loc("E001", "sub", 1, 1)],
            "{}",
            messages(&diags)
        );
        assert!(
            messages(&diags)
                .to_lowercase()
                .contains("permission denied"),
            "{}",
            messages(&diags)
        );
        let (code, plans) = json_rows(&tree, &["plans"]);
        assert_eq!((code, plans.len()), (1, 1));
    });

    // The plans folder itself unreadable: exit 2 with a message, nothing on stdout.
    let root = Tree::new();
    root.file("a.toml", &good_plan());
    std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o000)).unwrap();
    let output = bin()
        .args(["check", "--format", "json", "--plans"])
        .arg(root.path())
        .output()
        .unwrap();
    std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code_of(&output), 2, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("cannot read the plans folder"),
        "{}",
        stderr(&output)
    );
    assert_eq!(stdout(&output), "");
}

fn restore_after(restore: &dyn Fn(), body: impl FnOnce()) {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(body));
    restore();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

#[test]
fn files_that_are_not_toml_beside_the_plans_are_ignored() {
    let tree = tree_with("a.toml", &good_plan());
    tree.file("README.md", "# Kế hoạch\n\n[plan]\nnumber = 1\n");
    tree.bytes(
        "2017/595-KH-BHXH.docx",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xfe",
    );
    tree.bytes(".DS_Store", b"\x00\x00\x00\x01Bud1\x00\x00\x10\x00\xff");
    tree.bytes(
        "2017/.DS_Store",
        b"\x00\x00\x00\x01Bud1\x00\x00\x10\x00\xff",
    );
    tree.file("a.toml~", "not = [toml");
    tree.file("a.toml.bak", "not = [toml");
    tree.file(".a.toml.swp", "not = [toml");
    tree.file("notes.txt", "Ghi chú");
    let (code, diags) = check_json(&tree);
    assert_eq!((code, locs(&diags)), (0, vec![]), "{}", messages(&diags));
    let output = run(&tree, &["check"]);
    assert_eq!(stderr(&output), "checked 2 files: no problems\n");
    let (_, plans) = json_rows(&tree, &["plans"]);
    assert_eq!(plans.len(), 1);
}

#[test]
fn a_tree_with_only_the_registry_is_clean_and_says_it_has_no_plans() {
    let tree = Tree::new();
    let (code, diags) = check_json(&tree);
    assert_eq!((code, diags.len()), (0, 0), "{}", messages(&diags));
    let output = run(&tree, &["check"]);
    assert_eq!(
        (code_of(&output), stderr(&output).as_str()),
        (0, "checked 1 file: no problems\n")
    );

    let output = run(&tree, &["plans", "--lang", "en", "--color", "never"]);
    assert_eq!(code_of(&output), 0, "{}", stderr(&output));
    // A sentence, not an empty box.
    assert_eq!(stdout(&output), "No plans.\n");
    assert_eq!(stderr(&output), "");

    let (code, rows) = json_rows(&tree, &["plans"]);
    assert_eq!((code, rows.len()), (0, 0));
    let output = run(&tree, &["plans", "--format", "markdown", "--lang", "en"]);
    assert_eq!(stdout(&output).lines().count(), 2, "{}", stdout(&output));
    for command in ["tasks", "overdue", "upcoming", "workload"] {
        let (code, rows) = json_rows(&tree, &[command]);
        assert_eq!((code, rows.len()), (0, 0), "{command}");
    }
    // An empty CSV still has its header row, so a script can read the columns.
    let output = run(&tree, &["plans", "--format", "csv"]);
    assert_eq!(code_of(&output), 0);
    assert!(
        stdout(&output).starts_with("number,"),
        "an empty CSV should still print its header; got {:?}",
        stdout(&output)
    );
}

#[test]
fn a_tree_without_units_toml_says_so_once_and_exits_1() {
    let tree = Tree::bare();
    tree.file("a.toml", &good_plan());
    let (code, diags) = check_json(&tree);
    assert_eq!(code, 1);
    assert_eq!(locs(&diags)[0], loc("E017", "units.toml", 1, 1));
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap()
            .contains("no units registry")
    );
    let output = run(&tree, &["plans", "--format", "json"]);
    assert_eq!(code_of(&output), 1);
    assert!(
        stderr(&output).contains("no units registry"),
        "{}",
        stderr(&output)
    );
    let output = run(&tree, &["units", "--format", "json"]);
    assert_eq!(code_of(&output), 1);
    assert_eq!(
        serde_json::from_slice::<Value>(&output.stdout).unwrap(),
        serde_json::json!([])
    );
}

#[test]
fn a_registry_with_a_syntax_error_is_located_and_exits_1() {
    let tree = Tree::bare();
    tree.file(
        "units.toml",
        "[[unit]]\ncode = \"CNTT\nname = \"Trung tâm\"\n",
    );
    tree.file("a.toml", &good_plan());
    let (code, diags) = check_json(&tree);
    assert_eq!(code, 1);
    let first = locs(&diags)[0].clone();
    assert_eq!(
        (first.0.as_str(), first.1.as_str(), first.2),
        ("E003", "units.toml", 2),
        "{}",
        messages(&diags)
    );
    // The one broken registry is the problem to report, not every unit reference in
    // every plan as unknown.
    assert_eq!(
        locs(&diags),
        vec![first.clone()],
        "only the registry's error: {}",
        messages(&diags)
    );
    let output = run(&tree, &["plans", "--format", "json"]);
    assert_eq!(code_of(&output), 1);
    assert!(
        stderr(&output).contains("units.toml"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_unit_without_code_is_an_e006_at_its_table() {
    let tree = Tree::bare();
    tree.file(
        "units.toml",
        &format!(
            "{}\n[[unit]]\nname = \"Không mã\"\nkind = \"central\"\n",
            common::UNITS
        ),
    );
    tree.file("a.toml", &good_plan());
    let (code, diags) = check_json(&tree);
    assert_eq!(code, 1);
    let line = common::UNITS.lines().count() as u64 + 2;
    assert_eq!(
        locs(&diags),
        vec![loc("E006", "units.toml", line, 1)],
        "{}",
        messages(&diags)
    );
    assert!(diags[0]["message"].as_str().unwrap().contains("`code`"));
}

#[test]
fn two_units_claiming_one_alias_is_an_e017_on_the_second_claim() {
    let tree = Tree::bare();
    tree.file(
        "units.toml",
        "[[unit]]\ncode = \"A\"\nname = \"Alpha\"\naliases = [\"Ban chung\"]\n\n[[unit]]\ncode = \"B\"\nname = \"Beta\"\naliases = [\"Ban Chung\"]\n",
    );
    let (code, diags) = check_json(&tree);
    assert_eq!(
        (code, locs(&diags)),
        (1, vec![loc("E017", "units.toml", 9, 12)]),
        "{}",
        messages(&diags)
    );
    let message = diags[0]["message"].as_str().unwrap();
    assert!(
        message.contains("`Ban Chung`") && message.contains("`A`"),
        "{message}"
    );
}

#[test]
fn two_plans_with_one_issuer_and_number_are_both_e007_even_when_the_issuer_is_implicit() {
    let tree = tree_with("a.toml", &good_plan());
    let explicit = good_plan().replace("[plan]\n", "[plan]\nissuer = \"BHXH Việt Nam\"\n");
    tree.file("sub/b.toml", &explicit);
    let (code, diags) = check_json(&tree);
    assert_eq!(code, 1);
    assert_eq!(
        locs(&diags),
        vec![
            loc("E007", "a.toml", 2, 10),
            loc("E007", "sub/b.toml", 3, 10)
        ],
        "{}",
        messages(&diags)
    );
    assert!(diags[0]["message"].as_str().unwrap().contains("sub/b.toml"));
    assert!(diags[1]["message"].as_str().unwrap().contains("a.toml"));
}

#[test]
fn a_folder_named_like_a_toml_file_is_walked_not_read() {
    let tree = Tree::new();
    tree.file("x.toml/a.toml", &good_plan());
    let (code, diags) = check_json(&tree);
    assert_eq!((code, locs(&diags)), (0, vec![]), "{}", messages(&diags));
    let (_, plans) = json_rows(&tree, &["plans"]);
    assert_eq!(plans[0]["file"], "x.toml/a.toml");
}

#[test]
fn an_empty_plan_file_needs_a_plan_table() {
    for text in ["", "\n\n", "# chỉ có chú thích\n"] {
        let (code, diags) = check_json(&tree_with("a.toml", text));
        assert_eq!(
            (code, locs(&diags)),
            (1, vec![loc("E006", "a.toml", 1, 1)]),
            "{text:?}"
        );
        assert!(diags[0]["message"].as_str().unwrap().contains("`[plan]`"));
    }
}

#[test]
fn a_plan_file_that_is_only_the_plan_header_names_each_missing_field() {
    let (code, diags) = check_json(&tree_with("a.toml", "[plan]\n"));
    assert_eq!(code, 1);
    assert_eq!(
        locs(&diags),
        vec![loc("E006", "a.toml", 1, 1); 3],
        "{}",
        messages(&diags)
    );
    let all = messages(&diags);
    for field in ["`number`", "`title`", "`issued`"] {
        assert!(all.contains(field), "{all}");
    }
}

// ---------------------------------------------------------------------------------------
// Output that plan text must not break
// ---------------------------------------------------------------------------------------

/// `|` not preceded by a backslash.
fn unescaped_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
    }
    count
}

#[test]
fn markdown_keeps_pipes_newlines_and_html_from_a_plan_inside_their_cells() {
    let nasty = r#"a | b\nc <script>alert(1)</script> \\| d | e"#;
    let text = format!(
        "[plan]\nnumber = \"1|2/KH\"\ntitle = \"{nasty}\"\nissued = 2017-02-28\n\n[[task]]\nid = \"1|x\"\ncontent = \"{nasty}\"\nlead = [\"CNTT\"]\ndeadline = \"Quý I/2024\"\nnote = \"{nasty}\"\n\n[[task.milestone]]\nwhat = \"{nasty}\"\ndeadline = \"Tháng 2/2024\"\n"
    );
    let tree = Tree::bare();
    tree.file(
        "units.toml",
        &common::UNITS.replace("Vụ Pháp chế", r#"Vụ | Pháp\nchế <b>"#),
    );
    tree.file("a.toml", &text);
    let (code, diags) = check_json(&tree);
    assert_eq!(code, 0, "{}", messages(&diags));
    for args in [
        vec!["plans"],
        vec!["tasks"],
        vec!["overdue"],
        vec!["units"],
        vec!["workload"],
        vec!["tasks", "--unit", "TST"],
    ] {
        let mut all = args.clone();
        all.extend(["--format", "markdown"]);
        let output = run(&tree, &all);
        assert_eq!(code_of(&output), 0, "{all:?}: {}", stderr(&output));
        let out = stdout(&output);
        let table: Vec<&str> = out.lines().filter(|l| l.starts_with('|')).collect();
        assert!(table.len() >= 2, "{all:?}:\n{out}");
        let pipes = unescaped_pipes(table[0]);
        for line in &table {
            assert_eq!(
                unescaped_pipes(line),
                pipes,
                "{all:?}: a cell leaked:\n{out}"
            );
        }
        // Every line after the table's first is a table row: no line was broken.
        let first = out.lines().position(|l| l.starts_with('|')).unwrap();
        for line in out.lines().skip(first) {
            assert!(
                line.starts_with('|') && line.ends_with('|'),
                "{all:?}: broken row {line:?}:\n{out}"
            );
        }
        assert!(
            !out.contains("<script>") && !out.contains("<b>"),
            "{all:?}: raw HTML:\n{out}"
        );
    }
}

#[test]
fn github_annotations_cannot_be_forged_or_broken_by_plan_text() {
    let forged = r#"X\n::error file=evil.toml,line=1::forged 100%\r::warning::y"#;
    let text = format!(
        "[plan]\nnumber = \"1/KH\"\ntitle = \"t\"\nissued = 2017-02-28\n\"k\\n::error::key\" = 1\n\n[[task]]\nid = \"1\"\ncontent = \"x\"\nlead = [\"{forged}\"]\nsupport = [\"Các đơn vị liên quan\"]\ndeadline = \"Quý I/2024 {forged}\"\nstatus = \"{forged}\"\n"
    );
    let tree = Tree::bare();
    tree.file(
        "units.toml",
        &format!(
            "{}\n[[unit]]\ncode = \"Z\"\nname = \"{forged}\"\n\n[[unit]]\ncode = \"Y\"\nname = \"Y\"\naliases = [\"{forged}\"]\n",
            common::UNITS
        ),
    );
    tree.file("a.toml", &text);
    // A file name with a comma, a colon and a newline.
    tree.file("b,c:d\n::error::e.toml", &text.replace("1/KH", "2/KH"));
    let (_, diags) = check_json(&tree);
    assert!(diags.len() >= 6, "{}", messages(&diags));
    let output = run(&tree, &["check", "--format", "github"]);
    assert_eq!(code_of(&output), 1);
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert!(!lines.is_empty());
    for line in &lines {
        assert!(
            line.starts_with("::error ")
                || line.starts_with("::warning ")
                || line.starts_with("::notice "),
            "a line that is not an annotation: {line:?}\nin:\n{out}"
        );
        assert!(!line.contains('\r'), "{line:?}");
        assert!(
            !line.starts_with("::error file=evil.toml"),
            "forged annotation: {line:?}"
        );
        // The properties run to the first `::` after the command; a `:` or `,` in the
        // file name must not end them early.
        let properties = line.split("::").nth(1).unwrap();
        assert!(
            properties.contains(",line=") && properties.contains(",col="),
            "properties cut short: {line:?}"
        );
    }
    assert!(out.contains("100%25"), "`%` must be escaped:\n{out}");
    assert!(!out.contains("100% "), "{out}");
    // One annotation per diagnostic (at most 10 of each kind plus a notice).
    let errors = diags.iter().filter(|d| d["severity"] == "error").count();
    let warnings = diags.len() - errors;
    let expected = errors.min(10) + warnings.min(10) + usize::from(errors > 10 || warnings > 10);
    assert_eq!(lines.len(), expected, "{out}");
}

#[test]
fn csv_round_trips_commas_quotes_and_newlines() {
    let content = "Họp, \"bàn\" việc\nDòng 2, 'x'; \"y\"\r\nDòng 3,,";
    let toml_string = content
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
        .replace('\r', "\\r");
    let text = format!(
        "[plan]\nnumber = \"1/KH, \\\"số\\\"\"\ntitle = \"{toml_string}\"\nissued = 2017-02-28\n\n[[task]]\nid = \"1\"\ncontent = \"{toml_string}\"\nlead = [\"CNTT\", \"PC\"]\ndeadline = \"Quý I/2024\"\n\n[[task.milestone]]\nwhat = \"{toml_string}\"\ndeadline = \"Tháng 2/2024\"\n"
    );
    let tree = tree_with("a.toml", &text);
    let (code, diags) = check_json(&tree);
    assert_eq!(code, 0, "{}", messages(&diags));

    let output = run(&tree, &["tasks", "--format", "csv"]);
    assert_eq!(code_of(&output), 0);
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(!records.is_empty());
    for record in &records {
        assert_eq!(&record[column("content")], content);
        assert_eq!(&record[column("plan")], "1/KH, \"số\"");
        assert_eq!(&record[column("lead")], "CNTT; PC");
    }

    // The late stage is its own row, named by its `what`.
    let output = run(&tree, &["overdue", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    let milestone = headers.iter().position(|h| h == "milestone").unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(
        records.iter().any(|r| &r[milestone] == content),
        "{}",
        stdout(&output)
    );

    let output = run(&tree, &["plans", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    let record = reader.records().next().unwrap().unwrap();
    let title = headers.iter().position(|h| h == "title").unwrap();
    assert_eq!(&record[title], content);
}

#[test]
fn escape_sequences_in_plan_text_never_reach_the_terminal() {
    let mut failures = Vec::new();
    let esc = r#"\u001b[31mĐỎ\u001b[0m\u001b]0;title\u0007\u001b[2J"#;
    let text = format!(
        "[plan]\nnumber = \"1/KH{esc}\"\ntitle = \"{esc}\"\nissued = 2017-02-28\n\n[[task]]\nid = \"1\"\ncontent = \"{esc}\"\nlead = [\"CNTT\"]\ndeadline = \"Quý I/2024\"\nnote = \"{esc}\"\n"
    );
    let tree = Tree::bare();
    tree.file(
        "units.toml",
        &common::UNITS.replace("Vụ Pháp chế", &format!("Vụ Pháp chế{esc}")),
    );
    tree.file("a.toml", &text);
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for args in [
        vec!["plans"],
        vec!["tasks"],
        vec!["overdue"],
        vec!["units"],
        vec!["workload"],
    ] {
        for color in ["never", "auto"] {
            let mut all = args.clone();
            all.extend(["--color", color]);
            runs.push(all);
        }
    }
    runs.push(vec!["tasks", "--format", "markdown"]);
    for args in &runs {
        let output = run(&tree, args);
        assert_eq!(code_of(&output), 0, "{args:?}: {}", stderr(&output));
        if output.stdout.contains(&0x1b) || output.stdout.contains(&0x07) {
            failures.push(format!(
                "{args:?}: ESC/BEL on stdout: {:?}",
                stdout(&output)
            ));
        }
    }

    // Diagnostics quote plan text (an unknown unit, a bad deadline) and show source lines
    // (a raw ESC byte makes a file invalid TOML, and the snippet prints that line).
    let quoted = text
        .replace("lead = [\"CNTT\"]", &format!("lead = [\"{esc}\"]"))
        .replace("Quý I/2024", &format!("Quý I/2024 {esc}"));
    let raw = good_plan().replace("1/KH", "2/KH") + "raw = \"\x1b[2J\x1b]0;x\x07\"\n";
    let tree = Tree::new();
    tree.file("a.toml", &quoted);
    tree.file("b.toml", &raw);
    let output = run(&tree, &["check", "--color", "never"]);
    assert_eq!(code_of(&output), 1);
    for line in stdout(&output).lines() {
        if line.contains('\x1b') || line.contains('\x07') {
            failures.push(format!("check: ESC/BEL on stdout: {line:?}"));
        }
    }
    // Queries print the diagnostics on stderr: same rule.
    let output = run(&tree, &["tasks", "--color", "never"]);
    assert_eq!(code_of(&output), 1);
    for line in stderr(&output).lines() {
        if line.contains('\x1b') || line.contains('\x07') {
            failures.push(format!("tasks: ESC/BEL on stderr: {line:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------
// Machine formats and exit codes
// ---------------------------------------------------------------------------------------

/// A good plan that mentions a unit with a predecessor (so `--unit TST` prints a note),
/// and beside it a broken plan (an unknown key, E004).
fn tree_with_a_plan_error() -> Tree {
    let tree = tree_with(
        "a.toml",
        &good_plan().replace("lead = [\"CNTT\"]", "lead = [\"CNTT\", \"Ban Thu\"]"),
    );
    tree.file(
        "b.toml",
        &good_plan()
            .replace("1/KH", "2/KH")
            .replace("lead", "priority = 1\nlead"),
    );
    tree
}

/// The same plan and a registry where two units claim one alias (E017).
fn tree_with_a_registry_error() -> Tree {
    let tree = Tree::bare();
    tree.file(
        "units.toml",
        &format!(
            "{}\n[[unit]]\ncode = \"X\"\nname = \"Ban X\"\naliases = [\"cntt\"]\n",
            common::UNITS
        ),
    );
    tree.file(
        "a.toml",
        &good_plan().replace("lead = [\"CNTT\"]", "lead = [\"CNTT\", \"Ban Thu\"]"),
    );
    tree
}

#[test]
fn json_and_csv_print_only_the_document_on_stdout_even_when_the_tree_has_errors() {
    let mut failures = Vec::new();
    let queries: Vec<Vec<&str>> = vec![
        vec!["plans"],
        vec!["tasks"],
        vec!["tasks", "--unit", "TST"],
        vec!["overdue"],
        vec!["overdue", "--unit", "TST"],
        vec!["upcoming", "--within", "3m", "--today", "2024-02-01"],
        vec!["workload"],
        vec!["workload", "--unit", "TST"],
        vec!["workload", "--by", "quarter"],
        vec!["units"],
        vec!["units", "resolve", "pc"],
    ];
    for (label, tree) in [
        ("plan error", tree_with_a_plan_error()),
        ("registry error", tree_with_a_registry_error()),
    ] {
        for args in &queries {
            // `units` reads only the registry, so a broken plan does not concern it.
            let expected = if args[0] == "units" && label == "plan error" {
                0
            } else {
                1
            };
            for format in ["json", "csv"] {
                let mut all = args.clone();
                all.extend(["--format", format]);
                let output = run(&tree, &all);
                let out = stdout(&output);
                let document = if format == "json" {
                    serde_json::from_slice::<Value>(&output.stdout)
                        .map_err(|e| e.to_string())
                        .and_then(|v| {
                            if v.is_array() {
                                Ok(())
                            } else {
                                Err("not an array".into())
                            }
                        })
                } else {
                    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
                    let width = reader.headers().map(|h| h.len()).unwrap_or(0);
                    reader.records().try_for_each(|r| match r {
                        Ok(r) if r.len() == width => Ok(()),
                        Ok(r) => Err(format!("a row of {} fields under {width} headers", r.len())),
                        Err(e) => Err(e.to_string()),
                    })
                };
                let for_people = ["error", "skipped", "Gồm cả", "warning"]
                    .iter()
                    .any(|w| out.contains(w));
                let reported = stderr(&output).contains("error[E");
                if code_of(&output) != expected
                    || document.is_err()
                    || for_people
                    || (expected == 1 && !reported)
                {
                    failures.push(format!(
                        "{label}, {all:?}: exit {} (expected {expected}), document {document:?}, stderr reports it: {reported}\nstdout: {out}",
                        code_of(&output)
                    ));
                }
            }
        }
    }
    // `check --format json`: the diagnostics are the document.
    let (code, diags) = check_json(&tree_with_a_plan_error());
    assert_eq!((code, diags.len()), (1, 1));
    // `deadline --format json` with a phrase it cannot read: nothing but JSON, or nothing.
    let output = run(
        &Tree::new(),
        &["deadline", "Quý V/2024", "--format", "json"],
    );
    assert_eq!(code_of(&output), 1);
    assert!(
        output.stdout.is_empty() || serde_json::from_slice::<Value>(&output.stdout).is_ok(),
        "{}",
        stdout(&output)
    );
    assert!(stderr(&output).contains("E012"));
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_command_exits_0_on_a_good_tree_1_on_a_tree_with_an_error_and_2_without_a_tree() {
    let good = tree_with("a.toml", &good_plan());
    let plan_error = tree_with_a_plan_error();
    let registry_error = tree_with_a_registry_error();
    // (command, exit on: good tree, broken plan, broken registry, no tree)
    let commands: Vec<(Vec<&str>, [i32; 4])> = vec![
        (vec!["check"], [0, 1, 1, 2]),
        (vec!["plans"], [0, 1, 1, 2]),
        (vec!["tasks"], [0, 1, 1, 2]),
        (vec!["overdue"], [0, 1, 1, 2]),
        (vec!["upcoming"], [0, 1, 1, 2]),
        (vec!["workload"], [0, 1, 1, 2]),
        // `units` reads only the registry: a broken plan does not change its answer.
        (vec!["units"], [0, 0, 1, 2]),
        (vec!["units", "resolve", "CNTT"], [0, 0, 1, 2]),
        // `deadline` explains a phrase and reads no tree at all.
        (vec!["deadline", "Quý I/2024"], [0, 0, 0, 0]),
    ];
    let mut table = Vec::new();
    for (args, expected) in &commands {
        let mut missing_args = args.clone();
        missing_args.extend(["--plans", "no-such-folder"]);
        let missing = run(&good, &missing_args);
        let got = [
            code_of(&run(&good, args)),
            code_of(&run(&plan_error, args)),
            code_of(&run(&registry_error, args)),
            code_of(&missing),
        ];
        if got != *expected {
            table.push(format!("{args:?}: expected {expected:?}, got {got:?}"));
        }
        if expected[3] == 2 {
            let message = stderr(&missing);
            if !message.contains("cannot read the plans folder `no-such-folder`")
                || !missing.stdout.is_empty()
            {
                table.push(format!(
                    "{args:?} without a tree: stdout {:?}, stderr {message:?}",
                    stdout(&missing)
                ));
            }
        }
    }
    // A plans path that is a file, not a folder: also a tree that cannot be read.
    let output = run(&good, &["plans", "--plans", "a.toml"]);
    if code_of(&output) != 2 {
        table.push(format!("--plans a.toml: exit {}", code_of(&output)));
    }
    assert!(table.is_empty(), "{}", table.join("\n"));
}
