//! `bhxh-plan summary`: markdown for leadership and the monitoring office, renderable on
//! GitHub and GitLab, with a mermaid timeline per plan. Headings are stable so that two
//! summaries diff well.

use std::io::{self, Write};

use super::labels::{days, status_word as status};
use super::rows::markdown_cell;
use super::{Label, Lang, Tabular};
use crate::query::{Bar, BarState, PlanSummary, Summary, TaskRow, WorkloadRow};

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "—".into();
    }
    format!("{}%", (part * 100 + whole / 2) / whole)
}

/// Writes the whole summary.
pub fn write_report(summary: &Summary, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "# {} {}\n",
        lang.pick(
            "Tổng hợp tình hình thực hiện kế hoạch — ngày",
            "Plan progress summary —"
        ),
        summary.today
    )?;
    if summary.plans.is_empty() {
        return writeln!(out, "{}", lang.pick("Không có kế hoạch nào.", "No plans."));
    }
    overview(summary, lang, out)?;
    for plan in &summary.plans {
        plan_section(plan, summary, lang, out)?;
    }
    Ok(())
}

/// Writes a markdown table and the blank line after it: the header, a rule that aligns
/// the last `numbers` columns right, and the rows, whose cells are escaped already.
pub(super) fn table(
    out: &mut dyn Write,
    labels: &[&str],
    numbers: usize,
    rows: impl IntoIterator<Item = Vec<String>>,
) -> io::Result<()> {
    writeln!(out, "| {} |", labels.join(" | "))?;
    let rule = "---|".repeat(labels.len() - numbers) + &"---:|".repeat(numbers);
    writeln!(out, "|{rule}")?;
    for row in rows {
        writeln!(out, "| {} |", row.join(" | "))?;
    }
    writeln!(out)
}

fn overview(summary: &Summary, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let labels = [
        lang.pick("Kế hoạch", "Plan"),
        lang.pick("Trích yếu", "Title"),
        lang.pick("Số nhiệm vụ", "Tasks"),
        lang.pick("Đã xong", "Done"),
        lang.pick("Chưa xong", "Open"),
        lang.pick("Quá hạn", "Overdue"),
        lang.pick("Tỷ lệ hoàn thành", "Done %"),
    ];
    let rows = summary.plans.iter().map(|plan| {
        let counts = [plan.tasks, plan.done, plan.open, plan.overdue];
        let mut cells = vec![markdown_cell(&plan.number), markdown_cell(&plan.title)];
        cells.extend(counts.map(|n| n.to_string()));
        cells.push(percent(plan.done, plan.tasks));
        cells
    });
    table(out, &labels, 5, rows)
}

fn plan_section(
    plan: &PlanSummary,
    summary: &Summary,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "## {} — {}\n",
        markdown_cell(&plan.number),
        markdown_cell(&plan.title)
    )?;
    writeln!(
        out,
        "{}: {} · {}: {}\n",
        lang.pick("Cơ quan ban hành", "Issuer"),
        markdown_cell(&plan.issuer),
        lang.pick("Ngày ban hành", "Issued"),
        plan.issued
    )?;

    writeln!(out, "### {}\n", lang.pick("Tiến độ", "Progress"))?;
    let labels = [
        lang.pick("Số nhiệm vụ", "Tasks"),
        lang.pick("Đã xong", "Done"),
        lang.pick("Chưa xong", "Open"),
        lang.pick("Quá hạn", "Overdue"),
        lang.pick("Đã hủy", "Cancelled"),
    ];
    let share = |n: usize| format!("{n} ({})", percent(n, plan.tasks));
    let mut cells = vec![plan.tasks.to_string()];
    cells.extend([plan.done, plan.open, plan.overdue, plan.cancelled].map(share));
    table(out, &labels, 5, [cells])?;

    overdue_by_lead(plan, summary, lang, out)?;
    due_soon(&plan.due_soon, lang, out)?;

    writeln!(
        out,
        "### {}\n",
        lang.pick("Khối lượng theo đơn vị", "Workload by unit")
    )?;
    let mut rows: Vec<WorkloadRow> = plan.workload.rows.clone();
    rows.push(plan.workload.total.clone());
    let headers = WorkloadRow::headers(&rows, lang);
    let labels: Vec<&str> = headers.iter().map(String::as_str).collect();
    let cells = rows
        .iter()
        .map(|row| row.cells(lang).iter().map(|c| markdown_cell(c)).collect());
    table(out, &labels, labels.len() - 2, cells)?;

    writeln!(
        out,
        "### {}\n",
        lang.pick("Tiến độ theo thời gian", "Timeline")
    )?;
    gantt(plan, lang, out)
}

fn overdue_by_lead(
    plan: &PlanSummary,
    summary: &Summary,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "### {}\n",
        lang.pick(
            "Nhiệm vụ quá hạn theo đơn vị chủ trì",
            "Overdue by lead unit"
        )
    )?;
    if plan.overdue_rows.is_empty() {
        return writeln!(
            out,
            "{}\n",
            lang.pick("Không có nhiệm vụ quá hạn.", "Nothing is overdue.")
        );
    }
    let mut leads: Vec<&str> = plan
        .overdue_rows
        .iter()
        .flat_map(|r| r.lead.iter().map(String::as_str))
        .collect();
    let named = |code: &str| summary.unit_names.iter().position(|(k, _)| k == code);
    leads.sort_by_key(|c| (named(c).unwrap_or(usize::MAX), c.to_string()));
    leads.dedup();
    for lead in leads {
        let name = named(lead).map_or(lead, |i| summary.unit_names[i].1.as_str());
        writeln!(
            out,
            "#### {} — {}\n",
            markdown_cell(lead),
            markdown_cell(name)
        )?;
        let labels = [
            Label::Task.text(lang),
            Label::Content.text(lang),
            Label::Milestone.text(lang),
            Label::Due.text(lang),
            lang.pick("Số ngày trễ", "Days late"),
        ];
        let led = plan
            .overdue_rows
            .iter()
            .filter(|r| r.lead.iter().any(|l| l == lead));
        let rows = led.map(|row| {
            vec![
                markdown_cell(row.task),
                markdown_cell(row.content),
                markdown_cell(row.milestone.as_deref().unwrap_or("")),
                row.due.map(|d| d.to_string()).unwrap_or_default(),
                row.days_overdue.unwrap_or_default().to_string(),
            ]
        });
        table(out, &labels, 1, rows)?;
    }
    Ok(())
}

fn due_soon(rows: &[TaskRow], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "### {}\n",
        lang.pick("Đến hạn trong 30 ngày tới", "Due in the next 30 days")
    )?;
    if rows.is_empty() {
        return writeln!(
            out,
            "{}\n",
            lang.pick("Không có nhiệm vụ nào đến hạn.", "Nothing falls due.")
        );
    }
    let labels = [
        Label::Task.text(lang),
        Label::Content.text(lang),
        Label::Lead.text(lang),
        Label::Due.text(lang),
        Label::Status.text(lang),
        lang.pick("Còn lại", "Left"),
    ];
    let rows = rows.iter().map(|row| {
        vec![
            markdown_cell(row.task),
            markdown_cell(row.content),
            markdown_cell(&row.lead.join(", ")),
            row.due.map(|d| d.to_string()).unwrap_or_default(),
            status(row.status, lang).to_string(),
            days(row.days_overdue, lang),
        ]
    });
    table(out, &labels, 0, rows)
}

/// A mermaid `gantt` block: sections as in the document, overdue bars `crit`, done ones
/// `done`, work in progress `active`.
fn gantt(plan: &PlanSummary, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    if plan.timeline.is_empty() {
        return writeln!(
            out,
            "{}\n",
            lang.pick(
                "Không có nhiệm vụ nào có hạn cụ thể.",
                "No task has a date."
            )
        );
    }
    writeln!(out, "```mermaid\ngantt")?;
    writeln!(out, "    title {}", mermaid_text(&plan.number, 80))?;
    writeln!(
        out,
        "    dateFormat YYYY-MM-DD\n    axisFormat %m/%Y\n    todayMarker off"
    )?;
    let mut current: Option<&Option<(String, String)>> = None;
    for (index, bar) in plan.timeline.iter().enumerate() {
        if current != Some(&bar.section) {
            let name = match &bar.section {
                Some((id, title)) => format!("{id}. {title}"),
                None => lang.pick("Nhiệm vụ khác", "Other tasks").to_string(),
            };
            writeln!(out, "    section {}", mermaid_text(&name, 60))?;
            current = Some(&bar.section);
        }
        writeln!(out, "    {}", gantt_line(bar, index))?;
    }
    writeln!(out, "```\n")
}

fn gantt_line(bar: &Bar, index: usize) -> String {
    let tag = match bar.state {
        BarState::Late => "crit, ",
        BarState::Done => "done, ",
        BarState::InProgress => "active, ",
        BarState::Open => "",
    };
    let name = mermaid_text(&format!("{} {}", bar.task, bar.content), 60);
    format!("{name} :{tag}t{index}, {}, {}", bar.start, bar.end)
}

/// Text that cannot break a mermaid line: no separators, comments, markup or line
/// breaks (angle brackets become look-alike quotes); shortened.
pub fn mermaid_text(text: &str, limit: usize) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| match c {
            '<' => '‹',
            '>' => '›',
            ':' | ';' | '#' | '%' | '`' | '\\' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    super::shortened(&words.join(" "), limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mermaid_text_has_no_separators_and_is_short() {
        assert_eq!(mermaid_text("I.1 a: b; c # d\n e", 80), "I.1 a b c d e");
        assert_eq!(mermaid_text("abcdefghij", 5), "abcd…");
        assert_eq!(mermaid_text("<b>x</b>", 20), "‹b›x‹/b›");
    }
}
