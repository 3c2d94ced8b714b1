//! `bhxh-plan report`: the progress report of a period as markdown, a Word document (the
//! layout of NĐ 30/2020/NĐ-CP) or an Excel workbook. Each format writes the same tables,
//! laid out once here from the query's [`PeriodReport`].

pub(crate) mod docx;
mod markdown;
mod xlsx;

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use super::Lang;
use super::labels::{self, category};
use crate::progress::Category;
use crate::query::{Counts, Cutoff, Period, PeriodReport, Span, TaskRow, Window};

pub use docx::write_docx;
pub use markdown::write_markdown;
pub use xlsx::write_xlsx;

/// What the report is about, beyond its data: the day it is dated (`--today`), and the
/// unit or plan it was narrowed to.
#[derive(Debug, Clone, Default)]
pub struct Heading {
    /// "Hà Nội, ngày … tháng … năm …" of the Word report.
    pub dated: Option<NaiveDate>,
    /// The unit asked for, by name, and that its predecessors are included.
    pub unit: Option<String>,
    pub note: Option<String>,
    /// The plan asked for, by number.
    pub plan: Option<String>,
}

/// A cell of a report table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell<'a> {
    /// Text of the report borrowed where it is stored, made where it is not.
    Text(Cow<'a, str>),
    Count(usize),
    /// Days late, or a signed number of days.
    Days(Option<i64>),
    /// A share of 1, or none when nothing was counted.
    Rate(Option<f64>),
}

impl Cell<'_> {
    /// The cell as text for people.
    fn text(&self) -> String {
        match self {
            Cell::Text(text) => text.to_string(),
            Cell::Count(n) => n.to_string(),
            Cell::Days(days) => days.map_or_else(String::new, |d| d.to_string()),
            Cell::Rate(rate) => percent(*rate),
        }
    }

    fn is_number(&self) -> bool {
        !matches!(self, Cell::Text(_))
    }
}

/// A rate as a whole percentage, or a dash.
fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".into(), |r| format!("{}%", (r * 100.0).round()))
}

/// One table of the report, with its heading; an empty one is said in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Table<'a> {
    pub heading: String,
    /// The sheet's name in a workbook: at most 31 characters.
    pub sheet: &'static str,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell<'a>>>,
    /// The sentence in place of an empty table.
    pub empty: &'static str,
}

/// The report's title: "Tình hình thực hiện kế hoạch công tác quý II năm 2024".
pub(crate) fn subject(report: &PeriodReport, heading: &Heading, lang: Lang) -> String {
    let what = match (&heading.plan, lang) {
        (Some(plan), Lang::Vi) => format!("Tình hình thực hiện kế hoạch {plan}"),
        (Some(plan), Lang::En) => format!("Progress of plan {plan}"),
        (None, _) => lang
            .pick(
                "Tình hình thực hiện các kế hoạch công tác",
                "Progress of the work plans",
            )
            .to_string(),
    };
    let unit = match &heading.unit {
        Some(unit) => format!(" ({}: {unit})", lang.pick("đơn vị chủ trì", "lead unit")),
        None => String::new(),
    };
    format!("{what}{unit} {}", period_words(report.period, lang))
}

/// "quý II năm 2024", "6 tháng đầu năm 2024", "tháng 6 năm 2024", "năm 2024".
pub fn period_words(period: Period, lang: Lang) -> String {
    const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let year = period.year;
    match (period.span, lang) {
        (Span::Year, Lang::Vi) => format!("năm {year}"),
        (Span::Year, Lang::En) => format!("in {year}"),
        (Span::Half(1), Lang::Vi) => format!("6 tháng đầu năm {year}"),
        (Span::Half(_), Lang::Vi) => format!("6 tháng cuối năm {year}"),
        (Span::Half(1), Lang::En) => format!("in the first half of {year}"),
        (Span::Half(_), Lang::En) => format!("in the second half of {year}"),
        (Span::Quarter(q), Lang::Vi) => format!("quý {} năm {year}", ROMAN[q as usize - 1]),
        (Span::Quarter(q), Lang::En) => format!("in Q{q} {year}"),
        (Span::Month(m), Lang::Vi) => format!("tháng {m} năm {year}"),
        (Span::Month(m), Lang::En) => format!("in {} {year}", MONTHS[m as usize - 1]),
    }
}

/// A day as people write it: 15/03/2024, or 2024-03-15 in English.
pub(crate) fn date(day: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => day.format("%d/%m/%Y").to_string(),
        Lang::En => day.to_string(),
    }
}

/// The sentence that says the window and how it was cut, and the day it was read on when
/// that comes before the window's end (a period not over yet: DESIGN §6).
pub(crate) fn window_sentence(report: &PeriodReport, lang: Lang) -> String {
    let Window { start, end } = report.window;
    let read_on = (report.day < end).then(|| {
        let day = date(report.day, lang);
        lang.pick(
            format!(" Số liệu tính đến ngày {day}: kỳ báo cáo chưa kết thúc."),
            format!(" Read on {day}: the period has not ended."),
        )
    });
    let window = window_only(report.cutoff, (start, end), lang);
    window + read_on.as_deref().unwrap_or_default()
}

fn window_only(cutoff: Cutoff, (start, end): (NaiveDate, NaiveDate), lang: Lang) -> String {
    let (start, end) = (date(start, lang), date(end, lang));
    match (cutoff, lang) {
        (Cutoff::Nd09, Lang::Vi) => format!(
            "Số liệu từ ngày {start} đến ngày {end} (thời gian chốt số liệu theo Điều 12 \
             Nghị định số 09/2019/NĐ-CP)."
        ),
        (Cutoff::Calendar, Lang::Vi) => {
            format!("Số liệu từ ngày {start} đến ngày {end} (theo kỳ dương lịch).")
        }
        (Cutoff::Nd09, Lang::En) => {
            format!("Data from {start} to {end} (the cut-off of Decree 09/2019/NĐ-CP, Art. 12).")
        }
        (Cutoff::Calendar, Lang::En) => {
            format!("Data from {start} to {end} (the calendar period).")
        }
    }
}

/// How the rate is computed, under the tables.
pub(crate) fn rate_sentence(lang: Lang) -> &'static str {
    lang.pick(
        "Tỷ lệ đúng hạn = số hoàn thành đúng hạn / tổng số hoàn thành đúng hạn, hoàn thành \
         quá hạn, chưa hoàn thành trong hạn, chưa hoàn thành quá hạn và chưa hoàn thành khi \
         kết thúc kế hoạch; nhiệm vụ thường xuyên, chưa có hạn và dừng thực hiện không tính. \
         Mỗi mốc, mỗi kỳ của nhiệm vụ định kỳ tính là một.",
        "On-time rate = done on time / (done on time + done late + open in time + open \
         overdue + unfinished when the plan closed); ongoing, undated and cancelled items are \
         not counted. Each stage and each occurrence of a recurring task counts as one.",
    )
}

/// The categories of the count tables, in their order.
const COUNTED: [Category; 5] = [
    Category::DoneOnTime,
    Category::DoneLate,
    Category::OpenInTime,
    Category::OpenOverdue,
    Category::Unfinished,
];
const APART: [Category; 3] = [Category::Ongoing, Category::NoDate, Category::Cancelled];

fn count_headers(first: &str, lang: Lang) -> Vec<String> {
    let mut headers = vec![first.to_string()];
    headers.extend(COUNTED.iter().map(|c| capitalised(category(*c, lang))));
    headers.push(lang.pick("Tỷ lệ đúng hạn", "On-time rate").into());
    headers.extend(APART.iter().map(|c| capitalised(category(*c, lang))));
    headers
}

fn count_cells<'a>(first: impl Into<Cow<'a, str>>, counts: &Counts) -> Vec<Cell<'a>> {
    let mut cells = vec![Cell::Text(first.into())];
    cells.extend(COUNTED.iter().map(|c| Cell::Count(counts.of(*c))));
    cells.push(Cell::Rate(counts.on_time_rate));
    cells.extend(APART.iter().map(|c| Cell::Count(counts.of(*c))));
    cells
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The tables of the report, in order.
pub(crate) fn tables<'a>(report: &'a PeriodReport, lang: Lang) -> Vec<Table<'a>> {
    let mut total = Counts::default();
    for plan in &report.plans {
        total.merge(&plan.counts);
    }
    let mut plan_rows: Vec<Vec<Cell>> = report
        .plans
        .iter()
        .map(|p| count_cells(p.plan.as_str(), &p.counts))
        .collect();
    if report.plans.len() > 1 {
        plan_rows.push(count_cells(lang.pick("Tổng", "Total"), &total));
    }
    let unit_rows = report
        .units
        .iter()
        .map(|u| count_cells(format!("{} ({})", u.name, u.unit), &u.counts))
        .collect();
    let next = format!(
        "{} ({}: {} → {})",
        lang.pick("Đến hạn trong kỳ tới", "Due in the next period"),
        period_words(report.next_period, lang).trim_start_matches("in "),
        date(report.next_window.start, lang),
        date(report.next_window.end, lang),
    );
    let apart = |keep: &[Category]| -> Vec<&TaskRow> {
        let rows = report.apart.iter();
        rows.filter(|r| keep.contains(&r.category)).collect()
    };
    vec![
        Table {
            heading: lang.pick("Theo kế hoạch", "By plan").into(),
            sheet: lang.pick("Theo kế hoạch", "By plan"),
            headers: count_headers(lang.pick("Kế hoạch", "Plan"), lang),
            rows: plan_rows,
            empty: lang.pick("Không có nhiệm vụ nào trong kỳ.", "Nothing in the period."),
        },
        Table {
            heading: lang.pick("Theo đơn vị chủ trì", "By lead unit").into(),
            sheet: lang.pick("Theo đơn vị chủ trì", "By lead unit"),
            headers: count_headers(lang.pick("Đơn vị chủ trì", "Lead unit"), lang),
            rows: unit_rows,
            empty: lang.pick("Không có nhiệm vụ nào trong kỳ.", "Nothing in the period."),
        },
        overdue_table(report, lang),
        extensions_table(report, lang),
        Table {
            heading: next,
            sheet: lang.pick("Đến hạn kỳ tới", "Due next period"),
            ..task_table(&report.next.iter().collect::<Vec<_>>(), lang)
        },
        Table {
            heading: lang
                .pick(
                    "Nhiệm vụ thường xuyên, chưa có hạn",
                    "Ongoing and undated tasks",
                )
                .into(),
            sheet: lang.pick("Thường xuyên, chưa có hạn", "Ongoing and undated"),
            ..task_table(&apart(&[Category::Ongoing, Category::NoDate]), lang)
        },
        Table {
            heading: lang
                .pick(
                    "Nhiệm vụ dừng thực hiện, chưa hoàn thành khi kết thúc kế hoạch",
                    "Cancelled, and unfinished when the plan closed",
                )
                .into(),
            sheet: lang.pick("Dừng, chưa hoàn thành", "Cancelled and unfinished"),
            ..task_table(&apart(&[Category::Cancelled, Category::Unfinished]), lang)
        },
    ]
}

fn overdue_table<'a>(report: &'a PeriodReport, lang: Lang) -> Table<'a> {
    let mut headers = task_headers(lang);
    headers.extend([
        lang.pick("Số ngày quá hạn", "Days late"),
        lang.pick("Tiến độ báo cáo gần nhất", "Last progress note"),
    ]);
    let rows = report
        .overdue
        .iter()
        .map(|o| {
            let mut cells = task_cells(&o.row, lang);
            cells.push(Cell::Days(o.row.days_overdue));
            cells.push(Cell::Text(o.note.as_deref().unwrap_or_default().into()));
            cells
        })
        .collect();
    Table {
        heading: lang
            .pick(
                "Nhiệm vụ chưa hoàn thành, quá hạn",
                "Open and overdue at the end of the period",
            )
            .into(),
        sheet: lang.pick("Quá hạn", "Overdue"),
        headers: headers.into_iter().map(String::from).collect(),
        rows,
        empty: lang.pick("Không có nhiệm vụ quá hạn.", "Nothing is overdue."),
    }
}

fn extensions_table<'a>(report: &'a PeriodReport, lang: Lang) -> Table<'a> {
    let headers = [
        lang.pick("Kế hoạch", "Plan"),
        lang.pick("STT", "Task"),
        lang.pick("Ngày gia hạn", "Granted on"),
        lang.pick("Thời hạn cũ", "From"),
        lang.pick("Thời hạn mới", "To"),
        lang.pick("Văn bản", "By"),
    ];
    let rows = report
        .extensions
        .iter()
        .map(|e| {
            vec![
                Cell::Text(e.plan.as_str().into()),
                Cell::Text(e.task.as_str().into()),
                Cell::Text(date(e.on, lang).into()),
                Cell::Text(e.from.as_str().into()),
                Cell::Text(e.to.as_str().into()),
                Cell::Text(e.by.as_str().into()),
            ]
        })
        .collect();
    Table {
        heading: lang
            .pick("Gia hạn trong kỳ", "Extensions granted in the period")
            .into(),
        sheet: lang.pick("Gia hạn", "Extensions"),
        headers: headers.into_iter().map(String::from).collect(),
        rows,
        empty: lang.pick("Không có gia hạn nào.", "No extension was granted."),
    }
}

/// The columns every list of tasks starts with: plan, id, content, lead, deadline, due.
fn task_headers(lang: Lang) -> Vec<&'static str> {
    vec![
        lang.pick("Kế hoạch", "Plan"),
        lang.pick("STT", "Task"),
        lang.pick("Nội dung công việc", "Content"),
        lang.pick("Đơn vị chủ trì", "Lead"),
        lang.pick("Thời gian hoàn thành", "Deadline"),
        lang.pick("Hạn", "Due"),
    ]
}

/// A task row's cells under [`task_headers`].
fn task_cells<'a>(r: &TaskRow<'a>, lang: Lang) -> Vec<Cell<'a>> {
    vec![
        Cell::Text(r.plan.into()),
        Cell::Text(task_id(r).into()),
        Cell::Text(r.content.into()),
        Cell::Text(r.lead.join(", ").into()),
        Cell::Text(deadline(r, lang).into()),
        Cell::Text(r.due.map(|d| date(d, lang)).unwrap_or_default().into()),
    ]
}

/// A list of task rows: plan, id, content, lead, deadline, due, where it stands.
fn task_table<'a>(rows: &[&TaskRow<'a>], lang: Lang) -> Table<'a> {
    let mut headers = task_headers(lang);
    headers.push(lang.pick("Tình trạng", "Standing"));
    let rows = rows
        .iter()
        .map(|r| {
            let standing = match r.category {
                Category::OpenInTime | Category::OpenOverdue => labels::status_word(r.status, lang),
                other => category(other, lang),
            };
            let mut cells = task_cells(r, lang);
            cells.push(Cell::Text(standing.into()));
            cells
        })
        .collect();
    Table {
        heading: String::new(),
        sheet: "",
        headers: headers.into_iter().map(String::from).collect(),
        rows,
        empty: lang.pick("Không có.", "None."),
    }
}

/// The task's id with its stage or occurrence: "6.3 (1/2)", "9 (19/03/2024)".
fn task_id(row: &TaskRow) -> String {
    match (&row.milestone, row.occurrence) {
        (Some(stage), _) => format!("{} ({stage})", row.task),
        (None, Some(day)) => format!("{} ({})", row.task, day.format("%d/%m/%Y")),
        (None, None) => row.task.to_string(),
    }
}

fn deadline(row: &TaskRow, lang: Lang) -> String {
    labels::deadline(row.deadline, row.original_deadline, lang).replace('\n', " ")
}

/// "Hà Nội, ngày 05 tháng 7 năm 2024": NĐ 30/2020 writes a day below 10 and the months
/// 1 and 2 with a leading zero.
pub(crate) fn place_and_date(day: NaiveDate) -> String {
    let month = match day.month() {
        m @ (1 | 2) => format!("{m:02}"),
        m => m.to_string(),
    };
    format!(
        "Hà Nội, ngày {:02} tháng {month} năm {}",
        day.day(),
        day.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_and_date_follow_decree_30() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            place_and_date(day(2024, 6, 20)),
            "Hà Nội, ngày 20 tháng 6 năm 2024"
        );
        assert_eq!(
            place_and_date(day(2024, 2, 5)),
            "Hà Nội, ngày 05 tháng 02 năm 2024"
        );
        assert_eq!(
            place_and_date(day(2024, 12, 9)),
            "Hà Nội, ngày 09 tháng 12 năm 2024"
        );
    }

    #[test]
    fn periods_read_as_words() {
        let words = |p: &str, lang| period_words(p.parse().unwrap(), lang);
        assert_eq!(words("2024-Q2", Lang::Vi), "quý II năm 2024");
        assert_eq!(words("2024-H1", Lang::Vi), "6 tháng đầu năm 2024");
        assert_eq!(words("2024-06", Lang::Vi), "tháng 6 năm 2024");
        assert_eq!(words("2024", Lang::Vi), "năm 2024");
        assert_eq!(words("2024-Q2", Lang::En), "in Q2 2024");
    }

    #[test]
    fn rates_are_whole_percentages() {
        assert_eq!(percent(Some(0.25)), "25%");
        assert_eq!(percent(Some(1.0 / 6.0)), "17%");
        assert_eq!(percent(None), "—");
    }
}
