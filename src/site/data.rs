//! What the site's templates show, made from query rows: counts per category, bars, file
//! names, words. Nothing here decides where a task stands; `query` and `progress` did.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::model::Extension;
use crate::progress::Category;
use crate::query::{Bar, BarState, TaskRow};
use crate::render::{self, Lang, labels};

/// The four categories of the Government's regime (DESIGN §6), in the order bars draw them.
pub const FOUR: [Category; 4] = [
    Category::OpenOverdue,
    Category::OpenInTime,
    Category::DoneLate,
    Category::DoneOnTime,
];

/// How many tasks (or items) stand in each category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts([usize; Category::ALL.len()]);

impl Counts {
    /// How many of `categories` fall in each category.
    pub fn of(categories: impl IntoIterator<Item = Category>) -> Self {
        let mut counts = Counts::default();
        for category in categories {
            counts.0[index(category)] += 1;
        }
        counts
    }

    /// The counts of a workload row (the tasks a unit holds in the chosen role).
    pub fn of_workload(row: &crate::query::WorkloadRow) -> Self {
        let mut counts = Counts::default();
        for (category, n) in [
            (Category::DoneOnTime, row.done_on_time),
            (Category::DoneLate, row.done_late),
            (Category::OpenInTime, row.open_in_time),
            (Category::OpenOverdue, row.overdue),
            (Category::Ongoing, row.ongoing),
            (Category::NoDate, row.no_date),
            (Category::Unfinished, row.unfinished),
            (Category::Cancelled, row.cancelled),
        ] {
            counts.0[index(category)] = n;
        }
        counts
    }

    pub fn get(&self, category: Category) -> usize {
        self.0[index(category)]
    }

    pub fn overdue(&self) -> usize {
        self.get(Category::OpenOverdue)
    }

    /// What falls outside the four: ongoing, no date yet, unfinished at the plan's close,
    /// cancelled.
    pub fn other(&self) -> usize {
        let four: usize = FOUR.iter().map(|&c| self.get(c)).sum();
        self.0.iter().sum::<usize>() - four
    }
}

fn index(category: Category) -> usize {
    Category::ALL
        .iter()
        .position(|&c| c == category)
        .unwrap_or_default()
}

/// One number of a row with its share of a bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The CSS class of the category.
    pub class: &'static str,
    pub label: &'static str,
    /// A column heading's word for the category.
    pub short: &'static str,
    pub count: usize,
    /// The share of the four categories, as a CSS percentage ("12.5").
    pub percent: String,
}

/// The four categories of `counts` as cells: numbers in columns and segments of a bar.
pub fn cells(counts: &Counts, lang: Lang) -> Vec<Cell> {
    let total: usize = FOUR.iter().map(|&c| counts.get(c)).sum();
    FOUR.iter()
        .map(|&category| {
            let count = counts.get(category);
            let share = if total == 0 {
                0.0
            } else {
                count as f64 * 100.0 / total as f64
            };
            Cell {
                class: category.as_str(),
                label: labels::category(category, lang),
                short: short(category, lang),
                count,
                percent: format!("{share:.1}"),
            }
        })
        .collect()
}

/// The category in a word or two, for a narrow column; its full name is the column's
/// tooltip.
fn short(category: Category, lang: Lang) -> &'static str {
    match category {
        Category::OpenOverdue => lang.pick("Quá hạn", "Overdue"),
        Category::OpenInTime => lang.pick("Trong hạn", "In time"),
        Category::DoneLate => lang.pick("Xong quá hạn", "Done late"),
        Category::DoneOnTime => lang.pick("Xong đúng hạn", "Done on time"),
        other => labels::category(other, lang),
    }
}

/// Every category with a count, for the legend under a page's title.
pub fn all_cells(counts: &Counts, lang: Lang) -> Vec<Cell> {
    Category::ALL
        .iter()
        .map(|&category| Cell {
            class: category.as_str(),
            label: labels::category(category, lang),
            short: short(category, lang),
            count: counts.get(category),
            percent: String::new(),
        })
        .collect()
}

/// Puts the lines with most overdue first; lines alike keep their order.
pub fn overdue_first<T>(lines: &mut [T], overdue: impl Fn(&T) -> usize) {
    lines.sort_by_key(|line| std::cmp::Reverse(overdue(line)));
}

/// A file name for a plan number or a unit code: ASCII letters, digits and hyphens, with
/// Vietnamese diacritics dropped and `đ` as `d` ("24/QĐ-BHXH" → "24-QD-BHXH"), so that the
/// name needs no escaping in a URL and survives every file system and zip tool.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        let c = match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        };
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "x".into() } else { out }
}

/// Gives each key a distinct file name: its slug, with "-2", "-3"… after slugs taken
/// already. Names compare without case, as on Windows and macOS file systems.
#[derive(Debug, Default)]
pub struct Names {
    taken: HashMap<String, usize>,
}

impl Names {
    pub fn name(&mut self, text: &str) -> String {
        let base = slug(text);
        let mut name = base.clone();
        let mut n = 1;
        while self.taken.contains_key(&name.to_lowercase()) {
            n += 1;
            name = format!("{base}-{n}");
        }
        self.taken.insert(name.to_lowercase(), n);
        name
    }
}

/// A unit named in a row, linked to its page where it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitLink {
    pub code: String,
    pub name: String,
    pub href: Option<String>,
}

/// One task or item as a table row of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub plan: String,
    pub plan_href: String,
    pub task: String,
    pub content: String,
    /// A milestone's `what`, a stage "2/3", or an occurrence's due day.
    pub stage: Option<String>,
    pub lead: Vec<UnitLink>,
    pub support: Vec<UnitLink>,
    pub deadline: String,
    pub original_deadline: Option<String>,
    pub due: String,
    pub days: String,
    pub class: &'static str,
    pub category: &'static str,
    pub status: String,
    pub extensions: Vec<String>,
    pub note: Option<String>,
}

/// What a template needs to turn a unit code into a link.
pub trait UnitPages {
    /// The unit's full name and the path of its page from the site's root.
    fn unit(&self, code: &str) -> (String, Option<String>);
}

/// The row `row`, its page links relative to `root` ("" or "../").
pub fn line(row: &TaskRow, plan_href: String, units: &dyn UnitPages, lang: Lang) -> Line {
    let link = |code: &String| {
        let (name, href) = units.unit(code);
        UnitLink {
            code: code.clone(),
            name,
            href,
        }
    };
    let stage = match (&row.milestone, row.occurrence) {
        (Some(what), _) => Some(what.clone()),
        (None, Some(day)) => Some(day.to_string()),
        (None, None) => None,
    };
    let days = match row.category {
        c if c.is_done() => labels::days_done(row.days_overdue, lang),
        Category::OpenInTime | Category::OpenOverdue => labels::days(row.days_overdue, lang),
        _ => String::new(),
    };
    Line {
        plan: row.plan.to_string(),
        plan_href,
        task: row.task.to_string(),
        content: row.content.to_string(),
        stage,
        lead: row.lead.iter().map(link).collect(),
        support: row.support.iter().map(link).collect(),
        deadline: row.deadline.unwrap_or_default().to_string(),
        original_deadline: row.original_deadline.map(str::to_string),
        due: row.due.map(|d| d.to_string()).unwrap_or_default(),
        days,
        class: row.category.as_str(),
        category: labels::category(row.category, lang),
        status: match row.done {
            Some(done) => format!("{} {done}", labels::status_word(row.status, lang)),
            None => labels::status_word(row.status, lang).to_string(),
        },
        extensions: Vec::new(),
        note: None,
    }
}

/// The extensions granted by `today`, one line each: "2024-08-20: Tháng 8/2024 → Tháng
/// 10/2024 (Công văn số …)".
pub fn extensions(extensions: &[Extension], today: NaiveDate) -> Vec<String> {
    extensions
        .iter()
        .filter(|e| e.on <= today)
        .map(|e| format!("{}: {} → {} ({})", e.on, e.from, e.to, e.by))
        .collect()
}

/// The timeline of a plan as an SVG drawing: a bar per task from the start of its window
/// to its due day, and a line on today.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub width: u32,
    pub height: u32,
    pub bars: Vec<BarShape>,
    pub ticks: Vec<Tick>,
    /// Where today falls, when it falls inside the drawing.
    pub today: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarShape {
    pub task: String,
    pub title: String,
    pub class: &'static str,
    pub x: String,
    pub y: u32,
    pub width: String,
    pub label_y: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: String,
    pub label: String,
}

const WIDTH: u32 = 1000;
/// Characters of a task's text in its bar's tooltip.
const BAR_TITLE: usize = 80;
const LABELS: f64 = 90.0;
const ROW: u32 = 18;
const TOP: u32 = 22;

/// Lays out `bars` between the earliest start and the latest due day.
pub fn timeline(bars: &[Bar], today: NaiveDate, lang: Lang) -> Option<Timeline> {
    let first = bars.iter().map(|b| b.start).min()?;
    let last = bars.iter().map(|b| b.end).max()?;
    let span = (last - first).num_days().max(1) as f64;
    let area = f64::from(WIDTH) - LABELS - 10.0;
    let x = |day: NaiveDate| LABELS + (day - first).num_days() as f64 * area / span;
    let shapes = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = TOP + ROW * i as u32;
            let state = match bar.state {
                BarState::Open => lang.pick("chưa xong", "open"),
                BarState::InProgress => lang.pick("đang làm", "in progress"),
                BarState::Late => lang.pick("quá hạn", "late"),
                BarState::Done => lang.pick("đã xong", "done"),
            };
            BarShape {
                task: bar.task.clone(),
                // The task's first words name it; its whole text is in the table below,
                // and a plan page's timeline was a third of the page with it.
                title: format!(
                    "{}: {} ({} → {}, {state})",
                    bar.task,
                    render::shortened(&bar.content, BAR_TITLE),
                    bar.start,
                    bar.end
                ),
                class: match bar.state {
                    BarState::Open => "open",
                    BarState::InProgress => "progress",
                    BarState::Late => "late",
                    BarState::Done => "done",
                },
                x: format!("{:.1}", x(bar.start)),
                y: y + 3,
                // A task due on the day its window opens still shows as a sliver.
                width: format!("{:.1}", (x(bar.end) - x(bar.start)).max(3.0)),
                label_y: y + 13,
            }
        })
        .collect::<Vec<_>>();
    let ticks = ticks(first, last)
        .into_iter()
        .map(|(day, label)| Tick {
            x: format!("{:.1}", x(day)),
            label,
        })
        .collect();
    Some(Timeline {
        width: WIDTH,
        height: TOP + ROW * shapes.len() as u32 + 6,
        bars: shapes,
        ticks,
        today: (first..=last)
            .contains(&today)
            .then(|| format!("{:.1}", x(today))),
    })
}

/// The first day of each year between two days, or of each quarter when they are less
/// than two years apart, labelled "1/2024".
fn ticks(first: NaiveDate, last: NaiveDate) -> Vec<(NaiveDate, String)> {
    let step = if (last - first).num_days() < 730 {
        3
    } else {
        12
    };
    let mut ticks = Vec::new();
    let (mut year, mut month) = (first.year(), 1);
    while let Some(day) = NaiveDate::from_ymd_opt(year, month, 1) {
        if day > last {
            break;
        }
        if day >= first {
            ticks.push((day, format!("{month}/{year}")));
        }
        month += step;
        if month > 12 {
            month -= 12;
            year += 1;
        }
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn slugs_are_ascii_without_diacritics() {
        assert_eq!(slug("24/QĐ-BHXH"), "24-QD-BHXH");
        assert_eq!(slug("KSTTHC-2024/QĐ-BHXH"), "KSTTHC-2024-QD-BHXH");
        assert_eq!(slug("595/KH-BHXH"), "595-KH-BHXH");
        assert_eq!(slug("KHĐT"), "KHDT");
        assert_eq!(slug("BHXH-TINH"), "BHXH-TINH");
        assert_eq!(slug("Bảo hiểm  xã hội."), "Bao-hiem-xa-hoi");
        assert_eq!(slug("//"), "x");
        // NFD input (typed on macOS) gives the same name.
        let nfd: String = "24/QĐ-BHXH".nfd().collect();
        assert_eq!(slug(&nfd), "24-QD-BHXH");
    }

    #[test]
    fn names_are_distinct_without_case() {
        let mut names = Names::default();
        assert_eq!(names.name("123/KH-BHXH"), "123-KH-BHXH");
        assert_eq!(names.name("123/KH-BHXH"), "123-KH-BHXH-2");
        assert_eq!(names.name("123/kh-bhxh"), "123-kh-bhxh-3");
        assert_eq!(names.name("KHĐT"), "KHDT");
        assert_eq!(names.name("KHDT"), "KHDT-2");
    }

    #[test]
    fn overdue_comes_first_and_the_rest_keep_their_order() {
        let mut lines = vec![("a", 0), ("b", 2), ("c", 0), ("d", 5), ("e", 2)];
        overdue_first(&mut lines, |l| l.1);
        let order: Vec<&str> = lines.iter().map(|l| l.0).collect();
        assert_eq!(order, ["d", "b", "e", "a", "c"]);
    }

    #[test]
    fn cells_share_the_four_categories() {
        use Category::*;
        let counts = Counts::of([OpenOverdue, OpenOverdue, DoneOnTime, Ongoing, Cancelled]);
        let cells = cells(&counts, Lang::Vi);
        let shown: Vec<(&str, usize, &str)> = cells
            .iter()
            .map(|c| (c.class, c.count, c.percent.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("open_overdue", 2, "66.7"),
                ("open_in_time", 0, "0.0"),
                ("done_late", 0, "0.0"),
                ("done_on_time", 1, "33.3"),
            ]
        );
        assert_eq!(cells[0].label, "chưa hoàn thành, quá hạn");
        assert_eq!(counts.other(), 2);
        assert!(
            super::cells(&Counts::default(), Lang::Vi)
                .iter()
                .all(|c| c.percent == "0.0")
        );
    }

    #[test]
    fn ticks_are_quarters_in_a_short_plan_and_years_in_a_long_one() {
        let short: Vec<String> = ticks(day(2024, 1, 1), day(2024, 12, 31))
            .into_iter()
            .map(|t| t.1)
            .collect();
        assert_eq!(short, ["1/2024", "4/2024", "7/2024", "10/2024"]);
        let long: Vec<String> = ticks(day(2017, 2, 28), day(2020, 12, 31))
            .into_iter()
            .map(|t| t.1)
            .collect();
        assert_eq!(long, ["1/2018", "1/2019", "1/2020"]);
    }

    #[test]
    fn the_timeline_places_bars_between_the_first_start_and_the_last_due_day() {
        let bar = |task: &str, start, end, state| Bar {
            section: None,
            task: task.into(),
            content: "Nội dung".into(),
            start,
            end,
            state,
        };
        let bars = [
            bar("1", day(2024, 1, 1), day(2024, 3, 31), BarState::Done),
            bar("2", day(2024, 1, 1), day(2024, 12, 31), BarState::Late),
        ];
        let drawing = timeline(&bars, day(2024, 7, 1), Lang::Vi).unwrap();
        assert_eq!(drawing.bars[0].x, "90.0");
        assert_eq!(drawing.bars[1].width, "900.0");
        assert_eq!(drawing.bars[1].class, "late");
        assert_eq!(drawing.height, 22 + 2 * 18 + 6);
        assert!(drawing.today.is_some());
        let later = timeline(&bars, day(2026, 1, 1), Lang::Vi).unwrap();
        assert_eq!(later.today, None);
        assert_eq!(timeline(&[], day(2024, 1, 1), Lang::Vi), None);
    }

    #[test]
    fn a_bar_is_named_by_its_tasks_first_words() {
        let long = "Tiếp tục hoàn thiện đồng bộ các quy định của Ngành BHXH Việt Nam về công tác \
                    tài chính, tài sản phù hợp với các quy định của Nhà nước";
        let bar = Bar {
            section: None,
            task: "1.2".into(),
            content: long.into(),
            start: day(2024, 1, 1),
            end: day(2024, 6, 30),
            state: BarState::Open,
        };
        let drawing = timeline(&[bar], day(2024, 3, 1), Lang::Vi).unwrap();
        let title = &drawing.bars[0].title;
        assert!(
            title.starts_with("1.2: Tiếp tục hoàn thiện đồng bộ các quy định của Ngành BHXH"),
            "{title}"
        );
        assert!(
            title.ends_with("… (2024-01-01 → 2024-06-30, chưa xong)"),
            "{title}"
        );
        assert!(!title.contains("Nhà nước"), "{title}");
    }
}
