//! Where a task stands on a day (DESIGN §6): its status then, the deadline in effect then,
//! and the Government's four categories. Pure: the day is a parameter, never the clock.
//!
//! A task is one or more items, each with at most one due date: a task with milestones is
//! its milestones; a "several" deadline (Quý II, III/2024) is one stage per date; a
//! recurring one (Hằng quý) is one item per occurrence, each reported and late on its own.
//! Every command that lists or counts goes through [`items`] or [`task`].

use chrono::NaiveDate;
use serde::Serialize;

use crate::deadline::Kind;
use crate::model::{Plan, Progress, Status, Task};

mod record;

use record::{Deadline, Record, State};

/// The categories of the Government's task-tracking regime (QĐ 42/2014/QĐ-TTg), and the
/// items none of them counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Hoàn thành đúng hạn: done on or before the deadline in effect when it was done.
    DoneOnTime,
    /// Hoàn thành quá hạn: done after it.
    DoneLate,
    /// Chưa hoàn thành, trong hạn: not done, due on or after the day.
    OpenInTime,
    /// Chưa hoàn thành, quá hạn: not done, due before the day.
    OpenOverdue,
    /// Thường xuyên: never due, counted apart.
    Ongoing,
    /// An event that has not happened (no `due` yet), counted apart.
    NoDate,
    /// Chưa hoàn thành khi kết thúc kế hoạch: unfinished when the plan was closed.
    Unfinished,
    /// Dừng thực hiện: listed, never counted.
    Cancelled,
}

impl Category {
    /// Every category, in the order reports show them.
    pub const ALL: [Category; 8] = [
        Category::DoneOnTime,
        Category::DoneLate,
        Category::OpenInTime,
        Category::OpenOverdue,
        Category::Ongoing,
        Category::NoDate,
        Category::Unfinished,
        Category::Cancelled,
    ];

    /// The name in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::DoneOnTime => "done_on_time",
            Category::DoneLate => "done_late",
            Category::OpenInTime => "open_in_time",
            Category::OpenOverdue => "open_overdue",
            Category::Ongoing => "ongoing",
            Category::NoDate => "no_date",
            Category::Unfinished => "unfinished",
            Category::Cancelled => "cancelled",
        }
    }

    pub fn is_done(self) -> bool {
        matches!(self, Category::DoneOnTime | Category::DoneLate)
    }

    /// Done or cancelled: nothing is left to do.
    pub fn is_closed(self) -> bool {
        self.is_done() || self == Category::Cancelled
    }
}

/// A task done or cancelled by the day, as it bears on its milestones: its state, and the
/// day of the record that closed it (none when only `status = "cancelled"` says so).
#[derive(Clone, Copy)]
struct Closing<'p> {
    state: State<'p>,
    on: Option<NaiveDate>,
}

/// One item of a task as it stood on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item<'p> {
    /// A milestone's `what`, or "2/3" for the second date of a several deadline.
    pub stage: Option<String>,
    /// The number (from 1) of the milestone the item belongs to, as `TASK/N` names it.
    pub milestone: Option<usize>,
    /// The due day of a recurring deadline's occurrence.
    pub occurrence: Option<NaiveDate>,
    /// The deadline in effect, as written.
    pub deadline: Option<&'p str>,
    /// The deadline as first written, when an extension moved it by the day.
    pub original_deadline: Option<&'p str>,
    pub kind: Option<Kind>,
    /// The start of the window the item belongs to, where it has one.
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    /// Where the item's span ends: its due date; for a whole task, the latest due date of
    /// its items (for a task done, the one in effect then), whichever item decides how it
    /// stands. Filters by year and the timeline read this, so they do not change with the day.
    pub last_due: Option<NaiveDate>,
    pub status: Status,
    pub done: Option<NaiveDate>,
    /// The last progress note reported by the day.
    pub note: Option<&'p str>,
    pub category: Category,
    /// Days past the due date: today − due while open (negative: days left), done − due
    /// once done (the deadline then in effect).
    pub days_late: Option<i64>,
}

/// The items of `task` of `plan` on `day`, in order of stage and date.
///
/// A task recorded done or cancelled closes, on the day of that record, each of its
/// milestones not already closed (done or cancelled) by then: a unit that reports the
/// whole task done says its stages are done, and one that means a stage reports it
/// (`TASK/N`, or the stage's row of a form). A milestone closed before keeps its own
/// standing, its own done date and category. The one exception is a milestone whose own
/// entry, dated after the task's closing one, says it is open or in progress: that later
/// word counts, the milestone is open again (overdue once its date passes), and `check`
/// warns of the contradiction (W005).
pub fn items<'p>(plan: &'p Plan, task: &'p Task, day: NaiveDate) -> Vec<Item<'p>> {
    let whole = Record::of_task(task);
    let mut out = Vec::new();
    if task.milestones.is_empty() {
        expand(plan, whole, None, None, day, &mut out);
        return out;
    }
    let task_state = whole.state_on(day);
    let closing = task_state.status.is_closed().then(|| Closing {
        state: task_state,
        on: whole.said_on(day),
    });
    for (n, milestone) in (1..).zip(&task.milestones) {
        let record = Record::of_milestone(milestone);
        let first = out.len();
        expand(plan, record, Some(&milestone.what), closing, day, &mut out);
        for item in &mut out[first..] {
            item.milestone = Some(n);
        }
    }
    out
}

/// A whole task on `day`, for listing and counting each task once.
///
/// Its category is the worst of its items' (overdue first); its due date and days late are
/// those of the item that decides it, the latest-due one in that category, so that a row
/// never pairs one stage's category with another's date. A task done is judged as a whole,
/// against its latest due date (the one in effect when it was done), and a task cancelled
/// is cancelled, unless a milestone was reported open again after it (W005): then the task
/// stands as that milestone does, status included, as `overdue` lists it.
pub fn task<'p>(plan: &'p Plan, task: &'p Task, day: NaiveDate) -> Item<'p> {
    let items = items(plan, task, day);
    let record = Record::of_task(task);
    let mut state = record.state_on(day);
    let deadline = record.deadline_on(day);
    let latest = items.iter().filter_map(|i| i.due).max();
    let kind = deadline.schedule.map(|s| s.kind);
    let decider = deciding(&items);
    // Only a milestone is ever open under a closed task; an occurrence reported apart from
    // its task's own record is judged with the task, as it always was.
    let reopened = decider.filter(|i| i.milestone.is_some() && !i.category.is_closed());
    // The task's span ends at its latest due date; a task done is judged against the one
    // in effect when it was done.
    let mut last_due = latest;
    let (category, due, days) = match (state.status, reopened, decider) {
        (Status::Done | Status::Cancelled, Some(item), _) => {
            state.status = item.status;
            state.done = item.done;
            (item.category, item.due, item.days_late)
        }
        (Status::Cancelled, None, _) => (Category::Cancelled, latest, None),
        (Status::Done, None, _) => {
            let due = due_when_done(&record, state.done).or(latest);
            let category = done_category(state.done, due);
            last_due = due;
            (category, due, days_late(category, state.done, due, day))
        }
        (_, _, Some(item)) => (item.category, item.due, item.days_late),
        (_, _, None) => {
            let category = open_category(plan, kind, latest, day);
            (
                category,
                latest,
                days_late(category, state.done, latest, day),
            )
        }
    };
    Item {
        stage: None,
        milestone: None,
        occurrence: None,
        deadline: deadline.text,
        original_deadline: deadline.original,
        kind,
        start: items.iter().filter_map(|i| i.start).min(),
        due,
        last_due,
        status: state.status,
        done: state.done,
        note: state
            .note
            .or_else(|| items.iter().rev().find_map(|i| i.note)),
        days_late: days,
        category,
    }
}

/// The item that decides an open task's standing: the worst category (overdue first),
/// and in it the latest due date, as a task's single row has always shown its latest.
fn deciding<'a, 'p>(items: &'a [Item<'p>]) -> Option<&'a Item<'p>> {
    items
        .iter()
        .max_by_key(|i| (rank(i.category), i.due.is_some(), i.due))
}

/// Which of a task's items decides an open task's category: overdue first.
fn rank(category: Category) -> u8 {
    match category {
        Category::OpenOverdue => 7,
        Category::Unfinished => 6,
        Category::OpenInTime => 5,
        Category::NoDate => 4,
        Category::Ongoing => 3,
        Category::DoneLate => 2,
        Category::DoneOnTime => 1,
        Category::Cancelled => 0,
    }
}

/// The due date in effect on the day `done`, of a task's own deadline.
fn due_when_done(record: &Record, done: Option<NaiveDate>) -> Option<NaiveDate> {
    record.deadline_on(done?).schedule?.due
}

/// The items of one record: one per stage or occurrence of the deadline in effect.
fn expand<'p>(
    plan: &'p Plan,
    record: Record<'p>,
    stage: Option<&str>,
    closing: Option<Closing<'p>>,
    day: NaiveDate,
    out: &mut Vec<Item<'p>>,
) {
    let deadline = record.deadline_on(day);
    let label = stage.map(str::to_string);
    let Some(schedule) = deadline.schedule else {
        // No date (an unreadable deadline, which `check` reported).
        let state = under(closing, day, |d| (record.state_on(d), record.said_on(d)));
        out.push(item(plan, &record, label, None, deadline, None, state, day));
        return;
    };
    let each_date = match schedule.kind {
        Kind::Recurring => true,
        Kind::Several => schedule.dates.len() > 1,
        _ => false,
    };
    if !each_date {
        let state = under(closing, day, |d| (record.state_on(d), record.said_on(d)));
        let mut it = item(
            plan,
            &record,
            label,
            None,
            deadline,
            schedule.due,
            state,
            day,
        );
        it.start = schedule.start;
        out.push(it);
        return;
    }
    let total = schedule.dates.len();
    for (i, &date) in schedule.dates.iter().enumerate() {
        let state = under(closing, day, |d| occurrence_state(&record, date, d));
        // A recurring deadline's items are its occurrences; a several one's, its stages.
        let (label, occurrence) = match schedule.kind {
            Kind::Recurring => (label.clone(), Some(date)),
            _ => (label.clone().or(Some(format!("{}/{total}", i + 1))), None),
        };
        let mut it = item(
            plan,
            &record,
            label,
            occurrence,
            deadline,
            Some(date),
            state,
            day,
        );
        // A stage's window opens the day after the one before it closes.
        it.start = match i {
            0 => schedule.start,
            _ => schedule.dates[i - 1].succ_opt(),
        };
        out.push(it);
    }
}

/// A stage's state on `day` under its task's `closing` (see [`items`]). `own` gives the
/// stage's own state on a day and the day of the record it reads.
fn under<'p>(
    closing: Option<Closing<'p>>,
    day: NaiveDate,
    own: impl Fn(NaiveDate) -> (State<'p>, Option<NaiveDate>),
) -> State<'p> {
    let (now, said) = own(day);
    let Some(closing) = closing else {
        return now;
    };
    let Some(closed_on) = closing.on else {
        // When the task was stopped is not written: a stage closed now keeps its standing.
        return if now.status.is_closed() {
            now
        } else {
            closing.state
        };
    };
    // Reported open again after the task was closed: the later word counts (W005).
    if !now.status.is_closed() && said.is_some_and(|said| said > closed_on) {
        return now;
    }
    let then = own(closed_on).0;
    if then.status.is_closed() {
        then
    } else {
        closing.state
    }
}

/// The state of one occurrence (or one stage of a several deadline) on `day`, with the day
/// of the record it reads: what was reported of it, else what the whole record is when
/// that is closed, else open.
fn occurrence_state<'p>(
    record: &Record<'p>,
    date: NaiveDate,
    day: NaiveDate,
) -> (State<'p>, Option<NaiveDate>) {
    let own: Vec<&Progress> = record
        .progress
        .iter()
        .filter(|p| p.on <= day && p.occurrence == Some(date))
        .collect();
    if let Some(last) = own.last() {
        return (State::from_entries(&own), Some(last.on));
    }
    let whole = record.state_on(day);
    let said = record.said_on(day);
    if whole.status.is_closed() {
        return (whole, said);
    }
    (State::open(), said)
}

/// A milestone its file reports open or in progress after its task was recorded done or
/// cancelled: the contradiction `check` warns of (W005), where [`items`] takes the
/// stage's later word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reopened<'p> {
    /// Its number, from 1, as `TASK/N` names it.
    pub milestone: usize,
    /// The stage's last entry that says it is not closed.
    pub entry: &'p Progress,
    /// The day of the task's record that closed it.
    pub closed_on: NaiveDate,
}

/// The milestones of `task` reported open again after the task was closed, as the file
/// stands (every entry known).
pub fn reopened(task: &Task) -> Vec<Reopened<'_>> {
    let whole = Record::of_task(task);
    let last = NaiveDate::MAX;
    let closed_on = match whole.state_on(last).status.is_closed() {
        true => whole.said_on(last),
        false => None,
    };
    let Some(closed_on) = closed_on else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (n, milestone) in (1..).zip(&task.milestones) {
        // What the stage says last, as a whole and of each occurrence (entries are in date
        // order, so a later one replaces an earlier).
        let mut lasts = std::collections::BTreeMap::new();
        for entry in &milestone.progress {
            lasts.insert(entry.occurrence, entry);
        }
        let open_again = (lasts.into_values())
            .filter(|p| p.on > closed_on && !p.status.is_closed())
            .max_by_key(|p| p.on);
        if let Some(entry) = open_again {
            out.push(Reopened {
                milestone: n,
                entry,
                closed_on,
            });
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn item<'p>(
    plan: &'p Plan,
    record: &Record<'p>,
    stage: Option<String>,
    occurrence: Option<NaiveDate>,
    deadline: Deadline<'p>,
    due: Option<NaiveDate>,
    state: State<'p>,
    day: NaiveDate,
) -> Item<'p> {
    let kind = deadline.schedule.map(|s| s.kind);
    // Done is judged against the deadline in effect on the day it was done; a stage's
    // or an occurrence's due day is its own.
    let one_date = deadline.schedule.is_none_or(|s| s.dates.len() <= 1);
    let due_then = match one_date {
        true => due_when_done(record, state.done).or(due),
        false => due,
    };
    let category = match state.status {
        Status::Cancelled => Category::Cancelled,
        Status::Done => done_category(state.done, due_then),
        _ => open_category(plan, kind, due, day),
    };
    let late_against = if category.is_done() { due_then } else { due };
    Item {
        stage,
        milestone: None,
        occurrence,
        deadline: deadline.text,
        original_deadline: deadline.original,
        kind,
        start: None,
        due,
        last_due: due,
        status: state.status,
        done: state.done,
        note: state.note,
        days_late: days_late(category, state.done, late_against, day),
        category,
    }
}

fn done_category(done: Option<NaiveDate>, due: Option<NaiveDate>) -> Category {
    match (done, due) {
        (Some(done), Some(due)) if done > due => Category::DoneLate,
        _ => Category::DoneOnTime,
    }
}

/// An item not done on `day`: unfinished from the day its plan was closed, else by its
/// due date; ongoing and undated items apart.
fn open_category(
    plan: &Plan,
    kind: Option<Kind>,
    due: Option<NaiveDate>,
    day: NaiveDate,
) -> Category {
    if plan.closed.is_some_and(|closed| closed <= day) {
        return Category::Unfinished;
    }
    match (due, kind) {
        (Some(due), _) if due < day => Category::OpenOverdue,
        (Some(_), _) => Category::OpenInTime,
        (None, Some(Kind::Ongoing)) => Category::Ongoing,
        (None, _) => Category::NoDate,
    }
}

fn days_late(
    category: Category,
    done: Option<NaiveDate>,
    due: Option<NaiveDate>,
    day: NaiveDate,
) -> Option<i64> {
    let due = due?;
    match category {
        Category::DoneOnTime | Category::DoneLate => done.map(|d| (d - due).num_days()),
        Category::Cancelled | Category::Unfinished => None,
        _ => Some((day - due).num_days()),
    }
}

/// True when `plan` existed on `day`: a plan issued later is not known yet.
pub fn known_on(plan: &Plan, day: NaiveDate) -> bool {
    plan.issued <= day
}

#[cfg(test)]
mod tests;
