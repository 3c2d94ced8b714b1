//! What changed between two versions of the plans: plans and tasks added and removed,
//! deadlines moved (extensions stand out), lead and support units, statuses. Pure: two
//! lists of checked plans in, plain data out.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Plan, Status, Task};
use crate::units;

/// A plan named in a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanRef {
    pub number: String,
    pub issuer: String,
    pub title: String,
    pub tasks: usize,
}

/// A task named in a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskRef {
    pub task: String,
    pub content: String,
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

/// Everything that changed inside one plan present in both versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanChanges {
    pub number: String,
    pub issuer: String,
    pub added_tasks: Vec<TaskRef>,
    pub removed_tasks: Vec<TaskRef>,
    pub deadlines: Vec<DeadlineChange>,
    pub lead: Vec<UnitsChange>,
    pub support: Vec<UnitsChange>,
    pub status: Vec<StatusChange>,
}

impl PlanChanges {
    fn is_empty(&self) -> bool {
        self.added_tasks.is_empty()
            && self.removed_tasks.is_empty()
            && self.deadlines.is_empty()
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

/// A plan is the same plan in both versions when its issuer and number are.
fn same_plan(a: &Plan, b: &Plan) -> bool {
    units::fold(&a.issuer) == units::fold(&b.issuer)
        && a.number.to_lowercase() == b.number.to_lowercase()
}

/// Compares two versions; renamed or moved files are the same plan.
pub fn diff(old: &[Plan], new: &[Plan]) -> PlansDiff {
    let only_in = |plans: &[Plan], others: &[Plan]| {
        let is_new = |plan: &&Plan| !others.iter().any(|other| same_plan(other, plan));
        let plan_ref = |plan: &Plan| PlanRef {
            number: plan.number.clone(),
            issuer: plan.issuer.clone(),
            title: plan.title.clone(),
            tasks: plan.tasks.len(),
        };
        plans.iter().filter(is_new).map(plan_ref).collect()
    };
    let changed_plans = new
        .iter()
        .filter_map(|n| {
            old.iter()
                .find(|o| same_plan(o, n))
                .map(|o| plan_changes(o, n))
        })
        .filter(|c| !c.is_empty())
        .collect();
    PlansDiff {
        added_plans: only_in(new, old),
        removed_plans: only_in(old, new),
        changed_plans,
    }
}

/// The task of `plan` with this id.
fn find<'p>(plan: &'p Plan, id: &str) -> Option<&'p Task> {
    plan.tasks.iter().find(|t| t.id == id)
}

fn plan_changes(old: &Plan, new: &Plan) -> PlanChanges {
    let only_in = |plan: &Plan, other: &Plan| {
        let is_new = |task: &&Task| find(other, &task.id).is_none();
        let task_ref = |task: &Task| TaskRef {
            task: task.id.clone(),
            content: task.content.clone(),
        };
        plan.tasks.iter().filter(is_new).map(task_ref).collect()
    };
    let mut changes = PlanChanges {
        number: new.number.clone(),
        issuer: new.issuer.clone(),
        added_tasks: only_in(new, old),
        removed_tasks: only_in(old, new),
        deadlines: Vec::new(),
        lead: Vec::new(),
        support: Vec::new(),
        status: Vec::new(),
    };
    for after in &new.tasks {
        if let Some(before) = find(old, &after.id) {
            task_changes(before, after, &mut changes);
        }
    }
    changes
}

/// The last date a task must be met on: its own, or its last stage's.
fn final_due(task: &Task) -> Option<NaiveDate> {
    let own = task.schedule.as_ref().and_then(|s| s.due);
    let stages = task
        .milestones
        .iter()
        .filter_map(|m| m.schedule.as_ref()?.due);
    own.max(stages.max())
}

fn task_changes(before: &Task, after: &Task, changes: &mut PlanChanges) {
    let id = &after.id;
    let task_dates = [before, after].map(|t| (&t.deadline, final_due(t)));
    changes.deadlines.extend(moved(id.clone(), task_dates));
    for stage in &after.milestones {
        let Some(was) = before.milestones.iter().find(|m| m.what == stage.what) else {
            continue;
        };
        let stage_dates =
            [was, stage].map(|m| (&m.deadline, m.schedule.as_ref().and_then(|s| s.due)));
        changes
            .deadlines
            .extend(moved(format!("{id} · {}", stage.what), stage_dates));
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
    if before.status != after.status {
        changes.status.push(StatusChange {
            task: id.clone(),
            old: before.status,
            new: after.status,
        });
    }
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
