//! `bhxh-plan diff` as markdown for a pull-request comment, or JSON.

use std::io::{self, Write};

use chrono::NaiveDate;

use super::labels::status_word as status;
use super::rows::markdown_cell;
use super::summary::table;
use super::{Format, Lang, Style};
use crate::diff::{DeadlineChange, PlanChanges, PlansDiff, UnitsChange};

/// Writes the diff between the versions named `from` and `to`.
pub fn write_diff(
    diff: &PlansDiff,
    from: &str,
    to: &str,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    if style.format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, diff)?;
        return writeln!(out);
    }
    let lang = style.lang;
    writeln!(
        out,
        "## {} `{}` → `{}`\n",
        lang.pick("Thay đổi kế hoạch:", "Plan changes:"),
        code(from),
        code(to)
    )?;
    if diff.is_empty() {
        return writeln!(
            out,
            "{}",
            lang.pick(
                "Không có thay đổi nào về kế hoạch.",
                "No changes to the plans."
            )
        );
    }
    let lists = [
        (lang.pick("Kế hoạch mới", "Plans added"), &diff.added_plans),
        (
            lang.pick("Kế hoạch bị xóa", "Plans removed"),
            &diff.removed_plans,
        ),
    ];
    for (heading, plans) in lists.iter().filter(|(_, plans)| !plans.is_empty()) {
        writeln!(out, "### {heading}\n")?;
        for plan in plans.iter() {
            let tasks = lang.pick("nhiệm vụ", if plan.tasks == 1 { "task" } else { "tasks" });
            writeln!(
                out,
                "- **{}** ({}): {} — {} {tasks}",
                markdown_cell(&plan.number),
                markdown_cell(&plan.issuer),
                markdown_cell(&plan.title),
                plan.tasks,
            )?;
        }
        writeln!(out)?;
    }
    for plan in &diff.changed_plans {
        changes(plan, lang, out)?;
    }
    Ok(())
}

/// Text inside backticks cannot contain a backtick.
fn code(text: &str) -> String {
    text.replace('`', "'")
}

fn changes(plan: &PlanChanges, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "### {} ({})\n",
        markdown_cell(&plan.number),
        markdown_cell(&plan.issuer)
    )?;
    if !plan.deadlines.is_empty() {
        writeln!(out, "#### {}\n", lang.pick("Thời hạn", "Deadlines"))?;
        let labels = [
            lang.pick("STT", "Task"),
            lang.pick("Trước", "Before"),
            lang.pick("Sau", "After"),
            lang.pick("Dời hạn", "Moved"),
        ];
        let rows = plan
            .deadlines
            .iter()
            .map(|change| deadline_row(change, lang));
        table(out, &labels, 0, rows)?;
    }
    let tasks = [
        (lang.pick("thêm", "added"), &plan.added_tasks),
        (lang.pick("bớt", "removed"), &plan.removed_tasks),
    ];
    if tasks.iter().any(|(_, list)| !list.is_empty()) {
        writeln!(out, "#### {}\n", lang.pick("Nhiệm vụ", "Tasks"))?;
        for (change, list) in tasks {
            for t in list {
                let (task, content) = (markdown_cell(&t.task), markdown_cell(&t.content));
                writeln!(out, "- {change} **{task}**: {content}")?;
            }
        }
        writeln!(out)?;
    }
    let units = |changes: &[UnitsChange]| -> Vec<[String; 3]> {
        changes
            .iter()
            .map(|c| [c.task.clone(), c.old.join(", "), c.new.join(", ")])
            .collect()
    };
    let statuses: Vec<[String; 3]> = plan
        .status
        .iter()
        .map(|c| {
            [
                c.task.clone(),
                status(c.old, lang).into(),
                status(c.new, lang).into(),
            ]
        })
        .collect();
    let tables = [
        (lang.pick("Đơn vị chủ trì", "Lead units"), units(&plan.lead)),
        (
            lang.pick("Đơn vị phối hợp", "Supporting units"),
            units(&plan.support),
        ),
        (lang.pick("Trạng thái", "Status"), statuses),
    ];
    for (heading, rows) in tables {
        before_after(&rows, heading, lang, out)?;
    }
    Ok(())
}

fn deadline_row(change: &DeadlineChange, lang: Lang) -> Vec<String> {
    let side = |text: &Option<String>, due: Option<NaiveDate>| {
        let text = text
            .as_deref()
            .map(markdown_cell)
            .unwrap_or_else(|| "—".into());
        match due {
            Some(due) => format!("{text} ({due})"),
            None => text,
        }
    };
    let moved = match change.days {
        Some(days) if change.is_extension() => format!(
            "**{} +{days} {}**",
            lang.pick("⚠ gia hạn", "⚠ extended"),
            lang.pick("ngày", "days")
        ),
        Some(0) | None => "—".to_string(),
        Some(days) => format!("{days} {}", lang.pick("ngày", "days")),
    };
    vec![
        markdown_cell(&change.task),
        side(&change.old, change.old_due),
        side(&change.new, change.new_due),
        moved,
    ]
}

/// A "task | before | after" table under a heading; nothing when there are no rows.
fn before_after(
    rows: &[[String; 3]],
    heading: &str,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out, "#### {heading}\n")?;
    let labels = [
        lang.pick("STT", "Task"),
        lang.pick("Trước", "Before"),
        lang.pick("Sau", "After"),
    ];
    let rows = rows
        .iter()
        .map(|row| row.iter().map(|c| markdown_cell(c)).collect());
    table(out, &labels, 0, rows)
}
