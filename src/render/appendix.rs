//! The official appendix layout (Phụ lục): `export --format phu-luc` as a markdown table
//! per plan, and the rows the Word and Excel appendices share (`appendix_office`).
//!
//! A section is a row with its id in STT and its title across the other columns; a task
//! is a row with unit names written in full; each stage of a task (milestone) is a row
//! under it with no STT, its text after "- " and its own deadline, as appendices write
//! the stages of a task. `import` reads all three back.

use std::io::{self, Write};

use super::rows::markdown_cell;
use crate::model::Plan;

/// The columns of the Word and Excel appendices.
pub const COLUMNS: [&str; 7] = [
    "STT",
    "Nội dung công việc",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời gian hoàn thành",
    "Sản phẩm",
    "Ghi chú",
];

/// One row of an appendix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppendixRow {
    Section {
        id: String,
        title: String,
    },
    /// STT, content, lead, support, deadline, product, note.
    Task([String; 7]),
    /// A stage of the task above: its text and deadline.
    Stage {
        what: String,
        deadline: String,
    },
}

/// The rows of a plan's appendix. Every section is shown, in the plan's order, before
/// the first task that falls in it or in one of its sub-sections, so a section that holds
/// only sub-sections still has its row.
pub fn appendix_rows(plan: &Plan, unit_name: &dyn Fn(&str) -> String) -> Vec<AppendixRow> {
    let mut rows = Vec::new();
    let mut shown = vec![false; plan.sections.len()];
    let names = |codes: &[String]| {
        codes
            .iter()
            .map(|c| unit_name(c))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut current: Option<&str> = None;
    for task in &plan.tasks {
        if task.section.as_deref() != current {
            current = task.section.as_deref();
            if let Some(at) = current.and_then(|id| plan.sections.iter().position(|s| s.id == id)) {
                for (i, section) in plan.sections.iter().enumerate().take(at + 1) {
                    if !shown[i] {
                        shown[i] = true;
                        rows.push(AppendixRow::Section {
                            id: section.id.clone(),
                            title: section.title.clone(),
                        });
                    }
                }
            }
        }
        rows.push(AppendixRow::Task([
            task.id.clone(),
            task.content.clone(),
            names(&task.lead),
            names(&task.support),
            task.deadline.clone().unwrap_or_default(),
            task.product.clone().unwrap_or_default(),
            task.note.clone().unwrap_or_default(),
        ]));
        for stage in &task.milestones {
            rows.push(AppendixRow::Stage {
                what: format!("- {}", stage.what),
                deadline: stage.deadline.clone().unwrap_or_default(),
            });
        }
    }
    rows
}

/// "(Kèm theo Kế hoạch số 595/KH-BHXH ngày 28/02/2017 của BHXH Việt Nam)": the line under
/// an appendix's title that says which document it belongs to.
pub fn caption(plan: &Plan) -> String {
    format!(
        "(Kèm theo {} số {} ngày {} của {})",
        plan.kind.as_deref().unwrap_or("văn bản"),
        plan.number,
        plan.issued.format("%d/%m/%Y"),
        plan.issuer
    )
}

/// Writes each plan's appendix: section rows in bold, then its tasks and their stages.
pub fn write_appendix(
    plans: &[&Plan],
    unit_name: &dyn Fn(&str) -> String,
    out: &mut dyn Write,
) -> io::Result<()> {
    for plan in plans {
        writeln!(
            out,
            "## {} — {}\n",
            markdown_cell(&plan.number),
            markdown_cell(&plan.title)
        )?;
        writeln!(out, "{}\n", markdown_cell(&caption(plan)))?;
        writeln!(
            out,
            "| STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Sản phẩm |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|")?;
        for row in appendix_rows(plan, unit_name) {
            match row {
                AppendixRow::Section { id, title } => writeln!(
                    out,
                    "| **{}** | **{}** | | | | |",
                    markdown_cell(&id),
                    markdown_cell(&title)
                )?,
                AppendixRow::Task(cells) => {
                    let cells: Vec<String> = cells[..6].iter().map(|c| markdown_cell(c)).collect();
                    writeln!(out, "| {} |", cells.join(" | "))?
                }
                AppendixRow::Stage { what, deadline } => writeln!(
                    out,
                    "| | {} | | | {} | |",
                    markdown_cell(&what),
                    markdown_cell(&deadline)
                )?,
            }
        }
        writeln!(out)?;
    }
    Ok(())
}
