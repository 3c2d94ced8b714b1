//! Questions asked of the checked plans. Takes `today` as a parameter, never reads the
//! clock; returns plain sorted rows and formats nothing.
//!
//! Milestones, the stages of a "several" deadline and the occurrences of a recurring one
//! each count on their own ([`crate::progress::items`]): `overdue`, `upcoming`, the period
//! report and `export` list them one row each. `tasks`, `workload`, summaries and the site
//! take each task once ([`crate::progress::task`]), as its worst item stands, and the row
//! carries that item's due date and days, so that category, due date and days describe
//! the same stage and agree with `overdue`. A task recorded done or cancelled closes its
//! milestones not closed by then, unless a milestone's own later entry says it is open
//! again: then that milestone counts as open and the task's row stands as it does
//! (`check` warns, W005). Filters by year and the timeline read the task's whole span
//! (`last_due`), which does not change with the day.

mod filter;
mod grep;
mod period;
mod report;
mod report_period;
mod tasks;
mod workload;

pub use filter::{Filter, PlanKey, Role, Within, suggest_plan};
pub use grep::Grep;
pub use period::{Cutoff, PERIOD_FORMS, Period, Span, Window};
pub use report::{Bar, BarState, ExportRow, PlanSummary, Summary, export, summary, timeline};
pub use report_period::{
    Counts, ExtensionRow, OverdueRow, PeriodReport, PlanCounts, ReportQuery, UnitCounts, in_report,
    period_report,
};
pub use tasks::{Listing, TaskRow, order, plans_on, rows};
pub use workload::{DUE_SOON_DAYS, QuarterRow, Workload, WorkloadRow, by_quarter, workload};

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Plan, Unit, UnitKind};

/// One line of `bhxh-plan plans`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanRow {
    pub number: String,
    pub issuer: String,
    pub kind: Option<String>,
    pub title: String,
    pub issued: NaiveDate,
    pub file: PathBuf,
    pub tasks: usize,
}

/// Every plan known on `today` with its task count, by issue date then number.
pub fn plan_rows(plans: &[Plan], today: NaiveDate) -> Vec<PlanRow> {
    let mut rows: Vec<PlanRow> = plans
        .iter()
        .filter(|p| crate::progress::known_on(p, today))
        .map(|p| PlanRow {
            number: p.number.clone(),
            issuer: p.issuer.clone(),
            kind: p.kind.clone(),
            title: p.title.clone(),
            issued: p.issued,
            file: p.file.clone(),
            tasks: p.tasks.len(),
        })
        .collect();
    rows.sort_by(|a, b| (a.issued, &a.number).cmp(&(b.issued, &b.number)));
    rows
}

/// One line of `bhxh-plan units`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitRow {
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub aliases: Vec<String>,
    pub successor: Option<String>,
}

/// Rows for units, in the order given.
pub fn unit_rows<'a>(units: impl IntoIterator<Item = &'a Unit>) -> Vec<UnitRow> {
    units
        .into_iter()
        .map(|u| UnitRow {
            code: u.code.clone(),
            name: u.name.clone(),
            kind: u.kind,
            aliases: u.aliases.iter().map(|a| a.name.clone()).collect(),
            successor: u.successor.clone(),
        })
        .collect()
}
