//! `bhxh-plan diff` as markdown for a pull-request comment, or JSON.

use std::io::{self, Write};

use chrono::NaiveDate;

use super::labels::status;
use super::rows::markdown_cell;
use super::{Format, Lang, Style};
use crate::diff::{DeadlineChange, PlanChanges, PlanRef, PlansDiff, UnitsChange};

fn t(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

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
        t(lang, "Thay đổi kế hoạch:", "Plan changes:"),
        code(from),
        code(to)
    )?;
    if diff.is_empty() {
        return writeln!(
            out,
            "{}",
            t(
                lang,
                "Không có thay đổi nào về kế hoạch.",
                "No changes to the plans."
            )
        );
    }
    plan_list(
        &diff.added_plans,
        t(lang, "Kế hoạch mới", "Plans added"),
        lang,
        out,
    )?;
    plan_list(
        &diff.removed_plans,
        t(lang, "Kế hoạch bị xóa", "Plans removed"),
        lang,
        out,
    )?;
    for plan in &diff.changed_plans {
        changes(plan, lang, out)?;
    }
    Ok(())
}

/// Text inside backticks cannot contain a backtick.
fn code(text: &str) -> String {
    text.replace('`', "'")
}

fn plan_list(plans: &[PlanRef], heading: &str, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    if plans.is_empty() {
        return Ok(());
    }
    writeln!(out, "### {heading}\n")?;
    for plan in plans {
        let tasks = if plan.tasks == 1 {
            t(lang, "nhiệm vụ", "task")
        } else {
            t(lang, "nhiệm vụ", "tasks")
        };
        writeln!(
            out,
            "- **{}** ({}): {} — {} {tasks}",
            markdown_cell(&plan.number),
            markdown_cell(&plan.issuer),
            markdown_cell(&plan.title),
            plan.tasks,
        )?;
    }
    writeln!(out)
}

fn changes(plan: &PlanChanges, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "### {} ({})\n",
        markdown_cell(&plan.number),
        markdown_cell(&plan.issuer)
    )?;
    if !plan.deadlines.is_empty() {
        writeln!(out, "#### {}\n", t(lang, "Thời hạn", "Deadlines"))?;
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            t(lang, "STT", "Task"),
            t(lang, "Trước", "Before"),
            t(lang, "Sau", "After"),
            t(lang, "Dời hạn", "Moved")
        )?;
        writeln!(out, "|---|---|---|---|")?;
        for change in &plan.deadlines {
            deadline_row(change, lang, out)?;
        }
        writeln!(out)?;
    }
    let tasks = |list: &[crate::diff::TaskRef]| -> Vec<String> {
        list.iter()
            .map(|t| {
                format!(
                    "**{}**: {}",
                    markdown_cell(&t.task),
                    markdown_cell(&t.content)
                )
            })
            .collect()
    };
    let added = tasks(&plan.added_tasks);
    let removed = tasks(&plan.removed_tasks);
    if !added.is_empty() || !removed.is_empty() {
        writeln!(out, "#### {}\n", t(lang, "Nhiệm vụ", "Tasks"))?;
        for line in &added {
            writeln!(out, "- {} {line}", t(lang, "thêm", "added"))?;
        }
        for line in &removed {
            writeln!(out, "- {} {line}", t(lang, "bớt", "removed"))?;
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
    before_after(
        &units(&plan.lead),
        t(lang, "Đơn vị chủ trì", "Lead units"),
        lang,
        out,
    )?;
    before_after(
        &units(&plan.support),
        t(lang, "Đơn vị phối hợp", "Supporting units"),
        lang,
        out,
    )?;
    before_after(&statuses, t(lang, "Trạng thái", "Status"), lang, out)?;
    Ok(())
}

fn deadline_row(change: &DeadlineChange, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
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
            t(lang, "⚠ gia hạn", "⚠ extended"),
            t(lang, "ngày", "days")
        ),
        Some(0) | None => "—".to_string(),
        Some(days) => format!("{days} {}", t(lang, "ngày", "days")),
    };
    writeln!(
        out,
        "| {} | {} | {} | {moved} |",
        markdown_cell(&change.task),
        side(&change.old, change.old_due),
        side(&change.new, change.new_due)
    )
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
    writeln!(
        out,
        "| {} | {} | {} |",
        t(lang, "STT", "Task"),
        t(lang, "Trước", "Before"),
        t(lang, "Sau", "After")
    )?;
    writeln!(out, "|---|---|---|")?;
    for [task, before, after] in rows {
        writeln!(
            out,
            "| {} | {} | {} |",
            markdown_cell(task),
            markdown_cell(before),
            markdown_cell(after)
        )?;
    }
    writeln!(out)
}
