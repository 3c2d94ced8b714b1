//! The held-out rounds of issue 22, as data: `held_out/round05.txt` … `round21.txt`.
//!
//! A round is one measurement of the deadline grammar on phrases it was not fitted to. New
//! cells of the kind a plan's “Thời gian hoàn thành” column holds are written with their
//! readings before the grammar is read or changed for them; the grammar is run on them once,
//! and the count that read is the round's estimate. Then the round's rules are written, until
//! every row reads. A round's file keeps all of it: what it probed, the conventions fixed
//! before the run, the count before and after, the rows that failed.
//!
//! The format of a round's file, line by line (blank lines are ignored):
//! - `# text`: prose. At the top of the file, the round's account; right under a section's
//!   header, the rest of that section's description. Nowhere else.
//! - `[name] text`: a section (a table) named `name` (`a-z`, `0-9`, `_`), described by `text`.
//!   A section holds at least one row (a row commented under its `// BEFORE fails` note
//!   counts, until its rule is written); a name is used once in a file.
//! - `// text`: a note among the rows, kept as written: why a reading was chosen, a
//!   `// source: URL` of a real cell, or `// BEFORE fails: what came out` over a row the
//!   grammar did not read before the round's rules.
//! - any other line: a row `phrase | plan year | reading`, the three fields split at ` | ` and
//!   the line trimmed; the reading is in the notation of `tests/deadline_language` (`kind
//!   start..due [dates]`, or `error: message`). A line of another shape fails the test with
//!   its file and line; it is never skipped.
//!
//! A cell a row cannot hold (a line break, a tab, spaces at its ends, invisible or decomposed
//! characters, a ` | ` of its own) stays a Rust tuple checked with
//! [`check`](super::tests::check), in `held_out/roundNN.rs` beside its round's file (rounds 10
//! and 11); the checks that are not rows stay Rust tests too (round 5's below, round 10's
//! table of Tết in `held_out/round10.rs`).
//!
//! To add a round: write `roundNN.txt` (its account and conventions at the top, then the rows
//! with their readings) before reading or changing the grammar for it, and add it to
//! [`rounds!`] below. Run it once. Over each row that fails put `// BEFORE fails: ` and what
//! came out, and comment the row out (`// phrase | year | reading`), so the suite stays green;
//! write the count that read into the account and commit that first. Then write the round's
//! rules in their own commit, uncomment the rows (the `BEFORE fails` notes stay) and add the
//! count after the rules to the account.

use super::tests::{check, reads};

/// Checks every row of a round's file, and panics listing every row that does not read as
/// written and every line that is not of the format, each as `file:line: …`.
#[track_caller]
fn check_round(file: &str, text: &str) {
    let failures = failures(file, text);
    assert!(
        failures.is_empty(),
        "{} failing line(s) in {file}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// What is wrong in `text`, the round's file `file`: one message a line.
fn failures(file: &str, text: &str) -> Vec<String> {
    let mut failures = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    // The line of the open section's header, and whether it has a row yet.
    let mut open: Option<(usize, bool)> = None;
    // Prose (`#`) may follow the top of the file or a header, with nothing between.
    let mut prose = true;
    let empty = |failures: &mut Vec<String>, open: Option<(usize, bool)>| {
        if let Some((header, false)) = open {
            failures.push(format!("{file}:{header}: a section with no rows"));
        }
    };
    for (index, line) in text.lines().enumerate() {
        let at = format!("{file}:{}", index + 1);
        let line = line.trim();
        if line.starts_with('#') {
            if !prose {
                failures.push(format!(
                    "{at}: prose (`#`) only at the top or under a header"
                ));
            }
            continue;
        }
        prose = false;
        if line.starts_with("// BEFORE fails:")
            && let Some((_, has_rows)) = open.as_mut()
        {
            // The row it marks, commented until its rule is written, is the section's.
            *has_rows = true;
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        if let Some(header) = line.strip_prefix('[') {
            let name = header.split_once(']').map_or("", |(name, _)| name);
            let valid = name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if name.is_empty() || !valid {
                failures.push(format!("{at}: not a section header `[name] text`: {line}"));
            } else if names.contains(&name) {
                failures.push(format!("{at}: a second section `[{name}]`"));
            }
            names.push(name);
            empty(&mut failures, open);
            open = Some((index + 1, false));
            prose = true;
            continue;
        }
        match open.as_mut() {
            None => failures.push(format!("{at}: a row before the first section: {line}")),
            Some((_, has_rows)) => *has_rows = true,
        }
        let fields: Vec<&str> = line.split(" | ").collect();
        let [phrase, year, want] = fields[..] else {
            failures.push(format!(
                "{at}: not a row `phrase | plan year | reading` ({} fields): {line}",
                fields.len()
            ));
            continue;
        };
        let Ok(year) = year.parse::<i32>() else {
            failures.push(format!("{at}: `{year}` is not a plan year: {line}"));
            continue;
        };
        if phrase.is_empty() || want.is_empty() {
            failures.push(format!("{at}: a row with an empty field: {line}"));
            continue;
        }
        let got = reads(phrase, year);
        if got != want {
            failures.push(format!("{at}: {phrase}: expected {want}, got {got}"));
        }
    }
    empty(&mut failures, open);
    failures
}

/// One test a round's file, named as the file.
macro_rules! rounds {
    ($($round:ident),* $(,)?) => {
        /// The files of the rounds, as [`rounds!`] checks them.
        const FILES: &[&str] = &[$(concat!(stringify!($round), ".txt")),*];
        $(
            #[test]
            fn $round() {
                let file = concat!(stringify!($round), ".txt");
                check_round(file, include_str!(concat!("held_out/", stringify!($round), ".txt")));
            }
        )*
    };
}

rounds!(
    round05, round06, round07, round08, round09, round10, round11, round12, round13, round14,
    round15, round16, round17, round18, round19, round20, round21
);

/// A round's file added to `held_out/` is checked only once it is in [`rounds!`].
#[test]
fn every_round_file_is_checked() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/deadline/grammar/held_out");
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .expect("the held-out directory")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".txt"))
        .collect();
    found.sort();
    assert_eq!(found, FILES);
}

/// A reading that differs and a line of another shape are each reported with their line, all
/// of them, none skipped.
#[test]
fn every_failing_line_is_reported_with_its_line() {
    let text = "# A round.\n#\n# Its account.\n\n[demo] Rows.\n# More of the description.\n\
        abc | 2025 | error: cannot read `abc` as a deadline\n// a note\n\
        Năm 2025 | 2025 | month 2025-01-01..2025-12-31 [2025-12-31]\nNăm 2025 | 2025\n\
        Năm 2025 | năm nay | year 2025-01-01..2025-12-31 [2025-12-31]\n# prose\n\
        [demo] Again.\n[Bad name]\n";
    assert_eq!(
        failures("demo.txt", text),
        [
            "demo.txt:9: Năm 2025: expected month 2025-01-01..2025-12-31 [2025-12-31], got year \
             2025-01-01..2025-12-31 [2025-12-31]",
            "demo.txt:10: not a row `phrase | plan year | reading` (2 fields): Năm 2025 | 2025",
            "demo.txt:11: `năm nay` is not a plan year: Năm 2025 | năm nay | year \
             2025-01-01..2025-12-31 [2025-12-31]",
            "demo.txt:12: prose (`#`) only at the top or under a header",
            "demo.txt:13: a second section `[demo]`",
            "demo.txt:14: not a section header `[name] text`: [Bad name]",
            "demo.txt:13: a section with no rows",
            "demo.txt:14: a section with no rows",
        ]
    );
    assert_eq!(
        failures("x.txt", "Quý I/2025 | 2025 | quarter\n"),
        [
            "x.txt:1: a row before the first section: Quý I/2025 | 2025 | quarter",
            "x.txt:1: Quý I/2025: expected quarter, got quarter 2025-01-01..2025-03-31 [2025-03-31]",
        ]
    );
}

/// Round 5's check that is not rows.
mod round05 {
    use super::reads;

    /// Nonsense stays an error, with a message that says why, whatever the new rules allow
    /// (the rows: `[nonsense_still_does_not_read]` in round05.txt).
    #[test]
    fn nonsense_still_does_not_read() {
        // Words that only begin a dependency or a series name nothing.
        for alone in ["Theo", "Tùy", "Căn cứ", "Hằng", "Định kỳ", "Mỗi", "Mới"] {
            assert!(reads(alone, 2025).starts_with("error"), "{alone}");
        }
    }
}

mod round10;
mod round11;
