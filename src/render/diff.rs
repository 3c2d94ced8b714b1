//! `bhxh-plan diff` as markdown for a pull-request comment, or JSON.
//!
//! Changed words are marked as git's word diff marks them, `[-removed-]` and `{+added+}`:
//! plain text that reads the same everywhere, and that GitLab draws in red and green.

use std::io::{self, Write};

use chrono::NaiveDate;

use super::labels::status_word as status;
use super::rows::markdown_cell;
use super::summary::table;
use super::{Format, Lang, Style};
use crate::diff::{
    DeadlineChange, FileErrors, Piece, PlanChanges, PlanRef, PlansDiff, UnitsChange, Unread,
    WordingChange,
};
use crate::model::Status;

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
            plan_line(plan, lang, out)?;
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

fn plan_line(plan: &PlanRef, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let tasks = lang.pick("nhiệm vụ", if plan.tasks == 1 { "task" } else { "tasks" });
    let name = plan.number.as_deref().unwrap_or(&plan.file);
    let title = plan.title.as_deref().unwrap_or("—");
    write!(
        out,
        "- **{}** ({}): {} — {} {tasks}",
        markdown_cell(name),
        markdown_cell(&plan.issuer),
        markdown_cell(title),
        plan.tasks,
    )?;
    match &plan.errors {
        Some(errors) => writeln!(out, " — {}", errors_sentence(errors, &plan.file, lang)),
        None => writeln!(out),
    }
}

/// "⚠ 2 errors; the first, line 9 column 9: …", pointing at `check`.
fn errors_sentence(errors: &FileErrors, file: &str, lang: Lang) -> String {
    let count = match (lang, errors.count) {
        (Lang::Vi, n) => format!("{n} lỗi"),
        (Lang::En, 1) => "1 error".to_string(),
        (Lang::En, n) => format!("{n} errors"),
    };
    let first = format!(
        "{} `{}:{}:{}`: {} [{}]",
        lang.pick("lỗi đầu tiên ở", "the first at"),
        code(file),
        errors.line,
        errors.column,
        markdown_cell(&errors.message),
        errors.code
    );
    let check = format!("`bhxh-plan check {}`", code(file));
    match lang {
        Lang::Vi => format!("**⚠ {count}**; {first} (xem tất cả: {check})"),
        Lang::En => format!("**⚠ {count}**; {first} (all of them: {check})"),
    }
}

fn changes(plan: &PlanChanges, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let name = plan.number.as_deref().unwrap_or(&plan.file);
    writeln!(
        out,
        "### {} ({})\n",
        markdown_cell(name),
        markdown_cell(&plan.issuer)
    )?;
    about(plan, lang, out)?;
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
    history(plan, lang, out)?;
    let tasks = [
        (lang.pick("thêm", "added"), &plan.added_tasks),
        (lang.pick("bớt", "removed"), &plan.removed_tasks),
    ];
    if tasks.iter().any(|(_, list)| !list.is_empty()) {
        writeln!(out, "#### {}\n", lang.pick("Nhiệm vụ", "Tasks"))?;
        for (change, list) in tasks {
            for t in list {
                let task = markdown_cell(&t.task);
                let content = markdown_cell(t.content.as_deref().unwrap_or("—"));
                writeln!(out, "- {change} **{task}**: {content}")?;
            }
        }
        writeln!(out)?;
    }
    wording(&plan.wording, lang, out)?;
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

/// What a reviewer must know of the plan's file before its tasks: moved, renumbered, with
/// errors, or not fully readable.
fn about(plan: &PlanChanges, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let mut lines: Vec<String> = Vec::new();
    if let Some(before) = &plan.renamed_from {
        lines.push(format!(
            "{} `{}` → `{}`",
            lang.pick("Đổi tên tệp:", "File renamed:"),
            code(before),
            code(&plan.file)
        ));
    }
    if let (Some(before), Some(after)) = (&plan.number_before, &plan.number) {
        lines.push(format!(
            "{} {} → {}",
            lang.pick("Số hiệu:", "Number:"),
            markdown_cell(before),
            markdown_cell(after)
        ));
    }
    if !plan.compared {
        lines.push(
            lang.pick(
                "**⚠ Không so sánh được:** một phiên bản của tệp không phải TOML.",
                "**⚠ Cannot be compared:** a version of the file is not TOML.",
            )
            .to_string(),
        );
    }
    match (&plan.errors, &plan.errors_before) {
        (Some(errors), _) => {
            let mut line = errors_sentence(errors, &plan.file, lang);
            if plan.compared {
                line.push_str(lang.pick(
                    ". Các thay đổi dưới đây đọc từ tệp như đang viết.",
                    ". The changes below are read from the file as written.",
                ));
            }
            lines.push(line);
        }
        (None, Some(before)) => lines.push(match lang {
            Lang::Vi => format!("Phiên bản trước có {} lỗi; nay đã hết.", before.count),
            Lang::En => format!(
                "The earlier version had {} error(s); none now.",
                before.count
            ),
        }),
        (None, None) => {}
    }
    if !plan.unread.is_empty() {
        let parts: Vec<String> = plan
            .unread
            .iter()
            .map(|part| match part {
                Unread::Task(id) => {
                    format!(
                        "{} **{}**",
                        lang.pick("nhiệm vụ", "task"),
                        markdown_cell(id)
                    )
                }
                Unread::Line(line) => {
                    format!("{} {line}", lang.pick("phần từ dòng", "the part at line"))
                }
            })
            .collect();
        lines.push(format!(
            "{} {}.",
            lang.pick(
                "Không đọc được (không phải TOML), nên không so sánh:",
                "Not TOML, so not compared:"
            ),
            parts.join(", ")
        ));
    }
    for line in &lines {
        writeln!(out, "> {line}\n")?;
    }
    Ok(())
}

/// The extensions and progress entries added.
fn history(plan: &PlanChanges, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let text = |t: &Option<String>| markdown_cell(t.as_deref().unwrap_or("—"));
    let date = |d: Option<NaiveDate>| d.map_or_else(|| "—".to_string(), |d| d.to_string());
    if !plan.extensions.is_empty() {
        writeln!(
            out,
            "#### {}\n",
            lang.pick("Gia hạn mới", "Extensions added")
        )?;
        let labels = [
            lang.pick("STT", "Task"),
            lang.pick("Ngày", "On"),
            lang.pick("Từ", "From"),
            lang.pick("Đến", "To"),
            lang.pick("Văn bản", "By"),
        ];
        let rows = plan.extensions.iter().map(|e| {
            let entry = &e.entry;
            let (from, to, by) = (text(&entry.from), text(&entry.to), text(&entry.by));
            vec![markdown_cell(&e.task), date(entry.on), from, to, by]
        });
        table(out, &labels, 0, rows)?;
    }
    if !plan.progress.is_empty() {
        writeln!(out, "#### {}\n", lang.pick("Tiến độ mới", "Progress added"))?;
        let labels = [
            lang.pick("STT", "Task"),
            lang.pick("Ngày", "On"),
            lang.pick("Trạng thái", "Status"),
            lang.pick("Kết quả thực hiện", "Note"),
        ];
        let rows = plan.progress.iter().map(|p| {
            let entry = &p.entry;
            let mut task = markdown_cell(&p.task);
            if let Some(occurrence) = entry.occurrence {
                task.push_str(&format!(
                    " ({} {occurrence})",
                    lang.pick("kỳ", "occurrence")
                ));
            }
            let word = match entry.status.as_deref() {
                Some(written) => Status::parse(written)
                    .map_or_else(|| markdown_cell(written), |s| status(s, lang).to_string()),
                None => "—".to_string(),
            };
            vec![task, date(entry.on), word, text(&entry.note)]
        });
        table(out, &labels, 0, rows)?;
    }
    Ok(())
}

/// Each reworded text with the words that changed marked.
fn wording(changes: &[WordingChange], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    if changes.is_empty() {
        return Ok(());
    }
    writeln!(out, "#### {}\n", lang.pick("Câu chữ", "Wording"))?;
    for change in changes {
        let field = match change.field {
            "content" => lang.pick("nội dung", "content"),
            "product" => lang.pick("sản phẩm", "product"),
            _ => lang.pick("ghi chú", "note"),
        };
        writeln!(
            out,
            "- **{}**, {field}: {}",
            markdown_cell(&change.task),
            marked(&change.pieces())
        )?;
    }
    writeln!(out)
}

/// Words kept on either side of a change, where a long text is cut.
const CONTEXT: usize = 6;

/// The pieces as one line: shared words (long runs cut to their ends), `[-removed-]`,
/// `{+added+}`.
fn marked(pieces: &[Piece]) -> String {
    let last = pieces.len().saturating_sub(1);
    let parts: Vec<String> = pieces
        .iter()
        .enumerate()
        .map(|(at, piece)| match piece {
            Piece::Same(text) => markdown_cell(&cut(text, at == 0, at == last)),
            Piece::Removed(text) => format!("[-{}-]", markdown_cell(text)),
            Piece::Added(text) => format!("{{+{}+}}", markdown_cell(text)),
        })
        .collect();
    parts.join(" ")
}

/// A shared run without the words far from any change.
fn cut(text: &str, first: bool, last: bool) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let keep_start = if first { 0 } else { CONTEXT };
    let keep_end = if last { 0 } else { CONTEXT };
    if words.len() <= keep_start + keep_end + 1 || (first && last) {
        return text.to_string();
    }
    let head = words[..keep_start].join(" ");
    let tail = words[words.len() - keep_end..].join(" ");
    [head.as_str(), "…", tail.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_words_are_marked_and_long_shared_runs_cut() {
        let pieces = crate::diff::word_diff(
            "một hai ba bốn năm sáu bảy tám chín mười cũ mười một mười hai mười ba mười bốn mười lăm mười sáu",
            "một hai ba bốn năm sáu bảy tám chín mười mới mười một mười hai mười ba mười bốn mười lăm mười sáu",
        );
        assert_eq!(
            marked(&pieces),
            "… năm sáu bảy tám chín mười [-cũ-] {+mới+} mười một mười hai mười ba …"
        );
        let short = crate::diff::word_diff("Quý I/2024 | a", "Quý II/2024 | a");
        assert_eq!(marked(&short), "Quý [-I/2024-] {+II/2024+} \\| a");
    }
}
