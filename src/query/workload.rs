//! Per-unit workload: how many tasks each unit leads and supports, and how they stand.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::filter::{Filter, Role, Within};
use super::tasks::{self, Listing, final_due};
use crate::model::{Plan, Status, Task};
use crate::units::Registry;

/// How far ahead "due soon" looks.
pub const DUE_SOON_DAYS: u32 = 30;

/// One unit's counts; the JSON field names are stable.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WorkloadRow {
    pub unit: String,
    pub name: String,
    /// Tasks the unit leads.
    pub lead: usize,
    /// Tasks the unit supports.
    pub support: usize,
    // The rest count the tasks the unit holds in the chosen role.
    pub open: usize,
    pub in_progress: usize,
    pub overdue: usize,
    pub due_soon: usize,
    pub done: usize,
    pub done_late: usize,
}

impl WorkloadRow {
    fn add(&mut self, other: &WorkloadRow) {
        self.lead += other.lead;
        self.support += other.support;
        self.open += other.open;
        self.in_progress += other.in_progress;
        self.overdue += other.overdue;
        self.due_soon += other.due_soon;
        self.done += other.done;
        self.done_late += other.done_late;
    }
}

/// The workload table: a row per unit, and the column sums (a row whose `unit` is empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Workload {
    pub rows: Vec<WorkloadRow>,
    pub total: WorkloadRow,
}

/// What one task adds today to the row of a unit that holds it in the chosen role.
fn standing(task: &Task, today: NaiveDate) -> WorkloadRow {
    let soon = Within::Days(DUE_SOON_DAYS).horizon(today);
    let items = tasks::items_of(task);
    let done_late = task.status == Status::Done
        && task
            .done
            .zip(final_due(task))
            .is_some_and(|(done, due)| done > due);
    WorkloadRow {
        open: usize::from(task.status == Status::Open),
        in_progress: usize::from(task.status == Status::InProgress),
        done: usize::from(task.status == Status::Done),
        overdue: usize::from(items.iter().any(|i| i.late_on(today).is_some())),
        due_soon: usize::from(items.iter().any(|i| i.next_within(today, soon).is_some())),
        done_late: usize::from(done_late),
        ..WorkloadRow::default()
    }
}

/// Counts per unit over the plans and tasks that pass the filter (units: the filter's
/// units, merged into one row named after the first; otherwise every unit that holds a task).
pub fn workload(
    plans: &[Plan],
    registry: &Registry,
    filter: &Filter,
    today: NaiveDate,
) -> Workload {
    let mut by_unit: BTreeMap<String, WorkloadRow> = BTreeMap::new();
    for plan in plans.iter().filter(|p| filter.plan(p)) {
        for task in &plan.tasks {
            if !filter.item(task.status, final_due(task), plan) {
                continue;
            }
            let standing = standing(task, today);
            let mut held: Vec<(String, bool, bool)> = Vec::new();
            for code in task.lead.iter().chain(&task.support) {
                let Some(row_code) = row_unit(filter, code) else {
                    continue;
                };
                let leads = task.lead.contains(code);
                let supports = task.support.contains(code);
                match held.iter_mut().find(|h| h.0 == row_code) {
                    Some(h) => {
                        h.1 |= leads;
                        h.2 |= supports;
                    }
                    None => held.push((row_code, leads, supports)),
                }
            }
            for (code, leads, supports) in held {
                let row = by_unit.entry(code).or_default();
                row.lead += usize::from(leads);
                row.support += usize::from(supports);
                let in_role = match filter.role {
                    Role::Lead => leads,
                    Role::Support => supports,
                    Role::Any => true,
                };
                if in_role {
                    row.add(&standing);
                }
            }
        }
    }
    let mut rows: Vec<WorkloadRow> = by_unit
        .into_iter()
        .map(|(code, mut row)| {
            row.name = registry
                .get(&code)
                .map_or_else(String::new, |u| u.name.clone());
            row.unit = code;
            row
        })
        .collect();
    rows.sort_by_key(|r| (registry_order(registry, &r.unit), r.unit.clone()));
    let mut total = WorkloadRow::default();
    for row in &rows {
        total.add(row);
    }
    Workload { rows, total }
}

/// The row that counts for unit `code`: with units chosen, theirs is one row named after
/// the first, and other units have none; otherwise the unit's own.
fn row_unit(filter: &Filter, code: &str) -> Option<String> {
    match &filter.units {
        Some(units) if units.iter().any(|u| u == code) => Some(units[0].clone()),
        Some(_) => None,
        None => Some(code.to_string()),
    }
}

fn registry_order(registry: &Registry, code: &str) -> usize {
    registry
        .units()
        .iter()
        .position(|u| u.code == code)
        .unwrap_or(usize::MAX)
}

/// One unit's stages by the quarter they fall due in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuarterRow {
    pub unit: String,
    pub name: String,
    /// "2024-Q1" → number of tasks or stages due in that quarter; every row has every
    /// quarter of the matrix, with zeros.
    pub quarters: BTreeMap<String, usize>,
    pub total: usize,
}

/// The unit × quarter matrix of `workload --by quarter`.
pub fn by_quarter(
    plans: &[Plan],
    registry: &Registry,
    filter: &Filter,
    today: NaiveDate,
) -> Vec<QuarterRow> {
    let mut matrix: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let everyone = Filter {
        units: None,
        ..filter.clone()
    };
    for row in tasks::rows(plans, &everyone, today, Listing::Schedule) {
        let holders = match filter.role {
            Role::Lead => row.lead.clone(),
            Role::Support => row.support.clone(),
            Role::Any => row.lead.iter().chain(&row.support).cloned().collect(),
        };
        let Some(due) = row.due else { continue };
        let quarter = format!("{}-Q{}", due.year(), (due.month() - 1) / 3 + 1);
        for code in holders.iter().filter_map(|code| row_unit(filter, code)) {
            *matrix
                .entry(code)
                .or_default()
                .entry(quarter.clone())
                .or_default() += 1;
        }
    }
    let all_quarters: Vec<String> = matrix.values().flat_map(|q| q.keys().cloned()).collect();
    for quarters in matrix.values_mut() {
        for quarter in &all_quarters {
            quarters.entry(quarter.clone()).or_default();
        }
    }
    let mut rows: Vec<QuarterRow> = matrix
        .into_iter()
        .map(|(code, quarters)| QuarterRow {
            name: registry
                .get(&code)
                .map_or_else(String::new, |u| u.name.clone()),
            total: quarters.values().sum(),
            unit: code,
            quarters,
        })
        .collect();
    rows.sort_by_key(|r| (registry_order(registry, &r.unit), r.unit.clone()));
    rows
}
