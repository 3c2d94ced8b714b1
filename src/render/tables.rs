//! How each kind of query row looks as a table row.

use std::borrow::Cow;
use std::collections::HashSet;

use chrono::Datelike;

use super::labels::{self, Label, headers};
use super::{Caption, Fit, Kind, Lang, Tabular, Tone};
use crate::progress::Category;
use crate::query::{ExportRow, PlanRow, QuarterRow, TaskRow, UnitRow, WorkloadRow};

impl Tabular for PlanRow {
    const FIELDS: &'static [&'static str] = &[
        "number", "issuer", "kind", "title", "issued", "file", "tasks",
    ];

    fn headers(_: &[Self], lang: Lang) -> Vec<String> {
        headers(
            &[
                Label::Number,
                Label::Title,
                Label::Issued,
                Label::File,
                Label::Tasks,
            ],
            lang,
        )
    }

    /// The title takes the room; the file, then the issue date, make way for it.
    fn fit(_: &[Self], _: &Caption<'_>) -> Fit {
        Fit {
            content: Some(1),
            capped: Vec::new(),
            drop: vec![3, 2],
        }
    }

    fn cells(&self, _lang: Lang) -> Vec<Cow<'_, str>> {
        vec![
            self.number.as_str().into(),
            self.title.as_str().into(),
            self.issued.to_string().into(),
            self.file.to_string_lossy(),
            self.tasks.to_string().into(),
        ]
    }
}

impl Tabular for UnitRow {
    const FIELDS: &'static [&'static str] = &["code", "name", "kind", "aliases", "successor"];

    fn headers(_: &[Self], lang: Lang) -> Vec<String> {
        headers(
            &[
                Label::Code,
                Label::Name,
                Label::UnitKind,
                Label::Aliases,
                Label::Successor,
            ],
            lang,
        )
    }

    /// The name takes the room; aliases wrap beside it. The kind, then the aliases, make
    /// way for it; a successor is kept longest, as it says where a unit's work went.
    fn fit(_: &[Self], _: &Caption<'_>) -> Fit {
        Fit {
            content: Some(1),
            capped: vec![(3, 16)],
            drop: vec![2, 3, 4],
        }
    }

    fn cells(&self, lang: Lang) -> Vec<Cow<'_, str>> {
        vec![
            self.code.as_str().into(),
            self.name.as_str().into(),
            labels::unit_kind(self.kind, lang).into(),
            self.aliases.join("; ").into(),
            self.successor.as_deref().unwrap_or_default().into(),
        ]
    }
}

/// Where a task row's columns are among [`TASK_COLUMNS`].
const CONTENT: usize = 2;
const LEAD: usize = 3;
const SUPPORT: usize = 4;
const DEADLINE: usize = 5;
const MILESTONE: usize = 6;
const STATUS: usize = 8;

/// Task rows in a terminal: the content takes the room, the deadline's words wrap beside
/// it. Too narrow, the support units make way first, then the deadline's words (the due
/// date stays), the status, and the lead units.
fn task_fit() -> Fit {
    Fit {
        content: Some(CONTENT),
        capped: vec![(DEADLINE, 16)],
        drop: vec![SUPPORT, DEADLINE, STATUS, LEAD],
    }
}

/// How many tasks rows of `(plan, task)` are about.
fn distinct_tasks<'a>(keys: impl Iterator<Item = (&'a str, &'a str)>) -> usize {
    keys.collect::<HashSet<_>>().len()
}

/// The columns of task rows, in tables and in the export.
const TASK_COLUMNS: [Label; 9] = [
    Label::Plan,
    Label::Task,
    Label::Content,
    Label::Lead,
    Label::Support,
    Label::Deadline,
    Label::Milestone,
    Label::Due,
    Label::Status,
];

impl Tabular for TaskRow<'_> {
    const FIELDS: &'static [&'static str] = &[
        "plan",
        "task",
        "content",
        "lead",
        "support",
        "deadline",
        "due",
        "status",
        "days_overdue",
        "milestone",
        "occurrence",
        "done",
        "category",
        "original_deadline",
    ];

    fn headers(_: &[Self], lang: Lang) -> Vec<String> {
        headers(&TASK_COLUMNS, lang)
    }

    fn cells(&self, lang: Lang) -> Vec<Cow<'_, str>> {
        self.cells_listing(lang, ", ")
    }

    /// Units one a line, so that a code is never split: "BHXH-TINH, LIENQUAN" in a column
    /// one character too narrow printed its comma on a line of its own.
    fn terminal_cells(&self, lang: Lang) -> Vec<Cow<'_, str>> {
        self.cells_listing(lang, "\n")
    }

    fn fit(_: &[Self], _: &Caption<'_>) -> Fit {
        task_fit()
    }

    fn tasks_in(rows: &[Self]) -> usize {
        distinct_tasks(rows.iter().map(|r| (r.plan, r.task)))
    }

    const INSET: Option<(usize, usize)> = Some((MILESTONE, CONTENT));

    fn tone(&self) -> Tone {
        match self.days_overdue {
            _ if self.status.is_closed() => Tone::Plain,
            _ if self.category == Category::Unfinished => Tone::Plain,
            Some(days) if days > 0 => Tone::Late,
            Some(days) if days > -7 => Tone::Soon,
            _ => Tone::Plain,
        }
    }
}

impl TaskRow<'_> {
    /// Cell texts, with unit codes joined by `separator`.
    fn cells_listing(&self, lang: Lang, separator: &str) -> Vec<Cow<'_, str>> {
        let days = match self.category {
            Category::DoneOnTime | Category::DoneLate => labels::days_done,
            _ => labels::days,
        };
        let due = match self.due {
            Some(due) => format!("{due}\n{}", days(self.days_overdue, lang)).into(),
            None => "—".into(),
        };
        vec![
            self.plan.into(),
            self.task.into(),
            self.content.into(),
            listed(self.lead, separator),
            listed(self.support, separator),
            labels::deadline(self.deadline, self.original_deadline, lang),
            // An occurrence is its due day, shown beside.
            self.milestone.as_deref().unwrap_or_default().into(),
            due,
            labels::standing(self.status, self.category, self.done, lang),
        ]
    }
}

impl Tabular for WorkloadRow {
    const FIELDS: &'static [&'static str] = &[
        "unit",
        "name",
        "lead",
        "support",
        "open",
        "in_progress",
        "overdue",
        "due_soon",
        "done",
        "done_late",
        "done_on_time",
        "open_in_time",
        "ongoing",
        "no_date",
        "unfinished",
        "cancelled",
    ];

    fn headers(_: &[Self], lang: Lang) -> Vec<String> {
        let columns = [
            Label::Unit,
            Label::Name,
            Label::Lead,
            Label::Support,
            Label::Open,
            Label::InProgress,
            Label::Overdue,
            Label::DueSoon,
            Label::Done,
            Label::DoneLate,
        ];
        headers(&columns, lang)
    }

    fn cells(&self, lang: Lang) -> Vec<Cow<'_, str>> {
        let unit = if self.unit.is_empty() {
            Label::Total.text(lang)
        } else {
            self.unit.as_str()
        };
        let counts = [
            self.lead,
            self.support,
            self.open,
            self.in_progress,
            self.overdue,
            self.due_soon,
            self.done,
            self.done_late,
        ];
        [unit.into(), self.name.as_str().into()]
            .into_iter()
            .chain(counts.iter().map(|n| n.to_string().into()))
            .collect()
    }

    /// The name takes the room. Too narrow, it makes way first (the code names the unit),
    /// then the counts of tasks done late, supported, and in progress.
    fn fit(_: &[Self], _: &Caption<'_>) -> Fit {
        Fit {
            content: Some(1),
            capped: Vec::new(),
            drop: vec![1, 9, 3, 5],
        }
    }

    fn tone(&self) -> Tone {
        if self.unit.is_empty() {
            Tone::Total
        } else {
            Tone::Plain
        }
    }
}

impl Tabular for QuarterRow {
    const FIELDS: &'static [&'static str] = &["unit", "name", "quarters", "total"];

    fn headers(rows: &[Self], lang: Lang) -> Vec<String> {
        let mut columns = headers(&[Label::Unit], lang);
        columns.extend(quarters(rows));
        columns.push(Label::Total.text(lang).to_string());
        columns
    }

    /// A quarter on two lines, its year above: "2024-Q1" is one word a column must hold.
    fn terminal_headers(rows: &[Self], lang: Lang) -> Vec<String> {
        let mut columns = Self::headers(rows, lang);
        for header in &mut columns {
            if let Some((year, quarter)) = header.rsplit_once("-Q") {
                *header = format!("{year}\nQ{quarter}");
            }
        }
        columns
    }

    /// Too narrow, the quarters furthest from today's make way, the earlier of two as far.
    fn fit(rows: &[Self], caption: &Caption<'_>) -> Fit {
        let place = |key: &str| {
            let (year, quarter) = key.rsplit_once("-Q")?;
            Some(year.parse::<i64>().ok()? * 4 + quarter.parse::<i64>().ok()?)
        };
        let now = match caption.kind {
            Kind::Quarters { today } => {
                Some(i64::from(today.year()) * 4 + i64::from(today.month0() / 3 + 1))
            }
            _ => None,
        };
        let mut order: Vec<(usize, i64)> = quarters(rows)
            .iter()
            .enumerate()
            .map(|(i, key)| {
                let distance = now.zip(place(key)).map_or(0, |(now, at)| (now - at).abs());
                (i + 1, distance)
            })
            .collect();
        // Stable: of quarters as far from today, the earlier goes first.
        order.sort_by_key(|&(_, distance)| std::cmp::Reverse(distance));
        Fit {
            content: None,
            capped: Vec::new(),
            drop: order.into_iter().map(|(column, _)| column).collect(),
        }
    }

    fn cells(&self, _lang: Lang) -> Vec<Cow<'_, str>> {
        // The query gives every row every quarter of the matrix, zeros included.
        let mut cells = vec![self.unit.as_str().into()];
        cells.extend(self.quarters.values().map(|n| n.to_string().into()));
        cells.push(self.total.to_string().into());
        cells
    }
}

/// Codes joined by `separator`; one code is shown as it is, uncopied.
fn listed<'a>(codes: &'a [String], separator: &str) -> Cow<'a, str> {
    match codes {
        [one] => one.as_str().into(),
        many => many.join(separator).into(),
    }
}

/// Every quarter that any row has, in order.
fn quarters(rows: &[QuarterRow]) -> Vec<String> {
    let mut all: Vec<String> = rows
        .iter()
        .flat_map(|r| r.quarters.keys().cloned())
        .collect();
    all.sort();
    all.dedup();
    all
}

impl Tabular for ExportRow {
    const FIELDS: &'static [&'static str] = &[
        "plan",
        "issuer",
        "task",
        "section",
        "content",
        "lead",
        "support",
        "deadline",
        "original_deadline",
        "kind",
        "milestone",
        "occurrence",
        "start",
        "due",
        "status",
        "done",
        "category",
        "days_overdue",
        "product",
        "note",
        "progress_note",
    ];

    const INSET: Option<(usize, usize)> = Some((MILESTONE, CONTENT));

    fn headers(_: &[Self], lang: Lang) -> Vec<String> {
        headers(&TASK_COLUMNS, lang)
    }

    fn fit(_: &[Self], _: &Caption<'_>) -> Fit {
        task_fit()
    }

    fn tasks_in(rows: &[Self]) -> usize {
        distinct_tasks(rows.iter().map(|r| (r.plan.as_str(), r.task.as_str())))
    }

    fn cells(&self, lang: Lang) -> Vec<Cow<'_, str>> {
        vec![
            self.plan.as_str().into(),
            self.task.as_str().into(),
            self.content.as_str().into(),
            listed(&self.lead, ", "),
            listed(&self.support, ", "),
            labels::deadline(
                self.deadline.as_deref(),
                self.original_deadline.as_deref(),
                lang,
            ),
            self.milestone.as_deref().unwrap_or_default().into(),
            self.due.map_or_else(String::new, |d| d.to_string()).into(),
            labels::standing(self.status, self.category, self.done, lang),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    fn keys<R: Serialize>(row: &R) -> Vec<String> {
        match serde_json::to_value(row).unwrap() {
            serde_json::Value::Object(map) => map.keys().cloned().collect(),
            _ => Vec::new(),
        }
    }

    /// The CSV header of an empty report is the field list of a full one.
    #[test]
    fn field_lists_match_the_serialised_rows() {
        let today = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let task = TaskRow {
            plan: "",
            task: "",
            content: "",
            lead: &[],
            support: &[],
            deadline: None,
            due: None,
            status: crate::model::Status::Open,
            days_overdue: None,
            milestone: None,
            occurrence: None,
            done: None,
            category: Category::OpenInTime,
            original_deadline: None,
        };
        assert_eq!(keys(&task), TaskRow::FIELDS);
        let plan = PlanRow {
            number: String::new(),
            issuer: String::new(),
            kind: None,
            title: String::new(),
            issued: today,
            file: Default::default(),
            tasks: 0,
        };
        assert_eq!(keys(&plan), PlanRow::FIELDS);
        assert_eq!(keys(&WorkloadRow::default()), WorkloadRow::FIELDS);
        let unit = UnitRow {
            code: String::new(),
            name: String::new(),
            kind: crate::model::UnitKind::Central,
            aliases: vec![],
            successor: None,
        };
        assert_eq!(keys(&unit), UnitRow::FIELDS);
        let quarter = QuarterRow {
            unit: String::new(),
            name: String::new(),
            quarters: Default::default(),
            total: 0,
        };
        assert_eq!(keys(&quarter), QuarterRow::FIELDS);
        let export = ExportRow {
            plan: String::new(),
            issuer: String::new(),
            task: String::new(),
            section: None,
            content: String::new(),
            lead: vec![],
            support: vec![],
            deadline: None,
            original_deadline: None,
            kind: None,
            milestone: None,
            occurrence: None,
            start: None,
            due: None,
            status: crate::model::Status::Open,
            done: None,
            category: Category::OpenInTime,
            days_overdue: None,
            product: None,
            note: None,
            progress_note: None,
        };
        assert_eq!(keys(&export), ExportRow::FIELDS);
    }
}
