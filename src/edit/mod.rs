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
mod locate;
mod verify;

#[cfg(test)]
mod tests;

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use toml_edit::DocumentMut;
use unicode_normalization::UnicodeNormalization;

use crate::atomic::{self, ReplaceError};
use crate::check;
use crate::diag::Diagnostic;
use crate::load;
use crate::model::{Progress, Status};
use crate::units::{self, Registry};

use document::Framing;
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
}

/// A key of the task or milestone, before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Status(Status, Status),
    Done(Option<NaiveDate>, Option<NaiveDate>),
    Deadline(String, String),
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

/// Why nothing was written.
#[derive(Debug)]
pub enum EditError {
    /// `--on` is after the real date.
    OnAfterClock {
        on: NaiveDate,
        clock: NaiveDate,
    },
    UnknownTask {
        plan: String,
        id: String,
        nearest: Option<String>,
        ids: Vec<String>,
    },
    NoMilestone {
        task: String,
        n: usize,
        count: usize,
    },
    UnknownOccurrence {
        /// "task `9`", "milestone `I.5/1`".
        target: String,
        day: NaiveDate,
        deadline: Option<String>,
        occurrences: Vec<NaiveDate>,
    },
    /// `extend` on a task whose deadlines are only its milestones'.
    NoDeadline {
        task: String,
        milestones: usize,
    },
    SameDeadline {
        /// "task `9`", "milestone `I.5/1`".
        target: String,
        deadline: String,
    },
    /// The file has errors before the edit: the errors, and the text they point into.
    HasErrors {
        diagnostics: Vec<Diagnostic>,
        text: String,
    },
    /// The edited file would have these errors.
    WouldFail {
        diagnostics: Vec<Diagnostic>,
        text: String,
    },
    /// The file is written in a way that cannot be edited in place without loss.
    Unsupported(String),
    /// The edit changed more than it should have: a bug of ours.
    Internal(String),
    ReadOnly(PathBuf),
    Read(PathBuf, std::io::Error),
    Write(PathBuf, std::io::Error),
    ChangedOnDisk(PathBuf),
}

/// A change to the task's or milestone's table, made alike to the document and, to check
/// the result, to the original as parsed.
#[derive(Debug, Clone)]
enum Op {
    Set(&'static str, Scalar),
    Remove(&'static str),
    Append(&'static str, Vec<(&'static str, Scalar)>),
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
    let (ops, edited) = change(&plan.number, &found, request)?;

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
    let errors = only_errors(rechecked.diagnostics);
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
fn verbatim(text: &str) -> String {
    text.trim().nfc().collect()
}

/// The changes to the table that `request` makes, and what they change.
fn change(plan: &str, found: &Found, request: &Request) -> Result<(Vec<Op>, Edited), EditError> {
    let on = request.on;
    let mut ops = Vec::new();
    let mut fields = Vec::new();
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
            } else {
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
            let mut entry = vec![
                ("on", Scalar::Date(on)),
                ("status", Scalar::Text(status.as_str().into())),
            ];
            entry.extend(note.clone().map(|n| ("note", Scalar::Text(n))));
            entry.extend(occurrence.map(|o| ("occurrence", Scalar::Date(o))));
            ops.push(Op::Append("progress", entry));
            Entry::Progress(Progress {
                on,
                status: *status,
                note,
                occurrence: *occurrence,
            })
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
                return Err(EditError::SameDeadline {
                    target,
                    deadline: to,
                });
            }
            ops.push(Op::Set("deadline", Scalar::Text(to.clone())));
            fields.push(Field::Deadline(from.to_string(), to.clone()));
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
    };
    Ok((ops, edited))
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::OnAfterClock { on, clock } => write!(
                f,
                "`--on {on}` is after today, {clock}: record what has happened, on or before {clock}"
            ),
            EditError::UnknownTask {
                plan,
                id,
                nearest,
                ids,
            } => {
                write!(f, "plan `{plan}` has no task `{id}`")?;
                if let Some(nearest) = nearest {
                    write!(f, "; did you mean `{nearest}`?")?;
                }
                write!(f, " (its tasks: {})", listed(ids))
            }
            EditError::NoMilestone { task, n, count } => match count {
                0 => write!(
                    f,
                    "task `{task}` has no milestones, so no milestone {n}; write `{task}` for the task itself"
                ),
                _ => write!(
                    f,
                    "task `{task}` has no milestone {n}: it has {count}, `{task}/1` to `{task}/{count}`"
                ),
            },
            EditError::UnknownOccurrence {
                target,
                day,
                deadline,
                occurrences,
            } => {
                let deadline = deadline.as_deref().unwrap_or("");
                if occurrences.is_empty() {
                    write!(
                        f,
                        "{target} has no occurrences, so none on {day}: its deadline `{deadline}` is not recurring; leave out `--occurrence`"
                    )
                } else {
                    let days: Vec<String> = occurrences.iter().map(ToString::to_string).collect();
                    write!(
                        f,
                        "{day} is not an occurrence of {target} (deadline `{deadline}`); its occurrences are {}",
                        listed(&days)
                    )
                }
            }
            EditError::NoDeadline { task, milestones } => write!(
                f,
                "task `{task}` has no deadline of its own to extend, only its {milestones} milestones have: extend one of them, `{task}/1` to `{task}/{milestones}`"
            ),
            EditError::SameDeadline { target, deadline } => {
                write!(f, "the deadline of {target} is already `{deadline}`")
            }
            EditError::HasErrors { diagnostics, .. } => {
                let n = diagnostics.len();
                let plural = if n == 1 { "" } else { "s" };
                write!(
                    f,
                    "the plan file has {n} error{plural}; fix it first (`bhxh-plan check` shows them)"
                )
            }
            EditError::WouldFail { .. } => write!(
                f,
                "nothing was written: the change would give the plan file the errors above"
            ),
            EditError::Unsupported(why) => {
                write!(
                    f,
                    "cannot edit the plan file in place: {why}; nothing was written"
                )
            }
            EditError::Internal(why) => write!(
                f,
                "internal error: {why}; nothing was written (please report this)"
            ),
            EditError::ReadOnly(path) => write!(
                f,
                "`{}` is read-only (permission denied); nothing was written: make it writable and run again",
                path.display()
            ),
            EditError::Read(path, e) => write!(f, "cannot read `{}`: {e}", path.display()),
            EditError::Write(path, e) => write!(
                f,
                "cannot write `{}`: {e}; the file is unchanged",
                path.display()
            ),
            EditError::ChangedOnDisk(path) => write!(
                f,
                "`{}` changed on disk while editing; nothing was written: run again",
                path.display()
            ),
        }
    }
}

impl std::error::Error for EditError {}

/// The first names of a long list, and how many more.
fn listed(names: &[String]) -> String {
    const SHOWN: usize = 12;
    let mut text = names
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        text.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    text
}
