//! Per-unit workload: how many tasks each unit leads and supports, and where they stand
//! on the day in the four categories ([`crate::progress`]).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::filter::{Filter, Role, Within};
use super::tasks::{self, Listing, lists, plans_on};
use crate::model::{Plan, Status, Task};
use crate::progress::{self, Category, Item};
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
    // The rest count the tasks the unit holds in the chosen role, by status on the day…
    pub open: usize,
    pub in_progress: usize,
    pub overdue: usize,
    pub due_soon: usize,
    pub done: usize,
    // …and by category.
    pub done_late: usize,
    pub done_on_time: usize,
    pub open_in_time: usize,
    pub ongoing: usize,
    pub no_date: usize,
    pub unfinished: usize,
    pub cancelled: usize,
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
        self.done_on_time += other.done_on_time;
        self.open_in_time += other.open_in_time;
        self.ongoing += other.ongoing;
        self.no_date += other.no_date;
        self.unfinished += other.unfinished;
        self.cancelled += other.cancelled;
    }
}

/// The workload table: a row per unit, and the total (a row whose `unit` is empty) that
/// counts each task once, however many units hold it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Workload {
    pub rows: Vec<WorkloadRow>,
    pub total: WorkloadRow,
}

/// What one task, standing as `whole` on `today`, adds to the row of a unit that holds it
/// in the chosen role.
fn standing(plan: &Plan, task: &Task, whole: &Item, today: NaiveDate) -> WorkloadRow {
    let soon = Listing::Upcoming(Within::Days(DUE_SOON_DAYS));
    let due_soon = progress::items(plan, task, today)
        .iter()
        .any(|item| lists(soon, item, today));
    let is = |category| usize::from(whole.category == category);
    WorkloadRow {
        open: usize::from(whole.status == Status::Open),
        in_progress: usize::from(whole.status == Status::InProgress),
        done: usize::from(whole.status == Status::Done),
        overdue: is(Category::OpenOverdue),
        due_soon: usize::from(due_soon),
        done_late: is(Category::DoneLate),
        done_on_time: is(Category::DoneOnTime),
        open_in_time: is(Category::OpenInTime),
        ongoing: is(Category::Ongoing),
        no_date: is(Category::NoDate),
        unfinished: is(Category::Unfinished),
        cancelled: is(Category::Cancelled),
        ..WorkloadRow::default()
    }
}

/// Counts per unit over the plans and tasks that pass the filter on `today` (units: the
/// filter's units, merged into one row named after the first; otherwise every unit that
/// holds a task, a unit merged into another counted as the one it became, as `--unit`
/// counts it).
pub fn workload(
    plans: &[Plan],
    registry: &Registry,
    filter: &Filter,
    today: NaiveDate,
) -> Workload {
    let mut by_unit: BTreeMap<String, WorkloadRow> = BTreeMap::new();
    let mut total = WorkloadRow::default();
    for plan in plans_on(plans, filter, today) {
        for task in plan.tasks.iter().filter(|t| filter.words(t)) {
            let whole = progress::task(plan, task, today);
            if !filter.item(whole.status, whole.last_due, plan) {
                continue;
            }
            let standing = standing(plan, task, &whole, today);
            let mut held: Vec<(&str, bool, bool)> = Vec::new();
            for code in task.lead.iter().chain(&task.support) {
                let Some(row_code) = row_unit(registry, filter, code, today) else {
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
            let (mut led, mut supported, mut in_any_role) = (false, false, false);
            for (code, leads, supports) in held {
                let row = entry(&mut by_unit, code);
                row.lead += usize::from(leads);
                row.support += usize::from(supports);
                led |= leads;
                supported |= supports;
                let in_role = match filter.role {
                    Role::Lead => leads,
                    Role::Support => supports,
                    Role::Any => true,
                };
                if in_role {
                    row.add(&standing);
                    in_any_role = true;
                }
            }
            // The total counts the task once: as led if any unit leads it, and by its
            // standing if any unit holds it in the role.
            total.lead += usize::from(led);
            total.support += usize::from(supported);
            if in_any_role {
                total.add(&standing);
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
    Workload { rows, total }
}

/// The row that counts for unit `code` on `day`: with units chosen, theirs is one row
/// named after the first, and other units have none; otherwise the row of the unit it had
/// become by `day`.
pub(super) fn row_unit<'a>(
    registry: &'a Registry,
    filter: &'a Filter,
    code: &'a str,
    day: NaiveDate,
) -> Option<&'a str> {
    match &filter.units {
        Some(units) if units.iter().any(|u| u == code) => Some(&units[0]),
        Some(_) => None,
        None => Some(registry.current_on(code, day)),
    }
}

/// The entry of `key` in `map`, made on first use. A national tree counts millions of
/// items into a few dozen units: the key is copied only the first time.
pub(super) fn entry<'m, V: Default>(map: &'m mut BTreeMap<String, V>, key: &str) -> &'m mut V {
    if !map.contains_key(key) {
        map.insert(key.to_string(), V::default());
    }
    map.get_mut(key).expect("inserted above")
}

pub(super) fn registry_order(registry: &Registry, code: &str) -> usize {
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
            Role::Lead => row.lead.to_vec(),
            Role::Support => row.support.to_vec(),
            Role::Any => row.lead.iter().chain(row.support).cloned().collect(),
        };
        let Some(due) = row.due else { continue };
        let quarter = format!("{}-Q{}", due.year(), (due.month() - 1) / 3 + 1);
        for code in holders
            .iter()
            .filter_map(|code| row_unit(registry, filter, code, today))
        {
            *entry(entry(&mut matrix, code), &quarter) += 1;
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
