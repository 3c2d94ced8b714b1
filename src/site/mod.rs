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
mod unit_page;

use std::collections::HashMap;
use std::path::PathBuf;

use askama::Template;
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

use crate::model::Plan;
use crate::progress;
use crate::query::{self, Filter, Listing, TaskRow};
use crate::render::Lang;
use crate::render::labels::Label;
use crate::units::Registry;
use data::{Cell, Counts, Line, Names, Timeline, UnitPages};

pub use output::{Folder, MARKER};

/// One file of the site: its path under the output folder and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: PathBuf,
    pub html: String,
}

/// Makes the site's pages on `today` and hands each to `put` as soon as it is made (a
/// national tree's pages do not fit in memory together): the index and a page per year
/// of issue, then one per plan, then one per unit. Plans and units are made in parallel.
pub fn build(
    plans: &[Plan],
    registry: &Registry,
    filter: &Filter,
    today: NaiveDate,
    lang: Lang,
    put: &(dyn Fn(Page) -> anyhow::Result<()> + Sync),
) -> anyhow::Result<()> {
    let common = Common::new(today, lang);
    let mut known: Vec<&Plan> = query::plans_on(plans, filter, today).collect();
    known.sort_by(|a, b| (a.issued, &a.number).cmp(&(b.issued, &b.number)));
    let plan_files = plan_files(&known);
    // The workload (one pass over every plan) is counted on one core while the plans' rows
    // are gathered on the others.
    let (workload, per_plan) = rayon::join(
        || query::workload(plans, registry, filter, today),
        || plan_rows(&known, &plan_files, filter, today),
    );
    let mut unit_names = Names::default();
    let unit_files: HashMap<String, String> = workload
        .rows
        .iter()
        .map(|row| (row.unit.clone(), unit_names.name(&row.unit)))
        .collect();
    let links = Links {
        registry,
        unit_files: &unit_files,
        today,
    };

    for page in index(&common, &per_plan, &workload, &unit_files, &links)? {
        put(page)?;
    }
    // Each unit's rows are gathered (one pass) on one core while plan pages are written.
    let (written, mut unit_rows) = rayon::join(
        || {
            (per_plan.par_iter())
                .try_for_each(|rows| put(plan_page(&common, rows, filter, today, &links)?))
        },
        || unit_page::unit_rows(&per_plan, registry, today),
    );
    written?;
    let units: Vec<(&str, unit_page::UnitRows)> = (workload.rows.iter())
        .map(|row| {
            (
                row.unit.as_str(),
                unit_rows.remove(&row.unit).unwrap_or_default(),
            )
        })
        .collect();
    units.into_par_iter().try_for_each(|(code, rows)| {
        put(unit_page::unit_page(
            &common,
            code,
            &unit_files[code],
            rows,
            &links,
        )?)
    })
}

/// Each plan's rows once; unit pages take theirs from these, each row knowing its plan
/// even where two issuers use one number.
fn plan_rows<'p>(
    plans: &[&'p Plan],
    files: &[String],
    filter: &Filter,
    today: NaiveDate,
) -> Vec<PlanRows<'p>> {
    (plans.par_iter().zip(files))
        .map(|(&plan, file)| PlanRows::of(plan, file, filter, today))
        .collect()
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
    tasks: Vec<TaskRow<'p>>,
    overdue: Vec<TaskRow<'p>>,
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
    /// The site's day: a unit's page is that of the unit it had become by then.
    today: NaiveDate,
}

impl UnitPages for Links<'_> {
    fn unit(&self, code: &str) -> (String, Option<String>) {
        let name = self
            .registry
            .get(code)
            .map_or_else(String::new, |u| u.name.clone());
        let current = self.registry.current_on(code, self.today);
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
    tasks.sort_by_key(|r| position(r.task));
    let lines = tasks
        .into_iter()
        .map(|row| {
            let mut line = data::line(row, String::new(), links, lang);
            if let Some(task) = position(row.task).map(|i| &plan.tasks[i]) {
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

/// The CSS and the filter script every page carries inline.
const CSS: &str = include_str!("site.css");
const JS: &str = include_str!("filter.js");
