//! Every example in README.md and docs/manual.md is the real output of the command it shows.
//!
//! The convention: a fenced block opened with ```` ```console ```` whose first line is
//! `$ bhxh-plan ARGS…` and whose other lines are exactly what that command prints on
//! stdout (stderr is not shown). ARGS are split as a shell would split simple words: on
//! spaces, with `"…"` or `'…'` quoting. Every `console` block must follow it; other
//! illustrations use `text`, `sh` or `toml` blocks, which are not run.
//!
//! Each example runs the built binary from the repository root, so the default `plans/`
//! is read, with `COLUMNS=100`, `NO_COLOR=1`, a temporary cache folder and no other
//! `BHXH_PLAN_*` variable. An example that writes (`progress`, `extend`, `form`, `apply`)
//! runs instead in a temporary folder holding a copy of `plans/`, one copy for all of them
//! in the README's order, so the repository's plans (and folder) stay as they are. So that nothing
//! depends on the clock, every example passes `--today` (a `deadline` example may pass
//! `--year` or `--issued` instead, one that writes `--on`). An example that exits 2 (bad
//! usage) fails.
//!
//! When the output changes on purpose (the terminal table layout, which the rewrite of
//! `render` for issue 17 changes, for one), regenerate the blocks and review the difference:
//!
//! ```sh
//! UPDATE_README=1 cargo test --test readme
//! git diff README.md
//! ```

use std::path::Path;

use assert_cmd::Command;

/// One `console` block of the README.
struct Example {
    /// Index of the `$ bhxh-plan …` line in the README's lines.
    command_line: usize,
    /// Index of the closing fence.
    fence_end: usize,
    /// The command as the README writes it, after the `$ `.
    command: String,
    args: Vec<String>,
    expected: String,
}

const OPEN: &str = "```console";
const CLOSE: &str = "```";
const PROMPT: &str = "$ bhxh-plan ";

fn examples(file: &str, lines: &[&str]) -> Vec<Example> {
    let mut examples = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim_end() != OPEN {
            i += 1;
            continue;
        }
        let command_line = i + 1;
        let command = lines.get(command_line).copied().unwrap_or_default();
        let Some(args) = command.strip_prefix(PROMPT) else {
            panic!(
                "{file}:{}: a `console` block must start with `{PROMPT}ARGS…`, found {command:?}",
                command_line + 1
            );
        };
        let fence_end = (command_line + 1..lines.len())
            .find(|&j| lines[j].trim_end() == CLOSE)
            .unwrap_or_else(|| panic!("{file}:{}: unclosed block", i + 1));
        let output = &lines[command_line + 1..fence_end];
        let expected = if output.is_empty() {
            String::new()
        } else {
            output.join("\n") + "\n"
        };
        examples.push(Example {
            command_line,
            fence_end,
            command: format!("bhxh-plan {args}"),
            args: split_words(args, command_line + 1),
            expected,
        });
        i = fence_end + 1;
    }
    examples
}

/// Splits a command line into words: spaces separate, `"…"` and `'…'` quote.
fn split_words(text: &str, line: usize) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.get_or_insert_with(String::new).push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (None, c) if c.is_whitespace() => words.extend(word.take()),
            (None, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    assert!(quote.is_none(), "line {line}: unbalanced quote");
    words.extend(word);
    words
}

/// Whether the example fixes the day it is run on.
fn fixes_the_day(args: &[String]) -> bool {
    let has = |flag: &str| {
        args.iter()
            .any(|a| a == flag || a.starts_with(&format!("{flag}=")))
    };
    let command = args.first().map(String::as_str);
    has("--today")
        || (command == Some("deadline") && (has("--year") || has("--issued")))
        || (command.is_some_and(writes) && has("--on"))
}

/// Whether the command writes to the plans.
fn writes(command: &str) -> bool {
    matches!(command, "progress" | "extend" | "form" | "apply")
}

/// A temporary folder with a copy of the repository's `plans/`.
fn copy_of_plans(root: &Path) -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(&root.join("plans"), &dir.path().join("plans"));
    dir
}

/// Runs one example; returns its stdout.
fn run(example: &Example, root: &Path, cache: &Path) -> String {
    let line = example.command_line + 1;
    assert!(
        fixes_the_day(&example.args),
        "line {line}: pass `--today` so that the example does not depend on the clock"
    );
    let output = Command::cargo_bin("bhxh-plan")
        .unwrap()
        .current_dir(root)
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .env("BHXH_PLAN_CACHE_DIR", cache)
        .env_remove("BHXH_PLAN_DIR")
        .env_remove("BHXH_PLAN_TODAY")
        .env_remove("BHXH_PLAN_NO_CACHE")
        .args(&example.args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
    assert_ne!(
        output.status.code(),
        Some(2),
        "line {line}: `{}` is a usage error:\n{}",
        example.command,
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.is_empty() || stdout.ends_with('\n'),
        "line {line}: the output does not end with a line break, so no block can show it"
    );
    stdout
}

#[test]
fn every_readme_example_prints_what_the_readme_shows() {
    examples_print_what_they_show("README.md");
}

#[test]
fn every_manual_example_prints_what_the_manual_shows() {
    examples_print_what_they_show("docs/manual.md");
}

/// The `console` blocks of `file` (relative to the repository) against what they print;
/// `UPDATE_README=1` rewrites them.
fn examples_print_what_they_show(file: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme_path = root.join(file);
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let lines: Vec<&str> = readme.lines().collect();
    let examples = examples(file, &lines);
    assert!(!examples.is_empty(), "{file} has no `console` examples");
    let cache = tempfile::tempdir().unwrap();
    let copy = copy_of_plans(root);

    let actual: Vec<String> = examples
        .iter()
        .map(|example| match example.args.first() {
            Some(command) if writes(command) => run(example, copy.path(), cache.path()),
            _ => run(example, root, cache.path()),
        })
        .collect();

    if std::env::var_os("UPDATE_README").is_some_and(|v| v == "1") {
        let mut out: Vec<&str> = Vec::with_capacity(lines.len());
        let mut next = 0;
        for (example, stdout) in examples.iter().zip(&actual) {
            out.extend(&lines[next..=example.command_line]);
            out.extend(stdout.lines());
            next = example.fence_end;
        }
        out.extend(&lines[next..]);
        let text = out.join("\n") + "\n";
        if text != readme {
            std::fs::write(&readme_path, text).unwrap();
        }
        return;
    }

    let mut stale = Vec::new();
    for (example, stdout) in examples.iter().zip(&actual) {
        if *stdout != example.expected {
            stale.push(format!(
                "{file}:{}: `{}`\n--- the file shows:\n{}--- the command prints:\n{}",
                example.command_line + 1,
                example.command,
                example.expected,
                stdout
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "{} example(s) of {file} differ from the real output; if the change is intended, run \
         `UPDATE_README=1 cargo test --test readme` and review `git diff {file}`\n\n{}",
        stale.len(),
        stale.join("\n")
    );
}

#[test]
fn words_split_as_a_shell_splits_simple_ones() {
    assert_eq!(
        split_words(r#"deadline "Quý II, III/2024" --year 2024"#, 1),
        ["deadline", "Quý II, III/2024", "--year", "2024"]
    );
    assert_eq!(split_words("a  'b c'd \"\"", 1), ["a", "b cd", ""]);
}
