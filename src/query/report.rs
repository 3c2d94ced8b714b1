//! Data for reports: the per-plan summary (progress, overdue by lead unit, due soon,
//! workload, timeline) and the full resolved task table of `export`.

use chrono::NaiveDate;
use serde::Serialize;

use super::filter::{Filter, Within};
use super::tasks::{Listing, TaskRow, plans_on, rows};
use super::workload::{DUE_SOON_DAYS, Workload, workload};
use crate::deadline::Kind;
use crate::model::{Plan, Status, Task};
use crate::progress::{self, Category};
use crate::units::Registry;

/// How a bar of the timeline stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BarState {
    Open,
    InProgress,
    Late,
    Done,
}

/// One task on the timeline, from the start of its window to its final due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bar {
    /// The section's id and title, as in the document.
    pub section: Option<(String, String)>,
    pub task: String,
    pub content: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub state: BarState,
}

/// One plan, summarised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanSummary<'p> {
    pub number: String,
    pub issuer: String,
    pub title: String,
    pub issued: NaiveDate,
    pub tasks: usize,
    pub done: usize,
    pub cancelled: usize,
    /// Tasks neither done nor cancelled.
    pub open: usize,
    /// Open tasks with at least one stage past due.
    pub overdue: usize,
    pub overdue_rows: Vec<TaskRow<'p>>,
    pub due_soon: Vec<TaskRow<'p>>,
    pub workload: Workload,
    pub timeline: Vec<Bar>,
}

/// The summary of every plan that passes the filter, with the names of the units it cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary<'p> {
    pub today: NaiveDate,
    pub plans: Vec<PlanSummary<'p>>,
    /// (code, name) of every unit, in registry order.
    pub unit_names: Vec<(String, String)>,
}

/// Summarises the plans that pass the filter on `today`.
pub fn summary<'p>(
    plans: &'p [Plan],
    registry: &Registry,
    filter: &Filter,
    today: NaiveDate,
) -> Summary<'p> {
    Summary {
        today,
        plans: plans_on(plans, filter, today)
            .map(|plan| plan_summary(plan, registry, filter, today))
            .collect(),
        unit_names: registry
            .units()
            .iter()
            .map(|u| (u.code.clone(), u.name.clone()))
            .collect(),
    }
}

/// One plan summarised on `today`: the tasks `tasks` lists, counted by where they stand,
/// and the overdue and due-soon items of those tasks, so that the counts and the lists agree.
fn plan_summary<'p>(
    plan: &'p Plan,
    registry: &Registry,
    filter: &Filter,
    today: NaiveDate,
) -> PlanSummary<'p> {
    let one = std::slice::from_ref(plan);
    let listed = rows(one, filter, today, Listing::All);
    let count = |keep: &dyn Fn(&TaskRow) -> bool| listed.iter().filter(|r| keep(r)).count();
    let of_listed = |listing| {
        let mut items = rows(one, filter, today, listing);
        items.retain(|r| listed.iter().any(|t| t.task == r.task));
        items
    };
    PlanSummary {
        number: plan.number.clone(),
        issuer: plan.issuer.clone(),
        title: plan.title.clone(),
        issued: plan.issued,
        tasks: listed.len(),
        done: count(&|r| r.status == Status::Done),
        cancelled: count(&|r| r.status == Status::Cancelled),
        open: count(&|r| !r.status.is_closed()),
        overdue: count(&|r| r.category == Category::OpenOverdue),
        overdue_rows: of_listed(Listing::Overdue),
        due_soon: of_listed(Listing::Upcoming(Within::Days(DUE_SOON_DAYS))),
        workload: workload(one, registry, filter, today),
        timeline: timeline(plan, filter, today),
    }
}

/// The timeline of one plan on `today`: a bar per task that passes the filter and has a
/// due date, in document order.
pub fn timeline(plan: &Plan, filter: &Filter, today: NaiveDate) -> Vec<Bar> {
    let mut bars = Vec::new();
    for task in plan.tasks.iter().filter(|t| filter.task(t)) {
        let whole = progress::task(plan, task, today);
        if !filter.item(whole.status, whole.last_due, plan) {
            continue;
        }
        // The bar spans the whole task, whichever stage makes it late.
        let Some(end) = whole.last_due else { continue };
        let start = whole.start.unwrap_or(plan.issued).min(end);
        let state = match whole.category {
            Category::DoneOnTime | Category::DoneLate | Category::Cancelled => BarState::Done,
            Category::OpenOverdue | Category::Unfinished => BarState::Late,
            _ if whole.status == Status::InProgress => BarState::InProgress,
            _ => BarState::Open,
        };
        let section = task.section.as_ref().and_then(|id| {
            let section = plan.sections.iter().find(|s| &s.id == id)?;
            Some((section.id.clone(), section.title.clone()))
        });
        bars.push(Bar {
            section,
            task: task.id.clone(),
            content: task.content.clone(),
            start,
            end,
            state,
        });
    }
    bars
}

/// One row of `export`: a task, or one stage of it, with every date resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportRow {
    pub plan: String,
    pub issuer: String,
    pub task: String,
    pub section: Option<String>,
    pub content: String,
    pub lead: Vec<String>,
    pub support: Vec<String>,
    /// The deadline in effect on the day, as written.
    pub deadline: Option<String>,
    /// The deadline as first written, when an extension has moved it.
    pub original_deadline: Option<String>,
    pub kind: Option<Kind>,
    pub milestone: Option<String>,
    /// The due day of a recurring deadline's occurrence.
    pub occurrence: Option<NaiveDate>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub status: Status,
    pub done: Option<NaiveDate>,
    pub category: Category,
    pub days_overdue: Option<i64>,
    pub product: Option<String>,
    pub note: Option<String>,
    /// The last progress note reported by the day.
    pub progress_note: Option<String>,
}

/// Every task, and every stage and occurrence of tasks that have them, of the plans
/// that pass the filter, as they stand on `today`.
pub fn export(plans: &[Plan], filter: &Filter, today: NaiveDate) -> Vec<ExportRow> {
    let mut rows = Vec::new();
    for plan in plans_on(plans, filter, today) {
        for task in plan.tasks.iter().filter(|t| filter.task(t)) {
            let mut items = progress::items(plan, task, today);
            if items.is_empty() {
                items.push(progress::task(plan, task, today));
            }
            rows.extend(items.into_iter().map(|item| export_row(plan, task, item)));
        }
    }
    rows
}

fn export_row(plan: &Plan, task: &Task, item: progress::Item) -> ExportRow {
    ExportRow {
        plan: plan.number.clone(),
        issuer: plan.issuer.clone(),
        task: task.id.clone(),
        section: task.section.clone(),
        content: task.content.clone(),
        lead: task.lead.clone(),
        support: task.support.clone(),
        deadline: item.deadline.map(str::to_string),
        original_deadline: item.original_deadline.map(str::to_string),
        kind: item.kind,
        milestone: item.stage,
        occurrence: item.occurrence,
        start: item.start,
        due: item.due,
        status: item.status,
        done: item.done,
        category: item.category,
        days_overdue: item.days_late,
        product: task.product.clone(),
        note: task.note.clone(),
        progress_note: item.note.map(str::to_string),
    }
}
