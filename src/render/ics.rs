//! iCalendar (RFC 5545): one VTODO per dated task, stage or recurring occurrence, so that
//! units see their deadlines in a calendar program; or, since Google Calendar, Outlook and
//! most phones ignore VTODO, one all-day VEVENT on each due day.

use std::io::{self, Write};

use chrono::NaiveDate;

use super::Lang;
use super::labels::status_word;
use crate::model::Status;
use crate::query::ExportRow;

/// What each dated row becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcsComponent {
    /// A to-do due on the day, with its status (VTODO).
    Todo,
    /// An all-day event on the day (VEVENT), which every calendar program shows.
    Event,
}

/// Writes a VCALENDAR of every dated row. `stamp` is the DTSTAMP of every entry: a fixed
/// day keeps the file identical from run to run.
pub fn write_ics(
    rows: &[ExportRow],
    unit_names: &dyn Fn(&str) -> String,
    stamp: NaiveDate,
    component: IcsComponent,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//bhxh-plan//bhxh-plan//VI".into(),
        "CALSCALE:GREGORIAN".into(),
        "X-WR-CALNAME:bhxh-plan".into(),
    ];
    for row in rows {
        if let Some(due) = row.due {
            lines.extend(entry(row, due, unit_names, stamp, component));
        }
    }
    lines.push("END:VCALENDAR".into());
    for line in lines {
        out.write_all(fold(&line).as_bytes())?;
    }
    Ok(())
}

fn entry(
    row: &ExportRow,
    due: NaiveDate,
    unit_names: &dyn Fn(&str) -> String,
    stamp: NaiveDate,
    component: IcsComponent,
) -> Vec<String> {
    let key = format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        row.issuer,
        row.plan,
        row.task,
        row.milestone.as_deref().unwrap_or(""),
        row.occurrence.map(|o| o.to_string()).unwrap_or_default()
    );
    let stage = row
        .milestone
        .as_ref()
        .map(|m| format!(" · {m}"))
        .unwrap_or_default();
    let summary = format!("[{} {}{stage}] {}", row.plan, row.task, row.content);
    let names = |codes: &[String]| {
        codes
            .iter()
            .map(|c| unit_names(c))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut description = format!(
        "Kế hoạch: {} ({})\nNhiệm vụ {}: {}\nĐơn vị chủ trì: {}\nĐơn vị phối hợp: {}\nThời gian hoàn thành: {}",
        row.plan,
        row.issuer,
        row.task,
        row.content,
        names(&row.lead),
        names(&row.support),
        row.deadline.as_deref().unwrap_or("—")
    );
    let uid = fnv1a(key.as_bytes());
    let mut lines = match component {
        IcsComponent::Todo => vec![
            "BEGIN:VTODO".to_string(),
            format!("UID:{uid:016x}@bhxh-plan"),
            format!("DTSTAMP:{}T000000Z", stamp.format("%Y%m%d")),
            format!("DUE;VALUE=DATE:{}", due.format("%Y%m%d")),
        ],
        IcsComponent::Event => {
            // An event has no status a calendar shows: the description says it.
            description.push_str(&format!(
                "\nTrạng thái: {}",
                status_word(row.status, Lang::Vi)
            ));
            if let Some(done) = row.done {
                description.push_str(&format!(" ({done})"));
            }
            // DTEND is exclusive: an all-day event on `due` ends the next day.
            let end = due.succ_opt().unwrap_or(due);
            vec![
                "BEGIN:VEVENT".to_string(),
                format!("UID:{uid:016x}-event@bhxh-plan"),
                format!("DTSTAMP:{}T000000Z", stamp.format("%Y%m%d")),
                format!("DTSTART;VALUE=DATE:{}", due.format("%Y%m%d")),
                format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
                "TRANSP:TRANSPARENT".to_string(),
            ]
        }
    };
    lines.extend([
        format!("SUMMARY:{}", escape(&summary)),
        format!("DESCRIPTION:{}", escape(&description)),
        format!(
            "CATEGORIES:{}",
            row.lead
                .iter()
                .map(|c| escape(c))
                .collect::<Vec<_>>()
                .join(",")
        ),
        format!("X-BHXH-LEAD:{}", escape(&row.lead.join(","))),
        format!("X-BHXH-SUPPORT:{}", escape(&row.support.join(","))),
    ]);
    match component {
        IcsComponent::Todo => {
            let status = match row.status {
                Status::Open => "NEEDS-ACTION",
                Status::InProgress => "IN-PROCESS",
                Status::Done => "COMPLETED",
                Status::Cancelled => "CANCELLED",
            };
            lines.push(format!("STATUS:{status}"));
            if let (Status::Done, Some(done)) = (row.status, row.done) {
                lines.push(format!("COMPLETED:{}T000000Z", done.format("%Y%m%d")));
            }
            lines.push("END:VTODO".to_string());
        }
        IcsComponent::Event => {
            if row.status == Status::Cancelled {
                lines.push("STATUS:CANCELLED".to_string());
            }
            lines.push("END:VEVENT".to_string());
        }
    }
    lines
}

/// FNV-1a: a stable hash for UIDs (the std hasher may change between Rust versions).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// TEXT escaping of RFC 5545 §3.3.11.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character,
/// and ends it with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = format!("SUMMARY:{}", "Quản lý thu ".repeat(20));
        let folded = fold(&line);
        for part in folded.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= 75, "{} octets: {part}", part.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
