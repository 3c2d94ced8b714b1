//! One plan in two versions: its tasks compared field by field.

use chrono::NaiveDate;

use super::version::{PlanFile, StageView, TaskView};
use super::{
    DeadlineChange, ExtensionAdded, PlanChanges, ProgressAdded, StatusChange, TaskRef, UnitsChange,
    WordingChange,
};

/// What changed in a plan between `old` and `new`.
pub(super) fn plan_changes(old: &PlanFile, new: &PlanFile) -> PlanChanges {
    let compared = old.readable && new.readable;
    let mut changes = PlanChanges {
        number: new.number.clone().or_else(|| old.number.clone()),
        issuer: new.issuer.clone(),
        file: new.path.clone(),
        renamed_from: (old.path != new.path).then(|| old.path.clone()),
        number_before: match (&old.number, &new.number) {
            (Some(before), Some(after)) if before != after => Some(before.clone()),
            _ => None,
        },
        compared,
        errors: new.errors.clone(),
        errors_before: old.errors.clone(),
        unread: new.unread.clone(),
        added_tasks: Vec::new(),
        removed_tasks: Vec::new(),
        deadlines: Vec::new(),
        extensions: Vec::new(),
        progress: Vec::new(),
        wording: Vec::new(),
        lead: Vec::new(),
        support: Vec::new(),
        status: Vec::new(),
    };
    if !compared {
        return changes;
    }
    // A task missing from a version that could not be read whole may be in the unread
    // part: it is neither added nor removed.
    let only_in = |plan: &PlanFile, other: &PlanFile| -> Vec<TaskRef> {
        plan.tasks
            .iter()
            .filter(|t| other.task(&t.id).is_none() && !other.may_hold(&t.id))
            .map(|t| TaskRef {
                task: t.id.clone(),
                content: t.content.clone(),
            })
            .collect()
    };
    changes.added_tasks = only_in(new, old);
    changes.removed_tasks = only_in(old, new);
    for after in &new.tasks {
        if let Some(before) = old.task(&after.id) {
            task_changes(before, after, &mut changes);
        }
    }
    changes
}

fn task_changes(before: &TaskView, after: &TaskView, changes: &mut PlanChanges) {
    let id = &after.id;
    let task_dates = [before, after].map(|t| (&t.deadline, t.due));
    changes.deadlines.extend(moved(id.clone(), task_dates));
    history(id, before, after, changes);
    for stage in &after.stages {
        let Some(was) = before.stages.iter().find(|m| m.what == stage.what) else {
            continue;
        };
        let label = format!("{id} · {}", stage.what);
        let stage_dates = [was, stage].map(|m| (&m.deadline, m.due));
        changes.deadlines.extend(moved(label.clone(), stage_dates));
        stage_history(&label, was, stage, changes);
    }
    let units = |old: &[String], new: &[String]| {
        (old != new).then(|| UnitsChange {
            task: id.clone(),
            old: old.to_vec(),
            new: new.to_vec(),
        })
    };
    changes.lead.extend(units(&before.lead, &after.lead));
    changes
        .support
        .extend(units(&before.support, &after.support));
    if let (Some(old), Some(new)) = (before.status, after.status)
        && old != new
    {
        changes.status.push(StatusChange {
            task: id.clone(),
            old,
            new,
        });
    }
    let texts = [
        ("content", &before.content, &after.content),
        ("product", &before.product, &after.product),
        ("note", &before.note, &after.note),
    ];
    for (field, old, new) in texts {
        if !same_words(old, new) {
            changes.wording.push(WordingChange {
                task: id.clone(),
                field,
                before: old.clone(),
                after: new.clone(),
            });
        }
    }
}

/// Texts that differ only in spacing and line breaks say the same.
fn same_words(a: &Option<String>, b: &Option<String>) -> bool {
    fn words(text: &Option<String>) -> Vec<&str> {
        text.as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .collect()
    }
    words(a) == words(b)
}

/// The progress entries and extensions of a task added since `before`.
fn history(id: &str, before: &TaskView, after: &TaskView, changes: &mut PlanChanges) {
    for entry in added(&before.progress, &after.progress) {
        changes.progress.push(ProgressAdded {
            task: id.to_string(),
            entry,
        });
    }
    for entry in added(&before.extensions, &after.extensions) {
        changes.extensions.push(ExtensionAdded {
            task: id.to_string(),
            entry,
        });
    }
}

fn stage_history(label: &str, before: &StageView, after: &StageView, changes: &mut PlanChanges) {
    for entry in added(&before.progress, &after.progress) {
        changes.progress.push(ProgressAdded {
            task: label.to_string(),
            entry,
        });
    }
    for entry in added(&before.extensions, &after.extensions) {
        changes.extensions.push(ExtensionAdded {
            task: label.to_string(),
            entry,
        });
    }
}

/// The entries of `after` that `before` does not have, each entry of `before` matching
/// one of `after` at most.
fn added<T: Clone + PartialEq>(before: &[T], after: &[T]) -> Vec<T> {
    let mut unmatched: Vec<&T> = before.iter().collect();
    after
        .iter()
        .filter(|entry| match unmatched.iter().position(|b| *b == *entry) {
            Some(at) => {
                unmatched.remove(at);
                false
            }
            None => true,
        })
        .cloned()
        .collect()
}

/// The change of a deadline, given (text, due date) before and after, if either moved.
fn moved(
    task: String,
    [(old, old_due), (new, new_due)]: [(&Option<String>, Option<NaiveDate>); 2],
) -> Option<DeadlineChange> {
    (old != new || old_due != new_due).then(|| DeadlineChange {
        task,
        old: old.clone(),
        new: new.clone(),
        old_due,
        new_due,
        days: old_due.zip(new_due).map(|(o, n)| (n - o).num_days()),
    })
}
