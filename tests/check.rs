//! `bhxh-plan check` on fixture trees: every rule broken once, located to line and column;
//! the three output formats; exit codes.

mod common;

use common::{GOOD_TASK, HEADER, Tree, bin, located};

fn plan(tasks: &str) -> String {
    format!("{HEADER}\n{tasks}")
}

/// Checks a one-plan tree and returns the located diagnostics.
fn diagnose(text: &str) -> (i32, Vec<(String, String, u64, u64)>) {
    let tree = Tree::new();
    tree.file("a.toml", text);
    let (code, diags) = tree.diagnostics();
    (code, diags.iter().map(located).collect())
}

fn one(code: &str, line: u64, column: u64) -> Vec<(String, String, u64, u64)> {
    vec![(code.to_string(), "a.toml".to_string(), line, column)]
}

#[test]
fn a_valid_tree_passes_with_exit_0() {
    let (code, diags) = diagnose(&plan(GOOD_TASK));
    assert_eq!(diags, vec![]);
    assert_eq!(code, 0);
}

#[test]
fn misspelt_unit_missing_deadline_and_unknown_key_are_reported_together() {
    let text = plan(
        r#"
[[task]]
id = "1"
content = "Nâng cấp phần mềm"
lead = ["CNNT"]
dealine = "Quý I/2024"
"#,
    );
    let tree = Tree::new();
    tree.file("a.toml", &text);
    let (code, diags) = tree.diagnostics();
    assert_eq!(code, 1);
    let found: Vec<_> = diags.iter().map(located).collect();
    assert_eq!(
        found,
        vec![
            ("E010".into(), "a.toml".into(), 8, 6),
            ("E011".into(), "a.toml".into(), 10, 9),
            ("E004".into(), "a.toml".into(), 11, 1),
        ]
    );
    let messages: Vec<&str> = diags
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages[1].contains("did you mean `CNTT`"),
        "{}",
        messages[1]
    );
    assert!(
        messages[2].contains("did you mean `deadline`"),
        "{}",
        messages[2]
    );
}

#[test]
fn rule_1_invalid_toml_is_located() {
    let (code, diags) = diagnose("[plan]\nnumber = \"1\ntitle = \"x\"\n");
    assert_eq!(code, 1);
    assert_eq!(diags[0].0, "E003");
    assert_eq!(diags[0].2, 2);
}

#[test]
fn rule_1_a_wrong_type_is_located() {
    let text = plan(&GOOD_TASK.replace(
        "lead = [\"CNTT\"]",
        "lead = [\"CNTT\"]\ndone = \"2017-05-01\"",
    ));
    let (_, diags) = diagnose(&text);
    assert_eq!(diags, one("E005", 11, 8));
}

#[test]
fn rule_2_plan_header_fields_are_required() {
    let (_, diags) = diagnose(&format!("[plan]\nnumber = \"1/KH\"\n{GOOD_TASK}"));
    let codes: Vec<_> = diags.iter().map(|d| (d.0.as_str(), d.2)).collect();
    assert_eq!(codes, [("E006", 1), ("E006", 1)]);
}

#[test]
fn rule_2_a_number_twice_for_one_issuer_is_an_error_but_not_across_issuers() {
    let tree = Tree::new();
    tree.file("a.toml", &plan(GOOD_TASK));
    tree.file("b/b.toml", &plan(GOOD_TASK));
    let other_issuer =
        plan(GOOD_TASK).replace("[plan]\n", "[plan]\nissuer = \"BHXH tỉnh Quảng Ngãi\"\n");
    tree.file("c.toml", &other_issuer);
    let (code, diags) = tree.diagnostics();
    assert_eq!(code, 1);
    let found: Vec<_> = diags.iter().map(located).collect();
    assert_eq!(
        found,
        vec![
            ("E007".into(), "a.toml".into(), 2, 10),
            ("E007".into(), "b/b.toml".into(), 2, 10),
        ]
    );
    // Each names the other file, so that either can be found from the other's report.
    let messages: Vec<&str> = diags
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages[0].ends_with("is also defined in `b/b.toml`"),
        "{messages:?}"
    );
    assert!(
        messages[1].ends_with("is also defined in `a.toml`"),
        "{messages:?}"
    );
}

#[test]
fn rule_3_task_ids_are_unique() {
    let (_, diags) = diagnose(&plan(&format!("{GOOD_TASK}{GOOD_TASK}")));
    assert_eq!(diags, one("E008", 14, 6));
}

#[test]
fn rule_3_a_task_needs_a_lead() {
    // Written empty: the caret is on the `[]`.
    let (_, diags) = diagnose(&plan(&GOOD_TASK.replace("lead = [\"CNTT\"]", "lead = []")));
    assert_eq!(diags, one("E009", 10, 8));
    // Not written: on the task's `id`.
    let (_, diags) = diagnose(&plan(&GOOD_TASK.replace("lead = [\"CNTT\"]\n", "")));
    assert_eq!(diags, one("E009", 8, 6));
}

#[test]
fn rule_3_a_task_needs_a_deadline_but_may_inherit_one() {
    let no_deadline = GOOD_TASK.replace("deadline = \"Quý I/2024\"\n", "");
    let (_, diags) = diagnose(&plan(&no_deadline));
    assert_eq!(diags, one("E010", 8, 6));

    let with_default = format!("{HEADER}\n[defaults]\ndeadline = \"Năm 2017\"\n{no_deadline}");
    assert_eq!(diagnose(&with_default).1, vec![]);

    let with_stages = format!(
        "{no_deadline}\n[[task.milestone]]\nwhat = \"Giai đoạn 1\"\ndeadline = \"Năm 2017\"\n"
    );
    assert_eq!(diagnose(&plan(&with_stages)).1, vec![]);
}

#[test]
fn rule_4_an_unknown_unit_names_the_nearest() {
    let (_, diags) = diagnose(&plan(&GOOD_TASK.replace(
        "lead = [\"CNTT\"]",
        "lead = [\"CNTT\"]\nsupport = [\"Vu Phap che\", \"Ban Thuu\"]",
    )));
    assert_eq!(diags, one("E011", 11, 27));
}

#[test]
fn rule_4_a_vague_lead_is_a_warning_that_passes_unless_denied() {
    let tree = Tree::new();
    tree.file(
        "a.toml",
        &plan(&GOOD_TASK.replace("[\"CNTT\"]", "[\"Các đơn vị liên quan\"]")),
    );
    let (code, diags) = tree.diagnostics();
    assert_eq!(
        (code, located(&diags[0])),
        (0, ("W001".into(), "a.toml".into(), 10, 9))
    );
    tree.cmd(&["check", "--deny-warnings"]).assert().code(1);
}

fn fine_on(day: &str) -> String {
    GOOD_TASK.replace("lead", &format!("status = \"done\"\ndone = {day}\nlead"))
}

#[test]
fn rule_6_done_needs_a_date_inside_the_plan_life() {
    let done_no_date = GOOD_TASK.replace("lead", "status = \"done\"\nlead");
    assert_eq!(diagnose(&plan(&done_no_date)).1, one("E013", 10, 10));

    let too_early = GOOD_TASK.replace("lead", "status = \"done\"\ndone = 2016-01-01\nlead");
    assert_eq!(diagnose(&plan(&too_early)).1, one("E014", 11, 8));

    // The fixtures' clock (BHXH_PLAN_CLOCK) says it is 2024-06-30.
    let future = GOOD_TASK.replace("lead", "status = \"done\"\ndone = 2024-07-01\nlead");
    assert_eq!(diagnose(&plan(&future)).1, one("E014", 11, 8));

    // A date after `--today` but not after the clock is no typo: on that day it was
    // simply not known yet, and `check` does not depend on the day asked about.
    let tree = Tree::new();
    tree.file("a.toml", &plan(&fine_on("2024-06-20")));
    let output = tree
        .cmd(&["check", "--today", "2024-01-01"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");

    let fine = GOOD_TASK.replace("lead", "status = \"done\"\ndone = 2024-06-30\nlead");
    assert_eq!(diagnose(&plan(&fine)).1, vec![]);
}

#[test]
fn rule_6_an_unknown_status_lists_the_valid_ones() {
    let tree = Tree::new();
    tree.file(
        "a.toml",
        &plan(&GOOD_TASK.replace("lead", "status = \"finished\"\nlead")),
    );
    let (_, diags) = tree.diagnostics();
    assert_eq!(located(&diags[0]), ("E005".into(), "a.toml".into(), 10, 10));
    assert!(diags[0]["help"].as_str().unwrap().contains("`in-progress`"));
}

#[test]
fn rule_7_the_ditto_mark_is_refused() {
    let (_, diags) = diagnose(&plan(&GOOD_TASK.replace("\"Quý I/2024\"", "\"nt\"")));
    assert_eq!(diags, one("E015", 11, 12));
}

#[test]
fn a_task_in_an_undefined_section_is_an_error() {
    let text = format!(
        "{HEADER}\n[[section]]\nid = \"I\"\ntitle = \"Phần I\"\n{}",
        GOOD_TASK.replace("content", "section = \"II\"\ncontent")
    );
    assert_eq!(diagnose(&text).1, one("E016", 12, 11));
}

#[test]
fn the_registry_is_checked_too() {
    let tree = Tree::bare();
    tree.file(
        "units.toml",
        "[[unit]]\ncode = \"A\"\nname = \"Alpha\"\nkind = \"centrl\"\nsuccessor = \"B\"\n",
    );
    let (code, diags) = tree.diagnostics();
    assert_eq!(code, 1);
    let found: Vec<_> = diags.iter().map(located).collect();
    assert_eq!(found[0], ("E005".into(), "units.toml".into(), 4, 8));
}

#[test]
fn a_missing_registry_is_reported_at_its_expected_path() {
    let tree = Tree::bare();
    tree.file("a.toml", &plan(GOOD_TASK));
    let (code, diags) = tree.diagnostics();
    assert_eq!(code, 1);
    assert_eq!(
        located(&diags[0]),
        ("E017".into(), "units.toml".into(), 1, 1)
    );
}

#[test]
fn a_windows_file_with_bom_and_crlf_keeps_its_line_numbers() {
    let text = plan(&GOOD_TASK.replace("[\"CNTT\"]", "[\"CNNT\"]")).replace('\n', "\r\n");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    let tree = Tree::new();
    tree.bytes("a.toml", &bytes);
    let (_, diags) = tree.diagnostics();
    assert_eq!(
        diags.iter().map(located).collect::<Vec<_>>(),
        one("E011", 10, 9)
    );
}

#[test]
fn bytes_that_are_not_utf8_are_located() {
    let tree = Tree::new();
    tree.bytes("a.toml", b"[plan]\nnumber = \"\xFF\"\n");
    let (code, diags) = tree.diagnostics();
    assert_eq!(
        (code, located(&diags[0])),
        (1, ("E002".into(), "a.toml".into(), 2, 11))
    );
}

/// `--grep` folds the glossary's abbreviations: one that does not read fails `check` at its
/// fault, and a query goes on without it, saying why.
#[test]
fn a_glossary_that_does_not_read_fails_check_and_grep_goes_on_without_it() {
    let tree = Tree::new();
    tree.file("a.toml", &plan(GOOD_TASK));
    tree.file(
        "glossary.toml",
        "[[term]]\nshort = \"DVC\"\nlong = [\"dịch vụ công\"]\n\n[[term]]\nshort = 5\n",
    );
    let (code, diags) = tree.diagnostics();
    assert_eq!(code, 1);
    let found: Vec<_> = diags.iter().map(located).collect();
    assert_eq!(found, [("E022".into(), "glossary.toml".into(), 6, 9)]);
    let output = tree.cmd(&["tasks", "--grep", "dvc"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("glossary.toml:6:9"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn check_files_limits_per_file_rules_to_those_files() {
    let tree = Tree::new();
    tree.file("good.toml", &plan(GOOD_TASK));
    tree.file(
        "bad.toml",
        &plan(&GOOD_TASK.replace("CNTT", "XXXX")).replace("1/KH", "2/KH"),
    );
    tree.cmd(&["check", "good.toml"]).assert().code(0);
    tree.cmd(&["check", "bad.toml"]).assert().code(1);
    let missing = tree.cmd(&["check", "nowhere.toml"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(stderr.contains("`nowhere.toml` does not exist"), "{stderr}");
    tree.file("notes.txt", "");
    let other = tree.cmd(&["check", "notes.txt"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&other.stderr);
    assert!(
        stderr.contains("`notes.txt` is not a plan file"),
        "{stderr}"
    );
}

#[test]
fn a_missing_plans_folder_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let assert = bin()
        .current_dir(dir.path())
        .args(["check", "--plans", "nope"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains("cannot read the plans folder `nope`"),
        "{stderr}"
    );
}

#[test]
fn bad_usage_exits_2() {
    bin()
        .args(["check", "--format", "nonsense"])
        .assert()
        .code(2);
    bin().args(["frobnicate"]).assert().code(2);
}

fn broken_tree() -> Tree {
    let tree = Tree::new();
    tree.file(
        "a.toml",
        &plan(
            &GOOD_TASK
                .replace("[\"CNTT\"]", "[\"CNNT\"]")
                .replace("lead", "priority = 1\nlead"),
        ),
    );
    tree
}

#[test]
fn human_output_shows_the_source_line_and_a_caret() {
    let output = broken_tree()
        .cmd(&["check", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "checked 2 files: 2 errors, 0 warnings\n"
    );
}

#[test]
fn github_output_is_one_annotation_per_diagnostic() {
    let output = broken_tree()
        .cmd(&["check", "--format", "github"])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn json_output_has_the_stable_fields() {
    let (_, diags) = broken_tree().diagnostics();
    insta::assert_json_snapshot!(diags);
}

#[test]
fn color_always_colours_and_never_does_not() {
    let coloured = broken_tree()
        .cmd(&["check", "--color", "always"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&coloured.stdout).contains("\u{1b}["));
    let plain = broken_tree()
        .cmd(&["check", "--color", "never"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("\u{1b}["));
}

#[test]
fn rule_5_an_unreadable_deadline_points_inside_the_string() {
    let (code, diags) = diagnose(&plan(&GOOD_TASK.replace("Quý I/2024", "Tháng 13/2024")));
    assert_eq!(code, 1);
    // `deadline = "Tháng 13/2024"`: the caret is on `13`, column 19.
    assert_eq!(diags, one("E012", 11, 19));
}

#[test]
fn rule_6_a_milestone_reported_in_progress_after_its_task_was_done_warns_on_that_entry() {
    let done = GOOD_TASK.replace(
        "deadline = \"Quý I/2024\"\n",
        "deadline = \"Quý I/2024\"\nstatus = \"done\"\ndone = 2024-03-20\n",
    );
    let stages = |reported: &str| {
        format!(
            "\n[[task.milestone]]\nwhat = \"Giai đoạn 1\"\nstatus = \"done\"\ndone = 2024-03-01\n\n\
             [[task.milestone]]\nwhat = \"Giai đoạn 2\"\nstatus = \"in-progress\"\n\n\
             [[task.milestone.progress]]\non = {reported}\nstatus = \"in-progress\"\n"
        )
    };
    // Reported after the task's `done`: the entry's status, line 26 from column 10; exit 0.
    assert_eq!(
        diagnose(&plan(&format!("{done}{}", stages("2024-03-25")))),
        (0, one("W005", 26, 10))
    );
    // Reported before it: the task's later report closed the stage, and says nothing odd.
    assert_eq!(
        diagnose(&plan(&format!("{done}{}", stages("2024-03-10")))),
        (0, vec![])
    );
    // A stage never reported is closed by its task's report.
    let untouched = "\n[[task.milestone]]\nwhat = \"Giai đoạn 1\"\n";
    assert_eq!(diagnose(&plan(&format!("{done}{untouched}"))), (0, vec![]));
}

#[test]
fn rule_5_an_event_without_due_warns_and_a_due_silences_it() {
    let event = GOOD_TASK.replace("Quý I/2024", "Khi phương án được phê duyệt");
    let tree = Tree::new();
    tree.file("a.toml", &plan(&event));
    let (code, diags) = tree.diagnostics();
    assert_eq!(
        (code, located(&diags[0])),
        (0, ("W002".into(), "a.toml".into(), 11, 12))
    );
    assert!(
        diags[0]["help"]
            .as_str()
            .unwrap()
            .contains("add `due = YYYY-MM-DD`")
    );

    let with_due = event.replace("lead", "due = 2024-09-01\nlead");
    assert_eq!(diagnose(&plan(&with_due)).1, vec![]);
}

#[test]
fn rule_5_a_bad_default_deadline_is_reported_once() {
    let no_deadline = GOOD_TASK.replace("deadline = \"Quý I/2024\"\n", "");
    let second = no_deadline.replace("id = \"1\"", "id = \"2\"");
    let text = format!("{HEADER}\n[defaults]\ndeadline = \"Quý V/2017\"\n{no_deadline}{second}");
    assert_eq!(diagnose(&text).1, one("E012", 7, 17));
}

#[test]
fn a_successor_cycle_is_an_error_at_the_successor_that_closes_it() {
    let tree = Tree::bare();
    tree.file(
        "units.toml",
        r#"[[unit]]
code = "AAA"
name = "Ban A"
successor = "BBB"

[[unit]]
code = "BBB"
name = "Ban B"
successor = "AAA"

[[unit]]
code = "CCC"
successor = "CCC"
name = "Ban C"
"#,
    );
    let (code, diags) = tree.diagnostics();
    assert_eq!(code, 1);
    let found: Vec<_> = diags.iter().map(located).collect();
    assert_eq!(
        found,
        [
            ("E017".into(), "units.toml".into(), 4, 13),
            ("E017".into(), "units.toml".into(), 13, 13)
        ]
    );
    let messages: Vec<&str> = diags
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages[0].contains("`AAA` → `BBB` → `AAA`"),
        "{messages:?}"
    );
    assert!(messages[1].contains("`CCC` → `CCC`"), "{messages:?}");
}

#[test]
fn a_unit_with_a_bad_kind_is_still_a_code_successors_may_name() {
    let tree = Tree::bare();
    tree.file(
        "units.toml",
        "[[unit]]\ncode = \"AAA\"\nname = \"Ban A\"\nkind = \"centrall\"\n\n\
         [[unit]]\ncode = \"BBB\"\nname = \"Ban B\"\nsuccessor = \"AAA\"\n",
    );
    let (code, diags) = tree.diagnostics();
    assert_eq!(code, 1);
    let found: Vec<_> = diags.iter().map(located).collect();
    assert_eq!(found, [("E005".into(), "units.toml".into(), 4, 8)]);
}
