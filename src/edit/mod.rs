//! The in-place, atomic, comment-keeping changes to plan files (DESIGN §7): `progress`
//! records what a unit reported, `extend` a deadline moved by an official document.
//!
//! An edit is refused, and nothing written, unless the file checks without errors before
//! and after it. toml_edit makes the change ([`document`]), keeping comments, key order and
//! spacing; the byte-order mark and CRLF line endings are taken off before and put back
//! after. The file read back must then equal the original but for the touched keys and
//! keep every comment line ([`verify`]). The new bytes replace the file atomically, and
//! only if nobody changed it meanwhile ([`crate::atomic::replace`]).

mod document;
mod errors;
mod locate;
mod verify;

#[cfg(test)]
mod tests;

use std::path::Path;

use chrono::NaiveDate;
use toml_edit::DocumentMut;
use unicode_normalization::UnicodeNormalization;

use crate::atomic::{self, ReplaceError};
use crate::check;
use crate::diag::{Code, Diagnostic};
use crate::load;
use crate::model::{Progress, Status};
use crate::units::{self, Registry};

use document::Framing;
pub use errors::EditError;
use locate::Found;

/// What to record, and on which task or milestone.
#[derive(Debug, Clone)]
pub struct Request {
    /// `TASK` or `TASK/N`, the task's N-th milestone (from 1).
    pub target: String,
    /// The day it happened; not after the real date.
    pub on: NaiveDate,
    pub change: Change,
}

/// The two edits.
#[derive(Debug, Clone)]
pub enum Change {
    /// A progress entry; without `occurrence` it also sets `status` and `done`.
    Progress {
        status: Status,
        note: Option<String>,
        occurrence: Option<NaiveDate>,
    },
    /// An extension from the deadline in force to `to`, granted by the document `by`.
    Extend { to: String, by: String },
}

/// What an edit changed, for the before → after it prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    /// The plan's number.
    pub plan: String,
    pub task: String,
    /// The milestone's number (from 1) and its `what`.
    pub milestone: Option<(usize, String)>,
    /// The keys whose value changed, each before and after.
    pub fields: Vec<Field>,
    /// The entry added.
    pub entry: Entry,
    /// The day of the entry the new one was put before, when it is dated earlier than an
    /// entry already recorded (a late report): it goes in date order, and the later
    /// entry still gives the status.
    pub placed_before: Option<NaiveDate>,
    /// Warnings the change gave the file that it did not have before, such as a milestone
    /// reported in progress after its task was recorded done (W005). The change is
    /// written all the same: a warning never blocks an edit.
    pub warnings: Vec<Diagnostic>,
}

/// A key of the task or milestone, before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Status(Status, Status),
    Done(Option<NaiveDate>, Option<NaiveDate>),
    Deadline(String, String),
    /// The `due` override, removed by an extension: it fixed the old deadline's date.
    Due(NaiveDate),
}

/// The entry an edit added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Progress(Progress),
    Extension {
        on: NaiveDate,
        from: String,
        to: String,
        by: String,
    },
}

/// A change to the task's or milestone's table, made alike to the document and, to check
/// the result, to the original as parsed.
#[derive(Debug, Clone)]
enum Op {
    Set(&'static str, Scalar),
    Remove(&'static str),
    Append(&'static str, Vec<(&'static str, Scalar)>),
    /// An entry put before the one at this index of the list: a late report dated earlier.
    Insert(&'static str, usize, Vec<(&'static str, Scalar)>),
}

#[derive(Debug, Clone)]
enum Scalar {
    Text(String),
    Date(NaiveDate),
}

/// Where the touched table is: the index of the `[[task]]`, and of its `[[task.milestone]]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TablePath {
    task: usize,
    milestone: Option<usize>,
}

/// The words `--status` accepts, each with the status written to the file.
pub const STATUS_WORDS: &[(&str, Status)] = &[
    ("open", Status::Open),
    ("in-progress", Status::InProgress),
    ("done", Status::Done),
    ("cancelled", Status::Cancelled),
    ("chưa thực hiện", Status::Open),
    ("đang thực hiện", Status::InProgress),
    ("đã hoàn thành", Status::Done),
    ("dừng thực hiện", Status::Cancelled),
];

/// A status typed in English or Vietnamese, case and diacritics aside ("da hoan thanh").
pub fn parse_status(text: &str) -> Result<Status, String> {
    let folded = units::fold(text);
    STATUS_WORDS
        .iter()
        .find(|(word, _)| units::fold(word) == folded)
        .map(|(_, status)| *status)
        .ok_or_else(|| {
            let words: Vec<&str> = STATUS_WORDS.iter().map(|(w, _)| *w).collect();
            format!(
                "`{text}` is not a status: write one of {}",
                words.join(", ")
            )
        })
}

/// Edits the plan file at `path` in place; see [`edit_bytes`]. `clock` is the real date.
pub fn edit_file(
    path: &Path,
    registry: &Registry,
    clock: NaiveDate,
    request: &Request,
) -> Result<Edited, EditError> {
    let read_error = |e| EditError::Read(path.to_path_buf(), e);
    let bytes = std::fs::read(path).map_err(read_error)?;
    // Renaming over a read-only file would succeed (and always does for root): its
    // protection is honoured here instead.
    if std::fs::metadata(path)
        .map_err(read_error)?
        .permissions()
        .readonly()
    {
        return Err(EditError::ReadOnly(path.to_path_buf()));
    }
    let (edited_bytes, edited) = edit_bytes(&bytes, registry, clock, request)?;
    atomic::replace(path, &bytes, &edited_bytes).map_err(|e| match e {
        ReplaceError::Changed => EditError::ChangedOnDisk(path.to_path_buf()),
        ReplaceError::Io(e) => EditError::Write(path.to_path_buf(), e),
    })?;
    Ok(edited)
}

/// The plan file's bytes with the change made, and what changed. Pure: the file checks
/// without errors before and after, or nothing is made.
pub fn edit_bytes(
    bytes: &[u8],
    registry: &Registry,
    clock: NaiveDate,
    request: &Request,
) -> Result<(Vec<u8>, Edited), EditError> {
    if request.on > clock {
        return Err(EditError::OnAfterClock {
            on: request.on,
            clock,
        });
    }
    let checked = check::check_file(0, bytes, registry, clock);
    let text = load::decode(bytes).unwrap_or_else(|(lossy, _, _)| lossy);
    let warned_before: Vec<(Code, String)> = (checked.diagnostics.iter())
        .filter(|d| !d.is_error())
        .map(|d| (d.code, d.message.clone()))
        .collect();
    let errors = only_errors(checked.diagnostics);
    if !errors.is_empty() {
        return Err(EditError::HasErrors {
            diagnostics: errors,
            text,
        });
    }
    let plan = checked
        .plan
        .ok_or_else(|| EditError::Internal("a file without errors gave no plan".into()))?;
    let found = locate::find(&plan, &request.target)?;
    let (ops, mut edited) = change(&plan.number, &found, request)?;

    let original = String::from_utf8_lossy(bytes);
    let (framing, lf_text) = Framing::of(&original);
    let mut doc: DocumentMut = lf_text
        .parse()
        .map_err(|e| EditError::Internal(format!("toml_edit cannot read the file: {e}")))?;
    let id_there = doc
        .get("task")
        .and_then(|t| t.as_array_of_tables())
        .and_then(|t| t.get(found.path.task))
        .and_then(|t| t.get("id"))
        .and_then(|id| id.as_str());
    if id_there != Some(found.task.id.as_str()) {
        return Err(EditError::Unsupported(format!(
            "task `{}` is not the {}th `[[task]]` table of the file",
            found.task.id,
            found.path.task + 1
        )));
    }
    document::apply(&mut doc, found.path, &ops).map_err(EditError::Unsupported)?;
    let edited_text = framing.restore(&doc.to_string());
    verify::same_but_for(&text, without_bom(&edited_text), found.path, &ops)
        .map_err(EditError::Internal)?;

    let edited_bytes = edited_text.into_bytes();
    let rechecked = check::check_file(0, &edited_bytes, registry, clock);
    // Spans move with the edit; a warning is the same one when its code and message are.
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = rechecked
        .diagnostics
        .into_iter()
        .partition(Diagnostic::is_error);
    edited.warnings = warnings
        .into_iter()
        .filter(|w| !warned_before.contains(&(w.code, w.message.clone())))
        .collect();
    if !errors.is_empty() {
        let text = load::decode(&edited_bytes).unwrap_or_else(|(lossy, _, _)| lossy);
        return Err(EditError::WouldFail {
            diagnostics: errors,
            text,
        });
    }
    Ok((edited_bytes, edited))
}

fn only_errors(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect()
}

fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Text as the files keep it: NFC (a terminal may send NFD), without surrounding spaces.
pub fn verbatim(text: &str) -> String {
    text.trim().nfc().collect()
}

/// Whether a status without `--occurrence` may be recorded for a whole recurring series:
/// `cancelled` stops it (occurrences already reported keep their status), and `open` or
/// `in-progress` reopen a series closed as a whole. Any other would close every
/// occurrence, those not yet due included (`done`), or mean nothing: the user meant one
/// occurrence.
fn for_the_series(status: Status, now: Status) -> bool {
    status == Status::Cancelled || (!status.is_closed() && now.is_closed())
}

/// The changes to the table that `request` makes, and what they change.
fn change(plan: &str, found: &Found, request: &Request) -> Result<(Vec<Op>, Edited), EditError> {
    let on = request.on;
    let mut ops = Vec::new();
    let mut fields = Vec::new();
    let mut placed_before = None;
    let target = match found.milestone {
        Some((n, _)) => format!("milestone `{}/{n}`", found.task.id),
        None => format!("task `{}`", found.task.id),
    };
    let entry = match &request.change {
        Change::Progress {
            status,
            note,
            occurrence,
        } => {
            let (status_now, done_now) = match found.milestone {
                Some((_, m)) => (m.status, m.done),
                None => (found.task.status, found.task.done),
            };
            if occurrence.is_none() && found.recurs() && !for_the_series(*status, status_now) {
                return Err(EditError::Recurring {
                    target,
                    deadline: found.deadline().unwrap_or_default().to_string(),
                    occurrences: found.occurrences(),
                });
            }
            // Entries are kept in date order: a report that arrives late but is dated
            // earlier goes before the later ones (after those of its own day).
            let entries = found.progress();
            let at = entries.iter().take_while(|p| p.on <= on).count();
            let later = &entries[at..];
            if let Some(day) = *occurrence {
                let occurrences = found.occurrences();
                if !occurrences.contains(&day) {
                    return Err(EditError::UnknownOccurrence {
                        target,
                        day,
                        deadline: found.deadline().map(str::to_string),
                        occurrences,
                    });
                }
            } else if later.iter().all(|p| p.occurrence.is_some()) {
                // Only the last entry says what `status` and `done` are.
                if *status != status_now {
                    ops.push(Op::Set("status", Scalar::Text(status.as_str().into())));
                    fields.push(Field::Status(status_now, *status));
                }
                let done = (*status == Status::Done).then_some(on);
                if done != done_now {
                    ops.push(match done {
                        Some(day) => Op::Set("done", Scalar::Date(day)),
                        None => Op::Remove("done"),
                    });
                    fields.push(Field::Done(done_now, done));
                }
            }
            let note = note.as_deref().map(verbatim).filter(|n| !n.is_empty());
            let recorded = Progress {
                on,
                status: *status,
                note: note.clone(),
                occurrence: *occurrence,
            };
            // The same command run twice (a retry, a line recalled from the shell's
            // history) would otherwise report the same thing twice.
            let previous = entries[..at]
                .iter()
                .rev()
                .find(|p| p.occurrence == *occurrence);
            if previous == Some(&recorded) {
                return Err(EditError::AlreadyRecorded {
                    target,
                    entry: recorded,
                });
            }
            let mut entry = vec![
                ("on", Scalar::Date(on)),
                ("status", Scalar::Text(status.as_str().into())),
            ];
            entry.extend(note.clone().map(|n| ("note", Scalar::Text(n))));
            entry.extend(occurrence.map(|o| ("occurrence", Scalar::Date(o))));
            match later.first() {
                Some(next) => {
                    ops.push(Op::Insert("progress", at, entry));
                    placed_before = Some(next.on);
                }
                None => ops.push(Op::Append("progress", entry)),
            }
            Entry::Progress(recorded)
        }
        Change::Extend { to, by } => {
            let Some(from) = found.deadline() else {
                return Err(EditError::NoDeadline {
                    task: found.task.id.clone(),
                    milestones: found.task.milestones.len(),
                });
            };
            let (to, by) = (verbatim(to), verbatim(by));
            if from == to {
                let granted = found
                    .extensions()
                    .last()
                    .filter(|e| e.to == to)
                    .map(|e| (e.on, e.by.clone()));
                return Err(EditError::SameDeadline {
                    target,
                    deadline: to,
                    granted,
                });
            }
            ops.push(Op::Set("deadline", Scalar::Text(to.clone())));
            fields.push(Field::Deadline(from.to_string(), to.clone()));
            // A `due` dated the deadline being replaced (an event that happened): kept, it
            // would pin the new deadline to the old day.
            let due_now = match found.milestone {
                Some((_, m)) => m.due,
                None => found.task.due,
            };
            if let Some(due) = due_now {
                ops.push(Op::Remove("due"));
                fields.push(Field::Due(due));
            }
            ops.push(Op::Append(
                "extension",
                vec![
                    ("on", Scalar::Date(on)),
                    ("from", Scalar::Text(from.to_string())),
                    ("to", Scalar::Text(to.clone())),
                    ("by", Scalar::Text(by.clone())),
                ],
            ));
            Entry::Extension {
                on,
                from: from.to_string(),
                to,
                by,
            }
        }
    };
    let edited = Edited {
        plan: plan.to_string(),
        task: found.task.id.clone(),
        milestone: found.milestone.map(|(n, m)| (n, m.what.clone())),
        fields,
        entry,
        placed_before,
        warnings: Vec::new(),
    };
    Ok((ops, edited))
}
