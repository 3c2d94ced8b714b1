//! `export --format phu-luc`: the official appendix layout (Phụ lục), with unit names
//! written in full, as a markdown table per plan.

use std::io::{self, Write};

use super::rows::markdown_cell;
use crate::model::Plan;

/// Writes each plan's appendix: section rows in bold, then its tasks.
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
        writeln!(
            out,
            "| STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Sản phẩm |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|")?;
        let mut section: Option<&str> = None;
        for task in &plan.tasks {
            if task.section.as_deref() != section {
                section = task.section.as_deref();
                if let Some(heading) =
                    section.and_then(|id| plan.sections.iter().find(|s| s.id == id))
                {
                    writeln!(
                        out,
                        "| **{}** | **{}** | | | | |",
                        markdown_cell(&heading.id),
                        markdown_cell(&heading.title)
                    )?;
                }
            }
            let names = |codes: &[String]| {
                codes
                    .iter()
                    .map(|c| markdown_cell(&unit_name(c)))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let deadline = match (&task.deadline, task.milestones.is_empty()) {
                (Some(d), true) => markdown_cell(d),
                _ => task
                    .milestones
                    .iter()
                    .map(|m| {
                        format!(
                            "{}: {}",
                            markdown_cell(&m.what),
                            markdown_cell(m.deadline.as_deref().unwrap_or(""))
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("<br>"),
            };
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                markdown_cell(&task.id),
                markdown_cell(&task.content),
                names(&task.lead),
                names(&task.support),
                deadline,
                markdown_cell(task.product.as_deref().unwrap_or(""))
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}
