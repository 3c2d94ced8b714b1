//! Progress forms (DESIGN §7): `form` sends a unit the work it leads that is still open, as
//! a workbook it fills in; `apply` records what comes back.
//!
//! A form's row is one item of a task ([`crate::progress::items`]): the task, one of its
//! milestones, or one occurrence of a recurring or several deadline. Each row carries a
//! hidden [`Key`]: which plan, task, milestone and occurrence it is, and a hash of what the
//! file said of that item when the form was made, so that an answer to a question that
//! has changed since is refused rather than recorded over the change.
//!
//! [`select`] chooses the rows (pure), [`workbook`] writes them, [`read`] reads a filled
//! form (xlsx or CSV) back into cells, and [`apply`] checks every row and prepares every
//! edit in memory before anything is written.

pub mod apply;
pub mod read;
pub mod workbook;

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::deadline::Kind;
use crate::model::{Milestone, Plan, Progress, Status, Task};
use crate::progress::{self, Category};

use crate::query::{Cutoff, Period, Span};

/// The quarter `day` falls in: the period of a form made without `--period`.
pub fn quarter_of(day: NaiveDate) -> Period {
    use chrono::Datelike;
    Period {
        year: day.year(),
        span: Span::Quarter(day.month0() / 3 + 1),
    }
}

/// The last day of a calendar period.
pub fn last_day(period: &Period) -> NaiveDate {
    period
        .window(Cutoff::Calendar)
        .map_or(NaiveDate::MAX, |w| w.end)
}

/// The header of a form, left to right; the columns from [`FILLED`] on are the unit's.
pub const HEADERS: [&str; 13] = [
    "Kế hoạch",
    "STT",
    "Nội dung công việc",
    "Mốc, kỳ",
    "Thời gian hoàn thành",
    "Hạn",
    "Trạng thái hiện tại",
    "Trạng thái",
    "Ngày hoàn thành",
    "Kết quả thực hiện",
    "Khó khăn, vướng mắc",
    "Đề xuất",
    "Khóa (không sửa)",
];

/// The index in [`HEADERS`] of the first column the unit fills.
pub const FILLED: usize = 7;
/// The columns the unit fills, and the hidden key, by their index in [`HEADERS`].
pub const STATUS: usize = 7;
pub const DONE: usize = 8;
pub const RESULT: usize = 9;
pub const DIFFICULTIES: usize = 10;
pub const PROPOSAL: usize = 11;
pub const KEY: usize = 12;

/// The words of the Trạng thái drop-down, each with the status it records.
pub const STATUS_CHOICES: [(&str, Status); 4] = [
    ("chưa thực hiện", Status::Open),
    ("đang thực hiện", Status::InProgress),
    ("đã hoàn thành", Status::Done),
    ("dừng thực hiện", Status::Cancelled),
];

/// The Vietnamese word of a status, as the drop-down writes it.
pub fn status_choice(status: Status) -> &'static str {
    STATUS_CHOICES
        .iter()
        .find(|(_, s)| *s == status)
        .map_or("", |(word, _)| word)
}

/// What identifies a row of a form, kept in its hidden column as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Key {
    /// The format of the key, so that a later one can tell an old form.
    pub v: u32,
    pub issuer: String,
    pub plan: String,
    pub task: String,
    /// The milestone's number, from 1, as `TASK/N` names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone: Option<usize>,
    /// The due day of the occurrence (or of the stage of a several deadline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<NaiveDate>,
    /// [`hash`] of the item as the form was made.
    pub hash: String,
}

/// The version of [`Key`] this build writes and reads.
pub const KEY_VERSION: u32 = 1;

impl Key {
    /// The key as its cell holds it.
    pub fn to_cell(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A key read from its cell; `None` when it is not one this build wrote.
    pub fn from_cell(text: &str) -> Option<Key> {
        serde_json::from_str::<Key>(text.trim())
            .ok()
            .filter(|k| k.v == KEY_VERSION)
    }

    /// The item the key names, whatever its hash: two rows with the same one are one item
    /// reported twice.
    pub fn item(&self) -> Key {
        Key {
            hash: String::new(),
            ..self.clone()
        }
    }

    /// `TASK` or `TASK/N`, as `progress` names the target.
    pub fn target(&self) -> String {
        match self.milestone {
            Some(n) => format!("{}/{n}", self.task),
            None => self.task.clone(),
        }
    }

    /// The item as messages name it: "task `1.3`", "milestone `I.5/1`".
    pub fn target_named(&self) -> String {
        match self.milestone {
            Some(_) => format!("milestone `{}`", self.target()),
            None => format!("task `{}`", self.task),
        }
    }
}

/// What the file says of an item, hashed: the task's words, units and deadline, the
/// record's (task's or milestone's) status, `done`, deadline and extensions, and the last
/// progress entry about the item. Not what it means on a day, so that the hash does not
/// depend on `--today`.
#[derive(Serialize)]
struct AsSent<'a> {
    issuer: &'a str,
    plan: &'a str,
    task: &'a str,
    content: &'a str,
    lead: &'a [String],
    deadline: Option<&'a str>,
    due: Option<NaiveDate>,
    status: Status,
    done: Option<NaiveDate>,
    extensions: usize,
    milestone: Option<&'a str>,
    milestone_deadline: Option<&'a str>,
    milestone_due: Option<NaiveDate>,
    milestone_status: Option<Status>,
    milestone_done: Option<NaiveDate>,
    milestone_extensions: usize,
    occurrence: Option<NaiveDate>,
    last: Option<&'a Progress>,
}

/// The hash of an item of `task` as the file has it now (16 hexadecimal digits).
pub fn hash(
    plan: &Plan,
    task: &Task,
    milestone: Option<&Milestone>,
    occurrence: Option<NaiveDate>,
) -> String {
    let entries = milestone.map_or(&task.progress, |m| &m.progress);
    let last = entries.iter().rev().find(|p| p.occurrence == occurrence);
    let sent = AsSent {
        issuer: &plan.issuer,
        plan: &plan.number,
        task: &task.id,
        content: &task.content,
        lead: &task.lead,
        deadline: task.deadline.as_deref(),
        due: task.due,
        status: task.status,
        done: task.done,
        extensions: task.extensions.len(),
        milestone: milestone.map(|m| m.what.as_str()),
        milestone_deadline: milestone.and_then(|m| m.deadline.as_deref()),
        milestone_due: milestone.and_then(|m| m.due),
        milestone_status: milestone.map(|m| m.status),
        milestone_done: milestone.and_then(|m| m.done),
        milestone_extensions: milestone.map_or(0, |m| m.extensions.len()),
        occurrence,
        last,
    };
    let json = serde_json::to_vec(&sent).unwrap_or_default();
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(&json))
}

/// One row of a form: an item of a task the unit leads, as it stands on the day the form
/// is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormRow {
    pub plan: String,
    pub issued: NaiveDate,
    /// The plan's file, as shown to users.
    pub file: PathBuf,
    pub task: String,
    pub content: String,
    /// A milestone's `what`, "2/3" for a stage of a several deadline.
    pub stage: Option<String>,
    pub occurrence: Option<NaiveDate>,
    /// The deadline in effect, and the original where an extension moved it.
    pub deadline: Option<String>,
    pub original_deadline: Option<String>,
    pub due: Option<NaiveDate>,
    pub status: Status,
    pub category: Category,
    /// today − due: positive when late.
    pub days_late: Option<i64>,
    pub key: Key,
}

/// The rows of a form for the units `units` (a unit and its predecessors) on `today`: the
/// items of tasks they lead that are neither done nor cancelled, of plans known and not
/// closed, due on or before the period's last day, or ongoing. In plan order (issue date,
/// number), then the tasks' order in the file, then the items'.
pub fn select(plans: &[Plan], units: &[String], period: &Period, today: NaiveDate) -> Vec<FormRow> {
    let end = last_day(period);
    let mut plans: Vec<&Plan> = plans
        .iter()
        .filter(|p| progress::known_on(p, today))
        .collect();
    plans.sort_by(|a, b| (a.issued, &a.number).cmp(&(b.issued, &b.number)));
    let mut rows = Vec::new();
    for plan in plans {
        for task in &plan.tasks {
            if !task.lead.iter().any(|code| units.contains(code)) {
                continue;
            }
            let items = progress::items(plan, task, today);
            for item in &items {
                let wanted = match item.category {
                    Category::OpenInTime | Category::OpenOverdue => {
                        item.due.is_some_and(|due| due <= end)
                    }
                    Category::Ongoing => true,
                    _ => false,
                };
                // The dates of a several deadline are items of one record, each reported
                // as an occurrence (by its due day), as recurring ones are.
                let siblings = items.iter().filter(|i| i.milestone == item.milestone);
                let dated_stage = item.occurrence.is_none()
                    && item.kind == Some(Kind::Several)
                    && siblings.count() > 1;
                if wanted {
                    let occurrence = item.occurrence.or(item.due.filter(|_| dated_stage));
                    rows.push(row(plan, task, item.clone(), occurrence));
                }
            }
        }
    }
    rows
}

fn row(plan: &Plan, task: &Task, item: progress::Item, occurrence: Option<NaiveDate>) -> FormRow {
    let milestone = item.milestone.and_then(|n| task.milestones.get(n - 1));
    let key = Key {
        v: KEY_VERSION,
        issuer: plan.issuer.clone(),
        plan: plan.number.clone(),
        task: task.id.clone(),
        milestone: item.milestone,
        occurrence,
        hash: hash(plan, task, milestone, occurrence),
    };
    FormRow {
        plan: plan.number.clone(),
        issued: plan.issued,
        file: plan.file.clone(),
        task: task.id.clone(),
        content: task.content.clone(),
        stage: item.stage,
        occurrence: item.occurrence,
        deadline: item.deadline.map(str::to_string),
        original_deadline: item.original_deadline.map(str::to_string),
        due: item.due,
        status: item.status,
        category: item.category,
        days_late: item.days_late,
        key,
    }
}

/// The column letters of a zero-based column index: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_as_a_spreadsheet_does() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(7), "H");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn a_key_reads_back_from_its_cell_and_refuses_other_text() {
        let key = Key {
            v: KEY_VERSION,
            issuer: "BHXH Việt Nam".into(),
            plan: "KSTTHC-2024/QĐ-BHXH".into(),
            task: "9".into(),
            milestone: None,
            occurrence: NaiveDate::from_ymd_opt(2024, 6, 19),
            hash: "0123456789abcdef".into(),
        };
        assert_eq!(Key::from_cell(&key.to_cell()), Some(key.clone()));
        assert_eq!(key.target(), "9");
        assert_eq!(Key::from_cell("9"), None);
        let other = key.to_cell().replace("\"v\":1", "\"v\":2");
        assert_eq!(Key::from_cell(&other), None);
    }

    #[test]
    fn the_drop_down_words_are_the_ones_progress_accepts() {
        for (word, status) in STATUS_CHOICES {
            assert_eq!(crate::edit::parse_status(word), Ok(status));
            assert_eq!(status_choice(status), word);
        }
    }
}
