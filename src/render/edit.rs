//! What `progress` and `extend` changed in a plan file, as before → after.

use std::io::{self, Write};
use std::path::Path;

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use super::Lang;
use super::labels::status_word as status;
use crate::edit::{Edited, Entry, Field};

/// A stage's `what` is a sentence; the heading shows its start.
const WHAT_SHOWN: usize = 60;

/// Writes the heading (plan, task or milestone, file) and one line per change.
pub fn write_edit(edited: &Edited, file: &Path, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let task = lang.pick("nhiệm vụ", "task");
    write!(out, "{}, {task} {}", edited.plan, edited.task)?;
    if let Some((n, what)) = &edited.milestone {
        let stage = lang.pick("mốc", "stage");
        write!(
            out,
            ", {stage} {n} “{}”",
            super::shortened(what, WHAT_SHOWN)
        )?;
    }
    writeln!(out, " ({})", file.display())?;
    let day = |d: &Option<NaiveDate>| d.map_or_else(|| "—".to_string(), |d| d.to_string());
    let mut lines: Vec<(&str, String)> = Vec::new();
    for field in &edited.fields {
        lines.push(match field {
            Field::Status(before, after) => (
                lang.pick("trạng thái", "status"),
                format!("{} → {}", status(*before, lang), status(*after, lang)),
            ),
            Field::Done(before, after) => (
                lang.pick("ngày hoàn thành", "done"),
                format!("{} → {}", day(before), day(after)),
            ),
            Field::Deadline(before, after) => (
                lang.pick("thời hạn", "deadline"),
                format!("{before} → {after}"),
            ),
            Field::Due(before) => (
                lang.pick("ngày đến hạn (due)", "due"),
                format!("{before} → —"),
            ),
        });
    }
    lines.push(match &edited.entry {
        Entry::Progress(p) => {
            let mut text = format!("+1: {}, {}", p.on, status(p.status, lang));
            if let Some(occurrence) = p.occurrence {
                text.push_str(&format!(", {} {occurrence}", lang.pick("kỳ", "occurrence")));
            }
            if let Some(note) = &p.note {
                text.push_str(&format!(", “{note}”"));
            }
            (lang.pick("tiến độ", "progress"), text)
        }
        Entry::Extension { on, from, to, by } => (
            lang.pick("gia hạn", "extension"),
            format!("+1: {on}, {from} → {to}, {by}"),
        ),
    });
    let width = lines.iter().map(|(l, _)| l.width()).max().unwrap_or(0);
    for (label, text) in lines {
        let pad = " ".repeat(width - label.width());
        writeln!(out, "  {label}{pad}  {text}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Progress, Status};

    #[test]
    fn a_progress_entry_reads_as_before_and_after() {
        let day = |d| NaiveDate::from_ymd_opt(2017, 7, d).unwrap();
        let edited = Edited {
            plan: "2449/KH-BHXH".into(),
            task: "1.3".into(),
            milestone: None,
            fields: vec![
                Field::Status(Status::Open, Status::Done),
                Field::Done(None, Some(day(10))),
            ],
            entry: Entry::Progress(Progress {
                on: day(10),
                status: Status::Done,
                note: Some("Đã triển khai".into()),
                occurrence: None,
            }),
            warnings: Vec::new(),
        };
        let mut out = Vec::new();
        write_edit(&edited, Path::new("plans/a.toml"), Lang::En, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "2449/KH-BHXH, task 1.3 (plans/a.toml)\n  status    open → done\n  done      — → 2017-07-10\n  progress  +1: 2017-07-10, done, “Đã triển khai”\n"
        );
    }
}
