//! What an existing plan file records that an appendix cannot carry: `import --force`
//! writes a new file from the appendix alone, so all of this would be gone without a
//! word. The app refuses to overwrite a file that records any of it unless told to
//! discard it (DESIGN §9).

use std::collections::{BTreeMap, BTreeSet};

use toml::{Table, Value};

use super::draft::is_own_comment;

/// Keys of `[plan]` that the appendix's header block gives back; `source` is compared apart.
const PLAN_CARRIED: &[&str] = &["number", "kind", "title", "issuer", "issued", "source"];
/// Keys of a task that the appendix's columns give back, or that are counted apart.
const TASK_CARRIED: &[&str] = &[
    "id",
    "section",
    "content",
    "lead",
    "support",
    "deadline",
    "product",
    "note",
    "milestone",
    "progress",
    "extension",
    "status",
    "done",
];
/// Keys of a milestone that a stage row gives back, or that are counted apart.
const STAGE_CARRIED: &[&str] = &[
    "what",
    "deadline",
    "progress",
    "extension",
    "status",
    "done",
];

/// What an existing plan file holds that importing over it would lose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recorded {
    /// `[[task.progress]]` entries, of tasks and of their milestones.
    pub progress: usize,
    /// The tasks those entries are about (a milestone's count for its task).
    pub progress_tasks: usize,
    pub extensions: usize,
    /// Tasks and milestones whose `status` is not `open`.
    pub statuses: usize,
    /// Tasks and milestones with a `done` date.
    pub done_dates: usize,
    /// Other keys of tasks and milestones that no appendix column gives (`due`, a stage's
    /// `note`), with how many times each occurs.
    pub fields: BTreeMap<String, usize>,
    /// Keys of `[plan]` the header block does not give (`note`, `monitor`, a `source` that
    /// an import did not write).
    pub plan_fields: Vec<String>,
    /// Comment lines that the new file would not have.
    pub comments: usize,
    /// Why the file could not be read as TOML: then what it records cannot be told.
    pub unreadable: Option<String>,
}

impl Recorded {
    /// Nothing would be lost: overwriting is safe.
    pub fn is_empty(&self) -> bool {
        *self == Recorded::default()
    }

    /// "3 progress entries on 2 tasks, 1 extension, the plan's `note`, 40 comment lines".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(why) = &self.unreadable {
            parts.push(format!("text that is not a readable plan file ({why})"));
        }
        if self.progress > 0 {
            parts.push(format!(
                "{} on {}",
                count(self.progress, "progress entry", "progress entries"),
                count(self.progress_tasks, "task", "tasks")
            ));
        }
        if self.extensions > 0 {
            parts.push(count(self.extensions, "extension", "extensions"));
        }
        if self.statuses > 0 {
            parts.push(count(
                self.statuses,
                "status other than open",
                "statuses other than open",
            ));
        }
        if self.done_dates > 0 {
            parts.push(count(self.done_dates, "done date", "done dates"));
        }
        for (field, n) in &self.fields {
            parts.push(format!("{n} × `{field}`"));
        }
        if !self.plan_fields.is_empty() {
            let names: Vec<String> = self.plan_fields.iter().map(|f| format!("`{f}`")).collect();
            parts.push(format!("the plan's {}", names.join(", ")));
        }
        if self.comments > 0 {
            parts.push(count(self.comments, "comment line", "comment lines"));
        }
        parts.join(", ")
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What `existing` (the file's bytes) records that `imported` (the new file's text) would
/// not: the progress the appendix never shows, and whatever a person added by hand.
pub fn recorded(existing: &[u8], imported: &str) -> Recorded {
    let mut found = Recorded::default();
    let text = match std::str::from_utf8(existing) {
        Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text),
        Err(_) => {
            found.unreadable = Some("not UTF-8 text".to_string());
            return found;
        }
    };
    found.comments = lost_comments(text, imported);
    let table = match toml::from_str::<Table>(text) {
        Ok(table) => table,
        Err(error) => {
            found.unreadable = Some(error.message().to_string());
            return found;
        }
    };
    let new = toml::from_str::<Table>(imported).unwrap_or_default();
    found.plan_fields = lost_plan_fields(&table, &new, text);
    // A task's note comes back from a Ghi chú column; the official appendix in markdown
    // (`phu-luc`) has none, so a note the new file does not give again is lost.
    let noted: BTreeSet<&str> = tables(new.get("task"))
        .filter(|t| t.contains_key("note"))
        .filter_map(|t| t.get("id").and_then(Value::as_str))
        .collect();
    let mut tasks_with_progress = BTreeSet::new();
    for (index, task) in tables(table.get("task")).enumerate() {
        let mut progress = entries(task, "progress");
        tally(&mut found, task, TASK_CARRIED, "");
        let id = task.get("id").and_then(Value::as_str);
        if task.contains_key("note") && !id.is_some_and(|id| noted.contains(id)) {
            *found.fields.entry("note".to_string()).or_default() += 1;
        }
        for stage in tables(task.get("milestone")) {
            progress += entries(stage, "progress");
            tally(&mut found, stage, STAGE_CARRIED, "milestone.");
        }
        if progress > 0 {
            found.progress += progress;
            // A task without an id is still one task: its place stands for it.
            tasks_with_progress.insert(match task.get("id") {
                Some(Value::String(id)) => id.clone(),
                _ => format!("#{index}"),
            });
        }
    }
    found.progress_tasks = tasks_with_progress.len();
    found
}

/// Counts a task's or a milestone's extensions, status, done date and other keys.
fn tally(found: &mut Recorded, table: &Table, carried: &[&str], prefix: &str) {
    found.extensions += entries(table, "extension");
    if table
        .get("status")
        .is_some_and(|s| s.as_str() != Some("open"))
    {
        found.statuses += 1;
    }
    if table.contains_key("done") {
        found.done_dates += 1;
    }
    for key in table.keys() {
        if !carried.contains(&key.as_str()) {
            *found.fields.entry(format!("{prefix}{key}")).or_default() += 1;
        }
    }
}

/// The tables of an array of tables (none if the value is absent or of another type).
fn tables(value: Option<&Value>) -> impl Iterator<Item = &Table> {
    value
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_table)
}

fn entries(table: &Table, key: &str) -> usize {
    table.get(key).and_then(Value::as_array).map_or(0, Vec::len)
}

/// `[plan]` keys the header block does not give, and a `source` other than the new one,
/// unless an import wrote it (the file's opening comment names that very source). Top-level
/// tables other than `plan`, `section` and `task` (`[defaults]`) are named too.
fn lost_plan_fields(table: &Table, new: &Table, text: &str) -> Vec<String> {
    let mut lost = Vec::new();
    for key in table.keys() {
        if !["plan", "section", "task"].contains(&key.as_str()) {
            lost.push(format!("[{key}]"));
        }
    }
    let Some(plan) = table.get("plan").and_then(Value::as_table) else {
        return lost;
    };
    for key in plan.keys() {
        if !PLAN_CARRIED.contains(&key.as_str()) {
            lost.push(key.clone());
        }
    }
    if let Some(source) = plan.get("source").and_then(Value::as_str) {
        let new_source = new
            .get("plan")
            .and_then(|p| p.get("source"))
            .and_then(Value::as_str);
        let imported_from = format!("# Imported by `bhxh-plan import` from {source}:");
        let written_by_import = text.lines().any(|l| l.trim().starts_with(&imported_from));
        if new_source != Some(source) && !written_by_import {
            lost.push("source".to_string());
        }
    }
    lost
}

/// Comment lines of `before` that `after` does not have, leaving out those every import
/// writes. A comment is a line whose first character is `#` (as the editing commands
/// count them).
fn lost_comments(before: &str, after: &str) -> usize {
    let comments = |text: &str| -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| l.starts_with('#'))
            .map(str::to_string)
            .collect()
    };
    let mut kept: BTreeMap<String, usize> = BTreeMap::new();
    for comment in comments(after) {
        *kept.entry(comment).or_default() += 1;
    }
    let mut lost = 0;
    for comment in comments(before) {
        if is_own_comment(&comment) {
            continue;
        }
        match kept.get_mut(&comment) {
            Some(n) if *n > 0 => *n -= 1,
            _ => lost += 1,
        }
    }
    lost
}

#[cfg(test)]
mod tests {
    use super::*;

    const IMPORTED: &str = "#:schema ../../schema/plan.schema.json\n\
        # Imported by `bhxh-plan import` from new.docx: a draft. Check every row against the source,\n\
        # then run `bhxh-plan check`.\n\n\
        [plan]\nnumber = \"1/KH-BHXH\"\ntitle = \"T\"\nissuer = \"BHXH Việt Nam\"\n\
        issued = 2024-01-02\nsource = \"new.docx\"\n\n\
        [[task]]\nid = \"1\"\ncontent = \"Việc\"\nlead = [\"CNTT\"]\ndeadline = \"Quý I/2024\"\n";

    #[test]
    fn a_plain_import_records_nothing_even_from_another_source() {
        let earlier = IMPORTED.replace("new.docx", "old.csv");
        assert_eq!(recorded(earlier.as_bytes(), IMPORTED), Recorded::default());
        assert!(recorded(IMPORTED.as_bytes(), IMPORTED).is_empty());
    }

    #[test]
    fn progress_extensions_statuses_and_hand_written_keys_are_counted() {
        let existing = format!(
            "# Why this plan matters\n{}note = \"tiến độ\"\nstatus = \"done\"\ndone = 2024-03-01\n\
             due = 2024-03-31\n\n[[task.extension]]\non = 2024-01-10\nfrom = \"a\"\nto = \"b\"\nby = \"CV\"\n\n\
             [[task.progress]]\non = 2024-03-01\nstatus = \"done\"\n\n\
             [[task.milestone]]\nwhat = \"Giai đoạn\"\nnote = \"x\"\nstatus = \"open\"\n\n\
             [[task.milestone.progress]]\non = 2024-02-01\nstatus = \"in-progress\"\n",
            IMPORTED
                .replace("[plan]\n", "[plan]\nmonitor = \"PC\"\n")
                .replace("source = \"new.docx\"", "source = \"Công báo\"")
        );
        let found = recorded(existing.as_bytes(), IMPORTED);
        assert_eq!(found.progress, 2);
        assert_eq!(found.progress_tasks, 1);
        assert_eq!(found.extensions, 1);
        assert_eq!(found.statuses, 1, "a stage set to open records nothing");
        assert_eq!(found.done_dates, 1);
        assert_eq!(found.plan_fields, ["monitor", "source"]);
        assert_eq!(found.comments, 1);
        assert_eq!(
            found.describe(),
            "2 progress entries on 1 task, 1 extension, 1 status other than open, 1 done date, \
             1 × `due`, 1 × `milestone.note`, 1 × `note`, the plan's `monitor`, `source`, 1 \
             comment line"
        );
    }

    #[test]
    fn every_comment_line_a_draft_writes_is_known_as_the_imports_own() {
        // A draft with nothing found writes the most comment lines: no number, no date.
        let toml = super::super::Draft::default().to_toml();
        let comments: Vec<&str> = toml.lines().filter(|l| l.starts_with('#')).collect();
        assert_eq!(comments.len(), 4, "{toml}");
        assert!(comments.iter().all(|c| is_own_comment(c)), "{comments:?}");
    }

    #[test]
    fn a_note_the_new_file_does_not_give_again_is_lost() {
        let noted = IMPORTED.replace(
            "deadline = \"Quý I/2024\"\n",
            "deadline = \"Quý I/2024\"\nnote = \"Ghi chú\"\n",
        );
        assert_eq!(
            recorded(noted.as_bytes(), IMPORTED).describe(),
            "1 × `note`"
        );
        // From a Ghi chú column it comes back, changed or not.
        let changed = noted.replace("Ghi chú", "Ghi chú mới");
        assert!(recorded(noted.as_bytes(), &changed).is_empty());
    }

    #[test]
    fn a_file_that_is_not_toml_cannot_be_told_safe() {
        let found = recorded(b"[plan\n# mine\n", IMPORTED);
        assert!(found.unreadable.is_some());
        assert_eq!(found.comments, 1);
        assert!(recorded(&[0xff, 0xfe], IMPORTED).unreadable.is_some());
    }
}
