//! Overdue, upcoming and the task list: the items of tasks on a day ([`crate::progress`]),
//! as rows.

use chrono::NaiveDate;
use serde::Serialize;

use super::filter::{Filter, Within};
use crate::model::{Plan, Status, Task};
use crate::progress::{self, Category, Item};

/// One row of `tasks`, `overdue` and `upcoming`; the JSON field names are stable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskRow<'p> {
    pub plan: &'p str,
    pub task: &'p str,
    pub content: &'p str,
    pub lead: &'p [String],
    pub support: &'p [String],
    /// The deadline in effect on the day, as written.
    pub deadline: Option<&'p str>,
    pub due: Option<NaiveDate>,
    pub status: Status,
    /// today − due: positive when late, 0 on the day, negative = days left; for work
    /// done, done − due.
    pub days_overdue: Option<i64>,
    /// The stage: a milestone's `what`, or "2/3" for the second date of a several deadline.
    pub milestone: Option<String>,
    /// The due day of a recurring deadline's occurrence.
    pub occurrence: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
    pub category: Category,
    /// The deadline as first written, when an extension has moved it.
    pub original_deadline: Option<&'p str>,
}

impl<'p> TaskRow<'p> {
    /// The row of `item` of `task` in `plan`: it borrows their text (a national report
    /// has half a million rows, and copying it was most of the report's query).
    pub fn of(plan: &'p Plan, task: &'p Task, item: Item<'p>) -> Self {
        TaskRow {
            plan: &plan.number,
            task: &task.id,
            content: &task.content,
            lead: &task.lead,
            support: &task.support,
            deadline: item.deadline,
            due: item.due,
            status: item.status,
            days_overdue: item.days_late,
            milestone: item.stage,
            occurrence: item.occurrence,
            done: item.done,
            category: item.category,
            original_deadline: item.original_deadline,
        }
    }
}

/// What a task query lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Every task, once, as its worst item stands: that item's due date and days.
    All,
    /// Items not done by the day with a due date before it.
    Overdue,
    /// Items not done with a due date from the day to the horizon.
    Upcoming(Within),
    /// Every item with a due date.
    Schedule,
}

/// The plans known on `today` that pass the filter: a plan issued later does not exist yet.
pub fn plans_on<'p>(
    plans: &'p [Plan],
    filter: &Filter,
    today: NaiveDate,
) -> impl Iterator<Item = &'p Plan> {
    plans
        .iter()
        .filter(move |p| progress::known_on(p, today) && filter.plan(p))
}

/// The rows `listing` makes of `plans` on `today`, sorted.
pub fn rows<'p>(
    plans: &'p [Plan],
    filter: &Filter,
    today: NaiveDate,
    listing: Listing,
) -> Vec<TaskRow<'p>> {
    let mut rows = Vec::new();
    for plan in plans_on(plans, filter, today) {
        for task in plan.tasks.iter().filter(|t| filter.task(t)) {
            if listing == Listing::All {
                let item = progress::task(plan, task, today);
                if filter.item(item.status, item.last_due, plan) {
                    rows.push(TaskRow::of(plan, task, item));
                }
                continue;
            }
            for item in progress::items(plan, task, today) {
                if filter.item(item.status, item.due, plan) && lists(listing, &item, today) {
                    rows.push(TaskRow::of(plan, task, item));
                }
            }
        }
    }
    sort(&mut rows);
    rows
}

/// True when `listing` shows `item` on `today`.
pub(super) fn lists(listing: Listing, item: &Item, today: NaiveDate) -> bool {
    match listing {
        Listing::All => true,
        Listing::Overdue => item.category == Category::OpenOverdue,
        Listing::Upcoming(within) => {
            item.category == Category::OpenInTime
                && item.due.is_some_and(|due| due <= within.horizon(today))
        }
        Listing::Schedule => item.due.is_some(),
    }
}

/// Sorts rows by due date (undated last), then plan, then task, then stage; rows alike
/// keep their order.
pub(super) fn sort(rows: &mut [TaskRow]) {
    rows.sort_by(order);
}

/// The order of task rows: by due date (undated last), then plan, then task, then stage.
pub fn order(a: &TaskRow, b: &TaskRow) -> std::cmp::Ordering {
    (a.due.is_none(), a.due, a.plan)
        .cmp(&(b.due.is_none(), b.due, b.plan))
        .then_with(|| natural(a.task).cmp(natural(b.task)))
        .then_with(|| a.milestone.cmp(&b.milestone))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_sort_by_due_date_plan_task_and_stage_and_alike_keep_their_order() {
        let day = |d| NaiveDate::from_ymd_opt(2024, 1, d);
        let row = |plan: &'static str,
                   task: &'static str,
                   due,
                   milestone: Option<&str>,
                   content: &'static str| TaskRow {
            plan,
            task,
            content,
            lead: &[],
            support: &[],
            deadline: None,
            due,
            status: Status::Open,
            days_overdue: None,
            milestone: milestone.map(str::to_string),
            occurrence: None,
            done: None,
            category: Category::OpenInTime,
            original_deadline: None,
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
