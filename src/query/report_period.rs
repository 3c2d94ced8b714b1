//! The progress report of a period (DESIGN §8): which items a period's report holds, the
//! four categories per plan and per lead unit with the rate done on time, what is overdue,
//! what falls due next, the extensions granted, and what is counted apart.
//!
//! Plans issued after the report's day, or closed before the window's start, are absent.
//! The report is read on the window's last day, or on `--today` when that comes first (a
//! report of the running quarter knows only what is known today, DESIGN §6).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::filter::Filter;
use super::period::{Cutoff, Period, Window};
use super::tasks::{TaskRow, order, plans_on, sort};
use super::workload::{entry, registry_order, row_unit};
use crate::model::{Extension, Plan, Task};
use crate::progress::{self, Category, Item};
use crate::units::Registry;

/// Items of a plan or a unit by category, with the rate done on time.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    pub done_on_time: usize,
    pub done_late: usize,
    pub open_in_time: usize,
    pub open_overdue: usize,
    pub ongoing: usize,
    pub no_date: usize,
    /// Not done when the plan was closed.
    pub unfinished: usize,
    pub cancelled: usize,
    /// The denominator of the rate: every item with a due date in the report that was
    /// not cancelled (the four categories and `unfinished`). Ongoing, undated and
    /// cancelled items are not in it.
    pub counted: usize,
    /// `done_on_time / counted`, or null when nothing is counted.
    pub on_time_rate: Option<f64>,
}

impl Counts {
    fn add(&mut self, category: Category) {
        let count = match category {
            Category::DoneOnTime => &mut self.done_on_time,
            Category::DoneLate => &mut self.done_late,
            Category::OpenInTime => &mut self.open_in_time,
            Category::OpenOverdue => &mut self.open_overdue,
            Category::Ongoing => &mut self.ongoing,
            Category::NoDate => &mut self.no_date,
            Category::Unfinished => &mut self.unfinished,
            Category::Cancelled => &mut self.cancelled,
        };
        *count += 1;
        self.refresh();
    }

    /// Adds another row's counts: a total.
    pub fn merge(&mut self, other: &Counts) {
        self.done_on_time += other.done_on_time;
        self.done_late += other.done_late;
        self.open_in_time += other.open_in_time;
        self.open_overdue += other.open_overdue;
        self.ongoing += other.ongoing;
        self.no_date += other.no_date;
        self.unfinished += other.unfinished;
        self.cancelled += other.cancelled;
        self.refresh();
    }

    fn refresh(&mut self) {
        self.counted = self.done_on_time
            + self.done_late
            + self.open_in_time
            + self.open_overdue
            + self.unfinished;
        self.on_time_rate =
            (self.counted > 0).then(|| self.done_on_time as f64 / self.counted as f64);
    }

    /// The count of one category.
    pub fn of(&self, category: Category) -> usize {
        match category {
            Category::DoneOnTime => self.done_on_time,
            Category::DoneLate => self.done_late,
            Category::OpenInTime => self.open_in_time,
            Category::OpenOverdue => self.open_overdue,
            Category::Ongoing => self.ongoing,
            Category::NoDate => self.no_date,
            Category::Unfinished => self.unfinished,
            Category::Cancelled => self.cancelled,
        }
    }
}

/// One plan's counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanCounts {
    pub plan: String,
    pub issuer: String,
    #[serde(flatten)]
    pub counts: Counts,
}

/// One lead unit's counts: an item led by several units counts for each of them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitCounts {
    pub unit: String,
    pub name: String,
    #[serde(flatten)]
    pub counts: Counts,
}

/// An item not done and overdue on the report's day, with the last progress note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverdueRow<'p> {
    #[serde(flatten)]
    pub row: TaskRow<'p>,
    /// The last progress note reported by the day.
    pub note: Option<String>,
}

/// An extension granted inside the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtensionRow {
    pub plan: String,
    /// The task's id; `ID/N` for its N-th milestone.
    pub task: String,
    pub on: NaiveDate,
    pub from: String,
    pub to: String,
    pub by: String,
}

/// The report of a period; its JSON is DESIGN §8's object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodReport<'p> {
    pub period: Period,
    pub cutoff: Cutoff,
    pub window: Window,
    pub plans: Vec<PlanCounts>,
    pub units: Vec<UnitCounts>,
    pub overdue: Vec<OverdueRow<'p>>,
    /// Open items due inside the next period's window.
    pub next: Vec<TaskRow<'p>>,
    pub extensions: Vec<ExtensionRow>,
    /// The day the report is read on: the window's last day, or today if earlier.
    #[serde(skip)]
    pub day: NaiveDate,
    #[serde(skip)]
    pub next_period: Period,
    #[serde(skip)]
    pub next_window: Window,
    /// Items in the report that are not counted as due: ongoing, undated, cancelled, and
    /// unfinished when their plan closed. (JSON has their counts in `plans` and `units`.)
    #[serde(skip)]
    pub apart: Vec<TaskRow<'p>>,
}

/// What a report needs besides the plans.
pub struct ReportQuery<'a> {
    pub registry: &'a Registry,
    pub filter: &'a Filter,
    pub period: Period,
    pub cutoff: Cutoff,
    pub window: Window,
    pub next_window: Window,
    pub today: NaiveDate,
}

/// True when `item`, as it stood on the report's day, is in the report of `window`: its
/// deadline in effect falls by the window's end and it was not done before the window's
/// start, or it was done inside the window. Items with no due date are in unless done
/// before the window.
pub fn in_report(item: &Item, window: &Window) -> bool {
    match (item.category.is_done(), item.done) {
        (true, Some(done)) => done >= window.start,
        _ => item.due.is_none_or(|due| due <= window.end),
    }
}

/// The report of `query.period` over the plans known on its day that pass the filter.
pub fn period_report<'p>(plans: &'p [Plan], query: &ReportQuery) -> PeriodReport<'p> {
    let day = query.today.min(query.window.end);
    let mut report = PeriodReport {
        period: query.period,
        cutoff: query.cutoff,
        window: query.window,
        plans: Vec::new(),
        units: Vec::new(),
        overdue: Vec::new(),
        next: Vec::new(),
        extensions: Vec::new(),
        day,
        next_period: query.period.next(),
        next_window: query.next_window,
        apart: Vec::new(),
    };
    let mut units: BTreeMap<String, Counts> = BTreeMap::new();
    let mut by_plan = Vec::new();
    // A plan closed before the window opened was not tracked in it: its final report has
    // been made. One closed inside the window is in, its unfinished work counted.
    let tracked = plans_on(plans, query.filter, day).filter(|plan| {
        plan.closed
            .is_none_or(|closed| closed >= query.window.start)
    });
    for plan in tracked {
        let mut counts = Counts::default();
        for task in plan.tasks.iter().filter(|t| query.filter.task(t)) {
            let leads = lead_rows(query, task, day);
            for item in progress::items(plan, task, day) {
                let open = matches!(item.category, Category::OpenInTime | Category::OpenOverdue);
                if open && item.due.is_some_and(|due| query.next_window.contains(due)) {
                    report.next.push(TaskRow::of(plan, task, item.clone()));
                }
                if !in_report(&item, &query.window) {
                    continue;
                }
                counts.add(item.category);
                for unit in &leads {
                    entry(&mut units, unit).add(item.category);
                }
                let note = item.note.map(str::to_string);
                let row = TaskRow::of(plan, task, item);
                match row.category {
                    Category::OpenOverdue => report.overdue.push(OverdueRow { row, note }),
                    Category::Ongoing
                    | Category::NoDate
                    | Category::Unfinished
                    | Category::Cancelled => report.apart.push(row),
                    _ => {}
                }
            }
            extensions(plan, task, query.window, day, &mut report.extensions);
        }
        // A plan with nothing in the window (all its work due later) has no row.
        if counts != Counts::default() {
            let row = PlanCounts {
                plan: plan.number.clone(),
                issuer: plan.issuer.clone(),
                counts,
            };
            by_plan.push((plan.issued, row));
        }
    }
    by_plan.sort_by(|a, b| (a.0, &a.1.plan).cmp(&(b.0, &b.1.plan)));
    report.plans = by_plan.into_iter().map(|(_, row)| row).collect();
    report.units = unit_rows(query.registry, units);
    report.overdue.sort_by(|a, b| order(&a.row, &b.row));
    sort(&mut report.next);
    sort(&mut report.apart);
    report
        .extensions
        .sort_by(|a, b| (a.on, &a.plan, &a.task).cmp(&(b.on, &b.plan, &b.task)));
    report
}

/// The rows a task's items count in on the report's `day`: each lead unit's, once, as
/// `workload` counts it.
fn lead_rows<'a>(query: &ReportQuery<'a>, task: &'a Task, day: NaiveDate) -> Vec<&'a str> {
    let mut rows: Vec<&str> = Vec::new();
    for code in &task.lead {
        if let Some(row) = row_unit(query.registry, query.filter, code, day)
            && !rows.contains(&row)
        {
            rows.push(row);
        }
    }
    rows
}

fn unit_rows(registry: &Registry, units: BTreeMap<String, Counts>) -> Vec<UnitCounts> {
    let mut rows: Vec<UnitCounts> = units
        .into_iter()
        .map(|(unit, counts)| UnitCounts {
            name: registry
                .get(&unit)
                .map_or_else(String::new, |u| u.name.clone()),
            unit,
            counts,
        })
        .collect();
    rows.sort_by_key(|r| (registry_order(registry, &r.unit), r.unit.clone()));
    rows
}

/// The extensions of a task and its milestones granted inside the window and known by
/// the report's day.
fn extensions(
    plan: &Plan,
    task: &Task,
    window: Window,
    day: NaiveDate,
    out: &mut Vec<ExtensionRow>,
) {
    let granted = |e: &&Extension| window.contains(e.on) && e.on <= day;
    let row = |id: String, e: &Extension| ExtensionRow {
        plan: plan.number.clone(),
        task: id,
        on: e.on,
        from: e.from.clone(),
        to: e.to.clone(),
        by: e.by.clone(),
    };
    out.extend(
        task.extensions
            .iter()
            .filter(granted)
            .map(|e| row(task.id.clone(), e)),
    );
    for (n, milestone) in task.milestones.iter().enumerate() {
        let id = format!("{}/{}", task.id, n + 1);
        out.extend(
            milestone
                .extensions
                .iter()
                .filter(granted)
                .map(|e| row(id.clone(), e)),
        );
    }
}
