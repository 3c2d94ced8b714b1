//! The on-disk cache never gives a stale or wrong answer: files edited, added, deleted and
//! renamed between runs, a cache truncated or corrupted, two runs at once, --no-cache.

mod common;

use std::path::PathBuf;

use common::{HEADER, Tree};

fn task(id: &str, lead: &str, deadline: &str) -> String {
    format!(
        "[[task]]\nid = \"{id}\"\ncontent = \"Nhiệm vụ {id}\"\nlead = [\"{lead}\"]\ndeadline = \"{deadline}\"\n"
    )
}

fn plan(number: &str, tasks: &[String]) -> String {
    format!(
        "{}\n{}",
        HEADER.replace("1/KH-BHXH", number),
        tasks.join("\n")
    )
}

/// A tree of a few plans, and the answers with and without the cache.
struct Case {
    tree: Tree,
}

impl Case {
    fn new() -> Self {
        let tree = Tree::new();
        for i in 0..6 {
            tree.file(
                &format!("p/{i}.toml"),
                &plan(
                    &format!("{i}/KH"),
                    &[
                        task("1", "CNTT", "30/6/2017"),
                        task("2", "PC", "Quý IV/2017"),
                        task("3", "THU", "Quý III/2017") + "support = [\"CNTT\"]\n",
                    ],
                ),
            );
        }
        Case { tree }
    }

    fn run(&self, args: &[&str], no_cache: bool) -> (i32, String) {
        let mut cmd = self.tree.cmd(args);
        if no_cache {
            cmd.arg("--no-cache");
        }
        let output = cmd
            .args(["--format", "json", "--today", "2018-01-10"])
            .output()
            .unwrap();
        (
            output.status.code().unwrap(),
            String::from_utf8(output.stdout).unwrap(),
        )
    }

    /// Every command answers the same through the cache as without it.
    fn agree(&self) {
        for args in [
            &["check"][..],
            &["overdue", "--unit", "CNTT"],
            &["overdue", "--unit", "CNTT", "--role", "support"],
            &["overdue", "--unit", "CNTT", "--role", "any"],
            &["upcoming", "--unit", "PC", "--within", "12m"],
            &["tasks", "--unit", "THU"],
            &["tasks"],
            &["workload"],
            &["plans"],
        ] {
            let cold = self.run(args, true);
            let warm = self.run(args, false);
            assert_eq!(warm, cold, "{args:?}");
            // Once more, now surely from the cache.
            assert_eq!(self.run(args, false), cold, "{args:?}");
        }
    }

    fn cache_files(&self) -> Vec<PathBuf> {
        let dir = self.tree.path().join(".cache");
        std::fs::read_dir(dir)
            .map(|d| d.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default()
    }
}

#[test]
fn a_warm_run_writes_a_cache_and_answers_like_a_cold_one() {
    let case = Case::new();
    case.agree();
    let files = case.cache_files();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].extension().is_some_and(|e| e == "cache"));
}

/// CI only checks; the cache it leaves answers the queries that follow, and a check after
/// an edit keeps the cache whole for them.
#[test]
fn a_check_leaves_a_cache_that_queries_answer_from() {
    let case = Case::new();
    case.run(&["check"], false);
    assert_eq!(case.cache_files().len(), 1);
    let cold = case.run(&["overdue", "--unit", "CNTT"], true);
    assert_eq!(case.run(&["overdue", "--unit", "CNTT"], false), cold);
    case.tree
        .file("p/0.toml", &plan("0/KH", &[task("9", "CNTT", "1/1/2017")]));
    case.run(&["check"], false);
    let cold = case.run(&["overdue", "--unit", "CNTT"], true);
    assert!(cold.1.contains("\"task\": \"9\""), "{}", cold.1);
    assert_eq!(case.run(&["overdue", "--unit", "CNTT"], false), cold);
}

#[test]
fn a_unit_query_from_the_cache_keeps_each_task_of_the_unit_in_its_role() {
    let case = Case::new();
    case.run(&["check"], false);
    let ids = |args: &[&str]| -> Vec<String> {
        let (_, out) = case.run(args, false);
        let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
        let rows = rows.as_array().unwrap();
        rows.iter()
            .map(|r| r["task"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&["overdue", "--unit", "CNTT"]), vec!["1"; 6]);
    assert_eq!(
        ids(&["overdue", "--unit", "CNTT", "--role", "support"]),
        vec!["3"; 6]
    );
    let any = ids(&["overdue", "--unit", "CNTT", "--role", "any"]);
    assert_eq!(any.iter().filter(|id| *id == "1").count(), 6);
    assert_eq!(any.iter().filter(|id| *id == "3").count(), 6);
    assert_eq!(any.len(), 12);
}

#[test]
fn diagnostics_from_the_cache_show_the_same_source_lines() {
    let case = Case::new();
    case.tree.file(
        "p/2.toml",
        &plan(
            "2/KH",
            &[
                task("1", "CNNT", "30/6/2017"),
                task("2", "PC", "Tháng 13/2017"),
            ],
        ),
    );
    let human = |no_cache: bool| {
        let mut cmd = case
            .tree
            .cmd(&["check", "--color", "never", "--today", "2018-01-10"]);
        if no_cache {
            cmd.arg("--no-cache");
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    let cold = human(true);
    assert!(
        cold.contains("lead = [\"CNNT\"]") && cold.contains("Tháng 13/2017"),
        "{cold}"
    );
    human(false);
    assert_eq!(
        human(false),
        cold,
        "read from the cache, without reading the file"
    );
}

#[test]
fn edits_additions_deletions_and_renames_are_seen() {
    let case = Case::new();
    case.agree();
    // Edit keeping the size: a deadline moves by a digit.
    case.tree.file(
        "p/1.toml",
        &plan(
            "1/KH",
            &[
                task("1", "CNTT", "30/6/2019"),
                task("2", "PC", "Quý IV/2017"),
            ],
        ),
    );
    case.agree();
    let (_, overdue) = case.run(&["overdue", "--unit", "CNTT"], false);
    assert!(!overdue.contains("\"plan\": \"1/KH\""), "{overdue}");
    // An error appears, then is fixed.
    case.tree
        .file("p/2.toml", &plan("2/KH", &[task("1", "CNNT", "30/6/2017")]));
    case.agree();
    assert_eq!(case.run(&["check"], false).0, 1);
    case.tree
        .file("p/2.toml", &plan("2/KH", &[task("1", "CNTT", "30/6/2017")]));
    case.agree();
    assert_eq!(case.run(&["check"], false).0, 0);
    // Added, deleted, renamed.
    case.tree.file(
        "p/new.toml",
        &plan("9/KH", &[task("1", "CNTT", "1/1/2018")]),
    );
    case.agree();
    std::fs::remove_file(case.tree.path().join("p/3.toml")).unwrap();
    case.agree();
    std::fs::rename(
        case.tree.path().join("p/4.toml"),
        case.tree.path().join("p/renamed.toml"),
    )
    .unwrap();
    case.agree();
    let (_, plans) = case.run(&["plans"], false);
    assert!(
        plans.contains("p/renamed.toml") && !plans.contains("p/4.toml"),
        "{plans}"
    );
}

#[test]
fn a_changed_registry_or_a_later_clock_is_not_answered_from_the_cache() {
    let case = Case::new();
    case.agree();
    case.tree.file(
        "units.toml",
        &common::UNITS.replace("code = \"PC\"", "code = \"VPC\""),
    );
    case.agree();
    assert_eq!(case.run(&["check"], false).0, 1);
    // A done date after the real date is an error until that day comes; `--today` plays
    // no part in it.
    let done = task("1", "CNTT", "30/6/2017")
        .replace("deadline", "status = \"done\"\ndone = 2018-01-15\ndeadline");
    case.tree.file("units.toml", common::UNITS);
    case.tree.file("p/0.toml", &plan("0/KH", &[done]));
    let run = |clock: &str, today: &str| {
        let output = case
            .tree
            .cmd(&["check", "--format", "json", "--today", today])
            .env("BHXH_PLAN_CLOCK", clock)
            .output()
            .unwrap();
        output.status.code().unwrap()
    };
    assert_eq!(run("2018-01-10", "2018-01-10"), 1);
    assert_eq!(run("2018-01-20", "2018-01-10"), 0);
    assert_eq!(run("2018-01-20", "2018-01-01"), 0);
    assert_eq!(run("2018-01-10", "2018-01-20"), 1);
}

#[test]
fn a_truncated_or_corrupted_cache_is_rebuilt_not_believed() {
    let case = Case::new();
    case.agree();
    let cold = case.run(&["overdue", "--unit", "CNTT"], true);
    for file in case.cache_files() {
        let bytes = std::fs::read(&file).unwrap();
        // Truncated.
        std::fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
        assert_eq!(
            case.run(&["overdue", "--unit", "CNTT"], false),
            cold,
            "{}",
            file.display()
        );
        case.agree();
        // A byte flipped in the middle.
        let mut bytes = std::fs::read(&file).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x5A;
        std::fs::write(&file, &bytes).unwrap();
        assert_eq!(
            case.run(&["overdue", "--unit", "CNTT"], false),
            cold,
            "{}",
            file.display()
        );
        // Emptied, and garbage.
        std::fs::write(&file, b"").unwrap();
        assert_eq!(case.run(&["overdue", "--unit", "CNTT"], false), cold);
        std::fs::write(&file, b"BHXHCCH\0garbage that is not a cache").unwrap();
        assert_eq!(case.run(&["overdue", "--unit", "CNTT"], false), cold);
        case.agree();
    }
}

/// A plan damaged in the cache is never copied into a new cache as if it were sound: a
/// `check` that rewrites the cache (a file was added) drops it, and the next query checks
/// that file again.
#[test]
fn a_damaged_stored_plan_is_not_carried_into_the_next_cache() {
    let case = Case::new();
    case.agree();
    let plans = case.cache_files().pop().unwrap();
    let mut bytes = std::fs::read(&plans).unwrap();
    // Still a plan that decodes, with another task text: only a checksum can tell.
    let at = bytes.windows(4).position(|w| w == b"Nhi\xe1").unwrap();
    bytes[at] = b'M';
    std::fs::write(&plans, &bytes).unwrap();
    case.tree
        .file("p/new.toml", &plan("9/KH", &[task("1", "PC", "Năm 2017")]));
    assert_eq!(case.run(&["check"], false), case.run(&["check"], true));
    let warm = case.run(&["overdue", "--unit", "CNTT"], false);
    assert!(!warm.1.contains("Mhi"), "{}", warm.1);
    assert_eq!(warm, case.run(&["overdue", "--unit", "CNTT"], true));
}

/// A run stopped before it renamed its cache into place (Ctrl-C during a first query)
/// leaves temporary files; a later run removes those untouched for an hour, and leaves
/// alone those of a run that may still be writing, and files not its own.
#[test]
fn temporary_files_left_by_a_stopped_run_are_removed() {
    let case = Case::new();
    case.agree();
    let dir = case.tree.path().join(".cache");
    let file = |name: &str, age_secs: u64| {
        let path = dir.join(name);
        let handle = std::fs::File::create(&path).unwrap();
        let time = std::time::SystemTime::now() - std::time::Duration::from_secs(age_secs);
        handle.set_modified(time).unwrap();
        path
    };
    let stale = [
        file("0123456789abcdef.cache.4242.tmp", 2 * 3600),
        file("fedcba9876543210.cache.4243.tmp", 2 * 3600),
    ];
    let live = file("0123456789abcdef.cache.4343.tmp", 60);
    let foreign = file("notes.tmp", 2 * 3600);
    case.run(&["check"], false);
    for path in &stale {
        assert!(!path.exists(), "{}", path.display());
    }
    assert!(live.exists() && foreign.exists());
    case.agree();
}

#[test]
fn two_runs_at_once_never_disagree() {
    let case = Case::new();
    let cold = case.run(&["tasks"], true);
    for round in 0..4 {
        if round % 2 == 1 {
            case.tree.file(
                "p/5.toml",
                &plan("5/KH", &[task(&format!("r{round}"), "CNTT", "1/1/2018")]),
            );
        }
        let expected = case.run(&["tasks"], true);
        let children: Vec<_> = (0..3)
            .map(|_| {
                let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("bhxh-plan"));
                cmd.current_dir(case.tree.path())
                    .env("BHXH_PLAN_DIR", ".")
                    .env("BHXH_PLAN_CACHE_DIR", case.tree.path().join(".cache"))
                    .env_remove("BHXH_PLAN_NO_CACHE")
                    .args(["tasks", "--format", "json", "--today", "2018-01-10"])
                    .stdout(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert_eq!(String::from_utf8(output.stdout).unwrap(), expected.1);
        }
        assert_eq!(case.run(&["tasks"], false), expected);
    }
    assert_ne!(cold, case.run(&["tasks"], false));
}

#[test]
fn no_cache_writes_no_cache() {
    let case = Case::new();
    case.run(&["check"], true);
    case.run(&["overdue"], true);
    assert!(case.cache_files().is_empty());
}

#[test]
fn a_query_showing_errors_only_leaves_the_warnings_in_the_cache_for_check() {
    let case = Case::new();
    // A file with a warning only (an event without its date) and one with an error.
    case.tree.file(
        "p/1.toml",
        &plan("1/KH", &[task("1", "CNTT", "Khi phương án được phê duyệt")]),
    );
    case.tree
        .file("p/2.toml", &plan("2/KH", &[task("1", "CNNT", "30/6/2017")]));
    let stderr = |args: &[&str], no_cache: bool| {
        let mut cmd = case.tree.cmd(args);
        if no_cache {
            cmd.arg("--no-cache");
        }
        let output = cmd.args(["--today", "2018-01-10"]).output().unwrap();
        String::from_utf8(output.stderr).unwrap()
    };
    let check = ["check"];
    let query = ["overdue", "--unit", "CNTT"];
    let cold_check = case.run(&check, true);
    assert!(cold_check.1.contains("W002") && cold_check.1.contains("E011"));
    let cold_query = stderr(&query, true);
    assert!(cold_query.contains("CNNT"), "{cold_query}");
    // Check, query and check again, each through the cache the one before left.
    assert_eq!(case.run(&check, false), cold_check);
    assert_eq!(stderr(&query, false), cold_query);
    assert_eq!(stderr(&query, false), cold_query);
    assert_eq!(case.run(&check, false), cold_check);
    // A file edited between a query and a check is checked whole again.
    case.tree.file(
        "p/3.toml",
        &plan("3/KH", &[task("1", "PC", "Sau khi Quyết định được ký")]),
    );
    assert_eq!(stderr(&query, false), stderr(&query, true));
    assert_eq!(case.run(&check, false), case.run(&check, true));
}
