//! Which task or milestone `TASK[/N]` names in a checked plan, and which of its due days
//! an `--occurrence` may name.

use chrono::NaiveDate;

use crate::deadline::Kind;
use crate::model::{Extension, Milestone, Plan, Progress, Task};

use super::{EditError, TablePath};

/// The task or milestone an edit touches.
pub(super) struct Found<'p> {
    pub path: TablePath,
    pub task: &'p Task,
    /// The milestone and its number (1-based), for `TASK/N`.
    pub milestone: Option<(usize, &'p Milestone)>,
}

impl Found<'_> {
    /// The deadline in force: the milestone's (its own or its task's), else the task's
    /// (its own or the plan's default).
    pub fn deadline(&self) -> Option<&str> {
        match self.milestone {
            Some((_, m)) => m.deadline.as_deref(),
            None => self.task.deadline.as_deref(),
        }
    }

    /// Whether its deadline in force recurs (Hằng quý): a series of occurrences, each
    /// reported on its own.
    pub fn recurs(&self) -> bool {
        let schedule = match self.milestone {
            Some((_, m)) => m.schedule.as_ref(),
            None => self.task.schedule.as_ref(),
        };
        schedule.is_some_and(|s| s.kind == Kind::Recurring)
    }

    /// Its progress entries, in the file's order.
    pub fn progress(&self) -> &[Progress] {
        match self.milestone {
            Some((_, m)) => &m.progress,
            None => &self.task.progress,
        }
    }

    /// Its extensions, in the file's order.
    pub fn extensions(&self) -> &[Extension] {
        match self.milestone {
            Some((_, m)) => &m.extensions,
            None => &self.task.extensions,
        }
    }

    /// The due days of its recurring or several deadline, extended ones included.
    pub fn occurrences(&self) -> Vec<NaiveDate> {
        match self.milestone {
            Some((_, m)) => crate::check::occurrences_of(m.schedule.as_ref(), &m.extensions),
            None => {
                crate::check::occurrences_of(self.task.schedule.as_ref(), &self.task.extensions)
            }
        }
    }
}

/// Finds `TASK` or `TASK/N` (the task's N-th milestone) in `plan`. A task whose id is the
/// whole text wins over a milestone of a shorter id.
pub(super) fn find<'p>(plan: &'p Plan, target: &str) -> Result<Found<'p>, EditError> {
    let target = target.trim();
    let index = |id: &str| plan.tasks.iter().position(|t| t.id == id);
    if let Some(task) = index(target) {
        return Ok(task_only(plan, task));
    }
    let split = target
        .rsplit_once('/')
        .and_then(|(id, n)| Some((id, n.trim().parse::<usize>().ok()?)));
    let Some((id, n)) = split else {
        return Err(unknown_task(plan, target));
    };
    let Some(t) = index(id.trim()) else {
        return Err(unknown_task(plan, id.trim()));
    };
    let task = &plan.tasks[t];
    let count = task.milestones.len();
    if n == 0 || n > count {
        return Err(EditError::NoMilestone {
            task: task.id.clone(),
            n,
            count,
            occurrences: crate::check::occurrences_of(task.schedule.as_ref(), &task.extensions),
        });
    }
    Ok(Found {
        path: TablePath {
            task: t,
            milestone: Some(n - 1),
        },
        task,
        milestone: Some((n, &task.milestones[n - 1])),
    })
}

fn task_only(plan: &Plan, task: usize) -> Found<'_> {
    Found {
        path: TablePath {
            task,
            milestone: None,
        },
        task: &plan.tasks[task],
        milestone: None,
    }
}

fn unknown_task(plan: &Plan, id: &str) -> EditError {
    let ids = plan.tasks.iter().map(|t| t.id.as_str());
    EditError::UnknownTask {
        id: id.to_string(),
        plan: plan.number.clone(),
        nearest: crate::diag::nearest(id, ids.clone()).map(str::to_string),
        ids: ids.map(str::to_string).collect(),
    }
}
