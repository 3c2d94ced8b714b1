//! Data for reports: the per-plan summary (progress, overdue by lead unit, due soon,
//! workload, timeline) and the full resolved task table of `export`.

use chrono::NaiveDate;
use serde::Serialize;

use super::filter::{Filter, Within};
use super::tasks::{Item, Listing, TaskRow, final_due, items_of, rows};
use super::workload::{DUE_SOON_DAYS, Workload, workload};
use crate::deadline::Kind;
use crate::model::{Plan, Status};
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
pub struct PlanSummary {
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
    pub overdue_rows: Vec<TaskRow>,
    pub due_soon: Vec<TaskRow>,
    pub workload: Workload,
    pub timeline: Vec<Bar>,
}

/// The summary of every plan that passes the filter, with the names of the units it cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub today: NaiveDate,
    pub plans: Vec<PlanSummary>,
    /// (code, name) of every unit, in registry order.
    pub unit_names: Vec<(String, String)>,
}

/// Summarises the plans that pass the filter on `today`.
pub fn summary(plans: &[Plan], registry: &Registry, filter: &Filter, today: NaiveDate) -> Summary {
    Summary {
        today,
        plans: plans
            .iter()
            .filter(|plan| filter.plan(plan))
            .map(|plan| plan_summary(plan, registry, filter, today))
            .collect(),
        unit_names: registry
            .units()
            .iter()
            .map(|u| (u.code.clone(), u.name.clone()))
            .collect(),
    }
}

/// One plan summarised on `today`.
fn plan_summary(
    plan: &Plan,
    registry: &Registry,
    filter: &Filter,
    today: NaiveDate,
) -> PlanSummary {
    let one = std::slice::from_ref(plan);
    let tasks: Vec<_> = plan.tasks.iter().filter(|t| filter.task(t)).collect();
    let late = |t: &&&crate::model::Task| items_of(t).iter().any(|i| i.late_on(today).is_some());
    PlanSummary {
        number: plan.number.clone(),
        issuer: plan.issuer.clone(),
        title: plan.title.clone(),
        issued: plan.issued,
        tasks: tasks.len(),
        done: tasks.iter().filter(|t| t.status == Status::Done).count(),
        cancelled: tasks
            .iter()
            .filter(|t| t.status == Status::Cancelled)
            .count(),
        open: tasks.iter().filter(|t| !t.status.is_closed()).count(),
        overdue: tasks.iter().filter(late).count(),
        overdue_rows: rows(one, filter, today, Listing::Overdue),
        due_soon: rows(
            one,
            filter,
            today,
            Listing::Upcoming(Within::Days(DUE_SOON_DAYS)),
        ),
        workload: workload(one, registry, filter, today),
        timeline: timeline(plan, filter, today),
    }
}

fn timeline(plan: &Plan, filter: &Filter, today: NaiveDate) -> Vec<Bar> {
    let mut bars = Vec::new();
    for task in plan.tasks.iter().filter(|t| filter.task(t)) {
        let Some(end) = final_due(task) else { continue };
        let starts = task
            .schedule
            .iter()
            .chain(task.milestones.iter().filter_map(|m| m.schedule.as_ref()))
            .filter_map(|s| s.start);
        let start = starts.min().unwrap_or(plan.issued).min(end);
        let late = items_of(task).iter().any(|i| i.late_on(today).is_some());
        let state = match task.status {
            Status::Done | Status::Cancelled => BarState::Done,
            _ if late => BarState::Late,
            Status::InProgress => BarState::InProgress,
            Status::Open => BarState::Open,
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
    pub deadline: Option<String>,
    pub kind: Option<Kind>,
    pub milestone: Option<String>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    /// Every date of the stage: one, or the occurrences of a recurring deadline.
    pub dates: Vec<NaiveDate>,
    pub status: Status,
    pub done: Option<NaiveDate>,
    pub product: Option<String>,
    pub note: Option<String>,
}

/// Every task, and every stage of tasks that have them, of the plans that pass the filter.
pub fn export(plans: &[Plan], filter: &Filter) -> Vec<ExportRow> {
    let mut rows = Vec::new();
    for plan in plans.iter().filter(|p| filter.plan(p)) {
        for task in plan.tasks.iter().filter(|t| filter.task(t)) {
            let mut stages = items_of(task);
            if stages.is_empty() {
                stages.push(Item::whole(task));
            }
            rows.extend(stages.into_iter().map(|stage| ExportRow {
                plan: plan.number.clone(),
                issuer: plan.issuer.clone(),
                task: task.id.clone(),
                section: task.section.clone(),
                content: task.content.clone(),
                lead: task.lead.clone(),
                support: task.support.clone(),
                deadline: stage.deadline.map(str::to_string),
                kind: stage.kind,
                milestone: stage.milestone,
                start: stage.start,
                due: stage.dates.last().copied(),
                dates: stage.dates,
                status: stage.status,
                done: task.done,
                product: task.product.clone(),
                note: task.note.clone(),
            }));
        }
    }
    rows
}
