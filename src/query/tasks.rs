//! Overdue, upcoming and the task list: tasks and their stages as dated items, then rows.
//!
//! A task with milestones is its milestones; a "several" deadline (Quý II, III/2024) is
//! one stage per date; a recurring one is its occurrences. Ongoing and event deadlines
//! without a `due` have no date and are never overdue.

use chrono::NaiveDate;
use serde::Serialize;

use super::filter::{Filter, Within};
use crate::deadline::{Kind, Resolution};
use crate::model::{Plan, Status, Task};

/// One row of `tasks`, `overdue` and `upcoming`; the JSON field names are stable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskRow {
    pub plan: String,
    pub task: String,
    pub content: String,
    pub lead: Vec<String>,
    pub support: Vec<String>,
    /// The deadline as written.
    pub deadline: Option<String>,
    pub due: Option<NaiveDate>,
    pub status: Status,
    /// today − due: positive when late, 0 on the day, negative = days left.
    pub days_overdue: Option<i64>,
    /// The stage: a milestone's `what`, or "2/3" for the second date of a several deadline.
    pub milestone: Option<String>,
}

/// Something with (at most) one date to meet: a task, a stage, or a recurring series.
pub(super) struct Item<'p> {
    pub(super) milestone: Option<String>,
    pub(super) deadline: Option<&'p str>,
    pub(super) status: Status,
    /// Every date the item must be met on: one, or a recurring series.
    pub(super) dates: Vec<NaiveDate>,
    recurring: bool,
    /// The kind of the deadline, where it reads.
    pub(super) kind: Option<Kind>,
    /// The start of the window the stage belongs to, where it has one.
    pub(super) start: Option<NaiveDate>,
}

impl<'p> Item<'p> {
    /// A task as one item with no date of its own: for listing every task once, and for
    /// a task without stages.
    pub(super) fn whole(task: &'p Task) -> Self {
        let schedule = task.schedule.as_ref();
        Item {
            milestone: None,
            deadline: task.deadline.as_deref(),
            status: task.status,
            dates: Vec::new(),
            recurring: false,
            kind: schedule.map(|s| s.kind),
            start: schedule.and_then(|s| s.start),
        }
    }

    /// The due date, when this item is late on `today`. Recurring series are never late:
    /// their next occurrence is what matters.
    pub(super) fn late_on(&self, today: NaiveDate) -> Option<NaiveDate> {
        let due = *self.dates.first()?;
        (!self.recurring && !self.status.is_closed() && due < today).then_some(due)
    }

    /// The next date from `today` up to `horizon`, for open work.
    pub(super) fn next_within(&self, today: NaiveDate, horizon: NaiveDate) -> Option<NaiveDate> {
        let next = self.dates.iter().copied().find(|d| *d >= today)?;
        (!self.status.is_closed() && next <= horizon).then_some(next)
    }

    /// The row of this item of `task` in `plan`, due on `due`.
    fn row(&self, plan: &Plan, task: &Task, due: Option<NaiveDate>, today: NaiveDate) -> TaskRow {
        TaskRow {
            plan: plan.number.clone(),
            task: task.id.clone(),
            content: task.content.clone(),
            lead: task.lead.clone(),
            support: task.support.clone(),
            deadline: self.deadline.map(str::to_string),
            due,
            status: self.status,
            days_overdue: due.map(|due| (today - due).num_days()),
            milestone: self.milestone.clone(),
        }
    }
}

/// What a task query lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Every task, once, with its final due date.
    All,
    /// Stages with a due date strictly before today that are not done or cancelled.
    Overdue,
    /// Stages due from today to the horizon, and the next occurrence of recurring series.
    Upcoming(Within),
    /// Every date of every stage, recurring occurrences included.
    Schedule,
}

/// The rows `listing` makes of `plans`, sorted.
pub fn rows(plans: &[Plan], filter: &Filter, today: NaiveDate, listing: Listing) -> Vec<TaskRow> {
    let mut rows = Vec::new();
    let mut items = Vec::new();
    for plan in plans.iter().filter(|p| filter.plan(p)) {
        for task in plan.tasks.iter().filter(|t| filter.task(t)) {
            if listing == Listing::All {
                let due = final_due(task);
                if filter.item(task.status, due, plan) {
                    rows.push(Item::whole(task).row(plan, task, due, today));
                }
                continue;
            }
            items.clear();
            expand(task, &mut items);
            for item in &items {
                if !filter.item(item.status, item.dates.last().copied(), plan) {
                    continue;
                }
                let due = match listing {
                    Listing::Overdue => item.late_on(today),
                    Listing::Upcoming(within) => item.next_within(today, within.horizon(today)),
                    Listing::Schedule | Listing::All => None,
                };
                let dates = match listing {
                    Listing::Schedule => &item.dates[..],
                    _ => due.as_slice(),
                };
                rows.extend(
                    dates
                        .iter()
                        .map(|&due| item.row(plan, task, Some(due), today)),
                );
            }
        }
    }
    sort(&mut rows);
    rows
}

/// The dated items of one task.
pub(super) fn items_of(task: &Task) -> Vec<Item<'_>> {
    let mut items = Vec::new();
    expand(task, &mut items);
    items
}

fn expand<'p>(task: &'p Task, out: &mut Vec<Item<'p>>) {
    if task.milestones.is_empty() {
        let Some(schedule) = &task.schedule else {
            return;
        };
        stages(None, task.deadline.as_deref(), task.status, schedule, out);
        return;
    }
    for milestone in &task.milestones {
        // A closed task closes its stages, whatever they say.
        let status = if task.status.is_closed() {
            task.status
        } else {
            milestone.status
        };
        if let Some(schedule) = &milestone.schedule {
            let label = Some(milestone.what.clone());
            stages(label, milestone.deadline.as_deref(), status, schedule, out);
        }
    }
}

fn stages<'p>(
    label: Option<String>,
    deadline: Option<&'p str>,
    status: Status,
    schedule: &Resolution,
    out: &mut Vec<Item<'p>>,
) {
    let item = |milestone: Option<String>,
                dates: Vec<NaiveDate>,
                recurring: bool,
                start: Option<NaiveDate>| Item {
        milestone,
        deadline,
        status,
        dates,
        recurring,
        kind: Some(schedule.kind),
        start,
    };
    match schedule.kind {
        Kind::Several if label.is_none() => {
            let total = schedule.dates.len();
            for (i, date) in schedule.dates.iter().enumerate() {
                // A stage's window opens the day after the one before it closes.
                let start = match i {
                    0 => schedule.start,
                    _ => schedule.dates[i - 1].succ_opt(),
                };
                out.push(item(
                    Some(format!("{}/{total}", i + 1)),
                    vec![*date],
                    false,
                    start,
                ));
            }
        }
        Kind::Recurring if schedule.dates.len() > 1 => {
            out.push(item(label, schedule.dates.clone(), true, schedule.start))
        }
        _ => out.push(item(
            label,
            schedule.due.into_iter().collect(),
            false,
            schedule.start,
        )),
    }
}

/// Sorts rows by due date (undated last), then plan, then task, then stage; rows alike
/// keep their order.
fn sort(rows: &mut [TaskRow]) {
    rows.sort_by(|a, b| {
        (a.due.is_none(), a.due, &a.plan)
            .cmp(&(b.due.is_none(), b.due, &b.plan))
            .then_with(|| natural(&a.task).cmp(natural(&b.task)))
            .then_with(|| a.milestone.cmp(&b.milestone))
    });
}

/// "II.10" after "II.9": numbers inside ids compare as numbers. An id reads as parts, each
/// a character that is not a digit (none at the start of an id that opens with digits)
/// and the number written after it.
fn natural(id: &str) -> impl Iterator<Item = (&str, u64)> {
    let mut rest = Some(id);
    std::iter::from_fn(move || {
        let part = rest?;
        let text = part
            .chars()
            .next()
            .filter(|c| !c.is_ascii_digit())
            .map_or(0, char::len_utf8);
        let (text, after) = part.split_at(text);
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let (digits, after) = after.split_at(digits);
        rest = Some(after).filter(|after| !after.is_empty());
        Some((text, digits.parse().unwrap_or(0)))
    })
}

/// The last date a task must be met on: its own, or its last stage's.
pub fn final_due(task: &Task) -> Option<NaiveDate> {
    let own = task.schedule.as_ref().and_then(|s| s.due);
    let stages = task
        .milestones
        .iter()
        .filter_map(|m| m.schedule.as_ref()?.due)
        .max();
    own.max(stages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_sort_by_due_date_plan_task_and_stage_and_alike_keep_their_order() {
        let day = |d| NaiveDate::from_ymd_opt(2024, 1, d);
        let row = |plan: &str, task: &str, due, milestone: Option<&str>, content: &str| TaskRow {
            plan: plan.into(),
            task: task.into(),
            content: content.into(),
            lead: Vec::new(),
            support: Vec::new(),
            deadline: None,
            due,
            status: Status::Open,
            days_overdue: None,
            milestone: milestone.map(str::to_string),
        };
        let expected = vec![
            row("1/KH", "II.9", day(5), None, "a"),
            row("1/KH", "II.10", day(5), None, "b"),
            row("1/KH", "II.10", day(5), None, "c"),
            row("2/KH", "I.1", day(5), Some("1/2"), "d"),
            row("2/KH", "I.1", day(5), Some("2/2"), "e"),
            row("1/KH", "I.1", day(9), None, "f"),
            row("1/KH", "I.1", None, None, "g"),
        ];
        // Every rotation and the reverse of the expected order, the alike rows b and c
        // always in that order.
        for shift in 0..expected.len() {
            let mut rows = expected.clone();
            rows.rotate_left(shift);
            let c = rows.iter().position(|r| r.content == "c").unwrap();
            let b = rows.iter().position(|r| r.content == "b").unwrap();
            if c < b {
                rows.swap(b, c);
            }
            sort(&mut rows);
            assert_eq!(rows, expected, "rotated by {shift}");
        }
        let mut rows = expected.clone();
        rows.reverse();
        let c = rows.iter().position(|r| r.content == "c").unwrap();
        let b = rows.iter().position(|r| r.content == "b").unwrap();
        rows.swap(b, c);
        sort(&mut rows);
        assert_eq!(rows, expected);
    }

    #[test]
    fn ids_sort_naturally() {
        let mut ids = vec!["II.10", "II.9", "I.2", "10", "9", "1.1-2", "1.1"];
        ids.sort_by(|a, b| natural(a).cmp(natural(b)));
        assert_eq!(ids, ["1.1", "1.1-2", "9", "10", "I.2", "II.9", "II.10"]);
    }
}
