//! What changed between two versions of the plans: plans and tasks added and removed,
//! deadlines moved (extensions stand out), lead and support units, statuses, the words of
//! a task's content, product or note, and the progress entries and extensions added.
//!
//! A plan is the same plan in both versions when its issuer and number are, whatever
//! its file is called (a file moved is shown renamed), or else when its file is. Both
//! are read from the file as written ([`version`]), so a plan with errors in one version
//! still shows what changed in it, with its errors named, rather than "removed" and
//! "new". Pure: the files' bytes and what `check` found in, plain data out.

mod compare;
mod version;
mod words;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Status;

pub use version::{ExtensionEntry, FileErrors, PlanFile, ProgressEntry, Unread};
pub use words::{Piece, word_diff};

/// A plan added or removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanRef {
    /// `None` when the file names no number (or is not TOML).
    pub number: Option<String>,
    pub issuer: String,
    pub title: Option<String>,
    pub tasks: usize,
    pub file: String,
    /// The errors `check` found in this version of the file.
    pub errors: Option<FileErrors>,
}

/// A task named in a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskRef {
    pub task: String,
    pub content: Option<String>,
}

/// A deadline that moved; `days` is new due − old due (positive: an extension, gia hạn).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeadlineChange {
    pub task: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub old_due: Option<NaiveDate>,
    pub new_due: Option<NaiveDate>,
    pub days: Option<i64>,
}

impl DeadlineChange {
    /// The due date moved later.
    pub fn is_extension(&self) -> bool {
        self.days.is_some_and(|d| d > 0)
    }
}

/// Units of a task before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitsChange {
    pub task: String,
    pub old: Vec<String>,
    pub new: Vec<String>,
}

/// A status before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    pub task: String,
    pub old: Status,
    pub new: Status,
}

/// A task's `content`, `product` or `note` reworded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordingChange {
    pub task: String,
    /// `content`, `product` or `note`.
    pub field: &'static str,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl WordingChange {
    /// The words that changed, in reading order.
    pub fn pieces(&self) -> Vec<Piece> {
        word_diff(
            self.before.as_deref().unwrap_or_default(),
            self.after.as_deref().unwrap_or_default(),
        )
    }
}

/// A progress entry added to a task (or to one of its stages: `task` is then `ID · what`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgressAdded {
    pub task: String,
    #[serde(flatten)]
    pub entry: ProgressEntry,
}

/// An extension added to a task or stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtensionAdded {
    pub task: String,
    #[serde(flatten)]
    pub entry: ExtensionEntry,
}

/// Everything that changed inside one plan present in both versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanChanges {
    pub number: Option<String>,
    pub issuer: String,
    /// The file in the newer version.
    pub file: String,
    /// The file in the older version, when it was moved or renamed.
    pub renamed_from: Option<String>,
    /// The number in the older version, when it changed (the plan was matched by file).
    pub number_before: Option<String>,
    /// False when a version is not TOML at all: nothing could be compared.
    pub compared: bool,
    /// The errors `check` finds in the newer version, and in the older.
    pub errors: Option<FileErrors>,
    pub errors_before: Option<FileErrors>,
    /// Parts of the newer version that are not TOML, so not compared.
    pub unread: Vec<Unread>,
    pub added_tasks: Vec<TaskRef>,
    pub removed_tasks: Vec<TaskRef>,
    pub deadlines: Vec<DeadlineChange>,
    pub extensions: Vec<ExtensionAdded>,
    pub progress: Vec<ProgressAdded>,
    pub wording: Vec<WordingChange>,
    pub lead: Vec<UnitsChange>,
    pub support: Vec<UnitsChange>,
    pub status: Vec<StatusChange>,
}

impl PlanChanges {
    /// Nothing in the plan's tasks changed.
    pub fn tasks_unchanged(&self) -> bool {
        self.added_tasks.is_empty()
            && self.removed_tasks.is_empty()
            && self.deadlines.is_empty()
            && self.extensions.is_empty()
            && self.progress.is_empty()
            && self.wording.is_empty()
            && self.lead.is_empty()
            && self.support.is_empty()
            && self.status.is_empty()
    }
}

/// The difference between two versions of the plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlansDiff {
    pub added_plans: Vec<PlanRef>,
    pub removed_plans: Vec<PlanRef>,
    pub changed_plans: Vec<PlanChanges>,
}

impl PlansDiff {
    /// Nothing changed that the diff reports.
    pub fn is_empty(&self) -> bool {
        self.added_plans.is_empty()
            && self.removed_plans.is_empty()
            && self.changed_plans.is_empty()
    }
}

/// Compares two versions of the plan files.
pub fn diff(old: &[PlanFile], new: &[PlanFile]) -> PlansDiff {
    let matched = pair(old, new);
    let mut paired = vec![false; old.len()];
    let mut changed_plans = Vec::new();
    let mut added_plans = Vec::new();
    for (after, before) in new.iter().zip(&matched) {
        match before {
            Some(at) => {
                paired[*at] = true;
                let before = &old[*at];
                let changes = compare::plan_changes(before, after);
                if is_news(&changes, before, after) {
                    changed_plans.push(changes);
                }
            }
            None => added_plans.push(plan_ref(after)),
        }
    }
    let removed_plans = old
        .iter()
        .zip(&paired)
        .filter(|(_, paired)| !**paired)
        .map(|(plan, _)| plan_ref(plan))
        .collect();
    PlansDiff {
        added_plans,
        removed_plans,
        changed_plans,
    }
}

/// A plan is worth showing when its tasks, its file name or its number changed, or when
/// its file changed and cannot be fully compared or has errors.
fn is_news(changes: &PlanChanges, before: &PlanFile, after: &PlanFile) -> bool {
    let edited = before.fingerprint != after.fingerprint;
    !changes.tasks_unchanged()
        || changes.renamed_from.is_some()
        || changes.number_before.is_some()
        || (edited
            && (!changes.compared
                || !changes.unread.is_empty()
                || changes.errors.is_some()
                || changes.errors_before.is_some()))
}

fn plan_ref(plan: &PlanFile) -> PlanRef {
    PlanRef {
        number: plan.number.clone(),
        issuer: plan.issuer.clone(),
        title: plan.title.clone(),
        tasks: plan.tasks.len(),
        file: plan.path.clone(),
        errors: plan.errors.clone(),
    }
}

/// For each file of `new`, the file of `old` that holds the same plan: the same key in
/// the same file first, then the same key (a file moved), then the same file (a number
/// changed, or a header that cannot be read in one version). Indexed, for national trees.
fn pair(old: &[PlanFile], new: &[PlanFile]) -> Vec<Option<usize>> {
    let old_keys: Vec<_> = old.iter().map(PlanFile::key).collect();
    let new_keys: Vec<_> = new.iter().map(PlanFile::key).collect();
    let mut by_key: HashMap<&(String, String), Vec<usize>> = HashMap::new();
    for (at, key) in old_keys.iter().enumerate() {
        if let Some(key) = key {
            by_key.entry(key).or_default().push(at);
        }
    }
    let by_file: HashMap<&str, usize> = old
        .iter()
        .enumerate()
        .map(|(at, file)| (file.path.as_str(), at))
        .collect();
    let mut taken = vec![false; old.len()];
    let mut matched: Vec<Option<usize>> = vec![None; new.len()];
    for pass in 0..3 {
        for (n, slot) in matched.iter_mut().enumerate() {
            if slot.is_some() {
                continue;
            }
            let key = new_keys[n].as_ref();
            let same_file = by_file.get(new[n].path.as_str()).copied();
            let found = match pass {
                0 => same_file.filter(|&o| key.is_some() && old_keys[o].as_ref() == key),
                1 => key
                    .and_then(|key| by_key.get(key))
                    .and_then(|all| all.iter().copied().find(|&o| !taken[o])),
                _ => same_file,
            };
            if let Some(o) = found.filter(|&o| !taken[o]) {
                taken[o] = true;
                *slot = Some(o);
            }
        }
    }
    matched
}

#[cfg(test)]
mod tests;
