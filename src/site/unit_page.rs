//! The page of a unit: the tasks it, or a unit it replaced, leads (overdue first) and
//! supports, gathered for every unit in one pass over the plans' rows.

use std::collections::HashMap;

use askama::Template;
use chrono::NaiveDate;

use super::data::{self, Cell, Counts, Line, UnitPages};
use super::{Common, Links, Page, PlanRows};
use crate::progress::Category;
use crate::query::{self, TaskRow};
use crate::render::labels;
use crate::units::Registry;

#[derive(Template)]
#[template(path = "site/unit.html")]
struct UnitPage<'a> {
    c: &'a Common,
    root: &'static str,
    code: &'a str,
    name: String,
    note: Option<String>,
    cells: Vec<Cell>,
    overdue_total: usize,
    overdue: (Vec<Line>, Option<String>),
    lead_total: usize,
    lead: (Vec<Line>, Option<String>),
    lead_chips: Vec<Cell>,
    support_total: usize,
    support: (Vec<Line>, Option<String>),
    support_chips: Vec<Cell>,
}

/// A unit page lists at most this many rows in each of its lists, the most pressing first
/// (a unit of a national tree may hold tens of thousands); its counts cover every row, and
/// a sentence under a shortened list says where the rest are.
const UNIT_ROWS: usize = 1000;

/// A unit's rows with the page file of each row's plan.
type Picked<'r> = Vec<(&'r TaskRow<'r>, &'r str)>;

/// The rows of a unit's page: the tasks it leads that are overdue, every task it leads,
/// every task it supports.
#[derive(Default)]
pub(super) struct UnitRows<'r> {
    overdue: Picked<'r>,
    lead: Picked<'r>,
    support: Picked<'r>,
}

/// Every unit's rows, gathered in one pass over the plans' rows: a row is on the page of
/// each unit it names, as the unit that unit had become by `today` (as `--unit` lists
/// it), once.
pub(super) fn unit_rows<'r>(
    per_plan: &'r [PlanRows],
    registry: &Registry,
    today: NaiveDate,
) -> HashMap<String, UnitRows<'r>> {
    let mut units: HashMap<String, UnitRows> = HashMap::new();
    for rows in per_plan {
        let file = rows.file.as_str();
        for row in &rows.overdue {
            for code in currents(registry, row.lead, today) {
                units.entry(code).or_default().overdue.push((row, file));
            }
        }
        for row in &rows.tasks {
            for code in currents(registry, row.lead, today) {
                units.entry(code).or_default().lead.push((row, file));
            }
            for code in currents(registry, row.support, today) {
                units.entry(code).or_default().support.push((row, file));
            }
        }
    }
    units
}

/// The units `codes` had become by `today`, each once.
fn currents(registry: &Registry, codes: &[String], today: NaiveDate) -> Vec<String> {
    let mut current: Vec<String> = codes
        .iter()
        .map(|c| registry.current_on(c, today).to_string())
        .collect();
    current.sort_unstable();
    current.dedup();
    current
}

/// The first [`UNIT_ROWS`] of a unit's rows in the order its page lists them: as `tasks`
/// orders them (most overdue first) and, `by_category_too`, grouped overdue, in hand,
/// done, then the rest; rows alike in their order. Only those are put in order: a unit of
/// a national tree has hundreds of thousands.
fn first_rows<'r>(picked: &[(&'r TaskRow, &'r str)], by_category_too: bool) -> Picked<'r> {
    let mut numbered: Vec<(usize, &(&TaskRow, &str))> = picked.iter().enumerate().collect();
    let order = |(i, (a, _)): &(usize, &(&TaskRow, &str)),
                 (j, (b, _)): &(usize, &(&TaskRow, &str))| {
        let category = |row: &TaskRow| by_category_too.then(|| by_category(row.category));
        category(a)
            .cmp(&category(b))
            .then_with(|| query::order(a, b))
            .then(i.cmp(j))
    };
    if numbered.len() > UNIT_ROWS {
        numbered.select_nth_unstable_by(UNIT_ROWS, order);
        numbered.truncate(UNIT_ROWS);
    }
    numbered.sort_unstable_by(order);
    numbered.into_iter().map(|(_, &row)| row).collect()
}

/// The page of the unit `code`: the rows of the tasks it, or a unit it replaced, leads or
/// supports, as `--unit` would list them.
pub(super) fn unit_page(
    common: &Common,
    code: &str,
    file: &str,
    rows: UnitRows,
    links: &Links,
) -> anyhow::Result<Page> {
    let lang = common.w.lang;
    let registry = links.registry;
    let lines = |picked: &[(&TaskRow, &str)]| -> Vec<Line> {
        picked
            .iter()
            .map(|(row, file)| data::line(row, format!("plan/{file}.html"), links, lang))
            .collect()
    };
    let counts = |picked: &Picked| Counts::of(picked.iter().map(|(r, _)| r.category));
    let (lead_counts, support_counts) = (counts(&rows.lead), counts(&rows.support));
    let shown = |picked: &[(&TaskRow, &str)], by_category_too| {
        let lines = lines(&first_rows(picked, by_category_too));
        let note = (lines.len() < picked.len())
            .then(|| labels::rows_shown(lines.len(), picked.len(), code, lang));
        (lines, note)
    };
    let predecessors: Vec<String> = registry
        .predecessors(code)
        .iter()
        .map(|u| u.code.clone())
        .collect();
    let html = UnitPage {
        c: common,
        root: "../",
        code,
        name: links.unit(code).0,
        note: (!predecessors.is_empty())
            .then(|| labels::predecessors_note(code, &predecessors, lang)),
        cells: data::cells(&lead_counts, lang),
        overdue_total: rows.overdue.len(),
        overdue: shown(&rows.overdue, false),
        lead_total: rows.lead.len(),
        lead: shown(&rows.lead, true),
        lead_chips: data::all_cells(&lead_counts, lang),
        support_total: rows.support.len(),
        support: shown(&rows.support, true),
        support_chips: data::all_cells(&support_counts, lang),
    }
    .render()?;
    Ok(Page {
        path: format!("unit/{file}.html").into(),
        html,
    })
}

/// Lists a unit's tasks overdue first, then the rest of the work in hand, then the work
/// done, then what is counted apart.
fn by_category(category: Category) -> usize {
    [
        Category::OpenOverdue,
        Category::OpenInTime,
        Category::DoneLate,
        Category::DoneOnTime,
        Category::Ongoing,
        Category::NoDate,
        Category::Unfinished,
        Category::Cancelled,
    ]
    .iter()
    .position(|&c| c == category)
    .unwrap_or(usize::MAX)
}
