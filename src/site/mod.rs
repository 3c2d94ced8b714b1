//! `site`: a static HTML site of the plans as they stand on a day (DESIGN §10), for people
//! who will not open a terminal. An index of every plan and unit with the four categories,
//! a page per plan (its tasks and a timeline) and a page per unit (what it leads and
//! supports). Every page carries its CSS and its little filter script inline and asks for
//! nothing else, so the folder works as files, on an intranet or on GitHub Pages.
//!
//! The answers come from `query` (rows, workload, timeline) on `today`; `data` only turns
//! them into what the templates show, and askama escapes every value it writes.

mod data;
mod output;

use std::collections::HashMap;
use std::path::PathBuf;

use askama::Template;
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

use crate::model::Plan;
use crate::progress::{self, Category};
use crate::query::{self, Filter, Listing, Role, TaskRow};
use crate::render::Lang;
use crate::render::labels::{self, Label};
use crate::units::Registry;
use data::{Cell, Counts, Line, Names, Timeline, UnitPages};

pub use output::{MARKER, write};

/// One file of the site: its path under the output folder and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: PathBuf,
    pub html: String,
}

/// The site's pages on `today`: the index and a page per year of issue, then one per plan,
/// then one per unit.
pub fn pages(
    plans: &[Plan],
    registry: &Registry,
    filter: &Filter,
    today: NaiveDate,
    lang: Lang,
) -> anyhow::Result<Vec<Page>> {
    let common = Common::new(today, lang);
    let mut known: Vec<&Plan> = query::plans_on(plans, filter, today).collect();
    known.sort_by(|a, b| (a.issued, &a.number).cmp(&(b.issued, &b.number)));
    let plan_files = plan_files(&known);
    let workload = query::workload(plans, registry, filter, today);
    let mut unit_names = Names::default();
    let unit_files: HashMap<String, String> = workload
        .rows
        .iter()
        .map(|row| (row.unit.clone(), unit_names.name(&row.unit)))
        .collect();
    let links = Links {
        registry,
        unit_files: &unit_files,
    };

    // Each plan's rows once; unit pages take theirs from these, each row knowing its plan
    // even where two issuers use one number.
    let per_plan: Vec<PlanRows> = known
        .par_iter()
        .zip(&plan_files)
        .map(|(&plan, file)| PlanRows::of(plan, file, filter, today))
        .collect();

    let mut pages = index(&common, &per_plan, &workload, &unit_files, &links)?;
    let plan_pages: anyhow::Result<Vec<Page>> = per_plan
        .par_iter()
        .map(|rows| plan_page(&common, rows, filter, today, &links))
        .collect();
    pages.extend(plan_pages?);
    let unit_pages: anyhow::Result<Vec<Page>> = workload
        .rows
        .par_iter()
        .map(|row| {
            let file = &unit_files[&row.unit];
            unit_page(&common, &row.unit, file, &per_plan, &links)
        })
        .collect();
    pages.extend(unit_pages?);
    Ok(pages)
}

/// A distinct file name per plan: its number, with the issuer where another issuer uses
/// the same number.
fn plan_files(plans: &[&Plan]) -> Vec<String> {
    let mut uses: HashMap<String, usize> = HashMap::new();
    for plan in plans {
        *uses
            .entry(data::slug(&plan.number).to_lowercase())
            .or_default() += 1;
    }
    let mut names = Names::default();
    plans
        .iter()
        .map(|plan| {
            let shared = uses[&data::slug(&plan.number).to_lowercase()] > 1;
            match shared {
                true => names.name(&format!("{} {}", plan.number, plan.issuer)),
                false => names.name(&plan.number),
            }
        })
        .collect()
}

/// A plan with its rows on the day: every task once, and the overdue items.
struct PlanRows<'p> {
    plan: &'p Plan,
    file: String,
    tasks: Vec<TaskRow>,
    overdue: Vec<TaskRow>,
}

impl<'p> PlanRows<'p> {
    fn of(plan: &'p Plan, file: &str, filter: &Filter, today: NaiveDate) -> Self {
        let one = std::slice::from_ref(plan);
        PlanRows {
            plan,
            file: file.to_string(),
            tasks: query::rows(one, filter, today, Listing::All),
            overdue: query::rows(one, filter, today, Listing::Overdue),
        }
    }

    fn counts(&self) -> Counts {
        Counts::of(self.tasks.iter().map(|r| r.category))
    }
}

/// Unit codes to their names and pages. A unit merged into another links to the page of
/// the unit it became, which lists its tasks (as `--unit` does).
struct Links<'a> {
    registry: &'a Registry,
    unit_files: &'a HashMap<String, String>,
}

impl UnitPages for Links<'_> {
    fn unit(&self, code: &str) -> (String, Option<String>) {
        let name = self
            .registry
            .get(code)
            .map_or_else(String::new, |u| u.name.clone());
        let current = self.registry.current(code);
        let href = self
            .unit_files
            .get(current)
            .map(|file| format!("unit/{file}.html"));
        (name, href)
    }
}

/// The words and values every page shares.
struct Common {
    lang: &'static str,
    today: String,
    w: Words,
}

impl Common {
    fn new(today: NaiveDate, lang: Lang) -> Self {
        Common {
            lang: lang.pick("vi", "en"),
            today: today.to_string(),
            w: Words::new(lang),
        }
    }

    fn css(&self) -> &'static str {
        CSS
    }

    fn js(&self) -> &'static str {
        JS
    }
}

/// The fixed words of the pages.
struct Words {
    lang: Lang,
    site: &'static str,
    as_of: &'static str,
    plans: &'static str,
    units: &'static str,
    filter: &'static str,
    filter_hint: &'static str,
    number: &'static str,
    title: &'static str,
    issued: &'static str,
    issuer: &'static str,
    closed: &'static str,
    tasks: &'static str,
    task_list: &'static str,
    code: &'static str,
    name: &'static str,
    lead: &'static str,
    support: &'static str,
    plan: &'static str,
    task: &'static str,
    content: &'static str,
    stage: &'static str,
    deadline: &'static str,
    was: &'static str,
    due: &'static str,
    days: &'static str,
    category: &'static str,
    status: &'static str,
    extensions: &'static str,
    note: &'static str,
    other: &'static str,
    other_hint: &'static str,
    by_year: &'static str,
    timeline: &'static str,
    today: &'static str,
    overdue: &'static str,
    none: &'static str,
    generated: &'static str,
}

impl Words {
    fn new(lang: Lang) -> Self {
        let pick = |vi, en| lang.pick(vi, en);
        Words {
            lang,
            site: pick("Tình hình thực hiện kế hoạch", "Progress of the plans"),
            as_of: pick("Số liệu đến ngày", "As of"),
            plans: pick("Kế hoạch", "Plans"),
            units: pick("Đơn vị", "Units"),
            filter: pick("Lọc", "Filter"),
            filter_hint: pick(
                "gõ để lọc, không cần dấu",
                "type to filter, accents optional",
            ),
            number: Label::Number.text(lang),
            title: Label::Title.text(lang),
            issued: Label::Issued.text(lang),
            issuer: pick("Cơ quan ban hành", "Issuer"),
            closed: pick("Kết thúc theo dõi", "Tracking closed"),
            tasks: Label::Tasks.text(lang),
            task_list: pick("Nhiệm vụ", "Tasks"),
            code: Label::Code.text(lang),
            name: Label::Name.text(lang),
            lead: Label::Lead.text(lang),
            support: Label::Support.text(lang),
            plan: Label::Plan.text(lang),
            task: Label::Task.text(lang),
            content: Label::Content.text(lang),
            stage: Label::Milestone.text(lang),
            deadline: Label::Deadline.text(lang),
            was: pick("gia hạn, ban đầu", "extended, was"),
            due: Label::Due.text(lang),
            days: pick("Trễ / còn", "Late / left"),
            category: pick("Phân loại", "Category"),
            status: Label::Status.text(lang),
            extensions: pick("Gia hạn", "Extensions"),
            note: pick("Tiến độ báo cáo gần nhất", "Last progress note"),
            other: pick("Khác", "Other"),
            other_hint: pick(
                "thường xuyên, chưa có hạn, chưa hoàn thành khi kết thúc kế hoạch, dừng thực hiện",
                "ongoing, no date yet, unfinished when the plan closed, cancelled",
            ),
            by_year: pick("Theo năm ban hành", "By year of issue"),
            timeline: pick("Tiến độ theo thời gian", "Timeline"),
            today: pick("Hôm nay", "Today"),
            overdue: pick("Nhiệm vụ quá hạn (chủ trì)", "Overdue (as lead)"),
            none: pick("Không có.", "None."),
            generated: pick(
                "Trang được tạo bởi bhxh-plan từ các tệp kế hoạch.",
                "Made by bhxh-plan from the plan files.",
            ),
        }
    }
}

/// A line of the index: a plan or a unit with its counts.
#[derive(Clone)]
struct Summary {
    href: String,
    key: String,
    title: String,
    extra: Vec<String>,
    cells: Vec<Cell>,
    other: usize,
    overdue: usize,
}

/// The index lists at most this many plans, the most overdue first: a national tree holds
/// tens of thousands, which the year pages list in full.
const INDEX_PLANS: usize = 200;

/// A link to the page of the plans issued in a year.
struct Year {
    year: i32,
    href: String,
    plans: usize,
}

#[derive(Template)]
#[template(path = "site/index.html")]
struct IndexPage<'a> {
    c: &'a Common,
    root: &'static str,
    total: usize,
    shown_note: String,
    years: &'a [Year],
    plans: &'a [Summary],
    units: Vec<Summary>,
}

#[derive(Template)]
#[template(path = "site/year.html")]
struct YearPage<'a> {
    c: &'a Common,
    root: &'static str,
    heading: String,
    years: &'a [Year],
    plans: Vec<&'a Summary>,
}

fn index(
    common: &Common,
    per_plan: &[PlanRows],
    workload: &query::Workload,
    unit_files: &HashMap<String, String>,
    links: &Links,
) -> anyhow::Result<Vec<Page>> {
    let lang = common.w.lang;
    let mut plans: Vec<(i32, Summary)> = per_plan
        .iter()
        .map(|rows| {
            let counts = rows.counts();
            let summary = Summary {
                href: format!("plan/{}.html", rows.file),
                key: rows.plan.number.clone(),
                title: rows.plan.title.clone(),
                extra: vec![rows.plan.issued.to_string(), rows.tasks.len().to_string()],
                cells: data::cells(&counts, lang),
                other: counts.other(),
                overdue: counts.overdue(),
            };
            (rows.plan.issued.year(), summary)
        })
        .collect();
    data::overdue_first(&mut plans, |(_, s)| s.overdue);
    let mut years: Vec<Year> = Vec::new();
    for &(year, _) in &plans {
        match years.iter_mut().find(|y| y.year == year) {
            Some(y) => y.plans += 1,
            None => years.push(Year {
                year,
                href: format!("plans-{year}.html"),
                plans: 1,
            }),
        }
    }
    years.sort_by_key(|y| y.year);
    let mut units: Vec<Summary> = workload
        .rows
        .iter()
        .map(|row| {
            let counts = Counts::of_workload(row);
            Summary {
                href: format!("unit/{}.html", unit_files[&row.unit]),
                key: row.unit.clone(),
                title: links.unit(&row.unit).0,
                extra: vec![row.lead.to_string(), row.support.to_string()],
                cells: data::cells(&counts, lang),
                other: counts.other(),
                overdue: counts.overdue(),
            }
        })
        .collect();
    data::overdue_first(&mut units, |s| s.overdue);
    let summaries: Vec<Summary> = plans.iter().map(|(_, s)| s.clone()).collect();
    let shown = &summaries[..summaries.len().min(INDEX_PLANS)];
    let shown_note = common.w.lang.pick(
        format!(
            "{} kế hoạch có nhiều nhiệm vụ quá hạn nhất trong {}; tất cả theo năm ban hành ở trên.",
            shown.len(),
            summaries.len()
        ),
        format!(
            "The {} plans with the most overdue tasks of {}; all of them by year of issue above.",
            shown.len(),
            summaries.len()
        ),
    );
    let html = IndexPage {
        c: common,
        root: "",
        total: summaries.len(),
        shown_note,
        years: &years,
        plans: shown,
        units,
    }
    .render()?;
    let mut pages = vec![Page {
        path: "index.html".into(),
        html,
    }];
    for year in &years {
        let heading = common.w.lang.pick(
            format!("Kế hoạch ban hành năm {}", year.year),
            format!("Plans issued in {}", year.year),
        );
        let of_year = plans
            .iter()
            .filter(|(y, _)| *y == year.year)
            .map(|(_, s)| s);
        let html = YearPage {
            c: common,
            root: "",
            heading,
            years: &years,
            plans: of_year.collect(),
        }
        .render()?;
        pages.push(Page {
            path: year.href.clone().into(),
            html,
        });
    }
    Ok(pages)
}

#[derive(Template)]
#[template(path = "site/plan.html")]
struct PlanPage<'a> {
    c: &'a Common,
    root: &'static str,
    plan: &'a Plan,
    closed: Option<String>,
    chips: Vec<Cell>,
    cells: Vec<Cell>,
    timeline: Option<Timeline>,
    lines: Vec<Line>,
}

fn plan_page(
    common: &Common,
    rows: &PlanRows,
    filter: &Filter,
    today: NaiveDate,
    links: &Links,
) -> anyhow::Result<Page> {
    let lang = common.w.lang;
    let plan = rows.plan;
    let position = |id: &str| plan.tasks.iter().position(|t| t.id == id);
    let mut tasks: Vec<&TaskRow> = rows.tasks.iter().collect();
    tasks.sort_by_key(|r| position(&r.task));
    let lines = tasks
        .into_iter()
        .map(|row| {
            let mut line = data::line(row, String::new(), links, lang);
            if let Some(task) = position(&row.task).map(|i| &plan.tasks[i]) {
                line.extensions = data::extensions(&task.extensions, today);
                line.note = progress::task(plan, task, today).note.map(str::to_string);
            }
            line
        })
        .collect();
    let counts = rows.counts();
    let closed = plan.closed.filter(|&day| day <= today).map(|day| {
        let by = plan.closed_by.as_deref().unwrap_or_default();
        format!("{day} {by}").trim_end().to_string()
    });
    let bars = query::timeline(plan, filter, today);
    let html = PlanPage {
        c: common,
        root: "../",
        plan,
        closed,
        chips: data::all_cells(&counts, lang),
        cells: data::cells(&counts, lang),
        timeline: data::timeline(&bars, today, lang),
        lines,
    }
    .render()?;
    Ok(Page {
        path: format!("plan/{}.html", rows.file).into(),
        html,
    })
}

#[derive(Template)]
#[template(path = "site/unit.html")]
struct UnitPage<'a> {
    c: &'a Common,
    root: &'static str,
    code: &'a str,
    name: String,
    note: Option<String>,
    cells: Vec<Cell>,
    overdue: Vec<Line>,
    lead: Vec<Line>,
    lead_chips: Vec<Cell>,
    support: Vec<Line>,
    support_chips: Vec<Cell>,
}

/// The page of the unit `code`: the rows of the tasks it, or a unit it replaced, leads or
/// supports, as `--unit` would list them.
fn unit_page(
    common: &Common,
    code: &str,
    file: &str,
    per_plan: &[PlanRows],
    links: &Links,
) -> anyhow::Result<Page> {
    let lang = common.w.lang;
    let registry = links.registry;
    let holds = |codes: &[String]| codes.iter().any(|c| registry.current(c) == code);
    let pick = |role: Role, overdue: bool| {
        let mut picked: Vec<(&TaskRow, &str)> = Vec::new();
        for rows in per_plan {
            let list = if overdue { &rows.overdue } else { &rows.tasks };
            let held = list.iter().filter(|r| match role {
                Role::Support => holds(&r.support),
                _ => holds(&r.lead),
            });
            picked.extend(held.map(|r| (r, rows.file.as_str())));
        }
        picked.sort_by(|a, b| query::order(a.0, b.0));
        if !overdue {
            picked.sort_by_key(|(r, _)| by_category(r.category));
        }
        picked
    };
    let lines = |picked: &[(&TaskRow, &str)]| -> Vec<Line> {
        picked
            .iter()
            .map(|(row, file)| data::line(row, format!("plan/{file}.html"), links, lang))
            .collect()
    };
    let counts = |picked: &[(&TaskRow, &str)]| Counts::of(picked.iter().map(|(r, _)| r.category));
    let (lead, support) = (pick(Role::Lead, false), pick(Role::Support, false));
    let (lead_counts, support_counts) = (counts(&lead), counts(&support));
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
        overdue: lines(&pick(Role::Lead, true)),
        lead: lines(&lead),
        lead_chips: data::all_cells(&lead_counts, lang),
        support: lines(&support),
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

/// The CSS and the filter script every page carries inline.
const CSS: &str = include_str!("site.css");
const JS: &str = include_str!("filter.js");
